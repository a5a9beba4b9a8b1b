"""The fast scanners reproduce the original ones exactly.

``tests/data/scanner_golden.json`` holds the outputs of ``find_amounts``, ``find_periods``,
``find_dates`` (and a few ``parse_*`` calls) recorded from the implementation *before* the
speed-up rewrite of ``numbers.py`` / ``periods.py`` (commit e69e3a7), for about 300 normalized
strings: sentences written for the file and slices of ``data/seeds``. Every field that other
code reads is compared (offsets, text, values with their decimal places, units, qualifiers,
periods and their items, date fields). A difference here is a change of behaviour: if it is
intended, regenerate the file from the new implementation and say so in the commit.

The scanners' inputs are stored already normalized, so the scanner cases do not depend on
:mod:`zhipu_ipo.normalization`; the ``parse_*`` cases normalize their (plain) input.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from zhipu_ipo.errors import ParseError
from zhipu_ipo.numbers import Amount, find_amounts, parse_amount
from zhipu_ipo.periods import (
    DateMention,
    PeriodMention,
    find_dates,
    find_periods,
    parse_date,
    parse_period,
)

GOLDEN = json.loads((Path(__file__).parent / "data" / "scanner_golden.json").read_text(encoding="utf-8"))
AMOUNT_FIELDS = GOLDEN["amount_fields"]
PERIOD_FIELDS = GOLDEN["period_fields"]
DATE_FIELDS = GOLDEN["date_fields"]
CASES = GOLDEN["cases"]
PARSES = GOLDEN["parse"]

_DECIMALS = {"value", "low", "high", "years", "years_high"}


def _plain(name: str, value):
    """A field value as the golden file writes it (Decimals and periods as str, dates ISO)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if name in _DECIMALS or name == "period":
        return str(value)
    if name == "items":
        return [str(p) for p in value]
    if name in ("date", "end_date"):
        return value.isoformat()
    raise TypeError(f"unexpected {name}={value!r}")


def _row(obj, fields: list[str]) -> list:
    return [_plain(name, getattr(obj, name)) for name in fields]


def _label(case: dict) -> str:
    text = case["input"]
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def test_the_golden_file_is_varied():
    assert len(CASES) >= 250
    assert sum(len(c["amounts"]) for c in CASES) > 500
    assert sum(len(c["periods"]) for c in CASES) > 300
    assert sum(len(c["dates"]) for c in CASES) > 40
    kinds = {row[PERIOD_FIELDS.index("kind")] for c in CASES for row in c["periods"]}
    assert kinds == {"single", "range", "list", "point", "relative", "duration", "date"}
    qualifiers = {row[AMOUNT_FIELDS.index("qualifier")] for c in CASES for row in c["amounts"]}
    assert qualifiers == {"exact", "approx", "at_least", "at_most", "range"}


@pytest.mark.parametrize("case", CASES, ids=_label)
def test_find_amounts_matches_the_original(case):
    amounts = find_amounts(case["input"])
    assert all(type(a) is Amount for a in amounts)
    assert [_row(a, AMOUNT_FIELDS) for a in amounts] == case["amounts"]


@pytest.mark.parametrize("case", CASES, ids=_label)
def test_find_periods_matches_the_original(case):
    mentions = find_periods(case["input"])
    assert all(type(m) is PeriodMention for m in mentions)
    assert [_row(m, PERIOD_FIELDS) for m in mentions] == case["periods"]


@pytest.mark.parametrize("case", CASES, ids=_label)
def test_find_dates_matches_the_original(case):
    mentions = find_dates(case["input"])
    assert all(type(m) is DateMention for m in mentions)
    assert [_row(m, DATE_FIELDS) for m in mentions] == case["dates"]


def _parse(case: dict):
    function, text = case["function"], case["input"]
    if function == "parse_amount":
        return _row(parse_amount(text), AMOUNT_FIELDS)
    if function == "parse_period":
        return str(parse_period(text))
    value = parse_date(text, default_year=case["default_year"])
    return [d.isoformat() for d in value] if isinstance(value, tuple) else value.isoformat()


@pytest.mark.parametrize("case", PARSES, ids=lambda c: f"{c['function']}:{c['input']}")
def test_parse_functions_match_the_original(case):
    if "error" in case:
        assert case["error"] == "ParseError"
        with pytest.raises(ParseError):
            _parse(case)
    else:
        assert _parse(case) == case["ok"]


def test_fast_models_behave_like_validated_ones():
    """The scanners build their results without running validators; they must still be the
    same objects as the validated ones: equal, hashable, frozen, copyable."""
    amount = find_amounts("约人民币5亿元")[0]
    validated = Amount(**{name: getattr(amount, name) for name in Amount.model_fields})
    assert amount == validated and hash(amount) == hash(validated)
    assert amount.model_fields_set == validated.model_fields_set
    assert amount.model_dump() == validated.model_dump()
    assert amount.model_copy(update={"start": 0}) == validated.model_copy(update={"start": 0})
    with pytest.raises(ValidationError):
        amount.value = 1          # frozen
    mention = find_periods("2022年至2024年")[0]
    rebuilt = PeriodMention(**{name: getattr(mention, name) for name in PERIOD_FIELDS})
    assert mention == rebuilt and repr(mention) == repr(rebuilt) and hash(mention) == hash(rebuilt)
    assert vars(mention) == vars(rebuilt) and list(vars(mention)) == list(vars(rebuilt))


def _outcome(case: dict) -> dict:
    try:
        return {"ok": _parse(case)}
    except ParseError:
        return {"error": "ParseError"}


def regenerate(path: Path = Path(__file__).parent / "data" / "scanner_golden.json") -> None:
    """Rewrite the golden outputs from the current implementation (same inputs, same format).

    Only for an intended change of behaviour: ``python tests/test_scanner_equivalence.py``.
    """
    doc = dict(GOLDEN)
    doc["cases"] = [
        {"input": c["input"],
         "amounts": [_row(a, AMOUNT_FIELDS) for a in find_amounts(c["input"])],
         "periods": [_row(m, PERIOD_FIELDS) for m in find_periods(c["input"])],
         "dates": [_row(m, DATE_FIELDS) for m in find_dates(c["input"])]}
        for c in CASES
    ]
    doc["parse"] = [
        {key: c[key] for key in ("function", "input", "default_year") if key in c} | _outcome(c)
        for c in PARSES
    ]
    lines = ["{"]
    for key in ("about", "amount_fields", "period_fields", "date_fields"):
        lines.append(f"{json.dumps(key)}: {json.dumps(doc[key], ensure_ascii=False)},")
    for key in ("cases", "parse"):
        rows = [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in doc[key]]
        lines.append(f"{json.dumps(key)}: [")
        lines.append(",\n".join(rows))
        lines.append("]," if key == "cases" else "]")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
