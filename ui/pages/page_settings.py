"""Innstillinger."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.pages import PageSpec
from ui.settings.page import SettingsPage

PAGE = PageSpec(
    key="settings",
    order=90,
    title=lambda: QCoreApplication.translate("Navigasjon", "Innstillinger"),
    factory=SettingsPage,
)
