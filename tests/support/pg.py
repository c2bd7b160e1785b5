"""A throwaway PostgreSQL cluster for the tests (and benchmarks).

The Debian package ``postgresql`` ships the server binaries but no running cluster is assumed:
this module runs ``initdb`` in a temporary folder, starts the server on a Unix socket (and on the
loopback address, for the tests of libpq's sslmode, which a socket ignores), and
stops and removes it afterwards. As root (CI containers) the server runs as the ``postgres`` user,
since PostgreSQL refuses to run as root.

``KOMPETANSE_TEST_PG_URL`` points the tests at an existing server instead.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ENV_PG_URL = "KOMPETANSE_TEST_PG_URL"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server could be started; the message says why."""


@dataclass
class PgServer:
    base_dir: Path
    socket_dir: Path
    port: int
    bin_dir: Path
    run_as: str | None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(
                [str(self.bin_dir / "pg_ctl"), "-D", str(self.base_dir / "data"), "-m", "immediate", "stop"]
            )
        shutil.rmtree(self.base_dir, ignore_errors=True)

    def _run(self, args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
        if self.run_as:
            args = ["runuser", "-u", self.run_as, "--", *args]
        return subprocess.run(args, check=True, capture_output=True, text=True, timeout=timeout)


def find_bin_dir() -> Path | None:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]), reverse=True
    )
    if candidates:
        return Path(candidates[0]).parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server() -> PgServer:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            "PostgreSQL server binaries (initdb) not found; install the Debian package 'postgresql'"
        )
    run_as: str | None = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable(
                "running as root and there is no 'postgres' user to run the server"
            ) from exc
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("running as root and 'runuser' is missing")
        run_as = "postgres"
    base = Path(tempfile.mkdtemp(prefix="kompetanse-pg-"))
    socket_dir = base / "sock"
    socket_dir.mkdir()
    server = PgServer(base, socket_dir, _free_port(), bin_dir, run_as)
    if run_as:
        info = pwd.getpwnam(run_as)
        for path in (base, socket_dir):
            os.chown(path, info.pw_uid, info.pw_gid)
    try:
        server._run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(base / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            timeout=120,
        )
        _ask_password_logins_for_a_password(server, base / "data")
        options = (
            f"-k {socket_dir} -p {server.port} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        server._run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(base / "data"),
                "-o",
                options,
                "-l",
                str(base / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
            timeout=90,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        log = base / "log"
        if log.exists():
            detail += "\n" + log.read_text(errors="replace")[-2000:]
        shutil.rmtree(base, ignore_errors=True)
        raise PostgresUnavailable(f"could not start a throwaway PostgreSQL server: {detail.strip()}") from exc
    _wait_ready(server)
    return server


#: Members of this group log in with a password (the app's login dialog is tested against it);
#: everyone else is trusted over the server's Unix socket.
PASSWORD_GROUP = "kr_password_logins"


def _ask_password_logins_for_a_password(server: PgServer, data: Path) -> None:
    path = data / "pg_hba.conf"
    lines = [
        f"local all +{PASSWORD_GROUP} scram-sha-256",
        "local all all trust",
        # TCP on the loopback only, for the tests of libpq's sslmode (ignored over a Unix socket)
        f"host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256",
        "host all all 127.0.0.1/32 trust",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if server.run_as:
        info = pwd.getpwnam(server.run_as)
        os.chown(path, info.pw_uid, info.pw_gid)


def _wait_ready(server: PgServer, timeout: float = 30) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(
                host=str(server.socket_dir), port=server.port, user="postgres", dbname="postgres"
            ):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextlib.contextmanager
def running_server() -> Iterator[PgServer]:
    server = start_server()
    try:
        yield server
    finally:
        server.stop()
