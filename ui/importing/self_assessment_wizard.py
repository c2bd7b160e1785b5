"""Reading the employees' filled-in self-assessment form back: file → preview of the levels each
person gave and of the refused cells (person, sheet and cell) → save → report. All or nothing
(docs/compliance.md): while a cell is refused nothing can be saved; the user corrects the file and
reads it again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget, QWizard

from competence.export.excel.filled_in import CellRefusal
from competence.export.excel.self_assessment_import import (
    SelfAssessmentResult,
    SelfLevel,
    import_self_assessment,
)
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.i18n import current_language, fmt_int
from ui.importing.steps import FilePage, ReportPage, Step, StepPage, StepWizard
from ui.importing.tables import report_table
from ui.widgets.fields import ERROR_STYLE
from ui.widgets.tables import Column, RowTableModel

FILE_PAGE, PREVIEW_PAGE, REPORT_PAGE = range(3)

translate = QCoreApplication.translate


def _old(level: SelfLevel) -> str:
    return translate("Egenvurdering", "ingen") if level.old_level is None else str(level.old_level)


def summary(result: SelfAssessmentResult) -> str:
    text = (
        translate(
            "Egenvurdering",
            "Enhet {unit}, {people} ansatte – egenvurderinger lagret: {recorded} · uendret: {unchanged}",
        )
        if result.applied
        else translate(
            "Egenvurdering",
            "Enhet {unit}, {people} ansatte – egenvurderinger: {recorded} · avviste celler: {refused} · "
            "uendret: {unchanged}",
        )
    ).format(
        unit=result.unit_number,
        people=fmt_int(result.people),
        recorded=fmt_int(len(result.recorded)),
        refused=fmt_int(len(result.refused)),
        unchanged=fmt_int(result.unchanged),
    )
    if result.already_registered:
        text += " · " + translate("Egenvurdering", "allerede registrert: {count}").format(
            count=fmt_int(result.already_registered)
        )
    return text


def result_text(result: SelfAssessmentResult) -> str:
    lang = current_language()
    lines = [
        translate("Egenvurdering", "Innlesing av egenvurderinger"),
        translate("Egenvurdering", "Fil: {file}").format(file=result.file_name),
        "",
        summary(result),
    ]
    if result.recorded:
        lines += ["", translate("Egenvurdering", "Egenvurderinger:")]
        lines += [
            f"{r.cell}: {r.name} ({r.employee_no}), {r.competence_name(lang)}: {_old(r)} → {r.new_label}"
            + (f" – {r.note}" if r.note else "")
            for r in result.recorded
        ]
    if result.refused:
        lines += ["", translate("Egenvurdering", "Avviste celler:")]
        lines += [r.message(lang) for r in result.refused]
    return "\n".join(lines) + "\n"


class ResultView(QWidget):
    """The counts, the levels the employees gave and the refused cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Oppsummering"))
        self.recorded_model: RowTableModel[SelfLevel] = RowTableModel(
            [
                Column(self.tr("Ansatt"), lambda r: f"{r.name} ({r.employee_no})"),
                Column(self.tr("Kompetanse"), lambda r: r.competence_name(current_language())),
                Column(self.tr("Forrige"), _old, lambda r: r.old_level),
                Column(self.tr("Nytt nivå"), lambda r: r.new_label, lambda r: r.new_level),
                Column(self.tr("Kommentar"), lambda r: r.note or "", tooltip=lambda r: r.note),
            ],
            parent=self,
        )
        self.refused_model: RowTableModel[CellRefusal] = RowTableModel(
            [
                Column(self.tr("Ansatt"), lambda r: r.person or ""),
                Column(self.tr("Ark og celle"), lambda r: r.cell),
                Column(
                    self.tr("Årsak"),
                    lambda r: r.reason(current_language()),
                    tooltip=lambda r: r.reason(current_language()),
                ),
            ],
            parent=self,
        )
        self.recorded = report_table(self.recorded_model, self.tr("Egenvurderinger som lagres"))
        self.refused = report_table(self.refused_model, self.tr("Avviste celler"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.recorded, "")
        self.tabs.addTab(self.refused, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def show_result(self, result: SelfAssessmentResult) -> None:
        self.summary.setText(summary(result))
        self.recorded_model.set_rows(result.recorded)
        self.refused_model.set_rows(result.refused)
        self.tabs.setTabText(
            0, self.tr("Egenvurderinger ({count})").format(count=fmt_int(len(result.recorded)))
        )
        self.tabs.setTabText(1, self.tr("Avvist ({count})").format(count=fmt_int(len(result.refused))))
        if result.refused:
            self.tabs.setCurrentIndex(1)
        for table in (self.recorded, self.refused):
            table.resizeColumnsToContents()


@dataclass
class SelfAssessmentState:
    path: Path | None = None
    preview: SelfAssessmentResult | None = None
    result: SelfAssessmentResult | None = None


class SelfAssessmentFilePage(FilePage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__(wizard.ctx, purpose="templates")
        self.dialog_title = self.tr("Velg utfylt egenvurderingsskjema")
        self.filters = self.tr("Excel-arbeidsbøker (*.xlsx);;Alle filer (*)")
        self.state = wizard.state
        self.setTitle(self.tr("Utfylt egenvurderingsskjema"))
        self.setSubTitle(self.tr("Velg skjemaet de ansatte har fylt ut i Excel."))
        self.intro.setText(
            self.tr(
                "Skjemaet lages på skjermen Rapporter (Egenvurderingsskjema). Hvert nivå en ansatt har "
                "valgt, blir en egenvurdering med dagens dato, ved siden av lederens vurdering. Du ser alt "
                "før noe lagres."
            )
        )

    def next_step(self) -> Step:
        path = self.path

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> SelfAssessmentResult:
            return import_self_assessment(uow, path, dry_run=True)

        def done(result: SelfAssessmentResult) -> None:
            self.state.path = path
            self.state.preview = result

        return Step(job, done, self.tr("Leser skjemaet…"))


class SelfAssessmentPreviewPage(StepPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        super().__init__(wizard.ctx)
        self.state = wizard.state
        self.setTitle(self.tr("Forhåndsvisning"))
        self.setSubTitle(self.tr("Ingenting er lagret ennå."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Lagre egenvurderingene"))
        self.view = ResultView()
        self.refusal_note = QLabel()
        self.refusal_note.setWordWrap(True)
        self.refusal_note.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal_note)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        preview = self.state.preview
        if preview is None:
            return
        self.view.show_result(preview)
        self.refusal_note.setVisible(bool(preview.refused))
        self.refusal_note.setText(
            self.tr(
                "{refused} celler kan ikke leses inn (se Avvist). Ingenting lagres: rett cellene i filen og "
                "les den inn på nytt."
            ).format(refused=fmt_int(len(preview.refused)))
        )

    def ready(self) -> bool:
        preview = self.state.preview
        return preview is None or not preview.refused

    def next_step(self) -> Step:
        path = self.state.path
        assert path is not None

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> SelfAssessmentResult:
            return import_self_assessment(uow, path)

        def done(result: SelfAssessmentResult) -> None:
            self.state.result = result
            wizard = self.wizard()
            if isinstance(wizard, StepWizard):
                wizard.written(result)

        return Step(job, done, self.tr("Lagrer egenvurderingene…"))


class SelfAssessmentReportPage(ReportPage):
    def __init__(self, wizard: SelfAssessmentWizard) -> None:
        self.view = ResultView()
        super().__init__(wizard.ctx, self.view)
        self.state = wizard.state
        self.setTitle(self.tr("Rapport"))
        self.setSubTitle(self.tr("Egenvurderingene er lagret."))

    def initializePage(self) -> None:
        if self.state.result is not None:
            self.view.show_result(self.state.result)

    def text(self) -> str:
        return result_text(self.state.result) if self.state.result is not None else ""


class SelfAssessmentWizard(StepWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = SelfAssessmentState()
        self.setWindowTitle(self.tr("Les inn egenvurderinger"))
        self.file_page = SelfAssessmentFilePage(self)
        self.preview_page = SelfAssessmentPreviewPage(self)
        self.report_page = SelfAssessmentReportPage(self)
        self.add_pages(self.file_page, self.preview_page, self.report_page)
