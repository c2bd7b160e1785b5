"""Oversikt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def _overview_page(ctx: AppContext) -> Page:
    """Imported when first shown, not at start (the start-up benchmark counts every module)."""
    from ui.overview.page import OverviewPage

    return OverviewPage(ctx)


PAGE = PageSpec(
    key="overview",
    order=10,
    title=lambda: QCoreApplication.translate("Navigasjon", "Oversikt"),
    factory=_overview_page,
)
