"""The PyInstaller spec against the code: it leaves out no Qt module the app imports (a screen that
starts using, say, QtPrintSupport must take it off the spec's EXCLUDES, or the bundle breaks)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kompetanseregister.spec"


def excluded() -> set[str]:
    text = SPEC.read_text(encoding="utf-8")
    block = text[text.index("EXCLUDES = [") : text.index("]", text.index("EXCLUDES = ["))]
    return set(re.findall(r'"([\w.]+)"', block))


def qt_modules_used() -> set[str]:
    found: set[str] = set()
    for folder in ("ui", "competence", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                    found.add(".".join(node.module.split(".")[:2]))
                elif isinstance(node, ast.Import):
                    found |= {
                        ".".join(a.name.split(".")[:2]) for a in node.names if a.name.startswith("PySide6.")
                    }
    found |= {
        "PySide6." + m
        for m in re.findall(r"from PySide6\.(\w+)", (ROOT / "main.py").read_text(encoding="utf-8"))
    }
    return found


def test_no_qt_module_the_app_uses_is_left_out() -> None:
    used = qt_modules_used()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    assert not used & excluded(), "the spec excludes a Qt module the app imports"


def test_the_test_tools_are_left_out() -> None:
    assert {"pytest", "pytestqt", "hypothesis", "mypy", "PySide6.QtTest"} <= excluded()
