"""The first start on an empty register: import a roster, try a demo municipality, or start empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets.screen import fit_when_shown

if TYPE_CHECKING:
    from ui.main_window import MainWindow

#: The key of the Import screen, whose roster wizard the "import a roster" choice opens.
IMPORT_PAGE = "import"


def open_roster_import(window: MainWindow) -> None:
    """The "import a roster" choice: show the Import screen with its roster wizard open."""
    from ui.importing.page import ImportPage

    window.show_page(IMPORT_PAGE)
    page = window.page(IMPORT_PAGE)
    if isinstance(page, ImportPage):
        page.start_roster_import()


class FirstStartDialog(QDialog):
    """``choice`` is "import", "demo" or "empty" after the dialog closes."""

    def __init__(self, *, can_import: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Velkommen til Kompetanseregister"))
        self.choice = "empty"
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<h3>Registeret er tomt</h3>"
                "<p>Hvordan vil du begynne? Du kan hente inn en personalliste fra HR-systemet, "
                "prøve programmet med en oppdiktet kommune, eller legge inn enheter og ansatte selv.</p>"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.import_button = QPushButton(self.tr("&Importer personalliste fra Excel…"))
        self.demo_button = QPushButton(self.tr("&Prøv med en demokommune"))
        self.demo_button.setToolTip(
            self.tr("Åpner en egen demodatabase med oppdiktede personer. Ditt eget register forblir tomt.")
        )
        self.empty_button = QPushButton(self.tr("&Start med et tomt register"))
        # what the demo choice does, right under it (not under the last choice)
        self.demo_note = QLabel(self.demo_button.toolTip())
        self.demo_note.setWordWrap(True)
        self.demo_note.setContentsMargins(12, 0, 0, 6)
        self.demo_button.setAccessibleDescription(self.demo_note.text())
        for button, choice, available in (
            (self.import_button, "import", can_import),
            (self.demo_button, "demo", True),
            (self.empty_button, "empty", True),
        ):
            button.setVisible(available)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
            if button is self.demo_button:
                layout.addWidget(self.demo_note)
        (self.import_button if can_import else self.empty_button).setDefault(True)
        fit_when_shown(self)
        self.resize(480, self.sizeHint().height())

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
