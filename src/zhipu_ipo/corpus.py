"""Many articles at once: ``extract_file``, ``load`` and the :class:`Corpus` they return."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

import pandas as pd

from .extractor import extract
from .io import read_article
from .models import Extraction
from .tables import facts_frame, mentions_frame

PathLike = Union[str, Path]


def extract_file(path: PathLike, published: Optional[dt.date] = None) -> Extraction:
    """Read one article (any supported encoding; plain text, web page or Markdown, see
    :func:`zhipu_ipo.io.read_article`) and extract it; ``doc`` is the file stem."""
    article = read_article(path)
    return extract(article.text, doc=article.doc, published=published)


class Corpus:
    """The extractions of several articles, with their facts as one table.

    ``failures`` lists (path, reason) for files that could not be read or parsed.
    """

    def __init__(self, extractions: Iterable[Extraction], failures: Optional[list] = None):
        self.extractions: list[Extraction] = list(extractions)
        self.failures: list[tuple[str, str]] = list(failures or [])
        self._facts: Optional[pd.DataFrame] = None

    # -- collection protocol
    def __len__(self) -> int:
        return len(self.extractions)

    def __iter__(self) -> Iterator[Extraction]:
        return iter(self.extractions)

    def __getitem__(self, doc: str) -> Extraction:
        for e in self.extractions:
            if e.doc == doc:
                return e
        raise KeyError(doc)

    @property
    def docs(self) -> list[str]:
        return [e.doc for e in self.extractions]

    # -- tables
    @property
    def facts(self) -> pd.DataFrame:
        """The long table: one row per fact of every document (FACTS.md columns)."""
        if self._facts is None:
            self._facts = facts_frame(f for e in self.extractions for f in e.facts)
        return self._facts

    @property
    def unplaced(self) -> pd.DataFrame:
        """Every number-bearing mention that became no fact, with the reason."""
        return mentions_frame(m for e in self.extractions for m in e.unplaced)

    @property
    def entities(self) -> list[str]:
        return sorted({f.entity for e in self.extractions for f in e.facts})

    # -- analytics (zhipu_ipo.analytics): pandas in, pandas out
    @property
    def fx(self):
        """The FX table used for cross-currency figures: a documented default plus the rates
        the articles themselves imply (43亿港元 ≈ 5.6亿美元)."""
        from .analytics import FxTable

        return FxTable.default().with_implied(self.facts)

    def statement(self, entity: str, scale: Optional[str] = None, unit: Optional[str] = None,
                  fx=None, forecast: bool = False, exact: bool = False) -> pd.DataFrame:
        """A wide table for one company: metrics x periods, each cell reconciled across articles."""
        from .analytics import statement

        return statement(self.facts, entity, scale=scale, unit=unit, fx=fx if fx is not None else self.fx,
                         forecast=forecast, exact=exact)

    def derived(self, fx=None) -> pd.DataFrame:
        """Figures the library computes from stated base figures, with formula and inputs."""
        from .analytics import derived

        return derived(self.facts, fx=fx if fx is not None else self.fx)

    def claims(self, fx=None) -> pd.DataFrame:
        """Every stated derived figure recomputed from the base figures, with a verdict."""
        from .analytics import claims

        return claims(self.facts, fx=fx if fx is not None else self.fx)

    def conflicts(self, fx=None) -> pd.DataFrame:
        """Every (entity, metric, period, segment) stated more than once: agree or conflict."""
        from .analytics import conflicts

        return conflicts(self.facts, fx=fx if fx is not None else self.fx)

    def __repr__(self) -> str:
        n = sum(len(e.facts) for e in self.extractions)
        fail = f", {len(self.failures)} failed" if self.failures else ""
        return f"<Corpus {len(self.extractions)} documents, {n} facts, entities {self.entities}{fail}>"

    def _repr_html_(self) -> str:
        return f"<p>{self.__repr__()[1:-1]}</p>" + self.facts.head(20)._repr_html_()


def load(paths: Union[PathLike, Iterable[PathLike]], published: Optional[dt.date] = None,
         strict: bool = False, jobs: Optional[int] = None) -> Corpus:
    """Extract every article under ``paths`` (files or directories) into a :class:`Corpus`.

    A file that cannot be read is recorded in ``Corpus.failures`` (or raised with ``strict``).
    ``jobs`` > 1 extracts in that many processes (same result). The corpus also knows the file
    of each document (see :class:`zhipu_ipo.engines.SourcedCorpus`).
    """
    from .engines import extract_corpus

    return extract_corpus(paths, jobs=jobs, published=published, strict=strict, progress=False)
