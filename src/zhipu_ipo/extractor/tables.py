"""Figures in text tables: rows of cells separated by ``|`` (Markdown, or an HTML table as text)
or by tabs (a table copied from a spreadsheet or a PDF).

A table is two or more consecutive lines with the same number of cells (a ``---|---`` rule
line is skipped). One of its axes names periods and the other metrics:

* periods across the top (``指标 | 2024A | 2025E``) and a metric at the head of each row
  (``营业收入 | 312.4 | 702.0``), or
* periods down the first column (``2022年 | 14.65亿 | 11.22亿``) and metrics in the header
  (``年度 | 收入 | 净亏损``).

The unit of a bare number comes from its row or column label (``同比增长(%)``, ``PS(倍)``,
``收入(亿元)``) or from the caption line above the table (``单位：百万元``, ``财务摘要(人民币)``).
A period label with ``E``/``F``/``预测`` marks a forecast; ``A`` an actual. A loss written
negative (``-2466``) is the loss 2466. A row labelled only as a change (``同比增长``) is the
growth of the row above it. The company is the one named last before the table (else the
article's main company). Every cell with a number yields a fact or a miss with its reason.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Optional

from ..models import CURRENCIES
from ..numbers import find_amounts
from ..periods import ParseError, Period, find_periods, parse_period, safe_date
from .context import DocContext
from .cues import find_cues
from .entities import _FOOTNOTE_MARK, bystanders, company_like, known_listings, normalize_ticker, short_name
from .records import Draft, Miss, clean_value
from .rules import ANNUAL_REPORT, CONVERTED_OPEN, LOSSES, POINT_METRICS, last_match, metric_sets
from .segment_names import segment_slug
from .sentences import Span
from .timing import _shift_year
from .tokens import AMOUNT, DATE, ENTITY, TICKER

_RULE = re.compile(r"[\s|｜:：\-—=+]*")
_PERIOD_LABEL = re.compile(r"\s*(?:FY\s?(\d{2})|(?:FY)?((?:19|20)\d{2}))\s*([AEFP]|年[AEF]?|年度|财年)?\s*"
                           r"(?:\(?(?:预测|预期|实际)\)?)?\s*", re.IGNORECASE)
_SCALES = (("万亿", 12), ("千亿", 11), ("百亿", 10), ("亿", 8), ("千万", 7), ("百万", 6), ("十万", 5), ("万", 4),
           ("千", 3))
_CURRENCIES = (("人民币", "CNY"), ("港元", "HKD"), ("港币", "HKD"), ("美元", "USD"), ("RMB", "CNY"),
               ("HKD", "HKD"), ("HK$", "HKD"), ("USD", "USD"), ("US$", "USD"), ("元", "CNY"))
#: a scale written the English way after a currency: RMB mn, HK$ bn, US$ million, RMB'000
_LATIN_SCALE = re.compile(r"(?:RMB|CNY|HKD|HK\$|USD|US\$)\s?(mn|m|bn|b|million|billion|k|'000|’000)(?![A-Za-z])",
                          re.IGNORECASE)
_LATIN_EXP = {"mn": 6, "m": 6, "million": 6, "bn": 9, "b": 9, "billion": 9, "k": 3, "'000": 3, "’000": 3}
_MAX_CAPTION = 40
#: cell separators: bars (a line with a bar is split at bars only), else tabs (and the end mark)
_SEPARATOR = re.compile(r"[|｜]")
_TAB = re.compile(r"\t+|\|$")
#: a line longer than this is prose, not a table row
_MAX_ROW = 1000


@dataclass(frozen=True)
class _Unit:
    """What a label or caption says about the numbers under it."""

    currency: Optional[str] = None
    exp: Optional[int] = None          # 10**exp: 百万元 -> 6
    percent: bool = False
    times: bool = False
    listing: Optional[str] = None      # the currency of the offer's sums, from a price column's head

    def over(self, other: "_Unit") -> "_Unit":
        """This unit, completed by ``other`` where it says nothing."""
        return _Unit(self.currency or other.currency, self.exp if self.exp is not None else other.exp,
                     self.percent or other.percent, self.times or other.times, self.listing or other.listing)


#: a figure in brackets alone in its cell: (4,765), the accounts' way of writing a negative one
_IN_BRACKETS = re.compile(r"[(（]\s*(?:约)?\s*[\d,，.]+\s*(?:[万亿千百]{0,2}\s*(?:元|港元|美元)?\s*(?:人民币)?)\s*[)）]")


def _unit_of(label: str) -> _Unit:
    """单位：百万元 / (人民币) / (%) / (倍) / 收入(亿元)."""
    currency = next((code for word, code in _CURRENCIES if word in label), None)
    exp = None
    m = re.search(r"(?:单位|[(（/／])[^()（）/／]*?(万亿|千亿|百亿|亿|千万|百万|十万|万|千)", label) or re.search(
        # a corner cell that is a unit alone: | 百万美元 | 2025A | …, | 人民币千元 | …
        r"(?:^|\s)(?:人民币|美元|港元|港币)?(万亿|千亿|百亿|亿|千万|百万|十万|万|千)(?:元|美元|港元|港币)(?:\s|$)", label)
    if m:
        exp = dict(_SCALES)[m.group(1)]
    elif (m := _LATIN_SCALE.search(label)) is not None:
        exp = _LATIN_EXP[m.group(1).lower()]
    percent = bool(re.search(r"[(（]\s*%\s*[)）]|%$|百分比", label))
    times = bool(re.search(r"[(（]\s*[倍xX]\s*[)）]", label))
    return _Unit(currency, exp, percent, times)


@dataclass
class _Cell:
    text: str
    start: int
    end: int


@dataclass
class _Label:
    """A row or column head: a period, or a metric with its unit."""

    period: Optional[Period] = None
    forecast: bool = False
    metric: Optional[str] = None
    mod: Optional[str] = None        # growth / decline: the change of the metric before it
    unit: _Unit = _Unit()
    cue: str = ""
    profit: bool = False             # a profit row: a negative figure is a loss, a positive one no fact
    segment: Optional[str] = None    # a business line's row: | 云端部署 | 2.31 | 39.0% |


def _cells(text: str, start: int, end: int) -> list[_Cell]:
    line = text[start:end]
    out, pos = [], 0
    sep = _SEPARATOR if ("|" in line or "｜" in line) else _TAB
    for m in sep.finditer(line + "|"):
        raw = line[pos:m.start()]
        lead = len(raw) - len(raw.lstrip())
        out.append(_Cell(raw.strip(), start + pos + lead, start + pos + lead + len(raw.strip())))
        pos = m.end()
    if out and not out[0].text and line.lstrip().startswith(("|", "｜")):
        out = out[1:]
    if out and not out[-1].text and line.rstrip().endswith(("|", "｜")):
        out = out[:-1]
    return out


def _lines(text: str):
    """(start, end) of every line that holds a cell separator (and is short enough for a row)."""
    pos, n = 0, len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end == -1 else end
        if end - pos <= _MAX_ROW:
            line = text[pos:end]
            if "|" in line or "｜" in line or "\t" in line:
                yield pos, end
        pos = end + 1


def _blocks(text: str) -> list[list[list[_Cell]]]:
    """Runs of two or more consecutive lines with the same number (>= 2) of cells."""
    if "|" not in text and "｜" not in text and "\t" not in text:
        return []
    out: list[list[list[_Cell]]] = []
    run: list[list[_Cell]] = []
    expect = None           # where the next line of the run must start
    for start, end in _lines(text):
        if _RULE.fullmatch(text, start, end):
            if run and start == expect:
                expect = end + 1
            continue
        cells = _cells(text, start, end)
        if len(cells) >= 2 and run and start == expect and len(cells) == len(run[0]):
            run.append(cells)
        else:
            if len(run) >= 2:
                out.append(run)
            run = [cells] if len(cells) >= 2 else []
        expect = end + 1
    if len(run) >= 2:
        out.append(run)
    return out


#: a line of a table aligned by spaces: cells apart by two spaces or more, or a label and the
#: number after it (营收   7.92    12.86 / 税后净损 16.84    15.12)
_SPACE_GAP = re.compile(r"[ \u3000]{2,}|(?<=[^\d\s.,%+\-])[ \u3000](?=[+\-]?\d)")
_SPACE_ROW = 120        # longer lines are prose
#: a cell that holds no value: n.m. (not meaningful), N/A, 不适用, a dash, or a change in words
#: (转赚, 扭亏为盈, 持平)
_NO_VALUE_CELL = re.compile(r"n\.?m\.?|n\.?a\.?|N/A|NA|不适用|[-—–]{1,2}|(?:由亏|由盈)?转(?:赚|亏|盈|蚀)|扭亏(?:为盈)?|持平",
                            re.IGNORECASE)
_LABEL_NUMBER = re.compile(r"([^\d\s]*[^\d\s+\-.])([+\-]?\d[\d,.]*%?)")


def _space_cells(text: str, start: int, end: int) -> list[_Cell]:
    out, pos = [], start
    for m in _SPACE_GAP.finditer(text, start, end):
        if m.start() > pos:
            out.append(_Cell(text[pos:m.start()], pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append(_Cell(text[pos:end], pos, end))
    return out


def _space_blocks(text: str) -> list[list[list[_Cell]]]:
    """Tables aligned by spaces: three or more consecutive short lines with the same number
    (2 to 8) of cells, a head line and rows whose cells after the first all hold digits. A head
    indented over the label column (``        2023年度  2024年度``) gets an empty corner cell."""
    lines: list[tuple[list[_Cell], int]] = []       # (cells, indent) of every line
    pos, n = 0, len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end == -1 else end
        s, e = pos, end
        while s < e and text[s] in " \u3000":
            s += 1
        while e > s and text[e - 1] in " \u3000\r":
            e -= 1
        cells = _space_cells(text, s, e) if 0 < e - s <= _SPACE_ROW and "|" not in text[s:e] else []
        lines.append((cells, s - pos))
        pos = end + 1
    out: list[list[list[_Cell]]] = []
    run: list[list[_Cell]] = []

    def close() -> None:
        # (排名  公司  募资额 over 1  鼎元新能源  156.30亿港元: the label column after the rank)
        first = 2 if len(run) >= 3 and len(run[0]) >= 3 and _RANK_HEAD.fullmatch(run[0][0].text) \
            and all(_RANK_CELL.fullmatch(row[0].text) for row in run[1:]) else 1
        if len(run) >= 3 and all(all(any(ch.isdigit() for ch in c.text) or _NO_VALUE_CELL.fullmatch(c.text)
                                     for c in row[first:]) for row in run[1:]):
            out.append(list(run))

    for i, (cells, indent) in enumerate(lines):
        if not run and indent >= 2 and cells and i + 1 < len(lines) and len(lines[i + 1][0]) == len(cells) + 1:
            cells = [_Cell("", cells[0].start, cells[0].start)] + cells
        if run and len(cells) == len(run[0]) - 1 and (m := _LABEL_NUMBER.fullmatch(cells[0].text)):
            # (normalizing joins a label and its number, 营收 7.92 -> 营收7.92: split them again)
            c = cells[0]
            cells[:1] = [_Cell(m.group(1), c.start, c.start + m.end(1)), _Cell(m.group(2), c.start + m.start(2), c.end)]
        if 2 <= len(cells) <= 8 and (not run or len(cells) == len(run[0])):
            run.append(cells)
        else:
            close()
            run = [cells] if 2 <= len(cells) <= 8 else []
    close()
    return out


def _period_label(cell: str, aliases: Optional[dict] = None) -> Optional[_Label]:
    """The period a header cell names (2025A, 2025年上半年, or a name the text defined: 本年度)."""
    if aliases and cell.strip() in aliases:
        return _Label(period=aliases[cell.strip()])
    m = _PERIOD_LABEL.fullmatch(cell)
    if m:
        mark = (m.group(3) or "").upper()
        year = int(m.group(2)) if m.group(2) else 2000 + int(m.group(1))     # FY26E: 2026
        return _Label(period=Period.of_year(year), forecast="E" in mark or "F" in mark
                      or "预测" in cell or "预期" in cell)
    try:
        p = parse_period(cell)
    except ParseError:
        return None
    if p.kind == "span" and not (p.first is not None and p.last is not None and p.first.kind == p.last.kind == "month"
                                 and p.first.year == p.last.year and p.first.month == 1):
        return None         # (a run of years is no column; 2026年前五个月, 2026-01..2026-05, is)
    return _Label(period=p)


def _metric_label(cell: str, metrics) -> Optional[_Label]:
    cues = find_cues(cell)
    unit = _unit_of(cell)
    # the head of a Chinese compound is its last word: 公开发售认购倍数 is an oversubscription;
    # a word in parentheses only says what the head is measured on: 市销率(2024年收入)
    named = [c for c in cues if c.kind in ("metric", "loss")
             and (not c.value.startswith("x_") or c.value == "x_net_profit")]
    outside = [c for c in named if not _in_parens(cell, c.start)]
    metric = (outside or named)[-1] if named else None
    mod = next((c for c in cues if c.kind == "mod" and c.value in ("growth", "decline")), None)
    if metric is not None:
        value = metric.value        # (a loss cue's own metric: Adj. net loss is the adjusted one)
        if "每股" in cell and getattr(metrics.get(value), "unit", None) != "HKD/share":
            return None         # 每股基本(亏损)/盈利: a per-share figure, not the company's loss
        if value == "x_net_profit":
            # 经调整净利润 | -251.0: a profit row; its negative figures are losses
            value = "adjusted_net_loss" if re.search(r"调整|(?<![A-Za-z])adj(?:usted|\.)", cell, re.IGNORECASE) \
                else "net_loss"
            return _Label(metric=value, unit=unit, cue=cell, profit=True)
        if value not in metrics and value != "oversubscription":   # (hk_ or intl_, from the label)
            return None
        if mod is not None and mod.start > metric.start:
            return _Label(metric=value, mod=mod.value, unit=unit, cue=cell)
        return _Label(metric=value, unit=unit, cue=cell, segment=_line_before(cell, metric.start, value))
    share = next((c for c in cues if c.kind == "mod" and c.value in ("share", "share_of_revenue")), None)
    if mod is None and share is not None and (seg := _line_before(cell, share.start, "revenue_share")) is not None:
        return _Label(metric="revenue_share", unit=unit, cue=cell, segment=seg)    # | 云端部署收入占比 | 9.6% |
    if mod is not None:
        return _Label(mod=mod.value, unit=unit, cue=cell)
    return None


def _line_before(cell: str, pos: int, metric: str) -> Optional[str]:
    """The business line a head names before its metric word (| 云端部署毛利率 | 31.2% | …), or None."""
    if metric not in _SEGMENT_METRICS or pos < 2:
        return None
    head = cell[:pos].strip()
    if not head or not (any(c.kind == "seg" for c in find_cues(head)) or re.fullmatch(r"[\u4e00-\u9fff]{2,12}", head)):
        return None     # (| MiniMax毛利率 |, | TTM收入 |: a company or a basis, no line)
    return _row_segment(_Cell(head, 0, len(head)))


def _in_parens(text: str, pos: int) -> bool:
    """``pos`` stands inside an open parenthesis of ``text``."""
    lo = max(0, pos - 200)          # (bounded: no copy of the text before, no scan to its start)
    return max(text.rfind("(", lo, pos), text.rfind("（", lo, pos)) > max(text.rfind(")", lo, pos),
                                                                         text.rfind("）", lo, pos))


#: words that name a company only to compare with it: 可比公司方面，MiniMax…
_PEER_BEFORE = re.compile(r"(?:可比公司|可比同业|可比标的|同业|同行|竞争对手|对比|相比|参照)(?:方面|中|来看)?\s*[,，:：]?\s*$")


def _entity_before(ctx: DocContext, named: list[tuple[int, str, int]], pos: int) -> Optional[str]:
    """The company named last before ``pos`` (``named``: (end, entity, start) in text order), passing
    over a peer named only for comparison (可比公司方面，MiniMax(100 HK)…) when the text has a subject."""
    k = bisect_right(named, (pos, "\uffff")) - 1
    if k < 0:
        return ctx.main_entity
    end, entity, start = named[k]
    if ctx.main_entity is not None and entity != ctx.main_entity \
            and _PEER_BEFORE.search(ctx.text, max(0, start - 12), start):
        return ctx.main_entity
    return entity


def _caption(text: str, start: int) -> str:
    """The end of the non-empty line right above the table (a title, a unit note), at most two
    lines up."""
    return _paragraph_above(text, start).strip()[-_MAX_CAPTION:]


def _entity_in(ctx: DocContext, cell: _Cell) -> Optional[str]:
    """The company a header cell names (智谱(02513.HK), MiniMax), if it names exactly one."""
    found = {t.obj.entity for t in ctx.stream.in_span(cell.start, cell.end) if t.kind == ENTITY}
    return found.pop() if len(found) == 1 else None


#: the head of a first column that lists companies
_RANK_HEAD = re.compile(r"\s*(?:排名|排序|序号|名次|No\.?|#)\s*")
_RANK_CELL = re.compile(r"\s*\d{1,3}\s*")
_COMPANY_HEAD = re.compile(r"公司|股份|名称|简称|企业|个股|股票|新股")
_NAME_CELL = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.\-]{1,15}")


def _row_company(ctx: DocContext, head: _Cell, cell: _Cell) -> Optional[str]:
    """The company a row's first cell names: one the article knows, or under a 公司/股份 head
    a cell that is a name alone (启元算力)."""
    known = _entity_in(ctx, cell)
    if known is not None:
        return known
    short = len(cell.text) <= 40            # (a name cell is short: bounded matching)
    m = (_NAME_CODE_CELL.fullmatch(cell.text) or _NAME_NOTE_CELL.fullmatch(cell.text)) if short else None
    name = m.group(1) if m else _FOOTNOTE_MARK.sub("", cell.text)     # (飞鹞智能*: a footnote's mark)
    known = ctx.registry.resolve(name) if m or name != cell.text else None
    if known is not None:
        return known                    # | 翼擎(招股书) | …: a known name and a note
    if _COMPANY_HEAD.search(head.text) and _NAME_CELL.fullmatch(name) and not find_cues(name):
        return short_name(name)
    return None


#: a first cell of a name and a short note in parentheses (翼擎(招股书), 澜芯(预测))
_NAME_NOTE_CELL = re.compile(r"(.+?)\s*[(（][^()（）\d]{1,8}[)）]")
#: a first cell of a name and its code (岚图智算(2871), 启衡智能(02761.HK))
_NAME_CODE_CELL = re.compile(r"(.+?)\s*[(（]\s*(0?\d{4})(?:\.HK)?\s*[)）]", re.IGNORECASE)


def _row_ticker(ctx: DocContext, entity: str, cell: _Cell, row_span: Span, drafts: list[Draft]) -> None:
    """The code in a row's first cell when the article did not read it as a ticker itself."""
    m = _NAME_CODE_CELL.fullmatch(cell.text) if len(cell.text) <= 40 else None
    if m is None or any(t.kind == TICKER for t in ctx.stream.in_span(cell.start, cell.end)):
        return
    start = cell.start + m.start(2)
    drafts.append(Draft(entity=entity, metric="ticker", period=None, segment=None,
                        value=normalize_ticker(m.group(2)), unit="text", qualifier="exact",
                        start=start, end=start + len(m.group(2)), sent=row_span, cue="ticker", rule="table"))


#: the corner cell of a table with companies across the columns
_CORNER_HEAD = re.compile(r"\s*(?:指标|项目|科目|公司|财务指标|主要指标|对比项?)?\s*")


def _col_company(ctx: DocContext, corner: _Cell, cell: _Cell) -> Optional[str]:
    """The company a column head names: one the article knows, or under a corner cell such as
    指标/项目 a head that is a company name alone (| 指标 | 云栈科技 | 澜峰微电子 |)."""
    known = _entity_in(ctx, cell)
    if known is not None:
        return known
    if _CORNER_HEAD.fullmatch(corner.text) and company_like(cell.text) and not find_cues(cell.text):
        return cell.text
    return None


def _col_company_period(ctx: DocContext, cell: _Cell) -> Optional[tuple[str, _Label]]:
    """The company and the period a column head names together (智谱2024, MiniMax 2025H1)."""
    ents = [t for t in ctx.stream.in_span(cell.start, cell.end) if t.kind == ENTITY]
    if not ents or len({t.obj.entity for t in ents}) != 1:
        return None
    # (智谱（2025年上半年）, 智谱(02513)(2025年上半年): the period in parentheses after the name
    # and its code)
    rest = ctx.text[cell.start:ents[0].start] + ctx.text[ents[-1].end:cell.end]
    rest = re.sub(r"[(（]\s*\d{4,5}(?:\.HK)?\s*[)）]", "", rest).strip(" \t()（）")
    when = _period_label(rest, ctx.period_aliases) if rest else None
    return (ents[0].obj.entity, when) if when is not None and when.period is not None else None


#: a company's own unit in a caption: 智谱单位为亿元人民币, MiniMax的单位是亿美元
_COMPANY_UNIT = re.compile(r"\s*(?:的)?\s*(?:金额|货币)?单位\s*(?:为|是|均为|[:：])?\s*([^，,;；)）。\n]{1,12})")


def _company_unit(ctx: DocContext, entity: str, table_start: int) -> Optional[_Unit]:
    """The unit the lines above a table give for one company's figures, if they give one."""
    unit = None
    for t in ctx.stream.in_span(max(0, table_start - 300), table_start):
        if t.kind == ENTITY and t.obj.entity == entity and (m := _COMPANY_UNIT.match(ctx.text, t.end)):
            unit = _unit_of("单位" + m.group(1))
    return unit


def _row_label(cell: _Cell, metrics) -> Optional[_Label]:
    """A row head in a table of companies: a metric, maybe with its period (2024年收入,
    研发费用率(2024年)), or an IPO term the cue table names by context (上市日期, 基石投资者)."""
    label = _metric_label(cell.text, metrics)
    if label is None:
        if re.search(r"上市日期|上市时间|挂牌日期|挂牌时间|上市日|挂牌日", cell.text):
            label = _Label(metric="listing_date", cue=cell.text)
        elif re.search(r"(?:截止|结束)(?:认购|申购|招股|日期|日)|(?:认购|申购|招股)(?:截止|结束)", cell.text):
            label = _Label(metric="subscription_end", cue=cell.text)
        elif "基石" in cell.text:
            label = _Label(metric="cornerstone_count", cue=cell.text)
        else:
            return None
    found = [p for p in find_periods(cell.text) if p.period is not None]
    if len(found) == 1:
        label.period = found[0].period
    elif not found and (year := _YEAR_IN_PARENS.search(cell.text)) is not None:
        label.period = Period.of_year(int(year.group(1)))     # P/S(2025): on that year's revenue
    return label


#: a bare year in a head's parentheses, not an estimate's (P/S(2025), not P/S(2026E))
_YEAR_IN_PARENS = re.compile(r"[(（]\s*((?:19|20)\d{2})\s*A?\s*[)）]")


#: a quote line of a stock list (a quote page's 相关股票, a broadcast's captions): name, code,
#: price and change, nothing else: 小马智行-W 02026　171.200　+1.66%, 商汤（00020）　2.31元　+5.96%
_QUOTE_ROW = re.compile(
    r"(?m)^[ \t\u3000]*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,9}?)(?:-[A-Z]{1,2})?[ \t\u3000]*"
    r"[(（]?(\d{5})[)）]?[ \t\u3000]+(\d{1,4}(?:\.\d{1,3})?)(?:港元|元)?[ \t\u3000]+"
    r"(?:[+\-][\d.]+[ \t\u3000]+)?([+\-]\d{1,3}(?:\.\d{1,2})?)%[ \t\u3000]*$")
#: the head of a quote list whose prices are the latest, not closes
_LATEST_HEAD = re.compile(r"最新价|现价|最新")
#: a column of the latest reported period, which the head does not name
_LATEST_PERIOD_HEAD = re.compile(r"\s*(?:最近|最新)一?(?:个)?(?:报告)?期\s*")


def _quote_rows(ctx: DocContext, drafts: list[Draft], spans: list[Span]) -> None:
    """Ticker, price and change of each quote line (two lines at least, the article's day known)."""
    rows = list(_QUOTE_ROW.finditer(ctx.text)) if ctx.today is not None else []
    if len(rows) < 2:
        return
    day = ctx.today.isoformat()
    head = ctx.text[max(0, ctx.text.rfind("\n", 0, max(0, rows[0].start() - 1))):rows[0].start()]
    price_metric = "last_price" if _LATEST_HEAD.search(head) else "close_price"
    for m in rows:
        name = m.group(1)
        entity = next((t.obj.entity for t in ctx.stream.in_span(m.start(1), m.end(1)) if t.kind == ENTITY), None) \
            or ctx.registry.resolve(name) or short_name(name)
        if entity in bystanders() or not entity:
            continue
        row = Span(m.start(), m.end())
        for g, metric, value, unit in ((2, "ticker", normalize_ticker(m.group(2)), "text"),
                                       (3, price_metric, m.group(3), "HKD/share"),
                                       (4, "day_change", m.group(4).lstrip("+"), "percent")):
            if g == 2 and any(t.kind == TICKER for t in ctx.stream.in_span(m.start(2), m.end(2))):
                continue        # (the article read the code itself)
            drafts.append(Draft(entity=entity, metric=metric, period=None if g == 2 else day, segment=None,
                                value=value if g == 2 else clean_value(Decimal(value)), unit=unit,
                                qualifier="exact", start=m.start(g), end=m.end(g), sent=row,
                                cue="quote list", rule="quote-row"))
        spans.append(row)


def read_tables(ctx: DocContext) -> tuple[list[Draft], list[Miss], list[Span]]:
    """Facts and misses of every table in the document, and the line spans the tables cover
    (the sentence reader leaves those lines alone)."""
    drafts: list[Draft] = []
    misses: list[Miss] = []
    spans: list[Span] = []
    if "%" in ctx.text:
        _quote_rows(ctx, drafts, spans)
    metrics, _ = metric_sets()
    grouped: list[Span] = []
    if "  " in ctx.text:
        from .grouped_tables import read_grouped_tables     # (it builds on this module's cells)
        g_drafts, g_misses, grouped = read_grouped_tables(ctx, metrics)
        drafts += g_drafts
        misses += g_misses
        spans += grouped
    named = sorted((t.end, t.obj.entity, t.start) for t in ctx.stream.tokens
                   if t.kind == ENTITY and t.obj.entity not in bystanders())
    prose: Optional[dict] = None    # value -> [(start, currency)] of the sums the text writes
    for rows in _blocks(ctx.text) + _space_blocks(ctx.text):
        span = Span(rows[0][0].start, rows[-1][-1].end)
        if any(g.start <= span.start < g.end for g in grouped):
            continue        # (read as a side-by-side table with metrics over their periods)
        if len(rows) >= 2 and _RANK_HEAD.fullmatch(rows[0][0].text) and all(
                len(r) >= 2 and _RANK_CELL.fullmatch(r[0].text) for r in rows[1:]):
            # | 排名 | 公司 | …: the rank column says nothing; the company column leads the row
            for r in rows[1:]:
                misses.append(Miss(r[0].start, r[0].end, "not_a_figure", "rank in a table", span))
            rows = [r[1:] for r in rows]
        rows, col_periods = _header(rows, ctx.period_aliases)
        header = rows[0]
        if any(col_periods):
            # | 毛利率 | 2023年 | 2024年 | 最近一期 |: a column of no period its head fixes
            col_periods = [p if p is not None or not _LATEST_PERIOD_HEAD.fullmatch(h.text) else _Label()
                           for p, h in zip(col_periods, header[1:])]
        row_periods = [_period_label(r[0].text, ctx.period_aliases) for r in rows[1:]]
        if not all(row_periods) and any(row_periods):
            # | 2026Q3 | … | then | 前三季度 | …: a part of a year written without it, of the latest
            # year the rows above name
            latest = max(p.period.start_date.year for p in row_periods if p and p.period is not None)
            row_periods = [p or (_period_label(f"{latest}年{r[0].text.strip()}")
                                 if not re.search(r"\d{4}|\d{2}年", r[0].text) else None)
                           for p, r in zip(row_periods, rows[1:])]
        col_entities = [_col_company(ctx, header[0], c) for c in header[1:]]
        change_cols = _change_columns(header, col_periods)
        entity = _entity_before(ctx, named, span.start)
        caption_text = _caption(ctx.text, span.start)
        # (the corner cell's unit, | (人民币百万元) | 2025年 |, over a caption line's words)
        caption = _unit_of(header[0].text[:_MAX_CAPTION]).over(_unit_of(caption_text))
        if caption.currency is None:
            if prose is None:
                prose = _prose_sums(ctx)
            caption = caption.over(_borrowed_currency(ctx, rows, span, prose))
        if _segment_table(ctx, rows, entity, caption_text, caption, metrics, drafts, misses):
            spans.append(span)
            continue
        if all(p for c, p in enumerate(col_periods) if c not in change_cols):
            layout = "periods-across"
        elif len(rows) >= 2 and all(col_entities) and len(set(col_entities)) == len(col_entities) \
                and (day_metric := _session_metric(caption_text)) is not None \
                and all((row_days := [_day_head(ctx, r[0]) for r in rows[1:]])):
            # 五日收市價如下: | 交易日 | 曜芯(2971) | 啟衡(2986) | over | 11月2日(一) | 38.60 | 11.02 |:
            # each row a session, each column a company, the caption the figure
            spans.append(span)
            for r, row in enumerate(rows[1:]):
                row_span = Span(row[0].start, row[-1].end)
                misses.append(Miss(row[0].start, row[0].end, "not_a_figure", "day label of a table", span))
                for c, cell in enumerate(row[1:len(col_entities) + 1]):
                    _session_cell(ctx, col_entities[c], cell, day_metric, row_days[r], caption,
                                  metrics, row_span, drafts, misses)
            continue
        elif all(row_periods):
            layout = "periods-down"
        elif len(rows) >= 3 and entity is not None and all(len(r) == len(header) >= 3 for r in rows) \
                and (day_col := _day_column(ctx, rows)) is not None \
                and any(_session_head(h) for h in header[day_col + 1:]):
            # | 月份 | 月末交易日 | 收盘价（港元） | 月涨跌幅 | over | 1月 | 1月30日 | 238.6 | +105.3% |: each
            # row a session its day cell dates, the company the text's (its changes over a month or
            # since the offer are no session's)
            spans.append(span)
            for row in rows[1:]:
                row_span = Span(row[0].start, row[-1].end)
                day = _day_head(ctx, row[day_col])
                if ctx.today is not None and day > ctx.today:
                    day = safe_date(day.year - 1, day.month, day.day)   # (closes that have been)
                for c in range(len(header)):
                    if c > day_col and (metric := _session_head(header[c])) is not None:
                        _session_cell(ctx, entity, row[c], metric, day, caption, metrics, row_span, drafts, misses)
                    elif any(ch.isdigit() for ch in row[c].text):
                        misses.append(Miss(row[c].start, row[c].end, "not_a_figure" if c <= day_col else "no_metric_cue",
                                           "day label of a table" if c <= day_col else "table: no session figure", row_span))
            continue
        elif len(header) >= 3 and all(col_pairs := [_col_company_period(ctx, c) for c in header[1:]]) \
                and len({(e, str(w.period)) for e, w in col_pairs}) == len(col_pairs):
            layout = "company-periods-across"      # | 指标 | 智谱2024 | 智谱2025 | MiniMax 2024 | …
        elif all(col_entities) and len(set(col_entities)) == len(col_entities) >= 2:
            layout = "companies-across"
        elif len(rows) >= 3 and all(row_entities := [_row_company(ctx, header[0], r[0]) for r in rows[1:]]) \
                and len(set(row_entities)) == len(row_entities):
            layout = "companies-down"
        else:
            continue
        spans.append(span)
        if layout not in ("companies-across", "companies-down"):
            labels = header[1:] if layout == "periods-across" else [r[0] for r in rows[1:]]
            for cell in labels:         # the period heads hold digits too: reported, never dropped
                if any(ch.isdigit() for ch in cell.text):
                    misses.append(Miss(cell.start, cell.end, "not_a_figure", "period label of a table", span))
        caption_period = _caption_period(caption_text)
        if caption_period is None and layout == "companies-across":
            caption_period = _caption_period(header[0].text) or _annual_report_year(ctx, caption_text)
            # (| 指标(2025财年) | 智谱 | MiniMax |; …发布了年报。两家放在一起看: the year reported)
        if layout == "company-periods-across":
            # (智谱单位为亿元人民币，MiniMax单位为亿美元: each company's unit; a caption of several
            # currencies names none for a company it does not pair with one)
            several = len({code for word, code in _CURRENCIES if word in caption_text}) > 1
            col_units = {e: _company_unit(ctx, e, span.start) or (
                _Unit(None, caption.exp, caption.percent, caption.times) if several else caption)
                for e in {e for e, _ in col_pairs}}
        corner = _metric_label(header[0].text, metrics) if layout == "periods-across" else None
        if corner is None and layout == "periods-across":
            corner = _metric_label(caption_text, metrics)   # 分业务收入（亿元）over | 业务 | 2024年 | …
            corner = corner if corner is not None and corner.metric in _SEGMENT_METRICS else None
        if corner is not None and (corner.metric is None or corner.mod):
            corner = None               # (the corner names the metric of company rows)
        line_metric = _line_metric(caption_text, caption, metrics) if layout == "periods-down" else None
        if layout == "periods-down" and line_metric is None and _shares_of_whole(rows):
            line_metric = "revenue_share"   # | 期间 | 本地化部署 | 云端部署 | over | 2024年 | 84.5% | 15.5% |
        prev_metric: Optional[str] = None
        listed_in_table: dict[int, object] = {}         # column -> the listing day its 上市日 row writes
        last_day = None                                 # the day of the last session row
        if layout == "companies-across":
            for row in rows[1:]:
                label = _row_label(row[0], metrics)
                if label is not None and label.metric == "listing_date":
                    listed_in_table = {c: day for c, cell in enumerate(row[1:])
                                       if (day := _listing_day(ctx, cell)) is not None}
        if layout == "companies-down":
            # (the day a title or a note under the table gives the whole table or a column)
            caption_day, noted = _caption_day(ctx, caption_text), _noted_closes(ctx, span.end)
            if caption_day is None and (m := _DATA_AS_OF_CLOSE.search(_paragraph_above(ctx.text, span.start))):
                # 数据截至11月20日（周五）收盘 in the paragraph that introduces the table: its session
                caption_day = ctx.resolve_year(int(m.group(1)), int(m.group(2)))
        for r, row in enumerate(rows[1:]):
            row_span = Span(row[0].start, row[-1].end)
            if layout == "companies-down":
                _row_ticker(ctx, row_entities[r], row[0], row_span, drafts)
                _company_row(ctx, row_entities[r], row, header, caption, metrics, row_span, drafts, misses,
                             caption_period, caption_day, noted)
                continue
            if layout == "company-periods-across":
                what = _row_label(row[0], metrics)
                for c, cell in enumerate(row[1:]):
                    ent, when = col_pairs[c]
                    _cell_fact(ctx, ent, cell, when, what, col_units[ent], metrics, row_span, drafts, misses)
                continue
            if layout == "companies-across":
                session = _session_row(ctx, row[0])
                if session is None and last_day is not None and len(row[0].text) <= 8 \
                        and (metric := _session_metric(row[0].text)) in ("market_cap", "turnover"):
                    session = (metric, last_day)    # | 6月26日收盘价 | … | then | 总市值 | …: that day's
                if session is not None and session[1] != "first":
                    last_day = session[1]
                if session is not None:
                    # | 首日收市 | 131.5港元(+13.17%) | …, | 3月4日市值 | 约754亿港元 | …
                    row_unit = _unit_of(row[0].text).over(caption)      # (| 首日收盘市值（亿港元） | 578.3 |)
                    for c, cell in enumerate(row[1:]):
                        ent = col_entities[c]
                        day = session[1] if session[1] != "first" else (
                            listed_in_table.get(c) or ctx.listing_dates.get(ent) or known_listings().get(ent))
                        _session_cell(ctx, ent, cell, session[0], day, row_unit, metrics, row_span, drafts, misses)
                    continue
                what = _row_label(row[0], metrics)
                if what is not None and what.metric is None and what.mod and prev_metric:
                    what.metric = prev_metric       # | 营收 | … | then | 年增率 | …
                prev_metric = what.metric if what is not None and not what.mod else None
                for c, cell in enumerate(row[1:]):
                    when = _Label(period=what.period if what is not None and what.period is not None
                                  else caption_period)
                    _cell_fact(ctx, col_entities[c], cell, when, what, caption, metrics, row_span, drafts, misses)
                continue
            row_label = _metric_label(row[0].text, metrics) if layout == "periods-across" else None
            if row_label is not None and row_label.metric in _SEGMENT_METRICS and row_label.segment is None \
                    and (part := _PART_ROW.match(row[0].text)) is not None:
                # | 其中：订阅收入 | 2.35亿元 | …: a part of the row above, never the whole company
                seg = _row_segment(_Cell(row[0].text[part.end():], row[0].start + part.end(), row[0].end))
                if seg is None:
                    for cell in row[1:]:
                        _cell_misses(cell, "unknown_segment", f"table: a part of {row_label.metric} with no "
                                     "segment name", row_span, misses)
                    continue
                row_label = replace(row_label, segment=seg)
            row_entity = entity
            if layout == "periods-across" and row_label is None and corner is not None:
                named_row = _row_company(ctx, header[0], row[0]) or (
                    short_name(row[0].text.strip()) if company_like(row[0].text.strip()) else None)
                if named_row is not None:
                    row_label, row_entity = corner, named_row   # | 毛利率 | 2023年 | … | then | 智谱 | …
                elif corner.metric in _SEGMENT_METRICS and (seg := _row_segment(row[0])) is not None:
                    row_label = replace(corner, segment=seg)    # | 收入(亿元) | 2024年 | … | 云端部署 | …
                elif corner.metric in ("revenue", "gross_margin") and corner.segment is None \
                        and _WHOLE_ROW.fullmatch(row[0].text):
                    row_label = corner          # | 产品线毛利率（%） | 2024年 | … | then | 整体 | …: the company's
            if layout == "periods-across" and row_label is not None and row_entity == entity \
                    and (named_in_row := _entity_in(ctx, row[0])) is not None and named_in_row not in bystanders():
                row_entity = named_in_row       # | 智谱毛利率 | 54.6% | 64.6% | …: the company its head names
            if layout == "periods-across":
                if row_label is not None and row_label.metric is None and row_label.mod and prev_metric:
                    row_label.metric = prev_metric
                if row_label is not None and row_label.metric is not None and row_label.mod is None:
                    prev_metric = row_label.metric
            for c, cell in enumerate(row[1:]):
                if c in change_cols:
                    # 收入|1,567,004|935,027|67.6% under 同比: the growth of the latest period
                    when = change_cols[c]
                    if when is None:
                        _cell_misses(cell, "no_metric_cue", "table: a change from the quarter before", row_span,
                                     misses)
                        continue
                    what = (_Label(metric=row_label.metric, mod="growth", cue=row_label.cue + "同比",
                                   segment=row_label.segment)
                            if row_label is not None and row_label.metric and not row_label.mod else None)
                elif layout == "periods-across":
                    when, what = col_periods[c], row_label
                else:
                    when = row_periods[r]
                    what = _metric_label(header[c + 1].text, metrics)
                    if what is not None and what.metric is None and what.mod:
                        # | 季度 | 实际收入 | 同比增速 |: the change of the metric in the column before
                        left = next((lab for h in reversed(header[1:c + 1])
                                     if (lab := _metric_label(h.text, metrics)) is not None), None)
                        what = (_Label(metric=left.metric, mod=what.mod, cue=left.cue + what.cue,
                                       segment=left.segment)
                                if left is not None and left.metric and not left.mod else None)
                    if what is None and line_metric is not None and (seg := _row_segment(header[c + 1])) is not None:
                        # 收入结构（占总收入比例）over | 年份 | 本地化部署 | 云端部署 |: each line's share
                        what = _Label(metric=line_metric, cue=header[c + 1].text, segment=seg)
                    # | 年份 | 智谱综合毛利率 | MiniMax综合毛利率 |: a column head naming its company
                    ent = _entity_in(ctx, header[c + 1])
                    if ent is not None and ent not in bystanders():
                        _cell_fact(ctx, ent, cell, when, what, caption, metrics, row_span, drafts, misses)
                        continue
                _cell_fact(ctx, row_entity, cell, when, what, caption, metrics, row_span, drafts, misses)
    return drafts, misses, spans


#: a caption over business lines' shares: 收入结构（占总收入比例）, 各业务收入占比
_CAPTION_SHARE = re.compile(r"占(?:总)?(?:收入|营收)(?:的)?(?:比例|比重|百分比)|(?:收入|营收)占比|占比")
#: a caption over business lines' revenue or its split: 收入结构, 收入构成
_CAPTION_MIX = re.compile(r"(?:收入|营收)(?:结构|构成)")


def _shares_of_whole(rows: list[list[_Cell]]) -> bool:
    """Every column after the first is a business line and every row's cells are percentages
    that add up to 100 (within rounding): each line's share of the whole."""
    if len(rows[0]) < 3 or not all(_row_segment(c) for c in rows[0][1:]):
        return False
    for row in rows[1:]:
        cells = [find_amounts(c.text) for c in row[1:]]
        if len(cells) != len(rows[0]) - 1 or not all(len(a) == 1 and a[0].unit == "percent" for a in cells):
            return False
        if abs(sum(a[0].value for a in cells) - 100) > Decimal("0.5"):
            return False
    return True


def _line_metric(caption_text: str, caption: _Unit, metrics) -> Optional[str]:
    """The metric a caption gives the business lines a table lists across (one per column):
    the share of revenue (收入结构（占总收入比例）), revenue (分业务收入（亿元）), a margin."""
    if _CAPTION_SHARE.search(caption_text) or (_CAPTION_MIX.search(caption_text) and caption.percent):
        return "revenue_share"
    if _CAPTION_MIX.search(caption_text):
        return "revenue" if caption.currency or caption.exp else None
    label = _metric_label(caption_text, metrics)
    return label.metric if label is not None and label.metric in _SEGMENT_METRICS and not label.mod else None


_GROWTH = {"revenue": "revenue_growth", "net_loss": "net_loss_growth"}
#: a word of decline written in a change cell before its figure
#: a profit written in a loss row's cell: | 净利润/净亏损 | 盈利2.87亿元 | 亏损0.58亿元 |
_PROFIT_IN_CELL = re.compile(r"(?:盈利|获利|净利|纯利|盈余|赚)\s*(?:约|近|逾)?\s*$")
_DECLINE_IN_CELL = re.compile(r"(?:收窄|下降|下跌|减少|降低|减|降|跌)\s*(?:约|近|逾)?\s*$")
#: a column of changes after the period columns (项目 | 2025年上半年 | 2024年上半年 | 同比)
_CHANGE_HEAD = re.compile(r"\s*(?:同比|按年|yoy|YoY|按季|环比|QoQ|qoq)?\s*(?:变动|变化|增长|增减|增幅|增长率|变幅|变动幅度|升跌|升幅)?\s*(?:\(?%\)?)?\s*")


def _change_columns(header: list[_Cell], col_periods: list) -> dict[int, Optional[_Label]]:
    """The change columns of a table with periods across -> the period each measures (None when
    it is not a year-on-year change or its period is unclear).

    Trailing change columns (| 2025年 | 2024年 | 同比 |) measure the period latest by year, when a
    single column has it; a change column between period columns (| 2026年第一季 | 2025年第一季 |
    按年变动 | 2025年第四季 | 按季变动 |) measures the period its group starts with. A change from
    the quarter before (按季, 环比) is no growth rate of FACTS.md."""
    heads = [h.text for h in header[1:len(col_periods) + 1]]
    changes = [i for i, p in enumerate(col_periods) if p is None and heads[i] and _CHANGE_HEAD.fullmatch(heads[i])]
    if not changes or any(p is None and i not in changes for i, p in enumerate(col_periods)) \
            or len(changes) == len(col_periods):
        return {}
    out: dict[int, Optional[_Label]] = {}
    first = changes[0]
    trailing = changes == list(range(first, len(col_periods)))
    for i in changes:
        if _QOQ_HEAD.search(heads[i]):
            out[i] = None
            continue
        if trailing:
            periods = col_periods[:first]
            years = [p.period.year for p in periods]
            if len(periods) < 2 or None in years or years.count(max(years)) != 1:
                out[i] = None
                continue
            latest = periods[years.index(max(years))]
            out[i] = _Label(period=latest.period, forecast=latest.forecast)
        else:
            # the group of period columns right before this change column: its first column
            k = i
            while k > 0 and col_periods[k - 1] is not None:
                k -= 1
            group = col_periods[k:i]
            out[i] = _Label(period=group[0].period, forecast=group[0].forecast) if len(group) >= 2 else None
    return out


_QOQ_HEAD = re.compile(r"按季|环比|QoQ|qoq")


#: a header row that only qualifies the columns: | | (未经审核) | |
_QUALIFIER_ROW = re.compile(r"\s*(?:[(（]?\s*(?:未经审核|经审核|未经审计|经审计|重列|经重列|audited|unaudited)\s*[)）]?)?\s*",
                            re.IGNORECASE)
_TO_DAY = re.compile(r"截至\s*(\d{1,2}月\d{1,2}日)")


#: a column headed by a year's same period: 2024年同期, 上年同期 is not read
_SAME_PERIOD_HEAD = re.compile(r"(\d{4})\s*年?\s*同期(?:间)?")


def _header(rows: list[list[_Cell]], aliases: dict) -> tuple[list[list[_Cell]], list]:
    """The rows with the header first, and the period of every column.

    A prospectus writes its header on two rows: the kinds of period over groups of columns
    (| | 截至12月31日止年度 | | 截至6月30日止六个月 | |) and the years under them (| | 2023年 | 2024年 |
    2024年 | 2025年 |), maybe with a row of (未经审核). The group covers the empty cells after it;
    each year is read as the period of its group (截至2024年6月30日止六个月 -> 2024H1)."""
    header = rows[0]
    col_periods = [_period_label(c.text, aliases) for c in header[1:]]
    # | 截至2025年6月30日止六个月 | 2024年同期 |: the year's same period as the column before it
    for i, c in enumerate(header[1:]):
        same = _SAME_PERIOD_HEAD.fullmatch(c.text.strip())
        if col_periods[i] is None and same is not None and i and col_periods[i - 1] is not None \
                and col_periods[i - 1].period is not None and col_periods[i - 1].period.kind in ("half", "quarter", "quarters"):
            prev = str(col_periods[i - 1].period)
            try:
                col_periods[i] = _Label(period=parse_period(same.group(1) + prev[4:]))
            except ParseError:
                pass
    if len(rows) < 3 or any(col_periods) or header[0].text or rows[1][0].text:
        return rows, col_periods
    years = rows[1][1:]
    if not all(_PERIOD_LABEL.fullmatch(c.text) for c in years):
        return rows, col_periods
    group, merged = "", []
    for top, low in zip(header[1:], years):
        group = top.text or group
        m = _TO_DAY.search(group)
        y = _PERIOD_LABEL.fullmatch(low.text)
        year = y.group(2) or f"20{y.group(1)}"
        text = (group[:m.start()] + f"截至{year}年{m.group(1)}" + group[m.end():]) if m else f"{year}年{group}"
        label = _period_label(text, aliases)
        if label is None:
            return rows, col_periods
        merged.append(label)
    skip = 2
    while skip < len(rows) - 1 and not rows[skip][0].text and all(_QUALIFIER_ROW.fullmatch(c.text) for c in rows[skip]):
        skip += 1
    return [rows[1]] + rows[skip:], merged


#: metrics a business line's row of a table can hold
_SEGMENT_METRICS = ("revenue", "gross_margin", "revenue_share")
#: a column of each line's share of revenue; 去年同期占比 is the share a year before
_SHARE_HEAD = re.compile(r"\s*(去年同期|上年同期|上年|去年)?\s*(?:收入|营收)?\s*(?:占比|占总收入(?:的)?(?:比例|比重|百分比)?"
                         r"|占收入(?:的)?(?:比例|比重)|比重|收入占比|营收占比)\s*(?:[(（]\s*%\s*[)）]|%)?\s*")
#: the row of all lines together
_TOTAL_ROW = re.compile(r"\s*(?:合计|总计|总收入|收入合计|总额|总营收|总计收入|Total|total|TOTAL)\s*")
#: the row of the whole company under its lines: | 整体 |, | 合计 |, | 公司整体 |
_WHOLE_ROW = re.compile(r"\s*(?:(?:公司|集团)?(?:整体|总体)|综合|合计|总计|Total|total|TOTAL)\s*")
#: words after a line's name in its row: 云端部署收入, 本地化部署业务
_LINE_TAIL = re.compile(r"(?:收入|营收|业务|板块|分部)+$")


def _cell_misses(cell: _Cell, reason: str, detail: str, row_span: Span, misses: list[Miss]) -> None:
    """Report every amount of a table cell as an unplaced mention with ``reason``."""
    for a in find_amounts(cell.text):
        misses.append(Miss(cell.start + a.start, cell.start + a.end, reason, detail, row_span, a.value, a.unit))


#: a row head that opens with 其中: a part of the row above (| 其中：订阅收入 |)
_PART_ROW = re.compile(r"\s*(?:其中|包括|含)\s*[:：,，]?\s*")


def _row_segment(cell: _Cell) -> Optional[str]:
    """The business line a row's first cell names (云端部署, 广告收入), or None."""
    text = cell.text.strip()
    if not text or len(text) > 24 or _TOTAL_ROW.fullmatch(text):
        return None
    bare = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", text)
    if len(bare) >= 2 and not re.search(r"[(（]\s*[A-Za-z]{2,}\s*[)）]$", text):
        text = bare     # 其他(含MiniMax Agent): the line before its examples (前装量产（ADAS）: its short form)
    if (slash := re.fullmatch(r"([^/／]{2,12})\s*[/／]\s*[^/／]{1,12}", text)) is not None:
        text = slash.group(1)                   # Talkie/星野: one line under two names, the first's slug
    name = _LINE_TAIL.sub("", text) or text
    segs = [c for c in find_cues(name) if c.kind == "seg"]
    if len(segs) == 1 and segs[0].start == 0 and segs[0].end == len(name):
        return segs[0].value
    return segment_slug(name) if not segs else None


def _segment_table(ctx, rows: list[list[_Cell]], entity: Optional[str], caption_text: str, caption: _Unit,
                   metrics, drafts: list[Draft], misses: list[Miss]) -> bool:
    """A table of business lines down and figures across (| 业务板块 | 收入（亿元） | 占比 | 同比 |),
    for the one period its caption names, of the company before it. True when the table is one (its
    cells are read)."""
    if len(rows) < 3:
        return False
    header, body = rows[0], rows[1:]
    segs = [_row_segment(r[0]) for r in body]
    totals = [bool(_TOTAL_ROW.fullmatch(r[0].text)) for r in body]
    if sum(1 for g in segs if g) < 2 or not all(g or t for g, t in zip(segs, totals)):
        return False
    cols: list[Optional[_Label]] = []
    prior: list[bool] = []
    head_periods = set()
    for c in header[1:]:
        share = _SHARE_HEAD.fullmatch(c.text)
        label = _Label(metric="revenue_share", cue=c.text) if share else _metric_label(c.text, metrics)
        if label is not None and label.period is None and label.metric in _SEGMENT_METRICS \
                and (in_head := _caption_period(c.text)) is not None:
            label = replace(label, period=in_head)
        if label is not None and label.period is not None and label.metric in _SEGMENT_METRICS:
            # | 產品線 | 2026年Q3收入(美元) | 同比 | 佔總收入 |: the one period of the table, in a head
            head_periods.add(str(label.period))
            period_in_head, label = label.period, replace(label, period=None)
        if label is not None and (label.metric not in (*_SEGMENT_METRICS, None) or label.period is not None):
            return False
        cols.append(label)
        prior.append(bool(share and share.group(1)))
    if not any(label is not None and label.metric for label in cols) or len(head_periods) > 1:
        return False
    revenue_col = any(label is not None and label.metric == "revenue" and not label.mod for label in cols)
    period = _caption_period(caption_text)
    if head_periods and (period is None or str(period) in head_periods):
        period = period_in_head
    elif head_periods:
        return False
    units = [_unit_of(c.text).over(caption) for c in header[1:]]     # (| 收入(美元) | over 萬 cells)
    prior_period = _shift_year(period, -1) if period is not None else None
    for seg, total, row in zip(segs, totals, body):
        row_span = Span(row[0].start, row[-1].end)
        for c, cell in enumerate(row[1:len(cols) + 1]):
            label = cols[c]
            if label is not None and label.mod and label.metric is None:
                label = replace(label, metric="revenue") if revenue_col else None    # | 同比 |
            when = _Label(period=prior_period if prior[c] else period)
            if total and (label is None or label.metric == "revenue_share"):
                _cell_misses(cell, "not_a_figure", "table: the total row of a share column", row_span, misses)
                continue
            if label is not None and not total:
                label = replace(label, segment=seg)
            _cell_fact(ctx, entity, cell, when, label, units[c], metrics, row_span, drafts, misses)
    return True


def _cell_fact(ctx, entity, cell: _Cell, when: _Label, what: Optional[_Label], caption: _Unit,
               metrics, row_span: Span, drafts: list[Draft], misses: list[Miss]) -> None:
    if what is not None and what.metric in ("listing_date", "subscription_end"):
        _date_cell(ctx, entity, cell, what, row_span, drafts, misses)
        return
    amounts = [a for a in find_amounts(cell.text)]
    if not amounts:
        return
    if len(amounts) != 1 and not _conversion(cell.text, amounts):
        for a in amounts:
            misses.append(Miss(cell.start + a.start, cell.start + a.end, "no_metric_cue",
                               "table cell with several numbers", row_span, a.value, a.unit))
        return
    for a in amounts:
        _amount_fact(ctx, entity, cell, a, when, what, caption, metrics, row_span, drafts, misses)




#: significant digits a repeated sum needs before its currency is borrowed (4,862.3万, not 5亿)
_REPEAT_DIGITS = 3
#: a column head that writes the offer's currency: 招股價(元), 发行价（港元）, 定价(HK$)
_PRICE_HEAD = re.compile(r"(?:招股|发行|发售|上市|定|配售|每股)价\s*[(（]\s*(港元|港币|HK\$|HKD|元)\s*[)）]")


def _prose_sums(ctx: DocContext) -> dict:
    """value -> [(start, currency)] of every sum with a currency the document writes."""
    out: dict = {}
    for t in ctx.stream.tokens:
        if t.kind == AMOUNT and t.obj.unit in CURRENCIES:
            out.setdefault(t.obj.value, []).append((t.start, t.obj.unit))
    return out


def _borrowed_currency(ctx: DocContext, rows: list, span: Span, prose: dict) -> _Unit:
    """The currency of a table that writes none: that of the text's own figures the table repeats
    (营业收入约4862.3万元 above | 营业收入 | 4,862.3万 |), when they all agree; and, for the offer's
    sums only, the currency a price column's head writes (| 招股價(元) | 集資額 |, 元 of Hong Kong copy)."""
    found = set()
    for row in rows[1:]:
        for cell in row[1:]:
            if not any(ch in cell.text for ch in "万亿千百"):
                continue
            for a in find_amounts(cell.text):
                if a.unit is None and a.scaled and len(a.value.normalize().as_tuple().digits) >= _REPEAT_DIGITS:
                    found.update(cur for start, cur in prose.get(a.value, ())
                                 if not span.start <= start < span.end)
    listing = None
    for cell in rows[0]:
        if (m := _PRICE_HEAD.search(cell.text)) is not None:
            word = m.group(1)
            listing = "HKD" if word != "元" or ctx.hk_yuan else "CNY"
    return _Unit(found.pop() if len(found) == 1 else None, listing=listing)


def _conversion(text: str, amounts: list) -> bool:
    """A cell of two sums in different currencies, the second in parentheses after the first, or
    after ≈ (7.36亿RMB≈8.0亿HKD)."""
    if len(amounts) != 2:
        return False
    a, b = amounts
    if not (a.unit in CURRENCIES and b.unit in CURRENCIES and a.unit != b.unit):
        return False
    return CONVERTED_OPEN.fullmatch(text, a.end, b.start) is not None \
        and re.fullmatch(r"\s*[)）]\s*", text[b.end:]) is not None \
        or _APPROX_SIGN.fullmatch(text, a.end, b.start) is not None and not text[b.end:].strip()


#: an approximately-equals sign between a sum and its conversion
_APPROX_SIGN = re.compile(r"\s*(?:≈|~=|约合|約合|折合|相当于)\s*")


def _amount_fact(ctx, entity, cell: _Cell, a, when: _Label, what: Optional[_Label], caption: _Unit,
                 metrics, row_span: Span, drafts: list[Draft], misses: list[Miss]) -> None:
    start, end = cell.start + a.start, cell.start + a.end

    def miss(reason: str, detail: str) -> None:
        misses.append(Miss(start, end, reason, detail, row_span, a.value, a.unit))

    if what is None or what.metric is None:
        miss("no_metric_cue", "table cell under a label that names no metric")
        return
    if entity is None:
        miss("no_entity", f"table {what.metric}")
        return
    metric = what.metric
    if metric == "oversubscription":
        metric = "intl_oversubscription" if "国际" in (what.cue or "") else "hk_oversubscription"
    unit = what.unit.over(caption)
    value = a.value
    if what.mod:
        metric = _GROWTH.get(metric)
        if metric is None:
            miss("no_metric_cue", f"table: change of {what.metric}")
            return
        if a.unit not in (None, "percent"):
            miss("unit_mismatch", f"table {metric}")
            return
        if value > 0 and (what.mod == "decline" or _DECLINE_IN_CELL.search(cell.text, 0, a.start)):
            value = -value          # | 期内亏损 | (41.2) | (83.0) | 收窄50.4% |: a narrowing is a fall
        out_unit = "percent"
    else:
        info = metrics[metric]
        out_unit = info.unit
        if info.unit in ("currency", "HKD/share"):
            currency = a.unit if a.unit not in (None, "percent", "times", "count", "shares") else unit.currency
            if currency is None and a.unit is None and a.scaled and info.family in ("ipo", "trading"):
                currency = unit.listing     # | 招股價(元) | 集資額 | … | 5.86億 |: the offer's currency
            if currency is None and a.unit is None and info.unit == "HKD/share":
                currency = "HKD"    # | 1月9日收市 | 143.90 | 316.40 |: a share price with no unit written
            if a.unit in ("percent", "times", "count", "shares") or currency is None:
                miss("no_currency", f"table {metric}: no currency")
                return
            # (a price is per share: the caption's 亿元 of the sums is not its scale)
            exp = what.unit.exp if info.unit == "HKD/share" else unit.exp
            if not a.scaled and exp:
                value = value.scaleb(exp)
            if info.unit == "HKD/share":
                if currency not in ("HKD", "CNY") or a.scaled:
                    miss("unit_mismatch", f"table {metric}")
                    return
                currency = "HKD/share"      # offer prices in 元 in Hong Kong copy are Hong Kong dollars
            if a.unit == "CNY" and info.family in ("ipo", "trading") and ctx.hk_yuan \
                    and not re.search(r"人民币|RMB|CNY|¥|￥", cell.text):
                currency = "HKD"    # | 上市时市值 | 511亿元 | in Hong Kong copy: Hong Kong dollars
            out_unit = currency
            if metric in LOSSES and _PROFIT_IN_CELL.search(cell.text, 0, a.start):
                miss("not_a_fact", f"a profit in a row of {metric}")
                return
            if what.profit:
                if value >= 0 and not _IN_BRACKETS.fullmatch(cell.text):
                    miss("no_metric_cue", "a profit")
                    return
                value = abs(value)      # -251.0, or (4,765) as accounts write a negative figure
            elif metric in LOSSES and value < 0:
                value = -value
        elif info.unit == "times" and metric == "loss_to_revenue" and a.unit == "percent":
            value = value / 100         # | 净亏损率 | 250.9% |: a loss rate of 250.9% is 2.509 times
        elif info.unit in ("percent", "times", "count", "shares"):
            if a.unit not in (None, info.unit):
                miss("unit_mismatch", f"table {metric}")
                return
        else:
            miss("no_metric_cue", f"table {metric}: not a table metric")
            return
    period = when.period
    if period is not None and metric in POINT_METRICS and period.kind != "date":
        period = period.end_date.isoformat()     # cash under 2025年上半年: at 2025-06-30
    needs = metrics[metric].period
    if needs == "none":
        period = None       # (表：2026年第二季度港股主要科技新股 | 发行价 |: the terms of an offer have no period)
    if (needs == "trading" and (period is None or period.kind != "date")) or (period is None and needs == "required"):
        miss("no_period", f"table {metric}")
        return
    drafts.append(Draft(entity=entity, metric=metric, period=str(period) if period is not None else None,
                        segment=what.segment, value=clean_value(value), unit=out_unit, qualifier=a.qualifier,
                        start=start, end=end, sent=row_span, forecast=when.forecast, cue=what.cue, rule="table"))


#: column heads of a table of listings that name a first-day figure or the stock code
_FIRST_DAY_HEADS = ((re.compile(r"首日.*(?:涨跌幅|涨幅|跌幅|表现|变动|涨跌|升跌|升幅)"), "day_change"),
                    (re.compile(r"首日.*(?:收市|收盘)"), "close_price"),
                    (re.compile(r"首日.*(?:开盘|开市)"), "open_price"))
_CODE_HEAD = re.compile(r"代码|代号|股份代号|股票代码|证券代码")


def _column_label(cell: _Cell, metrics) -> Optional[_Label]:
    """The head of a column in a table of listings (上市日期, 发行价(港元), 首日涨跌幅, 代码)."""
    for pattern, metric in _FIRST_DAY_HEADS:
        if pattern.search(cell.text):
            return _Label(metric=metric, unit=_unit_of(cell.text), cue=cell.text)
    if _CODE_HEAD.search(cell.text):
        return _Label(metric="ticker", cue=cell.text)
    label = _row_label(cell, metrics)
    if label is not None and _FORECAST_HEAD.search(cell.text):
        label.forecast = True       # | 预计亏损 |: the figure a profit warning expects
    return label


_FORECAST_HEAD = re.compile(r"预计|预期|预测|预告")


def _relative_head_period(ctx: DocContext, head: str) -> Optional[Period]:
    """上半年收入 in a table of an article written on 2026-09-01: the half of the article's year,
    when that half has ended by the article's day (no guess without the day)."""
    today = ctx.today
    found = [p for p in find_periods(head) if p.kind == "relative" and p.relative
             and p.relative.startswith(("H", "Q")) and p.year is None and not p.year_offset]
    if today is None or len(found) != 1:
        return None
    period = found[0].resolve(today.year)
    return period if period is not None and period.end_date <= today else None


_CAP_HEAD = re.compile(r"\s*(?:总)?市值\s*(?:[(（][^()（）]{1,8}[)）])?\s*")
_CAPTION_TODAY = re.compile(r"(?:今日|今天|本日)(?:的)?(?:表现|收市|收盘|走势|股价|行情|涨跌)")
_CAPTION_CLOSE = re.compile(r"(?:截至|截止|于)\s*(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日\s*(?:收盘|收市)")


def _noted_closes(ctx: DocContext, end: int) -> dict:
    """Column heads a note under the table says are one day's closes (（价格单位：港元；现价为
    11月20日收盘价）): head -> that day."""
    note = ctx.text[end:end + 120]
    out = {}
    for m in _CLOSE_NOTE.finditer(note, 0, note.find("\n", 2) if note.find("\n", 2) != -1 else len(note)):
        day = ctx.resolve_year(int(m.group(2)), int(m.group(3)))
        if day is not None:
            out[m.group(1)] = day
    return out


#: a note naming a column as one day's closing price: 现价为11月20日收盘价
_CLOSE_NOTE = re.compile(r"([\u4e00-\u9fff]{1,6}?)(?:为|指|是)\s*(\d{1,2})月(\d{1,2})日\s*(?:收盘|收市)价?")


#: the data's day in a paragraph over a table: 数据截至11月20日（周五）收盘, 数据均为11月20日收市价
_DATA_AS_OF_CLOSE = re.compile(r"数据\s*(?:均)?\s*(?:截至|截止|为|取自|来自)\s*(?:20\d\d年)?(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])日"
                               r"\s*(?:[(（][^()（）\n]{1,4}[)）])?\s*(?:收盘|收市)")


def _paragraph_above(text: str, start: int) -> str:
    """The non-empty line right above ``start`` (at most 400 characters of it, two lines up); the
    table's caption is its end (see :func:`_caption`)."""
    lines = text[max(0, start - 400):start].split("\n")[:-1]
    return next((line for line in reversed(lines[-3:]) if line.strip()), "")


def _caption_day(ctx: DocContext, caption: str):
    """The day of the close a table's title dates it by (估值对比（截至11月19日收盘）, 主要AI股今日
    表现: the article's day), or None."""
    m = _CAPTION_CLOSE.search(caption)
    if m is None:
        return ctx.today if _CAPTION_TODAY.search(caption) else None
    if m.group(1):
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return ctx.resolve_year(int(m.group(2)), int(m.group(3)))


def _caption_period(caption: str) -> Optional[Period]:
    """The one reporting period a table's title names (中期业绩一览(截至2026年6月30日止六个月))."""
    found = {str(p.period): p.period for p in find_periods(caption) if p.period is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _annual_report_year(ctx: DocContext, caption: str) -> Optional[Period]:
    """A table under a caption about annual reports (两家都发布了年报) in an article of the first
    half of a year: the year before, which annual reports then cover, if the article names it."""
    today = ctx.today
    if today is None or today.month > 6 or not ANNUAL_REPORT.search(caption):
        return None
    year = today.year - 1
    return Period.of_year(year) if re.search(rf"(?<!\d){year}\s*(?:年|财年)", ctx.text) else None


#: the head of a column of year-on-year changes of the column before it (| 收入 | 按年变幅 |)
_YOY_HEAD = re.compile(r"\s*(?:同比|按年|yoy|YoY)\s*(?:变动|变化|变幅|增长|增减|增幅|增长率|幅度)?\s*(?:\(?%\)?)?\s*"
                       r"|\s*(?:变动|变幅|增幅|增长率)\s*(?:\(?%\)?)?\s*")


def _company_row(ctx, entity: str, row: list[_Cell], header: list[_Cell], caption: _Unit, metrics,
                 row_span: Span, drafts: list[Draft], misses: list[Miss],
                 period: Optional[Period] = None, day=None, noted: Optional[dict] = None) -> None:
    """One row of a table with companies down the first column (| 智谱 | 02513 | 2026/1/8 | 116.20 |):
    each column head names the figure; first-day columns are of the listing day in the row.
    ``period`` is the reporting period the table's title names: the period of a column whose
    head names none (| 收入 | 按年变幅 | under 中期业绩(截至2026年6月30日止六个月))."""
    labels = [_column_label(h, metrics) for h in header[1:]]
    for label, head in zip(labels, header[1:]):
        if label is not None and label.period is None:
            label.period = _relative_head_period(ctx, head.text)
    for k in range(1, len(labels)):
        prev, label = labels[k - 1], labels[k]
        if prev is None or prev.metric not in _GROWTH or prev.mod:
            continue
        if label is None and _YOY_HEAD.fullmatch(header[k + 1].text):
            labels[k] = _Label(metric=prev.metric, mod="growth", cue=prev.cue + header[k + 1].text,
                               period=prev.period)
        elif label is not None and label.metric is None and label.mod in ("growth", "decline"):
            label.metric, label.period = prev.metric, label.period or prev.period
    row_period = _row_period(header, labels, row, metrics)
    if row_period is not None:
        period = row_period
    named = {str(lb.period): lb.period for lb in labels if lb is not None and lb.period is not None
             and lb.metric != "price_to_sales"}
    # | 公司 | 2025年收入 | 同比 | 毛利率 | 年内亏损 |: the one year a head names is every reported
    # figure's (not an offer price's; | 市销率(按2025年收入) |: a multiple's basis, no period of the table)
    head_period = next(iter(named.values())) if period is None and len(named) == 1 else None
    # | 总市值 | 2025年营收 | 市销率 |: a multiple on the revenue the table gives, of its year
    basis = next((lb.period for lb in labels if lb is not None and lb.metric == "revenue"
                  and lb.period is not None and lb.period.kind == "year" and not lb.mod), None)
    days = _column_days(ctx, header[1:], day)
    for k, h in enumerate(header[1:]):
        if noted and days[k] is None and h.text.strip() in noted:
            days[k] = ("close_price", noted[h.text.strip()])    # | 现价 | under （现价为11月20日收盘价）
    listed = None
    for what, cell in zip(labels, row[1:]):
        if what is not None and what.metric == "listing_date":
            listed = _listing_day(ctx, cell)
    if listed is None:
        # (a scoreboard of listings with no 上市日 column: the day the article or the lexicon knows)
        listed = ctx.listing_dates.get(entity) or known_listings().get(entity)
    for k, (what, cell) in enumerate(zip(labels, row[1:])):
        if days[k] is not None:
            # | 1月16日收盘(港元) | 当日涨跌 |: a session's close and change, on the day the head writes
            metric, day = days[k]
            label = _Label(metric=metric, unit=_unit_of(header[k + 1].text), cue=header[k + 1].text)
            _cell_fact(ctx, entity, cell, _Label(period=Period.of_date(day)), label, caption, metrics, row_span,
                       drafts, misses)
            continue
        if what is None and row_period is not None and _PERIOD_HEAD.fullmatch(header[k + 1].text):
            continue        # the row's period, read above
        if what is not None and what.metric == "ticker":
            if re.fullmatch(r"0?\d{4}(?:\.HK)?", cell.text, re.IGNORECASE):
                drafts.append(Draft(entity=entity, metric="ticker", period=None, segment=None,
                                    value=normalize_ticker(cell.text.split(".")[0]), unit="text",
                                    qualifier="exact", start=cell.start, end=cell.end, sent=row_span,
                                    cue=what.cue, rule="table"))
            continue
        if what is not None and what.metric == "price_to_sales" and what.period is None and basis is not None:
            what = replace(what, period=basis)
        if what is None and day is not None and _CAP_HEAD.fullmatch(header[k + 1].text):
            # | 总市值 | under 估值对比（截至11月19日收盘）: the value at that day's close
            head = header[k + 1].text
            _cell_fact(ctx, entity, cell, _Label(period=Period.of_date(day)),
                       _Label(metric="market_cap", unit=_unit_of(head), cue=head),
                       caption, metrics, row_span, drafts, misses)
            continue
        # (a head with its period, 2024年毛利率 / 市销率(2024年收入), gives the period of its column)
        when = _Label(period=what.period if what is not None and what.period is not None else period or (
            head_period if what is not None and what.metric in metrics
            and metrics[what.metric].period == "required" else None),
            forecast=what is not None and what.forecast)
        if what is not None and what.metric in ("day_change", "close_price", "open_price") and listed is not None:
            when = _Label(period=Period.of_date(listed))    # (without a listing day: unplaced, no_period)
        _cell_fact(ctx, entity, cell, when, what, caption, metrics, row_span, drafts, misses)


#: the head of a column of reporting periods (| 公司 | 期间 | 预期亏损 |) and of one a year back
_PERIOD_HEAD = re.compile(r"\s*(?:期间|报告期|业绩期|预告期|时期|财年|年度|期别)\s*")
_YEAR_BEFORE_HEAD = re.compile(r"\s*(?:上年|去年|上一年|前一年)同期\s*")


def _cell_metric(cell: _Cell, metrics) -> Optional[_Label]:
    """The measure a cell names before its figure (经调整净亏损 of 经调整净亏损1.15亿至1.30亿美元)."""
    return _metric_label(re.sub(r"[\d.,，]+.*", "", cell.text), metrics)


def _row_period(header: list[_Cell], labels: list, row: list[_Cell], metrics) -> Optional[Period]:
    """The period a row writes in its column of periods (| 智谱 | 2026上半年 | 净亏损20亿至23亿元 |
    上年同期 | 按年变动 |), else None. ``labels`` (one per column after the first) are made this
    row's: a cell naming its own metric (经调整净亏损1.15亿至1.30亿美元 under 预期亏损) keeps it;
    the year-back column repeats the metric before it a year earlier; a change after it is the
    change of that metric in the row's period."""
    col = next((k for k, (lb, h) in enumerate(zip(labels, header[1:]))
                if lb is None and _PERIOD_HEAD.fullmatch(h.text)), None)
    if col is None or col + 1 >= len(row):
        return None
    own = _period_label(row[col + 1].text)
    if own is None or own.period is None:
        return None
    now = own.period
    for k, cell in enumerate(row[1:len(labels) + 1]):
        lb = labels[k]
        mine = _cell_metric(cell, metrics) if lb is not None and lb.metric else None
        if mine is not None and mine.metric and mine.metric != lb.metric and not mine.mod:
            labels[k] = _Label(metric=mine.metric, unit=lb.unit, cue=mine.cue, forecast=lb.forecast)
    for k, h in enumerate(header[1:len(labels) + 1]):
        if labels[k] is not None or not _YEAR_BEFORE_HEAD.fullmatch(h.text):
            continue
        base = next((lb for lb in reversed(labels[:k]) if lb is not None and lb.metric and not lb.mod), None)
        before = _shift_year(now, -1)
        if base is None or before is None:
            continue
        mine = _cell_metric(row[k + 1], metrics)
        labels[k] = _Label(metric=mine.metric if mine is not None and mine.metric else base.metric,
                           unit=base.unit, cue=h.text, period=before)
        nxt = labels[k + 1] if k + 1 < len(labels) else None
        if k + 1 < len(labels) and (nxt is None or (nxt.metric is None and nxt.mod == "growth")) \
                and _YOY_HEAD.fullmatch(header[k + 2].text):
            labels[k + 1] = _Label(metric=base.metric, mod="growth", cue=header[k + 2].text, period=now,
                                   forecast=base.forecast)
    return now


_DAY_CLOSE_HEAD = re.compile(r"收盘|收市|收报")
_DAY_CHANGE_HEAD = re.compile(r"^(?:当日|当天|同日)?\s*(?:涨跌幅?|涨幅|跌幅|变动)")


def _column_days(ctx, heads: list[_Cell], table_day=None) -> list:
    """(metric, day) of the columns whose head writes a session's day (1月16日收盘(港元)), and of the
    change column right after one (当日涨跌); under a title that dates the table's session
    (主要AI股今日表现:), of every column of a session's figure (| 收市价(元) | 变幅 | 成交额 |);
    None for the others."""
    out: list = []
    last = None
    for h in heads:
        if table_day is not None and not _NOT_SESSION_HEAD.search(h.text) \
                and (metric := _session_metric(h.text)) is not None:
            out.append((metric, table_day))
            continue
        found = _cell_date(ctx, h) if _DAY_CLOSE_HEAD.search(h.text) and "首日" not in h.text else None
        if found is None and _DAY_CLOSE_HEAD.search(h.text) and (md := _SLASH_DAY.search(h.text)) is not None:
            # 股价(11/13收盘): a month and day written with a slash beside the close
            found = (None, ctx.resolve_year(int(md.group(1)), int(md.group(2))))
        if found is not None and found[1] is not None:
            last = found[1]
            out.append(("close_price", last))
        elif last is not None and _DAY_CHANGE_HEAD.search(h.text.strip()):
            out.append(("day_change", last))
            last = None
        elif last is not None and len(h.text.strip()) <= 8 \
                and (metric := _session_metric(h.text)) in ("market_cap", "turnover"):
            out.append((metric, last))      # | 11月13日收盘价 | 总市值 |: that session's market value
        else:
            out.append(None)
            last = None
    return out


#: a month and day with a slash in a column head (11/13收盘)
_SLASH_DAY = re.compile(r"(?<![\d/])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/])")
#: a column head of a move over more than the session (较发行价涨跌幅, 上市以来, 累计涨幅, 首日)
_NOT_SESSION_HEAD = re.compile(r"较|累计|以来|至今|发行价|招股价|首日|上市|年内|今年|\d")
#: the figure a row of a session names (| 首日收市 |, | 3月4日收盘 |, | 3月4日市值 |)
_SESSION_ROWS = ((re.compile(r"涨跌幅|涨幅|跌幅|变幅|升跌幅?"), "day_change"), (re.compile(r"收盘|收市|收报|股价"), "close_price"),
                 (re.compile(r"开盘|开市|开报"), "open_price"), (re.compile(r"市值"), "market_cap"),
                 (re.compile(r"成交额|成交金额"), "turnover"))


def _day_column(ctx, rows: list[list[_Cell]]) -> Optional[int]:
    """The first column (of the first two) whose every cell below the head is one day, or None."""
    for c in (0, 1):
        if all(_day_head(ctx, r[c]) is not None for r in rows[1:]):
            return c
    return None


def _session_head(cell: _Cell) -> Optional[str]:
    """The session figure a column head names (收盘价（港元）, 市值), not a change over more than the
    session, or None."""
    if _NOT_SESSION_HEAD.search(cell.text) or re.search(r"月|周|年", cell.text):
        return None
    metric = _session_metric(cell.text)
    return metric if metric in _SESSION_FIGURES else None


#: the session figures a row's own day dates in a table of periods (not its changes: 月涨跌幅)
_SESSION_FIGURES = ("close_price", "open_price", "market_cap", "turnover")


def _session_metric(text: str) -> Optional[str]:
    """The session figure a row head names (收盘, 市值, 成交额 …), or None; the head of the compound
    is its last word (首日收盘市值 is a market value)."""
    found = [(hit.end(), -k, m) for k, (pattern, m) in enumerate(_SESSION_ROWS)
             if (hit := last_match(pattern, text)) is not None]
    return max(found)[2] if found else None


def _session_row(ctx, cell: _Cell):
    """(metric, day) of a row head in a table of companies that names a session's figure and its
    day: a written date, or ``"first"`` for each company's first day (首日收市)."""
    if len(cell.text) > 16:
        return None
    metric = _session_metric(cell.text)
    if metric is None:
        return None
    if "首日" in cell.text:
        return metric, "first"
    found = _cell_date(ctx, cell)
    if found is None and (md := _SLASH_DAY.search(cell.text)) is not None:
        # | 6/12收盘 | 258.6 | 540 |: a month and day written with a slash
        found = (None, ctx.resolve_year(int(md.group(1)), int(md.group(2))))
    return (metric, found[1]) if found is not None and found[1] is not None else None


def _session_cell(ctx, entity, cell: _Cell, metric: str, day, caption: _Unit, metrics, row_span: Span,
                  drafts: list[Draft], misses: list[Miss]) -> None:
    """A cell of a session row: one figure, or a price and its day's change in parentheses
    (131.5港元(+13.17%))."""
    when = _Label(period=Period.of_date(day) if day is not None else None)
    label = _Label(metric=metric, cue=cell.text)
    amounts = find_amounts(cell.text)
    if metric in ("close_price", "open_price") and len(amounts) == 2 and amounts[1].unit == "percent" \
            and re.fullmatch(r"\s*[(（]\s*", cell.text[amounts[0].end:amounts[1].start]):
        change = _Label(metric="day_change" if metric == "close_price" else "open_change", cue=cell.text)
        for a, what in zip(amounts, (label, change)):
            _amount_fact(ctx, entity, cell, a, when, what, caption, metrics, row_span, drafts, misses)
        return
    _cell_fact(ctx, entity, cell, when, label, caption, metrics, row_span, drafts, misses)


def _day_head(ctx, cell: _Cell):
    """The day a row head names and nothing else (11月2日(一), 2026/11/2), or None."""
    found = _cell_date(ctx, cell)
    if found is None or found[1] is None or not _DAY_HEAD_REST.fullmatch(
            ctx.text, found[0].end, cell.end) or ctx.text[cell.start:found[0].start].strip():
        return None
    return found[1]


#: what may follow the date in a row head of days: its weekday
_DAY_HEAD_REST = re.compile(r"\s*(?:[(（]\s*(?:周|星期|週)?[一二三四五六日天]\s*[)）])?\s*")


def _listing_day(ctx, cell: _Cell):
    found = _cell_date(ctx, cell)
    return found[1] if found is not None else None


def _cell_date(ctx, cell: _Cell):
    """(the date token, its day or None when the year is unknowable) of a cell holding one date."""
    dates = [t for t in ctx.stream.in_span(cell.start, cell.end) if t.kind == DATE]
    if len(dates) != 1:
        return None
    d = dates[0].obj
    return dates[0], d.date if d.date is not None else (
        ctx.resolve_year(d.month, d.day) if d.month and d.day else None)


def _date_cell(ctx, entity, cell: _Cell, what: _Label, row_span: Span, drafts, misses) -> None:
    """A listing day or the last day of an offer in a table of companies (上市日期 | 1月8日 | 1月9日)."""
    found = _cell_date(ctx, cell)
    if found is None or entity is None:
        return
    tok, when = found
    if when is None:
        misses.append(Miss(tok.start, tok.end, "no_year", "table date without a year", row_span))
        return
    drafts.append(Draft(entity=entity, metric=what.metric, period=None, segment=None, value=when.isoformat(),
                        unit="date", qualifier="exact", start=tok.start, end=tok.end, sent=row_span,
                        cue=what.cue, rule="table"))
