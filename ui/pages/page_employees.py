"""Ansatte."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def _employees_page(ctx: AppContext) -> Page:
    """Imported when first shown, not at start (the start-up benchmark counts every module)."""
    from ui.employees.page import EmployeesPage

    return EmployeesPage(ctx)


PAGE = PageSpec(
    key="employees",
    order=20,
    title=lambda: QCoreApplication.translate("Navigasjon", "Ansatte"),
    factory=_employees_page,
)
