"""Saved web pages and Markdown: the article text the facts point into, charsets, and the
source path each fact keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhipu_ipo import extract, formats
from zhipu_ipo.cli import main
from zhipu_ipo.corpus import extract_file
from zhipu_ipo.engines import extract_corpus
from zhipu_ipo.errors import InputError
from zhipu_ipo.formats import decode_html, html_text, markdown_text
from zhipu_ipo.io import article_format, read_article

# A made-up news page (company, figures and site are invented for these tests).
PARAS = [
    "星河智能（02699.HK）今日在港交所主板挂牌上市，发行价为每股19.60港元，募资总额约25.8亿港元。",
    "招股书显示，星河智能2023年营收6.2亿元，2024年营收9.8亿元，同比增长58%。",
    "2024年星河智能净亏损3.1亿元，研发开支4.4亿元，研发人员占比超过七成。",
    "公司表示，所得款项将主要用于研发投入、算力建设以及补充营运资金，并继续拓展海外市场。",
]
TITLE = "星河智能今日在港上市"
PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head>{meta}<title>星河智能上市首日 - 某财经网</title>
<script>var ad = "2025年广告 888";</script><style>.x{{color:red}}</style></head>
<body>
<header><nav><ul><li><a href="/">首页</a></li><li><a href="/stock">股票</a></li>
<li><a href="/fund">基金 100</a></li></ul></nav></header>
<div class="main"><article>
<h1>{title}</h1>
<div class="meta">2025-12-30 10:00 来源：某财经网</div>
{paras}
</article>
<aside><h3>热门文章</h3><ul><li><a href="/a/1">某公司股价大涨30%</a></li>
<li><a href="/a/2">恒指收涨1.2%</a></li></ul></aside>
<div id="comments"><p>网友评论：估值太高了，市盈率100倍</p></div>
</div>
<footer><p>版权所有 2025 某财经网 电话 010-12345678</p></footer>
</body></html>
"""
ARTICLE = "\n".join([TITLE] + PARAS)
#: A bare page for the charset tests (every character exists in GBK, and in Big5 when traditional).
SMALL_PAGE = "<html><head>{meta}<title>t</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>"


def page(meta: str = '<meta charset="utf-8">', title: str = TITLE, paras=PARAS) -> str:
    return PAGE.format(meta=meta, title=title, paras="\n".join(f"<p>{p}</p>" for p in paras))


def _records(facts) -> list[dict]:
    return [f.model_dump(mode="json") for f in facts]


# -- HTML -----------------------------------------------------------------------------------

def test_the_main_article_text_without_navigation_footer_and_comments() -> None:
    assert html_text(page()) == ARTICLE


@pytest.mark.parametrize("name", ["news.html", "news.htm", "NEWS.HTML"])
def test_facts_of_a_web_page_point_into_its_article_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(page(), encoding="utf-8")
    article = read_article(path)
    assert (article.text, article.format, article.doc, article.path) == (ARTICLE, "html", path.stem, path)
    ex = extract_file(path)
    assert _records(ex.facts) == _records(extract(ARTICLE, doc=path.stem).facts)
    assert len(ex.facts) > 3
    for f in ex.facts:
        assert f.doc == path.stem
        assert 0 <= f.start < f.end <= len(ARTICLE)
        assert ARTICLE[f.start:f.end] in f.quote and f.quote in ARTICLE


def test_facts_keep_the_source_path(tmp_path: Path) -> None:
    (tmp_path / "news.html").write_text(page(), encoding="utf-8")
    corpus = extract_corpus(tmp_path)
    assert corpus.path("news") == str(tmp_path / "news.html")
    assert set(corpus.facts["path"]) == {str(tmp_path / "news.html")}
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-q"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["path"] for r in lines} == {str(tmp_path / "news.html")}
    assert [r["start"] for r in lines] == [f.start for f in corpus["news"].facts]


@pytest.mark.parametrize("encoding,meta", [
    ("gbk", '<meta charset="gb2312">'),
    ("gb18030", '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'),
    ("gbk", ""),  # no declaration: the bytes are guessed
    ("gbk", '<meta charset="utf-8">'),  # a wrong declaration: the bytes are guessed
    ("big5", '<meta http-equiv="Content-Type" content="text/html; charset=big5">'),
    ("utf-16", ""),
    ("utf-8-sig", '<meta charset="iso-8859-1">'),  # a BOM outranks the declaration
])
def test_charsets(tmp_path: Path, encoding: str, meta: str) -> None:
    if encoding == "big5":
        title = "星河智能今日在港上市"
        paras = ["星河智能今日在港交所主板掛牌上市，發行價為每股19.60港元，募資總額約25.8億港元。",
                 "招股書顯示，星河智能2023年營收6.2億元，2024年營收9.8億元，同比增長58%。"]
    else:
        title, paras = TITLE, PARAS
    html = SMALL_PAGE.format(meta=meta, title=title, paras="".join(f"<p>{p}</p>" for p in paras))
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    assert decode_html(path.read_bytes()) == html.lstrip("\ufeff")
    assert read_article(path).text == "\n".join([title] + paras)


def test_entities_and_tables(tmp_path: Path) -> None:
    body = ("<article><p>星河智能2024年营收9.8亿元&#65292;同比增长58&#37;。</p>"
            "<table><tr><td>2023年</td><td>6.2亿元</td></tr></table>"
            + "".join(f"<p>{p}</p>" for p in PARAS[2:]) + "</article>")
    text = html_text(f"<html><body>{body}</body></html>")
    assert text.splitlines()[0] == "星河智能2024年营收9.8亿元，同比增长58%。"
    assert "6.2亿元" in text


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><body><nav></nav></body></html>"])
def test_pages_without_text(html: str) -> None:
    assert html_text(html) == ""


def test_a_page_without_an_article_falls_back_to_its_visible_text() -> None:
    assert html_text("<html><body><div>星河智能营收6.2亿元</div></body></html>") == "星河智能营收6.2亿元"


def test_a_parser_failure_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("lxml gave up\nat line 3")

    monkeypatch.setattr(trafilatura, "extract", broken)
    path = tmp_path / "bad.html"
    path.write_text(page(), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(info.value) == f"{path}: cannot parse HTML (ValueError)"
    assert extract_corpus(path).failures == [(str(path), "cannot parse HTML (ValueError)")]


@pytest.mark.parametrize("name,kind", [("a.html", "html"), ("a.HTM", "html"), ("a.xhtml", "html"),
                                       ("a.md", "markdown"), ("a.Markdown", "markdown"),
                                       ("a.txt", "text"), ("a", "text"), ("a.json", "text")])
def test_article_format_from_the_suffix(name: str, kind: str) -> None:
    assert article_format(name) == kind


# -- Markdown -------------------------------------------------------------------------------

MARKDOWN_CASES = [
    ("# 星河智能上市 #", "  星河智能上市  "),
    ("## 营收", "   营收"),
    ("#标签", "#标签"),  # not a heading without a space
    ("> 引用：营收6.2亿元", "  引用：营收6.2亿元"),
    ("- 营收6.2亿元", "  营收6.2亿元"),
    ("* 营收", "  营收"),
    ("1. 营收6.2亿元", "   营收6.2亿元"),
    ("3.12亿元", "3.12亿元"),  # a number at the start of a line is no list marker
    ("**营收6.2亿元**", "  营收6.2亿元  "),
    ("营收*6.2*亿元", "营收 6.2 亿元"),
    ("~~旧数据~~", "  旧数据  "),
    ("snake_case _强调_", "snake_case  强调 "),
    ("`19.60`港元", " 19.60 港元"),
    ("[营收6.2亿元](https://example.com/a?id=123)", " 营收6.2亿元" + " " * len("](https://example.com/a?id=123)")),
    ("![图1](http://img.example.com/2024.png)", "  图1" + " " * len("](http://img.example.com/2024.png)")),
    ("![]()", "     "),
    ("[未闭合(2024", "[未闭合(2024"),
    ("<https://example.com/2024>", "                          "),
    ("<b>6.2</b>亿元", "   6.2    亿元"),
    ("A &amp; B", "A &     B"),
    ("&#x4E07;元", "万       元"),
    ("\\*不是强调\\*", " *不是强调 *"),
    ("\\[1\\]", " [1 ]"),
    ("---", "   "),
    ("* * *", "     "),
    ("[1]: https://example.com/5", "                          "),
]


@pytest.mark.parametrize("md,expected", MARKDOWN_CASES)
def test_markdown_markup_is_blanked(md: str, expected: str) -> None:
    assert markdown_text(md) == expected
    assert len(markdown_text(md)) == len(md)


def test_markdown_tables_and_code_fences() -> None:
    md = ("| 年份 | 营收 |\n|---|:---:|\n| 2023年 | 6.2亿元 |\n\n"
          "```python\nx = 2024\n```\n正文|不是表格")
    assert markdown_text(md) == ("  年份   营收  \n           \n  2023年   6.2亿元  \n\n"
                                 "         \nx = 2024\n   \n正文|不是表格")


def test_markdown_keeps_crlf() -> None:
    assert markdown_text("# 营收\r\n**6.2亿元**\r\n") == "  营收\r\n  6.2亿元  \r\n"


def test_markdown_facts_point_into_the_file_as_written(tmp_path: Path) -> None:
    md = ("# 星河智能上市\n\n"
          + "\n".join(f"- **{p}**" for p in PARAS[:3])
          + "\n\n[原文链接](https://example.com/news/2025/1230.html)\n")
    path = tmp_path / "news.md"
    path.write_text(md, encoding="utf-8")
    article = read_article(path)
    assert article.format == "markdown" and len(article.text) == len(md)
    ex = extract_file(path)
    assert len(ex.facts) > 3
    for f in ex.facts:
        assert md[f.start:f.end] == article.text[f.start:f.end]
        assert md[f.start:f.end] in f.quote
    assert all(f.quote in article.text for f in ex.facts)
    assert not any("example.com" in m.quote for m in ex.unplaced)


def test_markdown_in_a_directory_run(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(PARAS[0] + "**" + PARAS[1] + "**\n", encoding="utf-8")
    (tmp_path / "b.markdown").write_text("> " + PARAS[0] + "\n> " + PARAS[2] + "\n", encoding="utf-8")
    corpus = extract_corpus(tmp_path)
    assert corpus.docs == ["a", "b"]
    assert all(len(e.facts) > 0 for e in corpus)


def test_formats_module_regexes_are_compiled_once() -> None:
    assert formats._INLINE.pattern and formats._trafilatura_config() is formats._trafilatura_config()
