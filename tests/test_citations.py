"""Code and documents cite the repo's own documents, never ones a clone does not have.

The product brief's sections ("DESIGN §5") and the tracker's numbers ("issue 4") mean nothing to
someone reading a clone; the rules they stood for are written in ``docs/`` (CONTRIBUTING.md says so).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("competence", "db", "ui", "scripts", "benchmarks", "tests", "packaging", "docs")
OUTSIDE = re.compile(r"DESIGN(\.md)? ?§|\b[Ii]ssues? #?\d+\b")
SUFFIXES = {".py", ".md", ".sh", ".spec", ".iss", ".toml", ".yml"}


def outside_citations(root: Path) -> list[str]:
    paths = [p for folder in FOLDERS for p in (root / folder).rglob("*") if p.suffix in SUFFIXES]
    paths += [root / name for name in ("README.md", "CONTRIBUTING.md", "main.py", "pyproject.toml")]
    found = []
    for path in sorted(paths):
        if path == Path(__file__).resolve() or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_no_citation_of_documents_outside_the_repo() -> None:
    assert outside_citations(ROOT) == []


def test_the_check_finds_both_kinds(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("As DESIGN §5 says.\nFixed in issue 12.\nSee docs/x.md.\n")
    assert [line.split(":")[1] for line in outside_citations(tmp_path)] == ["1", "2"]
