"""The planning sections of the unit's competence plan (docs/planning.md, "The unit's competence
plan"): the competence targets with have / need / short, this year's measures under the competence
budget, the unit's 10-FAKTOR results beside the municipality's, and the evaluation of last year's
measures. Texts in both languages; numbers through competence/numbers.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from competence.export.pdf import theme
from competence.language import pick
from competence.numbers import format_int, format_number
from competence.planning.budget import BudgetFigures
from competence.planning.document import PlanPart
from competence.planning.measures import MeasureView
from competence.planning.targets import TargetStatus
from competence.tenfactor.results import SurveyView
from db.codes import COMPETENCE_FACTORS, Funding, MeasureStatus, TargetState

Words = Callable[[str, str], str]

STATE_BG = {
    TargetState.MET: theme.MET_BG,
    TargetState.SHORT: theme.NEAR_BG,
    TargetState.OVERDUE: theme.GAP_BG,
}


def kroner(value: int | None, lang: str) -> str:
    return "" if value is None else format_int(value, lang)


def mean(value: float | None, lang: str) -> str:
    """A 10-FAKTOR mean with two decimals, as the survey writes them."""
    return "–" if value is None else format_number(value, 2, lang, keep_zeros=True)


def heading(text: str) -> list[Flowable]:
    return [CondPageBreak(30 * mm), Paragraph(text, theme.H2)]


def note(text: str) -> Paragraph:
    return Paragraph(text, theme.NOTE)


def targets_section(targets: Sequence[TargetStatus], t: Words, lang: str) -> list[Flowable]:
    out = heading(t("Kompetansemål", "Competence targets"))
    if not targets:
        out.append(
            note(
                t(
                    "Enheten har ikke satt mål for hvor mange som skal ha en kompetanse (Planlegging).",
                    "The unit has set no targets for how many should hold a competence (Planning).",
                )
            )
        )
        return out
    widths = [30 * mm, 42 * mm, 22 * mm, 15 * mm, 11 * mm, 24 * mm, theme.FRAME_WIDTH - 144 * mm]
    rows: list[Sequence[str]] = [
        [
            t("Enhet", "Unit"),
            t("Kompetanse", "Competence"),
            t("Minst nivå", "At least"),
            t("Trenger", "Needed"),
            t("Har", "Have"),
            t("Status", "Status"),
            t("Begrunnelse", "Reason"),
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    for i, target in enumerate(targets, start=1):
        state = target.state.label(lang)
        if target.short:
            state = f"{state} ({format_int(target.short, lang)})"
        if target.due_on is not None:
            state += "\n" + t("innen {date}", "by {date}").format(date=theme.date_text(target.due_on, lang))
        rows.append(
            [
                theme.wrap(target.unit_label, widths[0]),
                theme.wrap(target.subject_label(lang), widths[1]),
                theme.wrap(target.level_label(lang), widths[2]),
                format_int(target.people_needed, lang),
                format_int(target.have, lang),
                theme.wrap(state, widths[5]),
                theme.wrap(target.reason, widths[6]),
            ]
        )
        bg[(5, i)] = STATE_BG[target.state]
    out.append(theme.table(rows, widths, backgrounds=bg, right=(3, 4)))
    out.append(
        Paragraph(
            t(
                "Har: personer i enheten og enhetene under den som har kompetansen på nivået eller høyere "
                "(for kurs og sertifikater: et gyldig bevis), eller kvalifikasjonen, gyldig på datoen (en "
                "dispensasjon teller ikke).",
                "Have: people of the unit and the units below it holding the competence at the level or "
                "higher (for courses and certificates: a valid certificate), or the qualification, valid "
                "on the date (a dispensation does not count).",
            ),
            theme.SMALL,
        )
    )
    return out


def _measure_rows(
    measures: Sequence[MeasureView], widths: Sequence[float], t: Words, lang: str, *, evaluation: bool
) -> list[Sequence[str]]:
    header = [
        t("Tiltak", "Measure"),
        t("Type", "Kind"),
        t("Rettet mot", "Aimed at"),
        t("Ansvarlig", "Responsible"),
        t("Frist", "Due"),
        t("Kostnad", "Cost"),
        t("Status", "Status"),
    ]
    if evaluation:
        header[3:5] = [t("Brukt", "Spent")]
        header.append(t("Evaluering", "Evaluation"))
    rows: list[Sequence[str]] = [header]
    for m in measures:
        title = m.title + (f" ({m.unit_number})" if m.unit_number else "")
        if m.funding is not None and m.funding is not Funding.UNIT_BUDGET:
            title += "\n" + m.funding.label(lang)
        row = [
            theme.wrap(title, widths[0]),
            theme.wrap(m.kind.label(lang), widths[1]),
            theme.wrap(m.aim(lang), widths[2]),
        ]
        if evaluation:
            row.append(kroner(m.spent_nok, lang))
        else:
            row += [theme.wrap(m.responsible_name, widths[3]), theme.date_text(m.due_on, lang)]
        row += [kroner(m.cost_nok, lang), theme.wrap(m.status.label(lang), widths[len(row) + 1])]
        if evaluation:
            row.append(theme.wrap(m.evaluation or t("ikke evaluert", "not evaluated"), widths[-1]))
        rows.append(row)
    return rows


def budget_facts(budget: BudgetFigures, t: Words, lang: str) -> Flowable:
    def money(value: int | None) -> str:
        return (
            t("ikke satt", "not set")
            if value is None
            else t("{n} kr", "NOK {n}").format(n=kroner(value, lang))
        )

    left = budget.remaining
    cells = [
        (t("Budsjett {year}", "Budget {year}").format(year=budget.year), money(budget.budget)),
        (t("Planlagt", "Planned"), money(budget.planned)),
        (t("herav tiltak", "of which measures"), money(budget.planned_measures)),
        (t("herav utviklingsmål", "of which learning goals"), money(budget.planned_goals)),
        (t("Brukt", "Spent"), money(budget.spent)),
        (
            t("Over budsjettet", "Over the budget")
            if budget.over_budget
            else t("Igjen å planlegge", "Left to plan"),
            money(None if left is None else abs(left)),
        ),
        (t("Finansiert utenfor budsjettet", "Funded outside the budget"), money(budget.external)),
        ("", ""),
    ]
    rows = [[cells[i][0], cells[i][1], cells[i + 1][0], cells[i + 1][1]] for i in range(0, len(cells), 2)]
    w = theme.FRAME_WIDTH
    return theme.facts(rows, [w * 0.32, w * 0.18, w * 0.32, w * 0.18])


def measures_section(plan: PlanPart, t: Words, lang: str) -> list[Flowable]:
    out = heading(t("Tiltak og budsjett {year}", "Measures and budget {year}").format(year=plan.year))
    out.append(budget_facts(plan.budget, t, lang))
    out.append(Spacer(1, 3 * mm))
    if not plan.measures:
        out.append(note(t("Ingen tiltak for året ennå.", "No measures for the year yet.")))
        return out
    widths = [38 * mm, 18 * mm, 38 * mm, 26 * mm, 20 * mm, 16 * mm, theme.FRAME_WIDTH - 156 * mm]
    rows = _measure_rows(plan.measures, widths, t, lang, evaluation=False)
    bg = {(4, i): theme.GAP_BG for i, m in enumerate(plan.measures, start=1) if m.overdue(plan.at)}
    out.append(theme.table(rows, widths, backgrounds=bg, right=(5,)))
    out.append(
        Paragraph(
            t(
                "Planlagt: tiltak betalt av enhetens budsjett (ikke avlyste) og utviklingsmålene til "
                "enhetens ansatte med frist i året. Kostnader i kroner.",
                "Planned: measures paid from the unit's budget (not cancelled) and the learning goals of "
                "the unit's people due in the year. Costs in NOK.",
            ),
            theme.SMALL,
        )
    )
    return out


def evaluation_section(plan: PlanPart, t: Words, lang: str) -> list[Flowable]:
    last = plan.year - 1
    out = heading(
        t("Evaluering av tiltakene i {year}", "Evaluation of the measures of {year}").format(year=last)
    )
    if not plan.last_measures:
        out.append(
            note(
                t("Enheten hadde ingen tiltak i {year}.", "The unit had no measures in {year}.").format(
                    year=last
                )
            )
        )
        return out
    done = sum(1 for m in plan.last_measures if m.status is MeasureStatus.DONE)
    out.append(
        Paragraph(
            t(
                "{done} av {total} tiltak gjennomført. Budsjett {budget}, planlagt {planned}, "
                "brukt {spent} kr.",
                "{done} of {total} measures done. Budget {budget}, planned {planned}, spent NOK {spent}.",
            ).format(
                done=format_int(done, lang),
                total=format_int(len(plan.last_measures), lang),
                budget=t("ikke satt", "not set")
                if plan.last_budget.budget is None
                else kroner(plan.last_budget.budget, lang),
                planned=kroner(plan.last_budget.planned, lang),
                spent=kroner(plan.last_budget.spent, lang),
            ),
            theme.BODY,
        )
    )
    out.append(Spacer(1, 2 * mm))
    widths = [34 * mm, 16 * mm, 36 * mm, 16 * mm, 16 * mm, 20 * mm, theme.FRAME_WIDTH - 138 * mm]
    rows = _measure_rows(plan.last_measures, widths, t, lang, evaluation=True)
    bg = {
        (5, i): theme.MET_BG if m.status is MeasureStatus.DONE else theme.NEAR_BG
        for i, m in enumerate(plan.last_measures, start=1)
    }
    out.append(theme.table(rows, widths, backgrounds=bg, right=(3, 4)))
    return out


def survey_section(survey: SurveyView, t: Words, lang: str) -> list[Flowable]:
    out = heading(t("10-FAKTOR", "10-FAKTOR"))
    if not survey.has_results:
        out.append(
            note(
                t(
                    "Ingen 10-FAKTOR-resultater for enheten. Grupper med færre enn {minimum} svar blir aldri "
                    "lest inn eller vist.",
                    "No 10-FAKTOR results for the unit. Groups with fewer than {minimum} answers are never "
                    "read or shown.",
                ).format(minimum=survey.minimum)
            )
        )
        return out
    intro = t(
        "Medarbeiderundersøkelsen {year}, {count} svar", "The employee survey {year}, {count} answers"
    ).format(year=survey.year, count=format_int(survey.respondents or 0, lang))
    if survey.computed:
        intro += t(" (beregnet fra enhetene under)", " (computed from the units below)")
    out.append(Paragraph(intro + ".", theme.BODY))
    out.append(Spacer(1, 2 * mm))
    widths = [70 * mm, 24 * mm, 30 * mm, 30 * mm, theme.FRAME_WIDTH - 154 * mm]
    previous = str(survey.previous_year) if survey.previous_year else t("året før", "the year before")
    rows: list[Sequence[str]] = [
        [
            t("Faktor", "Factor"),
            str(survey.year),
            t("Kommunen", "Municipality"),
            t("Endring fra {year}", "Change from {year}").format(year=previous),
            t("Mot kommunen", "Against the municipality"),
        ]
    ]
    bold = []
    for i, f in enumerate(survey.factors, start=1):
        change = "" if f.change is None else ("+" if f.change > 0 else "") + mean(f.change, lang)
        diff = "" if f.difference is None else ("+" if f.difference > 0 else "") + mean(f.difference, lang)
        rows.append([f.factor.numbered(lang), mean(f.mean, lang), mean(f.municipality, lang), change, diff])
        if f.factor in COMPETENCE_FACTORS:
            bold.append(i)
    out.append(theme.table(rows, widths, right=(1, 2, 3, 4), bold_rows=bold))
    out.append(
        Paragraph(
            t(
                "Snitt på skalaen 1–5. Faktor 4 (bruk av kompetanse) og 7 (relevant kompetanseutvikling), "
                "uthevet, hører sammen med kompetansetallene. Bare resultater per enhet med minst {minimum} "
                "svar lagres, aldri svar fra den enkelte.",
                "Means on the 1–5 scale. Factors 4 (use of competence) and 7 (relevant competence "
                "development), in bold, go with the competence figures. Only unit results with at least "
                "{minimum} answers are stored, never a person's answers.",
            ).format(minimum=survey.minimum),
            theme.SMALL,
        )
    )
    return out


def factor_line(survey: SurveyView, lang: str) -> str:
    """ "4: 4,10 · 7: 3,85 (2025)" for the key figures, or "–"."""
    if not survey.has_results:
        return "–"
    parts = [f"{int(f)}: {mean(survey.factor(f).mean, lang)}" for f in COMPETENCE_FACTORS]
    return " · ".join(parts) + f" ({survey.year})"


def planning_sections(plan: PlanPart, lang: str) -> tuple[list[Flowable], list[Flowable], list[Flowable]]:
    """(targets, measures and budget with the 10-FAKTOR results, last year's evaluation)."""

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    return (
        targets_section(plan.targets, t, lang),
        measures_section(plan, t, lang) + survey_section(plan.survey, t, lang),
        evaluation_section(plan, t, lang),
    )
