"""Corpus runs (zhipu_ipo.engines): every engine and number of jobs gives the same facts, in the
order of the paths; failures are recorded with path and reason; outputs stream in four formats."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from zhipu_ipo import engines, extract
from zhipu_ipo.corpus import extract_file, load
from zhipu_ipo.engines import (
    DocResult,
    EngineError,
    Progress,
    RunSummary,
    SourcedCorpus,
    extract_corpus,
    iter_results,
    pool_map,
    process_path,
)
from zhipu_ipo.errors import InputError, ParseError
from zhipu_ipo.extractor import CHUNK_CHARS
from zhipu_ipo.io import read_article
from zhipu_ipo.writers import PARQUET_SCHEMA, RECORD_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))

# A made-up article (not from any publisher) used to vary the corpus.
MADE_UP = (
    "星河智能（02699.HK）今日在港交所上市，发行价为每股19.60港元，募资总额约25.8亿港元。\n"
    "招股书显示，星河智能2023年营收6.2亿元，2024年营收9.8亿元，同比增长58%。\n"
    "2024年星河智能净亏损3.1亿元，研发开支4.4亿元。\n"
)


def _records(facts) -> list[dict]:
    return [f.model_dump(mode="json") for f in facts]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds in several encodings and formats, a made-up article, and three bad files."""
    root = tmp_path_factory.mktemp("corpus")
    for p in SEEDS:
        (root / p.name).write_bytes(p.read_bytes())
    (root / "sub").mkdir()
    (root / "sub" / "gbk_seed.txt").write_bytes(SEEDS[3].read_text(encoding="utf-8").encode("gbk"))
    (root / "sub" / "made_up.md").write_text("# 上市\n\n" + MADE_UP, encoding="utf-8")
    (root / "sub" / "made_up.html").write_text(
        "<html><head><meta charset='utf-8'></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in MADE_UP.splitlines())
        + "</article></body></html>", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "empty.txt").write_bytes(b"")
    (root / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + MADE_UP.encode("utf-16-le"))
    return root


@pytest.fixture(scope="module")
def local(corpus_dir: Path) -> SourcedCorpus:
    return extract_corpus(corpus_dir)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cl:
        yield cl


# -- the local engine -------------------------------------------------------------------------

def test_local_engine_reads_every_file_in_path_order(corpus_dir: Path, local: SourcedCorpus) -> None:
    rel = [Path(p).relative_to(corpus_dir).as_posix() for p in local.paths]
    assert rel == [p.name for p in SEEDS] + [
        "empty.txt", "sub/gbk_seed.txt", "sub/made_up.html", "sub/made_up.md", "utf16.txt"]
    assert local.docs == [p.stem for p in SEEDS] + ["empty", "gbk_seed", "made_up", "made_up", "utf16"]
    assert local.failures == [(str(corpus_dir / "binary.txt"),
                               "binary file (NUL bytes, no UTF-16 byte-order mark)")]


def test_local_engine_equals_extract_file(local: SourcedCorpus) -> None:
    for ex, path in zip(local.extractions, local.paths):
        assert _records(ex.facts) == _records(extract_file(path).facts), path
        assert len(ex.unplaced) == len(extract_file(path).unplaced)


def test_sourced_corpus_keeps_the_paths(corpus_dir: Path, local: SourcedCorpus) -> None:
    assert local.path("gbk_seed") == str(corpus_dir / "sub" / "gbk_seed.txt")
    assert local.path("made_up") == str(corpus_dir / "sub" / "made_up.html")
    with pytest.raises(KeyError):
        local.path("nope")
    df = local.facts
    assert list(df.columns[-1:]) == ["path"]
    expected = [p for e, p in zip(local.extractions, local.paths) for _ in e.facts]
    assert df["path"].tolist() == expected
    assert len(df) > 50


def test_the_gbk_copy_has_the_facts_of_the_utf8_seed(local: SourcedCorpus) -> None:
    a = [dict(r, doc="") for r in _records(local[SEEDS[3].stem].facts)]
    b = [dict(r, doc="") for r in _records(local["gbk_seed"].facts)]
    assert a == b and len(a) > 10


@pytest.mark.parametrize("engine,jobs", [("local", 2), ("processes", 2), ("processes", 3),
                                         ("processes", None), ("local", 1)])
def test_processes_give_the_same_result(corpus_dir: Path, local: SourcedCorpus, engine: str,
                                        jobs) -> None:
    other = extract_corpus(corpus_dir, engine=engine, jobs=jobs)
    assert other.paths == local.paths
    assert other.failures == local.failures
    for a, b in zip(other.extractions, local.extractions):
        assert a == b


def test_load_routes_through_the_engines(corpus_dir: Path, local: SourcedCorpus) -> None:
    one = load(corpus_dir)
    two = load([corpus_dir], jobs=2)
    assert isinstance(one, SourcedCorpus)
    assert one.extractions == local.extractions == two.extractions
    assert one.failures == two.failures == local.failures
    with pytest.raises(InputError, match="binary file"):
        load(corpus_dir, strict=True)


def test_missing_paths_are_failures_not_crashes(corpus_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    got = extract_corpus([missing, SEEDS[0]])
    assert got.failures == [(str(missing), "no such file or directory")]
    assert got.docs == [SEEDS[0].stem]
    with pytest.raises(InputError, match="no such file or directory"):
        extract_corpus([missing], strict=True)


def test_an_empty_directory_gives_an_empty_corpus(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    got = extract_corpus(tmp_path)
    assert (len(got), got.failures, len(got.facts)) == (0, [], 0)


@pytest.mark.parametrize("published,expected", [
    ("2026-01-08", "2026-01-08"), (None, None), (pd.Timestamp("2025-12-31").date(), "2025-12-31"),
])
def test_published_is_passed_to_every_document(published, expected) -> None:
    got = extract_corpus(SEEDS[:2], jobs=2, published=published)
    assert [str(e.published) if e.published else None for e in got] == [expected, expected]


def test_a_bad_published_date_is_one_clear_error() -> None:
    with pytest.raises(ParseError) as info:
        extract_corpus(SEEDS[:1], published="8 Jan")
    assert str(info.value) == "published: '8 Jan' is not a date (YYYY-MM-DD)"


@pytest.mark.parametrize("kwargs,message", [
    (dict(engine="spark"), "unknown engine 'spark'; use one of local, processes, dask"),
    (dict(jobs=0), "jobs must be a whole number of at least 1, not 0"),
    (dict(jobs=1.5), "jobs must be a whole number of at least 1, not 1.5"),
    (dict(scheduler="tcp://127.0.0.1:8786"), "a scheduler address needs engine='dask'"),
])
def test_bad_engine_options(kwargs: dict, message: str) -> None:
    with pytest.raises(EngineError) as info:
        extract_corpus(SEEDS[:1], **kwargs)
    assert str(info.value) == message


# -- one document ---------------------------------------------------------------------------

def test_process_path_reports_an_extractor_bug_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text, doc="", published=None):
        raise IndexError("list index out of range\nsecond line")

    monkeypatch.setattr(engines, "extract", broken)
    got = process_path(SEEDS[0])
    assert got == DocResult(str(SEEDS[0]), SEEDS[0].stem,
                            error="internal error (IndexError: list index out of range second line)")
    with pytest.raises(IndexError):
        process_path(SEEDS[0], strict=True)


def test_process_path_gives_up_after_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(text, doc="", published=None):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(engines, "extract", endless)
    got = process_path(SEEDS[0], timeout=0.2)
    assert (got.ok, got.error) == (False, "timed out after 0.2 s")


def test_long_texts_are_read_in_blocks_with_the_same_facts(tmp_path: Path) -> None:
    seed = SEEDS[1].read_text(encoding="utf-8")
    text = "\n".join([seed] * (CHUNK_CHARS // len(seed) + 2))
    assert len(text) > CHUNK_CHARS
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    whole = extract(text, doc="long")
    streamed = process_path(path, mentions=False)
    assert streamed.extraction.unplaced == []
    assert _records(streamed.facts) == _records(whole.facts)
    assert streamed.extraction.entities == whole.entities
    for f in streamed.facts:
        assert text[f.start:f.end] in f.quote


# -- the process pool -----------------------------------------------------------------------

def _square_or_die(x: int) -> int:
    if x == 7:
        os._exit(3)  # a worker killed in the middle of a document
    return x * x


def test_pool_map_survives_a_dying_worker() -> None:
    got = list(pool_map(_square_or_die, range(12), jobs=2, on_crash=lambda x: ("crashed", x)))
    assert got == [0, 1, 4, 9, 16, 25, 36, ("crashed", 7), 64, 81, 100, 121]


def test_an_unguarded_script_gets_one_clear_error(tmp_path: Path) -> None:
    script = tmp_path / "run.py"  # no `if __name__ == "__main__":`: every worker re-runs it
    script.write_text("import sys\nfrom zhipu_ipo.engines import extract_corpus\n"
                      "extract_corpus(sys.argv[1:], jobs=2)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), *map(str, SEEDS[:2])],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert ("zhipu_ipo.engines.EngineError: worker processes cannot start; a script that runs "
            "with jobs > 1 must guard its entry point with: if __name__ == '__main__':"
            in done.stderr.splitlines())


def test_pool_map_keeps_the_order_with_a_small_window() -> None:
    got = list(pool_map(_square_or_die, [5, 3, 1, 0, 2], jobs=2, on_crash=str, window=1))
    assert got == [25, 9, 1, 0, 4]


# -- outputs --------------------------------------------------------------------------------

def _local_records(local: SourcedCorpus) -> list[dict]:
    return [dict(f.model_dump(mode="json"), path=p)
            for e, p in zip(local.extractions, local.paths) for f in e.facts]


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv", ".parquet"])
def test_output_files(corpus_dir: Path, local: SourcedCorpus, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / ("facts" + suffix)
    summary = extract_corpus(corpus_dir, jobs=2, output=out)
    expected = _local_records(local)
    assert summary == RunSummary(files=len(local) + 1, facts=len(expected), output=out,
                                 failures=local.failures)
    if suffix == ".jsonl":
        got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert got == expected
    elif suffix == ".json":
        assert json.loads(out.read_text(encoding="utf-8")) == expected
    elif suffix == ".csv":
        df = pd.read_csv(out, dtype=str, keep_default_na=False)
        assert tuple(df.columns) == RECORD_COLUMNS
        assert df["value"].tolist() == [str(r["value"]) for r in expected]
        assert df["start"].tolist() == [str(r["start"]) for r in expected]
        assert df["quote"].tolist() == [r["quote"] for r in expected]
        assert df["path"].tolist() == [r["path"] for r in expected]
    else:
        table = pq.read_table(out)
        assert table.schema.remove_metadata() == PARQUET_SCHEMA
        df = table.to_pandas()
        assert df["start"].tolist() == [r["start"] for r in expected]
        assert df["metric"].tolist() == [r["metric"] for r in expected]
        assert df["path"].tolist() == [r["path"] for r in expected]
        numeric = [r for r in expected if r["unit"] not in ("date", "text")]
        assert df["value"].dropna().tolist() == [float(r["value"]) for r in numeric]


def test_empty_runs_write_valid_empty_outputs(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for name in ("a.jsonl", "a.json", "a.csv", "a.parquet"):
        summary = extract_corpus(empty, output=tmp_path / name)
        assert (summary.files, summary.facts, summary.failures) == (0, 0, [])
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == ""
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == []
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == ",".join(RECORD_COLUMNS) + "\n"
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 0


# -- progress -------------------------------------------------------------------------------

def test_progress_is_off_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "_stderr_is_tty", lambda: False)
    assert Progress(5, None).enabled is False
    monkeypatch.setattr(engines, "_stderr_is_tty", lambda: True)
    assert Progress(5, None).enabled is True
    assert Progress(5, False).enabled is False
    assert Progress(0, True).enabled is False


def test_progress_callback_sees_every_document(corpus_dir: Path, local: SourcedCorpus) -> None:
    seen: list[tuple[str, bool]] = []
    extract_corpus(corpus_dir, jobs=2, progress=lambda r: seen.append((r.path, r.ok)))
    assert [p for p, ok in seen if ok] == local.paths
    assert [p for p, ok in seen if not ok] == [p for p, _ in local.failures]


def test_progress_bar_draws_on_stderr(capsys: pytest.CaptureFixture) -> None:
    with Progress(2, True) as bar:
        bar.advance(DocResult("a.txt", "a"))
        bar.echo("zhipu-ipo: b.txt: broken")
        bar.advance(DocResult("b.txt", "b", error="broken"))
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "zhipu-ipo: b.txt: broken" in captured.err
    assert bar.failed == 1


# -- dask -----------------------------------------------------------------------------------

def test_dask_engine_equals_the_local_engine(corpus_dir: Path, local: SourcedCorpus, cluster) -> None:
    got = extract_corpus(corpus_dir, engine="dask", scheduler=cluster.scheduler_address,
                         partition_size=3)
    assert got.paths == local.paths
    assert got.failures == local.failures
    assert got.extractions == local.extractions


def test_dask_engine_with_a_client(corpus_dir: Path, local: SourcedCorpus, cluster) -> None:
    from distributed import Client

    with Client(cluster) as client:
        got = extract_corpus(corpus_dir, engine="dask", scheduler=client)
    assert got.extractions == local.extractions


def test_dask_writes_partitioned_parquet(corpus_dir: Path, local: SourcedCorpus, cluster,
                                         tmp_path: Path) -> None:
    out = tmp_path / "facts"
    out.mkdir()
    (out / "part-00099.parquet").write_bytes(b"stale")  # from an earlier run: removed
    (out / "_notes.txt").write_text("kept", encoding="utf-8")  # readers skip "_" files
    summary = extract_corpus(corpus_dir, engine="dask", scheduler=cluster.scheduler_address,
                             output=out, partition_size=4)
    expected = _local_records(local)
    assert summary == RunSummary(files=len(local) + 1, facts=len(expected), output=out,
                                 failures=local.failures)
    assert sorted(p.name for p in out.iterdir()) == [
        "_notes.txt", "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    dask_df = pd.read_parquet(out)
    local_out = tmp_path / "local.parquet"
    extract_corpus(corpus_dir, output=local_out)
    pd.testing.assert_frame_equal(dask_df, pd.read_parquet(local_out))
    assert dask_df["path"].tolist() == [r["path"] for r in expected]


def test_dask_to_a_jsonl_file(corpus_dir: Path, local: SourcedCorpus, cluster, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    extract_corpus(corpus_dir, engine="dask", scheduler=cluster.scheduler_address, output=out,
                   format="jsonl")
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert got == _local_records(local)


def test_dask_results_arrive_in_order(cluster) -> None:
    files = [str(p) for p in SEEDS] * 2
    got = list(iter_results(files, engine="dask", scheduler=cluster.scheduler_address,
                            partition_size=1))
    assert [r.path for r in got] == files
    assert [r.extraction for r in got[:4]] == [r.extraction for r in got[4:]]


def test_dask_refuses_a_file_as_output_directory(tmp_path: Path, cluster) -> None:
    out = tmp_path / "facts.parquet"
    out.write_bytes(b"")
    with pytest.raises(EngineError) as info:
        extract_corpus(SEEDS[:1], engine="dask", scheduler=cluster.scheduler_address, output=out)
    assert str(info.value) == f"{out}: partitioned Parquet output needs a directory, not a file"


def test_html_article_facts_point_into_the_article_text(local: SourcedCorpus) -> None:
    path = local.path("made_up")
    text = read_article(path).text
    assert text == MADE_UP.rstrip("\n")  # the paragraphs, nothing else
    facts = local["made_up"].facts
    assert _records(facts) == _records(extract(text, doc="made_up").facts)
    assert len(facts) > 3
    for f in facts:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] in f.quote and f.quote in text
