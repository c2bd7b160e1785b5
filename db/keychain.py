"""A shared register's password in the operating system's keychain, never in a file of ours.

Through the ``keyring`` package: Windows Credential Manager, the macOS Keychain, or the Secret
Service of a Linux desktop (GNOME Keyring, KWallet). A machine with none of them (a server without
a desktop session, some thin clients) has no place to keep a password safely: :func:`available`
says so, and the app does not offer to remember it (a pgpass or service file still works,
``docs/security.md``).

A password is kept per login and server, under the name ``login@host:port/database``.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

from db.errors import LocalizedError

log = logging.getLogger(__name__)

SERVICE = "Kompetanseregister"


class KeychainError(LocalizedError):
    code = "keychain"

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "Passordet kunne ikke lagres i nøkkelringen på denne maskinen. Du er logget inn, men må "
            "skrive passordet igjen neste gang.",
            "The password could not be kept in this machine's keychain. You are logged in, but will "
            "have to type the password again next time.",
            detail=detail,
        )


def available() -> bool:
    """Is there a keychain that keeps secrets (not the "fail" stand-in, not a plain-text file)?"""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration must not stop the app
        log.warning("keyring unavailable: %s", type(exc).__name__)
        return False
    if isinstance(backend, fail.Keyring):
        return False
    return float(getattr(backend, "priority", 0) or 0) > 0


def name() -> str:
    """The keychain's name for messages ("Windows Credential Manager" ...), or ""."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:
        return ""
    return str(getattr(backend, "name", "") or type(backend).__name__)


def entry(url: str, login: str) -> str:
    """The name a password is kept under: ``login@host:port/database`` of the register."""
    u = make_url(url)
    host = str(u.query.get("host") or u.host or "localhost")
    port = str(u.query.get("port") or u.port or 5432)
    service = u.query.get("service")
    where = f"service={service}" if service else f"{host}:{port}/{u.database or ''}"
    return f"{login}@{where}"


def stored_password(url: str, login: str) -> str | None:
    if not login or not available():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, entry(url, login))
    except Exception as exc:
        log.warning("could not read the keychain: %s", type(exc).__name__)
        return None


def store_password(url: str, login: str, password: str) -> None:
    """Keep ``password`` in the keychain; raises :class:`KeychainError` when it cannot."""
    import keyring

    try:
        keyring.set_password(SERVICE, entry(url, login), password)
    except Exception as exc:
        raise KeychainError(type(exc).__name__) from exc


def forget_password(url: str, login: str) -> None:
    """Remove a kept password (nothing happens when there is none)."""
    if not available():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, entry(url, login))
    except PasswordDeleteError:
        pass
    except Exception as exc:
        log.warning("could not remove a password from the keychain: %s", type(exc).__name__)
