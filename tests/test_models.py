"""The fact contract holds for what the extractor returns (it builds facts without re-validating)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from zhipu_ipo import Fact, Mention, extract
from zhipu_ipo.models import decimal_to_json

SEEDS = sorted((Path(__file__).resolve().parent.parent / "data" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_every_fact_and_mention_validates(path: Path):
    ex = extract(path.read_text(encoding="utf-8"), doc=path.stem)
    assert ex.facts and ex.unplaced
    for f in ex.facts:
        assert Fact.model_validate(f.model_dump()) == f
    for m in ex.unplaced:
        assert Mention.model_validate(m.model_dump()) == m


@pytest.mark.parametrize("value,expected", [
    (Decimal("124500000"), 124500000), (Decimal("116.20"), 116.2), (Decimal("-0.4"), -0.4),
    (Decimal("0.1666666666666666666666666667"), "0.1666666666666666666666666667"),
])
def test_decimals_become_json_numbers_with_the_same_digits(value, expected):
    assert decimal_to_json(value) == expected


def test_json_of_a_fact_has_numbers_for_numbers_and_strings_for_dates():
    ex = extract("2026年1月8日，智谱在港交所挂牌上市，发行价为116.20港元，募资43亿港元。")
    rows = [json.loads(f.model_dump_json()) for f in ex.facts]
    by_metric = {r["metric"]: r for r in rows}
    assert by_metric["offer_price"]["value"] == 116.2
    assert by_metric["gross_proceeds"]["value"] == 4300000000
    assert by_metric["listing_date"]["value"] == "2026-01-08"


def test_unknown_metric_is_rejected():
    with pytest.raises(ValueError):
        Fact(entity="zhipu", metric="profit_margin", value=Decimal(1), unit="percent")
