"""The report (the main job): statement, derived figures, claims and conflicts per company.

PLACEHOLDER while the report is being written (issue 4): prints the fact table.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("report")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--html", "html", type=click.Path(path_type=Path), default=None, help="Write an HTML report.")
@click.option("--charts", "charts", type=click.Path(path_type=Path), default=None, help="Write charts as PNG.")
def report_command(paths, html, charts) -> None:
    """Print, for each company, the statement, derived figures, claims and conflicts."""
    from .corpus import load

    corpus = load(list(paths))
    click.echo(corpus.facts[["doc", "entity", "metric", "period", "value", "unit"]].to_string())
