"""The Qt preferences file names the register in use: its folder is 0700 and the file 0600, whatever
the umask, like every other file the program writes (README, "Owner-only files")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.support.modes import mode, permissive_umask  # noqa: F401 (an autouse fixture)
from ui.preferences import Preferences, open_settings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows uses the profile's ACL")


@pytest.fixture
def config_home(tmp_path: Path) -> Path:
    home = tmp_path / "config-home"  # does not exist yet: the program creates it
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
    return home


def test_the_preferences_folder_and_file_are_owner_only(config_home: Path) -> None:
    prefs = Preferences(open_settings())
    prefs.database_url = "sqlite:////srv/hemmelig/kompetanse.db"
    prefs.sync()
    ini = Path(prefs.settings.fileName())
    assert "hemmelig" in ini.read_text(encoding="utf-8")
    assert (mode(config_home), mode(ini.parent), mode(ini)) == (0o700, 0o700, 0o600)
    assert sorted(p.name for p in ini.parent.iterdir()) == [ini.name]  # no lock file left behind
    prefs.language = "en"  # Qt replaces the file on every save: the new one keeps the mode
    prefs.sync()
    assert mode(ini) == 0o600


def test_an_older_readable_preferences_file_is_tightened(config_home: Path) -> None:
    ini = Path(open_settings().fileName())
    ini.chmod(0o644)
    ini.parent.chmod(0o755)
    prefs = Preferences(open_settings())
    prefs.sync()
    assert (mode(ini.parent), mode(ini)) == (0o700, 0o600)
