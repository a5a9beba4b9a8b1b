"""Reporting periods and calendar dates as Chinese financial news writes them.

Two kinds of objects leave this module:

* :class:`Period` -- a canonical reporting period of FACTS.md: ``2024`` (fiscal year),
  ``2025H1``, ``2025Q2``, ``2025Q1-Q3``, ``2025-11``, ``2025-06-30`` (a point in time) and
  spans ``2022..2024`` / ``2022..2025H1``. Periods are frozen, hashable and ordered by time
  (see :meth:`Period.sort_key`).
* mentions -- :class:`PeriodMention` and :class:`DateMention`, found by :func:`find_periods`
  and :func:`find_dates` in NORMALIZED text (see :mod:`zhipu_ipo.normalization`); offsets index
  the scanned text.

``parse_period`` and ``parse_date`` read one string (they normalize it first) and raise
:class:`~zhipu_ipo.errors.ParseError` when it is not a period / date.

How a text is scanned
---------------------
One compiled regex finds *atoms* left to right (``search`` from the end of the previous
atom, so the scan is linear): a written year with what follows it (``2025年前三季度``,
``2025年6月30日止六个月``, ``FY2024``, ``2022`` bare), a sub-period without a year (``上半年``,
``9月``, ``1月8日``), a relative word (``去年同期``, ``报告期内``) or a duration (``三年半``).
Every atom regex has bounded length. (For speed, the search skips in C to the characters an
atom can start with, and tries a branch only after a cheap necessary test such as "年 within
19 characters" for a duration; see :func:`_master`.) Atoms separated only by a connector
(``至 到 - 、 及 和 以及`` ...) form a chain, which becomes one ``range`` or ``list`` mention.
Context checks (``截至`` before a year, the character before a word) look at a few
characters only.

Mention kinds
-------------
``single``   one period with a year: 2024年, 2025年上半年, 2025年11月, 截至2025年6月30日止六个月
``range``    2022-2024年, 2022年至2024年上半年: ``period`` is the span, ``items`` its expansion
``list``     2022年、2023年及2024年, 2022至2024年及2025年上半年: ``period`` spans first..last,
             ``items`` are the listed periods (ranges expanded) in order
``point``    截至2025年6月30日, 截至2025年6月(底), 截至2025年上半年, 于2025年6月30日: ``period`` is the
             date (the last day of the period written after 截至; for 截至2025年初 / 截至3月初 the
             day before it starts). Without 截至, 2025年底 is the year and 2025年12月底 the month.
``date``     a full date written without 截至/于/止 (2026年1月8日): ``period`` is that date
``relative`` no year written (上半年, 前三季度, 去年同期, 报告期内, 9月, 2024年同期): ``period`` is
             None; ``relative`` names it ('H1', 'Q1-Q3', 'M9', 'full_year', 'same_period',
             'this_year', 'last_year', 'that_year', 'reporting_period', 'current_period',
             'this_quarter' (季内, 本季度: the quarter in context), 'previous_quarter' (上一季度,
             上季: the quarter before the one in context)),
             ``year_ref``/``year_offset`` carry a year word (今年 -> 'this_year', 0) and
             ``year`` a written year (2024年同期 -> 2024). :meth:`PeriodMention.resolve` turns
             it into a Period given the year it refers to.
``duration`` a length of time in years (三年半, 近三年, 两年多, 不到三年, 2-3年): ``years``
             (``years_high`` for a range), ``qualifier`` (FACTS.md words) and ``anchor``
             ('past' for 近/过去/最近, 'future' for 未来/今后).

A date without a year (``1月8日``) is not a period mention (see :func:`find_dates`).

Conventions
-----------
* A bare four-digit year (1990..2099, no 年) counts only inside a chain that ends with a
  year written with 年: ``2022-2024年`` (range: the bare end is a year) and ``2024及2025年上半年``
  (list: the bare year takes the shape of the next item, 2024H1 and 2025H1).
* ``截至`` in front of a list whose later items have none applies to all of them:
  ``截至2024年及2025年6月30日止六个月`` is [2024H1, 2025H1], ``截至2024年及2025年6月30日`` two points;
  ``2023年、2024年以及截至2025年9月30日止九个月`` keeps 2023 and 2024 as years.
* A sub-period without a year continues a chain after a year: ``2023年3月、6月`` is
  [2023-03, 2023-06]; a range end that would run backwards rolls into the next year.
* ``2022年至2025年6月`` ends at a quarter end, so it is ``2022..2025H1``; month or quarter runs
  inside one year collapse (``2025年1月至9月`` is ``2025Q1-Q3``, kind ``single``).
* Two-digit years (``25年上半年``, ``25Q3``) are read only before a sub-period; ``FY24`` too.
* ``近三年`` / ``过去三年`` are the recent three years (anchor 'past', qualifier 'exact'),
  ``将近三年`` / ``不到三年`` are at most three years.
* Chains hold at most 32 atoms (a longer enumeration is split), keeping hostile input linear.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from .errors import ParseError
from .lexicon import read_rows
from .normalization import cn_year, normalize, small_int

__all__ = [
    "Period",
    "PeriodMention",
    "DateMention",
    "parse_period",
    "parse_date",
    "find_periods",
    "find_dates",
    "resolve_year",
]

PeriodKind = Literal["year", "half", "quarter", "quarters", "month", "span", "date"]
MentionKind = Literal["single", "range", "list", "point", "relative", "duration", "date"]

#: The years a bare four-digit number may name.
MIN_YEAR, MAX_YEAR = 1990, 2099

# --------------------------------------------------------------------------- Period


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


#: Coarseness of a period kind: used to fill a span with consecutive periods.
_GRAIN = {"year": 4, "half": 3, "quarter": 2, "quarters": 2, "month": 1, "date": 0}

#: Fields each kind must set (all other optional fields must be None).
_FIELDS = {
    "year": ("year",),
    "half": ("year", "half"),
    "quarter": ("year", "quarter"),
    "quarters": ("year", "q_from", "q_to"),
    "month": ("year", "month"),
    "date": ("date",),
    "span": ("first", "last"),
}
_OPTIONAL = ("year", "half", "quarter", "q_from", "q_to", "month", "date", "first", "last")


class Period(BaseModel):
    """A reporting period (see the module docstring for the canonical forms).

    Build one with the constructors (:meth:`of_year`, :meth:`of_half`, :meth:`of_quarter`,
    :meth:`of_quarters`, :meth:`of_month`, :meth:`of_months`, :meth:`of_date`, :meth:`span`)
    or :func:`parse_period`. A run of quarters is canonical: Q1-Q2 is the first half,
    Q3-Q4 the second, Q1-Q4 the year, Qn-Qn the quarter.
    """

    model_config = ConfigDict(frozen=True)

    kind: PeriodKind
    year: Optional[int] = None
    half: Optional[int] = None
    quarter: Optional[int] = None
    q_from: Optional[int] = None
    q_to: Optional[int] = None
    month: Optional[int] = None
    date: Optional[dt.date] = None
    first: Optional["Period"] = None
    last: Optional["Period"] = None

    # -- validation ---------------------------------------------------------------

    @model_validator(mode="before")
    @classmethod
    def _canonical_quarters(cls, data):
        if isinstance(data, dict) and data.get("kind") == "quarters":
            a, b, y = data.get("q_from"), data.get("q_to"), data.get("year")
            if isinstance(a, int) and isinstance(b, int):
                if a == b:
                    return {"kind": "quarter", "year": y, "quarter": a}
                if (a, b) == (1, 4):
                    return {"kind": "year", "year": y}
                if (a, b) in ((1, 2), (3, 4)):
                    return {"kind": "half", "year": y, "half": 1 if a == 1 else 2}
        return data

    @model_validator(mode="after")
    def _check(self) -> "Period":
        need = _FIELDS[self.kind]
        for name in _OPTIONAL:
            value = getattr(self, name)
            if name in need and value is None:
                raise ValueError(f"a {self.kind} period needs {name}")
            if name not in need and value is not None:
                raise ValueError(f"a {self.kind} period has no {name}")
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.half is not None and self.half not in (1, 2):
            raise ValueError(f"half must be 1 or 2: {self.half}")
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1..4: {self.quarter}")
        if self.kind == "quarters" and not 1 <= self.q_from < self.q_to <= 4:
            raise ValueError(f"bad quarter run Q{self.q_from}-Q{self.q_to}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12: {self.month}")
        if self.kind == "span":
            if self.first.kind == "span" or self.last.kind == "span":
                raise ValueError("the ends of a span cannot be spans")
            if not self.first.end_date < self.last.start_date:
                raise ValueError(f"a span must run forward without overlap: {self.first}..{self.last}")
        return self

    # -- constructors ---------------------------------------------------------------

    @classmethod
    def of_year(cls, year: int) -> "Period":
        """The (fiscal) year ``year``."""
        return _make("year", year=year)

    @classmethod
    def of_half(cls, year: int, half: int) -> "Period":
        """The first (``half=1``) or second half of ``year``."""
        return _make("half", year=year, half=half)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> "Period":
        """One quarter."""
        return _make("quarter", year=year, quarter=quarter)

    @classmethod
    def of_quarters(cls, year: int, q_from: int, q_to: int) -> "Period":
        """Quarters ``q_from``..``q_to`` of one year (canonical: Q1-Q2 gives the half)."""
        return _make("quarters", year=year, q_from=q_from, q_to=q_to)

    @classmethod
    def of_month(cls, year: int, month: int) -> "Period":
        """One calendar month."""
        return _make("month", year=year, month=month)

    @classmethod
    def of_months(cls, year: int, m_from: int, m_to: int) -> "Period":
        """Months ``m_from``..``m_to`` of one year, in the coarsest canonical form.

        1-12 is the year, 1-9 is Q1-Q3, 4-6 is Q2, 3-3 the month; a run that does not
        follow quarter bounds is a span of months (``2025-02..2025-05``).
        """
        if not 1 <= m_from <= m_to <= 12:
            raise ParseError(f"bad month run {m_from}-{m_to}")
        if m_from == m_to:
            return cls.of_month(year, m_from)
        if m_from % 3 == 1 and m_to % 3 == 0:
            return cls.of_quarters(year, (m_from + 2) // 3, m_to // 3)
        return cls.span(cls.of_month(year, m_from), cls.of_month(year, m_to))

    @classmethod
    def of_date(cls, date: dt.date) -> "Period":
        """A point in time."""
        return _make("date", date=date)

    @classmethod
    def span(cls, first: "Period", last: "Period") -> "Period":
        """The span from ``first`` to ``last`` (``2022..2024``); ends that are spans are
        flattened, and ``span(p, p)`` is ``p``. Raises ParseError unless ``first`` ends
        before ``last`` starts."""
        if first.kind == "span":
            first = first.first
        if last.kind == "span":
            last = last.last
        if first == last:
            return first
        return _make("span", first=first, last=last)

    # -- views ------------------------------------------------------------------------

    @property
    def start_date(self) -> dt.date:
        """The first calendar day the period covers."""
        k = self.kind
        if k == "year":
            return dt.date(self.year, 1, 1)
        if k == "half":
            return dt.date(self.year, 1 if self.half == 1 else 7, 1)
        if k == "quarter":
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        if k == "quarters":
            return dt.date(self.year, 3 * self.q_from - 2, 1)
        if k == "month":
            return dt.date(self.year, self.month, 1)
        if k == "date":
            return self.date
        return self.first.start_date

    @property
    def end_date(self) -> dt.date:
        """The last calendar day the period covers."""
        k = self.kind
        if k == "year":
            return dt.date(self.year, 12, 31)
        if k == "half":
            return _month_end(self.year, 6 if self.half == 1 else 12)
        if k == "quarter":
            return _month_end(self.year, 3 * self.quarter)
        if k == "quarters":
            return _month_end(self.year, 3 * self.q_to)
        if k == "month":
            return _month_end(self.year, self.month)
        if k == "date":
            return self.date
        return self.last.end_date

    def items(self) -> list["Period"]:
        """A span as consecutive periods: ``2022..2024`` -> [2022, 2023, 2024],
        ``2021..2024H1`` -> [2021, 2022, 2023, 2024H1]; the gap between the ends is filled
        with the coarsest calendar periods no coarser than the ends (a span between two
        dates gives just its ends). Any other period gives ``[self]``."""
        if self.kind != "span":
            return [self]
        return list(_span_items(self))

    def sort_key(self) -> tuple:
        """Time order: by last day, then the longer period first (2024 < 2025H1 <
        2025Q1-Q3 < 2025 < 2025H2 < 2025Q4 < 2025-12 < 2025-12-31)."""
        return (self.end_date, self.start_date, str(self))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() >= other.sort_key()

    def __str__(self) -> str:
        k = self.kind
        if k == "year":
            return f"{self.year:04d}"
        if k == "half":
            return f"{self.year:04d}H{self.half}"
        if k == "quarter":
            return f"{self.year:04d}Q{self.quarter}"
        if k == "quarters":
            return f"{self.year:04d}Q{self.q_from}-Q{self.q_to}"
        if k == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if k == "date":
            return self.date.isoformat()
        return f"{self.first}..{self.last}"

    def __repr__(self) -> str:
        return f"Period('{self}')"


Period.model_rebuild()


@lru_cache(maxsize=8192)
def _make_cached(kind: str, fields: tuple) -> Period:
    try:
        return Period(kind=kind, **dict(fields))
    except ValidationError as exc:
        problems = "; ".join(e.get("msg", "") for e in exc.errors())
        raise ParseError(f"invalid {kind} period: {problems}") from None


def _make(kind: str, **fields) -> Period:
    """Build (and cache) a Period; invalid fields raise ParseError."""
    return _make_cached(kind, tuple(sorted(fields.items())))


def _aligned(cur: dt.date, grain: int, stop: dt.date) -> Period:
    """The coarsest calendar period (not coarser than ``grain``) that starts on ``cur``
    (a first of month) and ends before ``stop``."""
    y, m = cur.year, cur.month
    if grain >= 4 and m == 1:
        p = Period.of_year(y)
        if p.end_date < stop:
            return p
    if grain >= 3 and m in (1, 7):
        p = Period.of_half(y, 1 if m == 1 else 2)
        if p.end_date < stop:
            return p
    if grain >= 2 and m % 3 == 1:
        p = Period.of_quarter(y, (m + 2) // 3)
        if p.end_date < stop:
            return p
    return Period.of_month(y, m)


@lru_cache(maxsize=1024)
def _span_items(p: Period) -> tuple[Period, ...]:
    first, last = p.first, p.last
    if first.kind == "date" or last.kind == "date":
        return (first, last)
    grain = max(_GRAIN[first.kind], _GRAIN[last.kind])
    out = [first]
    cur = first.end_date + dt.timedelta(days=1)
    stop = last.start_date
    while cur < stop:
        nxt = _aligned(cur, grain, stop)
        out.append(nxt)
        cur = nxt.end_date + dt.timedelta(days=1)
    out.append(last)
    return tuple(out)


# --------------------------------------------------------------------------- grammar

_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12][0-9]|0?[1-9]"
_COUNT = r"1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九]"  # a number of months
_QN = r"[一二三四1-4]"
_TO = r"(?: ?(?:[-~–—～]|至|到) ?)"

# 初 ends 年初 / 6月初 unless it starts a word (初创, 初步, 初期 ...).
_NOT_WORD_AFTER_CHU = r"(?![创步始期心衷次代级中版稿见现赛具露恋])"

# A sub-period, as written after a year or on its own. Every branch has bounded length.
_SUF_CORE = (
    r"(?P<half>[上下首])半(?:个)?(?:财)?年度?"
    r"|(?P<full>全年)度?"
    r"|(?P<interim>中期)(?=业绩|报告|财报|报表|期间|营收|收入|总收入|营业额|收益|亏损|净亏|净利|纯利|盈利|经调整|毛利|研发|[ \t]*[|｜\t\n]|[ \t]*$)"
    r"|(?P<fq>首)季度?(?![0-9一二两三四五六七八九])"
    # 头三季 / 头九个月: Hong Kong usage, not read in 龙头三季度 (头 with 季度 or a bare 月)
    r"|(?:[前首]|头(?=[一二两三1-3]季(?![度报])))(?P<nq>[一二两三1-3])个?季度?"
    rf"|(?:[前首]|头(?=(?:{_COUNT})个月))(?P<nm>{_COUNT})个?月份?"
    rf"|第?(?P<q1>{_QN})(?:{_TO}第?(?P<q2>{_QN}))?季度?"
    r"|Q(?P<qq1>[1-4])(?: ?- ?Q(?P<qq2>[1-4]))?(?![0-9A-Za-z])"
    r"|H(?P<hh>[12])(?![0-9A-Za-z])"
    rf"|(?P<ma>{_MONTH}) ?月?{_TO}(?P<mb>{_MONTH}) ?月份?"
    rf"|(?P<m>{_MONTH}) ?月份?(?: ?(?:(?P<d>{_DAY}) ?[日号]|(?P<dz>底|末)(?= ?止))"
    rf"(?P<zhi> ?(?:止(?:的|之)?|的(?=(?:{_COUNT})个月|年度|财年|半年度)) ?(?:(?P<zh>半年度?|半财年)|(?P<zy>年度|财年|年)|(?P<zn>{_COUNT})个月|(?P<zyn>{_COUNT})个(?:财政)?(?:年度|财年)))?"
    rf"|(?P<mend>底|末|初{_NOT_WORD_AFTER_CHU}))?"
)
# After a year also: 同期 (2024年同期) and 年底 / 年末, optionally after 的 (2025年的前九个月).
_SUF_AFTER_YEAR = (
    r"(?: ?的)? ?(?:(?P<same>同期|同一(?:时段|时期|期间))|(?P<yend>(?:底|末)(?![期日层线部])|初" + _NOT_WORD_AFTER_CHU + ")|"
    + _SUF_CORE + ")"
)
_SUF_CORE_RE = re.compile(_SUF_CORE)
_SUF_AFTER_YEAR_RE = re.compile(_SUF_AFTER_YEAR)
_YTAIL_RE = re.compile(r"(?P<yt> ?(?:财年度?|年度|年))?(?P<suf>" + _SUF_AFTER_YEAR + ")?")
#: Sub-period branches that may follow a year written without 年 (2025Q2, 2025上半年).
_NO_NIAN_OK = ("half", "full", "nq", "nm", "q1", "qq1", "hh")

_Y_HEAD = (
    r"(?P<fy>FY ?)?(?<![0-9.])(?P<y4>(?:19|20)[0-9]{2})(?![0-9]|\.[0-9])"
    r"|FY ?(?P<fy2>[0-9]{2})(?![0-9])"
    r"|(?P<ycn>[一二][〇零一二三四五六七八九]{3})(?= ?年)"
    r"|(?<![0-9.])(?<!近)(?<!过去)(?<!逾)(?<!超)(?<!约)(?<!这)(?P<yy>[0-9]{2})"
    r"(?= ?年?(?:[上下]半|Q[1-4]|H[12]|前[一二两三1-3]个?季|第?[一二三四1-4]季|全年|财年)"
    # forum shorthand: 24年营收, 24年净亏, 毛利率56.3%(24年)
    r"| ?年(?:度|营收|收入|总收入|净亏|净利|亏损|毛利|研发|业绩|[)）]|[0-9]{1,2}(?:[-至][0-9]{1,2})?月))"
)

_NUM = r"[0-9]{1,3}(?:\.[0-9]{1,2})?|[一二两三四五六七八九十]{1,3}"
_DUR = (
    r"(?P<dpre>过去的?|最近的?|近|未来的?|今后|不到|不足|超过|超|逾|大约|约|将近|接近|长达|大)?"
    r"(?<![0-9.第每这那哪同某数几上下一二两三四五六七八九十〇零])"
    rf"(?P<n1>{_NUM}|半)(?:{_TO}(?P<n2>{_NUM}))? ?年(?P<dhalf>半)?(?P<dmore>多)?"
    r"(?P<dsuf>以上|左右|之久|以内)?(?![龄份级轻纪])"
)
_DUR_AT_LEAST = {"超过", "超", "逾", "大"}
_DUR_AT_MOST = {"不到", "不足", "将近", "接近"}
_DUR_APPROX = {"约", "大约"}
_DUR_PAST = {"过去", "过去的", "最近", "最近的", "近"}
_DUR_FUTURE = {"未来", "未来的", "今后"}


#: Every character an atom of the grammar above can start with (years, sub-periods,
#: durations; relative words add their own first characters).
_FIRST_CHARS = "0123456789FQH一二两三四五六七八九十半上下全前第首中过最近未今不超逾大约将接长头"


def _nocap(pattern: str) -> str:
    """The pattern with its named groups made non-capturing (to embed it twice)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


class _RelWord(NamedTuple):
    relative: str
    year_offset: Optional[int]
    role: str  # year, year+, term
    not_after: str


@lru_cache(maxsize=1)
def _rel_words() -> dict[str, _RelWord]:
    out = {}
    for row in read_rows("periods_relative.tsv"):
        row = row + [""] * (5 - len(row))
        word, rel, offset, role, not_after = row[:5]
        out[word] = _RelWord(rel, int(offset) if offset else None, role or "term", not_after)
    return out


def _skipping(pattern: str, first: str, guard: str = "") -> re.Pattern:
    """``pattern`` compiled for fast ``search``: ``first`` (a character-class body) lists every
    character a match can start with.

    ``re`` skips in C only to characters of a class that *starts* a pattern; a pattern that
    starts with a group, an alternation or a look-around is tried at every position. Here the
    class comes first and the real pattern is a look-ahead inside a one-character look-behind,
    so it is tried only where it can match. ``guard`` (a look-behind, tested after the first
    character) can reject more positions cheaply. The groups are those of ``pattern`` (which
    may not use back-references); ``m.start()`` is where the match starts, but ``m.end()`` is
    one character later: use the end of a group.
    """
    return re.compile(f"[{first}]{guard}(?<=(?={pattern})[{first}])")


#: For :func:`_skipping`: no match starts with a digit that follows a digit or a dot (true of
#: every pattern below whose branches starting with a digit have that look-behind), which
#: skips the inside of long numbers at once.
_NOT_INSIDE_A_NUMBER = r"(?<![0-9.][0-9])"


# Necessary conditions for the atoms, tested before each branch of the master pattern so that
# the many positions where none can start fail fast (pure speed-ups: they never reject a match).
# Keep them in sync with the grammar above.
#   Y: FY…, two digits (2024, 25上半年) or 一/二 and a Chinese digit (二〇二五年).
_Y_GUARD = r"(?=F|[0-9]{2}|[一二][〇零一二三四五六七八九])"
#   S: starts with 上 下 全 前 第 Q H, or has 月/季 within 10 characters: (10 ~ 12 月) is
#   month(2) space(1) 月?(1) connector(3) month(2) space(1) before 月; quarters need less.
_S_GUARD = r"(?=[上下全前第首中QH]|[^\n]{0,10}[月季])"
#   D: 年 within 19 characters: prefix(3: 过去的) number(6: 100.25) connector(3) number(6)
#   space(1) before 年.
_D_GUARD = r"(?=[^\n]{0,19}年)"


@lru_cache(maxsize=1)
def _master() -> re.Pattern:
    """The atoms (see _scan); a match ends at ``m.end(m.lastgroup)``."""
    words = sorted(_rel_words(), key=len, reverse=True)
    rel = "|".join(re.escape(w) for w in words)
    first = re.escape("".join(sorted(set(_FIRST_CHARS) | {w[0] for w in words})))
    pattern = (
        rf"{_Y_GUARD}(?P<Y>{_Y_HEAD})"
        rf"|(?P<R>{rel})"
        rf"|{_S_GUARD}(?P<S>(?<![0-9.])(?:(?<![A-Za-z])|(?=[^\x00-\x7f]))(?:{_nocap(_SUF_CORE)}))"
        rf"|{_D_GUARD}(?P<D>{_DUR})"
    )
    # Y, S and D have the look-behind; a relative word starting with a digit would not.
    guard = "" if any(w[0] in "0123456789" for w in words) else _NOT_INSIDE_A_NUMBER
    return _skipping(pattern, first, guard)


_QUICK_PERIOD = re.compile(r"[0-9年月季期QH]")
_ASOF_TAIL = re.compile(r"(?:截至|截止)(?:到|至|于)? ?$")
_ON_TAIL = re.compile(r"于 ?$")
# The last character of a text that _ASOF_TAIL or _ON_TAIL finds (``$`` also matches before
# a final newline).
_PREFIX_LAST = frozenset("止至到于 \n")
_NOT_A_YEAR_AFTER = frozenset("龄份级轻纪")
_RANGE_GAPS = frozenset({"-", "~", "–", "—", "～", "至", "到"})
_LIST_GAPS = frozenset(
    {"、", "及", "和", "与", "以及"}
    | {p + w for p in ("、", ",", "，") for w in ("及", "和", "与", "以及")}
)
_MAX_CHAIN = 32


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


# Shapes: a sub-period independent of its year.
#   ('Y',) year   ('H', h) half   ('Q', a, b) quarters   ('M', a, b) months a..b
#   ('m', m, edge) month (edge: None, 'start' for 月初, 'end' for 月底/月末)
#   ('D', m, d) date              ('Z', m, d, n) n months ended m/d (n=0: year)
#   ('E', edge) 年初 / 年底 / 年末  ('S',) same period (同期)
_Shape = tuple
_YEAR: _Shape = ("Y",)
_CONTINUES = frozenset("YHQMmDZ")  # shapes that may continue a chain without a year


def _shape(m: re.Match) -> Optional[_Shape]:
    """The shape of a sub-period match of ``_SUF_CORE`` / ``_SUF_AFTER_YEAR``."""
    g = m.groupdict()
    if g.get("same"):
        return ("S",)
    if g.get("yend"):
        return ("E", "start" if g["yend"] == "初" else "end")
    if g["half"]:
        return ("H", 2 if g["half"] == "下" else 1)
    if g.get("interim"):     # 2025年中期业绩: the interim period of a December year, the first half
        return ("H", 1)
    if g.get("fq"):          # 首季: the first quarter (Hong Kong usage)
        return ("Q", 1, 1)
    if g["full"]:
        return _YEAR
    if g["nq"]:
        return ("Q", 1, small_int(g["nq"]))
    if g["nm"]:
        n = small_int(g["nm"])
        return ("M", 1, n) if n and n <= 12 else None
    if g["q1"]:
        a = small_int(g["q1"])
        b = small_int(g["q2"]) if g["q2"] else a
        return ("Q", a, b) if a <= b else None
    if g["qq1"]:
        a = int(g["qq1"])
        b = int(g["qq2"]) if g["qq2"] else a
        return ("Q", a, b) if a <= b else None
    if g["hh"]:
        return ("H", int(g["hh"]))
    if g["ma"]:
        a, b = small_int(g["ma"]), small_int(g["mb"])
        return ("M", a, b) if a and b and a < b <= 12 else None
    if g["m"]:
        month = small_int(g["m"])
        if not month or month > 12:
            return None
        if g["d"] or g["dz"]:
            # (6月底止六个月: the month's last day)
            day = int(g["d"]) if g["d"] else _MONTH_END[month - 1]
            if g["zhi"]:
                if g.get("zyn"):      # 截至2024年12月31日止三个年度: the three years ending then
                    k = small_int(g["zyn"])
                    return ("Z", month, day, -k) if k and k <= 10 else None
                n = 0 if g["zy"] else 6 if g.get("zh") else small_int(g["zn"])   # 止半年: six months
                return ("Z", month, day, n) if n is not None and n <= 12 else None
            return ("D", month, day)
        edge = None if not g["mend"] else "start" if g["mend"] == "初" else "end"
        return ("m", month, edge)
    return None


#: the last day of each month (February's is never the end of a reporting period)
_MONTH_END = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@lru_cache(maxsize=4096)
def _period_of(year: int, shape: _Shape) -> Optional[Period]:
    """The period a shape names in ``year`` (None when it is not a valid period)."""
    tag = shape[0]
    try:
        if tag in "YE":
            return Period.of_year(year)
        if tag == "H":
            return Period.of_half(year, shape[1])
        if tag == "Q":
            return Period.of_quarters(year, shape[1], shape[2])
        if tag == "M":
            return Period.of_months(year, shape[1], shape[2])
        if tag == "m":
            return Period.of_month(year, shape[1])
        if tag == "D":
            return Period.of_date(dt.date(year, shape[1], shape[2]))
        if tag == "Z":
            _, month, day, n = shape
            dt.date(year, month, day)  # validates the written date
            if n == 0:
                return Period.of_year(year)
            if n < 0:
                return Period.span(Period.of_year(year + n + 1), Period.of_year(year)) if n < -1 \
                    else Period.of_year(year)
            start = year * 12 + month - n  # month index (0-based) of the first month
            sy, sm = divmod(start, 12)
            if sy == year:
                return Period.of_months(year, sm + 1, month)
            return Period.span(Period.of_months(sy, sm + 1, 12), Period.of_months(year, 1, month))
    except (ValueError, OverflowError):
        return None
    return None


def _relative_name(shape: _Shape) -> Optional[str]:
    """'H1', 'Q2', 'Q1-Q3', 'M11', 'M2-M5', 'full_year' ... for a shape without a year."""
    if shape[0] == "S":
        return "same_period"
    if shape[0] == "E":
        return "year_start" if shape[1] == "start" else "year_end"
    p = _period_of(2000, shape)
    if p is None or p.kind == "date":
        return None
    if p.kind == "year":
        return "full_year"
    if p.kind == "month":
        return f"M{p.month}"
    if p.kind == "span":
        if p.first.kind == "month" and p.last.kind == "month" and p.first.year == p.last.year:
            return f"M{p.first.month}-M{p.last.month}"
        return None
    return str(p)[4:]


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True)
class PeriodMention:
    """A period written in a text (see the module docstring for the kinds)."""

    start: int
    end: int
    text: str
    kind: MentionKind
    period: Optional[Period] = None
    items: list[Period] = field(default_factory=list, hash=False)
    relative: Optional[str] = None
    year_ref: Optional[str] = None
    year_offset: Optional[int] = None
    year: Optional[int] = None
    years: Optional[Decimal] = None
    years_high: Optional[Decimal] = None
    qualifier: Optional[str] = None
    anchor: Optional[str] = None

    def resolve(self, year: int) -> Optional[Period]:
        """The period meant, given the year the text refers to (the article's year for
        今年/上半年, the year in context for 当年): ``period`` when written, None for
        durations and for terms that name no calendar period (同期, 报告期内)."""
        if self.period is not None:
            return self.period
        if self.kind != "relative" or self.relative is None:
            return None
        base = self.year if self.year is not None else year + (self.year_offset or 0)
        rel = self.relative
        try:
            if rel in ("this_year", "last_year", "year_before_last", "next_year", "that_year", "full_year"):
                return Period.of_year(base)
            if rel.startswith(("H", "Q")):
                return parse_period(f"{base}{rel}")
            if rel.startswith("M"):
                a, _, b = rel[1:].partition("-M")
                return Period.of_months(base, int(a), int(b or a))
        except ParseError:
            return None
        return None


@dataclass(frozen=True)
class DateMention:
    """A calendar date (or date range) written in a text.

    ``date`` is None when the year is not written (``1月8日``); ``end_*`` describe the
    second date of a range (``2025年12月30日至2026年1月5日``); ``relative`` is 'today',
    'yesterday' or 'tomorrow' for ``今(8)日`` / ``今日(8日)`` (only the day is known);
    ``dateline`` marks a publication stamp (``2025-12-30 17:17``, ``证券时报·2025-12-30``, a
    full date at the start of a line followed by a time).
    """

    start: int
    end: int
    text: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    date: Optional[dt.date] = None
    end_year: Optional[int] = None
    end_month: Optional[int] = None
    end_day: Optional[int] = None
    end_date: Optional[dt.date] = None
    relative: Optional[str] = None
    dateline: bool = False

    @property
    def is_range(self) -> bool:
        return self.end_day is not None

    def resolve(self, reference: dt.date) -> "DateMention":
        """A copy with missing years (and, for 今(8)日, the month) taken from ``reference``
        (e.g. the publication date): the year that puts the date closest to it. A range
        end that goes backwards rolls into the next year."""
        year, month, day = self.year, self.month, self.day
        if self.relative is not None:
            date = _nearest_day(day, reference)
            return replace(self, year=date.year, month=date.month, date=date)
        if month is None or day is None:
            return self
        if year is None:
            try:
                year = resolve_year(month, day, reference)
            except ParseError:
                return self
        date = safe_date(year, month, day)
        out = replace(self, year=year, date=date)
        if self.end_day is not None and self.end_year is None and date is not None:
            end_month = self.end_month or month
            end_year = year + 1 if (end_month, self.end_day) < (month, day) else year
            out = replace(out, end_year=end_year, end_month=end_month,
                          end_date=safe_date(end_year, end_month, self.end_day))
        return out


def _mention_defaults() -> Optional[dict]:
    """The defaults of the PeriodMention fields after ``items``, in field order (None when
    one has no plain default: then :func:`_mention` uses the constructor)."""
    fields = dataclasses.fields(PeriodMention)
    if [f.name for f in fields[:6]] != ["start", "end", "text", "kind", "period", "items"]:
        return None  # pragma: no cover
    out = {}
    for f in fields[6:]:
        if f.default is dataclasses.MISSING:
            return None
        out[f.name] = f.default
    return out


_MENTION_DEFAULTS = _mention_defaults()
_new_object = object.__new__
_set_attr = object.__setattr__


def _mention(start: int, end: int, text: str, kind: str, period: Optional[Period],
             items: list, extra: Optional[dict] = None) -> PeriodMention:
    """``PeriodMention(start, end, text, kind, period, items, **extra)`` from known-good
    values, without the frozen dataclass's per-field ``object.__setattr__`` calls (the same
    object: the same ``__dict__``, in the same order)."""
    if _MENTION_DEFAULTS is None:  # pragma: no cover - a field without a plain default
        return PeriodMention(start, end, text, kind, period, items, **(extra or {}))
    fields = {"start": start, "end": end, "text": text, "kind": kind, "period": period, "items": items}
    fields.update(_MENTION_DEFAULTS)
    if extra:
        fields.update(extra)
    mention = _new_object(PeriodMention)
    _set_attr(mention, "__dict__", fields)
    return mention


def safe_date(y: Optional[int], m: Optional[int], d: Optional[int]) -> Optional[dt.date]:
    """The date, or None when a part is missing or the day does not exist (2月30日)."""
    if y is None or m is None or d is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_day(day: int, reference: dt.date) -> dt.date:
    best = None
    for shift in (-1, 0, 1):
        y, m = divmod(reference.year * 12 + reference.month - 1 + shift, 12)
        cand = safe_date(y, m + 1, day)
        if cand is not None and (best is None or abs(cand - reference) < abs(best - reference)):
            best = cand
    return best if best is not None else reference


class _Atom:
    """One scanned piece of a text (internal)."""

    __slots__ = ("start", "end", "pstart", "prefix", "cat", "year", "shape", "extra")

    def __init__(self, start, end, cat, year=None, shape=None, extra=None):
        self.start = start      # start of the atom proper
        self.end = end
        self.pstart = start     # start including a 截至 / 于 prefix
        self.prefix = None      # 'asof' (截至...) or 'on' (于 + full date)
        self.cat = cat          # Y (year written), S (sub-period without year), R (relative), D (duration)
        self.year = year
        self.shape = shape      # None for a bare year (2022 in 2022-2024年)
        self.extra = extra      # R: dict of mention fields; D: the match


#: the count of a list of bare years, after its last: 2022、2023、2024三年 (两年 to 五年)
#: a figure's word right after a year written without 年: 2025营收, 2024净亏
_YEAR_FIGURE_AFTER = re.compile(r"(?:营收|收入|总收入|营业收入|净亏损?|净利润?|亏损|毛利率?|研发(?:开支|费用|投入)?)")
_YEARS_COUNTED = re.compile(r"(?:这|这些)?[两二三四五](?:个)?(?:完整)?(?:财政)?年度?(?![\d半期底末初内])")


def _year_atom(text: str, m: re.Match) -> Optional[_Atom]:
    if m.group("y4"):
        year, fy = int(m.group("y4")), m.group("fy") is not None
    elif m.group("fy2"):
        year, fy = 2000 + int(m.group("fy2")), True
    elif m.group("ycn"):
        year, fy = cn_year(m.group("ycn")), False
    else:
        year, fy = 2000 + int(m.group("yy")), False
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    tail = _YTAIL_RE.match(text, m.end("Y"))
    nian = tail.group("yt") is not None
    shape = None
    end = m.end("Y")
    if tail.group("suf") is not None:
        if nian or any(tail.group(b) for b in _NO_NIAN_OK):
            shape = _shape(tail)
            if shape is not None:
                end = tail.end()
    if shape is None and nian:
        shape, end = _YEAR, tail.end("yt")
    if shape is None and fy:
        shape = _YEAR
    if shape is None and m.group("y4"):
        count = _YEARS_COUNTED.match(text, m.end("Y"))
        if count is not None:
            # 2022、2023、2024三年分别录得…: the last of a list of years that counts them
            shape, end = _YEAR, count.end()
        elif _YEAR_FIGURE_AFTER.match(text, m.end("Y")) \
                and not re.search(r"[HQhq][1-4]\s*$", text[max(0, m.start() - 4):m.start()]):
            shape = _YEAR       # 2025营收 (a forum's or a table head's shorthand; not H1 2026收入): that year
    if m.group("yy") and (shape is None or (shape == _YEAR and year < 2015)):
        return None         # (10年营收: more likely ten years than 2010)
    if shape is not None and shape[0] == "m" and shape[2] is None and text.startswith("期", end) \
            and not text.startswith(("期间", "期末", "期内", "期初"), end):
        # 2025年12月期 (Japanese usage): the fiscal year ending that month; only a December year
        # is a calendar period
        if shape[1] != 12:
            return None
        shape, end = _YEAR, end + 1
    if shape is not None and shape[0] == "S":
        return _Atom(m.start(), end, "R", extra={"relative": "same_period", "year": year})
    return _Atom(m.start(), end, "Y", year=year, shape=shape)


def _rel_atom(text: str, m: re.Match) -> Optional[_Atom]:
    word = m.group("R")
    info = _rel_words()[word]
    start, end = m.start(), m.end("R")
    if start > 0 and info.not_after:
        before = text[start - 1]
        if before in info.not_after or (info.not_after == "*" and _is_cjk(before)):
            return None
    if end < len(text) and text[end] in _NOT_A_YEAR_AFTER and word.endswith("年"):
        return None
    fields = {"relative": info.relative}
    if info.role == "term" and info.year_offset is not None:
        fields["year_offset"] = info.year_offset        # 今明两年: from the article's year
    if info.role.startswith("year"):
        fields.update(year_ref=info.relative, year_offset=info.year_offset)
        t = _SUF_AFTER_YEAR_RE.match(text, end)
        shape = _shape(t) if t is not None else None
        name = _relative_name(shape) if shape is not None and shape[0] != "D" else None
        if name is not None:
            fields["relative"] = name
            end = t.end()
            if name == "same_period" and info.relative == "previous_year":
                fields["year_offset"] = -1      # 前一年同期: the period in context, a year earlier
        elif info.role == "year+":
            if info.relative != "last_year":
                return None
            # 上年为24.66亿元, 较上年的56.3%: alone, the year before the one in context (前一年)
            fields = {"relative": "previous_year", "year_ref": "previous_year", "year_offset": None}
    return _Atom(start, end, "R", extra=fields)


def _sub_atom(text: str, m: re.Match) -> Optional[_Atom]:
    t = _SUF_CORE_RE.match(text, m.start())
    shape = _shape(t) if t is not None else None
    if shape is None:
        return None
    if t.group("q1") and not t.group(0).startswith("第") and not t.group(0).endswith("度"):
        return None  # 四季 / 三季报 alone are not quarters
    return _Atom(m.start(), t.end(), "S", shape=shape)


def _dec(s: str) -> Optional[Decimal]:
    if s == "半":
        return Decimal("0.5")
    if s[0].isascii():
        return Decimal(s)
    v = small_int(s)
    return Decimal(v) if v else None


def _duration_atom(m: re.Match) -> Optional[_Atom]:
    years = _dec(m.group("n1"))
    high = _dec(m.group("n2")) if m.group("n2") else None
    if years is None or years == 0 or (m.group("n2") and (high is None or high <= years)):
        return None
    if m.group("dhalf"):
        if m.group("n1") == "半":
            return None
        years += Decimal("0.5")
    pre, suf = m.group("dpre") or "", m.group("dsuf") or ""
    if high is not None:
        qualifier = "range"
    elif pre in _DUR_AT_LEAST or m.group("dmore") or suf == "以上":
        qualifier = "at_least"
    elif pre in _DUR_AT_MOST or suf == "以内":
        qualifier = "at_most"
    elif pre in _DUR_APPROX or suf == "左右":
        qualifier = "approx"
    else:
        qualifier = "exact"
    anchor = "past" if pre in _DUR_PAST else "future" if pre in _DUR_FUTURE else None
    extra = {"years": years, "years_high": high, "qualifier": qualifier, "anchor": anchor}
    return _Atom(m.start(), m.end("D"), "D", extra=extra)


def _scan(text: str) -> list[_Atom]:
    """The atoms of ``text`` in order, non-overlapping (linear time)."""
    master = _master()
    atoms: list[_Atom] = []
    pos = 0
    prev_end = 0
    n = len(text)
    while pos < n:
        m = master.search(text, pos)
        if m is None:
            break
        cat = m.lastgroup
        if cat == "Y":
            atom = _year_atom(text, m)
        elif cat == "R":
            atom = _rel_atom(text, m)
        elif cat == "S":
            atom = _sub_atom(text, m)
        else:
            atom = _duration_atom(m)
        if atom is None:
            pos = m.end(cat)
            continue
        if atom.cat in "YS" and atom.start > prev_end and text[atom.start - 1] in _PREFIX_LAST:
            # (both prefixes end with one of _PREFIX_LAST: else the searches below fail)
            lo = max(prev_end, atom.start - 5)
            look = text[lo:atom.start]
            pm = _ASOF_TAIL.search(look)
            if pm is not None:
                atom.prefix, atom.pstart = "asof", lo + pm.start()
            elif atom.shape is not None and atom.shape[0] == "D":
                pm = _ON_TAIL.search(look)
                if pm is not None:
                    atom.prefix, atom.pstart = "on", lo + pm.start()
        atoms.append(atom)
        pos = prev_end = atom.end
    return atoms


def _connector(text: str, end: int, start: int) -> Optional[str]:
    """'range' or 'list' when ``text[end:start]`` is only a connector, else None."""
    if start - end > 6:
        return None
    gap = text[end:start].replace(" ", "")
    if gap in _RANGE_GAPS:
        return "range"
    if gap in _LIST_GAPS:
        return "list"
    if gap in ("/", "／") and text[end - 1:end] == "年" and _FULL_YEAR_AT.match(text, start):
        return "list"       # 2023年/2024年/2025年 (not the fiscal year 2025/26)
    return None


_FULL_YEAR_AT = re.compile(r"(?:19|20)[0-9]{2}年")


_QUARTERISH = ("half", "quarter", "quarters")


def _first_quarter(p: Period) -> int:
    return (p.start_date.month + 2) // 3


def months_of_one_year(p: Period) -> bool:
    """A span of months within one year (2026-01..2026-05)."""
    items = p.items() if p.kind == "span" else []
    return len(items) >= 2 and all(i.kind == "month" for i in items) \
        and items[0].start_date.year == items[-1].end_date.year


def _join_range(left: Period, right: Period) -> Optional[Period]:
    """The period ``left`` to ``right`` means, or None when it makes no sense."""
    if left.kind == "year" and right.kind in ("month", "date") and right.start_date.year > left.year:
        # 2022年至2025年6月: the reporting periods up to the end of June 2025
        end = right.end_date
        if end.month % 3 == 0 and end == _month_end(end.year, end.month):
            right = Period.of_months(end.year, 1, end.month)
    if left.kind != "span" and right.kind != "span" and left.kind != "date" and right.kind != "date" \
            and left.year == right.year:
        if left.kind == "month" and right.kind == "month" and left.month < right.month:
            return Period.of_months(left.year, left.month, right.month)  # 2025年1月至9月
        if left.kind in _QUARTERISH and right.kind in _QUARTERISH and left.start_date < right.start_date:
            qa, qb = _first_quarter(left), right.end_date.month // 3
            if qa < qb:
                return Period.of_quarters(left.year, qa, qb)  # 2025年一季度至三季度
    try:
        return Period.span(left, right)
    except ParseError:
        return None


def _single_mention(text: str, a: _Atom) -> Optional[PeriodMention]:
    """What :func:`_chain_mention` makes of a chain of one atom (the common case), directly."""
    shape = a.shape
    if shape is None:
        return None  # a bare year
    p = _period_of(a.year, shape)
    if p is None:
        return None
    tag = shape[0]
    if (a.prefix == "asof" and tag != "Z") or (a.prefix == "on" and tag == "D"):
        starts = tag in "Em" and shape[-1] == "start"
        p = Period.of_date(p.start_date - dt.timedelta(days=1) if starts else p.end_date)
        kind = "point"
    elif tag == "D":
        kind = "date"
    else:
        kind = "single"
    start, end = a.pstart, a.end
    return _mention(start, end, text[start:end], kind, p, p.items())


def _chain_mention(text: str, chain: list[_Atom], conns: list[str]) -> tuple[Optional[PeriodMention], int]:
    """The mention a chain of year atoms makes, and how many atoms it used (>= 1)."""
    n = len(chain)
    if n == 1:
        return _single_mention(text, chain[0]), 1
    while n > 0 and chain[n - 1].shape is None:
        n -= 1  # a bare year must be followed by a year with 年
    if n == 0:
        return None, len(chain)
    chain, conns = chain[:n], conns[: n - 1]
    shapes = [a.shape for a in chain]
    last = shapes[-1]
    umbrella = n > 1 and chain[0].prefix == "asof" and all(a.prefix is None for a in chain[1:])
    if umbrella:
        # 截至2024年及2025年6月30日(止六个月): the plain years share the last item's shape
        for k in range(n - 1):
            if shapes[k] is None or (shapes[k] == _YEAR and chain[k].cat == "Y"):
                shapes[k] = last
    nxt = last
    for k in range(n - 2, -1, -1):
        if shapes[k] is None:  # bare: 2022-2024年 -> year; 2024及2025年上半年 -> H1
            shapes[k] = _YEAR if conns[k] == "range" else nxt
        nxt = shapes[k]

    def is_point(k: int) -> bool:
        if umbrella:
            return last[0] != "Z"
        a = chain[k]
        return (a.prefix == "asof" and shapes[k][0] != "Z") or (a.prefix == "on" and shapes[k][0] == "D")

    periods: list[Period] = []
    prev: Optional[Period] = None
    prev_year: Optional[int] = None
    for k, a in enumerate(chain):
        year = a.year if a.year is not None else prev_year
        p = _period_of(year, shapes[k])
        if p is not None and a.year is None and prev is not None and p.start_date < prev.start_date \
                and not (shapes[k][0] == "Y" and prev.end_date <= p.end_date):
            # 2025年12月30日至1月5日 (not 2025年第四季度及全年: the year the quarter is part of)
            year += 1
            p = _period_of(year, shapes[k])
        if p is None:
            break
        if is_point(k):
            # 截至2025年6月(底) -> 2025-06-30; 截至2025年初 -> 2024-12-31 (the day before it starts)
            starts = shapes[k][0] in "Em" and shapes[k][-1] == "start"
            p = Period.of_date(p.start_date - dt.timedelta(days=1) if starts else p.end_date)
        periods.append(p)
        prev, prev_year = p, year
    n = len(periods)
    if n == 0:
        return None, 1
    chain, conns = chain[:n], conns[: n - 1]

    parts: list[tuple[Period, bool]] = []
    k = 0
    while k < n:
        if k + 1 < n and conns[k] == "range":
            joined = _join_range(periods[k], periods[k + 1])
            if joined is not None:
                parts.append((joined, True))
                k += 2
                continue
        parts.append((periods[k], False))
        k += 1
    items: list[Period] = []
    for p, _ in parts:
        # (2023年、2024年及2026年前五个月: the five months are one period of the list)
        items.extend([p] if len(parts) > 1 and months_of_one_year(p) else p.items())
    if len(parts) == 1:
        period, ranged = parts[0]
        if ranged:
            kind = "range" if period.kind == "span" else "single"
        elif is_point(0):
            kind = "point"
        elif shapes[0][0] == "D":
            kind = "date"
        else:
            kind = "single"
    else:
        kind = "list"
        try:
            if len(items) >= 2 and all(a.start_date > b.start_date for a, b in zip(items, items[1:])):
                period = Period.span(items[-1], items[0])   # 2024年和2023年: latest first, same years
            else:
                period = Period.span(items[0], items[-1])
        except ParseError:
            # 2025年第四季度及全年: the one item that holds all the others, else none
            period = next((p for p in items if all(p.start_date <= q.start_date and q.end_date <= p.end_date
                                                   for q in items)), None)
    start, end = chain[0].pstart, chain[-1].end
    mention = _mention(start, end, text[start:end], kind, period, items)
    return mention, n


def find_periods(text: str) -> list[PeriodMention]:
    """Every period mention of a NORMALIZED text, in order and non-overlapping.

    Linear time; never raises (a text without digits, 年, 月, 季 or 期 returns at once).
    """
    if not isinstance(text, str) or _QUICK_PERIOD.search(text) is None:
        return []
    atoms = _scan(text)
    out: list[PeriodMention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if a.cat == "Y":
            chain, conns = [a], []
            j = i + 1
            while j < len(atoms) and len(chain) < _MAX_CHAIN:
                b = atoms[j]
                # a sub-period without a year continues only after a year with 年 (2023年3月、6月)
                if not (b.cat == "Y" or (b.cat == "S" and b.shape[0] in _CONTINUES
                                         and chain[-1].shape is not None)):
                    break
                c = _connector(text, chain[-1].end, b.pstart)
                if c is None:
                    break
                chain.append(b)
                conns.append(c)
                j += 1
            mention, used = _chain_mention(text, chain, conns)
            if mention is not None:
                out.append(mention)
            i += used
            continue
        if a.cat == "R":
            out.append(_mention(a.start, a.end, text[a.start:a.end], "relative", None, [], a.extra))
        elif a.cat == "S":
            name = _relative_name(a.shape)
            if name is not None:
                out.append(_mention(a.start, a.end, text[a.start:a.end], "relative", None, [],
                                    {"relative": name}))
        else:
            out.append(_mention(a.start, a.end, text[a.start:a.end], "duration", None, [], a.extra))
        i += 1
    if "H" in text or "Q" in text or "M" in text:
        out = _with_english_periods(text, out)
    if "A" in text or "E" in text or "F" in text:
        out = _with_marked_years(text, out)
    return out


#: a broker's year with its mark: 2025A (actual), 2026E / 2026F (estimate), FY26E
_MARKED_YEAR = re.compile(r"(?<![0-9A-Za-z.])(?:FY ?([0-9]{2})|(?:FY ?)?((?:19|20)[0-9]{2}))[AEF](?![0-9A-Za-z])")
_MARKED_GAP = re.compile(r"\s*[/／、,，]\s*")
#: between the two ends of a span of marked years: 2026E-2028E, FY26E至FY28E
_MARKED_TO = re.compile(r"\s*[-–—~～至到]\s*")


def _marked_year(m: re.Match) -> int:
    return 2000 + int(m.group(1)) if m.group(1) else int(m.group(2))


def _with_marked_years(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    """``2023A/2024A/2025A``: a list of years (one year alone is a single period);
    ``2026E-2028E``, ``FY26E-FY28E``: the span of years from one to the other, every year of it,
    over what the general grammar read of them (2026E and 2028E apart, FY26E-FY28 without its E)."""
    extra = []
    starts = [o.start for o in out]
    run: list = []
    drop: set = set()

    def flush(span: bool = False) -> None:
        if not run:
            return
        years = [_marked_year(m) for m in run]
        if span:
            years = list(range(years[0], years[1] + 1))
        items = [Period.of_year(y) for y in years]
        start, end = run[0].start(), run[-1].end()
        # (the general grammar's mentions over the run: a bisection, so the pass stays linear)
        near = range(max(0, bisect_left(starts, start) - 1), bisect_left(starts, end))
        inside = [i for i in near if out[i].start < end and out[i].end > start]
        if span:
            # (the general grammar's reading of the span's pieces gives way to the span)
            drop.update(inside)
            extra.append(_mention(start, end, text[start:end], "range", Period.span(items[0], items[-1]), items))
        elif len(items) > 1 and inside and all(start <= out[i].start and out[i].end <= end for i in inside):
            # FY26E/FY27E: the general grammar read FY26 and FY27 apart; the marks make one list
            drop.update(inside)
            extra.append(_mention(start, end, text[start:end], "list", Period.span(items[0], items[-1]), items))
        elif not _overlaps(out, starts, start, end):
            if len(items) == 1:
                extra.append(_mention(start, end, text[start:end], "single", items[0], items))
            else:
                try:
                    period = Period.span(items[0], items[-1])
                except ParseError:
                    period = None
                extra.append(_mention(start, end, text[start:end], "list", period, items))
        run.clear()

    for m in _MARKED_YEAR.finditer(text):
        if len(run) == 1 and _MARKED_TO.fullmatch(text, run[0].end(), m.start()) \
                and 0 < _marked_year(m) - _marked_year(run[0]) <= 10:
            run.append(m)
            flush(span=True)
            continue
        if run and not _MARKED_GAP.fullmatch(text, run[-1].end(), m.start()):
            flush()
        run.append(m)
    flush()
    if drop:
        out = [o for i, o in enumerate(out) if i not in drop]
    return sorted(out + extra, key=lambda p: p.start) if extra else out


#: English-style sub-periods with the year after: 1H25, 2H2025, 3Q25, 9M25 (brokers' notes)
_ENGLISH_PERIOD = re.compile(r"(?<![0-9A-Za-z.])(?:([12])H|([1-4])Q|(9)M)((?:20)?[0-9]{2})(?![0-9A-Za-z])")
#: the same written the other way round, with a space or an apostrophe: H1 2026, Q3'25, 9M 2025
_ENGLISH_PERIOD_AFTER = re.compile(r"(?<![0-9A-Za-z.])(?:H([12])|Q([1-4])|(9)M)(?: (20[0-9]{2})|['’]([0-9]{2}))(?![0-9A-Za-z])")


def _with_english_periods(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    extra = []
    starts = [o.start for o in out]
    for m in _ENGLISH_PERIOD.finditer(text):
        period = _english_period(m.group(1), m.group(2), m.group(4))
        if not _overlaps(out, starts, m.start(), m.end()):
            extra.append(_mention(m.start(), m.end(), m.group(), "single", period, [period]))
    if later := list(_ENGLISH_PERIOD_AFTER.finditer(text)):
        # (H1 2026: the H1 the scan read as a half of no year is this one's)
        ends = {m.start(): m.end() for m in later}     # (the H1 starts where the label starts)
        out = [o for o in out if not (o.period is None and o.end <= ends.get(o.start, -1))]
        starts = [o.start for o in out]
        for m in later:
            period = _english_period(m.group(1), m.group(2), m.group(4) or m.group(5))
            if not _overlaps(out, starts, m.start(), m.end()):
                extra.append(_mention(m.start(), m.end(), m.group(), "single", period, [period]))
    return sorted(out + extra, key=lambda p: p.start) if extra else out


def _english_period(half: Optional[str], quarter: Optional[str], year: str) -> Period:
    """2026H1, 2025Q3 or 2025Q1-Q3 (nine months) from the parts of an English label."""
    y = int(year) + (2000 if len(year) == 2 else 0)
    return parse_period(f"{y}H{half}" if half else f"{y}Q{quarter}" if quarter else f"{y}Q1-Q3")


def _overlaps(found: list, starts: list[int], start: int, end: int) -> bool:
    """``[start, end)`` overlaps one of ``found`` (sorted, non-overlapping mentions whose starts
    are ``starts``): only the mention starting last before ``end`` can (a bisection, so the
    English passes stay linear on texts with many mentions)."""
    i = bisect_left(starts, end) - 1
    return i >= 0 and found[i].end > start


# --------------------------------------------------------------------------- parse_period

_CANON_ONE = re.compile(
    r"(?P<y>[0-9]{4})(?:H(?P<h>[12])|Q(?P<qa>[1-4])(?:-Q(?P<qb>[1-4]))?"
    r"|-(?P<m>[0-9]{1,2})(?:-(?P<d>[0-9]{1,2}))?)?"
)
_BARE_YEAR_RANGE = re.compile(r"([0-9]{4})(?:[-~–—～]|至|到)([0-9]{4})")


def _parse_canonical(t: str) -> Optional[Period]:
    m = _CANON_ONE.fullmatch(t)
    if m is None:
        return None
    y = int(m.group("y"))
    if m.group("h"):
        return Period.of_half(y, int(m.group("h")))
    if m.group("qa"):
        qa = int(m.group("qa"))
        return Period.of_quarters(y, qa, int(m.group("qb") or qa))
    if m.group("d"):
        try:
            return Period.of_date(dt.date(y, int(m.group("m")), int(m.group("d"))))
        except ValueError:
            raise ParseError(f"no such date: {t!r}") from None
    if m.group("m"):
        return Period.of_month(y, int(m.group("m")))
    return Period.of_year(y)


def parse_period(s: str) -> Period:
    """Read one period: a canonical string (``2025H1``, ``2022..2024``, ``2025-06-30``) or
    Chinese (``2025 年前三季度``, ``2024年度``, ``截至2025年6月30日止六個月``, ``FY2024``,
    ``2022-2024年``, full-width digits, traditional script). Raises ParseError."""
    if not isinstance(s, str):
        raise ParseError(f"not a period: {s!r}")
    return _parse_period(s)


@lru_cache(maxsize=4096)
def _parse_period(s: str) -> Period:
    # (a Period is frozen: the extractor asks for the same few strings again and again)
    t = "".join(normalize(s).text.split())
    if not t:
        raise ParseError("empty period")
    if ".." in t:
        first, sep, last = t.partition("..")
        if ".." in last or not first or not last:
            raise ParseError(f"not a period: {s!r}")
        a, b = parse_period(first), parse_period(last)
        if a.kind == "span" or b.kind == "span":
            raise ParseError(f"nested span: {s!r}")
        return Period.span(a, b)
    p = _parse_canonical(t)
    if p is not None:
        return p
    m = _BARE_YEAR_RANGE.fullmatch(t)
    if m is not None:
        return Period.span(Period.of_year(int(m.group(1))), Period.of_year(int(m.group(2))))
    mentions = find_periods(t)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(t):
        if mentions[0].period is not None:
            return mentions[0].period
        raise ParseError(f"no year in period: {s!r}")
    raise ParseError(f"not a period: {s!r}")


# --------------------------------------------------------------------------- dates

_DAYD = r"3[01]|[12][0-9]|0?[1-9]"
_MONTHD = r"1[0-2]|0?[1-9]"
_DATE_HEAD = re.compile(
    rf"(?<![0-9.])(?P<iy>(?:19|20)[0-9]{{2}})(?P<sep>[-/.])(?P<im>{_MONTHD})(?P=sep)(?P<id>{_DAYD})(?![0-9])"
    rf"|(?<![0-9.])(?:(?P<y>(?:19|20)[0-9]{{2}}) ?年 ?)?(?P<m>{_MONTHD}) ?月 ?(?P<d>{_DAYD}) ?[日号]"
    rf"|(?P<rw>[今昨明])(?:日|天)? ?\( ?(?P<rd>{_DAYD}) ?日? ?\) ?日?"
    # a Hong Kong stamp, day first, with its time: 27/03/2026 16:31
    rf"|(?<![0-9./])(?P<dd>3[01]|[12][0-9]|0[1-9])/(?P<dm>1[0-2]|0[1-9])/(?P<dy>20[0-9]{{2}})"
    rf"(?= {{1,2}}(?:[01][0-9]|2[0-3]):[0-5][0-9])"
)
_DATE_TAIL = re.compile(
    # (9月21日(周一)—9月24日(周四): the weekday of the first day in parentheses)
    rf"(?: ?\( ?(?:周|星期|礼拜)[一二三四五六日天] ?\))? ?(?:至|到|[-~–—～]) ?(?:"
    rf"(?P<iy>(?:19|20)[0-9]{{2}})(?P<sep>[-/.])(?P<im>{_MONTHD})(?P=sep)(?P<id>{_DAYD})(?![0-9])"
    rf"|(?:(?P<y>(?:19|20)[0-9]{{2}}) ?年 ?)?(?:(?P<m>{_MONTHD}) ?月 ?)?(?P<d>{_DAYD}) ?[日号])"
)
# For ``search`` (see :func:`_skipping`): the same pattern without groups (a back-reference
# cannot be used there, so the separators of an ISO date may differ: a superset), after a
# cheap necessary test: a date starts with 今/昨/明, with an ISO year and separator, or has 月
# within 10 characters (2025 年 12 月: year(4) space 年 space month(2) space). find_dates
# re-reads each candidate with _DATE_HEAD.
_DATE_START = (r"(?=[今昨明]|[0-9]{4}[-/.]|[0-9]{2}/[0-9]{2}/[0-9]{4}|[^\n]{0,10}月)(?:"
               + _nocap(_DATE_HEAD.pattern).replace("(?P=sep)", "[-/.]") + ")")
assert "(?P=" not in _DATE_START
_DATE_SEARCH = _skipping(_DATE_START, "0-9今昨明", _NOT_INSIDE_A_NUMBER)
_TIME = re.compile(r"(?:T| {0,2})(?:[01]?[0-9]|2[0-3]):[0-5][0-9]")
_STAMP_BEFORE = frozenset("·•|丨")
_CELL_END = re.compile(r"[ \t\u3000]*[|｜]")
#: the label of a page's own date: 发布日期：2026.10.05, 更新时间:
_PUBLISHED_LABEL = re.compile(r"(?:发布|更新|发稿|出版)(?:日期|时间)\s*[:：]?\s*$")
#: a date after a label is a field, not a dateline: 预期上市日期：2026年2月5日(星期四)
_LABELLED = re.compile(r"[:：]|日期|上市|挂牌|招股|截止|截至")
#: a weekday (and maybe a time) closing the line after a full date: 2025年8月28日 星期四
_WEEKDAY_EOL = re.compile(r"[ \t]*[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?[ \t]*"
                          r"(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9][ \t]*)?(?:\n|$)")
_RELATIVE_DAY = {"今": "today", "昨": "yesterday", "明": "tomorrow"}
_QUICK_DATE = re.compile(r"[0-9]")
_LEAP = 2000  # validates 2月29日 when the year is not written


def _ymd(m: re.Match) -> tuple[Optional[int], Optional[int], int]:
    if m.group("iy"):
        return int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    if m.re is _DATE_HEAD and m.group("dy"):
        return int(m.group("dy")), int(m.group("dm")), int(m.group("dd"))
    y = int(m.group("y")) if m.group("y") else None
    mo = int(m.group("m")) if m.group("m") else None
    return y, mo, int(m.group("d"))


def _valid(y: Optional[int], m: int, d: int) -> bool:
    return safe_date(y if y is not None else _LEAP, m, d) is not None


def _range_end(y: Optional[int], m: int, d: int, tail: re.Match):
    """(end_year, end_month, end_day) of a range, or None when it is not one."""
    ey, em, ed = _ymd(tail)
    if ey is not None and em is None:
        return None
    em = em if em is not None else m
    if not _valid(ey, em, ed):
        return None
    if ey is None and y is not None:
        ey = y + 1 if em < m else y  # 12月30日至1月5日 rolls into the next year
    if ey is not None and y is not None:
        if dt.date(ey, em, ed) < dt.date(y, m, d):
            return None
    elif y is None and ey is None and em == m and ed < d:
        return None  # 1月5日至3日 runs backwards
    return ey, em, ed


def find_dates(text: str) -> list[DateMention]:
    """Every calendar date (or date range) of a NORMALIZED text, in order.

    Impossible dates (2月30日) are skipped; linear time; never raises.
    """
    if not isinstance(text, str) or _QUICK_DATE.search(text) is None:
        return []
    out: list[DateMention] = []
    pos, n = 0, len(text)
    search, read = _DATE_SEARCH.search, _DATE_HEAD.match
    while pos < n:
        c = search(text, pos)
        if c is None:
            break
        m = read(text, c.start())
        if m is None:   # an ISO date with mixed separators (2025-12/30)
            pos = c.start() + 1
            continue
        start, end = m.start(), m.end()
        if m.group("rw"):
            out.append(DateMention(start, end, text[start:end], day=int(m.group("rd")),
                                   relative=_RELATIVE_DAY[m.group("rw")]))
            pos = end
            continue
        y, mo, d = _ymd(m)
        if not _valid(y, mo, d):
            pos = end
            continue
        fields = {"year": y, "month": mo, "day": d, "date": safe_date(y, mo, d)}
        tail = _DATE_TAIL.match(text, end)
        if tail is not None:
            rng = _range_end(y, mo, d, tail)
            if rng is not None:
                ey, em, ed = rng
                fields.update(end_year=ey, end_month=em, end_day=ed, end_date=safe_date(ey, em, ed))
                end = tail.end()
        stamp = False
        if y is not None and fields.get("end_day") is None:
            timed = _TIME.match(text, end) is not None
            line_start = start == 0 or text[start - 1] == "\n"
            stamp = (timed and (m.group("iy") is not None or m.group("dy") is not None or line_start)) or (
                start > 0 and text[start - 1] in _STAMP_BEFORE
                and not _CELL_END.match(text, end)) or (   # (| 2026/1/8 |: a table's cell)
                _PUBLISHED_LABEL.search(text, max(0, start - 8), start) is not None) or (
                _WEEKDAY_EOL.match(text, end) is not None
                and not _LABELLED.search(text, text.rfind("\n", max(0, start - 40), start) + 1
                                         or max(0, start - 40), start))
        out.append(DateMention(start, end, text[start:end], dateline=stamp, **fields))
        pos = end
    if "Jan" in text or _ENGLISH_DATE_HINT.search(text):
        out = _with_english_dates(text, out)
    return out


_MONTHS_EN = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
#: Jan 8, Sept 30, Dec 31 2025, 8 Jan (wire copy in Chinese text)
_MONTH_EN = (r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
             r"(?:uary|ruary|ch|il|e|y|ust|ember|ober)?(?![A-Za-z])")
_ENGLISH_DATE = re.compile(
    r"(?<![A-Za-z])(?:" + _MONTH_EN + r"\.? ?([0-9]{1,2})(?![0-9])"
    r"(?:,? ?((?:19|20)[0-9]{2})(?![0-9]))?"
    r"|(?<![0-9])([0-9]{1,2}) " + _MONTH_EN.replace("(Jan", "(?P<m2>Jan") + ")")
_ENGLISH_DATE_HINT = re.compile(r"(?:Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z.]{0,7} ?[0-9]")


def _with_english_dates(text: str, out: list[DateMention]) -> list[DateMention]:
    extra = []
    starts = [o.start for o in out]
    for m in _ENGLISH_DATE.finditer(text):
        word = (m.group(1) or m.group("m2")).lower()
        if word not in _MONTHS_EN:
            continue
        month, day = _MONTHS_EN[word], int(m.group(2) or m.group(4))
        year = int(m.group(3)) if m.group(3) else None
        if not _valid(year, month, day) or _overlaps(out, starts, m.start(), m.end()):
            continue
        extra.append(DateMention(m.start(), m.end(), m.group(), year=year, month=month, day=day,
                                 date=safe_date(year, month, day)))
    return sorted(out + extra, key=lambda d: d.start) if extra else out


def parse_date(s: str, default_year: Optional[int] = None):
    """Read one date (``2026年1月8日``, ``2026-01-08``, ``2026/1/8``, ``1月8日`` with
    ``default_year``) or a range (``2025年12月30日至2026年1月5日``, ``12月30日至1月5日``: the
    second date takes the first's year, and the next year when its month goes backwards).

    Returns a ``datetime.date`` or a ``(date, date)`` tuple; raises ParseError.
    """
    if not isinstance(s, str):
        raise ParseError(f"not a date: {s!r}")
    t = "".join(normalize(s).text.split())
    m = _DATE_HEAD.match(t)
    if m is None or m.group("rw"):
        raise ParseError(f"not a date: {s!r}")
    y, mo, d = _ymd(m)
    if y is None:
        if default_year is None:
            raise ParseError(f"the year of {s!r} is not written and no default_year was given")
        y = default_year
    try:
        first = dt.date(y, mo, d)
    except ValueError:
        raise ParseError(f"no such date: {s!r}") from None
    if m.end() == len(t):
        return first
    tail = _DATE_TAIL.match(t, m.end())
    if tail is None or tail.end() != len(t):
        raise ParseError(f"not a date: {s!r}")
    ey, em, ed = _ymd(tail)
    if ey is not None and em is None:
        raise ParseError(f"not a date range: {s!r}")
    em = em if em is not None else mo
    if ey is None:
        ey = y + 1 if em < mo else y
    try:
        last = dt.date(ey, em, ed)
    except ValueError:
        raise ParseError(f"no such date: {s!r}") from None
    if last < first:
        raise ParseError(f"a date range must run forward: {s!r}")
    return first, last


def resolve_year(month: int, day: Optional[int], reference: dt.date) -> int:
    """The year that puts ``month``/``day`` closest to ``reference`` (so within about six
    months of it): ``resolve_year(12, 30, date(2026, 1, 8))`` is 2025. A missing day
    means the whole month. Raises ParseError for an impossible month/day."""
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ParseError(f"bad month: {month!r}")
    best: Optional[tuple[int, int]] = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if day is None:
            lo, hi = dt.date(year, month, 1), _month_end(year, month)
        else:
            lo = hi = safe_date(year, month, day)
            if lo is None:
                continue
        dist = 0 if lo <= reference <= hi else min(abs((lo - reference).days), abs((hi - reference).days))
        if best is None or dist < best[0]:
            best = (dist, year)
    if best is None:
        raise ParseError(f"no such date: {month}月{day}日")
    return best[1]
