"""Answers from facts: statements, derived figures, checked claims and conflicts.

Pandas in, pandas out. Every function takes the long facts table
(:attr:`zhipu_ipo.Corpus.facts`) and returns a DataFrame with English snake_case columns,
real dtypes and a stable order; exact values travel as :class:`~decimal.Decimal` in
``*_decimal`` columns. FX is never a hidden constant: pass an :class:`FxTable` (the default
one says it is a default, and the rates the articles imply are added beside it).

>>> import zhipu_ipo
>>> corpus = zhipu_ipo.load("data/seeds")                      # doctest: +SKIP
>>> corpus.statement("zhipu", scale="亿")                      # doctest: +SKIP
>>> corpus.derived(), corpus.claims(), corpus.conflicts()     # doctest: +SKIP

Modules: :mod:`.precision` (how precise a written figure is), :mod:`.observations` and
:mod:`.reconcile` (one value from many statements), :mod:`.fx`, :mod:`.compute` and
:mod:`.resolve` (formulas and their inputs), :mod:`.statement`, :mod:`.derived`,
:mod:`.claims`, :mod:`.conflicts`, :mod:`.compare`, :mod:`.labels` (display labels),
:mod:`.charts`, :mod:`.views` and :mod:`.html` (the report's rendering).
"""

from .claims import claims
from .compare import compare
from .conflicts import conflicts
from .derived import derived
from .fx import FxRate, FxTable
from .labels import chinese_labels, label
from .statement import statement

__all__ = ["FxRate", "FxTable", "chinese_labels", "claims", "compare", "conflicts", "derived",
           "label", "statement"]
