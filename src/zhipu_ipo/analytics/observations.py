"""Numeric facts as :class:`Obs` records, and the :class:`Book` that finds them by key.

The analytics read the long facts table (:func:`zhipu_ipo.tables.facts_frame`) once into
``Obs`` records with exact :class:`~decimal.Decimal` values. ``low``/``high`` of a range come
back from the table's float64 columns through the float's shortest repr (``400000000.0`` ->
``Decimal('400000000.0')``), which is exact for every figure with at most 15 significant digits.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Iterable, Optional

import pandas as pd

from ..models import CURRENCIES
from ..periods import Period, parse_period
from .precision import CONTEXT, Interval, stated_interval

#: The key two facts must share to be the same figure (unit and forecast included).
Key = tuple  # (entity, metric, period, segment, unit, forecast)


def _opt_str(value) -> Optional[str]:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return str(value)


def _opt_decimal(value) -> Optional[Decimal]:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, Decimal):
        return value
    f = float(value)
    if math.isnan(f):
        return None
    return Decimal(repr(f))


@dataclass(frozen=True)
class Obs:
    """One numeric fact of one document."""

    doc: str
    entity: str
    metric: str
    period: Optional[str]
    segment: Optional[str]
    unit: str
    value: Decimal
    qualifier: str = "exact"
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None
    forecast: bool = False
    quote: str = ""
    start: int = -1
    rule: Optional[str] = None

    @property
    def key(self) -> Key:
        """(entity, metric, period, segment, unit, forecast)."""
        return (self.entity, self.metric, self.period, self.segment, self.unit, self.forecast)

    @cached_property
    def interval(self) -> Interval:
        """The values this figure may stand for, given how it was written (see precision)."""
        return stated_interval(self.value, self.qualifier, self.low, self.high, self.unit)

    @property
    def lenient_interval(self) -> Interval:
        """:attr:`interval` with trailing zeros of an integer read as rounding."""
        return stated_interval(self.value, self.qualifier, self.low, self.high, self.unit, lenient=True)

    @property
    def point(self) -> Decimal:
        """The value used in a point computation: the midpoint of a range, else the value."""
        if self.qualifier == "range" and self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.value

    @property
    def spread(self) -> Interval:
        """The ends of a range as an interval (a point for any other figure)."""
        if self.qualifier == "range" and self.low is not None and self.high is not None:
            return Interval(self.low, self.high)
        return Interval.point(self.value)

    @property
    def is_currency(self) -> bool:
        return self.unit in CURRENCIES


def observations(facts: pd.DataFrame) -> list[Obs]:
    """Every fact of the table with a numeric value, as :class:`Obs`, in table order."""
    out: list[Obs] = []
    if facts is None or len(facts) == 0:
        return out
    for row in facts.itertuples(index=False):
        value = row.value_decimal
        if not isinstance(value, Decimal) or not value.is_finite():
            continue
        start = row.start
        out.append(Obs(
            doc=str(row.doc), entity=str(row.entity), metric=str(row.metric),
            period=_opt_str(row.period), segment=_opt_str(row.segment), unit=str(row.unit),
            value=value, qualifier=str(row.qualifier), low=_opt_decimal(row.low),
            high=_opt_decimal(row.high), forecast=bool(row.forecast), quote=_opt_str(row.quote) or "",
            start=-1 if start is None or start is pd.NA else int(start), rule=_opt_str(row.rule),
        ))
    return out


def period_of(text: Optional[str]) -> Optional[Period]:
    """The :class:`Period` of a canonical period string (None when absent or unreadable)."""
    if text is None:
        return None
    try:
        return parse_period(text)
    except Exception:  # noqa: BLE001 - an unreadable period is just not usable
        return None


def period_sort_key(text: Optional[str]) -> tuple:
    """Time order of period strings; None first, unreadable ones last by text."""
    if text is None:
        return (0, (), "")
    p = period_of(text)
    if p is None:
        return (2, (), text)
    return (1, p.sort_key(), text)


class Book:
    """The observations of a facts table, indexed by key, entity and document."""

    def __init__(self, facts: pd.DataFrame):
        self.facts = facts
        self.obs: list[Obs] = observations(facts)
        self._by_key: dict[Key, list[Obs]] = defaultdict(list)
        self._units: dict[tuple, set[str]] = defaultdict(set)  # figure without unit -> units
        for o in self.obs:
            self._by_key[o.key].append(o)
            self._units[(o.entity, o.metric, o.period, o.segment, o.forecast)].add(o.unit)

    def find(self, entity: str, metric: str, period: Optional[str], segment: Optional[str] = None,
             unit: Optional[str] = None, forecast: bool = False, doc: Optional[str] = None) -> list[Obs]:
        """Observations of one figure; ``unit=None`` means any unit, ``doc`` restricts to it."""
        units = [unit] if unit is not None else sorted(self._units.get((entity, metric, period, segment, forecast), ()))
        found = [o for u in units for o in self._by_key.get((entity, metric, period, segment, u, forecast), [])]
        if doc is not None:
            found = [o for o in found if o.doc == doc]
        return sorted(found, key=lambda o: (o.doc, o.start))

    def units(self, entity: str, metric: str, period: Optional[str], segment: Optional[str] = None,
              forecast: bool = False) -> list[str]:
        """The units this figure is stated in, sorted."""
        return sorted(self._units.get((entity, metric, period, segment, forecast), ()))

    def keys(self, entity: Optional[str] = None, metric: Optional[str] = None) -> list[Key]:
        """Keys present, optionally for one entity / metric, in a stable order."""
        ks = [k for k in self._by_key
              if (entity is None or k[0] == entity) and (metric is None or k[1] == metric)]
        return sorted(ks, key=lambda k: (k[0], k[1], period_sort_key(k[2]), k[3] or "", k[4], k[5]))

    def entities(self) -> list[str]:
        """Entities with at least one numeric fact, sorted."""
        return sorted({o.entity for o in self.obs})

    def periods(self, entity: str, metric: str, segment: Optional[str] = None,
                unit: Optional[str] = None, forecast: bool = False) -> list[str]:
        """Periods (in time order) for which the figure is stated."""
        ps = {k[2] for k in self._by_key
              if k[0] == entity and k[1] == metric and k[3] == segment and k[5] == forecast
              and (unit is None or k[4] == unit) and k[2] is not None}
        return sorted(ps, key=period_sort_key)

    def obs_of(self, entity: Optional[str] = None) -> list[Obs]:
        """All observations (of one entity)."""
        return [o for o in self.obs if entity is None or o.entity == entity]


def decimal_str(value: Decimal, digits: int = 6) -> str:
    """A short decimal for explanations (``digits`` significant digits, no exponent)."""
    if not value.is_finite():
        return "∞" if value > 0 else "−∞"
    q = CONTEXT.create_decimal(value)
    if q == 0:
        return "0"
    exp = q.adjusted() - digits + 1
    rounded = q.quantize(Decimal(1).scaleb(exp), context=CONTEXT)
    text = format(rounded, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def iter_unique(items: Iterable) -> list:
    """The items without repeats, first occurrence kept."""
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
