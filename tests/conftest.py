"""Shared fixtures: a fresh database per test on SQLite and, for ``database``, on PostgreSQL too.

The PostgreSQL server is a throwaway cluster started once per test session (tests/support/pg.py).
Outside CI, when no server can be started, PostgreSQL tests are skipped with the reason; in CI
(``CI=true``) that is a failure, since the suite promises both backends.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from competence.uow import UnitOfWork
from db.session import Database, open_database
from tests.support.pg import ENV_PG_URL, PgServer, PostgresUnavailable, start_server

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
_TEMPLATE_DB = "kompetanse_template"
_counter = itertools.count()


@pytest.fixture(autouse=True)
def _no_reader_left_waiting() -> Iterator[None]:
    """A test that opened the import wizard (which keeps a reader child ready) leaves none waiting
    for the tests after it."""
    yield
    from competence.roster.isolation import keep_a_reader_ready

    keep_a_reader_ready(False)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user's data folder: each test gets its own."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("KOMPETANSE_DATA_DIR", str(folder))
    monkeypatch.delenv("KOMPETANSE_DB_URL", raising=False)
    return folder


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """URL of the maintenance database of a running PostgreSQL server with a migrated template."""
    explicit = os.environ.get(ENV_PG_URL)
    server: PgServer | None = None
    if explicit:
        admin_url = explicit
    else:
        try:
            server = start_server()
        except PostgresUnavailable as exc:
            if IN_CI:
                pytest.fail(f"PostgreSQL is required in CI: {exc}")
            pytest.skip(f"PostgreSQL tests skipped: {exc}")
        admin_url = server.url("postgres")
    _create_database(admin_url, _TEMPLATE_DB, template=None)
    db = open_database(_replace_db(admin_url, _TEMPLATE_DB))
    db.dispose()
    try:
        yield admin_url
    finally:
        if server is not None:
            server.stop()


def _replace_db(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin(admin_url: str, *statements: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(admin_url)
    params = {
        "host": u.query.get("host") or u.host,
        "port": u.query.get("port") or u.port,
        "user": u.username,
        "password": u.password,
        "dbname": u.database,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


def _create_database(admin_url: str, name: str, *, template: str | None) -> None:
    suffix = f' TEMPLATE "{template}"' if template else ""
    _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"{suffix}')


@pytest.fixture
def pg_database(pg_admin_url: str) -> Iterator[Database]:
    name = f"kt_{os.getpid()}_{next(_counter)}"
    _create_database(pg_admin_url, name, template=_TEMPLATE_DB)
    db = open_database(_replace_db(pg_admin_url, name))
    try:
        yield db
    finally:
        db.dispose()
        _admin(pg_admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_empty_url(pg_admin_url: str) -> Iterator[str]:
    """The URL of an empty PostgreSQL database (no schema at all), dropped afterwards."""
    name = f"kt_{os.getpid()}_{next(_counter)}"
    _create_database(pg_admin_url, name, template=None)
    try:
        yield _replace_db(pg_admin_url, name)
    finally:
        _admin(pg_admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 'register.db'}")
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_database")  # type: ignore[no-any-return]
    return request.getfixturevalue("pg_database")  # type: ignore[no-any-return]


@pytest.fixture
def uow(database: Database) -> UnitOfWork:
    return UnitOfWork(database, actor="testleder")


@pytest.fixture
def sqlite_uow(sqlite_database: Database) -> UnitOfWork:
    return UnitOfWork(sqlite_database, actor="testleder")
