"""No function in competence/ or db/ is over 80 lines without a reason written beside it.

A longer function carries a comment starting with ``# long:`` on the line above its ``def`` (or
above its first decorator) that says why it is better whole.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 80
MARK = "# long:"


def long_functions(source: str) -> list[tuple[str, int, bool]]:
    """(name, lines, has a reason) of each function over :data:`LIMIT` lines in ``source``."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > LIMIT:
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                above = lines[first - 2].strip() if first >= 2 else ""
                found.append((node.name, length, above.startswith(MARK) and len(above) > len(MARK) + 10))
    return found


def unexplained(root: Path) -> list[str]:
    problems = []
    for package in ("competence", "db"):
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            for name, length, reasoned in long_functions(path.read_text(encoding="utf-8")):
                if not reasoned:
                    problems.append(f"{relative}: {name} is {length} lines, with no '{MARK} why' above it")
    return problems


def test_long_functions_say_why() -> None:
    assert unexplained(ROOT) == []


def test_a_long_function_needs_a_reason() -> None:
    body = "\n".join(f"    x = {i}" for i in range(LIMIT))
    assert long_functions(f"def f():\n{body}\n") == [("f", LIMIT + 1, False)]
    assert long_functions(f"# long: one table of a hundred rows, read top to bottom\ndef f():\n{body}\n") == [
        ("f", LIMIT + 1, True)
    ]
    assert long_functions(f"# long:\ndef f():\n{body}\n") == [("f", LIMIT + 1, False)]  # a reason, not a mark
    assert long_functions(f"def f():\n{body[: -len('    x = 79') - 1]}\n") == []
