"""The report (the main job): for each company, the statement, the derived figures, the claims
(inconsistent first, with the quote) and the figures stated more than once.

``zhipu-ipo report PATH...`` prints it as terminal tables (rich); ``--html FILE`` writes one
self-contained HTML page with the same content and the charts; ``--charts DIR`` writes the
charts as PNG. :func:`build_report` gives the same content as data for other uses.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import click

from .analytics import views as V
from .analytics.html import Section, page


@dataclass
class Report:
    """Everything the report shows."""

    title: str
    intro: list[str]
    fx: V.View
    sections: list[Section] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    summaries: dict[str, str] = field(default_factory=dict)


def _entities(corpus, only: Sequence[str]) -> list[str]:
    facts = corpus.facts
    counts = facts["entity"].value_counts()
    ents = sorted(counts.index, key=lambda e: (-int(counts[e]), str(e)))
    if only:
        ents = [e for e in ents if e in set(only)]
    return [str(e) for e in ents]


def build_report(corpus, entities: Sequence[str] = (), charts: bool = False, fx=None) -> Report:
    """The report of a corpus: one section per company that has anything to show.

    ``charts=True`` also renders each company's charts (PNG bytes in ``Section.charts``).
    """
    from .analytics import claims, conflicts, derived, statement
    from .analytics.charts import entity_charts

    facts = corpus.facts
    fx = fx if fx is not None else corpus.fx
    d_all = derived(facts, fx=fx)
    c_all = claims(facts, fx=fx)
    k_all = conflicts(facts, fx=fx)
    report = Report(
        title="zhipu_ipo report: " + ", ".join(corpus.docs[:4]) + (" …" if len(corpus.docs) > 4 else ""),
        intro=[f"{len(corpus.docs)} documents, {len(facts)} facts.",
               "Statement: amounts in 亿 (1e8) of the currency shown. " + V.STATEMENT_NOTE,
               "Claims: a stated derived figure is consistent when its recomputation, given the rounding of "
               "its inputs, meets the stated figure at the precision the article wrote (约 widens it, 超 is a "
               "floor, 近 a ceiling); unverifiable when an input is missing.",
               "Every figure computed with an FX rate names it; default rates are approximations the library "
               "assumes, shown beside the rates the articles imply."],
        fx=V.fx_view(fx.frame()),
    )
    for ent in _entities(corpus, entities):
        st = statement(facts, ent, scale="亿", exact=True)
        d = d_all[d_all["entity"] == ent]
        c = c_all[c_all["entity"] == ent]
        k = k_all[k_all["entity"] == ent]
        if st.empty and d.empty and c.empty and k.empty:
            continue
        views = [V.statement_view(st, "Statement (reconciled across articles)"),
                 V.derived_view(d, "Derived figures (computed by the library)"),
                 V.claims_view(c, "Claims checked (stated derived figures, recomputed)"),
                 V.conflicts_view(k, "Figures stated more than once")]
        section = Section(V.entity_title(ent), views)
        if charts:
            section.charts = entity_charts(facts, ent, fx=fx, derived=d_all)
        report.sections.append(section)
        report.entities.append(ent)
        report.summaries[ent] = _summary(c, k)
    return report


def _summary(c, k) -> str:
    counts = c["verdict"].value_counts()
    parts = [f"{int(counts.get(v, 0))} {v}" for v in ("inconsistent", "unverifiable", "consistent")]
    n_conf = int((k["verdict"] == "conflict").sum())
    return f"claims: {', '.join(parts)}; repeated figures: {len(k)}, {n_conf} in conflict"


# --------------------------------------------------------------------------- terminal

STYLES = {"inconsistent": "red", "conflict": "red", "unverifiable": "dim", "default": "yellow"}
WIDE_COLUMNS = {"inputs": 48, "explanation": 64, "quote": 40, "formula": 30, "values": 36, "source": 60,
                "work": 56, "fx": 40}
NUMERIC = ("value", "stated", "computed", "rel_error")
NO_WRAP = ("verdict", "metric", "period", "value", "stated", "computed", "rel_error", "pair", "rate")
#: Columns left to the HTML page (the terminal shows the sources inside the explanations).
TERMINAL_HIDDEN = ("sources", "formula", "inputs")


def render_terminal(report: Report, console=None) -> None:
    """Print the report with rich tables."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()

    def table(view: V.View, numeric_after: Optional[int] = None) -> None:
        if not view.rows:
            console.print(Text(f"{view.title}: none\n", style="bold"))
            return
        t = Table(title=Text(view.title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD, show_lines=False,
                  header_style="bold", expand=False)
        keep = [i for i, col in enumerate(view.columns) if any(row[i] for row in view.rows)
                and col not in TERMINAL_HIDDEN]
        for i in keep:
            col = view.columns[i]
            right = numeric_after is not None and i >= numeric_after
            t.add_column(col, justify="right" if right or col in NUMERIC else "left", overflow="fold",
                         max_width=WIDE_COLUMNS.get(col), no_wrap=col in NO_WRAP)
        for row, style in zip(view.rows, view.styles):
            t.add_row(*[Text(row[i]) for i in keep], style=STYLES.get(style))
        console.print(t)
        if view.note:
            console.print(Text(view.note, style="dim"))
        console.print()

    console.rule(Text(report.title, style="bold"))
    for line in report.intro:
        console.print(Text(line, style="dim"))
    console.print()
    table(report.fx)
    for ent, section in zip(report.entities, report.sections):
        console.rule(Text(section.title, style="bold"))
        console.print(Text(report.summaries.get(ent, "")))
        console.print()
        for i, view in enumerate(section.views):
            table(view, numeric_after=3 if i == 0 else None)


# --------------------------------------------------------------------------- files


def write_html(report: Report, path: Path) -> Path:
    """Write the self-contained HTML page."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    intro = list(report.intro) + [f"{s.title}: {report.summaries.get(e, '')}"
                                  for e, s in zip(report.entities, report.sections)]
    path.write_text(page(report.title, intro, report.fx, report.sections), encoding="utf-8")
    return path


@click.command("report")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--html", "html", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write one self-contained HTML page (tables and charts) to FILE.")
@click.option("--charts", "charts", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Also write the charts as PNG files into DIR.")
@click.option("-e", "--entity", "entities", multiple=True,
              help="Only this company (repeatable), e.g. -e zhipu -e minimax.")
@click.option("--width", type=int, default=None, help="Terminal width (default: the terminal's, at least 160 when piped).")
def report_command(paths, html, charts, entities, width) -> None:
    """Print, for each company, the statement, derived figures, claims and conflicts."""
    from rich.console import Console

    from .analytics.charts import write_charts
    from .corpus import load
    from .errors import ZhipuIpoError

    try:
        corpus = load(list(paths))
    except ZhipuIpoError as err:
        raise click.ClickException(str(err))
    for path, reason in corpus.failures:
        click.echo(f"zhipu-ipo: {path}: {reason}", err=True)
    if not len(corpus):
        raise click.ClickException("no document could be read")
    report = build_report(corpus, entities, charts=bool(html or charts))
    console = Console(width=width) if width else Console()
    if not width and not console.is_terminal:
        console = Console(width=160)
    render_terminal(report, console)
    if charts:
        written = write_charts({e: s.charts for e, s in zip(report.entities, report.sections)}, charts)
        click.echo(f"zhipu-ipo: {len(written)} charts written to {charts}", err=True)
    if html:
        write_html(report, html)
        click.echo(f"zhipu-ipo: HTML report written to {html}", err=True)
    sys.stdout.flush()
