"""What the extractor knows about a whole document before it reads sentence by sentence:
its companies (and which one it is mainly about), its reference date for dates written
without a year, and its sentences grouped into paragraphs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..normalization import small_int
from ..periods import Period, safe_date
from .entities import Registry, bystanders, indices, known_listings
from .rules import A_SHARE, HK_MARKERS
from .sentences import short_line
from .tokens import DATE, ENTITY, PERIOD, DayOnly, Stream

#: Entities that are never the subject a figure falls back to.
_NOT_SUBJECTS = {"hsi", "hstech", "market"}
#: A date written without a year is resolved to the first occurrence on or after this many
#: days before the reference date inferred from the article itself.
_BACKWARD_DAYS = 60
_SUB_YEAR = ("half", "quarter", "quarters", "month", "date")
#: words before a year that make it a forecast (预计2030年), not a sign of when the article was written
_FORECAST_SENTENCE = re.compile(r"预计|预期|预测|有望|展望")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _sentence_before(text: str, pos: int, look: int = 120) -> str:
    """The part of pos's sentence before it (at most ``look`` characters)."""
    before = text[max(0, pos - look):pos]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    return before[ends[-1]:] if ends else before


_FUTURE = re.compile(r"预计|预期|到|至|将|目标|有望|计划|预测|展望|未来|前$|以后")


#: how much a date after the reference day weighs against one before it
_AHEAD_WEIGHT = 2.5


@dataclass
class DocContext:
    text: str
    stream: Stream
    registry: Registry
    published: Optional[dt.date] = None
    main_entity: Optional[str] = None
    reference: Optional[dt.date] = None        # inferred "about when" the article was written
    reference_exact: bool = False               # True when from a publication date / dateline
    reference_floor: Optional[dt.date] = None   # (inexact) the start of the reporting period it ends
    entity_counts: Counter = field(default_factory=Counter)
    listing_dates: dict[str, dt.date] = field(default_factory=dict)
    base_today: Optional[dt.date] = None         # the article's own day (see ``today``)
    day_sections: list = field(default_factory=list)     # (offset, date) of the dated sections of a feed
    cursor: int = 0                                       # where the reading is (selects the section)
    first_day_article: bool = False             # the article describes a first trading day
    listing_events: list = field(default_factory=list)   # (end offset, date, entity) of listings told
    table_spans: list = field(default_factory=list)      # Spans of the text tables (read by tables.py)
    known_days: dict = field(default_factory=dict)       # (month, day) -> listing day of a company named
    listed_yesterday: set = field(default_factory=set)   # companies whose listing the text dates 昨日
    period_aliases: dict = field(default_factory=dict)   # 本年度 -> Period, as the text defines it
    compared_periods: set = field(default_factory=set)   # starts of period tokens of a defined comparison
    hk_doc: bool = False                        # the text has Hong Kong market words (HK_MARKERS)
    hk_yuan: bool = True                        # plain 元 of prices and offerings are Hong Kong dollars

    @property
    def today(self) -> Optional[dt.date]:
        """The day the text at ``cursor`` was written: the article's own day, or in a news feed
        split by date lines (━━ 2026-01-09 星期五 ━━) the day of the section being read."""
        if self.day_sections and self.cursor >= self.day_sections[0][0]:
            for start, day in reversed(self.day_sections):
                if start <= self.cursor:
                    return day
        return self.base_today

    @today.setter
    def today(self, value: Optional[dt.date]) -> None:
        self.base_today = value

    def resolve_year(self, month: int, day: int, hint: Optional[int] = None) -> Optional[dt.date]:
        """The date of a month/day written without a year, or None when the year is unknowable.

        ``hint`` is a year offset written before the date (去年12月23日: -1, 今年: 0), counted from
        the article's own day."""
        if hint is not None and self.today is not None:
            try:
                return dt.date(self.today.year + hint, month, day)
            except ValueError:
                return None
        known = self.known_days.get((month, day))
        if known is not None and hint is None:
            return known        # 8月8日 in an article about a company that listed on that day
        ref = self.reference
        if ref is None:
            return None
        candidates = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                candidates.append(dt.date(y, month, day))
            except ValueError:
                continue
        if not candidates:
            return None
        if self.reference_exact:
            # news tells what happened more than what is to come: a date half a year ahead is
            # less likely than one half a year back (于6月30日挂牌 written on 12月31日)
            return min(candidates, key=lambda d: (d - ref).days * _AHEAD_WEIGHT if d > ref else (ref - d).days)
        # (a recap of 2026上半年 dates 2月26日 in it: the period's own months, no later year)
        floor = min(ref - dt.timedelta(days=_BACKWARD_DAYS), self.reference_floor or ref)
        later = [d for d in candidates if d >= floor]
        return min(later) if later else None


#: how much a company named in the headline weighs, in mentions, when choosing the main company
_HEADLINE_WEIGHT = 2


def headline_entities(text: str, stream: Stream) -> set[str]:
    """Companies of the first of the first three lines that names one (the headline, or the
    page's breadcrumb: 股吧 > 天数智芯吧)."""
    end = 0
    for _ in range(3):
        nl = text.find("\n", end)
        line_end = len(text) if nl == -1 else nl
        names = {t.obj.entity for t in stream.in_span(end, line_end) if t.kind == ENTITY}
        if names:
            return names
        if nl == -1:
            break
        end = nl + 1
    return set()


def counted_companies(ctx: "DocContext", named: list[str], n: int) -> list[str]:
    """The n companies a count (两家公司) stands for: those of the last sentence naming several
    (``named``), or, when it named more, the ones of them the headline names (智谱和MiniMax…，
    壁仞科技… under a headline on 智谱、MiniMax); else none."""
    if len(named) == n:
        return list(named)
    if len(named) > n:
        heads = headline_entities(ctx.text, ctx.stream)
        kept = [e for e in named if e in heads]
        if len(kept) == n:
            return kept
    return []


def build_context(text: str, stream: Stream, registry: Registry,
                  published: Optional[dt.date]) -> DocContext:
    ctx = DocContext(text=text, stream=stream, registry=registry, published=published)
    # Hong Kong copy (or copy with no mainland market named) writes prices in 元 meaning HKD
    ctx.hk_doc = bool(HK_MARKERS.search(text))
    ctx.hk_yuan = ctx.hk_doc or not A_SHARE.search(text)
    first_seen: dict[str, int] = {}
    for t in stream.tokens:
        if t.kind == ENTITY and t.obj.entity not in _NOT_SUBJECTS:
            ctx.entity_counts[t.obj.entity] += 1
            first_seen.setdefault(t.obj.entity, t.start)
    for ent, _, s, _ in registry.tickers:
        if ent and ent not in _NOT_SUBJECTS:
            first_seen.setdefault(ent, s)
            ctx.entity_counts[ent] += 0
    # the main company: the most named one, bystanders (阿里, 腾讯 …) only when nothing else is named
    listed = known_listings()
    ctx.known_days = {(d.month, d.day): d for e in ctx.entity_counts if (d := listed.get(e)) is not None}
    pool = [e for e in ctx.entity_counts if e not in bystanders() and e not in indices()] \
        or list(ctx.entity_counts)
    if pool:
        head = headline_entities(text, stream)
        ctx.main_entity = min(pool, key=lambda e: (-ctx.entity_counts[e] - (_HEADLINE_WEIGHT if e in head else 0),
                                                   first_seen.get(e, 0)))
    ctx.day_sections = _day_sections(text)
    _defined_periods(ctx)
    _infer_reference(ctx)
    if ctx.today is None:
        _dateline_today(ctx)
    if ctx.today is None:
        _short_byline_today(ctx)
    if ctx.today is None:
        _day_dateline_today(ctx)
        if ctx.today is None:
            _listing_word_today(ctx)
        if ctx.today is None:
            _paren_day_today(ctx)
        if ctx.today is not None:
            _days_of_today(ctx)
    if ctx.today is not None:
        _days_near_today(ctx)
    if not ctx.day_sections and ctx.today is not None:
        ctx.day_sections = _item_stamps(text, ctx.today)
    ctx.first_day_article = bool(_FIRST_DAY.search(text))   # refined once listing dates are known
    return ctx


@dataclass(frozen=True)
class ResolvedPeriod:
    """A period word read as a period with a year: a relative one resolved from context (上半年 ->
    2025H1), or a name the document defines (截至2025年12月31日止年度(“本年度”))."""

    period: object
    start: int
    end: int
    text: str
    kind: str = "single"
    parts: tuple = ()           # the years of 今明两年, in order

    @property
    def items(self):
        return list(self.parts) or [self.period]


#: a name given to the period just written: (“本年度”), (以下简称“报告期”)
_PERIOD_DEFINITION = re.compile(r"\s*[(（]\s*(?:以下简称|以下称|下称|简称)?\s*[:：]?\s*[“\"「『]"
                                r"([^”\"」』()（）]{1,8})[”\"」』]\s*[)）]")


#: a defined name of the period compared with: 上年度, 去年同期, 上一财政年度
_COMPARISON_WORD = re.compile(r"上|去|前|往|同期")


def _defined_periods(ctx: DocContext) -> None:
    """Results announcements name their periods (截至2025年12月31日止年度(“本年度”)，…(“上年度”)):
    every later 本年度 / 上年度 token of the text is read as the period it names, not relative to
    the article's day."""
    if "“" not in ctx.text and '"' not in ctx.text and "「" not in ctx.text:
        return
    toks = ctx.stream.tokens
    for t in toks:
        if t.kind != PERIOD or t.obj.kind != "single" or t.obj.period is None:
            continue
        m = _PERIOD_DEFINITION.match(ctx.text, t.end)
        if m and re.search(r"年|期|季|度", m.group(1)):
            ctx.period_aliases.setdefault(m.group(1), t.obj.period)
            if _COMPARISON_WORD.match(m.group(1)):
                ctx.compared_periods.add(t.start)   # (“上年度”): the period the text compares with
    if not ctx.period_aliases:
        return
    for i, t in enumerate(toks):
        if t.kind != PERIOD or t.obj.kind != "relative":
            continue
        word = t.obj.text
        p = ctx.period_aliases.get(word)
        if p is not None:
            toks[i] = dataclasses.replace(t, obj=ResolvedPeriod(p, t.start, t.end, word))
            if _COMPARISON_WORD.match(word):
                ctx.compared_periods.add(t.start)
        elif word[-1:] in ("末", "底") and (p := ctx.period_aliases.get(word[:-1])) is not None:
            # 于本年度末: the last day of the period the text named
            toks[i] = dataclasses.replace(t, obj=ResolvedPeriod(Period.of_date(p.end_date), t.start, t.end,
                                                               word, kind="point"))


#: a line holding a full date alone (maybe a weekday and rules around): a feed's day divider;
#: or with its time, the stamp of a feed's item (2026-03-24 09:35, and day first: 27/03/2026 16:31)
_DAY_LINE = re.compile(r"(?m)^[ \t━─═=\-—*#【\[]*(?:(20\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?"
                       r"|(\d{2})/(\d{2})/(20\d\d)(?=[ \t]+[0-2]\d:[0-5]\d))"
                       r"[ \t]*(?:(?:星期|周|礼拜)[一二三四五六日天])?(?:[ \t]*[0-2]?\d:[0-5]\d)?[ \t━─═=\-—*#】\]]*$")


def _day_sections(text: str) -> list:
    """(offset, date) of each day divider, when the text has at least two different ones."""
    if "\n" not in text:
        return []
    out = []
    for m in _DAY_LINE.finditer(text):
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
        day = safe_date(int(y), int(mo), int(d))
        if day is not None:
            out.append((_title_above(text, m.start()) if _TIME.search(m.group(0)) else m.start(), day))
    return out if len({d for _, d in out}) >= 2 else []


_TIME = re.compile(r"[0-2]?\d:[0-5]\d")


def _title_above(text: str, stamp: int) -> int:
    """Where an item stamped with its time (2026/10/29 07:05) starts: at its title on the line right
    above (〈新股〉雲圖智聯今起招股), which is the item's too; else at the stamp."""
    above = text.rfind("\n", 0, max(0, stamp - 1)) + 1
    title = text[above:stamp].strip()
    return above if title and len(title) <= 80 else stamp


#: a feed item's stamp without the year, on a line of its own: 11-19 09:35
_ITEM_STAMP = re.compile(r"(?m)^[ \t]*(\d{1,2})-(\d{1,2})[ \t]+[0-2]?\d:[0-5]\d[ \t]*$")


def _item_stamps(text: str, today: dt.date) -> list:
    """(offset, date) of the yearless stamps of a feed's items (11-19 09:35), each in the year that
    puts it on or before the article's day, when the text has at least two different ones."""
    if "\n" not in text:
        return []
    out = []
    for m in _ITEM_STAMP.finditer(text):
        day = safe_date(today.year, int(m.group(1)), int(m.group(2)))
        if day is not None and day > today:
            day = safe_date(today.year - 1, int(m.group(1)), int(m.group(2)))
        if day is not None:
            out.append((_title_above(text, m.start()), day))
    return out if len({d for _, d in out}) >= 2 else []


_FIRST_DAY = re.compile(r"上市首日|挂牌首日|首日挂牌|首日上市|上市当天|上市当日|首个交易日|首日开盘|首日收")
_YEAR_WORDS = {"去年": -1, "上年": -1, "今年": 0, "本年": 0, "前年": -2, "明年": 1}


#: days written relative to the article's day: 今(8)日 / 昨日(7日) and 上月31日 / 本月3日
DAY_OFFSETS = {"today": 0, "yesterday": -1, "day_before": -2, "tomorrow": 1}
MONTH_OFFSETS = {"last_month": -1, "this_month": 0, "next_month": 1}


def relative_day(today: Optional[dt.date], rel: Optional[str], day: Optional[int]) -> Optional[dt.date]:
    """The date a relative day names from ``today``: 今(26)日 only when 26 is today's day; 上月31日
    the 31st of the month before (None when that day does not exist)."""
    if today is None or not day:
        return None
    if rel in DAY_OFFSETS:
        when = today + dt.timedelta(days=DAY_OFFSETS[rel])
        return when if when.day == day else None
    if rel in MONTH_OFFSETS:
        month = today.month + MONTH_OFFSETS[rel]
        year = today.year + (month - 1) // 12
        return safe_date(year, (month - 1) % 12 + 1, day)
    return None


def year_hint(text: str, pos: int) -> Optional[int]:
    """A year offset written right before a date: 去年12月23日 -> -1, 今年1月 -> 0."""
    before = text[max(0, pos - 2):pos]
    return _YEAR_WORDS.get(before)


_DATELINE_AFTER = re.compile(r"\s*(?:(?:[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?|[(（][一二三四五六日天][)）])\s*)?"
                             r"(?:[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?=\s)"       # a byline: 2026-03-26 09:15
                             # a date, its time and a short rest of the line: …星期一 05:30 财经新闻
                             r"|[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?[^\n\d]{0,16}(?:\n|$)"
                             # a time zone or a time of day: 2026年2月20日 GMT+8 下午6:12
                             r"|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?!\d)|(?:上午|下午|早上|晚上)\s*[0-2]?[0-9]:[0-5][0-9]"
                             # an outlet and a byline ending the line: 2026.08.28 某某时报 某某/综合报导
                             r"|[^\n\d]{2,24}(?:综合报导|综合报道|报导|报道)\s*(?:\n|$)"
                             r"|(?:[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?\s*)?"
                             r"(?:消息|电|讯|报道|晚间消息|早间消息|丨|｜|\||\n|·|记者|来源|作者|撰文|撰稿|编辑|文[:：]|\s[-–—]\s"
                             # a byline naming the outlet first: 2026年7月29日 星期三 某某财经 记者
                             r"|[\u4e00-\u9fffA-Za-z]{2,10}\s+(?:记者|来源|作者|撰文|撰稿|编辑|文[:：])))")
_DATELINE_BEFORE = re.compile(r"(?:获悉|讯|消息|报道|电|】|·|丨|｜|\||(?:发布|更新|发稿)?(?:时间|日期)\s*[:：]"
                              # (a video page: 1.2万次观看　2026年7月10日)
                              r"|次观看|次播放)\s*[，,:：]?\s*$")
_TODAY_PAREN = re.compile(r"(今日|今天|昨日|昨天|明日|明天)\s*[(（]\s*$")
_PAREN_OFFSET = {"今日": 0, "今天": 0, "昨日": -1, "昨天": -1, "明日": 1, "明天": 1}
#: a full date opening a line of the page head (or after the outlet's name), the rest of the line
#: short and not a sentence: 2026年9月16日 大衡报 A12版, 明报　2026年7月17日　星期五　经济
_LINE_OF_DATE = re.compile(r"[ \t\u3000]*(?:[\u4e00-\u9fffA-Za-z]{2,8}[ \t\u3000]*)?")
_DATE_LINE_REST = re.compile(r"[^\n，,。；;!！?？]{0,24}(?:\n|$)")
#: a date written in digits only (2026-05-06, 2026/05/06, 2026.05.06)
_NUMERIC_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")


def _byline(text: str, pos: int) -> bool:
    """The line around ``pos`` is a page's byline (文/某某 2026-05-06 某某杂志 第823期): short
    and with no sentence punctuation."""
    return short_line(text, pos, pos, 60)


#: how far into an article a dateline may stand
_DATELINE_SPAN = 240


def _set_today(ctx: DocContext, day: dt.date) -> None:
    """The article's own day, found in its text; it is also the reference for yearless dates
    unless one is already exact."""
    ctx.today = day
    if not ctx.reference_exact:
        ctx.reference, ctx.reference_exact = day, True


def _dateline_today(ctx: DocContext) -> None:
    """The article's own day from the way outlets date their copy: ``格隆汇8月29日丨``,
    ``红星资本局10月24日消息``, ``【经济日报】2025年8月12日`` on its own line, ``智通财经APP获悉，
    6月30日，…``, or ``今日(1月9日)`` / ``昨日(1月8日)`` in the first lines."""
    text = ctx.text
    for t in ctx.stream.tokens:
        if t.start > _DATELINE_SPAN:
            break
        if t.kind != DATE:
            continue
        d = t.obj
        if not (d.month and d.day):
            continue
        paren = _TODAY_PAREN.search(text, max(0, t.start - 4), t.start)
        offset = _PAREN_OFFSET[paren.group(1)] if paren else 0
        if not (paren or _DATELINE_AFTER.match(text, t.end)
                or _DATELINE_BEFORE.search(text, max(0, t.start - 6), t.start)
                or (d.date is not None and _LINE_OF_DATE.fullmatch(text, text.rfind("\n", 0, t.start) + 1, t.start)
                    and _DATE_LINE_REST.match(text, t.end))
                or (d.date is not None and _NUMERIC_DATE.fullmatch(d.text) and _byline(text, t.start))):
            continue
        when = d.date or ctx.resolve_year(d.month, d.day) or _after_latest_date(ctx, d.month, d.day) \
            or _in_listing_year(ctx, d.month, d.day)
        if when is not None:
            _set_today(ctx, when - dt.timedelta(days=offset))
        return


#: a forum post's byline: its month and day, then the time (11-21 22:14  来自 香港)
_SHORT_BYLINE = re.compile(r"(?m)^[ \t]*(1[0-2]|0?[1-9])-([0-3]?[0-9])[ \t]+[0-2]?[0-9]:[0-5][0-9](?![0-9])")


def _short_byline_today(ctx: DocContext) -> None:
    """A post dated by month, day and time on a line near the top (11-21 22:14), in the year its
    full dates or a known listing tell."""
    m = _SHORT_BYLINE.search(ctx.text, 0, _DATELINE_SPAN)
    if m is None:
        return
    month, day = int(m.group(1)), int(m.group(2))
    when = _in_listing_year(ctx, month, day) or ctx.resolve_year(month, day) or _after_latest_date(ctx, month, day)
    if when is not None:
        _set_today(ctx, when)


def _after_latest_date(ctx: DocContext, month: int, day: int) -> Optional[dt.date]:
    """A dateline without a year in an article whose only full dates end its periods (路捷社香港
    3月20日 - …截至2025年12月31日止年度): the first such day after the latest of them."""
    latest = max((t.obj.date for t in ctx.stream.tokens if t.kind == DATE and t.obj.date is not None),
                 default=None)
    if latest is None:
        return None
    try:
        when = dt.date(latest.year, month, day)
        return when if when > latest else dt.date(latest.year + 1, month, day)
    except ValueError:
        return None


#: a wire dateline with only the day: (中央社台北8日电), （中央社记者某某香港8日专电）
_DAY_DATELINE = re.compile(r"[(（]\s*[^()（）\d\n]{2,20}?([0-3]?[0-9])日专?电\s*[)）]")


def _day_dateline_today(ctx: DocContext) -> None:
    """A wire dateline gives only the day (台北8日电). It dates the article when that day is the
    known listing day of exactly one date among the companies the article names (an article of
    the 8th about 智谱, listed 2026-01-08). (With a publication date, ``today`` is already set.)"""
    m = _DAY_DATELINE.search(ctx.text, 0, _DATELINE_SPAN)
    if m is None:
        return
    day = int(m.group(1))
    days = {d for d in ctx.known_days.values() if d.day == day}
    if len(days) == 1:
        _set_today(ctx, days.pop())


#: 昨日(周五)登陆港交所, 今日挂牌: a listing told relative to the article's own day
_LISTED_RELATIVE = re.compile(r"(今日|今天|昨日|昨天)\s*(?:[(（]\s*(?:周|星期)([一二三四五六日天])\s*[)）])?"
                              r"[^，,。；;\n\d]{0,10}?(?:登陆|上市|挂牌)")


def _listing_word_today(ctx: DocContext) -> None:
    """An article without a date that tells a known company's listing as 今日/昨日 (稀宇科技MiniMax
    (00100)昨日(周五)登陆港交所) is of that day or the day after. A weekday written must agree."""
    listed = known_listings()
    for m in _LISTED_RELATIVE.finditer(ctx.text):
        named = [t for t in ctx.stream.in_span(max(0, m.start() - 16), m.start()) if t.kind == ENTITY]
        day = listed.get(named[-1].obj.entity) if named else None
        if day is None:
            continue
        if m.group(2) and "一二三四五六".find(m.group(2)) != day.weekday():
            continue
        ctx.today = day + dt.timedelta(days=0 if m.group(1).startswith("今") else 1)
        ctx.reference, ctx.reference_exact = ctx.today, True
        return


#: 今年1月公司上市时: a listing told by its month of this year or last
_LISTED_IN_MONTH = re.compile(r"(今年|去年)\s*([0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
                              r"(?:[0-9]{1,2}\s*[日号])?[^，,。；;\n\d]{0,10}?(?:登陆|上市|挂牌)")


def _listing_year(ctx: DocContext) -> Optional[int]:
    """The article's year from a known company's listing told by month (这一数字在今年1月公司
    上市时…, in an article naming MiniMax, listed 2026-01-09: 2026). Every such mention must agree."""
    listed = known_listings()
    months = {}
    for e in ctx.entity_counts:
        if (d := listed.get(e)) is not None:
            months.setdefault(d.month, set()).add(d.year)
    years = set()
    for m in _LISTED_IN_MONTH.finditer(ctx.text):
        month = small_int(m.group(2))
        found = months.get(month)
        if not found or len(found) != 1:
            return None
        years.add(next(iter(found)) + (1 if m.group(1) == "去年" else 0))
    return years.pop() if len(years) == 1 else None


def _in_listing_year(ctx: DocContext, month: int, day: int) -> Optional[dt.date]:
    """A day without a year in the year a known listing told by month gives (11-21 22:14 over
    壁仞科技…今年1月2日上市)."""
    return safe_date(_listing_year(ctx), month, day)


#: 昨日（7月22日）anywhere in the text: the article's own day, told in passing
_PAREN_DAY = re.compile(r"(今日|今天|昨日|昨天)\s*[(（]\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]\s*[)）]")


def _paren_day_today(ctx: DocContext) -> None:
    """An article with no dateline that names its own day in passing (昨日（7月22日），MiniMax收报…)
    is of that day (or the next), in the year its full dates or a known listing tell. Several such
    days must agree."""
    days = set()
    for m in _PAREN_DAY.finditer(ctx.text):
        month, day = int(m.group(2)), int(m.group(3))
        days.add((month, day, _PAREN_OFFSET[m.group(1)]))
    if len(days) != 1:
        return
    month, day, offset = days.pop()
    when = _in_listing_year(ctx, month, day) or ctx.resolve_year(month, day)
    if when is None:
        return
    ctx.today = when - dt.timedelta(days=offset)
    ctx.reference, ctx.reference_exact = ctx.today, True


def _days_of_today(ctx: DocContext) -> None:
    """Days written alone (同日(8日)) whose month was only guessed from a full date the article
    cites take the month of the article's own day instead (the day before or on it)."""
    today = ctx.today
    for t in ctx.stream.tokens:
        d = t.obj
        if t.kind == DATE and isinstance(d, DayOnly) and d.guessed:
            month, year = today.month, today.year
            if d.day > today.day:
                month, year = (month - 1, year) if month > 1 else (12, year - 1)
            t.obj = dataclasses.replace(d, month=month, guessed=False)


#: how many days before (after) the article's own day a day written alone may fall
_NEAR_BEFORE, _NEAR_AFTER = 10, 7


def _days_near_today(ctx: DocContext) -> None:
    """A day written alone (25日) whose month came from a date the article cites (于1月9日上市)
    is a day of the article's own week when one is near (an article of 2026-03-26: the 25th of
    March). Days already near the article's day keep their month."""
    for t in ctx.stream.tokens:
        d = t.obj
        if t.kind != DATE or not isinstance(d, DayOnly) or d.dateline or d.date is not None or d.month_written:
            continue
        ctx.cursor = t.start            # (in a feed, the day of the token's section)
        today = ctx.today
        if _near(today, safe_date(today.year, d.month, d.day)):
            continue
        for year, month in ((today.year, today.month),
                            (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)):
            when = safe_date(year, month, d.day)
            if _near(today, when):
                t.obj = dataclasses.replace(d, month=month, guessed=False)
                break
    ctx.cursor = 0


def _near(today: dt.date, when: Optional[dt.date]) -> bool:
    return when is not None and -_NEAR_BEFORE <= (when - today).days <= _NEAR_AFTER


def _infer_reference(ctx: DocContext) -> None:
    """Reference date for dates written without a year.

    The publication date if given, else a dateline; else the latest full date the article
    writes (a yearless date is then resolved to the closest year); else the end of the latest
    sub-year reporting period (a yearless date is then the first one after it). Forecasts
    (预计2026年下半年) never count, and an article that also names much later years is not dated
    by an old month it cites (bare years alone are too vague to date an article).
    """
    if ctx.published:
        ctx.reference, ctx.reference_exact, ctx.today = ctx.published, True, ctx.published
        return
    text = ctx.text
    latest_date: Optional[dt.date] = None
    latest_period: Optional[dt.date] = None
    period_start: Optional[dt.date] = None
    max_year = 0
    for t in ctx.stream.tokens:
        if t.kind not in (DATE, PERIOD) or _FUTURE.search(text[max(0, t.start - 6):t.start]):
            continue
        if t.kind == PERIOD and _FORECAST_SENTENCE.search(_sentence_before(text, t.start)):
            continue        # 研报预计，到2029年…，2024年至2029年复合增速约53.7%: a forecast's years
        if t.kind == DATE:
            d = t.obj
            if getattr(d, "dateline", False) and d.date is not None:
                ctx.reference, ctx.reference_exact, ctx.today = d.date, True, d.date
                return
            for when in (d.date, getattr(d, "end_date", None)):
                if when is not None:
                    max_year = max(max_year, when.year)
                    if latest_date is None or when > latest_date:
                        latest_date = when
        else:
            p = t.obj.period
            if p is None:
                continue
            max_year = max(max_year, p.end_date.year)
            last = p.items()[-1] if p.kind == "span" else p
            if last.kind in _SUB_YEAR and (latest_period is None or last.end_date > latest_period):
                latest_period, period_start = last.end_date, last.start_date
    # a reporting period that ends after every full date written is the later clue
    if latest_period is not None and latest_date is not None and latest_period > latest_date:
        latest_date = None
    if latest_date is not None and latest_date.year >= max_year - 1:
        ctx.reference, ctx.reference_exact = latest_date, True
    elif latest_period is not None and latest_period.year >= max_year - 1:
        ctx.reference, ctx.reference_exact, ctx.reference_floor = latest_period, False, period_start
    else:
        # no year anywhere near: a yearless date that is the listing day of a company the article
        # names (1月8日 in an article about 智谱) dates the article
        for t in ctx.stream.tokens:
            if t.kind == DATE and t.obj.date is None and (t.obj.month, t.obj.day) in ctx.known_days:
                ctx.reference, ctx.reference_exact = ctx.known_days[(t.obj.month, t.obj.day)], True
                return
