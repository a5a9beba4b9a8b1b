"""Article text out of marked-up files: saved web pages (HTML) and Markdown.

* **HTML** (``.html``, ``.htm``): the bytes are decoded with the charset the page declares
  (``<meta charset>``; GB2312/GBK are read as their superset GB18030, Big5 as Big5-HKSCS) when
  it decodes cleanly, otherwise with :func:`zhipu_ipo.io.decode_bytes`. The main article text
  is then taken with `trafilatura <https://trafilatura.readthedocs.io>`_ (navigation, footers
  and comments dropped, tables kept, no cross-document deduplication so that the result does
  not depend on the other pages; its minimum article size is lowered from 250 to
  :data:`MIN_ARTICLE_CHARS` characters because Chinese says in 80 characters what English says
  in 250). A page trafilatura finds no article in falls back to all of its visible text. Offsets of the facts refer to this text: :func:`zhipu_ipo.io.read_article`
  gives it back.
* **Markdown** (``.md``, ``.markdown``): markup is *blanked*, not removed: every markup character
  (``#`` of headings, ``>`` of quotes, list bullets and numbers, ``*``/``_``/``~~`` emphasis,
  backticks and code fences, table pipes and rules, link and image targets, HTML tags, backslash
  escapes, whose character stays) becomes a space, and an entity such as ``&amp;`` becomes its character padded with
  spaces. The text keeps its length and line breaks, so the offsets of the facts are offsets in
  the Markdown file as written.

Every regex here is linear-time: character classes exclude the delimiter that opens the next
match attempt, so no input (one endless line of ``[``, ``<`` or ``*``) makes them backtrack.
"""

from __future__ import annotations

import codecs
import html
import re
from functools import lru_cache
from typing import Any

from .errors import InputError

__all__ = ["decode_html", "html_text", "markdown_text"]

# -- HTML ------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^<>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
                    "big5": "big5hkscs", "x-big5": "big5hkscs", "cp950": "big5hkscs"}
_HEAD_BYTES = 4096
#: trafilatura's MIN_EXTRACTED_SIZE for Chinese pages (its default, 250, suits alphabetic text).
MIN_ARTICLE_CHARS = 80


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, as a Python codec name, or None."""
    match = _META_CHARSET.search(data[:_HEAD_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, name: str = "<html>") -> str:
    """Decode the bytes of a web page: a BOM first, then the declared charset if the whole page
    decodes with it, otherwise the guess of :func:`zhipu_ipo.io.decode_bytes`."""
    from .io import decode_bytes

    declared = _declared_charset(data)
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" not in text:
                return text
    return decode_bytes(data, name)


@lru_cache(maxsize=1)
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_ARTICLE_CHARS))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def html_text(page: str, name: str = "<html>") -> str:
    """The main article text of a web page (see the module docstring); ``""`` for a page
    without text. Raises :class:`~zhipu_ipo.errors.InputError` if the page cannot be parsed."""
    if not page.strip():
        return ""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - trafilatura is a dependency
        raise InputError(f"{name}: reading HTML needs trafilatura ({exc})") from None
    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=True,
                                   deduplicate=False, output_format="txt",
                                   config=_trafilatura_config())
        if not text:
            text = trafilatura.html2txt(page) or ""
    except Exception as exc:  # lxml and trafilatura raise many kinds of errors on broken pages
        raise InputError(f"{name}: cannot parse HTML ({type(exc).__name__})") from None
    return text


# -- Markdown --------------------------------------------------------------------------------

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})[^\n]*")
_HEADING = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_CLOSING_HASHES = re.compile(r"[ \t]#+[ \t]*$")
_RULE = re.compile(r" {0,3}(?:(?:[-*_=][ \t]*){3,}|=+|-+)[ \t]*$")
_QUOTE = re.compile(r" {0,3}(?:>[ \t]?)+")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])")
_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
_LINK_DEF = re.compile(r" {0,3}\[[^\[\]\n]{1,200}\]:[ \t]*\S")
_INLINE = re.compile(
    r"!?\[(?=[^\[\]\n]*\]\([^()\n]*\))"  # opening of a link or image whose target follows
    r"|\]\([^()\n]*\)"  # "](target)"
    r"|<(?:https?://|mailto:)[^<>\s]*>"  # autolink
    r"|</?[A-Za-z][^<>\n]*>|<!--[^<>]*-->"  # HTML tag, comment
    r"|\\[!-/:-@\[-`{-~]"  # backslash escape: the backslash goes, the character stays
    r"|`+|\*+|~~+"  # code spans, emphasis, strike-through
    r"|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])"  # emphasis underscores, not snake_case
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _blank(text: str, start: int = 0, end: int | None = None) -> str:
    """``text`` with ``[start:end]`` turned into spaces."""
    end = len(text) if end is None else end
    return text[:start] + " " * (end - start) + text[end:]


def _blank_matches(pattern: re.Pattern[str], line: str) -> str:
    return pattern.sub(lambda m: " " * (m.end() - m.start()), line)


def _entity(match: re.Match[str]) -> str:
    char = html.unescape(match.group())
    if len(char) != 1 or char == match.group():
        return match.group()
    return char + " " * (match.end() - match.start() - 1)


def _inline_markup(match: re.Match[str]) -> str:
    text = match.group()
    if text[0] == "\\" and len(text) == 2:
        return " " + text[1]
    return " " * len(text)


def _inline(line: str) -> str:
    return _ENTITY.sub(_entity, _INLINE.sub(_inline_markup, line))


def _block(line: str, in_table: bool) -> str:
    """Blank the block markup at the start of one line (outside code fences)."""
    if _RULE.match(line) or _TABLE_RULE.match(line) or _LINK_DEF.match(line):
        return " " * len(line)
    for pattern in (_QUOTE, _HEADING, _LIST):
        m = pattern.match(line)
        if m:
            line = _blank(line, m.start(), m.end())
    if in_table:
        line = line.replace("|", " ")
    return _inline(line)


def markdown_text(md: str) -> str:
    """Markdown with its markup blanked (see the module docstring): same length, same lines."""
    lines = md.split("\n")
    out: list[str] = []
    fence: str | None = None
    table = False
    for i, raw in enumerate(lines):
        line = raw[:-1] if raw.endswith("\r") else raw
        cr = "\r" if raw.endswith("\r") else ""
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
                line = " " * len(line)
            out.append(line + cr)
            continue
        if m:
            fence = m.group(1)
            out.append(" " * len(line) + cr)
            continue
        nxt = lines[i + 1].rstrip("\r") if i + 1 < len(lines) else ""
        if "|" in line and _TABLE_RULE.match(nxt):
            table = True
        elif "|" not in line:
            table = False
        heading = _HEADING.match(line) is not None
        line = _block(line, table)
        if heading:
            closing = _CLOSING_HASHES.search(line)
            if closing:
                line = _blank(line, closing.start(), closing.end())
        out.append(line + cr)
    return "\n".join(out)
