"""Connecting to a shared register as a login (``docs/security.md``): libpq's sslmode is honoured,
a refused login or encryption is said in words, a password never becomes part of the register's
address, and each role is told what it reaches."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from competence.access import NO_ACCESS, OWNER, my_access
from competence.uow import UnitOfWork
from db.errors import ConnectionSecurityError, LoginFailedError, LoginNotRegisteredError
from db.server_url import with_sslmode
from db.session import Database, open_database
from tests.reliability.pg_register import SharedRegister, shared_register
from tests.support.pg_logins import url_as

PASSWORD = "hemmelig-42"
pytestmark = pytest.mark.postgres


@pytest.fixture
def shared(pg_admin_url: str, pg_database: Database) -> Iterator[SharedRegister]:
    with shared_register(pg_admin_url, pg_database, password=PASSWORD) as register:
        yield register


def _over_tcp(url: str) -> str:
    """The same server over TCP on the loopback (libpq ignores sslmode over a Unix socket)."""
    u = make_url(url)
    query = {k: v for k, v in u.query.items() if k != "host"}
    return u._replace(host="127.0.0.1", query=query).render_as_string(hide_password=False)


def test_sslmode_in_the_address_reaches_libpq(shared: SharedRegister) -> None:
    """The test server offers no encryption: demanding it must fail, and say so in words."""
    url = with_sslmode(_over_tcp(url_as(shared.database.url, shared.hr)), "require")
    assert "sslmode=require" in url
    with pytest.raises(ConnectionSecurityError) as refused:
        open_database(url, password=PASSWORD)
    assert "kryptering (sslmode)" in refused.value.message("nb")
    assert "encryption the setting (sslmode) demands" in refused.value.message("en")
    db = open_database(with_sslmode(url, "prefer"), password=PASSWORD)  # libpq's default works
    db.dispose()


def test_a_wrong_or_missing_password_is_said_in_words(shared: SharedRegister) -> None:
    url = url_as(shared.database.url, shared.leader)
    for password in ("feil", None):
        with pytest.raises(LoginFailedError) as refused:
            open_database(url, password=password)
        assert "godtok ikke innloggingen" in refused.value.message("nb")
        assert "did not accept the login" in refused.value.message("en")


def test_the_password_is_never_part_of_the_address(shared: SharedRegister) -> None:
    db = open_database(url_as(shared.database.url, shared.leader), password=PASSWORD)
    try:
        assert PASSWORD not in db.url and PASSWORD not in db.location
        assert db.login == shared.leader and UnitOfWork(db, "pc-bruker").actor == shared.leader
    finally:
        db.dispose()


def test_each_login_is_told_what_it_reaches(shared: SharedRegister) -> None:
    def access_of(login: str | None) -> tuple[str, int, tuple[str, ...]]:
        url = url_as(shared.database.url, login) if login else shared.database.url
        db = open_database(url, password=PASSWORD if login else None)
        try:
            found = my_access(UnitOfWork(db))
            assert found is not None
            return found.kind, found.people, tuple(f"{u.number} {u.name}" for u in found.units)
        finally:
            db.dispose()

    assert access_of(shared.leader) == ("leader", 4, ("100 Helse",))
    assert access_of(shared.hr) == ("hr", 6, ())
    assert access_of(None) == (OWNER, 6, ())
    with pytest.raises(LoginNotRegisteredError):
        access_of(shared.unregistered)
    assert NO_ACCESS == "none"


def test_a_local_file_has_no_logins(sqlite_database: Database) -> None:
    assert my_access(UnitOfWork(sqlite_database)) is None
    assert sqlite_database.login is None
