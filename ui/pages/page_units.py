"""Enheter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def _units_page(ctx: AppContext) -> Page:
    """Imported when first shown, not at start (the start-up benchmark counts every module)."""
    from ui.units.page import UnitsPage

    return UnitsPage(ctx)


PAGE = PageSpec(
    key="units",
    order=30,
    title=lambda: QCoreApplication.translate("Navigasjon", "Enheter"),
    factory=_units_page,
)
