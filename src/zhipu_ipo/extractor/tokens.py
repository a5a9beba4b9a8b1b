"""The token stream of a document: every amount, period, date, cue word, company and ticker,
merged into one list ordered by position, with clause boundaries.

The extractor reads this stream sentence by sentence (``reader.py``). Overlaps are settled
here once: dates and periods win over bare numbers inside them, and a cue word inside an
amount, a period or a company name is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Optional

from ..numbers import find_amounts
from ..periods import DateMention, find_dates, find_periods
from . import cues as _cues
from .entities import Registry, find_mentions, known_listings
from .sentences import Span, all_clause_starts, sentence_spans

AMOUNT, PERIOD, DATE, CUE, ENTITY, TICKER, BOUNDARY = (
    "amount", "period", "date", "cue", "entity", "ticker", "boundary")
_RANK = {BOUNDARY: 0, PERIOD: 1, DATE: 1, TICKER: 1, ENTITY: 2, AMOUNT: 3, CUE: 4}


@dataclass(slots=True)
class Tok:
    kind: str
    start: int
    end: int
    obj: Any

    def __repr__(self) -> str:
        return f"<{self.kind} {self.start}:{self.end} {getattr(self.obj, 'text', None) or getattr(self.obj, 'word', '') or self.obj!r}>"


@dataclass
class Stream:
    """All tokens of one normalized text, and its sentences."""

    text: str
    tokens: list[Tok]
    sentences: list[Span]
    _starts: list[int]
    _by_sentence: Optional[list] = None

    def by_sentence(self) -> list[list[Tok]]:
        """The tokens of every sentence, in one sweep (sentences and tokens are both sorted)."""
        if self._by_sentence is not None:
            return self._by_sentence
        out: list[list[Tok]] = []
        toks, n, i = self.tokens, len(self.tokens), 0
        for sp in self.sentences:
            while i < n and toks[i].start < sp.start:
                i += 1
            j = i
            while j < n and toks[j].start < sp.end:
                j += 1
            out.append(toks[i:j])
            i = j
        self._by_sentence = out
        return out

    def in_span(self, start: int, end: int) -> list[Tok]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            out.append(self.tokens[i])
            i += 1
        return out

    def last_in(self, start: int, end: int, keep) -> Optional[Tok]:
        """The last token starting in [start, end) that ``keep`` holds for, or None (walks back
        from ``end`` and stops at the first found: the cost is the distance to it)."""
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self.tokens[i].start >= start:
            if keep(self.tokens[i]):
                return self.tokens[i]
            i -= 1
        return None

    def first_in(self, start: int, end: int, kind: str) -> Optional[Tok]:
        """The first token of ``kind`` starting in [start, end), or None (stops at the first found)."""
        i = bisect_left(self._starts, start)
        while i < len(self.tokens) and self.tokens[i].start < end:
            if self.tokens[i].kind == kind:
                return self.tokens[i]
            i += 1
        return None



#: a unit named for the figures of a table, with no number of its own: 单位：百万元, (人民币千元)
_UNIT_WORDS = re.compile(r"(?:人民币|港元|港币|美元|RMB|HK\$|US\$)?\s*(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千)"
                         r"\s*(?:元|港元|港币|美元|人民币)(?:人民币)?")
_UNIT_BEFORE = re.compile(r"(?:单位|[(（/／])\s*[:：]?\s*(?:为|是|均为)?\s*$")


def _unit_label(text: str, a) -> bool:
    """Whether an amount is only the unit of a table's figures (单位：百万元, （人民币百万元）)."""
    return bool(_UNIT_WORDS.fullmatch(a.text)) and bool(_UNIT_BEFORE.search(text, max(0, a.start - 6), a.start))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(spans, (start, -1))
    for j in (i - 1, i):
        if 0 <= j < len(spans):
            s, e = spans[j]
            if s < end and start < e:
                return True
    return False


@dataclass(frozen=True)
class DayOnly:
    """``MiniMax 9日在港股挂牌``: a day of the month last named (month from context)."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: Optional[int] = None
    date: Optional[dt.date] = None
    dateline: bool = False
    guessed: bool = False       # the month of a full date the text cites, not of its own days
    relative: Optional[str] = None      # 上月31日: last_month (the month from the article's day)
    month_written: bool = False         # 今年1月先后于2日和8日: the month is written in its clause


_DAY_ONLY = re.compile(r"(\d{1,3})日")
_MONTH_WORDS = {"上月": "last_month", "本月": "this_month", "下月": "next_month"}
_DAY_NOT_BEFORE = frozenset("0123456789月年.号第近前后数每几连")
_DAY_NOT_AFTER = frozenset("0123456789内后前以均")
#: 15日以双重主要上市方式登陆: 以 "by means of" after a day (not 15日以内/以后/以来/以上)
_DAY_BY_MEANS = re.compile(r"以(?![内后前来上下])")


#: a month written alone a few characters before a bare day (今年1月先后于2日和8日), stock codes
#: between them (今年1月,智谱(02513)与MiniMax(00100)先后于8日及9日)
_MONTH_BEFORE_DAY = re.compile(r"(?<!\d)(1[0-2]|[1-9])月(?![\d日号份])"
                               r"(?:\d{1,2}日\s*[和及、与]|[(（]\d{4,5}(?:\.HK)?[)）]|[^。；;\n\d]){0,24}$")
#: a day written alone right before the listing verb: 8日挂牌, 9日接棒在港上市
_LISTS_AFTER = re.compile(r"[^，,。；;\n]{0,6}?(?:上市|挂牌)")


def _day_only(text: str, dates: list, published: Optional[dt.date],
              listing_days: Optional[dict[int, dt.date]] = None) -> list:
    """Days written without a month, given the month of the previous date (or of publication).
    With no month anywhere, a day right before 上市/挂牌 that is the known listing day of one
    company the text names (``listing_days``: day -> date) is that date (智谱8日挂牌)."""
    out = []
    starts = [d.start for d in dates]
    spans = sorted((d.start, d.end) for d in dates)
    n = len(text)
    for m in _DAY_ONLY.finditer(text):
        s, e = m.start(1), m.end()
        rel = _MONTH_WORDS.get(text[max(0, s - 2):s])
        if rel is not None and len(m.group(1)) <= 2 and not _overlaps(spans, s - 2, e):
            out.append(DayOnly(s - 2, e, text[s - 2:e], None, int(m.group(1)), relative=rel))
            continue
        if len(m.group(1)) > 2 or (s and text[s - 1] in _DAY_NOT_BEFORE) or (
                e < n and text[e] in _DAY_NOT_AFTER and not _DAY_BY_MEANS.match(text, e)) or _overlaps(spans, s, e):
            continue
        k = bisect_left(starts, s)
        month = fallback = None
        mb = _MONTH_BEFORE_DAY.search(text, max(0, s - 48), s)
        if mb is not None:
            # 今年1月先后于2日和8日在港上市: the month written just before, in the same clause
            out.append(DayOnly(s, e, m.group(), int(mb.group(1)), int(m.group(1)), month_written=True))
            continue
        for d in reversed(dates[:k]):
            # the month of the news' own days (1月8日, a dateline), not of a full date it cites
            # (英诺赛科于2024年12月30日上市…25日收在62.4港元: March, the dateline's month)
            if d.month and (getattr(d, "year", None) is None or getattr(d, "dateline", False)):
                month = d.month
                break
            if d.month and fallback is None:
                fallback = d.month
        if month is None and published is not None:
            month = published.month
        guessed = month is None
        if month is None:
            month = fallback
        day = int(m.group(1))
        if month is None and listing_days and day in listing_days and _LISTS_AFTER.match(text, e):
            known = listing_days[day]
            out.append(DayOnly(s, e, m.group(), known.month, day, year=known.year, date=known))
            continue
        if month is None or not 1 <= day <= 31:
            continue
        out.append(DayOnly(s, e, m.group(), month, day, guessed=guessed))
    return out


#: a date written month.day right before an IPO event, as forum posts do: 12.27上市, 1.8挂牌
_DOTTED_DATE = re.compile(r"(?<![\d.价报收为至约于])(1[0-2]|0?[1-9])\.([12][0-9]|3[01]|0?[1-9])(?![\d.])"
                          r"(?=\s*(?:上市|挂牌|招股|截止招股|开始招股|暗盘|首日))")


#: a cheap first look (it starts with a digit, so the engine skips to digits)
_DOTTED_HINT = re.compile(r"\d\.\d{1,2}\s*(?:上市|挂牌|招股|截止招股|开始招股|暗盘|首日)")


def _dotted_dates(text: str) -> list:
    if "." not in text or not _DOTTED_HINT.search(text):
        return []
    return [DateMention(m.start(), m.end(), m.group(), month=int(m.group(1)), day=int(m.group(2)))
            for m in _DOTTED_DATE.finditer(text)]


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span replaced by NULs of the same length (offsets unchanged)."""
    parts = []
    pos = 0
    for s, e in spans:
        if e <= pos:
            continue
        s = max(s, pos)
        parts.append(text[pos:s])
        parts.append("\0" * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _listing_days(ents: list, registry: Registry) -> dict[int, dt.date]:
    """day of the month -> listing date, for the days only one named company listed on."""
    listed = known_listings()
    named = {m.entity for m in ents} | {e for e, _, _, _ in registry.tickers}
    by_day: dict[int, set] = {}
    for e in named:
        if (d := listed.get(e)) is not None:
            by_day.setdefault(d.day, set()).add(d)
    return {day: next(iter(ds)) for day, ds in by_day.items() if len(ds) == 1}


#: 截至 before a clock time (截至10:30, 截至上午11时): the time of writing in a session
_AS_OF_TIME = re.compile(r"截至\s*(?:今日|今天)?\s*(?:上午|下午|中午|午间|早上)?\s*(?:[01]?\d|2[0-3])(?:[:：][0-5]\d|时|点)")


def build_stream(text: str, registry: Registry, published: Optional[dt.date] = None) -> Stream:
    """Scan ``text`` once with every scanner and merge the results."""
    periods = find_periods(text)
    dates = find_dates(text)
    ents = find_mentions(text, registry)
    if "日" in text:
        dates = sorted(dates + _day_only(text, dates, published, _listing_days(ents, registry)),
                       key=lambda d: d.start)
    dotted = _dotted_dates(text)
    if dotted:
        dates = sorted(dates + dotted, key=lambda d: d.start)
    hard: list[Tok] = [Tok(DATE, d.start, d.end, d) for d in dates]
    for p in periods:
        # a bare full date is read as a date; a period that says more (截至…, ranges, lists)
        # is kept beside the date it contains: events read dates, the reader reads periods.
        if p.kind == "date":
            continue
        hard.append(Tok(PERIOD, p.start, p.end, p))
    for ent, ticker, s, e in registry.tickers:
        hard.append(Tok(TICKER, s, e, (ent, ticker)))
    hard_spans = sorted((t.start, t.end) for t in hard)

    toks: list[Tok] = list(hard)
    for a in find_amounts(text):
        if _overlaps(hard_spans, a.start, a.end) or _unit_label(text, a):
            continue
        toks.append(Tok(AMOUNT, a.start, a.end, a))
    ent_spans = [(m.start, m.end) for m in ents]
    for m in ents:
        if not _overlaps(hard_spans, m.start, m.end):
            toks.append(Tok(ENTITY, m.start, m.end, m))
    # cue words are looked for only between the other tokens, so that 年收入 cannot eat the
    # 年 of 2022-2024年 and a cue never overlaps a figure, a period or a company.
    blocked = sorted(hard_spans + ent_spans + [(t.start, t.end) for t in toks if t.kind == AMOUNT])
    masked = _masked(text, blocked)
    cues = _cues.find_cues(masked)
    for c in cues:
        toks.append(Tok(CUE, c.start, c.end, c))
    if "截至" in text:
        for m in _AS_OF_TIME.finditer(text):
            # 截至10:30，涨8.52%，报166.7港元: the price at the time written, a last price
            if not _overlaps(blocked, m.start(), m.start() + 2):
                c = _cues.Cue("截至", "price", "last", m.start(), m.start() + 2)
                cues.append(c)
                toks.append(Tok(CUE, c.start, c.end, c))
    cue_spans = [(c.start, c.end) for c in cues]
    for c in _cues.find_product_lines(masked):
        if not _overlaps(cue_spans, c.start, c.end):       # Talkie is in the lexicon
            toks.append(Tok(CUE, c.start, c.end, c))
    sentences = sentence_spans(text)
    for b in all_clause_starts(text, sentences):
        toks.append(Tok(BOUNDARY, b, b, None))
    toks.sort(key=lambda t: (t.start, _RANK[t.kind], -t.end))
    return Stream(text, toks, sentences, [t.start for t in toks])
