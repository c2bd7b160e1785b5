"""Remembering that a SQLite file was closed cleanly, so the next open can skip the full check.

``PRAGMA quick_check`` reads every page: about 4 seconds for a 500 MB register, at every start. A
file needs it after a crash, or when something other than this program touched it; not when it is
exactly as this program left it at a clean close. So on a clean close (no write-ahead log left, so
everything is in the main file) a small stamp is written beside the database: size, modification
time and SQLite's file change counter. On open, a file that matches its stamp and whose header is
sound skips the full check; anything else (a crash, a copy, an edit, a truncation) gets it.

The stamp is a hint, never a weakness: it is consumed on open (deleted before the database is used),
so a crash while the register is open always leads to a full check next time.
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

from db.engine import ensure_private_file

SQLITE_MAGIC = b"SQLite format 3\x00"


def stamp_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-clean")


def _fingerprint(db_path: Path) -> dict[str, int] | None:
    """Size, mtime and the header's file change counter; None when the header is not sound."""
    try:
        st = db_path.stat()
        with db_path.open("rb") as f:
            header = f.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return None
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    version_valid_for = struct.unpack(">I", header[92:96])[0]
    if page_size < 512 or page_size & (page_size - 1) or st.st_size % page_size:
        return None
    if version_valid_for == change_counter and page_count * page_size != st.st_size:
        return None  # truncated (or grown by something else) since SQLite last wrote the header
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "change_counter": change_counter}


def record_clean_close(db_path: Path) -> bool:
    """After the last connection closed: stamp the file if everything is in it (no WAL left)."""
    wal = Path(str(db_path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    fingerprint = _fingerprint(db_path)
    if fingerprint is None:
        return False
    stamp = stamp_path(db_path)
    tmp = stamp.with_name(stamp.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        ensure_private_file(tmp)
        tmp.write_text(json.dumps(fingerprint), encoding="utf-8")
        os.replace(tmp, stamp)
    except OSError:  # a read-only folder: the next open simply checks in full
        tmp.unlink(missing_ok=True)
        return False
    return True


def take_clean_stamp(db_path: Path) -> bool:
    """True when the file is exactly as it was at its last clean close. Removes the stamp either way."""
    stamp = stamp_path(db_path)
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    try:
        stamp.unlink()
    except OSError:
        return False  # cannot consume it (read-only folder): do not trust it
    return isinstance(recorded, dict) and _fingerprint(db_path) == recorded
