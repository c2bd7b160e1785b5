"""A database on a network drive gets a warning to use PostgreSQL."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from competence.cli import main
from db import location
from db.location import NetworkLocationWarning, is_unc_path, mount_fs_type, network_location_warning

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime,vers=4.2 0 0
//fileserver/hr /mnt/hr cifs rw,relatime,vers=3.1.1 0 0
/dev/sdb1 /mnt/nfs/local ext4 rw 0 0
//fs/felles /mnt/Felles\\040mappe smb3 rw 0 0
sshfs#me@host: /home/me/remote fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/nfs/register/kompetanse.db", "nfs4"),
        ("/mnt/hr/kompetanse.db", "cifs"),
        ("/mnt/Felles mappe/k.db", "smb3"),
        ("/home/me/remote/k.db", "fuse.sshfs"),
        ("/mnt/nfs/local/k.db", None),  # a local disk mounted inside the network share
        ("/home/me/k.db", None),
        ("/mnt/nfsx/k.db", None),  # a name that only starts like the mount point
    ],
)
def test_file_system_type_from_mounts(path: str, kind: str | None) -> None:
    warning = network_location_warning(f"sqlite:///{path}", mounts_text=MOUNTS)
    if kind is None:
        assert warning is None
    else:
        assert isinstance(warning, NetworkLocationWarning)
        assert warning.details["kind"] == kind
        assert "PostgreSQL" in warning.message("nb") and "PostgreSQL" in warning.message("en")
        assert "nettverksstasjon" in warning.message("nb") and "network drive" in warning.message("en")


def test_longest_mount_point_wins() -> None:
    assert mount_fs_type(PurePosixPath("/mnt/nfs/local/a/b.db"), MOUNTS) == "ext4"
    assert mount_fs_type(PurePosixPath("/mnt/nfs/a/b.db"), MOUNTS) == "nfs4"


@pytest.mark.parametrize(
    ("text", "unc"),
    [
        (r"\\fileserver\hr\kompetanse.db", True),
        ("//fileserver/hr/kompetanse.db", True),
        (r"\\?\UNC\fileserver\hr\k.db", True),
        (r"\\?\C:\Users\leder\k.db", False),
        (r"\\.\C:\k.db", False),
        (r"C:\Users\leder\k.db", False),
        ("/home/leder/k.db", False),
        ("///k.db", False),
    ],
)
def test_unc_paths(text: str, unc: bool) -> None:
    assert is_unc_path(text) is unc


def test_unc_url_warns() -> None:
    warning = network_location_warning("sqlite://///fileserver/hr/kompetanse.db", mounts_text="")
    assert warning is not None and warning.details["kind"] == "UNC"


def test_servers_and_memory_are_not_files() -> None:
    assert network_location_warning("postgresql+psycopg://u@db.kommune.no/reg", mounts_text=MOUNTS) is None
    assert network_location_warning("sqlite://", mounts_text=MOUNTS) is None


def test_local_temporary_folder_is_not_a_network_drive(tmp_path: Path) -> None:
    """Against this machine's real /proc/mounts (when there is one)."""
    if not location.PROC_MOUNTS.exists():
        assert network_location_warning(f"sqlite:///{tmp_path / 'k.db'}") is None
        return
    fs_type = mount_fs_type(tmp_path.resolve(), location.PROC_MOUNTS.read_text())
    assert fs_type is not None and fs_type not in location.NETWORK_FS_TYPES
    assert network_location_warning(f"sqlite:///{tmp_path / 'k.db'}") is None


def test_cli_prints_the_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//srv/hr {tmp_path.resolve()} cifs rw 0 0\n")
    monkeypatch.setattr(location, "PROC_MOUNTS", mounts)
    assert main(["audit", "--db", str(tmp_path / "k.db")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("Advarsel: Databasen ligger på en nettverksstasjon") and "cifs" in err
