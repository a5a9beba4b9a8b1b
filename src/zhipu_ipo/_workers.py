"""Imported once by the ``forkserver`` of :mod:`zhipu_ipo.engines` before it forks the workers.

Importing it loads everything the first extraction would (lexicons, compiled regexes, jieba's
dictionary: about 0.7 s), so that each worker process starts warm and shares those pages with
its siblings instead of loading them again.
"""

from __future__ import annotations

_SAMPLE = "星河智能科技股份有限公司（02699.HK）2024年营收6.2亿元，同比增长58%，净亏损3.1亿元。"


def warm_up() -> None:
    """Run one small extraction; never raises (a failure here must not stop the pool)."""
    try:
        from zhipu_ipo.extractor import extract

        extract(_SAMPLE)
    except Exception:  # pragma: no cover - the worker will report the real error itself
        pass


warm_up()
