"""Tests of zhipu_ipo.analytics.derived: what the library computes from stated base figures."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import zhipu_ipo
from zhipu_ipo.analytics import FxTable, derived
from zhipu_ipo.analytics.precision import CONTEXT
from zhipu_ipo.models import Fact
from zhipu_ipo.tables import facts_frame

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def frame(*rows):
    base = {"doc": "a", "entity": "zhipu", "unit": "CNY"}
    return facts_frame([Fact(**{**base, **r}) for r in rows])


@pytest.fixture(scope="module")
def corpus():
    return zhipu_ipo.load(SEEDS)


@pytest.fixture(scope="module")
def seed_derived(corpus):
    return corpus.derived()


def row(df, metric, period, segment=None, entity="zhipu"):
    sel = df[(df["entity"] == entity) & (df["metric"] == metric)]
    sel = sel[sel["period"].isna()] if period is None else sel[sel["period"] == period]
    sel = sel[sel["segment"].isna()] if segment is None else sel[sel["segment"] == segment]
    assert len(sel) == 1, (metric, period, segment, len(sel))
    return sel.iloc[0]


# (metric, period, segment, value rounded to `places`, places, unit, qualifier)
SEED_FIGURES = [
    ("revenue_cagr", "2022..2024", None, "133.3", 1, "percent", "exact"),            # Done-when
    ("rd_to_revenue", "2024", None, "702.8", 1, "percent", "exact"),                 # Done-when
    ("rd_to_revenue", "2022", None, "147.0", 1, "percent", "exact"),
    ("rd_to_revenue", "2023", None, "424.8", 1, "percent", "exact"),
    ("rd_to_revenue", "2025H1", None, "834.9", 1, "percent", "exact"),
    ("rd_to_revenue", "2022..2025H1", None, "642.6", 1, "percent", "exact"),         # about 6.4x, not 8x
    ("revenue_growth", "2023", None, "116.9", 1, "percent", "exact"),
    ("revenue_growth", "2024", None, "150.9", 1, "percent", "exact"),
    ("revenue_growth", "2025H1", None, "325.0", 1, "percent", "exact"),              # from the USD figures
    ("net_loss_growth", "2024", None, "275.4", 1, "percent", "exact"),
    ("loss_to_revenue", "2025H1", None, "12.35", 2, "times", "exact"),
    ("loss_to_revenue", "2024", None, "9.47", 2, "times", "exact"),
    ("revenue_share", "2025H1", "local_deployment", "84.82", 2, "percent", "exact"),
    ("revenue_share", "2025H1", "cloud_deployment", "15.18", 2, "percent", "exact"),
    ("implied_shares_outstanding", None, None, "439759036", 0, "shares", "at_least"),
    ("implied_gross_proceeds", None, None, "4348145900", 0, "HKD", "exact"),
    ("cornerstone_share", None, None, "69.3", 1, "percent", "approx"),
    ("price_to_sales", "2025", None, "102.2", 1, "times", "range"),
    ("price_to_sales", "2024", None, "147.2", 1, "times", "at_least"),
]


@pytest.mark.parametrize("metric,period,segment,value,places,unit,qualifier", SEED_FIGURES)
def test_seed_figures(seed_derived, metric, period, segment, value, places, unit, qualifier):
    r = row(seed_derived, metric, period, segment)
    assert round(r["value_decimal"], places) == D(value)
    assert (r["unit"], r["qualifier"]) == (unit, qualifier)


# exact totals: (metric, span, value, work)
SEED_TOTALS = [
    ("revenue", "2022..2025H1", "685300000", "5740万元 + 1.245亿元 + 3.124亿元 + 1.91亿元"),
    ("rd_expense", "2022..2025H1", "4403400000", "8440万元 + 5.289亿元 + 21.954亿元 + 15.947亿元"),
    ("rd_expense", "2022..2024", "2808700000", "8440万元 + 5.289亿元 + 21.954亿元"),
    ("net_loss", "2022..2025H1", "6248000000", "1.44亿元 + 7.88亿元 + 29.58亿元 + 23.58亿元"),
]


@pytest.mark.parametrize("metric,span,value,work", SEED_TOTALS)
def test_seed_totals_are_exact(seed_derived, metric, span, value, work):
    r = row(seed_derived, metric, span)
    assert (r["value_decimal"], r["work"], r["basis"]) == (D(value), work, "sum")


def test_cagr_and_rd_ratio_show_formula_and_inputs(seed_derived):
    cagr = row(seed_derived, "revenue_cagr", "2022..2024")
    assert cagr["formula"] == "((revenue 2024 / revenue 2022) ^ (1/2) − 1) × 100"
    assert cagr["inputs"] == "revenue 2024 = 3.124亿元; revenue 2022 = 5740万元"
    assert cagr["sources"] == "002_ddfad0c2bdf05b00, 003_841e72b438b65ddd"
    rd = row(seed_derived, "rd_to_revenue", "2024")
    assert rd["formula"] == "rd_expense 2024 / revenue 2024 × 100"
    assert rd["work"] == "21.954亿元 / 3.124亿元 × 100"


def test_gross_profit_from_margin_is_exact(seed_derived):
    assert row(seed_derived, "gross_profit", "2024")["value_decimal"] == D("175881200.000")
    assert row(seed_derived, "gross_profit", "2025H1", "cloud_deployment")["value_decimal"] == D("-116000.000")


def test_price_to_sales_names_its_basis_and_rate(seed_derived):
    fwd = row(seed_derived, "price_to_sales", "2025")
    assert (fwd["basis"], fwd["fx"]) == ("forecast revenue 2025", "HKD/CNY 0.90 (default)")
    assert (round(fwd["low"], 3), round(fwd["high"], 3)) == (91.98, 114.975)
    trailing = row(seed_derived, "price_to_sales", "2024")
    assert trailing["basis"] == "trailing revenue 2024"


def test_price_to_sales_follows_a_given_rate(corpus):
    d = corpus.derived(fx=FxTable.of({"HKD/CNY": "1"}, source="test"))
    fwd = row(d, "price_to_sales", "2025")
    assert fwd["value_decimal"] == CONTEXT.divide(D("51100000000"), D("450000000"))
    assert fwd["fx"] == "HKD/CNY 1 (given)"


# synthetic facts -> expected derived (metric, period, value) rows, in order
SYNTHETIC = [
    # growth needs the same kind of period a year earlier, in one currency
    ([{"metric": "revenue", "period": "2023", "value": D("100")},
      {"metric": "revenue", "period": "2024", "value": D("150")}],
     [("revenue_growth", "2024", D("50"))]),
    ([{"metric": "revenue", "period": "2024H1", "value": D("100")},
      {"metric": "revenue", "period": "2025", "value": D("150")}],
     []),
    # a CAGR over every pair of years at least two apart; the total over the run of 3 years
    ([{"metric": "revenue", "period": "2022", "value": D("100")},
      {"metric": "revenue", "period": "2023", "value": D("150")},
      {"metric": "revenue", "period": "2024", "value": D("400")}],
     [("revenue", "2022..2024", D("650")), ("revenue_growth", "2023", D("50")),
      ("revenue_growth", "2024", D("166.6666666666666666666666666666667")),
      ("revenue_cagr", "2022..2024", D("100"))]),
    # a missing input gives no figure
    ([{"metric": "rd_expense", "period": "2024", "value": D("700")}], []),
    # an input in another currency is converted with a named rate
    ([{"metric": "rd_expense", "period": "2024", "value": D("700")},
      {"metric": "revenue", "period": "2024", "value": D("10"), "unit": "USD"}],
     [("rd_to_revenue", "2024", D("1000"))]),
]


@pytest.mark.parametrize("rows,expected", SYNTHETIC)
def test_synthetic(rows, expected):
    d = derived(frame(*rows), fx=FxTable.of({"USD/CNY": "7"}, source="test"))
    assert [(m, p, v) for m, p, v in zip(d["metric"], d["period"], d["value_decimal"])] == expected


def test_conversion_is_named():
    d = derived(frame({"metric": "rd_expense", "period": "2024", "value": D("700")},
                      {"metric": "revenue", "period": "2024", "value": D("10"), "unit": "USD"}),
                fx=FxTable.of({"USD/CNY": "7"}, source="test"))
    assert (d["fx"].iloc[0], d["inputs"].iloc[0]) == (
        "USD/CNY 7 (given)", "rd_expense 2024 = 700元; revenue 2024 = 70元 (10美元 at USD/CNY 7 (given))")


def test_columns_dtypes_and_order(seed_derived):
    assert list(seed_derived.columns) == [
        "entity", "metric", "period", "segment", "value", "unit", "qualifier", "low", "high", "formula",
        "inputs", "work", "sources", "fx", "basis", "value_decimal"]
    dtypes = {c: str(t) for c, t in seed_derived.dtypes.items()}
    assert (dtypes["value"], dtypes["metric"], dtypes["value_decimal"]) == ("float64", "string", "object")
    zhipu = seed_derived[seed_derived["entity"] == "zhipu"]
    order = ["revenue", "net_loss", "rd_expense", "gross_profit", "revenue_growth", "net_loss_growth",
             "revenue_cagr", "rd_to_revenue", "loss_to_revenue", "revenue_share", "first_day_return",
             "first_day_open_change", "implied_shares_outstanding", "implied_gross_proceeds", "cornerstone_share",
             "price_to_sales"]
    seen = list(dict.fromkeys(zhipu["metric"]))
    assert seen == [m for m in order if m in seen]
    assert {"revenue_cagr", "rd_to_revenue", "price_to_sales", "cornerstone_share"} <= set(seen)
    rd = zhipu[zhipu["metric"] == "rd_to_revenue"]
    assert list(rd["period"]) == ["2022", "2023", "2022..2024", "2024", "2022..2025H1", "2025H1"]
    assert list(seed_derived["entity"].drop_duplicates()) == ["minimax", "zhipu"]


# the listing day: (prices on the listing date, expected first-day figures)
LISTING = [
    ({"open_price": "120", "last_price": "116.5"},
     [("first_day_return", "0.26", "last price at the time of writing"), ("first_day_open_change", "3.27", "open")]),
    ({"open_price": "120", "close_price": "121", "last_price": "116.5"},
     [("first_day_return", "4.13", "close"), ("first_day_open_change", "3.27", "open")]),
    ({"high_price": "121"}, []),
]


@pytest.mark.parametrize("prices,expected", LISTING)
def test_first_day_against_the_offer_price(prices, expected):
    rows = [{"metric": "offer_price", "value": D("116.20"), "unit": "HKD/share"},
            {"metric": "listing_date", "value": "2026-01-08", "unit": "date"}]
    rows += [{"metric": m, "period": "2026-01-08", "value": D(v), "unit": "HKD/share"} for m, v in prices.items()]
    d = derived(frame(*rows), fx=FxTable.default())
    got = [(m, str(round(v, 2)), b) for m, v, b in zip(d["metric"], d["value_decimal"], d["basis"])
           if m.startswith("first_day")]
    assert got == expected
