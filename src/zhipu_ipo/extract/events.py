"""IPO events with a date (listing, start and end of the subscription) and tickers.

A date becomes an event when its sentence names one (挂牌上市, 启动招股, 结束招股, 招股期 …);
the event word nearest to the date wins, and filing words (递表, 聆讯, 上市申请) or a grey-
market trade (暗盘) mean the date is not an event of the contract. A date written without a
year takes the year the document's context gives (``DocContext.resolve_year``), or is
reported as unplaced.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from .context import DocContext
from .reader import Draft, Miss
from .sentences import Span
from .tokens import CUE, DATE, ENTITY, TICKER, Tok

_EVENT = {"listing": "listing_date", "sub_start": "subscription_start", "sub_end": "subscription_end"}
_BLOCKING = ("filing", "notfact")
# a listing word that is not the listing itself: 上市前, 上市后, 上市以来
_NOT_EVENT_AFTER = re.compile(r"^(?:前|后|之前|之后|以来|以后|初期|计划|进程|公司|标准|门槛|规则|新规|政策|申请|地位|企业|之路|潮)")
_UNTIL = re.compile(r"(?:持续至|截至|直至|至|到)\s*$")


def _date_value(ctx: DocContext, d, end: bool = False) -> Optional[dt.date]:
    if end:
        if getattr(d, "end_date", None) is not None:
            return d.end_date
        m, day = getattr(d, "end_month", None), getattr(d, "end_day", None)
        if m and day:
            return ctx.resolve_year(m, day)
        return None
    if d.date is not None:
        return d.date
    if d.month and d.day:
        return ctx.resolve_year(d.month, d.day)
    return None


def _is_range(d) -> bool:
    return getattr(d, "end_date", None) is not None or bool(getattr(d, "end_day", None))


@dataclass(frozen=True)
class _DayOnly:
    """``将于9日上市``: a day of the month last named (the month and year come from context)."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: Optional[int] = None
    date: Optional[dt.date] = None
    dateline: bool = False


_DAY_ONLY = re.compile(r"(?:于|在|定于|将于|计划于|预计于|预期于|拟于)(\d{1,2})日")


def _day_only_dates(text: str, sent: Span, last_month: Optional[int], taken: list[Tok]) -> list[Tok]:
    if last_month is None:
        return []
    out = []
    for m in _DAY_ONLY.finditer(text, sent.start, sent.end):
        s, e = m.start(1), m.end()
        if any(t.start <= s < t.end for t in taken) or text[s - 1:s] == "月":
            continue
        day = int(m.group(1))
        if 1 <= day <= 31:
            out.append(Tok(DATE, s, e, _DayOnly(s, e, m.group()[m.start(1) - m.start():], last_month, day)))
    return out


def read_events(ctx: DocContext) -> tuple[list[Draft], list[Miss]]:
    drafts: list[Draft] = []
    misses: list[Miss] = []
    text = ctx.text
    last_month: Optional[int] = None
    for sent in ctx.stream.sentences:
        toks = ctx.stream.in_span(sent.start, sent.end)
        dates = [t for t in toks if t.kind == DATE]
        if "日" in text[sent.start:sent.end]:
            extra = _day_only_dates(text, sent, last_month, dates)
            if extra:
                dates = sorted(dates + extra, key=lambda t: t.start)
        for t in dates:
            if getattr(t.obj, "month", None):
                last_month = t.obj.month
        tickers = [t for t in toks if t.kind == TICKER]
        if not dates and not tickers:
            continue
        cues = [t for t in toks if t.kind == CUE and t.obj.kind == "ctx"]
        ents = [t for t in toks if t.kind == ENTITY]
        if tickers:
            _tickers(ctx, sent, tickers, cues, ents, drafts, misses)
        if dates:
            _dates(ctx, sent, dates, cues, ents, drafts, misses)
    for d in drafts:
        if d.metric == "listing_date" and d.entity not in ctx.listing_dates:
            ctx.listing_dates[d.entity] = dt.date.fromisoformat(d.value)
    return drafts, misses


def _entity_at(ctx: DocContext, ents: list[Tok], pos: int, sent: Span) -> Optional[str]:
    """The company a sentence-level event is about: the first named in the sentence, else the main one."""
    if ents:
        return ents[0].obj.entity
    return ctx.main_entity


def _tickers(ctx, sent, tickers, cues, ents, drafts, misses) -> None:
    text = ctx.text
    for t in tickers:
        ent, ticker = t.obj
        if not ent:
            before = [e for e in ents if e.end <= t.start]
            ent = before[-1].obj.entity if before else _entity_at(ctx, ents, t.start, sent)
        clause_lo = max(text.rfind("，", sent.start, t.start), text.rfind(",", sent.start, t.start), sent.start)
        clause_hi = min([x for x in (text.find("，", t.end, sent.end), text.find(",", t.end, sent.end)) if x != -1]
                        or [sent.end])
        near = [c for c in cues if clause_lo - 30 <= c.start <= clause_hi + 30 and c.obj.value in
                ("listing", "ipo", "filing", "sub_start", "sub_end", "sub_period", "first_day")]
        known = ent in ctx.registry.aliases.values()
        if not ent or not (near or known):
            misses.append(Miss(t.start, t.end, "not_a_fact", "ticker of a company mentioned in passing", sent))
            continue
        drafts.append(Draft(entity=ent, metric="ticker", period=None, segment=None, value=ticker,
                            unit="text", qualifier="exact", start=t.start, end=t.end, sent=sent,
                            cue="ticker", rule="ticker"))


def _dates(ctx, sent, dates, cues, ents, drafts, misses) -> None:
    text = ctx.text
    events = []
    for c in cues:
        v = c.obj.value
        if v in _EVENT or v in ("sub_period",) or v in _BLOCKING:
            if v == "listing" and _NOT_EVENT_AFTER.match(text[c.end:c.end + 4]):
                continue
            events.append(c)
    # an entity enumeration mapped to a date enumeration: 分别于1月8日、1月9日敲锣
    each = any(c.obj.value == "each" for c in cues)
    ent_names = []
    for e in ents:
        if e.obj.entity not in ent_names:
            ent_names.append(e.obj.entity)
    for k, t in enumerate(dates):
        d = t.obj
        if getattr(d, "dateline", False):
            continue
        if d.month is None or d.day is None:
            continue
        when = _date_value(ctx, d)
        ev = _nearest_event(text, t, events, sent)
        if ev is None:
            misses.append(Miss(t.start, t.end, "no_metric_cue", "a date with no IPO event", sent))
            continue
        kind = ev.obj.value
        if kind in _BLOCKING:
            misses.append(Miss(t.start, t.end, "not_a_fact", f"date of a {kind} event", sent))
            continue
        if when is None:
            misses.append(Miss(t.start, t.end, "no_year", "date without a year", sent))
            continue
        if each and len(ent_names) == len(dates) and len(dates) > 1:
            ent = ent_names[k]
        else:
            before = [e for e in ents if e.end <= max(t.start, ev.start)]
            ent = before[-1].obj.entity if before else _entity_at(ctx, ents, t.start, sent)
        if not ent:
            misses.append(Miss(t.start, t.end, "no_entity", "event date", sent))
            continue
        forecast = any(c.obj.value == "forecast" and c.start < t.end + 6 for c in cues)
        if kind == "sub_period":
            if _is_range(d):
                end = _date_value(ctx, d, end=True)
                drafts.append(_draft(ent, "subscription_start", when, t, sent, ev, forecast))
                if end is not None:
                    drafts.append(_draft(ent, "subscription_end", end, t, sent, ev, forecast))
                continue
            if _UNTIL.search(text[max(sent.start, t.start - 4):t.start]):
                drafts.append(_draft(ent, "subscription_end", when, t, sent, ev, forecast))
                continue
            misses.append(Miss(t.start, t.end, "no_metric_cue", "date in a subscription period", sent))
            continue
        drafts.append(_draft(ent, _EVENT[kind], when, t, sent, ev, forecast))


def _nearest_event(text: str, t: Tok, events: list[Tok], sent: Span) -> Optional[Tok]:
    """The event word closest to the date in its sentence (a word in the date's clause first)."""
    if not events:
        return None
    def distance(c: Tok) -> int:
        if c.start >= t.end:
            gap = text[t.end:c.start]
            d = c.start - t.end
        else:
            gap = text[c.end:t.start]
            d = t.start - c.end + 2
        # another date between the word and this date: the word is that date's
        return d + (1000 if re.search(r"\d+月\d+日", gap) else 0)
    return min(events, key=distance)


def _draft(ent, metric, when: dt.date, t: Tok, sent: Span, ev: Tok, forecast: bool) -> Draft:
    return Draft(entity=ent, metric=metric, period=None, segment=None, value=when.isoformat(),
                 unit="date", qualifier="exact", start=t.start, end=t.end, sent=sent,
                 forecast=forecast, cue=ev.obj.word, rule="event-date")
