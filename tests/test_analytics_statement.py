"""Tests of zhipu_ipo.analytics.statement, compare and labels: the wide tables and their display."""

from __future__ import annotations

import math
from decimal import Decimal as D
from pathlib import Path

import pytest

import zhipu_ipo
from zhipu_ipo.analytics import FxTable, chinese_labels, compare, label, statement
from zhipu_ipo.models import Fact
from zhipu_ipo.tables import facts_frame

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def frame(*rows):
    base = {"doc": "a", "entity": "zhipu", "unit": "CNY", "metric": "revenue"}
    return facts_frame([Fact(**{**base, **r}) for r in rows])


@pytest.fixture(scope="module")
def corpus():
    return zhipu_ipo.load(SEEDS)


@pytest.fixture(scope="module")
def st(corpus):
    return corpus.statement("zhipu", scale="亿")


# (metric, segment, unit, period, value)
SEED_CELLS = [
    ("revenue", "", "CNY 亿", "2022", 0.574),
    ("revenue", "", "CNY 亿", "2024", 3.124),          # 3.12亿 and 3.124亿 agree: the precise one
    ("revenue", "", "USD 亿", "2024H1", 0.064),
    ("revenue", "local_deployment", "CNY 亿", "2025H1", 1.62),
    ("net_loss", "", "CNY 亿", "2025H1", 23.58),       # 8.2亿 vs 23.58亿: a marked conflict
    ("rd_expense", "", "CNY 亿", "2024", 21.954),
    ("gross_margin", "cloud_deployment", "percent", "2025H1", -0.4),
    ("rd_headcount", "", "count", "2025-06-30", 657.0),
    ("revenue_cagr", "", "percent", "2022..2024", 130.0),
]


@pytest.mark.parametrize("metric,segment,unit,period,value", SEED_CELLS)
def test_seed_cells(st, metric, segment, unit, period, value):
    assert st.loc[(metric, segment, unit), period] == value


def test_periods_in_time_order_and_marks(st):
    assert list(st.columns) == ["2022", "2023", "2024H1", "2022..2024", "2024", "2022..2025H1", "2025H1",
                                "2025-06-30", "2025"]
    assert list(st.index.names) == ["metric", "segment", "unit"]
    assert ("net_loss", "", "CNY 亿", "2025H1") in st.attrs["conflicts"]
    assert ("net_loss", "", "CNY 亿", "2022..2025H1", "at_least") in st.attrs["qualifiers"]
    assert all(str(t) == "float64" for t in st.dtypes)
    assert math.isnan(st.loc[("revenue", "", "CNY 亿"), "2023"] * 0 + st.loc[("revenue", "", "USD 亿"), "2023"])


def test_exact_cells_are_decimals(corpus):
    ex = corpus.statement("zhipu", scale="亿", exact=True)
    assert ex.loc[("revenue", "", "CNY 亿"), "2024"] == D("3.124")
    plain = corpus.statement("zhipu", exact=True)
    assert plain.loc[("revenue", "", "CNY"), "2024"] == D("312400000")


def test_one_currency_with_named_rates(corpus):
    cny = corpus.statement("zhipu", scale="亿", unit="CNY")
    assert cny.loc[("operating_loss", "", "CNY 亿"), "2024H1"] == pytest.approx(10.283, abs=1e-12)
    assert cny.loc[("revenue", "", "CNY 亿"), "2025H1"] == 1.91        # stated in CNY: not converted
    assert {"metric": "revenue", "segment": "", "period": "2024H1", "from": "USD", "value": D("6400000"),
            "rate": "USD/CNY 7.00 (default)"} in cny.attrs["converted"]
    assert ("revenue", "", "USD 亿") not in cny.index


def test_forecast_rows(corpus):
    f = corpus.statement("zhipu", scale="亿", forecast=True)
    assert f.loc[("revenue_forecast", "", "CNY 亿"), "2025"] == 4.5        # midpoint of 4–5亿
    assert ("revenue_forecast", "", "CNY 亿", "2025", "range") in f.attrs["qualifiers"]


@pytest.mark.parametrize("kwargs", [{"scale": "千"}, {"unit": "percent"}])
def test_bad_options(corpus, kwargs):
    with pytest.raises(ValueError):
        statement(corpus.facts, "zhipu", **kwargs)


def test_unknown_entity_gives_an_empty_table(corpus):
    assert corpus.statement("nobody").shape == (0, 0)


def test_synthetic_majority_rule():
    df = statement(frame({"doc": "a", "period": "2025H1", "value": D("820000000")},
                         {"doc": "b", "period": "2025H1", "value": D("820000000")},
                         {"doc": "c", "period": "2025H1", "value": D("2358000000")}), "zhipu", scale="亿")
    assert df.loc[("revenue", "", "CNY 亿"), "2025H1"] == 8.2
    assert df.attrs["conflicts"] == [("revenue", "", "CNY 亿", "2025H1")]


# ------------------------------------------------------------------ compare


def test_compare_zhipu_minimax(corpus):
    cmp = compare(corpus.facts, ["zhipu", "minimax"], unit="CNY", scale="亿", fx=corpus.fx)
    assert list(cmp.columns) == ["zhipu", "minimax", "unit"]
    assert cmp.loc[("revenue", "2024"), "zhipu"] == 3.124
    assert cmp.loc[("revenue", "2024"), "minimax"] == 2.2
    assert cmp.loc[("market_cap_at_ipo", ""), "minimax"] == pytest.approx(414.9, abs=1e-9)   # 461亿港元 × 0.90
    assert cmp.loc[("offer_price", ""), "unit"] == "HKD/share"
    assert {"entity": "minimax", "metric": "market_cap_at_ipo", "period": None, "from": "HKD",
            "value": D("46100000000"), "rate": "HKD/CNY 0.90 (default)"} in cmp.attrs["converted"]


# ------------------------------------------------------------------ labels

LABELS = [
    ("revenue", "metric", "zh", "收入"),
    ("revenue", "metric", "en", "Revenue"),
    ("rd_expense", "metric", "en", "R&D expense"),
    ("first_day_return", "metric", "zh", "首日涨幅"),
    ("gross_margin", "metric", "zh", "毛利率"),           # from metrics.tsv
    ("inconsistent", "verdict", "zh", "不一致"),
    ("conflict", "verdict", "zh", "冲突"),
    ("at_least", "qualifier", "zh", "超过"),
    ("local_deployment", "segment", "zh", "本地化部署"),
    ("CNY 亿", "unit", "zh", "亿元"),
    ("zhipu", "entity", "zh", "智谱"),
    ("minimax", "entity", "zh", "MiniMax"),
    ("no_such_metric", "metric", "zh", "no_such_metric"),
    (None, "metric", "zh", ""),
]


@pytest.mark.parametrize("key,kind,lang,expected", LABELS)
def test_label(key, kind, lang, expected):
    assert label(key, kind, lang) == expected


def test_chinese_labels_on_frames(corpus, st):
    c = chinese_labels(corpus.claims())
    assert list(c.columns)[:7] == ["文档", "公司", "指标", "期间", "分部", "原文", "文章数值"]
    assert set(c["判定"]) == {"一致", "不一致", "无法核实"}
    s = chinese_labels(st)
    assert list(s.index.names) == ["指标", "分部", "单位"]
    assert s.index[0] == ("收入", "", "亿元")
    fx = chinese_labels(FxTable.default().frame())
    assert "报价货币" in fx.columns and "原文" not in fx.columns
