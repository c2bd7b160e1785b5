"""The individual development plan ("Individuell utviklingsplan") for the appraisal talk (
point 5): A4, the municipality (and its logo), the person, the competence profile as a table and a
radar chart per strategy area, learning goals, certificates, notes and signature lines. Every page
carries the person's name and "Side x av y"; the document carries title, author and subject.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
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

from competence.export.activities import GoalRow
from competence.export.pdf import theme
from competence.export.pdf.concat import DocInfo
from competence.export.pdf.fonts import REGULAR, register_fonts
from competence.export.pdf.plan_data import PlanData, TalkView, load_plan
from competence.export.pdf.radar import area_chart
from competence.export.results import PlanResult
from competence.export.scope import record_export
from competence.files import write_private_bytes
from competence.gap import ProfileItem
from competence.language import pick
from competence.lookup import employee_by_no
from competence.numbers import format_int, format_percent, format_points, format_share
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.codes import CertificateStatus

TITLE = "Individuell utviklingsplan"
TITLE_EN = "Individual development plan"
#: the colour of a requirement's status cell; a missing mandatory course (docs/compliance.md) is
#: amber while its deadline lasts, red once overdue
_STATUS_COLOUR = {
    "met": theme.MET_BG,
    "gap": theme.GAP_BG,
    "not_assessed": theme.NOT_ASSESSED_BG,
    "missing": theme.NEAR_BG,
    "overdue": theme.GAP_BG,
}


def title(lang: str) -> str:
    return pick(lang, TITLE, TITLE_EN)


def export_plan(
    uow: UnitOfWork, employee_no: str, path: Path, *, talk_on: dt.date | None = None, lang: str = "nb"
) -> PlanResult:
    """Write one person's plan to ``path``, in ``lang`` (``"nb"`` or ``"en"``)."""
    with uow.snapshot():
        s = uow.session
        settings = get_settings(uow)
        emp = employee_by_no(s, employee_no)
        data = load_plan(uow, emp.id, settings, talk_on=talk_on, lang=lang)
        pdf, pages = render_plan(data)
        write_private_bytes(path, pdf)
        record_export(s, uow.actor, "development_plan", None, employee_no=emp.employee_no, pages=pages)
        uow.commit()
        return PlanResult(path, emp.shown_no, pages)


def plan_info(data: PlanData) -> DocInfo:
    """The document metadata of one person's plan."""
    lang = data.lang
    return DocInfo(
        f"{title(lang)} – {data.employee.full_name}",
        data.municipality,
        pick(
            lang,
            "Medarbeidersamtale {date}: kompetanseprofil, utviklingsmål og avtaler",
            "Appraisal talk {date}: competence profile, learning goals and agreements",
        ).format(date=theme.date_text(data.talk_on, lang)),
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
    lang = plans[0].lang
    doc = theme.document(
        buffer, plan_info(plans[0]), plans[0].municipality, theme.logo_reader(plans[0].logo), lang
    )
    story: list[Flowable] = []
    for index, data in enumerate(plans):
        if index:
            story += [NextPageTemplate("first"), PageBreak()]
        story.append(theme.PlanStart(index))
        story += plan_story(data)
    footers = [f"{p.employee.full_name} · {title(p.lang)} · {p.municipality}" for p in plans]
    doc.build(story, canvasmaker=theme.numbered_canvas(footers, lang))
    return buffer.getvalue(), list(doc.canv.segments)


def plan_story(data: PlanData) -> list[Flowable]:
    lang = data.lang
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Spacer(1, 6 * mm),
        Paragraph(title(lang), theme.TITLE),
        Paragraph(
            pick(lang, "Medarbeidersamtale {date}", "Appraisal talk {date}").format(
                date=theme.date_text(data.talk_on, lang)
            ),
            theme.SUBTITLE,
        ),
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
    lang = data.lang

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    rows = [
        (t("Ansatt", "Employee"), e.full_name, t("Ansattnr", "Employee no."), e.employee_no),
        (t("Enhet", "Unit"), data.units or "–", t("Stilling", "FTE"), format_percent(e.fte_total, 0, lang)),
        (t("Rolle", "Role"), data.roles or "–", t("Stillingstittel", "Job title"), data.titles or "–"),
        (
            t("Dato for samtalen", "Date of the talk"),
            theme.date_text(data.talk_on, lang),
            t("Forrige samtale", "Previous talk"),
            theme.date_text(prev.held_on, lang) if prev else t("Ingen registrert", "None recorded"),
        ),
        (t("Leder", "Manager"), data.leader_name or "–", "", ""),
    ]
    widths = [37 * mm, 64 * mm, 31 * mm, theme.FRAME_WIDTH - 132 * mm]
    cells = [
        [label, theme.wrap(value, widths[1], size=9), label2, theme.wrap(value2, widths[3], size=9)]
        for label, value, label2, value2 in rows
    ]
    return theme.facts(cells, widths)


def _self_text(item: ProfileItem, lang: str) -> str:
    """The employee's own level, and how far it is from the leader's: "4 Selvstendig (+1)"."""
    own = item.self_level
    if own is None:
        return ""
    difference = item.self_difference
    sign = "" if not difference else f" ({'+' if difference > 0 else '−'}{format_int(abs(difference), lang)})"
    return own.label(lang) + sign


def _status(item: ProfileItem, lang: str) -> tuple[str, Any]:
    colour = _STATUS_COLOUR[item.status]
    if item.status == "gap" and item.gap <= 25:
        colour = theme.NEAR_BG
    return item.status_label(lang), colour


def _profile(data: PlanData) -> list[Flowable]:
    lang = data.lang

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    profile = data.profile
    items = profile.items
    out: list[Flowable] = [Paragraph(t("Kompetanseprofil", "Competence profile"), theme.H2)]
    if not items:
        out.append(
            Paragraph(
                t("Rollen har ingen registrerte kompetansekrav.", "The role has no competence requirements."),
                theme.NOTE,
            )
        )
        return out
    out.append(
        Paragraph(
            t(
                "Krav oppfylt: <b>{met} av {total}</b> ({share}) · avvik: <b>{gaps}</b> · "
                "ikke vurdert: <b>{na}</b>",
                "Requirements met: <b>{met} of {total}</b> ({share}) · gaps: <b>{gaps}</b> · "
                "not assessed: <b>{na}</b>",
            ).format(
                met=profile.met,
                total=len(items),
                share=format_share(profile.coverage, lang),
                gaps=profile.gaps,
                na=profile.not_assessed,
            ),
            theme.BODY,
        )
    )
    out.append(Spacer(1, 2 * mm))
    out.append(_areas_chart(data))
    out.append(Spacer(1, 3 * mm))
    out += _profile_table(data)
    return out


def _areas_chart(data: PlanData) -> Flowable:
    """The radar of required and current level per strategy area, with their figures beside it."""
    lang = data.lang

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    areas = data.profile.areas
    labels = [a.label(lang) for a in areas]
    chart = area_chart(
        labels,
        [a.required_mean for a in areas],
        [a.current_mean for a in areas],
        width=theme.FRAME_WIDTH * 0.58,
        height=78 * mm,
        lang=lang,
    )
    side_widths = [theme.FRAME_WIDTH * 0.42 - 42 * mm, 16 * mm, 13 * mm, 13 * mm]
    area_rows = [
        (t("Strategiområde", "Strategy area"), t("Krav", "Required"), t("Nå", "Now"), t("Oppfylt", "Met"))
    ] + [
        (
            theme.wrap(chart.key_label(i, label), side_widths[0]),
            format_percent(a.required_mean, 0, lang),
            format_percent(a.current_mean, 0, lang),
            f"{a.met}/{a.items}",
        )
        for i, (label, a) in enumerate(zip(labels, areas, strict=True))
    ]
    side = theme.table(area_rows, side_widths, right=(1, 2, 3))
    return Table(
        [[chart.flowable(), side]],
        colWidths=[theme.FRAME_WIDTH * 0.58, theme.FRAME_WIDTH * 0.42],
        style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONT", (0, 0), (-1, -1), REGULAR, 8)],
    )


def _profile_table(data: PlanData) -> list[Flowable]:
    """Each required competence: current level, requirement, gap and status; and what the gap is."""
    lang = data.lang

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    # the leader's level (the one that counts) and the employee's own beside it (docs/compliance.md)
    widths = [46 * mm, 22 * mm, 23 * mm, 23 * mm, 23 * mm, 11 * mm, theme.FRAME_WIDTH - 148 * mm]
    rows: list[list[Any]] = [
        [
            t("Kompetanse", "Competence"),
            t("Strategiområde", "Strategy area"),
            t("Nåværende nivå", "Current level"),
            t("Egen vurdering", "Own assessment"),
            t("Krav", "Required"),
            t("Avvik", "Gap"),
            t("Status", "Status"),
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    critical = t(" (kritisk)", " (critical)")
    for i, item in enumerate(data.profile.items, start=1):
        label, colour = _status(item, lang)
        ref = item.competence
        name = ref.display_label(lang) + (critical if ref.critical else "")
        rows.append(
            [
                theme.wrap(name, widths[0]),
                theme.wrap(ref.area_label(lang), widths[1]),
                theme.wrap(item.current_level_label(lang) or "–", widths[2]),
                theme.wrap(_self_text(item, lang), widths[3]),
                theme.wrap(item.required_level_label(lang), widths[4]),
                format_points(item.gap, lang) if item.gap > 0 else "",
                theme.wrap(label, widths[6]),
            ]
        )
        bg[(6, i)] = colour
        if item.self_difference:
            bg[(3, i)] = theme.SUB_BG
    return [
        theme.table(rows, widths, backgrounds=bg, right=(5,)),
        Paragraph(
            t(
                "Avvik i prosentpoeng av skalaen (krav minus nåværende nivå). Ikke vurdert teller som {zero} "
                "i avviket. Kurs og sertifikater: høyeste nivå = gyldig.",
                "Gap in percentage points of the scale (required minus current level). Not assessed counts "
                "as {zero} in the gap. Courses and certificates: highest level = valid.",
            ).format(zero=format_percent(0, 0, lang)),
            theme.SMALL,
        ),
    ]


def _goals(data: PlanData) -> list[Flowable]:
    lang = data.lang

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    out: list[Flowable] = [
        CondPageBreak(30 * mm),
        Paragraph(t("Utviklingsmål og tiltak", "Learning goals and measures"), theme.H2),
    ]
    if not data.goals:
        out.append(
            Paragraph(t("Ingen utviklingsmål er registrert.", "No learning goals are recorded."), theme.NOTE)
        )
        return out
    widths = [58 * mm, 26 * mm, 34 * mm, 22 * mm, 19 * mm, theme.FRAME_WIDTH - 159 * mm]
    rows = [
        [
            t("Mål / aktivitet", "Goal / activity"),
            t("Type", "Type"),
            t("Kompetanse", "Competence"),
            t("Målnivå", "Target level"),
            t("Frist", "Due"),
            t("Status", "Status"),
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    overdue = t(" (forfalt)", " (overdue)")
    for i, g in enumerate(data.goals, start=1):
        rows.append(
            [
                theme.wrap(g.description + _agreed(g, data.talk_on, lang), widths[0]),
                theme.wrap(g.activity, widths[1]),
                theme.wrap(g.competence or g.area or "", widths[2]),
                theme.wrap(g.target_level or "", widths[3]),
                theme.date_text(g.due_on, lang),
                theme.wrap(g.status + (overdue if g.overdue else ""), widths[5]),
            ]
        )
        if g.overdue:
            bg[(5, i)] = theme.GAP_BG
    out.append(theme.table(rows, widths, backgrounds=bg))
    return out


def _agreed(goal: GoalRow, talk_on: dt.date, lang: str) -> str:
    """Which talk agreed the goal: this one (the plan's date), or an earlier one (docs/compliance.md)."""
    if goal.agreed_on is None:
        return ""
    if goal.agreed_on == talk_on:
        return pick(lang, " – avtalt i denne samtalen", " – agreed at this talk")
    when = theme.date_text(goal.agreed_on, lang)
    return pick(lang, " – avtalt {date}", " – agreed {date}").format(date=when)


def _certificates(data: PlanData) -> list[Flowable]:
    lang = data.lang

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    out: list[Flowable] = [
        CondPageBreak(25 * mm),
        Paragraph(t("Kurs og sertifikater", "Courses and certificates"), theme.H2),
    ]
    if not data.certificates:
        out.append(
            Paragraph(
                t("Ingen kurs eller sertifikater er registrert.", "No courses or certificates are recorded."),
                theme.NOTE,
            )
        )
        return out
    widths = [80 * mm, 28 * mm, 28 * mm, theme.FRAME_WIDTH - 136 * mm]
    rows = [
        [
            t("Kurs / sertifikat", "Course / certificate"),
            t("Fullført", "Completed"),
            t("Gyldig til", "Valid until"),
            t("Status", "Status"),
        ]
    ]
    bg: dict[tuple[int, int], Any] = {}
    colours = {
        CertificateStatus.VALID: theme.MET_BG,
        CertificateStatus.EXPIRING: theme.NEAR_BG,
        CertificateStatus.EXPIRED: theme.GAP_BG,
    }
    for i, c in enumerate(data.certificates, start=1):
        status = c.status(data.talk_on, data.expiry_window_days)
        rows.append(
            [
                theme.wrap(c.name, widths[0]),
                theme.date_text(c.completed_on, lang),
                theme.date_text(c.valid_until, lang) or t("Uten utløp", "No expiry"),
                status.label(lang),
            ]
        )
        bg[(3, i)] = colours[status]
    out.append(theme.table(rows, widths, backgrounds=bg))
    return out


def _talk_text(talk: TalkView, lang: str) -> list[tuple[str, str]]:
    return [
        (label, text)
        for label, text in (
            (pick(lang, "Oppsummering", "Summary"), talk.summary),
            (pick(lang, "Avtalt", "Agreed"), talk.agreed),
            (pick(lang, "Notater", "Notes"), talk.notes),
        )
        if text
    ]


def _notes(data: PlanData) -> list[Flowable]:
    lang = data.lang
    out: list[Flowable] = [
        CondPageBreak(45 * mm),
        Paragraph(pick(lang, "Notater fra samtalen", "Notes from the talk"), theme.H2),
    ]
    written = _talk_text(data.talk, lang) if data.talk else []
    for label, text in written:
        out.append(Paragraph(f"<b>{_escape(label)}:</b> {_escape(text)}", theme.BODY))
        out.append(Spacer(1, 1.5 * mm))
    lines = 3 if written else 7
    ruled = Table([[""] for _ in range(lines)], colWidths=[theme.FRAME_WIDTH], rowHeights=[8 * mm] * lines)
    ruled.setStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, theme.GRID), ("FONT", (0, 0), (-1, -1), REGULAR, 8)])
    out.append(ruled)
    return out


def _signatures(data: PlanData) -> list[Flowable]:
    lang = data.lang

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    half = theme.FRAME_WIDTH / 2 - 5 * mm
    rows = [
        ["", "", ""],
        [t("Sted og dato", "Place and date"), "", t("Sted og dato", "Place and date")],
        ["", "", ""],
        [
            t("Underskrift ansatt: {name}", "Employee's signature: {name}").format(
                name=data.employee.full_name
            ),
            "",
            t("Underskrift leder: {name}", "Manager's signature: {name}").format(name=data.leader_name or ""),
        ],
    ]
    tbl = Table(rows, colWidths=[half, 10 * mm, half], rowHeights=[10 * mm, 6 * mm, 12 * mm, 6 * mm])
    tbl.setStyle(
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
    return [Spacer(1, 4 * mm), KeepTogether([Paragraph(t("Underskrifter", "Signatures"), theme.H2), tbl])]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
