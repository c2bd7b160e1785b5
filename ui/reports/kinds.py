"""The exports of issue 4 as the Rapporter screen offers them: what each needs (a unit, a person,
a talk date), its default file name, the service call (on a worker) and the sentence that tells the
user what was written.

The export libraries (openpyxl, reportlab) are imported inside the writers, never when the app
starts. Texts are marked here and translated when shown, so they follow the UI language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from competence.clock import today
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.session import Database
from ui.i18n import current_language, fmt_int
from ui.reports.files import dated_file_name, file_error, safe_file_name, write_into_place

CONTEXT = "Rapporter"


def translate(marked: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("Rapporter", ...)``, in the UI language."""
    return QCoreApplication.translate(CONTEXT, marked)


class UnitNeed(Enum):
    NONE = "none"
    # a unit, or the whole municipality
    OPTIONAL = "optional"
    REQUIRED = "required"


@dataclass(frozen=True)
class ExportRequest:
    """What the user chose on the form."""

    unit_number: str | None = None
    # the unit's name for file names ("Hjemmetjenesten"), or the whole municipality's
    scope_name: str = ""
    subunits: bool = True
    employee_no: str | None = None
    # "Etternavn Fornavn" for the file name of one person's plan
    person_name: str = ""
    talk_on: dt.date | None = None
    combined: bool = False
    #: the language the export is written in: the UI's, when the user asked for it
    lang: str = field(default_factory=current_language)

    @property
    def unit(self) -> str:
        """The unit number, for exports that cannot do without one (the form makes sure)."""
        if self.unit_number is None:
            raise ValueError("this export needs a unit")
        return self.unit_number

    @property
    def employee(self) -> str:
        if self.employee_no is None:
            raise ValueError("this export needs an employee")
        return self.employee_no


@dataclass(frozen=True)
class Written:
    """What an export produced: a file, or a folder of files (the batch)."""

    path: Path
    summary: str
    folder: Path
    # the file to open: the file written, or a batch's combined PDF (None without one)
    main_file: Path | None = None


# ``write(uow, request, path, progress, cancel)``: the service call, on a worker; its result
Writer = Callable[[UnitOfWork, ExportRequest, Path, Progress, CancelToken], Any]


@dataclass(frozen=True)
class ExportKind:
    key: str
    # texts marked with QT_TRANSLATE_NOOP (context "Rapporter"), translated when shown
    title_text: str
    description_text: str
    # the first words of the default file name
    name_text: str
    write: Writer
    # the sentence shown when it is done (UI thread), from the service's result
    describe: Callable[[Any], str]
    unit: UnitNeed = UnitNeed.NONE
    subunits_default: bool = True
    person: bool = False
    talk_date: bool = False
    # the output is a folder of files (one plan per person), not one file
    batch: bool = False
    suffix: str = ".xlsx"

    def title(self) -> str:
        return translate(self.title_text)

    def description(self) -> str:
        return translate(self.description_text)

    def default_name(self, request: ExportRequest, on: dt.date) -> str:
        if self.person:
            return safe_file_name(
                f"{translate(self.name_text)} {request.employee_no or ''} {request.person_name}", self.suffix
            )
        return dated_file_name(translate(self.name_text), request.scope_name, on, self.suffix)

    def combined_path(self, folder: Path, request: ExportRequest) -> Path | None:
        """A batch's combined PDF, beside the plans."""
        return folder / self.default_name(request, today()) if self.batch and request.combined else None

    def run(
        self,
        database: Database,
        actor: str | None,
        request: ExportRequest,
        target: Path,
        progress: Progress,
        cancel: CancelToken,
    ) -> Any:
        """The job for the worker. A file is written through a temporary name (see
        :func:`ui.reports.files.write_into_place`); a batch goes straight into its folder, where
        the service stages the files itself and stops between chunks when cancelled."""
        uow = UnitOfWork(database, actor)
        if not self.batch:
            return write_into_place(
                target, lambda path: self.write(uow, request, path, progress, cancel), cancel
            )
        try:
            return self.write(uow, request, target, progress, cancel)
        except OSError as exc:
            raise file_error(exc, target) from exc

    def written(self, result: Any, target: Path) -> Written:
        if self.batch:
            return Written(target, self.describe(result), target, result.combined)
        return Written(target, self.describe(result), target.parent, target)


# --- the service calls (on a worker) ------------------------------------------------------------
def _matrix(uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    from competence.export.excel.matrix import export_matrix

    return export_matrix(uow, path, unit_number=r.unit_number, subunits=r.subunits, lang=r.lang)


def _gap(uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    from competence.export.excel.gap_report import export_gap_report

    return export_gap_report(uow, path, unit_number=r.unit_number, subunits=r.subunits, lang=r.lang)


def _template(uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    from competence.export.excel.template import export_template

    return export_template(uow, path, unit_number=r.unit, subunits=r.subunits, lang=r.lang)


def _self_assessment(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> Any:
    from competence.export.excel.self_assessment import export_self_assessment

    return export_self_assessment(uow, path, unit_number=r.unit, subunits=r.subunits, lang=r.lang)


def _plan(uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    from competence.export.pdf.plan import export_plan

    return export_plan(uow, r.employee, path, talk_on=r.talk_on, lang=r.lang)


def _plans(uow: UnitOfWork, r: ExportRequest, folder: Path, progress: Progress, cancel: CancelToken) -> Any:
    from competence.export.pdf.batch import export_plans

    combined = PLANS.combined_path(folder, r)
    return export_plans(
        uow,
        r.unit,
        folder,
        combined=combined,
        subunits=r.subunits,
        talk_on=r.talk_on,
        progress=progress,
        cancel=cancel,
        lang=r.lang,
    )


def _unit_plan(uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    from competence.export.pdf.unit_plan import export_unit_plan

    return export_unit_plan(uow, r.unit, path, subunits=r.subunits, lang=r.lang)


# --- what the user is told (UI thread) ----------------------------------------------------------
def _matrix_done(result: Any) -> str:
    return QCoreApplication.translate(
        "Rapporter", "{people} ansatte × {competences} kompetanser ({na} ikke vurdert)."
    ).format(
        people=fmt_int(result.people),
        competences=fmt_int(result.competences),
        na=fmt_int(result.not_assessed),
    )


def _gap_done(result: Any) -> str:
    return QCoreApplication.translate(
        "Rapporter",
        "Enheter: {units} · sårbare kompetanser: {vulnerable} · sertifikatvarsler: {certificates} · "
        "utviklingsmål: {goals}.",
    ).format(
        units=fmt_int(result.units),
        vulnerable=fmt_int(result.vulnerable),
        certificates=fmt_int(result.certificates),
        goals=fmt_int(result.goals),
    )


def _template_done(result: Any) -> str:
    return QCoreApplication.translate("Rapporter", "{people} ansatte × {competences} kompetanser.").format(
        people=fmt_int(result.people), competences=fmt_int(result.competences)
    )


def _self_assessment_done(result: Any) -> str:
    return QCoreApplication.translate(
        "Rapporter", "Ett ark per ansatt: {people} ansatte, {cells} kompetanser i alt."
    ).format(people=fmt_int(result.people), cells=fmt_int(result.cells))


def _plan_done(result: Any) -> str:
    return QCoreApplication.translate("Rapporter", "Utviklingsplan for ansatt {no}, {pages} sider.").format(
        no=result.employee_no, pages=fmt_int(result.pages)
    )


def _plans_done(result: Any) -> str:
    text = QCoreApplication.translate("Rapporter", "{files} utviklingsplaner, {pages} sider i alt.").format(
        files=fmt_int(len(result.files)), pages=fmt_int(result.pages)
    )
    if result.combined is not None:
        text += " " + QCoreApplication.translate("Rapporter", "Samlet fil: {name}").format(
            name=result.combined.name
        )
    return text


def _unit_plan_done(result: Any) -> str:
    return QCoreApplication.translate(
        "Rapporter", "{pages} sider, {people} ansatte, {activities} planlagte tiltak."
    ).format(
        pages=fmt_int(result.pages), people=fmt_int(result.people), activities=fmt_int(result.activities)
    )


MATRIX = ExportKind(
    "matrix",
    QT_TRANSLATE_NOOP("Rapporter", "Kompetansematrise (Excel)"),
    QT_TRANSLATE_NOOP(
        "Rapporter",
        "Alle ansatte i utvalget med nåværende nivå på hver kompetanse rollene deres krever, "
        "farget etter om kravet er oppfylt, med forklaring og utskriftsoppsett.",
    ),
    QT_TRANSLATE_NOOP("Rapporter", "Kompetansematrise"),
    _matrix,
    _matrix_done,
    unit=UnitNeed.OPTIONAL,
)
GAP_REPORT = ExportKind(
    "gap",
    QT_TRANSLATE_NOOP("Rapporter", "Avviksrapport (Excel)"),
    QT_TRANSLATE_NOOP(
        "Rapporter",
        "Nøkkeltall, andel krav oppfylt per enhet og strategiområde, sårbare kompetanser, "
        "sertifikater som utløper og utviklingsmål.",
    ),
    QT_TRANSLATE_NOOP("Rapporter", "Avviksrapport"),
    _gap,
    _gap_done,
    unit=UnitNeed.OPTIONAL,
)
TEMPLATE = ExportKind(
    "template",
    QT_TRANSLATE_NOOP("Rapporter", "Vurderingsmal (Excel)"),
    QT_TRANSLATE_NOOP(
        "Rapporter",
        "Et regneark lederen fyller ut med nivåer fra nedtrekkslister og leser inn igjen "
        "(Import). Dagens nivåer står ferdig utfylt.",
    ),
    QT_TRANSLATE_NOOP("Rapporter", "Vurderingsmal"),
    _template,
    _template_done,
    unit=UnitNeed.REQUIRED,
    subunits_default=False,
)
SELF_ASSESSMENT = ExportKind(
    "self_assessment",
    QT_TRANSLATE_NOOP("Rapporter", "Egenvurderingsskjema (Excel)"),
    QT_TRANSLATE_NOOP(
        "Rapporter",
        "Ett ark per ansatt med kompetansene rollen krever og nivåene som nedtrekksliste, som hver "
        "ansatt fyller ut før medarbeidersamtalen. Leses inn igjen under Import som egenvurderinger, "
        "som vises ved siden av lederens vurdering.",
    ),
    QT_TRANSLATE_NOOP("Rapporter", "Egenvurdering"),
    _self_assessment,
    _self_assessment_done,
    unit=UnitNeed.REQUIRED,
    subunits_default=False,
)
PLAN = ExportKind(
    "plan",
    QT_TRANSLATE_NOOP("Rapporter", "Utviklingsplan for én ansatt (PDF)"),
    QT_TRANSLATE_NOOP(
        "Rapporter",
        "Den individuelle utviklingsplanen til medarbeidersamtalen: kompetanseprofil med krav og "
        "avvik, utviklingsmål, kurs og sertifikater, og linjer for underskrift.",
    ),
    QT_TRANSLATE_NOOP("Rapporter", "Utviklingsplan"),
    _plan,
    _plan_done,
    person=True,
    talk_date=True,
    suffix=".pdf",
)
PLANS = ExportKind(
    "plans",
    QT_TRANSLATE_NOOP("Rapporter", "Utviklingsplaner for en enhet (PDF)"),
    QT_TRANSLATE_NOOP(
        "Rapporter",
        "Én PDF per ansatt i enheten, lagt i en mappe du velger, og om du vil også alle planene "
        "samlet i én PDF med et bokmerke per person (for utskrift).",
    ),
    QT_TRANSLATE_NOOP("Rapporter", "Utviklingsplaner"),
    _plans,
    _plans_done,
    unit=UnitNeed.REQUIRED,
    subunits_default=False,
    talk_date=True,
    batch=True,
    suffix=".pdf",
)
UNIT_PLAN = ExportKind(
    "unit_plan",
    QT_TRANSLATE_NOOP("Rapporter", "Kompetanseplan for enheten (PDF)"),
    QT_TRANSLATE_NOOP(
        "Rapporter",
        "Enhetens kompetanseplan: nøkkeltall, strategiområder, kompetansekart, sårbare "
        "kompetanser, planlagte læringsaktiviteter og sertifikater som må fornyes.",
    ),
    QT_TRANSLATE_NOOP("Rapporter", "Kompetanseplan"),
    _unit_plan,
    _unit_plan_done,
    unit=UnitNeed.REQUIRED,
    suffix=".pdf",
)

# In the order the screen lists them.
KINDS: tuple[ExportKind, ...] = (MATRIX, GAP_REPORT, TEMPLATE, SELF_ASSESSMENT, PLAN, PLANS, UNIT_PLAN)
