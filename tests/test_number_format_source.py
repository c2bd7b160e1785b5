"""Percentages are written by competence/numbers.py only: a test that finds percent formatting
anywhere else in the program (app, PDFs, workbooks, CLI).

A percent sign right after a number or a placeholder (``f"{x:.0f} %"``, ``"{share} %"`` in a
text to translate, ``"100 %"``) or a spreadsheet percent format (``"0%"``) outside the shared
module is how "0%" and "51 %" came to stand side by side; so is a ``%`` after an f-string field.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "competence" / "numbers.py"
#: a number or a {placeholder} followed by a percent sign (not %s, %d or %(name)s of logging and
#: strftime)
PERCENT_AFTER_NUMBER = re.compile(r"(\d|\})[ \u00a0\u202f]*%(?![A-Za-z(])")
EXCEL_PERCENT = re.compile(r"^0(\.0+)?\\? ?%$")
#: files where a percent sign is not a number being written: SQL LIKE patterns, the import's
#: reading of "80 %" in a roster, help texts of command-line options
NOT_WRITING_NUMBERS = {
    ROOT / "competence" / "privacy" / "traces.py",
    ROOT / "competence" / "frameworks" / "keys.py",
}
NOT_WRITING_FOLDERS = (ROOT / "competence" / "roster",)


def _program_files() -> Iterator[Path]:
    for folder in (ROOT / "ui", ROOT / "competence"):
        for path in sorted(folder.rglob("*.py")):
            if path == SHARED or path in NOT_WRITING_NUMBERS:
                continue
            if any(f in path.parents for f in NOT_WRITING_FOLDERS):
                continue
            yield path


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the docstring nodes (documentation may say "100 %")."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def percent_formatting(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        text = node.value if isinstance(node, ast.Constant) and id(node) not in skip else None
        if isinstance(text, str) and (PERCENT_AFTER_NUMBER.search(text) or EXCEL_PERCENT.match(text)):
            found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value!r}")
        if isinstance(node, ast.JoinedStr):
            for before, after in zip(node.values, node.values[1:], strict=False):
                if (
                    isinstance(before, ast.FormattedValue)
                    and isinstance(after, ast.Constant)
                    and re.match(r"[ \u00a0\u202f]*%(?![A-Za-z(])", str(after.value))
                ):
                    found.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_percentages_are_written_by_the_shared_formatter_only() -> None:
    found = [line for path in _program_files() for line in percent_formatting(path)]
    assert not found, "percent formatting outside competence/numbers.py:\n" + "\n".join(found)


def test_the_check_sees_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docs may say 100 %."""\n'
        'a = f"{share * 100:.0f} %"\n'
        'b = tr("{share} %")\n'
        'c = "0%"\n'
        'd = f"{x:g}%"\n'
        'e = log.info("Kan ikke: %s", x)\n'
        'f = day.strftime("%d.%m.%Y")\n',
        encoding="utf-8",
    )
    found = [line.replace(str(tmp_path) + "/", "") for line in percent_formatting(sample, tmp_path)]
    assert sorted(int(line.split(":")[1]) for line in found) == [2, 3, 4, 5], found
