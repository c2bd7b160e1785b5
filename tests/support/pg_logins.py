"""Real logins on the throwaway PostgreSQL server: made, connected to with plain psycopg, dropped.

A login made with a password is put in the group ``kr_password_logins``, which the test server's
``pg_hba.conf`` asks for a password (tests/support/pg.py); every other login is trusted over the
server's Unix socket.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from tests.conftest import _admin
from tests.support.pg import PASSWORD_GROUP

_numbers = itertools.count()


def connection_params(url: str, *, user: str | None = None, password: str | None = None) -> dict[str, Any]:
    """psycopg's keyword arguments for the database of a SQLAlchemy URL, as ``user``."""
    u = make_url(url)
    params = {
        "host": u.query.get("host") or u.host,
        "port": u.query.get("port") or u.port,
        "dbname": u.database,
        "user": user or u.username,
        "password": password if user else u.password,
    }
    return {k: v for k, v in params.items() if v}


def url_as(url: str, user: str) -> str:
    """The SQLAlchemy URL of the same database, as another login (no password in it)."""
    return make_url(url).set(username=user, password=None).render_as_string(hide_password=False)


class Logins:
    """Makes login roles on the server and drops them (with what they own) at the end."""

    def __init__(self, admin_url: str, database_url: str) -> None:
        self.admin_url = admin_url
        self.database_url = database_url
        self.made: list[str] = []

    def make(self, prefix: str = "kr_login", *, password: str | None = None) -> str:
        name = f"{prefix}_{os.getpid()}_{next(_numbers)}"
        if password is None:
            _admin(self.admin_url, f'CREATE ROLE "{name}" LOGIN')
        else:
            _admin(
                self.admin_url,
                f"DO $$ BEGIN CREATE ROLE {PASSWORD_GROUP} NOLOGIN; "
                "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}' IN ROLE {PASSWORD_GROUP}",
            )
        self.made.append(name)
        return name

    @contextmanager
    def connect(self, login: str, *, password: str | None = None) -> Iterator[psycopg.Connection[Any]]:
        with psycopg.connect(**connection_params(self.database_url, user=login, password=password)) as conn:
            yield conn

    def drop_all(self) -> None:
        in_register = make_url(self.admin_url).set(database=make_url(self.database_url).database)
        admin = in_register.render_as_string(hide_password=False)
        for name in self.made:
            _admin(admin, f'DROP OWNED BY "{name}"', f'DROP ROLE IF EXISTS "{name}"')
        self.made.clear()
