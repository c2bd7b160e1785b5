"""Fixtures of the roster import tests: roster files built once per session, LibreOffice copies.

LibreOffice runs once per format per session with its own throwaway profile (so parallel runs and
other programs using LibreOffice do not collide). Without ``soffice`` the LibreOffice tests are
skipped with the reason, except in CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.roster.builders import RosterSpec, messy_spec, write_roster

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
FORMATS = ("xlsx", "ods", "xls")


@pytest.fixture(scope="session")
def roster_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rosters")


@pytest.fixture(scope="session")
def messy_xlsx(roster_dir: Path) -> Path:
    return write_roster(roster_dir / "messy.xlsx", messy_spec())


@pytest.fixture
def make_roster(tmp_path: Path) -> Callable[..., Path]:
    """Write a roster for one test: ``make_roster(spec, name="x.xlsx")``."""

    def make(spec: RosterSpec, name: str = "roster.xlsx") -> Path:
        return write_roster(tmp_path / name, spec)

    return make


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(sources: list[Path], fmt: str, out_dir: Path, profile: Path) -> dict[Path, Path]:
    binary = _soffice()
    assert binary is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = {src: out_dir / f"{src.stem}.{fmt}" for src in sources}
    missing = [str(p) for p in converted.values() if not p.exists()]
    assert not missing, f"LibreOffice did not write {missing}"
    return converted


@pytest.fixture(scope="session")
def libreoffice_rosters(
    roster_dir: Path, messy_xlsx: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The messy roster as LibreOffice writes it: {"xlsx": ..., "ods": ..., "xls": ...}."""
    if _soffice() is None:
        if IN_CI:
            pytest.fail("LibreOffice (soffice) is required in CI: scripts/install-system-deps.sh test")
        pytest.skip("LibreOffice (soffice) is not installed: scripts/install-system-deps.sh test")
    profile = tmp_path_factory.mktemp("lo-profile")
    result: dict[str, Path] = {}
    for fmt in FORMATS:
        result[fmt] = convert_with_libreoffice([messy_xlsx], fmt, roster_dir / f"lo-{fmt}", profile)[
            messy_xlsx
        ]
    return result
