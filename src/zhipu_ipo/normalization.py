"""Clean, simplified text with an exact offset map back to what was written.

``normalize(text)`` returns a :class:`Normalized`: ``.text`` is what the extractors read,
``.original`` is the input, and ``.to_original(i)`` / ``.span_to_original(start, end)`` map any
offset of ``.text`` back to ``.original`` so that every fact can quote the characters that were
really written. The steps, in order (every one recorded in the offset map):

1. **Web debris is deleted**: ``{{aisd}}``-style template tags (at most 64 characters between the
   braces, on one line), ``![]()`` / ``![alt](url)`` image stubs, zero-width and other format
   characters (U+200B..U+200F, U+2060.., U+FEFF, soft hyphen, bidi marks), lone surrogates and
   control characters other than ``\\n`` and ``\\t``. ``\\r\\n`` becomes ``\\n``; a lone ``\\r``,
   ``\\v``, ``\\f``, U+001C..U+001E, U+0085, U+2028 and U+2029 become ``\\n`` (they end lines).
2. **Pinyin glosses are deleted**: a parenthesised single toned syllable (ASCII or full-width
   parentheses) right after a Chinese character, ``場(chǎng)`` -> ``場``; the mojibake form where
   the character and ``(`` were lost, ``?jīng)`` (``?``, ``？`` or U+FFFD, a toned syllable, ``)``),
   is deleted too, and nothing after it. A run of ``?``/U+FFFD between two Chinese characters is
   deleted when it holds a U+FFFD or is at least three long (characters lost in transcoding); a
   single ``?`` or ``？`` is a real question mark and stays. Untoned syllables (``們(men)``) are
   not recognised: the parenthesis could be a real abbreviation.
3. **Traditional -> simplified** with OpenCC ``t2s`` followed by a few regional variant characters
   from ``lexicon/normalize_variants.tsv``. Why this config: ``t2s`` converts the OpenCC standard
   forms, which is what Taiwan writes and nearly all of Hong Kong (爲 裏 綫 釐定 於 -> 为 里 线 厘定
   于; 着 stays 着), and it passes simplified text through unchanged. ``hk2s`` differs from it only
   on seven HK variant characters (衞 敍 枱 粧 糭 衹 潀, measured on OpenCC 1.4.2 over all
   dictionary characters) and is half as fast (mmseg segmentation, two dictionary passes), so those
   characters are mapped from the table instead. ``tw2s`` is unsafe on mixed input: it turns
   already simplified 么 into 幺 and 显著 into 显着. The phrase-localising configs (``tw2sp``,
   ``hk2sp``) are not used because they rewrite vocabulary (e.g. 軟體 -> 软件), which can shift
   meaning and would not map character for character. OpenCC's dictionaries map phrases to phrases
   of the same length today; should a conversion change the length of a line, that line is aligned
   character by character (a converted character to its source character, a differently converted
   phrase to its first source character).
   (Two changes that cancel out within one line would go unnoticed; no dictionary has either.)
   ``昇`` is kept: simplified text writes it in names (昇腾, 昇泰), where ``t2s`` would make it 升.
4. **Width folding**: full-width ASCII U+FF01..U+FF5E -> ASCII, U+3000, NBSP and the other
   fixed-width spaces -> ``" "``. Chinese punctuation outside that block (。、“”【】《》) is kept.
5. **Dashes and tildes in numeric ranges become ``-``**: a run of up to three of
   ``‐ ‑ ‒ – — ― − ~ 〜 ﹘ ﹣ ⁓`` between a digit (or ``%``) and a digit is *collapsed* into one
   ``-`` (``2022——2024`` -> ``2022-2024``; the ``-`` maps to the first dash). A single dash between
   年/月/日 and a digit (``2022年—2024年``) and a single minus-like dash (``− ‐ ‑ ‒ – ﹣``) before a
   digit after a non-digit (``−0.4%``) also become ``-``. Em-dash punctuation (``——贵、难、远``) stays.
6. **Spaces inside numbers are deleted**: blanks (space, tab, NBSP, U+3000...; never a newline)
   between a digit and a Chinese character or ``%``, or between a Chinese character and a digit
   (``5740 万元``, ``50 %``, ``達 2.69``), when the blank is a single one (a run of blanks aligns
   the columns of a text table). Two digit groups are never joined (``2023 2024`` stays). A single
   blank between a Latin letter and a Chinese character goes too (``AI 原生产品``, ``海螺 AI``:
   copy that spaces Latin words off), so cue words and line names read as written unspaced.
7. **Placeholder brackets around a pure number are deleted**: ``【3741.95】万股`` -> ``3741.95万股``;
   ASCII ``[116.20]`` only when a unit from ``lexicon/normalize_units.tsv`` follows directly, so
   footnote marks such as ``[1] -`` stay.

Offsets are kept as a sorted list of breakpoints (a piecewise-linear map, since nearly all text maps
one to one) searched with :mod:`bisect`; a text with no edits has a single breakpoint. Every regular
expression is linear on hostile input: no nested or overlapping quantifiers, bounded repetitions,
scans whose patterns start with one character class, and context checked by fixed-width
look-behinds. Long texts are processed in blocks of about a million characters cut after a newline
(or after ``。，、；：“”``, which no rule looks across), so memory stays proportional to the text.
``normalize`` never raises on a ``str``.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, index
from typing import Any, Optional

from zhipu_ipo.lexicon import read_rows

__all__ = ["Normalized", "normalize", "simplify"]

# ---------------------------------------------------------------------------------------------
# Character classes (bodies of regex classes, written with regex escapes)

#: Chinese characters (CJK unified ideographs, extension A, compatibility, extensions B.., 〇).
_HAN = r"\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: One pinyin syllable carrying a tone mark (at most 4 letters before, 3 after the toned vowel).
_SYLLABLE = f"[a-zü]{{0,4}}[{_TONED}][a-zü]{{0,3}}"
#: Characters deleted wherever they stand (controls except \t \n and the line breakers, format
#: characters, lone surrogates, non-characters).
_CONTROL = (
    r"\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
)
_QUESTION = r"?？\ufffd"
#: blanks folded inside numbers (not the tab: it separates the cells of a copied table)
_BLANK = r" \u00a0\u2000-\u200a\u202f\u205f\u3000"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212~\u301c\ufe58\ufe63\u2053"
_MINUS_LIKE = frozenset("\u2010\u2011\u2012\u2013\u2212\ufe63")
_DIGITS = frozenset("0123456789")
_DATE_UNITS = frozenset("年月日")
_NUMBER = r"[0-9][0-9,]{0,30}(?:\.[0-9]{1,12})?"

# ---------------------------------------------------------------------------------------------
# Patterns. Each one starts with a single character class (so the scan is a fast class search)
# and decides by fixed-width look-behind which rule applies.

#: Debris and glosses (steps 1-2), as one capturing group so that ``split`` keeps the text between.
_PASS_A = re.compile(
    r"([{!\r(（" + _QUESTION + _CONTROL + r"]"
    r"(?:(?<=\{)\{[^{}\n]{0,64}\}\}"  # {{aisd}}
    r"|(?<=!)\[[^\[\]\n]{0,256}\]\([^()\n]{0,2048}\)"  # ![alt](url)
    r"|(?<=\r)(?=\n)"  # \r of \r\n
    r"|(?<=[" + _CONTROL + r"])[" + _CONTROL + r"]*"  # control / format run
    r"|(?<=[(（])(?<=[" + _HAN + _QUESTION + r"].)" + _SYLLABLE + r"[)）]"  # 場(chǎng)
    r"|(?<=[" + _QUESTION + r"])" + _SYLLABLE + r"[)）]"  # ?jīng)
    r"))"
)
#: Runs of question marks / replacement characters between Chinese characters (filtered in code).
_LOST_RUN = re.compile(r"[?\ufffd](?<=[" + _HAN + r"].)[?\ufffd]*(?=[" + _HAN + r"])")


@lru_cache(maxsize=1)
def _pass_b_re() -> re.Pattern[str]:
    """Steps 5-7 in one scan: dash runs (judged in code), blanks inside numbers, brackets."""
    units = "".join(row[0] for row in read_rows("normalize_units.tsv") if row and row[0])
    dash = re.escape(_DASHES)
    return re.compile(
        "[" + dash + _BLANK + r"【\[]"
        r"(?:(?<=[" + dash + r"])[" + dash + r"]*"  # a dash run
        # (one blank only: a run of blanks aligns the columns of a text table, 收入   7.92   12.86)
        r"|(?<=[0-9][" + _BLANK + r"])(?=[" + _HAN + r"%])"  # 5740 万元
        r"|(?<=[" + _HAN + r"][" + _BLANK + r"])(?=[0-9])"  # 達 2.69
        r"|(?<=[A-Za-z][" + _BLANK + r"])(?=[" + _HAN + r"])"  # AI 原生产品 (spaced copy)
        r"|(?<=[" + _HAN + r"][" + _BLANK + r"])(?=[A-Za-z])"  # 海螺 AI
        r"|(?<=【)" + _NUMBER + r"】"  # 【3741.95】
        r"|(?<=\[)" + _NUMBER + r"\](?=[" + re.escape(units) + r"])"  # [116.20]港元
        r")"
    )


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Regional variant character -> simplified character (``lexicon/normalize_variants.tsv``)."""
    table = {}
    for row in read_rows("normalize_variants.tsv"):
        if len(row) >= 2 and len(row[0]) == 1 and len(row[1]) == 1:
            table[row[0]] = row[1]
    return table


def _class_of(table: dict[str, str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]")


@lru_cache(maxsize=1)
def _variant_re() -> tuple[re.Pattern[str], dict[str, str]]:
    return _class_of(_variants()), _variants()


@lru_cache(maxsize=1)
def _replacements() -> tuple[re.Pattern[str], dict[str, str]]:
    """All one-to-one replacements after OpenCC: variants, width folding, line breaks."""
    table = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    for c in "\u3000\u00a0\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B))):
        table[c] = " "
    for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        table[c] = "\n"
    table.update(_variants())
    return _class_of(table), table


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _cc_convert(text: str) -> str:
    """OpenCC t2s on one string (kept separate so that tests can substitute it)."""
    return _converter().convert(text)


@lru_cache(maxsize=4096)
def _cc_char(ch: str) -> str:
    return _cc_convert(ch)


def _replace_chars(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    """Apply a one-to-one character table, one ``str.replace`` per distinct character present."""
    m = pattern.search(text)
    while m is not None:
        ch = m.group()
        text = text.replace(ch, table[ch])
        m = pattern.search(text, m.start())
    return text


def simplify(text: str) -> str:
    """Traditional -> simplified as :func:`normalize` converts (OpenCC t2s plus the variant table),
    without any other step and without an offset map (lengths are kept by OpenCC's dictionaries)."""
    if text.isascii():
        return text
    return _replace_chars(_cc_convert(text), *_variant_re())


# ---------------------------------------------------------------------------------------------
# Offset maps. A map sends each offset of an output string to an offset of its input string; it
# is stored as two arrays ``outs`` (non-decreasing) and ``ins``: offset ``i`` maps to
# ``ins[k] + i - outs[k]`` with ``k`` the last index whose ``outs[k] <= i``. ``None`` is the
# identity.

_Map = Optional[tuple[array, array]]


def _new_map() -> tuple[array, array]:
    return array("q", [0]), array("q", [0])


def _push(outs: array, ins: array, o: int, i: int) -> None:
    """Append breakpoint ``o -> i`` unless it continues the last segment."""
    last = len(outs) - 1
    if outs[last] == o:
        ins[last] = i
    elif ins[last] - outs[last] != i - o:
        outs.append(o)
        ins.append(i)


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, _Map]:
    """Apply sorted, non-overlapping edits ``(start, end, replacement)``; return text and map."""
    if not edits:
        return text, None
    outs, ins = _new_map()
    pieces: list[str] = []
    pos = opos = 0
    for a, b, rep in edits:
        if a < pos:  # overlapping edit: ignore (callers merge, this is a guard)
            continue
        pieces.append(text[pos:a])
        opos += a - pos
        n, width = len(rep), b - a
        if n != width:
            if n:
                for k in range(n):
                    # (the last of several characters maps to the last one replaced: 二十八 -> 28)
                    _push(outs, ins, opos + k, (b - 1 if 1 < n == k + 1 else a + min(k, width - 1))
                          if width else max(a - 1, 0))
            _push(outs, ins, opos + n, b)
        pieces.append(rep)
        opos += n
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces), (outs, ins)


def _split_map(parts: list[str]) -> tuple[str, _Map]:
    """Text and map of a deletion pass given ``pattern.split`` output (kept, deleted, kept, ...)."""
    if len(parts) == 1:
        return parts[0], None
    kept = parts[0::2]
    kept_end = array("q", accumulate(map(len, kept)))
    all_end = array("q", accumulate(map(len, parts)))
    outs, ins = _new_map()
    outs.extend(kept_end[:-1])
    ins.extend(all_end[1::2])
    return "".join(kept), (outs, ins)


def _compose(f: _Map, g: _Map) -> _Map:
    """The map ``g ∘ f`` (first ``f``: output -> middle, then ``g``: middle -> input)."""
    if f is None:
        return g
    if g is None:
        return f
    f_outs, f_ins = f
    g_outs, g_ins = g
    h_outs, h_ins = _new_map()
    nf, ng = len(f_outs), len(g_outs)
    for k in range(nf):
        o, a = f_outs[k], f_ins[k]
        if k + 1 < nf:
            length = f_outs[k + 1] - o
            if length == 0:
                continue  # superseded by the next breakpoint at the same offset
            hi = bisect_left(g_outs, a + length)
        else:
            hi = ng
        j = bisect_right(g_outs, a) - 1
        _push(h_outs, h_ins, o, g_ins[j] + a - g_outs[j])
        if hi > j + 1:
            h_outs.extend(map(add, g_outs[j + 1 : hi], repeat(o - a)))
            h_ins.extend(g_ins[j + 1 : hi])
    return h_outs, h_ins


# ---------------------------------------------------------------------------------------------
# The passes on one block


def _pass_debris(text: str) -> tuple[str, _Map]:
    """Steps 1-2: delete debris, control characters and pinyin glosses."""
    lost = []
    if "\ufffd" in text or "???" in text:
        for m in _LOST_RUN.finditer(text):
            run = m.group()
            if "\ufffd" in run or len(run) >= 3:
                lost.append(m.span())
    if not lost:
        return _split_map(_PASS_A.split(text))
    spans = sorted([m.span(1) for m in _PASS_A.finditer(text)] + lost)
    edits: list[tuple[int, int, str]] = []
    for a, b in spans:
        if edits and a <= edits[-1][1]:
            if b > edits[-1][1]:
                edits[-1] = (edits[-1][0], b, "")
        else:
            edits.append((a, b, ""))
    return _apply_edits(text, edits)


def _line_lengths(text: str) -> list[int]:
    return list(map(len, text.split("\n")))


#: written Cantonese (Hong Kong TV transcripts, columns) read as Mandarin, one character for one:
#: 去年全年嘅24.6% is 去年全年的24.6%, 虧損收窄咗 is 亏损收窄了
_CANTONESE = str.maketrans("嘅喺咗佢唔冇嚟啲嗰睇", "的在了他不无来些那看")
_CANTONESE_RE = re.compile("[嘅喺咗佢唔冇嚟啲嗰睇]")


def _pass_simplify(text: str) -> tuple[str, _Map]:
    """Step 3: OpenCC, with a per-line alignment should a conversion change the length.

    The conversion is taken position by position when every line keeps its length (always the
    case with OpenCC's current dictionaries); otherwise each line is converted on its own and a
    line that changed length is aligned character by character.
    """
    if text.isascii():
        return text, None
    out = _cc_convert(text)
    if len(out) == len(text) and ("\n" not in text or _line_lengths(out) == _line_lengths(text)):
        if "昇" in text:
            # 昇 is a simplified character too (昇泰, 昇腾): t2s turns it into 升, names lose it
            out = "".join(c if c == "昇" else o for c, o in zip(text, out))
        if _CANTONESE_RE.search(out):
            out = out.translate(_CANTONESE)
        return out, None
    outs, ins = _new_map()
    pieces = []
    ipos = opos = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if number + 1 < len(lines):
            line += "\n"
        conv = _cc_convert(line)
        _push(outs, ins, opos, ipos)
        if len(conv) != len(line):
            _align(line, conv, ipos, opos, outs, ins)
        pieces.append(conv)
        ipos += len(line)
        opos += len(conv)
    _push(outs, ins, opos, ipos)
    out = "".join(pieces)
    if _CANTONESE_RE.search(out):
        out = out.translate(_CANTONESE)
    return out, (outs, ins)


_RESYNC_REACH = 8  # longest phrase change looked at when the alignment loses step
_RESYNC_RUN = 3  # source characters that must agree again after a phrase change


def _align(src: str, dst: str, ipos: int, opos: int, outs: array, ins: array) -> None:
    """Breakpoints for one line whose conversion changed length.

    Each source character normally agrees with the converted text: it is either kept or replaced
    by its conversion alone (possibly longer, shorter or empty); those converted characters map to
    it. Where a phrase was converted differently, the nearest resynchronisation is searched (the
    smallest ``a + b``, each at most 8, after which 3 source characters agree again; failing that,
    the one after which most agree, both strings ending counting as one) and the ``b`` converted
    characters map to the ``a`` source characters from the first one.
    Linear in the length of the line.
    """
    ns, nd = len(src), len(dst)

    def step(si: int, dj: int) -> int:
        """Converted characters that source character ``si`` accounts for at ``dj`` (-1: none)."""
        ch = src[si]
        if dj < nd and dst[dj] == ch:
            return 1
        conv = _cc_char(ch)
        return len(conv) if dst.startswith(conv, dj) else -1

    def agreement(si: int, dj: int) -> int:
        """How many source characters from ``si`` agree from ``dj`` (both ending counts as one)."""
        for count in range(_RESYNC_RUN):
            if si == ns:
                return count + 1 if dj == nd else count
            width = step(si, dj)
            if width < 0:
                return count
            si, dj = si + 1, dj + width
        return _RESYNC_RUN

    def resync(i: int, j: int) -> tuple[int, int]:
        best, best_at = 0, (ns - i, nd - j)  # nothing agrees within reach: the rest to the rest
        for total in range(1, 2 * _RESYNC_REACH + 1):
            for a in range(max(0, total - _RESYNC_REACH), min(_RESYNC_REACH, total) + 1):
                b = total - a
                if i + a > ns or j + b > nd:
                    continue
                score = agreement(i + a, j + b)
                if score == _RESYNC_RUN:
                    return a, b
                if score > best:
                    best, best_at = score, (a, b)
        return best_at

    i = j = 0
    while i < ns:
        width = step(i, j)
        if width >= 0:
            for k in range(width):
                _push(outs, ins, opos + j + k, ipos + i)
            i, j = i + 1, j + width
            continue
        a, b = resync(i, j)
        for k in range(b):
            _push(outs, ins, opos + j + k, ipos + i + min(k, max(a - 1, 0)))
        i, j = i + a, j + b
    for k in range(j, nd):
        _push(outs, ins, opos + k, ipos + ns - 1)
    _push(outs, ins, opos + nd, ipos + ns)


#: Chinese numerals; periods.py reads its years and months with the same table and functions
CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def small_int(s: str) -> Optional[int]:
    """1..99 written with ASCII digits or Chinese numerals (三, 十, 十二, 二十五, 两); None if not."""
    if s.isascii() and s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = 1 if head == "" else CN_DIGIT.get(head) if len(head) == 1 else None
        ones = 0 if tail == "" else CN_DIGIT.get(tail) if len(tail) == 1 else None
        if not tens or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1:
        return CN_DIGIT.get(s) or None
    return None


def cn_year(s: str) -> int:
    """二〇二五 -> 2025."""
    return int("".join(str(CN_DIGIT[c]) for c in s))
#: a date written in Chinese numerals as filings do: 二零二六年(六月(三十日))
_CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年"
                      r"(?:(十[一二]?|[一二三四五六七八九])月"
                      r"(?:(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日)?)?")


#: a month and day in Chinese numerals without a year, as said aloud: 一月八号, 十二月三十一日
_CN_DAY = re.compile(r"(十[一二]?|[一二三四五六七八九])月"
                     r"(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?=[号日])")
_NOT_BEFORE_DAY = set("〇零一二三四五六七八九十年")
_MONTH_LAST = set("一二三四五六七八九十")
#: spoken amounts: 七点二四个亿 (个 before 亿/万), 四百零二块六 (块 and a tenth); each pattern starts
#: with its literal character, and the numeral before it is tested in code (a look-behind first
#: would be tried at every position of the text)
_NUMERAL_BEFORE = set("0123456789零〇一二两三四五六七八九十百千")
_SPOKEN_GE = re.compile(r"个(?=多?[亿万])")
_SPOKEN_KUAI = re.compile(r"块([一二三四五六七八九])(?![零〇一二两三四五六七八九十百千万亿0-9毛角钱分])")
#: Cantonese dollars and ten-cent pieces: 十八蚊六毫八 (18.68), 9蚊1毫2 (9.12), 二十五蚊四 (25.4)
_SPOKEN_MAN = re.compile(r"蚊([一二三四五六七八九1-9])(毫)?([一二三四五六七八九1-9])?"
                         r"(?![零〇一二两三四五六七八九十百千万亿0-9毫])")
_CN_DIGIT = dict(zip("一二三四五六七八九", "123456789"))


def _spoken_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits writing spoken amounts and days the way print does: 七点二四个亿 -> 七点二四亿,
    四百零二块六 -> 四百零二点六元, 一月八号 -> 1月8号."""
    edits: list[tuple[int, int, str]] = []
    if "个" in text:
        edits += [(m.start(), m.end(), "") for m in _SPOKEN_GE.finditer(text)
                  if m.start() and text[m.start() - 1] in _NUMERAL_BEFORE]
    if "块" in text:
        for m in _SPOKEN_KUAI.finditer(text):
            if m.start() and text[m.start() - 1] in _NUMERAL_BEFORE:
                edits.append((m.start(), m.start() + 1, "点"))
                edits.append((m.end(), m.end(), "元"))
    if "蚊" in text:
        for m in _SPOKEN_MAN.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            if before not in _NUMERAL_BEFORE or (m.group(3) and not m.group(2)):
                continue        # (蚊四五: not a price said aloud)
            arabic = before.isdigit()
            edits.append((m.start(), m.start() + 1, "." if arabic else "点"))
            for g in (1, 3):
                if m.group(g) and arabic != m.group(g).isdigit():
                    digit = _CN_DIGIT.get(m.group(g), m.group(g)) if arabic else "一二三四五六七八九"[int(m.group(g)) - 1]
                    edits.append((m.start(g), m.end(g), digit))
            if m.group(2):
                edits.append((m.start(2), m.end(2), ""))
            edits.append((m.end(), m.end(), "蚊"))
    i = text.find("月")
    while i != -1:
        # (a month in Chinese numerals ends at this 月: 八月 or 十二月)
        if i and text[i - 1] in _MONTH_LAST:
            start = i - 2 if i > 1 and text[i - 2] == "十" else i - 1
            m = _CN_DAY.match(text, start)
            if m is not None and not (m.start() and text[m.start() - 1] in _NOT_BEFORE_DAY):
                edits.append((m.start(1), m.end(1), str(small_int(m.group(1)))))
                edits.append((m.start(2), m.end(2), str(small_int(m.group(2)))))
        i = text.find("月", i + 1)
    return edits




def _cn_date_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits writing the Chinese-numeral dates of filings in digits (二零二六年四月二十八日 ->
    2026年4月28日); a year always holds 〇 (○) or 零, so text without them costs one scan."""
    edits: list[tuple[int, int, str]] = []
    done = 0
    for zero in ("〇", "○", "零"):       # (○: Hong Kong papers write 二○二三年 with a circle)
        i = text.find(zero)
        while i != -1:
            # (the year's four numerals hold this 〇/零 in one of their places)
            for start in range(max(done, i - 3), i + 1):
                m = _CN_DATE.match(text, start)
                if m is not None:
                    for g in (1, 2, 3):
                        if m.group(g):
                            digits = str(cn_year(m.group(g)) if g == 1 else small_int(m.group(g)))
                            edits.append((m.start(g), m.end(g), digits))
                    done = m.end()
                    break
            i = text.find(zero, max(i + 1, done))
    return sorted(set(edits))


_LINE = re.compile(r"[^\n]*\n")
#: a line that ends where a sentence may end (or a table row, a heading mark)
_LINE_END_OK = "。！？!?：:；;…」』”\"）)】]|"
_LINE_START_NO = "#|-*•·>【[（(▍▶►■●◆"
_GOES_ON = "至为达的和及与、，,在于从由较比"


def _wrap_candidates(text: str) -> bool:
    """Three line breaks or more inside a sentence (a character that ends nothing before the
    break, one that goes on after it): the cheap test before measuring lines."""
    found, i, n = 0, text.find("\n"), len(text)
    while i != -1 and found < 3:
        if 0 < i < n - 1:
            a, b = text[i - 1], text[i + 1]
            if a not in _LINE_END_OK and not a.isspace() and b not in _LINE_START_NO and not b.isspace():
                found += 1
        i = text.find("\n", i + 1)
    return found >= 3
_UNIT_START = "亿万千百元%倍股港美"


def _width(line: str) -> int:
    """Display width: two for a Chinese character, one for a Latin one (counted in C)."""
    return 2 * len(line) - len(line.encode("latin-1", "ignore"))


def _reflow_edits(text: str) -> list[tuple[int, int, str]]:
    """Newlines that only wrap a line (text taken from a PDF: ``全年研发投入34.86\n亿元``), to
    delete: a line as wide as the widest lines of the text, not ending a sentence, followed by a
    line that goes on with the sentence. A text needs three such lines before any is joined, so
    prose with one paragraph per line is left as it is."""
    if text.count("\n") < 6 or not _wrap_candidates(text):
        return []       # (most texts: every line ends a sentence or a heading)
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    widths = sorted(_width(text[a:b - 1]) for a, b in lines if b - a > 10)
    if len(widths) < 5:
        return []
    full = widths[int(len(widths) * 0.9)] * 0.85
    if full < 40:
        return []
    cuts, wide = [], 0
    for (a, b), (c, _) in zip(lines, lines[1:]):
        last, nxt = text[b - 2] if b - 2 >= a else "", text[c] if c < len(text) else ""
        if not last or last in _LINE_END_OK or last.isspace() or not nxt or nxt in _LINE_START_NO \
                or nxt.isspace() or "  " in text[a:b]:
            continue
        width = _width(text[a:b - 1])
        if width >= full:
            wide += 1
            cuts.append((b - 1, b, ""))
        elif (width >= full / 3 and last in _GOES_ON) or (last.isdigit() and nxt in _UNIT_START):
            cuts.append((b - 1, b, ""))     # 截至\n2025年…, 34.86\n亿元: a sentence cut short
    return cuts if wide >= 3 else []


def _pass_numbers(text: str) -> tuple[str, _Map]:
    """Steps 5-7: range dashes, blanks inside numbers, placeholder brackets; Chinese-numeral
    dates of filings in digits."""
    edits: list[tuple[int, int, str]] = []
    n = len(text)
    for m in _pass_b_re().finditer(text):
        a, b = m.span()
        first = text[a]
        if first == "【" or first == "[":
            edits.append((a, a + 1, ""))
            edits.append((b - 1, b, ""))
        elif first in _DASHES:
            if b >= n or text[b] not in _DIGITS:
                continue
            prev = text[a - 1] if a else ""
            if prev in _DIGITS or prev == "%":
                if b - a <= 3:
                    edits.append((a, b, "-"))
            elif b - a == 1 and (prev in _DATE_UNITS or first in _MINUS_LIKE):
                edits.append((a, b, "-"))
        else:
            edits.append((a, b, ""))
    extra = _cn_date_edits(text) + _reflow_edits(text) + _spoken_edits(text)
    if extra:
        edits = sorted(edits + extra)
    return _apply_edits(text, edits)


def _normalize_block(text: str) -> tuple[str, _Map]:
    s1, debris_map = _pass_debris(text)
    s2, cc_map = _pass_simplify(s1)
    s3 = _replace_chars(s2, *_replacements())
    s4, number_map = _pass_numbers(s3)
    return s4, _compose(_compose(number_map, cc_map), debris_map)


_BLOCK = 1 << 20
_SAFE_CUTS = "。，、；：“”"
_HAN_CHAR = re.compile("[" + _HAN + "]")


def _blocks(text: str, size: int = _BLOCK) -> list[tuple[int, int]]:
    """Cut ``text`` into blocks of at most ``size`` characters where no rule looks across.

    A cut goes after the last newline of the second half of the window, else after the last of
    ``。，、；：“”``, else between two Chinese characters (no regular-expression rule spans that;
    only an OpenCC phrase could), else at the window's end.
    """
    bounds = []
    start, n = 0, len(text)
    while n - start > size:
        lo, hi = start + size // 2, start + size
        cut = text.rfind("\n", lo, hi)
        if cut < 0:
            cut = max(text.rfind(c, lo, hi) for c in _SAFE_CUTS)
        cut = _hard_cut(text, lo, hi) if cut < 0 else cut + 1
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _hard_cut(text: str, lo: int, hi: int) -> int:
    for cut in range(hi, max(lo, hi - 256), -1):
        if _HAN_CHAR.match(text, cut - 1) and _HAN_CHAR.match(text, cut):
            return cut
    return hi


# ---------------------------------------------------------------------------------------------


class Normalized:
    """A normalized text and the map of its offsets back to the original.

    ``original`` is the input, ``text`` the normalized string. ``to_original(i)`` maps an offset
    ``0 <= i <= len(text)`` to the offset in ``original`` where ``text[i]`` was written
    (``to_original(len(text)) == len(original)``); the map is monotone non-decreasing.
    """

    __slots__ = ("original", "text", "_outs", "_ins")

    def __init__(self, original: str, text: str, outs: array, ins: array) -> None:
        self.original = original
        self.text = text
        self._outs = outs
        self._ins = ins

    def to_original(self, i: int) -> int:
        """The offset in ``original`` of the character at offset ``i`` of ``text``."""
        i = index(i)
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside the normalized text (0..{len(self.text)})")
        k = bisect_right(self._outs, i) - 1
        return self._ins[k] + i - self._outs[k]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` where ``text[start:end]`` was written.

        The start maps through its first character and the end through its last character
        (``to_original(end - 1) + 1``), so deleted debris or spaces around the span are left out
        while those inside are kept. An empty span maps to an empty span at ``to_original(start)``.
        """
        start, end = index(start), index(end)
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(
                f"span {start}:{end} outside the normalized text (0..{len(self.text)})"
            )
        ostart = self.to_original(start)
        if end == start:
            return ostart, ostart
        return ostart, max(self.to_original(end - 1) + 1, ostart)

    @property
    def identity(self) -> bool:
        """True when every offset maps to itself (nothing was inserted or deleted)."""
        return len(self._outs) == 1 and self._ins[0] == 0 and len(self.text) == len(self.original)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        preview = self.text[:40] + ("…" if len(self.text) > 40 else "")
        return (
            f"Normalized(text={preview!r}, len={len(self.text)}, "
            f"original_len={len(self.original)}, breakpoints={len(self._outs)})"
        )


def normalize(text: str) -> Normalized:
    """Normalize ``text`` (see the module docstring) and keep the offset map to it."""
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, not {type(text).__name__}")
    outs, ins = _new_map()
    pieces = []
    opos = 0
    for start, end in _blocks(text, _BLOCK):
        out, block_map = _normalize_block(text[start:end])
        _push(outs, ins, opos, start)
        if block_map is not None:
            b_outs, b_ins = block_map
            _push(outs, ins, opos + b_outs[0], start + b_ins[0])
            outs.extend(map(add, b_outs[1:], repeat(opos)))
            ins.extend(map(add, b_ins[1:], repeat(start)))
        pieces.append(out)
        opos += len(out)
    return Normalized(text, "".join(pieces) if len(pieces) != 1 else pieces[0], outs, ins)
