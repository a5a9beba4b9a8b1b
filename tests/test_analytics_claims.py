"""Tests of zhipu_ipo.analytics.claims: an article's stated derived figures, recomputed and judged."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import zhipu_ipo
from zhipu_ipo.analytics import FxTable, claims
from zhipu_ipo.models import Fact
from zhipu_ipo.tables import facts_frame

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def frame(*rows):
    base = {"doc": "a", "entity": "zhipu", "unit": "CNY"}
    return facts_frame([Fact(**{**base, **r}) for r in rows])


@pytest.fixture(scope="module")
def seed_claims():
    return zhipu_ipo.load(SEEDS).claims()


def pick(df, doc, metric, period, segment=None, entity="zhipu"):
    sel = df[(df["doc"].str.startswith(doc)) & (df["metric"] == metric) & (df["period"] == period)
             & (df["entity"] == entity)]
    sel = sel[sel["segment"].isna()] if segment is None else sel[sel["segment"] == segment]
    assert len(sel) == 1, (doc, metric, period, segment, len(sel))
    return sel.iloc[0]


# The Done-when rows and the rest of the seeds' claims: (doc, metric, period, segment, verdict)
SEED_VERDICTS = [
    ("002", "rd_to_revenue", "2022..2025H1", None, "inconsistent"),   # 为同期总营收的8倍以上: about 6.4x
    ("003", "price_to_sales", "2025", None, "inconsistent"),          # 市销率约21倍, on every basis
    ("003", "rd_to_revenue", "2022", None, "consistent"),             # 147%
    ("003", "rd_to_revenue", "2023", None, "consistent"),             # 425%
    ("003", "rd_to_revenue", "2024", None, "consistent"),             # 703%
    ("003", "rd_to_revenue", "2025H1", None, "consistent"),           # 835%
    ("003", "revenue_growth", "2023", None, "consistent"),            # 117%
    ("003", "revenue_growth", "2024", None, "consistent"),            # 151%
    ("002", "revenue_growth", "2025H1", None, "consistent"),          # 325% from the article's USD figures
    ("003", "net_loss_growth", "2024", None, "consistent"),           # 275%
    ("002", "revenue_cagr", "2022..2024", None, "inconsistent"),      # 130% written, 133.3% computed
    ("002", "net_loss", "2022..2025H1", None, "consistent"),          # 三年半累计亏损超62亿元
    ("000", "rd_expense", "2022..2024", None, "inconsistent"),        # 2022-2024年研发费用累计超过44亿元: 28.1亿
    ("002", "rd_expense", "2022..2025H1", None, "consistent"),        # 累计约44亿元
    ("003", "revenue_share", "2025H1", "local_deployment", "consistent"),   # 占比84.8%
    ("002", "revenue_share", "2025H1", "cloud_deployment", "consistent"),   # inputs from another article
    ("003", "market_share", "2024", None, "unverifiable"),
    ("003", "rd_headcount_share", "2025-06-30", None, "unverifiable"),
]


@pytest.mark.parametrize("doc,metric,period,segment,verdict", SEED_VERDICTS)
def test_seed_verdicts(seed_claims, doc, metric, period, segment, verdict):
    assert pick(seed_claims, doc, metric, period, segment)["verdict"] == verdict


def test_eight_times_claim_shows_its_work(seed_claims):
    r = pick(seed_claims, "002", "rd_to_revenue", "2022..2025H1")
    assert round(r["computed_decimal"], 1) == D("642.6")
    assert r["work"] == "44.034亿元 / 6.853亿元 × 100"
    assert r["inputs"] == ("rd_expense 2022..2025H1 = 44.034亿元 (8440万元 + 5.289亿元 + 21.954亿元 + 15.947亿元); "
                           "revenue 2022..2025H1 = 6.853亿元 (5740万元 + 1.245亿元 + 3.124亿元 + 1.91亿元)")
    assert r["explanation"] == (
        "computed 642.6% (642% to 643.1% given the inputs' rounding) = 6.43倍; stated 超800% "
        "(read as at least 799.5%): the computed figure is below it")
    assert r["qualifier"] == "at_least"
    assert "为同期总营收的8倍以上" in r["quote"]


def test_price_to_sales_is_checked_on_every_basis(seed_claims):
    r = pick(seed_claims, "003", "price_to_sales", "2025")
    expl = r["explanation"]
    assert expl.startswith("stated 约21倍 (read as 19.95倍 to 22.05倍); recomputed on 4 bases -- ")
    assert expl.endswith(" -- none agrees")
    for basis in ("forecast revenue 2025, market_cap_at_ipo 超511亿港元 at HKD/CNY 0.90 (default): 91.98倍–115倍",
                  "forecast revenue 2025, market_cap_at_ipo 约66亿美元 at USD/CNY 7.00 (default): 92.4倍–115.5倍",
                  "trailing revenue 2024, market_cap_at_ipo 超511亿港元 at HKD/CNY 0.90 (default): 147.2倍",
                  "trailing revenue 2024, market_cap_at_ipo 约66亿美元 at USD/CNY 7.00 (default): 147.9倍"):
        assert basis in expl
    assert (r["basis"], r["fx"], round(r["computed"], 1)) == ("forecast revenue 2025", "HKD/CNY 0.90 (default)", 102.2)


def test_cagr_explains_the_trailing_zero_reading(seed_claims):
    r = pick(seed_claims, "003", "revenue_cagr", "2022..2024")
    assert r["explanation"] == (
        "computed 133.3%; stated 130% (read as 129.5% to 130.5%): the computed figure is above it; it would be "
        "consistent if the trailing zero of 130% were rounding (read as 125% to 135%)")
    assert round(r["rel_error"], 6) == round(float((D(130) - r["computed_decimal"]) / r["computed_decimal"]), 6)


def test_unverifiable_names_the_missing_inputs(seed_claims):
    r = pick(seed_claims, "003", "revenue_growth", "2024", entity="minimax")  # MiniMax 同比增长782%
    assert (r["entity"], r["verdict"]) == ("minimax", "unverifiable")
    assert r["explanation"] == "cannot recompute: missing revenue 2023 of minimax"
    assert pick(seed_claims, "003", "market_share", "2024")["explanation"] == \
        "cannot recompute: missing market revenue 2024"


def test_inputs_from_other_articles_and_conflicts_are_said(seed_claims):
    r = pick(seed_claims, "002", "net_loss", "2022..2025H1")
    assert r["explanation"].endswith(
        "from other articles: net_loss 2025H1 [001_8b2fe20a107fcfe5, 003_841e72b438b65ddd]; sources conflict: "
        "used 23.58亿元 (003_841e72b438b65ddd), not 8.2亿元 in 001_8b2fe20a107fcfe5")


# synthetic claims: (rows, claim row index, verdict, computed)
RD = [{"metric": "rd_expense", "period": "2024", "value": D("2195400000")},
      {"metric": "revenue", "period": "2024", "value": D("312400000")}]
SYNTHETIC = [
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("703")}], "consistent", "702.8"),
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("702")}], "inconsistent", "702.8"),
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("700"), "qualifier": "approx"}],
     "consistent", "702.8"),                                                               # 约 widens
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("700"), "qualifier": "at_least"}],
     "consistent", "702.8"),                                                               # 超700%
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("710"), "qualifier": "at_least"}],
     "inconsistent", "702.8"),                                                             # 超710%
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("710"), "qualifier": "at_most"}],
     "consistent", "702.8"),                                                               # 近710%
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("700"), "qualifier": "at_most"}],
     "inconsistent", "702.8"),                                                             # 不到700%
    (RD + [{"metric": "rd_to_revenue", "period": "2024", "value": D("700"), "qualifier": "range",
            "low": D("700"), "high": D("710")}], "consistent", "702.8"),
    (RD[:1] + [{"metric": "rd_to_revenue", "period": "2024", "value": D("703")}], "unverifiable", None),
    # a span total is the sum of its periods, not the stated total
    ([{"metric": "net_loss", "period": "2022", "value": D("144000000")},
      {"metric": "net_loss", "period": "2023", "value": D("788000000")},
      {"metric": "net_loss", "period": "2022..2023", "value": D("900000000"), "qualifier": "at_least"}],
     "consistent", "932000000"),
    ([{"metric": "net_loss", "period": "2022", "value": D("144000000")},
      {"metric": "net_loss", "period": "2023", "value": D("788000000")},
      {"metric": "net_loss", "period": "2022..2023", "value": D("1000000000"), "qualifier": "at_least"}],
     "inconsistent", "932000000"),
]


@pytest.mark.parametrize("rows,verdict,computed", SYNTHETIC)
def test_synthetic(rows, verdict, computed):
    df = claims(frame(*rows), fx=FxTable.default())
    assert len(df) == 1
    r = df.iloc[0]
    assert r["verdict"] == verdict
    got = None if r["computed_decimal"] is None else round(r["computed_decimal"], 1)
    assert got == (None if computed is None else D(computed))


def test_own_figures_come_first():
    rows = [{"doc": "a", "metric": "revenue", "period": "2023", "value": D("100")},
            {"doc": "a", "metric": "revenue", "period": "2024", "value": D("200")},
            {"doc": "b", "metric": "revenue", "period": "2024", "value": D("300")},
            {"doc": "b", "metric": "revenue_growth", "period": "2024", "value": D("200")},
            {"doc": "a", "metric": "revenue_growth", "period": "2024", "value": D("100")}]
    df = claims(frame(*rows), fx=FxTable.default())
    assert [(d, v, str(c)) for d, v, c in zip(df["doc"], df["verdict"], df["computed_decimal"])] == [
        ("a", "consistent", "100"), ("b", "consistent", "200")]
    assert df["explanation"].iloc[1].endswith("from other articles: revenue 2023 [a]")


def test_columns_and_dtypes(seed_claims):
    assert list(seed_claims.columns) == [
        "doc", "entity", "metric", "period", "segment", "quote", "stated", "qualifier", "unit", "computed",
        "computed_low", "computed_high", "rel_error", "verdict", "explanation", "formula", "inputs", "work",
        "sources", "fx", "basis", "stated_decimal", "computed_decimal"]
    dtypes = {c: str(t) for c, t in seed_claims.dtypes.items()}
    assert (dtypes["stated"], dtypes["computed"], dtypes["rel_error"], dtypes["verdict"]) == (
        "float64", "float64", "float64", "string")
    assert set(seed_claims["verdict"]) == {"consistent", "inconsistent", "unverifiable"}
    assert list(seed_claims["entity"].drop_duplicates()) == ["minimax", "openai", "zhipu"]


# day and open changes on the listing day are checked against the offer price
PRICE_CHANGES = [
    ("open_change", "3.27", "consistent"),      # 120 / 116.20 − 1 = 3.2702%
    ("open_change", "4.5", "inconsistent"),     # 120 may be 119.5–120.5: 2.8% to 3.7%
    ("day_change", "0.26", "consistent"),       # 116.5 / 116.20 − 1 = 0.2582%
    ("day_change", "0.4", "inconsistent"),      # 116.5 may be 116.45–116.55: 0.22% to 0.30%
]


@pytest.mark.parametrize("metric,stated,verdict", PRICE_CHANGES)
def test_listing_day_changes(metric, stated, verdict):
    rows = [{"metric": "offer_price", "value": D("116.20"), "unit": "HKD/share"},
            {"metric": "listing_date", "value": "2026-01-08", "unit": "date"},
            {"metric": "open_price", "period": "2026-01-08", "value": D("120"), "unit": "HKD/share"},
            {"metric": "last_price", "period": "2026-01-08", "value": D("116.5"), "unit": "HKD/share"},
            {"metric": metric, "period": "2026-01-08", "value": D(stated), "unit": "percent"}]
    df = claims(frame(*rows), fx=FxTable.default())
    assert list(df["verdict"]) == [verdict]


def test_a_change_on_a_later_day_is_unverifiable():
    rows = [{"metric": "offer_price", "value": D("116.20"), "unit": "HKD/share"},
            {"metric": "listing_date", "value": "2026-01-08", "unit": "date"},
            {"metric": "day_change", "period": "2026-01-09", "value": D("5"), "unit": "percent"}]
    df = claims(frame(*rows), fx=FxTable.default())
    assert (df["verdict"].iloc[0], df["explanation"].iloc[0]) == (
        "unverifiable", "cannot recompute: missing close_price of the trading day before 2026-01-09 (only changes "
        "on the listing day (against the offer price) are recomputed)")
