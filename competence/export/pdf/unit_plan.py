"""The unit competence plan ("Kompetanseplan for enheten"): key figures, the
strategy-area coverage (chart and table), the unit heatmap, vulnerable competences, planned
learning activities with hours and cost, and expiring certificates. Figures from competence.gap.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import NextPageTemplate

from competence import gap
from competence.export.activities import OPEN_STATUSES, GoalRow, goals_of_people
from competence.export.pdf import theme
from competence.export.pdf.concat import DocInfo
from competence.export.pdf.fasttable import Section
from competence.export.pdf.fonts import register_fonts
from competence.export.pdf.radar import area_chart
from competence.export.pdf.unit_plan_planning import factor_line, planning_sections
from competence.export.results import UnitPlanResult
from competence.export.scope import Scope, people_in, record_export, resolve_scope
from competence.files import write_private_bytes
from competence.language import normalise_language, pick
from competence.numbers import format_int, format_percent, format_points, format_share
from competence.planning.document import PlanPart, plan_part
from competence.settings import RegisterSettings, get_settings
from competence.uow import UnitOfWork
from db.codes import CertificateStatus

TITLE = "Kompetanseplan for enheten"
TITLE_EN = "Unit competence plan"
UNITS_PER_TABLE = 6


def export_unit_plan(
    uow: UnitOfWork, unit_number: str, path: Path, *, subunits: bool = True, lang: str = "nb"
) -> UnitPlanResult:
    with uow.snapshot():
        s = uow.session
        settings = get_settings(uow)
        scope = resolve_scope(s, unit_number, subunits=subunits, lang=lang)
        report = gap.gap_report(
            uow,
            unit_id=scope.unit_id,
            subunits=scope.subunits,
            at=scope.at,
            window_days=settings.expiry_window_days,
        )
        goals = goals_of_people(s, people_in(s, scope), scope.at, statuses=OPEN_STATUSES, lang=lang)
        assert scope.unit_id is not None  # a unit plan is always for a unit
        plan = plan_part(s, scope.unit_id, subunits=scope.subunits, at=scope.at)
        pdf, pages = render_unit_plan(scope, report, goals, plan, settings, lang=lang)
        write_private_bytes(path, pdf)
        record_export(
            s, uow.actor, "unit_plan", scope, pages=pages, people=report.summary.people, activities=len(goals)
        )
        uow.commit()
        return UnitPlanResult(path, pages, report.summary.people, len(goals))


class _Words:
    """The plan's texts in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = normalise_language(lang)

    def __call__(self, nb: str, en: str) -> str:
        return pick(self.lang, nb, en)


def render_unit_plan(
    scope: Scope,
    report: gap.GapReport,
    goals: Sequence[GoalRow],
    plan: PlanPart,
    settings: RegisterSettings,
    *,
    lang: str = "nb",
) -> tuple[bytes, int]:
    t = _Words(lang)
    register_fonts()
    buffer = io.BytesIO()
    title = t(TITLE, TITLE_EN)
    info = DocInfo(
        f"{title} – {scope.label}",
        settings.municipality,
        t(
            "Kompetanseplan {date}: dekning, avvik, sårbarhet og tiltak",
            "Competence plan {date}: coverage, gaps, vulnerability and measures",
        ).format(date=theme.date_text(scope.at, t.lang)),
    )
    doc = theme.document(buffer, info, settings.municipality, theme.logo_reader(settings.logo_bytes), t.lang)
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Spacer(1, 6 * mm),
        Paragraph(title, theme.TITLE),
        Paragraph(f"{_escape(scope.label)} · {theme.date_text(scope.at, t.lang)}", theme.SUBTITLE),
        Spacer(1, 4 * mm),
        _key_figures(report.summary, goals, plan, t),
        Spacer(1, 3 * mm),
        Paragraph(_intro(plan, t), theme.BODY),
    ]
    targets, measures, evaluation = planning_sections(plan, t.lang)
    story += _areas(report.areas, t)
    story += targets
    story += _heatmap(report.heatmap, t)
    story += _vulnerable(report.vulnerabilities, t)
    story += measures
    story += evaluation
    story += _activities(goals, t)
    story += _certificates(report.certificates, settings.expiry_window_days, t)
    doc.build(
        story,
        canvasmaker=theme.numbered_canvas([f"{title} · {scope.label} · {settings.municipality}"], t.lang),
    )
    return buffer.getvalue(), doc.page


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _share_colour(share: float) -> Any:
    return theme.MET_BG if share >= 0.9 else theme.NEAR_BG if share >= 0.6 else theme.GAP_BG


def _intro(plan: PlanPart, t: _Words) -> str:
    return t(
        "Planen går fra kommunens strategi til det enheten trenger: strategiområdene enheten arbeider med, "
        "kompetansen som kreves og hvor mange som skal ha den, status og avvik, tiltakene for {year} med "
        "budsjett, resultatene fra 10-FAKTOR og evalueringen av fjorårets tiltak.",
        "The plan goes from the municipality's strategy to what the unit needs: the strategy areas the unit "
        "works on, the competence required and how many should hold it, status and gaps, the measures for "
        "{year} with their budget, the 10-FAKTOR results and the evaluation of last year's measures.",
    ).format(year=plan.year)


def _key_figures(figures: gap.GapSummary, goals: Sequence[GoalRow], plan: PlanPart, t: _Words) -> Table:
    lang = t.lang
    hours = sum(g.hours or 0 for g in goals)
    cost = sum(g.cost_nok or 0 for g in goals)
    cells = [
        (t("Ansatte", "Employees"), format_int(figures.people, lang)),
        (
            t("Krav oppfylt", "Requirements met"),
            t("{share} ({met} av {total})", "{share} ({met} of {total})").format(
                share=format_share(figures.share_met, lang),
                met=format_int(figures.met, lang),
                total=format_int(figures.requirements, lang),
            ),
        ),
        (
            t("Snittavvik", "Mean gap"),
            t("{gap} prosentpoeng", "{gap} percentage points").format(
                gap=format_points(figures.mean_gap, lang)
            ),
        ),
        (t("Ikke vurdert", "Not assessed"), format_int(figures.not_assessed, lang)),
        (t("Sårbare kompetanser", "Vulnerable competences"), format_int(figures.vulnerable, lang)),
        (
            t("Sertifikater", "Certificates"),
            t("{expiring} utløper, {expired} utløpt", "{expiring} expiring, {expired} expired").format(
                expiring=format_int(figures.expiring, lang), expired=format_int(figures.expired, lang)
            ),
        ),
        (
            t("Utviklingsmål", "Learning goals"),
            t("{count} ({hours} timer, {cost} kr)", "{count} ({hours} hours, NOK {cost})").format(
                count=format_int(len(goals), lang), hours=format_int(hours, lang), cost=format_int(cost, lang)
            ),
        ),
        (
            t("Kompetansemål", "Competence targets"),
            t("{met} av {total} oppfylt", "{met} of {total} met").format(
                met=format_int(plan.targets_met, lang), total=format_int(len(plan.targets), lang)
            ),
        ),
        (
            t("Tiltak {year}", "Measures {year}").format(year=plan.year),
            t("{count}, planlagt {planned} kr", "{count}, planned NOK {planned}").format(
                count=format_int(len(plan.measures), lang), planned=format_int(plan.budget.planned, lang)
            ),
        ),
        (
            t("Budsjett {year}", "Budget {year}").format(year=plan.year),
            t("ikke satt", "not set")
            if plan.budget.budget is None
            else t("{n} kr", "NOK {n}").format(n=format_int(plan.budget.budget, lang)),
        ),
        (t("10-FAKTOR, faktor 4 og 7", "10-FAKTOR, factors 4 and 7"), factor_line(plan.survey, lang)),
        ("", ""),
    ]
    rows = [[cells[i][0], cells[i][1], cells[i + 1][0], cells[i + 1][1]] for i in range(0, len(cells), 2)]
    w = theme.FRAME_WIDTH
    return theme.facts(rows, [w * 0.25, w * 0.25, w * 0.25, w * 0.25])


def _areas(areas: Sequence[gap.AreaScore], t: _Words) -> list[Flowable]:
    lang = t.lang
    out: list[Flowable] = [Paragraph(t("Strategiområder", "Strategy areas"), theme.H2)]
    if not areas:
        out.append(
            Paragraph(
                t("Ingen kompetansekrav i enheten.", "No competence requirements in the unit."), theme.NOTE
            )
        )
        return out
    labels = [a.label(lang) for a in areas]
    chart = area_chart(
        labels,
        [a.required_mean for a in areas],
        [a.current_mean for a in areas],
        width=theme.FRAME_WIDTH,
        height=80 * mm,
        lang=lang,
    )
    out.append(chart.flowable())
    widths = [66 * mm, 18 * mm, 16 * mm, 18 * mm, 24 * mm, theme.FRAME_WIDTH - 142 * mm]
    rows = [
        [
            t("Strategiområde", "Strategy area"),
            t("Krav", "Required"),
            t("Oppfylt", "Met"),
            t("Andel", "Share"),
            t("Snittavvik", "Mean gap"),
            t("Ikke vurdert", "Not assessed"),
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    for i, (label, a) in enumerate(zip(labels, areas, strict=True), start=1):
        rows.append(
            [
                theme.wrap(chart.key_label(i - 1, label), widths[0]),
                format_int(a.items, lang),
                format_int(a.met, lang),
                format_share(a.share_met, lang),
                format_points(a.mean_gap, lang),
                format_int(a.not_assessed, lang),
            ]
        )
        bg[(3, i)] = _share_colour(a.share_met)
    out.append(theme.table(rows, widths, backgrounds=bg, right=(1, 2, 3, 4, 5)))
    out.append(
        Paragraph(
            t(
                "Snittavvik i prosentpoeng av skalaen; hver person og kompetanse telles én gang.",
                "Mean gap in percentage points of the scale; each person and competence counted once.",
            ),
            theme.SMALL,
        )
    )
    return out


def _heatmap(heat: gap.Heatmap, t: _Words) -> list[Flowable]:
    lang = t.lang
    out: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph(
            t("Kompetansekart: andel som oppfyller kravet", "Competence map: share meeting the requirement"),
            theme.H2,
        ),
    ]
    if not heat.competences:
        out.append(
            Paragraph(
                t("Ingen kompetansekrav i enheten.", "No competence requirements in the unit."), theme.NOTE
            )
        )
        return out
    units = [u for u in heat.units if any((u.id, c.id) in heat.cells for c in heat.competences)]
    groups = [units[i : i + UNITS_PER_TABLE] for i in range(0, len(units), UNITS_PER_TABLE)] or [[]]
    name_w = 62 * mm
    critical = t(" (kritisk)", " (critical)")
    not_assessed = t("{count} ikke vurd.", "{count} not assessed")
    for group in groups:
        col_w = (theme.FRAME_WIDTH - name_w) / (len(group) + 1)
        header = [
            t("Kompetanse", "Competence"),
            *(theme.wrap(f"{u.number} {u.name}", col_w, bold=True) for u in group),
            t("Totalt", "Total"),
        ]
        rows: list[Sequence[str] | Section] = [header]
        bg: dict[tuple[int, int], Any] = {}
        area: int | None = None
        for comp in heat.competences:
            if comp.area_id != area:
                area = comp.area_id
                rows.append(Section(comp.area_label(lang)))
            row = [theme.wrap(comp.display_label(lang) + (critical if comp.critical else ""), name_w)]
            r = len(rows)
            cells = [heat.cell(u.id, comp.id) for u in group] + [heat.totals.get(comp.id)]
            for k, cell in enumerate(cells, start=1):
                if cell is None or cell.people == 0:
                    row.append("–")
                    continue
                text = format_share(cell.share_met, lang)
                if cell.not_assessed:
                    text += "\n" + theme.wrap(not_assessed.format(count=cell.not_assessed), col_w)
                row.append(text)
                bg[(k, r)] = _share_colour(cell.share_met)
            rows.append(row)
        out.append(
            theme.table(
                rows, [name_w] + [col_w] * (len(group) + 1), backgrounds=bg, right=range(1, len(group) + 2)
            )
        )
        out.append(Spacer(1, 3 * mm))
    out.append(
        Paragraph(
            t(
                "Grønn: minst {high} oppfyller kravet · gul: {low}–{below} · rød: under {low}. "
                "Ikke vurdert teller som ikke oppfylt.",
                "Green: at least {high} meet the requirement · yellow: {low}–{below} · red: below {low}. "
                "Not assessed counts as not met.",
            ).format(
                high=format_percent(90, 0, lang),
                low=format_percent(60, 0, lang),
                below=format_percent(89, 0, lang),
            ),
            theme.SMALL,
        )
    )
    return out


def _vulnerable(vulnerable: Sequence[gap.Vulnerability], t: _Words) -> list[Flowable]:
    lang = t.lang
    out: list[Flowable] = [
        CondPageBreak(30 * mm),
        Paragraph(t("Sårbare kompetanser", "Vulnerable competences"), theme.H2),
    ]
    if not vulnerable:
        out.append(
            Paragraph(
                t(
                    "Ingen mål mangler folk, og ingen kritisk kompetanse som kreves av flere står på én "
                    "person eller ingen.",
                    "No target is short, and no critical competence required of several rests on one "
                    "person or nobody.",
                ),
                theme.NOTE,
            )
        )
        return out
    widths = [40 * mm, 44 * mm, 36 * mm, 17 * mm, theme.FRAME_WIDTH - 137 * mm]
    rows = [
        [
            t("Enhet", "Unit"),
            t("Kompetanse", "Competence"),
            t("Hvorfor", "Why"),
            t("Mangler", "Short"),
            t("Hvem har den", "Who holds it"),
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    for i, v in enumerate(vulnerable, start=1):
        rows.append(
            [
                theme.wrap(f"{v.unit.number} {v.unit.name}", widths[0]),
                theme.wrap(v.display_label(lang), widths[1]),
                theme.wrap(v.reason(lang), widths[2]),
                format_int(v.short, lang),
                theme.wrap(", ".join(v.holders) or t("ingen", "nobody"), widths[4]),
            ]
        )
        bg[(3, i)] = theme.GAP_BG if v.holder_count == 0 else theme.NEAR_BG
    out.append(theme.table(rows, widths, backgrounds=bg, right=(3,)))
    out.append(
        Paragraph(
            t(
                "Sårbar: under et mål enheten har satt, eller, uten mål, en kritisk kompetanse som kreves "
                "av flere enn én og som bare én eller ingen har.",
                "Vulnerable: short of a target the unit has set, or, without a target, a critical "
                "competence required of more than one person that one person or nobody holds.",
            ),
            theme.SMALL,
        )
    )
    return out


def _activities(goals: Sequence[GoalRow], t: _Words) -> list[Flowable]:
    lang = t.lang
    out: list[Flowable] = [
        CondPageBreak(30 * mm),
        Paragraph(t("Planlagte læringsaktiviteter", "Planned learning activities"), theme.H2),
    ]
    if not goals:
        out.append(
            Paragraph(
                t("Ingen planlagte eller pågående utviklingsmål.", "No planned or ongoing learning goals."),
                theme.NOTE,
            )
        )
        return out
    widths = [32 * mm, 44 * mm, 26 * mm, 20 * mm, 16 * mm, 12 * mm, theme.FRAME_WIDTH - 150 * mm]
    cost_header = t("Kostnad (kr)", "Cost (NOK)")
    rows = [
        [
            t("Ansatt", "Employee"),
            t("Aktivitet", "Activity"),
            t("Type", "Type"),
            t("Frist", "Due"),
            t("Status", "Status"),
            t("Timer", "Hours"),
            cost_header,
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    for i, g in enumerate(goals, start=1):
        rows.append(
            [
                theme.wrap(g.name, widths[0]),
                theme.wrap(g.description + (f" ({g.competence})" if g.competence else ""), widths[1]),
                theme.wrap(g.activity, widths[2]),
                theme.date_text(g.due_on, lang),
                theme.wrap(g.status, widths[4]),
                format_int(g.hours, lang) if g.hours is not None else "",
                format_int(g.cost_nok, lang) if g.cost_nok is not None else "",
            ]
        )
        if g.overdue:
            bg[(3, i)] = theme.GAP_BG
    total_hours = sum(g.hours or 0 for g in goals)
    total_cost = sum(g.cost_nok or 0 for g in goals)
    rows.append(
        [t("Sum", "Total"), "", "", "", "", format_int(total_hours, lang), format_int(total_cost, lang)]
    )
    out.append(theme.table(rows, widths, backgrounds=bg, right=(5, 6), bold_rows=(len(rows) - 1,)))
    by_type: dict[str, list[float]] = {}
    for g in goals:
        acc = by_type.setdefault(g.activity, [0, 0.0, 0.0])
        acc[0] += 1
        acc[1] += g.hours or 0
        acc[2] += g.cost_nok or 0
    out.append(Spacer(1, 3 * mm))
    type_rows = [
        [t("Type aktivitet", "Type of activity"), t("Antall", "Count"), t("Timer", "Hours"), cost_header]
    ] + [
        [name, format_int(n, lang), format_int(h, lang), format_int(c, lang)]
        for name, (n, h, c) in sorted(by_type.items())
    ]
    out.append(theme.table(type_rows, [60 * mm, 20 * mm, 20 * mm, 30 * mm], right=(1, 2, 3)))
    return out


def _certificates(alerts: Sequence[gap.CertificateAlert], window: int, t: _Words) -> list[Flowable]:
    lang = t.lang
    out: list[Flowable] = [
        CondPageBreak(30 * mm),
        Paragraph(
            t(
                "Sertifikater som utløper innen {days} dager eller er utløpt",
                "Certificates expiring within {days} days or expired",
            ).format(days=window),
            theme.H2,
        ),
    ]
    if not alerts:
        out.append(Paragraph(t("Ingen.", "None."), theme.NOTE))
        return out
    widths = [40 * mm, 48 * mm, 50 * mm, 20 * mm, theme.FRAME_WIDTH - 158 * mm]
    rows = [
        [
            t("Ansatt", "Employee"),
            t("Enhet", "Unit"),
            t("Kurs / sertifikat", "Course / certificate"),
            t("Gyldig til", "Valid until"),
            t("Status", "Status"),
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    for i, a in enumerate(alerts, start=1):
        rows.append(
            [
                theme.wrap(a.name, widths[0]),
                theme.wrap(a.units, widths[1]),
                theme.wrap(a.certificate, widths[2]),
                theme.date_text(a.valid_until, lang),
                t("Utløpt", "Expired")
                if a.status == CertificateStatus.EXPIRED
                else t("{days} dager", "{days} days").format(days=a.days_left),
            ]
        )
        bg[(4, i)] = theme.GAP_BG if a.status == CertificateStatus.EXPIRED else theme.NEAR_BG
    out.append(theme.table(rows, widths, backgrounds=bg))
    return out
