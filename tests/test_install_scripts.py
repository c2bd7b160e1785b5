"""scripts/venv.sh: start.sh, test.sh and build-app.sh share one install, and pip runs only when needed.

The script runs against a stand-in ``.venv/bin/python`` that records how it was called, so no
package is installed; what is tested is when the script decides to call pip, and with what.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/../calls.log"
[[ -f "$(dirname "$0")/../pip-fails" && "$*" == *" -e "* ]] && exit 1
exit 0
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "venv.sh", tmp_path / "scripts" / "venv.sh")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    return tmp_path


def venv(project: Path, *extras: str) -> list[str]:
    """Run scripts/venv.sh; the pip installs it made (the editable install lines only)."""
    log = project / ".venv" / "calls.log"
    log.unlink(missing_ok=True)
    python = str(project / ".venv" / "bin" / "python")  # no search for an interpreter: it is there
    subprocess.run(
        ["bash", str(project / "scripts" / "venv.sh"), *extras],
        check=True,
        capture_output=True,
        env={"PATH": os.environ["PATH"], "PYTHON": python},
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [call.split(" -e ")[1] for call in calls if " -e " in call]


def test_start_after_test_installs_nothing(project: Path) -> None:
    assert venv(project, "test") == [".[test]"]
    assert venv(project) == []  # start.sh
    assert venv(project, "test") == []  # test.sh again


def test_an_extra_not_there_yet_is_added_keeping_the_others(project: Path) -> None:
    assert venv(project) == ["."]
    assert venv(project, "test") == [".[test]"]
    assert venv(project, "build") == [".[build,test]"]
    assert venv(project, "test", "build") == []
    assert venv(project) == []


def test_a_changed_pyproject_reinstalls_once_with_every_extra(project: Path) -> None:
    venv(project, "test", "build")
    (project / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "2"\n', encoding="utf-8")
    assert venv(project) == [".[build,test]"]
    assert venv(project, "test") == []


def test_a_failed_install_is_tried_again(project: Path) -> None:
    (project / ".venv" / "pip-fails").touch()
    with pytest.raises(subprocess.CalledProcessError):
        venv(project, "test")
    (project / ".venv" / "pip-fails").unlink()
    assert venv(project, "test") == [".[test]"]


def test_the_scripts_share_the_install() -> None:
    scripts = ROOT / "scripts"
    assert "scripts/venv.sh\n" in (scripts / "start.sh").read_text(encoding="utf-8")
    assert "scripts/venv.sh test build\n" in (scripts / "test.sh").read_text(encoding="utf-8")
    assert "scripts/venv.sh build\n" in (scripts / "build-app.sh").read_text(encoding="utf-8")
