"""Finding the inputs of a computation: :class:`Req` (what is needed) and :class:`Resolver`.

Rules (documented here, used by :mod:`derived` and :mod:`claims`):

* **Whose figures.** A resolver for a document (checking that article's claims) takes each
  input from that document when it states it, and otherwise from the reconciled value of the
  whole corpus (:mod:`reconcile`); the explanation says which inputs came from elsewhere.
  A resolver without a document (the library's own derived figures) uses reconciled values.
* **Spans.** An input over a span (``rd_expense 2022..2025H1``) is the sum of the span's
  periods (:meth:`zhipu_ipo.periods.Period.items`); a total stated for the span itself is a
  claim to check, not an input.
* **Units.** The inputs of one formula must share a unit. Among the units the inputs are
  stated in, the resolver picks the one needing the fewest currency conversions, then the
  one with the most inputs from the document itself, then the first of :data:`UNIT_PREFERENCE`.
  An input missing in that currency is converted with the FX table's preferred rate, and the
  rate is named.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from ..models import CURRENCIES
from .compute import Term
from .fx import FxTable
from .observations import Book, period_of
from .reconcile import reconcile

#: Tie-break between units, first preferred.
UNIT_PREFERENCE: tuple[str, ...] = ("CNY", "USD", "HKD", "EUR", "GBP", "JPY")


@dataclass(frozen=True)
class Req:
    """An input a formula needs."""

    entity: str
    metric: str
    period: Optional[str]
    segment: Optional[str] = None
    forecast: bool = False

    @property
    def label(self) -> str:
        parts = [self.metric]
        if self.entity_label:
            parts.insert(0, self.entity_label)
        if self.period:
            parts.append(self.period)
        if self.segment:
            parts.append(f"[{self.segment}]")
        if self.forecast:
            parts.append("(forecast)")
        return " ".join(parts)

    @property
    def entity_label(self) -> str:
        return ""

    def items(self) -> list["Req"]:
        """The periods a span input sums over (itself for any other period)."""
        p = period_of(self.period)
        if p is None or p.kind != "span":
            return [self]
        return [type(self)(self.entity, self.metric, str(i), self.segment, self.forecast) for i in p.items()]


@dataclass(frozen=True)
class OtherReq(Req):
    """An input of another entity than the claim's (``market`` revenue for a market share)."""

    @property
    def entity_label(self) -> str:
        return self.entity


def _unit_rank(unit: str) -> int:
    return UNIT_PREFERENCE.index(unit) if unit in UNIT_PREFERENCE else len(UNIT_PREFERENCE)


class Resolver:
    """Resolves :class:`Req` into :class:`Term` for one document (or the corpus)."""

    def __init__(self, book: Book, fx: FxTable, doc: Optional[str] = None):
        self.book = book
        self.fx = fx
        self.doc = doc

    # -- one figure -----------------------------------------------------------------------

    def units(self, req: Req) -> list[str]:
        """Units any of the span's periods is stated in."""
        found: set[str] = set()
        for item in req.items():
            found.update(self.book.units(item.entity, item.metric, item.period, item.segment, item.forecast))
        return sorted(found, key=lambda u: (_unit_rank(u), u))

    def native(self, req: Req, unit: str) -> Optional[Term]:
        """The figure in ``unit`` as stated (own document first), no conversion."""
        if req.items() != [req]:
            return None
        own = self.book.find(req.entity, req.metric, req.period, req.segment, unit, req.forecast, doc=self.doc) \
            if self.doc else []
        obs = own or self.book.find(req.entity, req.metric, req.period, req.segment, unit, req.forecast)
        rec = reconcile(obs)
        if rec is None:
            return None
        return Term.of(rec, req.label, own=bool(own))

    def term(self, req: Req, unit: str, convert: bool = True) -> Optional[Term]:
        """The figure in ``unit``: stated, or converted from another currency (when ``convert``),
        or the sum over a span."""
        items = req.items()
        if len(items) > 1:
            parts = [self.term(i, unit, convert) for i in items]
            if any(p is None for p in parts):
                return None
            return Term.total(parts, req.label)
        t = self.native(req, unit)
        if t is not None or not convert or unit not in CURRENCIES:
            return t
        for other in self.units(req):
            if other in CURRENCIES and other != unit:
                src = self.native(req, other)
                try:
                    rate = self.fx.rate(other, unit)
                except KeyError:
                    continue
                if src is not None:
                    return src.converted(rate)
        return None

    def missing(self, reqs: Sequence[Req]) -> list[str]:
        """Labels of the periods no unit states."""
        out = []
        for r in reqs:
            for i in r.items():
                if not self.units(i):
                    out.append(i.label if isinstance(i, OtherReq) else f"{i.label} of {i.entity}")
        return out

    # -- several figures in one unit ------------------------------------------------------

    def common(self, reqs: Sequence[Req], units: Optional[Sequence[str]] = None) -> Optional[list[Term]]:
        """Terms for all ``reqs`` in one unit (module rules), or None."""
        candidates: set[str] = set(units or [])
        if not candidates:
            for r in reqs:
                candidates.update(self.units(r))
        best, best_score = None, None
        for unit in sorted(candidates, key=lambda u: (_unit_rank(u), u)):
            terms = [self.term(r, unit) for r in reqs]
            if any(t is None for t in terms):
                continue
            conversions = sum(len(t.fx) for t in terms)
            own = sum(_own_count(t) for t in terms)
            score = (conversions, -own, _unit_rank(unit))
            if best_score is None or score < best_score:
                best, best_score = terms, score
        return best

    def one(self, req: Req) -> Optional[Term]:
        """The figure in its preferred unit (no conversion needed)."""
        terms = self.common([req])
        return terms[0] if terms else None


def _own_count(t: Term) -> int:
    if t.parts:
        return sum(_own_count(p) for p in t.parts)
    return 1 if t.own else 0
