"""The individual development plan ("Individuell utviklingsplan") for the appraisal talk (issue 4,
point 5): A4, the municipality (and its logo), the person, the competence profile as a table and a
radar chart per strategy area, learning goals, certificates, notes and signature lines. Every page
carries the person's name and "Side x av y"; the document carries title, author and subject.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import NextPageTemplate

from competence.export.pdf import theme
from competence.export.pdf.concat import DocInfo
from competence.export.pdf.fonts import REGULAR, register_fonts
from competence.export.pdf.plan_data import PlanData, TalkView, load_plan
from competence.export.pdf.radar import area_chart
from competence.export.scope import record_export
from competence.files import write_private_bytes
from competence.gap import ProfileItem
from competence.lookup import employee_by_no
from competence.settings import get_settings
from competence.uow import UnitOfWork

TITLE = "Individuell utviklingsplan"
_STATUS = {"met": ("Oppfylt", theme.MET_BG), "gap": ("Avvik", theme.GAP_BG)}


@dataclass(frozen=True)
class PlanResult:
    path: Path
    employee_no: str
    pages: int


def export_plan(
    uow: UnitOfWork, employee_no: str, path: Path, *, talk_on: dt.date | None = None
) -> PlanResult:
    """Write one person's plan to ``path``."""
    settings = get_settings(uow)
    with uow:
        s = uow.session
        emp = employee_by_no(s, employee_no)
        data = load_plan(s, emp.id, settings, talk_on=talk_on)
        pdf, pages = render_plan(data)
        write_private_bytes(path, pdf)
        record_export(s, uow.actor, "development_plan", None, employee_no=emp.employee_no, pages=pages)
        uow.commit()
        return PlanResult(path, emp.shown_no, pages)


def plan_info(data: PlanData) -> DocInfo:
    """The document metadata of one person's plan."""
    return DocInfo(
        f"{TITLE} – {data.employee.full_name}",
        data.municipality,
        f"Medarbeidersamtale {theme.norwegian_date(data.talk_on)}: "
        "kompetanseprofil, utviklingsmål og avtaler",
    )


def render_plan(data: PlanData) -> tuple[bytes, int]:
    """One person's plan as PDF bytes, and its page count."""
    pdf, segments = render_plans([data])
    return pdf, segments[0][1]


def render_plans(plans: Sequence[PlanData]) -> tuple[bytes, list[tuple[int, int]]]:
    """Several people's plans drawn into one document (a batch's chunk shares one embedded font),
    each starting on a new page with its own page numbers and footer.

    Returns the PDF and each plan's (first page index, page count), for :func:`concat.split_pdf`.
    """
    register_fonts()
    buffer = io.BytesIO()
    doc = theme.document(buffer, plan_info(plans[0]), plans[0].municipality, theme.logo_reader(plans[0].logo))
    story: list[Flowable] = []
    for index, data in enumerate(plans):
        if index:
            story += [NextPageTemplate("first"), PageBreak()]
        story.append(theme.PlanStart(index))
        story += plan_story(data)
    footers = [f"{p.employee.full_name} · {TITLE} · {p.municipality}" for p in plans]
    doc.build(story, canvasmaker=theme.numbered_canvas(footers))
    return buffer.getvalue(), list(doc.canv.segments)


def plan_story(data: PlanData) -> list[Flowable]:
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Spacer(1, 6 * mm),
        Paragraph(TITLE, theme.TITLE),
        Paragraph(f"Medarbeidersamtale {theme.norwegian_date(data.talk_on)}", theme.SUBTITLE),
        Spacer(1, 4 * mm),
        _facts(data),
    ]
    story += _profile(data)
    story += _goals(data)
    story += _certificates(data)
    story += _notes(data)
    story += _signatures(data)
    return story


def _facts(data: PlanData) -> Table:
    e = data.employee
    prev = data.previous_talk
    rows = [
        ("Ansatt", e.full_name, "Ansattnr", e.employee_no),
        ("Enhet", data.units or "–", "Stilling", f"{theme.number(e.fte_total, 0)} %"),
        ("Rolle", data.roles or "–", "Stillingstittel", data.titles or "–"),
        (
            "Dato for samtalen",
            theme.norwegian_date(data.talk_on),
            "Forrige samtale",
            theme.norwegian_date(prev.held_on) if prev else "Ingen registrert",
        ),
        ("Leder", data.leader_name or "–", "", ""),
    ]
    widths = [37 * mm, 64 * mm, 31 * mm, theme.FRAME_WIDTH - 132 * mm]
    cells = [
        [label, theme.wrap(value, widths[1], size=9), label2, theme.wrap(value2, widths[3], size=9)]
        for label, value, label2, value2 in rows
    ]
    return theme.facts(cells, widths)


def _level(ordinal: int | None, name: str | None) -> str:
    if ordinal is None:
        return ""
    return f"{ordinal} {name}" if name else str(ordinal)


def _status(item: ProfileItem) -> tuple[str, Any]:
    if item.status == "not_assessed":
        return "Ikke vurdert", theme.NOT_ASSESSED_BG
    label, colour = _STATUS[item.status]
    if item.status == "gap" and item.gap <= 25:
        colour = theme.NEAR_BG
    return label, colour


def _profile(data: PlanData) -> list[Flowable]:
    profile = data.profile
    items = profile.items
    out: list[Flowable] = [Paragraph("Kompetanseprofil", theme.H2)]
    if not items:
        out.append(Paragraph("Rollen har ingen registrerte kompetansekrav.", theme.NOTE))
        return out
    share = f"{profile.coverage * 100:.0f} %"
    out.append(
        Paragraph(
            f"Krav oppfylt: <b>{profile.met} av {len(items)}</b> ({share}) · avvik: <b>{profile.gaps}</b> · "
            f"ikke vurdert: <b>{profile.not_assessed}</b>",
            theme.BODY,
        )
    )
    out.append(Spacer(1, 2 * mm))
    areas = profile.areas
    labels = [f"{a.area_code} {a.area_name}" if a.area_code else a.area_name for a in areas]
    chart = area_chart(
        labels,
        [a.required_mean for a in areas],
        [a.current_mean for a in areas],
        width=theme.FRAME_WIDTH * 0.58,
        height=78 * mm,
    )
    area_rows = [("Strategiområde", "Krav", "Nå", "Oppfylt")] + [
        (
            theme.wrap(label, 33 * mm),
            f"{a.required_mean:.0f} %",
            f"{a.current_mean:.0f} %",
            f"{a.met}/{a.items}",
        )
        for label, a in zip(labels, areas, strict=True)
    ]
    side = theme.table(area_rows, [33 * mm, 13 * mm, 13 * mm, 15 * mm], right=(1, 2, 3))
    layout = Table(
        [[chart, side]],
        colWidths=[theme.FRAME_WIDTH * 0.58, theme.FRAME_WIDTH * 0.42],
        style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONT", (0, 0), (-1, -1), REGULAR, 8)],
    )
    out.append(layout)
    out.append(Spacer(1, 3 * mm))
    widths = [50 * mm, 36 * mm, 30 * mm, 30 * mm, 13 * mm, theme.FRAME_WIDTH - 159 * mm]
    rows: list[list[str]] = [["Kompetanse", "Strategiområde", "Nåværende nivå", "Krav", "Avvik", "Status"]]
    bg: dict[tuple[int, int], Any] = {}
    for i, item in enumerate(items, start=1):
        label, colour = _status(item)
        ref = item.competence
        name = ref.label + (" (kritisk)" if ref.critical else "")
        rows.append(
            [
                theme.wrap(name, widths[0]),
                theme.wrap(f"{ref.area_code} {ref.area_name}" if ref.area_code else ref.area_name, widths[1]),
                theme.wrap(_level(item.current_level, item.current_level_name) or "–", widths[2]),
                theme.wrap(_level(item.required_level, item.required_level_name), widths[3]),
                f"{item.gap:.0f}" if item.gap > 0 else "",
                label,
            ]
        )
        bg[(5, i)] = colour
    out.append(theme.table(rows, widths, backgrounds=bg, right=(4,)))
    out.append(
        Paragraph(
            "Avvik i prosentpoeng av skalaen (krav minus nåværende nivå). Ikke vurdert teller som 0 % i "
            "avviket. Kurs og sertifikater: høyeste nivå = gyldig.",
            theme.SMALL,
        )
    )
    return out


def _goals(data: PlanData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph("Utviklingsmål og tiltak", theme.H2)]
    if not data.goals:
        out.append(Paragraph("Ingen utviklingsmål er registrert.", theme.NOTE))
        return out
    widths = [58 * mm, 24 * mm, 34 * mm, 22 * mm, 19 * mm, theme.FRAME_WIDTH - 157 * mm]
    rows = [["Mål / aktivitet", "Type", "Kompetanse", "Målnivå", "Frist", "Status"]]
    bg: dict[tuple[int, int], Any] = {}
    for i, g in enumerate(data.goals, start=1):
        rows.append(
            [
                theme.wrap(g.description, widths[0]),
                theme.wrap(g.activity, widths[1]),
                theme.wrap(g.competence or g.area or "", widths[2]),
                theme.wrap(g.target_level or "", widths[3]),
                theme.norwegian_date(g.due_on),
                theme.wrap(g.status + (" (forfalt)" if g.overdue else ""), widths[5]),
            ]
        )
        if g.overdue:
            bg[(5, i)] = theme.GAP_BG
    out.append(theme.table(rows, widths, backgrounds=bg))
    return out


def _certificates(data: PlanData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(25 * mm), Paragraph("Kurs og sertifikater", theme.H2)]
    if not data.certificates:
        out.append(Paragraph("Ingen kurs eller sertifikater er registrert.", theme.NOTE))
        return out
    widths = [80 * mm, 28 * mm, 28 * mm, theme.FRAME_WIDTH - 136 * mm]
    rows = [["Kurs / sertifikat", "Fullført", "Gyldig til", "Status"]]
    bg: dict[tuple[int, int], Any] = {}
    labels = {"gyldig": "Gyldig", "utloper": "Utløper snart", "utlopt": "Utløpt"}
    colours = {"gyldig": theme.MET_BG, "utloper": theme.NEAR_BG, "utlopt": theme.GAP_BG}
    for i, c in enumerate(data.certificates, start=1):
        status = c.status(data.talk_on, data.expiry_window_days)
        rows.append(
            [
                theme.wrap(c.name, widths[0]),
                theme.norwegian_date(c.completed_on),
                theme.norwegian_date(c.valid_until) or "Uten utløp",
                labels[status],
            ]
        )
        bg[(3, i)] = colours[status]
    out.append(theme.table(rows, widths, backgrounds=bg))
    return out


def _talk_text(talk: TalkView) -> list[tuple[str, str]]:
    return [
        (label, text)
        for label, text in (("Oppsummering", talk.summary), ("Avtalt", talk.agreed), ("Notater", talk.notes))
        if text
    ]


def _notes(data: PlanData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(45 * mm), Paragraph("Notater fra samtalen", theme.H2)]
    written = _talk_text(data.talk) if data.talk else []
    for label, text in written:
        out.append(Paragraph(f"<b>{_escape(label)}:</b> {_escape(text)}", theme.BODY))
        out.append(Spacer(1, 1.5 * mm))
    lines = 3 if written else 7
    ruled = Table([[""] for _ in range(lines)], colWidths=[theme.FRAME_WIDTH], rowHeights=[8 * mm] * lines)
    ruled.setStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, theme.GRID), ("FONT", (0, 0), (-1, -1), REGULAR, 8)])
    out.append(ruled)
    return out


def _signatures(data: PlanData) -> list[Flowable]:
    half = theme.FRAME_WIDTH / 2 - 5 * mm
    rows = [
        ["", "", ""],
        ["Sted og dato", "", "Sted og dato"],
        ["", "", ""],
        [
            f"Underskrift ansatt: {data.employee.full_name}",
            "",
            f"Underskrift leder: {data.leader_name or ''}",
        ],
    ]
    t = Table(rows, colWidths=[half, 10 * mm, half], rowHeights=[10 * mm, 6 * mm, 12 * mm, 6 * mm])
    t.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR, 8),
            ("TEXTCOLOR", (0, 0), (-1, -1), theme.MUTED),
            ("LINEABOVE", (0, 1), (0, 1), 0.6, theme.MUTED),
            ("LINEABOVE", (2, 1), (2, 1), 0.6, theme.MUTED),
            ("LINEABOVE", (0, 3), (0, 3), 0.6, theme.MUTED),
            ("LINEABOVE", (2, 3), (2, 3), 0.6, theme.MUTED),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [Spacer(1, 4 * mm), KeepTogether([Paragraph("Underskrifter", theme.H2), t])]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
