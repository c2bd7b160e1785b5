"""The roster import wizard (docs/import.md): file → sheet → column mapping → preview → import → report.

Each step reads the file again on a worker (a 50,000-row roster reads in well under a second); the
import refuses a file changed since the preview. Nothing is written before "Importer", and then in
one transaction, which Cancel rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from competence.progress import CancelToken, Progress
from competence.roster import (
    ImportOptions,
    ImportReport,
    RosterInspection,
    SheetSummary,
    forget_mapping,
    inspect_roster,
    preview_import,
    run_import,
)
from competence.roster.isolation import keep_a_reader_ready
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.i18n import current_language, fmt_int, fmt_number
from ui.importing.mapping import MappingGrid, required_names
from ui.importing.roster_report import ReportView, report_text
from ui.importing.steps import FilePage, ReportPage, Step, StepPage, StepWizard
from ui.widgets.tables import Column, DataTable, RowTableModel

FILE_PAGE, SHEET_PAGE, MAPPING_PAGE, PREVIEW_PAGE, REPORT_PAGE = range(5)
# Every file the import reads (docs/import.md, "Formats"): workbooks, and the text exports of HR systems.
SPREADSHEETS = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt *.html *.htm *.xml"


@dataclass
class RosterState:
    """What the wizard has learnt so far (plain data from the services)."""

    path: Path | None = None
    inspection: RosterInspection | None = None
    options: ImportOptions = field(default_factory=ImportOptions)
    preview: ImportReport | None = None
    report: ImportReport | None = None


class RosterFilePage(FilePage):
    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__(wizard.ctx, purpose="roster")
        self.dialog_title = self.tr("Velg personalliste")
        self.filters = self.tr("Personallister ({patterns});;Alle filer (*)").format(patterns=SPREADSHEETS)
        self.state = wizard.state
        self.setTitle(self.tr("Personalliste fra HR-systemet"))
        self.setSubTitle(
            self.tr(
                "Velg filen HR-systemet har eksportert: et regneark (xlsx, xls, ods), en CSV-fil eller en "
                "HTML- eller XML-eksport."
            )
        )
        self.intro.setText(
            self.tr(
                "Programmet finner selv arket og kolonnene, viser hva som vil skje med hver person før noe "
                "lagres, og lagrer alt samlet eller ingenting. Kolonner med fødselsnumre leses aldri inn."
            )
        )

    def next_step(self) -> Step:
        path = self.path

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> RosterInspection:
            return inspect_roster(uow, path)

        def done(inspection: RosterInspection) -> None:
            self.state.path = path
            self.state.inspection = inspection
            self.state.options = ImportOptions(
                sheet=inspection.sheet, expected_sha256=inspection.sha256, lang=current_language()
            )

        return Step(job, done, self.tr("Leser filen…"))

    def nextId(self) -> int:
        inspection = self.state.inspection
        if inspection is not None and len(inspection.sheets) == 1:
            return MAPPING_PAGE
        return SHEET_PAGE


class SheetPage(StepPage):
    """The sheets of the workbook; the one that looks most like a roster is chosen."""

    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__(wizard.ctx)
        self.state = wizard.state
        self.setTitle(self.tr("Ark"))
        self.model: RowTableModel[SheetSummary] = RowTableModel(
            [
                Column(self.tr("Ark"), lambda s: s.name),
                Column(self.tr("Rader"), lambda s: fmt_int(s.rows), lambda s: s.rows, align_right=True),
                Column(
                    self.tr("Overskrifter på rad"),
                    lambda s: str(s.header_row) if s.header_row else self.tr("ikke funnet"),
                    lambda s: s.header_row,
                    align_right=True,
                ),
                Column(
                    self.tr("Kjente kolonner"),
                    lambda s: fmt_number(s.score),
                    lambda s: s.score,
                    align_right=True,
                ),
                Column(self.tr("Synlig"), lambda s: self.tr("ja") if s.visible else self.tr("skjult")),
            ],
            parent=self,
        )
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Arkene i arbeidsboken"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        inspection = self.state.inspection
        assert inspection is not None
        if inspection.header_found:
            self.setSubTitle(
                self.tr("Arket med flest kjente kolonneoverskrifter er valgt. Velg et annet om nødvendig.")
            )
        else:
            self.setSubTitle(
                self.tr(
                    "Ingen ark har kolonneoverskrifter programmet kjenner igjen. Velg arket med "
                    "personallisten; på neste side velger du hvilken kolonne som er hva."
                )
            )
        self.model.set_rows(inspection.sheets)
        self.table.resizeColumnsToContents()
        row = next((i for i, s in enumerate(inspection.sheets) if s.name == inspection.sheet), 0)
        self.table.selectRow(row)

    def chosen(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        sheet = self.model.row_at(rows[0].row()) if rows else None
        return sheet.name if sheet is not None else None

    def next_step(self) -> Step | None:
        inspection, sheet = self.state.inspection, self.chosen()
        if inspection is None or sheet is None or sheet == inspection.sheet:
            return None
        path = self.state.path
        assert path is not None
        options = ImportOptions(sheet=sheet)

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> RosterInspection:
            return inspect_roster(uow, path, options)

        def done(found: RosterInspection) -> None:
            self.state.inspection = found
            self.state.options = replace(self.state.options, sheet=found.sheet, expected_sha256=found.sha256)

        return Step(job, done, self.tr("Leser arket…"))


class MappingPage(StepPage):
    """Which column feeds which field: as detected or remembered, editable, remembered per layout."""

    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__(wizard.ctx)
        self.state = wizard.state
        self.setTitle(self.tr("Kolonner"))
        self.setSubTitle(
            self.tr("Kontroller at hver opplysning hentes fra riktig kolonne. Felt merket * må være med.")
        )
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.refused = QLabel()
        self.refused.setWordWrap(True)
        self.refused.setStyleSheet("background: #fff4ce; padding: 6px; border-radius: 3px;")
        self.refused.setAccessibleName(self.tr("Kolonner som ikke leses"))
        self.grid = MappingGrid()
        self.grid.changed.connect(self._changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.remember = QCheckBox(self.tr("&Husk koblingen for filer med de samme kolonnene"))
        self.remember.setChecked(True)
        self.forget = QPushButton(self.tr("&Glem den lagrede koblingen"))
        self.forget.clicked.connect(self.forget_saved)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remember)
        bottom.addStretch(1)
        bottom.addWidget(self.forget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.refused)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        self.show_inspection()

    def show_inspection(self) -> None:
        inspection = self.state.inspection
        assert inspection is not None
        self.about.setText(
            self.tr("Ark «{sheet}»: overskrifter på rad {row}, {rows} rader under.").format(
                sheet=inspection.sheet, row=inspection.header_row, rows=fmt_int(inspection.data_rows)
            )
            + (
                " " + self.tr("Koblingen er hentet fra forrige import av samme oppsett.")
                if inspection.saved_mapping_used
                else ""
            )
            + (
                ""
                if inspection.header_found
                else " "
                + self.tr(
                    "Ingen overskrifter ble kjent igjen, så den første raden med innhold er brukt som "
                    "overskrifter. Velg kolonnen for hver opplysning selv."
                )
            )
        )
        refused = [
            w.message(current_language()) for w in inspection.warnings if w.code == "national_id_column"
        ]
        self.refused.setText("\n".join(refused))
        self.refused.setVisible(bool(refused))
        self.forget.setVisible(inspection.saved_mapping_used)
        self.grid.show_inspection(inspection)
        self._changed()

    def _changed(self) -> None:
        missing = self.grid.missing()
        if missing:
            self.show_problem(self.tr("Velg kolonnen for {fields}.").format(fields=required_names(missing)))
        else:
            self.status.clear()
        self.completeChanged.emit()

    def ready(self) -> bool:
        return not self.grid.missing()

    def forget_saved(self) -> None:
        inspection, path = self.state.inspection, self.state.path
        if inspection is None or path is None:
            return
        options = ImportOptions(sheet=inspection.sheet)

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> RosterInspection:
            # two transactions: the forgetting is committed, then the file is read (outside any
            # transaction: no lock is held while a large file is read) and the columns found again
            forget_mapping(uow, inspection.layout_key)
            return inspect_roster(uow, path, options)

        def done(found: RosterInspection) -> None:
            self.state.inspection = found
            self.show_inspection()

        self.run(Step(job, done, self.tr("Finner kolonnene på nytt…")))

    def next_step(self) -> Step:
        self.state.options = replace(
            self.state.options,
            mapping=tuple(self.grid.overrides().items()),
            remember_mapping=self.remember.isChecked(),
        )
        return preview_step(self, self.state)


def preview_step(page: StepPage, state: RosterState) -> Step:
    """The dry run with the options chosen so far; the preview lands in ``state.preview``."""
    path, options = state.path, state.options
    assert path is not None

    def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> ImportReport:
        return preview_import(uow, path, options)

    def done(report: ImportReport) -> None:
        state.preview = report

    return Step(job, done, QCoreApplication.translate("PreviewPage", "Sammenligner med registeret…"))


class PreviewPage(StepPage):
    """What the import will do, before anything is written; full or partial roster."""

    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__(wizard.ctx)
        self.state = wizard.state
        self.setTitle(self.tr("Forhåndsvisning"))
        self.setSubTitle(self.tr("Ingenting er lagret ennå. Se gjennom hva som vil skje, og trykk Importer."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Importer"))
        self.full = QRadioButton(
            self.tr("&Hele personallisten: de som ikke står i filen, markeres som sluttet")
        )
        self.partial = QRadioButton(self.tr("&Delvis liste (noen enheter): ingen andre berøres"))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.full)
        self.mode.addButton(self.partial)
        self.full.setChecked(True)
        self.partial.toggled.connect(self._mode_changed)
        self.view = ReportView()
        #: Shown when the import would mark so many as left that it must be confirmed, naming how many.
        self.confirm_leavers = QCheckBox()
        self.confirm_leavers.setStyleSheet("QCheckBox { background: #fff4ce; padding: 6px; }")
        self.confirm_leavers.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.full)
        layout.addWidget(self.partial)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.confirm_leavers)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        partial = self.state.options.partial
        self.full.blockSignals(True)
        self.partial.blockSignals(True)
        (self.partial if partial else self.full).setChecked(True)
        self.full.blockSignals(False)
        self.partial.blockSignals(False)
        self.show_preview()

    def show_preview(self) -> None:
        preview = self.state.preview
        if preview is None:
            return
        self.view.show_report(preview)
        self.confirm_leavers.setChecked(False)
        self.confirm_leavers.setText(
            self.tr(
                "&Ja, {count} av {active} aktive ansatte skal markeres som sluttet. (Så mange er uvanlig: "
                "er dette hele personallisten?)"
            ).format(count=fmt_int(preview.left), active=fmt_int(preview.active))
        )
        self.confirm_leavers.setVisible(preview.confirm_leavers)

    def ready(self) -> bool:
        preview = self.state.preview
        return preview is None or not preview.confirm_leavers or self.confirm_leavers.isChecked()

    def _mode_changed(self) -> None:
        self.state.options = replace(self.state.options, partial=self.partial.isChecked())
        step = preview_step(self, self.state)

        def done(report: ImportReport) -> None:
            self.state.preview = report
            self.show_preview()

        self.run(replace(step, done=done), latest="preview")  # the user may switch again meanwhile

    def next_step(self) -> Step:
        path, options = self.state.path, self.state.options
        assert path is not None
        preview = self.state.preview
        if preview is not None and preview.confirm_leavers and self.confirm_leavers.isChecked():
            options = replace(options, accept_leavers=preview.left)  # exactly the count the user confirmed

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> ImportReport:
            return run_import(uow, path, options, progress=progress, cancel=cancel)

        def done(report: ImportReport) -> None:
            self.state.report = report
            wizard = self.wizard()
            if isinstance(wizard, StepWizard):
                wizard.written(report)

        return Step(job, done, self.tr("Importerer personallisten…"), cancellable=True)


class RosterReportPage(ReportPage):
    """What the import did."""

    def __init__(self, wizard: RosterWizard) -> None:
        self.view = ReportView()
        super().__init__(wizard.ctx, self.view)
        self.state = wizard.state
        self.setTitle(self.tr("Rapport"))
        self.setSubTitle(self.tr("Importen er lagret."))

    def initializePage(self) -> None:
        if self.state.report is not None:
            self.view.show_report(self.state.report)

    def text(self) -> str:
        return report_text(self.state.report) if self.state.report is not None else ""


class RosterWizard(StepWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        keep_a_reader_ready()  # the wizard reads the roster at every step: the next child waits started
        self.state = RosterState()
        self.setWindowTitle(self.tr("Importer personalliste"))
        self.file_page = RosterFilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.report_page = RosterReportPage(self)
        self.add_pages(
            self.file_page, self.sheet_page, self.mapping_page, self.preview_page, self.report_page
        )
