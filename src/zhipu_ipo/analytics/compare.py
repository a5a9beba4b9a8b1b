"""Companies side by side: :func:`compare`.

Rows are (metric, period) -- period ``""`` for IPO terms -- columns the entities, then
``unit``. Each value is the entity's reconciled figure (:mod:`reconcile`); amounts are given in
one currency (``unit``, CNY by default): a figure stated in it wins, any other is converted
with the FX table's preferred rate and listed in ``df.attrs["converted"]``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional, Sequence

import pandas as pd

from ..lexicon import metrics as metric_vocabulary
from ..models import CURRENCIES
from .fx import FxTable
from .observations import Book, period_of, period_sort_key
from .reconcile import reconcile
from .statement import SCALED, SCALES

#: Metrics compared by default.
DEFAULT_METRICS: tuple[str, ...] = (
    "revenue", "revenue_growth", "net_loss", "rd_expense", "gross_margin", "offer_price",
    "gross_proceeds", "market_cap_at_ipo", "cornerstone_amount", "post_money_valuation")


def compare(facts: pd.DataFrame, entities: Sequence[str] = ("zhipu", "minimax"),
            metrics: Sequence[str] = DEFAULT_METRICS, unit: str = "CNY", scale: Optional[str] = None,
            fx: Optional[FxTable] = None, spans: bool = False) -> pd.DataFrame:
    """A (metric, period) x entity table of reconciled figures (module docstring).

    Forecasts are left out; spans only with ``spans=True``. Values are float64.
    """
    if scale is not None and scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; use one of {sorted(SCALES)}")
    fx = fx if fx is not None else FxTable.default().with_implied(facts)
    book = Book(facts)
    cells: dict[tuple, dict[str, Decimal]] = {}
    units: dict[tuple, str] = {}
    converted: list[dict] = []
    for ent in entities:
        for metric in metrics:
            periods = {o.period for o in book.obs_of(ent) if o.metric == metric and not o.forecast}
            for period in periods:
                p = period_of(period)
                if p is not None and p.kind == "span" and not spans:
                    continue
                value, u = _value(book, fx, ent, metric, period, unit, converted)
                if value is None:
                    continue
                row = (metric, period or "")
                cells.setdefault(row, {})[ent] = value
                units.setdefault(row, u)
    order = list(metric_vocabulary())
    rows = sorted(cells, key=lambda r: (order.index(r[0]) if r[0] in order else len(order),
                                        period_sort_key(r[1] or None)))
    divisor = SCALES[scale] if scale else Decimal(1)
    data = []
    for r in rows:
        u = units[r]
        line = {}
        for ent in entities:
            v = cells[r].get(ent)
            if v is not None and scale and u in SCALED:
                v = v / divisor
            line[ent] = float(v) if v is not None else float("nan")
        line["unit"] = f"{u} {scale}" if scale and u in SCALED else u
        data.append(line)
    index = pd.MultiIndex.from_tuples(rows, names=["metric", "period"]) if rows else \
        pd.MultiIndex.from_tuples([], names=["metric", "period"])
    df = pd.DataFrame(data, index=index, columns=list(entities) + ["unit"])
    for ent in entities:
        df[ent] = df[ent].astype("float64")
    df["unit"] = df["unit"].astype("string")
    df.attrs.update({"unit": unit, "scale": scale, "converted": converted})
    return df


def _value(book: Book, fx: FxTable, ent: str, metric: str, period: Optional[str], unit: str,
           converted: list) -> tuple[Optional[Decimal], str]:
    units = book.units(ent, metric, period)
    if not units:
        return None, ""
    if unit in units or not (set(units) & CURRENCIES):
        u = unit if unit in units else units[0]
        rec = reconcile(book.find(ent, metric, period, None, u))
        return (rec.point if rec else None), u
    for u in units:
        if u not in CURRENCIES:
            continue
        rec = reconcile(book.find(ent, metric, period, None, u))
        try:
            rate = fx.rate(u, unit)
        except KeyError:
            continue
        converted.append({"entity": ent, "metric": metric, "period": period, "from": u,
                          "value": rec.point, "rate": rate.name})
        return rate.convert(rec.point), unit
    return None, ""
