"""Dating a growth rate by arithmetic when the words leave its year open.

``2023年至2025年收入分别为9.86亿元、11.42亿元、12.07亿元，同比增速由15.8%降至5.7%``: the words
pair the two rates with no years, but only 2024's growth can be 15.8% (11.42 / 9.86 − 1) and only
2025's can be 5.7%. A growth rate whose year the reader gave cannot be computed from the
sentence's own figures (the first year of the list) or disagrees with them, while exactly one
other year of the list computes to it, takes that year. Nothing else moves: the arithmetic only
decides between the years the sentence itself names.

A multiple a writer works out in the open (``静态(用2025年收入7.24亿):1007.3÷7.24≈139.1倍``) is a
price-to-sales ratio when the dividend is a market value the article states (1007.3亿), the
divisor a revenue it states (7.24亿, 2025's) and the quotient checks out: the revenue's period
is the ratio's. A divisor the article states no revenue for may be a sum of two halves written
just before it (``2025年下半年+2026年上半年=11.45亿``): the ratio is on that span. Anything less
stays unplaced.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

from .records import Draft, Miss

#: slack on top of the rounding of the written rate (percentage points): the revenues the rate
#: is checked against are themselves rounded
_SLACK = Decimal("0.1")


def _tolerance(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5) / (Decimal(10) ** (places + 1)) + _SLACK


def _growth(levels: dict[int, Decimal], year: int) -> Optional[Decimal]:
    before, now = levels.get(year - 1), levels.get(year)
    if before is None or now is None or before <= 0:
        return None
    return (now / before - 1) * 100


def date_growth_by_arithmetic(drafts: list[Draft]) -> None:
    """Re-date, in place, the revenue growth rates of a sentence that only its revenue figures
    can date (see the module's docstring)."""
    by_sentence: dict = {}
    for d in drafts:
        if d.segment is None and d.metric in ("revenue", "revenue_growth") and d.period is not None \
                and d.period.isdigit() and not isinstance(d.value, str):
            by_sentence.setdefault((d.sent.start, d.entity), []).append(d)
    for group in by_sentence.values():
        levels = {int(d.period): d.value for d in group if d.metric == "revenue"}
        rates = [d for d in group if d.metric == "revenue_growth" and d.qualifier == "exact"]
        if len(levels) < 2 or not rates:
            continue
        taken = {d.period for d in rates}
        for d in rates:
            tol = _tolerance(d.value)
            own = _growth(levels, int(d.period))
            if own is not None and abs(own - d.value) <= tol:
                continue
            fits = [y for y in levels if (g := _growth(levels, y)) is not None and abs(g - d.value) <= tol]
            if len(fits) == 1 and str(fits[0]) not in taken:
                taken.discard(d.period)
                d.period = str(fits[0])
                taken.add(d.period)


#: a division written out: 1007.3÷7.24≈139.1倍, 1007.3亿/17亿=59.3x (digits bounded: linear scans)
_DIVISION = re.compile(r"(?<![\d.])(?P<a>\d{1,7}(?:\.\d{1,4})?)\s*(?:亿元?)?\s*[÷/]\s*"
                       r"(?P<b>\d{1,7}(?:\.\d{1,4})?)\s*(?:亿元?)?\s*(?P<sign>≈|=|约等于|约为|约)\s*"
                       r"(?P<c>\d{1,5}(?:\.\d{1,3})?)\s*(?:倍|x|X)")
#: the two halves a trailing-twelve-months revenue adds up: 2025年下半年+2026年上半年=11.45亿
_HALVES_SUM = re.compile(r"(\d{4})年(上|下)半年\s*[+＋]\s*(\d{4})年(上|下)半年\s*[=＝]\s*(\d{1,7}(?:\.\d{1,4})?)\s*亿")
_YI = Decimal(100_000_000)


def _checks_out(a: Decimal, b: Decimal, c: Decimal) -> bool:
    return b > 0 and abs(a / b - c) <= _tolerance(c) - _SLACK + Decimal("0.05")


def _halves_span(text: str, lo: int, hi: int, b: Decimal) -> Optional[str]:
    for m in _HALVES_SUM.finditer(text, lo, hi):
        if Decimal(m.group(5)) == b:
            first = f"{m.group(1)}H{1 if m.group(2) == '上' else 2}"
            last = f"{m.group(3)}H{1 if m.group(4) == '上' else 2}"
            return f"{first}..{last}" if first < last else None
    return None


def ps_by_arithmetic(text: str, drafts: list[Draft], misses: list[Miss]) -> None:
    """Turn, in place, the unplaced quotients of written-out divisions of a stated market value
    by a stated revenue into price-to-sales facts (see the module's docstring)."""
    if "÷" not in text and "/" not in text:
        return
    caps: dict[Decimal, str] = {}
    revenues: dict[tuple[str, Decimal], Draft] = {}
    for d in drafts:
        if isinstance(d.value, str) or d.value is None:
            continue
        if d.metric in ("market_cap", "market_cap_at_ipo"):
            caps.setdefault(d.value, d.entity)
        elif d.metric == "revenue" and d.segment is None and d.period is not None:
            revenues.setdefault((d.entity, d.value), d)
    if not caps:
        return
    unplaced = {m.start: i for i, m in enumerate(misses)}
    for m in _DIVISION.finditer(text):
        try:
            a, b, c = Decimal(m.group("a")), Decimal(m.group("b")), Decimal(m.group("c"))
        except InvalidOperation:
            continue
        entity = caps.get(a * _YI)
        k = unplaced.get(m.start("c"))
        if entity is None or k is None or not _checks_out(a, b, c):
            continue
        rev = revenues.get((entity, b * _YI))
        line_start = text.rfind("\n", 0, m.start()) + 1
        period = rev.period if rev is not None else _halves_span(text, line_start, m.start(), b)
        if period is None:
            continue
        miss = misses[k]
        drafts.append(Draft(entity=entity, metric="price_to_sales", period=period, segment=None, value=c,
                            unit="times", qualifier="approx" if m.group("sign") != "=" else "exact",
                            start=m.start("c"), end=miss.end, sent=miss.sent,
                            forecast=rev.forecast if rev is not None else False, cue="÷", rule="ps-arithmetic"))
        misses[k] = None
    misses[:] = [x for x in misses if x is not None]
