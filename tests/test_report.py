"""Tests of the report: ``zhipu-ipo report`` (terminal, --html, --charts) and its building blocks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import zhipu_ipo
from zhipu_ipo.analytics import charts as C
from zhipu_ipo.cli import main
from zhipu_ipo.report import build_report

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(main, ["report", str(SEEDS), "--html", str(out / "out.html"),
                                       "--charts", str(out / "charts")])
    return result, out


def test_report_exits_zero_and_prints_every_section(run):
    result, _ = run
    assert result.exit_code == 0, result.output
    text = result.stdout
    for needle in ("FX rates", "zhipu (智谱)", "minimax (MiniMax)", "Statement (reconciled across articles)",
                   "Derived figures (computed by the library)", "Claims checked", "Figures stated more than once",
                   "23.58 ⚠", "USD/CNY 7.00 (default)", "超800%", "约21倍"):
        assert needle in text, needle


def test_report_lists_inconsistent_claims_first(run):
    result, _ = run
    zhipu = result.stdout.split("zhipu (智谱)")[1]
    claims = zhipu.split("Claims checked")[1].split("Figures stated more than once")[0]
    verdicts = re.findall(r"^\s+(inconsistent|unverifiable|consistent)\s", claims, flags=re.M)
    assert verdicts == sorted(verdicts, key=["inconsistent", "unverifiable", "consistent"].index)
    assert verdicts[0] == "inconsistent"


def test_html_is_one_self_contained_page(run):
    _, out = run
    page = (out / "out.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('src="data:image/png;base64,') == len(list((out / "charts").iterdir()))
    for external in ('src="http', 'href="http', "<link", "<script", "@import"):
        assert external not in page
    for needle in ("市销率约21倍", "为同期总营收的8倍以上", "23.58 ⚠", "Claims checked", 'class="inconsistent"',
                   "43亿港元 ≈ 5.6亿美元", "6.43倍"):
        assert needle in page, needle


def test_charts_are_png_files(run):
    _, out = run
    files = sorted(p.name for p in (out / "charts").iterdir())
    assert {"zhipu_financials.png", "zhipu_rd_to_revenue.png"} <= set(files)
    assert all(re.fullmatch(r"[a-z0-9_]+_(financials|rd_to_revenue|first_day)\.png", f) for f in files)
    assert all((out / "charts" / f).read_bytes().startswith(PNG) for f in files)


def test_entity_option_and_bad_path(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["report", str(SEEDS), "-e", "zhipu", "--width", "200"])
    assert result.exit_code == 0
    assert "zhipu (智谱)" in result.stdout and "minimax (MiniMax)" not in result.stdout
    bad = runner.invoke(main, ["report", str(tmp_path / "nothing-here")])
    assert bad.exit_code != 0


def test_build_report_sections():
    corpus = zhipu_ipo.load(SEEDS)
    report = build_report(corpus, entities=["zhipu", "minimax"])
    assert report.entities == ["zhipu", "minimax"]
    zhipu = report.sections[0]
    assert [v.title for v in zhipu.views] == [
        "Statement (reconciled across articles)", "Derived figures (computed by the library)",
        "Claims checked (stated derived figures, recomputed)", "Figures stated more than once"]
    claims = zhipu.views[2]
    assert claims.styles[0] == "inconsistent"
    assert report.summaries["zhipu"].startswith("claims: ")
    assert zhipu.charts == {}


# chart builders: data -> figure or None
def test_charts_without_data_are_none():
    empty = zhipu_ipo.load(SEEDS).facts.iloc[0:0]
    assert C.financials_figure(empty, "zhipu") is None
    assert C.rd_ratio_figure(empty, "zhipu") is None
    assert C.first_day_figure(empty, "zhipu") is None


def test_figure_png_renders():
    corpus = zhipu_ipo.load(SEEDS)
    fig = C.comparison_figure(corpus.facts, ["zhipu", "minimax"], "revenue", fx=corpus.fx)
    assert C.figure_png(fig).startswith(PNG)
