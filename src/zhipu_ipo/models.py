"""The fact contract as pydantic models: :class:`Fact`, :class:`Mention`, :class:`Extraction`.

Field names and vocabularies follow ``docs/FACTS.md`` (the project's copy of the contract).
Values are :class:`~decimal.Decimal` (never float) for numeric units and ``str`` for
dates (ISO) and text (tickers). In JSON a numeric value is written as a JSON number
built from its decimal digits.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from . import lexicon

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "range")

#: Units a fact may carry (FACTS.md, plus a few currencies articles also use).
UNITS: tuple[str, ...] = (
    "CNY", "HKD", "USD", "EUR", "JPY", "GBP",
    "percent", "shares", "count", "times", "date", "text", "HKD/share",
)
CURRENCIES: frozenset[str] = frozenset({"CNY", "HKD", "USD", "EUR", "JPY", "GBP"})
NUMERIC_UNITS: frozenset[str] = frozenset(UNITS) - {"date", "text"}


def decimal_to_json(value: Decimal) -> Union[int, float, str]:
    """A JSON-ready number that prints the same digits as ``value``.

    Integers become ``int``; other values become ``float`` only when the float's
    shortest repr gives back exactly the same decimal, otherwise the decimal string.
    """
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return str(value)


def fast_constructor(cls):
    """A constructor for ``cls`` that skips validation, for values already known to be valid.

    It does what ``BaseModel.model_construct`` does when every field is given, without its
    per-call bookkeeping; a self-check against ``model_construct`` guards against pydantic
    internals changing (it falls back to ``model_construct`` then).
    """
    fields = tuple(cls.model_fields)
    defaults = {k: f.get_default(call_default_factory=True) for k, f in cls.model_fields.items()}
    new, setattr_ = cls.__new__, object.__setattr__

    def make(**values):
        d = dict(defaults)
        d.update(values)
        m = new(cls)
        setattr_(m, "__dict__", d)
        setattr_(m, "__pydantic_fields_set__", set(values))
        setattr_(m, "__pydantic_extra__", None)
        setattr_(m, "__pydantic_private__", None)
        return m

    try:
        sample = {k: v for k, v in defaults.items() if v is not None} | _SAMPLES.get(cls.__name__, {})
        if make(**sample) != cls.model_construct(**sample) or make(**sample).model_dump() != \
                cls.model_validate(sample).model_dump():
            return cls.model_construct
    except Exception:  # noqa: BLE001 - any surprise: use pydantic's own path
        return cls.model_construct
    return make if fields else cls.model_construct


class Fact(BaseModel):
    """One figure of an article, as FACTS.md defines it.

    ``start``/``end`` index the ORIGINAL text of the document so that
    ``original[start:end]`` is the figure as written; ``quote`` is its original
    sentence or clause. ``cue`` and ``rule`` say why the library took it.
    """

    model_config = ConfigDict(frozen=True)

    doc: str = ""
    entity: str
    metric: str
    period: Optional[str] = None
    segment: Optional[str] = None
    value: Union[Decimal, str]
    unit: str
    qualifier: Qualifier = "exact"
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None
    forecast: bool = False
    stated: bool = True
    start: Optional[int] = None
    end: Optional[int] = None
    quote: str = ""
    cue: Optional[str] = Field(default=None, description="the cue word the metric came from")
    rule: Optional[str] = Field(default=None, description="the extraction rule that produced the fact")

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, v: str) -> str:
        if v not in lexicon.metrics():
            raise ValueError(f"unknown metric {v!r}")
        return v

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, v: str) -> str:
        if v not in UNITS:
            raise ValueError(f"unknown unit {v!r}")
        return v

    @field_serializer("value")
    def _ser_value(self, v: Union[Decimal, str], info: Any) -> Any:
        if isinstance(v, Decimal) and info.mode == "json":
            return decimal_to_json(v)
        return v

    @field_serializer("low", "high")
    def _ser_bound(self, v: Optional[Decimal], info: Any) -> Any:
        if isinstance(v, Decimal) and info.mode == "json":
            return decimal_to_json(v)
        return v

    @property
    def key(self) -> tuple:
        """(entity, metric, period, segment): what two facts must share to be the same fact."""
        return (self.entity, self.metric, self.period, self.segment)

    def __repr__(self) -> str:  # short and readable in a notebook
        where = f" {self.period}" if self.period else ""
        seg = f" [{self.segment}]" if self.segment else ""
        q = "" if self.qualifier == "exact" else f" ({self.qualifier})"
        return f"<Fact {self.entity} {self.metric}{where}{seg} = {self.value} {self.unit}{q} @{self.start}>"

    __str__ = __repr__


MentionReason = Literal[
    "no_metric_cue",      # a figure with no cue word telling what it measures
    "unit_mismatch",      # a cue was found but the unit does not fit the metric
    "no_period",          # a financial figure whose period could not be fixed
    "ambiguous_period",   # enumeration with a different number of periods and values
    "no_entity",          # no company to attribute it to
    "no_currency",        # an amount with a scale but no currency
    "no_year",            # a date without a year and no way to infer it
    "not_a_fact",         # recognised and deliberately not taken (intraday peak, grey market, ...)
    "identifier",         # a number inside a name (GLM-4.5, 18C, A1000)
    "implausible",        # too many digits or an impossible value
    "duplicate",          # the same figure as a fact already taken from this sentence
    "unknown_segment",    # a business line's figure the lexicon has no segment slug for
]


class Mention(BaseModel):
    """A number-bearing span of the document that became no fact, and why."""

    model_config = ConfigDict(frozen=True)

    doc: str = ""
    text: str
    start: int
    end: int
    value: Optional[Decimal] = None
    unit: Optional[str] = None
    reason: str
    detail: str = ""
    quote: str = ""

    @field_serializer("value")
    def _ser_value(self, v: Optional[Decimal], info: Any) -> Any:
        if isinstance(v, Decimal) and info.mode == "json":
            return decimal_to_json(v)
        return v

    def __repr__(self) -> str:
        return f"<Mention {self.text!r} @{self.start} {self.reason}{': ' + self.detail if self.detail else ''}>"

    __str__ = __repr__


_SAMPLES = {
    "Fact": {"entity": "zhipu", "metric": "revenue", "period": "2024", "value": Decimal("312400000"),
             "unit": "CNY", "start": 1, "end": 8, "quote": "收入3.124亿元"},
    "Mention": {"text": "3亿元", "start": 0, "end": 3, "reason": "no_metric_cue"},
}

FACT_COLUMNS: tuple[str, ...] = (
    "doc", "entity", "metric", "period", "segment", "value", "unit", "qualifier",
    "low", "high", "forecast", "stated", "start", "end", "quote",
)


class Extraction(BaseModel):
    """Everything the library took from one document."""

    doc: str = ""
    facts: list[Fact] = Field(default_factory=list)
    unplaced: list[Mention] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)
    published: Optional[_dt.date] = None

    def to_frame(self):
        """One row per fact with the FACTS.md columns (see :func:`zhipu_ipo.tables.facts_frame`)."""
        from .tables import facts_frame

        return facts_frame(self.facts)

    def unplaced_frame(self):
        """One row per unplaced mention."""
        from .tables import mentions_frame

        return mentions_frame(self.unplaced)

    def __len__(self) -> int:
        return len(self.facts)

    def __repr__(self) -> str:
        ents = ", ".join(self.entities[:4]) + ("…" if len(self.entities) > 4 else "")
        return (f"<Extraction doc={self.doc!r}: {len(self.facts)} facts, "
                f"{len(self.unplaced)} unplaced mentions, entities [{ents}]>")

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_()
