"""Tests of zhipu_ipo.numbers: amounts in Chinese financial text.

Table-driven (one row per case, in named lists): every row asserts exact values. The
sentences are made up for these tests in the style of financial news.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhipu_ipo import lexicon
from zhipu_ipo.errors import ParseError
from zhipu_ipo.numbers import Amount, find_amounts, format_amount, parse_amount

# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------

# (input, value as str(Decimal), unit, qualifier, other expected attributes)
DEV = [
    # the rows the brief requires
    ("5740万元", "57400000", "CNY", "exact", {"scaled": True}),
    ("1.245亿元", "124500000", "CNY", "exact", {"scaled": True}),
    ("3741.95万股", "37419500", "shares", "exact", {"counter": "股"}),
    ("37,419,500股", "37419500", "shares", "exact", {"scaled": False}),
    ("116.20港元/股", "116.20", "HKD", "exact", {"per_share": True}),
    ("约43亿港元", "4300000000", "HKD", "approx", {"qualifier_text": "约"}),
    ("超511亿港元", "51100000000", "HKD", "at_least", {"qualifier_text": "超"}),
    ("-0.4%", "-0.4", "percent", "exact", {}),
    ("12.3倍", "12.3", "times", "exact", {}),
    ("近七成", "70", "percent", "at_most", {"qualifier_text": "近"}),
    ("四千万元", "40000000", "CNY", "exact", {"scaled": True}),
    ("16.4亿", "1640000000", None, "exact", {"scaled": True}),
    # Arabic numbers, scales, currencies
    ("116.2港元", "116.2", "HKD", "exact", {"per_share": False}),
    ("120港元/股", "120", "HKD", "exact", {"per_share": True}),
    ("每股116.2港元", "116.2", "HKD", "exact", {"per_share": True, "text": "每股116.2港元"}),
    ("88港元每股", "88", "HKD", "exact", {"per_share": True}),
    ("12.6元/股", "12.6", "CNY", "exact", {"per_share": True}),
    ("1.2万亿", "1200000000000", None, "exact", {"scaled": True}),
    # one number written in two scales
    ("1亿4,035.3万股", "140353000", "shares", "exact", {"text": "1亿4,035.3万股"}),
    ("2亿零500万港元", "205000000", "HKD", "exact", {}),
    ("约1亿500万美元", "105000000", "USD", "approx", {}),
    ("3亿2千万元", "320000000", "CNY", "exact", {}),
    ("3千万", "30000000", None, "exact", {"scaled": True}),
    ("5百万美元", "5000000", "USD", "exact", {}),
    ("2.711亿美元", "271100000", "USD", "exact", {}),
    ("640万美元", "6400000", "USD", "exact", {}),
    ("0.29亿元", "29000000", "CNY", "exact", {}),
    ("1,234.56元", "1234.56", "CNY", "exact", {}),
    ("3亿元人民币", "300000000", "CNY", "exact", {}),
    ("人民币5亿元", "500000000", "CNY", "exact", {"text": "人民币5亿元"}),
    ("5亿人民币元", "500000000", "CNY", "exact", {}),
    ("RMB100", "100", "CNY", "exact", {}),
    ("CNY 80", "80", "CNY", "exact", {"text": "CNY 80"}),
    ("¥30", "30", "CNY", "exact", {}),
    ("6块钱", "6", "CNY", "exact", {}),
    ("6块多", "6", "CNY", "at_least", {"qualifier_text": "多"}),
    ("港币3亿", "300000000", "HKD", "exact", {}),
    ("HK$116.2", "116.2", "HKD", "exact", {"text": "HK$116.2"}),
    ("200HKD", "200", "HKD", "exact", {}),
    ("US$3亿", "300000000", "USD", "exact", {}),
    ("3亿美金", "300000000", "USD", "exact", {}),
    ("50 USD", "50", "USD", "exact", {}),
    ("8亿欧元", "800000000", "EUR", "exact", {}),
    ("100亿日元", "10000000000", "JPY", "exact", {}),
    ("2000万英镑", "20000000", "GBP", "exact", {}),
    ("4000余万", "40000000", None, "at_least", {"qualifier_text": "余"}),
    ("30余亿元", "3000000000", "CNY", "at_least", {}),
    ("1万余家", "10000", "count", "at_least", {"counter": "家"}),
    ("100多万", "1000000", None, "at_least", {}),
    ("0.5元", "0.5", "CNY", "exact", {}),
    ("0.60美元", "0.60", "USD", "exact", {}),
    ("2513", "2513", None, "exact", {"scaled": False}),
    ("200", "200", None, "exact", {}),
    ("1.20万", "12000", None, "exact", {}),
    ("0.12345万", "1234.5", None, "exact", {}),
    # Chinese numerals
    ("两千三百万", "23000000", None, "exact", {"scaled": True}),
    ("一百零五人", "105", "count", "exact", {"counter": "人", "scaled": False}),
    ("二十家", "20", "count", "exact", {"counter": "家"}),
    ("三点五亿", "350000000", None, "exact", {}),
    ("四百多亿", "40000000000", None, "at_least", {"qualifier_text": "多"}),
    ("百亿美元", "10000000000", "USD", "exact", {"scaled": True}),
    ("百亿", "10000000000", None, "exact", {}),
    ("三万亿", "3000000000000", None, "exact", {}),
    ("两万五", "25000", None, "exact", {}),
    ("三亿五千万", "350000000", None, "exact", {}),
    ("一亿二千万元", "120000000", "CNY", "exact", {}),
    ("十二点五亿港元", "1250000000", "HKD", "exact", {}),
    ("突破一亿", "100000000", None, "at_least", {"qualifier_text": "突破"}),
    ("五元", "5", "CNY", "exact", {}),
    # percent, points, multiples, fractions
    ("百分之七十", "70", "percent", "exact", {"text": "百分之七十"}),
    ("百分之五点五", "5.5", "percent", "exact", {}),
    ("千分之五", "0.5", "percent", "exact", {}),
    ("5‰", "0.5", "percent", "exact", {}),
    ("3个百分点", "3", "percent", "exact", {"points": True}),
    ("0.8个百分点", "0.8", "percent", "exact", {"points": True}),
    ("50个基点", "0.5", "percent", "exact", {"points": True}),
    ("三成半", "35", "percent", "exact", {}),
    ("7成", "70", "percent", "exact", {}),
    ("两成", "20", "percent", "exact", {}),
    ("十成", "100", "percent", "exact", {}),
    ("五成以上", "50", "percent", "at_least", {"qualifier_text": "以上"}),
    ("1583.5倍", "1583.5", "times", "exact", {}),
    ("百倍", "100", "times", "exact", {}),
    ("千倍", "1000", "times", "exact", {}),
    ("十倍以上", "10", "times", "at_least", {}),
    ("六分之一", "0.1666666666666666666666666667", "times", "exact", {}),
    ("三分之二", "0.6666666666666666666666666667", "times", "exact", {}),
    ("超三分之一", "0.3333333333333333333333333333", "times", "at_least", {}),
    ("约1/3", "0.3333333333333333333333333333", "times", "approx", {}),
    ("2/5的", "0.4", "times", "exact", {"text": "2/5"}),
    ("+117%", "117", "percent", "exact", {"text": "+117%"}),
    ("为-24.7%", "-24.7", "percent", "exact", {"text": "-24.7%"}),
    # shares and counts
    ("100股", "100", "shares", "exact", {"counter": "股"}),
    ("2.4769亿股", "247690000", "shares", "exact", {}),
    ("37,419,500股H股", "37419500", "shares", "exact", {"text": "37,419,500股H股"}),
    ("500万股股份", "5000000", "shares", "exact", {"text": "500万股"}),
    ("37.4万手", "374000", "count", "exact", {"counter": "手"}),
    ("23家", "23", "count", "exact", {"counter": "家"}),
    ("8轮", "8", "count", "exact", {"counter": "轮"}),
    ("657人", "657", "count", "exact", {"counter": "人"}),
    ("超480人", "480", "count", "at_least", {"counter": "人"}),
    ("两家", "2", "count", "exact", {"counter": "家"}),
    ("11轮", "11", "count", "exact", {"counter": "轮"}),
    ("290款", "290", "count", "exact", {"counter": "款"}),
    ("200多个", "200", "count", "at_least", {"counter": "个"}),
    ("8000万台", "80000000", "count", "exact", {"counter": "台"}),
    ("十家", "10", "count", "exact", {"counter": "家"}),
    # qualifiers
    ("大约511亿港元", "51100000000", "HKD", "approx", {"qualifier_text": "大约"}),
    ("约为37亿港元", "3700000000", "HKD", "approx", {"qualifier_text": "约为"}),
    ("大概37.4万手", "374000", "count", "approx", {}),
    ("超过44亿元", "4400000000", "CNY", "at_least", {"qualifier_text": "超过"}),
    ("逾83亿元", "8300000000", "CNY", "at_least", {}),
    ("接近2000亿港元", "200000000000", "HKD", "at_most", {}),
    ("将近500万人", "5000000", "count", "at_most", {}),
    ("不到10%", "10", "percent", "at_most", {}),
    ("不足三成", "30", "percent", "at_most", {}),
    ("不超过5亿元", "500000000", "CNY", "at_most", {}),
    ("不高于每股32.8港元", "32.8", "HKD", "at_most", {"per_share": True}),
    ("最高达51亿港元", "5100000000", "HKD", "at_most", {"qualifier_text": "最高达"}),
    ("最高可达约48.5亿港元", "4850000000", "HKD", "at_most", {"qualifier_text": "最高可达…约"}),
    ("1.86亿美元以内", "186000000", "USD", "at_most", {"qualifier_text": "以内"}),
    ("30%以上", "30", "percent", "at_least", {}),
    ("3000万美元出头", "30000000", "USD", "at_least", {}),
    ("68%左右", "68", "percent", "approx", {}),
    ("约68%左右", "68", "percent", "approx", {"qualifier_text": "约…左右"}),
    ("超10亿元以上", "1000000000", "CNY", "at_least", {"qualifier_text": "超…以上"}),
    ("高达3亿元", "300000000", "CNY", "exact", {"text": "3亿元", "qualifier_text": None}),
    ("达15.95亿元", "1595000000", "CNY", "exact", {"text": "15.95亿元"}),
    ("签约3家", "3", "count", "exact", {"text": "3家"}),
    ("节约30%", "30", "percent", "exact", {"qualifier_text": None}),
    ("超额认购1209倍", "1209", "times", "exact", {"text": "1209倍"}),
    ("约人民币5亿元", "500000000", "CNY", "approx", {"text": "约人民币5亿元"}),
    # English scale words after a currency or before shares, tenths after 成, 多 of "more by"
    ("RMB 326 million", "326000000", "CNY", "exact", {"text": "RMB 326 million"}),
    ("约RMB 6.13 billion", "6130000000", "CNY", "approx", {}),
    ("RMB 3.4 Billion", "3400000000", "CNY", "exact", {}),
    ("offering 56 million shares", "56000000", "shares", "exact", {"text": "56 million shares"}),
    ("2 million", "2", None, "exact", {"scaled": False}),
    ("低了约三成六", "36", "percent", "approx", {"text": "约三成六"}),
    ("七成五的股份", "75", "percent", "exact", {}),
    ("三成六个月", "30", "percent", "exact", {"text": "三成"}),
    ("比上季的3.88亿元多了", "388000000", "CNY", "exact", {"text": "3.88亿元"}),
]

# Traditional script, full-width digits and spaced numbers, through parse_amount.
TRADITIONAL = [
    ("1.86 億美元", "186000000", "USD", "exact", {"text": "1.86 億美元", "start": 0, "end": 8}),
    ("5740萬元", "57400000", "CNY", "exact", {}),
    ("約43億港元", "4300000000", "HKD", "approx", {"text": "約43億港元", "num_start": 1}),
    ("逾83億元", "8300000000", "CNY", "at_least", {"qualifier_text": "逾"}),
    ("30餘億元", "3000000000", "CNY", "at_least", {"qualifier_text": "余"}),
    ("兩家", "2", "count", "exact", {"counter": "家"}),
    ("港幣1.2億", "120000000", "HKD", "exact", {"text": "港幣1.2億"}),
    ("十億港幣", "1000000000", "HKD", "exact", {}),
    ("淨虧損29.58億元", "2958000000", "CNY", "exact", {"start": 3, "end": 10}),
    ("市值超過511億港元", "51100000000", "HKD", "at_least", {"text": "超過511億港元"}),
    ("募資總額約為37億港元", "3700000000", "HKD", "approx", {}),
    ("認購倍數達1209倍", "1209", "times", "exact", {"text": "1209倍"}),
    ("發行價每股116.2港元", "116.2", "HKD", "exact", {"per_share": True}),
    ("毛利率為-24.7%", "-24.7", "percent", "exact", {}),
    ("研發人員佔比約74%", "74", "percent", "approx", {}),
    ("兩千三百萬", "23000000", None, "exact", {}),
    ("近七成", "70", "percent", "at_most", {}),
    ("逾八成", "80", "percent", "at_least", {}),
    ("超過270萬", "2700000", None, "at_least", {}),
    ("約3億美元", "300000000", "USD", "approx", {}),
    ("每手100股", "100", "shares", "exact", {"text": "100股"}),
    ("3741.95萬股H股", "37419500", "shares", "exact", {}),
    ("２０２４年收入３.１２億元", "312000000", "CNY", "exact", {"start": 7, "end": 13}),
    ("不足一成", "10", "percent", "at_most", {}),
    ("四百多億", "40000000000", None, "at_least", {}),
    ("百分之七十五", "75", "percent", "exact", {}),
    ("三分之一以上", "0.3333333333333333333333333333", "times", "at_least", {}),
    ("最高可達51億港元", "5100000000", "HKD", "at_most", {}),
    ("將近500萬人", "5000000", "count", "at_most", {}),
    ("每股17.00至19.60港元", "17.00", "HKD", "range", {"low": "17.00", "high": "19.60", "per_share": True}),
    ("營收3,052萬美元", "30520000", "USD", "exact", {}),
]

# (input, low, high, unit, other expected attributes); value == low, qualifier 'range'.
RANGES = [
    ("3–5亿元", "300000000", "500000000", "CNY", {"text": "3–5亿元"}),
    ("3-5亿元", "300000000", "500000000", "CNY", {}),
    ("3至5亿元", "300000000", "500000000", "CNY", {}),
    ("3到5亿元", "300000000", "500000000", "CNY", {}),
    ("3~5亿元", "300000000", "500000000", "CNY", {}),
    ("17.00-19.60港元", "17.00", "19.60", "HKD", {}),
    ("17.00至19.60港元", "17.00", "19.60", "HKD", {}),
    ("38.34亿至41.89亿港元", "3834000000", "4189000000", "HKD", {}),
    ("38.34-41.89亿港元", "3834000000", "4189000000", "HKD", {}),
    ("28.00港元至30.30港元", "28.00", "30.30", "HKD", {"text": "28.00港元至30.30港元"}),
    ("30%-50%", "30", "50", "percent", {}),
    ("30%—50%", "30", "50", "percent", {}),
    ("每股151至165港元", "151", "165", "HKD", {"per_share": True, "text": "每股151至165港元"}),
    ("116.2-120港元/股", "116.2", "120", "HKD", {"per_share": True}),
    ("4-5亿元", "400000000", "500000000", "CNY", {}),
    ("三至五亿元", "300000000", "500000000", "CNY", {}),
    ("六到七成", "60", "70", "percent", {}),
    ("三千至五千万元", "30000000", "50000000", "CNY", {}),
    ("3-5家", "3", "5", "count", {"counter": "家"}),
    ("2-3个百分点", "2", "3", "percent", {"points": True}),
    ("-5%至-3%", "-5", "-3", "percent", {}),
    ("约3-5亿元", "300000000", "500000000", "CNY", {"qualifier_text": "约", "text": "约3-5亿元"}),
    ("HK$17-19", "17", "19", "HKD", {}),
    ("1000万-3亿元", "10000000", "300000000", "CNY", {}),
    # an English scale after the second number of a range whose first has a currency
    ("RMB 360–390 million", "360000000", "390000000", "CNY", {}),
    ("US$1.2–1.5bn", "1200000000", "1500000000", "USD", {}),
    ("HK$2.14bn–2.50bn", "2140000000", "2500000000", "HKD", {}),
    # an upper and a lower bound told apart (Hong Kong prospectus boilerplate)
    ("不高于每股32.8港元，且预期不低于每股28.6港元", "28.6", "32.8", "HKD", {"per_share": True}),
    ("不低于每股28.6港元及不高于每股32.8港元", "28.6", "32.8", "HKD", {"per_share": True}),
]

# Strings that hold no amount at all.
NOTHING = [
    "", "abc", "李四人民币", "全国两会", "人民币", "港元", "每股", "元宇宙", "超额认购",
    # dates and durations
    "2024年", "1月8日", "三年半", "24小时", "2022-2024年", "2022年至2024年", "2025-12-30",
    "2025/12/30", "2025.12.30", "第3季度", "两个月", "3个多月", "十多年", "2022到2024年",
    "2022、2023及2024年", "48小时内", "18岁", "2-3年内", "1-9月", "12/25/2025", "10:30",
    # ordinals, identifiers, tickers
    "第一", "第3", "第一名", "GLM-4.5", "GPT-4", "GLM-4-Air", "ChatGLM-6B", "18C", "7nm", "A1000",
    "Gen3", "M2.1", "Q2", "H1", "5G", "200K", "2025H1", "02513.HK", "2513.HK", "HK:02533",
    "601995.SH", "(00700)", "No.1", "v1.2.3", "[3]", "TOP10",
    # words made of numerals
    "一度", "一定", "十大", "两会", "万物", "百度", "千行百业", "一个", "一家", "一股", "三股", "三星",
    "千万不要", "十万火急", "零一万物", "万一", "亿万富翁", "一二级市场", "十一五", "一成不变",
    "万", "亿", "千家万户", "二次元",
    # indefinite amounts
    "数百万元", "数十亿", "几千万", "上万", "上百亿", "成千上万", "十几亿", "十来个", "好几百万",
    "五六十亿", "三四家",
    # share-market words, labels and classes
    "港股", "A股", "H股", "30强", "千亿级", "两位数", "8点", "500强企业",
    # ratios that are not clearly ratios, absurd runs
    "1/3", "1" * 25, "12345678901234567890123亿元",
]

# (sentence, [(text, start, end, value or 'low..high', unit, qualifier), ...]) for find_amounts.
SPANS = [
    ("公司2024年收入3.124亿元,同比增长151%", [
        ("3.124亿元", 9, 16, "312400000", "CNY", "exact"),
        ("151%", 21, 25, "151", "percent", "exact"),
    ]),
    ("本次发行价为每股88.50港元,募资约12亿港元。", [
        ("每股88.50港元", 6, 15, "88.50", "HKD", "exact"),
        ("约12亿港元", 18, 24, "1200000000", "HKD", "approx"),
    ]),
    ("该公司拟发行2,500,000股H股,每手200股。", [
        ("2,500,000股H股", 6, 18, "2500000", "shares", "exact"),
        ("200股", 21, 25, "200", "shares", "exact"),
    ]),
    ("毛利率由2023年的-12.5%回升至8.3%。", [
        ("-12.5%", 10, 16, "-12.5", "percent", "exact"),
        ("8.3%", 19, 23, "8.3", "percent", "exact"),
    ]),
    ("研发投入约为营收的7倍,占比超过六成。", [
        ("7倍", 9, 11, "7", "times", "exact"),
        ("超过六成", 14, 18, "60", "percent", "at_least"),
    ]),
    ("预计募资3至5亿美元,估值最高可达80亿美元。", [
        ("3至5亿美元", 4, 10, "300000000..500000000", "USD", "range"),
        ("最高可达80亿美元", 13, 22, "8000000000", "USD", "at_most"),
    ]),
    ("截至2025年6月30日,员工共1,024人,其中研发人员超过七成。", [
        ("1,024人", 16, 22, "1024", "count", "exact"),
        ("超过七成", 29, 33, "70", "percent", "at_least"),
    ]),
    ("股价从20港元涨到35.5港元,涨幅75%。", [
        ("20港元", 3, 7, "20", "HKD", "exact"),
        ("35.5港元", 9, 15, "35.5", "HKD", "exact"),
        ("75%", 18, 21, "75", "percent", "exact"),
    ]),
    ("GLM-4.5发布后,调用量增长10倍,API价格降至每百万tokens 0.8元。", [
        ("10倍", 16, 19, "10", "times", "exact"),
        ("0.8元", 37, 41, "0.8", "CNY", "exact"),
    ]),
    ("公告显示(02513.HK)于1月8日上市,股票代码2513。", [
        ("2513", 26, 30, "2513", None, "exact"),
    ]),
    ("报告期内亏损扩大至4.5亿元左右,较上年增加1.2亿元。", [
        ("4.5亿元左右", 9, 16, "450000000", "CNY", "approx"),
        ("1.2亿元", 22, 27, "120000000", "CNY", "exact"),
    ]),
    ("其中香港公开发售187.1万股,占比5%;国际发售3554.85万股,占比95%。", [
        ("187.1万股", 8, 15, "1871000", "shares", "exact"),
        ("5%", 18, 20, "5", "percent", "exact"),
        ("3554.85万股", 25, 34, "35548500", "shares", "exact"),
        ("95%", 37, 40, "95", "percent", "exact"),
    ]),
    ("两家基石投资者合计认购约2.5亿港元。", [
        ("两家", 0, 2, "2", "count", "exact"),
        ("约2.5亿港元", 11, 18, "250000000", "HKD", "approx"),
    ]),
    ("千行百业都在谈论AI,数百万元的投入并不少见,某厂商仅投入300万元。", [
        ("300万元", 29, 34, "3000000", "CNY", "exact"),
    ]),
    ("毛利率区间为30%-50%,净利率为-3.5%。", [
        ("30%-50%", 6, 13, "30..50", "percent", "range"),
        ("-3.5%", 18, 23, "-3.5", "percent", "exact"),
    ]),
    ("约四百多亿元的市值,相当于收入的百倍以上。", [
        ("约四百多亿元", 0, 6, "40000000000", "CNY", "at_least"),
        ("百倍以上", 16, 20, "100", "times", "at_least"),
    ]),
    ("招股价区间为每股12.5至14.8港元,对应募资额18亿至21.3亿港元。", [
        ("每股12.5至14.8港元", 6, 19, "12.5..14.8", "HKD", "range"),
        ("18亿至21.3亿港元", 25, 36, "1800000000..2130000000", "HKD", "range"),
    ]),
    ("收入从8000万元增至2.6亿元,增幅225%,亏损收窄了3个百分点。", [
        ("8000万元", 3, 9, "80000000", "CNY", "exact"),
        ("2.6亿元", 11, 16, "260000000", "CNY", "exact"),
        ("225%", 19, 23, "225", "percent", "exact"),
        ("3个百分点", 29, 34, "3", "percent", "exact"),
    ]),
    ("公司于2019年成立,已完成6轮融资,累计融资逾20亿元人民币。", [
        ("6轮", 14, 16, "6", "count", "exact"),
        ("逾20亿元人民币", 23, 31, "2000000000", "CNY", "at_least"),
    ]),
    ("18C章上市的公司中,有3家市值超过HK$500亿。", [
        ("3家", 12, 14, "3", "count", "exact"),
        ("超过HK$500亿", 16, 25, "50000000000", "HKD", "at_least"),
    ]),
    ("现金储备为US$12亿,较上年末减少15%左右。", [
        ("US$12亿", 5, 11, "1200000000", "USD", "exact"),
        ("15%左右", 18, 23, "15", "percent", "approx"),
    ]),
    ("该产品定价6块多,成本不足一成。", [
        ("6块多", 5, 8, "6", "CNY", "at_least"),
        ("不足一成", 11, 15, "10", "percent", "at_most"),
    ]),
    ("香港公开发售获得超额认购3,000倍,国际配售获2.5倍认购。", [
        ("3,000倍", 12, 18, "3000", "times", "exact"),
        ("2.5倍", 24, 28, "2.5", "times", "exact"),
    ]),
    ("从5740万到3.12亿元,从0.97亿元增至24.66亿元。", [
        ("5740万", 1, 6, "57400000", None, "exact"),
        ("3.12亿元", 7, 13, "312000000", "CNY", "exact"),
        ("0.97亿元", 15, 21, "97000000", "CNY", "exact"),
        ("24.66亿元", 23, 30, "2466000000", "CNY", "exact"),
    ]),
    ("2022–2024年研发费用累计超过44亿元,为营收的8倍以上。", [
        ("超过44亿元", 16, 22, "4400000000", "CNY", "at_least"),
        ("8倍以上", 27, 31, "8", "times", "at_least"),
    ]),
    ("2022,2023两年的营收分别为1亿元和2亿元。", [
        ("2022", 0, 4, "2022", None, "exact"),
        ("2023", 5, 9, "2023", None, "exact"),
        ("1亿元", 17, 20, "100000000", "CNY", "exact"),
        ("2亿元", 21, 24, "200000000", "CNY", "exact"),
    ]),
]

# (value, unit, keyword arguments, expected text)
FORMATS = [
    ("124500000", "CNY", {}, "1.245亿元"),
    ("57400000", "CNY", {}, "5740万元"),
    ("4300000000", "HKD", {}, "43亿港元"),
    ("186000000", "USD", {}, "1.86亿美元"),
    ("116.20", "HKD", {"per_share": True}, "116.20港元/股"),
    ("116.2", "HKD/share", {}, "116.2港元/股"),
    ("54.6", "percent", {}, "54.6%"),
    ("-0.4", "percent", {}, "-0.4%"),
    ("12.3", "times", {}, "12.3倍"),
    ("37419500", "shares", {}, "3741.95万股"),
    ("23", "count", {"counter": "家"}, "23家"),
    ("1200000000000", None, {}, "1.2万亿"),
    ("9999", "CNY", {}, "9999元"),
    ("-144000000", "CNY", {}, "-1.44亿元"),
    ("124500000", "CNY", {"style": "plain"}, "124500000元"),
    ("1E+3", "EUR", {"style": "plain"}, "1000欧元"),
]


def _check(amount: Amount, value: str, unit, qualifier: str, extra: dict) -> None:
    assert str(amount.value) == value
    assert amount.unit == unit
    assert amount.qualifier == qualifier
    for key, expected in extra.items():
        got = getattr(amount, key)
        if key in ("low", "high"):
            got = str(got)
        assert got == expected, key


# --------------------------------------------------------------------------------------
# Table tests
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit, qualifier, extra", DEV, ids=[r[0] for r in DEV])
def test_dev(text, value, unit, qualifier, extra):
    amounts = find_amounts(text)
    assert len(amounts) == 1
    _check(amounts[0], value, unit, qualifier, extra)
    assert amounts[0].text == text[amounts[0].start:amounts[0].end]


@pytest.mark.parametrize("text, value, unit, qualifier, extra", TRADITIONAL,
                         ids=[r[0] for r in TRADITIONAL])
def test_traditional(text, value, unit, qualifier, extra):
    amount = parse_amount(text)
    _check(amount, value, unit, qualifier, extra)
    assert amount.text == text[amount.start:amount.end]


@pytest.mark.parametrize("text, low, high, unit, extra", RANGES, ids=[r[0] for r in RANGES])
def test_ranges(text, low, high, unit, extra):
    amounts = find_amounts(text)
    assert len(amounts) == 1
    amount = amounts[0]
    assert amount.qualifier == "range"
    assert (str(amount.value), str(amount.low), str(amount.high)) == (low, low, high)
    assert amount.unit == unit
    for key, expected in extra.items():
        assert getattr(amount, key) == expected, key


@pytest.mark.parametrize("text", NOTHING, ids=[r[:20] or "empty" for r in NOTHING])
def test_nothing(text):
    assert find_amounts(text) == []
    with pytest.raises(ParseError):
        parse_amount(text)


@pytest.mark.parametrize("sentence, expected", SPANS, ids=[s[:16] for s, _ in SPANS])
def test_spans(sentence, expected):
    got = []
    for a in find_amounts(sentence):
        value = f"{a.low}..{a.high}" if a.qualifier == "range" else str(a.value)
        got.append((a.text, a.start, a.end, value, a.unit, a.qualifier))
        assert sentence[a.start:a.end] == a.text
        assert a.start <= a.num_start < a.num_end <= a.end
    assert got == expected


@pytest.mark.parametrize("value, unit, kwargs, expected", FORMATS, ids=[r[3] for r in FORMATS])
def test_format_amount(value, unit, kwargs, expected):
    assert format_amount(Decimal(value), unit, **kwargs) == expected


# --------------------------------------------------------------------------------------
# Details
# --------------------------------------------------------------------------------------

def test_num_span_points_at_the_digits():
    a = find_amounts("募资约43亿港元")[0]
    assert (a.start, a.end, a.num_start, a.num_end) == (2, 8, 3, 5)
    assert a.qualifier_text == "约"


def test_percent_words_span_and_core():
    a = find_amounts("占比百分之七十")[0]
    assert (a.start, a.end, a.num_start, a.num_end, a.text) == (2, 7, 5, 7, "百分之七十")


def test_range_provenance():
    a = find_amounts("价格区间为每股151至165港元")[0]
    assert (a.start, a.end, a.num_start, a.num_end) == (5, 16, 7, 14)
    assert (a.low, a.high, a.per_share, a.scaled) == (Decimal(151), Decimal(165), True, False)


def test_decimal_places_are_kept_and_scaled_values_normalized():
    assert str(parse_amount("116.20港元").value) == "116.20"
    assert str(parse_amount("1.20亿元").value) == "120000000"
    assert str(parse_amount("3.100万").value) == "31000"


def test_parse_amount_returns_the_first_amount():
    a = parse_amount("收入3.12億元,增長151%")
    assert (str(a.value), a.unit, a.start, a.end, a.text) == ("312000000", "CNY", 2, 8, "3.12億元")


def test_repr_reads_well():
    assert repr(find_amounts("1.245亿元")[0]) == "<Amount 124500000 CNY exact '1.245亿元'>"
    assert str(find_amounts("3-5亿元")[0]) == "<Amount 300000000..500000000 CNY range '3-5亿元'>"
    assert str(find_amounts("116.2港元/股")[0]) == "<Amount 116.2 HKD/share exact '116.2港元/股'>"


def test_amount_is_frozen():
    a = find_amounts("5亿元")[0]
    with pytest.raises(Exception):
        a.value = Decimal(1)


def test_parse_amount_rejects_non_strings():
    with pytest.raises(ParseError):
        parse_amount(None)  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        find_amounts(b"5\xe4\xba\xbf")  # type: ignore[arg-type]


def test_format_amount_rejects_unknown_units_and_styles():
    with pytest.raises(ValueError):
        format_amount(Decimal(1), "BTC")
    with pytest.raises(ValueError):
        format_amount(Decimal(1), "CNY", style="roman")
    with pytest.raises(ValueError):
        format_amount(Decimal("NaN"), "CNY")


@pytest.mark.parametrize("name", ["units.tsv", "qualifiers.tsv"])
def test_lexicon_tables_parse_without_duplicates(name):
    rows = lexicon.read_rows(name)
    keys = [(row[0], row[1]) for row in rows]
    assert len(keys) == len(set(keys))
    assert all(len(row) >= 2 and row[0] and row[1] for row in rows)
    for row in rows:
        guards = [g for g in (row[3].split(",") if len(row) > 3 else []) if g]
        assert len(guards) == len(set(guards)), row[0]


def test_unit_table_kinds():
    kinds = {"currency", "currency_prefix", "percent", "permille", "points", "basis_points", "times",
             "cheng", "shares", "counter", "time", "skip"}
    for row in lexicon.read_rows("units.tsv"):
        assert row[1] in kinds, row[0]
        if row[1] in ("currency", "currency_prefix"):
            assert row[2] in ("CNY", "HKD", "USD", "EUR", "JPY", "GBP", "TWD", "SGD", "MOP", "AUD"), row[0]


def test_qualifier_table_uses_fact_vocabulary():
    for word, position, qualifier, *_ in lexicon.read_rows("qualifiers.tsv"):
        assert position in ("before", "inner", "after"), word
        assert qualifier in ("exact", "approx", "at_least", "at_most"), word


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------

_CURRENCIES = ["CNY", "HKD", "USD", "EUR", "JPY", "GBP"]


@st.composite
def _amounts(draw):
    whole = draw(st.from_regex(r"\A(0|[1-9][0-9]{0,11})\Z"))
    frac = draw(st.from_regex(r"\A[0-9]{0,4}\Z"))
    digits = whole + ("." + frac if frac else "")
    scale = draw(st.sampled_from([0, 4, 8]))
    sign = draw(st.sampled_from(["", "-"]))
    value = Decimal(sign + digits).scaleb(scale)
    unit = draw(st.sampled_from(_CURRENCIES + ["percent", "times", "shares", None]))
    return value, unit


@given(_amounts())
@settings(max_examples=300, deadline=None)
def test_round_trip_format_then_parse(case):
    value, unit = case
    text = format_amount(value, unit)
    amount = parse_amount(text)
    assert amount.value == value
    assert amount.unit == unit
    assert amount.qualifier == "exact"
    assert amount.text == text


_ALPHABET = st.sampled_from(list(
    "0123456789.,-+%/:~ 零一二两三四五六七八九十百千万亿点分之约超逾近余多以上左右元港美币人民股H"
    "A家轮个成倍每第年月日从至到数几上HK$USDabcGLM()[]。,;\n²١５"
))
_TEXT = st.one_of(st.text(max_size=80), st.lists(_ALPHABET, max_size=80).map("".join))


@given(_TEXT)
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_find_amounts_never_raises_and_spans_are_sound(text):
    amounts = find_amounts(text)
    last = 0
    for a in amounts:
        assert 0 <= last <= a.start < a.end <= len(text)
        assert a.start <= a.num_start < a.num_end <= a.end
        assert a.text == text[a.start:a.end]
        assert a.qualifier in ("exact", "approx", "at_least", "at_most", "range")
        if a.qualifier == "range":
            assert a.low == a.value and a.low <= a.high
        last = a.end


@given(_TEXT)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_amount_raises_only_parse_error(text):
    try:
        amount = parse_amount(text)
    except ParseError:
        return
    assert amount.text == text[amount.start:amount.end]


@pytest.mark.parametrize("text", [
    "1" * 200_000,
    "亿" * 200_000,
    "约" * 200_000,
    "1." * 100_000,
    "1亿" * 20_000,
    "3至" * 20_000,
    "1," * 50_000,
    "三分之" * 30_000,
    "[" * 100_000,
    "GLM-" * 20_000,
], ids=["digits", "yi", "yue", "one-dot", "1yi", "3zhi", "commas", "fenzhi", "brackets", "glm"])
def test_linear_time_on_hostile_input(text):
    started = time.perf_counter()
    amounts = find_amounts(text)
    assert time.perf_counter() - started < 10   # generous: a quadratic scan would take hours
    assert all(a.end - a.start < 20 for a in amounts)


@pytest.mark.parametrize("text,amount_text", [
    ("净亏损按年扩大约73%", "约73%"),
    ("规模加大约2亿元", "约2亿元"),
    ("大约73%", "大约73%"),
])
def test_da_belongs_to_the_word_before_it(text, amount_text):
    found = find_amounts(text)
    assert [a.text for a in found] == [amount_text]
    assert found[0].qualifier == "approx"
