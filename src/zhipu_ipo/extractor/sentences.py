"""Sentences and clauses of a normalized text, as offset spans.

A *sentence* ends at 。！？!? or a line break; a *clause* ends at a comma, colon or
semicolon inside a sentence (an ASCII comma between two digits is a thousands separator, not a
boundary). Everything is an offset into the normalized text; nothing is copied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence ends: Chinese and ASCII full stops (an ASCII '.' only when not between digits
# or letters), question/exclamation marks and line breaks. A semicolon separates parallel
# clauses of one topic (2022-2024年收入…；2025年上半年…), so it ends a clause, not a sentence.
# (Every branch starts with its character, so the regex engine can skip ahead to candidates.)
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?:(?<![0-9A-Za-z]\.)(?![0-9A-Za-z]))")
# Clause ends inside a sentence: commas (not a thousands separator), colons, semicolons.
# (a colon before a figure, 开市:135.3, 总市值：705.6亿, joins a label to its value; one before
# a year or a date, 营收增长迅猛:2022年…, still ends the clause)
_CLAUSE_END = re.compile(r"[，；;]|[：︰:](?![+\-]?\d[\d,.]*+(?!\s*[年月日号]))|,(?!\d{3}(?!\d))")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentence_spans(text: str) -> list[Span]:
    """Non-empty sentence spans covering ``text`` (the terminator belongs to its sentence)."""
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()       # (a '.' between letters or digits is a decimal point or Z.ai: no end)
        if text[pos:end].strip():
            spans.append(Span(pos, end))
        pos = end
    if text[pos:].strip():
        spans.append(Span(pos, len(text)))
    return spans


def clause_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where the clauses of ``text[start:end]`` begin (the first is ``start``)."""
    starts = [start]
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.end() < end:
            starts.append(m.end())
    return starts


def all_clause_starts(text: str, sentences: list[Span]) -> list[int]:
    """Clause starts inside every sentence (not the sentence starts), in one pass over ``text``."""
    ends = {sp.end for sp in sentences}
    return [m.end() for m in _CLAUSE_END.finditer(text) if m.end() not in ends]
