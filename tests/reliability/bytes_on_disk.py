"""Looking for personal data in the bytes of files: the database, its WAL, logs, exports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def encodings_of(text: str) -> list[bytes]:
    """How a string can sit in a file: UTF-8 (SQLite, PostgreSQL, JSON), UTF-16 (some SQLite files)."""
    return [text.encode("utf-8"), text.encode("utf-16-le")]


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
