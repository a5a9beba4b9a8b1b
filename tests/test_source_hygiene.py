"""The source itself: no module defines one top-level name twice (a second regex of the same name
silently replaces the first for every reader of it, as two ``_NOW_BEFORE`` once did)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "zhipu_ipo"
MODULES = sorted(SRC.rglob("*.py"))


def _top_level_names(tree: ast.Module) -> Counter:
    names: Counter = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


def test_modules_found():
    assert len(MODULES) >= 20


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_top_level_name_defined_twice(path: Path):
    names = _top_level_names(ast.parse(path.read_text(encoding="utf-8")))
    assert [n for n, c in names.items() if c > 1] == []
