"""Facts and mentions as pandas DataFrames with real dtypes.

The long fact table has the FACTS.md columns. Because one column cannot be both a number and
a string with a useful dtype, ``value`` is ``float64`` (NaN for dates and tickers), the exact
:class:`~decimal.Decimal` is kept in ``value_decimal`` (object) and dates/tickers in
``value_text`` (string). ``low``/``high`` are ``float64``; ``start``/``end`` nullable ``Int64``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

import pandas as pd

from .models import FACT_COLUMNS, Fact, Mention

#: Column order of the long fact table.
COLUMNS: tuple[str, ...] = FACT_COLUMNS + ("value_decimal", "value_text", "cue", "rule")

_STRING = ["doc", "entity", "metric", "period", "segment", "unit", "qualifier", "quote",
           "value_text", "cue", "rule"]


def _num(v) -> float:
    return float(v) if isinstance(v, Decimal) else float("nan")


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    """One row per fact, FACTS.md columns first, with real dtypes and a stable order."""
    rows = []
    for f in facts:
        numeric = isinstance(f.value, Decimal)
        rows.append({
            "doc": f.doc, "entity": f.entity, "metric": f.metric, "period": f.period,
            "segment": f.segment, "value": _num(f.value), "unit": f.unit,
            "qualifier": f.qualifier, "low": _num(f.low), "high": _num(f.high),
            "forecast": f.forecast, "stated": f.stated, "start": f.start, "end": f.end,
            "quote": f.quote, "value_decimal": f.value if numeric else None,
            "value_text": None if numeric else str(f.value), "cue": f.cue, "rule": f.rule,
        })
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    for c in _STRING:
        df[c] = df[c].astype("string")
    for c in ("value", "low", "high"):
        df[c] = df[c].astype("float64")
    for c in ("forecast", "stated"):
        df[c] = df[c].astype("bool")
    for c in ("start", "end"):
        df[c] = df[c].astype("Int64")
    df["value_decimal"] = df["value_decimal"].astype("object")
    return df


def mentions_frame(mentions: Iterable[Mention]) -> pd.DataFrame:
    """One row per unplaced mention: where it is, what it says, and why it is no fact."""
    cols = ["doc", "text", "start", "end", "value", "unit", "reason", "detail", "quote"]
    rows = [{"doc": m.doc, "text": m.text, "start": m.start, "end": m.end,
             "value": _num(m.value), "unit": m.unit, "reason": m.reason, "detail": m.detail,
             "quote": m.quote} for m in mentions]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("doc", "text", "unit", "reason", "detail", "quote"):
        df[c] = df[c].astype("string")
    df["value"] = df["value"].astype("float64")
    for c in ("start", "end"):
        df[c] = df[c].astype("Int64")
    return df
