"""``extract(text)``: every figure of an article as facts that point at their source.

The pipeline, one pure function of the text (and the optional publication date):

1. ``normalize`` the text (simplified script, folded widths) keeping an offset map;
2. discover its companies (``entities.build_registry``) and scan every token once
   (``tokens.build_stream``: amounts, periods, dates, cue words, companies, tickers);
3. infer the document context (``context``: main company, reference date);
4. read IPO events with dates and tickers (``events``), then every sentence (``reader``);
5. map offsets back to the original text, deduplicate, and return an :class:`Extraction`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Optional

from ..models import Extraction, Fact, Mention, fast_constructor
from ..normalization import Normalized, normalize
from .arithmetic import date_growth_by_arithmetic, ps_by_arithmetic
from .context import build_context
from .entities import build_registry, indices, known_listings, untracked, written_ids
from .events import read_events
from .reader import Reader
from .records import Draft, Miss
from .tables import read_tables
from .tokens import AMOUNT, DATE, ENTITY, PERIOD, TICKER, build_stream

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
#: a time of day (tried where a run of digits is followed by a colon)
_TIME_OF_DAY = re.compile(r"(?<![\d:])[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?![\d:])")

__all__ = ["extract"]


def extract(text: str, doc: str = "", published: Optional[dt.date] = None) -> Extraction:
    """Every figure of ``text`` that the fact contract names, with its source.

    ``published`` (a date) resolves dates written without a year; without it the year is
    inferred from the article's own dates and periods, or the date is reported unplaced.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() wants a str, got {type(text).__name__}")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    if len(text) > CHUNK_CHARS:
        return _extract_chunked(text, doc, published)
    return _extract_one(text, doc, published)


#: Texts longer than this are read paragraph-block by paragraph-block (memory stays bounded).
CHUNK_CHARS = 400_000


def _chunks(text: str, size: int = CHUNK_CHARS):
    """(offset, piece) blocks of about ``size`` characters, cut after a line break when possible."""
    pos, n = 0, len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            cut = text.rfind("\n", pos + size // 2, end)
            if cut == -1:
                cut = max(text.rfind("。", pos + size // 2, end), text.rfind("，", pos + size // 2, end))
            if cut != -1:
                end = cut + 1
        yield pos, text[pos:end]
        pos = end


def _extract_chunked(text: str, doc: str, published: Optional[dt.date]) -> Extraction:
    facts, unplaced, entities = [], [], set()
    for offset, piece in _chunks(text):
        part = _extract_one(piece, doc, published)
        facts += [f.model_copy(update={"start": f.start + offset, "end": f.end + offset}) for f in part.facts]
        unplaced += [m.model_copy(update={"start": m.start + offset, "end": m.end + offset})
                     for m in part.unplaced]
        entities |= set(part.entities)
    return Extraction(doc=doc, facts=facts, unplaced=unplaced, entities=sorted(entities),
                      published=published)


def _extract_one(text: str, doc: str, published: Optional[dt.date]) -> Extraction:
    norm = normalize(text)
    t = norm.text
    registry = build_registry(t)
    stream = build_stream(t, registry, published)
    ctx = build_context(t, stream, registry, published)
    ev_drafts, ev_misses = read_events(ctx)
    tab_drafts, tab_misses, ctx.table_spans = read_tables(ctx)
    _table_listing_days(ctx, tab_drafts, ev_drafts, ev_misses)
    reader = Reader(ctx)
    reader.read()
    date_growth_by_arithmetic(reader.drafts)
    drafts = ev_drafts + tab_drafts + reader.drafts
    misses = ev_misses + tab_misses + reader.misses
    ps_by_arithmetic(t, drafts, misses)
    ids = written_ids([t.obj for t in stream.tokens if t.kind == ENTITY])
    facts, fact_spans = _facts(norm, doc, drafts, misses, ids)
    unplaced = _mentions(norm, doc, misses, stream, fact_spans, drafts)
    entities = sorted({f.entity for f in facts} | {ids.get(e, e) for e in ctx.entity_counts})
    return Extraction(doc=doc, facts=facts, unplaced=unplaced, entities=entities,
                      published=published)


def _table_listing_days(ctx, tab_drafts: list[Draft], ev_drafts: list[Draft], ev_misses: list[Miss]) -> None:
    """A table's listing days are the first days its companies' prose tells; and a company lists
    once, so the day a table writes wins over a headline's weekday (本周五新股挂牌…量衍医疗首日飙逾七成
    over | 量衍医疗 | 10月27日 |), which becomes an unplaced mention."""
    tabled: dict[str, set] = {}
    for d in tab_drafts:
        if d.metric == "listing_date":
            tabled.setdefault(d.entity, set()).add(d.value)
            if d.entity not in ctx.listing_dates:
                ctx.listing_dates[d.entity] = dt.date.fromisoformat(d.value)
    for d in [d for d in ev_drafts if d.metric == "listing_date" and d.rule in ("event-weekday", "event-today")
              and d.value not in tabled.get(d.entity, (d.value,))]:
        ev_drafts.remove(d)
        ev_misses.append(Miss(d.start, d.end, "not_a_fact", "a listing day the table writes otherwise", d.sent))
        ctx.listing_dates[d.entity] = dt.date.fromisoformat(min(tabled[d.entity]))


#: sentences longer than this (characters) are quoted around the figure, not whole
_MAX_QUOTE = 300


class _Quotes:
    """The original text of each sentence, computed once per sentence."""

    def __init__(self, norm: Normalized):
        self.norm = norm
        self.cache: dict = {}

    def starts(self, stream) -> list[int]:
        if "starts" not in self.cache:
            self.cache["starts"] = [sp.start for sp in stream.sentences]
        return self.cache["starts"]

    def __call__(self, sent, pos: int = -1, end: int = -1) -> str:
        if sent.end - sent.start > _MAX_QUOTE and pos >= 0:
            # a sentence without punctuation: quote the clause (or a window) around the figure
            text = self.norm.text
            lo = max(sent.start, pos - _MAX_QUOTE // 2)
            hi = min(sent.end, max(end, pos) + _MAX_QUOTE // 2)
            cut = max(text.rfind(c, lo, pos) for c in "，,；;：:")
            lo = cut + 1 if cut != -1 else lo
            cuts = [x for x in (text.find(c, max(end, pos), hi) for c in "，,；;：:") if x != -1]
            hi = min(cuts) + 1 if cuts else hi
            return _quote(self.norm, lo, hi)
        key = (sent.start, sent.end)
        q = self.cache.get(key)
        if q is None:
            q = self.cache[key] = _quote(self.norm, sent.start, sent.end)
        return q


# Facts and mentions are built from values the readers already checked against the vocabulary
# (tests/test_models.py re-validates every fact and mention of the seeds); skipping pydantic's
# validation here keeps extraction fast.
_fact = fast_constructor(Fact)
_mention = fast_constructor(Mention)


def _quote_at(quotes: "_Quotes", stream, pos: int) -> str:
    """The original sentence around normalized offset ``pos``."""
    starts = quotes.starts(stream)
    i = bisect_right(starts, pos) - 1
    return quotes(stream.sentences[i], pos, pos) if i >= 0 else ""


def _vkey(value) -> str:
    """A fact's value as a key: 38.60 and 38.6 are one figure (a table writes the first, prose the second)."""
    return str(value.normalize()) if isinstance(value, Decimal) else str(value)


def _quote(norm: Normalized, start: int, end: int) -> str:
    s, e = norm.span_to_original(start, end)
    return norm.original[s:e].strip()


def _facts(norm: Normalized, doc: str, drafts: list[Draft], misses: list[Miss],
           ids: Optional[dict[str, str]] = None):
    """One fact per (entity, metric, period, segment, value); a repetition becomes a
    ``duplicate`` mention that points at the first. ``ids`` renames entities as the article
    writes them (``entities.written_ids``). Returns the facts and the (normalized) spans they
    were taken from."""
    ids = ids or {}
    out: list[Fact] = []
    spans: set = set()
    quotes = _Quotes(norm)
    seen: dict = {}
    exact = _exact_values(drafts)
    dated = {(d.entity, d.metric, d.segment, _vkey(d.value)): d.start for d in drafts if d.period is not None}
    days = _body_days(norm.text, drafts)
    links = _link_lists(norm.text)
    # the listing days the article or the lexicon knows (a related headline's 首日 figure of that day
    # is a fact; dated by anything else it is another article's)
    listed = {e: d.isoformat() for e, d in known_listings().items()} if links else {}
    listed.update({d.entity: str(d.value) for d in drafts if links and d.metric == "listing_date"})
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start, d.metric)):
        if links and _inside(links, d.start) and not _dated_line(norm.text, d.start) \
                and not (d.period is not None and d.period == listed.get(d.entity)
                         and _first_day_line(norm.text, d.start)):
            # 相关阅读 / 延伸阅读: other articles' headlines, dated by nothing but this article
            misses.append(Miss(d.start, d.end, "not_a_fact", "a headline in a list of related links",
                               d.sent, d.value if not isinstance(d.value, str) else None, d.unit))
            continue
        other_day = _day_in_body(d, days, norm.text)
        if other_day is not None:
            # a headline's 恒指跌0.8% dated by the paper's day, the text's 恒指昨日…跌0.8%: one figure
            misses.append(Miss(d.start, d.end, "duplicate", f"{d.metric} stated with its day at "
                               f"{other_day}", d.sent,
                               d.value if not isinstance(d.value, str) else None, d.unit))
            continue
        if d.entity in untracked() and not (d.entity == "market" and d.metric == "turnover"):
            # 今年港股IPO集资额, 国企指数跌0.35%: the whole market's or an untracked index's figure,
            # no company's (reported, not a fact); the market's turnover of a day is market's
            misses.append(Miss(d.start, d.end, "not_a_fact", f"market-wide {d.metric}", d.sent,
                               d.value if not isinstance(d.value, str) else None, d.unit))
            continue
        if d.entity in indices() and d.metric not in _INDEX_METRICS:
            # 上周五（9月11日）…恒指收报…，两只年初上市的大模型股…: an index is never listed
            misses.append(Miss(d.start, d.end, "not_a_fact", f"an index has no {d.metric}", d.sent,
                               d.value if not isinstance(d.value, str) else None, d.unit))
            continue
        key = (d.entity, d.metric, d.period, d.segment, _vkey(d.value))
        if d.period is None and (d.entity, d.metric, d.segment, _vkey(d.value)) in dated:
            # a headline's 市销率逾300倍 and the text's 2024年市销率逾300倍: one figure, with its period
            misses.append(Miss(d.start, d.end, "duplicate", f"{d.metric} stated with its period at "
                               f"{dated[(d.entity, d.metric, d.segment, _vkey(d.value))]}", d.sent,
                               d.value if not isinstance(d.value, str) else None, d.unit))
            continue
        unmet = _unmet_bound(d, exact)
        if unmet is not None:
            # 拉升涨超7% in a headline, 收涨6.12% in the text: a peak of the session, not its close
            misses.append(Miss(d.start, d.end, "not_a_fact", f"a bound the day's {d.metric} at {unmet} "
                               "does not meet (intraday)", d.sent, d.value, d.unit))
            continue
        bound_of = None if d.metric in _BOUNDED_MOVES and d.qualifier != "exact" \
            else _bound_of(d, exact, norm.text)
        if bound_of is not None:
            # 首日收升逾一成 in a headline, 收升13.17% in the text: the exact figure is the fact
            misses.append(Miss(d.start, d.end, "duplicate", f"{d.metric} stated exactly at {bound_of}",
                               d.sent, d.value if not isinstance(d.value, str) else None, d.unit))
            continue
        kept.append(d)
    first = _first_statements(norm, kept)
    for d in kept:
        key = (d.entity, d.metric, d.period, d.segment, _vkey(d.value))
        chosen = first[key]
        if key in seen or chosen != (d.start, d.end):
            if (d.start, d.end) != chosen:
                misses.append(Miss(d.start, d.end, "duplicate",
                                   f"{d.metric} taken at {chosen[0]}", d.sent,
                                   d.value if not isinstance(d.value, str) else None, d.unit))
            continue
        seen[key] = (d.start, d.end)
        spans.add((d.start, d.end))
        s, e = norm.span_to_original(d.start, d.end)
        out.append(_fact(doc=doc, entity=ids.get(d.entity, d.entity), metric=d.metric, period=d.period,
                        segment=d.segment, value=d.value, unit=d.unit, qualifier=d.qualifier,
                        low=d.low, high=d.high, forecast=d.forecast, stated=True,
                        start=s, end=e, quote=quotes(d.sent, d.start, d.end),
                        cue=d.cue, rule=d.rule))
    return out, spans


#: the heading of a block of links to other articles, alone on its line
_LINKS_HEADING = re.compile(
    r"(?m)^[ \t]*[【\[]?(?:相关阅读|相关新闻|相关文章|相关报道|延伸阅读|推荐阅读|热门推荐|精彩推荐|热点推荐|"
    r"猜你喜欢|更多阅读|往期回顾|往期推荐|相关推荐|相关链接)[】\]]?[ \t]*[:：]?[ \t]*$")
#: how many lines a block of links runs, and how long each of them may be
_LINKS_LINES, _LINK_WIDTH = 20, 80


def _link_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the lines listed under a 相关阅读-style heading (up to a blank line): headlines of
    other articles, whose figures are not this article's."""
    out: list[tuple[int, int]] = []
    for m in _LINKS_HEADING.finditer(text):
        if out and m.start() < out[-1][1]:
            continue            # (a heading inside the block before: one block, the spans stay apart)
        pos = m.end() + 1
        end = pos
        for _ in range(_LINKS_LINES):
            hi = text.find("\n", pos, pos + _LINK_WIDTH + 1)
            line_end = hi if hi != -1 else (len(text) if len(text) - pos <= _LINK_WIDTH else -1)
            if line_end == -1 or not text[pos:line_end].strip():
                break
            end = line_end
            pos = line_end + 1
            if pos > len(text):
                break
        if end > m.end():
            out.append((m.end(), end))
    if "一篇" in text:
        # 上一篇：… / 下一篇：… (a link to the article before or after, one line each)
        out = sorted(out + [(m.start(), m.end()) for m in _PREV_NEXT_LINK.finditer(text)])
    return out


#: a link to the article before or after this one, on a line of its own
_PREV_NEXT_LINK = re.compile(r"(?m)^[ \t]*(?:上一篇|下一篇|上篇|下篇)[ \t]*[:：|｜][^\n]{0,80}")


#: a day written out (11月19日, 2026-11-19, 11/19)
_WRITTEN_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}/\d{1,2}")


def _link_line(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the (link) line around ``pos``, at most _LINK_WIDTH either side."""
    hi = text.find("\n", pos, pos + _LINK_WIDTH)
    return text.rfind("\n", max(0, pos - _LINK_WIDTH), pos) + 1, (hi if hi != -1 else pos + _LINK_WIDTH)


def _dated_line(text: str, pos: int) -> bool:
    """The (link) line around ``pos`` writes a day of its own."""
    return _WRITTEN_DAY.search(text, *_link_line(text, pos)) is not None


def _first_day_line(text: str, pos: int) -> bool:
    """The (link) line around ``pos`` is about a listing's first day (智谱上市首日收涨13.17%):
    dated by the listing, not by the article."""
    lo, hi = _link_line(text, pos)
    return "首日" in text[lo:hi]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` lies in one of ``spans`` (in text order, not overlapping)."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _is_day(period) -> bool:
    return isinstance(period, str) and len(period) == 10 and period[4] == "-"


def _body_days(text: str, drafts: list[Draft]) -> dict:
    """(entity, metric, segment, value) -> {day: start} of the trading figures the text dates."""
    out: dict = {}
    for d in drafts:
        if _is_day(d.period):
            out.setdefault((d.entity, d.metric, d.segment, _vkey(d.value)), {}).setdefault(d.period, d.start)
    return out


def _day_in_body(d: Draft, days: dict, text: str) -> Optional[int]:
    """Where the text states a headline's trading figure with another day (a next-morning story's
    headline 恒指跌0.8%, dated by the paper, and its text's 恒指昨日…跌0.8%); else None."""
    if not _is_day(d.period):
        return None
    others = days.get((d.entity, d.metric, d.segment, _vkey(d.value)), {})
    if len(others) < 2 or not _heading_line(text, d.start):
        return None
    return next((start for day, start in others.items()
                 if day != d.period and not _heading_line(text, start)), None)


#: a figure named as what another is compared with (较招股价165元高…): a repetition, not its statement
_COMPARED_WITH = re.compile(r"(?:较|比|相对于?|相比|对比)\s*(?:其|公司)?\s*(?:招股价|发行价|发售价|上市价|定价)\s*$")


#: a summary box's marker: a template slot (``{{article.summary}}``), a bracketed or labelled 摘要/导语
_SUMMARY_MARK = re.compile(
    r"\{\{[^{}\n]{0,40}?(?:summary|abstract|digest|lead|intro)[^{}\n]{0,20}\}\}|"
    r"【(?:摘要|导语|導語|核心提示|内容提要|內容提要)】|"
    r"^[ \t]*(?:摘要|导语|導語|核心提示|内容提要|內容提要)[:：]", re.IGNORECASE | re.MULTILINE)


def _in_summary(original: str, pos: int) -> bool:
    """``pos`` (in the original) stands in a summary box: on the line of a summary marker, after it,
    or on the line after a marker standing alone (bounded look-back: one line of 400 characters)."""
    lo = original.rfind("\n", max(0, pos - 400), pos)
    if lo == -1 and pos > 400:
        return False
    if _SUMMARY_MARK.search(original, lo + 1, pos):
        return True
    prev = original.rfind("\n", max(0, lo - 80), lo) if lo > 0 else -1
    return lo > 0 and _SUMMARY_MARK.fullmatch(original[prev + 1:lo].strip()) is not None


def _first_statements(norm: Normalized, drafts: list[Draft]) -> dict:
    """key -> (start, end) of the mention that states each fact: its first, unless that one only names
    the figure as what another is compared with and a later one states it (较招股价165元高… in a
    grey-market paragraph, 最终以…165元定价 after it), or stands in a summary box the body restates
    (``{{article.summary}}``, 导语：…)."""
    text = norm.text
    out: dict = {}
    compared: set = set()
    for d in sorted(drafts, key=lambda d: (d.start, d.metric)):
        key = (d.entity, d.metric, d.period, d.segment, _vkey(d.value))
        ref = _COMPARED_WITH.search(text, max(0, d.start - 8), d.start) is not None
        if key not in out or (key in compared and not ref):
            out[key] = (d.start, d.end)
            compared.discard(key)
            if ref or _in_summary(norm.original, norm.to_original(d.start)):
                compared.add(key)
    return out


#: at most this many different exact figures of one key are compared with a bound or a rounding
#: (a real article states a handful; an endless one must not make every bound scan them all)
_EXACT_PER_KEY = 64


def _exact_values(drafts: list[Draft]) -> dict:
    """(entity, metric, period, segment) -> [(value, start)] of the exactly stated figures, each
    value once (where it is first stated)."""
    seen: dict = {}
    for d in drafts:
        if d.qualifier == "exact" and not isinstance(d.value, str):
            values = seen.setdefault((d.entity, d.metric, d.period, d.segment), {})
            if d.value not in values and len(values) < _EXACT_PER_KEY:
                values[d.value] = d.start
    return {key: list(values.items()) for key, values in seen.items()}


#: metrics whose bound stays a fact of its own beside the exact figure it rounds: a session's move
#: told with 逾/超/近 in a headline (智谱高开逾4%, 股价跌超8%) and exactly in the text (高开4.12%);
#: a bare rounding (首日收升13% beside 13.17%) stays a duplicate
_BOUNDED_MOVES = frozenset(("day_change", "open_change"))

#: the figures an index has: a session's levels, moves and turnover
_INDEX_METRICS = frozenset(("open_price", "close_price", "high_price", "low_price", "last_price", "day_change",
                            "open_change", "turnover"))

#: how far an approximate figure may stand from an exact one and still be the same figure
_APPROX_TOLERANCE = Decimal("0.02")


def _heading_line(text: str, pos: int) -> bool:
    """``pos`` stands on a short line that ends without a full stop: a headline or a subheading."""
    lo = text.rfind("\n", max(0, pos - 48), pos)       # (bounded: a longer line is no heading)
    hi = text.find("\n", pos, pos + 48)
    if (lo == -1 and pos > 48) or (hi == -1 and len(text) > pos + 48):
        return False
    line = text[lo + 1:hi if hi != -1 else len(text)].strip()
    return len(line) <= 40 and not line.endswith(("。", "；", ";", "，", ","))


def _bound_of(d: Draft, exact: dict, text: str) -> Optional[int]:
    """Where the same figure is stated exactly, when ``d`` is only a bound or a rounding of it
    (逾一成 against 13.17%, 近580亿 against 579.8亿); else None."""
    if isinstance(d.value, str):
        return None
    if d.qualifier == "exact":
        # 智谱首日收升13% in a headline, 收升13.17% in the text: the figure rounded, stated again
        # (in the text itself, 营收3.12亿元 beside 3.124亿元 stays a figure of its own)
        if not _heading_line(text, d.start):
            return None
        return next((start for value, start in exact.get((d.entity, d.metric, d.period, d.segment), ())
                     if value != d.value and _rounded(value, d.value)), None)
    if d.qualifier not in ("approx", "at_least", "at_most"):
        return None
    for value, start in exact.get((d.entity, d.metric, d.period, d.segment), ()):
        if value == d.value:
            continue            # the same number twice: the first mention stays the fact
        same_sign = (value < 0) == (d.value < 0)
        if same_sign and (d.qualifier == "at_least" and abs(value) >= abs(d.value)
                          or d.qualifier == "at_most" and abs(value) <= abs(d.value)) \
                and _rounds_to(abs(value), abs(d.value), up=d.qualifier == "at_most"):
            # a bound counts in magnitude: 跌逾一成 is at least -10%; and it is the exact figure cut
            # to fewer digits (逾120% of 123.4%, 近580亿 of 579.8亿), not another figure below it
            # (公司预计超过13亿元 beside a broker's 14.2亿元)
            return start
        if d.qualifier == "approx" and value and abs(value - d.value) <= abs(value) * _APPROX_TOLERANCE \
                and not d.forecast:
            return start    # (a consensus of 约2.41亿美元 beside one broker's 2.38亿美元: two forecasts)
    return None


def _unmet_bound(d: Draft, exact: dict) -> Optional[int]:
    """Where the text states a day's change exactly, when ``d`` is a bound of the same day's change
    that figure does not meet (涨超7% beside 收涨6.12%: the bound was a peak within the session)."""
    if d.metric not in ("day_change", "open_change") or d.qualifier not in ("at_least", "at_most") \
            or isinstance(d.value, str):
        return None
    for value, start in exact.get((d.entity, d.metric, d.period, d.segment), ()):
        if (value < 0) == (d.value < 0) and (abs(value) < abs(d.value) if d.qualifier == "at_least"
                                              else abs(value) > abs(d.value)):
            return start
    return None


def _rounded(value: Decimal, short: Decimal) -> bool:
    """``short`` (of two or more significant digits) is ``value`` rounded to fewer digits: 13 of
    13.17, 5.3 of 5.29."""
    short = short.normalize()
    exp = short.as_tuple().exponent
    if len(short.as_tuple().digits) < 2 or value.normalize().as_tuple().exponent >= exp:
        return False
    return value.quantize(Decimal(1).scaleb(exp), rounding=ROUND_HALF_UP) == short


def _rounds_to(value: Decimal, bound: Decimal, up: bool) -> bool:
    """``bound`` is ``value`` cut (or, ``up``, raised) to its first one to six significant digits,
    or a round figure of one digit (逾百倍 beside 2,318.6倍: a threshold passed)."""
    if not value or not bound:
        return False
    if len(bound.normalize().as_tuple().digits) == 1:
        # (近20亿 is no bound of 2.08亿: a figure 近 a round one is near it)
        return not up or value * 2 >= bound
    top = value.adjusted()
    for k in range(1, 7):
        step = Decimal(1).scaleb(top - k + 1)
        q = (value / step).to_integral_value(rounding=ROUND_CEILING if up else ROUND_FLOOR) * step
        if q == bound:
            return True
    return False


_READ_KINDS = frozenset((AMOUNT, PERIOD, DATE, TICKER))


def _latin(ch: str) -> bool:
    """A Latin letter (the empty string is none), as ``lexicon.trie.latin_word_ok`` tests it."""
    return ch.isascii() and ch.isalpha()


def _mentions(norm: Normalized, doc: str, misses: list[Miss], stream, fact_spans: set,
              drafts: list[Draft]) -> list[Mention]:
    """Every number-bearing span that is not a fact: the readers' misses (with their reasons),
    amounts no rule reached, and digits no scanner read."""
    out: list[Mention] = []
    taken = {(d.start, d.end) for d in drafts}
    seen = set(fact_spans)
    quotes = _Quotes(norm)
    for m in sorted(misses, key=lambda m: m.start):
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        s, e = norm.span_to_original(m.start, m.end)
        out.append(_mention(doc=doc, text=norm.original[s:e], start=s, end=e, value=m.value,
                           unit=m.unit, reason=m.reason, detail=m.detail,
                           quote=quotes(m.sent, m.start, m.end)))
    # amounts no rule looked at (e.g. in sentences without a period or cue) are unplaced too
    spans = [(d.start, d.end) for d in drafts]
    amounts = []
    for t in stream.tokens:
        if t.kind in _READ_KINDS:
            spans.append((t.start, t.end))
            if t.kind == AMOUNT:
                amounts.append(t)
    for tok in amounts:
        key = (tok.start, tok.end)
        if key in taken or key in seen:
            continue
        seen.add(key)
        s, e = norm.span_to_original(tok.start, tok.end)
        out.append(_mention(doc=doc, text=norm.original[s:e], start=s, end=e, value=tok.obj.value,
                           unit=tok.obj.unit, reason="no_metric_cue", detail="not read",
                           quote=_quote_at(quotes, stream, tok.start)))
    # digits no scanner took (GLM-4.5, 18C章, ordinals, footnote marks): reported, never dropped
    spans.sort()
    starts = [s for s, _ in spans]
    reach = []          # reach[i]: the furthest end among spans[: i + 1]
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    text = norm.text
    pos = 0
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if start < pos:
            continue            # inside the time of day just reported
        if text.startswith(":", end):
            m = _TIME_OF_DAY.match(text, start) or m
            start, end = m.span()
        pos = end
        i = bisect_right(starts, start) - 1
        if i >= 0 and reach[i] > start:
            continue
        s, e = norm.span_to_original(start, end)
        named = _latin(text[end:end + 1]) or _latin(text[start - 1:start]) or (
            text[start - 1:start] in ("-", ".") and _latin(text[start - 2:start - 1]))
        out.append(_mention(doc=doc, text=norm.original[s:e], start=s, end=e, value=None, unit=None,
                           reason="identifier" if named else "not_a_figure",
                           detail="a number inside a name" if named else
                           "a time of day" if ":" in m.group() else "a number no scanner read",
                           quote=_quote_at(quotes, stream, start)))
    out.sort(key=lambda m: m.start)
    return out
