"""Slugs for business lines the lexicon does not name (广告收入, 付费会员收入).

A line's name is read word by word against ``lexicon/segment_words.tsv`` (longest word first);
runs of Latin letters are kept in lower case. The slug is the words' parts joined by ``_``
(影像与设计产品 -> ``imaging_design_products``). A name with a word the table does not hold gives
no slug: its figures stay unplaced, as ``unknown_segment`` mentions. 其他/其他业务 alone is
``others``; a trailing 等其他/及其他 (Robotaxi及技术授权等其他, 机器人等非车载领域) is dropped, and so
is what robots come with (教育智能机器人及解决方案 -> ``education_robots``); ADAS产品 is ``adas``,
Robotaxi服务 ``robotaxi`` and 前装量产（ADAS） ``adas``; a brand opening the name is the line
(StarPad硬件 -> ``starpad``, Orion智算一体机 -> ``orion``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..lexicon import read_rows

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_OTHERS_TAIL = re.compile(r"(?:等|及|和|以及)?其他$"
                          # (机器人等非车载领域, 消费级机器人及其他硬件: the line named first)
                          r"|(?:等|及|和|以及)(?:其他|其它|非车载)(?:新兴)?(?:领域|硬件|业务|产品|场景)$")
#: the product every line of a lidar maker sells, after the field it serves (ADAS激光雷达,
#: 机器人及其他新兴领域激光雷达): the field is the line
_FIELD_PRODUCT_TAIL = re.compile(r"(?<=.{2})激光雷达(?:产品)?$")
#: what a line's goods come with (教育智能机器人及解决方案): no part of the line's name
_WITH_TAIL = re.compile(r"(?<=机器人)(?:及|和|与|以及)(?:相关)?(?:解决方案|服务|硬件|软件|配件|产品)$")
#: a Latin name and 产品 or 服务 (ADAS产品, Robotaxi服务): the Latin name is the line
_LATIN_PRODUCTS = re.compile(r"([A-Za-z]{2,})(?:产品|服务)")
#: a name glossed by its Latin short form (前装量产（ADAS）): the short form is the line
_LATIN_GLOSS = re.compile(r"[^()（）]+?[(（]([A-Za-z]{2,})[)）]")
_OTHERS = re.compile(r"(?:其他|其它|其余)(?:业务|收入|产品|服务)?")
#: a brand opening the name, then what it is (StarPad硬件, Orion智算一体机, StarTutor AI会员订阅):
#: the brand is the line (a capitalised Latin word with small letters, not an acronym like AIGC)
_LIST_WORDS = re.compile(r"[、等]|其他|其它")     # (Robosweeper等其他L4产品: brands of a class)
_BRAND_HEAD = re.compile(r"([A-Z][a-z]+(?:[A-Z][a-z]*)*)[ ]?(?:[A-Z]{2,5}[ ]?)?[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _rows() -> tuple[list[str], ...]:
    return tuple(read_rows("segment_words.tsv"))


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, str], int]:
    table = {row[0]: (row[1] if len(row) > 1 else "") for row in _rows()}
    return table, max(len(w) for w in table)


@lru_cache(maxsize=1)
def _opening_words() -> dict[str, str]:
    """Words whose part differs where they open the name (机器人及其他 -> robotics, 人形机器人 ->
    humanoid_robots): the table's third column."""
    return {row[0]: row[2] for row in _rows() if len(row) > 2 and row[2]}


def segment_slug(name: str) -> Optional[str]:
    """The slug of a business line's name, or None when a word of it is not known."""
    if _OTHERS.fullmatch(name):
        return "others"
    name = _FIELD_PRODUCT_TAIL.sub("", name)
    name = _OTHERS_TAIL.sub("", name) if len(name) > 4 else name
    name = _WITH_TAIL.sub("", name)
    if (m := _LATIN_PRODUCTS.fullmatch(name) or _LATIN_GLOSS.fullmatch(name)) is not None:
        name = m.group(1)
    elif (m := _BRAND_HEAD.match(name)) is not None and not _LIST_WORDS.search(name):
        return m.group(1).lower()
    table, longest = _words()
    parts: list[str] = []
    i = 0
    while i < len(name):
        m = _LATIN.match(name, i)
        if m is not None:
            parts.append(m.group().lower())
            i = m.end()
            continue
        for n in range(min(longest, len(name) - i), 0, -1):
            part = table.get(name[i:i + n])
            if part is not None and i == 0:
                part = _opening_words().get(name[:n], part)
            if part is not None:
                if part:
                    parts.append(part)
                i += n
                break
        else:
            return None
    return "_".join(parts) if parts else None
