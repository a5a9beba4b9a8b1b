"""The ``zhipu-ipo`` command: ``extract`` over files and directories, in every format, with
jobs, failures and exit statuses; ``schema`` and ``report`` stay registered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import zhipu_ipo.io as zio
from zhipu_ipo.cli import main
from zhipu_ipo.engines import extract_corpus
from zhipu_ipo.writers import RECORD_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))


def _run(*args: str):
    return CliRunner().invoke(main, ["extract", *args], catch_exceptions=False)


def _expected(paths, **kwargs) -> list[dict]:
    corpus = extract_corpus(paths, **kwargs)
    return [dict(f.model_dump(mode="json"), path=p)
            for e, p in zip(corpus.extractions, corpus.paths) for f in e.facts]


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seeds")
    for p in SEEDS:
        (root / p.name).write_bytes(p.read_bytes())
    return root


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> list[dict]:
    return _expected(seeds_dir)


def test_jsonl_to_stdout(seeds_dir: Path, expected: list[dict]) -> None:
    result = _run(str(seeds_dir))
    assert result.exit_code == 0
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert got == expected
    assert all(isinstance(r["value"], (int, float)) for r in got if r["unit"] not in ("date", "text"))
    assert result.stderr == f"zhipu-ipo: 4 files, {len(expected)} facts, 0 failed\n"


def test_jobs_do_not_change_the_output(seeds_dir: Path) -> None:
    one = _run(str(seeds_dir), "--jobs", "1", "-q")
    two = _run(str(seeds_dir), "--jobs", "2", "-q")
    three = _run(str(seeds_dir), "-j", "3", "-q", "--format", "csv")
    assert one.exit_code == two.exit_code == three.exit_code == 0
    assert one.stdout == two.stdout != ""
    assert three.stdout == _run(str(seeds_dir), "-q", "--format", "csv").stdout


def test_quiet_prints_nothing_on_stderr(seeds_dir: Path) -> None:
    result = _run(str(seeds_dir), "--quiet")
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_to_stdout(seeds_dir: Path, expected: list[dict], fmt: str) -> None:
    result = _run(str(seeds_dir), "--format", fmt, "-q")
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.stdout) == expected
    else:
        lines = result.stdout.splitlines()
        assert lines[0] == ",".join(RECORD_COLUMNS)
        assert len(lines) >= len(expected) + 1  # quotes may hold no newline, but be safe


@pytest.mark.parametrize("fmt,name", [("jsonl", "f.jsonl"), ("json", "f.json"), ("csv", "f.csv"),
                                      ("parquet", "f.parquet")])
def test_output_file(seeds_dir: Path, expected: list[dict], tmp_path: Path, fmt: str, name: str) -> None:
    out = tmp_path / name
    result = _run(str(seeds_dir), "--format", fmt, "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    if fmt == "jsonl":
        got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "json":
        got = json.loads(out.read_text(encoding="utf-8"))
    elif fmt == "csv":
        got = pd.read_csv(out, dtype=str, keep_default_na=False).to_dict("records")
        assert [r["start"] for r in got] == [str(r["start"]) for r in expected]
        got = [{"metric": r["metric"], "path": r["path"]} for r in got]
        expected = [{"metric": r["metric"], "path": r["path"]} for r in expected]
    else:
        df = pd.read_parquet(out)
        got = [{"metric": m, "path": p} for m, p in zip(df["metric"], df["path"])]
        expected = [{"metric": r["metric"], "path": r["path"]} for r in expected]
    assert got == expected


def test_published_date(seeds_dir: Path) -> None:
    result = _run(str(seeds_dir), "--published", "2026-01-08", "-q")
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert got == _expected(seeds_dir, published="2026-01-08")
    bad = _run(str(seeds_dir), "--published", "8 Jan")
    assert bad.exit_code == 2
    assert "'8 Jan' is not a date (YYYY-MM-DD)" in bad.stderr


def test_failed_files_are_reported_and_the_run_goes_on(seeds_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a_binary.txt").write_bytes(b"PK\x03\x04\x00\x00")
    (bad / "b_seed.txt").write_bytes(SEEDS[0].read_bytes())
    missing = tmp_path / "missing.txt"
    result = _run(str(bad), str(missing), "-j", "2")
    assert result.exit_code == 1
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert got == _expected(bad / "b_seed.txt")
    assert result.stderr.splitlines() == [
        f"zhipu-ipo: {missing}: no such file or directory",
        f"zhipu-ipo: {bad / 'a_binary.txt'}: binary file (NUL bytes, no UTF-16 byte-order mark)",
        f"zhipu-ipo: 2 files, {len(got)} facts, 2 failed",
    ]


def test_failures_are_printed_even_when_quiet(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02")
    result = _run(str(tmp_path), "-q")
    assert result.exit_code == 1
    assert result.stderr == f"zhipu-ipo: {tmp_path / 'x.txt'}: binary file (NUL bytes, no UTF-16 byte-order mark)\n"


def test_a_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    result = _run(str(tmp_path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [
        "zhipu-ipo: no article files (*.txt, *.md, *.html, *.htm) found",
        "zhipu-ipo: 0 files, 0 facts, 0 failed",
    ]


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u3000\n".encode("utf-8")])
def test_empty_and_blank_files_give_no_facts(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "blank.txt").write_bytes(content)
    result = _run(str(tmp_path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "zhipu-ipo: 1 files, 0 facts, 0 failed\n"


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(SEEDS[0].read_bytes())
    path.chmod(0)

    def refuse(*args, **kwargs):  # root reads anything: simulate the refusal too
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(zio, "open", refuse, raising=False)
    result = _run(str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"zhipu-ipo: {path}: permission denied",
                                          "zhipu-ipo: 1 files, 0 facts, 1 failed"]


def test_a_fifo_is_refused_not_waited_for(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _run(str(fifo), "-q")
    assert result.exit_code == 1
    assert result.stderr == f"zhipu-ipo: {fifo}: not a regular file\n"


@pytest.mark.parametrize("args,message", [
    (["--format", "parquet"], "--format parquet needs -o FILE"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--jobs", "0"], "0 is not in the range x>=1"),
    (["--engine", "spark"], "'spark' is not one of 'local', 'dask'"),
])
def test_usage_errors(seeds_dir: Path, args: list[str], message: str) -> None:
    result = _run(str(seeds_dir), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_scheduler_is_one_line(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import distributed

    def unreachable(*args, **kwargs):
        raise OSError("Timed out trying to connect to tcp://10.255.255.1:8786 after 20 s")

    monkeypatch.setattr(distributed, "Client", unreachable)
    result = _run(str(seeds_dir), "--engine", "dask", "--scheduler", "tcp://10.255.255.1:8786")
    assert result.exit_code == 2
    assert result.stderr == ("Error: cannot reach the dask scheduler at tcp://10.255.255.1:8786 "
                             "(Timed out trying to connect to tcp://10.255.255.1:8786 after 20 s)\n")


def test_dask_engine_on_a_local_cluster(seeds_dir: Path, expected: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "parts"
    result = _run(str(seeds_dir), "--engine", "dask", "--jobs", "2", "--format", "parquet",
                  "-o", str(out), "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet"]
    df = pd.read_parquet(out)
    assert df["path"].tolist() == [r["path"] for r in expected]
    assert df["start"].tolist() == [r["start"] for r in expected]


def test_schema_and_report_are_registered() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Fact"
    assert "report" in main.commands and "extract" in main.commands


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    for i in range(30):  # enough output to fill the pipe
        (tmp_path / f"{i:02d}.txt").write_bytes(SEEDS[i % 4].read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "zhipu_ipo.cli", "extract", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=120)
    assert json.loads(first)["doc"] == "00"
    assert "Traceback" not in err and "Exception" not in err
    assert proc.returncode == 1
