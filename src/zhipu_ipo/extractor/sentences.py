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
# A bracketed headline with text after it on its line (【MiniMax上市首日大涨91.76%】财联社1月9日电，…)
# is a sentence too (a short label, 【每手股数】20股, is not).
_SENTENCE_END = re.compile(r"[。！？!?\n]|【[^【】\n]{9,80}】(?![\n，,。；;：:])|\.(?:(?<![0-9A-Za-z]\.)(?![0-9A-Za-z]|下同))")
# Clause ends inside a sentence: commas (not a thousands separator), colons, semicolons.
# (a colon before a figure, 开市:135.3, 总市值：705.6亿, joins a label to its value; one before
# a year or a date, 营收增长迅猛:2022年…, still ends the clause). A double dash opening an aside
# (发行价并不便宜——以2024年约3.12亿元的收入计) ends one too.
_CLAUSE_END = re.compile(r"[，；;]|——|[：︰:](?![+\-]?\d[\d,.]*+(?!\s*[年月日号]))|,(?!\d{3}(?!\d))")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentence_spans(text: str) -> list[Span]:
    """Non-empty sentence spans covering ``text`` (the terminator belongs to its sentence).

    A label alone on its line and its value alone on the next (an infographic or a quote card
    copied as text: ``收盘价\n131.50港元``) are one sentence."""
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()       # (a '.' between letters or digits is a decimal point or Z.ai: no end)
        if text[pos:end].strip():
            if spans and m.group() == "\n" and _value_line(text, pos, end) \
                    and _label_line(text, spans[-1].start, spans[-1].end):
                spans[-1] = Span(spans[-1].start, end)
            else:
                spans.append(Span(pos, end))
        pos = end
    if text[pos:].strip():
        spans.append(Span(pos, len(text)))
    return spans


#: a line that is only a label: a few words, no figure, no punctuation of a sentence
_LABEL_LINE = re.compile(r"[ \t]*[\u4e00-\u9fffA-Za-z/()（）]{2,12}[ \t]*\n")
#: a line that is only a value: a figure with its unit (+3.27%, 约578.9亿港元, 02513.HK)
_VALUE_LINE = re.compile(r"[ \t]*(?:约|約|超|逾|近)?[+\-−]?(?:HK\$|US\$|RMB|\$)?\d[\d,.]*[^\n，,。；;：:]{0,8}[ \t]*\n?")


def _label_line(text: str, start: int, end: int) -> bool:
    return end - start <= 16 and text[end - 1:end] == "\n" and _LABEL_LINE.fullmatch(text, start, end) is not None


def _value_line(text: str, start: int, end: int) -> bool:
    return end - start <= 24 and _VALUE_LINE.fullmatch(text, start, end) is not None


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


_SENTENCE_MARK = re.compile(r"[，,。；;]")


def short_line(text: str, start: int, end: int, limit: int) -> bool:
    """The line holding ``text[start:end]`` has at most ``limit`` characters and no sentence
    punctuation (a heading, a byline). Looks at most ``limit`` characters around the span."""
    lo, hi = max(0, start - limit), min(len(text), end + limit)     # (bounded: a line may be endless)
    before = text.rfind("\n", lo, start)
    if before == -1 and lo > 0:
        return False
    line_start = before + 1
    line_end = text.find("\n", end, hi)
    if line_end == -1:
        if hi < len(text):
            return False
        line_end = hi
    return line_end - line_start <= limit and _SENTENCE_MARK.search(text, line_start, line_end) is None

