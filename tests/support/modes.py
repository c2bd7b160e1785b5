"""File modes under a permissive umask: what the program sets itself, not what the user's umask gives."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """Use with ``from tests.support.modes import permissive_umask`` (an autouse fixture)."""
    old = os.umask(0o000)
    try:
        yield
    finally:
        os.umask(old)
