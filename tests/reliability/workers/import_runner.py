"""Import a roster in a process of its own, to be killed part-way by a test.

``python -m tests.reliability.workers.import_runner URL FILE``

Prints ``ready`` once the database is open, then ``committed`` when the import's transaction is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from competence.roster import run_import
from competence.uow import UnitOfWork
from db.session import open_database


def main(argv: list[str]) -> int:
    database = open_database(argv[0])
    print("ready", flush=True)
    run_import(UnitOfWork(database, "importer"), Path(argv[1]))
    print("committed", flush=True)
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
