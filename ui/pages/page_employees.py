"""Ansatte."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.employees.page import EmployeesPage
from ui.pages import PageSpec

PAGE = PageSpec(
    key="employees",
    order=20,
    title=lambda: QCoreApplication.translate("Navigasjon", "Ansatte"),
    factory=EmployeesPage,
)
