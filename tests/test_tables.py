"""Text tables (extractor/tables.py): both layouts, units from captions and labels, forecasts,
negative losses, growth rows, and what is reported when a cell cannot be placed.

Every table here is made up for these tests (companies and figures invented)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from zhipu_ipo import extract

# (id, text, expected facts as (entity, metric, period, value, unit, forecast))
CASES = [
    ("periods-down-caption-currency",
     "澜峰微电子公布招股书。\n\n財務摘要(人民幣)\n年度 | 收入 | 淨虧損\n2023年 | 3.42億 | 1.05億\n2024年 | 5.18億 | 6,230.5萬\n",
     {("澜峰微电子", "revenue", "2023", "342000000", "CNY", False),
      ("澜峰微电子", "net_loss", "2023", "105000000", "CNY", False),
      ("澜峰微电子", "revenue", "2024", "518000000", "CNY", False),
      ("澜峰微电子", "net_loss", "2024", "62305000", "CNY", False)}),
    ("periods-across-broker",
     "我们首次覆盖智谱。\n盈利预测(单位：百万元)\n指标 | 2024A | 2025E | 2026E\n营业收入 | 312.4 | 705.5 | 1480.0\n"
     "同比增长(%) | 150.9 | 125.8 | 109.8\n经调整净亏损 | -2466 | -3120 | -2750\nPS(倍) | - | 98.6 | 47.0\n",
     {("zhipu", "revenue", "2024", "312400000", "CNY", False),
      ("zhipu", "revenue", "2025", "705500000", "CNY", True),
      ("zhipu", "revenue", "2026", "1480000000", "CNY", True),
      ("zhipu", "revenue_growth", "2024", "150.9", "percent", False),
      ("zhipu", "revenue_growth", "2025", "125.8", "percent", True),
      ("zhipu", "revenue_growth", "2026", "109.8", "percent", True),
      ("zhipu", "adjusted_net_loss", "2024", "2466000000", "CNY", False),
      ("zhipu", "adjusted_net_loss", "2025", "3120000000", "CNY", True),
      ("zhipu", "adjusted_net_loss", "2026", "2750000000", "CNY", True),
      ("zhipu", "price_to_sales", "2025", "98.6", "times", True),
      ("zhipu", "price_to_sales", "2026", "47", "times", True)}),
    ("markdown-rule-and-label-unit",
     "MiniMax主要财务数据如下：\n\n| 期间 | 收入(万美元) | 毛利率(%) |\n|---|---|---|\n| 2024年 | 3,052 | 12.2 |\n"
     "| 2025年前三季度 | 5,343.7 | 23.3 |\n",
     {("minimax", "revenue", "2024", "30520000", "USD", False),
      ("minimax", "gross_margin", "2024", "12.2", "percent", False),
      ("minimax", "revenue", "2025Q1-Q3", "53437000", "USD", False),
      ("minimax", "gross_margin", "2025Q1-Q3", "23.3", "percent", False)}),
    ("fiscal-year-labels",
     "晶泰业绩概览\n项目 | FY2023 | FY2024\n收入(亿元) | 1.74 | 2.66\n",
     {("晶泰", "revenue", "2023", "174000000", "CNY", False),
      ("晶泰", "revenue", "2024", "266000000", "CNY", False)}),
    ("companies-across",
     "两家公司主要数据对比：\n|项目|澜峰微电子(06688.HK)|晶泰(02228.HK)|\n|---|---|---|\n|发行价|18.60港元|9.80港元|\n"
     "|募资总额|12.5亿港元|8.3亿港元|\n|公开发售认购倍数|320.5倍|88倍|\n|基石投资者|6家|4家|\n|2024年收入|6.1亿元|2.66亿元|\n"
     "|员工总数|约900人|640人|\n",
     {("澜峰微电子", "offer_price", None, "18.60", "HKD/share", False),
      ("晶泰", "offer_price", None, "9.80", "HKD/share", False),
      ("澜峰微电子", "gross_proceeds", None, "1250000000", "HKD", False),
      ("晶泰", "gross_proceeds", None, "830000000", "HKD", False),
      ("澜峰微电子", "hk_oversubscription", None, "320.5", "times", False),
      ("晶泰", "hk_oversubscription", None, "88", "times", False),
      ("澜峰微电子", "cornerstone_count", None, "6", "count", False),
      ("晶泰", "cornerstone_count", None, "4", "count", False),
      ("澜峰微电子", "revenue", "2024", "610000000", "CNY", False),
      ("晶泰", "revenue", "2024", "266000000", "CNY", False)}),
    ("profit-row-negative-is-loss",
     "MiniMax盈利预测(单位：百万美元)\n| 指标 | 2025E | 2026E |\n| 经调整净利润 | -261.3 | 12.5 |\n",
     {("minimax", "adjusted_net_loss", "2025", "261300000", "USD", True)}),
    ("no-currency-anywhere",
     "禾赛数据\n年份 | 收入\n2023 | 18.77\n2024 | 20.77\n", set()),
    ("prose-with-pipes", "智谱 | 财经头条 | 2026-01-08\n港股新股 | 今日看点\n", set()),
    ("one-row-is-not-a-table", "年度 | 收入\n", set()),
]


@pytest.mark.parametrize("text, want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_table_facts(text, want):
    ex = extract(text)
    got = {(f.entity, f.metric, f.period, str(f.value), f.unit, f.forecast) for f in ex.facts
           if f.rule == "table"}
    assert got == want


def test_table_fact_points_at_its_cell_and_row():
    text = ("澜峰微电子公布招股书。\n\n財務摘要(人民幣)\n年度 | 收入 | 淨虧損\n2023年 | 3.42億 | 1.05億\n"
            "2024年 | 5.18億 | 6,230.5萬\n")
    ex = extract(text)
    f = next(f for f in ex.facts if f.metric == "net_loss" and f.period == "2024")
    assert (text[f.start:f.end], f.quote, f.value) == ("6,230.5萬", "2024年 | 5.18億 | 6,230.5萬", Decimal("62305000"))


def test_cells_without_a_currency_are_reported():
    ex = extract("禾赛数据\n年份 | 收入\n2023 | 18.77\n2024 | 20.77\n")
    reasons = sorted((m.text, m.reason) for m in ex.unplaced)
    assert ("18.77", "no_currency") in reasons and ("20.77", "no_currency") in reasons
    assert ("2023", "not_a_figure") in reasons and ("2024", "not_a_figure") in reasons


def test_first_day_cells_without_a_listing_day_are_reported():
    # (智谱's listing day is known to the lexicon; 云衡数据's is written nowhere: reported)
    text = "新股一览\n| 公司 | 代码 | 首日涨跌幅 |\n|---|---|---|\n| 智谱 | 02513 | +13.17% |\n| 云衡数据 | 2677 | -3.20% |"
    ex = extract(text, doc="t", published=dt.date(2026, 4, 5))
    assert sorted((f.entity, f.metric, f.period, f.value) for f in ex.facts) == [
        ("zhipu", "day_change", "2026-01-08", Decimal("13.17")), ("zhipu", "ticker", None, "02513.HK"),
        ("云衡数据", "ticker", None, "02677.HK")]
    assert sorted((m.text, m.reason) for m in ex.unplaced) == [("-3.20%", "no_period")]


def test_a_session_column_and_its_change():
    text = ("| 公司 | 首日收盘(港元) | 首日涨幅 | 1月16日收盘(港元) | 当日涨跌 |\n|---|---|---|---|---|\n"
            "| 智谱 | 131.50 | +13.17% | 145.80 | +1.6% |\n| MiniMax | 316.40 | +91.76% | 358.60 | -2.1% |")
    ex = extract(text, doc="t", published=dt.date(2026, 1, 17))
    assert sorted((f.entity, f.metric, f.period, str(f.value)) for f in ex.facts) == [
        ("minimax", "close_price", "2026-01-09", "316.40"), ("minimax", "close_price", "2026-01-16", "358.60"),
        ("minimax", "day_change", "2026-01-09", "91.76"), ("minimax", "day_change", "2026-01-16", "-2.1"),
        ("zhipu", "close_price", "2026-01-08", "131.50"), ("zhipu", "close_price", "2026-01-16", "145.80"),
        ("zhipu", "day_change", "2026-01-08", "13.17"), ("zhipu", "day_change", "2026-01-16", "1.6")]


def test_table_rows_are_not_read_as_sentences_too():
    text = "澜峰微电子公布招股书。\n\n財務摘要(人民幣)\n年度 | 收入 | 淨虧損\n2023年 | 3.42億 | 1.05億\n2024年 | 5.18億 | 6,230.5萬\n"
    ex = extract(text)
    assert len(ex.facts) == 4 and {f.rule for f in ex.facts} == {"table"}


@pytest.mark.parametrize("text", [
    "|" * 200_000,
    "年度 | 收入\n" + "2024年 | 1亿元\n" * 5_000,
    ("a|b\n" * 20_000) + "x" * 100_000,
    "|" + "1" * 10_000 + "|\n|" + "2" * 10_000 + "|\n",
], ids=["pipes", "many-rows", "many-small-rows", "long-digit-cells"])
def test_hostile_tables_end_cleanly(text):
    ex = extract(text)
    assert all(f.metric in ("revenue",) for f in ex.facts)
