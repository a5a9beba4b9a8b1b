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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from ..models import CURRENCIES
from ..numbers import Amount
from ..periods import ParseError, Period, parse_period, small_int
from .classify import HYPOTHETICAL, Classifier
from .context import DAY_OFFSETS, DocContext, ResolvedPeriod, counted_companies
from .entities import HEADING_MARK, LIST_MARK, bystanders, indices
from .records import Conversion, Draft, Miss, clean_value
from .rules import (
    AND_BETWEEN,
    ASIDE_AFTER,
    BOTH_BEFORE,
    BENCHMARK_AFTER,
    BENCHMARK_BEFORE,
    BULLET,
    COMBINED,
    COMPARE_AFTER,
    COMPARE_BEFORE,
    CONVERTED_OPEN,
    last_match,
    COMPARE_WORDS,
    THIS_FIGURE,
    FLASHBACK,
    FLAT_NOT_WORD,
    FROM_BEFORE,
    FUNDING_METRICS,
    GENERIC_SUBJECT,
    INDEFINITE_SUBJECT,
    GROUP_COUNT,
    HUNDRED,
    WEEKDAY,
    INTRADAY,
    LOOK,
    LOSSES,
    POINT_METRICS,
    PREVIOUS_YEAR_FROM,
    QUESTION,
    REFERENCE_AFTER,
    REFERENCE_ONLY,
    RUN_SEP,
    TO_VERB,
    UNNAMED,
    YEAR_BACK_WORDS,
    metric_sets,
)
from .sentences import Span
from .timing import DAY_TOLD_AFTER, Timing, _shift_year
from .segment_names import segment_slug
from .tokens import AMOUNT, BOUNDARY, CUE, DATE, ENTITY, PERIOD, TICKER, Tok


def _quarter_before(p: Period) -> Optional[Period]:
    """The quarter before quarter ``p`` (2026Q1 -> 2025Q4)."""
    s = str(p)
    year, q = int(s[:4]), int(s[-1])
    return parse_period(f"{year - 1}Q4" if q == 1 else f"{year}Q{q - 1}")


@dataclass
class _State:
    """What the reader knows at a point of a sentence."""

    entity: Optional[str]
    entity_explicit: bool = False
    anonymous: bool = False                             # the sentence is about a company it does not name
    entities: list = field(default_factory=list)       # companies named in this sentence, in order
    entity_pos: list = field(default_factory=list)     # where each of them was named
    period_tok: Optional[Tok] = None                    # last period token of the sentence
    base: Optional[str] = None                          # current metric cue value
    base_cue: Optional[str] = None
    base_pos: int = -1
    prev_base: Optional[str] = None                     # the base before the current one
    prev_base_pos: int = -1
    prev_base_cue: Optional[str] = None
    loss_metric: Optional[str] = None                   # last specific loss metric named
    segment: Optional[str] = None
    segment_pos: int = -1
    seg_seen: bool = False
    base_is_postfix: bool = False
    mod: Optional[str] = None
    mod_pos: int = -1
    spent_mod: Optional[str] = None                     # the modifier the last figure used
    denominator: Optional[str] = None
    denominator_cue: Optional[tuple[int, str]] = None  # (end, word) of the whole a share is of
    price: Optional[str] = None
    price_pos: int = -1
    segment_end: int = -1
    unshifted: Optional[tuple] = None                   # the period before a 去年同期 of this clause
    paren_restore: Optional[tuple] = None               # (close paren offset, period before it)
    period_before: Optional[Tok] = None                 # the period in context before period_tok
    dropped_base: Optional[str] = None                  # a carried cue given up on in this sentence
    change: Optional[str] = None
    change_pos: int = -1
    clause_start: int = 0
    sentence_start: int = 0
    last_amount_end: int = -1
    paren_role: Optional[str] = None                    # metric of the last parenthetical percent
    paren_shares: Decimal = Decimal(0)                  # sum of the lines' shares read in parentheses
    fromto_last: Optional[Period] = None                # period of the B in a pending 从A至B
    fromto_back: Optional[Tok] = None                   # the period in context again after that B
    run_last: object = None                             # the last amount of the enumeration being read
    run_first: object = None                            # the first figure of a run read one company each
    skip_until: int = -1                                # amounts before this offset are already read
    part_restore: Optional[Tok] = None                  # the period back after a part's semicolon
    forecast_tok: Optional[Tok] = None                  # the period of a forecast named in the sentence
    compare_tok: Optional[Tok] = None                   # a period named as a comparison base (较2023年)
    shifted: Optional[Period] = None                    # the last 去年同期 / 前一年 the sentence resolved
    quarter_before: Optional[Tok] = None                # the last 上一季度 the sentence resolved
    quarter_of: Optional[Tok] = None                    # …and the quarter in context it is before
    consumed: set = field(default_factory=set)          # cue positions already used as a postfix
    flags: dict = field(default_factory=dict)           # ctx value -> position (this clause)
    sflags: dict = field(default_factory=dict)          # ctx value -> position (whole sentence)


_DIGIT = re.compile(r"\d")
#: an inclusion told right before a 首日: 纳入港股通，首日…, 纳入首日
_INCLUDED_BEFORE = re.compile(r"纳入[^。；;！!？?\n上挂]{0,12}$")
#: a business line opening a sentence as its subject: 人形机器人业务仍…, 云服务板块…
_LINE_SUBJECT = re.compile(r"\s*(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:业务|板块|分部)(?![收营毛占])")
#: a period said to be the one the data are of ((均为2026年上半年数据): a note, no aside)
_DATA_OF_AFTER = re.compile(r"的?(?:数据|财务数据|业绩|财报|口径)")
#: how many tokens a clause modifying a company (承销价28港元的黑芝麻智能) may run
_DESCRIBED_LOOK = 48
#: a clause a sentence opens with to say from where it looks (从收入结构看，就毛利而言，)
_LEAD_VIEW = re.compile(r"\s*(?:从|就|以)[^，,。；;]{1,10}(?:来看|看|而言|来说)[，,]")
#: a line's name glossed with its Latin short form (面向车企的前装量产业务（ADAS）) or English name
#: (先知AI平台(Sage AI Platform)), the name after any 的 or list word before it
_LINE_GLOSS = re.compile(r"((?:[\u4e00-\u9fff]|[A-Za-z]{1,8}(?=[\u4e00-\u9fff])){2,10}?(?<=[\u4e00-\u9fff]))"
                         r"[(（]([A-Za-z]{2,12}(?: [A-Za-z]{2,12}){0,3})[)）]")
#: the bracket of a Latin gloss, where a _LINE_GLOSS match can end
_GLOSS_OPEN = re.compile(r"[(（](?=[A-Za-z]{2})")


def _line_gloss_matches(text: str):
    """``_LINE_GLOSS.finditer(text)``, run only around the brackets of Latin glosses (a name of
    at most 80 characters before one, the gloss after it) instead of from every character."""
    lo = hi = -1
    for m in _GLOSS_OPEN.finditer(text):
        a, b = max(0, m.start() - 90), m.start() + 60
        if a > hi:
            if hi > 0:
                yield from _LINE_GLOSS.finditer(text, lo, hi)
            lo = a
        hi = b
    if hi > 0:
        yield from _LINE_GLOSS.finditer(text, lo, hi)


#: what a glossed line's name loses to be looked up: what stands before a 的 or a list word, and a
#: trailing 业务/服务/板块/分部 (面向车企的前装量产业务 and 前装量产业务 are both 前装量产)
_LINE_TAIL_WORD = re.compile(r"^.*[的、和及与]|(?:业务|服务|板块|分部)$")


def _lists_things(text: str, lo: int, hi: int, n: int) -> bool:
    """text[lo:hi] names a list of n things joined by 、/和/及/与 (协作机器人、人形机器人和核心零部件
    的毛利率分别为), with no figure or clause break in it."""
    span = text[lo:hi]
    if len(span) > 60 or _DIGIT.search(span) or re.search(r"[，,；;。]", span):
        return False
    return len(re.findall(r"、|和|及|与", span)) >= n - 1 >= 1


#: a later clause opening on one day: …，惟上周五成交…, ；昨日…
_ONE_DAY_CLAUSE = re.compile(r"[，,；;]\s*(?:惟|但|而|不过|然而|其中)?\s*(?:上周[一二三四五]|周[一二三四五]|昨日|昨天|今日|今天|当日|首日"
                             r"|\d{1,2}月\d{1,2}日)")

#: the start of a from-to pair: 由2024年的53.2%降至34.5%
_FROM_BEFORE = re.compile(r"(?:由|从)\s*$")
_TO_AFTER = re.compile(r"的?[^，,。；;]{0,20}?(?:至|到)")
#: before a period a paragraph does not report on: a forecast's year, a part of the period
#: what a heading adds around a company's name: —— 智谱 ——, 【天数智芯(09903.HK)】, ▍MiniMax
_HEADING_DECOR = re.compile(r"[\s—–\-=~_*#【】\[\]▍|｜·•()（）$\u2600-\u27bf\u2b50\ufe0f\U0001f300-\U0001faff]*")
#: a share class after a company's name (地平线机器人-W): part of the name in a heading
_CLASS_TAIL = re.compile(r"-(?:W|S|B|SW|WR|P|R)(?![A-Za-z])")
#: the start of an item's title: a number or bullet, then the company (1. 智谱(02513.HK):…)
_COMPANY_TITLE = re.compile(r"([ \t\u3000]*(?:\d{1,2}[.、)）]?|[(（]\d{1,2}[)）]|[一二三四五六七八九十][、.]|[・•●▪◆■►▶])?\s*)")
_OPEN_PAREN_GAP = re.compile(r"\s*[(（]\s*(?:约|逾|近)?\s*")
_CLOSE_PAREN_AFTER = re.compile(r"\s*[)）]")
#: the number or emoji of a list item (1️⃣ 睿镭光电(…))
_NUMBERED_HEAD = re.compile(LIST_MARK)
#: a heading marked as one (■MiniMax：毛利率升至31.5%, 【估值】, ## 业绩)
_MARKED_HEADING = re.compile(HEADING_MARK + r"|[ \t\u3000]*#")
_TITLE_COLON = re.compile(r"\s*(?:\.HK)?\s*[)）]?\s*[:：]")
#: a line of a data box: a short label, a colon, its value (发售价:18.60港元(招股价区间…))
_LABEL_LINE = re.compile(r"[^\d:：，,。]{2,14}[:：]")
#: the rest of a clause holds a figure: 前年收入7.34亿元 (not a clause of only a date)
_FIGURE_IN_CLAUSE = re.compile(r"[^，,。；;\n]{0,12}?\d")
#: 经调整(后) written before the period of a net loss: 经调整后2025年净亏损
#: before a first day compared with: 比挂牌首日, 较首日
_COMPARED_DAY_BEFORE = re.compile(r"(?:比|较|相比|对比|相较)\s*$")
#: 与/和/跟 before a period compared with (与2025年下半年的1.49亿元相比)
_WITH_BEFORE_PERIOD = re.compile(r"(?:与|和|跟|同)\s*$")
_COMPARED_AFTER_PERIOD = re.compile(r"[^，,。；;\n]{0,20}?(?:相比|相较|比较|对比)"
                                    r"|\s*(?:的)?(?:差不多|相若|相当|相近|接近|持平|一样|差不远)")   # 跟2024年差不多
#: between the year and 市销率 of a multiple written before them (33倍2027年预期市销率)
_PS_YEAR_GAP = re.compile(r"\s*(?:的)?\s*(?:预期|预测|预估|估计)?\s*(?:的)?\s*")
#: a level of another period a figure nears or passes: 已接近去年全年营收7.02亿元的水准
_NEAR_BEFORE_PERIOD = re.compile(r"(?:接近|逼近|追平|直追|赶上|超过|超越|超出)\s*$")
_LEVEL_AFTER_PERIOD = re.compile(r"[^，,。；;\n]{0,20}?的?(?:水平|水准)")
#: the last day of a year, as a period (2025-12-31)
_YEAR_END_DAY = re.compile(r"\d{4}-12-31")
#: a price range then the words of a session moving inside it: 之间宽幅波动, 之间上落
_RANGE_MOVE_AFTER = re.compile(r"\s*(?:之间|间)\s*(?:宽幅|窄幅|大幅|反复|来回)?\s*(?:波动|震荡|上落|徘徊|起伏|浮动|游走|上下|运行|买卖|交投|爬行)")
#: a sentence on how stocks moved (no price cue): 两股昨日(16日)表现不俗, 该股周一走势反复
_STOCKS_MOVE = re.compile(r"(?:两股|该股|股价|个股|两只股票?|[二两三四]只股份?)[^，,。；;]{0,12}?(?:表现|走势|走强|走弱|造好|回落|反弹|上扬|下挫)")
#: a session's range named before its two ends: 全日波幅介乎388元至405.6元
_RANGE_MOVE_BEFORE = re.compile(r"(?:波幅|波动区间|波动|上落)\s*(?:介乎|介于|在|于)\s*$")
#: a session's high and low read in one enumeration: 日内高低点分别为421.4港元和402.2港元
_HIGH_LOW_EACH = re.compile(r"(?:(?P<hl>高低点|高低位|最高(?:价|位)?(?:和|及|与|、)最低(?:价|位)?)"
                            r"|(?P<lh>低高点|最低(?:价|位)?(?:和|及|与|、)最高(?:价|位)?))\s*(?:分别|各)?\s*(?:为|是|报|见)?\s*$")
#: words of a report on a session that has closed
_CLOSE_IN_PARAGRAPH = re.compile(r"收盘|收报|报收|收市|收评|收涨|收跌|收升|收于|收在")
#: a day before the article's, right before a close word
_PAST_DAY_BEFORE = re.compile(r"(?:昨日|昨天|前日|前天|上周[一二三四五]|上星期[一二三四五]|上週[一二三四五])\s*(?:[(（][^()（）]{1,8}[)）])?\s*$")
#: words of a report written while the session is still open
_PREV_CLOSE_WORD = re.compile(r"[前昨]收(?:市|盘)")
_SESSION_OPEN = re.compile(r"午间|午盘|早盘|半日|午市|中午|今早(?!公布|发布|宣布|披露|出炉|公告)|早市|上午|截至发稿|发稿时|截至记者发稿|暂报|现报|截至.{0,4}[时点]\d")
#: a revision after the figure it starts from: (指引由30亿元至32亿元)上调至…
_REVISED_AFTER = re.compile(r"\s*(?:上调|下调|调高|调低|调升|调降|上修|下修)(?:至|到|为)")
#: a month named right before 单月收入: 10月单月收入, 10月份的单月营收
_MONTH_NAMED_BEFORE = re.compile(r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?\s*的?\s*$")
#: a measure of a business line that is not its revenue, between the line's name and a figure
_NOT_LINE_REVENUE = re.compile(r"平均|合同金额|合同额|订单|单价|客单价|均价|人均|ARPU|项目数|客户数|毛利(?!率)")
#: a grey-market clause describing the company named right after it: 暗盘表现较温和的智谱
_GREY_MODIFIER = re.compile(r"暗盘[^，,。；;\d]{0,12}的")
#: the segment of a business line neither the lexicon nor the line glossary can name
#: (机场无人物流车收入): its figures are reported as unplaced, never given to the whole company
UNKNOWN_SEGMENT = "?"
#: a name written right before 收入 (影像与设计产品收入, 数据智能平台(FastData)收入)
#: (a Latin run with its digits is one part, L4产品; it is read whole, so the search stays linear)
_NAME_BEFORE_CUE = re.compile(r"((?:[\u4e00-\u9fff]|[A-Za-z][A-Za-z0-9]{0,15}(?![A-Za-z0-9])){2,14})(?:\s*[(（][A-Za-z0-9 .\-]{1,16}[)）])?\s*$")
#: a value worked out at a close: 以昨日收市價計，…市值, 按周五收盘价计算
_VALUED_AT_CLOSE = re.compile(r"(?:以|按)[^，,。；;]{0,8}(?:收市价|收盘价|收市價|收盤價)(?:计算?|計算?)")
#: a clause given as a comparison: 作为对比，公司2025年全年收入约7900万美元
_AS_CONTRAST_BEFORE = re.compile(r"(?:作为对比|作为参照|作为比较|以作对比|对照来看)[，,]?[^，,。；;]{0,12}$")
#: 是 before a line named at the end of a clause (增长最快的是海螺AI，…; 是面向企业客户的开放平台，…)
_IS_BEFORE_LINE = re.compile(r"是(?:[^，,。；;是]{0,16}的)?$")
#: what may stand before a period that opens a sentence: 而在去年同期，…
_SENTENCE_OPENER = re.compile(r"\s*(?:而|但|不过|反观|相比之下[，,]?)?\s*(?:在)?\s*")
#: a period that tells when the company after it listed or was founded: 今年3月上市的…, 2019年成立的…
_DESCRIBES_COMPANY_AFTER = re.compile(r"\s*(?:才|刚|刚刚)?\s*(?:在|于)?\s*(?:港股|港交所|香港|A股|科创板)?\s*"
                                      r"(?:上市|挂牌|登陆港股|登陆港交所|登陆|成立|创立)的")
#: an item of a list of lines, named before its first comma: 一是AI学习机等智能硬件，收入…; 其二为…
_ITEM_LINE = re.compile(r"\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][是为]?|第[一二三四五六七八九十][是为]?)"
                        r"[，,:：]?\s*([^，,。；;：:\d]{2,24})[，,]")
#: a session told as having come before the one of the story (上周五已先升5.2%)
_FLASHBACK = re.compile(FLASHBACK)
#: the market a sentence names: Hong Kong's (group 1) or Taiwan's
#: (港交所 is where a Taiwan company may only file: 宏曜…向港交所递交上市申请，宏曜昨日股价收248.5元)
_MARKET_NAMED = re.compile(r"(港股|港币|港元|H股|赴港|香港(?:挂牌|上市|首日))|(台股|台湾证交所|柜买中心|新台币|兴柜)")
#: how far back a sentence's company is looked for, to see its own figures in New Taiwan dollars
#: (and its market named, for a Taiwan company's Hong Kong line)
_TWD_LOOKBACK = 160
#: an amount opening a parenthesis (a conversion: 1.12亿元人民币(约新台币4.87亿元))
_IN_PAREN_BEFORE = re.compile(r"[(（]\s*(?:约|折合|相当于|合)?\s*$")
#: a paragraph opening that points back at the one before: 按此计算, 受此影响, 此次配售
_POINTS_BACK = re.compile(r"\s*(?:按此|以此|照此|据此|由此|受此|因此|此次|本次|是次|这次|该次"
                          r"|该股|该公司|该集团)")     # (…公布配股。\n该股今日收报43.95元: the paragraph before's)
#: IPO terms a placing of a listed company's shares also has (its price, size, proceeds and uses)
_PLACING_TERMS = {"offer_price": "placing_price", "shares_offered": "placing_shares",
                  "gross_proceeds": "placing_gross_proceeds", "net_proceeds": "placing_net_proceeds",
                  "use_of_proceeds": "placing_use_of_proceeds"}
#: a placing of new shares after the listing
_PLACING_WORDS = re.compile(r"(?:此次|本次|是次|该次|这次|新一轮|首次|首度)配售|配售(?:协议|代理|事项|新股份|股份|价|所得)"
                            r"|先旧后新|闪电配售|增发新股|[AH]股配售|配售[^，,。；;\n]{1,14}?新(?:H股|股份|股)"
                            r"|(?<!国际)(?<!公开)(?<!超额)配售\s*(?:约|逾|近)?\s*\d"
                            r"|(?<!超额)配股(?!权)")        # (《配股》…折让约8.3%配股, 拟配股集资; no 超额配股权)
#: the IPO named (the figures may be the IPO's, told beside a placing's)
_IPO_WORDS = re.compile(r"IPO|首次公开|全球发售|公开发售|招股|上市时|上市前|发行价|国际配售|基石")
#: the end of a business line's name: 业务, 板块, 分部
_LINE_WORD_END = re.compile(r"(?:业务|板块|分部)$")
#: a business line opening a clause: ，软件业务则为71.2%, ；而海外板块收入…
_LINE_OPENS_CLAUSE = re.compile(r"[，,；;：:\s]*(?:而|其中|另外|此外|至于|但|同时)?\s*(?P<name>[\u4e00-\u9fff]{1,8}?(?:业务|板块|分部))")
#: line words that name no line of their own: 该业务, 主营业务, 整体业务
_GENERIC_LINE = re.compile(r"(?:该|这|此|本|其|主营|主要|整体|核心|全部|各|相关|所有|总|其他|其余|传统|原有)")
#: one Latin word naming a line before a Latin cue (Robotics GPM), not a word of the whole company
_LATIN_LINE_BEFORE = re.compile(r"(?<![A-Za-z0-9.])(?!(?:Total|Overall|Group|Blended|Company|Adj|Adjusted|Net|Gross|"
                                r"Segment|Core|Reported)\b)([A-Z][A-Za-z]{2,15})\s+$")
#: a figure that qualifies the noun after it (6成营收来自…)
_NOUN_AFTER = re.compile(r"\s*的?\s*(?:营收|收入|收益|营业额|股份|股权|用户|客户)")
#: a business line's name in quotes before its revenue: “AI+制造”业务收入
_QUOTED_LINE_BEFORE_CUE = re.compile(r"[“\"「『]([^“”\"「」『』，,。；;\n]{2,16})[”\"」』]\s*(?:业务|板块|分部)?\s*$")
#: from a segment to the parenthesis of its examples: (, 产品(, 业务（
_EXAMPLES_OPEN = re.compile(r"(?:产品|业务|板块|类)?\s*[(（]")
#: words that may open a clause before its subject (其中云端部署收入…)
_CLAUSE_OPENERS = frozenset(("", "其中", "而", "另外", "此外", "其"))
#: between a business line and a product its revenue comes from (这部分收入主要来自开放平台)
_SOURCE_OF_LINE = re.compile(r"[\s，,]*(?:的)?(?:收入|营收)?(?:主要|大部分|大多|多数|均|全部)?"
                             r"(?:来自于?|来源于|源自|源于)\s*")
#: examples after a segment inside its parenthesis: (AI原生产品，含Talkie/星野、海螺AI)
_EXAMPLES_WORD = re.compile(r"\s*[,，]?\s*(?:含|包括|包含|涵盖|例如|如)")
#: the staff just counted, before a bare 研发占比: 公司共有员工890人，其中
_STAFF_BEFORE = re.compile(r"员工|雇员|人员|团队|\d\s*(?:名|人)")
#: 其他/其他业务 right before 收入 (its revenue is the rest of a breakdown)
_OTHERS_BEFORE = re.compile(r"(?:^|[，,；;。、\s])(?:其他|其它|其余)(?:业务|产品|服务)?\s*$")
#: words that end a whole company's revenue phrase: 总收入, 全年收入, 公司实现收入, 其收入 …
_WHOLE_BEFORE_CUE = re.compile(
    r"(?:总|营业|主营业务|主营|全年|年度|年|期内|同期|集团|公司|整体|总体|合计|累计|经营|持续经营|季度|季|半年|本期|当期|"
    r"月|实现|录得|取得|获得|带来|贡献|产生|确认|创造|达成|达到|共|的|其|之|全部|综合|合并|营运|净|毛|为|在|将|已|"
    r"单|仅|只|再|则|而|及|和|与|或|对|按|以|较|比|从|由|至|到|增|减|涨|跌|降|升|看|中|个|亿|万|元|美|港|人民币|"
    r"分部|分类|(?:^|各项?|其他|全部|主要|核心|整体|该|本|(?<!创)新|相关|所有)业务|收益|各|每|同比|环比|按年|预期|预计|指引|有望|料|收|是|其他|总计|平均|人均|我们|我司|他们|它们|咱们|审核|审计|审阅|重列)$")
#: a day of the listings a story follows: 是继去年11月6日…上市之后
_FOLLOWS_BEFORE = re.compile(r"(?:继|紧随|紧接)\s*(?:去年|今年|前年|上月|本月|上周)?\s*$")
#: a level a figure is set against: 远高于同业约2至3倍的水准
_LEVEL_AFTER = re.compile(r"\s*的?\s*(?:水平|水准)")
_ABOVE_BELOW = re.compile(r"(?:高于|低于|超过|超出|不及|优于|逊于|相比|相较)[^，,。；;\d]{0,16}(?:族群|同业|同行|行业|板块|可比|同类|市场|整体)")
#: a verb or a time between a line's name and 收入: 分拣解决方案实现收入, 货箱到人解决方案全年收入
_LINE_VERB = re.compile(r"(?:(?:全年|年内|期内|本期|当期|季内)(?:实现|录得|取得|带来|贡献|产生|创造|获得)?"
                        r"|实现|录得|取得|带来|贡献|产生|创造|获得)$")
_ADJUSTED_BEFORE = re.compile(r"(?:经调整|调整后)后?的?\s*(?:\d{4}\s*(?:财)?年(?:度|上半年|下半年|前三季度?)?|FY\d{2,4}|该年|同期|期内|年内)\s*$")
#: the items listed between cash and short-term investments: 、受限资金和, 及定期存款、
_CASH_ITEMS = re.compile(r"(?:[、，,]?\s*(?:和|及|以及|与)?\s*(?:受限(?:制)?(?:资金|现金)|定期存款|银行存款|"
                         r"已抵押存款|按公允价值计量[^、，,。；;\d]{0,12}|理财产品|结构性存款))*\s*[、，,]?\s*(?:和|及|以及|与)?\s*")
#: a clause on the first session itself: 首日挂牌, 正式上市, 上市首日
_LISTED_SESSION = re.compile(r"首日|正式(?:挂牌|上市)|挂牌首|上市首|首个交易日")
#: the second of two periods compared with (低于2024年的56.3%和2023年的64.6%)
_COMPARED_LIST_BEFORE = re.compile(r"(?:" + COMPARE_WORDS + r")\s*(?:19|20)\d{2}\s*年[^，,。；;]{0,12}(?:和|及|与|、)\s*$")
#: a non-GAAP basis named before the loss: 非美国通用会计准则（Non-GAAP）下净亏损, 按非国际财务报告准则计量的净亏损
_NON_GAAP_BEFORE = re.compile(r"(?:非(?:美国)?(?:通用|公认)会计(?:准则|原则)|非国际财务报告准则|(?<![A-Za-z])(?:Non|non)-(?:GAAP|IFRS|HKFRS))"
                              r"[^，,。；;\d]{0,12}$")
#: between a period and its own length said again: 2024年一年, 2025年上半年单半年
_SAME_LENGTH_GAP = re.compile(r"(?:单|仅|光|这)?")
#: 内/之内/里 after a duration: within the period just named (半年内亏损了…)
_WITHIN_AFTER = re.compile(r"(?:内|之内|里|间|就)")


def _consecutive_years(items) -> bool:
    return all(p.kind == "year" for p in items) and all(
        b.start_date.year - a.start_date.year == 1 for a, b in zip(items, items[1:]))


#: a clause that is only the growth of the figure before it: ，年增67.0% / ，同比增长67%
_GROWTH_CLAUSE = re.compile(r"\s*(?:同比|按年|年)?(?:增长|增加|上升|成长|增|下降|减少|下滑|衰退|减)了?\s*(?:约|近|逾)?\s*[\d-]")
#: a part of the period in context named after the period: 第四季单季, 第二季度单季
_PART_AFTER = re.compile(r"\s*(?:的)?\s*(?:单季度?|单季|单月|当季)")
#: a period a forecast is about: 2026年收入预测…
_FORECAST_AFTER = re.compile(r"[^，,。；;\d]{0,6}?(?:预测|预期|预计|指引|目标|一致预期)")
#: a short label beside a company in a heading: 【业绩速览・第四范式】, 【第四范式｜年报】
#: a bracketed tag before the company of a heading: 【盈利预警】, 【新股速递】
_HEADING_TAG = re.compile(r"【[^【】\n\d]{1,10}】")
_HEADING_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[・·:：|｜]|[・·:：|｜]\s*[\u4e00-\u9fff]{2,6}")
_AHEAD_OR_PART = re.compile(r"(?:预计|预期|有望|目标|计划|将于?|其中|仅|单|光|单看|只看|光看|仅看|单计|单就)\s*(?:在|于|到)?\s*$")
#: relative periods that name the comparison of a figure, not the period a paragraph is about
_COMPARISONS = ("same_period", "previous_year")
#: period words that are the period in context, not one of their own: 期内亏损收窄至…
_IN_CONTEXT = ("期内", "当期", "本期")
#: words of filings for the fiscal year before the one reported (not the calendar's last year)
#: a company named as what a figure is compared with: 比优必选高出, 高于智谱, 较MiniMax
_COMPARED_ENTITY = re.compile(rf"(?:{COMPARE_WORDS}|不及|胜过|落后于?|领先于?)\s*$")
#: a company framed as the one compared with (after _WITH_BEFORE_PERIOD's 与/和/跟/同): 与智谱不同，…
_FRAME_AFTER = re.compile(r"\s*(?:不同|相比|相较|比较|一样|类似|相似|不一样|有别|相反)")
#: a contrast heading its own clause: 对比2024年，… / 相比之下，2024年…
_CONTRAST_HEAD = re.compile(r"[\s，,]*(?:而|但)?(?:对比|相比|相较|比较|反观)(?:之下)?[\s，,]*")
#: the end of the clause right after a period
_CLAUSE_END_AFTER = re.compile(r"\s*(?:时|的时候)?\s*[，,]")
#: a company's own figure right after its name: MiniMax的2.2亿元, 智谱(02513)的131.8%, MiniMax同日的10.8亿美元
_OWN_FIGURE_AFTER = re.compile(r"\s*(?:[(（][^()（）]{0,12}[)）])?[^，,。；;\d()（）]{0,8}?(?:的|之)?\s*(?:约|逾|近)?\s*(?:\d|(?<=[的之为是])[零一二两三四五六七八九十])")
#: a company's own figure in parentheses right after its name: 低于智谱（2025年上半年为50%）
_OWN_FIGURE_INSIDE = re.compile(r"\s*[(（][^()（）\d]{0,10}(?:\d{4}年[^()（）\d]{0,8})?\d[\d.,]*\s*"
                                r"(?:%|％|亿|万|倍|个百分点|港元|美元|元)")
#: 在总收入中占58.8%: the whole a share is of, named before 占
_IN_TOTAL = re.compile(r"[，,\s]*(?:在|于|占)\s*(?:总|全部)?")
_SHARE_AFTER_IN = re.compile(r"\s*(?:中|当中|之中)\s*(?:的)?\s*(?:占比|占|比重|比例)")
#: a count of the periods named before (毛利率…，上述四个期间分别为…): no subject of its own
_PERIODS_AFTER = re.compile(r"\s*(?:个)?\s*(?:期间|报告期|财年|年度|会计年度|季度)")
#: a clause that only names the next period: ，2025年 / ，今年上半年则
_NEXT_YEAR_CLAUSE = re.compile(r"\s*[，,；;]\s*(?:(?:19|20)\d{2}\s*年度?|今年|去年)?\s*(?:全年|上半年|下半年|前三季度?)?\s*"
                               r"(?:则|又|再|进一步|已|更)?\s*")
#: a sentence that splits the period in context into parts: 以半年计，…; 分季度看，…
_PARTS_OPENER = re.compile(r"\s*(?:以|按|分)(?:半年|季度|季)(?:计|看|来看|划分|而言)\s*[，,:：]")
#: the end of a clause
_CLAUSE_END = re.compile(r"[，,；;。！？!?—]")
#: a period written a year back from the article's: 去年上半年, 上年同期
_YEAR_BACK = re.compile(YEAR_BACK_WORDS)
#: a currency declared for the figures that follow: (人民币,下同), （单位：港元）, (单位人民币,下同)
_CURRENCY_DECLARED = re.compile(r"[(（]\s*(?:(?:单位|货币)\s*[:：]?\s*(?:为|是)?\s*(人民币|港元|港币|美元)(?:\s*[,，、.．·‧・]\s*下同)?"
                                r"|(人民币|港元|港币|美元)\s*[,，、.．·‧・]\s*下同)\s*[)）]"
                                # (数据均来自公司年报，单位为人民币。)
                                r"|(?:货币单位|金额单位|单位)\s*(?:均为|为|是|均以)\s*(人民币|港元|港币|美元)")
_DECLARED_UNITS = {"人民币": "CNY", "港元": "HKD", "港币": "HKD", "美元": "USD"}
#: a group of stocks as the subject of a move: 多档零组件股, 概念股, 板块, 成分股
_STOCK_GROUP = re.compile(r"多[只档家支]|个股|概念股|板块|成[分份]股|同业|同行")
#: sums a cash figure may be told together with (现金、定期存款及理财产品合计): their cues are x_ metrics
_CASH_PARTS = frozenset({"x_time_deposit", "x_investments"})
_CASH_ITEM = r"(?:按公允价值计量[^、，,。；;\d]{0,12}?的)?(?:定期存款|理财产品|理财投资|短期理财|短期投资|结构性存款|受限制现金|金融资产|现金等价物)"
_CASH_TOGETHER = re.compile(r"现金(?:及现金等价物|和现金等价物|及等价物)?(?:(?:、|及|和|与|以及)" + _CASH_ITEM + r"){1,4}"
                            r"\s*(?:合计|总计|共计|合共|一共|加起来|加埋|总额|总和|共)")
#: items of the accounts whose loss is no net loss (公允价值变动产生亏损, 减值…录得亏损)
_LOSS_ITEMS = frozenset({"x_fair_value", "x_impairment", "x_fx_loss"})
_ITEM_LOSS_GAP = re.compile(r"\s*(?:所|而)?(?:产生|录得|带来|导致|造成|形成|确认)?(?:的|了)?\s*")
#: the start of the year in view: 年初为…, 较年初的…
_YEAR_START = re.compile(r"(?<![今去明本前上])年初(?!至今|以来|至)")
#: words of the session under way as the article is written (截至发稿, 午后涨幅扩大)
_NOW_IN_SESSION = re.compile(r"截至发稿|发稿时|截至记者发稿|截稿时|午后|午盘|早盘|现报|暂报")
#: words of another day than the article's: 昨日, 前日, 上周五…
_OTHER_DAY_WORD = re.compile(r"昨|前日|前天|上周|上週|上星期|上个交易日|前一交易日|上一交易日|周[一二三四五]|星期[一二三四五]")
#: between a tranche and the shares word of its size: 香港公开发售项下(初步可供认购)的发售股份
_TRANCHE_TO_SHARES = re.compile(r"[^，,。；;\d\n]{0,14}")
#: a cue of the whole company's figure, never a business line's: 整体毛利率, 综合毛利率, 总收入
_WHOLE_COMPANY = ("整体", "综合", "总体", "集团", "总收入", "营业总收入", "总营收")
#: funding summed to date: 累计募资, 成立以来
_TO_DATE_WORD = re.compile(r"累计|累積|成立以来|至今|迄今|历来")
#: a part of the session, not the whole day: 半日主板成交, 早盘成交额
_PART_SESSION = re.compile(r"半日|半天|早盘|早市|午盘|午间|上午|中午")
#: a change on the period before: 环比, 按季
_QOQ_WORD = re.compile(r"环比|按季|较上季|较上一季")
#: a year-on-year word (after 环比 in the same clause, the change is no longer the quarter's)
_YOY_WORD = re.compile(r"同比|按年|年增|较上年|较去年")
#: the room to a target: 潜在升幅：36.7%, 上行空间约20%
_UPSIDE_BEFORE = re.compile(r"(?:潜在|上行|下行|上涨|下跌)(?:升幅|涨幅|跌幅|空间|回报)\s*(?:为|约|达|有)?\s*[:：]?\s*(?:约|近|逾)?\s*$")
#: a figure ending a description whose noun is left out: 超购唔够一百倍嘅，…
_KIND_AFTER = re.compile(r"\s*(?:的|嘅)\s*[，,；;。]")
#: the possessive between a figure and the company it describes: 76.3倍嘅量衡, 承销价28港元的黑芝麻智能
_OWNER_AFTER = re.compile(r"\s*(?:的|嘅|之)\s*")
_BASIS_OWNER = re.compile(r"[^，,。；;\n]{0,10}?(?:计算?|为基础|为准)\s*[，,]\s*")
#: several companies' figures summed: 两家公司市值合计, 二者收入加起来, 三家合共
_SEVERAL_SUMMED = re.compile(r"(?:两家|两者|二者|三家|四家|几家|两只|三只|双雄|两间|三间)[^，,。；;\d]{0,12}"
                             r"(?:合计|共计|总计|合共|加起来|加总|相加)[^，,。；;\d]{0,4}$")
#: a high or low over more than one session: 年内最高, 上市以来低位, 52周最高
_SPAN_EXTREME = re.compile(r"(?:年内|今年以来|年初至今|年初以来|上市以来|挂牌以来|历史|有史以来|52周|近一年|过去一年)"
                           r"[^，,。；;\d]{0,8}(?:最高|最低|高位|低位|高点|低点|新高|新低)")
#: a multiple a price target applies: 给予公司2027年45倍P/S, 目标市销率
_TARGET_MULTIPLE = re.compile(r"(?:给予|予以|给出|目标)[^，,。；;]{0,16}$")
#: a session on another exchange, in the figure's clause: 在纳斯达克收报, 美股盘前, ADS
_US_LISTING = re.compile(r"纳斯达克|纽交所|纽约证券交易所|美股|美国存托股|存托股|ADS")
#: the Hong Kong listing named again after it: …ADS跌2%，港股则收涨1.5%
_HK_LISTING = re.compile(r"港股|H股|香港|港交所|联交所")
#: an earlier estimate named before its figure: 此前预期的, 原预测, 前值分别为, (此前为
_SUPERSEDED = re.compile(r"(?:此前|之前|原|原先|早前)(?:的)?(?:预期|预测|估计|预估)(?:的|为|是)?\s*(?:约|为)?\s*$"
                         r"|前值(?:分别)?(?:为|是)?\s*[^，,。；;]*$|[(（]\s*(?:此前|之前|原先|原)(?:为|是)\s*$")
#: a turnover no single stock reaches in a day (the whole Hong Kong market trades 1,000–4,000亿)
_MARKET_SIZED_TURNOVER = Decimal("50000000000")
#: words of a market wrap that make a sentence's turnover the whole market's (港股三大指数…，全日成交额…)
_MARKET_WRAP = re.compile(r"指数|恒指|科指|国指|大市|港股|主板|两市")
#: the market's turnover named before its figure: 全日主板成交, 港股成交额, 大市全日成交
_MARKET_TURNOVER = re.compile(r"(?:主板|大市|港股|两市|全市场)\s*(?:全日|全天|今日|昨日|当日)?\s*(?:总)?成交")
#: a figure written as the one compared with: 较上年同期的15.95亿元, 比2025年的
_COMPARED_FIGURE_BEFORE = re.compile(rf"(?:{COMPARE_WORDS})(?:于)?\s*[^，,。；;\d]{{0,8}}的\s*(?:约|近|逾)?\s*$")
#: a level of another period named to compare with: 低于2024年31.2%的水平
_COMPARED_LEVEL = re.compile(rf"(?:{COMPARE_WORDS}|不及|超过|超出|差于)[^，,。；;%]{{0,10}}$")
#: 2024年这一数字为2.93亿元: the same measure for another period
_THIS_FIGURE = re.compile(rf"{THIS_FIGURE}\s*(?:仅|只|则|也|亦|已)?\s*(?:约|大约)?(?:为|是)\s*(?:约|近)?\s*$")
#: the third step of a from-to chain: 由A升至B，再到C / 又升至C / 进一步降至C
_CHAIN_NEXT = re.compile(r"\s*[，,]?\s*(?:再|又|进而|进一步|继而)\s*(?:[升增提降跌回减扩收][\u4e00-\u9fff]?)?\s*(?:至|到)\s*")
#: a part of the list of periods named before: 后两年, 前两年, 近两年
_PART_OF_LIST = re.compile(r"(后|前|近)([两二三四2-4])(?:个)?(?:年|年度|财年)")
#: a clause that opens with a contribution verb and no subject: 贡献营收…, 合计贡献收入…
#: what may open the clause of a business line's margin: ，毛利率37.2%, ，其毛利率, ，而毛利率
_MARGIN_CLAUSE_LEAD = re.compile(r"[\s，,；;]*(?:其|而|但|且|同时)?\s*")
#: the opening of a clause of cause: 随着低毛利的云端业务放量，…
_CAUSE_CLAUSE = re.compile(r"[，,；;\s]*(?:随着|由于|受益于|得益于|受制于|因应)")
_SUBJECTLESS_CONTRIBUTION = re.compile(r"[\s，,]*(?:(?:20\d\d年)?(?:上半年|下半年|全年|前三季度|第[一二三四]季度)?[\s，,]*)?"
                                       r"(?:合计|共|共同|则|累计)?(?:贡献|实现|录得|带来|创造)了?(?:的)?(?:总)?")
#: words of a sentence that has compared its figures with the same period a year before
_SAME_PERIOD_WORDS = ("去年同期", "上年同期", "上一年同期", "同比")
_PREVIOUS_YEAR_WORDS = ("上年度", "上一年度", "上年", "去年", "前一年", "上一年", "按年")
_PREVIOUS_FISCAL_YEAR = ("上年度", "上一年度", "上个年度", "上一财年", "上财年", "上一财政年度", "上个财政年度")


class Reader(Classifier, Timing):
    """Reads every sentence of a document (see module docstring)."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.text = ctx.text
        self.metrics, self.currency_metrics = metric_sets()
        self.drafts: list[Draft] = []
        self.misses: list[Miss] = []
        self.conversions: list[Conversion] = []
        self.recent_periods: list[Tok] = []      # period tokens seen so far, in order
        self.par_periods: list[Tok] = []         # period tokens of the paragraph so far
        self.par_sub_year: list[Tok] = []        # relative sub-year periods (第三季度) it resolved
        self.par_resolved = False                      # the paragraph read a relative sub-year period (Q3)
        self.carry_entity: Optional[str] = None
        self.prev_par_entity: Optional[str] = None     # the company the paragraph before ended on
        self.last_trading_day: Optional[dt.date] = None   # the trading day last described
        self.told_before: Optional[tuple] = None            # (sentence start, trading day told before it)
        self.last_day_recalled = False                 # ... was a first day (上市首日) told again
        self.last_day_by_word = False                  # ... was told by a word of a day before (昨日, 前日)
        self.market_day_pos = -10**9                   # end of the last 纳入港股通/复牌 (a first day of its own)
        self.last_trading_pos = -10**9                    # where it was described
        self.day_compared = False                         # the day _trading_day last gave was a compared close's
        self._first_weekday: dict[int, Optional[int]] = {}    # sentence start -> end of its first weekday
        self.day_of_first_day = False                     # ... a listing day the sentence before announced
        self.prev_entities: list = []            # companies named by the last sentence naming several
        self.prev_sentence_period: Optional[Tok] = None
        self.prev_sentence_one: Optional[Tok] = None   # the one period the last sentence reported on
        self.prev_sentence_told: Optional[Tok] = None  # … when it named none: the one its figures took
        self.asides: set[int] = set()       # starts of compared-year asides (，2024年为50.5%)
        # (前收市价 in a quote box is the session before's: no close of this one)
        told = _PREV_CLOSE_WORD.sub("", self.text) if "前收" in self.text or "昨收" in self.text else self.text
        self.close_reported = any(w in told for w in ("收盘", "收报", "报收", "收市", "收在", "收于"))
        # a report written after the close (收市快讯 with no 午盘/截至发稿): today's last prices are closes
        self.after_close = self.close_reported and _SESSION_OPEN.search(self.text) is None
        # Hong Kong copy writes share prices in 元 meaning Hong Kong dollars (招股价116.2元)
        self.hk_doc, self.hk_yuan = self.ctx.hk_doc, self.ctx.hk_yuan
        # 上半年营收7.46亿(人民币,下同): the currency of the plain 亿/万 figures from there on
        declared = _CURRENCY_DECLARED.search(self.text)
        self.declared_currency = (declared.start(), _DECLARED_UNITS[next(g for g in declared.groups() if g)]) \
            if declared else None
        self.par_loss_metric: Optional[str] = None     # the loss metric of the paragraph so far
        self.par_trading = False                       # the previous sentence quoted prices
        self.par_uses = False                          # the paragraph lists uses of proceeds
        self.par_segment: Optional[str] = None         # the last segment the paragraph named
        # 前装量产业务（ADAS）: lines the article glosses with a Latin short form, named by it
        self.line_glosses = {_LINE_TAIL_WORD.sub("", m.group(1)): m.group(2).lower().replace(" ", "_")
                             for m in _line_gloss_matches(self.text)}
        self.section_segment: Optional[str] = None     # segment named by the current section heading
        self.section_entity: Optional[str] = None      # company named by the current section heading
        self.section_marked = False     # the section opened under a marked heading (■…, 【…】)
        self._topic = None                             # see topic_period
        self._sole = None                              # see sole_period
        self._annual: Optional[bool] = None            # see _annual_doc
        self._interim_named: Optional[bool] = None     # see _interim_doc
        self._weekday_days = None                      # see _weekdays_named
        self.lead_period: Optional[Tok] = None         # the one period of the last prose paragraph
        self.lead_is_heading = False                   # ... written as a heading: 基本面(2025全年)
        self._par_period_toks: list[Tok] = []          # period tokens of the paragraph so far
        self._last_list: list = []                      # the periods of the last enumeration read
        self._interim: Optional[bool] = None            # the article reports on one half or quarter
        self._par_has_figures = False
        self._first_cornerstone: dict[int, int] = {}   # sentence start -> end of its first cornerstone sum
        self._colons: Optional[list[int]] = None       # see _colon_between
        self._par_named_period = False                 # the paragraph wrote a period (any kind)
        self._par_own_period = False                   # ... other than a comparison (上年, 去年同期)
        self._resolved: list[Tok] = []                 # relative periods resolved in the sentence
        # the periods of the last 由A至B pair of the paragraph (earlier, later, end of B) and the
        # starts of the pair being read
        self.last_pair: Optional[tuple[Period, Period, int]] = None
        self._pair_pending: Optional[tuple[int, int]] = None

    # ------------------------------------------------------------------ driver
    def read(self) -> None:
        stream = self.ctx.stream
        # the lines the tables cover (a table's span starts at its first cell, after the "| ")
        tables = sorted((_line_start(self.text, tb.start), tb.end) for tb in self.ctx.table_spans)
        table_starts = [s for s, _ in tables]
        sections = self.ctx.day_sections
        main, k_section = self.ctx.main_entity, -1
        for sent, toks in zip(stream.sentences, stream.by_sentence()):
            self.ctx.cursor = sent.start
            while k_section + 1 < len(sections) and sections[k_section + 1][0] < sent.end:
                # a feed's day or item (its today: ctx.today): its most named company is its main
                # one, and the day the one before told does not go on
                k_section += 1
                end = sections[k_section + 1][0] if k_section + 1 < len(sections) else len(self.text)
                self.ctx.main_entity = self._item_company(sections[k_section][0], end) or main
                self.last_trading_day = None
            k = bisect_right(table_starts, sent.start) - 1
            if k >= 0 and sent.start < tables[k][1]:
                continue            # a table row: tables.py reads it
            self._section(sent, toks)
            if not any(t.kind in (AMOUNT, DATE, TICKER) or (t.kind == CUE and t.obj.kind == "flat")
                       for t in toks):
                self._remember(toks, sent)
                continue
            self._read_sentence(sent, toks)
            self._remember(toks, sent)
        self.ctx.cursor = 0
        self.ctx.main_entity = main

    def _item_company(self, start: int, end: int) -> Optional[str]:
        """The most named company of text[start:end] (the first named of equals), or None."""
        counts: dict[str, int] = {}
        for t in self.ctx.stream.in_span(start, end):
            if t.kind == ENTITY and t.obj.entity not in bystanders() and t.obj.entity not in indices() \
                    and t.obj.entity != "market":
                counts[t.obj.entity] = counts.get(t.obj.entity, 0) + 1
        return max(counts, key=lambda e: counts[e], default=None)

    _OBJECT_LIST = re.compile(r"(?:包括|包含|涵盖|囊括|例如|比如|诸如|股东有|投资方有|投资者有|投资者为|引入了?|获得了?)"
                              r"[^，,。；;：:\d]*$")

    _FOLLOWS_BEFORE = re.compile(r"(?:跟随|追随|伴随|随着|随|跟)\s*$")
    _EXAMPLE_SUBJECT = re.compile(r"[\s“”\"「」『』]*(?:例如|比如|譬如)[\s，,:：]*")

    _INVESTOR_NAMES = re.compile(r"(?:投资者|投资人|投资方|基石)[^。；;\d]{0,8}?(?:分别为|分别是|包括|为|是|有)[^。；;\d]*$")

    #: a pronoun subject, then 与/同: 它与, 他同 (Cantonese 佢同), 该公司和
    _PRONOUN_WITH = re.compile(r"(?:它|他|佢|其|该公司|该股|公司)\s*(?:与|和|同|跟)\s*$")
    #: between a company and the one it is compared with: (06600)同, 与
    _WITH_BEFORE = re.compile(r"(?:\s*[(（][^()（）]{1,12}[)）])?\s*(?:与|和|同|跟)\s*$")
    #: …同一日挂牌 (not 先后: 智谱与MiniMax先后完成招股 has two subjects)
    _SAME_DAY_AFTER = re.compile(r"\s*(?:[(（][^()（）]{1,12}[)）])?\s*(?:同一日|同一天|同日|同天)")
    #: what a company compared in time is followed by: 同一日挂牌, 同日上市, 前后脚
    _SAME_TIME_AFTER = re.compile(r"\s*(?:[(（][^()（）]{1,12}[)）])?\s*(?:同一日|同一天|同日|同天|同时|一样|一齐|一同|前后脚|先后|一前一后)")
    _SUBJECT_LEAD = re.compile(r"^[\s\d年月日上下半前三季度第一二四个同期而但其中此外另外同时对比相比相较较与和及、据显示,，:：‧·•●○▪◆■►▶・*\-]*$")

    def _colon_between(self, lo: int, hi: int) -> bool:
        """A colon stands in ``text[lo:hi]`` (the colons are found once: bisection, linear overall)."""
        if self._colons is None:
            self._colons = [m.start() for m in re.finditer(r"[:：]", self.text)]
        k = bisect_left(self._colons, lo)
        return k < len(self._colons) and self._colons[k] < hi

    def _object_position(self, st: _State, t: Tok) -> bool:
        """A company named in a list of investors or shareholders (…包括阿里巴巴、百度、达飞集团),
        or a bystander (阿里, 腾讯 …) that is not the subject of its clause."""
        before = self.text[max(st.clause_start, t.start - LOOK):t.start]
        if self._OBJECT_LIST.search(before) and not self._EXAMPLE_SUBJECT.fullmatch(before):
            return True     # (“例如长曜光子公开发售超购2315.7倍: an example that is the subject)
        if "cornerstone" in st.sflags and st.sflags["cornerstone"] < t.start \
                and self._INVESTOR_NAMES.search(self.text, max(st.sentence_start, t.start - 40), t.start):
            return True     # 两名基石投资者，分别为广汽集团旗下启城发展及均胜电子旗下…: investors named
        if self._compared_in_time(t):
            return True     # 佢同驭势科技同一日挂牌: the company compared with, not the subject
        if st.entity is not None and st.entity != t.obj.entity \
                and _COMPARED_ENTITY.search(self.text, max(0, t.start - 4), t.start) \
                and not _CONTRAST_HEAD.fullmatch(self.text, st.clause_start, t.start) \
                and not _OWN_FIGURE_AFTER.match(self.text, t.end) \
                and not _OWN_FIGURE_INSIDE.match(self.text, t.end):
            # MiniMax…增速其实比智谱还快一些；毛利率…: the company compared with (高于MiniMax的2.2亿元
            # gives MiniMax its own figure; 对比OpenAI同期…1.8倍 heads its clause)
            return True
        if (t.obj.entity in indices() or t.obj.entity == "market") and self._FOLLOWS_BEFORE.search(before):
            return True     # 午后随大市回升，最高见86.90港元: the stock follows the market
        return t.obj.entity in bystanders() and not self._SUBJECT_LEAD.match(before)

    def _compared_in_time(self, t: Tok) -> bool:
        """A company named after 同/与 by a subject (a pronoun or another company) and before
        同一日/同日/前后脚: 他同驭势科技同一日挂牌, 卧安(06600)与驭势科技同日上市 (not with 分别;
        after another company, only 同日/同一日)."""
        if not self._SAME_TIME_AFTER.match(self.text, t.end):
            return False
        if self._PRONOUN_WITH.search(self.text, max(0, t.start - 8), t.start):
            return True
        m = self._WITH_BEFORE.search(self.text, max(0, t.start - 16), t.start)
        if m is None or not self._SAME_DAY_AFTER.match(self.text, t.end) or not any(e.kind == ENTITY and e.end == m.start()
                                for e in self.ctx.stream.in_span(max(0, m.start() - 24), m.start())):
            return False
        end = self.text.find("。", t.end, t.end + 200)
        return not re.search(r"分别|各自|依次|前者|后者|两者|二者|两家|双方|两只|均|都", self.text[t.end:end if end != -1 else t.end + 200])

    def _weekday_named_before(self, sent: Span, pos: int) -> bool:
        """The sentence names a weekday before ``pos`` (its first one is looked up once: linear in
        an endless sentence)."""
        if sent.start not in self._first_weekday:
            m = WEEKDAY.search(self.text, sent.start, sent.end)
            self._first_weekday[sent.start] = m.end() if m is not None else None
        end = self._first_weekday[sent.start]
        return end is not None and end <= pos

    def _hong_kong_line(self, st: _State, a) -> bool:
        """A Taiwan company's Hong Kong line is what the sentence tells (晟博港股以每股港币96.5元开出,
        …终场收在港币93.2元，上涨5.91%): the last market it named before the figure is Hong Kong's."""
        last = None
        for m in _MARKET_NAMED.finditer(self.text, max(st.sentence_start, a.start - _TWD_LOOKBACK), a.start):
            last = m
        return last is not None and last.group(1) is not None

    def _reports_in_twd(self, st: _State) -> bool:
        """The company a sentence carries gave its own figures in New Taiwan dollars where it was
        last named (昱芯2025年营收新台币48.6亿元…。今年前三季营收新台币44.1亿元，年增38.7%: the
        Taiwanese company's own change)."""
        if st.entity is None:
            return False
        toks = self.ctx.stream.in_span(max(0, st.sentence_start - _TWD_LOOKBACK), st.sentence_start)
        named = next((i for i in range(len(toks) - 1, -1, -1)
                      if toks[i].kind == ENTITY and toks[i].obj.entity == st.entity), None)
        return named is not None and any(t.kind == AMOUNT and t.obj.unit == "TWD" for t in toks[named + 1:])

    def _line_slug(self, name: str) -> Optional[str]:
        """The slug of a business line's name: its Latin short form where the article gave one
        (前装量产业务（ADAS）… 前装量产业务是… -> ``adas``), else :func:`segment_slug`'s, else its
        English name where the article gave one (先知AI平台(Sage AI Platform) -> ``sage_ai_platform``)."""
        gloss = self.line_glosses.get(_LINE_TAIL_WORD.sub("", name))
        if gloss is not None and "_" in gloss:
            return segment_slug(name) or gloss
        return gloss or segment_slug(name)

    def _line_opening_sentence(self, start: int) -> Optional[str]:
        """The slug of a business line a sentence opens on (人形机器人业务仍…, 从收入结构看，前装
        量产业务是…), else None."""
        lead = _LEAD_VIEW.match(self.text, start)
        m = _LINE_SUBJECT.match(self.text, lead.end() if lead is not None else start)
        return self._line_slug(m.group("name")) if m is not None else None

    def _line_opening_clause(self, st: _State, pos: int) -> None:
        """硬件业务毛利率为28.6%，软件业务则为71.2%: a clause that opens with another business line
        (one the lexicon has no token for) is about that line, not the one before: its slug, or the
        unknown segment (its figures are then reported, not given to the line before)."""
        m = _LINE_OPENS_CLAUSE.match(self.text, pos)
        if m is None or _GENERIC_LINE.match(m.group("name")) or any(
                t.kind in (ENTITY, PERIOD, TICKER) or t.kind == CUE and t.obj.kind == "seg"
                for t in self.ctx.stream.in_span(m.start("name"), m.end("name"))):
            return      # (a company, a period or a line the lexicon names: their own tokens tell)
        slug = self._line_slug(m.group("name"))
        if slug == st.segment:
            return
        st.segment, st.segment_pos, st.segment_end = slug or UNKNOWN_SEGMENT, m.start("name"), m.end("name")
        st.seg_seen = True
        st.prev_base, st.prev_base_cue = st.base, st.base_cue
        st.base, st.base_cue, st.base_pos = "revenue", m.group("name"), m.start("name")

    def _business_line(self, st: _State, cue: Tok) -> Optional[str]:
        """广告收入9.02亿元, 2025年付费会员收入…, 机场无人物流车收入…: the name of a business line
        when 收入 comes right after a name that is no company, no period and no segment the
        lexicon knows (a company or a period before the name is left out of it)."""
        lo = max(st.clause_start, cue.start - 24)
        q = _QUOTED_LINE_BEFORE_CUE.search(self.text, lo, cue.start)
        if q is not None and not any(t.kind in (ENTITY, PERIOD, TICKER) for t in self.ctx.stream.in_span(q.start(1), q.end(1))):
            return q.group(1)           # “AI+制造”业务收入: the line's name in quotes
        stop = cue.start
        period = next((t for t in self.ctx.stream.in_span(lo, cue.start)
                       if t.kind == PERIOD and not self.text[t.end:cue.start].strip()), None)
        if period is not None and period.start - lo >= 2 and _LINE_WORD_END.search(self.text, lo, period.start):
            stop = period.start         # 广告业务2025年收入: the line before the period (not 公布2025年收入)
        m = _NAME_BEFORE_CUE.search(self.text, lo, stop)
        if m is None and cue.obj.word.isascii():
            m = _LATIN_LINE_BEFORE.search(self.text, lo, stop)     # Robotics GPM 41.2%: one Latin word
        if m is None and self.text[cue.start - 1:cue.start] in (")", "）"):
            # 智能硬件（智能体产品，含灵犀、星图）收入…: the line named before its parenthesis
            opened = max(self.text.rfind("(", max(0, cue.start - 40), cue.start),
                         self.text.rfind("（", max(0, cue.start - 40), cue.start))
            if opened > st.sentence_start:
                lo = max(st.sentence_start, opened - 24)
                m = _NAME_BEFORE_CUE.search(self.text, lo, opened)
        if m is not None and period is not None and period.start <= m.start(1) and m.end(1) <= period.end:
            m = None            # (…，上半年收入: a period, no name)
        if m is None and (item := _ITEM_LINE.match(self.text, st.sentence_start)) is not None \
                and 0 <= cue.start - item.end() <= 8 and not re.search(r"[，,；;。]", self.text[item.end():cue.start]):
            m = item            # 一是AI学习机等智能硬件，上半年收入5.12亿元: the item's line
        if m is None:
            return None
        start, end = m.start(1), m.end(1)
        if self.text[end - 1:end] == "的" and _LINE_WORD_END.search(self.text, start, end - 1):
            end -= 1            # (但软件业务的毛利率: the line before 的)
        if (v := _LINE_VERB.search(m.group(1))) is not None and v.start() >= 2:
            end = start + v.start()     # 分拣解决方案实现收入4.12亿元: the line before the verb
        if _WHOLE_BEFORE_CUE.search(self.text, start, end):
            return None
        for t in self.ctx.stream.in_span(max(0, start - 16), end):
            if t.kind in (ENTITY, PERIOD, TICKER) and start < t.end <= end:
                start = t.end       # (2025年付费会员, 美图的广告: the line after them)
        name = self.text[start:end]
        if cue.obj.word.startswith("销售"):
            name += "销售"           # 车辆销售收入 (销售收入 is the cue): the line is 车辆销售
        for lead in ("其中", "而", "则", "另外", "此外", "至于", "但", "的", "该公司", "公司", "集团"):
            if name.startswith(lead):
                name, start = name[len(lead):], start + len(lead)
        if name.startswith("其") and not name.startswith(("其他", "其它", "其余")):
            name, start = name[1:], start + 1       # (公司订阅收入, 其订阅收入: the company's line)
        if (k := name.rfind("的")) != -1:
            name, start = name[k + 1:], start + k + 1     # (以“绝影”为品牌的智能汽车板块: the line after 的)
        if (k := name.rfind("等")) != -1 and not name.startswith(("其他", "其它"), k + 1) \
                and not (self._line_slug(name[k + 1:]) is None and self._line_slug(name) is not None):
            # (Robobus、Robosweeper等L4产品: the class after 等; 机器人等非车载领域: the line before
            # it, where only that has a name)
            name, start = name[k + 1:], start + k + 1
        if len(name) < 2:
            return None
        if any(t.kind in (ENTITY, PERIOD, TICKER) or t.kind == CUE and t.obj.kind in ("seg", "metric", "ctx", "loss")
               for t in self.ctx.stream.in_span(start, end) if t is not cue):
            return None
        return name

    def _remember(self, toks: list[Tok], sent: Span) -> None:
        """Carry periods, companies, the loss metric and price talk to the next sentences."""
        ents: list[str] = []
        loss = None
        trading = price_talk = listing_talk = False
        day_tok = None
        segment = None
        subject_segment = False
        # 以半年计，去年下半年收入…，上半年…。按部署方式划分，…: a sentence that splits the period
        # in context into its halves or quarters leaves that period to the sentences after it
        parts_only = _PARTS_OPENER.match(self.text, sent.start) is not None
        # the periods the paragraph reports on (not one it compares with: 低于2023年的…, (2023年：…),
        # nor one the sentence names without a figure of it)
        # the periods the sentence's figures took, and (start, Period) of those figures
        told = {d.period for d in self.drafts[-12:] if d.sent == sent and d.period}
        took = self._took_periods(toks)
        earlier_asides = self._earlier_asides(toks, took) | self._idle_periods(toks, told)
        for t in toks:
            k = t.kind
            if k == DATE and not getattr(t.obj, "dateline", False):
                day_tok = t
            elif k == PERIOD:
                if t.obj.period is not None:
                    self.recent_periods.append(t)
                    self.par_periods.append(t)
                    if t.start not in self.asides and not self._compared_or_aside(t) and not parts_only \
                            and t.start not in earlier_asides:
                        self.prev_sentence_period = t
            elif k == ENTITY:
                e = t.obj.entity
                if e not in bystanders() and e not in indices() and e not in ents \
                        and not _COMPARED_ENTITY.search(self.text, max(0, t.start - 4), t.start) \
                        and not (_WITH_BEFORE_PERIOD.search(self.text, max(0, t.start - 2), t.start)
                                 and _FRAME_AFTER.match(self.text, t.end)) \
                        and not self._compared_in_time(t):
                    # (毛利率46.2%，比优必选高出10个百分点; 他同驭势科技同一日挂牌: not the subject)
                    ents.append(e)
            elif k == CUE:
                kind = t.obj.kind
                if kind == "price":
                    trading = price_talk = True
                elif (kind == "ctx" and t.obj.value == "trading") or kind == "change":
                    price_talk = True       # (周三(8月26日)港股震荡走高。恒指收涨…: the day of the move)
                elif kind == "ctx" and t.obj.value in ("listing", "first_day", "market_day"):
                    listing_talk = True     # (两只新股昨日(29日)同场挂牌。X开市报55元…: the listing day)
                    if t.obj.value == "market_day":
                        self.market_day_pos = t.end     # (…昨日(9日)起纳入港股通。首日…: that day)
                    elif t.obj.value == "listing":
                        self.market_day_pos = -10**9
                elif kind == "metric" and t.obj.value in LOSSES:
                    loss = t.obj.value
                elif kind == "seg" and not subject_segment:
                    # the line the sentence opens with is what it is about (云端部署则是通过…开放平台…);
                    # else the last one named (变化更大的是云端部署)
                    segment = t.obj.value
                    subject_segment = self.text[sent.start:t.start].strip() in _CLAUSE_OPENERS
        self.par_sub_year += self._resolved
        for t in self._resolved:
            # (今年首六个月 read as 2026H1 in this sentence; not 仅下半年…, 单看二季度… in a paragraph
            # on the year or the half: a part of it)
            p = t.obj.period
            if p.kind in ("half", "quarter", "quarters") and t.start not in self.asides \
                    and not self._compared_or_aside(t) and not parts_only \
                    and (self.prev_sentence_period is None or t.start > self.prev_sentence_period.start
                         or self.prev_sentence_period.end <= sent.start) \
                    and not any(q.obj.period != p and q.obj.period.start_date <= p.start_date
                                and p.end_date <= q.obj.period.end_date
                                # (the last 64 of each: an endless paragraph stays linear)
                                for q in self.par_periods[-64:] + self._resolved[-64:]):
                self.prev_sentence_period = t
                self.par_resolved = True        # (…公布Q3业绩：…。Q3 net loss…: the same quarter)
        if len(ents) >= 2:
            self.prev_entities = ents
        if day_tok is not None and not price_talk and _STOCKS_MOVE.search(self.text, sent.start, sent.end):
            price_talk = True       # 两股昨日(16日)表现不俗。智谱收报…: the day of the session told next
        if (price_talk or (listing_talk and not any(t.kind == AMOUNT and t.obj.unit != "count" for t in toks))) \
                and day_tok is not None and self.last_trading_pos != sent.end \
                and not _FOLLOWS_BEFORE.search(self.text, max(0, day_tok.start - 8), day_tok.start) \
                and not any(t.kind == AMOUNT and _DIGIT.search(self.text, t.start, t.end) for t in toks):
            # (是继去年11月6日小马智行、文远知行同场上市之后: the day of the listings it follows, no
            # session of this story)
            # 8月29日早盘，X股价下挫。截至发稿，X跌6.25%…: a sentence of a day and no figure tells
            # the day the figures that follow are of
            day = self._date_of(day_tok, session=True)
            if day is not None and not (self.ctx.today is not None and day > self.ctx.today):
                # (…6月5日收市后实施，6月8日起生效, written on 5月15日: days to come are no session)
                self.last_trading_day, self.last_trading_pos = day, sent.end
                self.last_day_recalled = self.last_day_by_word = False
        # (nor a year it looks forward to, 预计2026年…, nor a part of its period, 其中下半年…)
        self._par_period_toks += [t for t in toks + self._resolved if t.kind == PERIOD and not parts_only
                                  and t.obj.period is not None and not self._compared_or_aside(t)
                                  and t.start not in earlier_asides
                                  and not (t.start in self.asides and self.text.startswith("则", t.end))
                                  and not COMPARE_AFTER.match(self.text, t.end)
                                  and not _AHEAD_OR_PART.search(self.text, max(0, t.start - 4), t.start)
                                  and not _PART_AFTER.match(self.text, t.end)
                                  and not _FORECAST_AFTER.match(self.text, t.end)]
        # 其中，2025年1-9月A产品收入…。单看产品，B贡献…: a breakdown continues the one period of
        # the sentence before it in the paragraph
        own = [t for t in toks if t.kind == PERIOD and t.obj.period is not None and not parts_only
               and not self._compared_or_aside(t) and not COMPARE_AFTER.match(self.text, t.end)
               and t.start not in earlier_asides]
        self.prev_sentence_one = own[0] if own and own[0].obj.kind == "single" and len(
            {str(t.obj.period) for t in own}) == 1 else None
        # the periods the sentence's figures took, for the sentences after it in the paragraph
        if earlier_asides and len(told) > 1:
            # (整体毛利率47.2%，2024年为56.3%: the aside's year is not one the sentence told)
            told -= {str(t.obj.period if t.obj.period is not None else self._read_with(t, took))
                     for t in toks + self._resolved if t.start in earlier_asides and t.kind == PERIOD}
        self.prev_sentence_told = None
        if not own and not any(t.kind == PERIOD and t.start not in earlier_asides for t in toks) and len(told) == 1:
            # 从收入构成看，A收入…，B收入…。研发开支…: the one period the sentence's figures took
            # (from the paragraph's lead)
            period = next(iter(told))
            if ".." not in period and "-" not in period[4:]:
                self.prev_sentence_told = self._told_tok(sent, period)
        if self.prev_sentence_one is None and (len(own) >= 2 or self._pair_in(sent)):
            # (2025年付费会员收入…，这一比例在2024年还不到五成。营销服务收入…: the one period the
            # sentence's figures were given; 毛利率从2024年的A回落到B: B's)
            if len(told) == 2 and self._pair_in(sent) and str(self.last_pair[1]) in told:
                told = {str(self.last_pair[1])}
            if len(told) == 1:
                period = next(iter(told))
                self.prev_sentence_one = next((t for t in own if t.obj.kind == "single"
                                               and str(t.obj.period) == period), None)
                if self.prev_sentence_one is None and self._pair_in(sent):
                    self.prev_sentence_one = self._told_tok(sent, period)
        self._resolved = []
        self._par_named_period = self._par_named_period or any(t.kind == PERIOD for t in toks)
        self._par_own_period = self._par_own_period or not parts_only and any(
            t.kind == PERIOD and getattr(t.obj, "relative", None) not in _COMPARISONS
            and t.obj.text not in _PREVIOUS_FISCAL_YEAR and t.obj.text not in _IN_CONTEXT
            and not self._compared_or_aside(t) for t in toks)
        # (a caption's unit, 业绩摘要(人民币百万元), is not a figure)
        self._par_has_figures = self._par_has_figures or any(
            t.kind == PERIOD or t.kind == AMOUNT and _DIGIT.search(self.text, t.start, t.end) for t in toks)
        # the paragraph ends with the line (。 is often the last character before the break)
        par_end = sent.end >= len(self.text) or self.text[sent.end - 1] == "\n" \
            or self.text.startswith("\n", sent.end)
        if par_end and self._par_has_figures and not self._bullet(sent):
            # a prose paragraph about one period leads the bullet list that may follow it (one
            # that only compares, 年内亏损…上年为…, keeps the lead of the paragraph before)
            if self._par_period_toks or not self._par_named_period:
                self.lead_period = self.paragraph_period() or self._year_with_parts()
                self.lead_is_heading = False
            heading = self._heading_period(sent, toks)
            if heading is not None:
                self.lead_period, self.lead_is_heading = heading, True
        elif par_end and self._par_has_figures and self._bullet(sent) and self._par_period_toks \
                and (one := self.paragraph_period()) is not None:
            # 1、收入：上半年营收7.46亿…\n2、毛利率：41.6%…: an item naming one period leads the items after it
            self.lead_period, self.lead_is_heading = one, False
        if par_end:
            self._par_period_toks, self._par_has_figures = [], False
            self._par_named_period = self._par_own_period = False
            # a new paragraph starts from the main company (unless it opens by pointing back:
            # 按此计算，此次配售…)
            # (a one-sentence paragraph: the company it names)
            self.prev_par_entity, self.carry_entity = (ents[0] if ents else self.carry_entity), None
            self.par_loss_metric = None
            self.par_trading = False
            self.par_uses = False
            self.par_segment = None
            self.par_periods = []
            self.par_sub_year = []
            self.par_resolved = False
            self.last_pair = None
            self.prev_sentence_one = None
            self.prev_sentence_told = None
        else:
            self.par_trading = trading
            if segment is None and not ents:
                segment = self._line_opening_sentence(sent.start)     # (人形机器人业务仍在亏损。该业务…)
            if segment is not None:
                self.par_segment = segment
            if ents:
                self.carry_entity = ents[0]
            if loss:
                self.par_loss_metric = loss

    def _heading_period(self, sent: Span, toks: list[Tok]) -> Optional[Tok]:
        """基本面(2025全年): the one period of a short line with no figure, in parentheses too,
        is the period of the lines under it."""
        line_start = self.text.rfind("\n", 0, sent.start) + 1
        if sent.end - line_start > 24 or any(t.kind == AMOUNT and t.obj.unit is not None for t in toks):
            return None
        periods = [t for t in toks if t.kind == PERIOD and t.obj.period is not None]
        if not periods and self.ctx.today is not None:
            # (讲返基本面 今年上半年: a half of this year or last, as the article's day dates it)
            rel = [t for t in toks if t.kind == PERIOD and getattr(t.obj, "year_offset", None) is not None
                   and getattr(t.obj, "relative", None) in ("H1", "H2", "Q1", "Q2", "Q3", "Q4", "Q1-Q3")]
            if len(rel) == 1:
                t = rel[0]
                p = parse_period(f"{self.ctx.today.year + t.obj.year_offset}{t.obj.relative}")
                if p.end_date <= self.ctx.today:
                    periods = [Tok(PERIOD, t.start, t.end, ResolvedPeriod(p, t.start, t.end, t.obj.text))]
        if len(periods) != 1 or periods[0].obj.kind != "single":
            return None
        return periods[0]

    def _compared_here(self, st: _State, t: Tok) -> bool:
        """The period is one the clause compares with (较2023年的…, 与2025年下半年的…相比, 已接近
        去年全年营收…的水准): it dates the figure right after it only."""
        return bool(COMPARE_BEFORE.search(self.text[max(st.clause_start, t.start - 4):t.start])) or bool(
            (_WITH_BEFORE_PERIOD.search(self.text, max(st.clause_start, t.start - 2), t.start)
             and _COMPARED_AFTER_PERIOD.match(self.text, t.end))
            or self._nears_level(t, st.clause_start))

    def _nears_level(self, t: Tok, lo: int) -> bool:
        """The period's level is one a figure nears or passes (已接近去年全年营收…的水准); ``lo``
        bounds the look back."""
        return bool(_NEAR_BEFORE_PERIOD.search(self.text, max(lo, t.start - 4), t.start)
                    and _LEVEL_AFTER_PERIOD.match(self.text, t.end))

    def _compared_or_aside(self, t: Tok) -> bool:
        """A period named as a comparison (较2024年的…, 若与2025年下半年的…相比), the start of a
        pair (由2024年的53.2%降至…) or inside parentheses ((2024年为3050万美元)), not one the text
        reports on."""
        return t.start in self.ctx.compared_periods \
            or bool(COMPARE_BEFORE.search(self.text, max(0, t.start - 4), t.start)) \
            or (_paren_close(self.text, t.start) is not None and not _DATA_OF_AFTER.match(self.text, t.end)) \
            or bool(_FROM_BEFORE.search(self.text, max(0, t.start - 2), t.start)
                    and _TO_AFTER.match(self.text, t.end)) \
            or bool(_WITH_BEFORE_PERIOD.search(self.text, max(0, t.start - 2), t.start)
                    and _COMPARED_AFTER_PERIOD.match(self.text, t.end)) \
            or bool(_COMPARED_LIST_BEFORE.search(self.text, max(0, t.start - 24), t.start)) \
            or bool(_AS_CONTRAST_BEFORE.search(self.text, max(0, t.start - 20), t.start)) \
            or self._nears_level(t, 0)

    def _earlier_asides(self, toks: list[Tok], took: list) -> set[int]:
        """2025年收入25.86亿元，按年增长4.3%，2024年为24.79亿元: a clause of only an earlier period,
        为 and a figure, after a later period of the same kind in the paragraph (or taken by a figure
        before it: ``took``, see ``_took_periods``), is a comparison. The starts of such period
        tokens (one pass over the sentence)."""
        latest: dict = {}       # period kind -> latest end date named so far (in the paragraph too)
        out: set[int] = set()
        # (a relative period resolved in the sentence is a later one, and an aside itself only
        # when written a year back: 中期收入…，2025年上半年仅录得…, 上半年…，去年上半年才…)
        resolved = {t.start for t in self._resolved if not _YEAR_BACK.match(t.obj.text)}
        ordered = sorted(toks + self._resolved, key=lambda t: t.start) if self._resolved else toks
        # (整体毛利率47.2%，2024年为56.3%, in a paragraph on 2025 that does not name it: the
        # period the sentence's first figure took is the later one)
        took = list(took)       # (consumed below)
        for t in self._par_period_toks[-16:] + ordered:
            while took and took[0][0] < t.start:
                q = took.pop(0)[1]
                if q.kind not in latest or q.end_date > latest[q.kind]:
                    latest[q.kind] = q.end_date
            if t.kind != PERIOD:
                continue
            p = t.obj.period if t.obj.kind == "single" else None
            if p is None and t.obj.kind == "relative" and t.start not in resolved:
                p = self._read_with(t, took)    # (…47.2%，前年为56.3%: the year the figure took)
            if p is None:
                continue
            if p.kind in latest and latest[p.kind] > p.end_date and t.start not in resolved \
                    and (ASIDE_AFTER.match(self.text, t.end) or _METRIC_ASIDE_AFTER.match(self.text, t.end)) \
                    and (self.text[t.start - 1:t.start] in ("，", ",", "；", ";")
                         or self.text[t.start - 1:t.start] in ("而", "但")
                         and self.text[t.start - 2:t.start - 1] in ("，", ",", "；", ";")):
                out.add(t.start)    # (…同比增长252.2%，而2025年上半年为3,180万美元)
            if p.kind not in latest or p.end_date > latest[p.kind]:
                latest[p.kind] = p.end_date
        return out

    def _one_reporting_half(self) -> bool:
        """The article reports on one half or quarter (an interim report: 报告期内 is that period),
        and lists no run of periods (a prospectus's 报告期 is its track record)."""
        if self._interim is None:       # (once per document: 报告期 may be written many times)
            topic = self.topic_period()
            self._interim = topic is not None and topic.obj.period.kind in ("half", "quarter") and not any(
                t.kind == PERIOD and len(t.obj.items or ()) > 1 for t in self.ctx.stream.tokens)
        return self._interim

    def _idle_periods(self, toks: list[Tok], told: set[str]) -> set[int]:
        """…环比增长约10.1%——去年下半年的基数已经不低: a period with no figure after it in its
        clause, in a sentence whose figures all took another period (``told``). The starts of such
        tokens."""
        if not told:
            return set()
        resolved = {t.start: t.obj.period for t in self._resolved}
        out: set[int] = set()
        for i, t in enumerate(toks):
            if t.kind != PERIOD:
                continue
            p = t.obj.period if t.obj.period is not None else resolved.get(t.start)
            if p is None or str(p) in told:
                continue
            nxt = next((x for x in toks[i + 1:] if x.kind == AMOUNT), None)
            if nxt is None or _CLAUSE_END.search(self.text, t.end, nxt.start):
                out.add(t.start)
        return out

    @staticmethod
    def _read_with(t: Tok, took: list) -> Optional[Period]:
        """The period the figure right after the period word ``t`` took (前年为56.3% -> 2024), from
        the sentence's ``took`` (see ``_took_periods``)."""
        return next((q for start, q in took if t.end <= start <= t.end + 8), None)

    def _took_periods(self, toks: list[Tok]) -> list:
        """(start, Period) of the figures of the sentence of ``toks`` that took a period of a
        year, half or quarter, in text order."""
        if not toks:
            return []
        lo, hi = toks[0].start, toks[-1].end
        out = []
        for d in self.drafts[-12:]:
            if lo <= d.start < hi and d.period and d.period[:4].isdigit() and "-" not in d.period[4:] \
                    and ".." not in d.period:
                out.append((d.start, parse_period(d.period)))
        return sorted(out, key=lambda x: x[0])

    def _section(self, sent: Span, toks: list[Tok]) -> None:
        """A short heading line (本地部署 / 云端部署) opens a section about one business segment;
        its gross margins and revenues belong to that segment until the next heading."""
        line = self.text[sent.start:sent.end].strip()
        starts_line = sent.start == 0 or self.text[sent.start - 1] == "\n"
        if starts_line and len(line) <= 30 and _MARKED_HEADING.match(self.text, sent.start) \
                and self._whole_line(sent):
            # ■MiniMax：毛利率升至31.5% … ■分析：估值高企 — a marked heading opens a section about the
            # one company it names (or about none): paragraphs under it that name no company are its
            names = {t.obj.entity for t in toks if t.kind == ENTITY
                     and t.obj.entity not in bystanders() and t.obj.entity not in indices()}
            if names or not any(t.kind == AMOUNT for t in toks):
                # (■收入9.86亿元，按年增长72.3% under 穹算科技(03301)：…业绩: an item of the company's
                # figures, naming none, stays in its section)
                self.section_entity = names.pop() if len(names) == 1 else None
                self.section_marked = True
        elif starts_line and len(line) <= 48 and (company := self._numbered_company(sent, toks)) is not None:
            # 1️⃣ 睿镭光电(激光雷达，7月20日递表) — an item of a list of companies: the lines under it,
            # up to the next item, are about that company
            self.section_entity, self.section_marked = company, True
        elif starts_line and (company := self._company_heading(sent, toks)) is not None:
            # 1. 智谱(02513.HK):收入高增,亏损收窄 — an item's title naming one company before a
            # colon, with no figure: the lines under it (事件:公司…) are about that company
            self.section_entity, self.section_marked = company, False
            return
        else:
            if len(line) > 30 and starts_line and not self._bullet(sent) and not _LABEL_LINE.match(line) \
                    and not self.section_marked and any(t.kind == ENTITY and t.obj.entity != self.section_entity
                                                        for t in toks):
                # prose again that names its own companies (a paragraph naming none, 同期亏损…，
                # under 02 MiniMax：增速更猛, stays in the section)
                self.section_entity = None
            if starts_line and len(line) <= 24:
                # —— 天数智芯 ——, 【智谱(02513.HK)】: a heading naming one company opens its section
                names = {t.obj.entity for t in toks if t.kind == ENTITY}
                rest = self.text[sent.start:sent.end]
                for t in sorted((t for t in toks if t.kind in (ENTITY, TICKER)), key=lambda t: -t.start):
                    rest = rest[:t.start - sent.start] + rest[t.end - sent.start:]
                rest = _HEADING_LABEL.sub("", rest, count=1)     # 【业绩速览・第四范式(06682.HK)】
                rest = _HEADING_TAG.sub("", rest, count=1)       # ✅【正面盈利预告】出门问问(02438)
                rest = _CLASS_TAIL.sub("", rest, count=1)        # $地平线机器人-W (09660.HK)$
                if len(names) == 1 and _HEADING_DECOR.fullmatch(rest):
                    self.section_entity, self.section_marked = names.pop(), False
                    return
        if not starts_line or not line or len(line) > 12 or re.search(r"[\d，,。：:；;!！?？]", line):
            return
        # (本地化部署业务, ■ 云端部署: a line's name and little else; not 本地化部署仍是“压舱石”)
        segs = [t for t in toks if t.kind == CUE and t.obj.kind == "seg"]
        self.section_segment = segs[0].obj.value if len(segs) == 1 and len(line) <= segs[0].end - segs[0].start + 4 \
            else None

    def _whole_line(self, sent: Span) -> bool:
        """The sentence runs to the end of its line (a heading, not the start of prose)."""
        return self.text.find("\n", sent.start, sent.end + 1) in (-1, sent.end - 1, sent.end)

    def _numbered_company(self, sent: Span, toks: list[Tok]) -> Optional[str]:
        """The company an item's line opens with, right after its number or emoji, the line
        holding no figure (2️⃣ 芯锂微(BMS芯片，8月28日递表), ③ 飞鹞智能 — 无人机)."""
        m = _NUMBERED_HEAD.match(self.text, sent.start)
        if m is None or m.end() == sent.start or not self._whole_line(sent):
            return None
        ents = [t for t in toks if t.kind == ENTITY]
        if not ents or ents[0].start != m.end() or any(t.kind == AMOUNT and t.start >= m.end() for t in toks) \
                or len({t.obj.entity for t in ents}) != 1 or ents[0].obj.entity in bystanders():
            return None
        return ents[0].obj.entity

    def _company_heading(self, sent: Span, toks: list[Tok]) -> Optional[str]:
        """The company of a title line: (a number,) one company and its code, a colon, words
        with no figure (1. 智谱(02513.HK):收入高增，维持“买入”评级)."""
        ents = [t for t in toks if t.kind == ENTITY]
        if not ents or any(t.kind == AMOUNT and t.start > ents[0].start for t in toks) \
                or len({t.obj.entity for t in ents}) != 1:
            return None
        line_end = self.text.find("\n", sent.start)
        if line_end != -1 and sent.end < line_end:
            return None     # (the line goes on after the sentence: prose)
        m = _COMPANY_TITLE.match(self.text, sent.start)
        if m is None or ents[0].start != m.end(1):
            return None
        after = ents[0].end
        tick = next((t for t in toks if t.kind == TICKER and t.start >= after), None)
        if tick is not None and self.text[after:tick.start].strip("(（ ") == "":
            after = tick.end
        return ents[0].obj.entity if _TITLE_COLON.match(self.text, after) else None

    def paragraph_period(self) -> Optional[Tok]:
        """The one reporting period the paragraph has named so far (None if none or several)."""
        toks = self._par_period_toks
        # (截至2026年9月30日止的第三季: the day that ends the period named is no other period)
        ends = {t.obj.period.end_date for t in toks if t.obj.kind == "single"}
        toks = [t for t in toks if not (t.obj.kind == "point" and t.obj.period.end_date in ends)]
        if not toks or any(t.obj.kind != "single" for t in toks):
            return None
        return toks[0] if len({str(t.obj.period) for t in toks}) == 1 else None

    def _whole_with_parts(self) -> Optional[Tok]:
        """上半年收入…。分季度看，第二季度…，第一季度…。上半年毛利率…。研发费用5.12亿元: a paragraph
        about one year or half that also names parts of it, and names the whole last: the whole."""
        toks = self._par_period_toks
        if not toks or any(t.obj.kind != "single" for t in toks) or toks[-1].obj.period.kind not in ("year", "half"):
            return None
        whole = toks[-1].obj.period
        if all(whole.start_date <= t.obj.period.start_date and t.obj.period.end_date <= whole.end_date
               for t in toks):
            return toks[-1]
        return None

    def _year_with_parts(self) -> Optional[Tok]:
        """A paragraph about one year that also names parts of it (2025年…；下半年…；第四季度…):
        the year leads the paragraph after it (分业务看，…)."""
        toks = self._par_period_toks
        years = {str(t.obj.period) for t in toks if t.obj.period.kind == "year"}
        if len(years) != 1 or any(t.obj.kind != "single" for t in toks):
            return None
        year = next(t for t in toks if t.obj.period.kind == "year")
        y = year.obj.period.start_date.year
        if all(t.obj.period.kind == "year" or t.obj.period.start_date.year == y == t.obj.period.end_date.year
               for t in toks):
            return year
        return None

    def _bullet(self, sent: Span) -> bool:
        """The sentence is an item of a bulleted or numbered list (・收入：…, 1. 毛利率…)."""
        line_start = self.text.rfind("\n", 0, sent.start) + 1
        return BULLET.match(self.text, line_start) is not None

    def _subject(self) -> Optional[str]:
        return self.carry_entity or self.section_entity or self.ctx.main_entity

    # ------------------------------------------------------------------ one sentence
    def _read_sentence(self, sent: Span, toks: list[Tok]) -> None:
        anonymous = INDEFINITE_SUBJECT.match(self.text, sent.start) is not None
        if self.carry_entity is None and self.prev_par_entity is not None \
                and self.text[:sent.start].rstrip(" \u3000\t")[-1:] in ("\n", "") \
                and _POINTS_BACK.match(self.text, sent.start):
            self.carry_entity = self.prev_par_entity    # 按此计算，此次配售所得款项…: the paragraph before's
        self.prev_par_entity = None
        st = _State(entity=None if anonymous else self._subject(), clause_start=sent.start,
                    sentence_start=sent.start, loss_metric=self.par_loss_metric, anonymous=anonymous)
        for t in toks:
            if t.kind == CUE and t.obj.kind == "ctx" and t.obj.value == "first_day" and t.obj.word == "首日" \
                    and 0 <= t.start - self.market_day_pos <= 120:
                # 两只股份昨日(9日)起纳入港股通。首日交投炽热…: the first day in the market's new
                # state, the day just told
                st.sflags.setdefault("same_day", t.start)
            elif t.kind == CUE and t.obj.kind == "ctx" and t.obj.value == "first_day" \
                    and _INCLUDED_BEFORE.search(self.text, max(sent.start, t.start - 16), t.start):
                continue    # 智谱正式纳入港股通，首日南向资金净买入…: the first day in the index, not listed
            elif t.kind == CUE and t.obj.kind == "ctx" and not (
                    t.obj.value == "first_day" and _COMPARED_DAY_BEFORE.search(self.text, max(0, t.start - 3), t.start)):
                # (…，比挂牌首日的高点回落: the first day is compared with, not told)
                st.sflags.setdefault(t.obj.value, t.start)
        if not anonymous and (owner := self._described_company(toks, 0)) is not None:
            st.entity = owner
        self._back_to_the_year(toks)
        if self.text[sent.start:sent.start + 2] == "其中" and self.prev_sentence_period is not None:
            st.period_tok = self.prev_sentence_period
        elif self.lead_period is not None and self._bullet(sent) and (
                self.lead_is_heading or not any(t.kind == PERIOD for t in toks)):
            # 【业绩要点】・收入：…: the period the lead paragraph gave (an item after another item
            # that names its own period, 2. 天数上半年收入…, is read on its own)
            st.period_tok = self.lead_period
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            k = t.kind
            if st.paren_restore is not None and t.start > st.paren_restore[0]:
                st.period_tok, st.paren_restore = st.paren_restore[1], None
            if k == BOUNDARY:
                st.clause_start = t.start
                if st.segment is not None:
                    self._line_opening_clause(st, t.start)
                if (owner := self._described_company(toks, i + 1)) is not None:
                    st.entity = owner       # 至于…、承销价28港元的黑芝麻智能: the figures describe it
                if st.unshifted is not None and not (
                        st.period_tok is not None and self.text[t.start - 1:t.start] in (":", "：")
                        and not self.text[st.period_tok.end:t.start - 1].strip()) and not (
                        # (而在去年同期，本地化部署占比还高达81.2%: the period the sentence opens on)
                        st.period_tok is not None and self.text[t.start - 1:t.start] in (",", "，")
                        and not self.text[st.period_tok.end:t.start - 1].strip()
                        and _SENTENCE_OPENER.fullmatch(self.text, st.sentence_start, st.period_tok.start)) and not (
                        # (去年同期营业额为30.97亿元，毛利率44.1%: a sentence opening on the year
                        # before is all of it, but for a change told after it)
                        st.period_tok is not None and st.shifted is not None
                        and st.period_tok.obj.period == st.shifted
                        and self.text[t.start - 1:t.start] in (",", "，")
                        and _SENTENCE_OPENER.fullmatch(self.text, st.sentence_start, st.period_tok.start)
                        and not _GROWTH_CLAUSE.match(self.text, t.start)) and not (
                        st.period_tok is not None and st.base_pos > st.period_tok.start
                        and self.text[t.start - 1:t.start] in (",", "，")
                        and _GROWTH_CLAUSE.match(self.text, t.start)
                        # (去年同期亏损1.18亿元，减少45.6%: the change is of the period in context)
                        and (_DIGIT.search(self.text, st.period_tok.start, st.period_tok.end)
                             # (上半年收入则为23.6亿元，同比增长35.6%: a half named, no 同期 shifted)
                             or st.period_tok.obj.period is None or st.period_tok.obj.period != st.shifted)):
                    # (2025年营收A，年增B；2024年营收C，年增D: D is the growth of C's year, but the
                    # 2025年营收A，2024年为C，同比增长D of an aside is the year in context's)
                    # (the label 上年同期：1.91亿元 keeps its period for the figure after the colon)
                    st.period_tok, st.unshifted = st.unshifted[0], None
                if st.part_restore is not None and self.text[t.start - 1:t.start] in (";", "；"):
                    # (其中第二季收入6.02亿元，同比增长…；股东应占亏损…: the part held to the semicolon)
                    st.period_tok, st.part_restore = st.part_restore, None
                if not self._same_measure_next(toks, i):
                    st.mod = None
                    st.denominator = None
                elif st.mod is None and st.spent_mod in ("growth", "decline"):
                    st.mod = st.spent_mod       # 收入增速：2024年174.3%，2025年93.5%
                elif st.mod is None and toks[i + 1].kind == ENTITY:
                    # 瞳鉴研发费用占收入的64.6%，为六家最高；芯锂微为28.7%: the measure of the
                    # sentence's last fact, for another company
                    last = self.drafts[-1] if self.drafts and self.drafts[-1].start >= st.sentence_start else None
                    if last is not None and last.metric == "rd_to_revenue":
                        st.mod, st.denominator, st.mod_pos = "share_of", "revenue", t.start
                    elif last is not None and last.metric == "revenue_growth":
                        st.mod, st.mod_pos = "growth", t.start
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
                if _DESCRIBES_COMPANY_AFTER.match(self.text, t.end):
                    i += 1
                    continue        # 今年3月上市的澜算科技…现金38.5亿元: when the company listed, no figure's period
                self._on_period(st, t)
            elif k == CUE:
                if t.obj.kind == "flat":
                    self._on_flat(st, sent, t)
                elif t.obj.kind in ("metric", "seg") and self._cause_clause(st, toks, i):
                    pass    # 随着低毛利的云端业务放量，2025年降到47.2%: the cause names no measure of the figure
                elif t.start not in st.consumed:
                    self._on_cue(st, t)
            elif k == AMOUNT and t.start < st.skip_until:
                pass                # a step of a chain already read
            elif k == AMOUNT and self._restated_after(toks, i):
                # 按年多三成半(34.3%): the words round what the parentheses give exactly
                self._miss(t.obj, sent, "not_a_fact", "a rounded figure restated in the parentheses after it")
            elif k == AMOUNT:
                j = self._run_end(toks, i)
                if j == i and "each" in st.sflags:
                    j = self._shared_scale_end(toks, i)
                self._on_amounts(st, sent, toks, i, j)
                i = j
            elif k == DATE:
                self._date_as_point(st, t)
            elif k == TICKER:
                pass
            i += 1

    def _described_company(self, toks: list[Tok], i: int) -> Optional[str]:
        """The company a clause's figures describe when the clause is its modifier: the clause
        from ``toks[i]`` names no company before ``…的<company>`` (承销价28港元的黑芝麻智能,
        市值逾千亿港元的商汤), with a figure between."""
        seen_amount = False
        for t in toks[i:i + _DESCRIBED_LOOK]:      # (a modifier is short: a bounded look ahead)
            if t.kind == BOUNDARY:
                return None
            if t.kind == AMOUNT:
                seen_amount = True
            elif t.kind in (ENTITY, TICKER):
                if seen_amount and t.kind == ENTITY and self.text[t.start - 1:t.start] == "的":
                    return t.obj.entity
                return None
        return None

    def _cause_clause(self, st: _State, toks: list[Tok], i: int) -> bool:
        """The cue stands in a clause of cause (随着…，由于…，) with no figure of its own,
        after a clause of the sentence that named a measure."""
        if st.base is None or st.clause_start == st.sentence_start \
                or _CAUSE_CLAUSE.match(self.text, st.clause_start) is None:
            return False
        for t in toks[i + 1:]:
            if t.kind == BOUNDARY:
                return True
            if t.kind in (AMOUNT, PERIOD, ENTITY):
                return False
        return False

    def _restated_after(self, toks: list[Tok], i: int) -> bool:
        """The figure, written in words (三成半, 两倍多), is followed by the same measure in
        digits in parentheses (34.3%)."""
        a = toks[i].obj
        if i + 1 >= len(toks) or toks[i + 1].kind != AMOUNT or _DIGIT.search(self.text, a.start, a.end):
            return False
        b = toks[i + 1].obj
        return b.unit == a.unit and _OPEN_PAREN_GAP.fullmatch(self.text, a.end, b.start) is not None \
            and _CLOSE_PAREN_AFTER.match(self.text, b.end) is not None

    # ------------------------------------------------------------------ state updates
    def _on_period(self, st: _State, t: Tok) -> None:
        pm = t.obj
        if pm.kind == "relative":
            rel = getattr(pm, "relative", None)
            offset = getattr(pm, "year_offset", None)
            if rel == "previous_year":
                offset = -1         # 较前一年的11.02亿元: the year before the one in context
            elif rel == "last_year" and self._last_year_is_context(st, t):
                # 2025年净亏损38.6亿元，去年为15.38亿元 (written in 2026): a comparison with the
                # year before the one in context, not the calendar's last year
                rel, offset = "previous_year", -1
            elif rel == "same_period" and getattr(pm, "year", None) and offset is None:
                # 较2025年同期的A (of 截至2026年6月30日止六个月): the period in context, in 2025
                base = st.period_tok or self.prev_sentence_period or self.paragraph_period() \
                    or self.topic_period()
                p = base.obj.period if base is not None else None
                if p is not None and p.kind in ("year", "half", "quarter", "quarters", "month") \
                        and p.start_date.year > pm.year:
                    offset = pm.year - p.start_date.year
            if rel in ("same_period", "previous_year") and offset and COMPARE_BEFORE.search(
                    self.text[max(st.clause_start, t.start - 4):t.start]):
                base = st.period_tok or self.prev_sentence_period
                if t.obj.text in _PREVIOUS_FISCAL_YEAR:
                    base = self._year_reported(st, base)
                if re.match(r"\s*(?:的|之)?\s*(?:约|近|超过?|逾)?\s*(?:人民币|港币|港元|美元|RMB|HK\$|US\$)?\s*[\d-]",
                            self.text[t.end:t.end + 12]) \
                        and base is not None and base.obj.period is not None:
                    # 较去年同期的2.8亿元: the figure of the period in context, one year earlier
                    shifted = _shift_year(base.obj.period, offset)
                    if shifted is not None:
                        st.compare_tok = Tok(PERIOD, t.start, t.end,
                                             ResolvedPeriod(shifted, t.start, t.end, pm.text))
                return          # 较上年同期增长: the growth of the period in context
            if rel in ("same_period", "previous_year") and offset:
                # 去年同期 / 前一年: the period in context, one year earlier
                # (上一季度为A，去年同期为B: the quarter before is no context of its own)
                base = (st.quarter_of if st.period_tok is not None and st.period_tok is st.quarter_before
                        else st.period_tok) or self.prev_sentence_period or (
                    self.sole_period() if not self._par_named_period else None)
                if base is not None and base.obj.period is not None:
                    if offset == -2 and self.ctx.today is not None \
                            and base.obj.period.end_date.year == self.ctx.today.year - 1:
                        offset = -1     # 去年…，前年同期: the calendar's year before last, not two before 去年
                    shifted = _shift_year(base.obj.period, offset)
                    if shifted is not None:
                        close = _paren_close(self.text, t.start)
                        if close is not None and st.paren_restore is None:
                            # 研发开支22.35亿元(去年同期15.95亿元)，约为同期收入的3.8倍: it stays in them
                            st.paren_restore = (close, st.period_tok)
                        # for this clause only: 上年同期为A；经营亏损则为B (B is of the period in context)
                        st.unshifted = (st.period_tok,)
                        # (毛利率由2025年同期的A上升至B: B is of the period in context)
                        st.period_before = base
                        st.shifted = shifted
                        st.period_tok = Tok(PERIOD, t.start, t.end,
                                            ResolvedPeriod(shifted, t.start, t.end, pm.text))
                        return
                st.flags["unknown_period"] = t.start
                return
            if rel == "previous_quarter":
                # 去年同期及上一季度，收入分别为A和B; 较上一季度的29.3%: the quarter before the one
                # in context (never 一季度)
                here = st.unshifted[0] if st.unshifted is not None else st.period_tok
                base = next((x for x in (here, self.prev_sentence_period, self.topic_period())
                             if x is not None and x.obj.period is not None and x.obj.period.kind == "quarter"), None)
                before = _quarter_before(base.obj.period) if base is not None else None
                if before is None:
                    st.flags["unknown_period"] = t.start
                    return
                tok = Tok(PERIOD, t.start, t.end, ResolvedPeriod(before, t.start, t.end, pm.text))
                if COMPARE_BEFORE.search(self.text[max(st.clause_start, t.start - 4):t.start]):
                    if re.match(r"\s*(?:的|之)?\s*(?:约|近|超过?|逾)?\s*[\d-]", self.text[t.end:t.end + 12]):
                        st.compare_tok = tok    # 较上一季度的29.3%: that quarter's figure
                    return                      # 较上一季度增长: a change on the quarter before
                st.period_tok, st.quarter_before, st.quarter_of = tok, tok, base
                self._resolved.append(tok)
                return
            if rel == "this_quarter":
                # 季内总收入…, 本季度毛利率…: the quarter this sentence, the one before or the article
                # is about
                base = next((x for x in (st.period_tok, self.prev_sentence_period, self.topic_period())
                             if x is not None and x.obj.period is not None and x.obj.period.kind == "quarter"), None)
                if base is None:
                    st.flags["unknown_period"] = t.start
                    return
                tok = Tok(PERIOD, t.start, t.end, ResolvedPeriod(base.obj.period, t.start, t.end, pm.text))
                st.period_tok = tok
                self._resolved.append(tok)
                return
            if rel in ("reporting_period", "current_period") \
                    and (pm.text.startswith("本") or self.text[t.start - 1:t.start] == "本"
                         or pm.text.startswith("报告期") and self._one_reporting_half()
                         # (a heading, then 期内毛利为2.94亿元: the period of the report the article is on)
                         or pm.text == "期内" and not self.par_periods and self.prev_sentence_period is None) \
                    and st.period_tok is None and (topic := self.topic_period()) is not None \
                    and topic.obj.period is not None and topic.obj.period.kind in ("year", "half", "quarter", "quarters"):
                # 本报告期智谱毛利率为47.2% (an article on its 2025年年报): the period reported on
                tok = Tok(PERIOD, t.start, t.end, ResolvedPeriod(topic.obj.period, t.start, t.end, pm.text))
                st.period_tok = tok
                self._resolved.append(tok)
                return
            if rel == "same_period" or (rel in ("reporting_period", "current_period")
                                        and not pm.text.startswith("报告期")):
                st.flags["same_period"] = t.start
                if t.start == st.sentence_start or not self.text[st.sentence_start:t.start].strip():
                    # 同期亏损…，经调整亏损…，研发开支…: a sentence that opens with 同期 is all of it
                    st.sflags.setdefault("same_period", t.start)
                return
            resolved = self._resolve_relative(st, pm)
            if resolved is not None and self._compared_here(st, t):
                st.compare_tok = resolved   # 比前年的2.71亿元: for the figure right after it only
            elif resolved is not None:
                self._clause_only(st, resolved)
                st.period_tok = resolved
                if resolved.obj.period.kind in ("half", "quarter", "quarters") or (
                        resolved.obj.period.kind == "year" and (offset is None or "止" in pm.text)):
                    # MiniMax上半年净亏损…, 年内 of the year in context, 截至去年12月底止年度 (a
                    # reporting period): the paragraph's period
                    self._resolved.append(resolved)
            else:
                st.flags["unknown_period"] = t.start
                if offset is not None:
                    # 今年上半年 in an article whose day is unknown: the figures after it are of no
                    # period known, not of the year named before (2025年收入…；今年上半年收入…)
                    st.sflags["unknown_period"] = t.start
            return
        if pm.kind == "duration":
            pt = st.period_tok
            length = {"year": 1, "half": Decimal("0.5")}.get(pt.obj.period.kind) \
                if pt is not None and pt.obj.period is not None else None
            if length is not None and getattr(pm, "years", None) == length and (
                    _SAME_LENGTH_GAP.fullmatch(self.text, pt.end, t.start)
                    or (pt.start >= st.sentence_start and _WITHIN_AFTER.match(self.text, t.end))):
                # 光2024年一年就亏了…, 2025年上半年单半年, 2025年1至6月收入…，但半年内亏损了…:
                # the period named again, not a span
                return
            if pt is None and getattr(pm, "years", None) == Decimal("0.5") and t.start == st.sentence_start \
                    and _WITHIN_AFTER.match(self.text, t.end) and (topic := self.topic_period()) is not None \
                    and topic.obj.period.kind == "half":
                # (in an article on a half's results: 半年里研发开支达…, the half reported on)
                tok = Tok(PERIOD, t.start, t.end, ResolvedPeriod(topic.obj.period, t.start, t.end, pm.text))
                st.period_tok = tok
                self._resolved.append(tok)
                return
            st.flags["duration"] = st.sflags["duration"] = t.start
            st.flags["duration_years"] = st.sflags["duration_years"] = getattr(pm, "years", None)
            return
        if pm.period is not None:
            if _CONTRAST_HEAD.fullmatch(self.text, st.clause_start, t.start) and _CLAUSE_END_AFTER.match(self.text, t.end):
                pass    # 对比2024年，本地化部署的占比是84.5%: the period the clause after the comma is about
            elif self._compared_here(st, t):
                # 较2023年的…, 与2025年下半年的1.49亿元相比: for the figure right after it only
                st.compare_tok = t
                return
            close = _paren_close(self.text, t.start)
            if close is not None and st.paren_restore is None:
                # 增长23.7%(2023年：10.55亿元)；毛利率…: the year in parentheses stays in them
                st.paren_restore = (close, st.period_tok)
            if st.unshifted is None and st.base is not None \
                    and st.base_pos < st.clause_start and not self.text[st.clause_start:t.start].strip(" ，,;；") \
                    and ASIDE_AFTER.match(self.text, t.end) and (
                        st.period_tok is not None or self.ctx.stream.last_in(
                            st.sentence_start, t.start, lambda x: x.kind == AMOUNT) is not None):
                # 毛利率43.0%，2024年为50.5%；年内亏损…: the compared year holds for its clause only
                # (研发开支34.86亿元，上年为21.95亿元，相当于当年收入的约4.8倍: and the sentence
                # goes on with the period of the one before)
                st.unshifted = (st.period_tok,)
                self.asides.add(t.start)
            st.period_before = st.period_tok or self.prev_sentence_period
            self._clause_only(st, t)
            st.period_tok = t

    def _clause_only(self, st: _State, t: Tok) -> None:
        """A period that holds for its own clause only, after which the period before it is back:
        an earlier one opening a clause (…按年增长17.4%，前年收入7.34亿元；股东应占亏损1.03亿元), a part
        named with 其中/单季 (其中第二季收入6.02亿元；股东应占亏损…), a forecast's (把2026年收入预测…
        上调至…，并指出…)."""
        cur = st.period_tok
        if st.unshifted is None and t.obj.period is not None and _FORECAST_AFTER.match(self.text, t.end):
            st.unshifted = (cur,)       # (a forecast's year holds for its clause, even with none before)
            st.forecast_tok = t         # (…对应2025年预期营收4–5亿元，市销率约21倍: a multiple's basis)
            return
        if st.unshifted is not None or t.obj.period is None:
            return
        if cur is None:
            # 净亏损2.98亿美元，1H25净亏损为2.84亿美元；研发开支…: the first figure took the period
            # in view, not a period of the sentence; an earlier one after it still holds for its
            # clause only
            last = next((d for d in reversed(self.drafts[-4:]) if d.start >= st.sentence_start and d.period), None)
            try:
                q = parse_period(last.period) if last is not None else None
            except ParseError:
                q = None
            p = t.obj.period
            if q is not None and q.kind == p.kind and p.end_date < q.end_date \
                    and not self.text[st.clause_start:t.start].strip(" ，,;；") \
                    and _FIGURE_IN_CLAUSE.match(self.text, t.end) is not None:
                st.unshifted = (None,)
            return
        if cur.obj.period is None:
            return
        p, q = t.obj.period, cur.obj.period
        opens = not self.text[st.clause_start:t.start].strip(" ，,;；")
        earlier = opens and p.kind == q.kind and p.end_date < q.end_date \
            and _FIGURE_IN_CLAUSE.match(self.text, t.end) is not None
        part = p.kind != "span" and q.kind != "span" and p.start_date >= q.start_date and p.end_date <= q.end_date \
            and p != q and (_AHEAD_OR_PART.search(self.text, max(0, t.start - 4), t.start)
                            or _PART_AFTER.match(self.text, t.end))
        if part and st.part_restore is None:
            st.part_restore = cur
        elif earlier:
            st.unshifted = (cur,)

    def _back_to_the_year(self, toks: list[Tok]) -> None:
        """10~12月的收入为4.62亿元。毛利率由上一年度的50.5%降至43.0%: a sentence compared with the
        previous fiscal year, after one about a part of a year, is about the whole year again (and
        so is the paragraph after it)."""
        if any(t.kind == PERIOD and (t.obj.period is not None or t.obj.text not in _PREVIOUS_FISCAL_YEAR)
               for t in toks) or not any(t.kind == PERIOD for t in toks):
            return
        sub_year = ("half", "quarter", "quarters")
        prev = self.prev_sentence_period
        parts = [t for t in self._par_period_toks if t.obj.period is not None and t.obj.period.kind in sub_year]
        if prev is not None and prev.obj.period is not None and prev.obj.period.kind in sub_year:
            parts.append(prev)
        if not parts:
            return
        last = parts[-1]
        year = parse_period(str(last.obj.period.start_date.year))
        whole = Tok(PERIOD, last.start, last.end, ResolvedPeriod(year, last.start, last.end, last.obj.text))
        if prev in parts:
            self.prev_sentence_period = whole
        named = {str(t.obj.period) for t in parts}
        self._par_period_toks = [whole if t.obj.period is not None and str(t.obj.period) in named else t
                                 for t in self._par_period_toks]

    def _year_reported(self, st: _State, current: Optional[Tok]) -> Optional[Tok]:
        """The year 上一年度 steps back from when its sentence names none: ``current`` (the period of
        the sentence before) unless that is no year, in a paragraph that goes on with the year
        reported on after a stock's day (截至2025年末…。…的销售额为12.86亿元，比上一年度的…)."""
        if current is None or st.period_tok is None and (
                current.obj.period is None or current.obj.period.kind != "year"):
            return self._continued_period() or self.topic_period() or current
        return current

    def _last_year_is_context(self, st: _State, t: Tok) -> bool:
        """去年 standing alone before 为/是 + a figure, when the year in context is itself the
        calendar's last year (so 去年 would repeat it)."""
        ctx_tok = st.period_tok or self.prev_sentence_period
        if t.obj.text in _PREVIOUS_FISCAL_YEAR:
            ctx_tok = self._year_reported(st, ctx_tok)
        ctx_p = ctx_tok.obj.period if ctx_tok is not None else None
        if t.obj.text in _PREVIOUS_FISCAL_YEAR and ctx_p is not None and ctx_p.kind == "year":
            return True     # 截至2025年12月31日止年度…，上年度为A: the year before the one reported
        ref = self.ctx.reference
        if ctx_p is None or ref is None or ctx_p.year != ref.year - 1 or t.obj.text not in ("去年", "上年"):
            return False
        return bool(ASIDE_AFTER.match(self.text, t.end)) or bool(
            COMPARE_BEFORE.search(self.text[max(st.clause_start, t.start - 4):t.start]))

    def _on_cue(self, st: _State, t: Tok) -> None:
        c = t.obj
        if c.kind == "metric" and c.value == "x_monthly" and c.word.endswith(("月收入", "月营收")) \
                and _MONTH_NAMED_BEFORE.search(self.text, max(st.clause_start, t.start - 6), t.start):
            c = c._replace(value="revenue")     # 10月单月收入超过1,100万美元: that month's revenue
        if c.kind == "metric" and c.value == "shares_offered" and st.base in ("hk_offer_shares", "intl_offer_shares") \
                and st.clause_start <= st.base_pos and _TRANCHE_TO_SHARES.fullmatch(
                    self.text, st.base_pos + len(st.base_cue or ""), t.start):
            return      # 香港公开发售项下的发售股份最终数目: the tranche's shares, not the whole offer's
        if c.kind == "metric" and c.value in _CASH_PARTS and st.base == "cash" and self._in_cash_total(t):
            return      # 现金、定期存款及理财产品合计约15.1亿美元: one sum of the cash and the rest
        if c.kind == "metric":
            if st.mod in ("share_of",) and st.base is not None and not st.mod_pos <= st.last_amount_end <= t.start:
                # (收入占比降至六成 期内亏损扩大至…: once the share is told, a new cue is a new figure's)
                st.denominator, st.denominator_cue = c.value, (t.end, c.word)
                return
            if st.mod == "ratio_pending" and st.base is not None:
                st.denominator = c.value
                return
            if st.base is not None and c.value in ("revenue", "x_employees") and any(_IN_TOTAL.fullmatch(
                    self.text, max(st.clause_start, t.start - k), t.start) for k in (1, 2, 3)) \
                    and _SHARE_AFTER_IN.match(self.text, t.end):
                # …收入4.26亿元，在总收入中占58.8%; 657名研发人员在员工总数中占74%: the whole, not a new figure
                st.denominator = c.value
                return
            if st.base is not None and st.base_pos >= st.clause_start and REFERENCE_ONLY.search(
                    self.text, max(st.clause_start, t.start - 2), t.start) and REFERENCE_AFTER.match(self.text, t.end):
                return      # 算力服务费是研发开支的大头: the clause is still about 算力服务费
            if st.base is not None and c.value == "revenue" and _BASIS_NOTE.search(
                    self.text, max(st.clause_start, t.start - 12), t.start) and _BASIS_NOTE_END.match(self.text, t.end):
                return      # 市销率约150倍(2024年营收): the basis of the figure before, not a new cue
            if st.base == "price_to_sales" and c.value == "revenue" and _BASIS_LEAD.search(
                    self.text, max(st.clause_start, t.start - 12), t.start) and _BASIS_LEAD_END.match(self.text, t.end):
                return      # 市销率，以2025年营收计，OpenAI约38倍: the basis of the figures after it
            if st.base == "cash" and c.value == "x_investments" and st.base_pos >= st.clause_start \
                    and _CASH_ITEMS.fullmatch(self.text, st.base_pos + len(st.base_cue or ""), t.start):
                return      # 现金及现金等价物、受限资金和短期投资合计…: cash with the items listed after it
            st.prev_base, st.prev_base_pos, st.prev_base_cue = st.base, st.base_pos, st.base_cue
            st.base, st.base_cue, st.base_pos = c.value, c.word, t.start
            st.base_is_postfix = False
            if c.value == "net_loss" and (_ADJUSTED_BEFORE.search(self.text, max(st.clause_start, t.start - 16), t.start)
                                          or _NON_GAAP_BEFORE.search(self.text, max(st.clause_start, t.start - 24), t.start)):
                st.base = "adjusted_net_loss"   # 经调整后2025年净亏损8,760万元
            if c.word == "研发占比" and _STAFF_BEFORE.search(self.text, max(st.sentence_start, t.start - 24), t.start):
                st.base = "rd_headcount_share"  # 员工890人，其中研发占比74%: of the staff, not of revenue
            if c.value == "x_target_price" and st.price is not None and 0 <= t.start - st.price_pos <= 3:
                st.price = None     # 最高目标价218港元: the highest of the targets, no day's high
            if c.word.startswith("年内"):
                self._year_in_view(st, t.start)
            if c.value in LOSSES:
                st.loss_metric = c.value
            if st.segment is not None and st.segment_pos < st.clause_start and c.value == "revenue" \
                    and self._subject_line_again(st, t):
                st.segment_pos = st.segment_end = t.start   # 这部分收入主要来自…，上半年收入…: still the subject
            if st.segment is not None and st.segment_pos < st.clause_start and not (
                    (st.prev_base_pos <= st.segment_pos or not any(
                        x.kind == AMOUNT for x in self.ctx.stream.in_span(st.segment_pos, st.clause_start)))
                    and _SUBJECTLESS_CONTRIBUTION.fullmatch(self.text, st.clause_start, t.start)) \
                    and not (c.value == "gross_margin" and self._segment_sentence(st, t)) \
                    and not (_IS_BEFORE_LINE.search(self.text, max(st.sentence_start, st.segment_pos - 18), st.segment_pos)
                             and st.segment_end <= st.clause_start
                             and not self.text[st.segment_end:st.clause_start].strip(" ，,")):
                # (…等AI原生产品为主，贡献营收5230万美元: a clause with no subject of its own is
                # still about the segment; 增速最快的是海螺AI，上半年收入…: the line just named)
                st.segment = None
            if c.word.startswith(_WHOLE_COMPANY):
                st.segment = None       # 但云端业务的放量也在拉低整体毛利。上半年智谱整体毛利率为44.8%
            elif c.value in ("gross_margin", "revenue") and st.segment is None and not st.seg_seen:
                st.segment, st.segment_pos = self.section_segment, t.start
            if c.value == "revenue" and st.segment is None and (line := self._business_line(st, t)) is not None:
                # (a line the glossary can name gets a slug: 付费会员 -> paid_membership)
                st.segment, st.segment_pos, st.segment_end = self._line_slug(line) or UNKNOWN_SEGMENT, t.start, t.start
            elif c.value == "gross_margin" and st.segment is None and (line := self._business_line(st, t)) is not None \
                    and ((slug := self._line_slug(line)) is not None or _LINE_WORD_END.search(line)):
                # 其中ADAS业务毛利率为18.9%: the line's margin (a name that is no line, 当季, is left alone)
                st.segment, st.segment_pos, st.segment_end = slug or UNKNOWN_SEGMENT, t.start, t.start
            elif c.value == "revenue" and st.segment is None and _OTHERS_BEFORE.search(
                    self.text, max(0, t.start - 6), t.start) and any(
                    d.segment is not None and d.start >= st.sentence_start for d in self.drafts[-6:]):
                # …；其他收入3.2亿元，占3.0% after other lines' figures: the rest of the breakdown
                st.segment, st.segment_pos, st.segment_end = "others", t.start, t.start
            st.mod = None
        elif c.kind == "loss":
            if st.mod in ("share_of",) and st.base is not None and not st.mod_pos <= st.last_amount_end <= t.start:
                st.denominator = "net_loss"
                return
            if st.base in _LOSS_ITEMS and st.clause_start <= st.base_pos and _ITEM_LOSS_GAP.fullmatch(
                    self.text, st.base_pos + len(st.base_cue or ""), t.start):
                return      # 优先股公允价值变动产生亏损10.46亿美元: the item's loss, not the year's
            st.prev_base, st.prev_base_cue = st.base, st.base_cue
            # 期内亏损 / 年内亏损 (the period word was read as a period): the net loss
            plain = re.search(r"(?:期内|年内|本期|当期|全年)$", self.text[max(0, t.start - 2):t.start])
            # (Adjusted net loss: its own metric, whatever loss the paragraph talks of)
            st.base = "net_loss" if plain else c.value if c.value != "net_loss" else (st.loss_metric or "net_loss")
            st.base_cue, st.base_pos = c.word, t.start
            if plain:
                st.loss_metric = "net_loss"     # (经营亏损…；期内亏损…，上年同期亏损…: the period's net loss)
            if plain and plain.group() == "年内":
                self._year_in_view(st, t.start)
            st.mod = None
        elif c.kind == "mod":
            if c.value == "level" and st.mod is not None and st.mod_pos >= st.clause_start:
                return
            if c.value == "level" and st.mod == "share_of":
                return      # 研发开支占收入的比例2024年为88.2%，2025年降至61.5%: the share's new level
            if c.value == "level" and st.mod is None and st.spent_mod in ("growth", "decline") \
                    and 0 <= st.last_amount_end <= t.start \
                    and (st.clause_start <= st.last_amount_end and not self.text[st.last_amount_end:t.start].strip(" 的")
                         or _NEXT_YEAR_CLAUSE.fullmatch(self.text, st.last_amount_end, t.start)) \
                    and self.drafts and self.drafts[-1].end == st.last_amount_end \
                    and self.drafts[-1].metric.endswith("_growth"):
                # 增速由15.8%降至5.7%, 增速2024年为46.2%，2025年放缓至39.9%: the growth rate again
                st.mod, st.mod_pos = "growth", t.start
                return
            if c.value in ("growth", "decline") and st.mod == "qoq" and st.mod_pos >= st.clause_start \
                    and not _YOY_WORD.search(self.text, st.mod_pos, t.start):
                # 环比多出136.3%, 环比二季度的2.71亿元增长20.3%: a change on the period before, not
                # on the year before
                return
            if c.value == "share_of_revenue":
                st.mod, st.denominator = "share_of", "revenue"
                if st.segment is None and c.word.startswith(("收入", "营收", "占")) \
                        and (line := self._business_line(st, t)) is not None \
                        and (slug := self._line_slug(line)) is not None:
                    # 订阅收入占比从…, 人形機械人業務去年佔總收入62.7%: the share of the line named before it
                    st.segment, st.segment_pos, st.segment_end = slug, t.start, t.start
            else:
                st.mod = c.value
            st.mod_pos = t.start
        elif c.kind == "price":
            if c.word in ("最高", "最低") and st.last_amount_end == t.start and not self.text[t.start - 1].isdigit():
                return      # 收入21.35亿元最高: the largest of a ranking, not a day's high (not 52.600最低 of a quote card)
            value = c.value
            if c.word == "报" and not _QUOTED_FIGURE.match(self.text, t.end):
                return      # 每日财经报记者, 报道: 报 with no figure after it quotes no price
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
            if st.segment is not None and st.segment_end >= 0 and \
                    self.text[st.segment_end:t.start].strip() in ("/", "／"):
                return      # Talkie/星野: one product line under two names, the first one's slug
            if st.segment not in (None, UNKNOWN_SEGMENT) and 0 <= st.segment_pos < st.segment_end <= t.start \
                    and _SOURCE_OF_LINE.fullmatch(self.text, st.segment_end, t.start):
                return      # 云端部署。这部分收入主要来自开放平台…: where the line's revenue comes from
            if st.segment is not None and st.segment_end >= 0 and _paren_close(self.text, t.start, 60) is not None \
                    and (_EXAMPLES_OPEN.match(self.text, st.segment_end) or _EXAMPLES_WORD.match(self.text, st.segment_end)) \
                    and st.segment_end < t.start:
                # AI原生产品(Talkie/星野、海螺AI等), AI原生应用产品(海螺AI、星野及Talkie等): examples of
                # the segment named before
                if st.segment_pos < st.clause_start:
                    st.segment_pos = t.start    # (AI原生产品，含…): still the subject after the comma
                return
            st.segment_end = t.end
            st.segment = c.value
            st.segment_pos = t.start
            st.seg_seen = True
            st.prev_base, st.prev_base_cue = st.base, st.base_cue
            st.base, st.base_cue, st.base_pos = "revenue", c.word, t.start
        elif c.kind == "ctx":
            st.flags[c.value] = t.start
            if c.value == "seg_ref" and st.segment is not None and st.segment_pos >= st.sentence_start:
                # …占总收入的75.5%，该板块毛利率为44.8%: the segment this sentence named, again
                st.segment_pos, st.segment_end = t.start, t.end
            elif c.value == "seg_ref" and st.segment is None \
                    and (opening := self._line_opening_sentence(st.sentence_start)) is not None:
                # 人形机器人业务仍在亏损，不过今年一季度该业务毛利率…: the line the sentence opened on
                st.segment, st.segment_pos, st.segment_end = opening, t.start, t.end
                st.seg_seen = True
            elif c.value == "seg_ref" and st.segment is None and self.par_segment is not None:
                # 这部分业务贡献了约84.5%的收入: the segment the sentence before named
                st.segment, st.segment_pos, st.segment_end = self.par_segment, t.start, t.end
                st.seg_seen = True
                st.prev_base, st.prev_base_cue = st.base, st.base_cue
                st.base, st.base_cue, st.base_pos = "revenue", c.word, t.start
            elif c.value == "seg_ref" and st.segment is None:
                # 货架到人解决方案是…产品线。2025年该业务收入13.86亿元: a line the lexicon cannot
                # name, never the whole company
                st.segment, st.segment_pos, st.segment_end = UNKNOWN_SEGMENT, t.start, t.end
                st.seg_seen = True
            if c.value in ("former", "latter"):
                names = st.entities if len(st.entities) >= 2 else self.prev_entities
                if len(names) >= 2:
                    st.entity = names[0] if c.value == "former" else names[1]
                    st.entity_explicit = True

    def _in_cash_total(self, t: Tok) -> bool:
        """The cue is one item of a list that starts with the cash and is summed after it
        (现金及现金等价物、定期存款及理财产品合计, 现金、定期存款和理财产品加起来)."""
        lo = self.text.find("现金", max(0, t.start - 24), t.start)
        return lo >= 0 and (m := _CASH_TOGETHER.match(self.text, lo)) is not None and m.end() > t.end

    def _subject_line_again(self, st: _State, t: Tok) -> bool:
        """这部分收入主要来自开放平台…，上半年收入由2902万元增至1.56亿元: the business line that opens
        the sentence is still the subject of a later clause that names nothing but a period."""
        p = st.period_tok
        if p is None or not st.sentence_start <= st.segment_pos < st.clause_start:
            return False
        lo = max(self.text.rfind(c, st.sentence_start, st.segment_pos) for c in "，,；;：:") + 1
        return self.text[max(lo, st.sentence_start):st.segment_pos].strip() in _CLAUSE_OPENERS \
            and p.start >= st.clause_start and not self.text[st.clause_start:p.start].strip(" ，,") \
            and not self.text[p.end:t.start].strip()

    def _segment_sentence(self, st: _State, t: Tok) -> bool:
        """视觉AI板块收入9.02亿元，同比下滑7.4%，占比18.1%，毛利率37.2%: a sentence about one
        business line, whose margin clause names no other subject, gives the line's margin."""
        if _MARGIN_CLAUSE_LEAD.fullmatch(self.text, st.clause_start, t.start) is None:
            return False
        lo = max(st.sentence_start, max(self.text.rfind(c, st.sentence_start, st.segment_pos) for c in ";；") + 1)
        if lo > st.sentence_start and re.search(r"[;；]", self.text[st.segment_pos:t.start]) and any(
                d.segment is None and st.sentence_start <= d.start < lo for d in self.drafts[-12:]):
            # (上半年收入36.4亿元，…；先知AI平台收入25.6亿元，…；毛利率42.5%: a summary of the company's
            # figures with one line's in the middle, whose margin clause is the company's again)
            return False
        if st.segment != UNKNOWN_SEGMENT and st.segment_pos - lo <= 4 \
                and not any(x.kind == AMOUNT for x in self.ctx.stream.in_span(lo, t.start)):
            # (；授权业务则是典型的“软件生意”，毛利率分别为…: the line the clause opened on is still
            # its subject)
            return True
        mine = [d for d in self.drafts[-12:] if d.start >= lo]
        if st.segment == UNKNOWN_SEGMENT and not mine:
            # (分拣解决方案实现收入4.12亿元，…；毛利率31.5%: a line with no slug keeps its margin too)
            mine = [m for m in self.misses[-12:] if m.start >= lo and m.reason == "unknown_segment"]
            return bool(mine) and not any(x.kind == AMOUNT and x.start < st.segment_pos
                                          for x in self.ctx.stream.in_span(lo, st.segment_pos))
        return bool(mine) and all(d.segment == st.segment for d in mine) \
            and not any(x.kind == AMOUNT for x in self.ctx.stream.in_span(lo, st.segment_pos))

    _PERIOD_IS = re.compile(r"\s*(?:则|时)?\s*(?:为|是)\s*$")
    #: 2025年降至374.4%: a period and the level its ratio moved to
    _PERIOD_MOVED_TO = re.compile(r"\s*(?:则|再|又|进一步)?\s*(?:降至|降到|下降至|下降到|回落至|回落到|升至|升到|上升至"
                                  r"|提升至|提高至|增至|减至|收窄至|扩大至|达到|达)\s*$")
    _CLAUSE_END = re.compile(r"\s*(?:[，,;；。\n]|$)")

    _ENTITY_IS = re.compile(r"\s*(?:则|亦|也)?(?:为|是|约为|达)\s*")
    _SEGMENT_IS = re.compile(r"\s*(?:则|亦|也|仅|只)?\s*(?:为|是|占|达)?\s*(?:约|仅约|大约|近|逾)?\s*")

    def _same_measure_next(self, toks: list[Tok], i: int) -> bool:
        """…占收入比例为128.7%，上年度为132.4%: a clause of only a period, 为 and a figure
        measures what the clause before measured (its share or ratio too)."""
        if i + 2 >= len(toks):
            return False
        p, a = toks[i + 1], toks[i + 2]
        if p.kind == ENTITY and a.kind == AMOUNT and not self.text[toks[i].start:p.start].strip(" ，,；;:：") \
                and self._ENTITY_IS.fullmatch(self.text, p.end, a.start) \
                and self._CLAUSE_END.match(self.text, a.end) is not None:
            return True     # …研发费用占收入的64.6%；芯锂微为28.7%: another company's same measure
        if p.kind == CUE and p.obj.kind == "seg" and a.kind == AMOUNT and a.obj.unit == "percent" \
                and not self.text[toks[i].start:p.start].strip(" ，,；;") \
                and self._SEGMENT_IS.fullmatch(self.text, p.end, a.start) \
                and self._CLAUSE_END.match(self.text, a.end) is not None:
            return True     # 本地化部署占收入的比重约84.5%，云端部署仅约15.5%: another line's share
        if p.kind == PERIOD and a.kind == CUE and a.obj.kind == "mod" and a.obj.value == "level" \
                and i + 3 < len(toks) and toks[i + 3].kind == AMOUNT:
            a = toks[i + 3]     # 2025年降至374.4% (降至 read as a cue of its own)
        if not (p.kind == PERIOD and a.kind == AMOUNT and not self.text[toks[i].start:p.start].strip(" ，,；;:：")):
            return False
        if self._period_then_level(p, a.obj):
            return True
        # 收入增速：2024年174.3%，2025年93.5%: a clause of only a year and its figure
        return not self.text[p.end:a.start].strip() and a.obj.unit == "percent" \
            and self._CLAUSE_END.match(self.text, a.end) is not None

    def _pair_start(self, st: _State, sent: Span, a) -> None:
        """The A of 由A升至B when only B's period is in context: of the year before when B's
        period is a year or a half (2025年…毛利率由12.2%升至24.1%: 2024's; 上半年…由19.6%升至31.5%:
        the first half of the year before), or when the sentence has just named that year as its
        comparison (…，前一年为24.25亿元；毛利率由35.0%升至36.8%); else reported as ambiguous (after
        a quarter it may be the quarter before)."""
        later = st.period_tok.obj.period if st.period_tok is not None else None
        if later is None:       # the period of the paragraph (毛利率由A上升至B after its year)
            tok = self.paragraph_period() or self._continued_period()
            later = tok.obj.period if tok is not None else None
        if later is not None and _REVISED_AFTER.match(self.text, a.end):
            # 全年营收指引由30亿元至32亿元上调至31亿元至33亿元: an estimate of the same period, revised
            self._single(st, sent, a, None, later)
            st.fromto_last = later
            st.last_amount_end = a.end
            return
        earlier = _shift_year(later, -1) if later is not None and later.kind != "span" else None
        compared = st.compare_tok.obj.period if st.compare_tok is not None else None
        if earlier is not None and (earlier in (st.shifted, compared) or later.kind in ("year", "half")
                                    or self._named_year_before(later, sent.start, a.start)):
            self._single(st, sent, a, None, earlier)
            st.fromto_last = later
        else:
            self._miss(a, sent, "ambiguous_period", "the starting figure of a 由…至… pair")
        st.last_amount_end = a.end

    def _named_year_before(self, later: Period, start: int, end: int) -> bool:
        """毛利为393,100千元(上年度:218,442千元)，毛利率由26.1%上升至30.6%: the sentence has
        already compared with the year before (上年度, 去年; 同期 for a part of a year)."""
        words = _SAME_PERIOD_WORDS if later.kind != "year" else _SAME_PERIOD_WORDS + _PREVIOUS_YEAR_WORDS
        window = self.text[max(start, end - LOOK):end]
        return "环比" not in window and any(w in window for w in words)

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
            if not RUN_SEP.match(between) or not _compatible(a, b) or _restated_in(a, b, between):
                return j
            if re.search(r"[，,]", between) and _NOUN_AFTER.match(self.text, b.end):
                return j        # 年增236%，超过6成营收来自…: a share opening the next clause, no list
            j = k

    def _shared_scale_end(self, toks: list[Tok], i: int) -> int:
        """分别为8.47、13.92、21.35亿元 (or 8.47/13.92/21.35亿元): bare numbers before a last member
        with a scale and a unit share them. Index of that last member, or ``i``."""
        k = i
        while True:
            m = k + 1
            while m < len(toks) and toks[m].kind == BOUNDARY:
                m += 1
            if m >= len(toks) or toks[m].kind != AMOUNT or not _SHARED_SEP.fullmatch(
                    self.text, toks[k].end, toks[m].start):
                return i
            b = toks[m].obj
            if _bare(b):
                k = m
                continue
            return m if b.scaled and b.unit in CURRENCIES and _scale_of(b) is not None else i

    def _on_amounts(self, st: _State, sent: Span, toks: list[Tok], i: int, j: int) -> None:
        run = [toks[x].obj for x in range(i, j + 1) if toks[x].kind == AMOUNT]
        run = _with_shared_scale(run)
        run = _propagate_units(run)
        run = _propagate_qualifier(run)
        run = [a.model_copy(update={"value": -a.value}) if self.text[a.start - 1:a.start] == "负"
               and a.value > 0 and a.unit == "percent" else a for a in run]
        first = run[0]
        if st.base is not None and st.base_pos >= 0:
            basis = _BASIS_PAREN.search(self.text, max(st.sentence_start, first.start - 40), first.start)
            if basis is not None and basis.start() < st.base_pos:
                # 所得款项净额(按中位数30.50港元计):约18.07亿港元: the basis in parentheses is an
                # aside; the figure after it is the metric named before it
                before = [t for t in toks[:i] if t.kind == CUE and t.obj.kind == "metric"
                          and st.sentence_start <= t.start < basis.start()]
                if before:
                    st.base, st.base_cue, st.base_pos = before[-1].obj.value, before[-1].obj.word, before[-1].start
        if first.unit == "percent" and st.base is not None and st.base_pos >= st.clause_start \
                and re.fullmatch(r"[的之]\s*", self._between_cue_and(st, first)):
            # 全球发售的35%: the cue names what the share is of, not the subject
            st.denominator, st.base = st.base, st.prev_base
            st.mod, st.mod_pos = "share_of", st.base_pos
        explicit = self._explicit_period(st, toks[i].start)
        self._postfix_cue(st, toks, j)
        force = None
        if st.fromto_last is not None:
            pending, st.fromto_last = st.fromto_last, None
            if st.fromto_back is not None:
                # (毛利率由2024年的A提升至B，研发开支C: C, like B, is of the period in context)
                st.period_tok, st.fromto_back = st.fromto_back, None
            if explicit is None and pending is _UNKNOWN:
                # 毛利率由2023年的A改善至B with no later period in sight: B's period is unknown
                for a in run:
                    self._miss(a, sent, "ambiguous_period", "the end figure of a 由…至… pair")
                st.last_amount_end = run[-1].end
                return
            if explicit is None or (explicit.obj.kind == "relative" and pending is not _UNKNOWN):
                force = pending     # (由上年的A降至B: 上年 was A's period, not B's)
        if len(run) == 1:
            # from-to pair (从A增至B): A takes the first period of the range, B the last
            nxt = self._next_amount(toks, j)
            end = nxt or self._next_amount(toks, j, over_periods=True)
            if end is not None and self._is_pair(st, run[0], end):
                self._pair_pending = (run[0].start, end.start)
            if nxt is not None and self._is_from_to(st, run[0], nxt.obj) \
                    and self._chain(st, sent, toks, toks.index(nxt, j), run[0], nxt):
                return
            if nxt is not None and self._is_from_to(st, run[0], nxt.obj):
                if run[0].unit is None and run[0].scaled and nxt.obj.unit is not None:
                    run = [run[0].model_copy(update={"unit": nxt.obj.unit})]
                again = self._pair_again(st, run[0], nxt) if explicit is None else None
                if again is not None:
                    # …由2024年的A降至2025年的B，而MiniMax由C升至D: the pair before's two periods
                    st.fromto_last = again[1]
                    self._single(st, sent, run[0], None, again[0])
                    st.last_amount_end = run[-1].end
                    return
                items = list(st.period_tok.obj.items or []) if st.period_tok is not None else []
                prev_year = PREVIOUS_YEAR_FROM.search(self.text, max(st.clause_start, run[0].start - 12),
                                                      run[0].start)
                if prev_year is not None:
                    # 2025年…由上年(同期)的A降至B: B is of the period in context, A of the year before
                    tok = st.period_tok
                    if tok is not None and tok.start >= prev_year.start():     # 去年同期 was read as a period
                        tok = st.unshifted[0] if st.unshifted is not None else None
                        st.period_tok, st.unshifted = tok, None
                    later = tok.obj.period if tok is not None else None
                    prev = self.prev_sentence_period
                    if later is None and st.shifted is not None and prev is not None and prev.obj.period is not None \
                            and _shift_year(prev.obj.period, -1) == st.shifted:
                        later = prev.obj.period     # 2025年…。研发开支占收入比例由上年的A降至B
                    earlier = _shift_year(later, -1) if later is not None and later.kind != "span" else None
                    if earlier is not None:
                        self._single(st, sent, run[0], None, earlier)
                        st.fromto_last = later
                        st.last_amount_end = run[-1].end
                        return
                if "same_period" in st.flags and explicit is None:
                    # 收入由2022年的A增至2024年的B；同期亏损由C扩大至D: the same two periods
                    items = self._recent_list(2, run[0].start, st.sentence_start) or []
                if (explicit is None or explicit.obj.period.kind == "span") and len(items) >= 2:
                    force = items[0]
                    st.fromto_last = items[-1]
                elif explicit is not None and explicit is st.period_tok and self._revised(st, explicit, run[0]):
                    # the old estimate is superseded: only the new one is the forecast
                    self._miss(run[0], sent, "not_a_figure", "the forecast a revision replaced")
                    st.fromto_last = explicit.obj.period
                    st.last_amount_end = run[0].end
                    return
                elif explicit is not None and explicit is st.period_tok and explicit.obj.kind == "single" \
                        and self._period_before_from(st, explicit, run[0]):
                    # 2025年毛利率由35.0%升至36.8%: the year is the end figure's, the start is earlier
                    self._pair_start(st, sent, run[0])
                    return
                elif explicit is not None and explicit is st.period_tok and explicit.obj.kind == "single":
                    # 公布2024年财报…毛利率由2023年的A改善至B: B is of the period named before A's
                    before = st.period_before
                    later = before is not None and before.obj.period is not None and \
                        before.obj.period.kind != "span" and \
                        before.obj.period.end_date > explicit.obj.period.end_date and not (
                            # (…在2027年前后实现盈亏平衡。…研发费用率从2024年的32.7%降到28.0%:
                            # a year still to come reports no figure)
                            self.ctx.today is not None and before.obj.period.end_date > self.ctx.today)
                    st.fromto_back = before if later else None
                    st.fromto_last = before.obj.period if later else \
                        (self._next_par_period(explicit.obj.period) or self._lead_after(explicit.obj.period)
                         or _UNKNOWN)
                elif explicit is None and self.metrics.get(st.base or "") is not None \
                        and self.metrics[st.base].period == "required":
                    # 亏损由A扩大至B with one period in context: B is of that period, A of an earlier one
                    self._pair_start(st, sent, run[0])
                    return
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
        st.spent_mod = st.mod
        st.mod = None if st.mod not in ("share_of",) else st.mod
        if self._pair_pending is not None and run[0].start == self._pair_pending[1]:
            self._remember_pair(run[0])

    def _year_in_view(self, st: _State, pos: int) -> None:
        """年内亏损 with no year in its clause: the latest year the paragraph has named (2025年
        收入…，2024年为…；毛利率由2024年的…；年内亏损1.27亿元 is 2025's loss), not the last one."""
        pt = st.period_tok
        if pt is None:
            # a paragraph that opens with 年内亏损…: the year the paragraph before reported on
            lead = self.paragraph_period() or self._continued_period()
            if lead is not None and lead.obj.period is not None and lead.obj.period.kind == "year":
                st.period_tok = lead
                return
            if not self.par_periods:
                # (预期年内亏损…，去年同期为… in a digest of the year's profit alerts: the year the
                # article is about)
                topic = self.topic_period()
                if topic is not None and topic.obj.period is not None and topic.obj.period.kind == "year":
                    st.period_tok = topic
                return
        elif pt.start >= st.clause_start or pt.obj.period is None or pt.obj.period.kind != "year":
            return      # a period of its own clause, or not a year to replace
        # (the years of the last few sentences and of this one's last LOOK characters: bounded,
        # so that a paragraph of endless clauses stays linear)
        toks = self.par_periods[-16:] + [t for t in self.ctx.stream.in_span(max(st.sentence_start, pos - LOOK), pos)
                                         if t.kind == PERIOD]
        years = [t for t in toks if t.obj.period is not None and t.obj.period.kind == "year"
                 and not _AHEAD_OR_PART.search(self.text, max(0, t.start - 4), t.start)]
        if years:
            st.period_tok = max(years, key=lambda t: t.obj.period.year)

    def _next_par_period(self, p: Period) -> Optional[Period]:
        """The one period of p's kind the paragraph reported on that ends after p (元析生物2025年
        收入…，2024年收入…。期内亏损由2024年的A收窄至B: B is 2025's)."""
        later = {t.obj.period for t in self._par_period_toks[-16:] if t.obj.kind == "single"
                 and t.obj.period.kind == p.kind and t.obj.period.end_date > p.end_date}
        return later.pop() if len(later) == 1 else None

    def _counted_periods(self, st: _State, pos: int, n: int) -> Optional[list]:
        """两期/三段期间/四个报告期 … 各为A、B: the last n periods the paragraph reported on, in
        the order they were last named (None unless the count is written and matches)."""
        m = _PERIOD_COUNT.search(self.text, max(st.clause_start, pos - 16), pos)
        if m is None or small_int(m.group(1)) != n:
            return None
        here = [t for t in self.ctx.stream.in_span(st.sentence_start, m.start())
                if t.kind == PERIOD and t.obj.kind == "single" and t.obj.period is not None] + [
            t for t in self._resolved if t.start < m.start() and t.obj.period is not None]
        named = [t for t in self._par_period_toks if t.obj.kind == "single"] + sorted(
            (t for t in here if not self._compared_or_aside(t)), key=lambda t: t.start)
        out: list = []
        for t in reversed(named):
            if t.obj.period not in out:
                out.insert(0, t.obj.period)
            if len(out) == n:
                break
        if len(out) != n or any(a.end_date >= b.end_date for a, b in zip(out, out[1:])):
            return None
        return out

    def _listed_above(self, st: _State, pos: int, n: int) -> Optional[list]:
        """上述四个期间/以上三个报告期 … 分别为: the periods of the article's last enumeration, when
        it had that many (None otherwise)."""
        m = _PERIOD_COUNT.search(self.text, max(st.clause_start, pos - 16), pos)
        if m is None or small_int(m.group(1)) != n or len(self._last_list) != n \
                or not _ABOVE.search(self.text, max(st.clause_start, m.start() - 4), m.start()):
            return None
        return self._last_list

    def _metric_list(self, st: _State, pos: int, n: int) -> Optional[list]:
        """The n distinct metric cues of the clause joined by 和/及/与/、 right before 分别 and the
        n figures (香港公开发售与国际配售分别为A和B), as (metric, word, start), else None."""
        cues = self._joined_cues(st.clause_start, pos, n, "metric")
        if cues is None or not _EACH_IS.fullmatch(self.text, cues[-1].end, pos):
            return None
        return [(t.obj.value, t.obj.word, t.start) for t in cues]

    def _joined_cues(self, lo: int, pos: int, n: int, kind: str) -> Optional[list]:
        """The last n cues of ``kind`` in text[lo:pos], distinct and joined by 和/及/与/、, else None."""
        cues = [t for t in self.ctx.stream.in_span(max(lo, pos - LOOK), pos)
                if t.kind == CUE and t.obj.kind == kind][-n:]
        if len(cues) != n or n < 2 or len({t.obj.value for t in cues}) != n \
                or any(not _SEGMENT_JOIN.fullmatch(self.text, a.end, b.start) for a, b in zip(cues, cues[1:])):
            return None
        return cues

    def _segment_list(self, st: _State, pos: int, n: int) -> Optional[list]:
        """The n segments joined by 和/及/与/、 before an enumeration of n figures in its sentence
        (AI原生产品及开放平台收入各为A及B), else None."""
        return self._joined_cues(st.sentence_start, pos, n, "seg")

    def _told_tok(self, sent: Span, period: str) -> Tok:
        """A period token for the period the sentence's last figure of it took (at that figure)."""
        d = next(d for d in reversed(self.drafts[-12:]) if d.sent == sent and d.period == period)
        return Tok(PERIOD, d.start, d.end, ResolvedPeriod(parse_period(period), d.start, d.end,
                                                          self.text[d.start:d.end]))

    def _pair_in(self, sent: Span) -> bool:
        """The sentence read a 由A至B pair whose two figures got their periods."""
        return self.last_pair is not None and sent.start <= self.last_pair[2] <= sent.end

    def _listed_companies(self, st: _State, names: list) -> bool:
        """智谱、MiniMax、壁仞、天数智芯的市销率约为A、B、C及D (no 分别): the companies form one list
        joined by 、/和/及/与, then 的 and the metric, in the figures' clause."""
        if len(names) < 2 or len(st.entity_pos) < len(names) or st.base_pos < st.clause_start:
            return False
        ents = [t for t in self.ctx.stream.in_span(st.entity_pos[-len(names)], st.base_pos) if t.kind == ENTITY]
        if [t.obj.entity for t in ents] != list(names):
            return False
        return all(_COMPANY_JOIN.fullmatch(self.text, a.end, b.start) for a, b in zip(ents, ents[1:])) \
            and _COMPANY_THEN_METRIC.fullmatch(self.text, ents[-1].end, st.base_pos) is not None

    def _told_segments(self, st: _State, n: int) -> Optional[list]:
        """The n segments whose revenue the sentence has given, in order (their shares follow with
        分别), else None."""
        segs: list = []
        for d in self.drafts[-12:]:
            if d.start >= st.sentence_start and d.metric == "revenue" and d.segment \
                    and d.segment != UNKNOWN_SEGMENT and d.segment not in (v for v, _ in segs):
                segs.append((d.segment, d.start))
        return segs if len(segs) == n >= 2 else None

    def _lead_after(self, p: Period) -> Optional[Period]:
        """The period leading the paragraph when it is the one a year after p (截至去年12月底止年度，
        收入…。\n毛利率由前年的30.1%升至33.5%: B is of the year reported on)."""
        lead = self.lead_period
        if lead is None or lead.obj.period is None or lead.obj.period.kind != p.kind:
            return None
        return lead.obj.period if lead.obj.period == _shift_year(p, 1) else None

    def _remember_pair(self, b) -> None:
        """Keep the periods of the 由A至B pair just read when both figures got one, A's earlier."""
        a_start = self._pair_pending[0]
        self._pair_pending = None
        recent = self.drafts[-8:]       # A's and B's drafts are the last ones, if any
        da = next((d for d in reversed(recent) if d.start == a_start), None)
        db = next((d for d in reversed(recent) if d.start == b.start), None)
        if da is None or db is None or not da.period or not db.period or da.metric != db.metric:
            return
        pa, pb = parse_period(da.period), parse_period(db.period)
        if pa.kind != "span" and pb.kind != "span" and pa.end_date < pb.end_date:
            self.last_pair = (pa, pb, b.end)

    def _pair_again(self, st: _State, a, b: Tok) -> Optional[tuple[Period, Period]]:
        """The periods of the paragraph's last 由…至… pair, for a pair that names none and follows
        it with no period written in between (…；毛利率由41.5%升至47.9%)."""
        if self.last_pair is None or st.base is None:
            return None
        info = self.metrics.get(st.base)
        if info is None or info.period != "required":
            return None
        earlier, later, end = self.last_pair
        if b.end - end > LOOK or any(t.kind == PERIOD for t in self.ctx.stream.in_span(end, b.end)):
            return None
        if PREVIOUS_YEAR_FROM.search(self.text, max(st.clause_start, a.start - 12), a.start):
            return None
        return earlier, later

    def _between_cue_and(self, st: _State, a) -> str:
        word = st.base_cue or ""
        end = st.base_pos + len(word)
        return self.text[end:a.start] if 0 <= end <= a.start else "?"

    #: 以每股24.6港元的区间上缘定价: where in the range the price sits, between it and 定价
    _RANGE_END_BETWEEN = re.compile(r"的?(?:招股|价格)?区间(?:的)?(?:上缘|上限|下限|下缘|顶端|底端|高端|低端|中位数|中间价)|"
                                    r"的?(?:上限|下限|上缘|下缘)")

    def _postfix_cue(self, st: _State, toks: list[Tok], j: int) -> None:
        """``以约43亿港元募资规模``, ``实现1.9亿元收入``: a metric word right after an amount of money
        (or shares) names it when its own clause has no cue before it."""
        if j + 1 >= len(toks):
            return
        a, k, after = toks[j].obj, j + 1, toks[j].obj.end
        if k + 1 < len(toks) and toks[k].kind == AMOUNT and CONVERTED_OPEN.fullmatch(self.text, a.end, toks[k].start) \
                and self.text[toks[k].end:toks[k].end + 1] in (")", "）"):
            k, after = k + 1, toks[k].end + 1   # 3,800亿美元（约2.96万亿港元）的投后估值: past the conversion
        nxt = toks[k]
        year = None
        ps = next((x for x in toks[k + 1:k + 3] if x.kind == CUE and x.obj.value == "price_to_sales"), None)
        if nxt.kind == PERIOD and a.unit == "times" and ps is not None and nxt.obj.period is not None \
                and nxt.obj.period.kind == "year" and not self.text[after:nxt.start].strip() \
                and _PS_YEAR_GAP.fullmatch(self.text, nxt.end, ps.start):
            # 对应约33倍2027年预期市销率: the multiple on that year's revenue
            year, after, nxt = nxt, ps.start, ps
        if nxt.kind != CUE or nxt.obj.kind not in ("metric", "loss") or a.unit in ("percent", None):
            return
        if self.text[after:nxt.start] not in ("", "的", "为", "是", "作", "用作", "拨作") \
                and not self._RANGE_END_BETWEEN.fullmatch(self.text, a.end, nxt.start):
            return
        if st.base is not None and st.base_pos >= st.clause_start and not st.base_is_postfix \
                and not (st.base == "gross_proceeds" and nxt.obj.value == "net_proceeds"):
            return      # (上市募得的约47.2亿港元所得款项净额: what was raised, net)
        self._on_cue(st, nxt)
        st.base_is_postfix = True
        st.consumed.add(nxt.start)
        if year is not None:
            st.forecast_tok = year

    def _chain(self, st: _State, sent: Span, toks: list[Tok], k: int, a, nxt: Tok) -> bool:
        """毛利率同期由18.6%提升至22.9%，再到27.3%: three steps map to the three periods of the list
        in context, else all three are reported (never the pair's two periods)."""
        third = self._next_amount(toks, k)
        if third is None or not _CHAIN_NEXT.fullmatch(self.text, nxt.end, third.start) \
                or third.obj.unit != nxt.obj.unit:
            return False
        figures = [a, nxt.obj, third.obj]
        tok = st.period_tok
        items = list(tok.obj.items or []) if tok is not None else []
        periods = items if len(items) == 3 else self._recent_list(3, a.start, st.sentence_start)
        for i, fig in enumerate(figures):
            if periods is not None and len(periods) == 3:
                self._single(st, sent, fig, None, periods[i])
            else:
                self._miss(fig, sent, "ambiguous_period", "a step of 由A至B再到C with no list of three periods")
        st.last_amount_end = third.obj.end
        st.skip_until = third.obj.end       # (B and C are read)
        return True

    def _next_amount(self, toks: list[Tok], j: int, over_periods: bool = False) -> Optional[Tok]:
        """The amount right after toks[j], with only cues and boundaries (and periods, when
        ``over_periods``: 降至2025年的47.2%) in between."""
        skip = (BOUNDARY, CUE, PERIOD) if over_periods else (BOUNDARY, CUE)
        for k in range(j + 1, min(j + 4, len(toks))):
            if toks[k].kind == AMOUNT:
                return toks[k]
            if toks[k].kind not in skip:
                return None
        return None

    def _period_before_from(self, st: _State, period: Tok, a) -> bool:
        """The period stands before the 由/从 of the pair that starts with ``a``, in its clause."""
        m = self._from_word(st, a)
        return m is not None and st.clause_start <= period.start and period.end <= m.start()

    def _from_word(self, st: _State, a) -> Optional[re.Match]:
        """The 由/从 before ``a`` in its clause, within LOOK."""
        return FROM_BEFORE.search(self.text, max(st.clause_start, a.start - LOOK), a.start)

    def _revised(self, st: _State, period: Tok, a) -> bool:
        """把2026年收入预测从2.3亿美元上调至2.5亿美元: a forecast word between the period and the
        由/从 of the pair: both figures are estimates of that period (the old one and the new)."""
        m = self._from_word(st, a)
        return m is not None and period.end <= m.start() and any(
            k == "forecast" and period.end <= v < m.start() for k, v in st.flags.items())

    def _is_pair(self, st: _State, a, b: Tok) -> bool:
        """由A升至B, with B's own period allowed after the verb (由2024年的A降至2025年的B)."""
        mid = [t for t in self.ctx.stream.in_span(a.end, b.start) if t.kind == PERIOD]
        if not mid:
            return self._is_from_to(st, a, b.obj)
        return self._from_before(st, a) and bool(TO_VERB.match(self.text[a.end:mid[0].start])) \
            and re.fullmatch(r"\s*的?\s*", self.text[mid[-1].end:b.start]) is not None

    def _from_before(self, st: _State, a) -> bool:
        """由/从 stands before ``a`` in its clause."""
        return self._from_word(st, a) is not None

    def _is_from_to(self, st: _State, a, b) -> bool:
        return self._from_before(st, a) and bool(TO_VERB.match(self.text[a.end:b.start]))

    # ------------------------------------------------------------------ periods

    # ------------------------------------------------------------------ single figures
    def _earlier_level(self, st: _State, sent: Span, a) -> bool:
        """…占收入的28.7%，低于2024年31.2%的水平——2024年这一数字为2.93亿元: a level of an earlier
        period named to compare with, or 这一数字 of another period, is the same measure as the last
        figure of the sentence in that unit, of the period written right before it."""
        before = self.text[max(st.clause_start, a.start - 12):a.start]
        level = _LEVEL_AFTER.match(self.text, a.end) and _COMPARED_LEVEL.search(before)
        this_figure = _THIS_FIGURE.search(before)
        again = not (level or this_figure) and self._level_again(st, a)
        if not (level or this_figure or again):
            return False
        lo = st.sentence_start if this_figure else max(st.clause_start, a.start - 12)
        p = next((t for t in reversed(self.ctx.stream.in_span(lo, a.start)) if t.kind == PERIOD), None)
        if p is not None and p.obj.period is None and st.period_tok is not None and st.period_tok.start == p.start:
            p = st.period_tok       # 今年上半年, resolved against the article's date
        if p is None or p.obj.period is None or p.obj.kind not in ("single", "point"):
            return False
        percent = a.unit == "percent"
        # (这一数字 may name a figure of the sentence before: …现金71.6亿元。截至去年底，这一数字仅为…)
        since = max(0, st.sentence_start - 120) if this_figure else st.sentence_start
        last = next((d for d in reversed(self.drafts[-8:]) if d.start >= since
                     and (d.unit == "percent") == percent and d.unit not in ("date", "text")
                     and (percent or d.unit == a.unit) and d.period is not None and ".." not in d.period), None)
        if last is None or last.period == str(p.obj.period) or self.metrics[last.metric].period != "required" \
                or (p.obj.kind == "point") != (last.metric in POINT_METRICS):
            return False        # (a point in time for a balance, a period for a flow)
        if again and (last.end < max(st.clause_start - 40, a.start - LOOK) or any(
                t.kind == AMOUNT for t in self.ctx.stream.in_span(last.end, a.start))):
            return False        # (only right after the figure it goes on from)
        self._emit(st, sent, a, last.metric, a.value, a.unit, a.qualifier, last.segment, str(p.obj.period),
                   "的水平" if level else "这一数字", "earlier-level")
        return True

    def _level_again(self, st: _State, a) -> bool:
        """…这一比例为619.1%，2025年降至374.4%，今年上半年为319.3%: a clause of only a period, 为 or
        a verb of its new level, and a percent goes on with the measure of the figure before it."""
        if a.unit != "percent":
            return False
        toks = [t for t in self.ctx.stream.in_span(max(st.clause_start, a.start - LOOK), a.start) if t.kind != BOUNDARY]
        p = toks[0] if toks else None
        if p is None or p.kind != PERIOD or self.text[st.clause_start:p.start].strip(" ，,；;"):
            return False
        return self._period_then_level(p, a)

    def _period_then_level(self, p: Tok, a) -> bool:
        """Between the period ``p`` and the amount ``a``: 为/是, or for a percent a verb of the level
        it moved to (2025年降至374.4%)."""
        return bool(self._PERIOD_IS.match(self.text, p.end, a.start) or (
            a.unit == "percent" and self._PERIOD_MOVED_TO.match(self.text, p.end, a.start)))

    def _period_in_clause(self, st: _State, a) -> bool:
        """A period is written in ``a``'s clause before it (looked at up to ``LOOK`` back)."""
        return any(t.kind == PERIOD for t in self.ctx.stream.in_span(max(st.clause_start, a.start - LOOK), a.start))

    def _day_range(self, st: _State, sent: Span, a) -> bool:
        """全天在221.6港元至338港元之间宽幅波动, 全日于18.9元至20.85元之间上落: a session's low
        and high (read only where the sentence is about trading)."""
        if a.qualifier != "range" or a.low is None or a.high is None or a.scaled \
                or not (_RANGE_MOVE_AFTER.match(self.text, a.end)
                        or _RANGE_MOVE_BEFORE.search(self.text, max(st.clause_start, a.start - 12), a.start)):
            return False
        hkd = a.unit == "HKD" or (a.unit == "CNY" and self.hk_yuan and not re.search(r"人民币|RMB", a.text))
        if not hkd or not self._trading_context(st, a.start):
            return False
        day = self._trading_day(st, sent, a)
        if day is None:
            self._miss(a, sent, "no_period", "a session's range: trading day unknown")
            return True
        for metric, value in (("low_price", a.low), ("high_price", a.high)):
            self._emit(st, sent, a, metric, value, "HKD/share", "exact", None, day.isoformat(), "之间", "day-range")
        return True

    def _high_and_low(self, st: _State, sent: Span, run: list) -> bool:
        """日内高低点分别为421.4港元和402.2港元: a session's high and low in one enumeration (of the
        clause's company, whatever other companies the sentence named)."""
        if len(run) != 2 or any(a.unit not in ("HKD", "CNY") or a.scaled for a in run):
            return False
        m = _HIGH_LOW_EACH.search(self.text, max(st.clause_start, run[0].start - 16), run[0].start)
        if m is None or not self._trading_context(st, run[0].start):
            return False
        day = self._trading_day(st, sent, run[0])
        if day is None:
            for a in run:
                self._miss(a, sent, "no_period", "a session's high and low: trading day unknown")
            return True
        for metric, a in zip(("high_price", "low_price") if m.group("hl") else ("low_price", "high_price"), run):
            self._emit(st, sent, a, metric, a.value, "HKD/share", a.qualifier, None, day.isoformat(), m.group(), "high-low")
        return True

    def _single(self, st: _State, sent: Span, a, explicit: Optional[Tok],
                force: Optional[Period] = None) -> None:
        if self._conversion(st, sent, a):
            return
        if self._day_range(st, sent, a):
            return
        if self._earlier_level(st, sent, a):
            return
        decided = self._classify(st, sent, a)
        if isinstance(decided, Miss):
            self.misses.append(decided)
            if decided.reason in ("no_metric_cue", "unit_mismatch") and a.unit is not None \
                    and st.base_pos < st.clause_start and st.mod not in ("qoq", "growth", "decline") \
                    and not GROUP_COUNT.fullmatch(a.text) and not _PERIODS_AFTER.match(self.text, a.end) \
                    and not (getattr(a, "counter", None) in ("名", "位", "强")
                             and self.text[max(0, a.start - 1):a.start] in ("前", "第", "头")):
                # (毛利率方面，四家分别为…: the subject; 集资额方面，前四名依次为…: a rank)
                if st.base is not None:     # the carried cue does not explain this clause
                    st.dropped_base, st.base = st.base, None
            return
        metric, value, unit, qualifier, segment, cue, rule = decided
        if metric == "revenue" and segment is not None and rule == "cue" and cue == st.base_cue \
                and not re.search(r"收入|营收|收益|销售额", cue or "") \
                and _NOT_LINE_REVENUE.search(self.text, max(st.base_pos, a.start - LOOK), a.start):
            # (本地化部署项目的平均合同金额约386万元: a line named, then another measure of it)
            self._miss(a, sent, "no_metric_cue", "a line's measure other than its revenue")
            return
        info = self.metrics[metric]
        if info.family == "trading" and HYPOTHETICAL.search(self.text, max(0, st.sentence_start - 1, a.start - LOOK),
                                                            a.start):
            # 若智谱首日股价较发行价上涨10%，一手可赚…: a session supposed, not one that was
            self._miss(a, sent, "not_a_fact", f"a hypothetical {metric}")
            return
        period: Optional[str] = None
        if rule == "ratio":
            # 累计约44亿元，为同期总营收的8倍: the ratio covers the period of the figure it divides
            num = [d for d in self.drafts if d.sent == sent and d.metric == st.prev_base and d.period]
            # (研发开支22.35亿元(去年同期15.95亿元)，约为同期收入的3.8倍: not the one in the aside)
            num = [d for d in num if (_paren_close(self.text, d.start) or a.start) >= a.start] or num
            # (研发费用为22.6亿元，较上年同期的15.95亿元增长41.7%，约为同期营收的5.6倍: nor the one
            # compared with)
            num = [d for d in num if not _COMPARED_FIGURE_BEFORE.search(
                self.text, max(st.sentence_start, d.start - 16), d.start)] or num
            # (研发开支为24.93亿元，去年同期为15.95亿元，相当于同期收入的5.8倍: nor the one of an aside
            # clause, once the sentence is back on its own period)
            cur = st.period_tok.obj.period if st.period_tok is not None and st.unshifted is None else None
            if num and cur is not None and st.shifted is not None and num[-1].period == str(st.shifted):
                num = [d for d in num if d.period == str(cur)] or num
            # …是当年收入的6.19倍；2025年1-9月为1.8亿美元: the next figures are the numerator's again
            st.base, st.base_cue = st.prev_base, st.prev_base_cue
            if num and not (explicit is not None and getattr(explicit.obj, "period", None) is not None
                            and explicit.start > num[-1].end):
                # (…，上年为21.95亿元，相当于当年收入的约4.8倍: a period of its own, after an aside's)
                self._emit(st, sent, a, metric, value, unit, qualifier, segment, num[-1].period, cue, rule)
                return
        if info.period == "trading":
            day = self._trading_day(st, sent, a)
            if day is None:
                self._miss(a, sent, "no_period", f"{metric}: trading day unknown")
                return
            if "grey" not in st.sflags and not self.day_compared and not (
                    metric == "market_cap" and _VALUED_AT_CLOSE.search(self.text, max(st.sentence_start, a.start - 24), a.start)) \
                    and not (self.last_trading_day is not None and day < self.last_trading_day
                             and _FLASHBACK.search(self.text, st.clause_start, a.start)):
                # (事实上，智谱上周五(4日)已先升5.2%: an earlier session recalled, the story's day goes on)
                # (以昨日收市價計，公司市值約1964億港元: a value at an earlier close, no session told)
                # (a grey-market evening, or the day of a close compared with, is no session to go on with)
                # (a first day the sentence before announced stays recalled while its figures go on)
                self.last_day_recalled = "first_day" in st.sflags or self.day_of_first_day or (
                    self.last_day_recalled and day == self.last_trading_day and self.last_trading_pos == sent.end)
                self.last_trading_day, self.last_trading_pos = day, sent.end
                self.last_day_by_word = any(DAY_OFFSETS[w] < 0 and st.sflags[w] < a.start
                                            for w in st.sflags if w in DAY_OFFSETS) or (
                    self.ctx.today is not None and day < self.ctx.today
                    and self._weekday_named_before(sent, a.start))
            period = day.isoformat()
        elif force is not None and info.period in ("required", "optional"):
            period = self._fit_period(force, metric)
        elif info.period in ("required", "optional") or metric in FUNDING_METRICS:
            period, reason = self._period_for(st, a, metric, explicit)
            if period is None and reason:
                self._miss(a, sent, reason, metric)
                return
        self._emit(st, sent, a, metric, value, unit, qualifier, segment, period, cue, rule)

    def _enumeration(self, st: _State, sent: Span, run: list, explicit: Optional[Tok]) -> None:
        first = run[0]
        st.run_last = run[-1]
        if self._high_and_low(st, sent, run):
            return
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
        if len(names) > len(run) >= 2 and len(set(names[-len(run):])) == len(run) \
                and len(st.entity_pos) >= len(run) and "each" in st.sflags:
            # 壁仞、天数、智谱和MiniMax…挂牌，其中智谱、MiniMax分别于…上市，发行价分别为A和B: the
            # list of companies named last, one per figure
            ents = [t for t in self.ctx.stream.in_span(st.entity_pos[-len(run)], st.entity_pos[-1] + 1)
                    if t.kind == ENTITY]
            if len(ents) == len(run) and all(_COMPANY_JOIN.fullmatch(self.text, a.end, b.start)
                                             for a, b in zip(ents, ents[1:])):
                names = names[-len(run):]
        if len(names) < 2:
            count = GROUP_COUNT.search(self.text, max(st.sentence_start, first.start - LOOK), first.start)
            if count is not None and count.group().endswith("者") and st.segment is not None:
                count = None    # (本地化部署带来A，云端部署带来B，两者占比分别为…: the two lines, read below)
            if count is not None and (counted := counted_companies(self.ctx, self.prev_entities, small_int(count.group(1)))):
                names = counted         # 两家公司的成交额分别为A和B, 四家分别报…
            elif count is not None and "each" in st.sflags and small_int(count.group(1)) == len(run):
                for a in run:   # 两家的发行价分别是A和B, the two not named before: not guessed
                    self._miss(a, sent, "ambiguous_entity", f"{len(run)} figures of companies not named")
                return
        if ("each" in st.sflags or self._listed_companies(st, names)) and len(names) == len(run) >= 2 and (
                tok is None or len(tok.obj.items or []) != len(run)
                # (分别于2024年12月23日和2023年12月29日上市，发行价分别为…: days of events, no periods)
                or all(i.kind == "date" for i in tok.obj.items)):
            # 智谱与MiniMax的2024年营收分别为A及B: one figure per company (each read as the first:
            # 研发费用分别约为营收的3.1倍和4.8倍)
            saved = (st.mod, st.denominator, st.base, st.base_cue, st.base_pos,
                     st.prev_base, st.prev_base_cue, st.prev_base_pos)
            st.run_first = run[0]
            for name, a in zip(names, run):
                st.entity = name
                (st.mod, st.denominator, st.base, st.base_cue, st.base_pos,
                 st.prev_base, st.prev_base_cue, st.prev_base_pos) = saved
                self._single(st, sent, a, explicit)
            st.run_first = None
            return
        metrics = self._metric_list(st, first.start, len(run)) if "each" in st.sflags else None
        if metrics is not None:
            # 香港公开发售与国际配售分别为420万股和3,780万股: one figure per measure, in order
            for (metric, word, start), a in zip(metrics, run):
                st.base, st.base_cue, st.base_pos = metric, word, start
                self._single(st, sent, a, explicit)
            return
        segs = self._segment_list(st, first.start, len(run)) if "each" in st.sflags and (
            tok is None or len(tok.obj.items or []) != len(run)) else None
        if segs is not None:
            segs = [(t.obj.value, t.start) for t in segs]
        elif "each" in st.sflags and first.unit == "percent" and st.mod in ("share", "share_of") \
                and (tok is None or len(tok.obj.items or []) != len(run)):
            segs = self._told_segments(st, len(run))
        if segs is not None:
            # 本地化部署和云端部署收入分别为A和B, 各占总收入C及D; 本地化部署收入A，云端部署收入B，
            # 占比分别为C和D: one figure per segment, in order
            saved = (st.mod, st.denominator, st.base, st.base_cue, st.base_pos)
            for (value, start), a in zip(segs, run):
                st.segment, st.segment_pos = value, start
                st.mod, st.denominator, st.base, st.base_cue, st.base_pos = saved
                self._single(st, sent, a, explicit)
            return
        part = _PART_OF_LIST.search(self.text, max(st.clause_start, first.start - 16), first.start) \
            if tok is not None and len(tok.obj.items or []) > len(run) else None
        if info.period in ("required", "optional"):
            if tok is not None and len(tok.obj.items or []) == len(run):
                periods = list(tok.obj.items)
            elif part is not None and small_int(part.group(2)) == len(run):
                # 2023—2025年收入分别为A、B和C，后两年增速分别为D和E: the last two years of the list
                items = list(tok.obj.items)
                periods = items[-len(run):] if part.group(1) in ("后", "近") else items[:len(run)]
            elif "each" in st.sflags and (joined := self._joined_periods(st, first.start)) is not None \
                    and len(joined) == len(run):
                periods = joined        # 2025年和今年上半年，净亏损分别为A和B
            elif "each" in st.sflags and (counted := self._counted_periods(st, first.start, len(run))) is not None:
                periods = counted       # …，今年首六个月…；两期经调整净亏损各为A及B
            elif "each" in st.sflags and (listed := self._listed_above(st, first.start, len(run))) is not None:
                periods = listed        # 毛利率…，上述四个期间分别为A、B、C和D (the list paragraphs before)
            elif "each" in st.sflags and tok is not None and len(tok.obj.items or []) <= 1 \
                    and _lists_things(self.text, lo := max(tok.end, st.clause_start), first.start, len(run)):
                # 2025年协作机器人、人形机器人和核心零部件的毛利率分别为A、B和C: one year, a figure
                # for each line named, no run of years (2025年，…；公司的Robotaxi服务和Robotruck服务
                # 收入分别为A、B: the year told before the clause, the names after the company's 的)
                end = st.base_pos if lo < st.base_pos < first.start else first.start
                names = self.text[lo:end].strip().rstrip("的")
                names = re.split(r"以及|、|和|及|与", names[names.rfind("的") + 1:])
                slugs = [self._line_slug(x.strip()) for x in names]
                if len(slugs) != len(run) or not all(slugs):
                    for a in run:
                        self._miss(a, sent, "unknown_segment", f"{metric}: {len(run)} figures of lines with no known slug")
                    return
                saved = (st.mod, st.denominator, st.base, st.base_cue, st.base_pos)
                for slug, a in zip(slugs, run):
                    st.segment, st.segment_pos = slug, tok.end
                    st.mod, st.denominator, st.base, st.base_cue, st.base_pos = saved
                    self._single(st, sent, a, explicit)
                return
            elif "same_period" in st.flags or "each" in st.sflags or tok is None:
                periods = self._recent_list(len(run), first.start, st.sentence_start)
            if periods is None and metric.endswith("_growth") and tok is not None \
                    and len(tok.obj.items or []) == len(run) + 1 and _consecutive_years(tok.obj.items):
                # 2023年、2024年及2025年收入分别为A、B及C，按年增长D及E: the growth of each year
                # after the first
                periods = list(tok.obj.items)[1:]
            if periods is None and "each" in st.sflags \
                    and (longer := (list(tok.obj.items or []) if tok is not None else None)
                         or self._recent_list(len(run) + 1, first.start, st.sentence_start)) is not None \
                    and len(longer) == len(run) + 1 \
                    and any(t.kind == PERIOD and t.obj.period is not None and t.obj.period == longer[-1]
                            for t in self.ctx.stream.in_span(run[-1].end, min(sent.end, run[-1].end + LOOK))):
                # 报告期内净亏损分别为A、B、C，2026年一季度净亏损为D: the periods before the last,
                # which the sentence gives a clause of its own
                periods = longer[: len(run)]
            if periods is None and tok is not None and len(tok.obj.items or []) > len(run) \
                    and self._truncated(sent):
                periods = list(tok.obj.items)[: len(run)]
            if periods is None:
                for a in run:
                    self._miss(a, sent, "ambiguous_period",
                               f"{metric}: {len(run)} figures, no matching list of periods")
                return
        if periods is not None and len(periods) >= 2:
            self._last_list = list(periods)
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

    _PERIOD_JOIN = re.compile(r"\s*(?:和|及|与|、|以及)\s*")

    def _joined_periods(self, st: _State, pos: int) -> Optional[list]:
        """The periods of the sentence before ``pos`` joined by 和/及/、 (2025年和今年上半年), with
        relative ones as resolved (今年上半年 -> 2026H1); None unless there are two or more."""
        lo = max(st.sentence_start, pos - LOOK)
        toks = {t.start: t for t in self.ctx.stream.in_span(lo, pos) if t.kind == PERIOD}
        for t in self._resolved:
            if lo <= t.start < pos:
                toks[t.start] = t
        seq = [toks[k] for k in sorted(toks)]
        run: list[Tok] = []
        for t in seq:
            if run and not self._PERIOD_JOIN.fullmatch(self.text, run[-1].end, t.start):
                run = []
            run.append(t)
        periods = [t.obj.period for t in run]
        # 第三季度、二季度及上年同期: the same period as the first, a year earlier; 去年同期及上一季度，
        # 收入分别为A和B: the year-before period as the sentence resolved it
        year_before = (_shift_year(periods[0], -1) if periods and periods[0] is not None
                       and periods[0].kind != "span" else None) or st.shifted
        if len(run) >= 2 and year_before is not None:
            periods = [year_before if p is None and getattr(t.obj, "relative", None) == "same_period"
                       and getattr(t.obj, "year_offset", None) == -1 else p for p, t in zip(periods, run)]
        if len(run) < 2 or any(p is None for p in periods) or any(
                t.obj.kind != "single" for t in run if t.obj.period is not None):
            return None
        return periods

    def _cut_after(self, a) -> bool:
        """Only a separator and a few digits follow ``a`` before the end of the text."""
        return bool(re.fullmatch(r"\s*[、,，]\s*[\d.]{0,8}\s*", self.text[a.end:]))

    def _truncated(self, sent: Span) -> bool:
        """The article was cut inside this sentence (a partial page)."""
        return sent.end >= len(self.text.rstrip()) and self.text.rstrip()[-1:] not in "。！？!?”\"」)）"

    # ------------------------------------------------------------------ classification

    _LOOSE = (("约", "approx"), ("大约", "approx"), ("接近", "at_most"), ("将近", "at_most"),
              ("不到", "at_most"), ("超过", "at_least"), ("逾", "at_least"), ("超", "at_least"))

    # ------------------------------------------------------------------ context tests
    _TRANCHE = re.compile(r"(国际配售|国际发售|机构投资者|国际部分)|(公开发售|香港公开|公开认购|散户|香港发售|公开招股)")

    # ------------------------------------------------------------------ trading day

    # ------------------------------------------------------------------ currency conversions
    def _conversion(self, st: _State, sent: Span, a) -> bool:
        """``43亿港元(约5.6亿美元)``: the second amount restates the first in another currency."""
        if a.unit not in CURRENCIES:
            return False
        before = self.text[max(0, a.start - 3):a.start]
        prev = self.drafts[-1] if self.drafts else None
        if re.search(r"[(（]\s*$", before):
            if prev is None or prev.unit not in CURRENCIES or prev.unit == a.unit or prev.end < a.start - 4:
                return False
        elif prev is None or prev.unit not in CURRENCIES or prev.unit == a.unit or prev.end < a.start - 8 \
                or not _restated_in(prev, a, self.text[prev.end:a.start]):
            return False        # (7,920万美元，约6.18亿港元: restated after a comma)
        if a.qualifier == "exact" and re.search(r"[约約]\s*$", self.text[max(0, a.start - 2):a.start]):
            a = a.model_copy(update={"qualifier": "approx"})     # (折合约7.9亿港元)
        self.conversions.append(Conversion(prev, a, sent))
        self.drafts.append(Draft(entity=prev.entity, metric=prev.metric, period=prev.period,
                                 segment=prev.segment, value=clean_value(a.value), unit=a.unit,
                                 qualifier=a.qualifier, start=a.start, end=a.end, sent=sent,
                                 low=a.low, high=a.high, forecast=prev.forecast, cue=prev.cue,
                                 rule="conversion"))
        return True

    # ------------------------------------------------------------------ output

    def _paragraph(self, start: int, end: int, reach: int) -> Optional[tuple[int, int]]:
        """The bounds of the paragraph holding ``text[start:end]``, or None when it reaches further
        than ``reach`` characters either way (a paragraph that long is no item: bounded work)."""
        lo = self.text.rfind("\n", max(0, start - reach), start) + 1
        hi = self.text.find("\n", end, end + reach)
        if (lo == 0 and start > reach) or (hi == -1 and len(self.text) > end + reach):
            return None
        return lo, len(self.text) if hi == -1 else hi

    def _closing_paragraph(self, pos: int) -> bool:
        """The paragraph around ``pos`` reports a close and no open session (an item 【港股收评】 of a
        page whose other items are written at noon)."""
        par = self._paragraph(pos, pos, 2000)
        return par is not None and _SESSION_OPEN.search(self.text, *par) is None and any(
            # (該股上周五(9日)收升5.1%, 昨日收報115.7元: another day's close tells nothing of this one)
            _PAST_DAY_BEFORE.search(self.text, max(par[0], m.start() - 10), m.start()) is None
            for m in _CLOSE_IN_PARAGRAPH.finditer(self.text, *par))

    def _placing(self, sent: Span) -> bool:
        """The sentence tells of a placing of new shares after the listing (配售协议, 配售价较…收市价
        折让, 此次配售): it names no IPO, and it or its paragraph names such a placing."""
        if _IPO_WORDS.search(self.text, sent.start, sent.end):
            return False
        if _PLACING_WORDS.search(self.text, sent.start, sent.end):
            return True
        par = self._paragraph(sent.start, sent.end, 600)
        return par is not None and _PLACING_WORDS.search(self.text, *par) is not None

    def _refused(self, st: _State, a, metric: str) -> Optional[tuple[str, str]]:
        """(reason, detail) when a figure the rules read as ``metric`` is told in a way that makes it
        no fact of that metric (a span's high, a target's multiple, another exchange's session, a
        change on the quarter before, the room to a target, a kind described, a sum over companies,
        a superseded estimate); else None."""
        if metric in ("high_price", "low_price") and (span := _SPAN_EXTREME.search(
                self.text, max(st.sentence_start, a.start - LOOK), a.start)) is not None \
                and not DAY_TOLD_AFTER.match(self.text, a.end) \
                and not any(t.kind == DATE for t in self.ctx.stream.in_span(span.start(), a.start)):
            # 其年内股价最高曾见212.4港元，最低曾跌至128港元: the extremes of a span, no session's
            # (上市以来最高见98.5元，在9月3日出现: a day's high, the day told)
            return "not_a_fact", f"{metric} over a span of sessions"
        if metric == "price_to_sales" and _TARGET_MULTIPLE.search(self.text, max(st.clause_start, a.start - LOOK),
                                                                  a.start):
            # 给予公司2027年45倍P/S，对应目标价194港元: the multiple a target applies, not the market's
            return "not_a_fact", "a target multiple"
        if metric in ("day_change", "open_change", "close_price", "open_price", "turnover") \
                and (us := last_match(_US_LISTING, self.text, max(st.sentence_start, a.start - LOOK), a.start)) \
                and not _HK_LISTING.search(self.text, us.end(), a.start):
            # 美国存托股(ADS)在纳斯达克收报20.41美元，跌2.11%: a session in New York, not in Hong Kong
            return "not_a_fact", f"{metric} of a listing outside Hong Kong"
        if metric.endswith("_growth") and (qoq := last_match(_QOQ_WORD, self.text, max(st.clause_start, a.start - LOOK),
                                                            a.start)) is not None \
                and not _YOY_WORD.search(self.text, qoq.end(), a.start):
            # 环比二季度的2.71亿元增长20.3%: a change on the quarter before, not on the year before
            return "no_metric_cue", "a change on the period before"
        if _UPSIDE_BEFORE.search(self.text, max(st.clause_start, a.start - 12), a.start):
            # 目标价62.0港元，现价45.36港元，潜在升幅：36.7%: how far a target stands, no move
            return "not_a_fact", "the room to a target price"
        if _KIND_AFTER.match(self.text, a.end):
            # 超购唔够一百倍嘅，最多现金抽一手: a kind of stock (…的 with its noun left out), no fact
            return "not_a_fact", f"{metric} describing a kind, not a company"
        if _SEVERAL_SUMMED.search(self.text, max(st.clause_start, a.start - LOOK), a.start):
            # 两家上市公司市值合计超2200亿港元: a sum over companies, no one company's figure
            return "not_a_fact", f"{metric} summed over several companies"
        if _SUPERSEDED.search(self.text, max(st.clause_start, a.start - LOOK), a.start):
            # 高于我们此前预期的4.30亿元, (前值分别为9.85亿元、17.60亿元), 82x PS（此前为75x）:
            # an estimate the article replaces, not a figure it states
            return "not_a_fact", f"a superseded estimate of {metric}"
        return None

    def _emit(self, st, sent, a, metric, value, unit, qualifier, segment, period, cue, rule) -> None:
        refused = self._refused(st, a, metric)
        if refused is not None:
            self._miss(a, sent, *refused)
            return
        if metric == "last_price" and self.ctx.today is not None and period is not None \
                and period < self.ctx.today.isoformat() \
                and not INTRADAY.search(self.text, max(st.sentence_start, a.start - LOOK), a.start):
            metric = "close_price"      # 昨日…腾讯涨1.8%，报628.5港元: a past session's last price is its close
        elif metric == "last_price" and self.ctx.today is not None and period == self.ctx.today.isoformat() \
                and not INTRADAY.search(self.text, max(st.sentence_start, a.start - LOOK), a.start) \
                and (self.after_close or self._closing_paragraph(a.start)):
            metric = "close_price"      # a closing report's 天数智芯涨2.4%，报187.6港元
        info = self.metrics[metric]
        if info.family == "trading" and period is not None and self.ctx.today is not None \
                and period < self.ctx.today.isoformat() \
                and _NOW_IN_SESSION.search(self.text, max(st.sentence_start, a.start - LOOK), a.start) \
                and self._no_day_in_paragraph(a.start):
            # 昨日，智谱收涨5.62%… then a paragraph 同板块中，MiniMax…截至发稿涨4.35%: as the article
            # is written, today (9月3日午后，…。截至发稿… keeps the day its paragraph names)
            period = self.ctx.today.isoformat()
        if metric == "total_funding" and period is not None and ".." not in period \
                and _TO_DATE_WORD.search(self.text, max(st.clause_start, a.start - 16), a.start) \
                and not self._period_in_clause(st, a):
            # 今年稍早…，累计募资逾530亿美元: all the funding to date, not the year's in view
            # (2023年累计融资超25亿元 keeps the year it is written with)
            period = None
        if metric in POINT_METRICS and period is not None and period[:4].isdigit() \
                and _YEAR_START.search(self.text, max(st.clause_start, a.start - LOOK), a.start) \
                and not self._period_in_clause(st, a):
            # 截至2025年末，现金…为38.6亿元，年初为20.4亿元: the start of the year is the year before's end
            period = f"{int(period[:4]) - 1}-12-31"
        if period is not None and _YEAR_END_DAY.fullmatch(period) and metric not in POINT_METRICS \
                and info.family in ("financial", "derived") and info.period in ("required", "optional"):
            # 毛利率从2024年的56.3%回落到47.2% after 截至2025年末…: a year's ratio, not a day's
            period = period[:4]
        if metric == "cornerstone_amount" and not a.scaled and abs(value) < 100000:
            # 基石合共认购约4,500万美元，那阵入货价就是22.80元: a price, no investment
            self._miss(a, sent, "no_metric_cue", "too small for a cornerstone investment")
            return
        if metric == "cornerstone_amount" and (first := self._first_cornerstone.get(sent.start)) is not None \
                and first <= a.start and self._colon_between(first, a.start):
            # 合计认购约1.1亿美元：鸿钧资本2,500万美元、…: one investor's part of the total
            self._miss(a, sent, "not_a_fact", "one cornerstone investor's subscription")
            return
        if segment == UNKNOWN_SEGMENT:
            self._miss(a, sent, "unknown_segment", f"{metric} of a business line with no known slug")
            return
        if metric in ("gross_proceeds", "net_proceeds") and a.per_share:
            self._miss(a, sent, "not_a_fact", "a price per share, not proceeds")    # 净配售价约为每股21.27港元
            return
        if metric in _PLACING_TERMS and self._placing(sent):
            # 此次配售所得款项总额约136.5亿港元: a placing of a listed company's shares, not its IPO
            metric = _PLACING_TERMS[metric]
            info = self.metrics[metric]
        grey = st.sflags.get("grey")
        if grey is not None and grey < a.start and (m := _GREY_MODIFIER.match(self.text, grey)) is not None \
                and any(t.kind == ENTITY and not re.search(r"[，,。；;\d]", self.text[m.end():t.start])
                        for t in self.ctx.stream.in_span(m.end(), m.end() + 16)):
            # (前日暗盘表现较温和的智谱，昨日首日收市131.5元: the grey market describes the company;
            # 前一日暗盘炒高一成半的工业无人机制造商云鹰智能昨日挂牌: and its trade before the name)
            grey = None
        if grey is not None and grey < a.start and (listed := _LISTED_SESSION.search(self.text, grey, a.start)) \
                and re.search(r"[,，;；]", self.text[grey:listed.start()]):
            # (暗盤…收報15.1元；至周三首日掛牌，以14.2元開市, 暗盘收报28.9元,周二首日挂牌后…最终收报
            # 31.4元: the first day's, told in a clause after the grey market's)
            grey = None
        if info.family == "trading" and grey is not None and not (
                grey > a.end and re.search(r"[;；]", self.text[a.end:grey])):
            # (收报48.40港元；暗盘曾跌近一成: the grey market is another clause's)
            self._miss(a, sent, "not_a_fact", "grey-market trading (暗盘)")
            return
        if "fx" in st.flags and st.flags["fx"] < a.start:
            self._miss(a, sent, "not_a_fact", "an exchange rate")    # 人民币兑美元中间价报7.0985
            return
        market_turnover = metric == "turnover" and self._market_turnover(st, sent, a)
        if market_turnover and _PART_SESSION.search(self.text, max(st.clause_start, a.start - LOOK), a.start):
            self._miss(a, sent, "not_a_fact", "market turnover of part of the session")
            return
        if "market" in st.sflags and not st.entity_explicit and not market_turnover and not (
                st.sflags["market"] > a.end and re.search(r"[，,；;—]", self.text[a.end:st.sflags["market"]])) \
                and not (st.sflags["market"] < a.start and re.search(
                    r"(?:^|[，,；;—：:])\s*(?:该|本|这家)?(?:公司|集团)|——\s*(?:按|以)|为(?:该|本)?(?:公司|集团)带来",
                    self.text[st.sflags["market"]:a.start])):
            # (来自去年12月底的港股IPO——公司以每股22.80港元发行…: the company's own offer; 港股IPO
            # 募资——按每股19.60港元的最终发售价计算: a basis of the company's deal the dash explains)
            # (…获2,108.4倍超购，是今年港股新股第二高: the market is only the ranking's; 港股IPO为公司带来
            # 募资净额…: the company's own deal)
            # 今年港股IPO集资额已超过2500亿港元: a figure of the market, not of the company
            self._miss(a, sent, "not_a_fact", f"market-wide {metric}")
            return
        if info.unit in ("currency", "shares") and (together := COMBINED.search(
                self.text, max(st.sentence_start, a.start - 40), a.start)) is not None \
                and not _ONE_DAY_CLAUSE.search(self.text, together.end(), a.start):
            # (五日累计成交逾30亿元，惟上周五成交回落至2.18亿元: the later clause tells one day)
            self._miss(a, sent, "not_a_fact", f"{metric} of several companies or days together")
            return
        if BENCHMARK_AFTER.match(self.text, a.end) or BENCHMARK_BEFORE.search(
                self.text, max(st.clause_start, a.start - 16), a.start) or (
                _LEVEL_AFTER.match(self.text, a.end) and _ABOVE_BELOW.search(self.text, st.clause_start, a.start)):
            # (远高于台股AI服务器族群约2至3倍的水准: the level the figure is compared with)
            self._miss(a, sent, "not_a_fact", f"{metric}: an average it is compared with")
            return
        if QUESTION.search(self.text, st.clause_start, a.start):
            self._miss(a, sent, "not_a_fact", f"{metric} asked about, not stated")
            return
        if metric == "market_share" and GENERIC_SUBJECT.search(self.text, st.clause_start, a.start):
            self._miss(a, sent, "no_entity", "the share of a group of companies")
            return
        if not st.entity_explicit and UNNAMED.search(self.text, max(st.sentence_start, a.start - LOOK), a.start):
            self._miss(a, sent, "no_entity", f"{metric} of an unnamed company")
            return
        if not st.entity_explicit and a.unit == "percent" and (twd := next(
                (t for t in reversed(self.ctx.stream.in_span(max(st.sentence_start, a.start - LOOK), a.start))
                 if t.kind == AMOUNT and t.obj.unit not in (None, "percent", "count", "shares", "times")), None)) is not None \
                and twd.obj.unit == "TWD" and not _IN_PAREN_BEFORE.search(self.text, max(0, twd.start - 6), twd.start) \
                and not self._reports_in_twd(st):
            # 代工厂鼎曜电脑第3季营收新台币386亿元，年增47%: the change of a Taiwan company's figure,
            # and the sentence names no company of the article
            self._miss(a, sent, "no_entity", f"{metric} of a figure in New Taiwan dollars")
            return
        entity = "market" if market_turnover else st.entity or (None if st.anonymous else self.ctx.main_entity)
        if (owner := self._owner_after(a)) is not None:
            entity = owner      # 超购得12.6倍嘅灵犀同76.3倍嘅量衡: the company the figure describes
        if info.family == "trading" and (not st.entity_pos or st.entity_pos[-1] < st.clause_start) \
                and _STOCK_GROUP.search(self.text, max(st.clause_start, a.start - LOOK), a.start):
            # 人形机器人概念股今日同步走强，多档零组件股涨幅逾5%: a group of stocks, no one company's
            self._miss(a, sent, "no_entity", f"{metric} of a group of stocks")
            return
        if entity in indices() and info.unit in ("HKD/share", "currency"):
            # …在恒指现跌0.3%之下逆市造好，盘中最高曾见142.6元: an index has no price in 元;
            # the figure is the company's the sentence named before the index
            before = [e for e in st.entities if e not in indices()]
            entity = before[-1] if before else None
        if not entity:
            self._miss(a, sent, "no_entity", metric)
            return
        if entity in self.ctx.registry.taiwan and (info.family == "trading" or (
                a.unit == "CNY" and not re.search(r"人民币|RMB|CNY", a.text))) and not self._hong_kong_line(st, a):
            # 凯昱感测(6988)…累计营收13.92亿元, 昨日股价终场收在268.5元: a Taiwan company's 元 are New
            # Taiwan dollars, and its trading is on another market
            self._miss(a, sent, "not_a_fact", f"{metric} of a company listed in Taiwan")
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
        lo = max(st.sentence_start, a.start - LOOK)
        forecast = any(k == "forecast" and v < a.start for k, v in st.flags.items()) or (
            # 2026E / 2026F: a broker's estimate for 2026
            period is not None and len(period) == 4 and any(
                self.text.find(mark, lo, a.start) != -1
                for mark in (period + "E", period + "F", "FY" + period[2:] + "E", "FY" + period[2:] + "F"))) or (
            # (据Wind一致预期，2026年收入约为2.41亿美元, written in October 2026: a year not over)
            period is not None and self.ctx.today is not None and period[:1].isdigit()
            and (p := parse_period(period)) is not None and p.end_date > self.ctx.today
            and self.metrics[metric].family in ("financial", "derived"))
        start, end = a.start, a.end
        if metric == "cornerstone_amount":
            self._first_cornerstone[sent.start] = min(end, self._first_cornerstone.get(sent.start, end))
        for name in self._both(st, a) or [entity]:
            self.drafts.append(Draft(entity=name, metric=metric, period=period, segment=segment,
                                     value=clean_value(value), unit=unit, qualifier=qualifier,
                                     start=start, end=end, sent=sent, low=low, high=high,
                                     forecast=forecast, cue=cue, rule=rule))
        if metric in ("rd_to_revenue", "revenue_growth") and rule in ("share", "parenthetical", "growth"):
            before = self.text[max(0, a.start - 6):a.start]
            if "(" in before or "（" in before:
                st.paren_role = metric

    def _no_day_in_paragraph(self, pos: int) -> bool:
        """No date, period or word of another day stands in ``pos``'s paragraph before it (looked
        at up to ``LOOK`` characters back)."""
        par = max(self.text.rfind("\n", max(0, pos - LOOK), pos) + 1, pos - LOOK, 0)
        return not any(t.kind in (DATE, PERIOD) for t in self.ctx.stream.in_span(par, pos)) \
            and not _OTHER_DAY_WORD.search(self.text, par, pos)

    def _owner_after(self, a) -> Optional[str]:
        """The company named right after the figure and 的/嘅 (…12.6倍的灵犀机器人): it owns it."""
        m = None
        if _BASIS_LEAD.search(self.text, max(0, a.start - 12), a.start):
            # 按本轮180亿元的投后估值计算，光合矩阵的市销率…: a basis, of the company after it
            m = _BASIS_OWNER.match(self.text, a.end)
        m = m or _OWNER_AFTER.match(self.text, a.end)
        if m is None:
            return None
        tok = next((t for t in self.ctx.stream.in_span(m.end(), m.end() + 12) if t.kind == ENTITY), None)
        if tok is None or tok.start != m.end() or tok.obj.entity in indices() or tok.obj.entity in bystanders():
            return None
        return tok.obj.entity

    def _market_turnover(self, st: _State, sent: Span, a) -> bool:
        """The turnover of the whole market, not of a company: after a market word in the clause
        (大市成交, 主板全日成交) or said of 大市, or in a market wrap that names no company
        (恒指收涨1.2%，全日成交额2,613.5亿港元)."""
        named = last_match(_MARKET_TURNOVER, self.text, max(st.clause_start, a.start - LOOK), a.start)
        if named is not None and not self._company_since(named.end(), a.start):
            return True
        if a.value >= _MARKET_SIZED_TURNOVER and a.unit in ("HKD", "CNY") and st.base_pos >= st.clause_start \
                and not self._company_since(st.clause_start, a.start):
            return True     # …MiniMax涨3.9%；半日成交额1512亿港元: a clause of its own, the size of a market's
        if st.entity == "market" or ("market" in st.sflags and st.clause_start <= st.sflags["market"] < a.start
                                     and not self._company_since(st.sflags["market"], a.start)):
            return True
        if not _MARKET_WRAP.search(self.text, max(st.sentence_start, a.start - LOOK), a.start):
            return False
        companies = [e for e in st.entities if e not in indices() and e != "market"]
        return not companies and (not st.entity_explicit or st.entity in indices())

    def _company_since(self, start: int, end: int) -> bool:
        """A company (no index) is named between ``start`` and ``end``."""
        return any(t.kind == ENTITY and t.obj.entity not in indices() and t.obj.entity != "market"
                   for t in self.ctx.stream.in_span(start, end))

    def _both(self, st: _State, a) -> list[str]:
        """摩尔线程和沐曦市值均超过2000亿元: the companies of the clause joined by 和/与/及/、, when
        均/都 stands after the last of them and before the figure (empty otherwise)."""
        both = [(e, p) for e, p in zip(st.entities, st.entity_pos) if st.clause_start <= p < a.start]
        if len(both) < 2:
            return []
        m = BOTH_BEFORE.search(self.text, both[-1][1], a.start)
        if m is None or any(not AND_BETWEEN.fullmatch(self.text, both[k][1], both[k + 1][1])
                            for k in range(len(both) - 1)):
            return []
        return list(dict.fromkeys(e for e, _ in both))

    def _on_flat(self, st: _State, sent: Span, t: Tok) -> None:
        """平开, or 开盘报212.8港元，与发行价持平: an open change of zero, written as a word; 收市持平
        (持平 right after the close word): a day change of zero."""
        metric = "open_change"
        if t.obj.value == "open":
            if FLAT_NOT_WORD.search(self.text, max(0, t.start - 1), t.end + 1):
                return
        elif st.price == "close" and st.price_pos >= st.clause_start and t.obj.word == "持平" \
                and _FLAT_AFTER_CLOSE.fullmatch(self.text, st.price_pos, t.start):
            metric = "day_change"
        elif not (st.price == "open" and st.price_pos >= st.sentence_start and st.base_pos < st.price_pos):
            return
        if any(d.sent == sent and d.metric == metric and d.start >= st.clause_start for d in self.drafts[-8:]):
            return
        a = Amount(value=Decimal(0), unit="percent", text=t.obj.word, start=t.start, end=t.end,
                   num_start=t.start, num_end=t.end)
        day = self._trading_day(st, sent, a)
        if day is None:
            return          # a word, not a number: nothing to report as unplaced
        self._emit(st, sent, a, metric, Decimal(0), "percent", "exact", None, day.isoformat(),
                   t.obj.word, "flat")

    def _miss(self, a, sent, reason, detail) -> None:
        self.misses.append(self._mk_miss(a, sent, reason, detail))


# ----------------------------------------------------------------------------------------
# helpers





#: a figure right after 报 (报131.5港元, 报约20元, 报HK$3.2)
_QUOTED_FIGURE = re.compile(r"\s*(?:约|近|超|逾)?\s*(?:HK\$|US\$|\$|港币|港元)?\s*[\d+-]")
#: the close word right before 持平: 收市持平, 收盘报平 (a zero day change)
_FLAT_AFTER_CLOSE = re.compile(r"(?:收市|收盘|收报|收)\s*")
#: a parenthesis giving the basis of a figure, right before it: (按中位数30.50港元计)：
_BASIS_NOTE = re.compile(r"[\d.]+\s*[倍%％]\s*[(（][^()（）]{0,8}$")
_BASIS_NOTE_END = re.compile(r"\s*(?:计算?)?\s*[)）]")
#: a basis named before the figures: 以2025年营收计, 按去年收入计算
_BASIS_LEAD = re.compile(r"(?:以|按|按照|基于)\s*(?:[^\s，,。；;：:]{0,10})$")
_BASIS_LEAD_END = re.compile(r"\s*(?:计算?|为基础|为基准|为准)")
_BASIS_PAREN = re.compile(r"[(（](?:按|以|基于|假设)[^()（）]{1,30}(?:计|计算|为准|为基础)[)）]\s*[:：为]?\s*"
                          r"(?:约|近|逾|超过?|达)?\s*$")


def _restated_in(a, b, between: str) -> bool:
    """b restates a in another currency after a comma: 7,920万美元，约6.18亿港元, …，折合约7.9亿港元."""
    if a.unit not in CURRENCIES or b.unit not in CURRENCIES or a.unit == b.unit:
        return False
    m = _RESTATE_GAP.fullmatch(between)
    return m is not None and (bool(m.group(1)) or b.text.startswith(("约", "約")))


#: between a sum and its conversion: ，约 / ，折合约 / ，相当于
_RESTATE_GAP = re.compile(r"\s*[，,]\s*(折合|约合|相当于|合共约|即)?\s*(?:约|約)?\s*")


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


#: the period of the end figure of a 由…至… pair is not known
_UNKNOWN = object()


def _line_start(text: str, pos: int, look: int = 200) -> int:
    """The start of the line ``pos`` is on, looking back at most ``look`` characters (else pos)."""
    lo = max(0, pos - look)
    i = text.rfind("\n", lo, pos)
    return i + 1 if i != -1 else (0 if lo == 0 else pos)
#: the join between two segments of a list (本地化部署和云端部署, AI原生产品及开放平台与企业服务)
#: from the last of a list of measures to its figures: …分别为, …各为约
_EACH_IS = re.compile(r"\s*(?:则)?\s*(?:分别|各)\s*(?:为|是|达|约为|约)?\s*(?:约|近|逾)?\s*")
_SEGMENT_JOIN = re.compile(r"\s*(?:和|及|与|、|以及)\s*")
#: between two companies of a list, a code in parentheses allowed: 澄岳科技(02788)、宁川芯材
_COMPANY_JOIN = re.compile(r"(?:\s*[(（][^()（）]{1,14}[)）])?\s*(?:和|及|与|、|以及)\s*")
#: from the last company of a list to its metric: (02766)的
_COMPANY_THEN_METRIC = re.compile(r"(?:\s*[(（][^()（）]{1,14}[)）])?\s*的?\s*")
#: the periods told before, right before their count: 上述四个期间, 以上三个报告期
_ABOVE = re.compile(r"(?:上述|前述|以上|上面|前面|上列)\s*$")
#: a count of the periods a list of figures covers: 两期, 三段期间, 四个报告期
_PERIOD_COUNT = re.compile(r"([两二三四五六2-6])\s*(?:个|段)?\s*(?:报告期|期间|期)(?:内)?[^，,。；;\d]{0,10}$")
#: …，按年增长17.4%，前年收入7.34亿元: an earlier period, a metric word and its figure
_METRIC_ASIDE_AFTER = re.compile(r"的?[\u4e00-\u9fff]{1,8}?\s*[:：]?\s*(?:约|近|逾)?\s*"
                                 r"(?:人民币|港币|港元|美元|RMB|HK\$|US\$)?\s*\d")


def _paren_close(text: str, pos: int, limit: int = 30) -> Optional[int]:
    """The offset of the ``)`` closing a parenthesis that ``pos`` stands in, or None."""
    open_at = max(text.rfind("(", max(0, pos - limit), pos), text.rfind("（", max(0, pos - limit), pos))
    if open_at == -1 or max(text.rfind(")", open_at, pos), text.rfind("）", open_at, pos)) != -1:
        return None
    ends = [x for x in (text.find(")", pos, pos + limit), text.find("）", pos, pos + limit)) if x != -1]
    return min(ends) if ends else None


def _propagate_qualifier(run: list) -> list:
    """约 written before the first member of an enumeration qualifies every member."""
    first = run[0]
    if len(run) < 2 or first.qualifier in ("exact", "range") or not first.qualifier_text \
            or not first.text.startswith(first.qualifier_text):
        return run
    return [a if a.qualifier != "exact" else a.model_copy(update={"qualifier": first.qualifier})
            for a in run]


#: between the members of a list whose last member carries the scale: 8.47、13.92 / 8.47/13.92
_SHARED_SEP = re.compile(r"\s*[、/／]\s*")
_PLAIN_NUMBER = re.compile(r"[+\-]?[0-9]+(?:\.[0-9]+)?")
#: the digits of a figure and the scale word written right after them (1,234.5亿元)
_SCALED_DIGITS = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*[万亿千百]")


def _bare(a) -> bool:
    """A number written with no unit nor scale, in digits (8.47)."""
    return a.unit is None and not a.scaled and a.qualifier == "exact" and _PLAIN_NUMBER.fullmatch(a.text) is not None


def _scale_of(a) -> Optional[Decimal]:
    """The scale a figure's words multiply its digits by (21.35亿元: 10**8), if exact."""
    m = _SCALED_DIGITS.search(a.text)
    if m is None:
        return None
    digits = abs(Decimal(m.group(1).replace(",", "")))
    if not digits:
        return None
    scale = abs(a.value) / digits
    return scale if scale == scale.to_integral_value() and scale > 1 else None


def _with_shared_scale(run: list) -> list:
    """Bare leading members take the scale and unit of the last one (8.47、13.92、21.35亿元)."""
    last = run[-1]
    if len(run) < 2 or not last.scaled or last.unit is None or not all(_bare(a) for a in run[:-1]):
        return run
    scale = _scale_of(last)
    if scale is None:
        return run
    return [a.model_copy(update={"value": a.value * scale, "unit": last.unit, "scaled": True})
            for a in run[:-1]] + [last]


def _propagate_units(run: list) -> list:
    """Bare scaled members of an enumeration take the unit the others share (5740万、3.12亿元)."""
    units = {a.unit for a in run if a.unit is not None}
    if len(units) != 1 or all(a.unit is not None for a in run):
        return run
    unit = units.pop()
    return [a if a.unit is not None else a.model_copy(update={"unit": unit}) for a in run]


