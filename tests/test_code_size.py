"""The code stays readable in small pieces: no function in hooks/ over 40 lines, no class over 150.

A newcomer changes one rule in one small place; a 200-line class that threads state through
every method is where rules hide and drift. The limit counts every line the definition spans.
"""

from __future__ import annotations

import ast

from support import PROJECT

MAX_FUNCTION_LINES = 40
MAX_CLASS_LINES = 150


def _oversized(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            kind, limit = "function", MAX_FUNCTION_LINES
        elif isinstance(node, ast.ClassDef):
            kind, limit = "class", MAX_CLASS_LINES
        else:
            continue
        lines = node.end_lineno - node.lineno + 1
        if lines > limit:
            found.append(f"{node.lineno}: {kind} {node.name} is {lines} lines (at most {limit})")
    return found


def test_no_function_over_40_lines_and_no_class_over_150_in_hooks():
    too_long = [
        f"{path.relative_to(PROJECT)}:{problem}"
        for path in sorted((PROJECT / "hooks").rglob("*.py"))
        for problem in _oversized(path.read_text(encoding="utf-8"))
    ]
    assert not too_long, "split these by concern:\n" + "\n".join(too_long)


def test_the_measure_counts_every_line_a_definition_spans():
    at_limit = "def f():\n" + "    x = 1\n" * 39
    one_over = "def g():\n" + "    x = 1\n" * 40
    methods = "".join(f"    def m{i}(self):\n        return {i}\n\n" for i in range(51))
    assert _oversized(at_limit) == []
    assert _oversized(one_over) == ["1: function g is 41 lines (at most 40)"]
    assert _oversized("class C:\n" + methods) == ["1: class C is 153 lines (at most 150)"]
