"""Amounts in Chinese financial text: find them, parse them, write them back.

An *amount* is a number as a reader would quote it: its value in base units (yuan, not
亿元; shares, not 万股; 54.6 for 54.6%), its unit, the qualifier around it (约, 超过,
以上, 余 …), and where it was written. Three functions:

* :func:`find_amounts` scans already-normalized text (simplified script, ASCII digits, see
  :mod:`zhipu_ipo.normalization`) and returns every amount, in order and non-overlapping.
* :func:`parse_amount` normalizes a user string and returns its first amount.
* :func:`format_amount` writes a value back in Chinese (``124500000, 'CNY'`` -> ``1.245亿元``).

Values are :class:`~decimal.Decimal` built from the digit string and scaled by powers of
ten, never through float: ``1.245亿`` is exactly ``Decimal(124500000)``.

How the scanner works (linear time on any input): one compiled pattern finds the numeric
*cores* (Arabic numbers with optional thousands separators and decimals, or runs of Chinese
numerals such as 两千三百万, 三点五亿, 六分之一). Around each core, short anchored patterns
of bounded length read the words after it (scale, 余/多, unit, 每股, H股, 以上/左右) and the
words before it (qualifier, 每股, currency, sign; matched on the reversed text so that the
look-back is a single anchored match). A dash or 至/到/~ between two cores makes a range.
Cores longer than 20 integer digits (or 24 Chinese characters) are skipped whole.

Speed (the scanner runs over every article): the core pattern is compiled so that ``re``
skips in C to the next digit or numeral (see :func:`_skipping`); the word lists are
trie-shaped alternations; every anchored pattern is preceded by a one-character test that
decides when it cannot match (most cores have no prefix, no range, no qualifier after); and
results are built without re-validating known-good fields. These are pure speed-ups: the
outputs are those of the straightforward version, which ``tests/test_scanner_equivalence.py``
checks against outputs recorded from it.

What is *not* an amount: numbers in dates and durations (2024年, 1月8日, 24小时; the
periods module reads those), ordinals (第3), identifiers glued to Latin letters (GLM-4.5,
18C, 7nm, Q2), tickers (02513.HK, (00700), HK:02533), indefinite numbers (数百万, 几千万,
上万, 十几亿), and Chinese numerals without a unit or a 万/亿 scale (一度, 十大, 两会, 百度).
Bare Arabic numbers (``2513``) are returned with ``unit=None`` so the caller may use them.

Vocabulary lives in ``lexicon/units.tsv`` and ``lexicon/qualifiers.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from . import lexicon
from .errors import ParseError

__all__ = ["Amount", "find_amounts", "parse_amount", "format_amount", "CURRENCY_WORDS"]

#: Integer digits beyond which a digit run is not an amount (it is skipped whole).
MAX_INT_DIGITS = 20
#: Decimal digits beyond which a number is not an amount.
MAX_FRAC_DIGITS = 30
#: Longest run of Chinese numerals read as one number.
MAX_CN_RUN = 24

# Every value has at most MAX_INT_DIGITS + MAX_FRAC_DIGITS digits and is scaled by at most
# 10**28, so 80 digits of precision make every operation below exact.
_EXACT = Context(prec=80)
# Fractions (三分之一) are not finite decimals: 28 significant digits, as documented.
_FRACTION = Context(prec=28)

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]

#: The Chinese word written after a value of each currency by :func:`format_amount`.
CURRENCY_WORDS: dict[str, str] = {
    "CNY": "元", "HKD": "港元", "USD": "美元", "EUR": "欧元", "JPY": "日元", "GBP": "英镑",
}


class Amount(BaseModel):
    """One amount as written in a text.

    ``value`` is in base units; for a range it is the low end and ``low``/``high`` hold both
    ends. ``unit`` is a currency code (``CNY`` ``HKD`` ``USD`` ``EUR`` ``JPY`` ``GBP`` ``TWD`` ``SGD`` ``MOP`` ``AUD``),
    ``percent``, ``times``, ``shares``, ``count`` or ``None`` for a bare number.
    ``start``/``end`` delimit ``text`` (qualifiers, currency signs, 每股 and a trailing
    ``H股``/``A股`` included) in the scanned string; ``num_start``/``num_end`` delimit the
    numeric core (digits or Chinese numerals, without scale words written after Arabic
    digits), for provenance.
    """

    model_config = ConfigDict(frozen=True)

    value: Decimal
    unit: Optional[str] = None
    qualifier: Qualifier = "exact"
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None
    per_share: bool = False
    counter: Optional[str] = None
    scaled: bool = False
    points: bool = False
    qualifier_text: Optional[str] = None
    text: str = ""
    start: int = 0
    end: int = 0
    num_start: int = 0
    num_end: int = 0

    def _unit_label(self) -> str:
        if self.unit is None:
            return "-"
        label = self.unit
        if self.points:
            label = "percent points"
        if self.per_share:
            label += "/share"
        if self.counter and self.unit == "count":
            label += f"({self.counter})"
        return label

    def __str__(self) -> str:
        value = f"{self.low}..{self.high}" if self.qualifier == "range" else str(self.value)
        return f"<Amount {value} {self._unit_label()} {self.qualifier} {self.text!r}>"

    __repr__ = __str__


_AMOUNT_FIELDS = tuple(Amount.model_fields)


def _amount_validated(*values) -> Amount:
    return Amount(**dict(zip(_AMOUNT_FIELDS, values)))


def _amount_direct(value, unit, qualifier, low, high, per_share, counter, scaled, points,
                   qualifier_text, text, start, end, num_start, num_end) -> Amount:
    """An Amount from known-good values (all fields, in declaration order), without running
    the validators: what ``Amount(...)`` builds, about four times faster."""
    amount = _new_object(Amount)
    _set_attr(amount, "__dict__", {
        "value": value, "unit": unit, "qualifier": qualifier, "low": low, "high": high,
        "per_share": per_share, "counter": counter, "scaled": scaled, "points": points,
        "qualifier_text": qualifier_text, "text": text, "start": start, "end": end,
        "num_start": num_start, "num_end": num_end,
    })
    _set_fields_set(amount, _ALL_FIELDS_SET.copy())
    _set_extra(amount, None)
    _set_private(amount, None)
    return amount


_new_object = object.__new__
_set_attr = object.__setattr__
_ALL_FIELDS_SET = set(_AMOUNT_FIELDS)


def _slot_setter(name: str):
    """The setter of one of BaseModel's slots (falls back to object.__setattr__)."""
    slot = vars(BaseModel).get(name)
    if slot is not None and hasattr(slot, "__set__"):
        return slot.__set__
    return lambda obj, value: _set_attr(obj, name, value)   # pragma: no cover


_set_fields_set = _slot_setter("__pydantic_fields_set__")
_set_extra = _slot_setter("__pydantic_extra__")
_set_private = _slot_setter("__pydantic_private__")


def _pick_amount_factory():
    """The direct constructor when it builds exactly what validation builds (checked once
    against this pydantic version), else the validating one."""
    probe = (Decimal("116.20"), "HKD", "range", Decimal("116.20"), Decimal("120"), True, None,
             False, False, "约", "约116.20-120港元", 3, 17, 4, 14)
    try:
        fast, slow = _amount_direct(*probe), _amount_validated(*probe)
        same = (fast == slow and fast.__dict__ == slow.__dict__
                and list(fast.__dict__) == list(slow.__dict__)
                and fast.model_fields_set == slow.model_fields_set
                and fast.model_dump() == slow.model_dump()
                and fast.model_copy(update={"start": 0}) == slow.model_copy(update={"start": 0})
                and hash(fast) == hash(slow))
    except Exception:   # noqa: BLE001  # pragma: no cover - a pydantic without these internals
        same = False
    return _amount_direct if same else _amount_validated


_amount = _pick_amount_factory()


# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_EXP = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
# Runs made of scale characters only that read as a number (百亿 = 10**10).
_PURE_SCALE = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8, "十万": 5, "百万": 6,
               "千万": 7, "十亿": 9, "百亿": 10, "千亿": 11, "万亿": 12}
# Scale words written after Arabic digits (16.4亿, 3千万, 1.2万亿), longest first.
_SCALE_WORDS = ("万亿", "千万", "百万", "十万", "千亿", "百亿", "十亿", "亿", "万", "千", "百", "十")
_SCALE_EXP = {w: _PURE_SCALE[w] for w in _SCALE_WORDS} | {"兆": 12}
#: 兆 is a trillion only before a currency (新台币11.6兆元, 1.2兆美元): 5兆瓦 is megawatts
_ZHAO_BEFORE = "(?=元|美元|港元|港币|新台币|台币|日元|日圆|韩元|人民币)"

# a digit right after 成 (三成六 = 36%), unless it starts a number or a measure of its own
_CHENG_TENTHS = {c: Decimal(i) / 10 for i, c in enumerate("〇一二三四五六七八九", 0) if i} | {
    str(i): Decimal(i) / 10 for i in range(1, 10)}
_AFTER_CHENG_DIGIT = frozenset("〇一二两三四五六七八九十百千万亿0123456789.%个只家名位人年月日天周倍成股元")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# English scale letters and words (HK$4.35bn, RMB312.4m, RMB 326 million): read only after a
# currency written before the number or before a unit word (37.42m股, 56 million shares), never
# alone (4m could be metres or a model name)
_LATIN_SCALE = re.compile(r"(?:(bn|mn|m|k)|\s?(billion|million|thousand|bln|mln))(?![A-Za-z0-9])", re.IGNORECASE)
_LATIN_SCALE_FIRST = frozenset("bmkBMK ")
_LATIN_SCALE_EXP = {"bn": 9, "mn": 6, "m": 6, "k": 3, "billion": 9, "million": 6, "thousand": 3,
                    "bln": 9, "mln": 6}
_LATIN_CURRENCY_BEFORE = re.compile(r"(?:\$|RMB|HKD|USD|CNY|EUR|¥|￥)\s?[-+]?$")
_UNIT_AFTER_LATIN_SCALE = re.compile(r"\s?(?:股|港元|港币|美元|元|人民币|shares|yuan|dollars)")
_ASCII_DIGITS = frozenset("0123456789")
_ALNUM = _LATIN | _ASCII_DIGITS
# A '-' or '+' is not a sign after these (it separates a range or belongs to a word).
_NO_SIGN_BEFORE = _ALNUM | frozenset("%)）]】元股倍亿万千百十人家._/")
# Previous characters that make a following fraction a ratio (仅为GLM的1/3).
_RATIO_CONTEXT = frozenset("的为占是达仅约近超")
# Characters before an Arabic core that may make it an identifier (see left_blocked).
_AR_LEFT_CONTEXT = frozenset(".:/_#@-−")


@dataclass(frozen=True)
class _Unit:
    word: str
    kind: str
    unit: Optional[str]
    guards: tuple[str, ...]


def _unit_spec(u: _Unit) -> Optional[tuple[Optional[str], Optional[str], bool, int]]:
    """(unit, counter, points, factor_exp) that a number takes with the word ``u``, for the
    kinds that take it unconditionally: what :meth:`_Scanner.accept_unit` sets (None for
    cheng, which depends on the number, and for time and skip)."""
    kind = u.kind
    if kind == "currency":
        return u.unit, None, False, 0
    if kind == "percent":
        return "percent", None, False, 0
    if kind == "permille":
        return "percent", None, False, -1
    if kind == "points":
        return "percent", None, True, 0
    if kind == "basis_points":
        return "percent", None, True, -2
    if kind == "times":
        return "times", None, False, 0
    if kind == "shares":
        return "shares", "股", False, 0
    if kind == "counter":
        return "count", u.word, False, 0
    return None


def _split_guards(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(g.strip() for g in cell.split(",") if g.strip()))


def _word_pattern(word: str, guards: tuple[str, ...] = (), reverse: bool = False) -> tuple[str, str]:
    """One vocabulary word for :func:`_alternation`: the text to match and its negative
    look-aheads.

    In reverse mode the word is spelt backwards (for the reversed text) and the Latin guard
    says "no Latin letter before the word" in forward terms.
    """
    text = word[::-1] if reverse else word
    guard = ""
    if guards:
        guard += "(?!" + "|".join(re.escape(g) for g in sorted(guards, key=len, reverse=True)) + ")"
    edge = word[0] if reverse else word[-1]
    if edge in _LATIN or (reverse and edge == "$"):
        guard += "(?![A-Za-z])"
    return text, guard


def _alternation(words: list[tuple[str, str]]) -> str:
    """``(?:…)`` matching any of the (text, guard) pairs: at each position, the longest text
    whose guard holds.

    The pattern is trie-shaped (``元(?:人民币|(?!素|…))|美(?:元|金)|…``): the regex engine
    only follows the words that share the characters already read, instead of trying every
    word in turn. All the words that match at one position lie on one path of the trie and
    are tried deepest (longest) first, so it matches exactly what a longest-first
    alternation ``元人民币|美元|…|元`` would, with the same backtracking order.
    """
    trie: dict = {}
    for text, guard in words:
        node = trie
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = guard
    return "(?:" + _trie_node(trie) + ")"


def _trie_node(node: dict) -> str:
    branches = [re.escape(ch) + _trie_node(node[ch]) for ch in sorted(k for k in node if k)]
    if "" in node:
        branches.append(node[""])   # the word that ends here: after every longer one
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True)
class _Lexicon:
    suffix_units: dict[str, _Unit]
    prefix_currency: dict[str, str]
    before: dict[str, str]
    inner: dict[str, str]
    after: dict[str, str]
    tail: re.Pattern
    rev_prefix: re.Pattern
    range_second: re.Pattern
    post: re.Pattern
    tail_first: frozenset       # first characters of the words that may follow a number
    tail_any: frozenset         # first characters of anything ``tail`` can match (else empty)
    prefix_last: frozenset      # last characters of anything ``rev_prefix`` can match
    post_first: frozenset       # first characters of the words after a unit (以上, 左右 …)
    unit_specs: dict            # suffix word -> _unit_spec


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Read the two tables and compile the context patterns (once, on first use)."""
    suffix_units: dict[str, _Unit] = {}
    prefix_currency: dict[str, str] = {}
    for row in lexicon.read_rows("units.tsv"):
        row = row + [""] * (4 - len(row))
        word, kind, unit, guards = row[0], row[1], row[2] or None, _split_guards(row[3])
        if kind == "currency_prefix":
            prefix_currency[word] = unit or ""
        else:
            suffix_units[word] = _Unit(word, kind, unit, guards)

    before: dict[str, str] = {}
    inner: dict[str, str] = {}
    after: dict[str, str] = {}
    after_guards: dict[str, tuple[str, ...]] = {}
    inner_guards: dict[str, tuple[str, ...]] = {}
    for row in lexicon.read_rows("qualifiers.tsv"):
        row = row + [""] * (4 - len(row))
        word, position, qualifier, guards = row[0], row[1], row[2], _split_guards(row[3])
        {"before": before, "inner": inner, "after": after}[position][word] = qualifier
        if position == "after":
            after_guards[word] = guards
        elif position == "inner":
            inner_guards[word] = guards

    scale = _alternation([(w, "(?!分)" if w == "百" else "") for w in _SCALE_WORDS] + [("兆", _ZHAO_BEFORE)])
    units = _alternation([_word_pattern(w, u.guards) for w, u in suffix_units.items()])
    inner_alt = _alternation([_word_pattern(w, inner_guards[w]) for w in inner])
    post = _alternation([_word_pattern(w, after_guards[w]) for w in after])
    tail = re.compile(
        rf"(?:(?P<sp>[ ])(?={scale}|{units}))?"
        rf"(?P<scale>{scale})?"
        rf"(?:(?P<inner>{inner_alt})(?:(?P<scale2>{scale})|(?={units})))?"
        rf"(?P<unit>{units})?"
        r"(?P<per>/股|每股)?"
        r"(?P<hs>[HA]股(?![东权票价市]))?"
        rf"(?P<post>{post})?"
    )
    rev_cur = _alternation([_word_pattern(w, reverse=True) for w in prefix_currency])
    # ≈ after a word (市值≈1,576億): approx; after a figure or a Latin name (1007.3÷7.24≈139.1倍,
    # 7.36亿RMB≈8.0亿HKD, P/S ≈ 200倍) it is arithmetic or a conversion, read elsewhere
    before["≈"] = "approx"
    rev_q = _alternation([_word_pattern(w, reverse=True) for w in before if w != "≈"]
                         + [("≈", "(?=[ ]?[\u4e00-\u9fff])")])
    rev_prefix = re.compile(
        r"(?P<sign>[-+−])?(?P<sp1>[ ])?"
        rf"(?:(?P<cur>{rev_cur})|(?P<pct>之分百))?"
        rf"(?P<q2>{rev_q})?(?P<cur2>{rev_cur})?(?P<per>股每)?(?P<sp2>[ ])?(?P<q1>{rev_q})?(?P<frm>[从由])?"
    )
    fwd_cur = _alternation([_word_pattern(w) for w in prefix_currency])
    range_second = re.compile(
        r"[ ]?(?P<sep>[-~～—–－−至到与和])[ ]?"   # keep in sync with _RANGE_FIRST
        rf"(?:(?P<cur>{fwd_cur})[ ]?)?(?P<sign>[-+−])?"
    )
    tail_first = frozenset(w[0] for w in list(suffix_units) + list(inner))
    # Cheap pre-checks (pure speed-ups): a character outside these sets makes the anchored
    # ``tail`` / ``rev_prefix`` match empty, so the match can be skipped.
    tail_any = tail_first | frozenset(w[0] for w in list(_SCALE_WORDS) + list(after)) | frozenset(" /每HA兆")
    prefix_last = (frozenset(w[-1] for w in list(prefix_currency) + list(before))
                   | frozenset("-+− 之股从由"))
    return _Lexicon(suffix_units, prefix_currency, before, inner, after, tail, rev_prefix,
                    range_second, re.compile(post), tail_first, tail_any, prefix_last,
                    frozenset(w[0] for w in after),
                    {w: _unit_spec(u) for w, u in suffix_units.items()})


# --------------------------------------------------------------------------------------
# Patterns that do not depend on the tables
# --------------------------------------------------------------------------------------

_CN_A = "[零〇一二两三四五六七八九十百千万亿]"
_CN_B = "[零〇一二三四五六七八九]"
_CN_C = "[十百千万亿]"
_CN_NUM = f"{_CN_A}+(?:点{_CN_B}+{_CN_C}*)?"
# Numeric cores. Thousands groups are strict (three digits, a 1-3 digit head not preceded
# by "digit,"); a dotted run with two or more dots (1.2.3, 2025.12.30) is one core, skipped.
_MASTER = re.compile(
    r"(?P<ar>(?<![0-9],)[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)*)"
    rf"|(?P<cn>{_CN_NUM}(?:分之{_CN_NUM})?)"
)


#: the second end of a range that was revised: (由30亿元)至32亿元上调至…, a guidance raised
_REVISED_RANGE = re.compile(r"[ ]?[至到~～\-－—–][ ]?[0-9][0-9.,]{0,12}[ ]?[万亿]{0,2}[ ]?(?:人民币|港元|港币|美元|元)?[ ]?"
                            r"(?:上调|下调|调高|调低|调升|调降|上修|下修|提高|降低|收窄|放宽)(?:至|到|为)")


def _skipping(pattern: str, first: str) -> re.Pattern:
    """``pattern`` compiled for fast ``search``: ``first`` (a character-class body) lists every
    character a match can start with.

    ``re`` skips in C only to characters of a class that *starts* a pattern; a pattern that
    starts with a group, an alternation or a look-behind is tried at every position. Here the
    class comes first and the real pattern is a look-ahead inside a one-character look-behind,
    so it is tried only where it can match. The groups are those of ``pattern``; ``m.start()``
    is where the match starts, but ``m.end()`` is one character later: use the end of a group.
    """
    return re.compile(f"[{first}](?<=(?={pattern})[{first}])")


_MASTER_SEARCH = _skipping(_MASTER.pattern, "0-9零〇一二两三四五六七八九十百千万亿")
_DATE = re.compile(
    r"(?:19|20)[0-9]{2}(?P<s>[-/])(?:1[0-2]|0?[1-9])(?:(?P=s)(?:3[01]|[12][0-9]|0?[1-9]))?(?![0-9])"
    r"|(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])/(?:[0-9]{4}|[0-9]{2})(?![0-9])"
)
# 2022、2023及2024年: the earlier years of a list of years.
_YEAR_LIST = re.compile(r"(?:(?:、|,|和|及|与|或|至|到|~|-|—|–)(?:19|20)[0-9]{2}){1,6}年")
_FRACTION_TAIL = re.compile(r"/(?P<den>[0-9]{1,4})(?![0-9./])")
_SLASH_RUN = re.compile(r"(?:/[0-9]+)+")
_DECIMAL_NEXT = re.compile(r"/[0-9]+\.[0-9]")
_DECIMAL_END = re.compile(r"[0-9]\.[0-9]+$")
#: the second half of a number written in two scales: 1亿4,035.3万, 3亿零500万, 1亿2千万
_COMPOUND_TAIL = re.compile(r"亿零?([0-9]{1,4}(?:\.[0-9]+)?|[0-9],[0-9]{3}(?:\.[0-9]+)?)(万|千万)")
_SCALE_RUN = re.compile(_CN_C + "*")
#: a spoken scale after a filler 个: 三点七三个亿, 四十七个多亿, 三十多个亿
_SPOKEN_SCALE = re.compile(r"(多)?个(多)?(亿|万)")
_RANGE_SEPARATORS = frozenset("-~～—–－−至到")


# --------------------------------------------------------------------------------------
# Chinese numerals
# --------------------------------------------------------------------------------------

def _cn_section(s: str) -> Optional[int]:
    """Value of a run below 10000 (digits, 十, 百, 千, 零), or None if it is not a number.

    Accepts 十五, 二十, 一百零五, 两千三百 and the spoken short forms 三百五 (350) and
    一千二 (1200); rejects digit sequences such as 六七 or 二〇二四.
    """
    total = 0
    digit: Optional[int] = None
    last_unit = 10 ** 6
    zero = False
    for i, ch in enumerate(s):
        d = _CN_DIGIT.get(ch)
        if d is not None:
            if digit is not None:
                return None
            if d == 0:
                if i == 0 and len(s) > 1:
                    return None
                zero = True
                continue
            digit = d
            continue
        unit = 10 ** _CN_EXP[ch]
        if unit >= last_unit or unit >= 10 ** 4:
            return None
        if digit is None:
            if i != 0:
                return None
            digit = 1
        total += digit * unit
        last_unit = unit
        digit = None
        zero = False
    if digit is not None:
        if not zero and last_unit in (100, 1000):
            total += digit * last_unit // 10
        else:
            total += digit
    return total


def _cn_below(s: str, big: str) -> Optional[int]:
    """Value of a run whose largest scale is ``big`` (万 or 亿) or smaller."""
    size = 10 ** _CN_EXP[big]
    if big not in s:
        return _cn_section(s) if big == "万" else _cn_below(s, "万")
    if s.count(big) > 1:
        return None
    head, rest = s.split(big)
    if not head:
        return None
    high = _cn_below(head, "万") if big == "亿" else _cn_section(head)
    if not high:
        return None
    if not rest:
        return high * size
    if rest[0] in "零〇":
        rest = rest[1:]
        if not rest:
            return None
    elif len(rest) == 1 and rest in _CN_DIGIT:
        return high * size + _CN_DIGIT[rest] * size // 10   # 两万五, 三亿五
    low = _cn_below(rest, "万") if big == "亿" else _cn_section(rest)
    if low is None or low >= size:
        return None
    return high * size + low


def _cn_int(s: str) -> Optional[int]:
    """Value of an integer written in Chinese numerals, or None."""
    if not s:
        return None
    if s in _PURE_SCALE:
        return 10 ** _PURE_SCALE[s]
    if s[0] in "万亿" or (s[0] in "零〇" and len(s) > 1):
        return None
    if "万亿" in s:   # 三万亿 = 3 * 10**12
        head, _, rest = s.partition("万亿")
        if rest:
            return None
        high = _cn_below(head, "万")
        return high * 10 ** 12 if high else None
    return _cn_below(s, "亿")


@dataclass(frozen=True)
class _CnValue:
    base: Decimal          # the value (decimals keep their digits; see exp)
    exp: int               # scale written after the decimals of 三点五亿 (8), else 0
    trail_exp: int         # power of ten of the trailing scale characters (五千万 -> 7)
    big_trail_exp: int     # the same for trailing 万/亿 only (五千万 -> 4)
    pure: bool             # scale characters only (百亿, 十)
    big: bool              # contains 万 or 亿
    scale_chars: bool      # contains any of 十百千万亿


def _trailing_exp(s: str, chars: str) -> int:
    exp = 0
    for ch in reversed(s):
        if ch not in chars:
            break
        exp += _CN_EXP[ch]
    return exp


@lru_cache(maxsize=4096)
def _cn_value(run: str) -> Optional[_CnValue]:
    """Read a run such as 两千三百万, 三点五亿, 百亿, 十五; None when it is not a number."""
    if "点" in run:
        ip, rest = run.split("点", 1)
        i = 0
        while i < len(rest) and rest[i] in _CN_DIGIT:
            i += 1
        frac, scales = rest[:i], rest[i:]
        if not frac or (scales and scales not in _PURE_SCALE):
            return None
        if scales and ("万" in ip or "亿" in ip):
            return None
        whole = _cn_int(ip)
        if whole is None:
            return None
        base = Decimal(f"{whole}.{''.join(str(_CN_DIGIT[c]) for c in frac)}")
        exp = _PURE_SCALE.get(scales, 0)
        return _CnValue(base, exp, exp, _trailing_exp(scales, "万亿"), False,
                        "万" in scales or "亿" in scales,
                        bool(scales) or any(c in _CN_EXP for c in ip))
    whole = _cn_int(run)
    if whole is None:
        return None
    return _CnValue(Decimal(whole), 0, _trailing_exp(run, "十百千万亿"), _trailing_exp(run, "万亿"),
                    all(c in _CN_EXP for c in run), "万" in run or "亿" in run,
                    any(c in _CN_EXP for c in run))


# --------------------------------------------------------------------------------------
# Decimal helpers
# --------------------------------------------------------------------------------------

def _scaled(value: Decimal, exp: int) -> Decimal:
    """``value * 10**exp`` exactly, written without exponent or scaling zeros."""
    if not exp:
        return value
    out = value.scaleb(exp, _EXACT)
    if out == out.to_integral_value():
        return Decimal(int(out))
    return out.normalize(_EXACT)


def _resolve(words: list[tuple[str, str]]) -> tuple[str, Optional[str]]:
    """The qualifier of an amount from its cue words, and the cue text.

    Exact cue words (达, 为, 高达) never count. A bound (at_least / at_most) is more
    informative than ``approx`` and wins over it (最高可达约51亿 is at_most); two opposite
    bounds together degrade to ``approx``. The cue text joins the words with "…" in text
    order (约…左右).
    """
    cues = [(w, q) for w, q in words if q != "exact"]
    if not cues:
        return "exact", None
    kinds = {q for _, q in cues}
    bounds = kinds & {"at_least", "at_most"}
    if len(bounds) == 2:
        qualifier = "approx"
    elif bounds:
        qualifier = bounds.pop()
    else:
        qualifier = "approx"
    return qualifier, "…".join(w for w, _ in cues)


# --------------------------------------------------------------------------------------
# The scanner
# --------------------------------------------------------------------------------------

class _Num:
    """A numeric core with the words after it, before any decision is taken.

    A plain class whose defaults live on the class: an instance only stores what differs,
    which is much cheaper in the scanner's hot loop than a dataclass with 23 fields.
    """

    kind: str                       # 'ar' (Arabic), 'cn' (Chinese numerals), 'frac'
    start: int                      # core
    end: int
    base: Decimal
    exp: int = 0                    # written scale (16.4亿 -> 8)
    factor_exp: int = 0             # unit factor (成 +1, ‰ -1, 基点 -2)
    scaled: bool = False
    cn: Optional[_CnValue] = None
    is_int: bool = False
    unit: Optional[str] = None
    unit_kind: Optional[str] = None
    unit_word: Optional[str] = None
    counter: Optional[str] = None
    per_share: bool = False
    points: bool = False
    words: tuple = ()               # (word, qualifier) after the core; extended, never mutated
    unit_end: int = 0               # end without a trailing qualifier word
    tail_end: int = 0               # end with it
    has_post: bool = False
    skip: Optional[str] = None      # why this is not an amount: time, class, ident, invalid
    lead: Optional[int] = None      # start of 百分之 / 千分之 before the core

    def __init__(self, kind: str, start: int, end: int, base: Decimal) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.base = base

    def copy(self) -> "_Num":
        other = _new_object(_Num)
        other.__dict__.update(self.__dict__)
        return other

    def value(self) -> Decimal:
        exp = self.exp + self.factor_exp
        return _scaled(self.base, exp) if exp else self.base


class _Prefix:
    """The words before a core (see :meth:`_Scanner.read_prefix`); defaults on the class."""

    start: int                      # start of the span (the number when nothing precedes)
    words: tuple = ()               # (word, qualifier), including exact guards
    cur: Optional[str] = None
    pct: bool = False
    per_share: bool = False
    from_: bool = False
    touching_cur: bool = False      # a currency code ends right before the number
    negative: bool = False          # a minus sign before the number
    cur_end: int = 0                # end of the currency written before the number
    ident: bool = False             # '-' after a Latin letter: GPT-4

    def __init__(self, start: int) -> None:
        self.start = start


_NUL = "\x00"   # the "character" outside the text: never a member of a word list
_DATE_SEPARATORS = frozenset("-/")
#: the generic yuan a currency named before it makes its own (新台币37.5亿元, 港币3元)
_GENERIC_YUAN = ("元", "块", "块钱")
_RANGE_FIRST = frozenset(" 与和") | _RANGE_SEPARATORS   # first characters of ``range_second``
#: 介乎38.34亿港元与41.89亿港元之间: 与/和 join a range only between these words
_BETWEEN_BEFORE = re.compile(r"(?:介乎|介于|处于|在)\s?(?:约|大约)?\s?$")
_BETWEEN_AFTER = re.compile(r"\s?之间")
_SINCE_FOUNDING = re.compile(r"(?:成立|创立|创办|创业)(?:[一二两三四五六七八九十半\d]{1,2}(?:个)?(?:多)?(?:年|个月)多?)?以?来的?$")
_AR_SPECIAL_NEXT = frozenset("/]-")                  # fraction, footnote, date
_AR_IDENT_NEXT = _LATIN | frozenset(".-:_")          # an identifier: GLM-4.5, 18C, 1.2.3
# Characters before a core that left_blocked looks at (for Chinese cores also the one after).
_LEFT_BLOCKERS = frozenset("第数几上成好") | _LATIN | _AR_LEFT_CONTEXT


#: characters that make a word with 大 (扩大, 巨大, 最大 …): before 大约 they take the 大
_DA_WORD_HEADS = frozenset("扩巨最加放强增壮远庞重较宏伟")


class _Scanner:
    """One pass over one normalized text; see :func:`find_amounts`."""

    __slots__ = ("t", "n", "lex", "_rev", "last_end", "out", "latin_ok")

    def __init__(self, text: str) -> None:
        self.t = text
        self.n = len(text)
        self.lex = _lexicon()
        self._rev: Optional[str] = None
        self.last_end = 0
        self.out: list[Amount] = []
        self.latin_ok = False       # the second number of a range after a currency (US$1.2–1.5bn)

    @property
    def rev(self) -> str:
        if self._rev is None:
            self._rev = self.t[::-1]
        return self._rev

    def char(self, i: int) -> str:
        """The character at ``i``, or NUL outside the text (never a member of a word list)."""
        return self.t[i] if 0 <= i < self.n else _NUL

    # ---- driver --------------------------------------------------------------------
    def run(self) -> list[Amount]:
        t, n = self.t, self.n
        search = _MASTER_SEARCH.search
        handle = self.handle
        pos = 0
        while pos < n:
            m = search(t, pos)
            if m is None:
                break
            kind = m.lastgroup
            end = m.end(kind)
            resume = handle(kind, m.start(), end)
            pos = max(resume, end)
        return self.out

    def handle(self, kind: str, start: int, end: int) -> int:
        """Emit the amount starting at the core ``t[start:end]`` (if any); return where to resume.

        The hot path of the library: cheap character tests come before every call whose
        result they decide (see the comments), so most cores cost a few dozen bytecodes.
        """
        t = self.t
        n = self.n
        lex = self.lex
        nxt = t[end] if end < n else _NUL
        if kind == "cn":
            run = t[start:end]
            # Cheap test before reading a Chinese run: most runs (一定, 十大) are words.
            if "万" in run or "亿" in run:
                if run == "万" or run == "亿":
                    return end
                if self.char(start - 1) in "]］】" and not run.strip("百千万亿"):
                    return end      # [编纂]百万港元: the scale of a number left out, not 1,000,000
            elif not ("分之" in run or nxt in lex.tail_first or nxt in _RANGE_SEPARATORS):
                return end
            num = self.read_cn(run, start, end)
            if num is None:
                return self.skip_after(end)
        else:
            core = t[start:end]
            plain = "." not in core
            if plain and (nxt in "年月号" or (nxt == "日" and self.char(end + 1) not in "元圆")):
                # 2024年, 1月8日: the periods module's. (Resuming after the core or after the
                # character is the same: 年/月/日/号 start no core.)
                return end + 1
            if plain and "," not in core:            # read_ar, inlined for plain integers
                if len(core) > MAX_INT_DIGITS or (len(core) > 1 and core[0] == "0"):
                    return self.skip_after(end)       # too long; codes and tickers: 02513
                num = _Num("ar", start, end, Decimal(core))
                num.is_int = True
            else:
                num = self.read_ar(core, start, end)
                if num is None:
                    return self.skip_after(end)
            if nxt in _AR_SPECIAL_NEXT:
                if nxt == "/" and self.char(end + 1) in _ASCII_DIGITS and not (
                        "." in core or _DECIMAL_NEXT.match(t, end)):
                    # (8.47/13.92/21.35亿元: decimals around a slash are a list, read one by one)
                    pre = self.read_prefix(start)
                    if pre.ident or self.left_blocked(num, pre):
                        return _SLASH_RUN.match(t, end).end()
                    return self.fraction(num, pre)
                if nxt == "]" and self.char(start - 1) == "[":
                    return end + 1                      # a footnote mark: [3]
                if num.is_int and nxt in _DATE_SEPARATORS:
                    dm = _DATE.match(t, start)
                    if dm:
                        return dm.end()
            if (num.is_int and end - start == 4 and t.startswith(("19", "20"), start)
                    and _YEAR_LIST.match(t, end)):
                return end
        self.read_tail(num)
        if num.skip:
            return max(num.tail_end, self.skip_after(num.end))
        s = num.start
        before = t[s - 1] if s else _NUL
        # read_prefix finds nothing unless the character before the core can end a prefix
        pre = self.read_prefix(s) if before in lex.prefix_last else _Prefix(s)
        if pre.ident:
            return self.skip_after(num.end)
        # left_blocked looks at the character before the core, and after a Chinese one
        if ((before in _LEFT_BLOCKERS or (num.kind == "cn" and self.char(num.end) in "几来"))
                and self.left_blocked(num, pre)):
            return self.skip_after(num.end)
        if pre.negative:
            num.base = -num.base
        if (not pre.from_ or _REVISED_RANGE.match(t, num.unit_end)) and not num.has_post and num.kind != "frac" \
                and not pre.pct:
            unit_end = num.unit_end
            if unit_end < n and t[unit_end] in _RANGE_FIRST:   # else no range can follow
                resumed = self.try_range(num, pre)
                if resumed is not None:
                    return resumed
        if pre.pct and num.unit is None:
            num.unit, num.unit_kind = "percent", "percent"
        if num.kind == "cn" and not self.standalone_ok(num, pre):
            return num.end
        self.emit(num, pre)
        return num.tail_end

    def skip_after(self, end: int) -> int:
        """Resume after a skipped core and any scale characters glued to it."""
        return _SCALE_RUN.match(self.t, end).end()

    # ---- cores ---------------------------------------------------------------------
    def read_core(self, kind: str, start: int, end: int) -> Optional[_Num]:
        """The value of a core as written, or None for non-numbers (1.2.3, 02513, 六七, 亿亿…)."""
        if kind == "ar":
            return self.read_ar(self.t[start:end], start, end)
        return self.read_cn(self.t[start:end], start, end)

    @staticmethod
    def read_ar(core: str, start: int, end: int) -> Optional[_Num]:
        digits = core.replace(",", "") if "," in core else core
        if "." in digits:   # the core pattern puts digits after every dot
            if digits.count(".") > 1:
                return None
            whole, _, frac = digits.partition(".")
            if len(whole) > MAX_INT_DIGITS or len(frac) > MAX_FRAC_DIGITS:
                return None
            return _Num("ar", start, end, Decimal(digits))
        if len(digits) > MAX_INT_DIGITS:
            return None
        if len(digits) > 1 and digits[0] == "0":
            return None   # codes and tickers: 02513, 00700, 007
        num = _Num("ar", start, end, Decimal(digits))
        num.is_int = True
        return num

    def read_cn(self, run: str, start: int, end: int) -> Optional[_Num]:
        if len(run) > MAX_CN_RUN:
            return None
        if "分之" in run:
            return self.cn_fraction(run, start, end)
        value = _cn_value(run)
        if value is None:
            return None
        num = _Num("cn", start, end, value.base)
        num.exp = value.exp
        num.cn = value
        num.scaled = value.big or value.pure
        num.is_int = value.exp == 0 and "点" not in run
        return num

    @staticmethod
    def cn_fraction(run: str, start: int, end: int) -> Optional[_Num]:
        """百分之七十 (percent), 千分之五, 六分之一 (times)."""
        den, numerator = run.split("分之", 1)
        top = _cn_value(numerator)
        if top is None:
            return None
        top_value = _scaled(top.base, top.exp)
        if den in ("百", "千", "万"):
            num = _Num("frac", start + len(den) + 2, end, top_value)
            num.factor_exp = {"百": 0, "千": -1, "万": -2}[den]
            num.unit = num.unit_kind = "percent"
            num.lead = start
            return num
        bottom = _cn_int(den)
        if not bottom:
            return None
        value = _FRACTION.divide(top_value, Decimal(bottom))
        num = _Num("frac", start, end, value)
        num.unit = num.unit_kind = "times"
        return num

    # ---- context before ------------------------------------------------------------
    def read_prefix(self, start: int) -> _Prefix:
        """Words right before the core: [从/由] [qualifier] [每股] [qualifier] [currency | 百分之] [sign].

        One anchored match on the reversed text. A '-' after a digit, a unit or ')' is not a
        sign (it ends a range or a word); after a Latin letter it marks an identifier (GPT-4).
        Nothing is taken from inside the previous amount.
        """
        lex = self.lex
        if start == 0 or self.t[start - 1] not in lex.prefix_last:
            return _Prefix(start)              # the match below would be empty
        n = self.n
        m = lex.rev_prefix.match(self.rev, n - start)
        pre = _Prefix(start)
        if m is None or m.end() == m.start():
            return pre
        sign, _, cur, pct, q2, cur2, per, _, q1, frm = m.groups()
        if cur is not None and cur2 is not None:
            cur2 = None         # (one currency: 人民币约 … after 港元 is not read twice)
        if sign is not None:
            before = self.char(n - m.end("sign") - 1)
            if before in _LATIN and not (sign == "+" and self.t[max(0, start - 4):start - 1].lower()
                                          in ("yoy", "qoq", "mom")):
                # (yoy+36.6%: a change against last year, not a name like GPT-4)
                pre.ident = True
                return pre
            if before in _NO_SIGN_BEFORE and not (
                    before == "/" and _DECIMAL_END.search(self.t, max(0, n - m.end("sign") - 13), n - m.end("sign") - 1)):
                return pre          # (-5.36/-4.12/-2.87亿元: a list of decimals keeps its signs)
        # (group, included-in-span) from the number outwards; stop at the previous amount.
        elements = []
        for g, word in (("sign", sign), ("cur", cur), ("pct", pct), ("q2", q2), ("cur2", cur2), ("per", per),
                        ("q1", q1), ("frm", frm)):
            if word is None:
                continue
            a, b = m.span(g)
            s = n - b
            if s < self.last_end:
                break
            word = word[::-1]
            if word == "大约" and self.char(s - 1) in _DA_WORD_HEADS:
                word, s = "约", s + 1       # 扩大约73%: 扩大 then 约, not 大约
            elements.append((g, s, n - a, word))
        first = start
        words: list = []
        for g, s, e, word in elements:
            if g in ("q1", "q2"):
                qualifier = lex.before[word]
                words.insert(0, (word, qualifier))
                if qualifier != "exact":
                    first = min(first, s)
            elif g == "frm":
                pre.from_ = True
            else:
                first = min(first, s)
                if g in ("cur", "cur2"):       # (cur2: 新台币约47.2亿元, the currency before 约)
                    pre.cur = lex.prefix_currency[word]
                    pre.cur_end = e
                    pre.touching_cur = word[-1] in _LATIN
                elif g == "pct":
                    pre.pct = True
                elif g == "per":
                    pre.per_share = True
                elif g == "sign":
                    pre.negative = sign != "+"
        pre.start = first
        if words:
            pre.words = tuple(words)
        return pre

    def left_blocked(self, num: _Num, pre: _Prefix) -> bool:
        """Ordinals, identifiers glued to Latin letters, indefinite Chinese numbers."""
        s = num.start
        c = self.char(s - 1)
        if c == "第":
            # (成立以来的第8轮融资: counted from the founding, the ordinal is the number of rounds)
            return not (self.t.startswith("轮", num.end) and _SINCE_FOUNDING.search(self.t, max(0, s - 10), s - 1))
        if num.kind == "ar":
            if c in _LATIN:
                return not pre.touching_cur
            if c in _AR_LEFT_CONTEXT:
                c2 = self.char(s - 2)
                if c in ".:" and c2 in _ALNUM:
                    # (1H25:15.95亿元, 2025:48.6%: a label's colon before a figure with a unit)
                    return not (c == ":" and (num.scaled or num.unit is not None))
                if c == "/" and c2 in _ASCII_DIGITS:
                    # 8.47/13.92/21.35亿元: a member of a list of decimals stands
                    return not ("." in self.t[s:num.end] or _DECIMAL_END.search(self.t, max(0, s - 12), s - 1))
                if c in "_#@":
                    return True
                if c in "-−" and c2 in _LATIN:
                    return True
            return False
        if num.kind == "cn":
            if c in "数几" or (c in "上成好" and self.t[s] in _CN_EXP):
                return True
            if self.char(num.end) in "几来":
                return True
        return False

    # ---- context after -------------------------------------------------------------
    def read_tail(self, num: _Num) -> None:
        """Scale, 余/多, unit, 每股, H股 and a trailing qualifier after the core."""
        t = self.t
        end = num.end
        num.unit_end = num.tail_end = end
        kind = num.kind
        if kind == "frac":
            self.read_post(num, end)
            return
        nxt = t[end] if end < self.n else _NUL
        lex = self.lex
        if kind == "ar" and nxt in _LATIN_SCALE_FIRST:
            sm = _LATIN_SCALE.match(t, end)
            if sm is not None and (self.latin_ok or _LATIN_CURRENCY_BEFORE.search(t, max(0, num.start - 4), num.start)
                                   or _UNIT_AFTER_LATIN_SCALE.match(t, sm.end())):
                # HK$4.35bn, RMB312.4m, 37.42m股: English scale letters after a currency or before 股
                num.exp += _LATIN_SCALE_EXP[(sm.group(1) or sm.group(2)).lower()]
                num.scaled = True
                end = num.unit_end = num.tail_end = sm.end()
                nxt = t[end] if end < self.n else _NUL
        if kind == "ar" and nxt in _AR_IDENT_NEXT:
            if nxt in _LATIN:
                m_unit = lex.tail.match(t, end)
                word = m_unit.group("unit")
                if not (word and m_unit.start("unit") == end and word[0] in _LATIN):
                    num.skip = "ident"
                    return
            elif nxt in ".-" and self.char(end + 1) in _LATIN:
                num.skip = "ident"
                return
            elif nxt in ".:" and self.char(end + 1) in _ASCII_DIGITS:
                num.skip = "ident"
                return
            elif nxt == "_":
                num.skip = "ident"
                return
        if nxt == "亿" and kind == "ar" and num.is_int:
            cm = _COMPOUND_TAIL.match(t, end)
            if cm is not None:                  # 1亿4,035.3万: one number in two scales
                low = Decimal(cm.group(1).replace(",", ""))
                num.base += low.scaleb(-4 if cm.group(2) == "万" else -1)
                num.exp += 8
                num.scaled = True
                end = num.unit_end = num.tail_end = cm.end()
                nxt = t[end] if end < self.n else _NUL
        if nxt in "个多" and (sy := _SPOKEN_SCALE.match(t, end)) is not None:
            # 三点七三个亿, 四十七个多亿, 三十多个亿 (spoken): the scale after a filler 个
            num.exp += _SCALE_EXP[sy.group(3)]
            num.scaled = True
            if (sy.group(1) or sy.group(2)) and "多" in lex.inner:
                num.words += (("多", lex.inner["多"]),)
            end = num.unit_end = num.tail_end = sy.end()
            nxt = t[end] if end < self.n else _NUL
        if nxt not in lex.tail_any:
            return                              # nothing follows: the match would be empty
        m = lex.tail.match(t, end)
        sp, scale, inner, scale2, unit_word, per, hs, _ = m.groups()
        # The groups of ``tail`` follow each other: each one that matched starts where the
        # previous one ended (``cur``).
        cur = end + 1 if sp else end
        pending_inner: Optional[tuple[str, str]] = None
        if scale:
            num.exp += _SCALE_EXP[scale]
            num.scaled = True
            end = cur = cur + len(scale)
        if inner:
            pending_inner = (inner, lex.inner[inner])
            cur += len(inner)
            if scale2:
                num.exp += _SCALE_EXP[scale2]
                num.scaled = True
                num.words += (pending_inner,)
                pending_inner = None
                end = cur = cur + len(scale2)
        if unit_word:
            info = lex.suffix_units[unit_word]
            ukind = info.kind
            unit_end = cur + len(unit_word)
            if ukind == "time":
                if not (num.exp > 0 or (num.cn is not None and num.cn.big)):
                    num.skip = "time"
                    num.tail_end = unit_end
                    return
            elif ukind == "skip":
                num.skip = "class"
                num.tail_end = unit_end
                return
            else:
                spec = lex.unit_specs[unit_word]
                if spec is not None:     # accept_unit, inlined for the unconditional kinds
                    # (a fresh number: counter, points and factor_exp still hold their defaults)
                    num.unit, num.counter, num.points, num.factor_exp = spec
                    num.unit_kind = ukind
                    num.unit_word = unit_word
                    num.unit_end = unit_end
                    accepted = True
                else:
                    accepted = self.accept_unit(num, info, unit_end)
                if accepted:
                    if pending_inner:
                        num.words += (pending_inner,)
                    end = num.unit_end
        num.unit_end = end
        if per and m.start("per") == end and num.unit_kind == "currency":
            num.per_share = True
            end = num.unit_end = m.end("per")
        if hs and m.start("hs") == end and num.unit_kind == "shares":
            end = num.unit_end = m.end("hs")
        num.tail_end = end
        if end < self.n and t[end] in lex.post_first:   # else read_post finds nothing
            self.read_post(num, end)

    def accept_unit(self, num: _Num, info: _Unit, unit_end: int) -> bool:
        """Take the unit word if it fits the number; sets ``num.unit_end``."""
        kind = info.kind
        if kind == "cheng":
            if num.exp or not num.is_int or num.base > 10 or num.base < 1:
                return False
            if num.kind == "cn" and num.cn is not None and num.cn.big:
                return False
            num.factor_exp = 1
            if self.char(unit_end) == "半":
                num.base += Decimal("0.5")
                unit_end += 1
            elif (tenth := _CHENG_TENTHS.get(self.char(unit_end))) is not None \
                    and self.char(unit_end + 1) not in _AFTER_CHENG_DIGIT:
                num.base += tenth       # 三成六: 36 percent, 七成五: 75
                unit_end += 1
            num.unit = "percent"
        elif kind == "currency":
            num.unit = info.unit
        elif kind == "percent":
            num.unit = "percent"
        elif kind == "permille":
            num.unit, num.factor_exp = "percent", -1
        elif kind == "points":
            num.unit, num.points = "percent", True
        elif kind == "basis_points":
            num.unit, num.points, num.factor_exp = "percent", True, -2
        elif kind == "times":
            num.unit = "times"
        elif kind == "shares":
            num.unit, num.counter = "shares", "股"
        elif kind == "counter":
            num.unit, num.counter = "count", info.word
        else:
            return False
        num.unit_kind = kind
        num.unit_word = info.word
        num.unit_end = unit_end
        return True

    def read_post(self, num: _Num, end: int) -> None:
        num.unit_end = num.tail_end = end
        if end >= self.n or self.t[end] not in self.lex.post_first:
            return
        m = self.lex.post.match(self.t, end)
        if m is None:
            return
        word = m.group(0)
        if word == "多" and (num.unit_kind not in ("currency", "times", "percent", "permille", "cheng")
                            or self.char(m.end()) in _ASCII_DIGITS or self.char(m.end()) in "了出"):
            return      # (比第二季的3.88亿元多6.2%, 多了, 多出: more by, not "more than")
        num.words += ((word, self.lex.after[word]),)
        num.has_post = True
        num.tail_end = m.end()

    # ---- special forms -------------------------------------------------------------
    def fraction(self, num: _Num, pre: _Prefix) -> int:
        """``1/3`` is a ratio only in a ratio context (的1/3, 约1/3, 1/3的); else skipped."""
        t = self.t
        fm = _FRACTION_TAIL.match(t, num.end)
        if fm is None or not num.is_int:
            return _SLASH_RUN.match(t, num.end).end()
        top, bottom = int(num.base), int(fm.group("den"))
        before = self.char(pre.start - 1)
        context = bool(pre.words) or before in _RATIO_CONTEXT or self.char(fm.end()) == "的"
        if not (context and 0 < top < bottom <= 1000):
            return fm.end()
        frac = _Num("frac", num.start, fm.end(), _FRACTION.divide(Decimal(top), Decimal(bottom)))
        frac.unit = frac.unit_kind = "times"
        self.read_post(frac, fm.end())
        self.emit(frac, pre)
        return frac.tail_end

    def try_range(self, a: _Num, pre: _Prefix) -> Optional[int]:
        """Read ``A-B`` / ``A至B``; emit it and return where to resume, or None."""
        t = self.t
        if a.unit_end >= self.n or t[a.unit_end] not in _RANGE_FIRST:
            return None                          # no separator: the match below would fail
        sm = self.lex.range_second.match(t, a.unit_end)
        if sm is None:
            return None
        if sm.group("sign") and sm.group("sep") not in "至到":
            return None
        joined = sm.group("sep") in "与和"
        if joined and not _BETWEEN_BEFORE.search(t, max(0, pre.start - 6), pre.start):
            return None
        mm = _MASTER.match(t, sm.end())
        if mm is None:
            return None
        b = self.read_core(mm.lastgroup, mm.start(), mm.end())
        if b is None or b.kind == "frac":
            return None
        if b.kind == "cn" and self.char(b.end) in "几来":
            return None
        if b.kind == "ar" and self.char(b.end) == "/":
            return None
        sign = sm.group("sign")
        if sign and sign != "+":
            b.base = -b.base
        # (US$1.2–1.5bn, RMB 360–390 million: the English scale after the second number of a
        # range whose first has a currency)
        self.latin_ok = bool(pre.cur or sm.group("cur"))
        try:
            self.read_tail(b)
        finally:
            self.latin_ok = False
        if b.skip in ("time", "class"):
            # 2022-2024年, 3-5年, 1至3季度: the first number is part of the same period.
            return b.tail_end if a.unit is None else None
        if b.skip or joined and not _BETWEEN_AFTER.match(t, b.tail_end):
            return None
        b_cur = self.lex.prefix_currency.get(sm.group("cur") or "") or pre.cur
        if b_cur and b.unit is None and b.unit_kind is None:
            b.unit, b.unit_kind = b_cur, "currency"
        elif b_cur and b.unit_kind == "currency" and b.unit_word in _GENERIC_YUAN:
            b.unit = b_cur      # 新台币82亿至103亿元: the currency named before the generic 元
        if not self.standalone_ok(b, None):
            return None
        # Two bare years: a period (2022-2024), not an amount.
        if a.unit is None and b.unit is None and not a.scaled and not b.scaled and a.kind == b.kind == "ar":
            if all(x.is_int and 1900 <= x.base <= 2100 for x in (a, b)):
                return b.tail_end
        a = a.copy()     # the caller may still emit the unchanged first number
        if pre.cur and a.unit_kind == "currency" and a.unit_word in _GENERIC_YUAN:
            a.unit = pre.cur    # 新台币82亿元至103亿元
        if a.unit is not None:
            if a.unit != b.unit or a.points != b.points or a.factor_exp != b.factor_exp:
                return None
        else:
            if b.unit is None and not b.scaled and a.scaled:
                return None
            a.unit, a.unit_kind, a.unit_word = b.unit, b.unit_kind, b.unit_word
            a.counter, a.points, a.factor_exp = b.counter, b.points, b.factor_exp
        # The first number takes the shared scale of the second (3-5亿元, 三至五千万).
        b_trail = b.exp + (b.cn.trail_exp if b.cn else 0)
        b_big = b.exp + (b.cn.big_trail_exp if b.cn else 0)
        if a.kind == "ar" and a.exp == 0:
            a.exp = b_trail
        elif a.kind == "cn" and a.cn is not None and a.exp == 0:
            if not a.cn.scale_chars:
                a.exp = b_trail
            elif not a.cn.big:
                a.exp = b_big
        if a.exp:
            a.scaled = True
        low, high = a.value(), b.value()
        if low > high:
            return None
        _, cue = _resolve(pre.words + a.words + b.words)
        start = pre.start
        self.out.append(_amount(
            low, b.unit, "range", low, high,
            pre.per_share or a.per_share or b.per_share,
            b.counter, a.scaled or b.scaled, b.points,
            cue, t[start:b.tail_end], start, b.tail_end, a.start, b.end,
        ))
        self.last_end = b.tail_end
        return b.tail_end

    # ---- decisions -----------------------------------------------------------------
    def standalone_ok(self, num: _Num, pre: Optional[_Prefix]) -> bool:
        """Whether a core with its unit is an amount on its own."""
        if num.kind != "cn":
            return True
        cn = num.cn
        assert cn is not None
        run = self.t[num.start:num.end]
        kind = num.unit_kind
        if kind is None:
            if pre is not None and (pre.cur or pre.pct):
                return cn.scale_chars or num.exp > 0
            if num.exp > 0:          # 四百多亿
                return True
            if cn.big and any(c in _CN_DIGIT for c in run):
                return True
            return cn.pure and "亿" in run and len(run) >= 2
        if run in ("万", "亿"):
            return False
        if run in ("百", "千") and kind not in ("times", "currency"):
            return False
        if run == "一" and kind in ("counter", "shares"):
            return False                             # 一家, 一个, 一股: the article "a"
        if kind == "shares" and not cn.big and num.exp == 0 and num.base < 100:
            return False                             # 三股力量
        if kind == "currency" and not cn.scale_chars and num.exp == 0:
            return num.unit_word in ("元", "块", "块钱")   # not 李四人民币
        return True

    def emit(self, num: _Num, pre: _Prefix) -> None:
        unit = num.unit
        if unit is None and pre.cur:
            unit = pre.cur
        elif pre.cur and num.unit_kind == "currency" and num.unit_word in _GENERIC_YUAN:
            unit = pre.cur      # 新台币37.5亿元, 港币3元: the currency named before the generic 元
        elif pre.cur and num.unit_kind != "currency":
            # a currency before 3亿股 or 5% belongs to something else
            pre.start = max(pre.start, pre.cur_end)
            while self.char(pre.start) == " ":
                pre.start += 1
        start = pre.start
        if num.lead is not None:
            start = min(start, num.lead)
        if pre.words or num.words:
            qualifier, cue = _resolve(pre.words + num.words)
        else:
            qualifier, cue = "exact", None
        end = num.tail_end
        self.out.append(_amount(
            num.value(), unit, qualifier, None, None, pre.per_share or num.per_share,
            num.counter, num.scaled, num.points, cue, self.t[start:end], start, end,
            num.start, num.end,
        ))
        self.last_end = end


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------

def find_amounts(text: str) -> list[Amount]:
    """Every amount of a NORMALIZED text (simplified script, ASCII digits), in order.

    The amounts never overlap and ``amount.text == text[amount.start:amount.end]``. Runs in
    time linear in ``len(text)``. See the module docstring for what counts as an amount.

    Span conventions: qualifier words (约, 超过, 以上, 余), a currency written before the
    number (人民币, HK$), 每股, a sign and a trailing ``H股``/``A股`` after a share count
    (``37,419,500股H股``) are inside ``text``; 从/由 and exact cue words (达, 为, 高达) are not.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected a string, got {type(text).__name__}")
    if not text:
        return []
    return _join_bounds(text, _Scanner(text).run())


#: between the two bounds of a price range told apart: 不高于32.8港元，且预期不低于28.6港元
_BOUNDS_JOIN = re.compile(r"\s*[，,]?\s*(?:且|并|而|但|及|和|以及)?\s*(?:预期|预计|预料|料)?\s*(?:将|会)?\s*")


def _join_bounds(text: str, out: list[Amount]) -> list[Amount]:
    """An upper bound and a lower bound written one after the other (发售价将不高于每股32.8港元，
    且预期不低于每股28.6港元) are one range: the offer-price range of Hong Kong prospectuses."""
    joined: list[Amount] = []
    for b in out:
        a = joined[-1] if joined else None
        if a is not None and a.qualifier in _BOUNDS and b.qualifier in _BOUNDS and a.qualifier != b.qualifier \
                and a.unit == b.unit and a.unit is not None and a.per_share == b.per_share \
                and b.start - a.end <= 12 and _BOUNDS_JOIN.fullmatch(text, a.end, b.start):
            low, high = (a.value, b.value) if a.qualifier == "at_least" else (b.value, a.value)
            if low < high:
                joined[-1] = a.model_copy(update={
                    "value": low, "qualifier": "range", "low": low, "high": high, "qualifier_text": None,
                    "text": text[a.start:b.end], "end": b.end, "num_end": b.num_end})
                continue
        joined.append(b)
    return joined


_BOUNDS = ("at_most", "at_least")


def parse_amount(s: str) -> Amount:
    """The first amount of a user string, normalized first (繁體, full-width digits, 1.86 億美元).

    ``start``/``end``/``num_start``/``num_end`` and ``text`` refer to ``s`` itself.
    Raises :class:`~zhipu_ipo.errors.ParseError` when ``s`` holds no amount.
    """
    if not isinstance(s, str):
        raise ParseError(f"expected a string, got {type(s).__name__}")
    from .normalization import normalize

    norm = normalize(s)
    amounts = find_amounts(norm.text)
    if not amounts:
        raise ParseError(f"no amount in {s[:80]!r}")
    first = amounts[0]
    start, end = norm.span_to_original(first.start, first.end)
    num_start, num_end = norm.span_to_original(first.num_start, first.num_end)
    return first.model_copy(update={
        "start": start, "end": end, "num_start": num_start, "num_end": num_end,
        "text": s[start:end],
    })


_FORMAT_SCALES = ((12, "万亿"), (8, "亿"), (4, "万"))
_FORMAT_SUFFIX = {"percent": "%", "times": "倍", "shares": "股"}


def _plain(value: Decimal) -> str:
    """Digits of a Decimal without exponent (1E+3 -> 1000, 116.20 stays 116.20)."""
    return format(value, "f")


def format_amount(value: Decimal, unit: Optional[str], style: str = "chinese", *,
                  counter: str = "个", per_share: bool = False) -> str:
    """Write ``value`` (base units) back in Chinese, exactly.

    ``style="chinese"`` uses the largest of 万亿/亿/万 not above the value
    (``124500000, 'CNY'`` -> ``1.245亿元``; ``57400000`` -> ``5740万元``) for currencies,
    shares, counts and bare numbers; ``style="plain"`` writes all digits (``124500000元``).
    Units: currency codes (``港元``, ``美元`` …), ``percent`` (``%``), ``times`` (``倍``),
    ``shares`` (``股``), ``count`` (``counter``, default ``个``), ``HKD/share`` or
    ``per_share=True`` (``116.2港元/股``), ``None`` (number only).
    """
    if style not in ("chinese", "plain"):
        raise ValueError(f"unknown style {style!r}")
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValueError(f"not a decimal value: {value!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite value: {value!r}")
    if unit and unit.endswith("/share"):
        unit, per_share = unit[: -len("/share")], True
    if unit in CURRENCY_WORDS:
        suffix = CURRENCY_WORDS[unit] + ("/股" if per_share else "")
    elif unit in _FORMAT_SUFFIX:
        suffix = _FORMAT_SUFFIX[unit]
    elif unit == "count":
        suffix = counter
    elif unit is None:
        suffix = ""
    else:
        raise ValueError(f"unknown unit {unit!r}")
    scalable = unit not in ("percent", "times") and not per_share
    if style == "chinese" and scalable:
        magnitude = abs(value)
        for exp, word in _FORMAT_SCALES:
            if magnitude >= Decimal(10) ** exp:
                return _plain(value.scaleb(-exp, _EXACT).normalize(_EXACT)) + word + suffix
    if value == value.to_integral_value() and value.as_tuple().exponent > 0:
        value = Decimal(int(value))
    return _plain(value) + suffix
