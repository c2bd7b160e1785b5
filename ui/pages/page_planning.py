"""Planlegging."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def _planning_page(ctx: AppContext) -> Page:
    """Imported when first shown, not at start (the start-up benchmark counts every module)."""
    from ui.planning.page import PlanningPage

    return PlanningPage(ctx)


PAGE = PageSpec(
    key="planning",
    order=35,
    title=lambda: QCoreApplication.translate("Navigasjon", "Planlegging"),
    factory=_planning_page,
)
