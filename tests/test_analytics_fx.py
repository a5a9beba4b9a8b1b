"""Tests of zhipu_ipo.analytics.fx: the FX table, its defaults and the rates articles imply."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from zhipu_ipo.analytics import FxTable
from zhipu_ipo.analytics.fx import FxRate, implied_rates
from zhipu_ipo.analytics.precision import CONTEXT
from zhipu_ipo.models import Fact
from zhipu_ipo.tables import facts_frame


def frame(*rows):
    base = {"doc": "a", "entity": "zhipu", "unit": "CNY"}
    return facts_frame([Fact(**{**base, **r}) for r in rows])


def test_default_table_says_it_is_a_default():
    fx = FxTable.default()
    got = [(r.pair, str(r.rate), r.kind, r.name) for r in fx.rates]
    assert got == [
        ("USD/CNY", "7.00", "default", "USD/CNY 7.00 (default)"),
        ("USD/HKD", "7.78", "default", "USD/HKD 7.78 (default)"),
        ("HKD/CNY", "0.90", "default", "HKD/CNY 0.90 (default)"),
    ]
    assert all("default" in r.source and r.as_of == "2026-01-08" for r in fx.rates)


# (base, quote, expected rate, how, name)
LOOKUPS = [
    ("USD", "CNY", D("7.00"), "direct", "USD/CNY 7.00 (default)"),
    ("CNY", "USD", CONTEXT.divide(D(1), D("7.00")), "inverse", "CNY/USD 0.1429 (inverse of USD/CNY 7.00 (default))"),
    ("HKD", "CNY", D("0.90"), "direct", "HKD/CNY 0.90 (default)"),
    ("HKD", "USD", CONTEXT.divide(D(1), D("7.78")), "inverse", "HKD/USD 0.1285 (inverse of USD/HKD 7.78 (default))"),
    ("CNY", "CNY", D(1), "direct", "CNY/CNY 1 (identity)"),
]


@pytest.mark.parametrize("base,quote,rate,how,name", LOOKUPS)
def test_rate_lookup(base, quote, rate, how, name):
    r = FxTable.default().rate(base, quote)
    assert (r.rate, r.how, r.name) == (rate, how, name)


def test_cross_rate_names_both_legs():
    fx = FxTable.of({"USD/CNY": "7.1", "USD/HKD": "7.8"}, source="desk")
    r = fx.rate("HKD", "CNY")
    assert r.how == "cross"
    assert r.rate == CONTEXT.multiply(CONTEXT.divide(D(1), D("7.8")), D("7.1"))
    assert r.name == ("HKD/CNY 0.9103 (cross: HKD/USD 0.1282 (inverse of USD/HKD 7.8 (given)) × "
                      "USD/CNY 7.1 (given))")


def test_given_rates_are_preferred_and_kinds_can_be_chosen():
    fx = FxTable.default().with_rate("USD", "CNY", "7.1", source="my desk")
    assert fx.rate("USD", "CNY").rate == D("7.1")
    assert fx.rate("USD", "CNY", kind="default").rate == D("7.00")
    assert fx.preferring("default").rate("USD", "CNY").rate == D("7.00")


def test_convert_and_missing_pair():
    amount, rate = FxTable.default().convert(D("100000000"), "USD", "CNY")
    assert (amount, rate.name) == (D("700000000.00"), "USD/CNY 7.00 (default)")
    with pytest.raises(KeyError):
        FxTable.default().rate("EUR", "JPY")
    with pytest.raises(ValueError):
        FxTable.of({"USDCNY": "7"})


# facts of one document -> implied rates (pair, rate, source)
IMPLIED = [
    ([{"metric": "gross_proceeds", "value": D("4300000000"), "unit": "HKD", "rule": "cue"},
      {"metric": "gross_proceeds", "value": D("560000000"), "unit": "USD", "qualifier": "approx", "rule": "conversion"}],
     [("USD/HKD", CONTEXT.divide(D("4300000000"), D("560000000")), "43亿港元 ≈ 5.6亿美元, zhipu gross_proceeds")]),
    # two currencies without a conversion are two claims, not a rate
    ([{"metric": "post_money_valuation", "value": D("3000000000"), "unit": "USD"},
      {"metric": "post_money_valuation", "value": D("30000000000"), "unit": "CNY", "qualifier": "approx"}],
     []),
    # a conversion in another document implies nothing
    ([{"metric": "gross_proceeds", "value": D("4300000000"), "unit": "HKD"},
      {"metric": "gross_proceeds", "value": D("560000000"), "unit": "USD", "rule": "conversion", "doc": "b"}],
     []),
    ([{"metric": "revenue", "period": "2025H1", "value": D("191000000"), "unit": "CNY"},
      {"metric": "revenue", "period": "2025H1", "value": D("27200000"), "unit": "USD", "rule": "conversion"}],
     [("USD/CNY", CONTEXT.divide(D("191000000"), D("27200000")), "1.91亿元 ≈ 2720万美元, zhipu revenue 2025H1")]),
]


@pytest.mark.parametrize("rows,expected", IMPLIED)
def test_implied_rates(rows, expected):
    got = [(r.pair, r.rate, r.source) for r in implied_rates(frame(*rows))]
    assert got == expected
    assert all(r.kind == "implied" and r.doc == "a" for r in implied_rates(frame(*rows)))


def test_frame_lists_defaults_then_implied_with_real_dtypes():
    rows = [{"metric": "gross_proceeds", "value": D("4300000000"), "unit": "HKD"},
            {"metric": "gross_proceeds", "value": D("560000000"), "unit": "USD", "rule": "conversion"}]
    df = FxTable.default().with_implied(frame(*rows)).frame()
    assert list(df.columns) == ["pair", "base", "quote", "rate", "rate_decimal", "kind", "source", "doc", "as_of", "name"]
    assert list(df["kind"]) == ["default", "default", "default", "implied"]
    assert list(df["pair"]) == ["HKD/CNY", "USD/CNY", "USD/HKD", "USD/HKD"]
    assert str(df["rate"].dtype) == "float64" and str(df["pair"].dtype) == "string"
    assert df["name"].iloc[3] == "USD/HKD 7.679 (implied by a: 43亿港元 ≈ 5.6亿美元, zhipu gross_proceeds)"


def test_implied_rate_is_only_used_when_preferred():
    rows = [{"metric": "gross_proceeds", "value": D("4300000000"), "unit": "HKD"},
            {"metric": "gross_proceeds", "value": D("560000000"), "unit": "USD", "rule": "conversion"}]
    fx = FxTable.default().with_implied(frame(*rows))
    assert fx.rate("USD", "HKD").kind == "default"
    assert fx.preferring("implied").rate("USD", "HKD").rate == CONTEXT.divide(D("4300000000"), D("560000000"))


def test_seed_corpus_fx_shows_default_and_implied(seed_corpus):
    names = list(seed_corpus.fx.frame()["name"])
    assert names == [
        "HKD/CNY 0.90 (default)", "USD/CNY 7.00 (default)", "USD/HKD 7.78 (default)",
        "USD/HKD 7.679 (implied by 003_841e72b438b65ddd: 43亿港元 ≈ 5.6亿美元, zhipu gross_proceeds)",
        "USD/HKD 7.742 (implied by 003_841e72b438b65ddd: 511亿港元 ≈ 66亿美元, zhipu market_cap_at_ipo)",
    ]


@pytest.fixture(scope="module")
def seed_corpus():
    import zhipu_ipo

    return zhipu_ipo.load(Path(__file__).resolve().parents[1] / "data" / "seeds")


def test_fxrate_inverse_roundtrip():
    r = FxRate("USD", "HKD", D("7.78"), "default")
    assert r.inverse().inverse().base == "USD"
    assert r.inverse().convert(D("778")) == CONTEXT.multiply(D("778"), CONTEXT.divide(D(1), D("7.78")))
