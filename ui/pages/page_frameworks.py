"""Rammeverk og roller."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.frameworks.page import FrameworksPage
from ui.pages import PageSpec

PAGE = PageSpec(
    key="frameworks",
    order=40,
    title=lambda: QCoreApplication.translate("Navigasjon", "Rammeverk og roller"),
    factory=FrameworksPage,
)
