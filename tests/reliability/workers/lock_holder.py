"""Hold a write transaction open for a while, as another app instance in the middle of a save would.

``python -m tests.reliability.workers.lock_holder URL SECONDS``

Prints ``locked`` once it holds SQLite's write lock, then commits after SECONDS and prints ``done``.
"""

from __future__ import annotations

import sys
import time

from competence.uow import UnitOfWork
from db.models import Employee
from db.session import open_database


def main(argv: list[str]) -> int:
    database = open_database(argv[0])
    uow = UnitOfWork(database, "other-window")
    with uow:
        uow.session.add(Employee(employee_no="held-1", first_name="Annen", last_name="Bruker"))
        uow.flush()  # the INSERT takes the write lock
        print("locked", flush=True)
        time.sleep(float(argv[1]))
        uow.commit()
    print("done", flush=True)
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
