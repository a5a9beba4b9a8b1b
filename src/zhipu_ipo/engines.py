"""Corpus runs: one pure function per document, run here, in a pool of processes or on Dask.

:func:`process_path` reads one article (:func:`zhipu_ipo.io.read_article`) and extracts it; it
never raises for a bad document (unless ``strict``): the failure becomes a :class:`DocResult`
with a one-line reason. The engines only decide *where* that function runs:

* ``"local"``: in this process, one document after the other (with ``jobs`` > 1, like
  ``"processes"``);
* ``"processes"``: a pool of ``jobs`` worker processes (default: the number of CPUs), started
  with ``forkserver`` where available (``spawn`` elsewhere): as with any such pool, a *script*
  that runs with ``jobs`` > 1 must guard its entry point with ``if __name__ == "__main__":``
  (notebooks and ``python -c`` need nothing). A worker that dies (killed, out of memory) costs
  only the document that killed it: the documents it had in hand are retried one by one;
* ``"dask"``: tasks of :data:`PARTITION_SIZE` documents on a Dask cluster (``dask.distributed``
  futures): the scheduler at ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``, a
  ``Client`` or a ``LocalCluster``), else the current default client, else a ``LocalCluster``
  of ``jobs`` single-threaded worker processes. With Parquet output the workers write the
  partitions themselves (``part-00000.parquet``, ... in the output directory); otherwise the
  results come back to the caller. Article paths and the output directory must be visible to
  every worker under the same name (a shared file system).

Every engine yields the results in the order of the input paths, so the output is identical for
any engine and any number of jobs. :func:`extract_corpus` is the Python entry point, the
``zhipu-ipo extract`` command the shell one.

A file larger than :data:`zhipu_ipo.extractor.CHUNK_CHARS` characters is read block by block;
when only the facts are wanted (output to a file) the unplaced mentions of each block are dropped
as soon as it is read, so memory stays bounded (a 50 MB article stays far below 1 GB).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import signal
import sys
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

import pandas as pd

from . import extractor as _extractor
from .corpus import Corpus
from .errors import ParseError, ZhipuIpoError
from .extractor import extract
from .io import read_article, scan_article_paths
from .models import Extraction, Fact
from .tables import facts_frame
from .writers import FORMATS, facts_table, format_for, open_writer, write_parquet

__all__ = [
    "ENGINES", "PARTITION_SIZE", "DocResult", "EngineError", "RunSummary", "SourcedCorpus",
    "extract_corpus", "iter_results", "process_path",
]

PathLike = Union[str, "os.PathLike[str]"]
ENGINES = ("local", "processes", "dask")
#: Documents per Dask task (and per Parquet partition).
PARTITION_SIZE = 32
_MAX_REASON = 300


class EngineError(ZhipuIpoError):
    """An engine cannot run: unknown engine, bad option, Dask missing or unreachable."""


class DocumentTimeout(ZhipuIpoError):
    """A document took longer than the ``timeout`` of the run."""


@dataclass(frozen=True)
class DocResult:
    """What a run got from one file: its extraction, or the reason it failed.

    ``written`` counts the facts a Dask worker wrote straight to Parquet (``extraction`` is then
    None); ``chars`` is the length of the article text.
    """

    path: str
    doc: str
    extraction: Optional[Extraction] = None
    error: Optional[str] = None
    chars: int = 0
    written: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def facts(self) -> list[Fact]:
        return self.extraction.facts if self.extraction is not None else []

    @property
    def n_facts(self) -> int:
        return len(self.facts) + self.written


# -- one document ---------------------------------------------------------------------------

def _one_line(message: str) -> str:
    text = " ".join(str(message).split())
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 1] + "…"


def _reason(err: BaseException, name: str) -> str:
    """The message of ``err`` without the leading ``"path: "`` the io errors carry."""
    message = _one_line(str(err))
    prefix = f"{name}: "
    return message[len(prefix):] if message.startswith(prefix) else message


@contextmanager
def _deadline(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (POSIX, main thread only;
    elsewhere no limit)."""
    if (not seconds or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def _alarm(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"timed out after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extract_text(text: str, doc: str, published: Optional[dt.date], mentions: bool) -> Extraction:
    """``extract(text)``; without ``mentions`` a long text is read block by block (the blocks of
    ``extract`` itself, so the facts are the same) and only the facts are kept."""
    size = getattr(_extractor, "CHUNK_CHARS", None)
    chunks = getattr(_extractor, "_chunks", None)
    if mentions or size is None or chunks is None or len(text) <= size:
        ex = extract(text, doc=doc, published=published)
        return ex if mentions else ex.model_copy(update={"unplaced": []})
    facts: list[Fact] = []
    entities: set[str] = set()
    for offset, piece in chunks(text):
        part = extract(piece, doc=doc, published=published)
        facts += [f.model_copy(update={"start": f.start + offset, "end": f.end + offset})
                  for f in part.facts]
        entities |= set(part.entities)
    return Extraction(doc=doc, facts=facts, unplaced=[], entities=sorted(entities),
                      published=published)


def process_path(path: PathLike, published: Optional[dt.date] = None, mentions: bool = True,
                 timeout: Optional[float] = None, strict: bool = False) -> DocResult:
    """Read and extract one article file; a failure becomes ``DocResult.error``.

    ``mentions=False`` drops the unplaced mentions (less memory and traffic); ``timeout`` gives
    up after so many seconds (POSIX main thread); ``strict`` re-raises errors instead.
    """
    p = Path(path)
    name = str(path)
    try:
        with _deadline(timeout):
            article = read_article(p)
            ex = _extract_text(article.text, article.doc, published, mentions)
    except ZhipuIpoError as err:
        if strict:
            raise
        return DocResult(name, p.stem, error=_reason(err, name))
    except Exception as err:  # an extractor bug must not stop a corpus run
        if strict:
            raise
        return DocResult(name, p.stem, error=f"internal error ({type(err).__name__}: {_one_line(str(err))})")
    return DocResult(name, article.doc, ex, None, len(article.text))


def _crashed(path: PathLike) -> DocResult:
    return DocResult(str(path), Path(path).stem,
                     error="worker process died (killed, or out of memory)")


# -- processes ------------------------------------------------------------------------------

def _mp_context() -> mp.context.BaseContext:
    """``forkserver`` (workers fork from a clean server that imported zhipu_ipo once) where the
    platform has it, else ``spawn``; never plain ``fork`` of a process that may run threads."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["zhipu_ipo.engines", "zhipu_ipo._workers"])
        return ctx
    return mp.get_context("spawn")


def _probe() -> bool:
    return True


def _check_workers_start(ctx: mp.context.BaseContext) -> None:
    """Raise :class:`EngineError` if a worker process cannot even start (typically a script
    without ``if __name__ == "__main__":``, which every worker re-imports)."""
    with ProcessPoolExecutor(1, mp_context=ctx) as executor:
        try:
            executor.submit(_probe).result()
        except BrokenProcessPool:
            raise EngineError(
                "worker processes cannot start; a script that runs with jobs > 1 must guard its "
                "entry point with: if __name__ == '__main__':") from None


def _isolated(fn: Callable, item: Any, ctx: mp.context.BaseContext, on_crash: Callable) -> Any:
    """``fn(item)`` alone in a fresh worker process; ``on_crash(item)`` if that worker dies."""
    with ProcessPoolExecutor(1, mp_context=ctx) as executor:
        try:
            return executor.submit(fn, item).result()
        except BrokenProcessPool:
            return on_crash(item)


def _salvage(future: Any) -> tuple[bool, Any]:
    """(True, result) for a future that finished before its pool broke, else (False, None)."""
    if future is None or not future.done() or future.cancelled():
        return False, None
    err = future.exception()
    if err is None:
        return True, future.result()
    if isinstance(err, BrokenProcessPool):
        return False, None
    raise err


def pool_map(fn: Callable, items: Iterable, jobs: int, on_crash: Callable,
             window: Optional[int] = None) -> Iterator:
    """``fn(item)`` for every item in ``jobs`` processes, yielded in the order of ``items``.

    At most ``window`` items (default ``4 * jobs``) are in flight. When a worker dies the pool
    is rebuilt; the items in flight that had not finished are run again one per process, so only
    the item that kills its worker gets ``on_crash(item)``.
    """
    ctx = _mp_context()
    window = window or 4 * jobs
    source = iter(items)
    pending: deque = deque()
    executor = ProcessPoolExecutor(jobs, mp_context=ctx)
    end = object()
    try:
        while True:
            while len(pending) < window:
                item = next(source, end)
                if item is end:
                    break
                try:
                    future = executor.submit(fn, item)
                except BrokenProcessPool:
                    future = None
                pending.append((item, future))
            if not pending:
                return
            item, future = pending[0]
            try:
                if future is None:
                    raise BrokenProcessPool("pool broken before submission")
                result = future.result()
            except BrokenProcessPool:
                executor.shutdown(wait=True, cancel_futures=True)
                _check_workers_start(ctx)
                while pending:
                    item, future = pending.popleft()
                    done, result = _salvage(future)
                    yield result if done else _isolated(fn, item, ctx, on_crash)
                executor = ProcessPoolExecutor(jobs, mp_context=ctx)
                continue
            pending.popleft()
            yield result
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# -- dask -----------------------------------------------------------------------------------

def run_partition(index: int, paths: Sequence[str], published: Optional[dt.date] = None,
                  mentions: bool = True, timeout: Optional[float] = None,
                  outdir: Optional[str] = None) -> list[DocResult]:
    """The Dask task: :func:`process_path` over ``paths``. With ``outdir`` the facts are written
    to ``outdir/part-<index>.parquet`` and the results come back without their extractions."""
    results = [process_path(p, published, mentions and outdir is None, timeout) for p in paths]
    if outdir is None:
        return results
    table = facts_table((f, r.path) for r in results for f in r.facts)
    os.makedirs(outdir, exist_ok=True)
    write_parquet(table, partition_path(outdir, index))
    return [DocResult(r.path, r.doc, None, r.error, r.chars, len(r.facts)) for r in results]


def partition_path(outdir: PathLike, index: int) -> Path:
    """The file of partition ``index`` in a partitioned Parquet output."""
    return Path(outdir) / f"part-{index:05d}.parquet"


@contextmanager
def _dask_client(scheduler: Any, jobs: Optional[int]) -> Iterator[Any]:
    """A ``distributed.Client``: for ``scheduler`` (address, client or cluster), else the
    default client, else a new LocalCluster of ``jobs`` workers (closed afterwards)."""
    try:
        import distributed
    except ImportError:
        raise EngineError("the dask engine needs dask.distributed: pip install 'dask[distributed]'") from None
    if scheduler is not None and hasattr(scheduler, "submit"):
        yield scheduler
        return
    if scheduler is None:
        try:
            yield distributed.default_client()
            return
        except ValueError:
            pass
        cluster = distributed.LocalCluster(n_workers=jobs or os.cpu_count() or 1,
                                           threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        try:
            with distributed.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    target = scheduler if not isinstance(scheduler, os.PathLike) else str(scheduler)
    try:
        client = distributed.Client(target, timeout="20s")
    except (OSError, TimeoutError, ValueError) as err:
        raise EngineError(f"cannot reach the dask scheduler at {scheduler} ({_one_line(str(err)) or type(err).__name__})") from None
    try:
        yield client
    finally:
        client.close()


def _dask_results(files: Sequence[str], kwargs: dict, jobs: Optional[int], scheduler: Any,
                  outdir: Optional[str], partition_size: int, strict: bool) -> Iterator[DocResult]:
    chunks = [list(files[i:i + partition_size]) for i in range(0, len(files), partition_size)]
    if not chunks:
        return
    with _dask_client(scheduler, jobs) as client:
        futures = [client.submit(run_partition, i, chunk, outdir=outdir, pure=False, **kwargs)
                   for i, chunk in enumerate(chunks)]
        try:
            for chunk, future in zip(chunks, futures):
                try:
                    results = future.result()
                except Exception as err:
                    if strict and isinstance(err, ZhipuIpoError):
                        raise
                    reason = f"dask task failed ({type(err).__name__}: {_one_line(str(err))})"
                    results = [DocResult(p, Path(p).stem, error=reason) for p in chunk]
                future.release()
                yield from results
        finally:
            client.cancel(futures)


# -- all engines ----------------------------------------------------------------------------

def _check_jobs(jobs: Optional[int]) -> None:
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise EngineError(f"jobs must be a whole number of at least 1, not {jobs!r}")


def iter_results(files: Sequence[PathLike], engine: str = "local", jobs: Optional[int] = None,
                 scheduler: Any = None, published: Optional[dt.date] = None,
                 mentions: bool = True, timeout: Optional[float] = None, strict: bool = False,
                 outdir: Optional[PathLike] = None,
                 partition_size: Optional[int] = None) -> Iterator[DocResult]:
    """A :class:`DocResult` per file, in the order of ``files``, from the given engine.

    ``outdir`` (Dask only) makes the workers write partitioned Parquet there.
    """
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    _check_jobs(jobs)
    names = [str(f) for f in files]
    kwargs = dict(published=published, mentions=mentions, timeout=timeout)
    if engine == "dask":
        size = partition_size or PARTITION_SIZE
        return _dask_results(names, kwargs, jobs, scheduler, None if outdir is None else str(outdir),
                             size, strict)
    if outdir is not None:
        raise EngineError("partitioned Parquet output is written by the dask engine only")
    if scheduler is not None:
        raise EngineError("a scheduler address needs engine='dask'")
    workers = jobs if jobs is not None else (os.cpu_count() or 1) if engine == "processes" else 1
    fn = partial(process_path, strict=strict, **kwargs)
    if workers <= 1 or len(names) <= 1:
        return map(fn, names)
    return pool_map(fn, names, min(workers, len(names)), on_crash=_crashed)


# -- progress -------------------------------------------------------------------------------

class Progress:
    """Progress of a run on stderr: a rich bar when ``enabled`` (None: when stderr is a
    terminal), or a callable called with every :class:`DocResult`. :meth:`echo` prints a line
    above the bar."""

    def __init__(self, total: int, enabled: Union[bool, None, Callable[[DocResult], Any]] = None,
                 description: str = "extract"):
        self.callback = enabled if callable(enabled) else None
        if enabled is None:
            enabled = _stderr_is_tty()
        self.enabled = bool(enabled) and self.callback is None and total > 0
        self.total = total
        self.description = description
        self.failed = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
                            TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.description, total=self.total, failed=0)
        return self

    def advance(self, result: DocResult) -> None:
        self.failed += not result.ok
        if self.callback is not None:
            self.callback(result)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=self.failed)

    def echo(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            print(message, file=sys.stderr, flush=True)

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.stop()


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


# -- the Python entry point -----------------------------------------------------------------

class SourcedCorpus(Corpus):
    """A :class:`~zhipu_ipo.corpus.Corpus` that remembers the file of each document: ``paths``
    (parallel to ``extractions``), :meth:`path` and a ``path`` column in :attr:`facts`."""

    def __init__(self, extractions: Iterable[Extraction], paths: Iterable[str],
                 failures: Optional[list] = None):
        super().__init__(extractions, failures)
        self.paths: list[str] = list(paths)

    def path(self, doc: str) -> str:
        """The file document ``doc`` was read from (the first, if two files share a stem)."""
        for e, p in zip(self.extractions, self.paths):
            if e.doc == doc:
                return p
        raise KeyError(doc)

    @property
    def facts(self) -> pd.DataFrame:
        if self._facts is None:
            df = facts_frame(f for e in self.extractions for f in e.facts)
            df["path"] = pd.array([p for e, p in zip(self.extractions, self.paths) for _ in e.facts],
                                  dtype="string")
            self._facts = df
        return self._facts


@dataclass
class RunSummary:
    """What a run that wrote its facts to ``output`` did."""

    files: int
    facts: int
    output: Path
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def as_date(value: Union[None, str, dt.date]) -> Optional[dt.date]:
    """``published`` as a date (ISO string accepted); :class:`ParseError` otherwise."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ParseError(f"published: {value!r} is not a date (YYYY-MM-DD)") from None


def prepare_partitions(outdir: PathLike) -> Path:
    """Create the output directory of a partitioned run and remove the ``part-*.parquet`` files
    of an earlier run (nothing else in it is touched)."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise EngineError(f"{out}: partitioned Parquet output needs a directory, not a file")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()
    return out


def extract_corpus(paths: Union[PathLike, Iterable[PathLike]], engine: str = "local",
                   jobs: Optional[int] = None, scheduler: Any = None,
                   output: Optional[PathLike] = None,
                   published: Union[None, str, dt.date] = None,
                   progress: Union[bool, None, Callable[[DocResult], Any]] = False, *,
                   format: Optional[str] = None, timeout: Optional[float] = None,
                   strict: bool = False,
                   partition_size: Optional[int] = None) -> Union[SourcedCorpus, RunSummary]:
    """Extract every article under ``paths`` (files or directories) with the given engine.

    Without ``output`` the extractions come back as a :class:`SourcedCorpus` (a ``Corpus`` whose
    ``failures`` lists ``(path, reason)`` for the files that could not be read or parsed).
    With ``output`` the facts are streamed there and a :class:`RunSummary` is returned: a file in
    ``format`` (default from the suffix: ``.jsonl``, ``.json``, ``.csv``, else Parquet), or for
    ``engine="dask"`` with Parquet a directory of partitions written by the workers.

    ``jobs``: processes (local/processes) or workers of the LocalCluster (dask, when no
    ``scheduler``). ``progress``: True/False, None (a bar when stderr is a terminal) or a
    callable given each :class:`DocResult`. ``strict``: raise the first error instead of
    recording it. The results are the same for every engine and number of jobs.
    """
    published = as_date(published)
    files, failures = scan_article_paths(paths)
    if strict and failures:
        from .errors import InputError

        raise InputError(f"{failures[0][0]}: {failures[0][1]}")
    kwargs = dict(engine=engine, jobs=jobs, scheduler=scheduler, published=published,
                  timeout=timeout, strict=strict, partition_size=partition_size)
    if output is None:
        extractions, sources = [], []
        with Progress(len(files), progress) as bar:
            for r in iter_results(files, mentions=True, **kwargs):
                bar.advance(r)
                if r.ok:
                    extractions.append(r.extraction)
                    sources.append(r.path)
                else:
                    failures.append((r.path, r.error))
        return SourcedCorpus(extractions, sources, failures)
    fmt = format or ("parquet" if engine == "dask" else format_for(output))
    if fmt not in FORMATS:
        raise EngineError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    n_facts = 0
    if engine == "dask" and fmt == "parquet":
        outdir = prepare_partitions(output)
        results = iter_results(files, mentions=False, outdir=outdir, **kwargs)
        with Progress(len(files), progress) as bar:
            for r in results:
                bar.advance(r)
                n_facts += r.n_facts
                if not r.ok:
                    failures.append((r.path, r.error))
        if not files:
            write_parquet(facts_table([]), partition_path(outdir, 0))
        return RunSummary(len(files), n_facts, outdir, failures)
    with open_writer(fmt, output) as writer, Progress(len(files), progress) as bar:
        for r in iter_results(files, mentions=False, **kwargs):
            bar.advance(r)
            if r.ok:
                writer.write(r.facts, r.path)
                n_facts += len(r.facts)
            else:
                failures.append((r.path, r.error))
    return RunSummary(len(files), n_facts, Path(output), failures)
