"""Rapporter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.pages import PageSpec
from ui.reports.page import ReportsPage

PAGE = PageSpec(
    key="reports",
    order=60,
    title=lambda: QCoreApplication.translate("Navigasjon", "Rapporter"),
    factory=ReportsPage,
)
