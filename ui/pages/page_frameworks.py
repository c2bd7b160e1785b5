"""Rammeverk og roller."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def make_page(ctx: AppContext) -> Page:
    """The screen's modules (and the framework editing services) load when it is first shown."""
    from ui.frameworks.page import FrameworksPage

    return FrameworksPage(ctx)


PAGE = PageSpec(
    key="frameworks",
    order=40,
    title=lambda: QCoreApplication.translate("Navigasjon", "Rammeverk og roller"),
    factory=make_page,
)
