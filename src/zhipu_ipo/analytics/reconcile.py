"""One value for a figure stated in several places: the reconciliation rule.

Several articles (or one article twice) may state the same figure -- same entity, metric,
period, segment, unit and forecast flag. Each statement stands for an interval of values
(:func:`zhipu_ipo.analytics.precision.stated_interval`).

* The statements **agree** when their intervals share a point: they are equal at the coarser
  rounding (3.12亿 and 3.124亿; 超62亿 and 62.48亿). Otherwise they **conflict**.
* The value shown for the figure (the *chosen* statement) is the one that agrees with the most
  statements; ties go to the most precise (most significant digits), then to the more
  definite qualifier (exact, range, approx, at_least/at_most), then to the first document
  in id order. So when sources agree the most precise value is shown, and when they
  conflict the value most sources give is shown -- the most precisely written one on a tie
  (8.2亿 vs 23.58亿 shows 23.58亿) -- and the cell is marked as a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from .observations import Obs, iter_unique
from .precision import Interval, common, significant_digits

_QUALIFIER_RANK = {"exact": 0, "range": 1, "approx": 2, "at_least": 3, "at_most": 3}


@dataclass(frozen=True)
class Reconciled:
    """The statements of one figure and the value chosen for it."""

    obs: tuple[Obs, ...]
    chosen: Obs
    verdict: str  # 'single', 'agree' or 'conflict'

    @property
    def value(self) -> Decimal:
        return self.chosen.value

    @property
    def point(self) -> Decimal:
        return self.chosen.point

    @property
    def interval(self) -> Interval:
        return self.chosen.interval

    @property
    def unit(self) -> str:
        return self.chosen.unit

    @property
    def qualifier(self) -> str:
        return self.chosen.qualifier

    @property
    def docs(self) -> list[str]:
        """Documents stating the figure, sorted, without repeats."""
        return sorted(iter_unique(o.doc for o in self.obs))

    @property
    def conflicting(self) -> list[Obs]:
        """Statements that do not agree with the chosen one."""
        return [o for o in self.obs if not o.interval.overlaps(self.chosen.interval)]

    @property
    def is_conflict(self) -> bool:
        return self.verdict == "conflict"


def _rank(o: Obs, obs: Sequence[Obs]) -> tuple:
    support = sum(1 for other in obs if other.interval.overlaps(o.interval))
    return (-support, -significant_digits(o.value), _QUALIFIER_RANK.get(o.qualifier, 4), o.doc, o.start)


def reconcile(obs: Sequence[Obs]) -> Optional[Reconciled]:
    """Reconcile statements of one figure (module rules); None when there are none."""
    items = tuple(sorted(obs, key=lambda o: (o.doc, o.start)))
    if not items:
        return None
    chosen = min(items, key=lambda o: _rank(o, items))
    if len(items) == 1:
        verdict = "single"
    else:
        verdict = "agree" if common(o.interval for o in items) is not None else "conflict"
    return Reconciled(items, chosen, verdict)
