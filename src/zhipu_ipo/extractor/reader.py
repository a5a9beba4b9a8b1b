"""The sentence reader: walks the token stream of each sentence left to right, keeping a small
state (company, period, metric cue, modifier, context), and decides for every amount whether
it is a fact (which metric, period, company) or an unplaced mention (and why).

The rules are about the language of financial news, not about particular sentences:

* a figure takes the nearest metric cue before it in its clause, else the cue carried from
  earlier clauses of the sentence (``2023年营收346万美元，2024年飙升至3052万美元``);
* a growth / share / ratio word between cue and figure turns the cue into a derived metric
  (营收…同比增长 -> revenue_growth, 研发开支占营收 -> rd_to_revenue);
* a figure takes the nearest period before it in its clause, else the period of the sentence;
  enumerations (``2022–2024年…分别为A、B、C``) and from-to pairs map figures to periods in order;
  ``同期`` refers to the periods just named;
* a figure belongs to the company last named before it in the sentence, else to the subject
  of its paragraph, else to the company the article is mainly about.

Anything that does not fit (no cue, unit mismatch, no period, an intraday peak...) becomes a
:class:`Miss` with a reason, so that nothing number-bearing is silently dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from .. import lexicon
from ..models import CURRENCIES
from ..periods import Period
from .context import DocContext, year_hint
from .cues import use_words
from .entities import bystanders
from .sentences import Span
from .tokens import AMOUNT, BOUNDARY, CUE, DATE, ENTITY, PERIOD, TICKER, Tok

HUNDRED = Decimal(100)


@dataclass
class Draft:
    """A fact before its offsets are mapped back to the original text."""

    entity: str
    metric: str
    period: Optional[str]
    segment: Optional[str]
    value: object
    unit: str
    qualifier: str
    start: int
    end: int
    sent: Span
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None
    forecast: bool = False
    cue: Optional[str] = None
    rule: str = ""


@dataclass
class Miss:
    start: int
    end: int
    reason: str
    detail: str
    sent: Span
    value: Optional[Decimal] = None
    unit: Optional[str] = None


@dataclass
class Conversion:
    """A currency conversion the article states: ``43亿港元(约5.6亿美元)``."""

    source: object   # Amount
    target: object   # Amount
    sent: Span


# ----------------------------------------------------------------------------------------
# metric vocabulary

def _metric_sets():
    m = lexicon.metrics()
    currency = {k for k, v in m.items() if v.unit == "currency"}
    return m, currency


_LOSSES = ("net_loss", "adjusted_net_loss", "operating_loss")
_POINT_METRICS = {"cash", "rd_headcount", "rd_headcount_share"}
_FUNDING_METRICS = {"funding_rounds", "total_funding", "post_money_valuation"}
_FROM = re.compile(r"(?:从|由)[^，,。；;]{0,12}$")
_TO_VERB = re.compile(r"^\s*的?\s*[\u4e00-\u9fff]{0,4}?(?:至|到)\s*$")
_RUN_SEP = re.compile(r"^\s*(?:[、,，/]|和|及|以及|与|、以及|，以及|或)?\s*$")
#: words that only Hong Kong listings use: share prices in 元 there are Hong Kong dollars
_HK_MARKERS = re.compile(r"港元|港币|港股|港交所|联交所|香港|入场费|招股价|股份代号|孖展|每手|集资|大市|涉资|收市|开市|恒指|首挂")
_COMPARE_BEFORE = re.compile(r"(?:较|相较于?|相比|比|对比|较之)\s*$")
#: a date followed by these words says when a company listed, not which day is being quoted
_LISTING_AFTER = re.compile(r"\s*(?:上市|挂牌|登陆|招股)(?:的|后|之后|以来)")
#: 较发行价低5.76% / 较招股价高3.27%: the change against a price, its direction right before it
_VS_PRICE = re.compile(r"较[^，,。；;]{0,12}价[^，,。；;\d]{0,3}?(高|低|升|跌|涨|上升|下跌|降)\s*$")
#: an article about mainland listings, where 元 is renminbi even for share prices
_A_SHARE = re.compile(r"科创板|创业板|A股|上交所|深交所|沪市|深市|北交所")
#: how far back (in characters) a rule looks for its context inside a sentence: articles keep
#: context close, and a text without punctuation must not make every look quadratic
_LOOK = 240
_SINCE = re.compile(r"\s*(?:成立|创立|创办)?\s*(?:以来|至今|起|开始|之前|以前)|\s*(?:成立|创立|创办)")
_DELTA_BEFORE = re.compile(r"(?:增加|减少|增长了|增加了|减少了|多了|少了|下降了|上升了)\s*$")


@dataclass
class _State:
    """What the reader knows at a point of a sentence."""

    entity: Optional[str]
    entity_explicit: bool = False
    entities: list = field(default_factory=list)       # companies named in this sentence, in order
    entity_pos: list = field(default_factory=list)     # where each of them was named
    period_tok: Optional[Tok] = None                    # last period token of the sentence
    base: Optional[str] = None                          # current metric cue value
    base_cue: Optional[str] = None
    base_pos: int = -1
    prev_base: Optional[str] = None                     # the base before the current one
    prev_base_pos: int = -1
    loss_metric: Optional[str] = None                   # last specific loss metric named
    segment: Optional[str] = None
    segment_pos: int = -1
    seg_seen: bool = False
    base_is_postfix: bool = False
    mod: Optional[str] = None
    mod_pos: int = -1
    denominator: Optional[str] = None
    price: Optional[str] = None
    price_pos: int = -1
    change: Optional[str] = None
    change_pos: int = -1
    clause_start: int = 0
    sentence_start: int = 0
    last_amount_end: int = -1
    paren_role: Optional[str] = None                    # metric of the last parenthetical percent
    fromto_last: Optional[Period] = None                # period of the B in a pending 从A至B
    run_last: object = None                             # the last amount of the enumeration being read
    compare_tok: Optional[Tok] = None                   # a period named as a comparison base (较2023年)
    consumed: set = field(default_factory=set)          # cue positions already used as a postfix
    flags: dict = field(default_factory=dict)           # ctx value -> position (this clause)
    sflags: dict = field(default_factory=dict)          # ctx value -> position (whole sentence)


class Reader:
    """Reads every sentence of a document (see module docstring)."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.text = ctx.text
        self.metrics, self.currency_metrics = _metric_sets()
        self.drafts: list[Draft] = []
        self.misses: list[Miss] = []
        self.conversions: list[Conversion] = []
        self.recent_periods: list[Tok] = []      # period tokens seen so far, in order
        self.par_periods: list[Tok] = []         # period tokens of the paragraph so far
        self.carry_entity: Optional[str] = None
        self.last_trading_day: Optional[dt.date] = None   # the trading day last described
        self.last_trading_pos = -10**9                    # where it was described
        self.prev_entities: list = []            # companies named by the last sentence naming several
        self.prev_sentence_period: Optional[Tok] = None
        self.close_reported = "收盘" in self.text or "收报" in self.text or "报收" in self.text
        # Hong Kong copy writes share prices in 元 meaning Hong Kong dollars (招股价116.2元)
        self.hk_yuan = bool(_HK_MARKERS.search(self.text)) or not _A_SHARE.search(self.text)
        self.par_loss_metric: Optional[str] = None     # the loss metric of the paragraph so far
        self.par_trading = False                       # the previous sentence quoted prices
        self.par_uses = False                          # the paragraph lists uses of proceeds
        self.section_segment: Optional[str] = None     # segment named by the current section heading
        self._topic = None                             # see topic_period

    # ------------------------------------------------------------------ driver
    def read(self) -> None:
        stream = self.ctx.stream
        for sent, toks in zip(stream.sentences, stream.by_sentence()):
            self._section(sent, toks)
            if not any(t.kind in (AMOUNT, DATE, TICKER) for t in toks):
                self._remember(toks, sent)
                continue
            self._read_sentence(sent, toks)
            self._remember(toks, sent)

    _OBJECT_LIST = re.compile(r"(?:包括|包含|涵盖|囊括|例如|比如|诸如|股东有|投资方有|投资者有|投资者为|引入了?|获得了?)"
                              r"[^，,。；;：:]*$")

    _SUBJECT_LEAD = re.compile(r"^[\s\d年月日上下半前三季度第一二四个同期而但其中此外另外同时对比相比相较较与和及、据显示,，:：]*$")

    def _object_position(self, st: _State, t: Tok) -> bool:
        """A company named in a list of investors or shareholders (…包括阿里巴巴、百度、达飞集团),
        or a bystander (阿里, 腾讯 …) that is not the subject of its clause."""
        before = self.text[max(st.clause_start, t.start - _LOOK):t.start]
        if self._OBJECT_LIST.search(before):
            return True
        return t.obj.entity in bystanders() and not self._SUBJECT_LEAD.match(before)

    def _remember(self, toks: list[Tok], sent: Span) -> None:
        """Carry periods, companies, the loss metric and price talk to the next sentences."""
        ents: list[str] = []
        loss = None
        trading = False
        for t in toks:
            k = t.kind
            if k == PERIOD:
                if t.obj.period is not None:
                    self.recent_periods.append(t)
                    self.par_periods.append(t)
                    self.prev_sentence_period = t
            elif k == ENTITY:
                e = t.obj.entity
                if e not in bystanders() and e not in ents:
                    ents.append(e)
            elif k == CUE:
                kind = t.obj.kind
                if kind == "price":
                    trading = True
                elif kind == "metric" and t.obj.value in _LOSSES:
                    loss = t.obj.value
        if len(ents) >= 2:
            self.prev_entities = ents
        if sent.end >= len(self.text) or self.text[sent.end - 1] == "\n":
            self.carry_entity = None          # a new paragraph starts from the main company
            self.par_loss_metric = None
            self.par_trading = False
            self.par_uses = False
            self.par_periods = []
        else:
            self.par_trading = trading
            if ents:
                self.carry_entity = ents[0]
            if loss:
                self.par_loss_metric = loss

    def topic_period(self) -> Optional[Tok]:
        """The reporting period the article is about: the first sub-year period it names
        (2025年中期业绩 -> 2025H1), else the latest year."""
        if self._topic is None:
            best = None
            for t in self.ctx.stream.tokens:
                if t.kind == PERIOD and t.obj.kind == "single" and t.obj.period is not None:
                    if t.obj.period.kind in ("half", "quarter", "quarters"):
                        best = t
                        break
                    if best is None or t.obj.period.end_date > best.obj.period.end_date:
                        best = t
            self._topic = best or False
        return self._topic or None

    def _section(self, sent: Span, toks: list[Tok]) -> None:
        """A short heading line (本地部署 / 云端部署) opens a section about one business segment;
        its gross margins and revenues belong to that segment until the next heading."""
        line = self.text[sent.start:sent.end].strip()
        starts_line = sent.start == 0 or self.text[sent.start - 1] == "\n"
        if not starts_line or not line or len(line) > 12 or re.search(r"[\d，,。：:；;!！?？]", line):
            return
        segs = [t.obj.value for t in toks if t.kind == CUE and t.obj.kind == "seg"]
        self.section_segment = segs[0] if len(segs) == 1 and len(line) <= len(segs[0]) + 4 else None

    def _subject(self) -> Optional[str]:
        return self.carry_entity or self.ctx.main_entity

    # ------------------------------------------------------------------ one sentence
    def _read_sentence(self, sent: Span, toks: list[Tok]) -> None:
        st = _State(entity=self._subject(), clause_start=sent.start, sentence_start=sent.start,
                    loss_metric=self.par_loss_metric)
        for t in toks:
            if t.kind == CUE and t.obj.kind == "ctx":
                st.sflags.setdefault(t.obj.value, t.start)
        if self.text[sent.start:sent.start + 2] == "其中" and self.prev_sentence_period is not None:
            st.period_tok = self.prev_sentence_period
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            k = t.kind
            if k == BOUNDARY:
                st.clause_start = t.start
                st.mod = None
                st.denominator = None
                st.flags = {}
            elif k == ENTITY:
                if self._object_position(st, t):
                    i += 1
                    continue        # 投资者包括阿里巴巴、达飞集团…: named as objects, not the subject
                st.entity = t.obj.entity
                st.entity_explicit = True
                if not st.entities or st.entities[-1] != t.obj.entity:
                    st.entities.append(t.obj.entity)
                    st.entity_pos.append(t.start)
            elif k == PERIOD:
                self._on_period(st, t)
            elif k == CUE:
                if t.start not in st.consumed:
                    self._on_cue(st, t)
            elif k == AMOUNT:
                j = self._run_end(toks, i)
                self._on_amounts(st, sent, toks, i, j)
                i = j
            elif k == DATE:
                self._date_as_point(st, t)
            elif k == TICKER:
                pass
            i += 1

    # ------------------------------------------------------------------ state updates
    def _on_period(self, st: _State, t: Tok) -> None:
        pm = t.obj
        if pm.kind == "relative":
            rel = getattr(pm, "relative", None)
            offset = getattr(pm, "year_offset", None)
            if rel == "same_period" and offset and _COMPARE_BEFORE.search(
                    self.text[max(st.clause_start, t.start - 4):t.start]):
                return          # 较上年同期增长: the growth of the period in context
            if rel == "same_period" and offset:
                # 去年同期: the period in context, one year earlier
                base = st.period_tok or self.prev_sentence_period
                if base is not None and base.obj.period is not None:
                    shifted = _shift_year(base.obj.period, offset)
                    if shifted is not None:
                        st.period_tok = Tok(PERIOD, t.start, t.end,
                                            _SyntheticPeriod(shifted, t.start, t.end, pm.text))
                        return
                st.flags["unknown_period"] = t.start
                return
            if rel == "same_period" or (rel in ("reporting_period", "current_period")
                                        and not pm.text.startswith("报告期")):
                st.flags["same_period"] = t.start
                return
            resolved = self._resolve_relative(st, pm)
            if resolved is not None:
                st.period_tok = resolved
            else:
                st.flags["unknown_period"] = t.start
            return
        if pm.kind == "duration":
            st.flags["duration"] = st.sflags["duration"] = t.start
            st.flags["duration_years"] = st.sflags["duration_years"] = getattr(pm, "years", None)
            return
        if pm.period is not None:
            if _COMPARE_BEFORE.search(self.text[max(st.clause_start, t.start - 4):t.start]):
                st.compare_tok = t          # 较2023年的…: for the figure right after it only
                return
            st.period_tok = t

    def _date_as_point(self, st: _State, t: Tok) -> None:
        """截至今年6月30日 / 截至去年9月底: a date after 截至 is the point of a stock figure."""
        m = re.search(r"(?:截至|截止到?|于)\s*(今年|去年|本年|上年)?\s*$", self.text[max(0, t.start - 6):t.start])
        if not m or st.period_tok is not None and st.period_tok.end >= t.end:
            return
        when = self._date_of(t)
        if when is None:
            return
        from ..periods import Period as _P
        p = _P.of_date(when)
        st.period_tok = Tok(PERIOD, t.start, t.end, _SyntheticPeriod(p, t.start, t.end, t.obj.text, kind="point"))

    def _resolve_relative(self, st: _State, pm) -> Optional[Tok]:
        """上半年/前三季度 without a year take the year of the period in context."""
        rel = getattr(pm, "relative", None)
        if rel in ("reporting_period",):
            return None
        offset = getattr(pm, "year_offset", None)
        if offset is not None:
            # 今年上半年 / 去年: the year of the publication date
            if self.ctx.today is None:
                return None
            year = self.ctx.today.year + offset
            if rel in ("this_year", "last_year", "year_before_last", "next_year"):
                from ..periods import Period as _P
                p = _P.of_year(year)
                return Tok(PERIOD, pm.start, pm.end, _SyntheticPeriod(p, pm.start, pm.end, pm.text))
        else:
            base = st.period_tok or self.prev_sentence_period
            if base is None or base.obj.period is None:
                return None
            year = _year_of(base.obj.period)
            if year is None:
                return None
        canon = {"H1": f"{year}H1", "H2": f"{year}H2", "Q1-Q3": f"{year}Q1-Q3", "Q1": f"{year}Q1",
                 "Q2": f"{year}Q2", "Q3": f"{year}Q3", "Q4": f"{year}Q4"}.get(rel)
        if canon is None:
            return None
        from ..periods import parse_period
        p = parse_period(canon)
        return Tok(PERIOD, pm.start, pm.end, _SyntheticPeriod(p, pm.start, pm.end, pm.text))

    def _on_cue(self, st: _State, t: Tok) -> None:
        c = t.obj
        if c.kind == "metric":
            if st.mod in ("share_of",) and st.base is not None:
                st.denominator = c.value
                return
            if st.mod == "ratio_pending" and st.base is not None:
                st.denominator = c.value
                return
            st.prev_base, st.prev_base_pos = st.base, st.base_pos
            st.base, st.base_cue, st.base_pos = c.value, c.word, t.start
            st.base_is_postfix = False
            if c.value in _LOSSES:
                st.loss_metric = c.value
            if st.segment is not None and st.segment_pos < st.clause_start:
                st.segment = None
            if c.value in ("gross_margin", "revenue") and st.segment is None and not st.seg_seen:
                st.segment, st.segment_pos = self.section_segment, t.start
            st.mod = None
        elif c.kind == "loss":
            if st.mod in ("share_of",) and st.base is not None:
                st.denominator = "net_loss"
                return
            st.prev_base = st.base
            # 期内亏损 / 年内亏损 (the period word was read as a period): the net loss
            plain = re.search(r"(?:期内|年内|本期|当期|全年)$", self.text[max(0, t.start - 2):t.start])
            st.base = "net_loss" if plain else (st.loss_metric or "net_loss")
            st.base_cue, st.base_pos = c.word, t.start
            st.mod = None
        elif c.kind == "mod":
            if c.value == "level" and st.mod is not None and st.mod_pos >= st.clause_start:
                return
            if c.value == "share_of_revenue":
                st.mod, st.denominator = "share_of", "revenue"
            else:
                st.mod = c.value
            st.mod_pos = t.start
        elif c.kind == "price":
            value = c.value
            if value == "quote":        # 报: the price the sentence is about (开盘报, 收盘…报), else the last
                value = st.price if st.price is not None else "last"
            st.price, st.price_pos = value, t.start
            if "跌" in c.word or c.word in ("低开", "开低"):
                st.change, st.change_pos = "down", t.start
            elif "涨" in c.word or "升" in c.word or c.word in ("高开", "开高"):
                st.change, st.change_pos = "up", t.start
        elif c.kind == "change":
            st.change, st.change_pos = c.value, t.start
        elif c.kind == "seg":
            st.segment = c.value
            st.segment_pos = t.start
            st.seg_seen = True
            st.prev_base = st.base
            st.base, st.base_cue, st.base_pos = "revenue", c.word, t.start
        elif c.kind == "ctx":
            st.flags[c.value] = t.start
            if c.value in ("former", "latter"):
                names = st.entities if len(st.entities) >= 2 else self.prev_entities
                if len(names) >= 2:
                    st.entity = names[0] if c.value == "former" else names[1]
                    st.entity_explicit = True

    # ------------------------------------------------------------------ runs of amounts
    def _run_end(self, toks: list[Tok], i: int) -> int:
        """Index of the last amount of the enumeration starting at toks[i]."""
        j = i
        while True:
            k = j + 1
            while k < len(toks) and toks[k].kind == BOUNDARY:
                k += 1
            if k >= len(toks) or toks[k].kind != AMOUNT:
                return j
            a, b = toks[j].obj, toks[k].obj
            between = self.text[a.end:b.start]
            if not _RUN_SEP.match(between) or not _compatible(a, b):
                return j
            j = k

    def _on_amounts(self, st: _State, sent: Span, toks: list[Tok], i: int, j: int) -> None:
        run = [toks[x].obj for x in range(i, j + 1) if toks[x].kind == AMOUNT]
        run = _propagate_units(run)
        run = _propagate_qualifier(run)
        run = [a.model_copy(update={"value": -a.value}) if self.text[a.start - 1:a.start] == "负"
               and a.value > 0 and a.unit == "percent" else a for a in run]
        first = run[0]
        if first.unit == "percent" and st.base is not None and st.base_pos >= st.clause_start \
                and re.fullmatch(r"[的之]\s*", self._between_cue_and(st, first)):
            # 全球发售的35%: the cue names what the share is of, not the subject
            st.denominator, st.base = st.base, st.prev_base
            st.mod, st.mod_pos = "share_of", st.base_pos
        explicit = self._explicit_period(st, toks[i].start)
        self._postfix_cue(st, toks, j)
        force = None
        if st.fromto_last is not None:
            if explicit is None:
                force = st.fromto_last
            st.fromto_last = None
        if len(run) == 1:
            # from-to pair (从A增至B): A takes the first period of the range, B the last
            nxt = self._next_amount(toks, j)
            if nxt is not None and self._is_from_to(st, run[0], nxt.obj):
                if run[0].unit is None and run[0].scaled and nxt.obj.unit is not None:
                    run = [run[0].model_copy(update={"unit": nxt.obj.unit})]
                items = list(st.period_tok.obj.items or []) if st.period_tok is not None else []
                if (explicit is None or explicit.obj.period.kind == "span") and len(items) >= 2:
                    force = items[0]
                    st.fromto_last = items[-1]
            if force is None and "each" in st.sflags and self._cut_after(run[0]):
                # the page was cut inside an enumeration (245%、20…): the first figure maps to
                # the first period of the list, the cut one is reported
                tok = explicit or st.period_tok
                items = list(tok.obj.items or []) if tok is not None else []
                if len(items) >= 2:
                    force = items[0]
            self._single(st, sent, run[0], explicit, force)
        else:
            self._enumeration(st, sent, run, explicit)
        st.last_amount_end = run[-1].end
        st.mod = None if st.mod not in ("share_of",) else st.mod

    def _between_cue_and(self, st: _State, a) -> str:
        word = st.base_cue or ""
        end = st.base_pos + len(word)
        return self.text[end:a.start] if 0 <= end <= a.start else "?"

    def _postfix_cue(self, st: _State, toks: list[Tok], j: int) -> None:
        """``以约43亿港元募资规模``, ``实现1.9亿元收入``: a metric word right after an amount of money
        (or shares) names it when its own clause has no cue before it."""
        if j + 1 >= len(toks):
            return
        a, nxt = toks[j].obj, toks[j + 1]
        if nxt.kind != CUE or nxt.obj.kind not in ("metric", "loss") or a.unit in ("percent", None):
            return
        if self.text[a.end:nxt.start] not in ("", "的", "为", "是"):
            return
        if st.base is not None and st.base_pos >= st.clause_start and not st.base_is_postfix:
            return
        self._on_cue(st, nxt)
        st.base_is_postfix = True
        st.consumed.add(nxt.start)

    def _next_amount(self, toks: list[Tok], j: int) -> Optional[Tok]:
        for k in range(j + 1, min(j + 4, len(toks))):
            if toks[k].kind == AMOUNT:
                return toks[k]
            if toks[k].kind not in (BOUNDARY, CUE):
                return None
        return None

    def _is_from_to(self, st: _State, a, b) -> bool:
        return bool(_FROM.search(self.text[max(st.clause_start, a.start - _LOOK):a.start])) and bool(
            _TO_VERB.match(self.text[a.end:b.start]))

    # ------------------------------------------------------------------ periods
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
        ps = [p for p in find_periods(m.group(1)) if p.period is not None]
        if len(ps) == 1 and ps[0].text.strip() == m.group(1).strip():
            return ps[0].period
        return None

    def _recent_list(self, n: int, before: int) -> Optional[list]:
        """The periods ``同期`` refers to for ``n`` figures: the most recent enumeration with ``n``
        items, else a recent range followed by the periods named after it (2022-2024年…；2025年
        前三季度… -> four periods)."""
        recent = [t for t in self.recent_periods[-12:] if t.start < before]
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
                  and not _SINCE.match(self.text[r.end:r.end + 6])]
        for k in range(len(recent) - 1, -1, -1):
            p = recent[k].obj.period
            if len(recent[k].obj.items or []) >= 2 and p.items()[0].kind != "date":
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
               and not _SINCE.match(self.text[r.end:r.end + 6])]
        if len(par) >= 2:
            first = min(par, key=lambda p: p.start_date)
            last = max(par, key=lambda p: p.end_date)
            if first.items()[0] != last.items()[-1]:
                candidates.append(Period.span(first.items()[0], last.items()[-1]))
        for c in candidates:
            if years is None or _span_years_close(c, years):
                return c
        return None

    def _sentence_periods(self, st: _State, pos: int) -> list[Tok]:
        return [t for t in self.ctx.stream.in_span(max(st.sentence_start, pos - _LOOK), pos)
                if t.kind == PERIOD and t.obj.period is not None]

    def _period_for(self, st: _State, a, metric: str, explicit: Optional[Tok]) -> tuple[Optional[str], str]:
        """(period string, reason if None) for a single figure of a metric that needs one."""
        info = self.metrics[metric]
        pos = a.start
        if metric == "post_money_valuation":
            return None, ""
        if metric in _FUNDING_METRICS:
            t = explicit or st.period_tok
            if t is not None and t.obj.period is not None and not _SINCE.match(self.text[t.end:t.end + 6]) \
                    and not re.search(r"(?:成立于|创立于|创办于|自|从)\s*$", self.text[max(0, t.start - 4):t.start]):
                p = t.obj.period
                if p.kind == "year" or (p.kind == "span" and metric == "total_funding"
                                        and p.items()[0].kind == "year"):
                    return str(p), ""
            return None, ""
        cumulative = metric not in _POINT_METRICS and info.unit == "currency" and (
            any(k in st.flags for k in ("cumulative", "duration"))
            or ("duration" in st.sflags and st.sflags["duration"] < pos and explicit is None))
        paren = self._paren_period(a)
        if paren is not None:
            return self._fit_period(paren, metric), ""
        tok = explicit
        if tok is not None and tok is st.compare_tok and metric in ("revenue_growth", "net_loss_growth"):
            tok = st.period_tok         # 2024年收入…较2023年增长782%: the growth of 2024
        if tok is None and "same_period" in st.flags:
            tok = st.period_tok if st.period_tok is not None else (
                self.prev_sentence_period if self.par_periods else self.topic_period())
        if tok is None:
            tok = st.period_tok
        if metric == "revenue_cagr" or cumulative:
            span = self._span_from_context(st, pos) if (tok is None or tok.obj.period.kind != "span") else tok.obj.period
            if span is None and tok is not None and not cumulative:
                span = tok.obj.period
            if span is None:
                return None, "no_period"
            return str(span), ""
        if tok is None:
            if info.period in ("optional",) or metric in _FUNDING_METRICS:
                return None, ""
            return None, "no_period"
        p = tok.obj.period
        if p.kind == "span":
            return None, "ambiguous_period"
        fitted = self._fit_period(p, metric, tok)
        if fitted is None:
            return None, "no_period"
        return fitted, ""

    def _fit_period(self, p: Period, metric: str, tok: Optional[Tok] = None) -> Optional[str]:
        """The period a metric takes: a point for stocks (cash, headcount), a flow period else.

        截至2025年上半年 is a point (2025-06-30) for a headcount but the half 2025H1 for a
        revenue share; a flow with only a day (截至2025年6月30日) has no period.
        """
        if metric in _POINT_METRICS:
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

    # ------------------------------------------------------------------ single figures
    def _single(self, st: _State, sent: Span, a, explicit: Optional[Tok],
                force: Optional[Period] = None) -> None:
        if self._conversion(st, sent, a):
            return
        decided = self._classify(st, sent, a)
        if isinstance(decided, Miss):
            self.misses.append(decided)
            if decided.reason in ("no_metric_cue", "unit_mismatch") and a.unit is not None \
                    and st.base_pos < st.clause_start and st.mod != "qoq":
                st.base = None      # the carried cue does not explain this clause: stop carrying it
            return
        metric, value, unit, qualifier, segment, cue, rule = decided
        info = self.metrics[metric]
        period: Optional[str] = None
        if rule == "ratio":
            # 累计约44亿元，为同期总营收的8倍: the ratio covers the period of the figure it divides
            num = [d for d in self.drafts if d.sent == sent and d.metric == st.prev_base and d.period]
            if num:
                self._emit(st, sent, a, metric, value, unit, qualifier, segment, num[-1].period, cue, rule)
                return
        if info.period == "trading":
            day = self._trading_day(st, sent, a)
            if day is None:
                self._miss(a, sent, "no_period", f"{metric}: trading day unknown")
                return
            self.last_trading_day, self.last_trading_pos = day, sent.end
            period = day.isoformat()
        elif force is not None and info.period in ("required", "optional"):
            period = self._fit_period(force, metric)
        elif info.period in ("required", "optional") or metric in _FUNDING_METRICS:
            period, reason = self._period_for(st, a, metric, explicit)
            if period is None and reason:
                self._miss(a, sent, reason, metric)
                return
        self._emit(st, sent, a, metric, value, unit, qualifier, segment, period, cue, rule)

    def _enumeration(self, st: _State, sent: Span, run: list, explicit: Optional[Tok]) -> None:
        first = run[0]
        st.run_last = run[-1]
        decided = self._classify(st, sent, first)
        if isinstance(decided, Miss):
            for a in run:
                self._miss(a, sent, decided.reason, decided.detail)
            return
        metric, _, unit, _, segment, cue, rule = decided
        info = self.metrics[metric]
        periods: Optional[list] = None
        tok = explicit or st.period_tok
        names = [e for e, p in zip(st.entities, st.entity_pos) if p > st.last_amount_end]
        if len(names) < 2:
            names = list(st.entities)
        if len(names) < 2 and re.search(r"两家公司|两家|两者|二者|两股|两只", self.text[max(st.sentence_start, first.start - _LOOK):first.start]):
            names = list(self.prev_entities)     # 两家公司的成交额分别为A和B
        if "each" in st.sflags and len(names) == len(run) >= 2 and (
                tok is None or len(tok.obj.items or []) != len(run)):
            # 智谱与MiniMax的2024年营收分别为A及B: one figure per company
            for name, a in zip(names, run):
                st.entity = name
                self._single(st, sent, a, explicit)
            return
        if info.period in ("required", "optional"):
            if tok is not None and len(tok.obj.items or []) == len(run):
                periods = list(tok.obj.items)
            elif "same_period" in st.flags or "each" in st.sflags or tok is None:
                periods = self._recent_list(len(run), first.start)
            if periods is None and tok is not None and len(tok.obj.items or []) > len(run) \
                    and self._truncated(sent):
                periods = list(tok.obj.items)[: len(run)]
            if periods is None:
                for a in run:
                    self._miss(a, sent, "ambiguous_period",
                               f"{metric}: {len(run)} figures, no matching list of periods")
                return
        for k, a in enumerate(run):
            d = self._classify(st, sent, a)
            if isinstance(d, Miss):
                self.misses.append(d)
                continue
            m, value, unit, qualifier, seg, cue, rule = d
            period = None
            if periods is not None:
                period = self._fit_period(periods[k], m)
            elif info.period == "trading":
                day = self._trading_day(st, sent, a)
                if day is None:
                    self._miss(a, sent, "no_period", f"{m}: trading day unknown")
                    continue
                period = day.isoformat()
            self._emit(st, sent, a, m, value, unit, qualifier, seg, period, cue, rule + "+enum")

    def _cut_after(self, a) -> bool:
        """Only a separator and a few digits follow ``a`` before the end of the text."""
        return bool(re.fullmatch(r"\s*[、,，]\s*[\d.]{0,8}\s*", self.text[a.end:]))

    def _truncated(self, sent: Span) -> bool:
        """The article was cut inside this sentence (a partial page)."""
        return sent.end >= len(self.text.rstrip()) and self.text.rstrip()[-1:] not in "。！？!?”\"」)）"

    # ------------------------------------------------------------------ classification
    def _classify(self, st: _State, sent: Span, a):
        """Decide the metric of one amount: a tuple, or a Miss with the reason."""
        unit = a.unit
        pos = a.start
        # an intraday peak or a grey-market trade is not a fact (一度涨超37%, 暗盘)
        nf = st.flags.get("notfact")
        if nf is not None and nf < pos:
            if unit == "HKD" and (st.price is None or st.price_pos < st.clause_start) \
                    and self.close_reported and self._falls(nf, pos):
                return ("low_price", a.value, "HKD/share", a.qualifier, None, "一度跌至", "intraday-low")
            return self._mk_miss(a, sent, "not_a_fact", "intraday peak or grey market")
        if unit is None:
            reason = "no_currency" if a.scaled else "no_metric_cue"
            return self._mk_miss(a, sent, reason, st.base or "")
        if unit == "percent":
            return self._classify_percent(st, sent, a)
        if unit == "times":
            return self._classify_times(st, sent, a)
        if unit in CURRENCIES:
            return self._classify_money(st, sent, a)
        if unit == "shares":
            return self._classify_shares(st, sent, a)
        if unit == "count":
            return self._classify_count(st, sent, a)
        return self._mk_miss(a, sent, "no_metric_cue", unit or "")

    def _falls(self, nf: int, pos: int) -> bool:
        seg = self.text[nf:pos]
        return "跌" in seg

    def _postfix(self, a, words: tuple[str, ...], window: int = 8) -> Optional[str]:
        """The first of ``words`` written right after the amount (``的`` may stand between)."""
        after = self.text[a.end:a.end + window]
        for w in words:
            if after.startswith(w) or after.startswith("的" + w):
                return w
        return None

    def _classify_money(self, st: _State, sent: Span, a):
        pos = a.start
        base = st.base
        if re.search(r"(?<![\d.])[百千万]+亿", a.text) and not re.search(r"\d", a.text):
            # 市值突破千亿港元: an order of magnitude, not a figure
            return self._mk_miss(a, sent, "not_a_fact", "order of magnitude")
        prev = self.drafts[-1] if self.drafts else None
        if prev is not None and prev.unit == "percent" and re.search(
                r"[(（]\s*(?:约|約)?\s*$", self.text[max(0, pos - 3):pos]) and prev.end >= pos - 4:
            return self._mk_miss(a, sent, "not_a_fact", f"the amount of a {prev.metric} share")
        text_before = self.text[max(st.clause_start, pos - 6):pos]
        # per-share prices
        if a.per_share or (a.unit == "HKD" and not a.scaled and a.value < 10000) or (
                a.unit == "CNY" and self.hk_yuan and not a.scaled and a.value < 10000
                and "人民币" not in a.text and "RMB" not in a.text):
            r = self._classify_price(st, sent, a)
            if r is not None:
                return r
            if a.per_share:
                return self._mk_miss(a, sent, "no_metric_cue", "per-share price without a price cue")
        if base is None:
            post = self._postfix(a, ("收入", "营收", "研发", "募资", "净亏损", "亏损"))
            if post in ("收入", "营收"):
                return self._fact("revenue", a, st.segment, post, "postfix")
            return self._mk_miss(a, sent, "no_metric_cue", "")
        if _DELTA_BEFORE.search(text_before) or (st.mod == "delta" and st.mod_pos > st.base_pos) or (
                st.mod in ("growth", "decline") and st.mod_pos > st.base_pos
                and not re.search(r"至|到|为|达", self.text[st.mod_pos:pos])):
            return self._mk_miss(a, sent, "not_a_fact", "a change, not a level")
        if base == "x_market_cap":
            if self._trading_context(st, pos):
                return self._fact("market_cap", a, None, st.base_cue, "market-cap-trading")
            if self._ipo_context(st, pos):
                return self._fact("market_cap_at_ipo", a, None, st.base_cue, "market-cap-ipo")
            return self._mk_miss(a, sent, "no_metric_cue", "market cap: neither IPO nor trading day")
        if base == "x_funding":
            clause = self.text[max(st.sentence_start, pos - _LOOK):pos + 8]
            if re.search(r"(?:最新|这|该|本|上|首|一|单)轮|[A-F]\+?轮|天使轮|战略投资", clause):
                return self._mk_miss(a, sent, "no_metric_cue", "amount of a single funding round")
            if self._funding_context(st, pos):
                if not re.search(r"累计|合计|共计|总计|总额|合共|一共|共获|共募|共融", self.text[max(st.sentence_start, pos - _LOOK):pos + 6]):
                    return self._mk_miss(a, sent, "no_metric_cue", "funding amount without a total")
                return self._fact("total_funding", a, None, st.base_cue, "funding")
            if self._ipo_context(st, pos):
                return self._fact("gross_proceeds", a, None, st.base_cue, "proceeds")
            return self._mk_miss(a, sent, "no_metric_cue", "financing: neither IPO nor funding round")
        if base == "x_offer_size" and self._ipo_context(st, pos):
            return self._fact("gross_proceeds", a, None, st.base_cue, "offer-size")
        if base == "x_valuation":
            if self._funding_context(st, pos) and not self._ipo_context(st, pos):
                return self._fact("post_money_valuation", a, None, st.base_cue, "valuation")
            if self._ipo_context(st, pos) and not self._funding_context(st, pos):
                return self._fact("market_cap_at_ipo", a, None, st.base_cue, "valuation-ipo")
            return self._mk_miss(a, sent, "no_metric_cue", "valuation")
        if base == "x_subscription":
            if "cornerstone" in st.sflags and "sub" not in st.flags and not self._named_investor(st, pos):
                return self._fact("cornerstone_amount", a, None, st.base_cue, "cornerstone")
            return self._mk_miss(a, sent, "no_metric_cue", "subscription amount")
        if base == "x_net_profit":
            if a.value < 0:
                return ("net_loss", -a.value, a.unit, a.qualifier, None, st.base_cue, "negative-profit")
            return self._mk_miss(a, sent, "no_metric_cue", "profit")
        if base.startswith("x_"):
            return self._mk_miss(a, sent, "no_metric_cue", base[2:])
        if base in self.currency_metrics:
            if st.base_pos < st.clause_start and self.metrics[base].family == "financial" and (
                    "ipo" in st.flags or re.search(r"募资|集资|IPO", self.text[max(st.clause_start, pos - _LOOK):pos])):
                return self._mk_miss(a, sent, "no_metric_cue", f"{base} carried into a clause about the IPO")
            if base in ("gross_proceeds", "net_proceeds") and "cornerstone" in st.flags:
                return self._fact("cornerstone_amount", a, None, st.base_cue, "cornerstone")
            if base == "gross_proceeds" and "net" in st.flags:
                return self._fact("net_proceeds", a, None, st.base_cue, "net-proceeds")
            if base == "gross_proceeds" and self._pre_ipo_funding(st, pos):
                return self._fact("total_funding", a, None, st.base_cue, "funding")
            if base == "total_funding" and self._ipo_context(st, pos) and not self._funding_context(st, pos):
                return self._mk_miss(a, sent, "no_metric_cue", "funding vs proceeds unclear")
            seg = st.segment if base in ("revenue", "gross_profit") else None
            if base == "net_loss" and "adjusted" in st.sflags:
                base = "adjusted_net_loss"      # 按经调整口径，…净亏损
            if base in _LOSSES and a.value < 0:
                return (base, -a.value, a.unit, a.qualifier, None, st.base_cue, "loss")
            return self._fact(base, a, seg, st.base_cue, "cue")
        return self._mk_miss(a, sent, "unit_mismatch", f"{base} is not an amount of money")

    def _classify_price(self, st: _State, sent: Span, a):
        """HKD per-share figures: offer price or a trading price."""
        pos = a.start
        if st.base == "offer_price" and st.base_pos > st.price_pos and st.base_pos >= st.clause_start \
                and len(self._between_cue_and(st, a)) <= 3:
            return self._price_fact("offer_price", a, st.base_cue, "offer-price")   # 较招股价26.5港元高开…
        post = self._postfix(a, ("的价格开盘", "开盘", "开市", "开出", "高开", "低开", "的价格收盘", "收盘", "收市"),
                             window=8)
        if post:        # 以120港元开盘: the verb after the price says which price it is
            kind = "open" if "开" in post else "close"
            return self._price_fact(f"{kind}_price", a, post, "trading-postfix")
        if st.base == "offer_price" and st.base_pos > st.price_pos and st.base_pos >= st.clause_start:
            return self._price_fact("offer_price", a, st.base_cue, "offer-price")
        post = self._postfix(a, ("的发行价", "发行价", "的招股价", "的发售价", "发行", "发售"))
        if post:
            return self._price_fact("offer_price", a, post, "offer-price-postfix")
        if re.match(r"(?:的价格)?\s*(?:在|于)?[^，,。；;\d]{0,6}?(?:上市|挂牌)", self.text[a.end:a.end + 12]) \
                and re.search(r"以\s*(?:每股)?$", self.text[max(0, a.start - 4):a.start]):
            return self._price_fact("offer_price", a, "以…上市", "offer-price-listing")
        if a.qualifier_text in ("最高", "最低") and self._trading_context(st, pos):
            kind = "high" if a.qualifier_text == "最高" else "low"
            return (f"{kind}_price", a.value, "HKD/share", "exact", None, a.qualifier_text, "trading")
        if st.price is not None and st.clause_start <= st.price_pos < pos and self._trading_context(st, pos):
            kind = st.price
            return self._price_fact(f"{kind}_price", a, kind, "trading")
        if st.base == "offer_price" and st.base_pos > st.price_pos:
            return self._price_fact("offer_price", a, st.base_cue, "offer-price")
        return None

    def _price_fact(self, metric, a, cue, rule):
        return (metric, a.value, "HKD/share", a.qualifier, None, cue, rule)

    def _classify_percent(self, st: _State, sent: Span, a):
        pos = a.start
        use = self._use_of_proceeds(st, a)
        if use is not None:
            return ("use_of_proceeds", a.value, "percent", a.qualifier, use, "用于", "use-of-proceeds")
        if a.points:
            return self._mk_miss(a, sent, "no_metric_cue", "percentage points")
        if self._postfix(a, ("的份额", "的市场份额", "的市占率", "的市场占有率", "市场份额")):
            return ("market_share", a.value, "percent", a.qualifier, None, "份额", "market-share-postfix")
        # parenthetical percent after an amount: 2023年5.29亿元(425%), 1.245亿元(+117%)
        paren = self._paren_percent_role(st, a)
        if paren is not None:
            return paren
        # trading-day changes
        lo = max(st.clause_start, pos - 24)
        m = _VS_PRICE.search(self.text, lo, pos) if "较" in self.text[lo:pos] else None
        if m and self._trading_context(st, pos):
            st.change = "down" if m.group(1) in ("低", "跌", "下跌", "降") else "up"
            st.change_pos = m.start(1)
        if (st.change is not None or st.price is not None) and self._trading_context(st, pos) \
                and max(st.change_pos, st.price_pos) > st.base_pos:
            open_ctx = st.price == "open" and st.price_pos < pos
            value = a.value
            if st.change == "down" and value > 0:
                value = -value
            metric = "open_change" if open_ctx else "day_change"
            if st.price in ("high", "low"):
                return self._mk_miss(a, sent, "not_a_fact", "intraday change")
            return (metric, value, "percent", a.qualifier, None, st.change or st.price, "trading-change")
        base = st.base
        mod = st.mod if st.mod_pos > st.base_pos or st.mod in ("share_of",) else None
        if mod in ("growth", "decline"):
            metric = {"revenue": "revenue_growth", "net_loss": "net_loss_growth"}.get(base or "")
            if metric is None:
                return self._mk_miss(a, sent, "no_metric_cue", f"growth of {base}")
            value = -a.value if mod == "decline" and a.value > 0 else a.value
            return (metric, value, "percent", a.qualifier, None, st.base_cue, "growth")
        if mod == "cagr":
            if base in (None, "revenue"):
                return ("revenue_cagr", a.value, "percent", a.qualifier, None, "复合增长率", "cagr")
            return self._mk_miss(a, sent, "no_metric_cue", f"CAGR of {base}")
        if mod in ("share", "share_of"):
            return self._share(st, sent, a, st.denominator)
        if base == "gross_margin":
            return ("gross_margin", a.value, "percent", a.qualifier, st.segment, st.base_cue, "cue")
        if base == "market_share":
            return ("market_share", a.value, "percent", a.qualifier, None, st.base_cue, "cue")
        if base == "rd_to_revenue":
            return ("rd_to_revenue", a.value, "percent", a.qualifier, None, st.base_cue, "cue")
        if base == "rd_headcount_share":
            return ("rd_headcount_share", a.value, "percent", a.qualifier, None, st.base_cue, "cue")
        if base == "loss_to_revenue":
            return ("loss_to_revenue", a.value / HUNDRED, "times", a.qualifier, None, st.base_cue, "cue")
        return self._mk_miss(a, sent, "no_metric_cue", base or "")

    def _share(self, st: _State, sent: Span, a, denominator: Optional[str]):
        a = a.model_copy(update={"qualifier": self._loose_qualifier(st, a)})
        num = st.base
        seg = st.segment
        if denominator is None and "sub" in st.flags and st.prev_base not in (None, num):
            denominator = st.prev_base      # 研发支出…其中算力成本占70%: a share of R&D
        if denominator in (None, "revenue"):
            if seg is not None and num in ("revenue", None):
                return ("revenue_share", a.value, "percent", a.qualifier, seg, "占比", "share")
            if denominator == "revenue" and num == "rd_expense":
                return ("rd_to_revenue", a.value, "percent", a.qualifier, None, "占营收", "share")
            if denominator == "revenue" and num in _LOSSES:
                return ("loss_to_revenue", a.value / HUNDRED, "times", a.qualifier, None, "占营收", "share")
            if denominator is None and num == "rd_headcount":
                return ("rd_headcount_share", a.value, "percent", a.qualifier, None, "占比", "share")
        if denominator == "rd_expense" and num == "compute_cost":
            return ("compute_share_of_rd", a.value, "percent", a.qualifier, None, "占研发", "share")
        if denominator == "x_employees" and num == "rd_headcount":
            return ("rd_headcount_share", a.value, "percent", a.qualifier, None, "占员工", "share")
        return self._mk_miss(a, sent, "no_metric_cue", f"share of {num} in {denominator}")

    def _paren_percent_role(self, st: _State, a):
        before = self.text[max(0, a.start - 10):a.start]
        if a.text[:1] in "+＋-":
            before += a.text[0]
        m = re.search(r"[(（]\s*(同比|按年|yoy|YoY)?\s*(增长|增加|上升|下降|减少|下跌)?\s*([+＋-]?)\s*$", before)
        if not m:
            return None
        prev = self.drafts[-1] if self.drafts else None
        if prev is None or prev.end < a.start - 4 or prev.unit not in CURRENCIES:
            return None
        sign = m.group(3) or ("-" if m.group(2) in ("下降", "减少", "下跌") else "")
        role = None
        if sign in ("+", "＋") or m.group(1) or m.group(2) or (sign == "-" and prev.metric == "revenue"):
            role = {"revenue": "revenue_growth", "net_loss": "net_loss_growth"}.get(prev.metric)
        elif st.paren_role in ("rd_to_revenue",) and prev.metric == "rd_expense":
            role = "rd_to_revenue"
        elif st.paren_role in ("revenue_growth",) and prev.metric == "revenue":
            role = "revenue_growth"
        if role is None:
            return None
        st.paren_role = role
        value = -a.value if sign == "-" and a.value > 0 else a.value
        return (role, value, "percent", a.qualifier, None, "(…%)", "parenthetical")

    def _classify_times(self, st: _State, sent: Span, a):
        pos = a.start
        if self.text[a.end:a.end + 1] == "级" or (
                a.qualifier == "exact" and re.fullmatch(r"[百千万]+倍", a.text) and st.base != "price_to_sales"):
            # 千倍级, 千倍认购: an order of magnitude, not a figure
            return self._mk_miss(a, sent, "not_a_fact", "order of magnitude")
        mod = st.mod if st.mod_pos > st.base_pos else None
        if mod in ("growth", "decline") and st.base in ("revenue", "net_loss") and \
                not re.search(r"至|到|为|达", self.text[st.mod_pos:pos]):
            # 收入同比增长1.6倍: a growth of 160%
            metric = "revenue_growth" if st.base == "revenue" else "net_loss_growth"
            value = a.value * HUNDRED * (-1 if mod == "decline" else 1)
            return (metric, value, "percent", a.qualifier, None, st.base_cue, "growth-times")
        post = self._postfix(a, ("超额认购", "超购", "认购")) or (
            self._postfix(st.run_last, ("超额认购", "超购", "认购")) if st.run_last is not None else None)
        if (post or st.base == "oversubscription") and re.search(r"若|如果|倘若|假如|一旦", self.text[max(st.clause_start, pos - _LOOK):pos]) and \
                re.match(r"\s*(?:或以上|以上)", self.text[a.end:a.end + 4]):
            return self._mk_miss(a, sent, "not_a_fact", "a threshold (若认购倍数达100倍或以上)")
        base = st.base
        if post or base == "oversubscription":
            metric = "intl_oversubscription" if self._tranche(sent, pos) == "intl" else "hk_oversubscription"
            return (metric, a.value, "times", a.qualifier, None, post or st.base_cue, "oversubscription")
        if base == "price_to_sales":
            return ("price_to_sales", a.value, "times", a.qualifier, None, st.base_cue, "cue")
        if base == "loss_to_revenue":
            return ("loss_to_revenue", a.value, "times", a.qualifier, None, st.base_cue, "cue")
        # 市值相当于2024年收入约245倍: the price-to-sales ratio on that year's revenue
        if base == "revenue" and st.prev_base in ("x_market_cap", "market_cap_at_ipo", "market_cap"):
            return ("price_to_sales", a.value, "times", self._loose_qualifier(st, a), None, "市值/收入", "ratio-ps")
        # 研发开支为同期总营收的8倍: ratio of the previous cue to revenue
        if base == "revenue" and self.text[max(0, pos - 1):pos] == "的" and st.prev_base in ("rd_expense",) + _LOSSES:
            q = self._loose_qualifier(st, a)
            if st.prev_base == "rd_expense":
                return ("rd_to_revenue", a.value * HUNDRED, "percent", q, None, "为营收的…倍", "ratio")
            return ("loss_to_revenue", a.value, "times", q, None, "为营收的…倍", "ratio")
        return self._mk_miss(a, sent, "no_metric_cue", f"multiple of {base}")

    _LOOSE = (("约", "approx"), ("大约", "approx"), ("接近", "at_most"), ("将近", "at_most"),
              ("不到", "at_most"), ("超过", "at_least"), ("逾", "at_least"), ("超", "at_least"))

    def _loose_qualifier(self, st: _State, a) -> str:
        """A qualifier written before the verb of a ratio or share (约占全体员工的62%,
        接近收入的7倍) qualifies the figure when the figure itself has none."""
        if a.qualifier != "exact":
            return a.qualifier
        lo = max(st.clause_start, st.prev_base_pos if st.base == "revenue" else st.base_pos, a.start - _LOOK)
        between = self.text[lo:a.start]
        for word, q in self._LOOSE:
            if re.search(word + r"(?:为|是|占|达|有)?", between) and not re.search(word + "额", between):
                return q
        return "exact"

    def _classify_shares(self, st: _State, sent: Span, a):
        base = st.base
        if base == "x_offer_size":
            base = "shares_offered"
        if base == "board_lot":
            return ("board_lot", a.value, "shares", a.qualifier, None, st.base_cue, "cue")
        if base in ("shares_offered", "hk_offer_shares", "intl_offer_shares"):
            return (base, a.value, "shares", a.qualifier, None, st.base_cue, "cue")
        return self._mk_miss(a, sent, "no_metric_cue", f"shares ({base})")

    def _classify_count(self, st: _State, sent: Span, a):
        counter = a.counter or ""
        if counter in ("家", "名", "位") and (self._postfix(a, ("基石",)) or re.match(
                r"[^，,。；;\d]{0,10}的基石投资", self.text[a.end:a.end + 16])):
            return ("cornerstone_count", a.value, "count", a.qualifier, None, "基石投资者", "count")
        if counter == "轮" and (self._postfix(a, ("融资", "投资", "募资", "集资", "股权融资"))
                                or st.base in ("x_funding", "total_funding")):
            return ("funding_rounds", a.value, "count", a.qualifier, None, "轮融资", "count")
        if counter in ("人", "名") and st.base == "rd_headcount":
            return ("rd_headcount", a.value, "count", a.qualifier, None, st.base_cue, "count")
        if counter in ("家", "名", "位") and ("基石" in self.text[max(0, a.start - 8):a.start]
                                            or ("cornerstone" in st.flags and st.flags["cornerstone"] < a.start)):
            return ("cornerstone_count", a.value, "count", a.qualifier, None, "基石投资者", "count")
        return self._mk_miss(a, sent, "no_metric_cue", f"count ({counter})")

    # ------------------------------------------------------------------ context tests
    _TRANCHE = re.compile(r"(国际配售|国际发售|机构投资者|国际部分)|(公开发售|香港公开|公开认购|散户|香港发售|公开招股)")

    def _tranche(self, sent: Span, pos: int) -> str:
        """The offering tranche the nearest tranche word before ``pos`` names (default: Hong Kong)."""
        last = "hk"
        for m in self._TRANCHE.finditer(self.text, max(sent.start, pos - _LOOK), pos):
            last = "intl" if m.group(1) else "hk"
        return last

    def _has_cue_before(self, sent: Span, pos: int, words: tuple[str, ...]) -> bool:
        seg = self.text[max(sent.start, pos - _LOOK):pos]
        return any(w in seg for w in words)

    def _trading_context(self, st: _State, pos: int) -> bool:
        """A trading day is being described: a price word, 盘中/股价, 上市首日, 今日, or the
        previous sentence of the paragraph was about prices."""
        if st.price is not None or self.par_trading:
            return True
        return any(k in st.sflags for k in ("first_day", "today", "trading"))

    def _ipo_context(self, st: _State, pos: int) -> bool:
        """The sentence is about an offering (IPO, 上市, 招股, 募资, 发行价 …)."""
        if any(k in st.sflags for k in ("ipo", "listing", "sub_start", "sub_end", "sub_period")):
            return True
        seg = self.text[max(st.sentence_start, pos - _LOOK):pos + 40]
        return any(w in seg for w in ("发行价", "发售", "招股", "募资", "上市", "集资", "IPO"))

    def _pre_ipo_funding(self, st: _State, pos: int) -> bool:
        """Money raised in rounds before the IPO (…轮融资，集资总额…), not the offering."""
        seg = self.text[max(st.sentence_start, pos - _LOOK):pos]
        return bool(re.search(r"\d+轮|[一二三四五六七八九十]+轮|上市前|天使|投后", seg)) and not re.search(
            r"本次|此次|IPO|招股|发售|发行价|全球发售", seg)

    def _funding_context(self, st: _State, pos: int) -> bool:
        seg = self.text[max(0, pos - 40):pos + 4]
        return "轮" in seg or "funding" in st.sflags or "累计" in seg or "天使" in seg

    def _named_investor(self, st: _State, pos: int) -> bool:
        """A per-investor amount (XX认购6500万美元): an unknown name right before 认购."""
        return False

    def _use_of_proceeds(self, st: _State, a) -> Optional[str]:
        """``70%用于…研发``: the segment of a use of IPO proceeds, or None.

        Once a paragraph has listed one use, the next items may drop the verb
        (``10%优化MaaS平台；10%补充营运资金``)."""
        after = self.text[a.end:a.end + 40]
        m = re.match(r"\s*(?:[(（][^()（）]{0,20}[)）])?\s*(?:的募集资金|的募资|的所得款项|的资金)?\s*"
                     r"(?:将|拟|计划)?\s*(?:用于|投向|投入|作为|用作|拨作|投放于|分配至)([^，,。；;]{1,40})", after)
        if not m and self.par_uses:
            m = re.match(r"\s*(?:[(（][^()（）]{0,20}[)）])?\s*([^，,。；;、\d%]{2,40})", after)
        if not m:
            return None
        sent_text = self.text[max(0, a.start - 120):a.start + 40]
        if not any(w in sent_text for w in ("募资", "募集资金", "所得款项", "集资", "IPO", "募得", "用途")):
            return None
        purpose = m.group(1)
        # the use named first in the purpose wins (技术研发及市场拓展 -> rd)
        found = [(verb, purpose.find(w), -len(w), seg) for w, seg, verb in use_words() if w in purpose]
        if not found:
            return None
        self.par_uses = True
        return min(found)[3]

    # ------------------------------------------------------------------ trading day
    def _trading_day(self, st: _State, sent: Span, a) -> Optional[dt.date]:
        """The day a price or a change belongs to, in order: the company's first day (上市首日);
        今日/昨日 of the article; a date written before the figure (not one that only says when
        the company listed: 1月8日上市的智谱今日…); 当日/同日 (the day just described); the article's
        own day; the listing day of an article about the listing."""
        ctx = self.ctx
        ent = st.entity or ctx.main_entity
        if "first_day" in st.sflags and ent in ctx.listing_dates:
            return ctx.listing_dates[ent]
        if ctx.today is not None:
            for word, days in (("today", 0), ("yesterday", -1)):
                if word in st.sflags and st.sflags[word] < a.start:
                    return ctx.today + dt.timedelta(days=days)
        dates = [t for t in ctx.stream.in_span(max(sent.start, a.start - _LOOK), a.start) if t.kind == DATE
                 and not _LISTING_AFTER.match(self.text, t.end)]
        for t in reversed(dates):
            d = self._date_of(t)
            if d is not None:
                return d
        last_day, last_pos = self.last_trading_day, self.last_trading_pos
        ref = ctx.today or ctx.reference
        for end, day, who in ctx.listing_events:     # a listing just told (…正式挂牌上市。开盘报…)
            if end <= sent.start and end > last_pos and who == ent and (
                    ref is None or abs((day - ref).days) <= 45):
                last_day, last_pos = day, end
        if last_day is not None and ("same_day" in st.sflags or sent.start - last_pos < 160):
            return last_day                     # 当日 / 同日, or the next sentence: the day just described
        if ctx.today is not None:
            return ctx.today
        if ent in ctx.listing_dates and ctx.first_day_article:
            return ctx.listing_dates[ent]
        return None

    def _date_of(self, t: Tok) -> Optional[dt.date]:
        d = t.obj
        if d.date is not None:
            return d.date
        if not (d.month and d.day):
            return None
        return self.ctx.resolve_year(d.month, d.day, hint=year_hint(self.text, t.start))

    # ------------------------------------------------------------------ currency conversions
    def _conversion(self, st: _State, sent: Span, a) -> bool:
        """``43亿港元(约5.6亿美元)``: the second amount restates the first in another currency."""
        if a.unit not in CURRENCIES:
            return False
        before = self.text[max(0, a.start - 3):a.start]
        if not re.search(r"[(（]\s*$", before):
            return False
        prev = self.drafts[-1] if self.drafts else None
        if prev is None or prev.unit not in CURRENCIES or prev.unit == a.unit or prev.end < a.start - 4:
            return False
        self.conversions.append(Conversion(prev, a, sent))
        self.drafts.append(Draft(entity=prev.entity, metric=prev.metric, period=prev.period,
                                 segment=prev.segment, value=_clean(a.value), unit=a.unit,
                                 qualifier=a.qualifier, start=a.start, end=a.end, sent=sent,
                                 low=a.low, high=a.high, forecast=prev.forecast, cue=prev.cue,
                                 rule="conversion"))
        return True

    # ------------------------------------------------------------------ output
    def _fact(self, metric, a, segment, cue, rule):
        return (metric, a.value, a.unit, a.qualifier, segment, cue, rule)

    def _emit(self, st, sent, a, metric, value, unit, qualifier, segment, period, cue, rule) -> None:
        info = self.metrics[metric]
        if info.family == "trading" and "grey" in st.sflags:
            self._miss(a, sent, "not_a_fact", "grey-market trading (暗盘)")
            return
        if "market" in st.sflags and not st.entity_explicit:
            # 今年港股IPO集资额已超过2500亿港元: a figure of the market, not of the company
            self._miss(a, sent, "not_a_fact", f"market-wide {metric}")
            return
        entity = st.entity or self.ctx.main_entity
        if not entity:
            self._miss(a, sent, "no_entity", metric)
            return
        if info.unit == "HKD/share":
            unit = "HKD/share"
        elif unit == "CNY" and info.family in ("ipo", "trading") and self.hk_yuan \
                and not re.search(r"人民币|RMB|CNY|¥|￥", a.text):
            unit = "HKD"        # 集资约43亿元 in Hong Kong copy: the offering is in Hong Kong dollars
        low = high = None
        if qualifier == "range":
            low, high = a.low, a.high
            if metric in ("loss_to_revenue",) and unit == "times" and a.unit == "percent":
                low, high = low / HUNDRED, high / HUNDRED
        forecast = any(k == "forecast" and v < a.start for k, v in st.flags.items())
        start, end = a.start, a.end
        self.drafts.append(Draft(entity=entity, metric=metric, period=period, segment=segment,
                                 value=_clean(value), unit=unit, qualifier=qualifier,
                                 start=start, end=end, sent=sent, low=low, high=high,
                                 forecast=forecast, cue=cue, rule=rule))
        if metric in ("rd_to_revenue", "revenue_growth") and rule in ("share", "parenthetical", "growth"):
            before = self.text[max(0, a.start - 6):a.start]
            if "(" in before or "（" in before:
                st.paren_role = metric

    def _mk_miss(self, a, sent, reason, detail) -> Miss:
        return Miss(a.start, a.end, reason, detail, sent, a.value, a.unit)

    def _miss(self, a, sent, reason, detail) -> None:
        self.misses.append(self._mk_miss(a, sent, reason, detail))


# ----------------------------------------------------------------------------------------
# helpers

@dataclass(frozen=True)
class _SyntheticPeriod:
    """A relative period (上半年) resolved to a year from context."""

    period: Period
    start: int
    end: int
    text: str
    kind: str = "single"

    @property
    def items(self):
        return [self.period]


def _shift_year(p: Period, offset: int) -> Optional[Period]:
    """The same kind of period ``offset`` years away (2025H1, -1 -> 2024H1)."""
    from ..periods import parse_period
    s = str(p)
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


def _compatible(a, b) -> bool:
    """Two amounts can be members of one enumeration (amounts of money in any currency)."""
    ua, ub = a.unit, b.unit
    if ua is None and not a.scaled:
        return False
    if ub is None and not b.scaled:
        return False
    if ua is None or ub is None:
        return True
    return ua == ub or (ua in CURRENCIES and ub in CURRENCIES)


def _propagate_qualifier(run: list) -> list:
    """约 written before the first member of an enumeration qualifies every member."""
    first = run[0]
    if len(run) < 2 or first.qualifier in ("exact", "range") or not first.qualifier_text \
            or not first.text.startswith(first.qualifier_text):
        return run
    return [a if a.qualifier != "exact" else a.model_copy(update={"qualifier": first.qualifier})
            for a in run]


def _propagate_units(run: list) -> list:
    """Bare scaled members of an enumeration take the unit the others share (5740万、3.12亿元)."""
    units = {a.unit for a in run if a.unit is not None}
    if len(units) != 1 or all(a.unit is not None for a in run):
        return run
    unit = units.pop()
    return [a if a.unit is not None else a.model_copy(update={"unit": unit}) for a in run]


def _clean(value):
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral_value() else value
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value
    return value
