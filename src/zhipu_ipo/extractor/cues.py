"""Cue words (``lexicon/cues.tsv``) found in text with one longest-first regex."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .. import lexicon
from ..lexicon.trie import compile_words, latin_word_ok


class Cue(NamedTuple):
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
    return compile_words(entries), entries


def cue_table() -> dict[str, tuple[str, str]]:
    """word -> (kind, value) for every cue word."""
    return _table()[1]


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every cue word in ``text[start:end]``, left to right, longest match first."""
    pattern, entries = _table()
    end = len(text) if end is None else end
    out = []
    for m in pattern.finditer(text, start, end):
        word = m.group()
        kind, value = entries[word]
        if kind == "none" or not latin_word_ok(text, m.start(), m.end()):
            continue
        out.append(Cue(word, kind, value, m.start(), m.end()))
    return out


#: a product line the lexicon does not know, named in Latin letters and a product noun before its
#: revenue (LumaVision视觉平台收入, EdgeBox边缘模组营收): FACTS.md keeps a product line's name as its slug
_PRODUCT_WORD = r"(?:平台|模组|模块|业务|产品|系列|服务|方案|芯片|应用|软件|硬件|终端|设备|订阅|会员|系统|套件|引擎|助手|模型)"
#: a Latin product name before its revenue (Tessera系列训练加速卡收入, CedarCRM收入) or before a
#: product word and its share (FleetOS车队平台占28.7%)
_PRODUCT_LINE = re.compile(
    # (not a service model such as SaaS or PaaS: 营销及销售SaaS收入 is a line named in Chinese)
    r"(?<![A-Za-z0-9])(?![A-Z]aaS(?![A-Za-z0-9]))([A-Z][a-z]+(?:[A-Z][a-z]*|[0-9]+)*)"
    r"(?=[\u4e00-\u9fff]{0,5}?" + _PRODUCT_WORD + r"(?:业务)?(?:收入|营收|收益|销售额|占)"
    # (Kite系列2026财年收入: a period between; Harrier系列(测绘、巡检)收入: a note between)
    r"|(?:系列|产品线?)?(?:[(（][^()（）\n]{0,16}[)）])?\0{0,16}[\u4e00-\u9fff]{0,6}?(?:实现)?(?:收入|营收|销售额))")


def find_product_lines(text: str) -> list[Cue]:
    """Segment cues for the Latin-named product lines of ``text`` (masked text: spans already
    read as companies, figures are NULs and never match)."""
    return [Cue(m.group(1), "seg", m.group(1).lower(), m.start(), m.end())
            for m in _PRODUCT_LINE.finditer(text)]


@lru_cache(maxsize=1)
def use_words() -> tuple[tuple[str, str, bool], ...]:
    """(word, segment, is_verb) triples naming uses of IPO proceeds."""
    return tuple((r[0], r[1], len(r) > 2 and r[2] == "verb") for r in lexicon.read_rows("uses.tsv"))


def cue_at(text: str, pos: int) -> bool:
    """A cue word (other than the blocking kind ``none``) starts at ``pos``."""
    pattern, entries = _table()
    m = pattern.match(text, pos)
    return bool(m) and entries[m.group()][0] != "none"
