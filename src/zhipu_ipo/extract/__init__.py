"""``extract(text)``: every figure of an article as facts that point at their source.

The pipeline, one pure function of the text (and the optional publication date):

1. ``normalize`` the text (simplified script, folded widths) keeping an offset map;
2. discover its companies (``entities.build_registry``) and scan every token once
   (``tokens.build_stream``: amounts, periods, dates, cue words, companies, tickers);
3. infer the document context (``context``: main company, reference date);
4. read IPO events with dates and tickers (``events``), then every sentence (``reader``);
5. map offsets back to the original text, deduplicate, and return an :class:`Extraction`.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ..models import Extraction, Fact, Mention
from ..normalize import Normalized, normalize
from .context import build_context
from .entities import build_registry
from .events import read_events
from .reader import Draft, Miss, Reader
from .tokens import AMOUNT, build_stream

__all__ = ["extract"]


def extract(text: str, doc: str = "", published: Optional[dt.date] = None) -> Extraction:
    """Every figure of ``text`` that the fact contract names, with its source.

    ``published`` (a date) resolves dates written without a year; without it the year is
    inferred from the article's own dates and periods, or the date is reported unplaced.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() wants a str, got {type(text).__name__}")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    norm = normalize(text)
    t = norm.text
    registry = build_registry(t)
    stream = build_stream(t, registry)
    ctx = build_context(t, stream, registry, published)
    ev_drafts, ev_misses = read_events(ctx)
    reader = Reader(ctx)
    reader.read()
    drafts = ev_drafts + reader.drafts
    misses = ev_misses + reader.misses
    facts = _facts(norm, doc, drafts)
    placed = {(f.start, f.end) for f in facts}
    unplaced = _mentions(norm, doc, misses, stream, placed, drafts)
    entities = sorted({f.entity for f in facts} | set(ctx.entity_counts))
    return Extraction(doc=doc, facts=facts, unplaced=unplaced, entities=entities,
                      published=published)


def _quote(norm: Normalized, start: int, end: int) -> str:
    s, e = norm.span_to_original(start, end)
    return norm.original[s:e].strip()


def _facts(norm: Normalized, doc: str, drafts: list[Draft]) -> list[Fact]:
    out: list[Fact] = []
    seen: set = set()
    for d in sorted(drafts, key=lambda d: (d.start, d.metric)):
        key = (d.entity, d.metric, d.period, d.segment, str(d.value))
        if key in seen:
            continue
        seen.add(key)
        s, e = norm.span_to_original(d.start, d.end)
        out.append(Fact(doc=doc, entity=d.entity, metric=d.metric, period=d.period,
                        segment=d.segment, value=d.value, unit=d.unit, qualifier=d.qualifier,
                        low=d.low, high=d.high, forecast=d.forecast, stated=True,
                        start=s, end=e, quote=_quote(norm, d.sent.start, d.sent.end),
                        cue=d.cue, rule=d.rule))
    return out


def _mentions(norm: Normalized, doc: str, misses: list[Miss], stream, placed, drafts) -> list[Mention]:
    out: list[Mention] = []
    taken = {(d.start, d.end) for d in drafts}
    seen = set()
    for m in sorted(misses, key=lambda m: m.start):
        if (m.start, m.end) in taken or (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        s, e = norm.span_to_original(m.start, m.end)
        out.append(Mention(doc=doc, text=norm.original[s:e], start=s, end=e, value=m.value,
                           unit=m.unit, reason=m.reason, detail=m.detail,
                           quote=_quote(norm, m.sent.start, m.sent.end)))
    # amounts no rule looked at (e.g. in sentences without a period or cue) are unplaced too
    for tok in stream.tokens:
        if tok.kind != AMOUNT:
            continue
        key = (tok.start, tok.end)
        if key in taken or key in seen:
            continue
        seen.add(key)
        s, e = norm.span_to_original(tok.start, tok.end)
        out.append(Mention(doc=doc, text=norm.original[s:e], start=s, end=e, value=tok.obj.value,
                           unit=tok.obj.unit, reason="no_metric_cue", detail="not read",
                           quote=""))
    out.sort(key=lambda m: m.start)
    return out
