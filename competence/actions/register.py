"""Opening a register: the database, its upgrade, the built-in frameworks, the program's version
note and (for the demo) its people.

Opening is the one action of several transactions, each committed on its own: a leader's login on
a shared register may not update the built-in frameworks, and that refusal (which aborts its
transaction on PostgreSQL) must not stop the version note or the count after it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from competence.frameworks import ensure_builtin_frameworks
from competence.program_versions import record_program_version
from competence.progress import CancelToken, Progress, no_progress
from competence.search import count_employees
from competence.uow import UnitOfWork
from db.errors import AccessDeniedError
from db.session import Database, open_database

#: People in the demo municipality of the desktop app's ``--demo``.
DEMO_EMPLOYEES = 300
log = logging.getLogger("kompetanseregister")


@dataclass(frozen=True)
class Opened:
    database: Database
    people: int

    @property
    def empty(self) -> bool:
        return self.people == 0


def open_register(
    url: str | None,
    password: str | None,
    *,
    demo: bool = False,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Opened:
    """Open the register (on a worker): migrations, built-in frameworks, the demo's people."""
    # a file closed cleanly is compared with its digest while the window is built; every write
    # waits for that comparison
    database = open_database(url, password=password, check_in_background=True)
    try:
        try:
            ensure_builtin_frameworks(UnitOfWork(database))  # cheap when they are current
        except AccessDeniedError:
            # a leader's login on a shared register reads the frameworks; HR's next start updates them
            log.info("Innebygde rammeverk ikke oppdatert: denne innloggingen kan ikke endre dem")
        record_program_version(UnitOfWork(database))  # one query, a write at most daily
        if demo:
            fill_demo(database, progress, cancel or CancelToken())
        people = count_employees(UnitOfWork(database))
    except BaseException:
        database.dispose()
        raise
    return Opened(database, people)


def fill_demo(database: Database, progress: Progress, cancel: CancelToken) -> None:
    """Fill the demo database the first time it is opened."""
    if count_employees(UnitOfWork(database)) == 0:
        from competence.demo import generate_demo  # only here: not needed for an ordinary start

        generate_demo(database, employees=DEMO_EMPLOYEES, progress=progress, cancel=cancel)
