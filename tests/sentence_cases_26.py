"""Twenty-sixth sentence-level table: shapes the session-24 work showed missing: a block of links
to other articles under 相关阅读 (their undated headlines are no figures of this article; a link
that writes its own day keeps it); a next-morning story's headline (恒指跌1.2%) whose text dates
the same figure (恒指昨日…跌1.2%): one fact, the text's day; a business line named, then its revenue
told by 这部分收入 or after where it comes from (云端部署收入主要来源于开放平台，上半年收入…): the
line's, not the company's, and no line at all when none was named.
Every text and figure is invented for this table. Format: see ``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES = [
    Case('s26-related-links',
         '霁川科技(02846)收涨3.4%，报28.6港元，成交额2.1亿港元。\n\n相关阅读\n港股收评：恒指涨0.9% 科技股走强\n霁川科技11月18日收盘报27.66港元',
         (('霁川科技', 'ticker', None, None, '02846.HK', 'text', 'exact'),
          ('霁川科技', 'day_change', '2026-11-20', None, '3.4', 'percent', 'exact'),
          ('霁川科技', 'close_price', '2026-11-20', None, '28.6', 'HKD/share', 'exact'),
          ('霁川科技', 'turnover', '2026-11-20', None, '210000000', 'HKD', 'exact'),
          ('霁川科技', 'close_price', '2026-11-18', None, '27.66', 'HKD/share', 'exact')),
         published='2026-11-20'),
    Case('s26-headline-day-from-text',
         '恒指跌1.2% 霁川科技逆市升\n大市方面，恒指昨日收报25,102点，跌1.2%；霁川科技(02846)昨日逆市收升2.5%。',
         (('hsi', 'day_change', '2026-11-19', None, '-1.2', 'percent', 'exact'),
          ('霁川科技', 'ticker', None, None, '02846.HK', 'text', 'exact'),
          ('霁川科技', 'day_change', '2026-11-19', None, '2.5', 'percent', 'exact')),
         published='2026-11-20'),
    Case('s26-this-part-revenue',
         '智谱上半年收入4.27亿元。变化更大的是云端部署。这部分收入主要来自开放平台和海外API，上半年收入由去年同期的3150万元增至1.42亿元。',
         (('zhipu', 'revenue', '2026H1', None, '427000000', 'CNY', 'exact'),
          ('zhipu', 'revenue', '2025H1', 'cloud_deployment', '31500000', 'CNY', 'exact'),
          ('zhipu', 'revenue', '2026H1', 'cloud_deployment', '142000000', 'CNY', 'exact')),
         published='2026-08-28'),
    Case('s26-line-revenue-from-product',
         '智谱上半年收入4.27亿元，其中云端部署收入主要来源于开放平台，上半年收入达1.42亿元，同比增长350.8%。',
         (('zhipu', 'revenue', '2026H1', None, '427000000', 'CNY', 'exact'),
          ('zhipu', 'revenue', '2026H1', 'cloud_deployment', '142000000', 'CNY', 'exact'),
          ('zhipu', 'revenue_growth', '2026H1', 'cloud_deployment', '350.8', 'percent', 'exact')),
         published='2026-08-28'),
    Case('s26-this-part-revenue-hant',
         '智譜上半年收入4.27億元。增長最快的是雲端部署。這部分收入主要來自開放平台，上半年收入由去年同期的3,150萬元增至1.42億元。',
         (('zhipu', 'revenue', '2026H1', None, '427000000', 'CNY', 'exact'),
          ('zhipu', 'revenue', '2025H1', 'cloud_deployment', '31500000', 'CNY', 'exact'),
          ('zhipu', 'revenue', '2026H1', 'cloud_deployment', '142000000', 'CNY', 'exact')),
         published='2026-08-28'),
    Case('s26-this-part-no-line',
         '霁川科技上半年营收6.8亿元。这部分收入同比增长22%。',
         (('霁川科技', 'revenue', '2026H1', None, '680000000', 'CNY', 'exact'),),
         published='2026-08-28'),
]
