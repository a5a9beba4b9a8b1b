"""Reading article files: encoding detection and expansion of paths into article files.

``read_text(path)`` returns the text of a file written in UTF-8 (with or without BOM), UTF-16 or
UTF-32 with a BOM, GB18030/GBK/GB2312, or Big5 (Big5-HKSCS, CP950). Newlines are returned as
written (``\\r\\n`` stays; :func:`zhipu_ipo.normalization.normalize` folds it), so offsets into the
returned string are offsets into the decoded file.

How the encoding is chosen:

1. A byte-order mark decides (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE).
2. Without a BOM, a NUL byte means a binary file (UTF-16 without BOM is not guessed).
3. Otherwise every candidate (UTF-8, GB18030, Big5-HKSCS, CP950) decodes a sample (up to 256 KiB
   from the first non-ASCII byte) and gets a plausibility score: the share of its non-ASCII
   characters that are frequent Chinese characters (``lexicon/io_frequent_chars.txt``, simplified
   and traditional), with a small credit for other Chinese characters and penalties for unusual
   symbols (kana, Cyrillic, box drawing, private use... typical of mojibake) and for undecodable
   bytes. A right decoding scores about 0.9, GBK read as Big5 or the reverse about 0.1. UTF-8 that
   decodes strictly gets a bonus: random bytes are almost never valid UTF-8.
   Candidates are tried in that order and the first to reach 1.0 (the highest possible
   score, e.g. strict UTF-8 with a plausible sample) is taken without trying the others.
4. The winner decodes the whole file strictly; if a few bytes are broken they become U+FFFD.

A file is refused with :class:`~zhipu_ipo.errors.InputError` (one line naming the file and the
reason) when it is missing, a directory, unreadable, binary (NUL bytes, many control characters) or
mostly undecodable. An empty file gives ``""``.

``iter_article_paths(paths)`` expands files and directories (recursively, ``*.txt``, ``*.md``,
``*.html``, ``*.htm``; hidden files and directories skipped) into a sorted, de-duplicated list;
``scan_article_paths`` does the same but returns the paths it could not expand (missing,
unreadable directories) instead of raising.

``read_article(path)`` is what corpus runs read: an :class:`Article` whose ``text`` is the text
the facts' offsets refer to: the decoded file for plain text, the main article text of a web page
(``.html``/``.htm``) and the Markdown with its markup blanked (``.md``/``.markdown``), see
:mod:`zhipu_ipo.formats`. Special files (FIFOs, devices) and files over :data:`MAX_BYTES` are
refused rather than read.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Union

from zhipu_ipo.errors import InputError
from zhipu_ipo.lexicon import read_rows

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "Article",
    "decode_bytes",
    "iter_article_paths",
    "read_article",
    "read_text",
    "scan_article_paths",
]

PathLike = Union[str, "os.PathLike[str]"]

#: File suffixes taken from a directory (a file named explicitly is taken whatever its suffix).
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Suffixes read as web pages and as Markdown by :func:`read_article` (anything else is text).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Files larger than this are refused by :func:`read_article` (a 50 MB article is fine).
MAX_BYTES = 512 * 1024 * 1024

_CANDIDATES = ("utf-8", "gb18030", "big5hkscs", "cp950")
_SAMPLE = 256 * 1024
_UTF8_BONUS = 0.5
_MIN_SCORE = 0.35  # below this, a non-UTF-8 decoding is not taken for Chinese text
_MIN_SCORE_SHORT = 0.2  # the same for a text with few non-ASCII characters
_MIN_EVIDENCE = 8  # non-ASCII characters needed for the full threshold
_MAX_BROKEN = 0.02  # share of undecodable characters tolerated in the chosen decoding
_MAX_CONTROL = 0.01  # share of control characters tolerated in a text file
_MAX_JUNK = 0.05  # share of private-use / broken characters tolerated in a text file

_HAN_RE = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_FIRST_NON_ASCII = re.compile(rb"[\x80-\xff]")
#: Non-ASCII characters normal in Chinese text besides Chinese characters: Latin-1 signs and
#: pinyin letters, general punctuation, letterlike symbols, arrows/maths, CJK punctuation,
#: full-width forms.
_USUAL_RE = re.compile(
    r"[\u00a0-\u00bf\u00d7\u00f7\u00e0-\u00fc\u0101\u0113\u011b\u012b\u0144\u0148\u014d\u016b"
    r"\u01ce\u01d0\u01d2\u01d4\u01d6\u01d8\u01da\u01dc\u01f9\u1e3f\u2010-\u206f\u2100-\u215f"
    r"\u2190-\u21ff\u2200-\u22ff\u2460-\u24ff\u2500-\u257f\u25a0-\u25ff\u2600-\u26ff"
    r"\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef\ufffd]"
)
#: Control characters that do not belong in text (tab, newlines, form feed and ESC excepted).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: Characters that real text hardly contains: private use, broken sequences, non-characters.
_JUNK_RE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff\ufffd\ufffe\uffff]")


_HAN_RUN_RE = re.compile(_HAN_RE.pattern + "+")


@lru_cache(maxsize=1)
def _frequent_re() -> re.Pattern[str]:
    chars = "".join("".join(row) for row in read_rows("io_frequent_chars.txt"))
    return re.compile("[" + "".join(sorted(set(chars))) + "]")


@lru_cache(maxsize=1)
def _frequent_run_re() -> re.Pattern[str]:
    return re.compile(_frequent_re().pattern + "+")


def _count_runs(pattern: re.Pattern[str], text: str) -> int:
    """Characters of ``text`` in the class ``pattern`` (a ``[...]+`` regex): summing the lengths
    of runs allocates far fewer strings than ``findall`` of single characters."""
    return sum(map(len, pattern.findall(text)))


def _score(text: str, broken: int) -> tuple[float, int]:
    """Plausibility of a decoding as Chinese text, and the number of characters it rests on."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    han = _count_runs(_HAN_RUN_RE, text)
    frequent = _count_runs(_frequent_run_re(), text)
    usual = len(_USUAL_RE.findall(text))
    odd = max(non_ascii - han - usual, 0)
    evidence = non_ascii + broken
    if evidence == 0:
        return 0.0, 0
    score = (frequent + 0.25 * (han - frequent) + 0.25 * usual - odd - 2 * broken) / evidence
    return score, evidence


def _decode_sample(data: bytes, encoding: str, final: bool) -> tuple[str, int, bool]:
    """Decode ``data`` leniently; return text, number of broken sequences, strictly valid?"""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(data, final=final)
    broken = text.count("\ufffd")
    if encoding == "utf-8" and broken:
        broken -= data.count(b"\xef\xbf\xbd")  # replacement characters written in the file
    return text, broken, broken == 0


def _decode_full(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, errors="replace")
    broken = text.count("\ufffd") - (data.count(b"\xef\xbf\xbd") if encoding == "utf-8" else 0)
    if broken > max(_MAX_BROKEN * len(text), 2):
        raise InputError(f"{name}: cannot decode as {encoding}: {broken} broken byte sequences")
    return text


def _check_text(text: str, name: str, encoding: str) -> str:
    """Refuse decoded text that still looks binary: control characters, private-use characters."""
    sample = text[:_SAMPLE]
    controls = len(_CONTROL_RE.findall(sample))
    if controls > _MAX_CONTROL * len(sample):
        raise InputError(
            f"{name}: binary file ({controls} control characters when read as {encoding})"
        )
    junk = len(_JUNK_RE.findall(sample))
    if junk > _MAX_JUNK * len(sample):
        raise InputError(
            f"{name}: binary file ({junk} private-use or broken characters when read as {encoding})"
        )
    return text


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode the bytes of an article file (see the module docstring); ``name`` is for messages."""
    if not data:
        return ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _check_text(_decode_full(data[len(bom):], encoding, name), name, encoding)
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (NUL bytes, no UTF-16 byte-order mark)")
    first = _FIRST_NON_ASCII.search(data)
    if first is None:
        return _check_text(data.decode("ascii"), name, "ascii")
    start = first.start()
    sample = data[start : start + _SAMPLE]
    final = start + _SAMPLE >= len(data)
    best = None
    for encoding in _CANDIDATES:
        text, broken, strict = _decode_sample(sample, encoding, final)
        score, evidence = _score(text, broken)
        if encoding == "utf-8" and strict:
            score += _UTF8_BONUS
        if best is None or score > best[0]:
            best = (score, evidence, encoding, strict)
        if score >= 1.0:
            break  # no decoding scores above 1.0 and the first of equals wins: this one wins
    score, evidence, encoding, strict = best
    if encoding != "utf-8" or not strict:
        if score < (_MIN_SCORE if evidence >= _MIN_EVIDENCE else _MIN_SCORE_SHORT):
            raise InputError(
                f"{name}: not a text file (no plausible encoding among UTF-8, GB18030, Big5)"
            )
    return _check_text(_decode_full(data, encoding, name), name, encoding)


def _read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file; special files (FIFO, device, socket) are refused because
    reading them can block forever or never end."""
    name = str(path)
    try:
        info = os.stat(path)  # before open(): opening a FIFO blocks until someone writes to it
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(f"{name}: too large ({info.st_size} bytes, at most {max_bytes})")
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(f"{name}: cannot read ({reason})") from None


def read_text(path: PathLike) -> str:
    """The text of an article file, decoded as described in the module docstring.

    Raises :class:`~zhipu_ipo.errors.InputError` for a missing path, a directory, an unreadable
    or binary file, or bytes that decode in no supported encoding.
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    return decode_bytes(_read_bytes(p), str(p))


@dataclass(frozen=True)
class Article:
    """One article file as corpus runs read it.

    ``text`` is what the facts' ``start``/``end``/``quote`` refer to; ``format`` is ``"text"``,
    ``"html"`` or ``"markdown"``; ``doc`` (the file stem) is the document id of its facts.
    """

    path: Path
    text: str
    format: str = "text"

    @property
    def doc(self) -> str:
        return self.path.stem


def article_format(path: PathLike) -> str:
    """``"html"``, ``"markdown"`` or ``"text"``, from the file suffix (case-insensitive)."""
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def read_article(path: PathLike, max_bytes: int | None = MAX_BYTES) -> Article:
    """Read one article file (plain text, web page or Markdown) into an :class:`Article`.

    Raises :class:`~zhipu_ipo.errors.InputError` (one line naming the file) when the file is
    missing, a directory or special file, unreadable, larger than ``max_bytes``, binary, or a
    page that cannot be parsed.
    """
    from . import formats

    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    data = _read_bytes(p, max_bytes)
    kind = article_format(p)
    if kind == "html":
        return Article(p, formats.html_text(formats.decode_html(data, str(p)), str(p)), kind)
    text = decode_bytes(data, str(p))
    if kind == "markdown":
        text = formats.markdown_text(text)
    return Article(p, text, kind)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def scan_article_paths(
    paths: Union[PathLike, Iterable[PathLike]],
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and directories into article files, like :func:`iter_article_paths`, and
    also return ``(path, reason)`` for every argument or sub-directory that could not be
    expanded (missing, permission denied) instead of raising."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    failures: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def take(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    def walk_error(err: OSError) -> None:
        reason = "permission denied" if isinstance(err, PermissionError) else (
            f"cannot list ({err.strerror or err.__class__.__name__})")
        failures.append((str(err.filename), reason))

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p, onerror=walk_error):
                dirs[:] = [d for d in dirs if not _is_hidden(d)]
                for f in files:
                    if not _is_hidden(f) and f.lower().endswith(ARTICLE_SUFFIXES):
                        found.append(Path(root) / f)
            for f in sorted(found, key=lambda q: q.relative_to(p).parts):
                take(f)
        elif p.exists():
            take(p)
        else:
            failures.append((str(p), "no such file or directory"))
    return out, failures


def iter_article_paths(paths: Union[PathLike, Iterable[PathLike]]) -> list[Path]:
    """Expand files and directories into article files.

    Files are taken as given; directories are searched recursively for ``*.txt``, ``*.md``,
    ``*.html`` and ``*.htm`` (case-insensitive; hidden files and directories skipped), each
    directory's files sorted by their path relative to it. The arguments keep their order and a
    file met twice is listed once. A missing path or a directory that cannot be listed raises
    :class:`~zhipu_ipo.errors.InputError`.
    """
    found, failures = scan_article_paths(paths)
    if failures:
        path, reason = failures[0]
        raise InputError(f"{path}: {reason}")
    return found
