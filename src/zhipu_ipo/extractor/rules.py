"""The shared vocabulary of the sentence reader: metric groups and the small patterns its rules
look for around a figure (kept here so that reader.py, classify.py and timing.py agree)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from .. import lexicon

HUNDRED = Decimal(100)


def metric_sets():
    m = lexicon.metrics()
    currency = {k for k, v in m.items() if v.unit == "currency"}
    return m, currency


LOSSES = ("net_loss", "adjusted_net_loss", "operating_loss")
POINT_METRICS = {"cash", "rd_headcount", "rd_headcount_share"}
#: words of annual results (年报, 年度业绩): the year before in an article of a year's first half
ANNUAL_REPORT = re.compile(r"年度业绩|全年业绩|年报|年度报告|年度财报|年度财务报告|全年财报")
FUNDING_METRICS = {"funding_rounds", "total_funding", "post_money_valuation"}
FROM_BEFORE = re.compile(r"(?:从|由)[^，,。；;]{0,12}$")
TO_VERB = re.compile(r"^\s*的?\s*[\u4e00-\u9fff]{0,4}?(?:至|到)了?\s*$")
RUN_SEP = re.compile(r"^\s*(?:[、,，/]|和|及|以及|与|、以及|，以及|或)?\s*$")
#: words that only Hong Kong listings use: share prices in 元 there are Hong Kong dollars
HK_MARKERS = re.compile(r"\d\.HK|\d-HK|港元|港币|港股|港交所|联交所|香港|入场费|招股价|股份代号|孖展|每手|集资|大市|涉资|收市|开市|恒指|首挂")
COMPARE_WORDS = r"较|相较于?|相比|比起|比|对比|较之|低于|高于|多于|少于|快于|慢于|好于|优于|逊于|胜于"
COMPARE_BEFORE = re.compile(rf"(?:{COMPARE_WORDS})\s*$")
#: a period followed by these words is the one compared with (2023年则亏损…, 2023年同期为…)
#: the same measure named again for another period: 2024年这一数字为…
THIS_FIGURE = r"(?:这一|这个|该|此)(?:数字|数据|数值|金额|比例)"
COMPARE_AFTER = re.compile(rf"(?:则|同期|时则|时为|的?{THIS_FIGURE})")
#: 平开 inside another word: 公平开放, 水平开始, 平开发
FLAT_NOT_WORD = re.compile(r"[公水扁持和太]平开|平开[发放始展拓辟设通]")
#: a date followed by these words says when a company listed, not which day is being quoted
LISTING_AFTER = re.compile(r"\s*(?:上市|挂牌|登陆|招股)(?:的|后|之后|以来)")
#: 较发行价低5.76% / 较招股价高3.27%: the change against a price, its direction right before it
#: (the price may be written inside: 较发售价165元高出42.67%, 比116.2港元的发行价高出3.27%; the change
#: in dollars may come first: 较招股价165元高46元或27.88%)
#: a price of the company's other listing or of another market (较A股收盘价低约三成六): no move
OTHER_MARKET_PRICE = re.compile(r"(?:较|比)\s*(?:其)?(?:A股|美股|ADS|美国存托股|存托股)")
#: the session before another: 前一交易日, 上一个交易日 (PREV_DAY_WORDS also go before 日 and 天)
PREV_DAY_WORDS = r"(?:前一|上一|前一个|上个|上一个)"
PREV_TRADING_DAY = PREV_DAY_WORDS + r"交易日"
VS_PRICE = re.compile(r"(?:较|比)[^，,。；;]{0,16}价(?:\s*\d+(?:\.\d+)?\s*(?:港元|港币|元))?[^，,。；;\d]{0,3}?"
                      r"(高出|低出|高|低|升|跌|涨|上升|下跌|降)(?:了|咗)?\s*(?:\d+(?:\.\d+)?\s*(?:港元|港币|元|蚊)\s*或\s*)?$")
def last_match(pattern: re.Pattern, text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional[re.Match]:
    """The last match of ``pattern`` in ``text[pos:endpos]``, or None."""
    last = None
    for last in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        pass
    return last


#: between a sum and its conversion in parentheses: 3,180万美元(约2.24亿元人民币), 3,800亿美元（约
CONVERTED_OPEN = re.compile(r"\s*[(（]\s*(?:约|約|折合|相当于|合)?\s*$")
#: an article about mainland listings, where 元 is renminbi even for share prices
A_SHARE = re.compile(r"科创板|创业板|A股|上交所|深交所|沪市|深市|北交所")
#: how far back (in characters) a rule looks for its context inside a sentence: articles keep
#: context close, and a text without punctuation must not make every look quadratic
LOOK = 240
SINCE = re.compile(r"\s*(?:成立|创立|创办)?\s*(?:以来|至今|起|开始|之前|以前)|\s*(?:成立|创立|创办)")
DELTA_BEFORE = re.compile(r"(?:增加|减少|增长了|增加了|减少了|多了|少了|多出了?|少了|下降了|上升了|蒸发|蒸发了|缩水|缩水了|高出了?|低出了?|高了|低了)\s*(?:约|近|逾|超过?)?\s*$")
#: 增加/减少 right before a percent (only a qualifier between): a growth rate, not an amount
DELTA_PERCENT = re.compile(r"(?:增加|减少)了?\s*(?:约|逾|超过|超|近|接近)?\s*$")
#: between a label and its figure on a line: 国际发售:约37倍 (the colon is a clause boundary)
LABEL_GAP = re.compile(r"\s*(?:部分)?\s*[:：]\s*")
#: 均/都 between the companies of a clause and its figure: the figure holds for each of them
BOTH_BEFORE = re.compile(r"(?:均|都|皆|同样)[^，,。；;\d]{0,8}$")
#: from one company name to the next in a coordinated subject: 摩尔线程和沐曦, 智谱、MiniMax
AND_BETWEEN = re.compile(r"[^，,。；;\d]{1,16}?(?:和|与|及|、|以及)\s*")
#: 是/为 + a metric + 的 + a noun (算力服务费是研发开支的大头): the metric is named as a reference
REFERENCE_ONLY = re.compile(r"(?:是|为|属|成为)$")
REFERENCE_AFTER = re.compile(r"的\s*(?:大头|主要|最大|重要|核心|一部分|组成部分|主体|重头)")
#: a period opening a clause that only gives the figure of the metric before (，2024年为50.5%,
#: ，2025年上半年仅录得3,180万美元)
#: words telling a session as one that came before the story's (上周五(4日)已先升5.2%)
FLASHBACK = r"(?:已先|早已|已率先|已提前|此前已|之前已|早前已)"
ASIDE_AFTER = re.compile(r"\s*(?:的?(?:这一|这个|该|此)?(?:数字|数据|数值|金额|比例|数)|同期"
                         # (1H25 net loss为2.84亿美元: the measure named again in English)
                         r"|[A-Za-z][A-Za-z &/.-]{0,23}[A-Za-z.])?\s*(?:(?:则|时)?\s*(?:仅|只|才)?\s*(?:约|大约)?(?:为|是|录得)|(?:仅|只|才)\s*(?:约|大约)?有?)\s*(?:约|近|逾|超过|超)?\s*(?:人民币|港币|港元|美元|RMB|HK\$|US\$)?\s*[\d-]")
#: the start of a from-to pair in the year before: 由上年的149.3%降至85.8%
#: the words for the year before: 上年, 去年, 上一年, 前一年
YEAR_BACK_WORDS = r"上年|去年|上一年|前一年"
PREVIOUS_YEAR_FROM = re.compile(rf"(?:由|从)(?:{YEAR_BACK_WORDS})(?:同期)?的?\s*$")
#: a figure of several companies or days together (两家合计募资, 两日合计成交): no single company's day
COMBINED = re.compile(r"(?:[两二三四五六七八九十几多数2-9]\s?(?:家|者|间|日|天|个交易日)(?:公司|企业)?|双方|三者)\s?(?:合计|共计|总计|累计|合共|共|一共|总共)"
                      # (港股共有3只新股挂牌，合计募资约31.6亿港元)
                      r"|[两二三四五六七八九十几多数2-9]\s?(?:只|家|个)(?:新股|公司|企业|IPO)[^。；;\d]{0,24}?(?:合计|共计|总计|合共|一共|总共)")
#: a price word right before a bare number (收盘28.58, 发行价116.2, 开盘才120)
BARE_PRICE_BEFORE = re.compile(r"(?:价|收盘|开盘|收市|开市|收报|开报|首日收|收|开|发行|发售|最高|最低|今开)\s*(?:为|报|在|是|才|于|仅|:|：|定在|定于|顶格|定为|去到|见|到)?\s*$")
#: the mark of a list item at the start of a line: ・ • ● - * 1. 1、 (1) 一、
BULLET = re.compile(r"[ \t\u3000]*(?:[・•●▪◆■□◇○◎►▶\-*·]|[0-9]{1,2}[.、)）]|[(（][0-9]{1,2}[)）]|[一二三四五六七八九十][、.]"
                    r"|[\U0001F300-\U0001FAFF\u2705\u2714\u27A1\u2B50]\ufe0f?)")     # (📊智谱：…, 👉, ✅: a forum's bullets)
#: 收 alone before a price, where only a close can be meant: MiniMax(00100)收398港元, 首日收131.5,
#: 跌0.9%，收7.58元
SHORT_CLOSE = re.compile(r"(?:[)），,;；%]|\d{1,2}[日号]|(?:𠮶|嗰|那)日|首日|第一日|第一天|今日|昨日|琴日|寻日|前日|今天|昨天|前天|当日|全日|股价|该股|最终|(?:周|星期|礼拜)[一二三四五]|[则亦也])\s*收\s*(?:于|在|报)?\s*$")
#: 收 alone right before a bare number that opens a clause: 首日收131.5, ，收345，
BARE_CLOSE = re.compile(r"(?:^|[，,。；;\s]|首日|第一日|第一天|今日|今天|昨日|昨天|琴日|寻日|前日|前天|当日|(?:𠮶|嗰|那)日)收\s*$")
#: a one-character direction right before a percent on a trading day: 开市报130.5元，低6.12%
DIRECTION_BEFORE = re.compile(r"(低|挫|跌|高|升|涨)\s*$")
#: an unnamed company as the subject: 同日上市的还有一只小型消费股, 另一家未具名企业
UNNAMED = re.compile(r"(?:另|还有|有)一(?:只|家|间|个|支)[^，,。；;\d]{0,10}?(?:股|公司|企业|新股)")
#: a figure asked about, not stated: 2026年收入增速能否维持在100%以上
# 远高于软件板块约6倍的平均水平 / 行业平均约6倍: a benchmark the company is compared with
BENCHMARK_AFTER = re.compile(r"\s*的?\s*(?:平均水平|平均值|均值|中位数)"
                             # (两者都是「二百倍俱乐部」成员: a group of stocks named by a level)
                             r"|(?:市值|市销率|市盈率)?(?:俱乐部|阵营|梯队)"
                             # (机构增持跨越5%披露线: a holding's threshold)
                             r"|(?:的)?(?:披露线|披露门槛|持股线|举牌线)")
BENCHMARK_BEFORE = re.compile(r"(?:行业|板块|同业|同行|可比公司|市场)\s*(?:的)?\s*(?:平均|均值|中位数)(?:水平)?\s*(?:为|是|约|仅|只有|达)?\s*$"
                              # (以环球软件股常见的十至十五倍市销率衡量: what such stocks usually trade at)
                              r"|(?:股|公司|企业|行业|同业|同行)(?:普遍|一般|通常|常见)的?\s*(?:约|在)?\s*$")
QUESTION = re.compile(r"能否|是否|能不能|可否|有没有|会不会")
#: a price change over more than one day, or an average of many stocks (not one day's change)
NOT_ONE_DAY = re.compile(r"全年|年内|今年以来|年初至今|今年至今|本周|全周|本月|全月|月内|周内|平均|均值|YTD|ytd|MTD|WTD"
                         # (周涨幅达32.2%, 按周升3%, 单周累涨: a week's change)
                         r"|(?<![一二三四五六日天末])周(?:涨幅|跌幅|升幅|累计|线)|按周|单周|按月(?:升|跌|涨)|月(?:涨幅|跌幅|升幅)"
                         r"|(?:今年|年初以来|上市以来|上市至今)(?:股价)?(?:累计|累)?(?:上涨|下跌|涨|跌|升|飙升|大涨)"
                         # (上市至今（招股价116.2）升咗≈208%: an aside between)
                         r"|上市(?:以来|至今)[(（][^()（）\n]{0,16}[)）](?:股价)?(?:累计|累)?(?:上涨|下跌|涨|跌|升|飙升|大涨)"
                         r"|累(?:计)?(?:上涨|下跌|涨|跌|升|挫)"
                         # (上星期五收237.6蚊，由招股价计升咗104.5%: the change since the offer)
                         r"|(?:由|按|以|从)(?:招股价|发行价|发售价|上市价)(?:起)?计(?:算|起)?")
#: a subject that is a group of companies, not one: 国产厂商份额有望提升至40%
GENERIC_SUBJECT = re.compile(r"国产厂商|国内厂商|本土厂商|国产芯片|国产供应商|国内企业|行业整体|整个行业")
#: a weekday naming the session a figure is of: 股价周一收跌7.4%, 该股上周五报151.2港元
#: (a weekday followed by 至/到/- opens a span of days and names no single session)
WEEKDAY = re.compile(r"(上|本|这|下)?(?:周|星期|礼拜)([一二三四五六日天])(?!\s*(?:至|到|-|～|~|、)|[只家个间名位倍款项宗批支]|成(?!交))")
WEEKDAYS = "一二三四五六"


def weekday_index(char: str) -> int:
    """Monday 0 … Sunday 6 for the character of a ``WEEKDAY`` match (日/天: Sunday)."""
    wd = WEEKDAYS.find(char)
    return 6 if wd < 0 else wd
#: a sentence that goes through the business lines (分业务看，芯片收入…): a revenue there is of a
#: line, and of the whole company only when said so (总收入)
SEGMENT_TALK = re.compile(r"分业务|按业务|分产品|按产品|分板块|按板块|业务板块|分部|业务划分|产品划分|按收入来源|分收入来源|收入构成|收入结构|营收构成|营收结构|收入来源看|细分来看")
#: the companies just named, counted: 两家公司, 四家, 三者, 两只 (the count in group 1)
GROUP_COUNT = re.compile(r"([两二三四五六七八九2-9])\s?(?:家|者|间|只|股|档|公司)")
#: between a metric and its figure, a part of it named (净亏损含优先股公允价值变动约5.1亿美元)
COMPONENT = re.compile(r"[^，,。；;\d]*?(?:含有|包含|包括|含)[^，,。；;\d]{2,}")
#: a price quoted during a session, not at its end
INTRADAY = re.compile(r"盘中|午间|午盘|早盘|半日|午市|一度|截至发稿|发稿时|截至.{0,6}[时点]|暂报|现报|现在|而家|现时")
#: a sentence about a company it does not name: 另外，一家内地AI软件公司今日起招股… (its figures are
#: not the company of the sentences before)
INDEFINITE_SUBJECT = re.compile(
    r"[\s，,]*(?:另外|此外|同时|另|而|还有)?[\s，,]*(?:另一家|另外一家|一家|另一间|一间|有家|有一家|某|一只|另一只)"
    r"[^，,。；;\d]{0,14}?(?:公司|企业|厂商|业者|厂|新股|初创|集团)")
