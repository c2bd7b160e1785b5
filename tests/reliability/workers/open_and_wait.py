"""A second process that opens a register as the desktop app does and waits to be killed.

``python -m tests.reliability.workers.open_and_wait PATH [--write]``

It opens the file with the damage check in the background (db.damage_check), prints ``ready`` and
sleeps; with ``--write`` it first adds one person (which waits for the check). The test kills it
with SIGKILL: no clean close, no chance to tidy up.
"""

from __future__ import annotations

import sys
import time

from competence import employees
from competence.uow import UnitOfWork
from db.session import open_database


def main(argv: list[str]) -> None:
    database = open_database(f"sqlite:///{argv[0]}", check_in_background=True)
    if "--write" in argv:
        employees.create_employee(UnitOfWork(database, "hr"), 99_999, "Ny", "Person")
    print("ready", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main(sys.argv[1:])
