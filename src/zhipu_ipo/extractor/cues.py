"""Cue words (``lexicon/cues.tsv``) found in text with one longest-first regex."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon


@dataclass(frozen=True)
class Cue:
    word: str
    kind: str    # metric, loss, mod, price, change, ctx, seg
    value: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    entries: dict[str, tuple[str, str]] = {}
    for row in lexicon.read_rows("cues.tsv"):
        word, kind, value = row[0], row[1], row[2]
        if word in entries:
            raise ValueError(f"cues.tsv: duplicate cue {word!r}")
        entries[word] = (kind, value)
    words = sorted(entries, key=len, reverse=True)
    # Latin cues (IPO, ARR, CAGR, P/S) must not match inside longer latin words.
    parts = []
    for w in words:
        if w.isascii() and w[0].isalpha():
            parts.append(r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])")
        else:
            parts.append(re.escape(w))
    return re.compile("|".join(parts)), entries


def cue_table() -> dict[str, tuple[str, str]]:
    """word -> (kind, value) for every cue word."""
    return _table()[1]


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every cue word in ``text[start:end]``, left to right, longest match first."""
    pattern, entries = _table()
    end = len(text) if end is None else end
    out = []
    for m in pattern.finditer(text, start, end):
        kind, value = entries[m.group()]
        out.append(Cue(m.group(), kind, value, m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def use_words() -> tuple[tuple[str, str], ...]:
    """(word, segment) pairs naming uses of IPO proceeds, in priority order."""
    return tuple((r[0], r[1]) for r in lexicon.read_rows("uses.tsv"))
