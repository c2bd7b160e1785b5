"""The unit's competence plan as a workbook (docs/planning.md, "The unit's competence plan"): the
same figures as the PDF (competence/export/pdf/unit_plan.py), one sheet per part, for a leader who
wants to sort, filter or carry the figures on: the key figures, the strategy areas, the competence
targets, vulnerable competences, this year's measures under the budget, the evaluation of last
year's measures, the 10-FAKTOR results and the learning goals planned."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from competence import gap
from competence.export.activities import OPEN_STATUSES, GoalRow, goals_of_people
from competence.export.excel import styles
from competence.export.excel.sheets import list_sheet
from competence.export.results import UnitPlanWorkbookResult
from competence.export.scope import Scope, people_in, record_export, resolve_scope
from competence.files import write_private_bytes
from competence.language import normalise_language, pick
from competence.numbers import format_number, format_points, format_share, round_points
from competence.planning.document import PlanPart, plan_part
from competence.planning.measures import MeasureView
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.codes import COMPETENCE_FACTORS, Factor

MEAN = "0.00"


def export_unit_plan_workbook(
    uow: UnitOfWork, unit_number: str, path: Path, *, subunits: bool = True, lang: str = "nb"
) -> UnitPlanWorkbookResult:
    """Write the plan of a unit (with the units below it unless ``subunits`` is False)."""
    lang = normalise_language(lang)
    with uow.snapshot():
        s = uow.session
        settings = get_settings(uow)
        scope = resolve_scope(s, unit_number, subunits=subunits, lang=lang)
        assert scope.unit_id is not None  # a unit plan is always for a unit
        report = gap.gap_report(
            uow,
            unit_id=scope.unit_id,
            subunits=scope.subunits,
            at=scope.at,
            window_days=settings.expiry_window_days,
        )
        goals = goals_of_people(s, people_in(s, scope), scope.at, statuses=OPEN_STATUSES, lang=lang)
        plan = plan_part(s, scope.unit_id, subunits=scope.subunits, at=scope.at)
        write_private_bytes(path, workbook_bytes(scope, report, goals, plan, settings.municipality, lang))
        people = report.summary.people
        record_export(
            s, uow.actor, "unit_plan", scope, format="xlsx", people=people, measures=len(plan.measures)
        )
        uow.commit()
        return UnitPlanWorkbookResult(path, people, len(plan.targets), len(plan.measures))


def workbook_bytes(
    scope: Scope,
    report: gap.GapReport,
    goals: Sequence[GoalRow],
    plan: PlanPart,
    municipality: str,
    lang: str,
) -> bytes:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = t("Sammendrag", "Summary")
    sheets = [
        (
            first,
            t("Kompetanseplan · nøkkeltall", "Competence plan · key figures"),
            *_summary(report, plan, t, lang),
        ),
        (None, t("Strategiområder", "Strategy areas"), *_areas(report.areas, t, lang)),
        (None, t("Kompetansemål", "Competence targets"), *_targets(plan, t, lang)),
        (None, t("Sårbarhet", "Vulnerability"), *_vulnerable(report.vulnerabilities, t, lang)),
        (
            None,
            t("Tiltak {year}", "Measures {year}").format(year=plan.year),
            *_measures(plan.measures, t, lang, evaluation=False),
        ),
        (
            None,
            t("Evaluering {year}", "Evaluation {year}").format(year=plan.year - 1),
            *_measures(plan.last_measures, t, lang, evaluation=True),
        ),
        (None, "10-FAKTOR", *_survey(plan, t, lang)),
        (None, t("Utviklingsmål", "Learning goals"), *_goals(goals, t, lang)),
    ]
    for ws, heading, headers, widths, formats, rows in sheets:
        sheet = ws if ws is not None else wb.create_sheet(heading[:31])
        list_sheet(sheet, scope, municipality, lang, heading, headers, widths, formats, rows)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


_Table = tuple[list[str], list[float], list[str | None], list[list[Any]]]
Words = Callable[[str, str], str]


def _summary(report: gap.GapReport, plan: PlanPart, t: Words, lang: str) -> _Table:
    s, budget, survey = report.summary, plan.budget, plan.survey
    rows: list[list[Any]] = [
        [t("Ansatte", "Employees"), s.people],
        [t("Krav", "Requirements"), s.requirements],
        [t("Krav oppfylt", "Requirements met"), s.met],
        [t("Andel oppfylt", "Share met"), format_share(s.share_met, lang)],
        [t("Snittavvik (prosentpoeng)", "Mean gap (percentage points)"), format_points(s.mean_gap, lang)],
        [t("Ikke vurdert", "Not assessed"), s.not_assessed],
        [t("Sårbare kompetanser", "Vulnerable competences"), s.vulnerable],
        [t("Kompetansemål", "Competence targets"), len(plan.targets)],
        [t("Kompetansemål oppfylt", "Competence targets met"), plan.targets_met],
        [t("Tiltak {year}", "Measures {year}").format(year=plan.year), len(plan.measures)],
        [t("Budsjett {year} (kr)", "Budget {year} (NOK)").format(year=plan.year), budget.budget],
        [t("Planlagt: tiltak (kr)", "Planned: measures (NOK)"), budget.planned_measures],
        [t("Planlagt: utviklingsmål (kr)", "Planned: learning goals (NOK)"), budget.planned_goals],
        [t("Brukt (kr)", "Spent (NOK)"), budget.spent],
        [t("Igjen å planlegge (kr)", "Left to plan (NOK)"), budget.remaining],
        [t("Finansiert utenfor budsjettet (kr)", "Funded outside the budget (NOK)"), budget.external],
    ]
    for factor in COMPETENCE_FACTORS:
        mean = survey.factor(factor).mean
        label = f"10-FAKTOR {survey.year} · {factor.numbered(lang)}" if survey.year else factor.numbered(lang)
        rows.append([label, "–" if mean is None else format_number(mean, 2, lang, keep_zeros=True)])
    return [t("Nøkkeltall", "Key figure"), t("Verdi", "Value")], [52, 16], [None, "#,##0"], rows


def _areas(areas: Sequence[gap.AreaScore], t: Words, lang: str) -> _Table:
    headers = [
        t("Rammeverk", "Framework"),
        t("Strategiområde", "Strategy area"),
        t("Krav", "Required"),
        t("Oppfylt", "Met"),
        t("Andel oppfylt", "Share met"),
        t("Snittavvik", "Mean gap"),
        t("Ikke vurdert", "Not assessed"),
    ]
    rows = [
        [
            a.framework_display(lang),
            a.label(lang),
            a.items,
            a.met,
            a.share_met,
            round_points(a.mean_gap),
            a.not_assessed,
        ]
        for a in areas
    ]
    formats = [None, None, "0", "0", styles.percent_format(lang), "0.0", "0"]
    return headers, [26, 44, 9, 9, 12, 11, 11], formats, rows


def _targets(plan: PlanPart, t: Words, lang: str) -> _Table:
    headers = [
        t("Enhetsnr", "Unit no."),
        t("Enhet", "Unit"),
        t("Kompetanse", "Competence"),
        t("Minst nivå", "At least"),
        t("Trenger", "Needed"),
        t("Har", "Have"),
        t("Mangler", "Short"),
        t("Status", "Status"),
        t("Innen", "By"),
        t("Begrunnelse", "Reason"),
    ]
    rows = [
        [
            x.unit_number,
            x.unit_name,
            x.subject_label(lang),
            x.level_label(lang),
            x.people_needed,
            x.have,
            x.short,
            x.state.label(lang),
            x.due_on,
            x.reason or "",
        ]
        for x in plan.targets
    ]
    formats = [None, None, None, None, "0", "0", "0", None, styles.date_format(lang), None]
    return headers, [10, 26, 36, 18, 9, 9, 9, 16, 12, 40], formats, rows


def _vulnerable(vulnerable: Sequence[gap.Vulnerability], t: Words, lang: str) -> _Table:
    headers = [
        t("Enhetsnr", "Unit no."),
        t("Enhet", "Unit"),
        t("Kompetanse", "Competence"),
        t("Hvorfor", "Why"),
        t("Trenger", "Needed"),
        t("Har", "Have"),
        t("Hvem", "Who"),
    ]
    rows = [
        [
            v.unit.number,
            v.unit.name,
            v.display_label(lang),
            v.reason(lang),
            v.needed,
            v.holder_count,
            ", ".join(v.holders) or t("ingen", "nobody"),
        ]
        for v in vulnerable
    ]
    return headers, [10, 26, 36, 30, 9, 9, 40], [None, None, None, None, "0", "0", None], rows


def _measures(measures: Sequence[MeasureView], t: Words, lang: str, *, evaluation: bool) -> _Table:
    headers = [
        t("Enhetsnr", "Unit no."),
        t("Tiltak", "Measure"),
        t("Type", "Kind"),
        t("Rettet mot", "Aimed at"),
        t("Ansvarlig", "Responsible"),
        t("Frist", "Due"),
        t("Kostnad (kr)", "Cost (NOK)"),
        t("Brukt (kr)", "Spent (NOK)"),
        t("Finansiering", "Funding"),
        t("Status", "Status"),
        t("Evaluering", "Evaluation"),
    ]
    rows = [
        [
            m.unit_number,
            m.title,
            m.kind.label(lang),
            m.aim(lang),
            m.responsible_name or "",
            m.due_on,
            m.cost_nok,
            m.spent_nok,
            m.funding.label(lang) if m.funding is not None else "",
            m.status.label(lang),
            m.evaluation or ("" if not evaluation else t("ikke evaluert", "not evaluated")),
        ]
        for m in measures
    ]
    formats = [None, None, None, None, None, styles.date_format(lang), "#,##0", "#,##0", None, None, None]
    return headers, [10, 34, 14, 34, 20, 12, 12, 12, 24, 14, 44], formats, rows


def _survey(plan: PlanPart, t: Words, lang: str) -> _Table:
    survey = plan.survey
    years = list(survey.years)
    headers = [
        t("Faktor", "Factor"),
        *(str(y) for y in years),
        t("Kommunen {year}", "Municipality {year}").format(year=survey.year or ""),
        t("Svar", "Answers"),
    ]
    rows: list[list[Any]] = []
    for factor in Factor:
        by_year = dict(survey.trend.get(factor, ()))
        rows.append(
            [
                factor.numbered(lang),
                *(by_year.get(y) for y in years),
                survey.factor(factor).municipality,
                survey.respondents,
            ]
        )
    formats: list[str | None] = [None, *([MEAN] * (len(years) + 1)), "0"]
    return headers, [36, *([10] * len(years)), 16, 9], formats, rows


def _goals(goals: Sequence[GoalRow], t: Words, lang: str) -> _Table:
    headers = [
        t("Ansattnr", "Employee no."),
        t("Ansatt", "Employee"),
        t("Aktivitet", "Activity"),
        t("Kompetanse", "Competence"),
        t("Type", "Type"),
        t("Frist", "Due"),
        t("Status", "Status"),
        t("Timer", "Hours"),
        t("Kostnad (kr)", "Cost (NOK)"),
    ]
    rows = [
        [
            g.employee_no,
            g.name,
            g.description,
            g.competence or "",
            g.activity,
            g.due_on,
            g.status,
            g.hours,
            g.cost_nok,
        ]
        for g in goals
    ]
    formats = [None, None, None, None, None, styles.date_format(lang), None, "0", "#,##0"]
    return headers, [12, 26, 40, 32, 16, 12, 12, 8, 12], formats, rows
