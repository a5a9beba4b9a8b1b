"""Thirty-fifth sentence-level table: shapes the session-33 work showed missing: an offer that
runs from a day `至…结束` or `将于…结束` (its last day, not a second first day); a company compared
with that carries its own figure in parentheses (低于X（2025年上半年为50%）).
Every text and figure is invented for this table. Format: see ``tests/sentence_cases.py``.
"""

from __future__ import annotations

from .sentence_cases import Case

CASES = [
    Case('s35-from-today-until-ends',
         '汀溪智行（02893）今日起招股，至1月7日结束，预期1月12日上市。',
         (('汀溪智行', 'ticker', None, None, '02893.HK', 'text', 'exact'),
          ('汀溪智行', 'subscription_start', None, None, '2026-01-02', 'date', 'exact'),
          ('汀溪智行', 'subscription_end', None, None, '2026-01-07', 'date', 'exact'),
          ('汀溪智行', 'listing_date', None, None, '2026-01-12', 'date', 'exact')),
         published='2026-01-02'),
    Case('s35-start-date-then-until-ends',
         '汀溪智行（02893）于1月2日开始招股，至1月7日中午结束。',
         (('汀溪智行', 'ticker', None, None, '02893.HK', 'text', 'exact'),
          ('汀溪智行', 'subscription_start', None, None, '2026-01-02', 'date', 'exact'),
          ('汀溪智行', 'subscription_end', None, None, '2026-01-07', 'date', 'exact')),
         published='2026-01-02'),
    Case('s35-offer-period-ends-on-trad',
         '汀溪智行（02893）今日開始招股，招股期將於1月7日（週三）中午12時結束。',
         (('汀溪智行', 'ticker', None, None, '02893.HK', 'text', 'exact'),
          ('汀溪智行', 'subscription_start', None, None, '2026-01-02', 'date', 'exact'),
          ('汀溪智行', 'subscription_end', None, None, '2026-01-07', 'date', 'exact')),
         published='2026-01-02'),
    Case('s35-offer-ends-on',
         '汀溪智行（02893）今日起招股，招股将于1月7日结束。',
         (('汀溪智行', 'ticker', None, None, '02893.HK', 'text', 'exact'),
          ('汀溪智行', 'subscription_start', None, None, '2026-01-02', 'date', 'exact'),
          ('汀溪智行', 'subscription_end', None, None, '2026-01-07', 'date', 'exact')),
         published='2026-01-02'),
    Case('s35-own-figure-in-parens-after-compared-name',
         '同为大模型公司，澈川智能的毛利率（2025年前三季度为23.3%）明显低于汀溪智行（2025年上半年为50%）。',
         (('澈川智能', 'gross_margin', '2025Q1-Q3', None, '23.3', 'percent', 'exact'),
          ('汀溪智行', 'gross_margin', '2025H1', None, '50', 'percent', 'exact')),
         published='2026-01-10'),
    Case('s35-name-before-today-in-parens',
         '岚汐科技今（12）日於港交所掛牌，以每股188港元發行，開盤即上漲12.2%至211元，終場收在205.5元，漲幅9.31%。',
         (('岚汐科技', 'listing_date', None, None, '2026-05-12', 'date', 'exact'),
          ('岚汐科技', 'offer_price', None, None, '188', 'HKD/share', 'exact'),
          ('岚汐科技', 'open_change', '2026-05-12', None, '12.2', 'percent', 'exact'),
          ('岚汐科技', 'open_price', '2026-05-12', None, '211', 'HKD/share', 'exact'),
          ('岚汐科技', 'close_price', '2026-05-12', None, '205.5', 'HKD/share', 'exact'),
          ('岚汐科技', 'day_change', '2026-05-12', None, '9.31', 'percent', 'exact')),
         published='2026-05-12'),
    Case('s35-annualized-not-revenue',
         '泓屿科技今年前九个月收入13.6亿元，年化后约18亿元。',
         (('泓屿科技', 'revenue', '2026Q1-Q3', None, '1360000000', 'CNY', 'exact'),),
         published='2026-11-21'),
    Case('s35-annualized-forum',
         '泓嶼科技今年頭九個月收入大概13.6億人仔，年化計大約18億，貴到飛起。',
         (('泓屿科技', 'revenue', '2026Q1-Q3', None, '1360000000', 'CNY', 'approx'),),
         published='2026-11-21'),
]
