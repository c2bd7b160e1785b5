"""The exports of issue 4 as the Rapporter screen offers them: what each needs (a unit, a person,
a talk date), its default file name, the service call (on a worker) and the sentence that tells the
user what was written.

The export libraries (openpyxl, reportlab) are imported inside the jobs, never when the app starts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.session import Database
from ui.i18n import fmt_int
from ui.reports.files import dated_file_name, file_error, safe_file_name, write_into_place

translate = QCoreApplication.translate


class UnitNeed(Enum):
    NONE = "none"
    #: a unit, or the whole municipality
    OPTIONAL = "optional"
    REQUIRED = "required"


@dataclass(frozen=True)
class ExportRequest:
    """What the user chose on the form."""

    unit_number: str | None = None
    #: the unit's name for file names ("Hjemmetjenesten"), or the whole municipality's
    scope_name: str = ""
    subunits: bool = True
    employee_no: str | None = None
    #: "Etternavn Fornavn" for the file name of one person's plan
    person_name: str = ""
    talk_on: dt.date | None = None
    combined: bool = False


@dataclass(frozen=True)
class Written:
    """What an export produced: a file, or a folder of files (the batch)."""

    path: Path
    summary: str
    folder: Path
    #: the file to open after a batch (the combined PDF), if any
    main_file: Path | None = None


class ExportKind:
    """One kind of export. Subclasses set the class attributes and implement the three methods."""

    key = ""
    unit = UnitNeed.NONE
    subunits_default = True
    person = False
    talk_date = False
    #: the output is a folder of files (one plan per person), not one file
    batch = False
    suffix = ".xlsx"

    def title(self) -> str:
        raise NotImplementedError

    def description(self) -> str:
        raise NotImplementedError

    def name_part(self) -> str:
        """The first words of the default file name."""
        raise NotImplementedError

    def default_name(self, request: ExportRequest, today: dt.date) -> str:
        return dated_file_name(self.name_part(), request.scope_name, today, self.suffix)

    def write(
        self, uow: UnitOfWork, request: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
    ) -> Any:
        """Call the service (on a worker thread) and return its result."""
        raise NotImplementedError

    def describe(self, result: Any) -> str:
        """The sentence shown when the export is done (on the UI thread)."""
        raise NotImplementedError

    def run(
        self,
        database: Database,
        actor: str | None,
        request: ExportRequest,
        target: Path,
        progress: Progress,
        cancel: CancelToken,
    ) -> Any:
        """The job for the worker: write ``target`` through a temporary name (see
        :func:`ui.reports.files.write_into_place`)."""
        uow = UnitOfWork(database, actor)
        return write_into_place(target, lambda path: self.write(uow, request, path, progress, cancel), cancel)

    def written(self, result: Any, target: Path) -> Written:
        return Written(target, self.describe(result), target.parent, target)


class MatrixExport(ExportKind):
    key = "matrix"
    unit = UnitNeed.OPTIONAL

    def title(self) -> str:
        return translate("Rapporter", "Kompetansematrise (Excel)")

    def description(self) -> str:
        return translate(
            "Rapporter",
            "Alle ansatte i utvalget med nåværende nivå på hver kompetanse rollene deres krever, "
            "farget etter om kravet er oppfylt, med forklaring og utskriftsoppsett.",
        )

    def name_part(self) -> str:
        return translate("Rapporter", "Kompetansematrise")

    def write(
        self, uow: UnitOfWork, request: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
    ) -> Any:
        from competence.export.excel.matrix import export_matrix

        return export_matrix(uow, path, unit_number=request.unit_number, subunits=request.subunits)

    def describe(self, result: Any) -> str:
        return translate(
            "Rapporter", "{people} ansatte × {competences} kompetanser ({na} ikke vurdert)."
        ).format(
            people=fmt_int(result.people),
            competences=fmt_int(result.competences),
            na=fmt_int(result.not_assessed),
        )


class GapReportExport(ExportKind):
    key = "gap"
    unit = UnitNeed.OPTIONAL

    def title(self) -> str:
        return translate("Rapporter", "Avviksrapport (Excel)")

    def description(self) -> str:
        return translate(
            "Rapporter",
            "Nøkkeltall, andel krav oppfylt per enhet og strategiområde, sårbare kompetanser, "
            "sertifikater som utløper og utviklingsmål.",
        )

    def name_part(self) -> str:
        return translate("Rapporter", "Avviksrapport")

    def write(
        self, uow: UnitOfWork, request: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
    ) -> Any:
        from competence.export.excel.gap_report import export_gap_report

        return export_gap_report(uow, path, unit_number=request.unit_number, subunits=request.subunits)

    def describe(self, result: Any) -> str:
        return translate(
            "Rapporter",
            "Enheter: {units} · sårbare kompetanser: {vulnerable} · sertifikatvarsler: {certificates} · "
            "utviklingsmål: {goals}.",
        ).format(
            units=fmt_int(result.units),
            vulnerable=fmt_int(result.vulnerable),
            certificates=fmt_int(result.certificates),
            goals=fmt_int(result.goals),
        )


class TemplateExport(ExportKind):
    key = "template"
    unit = UnitNeed.REQUIRED
    subunits_default = False

    def title(self) -> str:
        return translate("Rapporter", "Vurderingsmal (Excel)")

    def description(self) -> str:
        return translate(
            "Rapporter",
            "Et regneark lederen fyller ut med nivåer fra nedtrekkslister og leser inn igjen "
            "(Import). Dagens nivåer står ferdig utfylt.",
        )

    def name_part(self) -> str:
        return translate("Rapporter", "Vurderingsmal")

    def write(
        self, uow: UnitOfWork, request: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
    ) -> Any:
        from competence.export.excel.template import export_template

        assert request.unit_number is not None
        return export_template(uow, path, unit_number=request.unit_number, subunits=request.subunits)

    def describe(self, result: Any) -> str:
        return translate("Rapporter", "{people} ansatte × {competences} kompetanser.").format(
            people=fmt_int(result.people), competences=fmt_int(result.competences)
        )


class PlanExport(ExportKind):
    key = "plan"
    person = True
    talk_date = True
    suffix = ".pdf"

    def title(self) -> str:
        return translate("Rapporter", "Utviklingsplan for én ansatt (PDF)")

    def description(self) -> str:
        return translate(
            "Rapporter",
            "Den individuelle utviklingsplanen til medarbeidersamtalen: kompetanseprofil med krav og "
            "avvik, utviklingsmål, kurs og sertifikater, og linjer for underskrift.",
        )

    def name_part(self) -> str:
        return translate("Rapporter", "Utviklingsplan")

    def default_name(self, request: ExportRequest, today: dt.date) -> str:
        return safe_file_name(
            f"{self.name_part()} {request.employee_no or ''} {request.person_name}", self.suffix
        )

    def write(
        self, uow: UnitOfWork, request: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
    ) -> Any:
        from competence.export.pdf.plan import export_plan

        assert request.employee_no is not None
        return export_plan(uow, request.employee_no, path, talk_on=request.talk_on)

    def describe(self, result: Any) -> str:
        return translate("Rapporter", "Utviklingsplan for ansatt {no}, {pages} sider.").format(
            no=result.employee_no, pages=fmt_int(result.pages)
        )


class PlansExport(ExportKind):
    key = "plans"
    unit = UnitNeed.REQUIRED
    subunits_default = False
    talk_date = True
    batch = True
    suffix = ".pdf"

    def title(self) -> str:
        return translate("Rapporter", "Utviklingsplaner for en enhet (PDF)")

    def description(self) -> str:
        return translate(
            "Rapporter",
            "Én PDF per ansatt i enheten, lagt i en mappe du velger, og om du vil også alle planene "
            "samlet i én PDF med et bokmerke per person (for utskrift).",
        )

    def name_part(self) -> str:
        return translate("Rapporter", "Utviklingsplaner")

    def combined_path(self, folder: Path, request: ExportRequest, today: dt.date) -> Path | None:
        return folder / self.default_name(request, today) if request.combined else None

    def run(
        self,
        database: Database,
        actor: str | None,
        request: ExportRequest,
        target: Path,
        progress: Progress,
        cancel: CancelToken,
    ) -> Any:
        """``target`` is the folder; the service stages the files itself and cancels between chunks."""
        from competence.clock import today
        from competence.export.pdf.batch import export_plans

        assert request.unit_number is not None
        try:
            return export_plans(
                UnitOfWork(database, actor),
                request.unit_number,
                target,
                combined=self.combined_path(target, request, today()),
                subunits=request.subunits,
                talk_on=request.talk_on,
                progress=progress,
                cancel=cancel,
            )
        except OSError as exc:
            raise file_error(exc, target) from exc

    def describe(self, result: Any) -> str:
        text = translate("Rapporter", "{files} utviklingsplaner, {pages} sider i alt.").format(
            files=fmt_int(len(result.files)), pages=fmt_int(result.pages)
        )
        if result.combined is not None:
            text += " " + translate("Rapporter", "Samlet fil: {name}").format(name=result.combined.name)
        return text

    def written(self, result: Any, target: Path) -> Written:
        return Written(target, self.describe(result), target, result.combined)


class UnitPlanExport(ExportKind):
    key = "unit_plan"
    unit = UnitNeed.REQUIRED
    suffix = ".pdf"

    def title(self) -> str:
        return translate("Rapporter", "Kompetanseplan for enheten (PDF)")

    def description(self) -> str:
        return translate(
            "Rapporter",
            "Enhetens kompetanseplan: nøkkeltall, strategiområder, kompetansekart, sårbare "
            "kompetanser, planlagte læringsaktiviteter og sertifikater som må fornyes.",
        )

    def name_part(self) -> str:
        return translate("Rapporter", "Kompetanseplan")

    def write(
        self, uow: UnitOfWork, request: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
    ) -> Any:
        from competence.export.pdf.unit_plan import export_unit_plan

        assert request.unit_number is not None
        return export_unit_plan(uow, request.unit_number, path, subunits=request.subunits)

    def describe(self, result: Any) -> str:
        return translate(
            "Rapporter", "{pages} sider, {people} ansatte, {activities} planlagte tiltak."
        ).format(
            pages=fmt_int(result.pages), people=fmt_int(result.people), activities=fmt_int(result.activities)
        )


#: In the order the screen lists them.
KINDS: tuple[ExportKind, ...] = (
    MatrixExport(),
    GapReportExport(),
    TemplateExport(),
    PlanExport(),
    PlansExport(),
    UnitPlanExport(),
)
PLAN = KINDS[3]
