"""What a login reaches on a shared register, in words: for the status bar and Innstillinger."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from competence.access import NO_ACCESS, OWNER, AccountView, MyAccess
from db.codes import AccountKind
from ui.i18n import current_language


def people_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("Tilgang", "1 person")
    return QCoreApplication.translate("Tilgang", "{count} personer").format(count=count)


def reach_text(access: MyAccess) -> str:
    """What the login reaches: "Leder for 2001 Sone nord: 23 personer", "HR: hele kommunen"..."""
    if access.kind == AccountKind.HR:
        return QCoreApplication.translate("Tilgang", "HR: hele kommunen")
    if access.kind == OWNER:
        return QCoreApplication.translate("Tilgang", "Eier av registeret: hele kommunen")
    if access.kind == NO_ACCESS:
        return QCoreApplication.translate("Tilgang", "Ingen tilgang")
    if access.units:
        units = ", ".join(f"{u.number} {u.name}" for u in access.units)
        text = QCoreApplication.translate("Tilgang", "Leder for {units}: {people}")
        return text.format(units=units, people=people_count(access.people))
    return QCoreApplication.translate("Tilgang", "Leder: {people}").format(people=people_count(access.people))


def status_text(access: MyAccess) -> str:
    """The status bar: the login, then what it reaches."""
    return f"{access.login} – {reach_text(access)}"


def account_kind(account: AccountView) -> str:
    return AccountKind.label_of(account.kind, current_language())


__all__ = ["account_kind", "people_count", "reach_text", "status_text"]
