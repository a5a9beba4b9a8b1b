"""Twenty-fifth sentence-level table: shapes the session-23 work showed missing: the market's
turnover of a day (大市成交, 全日主板成交, a market wrap's 全日成交額 beside the indices: a fact of
``market``; half a session's is none; a company's own turnover beside an index stays the company's);
the cash told together with deposits and wealth products (现金、定期存款及理财产品合计…, 現金…加起來…:
one cash figure; 另持有理财产品 beside it is none); an item's loss after the year's (公允价值变动产生
亏损…, 商誉减值产生的亏损…: no net loss); what a listing raised, net (上市募得的…所得款项净额); a ratio's
levels going on clause by clause (…占收入的比例2024年为88.2%，2025年降至61.5%，今年上半年…回落至54.0%;
这一比例 with no ratio named before stays unplaced).
Every text and figure is invented for this table. Format: see ``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES = [
    Case('s25-market-wrap-turnover',
         '港股三大指數今日個別發展，恒指收升0.6%，科指跌0.2%，全日成交額2,105.3億港元。澄岳科技(02788)收漲2.1%。',
         (('hsi', 'day_change', '2026-10-14', None, '0.6', 'percent', 'exact'),
          ('hstech', 'day_change', '2026-10-14', None, '-0.2', 'percent', 'exact'),
          ('market', 'turnover', '2026-10-14', None, '210530000000', 'HKD', 'exact'),
          ('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'day_change', '2026-10-14', None, '2.1', 'percent', 'exact')),
         published='2026-10-14'),
    Case('s25-main-board-turnover',
         '今日港股收评：恒生科技指数收跌1.1%，全日主板成交1,987亿元，较上一交易日缩量。',
         (('hstech', 'day_change', '2026-10-14', None, '-1.1', 'percent', 'exact'),
          ('market', 'turnover', '2026-10-14', None, '198700000000', 'HKD', 'exact')),
         published='2026-10-14'),
    Case('s25-half-day-turnover',
         '半日主板成交1,002.5亿元，恒指半日跌0.3%。',
         (('hsi', 'day_change', '2026-10-14', None, '-0.3', 'percent', 'exact'),),
         published='2026-10-14'),
    Case('s25-company-turnover-beside-index',
         '澄岳科技(02788)今日收涨4.2%，全日成交额5.6亿港元，恒指同期升0.5%。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'day_change', '2026-10-14', None, '4.2', 'percent', 'exact'),
          ('澄岳科技', 'turnover', '2026-10-14', None, '560000000', 'HKD', 'exact'),
          ('hsi', 'day_change', '2026-10-14', None, '0.5', 'percent', 'exact')),
         published='2026-10-14'),
    Case('s25-cash-deposits-wealth-total',
         '截至2026年9月30日，澄岳科技持有现金、定期存款及理财产品合计约12.6亿元。',
         (('澄岳科技', 'cash', '2026-09-30', None, '1260000000', 'CNY', 'approx'),),
         published='2026-11-20'),
    Case('s25-cash-total-cantonese-sum',
         '截至6月30日，峻崖機器人(02803)的現金及現金等價物、定期存款和理財產品加起來大概8.35億港元。',
         (('峻崖机器人', 'ticker', None, None, '02803.HK', 'text', 'exact'),
          ('峻崖机器人', 'cash', '2026-06-30', None, '835000000', 'HKD', 'approx')),
         published='2026-08-28'),
    Case('s25-cash-beside-wealth-products',
         '截至2026年6月30日，朔望医疗现金及现金等价物为9.8亿元，另持有理财产品约3亿元。',
         (('朔望医疗', 'cash', '2026-06-30', None, '980000000', 'CNY', 'exact'),),
         published='2026-08-28'),
    Case('s25-fair-value-loss-item',
         '澄岳科技(02788)2025年年内亏损9.87亿元，主要由于可转换优先股公允价值变动产生亏损6.12亿元。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'net_loss', '2025', None, '987000000', 'CNY', 'exact')),
         published='2026-03-20'),
    Case('s25-impairment-loss-item',
         '2025年，朔望医疗亏损3.2亿元，主要因商誉减值产生的亏损1.1亿元。',
         (('朔望医疗', 'net_loss', '2025', None, '320000000', 'CNY', 'exact'),),
         published='2026-03-20'),
    Case('s25-raised-net-proceeds-after',
         '峻崖机器人(02803)账上现金尚未计入今年2月上市募得的约12.4亿港元所得款项净额。',
         (('峻崖机器人', 'ticker', None, None, '02803.HK', 'text', 'exact'),
          ('峻崖机器人', 'net_proceeds', None, None, '1240000000', 'HKD', 'approx')),
         published='2026-03-20'),
    Case('s25-share-level-list',
         '澄岳科技(02788)研发费用占收入的比例2024年为88.2%，2025年降至61.5%，今年上半年进一步回落至54.0%。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'rd_to_revenue', '2024', None, '88.2', 'percent', 'exact'),
          ('澄岳科技', 'rd_to_revenue', '2025', None, '61.5', 'percent', 'exact'),
          ('澄岳科技', 'rd_to_revenue', '2026H1', None, '54', 'percent', 'exact')),
         published='2026-09-20'),
    Case('s25-this-ratio-then-level',
         '朔望醫療(02766)2025年研發開支為4.2億元。2024年這一比例為120.4%，2025年降至97.6%。',
         (('朔望医疗', 'ticker', None, None, '02766.HK', 'text', 'exact'),
          ('朔望医疗', 'rd_expense', '2025', None, '420000000', 'CNY', 'exact')),
         published='2026-09-20'),
    Case('s25-revenue-level-then-margin',
         '澄岳科技(02788)收入2024年为8.2亿元，2025年增至10.5亿元，毛利率为41.2%。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'revenue', '2024', None, '820000000', 'CNY', 'exact'),
          ('澄岳科技', 'revenue', '2025', None, '1050000000', 'CNY', 'exact'),
          ('澄岳科技', 'gross_margin', '2025', None, '41.2', 'percent', 'exact')),
         published='2026-09-20'),
]
