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
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass
from typing import Optional

from .context import DAY_OFFSETS, DocContext, counted_companies, relative_day, year_hint
from .entities import bystanders, indices, known_listings
from .records import Draft, Miss
from .sentences import Span, short_line
from ..normalization import small_int
from .rules import GROUP_COUNT, INDEFINITE_SUBJECT, LOOK, WEEKDAY, weekday_index
from .tokens import CUE, DATE, ENTITY, PERIOD, TICKER, Tok

_EVENT = {"listing": "listing_date", "sub_start": "subscription_start", "sub_end": "subscription_end"}
#: 今日 / 昨日 / 明日 relative to the article's own day
_BLOCKING = ("filing", "notfact", "pricing", "allotment", "notlisting", "second_day", "cutoff")
# a listing word that is not the listing itself: 上市前, 上市后, 上市以来, 由上市至上周五
_NOT_EVENT_AFTER = re.compile(r"^(?:港股|港交所|香港|主板|A股|美股)?(?:前|后|之前|之后|以来|以后|(?:至|到|迄)(?!今|现在|目前|如今)|初期|不足|未满|未够|未足|不到|计划|进程|公司|标准|门槛|规则|新规|政策|申请|地位|企业|之路|潮|流通"
                              r"|的(?:\d+|[一二两三四五六七八九十几多]+)[只家个]|的新股"     # 8月上市的9只新股
                              r"|(?:刚好|刚刚|正好|恰好|已经|已|才|仅|只)?满?(?:[一二两三四五六七八九十1-9]{1,2}|半)?(?:周年|年|个月|百日|百天)"
                              r"|(?:了|已|才|仅|只|刚|不过)?(?:[一二两三四五六七八九十几\d]{1,3}|半)(?:个多|多个|个)?(?:周年|年|月|周|天|日)(?![\d份]))")           # 上市满一周年
#: between a date and the listing word when the date is when the company listed
_DATE_THEN_LISTING = re.compile(r"\s*(?:在|于)\s*(?:港股|港交所|香港|联交所|主板|港交所主板|港)?\s*|\s*(?:在|于)?\s*(?:港股|港交所|香港|联交所|港交所主板)\s*"
                                # (1月9日以每股165港元挂牌港交所后: the price it listed at in between)
                                r"|\s*以\s*(?:每股)?\s*[0-9]{1,5}(?:\.[0-9]{1,3})?\s*(?:港元|港币|元)(?:的(?:价格|发行价|招股价))?"
                                r"\s*(?:在|于)?\s*(?:港股|港交所|香港|联交所|主板|港交所主板)?\s*")
_UNTIL = re.compile(r"(?:持续至|截至|直至|至|到)\s*$")
#: 同日/同一天 right before a listing word: the day of the listing just told
_SAME_DAY_BEFORE = re.compile(r"(?:同日|同一日|同一天|同天)\s*$")
#: words of an offer, which 收官 must have beside it to end one
_OFFER_WORDS = re.compile(r"招股|认购|申购|公开发售|孖展|国际配售")
#: from today to the last day of an offer, then 招股 (起至1月6日中午招股)
_FROM_UNTIL_OFFER = re.compile(r"起\s*(?:至|到|直至)[^，,。；;]{2,24}?招股")
#: from the last day of an offer to its 招股 (至1月6日中午招股)
_UNTIL_THEN_OFFER = re.compile(r"\s*(?:[(（][^()（）]{1,4}[)）])?\s*(?:上午|中午|正午|下午|午间|晚上)?\s*(?:\d{1,2}[:：]\d{2}|\d{1,2}时)?\s*(?:止|为止)?\s*(?:进行|公开)?\s*")


def _date_value(ctx: DocContext, d, end: bool = False) -> Optional[dt.date]:
    hint = year_hint(ctx.text, d.start)
    if end:
        if getattr(d, "end_date", None) is not None:
            return d.end_date
        m, day = getattr(d, "end_month", None), getattr(d, "end_day", None)
        if m and day:
            start = _date_value(ctx, d)
            end_date = ctx.resolve_year(m, day, hint=hint)
            if start is not None and end_date is not None and end_date < start:
                try:
                    end_date = end_date.replace(year=end_date.year + 1)
                except ValueError:
                    return None
            return end_date
        return None
    if d.date is not None:
        return d.date
    rel = getattr(d, "relative", None)
    if rel is not None:
        # 今日(8日): the article's own day, when the day written agrees with it; 上月31日
        return relative_day(ctx.today, rel, d.day)
    if d.month and d.day:
        return ctx.resolve_year(d.month, d.day, hint=hint)
    return None


def _is_range(d) -> bool:
    return getattr(d, "end_date", None) is not None or bool(getattr(d, "end_day", None))


def read_events(ctx: DocContext) -> tuple[list[Draft], list[Miss]]:
    drafts: list[Draft] = []
    misses: list[Miss] = []
    weekdays = deque(_weekdays(ctx))
    named_before: list[str] = []        # the companies of the last sentence naming several
    listed_before: list[str] = []       # …and of the last such sentence about their listing
    by_sentence = ctx.stream.by_sentence()
    for i, (sent, toks) in enumerate(zip(ctx.stream.sentences, by_sentence)):
        ctx.cursor = sent.start
        dates, tickers, cues = [], [], []
        days = []
        named: list[str] = []
        offer_words: Optional[bool] = None
        same_day: Optional[Tok] = None
        while weekdays and weekdays[0][0].start < sent.end:
            tok, day = weekdays.popleft()
            if tok.start >= sent.start:
                days.append((tok, day))
        todays = bool(days)
        for t in toks:
            k = t.kind
            if k == DATE:
                dates.append(t)
            elif k == TICKER:
                tickers.append(t)
            elif k == CUE and t.obj.kind == "ctx":
                if t.obj.word.endswith("收官"):
                    if offer_words is None:     # (once per sentence: linear)
                        offer_words = _OFFER_WORDS.search(ctx.text, sent.start, sent.end) is not None
                    if not offer_words:
                        continue    # 港股IPO市场在今天收官: a year ends, no offer
                cues.append(t)
                todays = todays or t.obj.value in DAY_OFFSETS
                if t.obj.value == "listing" and _SAME_DAY_BEFORE.search(ctx.text, max(0, t.start - 3), t.start):
                    same_day = t
            elif k == ENTITY and t.obj.entity not in named and t.obj.entity not in indices():
                named.append(t.obj.entity)      # (an index lists no company: 追踪恒生科技指数的ETF)
        before, named_before = named_before, (named if len(named) >= 2 else named_before)
        listed, listed_before = listed_before, (named if len(named) >= 2 and any(
            c.obj.value in ("listing", "first_day") for c in cues) else listed_before)
        if not dates and not tickers and not todays and same_day is None:
            continue
        all_ents = [t for t in toks if t.kind == ENTITY]
        # (A(02788)与B(02795)先后于6日及9日: B joined to the name before it is a subject too)
        ents = [t for i, t in enumerate(all_ents) if not _compared_company(ctx.text, t)
                or (i and _AND.fullmatch(ctx.text, all_ents[i - 1].end, t.start))]
        if tickers:
            _tickers(ctx, sent, tickers, cues, ents, drafts, misses)
        if dates and not listed and not ents and _COUNTED_STOCKS.search(ctx.text, sent.start, sent.end):
            # 上周一(11月2日)，两家…同日挂牌。A(2971)…；B(2986)…: the companies the paragraph
            # goes on to name
            listed = _named_after(ctx, i, by_sentence)
        if dates:
            _dates(ctx, sent, dates, cues, ents, drafts, misses, before, listed)
        if todays:
            _today_events(ctx, sent, cues, ents, drafts, days, listed)
        if same_day is not None and not dates and not todays:
            _same_day_listing(ctx, sent, same_day, ents, drafts)
    ctx.cursor = 0
    drafts = _known_listing_days(ctx, drafts)
    drafts = _relative_dated_otherwise(drafts, misses)
    for d in drafts:
        if d.metric == "listing_date" and d.entity not in ctx.listing_dates:
            ctx.listing_dates[d.entity] = dt.date.fromisoformat(d.value)
        if d.metric == "listing_date" and ctx.today is not None and \
                ctx.today - dt.date.fromisoformat(d.value) == dt.timedelta(days=1) and \
                re.search(r"昨日|昨天", ctx.text[max(0, d.start - 4):d.end]):
            ctx.listed_yesterday.add(d.entity)    # 昨日(11月6日)登陆…: the story of that first day
        if d.metric == "listing_date" and not d.forecast:
            ctx.listing_events.append((d.sent.end, dt.date.fromisoformat(d.value), d.entity))
    # an article that mentions a first day long before its own time is not about that day
    ref = ctx.today or ctx.reference
    if ctx.first_day_article and ref is not None and ctx.listing_dates:
        ctx.first_day_article = any(abs((day - ref).days) <= 45 for day in ctx.listing_dates.values())
    return drafts, misses


def _elliptic_listing(text: str, sent, t, ents: list, events: list) -> Optional[tuple[str, Tok]]:
    """The company of a list item "name + date" (…；萬象機器人9月18日；…) after an item of the same
    sentence that told a listing (A7月17日上市；), and that listing word: the item's date is its
    listing day. None where the item is more."""
    semi = max(text.rfind(";", sent.start, t.start), text.rfind("；", sent.start, t.start))
    told = next((c for c in events if c.obj.value in ("listing", "first_day") and c.end <= semi), None)
    if semi == -1 or told is None:
        return None
    if not _ITEM_END.match(text, t.end):
        return None
    name = next((e for e in ents if e.start >= semi and e.end <= t.start), None)
    if name is None or text[semi + 1:name.start].strip() or not _ITEM_GAP.fullmatch(text, name.end, t.start):
        return None
    return name.obj.entity, told


def _dated_company(text: str, ents: list, date_start: int) -> Optional[str]:
    """The company written right before ``于``/``在`` and the date (MiniMax于1月9日, 澄岳科技(02788)于…)."""
    k = bisect_right(ents, date_start, key=_end)
    if k and _OWN_DAY_GAP.fullmatch(text, ents[k - 1].end, date_start):
        return ents[k - 1].obj.entity
    return None


#: between a company and its own day: (02788)于, 则于, 在
_NAME_PAREN = r"(?:[(（][^()（）]{0,16}[)）])?"       # a company's code or short name after it
_OWN_DAY_GAP = re.compile(r"\s*" + _NAME_PAREN + r"\s*(?:则|亦|也)?(?:于|在)\s*")
#: between a company's day and the next company's (智谱于1月8日、MiniMax于1月9日): a joiner, a name, 于
_PAIRED_NEXT = re.compile(r"\s*[、，,]?\s*(?:及|和|与|而)?\s*[^，,。；;\d\n()（）]{1,20}?" + _NAME_PAREN + r"\s*(?:于|在)\s*")
#: between a list item's company and its day (萬象機器人9月18日, 芯瀚科技係9月29日)
_ITEM_GAP = re.compile(r"\s*(?:[(（][^()（）]{0,12}[)）])?\s*(?:系|是|于|在|喺|就系)?\s*")
#: the end of a list item right after its day
_ITEM_END = re.compile(r"\s*(?:[(（][^()（）]{0,8}[)）])?\s*(?:[;；。]|$)")


def _relative_dated_otherwise(drafts: list[Draft], misses: list[Miss]) -> list[Draft]:
    """A day told by a word (下周一掛牌, 今起招股) where the text writes another date for the same
    company's same event (並於11月30日在港交所主板掛牌): the date written is the fact; the word's
    day goes to the misses."""
    written = {(d.entity, d.metric) for d in drafts if d.rule == "event-date"}
    if not written:
        return drafts
    values = {(d.entity, d.metric, d.value) for d in drafts if d.rule == "event-date"}
    out = []
    for d in drafts:
        if d.rule in ("event-weekday", "event-today") and (d.entity, d.metric) in written \
                and (d.entity, d.metric, d.value) not in values:
            misses.append(Miss(d.start, d.end, "not_a_fact", f"{d.metric} the text dates otherwise", d.sent))
            continue
        out.append(d)
    return out


def _known_listing_days(ctx: DocContext, drafts: list[Draft]) -> list[Draft]:
    """A company lists once: a listing day that is not the known one of the company it was given
    to (MiniMax暗盘升幅较智谱为大…，今日首日表现值得留意, written on MiniMax's day) belongs to
    the other company of the sentence whose known day it is."""
    known = known_listings()
    out = []
    by_sentence: dict = {}      # (the known days of the sentence's companies, once per sentence)
    for d in drafts:
        day = known.get(d.entity)
        if d.metric != "listing_date" or day is None or d.value == day.isoformat() or d.forecast:
            out.append(d)
            continue
        if d.sent not in by_sentence:
            by_sentence[d.sent] = {(t.obj.entity, known[t.obj.entity].isoformat())
                                   for t in ctx.stream.in_span(d.sent.start, d.sent.end)
                                   if t.kind == ENTITY and t.obj.entity in known}
        others = {e for e, v in by_sentence[d.sent] if v == d.value}
        if len(others) >= 2:
            continue        # (智谱与天数智芯将于8日同日挂牌；MiniMax则排在9日: the day of those two)
        if len(others) == 1:
            d.entity = others.pop()
            if any(o.entity == d.entity and o.metric == d.metric and o.value == d.value for o in out):
                continue
        out.append(d)
    return out


#: a price move right after a ticker (腾讯(00700)收报568.5元, 美团-W(03690)逆市升0.8%): a market wrap
#: quotes the company, so its ticker is a fact even for a company otherwise named in passing
_TRADES_AFTER = re.compile(r"[)）]?\s*(?:股价)?\s*(?:则|亦|也|同样|同日)?\s*(?:今日|昨日|全日|早盘|午后)?\s*(?:逆市|逆势)?\s*"
                           r"(?:收报|收市|收盘|收于|收|报|(?:急|大|狂|飙|暴|劲|微|再)?(?:升|跌|涨)|下跌|上涨|上升|下挫|高开|低开|持平)"
                           # (宁川芯材(02795)，招股价9.5元: the terms of its own offer)
                           r"|[)）]\s*[，,]?\s*(?:其|每股)?(?:招股价|发行价|发售价|定价|集资|募资)"
                           # (翔云航空（09676.HK）截至6月末现金…, 上半年净亏损…: its own results)
                           r"|[)）]\s*[，,]?\s*(?:截至[^，,。；;、\n()（）]{0,8}?|(?:今年|去年)?(?:上半年|下半年|前三季度?)"
                           r"|20[0-9]{2}年(?:上半年|下半年|前三季度?|全年)?)\s*"
                           r"(?:现金|收入|营收|净亏损|经调整净亏损|净利润|纯利|毛利率|研发开支|研发费用|研发投入)")


#: a company an event is timed against, not the one it is about: 与智谱前后脚上市, 比MiniMax早一天
_COMPARED_BEFORE = re.compile(r"(?:与|和|跟|同|比|较)\s*$")
_COMPARED_AFTER = re.compile(r"\s*(?:[(（][^()（）]{1,12}[)）])?\s*(?:前后脚|先后|一前一后|相隔|相差|早一|晚一|早两|晚两|早[一二两三1-3]?[天日周]|晚[一二两三1-3]?[天日周])")


def _compared_company(text: str, t: Tok) -> bool:
    return bool(_COMPARED_BEFORE.search(text, max(0, t.start - 2), t.start)
                and _COMPARED_AFTER.match(text, t.end))


def _entity_at(ctx: DocContext, ents: list[Tok], pos: int, sent: Span) -> Optional[str]:
    """The company a sentence-level event is about: the first named in the sentence, else the
    last one named earlier in the same paragraph, else the main one."""
    if ents:
        return ents[0].obj.entity
    if INDEFINITE_SUBJECT.match(ctx.text, sent.start):
        return None         # 一家内地AI软件公司今日起招股: a company the article does not name
    par_start = ctx.text.rfind("\n", 0, sent.start) + 1
    earlier = [t for t in ctx.stream.in_span(par_start, sent.start)
               if t.kind == ENTITY and t.obj.entity not in bystanders() and t.obj.entity not in indices()]
    if earlier:
        return earlier[-1].obj.entity
    # a line of a card under a heading that names one company (—— 天数智芯 ——\n股票代码\n09903.HK)
    for t in reversed(ctx.stream.in_span(max(0, sent.start - _HEADING_LOOK), sent.start)):
        if t.kind == ENTITY and t.obj.entity not in bystanders():
            line_start = ctx.text.rfind("\n", 0, t.start) + 1
            line_end = ctx.text.find("\n", t.end)
            if (line_end if line_end != -1 else len(ctx.text)) - line_start <= 24:
                return t.obj.entity
            break
    return ctx.main_entity


#: how far back a company heading may stand above a line that names no company
_HEADING_LOOK = 240


def _tickers(ctx, sent, tickers, cues, ents, drafts, misses) -> None:
    text = ctx.text
    ent_ends = [e.end for e in ents]
    ent_starts = [e.start for e in ents]
    cue_starts = [c.start for c in cues]        # (cues are in text order)
    for t in tickers:
        ent, ticker = t.obj
        if not ent:
            k = bisect_right(ent_ends, t.start) - 1
            j = bisect_left(ent_starts, t.end)
            if not (k >= 0 and _CLASS_GAP.fullmatch(text, ents[k].end, t.start)) and j < len(ents) \
                    and not text[t.end:ents[j].start].strip():
                # 相关股票:02513.HK 智谱 +3.1% 00100.HK MINIMAX-WP: the code, then its name (unless a
                # name stands right before it: 商汤-W 00020.HK  智谱 02513.HK)
                ent = ents[j].obj.entity
            else:
                k = bisect_right(ent_ends, t.start) - 1       # the company named last before it
                ent = ents[k].obj.entity if k >= 0 else _entity_at(ctx, ents, t.start, sent)
        lo, hi = max(sent.start, t.start - 120), min(sent.end, t.end + 120)
        clause_lo = max(text.rfind("，", lo, t.start), text.rfind(",", lo, t.start), lo)
        clause_hi = min([x for x in (text.find("，", t.end, hi), text.find(",", t.end, hi)) if x != -1]
                        or [hi])
        near = [c for c in cues[bisect_left(cue_starts, clause_lo - 30):bisect_right(cue_starts, clause_hi + 30)]
                if c.obj.value in ("listing", "ipo", "filing", "sub_start", "sub_end", "sub_period", "first_day")]
        known = (ent in ctx.registry.aliases.values() and ent not in bystanders()) or ent == ctx.main_entity \
            or _TRADES_AFTER.match(text, t.end) is not None or _heading_line(text, t.start, t.end) \
            or _row_head(text, t.start, t.end) or _TITLE_AFTER.match(text, t.end) is not None \
            or _RESPECTIVE_AFTER.match(text, t.end, sent.end) is not None \
            or (ent not in bystanders() and ctx.entity_counts.get(ent, 0) >= 3)   # (named again and again)
        if not ent or not (near or known):
            misses.append(Miss(t.start, t.end, "not_a_fact", "ticker of a company mentioned in passing", sent))
            continue
        drafts.append(Draft(entity=ent, metric="ticker", period=None, segment=None, value=ticker,
                            unit="text", qualifier="exact", start=t.start, end=t.end, sent=sent,
                            cue="ticker", rule="ticker"))


#: a day word right before an event word: 昨日首日, 明日上市
_OTHER_DAY_BEFORE = re.compile(r"(?:昨日|昨天|前日|前天|明日|明天|翌日|次日)\s*$")
#: the date of a wire's dateline (某某社1月9日电，…): when the story was filed, not an event's day
_WIRE_DATELINE = re.compile(r"\s*(?:电|专电|讯|消息)\s*[，,:：(（]")
#: the companies of a list, then their figures one each (甲(02615)、乙(02705)及丙(02762)上半年收入分别为…):
#: each code is of a subject of the article, not of a company named in passing
_RESPECTIVE_AFTER = re.compile(r"[^。；;！!？?\n]*?分别")
#: 2. 岚图智算(02871.HK):增速放缓 — the code of an item's title, before its colon
_TITLE_AFTER = re.compile(r"[)）]\s*[:：]")


def _row_head(text: str, start: int, end: int) -> bool:
    """The code ends the first cell of a table row (岚图智算(02871.HK)|12.30亿元|…, or a row aligned
    by spaces or a tab): the row's company."""
    lo = max(0, start - 25)
    line_start = text.rfind("\n", lo, start) + 1
    if line_start == 0 and lo > 0:
        return False
    head = text[line_start:start].lstrip(" \t\u3000|｜")        # (| 岚图智算(02871.HK) | …: the outer pipe)
    return re.match(r"[)）]?(?:\s*[|｜]|[ \u3000]{2}|\t)", text[end:end + 3]) is not None \
        and not re.search(r"[|｜]|[ \u3000]{2}|\t", head)


def _heading_line(text: str, start: int, end: int) -> bool:
    """The code stands on a short line of its own with its name (【栖川科技(02871.HK)】): a heading."""
    return short_line(text, start, end, 24)


#: a row of a pipe table (its head when it names no company)
_TABLE_HEAD_ROW = re.compile(r"[ \t]*[|｜][^|｜\n]*[|｜][^|｜\n]*[|｜]")
#: between a name and its code on a quote line: 商汤-W 00020.HK
_CLASS_GAP = re.compile(r"(?:-[A-Z]{1,3})?\s*")
#: asides that do not count in the distance from a date to its event word: （星期五）, (周一),
#: a stock code (02788)
_WEEKDAY_PAREN = r"[(（](?:上|本|这)?(?:星期|周|礼拜)[一二三四五六日天][)）]"
_ASIDE = re.compile(_WEEKDAY_PAREN + r"|[(（](?:HK[:：]?)?\d{4,5}(?:\.HK)?[)）]")
_DATE_SEP = re.compile(r"^\s*(?:、|和|及|与)\s*$")
#: an event word further than this from its date (in characters) is not the date's event
_MAX_GAP = 30


def _groups(text: str, dates: list[Tok]) -> list[list[Tok]]:
    """Dates written as an enumeration (1月8日、1月9日) form one group."""
    groups: list[list[Tok]] = []
    for t in dates:
        if groups and _DATE_SEP.match(text[groups[-1][-1].end:t.start]) and not _is_range(t.obj) \
                and not _is_range(groups[-1][-1].obj):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


#: between the two dates of a range: 至, maybe after the first day's weekday and hour
#: (2026年3月10日(星期二)上午九时正至2026年3月13日)
_RANGE_LINK = re.compile(r"^\s*(?:" + _WEEKDAY_PAREN + r")?\s*"
                         r"(?:(?:上午|下午|中午|早上|晚上)?\s*[\d一二三四五六七八九十]{1,3}\s*(?:时正|时|点)"
                         r"(?:[\d一二三四五六七八九十]{1,3}分)?)?\s*[)）]?\s*(?:起)?\s*(?:至|到|-|~|直至)\s*"
                         r"(?:(?:周|星期|礼拜)[一二三四五六日天]\s*[(（])?\s*(?:今年|明年|次年|翌年)?\s*$")
# (…起至周四(7日); 由去年12月30日至今年1月5日)


@dataclass(frozen=True)
class _Range:
    """Two dates written as a range around other words: 今日(12月1日)起至12月4日."""

    start: int
    end: int
    text: str
    month: int
    day: int
    date: Optional[dt.date]
    end_month: int
    end_day: int
    end_date: Optional[dt.date]
    dateline: bool = False
    relative: Optional[str] = None      # 今日(3日)起至2月6日: the first day is the article's day


def _pair_ranges(text: str, dates: list[Tok]) -> list[Tok]:
    out: list[Tok] = []
    for t in dates:
        prev = out[-1] if out else None
        if prev is not None and not _is_range(prev.obj) and not _is_range(t.obj) \
                and _RANGE_LINK.match(text[prev.end:t.start]):
            a, b = prev.obj, t.obj
            out[-1] = Tok(DATE, prev.start, t.end, _Range(prev.start, t.end, text[prev.start:t.end], a.month,
                                                     a.day, a.date, b.month, b.day, b.date,
                                                     relative=getattr(a, "relative", None)))
            continue
        out.append(t)
    return out


# 1月8日，/ 1月8日上午，/ 1月8日9时30分，: the end of a date that opens its sentence
_OPENING_DATE_END = re.compile(r"[)）]?\s*(?:上午|下午|早上|早间|晚间|中午|午间|当天|当日)?\s*"
                               r"(?:\d{1,2}[:：]\d{2}|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点]"
                               r"(?:\d{1,2}分|[一二三四五六七八九十]{1,3}分|半|整)?)?\s*[，,]")
_SINCE_LISTING = re.compile(r"(?:港股|港交所|香港|主板)?(?:后|之后|以来|以后)")
#: a date that is a deadline: 2027年12月31日前, 6月底之前
_DEADLINE_AFTER = re.compile(r"(?:前|之前|以前)(?![三五十]|\d)")
#: between a name and a date inside its parentheses: 澄域机器人(02812,|(|(股份代号02812，
_PAREN_OF = re.compile(r"[(（][^()（）\n]{0,14}?[,，;；\s]?")
#: from a date to the end of its parentheses: 8月20日上市)
_PAREN_END = re.compile(r"[^()（）\n]{0,8}[)）]")
#: companies named after their days, in the same order: …，智谱与MiniMax先后在港交所挂牌
_IN_ORDER_AFTER = re.compile(r"\s*(?:[(（][^()（）]{0,12}[)）])?\s*(?:先后|依次|分别)")
_COMPARED_WITH = re.compile(r"(?:较|比|相较|相比|对比)\s*$")


def _dates(ctx, sent, dates, cues, ents, drafts, misses, named_before=(), listed_before=()) -> None:
    """The event dates of one sentence; ``named_before`` are the companies of the last sentence
    that named several (两家公司分别于1月8日、1月9日上市 after a sentence naming both),
    ``listed_before`` those of the last one on their listing (两只新股今日(30日)同日上市)."""
    text = ctx.text
    if _TABLE_HEAD_ROW.match(text, sent.start) and not any(e.start > sent.start for e in ents):
        # | 公司 | 首日收盘(港元) | 1月16日收盘(港元) |: a table's head names columns, not events
        return
    events = []
    date_ends = [d.end for d in dates]
    for c in cues:
        v = c.obj.value
        if v in _EVENT or v in ("sub_period", "first_day") or v in _BLOCKING or (
                v == "ipo" and c.obj.word == "招股"):
            if v == "listing" and _NOT_EVENT_AFTER.match(text[c.end:c.end + 8]) and not any(
                    (_DATE_THEN_LISTING.fullmatch(text, d.end, c.start) and getattr(d.obj, "month", None))
                    or (d.end == c.start and _SINCE_LISTING.match(text, c.end))
                    # (今年1月9日登陆港交所后: the date right before 上市后 is the listing's; 12月23日上市前
                    # 发布… is the day of what happens before it)
                    # (only the dates just before the word: an endless sentence stays linear)
                    for d in dates[bisect_left(date_ends, c.start - _DATE_WORD_GAP):bisect_right(date_ends, c.start)]):
                continue        # 上市后…, unless a date stands right before: 1月9日在港股上市后
            if v == "first_day" and _COMPARED_WITH.search(text, max(0, c.start - 3), c.start):
                continue        # 周五(15日)收报…，较首日收盘回落: the first day is compared with
            events.append(c)
    each = any(c.obj.value == "each" for c in cues)
    ent_names: list[str] = []
    for e in ents:
        if e.obj.entity not in ent_names:
            ent_names.append(e.obj.entity)
    points = [t for t in ctx.stream.in_span(sent.start, sent.end)
              if t.kind == "period" and t.obj.kind == "point" and t.obj.text.startswith(("截至", "截止"))]
    point_starts = [p.start for p in points]

    def _in_point(t) -> bool:      # (the 截至 period the date is part of, found by bisection)
        k = bisect_right(point_starts, t.start) - 1
        return k >= 0 and t.start < points[k].end

    usable = [t for t in dates if not getattr(t.obj, "dateline", False)
              and (t.obj.month is not None or getattr(t.obj, "relative", None)) and t.obj.day is not None
              and not _in_point(t)]
    # 澄域机器人(02812,8月20日上市): a date in the parentheses after a name is that company's
    # (each date looks at the entity and the listing word nearest to it only: linear)
    taken: set[int] = set()
    ent_ends = [e.end for e in ents]
    listing_starts = [c.start for c in events if c.obj.value == "listing"]
    listings = [c for c in events if c.obj.value == "listing"]
    for t in usable:
        k = bisect_right(ent_ends, t.start) - 1
        close = _PAREN_END.match(text, t.end)
        if k < 0 or close is None or not _PAREN_OF.fullmatch(text, ents[k].end, t.start):
            continue
        j = bisect_left(listing_starts, t.end)
        if j >= len(listings) or listings[j].start >= close.end():
            continue
        when = _date_value(ctx, t.obj)
        if when is not None:
            taken.add(t.start)
            drafts.append(_draft(ents[k].obj.entity, "listing_date", when, t, sent, listings[j], False))
    if taken:
        usable = [t for t in usable if t.start not in taken]
    event_starts = [c.start for c in events]
    first_forecast = min((c.start for c in cues if c.obj.value == "forecast"), default=len(text) + 10)
    groups = _groups(text, _pair_ranges(text, usable))
    for g, group in enumerate(groups):
        ev = _nearest_event(text, group, events, starts=event_starts)
        if ev is None and len(group) == 1 and g + 1 < len(groups) \
                and _PAIRED_NEXT.fullmatch(text, group[0].end, groups[g + 1][0].start) \
                and any(e.end <= groups[g + 1][0].start and e.start > group[0].end for e in ents):
            # 智谱于1月8日、MiniMax于1月9日先后登陆港交所: each company with its day, one event after
            # the last pair
            nxt = _nearest_event(text, groups[g + 1], events, starts=event_starts)
            ev = nxt if nxt is not None and nxt.start > groups[g + 1][-1].end else None
        if ev is not None and ev.start > group[-1].end and any(
                p.kind == PERIOD for p in ctx.stream.in_span(group[-1].end, ev.start)):
            ev = None           # 3月26日晚间，去年11月登陆港交所的…: the event has its own time
        # 越疆和优必选则分别于A和B上市: the companies joined right before the dates, in order
        joined = _coordinated(text, ents, group[0].start) if len(group) > 1 else []
        if ev is None and _opens(text, sent.start, group[0].start) and _OPENING_DATE_END.match(text, group[-1].end):
            # 1月8日，X公司……正式挂牌上市: a date opening the sentence is the date of its event
            ev = _opening_event(ctx, text, events, group[-1].end, dates)
            if ev is not None and len(group) == 1:
                joined = _subject_after(text, ents, group[-1].end, ev.start)
        if len(group) == 1 and not joined and ev is not None and ev.start < group[0].start:
            # (此番港股挂牌，是继去年11月6日小马智行、文远知行同场上市之后: the day of the companies
            # right after it and of their own event, not of the event before)
            nxt = next((c for c in cues if c.start > group[-1].end and c.obj.value == ev.obj.value), None)
            after = _subject_after(text, ents, group[-1].end, nxt.start) if nxt is not None else []
            if after and any(e.start == group[-1].end for e in ents):
                ev, joined = nxt, after
        for k, t in enumerate(group):
            d = t.obj
            if _DEADLINE_AFTER.match(text, t.end):
                # 若未能在2027年12月31日前完成上市: a deadline, not the day of the event
                misses.append(Miss(t.start, t.end, "not_a_fact", "a deadline (…前)", sent))
                continue
            if _HOLIDAY_AFTER.match(text, t.end):
                # 因7月1日為香港特區成立紀念日假期: a holiday, the day nothing happens
                misses.append(Miss(t.start, t.end, "not_a_fact", "a holiday", sent))
                continue
            if ev is None and (item := _elliptic_listing(text, sent, t, ents, events)) is not None:
                # 星樞半導體7月17日上市；萬象機器人9月18日；芯瀚科技9月29日: the items after the first
                # leave out its event word
                when = _date_value(ctx, d)
                if when is not None:
                    drafts.append(_draft(item[0], "listing_date", when, t, sent, item[1], False))
                    continue
            if ev is None:
                misses.append(Miss(t.start, t.end, "no_metric_cue", "a date with no IPO event", sent))
                continue
            if _WIRE_DATELINE.match(text, t.end) and _OTHER_DAY_BEFORE.search(text, max(0, ev.start - 4), ev.start):
                # 财联社1月9日电，智谱高开逾6%，昨日首日收涨13.17%: the wire's day, not the first day's
                misses.append(Miss(t.start, t.end, "not_a_fact", "the dateline of a story of another day", sent))
                continue
            kind = ev.obj.value
            if kind in _BLOCKING:
                misses.append(Miss(t.start, t.end, "not_a_fact", f"date of a {kind} event", sent))
                continue
            when = _date_value(ctx, d)
            if when is None:
                misses.append(Miss(t.start, t.end, "no_year", "date without a year", sent))
                continue
            if len(joined) == len(group):
                ent = joined[k]
            elif len(group) > 1 and len(ent_names) == len(group) and (each or len(group) == 2) \
                    and all(e.start < group[0].start for e in ents):
                ent = ent_names[k]      # (companies named after the dates are not their order)
            elif len(group) > 1 and len(ent_names) == len(group) and all(e.start > group[-1].end for e in ents) \
                    and _IN_ORDER_AFTER.match(text, ents[-1].end):
                ent = ent_names[k]      # 今年1月8日及1月9日，智谱与MiniMax先后挂牌: in the order named
            elif len(group) > 1 and each and not ents and (
                    counted := counted_companies(ctx, named_before, len(group))) and (
                    (count := GROUP_COUNT.search(text, sent.start, group[0].start)) is not None
                    and small_int(count.group(1)) == len(group)):
                ent = counted[k]        # 两家公司分别于A、B上市: the two companies just named, in order
            elif len(group) == 1 and not ents and kind in ("listing", "first_day") and _counted_together(
                    text, _COUNTED_STOCKS.search(text, sent.start, max(t.start, ev.start)), t.end,
                    min(sent.end, ev.end + 6), listed_before):
                # 两只新股今日(30日)同日上市, after a headline on the two's first day: the day of each
                for name in listed_before:
                    drafts.append(_draft(name, "listing_date", when, t, sent, ev, False))
                continue
            elif len(group) > 1 and each:
                # A和B分别于…和…上市 with a company the text does not name as one: not guessed
                misses.append(Miss(t.start, t.end, "ambiguous_entity", "dates of 分别 without one company each", sent))
                continue
            elif len(group) == 1 and not joined and (own := _dated_company(text, ents, t.start)) is not None \
                    and not _coordinated(text, ents, t.start):
                ent = own               # …、MiniMax于1月9日先后登陆: the company right before its own day
            elif len(group) == 1 and ((joined and (kind in _EVENT or kind == "first_day")) or (
                    len(ent_names) >= 2 and (re.search(
                        r"同日|同时|同步|均|都|双双|一同|先后|同在|同于|同一天|同一日|同场|联袂",
                        text[t.end:ev.start] if ev.start > t.end else text[t.end:t.end + 12])
                        or _coordinated(text, ents, t.start)))):
                # 智谱与天数智芯昨日(1月8日)同日挂牌: the date of every company named (11月6日上午，小马智行
                # 和文远知行在港交所同场敲钟: of every company of the subject after the day)
                metric = "listing_date" if kind == "first_day" else _EVENT.get(kind)
                names = joined or _coordinated(text, ents, t.start) or _clause_names(text, ents, t.start)
                if metric and kind not in ("sub_period", "ipo"):
                    for name in names:
                        drafts.append(_draft(name, metric, when, t, sent, ev, False))
                    continue
                ent = ent_names[0]
            elif text.startswith("的", ev.end) and kind in ("listing", "first_day") \
                    and ev.start >= t.end and (nxt := next((e for e in ents if e.start == ev.end + 1), None)) is not None:
                ent = nxt.obj.entity    # …；3月19日上市的悦鹿互动(02713.HK): the company the listing describes
            else:
                k = bisect_right(ent_ends, max(t.start, ev.start)) - 1    # the company named last before
                if k < 0 and any(e.start > t.end and re.search(r"[;；]", text[t.end:e.start]) for e in ents[:8]):
                    # A同B系7月9日同日上市；C…: the sentence's company is a later clause's, not this date's
                    misses.append(Miss(t.start, t.end, "no_entity", "event date of a clause naming no company", sent))
                    continue
                if k < 0 and not ents and kind in ("listing", "first_day") and _AS_OF_BEFORE.search(
                        text, max(sent.start, t.start - 4), t.start) and _COUNTED_STOCKS.match(
                        text, t.end + len(_SO_FAR.match(text, t.end).group())):
                    # 截至3月9日已有23家公司在港上市: listings counted up to a day, none on it
                    misses.append(Miss(t.start, t.end, "not_a_fact", "listings counted up to a day", sent))
                    continue
                if k < 0 and not ents and kind not in ("listing", "first_day") and _COUNTED_STOCKS.search(
                        text, max(sent.start, min(t.start, ev.start) - 12), max(t.end, ev.end) + 12):
                    # 下周一（13日）再有兩隻科技新股開始招股: stocks counted, none named (两只新股昨日
                    # 同日上市 is the day of the story's company)
                    misses.append(Miss(t.start, t.end, "no_entity", "event date of stocks counted, none named", sent))
                    continue
                if k < 0 and ev.start >= t.end and ents and re.search(r"[，,；;]", text[ev.end:ents[0].start]):
                    # 並於11月30日在港交所主板掛牌，中金公司（03908）…為聯席保薦人: the company of a
                    # later clause is no subject of this one
                    ent = _entity_at(ctx, [], t.start, sent)
                else:
                    ent = ents[k].obj.entity if k >= 0 else _entity_at(ctx, ents, t.start, sent)
            if not ent:
                misses.append(Miss(t.start, t.end, "no_entity", "event date", sent))
                continue
            forecast = first_forecast < t.end + 6
            if kind == "sub_period" or (kind == "ipo" and _is_range(d)):
                if _is_range(d):
                    end = _date_value(ctx, d, end=True)
                    drafts.append(_draft(ent, "subscription_start", when, t, sent, ev, forecast))
                    if end is not None:
                        drafts.append(_draft(ent, "subscription_end", end, t, sent, ev, forecast))
                    continue
                if _UNTIL.search(text[max(sent.start, t.start - 4):t.start]) or (
                        ev.end <= t.start and _OFFER_ENDS_ON.fullmatch(text, ev.end, t.start)
                        and _ENDS_AFTER.match(text, t.end)):
                    # 招股期至1月7日; 招股期将于1月7日中午结束
                    drafts.append(_draft(ent, "subscription_end", when, t, sent, ev, forecast))
                    continue
                misses.append(Miss(t.start, t.end, "no_metric_cue", "date in a subscription period", sent))
                continue
            if kind == "ipo" and _FROM_DAY.match(text, t.end) and ev.start >= t.end:
                # 3月16日(周一)起在港招股: the first day of the offer
                drafts.append(_draft(ent, "subscription_start", when, t, sent, ev, forecast))
                continue
            if kind == "ipo" and _UNTIL.search(text, max(sent.start, t.start - 4), t.start) \
                    and _UNTIL_THEN_OFFER.fullmatch(text, t.end, ev.start):
                # 今日起至1月6日中午招股: the last day of the offer
                drafts.append(_draft(ent, "subscription_end", when, t, sent, ev, forecast))
                continue
            if kind == "ipo" and ev.end <= t.start and _OFFER_LASTS.fullmatch(text, ev.end, t.start):
                # 招股则将持续至1月6日, 招股期至11月24日止: the last day of the offer
                drafts.append(_draft(ent, "subscription_end", when, t, sent, ev, forecast))
                continue
            if kind == "ipo" and ev.end <= t.start and _OFFER_ENDS_ON.fullmatch(text, ev.end, t.start) \
                    and _ENDS_AFTER.match(text, t.end):
                # 招股将于1月7日中午结束: the last day of the offer
                drafts.append(_draft(ent, "subscription_end", when, t, sent, ev, forecast))
                continue
            if kind == "ipo":
                misses.append(Miss(t.start, t.end, "no_metric_cue", "date near 招股", sent))
                continue
            if kind == "sub_start" and ev.end <= t.start and _THEN_UNTIL.fullmatch(text, ev.end, t.start):
                # 今日起招股，至1月7日结束: the day the offer started from runs until is its last
                drafts.append(_draft(ent, "subscription_end", when, t, sent, ev, forecast))
                continue
            metric = "listing_date" if kind == "first_day" else _EVENT[kind]
            if metric == "listing_date" and _is_range(d):
                # 本周(6月1日至6月5日)共有3只新股挂牌: a week of listings, not one company's day
                misses.append(Miss(t.start, t.end, "not_a_fact", "a range of days, no listing day", sent))
                continue
            drafts.append(_draft(ent, metric, when, t, sent, ev, forecast))
    _next_day_events(ctx, sent, usable, events, ents, drafts)


#: an offer lasting until a day (将持续至, 则到): the words before the day
_LASTS_UNTIL = r"(?:则|将|会|还|仍)*(?:持续|进行|延续|维持)?(?:至|到|直至|直到)\s*"
#: between 招股 and the day it ends on (招股将于…结束), and what follows that day
_OFFER_ENDS_ON = re.compile(r"(?:期|期间)?(?:则|将|会|预计|预期)*(?:于|在)\s*")
_ENDS_AFTER = re.compile(r"\s*(?:[(（][^()（）]{1,4}[)）])?\s*(?:上午|中午|正午|下午|晚上)?\s*(?:\d{1,2}[:：]\d{2}|\d{1,2}时)?"
                         r"\s*(?:结束|截止|止)")
#: between a start of the offer and the day it runs until (起招股，至1月7日; 开始招股并将持续至)
_THEN_UNTIL = re.compile(r"\s*[，,]?\s*(?:并|而)?" + _LASTS_UNTIL)
#: between 招股 and the day it lasts until: 则将持续至, 期至, 将于…结束 is not here (no day after)
_OFFER_LASTS = re.compile(r"(?:期|期间)?" + _LASTS_UNTIL)
#: a day that is a holiday: 7月1日为香港特区成立纪念日假期, 12月25日适逢圣诞假期休市
_HOLIDAY_AFTER = re.compile(r"\s*(?:[(（][^()（）\n]{0,6}[)）])?\s*(?:为|是|乃|适逢|正值|逢)[^，,。；;\d\n]{0,14}"
                            r"(?:假期|假日|休市|公众假|法定假)")
#: a day the offer runs from: 3月16日(周一)起, 今日开始
_FROM_DAY = re.compile(r"\s*(?:" + _WEEKDAY_PAREN + r")?\s*(?:起|开始)")

#: 上市至今 / 上市以来: the time since a listing, no listing on the day written before it
_UP_TO_NOW = re.compile(r"\s*(?:至今|迄今|以来|至而家|到而家)")
_NEXT_DAY = re.compile(r"(?:次日|翌日|第二天|隔日)\s*(?:正式)?\s*$")


def _next_day_events(ctx, sent, dates, events, ents, drafts) -> None:
    """继智谱将于1月8日挂牌后，MiniMax也将于次日登陆港交所: the day after the date written before,
    for the company named between that date and the event."""
    text = ctx.text
    for c in events:
        m = _NEXT_DAY.search(text, max(sent.start, c.start - 8), c.start)
        if c.obj.value not in ("listing", "first_day") or m is None:
            continue
        before = [t for t in dates if t.end <= c.start and not _is_range(t.obj)]
        if not before:
            continue
        t = before[-1]
        between = [e for e in ents if t.end <= e.start and e.end <= c.start]
        when = _date_value(ctx, t.obj)
        if not between or when is None:
            continue
        day = when + dt.timedelta(days=1)
        drafts.append(Draft(entity=between[-1].obj.entity, metric="listing_date", period=None, segment=None,
                            value=day.isoformat(), unit="date", qualifier="exact", start=m.start(),
                            end=m.start() + 2, sent=sent, cue=c.obj.word, rule="event-next-day"))


_AND = re.compile(r"\s*(?:[(（][^()（）]{0,24}[)）])?\s*(?:及|和|与|、|以及|同|跟)\s*")
_TO_DATE = re.compile(r"\s*(?:[(（][^()（）]{0,24}[)）])?\s*(?:则|也|亦)?\s*(?:分别|各自|先后|相继|均|都|同样|同时)?\s*"
                      r"(?:今日|今天|昨日|昨天|明日|明天|将于|于|在|是|系|喺)?\s*[(（]?\s*")


def _end(t: Tok) -> int:
    return t.end


def _clause_names(text: str, ents: list, pos: int) -> list[str]:
    """The companies named in the clause of ``pos`` (between semicolons): A同B係7月9日同日上市；C…"""
    lo = max(text.rfind("；", max(0, pos - 200), pos), text.rfind(";", max(0, pos - 200), pos), pos - 200)
    hi = min(x for x in (text.find("；", pos, pos + 200), text.find(";", pos, pos + 200), pos + 200) if x != -1)
    return list(dict.fromkeys(e.obj.entity for e in ents if lo < e.start and e.end <= hi))


def _coordinated(text: str, ents: list, date_start: int) -> list[str]:
    """A及B(00800)昨日(11月6日)登陆…: the companies named right before the date, joined by 及/和/与,
    are together the subject of its event (their ids; empty when they are not)."""
    k = bisect_right(ents, date_start, key=_end)
    if k < 2 or not _TO_DATE.fullmatch(text, ents[k - 1].end, date_start):
        return []
    run = [ents[k - 1]]
    for a in reversed(ents[max(0, k - 64):k - 1]):      # (a subject joins a few names, not thousands)
        if not _AND.fullmatch(text, a.end, run[0].start):
            break
        run.insert(0, a)
    names = list(dict.fromkeys(e.obj.entity for e in run))
    return names if len(names) >= 2 else []


#: what may stand before a date that opens its sentence: a bullet, a dateline (36氪获悉，)
_LEAD = re.compile(r"[\s●•·\-*]*(?:[^，,。；;]{0,12}(?:获悉|讯|消息|报道|电)\s*[，,:：]?)?\s*"
                   r"(?:(?:(?:上|本|下)?(?:周|星期|礼拜)[一二三四五六日天]|昨日|昨天|今日|今天|前日)\s*[(（]\s*)?")


def _subject_after(text: str, ents: list, start: int, end: int) -> list[str]:
    """今天上午，小马智行(02026.HK)和文远知行(00800.HK)在港交所同场敲钟: the companies joined by
    及/和/与 that follow an opening day, before its event word (their ids; empty when there are
    fewer than two)."""
    k = bisect_left(ents, start, key=lambda e: e.start)
    if k >= len(ents) or ents[k].start >= end:
        return []
    run = [ents[k]]
    for e in ents[k + 1:k + 64]:
        if e.start >= end or not _AND.fullmatch(text, run[-1].end, e.start):
            break
        run.append(e)
    names = list(dict.fromkeys(e.obj.entity for e in run))
    return names if len(names) >= 2 else []


def _describes(text: str, c: Tok) -> bool:
    """A filing or other non-event word followed by 的 (申请上市的芯片商): it describes a noun and
    tells no event of the day."""
    return c.obj.value in _BLOCKING and text.startswith("的", c.end)


def _opening_event(ctx, text: str, events: list, end: int, dates=()) -> Optional[Tok]:
    """The first event word after a date that opens its sentence, unless the words between
    write another time (3月30日晚间，今年1月8日(去年11月)登陆港交所的智谱发布…)."""
    # (两家以18C身份申请上市的芯片商同日挂牌: 申请上市的 describes the companies, no event of the day)
    ev = next((c for c in events if c.start >= end and not _describes(text, c)), None)
    if ev is not None and (any(end <= d.start < ev.start for d in dates) or any(
            p.kind == PERIOD for p in ctx.stream.in_span(end, ev.start))):
        return None
    return ev


def _opens(text: str, sent_start: int, pos: int) -> bool:
    """The date at ``pos`` opens its sentence (after a bullet or a dateline lead)."""
    m = _LEAD.match(text, sent_start, pos)
    return m is not None and m.end() == pos


#: a number of stocks as the subject of an event: 2只新股, 三家公司, 多只
#: the companies of a sentence doing something together: 同日上市, 同场挂牌, 双双
_TOGETHER = re.compile(r"同日|同场|同步|双双|一同|同一天|同一日|联袂")
#: a count up to a day: 截至3月9日(已有23家…)
_AS_OF_BEFORE = re.compile(r"(?:截至|截止|截止到|直至)\s*$")
_SO_FAR = re.compile(r"[，,]?\s*(?:已经|已|共|累计|合共|共有|已有|一共)?\s*(?:有)?\s*")
_COUNTED_STOCKS = re.compile(r"(\d+|[一两二三四五六七八九十几多数])\s?(?:只|家|间|个)(?:新股|公司|企业|股票)?")


def _named_after(ctx: DocContext, i: int, by_sentence: list[list[Tok]], limit: int = 3) -> list[str]:
    """The companies the sentences after sentence ``i`` name, in order, up to the end of its
    paragraph (at most ``limit`` sentences on)."""
    sents = ctx.stream.sentences
    names: list[str] = []
    for j in range(i + 1, min(len(sents), i + 1 + limit)):
        if "\n" in ctx.text[sents[j - 1].end:sents[j].start + 1]:
            break
        for t in by_sentence[j]:
            if t.kind == ENTITY and t.obj.entity not in names and t.obj.entity not in indices():
                names.append(t.obj.entity)
    return names


def _counted_together(text: str, counted: Optional[re.Match], lo: int, hi: int, listed_before) -> bool:
    """两只新股…同日上市 in text[lo:hi], the count that of the companies whose listing the sentence
    before was about (``listed_before``): those companies."""
    return counted is not None and bool(listed_before) and small_int(counted.group(1)) == len(listed_before) \
        and _TOGETHER.search(text, lo, hi) is not None


#: a date right before a weekday (1月8日(周四), 12月31日 周三) or a day in brackets right after it
#: (周二(12月30日)): the date written is the one read
_DATE_BEFORE_WEEKDAY = re.compile(r"(?:\d日|今日|今天|昨日|昨天|明日|明天|每)\s*[(（]?\s*$")
_DATE_AFTER_WEEKDAY = re.compile(r"\s*[(（]\s*(?:\d|今|昨|明)")
_WEEK_OFFSET = {"上": -7, "下": 7}
_DAY_BEFORE_WEEKDAY = re.compile(r"(\d{1,2})日\s*[(（]?\s*$")
_DAY_AFTER_WEEKDAY = re.compile(r"\s*[(（]\s*(?:\d{1,2}月)?(\d{1,2})日")


def _weekdays(ctx: DocContext) -> list[tuple[Tok, dt.date]]:
    """The days that weekdays name in an article with its own day (周三启动招股, 下周四上市): the
    day of that name in the article's week, of the week before after 上周, after 下周 of the week
    after. A weekday beside a written date (1月8日(周四), 周二(12月30日)) names nothing more."""
    today = ctx.today
    if today is None:
        return []
    text = ctx.text
    monday = today - dt.timedelta(days=today.weekday())
    out = []
    anchor, anchor_end = None, -1      # the Monday of a weekday written with its day: 周二(19日)
    for m in WEEKDAY.finditer(text):
        wd = weekday_index(m.group(2))
        if _DATE_BEFORE_WEEKDAY.search(text, max(0, m.start() - 4), m.start()) or \
                _DATE_AFTER_WEEKDAY.match(text, m.end()):
            # (a day number written beside it, 19日(周二) / 周二(19日), anchors the week)
            day_no = _DAY_BEFORE_WEEKDAY.search(text, max(0, m.start() - 4), m.start()) or \
                _DAY_AFTER_WEEKDAY.match(text, m.end())
            dated = _day_of_weekday(today, int(day_no.group(1)), wd) if day_no else None
            if dated is not None:
                anchor, anchor_end = dated - dt.timedelta(days=wd), m.end()
            continue
        week = monday
        if anchor is not None and not m.group(1) and not re.search(r"[。！？!?\n]", text[anchor_end:m.start()]):
            week = anchor                          # 周二(19日)晚公布配发结果，周三挂牌: that week
        day = week + dt.timedelta(days=wd + _WEEK_OFFSET.get(m.group(1) or "", 0))
        out.append((Tok("date", m.start(), m.end(), None), day))
    return out


def _day_of_weekday(today: dt.date, number: int, wd: int) -> Optional[dt.date]:
    """The day numbered ``number`` that is weekday ``wd``, within three weeks of ``today``."""
    for delta in sorted(range(-21, 22), key=abs):
        day = today + dt.timedelta(days=delta)
        if day.day == number and day.weekday() == wd:
            return day
    return None


def _same_day_listing(ctx, sent, cue, ents, drafts) -> None:
    """同日挂牌的御风航空…首日则大涨37.91%: the company listed on the day of the listing the
    sentence before told (the company named right after the cue, else before it). The day only
    dates that company's first-day figures: it is no fact of its own (no gold writes one), and a
    company the lexicon knows keeps its own day."""
    last = next((d for d in reversed(drafts[-8:]) if d.metric == "listing_date"
                 and d.sent.end <= sent.start and sent.start - d.sent.end < 300), None)
    if last is None:
        return
    dated = {d.entity: d for d in drafts if d.metric == "listing_date"}
    after = [e for e in ents if e.start >= cue.end and e.start - cue.end <= 24]
    before = [e for e in ents if e.end <= cue.start]
    if len(before) >= 2 and before[-1].obj.entity in dated and before[0].obj.entity not in dated:
        # 数擎物联与星瀚半导体同日上市 after 星瀚半导体于7月9日登陆: the day of the one already dated
        last, before = dated[before[-1].obj.entity], before[:1]
    ent = after[0] if after else before[-1] if before else None
    if ent is not None and ent.obj.entity != last.entity and ent.obj.entity not in known_listings() \
            and ent.obj.entity not in dated:
        ctx.listing_dates.setdefault(ent.obj.entity, dt.date.fromisoformat(last.value))


def _today_events(ctx, sent, cues, ents, drafts, weekdays=(), listed_before=()) -> None:
    """今日挂牌 / 今日起招股 / 周三启动招股: the article's own day (or the day a weekday names) is
    the event's date (unless the sentence also writes a date for that same event); 两只新股今日同日
    上市 after a sentence on the listing of those two: the day of each (``listed_before``)."""
    text = ctx.text
    today = ctx.today
    if today is None:
        return
    events = [c for c in cues if (c.obj.value in _EVENT and not (
                  c.obj.value == "listing" and (_NOT_EVENT_AFTER.match(text[c.end:c.end + 8])
                                                or _UP_TO_NOW.match(text, c.end))))
              or c.obj.value == "first_day" or (c.obj.value == "ipo" and c.obj.word == "招股")]
    days = [(c, today + dt.timedelta(days=DAY_OFFSETS[c.obj.value])) for c in cues
            if c.obj.value in DAY_OFFSETS]
    starts = [c.start for c in events]
    taken = set()           # (metric, company) of the drafts of this sentence (they end the list)
    for d in reversed(drafts):
        if d.sent != sent:
            break
        taken.add((d.metric, d.entity))
    for tc, day in sorted(days + list(weekdays), key=lambda x: x[0].start):
        rule = "event-weekday" if tc.obj is None else "event-today"
        ev = _nearest_event(text, [Tok("date", tc.start, tc.end, None)], events, max_gap=8, starts=starts)
        subject: list[str] = []
        until = _FROM_UNTIL_OFFER.match(text, tc.end) if ev is None else None
        if until is not None:
            # 今日起至1月6日中午招股: the offer runs from today
            ev = next((c for c in events if c.start == until.end() - 2 and c.obj.value == "ipo"), None)
        if ev is None and tc.obj is not None and _opens(text, sent.start, tc.start) \
                and _OPENING_DATE_END.match(text, tc.end):
            # 今天上午，小马智行和文远知行在港交所同场敲钟: the day opening the sentence is its event's
            ev = _opening_event(ctx, text, events, tc.end)
            subject = _subject_after(text, ents, tc.end, ev.start) if ev is not None else []
        if ev is None or (ev.obj.value == "ipo" and ev.start != tc.end and until is None):
            continue        # 今起招股: the subscription starts today; 招股 further away says nothing
        value = ev.obj.value
        metric = ("listing_date" if value == "first_day" else "subscription_start" if value == "ipo"
                  else _EVENT[value])
        k = bisect_right(ents, tc.start, key=_end)     # (the companies named before the day)
        lo, hi = min(tc.start, ev.start), max(tc.end, ev.end)
        counted = _COUNTED_STOCKS.search(text, max(sent.start, lo - 8), hi) if not k else None
        if counted is not None and not _counted_together(text, counted, lo, min(sent.end, hi + 6), listed_before):
            continue        # 港股今日有2只新股上市: stocks counted, none named
        if counted is not None:
            subject = list(listed_before)   # 两只新股今日同日上市, after a headline on their first day
        ent = ents[k - 1].obj.entity if k else _entity_at(ctx, ents, tc.start, sent)
        # 小马智行与文远知行今日同步挂牌: every company of the coordinated subject
        for name in subject or _coordinated(text, ents, tc.start) or ([ent] if ent else []):
            if (metric, name) in taken or (metric, None) in taken:
                continue
            taken.add((metric, name))
            drafts.append(Draft(entity=name, metric=metric, period=None, segment=None,
                                value=day.isoformat(), unit="date", qualifier="exact",
                                start=tc.start, end=tc.end, sent=sent, cue=ev.obj.word,
                                rule=rule))


#: after a listing word, a time counted from it (上市满六个月, 上市一周年; not 6月18日上市以来,
#: which dates the listing)
_SINCE_EVENT = re.compile(r"\s*(?:满|届满|[一二两三四五六七八九十半\d]+(?:个)?(?:月|年|周年|周))")
#: before a first-day word, a time counted from the listing (上市满六个月的首个交易日)
_COUNTED_BEFORE = re.compile(r"(?:上市|挂牌)(?:满|届满|后)[^，,。；;]{0,8}?的?\s*$")
#: a trading session's words right after a date: 13日收报, 3月31日股价跌
_SESSION_AFTER = re.compile(r"\s*[)）]?\s*(?:收报|收市|收盘|收于|收在|收涨|收跌|开盘|开报|高开|低开|股价|盘中|早盘|午盘|报\d|收\s*\d)")


#: how far before a listing word a date may end and still be the listing's (1月9日在港交所主板上市后)
_DATE_WORD_GAP = 40
#: a date right before an event word, with at most a place between: 1月9日登陆, 1月9日于港交所上市
_OWN_DATE_BEFORE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:[(（][^()（）]{0,6}[)）])?\s*(?:正式)?\s*(?:在|于)?\s*"
                              r"(?:港股|港交所|香港|联交所|主板|港交所主板)?\s*(?:正式)?\s*$")


def _nearest_event(text: str, group: list[Tok], events: list[Tok], max_gap: int = _MAX_GAP,
                   starts: Optional[list[int]] = None) -> Optional[Tok]:
    """The event word nearest to a date (or a group of dates) in its sentence, within _MAX_GAP
    characters and with no other date in between; a word right after the dates comes first.
    (Only the words within LOOK characters are looked at: ``starts``, the events' starts in
    order, finds them by bisection, so that a sentence of endless dates stays linear.)"""
    lo, hi = group[0].start, group[-1].end
    best, best_d = None, None
    if starts is None:
        starts = [c.start for c in events]
    near = events[bisect_left(starts, lo - LOOK):bisect_right(starts, hi + LOOK)]
    for c in near:
        if c.obj.value in ("listing", "first_day") and (
                _SINCE_EVENT.match(text, c.end) or _COUNTED_BEFORE.search(text, max(0, c.start - 14), c.start)):
            continue    # 今日(7月8日)为智谱上市满六个月的首个交易日: a day counted from the listing
        if c.start >= hi:
            gap = text[hi:c.start]
            if c.obj.value in ("listing", "first_day") and re.search(r"[;；]", gap):
                continue    # 在10月22日出现；最低118.5元，则是上市首日的低位: the listing is another clause's
            if _describes(text, c) and re.search(r"[，,]", gap):
                continue    # 11月2日，两家以18C身份申请上市的芯片商同日挂牌: 申请上市的 describes them
            d = len(_ASIDE.sub("", gap))
        elif c.end <= lo:
            gap = text[c.end:lo]
            if gap.startswith("的") and c.obj.value in ("listing", "first_day"):
                continue    # 同日上市的天数智芯…7月8日: 上市的 describes the company, the date is another's
            if c.obj.value in ("first_day", "listing") and re.search(r"[;；]", gap):
                continue    # …在10月22日出现；最低118.5元，则是上市首日的低位: another clause's date
                            # (C 7月17日上市；D 9月18日: D's date has no event of its own)
            # a word before the date in an earlier clause belongs to that clause's own date
            if re.search(r"[，,；;]", gap) and _SESSION_AFTER.match(text, hi):
                continue    # …上市，昨日(13日)收报358.4元: the date of a session
            if re.search(r"[，,；;]", gap) and _OWN_DATE_BEFORE.search(text, max(0, c.start - 16), c.start) \
                    and not (c.obj.value == "sub_start" and _THEN_UNTIL.fullmatch(gap)):
                continue    # MiniMax于1月9日登陆港交所，明日（7月9日）将迎来…: the word has its own date
                            # (1月2日起招股，至1月7日: the offer's last day)
            d = len(_ASIDE.sub("", gap)) + 2 + (20 if re.search(r"[，,；;]", gap) else 0)
        else:
            continue
        if d > max_gap or re.search(r"\d+月\d+日|。|，", gap) and max_gap < _MAX_GAP or \
                re.search(r"\d+月\d+日|。", gap):
            continue
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best


def _draft(ent, metric, when: dt.date, t: Tok, sent: Span, ev: Tok, forecast: bool) -> Draft:
    return Draft(entity=ent, metric=metric, period=None, segment=None, value=when.isoformat(),
                 unit="date", qualifier="exact", start=t.start, end=t.end, sent=sent,
                 forecast=forecast, cue=ev.obj.word, rule="event-date")
