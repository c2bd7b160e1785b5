r"""Windows, as far as it can be faked here: the data under %LOCALAPPDATA%\Kompetanseregister, a
register on a mapped network drive or a UNC path warned about, and paths with æøå and spaces.

The real Windows build runs these paths in .github/workflows/windows.yml; docs/install-windows.md
says what IT checks by hand.
"""

from __future__ import annotations

import io
from pathlib import Path, PureWindowsPath

import pytest
from platformdirs import windows as platformdirs_windows

from competence.cli import main
from db import engine, location
from db.location import DRIVE_REMOTE, NetworkLocationWarning, network_location_warning, windows_network_kind
from db.session import open_database
from tests.test_release_register import load_release_register, snapshot

PROFILE = r"C:\Users\Åse Ødegård"
DRIVE_FIXED = 3
DRIVE_CDROM = 5


@pytest.fixture
def windows_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """What Windows' known-folder API answers for a user called Åse Ødegård."""
    folders = {
        "CSIDL_LOCAL_APPDATA": PROFILE + r"\AppData\Local",
        "CSIDL_APPDATA": PROFILE + r"\AppData\Roaming",
    }
    monkeypatch.setattr(platformdirs_windows, "get_win_folder", lambda name: folders[name])


def test_data_under_local_appdata(windows_folders: None) -> None:
    dirs = engine.user_dirs("win32")
    assert PureWindowsPath(dirs.user_data_dir) == PureWindowsPath(
        PROFILE + r"\AppData\Local\Kompetanseregister"
    )
    assert PureWindowsPath(dirs.user_log_dir) == PureWindowsPath(
        PROFILE + r"\AppData\Local\Kompetanseregister\Logs"
    )


def test_not_the_roaming_profile(windows_folders: None) -> None:
    """A register must not be copied to the file server with a roaming profile at every logoff."""
    assert "Roaming" not in engine.user_dirs("win32").user_data_dir


def test_owner_only_is_left_to_the_profile_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no mode bits: the folder inherits the user profile's access list (only the user,
    SYSTEM and Administrators), which docs/install-windows.md describes. No chmod is attempted."""
    monkeypatch.setattr(engine.sys, "platform", "win32")

    def refuse(self: Path, mode: int) -> None:
        raise AssertionError("chmod on Windows")

    monkeypatch.setattr(Path, "chmod", refuse)
    engine.ensure_private_dir(tmp_path / "Åse Ødegård" / "Kompetanseregister")
    assert (tmp_path / "Åse Ødegård" / "Kompetanseregister").is_dir()


def asked(answers: dict[str, int]) -> tuple[list[str], location.DriveType]:
    roots: list[str] = []

    def drive_type(root: str) -> int:
        roots.append(root)
        return answers[root]

    return roots, drive_type


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (PROFILE + r"\AppData\Local\Kompetanseregister\kompetanseregister.db", None),
        (r"H:\Mine dokumenter\Kompetanse\register.db", "tilordnet nettverksstasjon"),
        (r"h:\Mine dokumenter\register.db", "tilordnet nettverksstasjon"),
        (r"D:\Kompetanse\register.db", None),
        (r"\\filserver\hjemme$\Åse Ødegård\Kompetanseregister\kompetanseregister.db", "UNC"),
    ],
)
def test_mapped_drives_and_unc_paths(path: str, kind: str | None) -> None:
    roots, drive_type = asked({"C:\\": DRIVE_FIXED, "H:\\": DRIVE_REMOTE, "D:\\": DRIVE_CDROM})
    warning = network_location_warning(f"sqlite:///{path}", platform="win32", drive_type=drive_type)
    if kind is None:
        assert warning is None
        assert roots == [PureWindowsPath(path).drive.upper() + "\\"]
        return
    assert isinstance(warning, NetworkLocationWarning)
    assert warning.details == {"location": path, "kind": kind}
    assert path in warning.message("nb") and "PostgreSQL" in warning.message("nb")
    if kind == "UNC":
        assert roots == []  # a UNC path needs no question to Windows
    else:
        assert "mapped network drive" in warning.message("en")


def test_long_path_forms() -> None:
    r"""``\\?\`` paths (never in a URL: the "?" would start its query) as Windows may give them."""
    _, drive_type = asked({"H:\\": DRIVE_REMOTE})
    assert windows_network_kind(r"\\?\H:\Lang sti\Ærlig\register.db", drive_type) == location.MAPPED_DRIVE
    assert windows_network_kind(r"\\?\UNC\filserver\felles\Kompetanse og læring\r.db", drive_type) == (
        "UNC",
        "UNC",
    )


def test_a_drive_windows_cannot_answer_for_counts_as_local() -> None:
    def broken(root: str) -> int:
        raise OSError("no such drive")

    assert windows_network_kind(r"Q:\register.db", broken) is None


def test_the_cli_warns_about_a_register_on_a_mapped_drive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Windows code path of the command line, with Windows' answer faked: H: is a share."""
    folder = tmp_path / "Åse Ødegård" / "Mine dokumenter"
    folder.mkdir(parents=True)
    monkeypatch.setattr(location, "running_on", lambda: "win32")
    monkeypatch.setattr(location, "windows_network_kind", lambda raw, drive_type: location.MAPPED_DRIVE)
    err = io.StringIO()
    assert main(["audit", "--db", str(folder / "kompetanse register.db")], out=io.StringIO(), err=err) == 0
    assert err.getvalue().startswith("Advarsel: Databasen ligger på en nettverksstasjon")
    assert "tilordnet nettverksstasjon" in err.getvalue() and "Åse Ødegård" in err.getvalue()


def test_a_register_in_a_folder_with_norwegian_letters_and_spaces_upgrades(tmp_path: Path) -> None:
    folder = tmp_path / "Åse Ødegård" / "Mine dokumenter" / "Kompetanse og læring"
    folder.mkdir(parents=True)
    path = load_release_register(folder / "kompetanse register.db")
    before = snapshot(path)
    database = open_database(str(path))
    try:
        assert database.migration is not None and database.migration.backup is not None
        assert database.migration.backup.parent == folder / "backups"
        assert database.location == str(path)
    finally:
        database.dispose()
    assert snapshot(database.migration.backup) == before
