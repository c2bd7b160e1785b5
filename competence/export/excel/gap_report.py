"""The gap report workbook: key figures; per unit and strategy area the share
meeting requirements, mean gap, not assessed and vulnerable competences; per area; each person's
gaps; vulnerable competences; expiring and expired certificates; learning goals with status and
due dates.

All figures come from :mod:`competence.gap` (the definitions in its module docstring), written with the
rounding and number formats of :mod:`competence.numbers`, so a gap reads the same here as on the
screen and in the PDFs. Every row with wrapped text gets the height its text needs, so nothing is
printed over the next row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from competence import gap
from competence.export import palette
from competence.export.activities import GoalRow, goals_of_people
from competence.export.cells import identifier_value, safe_cell
from competence.export.excel import styles
from competence.export.excel.splice import (
    TextStyle,
    number_cell,
    save_with_rows,
    style_id,
    text_cell,
    text_style,
)
from competence.export.mandatory import MandatoryCourses
from competence.export.results import GapReportResult
from competence.export.scope import Person, Scope, people_in, record_export, resolve_scope
from competence.language import format_date, normalise_language, pick
from competence.numbers import format_percent, round_points
from competence.settings import RegisterSettings, get_settings
from competence.uow import UnitOfWork
from db.codes import CertificateStatus, RequirementStatus


@dataclass(frozen=True)
class _Table:
    title: str
    headers: Sequence[str]
    widths: Sequence[float]
    formats: Sequence[str | None]
    #: columns whose text may wrap (the others are short: numbers, dates, codes)
    wrapping: frozenset[int] = field(default_factory=frozenset)


class _Words:
    def __init__(self, lang: str) -> None:
        self.lang = normalise_language(lang)

    def __call__(self, nb: str, en: str) -> str:
        return pick(self.lang, nb, en)


def export_gap_report(
    uow: UnitOfWork,
    path: Path,
    *,
    unit_number: str | None = None,
    subunits: bool = True,
    lang: str = "nb",
) -> GapReportResult:
    """Write the gap report of a unit (with sub-units unless ``subunits`` is False) or of the whole
    municipality, in ``lang``: one snapshot of the register, one audit event."""
    t = _Words(lang)
    with uow.snapshot():
        data = _gather(uow, unit_number, subunits, t.lang)
        result = _write(data, path, t)
        record_export(
            uow.session,
            uow.actor,
            "gap_report",
            data.scope,
            units=result.units,
            areas=result.areas,
            vulnerable=result.vulnerable,
            certificates=result.certificates,
            goals=result.goals,
        )
        uow.commit()
        return result


@dataclass(frozen=True)
class _Gathered:
    """Everything the workbook shows, read in the export's transaction."""

    scope: Scope
    settings: RegisterSettings
    report: gap.GapReport
    missing: list[gap.PersonShortfall]
    people: list[Person]
    goals: list[GoalRow]
    #: the mandatory courses of the people's roles: a lacking one is *missing* or *overdue*
    mandatory: MandatoryCourses


def _gather(uow: UnitOfWork, unit_number: str | None, subunits: bool, lang: str) -> _Gathered:
    reg = get_settings(uow)
    scope = resolve_scope(uow.session, unit_number, subunits=subunits, lang=lang)
    report = gap.gap_report(
        uow, unit_id=scope.unit_id, subunits=scope.subunits, at=scope.at, window_days=reg.expiry_window_days
    )
    missing = gap.shortfalls(uow, unit_id=scope.unit_id, subunits=scope.subunits, at=scope.at)
    people = people_in(uow.session, scope)
    goals = goals_of_people(uow.session, people, scope.at, lang=lang)
    courses = [c.id for c in report.heatmap.competences if c.kind == "certificate"]
    mandatory = MandatoryCourses.of(uow.session, scope, {r for p in people for r in p.role_ids}, courses)
    return _Gathered(scope, reg, report, missing, people, goals, mandatory)


def _write(data: _Gathered, path: Path, t: _Words) -> GapReportResult:
    """The workbook: a summary, then a sheet per table; each person's gaps are streamed in."""
    scope, municipality, report = data.scope, data.settings.municipality, data.report
    wb = Workbook()
    _summary_sheet(wb.active, scope, report.summary, municipality, t)
    unit_rows = _unit_area_rows(report.heatmap, report.vulnerabilities, t.lang)
    _table(
        wb.create_sheet(t("Enheter og områder", "Units and areas")),
        scope,
        municipality,
        _units_table(t),
        unit_rows,
        t,
        share_col=5,
    )
    _areas_sheet(
        wb.create_sheet(t("Strategiområder", "Strategy areas")), scope, municipality, report.areas, t
    )
    shortfall_sheet = wb.create_sheet(t("Avvik per ansatt", "Gaps per employee"))
    shortfall_widths = _shortfall_layout(shortfall_sheet, scope, municipality, t, len(data.missing))
    _vulnerable_sheet(
        wb.create_sheet(t("Sårbarhet", "Vulnerability")), scope, municipality, report.vulnerabilities, t
    )
    _certificates_sheet(
        wb.create_sheet(t("Sertifikater", "Certificates")), scope, data.settings, report.certificates, t
    )
    _goals_sheet(wb.create_sheet(t("Utviklingsmål", "Learning goals")), scope, municipality, data.goals, t)
    refs = {c.id: c for c in report.heatmap.competences}
    rows = _shortfall_rows(
        data.missing,
        data.people,
        refs,
        _ShortfallStyles.of(shortfall_sheet),
        shortfall_widths,
        t,
        data.mandatory,
    )
    last = SHORTFALL_FIRST_ROW + max(len(data.missing), 1) - 1
    save_with_rows(wb, shortfall_sheet, path, rows, last_cell=f"{SHORTFALL_LAST_COL}{last}")
    return GapReportResult(
        path,
        len({r[0] for r in unit_rows}),
        len(report.areas),
        len(report.vulnerabilities),
        len(report.certificates),
        len(data.goals),
        len(data.missing),
    )


def _units_table(t: _Words) -> _Table:
    percent = styles.percent_format(t.lang)
    return _Table(
        t("Per enhet og strategiområde", "Per unit and strategy area"),
        [
            t("Enhetsnr", "Unit no."),
            t("Enhet", "Unit"),
            t("Strategiområde", "Strategy area"),
            t("Krav (person × kompetanse)", "Requirements (person × competence)"),
            t("Andel oppfylt", "Share met"),
            t("Snittavvik (prosentpoeng)", "Mean gap (percentage points)"),
            t("Ikke vurdert", "Not assessed"),
            t("Sårbare kompetanser", "Vulnerable competences"),
        ],
        [10, 30, 34, 14, 11, 14, 11, 12],
        [None, None, None, "0", percent, styles.POINTS, "0", "0"],
        frozenset({1, 2}),
    )


def _areas_sheet(
    ws: Worksheet, scope: Scope, municipality: str, areas: Sequence[gap.AreaScore], t: _Words
) -> None:
    lang, percent = t.lang, styles.percent_format(t.lang)
    spec = _Table(
        t(
            "Per strategiområde (hver person og kompetanse telles én gang)",
            "Per strategy area (each person and competence counted once)",
        ),
        [
            t("Rammeverk", "Framework"),
            t("Strategiområde", "Strategy area"),
            t("Krav", "Requirements"),
            t("Oppfylt", "Met"),
            t("Andel oppfylt", "Share met"),
            t("Snittavvik (prosentpoeng)", "Mean gap (percentage points)"),
            t("Ikke vurdert", "Not assessed"),
            t("Krav i snitt (%)", "Mean requirement (%)"),
            t("Nivå i snitt (%)", "Mean level (%)"),
        ],
        [28, 34, 9, 9, 11, 14, 11, 11, 11],
        [None, None, "0", "0", percent, styles.POINTS, "0", styles.ONE_DECIMAL, styles.ONE_DECIMAL],
        frozenset({0, 1}),
    )
    rows = [
        [
            a.framework_display(lang),
            a.label(lang),
            a.items,
            a.met,
            a.share_met,
            round_points(a.mean_gap),
            a.not_assessed,
            a.required_mean,
            a.current_mean,
        ]
        for a in areas
    ]
    _table(ws, scope, municipality, spec, rows, t, share_col=5)


def _vulnerable_sheet(
    ws: Worksheet, scope: Scope, municipality: str, vulnerable: Sequence[gap.Vulnerability], t: _Words
) -> None:
    lang = t.lang
    spec = _Table(
        t(
            "Sårbare kompetanser: under enhetens mål, eller kritiske, kreves av flere og holdes av høyst én",
            "Vulnerable competences: short of the unit's target, or critical, required of several and "
            "held by one at most",
        ),
        [
            t("Enhetsnr", "Unit no."),
            t("Enhet", "Unit"),
            t("Kompetanse", "Competence"),
            t("Strategiområde", "Strategy area"),
            t("Hvorfor", "Why"),
            t("Trenger", "Needed"),
            t("Har kompetansen", "Hold the competence"),
            t("Hvem", "Who"),
        ],
        [10, 28, 34, 30, 26, 10, 12, 34],
        [None, None, None, None, None, "0", "0", None],
        frozenset({1, 2, 3, 4, 7}),
    )
    rows = [
        [
            identifier_value(v.unit.number),
            v.unit.name,
            v.display_label(lang),
            v.area_label(lang),
            v.reason(lang),
            v.needed,
            v.holder_count,
            ", ".join(v.holders) or t("ingen", "nobody"),
        ]
        for v in vulnerable
    ]
    _table(ws, scope, municipality, spec, rows, t)


def _certificates_sheet(
    ws: Worksheet,
    scope: Scope,
    reg: RegisterSettings,
    alerts: Sequence[gap.CertificateAlert],
    t: _Words,
) -> None:
    expired = t("Utløpt", "Expired")
    spec = _Table(
        t(
            "Sertifikater som er utløpt eller utløper innen {days} dager",
            "Certificates expired or expiring within {days} days",
        ).format(days=reg.expiry_window_days),
        [
            t("Ansattnr", "Employee no."),
            t("Navn", "Name"),
            t("Enhet", "Unit"),
            t("Kurs/sertifikat", "Course/certificate"),
            t("Gyldig til", "Valid until"),
            t("Dager igjen", "Days left"),
            t("Status", "Status"),
        ],
        [10, 26, 28, 34, 12, 11, 12],
        [None, None, None, None, styles.date_format(t.lang), "0", None],
        frozenset({1, 2, 3}),
    )
    rows = [
        [
            identifier_value(a.employee_no),
            a.name,
            a.units,
            a.certificate,
            a.valid_until,
            a.days_left,
            expired if a.status == CertificateStatus.EXPIRED else t("Utløper", "Expiring"),
        ]
        for a in alerts
    ]
    _table(ws, scope, reg.municipality, spec, rows, t, status_col=7, status_bad=expired)


def _goals_sheet(ws: Worksheet, scope: Scope, municipality: str, goals: Sequence[GoalRow], t: _Words) -> None:
    date = styles.date_format(t.lang)
    spec = _Table(
        t("Utviklingsmål", "Learning goals"),
        [
            t("Ansattnr", "Employee no."),
            t("Navn", "Name"),
            t("Enhet", "Unit"),
            t("Mål / aktivitet", "Goal / activity"),
            t("Type", "Type"),
            t("Kompetanse", "Competence"),
            t("Målnivå", "Target level"),
            t("Start", "Start"),
            t("Frist", "Due"),
            t("Status", "Status"),
            t("Timer", "Hours"),
            t("Kostnad (kr)", "Cost (NOK)"),
            t("Forfalt", "Overdue"),
        ],
        [11, 22, 20, 34, 16, 24, 14, 11, 11, 10, 7, 9, 8],
        [None, None, None, None, None, None, None, date, date, None, "0.0", "#,##0", None],
        frozenset({1, 2, 3, 4, 5, 6, 9}),
    )
    rows = [
        [
            identifier_value(g.employee_no),
            g.name,
            g.units,
            g.description,
            g.activity,
            g.competence,
            g.target_level,
            g.start_on,
            g.due_on,
            g.status,
            g.hours,
            g.cost_nok,
            t("Ja", "Yes") if g.overdue else "",
        ]
        for g in goals
    ]
    _table(ws, scope, municipality, spec, rows, t)


def _unit_area_rows(heat: gap.Heatmap, vulnerable: Sequence[gap.Vulnerability], lang: str) -> list[list[Any]]:
    """Heatmap cells (unit × competence) summed up to unit × strategy area."""
    refs = {c.id: c for c in heat.competences}
    area_order = {c.area_id: i for i, c in reversed(list(enumerate(heat.competences)))}
    vulnerable_count: dict[tuple[int, int], int] = {}
    for v in vulnerable:
        if v.competence is None:  # a qualification target: no strategy area to count it under
            continue
        key = (v.unit.id, v.competence.area_id)
        vulnerable_count[key] = vulnerable_count.get(key, 0) + 1
    rows: list[list[Any]] = []
    for unit in heat.units:
        sums: dict[int, list[float]] = {}
        for (unit_id, comp_id), cell in heat.cells.items():
            if unit_id != unit.id:
                continue
            acc = sums.setdefault(refs[comp_id].area_id, [0, 0, 0, 0.0])
            acc[0] += cell.people
            acc[1] += cell.met
            acc[2] += cell.not_assessed
            acc[3] += cell.mean_gap * cell.people
        for area_id in sorted(sums, key=lambda a: area_order.get(a, 0)):
            people, met, not_assessed, gap_sum = sums[area_id]
            ref = next(c for c in heat.competences if c.area_id == area_id)
            rows.append(
                [
                    identifier_value(unit.number),
                    ("  " * unit.depth) + unit.name,
                    ref.area_label(lang),
                    int(people),
                    met / people if people else 0.0,
                    round_points(gap_sum / people) if people else 0.0,
                    int(not_assessed),
                    vulnerable_count.get((unit.id, area_id), 0),
                ]
            )
    return rows


def _summary_sheet(
    ws: Worksheet, scope: Scope, figures: gap.GapSummary, municipality: str, t: _Words
) -> None:
    lang = t.lang
    percent = styles.percent_format(lang)
    ws.title = t("Sammendrag", "Summary")
    row = styles.title(
        ws,
        t("Avviksrapport · {scope}", "Gap report · {scope}").format(scope=scope.label),
        f"{municipality} · {format_date(scope.at, lang)}",
    )
    items: list[tuple[str, Any, str | None]] = [
        (t("Ansatte", "Employees"), figures.people, "0"),
        (t("Krav (person × kompetanse)", "Requirements (person × competence)"), figures.requirements, "0"),
        (t("Krav oppfylt", "Requirements met"), figures.met, "0"),
        (t("Andel oppfylt", "Share met"), figures.share_met, percent),
        (t("Ikke vurdert", "Not assessed"), figures.not_assessed, "0"),
        (
            t("Snittavvik (prosentpoeng)", "Mean gap (percentage points)"),
            round_points(figures.mean_gap),
            styles.POINTS,
        ),
        (t("Sårbare kompetanser", "Vulnerable competences"), figures.vulnerable, "0"),
        (t("Sertifikater som utløper", "Certificates expiring"), figures.expiring, "0"),
        (t("Utløpte sertifikater", "Expired certificates"), figures.expired, "0"),
        (t("Forfalte utviklingsmål", "Overdue learning goals"), figures.overdue_goals, "0"),
    ]
    styles.header_row(ws, row, [t("Nøkkeltall", "Key figure"), t("Verdi", "Value")])
    for label, value, fmt in items:
        row += 1
        safe_cell(ws.cell(row=row, column=1), label)
        cell = safe_cell(ws.cell(row=row, column=2), value)
        if fmt:
            cell.number_format = fmt
    row += 2
    styles.header_row(
        ws,
        row,
        [
            t("Største avvik", "Largest gaps"),
            t("Snittavvik", "Mean gap"),
            t("Andel oppfylt", "Share met"),
            t("Personer", "People"),
        ],
    )
    for rank in figures.largest_gaps:
        row += 1
        label = rank.competence.display_label(lang)
        safe_cell(ws.cell(row=row, column=1), label).alignment = styles.WRAP_TOP
        ws.cell(row=row, column=2, value=round_points(rank.mean_gap)).number_format = styles.POINTS
        ws.cell(row=row, column=3, value=rank.share_met).number_format = percent
        ws.cell(row=row, column=4, value=rank.people)
        styles.fit_row(ws, row, [(label, 44)])
    _summary_notes(ws, row + 2, t)
    styles.widths(ws, [44, 14, 14, 10])
    styles.print_setup(
        ws, municipality=municipality, scope_label=scope.label, on=scope.at, landscape=False, lang=lang
    )


def _summary_notes(ws: Worksheet, row: int, t: _Words) -> None:
    """What the figures mean, a note a row from ``row``."""
    notes = [
        t(
            "Avvik = krevd nivå minus nåværende nivå i prosent av skalaen, når det er positivt "
            "(prosentpoeng).",
            "Gap = required level minus current level in percent of the scale, when positive "
            "(percentage points).",
        ),
        t(
            "Ikke vurdert teller som {zero} i avviket og i andelen oppfylt, og vises alltid for seg.",
            "Not assessed counts as {zero} in the gap and the share met, and is always shown on its own.",
        ).format(zero=format_percent(0, 0, t.lang)),
        t(
            "Sårbar: enheten har færre enn målet den har satt for kompetansen, eller, uten mål, en "
            "kritisk kompetanse som kreves av flere enn én og som ingen eller bare én har på krevd nivå.",
            "Vulnerable: the unit holds fewer than the target it set for the competence, or, without a "
            "target, a critical competence required of more than one that nobody or only one holds at "
            "the required level.",
        ),
    ]
    for text in notes:
        cell = safe_cell(ws.cell(row=row, column=1), text)
        cell.font = styles.font(italic=True, color="595959")
        cell.alignment = styles.WRAP_TOP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        styles.fit_row(ws, row, [(text, 80)])
        row += 1


def _table(
    ws: Worksheet,
    scope: Scope,
    municipality: str,
    spec: _Table,
    rows: Sequence[Sequence[Any]],
    t: _Words,
    *,
    share_col: int | None = None,
    status_col: int | None = None,
    status_bad: str = "",
) -> None:
    """A titled table with frozen header, filter, print setup and colours where they help; each
    row as tall as its wrapped text."""
    first = styles.title(ws, spec.title, f"{scope.label} · {format_date(scope.at, t.lang)}")
    widths = styles.header_widths(spec.headers, spec.widths)
    styles.header_row(ws, first, spec.headers)
    styles.fit_row(ws, first, list(zip(spec.headers, widths, strict=True)), bold=True)
    for i, values in enumerate(rows, start=first + 1):
        styles.set_cells(ws, i, list(values), list(spec.formats))
        styles.fit_row(
            ws,
            i,
            [(str(values[c]), widths[c]) for c in spec.wrapping if isinstance(values[c], str) and values[c]],
        )
        if share_col is not None:
            share = values[share_col - 1]
            colours = palette.MET if share >= 0.9 else palette.NEAR if share >= 0.6 else palette.GAP
            ws.cell(row=i, column=share_col).fill = styles.fill(colours[0])
        if status_col is not None:
            colours = palette.GAP if values[status_col - 1] == status_bad else palette.NEAR
            ws.cell(row=i, column=status_col).fill = styles.fill(colours[0])
    if not rows:
        safe_cell(ws.cell(row=first + 1, column=1), t("Ingen.", "None.")).font = styles.font(italic=True)
    last = get_column_letter(len(spec.headers))
    ws.freeze_panes = ws.cell(row=first + 1, column=1).coordinate
    ws.auto_filter.ref = f"A{first}:{last}{first + max(len(rows), 1)}"
    styles.widths(ws, widths)
    _print_table(ws, scope, municipality, first, widths, t)


def _print_table(
    ws: Worksheet, scope: Scope, municipality: str, header_row: int, widths: Sequence[float], t: _Words
) -> None:
    """Landscape, the header row on every page, the footer readable at the sheet's printed size."""
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=scope.label,
        on=scope.at,
        title_rows=f"{header_row}:{header_row}",
        lang=t.lang,
    )
    styles.keep_readable(ws, styles.fitted_scale(widths, styles.LANDSCAPE_WIDTH))


def _course_status(
    m: gap.PersonShortfall, person: Person, mandatory: MandatoryCourses, st: _ShortfallStyles, t: _Words
) -> tuple[str, TextStyle]:
    """A course not held: "Mangler, frist …" or "Forfalt" when one of the person's roles makes it
    mandatory, else a gap (never "ikke vurdert": a course is taken or not)."""
    if m.competence_id not in mandatory.mandatory(person.role_ids):
        return t("Avvik", "Gap"), st.gap
    lacking = mandatory.lacking(person.id, m.competence_id)
    style = st.overdue if lacking.status is RequirementStatus.OVERDUE else st.missing
    return lacking.label(t.lang), style


# --- each person's gaps: a long list, streamed into its sheet -----------------------------------
SHORTFALL_HEADER_ROW = 4
SHORTFALL_FIRST_ROW = SHORTFALL_HEADER_ROW + 1
SHORTFALL_WIDTHS = (11, 24, 26, 36, 28, 9, 9, 12, 12)
SHORTFALL_LAST_COL = get_column_letter(len(SHORTFALL_WIDTHS))


def _shortfall_layout(ws: Worksheet, scope: Scope, municipality: str, t: _Words, rows: int) -> list[float]:
    """The sheet of each person's gaps without its rows; returns its column widths."""
    first = styles.title(
        ws,
        t(
            "Avvik per ansatt: krav som ikke er oppfylt",
            "Gaps per employee: requirements not met",
        ),
        f"{scope.label} · {format_date(scope.at, t.lang)}",
    )
    assert first == SHORTFALL_HEADER_ROW
    headers = [
        t("Ansattnr", "Employee no."),
        t("Navn", "Name"),
        t("Enhet", "Unit"),
        t("Kompetanse", "Competence"),
        t("Strategiområde", "Strategy area"),
        t("Krav (%)", "Required (%)"),
        t("Nå (%)", "Now (%)"),
        t("Avvik (prosentpoeng)", "Gap (percentage points)"),
        t("Status", "Status"),
    ]
    widths = styles.header_widths(headers, SHORTFALL_WIDTHS)
    styles.header_row(ws, first, headers)
    styles.fit_row(ws, first, list(zip(headers, widths, strict=True)), bold=True)
    styles.widths(ws, widths)
    ws.freeze_panes = f"C{SHORTFALL_FIRST_ROW}"  # (no ws.cell(): the rows of this sheet are streamed)
    ws.auto_filter.ref = f"A{first}:{SHORTFALL_LAST_COL}{first + max(rows, 1)}"
    _print_table(ws, scope, municipality, first, widths, t)
    return widths


@dataclass(frozen=True)
class _ShortfallStyles:
    text: TextStyle
    integer: int
    points: int
    gap: TextStyle
    not_assessed: TextStyle
    missing: TextStyle
    overdue: TextStyle

    @classmethod
    def of(cls, ws: Worksheet) -> _ShortfallStyles:
        """The rows' styles, registered through a prototype cell (removed again) before saving."""
        proto = ws.cell(row=SHORTFALL_FIRST_ROW, column=1)
        proto.alignment = styles.WRAP_TOP  # (a style of its own: the default one is not indexed)
        text = text_style(proto)
        proto.alignment = Alignment(vertical="top")
        proto.number_format = "0"
        integer = style_id(proto)
        proto.number_format = styles.POINTS
        points = style_id(proto)
        proto.number_format = "General"
        proto.fill = styles.fill(palette.GAP[0])
        gap_style = text_style(proto)
        proto.fill = styles.fill(palette.NOT_ASSESSED[0])
        not_assessed = text_style(proto)
        proto.fill = styles.fill(palette.MISSING[0])
        proto.font = styles.font(bold=True, color=palette.MISSING[1])
        missing = text_style(proto)
        proto.fill = styles.fill(palette.OVERDUE[0])
        proto.font = styles.font(bold=True, color=palette.OVERDUE[1])
        overdue = text_style(proto)
        del ws._cells[(SHORTFALL_FIRST_ROW, 1)]
        return cls(text, integer, points, gap_style, not_assessed, missing, overdue)


def _shortfall_rows(
    missing: Sequence[gap.PersonShortfall],
    people: Sequence[Person],
    refs: dict[int, gap.CompetenceRef],
    st: _ShortfallStyles,
    widths: Sequence[float],
    t: _Words,
    mandatory: MandatoryCourses,
) -> Iterator[str]:
    """The rows as XML text: people in the order of the other sheets (unit, then name), each
    person's competences in framework order; each row as tall as its wrapped text. A course is a
    gap when it is desirable, *missing* or *overdue* when mandatory (docs/compliance.md)."""
    lang = t.lang
    order = {p.id: i for i, p in enumerate(people)}
    by_id = {p.id: p for p in people}
    comp_order = {c_id: i for i, c_id in enumerate(refs)}
    status = {
        "gap": (t("Avvik", "Gap"), st.gap),
        "not_assessed": (t("Ikke vurdert", "Not assessed"), st.not_assessed),
    }
    labels = {c_id: (ref.display_label(lang), ref.area_label(lang)) for c_id, ref in refs.items()}
    ranked = sorted(
        (m for m in missing if m.employee_id in by_id and m.competence_id in refs),
        key=lambda m: (order[m.employee_id], comp_order[m.competence_id]),
    )
    r = SHORTFALL_FIRST_ROW - 1
    for m in ranked:
        r += 1
        person = by_id[m.employee_id]
        competence, area = labels[m.competence_id]
        no = identifier_value(person.employee_no)
        word, style = status[m.status]
        if refs[m.competence_id].kind == "certificate":
            word, style = _course_status(m, person, mandatory, st, t)
        height = styles.row_height(
            [
                (person.sort_name, widths[1]),
                (person.units, widths[2]),
                (competence, widths[3]),
                (area, widths[4]),
            ]
        )
        tall = f' ht="{height}" customHeight="1"' if height else ""
        parts = [
            f'<row r="{r}"{tall}>',
            number_cell(f"A{r}", no, st.integer) if isinstance(no, int) else text_cell(f"A{r}", no, st.text),
            text_cell(f"B{r}", person.sort_name, st.text),
            text_cell(f"C{r}", person.units, st.text),
            text_cell(f"D{r}", competence, st.text),
            text_cell(f"E{r}", area, st.text),
            number_cell(f"F{r}", round_points(m.required_percent), st.points),
            number_cell(f"G{r}", round_points(m.current_percent), st.points)
            if m.current_percent is not None
            else "",
            number_cell(f"H{r}", round_points(m.gap), st.points),
            text_cell(f"I{r}", word, style),
            "</row>",
        ]
        yield "".join(parts)
