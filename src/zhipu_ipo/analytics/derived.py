"""What the library computes from stated base figures: :func:`derived`.

One row per figure, each with its formula, its inputs (value and documents) and the FX rates
it used. Inputs are reconciled values across all documents (:mod:`reconcile`); inputs in
several currencies are brought to one (:mod:`resolve`).

Figures, per entity:

* ``revenue``/``net_loss``/``rd_expense``/… over a span -- cumulative totals (三年半 totals) over
  every span some fact of the entity mentions and over the longest run of consecutive
  reported periods from the first year;
* ``revenue_growth``, ``net_loss_growth`` -- against the same period a year earlier;
* ``revenue_cagr`` -- over every pair of same-kind periods at least two years apart;
* ``rd_to_revenue`` (percent), ``loss_to_revenue`` (times) -- per period and per span;
* ``gross_profit`` -- revenue × gross margin (per segment too);
* ``revenue_share`` -- segment revenue / revenue;
* ``first_day_return`` / ``first_day_open_change`` -- close (or last price at writing) and
  open on the listing date against the offer price;
* ``implied_shares_outstanding`` -- market cap at the IPO / offer price;
* ``implied_gross_proceeds`` -- offer price × shares offered;
* ``cornerstone_share`` -- cornerstone amount / gross proceeds;
* ``price_to_sales`` -- market cap at the IPO over revenue, on an explicit ``basis``:
  ``forecast`` (a stated revenue forecast) and ``trailing`` (the last reported full year),
  converted with a named FX rate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from typing import Iterable, Optional

import pandas as pd

from ..periods import Period
from . import compute as C
from .compute import Computation, Term
from .fx import FxRate, FxTable
from .observations import Book, period_of, period_sort_key
from .resolve import Req, Resolver

#: Flow metrics that add up over a span.
FLOW_METRICS: tuple[str, ...] = ("revenue", "net_loss", "adjusted_net_loss", "operating_loss",
                                 "rd_expense", "compute_cost", "gross_profit")

#: A run of consecutive periods is summed when it covers at least this many periods.
MIN_COVERAGE = 3

#: Row order of the derived table (and of derived metrics in the statement).
DERIVED_ORDER: tuple[str, ...] = FLOW_METRICS + (
    "revenue_growth", "net_loss_growth", "revenue_cagr", "rd_to_revenue", "loss_to_revenue",
    "revenue_share", "first_day_return", "first_day_open_change", "implied_shares_outstanding",
    "implied_gross_proceeds", "cornerstone_share", "price_to_sales")

COLUMNS: tuple[str, ...] = ("entity", "metric", "period", "segment", "value", "unit", "qualifier",
                            "low", "high", "formula", "inputs", "work", "sources", "fx", "basis",
                            "value_decimal")


def derived(facts: pd.DataFrame, fx: Optional[FxTable] = None, entity: Optional[str] = None) -> pd.DataFrame:
    """Every figure the library derives from ``facts`` (module docstring), one row each.

    Columns: ``entity, metric, period, segment, value`` (float64), ``unit, qualifier, low, high``
    (range ends, float64), ``formula, inputs`` (each input's value), ``work`` (the formula with
    the values in place), ``sources`` (the documents
    the inputs come from), ``fx`` (rates used, ``; ``-joined), ``basis``,
    ``value_decimal`` (the exact Decimal). Sorted by entity, metric (:data:`DERIVED_ORDER`),
    period (time order), segment, basis.
    """
    fx = fx if fx is not None else FxTable.default().with_implied(facts)
    book = Book(facts)
    rows = []
    entities = [entity] if entity else book.entities()
    for ent in entities:
        for metric, period, segment, comp in _entity_figures(book, facts, fx, ent):
            rows.append(_row(ent, metric, period, segment, comp))
    return _frame(rows)


# --------------------------------------------------------------------------- figures


def _entity_figures(book: Book, facts: pd.DataFrame, fx: FxTable, ent: str):
    r = Resolver(book, fx)
    yield from _totals(book, r, ent)
    yield from _growth(book, r, ent, "revenue", "revenue_growth")
    yield from _growth(book, r, ent, "net_loss", "net_loss_growth")
    yield from _cagr(book, r, ent)
    yield from _ratios(book, r, ent)
    yield from _gross_profit(book, r, ent)
    yield from _segment_shares(book, r, ent)
    yield from _first_day(book, facts, r, ent)
    yield from _ipo(r, ent)
    yield from price_to_sales_figures(book, r, ent)


def _actual_periods(book: Book, ent: str, metric: str, segment: Optional[str] = None) -> list[Period]:
    out = []
    for text in book.periods(ent, metric, segment):
        p = period_of(text)
        if p is not None and p.kind not in ("span", "date"):
            out.append(p)
    return out


def spans_of(book: Book, ent: str) -> list[str]:
    """Spans an entity's facts mention, plus each flow metric's longest run of consecutive
    periods from its first year; in time order."""
    spans = {o.period for o in book.obs_of(ent) if (p := period_of(o.period)) is not None and p.kind == "span"}
    for metric in FLOW_METRICS:  # plus the longest run of at least MIN_COVERAGE periods
        periods = _actual_periods(book, ent, metric)
        have = {str(p) for p in periods}
        years = [p for p in periods if p.kind == "year"]
        if not years:
            continue
        first = min(years)
        for last in sorted(periods, reverse=True):
            if last <= first:
                break
            try:
                span = Period.span(first, last)
            except Exception:  # noqa: BLE001 - overlapping ends are no span
                continue
            items = span.items()
            if len(items) >= MIN_COVERAGE and all(str(i) in have for i in items):
                spans.add(str(span))
                break
    return sorted(spans, key=period_sort_key)


def _totals(book: Book, r: Resolver, ent: str):
    for span in spans_of(book, ent):
        for metric in FLOW_METRICS:
            terms = r.common([Req(ent, metric, span)])
            if terms:
                comp = C.evaluate(C.total(f"sum of {metric} over {', '.join(str(i) for i in period_of(span).items())}",
                                          terms[0].unit), terms, basis="sum")
                if comp:
                    yield metric, span, None, comp


def previous_year(p: Period) -> Optional[Period]:
    """The same period one year earlier (None for spans and dates)."""
    if p.kind in ("span", "date") or p.year is None:
        return None
    return period_of(f"{p.year - 1:04d}{str(p)[4:]}")


def _growth(book: Book, r: Resolver, ent: str, base: str, metric: str):
    for p in _actual_periods(book, ent, base):
        prev = previous_year(p)
        if prev is None:
            continue
        comp = growth_of(r, ent, base, p, prev)
        if comp:
            yield metric, str(p), None, comp


def growth_of(r: Resolver, ent: str, base: str, p: Period, prev: Period) -> Optional[Computation]:
    """``base`` growth from ``prev`` to ``p`` in percent."""
    a, b = Req(ent, base, str(p)), Req(ent, base, str(prev))
    terms = r.common([a, b])
    if not terms:
        return None
    return C.evaluate(C.growth(a.label, b.label), terms)


def _cagr(book: Book, r: Resolver, ent: str):
    periods = _actual_periods(book, ent, "revenue")
    for i, first in enumerate(periods):
        for last in periods[i + 1:]:
            if last.kind != first.kind or str(last)[4:] != str(first)[4:] or last.year - first.year < 2:
                continue
            comp = cagr_of(r, ent, first, last)
            if comp:
                yield "revenue_cagr", f"{first}..{last}", None, comp


def cagr_of(r: Resolver, ent: str, first: Period, last: Period) -> Optional[Computation]:
    """Revenue CAGR from ``first`` to ``last`` (same kind of period), in percent."""
    years = last.year - first.year
    a, b = Req(ent, "revenue", str(last)), Req(ent, "revenue", str(first))
    terms = r.common([a, b])
    if not terms or years < 1:
        return None
    return C.evaluate(C.cagr(a.label, b.label, years), terms)


RATIOS = {
    "rd_to_revenue": ("rd_expense", "revenue", "percent"),
    "loss_to_revenue": ("net_loss", "revenue", "times"),
}


def ratio_of(r: Resolver, ent: str, metric: str, period: str, segment: Optional[str] = None) -> Optional[Computation]:
    """``rd_to_revenue`` (percent) or ``loss_to_revenue`` (times) for a period or span."""
    num, den, unit = RATIOS[metric]
    a, b = Req(ent, num, period, segment), Req(ent, den, period, segment)
    terms = r.common([a, b])
    if not terms:
        return None
    f = C.percent_of(a.label, b.label) if unit == "percent" else C.multiple_of(a.label, b.label)
    return C.evaluate(f, terms)


def _ratios(book: Book, r: Resolver, ent: str):
    for metric, (num, den, _) in RATIOS.items():
        periods = [str(p) for p in _actual_periods(book, ent, num)]
        for period in sorted(set(periods) | set(spans_of(book, ent)), key=period_sort_key):
            comp = ratio_of(r, ent, metric, period)
            if comp:
                yield metric, period, None, comp


def _gross_profit(book: Book, r: Resolver, ent: str):
    segments = sorted({o.segment for o in book.obs_of(ent) if o.metric == "gross_margin"}, key=lambda s: s or "")
    for seg in segments:
        for p in _actual_periods(book, ent, "gross_margin", seg):
            rev = Req(ent, "revenue", str(p), seg)
            margin = Req(ent, "gross_margin", str(p), seg)
            rev_t = r.one(rev)
            margin_t = r.one(margin)
            if rev_t is None or margin_t is None:
                continue
            comp = C.evaluate(C.share_of_amount(rev.label, margin.label, rev_t.unit), [rev_t, margin_t])
            if comp:
                yield "gross_profit", str(p), seg, comp


def _segment_shares(book: Book, r: Resolver, ent: str):
    segments = sorted({o.segment for o in book.obs_of(ent) if o.metric == "revenue" and o.segment})
    for seg in segments:
        for p in _actual_periods(book, ent, "revenue", seg):
            comp = segment_share_of(r, ent, str(p), seg)
            if comp:
                yield "revenue_share", str(p), seg, comp


def segment_share_of(r: Resolver, ent: str, period: str, seg: str) -> Optional[Computation]:
    """Segment revenue as a percentage of revenue."""
    a, b = Req(ent, "revenue", period, seg), Req(ent, "revenue", period)
    terms = r.common([a, b])
    return C.evaluate(C.percent_of(a.label, b.label), terms) if terms else None


def listing_date(facts: pd.DataFrame, ent: str) -> Optional[str]:
    """The listing date most documents give (ties: the earliest date)."""
    rows = facts[(facts["entity"] == ent) & (facts["metric"] == "listing_date")]
    values = [str(v) for v in rows["value_text"].dropna()]
    if not values:
        return None
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))[0]


def first_day_of(r: Resolver, ent: str, date: str, price_metric: str) -> Optional[Computation]:
    """Change of ``price_metric`` on ``date`` against the offer price, in percent."""
    a, b = Req(ent, price_metric, date), ipo_req(r, ent, "offer_price")
    terms = r.common([a, b])
    return C.evaluate(C.change_pct(a.label, b.label), terms) if terms else None


def _first_day(book: Book, facts: pd.DataFrame, r: Resolver, ent: str):
    date = listing_date(facts, ent)
    if date is None:
        return
    for price in ("close_price", "last_price"):
        comp = first_day_of(r, ent, date, price)
        if comp:
            basis = "close" if price == "close_price" else "last price at the time of writing"
            yield "first_day_return", date, None, replace(comp, basis=basis)
            break
    comp = first_day_of(r, ent, date, "open_price")
    if comp:
        yield "first_day_open_change", date, None, replace(comp, basis="open")


def ipo_req(r: Resolver, ent: str, metric: str) -> Req:
    """An IPO term as stated, or as announced (拟发行: a forecast) when only that is stated."""
    req = Req(ent, metric, None)
    if not r.units(req) and r.units(Req(ent, metric, None, forecast=True)):
        return Req(ent, metric, None, forecast=True)
    return req


def _ipo(r: Resolver, ent: str):
    price = r.one(ipo_req(r, ent, "offer_price"))
    if price is not None:
        currency = price.unit.split("/")[0]
        mcap_req = ipo_req(r, ent, "market_cap_at_ipo")
        mcap = r.term(mcap_req, currency)
        if mcap is not None:
            comp = C.evaluate(C.multiple_of(mcap.label, "offer_price", "shares"), [mcap, price])
            if comp:
                yield "implied_shares_outstanding", None, None, comp
        shares = r.one(ipo_req(r, ent, "shares_offered"))
        if shares is not None:
            comp = C.evaluate(C.product("offer_price", "shares_offered", currency), [price, shares])
            if comp:
                yield "implied_gross_proceeds", None, None, comp
    a, b = ipo_req(r, ent, "cornerstone_amount"), ipo_req(r, ent, "gross_proceeds")
    terms = r.common([a, b])
    if terms:
        comp = C.evaluate(C.percent_of(a.label, b.label), terms)
        if comp:
            yield "cornerstone_share", None, None, comp


# --------------------------------------------------------------------------- price to sales


def revenue_bases(book: Book, ent: str, period: Optional[str] = None) -> list[tuple[str, Req]]:
    """(basis, revenue input) pairs for a price-to-sales ratio: every stated revenue forecast
    (or only ``period``'s) and the last reported full year (``trailing``)."""
    out = []
    forecasts = [p for p in book.periods(ent, "revenue", forecast=True) if period is None or p == period]
    for p in forecasts:
        out.append((f"forecast revenue {p}", Req(ent, "revenue", p, forecast=True)))
    years = [p for p in _actual_periods(book, ent, "revenue") if p.kind == "year"]
    if years:
        last = max(years)
        out.append((f"trailing revenue {last}", Req(ent, "revenue", str(last))))
    return out


def price_to_sales_of(r: Resolver, mcap: Term, revenue_req: Req, basis: str,
                      rate: Optional[FxRate] = None) -> Optional[Computation]:
    """``mcap`` (converted to the revenue's currency with ``rate``, or the FX table's
    preferred rate) / revenue."""
    rev = r.one(revenue_req)
    if rev is None:
        return None
    if mcap.unit != rev.unit:
        if rate is None or (rate.base, rate.quote) != (mcap.unit, rev.unit):
            try:
                rate = r.fx.rate(mcap.unit, rev.unit)
            except KeyError:
                return None
        mcap = mcap.converted(rate)
    label = revenue_req.label
    return C.evaluate(C.multiple_of(mcap.label, label), [mcap, rev], basis=basis)


def market_caps(r: Resolver, ent: str) -> list[Term]:
    """The entity's market cap at the IPO in each currency it is stated in (most sources first)."""
    req = ipo_req(r, ent, "market_cap_at_ipo")
    terms = [t for u in r.units(req) if (t := r.native(req, u)) is not None]
    return sorted(terms, key=lambda t: (-len(t.docs), t.unit))


def price_to_sales_figures(book: Book, r: Resolver, ent: str):
    caps = market_caps(r, ent)
    if not caps:
        return
    for basis, req in revenue_bases(book, ent):
        comp = price_to_sales_of(r, caps[0], req, basis)
        if comp:
            yield "price_to_sales", req.period, None, comp


# --------------------------------------------------------------------------- frame


def _float(d: Optional[Decimal]) -> float:
    return float(d) if d is not None and d.is_finite() else float("nan")


def _row(ent: str, metric: str, period: Optional[str], segment: Optional[str], comp: Computation) -> dict:
    ranged = comp.spread.lo != comp.spread.hi
    return {
        "entity": ent, "metric": metric, "period": period, "segment": segment,
        "value": _float(comp.value), "unit": comp.unit, "qualifier": comp.qualifier,
        "low": _float(comp.spread.lo) if ranged else float("nan"),
        "high": _float(comp.spread.hi) if ranged else float("nan"),
        "formula": comp.formula_text, "inputs": comp.inputs_text, "work": comp.worked,
        "sources": ", ".join(comp.sources),
        "fx": "; ".join(rate.name for rate in comp.fx), "basis": comp.basis,
        "value_decimal": comp.value,
    }


def _order(metric: str) -> int:
    return DERIVED_ORDER.index(metric) if metric in DERIVED_ORDER else len(DERIVED_ORDER)


def _frame(rows: Iterable[dict]) -> pd.DataFrame:
    rows = sorted(rows, key=lambda x: (x["entity"], _order(x["metric"]), period_sort_key(x["period"]),
                                       x["segment"] or "", x["basis"]))
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    for c in ("entity", "metric", "period", "segment", "unit", "qualifier", "formula", "inputs", "work", "sources",
              "fx", "basis"):
        df[c] = df[c].astype("string")
    for c in ("value", "low", "high"):
        df[c] = df[c].astype("float64")
    df["value_decimal"] = df["value_decimal"].astype("object")
    return df.reset_index(drop=True)
