"""The gap report workbook (issue 4, point 2): key figures; per unit and strategy area the share
meeting requirements, mean gap, not assessed and vulnerable competences; per area; vulnerable
competences; expiring and expired certificates; learning goals with status and due dates.

All figures come from :mod:`competence.gap` (the definitions of DESIGN §5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from competence import gap
from competence.export import palette
from competence.export.activities import goals_of_people
from competence.export.cells import identifier_value, safe_cell
from competence.export.excel import styles
from competence.export.scope import Scope, people_in, record_export, resolve_scope
from competence.files import private_output
from competence.settings import get_settings
from competence.uow import UnitOfWork


@dataclass(frozen=True)
class GapReportResult:
    path: Path
    units: int
    areas: int
    vulnerable: int
    certificates: int
    goals: int


@dataclass(frozen=True)
class _Table:
    title: str
    headers: Sequence[str]
    widths: Sequence[float]
    formats: Sequence[str | None]


def export_gap_report(
    uow: UnitOfWork, path: Path, *, unit_number: str | None = None, subunits: bool = True
) -> GapReportResult:
    reg = get_settings(uow)
    with uow:
        scope = resolve_scope(uow.session, unit_number, subunits=subunits)
    report = gap.gap_report(
        uow, unit_id=scope.unit_id, subunits=scope.subunits, at=scope.at, window_days=reg.expiry_window_days
    )
    figures, heat, areas = report.summary, report.heatmap, report.areas
    vulnerable, alerts = report.vulnerabilities, report.certificates
    with uow:
        s = uow.session
        goals = goals_of_people(s, people_in(s, scope), scope.at)
        wb = Workbook()
        _summary_sheet(wb.active, scope, figures, reg.municipality)
        unit_rows = _unit_area_rows(heat, vulnerable)
        _table(
            wb.create_sheet("Enheter og områder"),
            scope,
            reg.municipality,
            _Table(
                "Per enhet og strategiområde",
                [
                    "Enhetsnr",
                    "Enhet",
                    "Strategiområde",
                    "Krav (person × kompetanse)",
                    "Andel oppfylt",
                    "Snittavvik (prosentpoeng)",
                    "Ikke vurdert",
                    "Sårbare kompetanser",
                ],
                [10, 30, 34, 14, 11, 14, 11, 12],
                [None, None, None, "0", styles.PERCENT, styles.ONE_DECIMAL, "0", "0"],
            ),
            unit_rows,
            share_col=5,
        )
        _table(
            wb.create_sheet("Strategiområder"),
            scope,
            reg.municipality,
            _Table(
                "Per strategiområde (hver person og kompetanse telles én gang)",
                [
                    "Rammeverk",
                    "Strategiområde",
                    "Krav",
                    "Oppfylt",
                    "Andel oppfylt",
                    "Snittavvik (prosentpoeng)",
                    "Ikke vurdert",
                    "Krav i snitt (%)",
                    "Nivå i snitt (%)",
                ],
                [28, 34, 9, 9, 11, 14, 11, 11, 11],
                [
                    None,
                    None,
                    "0",
                    "0",
                    styles.PERCENT,
                    styles.ONE_DECIMAL,
                    "0",
                    styles.ONE_DECIMAL,
                    styles.ONE_DECIMAL,
                ],
            ),
            [
                [
                    a.framework_name,
                    _area_name(a.area_code, a.area_name),
                    a.items,
                    a.met,
                    a.share_met,
                    a.mean_gap,
                    a.not_assessed,
                    a.required_mean,
                    a.current_mean,
                ]
                for a in areas
            ],
            share_col=5,
        )
        _table(
            wb.create_sheet("Sårbarhet"),
            scope,
            reg.municipality,
            _Table(
                "Sårbare kompetanser: kritiske kompetanser som ingen eller bare én i enheten har",
                [
                    "Enhetsnr",
                    "Enhet",
                    "Kompetanse",
                    "Strategiområde",
                    "Personer med kravet",
                    "Har kompetansen",
                    "Hvem",
                ],
                [10, 28, 34, 30, 12, 12, 34],
                [None, None, None, None, "0", "0", None],
            ),
            [
                [
                    identifier_value(v.unit.number),
                    v.unit.name,
                    v.competence.label,
                    _area_name(v.competence.area_code, v.competence.area_name),
                    v.people_required,
                    v.holder_count,
                    ", ".join(v.holders) or "ingen",
                ]
                for v in vulnerable
            ],
        )
        _table(
            wb.create_sheet("Sertifikater"),
            scope,
            reg.municipality,
            _Table(
                f"Sertifikater som er utløpt eller utløper innen {reg.expiry_window_days} dager",
                ["Ansattnr", "Navn", "Enhet", "Kurs/sertifikat", "Gyldig til", "Dager igjen", "Status"],
                [10, 26, 28, 34, 12, 11, 12],
                [None, None, None, None, styles.DATE, "0", None],
            ),
            [
                [
                    identifier_value(a.employee_no),
                    a.name,
                    a.units,
                    a.certificate,
                    a.valid_until,
                    a.days_left,
                    "Utløpt" if a.status == "utlopt" else "Utløper",
                ]
                for a in alerts
            ],
            status_col=7,
        )
        _table(
            wb.create_sheet("Utviklingsmål"),
            scope,
            reg.municipality,
            _Table(
                "Utviklingsmål",
                [
                    "Ansattnr",
                    "Navn",
                    "Enhet",
                    "Mål / aktivitet",
                    "Type",
                    "Kompetanse",
                    "Målnivå",
                    "Start",
                    "Frist",
                    "Status",
                    "Timer",
                    "Kostnad (kr)",
                    "Forfalt",
                ],
                [10, 24, 24, 40, 14, 28, 16, 11, 11, 11, 8, 11, 8],
                [
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    styles.DATE,
                    styles.DATE,
                    None,
                    "0.0",
                    "#,##0",
                    None,
                ],
            ),
            [
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
                    "Ja" if g.overdue else "",
                ]
                for g in goals
            ],
        )
        with private_output(path) as tmp:
            wb.save(tmp)
        result = GapReportResult(
            path, len({r[0] for r in unit_rows}), len(areas), len(vulnerable), len(alerts), len(goals)
        )
        record_export(
            s,
            uow.actor,
            "gap_report",
            scope,
            units=result.units,
            areas=result.areas,
            vulnerable=result.vulnerable,
            certificates=result.certificates,
            goals=result.goals,
        )
        uow.commit()
        return result


def _area_name(code: str | None, name: str) -> str:
    return f"{code} {name}" if code and not name.startswith(code) else name


def _unit_area_rows(heat: gap.Heatmap, vulnerable: Sequence[gap.Vulnerability]) -> list[list[Any]]:
    """Heatmap cells (unit × competence) summed up to unit × strategy area."""
    refs = {c.id: c for c in heat.competences}
    area_order = {c.area_id: i for i, c in reversed(list(enumerate(heat.competences)))}
    vulnerable_count: dict[tuple[int, int], int] = {}
    for v in vulnerable:
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
                    _area_name(ref.area_code, ref.area_name),
                    int(people),
                    met / people if people else 0.0,
                    gap_sum / people if people else 0.0,
                    int(not_assessed),
                    vulnerable_count.get((unit.id, area_id), 0),
                ]
            )
    return rows


def _summary_sheet(ws: Worksheet, scope: Scope, figures: gap.GapSummary, municipality: str) -> None:
    ws.title = "Sammendrag"
    row = styles.title(ws, f"Avviksrapport · {scope.label}", f"{municipality} · {scope.at:%d.%m.%Y}")
    items: list[tuple[str, Any, str | None]] = [
        ("Ansatte", figures.people, "0"),
        ("Krav (person × kompetanse)", figures.requirements, "0"),
        ("Krav oppfylt", figures.met, "0"),
        ("Andel oppfylt", figures.share_met, styles.PERCENT),
        ("Ikke vurdert", figures.not_assessed, "0"),
        ("Snittavvik (prosentpoeng)", figures.mean_gap, styles.ONE_DECIMAL),
        ("Sårbare kompetanser", figures.vulnerable, "0"),
        ("Sertifikater som utløper", figures.expiring, "0"),
        ("Utløpte sertifikater", figures.expired, "0"),
        ("Forfalte utviklingsmål", figures.overdue_goals, "0"),
    ]
    styles.header_row(ws, row, ["Nøkkeltall", "Verdi"])
    for label, value, fmt in items:
        row += 1
        safe_cell(ws.cell(row=row, column=1), label)
        cell = safe_cell(ws.cell(row=row, column=2), value)
        if fmt:
            cell.number_format = fmt
    row += 2
    styles.header_row(ws, row, ["Største avvik", "Snittavvik", "Andel oppfylt", "Personer"])
    for rank in figures.largest_gaps:
        row += 1
        safe_cell(ws.cell(row=row, column=1), rank.competence.label)
        ws.cell(row=row, column=2, value=rank.mean_gap).number_format = styles.ONE_DECIMAL
        ws.cell(row=row, column=3, value=rank.share_met).number_format = styles.PERCENT
        ws.cell(row=row, column=4, value=rank.people)
    row += 2
    notes = [
        "Avvik = krevd nivå minus nåværende nivå i prosent av skalaen, når det er positivt.",
        "Ikke vurdert teller som 0 % i avviket og i andelen oppfylt, og vises alltid for seg.",
        "Sårbar: en kritisk kompetanse som ingen eller bare én i enheten har på krevd nivå.",
    ]
    for text in notes:
        safe_cell(ws.cell(row=row, column=1), text).font = Font(italic=True, color="595959")
        row += 1
    styles.widths(ws, [44, 14, 14, 10])
    styles.print_setup(ws, municipality=municipality, scope_label=scope.label, on=scope.at, landscape=False)


def _table(
    ws: Worksheet,
    scope: Scope,
    municipality: str,
    spec: _Table,
    rows: Sequence[Sequence[Any]],
    *,
    share_col: int | None = None,
    status_col: int | None = None,
) -> None:
    """A titled table with frozen header, filter, print setup and colours where they help."""
    first = styles.title(ws, spec.title, f"{scope.label} · {scope.at:%d.%m.%Y}")
    styles.header_row(ws, first, spec.headers)
    styles.fit_row(ws, first, list(zip(spec.headers, spec.widths, strict=True)))
    for i, values in enumerate(rows, start=first + 1):
        styles.set_cells(ws, i, list(values), list(spec.formats))
        if share_col is not None:
            share = values[share_col - 1]
            colours = palette.MET if share >= 0.9 else palette.NEAR if share >= 0.6 else palette.GAP
            ws.cell(row=i, column=share_col).fill = styles.fill(colours[0])
        if status_col is not None:
            colours = palette.GAP if values[status_col - 1] == "Utløpt" else palette.NEAR
            ws.cell(row=i, column=status_col).fill = styles.fill(colours[0])
    if not rows:
        safe_cell(ws.cell(row=first + 1, column=1), "Ingen.").font = Font(italic=True)
    last = get_column_letter(len(spec.headers))
    ws.freeze_panes = ws.cell(row=first + 1, column=1).coordinate
    ws.auto_filter.ref = f"A{first}:{last}{first + max(len(rows), 1)}"
    styles.widths(ws, spec.widths)
    styles.print_setup(
        ws, municipality=municipality, scope_label=scope.label, on=scope.at, title_rows=f"{first}:{first}"
    )
