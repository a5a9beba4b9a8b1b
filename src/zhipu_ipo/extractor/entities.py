"""Companies of a document: known aliases, companies discovered on the fly, and their mentions.

Known companies come from ``lexicon/entities.tsv``. A company the library does not know is
discovered where articles introduce one: a name followed by a Hong Kong ticker
(``地平线(09660.HK)``) or by a short-name definition (``…有限公司(下称"黑芝麻智能")``). Its id
is its shortest Chinese name (legal suffixes such as 股份有限公司 stripped). jieba is used
only there, on the few characters before the parenthesis, to find where the name starts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import NamedTuple, Optional

from .. import lexicon
from ..lexicon.trie import compile_words, latin_word_ok, trie_pattern
from .segment_names import segment_slug

#: Hong Kong tickers as articles write them: 02513.HK, 2513.HK, 0100.HK, HK:02533, 02513-HK, HK02513,
#: 2513 HK (the wire services' form; not before $, which makes HK$ a currency).
TICKER = re.compile(
    # every branch starts with a digit, H or 代/股: the regex engine skips other positions fast;
    # what must not stand before a code is checked in find_tickers
    r"(\d{4,5})(?:\s?[.．-]\s?HK(?![A-Za-z])|[ \t]HK(?![A-Za-z$]))"
    r"|HK(?:EX)?\s?[:：.]?\s?(\d{4,5})(?!\d)"
    # (a labelled code may drop its leading zeros: 股份代号：100)
    r"|(?:股票代码|代码|股份代号|代号)\s?[】\]]?\s?[:：为]?\s?[“\"「]?(\d{3,5})(?![\d.])"
    # (a code of three digits only alone in its parentheses: MiniMax(100 HK))
    r"|(?<=[(（])(\d{3})(?:\s?[.．-]\s?|[ \t])HK(?=[)）])"
)


#: a Chinese name before the code inside its parentheses: (灵跃机器人,02797.HK)
_NAME_IN_PARENS = re.compile(r"\s*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,11})\s*[,，、;；:：]\s*(?:HK\s*[:：]?\s*)?")


#: words that join two names (智谱与MiniMax(00100)): the Latin name after one is a name of its own
_JOINERS = frozenset("与和及同跟、，,；;：:的")
#: a Latin name right before the parenthesis of a Chinese name and a code: Lingyue Robotics(灵跃机器人,…)
_LATIN_NAME_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]{1,19}(?:[ &.-][A-Z][A-Za-z0-9]{0,19}){0,3})\s*$")
#: an English legal name's last words: Group Inc., Holdings Ltd., Co., Ltd.
_LATIN_LEGAL_END = re.compile(r"(?<=[A-Za-z0-9])(?:\s(?:Group|Holdings|Technology|Technologies))?,?\s(?:Inc|Ltd|Limited|Corp|Co\.,?\s?Ltd)\.?$")
#: the last day or month written in a run of name characters: 12月3日宁川芯材
_DAY_IN_RUN = re.compile(r".*\d\s*[年月日号]")
#: a label before a code, no name: (股票代码:02677.HK), (股份代号：2513)
_CODE_LABEL = re.compile(r"代码|代号|编号|简称|上市|港股|港交所|股票")
#: a code's label right before it: 股份代号:, 股票代码：
_CODE_LABEL_END = re.compile(r"(?:代号|代码)\s?[:：]?\s?$")


def find_tickers(text: str):
    """Matches of :data:`TICKER` that are whole codes (no digit or latin letter glued before)."""
    if "HK" not in text and "代" not in text:
        return
    for m in TICKER.finditer(text):
        before = text[m.start() - 1:m.start()] if m.start() else ""
        if before and (before.isascii() and before.isalnum()):
            continue
        yield m
#: a bare code in parentheses, maybe after another name: 智谱(02513), 稀宇科技(MiniMax，00100),
#: 智谱(北京智谱华章，02513)
#: the form only Hong Kong stock codes take (a year or a Taiwan code has four digits)
_HK_CODE = re.compile(r"0\d{4}")
#: 智谱(02513), 智谱(2513), MiniMax(100), …有限公司(星衡智能,2631), 澄域机器人(02812,8月20日上市)
_QUOTED_BEFORE = re.compile(r"[「『“\"]([\u4e00-\u9fffA-Za-z]{2,16})[」』”\"]\s*$")
#: a start-up's name in quotes (36氪独家｜「光合矩阵」完成…融资): the quoted name, then a funding verb
_QUOTED_NAME = re.compile(r"[「『“]([\u4e00-\u9fff]{2,8})[」』”]")
_FUNDED_AFTER = re.compile(r"(?:近日|日前|已|宣布|正式)?(?:完成|获得?|拿下|斩获|官宣)[^，,。；;\n]{0,16}融资")
_BARE_CODE = re.compile(r"[(（](?:([^()（）,，、\d]{1,20})[,，、]\s?)?"
                        r"(\d{3,5}(?=[)）])|0\d{4}(?=[,，;；][^()（）\n]{1,20}[)）]))")
_DEFINITION = re.compile(
    r"(?:以下简称|以下称|下称|简称|以下简称为|下称为)\s?[:：]?\s?(?:[“\"「『]([^”\"」』()（）,，。]{1,16})[”\"」』]"
    # unquoted, alone in its parenthesis: (简称睿镭光电)
    r"|([^“”\"「」『』()（）,，。、；;:：\s\d]{2,12})(?=[)）]))"
)
_OPEN = "(（"
_CLOSE = ")）"
_STOP_SUFFIXES = ("企业", "公司", "巨头", "龙头", "机构", "消息", "报道", "企", "厂商", "厂", "商", "主板", "创业板", "交易所", "平台", "独角兽", "新股", "股")
#: what an article calls a company right before its name (仓储机器人厂极智嘉, 国产芯片商澜芯)
_TRADES = "芯片|设备|服务|供应|制造|运营|提供|开发|软件|硬件|方案|整车|授权|分销|代理|经销|集成|机器人|设计|生产|研发"
_ROLE_NOUN = re.compile(rf"(?:{_TRADES})商|厂商?|企业|公司|龙头|巨头|业者"
                        r"|(?<!控)股(?![份东票价市])")     # 芯片设计股晨芯微: a stock of that trade
#: a role noun of a trade ending right before a name (软件商智语科技, 芯片厂澜峰半导体)
_ROLE_NOUN_END = re.compile(rf"(?:{_TRADES})(?:厂商|[商厂])$|公司$|企业$")   # (量子计算公司星衍量子)
_SUFFIX_HINT = re.compile(r"科技|智能|半导体|机器人|机械人|芯|医|生物|网络|软件|数据|电子|汽车|智|股份|集团|控股|光|能源|动力|技术|信息|云")
#: a forum cashtag: $澜峰微电子(06688)$
#: a Taiwan market's mark after a company's name: 和钧精密(兴柜), 鸿海(2317.TW); the company is no
#: Hong Kong listing, so the mark gives no ticker, only the name
_TAIWAN_MARK = re.compile(r"[(（](?:兴柜|上柜|台股|\d{4}\s*[.-]\s*TWO?|台股代[号码]\s*\d{4})[)）]")
#: a Taiwan page: its prices in 新台币, its market the 柜买中心 or 证交所
_TAIWAN_PAGE = re.compile(r"新台币|柜买中心|台湾证交所|台股")
#: words only Hong Kong copy about a listing uses: its four-digit codes in parentheses are stock codes
_HK_PAGE = re.compile(r"港元|港币|港股|港交所|联交所|招股价|每手|暗盘|孖展|入场费|公开发售")
#: a four-digit code alone in its parenthesis (no leading 0: not a Hong Kong code)
_TAIWAN_CODE = re.compile(r"[(（][1-9]\d{3}[)）]")
_CASHTAG = re.compile(r"\$([^$()（）\s]{2,16})[(（]\d{4,5}[)）]\$")
#: the class marker Hong Kong adds to a stock's name: -W (weighted voting), -B (biotech), -P, -SW
_SHARE_CLASS = re.compile(r"-[A-Z]{1,3}$")
#: a place name in parentheses inside a legal name: (苏州), （香港）, (北京)
_PLACE_PAREN = re.compile(r"[(（][\u4e00-\u9fff]{2,3}[)）]")
#: a list mark before a name heading a line: ▸ 星枢智能：…
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[▸▶►•・●◆■\-*][ \t]*$")
#: a period right after a name (星枢智能第二季收入…, 星枢智能上半年…)
_PERIOD_NEXT = re.compile(r"第?[一二三四1-4]季|[上下]半年|前三季|全年|今年|去年|同期|同季")
#: a company's legal name at the start of a line, and what must follow it to make it the subject
_LEGAL_HEAD = re.compile(r"(?m)^[ \t　]*([\u4e00-\u9fff]{2,16}?(?:股份)?有限公司)")
_LEGAL_NEXT = re.compile(r"\s*(?:[A-Z][A-Za-z0-9 .,&'\-]{2,80}?(?:Co\.,? ?Ltd\.?|Limited|Inc\.|Corporation)\s*$"  # a cover page
                         r"|\s*(?:[A-Z][A-Za-z0-9 .,&'\-]{2,80}\s*)?(?:[(（][^()（）]{0,30}[)）]\s*){0,2}\s*(?:全球发售|首次公开发售|公开发售|招股|上市|发售|"
                         r"[(（]?(?:股份代号|股票代码|代号)|港股|H股|递表|递交|发布|公布|宣布|申请版本|中期业绩|年度业绩|业绩公告|\d{4}年))",
                         re.M)
_TABLE_NAME = re.compile(r"(?m)^[ \t]*[|｜][ \t]*(?:\d{1,2}[ \t]*[|｜][ \t]*)?"      # (a rank cell first: | 1 | 凌峰智算 | 2786 |)
                         r"([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,11})[ \t]*[|｜][ \t]*0?\d{4}[ \t]*[|｜]"
                         # a tab-separated row: 云隼<TAB>02716<TAB>…
                         r"|^([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,11})\t+0?\d{4}(?:\.HK)?\t"
                         # a space-aligned row: 萬象機器人    09638    32.40 …
                         r"|^[ \t\u3000]*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,11})[ \u3000]{2,}0\d{4}(?:\.HK)?[ \u3000]{2,}\S")
#: the head of a table's first column of companies, and a name in it (a footnote mark after it: 飞鹞智能*)
_COMPANY_TABLE_HEAD = re.compile(r"(?m)^[ \t]*[|｜]?[ \t]*(?:(排名|排序|序号|名次)[ \t]*[|｜][ \t]*)?"   # (| 排名 | 企业 |)
                                 r"(?:公司|公司名称|名称|简称|企业|个股|股票|新股|发行人)[ \t]*[|｜]")
_TABLE_ROW_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,11}")
_FOOTNOTE_MARK = re.compile(r"\s*(?:[*＊†‡※]+|[(（]?注\d?[)）]?|[(（](?:招股书|拟上市|未上市|申请中|递表|预计|E)[)）])$")
#: a broker's or a buyer's verb right before a company's name (上修, 维持, 抢筹, 看好): no part of it
_VERBS_BEFORE_NAME = "上修|下修|上调|下调|维持|给予|首次覆盖|抢筹|看好|加仓|减持|增持|买入|卖出|押注|追捧"
#: where a name starts after it: what the company is (芯片商, 公司), 的, or such a verb
_NAME_STARTS_AFTER = re.compile(_ROLE_NOUN.pattern + r"|的|" + _VERBS_BEFORE_NAME)
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9.&·\-]")


class EntityMention(NamedTuple):
    entity: str
    start: int
    end: int
    text: str


@dataclass
class Registry:
    """The companies of one document: alias -> id, with discovered names and tickers."""

    aliases: dict[str, str] = field(default_factory=dict)
    discovered: dict[str, str] = field(default_factory=dict)   # alias -> id, found in this document
    tickers: list[tuple[str, str, int, int]] = field(default_factory=list)  # (entity, ticker, start, end)
    taiwan: set[str] = field(default_factory=set)   # companies listed in Taiwan (6721, 兴柜, 2317.TW)

    def resolve(self, name: str) -> str | None:
        return self.discovered.get(name) or self.aliases.get(name)


@lru_cache(maxsize=1)
def known_aliases() -> dict[str, str]:
    """alias -> canonical id from ``lexicon/entities.tsv``."""
    out: dict[str, str] = {}
    for row in lexicon.read_rows("entities.tsv"):
        ident, names = row[0], row[1]
        for name in names.split("|"):
            name = name.strip()
            if name:
                if name in out and out[name] != ident:
                    raise ValueError(f"entities.tsv: alias {name!r} of both {out[name]} and {ident}")
                out[name] = ident
    return out


@lru_cache(maxsize=1)
def known_listings() -> dict[str, "dt.date"]:
    """id -> the Hong Kong listing day of a known company (column ``listed`` of entities.tsv)."""
    return {r[0]: dt.date.fromisoformat(r[3]) for r in lexicon.read_rows("entities.tsv") if len(r) > 3 and r[3]}


@lru_cache(maxsize=1)
def bystanders() -> frozenset[str]:
    """Ids of companies that take a figure only as the subject of a clause (role bystander)."""
    return frozenset(r[0] for r in lexicon.read_rows("entities.tsv") if len(r) > 2 and r[2] == "bystander")


@lru_cache(maxsize=1)
def indices() -> frozenset[str]:
    """Ids of market indices (role index): the subject of the clause that names them, never
    carried to the next sentence nor the company an article is about."""
    return frozenset(r[0] for r in lexicon.read_rows("entities.tsv") if len(r) > 2 and r[2] in ("index", "other_index"))


@lru_cache(maxsize=1)
def untracked() -> frozenset[str]:
    """Ids whose figures are no facts of the contract (role other_index: 国企指数, 上证指数, and
    the whole market, 大市): they hold the figures of the clauses they are the subject of, which
    are reported as unplaced, except the market's turnover of a day (a fact of ``market``)."""
    return frozenset(r[0] for r in lexicon.read_rows("entities.tsv")
                     if len(r) > 2 and r[2] == "other_index") | {"market"}


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern:
    return _alias_pattern(known_aliases())


def _alias_pattern(aliases) -> re.Pattern:
    return compile_words(aliases)


@lru_cache(maxsize=1)
def _word_table() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, word in ((r[0], r[1]) for r in lexicon.read_rows("entity_words.tsv")):
        out.setdefault(kind, []).append(word)
    return out


@lru_cache(maxsize=1)
def _terms() -> frozenset[str]:
    return frozenset(_word_table().get("term", ()))


@lru_cache(maxsize=1)
def _entity_words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    t = _word_table()
    return (tuple(sorted(t.get("legal", []), key=len, reverse=True)),
            frozenset(t.get("stop", [])), frozenset(t.get("generic", [])))


@lru_cache(maxsize=1)
def _name_pattern() -> tuple[re.Pattern, tuple[str, ...]]:
    """Candidates ``<2-4 CJK><suffix>`` and the words that may follow a subject."""
    t = _word_table()
    suffixes = sorted(t.get("suffix", []), key=len, reverse=True)
    after = tuple(sorted(t.get("after", []), key=len, reverse=True))
    # a look-ahead finds every position where a company word starts, overlapping ones too
    # (朔光电子: both 光电 and 电子 are company words; the name is found through 电子)
    return re.compile("(?=(" + trie_pattern(suffixes) + "))"), after


@lru_cache(maxsize=1)
def _suffix_words() -> frozenset[str]:
    return frozenset(_word_table().get("suffix", ()))


def company_like(name: str) -> bool:
    """A table head that is a company name alone: two to six CJK characters and a company word
    (云栈科技, 澜峰微电子), not starting with a function character."""
    if not 3 <= len(name) <= 10 or not all(_is_cjk(ch) for ch in name) or name[0] in _BAD_FIRST:
        return False
    return any(name.endswith(sfx) and 2 <= len(name) - len(sfx) <= 6 for sfx in _word_table().get("suffix", []))


#: characters that may stand right before a company name (so the name starts there)
_NAME_LEFT = set("，,。；;：:、（(“\"「『【】丨｜| \n\t的与和及在由对将从向于是为了据")
#: one-character function words that may be glued to the front of a name (继/据/在 + name)
_FIGURE_END = re.compile(r"[\d%％][，,]?\s*$")
_TRIM_FIRST = set("继据在与和及的对向从由于将把被给让即而但且并或又也还就都为以按至较若做是")
#: a number of things, not a name: 六只科技新股, 两家科技公司
_COUNTED = re.compile(r"[一二两三四五六七八九十几数多]+[只家个间名位款项类批]")
#: characters no company name starts with
_BAD_FIRST = set("继据这该其本此一各多某每全总其他前后上下新老大小第与和及的在占约为至较按以将对向把被从由于给让即共而但且并或又也还就都未没不非做")


@lru_cache(maxsize=1)
def _known_cjk_aliases() -> tuple[str, ...]:
    return tuple(a for a in known_aliases() if len(a) >= 2 and not a.isascii())


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch != "丨"


def _uncommon(word: str) -> bool:
    """Not a common word of the language (jieba's dictionary gives it a low frequency)."""
    return (_jieba().FREQ.get(word) or 0) <= 60


def _starts_with_cue(text: str, pos: int) -> bool:
    from .cues import cue_at

    return cue_at(text, pos)


_INTRO = re.compile(r"(?:港股)?IPO|上市|招股|成立于|成立|递表|递交|挂牌|通过聆讯|登陆")


def _introduced(text: str, name: str) -> bool:
    """A name made of common words (星河动力) is still a company when the article introduces it as
    one: it comes back at least twice, once right before 上市/招股/成立/IPO/递表."""
    hits = [m.end() for m in re.finditer(re.escape(name), text)]
    return len(hits) >= 2 and any(_INTRO.match(text, e) or _INTRO.match(text, e + 2) for e in hits)


#: decorations around a name that is a line of its own: —— 云栈科技 ——, 【云栈科技】, ▍云栈科技
_DECOR_BEFORE = re.compile(r"[ \t\u3000\-—–=*#【\[《「『▍■●◆|｜]*$")
_DECOR_AFTER = re.compile(r"[ \t\u3000\-—–=*#】\]》」』|｜]*(?:\n|$)")


#: a list item's number or emoji, a name, its description in parentheses (2️⃣ 芯锂微(BMS芯片，8月28日递表))
#: the number or emoji of a list item: 1️⃣, ①, ⑴, 1., 1、, (1), 一、, 📌
LIST_MARK = (r"[ \t\u3000]*(?:\d{1,2}\ufe0f?\u20e3|[①-⑳]|[⑴-⒇]|\d{1,2}[.、)）](?!\d)|[(（]\d{1,2}[)）]"
             # (🔥1｜星枢智能（02697）: an emoji, then the item's number and a bar)
             r"|[一二三四五六七八九十]{1,2}[、.]|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?(?:[ \t]*\d{1,2}[ \t]*[|｜])?"
             r"|\d{1,2}[ \t]*[|｜]"
             # (2 青砚医疗(02903.HK)|医学影像AI: a bare number before a name and its stock code)
             r"|\d{1,2}[ \t\u3000]*(?=[\u4e00-\u9fff]{2,8}[(（]\d{4,5}))[ \t\u3000]*")
_ITEM_NAME = re.compile(r"(?m)^" + LIST_MARK + r"([\u4e00-\u9fff]{2,8})[(（]([^()（）\n]{0,40})[)）]")

#: a heading mark, a name, a colon or the end of the line (■学伴星：AI教育App, 【锦算云】)
HEADING_MARK = r"[ \t\u3000]*(?:[■□▌▍◆◇●★▶►]|【)"
_MARKED_NAME = re.compile(r"(?m)^" + HEADING_MARK + r"[ \t\u3000]*([\u4e00-\u9fff]{2,8})[ \t\u3000]*(?:[:：|｜】]|$)")

_DOTTED_DATE_END = re.compile(r"(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}$")


#: a name introduced by what the company is (…的工业软件公司匠枢软件, AI学习应用学伴星)
_DESCRIBED_BEFORE = re.compile(r"(?:(?:芯片|设备|服务|供应|制造|运营|提供|开发|软件|硬件|方案|整车|授权|分销|代理|经销|集成)商"
                               r"|厂商?|企业|公司|龙头|巨头|应用|平台|App|APP|独角兽)\s*$")


def _described(text: str, name: str) -> bool:
    """Somewhere else the article calls ``name`` a company: a role noun right before it."""
    i = text.find(name)
    while i != -1:
        if _DESCRIBED_BEFORE.search(text, max(0, i - 6), i):
            return True
        i = text.find(name, i + 1)
    return False


#: what follows a company's name where it is the subject: a figure, a period, a verb or a stop
_SUBJECT_NEXT = re.compile(r"[\d上下今去全前年是继在的、和与及早晚则,，。;；:：(（]|股价|收|首日|市值|开[报盘市]|[高低]开")


def _subject_uses(text: str, short: str, rest: str) -> int:
    """How often ``short`` stands as a subject on its own: after a boundary, not followed by the
    rest of the full name, and followed by a figure, a period, a verb or a stop."""
    n = 0
    i = text.find(short)
    while i != -1:
        end = i + len(short)
        if _starts_word(text, i) and not text.startswith(rest, end) \
                and (_SUBJECT_NEXT.match(text, end) is not None or _starts_with_cue(text, end)):
            n += 1
        i = text.find(short, i + 1)
    return n


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """The name is a heading: only decorations stand around it on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start <= 8 and _DECOR_BEFORE.match(text, line_start, start) is not None \
        and _DECOR_AFTER.match(text, end) is not None


#: words after a product's name that make it a business line: 定制智能机器人及解决方案收入
_LINE_AFTER_NAME = re.compile(r"(?:及|和|与)(?:相关|其他)?(?:解决方案|服务|产品|业务|硬件|软件|配件)")


@lru_cache(maxsize=1)
def _stop_words() -> tuple[frozenset[str], int]:
    # (single characters are _TRIM_FIRST's job: 其中澄域… must not lose only its 其)
    words = frozenset(w for w in _word_table().get("stop", ()) if len(w) >= 2)
    return words, max(map(len, words), default=0)


def _stop_word_before_name(s: str) -> int:
    """Length of the longest stop word ``s`` opens with that leaves two characters of name, or 0."""
    words, longest = _stop_words()
    for n in range(min(longest, len(s) - 2), 1, -1):
        if s[:n] in words:
            return n
    return 0


def discover_names(text: str) -> list[str]:
    """Company names an article uses without a ticker: an uncommon word plus a company suffix
    (星枢智能, 焕芯半导体), standing where a subject stands (before a figure, a period or an IPO
    verb). Common compounds (人工智能, 金融科技) are not names."""
    pat, after = _name_pattern()
    found: dict[str, int] = {}
    trades: Optional[set[str]] = None
    for m in pat.finditer(text):
        # the 2-4 Chinese characters before the company word, from a boundary on
        s = m.start()
        word = m.group(1)
        lo = s
        while lo > 0 and s - lo < 5 and _is_cjk(text[lo - 1]):
            lo -= 1
        if s - lo == 5:            # inside a longer run: the name may start anywhere, take 4
            lo += 1
        start = lo
        prefix = text[lo:s]
        while prefix and start > 0 and text[start - 1] not in _NAME_LEFT \
                and not _DOTTED_DATE_END.search(text, max(0, start - 10), start) \
                and not (2 <= len(prefix) <= 3 and _STOP_BEFORE.search(text, max(0, start - 6), start)) \
                and not (_ROLE_NOUN_END.search(text, max(0, start - 6), start) and len(prefix) >= 2
                         and prefix[0] not in "商家"):
            # (2026.03.31墨羽数据; AI客服软件商智语科技: the name after what the company is)
            start += 1
            prefix = prefix[1:]
        if "的" in prefix:                  # 朔芯的软件: a possessive, no part of a name
            cut = prefix.rindex("的") + 1
            prefix, start = prefix[cut:], start + cut
        n = _stop_word_before_name(prefix)             # 榜首穹光半导体: after 榜首 (还有穹算科技)
        prefix, start = prefix[n:], start + n
        while len(prefix) > 2 and prefix[0] in _TRIM_FIRST:    # 继澜峰微电子: the name starts after 继
            prefix, start = prefix[1:], start + 1
        if len(prefix) > 2 and prefix[0] == "比" and _FIGURE_END.search(text, max(0, start - 3), start):
            prefix, start = prefix[1:], start + 1               # 毛利率46.2%，比栖川科技高: compared with it
        if not 2 <= len(prefix) <= 4 or prefix[0] in _BAD_FIRST:
            continue
        name = prefix + word
        end = start + len(name)
        nxt = text[end:end + 8]
        heads_line = start == 0 or text[start - 1] == "\n" or _BULLET_BEFORE.search(text, max(0, start - 3), start)
        if not (nxt[:1].isdigit() or nxt.startswith(after) or nxt[:1] in "（(，,。则" or nxt.startswith("FY")
                or (nxt[:1] in " \t\u3000" and nxt.lstrip(" \t\u3000")[:1].isdigit())    # (a table's row)
                or (nxt[:1] in ":：" and heads_line)
                or _alone_on_line(text, start, end)
                or _PERIOD_NEXT.match(nxt)
                or _starts_with_cue(text, end) or re.match(r"[一二两三四五六七八九十]+年", nxt)):
            continue
        if name in known_aliases() or any(name.endswith(a) for a in _known_cjk_aliases()):
            continue
        if nxt.startswith("的") and (_ROLE_NOUN.search(text, end + 1, end + 10)
                                    or _known_pattern().match(text, end + 1)):
            # 专注手术机器人的医疗器械公司禾屿医疗, 酒店服务机器人的云迹科技: what the company does
            continue
        if _PRODUCTS_BEFORE.search(text, max(0, start - 20), start):
            continue        # 汀舟机器人主营泳池清洁机器人及水下作业机器人: what it makes, no company
        if _LINE_AFTER_NAME.match(text, end) or _GLOSSED_TERM_AFTER.match(text, end):
            continue        # 定制智能机器人及解决方案收入: a line of products; 车网互动（V2G）技术: a technology
        if trades is None:
            trades = _trade_words(text)
        if name in trades:
            continue        # 割草机器人厂拓疆机器人: a trade, named before the company of it
        if any(w in name for w in _word_table().get("never", ())) or _COUNTED.match(name):
            continue
        if prefix in _terms():
            continue        # 智能体技术研发: a word of the trade before 技术, not a company
        if not (_uncommon(prefix) and _uncommon(name)) and not _introduced(text, name):
            continue
        found[name] = found.get(name, 0) + 1
    return list(found)


_TRADE_END = re.compile(r"厂|业者|商(?!汤)")
#: a term glossed in Latin letters and named as a technology or a line: 车网互动（V2G）技术
_GLOSSED_TERM_AFTER = re.compile(r"\s*[(（]\s*[A-Za-z0-9][A-Za-z0-9 \-]{0,11}[)）]\s*(?:技术|业务|产品|方案|解决方案|领域|模式|平台|场景)")
#: a word right before a name that is no part of it (另一只新股栖峦机器人, 资金抢筹栖峦机器人)
_STOP_BEFORE = re.compile(r"(?:新股|" + _VERBS_BEFORE_NAME + r")$")
#: a company's line of products, before the words of one (主营泳池清洁机器人及…), or what its
#: proceeds go to (用于研发新一代长航时无人机及飞控系统, 用于扩展销售网络)
_PRODUCTS_BEFORE = re.compile(r"(?:主营|主要从事|主要产品(?:为|是|包括)?|产品(?:包括|涵盖|线包括)|主打"
                              r"|用于|用作|(?:研发|开发|研制)(?:新一代|下一代|新型|新款))"
                              r"[^，,。；;:：\n]{0,16}$"
                              # (为银行…提供AI客服与知识管理软件: what it sells)
                              r"|提供[^，,。；;:：\n的]{0,16}$")


def _trade_words(text: str) -> set[str]:
    """Every run of 2-8 characters written right before 厂/业者/商 (割草机器人厂): words of a trade."""
    out: set[str] = set()
    for m in _TRADE_END.finditer(text):
        for n in range(2, 9):
            if m.start() >= n:
                out.add(text[m.start() - n:m.start()])
    return out


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(lexicon.data_path("userdict.txt"))
    for alias in known_aliases():
        tokenizer.add_word(alias, freq=100000)
    return tokenizer


def short_name(name: str) -> str:
    """A company's short name: legal suffixes (股份有限公司, 控股, -W …) and a city prefix removed."""
    legal, _, _ = _entity_words()
    cls = _SHARE_CLASS.search(name)
    if cls is not None and cls.start() >= 2:
        name = name[:cls.start()]
    changed = True
    while changed:
        changed = False
        for suffix in legal:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                name = name[: -len(suffix)]
                changed = True
                break
    return name


def name_before(text: str, pos: int, memo: Optional[dict] = None) -> str | None:
    """The company name that ends at ``pos`` (just before a parenthesis), or None.

    The candidate is the run of name characters before ``pos`` (at most 24); jieba splits it and
    the name is the longest run of trailing words that are not stop words (at most 4 words).
    ``memo`` keeps, across the calls on one text, what the whole text was searched for (a name
    coded a thousand times is looked up once).
    """
    if pos >= 2 and text[pos - 1] == " " and text[pos - 2] != " ":
        pos -= 1                            # 宁川芯材 (2795-HK): a Taiwan page's space before the code
    if pos and text[pos - 1] in ".dDcCpP" and (legal := _LATIN_LEGAL_END.search(text, max(0, pos - 40), pos)) is not None:
        pos = legal.start()                 # MiniMax Group Inc.(0100.HK): the name before its legal words
    latin = _LATIN_NAME_BEFORE.search(text, max(0, pos - 60), pos) if pos and text[pos - 1].isascii() else None
    if latin is not None and latin.group(1) not in known_aliases() \
            and re.search(r"[\u4e00-\u9fff]\s?$" if " " in latin.group(1) else r"[\u4e00-\u9fff]$",
                          text[max(0, latin.start() - 2):latin.start()]) \
            and text[latin.start() - 1 if text[latin.start() - 1] != " " else latin.start() - 2] not in _JOINERS:
        # 汀舟机器人 Tingzhou Robotics (02877.HK), 澄岳科技Chengyue(02788.HK): the Chinese name
        # before the English one
        k = latin.start()
        return name_before(text, k - 1 if text[k - 1] == " " else k, memo)
    if latin is not None and " " in latin.group(1) \
            and latin.group(1).rsplit(" ", 1)[-1] in _word_table().get("latin", ()):
        return latin.group(1).strip()   # 与Zhixian AI(02857): the whole Latin name, not its AI
    start = pos
    while start > 0 and pos - start < 24 and _NAME_CHAR.match(text[start - 1]):
        start -= 1
    run = text[start:pos]
    if start >= 2 and text[start - 1] == "?" and _is_cjk(text[start - 2]) and run in _suffix_words():
        # 博?科技(02968): a character lost to mojibake inside the name (not the company word alone)
        head = start - 1
        while head > 0 and start - 1 - head < 4 and _NAME_CHAR.match(text[head - 1]):
            head -= 1
        run, start = text[head:pos], head
    if (start == 0 or text[start - 1] == "\n") and (num := re.match(r"\d{1,2}(?=[\u4e00-\u9fff])", run)):
        run, start = run[num.end():], start + num.end()     # 2 青砚医疗(02903.HK): an item's number
    if len(run) >= 3 and run.endswith("吧"):
        run = run[:-1]                      # 天数智芯吧(09903): a stock's forum, named after it
    if (day := _DAY_IN_RUN.search(run)) is not None and len(run) - day.end() >= 2:
        run, start = run[day.end():], start + day.end()     # 去年12月3日宁川芯材(02795): after the date
    if len(run) > 3 and run[0] in "比较" and _FIGURE_END.search(text, max(0, start - 3), start):
        run, start = run[1:], start + 1     # 毛利率46.2%，比栖川科技(02871)高: compared with it
    # a place in the middle of a legal name: 英诺赛科(苏州)科技股份有限公司 -> 英诺赛科科技股份有限公司
    place = _PLACE_PAREN.search(text, max(0, start - 8), start + 1)
    if place and place.end() == start and run:
        head = place.start()
        while head > 0 and place.start() - head < 12 and _NAME_CHAR.match(text[head - 1]):
            head -= 1
        if place.start() - head >= 2:
            run = text[head:place.start()] + run
            start = head
    if len(run) > 4 and run.endswith(("H股", "A股")):
        run = run[:-2]                      # 兆易创新H股(03986.HK): the company of the share class
    if len(run) < 2:
        return None
    known = known_aliases()
    for alias in sorted((a for a in known if run.endswith(a)), key=len, reverse=True):
        return alias
    legal, stop, generic = _entity_words()
    cls = _SHARE_CLASS.search(run)     # 晶泰控股-P, 地平线机器人-W: the stock's class marker
    if cls is not None and cls.start() >= 2:
        run = run[:cls.start()]
    suffix = next((s for s in legal if run.endswith(s) and len(run) > len(s)), "")
    core = run[: len(run) - len(suffix)]
    cut = None
    for cut in _NAME_STARTS_AFTER.finditer(core):
        pass
    if cut is not None and len(core) - cut.end() >= 2:
        # 国产芯片商澜芯, 智算中心运营商北溟数据: the name follows what the company is; 晶片设计商的峻崖
        # 机器人, 本中心上修宏曜智能: a possessive or a broker's verb (jieba would glue the characters
        # around them into words: 商的峻, 修宏曜)
        core = core[cut.end():]
    # Articles repeat a company's name: the longest tail of the run that the text also uses on
    # its own (地平线 in 智驾科技头部企业地平线(09660.HK)…地平线开盘…) is the name.
    memo = {} if memo is None else memo
    for n in (2, 3):
        # 电池制造商硕能新能源科技(02655)…硕能开市报…: the whole name, whose first word the text
        # uses on its own (not a tail of it that the text also writes, 新能源)
        head = core[:n]
        if not (n + 2 <= len(core) <= 8 and all(map(_is_cjk, head)) and head not in generic and _uncommon(head)):
            continue
        key = ("head", head, core[n:])
        if key not in memo:
            memo[key] = _stands_alone(text, head, [core[n:]]) and _used_elsewhere(text, head, start, pos, memo=memo)
        if memo[key]:
            return core + suffix
    for i in range(0, max(0, len(core) - 1)):
        cand = core[i:]
        if len(cand) > 3 and cand[0] in _TRIM_FIRST and not _used_elsewhere(text, cand, start, pos, True, memo):
            continue        # 及拓衡生物: the name starts after 及 (unless 和钧精密 opens a sentence elsewhere)
        if _SUFFIX_HINT.fullmatch(cand) or cand in _suffix_words():
            continue        # 割草机器人厂拓疆机器人, 朔望医疗: 机器人, 医疗 alone are a trade, not the name
        if _used_elsewhere(text, cand, start, pos, memo=memo) and cand not in generic:
            return cand + suffix
        short = _without_company_word(cand)
        if short and _used_elsewhere(text, short, start, pos, memo=memo) and short not in generic:
            return cand + suffix
    words = _jieba().lcut(core, HMM=True)
    kept: list[str] = []
    for w in reversed(words):
        if (w in stop or w.endswith(_STOP_SUFFIXES) or len(kept) >= 4 or not w.strip()):
            break
        kept.insert(0, w)
    name = "".join(kept) + suffix if kept else ""
    while len(name) > 3 and name[0] in _TRIM_FIRST:     # 及拓衡生物(02817): the name after 及
        name = name[1:]
    name = name[_stop_word_before_name(name):]         # 先讲澜舟智能(02866): the name after 先讲
    if len(name) < 2 or name in generic or name.isdigit():
        return None
    if not re.search(r"[\u4e00-\u9fff]", name) and not re.fullmatch(r"[A-Z][A-Za-z0-9.&\- ]{1,30}", name):
        return None
    return name


def _starts_word(text: str, i: int) -> bool:
    """A name written at ``i`` starts there: a boundary (or no name character) stands before it."""
    return i == 0 or text[i - 1] in _NAME_LEFT or not _NAME_CHAR.match(text[i - 1])


def _used_elsewhere(text: str, name: str, skip_from: int, skip_to: int, opens_sentence: bool = False,
                    memo: Optional[dict] = None) -> bool:
    """``name`` stands on its own somewhere else in ``text`` (a boundary before it), or with
    ``opens_sentence`` opens a sentence or a line there (和钧精密总经理…: its first character is
    part of it, not 和 + 钧精密). With ``memo`` the places are found once per name (a name coded
    a thousand times is searched for once)."""
    if len(name) < 2:
        return False
    key = ("alone", name, opens_sentence)
    places = memo.get(key) if memo is not None else None
    if places is None:
        places = []
        i = text.find(name)
        while i != -1:
            if (i == 0 or text[i - 1] in "。！？!?；;\n") if opens_sentence else _starts_word(text, i):
                places.append(i)
            i = text.find(name, i + 1)
        if memo is not None:
            memo[key] = places
    # (the places are in order: one outside [skip_from, skip_to] is the first or the last)
    return bool(places) and (places[0] < skip_from or places[-1] > skip_to)


def _other_names(groups: dict[str, set[str]], key: str, forms: set[str], coded: set[str]) -> set[str]:
    """The names of the other companies of ``groups`` introduced with a code of their own (联昱(6782)
    beside its subsidiary 联昱智能), that share no name with ``forms``."""
    return set().union(*(v for k, v in groups.items() if k != key and k in coded and not v & forms))


def _stands_alone(text: str, short: str, suffixes: list[str]) -> bool:
    """``short`` (地平线 of 地平线机器人) is written somewhere as a name of its own: after a
    boundary and not followed by a company word (无锡澜峰 or 澜峰半导体 do not count) nor by a
    model's Latin letters (曜芯M7 is a chip of 曜芯科技, not the company) or a middle dot."""
    i = text.find(short)
    while i != -1:
        end = i + len(short)
        # (AI眼镜股星瞳首日大涨: a name after the 股 of a class of stocks)
        if (_starts_word(text, i) or text[i - 1] == "股") and not any(text.startswith(suf, end) for suf in suffixes) \
                and not (end < len(text) and text[end].isascii() and text[end].isalpha()) \
                and not text.startswith(("·", "・", "•"), end):     # (“星途·知行”: a model of 星途教育)
            return True
        i = text.find(short, i + 1)
    return False


def _without_company_word(name: str) -> str:
    for suf in sorted(_word_table().get("suffix", []), key=len, reverse=True):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return ""


def _inside_parens(text: str, pos: int, limit: int = 40) -> int | None:
    """Offset of the opening parenthesis enclosing ``pos`` (within ``limit`` chars), else None."""
    i = pos - 1
    lo = max(0, pos - limit)
    while i >= lo:
        c = text[i]
        if c in _CLOSE:
            return None
        if c in _OPEN:
            return i
        i -= 1
    return None


def normalize_ticker(digits: str) -> str:
    """``2513`` / ``02513`` -> ``02513.HK``."""
    return digits.zfill(5) + ".HK"


def build_registry(text: str) -> Registry:
    """Discover the companies ``text`` introduces (ticker parentheses and short-name definitions)."""
    reg = Registry(aliases=dict(known_aliases()))
    groups: dict[str, set[str]] = {}   # a representative name -> every name of that company
    memo: dict = {}                    # see name_before

    def add_company(names: list[str]) -> str:
        names = [n for n in names if n]
        for n in names:                     # a known company under another of its names
            ident = reg.resolve(n) or reg.resolve(short_name(n))
            if ident:
                for m in names:
                    if m not in reg.aliases:
                        reg.discovered[m] = ident
                return ident
        forms = set(names) | {short_name(n) for n in names}
        key = next((k for k, v in groups.items() if v & forms), None)
        if key is None:
            key = names[0]
            groups[key] = set()
        groups[key] |= forms
        return key

    def new_name(name: str) -> bool:
        """Not a company already known, nor a run holding a word that is never a name."""
        return not (reg.resolve(name) or reg.resolve(short_name(name))) \
            and not any(w in name for w in _word_table().get("never", ()))

    def new_plain_name(name: str) -> bool:
        """A new name standing alone (a list item, a heading, a table cell): also no common word
        of the language and no cue word."""
        return _uncommon(name) and not _starts_with_cue(name, 0) and new_name(name)

    if _name_pattern()[0].search(text) is not None:      # (any company word: 量子 too)
        for name in discover_names(text):
            if segment_slug(name) is not None:
                continue    # 教育智能机器人, 消费级机器人: a business line's name, every word of it a line word
            add_company([name])
    # the name opening an item of a list of filings: 1️⃣ 睿镭光电(激光雷达，7月20日递表)
    for m in _ITEM_NAME.finditer(text):
        name = m.group(1)
        if _INTRO.search(m.group(2)) and new_plain_name(name):
            add_company([name])
    # a marked heading that is a name the article repeats: ■匠枢软件：A股母公司分拆
    for m in _MARKED_NAME.finditer(text):
        name = m.group(1)
        if _described(text, name) and name[0] not in _BAD_FIRST and new_plain_name(name):
            add_company([name])
    # a start-up named in quotes where it is funded or described (36氪独家｜「光合矩阵」完成超10亿元
    # Pre-IPO轮融资, 智能体公司「光合矩阵」), and named bare at least twice more
    if "融资" in text:
        for m in _QUOTED_NAME.finditer(text):
            name = m.group(1)
            if (_FUNDED_AFTER.match(text, m.end()) or _DESCRIBED_BEFORE.search(text, max(0, m.start() - 6), m.start())) \
                    and text.count(name) - text.count(m.group(0)) >= 2 and name[0] not in _BAD_FIRST \
                    and new_plain_name(name):
                add_company([name])
    # a legal name heading a line (a prospectus summary, a filing title): 驭风智驾科技股份有限公司 全球发售
    if "有限公司" in text:
        for m in _LEGAL_HEAD.finditer(text):
            name = m.group(1)
            if _LEGAL_NEXT.match(text, m.end()) and not reg.resolve(name):
                add_company([name])
    # a table of listings: a name cell followed by its stock code (| 启元算力 | 02692 | …)
    if "|" in text or "｜" in text or "\t" in text or "  " in text:
        for m in _TABLE_NAME.finditer(text):
            name = m.group(1) or m.group(2) or m.group(3)
            if new_name(name):
                add_company([name])
        # a table whose first column lists companies (公司|收入|净亏损 / 锦算云|13.05|7.15)
        scanned = -1            # (a header inside rows already read starts no second scan)
        for m in _COMPANY_TABLE_HEAD.finditer(text):
            if m.start() < scanned:
                continue
            pos = text.find("\n", m.end())
            while pos != -1:
                scanned = pos
                end = text.find("\n", pos + 1)
                line = text[pos + 1:end if end != -1 else len(text)]
                if not re.search(r"[|｜]", line):
                    break
                cells = re.split(r"[|｜]", line.strip(" \t|｜"), maxsplit=2)
                if m.group(1) and len(cells) > 1 and cells[0].strip().isdigit():
                    cells = cells[1:]           # | 7 | 嘉岳 | 16.12 |: the name after the rank
                first = cells[0]
                name = _FOOTNOTE_MARK.sub("", first.strip())
                if _TABLE_ROW_NAME.fullmatch(name) and new_plain_name(name):
                    add_company([name])
                pos = end
    pending: list[tuple[str, str, int, int]] = []
    covered: set[int] = set()           # the characters of the tickers in ``pending``
    defined: dict[str, str] = {}        # a company -> the short name its article defines (下称“…”)
    if "(" in text or "（" in text:
        for m in _DEFINITION.finditer(text):
            alias = (m.group(1) or m.group(2)).strip()
            op = _inside_parens(text, m.start())
            full = name_before(text, op, memo) if op is not None else None
            if full is None and op is not None:
                # 「渡鸥机器人」(下称“渡鸥”): the full name in quotes before the parenthesis
                q = _QUOTED_BEFORE.search(text, max(0, op - 24), op)
                full = q.group(1) if q is not None else None
            if alias and full and alias[:2] not in full and op is not None:
                # 量子计算公司合肥量衍量子科技股份有限公司(下称“量衍科技”): a short name takes its
                # first characters from the full name, which starts no later than they do
                k = text.rfind(alias[:2], max(0, op - 30), op)
                if k != -1 and all(_NAME_CHAR.match(c) for c in text[k:op]):
                    full = text[k:op]
            if alias and full:
                defined.setdefault(add_company([full, alias]), alias)
    for m in find_tickers(text):
        digits = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        op = _inside_parens(text, m.start())
        if op is None and _CODE_LABEL_END.search(text, max(0, m.start() - 8), m.start()):
            # 创新奇智(AInnovation Technology Group Co., Ltd,股份代号:2121.HK,…): a labelled code
            # after a long English name in the company's parenthesis
            op = _inside_parens(text, m.start(), limit=100)
        name = name_before(text, op, memo) if op is not None else None
        if op is not None and (inner := _NAME_IN_PARENS.fullmatch(text, op + 1, m.start())) is not None \
                and not _CODE_LABEL.search(inner.group(1)):
            name = inner.group(1)   # Lingyue Robotics(灵跃机器人,02797.HK): the Chinese name inside
        latin = _LATIN_NAME_BEFORE.search(text, max(0, op - 60), op) if op is not None else None
        if name and latin is not None and re.search(r"[\u4e00-\u9fff]", name):
            # (…and the Latin name right before the parenthesis, and its first word when that
            # names it alone: Lingyue: …, Xuguang: … in the lines after)
            full = latin.group(1)
            first = re.split(r"[ &.-]", full)[0]
            extra = [full] + ([first] if first != full and len(first) >= 3
                              and first not in _word_table().get("latin", ()) else [])
            add_company([name] + [n for n in extra if not reg.resolve(n)])
        key = add_company([name]) if name else None
        pending.append((key or "", normalize_ticker(digits), m.start(), m.end()))
        covered.update(range(m.start(), m.end()))
    # a forum cashtag names a listed company: $澜峰微电子(06688)$, $地平线机器人-W(09660)$
    if "$" in text:
        for m in _CASHTAG.finditer(text):
            name = m.group(1).strip()
            cls = _SHARE_CLASS.search(name)
            if cls is not None and cls.start() >= 2:
                name = name[:cls.start()]
            if re.search(r"[\u4e00-\u9fff]", name) and name not in _entity_words()[2] \
                    and not (reg.resolve(name) or reg.resolve(short_name(name))):
                add_company([name])
    taiwan: set[str] = set()            # companies named by a Taiwan code: it is no ticker
    marks = _TAIWAN_MARK.finditer(text) if ("柜" in text or "TW" in text or "台股" in text) else ()
    # (镜头模组厂沛晶光学(6721)公告…新台币: on a Taiwan page a four-digit code is a Taiwan stock)
    codes = _TAIWAN_CODE.finditer(text) if _TAIWAN_PAGE.search(text) else ()
    for m in chain(marks, codes):
        name = name_before(text, m.start(), memo)
        if name and new_name(name):
            taiwan.add(add_company([name]))
    # a bare code in parentheses right after a company already known: 智谱(02513), 智谱(2513)
    hk_page = _HK_PAGE.search(text) is not None and _TAIWAN_PAGE.search(text) is None
    for m in _BARE_CODE.finditer(text):
        code = m.group(2)
        ident = None
        # the name before the parenthesis, else the short name inside it: …有限公司(星衡智能,2631)
        inner = (m.group(1) or "").strip()
        if (defined_here := _DEFINITION.search(inner)) is not None:
            inner = defined_here.group(1) or defined_here.group(2) or inner     # (简称「云链科技」，02791)
        for name in (name_before(text, m.start(), memo), inner):
            ident = (reg.resolve(name) or reg.resolve(short_name(name))) if name else None
            if ident is None and name and (bare := _without_company_word(short_name(name))):
                ident = reg.resolve(bare)       # 北京智谱华章科技(2513): a known name and a company word
            if ident is None and name:
                ident = next((k for k, forms in groups.items() if name in forms or short_name(name) in forms), None)
            if ident is not None:
                break
        if len(code) == 3 and (ident is None or not hk_page):
            continue            # MiniMax(100) on a Hong Kong page: a known company's code without its zeros
        name = name_before(text, m.start(), memo)
        if ident is None and name and (_HK_CODE.fullmatch(code) or hk_page and code[:2] not in ("19", "20")) \
                and 2 <= len(name) <= 12 and not any(w in name for w in _word_table().get("never", ())):
            # 灵犀智算(02739): a five-digit code with a leading zero is a Hong Kong stock code; so is
            # 鲸跃机械人(2693) on a Hong Kong page (no year, no Taiwan page)
            same = next((k for k, t, *_ in pending if k in groups and t == normalize_ticker(code)
                         and (k.startswith(name) or name.startswith(k))), None)
            if same is not None:
                groups[same].add(name)      # 曜芯科技（2971）…曜芯(2971): one company under two names
                ident = same
            else:
                ident = add_company([name])
        if ident and m.start(2) not in covered and not (ident in taiwan and len(code) == 4):
            pending.append((ident, normalize_ticker(code), m.start(2), m.end(2)))
            covered.update(range(m.start(2), m.end(2)))

    # A discovered name may also be written without its company word (地平线机器人 -> 地平线):
    # the shorter form is an alias when the article uses it on its own.
    suffixes = sorted(_word_table().get("suffix", []), key=len, reverse=True)
    cities = _word_table().get("city", [])
    coded = {k for k, *_ in pending} | taiwan      # companies introduced with a code of their own
    for key, forms in groups.items():
        for f in list(forms):
            # (深圳松岩机器人 is also 松岩机器人 and 松岩: a city before the name is no part of it)
            city = next((c for c in cities if f.startswith(c) and len(f) - len(c) >= 4), None)
            rest = f[len(city):] if city is not None and f[len(city):] not in reg.aliases else None
            if rest is not None and text.count(rest) > text.count(f):
                forms.add(rest)
            for name in (f, rest):
                cur = name
                while cur:
                    suf = next((x for x in suffixes if cur.endswith(x) and len(cur) - len(x) >= 2), None)
                    if suf is None:
                        break
                    short = cur[: -len(suf)]
                    # 晟弘股份 is 晟弘: 股份 marks a share's short name, it is no part of the name
                    # (联昱 of 联昱智能 is no alias where 联昱 is a company of its own, its parent)
                    if short not in reg.aliases and short not in _other_names(groups, key, forms | {name}, coded) \
                            and (suf == "股份" or _stands_alone(text, short, suffixes)):
                        forms.add(short)
                        break
                    # (铺立方云科技 written 铺立方: two company words off, 云 and 科技)
                    cur = short if len(short) >= 3 else ""
        # 宁川芯材(2986)…宁川则收报9.1元, 硕能新能源科技(02655)…硕能开市报…: the first two
        # characters of a coded name of four or more, standing as its subject and being no word
        # of the language
        head = next((f[:2] for f in sorted(forms, key=len) if len(f) >= 4 and all(map(_is_cjk, f))), None)
        if key in coded and head is not None and not any(len(f) < 4 for f in forms) \
                and head not in reg.aliases and head not in cities and _uncommon(head) \
                and head not in _other_names(groups, key, forms, coded) \
                and _subject_uses(text, head, next(f[2:] for f in forms if f.startswith(head))) >= 1:
            forms.add(head)
    # A known company's first two characters used as its name (天数 of 天数智芯: 天数上半年收入…)
    for alias, ident in known_aliases().items():
        if len(alias) >= 4 and _is_cjk(alias[0]) and alias in text and alias[:2] not in reg.aliases \
                and alias[:2] not in reg.discovered and _subject_uses(text, alias[:2], alias[2:]) >= 2:
            reg.discovered[alias[:2]] = ident
    # a forum's initials for a company the article names in Latin letters: MM for MiniMax
    # (智谱vs MM), only where the initials stand alone as a word
    if re.search(r"(?<![A-Za-z])[A-Z]{2,3}(?![A-Za-z])", text):
        for alias, ident in list(reg.aliases.items()) + list(reg.discovered.items()):
            caps = "".join(c for c in alias if "A" <= c <= "Z")
            if 2 <= len(caps) <= 3 and alias.isascii() and alias != caps and caps not in reg.aliases \
                    and caps not in reg.discovered and alias in text \
                    and re.search(rf"(?<![A-Za-z]){caps}(?![A-Za-z])", text):
                reg.discovered[caps] = ident
    # The id of a discovered company is its shortest name.
    ids: dict[str, str] = {}
    for key, forms in groups.items():
        ident = min(forms, key=lambda s: (len(s), s))
        if key in defined:
            # the short name the article defines (…有限公司(以下简称“衡析智能”)), without 股份
            # (沐曦股份 -> 沐曦), even where a shorter form is written somewhere
            alias = defined[key]
            ident = alias[:-2] if alias.endswith("股份") and alias[:-2] in forms else alias
        ids[key] = ident
        for f in forms:
            if f not in reg.aliases:
                reg.discovered[f] = ident
    for key, ticker, s, e in pending:
        ident = ids.get(key, key) if key else ""
        reg.tickers.append((ident, ticker, s, e))
    reg.taiwan = {ids.get(k, k) for k in taiwan}
    return reg


@lru_cache(maxsize=1)
def _lexicon_cjk_ids() -> frozenset[str]:
    """The lexicon's companies whose id is a Chinese name (FACTS.md names no slug for them)."""
    return frozenset(i for i in known_aliases().values() if not i.isascii())


def _only_words(rest: str, words) -> bool:
    """``rest`` is a run of ``words`` (半导体科技 of 半导体 and 科技)."""
    while rest:
        w = next((w for w in words if rest.startswith(w)), None)
        if w is None:
            return False
        rest = rest[len(w):]
    return True


def written_ids(mentions: list[EntityMention]) -> dict[str, str]:
    """id -> the id this document's facts carry, where they differ. A company FACTS.md has no
    slug for keeps "its shortest Chinese name", and that is the shortest name the article
    writes: 阿里巴巴 in an article that says 阿里巴巴-W, 阿里 in one that says 阿里 (the lexicon id)."""
    cjk = _lexicon_cjk_ids()
    suffixes = _word_table().get("suffix", ())
    known = frozenset(known_aliases().values())
    written: dict[str, list[str]] = {}
    for m in mentions:
        if m.entity not in known and not m.entity.isascii():
            # a company the article introduced: its id is a name the article writes (芯锂微, not
            # the 芯锂 left of 芯锂微电子 without its trade word)
            written.setdefault(m.entity, []).append(short_name(m.text))
        elif m.entity in cjk:
            name = short_name(m.text)
            if name.startswith(m.entity) and name[len(m.entity):] in suffixes:
                name = m.entity          # 地平线机器人 is 地平线 with its company word
            if name and not name.isascii():
                written.setdefault(m.entity, []).append(name)
    out = {}
    for ident, names in written.items():
        if ident in names:
            continue
        if ident in cjk:
            out[ident] = min(names, key=len)
            continue
        # an introduced company named by a cut its article never writes (芯锂 of 芯锂微电子,
        # called 芯锂微): the written name it is the start of, unless only a trade or legal
        # word follows it (晟弘 of 晟弘股份, 琢石智能 of 琢石智能科技 stay)
        cut = [n for n in names if n.startswith(ident) and not _only_words(n[len(ident):], suffixes)]
        if cut:
            out[ident] = min(cut, key=len)
    return out


def find_mentions(text: str, reg: Registry) -> list[EntityMention]:
    """Every mention of a known or discovered company, left to right, longest alias first."""
    known = known_aliases()
    out = [EntityMention(known[m.group()], m.start(), m.end(), m.group())
           for m in _known_pattern().finditer(text) if latin_word_ok(text, m.start(), m.end(), strict_after=False)
           and not (m.group().endswith("大市") and text.startswith(("场", "值"), m.end()))]   # (前两大市场)
    extra = {a: i for a, i in reg.discovered.items() if a not in known_aliases() and len(a) >= 2}
    if extra:
        for m in _alias_pattern(extra).finditer(text):
            if latin_word_ok(text, m.start(), m.end(), strict_after=False):
                out.append(EntityMention(extra[m.group()], m.start(), m.end(), m.group()))
        out.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept: list[EntityMention] = []
        for em in out:
            if kept and em.start < kept[-1].end:
                continue
            kept.append(em)
        out = kept
    return out
