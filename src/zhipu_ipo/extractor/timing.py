"""When a figure is: its reporting period (written, carried, enumerated, cumulative, relative)
or, for a price, its trading day.

A mixin of :class:`~zhipu_ipo.extractor.reader.Reader`; see that module for the rules in words.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from decimal import Decimal
from typing import TYPE_CHECKING, Optional

from ..normalization import small_int
from ..periods import Period, months_of_one_year, parse_period, safe_date
from .context import DAY_OFFSETS, ResolvedPeriod, relative_day, year_hint
from .entities import known_listings
from .rules import (ANNUAL_REPORT, ASIDE_AFTER, COMPARE_BEFORE, COMPARE_WORDS, FLASHBACK, FROM_BEFORE, FUNDING_METRICS, LISTING_AFTER, LOOK, POINT_METRICS,
                    PREV_DAY_WORDS, SEGMENT_TALK, SINCE, WEEKDAY, weekday_index)
from .tokens import AMOUNT, CUE, DATE, PERIOD, Tok

if TYPE_CHECKING:
    from .reader import _State
    from .sentences import Span


#: a time line opening the next item of a live feed (16:10 on its own line): the day a sentence
#: before it described does not carry over
#: after a day: its closing bracket and a few words of its clause
_DAY_THEN = r"\s*[)）]?[^，,。；;\n\d]{0,8}?"
#: a day followed by its grey-market trading (昨日（17日）暗盘…, 6月17日 星瞳科技暗盘表现)
_GREY_AFTER = re.compile(_DAY_THEN + "暗盘")
#: a day whose session came before the story's (上周五(4日)已先升5.2%)
_FLASHBACK_AFTER = re.compile(_DAY_THEN + FLASHBACK)
_FEED_TIME = re.compile(r"(?m)^[ \t]*[0-2]?[0-9]:[0-5][0-9][ \t]*$")


#: words of a clause about a period still to come: 预计, 指引, 展望
_FORWARD = re.compile(r"预计|预期|预测|预估|指引|展望|有望|目标|将(?:达|录得|实现)|guidance|outlook", re.IGNORECASE)
#: a year the narration is at (那一年全年收入…)
_THAT_YEAR = ("那一年", "该年", "当年", "同年", "这一年")


#: a year followed by these is where a stretch of time begins (2022年以来, 2023年至今)
_SINCE_YEAR = re.compile(r"\s*(?:以来|至今|迄今)")


#: the day a price was reached, told right after it: ，在10月22日出现 / ，同样在1月9日首日录得 /
#: ，则是上市首日的盘中低位
DAY_TOLD_AFTER = re.compile(
    r"\s*[，,]\s*(?:则|也|亦|同样|均|都)?\s*(?:"
    r"(?:是|为)?\s*(?:在|于)\s*(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)\s*(?:的|当日)?\s*(?:上市)?(?:首日)?\s*(?:盘中)?\s*"
    r"(?:出现|录得|创下|创出|写下|见到|达到|触及)"
    r"|(?:是|为)\s*(?:上市|挂牌)?首日)")

#: the longest sentence read as one that only names a day (记唔记得7月9号…解禁？)
_SHORT_SENTENCE = 120

#: a month's own sales right after the month: 8月合并营收, 10月份营业额, 9月单月营收
#: a month told as a month's own figures: 6月单月, 6月当月
_ONE_MONTH_AFTER = re.compile(r"\s*(?:单月|当月)")
_MONTH_SALES_AFTER = re.compile(r"份?\s?(?:的)?(?:合并|单月|自结)?\s?(?:营收|营业收入|营业额|销售额|收入)")

#: before the day a balance is counted at: 截至6月30日, 截止2025年末
_AS_OF_BEFORE = re.compile(r"(?:截至|截止|截止至)\s*$")


class Timing:
    """Periods and trading days of the sentence reader."""

    def topic_period(self) -> Optional[Tok]:
        """The reporting period the article is about: the first sub-year period it names
        (2025年中期业绩 -> 2025H1), else the latest year; only periods over by the article's day."""
        if self._topic is None:
            best = None
            # (an article on annual results, 发布了年度业绩, that names no interim report: its
            # halves and quarters are parts of the year it reports on)
            annual = self._annual_doc()
            today = self.ctx.today
            for t in self.ctx.stream.tokens:
                if t.kind == PERIOD and t.obj.kind == "relative" and t.obj.period is None \
                        and t.obj.year_offset == 0 and (p := self._dated_relative(t)) is not None \
                        and p.end_date <= today and p.kind == "half":
                    # (截至今年6月30日止半年: the half of the article's year)
                    if not annual:
                        best = Tok(PERIOD, t.start, t.end, ResolvedPeriod(p, t.start, t.end, t.obj.text))
                    break
                if t.kind == PERIOD and t.obj.kind == "relative" and t.obj.period is None and today is not None \
                        and getattr(t.obj, "year_offset", None) is None and getattr(t.obj, "relative", None) in ("H1", "H2") \
                        and not annual and _INTERIM_REPORT.search(self.text, max(0, t.start - 24), t.end + 8) \
                        and (latest := self._latest_before_today(t.obj, t.obj.relative)) is not None:
                    # 公布中期业绩，截至6月底止6个月…: the latest half ended by the article's day
                    best = latest
                    break
                if t.kind == PERIOD and t.obj.kind == "single" and t.obj.period is not None \
                        and (today is None or t.obj.period.end_date <= today) \
                        and not (t.obj.period.kind != "year" and self._compared_or_aside(t)):
                    # (a period not over when the article was written is a target, not results;
                    # 相比2025年下半年的…, (1H25:…): a half compared with is not the one reported on)
                    if t.obj.period.kind in ("half", "quarter", "quarters"):
                        if not annual:      # (截至…止年度 first: the half named later is a part)
                            best = t
                        break
                    # (2025年度业绩公告, 2025年全年, 截至…止年度: the year's results)
                    annual = annual or bool(re.search(r"止年度|全年|年度业绩|年度报告|年报|年度(?:业绩)?公告|年度财报",
                                                      self.text[t.start:t.end + 4]))
                    if best is None or t.obj.period.end_date > best.obj.period.end_date:
                        best = t
            self._topic = best or False
        return self._topic or None

    def annual_period(self) -> Optional[Tok]:
        """An article on one year's annual results (年报, 年度业绩; no interim report named): the
        year it reports on, for the paragraphs that name no period of their own; likewise an
        article on a half's or a quarter's report (半年报, 中报, 季报) whose topic is that part of
        a year."""
        topic = self.topic_period()
        if topic is None:
            return None
        if self._annual_doc():
            return topic if topic.obj.period.kind == "year" else None
        if topic.obj.period.kind in ("half", "quarter", "quarters") and self._interim_doc():
            return topic
        return None

    def _interim_doc(self) -> bool:
        """The article names an interim or quarterly report (once per document)."""
        if self._interim_named is None:
            self._interim_named = _INTERIM_REPORT.search(self.text) is not None
        return self._interim_named

    def _annual_doc(self) -> bool:
        """The article is on annual results (年报, 年度业绩) and names no interim report (once per
        document: the answer is asked per figure)."""
        if self._annual is None:
            self._annual = bool(ANNUAL_REPORT.search(self.text)) and not _INTERIM_REPORT.search(self.text)
        return self._annual

    _REPORT_WORD = re.compile(r"业绩|财报|中报|年报|季报|半年报|中期报告|年度报告")

    def _dated_relative(self, t: Tok) -> Optional[Period]:
        """A period written without its year that the article's day dates: 上半年, 今年上半年,
        截至今年6月30日止半年, 明年1月 (None for 同期, 期内, 当年: of the period in context)."""
        rel = getattr(t.obj, "relative", None)
        if rel is None or self.ctx.today is None or t.obj.kind != "relative" or not (
                rel.startswith(("H", "Q", "M")) or t.obj.year_offset is not None):
            return None
        return t.obj.resolve(self.ctx.today.year)

    def sole_period(self) -> Optional[Tok]:
        """An article about one set of results (业绩, 财报, 中报 …) that names only one reporting
        period, over by its day, leaving aside the ones it compares with (上年同期, 较2024年):
        its figures written with no period (MiniMax收入1.12亿美元 in a 中报 piece on 上半年) are
        of that period."""
        if self._sole is None:
            self._sole = False
            today = self.ctx.today
            found: Optional[Period] = None
            first: Optional[Tok] = None
            if self._REPORT_WORD.search(self.text):
                named: list[tuple[Tok, Period, bool]] = []    # (token, period, only compared with)
                for t in self.ctx.stream.tokens:
                    if t.kind != PERIOD or t.start in self.ctx.compared_periods:
                        continue
                    p = t.obj.period or self._dated_relative(t)
                    if p is None or (today is not None and p.end_date > today):
                        continue        # 同期, 期内, 全年: of the one in context; a year to come: a target
                    if t.obj.kind not in ("single", "relative"):
                        named = []
                        break
                    # (较FY24的RMB312m, FY24为84.9%, 由2024年的…: a period compared with)
                    aside = bool(COMPARE_BEFORE.search(self.text, max(0, t.start - 3), t.start)
                                 or FROM_BEFORE.search(self.text, max(0, t.start - 3), t.start)
                                 or ASIDE_AFTER.match(self.text, t.end))
                    named.append((t, p, aside))
                main = {p for _, p, aside in named if not aside}
                if len(main) == 1:
                    found = main.pop()
                    if all(aside and p.end_date < found.end_date for _, p, aside in named if p != found):
                        first = next(t for t, p, _ in named if p == found)
                    else:
                        found = None
            self._sole = Tok(PERIOD, first.start, first.end, ResolvedPeriod(found, first.start, first.end,
                                                                            first.obj.text)) if found else False
        return self._sole or None

    def _continued_period(self) -> Optional[Tok]:
        """A paragraph that names no period (分业务看，A产品收入…), or only the one it compares
        with (…由上年的84.5%降至71.3%), continues the one before it when that one was about one period alone: the article's reporting period, or
        any when the article writes no period with a year."""
        topic = self.topic_period()
        lead = self.lead_period
        if self._par_own_period or lead is None or lead.obj.period is None or (
                topic is not None and lead.obj.period != topic.obj.period and not self.lead_is_heading):
            return None
        return lead

    def _date_as_point(self, st: _State, t: Tok) -> None:
        """截至今年6月30日 / 截至去年9月底: a date after 截至 is the point of a stock figure."""
        m = re.search(r"(?:截至|截止到?|于|(?<![\u4e00-\u9fff])到)\s*(今年|去年|本年|上年)?\s*$", self.text[max(0, t.start - 6):t.start])
        if not m or st.period_tok is not None and st.period_tok.end >= t.end:
            return
        when = self._date_of(t)
        if when is None:
            return
        from ..periods import Period as _P
        p = _P.of_date(when)
        st.period_tok = Tok(PERIOD, t.start, t.end, ResolvedPeriod(p, t.start, t.end, t.obj.text, kind="point"))

    def _resolve_relative(self, st: _State, pm) -> Optional[Tok]:
        """上半年/前三季度 without a year take the year of the period in context."""
        rel = getattr(pm, "relative", None)
        if rel in ("reporting_period",):
            return None
        if rel is not None and rel.startswith("M") and "-" not in rel and self.ctx.today is not None \
                and getattr(pm, "year_offset", None) is None and _MONTH_SALES_AFTER.match(self.text, pm.end):
            # 8月合并营收… (a Taiwan supplier's monthly sales, written 2026-09-10): the latest such
            # month ended by the article's day
            p = self._latest_month(pm)
            return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text)) if p is not None else None
        base = None
        offset = getattr(pm, "year_offset", None)
        if offset is not None:
            # 今年上半年 / 去年: the year of the publication date
            if self.ctx.today is None:
                return None
            year = self.ctx.today.year + offset
            if rel == "year_end":
                # 截至去年底: the last day of that year, a point (not one still to come)
                if dt.date(year, 12, 31) > self.ctx.today:
                    return None
                p = Period.of_date(dt.date(year, 12, 31))
                return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text, kind="point"))
            if rel == "this_and_next_year":
                # 今明两年收入预测分别为A及B: this year and the next, as a list of two
                years = (Period.of_year(year), Period.of_year(year + 1))
                return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(
                    Period.span(*years), pm.start, pm.end, pm.text, kind="list", parts=years))
            if rel in ("this_year", "last_year", "year_before_last", "next_year"):
                from ..periods import Period as _P
                p = _P.of_year(year)
                return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text))
            if rel is not None and rel.startswith("M") and (p := pm.resolve(self.ctx.today.year)) is not None:
                # 去年10月 (written 2026-09-10): 2025-10
                return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text))
        elif rel in _SUB_YEAR and (same := sorted(
                # (the last 64 of each: an endless paragraph stays linear)
                (t for t in self.par_sub_year[-64:] + self._resolved[-64:] if t.start < pm.start
                 and getattr(t.obj, "period", None) is not None and str(t.obj.period)[4:] == rel),
                key=lambda t: t.start)):
            # 今年首六个月收入…，亏损由2025年全年的A收窄至上半年的B: the half just named, not one
            # of the year in between
            year = same[-1].obj.period.start_date.year
        else:
            # the year of this sentence's period, else of this paragraph's, else of the article's topic
            topic = self.topic_period()
            base = st.period_tok or (self.prev_sentence_period if self.par_periods or self.par_resolved else None)
            if base is None:
                base = self._continued_period()
                far = base or topic
                if far is not None and far.obj.period is not None and rel in _QUARTERS + ("Q1-Q3",) \
                        and self.ctx.today is not None and far.obj.period.kind == "year" \
                        and (latest := self._latest_before_today(pm, rel)) is not None \
                        and latest.obj.period.start_date.year > far.obj.period.start_date.year:
                    # FY2025收入…。\n\n其Q3 revenue… (an article of 2026-11): a quarter no sentence
                    # of its paragraph dates is the latest one, not one of a year named elsewhere
                    return latest
            if base is None and rel in ("H1", "H2") and self.ctx.today is not None \
                    and (topic is None or topic.obj.period is None
                         or topic.obj.period.kind in ("year", "month", "date")):
                # 上半年收入… with only the article's topic year in view (an article of 2026-09 on
                # a 2025 year and this year's half): the latest half ended by the article's day
                return self._latest_before_today(pm, rel, ahead=True)
            if not pm.text.startswith(_THAT_YEAR):
                base = base or topic    # (那一年: the year the story is at, never the article's by default)
            if st.period_tok is None and topic is not None and topic.obj.period is not None \
                    and rel in _SUB_YEAR and str(topic.obj.period)[4:] == rel:
                base = topic        # 第三季 in an article on third-quarter results: that quarter
                if topic.start > pm.start and base is not st.period_tok and self.ctx.today is not None \
                        and (latest := self._latest_before_today(pm, rel)) is not None \
                        and latest.obj.period.start_date > topic.obj.period.start_date:
                    # 中期收入4.35亿元，2025年上半年仅录得3.02亿元 (written in 2026-08): the half
                    # dated after it is the one compared with; this one is the latest ended
                    return latest
            if rel == "full_year" and (st.period_tok is None or re.search(
                    r"(?:由|从)\s*$", self.text[max(0, st.period_tok.start - 2):st.period_tok.start])):
                # (毛利率由2024年的28.7%升至35.6%，全年净损…: the year compared from is not the year)
                # 全年: the latest year the paragraph or the article is about (a year it compares
                # with, 由2023年的…, is not the year it reports)
                # (那一年全年: the year the story is at, never the article's topic by default)
                topic_pool = [] if pm.text.startswith(_THAT_YEAR) else [self.topic_period()]
                pool = [t for t in self.par_periods + topic_pool if t is not None
                        and t.obj.period is not None and _year_of(t.obj.period) is not None]
                if pool:
                    base = max(pool, key=lambda t: _year_of(t.obj.period))
            if (base is None or base.obj.period is None) and rel != "full_year" and self.ctx.today is not None:
                # 第二季收入… in an article of 2025-11-06 with no year in view: the latest such
                # period that had ended when the article was written
                return self._latest_before_today(pm, rel, ahead=True)
            if base is None or base.obj.period is None:
                return None
            year = _year_of(base.obj.period)
            if year is None:
                return None
            if rel in _SUB_YEAR and base.obj.period.kind == "span" and base.obj.period.start_date.year != year:
                # 2026～2028年营收预估…，其中下半年…: a part of one year of several, the year under
                # way when the article was written, else none told
                today = self.ctx.today
                if today is None or not base.obj.period.start_date.year <= today.year <= year:
                    return None
                year = today.year
            if rel == "that_year" and base.obj.period.kind == "span" and not any(
                    t.obj.period is not None and str(t.obj.period) == str(year) for t in self.par_periods):
                return None     # 同年 after 2022至2024年: which year, unless the paragraph named 2024 alone
        canon = {"full_year": f"{year}", "that_year": f"{year}", "H1": f"{year}H1", "H2": f"{year}H2", "Q1-Q3": f"{year}Q1-Q3", "Q1": f"{year}Q1",
                 "Q2": f"{year}Q2", "Q3": f"{year}Q3", "Q4": f"{year}Q4"}.get(rel)
        if canon is None and rel.startswith("M") and "-" not in rel and pm.text.endswith(("底", "末")):
            # 截至6月底: the last day of that month of the year in context (a point, for stocks)
            month = pm.resolve(year)
            if month is None:
                return None
            today = self.ctx.today
            if base is not None and base.obj.period is not None and base.obj.period.kind == "year" \
                    and month.end_date < base.obj.period.end_date and today is not None \
                    and (later := pm.resolve(year + 1)) is not None and later.end_date <= today:
                # 2025年营收…；截至5月底现金… (an article of 2026-09): a stock reported after the
                # year's figures is at the latest such month's end, not inside the year
                month = later
            p = Period.of_date(month.end_date)
            return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text, kind="point"))
        if canon is None and rel.startswith("M") and "-" not in rel and _ONE_MONTH_AFTER.match(self.text, pm.end):
            # 6月单月，公司收入…: that month alone, of the year in context
            p = pm.resolve(year)
            return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text)) if p is not None else None
        if canon is None and rel.startswith("M") and "-" not in rel and base is not None \
                and base.obj.period is not None and base.obj.period.kind == "month":
            # 10月单月收入超过1,100万美元，9月约为920万美元: a month after a month, of its year
            p = pm.resolve(year)
            return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text)) if p is not None else None
        if canon is None and rel.startswith("M") and "-" in rel:
            # 今年1-5月 / 前5月: a run of months of the year in context (2026-01..2026-05)
            p = pm.resolve(year)
            return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text)) if p is not None else None
        if canon is None:
            return None
        p = parse_period(canon)
        return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text))

    def _latest_month(self, pm) -> Optional[Period]:
        """The latest month ``pm`` (a yearless 8月, 6月末) names that had ended by the article's day."""
        for year in (self.ctx.today.year, self.ctx.today.year - 1):
            p = pm.resolve(year)
            if p is not None and p.end_date <= self.ctx.today:
                return p
        return None

    def _latest_before_today(self, pm, rel: str, ahead: bool = False) -> Optional[Tok]:
        """The latest such period ended by the article's day; with ``ahead``, the one of the
        article's year still under way when its clause looks forward (对于第四季度，公司给出的指引是…
        written in November: this year's fourth quarter)."""
        today = self.ctx.today
        if ahead and rel in _SUB_YEAR and (p := parse_period(f"{today.year}{rel}")).end_date > today \
                and _FORWARD.search(self.text, max(0, pm.start - 24), pm.end + 24):
            return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text))
        if rel.startswith("M") and "-" not in rel and pm.text.endswith(("底", "末")):
            # 截至6月末现金… with no year in view: the latest such month's end, a point
            if (month := self._latest_month(pm)) is None:
                return None
            p = Period.of_date(month.end_date)
            return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text, kind="point"))
        if rel not in _SUB_YEAR:
            return None
        for year in (today.year, today.year - 1):
            p = parse_period(f"{year}{rel}")
            if p.end_date <= today:
                return Tok(PERIOD, pm.start, pm.end, ResolvedPeriod(p, pm.start, pm.end, pm.text))
        return None

    def _explicit_period(self, st: _State, pos: int) -> Optional[Tok]:
        """The period written in this clause before ``pos`` and after the previous figure."""
        lo = max(st.clause_start, st.last_amount_end)
        c = st.compare_tok
        if c is not None and c.start >= lo and c.end <= pos and (
                st.period_tok is None or st.period_tok.start < c.start):
            return c
        t = st.period_tok
        if t is None:
            return None
        lo = max(st.clause_start, st.last_amount_end)
        if t.start >= lo and t.end <= pos:
            return t
        return None

    def _paren_period(self, a) -> Optional[Period]:
        m = re.match(r"\s*[(（]([^()（）]{2,16})[)）]", self.text[a.end:a.end + 20])
        if not m:
            return None
        from ..periods import find_periods
        ps = [p for p in find_periods(m.group(0).strip()) if p.period is not None]   # (24年): with its ）
        if len(ps) == 1 and ps[0].text.strip() == m.group(1).strip():
            return ps[0].period
        return None

    def _growth_to_period(self, a) -> Optional[Period]:
        """由2023年的A增加68.8%至2024年的B: a growth followed by 至 and a period is that period's."""
        m = self._TO_PERIOD.match(self.text, a.end)
        if not m:
            return None
        t = next((t for t in self.ctx.stream.in_span(m.end(), m.end() + 1) if t.kind == PERIOD), None)
        if t is None or t.start != m.end() or t.obj.period is None or t.obj.kind != "single":
            return None
        return t.obj.period

    _TO_PERIOD = re.compile(r"\s*(?:至|到)\s*")
    _BASIS = re.compile(r"\s*[,，]?\s*(?:按|以|基于)\s*$")
    _BASIS_OPEN = re.compile(r"\s*[(（]\s*(?:按|以|基于)?\s*")
    _BASIS_CLOSE = re.compile(r"\s*(?:的)?\s*(?:收入|营收|收益|销售额|营业额)\s*(?:计算?)?\s*[)）]")
    _BASIS_TAIL = re.compile(r"\s*(?:的)?\s*(?:收入|营收|收益|销售额|出货量|销量|营业额)?\s*(?:计算?|口径|统计|算)")

    def _basis_before(self, st: _State, a) -> Optional[Period]:
        """市销率(以2024年收入计)约189倍: the basis in parentheses right after the cue."""
        if st.base_pos < 0 or not st.base_cue or not 0 <= a.start - st.base_pos <= 24:
            return None
        cue_end = st.base_pos + len(st.base_cue)
        for t in self.ctx.stream.in_span(cue_end, a.start):
            if t.kind == PERIOD and t.obj.period is not None and t.obj.kind == "single" \
                    and self._BASIS_OPEN.fullmatch(self.text, cue_end, t.start) \
                    and self._BASIS_CLOSE.match(self.text, t.end):
                return t.obj.period
        return None

    def _basis_period(self, a) -> Optional[Period]:
        """份额约1.9%，按2025年收入计: the year a share or a ranking is measured on, written after it."""
        nxt = self.ctx.stream.in_span(a.end, min(len(self.text), a.end + 12))
        t = next((t for t in nxt if t.kind == PERIOD), None)
        if t is None or t.obj.period is None or t.obj.kind != "single":
            return None
        if self._BASIS.fullmatch(self.text, a.end, t.start) and self._BASIS_TAIL.match(self.text, t.end):
            return t.obj.period
        if self._BASIS_OPEN.fullmatch(self.text, a.end, t.start) and self._BASIS_CLOSE.match(self.text, t.end):
            return t.obj.period         # 市销率约150倍(2024年营收)
        return None

    def _recent_list(self, n: int, before: int, sentence_start: int) -> Optional[list]:
        """The periods ``同期`` refers to for ``n`` figures: the most recent enumeration with ``n``
        items (earlier in the sentence or before it), else a recent range followed by the periods
        named after it (2022-2024年…；2025年前三季度… -> four periods)."""
        recent = [t for t in self.recent_periods[-12:] if t.start < before] + [
            t for t in self.ctx.stream.in_span(max(sentence_start, before - LOOK), before)
            if t.kind == PERIOD and t.obj.period is not None]
        for t in reversed(recent):
            items = list(getattr(t.obj, "items", []) or [])
            if len(items) == n:
                return items
        for k in range(len(recent) - 1, -1, -1):
            items = list(getattr(recent[k].obj, "items", []) or [])
            if len(items) < 2:
                continue
            seq = items + [p for r in recent[k + 1:] for p in (r.obj.items or [])]
            if len(seq) == n and all(a.end_date < b.end_date for a, b in zip(seq, seq[1:])):
                return seq
            break
        # 2023年收入为A，2024年增至B，2025年首三季收入C；同期亏损分别为…: the periods the
        # sentence named one by one, in order
        here = [t for t in recent if t.start >= sentence_start and t.obj.kind == "single"]
        if len(here) >= n >= 2:
            seq = [t.obj.period for t in here[-n:]]
            if all(a.end_date < b.end_date for a, b in zip(seq, seq[1:])):
                return seq
        return None

    def _span_from_context(self, st: _State, pos: int) -> Optional[Period]:
        """The span a cumulative figure (累计, 三年半) covers.

        This clause's own range (2022-2024年…累计) if it has one; else the periods named before it
        in the paragraph, from the earliest to the latest (2022年…2025年上半年 -> ``2022..2025H1``);
        else the most recent range of the document. A written duration (三年半) must fit.
        """
        t = st.period_tok
        if t is not None and t.obj.period is not None and t.obj.period.kind == "span" \
                and t.start >= st.clause_start:
            return t.obj.period
        years = st.flags.get("duration_years") or st.sflags.get("duration_years")
        candidates = []
        recent = [r for r in self.recent_periods[-12:] + self._sentence_periods(st, pos)
                  if r.start < pos and r.obj.period is not None and r.obj.period.kind != "date"
                  and not SINCE.match(self.text[r.end:r.end + 6])]
        for k in range(len(recent) - 1, -1, -1):
            p = recent[k].obj.period
            if len(recent[k].obj.items or []) >= 2 and p.items()[0].kind != "date" \
                    and recent[k].obj.kind != "single":     # (2026年前五个月: one period of months)
                later = [r.obj.period for r in recent[k + 1:]]
                last = max(later, key=lambda q: q.end_date) if later else None
                first_item = recent[k].obj.items[0]
                last_item = recent[k].obj.items[-1]
                if last is not None and last.end_date > last_item.end_date:
                    candidates.append(Period.span(first_item, last.items()[-1]))
                candidates.append(Period.span(first_item, last_item) if p.kind != "span" else p)
                break
        par = [r.obj.period for r in self.par_periods + self._sentence_periods(st, pos)
               if r.obj.period is not None and r.obj.period.kind != "date"
               and not SINCE.match(self.text[r.end:r.end + 6])]
        if len(par) >= 2:
            first = min(par, key=lambda p: p.start_date)
            last = max(par, key=lambda p: p.end_date)
            if first.items()[0] != last.items()[-1]:
                candidates.append(Period.span(first.items()[0], last.items()[-1]))
        for c in candidates:
            if years is None or _span_years_close(c, years):
                return c
        topic = self.topic_period()
        if years is not None and topic is not None and topic.obj.period.kind in ("year", "half", "quarters"):
            # 三年半累计亏损 in an article about 2025H1: the years up to the period it reports on
            end = topic.obj.period
            for y in range(end.end_date.year - 6, end.end_date.year + 1):
                span = Period.span(parse_period(str(y)), end) if y < end.start_date.year else None
                if span is not None and _span_years_close(span, years):
                    return span
        return None

    def _sentence_periods(self, st: _State, pos: int) -> list[Tok]:
        return [t for t in self.ctx.stream.in_span(max(st.sentence_start, pos - LOOK), pos)
                if t.kind == PERIOD and t.obj.period is not None]

    def _period_for(self, st: _State, a, metric: str, explicit: Optional[Tok]) -> tuple[Optional[str], str]:
        """(period string, reason if None) for a single figure of a metric that needs one."""
        info = self.metrics[metric]
        pos = a.start
        if metric == "post_money_valuation":
            return None, ""
        if metric in POINT_METRICS and explicit is None and "forecast" in st.flags \
                and st.flags["forecast"] < pos:
            # 截至9月底持有现金11亿美元，上市后将令其现金增至17亿美元: a projection has no date
            return None, "no_period"
        if metric in FUNDING_METRICS:
            t = explicit or st.period_tok
            if t is not None and t.obj.period is not None and not SINCE.match(self.text[t.end:t.end + 6]) \
                    and not re.search(r"(?:成立于|创立于|创办于|自|从)\s*$", self.text[max(0, t.start - 4):t.start]) \
                    and not _FOUNDED_AFTER.match(self.text, t.end) \
                    and not (t.start < st.clause_start and "上市前" in self.text[t.end:pos]):
                # (2019年，智谱由…创立；上市前共完成8轮融资: the year of the founding, not of the rounds)
                p = t.obj.period
                if p.kind == "year" or (p.kind == "span" and metric == "total_funding"
                                        and p.items()[0].kind == "year"):
                    return str(p), ""
            return None, ""
        cumulative = metric not in POINT_METRICS and info.unit == "currency" and (
            any(k in st.flags for k in ("cumulative", "duration"))
            or ("duration" in st.sflags and st.sflags["duration"] < pos and explicit is None
                and (st.period_tok is None or st.period_tok.start < st.sflags["duration"])))
        own = explicit or st.period_tok
        if cumulative and "duration" not in st.flags and "cumulative" in st.flags and own is not None \
                and own.obj.period is not None and own.obj.period.kind in ("year", "half", "quarter") \
                and own.start < st.flags["cumulative"] \
                and (st.clause_start <= own.start or len({str(t.obj.period) for t in self._sentence_periods(
                    st, st.flags["cumulative"])}) == 1) \
                and self.text.startswith(("合计", "共计", "总计", "合共"), st.flags["cumulative"]):
            # 同年研发开支合计21.95亿元: the total of one period's parts (2025年…；包括A、B在内的X业务
            # 收入合计3.7亿元: of the one period the sentence names)
            cumulative = False
        paren = self._paren_period(a) or self._basis_period(a) or (
            self._basis_before(st, a) if metric == "price_to_sales" else None)
        if paren is None and metric.endswith("_growth"):
            paren = self._growth_to_period(a)
        if paren is not None:
            return self._fit_period(paren, metric), ""
        tok = explicit
        if tok is not None and tok is st.compare_tok and metric in ("revenue_growth", "net_loss_growth") \
                and not re.fullmatch(r"的\s*", self.text[tok.end:a.start]):
            # 2024年收入…较2023年增长782%: the growth of 2024 (增速较2024年的66.7%放缓: of 2024 itself)
            tok = st.period_tok
        if tok is None and ("same_period" in st.flags or "same_period" in st.sflags):
            # (前三季度，研发开支…。同期，公司期内亏损…: the sentence before's, told without a year too)
            tok = st.period_tok if st.period_tok is not None else (
                self.prev_sentence_period if self.par_periods or self.par_resolved else self.topic_period())
            if st.period_tok is None and tok is not None and tok.obj.period is not None \
                    and tok.obj.period.kind != "span":
                st.period_tok = tok     # 同期收入A，同比增长B: the clauses after 同期 are of it too
        if tok is None:
            tok = st.period_tok
            if tok is not None and tok.start < st.clause_start and "forecast" not in st.flags \
                    and _FORECAST_YEAR.search(self.text, max(st.sentence_start, tok.start - 4), tok.start):
                # 行业2024年规模约294亿元，预计2030年将突破4,000亿元；…市场份额约6.6%: the year
                # forecast for is not the year of a fact told after it; the one before it is
                tok = next((t for t in reversed(self._sentence_periods(st, tok.start))
                            if t.end <= tok.start and t.obj.kind == "single"
                            and not _FORECAST_YEAR.search(self.text, max(st.sentence_start, t.start - 4), t.start)),
                           None)
        if tok is None and info.family in ("financial", "derived") and not cumulative \
                and metric not in ("revenue_cagr", "price_to_sales"):
            # 2024年收入为A。毛利率为B。: a paragraph about one period, the figures after it
            tok = self.paragraph_period() or self._continued_period() or self._whole_with_parts() \
                or self.prev_sentence_told
            if tok is None and st.segment is not None and st.segment_pos < pos:
                tok = self.prev_sentence_one
            if tok is None and st.segment is not None and not self._par_named_period \
                    and self.lead_period is None and SEGMENT_TALK.search(
                        self.text, max(self.text.rfind("\n", max(0, pos - LOOK), st.sentence_start) + 1, pos - LOOK), pos):
                # 业务构成：分部署模式看，本地化部署业务收入4.26亿元, 从收入构成看，… (a paragraph with no
                # period, after a table or a paragraph of several): the period the article reports on
                tok = self.topic_period()
            if tok is None and metric == "revenue_share" and st.segment is not None:
                # A部署(2025年上半年占84.8%)，B部署仅占15.2%: the other segment's share of the
                # same period
                seg = st.segment
                period = self._parallel_period(st, metric, lambda d, company: d.entity == company
                                               and d.segment not in (None, seg))
                if period is not None:
                    return period, ""
            if tok is None and metric in POINT_METRICS and re.search(
                    r"期末|报告期末", self.text[max(st.clause_start, pos - 20):pos]):
                # 期末现金…: the end of the period the article reports on
                tok = self.topic_period()
            if tok is None and not self._par_own_period:
                tok = self.sole_period() or (self.annual_period() if metric not in POINT_METRICS else None)
        if tok is not None and metric == "price_to_sales" and tok.obj.period is not None \
                and tok.obj.period.kind in ("month", "date") and tok is not explicit:
            tok = None      # (去年10月的交易对应估值…，折合市销率约38倍: the day of a valuation, no basis)
        if tok is None and metric == "price_to_sales" and st.forecast_tok is not None:
            tok = st.forecast_tok       # 对应2025年预期营收4–5亿元，市销率约21倍: on that year's revenue
        if tok is None and metric == "price_to_sales":
            # 智谱市销率约150倍(2024年营收)，MiniMax更逾200倍: the other company's on the same basis
            period = self._parallel_period(st, metric, lambda d, company: d.entity != company) \
                or self._latest_revenue_year(st)
            if period is not None:
                return period, ""
        if metric == "revenue_cagr" or cumulative:
            years = st.flags.get("duration_years") or st.sflags.get("duration_years")
            span = self._span_from_context(st, pos) if (
                tok is None or tok.obj.period.kind not in ("span", "quarters")
                # (同期净亏损分别为…，三年合计亏损约7.11亿元: three years, not the months in context)
                or (years is not None and not _span_years_close(tok.obj.period, years))
                # (同期…分别为A、B、C和D，报告期内累计亏损…: the whole list, not its last months)
                or ("same_period" in st.sflags and tok.start < st.clause_start
                    and st.flags.get("cumulative", -1) >= st.clause_start)) \
                else tok.obj.period     # (今年前三季度累计收入: quarters in a row are a running total)
            if span is None and tok is not None and not cumulative:
                span = tok.obj.period
            if span is None:
                return None, "no_period"
            if metric == "revenue_cagr" and span.kind == "span" and len(span.items()) == 2 \
                    and span.items()[0].kind == "year" and span.items()[1].kind == "year" \
                    and span.items()[1].start_date.year - span.items()[0].start_date.year == 1:
                # 2022–2024年收入…，2023年、2024年增速…，复合增长率: a compound rate spans more than
                # one year: the widest range of the sentence ending the same year
                wider = [t.obj.period for t in self._sentence_periods(st, pos)
                         if t.obj.period.kind == "span" and t.obj.period.items()[-1] == span.items()[-1]
                         and t.obj.period.start_date < span.start_date]
                if wider:
                    span = min(wider, key=lambda p: p.start_date)
            n_years = _N_YEARS_COMPOUND.search(self.text, max(st.sentence_start, pos - 20), pos)
            if metric == "revenue_cagr" and n_years is not None and (span.kind == "year" or (
                    span.kind == "span" and span.items()[-1].kind == "year")):
                # 2024年、2025年增速…，三年复合增长率: three years of revenue, or of growth (两年复合
                # 增长率 of 2022–2024年): the reading whose first year the sentence names
                end = span.end_date.year
                n = small_int(n_years.group(1))
                named = {q.start_date.year for t in self._sentence_periods(st, pos)
                         for q in (t.obj.period.items() if t.obj.period.kind == "span" else [t.obj.period])}
                # (两年间, 两年来: two years elapsed, from the year before them)
                elapsed = re.search(r"[间来]", n_years.group()) is not None
                order = (end - n, end - n + 1) if elapsed else (end - n + 1, end - n)
                first = next((y for y in order if y in named), None)
                start = span.start_date.year
                if first is not None and (start not in (end - n + 1, end - n) or (elapsed and start != first)):
                    span = parse_period(f"{first}..{end}")
            return str(span), ""
        if tok is None:
            if info.period in ("optional",) or metric in FUNDING_METRICS:
                return None, ""
            return None, "no_period"
        unknown = st.sflags.get("unknown_period")
        if unknown is not None and tok.start < unknown < pos:
            return None, "no_period"        # 2025年…；今年上半年收入… (the article's year unknown)
        p = tok.obj.period
        if p.kind == "span" and not months_of_one_year(p) and tok.end <= st.clause_start \
                and _CAGR_AFTER.match(self.text, tok.end):
            # 2025年实现收入A，2023年至2025年的年复合增长率为B；净亏损收窄至C: the span was the
            # CAGR's; a later clause goes on with the year told before it
            before = [t for t in self._sentence_periods(st, tok.start) if t.obj.period.kind != "span"]
            if before:
                tok, p = before[-1], before[-1].obj.period
        if p.kind == "span" and not months_of_one_year(p):
            return None, "ambiguous_period"     # (2025-01..2025-05, the first five months, is one period)
        if p.kind == "year" and _SINCE_YEAR.match(self.text, tok.end):
            # 2022年以来毛利率在50%~65%之间: a level held since then, not that year's
            return None, "no_period"
        fitted = self._fit_period(p, metric, tok)
        if fitted is None:
            return None, "no_period"
        if metric in POINT_METRICS and tok.end <= st.clause_start \
                and _YEAR_BEFORE.search(self.text, st.clause_start, pos) and len(fitted) == 10:
            # 截至2025年12月31日现金19.7亿元，而一年前仅为8.9亿元: the same day a year earlier
            day = dt.date.fromisoformat(fitted)
            shifted = safe_date(day.year - 1, day.month, day.day)
            return (shifted.isoformat(), "") if shifted is not None else (None, "no_period")
        if tok.end <= pos and _COMPARED_FIGURE.search(self.text, max(st.clause_start, pos - 4), pos):
            # 亏损1.58亿美元，对比1.86亿美元: the figure compared with, a year before the one told
            # (a quarter's may be the quarter before: not read)
            if metric in POINT_METRICS or not _YEAR_COMPARABLE.fullmatch(fitted):
                return None, "ambiguous_period"
            shifted = _shift_year(parse_period(fitted), -1)
            return (str(shifted), "") if shifted is not None else (None, "no_period")
        return fitted, ""

    def _parallel_period(self, st: _State, metric: str, parallel) -> Optional[str]:
        """The period of the last figure of ``metric`` in this sentence that ``parallel(draft,
        company)`` accepts (another segment, another company): a parallel figure with no period
        of its own shares it."""
        company = st.entity or self.ctx.main_entity
        for d in reversed(self.drafts[-6:]):
            if d.start >= st.sentence_start and d.metric == metric and d.period and parallel(d, company):
                return d.period
        return None

    def _latest_revenue_year(self, st: _State) -> Optional[str]:
        """A multiple of sales with no basis told (澄明智能市銷率雖逾20倍) is on the last full
        year's revenue the article gives for the company (去年（2025年）收入為…)."""
        company = st.entity or self.ctx.main_entity
        years = [d.period for d in self.drafts[-_REVENUE_LOOK_BACK:] if d.entity == company and d.metric == "revenue"
                 and d.segment is None and not d.forecast and d.period and _YEAR.fullmatch(d.period)]
        return max(years) if years else None

    def _fit_period(self, p: Period, metric: str, tok: Optional[Tok] = None) -> Optional[str]:
        """The period a metric takes: a point for stocks (cash, headcount), a flow period else.

        截至2025年上半年 is a point (2025-06-30) for a headcount but the half 2025H1 for a
        revenue share; a flow with only a day (截至2025年6月30日) has no period.
        """
        if metric in POINT_METRICS:
            return p.end_date.isoformat() if p.kind != "date" else str(p)
        if p.kind == "date" and tok is not None:
            from ..periods import find_periods
            inner = re.sub(r"^(?:截至|截止到|截止|于|至)", "", tok.obj.text)
            found = [q for q in find_periods(inner) if q.period is not None
                     and q.period.kind in ("year", "half", "quarter", "quarters")]
            if len(found) == 1:
                return str(found[0].period)
            return None
        return str(p)

    def _day_before_sentence(self, sent: Span) -> Optional[dt.date]:
        """The trading day told before this sentence (else the article's day)."""
        if self.last_trading_pos <= sent.start:
            self.told_before = (sent.start, self.last_trading_day or self.ctx.today)
        told = self.told_before
        return told[1] if told is not None and told[0] == sent.start else self.ctx.today

    def _trading_day(self, st: _State, sent: Span, a) -> Optional[dt.date]:
        """The day a price or a change belongs to, in order: the company's first day (上市首日);
        今日/昨日 of the article; a date written before the figure (not one that only says when
        the company listed: 1月8日上市的智谱今日…); 当日/同日 (the day just described); the article's
        own day; the listing day of an article about the listing."""
        ctx = self.ctx
        ent = st.entity or ctx.main_entity
        self.day_compared = False       # (set when the day is that of a price compared with)
        self.day_of_first_day = False   # (set when the day is a listing day the sentence before announced)
        if _MONTH_END_BEFORE.search(self.text, max(st.clause_start, a.start - 12), a.start):
            return None     # 2月末收于312.4港元: the last session of a month, whose day is not written
        told = DAY_TOLD_AFTER.match(self.text, a.end) or _DAY_IN_PAREN_AFTER.match(self.text, a.end)
        if told is not None and told.group("date"):
            # 上市以来盘中最高见271元，在10月22日出现: the day written after the figure
            for t in ctx.stream.in_span(told.start("date"), told.end("date")):
                if t.kind == DATE and (d := self._date_of(t, session=True)) is not None:
                    return d
        elif told is not None and (ent in ctx.listing_dates or ent in known_listings()):
            # 最低118.5元，则是上市首日的盘中低位: the listing day
            return ctx.listing_dates.get(ent) or known_listings()[ent]
        second = st.sflags.get("second_day", -1)
        if 0 <= second < a.start and (ent in ctx.listing_dates or ent in known_listings()) and not any(
                t.kind == DATE for t in ctx.stream.in_span(max(second, a.start - LOOK), a.start)):
            # 智谱上市第二日涨9.43%至143.9港元: the weekday after the listing day
            return _next_weekday(ctx.listing_dates.get(ent) or known_listings()[ent])
        first = st.sflags.get("first_day", -1)
        if 0 <= first < a.start:
            # (…上市首日，智谱1月8日…收于131.5港元；次日登场的MiniMax…首日收涨…: the 首日 nearest
            # the figure, not the sentence's first)
            first = max((t.start for t in ctx.stream.in_span(max(first, a.start - 2 * LOOK), a.start)
                         if t.kind == CUE and t.obj.kind == "ctx" and t.obj.value == "first_day"), default=first)
        later_date = "first_day" in st.sflags and any(
            t.kind == DATE and not _LISTED_AFTER.match(self.text, t.end)     # (02812,8月20日上市)
            for t in ctx.stream.in_span(max(first, a.start - LOOK), a.start)) or (
            # (…首日以316.4元收市，其后…本周二盘中曾高见398元: the weekday written after 首日)
            "first_day" in st.sflags and ctx.today is not None
            and WEEKDAY.search(self.text, max(first, a.start - LOOK), a.start) is not None) or (
            # (从首日收盘的34.46港元一路阴跌，今天收27.92港元: the article's day, after 首日)
            "first_day" in st.sflags and any(first < st.sflags.get(w, -1) < a.start
                                             for w in _BACK_DAYS))
        recalled_later = "first_day" in st.sflags and first > a.start and re.search(
            r"(?:昨日|昨天|前日|上周[一二三四五])\s*$", self.text[max(0, first - 4):first])
        dated_before = "first_day" in st.sflags and first > a.start and any(
            t.kind == DATE for t in ctx.stream.in_span(sent.start, a.start))
        if "first_day" in st.sflags and not later_date and not recalled_later and not dated_before \
                and (ent in ctx.listing_dates or ent in known_listings()):
            # (…首日破发，其后…4月2日收报6.95港元: the date written after 首日 is the day)
            return ctx.listing_dates.get(ent) or known_listings()[ent]     # 首日: the listing day
        if "first_day" in st.sflags and first < a.start and not later_date \
                and not recalled_later and not dated_before and ctx.today is not None \
                and ctx.listing_dates and not any(w in st.sflags for w in _BACK_DAYS) \
                and not any(abs((day - ctx.today).days) <= 7 for day in ctx.listing_dates.values()):
            # 上市第一日收81.25元 of a company whose listing day the article does not give, in an
            # article written months later: not the article's day
            return None
        dates = [t for t in ctx.stream.in_span(max(sent.start, a.start - LOOK), a.start) if t.kind == DATE
                 and not LISTING_AFTER.match(self.text, t.end)
                 and not _LISTING_LABEL_BEFORE.search(self.text, max(sent.start, t.start - 32), t.start)
                 # (…较7月9日上市时的35.80港元…；晨芯微收报19.08港元: a day compared with in an
                 # earlier clause; 较8月26日收盘价241.6港元 is that day's close)
                 and not (t.start < st.clause_start
                          and COMPARE_BEFORE.search(self.text, max(sent.start, t.start - 3), t.start))
                 # (较前一日(10月13日)收盘价256.8港元低开0.9%，此后…收市报…: the day of that close only)
                 and not ((t.start < st.clause_start or a.unit == "percent")
                          and _COMPARED_DAY_PAREN.search(self.text, max(sent.start, t.start - 14), t.start))]
        prev_session = _SESSION_BEFORE_WORD.search(self.text, max(sent.start, a.start - LOOK), a.start)
        if prev_session is not None and _WEEKDAY_PAREN_AFTER.match(self.text, prev_session.end()) \
                and (day := self._weekday_before(prev_session.end(), a.start)) is not None:
            # 前一交易日（周四），智谱收报365.85港元: that weekday, a session compared with (the
            # figures after it go on with the session told before)
            self.day_compared = True
            return day
        if prev_session is not None and not COMPARE_BEFORE.search(self.text, max(0, prev_session.start() - 3),
                                                                 prev_session.start()) \
                and not _MEASURED_BY_BEFORE.search(self.text, max(0, prev_session.start() - 4), prev_session.start()) \
                and not any(t.start > prev_session.start() for t in dates) \
                and not any(t.kind == CUE and t.obj.kind == "ctx" and t.obj.value in _DAY_WORDS
                            for t in ctx.stream.in_span(prev_session.end(), a.start)) \
                and (base := self._day_before_sentence(sent)) is not None:
            # …7月9日…跌8.37%。而在前一交易日，MiniMax刚刚收涨2.4%: the session before the one told
            # (no session to go on with: 前一交易日收报A，当日收报B)
            self.day_compared = True
            return _previous_weekday(base)
        if ctx.today is not None:
            back = []
            for word, days in _BACK_DAYS.items():
                if word not in st.sflags or st.sflags[word] >= a.start:
                    continue
                # (…1月8日上市，昨日收在185.2港元: the 昨日 nearest the figure, not the sentence's first)
                near = ctx.stream.last_in(
                    st.sflags[word], a.start, lambda t: t.kind == CUE and t.obj.kind == "ctx" and t.obj.value == word
                    # (报收210.8港元，较昨日收盘价205.2港元上涨2.73%: the day compared with
                    # dates its own price only)
                    and not self._compared_day(t.start, t.end, a.start))
                if near is not None:
                    back.append((near.start, days))
            # (…昨日收報486.4元，升3.6%；該股前日收469.5元，跌1.9%: the day word nearest the figure)
            for at, days in sorted(back, reverse=True):
                self.day_compared = self._compared_at(at)
                paren = _DATE_PAREN_AFTER.match(self.text, at + 2)
                after = paren.end() if paren else at + 2
                if not (dates and dates[-1].start > at + 6 and self._date_of(dates[-1]) is not None) \
                        and not (WEEKDAY.search(self.text, after, a.start)
                                 and self._weekday_before(after, a.start) is not None):
                    # (昨日(周四)升2.1%…；周三则收140.5元: the weekday written nearer the figure;
                    # the one in parentheses names 昨日 itself)
                    # (今日公告…，较前一交易日(11月16日)收市价…: the day written nearer the figure)
                    return ctx.today + dt.timedelta(days=days)
        if dates and ctx.today is not None:
            # (上周五(1月9日)…上市，…本周二盘中曾高见398元: a weekday written after the date)
            weekday = self._weekday_before(dates[-1].end, a.start)
            if weekday is not None and not _DATE_PAREN_AFTER.match(self.text, dates[-1].end):
                return weekday
        for t in reversed(dates):
            d = self._date_of(t, session=True)
            if d is not None:
                # (配售价较9月16日收盘价67.20港元折让…: the day of a close compared with goes on with nothing;
                # 大涨7.82%…，而前一交易日（3月6日）的收盘价为…: nor the session before the one just told)
                self.day_compared = self._compared_at(t.start) or (
                    self.last_trading_pos == sent.end
                    and _PREV_SESSION_PAREN.search(self.text, max(0, t.start - 10), t.start) is not None)
                if _NEXT_DAY_WORD.search(self.text, t.end, a.start) and not _DATE_PAREN_AFTER.match(self.text, t.end):
                    return _next_weekday(d)     # 智谱7月8日收跌4.88%，MiniMax次日收跌6.8%: the session after
                return d
        weekday = self._weekday_before(max(sent.start, a.start - LOOK), a.start)
        if weekday is not None:
            return weekday
        last_day, last_pos = self.last_trading_day, self.last_trading_pos
        ref = ctx.today or ctx.reference
        for end, day, who in ctx.listing_events:     # a listing just told (…正式挂牌上市。开盘报…)
            if end <= sent.start and end > last_pos and who == ent and (
                    ref is None or abs((day - ref).days) <= 45 or "same_day" in st.sflags):
                # (那天，…开盘报…: the day of the listing just told, however long ago)
                last_day, last_pos = day, end
        if "same_day" in st.sflags and st.sflags["same_day"] < a.start \
                and (prev := self._sentence_before(sent)) is not None and prev.start >= last_pos \
                and prev.end - prev.start <= _SHORT_SENTENCE:
            # 记唔记得7月9号MiniMax基石解禁？𠮶日跌了6.8%: the day the sentence before named, when
            # it names no figure and comes after the last session told
            toks = ctx.stream.in_span(prev.start, prev.end)
            days = [t for t in toks if t.kind == DATE]
            if days and not any(t.kind == AMOUNT for t in toks) \
                    and (d := self._date_of(days[-1], session=True)) is not None:
                return d
        if "same_day" in st.sflags and st.sflags["same_day"] < a.start:
            # 11月18日开盘前，MiniMax发布公告…。\n\n受此影响，MiniMax当日低开低走: the day last
            # written before (not one compared with), when no session told since
            told = [t for t in ctx.stream.in_span(max(0, sent.start - 4 * LOOK), sent.start)
                    if t.kind == DATE and t.start > last_pos and not getattr(t.obj, "dateline", False)
                    and not self._compared_at(t.start)
                    # (截至6月30日，公司持有现金…: the day balances are counted at, no session)
                    and not _AS_OF_BEFORE.search(self.text, max(0, t.start - 4), t.start)
                    # (星瞳科技昨日（17日）暗盘表现亮丽: a grey-market evening, no session)
                    and not _GREY_AFTER.match(self.text, t.end)
                    # (事实上，智谱上周五(4日)已先升5.2%: an earlier session recalled in passing)
                    and not _FLASHBACK_AFTER.match(self.text, t.end)]
            if told and (d := self._date_of(told[-1], session=True)) is not None \
                    and (ctx.today is None or d <= ctx.today):
                return d
        if ctx.today is not None and (prev := self._sentence_before(sent)) is not None and prev.start >= last_pos \
                and "\n" not in self.text[prev.start:sent.start].strip() and prev.end - prev.start <= _SHORT_SENTENCE:
            # 港股…前日（周二）…恒指跌0.42%。\n\n一眾AI股昨日成為資金焦點。智譜收報224.6元: the day the
            # sentence before named (no figure in it), after the last session told
            toks = ctx.stream.in_span(prev.start, prev.end)
            words = [t.obj.value for t in toks if t.kind == CUE and t.obj.kind == "ctx" and t.obj.value in DAY_OFFSETS]
            if len(set(words)) == 1 and DAY_OFFSETS[words[0]] <= 0 and not any(t.kind in (AMOUNT, DATE) for t in toks):
                return ctx.today + dt.timedelta(days=DAY_OFFSETS[words[0]])
            # 首日表现已见分野。A开报36元…；B则…: the first day the sentence before announces, of a
            # company whose listing day the article gives
            if not words and (ent in ctx.listing_dates or ent in known_listings()) and prev.end - prev.start <= 48 \
                    and any(t.kind == CUE and t.obj.kind == "ctx" and t.obj.value == "first_day" for t in toks) \
                    and not any(t.kind == DATE or t.kind == AMOUNT and t.obj.unit != "count" for t in toks):
                # (两家公司的首日走势截然不同: a count of companies is no figure)
                self.day_of_first_day = True    # (…；MiniMax则开盘即报…: its own first day next)
                return ctx.listing_dates.get(ent) or known_listings()[ent]
        if self.last_day_recalled and last_day is not None and "same_day" not in st.sflags \
                and sent.start - last_pos < 160 and ent is not None \
                and (own := ctx.listing_dates.get(ent) or known_listings().get(ent)) is not None and own != last_day \
                and last_day in {*ctx.listing_dates.values(), *known_listings().values()}:
            # 首日表现，智谱开120蚊，收131.5。\nMiniMax就犀利啦，开市235.4…: the first days told go
            # on with the next company's own
            return own
        if last_day is not None and ("same_day" in st.sflags or sent.start - last_pos < 160
                                     and not _FEED_TIME.search(self.text, last_pos, sent.start)
                                     and not (self.last_day_recalled and ctx.today is not None
                                              and last_day < ctx.today
                                              and "\n" in self.text[last_pos:sent.start])
                                     and not (self.last_day_by_word and ctx.today is not None
                                              and last_day < ctx.today
                                              and _BLANK_LINE.search(self.text, last_pos, sent.start))):
            # (a new paragraph of an article with its own day does not go on with a first day
            # just recalled: 智谱于1月8日上市，首日收涨13.17%。\n大盘方面，恒指收跌0.32%; nor, after a
            # blank line, with a day before told by its word: 該股昨日收報115.7元。\n\n美圖升1.94%)
            return last_day                     # 当日 / 同日, or the next sentence: the day just described
        if ent in ctx.listed_yesterday and "today" not in st.sflags:
            return ctx.listing_dates[ent]       # written the day after a first day it tells
        if ctx.today is not None:
            # an article of a Saturday or Sunday tells the last session, the Friday's
            return ctx.today - dt.timedelta(days=max(0, ctx.today.weekday() - 4))
        if ent in ctx.listing_dates and ctx.first_day_article:
            return ctx.listing_dates[ent]
        return None

    def _compared_at(self, pos: int) -> bool:
        """A comparison word stands right before ``pos`` (较昨日, 较9月16日, 较上周五), or before a
        day the date at ``pos`` names in brackets (较上周五（3月6日）)."""
        return COMPARE_BEFORE.search(self.text, max(0, pos - 3), pos) is not None \
            or _COMPARED_DAY_PAREN.search(self.text, max(0, pos - 14), pos) is not None

    def _compared_day(self, start: int, end: int, hi: int) -> bool:
        """The day word at text[start:end] is one compared with and a figure stands between it and
        ``hi``: it dates its own price only, not the figures after that."""
        return self._compared_at(start) and self.ctx.stream.first_in(end, hi, AMOUNT) is not None

    def _sentence_before(self, sent: Span) -> Optional[Span]:
        """The sentence right before ``sent``, or None."""
        spans = self.ctx.stream.sentences
        k = bisect_left(spans, sent.start, key=lambda sp: sp.start)
        return spans[k - 1] if k > 0 else None

    def _weekday_before(self, lo: int, hi: int) -> Optional[dt.date]:
        """The day of the last weekday written in ``text[lo:hi]`` (股价周一收跌…): the latest such
        day up to the article's own (上周四: the Thursday of the week before)."""
        today = self.ctx.today
        if today is None:
            return None
        last = None
        for m in WEEKDAY.finditer(self.text, lo, hi):
            if self._compared_day(m.start(), m.end(), hi):
                continue    # (成交额58.3亿元，较上周五大增逾两倍，…市值约835亿元: the day compared with)
            if _NEWS_AFTER_WEEKDAY.match(self.text, m.end()):
                continue    # (小米收涨1.73%，公司周二公布的三季度业绩中…；美团收跌2.36%: the day of news, no session's)
            last = m
        if last is None:
            return None
        wd = weekday_index(last.group(2))
        named = self._weekdays_named().get((last.group(1) or "", wd))
        if named is not None:
            return named
        if last.group(1) == "上":
            return today - dt.timedelta(days=today.weekday() - wd + 7)
        if last.group(1) == "下":
            return None                             # 下周一: no session yet
        return today - dt.timedelta(days=(today.weekday() - wd) % 7)

    def _weekdays_named(self) -> dict:
        """Weekdays the article dates in parentheses (上周五(6日), 周三(10月14日)): the day each
        names wherever it is written again (an article of a Sunday whose 上周五 is the Friday just
        gone, as Hong Kong weeks start on Sunday)."""
        if self._weekday_days is None:
            self._weekday_days = {}
            today = self.ctx.today
            if today is not None and ("周" in self.text or "星期" in self.text or "礼拜" in self.text):
                for m in WEEKDAY.finditer(self.text):
                    p = _DAY_PAREN_AFTER.match(self.text, m.end())
                    if p is None:
                        continue
                    wd = weekday_index(m.group(2))
                    day = int(p.group(2))
                    month = int(p.group(1)) if p.group(1) else None
                    for back in range(0, 14):
                        d = today - dt.timedelta(days=back)
                        if d.day == day and d.weekday() == wd and (month is None or d.month == month):
                            self._weekday_days.setdefault((m.group(1) or "", wd), d)
                            break
        return self._weekday_days

    def _date_of(self, t: Tok, session: bool = False) -> Optional[dt.date]:
        """The date a date token names. A bare day (31日的香港股市) names one only as the day of a
        session (``session``): the latest day of that number up to the article's day."""
        d = t.obj
        if d.date is not None:
            return d.date
        rel = getattr(d, "relative", None)
        if rel is not None:
            # 今(26)日: the article's day, when the day written agrees with it; 上月31日
            return relative_day(self.ctx.today, rel, d.day)
        if session and d.day and not d.month and self.ctx.today is not None:
            month = "this_month" if d.day <= self.ctx.today.day else "last_month"
            return relative_day(self.ctx.today, month, d.day)
        if not (d.month and d.day):
            return None
        hint = year_hint(self.text, t.start)
        day = self.ctx.resolve_year(d.month, d.day, hint=hint)
        if session and hint is None and day is not None and self.ctx.today is not None and day > self.ctx.today \
                and (_SESSION_AFTER_DATE.match(self.text, t.end) or _SESSION_IN_CLAUSE.match(self.text, t.end)):
            # 1月14日低见112.3元 written in 2026-11: a session told is one that has been, not next year's
            day = safe_date(day.year - 1, day.month, day.day)
        return day


#: the rest of a clause that tells a founding: 2019年，智谱由清华团队创立
_FOUNDED_AFTER = re.compile(r"\s*[，,]?[^，,。；;\n]{0,24}?(?:创立|成立|创办|创建|诞生)")

#: a month's end right before a price: 2月末收于
_MONTH_END_BEFORE = re.compile(r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*(?:末|底)\s*(?:收于|收报|收在|收|报)?\s*$")
#: a date told with its session's move: 1月14日低见112.3元, 4月8日则曾收市低位…
_SESSION_AFTER_DATE = re.compile(r"\s*(?:则|曾|盘中|一度|早段|午后|全日)*\s*(?:低见|高见|收|报|升|跌|涨|开|创|见)")

#: a date whose clause goes on to a session's figure: 2月24日，受…推动，智谱盘中最高触及309.80港元
_SESSION_IN_CLAUSE = re.compile(r"[^。；;\n]{0,40}?(?:盘中|一度|最高|最低|收报|收市|收盘|低见|高见)")
#: a date of a listing, not of a session: 澄域机器人(02812,8月20日上市)
_LISTED_AFTER = re.compile(r"\s*(?:在|于)?\s*(?:港股|港交所|香港)?\s*(?:上市|挂牌|登陆)")

def _previous_weekday(day: dt.date) -> dt.date:
    """The last weekday before ``day`` (the session before, holidays aside)."""
    day -= dt.timedelta(days=1)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _next_weekday(day: dt.date) -> dt.date:
    """The first weekday after ``day`` (the next session, holidays aside)."""
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


#: words that name a figure's day themselves (前一交易日收报A，当日收报B: B is not of the session before)
_DAY_WORDS = frozenset((*DAY_OFFSETS, "same_day"))
#: a price's day in parentheses after it: 45.36港元（2026年9月18日收市价）
_DAY_IN_PAREN_AFTER = re.compile(r"\s*[(（]\s*(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)\s*(?:收市价?|收盘价?)?\s*[)）]")
#: the session before the one in view, named as the figure's day (not the one compared with)
#: a session measured against (成交额…已超过前一交易日全天成交的三倍): it tells no day
_MEASURED_BY_BEFORE = re.compile(r"(?:超过|超出|相当于|是|为)\s*$")
_SESSION_BEFORE_WORD = re.compile(PREV_DAY_WORDS + r"(?:交易日|日|天)(?![内里])")
#: the next session, written between a day and a figure (…7月8日收跌4.88%，MiniMax次日收跌…)
_NEXT_DAY_WORD = re.compile(r"次日|翌日|第二天|隔日|下一个交易日|下一交易日")
#: the day in parentheses after a weekday: 上周五(6日), 周三(10月14日)
_DAY_PAREN_AFTER = re.compile(r"\s*[(（](?:(\d{1,2})月)?(\d{1,2})[日号][)）]")
#: a weekday in parentheses right after a date: 1月9日(星期五) names the same day
_DATE_PAREN_AFTER = re.compile(r"\s*[(（](?:上|本|这)?(?:星期|周|礼拜)[一二三四五六日天][)）]")
#: the article's day and the days before it (今日, 昨日, 前日) by their offsets, from DAY_OFFSETS
_BACK_DAYS = {word: days for word, days in DAY_OFFSETS.items() if days <= 0}
#: a blank line: a new paragraph of a page that spaces its paragraphs
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
#: a weekday that tells when news came out (周二公布的三季度业绩, 周一晚间公告), not a session
#: a compared day with its date in brackets after it: 较上周五（, 较前一交易日(
#: a weekday in brackets after a word for the session before: 前一交易日（周四）(the weekday tells)
_WEEKDAY_PAREN_AFTER = re.compile(r"\s*[(（]\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]")
#: the session before, its day in brackets after it: 前一交易日（3月6日）
_PREV_SESSION_PAREN = re.compile(rf"(?:{PREV_DAY_WORDS})(?:交易日|日)\s*[(（]\s*$")
_COMPARED_DAY_PAREN = re.compile(rf"(?:{COMPARE_WORDS})\s*(?:(?:上|本|这)?(?:周|星期|礼拜)[一二三四五六日天]|昨日|昨天|前日"
                                 rf"|{PREV_DAY_WORDS}(?:交易日|日))\s*[(（]\s*$")
#: a compound growth rate right after a span of years: 2023年至2025年的年复合增长率, 2022–2024年CAGR
_CAGR_AFTER = re.compile(r"\s*(?:间|期间)?的?\s*(?:收入|营收|收益)?(?:年)?(?:均)?(?:复合|复合年|年复合|年均复合)(?:增长率|增速|增幅)|\s*的?\s*CAGR")
_NEWS_AFTER_WEEKDAY = re.compile(r"\s*(?:[(（][^()（）]{1,8}[)）])?\s*(?:晚间|晚上|盘后|早间|早上|午间|中午|傍晚|凌晨|深夜)?\s*"
                                 r"(?:公布|发布|公告|披露|宣布|发表|举行|召开|举办|推出|上线|官宣|交付)")
#: dates that only say when companies listed: (上市日分别为2023年12月29日和2024年12月23日)
_LISTING_LABEL_BEFORE = re.compile(r"(?:上市|挂牌)(?:日期|日)\s*(?:分别)?\s*(?:为|是|:|：)?[\d年月日和、及与\s]*$")

#: the sub-year periods a relative word names (上半年 -> H1, 前三季度 -> Q1-Q3)
_SUB_YEAR = ("H1", "H2", "Q1-Q3", "Q1", "Q2", "Q3", "Q4")
_QUARTERS = ("Q1", "Q2", "Q3", "Q4")


#: a run of months of one year: 2025-01..2025-05
#: words of an interim report (中期业绩, 半年报, 三季报): an article on one is no annual-results piece
_INTERIM_REPORT = re.compile(r"中期|中报|半年报|半年度|季报|季度业绩|季度报告|季度财报|三季报|一季报")
#: how many years a compound rate spans: 三年复合增长率, 3年CAGR, 两年间年均复合增速
_N_YEARS_COMPOUND = re.compile(r"(?<![\d.])([两二三四五六2-6])\s*(?:个)?\s*(?:财)?年\s*(?:间|来|内|的)?\s*(?:收入|营收|收益|营业收入)?\s*"
                               r"(?:的)?\s*(?:年均|年)?\s*(?:复合|CAGR)")


#: a figure compared with the one just told, written with no period of its own: 对比1.86亿美元
_COMPARED_FIGURE = re.compile(r"(?:对比|对照|相比|相较于?|较之|(?<![A-Za-z])(?:vs|VS|versus)\.?)(?:之下)?\s*$")
#: how many drafts back a multiple looks for the revenue it is on (bounded on hostile text)
_REVENUE_LOOK_BACK = 300
#: a year's period string (2025)
_YEAR = re.compile(r"(?:19|20)\d{2}")
#: periods whose comparative is the same period a year before: 2025, 2025H1, 2025Q1-Q3
_YEAR_COMPARABLE = re.compile(r"\d{4}(?:H[12]|Q1-Q3)?")
#: a point a year before the one in context: 而一年前仅为8.9亿元
_YEAR_BEFORE = re.compile(r"一年前|一年之前|上年同期末|去年同期末|上一年同期")
#: a forecast word right before a year: 预计2030年, 有望于2027年
_FORECAST_YEAR = re.compile(r"(?:预计|预期|预测|有望|将于|将在|料|估计)(?:于|在|到)?\s*$")


def _shift_year(p: Period, offset: int) -> Optional[Period]:
    """The same kind of period ``offset`` years away (2025H1, -1 -> 2024H1)."""
    s = str(p)
    if months_of_one_year(p):
        # 截至2026年7月31日止四个月 (2026-04..2026-07), 上年同期: 2025-04..2025-07
        a, b = s.split("..")
        return parse_period(f"{int(a[:4]) + offset}{a[4:]}..{int(b[:4]) + offset}{b[4:]}")
    if ".." in s:
        return None
    m = re.match(r"(\d{4})(.*)$", s)
    if not m:
        return None
    try:
        return parse_period(f"{int(m.group(1)) + offset}{m.group(2)}")
    except ValueError:
        return None


def _year_of(p: Period) -> Optional[int]:
    s = str(p)
    m = re.match(r"(\d{4})", s.split("..")[-1])
    return int(m.group(1)) if m else None


def _span_years_close(p: Period, years) -> bool:
    try:
        length = (p.end_date - p.start_date).days / 365.25
    except Exception:  # noqa: BLE001 - a period without dates never matches
        return False
    return abs(Decimal(str(round(length, 2))) - Decimal(years)) <= Decimal("0.3")
