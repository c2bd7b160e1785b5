r"""Is the database file on a network drive?

SQLite's locking is not reliable over network file systems (SMB/CIFS, NFS...): two PCs writing to
one file on a shared folder can corrupt it. A register several leaders share belongs on a
PostgreSQL server. The CLI prints this warning and the desktop app shows it; neither refuses to
open the file, since a single user on a home drive is a legitimate (if slow) setup.

The default register lives in the data folder, so a data folder that IT has redirected to a file
server (``KOMPETANSE_DATA_DIR`` on a home drive ``H:\``, or a profile folder on ``\\server\share``)
gets the same warning. On Windows a path is on the network when it is a UNC path or its drive
letter is a mapped network drive (``GetDriveTypeW`` says ``DRIVE_REMOTE``); elsewhere the file
system type in ``/proc/mounts`` says so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path, PurePath, PureWindowsPath

from sqlalchemy.engine import URL

from db.engine import sqlite_path
from db.errors import LocalizedError

#: File system types (as in /proc/mounts) that live on another machine.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "webdav",
        "afpfs",
        "sshfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.cifs",
    }
)
PROC_MOUNTS = Path("/proc/mounts")
#: ``GetDriveTypeW``'s answer for a mapped network drive.
DRIVE_REMOTE = 4
#: What a Windows mapped network drive is called in the warning (bokmål, English).
MAPPED_DRIVE = ("tilordnet nettverksstasjon", "mapped network drive")

DriveType = Callable[[str], int]


def running_on() -> str:
    """``sys.platform``, asked through here so that tests can take the Windows path elsewhere."""
    return sys.platform


class NetworkLocationWarning(LocalizedError):
    code = "network_location"

    def __init__(self, location: str, kind: str, kind_en: str | None = None) -> None:
        super().__init__(
            f"Databasen ligger på en nettverksstasjon ({location}, {kind}). SQLite-filer i delte "
            "nettverksmapper kan bli skadet når flere bruker dem samtidig. Bruk en PostgreSQL-server "
            "når flere skal arbeide i samme register.",
            f"The database is on a network drive ({location}, {kind_en or kind}). SQLite files in shared "
            "network folders can be damaged when several people use them at once. Use a PostgreSQL "
            "server when several people work in the same register.",
            location=location,
            kind=kind,
        )


def is_unc_path(text: str) -> bool:
    r"""``\\server\share\...`` or ``//server/share/...``; not the local ``\\?\C:\`` or ``\\.\`` forms."""
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):
        return False
    return text.startswith(("\\\\", "//")) and len(text) > 2 and text[2] not in "\\/"


def _unescape_mount_field(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes (``\\040``)."""
    out: list[str] = []
    i = 0
    while i < len(field):
        code = field[i + 1 : i + 4]
        if field[i] == "\\" and len(code) == 3 and code.isdigit():
            out.append(chr(int(code, 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_fs_type(path: PurePath, mounts_text: str) -> str | None:
    """The file system type of the mount holding ``path`` (the longest matching mount point)."""
    best: tuple[int, str] | None = None
    target = PurePath(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = PurePath(_unescape_mount_field(parts[1]))
        if target == mount_point or mount_point in target.parents:
            depth = len(mount_point.parts)
            if best is None or depth >= best[0]:
                best = (depth, parts[2])
    return best[1] if best else None


def _real_path(path: Path) -> Path:
    """``path`` with symbolic links resolved, as far as it exists (a new database has no file yet)."""
    if path.exists():
        return path.resolve()
    if path.parent.exists():
        return path.parent.resolve() / path.name
    return path


def windows_drive_type(root: str) -> int:
    r"""``GetDriveTypeW`` for a drive root such as ``H:\`` (Windows only)."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    return int(kernel32.GetDriveTypeW(root))


def windows_network_kind(raw: str, drive_type: DriveType) -> tuple[str, str] | None:
    r"""How a Windows path is on the network, in (bokmål, English), or None for a local path.

    ``\\server\share\...`` is UNC; ``H:\...`` is on the network when ``drive_type("H:\\")`` is
    :data:`DRIVE_REMOTE`, as for a drive IT has mapped to a share. A drive that cannot be asked
    about counts as local (the warning is advice, never a refusal).
    """
    if is_unc_path(raw):
        return ("UNC", "UNC")
    drive = PureWindowsPath(raw.removeprefix("\\\\?\\")).drive
    if len(drive) != 2 or drive[1] != ":":
        return None
    try:
        remote = drive_type(drive.upper() + "\\") == DRIVE_REMOTE
    except (OSError, AttributeError, ValueError):
        return None
    return MAPPED_DRIVE if remote else None


def network_location_warning(
    url: str | URL,
    *,
    mounts_text: str | None = None,
    platform: str | None = None,
    drive_type: DriveType | None = None,
) -> LocalizedError | None:
    """A warning when the SQLite file behind ``url`` is on a network drive; None otherwise.

    Looks at UNC paths, Windows mapped network drives, and (elsewhere) the file system type that
    ``/proc/mounts`` gives for the file's mount. Tests replace /proc/mounts (``mounts_text``), the
    platform and Windows' drive type function.
    """
    path = sqlite_path(url)
    if path is None:
        return None
    raw = str(path)
    if is_unc_path(raw):
        return NetworkLocationWarning(raw, "UNC")
    if (platform or running_on()) == "win32":
        kind = windows_network_kind(raw, drive_type or windows_drive_type)
        return NetworkLocationWarning(raw, *kind) if kind is not None else None
    if mounts_text is None:
        try:
            mounts_text = PROC_MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    fs_type = mount_fs_type(_real_path(path), mounts_text)
    if fs_type is not None and fs_type.lower() in NETWORK_FS_TYPES:
        return NetworkLocationWarning(raw, fs_type)
    return None
