"""Figures stated in more than one place, and whether the statements agree: :func:`conflicts`.

Statements of one (entity, metric, period, segment) -- forecasts apart from reported
figures -- **agree** when they are equal at the coarser rounding, that is when the intervals
they stand for share a point (:mod:`precision`, :mod:`reconcile`): 3.12亿 and 3.124亿 agree,
8.2亿 and 23.58亿 conflict.

Like is compared with like. Statements in one unit are compared directly. When a figure is
stated in several currencies, every statement is converted into the unit most statements use
(an article's own conversions counted last; ties: :data:`~zhipu_ipo.analytics.resolve.UNIT_PREFERENCE`) with the FX table's preferred
rate, which is named in the ``fx`` column, and its interval is widened by
:data:`FX_TOLERANCE` because articles convert at rates of their own.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Optional

import pandas as pd

from ..lexicon import metrics as metric_vocabulary
from ..models import CURRENCIES
from .compute import QUALIFIER_WORDS, fmt_amount, fmt_stated
from .fx import FxRate, FxTable
from .observations import Book, Obs, decimal_str, iter_unique, period_sort_key
from .precision import Interval, common
from .reconcile import reconcile
from .resolve import UNIT_PREFERENCE

#: Relative widening of a converted statement: articles convert at their own rates.
FX_TOLERANCE = Decimal("0.03")

COLUMNS: tuple[str, ...] = (
    "entity", "metric", "period", "segment", "forecast", "unit", "n", "n_docs", "values", "docs",
    "quotes", "verdict", "reconciled", "reconciled_text", "fx", "explanation")


def _stated(o: Obs) -> str:
    if o.qualifier == "range" and o.low is not None and o.high is not None:
        return f"{fmt_stated(o.low, o.unit)}–{fmt_stated(o.high, o.unit)}"
    return QUALIFIER_WORDS.get(o.qualifier, "") + fmt_stated(o.value, o.unit)


def _target_unit(obs: list[Obs]) -> str:
    """The unit most statements use, conversions (rule ``conversion``) not counted first."""
    counts: dict[str, int] = defaultdict(int)
    native: dict[str, int] = defaultdict(int)
    for o in obs:
        counts[o.unit] += 1
        native[o.unit] += o.rule != "conversion"
    rank = {u: i for i, u in enumerate(UNIT_PREFERENCE)}
    return sorted(counts, key=lambda u: (-native[u], -counts[u], rank.get(u, len(rank)), u))[0]


def _groups(book: Book) -> list[list[Obs]]:
    by_key: dict[tuple, list[Obs]] = defaultdict(list)
    for o in book.obs:
        by_key[(o.entity, o.metric, o.period, o.segment, o.forecast)].append(o)
    out = []
    for key, obs in by_key.items():
        units = {o.unit for o in obs}
        if len(units) > 1 and not units <= CURRENCIES:
            for u in sorted(units):  # percent vs times: compare within each unit only
                out.append([o for o in obs if o.unit == u])
        else:
            out.append(obs)
    return [sorted(g, key=lambda o: (o.doc, o.start)) for g in out if len(g) > 1]


def _compare(obs: list[Obs], fx: FxTable) -> tuple[str, str, Optional[Interval], list[FxRate], list[str]]:
    """(unit, verdict, common interval, rates used, notes: missing rates and converted values)."""
    unit = _target_unit(obs)
    rates: list[FxRate] = []
    intervals: list[Interval] = []
    problems: list[str] = []
    shown: list[str] = []
    for o in obs:
        if o.unit == unit:
            intervals.append(o.interval)
            continue
        try:
            rate = fx.rate(o.unit, unit)
        except KeyError:
            problems.append(f"no FX rate {o.unit}/{unit}")
            continue
        rates.append(rate)
        intervals.append(o.interval.scale(rate.rate).widen(FX_TOLERANCE))
        shown.append(f"{_stated(o)} ≈ {fmt_amount(rate.convert(o.value), unit)}")
    shared = common(intervals)
    verdict = "agree" if shared is not None and not problems else "conflict"
    return unit, verdict, shared, iter_unique(rates), problems + shown


def _metric_rank() -> dict[str, int]:
    return {m: i for i, m in enumerate(metric_vocabulary())}


def conflicts(facts: pd.DataFrame, fx: Optional[FxTable] = None) -> pd.DataFrame:
    """Every figure stated more than once, with ``agree`` or ``conflict`` (module rules).

    Columns: ``entity, metric, period, segment, forecast, unit`` (the unit compared in),
    ``n`` (statements), ``n_docs``, ``values``/``docs``/``quotes`` (`` | ``-joined, aligned),
    ``verdict``, ``reconciled`` (float64, the value the statement shows, in ``unit``),
    ``reconciled_text``, ``fx`` (rates used), ``explanation``. Sorted by entity, metric
    (vocabulary order), period (time order), segment, forecast.
    """
    fx = fx if fx is not None else FxTable.default().with_implied(facts)
    book = Book(facts)
    rows = []
    for obs in _groups(book):
        unit, verdict, shared, rates, notes = _compare(obs, fx)
        problems = [n for n in notes if n.startswith("no FX rate")]
        converted_text = [n for n in notes if not n.startswith("no FX rate")]
        native = [o for o in obs if o.unit == unit]
        rec = reconcile(native)
        values = [f"{_stated(o)}" for o in obs]
        if verdict == "agree":
            expl = "equal at the coarser rounding"
            if shared is not None and shared.bounded:
                expl += f" (all within {fmt_amount(shared.lo, unit)} to {fmt_amount(shared.hi, unit)})"
        else:
            outliers = [o for o in obs if o.unit == unit and not o.interval.overlaps(rec.interval)]
            expl = f"shown as {_stated(rec.chosen)} ({rec.chosen.doc}), which most statements agree with"
            if outliers:
                expl += "; differs: " + ", ".join(f"{_stated(o)} ({o.doc})" for o in outliers)
            elif rates:
                expl += "; the statements in other currencies do not match it: " + ", ".join(converted_text)
            if problems:
                expl += "; " + "; ".join(problems)
        if rates:
            expl += f"; converted into {unit} at " + ", ".join(r.name for r in rates) + \
                    f" with a {decimal_str(FX_TOLERANCE * 100)}% FX tolerance"
        first = obs[0]
        rows.append({
            "entity": first.entity, "metric": first.metric, "period": first.period, "segment": first.segment,
            "forecast": first.forecast, "unit": unit, "n": len(obs), "n_docs": len({o.doc for o in obs}),
            "values": " | ".join(values), "docs": " | ".join(o.doc for o in obs),
            "quotes": " | ".join(o.quote for o in obs), "verdict": verdict,
            "reconciled": float(rec.value), "reconciled_text": _stated(rec.chosen),
            "fx": "; ".join(r.name for r in rates), "explanation": expl,
        })
    rank = _metric_rank()
    rows.sort(key=lambda x: (x["entity"], rank.get(x["metric"], len(rank)), period_sort_key(x["period"]),
                             x["segment"] or "", x["forecast"], x["unit"]))
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    for c in ("entity", "metric", "period", "segment", "unit", "values", "docs", "quotes", "verdict",
              "reconciled_text", "fx", "explanation"):
        df[c] = df[c].astype("string")
    df["forecast"] = df["forecast"].astype("bool")
    for c in ("n", "n_docs"):
        df[c] = df[c].astype("int64")
    df["reconciled"] = df["reconciled"].astype("float64")
    return df.reset_index(drop=True)
