"""Innstillinger."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def _settings_page(ctx: AppContext) -> Page:
    """Imported when first shown, not at start (the start-up benchmark counts every module)."""
    from ui.settings.page import SettingsPage

    return SettingsPage(ctx)


PAGE = PageSpec(
    key="settings",
    order=90,
    title=lambda: QCoreApplication.translate("Navigasjon", "Innstillinger"),
    factory=_settings_page,
)
