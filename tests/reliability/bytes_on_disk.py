"""Looking for personal data in the bytes of files: the database, its WAL, logs, exports."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path


def encodings_of(text: str) -> list[bytes]:
    """How a string can sit in a file: UTF-8 (SQLite, PostgreSQL, JSON), UTF-16 (some SQLite files)."""
    return [text.encode("utf-8"), text.encode("utf-16-le")]


def readable_bytes(path: Path) -> bytes:
    """A file's bytes as stored, and what a reader sees in it: the members of a zip (xlsx, ods)
    uncompressed, and the text of a PDF (its streams are compressed)."""
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data += b"".join(z.read(name) for name in z.namelist())
    elif data.startswith(b"%PDF"):
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data))
        data += "\n".join(page.extract_text() for page in reader.pages).encode("utf-8")
        data += str(reader.metadata or {}).encode("utf-8")
    return data


def files_of_database(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.exists()]


def traces_in(paths: Iterable[Path], needles: Iterable[str]) -> list[tuple[str, str]]:
    """(file, needle) for every needle found in any of the files."""
    found: list[tuple[str, str]] = []
    wanted = list(needles)
    for path in paths:
        data = path.read_bytes()
        for needle in wanted:
            if any(enc in data for enc in encodings_of(needle)):
                found.append((path.name, needle))
    return found
