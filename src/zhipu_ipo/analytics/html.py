"""One self-contained HTML page: the report's tables and its charts (PNG, base64-embedded).

No external stylesheet, script, font or image: the page opens offline and can be mailed.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from typing import Sequence

from .views import View

CSS = """
body{font-family:-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
margin:2em auto;max-width:1400px;padding:0 1em;color:#222;line-height:1.4}
h1{font-size:1.6em}h2{border-bottom:2px solid #0072B2;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;font-size:.82em;margin:.5em 0 1em;width:100%}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.inconsistent td,tr.conflict td{background:#fde8e4}
tr.unverifiable td{background:#f5f5f5;color:#555}
tr.consistent td:first-child,tr.agree td:first-child{color:#007a4d}
tr.inconsistent td:first-child,tr.conflict td:first-child{color:#b3261e;font-weight:600}
tr.default td{background:#fff8e1}
.note{color:#666;font-size:.85em}
.charts img{max-width:100%;margin:.5em 1em .5em 0;border:1px solid #eee}
.quote{color:#444}
"""

#: Columns shown right-aligned.
NUMERIC_COLUMNS = frozenset({"value", "stated", "computed", "rel_error", "rate"})


@dataclass
class Section:
    """One company: its tables and charts."""

    title: str
    views: list[View] = field(default_factory=list)
    charts: dict[str, bytes] = field(default_factory=dict)


def _table(view: View, period_columns: bool = False) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in view.columns)
    body = []
    for row, style in zip(view.rows, view.styles or [""] * len(view.rows)):
        cells = []
        for col, cell in zip(view.columns, row):
            numeric = col in NUMERIC_COLUMNS or (period_columns and col not in ("metric", "segment", "unit"))
            cls = ' class="num"' if numeric else (' class="quote"' if col == "quote" else "")
            cells.append(f"<td{cls}>{html.escape(cell)}</td>")
        body.append(f'<tr class="{html.escape(style)}">' + "".join(cells) + "</tr>")
    note = f'<p class="note">{html.escape(view.note)}</p>' if view.note else ""
    if not view.rows:
        return f"<h3>{html.escape(view.title)}</h3><p class=\"note\">none</p>"
    return (f"<h3>{html.escape(view.title)}</h3>{note}<table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _img(name: str, png: bytes) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(name)}" src="data:image/png;base64,{data}">'


def page(title: str, intro: Sequence[str], fx: View, sections: Sequence[Section]) -> str:
    """The whole HTML document."""
    parts = [f"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
             f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>"]
    parts += [f'<p class="note">{html.escape(line)}</p>' for line in intro]
    parts.append(_table(fx))
    for s in sections:
        parts.append(f"<h2>{html.escape(s.title)}</h2>")
        if s.charts:
            parts.append('<div class="charts">' + "".join(_img(n, p) for n, p in s.charts.items()) + "</div>")
        for i, v in enumerate(s.views):
            parts.append(_table(v, period_columns=(i == 0 and v.columns[:3] == ["metric", "segment", "unit"])))
    parts.append("</body></html>")
    return "\n".join(parts)
