"""The address of a shared PostgreSQL register, as the app keeps it: login and libpq parameters
(``sslmode``, ``service`` ...) in the URL, a password never (``docs/security.md``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import make_url

from db.engine import is_sqlite, normalise_url

#: libpq's encryption choices, as the app offers them (``prefer`` is libpq's default).
SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")


def is_server(url: str | None) -> bool:
    return bool(url) and not is_sqlite(normalise_url(str(url)))


def login_of(url: str) -> str:
    """The login named in the address (empty when libpq would pick it: PGUSER, a service file)."""
    return make_url(url).username or ""


def with_login(url: str, login: str) -> str:
    """The address for ``login``, with no password in it."""
    # URL.set() takes None for "unchanged": the named tuple's own _replace clears a field
    u = make_url(url)._replace(username=login.strip() or None, password=None)
    return u.render_as_string(hide_password=False)


def password_in(url: str) -> str | None:
    return make_url(url).password


def without_password(url: str) -> str:
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def sslmode_of(url: str) -> str:
    return str(make_url(url).query.get("sslmode") or "prefer")


def with_sslmode(url: str, mode: str) -> str:
    """The address asking libpq for ``mode``; the default (``prefer``) is left out."""
    u = make_url(url)
    query = {k: v for k, v in u.query.items() if k != "sslmode"}
    if mode and mode != "prefer":
        query["sslmode"] = mode
    return u.set(query=query).render_as_string(hide_password=False)


def pgpass_file(env: Mapping[str, str] | None = None) -> Path:
    """Where libpq looks for passwords (``PGPASSFILE``, else its per-user default)."""
    env = os.environ if env is None else env
    if env.get("PGPASSFILE"):
        return Path(env["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(env.get("APPDATA", "")) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def libpq_may_know_the_password(url: str, env: Mapping[str, str] | None = None) -> bool:
    """Whether connecting without asking is worth a try: a service file, a pgpass file or
    ``PGPASSWORD`` may give libpq the password (or the server may not want one)."""
    env = os.environ if env is None else env
    u = make_url(url)
    return bool(u.query.get("service") or env.get("PGPASSWORD") or env.get("PGSERVICE")) or (
        pgpass_file(env).is_file()
    )
