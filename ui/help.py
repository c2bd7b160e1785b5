"""The user guide inside the app: Hjelp → Brukerveiledning, or F1 for the part about the screen in
front. One Markdown file per topic and language in ``resources/help/`` (``<topic>.<nb|en>.md``),
read as package data so it is there in an installed or bundled app too; links between topics are
written ``[text](topic)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ui.i18n import current_language
from ui.widgets.screen import fit_when_shown, share_when_shown

PACKAGE = "resources.help"


@dataclass(frozen=True)
class Topic:
    key: str

    def text(self, lang: str) -> str:
        """The topic's Markdown in ``lang`` (bokmål when there is no translation)."""
        folder = resources.files(PACKAGE)
        for name in (f"{self.key}.{lang}.md", f"{self.key}.nb.md"):
            file = folder / name
            if file.is_file():
                return file.read_text(encoding="utf-8")
        raise FileNotFoundError(f"help topic {self.key!r} is missing")

    def title(self, lang: str) -> str:
        first = self.text(lang).lstrip().splitlines()[0]
        return first.lstrip("#").strip()


#: The guide's topics in the order of its table of contents. The keys of the screens are those of
#: their pages (ui/pages/page_*.py); "card" is the employee card.
TOPICS = tuple(
    Topic(key)
    for key in (
        "start",
        "overview",
        "employees",
        "card",
        "appraisal",
        "units",
        "planning",
        "gap",
        "frameworks",
        "import",
        "reports",
        "settings",
        "keyboard",
    )
)
KEYS = frozenset(t.key for t in TOPICS)


class HelpWindow(QWidget):
    """The table of contents on the left, the chosen topic on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.lang = current_language()
        self.setWindowTitle(self.tr("Brukerveiledning – Kompetanseregister"))
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Innhold"))
        for topic in TOPICS:
            item = QListWidgetItem(topic.title(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, topic.key)
            self.contents.addItem(item)
        self.page = QTextBrowser()
        self.page.setAccessibleName(self.tr("Hjelpetekst"))
        self.page.setOpenLinks(False)
        self.page.anchorClicked.connect(self._link)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        share_when_shown(splitter, (28, 72))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.contents.currentRowChanged.connect(self._row_changed)
        self.resize(860, 620)
        fit_when_shown(self)

    @property
    def current_topic(self) -> str:
        item = self.contents.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_topic(self, key: str) -> None:
        """Show ``key`` (the first topic when there is no such topic) and bring the window up."""
        row = next((i for i, t in enumerate(TOPICS) if t.key == key), 0)
        if self.contents.currentRow() == row:
            self._row_changed(row)
        else:
            self.contents.setCurrentRow(row)
        self.show()
        self.raise_()
        self.activateWindow()

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(TOPICS):
            self.page.setMarkdown(TOPICS[row].text(self.lang))
            self.page.setAccessibleDescription(TOPICS[row].title(self.lang))

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if target in KEYS:
            self.show_topic(target)
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
