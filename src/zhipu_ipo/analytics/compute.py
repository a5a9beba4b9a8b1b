"""Computations that show their work: :class:`Term` (an input) and :class:`Computation`.

A computation is a formula over terms. It is evaluated three times with the same code:
on the terms' values (the figure), on their rounding intervals (how far the figure may be
off given how the inputs were written) and on their range ends (for a range input such as a
4–5亿 forecast). Every term says where its value comes from (documents, conversions).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from typing import Callable, Optional, Sequence

from ..numbers import format_amount
from .fx import FxRate
from .observations import decimal_str, iter_unique
from .precision import CONTEXT, INF, NEG_INF, Interval
from .reconcile import Reconciled

QUALIFIER_WORDS = {"exact": "", "approx": "约", "at_least": "超", "at_most": "近", "range": ""}


def fmt_amount(value: Decimal, unit: str, digits: int = 6) -> str:
    """A figure for explanations: Chinese scale words for amounts (``3.124亿元``), one decimal
    for percent, two for times; long computed digits cut to ``digits`` significant digits."""
    if not value.is_finite():
        return "∞" if value > 0 else "−∞"
    if unit == "percent":
        return f"{_short(value)}%"
    if unit == "times":
        return f"{_short(value)}倍"
    short = Decimal(decimal_str(value, digits))
    try:
        return format_amount(short, unit)
    except ValueError:
        return f"{decimal_str(value, digits)} {unit}"


def _short(value: Decimal) -> str:
    """Four significant digits, at least one decimal place kept when it matters: 702.8, 3.27, 0.2582."""
    if abs(value) >= 1000:
        return decimal_str(value.quantize(Decimal(1), context=CONTEXT), 12)
    return decimal_str(value, 4)


def fmt_stated(value: Decimal, unit: str) -> str:
    """A stated figure exactly as the library holds it (``3.124亿元``, ``50%``)."""
    try:
        return format_amount(value, unit)
    except ValueError:
        return f"{value} {unit}"


@dataclass(frozen=True)
class Term:
    """One input of a computation, in ``unit``."""

    label: str
    value: Decimal
    interval: Interval
    spread: Interval
    unit: str
    qualifier: str = "exact"
    docs: tuple[str, ...] = ()
    own: bool = False
    notes: tuple[str, ...] = ()
    fx: tuple[FxRate, ...] = ()
    parts: tuple["Term", ...] = ()
    before: str = ""  # the figure as stated before a conversion

    @classmethod
    def of(cls, rec: Reconciled, label: str, own: bool = False) -> "Term":
        """A term from a reconciled figure (notes a conflict among its sources)."""
        notes = ()
        if rec.is_conflict:
            others = ", ".join(f"{fmt_amount(o.value, o.unit)} in {o.doc}" for o in rec.conflicting)
            notes = (f"sources conflict: used {fmt_amount(rec.value, rec.unit)} "
                     f"({', '.join(o.doc for o in rec.obs if o.interval.overlaps(rec.interval))}), not {others}",)
        return cls(label=label, value=rec.point, interval=rec.interval, spread=rec.chosen.spread,
                   unit=rec.unit, qualifier=rec.qualifier, docs=tuple(rec.docs), own=own, notes=notes)

    @classmethod
    def total(cls, parts: Sequence["Term"], label: str) -> "Term":
        """The sum of terms in one unit (a cumulative total over a span)."""
        units = {p.unit for p in parts}
        if len(units) != 1:
            raise ValueError(f"cannot add terms in {sorted(units)}")
        with localcontext(CONTEXT):
            value = sum((p.value for p in parts), Decimal(0))
        interval = parts[0].interval
        spread = parts[0].spread
        for p in parts[1:]:
            interval = interval + p.interval
            spread = spread + p.spread
        quals = {p.qualifier for p in parts}
        qualifier = "exact" if quals == {"exact"} else ("range" if "range" in quals else sorted(quals - {"exact"})[0])
        return cls(label=label, value=value, interval=interval, spread=spread, unit=parts[0].unit,
                   qualifier=qualifier, docs=tuple(sorted(iter_unique(d for p in parts for d in p.docs))),
                   own=all(p.own for p in parts), notes=tuple(n for p in parts for n in p.notes),
                   fx=tuple(iter_unique(r for p in parts for r in p.fx)), parts=tuple(parts))

    def converted(self, rate: FxRate) -> "Term":
        """The term in ``rate.quote`` (the rate is named among the term's rates)."""
        k = Interval.point(rate.rate)
        return replace(self, value=rate.convert(self.value), interval=self.interval * k,
                       spread=self.spread * k, unit=rate.quote, fx=self.fx + (rate,),
                       parts=tuple(p.converted(rate) for p in self.parts),
                       before=f"{self.shown()} at {rate.name}")

    def _shown(self, value: Decimal) -> str:
        # a stated figure exactly; a converted one cut to 6 significant digits
        return fmt_amount(value, self.unit) if self.fx else fmt_stated(value, self.unit)

    def shown(self) -> str:
        """The value with its qualifier word (超/约) or as a range (``4亿元–5亿元``)."""
        if self.qualifier == "range" and self.spread.bounded and self.spread.lo != self.spread.hi:
            return f"{self._shown(self.spread.lo)}–{self._shown(self.spread.hi)}"
        return QUALIFIER_WORDS.get(self.qualifier, "") + self._shown(self.value)

    def describe(self) -> str:
        """``revenue 2024 = 3.124亿元`` (sum parts listed, conversions shown; documents are in
        :attr:`Computation.sources`)."""
        text = f"{self.label} = {self.shown()}"
        if self.before:
            text += f" ({self.before})"
        if self.parts:
            text += " (" + " + ".join(
                (QUALIFIER_WORDS.get(p.qualifier, "") + p._shown(p.value)) for p in self.parts) + ")"
        return text


@dataclass(frozen=True)
class Formula:
    """A function of intervals with the text that shows it."""

    text: str
    fn: Callable[..., Interval]
    unit: str


def growth(later: str, earlier: str) -> Formula:
    """Year-on-year growth in percent."""
    return Formula(f"({later} / {earlier} − 1) × 100", lambda a, b: (a / b).shift(Decimal(-1)).scale(Decimal(100)), "percent")


def cagr(last: str, first: str, years: int) -> Formula:
    """Compound annual growth over ``years`` years, in percent."""
    return Formula(f"(({last} / {first}) ^ (1/{years}) − 1) × 100",
                   lambda a, b: (a / b).root(years).shift(Decimal(-1)).scale(Decimal(100)), "percent")


def percent_of(part: str, whole: str) -> Formula:
    """``part`` as a percentage of ``whole``."""
    return Formula(f"{part} / {whole} × 100", lambda a, b: (a / b).scale(Decimal(100)), "percent")


def multiple_of(num: str, den: str, unit: str = "times") -> Formula:
    """``num`` / ``den`` (a multiple, or shares from a market cap and a price)."""
    return Formula(f"{num} / {den}", lambda a, b: a / b, unit)


def change_pct(price: str, reference: str) -> Formula:
    """Change of ``price`` against ``reference`` in percent."""
    return Formula(f"({price} / {reference} − 1) × 100", lambda a, b: (a / b).shift(Decimal(-1)).scale(Decimal(100)), "percent")


def share_of_amount(amount: str, pct: str, unit: str) -> Formula:
    """``amount × pct / 100`` (gross profit from a margin)."""
    return Formula(f"{amount} × {pct} / 100", lambda a, m: a * m.scale(Decimal("0.01")), unit)


def product(a: str, b: str, unit: str) -> Formula:
    """``a × b`` (proceeds from a price and a number of shares)."""
    return Formula(f"{a} × {b}", lambda x, y: x * y, unit)


def total(label: str, unit: str) -> Formula:
    """A cumulative total (the sum is done by :meth:`Term.total`)."""
    return Formula(label, lambda a: a, unit)


@dataclass(frozen=True)
class Computation:
    """A figure computed from terms, with its formula."""

    formula: Formula
    terms: tuple[Term, ...]
    value: Decimal
    interval: Interval
    spread: Interval
    basis: str = ""
    extra_fx: tuple[FxRate, ...] = field(default=())
    sides: Optional[Interval] = None  # the figure with floors/ceilings of inputs left open

    @property
    def unit(self) -> str:
        return self.formula.unit

    @property
    def fx(self) -> tuple[FxRate, ...]:
        """Every rate any input was converted with."""
        return tuple(iter_unique([r for t in self.terms for r in t.fx] + list(self.extra_fx)))

    @property
    def qualifier(self) -> str:
        """``range`` when an input is a range, ``at_least``/``at_most`` when the inputs bound
        the figure on one side only, ``approx`` when an input is approximate, else ``exact``."""
        quals = {t.qualifier for t in self.terms} | {p.qualifier for t in self.terms for p in t.parts}
        if self.spread.lo != self.spread.hi:
            return "range"
        sides = self.sides
        if sides is not None and sides.lo != sides.hi:
            if sides.lo == self.value:
                return "at_least"
            if sides.hi == self.value:
                return "at_most"
            return "approx"
        if quals - {"exact"}:
            return "approx"
        return "exact"

    @property
    def formula_text(self) -> str:
        return self.formula.text

    @property
    def inputs_text(self) -> str:
        return "; ".join(t.describe() for t in self.terms)

    @property
    def worked(self) -> str:
        """The formula with the input values in place of their names:
        ``(3.124亿元 / 1.245亿元 − 1) × 100``; a total lists its parts."""
        if len(self.terms) == 1 and self.terms[0].parts and self.formula.text.startswith("sum of"):
            return " + ".join(p.shown() for p in self.terms[0].parts)
        text = self.formula.text
        for t in sorted(self.terms, key=lambda t: -len(t.label)):
            text = text.replace(t.label, t.shown())
        return text

    @property
    def sources(self) -> list[str]:
        """Documents any input came from, sorted."""
        return sorted(iter_unique(d for t in self.terms for d in t.docs))

    @property
    def notes(self) -> list[str]:
        return iter_unique(n for t in self.terms for n in t.notes)


def evaluate(formula: Formula, terms: Sequence[Term], basis: str = "") -> Optional[Computation]:
    """Evaluate ``formula`` on ``terms``; None when it is undefined (division by zero, a root
    of a negative ratio)."""
    try:
        value = formula.fn(*[Interval.point(t.value) for t in terms]).lo
        interval = formula.fn(*[t.interval for t in terms])
        spread = formula.fn(*[t.spread for t in terms])
        sides = formula.fn(*[_side(t) for t in terms])
    except (ValueError, ArithmeticError):
        return None
    if not value.is_finite():
        return None
    return Computation(formula, tuple(terms), value, interval, spread, basis, sides=sides)


def _side(t: Term) -> Interval:
    """The term as a floor ([v, ∞)), a ceiling ((−∞, v]) or a point."""
    quals = {t.qualifier} | {p.qualifier for p in t.parts}
    if "at_least" in quals and "at_most" not in quals:
        return Interval(t.value, INF)
    if "at_most" in quals and "at_least" not in quals:
        return Interval(NEG_INF, t.value)
    return Interval.point(t.value)
