"""Files with personal data in them (innsyn exports, the audit log) are written owner-only."""

from __future__ import annotations

import os
from pathlib import Path

from db.engine import ensure_private_file


def write_private_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` readable by its owner only (0600), all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    ensure_private_file(tmp)
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_private_text(path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    return write_private_bytes(path, text.encode(encoding))
