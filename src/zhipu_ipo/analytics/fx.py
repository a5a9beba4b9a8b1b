"""Exchange rates, never a hidden constant: :class:`FxRate` and :class:`FxTable`.

Every rate carries its source and a *kind*:

* ``given``   -- passed by the caller (:meth:`FxTable.of`);
* ``default`` -- the library's documented defaults (``lexicon/analytics_fx_default.tsv``),
  approximate market rates near the listings, flagged as defaults wherever they are used;
* ``implied`` -- what an article's own restatement implies: a figure given in two currencies
  in one document, one of them marked as a conversion (``募资43亿港元(约5.6亿美元)`` implies
  USD/HKD 7.679). :meth:`FxTable.with_implied` adds them so they can be shown beside the
  defaults.

A rate reads ``1 base = rate quote``. Lookups (:meth:`FxTable.rate`) try, in the table's
``prefer`` order of kinds, a direct rate, then the inverse of one, then a cross rate through a
third currency; the returned :class:`FxRate` names how it was obtained. Every analytics figure
that converts a currency lists the :attr:`FxRate.name` it used.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterable, Mapping, Optional, Sequence, Union

import pandas as pd

from ..lexicon import read_rows
from ..numbers import format_amount
from .observations import decimal_str, observations
from .precision import CONTEXT, significant_digits

#: Order used to orient a pair (the earlier currency is the base: USD/HKD, HKD/CNY).
CURRENCY_ORDER: tuple[str, ...] = ("USD", "EUR", "GBP", "HKD", "CNY", "JPY")
#: Default preference of kinds when looking up a rate.
DEFAULT_PREFER: tuple[str, ...] = ("given", "default", "implied")
#: The package data file holding the default rates.
DEFAULT_RATES_FILE = "analytics_fx_default.tsv"

Number = Union[Decimal, int, str, float]


def _dec(x: Number) -> Decimal:
    if isinstance(x, float):
        return Decimal(repr(x))
    return Decimal(x)


def _orient(a: str, b: str) -> tuple[str, str]:
    ra = CURRENCY_ORDER.index(a) if a in CURRENCY_ORDER else len(CURRENCY_ORDER)
    rb = CURRENCY_ORDER.index(b) if b in CURRENCY_ORDER else len(CURRENCY_ORDER)
    return (a, b) if (ra, a) <= (rb, b) else (b, a)


@dataclass(frozen=True)
class FxRate:
    """``1 base = rate quote``, with where the rate comes from."""

    base: str
    quote: str
    rate: Decimal
    kind: str  # 'given', 'default', 'implied'
    source: str = ""
    doc: Optional[str] = None
    as_of: Optional[str] = None
    how: str = "direct"  # 'direct', 'inverse' or 'cross'
    precision: int = 0  # implied rates: significant digits of the figures that imply it

    @property
    def pair(self) -> str:
        return f"{self.base}/{self.quote}"

    @property
    def name(self) -> str:
        """A short, unique-enough label: ``USD/HKD 7.679 (implied by 003_…: 43亿港元 ≈ 5.6亿美元)``."""
        shown = str(self.rate) if self.how == "direct" and self.kind != "implied" else decimal_str(self.rate, 4)
        head = f"{self.pair} {shown}"
        if self.how != "direct":
            return f"{head} ({self.source})"
        if self.kind == "implied":
            return f"{head} (implied by {self.doc}: {self.source})"
        return f"{head} ({self.kind})"

    def inverse(self) -> "FxRate":
        """The same rate read the other way (``HKD/USD``)."""
        with_ctx = CONTEXT.divide(Decimal(1), self.rate)
        return replace(self, base=self.quote, quote=self.base, rate=with_ctx, how="inverse",
                       source=f"inverse of {self.name}")

    def convert(self, amount: Decimal) -> Decimal:
        """``amount`` in ``base`` expressed in ``quote``."""
        return CONTEXT.multiply(amount, self.rate)

    def __str__(self) -> str:
        return self.name


def _cross(first: FxRate, second: FxRate) -> FxRate:
    """first: A->P, second: P->B gives A->B."""
    kinds = sorted({first.kind, second.kind})
    kind = kinds[0] if len(kinds) == 1 else "+".join(kinds)
    return FxRate(first.base, second.quote, CONTEXT.multiply(first.rate, second.rate), kind,
                  source=f"cross: {first.name} × {second.name}", how="cross")


class FxTable:
    """A set of FX rates with their sources; see the module docstring.

    >>> fx = FxTable.of({"USD/CNY": "7.1"}, source="my desk")
    >>> fx.convert(Decimal("100"), "USD", "CNY")[0]
    Decimal('710.0')
    """

    def __init__(self, rates: Iterable[FxRate] = (), prefer: Sequence[str] = DEFAULT_PREFER):
        self.rates: tuple[FxRate, ...] = tuple(rates)
        self.prefer: tuple[str, ...] = tuple(prefer)

    # -- constructors ---------------------------------------------------------------------

    @classmethod
    def default(cls) -> "FxTable":
        """The library defaults (each rate of kind ``default`` says so in its name)."""
        rates = []
        for row in read_rows(DEFAULT_RATES_FILE):
            base, quote, rate, as_of, source = (row + [""] * 5)[:5]
            rates.append(FxRate(base, quote, Decimal(rate), "default", source=source, as_of=as_of or None))
        return cls(rates)

    @classmethod
    def of(cls, rates: Mapping[str, Number], source: str = "given by the caller",
           as_of: Optional[str] = None) -> "FxTable":
        """Rates given as ``{"USD/CNY": "7.1", ...}`` (kind ``given``, preferred over defaults)."""
        out = []
        for pair, rate in rates.items():
            base, _, quote = pair.partition("/")
            if not base or not quote:
                raise ValueError(f"a pair is written 'USD/CNY', not {pair!r}")
            out.append(FxRate(base.strip().upper(), quote.strip().upper(), _dec(rate), "given",
                              source=source, as_of=as_of))
        return cls(out)

    def with_rates(self, rates: Iterable[FxRate]) -> "FxTable":
        """A new table with ``rates`` added."""
        return FxTable(self.rates + tuple(rates), self.prefer)

    def with_rate(self, base: str, quote: str, rate: Number, source: str = "given by the caller") -> "FxTable":
        """A new table with one given rate added."""
        return self.with_rates([FxRate(base, quote, _dec(rate), "given", source=source)])

    def preferring(self, *kinds: str) -> "FxTable":
        """The same rates with another order of preference, e.g. ``preferring('implied')``."""
        rest = [k for k in DEFAULT_PREFER if k not in kinds]
        return FxTable(self.rates, tuple(kinds) + tuple(rest))

    def with_implied(self, facts: pd.DataFrame) -> "FxTable":
        """A new table with the rates the articles imply (see :func:`implied_rates`)."""
        return self.with_rates(implied_rates(facts))

    # -- lookups --------------------------------------------------------------------------

    def _kind_rank(self, kind: str) -> int:
        ranks = [self.prefer.index(k) for k in kind.split("+") if k in self.prefer]
        return max(ranks) if ranks else len(self.prefer)

    def candidates(self, base: str, quote: str, cross: bool = True) -> list[FxRate]:
        """Every way to go from ``base`` to ``quote``: direct, inverse, then (if ``cross`` and
        no direct/inverse rate exists) cross rates; each group ordered by preference of kind
        and, for implied rates, by the precision of the figures that imply them."""
        if base == quote:
            return [FxRate(base, quote, Decimal(1), "identity", source="same currency")]
        direct = [r for r in self.rates if r.base == base and r.quote == quote]
        inverse = [r.inverse() for r in self.rates if r.base == quote and r.quote == base]
        out = sorted(direct, key=self._order) + sorted(inverse, key=self._order)
        if out or not cross:
            return out
        pivots = sorted({r.quote for r in self.rates} | {r.base for r in self.rates} - {base, quote})
        crosses = []
        for p in pivots:
            for a in self.candidates(base, p, cross=False):
                for b in self.candidates(p, quote, cross=False):
                    crosses.append(_cross(a, b))
        return sorted(crosses, key=self._order)

    def _order(self, r: FxRate) -> tuple:
        return (self._kind_rank(r.kind), -_implied_precision(r), r.doc or "", r.source)

    def rate(self, base: str, quote: str, kind: Optional[str] = None) -> FxRate:
        """The preferred rate from ``base`` to ``quote`` (optionally of one kind only).

        Raises KeyError when the table cannot convert between the two currencies.
        """
        found = self.candidates(base, quote)
        if kind is not None:
            found = [r for r in found if r.kind == kind or kind in r.kind.split("+")]
        if not found:
            raise KeyError(f"no FX rate {base}/{quote}" + (f" of kind {kind}" if kind else ""))
        return found[0]

    def convert(self, amount: Decimal, base: str, quote: str, kind: Optional[str] = None) -> tuple[Decimal, FxRate]:
        """``amount`` of ``base`` in ``quote``, with the rate used."""
        r = self.rate(base, quote, kind)
        return r.convert(amount), r

    # -- views ----------------------------------------------------------------------------

    def frame(self) -> pd.DataFrame:
        """One row per rate: pair, base, quote, rate (float64), rate_decimal, kind, source,
        doc, as_of, name; given and default rates first, then implied ones."""
        cols = ["pair", "base", "quote", "rate", "rate_decimal", "kind", "source", "doc", "as_of", "name"]
        order = {"given": 0, "default": 1, "implied": 2}
        rates = sorted(self.rates, key=lambda r: (order.get(r.kind, 3), r.base, r.quote, r.doc or "", r.source))
        df = pd.DataFrame([{
            "pair": r.pair, "base": r.base, "quote": r.quote, "rate": float(r.rate), "rate_decimal": r.rate,
            "kind": r.kind, "source": r.source, "doc": r.doc, "as_of": r.as_of, "name": r.name,
        } for r in rates], columns=cols)
        for c in ("pair", "base", "quote", "kind", "source", "doc", "as_of", "name"):
            df[c] = df[c].astype("string")
        df["rate"] = df["rate"].astype("float64")
        df["rate_decimal"] = df["rate_decimal"].astype("object")
        return df

    def __len__(self) -> int:
        return len(self.rates)

    def __repr__(self) -> str:
        return "<FxTable " + "; ".join(r.name for r in self.rates) + ">"

    def _repr_html_(self) -> str:
        return self.frame().drop(columns=["rate_decimal"])._repr_html_()


def _implied_precision(r: FxRate) -> int:
    return r.precision if r.kind == "implied" else 0


def implied_rates(facts: pd.DataFrame) -> list[FxRate]:
    """Rates implied by figures one document gives in two currencies, one side being a
    conversion (extraction rule ``conversion``): same entity, metric, period, segment."""
    groups: dict[tuple, list] = defaultdict(list)
    for o in observations(facts):
        if o.is_currency and o.value > 0:
            groups[(o.doc, o.entity, o.metric, o.period, o.segment, o.forecast)].append(o)
    out: list[FxRate] = []
    for key in sorted(groups, key=lambda k: tuple("" if x is None else str(x) for x in k)):
        items = groups[key]
        if not any(o.rule == "conversion" for o in items):
            continue
        by_unit: dict[str, object] = {}
        for o in sorted(items, key=lambda o: (o.rule == "conversion", o.start)):
            by_unit.setdefault(o.unit, o)
        units = sorted(by_unit)
        for i, a in enumerate(units):
            for b in units[i + 1:]:
                base, quote = _orient(a, b)
                ob, oq = by_unit[base], by_unit[quote]
                if "conversion" not in (ob.rule, oq.rule):
                    continue
                rate = CONTEXT.divide(oq.value, ob.value)
                source = (f"{format_amount(oq.value, quote)} ≈ {format_amount(ob.value, base)}, "
                          f"{key[1]} {key[2]}" + (f" {key[3]}" if key[3] else ""))
                source = source.replace(" None", "")
                prec = min(significant_digits(ob.value), significant_digits(oq.value))
                out.append(FxRate(base, quote, rate, "implied", source=source, doc=key[0], precision=prec))
    return out
