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
