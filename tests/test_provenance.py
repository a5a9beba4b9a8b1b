"""Which mention states a fact the text repeats: the body, not a summary box or a lede that
restates it, and not a price that is only compared with. Every text is invented for this table."""

from __future__ import annotations

import datetime as dt

import pytest

from zhipu_ipo import extract

_BOX = ("霁川科技登陆港股 首日收涨21%\n{marker}\n霁川科技（02846.HK）首日开盘报42港元，收盘报48.4港元。\n\n"
        "5月12日，霁川科技正式在港交所挂牌。开盘价42港元，盘中最高触及50.2港元，收盘报48.4港元。")


@pytest.mark.parametrize("text, metric, quote_starts", [
    (_BOX.format(marker="{{article.summary}}"), "open_price", "开盘价42港元"),
    (_BOX.format(marker="{{ summary }}"), "close_price", "开盘价42港元"),
    (_BOX.format(marker="【摘要】"), "close_price", "开盘价42港元"),
    (_BOX.format(marker="本站记者 5月12日"), "close_price", "霁川科技（02846.HK）首日"),  # no box: first
    ("导语：峻崖机器人（02803.HK）今日上市，收报27港元。\n\n峻崖机器人今日挂牌，收报27港元，涨12.5%。",
     "close_price", "峻崖机器人今日挂牌"),
    ("摘要:峻崖机器人今日收报27港元。峻崖机器人今日挂牌。", "close_price", "摘要:峻崖机器人"),  # said once
])
def test_the_body_states_a_repeated_figure(text: str, metric: str, quote_starts: str) -> None:
    facts = [f for f in extract(text, doc="x", published=dt.date(2026, 5, 12)).facts if f.metric == metric]
    assert len(facts) == 1
    assert facts[0].quote.startswith(quote_starts)
    assert text[facts[0].start:facts[0].end].rstrip("港元") in ("42", "48.4", "27")
