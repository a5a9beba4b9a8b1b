"""Package data: the vocabulary of the library, kept as small tab-separated tables.

Every table is a ``.tsv`` file beside this module: ``#`` starts a comment line,
columns are separated by one tab, and empty trailing columns may be omitted.
Tables are read once, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def read_rows(name: str) -> list[list[str]]:
    """The rows of ``lexicon/<name>`` (comments and blank lines dropped, cells stripped)."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def data_path(name: str) -> str:
    """The file-system path of a data file (for libraries that want a path, like jieba)."""
    return str(resources.files(__name__).joinpath(name))


@dataclass(frozen=True)
class MetricInfo:
    name: str
    unit: str          # FACTS.md unit, or "currency" for CNY/HKD/USD as written
    family: str        # ipo, trading, financial, derived, funding
    period: str        # none, trading, required, optional
    label_zh: str
    description: str


@lru_cache(maxsize=None)
def metrics() -> dict[str, MetricInfo]:
    """The metric vocabulary of FACTS.md (plus the library's own additions)."""
    out = {}
    for row in read_rows("metrics.tsv"):
        row = row + [""] * (6 - len(row))
        info = MetricInfo(*row[:6])
        out[info.name] = info
    return out
