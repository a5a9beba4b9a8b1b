"""A regex for a large word list that matches the longest word, fast.

A plain alternation ``a|b|c…`` makes the regex engine try every word at every position. A
trie-shaped pattern (``收(?:入|益|盘价?)|营(?:收|业额)…``) tries only the words that share the
characters already read, so scanning stays fast with hundreds of words. Within a node,
longer continuations come first, which gives leftmost-longest matches like a sorted alternation.
"""

from __future__ import annotations

import re
from typing import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, preferring the longest at each position."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node(trie)


def _node(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _node(node[ch]))
    if not branches:
        return ""
    # longest first: a branch that can consume more characters is tried before stopping here
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


def compile_words(words: Iterable[str], flags: int = 0) -> re.Pattern:
    return re.compile(trie_pattern(words), flags)


def latin_word_ok(text: str, start: int, end: int, strict_after: bool = True) -> bool:
    """A match that starts with a latin letter (IPO, MiniMax) is a whole word: no latin letter
    touches it before, nor after (with ``strict_after=False`` only a lower-case letter after
    counts, so that ``MiniMaxM2`` still names MiniMax)."""
    if not (text[start:start + 1].isascii() and text[start:start + 1].isalpha()):
        return True
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    if before.isascii() and before.isalpha():
        return False
    if not (after.isascii() and after.isalpha()):
        return True
    return not strict_after and not after.islower()
