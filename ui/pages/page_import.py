"""Import."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.base import Page


def _import_page(ctx: AppContext) -> Page:
    """Imported when first shown, not at start (the start-up benchmark counts every module)."""
    from ui.importing.page import ImportPage

    return ImportPage(ctx)


PAGE = PageSpec(
    key="import",
    order=50,
    title=lambda: QCoreApplication.translate("Navigasjon", "Import"),
    factory=_import_page,
)
