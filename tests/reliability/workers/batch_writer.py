"""A second process that writes batches to a register until it is stopped (or killed).

``python -m tests.reliability.workers.batch_writer URL FIRST_BATCH BATCH_SIZE [MAX_BATCHES]``

Each batch is one unit of work: BATCH_SIZE new people (first name ``B<batch>``) each with a
position, an audit event, and the "progress" setting set to the batch number. The process prints
``ready`` once the database is open and ``committed <batch>`` after each commit, so a test knows
what was durable when it killed the process. A batch refused as busy (another process committed
since this one started reading) is tried again, as a user would, and reported as ``busy <batch>``.
"""

from __future__ import annotations

import sys
import time

from sqlalchemy import select

from competence import audit
from competence.uow import UnitOfWork
from db.errors import DatabaseBusyError
from db.models import Employee, OrgUnit, Position, Setting
from db.session import open_database

PROGRESS_KEY = "test-progress"
UNIT_NUMBER = "9000"


def write_batch(uow: UnitOfWork, batch: int, size: int) -> None:
    with uow:
        s = uow.session
        unit_id = s.scalar(select(OrgUnit.id).where(OrgUnit.number == UNIT_NUMBER))
        if unit_id is None:
            unit = OrgUnit(number=UNIT_NUMBER, name="Testenhet")
            s.add(unit)
            s.flush()
            unit_id = unit.id
        people = [
            Employee(employee_no=f"b{batch}-{i}", first_name=f"B{batch}", last_name=f"Person {i}")
            for i in range(size)
        ]
        s.add_all(people)
        s.flush()
        s.add_all(Position(employee_id=p.id, unit_id=unit_id, title="Test", fte_percent=50.0) for p in people)
        progress = s.get(Setting, PROGRESS_KEY)
        if progress is None:
            s.add(Setting(key=PROGRESS_KEY, value={"batch": batch}))
        else:
            progress.value = {"batch": batch}
        audit.record(s, uow.actor, "import", entity="test-batch", batch=batch, rows=size)
        uow.commit()


def main(argv: list[str]) -> int:
    url, first, size = argv[0], int(argv[1]), int(argv[2])
    last = first + int(argv[3]) if len(argv) > 3 else None
    database = open_database(url)
    uow = UnitOfWork(database, "writer")
    print("ready", flush=True)
    batch = first
    while last is None or batch < last:
        try:
            write_batch(uow, batch, size)
        except DatabaseBusyError:  # what the app tells the user: busy, try again
            print(f"busy {batch}", flush=True)
            time.sleep(0.01)
            continue
        print(f"committed {batch}", flush=True)
        batch += 1
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
