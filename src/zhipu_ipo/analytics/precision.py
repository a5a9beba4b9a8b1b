"""How precise a written figure is, as an interval of the values it may stand for.

Articles round. A figure written ``3.12亿`` stands for anything in [3.115亿, 3.125亿]; ``约21倍``
for roughly 21; ``超62亿`` for anything from 62亿 up. This module turns a stated value and its
qualifier into an :class:`Interval`, and does interval arithmetic with :class:`~decimal.Decimal`
so that a recomputed figure carries the rounding of its inputs.

The rules (all constants are named here, none is hidden elsewhere):

* **Written precision** (:func:`written_unit`) -- the unit of the last digit the article
  wrote. Amounts (currencies, shares, counts) are read in the form Chinese news writes them,
  digits before the largest scale word 万亿/亿/万 not above the value, as
  :func:`zhipu_ipo.numbers.format_amount` does: ``312400000`` (3.124亿) has unit 10万,
  ``57400000`` (5740万) 1万, ``3000000000`` (30亿) 1亿. Percentages, multiples and prices
  keep their digits as stored: ``703`` has unit 1, ``84.8`` 0.1, ``116.20`` 0.01. So a
  trailing zero is a written digit (``130%`` stands for 129.5–130.5%).
  :func:`lenient_unit` reads trailing zeros of an integer as rounding instead (``130`` has unit
  10); the claims check reports when a verdict would change under that reading.
* ``exact``    -- value ± half a unit.
* ``approx``   (约, 左右) -- value ± max(half a unit, :data:`APPROX_RELATIVE` × |value|).
* ``at_least`` (超, 以上) -- [value − half a unit, +∞).
* ``at_most``  (近, 不到) -- (−∞, value + half a unit].
* ``range``    (4–5亿) -- [low − half a unit of low, high + half a unit of high].

Arithmetic runs in :data:`CONTEXT` (34 significant digits): sums and differences of the
figures are exact; quotients and roots are rounded at the 34th digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, localcontext
from typing import Callable, Iterable, Optional

#: Decimal context of every computation in :mod:`zhipu_ipo.analytics`.
CONTEXT = Context(prec=34)

#: 约 (approx) widens the written precision to at least this share of the value.
APPROX_RELATIVE = Decimal("0.05")

INF = Decimal("Infinity")
NEG_INF = Decimal("-Infinity")


#: Scale words of written amounts, largest first (exponent of ten), as format_amount uses them.
SCALES: tuple[int, ...] = (12, 8, 4)
#: Units whose figures are written with a scale word (万/亿) when large.
SCALED_UNITS = frozenset({"CNY", "HKD", "USD", "EUR", "JPY", "GBP", "shares", "count"})


def _digits_unit(value: Decimal) -> Decimal:
    """Unit of the last stored digit; integer digits all count (``130`` -> 1, ``2.50`` -> 0.01)."""
    exponent = min(value.as_tuple().exponent, 0)
    return Decimal(1).scaleb(exponent, CONTEXT)


def written_unit(value: Decimal, unit: Optional[str] = None) -> Decimal:
    """The unit of the last digit the article wrote (module docstring).

    >>> [written_unit(Decimal(v), "CNY") for v in ("312400000", "57400000", "3000000000")]
    [Decimal('1E+5'), Decimal('1E+4'), Decimal('1E+8')]
    >>> written_unit(Decimal("84.8"), "percent"), written_unit(Decimal("130"), "percent")
    (Decimal('0.1'), Decimal('1'))
    """
    if not value.is_finite():
        return Decimal(1)
    if unit is None or unit in SCALED_UNITS:
        magnitude = abs(value)
        for exp in SCALES:
            if magnitude >= Decimal(1).scaleb(exp):
                mantissa = value.scaleb(-exp, CONTEXT)
                if mantissa == mantissa.to_integral_value():
                    return Decimal(1).scaleb(exp, CONTEXT)
                return Decimal(1).scaleb(exp + mantissa.normalize(CONTEXT).as_tuple().exponent, CONTEXT)
    return _digits_unit(value)


def lenient_unit(value: Decimal) -> Decimal:
    """The unit of the last significant digit, trailing zeros of an integer read as rounding
    (``130`` -> 10, ``3000000000`` -> 1E+9)."""
    if not value.is_finite() or value == 0:
        return Decimal(1)
    exponent = value.normalize(CONTEXT).as_tuple().exponent
    return Decimal(1).scaleb(exponent, CONTEXT)


def half_unit(value: Decimal, unit: Optional[str] = None) -> Decimal:
    """Half of :func:`written_unit`: how far a rounded figure may be from what it stands for."""
    return written_unit(value, unit) / 2


def significant_digits(value: Decimal) -> int:
    """Number of significant digits as written (trailing zeros of an integer not counted)."""
    if not value.is_finite() or value == 0:
        return 1
    return len(value.normalize(CONTEXT).as_tuple().digits)


@dataclass(frozen=True)
class Interval:
    """A closed interval of Decimals; ends may be infinite. ``lo <= hi`` always."""

    lo: Decimal
    hi: Decimal

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    @classmethod
    def point(cls, value: Decimal) -> "Interval":
        """The interval holding only ``value``."""
        return cls(value, value)

    @property
    def bounded(self) -> bool:
        """True when both ends are finite."""
        return self.lo.is_finite() and self.hi.is_finite()

    def overlaps(self, other: "Interval") -> bool:
        """True when the two intervals share at least one point."""
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Decimal) -> bool:
        """True when ``value`` lies in the interval."""
        return self.lo <= value <= self.hi

    def widen(self, relative: Decimal) -> "Interval":
        """The interval grown by ``relative`` × |end| at each end (FX tolerance)."""
        with localcontext(CONTEXT):
            lo = self.lo - abs(self.lo) * relative if self.lo.is_finite() else self.lo
            hi = self.hi + abs(self.hi) * relative if self.hi.is_finite() else self.hi
        return Interval(lo, hi)

    # -- arithmetic -----------------------------------------------------------------------

    def __add__(self, other: "Interval") -> "Interval":
        with localcontext(CONTEXT):
            return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        with localcontext(CONTEXT):
            return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: "Interval") -> "Interval":
        return _corners(self, other, _mul)

    def __truediv__(self, other: "Interval") -> "Interval":
        if other.lo <= 0 <= other.hi:
            return Interval(NEG_INF, INF)
        return _corners(self, other, _div)

    def scale(self, factor: Decimal) -> "Interval":
        """Multiply by a constant (a named FX rate, 100 for percent)."""
        return self * Interval.point(factor)

    def shift(self, amount: Decimal) -> "Interval":
        """Add a constant (−1 in a growth rate)."""
        return self + Interval.point(amount)

    def root(self, n: int) -> "Interval":
        """The n-th root of a non-negative interval (monotone, so end by end)."""
        if self.lo < 0:
            raise ValueError("root of an interval with negative values")
        return Interval(nth_root(self.lo, n), nth_root(self.hi, n))

    def __str__(self) -> str:
        return f"[{self.lo}, {self.hi}]"


def _mul(a: Decimal, b: Decimal) -> Decimal:
    if (a == 0 and b.is_infinite()) or (b == 0 and a.is_infinite()):
        return Decimal(0)
    return a * b


def _div(a: Decimal, b: Decimal) -> Decimal:
    if a.is_infinite() and b.is_infinite():
        raise InvalidOperation
    return a / b


def _corners(a: Interval, b: Interval, op: Callable[[Decimal, Decimal], Decimal]) -> Interval:
    with localcontext(CONTEXT):
        try:
            values = [op(x, y) for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        except InvalidOperation:
            return Interval(NEG_INF, INF)
    return Interval(min(values), max(values))


def nth_root(value: Decimal, n: int) -> Decimal:
    """``value ** (1/n)`` for value >= 0, rounded in :data:`CONTEXT`."""
    if n < 1:
        raise ValueError("n must be >= 1")
    if value.is_infinite() or value == 0 or n == 1:
        return value
    with localcontext(CONTEXT):
        return value ** (Decimal(1) / Decimal(n))


def stated_interval(value: Decimal, qualifier: str, low: Optional[Decimal] = None,
                    high: Optional[Decimal] = None, unit: Optional[str] = None,
                    lenient: bool = False) -> Interval:
    """The values a figure written as ``value`` with ``qualifier`` may stand for (module
    rules); ``lenient`` reads trailing zeros of an integer as rounding (:func:`lenient_unit`)."""
    def half(v: Decimal) -> Decimal:
        return lenient_unit(v) / 2 if lenient else half_unit(v, unit)

    h = half(value)
    with localcontext(CONTEXT):
        if qualifier == "range" and low is not None and high is not None:
            return Interval(low - half(low), high + half(high))
        if qualifier == "approx":
            w = max(h, abs(value) * APPROX_RELATIVE)
            return Interval(value - w, value + w)
        if qualifier == "at_least":
            return Interval(value - h, INF)
        if qualifier == "at_most":
            return Interval(NEG_INF, value + h)
        return Interval(value - h, value + h)


def common(intervals: Iterable[Interval]) -> Optional[Interval]:
    """The intersection of the intervals, or None when they share no point."""
    items = list(intervals)
    if not items:
        return None
    lo = max(i.lo for i in items)
    hi = min(i.hi for i in items)
    return Interval(lo, hi) if lo <= hi else None
