"""Twenty-eighth sentence-level table: shapes the session-26 work showed missing: a double dash
opening an aside ends a clause (估值并不便宜——以2025年约8.6亿元的收入计); 前日/前天 is the day before
yesterday and a 收 after it is that day's close, with the day word nearest a figure dating it
(昨日收報A…；該股前日收B，跌C); a summary box (``{{article.summary}}``, 导语：) restating the body
leaves the facts to the body. Every text and figure is invented for this table. Format: see
``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES = [
    Case('s28-dash-aside-basis',
         '宏曜智能(06793)估值并不便宜——以2025年约8.6亿元的收入计，上市市值对应的市销率已在五十倍以上。',
         (('宏曜智能', 'ticker', None, None, '06793.HK', 'text', 'exact'),
          ('宏曜智能', 'revenue', '2025', None, '860000000', 'CNY', 'approx'),
          ('宏曜智能', 'price_to_sales', '2025', None, '50', 'times', 'at_least')),
         published='2026-03-20'),
    Case('s28-dash-aside-first-day',
         '朔望医疗(02766)首日表现平平——开盘报30.5港元，收盘报31.2港元。',
         (('朔望医疗', 'ticker', None, None, '02766.HK', 'text', 'exact'),
          ('朔望医疗', 'open_price', '2026-03-20', None, '30.5', 'HKD/share', 'exact'),
          ('朔望医疗', 'close_price', '2026-03-20', None, '31.2', 'HKD/share', 'exact')),
         published='2026-03-20'),
    Case('s28-day-before-yesterday-close-tc',
         '（本報訊）澄岳科技（02788）昨日收報52.4元，升3.1%，成交4.6億元；該股前日收50.8元，跌1.2%，成交3.9億元。',
         (('澄岳科技', 'ticker', None, None, '02788.HK', 'text', 'exact'),
          ('澄岳科技', 'close_price', '2026-09-09', None, '52.4', 'HKD/share', 'exact'),
          ('澄岳科技', 'day_change', '2026-09-09', None, '3.1', 'percent', 'exact'),
          ('澄岳科技', 'turnover', '2026-09-09', None, '460000000', 'HKD', 'exact'),
          ('澄岳科技', 'close_price', '2026-09-08', None, '50.8', 'HKD/share', 'exact'),
          ('澄岳科技', 'day_change', '2026-09-08', None, '-1.2', 'percent', 'exact'),
          ('澄岳科技', 'turnover', '2026-09-08', None, '390000000', 'HKD', 'exact')),
         published='2026-09-10'),
    Case('s28-day-before-yesterday-bare',
         '宁川芯材(02795)前天收18.62港元，昨天收报19.1港元。',
         (('宁川芯材', 'ticker', None, None, '02795.HK', 'text', 'exact'),
          ('宁川芯材', 'close_price', '2026-09-08', None, '18.62', 'HKD/share', 'exact'),
          ('宁川芯材', 'close_price', '2026-09-09', None, '19.1', 'HKD/share', 'exact')),
         published='2026-09-10'),
    Case('s28-summary-box-yields',
         '霁川科技登陆港股 首日收涨21%\n作者：本站 | 2026-05-12 18:30\n\n{{article.summary}}\n霁川科技（02846.HK）首日开盘报42港元，收盘报48.4港元，较40港元的发行价上涨21%。\n\n5月12日，霁川科技正式在港交所挂牌。开盘价42港元，较每股40港元的发行价上涨5%，盘中最高触及50.2港元，收盘报48.4港元。',
         (('霁川科技', 'day_change', '2026-05-12', None, '21', 'percent', 'exact'),
          ('霁川科技', 'ticker', None, None, '02846.HK', 'text', 'exact'),
          ('霁川科技', 'listing_date', None, None, '2026-05-12', 'date', 'exact'),
          ('霁川科技', 'open_price', '2026-05-12', None, '42', 'HKD/share', 'exact'),
          ('霁川科技', 'offer_price', None, None, '40', 'HKD/share', 'exact'),
          ('霁川科技', 'open_change', '2026-05-12', None, '5', 'percent', 'exact'),
          ('霁川科技', 'high_price', '2026-05-12', None, '50.2', 'HKD/share', 'exact'),
          ('霁川科技', 'close_price', '2026-05-12', None, '48.4', 'HKD/share', 'exact')),
         published='2026-05-12'),
    Case('s28-lede-label-yields',
         '导语：峻崖机器人（02803.HK）今日上市，收涨12.5%。\n\n峻崖机器人今日在港交所挂牌，发行价每股24港元，收报27港元，涨12.5%。',
         (('峻崖机器人', 'ticker', None, None, '02803.HK', 'text', 'exact'),
          ('峻崖机器人', 'listing_date', None, None, '2026-05-12', 'date', 'exact'),
          ('峻崖机器人', 'offer_price', None, None, '24', 'HKD/share', 'exact'),
          ('峻崖机器人', 'close_price', '2026-05-12', None, '27', 'HKD/share', 'exact'),
          ('峻崖机器人', 'day_change', '2026-05-12', None, '12.5', 'percent', 'exact')),
         published='2026-05-12'),
]
