"""What a login reaches on a shared register, in words: for the status bar and Innstillinger."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from competence.access import NO_ACCESS, OWNER, AccountView, MyAccess


def _tr(text: str) -> str:
    return QCoreApplication.translate("Tilgang", text)


def people_count(count: int) -> str:
    return _tr("1 person") if count == 1 else _tr("{count} personer").format(count=count)


def reach_text(access: MyAccess) -> str:
    """ "Leder for 2001 Sone nord: 23 personer", "HR: hele kommunen", "Ingen tilgang"."""
    if access.kind == "hr":
        return _tr("HR: hele kommunen")
    if access.kind == OWNER:
        return _tr("Eier av registeret: hele kommunen")
    if access.kind == NO_ACCESS:
        return _tr("Ingen tilgang")
    if access.units:
        units = ", ".join(f"{u.number} {u.name}" for u in access.units)
        return _tr("Leder for {units}: {people}").format(units=units, people=people_count(access.people))
    return _tr("Leder: {people}").format(people=people_count(access.people))


def status_text(access: MyAccess) -> str:
    """The status bar: the login, then what it reaches."""
    return f"{access.login} – {reach_text(access)}"


def account_kind(account: AccountView) -> str:
    return _tr("HR (hele kommunen)") if account.kind == "hr" else _tr("Enhetsleder")


__all__ = ["account_kind", "people_count", "reach_text", "status_text"]
