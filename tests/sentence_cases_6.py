"""Sixth sentence-level table: periods and days that hold across sentences and paragraphs.

A sub-year period right after a Latin company name (MiniMax上半年), a paragraph with no period
continuing the one before it about the reporting period, the growth of a named segment, a
target year the article looks forward to (目标2026年…) that is not the period it reports, and a
weekday naming the session (股价周一收跌, 上周五). Every text and figure is invented for this
table. Format: see ``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES: list[Case] = [
    # ------------------------------------------------------------------ periods
    Case("f-half-after-latin-name",
         "2026年上半年，MiniMax营收1.05亿美元。亏损方面，MiniMax上半年净亏损3.12亿美元。",
         (("minimax", "revenue", "2026H1", None, "105000000", "USD", "exact"),
          ("minimax", "net_loss", "2026H1", None, "312000000", "USD", "exact")),
         published="2026-08-27", note="上半年 after a Latin letter is still a period"),
    Case("f-half-after-latin-then-compare",
         "星枢智能2026年上半年收入2.4亿元。\n星枢智能上半年经调整亏损1.1亿元，上年同期为1.5亿元。研发开支为1.9亿元。",
         (("星枢智能", "revenue", "2026H1", None, "240000000", "CNY", "exact"),
          ("星枢智能", "adjusted_net_loss", "2026H1", None, "110000000", "CNY", "exact"),
          ("星枢智能", "adjusted_net_loss", "2025H1", None, "150000000", "CNY", "exact"),
          ("星枢智能", "rd_expense", "2026H1", None, "190000000", "CNY", "exact")),
         published="2026-08-27", note="the resolved 上半年 is the paragraph's period"),
    Case("f-paragraph-continues-report",
         "澜峰微电子公布2026年中期业绩，上半年收入4.8亿元，同比增长35%。\n"
         "![](https://img.example.com/a.jpg)\n"
         "分业务看，芯片收入3.1亿元，占总收入的64.6%；解决方案收入1.7亿元。",
         (("澜峰微电子", "revenue", "2026H1", None, "480000000", "CNY", "exact"),
          ("澜峰微电子", "revenue_growth", "2026H1", None, "35", "percent", "exact")),
         published="2026-08-20",
         note="segments without a segment slug stay unplaced; the paragraph after takes the period"),
    Case("f-paragraph-continues-rd",
         "澜峰微电子2026年上半年收入4.8亿元。\n研发开支为3.6亿元，相当于收入的75.0%。",
         (("澜峰微电子", "revenue", "2026H1", None, "480000000", "CNY", "exact"),
          ("澜峰微电子", "rd_expense", "2026H1", None, "360000000", "CNY", "exact"),
          ("澜峰微电子", "rd_to_revenue", "2026H1", None, "75.0", "percent", "exact")),
         published="2026-08-20", note="a paragraph without a period continues the reporting one"),
    Case("f-paragraph-not-continued-when-several",
         "星枢智能2024年收入2.1亿元，2025年收入3.3亿元。\n研发开支为2.6亿元。",
         (("星枢智能", "revenue", "2024", None, "210000000", "CNY", "exact"),
          ("星枢智能", "revenue", "2025", None, "330000000", "CNY", "exact")),
         published="2026-03-20", note="two periods before: the next paragraph's figure is unplaced"),
    Case("f-segment-growth",
         "2026年上半年，MiniMax总收入1.1亿美元，其中海螺AI收入同比增长约280%，Talkie收入同比增长40%。",
         (("minimax", "revenue", "2026H1", None, "110000000", "USD", "exact"),
          ("minimax", "revenue_growth", "2026H1", "hailuo", "280", "percent", "approx"),
          ("minimax", "revenue_growth", "2026H1", "talkie", "40", "percent", "exact")),
         published="2026-08-27", note="the growth of a named product line carries its segment"),
    Case("f-target-year-not-topic",
         "星枢智能全年收入增1.5倍\n星枢智能公布截至2025年12月31日止年度业绩，收入6.2亿元。期内研发开支8.1亿元。"
         "公司目标2026年收入翻倍。",
         (("星枢智能", "revenue", "2025", None, "620000000", "CNY", "exact"),
          ("星枢智能", "rd_expense", "2025", None, "810000000", "CNY", "exact"),
          ("星枢智能", "revenue_growth", "2025", None, "150", "percent", "exact")),
         published="2026-03-20", note="a year not over at the article's date is a target, not the topic"),
    # ------------------------------------------------------------------ weekdays
    Case("f-weekday-close",
         "星枢智能(02688.HK)股价周一收跌5.2%至31.4港元。",
         (("星枢智能", "ticker", None, None, "02688.HK", "text", "exact"),
          ("星枢智能", "close_price", "2026-03-30", None, "31.4", "HKD/share", "exact"),
          ("星枢智能", "day_change", "2026-03-30", None, "-5.2", "percent", "exact")),
         published="2026-03-31", note="周一 in an article of Tuesday 31 March: the day before"),
    Case("f-weekday-last-week",
         "澜峰微电子(06688.HK)上周五收报18.2港元，升3.4%。",
         (("澜峰微电子", "ticker", None, None, "06688.HK", "text", "exact"),
          ("澜峰微电子", "close_price", "2026-03-27", None, "18.2", "HKD/share", "exact"),
          ("澜峰微电子", "day_change", "2026-03-27", None, "3.4", "percent", "exact")),
         published="2026-03-31", note="上周五: the Friday of the week before"),
    Case("f-weekday-after-listing-day",
         "星枢智能1月5日以每股12.5港元上市，首日收涨60%。该股週一收跌2.5%，報15.8港元。",
         (("星枢智能", "listing_date", None, None, "2026-01-05", "date", "exact"),
          ("星枢智能", "offer_price", None, None, "12.5", "HKD/share", "exact"),
          ("星枢智能", "day_change", "2026-01-05", None, "60", "percent", "exact"),
          ("星枢智能", "close_price", "2026-03-30", None, "15.8", "HKD/share", "exact"),
          ("星枢智能", "day_change", "2026-03-30", None, "-2.5", "percent", "exact")),
         published="2026-03-30", note="the weekday beats the day just described"),
]
