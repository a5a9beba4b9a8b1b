"""Streaming writers of facts: JSONL, JSON, CSV and Parquet, one document at a time.

Every record has the FACTS.md fields, then ``cue``, ``rule`` and ``path`` (the file the fact was
read from; ``doc`` is its stem). In JSONL, JSON and CSV a numeric ``value``/``low``/``high`` is
written with its exact decimal digits (``Fact.model_dump(mode="json")``). Parquet has one typed
schema, :data:`PARQUET_SCHEMA`: ``value`` is float64 (null for dates and tickers, which go to
``value_text``).

Writers are fed document by document (:meth:`FactWriter.write`) and flush after each one, so the
output of finished documents survives an interrupted run; Parquet writes a row group every
:data:`ROW_GROUP` facts and its footer on :meth:`FactWriter.close` (also on Ctrl-C).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import IO, Iterable, Optional, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from .models import FACT_COLUMNS, Fact

__all__ = ["FORMATS", "PARQUET_SCHEMA", "FactWriter", "fact_record", "facts_table", "open_writer"]

FORMATS = ("jsonl", "json", "csv", "parquet")
RECORD_COLUMNS: tuple[str, ...] = FACT_COLUMNS + ("cue", "rule", "path")
ROW_GROUP = 50_000

_STR = pa.string()
PARQUET_SCHEMA = pa.schema([
    ("doc", _STR), ("entity", _STR), ("metric", _STR), ("period", _STR), ("segment", _STR),
    ("value", pa.float64()), ("unit", _STR), ("qualifier", _STR), ("low", pa.float64()),
    ("high", pa.float64()), ("forecast", pa.bool_()), ("stated", pa.bool_()),
    ("start", pa.int64()), ("end", pa.int64()), ("quote", _STR), ("value_text", _STR),
    ("cue", _STR), ("rule", _STR), ("path", _STR),
])


def fact_record(fact: Fact, path: Optional[str] = None) -> dict:
    """One fact as a JSON-ready dict (FACTS.md fields, ``cue``, ``rule``, ``path``)."""
    record = fact.model_dump(mode="json")
    record["path"] = path
    return record


def _float(v) -> Optional[float]:
    return float(v) if isinstance(v, Decimal) else None


def facts_table(facts: Iterable[tuple[Fact, Optional[str]]]) -> pa.Table:
    """``(fact, path)`` pairs as an Arrow table with :data:`PARQUET_SCHEMA`."""
    cols: dict[str, list] = {name: [] for name in PARQUET_SCHEMA.names}
    for f, path in facts:
        numeric = isinstance(f.value, Decimal)
        row = {
            "doc": f.doc, "entity": f.entity, "metric": f.metric, "period": f.period,
            "segment": f.segment, "value": _float(f.value), "unit": f.unit,
            "qualifier": f.qualifier, "low": _float(f.low), "high": _float(f.high),
            "forecast": f.forecast, "stated": f.stated, "start": f.start, "end": f.end,
            "quote": f.quote, "value_text": None if numeric else str(f.value), "cue": f.cue,
            "rule": f.rule, "path": path,
        }
        for name, v in row.items():
            cols[name].append(v)
    return pa.table(cols, schema=PARQUET_SCHEMA)


def write_parquet(table: pa.Table, path: os.PathLike | str) -> None:
    """Write ``table`` to ``path`` atomically (a temporary file renamed into place)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


class FactWriter:
    """Base class: ``write(facts, path)`` per document, then ``close()``."""

    def write(self, facts: Sequence[Fact], path: Optional[str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (closing brackets, footers) and close the file."""

    def __enter__(self) -> "FactWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _TextWriter(FactWriter):
    def __init__(self, output: Optional[os.PathLike | str], stream: Optional[IO[str]] = None):
        if output is not None:
            self._own = True
            self.stream: IO[str] = open(output, "w", encoding="utf-8", newline="")
        else:
            self._own = False
            self.stream = stream or sys.stdout

    def close(self) -> None:
        self.stream.flush()
        if self._own:
            self.stream.close()


class JsonlWriter(_TextWriter):
    """One JSON object per line."""

    def write(self, facts: Sequence[Fact], path: Optional[str]) -> None:
        for f in facts:
            self.stream.write(json.dumps(fact_record(f, path), ensure_ascii=False) + "\n")
        self.stream.flush()


class JsonWriter(_TextWriter):
    """A JSON array, one object per line; the closing bracket is written by :meth:`close`."""

    def __init__(self, output=None, stream=None):
        super().__init__(output, stream)
        self.stream.write("[")
        self._first = True

    def write(self, facts: Sequence[Fact], path: Optional[str]) -> None:
        for f in facts:
            self.stream.write(("\n" if self._first else ",\n")
                              + json.dumps(fact_record(f, path), ensure_ascii=False))
            self._first = False
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("]\n" if self._first else "\n]\n")
        super().close()


def _csv_cell(v) -> object:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


class CsvWriter(_TextWriter):
    """CSV with a header row; values with their exact digits, empty cells for nulls."""

    def __init__(self, output=None, stream=None):
        super().__init__(output, stream)
        self._csv = csv.writer(self.stream, lineterminator="\n")
        self._csv.writerow(RECORD_COLUMNS)

    def write(self, facts: Sequence[Fact], path: Optional[str]) -> None:
        for f in facts:
            record = fact_record(f, path)
            self._csv.writerow([_csv_cell(record.get(c)) for c in RECORD_COLUMNS])
        self.stream.flush()


class ParquetWriter(FactWriter):
    """One Parquet file; a row group every :data:`ROW_GROUP` facts, the footer on close."""

    def __init__(self, output: os.PathLike | str):
        self._writer = pq.ParquetWriter(output, PARQUET_SCHEMA)
        self._pending: list[tuple[Fact, Optional[str]]] = []

    def write(self, facts: Sequence[Fact], path: Optional[str]) -> None:
        self._pending.extend((f, path) for f in facts)
        if len(self._pending) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(facts_table(self._pending))
            self._pending = []

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()


def open_writer(fmt: str, output: Optional[os.PathLike | str] = None,
                stream: Optional[IO[str]] = None) -> FactWriter:
    """A writer of ``fmt`` to the file ``output`` (or to ``stream``/stdout for text formats)."""
    if fmt == "jsonl":
        return JsonlWriter(output, stream)
    if fmt == "json":
        return JsonWriter(output, stream)
    if fmt == "csv":
        return CsvWriter(output, stream)
    if fmt == "parquet":
        if output is None:
            raise ValueError("parquet output needs a file")
        return ParquetWriter(output)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def format_for(output: os.PathLike | str) -> str:
    """The format a file name asks for: ``.jsonl``, ``.json``, ``.csv``, else Parquet."""
    suffix = Path(output).suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv"}.get(suffix, "parquet")

