"""Remembering that a SQLite file was closed cleanly, so the next open can check it cheaply.

``PRAGMA quick_check`` reads and parses every page: about 4 seconds for a 500 MB register, at every
start, and it still cannot see a changed byte inside a stored value. A file needs it after a crash,
or when something other than this program touched it; not when it is exactly as this program left
it at a clean close. So on a clean close (no write-ahead log left, so everything is in the main file,
and no other connection open) a small stamp is written beside the database: size, modification
time, SQLite's file change counter and a SHA-256 digest of the whole file. On open, a file that
matches the stamp's size, time and counter is compared with the digest (:mod:`db.damage_check`,
on a thread, about 35 ms for 43 MB); anything else (a crash, a copy, an edit, a truncation) gets
the full ``quick_check``.

The stamp is consumed once the file has passed that comparison, before anything can be written to
it, so a crash while the register is open always leads to a full check next time; a file that failed
it keeps its stamp and is refused again at the next open.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
from dataclasses import dataclass
from pathlib import Path

from db.engine import ensure_private_file

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Bytes read at a time: large enough that hashing runs without the GIL most of the time.
CHUNK = 1 << 20


@dataclass(frozen=True)
class CleanStamp:
    """What was recorded at a clean close: size, modification time, change counter, digest."""

    fingerprint: dict[str, int]
    sha256: str


def file_digest(path: Path, stop: threading.Event | None = None) -> str | None:
    """The SHA-256 of the file's bytes (hex); None when ``stop`` was set before the end."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        while size := fh.readinto(buffer):
            if stop is not None and stop.is_set():
                return None
            digest.update(view[:size])
    return digest.hexdigest()


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


def in_wal_mode(db_path: Path) -> bool:
    """The header's read and write versions say write-ahead log (2, 2), as for every file stamped."""
    try:
        with db_path.open("rb") as f:
            header = f.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02"


def record_clean_close(db_path: Path) -> bool:
    """After the last connection closed: stamp the file if everything is in it.

    Not when a write-ahead log is left: either the close did not finish, or another connection
    (another window, a second program) still has the file open and may change it after the stamp.
    """
    if Path(str(db_path) + "-wal").exists():
        return False
    fingerprint = _fingerprint(db_path)
    if fingerprint is None:
        return False
    try:
        digest = file_digest(db_path)
    except OSError:
        return False
    if digest is None or _fingerprint(db_path) != fingerprint:  # changed while being read
        return False
    return _write_stamp(db_path, CleanStamp(fingerprint, digest))


def _write_stamp(db_path: Path, stamp: CleanStamp) -> bool:
    target = stamp_path(db_path)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        ensure_private_file(tmp)
        tmp.write_text(json.dumps({**stamp.fingerprint, "sha256": stamp.sha256}), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:  # a read-only folder, a full disk: the next open simply checks in full
        tmp.unlink(missing_ok=True)
        return False
    return True


def read_clean_stamp(db_path: Path) -> CleanStamp | None:
    """The stamp of the last clean close, when the file's size, modification time and change
    counter are still as recorded then; None otherwise (a stamp that no longer fits is removed).

    A stamp that fits stays in place until the file has passed its comparison with the digest
    (:func:`consume_stamp`): until then nothing is written to the file, so a crash before that
    leaves the stamp as true as it was, and a damaged file is compared again (and refused again) at
    every open.
    """
    stamp = stamp_path(db_path)
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    digest = recorded.pop("sha256", None) if isinstance(recorded, dict) else None
    if isinstance(digest, str) and _fingerprint(db_path) == recorded:
        return CleanStamp(recorded, digest)
    consume_stamp(db_path)  # stale, or of an older version without a digest: the full check runs
    return None


def consume_stamp(db_path: Path) -> bool:
    """Remove the stamp before the first write of a session: a crash from now on may leave the file
    changed, and the next open must then give it the full check. False when it cannot be removed."""
    try:
        stamp_path(db_path).unlink(missing_ok=True)
    except OSError:
        return False
    return True
