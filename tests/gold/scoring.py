"""Score extracted facts against hand-made gold files (tests/gold/seeds/*.json).

A predicted fact matches a gold fact when entity, metric, period and segment are equal and the
values agree within 0.5 % (exactly for dates and tickers). A prediction whose figure starts
inside an ``ambiguous`` quote of its document is ignored; duplicates count once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

TEXT_UNITS = {"date", "text"}
#: metrics the library adds to the contract, which hand-made gold does not annotate (the dev-set
#: scorer likewise ignores metrics outside FACTS.md)
EXTENSION_PREFIXES = ("placing_",)
REL_TOL = Decimal("0.005")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def report(self) -> str:
        lines = [f"P={self.precision:.3f} R={self.recall:.3f} tp={self.tp} fp={self.fp} fn={self.fn}"]
        lines += ["MISS " + m for m in self.misses]
        lines += ["FP   " + m for m in self.false_positives]
        return "\n".join(lines)


def load_gold(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _agree(unit: str, a, b) -> bool:
    if unit in TEXT_UNITS or isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    a, b = Decimal(str(a)), Decimal(str(b))
    if b == 0:
        return a == 0
    return abs(a - b) <= REL_TOL * abs(b)


def _key(f) -> tuple:
    get = f.get if isinstance(f, dict) else (lambda k: getattr(f, k))
    return (get("entity"), get("metric"), get("period"), get("segment"))


def score_document(facts, gold: dict, text: str, score: Score | None = None) -> Score:
    """Add the comparison of ``facts`` (Fact objects) with one gold document to ``score``."""
    score = score or Score()
    spans = []
    for a in gold.get("ambiguous", []):
        q = a["quote"]
        start = text.find(q)
        while start != -1:
            spans.append((start, start + len(q)))
            start = text.find(q, start + 1)
    golds: list[list] = []   # [key, value, unit, matched, quote]
    for g in gold["facts"]:
        k = _key(g)
        if any(x[0] == k and _agree(g["unit"], g["value"], x[1]) for x in golds):
            continue
        golds.append([k, g["value"], g["unit"], False, g["quote"]])
    seen = set()
    for f in facts:
        if f.start is not None and any(s <= f.start < e for s, e in spans):
            continue
        if f.metric.startswith(EXTENSION_PREFIXES):
            continue        # the library's own metrics beyond the contract (docs/FACTS.md, Extensions)
        ident = (_key(f), str(f.value))
        if ident in seen:
            continue
        seen.add(ident)
        cands = [x for x in golds if x[0] == _key(f) and _agree(f.unit, f.value, x[1])]
        free = [x for x in cands if not x[3]]
        if free:
            free[0][3] = True
            score.tp += 1
        elif not cands:
            score.fp += 1
            score.false_positives.append(f"{gold['doc']} {_key(f)} = {f.value} | {f.quote[:50]}")
    for k, v, unit, matched, quote in golds:
        if not matched:
            score.fn += 1
            score.misses.append(f"{gold['doc']} {k} = {v} | {quote[:50]}")
    return score
