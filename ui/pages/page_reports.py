"""Rapporter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def _reports_page(ctx: AppContext) -> Page:
    """Imported when first shown, not at start (the start-up benchmark counts every module)."""
    from ui.reports.page import ReportsPage

    return ReportsPage(ctx)


PAGE = PageSpec(
    key="reports",
    order=60,
    title=lambda: QCoreApplication.translate("Navigasjon", "Rapporter"),
    factory=_reports_page,
)
