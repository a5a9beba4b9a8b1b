"""The ``zhipu-ipo`` command: ``extract``, ``report`` and ``schema``."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Optional

import click

from .errors import ZhipuIpoError

FORMATS = ("jsonl", "json", "csv", "parquet")  # zhipu_ipo.writers.FORMATS


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


class RunError(click.ClickException):
    """A run that cannot start (missing engine, unreachable scheduler): one line, exit 2."""

    exit_code = 2


def _close_stdout_quietly() -> None:
    """After a broken pipe (``| head``): point stdout at /dev/null so that the interpreter's
    final flush does not print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Output format: one fact per line (jsonl), a JSON array, CSV or Parquet.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Write to FILE instead of standard output (required for parquet; a directory "
                   "of partitions with --engine dask).")
@click.option("--published", callback=_date, default=None, metavar="YYYY-MM-DD",
              help="Publication date (YYYY-MM-DD) used for dates written without a year.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (local engine) or workers of the local Dask cluster.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run here (local) or on a Dask cluster (dask).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster "
                   "of --jobs workers).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="Give up a document after SECONDS (local engine).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
def extract(paths, fmt, output, published, jobs, engine, scheduler, timeout, quiet) -> None:
    """Extract the facts of every article under PATHS (files or directories).

    Articles are *.txt, *.md and *.html/*.htm files (any encoding). Facts are written in the
    order of the paths as each file finishes. A file that cannot be read or parsed is reported
    on stderr with its reason and the run goes on. Exit status: 0 all files read, 1 some failed,
    2 the run could not start.
    """
    from .engines import Progress, iter_results, partition_path, prepare_partitions
    from .io import scan_article_paths
    from .writers import facts_table, open_writer, write_parquet

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FILE")
    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    files, failures = scan_article_paths(list(paths))
    for path, reason in failures:
        click.echo(f"zhipu-ipo: {path}: {reason}", err=True)
    partitioned = engine == "dask" and fmt == "parquet"
    n_facts, failed = 0, len(failures)
    try:
        outdir = prepare_partitions(output) if partitioned else None
        results = iter_results(files, engine=engine, jobs=jobs, scheduler=scheduler,
                               published=published, mentions=False, timeout=timeout,
                               outdir=outdir)
        writer = None if partitioned else open_writer(fmt, output)
        try:
            with Progress(len(files), None if not quiet else False) as bar:
                for r in results:
                    bar.advance(r)
                    if not r.ok:
                        failed += 1
                        bar.echo(f"zhipu-ipo: {r.path}: {r.error}")
                        continue
                    n_facts += r.n_facts
                    if writer is not None:
                        writer.write(r.facts, r.path)
        finally:
            if writer is not None:
                writer.close()
        if partitioned and not files:
            write_parquet(facts_table([]), partition_path(outdir, 0))
    except BrokenPipeError:
        _close_stdout_quietly()
        sys.exit(1)
    except (ZhipuIpoError, OSError) as err:
        raise RunError(str(err))
    if not quiet:
        if not files and not failures:
            click.echo("zhipu-ipo: no article files (*.txt, *.md, *.html, *.htm) found", err=True)
        click.echo(f"zhipu-ipo: {len(files)} files, {n_facts} facts, {failed} failed", err=True)
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
