"""How the reader names a figure: the metric an amount measures, from the cue words, modifiers
and context around it (money, prices, percentages, multiples, share counts, counts).

A mixin of :class:`~zhipu_ipo.extractor.reader.Reader`: it reads the reader's state (``_State``)
and the document (``self.text``), and returns either a tuple
``(metric, value, unit, qualifier, segment, cue, rule)`` or a :class:`Miss` with the reason.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Optional

from ..models import CURRENCIES
from .cues import Cue, find_cues, use_words
from .entities import known_listings
from .records import Miss
from .segment_names import segment_slug
from .rules import (
    BARE_CLOSE,
    BARE_PRICE_BEFORE,
    COMPARE_BEFORE,
    COMPONENT,
    DELTA_BEFORE,
    DELTA_PERCENT,
    DIRECTION_BEFORE,
    HUNDRED,
    LABEL_GAP,
    LOOK,
    LOSSES,
    OTHER_MARKET_PRICE,
    PREV_TRADING_DAY,
    NOT_ONE_DAY,
    SEGMENT_TALK,
    SHORT_CLOSE,
    VS_PRICE,
    WEEKDAY,
)
from .sentences import Span
from .tokens import AMOUNT, CUE, DATE, ENTITY, TICKER, Tok

if TYPE_CHECKING:
    from .reader import _State


_PURPOSE_LOOK = 80
#: between a company and its price change: 腾讯涨, MiniMax股价今日跌, 智谱(02513)昨日收涨
_MOVES_AFTER = re.compile(r"(?:-[A-Z]{1,2})?\s*(?:[(（][^()（）]{1,12}[)）])?\s*(?:则|亦|也|同样)?\s*(?:股价|股份)?\s*(?:今日|昨日|今天|昨天|全日|全天|(?:周|星期|礼拜)[一二三四五])?\s*(?:单日|当日|当天)?\s*(?:则|亦|也|同样)?\s*(?:跟随|随之)?\s*(?:收市|收盘|收)?\s*(?:急|大|狂|飙|劲|再|续|逆市|逆势)?")
#: a short line with no figure: a section heading (香港公开发售, 国际发售, 价格资料)
_HEADING = re.compile(r"(?m)^[ \t\u3000]*([^\d\n:：，,。；;]{2,12})[ \t\u3000]*$")
#: the purpose written right before its share: …；扩大产能及海外业务约25%
_PURPOSE_BEFORE = re.compile(r"(?:^|[，,。；;、】\]:：])\s*([^，,。；;、\d%\n【】\[\]:：]{2,30}?)\s*(?:约|占|为|:|：)?\s*$")


#: nothing but a comma between two words: 目标价95元，较昨日收市价高约10.2%
_ONLY_PUNCT = re.compile(r"[\s，,]*(?:较|比|相较|相比)?[^，,。；;\d]{0,12}")
#: a clause that only counts what its sentence is about: 共有4名, 合共6家
_COUNT_ONLY = re.compile(r"[,，\s]*(?:共有|共计有?|合共有?|合计有?|一共有?|总共有?|共|有)\s*(?:约|逾|超过)?\s*")
#: the investors named, then counted: 包括阿里巴巴、腾讯等 (14家机构)
_NAMED_THEN_COUNTED = re.compile(r"[,，\s]*(?:包括|包含|涵盖|当中包括|其中包括)[^，,。；;\d]{2,40}等\s*(?:共|合共|合计)?\s*")
#: 经调整(Non-GAAP)净亏损, 经调整(非国际财务报告准则计量)亏损: an adjusted loss whose basis is written
#: in a parenthesis between 经调整 and the loss word
_ADJUSTED_PAREN_BEFORE = re.compile(r"经调整后?\s?[(（][^()（）]{1,20}[)）]\s?$")
#: a supposition opening the sentence of a figure: 若…, 如果…, 假设…
#: (若排除…, 如剔除…: the adjustment of an adjusted figure, not a supposition)
HYPOTHETICAL = re.compile(r"(?:^|[，,。；;：:\s])(?:若|如果|假如|倘若|假设|假定|倘)"
                           r"(?!\s*(?:排除|剔除|扣除|不计|不包括|撇除|计入|连同|包括|按|以"
                           # (若把时间拉长, 如果往回看, 如果同上一季比较: a way of looking, no supposition)
                           r"|[把将]?时间[线轴]?拉长|拉长时间|往回看|回看|回顾|放眼|细看|对比|比较|单看|只看|看(?!好|淡|涨|跌|空|多)|观察|参考|改看|换成"
                           r"|(?:同|与|和|跟|拿)[^，,。；;\d]{1,8}?(?:比较|相比|对比)))")
#: 年化 (annualized) right before a sum, nothing but words between (年化后约, 年化计大约, 年化收入达)
_ANNUALIZED = re.compile(r"年化(?!复合|增长|增速)[^。；;\d]{0,14}$")
#: a level a percentage rose or fell to, right before it (分别升至约2.1%及1.5%)
_RISEN_TO = re.compile(r"(?:升|增|降|跌|回落|上升|下降|提升|提高)至\s*(?:约|近|逾|超过?)?\s*(?:[\d.]+%\s*(?:及|和|与|、)\s*)?$")
#: the size of a price move, named before a level it reached (涨幅扩大至5%)
_MOVE_NOUN = re.compile(r"涨幅|跌幅|升幅|降幅|跌势|涨势")
#: an investor's gain or loss right before a sum (浮盈3,360港元, 赚了1030港元): not a share price
_GAIN = re.compile(r"浮盈|浮亏|获利|赚了?|亏了|蚀了?|账面(?:盈利|亏损)?")


#: another count of the same list after a count: …基金、两家公募…
_NEXT_COUNT = re.compile(r"[^，,。；;、]{0,16}?[、及和与]\s*(?:[一二两三四五六七八九十]+|\d+)\s*[家名位]")


#: a label and its value (每手股数:100, 总市值：705.6亿): the label's word right before a colon
_LABEL_VALUE = re.compile(r"[\u4e00-\u9fff)）][:：\t]\s*$")
#: the rest of a whole just divided: 其余约15.5%来自云端部署
_REST_BEFORE = re.compile(r"(?:其余|其他|余下|剩余|剩下|另有|另)(?:的|部分)?(?:约|逾|超|近)?$")
#: a quote box above a label:value line: 今开:160.00港元\n最高:166.80港元\n…\n总市值:723亿港元
_QUOTE_BOX_LINE = re.compile(r"(?:^|\n)[ \t]*(?:今开|开盘价?|开市价?|最高价?|最低价?|收盘价?|现价|最新价|按盘价|昨收|前收市价?|成交额|成交量|成交金额|振幅|换手率)\s*[:：\t]")


#: a day in parentheses right before 收: 次日(Jan 9)收…
_DAY_PAREN_CLOSE = re.compile(r"(?:[(（][^()（）]{1,14}[)）]|\d{1,2}[日号])\s*收\s*(?:于|在|报)?\s*$")
#: 有20%上行空间 / 潜在升幅: the distance to a broker's target price
#: the next item of a list of uses inside a purpose phrase: 、约15%… / 、余下约15%…
#: words joining the items of a purpose (技术研发及市场拓展)
_USE_JOINER = re.compile(r"以及|及|和|与|、|并")


def _named_use(purpose: str) -> Optional[str]:
    """The use a purpose names: its first item that names one (技术研发及市场拓展 -> rd), and in
    that item the last use noun, the head of the phrase (营销智能体研发 -> rd, R&D of marketing
    agents; 海外市场营销 -> sales_marketing). Verbs (扩大, 拓展) count only when no noun names a use."""
    found = sorted(((purpose.find(w), -len(w), verb, seg) for w, seg, verb in use_words() if w in purpose))
    nouns, taken = [], -1
    for start, neg, verb, seg in found:          # the words of the purpose, left to right, no overlap
        if not verb and start >= taken:
            nouns.append((start, start - neg, seg))
            taken = start - neg
    if not nouns:
        return found[0][3] if found else None       # (only verbs: the first one written)
    first = nouns[0]
    item_end = next((j.start() for j in _USE_JOINER.finditer(purpose, first[1])), len(purpose))
    return [n for n in nouns if n[0] < item_end][-1][2]


_NEXT_SHARE = re.compile(r"、\s*(?:余下|其余|剩余|剩下)?\s*(?:约|大约|近|逾)?\s*\d")
_UPSIDE_AFTER = re.compile(r"\s*的?(?:上行空间|上涨空间|下行空间|下跌空间|潜在升幅|潜在涨幅|潜在跌幅|升幅空间|涨幅空间|上升空间)")
_AGAINST_FIRST_CLOSE = re.compile(r"(?:较|比)\s*(?:上市)?首日\s*(?:的)?\s*(?:收盘|收市)价?\s*[^，,。；;\d]{0,4}$")
_SET_TO = re.compile(r"至|到|为|达")
#: a price right after a change figure and 至: 亦跌0.9%至388.6港元
_MOVED_TO = re.compile(r"[%％]\s*(?:至|到)\s*$")
#: the close told right after a day's move: 再涨9.43%，以143.9元报收
_SENTENCE_OR_LINE_END = re.compile(r"[。\n]")
#: a conversion into another currency between two figures (约合, 折合, 相当于)
_CONVERSION = re.compile(r"约合|折合|相当于|兑|折算|换算|≈|约为|[(（]")
#: a clause that opens on a session's day (，周五单日跌…, ；今日收…)
_DAY_OPENS_CLAUSE = re.compile(r"\s*(?:今日|昨日|今天|昨天|(?:周|星期|礼拜)[一二三四五])")
#: how the session went on after its open, before a change (低开低走跌6.43%, 高开后回落): the
#: change is the day's, not the open's
_WENT_ON_AFTER_OPEN = re.compile(r"[高低]走|走[高低]|回落|回吐|收窄|扩大|收市|收盘|收报|尾盘|全日")
#: a day right before a market value (6月5日市值, 11月19日收盘总市值)
_DAY_BEFORE_CAP = re.compile(r"\d{1,2}月\d{1,2}日(?:收盘|收市)?的?(?:总)?\s*$")
#: the verb of a clause that goes on the pattern before it (市值则约…, 市值也达…)
_GOES_ON_BEFORE = re.compile(r"市值\s*(?:则|也|亦|同样)")
#: what a percentage of room to a target is followed by: 16.5%潜在上涨空间, 20%的上行空间
_ROOM_AFTER = re.compile(r"\s*的?\s*(?:潜在)?\s*(?:上涨|上升|上行|下跌|下行|升值)?\s*空间")
#: a day right before a signed rate (首日-8.2%, 首日：+46.8%)
_SIGNED_DAY = re.compile(r"(?:首日|上市首日|当日|全日)(?:表现|涨跌幅?)?\s*[:：]?\s*$")
_CLOSE_AHEAD = re.compile(r"\s*[，,]\s*(?:以|并|最终|终)?\s*[\d.]+\s*(?:港元|港币|元)?\s*(?:报收|收市|收盘|作收|收)")
_CLOSE_WORD = re.compile(r"收(?:报|市|盘|于|在)|报收")
#: share capital named right after a percent: 及扩大后股本约3.92%, 的已发行股份
_SHARE_CAPITAL = re.compile(r"[^，,。；;\d%]{0,8}(?:股本|已发行股份|已发行股|总股本)")
#: 每 and a verb right before a small sum: 每卖出一块钱, 每花1元
_EACH_BEFORE = re.compile(r"每(?![股手])[^，,。；;\d股]{0,4}$")
#: 每赚1元收入，对应约3.3元亏损 / 每收入一块钱要亏3.3元 / 每赚1元就要投入3.8元做研发: a ratio to
#: revenue written per yuan earned (group 1: a loss or R&D word before the figure)
_PER_YUAN_BEFORE = re.compile(
    r"每(?:赚|赚取|挣|实现|录得|获得|带来|进账|收|收入)\s*(?:1|一)\s*(?:元|块钱?|美元|港元)(?:的)?\s*"
    r"(?:收入|营收|营业收入)?\s*[，,]?\s*(?:就|便|都|仍|还|却)?\s*(?:要|需|需要|得|会|须)?\s*"
    r"(?:对应|伴随|换来|背负|产生)?\s*((?:净)?亏损?(?:掉|了)?|倒亏|投入|花(?:掉|费)?|砸)?\s*$")
_CLOSE_PAREN = re.compile(r"\s*[)）]")
_GROWTH_WORDS = re.compile(r"增长|增速|增幅|同比|按年|年增|上升|下降|减少|下跌")
#: 这一比例约为3.4倍: the ratio just given, for another company
_THIS_RATIO_BEFORE = re.compile(r"(这一比例|该比例|此比例|这个比例|这一比率|该比率|这一比值|这一倍数)\s*(?:则|也|亦)?\s*"
                                r"(?:进一步)?(?:约|大约|仅|只|仅仅|还)?\s*(?:为|是|达|达到|在"
                                # (这一比例降到125.9%: the ratio's later level)
                                r"|(?P<moved>(?:降|升|提升|提高|下降|回落|增|减|收窄|扩大|变)(?:到|至|为)))?\s*(?:约|大约)?\s*$")
_RATIO_UNITS = {"loss_to_revenue": "times", "rd_to_revenue": "percent", "revenue_share": "percent"}
#: ratios in percent whose level a year before may be named right after them
_LEVEL_RATIOS = frozenset(("rd_to_revenue", "gross_margin", "revenue_share"))
#: the same period a year before, or the quarter before, compared with: 较上年同期的, 比去年同期,
#: 较上一季度的
_COMPARED_YEAR_BEFORE = re.compile(r"(?:较|比|相较|相比)(?:于)?\s*(?:(?:上年|去年|上一年)同期|(?:上|前)一?个?季度?)(?:的)?\s*$")
#: a sentence or clause break between two figures (；。)
_PUNCT_BETWEEN = re.compile(r"[；;。]")
_PER_YUAN_LOSS_AFTER = re.compile(r"\s*(?:的)?\s*(?:净)?亏损")
_PER_YUAN_RD_AFTER = re.compile(r"\s*(?:的)?\s*(?:用于|用在|做|搞|在)?\s*研发")
#: the whole day's turnover right after a price: the price is the day's last, its close
_WHOLE_DAY_AFTER = re.compile(r"\s*[，,]\s*(?:全天|全日)(?:成交|共成交)")


#: Latin words right before a cue: drug discovery收入
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z &\-]{2,30}\s*$")
#: a word of change where a growth modifier was read (group 1: a fall)
_CHANGE_VERB = re.compile(r"(?:按年|同比)?(?:(下降|减少|下跌|收窄|减)|增长|增加|上升|上涨|增)")
#: a multiple, then the parenthesis of its percentage: 两倍（
_TIMES_THEN_PAREN = re.compile(r"倍\s*[(（]\s*[+]?\s*$")
#: a percentage alone in parentheses: （209.9%）
_EXACT_PERCENT_PAREN = re.compile(r"\s*[(（]\s*[+]?\d+(?:\.\d+)?\s*%\s*[)）]")
#: a multiple of the revenue right before it: 是收入的2.2倍
_TIMES_OF_REVENUE = re.compile(r"(?:是|为|相当于|达到?)\s*(?:同期|当年|全年)?\s*(?:总)?(?:收入|营收)的?\s*(?:约|近|逾)?\s*$")
#: a multiple of the margin loans brokers lent (孖展超购逾160倍), not of the subscriptions
_MARGIN_MULTIPLE = re.compile(r"孖展\s*(?:已经|已|录得|累计)?\s*超(?:额认)?购\s*(?:逾|超过?|约|近)?\s*$")
#: a tranche right before a word of proceeds: 公开发售部分集资, 国际配售募资
_TRANCHE_BEFORE = re.compile(r"(?:公开发售|公开招股|国际配售|国际发售)(?:部分|部份)?(?:所|可|预计)?\s*$")
#: the running estimate of an offer still open: 截至今午暂录孖展约120亿港元，以集资额计超购约11倍
#: (after the close, 券商借出孖展…以公开发售募资计算，超额认购910倍 is the result writers report)
_MARGIN_ESTIMATE = re.compile(r"(?:暂录|累录|暂时录得|截至今[午早]|截至中午)[^。；;]*孖展")
#: a word of an offering (not 累计募资: what funding rounds raised)
_OFFERING_WORD = re.compile(r"发行价|发售|招股|(?<!累计)募资|(?<![未没])上市|集资|IPO")
#: shares named right before 市值: the value of a block of them (解禁的基石股份市值, 所持股份市值)
_BLOCK_BEFORE_CAP = re.compile(r"(?:股份|股票|持股|所持|解禁|限售股|H股全流通部分)(?:的)?(?:总)?\s*$")
#: the wholes a share can be of, whose amount a writer may give inside it (占研发开支41.46亿元的67.3%)
_WHOLE_AMOUNTS = ("revenue", "rd_expense", "net_loss", "adjusted_net_loss", "gross_proceeds", "net_proceeds")
_WHOLE_GAP = re.compile(r"\s*(?:总额|总计|合计)?\s*(?:为|约|达|的)?\s*")
_WHOLE_OF_AFTER = re.compile(r"\s*(?:的|之)\s*(?:比重|比例|约|近|逾)?\s*[\d一二三四五六七八九十两半]")
#: a holder's stake right before 对应市值: the value of that stake (持股约2.48%，对应市值由…增至…)
_STAKE_BEFORE_CAP = re.compile(r"持(?:股|有)[^，,。；;]{0,12}%[，,]?\s*(?:对应|相当于|折合)(?:的)?\s*$")
#: a sum named right before its figure: 合计990万美元
_SUM_BEFORE = re.compile(r"(?:合计|合共|共计|总计|总共|一共)\s*(?:约|近|逾)?\s*$")
#: a valuation a round of funding set, named without 轮: 最近一次融资估值, 融资后估值
_ROUND_VALUATION = re.compile(r"(?:一次|一轮|最新|上一次|此前的?)融资(?:的|时的?|后的?)?估值(?:为|达|是)?\s*(?:约|近|逾|超过?)?\s*$")
#: the session before the one told: 较前一交易日(216.8港元的收盘价), 较昨日收盘价
_PREV_SESSION = re.compile(PREV_TRADING_DAY + r"|前日|昨日|昨天|前收|上日"
                           r"|(?:上|本)?(?:周|星期)[一二三四五]")      # (较上周五(3月6日)的收盘价: the session before)
#: an average of prices right before a figure: 平均收市价每股约, 均价为
_AVERAGE_PRICE_BEFORE = re.compile(r"(?:平均(?:收市|收盘|成交)?价|均价)\s*(?:为|是|约|每股)*\s*(?:约)?\s*(?:HK\$|港元|港币)?\s*$")
#: a price named right before its figure: 收盘价256.8港元, 开盘价为120港元
_PRICE_NAMED_BEFORE = re.compile(r"(?<![前昨])(收盘价|收市价|开盘价|开市价)\s*(?:为|是|约)?\s*(?:HK\$|港元|港币)?\s*$")
#: a price labelled with its day in parentheses: 收盘价(2026年11月20日):, 现价（2026-08-28）：
_DATED_PRICE_LABEL = re.compile(r"(?:收盘价|收市价|现价|最新价|股价)\s*[(（]\s*(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*"
                                r"\d{1,2}\s*日?\s*(?:收盘|收市)?\s*[)）]\s*[:：]?\s*(?:HK\$|港元|港币)?\s*$")
#: 较前一交易日216.8港元的收盘价: the previous session's price (its day not written)
_PREV_SESSION_BEFORE = re.compile(r"(?:较|比)\s*(?:" + PREV_TRADING_DAY + r"|前一日|上一日)\s*(?:的)?\s*(?:收盘价|收市价)?\s*$")
#: a figure restated in another currency: 约折合, 约合, 换算成 (group 1: the 约 before the verb)
_CONVERTED_BEFORE = re.compile(r"(约|大约)?(?:折合|约合|换算成|换算为|折算为|折算成)\s*(?:约|大约)?\s*$")
#: the shares a tranche ends up with: 最终分到, 获分配, 分得
_ALLOTTED_BEFORE = re.compile(r"(?:分到|分得|获分配|分配到|获配|配发(?:股份)?(?:数目)?(?:为|是)?)\s*(?:约|共)?\s*$")
#: a valuation at the offer price (以招股价上限计，估值…): the listing's market value
_AT_OFFER_PRICE = re.compile(r"(?:以|按)(?:招股价|发行价|发售价|定价)")
#: a market price a multiple is taken at: 以昨日收盘价计算, 按最新股价计
_AT_MARKET_PRICE = re.compile(r"(?:以|按|按照)[^，,。；;\d]{0,8}(?:收盘价|收市价|股价|现价|最新价)\s*(?:计算|来算|计|算)")


#: a verb of the offer right before a share count: 是次共推出3,741.95万股H股
_OFFER_VERB_BEFORE = re.compile(r"(?:推出|发售|发行|招售|出售|全球发售|(?:共|合共|一共|总共|这次|此次|是次)发)了?\s*(?:约|合共|共|合计)?\s*$")
#: a total written right before a share count: 合共3741.95万股
_TOTAL_BEFORE = re.compile(r"(?:合共|合计|共计|总计|总共|一共)\s*(?:为|达)?\s*$")
#: 上市以来累计融资总额43.48亿港元: money raised since the listing, not before it
_SINCE_LISTING = re.compile(r"上市(?:以来|后|至今)")
#: a line that announces how the proceeds are split: 集资所得将分配如下：研发约40%、…
_USES_INTRO = re.compile(r"(?:所得|集资|募资|募集资金|募得)[^。；;\d]{0,12}(?:分配|如下|使用|运用|用途)[^。；;\d]{0,4}[:：]")
#: a figure's source written after it: 3800万美元来自开放平台
#: a business line's name closing its clause, after 来自: …来自影像与设计产品。
_LINE_NAME_AFTER = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,14}?)(?:业务|板块)?(?=\s*(?:[，,。；;)）\n]|$))")
_FROM_SEGMENT = re.compile(r"\s*(?:的收入|收入)?\s*(?:来自|源自|来源于|出自)\s*(?:于)?")
#: 全日低位118.5元: the day's extreme, named as such
_DAY_EXTREME = re.compile(r"(?:全日|全天|日内|当日|盘中)(?:最低|最高|低位|高位|低点|高点)\s*(?:为|报|在|见|只有|仅|仅为|达|是)?\s*$")
#: 现在的总市值, 目前市值: the value today, not at the IPO
#: words of the present: 现在, 如今, 现时
_NOW_WORDS = r"现在|目前|当前|如今|眼下|现时"
_NOW_BEFORE = re.compile(rf"(?:{_NOW_WORDS}|最新|而家)的?(?:公司|总)?\s*$")
#: a clause about the present: …，如今已升至412亿港元
_NOW_IN_CLAUSE = re.compile(rf"[\s，,;；]*(?:而|但)?(?:{_NOW_WORDS}|时至今日)")
#: a listing told near a figure: its change against the offer price may be the first day's
_LISTING_NEAR = re.compile(r"上市|挂牌|首日|首挂|登陆|招股|暗盘")
#: the total the cornerstone investors put in, right before its figure
_CORNERSTONE_TOTAL = re.compile(r"(?:合共|合计|共计|总计|共|斥资|出资|认购|认购了|承购|加埋|成)\s*"
                                r"(?:约|近|逾|超过?|差唔多|差不多|大约|大概)?\s*"
                                r"(?:人民币|港币|港元|美元|HK\$|US\$)?\s*$")


#: a threshold a rule sets, right before the figure: 须不低于, 必须达到, 要求至少, 不得低于, 门槛为
_REQUIRED_BEFORE = re.compile(r"(?:(?:必须|须|需|需要|应|要求|规定)\s*(?:不低于|不少于|不得低于|不得少于|至少|达到?|高于|超过|在)"
                              r"|(?:不得|不应|不能|不可)\s*(?:低于|少于)|门槛(?:为|是|定为)?|最低要求(?:为|是)?)\s*$")
#: a round of funding in view (融资, C轮, 投后): a valuation over revenue is the round's
_ROUND_WORD = re.compile(r"融资|轮|投后|投前")
#: a rule's bounds announced: 要求是：, 门槛为：, 上市条件包括：
_RULE_HEAD = re.compile(r"(?:要求|规定|门槛|条件|标准)(?:是|为|包括|如下)?\s*[:：]")
#: the parallel of a figure before it: ，已商业化公司则为40亿港元
_PARALLEL_IS = re.compile(r"(?:则|亦|也)(?:为|是)\s*$")
#: a comparison with peers right before a multiple: 较美股同类推理云公司约, 高于行业平均的
_PEERS_BEFORE = re.compile(r"(?:较|比|相比|对比|高于|低于|远超|不及)[^，,。；;\d]{0,16}(?:同类|同业|同行|可比|对手|行业|板块|同侪)"
                           r"[^，,。；;\d]{0,10}$")
#: a tranche's subscription written before its multiple: 被认购了, 获认购
_SUBSCRIBED = re.compile(r"(?:超额)?认购(?:了|达|逾|约|近)?\s*")
#: the tranche a share count goes to, written after it: 在香港公开发售, 分配予国际投资者, 作国际配售
_TRANCHE_AFTER = re.compile(r"(?:股|H股)?\s*(?:将|会)?\s*(?:(在香港公开发售|于香港公开发售|供香港公开认购|在香港发售|作香港公开发售|供香港(?:散户|公众)?认购|供散户认购|供公众认购)"
                            r"|(?:分配予|分配给|分配至|配发予|拨予|拨归|留给|留予|留作|作|用作|于|在)\s*国际(?:投资者|配售|发售))")
#: a tranche's word right before its share count inside a list: (香港750万股，国际6,750万股)
_TRANCHE_LEAD = re.compile(r"[(（,，、]\s*(?:(香港|港股|公开发售|公开)|(国际|海外))(?:部分|发售|配售)?\s*(?:为|占|约)?\s*$")
#: an average per head right before a revenue cue: 平均每名标杆用户, 每位客户, 人均, 单客
_PER_HEAD = re.compile(r"(?:(?:平均)?每(?:名|位|个|家|户)[^，,。；;\d]{0,8}|(?:人均|单客户?|单个客户|客均|户均)[^，,。；;\d]{0,6})$")
#: what follows the count of funding rounds: 9轮融资, 3轮外部融资, 5轮的股权融资
#: a verb of raising right before a count of rounds: 融了8轮, 融过7轮, 一共融资8轮
_RAISED_BEFORE = re.compile(r"融(?:了|过|资)?\s*(?:共|合共|一共|总共)?\s*$")
#: money taken in, counted over the rounds a sentence has told: 累计拿到超过83亿元
_TOTAL_RAISED_BEFORE = re.compile(r"(?:累计|合共|一共|总共|共)\s*(?:拿到|获得|筹得|融得|募得|筹集|吸金|融资)了?\s*"
                                  r"(?:超过|逾|约|近|超)?\s*$")
#: the offer price named after the figure with a qualifier: 的最终发售价, 的港股发行价, 的H股招股价
_OFFER_PRICE_AFTER = re.compile(r"的(?:最终|港股|H股|香港|全球发售)?(?:发行|发售|招股|承销)价(?:格)?")
#: a company and a linking verb before a figure of the same kind as the clause before: 智谱为, 后者则有
_NEXT_COMPANY_IS = re.compile(r"[^\s，,。；;、]{1,12}?\s*(?:则|亦|也)?\s*(?:为|是|有|达|录得|获)?\s*(?:约|逾|近|超过?)?\s*")
#: what cornerstone investors did at a price: 以每股116.20港元合共认购, 以每股32元认购了
_CORNERSTONE_SUBSCRIBED = re.compile(r"\s*(?:的价格)?\s*(?:合共|合计|共|总共|一共|累计)?\s*(?:认购|认购了|认购约)")
#: a verb negated right before a ratio: 没有快出3到5倍, 并未超过20%
_NEGATED_BEFORE = re.compile(r"(?:没有|并没有|并未|并非|不是)[^，,。；;\d]{0,4}$")
#: a multiple of a figure named by a pronoun: 是它的3到5倍, 约为后者的两倍
_OF_ANOTHER_BEFORE = re.compile(r"(?:是|为|相当于|达到?|约为|约是)\s*(?:它|它们|其|对方|后者|前者|他们)的\s*(?:约|近|逾|超过?)?\s*$")
#: a percentage in tenths: 六成, 三成半, 四成四, 两成多
_TENTHS = re.compile(r"[一二两三四五六七八九十]成")
_OTHERS_BEFORE = re.compile(r"(?:其余|其他)$")
_ROUNDS_AFTER = re.compile(r"的?(?:外部|私募|股权|战略|市场化|机构)?(?:融资|投资|募资|集资)")


#: a change measured from a peak: 较…高位, 比…高点, 从…低位
_FROM_EXTREME = re.compile(r"(?:较|比|从|自)[^，,。；;]{0,24}?(?:高位|高点|低位|低点|新高|新低)")
#: 收 right before a price: 智谱收264.2元
_CLOSE_VERB = re.compile(r"收\s*(?:于|在|报)?\s*$")
#: 开 alone right after a company, before its price: 文远知行开26蚊 (its open)
#: a price said with its move right after it (a forum's quote): 收296.4，跌3.3%
_QUOTE_THEN_MOVE = re.compile(r"\s*(?:港元|港币|元|蚊)?\s*[，,]\s*(?:跌|涨|升|挫|跌幅|涨幅|升幅)\s*\d[\d.]*%")
#: 现在 / 现价 before a bare price
_NOW_QUOTE_BEFORE = re.compile(r"(?:现在|现价|而家|现时)\s*(?:是|报|在)?\s*$")
_OPEN_VERB = re.compile(r"开\s*(?:于|在|报)?\s*$")
#: 开 right after the day of the session: 首日开120蚊, 今日开…
_DAY_OPEN = re.compile(r"(?:首日|第一日|第一天|今日|昨日|琴日|当日)开\s*(?:于|在|报)?\s*$")
#: 收 right after a weekday: 上星期五收237.6蚊, 周四收…
_WEEKDAY_CLOSE = re.compile(r"(?:周|星期|礼拜)[一二三四五]\s*收\s*(?:于|在|报)?\s*$")
#: a condition opening the clause of a figure: 如果…, 假如…, 一旦…
#: a level to be reached, before a bound (要降到100%以下, 需提升至30%以上)
_TARGET_BEFORE = re.compile(r"(?:要|需要?|须|必须|才能|力争|目标是?|希望|计划)[^，,。；;\d]{0,16}?"
                            r"(?:降到|降至|降低到|降低至|控制在|压到|压缩到|回落到|提升到|提升至|提高到|提高至|升到|达到)\s*"
                            r"(?:约|近)?\s*$")
_IF_BEFORE = re.compile(r"(?:如果|假如|假设|倘若|要是|一旦|若)[^，,。；;]*$")
#: 均在 right before a figure and 以上/以下 after it: a bound of several figures
_SHARED_BOUND_BEFORE = re.compile(r"(?:均|都|皆)(?:在|于|处于)\s*$")
_BOUND_AFTER = re.compile(r"\s*(?:以上|以下|之上|之下)")
#: between a company and a multiple of its figure: 智谱的(约)2.2倍
_OF_COMPANY_BEFORE = re.compile(r"(?:[)）])?\s*的\s*(?:约|近|逾|大约)?\s*$")


#: the words between a business line and its margin told in short: 云端部署只有34.9%, 云端部署则为34.9%
_BARE_LEVEL = re.compile(r"\s*(?:业务|的)?\s*(?:则|仅|只|也|更)?\s*(?:为|是|有|达|达到|录得)?\s*(?:约|仅|只有)?\s*")
#: the whole company named right before a margin whose cue follows it: 远低于公司整体51.8%的毛利率
_WHOLE_BEFORE = re.compile(r"(公司|集团|全公司|全集团)?(?:的)?(?:整体|综合|总体)(?:的)?\s*(?:约|为|达|仅|只有|有)?\s*$")
#: a parenthesis (the examples of a segment between its name and its revenue)
_ASIDE = re.compile(r"[(（][^()（）\n]{0,60}[)）]")
#: the next company's part in a ranking of market shares: 阿里云占27.3%，智谱以5.1%位列第四
_SHARE_NEXT = re.compile(r"(?:占据?|以|拿下|份额为|份额约为)\s*(?:约|近|逾|超)?$")


class Classifier:
    """Metric decisions of the sentence reader (see the module docstring)."""

    def _classify(self, st: _State, sent: Span, a):
        """Decide the metric of one amount: a tuple, or a Miss with the reason."""
        unit = a.unit
        pos = a.start
        # an intraday peak or a grey-market trade is not a fact (一度涨超37%, 暗盘)
        nf = st.flags.get("notfact")
        if nf is not None and nf < pos and a.unit == "times" \
                and _TIMES_OF_REVENUE.search(self.text, max(nf, pos - 12), pos):
            nf = None           # 亏损额一度是收入的2.2倍: "at one time", a year's ratio, no intraday peak
        if nf is not None and nf < pos:
            hkd = unit == "HKD" or (unit == "CNY" and self.hk_yuan and not re.search(r"人民币|RMB", a.text))
            day = _DAY_EXTREME.search(self.text, max(0, pos - 8), pos) if hkd and not a.scaled else None
            if day is not None:
                # 一度回落至全日低位118.5元: the day's low, written as such
                kind = "low" if "低" in day.group() else "high"
                return (f"{kind}_price", a.value, "HKD/share", a.qualifier, None, day.group(), f"intraday-{kind}")
            if hkd and (st.price is None or st.price_pos < st.clause_start) \
                    and self.close_reported and not a.scaled:
                seg = self.text[nf:pos]
                if re.search(r"跌|回落|下探|下试|回吐", seg):
                    return ("low_price", a.value, "HKD/share", a.qualifier, None, "一度跌至", "intraday-low")
                if re.search(r"(?:涨|升|推高|冲高|抽高|扯高|攀升|飙升)\s*(?:至|到)\s*$", seg):
                    return ("high_price", a.value, "HKD/share", a.qualifier, None, "一度升至", "intraday-high")
            if hkd and st.price in ("high", "low") and st.price_pos >= st.clause_start and self.close_reported \
                    and not a.scaled:
                # 午后一度下探22.9港元 in a story of the whole day: the day's low
                return (f"{st.price}_price", a.value, "HKD/share", a.qualifier, None, "一度", f"intraday-{st.price}")
            return self._mk_miss(a, sent, "not_a_fact", "intraday peak or grey market")
        before = self.text[max(st.clause_start, pos - 10):pos]
        if a.qualifier_text and a.text.startswith(a.qualifier_text):
            before += a.qualifier_text
        if _REQUIRED_BEFORE.search(before) or ("requirement" in st.sflags and _PARALLEL_IS.search(before)) or (
                a.qualifier in ("at_least", "at_most")
                and _RULE_HEAD.search(self.text, max(st.sentence_start, pos - LOOK), pos)):
            # (18C章对已商业化公司的要求是：上市时市值不低于40亿港元: the bounds a rule sets)
            # 上市时市值须不低于80亿港元，已商业化公司则为40亿港元: a rule's thresholds, not the
            # company's figures
            st.sflags["requirement"] = pos
            return self._mk_miss(a, sent, "not_a_fact", "a requirement")
        bound = _BOUND_AFTER.match(self.text, a.end) is not None or a.text.endswith(("以上", "以下", "之上", "之下"))
        if bound and _IF_BEFORE.search(self.text, max(st.clause_start, pos - 16), pos):
            # 如果2026年收入增速掉到15%以下: a hypothetical threshold
            return self._mk_miss(a, sent, "not_a_fact", "a hypothetical threshold")
        if bound and _TARGET_BEFORE.search(self.text, max(st.clause_start, pos - 24), pos):
            # 研发开支与收入之比要降到100%以下: a level to reach, no figure of the company
            return self._mk_miss(a, sent, "not_a_fact", "a target threshold")
        if bound and not st.entities and _SHARED_BOUND_BEFORE.search(self.text, max(st.clause_start, pos - 4), pos):
            # 市销率均在百倍以上, no company named: a bound several figures share, none of them
            return self._mk_miss(a, sent, "not_a_fact", "a bound several figures share")
        if unit in ("times", "percent") and _NEGATED_BEFORE.search(self.text, max(st.clause_start, pos - 10), pos):
            # 增速却没有快出3到5倍: a figure said not to hold
            return self._mk_miss(a, sent, "not_a_fact", "a figure negated")
        if unit == "times" and self._multiple_of_other(pos):
            # MiniMax市销率差不多是智谱的2.2倍: a ratio of two companies' figures
            return self._mk_miss(a, sent, "not_a_fact", "a multiple of another company's figure")
        if unit is None and st.price is None and self.hk_doc and not a.scaled and a.unit is None \
                and BARE_CLOSE.search(self.text, max(0, pos - 4), pos):
            st.price, st.price_pos = "close", pos - 1          # 首日收131.5，涨13.17%
        if unit is None and self._bare_price(st, a):
            unit = "HKD"
            a = a.model_copy(update={"unit": unit})
            if st.base == "shares_offered" and st.base_pos > st.price_pos:
                return ("offer_price", a.value, "HKD/share", a.qualifier, None, st.base_cue, "offer-price")
        if unit is None and st.base == "board_lot" and not a.scaled and a.value == int(a.value) \
                and _LABEL_VALUE.search(self.text, max(0, pos - 4), pos):
            # 每手股数:100 (a quote box): the lot size, its unit in the label
            return ("board_lot", a.value, "shares", a.qualifier, None, st.base_cue, "cue")
        if unit is None and st.base == "x_market_cap" and a.scaled and self.hk_doc \
                and _LABEL_VALUE.search(self.text, max(0, pos - 4), pos) \
                and not re.search(r"人民币|美元|美金", self.text[st.clause_start:pos]):
            # 总市值:705.6亿 (a Hong Kong quote box): in Hong Kong dollars, as every box of the page
            a = a.model_copy(update={"unit": "HKD"})
            unit = "HKD"
        if unit is None and a.scaled and self.hk_doc and st.base == "turnover" and not a.points \
                and not re.search(r"人民币|美元|美金", self.text[max(st.clause_start, pos - LOOK):pos]):
            # 全日成交38亿 in Hong Kong copy: a Hong Kong stock trades in Hong Kong dollars
            a = a.model_copy(update={"unit": "HKD"})
            unit = "HKD"
        if unit is None and a.scaled and self.declared_currency is not None \
                and self.declared_currency[0] <= a.end + 2 and not a.points:
            # 营收7.46亿(人民币,下同)，去年同期是3.24亿: the currency the article declared
            unit = self.declared_currency[1]
            a = a.model_copy(update={"unit": unit})
        if unit is None and a.scaled and not a.points:
            # 收入是三点一二四个亿人民币，亏了二十九点五八个亿: the one currency the sentence
            # has written before the figure
            written = {t.obj.unit for t in self.ctx.stream.in_span(sent.start, a.start)
                       if t.kind == AMOUNT and t.obj.unit in CURRENCIES}
            if not written:
                # 上半年收入1.91亿,下半年5.33亿,全年7.24亿元: a list whose last figure writes the
                # currency (not a conversion after the figure: 1.91亿，约合2700万美元)
                later = [t for t in self.ctx.stream.in_span(a.end, min(sent.end, a.end + LOOK))
                         if t.kind == AMOUNT and t.obj.unit in CURRENCIES]
                if later and len({t.obj.unit for t in later}) == 1 and a.text.endswith("亿") \
                        and later[0].obj.text.endswith(("亿元", "亿港元", "亿美元")) \
                        and not _CONVERSION.search(self.text, a.end, later[0].start):
                    written = {later[0].obj.unit}
            if len(written) == 1:
                unit = written.pop()
                a = a.model_copy(update={"unit": unit})
        if unit is None:
            reason = "no_currency" if a.scaled else "no_metric_cue"
            return self._mk_miss(a, sent, reason, st.base or "")
        if unit in ("percent", "times"):
            same = self._same_ratio(st, a)
            if same is not None:
                return same
        if unit == "percent" and _TENTHS.search(a.text):
            # 占比超过六成, 毛利率不足三成, 首日升四成幾: a share in tenths is a writer's rounding
            # (no gold of fifteen sets takes one as a fact; the figure it rounds is told elsewhere)
            return self._mk_miss(a, sent, "not_a_fact", "a rough share in tenths (成)")
        if unit == "percent":
            return self._classify_percent(st, sent, a)
        if unit == "times":
            return self._classify_times(st, sent, a)
        if unit in CURRENCIES:
            return self._classify_money(st, sent, a)
        if unit == "TWD":
            # 约新台币37.5亿元: a conversion Taiwanese copy adds; the contract has no TWD figures
            return self._mk_miss(a, sent, "not_a_fact", "an amount in New Taiwan dollars")
        if unit == "shares":
            return self._classify_shares(st, sent, a)
        if unit == "count":
            return self._classify_count(st, sent, a)
        return self._mk_miss(a, sent, "no_metric_cue", unit or "")

    def _as_of_date(self, sent: Span, pos: int) -> bool:
        """截至2026年1月12日，…总市值约932亿港元: a day written with 截至 before the figure."""
        return any(t.kind == "date" and re.search(r"(?:截至|截止到?)\s*$", self.text[max(0, t.start - 4):t.start])
                   for t in self.ctx.stream.in_span(max(sent.start, pos - LOOK), pos))

    def _after_first_day(self, st: _State, sent: Span, a) -> bool:
        """The trading day of ``a`` is known and is not the company's listing day."""
        ent = st.entity or self.ctx.main_entity or ""
        listed = self.ctx.listing_dates.get(ent) or known_listings().get(ent)
        if listed is None:
            # (晨芯微收报19.08港元，较18.60港元的发行价高2.6%, in an article on no first day)
            return not self.ctx.first_day_article and "first_day" not in st.sflags \
                and not _LISTING_NEAR.search(self.text, max(st.sentence_start, a.start - 30), a.start)
        day = self._trading_day(st, sent, a)
        return day is not None and day != listed

    def _bare_price(self, st: _State, a) -> bool:
        """``收盘28.58`` / ``发行价116.2``: in Hong Kong copy a plain number written right after a
        price word is a price in Hong Kong dollars (forums and quick notes drop the unit)."""
        if a.scaled or a.points or a.qualifier == "range" or not self.hk_doc:
            return False
        if not (Decimal("0.01") <= a.value < 10000) or (a.value == int(a.value) and a.value >= 1900):
            return False
        if st.price is None and st.base not in ("offer_price", "x_mid_price", "shares_offered"):
            # 智谱收296.4，跌3.3%; 现在402.6，跌3.91% (a forum's quick quote): a price and its move
            return _QUOTE_THEN_MOVE.match(self.text, a.end) is not None and (
                _NOW_QUOTE_BEFORE.search(self.text, max(0, a.start - 4), a.start) is not None
                or self._named_verb(a.start, _CLOSE_VERB) or self._named_verb(a.start, _OPEN_VERB))
        if a.qualifier_text in ("最高", "最低") and st.price is not None and st.price_pos >= st.clause_start:
            return True         # 今开 50.350 最高 52.600 (a quote card): the day's high
        m = BARE_PRICE_BEFORE.search(self.text, max(0, a.start - 8), a.start)
        if m is not None and st.base == "shares_offered" and st.base_pos > st.price_pos:
            # 发行15.5: the offer price; only right after 发行/发售, never after a share count word
            return bool(re.match(r"发行|发售", m.group())) and a.value < 1000
        return m is not None

    def _named_verb(self, pos: int, verb: re.Pattern) -> bool:
        """A company's name right before a verb ending at ``pos`` (智谱收, 文远知行开)."""
        m = verb.search(self.text, max(0, pos - 4), pos)
        return m is not None and any(t.kind in (ENTITY, TICKER) and not self.text[t.end:m.start()].strip(" )）\u3000")
                                     for t in self.ctx.stream.in_span(max(0, m.start() - 24), m.start()))

    def _postfix(self, a, words: tuple[str, ...], window: int = 8) -> Optional[str]:
        """The first of ``words`` written right after the amount (``的`` may stand between)."""
        after = self.text[a.end:a.end + window]
        for w in words:
            if after.startswith(w) or after.startswith("的" + w):
                return w
        return None

    def _same_ratio(self, st: _State, a):
        """MiniMax的这一比例约为3.4倍: the ratio the sentence before (or this one) just gave,
        for the company of this clause; in that ratio's unit."""
        m = _THIS_RATIO_BEFORE.search(self.text, max(st.clause_start, a.start - 16), a.start)
        if m is None:
            return None
        last = next((d for d in reversed(self.drafts[-6:]) if d.metric in _RATIO_UNITS), None)
        if last is None or a.start - last.end > 160:
            return None
        if m.group("moved") and (a.unit == "times") == self.text.startswith("倍", last.end - 1):
            return None     # (这一比例降至约4.1倍 after 约为收入的6倍: the chain of levels reads it)
        unit = _RATIO_UNITS[last.metric]
        value = a.value if a.unit == unit else a.value * 100 if unit == "percent" else a.value / 100
        return (last.metric, value, unit, a.qualifier, last.segment, m.group(1), "same-ratio")

    def _classify_money(self, st: _State, sent: Span, a):
        pos = a.start
        base = st.base
        if base is None and a.scaled and _TOTAL_RAISED_BEFORE.search(self.text, max(st.sentence_start, pos - 10), pos) \
                and self._pre_ipo_funding(st, pos):
            # 智谱在上市前一共融了8轮，累计拿到超过83亿元: the total of the rounds
            return self._fact("total_funding", a, None, "累计", "funding")
        if not a.scaled and not a.per_share and 0 < a.value <= 100:
            per = _PER_YUAN_BEFORE.search(self.text, max(st.sentence_start, pos - 30), pos)
            word = (per.group(1) or "") if per is not None else ""
            if per is not None and ("亏" in word or (not word and _PER_YUAN_LOSS_AFTER.match(self.text, a.end))):
                # 每赚1元收入，对应约3.3元亏损: the loss is 3.3 times the revenue
                return ("loss_to_revenue", a.value, "times", a.qualifier, None, per.group(), "per-yuan")
            if per is not None and _PER_YUAN_RD_AFTER.match(self.text, a.end) and "亏" not in word:
                # 每赚1元要投入3.8元做研发: R&D is 380% of revenue
                return ("rd_to_revenue", a.value * 100, "percent", a.qualifier, None, per.group(), "per-yuan")
        if not a.scaled and not a.per_share and abs(a.value) <= 100 and _EACH_BEFORE.search(self.text, max(st.clause_start, pos - 6), pos):
            # 每卖出一块钱都在亏成本: a unit of reckoning, not a figure
            return self._mk_miss(a, sent, "not_a_fact", "a unit of reckoning (每…一块钱)")
        if base in ("revenue", "net_loss") and st.base_pos >= st.sentence_start and _PER_HEAD.search(
                self.text, max(st.sentence_start, st.base_pos - 12), st.base_pos):
            # 平均每名标杆用户收入约1,070万元: an average per customer, not the company's revenue
            # (单客户年均贡献收入，从2024年的126.4千元降至…: the clauses after it too)
            return self._mk_miss(a, sent, "not_a_fact", f"{base} per customer")
        if re.search(r"(?<![\d.])[百千万]+亿", a.text) and not re.search(r"\d", a.text):
            # 市值突破千亿港元: an order of magnitude, not a figure
            return self._mk_miss(a, sent, "not_a_fact", "order of magnitude")
        whole = st.denominator_cue
        if st.mod == "share_of" and whole is not None and st.denominator in _WHOLE_AMOUNTS \
                and st.clause_start <= whole[0] <= pos and _WHOLE_GAP.fullmatch(self.text, whole[0], pos) \
                and _WHOLE_OF_AFTER.match(self.text, a.end):
            # 算力成本…占当年研发开支41.46亿元的67.3%: the amount of the whole, told inside the share
            return self._fact(st.denominator, a, None, whole[1], "share-whole")
        prev = self.drafts[-1] if self.drafts else None
        if prev is not None and prev.unit == "percent" and re.search(
                r"[(（]\s*(?:约|約)?\s*$", self.text[max(0, pos - 3):pos]) and prev.end >= pos - 4:
            return self._mk_miss(a, sent, "not_a_fact", f"the amount of a {prev.metric} share")
        text_before = self.text[max(st.clause_start, pos - 6):pos]
        # per-share prices
        if a.per_share or (a.unit == "HKD" and not a.scaled and a.value < 10000) or (
                a.unit == "CNY" and self.hk_yuan and not a.scaled and a.value < 10000
                and "人民币" not in a.text and "RMB" not in a.text):
            if not a.per_share and _GAIN.search(self.text, max(st.clause_start, pos - 8), pos):
                # 按今天收盘价浮盈3,360港元: a gain at that price, not a price
                return self._mk_miss(a, sent, "not_a_fact", "a gain or loss in money")
            r = self._classify_price(st, sent, a)
            if r is not None:
                return r
            if a.per_share:
                return self._mk_miss(a, sent, "no_metric_cue", "per-share price without a price cue")
            if base == "turnover" and not a.scaled:
                # 成交额38.6亿元；较周二盘中创下的398元…: a price-sized figure is no day's turnover
                return self._mk_miss(a, sent, "no_metric_cue", "too small for a turnover")
        if base is None:
            post = self._postfix(a, ("收入", "营收", "研发", "募资", "净亏损", "亏损"))
            if post in ("收入", "营收"):
                return self._fact("revenue", a, st.segment, post, "postfix")
            if "cornerstone" in st.sflags and st.sflags["cornerstone"] < pos and "sub" not in st.flags \
                    and _CORNERSTONE_TOTAL.search(self.text, max(st.clause_start, pos - 8), pos):
                # 引入7名基石投资者，共斥资约1.5亿美元 / 基石投资者:9名，合共约13.5亿港元
                return self._fact("cornerstone_amount", a, None, "基石", "cornerstone")
            return self._mk_miss(a, sent, "no_metric_cue", "")
        if DELTA_BEFORE.search(text_before) or (st.mod == "delta" and st.mod_pos > st.base_pos) or (
                st.mod in ("growth", "decline") and st.mod_pos > st.base_pos
                and not _SET_TO.search(self.text, max(st.mod_pos, pos - LOOK), pos)):
            return self._mk_miss(a, sent, "not_a_fact", "a change, not a level")
        if base == "x_time_deposit" and st.prev_base == "cash" and st.prev_base_pos >= st.clause_start and \
                re.search(r"合计|共计|总计|合共", self.text[st.base_pos:pos]):
            # 现金及现金等价物、定期存款合计16.8亿美元: the cash the company reports
            return self._fact("cash", a, None, "现金…合计", "cash-total")
        if base == "market_cap_at_ipo" and st.base_pos < st.clause_start \
                and _NOW_IN_CLAUSE.match(self.text, st.clause_start, pos):
            # 上市时的市值约为186亿港元，如今已升至412亿港元: today's value, not the listing's
            return self._fact("market_cap", a, None, st.base_cue, "market-cap-trading")
        if base == "x_market_cap" and (_BLOCK_BEFORE_CAP.search(self.text, max(st.clause_start, st.base_pos - 8),
                                                              st.base_pos)
                                       or _STAKE_BEFORE_CAP.search(self.text, max(st.sentence_start, st.base_pos - 24),
                                                                   st.base_pos)):
            # 此次解禁的基石股份市值约68.83亿港元, 所持股份市值: a block of shares, not the company
            return self._mk_miss(a, sent, "no_metric_cue", "the value of a block of shares")
        if base == "x_market_cap":
            if not a.scaled and abs(a.value) < 10**6:
                return self._mk_miss(a, sent, "no_metric_cue", "too small for a market value")
            conv = _CONVERTED_BEFORE.search(self.text, max(st.base_pos, pos - 6), pos)
            if (conv is not None or "合" in (a.qualifier_text or "")) and any(
                    d.metric == "market_cap" and d.entity == (st.entity or self.ctx.main_entity)
                    for d in self.drafts):
                # 按1港元兑0.91元人民币计，智谱市值约折合1,055亿元人民币: the cap just given, converted
                q = "approx" if conv is not None and conv.group(1) and a.qualifier == "exact" else a.qualifier
                return ("market_cap", a.value, a.unit, q, None, st.base_cue, "market-cap-converted")
            if self._trading_context(st, pos) or self._as_of_date(sent, pos) or \
                    _DAY_BEFORE_CAP.search(self.text, max(st.clause_start, st.base_pos - 12), st.base_pos) or \
                    self._cap_goes_on(st, sent, pos) or self._close_on_line_above(st, pos) or \
                    _NOW_BEFORE.search(self.text, max(0, st.base_pos - 6), st.base_pos) or (
                    self.hk_doc and _LABEL_VALUE.search(self.text, max(0, pos - 4), pos)
                    and not self._ipo_context(st, pos)) or self._in_quote_box(pos):
                # (总市值:705.6亿 in a quote box: the value at the time of the quote)
                return self._fact("market_cap", a, None, st.base_cue, "market-cap-trading")
            if self._ipo_context(st, pos):
                return self._fact("market_cap_at_ipo", a, None, st.base_cue, "market-cap-ipo")
            return self._mk_miss(a, sent, "no_metric_cue", "market cap: neither IPO nor trading day")
        if base == "x_funding":
            # (from the last semicolon on: …投后估值在最后一轮达到约40亿美元；智谱上市前融资8轮，总额…)
            lo = max(st.sentence_start, pos - LOOK)
            semi = max(self.text.rfind("；", lo, pos), self.text.rfind(";", lo, pos))
            clause = self.text[max(lo, semi + 1):pos + 8]
            if re.search(r"(?:最新|这|该|本|上|首|一|单)轮|[A-F]\+?轮|天使轮|战略投资", clause):
                return self._mk_miss(a, sent, "no_metric_cue", "amount of a single funding round")
            if self._funding_context(st, pos):
                if _SINCE_LISTING.search(self.text, max(st.sentence_start, pos - 40), pos):
                    return self._mk_miss(a, sent, "no_metric_cue", "financing since the listing")
                if not re.search(r"累计|合计|共计|总计|总额|合共|一共|共获|共募|共融", self.text[max(st.sentence_start, pos - LOOK):pos + 6]):
                    return self._mk_miss(a, sent, "no_metric_cue", "funding amount without a total")
                return self._fact("total_funding", a, None, st.base_cue, "funding")
            if self._ipo_context(st, pos):
                return self._fact("gross_proceeds", a, None, st.base_cue, "proceeds")
            return self._mk_miss(a, sent, "no_metric_cue", "financing: neither IPO nor funding round")
        if base == "x_offer_size" and self._ipo_context(st, pos):
            return self._fact("gross_proceeds", a, None, st.base_cue, "offer-size")
        if base == "x_valuation":
            if not a.scaled and abs(a.value) < 10**6:
                # 较招股时的估值高出一大截——智谱以116.2元招股时: a price, no valuation
                return self._mk_miss(a, sent, "no_metric_cue", "too small for a valuation")
            if _ROUND_VALUATION.search(self.text, max(st.clause_start, pos - 12), pos) or (
                    self._funding_context(st, pos) and not self._ipo_context(st, pos)):
                # (上市前最后一次融资估值约243.8亿元: a round's valuation, even beside the listing)
                return self._fact("post_money_valuation", a, None, st.base_cue, "valuation")
            if self._ipo_context(st, pos) and not self._funding_context(st, pos):
                return self._fact("market_cap_at_ipo", a, None, st.base_cue, "valuation-ipo")
            return self._mk_miss(a, sent, "no_metric_cue", "valuation")
        if base == "x_subscription":
            if "cornerstone" in st.sflags and "sub" not in st.flags:
                return self._fact("cornerstone_amount", a, None, st.base_cue, "cornerstone")
            if _SUM_BEFORE.search(self.text, max(st.clause_start, pos - 4), pos) and self._cornerstone_paragraph(pos):
                # 获得了两家基石投资者的订单。其中，…分别斥资690万美元、300万美元参与认购，合计990万美元
                return self._fact("cornerstone_amount", a, None, "合计", "cornerstone-total")
            return self._mk_miss(a, sent, "no_metric_cue", "subscription amount")
        if base == "x_net_profit":
            if a.value < 0:
                return ("net_loss", -a.value, a.unit, a.qualifier, None, st.base_cue, "negative-profit")
            return self._mk_miss(a, sent, "no_metric_cue", "profit")
        if base.startswith("x_"):
            return self._mk_miss(a, sent, "no_metric_cue", base[2:])
        if base in self.currency_metrics:
            if st.base_pos < st.clause_start and self.metrics[base].family == "financial" and (
                    "ipo" in st.flags or re.search(r"募资|集资|IPO", self.text[max(st.clause_start, pos - LOOK):pos])):
                return self._mk_miss(a, sent, "no_metric_cue", f"{base} carried into a clause about the IPO")
            if base in ("gross_proceeds", "net_proceeds") and (
                    "cornerstone" in st.flags or st.base_pos < st.sflags.get("cornerstone", -1) < pos):
                # (…可集资约38.34亿至41.89亿港元；基石方面，14名投资者合共承购3.5亿美元)
                return self._fact("cornerstone_amount", a, None, st.base_cue, "cornerstone")
            if base == "gross_proceeds" and ("net" in st.flags or self._postfix(a, ("净额",), 3)):
                # (募集的约30.41亿港元净额: the net amount named after the figure)
                return self._fact("net_proceeds", a, None, st.base_cue, "net-proceeds")
            if base in ("gross_proceeds", "net_proceeds") and st.base_pos >= 0 and _TRANCHE_BEFORE.search(
                    self.text, max(st.clause_start, st.base_pos - 12), st.base_pos):
                # 以公开发售集资1.1亿港元计算: what one tranche raises, not the offer's proceeds
                return self._mk_miss(a, sent, "not_a_fact", "proceeds of one tranche")
            if base == "gross_proceeds" and self._pre_ipo_funding(st, pos):
                return self._fact("total_funding", a, None, st.base_cue, "funding")
            if base == "total_funding" and self._ipo_context(st, pos) and not self._funding_context(st, pos):
                return self._mk_miss(a, sent, "no_metric_cue", "funding vs proceeds unclear")
            if base == "total_funding" and _SINCE_LISTING.search(self.text, max(st.sentence_start, pos - 40), pos):
                return self._mk_miss(a, sent, "no_metric_cue", "financing since the listing")
            cum = st.flags.get("cumulative")
            told = {d.segment for d in self.drafts if d.sent == sent and d.segment and d.start < cum} \
                if cum is not None and cum < pos and base in ("revenue", "gross_profit") else set()
            if len(told) >= 2 and (st.segment is None or st.segment in told):
                # 本地化部署收入A，云端部署收入B，合计C: the sum of the segments, the total (not
                # …；包括…在内的X创新业务收入合计3.7亿元: a line of its own, named after them)
                del st.flags["cumulative"]
                st.segment = None
            seg = st.segment if base in ("revenue", "gross_profit") else None
            if base == "revenue":
                after = self._segment_after(a)
                if after is not None:
                    # 另有3800万美元来自开放平台及企业服务，占比33.9%: the segment named after the figure
                    seg = st.segment = after.obj.value
                    st.segment_pos, st.segment_end = after.start, after.end
            if self.metrics[base].family == "financial" and HYPOTHETICAL.search(self.text, max(0, st.sentence_start - 1, pos - LOOK), pos):
                # 若智谱维持6.6%份额，营收仅约67亿元: a figure of a supposition
                return self._mk_miss(a, sent, "not_a_fact", f"a hypothetical {base}")
            if self.metrics[base].family == "financial" and _ANNUALIZED.search(
                    self.text, max(st.sentence_start, pos - 16), pos):
                # 前九个月收入13.6亿元，年化计大约18亿元: a run rate, no figure of a period
                return self._mk_miss(a, sent, "not_a_fact", f"an annualized {base}")
            if self.metrics[base].family == "financial" and not a.scaled and abs(a.value) < 10**5:
                # 总收益约6926港元: a personal sum, not a listed company's figure
                return self._mk_miss(a, sent, "no_metric_cue", f"too small for a company's {base}")
            if base == "net_loss" and (st.sflags.get("adjusted", pos) < pos or _ADJUSTED_PAREN_BEFORE.search(
                    self.text, max(0, st.base_pos - 30), st.base_pos)):
                base = "adjusted_net_loss"      # 按经调整口径，…净亏损 (not the figures before it)
            if base in LOSSES and a.value < 0:
                return (base, -a.value, a.unit, a.qualifier, None, st.base_cue, "loss")
            if st.base_pos >= st.clause_start and COMPONENT.match(
                    re.sub(r"[(（][^()（）]*[)）]", "", self._between_cue_and(st, a))):
                # 净亏损含优先股公允价值变动约5.1亿美元: a part of the metric, not the metric
                return self._mk_miss(a, sent, "no_metric_cue", f"a component of {base}")
            if base == "revenue" and seg is None and (latin := self._latin_segment(st)) is not None:
                seg = st.segment = latin        # drug discovery收入RMB218mn: the line's own words
                st.segment_pos, st.segment_end = st.base_pos - 1, st.base_pos
            if base == "revenue" and seg is None and self._unnamed_line(st, pos):
                return self._mk_miss(a, sent, "no_metric_cue", "revenue of a business line with no segment name")
            return self._fact(base, a, seg, st.base_cue, "cue")
        if "cornerstone" in st.sflags and st.base_pos < st.sflags["cornerstone"] < pos and "sub" not in st.flags \
                and _CORNERSTONE_TOTAL.search(self.text, max(st.clause_start, pos - 8), pos):
            # …认购倍数为15.28倍；另有11家基石投资者，合共出资约29.8亿港元: the cornerstones' total
            return self._fact("cornerstone_amount", a, None, "基石", "cornerstone")
        return self._mk_miss(a, sent, "unit_mismatch", f"{base} is not an amount of money")

    def _classify_price(self, st: _State, sent: Span, a):
        """HKD per-share figures: offer price or a trading price."""
        pos = a.start
        if DELTA_BEFORE.search(self.text, max(0, pos - 8), pos):
            return self._mk_miss(a, sent, "not_a_fact", "a change, not a level")     # 较招股价高出3.8元
        if VS_PRICE.search(self.text, max(st.clause_start, pos - 30), pos):
            # 较招股价165元高46元或27.88%: the change against the price, in dollars
            return self._mk_miss(a, sent, "not_a_fact", "a change against a price, not a level")
        if _AVERAGE_PRICE_BEFORE.search(self.text, max(st.clause_start, pos - 12), pos):
            # 前五个连续交易日的平均收市价每股约251.96港元: an average over days, no session's price
            return self._mk_miss(a, sent, "not_a_fact", "an average price over several days")
        if _PREV_SESSION_BEFORE.search(self.text, max(0, pos - 12), pos):
            # 较前一交易日216.8港元的收盘价上涨6.92%: the session before's close, whose day is not
            # written (a holiday may stand between)
            return self._mk_miss(a, sent, "not_a_fact", "the previous session's price")
        post = self._postfix(a, ("的全日高位", "的全日高点", "的全日最高", "的日内高位", "的日内高点",
                                 "的全日低位", "的全日低点", "的全日最低", "的日内低位", "的日内低点",
                                 "的全天高位", "的全天低位", "的全天最高", "的全天最低"), window=8)
        if post and self._trading_context(st, pos):
            # 开市后不久触及92.45元的全日高位: the day's high named after the price
            kind = "high" if "高" in post else "low"
            return self._price_fact(f"{kind}_price", a, post, "trading-postfix")
        extreme = _DAY_EXTREME.search(self.text, max(st.clause_start, pos - 10), pos)
        if extreme is not None and self._trading_context(st, pos):
            # 全日高位只有405.6元: the day's high, named before the price
            kind = "low" if "低" in extreme.group() else "high"
            return self._price_fact(f"{kind}_price", a, "全日", "trading")
        post = self._postfix(a, ("的上市高位", "上市高位", "的上市以来高位", "上市以来高位", "的上市新高", "上市新高",
                                 "的上市低位", "上市低位", "的上市以来低位", "上市以来低位",
                                 "的历史新高", "历史新高", "的历史高位", "的历史新低", "历史新低", "的历史低位"), window=8)
        lo = max(st.clause_start, pos - LOOK)
        if post and (WEEKDAY.search(self.text, lo, pos) is not None or any(
                t.kind == DATE for t in self.ctx.stream.in_span(lo, pos))):
            # 较周二盘中创下的398元上市高位: the high since listing, reached in the session named
            kind = "high" if "高" in post else "low"
            return self._price_fact(f"{kind}_price", a, post, "trading-postfix")
        if st.base == "offer_price" and st.base_pos > st.price_pos and st.base_pos >= st.clause_start \
                and len(self._between_cue_and(st, a)) <= 3:
            return self._price_fact("offer_price", a, st.base_cue, "offer-price")   # 较招股价26.5港元高开…
        if _DATED_PRICE_LABEL.search(self.text, max(0, pos - 32), pos):
            # 收盘价(2026年11月20日):HK$52.30, 现价（2026-08-28）：HK$288.60 (a note's header): that day's close
            return self._price_fact("close_price", a, "收盘价(日期)", "trading")
        named = _PRICE_NAMED_BEFORE.search(self.text, max(st.clause_start, pos - 8), pos)
        post = self._postfix(a, ("的价格开盘", "开盘", "开市", "开出", "高开", "低开", "的价格收盘", "收盘", "收市",
                                 "报收", "作收", "收官"), window=8) if named is None else None
        if named is not None and self._trading_context(st, pos):
            # 较前一日(10月13日)收盘价256.8港元低开0.9%: the price named right before it, not the
            # verb after it (which tells of the session's own open)
            return self._price_fact("open_price" if "开" in named.group(1) else "close_price", a,
                                    named.group(1), "trading")
        if post:        # 以120港元开盘: the verb after the price says which price it is
            kind = "open" if "开" in post else "close"
            # (…开出，较招股价高3.27%: the change after it is that price's)
            st.price, st.price_pos = kind, a.end
            return self._price_fact(f"{kind}_price", a, post, "trading-postfix")
        if st.base == "offer_price" and st.base_pos > st.price_pos and st.base_pos >= st.clause_start:
            return self._price_fact("offer_price", a, st.base_cue, "offer-price")
        post = self._postfix(a, ("的发行价", "发行价", "的招股价", "的发售价", "的承销价", "承销价", "发行", "发售", "的定价", "定价",
                                 "配售"))
        if post is None and (named := _OFFER_PRICE_AFTER.match(self.text, a.end)) is not None:
            post = named.group()        # 按每股19.60港元的最终发售价, 较27.10港元的港股发行价
        if post:
            return self._price_fact("offer_price", a, post, "offer-price-postfix")
        if re.match(r"(?:的价格)?\s*(?:在|于)?[^，,。；;\d]{0,6}?(?:上市|挂牌|登陆|登录|招股|公开发售|发售)", self.text[a.end:a.end + 12]) \
                and re.search(r"以\s*(?:每股)?$", self.text[max(0, a.start - 4):a.start]):
            return self._price_fact("offer_price", a, "以…上市", "offer-price-listing")
        if st.sflags.get("cornerstone", pos) < pos and _CORNERSTONE_SUBSCRIBED.match(self.text, a.end) \
                and re.search(r"以\s*(?:每股)?$", self.text[max(0, a.start - 4):a.start]):
            # 基石投资者当时以每股116.20港元合共认购…: cornerstone investors take their shares at the
            # offer price (a Hong Kong listing rule), so the price they paid is the offer price
            return self._price_fact("offer_price", a, "基石…以…认购", "offer-price-cornerstone")
        if self._named_verb(pos, _CLOSE_VERB):
            st.price, st.price_pos = "close", pos - 1      # 智谱收264.2元，升1.5%: the company's close
            return self._price_fact("close_price", a, "收", "trading")
        if self._trading_context(st, pos) and (self._named_verb(pos, _OPEN_VERB)
                                               or _DAY_OPEN.search(self.text, max(0, pos - 8), pos)):
            st.price, st.price_pos = "open", pos - 1       # 文远知行开26蚊, 首日开120蚊: the open
            return self._price_fact("open_price", a, "开", "trading")
        if _NOW_BEFORE.search(self.text, max(0, pos - 4), pos) and _QUOTE_THEN_MOVE.match(self.text, a.end):
            st.price, st.price_pos = "last", pos - 1       # 现在402.6，跌3.91%: the price as written
            return self._price_fact("last_price", a, "现在", "trading")
        if SHORT_CLOSE.search(self.text, max(0, pos - 6), pos) and (
                self._trading_context(st, pos) or self._dated_close(pos) or "yesterday" in st.sflags
                or _WEEKDAY_CLOSE.search(self.text, max(0, pos - 8), pos)
                or (st.change is not None and st.change_pos >= st.sentence_start)):
            st.price, st.price_pos = "close", pos - 1      # MiniMax(00100)收398港元，跌2.1%
            return self._price_fact("close_price", a, "收", "trading")
        if _MOVED_TO.search(self.text, max(0, pos - 4), pos) and st.change is not None \
                and st.change_pos >= st.clause_start and (
                    self._trading_context(st, pos) or self._company_moves(st, pos)):
            # (天数智芯(09903)升0.9%至152.4元，市值约373亿元: a stock's move, then its cap)
            st.sflags.setdefault("trading", pos)
            # 亦跌0.9%至388.6港元: where the move ended; the close in a sentence that reports closes
            if st.price in ("open", "close", "high", "low") and st.price_pos >= st.clause_start:
                kind = st.price         # 开盘即跳涨82.14%至35.7港元
            else:
                # (天数智芯则回软，跌2.3%至157.1元 after a sentence on another stock's close: its close too)
                lo = st.sentence_start if not re.search(r"[则亦也]", self.text[st.sentence_start:pos]) \
                    else max(0, st.sentence_start - LOOK)
                kind = "close" if _CLOSE_WORD.search(self.text, max(lo, pos - 2 * LOOK), pos) or \
                    _WHOLE_DAY_AFTER.match(self.text, a.end) else "last"    # (…至143.9港元，全天成交31.6亿)
            return self._price_fact(f"{kind}_price", a, "至", "trading-moved-to")
        if a.qualifier_text in ("最高", "最低") and self._trading_context(st, pos):
            kind = "high" if a.qualifier_text == "最高" else "low"
            return (f"{kind}_price", a.value, "HKD/share", "exact", None, a.qualifier_text, "trading")
        if st.price is not None and (st.clause_start <= st.price_pos < pos or (
                st.price_pos < pos and re.search(r"股价\s*(?:为|报|是|收于|收在)?\s*$", self.text[max(0, pos - 6):pos]))) \
                and self._trading_context(st, pos):
            # (截至1月19日收盘，公司股价285.2港元: the price word of the clause before)
            kind = st.price
            if kind == "prev":
                # 前收市:129.8 (a quote box): the close of a session whose day is not written
                return self._mk_miss(a, sent, "not_a_fact", "the previous close")
            if kind in ("high", "low") and "notfact" in st.sflags and not self.close_reported:
                # 今早一度急升17%，高见468元: an intraday peak while the day is still running
                return self._mk_miss(a, sent, "not_a_fact", "intraday peak before the close")
            return self._price_fact(f"{kind}_price", a, kind, "trading")
        if st.base == "offer_price" and st.base_pos > st.price_pos and not (
                st.base_pos < st.clause_start and COMPARE_BEFORE.search(self.text, max(0, st.base_pos - 3), st.base_pos)):
            # (首日即较发行价翻倍，…随后在400港元至480港元区间反复震荡: the price compared with
            # in a clause before names no price of a later one)
            return self._price_fact("offer_price", a, st.base_cue, "offer-price")
        return None

    def _price_fact(self, metric, a, cue, rule):
        return (metric, a.value, "HKD/share", a.qualifier, None, cue, rule)

    def _classify_percent(self, st: _State, sent: Span, a):
        pos = a.start
        last = self.drafts[-1] if self.drafts else None
        if last is not None and last.metric in _LEVEL_RATIOS and last.sent == sent and 0 <= pos - last.end <= 40 \
                and _COMPARED_YEAR_BEFORE.search(self.text, max(st.clause_start, pos - 10), pos) \
                and not _PUNCT_BETWEEN.search(self.text, last.end, pos):
            # 研发开支占收入的比例为462.6%，较上年同期的835.5%大幅回落: the same ratio a year before
            return (last.metric, a.value, "percent", a.qualifier, last.segment, "较上年同期", "compared-ratio")
        use = self._use_of_proceeds(st, a)
        if use is not None:
            return ("use_of_proceeds", a.value, "percent", a.qualifier, use, "用于", "use-of-proceeds")
        if a.points:
            return self._mk_miss(a, sent, "no_metric_cue", "percentage points")
        if st.base in ("revenue", "net_loss") and st.sentence_start <= st.base_pos < st.mod_pos < pos \
                and _TIMES_THEN_PAREN.search(self.text, max(st.sentence_start, pos - 4), pos) \
                and (verb := _CHANGE_VERB.match(self.text, st.mod_pos)) is not None:
            # 按年增长约两倍（209.9%）: the growth written exactly after its multiple
            metric = "revenue_growth" if st.base == "revenue" else "net_loss_growth"
            value = -a.value if verb.group(1) else a.value
            return (metric, value, "percent", a.qualifier, self._growth_segment(st, metric), st.base_cue, "growth-paren")
        if _UPSIDE_AFTER.match(self.text, a.end):
            # 较8月26日收盘价241.6港元有20%上行空间: a target's distance from the price, no change
            return self._mk_miss(a, sent, "not_a_fact", "upside or downside to a target")
        if _AGAINST_FIRST_CLOSE.search(self.text, max(st.clause_start, pos - 16), pos):
            # 周五收报124.8港元，较首日收盘回落5%: a move over several days, not the day's change
            return self._mk_miss(a, sent, "not_a_fact", "a move against the first day's close")
        if self._postfix(a, ("的份额", "的市场份额", "的市占率", "的市场占有率", "市场份额")):
            return ("market_share", a.value, "percent", a.qualifier, None, "份额", "market-share-postfix")
        if (nxt := _SHARE_NEXT.search(self.text, max(st.clause_start, pos - 4), pos)) is not None and any(
                d.metric == "market_share" and d.sent == sent for d in self.drafts[-4:]) and any(
                t.kind == ENTITY and not self.text[t.end:nxt.start()].strip()
                for t in self.ctx.stream.in_span(st.clause_start, nxt.start())):
            # 火山引擎以46.4%的份额居首，阿里云占27.3%: the ranking goes on, company by company
            return ("market_share", a.value, "percent", a.qualifier, None, "份额", "market-share-list")
        share_from = re.match(r"\s*的?(?:收入|营收|收益)(?:来自|来源于|源自|由)", self.text[a.end:a.end + 12])
        if share_from is None and (st.base == "revenue" and st.base_pos >= st.sentence_start
                                   or _REST_BEFORE.search(self.text, max(st.clause_start, pos - 4), pos)):
            # 收入中约15.5%来自云端部署, 其余约15.5%来自云端部署: the revenue named before
            share_from = re.match(r"\s*(?:来自|来源于|源自)", self.text[a.end:a.end + 8])
        if share_from is not None:
            # 有84.5%的收入来自本地化部署: the share of that segment
            segs = [c for c in find_cues(self.text, a.end + share_from.end(),
                                         min(len(self.text), a.end + share_from.end() + 24)) if c.kind == "seg"]
            # (来自Talkie、海螺AI等AI原生应用: the line the examples belong to)
            seg = next((c.value for c in segs if self.text[max(0, c.start - 1):c.start] == "等"),
                       segs[0].value if segs else None)
            if seg is not None:
                return ("revenue_share", a.value, "percent", a.qualifier, seg, "的收入来自", "share-from")
        # parenthetical percent after an amount: 2023年5.29亿元(425%), 1.245亿元(+117%)
        paren = self._paren_percent_role(st, a)
        if paren is not None:
            return paren
        # trading-day changes
        if _ROOM_AFTER.match(self.text, a.end):
            # 仍有约16.5%潜在上涨空间: how far a target stands from the price, no move
            return self._mk_miss(a, sent, "not_a_fact", "room to a target price")
        lo = max(st.clause_start, pos - 24)
        near = self.text[lo:pos]
        m = VS_PRICE.search(self.text, lo, pos) if "较" in near or "比" in near else None
        if ("较" in near or "比" in near) and OTHER_MARKET_PRICE.search(self.text, lo, pos):
            # H股发行价较A股收盘价低了约三成六: a discount to the other market's price, no move
            return self._mk_miss(a, sent, "not_a_fact", "a gap to a price on another market")
        if m and st.base is not None and st.base.startswith("x_") \
                and st.sentence_start <= st.base_pos < st.last_amount_end <= m.start() \
                and _ONLY_PUNCT.fullmatch(self.text, st.last_amount_end, m.start()):
            # 该行目标价205元较昨日收市价低约8.7%: how far another figure stands from a price
            return self._mk_miss(a, sent, "not_a_fact", f"a gap of a {st.base[2:]} to a price")
        if st.change is None and a.text[:1] in "+-" and (day := _SIGNED_DAY.search(self.text, lo, pos)) is not None:
            # 发行价13.6港元，首日-8.2%: a signed rate right after the day is its move
            st.change, st.change_pos = ("down" if a.text[0] == "-" else "up"), day.start()
        if m and self._trading_context(st, pos):
            st.change = "down" if m.group(1) in ("低", "低出", "跌", "下跌", "降") else "up"
            st.change_pos = m.start(1)
        elif st.price is not None and st.price_pos >= st.clause_start - 30:
            d = DIRECTION_BEFORE.search(self.text, max(0, pos - 2), pos)
            if d is not None and st.change_pos < d.start():
                st.change = "down" if d.group(1) in ("低", "挫", "跌") else "up"
                st.change_pos = d.start()
        if st.price is None and st.change is not None and st.base in ("revenue", "net_loss") \
                and st.base_pos < st.last_amount_end <= st.change_pos <= st.last_amount_end + 1:
            # 收入RMB1.23bn升37.9% (a headline): a change word right after a revenue is its growth
            value = -a.value if st.change == "down" and a.value > 0 else a.value
            metric = "revenue_growth" if st.base == "revenue" else "net_loss_growth"
            return (metric, value, "percent", a.qualifier, None, st.base_cue, "growth")
        if (st.change is not None or st.price is not None) and (
                self._trading_context(st, pos) or self._company_moves(st, pos)
                or (st.change is not None and self.text.startswith("股价", st.change_pos))
                or (st.change is not None and st.change_pos >= st.clause_start
                    and (_CLOSE_AHEAD.match(self.text, a.end, min(sent.end, a.end + 24))
                         or self._in_quote_box(pos)))) \
                and max(st.change_pos, st.price_pos) > st.base_pos:
            open_ctx = st.price == "open" and st.price_pos < pos \
                and not _WENT_ON_AFTER_OPEN.search(self.text, st.price_pos, pos)
            value = a.value
            if st.change == "down" and value > 0:
                value = -value
            metric = "open_change" if open_ctx else "day_change"
            if st.price in ("high", "low"):
                return self._mk_miss(a, sent, "not_a_fact", "intraday change")
            if _RISEN_TO.search(self.text, max(st.clause_start, pos - 8), pos) \
                    and not _MOVE_NOUN.search(self.text, max(st.clause_start, pos - LOOK), pos):
                # 截至收市，港股通持有两股的比例分别升至约2.1%及1.5%: a share risen to, no move
                return self._mk_miss(a, sent, "no_metric_cue", "a percentage risen or fallen to, not a price move")
            if NOT_ONE_DAY.search(self.text, st.clause_start, pos):
                # 恒生科技指数全年上涨23.5%, 首日平均涨幅约21%: not one company's day
                return self._mk_miss(a, sent, "no_metric_cue", "change over a longer time or an average")
            if _FROM_EXTREME.search(self.text, max(st.clause_start, pos - 40), pos):
                # 较周二盘中创下的398元上市高位已回落近一成: a fall from a high, not a day's change
                return self._mk_miss(a, sent, "not_a_fact", "change from a high or a low")
            cum = st.flags.get("cumulative")
            if (cum is not None and cum < pos) or (m and not _PREV_SESSION.search(m.group())
                                                   and self._after_first_day(st, sent, a)):
                # 较承销价累计上涨117.2%: the change since the offering, not one day's
                return self._mk_miss(a, sent, "no_metric_cue", "change since the offer price")
            return (metric, value, "percent", a.qualifier, None, st.change or st.price, "trading-change")
        base = st.base
        mod = st.mod if st.mod_pos > st.base_pos or st.mod in ("share_of",) else None
        if mod is None and (a.qualifier_text or "").endswith("占"):
            mod = "share"           # 约占74.5%: the qualifier word carries the verb of a share
        if mod is None and base in ("revenue", "net_loss") and a.text[:1] in "+-" \
                and 0 <= pos - st.last_amount_end <= 2 and not self.text[st.last_amount_end:pos].strip(" ,，、"):
            mod = "growth"          # 收入7.24亿元，+131.8%: a signed rate right after the level is its growth
        if mod == "delta" and DELTA_PERCENT.match(self.text, st.mod_pos, pos):
            # 较上年同期的3.36亿元减少30.7%: an increase or decrease in percent is a growth rate
            mod = "decline" if self.text[st.mod_pos] == "减" else "growth"
        if mod in ("growth", "decline"):
            metric = {"revenue": "revenue_growth", "net_loss": "net_loss_growth"}.get(base or "")
            if metric is None:
                return self._mk_miss(a, sent, "no_metric_cue", f"growth of {base}")
            value = -a.value if mod == "decline" and a.value > 0 else a.value
            seg = self._growth_segment(st, metric)
            if metric == "revenue_growth" and seg is None and self._unnamed_line(st, pos):
                return self._mk_miss(a, sent, "no_metric_cue", "growth of a business line with no segment name")
            return (metric, value, "percent", a.qualifier, seg, st.base_cue, "growth")
        if mod == "cagr":
            if base is None and (st.dropped_base or "").startswith("x_"):
                # 市场规模…将增长至166亿元，年复合增长率约22%: the growth of what the sentence measured
                return self._mk_miss(a, sent, "no_metric_cue", f"CAGR of {st.dropped_base}")
            if base in (None, "revenue"):
                return ("revenue_cagr", a.value, "percent", a.qualifier, None, "复合增长率", "cagr")
            return self._mk_miss(a, sent, "no_metric_cue", f"CAGR of {base}")
        if mod in ("share", "share_of"):
            return self._share(st, sent, a, st.denominator)
        if base == "gross_margin":
            seg = st.segment
            if seg is not None and (w := _WHOLE_BEFORE.search(
                    self.text, max(st.clause_start, st.segment_end, a.start - 12), a.start)) is not None \
                    and (w.group(1) or st.segment_pos < st.clause_start):
                seg = None      # 云端部署的毛利率只有34.9%，远低于公司整体51.8%的毛利率: the company's
            return ("gross_margin", a.value, "percent", a.qualifier, seg, st.base_cue, "cue")
        if base == "market_share":
            return ("market_share", a.value, "percent", a.qualifier, None, st.base_cue, "cue")
        if base == "rd_to_revenue":
            return ("rd_to_revenue", a.value, "percent", a.qualifier, None, st.base_cue, "cue")
        if base == "rd_headcount_share":
            return ("rd_headcount_share", a.value, "percent", a.qualifier, None, st.base_cue, "cue")
        if base == "loss_to_revenue":
            return ("loss_to_revenue", a.value / HUNDRED, "times", a.qualifier, None, st.base_cue, "cue")
        if base == "revenue" and (seg_margin := self._next_line_margin(st, sent, a)) is not None:
            return seg_margin
        return self._mk_miss(a, sent, "no_metric_cue", base or "")

    def _next_line_margin(self, st: _State, sent: Span, a) -> Optional[tuple]:
        """本地化部署毛利率为61.3%，云端部署只有34.9%: a bare percent right after another business line
        named in its own clause, after a clause that gave the first line's margin, is the second's."""
        if st.segment in (None, "?") or st.base_pos != st.segment_pos or st.prev_base != "gross_margin" \
                or st.segment_pos < st.clause_start or a.text[:1] in "+-" or st.change is not None \
                or not _BARE_LEVEL.fullmatch(self.text, st.segment_end, a.start):
            return None
        last = next((d for d in reversed(self.drafts) if d.sent == sent and d.start < st.clause_start), None)
        if last is None or last.metric != "gross_margin" or last.segment in (None, st.segment):
            return None
        return ("gross_margin", a.value, "percent", a.qualifier, st.segment, last.cue, "same-ratio")

    def _unnamed_line(self, st: _State, pos: int) -> bool:
        """The revenue of the clause is a business line's that the lexicon cannot name (分业务看，
        芯片收入…; 其中硬件收入…), not the company's (总收入)."""
        if st.segment is not None and st.segment_pos >= st.clause_start or (st.base_cue or "").startswith("总"):
            return False
        return bool(SEGMENT_TALK.search(self.text, max(st.sentence_start, pos - LOOK), pos)) or self._sub_noun(st) \
            or self._contributed(st) or self._latin_line(st)

    def _latin_line(self, st: _State) -> bool:
        """drug discovery收入RMB218mn: a line named in Latin letters right before the revenue word
        (not a company's name: MiniMax收入)."""
        if st.base_pos < 0 or not re.match(r"[\u4e00-\u9fff]", st.base_cue or "") \
                or _LATIN_BEFORE.search(self.text, max(st.clause_start, st.base_pos - 32), st.base_pos) is None:
            return False
        return not any(t.kind == ENTITY and t.end >= st.base_pos - 1
                       for t in self.ctx.stream.in_span(max(st.clause_start, st.base_pos - 32), st.base_pos))

    def _latin_segment(self, st: _State) -> Optional[str]:
        """The slug of a business line named in lower-case Latin words before the revenue word
        (drug discovery收入 -> drug_discovery); not an acronym or a capitalized name (GPU, Cloud)."""
        if not self._latin_line(st):
            return None
        words = _LATIN_BEFORE.search(self.text, max(st.clause_start, st.base_pos - 32), st.base_pos).group().split()
        if not words or not all(re.fullmatch(r"[a-z][a-z\-]+", w) for w in words):
            return None
        return "_".join(w.replace("-", "_") for w in words)

    def _contributed(self, st: _State) -> bool:
        """其中，Ovis系列是绝对主力，2025年贡献收入3.62亿元: revenue a product contributed (the
        sentence names no company before it)."""
        if st.base != "revenue" or not re.search(r"贡献了?\s*$", self.text[max(st.clause_start, st.base_pos - 4):st.base_pos]):
            return False
        lo = max(st.sentence_start, st.base_pos - LOOK)
        return not any(t.kind == ENTITY for t in self.ctx.stream.in_span(lo, st.base_pos))

    def _sub_noun(self, st: _State) -> bool:
        """其中硬件收入…: a part of the revenue named by a word the lexicon does not know."""
        sub = st.flags.get("sub")
        if sub is None or st.base_pos < sub:
            return False
        between = re.sub(r"^(?:其中|基石投资者中)", "", self.text[sub:st.base_pos]).strip(" ，,:：")
        return bool(between) and not re.search(r"[\d年月季期]", between) and not any(
            t.kind == ENTITY for t in self.ctx.stream.in_span(sub, st.base_pos))

    def _growth_segment(self, st: _State, metric: str) -> Optional[str]:
        """海螺AI收入同比增长310%, or 海螺AI收入5.31亿美元，同比增长81.5% (no other metric named since
        the segment's revenue, maybe after the segment's examples in parentheses): the growth of the
        segment."""
        if metric == "revenue_growth" and st.segment is not None and (
                st.segment_pos >= st.clause_start or st.base == "revenue" and 0 <= st.base_pos - st.segment_end and (
                    st.base_pos - st.segment_end <= 6
                    or len(_ASIDE.sub("", self.text[st.segment_end:st.base_pos])) <= 6)):
            return st.segment
        return None

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
            if denominator == "revenue" and num in LOSSES:
                return ("loss_to_revenue", a.value / HUNDRED, "times", a.qualifier, None, "占营收", "share")
            if denominator is None and num == "rd_headcount":
                return ("rd_headcount_share", a.value, "percent", a.qualifier, None, "占比", "share")
        if denominator is None and num == "compute_cost" and "研发" in self.text[max(0, st.sentence_start - 200):a.start]:
            denominator = "rd_expense"      # 研发开支…；算力支出31.52亿元，占比71.2%: of the R&D just told
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
            # …2023年5.29亿元(425%)…，括号内为研发费用占当期收入比重: the text says what they are
            key = re.search(r"括号内(?:为|是|数字为|数字是|的数字为)?([^，,。；;]{0,24})",
                            self.text[a.end:min(len(self.text), a.end + LOOK)])
            if key and prev.metric == "rd_expense" and re.search(r"收入|营收", key.group(1)):
                role = "rd_to_revenue"
            elif key and re.search(r"增长|增速|同比", key.group(1)):
                role = {"revenue": "revenue_growth", "net_loss": "net_loss_growth"}.get(prev.metric)
        if role is None and not sign and prev.metric == "revenue" and prev.segment is not None \
                and _CLOSE_PAREN.match(self.text, a.end) \
                and not _GROWTH_WORDS.search(self.text, st.sentence_start, a.start):
            # 本地化部署贡献3.46亿元(58.9%)，云端部署贡献2.41亿元(41.1%): each line's share, as long
            # as they add up to no more than the whole (海螺AI收入1.2亿美元(310%): no share, nor the
            # lines' figures after it)
            st.paren_shares += a.value
            if st.paren_shares <= 100:
                return ("revenue_share", a.value, "percent", a.qualifier, prev.segment, "(…%)", "parenthetical-share")
            st.paren_shares = Decimal(1000)
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
            if _EXACT_PERCENT_PAREN.match(self.text, a.end):
                # 按年增长约两倍（209.9%）: the exact figure follows in parentheses
                return self._mk_miss(a, sent, "duplicate", "a growth stated exactly in the parenthesis after it")
            metric = "revenue_growth" if st.base == "revenue" else "net_loss_growth"
            value = a.value * HUNDRED * (-1 if mod == "decline" else 1)
            return (metric, value, "percent", a.qualifier, self._growth_segment(st, metric),
                    st.base_cue, "growth-times")
        post = self._postfix(a, ("超额认购", "超购", "认购")) or (
            self._postfix(st.run_last, ("超额认购", "超购", "认购")) if st.run_last is not None else None)
        if (post or st.base == "oversubscription") and re.search(r"若|如果|倘若|假如|一旦", self.text[max(st.clause_start, pos - LOOK):pos]) and \
                re.match(r"\s*(?:或以上|以上)", self.text[a.end:a.end + 4]):
            return self._mk_miss(a, sent, "not_a_fact", "a threshold (若认购倍数达100倍或以上)")
        base = st.base
        if _PEERS_BEFORE.search(self.text, max(st.clause_start, pos - 24), pos):
            # 较美股同类公司约20倍明显偏贵: the peers' multiple, not the company's
            return self._mk_miss(a, sent, "not_a_fact", "a multiple of peers")
        last = self.drafts[-1] if self.drafts else None
        if not post and last is not None and last.sent == sent and last.unit == "times" \
                and last.metric in ("hk_oversubscription", "intl_oversubscription") \
                and st.entity is not None and st.entity != last.entity and st.entity_pos \
                and st.entity_pos[-1] >= st.clause_start \
                and _NEXT_COMPANY_IS.fullmatch(self.text, st.entity_pos[-1], pos):
            # MiniMax香港公开发售部分获1209倍认购，智谱为1164倍: the same multiple, of the next company
            return (last.metric, a.value, "times", a.qualifier, None, last.cue, "oversubscription")
        if base in ("hk_offer_shares", "intl_offer_shares") and not post and (
                st.base_pos >= st.clause_start or LABEL_GAP.fullmatch(
                    self.text, st.base_pos + len(st.base_cue or ""), pos)):
            # 公开认购才3.6倍, 国际配售约10倍: a multiple of a tranche is its subscription
            metric = "intl_oversubscription" if base == "intl_offer_shares" else "hk_oversubscription"
            return (metric, a.value, "times", a.qualifier, None, st.base_cue, "oversubscription")
        if base == "x_subscription" and st.prev_base in ("hk_offer_shares", "intl_offer_shares") \
                and st.prev_base_pos >= st.clause_start and not post \
                and _SUBSCRIBED.fullmatch(self.text, st.base_pos, pos):
            # 散户部分被认购了1,159.46倍: the tranche's subscription
            metric = "intl_oversubscription" if st.prev_base == "intl_offer_shares" else "hk_oversubscription"
            return (metric, a.value, "times", a.qualifier, None, st.prev_base_cue, "oversubscription")
        if (post or base == "oversubscription") and (
                _MARGIN_MULTIPLE.search(self.text, max(st.clause_start, pos - 12), pos)
                or _MARGIN_ESTIMATE.search(self.text, max(st.sentence_start, pos - LOOK), pos)):
            # 孖展超购逾160倍: brokers' margin loans over the tranche, an estimate before the result
            return self._mk_miss(a, sent, "not_a_fact", "a multiple estimated from margin loans")
        if post or base == "oversubscription":
            metric = "intl_oversubscription" if self._tranche(sent, pos) == "intl" else "hk_oversubscription"
            return (metric, a.value, "times", a.qualifier, None, post or st.base_cue, "oversubscription")
        if base == "price_to_sales":
            return ("price_to_sales", a.value, "times", a.qualifier, None, st.base_cue, "cue")
        if base == "revenue" and st.prev_base == "price_to_sales" and st.prev_base_pos >= st.clause_start \
                and re.search(r"(?:按|以|基于|对应)[^，,。；;]{0,12}$", self.text[st.prev_base_pos:st.base_pos]):
            # P/S按2024年收入算已达500倍: the ratio on that year's revenue
            return ("price_to_sales", a.value, "times", a.qualifier, None, "P/S按…收入", "ps-basis")
        if base == "loss_to_revenue":
            return ("loss_to_revenue", a.value, "times", a.qualifier, None, st.base_cue, "cue")
        anchor = st.run_first.start if st.run_first is not None and st.run_first.start < pos else pos
        # 市值相当于2024年收入约245倍: the price-to-sales ratio on that year's revenue
        if base == "revenue" and st.prev_base in ("x_market_cap", "market_cap_at_ipo", "market_cap"):
            return ("price_to_sales", a.value, "times", self._loose_qualifier(st, a), None, "市值/收入", "ratio-ps")
        if base == "revenue" and st.prev_base == "x_valuation" and (_AT_OFFER_PRICE.search(
                self.text, max(st.sentence_start, st.prev_base_pos - 24), st.prev_base_pos) or (
                st.prev_base_pos >= st.clause_start and self.text[max(0, anchor - 1):anchor] == "的"
                and not self._funding_context(st, pos)
                and not _ROUND_WORD.search(self.text, max(st.sentence_start, pos - LOOK), pos))):
            # 以招股价上限计，估值约为去年收入的15倍: the listing's value over revenue; 估值已达2025年
            # 收入的逾25倍 (no round of funding in view): the market's
            return ("price_to_sales", a.value, "times", self._loose_qualifier(st, a), None, "估值/收入", "ratio-ps")
        # 研发开支为同期总营收的8倍, 研发开支相当于收入约3.98倍: ratio of the previous cue to revenue
        if base == "revenue" and st.prev_base in ("rd_expense",) + LOSSES and (
                self.text[max(0, anchor - 1):anchor] == "的" or self._ratio_of_revenue(st, anchor)):
            q = self._loose_qualifier(st, a)
            if st.prev_base == "rd_expense":
                return ("rd_to_revenue", a.value * HUNDRED, "percent", q, None, "为营收的…倍", "ratio")
            return ("loss_to_revenue", a.value, "times", q, None, "为营收的…倍", "ratio")
        last = self.drafts[-1] if self.drafts else None
        if base in ("revenue", "rd_expense") + LOSSES and last is not None and last.start >= st.sentence_start \
                and (last.rule == "ratio" or last.rule == "ratio-next" and "each" not in st.sflags
                     and last.entity == (st.entity or self.ctx.main_entity)) \
                and last.metric in ("rd_to_revenue", "loss_to_revenue") and st.base_pos < st.clause_start:
            # 研发开支是收入的约7倍，2025年降到约4.8倍(；今年上半年降至约3.8倍): the same ratio, for
            # the next period (not across companies: …，MiniMax约为3.1倍；2024年分别约为7倍和…)
            q = self._loose_qualifier(st, a)
            if last.metric == "rd_to_revenue":
                return ("rd_to_revenue", a.value * HUNDRED, "percent", q, None, "为营收的…倍", "ratio-next")
            return ("loss_to_revenue", a.value, "times", q, None, "为营收的…倍", "ratio-next")
        if base == "revenue" and self.text[max(0, anchor - 1):anchor] == "的" and (any(
                t.kind == CUE and t.obj.value in ("price_to_sales", "x_market_cap")
                for t in self.ctx.stream.in_span(st.sentence_start, st.base_pos))
                or _AT_MARKET_PRICE.search(self.text, max(st.clause_start, st.base_pos - 40), st.base_pos)):
            # 智谱的市销率超过200倍，MiniMax约为2024年收入的460倍: the sentence's ratio, the next company's;
            # 以昨日收盘价计算约为2025年营收的44倍: the market's price over revenue
            return ("price_to_sales", a.value, "times", self._loose_qualifier(st, a), None, "为收入的…倍", "ratio-ps")
        return self._mk_miss(a, sent, "no_metric_cue", f"multiple of {base}")

    _RATIO_LINK = re.compile(r"\s*约?(?:为|是|相当于|等于|达到?)\s*(?:同期|当期|当年|全年)?")
    _RATIO_TAIL = re.compile(r"的?\s*(?:约|大约|近|逾|超过?)?\s*")

    def _ratio_of_revenue(self, st: _State, pos: int) -> bool:
        """研发开支相当于收入约3.98倍, 研发开支45.2亿元，相当于收入约5.6倍: the previous cue (or its
        figure in the clause before), a linking verb, revenue, then the multiple."""
        if st.prev_base_pos < 0 or st.base_pos < st.prev_base_pos or st.base_pos < st.clause_start:
            return False
        link_from = st.prev_base_pos + len(st.prev_base_cue or "")
        if st.prev_base_pos < st.clause_start:
            link_from = st.clause_start         # the clause opens with the link: ，相当于收入…
        return bool(self._RATIO_LINK.fullmatch(self.text[link_from:st.base_pos].lstrip("，,；; "))) and bool(
            self._RATIO_TAIL.fullmatch(self.text, st.base_pos + len(st.base_cue or ""), pos))

    def _loose_qualifier(self, st: _State, a) -> str:
        """A qualifier written before the verb of a ratio or share (约占全体员工的62%,
        接近收入的7倍) qualifies the figure when the figure itself has none."""
        if a.qualifier != "exact":
            return a.qualifier
        lo = max(st.clause_start, st.prev_base_pos if st.base == "revenue" else st.base_pos, a.start - LOOK)
        between = self.text[lo:a.start]
        for t in self.ctx.stream.in_span(lo, a.start):
            if t.kind == AMOUNT and t.start >= lo:
                # 逾八成收入来自A(占82.6%): the 逾 of another figure is not this one's
                between = between[:t.start - lo] + " " * (t.end - t.start) + between[t.end - lo:]
        for word, q in self._LOOSE:
            if re.search(word + r"(?:为|是|占|达|有)?", between) and not re.search(word + "额", between):
                return q
        return "exact"

    def _classify_shares(self, st: _State, sent: Span, a):
        base = st.base
        if base == "x_offer_size":
            base = "shares_offered"
        tranche = _TRANCHE_AFTER.match(self.text, a.end)
        if tranche is not None and base in (None, "shares_offered", "hk_offer_shares", "intl_offer_shares", "x_offer_size"):
            # 当中187.1万股在香港公开发售，其余2,031.144万股分配予国际投资者: the tranche named after
            metric = "hk_offer_shares" if tranche.group(1) else "intl_offer_shares"
            return (metric, a.value, "shares", a.qualifier, None, tranche.group().strip(), "tranche-postfix")
        lead = _TRANCHE_LEAD.search(self.text, max(0, a.start - 8), a.start)
        if lead is not None and base in ("shares_offered", "hk_offer_shares", "intl_offer_shares") \
                and st.base_pos < lead.start():
            # 7,500万股(香港750万股，国际6,750万股): the tranches in brackets after the whole
            metric = "hk_offer_shares" if lead.group(1) else "intl_offer_shares"
            return (metric, a.value, "shares", a.qualifier, None, lead.group().strip("(（,，、 "), "tranche-lead")
        if base == "board_lot":
            if a.start - (st.base_pos + len(st.base_cue or "")) > 8:
                # 想稳中一手，需申请约300万股: a share count further on is not the lot's size
                return self._mk_miss(a, sent, "no_metric_cue", "shares after a lot, not its size")
            return ("board_lot", a.value, "shares", a.qualifier, None, st.base_cue, "cue")
        if base in (None, "offer_price") and _OFFER_VERB_BEFORE.search(self.text, max(st.clause_start, a.start - 8), a.start) \
                and "H股" in self.text[a.end - 2:a.end + 2] + self.text[a.start:a.end]:
            # 是次共推出3,741.95万股H股: the shares the offer puts out
            return ("shares_offered", a.value, "shares", a.qualifier, None, "推出…H股", "offer-verb")
        if base in ("hk_offer_shares", "intl_offer_shares") and _TOTAL_BEFORE.search(
                self.text, max(st.clause_start, a.start - 6), a.start):
            # 公开发售增至748.39万股，国际配售减至2993.56万股，合共3741.95万股: the whole offer
            return ("shares_offered", a.value, "shares", a.qualifier, None, "合共", "total-shares")
        if base in ("shares_offered", "hk_offer_shares", "intl_offer_shares"):
            return (base, a.value, "shares", a.qualifier, None, st.base_cue, "cue")
        if base in ("x_subscription", "oversubscription") and st.prev_base in ("hk_offer_shares", "intl_offer_shares") \
                and st.prev_base_pos >= st.sentence_start \
                and _ALLOTTED_BEFORE.search(self.text, max(st.clause_start, a.start - 8), a.start):
            # 国际配售则获15.28倍认购，最终分到2,993.56万股: the tranche's final size
            return (st.prev_base, a.value, "shares", a.qualifier, None, st.prev_base_cue, "tranche-allotted")
        return self._mk_miss(a, sent, "no_metric_cue", f"shares ({base})")

    def _classify_count(self, st: _State, sent: Span, a):
        counter = a.counter or ""
        if counter == "家" and re.match(r"\s*(?:公司|企业|新股|上市公司)", self.text[a.end:a.end + 6]):
            # 两家公司的基石投资者名单: a count of companies
            return self._mk_miss(a, sent, "no_metric_cue", "a count of companies")
        if counter in ("家", "名", "位", "个") and _OTHERS_BEFORE.search(self.text, max(0, a.start - 3), a.start) \
                and "基石" in self.text[a.end:a.end + 6]:
            # 其余五名基石包括…: the rest of them, not how many there are
            return self._mk_miss(a, sent, "not_a_fact", "a count of the other cornerstones")
        if counter in ("家", "名", "位") and (self._postfix(a, ("基石", "cornerstone", "Cornerstone"), 14) or re.match(
                r"[^，,。；;\d]{0,10}的基石投资|\s*(?:及|和|与|、)\s*\d{1,3}\s*[家名位]\s*的?基石",
                self.text[a.end:a.end + 16])):
            return ("cornerstone_count", a.value, "count", a.qualifier, None, "基石投资者", "count")
        if counter == "个" and re.match(r"\s*基石", self.text[a.end:a.end + 4]):
            return ("cornerstone_count", a.value, "count", a.qualifier, None, "基石投资者", "count")   # 11个基石
        if counter == "轮" and (_ROUNDS_AFTER.match(self.text, a.end)
                                or _RAISED_BEFORE.search(self.text, max(0, a.start - 6), a.start)
                                or st.base in ("x_funding", "total_funding")):
            return ("funding_rounds", a.value, "count", a.qualifier, None, "轮融资", "count")
        if counter in ("人", "名") and st.base == "rd_headcount":
            return ("rd_headcount", a.value, "count", a.qualifier, None, st.base_cue, "count")
        if counter in ("家", "名", "位", "个") and ("基石" in self.text[max(0, a.start - 8):a.start]
                                            or ("cornerstone" in st.flags and st.flags["cornerstone"] < a.start)
                                            # 基石投资者方面，共有4名: the clause after the topic counts them
                                            or ("cornerstone" in st.sflags and st.sflags["cornerstone"] < a.start
                                                and (_COUNT_ONLY.fullmatch(self.text, st.clause_start, a.start)
                                                     # …合共认购3.5亿美元，包括阿里巴巴、腾讯等14家机构
                                                     or _NAMED_THEN_COUNTED.fullmatch(self.text, st.clause_start, a.start)))):
            if re.search(r"[、及和与]\s*$", self.text[max(0, a.start - 2):a.start]) or _NEXT_COUNT.match(self.text, a.end):
                # 包括一家产业基金、两家公募及三家外资基金: one kind among the investors, not their number
                return self._mk_miss(a, sent, "no_metric_cue", "a count of one kind of investor")
            return ("cornerstone_count", a.value, "count", a.qualifier, None, "基石投资者", "count")
        return self._mk_miss(a, sent, "no_metric_cue", f"count ({counter})")

    def _tranche(self, sent: Span, pos: int) -> str:
        """The offering tranche the nearest tranche word before ``pos`` names (default: Hong Kong)."""
        last = None
        for m in self._TRANCHE.finditer(self.text, max(sent.start, pos - LOOK), pos):
            last = "intl" if m.group(1) else "hk"
        if last is None:
            # 香港公开发售\n…\n认购水平：412.36倍: the section heading over the line
            for m in _HEADING.finditer(self.text, max(0, sent.start - 400), sent.start):
                t = self._TRANCHE.search(m.group(1))
                if t is not None:
                    last = "intl" if t.group(1) else "hk"
                elif re.search(r"[\u4e00-\u9fff]", m.group(1)):
                    last = None             # another section began after it
        return last or "hk"

    def _has_cue_before(self, sent: Span, pos: int, words: tuple[str, ...]) -> bool:
        seg = self.text[max(sent.start, pos - LOOK):pos]
        return any(w in seg for w in words)

    def _multiple_of_other(self, pos: int) -> bool:
        """A multiple written right after a company and 的 (…是智谱的2.2倍), or after a pronoun
        and 的 (国内两家的P/S是它的3到5倍)."""
        if _OF_ANOTHER_BEFORE.search(self.text, max(0, pos - 10), pos):
            return True
        m = _OF_COMPANY_BEFORE.search(self.text, max(0, pos - 6), pos)
        if m is None:
            return False
        end = m.start()
        if self.text[end:end + 1] in (")", "）"):
            # (是智谱（PS≈142x）的两倍: the company before its parenthesis)
            opened = max(self.text.rfind("(", max(0, end - 24), end), self.text.rfind("（", max(0, end - 24), end))
            end = opened if opened != -1 else end
        return any(t.kind == ENTITY and t.end == end for t in self.ctx.stream.in_span(max(0, end - 24), end))

    def _cap_goes_on(self, st: _State, sent: Span, pos: int) -> bool:
        """同为GPU设计商的天数智芯，市值则约港币612亿元: another company's market value after one
        taken on a day in the sentence before, in a clause that goes on with 则/也/亦."""
        if not _GOES_ON_BEFORE.search(self.text, max(st.clause_start, st.base_pos - 1, pos - LOOK), pos):
            return False
        ent = st.entity or self.ctx.main_entity
        return any(d.metric == "market_cap" and d.entity != ent and d.end >= sent.start - LOOK for d in self.drafts[-4:])

    def _trading_context(self, st: _State, pos: int) -> bool:
        """A trading day is being described: a price word, 盘中/股价, 上市首日, 今日, or the
        previous sentence of the paragraph was about prices."""
        if st.price is not None or self.par_trading:
            return True
        return any(k in st.sflags for k in ("first_day", "today", "trading", "same_day", "second_day"))

    def _close_on_line_above(self, st: _State, pos: int) -> bool:
        """The line right above the sentence (no blank line between) gave the company's close: a
        post written one figure a line (琴日收 358.2…\n市值≈1,576億港紙)."""
        # (bounded look-backs: an endless line of figures stays linear)
        line_start = self.text.rfind("\n", max(0, st.sentence_start - 2), st.sentence_start + 1) + 1
        if line_start == 0 or self.text[line_start - 2:line_start - 1] == "\n":
            return False
        above = max(self.text.rfind("\n", max(0, line_start - 200), line_start - 1) + 1, line_start - 200)
        ent = st.entity or self.ctx.main_entity
        return any(d.metric in ("close_price", "last_price") and above <= d.start < line_start and d.entity == ent
                   for d in self.drafts[-8:])

    def _in_quote_box(self, pos: int) -> bool:
        """A label:value line in a block of quote lines (今开:…\n最高:…\n总市值:723亿港元): the
        figure is of the quoted session."""
        if not _LABEL_VALUE.search(self.text, max(0, pos - 4), pos):
            return False
        line_start = self.text.rfind("\n", 0, pos) + 1
        above = self.text[max(0, line_start - 200):line_start]
        block = above[above.rfind("\n\n") + 1:] if "\n\n" in above else above
        return _QUOTE_BOX_LINE.search(block) is not None

    def _dated_close(self, pos: int) -> bool:
        """次日(Jan 9)收HK$143.9, 今日(9日)收…, 5日收88.45港元: 收 right after a day (in parentheses
        or alone) is a close."""
        m = _DAY_PAREN_CLOSE.search(self.text, max(0, pos - 24), pos)
        return m is not None and any(t.kind == "date" for t in self.ctx.stream.in_span(m.start(), m.end()))

    def _company_moves(self, st: _State, pos: int) -> bool:
        """A change word right after the company of the clause, with no metric named: 腾讯涨1.8%,
        MiniMax股价昨日跌2.1%."""
        # (…本周累计下跌3.2%，周五单日跌1.06%: a clause that opens on its day is that day's)
        lo = max(st.clause_start if _DAY_OPENS_CLAUSE.match(self.text, st.clause_start) else st.sentence_start,
                 pos - LOOK)
        if st.change is None or (st.base is not None and st.base_pos >= st.clause_start) \
                or not st.entity_pos or st.change_pos > pos \
                or NOT_ONE_DAY.search(self.text, lo, pos):
            return False
        start = st.entity_pos[-1]
        if start < st.clause_start:
            # 恒生科技指数本周累计下跌3.2%，周五单日跌1.06%: a clause opening on its day goes on
            # with the subject of the clause before
            return start >= st.sentence_start and _DAY_OPENS_CLAUSE.match(self.text, st.clause_start) is not None \
                and _MOVES_AFTER.fullmatch(self.text, st.clause_start, st.change_pos) is not None
        ent = next((t for t in self.ctx.stream.in_span(start, st.change_pos)
                    if t.start == start and t.kind == ENTITY), None)
        return ent is not None and _MOVES_AFTER.fullmatch(self.text, ent.end, st.change_pos) is not None

    def _ipo_context(self, st: _State, pos: int) -> bool:
        """The sentence is about an offering (IPO, 上市, 招股, 募资, 发行价 …)."""
        if any(k in st.sflags for k in ("ipo", "listing", "sub_start", "sub_end", "sub_period")):
            return True
        seg = self.text[max(st.sentence_start, pos - LOOK):pos + 40]
        end = _SENTENCE_OR_LINE_END.search(seg, pos - max(st.sentence_start, pos - LOOK))
        if end is not None:
            # (…公司估值约68亿元。本次IPO前…: not the next sentence's, nor the next line's after a
            # heading: 估值已达85亿元\n\n…上市前共完成6轮融资)
            seg = seg[:end.start()]
        return _OFFERING_WORD.search(seg) is not None

    def _pre_ipo_funding(self, st: _State, pos: int) -> bool:
        """Money raised in rounds before the IPO (…轮融资，集资总额…), not the offering."""
        seg = self.text[max(st.sentence_start, pos - LOOK):pos]
        return bool(re.search(r"\d+轮|[一二三四五六七八九十]+轮|上市前|天使|投后", seg)) and not re.search(
            r"本次|此次|IPO(?!前|之前)|招股(?!书|说明书)|发售|发行价|全球发售", seg)

    def _cornerstone_paragraph(self, pos: int) -> bool:
        """基石 is written earlier in the paragraph (bounded look-back)."""
        lo = max(0, pos - 3 * LOOK)
        at = self.text.rfind("基石", lo, pos)
        return at != -1 and "\n" not in self.text[at:pos]

    def _funding_context(self, st: _State, pos: int) -> bool:
        seg = self.text[max(0, pos - 40):pos + 4]
        return "轮" in seg or "funding" in st.sflags or "累计" in seg or "天使" in seg

    def _use_of_proceeds(self, st: _State, a) -> Optional[str]:
        """``70%用于…研发``: the segment of a use of IPO proceeds, or None.

        Once a paragraph has listed one use, the next items may drop the verb
        (``10%优化MaaS平台；10%补充营运资金``)."""
        after = self.text[a.end:a.end + 40]
        m = re.match(r"\s*(?:[(（][^()（）]{0,20}[)）])?\s*(?:的?(?:募集资金净额|募集资金|募资净额|募资|集资净额|所得款项净额|所得款项|资金))?\s*"
                     r"(?:将|拟|计划|会)?\s*(?:用于|投向|投入|投进|投到|作为|用作|拨作|投放于|投放|分配至|[:：])\s*([^，,。；;\n]{1,40})", after)
        if not m and self.par_uses and not _SHARE_CAPITAL.match(after):
            # (…约4.08%及扩大后股本约3.92%: a share of the share capital, no use)
            m = re.match(r"[ \t]*(?:[(（][^()（）]{0,20}[)）])?[ \t]*([^，,。；;、\d%\n]{2,40})", after)
        if not m:
            # a list under a uses heading, the purpose first: 【所得款项用途】研发约55%；营运资金约10%
            lo = max(0, a.start - _PURPOSE_LOOK)      # (bounded: a line may be endless)
            line = self.text[self.text.rfind("\n", lo, a.start) + 1 or lo:a.start]
            if "用途" in line or self.par_uses or _USES_INTRO.search(line):
                m = _PURPOSE_BEFORE.search(line)
        if not m:
            return None
        sent_text = self.text[max(0, a.start - 120):a.start + 40]
        if not any(w in sent_text for w in ("募", "所得款项", "集资", "IPO", "用途", "招股书")):
            return None
        # (约30%用于拓展海外客户、约15%用于潜在收购: the purpose ends where the next share starts)
        purpose = _NEXT_SHARE.split(m.group(1), maxsplit=1)[0]
        seg = _named_use(purpose)
        if seg is not None:
            self.par_uses = True
        return seg

    def _segment_after(self, a) -> Optional[Tok]:
        """The segment a figure came from, written after it: 3800万美元来自开放平台."""
        m = _FROM_SEGMENT.match(self.text, a.end)
        if m is None:
            return None
        tok = next((t for t in self.ctx.stream.in_span(m.end(), m.end() + 2)
                    if t.kind == CUE and t.obj.kind == "seg" and t.start == m.end()), None)
        if tok is None and (line := _LINE_NAME_AFTER.match(self.text, m.end())) is not None \
                and (slug := segment_slug(line.group(1))) is not None:
            # 当中30.15亿元来自影像与设计产品: a line the glossary can name
            tok = Tok(CUE, line.start(1), line.end(1), Cue(line.group(1), "seg", slug, line.start(1), line.end(1)))
        return tok

    def _fact(self, metric, a, segment, cue, rule):
        return (metric, a.value, a.unit, a.qualifier, segment, cue, rule)

    def _mk_miss(self, a, sent, reason, detail) -> Miss:
        return Miss(a.start, a.end, reason, detail, sent, a.value, a.unit)
