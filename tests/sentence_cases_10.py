"""Tenth sentence-level table: breakdowns that continue the one period of the sentence before,
the other segment's share of the same period, the basis of a price-to-sales multiple written in
parentheses, averages a company is compared with, forecast years that do not date an article,
and a date that opens its sentence with a time of day. Every text and figure is invented for
this table. Format: see ``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES: list[Case] = [
    # ------------------------------------------------------------------ periods carried on
    Case("j-breakdown-after-one-period",
         "智谱2023年、2024年收入分别为1.2亿元、2.6亿元。其中,2025年上半年本地化部署收入0.9亿元。"
         "分产品看,云端部署贡献约0.4亿元。",
         (("zhipu", "revenue", "2023", None, "120000000", "CNY", "exact"),
          ("zhipu", "revenue", "2024", None, "260000000", "CNY", "exact"),
          ("zhipu", "revenue", "2025H1", "local_deployment", "90000000", "CNY", "exact"),
          ("zhipu", "revenue", "2025H1", "cloud_deployment", "40000000", "CNY", "approx")),
         note="a breakdown with no period continues the one period of the sentence before it"),
    Case("j-breakdown-needs-one-period",
         "智谱2023年、2024年收入分别为1.2亿元、2.6亿元。分产品看,云端部署贡献约0.4亿元。",
         (("zhipu", "revenue", "2023", None, "120000000", "CNY", "exact"),
          ("zhipu", "revenue", "2024", None, "260000000", "CNY", "exact")),
         note="after a sentence of two years, the breakdown's year is not guessed"),
    Case("j-other-segment-share",
         "智谱逾八成收入来自本地化部署(2025年上半年占82.6%),云端部署仅占17.4%。",
         (("zhipu", "revenue_share", "2025H1", "local_deployment", "82.6", "percent", "exact"),
          ("zhipu", "revenue_share", "2025H1", "cloud_deployment", "17.4", "percent", "exact")),
         note="the other segment's share is of the period the first share names"),
    Case("j-other-segment-share-trad",
         "智譜逾八成收入來自本地化部署(2025年上半年佔82.6%),雲端部署僅佔17.4%。",
         (("zhipu", "revenue_share", "2025H1", "local_deployment", "82.6", "percent", "exact"),
          ("zhipu", "revenue_share", "2025H1", "cloud_deployment", "17.4", "percent", "exact"))),
    # ------------------------------------------------------------------ price-to-sales
    Case("j-ps-basis-in-parentheses",
         "以招股价计,智谱市销率约120倍(2024年收入),MiniMax更高达190倍。",
         (("zhipu", "price_to_sales", "2024", None, "120", "times", "approx"),
          ("minimax", "price_to_sales", "2024", None, "190", "times", "exact")),
         note="(2024年收入) is the basis of the multiple; the other company's is on the same basis"),
    Case("j-ps-basis-in-parentheses-trad",
         "以招股價計,智譜市銷率約120倍(按2024年營收),MiniMax則逾190倍。",
         (("zhipu", "price_to_sales", "2024", None, "120", "times", "approx"),
          ("minimax", "price_to_sales", "2024", None, "190", "times", "at_least"))),
    Case("j-benchmark-average-after",
         "按2024年收入计,MiniMax市销率约310倍,远高于港股软件股约8倍的平均水平。",
         (("minimax", "price_to_sales", "2024", None, "310", "times", "approx"),),
         note="an average the company is compared with is not its figure"),
    Case("j-benchmark-average-before",
         "智谱2025年上半年毛利率为48.2%,行业平均约为35%。",
         (("zhipu", "gross_margin", "2025H1", None, "48.2", "percent", "exact"),)),
    # ------------------------------------------------------------------ dates
    Case("j-forecast-years-do-not-date",
         "12月15日,澄衡科技(02795.HK)启动招股,招股期至12月18日,预计2026年1月5日挂牌。"
         "公司2025年上半年收入2.3亿元。有机构预计,到2030年相关市场规模将达8000亿元,2025年至2030年复合增速约40%。",
         (("澄衡科技", "ticker", None, None, "02795.HK", "text", "exact"),
          ("澄衡科技", "subscription_start", None, None, "2025-12-15", "date", "exact"),
          ("澄衡科技", "subscription_end", None, None, "2025-12-18", "date", "exact"),
          ("澄衡科技", "listing_date", None, None, "2026-01-05", "date", "exact"),
          ("澄衡科技", "revenue", "2025H1", None, "230000000", "CNY", "exact")),
         note="the years of a forecast do not make the article's December dates late ones"),
    Case("j-opening-date-with-time",
         "1月9日上午,稀宇科技(下称“MiniMax”,00100.HK)在港交所敲钟上市。",
         (("minimax", "ticker", None, None, "00100.HK", "text", "exact"),
          ("minimax", "listing_date", None, None, "2026-01-09", "date", "exact")),
         published="2026-01-09",
         note="a date (with a time of day) opening the sentence is the date of its event"),
    Case("j-opening-date-not-the-event",
         "4月2日晚间,今年1月9日登陆港交所的MiniMax发布2025年年度业绩。",
         (("minimax", "listing_date", None, None, "2026-01-09", "date", "exact"),),
         published="2026-04-03",
         note="the event has its own date; the opening date is when the results came out"),
]
