"""Eighth sentence-level table: bylines run together with their time (星期二07:00撰文), a year
named again (2024年一年), quote boxes of label:value lines (开市:135.3, 每手股数:100,
总市值:705.6亿), the previous close and prices compared with the current one. Every text and
figure is invented for this table. Format: see ``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES: list[Case] = [
    # ------------------------------------------------------------------ days
    Case("h-byline-time-author",
         "2026年6月2日 星期二 08:15 撰文:陈家朗\n云栈科技(云栈科技,2788)今日(2日)起招股，至本周五(5日)中午截止。",
         (("云栈科技", "ticker", None, None, "02788.HK", "text", "exact"),
          ("云栈科技", "subscription_start", None, None, "2026-06-02", "date", "exact"),
          ("云栈科技", "subscription_end", None, None, "2026-06-05", "date", "exact")),
         note="the byline dates the article though the time runs into 撰文"),
    Case("h-byline-time-editor-trad",
         "2026年6月2日 星期二 08:15 編輯:何嘉欣\n雲棧科技今日(2日)起招股。",
         (("云栈科技", "subscription_start", None, None, "2026-06-02", "date", "exact"),)),
    # ------------------------------------------------------------------ periods
    Case("h-year-named-again",
         "云栈科技光2024年一年就亏了近9亿元。",
         (("云栈科技", "net_loss", "2024", None, "900000000", "CNY", "at_most"),),
         note="一年 after 2024年 is the same year, not a span to find"),
    Case("h-year-named-again-revenue",
         "云栈科技2025年一整年的收入约为3.2亿元。",
         (("云栈科技", "revenue", "2025", None, "320000000", "CNY", "approx"),)),
    # ------------------------------------------------------------------ quote boxes
    Case("h-quote-box-trad",
         "雲棧科技(02788)今早高開3.1%。\n【股價資料】雲棧科技(02788)\n現價:48.250 變動:+1.650(+3.54%)\n"
         "開市:47.900 前收市:46.600\n每手股數:500 總市值:212.4億\n",
         (("云栈科技", "ticker", None, None, "02788.HK", "text", "exact"),
          ("云栈科技", "open_change", "2026-06-02", None, "3.1", "percent", "exact"),
          ("云栈科技", "last_price", "2026-06-02", None, "48.250", "HKD/share", "exact"),
          ("云栈科技", "day_change", "2026-06-02", None, "3.54", "percent", "exact"),
          ("云栈科技", "open_price", "2026-06-02", None, "47.900", "HKD/share", "exact"),
          ("云栈科技", "board_lot", None, None, "500", "shares", "exact"),
          ("云栈科技", "market_cap", "2026-06-02", None, "21240000000", "HKD", "exact")),
         published="2026-06-02",
         note="label:value lines; 前收市 is a close of an unwritten day; bare 亿 in an HK box is HKD"),
    Case("h-colon-before-year-still-ends-clause",
         "云栈科技营收增长迅猛:2023年8600万元，2024年2.15亿元。",
         (("云栈科技", "revenue", "2023", None, "86000000", "CNY", "exact"),
          ("云栈科技", "revenue", "2024", None, "215000000", "CNY", "exact"))),
    Case("h-previous-close-alone",
         "云栈科技前收市价46.6港元。",
         ()),
    Case("h-upside-to-current-price",
         "大行给予云栈科技目标价60港元，较现价有24.4%上升空间。",
         (),
         note="a target price and the upside from the current price are not a day's change"),
    # ------------------------------------------------------------------ tables
    Case("h-table-cells-with-conversions",
         "| 指标 | 云栈科技 | 澜峰微电子 |\n|---|---|---|\n"
         "| 2025年收入 | 4,260万美元(约3.03亿元人民币) | 2.48亿元人民币(约3,490万美元) |\n"
         "| 2025年毛利率 | 33.5% | 41.2% |\n",
         (("云栈科技", "revenue", "2025", None, "42600000", "USD", "exact"),
          ("云栈科技", "revenue", "2025", None, "303000000", "CNY", "approx"),
          ("澜峰微电子", "revenue", "2025", None, "248000000", "CNY", "exact"),
          ("澜峰微电子", "revenue", "2025", None, "34900000", "USD", "approx"),
          ("云栈科技", "gross_margin", "2025", None, "33.5", "percent", "exact"),
          ("澜峰微电子", "gross_margin", "2025", None, "41.2", "percent", "exact")),
         note="a sum and its conversion in parentheses are two facts; companies across the columns"),
    Case("h-table-cell-two-sums-not-conversion",
         "| 指标 | 云栈科技 | 澜峰微电子 |\n|---|---|---|\n"
         "| 2025年收入 | 3.03亿元、2.91亿元 | 2.48亿元 |\n| 2025年毛利率 | 33.5% | 41.2% |\n",
         (("澜峰微电子", "revenue", "2025", None, "248000000", "CNY", "exact"),
          ("云栈科技", "gross_margin", "2025", None, "33.5", "percent", "exact"),
          ("澜峰微电子", "gross_margin", "2025", None, "41.2", "percent", "exact")),
         note="two sums in one currency: which one is meant is not known"),
    Case("h-table-label-basis-in-parens",
         "| 公司 | 市销率(2024年收入) | 2024年毛利率 |\n|---|---|---|\n"
         "| 云栈科技 | 约86倍 | 33.5% |\n| 澜峰微电子 | 约41倍 | 41.2% |\n| 星衡智能 | 约23倍 | 29.0% |\n",
         (("云栈科技", "price_to_sales", "2024", None, "86", "times", "approx"),
          ("澜峰微电子", "price_to_sales", "2024", None, "41", "times", "approx"),
          ("星衡智能", "price_to_sales", "2024", None, "23", "times", "approx"),
          ("云栈科技", "gross_margin", "2024", None, "33.5", "percent", "exact"),
          ("澜峰微电子", "gross_margin", "2024", None, "41.2", "percent", "exact"),
          ("星衡智能", "gross_margin", "2024", None, "29.0", "percent", "exact")),
         note="the revenue in parentheses is what the P/S is measured on"),
    # ------------------------------------------------------------------ since
    Case("h-since-year-band",
         "云栈科技的毛利率2022年以来在30%~40%之间波动，2025年约为35.2%。",
         (("云栈科技", "gross_margin", "2025", None, "35.2", "percent", "approx"),),
         note="a band held since 2022 is not 2022's margin"),
    Case("h-since-year-to-date",
         "澜峰微电子2023年至今研发投入约为12亿元。",
         (),
         note="a sum since a year, to an unwritten day, has no period"),
    # ------------------------------------------------------------------ uses of proceeds
    Case("h-uses-expand-trad",
         "雲棧科技所得款項約55%用於研發，約30%用於擴建生產線，其餘作營運資金。",
         (("云栈科技", "use_of_proceeds", None, "rd", "55", "percent", "approx"),
          ("云栈科技", "use_of_proceeds", None, "business_expansion", "30", "percent", "approx"))),
    Case("h-uses-in-an-answer",
         "问：云栈科技上市打算募多少钱？\n答：招股书里写了，大约65%用于研发，25%左右用于扩充产能。",
         (("云栈科技", "use_of_proceeds", None, "rd", "65", "percent", "approx"),
          ("云栈科技", "use_of_proceeds", None, "business_expansion", "25", "percent", "approx")),
         note="the question names the fundraising, the prospectus names the plan"),
    Case("h-revenue-share-to-rd-not-proceeds",
         "云栈科技每年把收入的30%左右用于研发。",
         (),
         note="a share of revenue spent on R&D is no use of IPO proceeds"),
]
