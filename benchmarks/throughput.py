"""Throughput, linear-time and memory benchmark of zhipu_ipo (see benchmarks/README.md).

One run measures, on one core and over the same ~5 MB corpus built from the seed articles:
MB/s of OpenCC t2s alone (the floor every pipeline pays), of ``normalize`` and of full
``extract``; articles/s; the ratio extract/OpenCC (target: at least 1/20); peak RSS. Then, with
``--jobs N``, the same corpus through ``extract_corpus`` in N processes; adversarial inputs at
1/8, 1/4, 1/2 and 1 MB with the growth exponent of their time (1.0 = linear); and one 50 MB
file through the ``zhipu-ipo extract`` command with the peak RSS of that process.

    python benchmarks/throughput.py                       # everything, table on stdout
    python benchmarks/throughput.py --json bench.json     # ... and the numbers as JSON
    python benchmarks/throughput.py --big-mb 0 --adversarial-mb 0   # throughput only
    python benchmarks/throughput.py --profile profile.txt  # + pyinstrument hot spots of extract

MB are 10^6 bytes of UTF-8 input.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))
TARGET_RATIO = 1 / 20
#: A size whose time exceeds this (seconds) ends the adversarial series of that input.
ADVERSARIAL_BUDGET = 120.0
BIG_BUDGET = 1800.0
#: Address space allowed to a measuring child process (a quadratic blow-up stops there).
CHILD_MEMORY = 6 * 2**30

_FIGURE = re.compile(r"\d+(?:\.\d+)?(?=\s*(?:亿|万|%|％|港元|美元|元|倍|股|手))")


# -- corpus ---------------------------------------------------------------------------------

def _perturb(text: str, rnd: random.Random) -> str:
    """Other digits in amounts and percentages (same shape), so that no cache sees a repeat."""
    def new(m: re.Match) -> str:
        s = m.group()
        out = [c if not c.isdigit() else str(rnd.randrange(10)) for c in s]
        if out[0] == "0" and len(out) > 1 and out[1].isdigit():
            out[0] = "1"
        return "".join(out)
    return _FIGURE.sub(new, text)


def build_corpus(size_mb: float, seed: int = 2025) -> list[str]:
    """Articles made from the seeds: paragraphs kept in order, figures changed, every third
    article in traditional script, until ``size_mb`` MB of UTF-8."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    rnd = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    out: list[str] = []
    total = 0
    k = 0
    while total < size_mb * 1e6:
        text = _perturb(texts[k % len(texts)], rnd)
        if k % 3 == 2:
            text = s2t.convert(text)
        out.append(text)
        total += len(text.encode("utf-8"))
        k += 1
    return out


def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _timed(fn: Callable[[str], object], texts: list[str], repeat: int = 1) -> float:
    """Best wall time of ``repeat`` passes of ``fn`` over ``texts``."""
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# -- throughput -----------------------------------------------------------------------------

def throughput(texts: list[str]) -> dict:
    import opencc

    from zhipu_ipo import extract, normalize

    t2s = opencc.OpenCC("t2s")
    extract(texts[0])  # load dictionaries, compile regexes, warm jieba
    mb = _mb(texts)
    t_cc = _timed(t2s.convert, texts, repeat=3)
    t_norm = _timed(normalize, texts)
    facts = 0

    def run(t: str) -> None:
        nonlocal facts
        facts += len(extract(t).facts)

    t_ext = _timed(run, texts)
    return {
        "articles": len(texts), "mb": round(mb, 3),
        "opencc_mb_s": mb / t_cc, "normalize_mb_s": mb / t_norm, "extract_mb_s": mb / t_ext,
        "articles_s": len(texts) / t_ext, "facts": facts,
        "ratio_extract_opencc": (mb / t_ext) / (mb / t_cc),
        "target_ratio": TARGET_RATIO,
        "peak_rss_mb": peak_rss_mb(),
    }


def parallel(texts: list[str], jobs: int) -> dict:
    from zhipu_ipo.engines import extract_corpus

    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            Path(tmp, f"a{i:05d}.txt").write_text(t, encoding="utf-8")
        stamps: list[float] = []
        t0 = time.perf_counter()
        summary = extract_corpus(tmp, jobs=jobs, output=Path(tmp, "facts.jsonl"),
                                 progress=lambda r: stamps.append(time.perf_counter()))
        dt = time.perf_counter() - t0
    mb = _mb(texts)
    first = stamps[0] - t0
    steady = (mb - _mb(texts[:1])) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else None
    return {"jobs": jobs, "extract_corpus_mb_s": mb / dt, "articles_s": len(texts) / dt,
            "startup_s": first, "steady_mb_s": steady,
            "facts": summary.facts, "failed": len(summary.failures)}


# -- adversarial ----------------------------------------------------------------------------

def _pinyin(text: str) -> str:
    rnd = random.Random(7)
    syl = ["jīng", "guò", "wàn", "dá", "yíng", "shōu", "yì", "gǔ", "fèn"]
    return "".join(c + (f"({rnd.choice(syl)})" if "\u4e00" <= c <= "\u9fff" else "") for c in text)


def _fill(unit: str, size_bytes: int) -> str:
    n = max(1, size_bytes // len(unit.encode("utf-8")))
    return unit * n


def adversarial_inputs(corpus: list[str]) -> dict[str, Callable[[int], str]]:
    """Name -> a function giving that input at about ``n`` bytes of UTF-8."""
    line = "".join(corpus).replace("\n", "").replace("\r", "")
    glossed = _pinyin("".join(corpus[:40]))
    return {
        "a million digits": lambda n: _fill("1234567890", n),
        "digits with dots": lambda n: _fill("1.", n),
        "亿亿亿…": lambda n: "3" + _fill("亿", n - 4) + "元",
        "5万亿元 repeated": lambda n: _fill("5万亿元", n),
        "unbalanced brackets": lambda n: _fill("（【(", n),
        "bracketed figures": lambda n: _fill("（营收3亿元", n),
        "one endless line": lambda n: line.encode("utf-8")[:n].decode("utf-8", "ignore"),
        "pinyin glosses everywhere": lambda n: glossed.encode("utf-8")[:n].decode("utf-8", "ignore"),
        "3至3至3至…": lambda n: _fill("3至", n) + "5亿元",
        "spaces in numbers": lambda n: _fill("3 000 000 ", n),
        # one paragraph of endless quarter sentences (Q3 and 季内 read from the sentence before:
        # quadratic for a moment in session 17, while each one was added to the paragraph's periods)
        "endless quarters": lambda n: _fill("智谱Q3收入1亿元，季内亏损2亿元。", n),
        # one sentence of endless clauses: pairs, 年内, slash lists (no 。 to cut it)
        "endless clauses": lambda n: _fill("2024年收入1亿元，期内亏损由2024年的2亿元收窄至1亿元；年内亏损3亿元；"
                                           "毛利率由1.5%升至2.5%，2023A/2024A营收分别为1.2/3.4亿元，", n),
        # filings: Chinese-numeral dates, 2025年同期 and 上年度 comparisons, names with dates in parentheses
        "endless filing clauses": lambda n: _fill("截至二零二六年六月三十日止，毛利率由二零二五年同期的20.4%上升至25.8%，"
                                                  "上年度为人民币352.6百万元，岚越科技(06871,9月3日上市)、", n),
        # one sentence of dated sessions after 首日: each date looks at its neighbours only
        "endless dated sessions": lambda n: _fill("智谱上市首日收报131.5港元,1月9日收报120港元,", n),
        # one sentence of weekdays and event words in a dated article: each weekday looks at its
        # neighbours only
        "endless weekdays": lambda n: _fill("2026年3月4日电，澄岳科技(02788)周三启动招股，下周四挂牌，", n),
        # one sentence of bounds after a rule's colon, and of 分别 lists of lines: each figure looks
        # a bounded way back (session 29: both were quadratic)
        "endless rule bounds": lambda n: "上市要求是：" + _fill("市值不低于40亿港元，", n),
        "endless line lists": lambda n: "2025年，澄岳科技(02788)的" + _fill(
            "Robotaxi服务和Robotruck服务收入分别为2.41亿元、1.06亿元；", n),
        # one sentence of cornerstone sums with investors named, of annualized sums, of compared
        # companies with their figure in parentheses, and of names with a mojibake ? before their
        # code (session 33: cubic, quadratic, quadratic and quadratic)
        "endless cornerstone lists": lambda n: "MiniMax（00100）" + _fill(
            "基石投资者合共认购约3.5亿美元，包括阿里巴巴、腾讯等14家机构，", n),
        "endless annualized sums": lambda n: "智谱（02513）" + _fill("前九个月收入13.6亿元，年化后约18亿元，", n),
        "endless compared figures": lambda n: "智谱（02513）" + _fill("MiniMax毛利率低于智谱（2025年上半年为50%），", n),
        "endless mojibake names": lambda n: _fill("新股博?科技（02968）收报8.12元，", n),
        # thousands of small tables, aligned by spaces and by pipes (each looks back for its company)
        "many space tables": lambda n: _fill("公司  收入  亏损\n启衡智能(02761)  1.0  2.0\n岚图智算(02871)  3.0  4.0\n\n", n),
        "many pipe tables": lambda n: _fill("| 项目 | 2024年 | 2025年 |\n| 收入 | 1.0 | 2.0 |\n| 毛利 | 3.0 | 4.0 |\n\n", n),
    }


def markdown_inputs() -> dict[str, Callable[[int], str]]:
    return {
        "markdown: [[[ ](( <<< *_`": lambda n: _fill("[", n // 4) + _fill("](", n // 4)
        + _fill("<", n // 4) + _fill("*_`", n // 4),
    }


def _growth(points: list[tuple[int, float]]) -> Optional[float]:
    """Least-squares slope of log(time) over log(size): 1.0 is linear, 2.0 quadratic."""
    pts = [(math.log(s), math.log(t)) for s, t in points if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def _hwm_mb() -> float:
    """Peak RSS of this process since its last exec (Linux VmHWM; getrusage elsewhere, which
    also counts the parent's pages of a forked child)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def _child(args: list[str], timeout: float) -> dict:
    """Run this script in ``--child`` mode; its last stdout line is JSON."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:g} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": f"exit {done.returncode}: {tail}"}
    return json.loads(lines[-1])


def _run_child(argv: list[str]) -> None:
    """``--child adversarial NAME BYTES`` / ``--child big FILE OUT``: one measurement in a fresh
    process with at most :data:`CHILD_MEMORY` bytes of address space."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
    except (ValueError, OSError, AttributeError):
        pass
    kind = argv[0]
    try:
        if kind == "adversarial":
            name, size = argv[1], int(argv[2])
            from zhipu_ipo import extract
            from zhipu_ipo.formats import markdown_text

            corpus = build_corpus(1.2)
            cases = {**adversarial_inputs(corpus), **markdown_inputs()}
            fn = markdown_text if name in markdown_inputs() else extract
            text = cases[name](size)
            fn(corpus[0])  # load dictionaries (jieba), compile regexes
            t0 = time.perf_counter()
            fn(text)
            result = {"bytes": len(text.encode("utf-8")), "seconds": time.perf_counter() - t0}
        else:
            from zhipu_ipo.cli import main as cli

            t0 = time.perf_counter()
            try:
                cli(["extract", argv[1], "-q", "-o", argv[2]], standalone_mode=False)
                code = 0
            except SystemExit as stop:
                code = stop.code or 0
            result = {"seconds": time.perf_counter() - t0, "exit": code}
    except MemoryError:
        result = {"error": f"out of memory (limit {CHILD_MEMORY / 2**30:g} GiB)"}
    result["peak_rss_mb"] = round(_hwm_mb(), 1)
    print(json.dumps(result))


def adversarial(top_mb: float) -> list[dict]:
    """Each input at 1/8, 1/4, 1/2 and 1 of ``top_mb``, each in a fresh process (a blow-up is
    reported, it does not take the benchmark down); a series stops at the first failure."""
    sizes = [int(top_mb * 1e6 / d) for d in (8, 4, 2, 1)]
    rows = []
    names = list(adversarial_inputs(["x"])) + list(markdown_inputs())
    for name in names:
        points: list[dict] = []
        error = None
        for size in sizes:
            got = _child(["adversarial", name, str(size)], ADVERSARIAL_BUDGET)
            if "error" in got:
                error = got["error"]
                break
            points.append({"bytes": got["bytes"], "seconds": round(got["seconds"], 4),
                           "peak_rss_mb": got["peak_rss_mb"]})
        slope = _growth([(p["bytes"], p["seconds"]) for p in points])
        rows.append({"input": name, "points": points, "error": error,
                     "growth": None if slope is None else round(slope, 2),
                     "complete": error is None})
    return rows


# -- one big file ---------------------------------------------------------------------------

def big_file(corpus: list[str], size_mb: float) -> dict:
    """Write a ``size_mb`` MB article (corpus articles one after the other) and run
    ``zhipu-ipo extract`` on it in a fresh process, which reports its own peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "big.txt")
        with open(path, "w", encoding="utf-8") as out:
            written, i = 0, 0
            while written < size_mb * 1e6:
                t = corpus[i % len(corpus)] + "\n"
                out.write(t)
                written += len(t.encode("utf-8"))
                i += 1
        facts_out = Path(tmp, "facts.jsonl")
        got = _child(["big", str(path), str(facts_out)], BIG_BUDGET)
        n_facts = sum(1 for _ in open(facts_out, encoding="utf-8")) if facts_out.exists() else 0
    got.update({"mb": round(written / 1e6, 2), "facts": n_facts})
    if "seconds" in got:
        got["mb_s"] = got["mb"] / got["seconds"]
        got["under_1gb"] = got["peak_rss_mb"] < 1024
    return got


# -- profile --------------------------------------------------------------------------------

#: Functions whose direct callees are reported as stages (total time, callees included).
STAGE_PARENTS = ("_extract_one", "build_stream", "read")


def profile(texts: list[str], out: Optional[Path], top: int = 20) -> list[dict]:
    """pyinstrument over ``extract`` of ``texts``: the functions with the most self time."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        sys.exit("--profile needs pyinstrument: pip install pyinstrument")
    from zhipu_ipo import extract

    extract(texts[0])
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for t in texts:
        extract(t)
    session = profiler.stop()
    total = session.duration
    self_times: dict[str, float] = {}
    file_times: dict[str, float] = {}
    stages: dict[str, float] = {}  # total time of the steps of extractor._extract_one

    def walk(frame) -> None:
        if frame is None or frame.is_synthetic:
            return
        key = f"{frame.function} ({_short(frame.file_path)}:{frame.line_no})"
        self_times[key] = self_times.get(key, 0.0) + frame.total_self_time
        fkey = _short(frame.file_path)
        file_times[fkey] = file_times.get(fkey, 0.0) + frame.total_self_time
        if frame.function in STAGE_PARENTS:
            for child in frame.children:
                if not child.is_synthetic:
                    name = f"{frame.function} > {child.function}"
                    stages[name] = stages.get(name, 0.0) + child.time
        for child in frame.children:
            walk(child)

    walk(session.root_frame())
    total = sum(self_times.values()) or total
    if out is not None:
        out.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    rows = [{"function": k, "self_s": round(v, 3), "share": v / total}
            for k, v in sorted(self_times.items(), key=lambda kv: -kv[1])[:top]]
    files = [{"file": k, "self_s": round(v, 3), "share": v / total}
             for k, v in sorted(file_times.items(), key=lambda kv: -kv[1])[:top]]
    steps = [{"stage": k, "total_s": round(v, 3), "share": v / total}
             for k, v in sorted(stages.items(), key=lambda kv: -kv[1]) if v / total >= 0.01]
    return [{"total_s": round(total, 3), "stages": steps, "functions": rows, "files": files}]


def _short(path: Optional[str]) -> str:
    if not path:
        return "?"
    p = path.replace("\\", "/")
    for marker in ("/site-packages/", "/src/", "/lib/python"):
        if marker in p:
            return p.split(marker, 1)[1]
    return p.rsplit("/", 2)[-1] if "/" in p else p


# -- report ---------------------------------------------------------------------------------

def _print_report(r: dict) -> None:
    tp = r["throughput"]
    print(f"corpus: {tp['articles']} articles, {tp['mb']:.2f} MB (seeds with changed figures, 1/3 traditional)")
    print()
    print(f"{'measure':<34}{'value':>12}")
    print("-" * 46)
    for label, key, fmt in [
        ("OpenCC t2s alone (MB/s)", "opencc_mb_s", "{:.2f}"),
        ("normalize (MB/s)", "normalize_mb_s", "{:.2f}"),
        ("extract, one core (MB/s)", "extract_mb_s", "{:.2f}"),
        ("articles/s (extract, one core)", "articles_s", "{:.1f}"),
        ("ratio extract/OpenCC", "ratio_extract_opencc", "{:.4f}"),
        ("target ratio", "target_ratio", "{:.4f}"),
        ("facts", "facts", "{:d}"),
        ("peak RSS (MB)", "peak_rss_mb", "{:.0f}"),
    ]:
        print(f"{label:<34}{fmt.format(tp[key]):>12}")
    verdict = "meets" if tp["ratio_extract_opencc"] >= TARGET_RATIO else "MISSES"
    print(f"-> extract {verdict} the 1/20-of-OpenCC target "
          f"({tp['extract_mb_s']:.2f} vs {tp['opencc_mb_s'] * TARGET_RATIO:.2f} MB/s)")
    if r.get("parallel"):
        p = r["parallel"]
        print(f"extract_corpus, {p['jobs']} processes: {p['extract_corpus_mb_s']:.2f} MB/s, "
              f"{p['articles_s']:.1f} articles/s ({p['facts']} facts, {p['failed']} failed); "
              f"first result after {p['startup_s']:.2f} s (pool start), then "
              f"{p['steady_mb_s']:.2f} MB/s")
    if r.get("adversarial"):
        print()
        sizes = r["adversarial_sizes"]
        head = "".join(f"{s / 1e6:>9.3f}MB" for s in sizes)
        print(f"{'adversarial input (seconds)':<30}{head}{'growth':>8}{'peak RSS':>11}")
        print("-" * (30 + 11 * len(sizes) + 19))
        for row in r["adversarial"]:
            cells = "".join(f"{pt['seconds']:>11.3f}" for pt in row["points"])
            cells += "".join(f"{'-':>11}" for _ in range(len(sizes) - len(row["points"])))
            g = "n/a" if row["growth"] is None else f"{row['growth']:.2f}"
            rss = max((pt["peak_rss_mb"] for pt in row["points"]), default=0)
            flag = "" if row["complete"] and (row["growth"] or 0) < 1.3 else "  <-- superlinear"
            print(f"{row['input']:<30}{cells}{g:>8}{rss:>9.0f}MB{flag}")
            if row["error"]:
                print(f"{'':<30}stopped: {row['error']}")
        print("growth = slope of log(time) over log(size): 1.0 linear, 2.0 quadratic; "
              "MB = peak RSS of the process")
    if r.get("big_file"):
        b = r["big_file"]
        print()
        if "error" in b:
            print(f"one {b['mb']} MB file through `zhipu-ipo extract`: FAILED ({b['error']}), "
                  f"peak RSS {b.get('peak_rss_mb', '?')} MB")
        else:
            print(f"one {b['mb']} MB file through `zhipu-ipo extract`: {b['seconds']:.1f} s "
                  f"({b['mb_s']:.2f} MB/s), peak RSS {b['peak_rss_mb']:.0f} MB "
                  f"({'under' if b['under_1gb'] else 'OVER'} 1 GB), {b['facts']} facts, exit {b['exit']}")
    if r.get("profile"):
        prof = r["profile"][0]
        print()
        print(f"pyinstrument over {prof['total_s']} s of extract; stages (total time):")
        for row in prof["stages"]:
            print(f"  {row['share'] * 100:5.1f}%  {row['stage']}")
        print("functions (self time):")
        for row in prof["functions"][:15]:
            print(f"  {row['share'] * 100:5.1f}%  {row['function']}")
        print("by file:")
        for row in prof["files"][:10]:
            print(f"  {row['share'] * 100:5.1f}%  {row['file']}")


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _run_child(argv[1:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=5.0, help="corpus size (default 5)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes for the extract_corpus run (default: CPUs; 1 skips it)")
    ap.add_argument("--adversarial-mb", type=float, default=1.0,
                    help="largest adversarial input (default 1; 0 skips)")
    ap.add_argument("--big-mb", type=float, default=50.0, help="size of the big file (default 50; 0 skips)")
    ap.add_argument("--profile", type=Path, nargs="?", const=Path("-"), default=None,
                    help="profile extract with pyinstrument (FILE: also write the call tree)")
    ap.add_argument("--profile-mb", type=float, default=1.0, help="corpus share to profile (default 1 MB)")
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers as JSON")
    args = ap.parse_args(argv)

    import zhipu_ipo

    corpus = build_corpus(args.size_mb)
    report: dict = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "zhipu_ipo": zhipu_ipo.__version__},
        "throughput": throughput(corpus),
    }
    if args.jobs > 1:
        report["parallel"] = parallel(corpus, args.jobs)
    if args.adversarial_mb > 0:
        report["adversarial_sizes"] = [int(args.adversarial_mb * 1e6 / d) for d in (8, 4, 2, 1)]
        report["adversarial"] = adversarial(args.adversarial_mb)
    if args.big_mb > 0:
        report["big_file"] = big_file(corpus, args.big_mb)
    if args.profile is not None:
        sub, size = [], 0.0
        for t in corpus:
            if size >= args.profile_mb * 1e6:
                break
            sub.append(t)
            size += len(t.encode("utf-8"))
        out = None if str(args.profile) == "-" else args.profile
        report["profile"] = profile(sub, out)
    _print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
