"""Checking an article's arithmetic: :func:`claims`.

A *claim* is a figure an article states that is itself derived from other figures: growth
rates, CAGRs, R&D or loss over revenue (也 as 为…的8倍以上), price-to-sales, market and segment
shares (占比84.8%), day/open changes on the listing day against the offer price, and
cumulative totals over a span (三年半累计亏损超62亿元). Each claim is recomputed from the base
figures -- the article's own where it states them, the reconciled corpus value otherwise
(:mod:`resolve`) -- and judged:

* ``consistent``   -- the recomputed figure, given the rounding of its inputs, and the stated
  figure, given the precision the article wrote and its qualifier (约 widens, 超/以上 is a floor,
  近/不到 a ceiling; see :mod:`precision`), share at least one value;
* ``inconsistent`` -- they do not (on every basis, for price-to-sales);
* ``unverifiable`` -- an input is missing; the explanation names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

import pandas as pd

from . import compute as C
from .compute import QUALIFIER_WORDS, Computation, fmt_amount, fmt_stated
from .derived import (
    FLOW_METRICS,
    cagr_of,
    first_day_of,
    growth_of,
    listing_date,
    market_caps,
    previous_year,
    price_to_sales_of,
    ratio_of,
    revenue_bases,
    segment_share_of,
)
from .fx import FxTable
from .observations import Book, Obs, decimal_str, period_of, period_sort_key
from .precision import CONTEXT, Interval
from .resolve import OtherReq, Req, Resolver

VERDICTS: tuple[str, ...] = ("inconsistent", "unverifiable", "consistent")

#: Stated metrics checked as claims (flow metrics over a span are claims too).
CLAIM_ORDER: tuple[str, ...] = FLOW_METRICS + (
    "revenue_growth", "net_loss_growth", "revenue_cagr", "rd_to_revenue", "loss_to_revenue",
    "gross_margin", "revenue_share", "compute_share_of_rd", "rd_headcount_share", "market_share",
    "price_to_sales", "open_change", "day_change")

COLUMNS: tuple[str, ...] = (
    "doc", "entity", "metric", "period", "segment", "quote", "stated", "qualifier", "unit",
    "computed", "computed_low", "computed_high", "rel_error", "verdict", "explanation",
    "formula", "inputs", "work", "sources", "fx", "basis", "stated_decimal", "computed_decimal")


@dataclass
class Check:
    """The recomputations of one claim (one per basis) or what is missing."""

    comps: list[Computation] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    note: str = ""


def claims(facts: pd.DataFrame, fx: Optional[FxTable] = None) -> pd.DataFrame:
    """Every stated derived figure of ``facts`` recomputed and judged (module docstring).

    Columns: ``doc, entity, metric, period, segment, quote, stated`` (float64), ``qualifier,
    unit, computed, computed_low, computed_high`` (float64; low/high is what the inputs'
    rounding allows, ±inf when an input is only a floor or a ceiling), ``rel_error``
    ((stated − computed) / |computed|), ``verdict, explanation, formula, inputs, work, sources,
    fx, basis``,
    ``stated_decimal``/``computed_decimal`` (exact). Sorted by entity, metric, period, segment, doc.
    """
    fx = fx if fx is not None else FxTable.default().with_implied(facts)
    book = Book(facts)
    rows = []
    for o in book.obs:
        if is_claim(o, book):
            rows.append(_row(o, check(o, book, facts, fx)))
    return _frame(rows)


def is_claim(o: Obs, book: Book) -> bool:
    """True for a stated figure that is derived from other figures (module docstring)."""
    p = period_of(o.period)
    if o.metric in FLOW_METRICS:
        return p is not None and p.kind == "span"
    if o.metric == "gross_margin":
        return bool(book.units(o.entity, "gross_profit", o.period, o.segment, o.forecast))
    return o.metric in CLAIM_ORDER


def check(o: Obs, book: Book, facts: pd.DataFrame, fx: FxTable) -> Check:
    """Recompute one claim."""
    r = Resolver(book, fx, doc=o.doc)
    p = period_of(o.period)
    m, ent = o.metric, o.entity
    if m in FLOW_METRICS:
        req = Req(ent, m, o.period, o.segment, o.forecast)
        terms = r.common([req], units=[o.unit]) or r.common([req])
        if terms:
            items = ", ".join(str(i) for i in p.items())
            return _one(C.evaluate(C.total(f"sum of {m} over {items}", terms[0].unit), terms, basis="sum"))
        return Check(missing=r.missing([req]))
    if m in ("revenue_growth", "net_loss_growth"):
        base = "revenue" if m == "revenue_growth" else "net_loss"
        prev = previous_year(p) if p else None
        if prev is None:
            return Check(note=f"no year-earlier period for {o.period}")
        return _one(growth_of(r, ent, base, p, prev), r, [Req(ent, base, str(p)), Req(ent, base, str(prev))])
    if m == "revenue_cagr":
        if p is None or p.kind != "span" or p.first.kind != p.last.kind or str(p.first)[4:] != str(p.last)[4:]:
            return Check(note=f"a CAGR needs a span between periods of the same kind, not {o.period}")
        return _one(cagr_of(r, ent, p.first, p.last), r,
                    [Req(ent, "revenue", str(p.first)), Req(ent, "revenue", str(p.last))])
    if m in ("rd_to_revenue", "loss_to_revenue"):
        num = "rd_expense" if m == "rd_to_revenue" else "net_loss"
        return _one(ratio_of(r, ent, m, o.period, o.segment), r,
                    [Req(ent, num, o.period, o.segment), Req(ent, "revenue", o.period, o.segment)])
    if m == "revenue_share":
        if not o.segment:
            return Check(note="a revenue share without a segment")
        return _one(segment_share_of(r, ent, o.period, o.segment), r,
                    [Req(ent, "revenue", o.period, o.segment), Req(ent, "revenue", o.period)])
    if m == "gross_margin":
        return _ratio(r, Req(ent, "gross_profit", o.period, o.segment), Req(ent, "revenue", o.period, o.segment))
    if m == "compute_share_of_rd":
        return _ratio(r, Req(ent, "compute_cost", o.period, o.segment), Req(ent, "rd_expense", o.period, o.segment))
    if m == "market_share":
        return _ratio(r, Req(ent, "revenue", o.period, o.segment), OtherReq("market", "revenue", o.period))
    if m == "rd_headcount_share":
        return Check(missing=[f"total headcount {o.period} (the library has no metric for it)"])
    if m in ("open_change", "day_change"):
        return _price_change(o, r, facts)
    if m == "price_to_sales":
        return _price_to_sales(o, book, r)
    return Check(note=f"no rule to recompute {m}")


def _one(comp: Optional[Computation], r: Optional[Resolver] = None, reqs=()) -> Check:
    if comp is not None:
        return Check(comps=[comp])
    missing = r.missing(list(reqs)) if r is not None else []
    return Check(missing=missing, note="" if missing else "the inputs are in units that cannot be brought together")


def _ratio(r: Resolver, part: Req, whole: Req) -> Check:
    terms = r.common([part, whole])
    if not terms:
        return _one(None, r, [part, whole])
    return _one(C.evaluate(C.percent_of(part.label, whole.label), terms))


def _price_change(o: Obs, r: Resolver, facts: pd.DataFrame) -> Check:
    listed = listing_date(facts, o.entity)
    price = "open_price" if o.metric == "open_change" else None
    if listed is None or o.period != listed:
        return Check(missing=[f"close_price of the trading day before {o.period}"],
                     note="only changes on the listing day (against the offer price) are recomputed")
    candidates = [price] if price else ["close_price", "last_price"]
    for metric in candidates:
        comp = first_day_of(r, o.entity, o.period, metric)
        if comp is not None:
            return Check(comps=[comp])
    return Check(missing=r.missing([Req(o.entity, candidates[-1], o.period), Req(o.entity, "offer_price", None)]))


def _price_to_sales(o: Obs, book: Book, r: Resolver) -> Check:
    caps = market_caps(r, o.entity)
    bases = revenue_bases(book, o.entity)
    if not caps or not bases:
        missing = [] if caps else [f"market_cap_at_ipo ({o.entity})"]
        if not bases:
            missing.append(f"revenue (forecast or last full year) ({o.entity})")
        return Check(missing=missing)
    comps = []
    # a forecast basis for the claim's own period first
    bases = sorted(bases, key=lambda b: (not (b[1].forecast and b[1].period == o.period), not b[1].forecast))
    for basis, req in bases:
        rev = r.one(req)
        if rev is None:
            continue
        for cap in caps:
            rates = [None] if cap.unit == rev.unit else r.fx.candidates(cap.unit, rev.unit)
            for rate in rates:
                comp = price_to_sales_of(r, cap, req, basis, rate)
                if comp is not None:
                    comps.append(comp)
    return Check(comps=comps)


# --------------------------------------------------------------------------- judging


def _stated_text(o: Obs) -> str:
    if o.qualifier == "range" and o.low is not None and o.high is not None:
        return f"{fmt_stated(o.low, o.unit)}–{fmt_stated(o.high, o.unit)}"
    return QUALIFIER_WORDS.get(o.qualifier, "") + fmt_stated(o.value, o.unit)


def _bound(v: Decimal, unit: str) -> str:
    if unit in ("percent", "times"):
        return decimal_str(v, 6) + ("%" if unit == "percent" else "倍")
    return fmt_amount(v, unit)


def _interval_text(iv: Interval, unit: str, short: bool = False) -> str:
    fmt = fmt_amount if short else _bound
    lo, hi = iv.lo, iv.hi
    if lo.is_finite() and hi.is_finite():
        return f"{fmt(lo, unit)} to {fmt(hi, unit)}"
    if lo.is_finite():
        return f"at least {fmt(lo, unit)}"
    if hi.is_finite():
        return f"at most {fmt(hi, unit)}"
    return "any value"


def _computed_text(comp: Computation) -> str:
    text = fmt_amount(comp.value, comp.unit)
    if comp.spread.lo != comp.spread.hi:
        text = f"{fmt_amount(comp.spread.lo, comp.unit)}–{fmt_amount(comp.spread.hi, comp.unit)} (midpoint {text})"
    iv = comp.interval
    if not (iv.lo.is_finite() and iv.hi.is_finite()) or (iv.hi - iv.lo) > abs(comp.value) * Decimal("0.0005"):
        text += f" ({_interval_text(iv, comp.unit, short=True)} given the inputs' rounding)"
    return text


def _times_note(o: Obs, comp: Computation) -> str:
    if o.unit == "percent" and "倍" in o.quote:
        return f" = {CONTEXT.divide(comp.value, Decimal(100)).quantize(Decimal('0.01'))}倍"
    return ""


def _direction(o: Obs, comp: Computation) -> str:
    si, ci = o.interval, comp.interval
    return "below" if ci.hi < si.lo else "above"


def _row(o: Obs, chk: Check) -> dict:
    base = {
        "doc": o.doc, "entity": o.entity, "metric": o.metric, "period": o.period, "segment": o.segment,
        "quote": o.quote, "stated": float(o.point), "qualifier": o.qualifier, "unit": o.unit,
        "stated_decimal": o.point, "_start": o.start,
    }
    stated_iv = o.interval
    reading = f"stated {_stated_text(o)} (read as {_interval_text(stated_iv, o.unit)})"
    if not chk.comps:
        what = "; ".join(chk.missing) if chk.missing else ""
        expl = "cannot recompute"
        if what:
            expl += f": missing {what}"
        if chk.note:
            expl += f" ({chk.note})"
        return {**base, "computed": float("nan"), "computed_low": float("nan"), "computed_high": float("nan"),
                "rel_error": float("nan"), "verdict": "unverifiable", "explanation": expl, "formula": "",
                "inputs": "", "work": "", "sources": "", "fx": "", "basis": "", "computed_decimal": None}
    fits = [c for c in chk.comps if c.interval.overlaps(stated_iv)]
    comp = fits[0] if fits else chk.comps[0]
    verdict = "consistent" if fits else "inconsistent"
    if len(chk.comps) == 1:
        expl = f"computed {_computed_text(comp)}{_times_note(o, comp)}; {reading}"
        expl += ": consistent" if fits else f": the computed figure is {_direction(o, comp)} it"
    else:
        parts = [f"{c.basis}, {c.terms[0].label} {c.terms[0].before or c.terms[0].shown()}: {_computed_text(c)}"
                 for c in chk.comps]
        expl = (f"{reading}; recomputed on {len(chk.comps)} bases -- " + " | ".join(parts)
                + (f" -- consistent on: {', '.join(c.basis for c in fits)}" if fits else " -- none agrees"))
    others = [t for t in comp.terms if not t.own and not t.parts] + \
             [p for t in comp.terms for p in t.parts if not p.own]
    if others:
        expl += "; from other articles: " + ", ".join(f"{t.label} [{', '.join(t.docs)}]" for t in others)
    for note in comp.notes:
        expl += f"; {note}"
    if not fits and any(c.interval.overlaps(o.lenient_interval) for c in chk.comps):
        expl += (f"; it would be consistent if the trailing zero of {fmt_stated(o.value, o.unit)} were "
                 f"rounding (read as {_interval_text(o.lenient_interval, o.unit)})")
    value = comp.value
    rel = CONTEXT.divide(o.point - value, abs(value)) if value != 0 else None
    return {**base,
            "computed": float(value),
            "computed_low": float(comp.interval.lo), "computed_high": float(comp.interval.hi),
            "rel_error": float(rel) if rel is not None else float("nan"),
            "verdict": verdict, "explanation": expl, "formula": comp.formula_text,
            "inputs": comp.inputs_text, "work": comp.worked, "sources": ", ".join(comp.sources),
            "fx": "; ".join(x.name for x in comp.fx), "basis": comp.basis,
            "computed_decimal": value}


def _order(metric: str) -> int:
    return CLAIM_ORDER.index(metric) if metric in CLAIM_ORDER else len(CLAIM_ORDER)


def _frame(rows: list[dict]) -> pd.DataFrame:
    rows = sorted(rows, key=lambda x: (x["entity"], _order(x["metric"]), period_sort_key(x["period"]),
                                       x["segment"] or "", x["doc"], x["_start"]))
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    for c in ("doc", "entity", "metric", "period", "segment", "quote", "qualifier", "unit", "verdict",
              "explanation", "formula", "inputs", "work", "sources", "fx", "basis"):
        df[c] = df[c].astype("string")
    for c in ("stated", "computed", "computed_low", "computed_high", "rel_error"):
        df[c] = df[c].astype("float64")
    for c in ("stated_decimal", "computed_decimal"):
        df[c] = df[c].astype("object")
    return df.reset_index(drop=True)
