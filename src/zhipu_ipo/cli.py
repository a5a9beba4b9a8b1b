"""The ``zhipu-ipo`` command: ``extract``, ``report`` and ``schema``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

import click

from .errors import ZhipuIpoError

FORMATS = ("jsonl", "json", "csv", "parquet")


def _date(ctx, param, value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zhipu_ipo")
def main() -> None:
    """Exact, sourced numbers from Chinese financial news about Hong Kong IPOs."""


def _fact_record(f) -> dict:
    return f.model_dump(mode="json")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Output format: one fact per line (jsonl), a JSON array, CSV or Parquet.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to FILE instead of standard output (required for parquet).")
@click.option("--published", callback=_date, default=None,
              help="Publication date (YYYY-MM-DD) used for dates written without a year.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
def extract(paths, fmt, output, published, quiet) -> None:
    """Extract the facts of every article under PATHS (files or directories)."""
    from .corpus import extract_file
    from .io import iter_article_paths
    from .tables import facts_frame

    try:
        files = iter_article_paths(list(paths))
    except ZhipuIpoError as err:
        raise click.ClickException(str(err))
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FILE")
    failed = 0
    facts = []
    out = open(output, "w", encoding="utf-8") if (output and fmt == "jsonl") else None
    stream = out or sys.stdout
    try:
        for path in files:
            try:
                ex = extract_file(path, published=published)
            except ZhipuIpoError as err:
                failed += 1
                click.echo(f"zhipu-ipo: {err}", err=True)
                continue
            if fmt == "jsonl":
                for f in ex.facts:
                    stream.write(json.dumps(_fact_record(f), ensure_ascii=False) + "\n")
                stream.flush()
            else:
                facts.extend(ex.facts)
    finally:
        if out:
            out.close()
    if fmt == "json":
        data = json.dumps([_fact_record(f) for f in facts], ensure_ascii=False, indent=1)
        if output:
            Path(output).write_text(data + "\n", encoding="utf-8")
        else:
            click.echo(data)
    elif fmt in ("csv", "parquet"):
        df = facts_frame(facts).drop(columns=["value_decimal"])
        if fmt == "csv":
            if output:
                df.to_csv(output, index=False)
            else:
                df.to_csv(sys.stdout, index=False)
        else:
            df.to_parquet(output, index=False)
    if not quiet:
        click.echo(f"zhipu-ipo: {len(files)} files, {failed} failed", err=True)
    if failed:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a Fact."""
    from .models import Fact

    click.echo(json.dumps(Fact.model_json_schema(), ensure_ascii=False, indent=1))


def _register() -> None:
    from .report import report_command

    main.add_command(report_command)


_register()

if __name__ == "__main__":  # pragma: no cover
    main()
