"""The unit competence plan ("Kompetanseplan for enheten", issue 4, point 6): key figures, the
strategy-area coverage (chart and table), the unit heatmap, vulnerable competences, planned
learning activities with hours and cost, and expiring certificates. Figures from competence.gap.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
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
from competence.export.scope import Scope, people_in, record_export, resolve_scope
from competence.files import write_private_bytes
from competence.settings import RegisterSettings, get_settings
from competence.uow import UnitOfWork

TITLE = "Kompetanseplan for enheten"
UNITS_PER_TABLE = 6


@dataclass(frozen=True)
class UnitPlanResult:
    path: Path
    pages: int
    people: int
    activities: int


def export_unit_plan(
    uow: UnitOfWork, unit_number: str, path: Path, *, subunits: bool = True
) -> UnitPlanResult:
    settings = get_settings(uow)
    with uow:
        scope = resolve_scope(uow.session, unit_number, subunits=subunits)
    report = gap.gap_report(
        uow,
        unit_id=scope.unit_id,
        subunits=scope.subunits,
        at=scope.at,
        window_days=settings.expiry_window_days,
    )
    with uow:
        s = uow.session
        goals = goals_of_people(s, people_in(s, scope), scope.at, statuses=OPEN_STATUSES)
        pdf, pages = render_unit_plan(scope, report, goals, settings)
        write_private_bytes(path, pdf)
        record_export(
            s, uow.actor, "unit_plan", scope, pages=pages, people=report.summary.people, activities=len(goals)
        )
        uow.commit()
        return UnitPlanResult(path, pages, report.summary.people, len(goals))


def render_unit_plan(
    scope: Scope, report: gap.GapReport, goals: Sequence[GoalRow], settings: RegisterSettings
) -> tuple[bytes, int]:
    register_fonts()
    buffer = io.BytesIO()
    info = DocInfo(
        f"{TITLE} – {scope.label}",
        settings.municipality,
        f"Kompetanseplan {theme.norwegian_date(scope.at)}: dekning, avvik, sårbarhet og tiltak",
    )
    doc = theme.document(buffer, info, settings.municipality, theme.logo_reader(settings.logo_bytes))
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Spacer(1, 6 * mm),
        Paragraph(TITLE, theme.TITLE),
        Paragraph(f"{_escape(scope.label)} · {theme.norwegian_date(scope.at)}", theme.SUBTITLE),
        Spacer(1, 4 * mm),
        _key_figures(report.summary, goals),
    ]
    story += _areas(report.areas)
    story += _heatmap(report.heatmap)
    story += _vulnerable(report.vulnerabilities)
    story += _activities(goals)
    story += _certificates(report.certificates, settings.expiry_window_days)
    doc.build(
        story, canvasmaker=theme.numbered_canvas([f"{TITLE} · {scope.label} · {settings.municipality}"])
    )
    return buffer.getvalue(), doc.page


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _share_colour(share: float) -> Any:
    return theme.MET_BG if share >= 0.9 else theme.NEAR_BG if share >= 0.6 else theme.GAP_BG


def _key_figures(figures: gap.GapSummary, goals: Sequence[GoalRow]) -> Table:
    hours = sum(g.hours or 0 for g in goals)
    cost = sum(g.cost_nok or 0 for g in goals)
    cells = [
        ("Ansatte", str(figures.people)),
        ("Krav oppfylt", f"{figures.share_met * 100:.0f} % ({figures.met} av {figures.requirements})"),
        ("Snittavvik", f"{figures.mean_gap:.1f} prosentpoeng".replace(".", ",")),
        ("Ikke vurdert", str(figures.not_assessed)),
        ("Sårbare kompetanser", str(figures.vulnerable)),
        ("Sertifikater", f"{figures.expiring} utløper, {figures.expired} utløpt"),
        ("Planlagte tiltak", f"{len(goals)} ({theme.number(hours, 0)} timer)"),
        ("Kostnad for tiltak", f"{theme.number(cost, 0)} kr"),
    ]
    rows = [[cells[i][0], cells[i][1], cells[i + 1][0], cells[i + 1][1]] for i in range(0, len(cells), 2)]
    w = theme.FRAME_WIDTH
    return theme.facts(rows, [w * 0.25, w * 0.25, w * 0.25, w * 0.25])


def _area_label(code: str | None, name: str) -> str:
    return f"{code} {name}" if code and not name.startswith(code) else name


def _areas(areas: Sequence[gap.AreaScore]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Strategiområder", theme.H2)]
    if not areas:
        out.append(Paragraph("Ingen kompetansekrav i enheten.", theme.NOTE))
        return out
    labels = [_area_label(a.area_code, a.area_name) for a in areas]
    out.append(
        area_chart(
            labels,
            [a.required_mean for a in areas],
            [a.current_mean for a in areas],
            width=theme.FRAME_WIDTH,
            height=80 * mm,
        )
    )
    widths = [70 * mm, 16 * mm, 16 * mm, 20 * mm, 24 * mm, theme.FRAME_WIDTH - 146 * mm]
    rows = [["Strategiområde", "Krav", "Oppfylt", "Andel", "Snittavvik", "Ikke vurdert"]]
    bg: dict[tuple[int, int], Any] = {}
    for i, (label, a) in enumerate(zip(labels, areas, strict=True), start=1):
        rows.append(
            [
                theme.wrap(label, widths[0]),
                str(a.items),
                str(a.met),
                f"{a.share_met * 100:.0f} %",
                f"{a.mean_gap:.1f}".replace(".", ","),
                str(a.not_assessed),
            ]
        )
        bg[(3, i)] = _share_colour(a.share_met)
    out.append(theme.table(rows, widths, backgrounds=bg, right=(1, 2, 3, 4, 5)))
    out.append(
        Paragraph(
            "Snittavvik i prosentpoeng av skalaen; hver person og kompetanse telles én gang.", theme.SMALL
        )
    )
    return out


def _heatmap(heat: gap.Heatmap) -> list[Flowable]:
    out: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph("Kompetansekart: andel som oppfyller kravet", theme.H2),
    ]
    if not heat.competences:
        out.append(Paragraph("Ingen kompetansekrav i enheten.", theme.NOTE))
        return out
    units = [u for u in heat.units if any((u.id, c.id) in heat.cells for c in heat.competences)]
    groups = [units[i : i + UNITS_PER_TABLE] for i in range(0, len(units), UNITS_PER_TABLE)] or [[]]
    name_w = 62 * mm
    for group in groups:
        col_w = (theme.FRAME_WIDTH - name_w) / (len(group) + 1)
        header = [
            "Kompetanse",
            *(theme.wrap(f"{u.number} {u.name}", col_w, bold=True) for u in group),
            "Totalt",
        ]
        rows: list[Sequence[str] | Section] = [header]
        bg: dict[tuple[int, int], Any] = {}
        area: int | None = None
        for comp in heat.competences:
            if comp.area_id != area:
                area = comp.area_id
                rows.append(Section(_area_label(comp.area_code, comp.area_name)))
            row = [theme.wrap(comp.label + (" (kritisk)" if comp.critical else ""), name_w)]
            r = len(rows)
            cells = [heat.cell(u.id, comp.id) for u in group] + [heat.totals.get(comp.id)]
            for k, cell in enumerate(cells, start=1):
                if cell is None or cell.people == 0:
                    row.append("–")
                    continue
                text = f"{cell.share_met * 100:.0f} %"
                if cell.not_assessed:
                    text += f"\n{cell.not_assessed} ikke vurd."
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
            "Grønn: minst 90 % oppfyller kravet · gul: 60-89 % · rød: under 60 %. "
            "Ikke vurdert teller som ikke oppfylt.",
            theme.SMALL,
        )
    )
    return out


def _vulnerable(vulnerable: Sequence[gap.Vulnerability]) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph("Sårbare kompetanser", theme.H2)]
    if not vulnerable:
        out.append(Paragraph("Ingen kritiske kompetanser står på én person eller ingen.", theme.NOTE))
        return out
    widths = [40 * mm, 56 * mm, 20 * mm, 18 * mm, theme.FRAME_WIDTH - 134 * mm]
    rows = [["Enhet", "Kompetanse", "Med krav", "Har den", "Hvem"]]
    bg: dict[tuple[int, int], Any] = {}
    for i, v in enumerate(vulnerable, start=1):
        rows.append(
            [
                theme.wrap(f"{v.unit.number} {v.unit.name}", widths[0]),
                theme.wrap(v.competence.label, widths[1]),
                str(v.people_required),
                str(v.holder_count),
                theme.wrap(", ".join(v.holders) or "ingen", widths[4]),
            ]
        )
        bg[(3, i)] = theme.GAP_BG if v.holder_count == 0 else theme.NEAR_BG
    out.append(theme.table(rows, widths, backgrounds=bg, right=(2, 3)))
    return out


def _activities(goals: Sequence[GoalRow]) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph("Planlagte læringsaktiviteter", theme.H2)]
    if not goals:
        out.append(Paragraph("Ingen planlagte eller pågående utviklingsmål.", theme.NOTE))
        return out
    widths = [32 * mm, 50 * mm, 22 * mm, 18 * mm, 16 * mm, 12 * mm, theme.FRAME_WIDTH - 150 * mm]
    rows = [["Ansatt", "Aktivitet", "Type", "Frist", "Status", "Timer", "Kostnad (kr)"]]
    bg: dict[tuple[int, int], Any] = {}
    for i, g in enumerate(goals, start=1):
        rows.append(
            [
                theme.wrap(g.name, widths[0]),
                theme.wrap(g.description + (f" ({g.competence})" if g.competence else ""), widths[1]),
                theme.wrap(g.activity, widths[2]),
                theme.norwegian_date(g.due_on),
                g.status,
                theme.number(g.hours, 0) if g.hours is not None else "",
                theme.number(g.cost_nok, 0) if g.cost_nok is not None else "",
            ]
        )
        if g.overdue:
            bg[(3, i)] = theme.GAP_BG
    total_hours = sum(g.hours or 0 for g in goals)
    total_cost = sum(g.cost_nok or 0 for g in goals)
    rows.append(["Sum", "", "", "", "", theme.number(total_hours, 0), theme.number(total_cost, 0)])
    out.append(theme.table(rows, widths, backgrounds=bg, right=(5, 6), bold_rows=(len(rows) - 1,)))
    by_type: dict[str, list[float]] = {}
    for g in goals:
        acc = by_type.setdefault(g.activity, [0, 0.0, 0.0])
        acc[0] += 1
        acc[1] += g.hours or 0
        acc[2] += g.cost_nok or 0
    out.append(Spacer(1, 3 * mm))
    type_rows = [["Type aktivitet", "Antall", "Timer", "Kostnad (kr)"]] + [
        [name, str(int(n)), theme.number(h, 0), theme.number(c, 0)]
        for name, (n, h, c) in sorted(by_type.items())
    ]
    out.append(theme.table(type_rows, [60 * mm, 20 * mm, 20 * mm, 30 * mm], right=(1, 2, 3)))
    return out


def _certificates(alerts: Sequence[gap.CertificateAlert], window: int) -> list[Flowable]:
    out: list[Flowable] = [
        CondPageBreak(30 * mm),
        Paragraph(f"Sertifikater som utløper innen {window} dager eller er utløpt", theme.H2),
    ]
    if not alerts:
        out.append(Paragraph("Ingen.", theme.NOTE))
        return out
    widths = [40 * mm, 48 * mm, 50 * mm, 20 * mm, theme.FRAME_WIDTH - 158 * mm]
    rows = [["Ansatt", "Enhet", "Kurs / sertifikat", "Gyldig til", "Status"]]
    bg: dict[tuple[int, int], Any] = {}
    for i, a in enumerate(alerts, start=1):
        rows.append(
            [
                theme.wrap(a.name, widths[0]),
                theme.wrap(a.units, widths[1]),
                theme.wrap(a.certificate, widths[2]),
                theme.norwegian_date(a.valid_until),
                "Utløpt" if a.status == "utlopt" else f"{a.days_left} dager",
            ]
        )
        bg[(4, i)] = theme.GAP_BG if a.status == "utlopt" else theme.NEAR_BG
    out.append(theme.table(rows, widths, backgrounds=bg))
    return out
