"""Enheter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.pages import PageSpec
from ui.units.page import UnitsPage

PAGE = PageSpec(
    key="units",
    order=30,
    title=lambda: QCoreApplication.translate("Navigasjon", "Enheter"),
    factory=UnitsPage,
)
