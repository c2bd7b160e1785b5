"""Files the program writes with personal data in them: owner-only (0600), all or nothing.

Every export (Excel, PDF, JSON, CSV) goes through here: the content is written to a temporary name
beside the target, created 0600, and renamed into place, so a reader never sees half a file and
nobody else on the machine can read it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db.engine import ensure_private_file


@contextmanager
def private_output(path: Path) -> Iterator[Path]:
    """A temporary file (0600) beside ``path`` for a library to write by name; renamed on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.unlink(missing_ok=True)
    ensure_private_file(tmp)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_private_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` readable by its owner only, all or nothing."""
    with private_output(path) as tmp, tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def write_private_text(path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    return write_private_bytes(path, text.encode(encoding))
