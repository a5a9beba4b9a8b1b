"""Display labels: Chinese (or English) names for columns, metrics, verdicts, segments, units.

DataFrames keep English snake_case columns and ids; these helpers only render them.
Labels come from ``lexicon/analytics_labels.tsv``, the metric vocabulary (``metrics.tsv``,
``label_zh``) and the entity table (``entities.tsv``, first alias).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import pandas as pd

from ..lexicon import metrics as metric_vocabulary
from ..lexicon import read_rows

LABELS_FILE = "analytics_labels.tsv"
#: Columns whose values are ids to translate, and the kind of id they hold.
VALUE_COLUMNS: dict[str, str] = {"metric": "metric", "verdict": "verdict", "qualifier": "qualifier",
                                 "segment": "segment", "unit": "unit", "entity": "entity"}


@lru_cache(maxsize=None)
def _table() -> dict[tuple[str, str], tuple[str, str]]:
    out = {}
    for row in read_rows(LABELS_FILE):
        kind, key, zh, en = (row + ["", "", "", ""])[:4]
        out[(kind, key)] = (zh, en or key)
    return out


@lru_cache(maxsize=None)
def _entities() -> dict[str, str]:
    out = {}
    for row in read_rows("entities.tsv"):
        if len(row) >= 2 and row[1]:
            out[row[0]] = row[1].split("|")[0]
    return out


def label(key: Optional[str], kind: str = "metric", lang: str = "zh") -> str:
    """The display label of an id: ``label('revenue')`` -> ``收入``; ``label('revenue',
    lang='en')`` -> ``Revenue``; an unknown id is returned unchanged ('' for None)."""
    if key is None or (isinstance(key, float) and key != key) or key is pd.NA:
        return ""
    key = str(key)
    found = _table().get((kind, key))
    if found:
        return found[0] if lang == "zh" else found[1]
    if kind == "metric":
        info = metric_vocabulary().get(key)
        if info is not None:
            return info.label_zh if lang == "zh" else key.replace("_", " ").capitalize()
        return key if lang == "zh" else key.replace("_", " ").capitalize()
    if kind == "entity" and lang == "zh":
        return _entities().get(key, key)
    return key


def chinese_labels(df: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A copy of ``df`` for display: Chinese column names and Chinese labels for the ids in
    the ``metric``, ``verdict``, ``qualifier``, ``segment``, ``unit`` and ``entity`` columns
    (and index levels of those names). Numbers are left as they are."""
    out = df.copy()
    fx_frame = "pair" in out.columns and "base" in out.columns
    for col, kind in VALUE_COLUMNS.items():
        if col in out.columns:
            out[col] = out[col].map(lambda v, k=kind: label(v, k, lang)).astype("string")
    if isinstance(out.index, pd.MultiIndex):
        levels = []
        for i, name in enumerate(out.index.names):
            values = out.index.get_level_values(i)
            kind = VALUE_COLUMNS.get(name or "")
            levels.append([label(v, kind, lang) for v in values] if kind else list(values))
        names = [label(n, "column", lang) if n else n for n in out.index.names]
        out.index = pd.MultiIndex.from_arrays(levels, names=names)
    elif out.index.name in VALUE_COLUMNS:
        kind = VALUE_COLUMNS[out.index.name]
        out.index = pd.Index([label(v, kind, lang) for v in out.index], name=label(out.index.name, "column", lang))

    def col_label(c):
        if fx_frame and c == "quote":
            return label("quote_currency", "column", lang)
        return label(c, "column", lang) if isinstance(c, str) else c

    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = pd.Index([col_label(c) for c in out.columns], name=out.columns.name)
    return out
