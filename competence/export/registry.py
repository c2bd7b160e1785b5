"""Every export, listed once: what it is called (the command line's name, the screen's label in
bokmål and English), what it needs (a unit, a person, a talk date), its defaults, what it writes,
the use case that writes it and the type of its result.

The Rapporter screen (ui/reports/kinds.py) and the command line (competence/cli/cmd_export.py) are
both built from :data:`EXPORTS`, so they offer the same exports with the same defaults (a unit's
matrix includes its sub-units unless told otherwise, in both).

The export libraries (openpyxl, reportlab) are imported inside the use cases' wrappers here, when an
export runs, never when the registry is imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Generic, TypeVar

from competence.export.results import (
    BatchResult,
    ComplianceResult,
    ExportResult,
    FulltimeResult,
    GapReportResult,
    MatrixResult,
    PlanResult,
    SelfAssessmentResult,
    TemplateResult,
    UnitPlanResult,
    UnitPlanWorkbookResult,
)
from competence.language import pick
from competence.numbers import format_int
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork

R = TypeVar("R", bound=ExportResult, covariant=True)


class UnitNeed(Enum):
    """Whether an export is made for a unit."""

    NONE = "none"
    #: a unit, or the whole municipality
    OPTIONAL = "optional"
    REQUIRED = "required"


class Output(Enum):
    """What an export writes."""

    EXCEL = ".xlsx"
    PDF = ".pdf"
    #: a folder of PDF files (one per person), and when asked one combined PDF beside them
    PDF_FOLDER = "folder"

    @property
    def suffix(self) -> str:
        """The file name's suffix (a folder's plans are PDF files)."""
        return ".pdf" if self is Output.PDF_FOLDER else self.value


@dataclass(frozen=True)
class ExportRequest:
    """What an export is asked to cover; the defaults are the export's own (see :class:`Export`)."""

    unit_number: str | None = None
    subunits: bool = True
    employee_no: str | None = None
    talk_on: dt.date | None = None
    #: a batch's combined file (None: the plans one by one only)
    combined: Path | None = None
    #: the language the export is written in
    lang: str = "nb"

    @property
    def unit(self) -> str:
        """The unit number, for exports that cannot do without one (the callers make sure)."""
        if self.unit_number is None:
            raise ValueError("this export needs a unit")
        return self.unit_number

    @property
    def employee(self) -> str:
        if self.employee_no is None:
            raise ValueError("this export needs an employee")
        return self.employee_no


#: ``write(uow, request, target, progress, cancel)``: the use case (one unit of work), on a worker
Writer = Callable[[UnitOfWork, ExportRequest, Path, Progress, CancelToken], R]
Words = tuple[str, str]


@dataclass(frozen=True)
class Export(Generic[R]):
    """One export. Texts are (bokmål, English) pairs."""

    #: the key the screen remembers it by
    key: str
    #: the command line's command
    command: str
    label: Words
    description: Words
    #: the command's help
    help: Words
    #: the first words of a file's default name
    file_words: Words
    output: Output
    write: Writer[R]
    result: type[R]
    #: one sentence on what was written (numbers in the language's format)
    summary: Callable[[R, str], str]
    unit: UnitNeed = UnitNeed.NONE
    #: whether a unit's export includes its sub-units unless told otherwise
    subunits_default: bool = True
    #: made for one person (their employee number)
    person: bool = False
    #: a talk date can be given (default today)
    talk_date: bool = False

    def label_in(self, lang: str) -> str:
        return pick(lang, *self.label)

    def request(
        self,
        *,
        unit_number: str | None = None,
        subunits: bool | None = None,
        employee_no: str | None = None,
        talk_on: dt.date | None = None,
        combined: Path | None = None,
        lang: str = "nb",
    ) -> ExportRequest:
        """A request with this export's defaults for what is not given."""
        return ExportRequest(
            unit_number,
            self.subunits_default if subunits is None else subunits,
            employee_no,
            talk_on,
            combined,
            lang,
        )

    def run(
        self, uow: UnitOfWork, request: ExportRequest, target: Path, progress: Progress, cancel: CancelToken
    ) -> R:
        return self.write(uow, request, target, progress, cancel)


# --- the use cases, imported when they run ---------------------------------------------------------
def _matrix(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> MatrixResult:
    from competence.export.excel.matrix import export_matrix

    return export_matrix(uow, path, unit_number=r.unit_number, subunits=r.subunits, lang=r.lang)


def _gap(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> GapReportResult:
    from competence.export.excel.gap_report import export_gap_report

    return export_gap_report(uow, path, unit_number=r.unit_number, subunits=r.subunits, lang=r.lang)


def _template(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> TemplateResult:
    from competence.export.excel.template import export_template

    return export_template(uow, path, unit_number=r.unit, subunits=r.subunits, lang=r.lang)


def _self_assessment(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> SelfAssessmentResult:
    from competence.export.excel.self_assessment import export_self_assessment

    return export_self_assessment(uow, path, unit_number=r.unit, subunits=r.subunits, lang=r.lang)


def _compliance(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> ComplianceResult:
    from competence.export.excel.compliance import export_compliance

    return export_compliance(uow, path, unit_number=r.unit_number, subunits=r.subunits, lang=r.lang)


def _plan(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> PlanResult:
    from competence.export.pdf.plan import export_plan

    return export_plan(uow, r.employee, path, talk_on=r.talk_on, lang=r.lang)


def _plans(
    uow: UnitOfWork, r: ExportRequest, folder: Path, progress: Progress, cancel: CancelToken
) -> BatchResult:
    from competence.export.pdf.batch import export_plans

    return export_plans(
        uow,
        r.unit,
        folder,
        combined=r.combined,
        subunits=r.subunits,
        talk_on=r.talk_on,
        progress=progress,
        cancel=cancel,
        lang=r.lang,
    )


def _unit_plan(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> UnitPlanResult:
    from competence.export.pdf.unit_plan import export_unit_plan

    return export_unit_plan(uow, r.unit, path, subunits=r.subunits, lang=r.lang)


def _unit_plan_workbook(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> UnitPlanWorkbookResult:
    from competence.export.excel.unit_plan import export_unit_plan_workbook

    return export_unit_plan_workbook(uow, r.unit, path, subunits=r.subunits, lang=r.lang)


def _fulltime(
    uow: UnitOfWork, r: ExportRequest, path: Path, progress: Progress, cancel: CancelToken
) -> FulltimeResult:
    from competence.export.excel.fulltime import export_fulltime

    return export_fulltime(uow, path, unit_number=r.unit_number, subunits=r.subunits, lang=r.lang)


# --- what was written, in one sentence -------------------------------------------------------------
def _matrix_summary(r: MatrixResult, lang: str) -> str:
    text = pick(
        lang,
        "{people} ansatte × {competences} kompetanser ({na} ikke vurdert).",
        "{people} employees × {competences} competences ({na} not assessed).",
    ).format(
        people=format_int(r.people, lang),
        competences=format_int(r.competences, lang),
        na=format_int(r.not_assessed, lang),
    )
    if r.missing or r.overdue:
        text += " " + lacking_courses_text(r, lang)
    return text


def lacking_courses_text(r: MatrixResult, lang: str) -> str:
    """ "Lovpålagte kurs som mangler: 12, av dem forfalt: 3." """
    return pick(
        lang,
        "Lovpålagte kurs som mangler: {lacking}, av dem forfalt: {overdue}.",
        "Mandatory courses missing: {lacking}, of them overdue: {overdue}.",
    ).format(lacking=format_int(r.missing + r.overdue, lang), overdue=format_int(r.overdue, lang))


def _gap_summary(r: GapReportResult, lang: str) -> str:
    return pick(
        lang,
        "Enheter: {units} · sårbare kompetanser: {vulnerable} · sertifikatvarsler: {certificates} · "
        "utviklingsmål: {goals}.",
        "Units: {units} · vulnerable competences: {vulnerable} · certificate alerts: {certificates} · "
        "learning goals: {goals}.",
    ).format(
        units=format_int(r.units, lang),
        vulnerable=format_int(r.vulnerable, lang),
        certificates=format_int(r.certificates, lang),
        goals=format_int(r.goals, lang),
    )


def _template_summary(r: TemplateResult, lang: str) -> str:
    return pick(
        lang,
        "{people} ansatte × {competences} kompetanser.",
        "{people} employees × {competences} competences.",
    ).format(people=format_int(r.people, lang), competences=format_int(r.competences, lang))


def _self_assessment_summary(r: SelfAssessmentResult, lang: str) -> str:
    return pick(
        lang,
        "Ett ark per ansatt: {people} ansatte, {cells} kompetanser i alt.",
        "One sheet per employee: {people} employees, {cells} competences in all.",
    ).format(people=format_int(r.people, lang), cells=format_int(r.cells, lang))


def _compliance_summary(r: ComplianceResult, lang: str) -> str:
    return pick(
        lang,
        "{lacking} av {people} ansatte mangler et lovpålagt krav ({overdue} krav forfalt) · "
        "dispensasjoner: {dispensations}.",
        "{lacking} of {people} employees lack a mandatory requirement ({overdue} requirements overdue) · "
        "dispensations: {dispensations}.",
    ).format(
        lacking=format_int(r.people_lacking, lang),
        people=format_int(r.people, lang),
        overdue=format_int(r.overdue, lang),
        dispensations=format_int(r.dispensations, lang),
    )


def _plan_summary(r: PlanResult, lang: str) -> str:
    return pick(
        lang,
        "Utviklingsplan for ansatt {no}, {pages} sider.",
        "Development plan of employee {no}, {pages} pages.",
    ).format(no=r.employee_no, pages=format_int(r.pages, lang))


def _plans_summary(r: BatchResult, lang: str) -> str:
    text = pick(
        lang,
        "{files} utviklingsplaner, {pages} sider i alt.",
        "{files} development plans, {pages} pages in all.",
    ).format(files=format_int(len(r.files), lang), pages=format_int(r.pages, lang))
    if r.combined is not None:
        text += " " + pick(lang, "Samlet fil: {name}", "Combined file: {name}").format(name=r.combined.name)
    return text


def _unit_plan_summary(r: UnitPlanResult, lang: str) -> str:
    return pick(
        lang,
        "{pages} sider, {people} ansatte, {activities} utviklingsmål.",
        "{pages} pages, {people} employees, {activities} learning goals.",
    ).format(
        pages=format_int(r.pages, lang),
        people=format_int(r.people, lang),
        activities=format_int(r.activities, lang),
    )


def _unit_plan_workbook_summary(r: UnitPlanWorkbookResult, lang: str) -> str:
    return pick(
        lang,
        "{people} ansatte, {targets} kompetansemål, {measures} tiltak i år.",
        "{people} employees, {targets} competence targets, {measures} measures this year.",
    ).format(
        people=format_int(r.people, lang),
        targets=format_int(r.targets, lang),
        measures=format_int(r.measures, lang),
    )


def _fulltime_summary(r: FulltimeResult, lang: str) -> str:
    return pick(lang, "{people} personer i {units} enheter.", "{people} people in {units} units.").format(
        people=format_int(r.people, lang), units=format_int(r.units, lang)
    )


MATRIX = Export(
    "matrix",
    "export-matrix",
    ("Kompetansematrise (Excel)", "Competence matrix (Excel)"),
    (
        "Alle ansatte i utvalget med nåværende nivå på hver kompetanse rollene deres krever, "
        "farget etter om kravet er oppfylt, med forklaring og utskriftsoppsett.",
        "Everyone in the selection with their current level of each competence their roles require, "
        "coloured by whether the requirement is met, with a legend and print setup.",
    ),
    ("kompetansematrise som Excel-arbeidsbok", "competence matrix as an Excel workbook"),
    ("Kompetansematrise", "Competence matrix"),
    Output.EXCEL,
    _matrix,
    MatrixResult,
    _matrix_summary,
    unit=UnitNeed.OPTIONAL,
)
GAP_REPORT = Export(
    "gap",
    "export-gap",
    ("Avviksrapport (Excel)", "Gap report (Excel)"),
    (
        "Nøkkeltall, andel krav oppfylt per enhet og strategiområde, sårbare kompetanser, "
        "sertifikater som utløper og utviklingsmål.",
        "Key figures, share of requirements met per unit and strategy area, vulnerable competences, "
        "expiring certificates and learning goals.",
    ),
    ("avviksrapport som Excel-arbeidsbok", "gap report as an Excel workbook"),
    ("Avviksrapport", "Gap report"),
    Output.EXCEL,
    _gap,
    GapReportResult,
    _gap_summary,
    unit=UnitNeed.OPTIONAL,
)
TEMPLATE = Export(
    "template",
    "export-template",
    ("Vurderingsmal (Excel)", "Assessment template (Excel)"),
    (
        "Et regneark lederen fyller ut med nivåer fra nedtrekkslister og leser inn igjen "
        "(Import). Dagens nivåer står ferdig utfylt.",
        "A spreadsheet the leader fills in with levels from drop-down lists and reads back in "
        "(Import). Today's levels are filled in already.",
    ),
    (
        "vurderingsmal for en enhet, til utfylling i Excel",
        "assessment template for a unit, to fill in in Excel",
    ),
    ("Vurderingsmal", "Assessment template"),
    Output.EXCEL,
    _template,
    TemplateResult,
    _template_summary,
    unit=UnitNeed.REQUIRED,
    subunits_default=False,
)
SELF_ASSESSMENT = Export(
    "self_assessment",
    "export-self-assessment",
    ("Egenvurderingsskjema (Excel)", "Self-assessment form (Excel)"),
    (
        "Ett ark per ansatt med kompetansene rollen krever og nivåene som nedtrekksliste, som hver "
        "ansatt fyller ut før medarbeidersamtalen. Leses inn igjen under Import som egenvurderinger, "
        "som vises ved siden av lederens vurdering.",
        "One sheet per employee with the competences their role requires and the levels as a drop-down "
        "list, which each employee fills in before the appraisal talk. Read back in under Import as "
        "self-assessments, shown next to the leader's assessment.",
    ),
    (
        "egenvurderingsskjema for en enhet: ett ark per ansatt (Excel)",
        "self-assessment form for a unit: one sheet per employee (Excel)",
    ),
    ("Egenvurdering", "Self-assessment"),
    Output.EXCEL,
    _self_assessment,
    SelfAssessmentResult,
    _self_assessment_summary,
    unit=UnitNeed.REQUIRED,
    subunits_default=False,
)
COMPLIANCE = Export(
    "compliance",
    "export-compliance",
    ("Lovpålagt opplæring (Excel)", "Mandatory training (Excel)"),
    (
        "Per enhet: hvem som mangler et lovpålagt kurs eller en obligatorisk kvalifikasjon, siden når "
        "og fristen, og hvilke stillinger som hviler på en dispensasjon.",
        "Per unit: who lacks a mandatory course or qualification, since when and the deadline, and "
        "which posts rest on a dispensation.",
    ),
    (
        "lovpålagt opplæring og kvalifikasjoner som mangler, som Excel-arbeidsbok",
        "mandatory training and qualifications that are lacking, as an Excel workbook",
    ),
    ("Lovpålagt opplæring", "Mandatory training"),
    Output.EXCEL,
    _compliance,
    ComplianceResult,
    _compliance_summary,
    unit=UnitNeed.OPTIONAL,
)
PLAN = Export(
    "plan",
    "export-plan",
    ("Utviklingsplan for én ansatt (PDF)", "Development plan for one employee (PDF)"),
    (
        "Den individuelle utviklingsplanen til medarbeidersamtalen: kompetanseprofil med krav og "
        "avvik, utviklingsmål, kurs og sertifikater, og linjer for underskrift.",
        "The individual development plan for the appraisal talk: competence profile with requirements "
        "and gaps, learning goals, courses and certificates, and lines for signatures.",
    ),
    ("individuell utviklingsplan som PDF", "individual development plan as PDF"),
    ("Utviklingsplan", "Development plan"),
    Output.PDF,
    _plan,
    PlanResult,
    _plan_summary,
    person=True,
    talk_date=True,
)
PLANS = Export(
    "plans",
    "export-plans",
    ("Utviklingsplaner for en enhet (PDF)", "Development plans for a unit (PDF)"),
    (
        "Én PDF per ansatt i enheten, lagt i en mappe du velger, og om du vil også alle planene "
        "samlet i én PDF med et bokmerke per person (for utskrift).",
        "One PDF per employee of the unit, in a folder you choose, and if you like all the plans in "
        "one PDF with a bookmark per person (for printing).",
    ),
    (
        "utviklingsplaner for alle i en enhet (én PDF per ansatt)",
        "development plans for everyone in a unit (one PDF per employee)",
    ),
    ("Utviklingsplaner", "Development plans"),
    Output.PDF_FOLDER,
    _plans,
    BatchResult,
    _plans_summary,
    unit=UnitNeed.REQUIRED,
    subunits_default=False,
    talk_date=True,
)
UNIT_PLAN = Export(
    "unit_plan",
    "export-unit-plan",
    ("Kompetanseplan for enheten (PDF)", "Unit competence plan (PDF)"),
    (
        "Enhetens kompetanseplan til rådmannen: nøkkeltall, strategiområder, kompetansemål, "
        "kompetansekart, sårbarhet, årets tiltak og budsjett, 10-FAKTOR, evaluering av fjorårets "
        "tiltak, planlagte læringsaktiviteter og sertifikater som må fornyes.",
        "The unit's competence plan for the chief executive: key figures, strategy areas, competence "
        "targets, competence map, vulnerability, this year's measures and budget, 10-FAKTOR, the "
        "evaluation of last year's measures, planned learning activities and certificates to renew.",
    ),
    ("kompetanseplan for en enhet som PDF", "a unit's competence plan as PDF"),
    ("Kompetanseplan", "Competence plan"),
    Output.PDF,
    _unit_plan,
    UnitPlanResult,
    _unit_plan_summary,
    unit=UnitNeed.REQUIRED,
)

UNIT_PLAN_WORKBOOK = Export(
    "unit_plan_excel",
    "export-unit-plan-excel",
    ("Kompetanseplan for enheten (Excel)", "Unit competence plan (Excel)"),
    (
        "Kompetanseplanen som arbeidsbok, ett ark per del: nøkkeltall, strategiområder, kompetansemål, "
        "sårbarhet, årets tiltak og budsjett, evaluering av fjorårets tiltak, 10-FAKTOR og utviklingsmål.",
        "The competence plan as a workbook, one sheet per part: key figures, strategy areas, competence "
        "targets, vulnerability, this year's measures and budget, last year's evaluation, 10-FAKTOR and "
        "learning goals.",
    ),
    ("kompetanseplan for en enhet som Excel-arbeidsbok", "a unit's competence plan as an Excel workbook"),
    ("Kompetanseplan", "Competence plan"),
    Output.EXCEL,
    _unit_plan_workbook,
    UnitPlanWorkbookResult,
    _unit_plan_workbook_summary,
    unit=UnitNeed.REQUIRED,
)
FULLTIME = Export(
    "fulltime",
    "export-heltid",
    ("Heltidskultur (Excel)", "Full-time culture (Excel)"),
    (
        "Hver person med sin samlede stillingsprosent i alle enheter: andel heltid, stillingsstørrelse, "
        "ufrivillig deltid, fast og midlertidig, per enhet, personer over 100 prosent og utviklingen "
        "de to siste årene.",
        "Each person with their total FTE in all units: share in full time, post size, involuntary "
        "part-time, permanent and temporary, per unit, people above 100 per cent and the last two "
        "years.",
    ),
    ("heltidskultur som Excel-arbeidsbok", "full-time culture as an Excel workbook"),
    ("Heltidskultur", "Full-time culture"),
    Output.EXCEL,
    _fulltime,
    FulltimeResult,
    _fulltime_summary,
    unit=UnitNeed.OPTIONAL,
)

#: In the order the Rapporter screen lists them.
EXPORTS: tuple[Export[ExportResult], ...] = (
    MATRIX,
    GAP_REPORT,
    COMPLIANCE,
    TEMPLATE,
    SELF_ASSESSMENT,
    PLAN,
    PLANS,
    UNIT_PLAN,
    UNIT_PLAN_WORKBOOK,
    FULLTIME,
)


def find_export(key: str) -> Export[ExportResult]:
    found = next((e for e in EXPORTS if e.key == key), None)
    if found is None:
        raise KeyError(key)
    return found
