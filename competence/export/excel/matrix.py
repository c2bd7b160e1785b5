"""The competence matrix workbook (issue 4, point 1).

Sheets:

* **Kompetansematrise**: one row per person (name, ansattnr, unit, role, FTE), one column per
  required competence under its strategy area, the current level in each cell. The colours are
  conditional formatting that compares each cell with what the person's role requires (looked up
  by the role cell in *Rollekrav*), so they stay right when someone edits a level, or a role, in
  Excel. Cells that are required but not assessed hold ``iv`` and are grey.
* **Forklaring**: the colours, the marker and every scale's levels.
* **Rollekrav**: each role (or combination of roles a person holds) × competence → required level,
  and the highest level of each competence's scale.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from competence.export import palette
from competence.export.cells import CellValue, identifier_value, safe_cell
from competence.export.excel import styles
from competence.export.excel.grid import Grid, GridRow, grid_rows, plan_grid
from competence.export.excel.splice import (
    TextStyle,
    column_letters,
    number_cell,
    save_with_rows,
    style_id,
    text_cell,
    text_style,
)
from competence.export.scope import Scope, record_export, resolve_scope
from competence.settings import get_settings
from competence.uow import UnitOfWork

NOT_ASSESSED_MARK = "iv"
SHEET = "Kompetansematrise"
LEGEND_SHEET = "Forklaring"
ROLES_SHEET = "Rollekrav"
PERSON_HEADERS = ("Navn", "Ansattnr", "Enhet", "Rolle", "Stilling %")
FIRST_COMP_COL = len(PERSON_HEADERS) + 1
ROLE_COL = "D"
#: Rollekrav: role, people, then the competences; row 3 holds each scale's top level
ROLES_FIRST_COMP_COL = 3
ROLES_TOP_ROW = 3
ROLES_FIRST_ROW = 4
HEADER_ROWS = 2


@dataclass(frozen=True)
class MatrixResult:
    path: Path
    people: int
    competences: int
    not_assessed: int


def export_matrix(
    uow: UnitOfWork, path: Path, *, unit_number: str | None = None, subunits: bool = True
) -> MatrixResult:
    """Write the matrix of a unit (with sub-units unless ``subunits`` is False) or of everyone."""
    municipality = get_settings(uow).municipality
    with uow:
        s = uow.session
        scope = resolve_scope(s, unit_number, subunits=subunits)
        result = write_matrix(s, path, scope, municipality=municipality)
        record_export(
            s,
            uow.actor,
            "matrix",
            scope,
            people=result.people,
            competences=result.competences,
            not_assessed=result.not_assessed,
        )
        uow.commit()
        return result


def write_matrix(session: Session, path: Path, scope: Scope, *, municipality: str) -> MatrixResult:
    grid = plan_grid(session, scope)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    last_row = HEADER_ROWS + max(len(grid.people), 1)
    last_col = get_column_letter(max(FIRST_COMP_COL - 1 + len(grid.columns), FIRST_COMP_COL - 1))
    role_rows = _roles_sheet(wb.create_sheet(ROLES_SHEET), grid)
    _matrix_layout(ws, grid, last_row, last_col, role_rows, municipality)
    _legend_sheet(wb.create_sheet(LEGEND_SHEET, 1), grid, municipality)
    counter = _Counter()
    rows = _row_xml(grid, grid_rows(session, grid), _RowStyles.of(ws), counter)
    save_with_rows(wb, ws, path, rows, last_cell=f"{last_col}{last_row}")
    return MatrixResult(path, len(grid.people), len(grid.columns), counter.not_assessed)


class _Counter:
    not_assessed = 0


def _matrix_layout(
    ws: Worksheet, grid: Grid, last_row: int, last_col: str, role_rows: int, municipality: str
) -> None:
    styles.header_row(ws, 2, PERSON_HEADERS)
    title = safe_cell(ws.cell(row=1, column=1), f"Kompetansematrise · {grid.scope.label}")
    title.font = Font(bold=True, size=12)
    note = safe_cell(
        ws.cell(row=1, column=3), f"{grid.scope.at:%d.%m.%Y} · {NOT_ASSESSED_MARK} = ikke vurdert"
    )
    note.font = Font(italic=True, size=9, color="595959")
    styles.competence_header(ws, grid.columns, first_col=FIRST_COMP_COL, area_row=1, name_row=2)
    unit_width = max((len(p.units) for p in grid.people), default=10)
    role_width = max((len(p.role_key) for p in grid.people), default=10)
    styles.widths(ws, [28, 10, min(max(unit_width, 12), 40), min(max(role_width, 12), 40), 8])
    for i in range(len(grid.columns)):
        ws.column_dimensions[get_column_letter(FIRST_COMP_COL + i)].width = 4.6
    ws.row_dimensions[1].height = 48
    ws.row_dimensions[2].height = 150
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{last_col}{last_row}"
    styles.print_setup(
        ws, municipality=municipality, scope_label=grid.scope.label, on=grid.scope.at, title_rows="1:2"
    )
    if grid.columns:
        _conditional_colours(ws, grid, last_row, last_col, role_rows)


def _conditional_colours(ws: Worksheet, grid: Grid, last_row: int, last_col: str, role_rows: int) -> None:
    """Colour each level cell by comparing it with the requirement of the role in its row."""
    first = get_column_letter(FIRST_COMP_COL)
    cell = f"{first}3"
    roles_col = get_column_letter(ROLES_FIRST_COMP_COL)
    end = ROLES_FIRST_ROW + max(role_rows, 1) - 1
    req = (
        f"IFERROR(INDEX('{ROLES_SHEET}'!{roles_col}${ROLES_FIRST_ROW}:{roles_col}${end},"
        f"MATCH(${ROLE_COL}3,'{ROLES_SHEET}'!$A${ROLES_FIRST_ROW}:$A${end},0)),0)"
    )
    top = f"'{ROLES_SHEET}'!{roles_col}${ROLES_TOP_ROW}"
    target = f"{first}3:{last_col}{last_row}"
    rules = [
        (f'{cell}="{NOT_ASSESSED_MARK}"', palette.NOT_ASSESSED),
        (f"AND(ISNUMBER({cell}),{req}>0,{cell}>={req})", palette.MET),
        (f"AND(ISNUMBER({cell}),{req}>0,{req}-{cell}<={top}/4)", palette.NEAR),
        (f"AND(ISNUMBER({cell}),{req}>0)", palette.GAP),
    ]
    for formula, (fill, text) in rules:
        ws.conditional_formatting.add(
            target,
            FormulaRule(formula=[formula], stopIfTrue=True, fill=styles.fill(fill), font=Font(color=text)),
        )


@dataclass(frozen=True)
class _RowStyles:
    text: TextStyle
    integer: int
    fte: int
    level: int
    mark: int

    @classmethod
    def of(cls, ws: Worksheet) -> _RowStyles:
        """Register the data rows' styles through a prototype cell (removed again): before saving."""
        proto = ws.cell(row=HEADER_ROWS + 1, column=1)
        proto.font = Font(size=10)
        text = text_style(proto)
        proto.number_format = "0"
        integer = style_id(proto)
        proto.number_format = styles.ONE_DECIMAL
        fte = style_id(proto)
        proto.number_format = "General"
        proto.alignment = Alignment(horizontal="center")
        level = style_id(proto)
        proto.font = Font(size=9, italic=True, color=palette.NOT_ASSESSED[1])
        mark = style_id(proto)
        del ws._cells[(HEADER_ROWS + 1, 1)]
        return cls(text, integer, fte, level, mark)


def _row_xml(grid: Grid, rows: Iterator[GridRow], st: _RowStyles, counter: _Counter) -> Iterator[str]:
    """The data rows as XML text."""
    s_text, s_int, s_fte, s_level, s_mark = st.text, st.integer, st.fte, st.level, st.mark
    letters = column_letters(FIRST_COMP_COL - 1 + len(grid.columns))
    # a level cell is "<c r=" + column + row + its tail; tails are few (one per level), so they are
    # made once: three string joins a cell instead of formatting three million cells
    heads = [f'<c r="{letter}' for letter in letters[FIRST_COMP_COL - 1 :]]
    tails: dict[int, str] = {}
    mark_tail = f'" s="{s_mark}" t="inlineStr"><is><t>{NOT_ASSESSED_MARK}</t></is></c>'
    r = HEADER_ROWS
    for row in rows:
        r += 1
        rs = str(r)
        person = row.person
        no = identifier_value(person.employee_no)
        parts = [
            f'<row r="{r}">',
            text_cell(f"A{r}", person.sort_name, s_text),
            number_cell(f"B{r}", no, s_int) if isinstance(no, int) else text_cell(f"B{r}", no, s_text),
            text_cell(f"C{r}", person.units, s_text),
            text_cell(f"D{r}", person.role_key, s_text) if person.roles else "",
            number_cell(f"E{r}", round(person.fte, 1), s_fte),
        ]
        for head, cur, req in zip(heads, row.current, row.required, strict=True):
            if cur is not None:
                tail = tails.get(cur)
                if tail is None:
                    tail = tails[cur] = f'" s="{s_level}"><v>{cur}</v></c>'
                parts.append(head + rs + tail)
            elif req is not None:
                counter.not_assessed += 1
                parts.append(head + rs + mark_tail)
        parts.append("</row>")
        yield "".join(parts)


def _roles_sheet(ws: Worksheet, grid: Grid) -> int:
    """Role (combination) × competence → required level; returns how many role rows there are."""
    safe_cell(
        ws.cell(row=1, column=1), "Krav per rolle (nivå på kompetansens skala)"
    ).font = styles.TITLE_FONT
    styles.header_row(ws, 2, ["Rolle", "Ansatte"])
    for i, ref in enumerate(grid.columns):
        col = ROLES_FIRST_COMP_COL + i
        cell = safe_cell(ws.cell(row=2, column=col), ref.label)
        cell.font = Font(bold=True, size=9)
        cell.alignment = Alignment(text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom")
        top = ws.cell(row=ROLES_TOP_ROW, column=col, value=grid.top_level(ref))
        top.font = Font(italic=True, color="595959")
        top.alignment = styles.CENTER
        ws.column_dimensions[get_column_letter(col)].width = 4.6
    label = safe_cell(ws.cell(row=ROLES_TOP_ROW, column=1), "Skalaens høyeste nivå")
    label.font = Font(italic=True, color="595959")
    counts: dict[str, int] = {}
    for person in grid.people:
        if person.roles:
            counts[person.role_key] = counts.get(person.role_key, 0) + 1
    row = ROLES_FIRST_ROW
    for key, role_ids in grid.role_keys().items():
        safe_cell(ws.cell(row=row, column=1), key)
        ws.cell(row=row, column=2, value=counts.get(key, 0))
        required = grid.levels.for_roles(role_ids)
        for i, ref in enumerate(grid.columns):
            level = required.get(ref.id)
            if level is not None:
                ws.cell(row=row, column=ROLES_FIRST_COMP_COL + i, value=level).alignment = styles.CENTER
        row += 1
    ws.row_dimensions[2].height = 150
    styles.widths(ws, [40, 9])
    ws.freeze_panes = ws.cell(row=ROLES_FIRST_ROW, column=ROLES_FIRST_COMP_COL).coordinate
    return row - ROLES_FIRST_ROW


def _legend_sheet(ws: Worksheet, grid: Grid, municipality: str) -> None:
    row = styles.title(ws, "Forklaring", f"{grid.scope.label} · {grid.scope.at:%d.%m.%Y}")
    explanations: list[tuple[tuple[str, str] | None, CellValue, str]] = [
        (palette.MET, 3, "Kravet er oppfylt: nivået er minst det rollen krever."),
        (
            palette.NEAR,
            2,
            "Litt under kravet: inntil en firedel av skalaen (ett nivå på en skala 1-4, to nivåer på 1-8).",
        ),
        (palette.GAP, 1, "Under kravet med mer enn en firedel av skalaen."),
        (
            palette.NOT_ASSESSED,
            NOT_ASSESSED_MARK,
            "Ikke vurdert: rollen krever kompetansen, men ingen vurdering er registrert "
            "(for kurs og sertifikater: ikke dokumentert). Teller som 0 i avviket.",
        ),
        (None, "", "Tom celle: kompetansen kreves ikke av personens rolle og er ikke vurdert."),
    ]
    styles.header_row(ws, row, ["Eksempel", "Betydning"])
    for colours, sample, text in explanations:
        row += 1
        cell = safe_cell(ws.cell(row=row, column=1), sample)
        cell.alignment = styles.CENTER
        if colours:
            cell.fill = styles.fill(colours[0])
            cell.font = Font(color=colours[1])
        safe_cell(ws.cell(row=row, column=2), text).alignment = styles.WRAP_TOP
        styles.fit_row(ws, row, [(text, 70)])
    row += 2
    notes = [
        "Tallet i en celle er personens nåværende nivå (nyeste vurdering) på kompetansens skala.",
        "Fargene sammenligner hver celle med kravet til rollen i kolonnen Rolle, slått opp i arket "
        "Rollekrav. Endrer du et nivå eller en rolle i arket, følger fargene med.",
        "Har en person flere roller, gjelder det høyeste kravet blant dem.",
        "Kurs og sertifikater: høyeste nivå = gyldig, laveste nivå = utløpt.",
    ]
    for text in notes:
        safe_cell(ws.cell(row=row, column=2), text).alignment = styles.WRAP_TOP
        styles.fit_row(ws, row, [(text, 70)])
        row += 1
    row += 1
    styles.header_row(ws, row, ["Nivå", "Navn på nivået", "Kompetanser med denne skalaen"])
    by_scale: dict[int, list[str]] = {}
    for ref in grid.columns:
        by_scale.setdefault(ref.scale_id, []).append(ref.label)
    for scale_id, labels in by_scale.items():
        row += 1
        names = ", ".join(labels)
        first = True
        for ordinal, name in grid.scales.get(scale_id, ()):
            ws.cell(row=row, column=1, value=ordinal).alignment = styles.CENTER
            safe_cell(ws.cell(row=row, column=2), name)
            if first:
                safe_cell(ws.cell(row=row, column=3), names).alignment = styles.WRAP_TOP
                styles.fit_row(ws, row, [(names, 60)])
                first = False
            row += 1
    styles.widths(ws, [10, 70, 60])
    styles.print_setup(
        ws, municipality=municipality, scope_label=grid.scope.label, on=grid.scope.at, landscape=False
    )
