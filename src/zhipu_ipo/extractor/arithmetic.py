"""Dating a growth rate by arithmetic when the words leave its year open.

``2023年至2025年收入分别为9.86亿元、11.42亿元、12.07亿元，同比增速由15.8%降至5.7%``: the words
pair the two rates with no years, but only 2024's growth can be 15.8% (11.42 / 9.86 − 1) and only
2025's can be 5.7%. A growth rate whose year the reader gave cannot be computed from the
sentence's own figures (the first year of the list) or disagrees with them, while exactly one
other year of the list computes to it, takes that year. Nothing else moves: the arithmetic only
decides between the years the sentence itself names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from .records import Draft

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
