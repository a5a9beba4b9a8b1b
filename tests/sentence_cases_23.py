"""Twenty-third sentence-level table: shapes the session-21 work showed missing: an oversubscription
estimated from margin loans while the offer is still open (暂录孖展…以集资额计，超购约11倍: no fact;
after the close the same reckoning is the figure writers report), what one tranche raises
(公开发售部分集资: not the offer's proceeds), a business line named in Chinese before a service
model (营销及销售SaaS: not a product line called SaaS) and cloud lines (公有云, 私有云).
Every text and figure is invented for this table. Format: see ``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES = [
    Case('s23-margin-estimate-sentence',
         '新股澄岳科技(02788)截至今日中午，暂录孖展约120亿港元，以公开发售集资额计，超购约11倍。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),),
         published='2026-10-10'),
    Case('s23-margin-estimate-running',
         '宁川芯材(02795)截至昨日累录孖展逾500亿港元，超购逾400倍，今日截止认购。',
         (('宁川芯材', 'ticker', None, None, '02795.HK', 'text', 'exact'),
          ('宁川芯材', 'subscription_end', None, None, '2026-10-10', 'date', 'exact')),
         published='2026-10-10'),
    Case('s23-margin-final-result',
         '朔望医疗(02766)孖展金额最终录得超253亿港元，公开发售部分获超额认购129倍。',
         (('朔望医疗', 'ticker', None, None, '02766.HK', 'text', 'exact'),
          ('朔望医疗', 'hk_oversubscription', None, None, '129', 'times', 'exact')),
         published='2026-10-15'),
    Case('s23-saas-line-named-in-chinese',
         '2026年上半年，澄岳科技的营销及销售SaaS收入为1.1亿元，公有云服务收入为3.2亿元，占总收入的41.5%。',
         (('澄岳科技', 'revenue', '2026H1', 'marketing_sales_saas', '110000000', 'CNY', 'exact'),
          ('澄岳科技', 'revenue', '2026H1', 'public_cloud_services', '320000000', 'CNY', 'exact'),
          ('澄岳科技', 'revenue_share', '2026H1', 'public_cloud_services', '41.5', 'percent', 'exact')),
         published='2026-09-01'),
    Case('s23-margin-result-after-close',
         '6月5日，澄岳科技结束招股，据报券商共借出820亿港元孖展，以公开发售集资1.1亿港元计算，超额认购745倍。',
         (('澄岳科技', 'subscription_end', None, None, '2026-06-05', 'date', 'exact'),
          ('澄岳科技', 'hk_oversubscription', None, None, '745', 'times', 'exact')),
         published='2026-06-06'),
    Case('s23-tranche-proceeds',
         '宁川芯材(02795)全球发售募资12亿港元，其中香港公开发售部分集资1.2亿港元，国际配售部分集资10.8亿港元。',
         (('宁川芯材', 'ticker', None, None, '02795.HK', 'text', 'exact'),
          ('宁川芯材', 'gross_proceeds', None, None, '1200000000', 'HKD', 'exact')),
         published='2026-07-02'),
]
