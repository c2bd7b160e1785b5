"""The layer contract (CONTRIBUTING.md, "The layers"), checked on every import statement of the code.

* ``competence/`` and ``db/`` never import Qt (PySide6, shiboken6) or ``ui/``: the services, the
  command line and the tests run without a screen.
* ``db/`` never imports ``competence/``: the database layer knows nothing of the services above it.
* ``ui/`` never builds SQL or holds a session: it imports nothing of SQLAlchemy but its errors and
  URLs, and none of the ORM classes of ``db/models.py``; what it shows comes from services.

Every ``import`` counts, at the top of a module or inside a function. The rules are data
(:data:`RULES`), and a self-test proves the checker finds a violation written on purpose.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Rule:
    #: The package the rule is about (a top-level folder of the repository).
    layer: str
    #: Imported modules it may not use: a name and everything below it.
    forbidden: tuple[str, ...]
    #: Exceptions below a forbidden name.
    allowed: tuple[str, ...] = ()
    why: str = ""


RULES = (
    Rule("competence", ("PySide6", "shiboken6", "ui"), why="services run without Qt"),
    Rule("db", ("PySide6", "shiboken6", "ui", "competence"), why="the database layer is the bottom one"),
    Rule(
        "ui",
        ("sqlalchemy", "db.models"),
        allowed=("sqlalchemy.exc", "sqlalchemy.engine.url"),
        why="the UI calls services, never sessions or SQL",
    ),
)


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def imported_modules(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, module name) of every import in ``source``, relative imports resolved."""
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:  # "from db import models" imports db.models
                yield node.lineno, f"{base}.{alias.name}"


def violations(root: Path, rules: tuple[Rule, ...] = RULES) -> list[str]:
    found = []
    for rule in rules:
        for path in sorted((root / rule.layer).rglob("*.py")):
            module = ".".join(path.relative_to(root).with_suffix("").parts)
            for line, name in imported_modules(path.read_text(encoding="utf-8"), module):
                if any(_under(name, f) for f in rule.forbidden) and not any(
                    _under(name, a) for a in rule.allowed
                ):
                    found.append(f"{path.relative_to(root)}:{line} imports {name} ({rule.why})")
    return found


def test_the_layers_import_only_what_the_contract_allows() -> None:
    assert violations(ROOT) == []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("competence/report.py", "def f():\n    from PySide6.QtWidgets import QWidget\n"),
        ("db/store.py", "import competence.goals\n"),
        ("db/store.py", "from competence import audit\n"),
        ("ui/page.py", "from sqlalchemy import select\n"),
        ("ui/page.py", "from sqlalchemy.orm import Session\n"),
        ("ui/page.py", "from db import models\n"),
        ("ui/page.py", "from db.models import Employee\n"),
    ],
)
def test_a_violation_is_found(tmp_path: Path, path: str, source: str) -> None:
    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source, encoding="utf-8")
    assert len(violations(tmp_path)) == 1


def test_what_the_contract_allows_is_not_a_violation(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "page.py").write_text(
        "from sqlalchemy.exc import DBAPIError\nfrom db.session import Database\nfrom . import widgets\n",
        encoding="utf-8",
    )
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "models.py").write_text("from db.codes import GoalStatus\n", encoding="utf-8")
    assert violations(tmp_path) == []
