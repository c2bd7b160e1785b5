"""Reading a filled-in assessment template back: file → preview of the changed and refused cells by
cell reference → save → report. The template import compares every level cell with the level it had
when the template was made; nothing is overwritten that someone changed in the register since.

All or nothing (docs/compliance.md): while a cell is refused, nothing can be saved, unless the
user ticks that the cells that can be read in are to be saved without the refused ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QTabWidget, QVBoxLayout, QWidget, QWizard

from competence.export.excel.template_import import (
    CellChange,
    CellRefusal,
    TemplateImportResult,
    import_assessments,
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


def _old(change: CellChange) -> str:
    return translate("Vurderingsmal", "ikke vurdert") if change.old_level is None else str(change.old_level)


def summary(result: TemplateImportResult) -> str:
    text = (
        translate(
            "Vurderingsmal",
            "Enhet {unit} – nye vurderinger lagret: {changed} · avviste celler: {refused} · "
            "uendret: {unchanged}",
        )
        if result.applied
        else translate(
            "Vurderingsmal",
            "Enhet {unit} – nye vurderinger: {changed} · avviste celler: {refused} · uendret: {unchanged}",
        )
    ).format(
        unit=result.unit_number,
        changed=fmt_int(len(result.changed)),
        refused=fmt_int(len(result.refused)),
        unchanged=fmt_int(result.unchanged),
    )
    if result.already_registered:
        text += " · " + translate("Vurderingsmal", "allerede registrert: {count}").format(
            count=fmt_int(result.already_registered)
        )
    return text


def result_text(result: TemplateImportResult) -> str:
    lang = current_language()
    title = (
        translate("Vurderingsmal", "Innlesing av vurderingsmal")
        if result.applied
        else translate("Vurderingsmal", "Forhåndsvisning av vurderingsmal")
    )
    lines = [
        title,
        translate("Vurderingsmal", "Fil: {file}").format(file=result.file_name),
        "",
        summary(result),
    ]
    if result.changed:
        lines += ["", translate("Vurderingsmal", "Nye vurderinger:")]
        lines += [
            f"{c.cell}: {c.name} ({c.employee_no}), {c.competence_name(lang)}: {_old(c)} → {c.new_label}"
            for c in result.changed
        ]
    if result.refused:
        lines += ["", translate("Vurderingsmal", "Avviste celler:")]
        lines += [r.message(lang) for r in result.refused]
    return "\n".join(lines) + "\n"


class ResultView(QWidget):
    """The counts, the changed cells and the refused cells, by cell reference."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Oppsummering"))
        self.changed_model: RowTableModel[CellChange] = RowTableModel(
            [
                Column(self.tr("Celle"), lambda c: c.cell),
                Column(self.tr("Ansattnr."), lambda c: c.employee_no),
                Column(self.tr("Navn"), lambda c: c.name),
                Column(self.tr("Kompetanse"), lambda c: c.competence_name(current_language())),
                Column(self.tr("Før"), _old, lambda c: c.old_level),
                Column(self.tr("Nytt nivå"), lambda c: c.new_label, lambda c: c.new_level),
            ],
            parent=self,
        )
        self.refused_model: RowTableModel[CellRefusal] = RowTableModel(
            [
                Column(self.tr("Celle"), lambda r: r.cell),
                Column(self.tr("Ansatt"), lambda r: r.person or ""),
                Column(
                    self.tr("Årsak"),
                    lambda r: r.reason(current_language()),
                    tooltip=lambda r: r.reason(current_language()),
                ),
            ],
            parent=self,
        )
        self.changed = report_table(self.changed_model, self.tr("Celler med nytt nivå"))
        self.refused = report_table(self.refused_model, self.tr("Avviste celler"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.changed, "")
        self.tabs.addTab(self.refused, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def show_result(self, result: TemplateImportResult) -> None:
        self.summary.setText(summary(result))
        self.changed_model.set_rows(result.changed)
        self.refused_model.set_rows(result.refused)
        self.tabs.setTabText(0, self.tr("Nye nivåer ({count})").format(count=fmt_int(len(result.changed))))
        self.tabs.setTabText(1, self.tr("Avvist ({count})").format(count=fmt_int(len(result.refused))))
        if not result.changed and result.refused:
            self.tabs.setCurrentIndex(1)
        for table in (self.changed, self.refused):
            table.resizeColumnsToContents()


@dataclass
class TemplateState:
    path: Path | None = None
    preview: TemplateImportResult | None = None
    result: TemplateImportResult | None = None


class TemplateFilePage(FilePage):
    def __init__(self, wizard: TemplateWizard) -> None:
        super().__init__(wizard.ctx, purpose="templates")
        self.dialog_title = self.tr("Velg utfylt vurderingsmal")
        self.filters = self.tr("Excel-arbeidsbøker (*.xlsx);;Alle filer (*)")
        self.state = wizard.state
        self.setTitle(self.tr("Utfylt vurderingsmal"))
        self.setSubTitle(self.tr("Velg malen en leder har fylt ut i Excel."))
        self.intro.setText(
            self.tr(
                "Malen lages på skjermen Rapporter. Hver celle med et nytt nivå "
                "blir en ny vurdering fra leder med dagens dato. Celler som ikke kan leses inn, vises med "
                "cellereferanse og årsak før noe lagres."
            )
        )

    def next_step(self) -> Step:
        path = self.path

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> TemplateImportResult:
            return import_assessments(uow, path, dry_run=True)

        def done(result: TemplateImportResult) -> None:
            self.state.path = path
            self.state.preview = result

        return Step(job, done, self.tr("Leser malen…"))


class TemplatePreviewPage(StepPage):
    def __init__(self, wizard: TemplateWizard) -> None:
        super().__init__(wizard.ctx)
        self.state = wizard.state
        self.setTitle(self.tr("Forhåndsvisning"))
        self.setSubTitle(
            self.tr("Ingenting er lagret ennå. Se gjennom cellene, og trykk Lagre vurderingene.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Lagre vurderingene"))
        self.view = ResultView()
        self.refusal_note = QLabel()
        self.refusal_note.setWordWrap(True)
        self.refusal_note.setStyleSheet(ERROR_STYLE)
        self.partial = QCheckBox()
        self.partial.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal_note)
        layout.addWidget(self.partial)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        preview = self.state.preview
        if preview is None:
            return
        self.view.show_result(preview)
        refused = bool(preview.refused)
        self.partial.setChecked(False)
        self.refusal_note.setVisible(refused)
        self.partial.setVisible(refused and bool(preview.changed))
        self.refusal_note.setText(
            self.tr(
                "{refused} celler kan ikke leses inn (se Avvist). Ingenting lagres før de er rettet i filen "
                "og den er lest inn på nytt."
            ).format(refused=fmt_int(len(preview.refused)))
        )
        self.partial.setText(
            self.tr("Lagre likevel de {count} nye nivåene som kan leses inn (de avviste lagres ikke)").format(
                count=fmt_int(len(preview.changed))
            )
        )

    def ready(self) -> bool:
        preview = self.state.preview
        return preview is None or not preview.refused or self.partial.isChecked()

    def next_step(self) -> Step:
        path = self.state.path
        partial = self.partial.isChecked()
        assert path is not None

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> TemplateImportResult:
            return import_assessments(uow, path, dry_run=False, partial=partial)

        def done(result: TemplateImportResult) -> None:
            self.state.result = result
            wizard = self.wizard()
            if isinstance(wizard, StepWizard):
                wizard.written(result)

        return Step(job, done, self.tr("Lagrer vurderingene…"))


class TemplateReportPage(ReportPage):
    def __init__(self, wizard: TemplateWizard) -> None:
        self.view = ResultView()
        super().__init__(wizard.ctx, self.view)
        self.state = wizard.state
        self.setTitle(self.tr("Rapport"))
        self.setSubTitle(self.tr("Vurderingene er lagret."))

    def initializePage(self) -> None:
        if self.state.result is not None:
            self.view.show_result(self.state.result)

    def text(self) -> str:
        return result_text(self.state.result) if self.state.result is not None else ""


class TemplateWizard(StepWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = TemplateState()
        self.setWindowTitle(self.tr("Les inn vurderingsmal"))
        self.file_page = TemplateFilePage(self)
        self.preview_page = TemplatePreviewPage(self)
        self.report_page = TemplateReportPage(self)
        self.add_pages(self.file_page, self.preview_page, self.report_page)
