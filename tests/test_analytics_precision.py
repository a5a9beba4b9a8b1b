"""Tests of zhipu_ipo.analytics.precision: written precision, stated intervals, interval arithmetic."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from zhipu_ipo.analytics.precision import (INF, NEG_INF, Interval, common, lenient_unit, nth_root,
                                           significant_digits, stated_interval, written_unit)

# (value, unit, the unit of its last written digit)
WRITTEN = [
    ("312400000", "CNY", "1E+5"),      # 3.124亿
    ("312000000", "CNY", "1E+6"),      # 3.12亿
    ("57400000", "CNY", "1E+4"),       # 5740万: the zero is written
    ("124500000", "CNY", "1E+5"),      # 1.245亿
    ("3000000000", "USD", "1E+8"),     # 30亿: one written zero
    ("30000000000", "CNY", "1E+8"),    # 300亿
    ("51100000000", "HKD", "1E+8"),    # 511亿
    ("1000000000000", "CNY", "1E+12"),  # 1万亿
    ("37419500", "shares", "1E+2"),    # 3741.95万股
    ("11", "count", "1"),
    ("657", "count", "1"),
    ("703", "percent", "1"),
    ("84.8", "percent", "0.1"),
    ("130", "percent", "1"),           # a written trailing zero counts
    ("-0.4", "percent", "0.1"),
    ("3.27", "percent", "0.01"),
    ("21", "times", "1"),
    ("116.20", "HKD/share", "0.01"),
    ("120", "HKD/share", "1"),
    ("5000", "CNY", "1"),              # below 1万: digits as stored
]


@pytest.mark.parametrize("value,unit,expected", WRITTEN)
def test_written_unit(value, unit, expected):
    assert written_unit(D(value), unit) == D(expected)


LENIENT = [("130", "1E+1"), ("800", "1E+2"), ("3000000000", "1E+9"), ("84.8", "0.1"), ("703", "1"),
           ("0", "1")]


@pytest.mark.parametrize("value,expected", LENIENT)
def test_lenient_unit(value, expected):
    assert lenient_unit(D(value)) == D(expected)


@pytest.mark.parametrize("value,expected", [("312400000", 4), ("820000000", 2), ("2358000000", 4),
                                            ("116.20", 4), ("0", 1)])
def test_significant_digits(value, expected):
    assert significant_digits(D(value)) == expected


# (value, qualifier, low, high, unit, lenient, expected lo, expected hi)
STATED = [
    ("703", "exact", None, None, "percent", False, "702.5", "703.5"),
    ("312000000", "exact", None, None, "CNY", False, "311500000", "312500000"),
    ("21", "approx", None, None, "times", False, "19.95", "22.05"),          # 5% beats half a unit
    ("4400000000", "approx", None, None, "CNY", False, "4180000000", "4620000000"),
    ("0.3", "approx", None, None, "percent", False, "0.25", "0.35"),        # half a unit beats 5%
    ("6200000000", "at_least", None, None, "CNY", False, "6150000000", INF),
    ("70", "at_most", None, None, "percent", False, NEG_INF, "70.5"),
    ("400000000", "range", "400000000", "500000000", "CNY", False, "350000000", "550000000"),
    ("130", "exact", None, None, "percent", True, "125", "135"),
    ("130", "exact", None, None, "percent", False, "129.5", "130.5"),
]


@pytest.mark.parametrize("value,qualifier,low,high,unit,lenient,lo,hi", STATED)
def test_stated_interval(value, qualifier, low, high, unit, lenient, lo, hi):
    iv = stated_interval(D(value), qualifier, D(low) if low else None, D(high) if high else None, unit,
                         lenient=lenient)
    assert (iv.lo, iv.hi) == (D(lo), D(hi))


# (operation, expected lo, expected hi)
A, B = Interval(D(2), D(4)), Interval(D(1), D(2))
ARITHMETIC = [
    (lambda: A + B, "3", "6"),
    (lambda: A - B, "0", "3"),
    (lambda: A * B, "2", "8"),
    (lambda: A / B, "1", "4"),
    (lambda: A * Interval(D(-1), D(1)), "-4", "4"),
    (lambda: A / Interval(D(-1), D(1)), NEG_INF, INF),                   # divisor holds zero
    (lambda: A / Interval(D(1), INF), "0", "4"),
    (lambda: Interval(D(2), INF) * Interval(D(0), D(1)), "0", INF),      # 0 × ∞ taken as 0
    (lambda: A.scale(D(100)), "200", "400"),
    (lambda: A.shift(D(-1)), "1", "3"),
    (lambda: Interval(D(4), D(9)).root(2), "2", "3"),
    (lambda: Interval(D(100), D(200)).widen(D("0.03")), "97", "206"),
]


@pytest.mark.parametrize("op,lo,hi", ARITHMETIC)
def test_interval_arithmetic(op, lo, hi):
    iv = op()
    assert (iv.lo, iv.hi) == (D(lo), D(hi))


def test_interval_rejects_empty_and_negative_root():
    with pytest.raises(ValueError):
        Interval(D(2), D(1))
    with pytest.raises(ValueError):
        Interval(D(-1), D(1)).root(2)


@pytest.mark.parametrize("value,n,expected", [("9", 2, "3"), ("27", 3, "3"), ("0", 2, "0"), ("5", 1, "5")])
def test_nth_root(value, n, expected):
    assert nth_root(D(value), n) == D(expected)


OVERLAPS = [
    ((D("3.115"), D("3.125")), (D("3.1235"), D("3.1245")), True),   # 3.12亿 vs 3.124亿
    ((D("8.15"), D("8.25")), (D("23.575"), D("23.585")), False),     # 8.2亿 vs 23.58亿
    ((D("61.5"), INF), (D("62.46"), D("62.5")), True),              # 超62亿 vs 62.48亿
    ((D(1), D(2)), (D(2), D(3)), True),                             # touching ends share a point
]


@pytest.mark.parametrize("a,b,expected", OVERLAPS)
def test_overlaps_and_common(a, b, expected):
    ia, ib = Interval(*a), Interval(*b)
    assert ia.overlaps(ib) is expected
    assert (common([ia, ib]) is not None) is expected


def test_common_of_three_needs_one_shared_point():
    pairwise = [Interval(D(1), D(3)), Interval(D(2), D(5)), Interval(D(4), D(6))]
    assert common(pairwise) is None
    assert common(pairwise[:2]) == Interval(D(2), D(3))
    assert common([]) is None
