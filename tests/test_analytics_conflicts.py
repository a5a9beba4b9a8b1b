"""Tests of zhipu_ipo.analytics.reconcile and conflicts: one value from many statements."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import zhipu_ipo
from zhipu_ipo.analytics import FxTable, conflicts
from zhipu_ipo.analytics.observations import observations
from zhipu_ipo.analytics.reconcile import reconcile
from zhipu_ipo.models import Fact
from zhipu_ipo.tables import facts_frame

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def frame(*rows):
    base = {"doc": "a", "entity": "zhipu", "unit": "CNY", "metric": "revenue", "period": "2024"}
    return facts_frame([Fact(**{**base, **r}) for r in rows])


def rec(*rows):
    return reconcile(observations(frame(*rows)))


# statements (doc, value, qualifier) -> (verdict, chosen value, chosen doc)
RECONCILE = [
    ([("a", "312000000", "exact"), ("b", "312400000", "exact")], ("agree", "312400000", "b")),   # most precise
    ([("a", "820000000", "exact"), ("b", "2358000000", "exact")], ("conflict", "2358000000", "b")),  # tie: precise
    ([("a", "820000000", "exact"), ("b", "820000000", "exact"), ("c", "2358000000", "exact")],
     ("conflict", "820000000", "a")),                                                             # most sources
    ([("a", "4300000000", "approx"), ("b", "4300000000", "exact")], ("agree", "4300000000", "b")),  # exact first
    ([("a", "6200000000", "at_least"), ("b", "6248000000", "exact")], ("agree", "6248000000", "b")),
    ([("a", "6200000000", "at_least")], ("single", "6200000000", "a")),
]


@pytest.mark.parametrize("rows,expected", RECONCILE)
def test_reconcile(rows, expected):
    r = rec(*[{"doc": d, "value": D(v), "qualifier": q} for d, v, q in rows])
    assert (r.verdict, str(r.value), r.chosen.doc) == expected


def test_reconcile_nothing():
    assert reconcile([]) is None


# rows -> (unit, verdict, values, docs, reconciled, fx)
CONFLICTS = [
    ([{"doc": "a", "value": D("312000000")}, {"doc": "b", "value": D("312400000")}],
     ("CNY", "agree", "3.12亿元 | 3.124亿元", "a | b", 312400000.0, "")),
    ([{"doc": "a", "value": D("820000000"), "period": "2025H1", "metric": "net_loss"},
      {"doc": "b", "value": D("2358000000"), "period": "2025H1", "metric": "net_loss"}],
     ("CNY", "conflict", "8.2亿元 | 23.58亿元", "a | b", 2358000000.0, "")),
    # a restatement in another currency is compared at a named rate
    ([{"doc": "a", "metric": "gross_proceeds", "period": None, "value": D("4300000000"), "unit": "HKD"},
      {"doc": "a", "metric": "gross_proceeds", "period": None, "value": D("560000000"), "unit": "USD",
       "qualifier": "approx", "rule": "conversion"}],
     ("HKD", "agree", "43亿港元 | 约5.6亿美元", "a | a", 4300000000.0, "USD/HKD 7.78 (default)")),
    ([{"doc": "a", "metric": "post_money_valuation", "period": None, "value": D("3000000000"), "unit": "USD"},
      {"doc": "a", "metric": "post_money_valuation", "period": None, "value": D("30000000000"),
       "qualifier": "approx"}],
     ("CNY", "conflict", "30亿美元 | 约300亿元", "a | a", 30000000000.0, "USD/CNY 7.00 (default)")),
]


@pytest.mark.parametrize("rows,expected", CONFLICTS)
def test_conflicts(rows, expected):
    df = conflicts(frame(*rows), fx=FxTable.default())
    assert len(df) == 1
    r = df.iloc[0]
    assert (r["unit"], r["verdict"], r["values"], r["docs"], r["reconciled"], r["fx"]) == expected


def test_conflict_explanation_names_the_outlier_and_converted_values():
    df = conflicts(frame({"doc": "a", "metric": "post_money_valuation", "period": None, "value": D("3000000000"),
                          "unit": "USD"},
                         {"doc": "a", "metric": "post_money_valuation", "period": None, "value": D("30000000000"),
                          "qualifier": "approx"}), fx=FxTable.default())
    assert df["explanation"].iloc[0] == (
        "shown as 约300亿元 (a), which most statements agree with; the statements in other currencies do not "
        "match it: 30亿美元 ≈ 210亿元; converted into CNY at USD/CNY 7.00 (default) with a 3% FX tolerance")


def test_single_statements_forecasts_and_segments_are_apart():
    df = conflicts(frame({"doc": "a", "value": D("312400000")},
                         {"doc": "b", "value": D("400000000"), "forecast": True},
                         {"doc": "c", "value": D("162000000"), "segment": "local_deployment"}))
    assert len(df) == 0


def test_columns_dtypes_and_order():
    df = conflicts(frame({"doc": "b", "value": D("312400000")}, {"doc": "a", "value": D("312000000")},
                         {"doc": "a", "metric": "net_loss", "value": D("2958000000")},
                         {"doc": "b", "metric": "net_loss", "value": D("2958000000")},
                         {"doc": "a", "period": "2023", "value": D("124500000")},
                         {"doc": "b", "period": "2023", "value": D("124500000")}))
    assert list(df.columns) == ["entity", "metric", "period", "segment", "forecast", "unit", "n", "n_docs",
                                "values", "docs", "quotes", "verdict", "reconciled", "reconciled_text", "fx",
                                "explanation"]
    assert [(m, p) for m, p in zip(df["metric"], df["period"])] == [
        ("revenue", "2023"), ("revenue", "2024"), ("net_loss", "2024")]
    assert list(df["docs"]) == ["a | b", "a | b", "a | b"]
    dtypes = {c: str(t) for c, t in df.dtypes.items()}
    assert (dtypes["n"], dtypes["reconciled"], dtypes["forecast"], dtypes["verdict"]) == (
        "int64", "float64", "bool", "string")


@pytest.fixture(scope="module")
def seed_conflicts():
    return zhipu_ipo.load(SEEDS).conflicts()


# Done-when rows and a few more from the seeds: (entity, metric, period) -> (verdict, values)
SEED_ROWS = [
    ("zhipu", "net_loss", "2025H1", "conflict", "8.2亿元 | 23.58亿元"),
    ("zhipu", "revenue", "2024", "agree", "3.124亿元 | 3.12亿元 | 3.124亿元"),
    ("zhipu", "rd_expense", "2023", "agree", "5.289亿元 | 5.29亿元"),
    ("zhipu", "revenue", "2025H1", "agree", "1.91亿元 | 2720万美元 | 1.91亿元 | 约2700万美元"),
]


@pytest.mark.parametrize("entity,metric,period,verdict,values", SEED_ROWS)
def test_seed_conflicts(seed_conflicts, entity, metric, period, verdict, values):
    df = seed_conflicts
    row = df[(df["entity"] == entity) & (df["metric"] == metric) & (df["period"] == period)
             & df["segment"].isna()]
    assert len(row) == 1
    assert (row["verdict"].iloc[0], row["values"].iloc[0]) == (verdict, values)


def test_seed_net_loss_conflict_is_shown_as_the_precise_value(seed_conflicts):
    df = seed_conflicts
    row = df[(df["metric"] == "net_loss") & (df["period"] == "2025H1")].iloc[0]
    assert row["reconciled"] == 2358000000.0
    assert row["docs"] == "001_8b2fe20a107fcfe5 | 003_841e72b438b65ddd"
