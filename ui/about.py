"""Hjelp → Om Kompetanseregister: the version, the register in use, where the data lives, which
versions of the program have written the register, and the licences of what the program ships.

"Kopier" puts the facts IT asks for when helping (version, register, folders) on the clipboard.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from competence import __version__
from competence.licences import Component, components
from competence.program_versions import VersionSeen, program_versions
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.engine import data_dir, log_dir
from ui.context import AppContext
from ui.i18n import fmt_date


def running_from() -> str:
    """The installed app folder when frozen, else the source tree's interpreter."""
    return str(sys.executable)


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("about")
        self.setWindowTitle(self.tr("Om Kompetanseregister"))
        layout = QVBoxLayout(self)
        title = QLabel(
            self.tr(
                "<h3>Kompetanseregister {version}</h3><p>Kompetanse, utviklingsmål og avviksanalyse for "
                "kommuner, knyttet til arbeidsgiverstrategien.</p>"
            ).format(version=__version__)
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_tab(), self.tr("&Program og register"))
        self.licences_tab = self._licences_tab()
        self.tabs.addTab(self.licences_tab, self.tr("&Lisenser"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Lukk"))
        self.copy_button = QPushButton(self.tr("&Kopier opplysningene"))
        self.copy_button.setToolTip(self.tr("Til utklippstavlen, for den som hjelper deg"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_facts)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self._load_versions()

    # --- the program and the register ---------------------------------------------------------
    def _about_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        database = self.ctx.database
        kind = self.tr("fil") if database.is_sqlite else self.tr("server")
        self.facts: list[tuple[str, str]] = [
            (self.tr("Versjon"), __version__),
            (self.tr("Register i bruk ({kind})").format(kind=kind), database.location),
            (self.tr("Datamappe"), str(data_dir())),
            (self.tr("Loggmappe"), str(log_dir())),
            (self.tr("Programmet kjører fra"), running_from()),
            (self.tr("Qt og Python"), f"Qt {qVersion()}, Python {sys.version.split()[0]}"),
        ]
        for label, value in self.facts:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(label)
            form.addRow(label + ":", shown)
        self.versions_label = QLabel(self.tr("Henter…"))
        self.versions_label.setWordWrap(True)
        self.versions_label.setObjectName("register_versions")
        self.versions_label.setAccessibleName(self.tr("Programversjoner som har skrevet registeret"))
        form.addRow(self.tr("Skrevet av:"), self.versions_label)
        return tab

    def _load_versions(self) -> None:
        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> list[VersionSeen]:
            return program_versions(uow)

        self.ctx.tasks.run(job, on_done=self._show_versions, on_error=self._versions_failed, parent=self)

    def _show_versions(self, seen: list[VersionSeen]) -> None:
        if not seen:
            self.versions_label.setText(self.tr("(ikke registrert)"))
            return
        latest, *earlier = seen
        lines = [
            self.tr("versjon {version}, sist åpnet {last} (første gang {first})").format(
                version=latest.version,
                last=fmt_date(latest.last_opened_at.date()),
                first=fmt_date(latest.first_opened_at.date()),
            )
        ]
        for version in earlier:
            lines.append(
                self.tr("før det: versjon {version}, {first}–{last}").format(
                    version=version.version,
                    first=fmt_date(version.first_opened_at.date()),
                    last=fmt_date(version.last_opened_at.date()),
                )
            )
        self.versions_label.setText("\n".join(lines))

    def _versions_failed(self, exc: BaseException) -> None:
        self.versions_label.setText(self.tr("(kunne ikke leses)"))

    def facts_text(self) -> str:
        lines = [f"Kompetanseregister {__version__}"]
        lines += [f"{label}: {value}" for label, value in self.facts[1:]]
        written_by = self.tr("Registeret er skrevet av: {versions}")
        lines.append(written_by.format(versions=self.versions_label.text().replace("\n", "; ")))
        return "\n".join(lines)

    def copy_facts(self) -> None:
        QGuiApplication.clipboard().setText(self.facts_text())
        self.copy_button.setText(self.tr("Kopiert"))

    # --- licences -----------------------------------------------------------------------------
    def _licences_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        intro = QLabel(
            self.tr(
                "Kompetanseregister er bygd med disse programbibliotekene og skriftene, som hver har sin "
                "lisens. Velg én for å lese lisensteksten."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.components: tuple[Component, ...] = components()
        self.licence_table = QTableWidget(len(self.components), 3)
        self.licence_table.setObjectName("licences")
        self.licence_table.setAccessibleName(self.tr("Komponenter og lisenser"))
        self.licence_table.setHorizontalHeaderLabels(
            [self.tr("Komponent"), self.tr("Versjon"), self.tr("Lisens")]
        )
        self.licence_table.verticalHeader().hide()
        self.licence_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.licence_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.licence_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, component in enumerate(self.components):
            for column, text in enumerate((component.name, component.version, component.licence)):
                self.licence_table.setItem(row, column, QTableWidgetItem(text))
        self.licence_table.resizeColumnsToContents()
        self.licence_table.horizontalHeader().setStretchLastSection(True)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setObjectName("licence_text")
        self.licence_text.setAccessibleName(self.tr("Lisenstekst"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.licence_table)
        splitter.addWidget(self.licence_text)
        layout.addWidget(splitter)
        self.licence_table.currentCellChanged.connect(lambda row, *_: self._show_licence(row))
        self.licence_table.selectRow(0)
        return tab

    def _show_licence(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            return
        component = self.components[row]
        if component.texts:
            text = "\n\n".join(f"== {name} ==\n\n{body}" for name, body in component.texts)
        else:
            text = self.tr("Lisens: {licence}. Pakken har ingen egen lisenstekst.").format(
                licence=component.licence
            )
        self.licence_text.setPlainText(text)


def show_about(ctx: AppContext, parent: QWidget | None = None) -> AboutDialog:
    dialog = AboutDialog(ctx, parent)
    dialog.open()
    return dialog
