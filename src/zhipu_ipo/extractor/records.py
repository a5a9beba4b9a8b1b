"""What the readers produce: draft facts, misses (unplaced mentions with a reason), conversions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .sentences import Span


@dataclass
class Draft:
    """A fact before its offsets are mapped back to the original text."""

    entity: str
    metric: str
    period: Optional[str]
    segment: Optional[str]
    value: object
    unit: str
    qualifier: str
    start: int
    end: int
    sent: Span
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None
    forecast: bool = False
    cue: Optional[str] = None
    rule: str = ""


@dataclass
class Miss:
    start: int
    end: int
    reason: str
    detail: str
    sent: Span
    value: Optional[Decimal] = None
    unit: Optional[str] = None


def clean_value(value):
    """A Decimal without exponent noise: whole numbers as integers (1.465E+9 -> 1465000000)."""
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral_value() else value
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value
    return value


@dataclass
class Conversion:
    """A currency conversion the article states: ``43亿港元(约5.6亿美元)``."""

    source: object   # Amount
    target: object   # Amount
    sent: Span


# ----------------------------------------------------------------------------------------
# metric vocabulary
