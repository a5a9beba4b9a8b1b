#!/usr/bin/env python3
"""Validate the hand-annotated gold facts of the seed articles (stdlib only).

    python tests/gold/check_gold.py                 # every tests/gold/seeds/*.json
    python tests/gold/check_gold.py FILE.json ...   # only these files

    from check_gold import check
    problems = check("tests/gold/seeds/000_xxx.json")   # [] when the file is clean

A gold file is ``{"doc", "script", "published_hint", "topic", "facts", "ambiguous"}``;
its article is ``data/seeds/<doc>.txt`` (relative to the repository root).

Checks: the JSON parses and has the required keys; entity / metric / unit / qualifier /
period / segment follow the fact contract (docs: shared spec FACTS.md); every quote (facts
and ambiguous entries) is an exact substring of the ORIGINAL seed text; the fact's value is
visibly written in its quote (with 万/萬/亿/億/万亿 scaling, thousands separators, spaces,
shared scale words in ranges such as ``3–5亿``, 倍 for ratios kept in percent, dates as
``YYYY年M月D日`` / ``M月D日`` / ``D日``, tickers with or without leading zeros); ranges carry
``low < high`` with ``value == low``; no duplicate (entity, metric, period, segment, value);
a fact value is not mentioned only inside an ambiguous quote (the scorer would then
ignore a correct prediction).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEED_DIR = REPO / "data" / "seeds"
GOLD_DIR = HERE / "seeds"

KNOWN_ENTITIES = {
    "zhipu", "minimax", "moonshot", "openai", "anthropic", "deepseek", "biren",
    "iluvatar", "kunlunxin", "market", "hsi", "hstech",
}

IPO = {
    "ticker", "offer_price", "shares_offered", "hk_offer_shares", "intl_offer_shares",
    "gross_proceeds", "net_proceeds", "market_cap_at_ipo", "cornerstone_count",
    "cornerstone_amount", "board_lot", "hk_oversubscription", "intl_oversubscription",
    "subscription_start", "subscription_end", "listing_date", "use_of_proceeds",
}
TRADING = {
    "open_price", "close_price", "high_price", "low_price", "last_price", "day_change",
    "open_change", "turnover", "market_cap",
}
FINANCIAL = {
    "revenue", "net_loss", "adjusted_net_loss", "operating_loss", "rd_expense", "compute_cost",
    "gross_profit", "cash", "gross_margin", "revenue_share", "compute_share_of_rd",
    "rd_headcount_share", "rd_headcount",
}
DERIVED = {
    "revenue_growth", "net_loss_growth", "revenue_cagr", "rd_to_revenue", "loss_to_revenue",
    "price_to_sales", "market_share",
}
FUNDING = {"funding_rounds", "total_funding", "post_money_valuation"}
METRICS = IPO | TRADING | FINANCIAL | DERIVED | FUNDING

CURRENCIES = {"CNY", "HKD", "USD"}
UNITS: dict[str, set[str]] = {}
for _m in ("gross_proceeds net_proceeds market_cap_at_ipo cornerstone_amount turnover market_cap "
           "revenue net_loss adjusted_net_loss operating_loss rd_expense compute_cost gross_profit "
           "cash total_funding post_money_valuation").split():
    UNITS[_m] = CURRENCIES
for _m in "offer_price open_price close_price high_price low_price last_price".split():
    UNITS[_m] = {"HKD/share"}
for _m in "shares_offered hk_offer_shares intl_offer_shares board_lot".split():
    UNITS[_m] = {"shares"}
for _m in "cornerstone_count rd_headcount funding_rounds".split():
    UNITS[_m] = {"count"}
for _m in "hk_oversubscription intl_oversubscription loss_to_revenue price_to_sales".split():
    UNITS[_m] = {"times"}
for _m in "subscription_start subscription_end listing_date".split():
    UNITS[_m] = {"date"}
for _m in ("use_of_proceeds day_change open_change gross_margin revenue_share compute_share_of_rd "
           "rd_headcount_share revenue_growth net_loss_growth revenue_cagr rd_to_revenue "
           "market_share").split():
    UNITS[_m] = {"percent"}
UNITS["ticker"] = {"text"}
assert set(UNITS) == METRICS

QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}
SCRIPTS = {"simplified", "traditional"}
TOP_KEYS = ("doc", "script", "published_hint", "topic", "facts", "ambiguous")
FACT_KEYS = ("entity", "metric", "period", "segment", "value", "unit", "qualifier", "quote")
OPTIONAL_FACT_KEYS = {"low", "high", "note", "forecast", "stated"}

_BASE = r"\d{4}(?:H[12]|Q[1-4]|Q1-Q3|-\d{2}(?:-\d{2})?)?"
PERIOD_RE = re.compile(r"^(?:%s)(?:\.\.(?:%s))?$" % (_BASE, _BASE))
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9_]+$")
TICKER_RE = re.compile(r"^\d{5}\.HK$")

# losses are stored positive, margins / changes keep their sign: accept either sign
SIGN_FREE = {"net_loss", "adjusted_net_loss", "operating_loss", "gross_margin", "day_change",
             "open_change", "revenue_growth", "net_loss_growth"}

# only these metrics may hold a negative value
NEGATIVE_OK = {"gross_margin", "day_change", "open_change", "revenue_growth", "net_loss_growth",
               "revenue_cagr"}

SCALE = {"万亿": 1e12, "萬億": 1e12, "千亿": 1e11, "千億": 1e11, "百亿": 1e10, "百億": 1e10,
         "千万": 1e7, "千萬": 1e7, "百万": 1e6, "百萬": 1e6, "亿": 1e8, "億": 1e8,
         "万": 1e4, "萬": 1e4}
_SCALE_ALT = "|".join(sorted(SCALE, key=len, reverse=True))
NUM_RE = re.compile(r"(?<![\d.])(-?\d[\d,]*(?:\.\d+)?)(\s*【?】?\s*(?:%s))?" % _SCALE_ALT)
RANGE_SEP_RE = re.compile(r"^\s*(?:–|—|-|~|～|至|到)\s*")
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10, "百": 100}


def _numbers(quote: str) -> list[tuple[float, int, int]]:
    """(value, start, end) for every number written in ``quote``, scaled by 万/亿/...

    In a range written with one scale word (``3–5亿``) the first end also gets the scale.
    """
    found: list[tuple[float, int, int, str]] = []
    for m in NUM_RE.finditer(quote):
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        suffix = re.sub(r"[\s【】]", "", m.group(2) or "")
        found.append((v * SCALE[suffix] if suffix else v, m.start(), m.end(), suffix))
    out = [(v, s, e) for v, s, e, _ in found]
    for (v, s, e, suf), nxt in zip(found, found[1:]):
        if not suf and nxt[3] and RANGE_SEP_RE.match(quote[e:nxt[1]]) and quote[e:nxt[1]].strip():
            out.append((v * SCALE[nxt[3]], s, e))
    for ch, v in CN_DIGITS.items():
        for m in re.finditer(ch, quote):
            out.append((float(v), m.start(), m.end()))
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def value_spans(fact: dict, quote: str) -> list[tuple[int, int]]:
    """Spans of ``quote`` where the fact's value is written; [] if it is not there."""
    metric, value = fact["metric"], fact["value"]
    if metric == "ticker":
        digits = str(int(str(value).split(".")[0]))
        return [m.span() for m in re.finditer(r"(?<!\d)0*%s(?!\d)" % digits, quote)]
    if UNITS.get(metric) == {"date"}:
        y, mo, d = str(value).split("-")
        pats = [re.escape(value), r"%s年0?%d月0?%d日" % (y, int(mo), int(d)),
                r"(?<!\d)0?%d月0?%d日" % (int(mo), int(d)), r"(?<![\d月])0?%d日" % int(d),
                r"[(（]0?%d[)）]日" % int(d),                                 # 今（12）日
                r"(?<![\d.])0?%d\.0?%d(?![\d.])" % (int(mo), int(d)),     # forum style: 3.18上市
                r"%s/0?%d/0?%d(?!\d)" % (y, int(mo), int(d)),               # table style: 2026/1/8
                r"%s[a-z]{0,6}\.? ?0?%d(?!\d)" % (_MONTHS_EN[int(mo) - 1], int(d))]   # wire style: Jan 8
        spans = []
        for p in pats:
            spans += [m.span() for m in re.finditer(p, quote)]
        return spans
    targets = [fact.get("low"), fact.get("high")] if fact.get("qualifier") == "range" else [value]
    spans: list[tuple[int, int]] = []
    for t in targets:
        if not isinstance(t, (int, float)) or isinstance(t, bool):
            return []
        hits = []
        for v, s, e in _numbers(quote):
            cands = [v]
            if metric in SIGN_FREE:
                cands.append(-v)
            if metric == "rd_to_revenue":      # 7倍 -> 700 (percent)
                cands.append(v * 100)
            if metric == "loss_to_revenue":    # 2574% -> 25.74 (times)
                cands.append(v / 100)
            if any(_close(c, float(t)) for c in cands):
                hits.append((s, e))
        if not hits:
            return []
        spans += hits
    return spans


def _check_fact(where: str, f: dict, text: str, errs: list[str], published: str | None = None) -> bool:
    """Append problems of one fact to ``errs``; True when the fact is well-formed enough
    for the cross-fact checks."""
    if not isinstance(f, dict):
        errs.append(f"{where}: not an object")
        return False
    missing = [k for k in FACT_KEYS if k not in f]
    if missing:
        errs.append(f"{where}: missing key(s) {', '.join(missing)}")
        return False
    extra = set(f) - set(FACT_KEYS) - OPTIONAL_FACT_KEYS
    if extra:
        errs.append(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    ent, metric, period, seg = f["entity"], f["metric"], f["period"], f["segment"]
    unit, qual, value, quote = f["unit"], f["qualifier"], f["value"], f["quote"]
    if not isinstance(ent, str) or not (ent in KNOWN_ENTITIES or
                                        (ent and not ent.isascii() and " " not in ent)):
        errs.append(f"{where}: bad entity {ent!r}")
    if metric not in METRICS:
        errs.append(f"{where}: unknown metric {metric!r}")
        return False
    if unit not in UNITS[metric]:
        errs.append(f"{where}: unit {unit!r} not allowed for {metric}")
    if qual not in QUALIFIERS:
        errs.append(f"{where}: bad qualifier {qual!r}")
    if qual == "range":
        lo, hi = f.get("low"), f.get("high")
        if not all(isinstance(x, (int, float)) for x in (lo, hi)) or not lo < hi or value != lo:
            errs.append(f"{where}: a range needs numeric low < high and value == low")
    elif f.get("low") is not None or f.get("high") is not None:
        errs.append(f"{where}: low/high only for qualifier 'range'")
    if "forecast" in f and not isinstance(f["forecast"], bool):
        errs.append(f"{where}: forecast must be true/false")
    # periods
    if metric in IPO:
        if period is not None:
            errs.append(f"{where}: IPO term {metric} must have period null")
    elif metric in TRADING:
        if not (isinstance(period, str) and DATE_RE.match(period)):
            errs.append(f"{where}: trading-day metric needs the trading date as period")
    elif metric in FINANCIAL:
        if not (isinstance(period, str) and PERIOD_RE.match(period)):
            errs.append(f"{where}: bad or missing period {period!r}")
    elif period is not None and not (isinstance(period, str) and PERIOD_RE.match(period)):
        errs.append(f"{where}: bad period {period!r}")
    if seg is not None and not (isinstance(seg, str) and SLUG_RE.match(seg)):
        errs.append(f"{where}: bad segment {seg!r}")
    if metric in ("use_of_proceeds", "revenue_share") and seg is None:
        errs.append(f"{where}: {metric} needs a segment")
    # values
    if unit == "date":
        if not (isinstance(value, str) and DATE_RE.match(value)):
            errs.append(f"{where}: date value must be YYYY-MM-DD")
            return False
    elif unit == "text":
        if not (isinstance(value, str) and TICKER_RE.match(value)):
            errs.append(f"{where}: ticker must be NNNNN.HK")
            return False
    elif not isinstance(value, (int, float)) or isinstance(value, bool):
        errs.append(f"{where}: value must be a JSON number")
        return False
    elif value < 0 and metric not in NEGATIVE_OK:
        errs.append(f"{where}: negative value for {metric} (losses are positive amounts)")
    # quote
    if not isinstance(quote, str) or not quote:
        errs.append(f"{where}: empty quote")
        return False
    if text.find(quote) == -1:
        errs.append(f"{where}: quote not found in the seed: {quote!r}")
        return False
    today_ok = unit == "date" and value == published and re.search(r"今天|今日|今\(\d+\)日", quote)
    if not value_spans(f, quote) and not today_ok:
        errs.append(f"{where}: value {value!r} not written in quote {quote!r}")
        return False
    if metric in ("day_change", "open_change") and value < 0 and not re.search(r"跌|-|−|低於|低于", quote):
        errs.append(f"{where}: negative {metric} but the quote does not say it fell")
    return True


def _key(f: dict) -> tuple:
    v = f["value"]
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return (f["entity"], f["metric"], f["period"], f["segment"], v)


def check(path, seed_dir=None) -> list[str]:
    """Return the problems of one gold file (an empty list when it is clean)."""
    path = Path(path)
    seed_dir = Path(seed_dir) if seed_dir else SEED_DIR
    name = path.stem
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001 - report any parse problem
        return [f"{name}: JSON does not parse: {exc}"]
    if not isinstance(gold, dict):
        return [f"{name}: top level is not an object"]
    errs: list[str] = []
    for k in TOP_KEYS:
        if k not in gold:
            errs.append(f"{name}: missing key {k}")
    doc = gold.get("doc")
    if doc != name:
        errs.append(f"{name}: doc field {doc!r} differs from the file name")
    if gold.get("script") not in SCRIPTS:
        errs.append(f"{name}: bad script {gold.get('script')!r}")
    hint = gold.get("published_hint")
    if hint is not None and not (isinstance(hint, str) and DATE_RE.match(hint)):
        errs.append(f"{name}: published_hint must be YYYY-MM-DD or null")
    if not isinstance(gold.get("topic", ""), str):
        errs.append(f"{name}: topic must be a string")
    facts, ambiguous = gold.get("facts", []), gold.get("ambiguous", [])
    if not isinstance(facts, list) or not isinstance(ambiguous, list):
        return errs + [f"{name}: facts and ambiguous must be lists"]
    seed = seed_dir / f"{doc or name}.txt"
    if not seed.exists():
        return errs + [f"{name}: seed text {seed} not found"]
    text = seed.read_text(encoding="utf-8")

    amb_spans: list[tuple[int, int]] = []
    for j, a in enumerate(ambiguous):
        where = f"{name} ambiguous {j}"
        if not isinstance(a, dict) or not a.get("quote") or not a.get("reason"):
            errs.append(f"{where}: needs a quote and a reason")
            continue
        if text.find(a["quote"]) == -1:
            errs.append(f"{where}: quote not found in the seed: {a['quote']!r}")
            continue
        if not re.search(r"\d", a["quote"]):
            errs.append(f"{where}: quote contains no figure")
        amb_spans += [m.span() for m in re.finditer(re.escape(a["quote"]), text)]

    seen: dict[tuple, int] = {}
    for i, f in enumerate(facts):
        where = f"{name} fact {i} ({f.get('entity') if isinstance(f, dict) else '?'} " \
                f"{f.get('metric') if isinstance(f, dict) else '?'})"
        if not _check_fact(where, f, text, errs, gold.get("published_hint")):
            continue
        key = _key(f)
        if key in seen:
            errs.append(f"{where}: duplicate of fact {seen[key]} {key}")
        else:
            seen[key] = i
        if amb_spans and value_spans(f, f["quote"]):
            free = any(
                not any(x <= m.start() + s < y for x, y in amb_spans)
                for m in re.finditer(re.escape(f["quote"]), text)
                for s, _ in value_spans(f, f["quote"])
            )
            if not free:
                errs.append(f"{where}: value only mentioned inside an ambiguous quote")
    return errs


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(GOLD_DIR.glob("*.json"))
    problems: list[str] = []
    n_facts = n_amb = 0
    for p in paths:
        problems += check(p)
        try:
            g = json.loads(p.read_text(encoding="utf-8"))
            n_facts += len(g.get("facts", []))
            n_amb += len(g.get("ambiguous", []))
            print(f"{p.stem}: {len(g.get('facts', []))} facts, {len(g.get('ambiguous', []))} ambiguous")
        except Exception:  # noqa: BLE001 - already reported by check()
            pass
    if not argv:
        golds = {p.stem for p in paths}
        for seed in sorted(SEED_DIR.glob("*.txt")):
            if seed.stem not in golds:
                print(f"note: no gold file for seed {seed.stem}")
    print(f"{len(paths)} file(s), {n_facts} facts, {n_amb} ambiguous")
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
