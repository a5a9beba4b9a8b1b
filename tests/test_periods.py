"""Tests of zhipu_ipo.periods: Period, parse_period, parse_date, find_periods, find_dates."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhipu_ipo.errors import ParseError
from zhipu_ipo.normalization import normalize
from zhipu_ipo.periods import (
    DateMention,
    Period,
    PeriodMention,
    find_dates,
    find_periods,
    parse_date,
    parse_period,
    resolve_year,
)

D = dt.date


def strs(periods):
    return [str(p) for p in periods]


# --------------------------------------------------------------------------- parse_period

PARSE_PERIOD = [
    # canonical strings
    ("2024", "2024"),
    ("2025H1", "2025H1"),
    ("2025H2", "2025H2"),
    ("2025Q2", "2025Q2"),
    ("2025Q1-Q3", "2025Q1-Q3"),
    ("2025Q1-Q2", "2025H1"),
    ("2025Q3-Q4", "2025H2"),
    ("2025Q1-Q4", "2025"),
    ("2025Q2-Q3", "2025Q2-Q3"),
    ("2025-11", "2025-11"),
    ("2025-06-30", "2025-06-30"),
    ("2022..2024", "2022..2024"),
    ("2022..2025H1", "2022..2025H1"),
    ("2023..2025Q1-Q3", "2023..2025Q1-Q3"),
    # years
    ("2024年", "2024"),
    ("2024年全年", "2024"),
    ("2024年度", "2024"),
    ("2024财年", "2024"),
    ("2024財年", "2024"),
    ("FY2024", "2024"),
    ("FY24", "2024"),
    ("截至2024年12月31日止年度", "2024"),
    ("二〇二四年", "2024"),
    # halves
    ("2025年上半年", "2025H1"),
    ("2025年下半年", "2025H2"),
    ("2025年1-6月", "2025H1"),
    ("2025年1月至6月", "2025H1"),
    ("2025年前两季度", "2025H1"),
    ("截至2025年6月30日止六个月", "2025H1"),
    ("截至2025年6月30日止六個月", "2025H1"),
    ("2025 年 上半年", "2025H1"),
    ("2025年H1", "2025H1"),
    ("25年上半年", "2025H1"),
    # quarters
    ("2025年二季度", "2025Q2"),
    ("2025年第二季度", "2025Q2"),
    ("2025年Q2", "2025Q2"),
    ("2025 Q2", "2025Q2"),
    ("2025年4-6月", "2025Q2"),
    ("截至2025年9月30日止三个月", "2025Q3"),
    # first nine months
    ("2025年前三季度", "2025Q1-Q3"),
    ("2025 年前三季度", "2025Q1-Q3"),
    ("2025年前9月", "2025Q1-Q3"),
    ("2025年前九个月", "2025Q1-Q3"),
    ("2025年前九個月", "2025Q1-Q3"),
    ("2025年1-9月", "2025Q1-Q3"),
    ("2025年1—9月", "2025Q1-Q3"),
    ("2025年一至三季度", "2025Q1-Q3"),
    ("截至2025年9月30日止九个月", "2025Q1-Q3"),
    ("２０２５年前三季度", "2025Q1-Q3"),
    ("2025年的前九个月", "2025Q1-Q3"),
    # months and other month runs
    ("2025年11月", "2025-11"),
    ("2025年11月份", "2025-11"),
    ("2025年十一月", "2025-11"),
    ("2025年2-5月", "2025-02..2025-05"),
    ("2025年前十个月", "2025-01..2025-10"),
    ("截至2025年6月30日止十二个月", "2024H2..2025H1"),
    # spans
    ("2022–2024年", "2022..2024"),
    ("2022-2024年", "2022..2024"),
    ("2022年至2024年", "2022..2024"),
    ("2022到2024年", "2022..2024"),
    ("2022年-2024年", "2022..2024"),
    ("2022-2024", "2022..2024"),
    ("2021年至2024年上半年", "2021..2024H1"),
    ("2022年至2025年6月", "2022..2025H1"),
    ("2023年至2025年前三季度", "2023..2025Q1-Q3"),
    ("2022年、2023年及2024年", "2022..2024"),
    # points and dates
    ("截至2025年6月30日", "2025-06-30"),
    ("截至2025年6月", "2025-06-30"),
    ("截至2025年6月底", "2025-06-30"),
    ("截至2025年9月末", "2025-09-30"),
    ("截止到2025年9月30日", "2025-09-30"),
    ("截至2025年上半年", "2025-06-30"),
    ("截至2024年底", "2024-12-31"),
    ("截至2024年末", "2024-12-31"),
    ("截至2025年初", "2024-12-31"),
    ("截至2025年3月初", "2025-02-28"),
    ("2025年初", "2025"),
    ("2025年6月30日", "2025-06-30"),
    ("2024年2月29日", "2024-02-29"),
]


@pytest.mark.parametrize("text, expected", PARSE_PERIOD)
def test_parse_period(text, expected):
    assert str(parse_period(text)) == expected


@pytest.mark.parametrize("canonical", ["2024", "2025H1", "2025Q2", "2025Q1-Q3", "2025Q2-Q3", "2025-11",
                                       "2025-06-30", "2022..2024", "2021..2024H1", "2024-11..2025-05"])
def test_canonical_round_trip(canonical):
    p = parse_period(canonical)
    assert str(p) == canonical
    assert parse_period(str(p)) == p


PARSE_PERIOD_ERRORS = [
    "",
    "   ",
    "上半年",
    "前三季度",
    "去年同期",
    "2025H3",
    "2025Q5",
    "2025-13",
    "2025-02-30",
    "2024..2022",
    "2025..2025H1",
    "2022..2023..2024",
    "2024年abc",
    "三年半",
    "abc",
    "2024人",
]


@pytest.mark.parametrize("text", PARSE_PERIOD_ERRORS)
def test_parse_period_errors(text):
    with pytest.raises(ParseError):
        parse_period(text)


def test_parse_period_error_is_value_error():
    with pytest.raises(ValueError, match="period"):
        parse_period("不是时期")


# --------------------------------------------------------------------------- Period

CONSTRUCT = [
    (Period.of_year(2024), "2024", D(2024, 1, 1), D(2024, 12, 31)),
    (Period.of_half(2025, 1), "2025H1", D(2025, 1, 1), D(2025, 6, 30)),
    (Period.of_half(2024, 2), "2024H2", D(2024, 7, 1), D(2024, 12, 31)),
    (Period.of_quarter(2024, 1), "2024Q1", D(2024, 1, 1), D(2024, 3, 31)),
    (Period.of_quarters(2025, 1, 3), "2025Q1-Q3", D(2025, 1, 1), D(2025, 9, 30)),
    (Period.of_quarters(2025, 1, 2), "2025H1", D(2025, 1, 1), D(2025, 6, 30)),
    (Period.of_quarters(2025, 1, 4), "2025", D(2025, 1, 1), D(2025, 12, 31)),
    (Period.of_quarters(2025, 4, 4), "2025Q4", D(2025, 10, 1), D(2025, 12, 31)),
    (Period.of_month(2024, 2), "2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    (Period.of_months(2025, 7, 9), "2025Q3", D(2025, 7, 1), D(2025, 9, 30)),
    (Period.of_date(D(2025, 6, 30)), "2025-06-30", D(2025, 6, 30), D(2025, 6, 30)),
    (Period.span(Period.of_year(2022), Period.of_half(2025, 1)), "2022..2025H1", D(2022, 1, 1), D(2025, 6, 30)),
]


@pytest.mark.parametrize("period, text, start, end", CONSTRUCT)
def test_period_constructors(period, text, start, end):
    assert str(period) == text
    assert period.start_date == start
    assert period.end_date == end


def test_period_direct_construction_is_canonical():
    assert Period(kind="quarters", year=2025, q_from=1, q_to=2) == Period.of_half(2025, 1)
    assert Period(kind="quarters", year=2025, q_from=2, q_to=2).kind == "quarter"
    assert repr(Period.of_year(2024)) == "Period('2024')"


@pytest.mark.parametrize("build", [
    lambda: Period.of_half(2025, 3),
    lambda: Period.of_quarter(2025, 0),
    lambda: Period.of_quarters(2025, 3, 2),
    lambda: Period.of_month(2025, 13),
    lambda: Period.of_months(2025, 5, 2),
    lambda: Period.span(Period.of_year(2025), Period.of_year(2024)),
    lambda: Period.span(Period.of_year(2025), Period.of_half(2025, 2)),
])
def test_period_invalid(build):
    with pytest.raises(ParseError):
        build()


def test_period_span_of_equal_ends_and_flattening():
    y = Period.of_year(2024)
    assert Period.span(y, y) is y
    s = Period.span(Period.span(Period.of_year(2020), Period.of_year(2021)), Period.of_year(2024))
    assert str(s) == "2020..2024"


ITEMS = [
    ("2022..2024", ["2022", "2023", "2024"]),
    ("2021..2024H1", ["2021", "2022", "2023", "2024H1"]),
    ("2023..2025Q1-Q3", ["2023", "2024", "2025Q1-Q3"]),
    ("2024H1..2025", ["2024H1", "2024H2", "2025"]),
    ("2025Q1..2025Q3", ["2025Q1", "2025Q2", "2025Q3"]),
    ("2024-11..2025-02", ["2024-11", "2024-12", "2025-01", "2025-02"]),
    ("2025-12-30..2026-01-05", ["2025-12-30", "2026-01-05"]),
    ("2024H2..2025H1", ["2024H2", "2025H1"]),
    ("2025H1", ["2025H1"]),
    ("2024", ["2024"]),
]


@pytest.mark.parametrize("span, expected", ITEMS)
def test_items(span, expected):
    assert strs(parse_period(span).items()) == expected


def test_ordering():
    order = ["2024", "2025H1", "2025Q1-Q3", "2025", "2025H2", "2025Q4", "2025-12", "2025-12-31"]
    shuffled = [order[i] for i in (4, 7, 0, 2, 6, 1, 5, 3)]
    assert strs(sorted(parse_period(s) for s in shuffled)) == order
    assert parse_period("2024") < parse_period("2025H1") < parse_period("2025Q1-Q3") < parse_period("2025")
    assert parse_period("2025") > parse_period("2025H1")
    assert parse_period("2025H1") <= parse_period("2025H1")
    assert max(parse_period("2022..2024"), parse_period("2023")) == parse_period("2022..2024")


def test_period_is_hashable_and_frozen():
    a, b = parse_period("2025年上半年"), parse_period("2025H1")
    assert a == b and hash(a) == hash(b)
    assert len({a, b, parse_period("2025Q1-Q2")}) == 1
    with pytest.raises(Exception):
        a.year = 2026


# --------------------------------------------------------------------------- find_periods


def M(fragment, kind, period, items=None):
    """Expected mention: the test checks it starts at the fragment's first occurrence."""
    return (fragment, kind, period, items)


FIND_PERIODS = [
    ("2022年至2024年，公司收入分别为0.6亿元、1.2亿元和3.1亿元",
     [M("2022年至2024年", "range", "2022..2024", ["2022", "2023", "2024"])]),
    ("公司2022-2024年的研发开支合计约45亿元",
     [M("2022-2024年", "range", "2022..2024", ["2022", "2023", "2024"])]),
    ("2022到2024年毛利率逐年下降",
     [M("2022到2024年", "range", "2022..2024", ["2022", "2023", "2024"])]),
    ("2022年-2024年累计亏损扩大",
     [M("2022年-2024年", "range", "2022..2024", ["2022", "2023", "2024"])]),
    ("2021年至2024年上半年，该公司持续亏损",
     [M("2021年至2024年上半年", "range", "2021..2024H1", ["2021", "2022", "2023", "2024H1"])]),
    ("2022年至2025年6月，平台累计调用量翻了十倍",
     [M("2022年至2025年6月", "range", "2022..2025H1", ["2022", "2023", "2024", "2025H1"])]),
    ("毛利率在2022年、2023年、2024年分别为50%、60%和55%",
     [M("2022年、2023年、2024年", "list", "2022..2024", ["2022", "2023", "2024"])]),
    ("2022年、2023年及2024年的收入",
     [M("2022年、2023年及2024年", "list", "2022..2024", ["2022", "2023", "2024"])]),
    ("在2022年、2023年和2024年以及2025年上半年，净亏损分别为",
     [M("2022年、2023年和2024年以及2025年上半年", "list", "2022..2025H1",
        ["2022", "2023", "2024", "2025H1"])]),
    ("2023年、2024年以及截至2025年9月30日止九个月的收入",
     [M("2023年、2024年以及截至2025年9月30日止九个月", "list", "2023..2025Q1-Q3",
        ["2023", "2024", "2025Q1-Q3"])]),
    ("2022至2024年及2025年上半年经调整亏损分别为",
     [M("2022至2024年及2025年上半年", "list", "2022..2025H1", ["2022", "2023", "2024", "2025H1"])]),
    ("2022、2023及2024年的毛利",
     [M("2022、2023及2024年", "list", "2022..2024", ["2022", "2023", "2024"])]),
    ("2022、2023、2024三年分别录得",      # bare years closed by their count
     [M("2022、2023、2024三年", "list", "2022..2024", ["2022", "2023", "2024"])]),
    ("2024三年期国债", []),
    ("2024及2025年上半年的收入",
     [M("2024及2025年上半年", "list", "2024H1..2025H1", ["2024H1", "2025H1"])]),
    ("截至2024年及2025年6月30日止六个月，收入分别为",
     [M("截至2024年及2025年6月30日止六个月", "list", "2024H1..2025H1", ["2024H1", "2025H1"])]),
    ("截至2022年、2023年及2024年12月31日止年度，公司录得亏损",
     [M("截至2022年、2023年及2024年12月31日止年度", "list", "2022..2024", ["2022", "2023", "2024"])]),
    ("截至2024年12月31日及2025年6月30日，现金分别为",
     [M("截至2024年12月31日及2025年6月30日", "list", "2024-12-31..2025-06-30",
        ["2024-12-31", "2025-06-30"])]),
    ("从2023年、2024年到2025年的前九个月，亏损持续扩大",
     [M("2023年、2024年到2025年的前九个月", "list", "2023..2025Q1-Q3", ["2023", "2024", "2025Q1-Q3"])]),
    ("去年发布的模型在2023年3月、7月、11月分别迭代",
     [M("去年", "relative", None), M("2023年3月、7月、11月", "list", "2023-03..2023-11",
                                       ["2023-03", "2023-07", "2023-11"])]),
    ("2024年上半年和下半年的营收",
     [M("2024年上半年和下半年", "list", "2024H1..2024H2", ["2024H1", "2024H2"])]),
    ("营收从2022年的0.5亿元增至2024年的3亿元",
     [M("2022年", "single", "2022", ["2022"]), M("2024年", "single", "2024", ["2024"])]),
    ("2024年营收同比增长一倍",
     [M("2024年", "single", "2024", ["2024"])]),
    ("2025年前三季度营收约5亿美元", [M("2025年前三季度", "single", "2025Q1-Q3", ["2025Q1-Q3"])]),
    ("2025年1-9月营收", [M("2025年1-9月", "single", "2025Q1-Q3", ["2025Q1-Q3"])]),
    ("2025年1月至9月营收", [M("2025年1月至9月", "single", "2025Q1-Q3", ["2025Q1-Q3"])]),
    ("2025年第二季度单季收入", [M("2025年第二季度", "single", "2025Q2", ["2025Q2"])]),
    ("2025Q2毛利率回升", [M("2025Q2", "single", "2025Q2", ["2025Q2"])]),
    ("FY2024收入", [M("FY2024", "single", "2024", ["2024"])]),
    ("2024年全年收入", [M("2024年全年", "single", "2024", ["2024"])]),
    ("2025年11月日均调用量", [M("2025年11月", "single", "2025-11", ["2025-11"])]),
    ("2025年12月底完成招股", [M("2025年12月底", "single", "2025-12", ["2025-12"])]),
    ("截至2025年6月30日止六个月，营收为", [M("截至2025年6月30日止六个月", "single", "2025H1", ["2025H1"])]),
    ("截至2025年6月30日，公司共有员工900人", [M("截至2025年6月30日", "point", "2025-06-30", ["2025-06-30"])]),
    ("截至2025年6月，研发人员占比七成", [M("截至2025年6月", "point", "2025-06-30", ["2025-06-30"])]),
    ("截至2025年9月底，客户超过一万家", [M("截至2025年9月底", "point", "2025-09-30", ["2025-09-30"])]),
    ("截止到2025年3月31日，账上现金", [M("截止到2025年3月31日", "point", "2025-03-31", ["2025-03-31"])]),
    ("截至2025年上半年，付费用户", [M("截至2025年上半年", "point", "2025-06-30", ["2025-06-30"])]),
    ("于2025年6月30日，公司持有现金", [M("于2025年6月30日", "point", "2025-06-30", ["2025-06-30"])]),
    ("公司于2019年6月注册成立", [M("2019年6月", "single", "2019-06", ["2019-06"])]),
    ("2026年1月8日，该股在港交所上市", [M("2026年1月8日", "date", "2026-01-08", ["2026-01-08"])]),
    ("招股期为2025年12月30日至2026年1月5日",
     [M("2025年12月30日至2026年1月5日", "range", "2025-12-30..2026-01-05", ["2025-12-30", "2026-01-05"])]),
    ("招股期为2025年12月30日至1月5日",
     [M("2025年12月30日至1月5日", "range", "2025-12-30..2026-01-05", ["2025-12-30", "2026-01-05"])]),
    ("2025年的收入", [M("2025年", "single", "2025", ["2025"])]),
    ("2025年初创企业融资活跃", [M("2025年", "single", "2025", ["2025"])]),
    ("2020年底，团队启动自研", [M("2020年底", "single", "2020", ["2020"])]),
    ("2021年末至2022年是关键期", [M("2021年末至2022年", "range", "2021..2022", ["2021", "2022"])]),
    ("2022年12月至2023年2月的月活",
     [M("2022年12月至2023年2月", "range", "2022-12..2023-02", ["2022-12", "2023-01", "2023-02"])]),
    ("2025年四季度至2026年一季度",
     [M("2025年四季度至2026年一季度", "range", "2025Q4..2026Q1", ["2025Q4", "2026Q1"])]),
    ("2023年与2024年相比", [M("2023年与2024年", "list", "2023..2024", ["2023", "2024"])]),
    ("截至2024年及2025年6月30日，现金",
     [M("截至2024年及2025年6月30日", "list", "2024-06-30..2025-06-30", ["2024-06-30", "2025-06-30"])]),
    ("于2025年7月调整上市路径", [M("2025年7月", "single", "2025-07", ["2025-07"])]),
    ("25Q3营收环比增长", [M("25Q3", "single", "2025Q3", ["2025Q3"])]),
    ("今年以来港股回暖", [M("今年", "relative", None)]),
    ("成立当年即获投资，六年后上市", [M("当年", "relative", None), M("六年", "duration", None)]),
    ("报告期内(2022年至2025年上半年)，公司亏损",
     [M("报告期内", "relative", None), M("2022年至2025年上半年", "range", "2022..2025H1",
                                        ["2022", "2023", "2024", "2025H1"])]),
]


@pytest.mark.parametrize("sentence, expected", FIND_PERIODS)
def test_find_periods(sentence, expected):
    got = find_periods(sentence)
    assert len(got) == len(expected), [m.text for m in got]
    for m, (fragment, kind, period, items) in zip(got, expected):
        start = sentence.index(fragment)
        assert (m.start, m.end, m.text) == (start, start + len(fragment), fragment)
        assert m.kind == kind
        assert (str(m.period) if m.period is not None else None) == period
        if items is not None:
            assert strs(m.items) == items


RELATIVE = [
    # text, relative, year_ref, year_offset, year
    ("上半年", "H1", None, None, None),
    ("下半年", "H2", None, None, None),
    ("前三季度", "Q1-Q3", None, None, None),
    ("前九个月", "Q1-Q3", None, None, None),
    ("第二季度", "Q2", None, None, None),
    ("三季度", "Q3", None, None, None),
    ("全年", "full_year", None, None, None),
    ("同期", "same_period", None, None, None),
    ("当年", "that_year", "that_year", None, None),
    ("该年", "that_year", "that_year", None, None),
    ("去年同期", "same_period", "last_year", -1, None),
    ("上年同期", "same_period", "last_year", -1, None),
    ("今年", "this_year", "this_year", 0, None),
    ("去年", "last_year", "last_year", -1, None),
    ("上一年", "previous_year", "previous_year", None, None),    # alone: the year before the one in context
    ("上一年上半年", "H1", "last_year", -1, None),
    ("今年上半年", "H1", "this_year", 0, None),
    ("去年全年", "full_year", "last_year", -1, None),
    ("明年一季度", "Q1", "next_year", 1, None),
    ("报告期内", "reporting_period", None, None, None),
    ("期内", "reporting_period", None, None, None),
    ("当期", "current_period", None, None, None),
    ("9月", "M9", None, None, None),
    ("1-6月", "H1", None, None, None),
    ("2024年同期", "same_period", None, None, 2024),
]


@pytest.mark.parametrize("text, relative, year_ref, year_offset, year", RELATIVE)
def test_find_periods_relative(text, relative, year_ref, year_offset, year):
    (m,) = find_periods(text)
    assert (m.start, m.end, m.kind, m.period, m.items) == (0, len(text), "relative", None, [])
    assert (m.relative, m.year_ref, m.year_offset, m.year) == (relative, year_ref, year_offset, year)


RESOLVE = [
    ("今年上半年", 2025, "2025H1"),
    ("去年全年", 2025, "2024"),
    ("去年", 2026, "2025"),
    ("前三季度", 2025, "2025Q1-Q3"),
    ("11月", 2025, "2025-11"),
    ("2024年", 2030, "2024"),
]


@pytest.mark.parametrize("text, year, expected", RESOLVE)
def test_mention_resolve(text, year, expected):
    (m,) = find_periods(text)
    assert str(m.resolve(year)) == expected


def test_mention_resolve_none():
    (m,) = find_periods("去年同期")
    assert m.resolve(2025) is None


DURATIONS = [
    # text, years, years_high, qualifier, anchor
    ("三年半", Decimal("3.5"), None, "exact", None),
    ("三年", Decimal("3"), None, "exact", None),
    ("近三年", Decimal("3"), None, "exact", "past"),
    ("过去三年", Decimal("3"), None, "exact", "past"),
    ("两年多", Decimal("2"), None, "at_least", None),
    ("不到三年", Decimal("3"), None, "at_most", None),
    ("四年", Decimal("4"), None, "exact", None),
    ("十年以上", Decimal("10"), None, "at_least", None),
    ("约一年", Decimal("1"), None, "approx", None),
    ("一年半", Decimal("1.5"), None, "exact", None),
    ("未来五年", Decimal("5"), None, "exact", "future"),
    ("2-3年", Decimal("2"), Decimal("3"), "range", None),
    ("3年", Decimal("3"), None, "exact", None),
    ("1.5年", Decimal("1.5"), None, "exact", None),
]


@pytest.mark.parametrize("text, years, high, qualifier, anchor", DURATIONS)
def test_find_periods_duration(text, years, high, qualifier, anchor):
    (m,) = find_periods(text)
    assert (m.start, m.end, m.kind, m.period) == (0, len(text), "duration", None)
    assert (m.years, m.years_high, m.qualifier, m.anchor) == (years, high, qualifier, anchor)


NOTHING = [
    "2024人参加了活动",
    "GLM-4.5模型",
    "第2513号公告",
    "12.3倍超额认购",
    "股票代码02513",
    "营收2000万元",
    "短期内难以盈利",
    "财务周期内",
    "三年级学生",
    "1985年",
    "12.5%",
    "",
    "没有任何数字的句子",
    "2025.12",
    "20241231",
    "四季酒店",
]


@pytest.mark.parametrize("text", NOTHING)
def test_find_periods_nothing(text):
    assert find_periods(text) == []


def test_find_periods_on_normalized_traditional_text():
    text = normalize("從 2023 年、2024 年到 2025 年的前九個月，淨虧損持續擴大").text
    (m,) = find_periods(text)
    assert m.kind == "list"
    assert strs(m.items) == ["2023", "2024", "2025Q1-Q3"]
    assert m.text == "2023年、2024年到2025年的前九个月"


def test_find_periods_consecutive_mentions():
    text = "2022年营收0.6亿元，2023年营收1.2亿元；上半年亏损，三年半累计亏损"
    got = [(m.text, m.kind) for m in find_periods(text)]
    assert got == [("2022年", "single"), ("2023年", "single"), ("上半年", "relative"), ("三年半", "duration")]


# --------------------------------------------------------------------------- find_dates

FIND_DATES = [
    # text, fragment, (year, month, day), date, end (y, m, d) or None, end_date, relative, dateline
    ("2026年1月8日，智谱在港上市", "2026年1月8日", (2026, 1, 8), D(2026, 1, 8), None, None, None, False),
    ("1月8日，智谱在港上市", "1月8日", (None, 1, 8), None, None, None, None, False),
    ("该股将于1月8日挂牌", "1月8日", (None, 1, 8), None, None, None, None, False),
    ("上市日期为2026-01-08", "2026-01-08", (2026, 1, 8), D(2026, 1, 8), None, None, None, False),
    ("上市日期为2026/1/8", "2026/1/8", (2026, 1, 8), D(2026, 1, 8), None, None, None, False),
    ("定于2026.1.8上市", "2026.1.8", (2026, 1, 8), D(2026, 1, 8), None, None, None, False),
    ("招股期2025年12月30日至2026年1月5日", "2025年12月30日至2026年1月5日", (2025, 12, 30),
     D(2025, 12, 30), (2026, 1, 5), D(2026, 1, 5), None, False),
    ("招股期2025年12月30日至1月5日", "2025年12月30日至1月5日", (2025, 12, 30),
     D(2025, 12, 30), (2026, 1, 5), D(2026, 1, 5), None, False),
    ("招股期为12月30日至1月5日", "12月30日至1月5日", (None, 12, 30), None, (None, 1, 5), None, None, False),
    ("招股期为12月30日-1月5日", "12月30日-1月5日", (None, 12, 30), None, (None, 1, 5), None, None, False),
    ("招股期为1月3日至7日", "1月3日至7日", (None, 1, 3), None, (None, 1, 7), None, None, False),
    ("今(8)日，智谱正式挂牌", "今(8)日", (None, None, 8), None, None, None, "today", False),
    ("今日(8日)，智谱正式挂牌", "今日(8日)", (None, None, 8), None, None, None, "today", False),
    ("昨(7)日暗盘收涨", "昨(7)日", (None, None, 7), None, None, None, "yesterday", False),
    ("2025-12-30 17:17 来源：某报", "2025-12-30", (2025, 12, 30), D(2025, 12, 30), None, None, None, True),
    ("证券时报·2025-12-30", "2025-12-30", (2025, 12, 30), D(2025, 12, 30), None, None, None, True),
    ("标题\n2025年12月30日 08:05\n正文", "2025年12月30日", (2025, 12, 30), D(2025, 12, 30), None, None, None,
     True),
    ("正文提到2025年12月30日 08:05", "2025年12月30日", (2025, 12, 30), D(2025, 12, 30), None, None, None,
     False),
    ("2月29日", "2月29日", (None, 2, 29), None, None, None, None, False),
    ("2024年2月29日", "2024年2月29日", (2024, 2, 29), D(2024, 2, 29), None, None, None, False),
    ("12月19日号称", "12月19日", (None, 12, 19), None, None, None, None, False),
    ("1月6日号", "1月6日", (None, 1, 6), None, None, None, None, False),
]


@pytest.mark.parametrize("text, fragment, ymd, date, end, end_date, relative, dateline", FIND_DATES)
def test_find_dates(text, fragment, ymd, date, end, end_date, relative, dateline):
    (m,) = find_dates(text)
    start = text.index(fragment)
    assert (m.start, m.end, m.text) == (start, start + len(fragment), fragment)
    assert (m.year, m.month, m.day, m.date) == (*ymd, date)
    assert (m.end_year, m.end_month, m.end_day) == (end or (None, None, None))
    assert m.end_date == end_date
    assert m.is_range == (end is not None)
    assert (m.relative, m.dateline) == (relative, dateline)


DATES_NOTHING = ["2月30日", "2025年2月29日", "13月5日", "2025年12月", "2025年12月底", "20260108", "1.8亿元",
                 "今日收盘", "没有日期"]


@pytest.mark.parametrize("text", DATES_NOTHING)
def test_find_dates_nothing(text):
    assert find_dates(text) == []


def test_find_dates_several():
    text = "中签结果1月6日公布，暗盘1月7日，预计1月8日挂牌"
    assert [(m.text, m.month, m.day) for m in find_dates(text)] == [("1月6日", 1, 6), ("1月7日", 1, 7),
                                                                     ("1月8日", 1, 8)]


DATE_RESOLVE = [
    ("12月30日", D(2026, 1, 8), D(2025, 12, 30), None),
    ("1月8日", D(2025, 12, 30), D(2026, 1, 8), None),
    ("12月30日至1月5日", D(2025, 12, 20), D(2025, 12, 30), D(2026, 1, 5)),
    ("今(8)日", D(2026, 1, 8), D(2026, 1, 8), None),
    ("今(31)日", D(2026, 2, 1), D(2026, 1, 31), None),
]


@pytest.mark.parametrize("text, reference, date, end_date", DATE_RESOLVE)
def test_date_mention_resolve(text, reference, date, end_date):
    (m,) = find_dates(text)
    r = m.resolve(reference)
    assert (r.date, r.end_date) == (date, end_date)


# --------------------------------------------------------------------------- parse_date

PARSE_DATE = [
    ("2026年1月8日", None, D(2026, 1, 8)),
    ("2026 年 1 月 8 日", None, D(2026, 1, 8)),
    ("２０２６年１月８日", None, D(2026, 1, 8)),
    ("1月8日", 2026, D(2026, 1, 8)),
    ("1月8号", 2026, D(2026, 1, 8)),
    ("2026-01-08", None, D(2026, 1, 8)),
    ("2026/1/8", None, D(2026, 1, 8)),
    ("2026.01.08", None, D(2026, 1, 8)),
    ("2026年1月8日", 1999, D(2026, 1, 8)),
    ("2025年12月30日至2026年1月5日", None, (D(2025, 12, 30), D(2026, 1, 5))),
    ("2025年12月30日至1月5日", None, (D(2025, 12, 30), D(2026, 1, 5))),
    ("12月30日至1月5日", 2025, (D(2025, 12, 30), D(2026, 1, 5))),
    ("12月30日-1月5日", 2025, (D(2025, 12, 30), D(2026, 1, 5))),
    ("12月30日～1月5日", 2025, (D(2025, 12, 30), D(2026, 1, 5))),
    ("1月3日至7日", 2026, (D(2026, 1, 3), D(2026, 1, 7))),
    ("2025-12-30至2026-01-05", None, (D(2025, 12, 30), D(2026, 1, 5))),
]


@pytest.mark.parametrize("text, default_year, expected", PARSE_DATE)
def test_parse_date(text, default_year, expected):
    assert parse_date(text, default_year=default_year) == expected


PARSE_DATE_ERRORS = [
    ("1月8日", None, "year"),
    ("12月30日至1月5日", None, "year"),
    ("2月30日", 2025, "no such date"),
    ("2025年2月29日", None, "no such date"),
    ("2026年1月5日至2025年1月1日", None, "forward"),
    ("2026年1月", None, "not a date"),
    ("今(8)日", 2026, "not a date"),
    ("明天", None, "not a date"),
    ("", None, "not a date"),
    ("2026年1月8日上午", None, "not a date"),
]


@pytest.mark.parametrize("text, default_year, message", PARSE_DATE_ERRORS)
def test_parse_date_errors(text, default_year, message):
    with pytest.raises(ParseError, match=message):
        parse_date(text, default_year=default_year)


RESOLVE_YEAR = [
    (12, 30, D(2026, 1, 8), 2025),
    (1, 8, D(2025, 12, 30), 2026),
    (6, 30, D(2025, 8, 1), 2025),
    (7, 1, D(2025, 12, 20), 2025),
    (7, 1, D(2025, 12, 31), 2026),
    (6, 30, D(2025, 12, 1), 2025),
    (12, None, D(2026, 1, 8), 2025),
    (3, None, D(2025, 12, 30), 2026),
    (2, 29, D(2025, 1, 1), 2024),
]


@pytest.mark.parametrize("month, day, reference, expected", RESOLVE_YEAR)
def test_resolve_year(month, day, reference, expected):
    assert resolve_year(month, day, reference) == expected


def test_resolve_year_errors():
    with pytest.raises(ParseError):
        resolve_year(13, 1, D(2025, 1, 1))
    with pytest.raises(ParseError):
        resolve_year(2, 30, D(2025, 1, 1))


# --------------------------------------------------------------------------- robustness


def _check_mentions(text, mentions):
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        assert m.text == text[m.start:m.end]
        last_end = m.end


ALPHABET = st.sampled_from(list("0123456789年月日季度上下半前后第至到及和、,.-~()截止于今去同期内近三九十二一个FYQH 号止末底"))


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_find_never_raises_on_period_alphabet(text):
    _check_mentions(text, find_periods(text))
    _check_mentions(text, find_dates(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_find_never_raises_on_any_text(text):
    periods = find_periods(text)
    dates = find_dates(text)
    _check_mentions(text, periods)
    _check_mentions(text, dates)
    for m in periods:
        assert isinstance(m, PeriodMention)
    for m in dates:
        assert isinstance(m, DateMention)


HOSTILE = [
    "1" * 1_000_000,
    "年" * 1_000_000,
    "2024年" * 200_000,
    "2024年、" * 170_000,
    "2024、" * 200_000,
    "1990-2099年、" * 80_000,
    "2025年12月30日至" * 60_000,
    "(" * 500_000 + "今(" * 100_000,
    "三年半多" * 250_000,
    "2025-12-" * 125_000,
    "截至" * 500_000,
    "去年同期" * 250_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:8]))
def test_linear_time_on_hostile_input(text):
    started = time.perf_counter()
    find_periods(text)
    find_dates(text)
    # generous: a quadratic scan of a megabyte would take hours, not seconds
    assert time.perf_counter() - started < 30


# Hong Kong wording: 首三季 / 首六个月 / 首季 / 首半年 for the first quarters and halves, 中期业绩 for
# the interim (first-half) results.
@pytest.mark.parametrize("text,kind,canonical,relative", [
    ("2025年首三季收益", "single", "2025Q1-Q3", None),
    ("2025年首六個月", "single", "2025H1", None),
    ("2024年首季度", "single", "2024Q1", None),
    ("2025年首半年", "single", "2025H1", None),
    ("2025年中期業績", "single", "2025H1", None),
    ("去年首三季", "relative", None, "Q1-Q3"),
    ("中期業績顯示", "relative", None, "H1"),
])
def test_hong_kong_first_periods(text, kind, canonical, relative):
    from zhipu_ipo.normalization import normalize as _norm

    found = find_periods(_norm(text).text)
    assert len(found) == 1
    m = found[0]
    assert (m.kind, str(m.period) if m.period else None, m.relative) == (kind, canonical, relative)


@pytest.mark.parametrize("text", ["中期目标", "长期投资", "首次公开发行", "上市首日"])
def test_words_that_are_not_first_periods(text):
    assert find_periods(text) == []


@pytest.mark.parametrize("text,canonical,items", [
    ("截至2024年12月31日止三個年度", "2022..2024", ["2022", "2023", "2024"]),
    ("截至2024年12月31日止三個年度及截至2025年6月30日止六個月", "2022..2025H1", ["2022", "2023", "2024", "2025H1"]),
    ("截至2024年12月31日止兩個財政年度", "2023..2024", ["2023", "2024"]),
])
def test_years_ended(text, canonical, items):
    from zhipu_ipo.normalization import normalize as _norm

    (m,) = find_periods(_norm(text).text)
    assert (str(m.period), [str(p) for p in m.items]) == (canonical, items)
