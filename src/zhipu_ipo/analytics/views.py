"""The analytics tables as text, for the terminal report and the HTML page.

A :class:`View` is a title, column headers and rows of strings, plus a style per row
(``inconsistent``, ``conflict``, …) that renderers turn into colours. The numbers are
formatted here, once: amounts with Chinese scale words, percentages and multiples with four
significant digits, qualifiers as the words articles use (超, 约, 近).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

import pandas as pd

from .compute import QUALIFIER_WORDS, fmt_amount
from .labels import label
from .observations import decimal_str

VERDICT_ORDER = {"inconsistent": 0, "unverifiable": 1, "consistent": 2, "conflict": 0, "agree": 1}

#: How statement cells are filled, for readers of the report.
STATEMENT_NOTE = ("Each cell reconciles every article: the most precise value when they agree at the coarser "
                  "rounding (3.12亿 and 3.124亿 give 3.124); when they conflict, the value most articles give "
                  "(the most precisely written on a tie), marked ⚠. 超/约/近 mark floors, approximations and "
                  "ceilings as written.")


@dataclass
class View:
    """A table ready to print."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    note: str = ""

    def __len__(self) -> int:
        return len(self.rows)


def _s(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return ""
    return str(v)


def _value_text(value: Optional[Decimal], unit: str, qualifier: str = "exact",
                low: float = float("nan"), high: float = float("nan")) -> str:
    if value is None:
        return ""
    if qualifier == "range" and low == low and high == high:
        return f"{fmt_amount(Decimal(repr(low)), unit)}–{fmt_amount(Decimal(repr(high)), unit)}"
    return QUALIFIER_WORDS.get(qualifier, "") + fmt_amount(value, unit)


def statement_view(st: pd.DataFrame, title: str = "Statement") -> View:
    """The wide statement (cells ⚠ where sources conflict)."""
    periods = [str(c) for c in st.columns]
    conflicts = {tuple(c) for c in st.attrs.get("conflicts", [])}
    qualifiers = {tuple(q[:4]): q[4] for q in st.attrs.get("qualifiers", [])}
    view = View(title, ["metric", "segment", "unit"] + periods, note=STATEMENT_NOTE)
    for (metric, seg, unit), row in st.iterrows():
        cells = []
        for p in st.columns:
            v = row[p]
            if v is None or (isinstance(v, float) and v != v):
                cells.append("")
                continue
            text = decimal_str(Decimal(repr(v)) if isinstance(v, float) else v, 6)
            text = QUALIFIER_WORDS.get(qualifiers.get((metric, seg, unit, p), "exact"), "") + text
            if (metric, seg, unit, p) in conflicts:
                text += " ⚠"
            cells.append(text)
        view.rows.append([metric, seg, unit] + cells)
        view.styles.append("conflict" if any((metric, seg, unit, p) in conflicts for p in st.columns) else "")
    return view


def derived_view(d: pd.DataFrame, title: str = "Derived figures") -> View:
    """What the library computes, with formula, inputs and FX rates."""
    view = View(title, ["metric", "period", "segment", "value", "work", "basis", "formula", "inputs", "fx", "sources"])
    for r in d.itertuples(index=False):
        value = _value_text(r.value_decimal, r.unit, r.qualifier, r.low, r.high)
        view.rows.append([r.metric, _s(r.period), _s(r.segment), value, r.work, _s(r.basis), r.formula,
                          r.inputs, _s(r.fx), _s(r.sources)])
        view.styles.append("")
    return view


def claims_view(c: pd.DataFrame, title: str = "Claims checked") -> View:
    """Stated derived figures against their recomputation, inconsistent first."""
    view = View(title, ["verdict", "doc", "metric", "period", "stated", "computed", "rel_error",
                        "quote", "explanation"])
    order = sorted(range(len(c)), key=lambda i: (VERDICT_ORDER.get(c["verdict"].iloc[i], 9), i))
    for i in order:
        r = c.iloc[i]
        stated = QUALIFIER_WORDS.get(r["qualifier"], "") + fmt_amount(r["stated_decimal"], r["unit"])
        computed = fmt_amount(r["computed_decimal"], r["unit"]) if r["computed_decimal"] is not None else ""
        rel = f"{r['rel_error'] * 100:+.1f}%" if r["rel_error"] == r["rel_error"] else ""
        seg = f" [{r['segment']}]" if _s(r["segment"]) else ""
        view.rows.append([r["verdict"], r["doc"], r["metric"] + seg, _s(r["period"]), stated, computed, rel,
                          r["quote"], r["explanation"]])
        view.styles.append(r["verdict"])
    return view


def conflicts_view(c: pd.DataFrame, title: str = "Figures stated more than once") -> View:
    """Repeated figures, conflicts first."""
    view = View(title, ["verdict", "metric", "period", "segment", "values", "docs", "explanation"])
    order = sorted(range(len(c)), key=lambda i: (VERDICT_ORDER.get(c["verdict"].iloc[i], 9), i))
    for i in order:
        r = c.iloc[i]
        metric = r["metric"] + (" (forecast)" if r["forecast"] else "")
        view.rows.append([r["verdict"], metric, _s(r["period"]), _s(r["segment"]), r["values"], r["docs"],
                          r["explanation"]])
        view.styles.append(r["verdict"])
    return view


def fx_view(frame: pd.DataFrame, title: str = "FX rates") -> View:
    """The FX table: defaults (flagged) and the rates the articles imply."""
    view = View(title, ["pair", "rate", "kind", "source"],
                note="Defaults are approximate rates the library assumes, not figures from the articles; "
                     "implied rates are what an article's own conversion gives.")
    for r in frame.itertuples(index=False):
        rate = r.rate_decimal
        shown = str(rate) if r.kind != "implied" else decimal_str(rate, 6)
        source = r.source if r.kind != "implied" else f"{r.doc}: {r.source}"
        view.rows.append([r.pair, shown, r.kind, source])
        view.styles.append(r.kind)
    return view


def entity_title(entity: str) -> str:
    """``zhipu (智谱)``."""
    zh = label(entity, "entity")
    return entity if zh == entity else f"{entity} ({zh})"
