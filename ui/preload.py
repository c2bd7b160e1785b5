"""Import the app's non-Qt modules before PySide6 is imported.

PySide6 inspects the source code of every module imported after it (to support its
``__feature__`` switches): with SQLAlchemy and the services that is several hundred modules and
a noticeable part of the start-up time. Modules imported before PySide6 are not inspected. This
module must not import Qt.

Only what every start needs is here. Alembic (imported by :mod:`db.migrate` only when a migration
has to run) and the demo generator (only for ``--demo``) stay out: loading them would cost every
start about 0.1 s to save a little on the rare start that uses them.
"""

from __future__ import annotations

import importlib

MODULES = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "db.session",
    "db.migrate",
    "competence.uow",
    "competence.appraisals",
    "competence.assessments",
    "competence.backups",
    "competence.certificates",
    "competence.employees",
    "competence.frameworks",
    "competence.gap",
    "competence.goals",
    "competence.logs",
    "competence.privacy.retention",
    "competence.program_versions",
    "competence.roles",
    "competence.search",
    "competence.settings",
    "competence.units",
)


def preload() -> None:
    for name in MODULES:
        importlib.import_module(name)
