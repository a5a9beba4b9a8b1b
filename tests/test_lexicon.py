"""The package data files (lexicon/*.tsv) load and agree with each other."""

from __future__ import annotations

import datetime as dt

import pytest

from zhipu_ipo import lexicon
from zhipu_ipo.extractor.cues import cue_table, use_words
from zhipu_ipo.extractor.entities import bystanders, known_aliases, known_listings


def test_the_brief_listing_days_are_known():
    listed = known_listings()
    assert (listed["zhipu"], listed["minimax"]) == (dt.date(2026, 1, 8), dt.date(2026, 1, 9))


def test_listing_days_belong_to_primary_companies_and_are_plausible():
    listed = known_listings()
    assert not set(listed) & bystanders()
    assert all(dt.date(2015, 1, 1) <= d <= dt.date(2026, 12, 31) for d in listed.values())
    ids = set(known_aliases().values())
    assert set(listed) <= ids


@pytest.mark.parametrize("word, kind, value", [
    ("承销价", "metric", "offer_price"),
    ("一手", "metric", "board_lot"),
    ("中签率", "metric", "x_allotment_rate"),
    ("中午收市", "price", "last"),
    ("云服务开支", "metric", "compute_cost"),
    ("PS", "metric", "price_to_sales"),
])
def test_cue_words(word, kind, value):
    assert cue_table()[word] == (kind, value)


def test_metric_cues_name_contract_metrics():
    """Every metric cue names a contract metric, a pseudo-metric x_…, or ``oversubscription``
    (the reader picks hk_ or intl_ from the tranche words around it)."""
    metrics = set(lexicon.metrics()) | {"oversubscription"}
    bad = {w: v for w, (k, v) in cue_table().items() if k == "metric" and not v.startswith("x_") and v not in metrics}
    assert bad == {}


def test_use_words_have_slugs():
    assert ("销售及服务网络", "sales_marketing", False) in use_words()
    assert ("销售及市场推广", "sales_marketing", False) in use_words()
    assert all(seg.replace("_", "").isalpha() for _, seg, _ in use_words())
