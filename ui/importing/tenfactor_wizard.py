"""Reading 10-FAKTOR results (docs/planning.md): file (and the year, for a file without a column for
it) → preview: each group of the file with the unit of the register it goes to, choosable, and every
value that cannot be read → import → report. Groups under the minimum size are shown only by name:
their figures are never read into the register or onto the screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from competence.progress import CancelToken, Progress
from competence.tenfactor.service import (
    GroupOutcome,
    TenFactorOptions,
    TenFactorReport,
    import_tenfactor,
    preview_tenfactor,
)
from competence.units import UnitView, list_units
from competence.uow import UnitOfWork
from db.codes import TenFactorOutcome
from db.planning import FIRST_YEAR, LAST_YEAR
from ui.context import AppContext
from ui.i18n import current_language, fmt_int
from ui.importing.steps import FilePage, ReportPage, Step, StepPage, StepWizard
from ui.importing.tables import report_table
from ui.widgets.fields import ERROR_STYLE
from ui.widgets.pickers import UnitPicker
from ui.widgets.tables import Column, RowTableModel

FILE_PAGE, PREVIEW_PAGE, REPORT_PAGE = range(3)
translate = QCoreApplication.translate
#: The year box's lowest value, shown as "from the file".
FROM_FILE = FIRST_YEAR - 1


def summary(report: TenFactorReport) -> str:
    counts = {o: report.count(o) for o in TenFactorOutcome}
    text = translate(
        "10-FAKTOR",
        "Grupper i filen: {groups} · lagres: {stored} · under minstegrensen ({minimum} svar): {below} · "
        "hoppes over: {skipped}",
    ).format(
        groups=fmt_int(len(report.groups)),
        stored=fmt_int(report.stored_groups),
        minimum=report.minimum,
        below=fmt_int(counts[TenFactorOutcome.BELOW_MINIMUM]),
        skipped=fmt_int(counts[TenFactorOutcome.SKIPPED]),
    )
    if report.unmapped:
        text += "\n" + translate("10-FAKTOR", "Velg en enhet (eller «hopp over») for: {names}").format(
            names=", ".join(report.unmapped)
        )
    if report.problems:
        text += "\n" + translate(
            "10-FAKTOR", "{count} verdier kan ikke leses; rett dem i filen og les den inn på nytt:"
        ).format(count=fmt_int(len(report.problems)))
        text += "\n" + "\n".join(p.message(current_language()) for p in report.problems[:20])
    return text


def report_text(report: TenFactorReport) -> str:
    lang = current_language()
    lines = [
        translate("10-FAKTOR", "Innlesing av 10-FAKTOR-resultater"),
        translate("10-FAKTOR", "Fil: {file}, arket «{sheet}»").format(
            file=report.file_name, sheet=report.sheet
        ),
        "",
        summary(report),
        "",
    ]
    for g in report.groups:
        target = (
            f" → {g.choice.label}"
            if g.choice.label and g.outcome is not TenFactorOutcome.BELOW_MINIMUM
            else ""
        )
        lines.append(f"{g.unit_text} {g.year}{target}: {g.outcome.label(lang)}")
    return "\n".join(lines) + "\n"


class GroupsView(QWidget):
    """The groups of the file: where each goes, and what happens to it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Oppsummering"))
        self.model: RowTableModel[GroupOutcome] = RowTableModel(
            [
                Column(self.tr("Rad"), lambda g: str(g.row), lambda g: g.row),
                Column(self.tr("Enhet i filen"), lambda g: g.unit_text),
                Column(self.tr("År"), lambda g: str(g.year), lambda g: g.year),
                Column(
                    self.tr("Svar"),
                    lambda g: fmt_int(g.respondents) if g.respondents is not None else "–",
                    lambda g: g.respondents or 0,
                ),
                Column(self.tr("Enhet i registeret"), lambda g: g.choice.label or ""),
                Column(self.tr("Resultat"), lambda g: g.outcome.label(lang)),
            ],
            parent=self,
        )
        self.table = report_table(self.model, self.tr("Gruppene i filen"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_report(self, report: TenFactorReport) -> None:
        self.summary.setText(summary(report))
        self.summary.setStyleSheet(ERROR_STYLE if report.refused else "")
        self.model.set_rows(report.groups)
        self.table.resizeColumnsToContents()


@dataclass
class TenFactorState:
    path: Path | None = None
    year: int | None = None
    units: tuple[UnitView, ...] = ()
    #: file unit name -> unit number, None to skip: the user's choices
    chosen: dict[str, str | None] = field(default_factory=dict)
    preview: TenFactorReport | None = None
    result: TenFactorReport | None = None

    def options(self) -> TenFactorOptions:
        return TenFactorOptions(year=self.year, unit_map=dict(self.chosen))


class TenFactorFilePage(FilePage):
    def __init__(self, wizard: TenFactorWizard) -> None:
        super().__init__(wizard.ctx, purpose="tenfactor")
        self.dialog_title = self.tr("Velg resultatfil fra 10-FAKTOR")
        self.filters = self.tr("Regneark (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Alle filer (*)")
        self.state = wizard.state
        self.setTitle(self.tr("Resultater fra 10-FAKTOR"))
        self.setSubTitle(self.tr("Velg filen med enhetenes resultater fra medarbeiderundersøkelsen."))
        self.intro.setText(
            self.tr(
                "Filen kan ha én rad per enhet og faktor, eller én rad per enhet med en kolonne per "
                "faktor, med antall svar. Grupper med færre svar enn minstegrensen leses aldri inn, og "
                "registeret tar aldri imot svar fra enkeltpersoner. Enheter som ikke finnes av seg selv, "
                "velger du i neste steg; valget huskes."
            )
        )
        self.year = QSpinBox()
        self.year.setRange(FROM_FILE, LAST_YEAR)
        self.year.setSpecialValueText(self.tr("fra filen"))
        self.year.setValue(FROM_FILE)
        self.year.setAccessibleName(self.tr("År resultatene gjelder"))
        year_label = QLabel(self.tr("&År (når filen ikke har en kolonne for år):"))
        year_label.setBuddy(self.year)
        row = QHBoxLayout()
        row.addWidget(year_label)
        row.addWidget(self.year)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(2, row)

    def next_step(self) -> Step:
        path, state = self.path, self.state
        year = None if self.year.value() == FROM_FILE else self.year.value()
        state.chosen = {}

        def job(
            uow: UnitOfWork, progress: Progress, cancel: CancelToken
        ) -> tuple[TenFactorReport, tuple[UnitView, ...]]:
            with uow.reading():
                return preview_tenfactor(uow, path, TenFactorOptions(year=year)), tuple(list_units(uow))

        def done(result: tuple[TenFactorReport, tuple[UnitView, ...]]) -> None:
            state.path, state.year = path, year
            state.preview, state.units = result

        return Step(job, done, self.tr("Leser filen…"))


class TenFactorPreviewPage(StepPage):
    def __init__(self, wizard: TenFactorWizard) -> None:
        super().__init__(wizard.ctx)
        self.state = wizard.state
        self.setTitle(self.tr("Forhåndsvisning"))
        self.setSubTitle(
            self.tr("Ingenting er lagret ennå. Se hvor hver gruppe havner, og velg enhet der det trengs.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Lagre resultatene"))
        self.view = GroupsView()
        self.pickers: dict[str, UnitPicker] = {}
        self.units_box = QGroupBox(self.tr("Enheter i filen og i registeret"))
        self.units_form = QFormLayout()
        inner = QWidget()
        inner.setLayout(self.units_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self.units_box).addWidget(scroll)
        self.again = QTimer(self)
        self.again.setSingleShot(True)
        self.again.setInterval(200)
        self.again.timeout.connect(self.refresh_preview)
        layout = QHBoxLayout()
        layout.addWidget(self.view, 3)
        layout.addWidget(self.units_box, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(layout, 1)
        outer.addWidget(self.status)

    def initializePage(self) -> None:
        self._build_pickers()
        if self.state.preview is not None:
            self.view.show_report(self.state.preview)

    def _build_pickers(self) -> None:
        while self.units_form.rowCount():
            self.units_form.removeRow(0)
        self.pickers = {}
        report = self.state.preview
        if report is None:
            return
        skip = self.tr("(hopp over)")
        for group in report.groups:
            if group.outcome is TenFactorOutcome.BELOW_MINIMUM or group.unit_text in self.pickers:
                continue
            picker = UnitPicker(self.state.units, whole_text=skip)
            picker.setAccessibleName(self.tr("Enhet for «{name}»").format(name=group.unit_text))
            if group.choice.unit_id is not None:
                picker.select_id(group.choice.unit_id)
            elif not group.choice.skipped:
                picker.setCurrentIndex(-1)
                line = picker.lineEdit()
                if line is not None:
                    line.setPlaceholderText(self.tr("Velg enhet"))
            picker.currentIndexChanged.connect(lambda _i, name=group.unit_text: self._chosen(name))
            self.pickers[group.unit_text] = picker
            self.units_form.addRow(group.unit_text, picker)

    def _chosen(self, name: str) -> None:
        picker = self.pickers[name]
        if not picker.has_choice():
            return
        unit_id = picker.selected_id()
        number = next((u.number for u in self.state.units if u.id == unit_id), None)
        self.state.chosen[name] = number
        self.again.start()

    def refresh_preview(self) -> None:
        path, state = self.state.path, self.state
        assert path is not None
        options = state.options()

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> TenFactorReport:
            return preview_tenfactor(uow, path, options)

        def done(report: TenFactorReport) -> None:
            state.preview = report
            self.view.show_report(report)

        self.run(Step(job, done, self.tr("Oppdaterer forhåndsvisningen…")))

    def ready(self) -> bool:
        return self.state.preview is not None and not self.state.preview.refused

    def next_step(self) -> Step:
        path, state = self.state.path, self.state
        assert path is not None
        options = state.options()

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> TenFactorReport:
            return import_tenfactor(uow, path, options)

        def done(report: TenFactorReport) -> None:
            state.result = report
            if report.applied:
                wizard = self.wizard()
                if isinstance(wizard, StepWizard):
                    wizard.written(report)
            else:  # something changed meanwhile: show why, stay here
                state.preview = report
                self.view.show_report(report)

        return Step(job, done, self.tr("Lagrer resultatene…"))

    def validatePage(self) -> bool:
        ok = super().validatePage()
        if ok and (self.state.result is None or not self.state.result.applied):
            return False
        return ok


class TenFactorReportPage(ReportPage):
    def __init__(self, wizard: TenFactorWizard) -> None:
        self.view = GroupsView()
        super().__init__(wizard.ctx, self.view)
        self.state = wizard.state
        self.setTitle(self.tr("Rapport"))
        self.setSubTitle(self.tr("Resultatene er lagret."))

    def initializePage(self) -> None:
        if self.state.result is not None:
            self.view.show_report(self.state.result)

    def text(self) -> str:
        return report_text(self.state.result) if self.state.result is not None else ""


class TenFactorWizard(StepWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = TenFactorState()
        self.setWindowTitle(self.tr("Les inn 10-FAKTOR"))
        self.file_page = TenFactorFilePage(self)
        self.preview_page = TenFactorPreviewPage(self)
        self.report_page = TenFactorReportPage(self)
        self.add_pages(self.file_page, self.preview_page, self.report_page)
