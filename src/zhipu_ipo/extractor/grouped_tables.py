"""Side-by-side tables aligned by spaces, with a metric written once over its periods:

    项目              智谱（人民币）      MiniMax（美元）
    收入    2023年    1.25亿元            346万美元
            2024年    3.12亿元            3052万美元
            最近一期* 1.91亿元            5344万美元
    期末现金          25.52亿元           11.02亿美元

    注：*智谱为2025年上半年，MiniMax为2025年前三季度；期末现金分别截至2025年6月30日、2025年9月30日。

A head line (a corner word, then one company per column), then rows of a metric and a period, a
period alone under the metric above it, or a metric alone. A period marked ``*`` is each company's
own, told by the note under the table (智谱为…，MiniMax为…); a row the note dates with 分别截至 takes
its days in the order of the columns. Everything else goes through the ordinary cell reading of
``tables``.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ..periods import Period, find_periods
from .records import Draft, Miss
from .sentences import Span
from .tables import _CORNER_HEAD, _Cell, _Label, _cell_fact, _col_company, _row_label, _space_cells, _unit_of
from .tokens import DATE, ENTITY

#: a row of figures: at most this many characters; a table: at most this many rows (the scan of
#: the lines after a head stays bounded on hostile text)
_ROW = 120
_MAX_ROWS = 64
#: a cell with no figure in it: — or -
_NO_FIGURE = re.compile(r"[—\-–－]+")
#: a footnote mark after a period: 最近一期*, 2025年前三季度※
_MARK = re.compile(r"[*＊※]+$")
#: the note under a table
_NOTE = re.compile(r"(?m)^[ \t\u3000]*(?:注|註|备注|說明|说明)\s*[:：]")


def _lines(text: str, start: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, indent) of the lines from ``start`` to the first blank or long one, read as
    they are asked for."""
    pos = start
    for _ in range(_MAX_ROWS):
        if pos >= len(text):
            return
        end = text.find("\n", pos, pos + _ROW + 1)
        if end == -1:
            end = len(text) if len(text) - pos <= _ROW else -1
        if end == -1:
            return              # (a line longer than a row: prose)
        line = text[pos:end]
        if not line.strip():
            return
        indent = len(line) - len(line.lstrip(" \u3000\t"))
        yield pos + indent, end, indent
        pos = end + 1


def _figure_cells(cells: list[_Cell]) -> bool:
    return all(any(ch.isdigit() for ch in c.text) or _NO_FIGURE.fullmatch(c.text) for c in cells)


def _note_periods(ctx, note: tuple[int, int], entities: list[str]) -> dict[str, Period]:
    """智谱为2025年上半年，MiniMax为2025年前三季度: each company's period in the note."""
    out: dict[str, Period] = {}
    ents = [t for t in ctx.stream.in_span(*note) if t.kind == ENTITY and t.obj.entity in entities]
    for t in ents:
        m = re.match(r"\s*(?:为|是|係|系)\s*([^，,；;。]{2,16})", ctx.text[t.end:note[1]])
        if m is None:
            continue
        found = [p.period for p in find_periods(m.group(1)) if p.period is not None]
        if len(found) == 1:
            out.setdefault(t.obj.entity, found[0])
    return out


def _note_days(ctx, note: tuple[int, int], label: str, n: int) -> Optional[list[Period]]:
    """期末现金分别截至2025年6月30日、2025年9月30日: the days of a row, in the columns' order."""
    i = ctx.text.find(label, *note) if label else -1
    if i == -1:
        return None
    end = min(note[1], next((j for j in (ctx.text.find(c, i, note[1]) for c in "；;。") if j != -1), note[1]))
    if "分别" not in ctx.text[i:end]:
        return None
    days = [t.obj.date for t in ctx.stream.in_span(i, end) if t.kind == DATE and t.obj.date is not None]
    return [Period.of_date(d) for d in days] if len(days) == n else None


def read_grouped_tables(ctx, metrics) -> tuple[list[Draft], list[Miss], list[Span]]:
    """Facts of the side-by-side tables of ``ctx.text`` with metrics written once over their
    periods, and the spans they cover."""
    drafts: list[Draft] = []
    misses: list[Miss] = []
    spans: list[Span] = []
    text = ctx.text
    for head in re.finditer(r"(?m)^[ \t\u3000]*(\S{1,8})[ \u3000]{2,}", text):
        if not _CORNER_HEAD.fullmatch(head.group(1)) or (spans and head.start() < spans[-1].end):
            continue
        head_end = text.find("\n", head.start(), head.start() + _ROW + 1)
        if head_end == -1:
            continue
        header = _space_cells(text, head.start() + len(head.group()) - len(head.group().lstrip()), head_end)
        columns = [_col_company(ctx, header[0], c) for c in header[1:]]
        n = len(columns)
        if not 2 <= n <= 4 or not all(columns) or len(set(columns)) != n:
            continue        # (the head first: the lines under it are read only below a table's head)
        lines = _lines(text, head_end + 1)
        units = [_unit_of(c.text) for c in header[1:]]
        rows: list[tuple[_Cell, list[_Cell]]] = []     # (the row's label, its figure cells)
        group: Optional[_Cell] = None
        grouped = False         # (a table with no metric over periods is an ordinary one)
        for start, end, indent in lines:
            cells = _space_cells(text, start, end)
            if len(cells) == n + 2 and _figure_cells(cells[2:]):
                group, grouped = cells[0], True
                label = _Cell(cells[0].text + cells[1].text, cells[1].start, cells[1].end)
            elif len(cells) == n + 1 and indent >= 2 and group is not None and _figure_cells(cells[1:]):
                label = _Cell(group.text + cells[0].text, cells[0].start, cells[0].end)
            elif len(cells) == n + 1 and indent < 2 and _figure_cells(cells[1:]):
                group, label = None, cells[0]
            else:
                break
            rows.append((label, cells[-n:]))
        if len(rows) < 2 or not grouped:
            continue
        span = Span(header[0].start, rows[-1][1][-1].end)
        note_m = _NOTE.search(text, span.end, min(len(text), span.end + 400))
        note = None
        if note_m is not None:
            note_end = text.find("\n", note_m.start())
            note = (note_m.start(), note_end if note_end != -1 else len(text))
        marked = _note_periods(ctx, note, columns) if note is not None else {}
        for label, cells in rows:
            row_span = Span(label.start, cells[-1].end)
            what = _row_label(label, metrics)
            whens: list[Optional[Period]] = [what.period if what is not None else None] * n
            if _MARK.search(label.text) and what is not None and what.period is None:
                whens = [marked.get(e) for e in columns]
            elif what is not None and what.period is None and note is not None:
                whens = _note_days(ctx, note, label.text, n) or whens
            for c, cell in enumerate(cells):
                if _NO_FIGURE.fullmatch(cell.text):
                    continue
                if whens[c] is None and what is not None and what.metric in metrics \
                        and metrics[what.metric].period in ("required", "point"):
                    misses.append(Miss(cell.start, cell.end, "no_period", "grouped table: a period the note "
                                       "does not give", row_span))
                    continue
                _cell_fact(ctx, columns[c], cell, _Label(period=whens[c]), what, units[c], metrics, row_span,
                           drafts, misses)
        spans.append(span)
    return drafts, misses, spans
