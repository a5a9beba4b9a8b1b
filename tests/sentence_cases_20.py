"""Twentieth sentence-level table: shapes the session-18 work showed missing: a trade word at
the end of a name (医疗 of 朔望医疗) that the article also writes in a trade (医疗机器人公司), a month
written before stock codes and bare days (今年1月,A(…)与B(…)先后于6日及9日), a figure compared with
and no period of its own (对比3.02亿元: a year before a year's or a half's, not read for a
quarter), 研发上花了 and 折合收入的…%, 去年同期 inside parentheses (the 同期 after them is the
period in context again), a relative half written before the dated half it is compared with
(中期收入…，2025年上半年仅录得…). Every text and figure is invented for this table. Format: see
``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES = [
    Case("r-tail-trade-head",
         '这是继澄岳科技(02788)、朔望医疗(02766)之后,港股今年第三家上市的医疗机器人公司。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('朔望医疗', 'ticker', None, None, '02766.HK', 'text', 'exact')),
         published="2026-05-01"),
    Case("r-tail-trade-head-tc",
         '業內人士指出,繼朔望醫療(02766)之後,又一家醫療器械公司遞表,醫療器械板塊今年已有四宗上市申請。',
         (('朔望医疗', 'ticker', None, None, '02766.HK', 'text', 'exact'),),
         published="2026-05-01"),
    Case("r-month-codes-days",
         '今年1月,澄岳科技(02788)与宁川芯材(02795)先后于6日及9日在港挂牌。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('宁川芯材', 'ticker', None, None, '02795.HK', 'text', 'exact'),
          ('澄岳科技', 'listing_date', None, None, '2026-01-06', 'date', 'exact'),
          ('宁川芯材', 'listing_date', None, None, '2026-01-09', 'date', 'exact')),
         published="2026-03-20"),
    Case("r-month-codes-days-tc",
         '去年12月，朔望醫療(02766)與澄岳科技(02788)先後於18日和22日掛牌。',
         (('朔望医疗', 'ticker', None, None, '02766.HK', 'text', 'exact'),
          ('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('朔望医疗', 'listing_date', None, None, '2025-12-18', 'date', 'exact'),
          ('澄岳科技', 'listing_date', None, None, '2025-12-22', 'date', 'exact')),
         published="2026-03-20"),
    Case("r-compared-with",
         '宁川芯材(02795)上半年收入4.35亿元,对比3.02亿元;经调整净亏损0.87亿元,相较1.12亿元明显收窄。',
         (('宁川芯材', 'ticker', None, None, '02795.HK', 'text', 'exact'),
          ('宁川芯材', 'revenue', '2026H1', None, '435000000', 'CNY', 'exact'),
          ('宁川芯材', 'revenue', '2025H1', None, '302000000', 'CNY', 'exact'),
          ('宁川芯材', 'adjusted_net_loss', '2026H1', None, '87000000', 'CNY', 'exact'),
          ('宁川芯材', 'adjusted_net_loss', '2025H1', None, '112000000', 'CNY', 'exact')),
         published="2026-08-28"),
    Case("r-compared-quarter",
         '澄岳科技(02788)第三季度收入2.6亿元,对比2.1亿元。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'revenue', '2026Q3', None, '260000000', 'CNY', 'exact')),
         published="2026-11-12"),
    Case("r-rd-spent-on",
         '朔望医疗(02766)上半年研发上花了1.36亿元,折合收入的52.3%。',
         (('朔望医疗', 'ticker', None, None, '02766.HK', 'text', 'exact'),
          ('朔望医疗', 'rd_expense', '2026H1', None, '136000000', 'CNY', 'exact'),
          ('朔望医疗', 'rd_to_revenue', '2026H1', None, '52.3', 'percent', 'exact')),
         published="2026-08-28"),
    Case("r-paren-same-period",
         '澄岳科技(02788)上半年研发开支3.1亿元(去年同期2.4亿元),约为同期收入的1.3倍。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'rd_expense', '2026H1', None, '310000000', 'CNY', 'exact'),
          ('澄岳科技', 'rd_expense', '2025H1', None, '240000000', 'CNY', 'exact'),
          ('澄岳科技', 'rd_to_revenue', '2026H1', None, '130', 'percent', 'approx')),
         published="2026-08-28"),
    Case("r-resolved-then-aside",
         '另一边的宁川芯材(02795)增速更快。中期收入4.35亿元,2025年上半年仅录得3.02亿元。研发上花了0.96亿元,折合收入的22.1%。',
         (('宁川芯材', 'ticker', None, None, '02795.HK', 'text', 'exact'),
          ('宁川芯材', 'revenue', '2026H1', None, '435000000', 'CNY', 'exact'),
          ('宁川芯材', 'revenue', '2025H1', None, '302000000', 'CNY', 'exact'),
          ('宁川芯材', 'rd_expense', '2026H1', None, '96000000', 'CNY', 'exact'),
          ('宁川芯材', 'rd_to_revenue', '2026H1', None, '22.1', 'percent', 'exact')),
         published="2026-08-28"),
]
