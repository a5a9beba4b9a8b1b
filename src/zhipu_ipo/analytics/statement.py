"""One company's figures as a wide table: :func:`statement`.

Rows are (metric, segment, unit) -- ``segment`` is ``""`` for the whole company -- in the order
of the metric vocabulary; columns are periods in time order (spans and points in time
included). Each cell is the reconciled value of every statement of that figure across the
articles (:mod:`reconcile`): when the statements agree at the coarser rounding, the most
precise value; when they conflict, the value most statements give (the most precisely written
one on a tie). Conflicting cells are listed in ``df.attrs["conflicts"]`` and cells whose
value is a floor, ceiling, approximation or range midpoint in ``df.attrs["qualifiers"]``.

Options: ``scale`` divides amounts (currencies and shares) by 亿 (1e8), 万 (1e4), million,
billion; ``unit`` brings every currency row into one currency -- a figure stated in that
currency wins, the others are converted with the FX table's preferred rate and listed in
``df.attrs["converted"]``; ``forecast=True`` adds forecast rows (metric ``<name>_forecast``);
``exact=True`` gives Decimal cells (object dtype) instead of float64.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Optional, Sequence

import pandas as pd

from ..lexicon import metrics as metric_vocabulary
from ..models import CURRENCIES
from .fx import FxTable
from .observations import Book, Obs, period_sort_key
from .precision import CONTEXT
from .reconcile import reconcile
from .resolve import UNIT_PREFERENCE

#: Divisors of the ``scale`` option.
SCALES: dict[str, Decimal] = {
    "亿": Decimal("1E+8"), "万": Decimal("1E+4"), "million": Decimal("1E+6"), "m": Decimal("1E+6"),
    "百万": Decimal("1E+6"), "billion": Decimal("1E+9"), "bn": Decimal("1E+9"), "十亿": Decimal("1E+9"),
}
#: Metric families shown by default.
DEFAULT_FAMILIES: tuple[str, ...] = ("financial", "derived")
#: Units the ``scale`` option applies to.
SCALED: frozenset[str] = frozenset(CURRENCIES) | {"shares"}

RULE = ("cell = reconciled value across articles: the most precise value when sources agree at the "
        "coarser rounding; the value most sources give (most precisely written on a tie) when they "
        "conflict, listed in attrs['conflicts']")


def _family(metric: str) -> str:
    info = metric_vocabulary().get(metric)
    return info.family if info else "other"


def statement(facts: pd.DataFrame, entity: str, scale: Optional[str] = None, unit: Optional[str] = None,
              fx: Optional[FxTable] = None, forecast: bool = False, exact: bool = False,
              families: Sequence[str] = DEFAULT_FAMILIES) -> pd.DataFrame:
    """The wide table of one entity (module docstring). Raises ValueError for an unknown
    ``scale`` or a ``unit`` that is not a currency."""
    if scale is not None and scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; use one of {sorted(SCALES)}")
    if unit is not None and unit not in CURRENCIES:
        raise ValueError(f"unit must be a currency ({sorted(CURRENCIES)}), not {unit!r}")
    if unit is not None and fx is None:
        fx = FxTable.default().with_implied(facts)
    book = Book(facts)
    groups: dict[tuple, list[Obs]] = defaultdict(list)
    for o in book.obs_of(entity):
        if o.period is None or _family(o.metric) not in families or (o.forecast and not forecast):
            continue
        metric = f"{o.metric}_forecast" if o.forecast else o.metric
        groups[(metric, o.segment or "", o.unit, o.period)].append(o)

    cells: dict[tuple, Decimal] = {}
    conflicts: list[tuple] = []
    qualifiers: dict[tuple, str] = {}
    for (metric, seg, u, period), obs in groups.items():
        rec = reconcile(obs)
        cells[(metric, seg, u, period)] = rec.point
        if rec.is_conflict:
            conflicts.append((metric, seg, u, period))
        if rec.qualifier != "exact":
            qualifiers[(metric, seg, u, period)] = rec.qualifier

    converted: list[dict] = []
    if unit is not None:
        cells, conflicts, converted = _to_unit(cells, conflicts, unit, fx)
        qualifiers = {(m, sg, unit if (m, sg, unit, p) in cells and u in CURRENCIES else u, p): q
                      for (m, sg, u, p), q in qualifiers.items()}

    divisor = SCALES[scale] if scale else Decimal(1)
    rows = sorted({k[:3] for k in cells}, key=_row_key)
    periods = sorted({k[3] for k in cells}, key=period_sort_key)
    data = []
    for row in rows:
        line = []
        for p in periods:
            v = cells.get(row + (p,))
            if v is not None and row[2] in SCALED and scale:
                v = CONTEXT.divide(v, divisor)
            line.append(v if exact else (float(v) if v is not None else float("nan")))
        data.append(line)
    index = pd.MultiIndex.from_tuples([(m, s, _unit_label(u, scale)) for m, s, u in rows],
                                      names=["metric", "segment", "unit"])
    df = pd.DataFrame(data, index=index, columns=pd.Index(periods, name="period"),
                      dtype="object" if exact else "float64")
    df.attrs.update({
        "entity": entity, "scale": scale, "unit": unit, "rule": RULE,
        "conflicts": [(m, s, _unit_label(u, scale), p) for m, s, u, p in conflicts],
        "converted": converted,
        "qualifiers": [(m, s, _unit_label(u, scale), p, q) for (m, s, u, p), q in sorted(qualifiers.items())],
    })
    return df


def _unit_label(u: str, scale: Optional[str]) -> str:
    return f"{u} {scale}" if scale and u in SCALED else u


def _row_key(row: tuple) -> tuple:
    metric, seg, u = row
    order = list(metric_vocabulary())
    base = metric[: -len("_forecast")] if metric.endswith("_forecast") else metric
    rank = order.index(base) if base in order else len(order)
    urank = UNIT_PREFERENCE.index(u) if u in UNIT_PREFERENCE else len(UNIT_PREFERENCE)
    return (rank, metric.endswith("_forecast"), seg, urank, u)


def _to_unit(cells: dict, conflicts: list, unit: str, fx: FxTable):
    """Cells with every currency row in ``unit``: a figure stated in ``unit`` wins, others
    are converted with the preferred rate (and recorded)."""
    out: dict[tuple, Decimal] = {}
    origin: dict[tuple, tuple] = {}  # out key -> the cells key it came from
    for key, v in cells.items():
        metric, seg, u, period = key
        if u not in CURRENCIES or u == unit:
            out[key] = v
            origin[key] = key
    converted: list[dict] = []
    pending = sorted((k for k in cells if k[2] in CURRENCIES and k[2] != unit),
                     key=lambda k: (k[0], k[1], period_sort_key(k[3]), UNIT_PREFERENCE.index(k[2])
                                    if k[2] in UNIT_PREFERENCE else len(UNIT_PREFERENCE)))
    for key in pending:
        metric, seg, u, period = key
        target = (metric, seg, unit, period)
        if target in out:
            continue
        try:
            rate = fx.rate(u, unit)
        except KeyError:
            out[key] = cells[key]
            origin[key] = key
            continue
        out[target] = rate.convert(cells[key])
        origin[target] = key
        converted.append({"metric": metric, "segment": seg, "period": period, "from": u,
                          "value": cells[key], "rate": rate.name})
    source_of = {v: k for k, v in origin.items()}
    kept = [source_of[c] for c in conflicts if c in source_of]
    return out, kept, converted
