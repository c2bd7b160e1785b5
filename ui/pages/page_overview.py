"""Oversikt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.overview.page import OverviewPage
from ui.pages import PageSpec

PAGE = PageSpec(
    key="overview",
    order=10,
    title=lambda: QCoreApplication.translate("Navigasjon", "Oversikt"),
    factory=OverviewPage,
)
