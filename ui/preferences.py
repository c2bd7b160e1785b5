"""Per-user preferences kept by Qt (QSettings): language, the user's role, which database to open,
window layout. Register-wide settings (municipality, retention...) live in the database instead
(:mod:`competence.settings`)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from db.engine import ensure_private_dir, ensure_private_file
from ui.i18n import normalise_language

log = logging.getLogger("kompetanseregister.ui")

ORGANISATION = "Kompetanseregister"
APPLICATION = "Kompetanseregister"

#: The roles a user can say they have; shown in the status bar and chosen in Innstillinger.
USER_ROLES = ("enhetsleder", "hr", "admin")


def role_label(role: str) -> str:
    labels = {
        "enhetsleder": QCoreApplication.translate("Roller", "Enhetsleder"),
        "hr": QCoreApplication.translate("Roller", "HR-rådgiver"),
        "admin": QCoreApplication.translate("Roller", "Administrator"),
    }
    return labels.get(role, labels["enhetsleder"])


def open_settings() -> QSettings:
    """The user's preference store (an INI file in the platform's config folder), owner-only.

    The file names the register in use, so its folder is made 0700 and the file 0600 before Qt
    first writes it; Qt replaces the file on each save and keeps the mode of the one it replaces.
    """
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
    path = Path(settings.fileName())
    try:
        ensure_private_dir(path.parent)
        ensure_private_file(path, tighten=True)
    except OSError as exc:  # a read-only home folder: Qt keeps the preferences in memory
        log.warning("Kan ikke lage innstillingsfilen: %s", exc.strerror or exc)
    return settings


class Preferences:
    """Typed access to the QSettings keys the app uses."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else open_settings()

    def _str(self, key: str, default: str = "") -> str:
        value = self.settings.value(key, default)
        return str(value) if value is not None else default

    # language -------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return normalise_language(self._str("ui/language", "nb"))

    @language.setter
    def language(self, value: str) -> None:
        self.settings.setValue("ui/language", normalise_language(value))

    # role -----------------------------------------------------------------------------------
    @property
    def user_role(self) -> str:
        role = self._str("ui/role", "enhetsleder")
        return role if role in USER_ROLES else "enhetsleder"

    @user_role.setter
    def user_role(self, value: str) -> None:
        if value not in USER_ROLES:
            raise ValueError(f"unknown role {value!r}")
        self.settings.setValue("ui/role", value)

    # database -------------------------------------------------------------------------------
    @property
    def database_url(self) -> str | None:
        """The database chosen in Innstillinger, used when neither --db nor the environment says."""
        return self._str("database/url") or None

    @database_url.setter
    def database_url(self, value: str | None) -> None:
        if value:
            self.settings.setValue("database/url", value)
        else:
            self.settings.remove("database/url")

    # first start ----------------------------------------------------------------------------
    def started_empty(self, url: str) -> bool:
        """True when the user chose "start empty" for this database: do not ask again."""
        return url in self._list("first_start/empty")

    def remember_started_empty(self, url: str) -> None:
        urls = self._list("first_start/empty")
        if url not in urls:
            self.settings.setValue("first_start/empty", [*urls, url])

    def _list(self, key: str) -> list[str]:
        value = self.settings.value(key, [])
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    # the dashboard's unit ---------------------------------------------------------------------
    @property
    def overview_unit(self) -> int | None:
        """The unit Oversikt showed last (None: the whole municipality)."""
        try:
            return int(str(self.settings.value("overview/unit", 0) or 0)) or None
        except (TypeError, ValueError):
            return None

    @overview_unit.setter
    def overview_unit(self, unit_id: int | None) -> None:
        self.settings.setValue("overview/unit", unit_id or 0)

    # window ---------------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    @property
    def last_page(self) -> str:
        return self._str("window/page", "")

    @last_page.setter
    def last_page(self, key: str) -> None:
        self.settings.setValue("window/page", key)

    def splitter_state(self, name: str) -> QByteArray | None:
        value = self.settings.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) else None

    def save_splitter_state(self, name: str, state: QByteArray) -> None:
        self.settings.setValue(f"layout/{name}", state)

    def sync(self) -> None:
        self.settings.sync()
