"""The Oversikt panel *Lovpålagte krav*: who in the unit shown lacks a mandatory course or
qualification, with since when and the deadline, the overdue first (docs/compliance.md). It loads
its own figures on a worker when the unit changes; Enter or a double click opens the person's card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from competence.compliance.report import ComplianceReport, LackingRequirement, compliance_report
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.codes import RequirementStatus
from ui import status_colours as tone
from ui.context import AppContext
from ui.i18n import current_language, fmt_date, fmt_int
from ui.overview.people_panel import PeoplePanel
from ui.widgets.tables import Column


def status_shade(row: LackingRequirement) -> tone.Shade:
    return tone.OVERDUE if row.status is RequirementStatus.OVERDUE else tone.MISSING


def status_text(row: LackingRequirement) -> str:
    """ "Forfalt" or "Mangler, frist 01.03.2027" (or "Mangler" without a deadline)."""
    if row.status is RequirementStatus.MISSING and row.deadline is not None:
        return QCoreApplication.translate("ComplianceDuePanel", "Mangler, frist {date}").format(
            date=fmt_date(row.deadline)
        )
    return row.status.label(current_language())


class ComplianceDuePanel(PeoplePanel[LackingRequirement]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        lang = current_language()
        columns: list[Column[LackingRequirement]] = [
            Column(self.tr("Navn"), lambda r: r.name, tooltip=self._where_and_since),
            Column(
                self.tr("Krav"), lambda r: r.requirement_display(lang), tooltip=lambda r: r.kind.label(lang)
            ),
            Column(
                self.tr("Status"),
                status_text,
                lambda r: (r.status is not RequirementStatus.OVERDUE, r.deadline or r.since),
                background=lambda r: status_shade(r).fill,
                foreground=lambda r: status_shade(r).text,
            ),
            Column(
                self.tr("Siden"),
                lambda r: fmt_date(r.since) if r.since else "",
                lambda r: r.since,
            ),
            Column(self.tr("Enhet"), lambda r: r.unit_name),
        ]
        super().__init__(
            ctx,
            self.tr("Lovpålagte krav som mangler"),
            columns,
            table_name=self.tr("Lovpålagte krav som mangler"),
            open_hint=self.tr("Enter eller dobbeltklikk åpner ansattkortet"),
            cap=180,
            optional=(4, 3),  # the unit and the date: in the name's tooltip
            parent=parent,
        )
        self.report: ComplianceReport | None = None

    def _where_and_since(self, row: LackingRequirement) -> str:
        if row.since is None:
            return row.unit_name
        return self.tr("{unit}; mangler siden {date}").format(unit=row.unit_name, date=fmt_date(row.since))

    def show_for(self, unit_id: int | None) -> None:
        """Load the report of ``unit_id`` (None: the whole municipality) on a worker."""
        self.summary.setText(self.tr("Beregner…"))

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> ComplianceReport:
            return compliance_report(uow, unit_id=unit_id)

        self.ctx.tasks.run(job, on_done=self.show_report, parent=self, latest="compliance")

    def show_report(self, report: ComplianceReport) -> None:
        self.report = report
        text = self.tr(
            "{lacking} av {people} ansatte mangler minst ett lovpålagt krav ({overdue} forfalt); "
            "{compliant} oppfyller alle."
        ).format(
            lacking=fmt_int(report.people_lacking),
            people=fmt_int(report.people),
            overdue=fmt_int(report.overdue),
            compliant=fmt_int(report.people_compliant),
        )
        if len(report.dispensations) == 1:
            text += " " + self.tr("Én stilling hviler på en dispensasjon (se Enheter).")
        elif report.dispensations:
            text += " " + self.tr("{count} stillinger hviler på en dispensasjon (se Enheter).").format(
                count=fmt_int(len(report.dispensations))
            )
        self.show_rows(report.lacking, text, warn=bool(report.overdue))
