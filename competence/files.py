"""Files the program writes with personal data in them: owner-only (0600), all or nothing.

Every export (Excel, PDF, JSON, CSV) goes through here: the content is written to a temporary name
beside the target, created 0600, and renamed into place, so a reader never sees half a file and
nobody else on the machine can read it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from db.engine import ensure_private_dir, ensure_private_file
from db.errors import DiskFullError, LocalizedError


@contextmanager
def private_output(path: Path) -> Iterator[Path]:
    """A temporary file (0600) beside ``path`` for a library to write by name; renamed on success."""
    ensure_private_dir(path.parent, enforce=False)  # a new folder is owner-only; the user's stays as it is
    tmp = path.with_name(f".{path.name}.part")
    tmp.unlink(missing_ok=True)
    ensure_private_file(tmp)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_private_bytes(path: Path, data: bytes, *, before_rename: Callable[[], None] | None = None) -> Path:
    """Write ``data`` to ``path`` readable by its owner only, all or nothing.

    ``before_rename`` runs once the data is safely on disk under the temporary name, before it is
    renamed into place; if it raises, nothing is placed (used to commit an audit event only for a
    file that was written, and to honour a cancel that came during the writing).
    """
    with private_output(path) as tmp:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if before_rename is not None:
            before_rename()
    return path


def write_private_text(path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    return write_private_bytes(path, text.encode(encoding))


def file_error(exc: OSError, path: Path) -> LocalizedError:
    """A message the user can act on for a file that could not be written: ``path`` is the file
    the user asked for (the error may name the temporary file it was being written under)."""
    if exc.errno == errno.ENOSPC:
        return DiskFullError()
    if isinstance(exc, PermissionError):
        return LocalizedError(
            f"Kan ikke skrive {path}. Filen er kanskje åpen i et annet program (lukk den der), "
            "eller mappen er skrivebeskyttet. Ingenting ble lagret.",
            f"Cannot write {path}. The file may be open in another program (close it there), "
            "or the folder is read-only. Nothing was saved.",
            code="file_locked",
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
        return LocalizedError(
            f"Kan ikke skrive {path}: mappen {path.parent} finnes ikke, eller er ikke en mappe. "
            "Ingenting ble lagret.",
            f"Cannot write {path}: the folder {path.parent} does not exist, or is not a folder. "
            "Nothing was saved.",
            code="file_error",
        )
    reason = exc.strerror or str(exc)
    return LocalizedError(
        f"Kan ikke skrive {path}: {reason}. Ingenting ble lagret.",
        f"Cannot write {path}: {reason}. Nothing was saved.",
        code="file_error",
    )
