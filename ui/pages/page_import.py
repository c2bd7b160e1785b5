"""Import."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.importing.page import ImportPage
from ui.pages import PageSpec

PAGE = PageSpec(
    key="import",
    order=50,
    title=lambda: QCoreApplication.translate("Navigasjon", "Import"),
    factory=ImportPage,
)
