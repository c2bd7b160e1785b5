"""Take a backup in a process whose files may not grow past a size limit (RLIMIT_FSIZE).

``python -m tests.reliability.workers.size_limited_backup URL DEST LIMIT_BYTES``

The disk-full fallback for a backup where no tiny file system can be mounted: the operating system
refuses to write past the limit, as it would on a full disk. Prints one JSON object: the refusal's
code and messages (or ``"ok"``) and which files were left behind.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from pathlib import Path

from competence.backups import take_backup
from db.errors import LocalizedError
from db.session import open_database


def main(argv: list[str]) -> int:
    url, dest, limit = argv[0], Path(argv[1]), int(argv[2])
    database = open_database(url)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    result: dict[str, object] = {"code": "ok"}
    try:
        take_backup(database, dest)
    except LocalizedError as exc:
        result = {"code": exc.code, "nb": exc.message("nb"), "en": exc.message("en")}
    result["left"] = sorted(p.name for p in dest.parent.iterdir())
    database.dispose()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
