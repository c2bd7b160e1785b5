"""Import the app's non-Qt modules before PySide6 is imported.

PySide6 inspects the source code of every module imported after it (to support its
``__feature__`` switches): with SQLAlchemy, Alembic and the services that is several hundred
modules and a noticeable part of the start-up time. Modules imported before PySide6 are not
inspected. This module must not import Qt.
"""

from __future__ import annotations

import importlib

MODULES = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "alembic.command",
    "alembic.runtime.migration",
    "alembic.script",
    "db.session",
    "db.migrate",
    "competence.uow",
    "competence.appraisals",
    "competence.assessments",
    "competence.backups",
    "competence.certificates",
    "competence.demo",
    "competence.employees",
    "competence.frameworks",
    "competence.gap",
    "competence.goals",
    "competence.logs",
    "competence.privacy.retention",
    "competence.roles",
    "competence.search",
    "competence.settings",
    "competence.units",
)


def preload() -> None:
    for name in MODULES:
        importlib.import_module(name)
