"""The competence matrix workbook.

Sheets:

* **Kompetansematrise**: one row per person (name, ansattnr, unit, role, FTE), one column per
  required competence under its strategy area, the current level in each cell. The colours are
  conditional formatting that compares each cell with what the person's role requires (looked up
  by the role cell in *Rollekrav*), so they stay right when someone edits a level, or a role, in
  Excel. Cells that are required but not assessed hold ``iv`` and are grey. A mandatory course the
  person lacks (no valid certificate) says *Mangler* or, past its deadline, *Forfalt*, each in a
  colour of its own (docs/compliance.md); a desirable course not taken holds the course scale's
  lowest level, a gap.
* **Forklaring**: the colours, the marker and every scale's levels.
* **Rollekrav**: each role (or combination of roles a person holds) × competence → required level,
  and the highest level of each competence's scale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
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
from competence.export.mandatory import MandatoryCourses
from competence.export.results import MatrixResult
from competence.export.scope import Scope, record_export, resolve_scope
from competence.gap import CompetenceRef
from competence.language import format_date, normalise_language, pick
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.codes import RequirementStatus

NOT_ASSESSED_MARK = "iv"
NOT_ASSESSED_MARK_EN = "na"
SHEET = "Kompetansematrise"
LEGEND_SHEET = "Forklaring"
ROLES_SHEET = "Rollekrav"
#: sheet names in English
SHEETS_EN = {SHEET: "Competence matrix", LEGEND_SHEET: "Legend", ROLES_SHEET: "Role requirements"}
PERSON_HEADERS = ("Navn", "Ansattnr", "Enhet", "Rolle", "Stilling %")
PERSON_HEADERS_EN = ("Name", "Employee no.", "Unit", "Role", "FTE %")
FIRST_COMP_COL = len(PERSON_HEADERS) + 1
ROLE_COL = "D"
#: width of a competence column, in characters
COMP_WIDTH = 4.6
#: width of a course's column: room for "Mangler", "Forfalt", "Overdue" in 9 pt bold
COURSE_WIDTH = 7.0
#: widths of the person columns: name and employee number (repeated on every printed page), unit
#: and role (at most), FTE
NAME_WIDTH, NO_WIDTH, MAX_TEXT_WIDTH, FTE_WIDTH = 28, 12, 30, 10
#: the competence names stand upright in row 2: 9 pt bold, about this many points a character
NAME_POINTS_PER_CHAR = 5.2
#: printed at this size (%), the smallest text (the 9 pt competence names) is 7.2 pt on paper
PRINT_SCALE = 80
#: share of the page kept free, for the difference between this estimate and a spreadsheet's
PAGE_SAFETY = 0.97
#: the role sheet's columns: role, people
ROLES_WIDTHS = (40, 9)
#: the legend sheet's columns: example, meaning (level name), the competences on a scale
LEGEND_WIDTHS = (9, 56, 44)


def sheet_name(name: str, lang: str) -> str:
    return SHEETS_EN[name] if normalise_language(lang) == "en" else name


def not_assessed_mark(lang: str) -> str:
    return NOT_ASSESSED_MARK_EN if normalise_language(lang) == "en" else NOT_ASSESSED_MARK


def lacking_marks(lang: str) -> tuple[str, str]:
    """What a lacking mandatory course's cell says: "Mangler", "Forfalt" (English: "Missing", "Overdue")."""
    return RequirementStatus.MISSING.label(lang), RequirementStatus.OVERDUE.label(lang)


#: Rollekrav: role, people, then the competences; row 3 holds each scale's top level
ROLES_FIRST_COMP_COL = 3
ROLES_TOP_ROW = 3
ROLES_FIRST_ROW = 4
HEADER_ROWS = 2


def export_matrix(
    uow: UnitOfWork,
    path: Path,
    *,
    unit_number: str | None = None,
    subunits: bool = True,
    lang: str = "nb",
) -> MatrixResult:
    """Write the matrix of a unit (with sub-units unless ``subunits`` is False) or of everyone,
    in ``lang``."""
    with uow.snapshot():
        s = uow.session
        municipality = get_settings(uow).municipality
        scope = resolve_scope(s, unit_number, subunits=subunits, lang=lang)
        result = write_matrix(s, path, scope, municipality=municipality, lang=lang)
        record_export(
            s,
            uow.actor,
            "matrix",
            scope,
            people=result.people,
            competences=result.competences,
            not_assessed=result.not_assessed,
            missing=result.missing,
            overdue=result.overdue,
        )
        uow.commit()
        return result


def write_matrix(
    session: Session, path: Path, scope: Scope, *, municipality: str, lang: str = "nb"
) -> MatrixResult:
    lang = normalise_language(lang)
    grid = plan_grid(session, scope, lang=lang)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(SHEET, lang)
    last_row = HEADER_ROWS + max(len(grid.people), 1)
    last_col = get_column_letter(max(FIRST_COMP_COL - 1 + len(grid.columns), FIRST_COMP_COL - 1))
    roles_sheet = wb.create_sheet(sheet_name(ROLES_SHEET, lang))
    role_rows = _roles_sheet(roles_sheet, grid, municipality, lang)
    _matrix_layout(ws, grid, last_row, last_col, (roles_sheet.title, role_rows), municipality, lang)
    _legend_sheet(wb.create_sheet(sheet_name(LEGEND_SHEET, lang), 1), grid, municipality, lang)
    counter = _Counter()
    mandatory = MandatoryCourses.of(
        session,
        scope,
        {r for p in grid.people for r in p.role_ids},
        [ref.id for ref in grid.columns if ref.kind == "certificate"],
    )
    marks = _Marks(not_assessed_mark(lang), *lacking_marks(lang))
    rows = _row_xml(grid, grid_rows(session, grid), _RowStyles.of(ws), counter, marks, mandatory)
    save_with_rows(wb, ws, path, rows, last_cell=f"{last_col}{last_row}")
    return MatrixResult(
        path, len(grid.people), len(grid.columns), counter.not_assessed, counter.missing, counter.overdue
    )


class _Counter:
    not_assessed = 0
    missing = 0
    overdue = 0


@dataclass(frozen=True)
class _Marks:
    """The texts of the cells without a level: not assessed, a mandatory course missing, overdue."""

    not_assessed: str
    missing: str
    overdue: str


def _matrix_layout(
    ws: Worksheet,
    grid: Grid,
    last_row: int,
    last_col: str,
    roles: tuple[str, int],
    municipality: str,
    lang: str,
) -> None:
    """The matrix sheet without its data rows; ``roles``: the role sheet's name and row count."""
    t = _Words(lang)
    headers = PERSON_HEADERS_EN if lang == "en" else PERSON_HEADERS
    styles.header_row(ws, 2, headers)
    title_text = t("Kompetansematrise · {scope}", "Competence matrix · {scope}").format(
        scope=grid.scope.label
    )
    title = safe_cell(ws.cell(row=1, column=1), title_text)
    title.font = styles.font(bold=True, size=12)
    # wrapped inside the name column: the title is repeated with that column on every printed
    # page, and a title running into the next columns would be cut off there
    title.alignment = Alignment(wrap_text=True, vertical="top")
    mark = not_assessed_mark(lang)
    note = safe_cell(
        ws.cell(row=1, column=3),
        t("{date} · {mark} = ikke vurdert", "{date} · {mark} = not assessed").format(
            date=format_date(grid.scope.at, lang), mark=mark
        ),
    )
    note.font = styles.font(italic=True, size=9, color="595959")
    note.alignment = Alignment(vertical="top")
    unit_width = min(max(max((len(p.units) for p in grid.people), default=10), 12), MAX_TEXT_WIDTH)
    role_width = min(max(max((len(p.role_key) for p in grid.people), default=10), 12), MAX_TEXT_WIDTH)
    person_widths = [NAME_WIDTH, NO_WIDTH, unit_width, role_width, FTE_WIDTH]
    comp_widths = competence_widths(grid.columns, lang)
    breaks = page_breaks(grid.columns, comp_widths, person_widths)
    styles.competence_header(
        ws,
        grid.columns,
        first_col=FIRST_COMP_COL,
        area_row=1,
        name_row=2,
        lang=lang,
        breaks=breaks,
        widths=comp_widths,
    )
    styles.widths(ws, person_widths)
    for i, width in enumerate(comp_widths):
        ws.column_dimensions[get_column_letter(FIRST_COMP_COL + i)].width = width
    title_lines = styles.text_lines(title_text, NAME_WIDTH * 11 / 12, bold=True)
    ws.row_dimensions[1].height = max(48, title_lines * 15.5 + 4)
    ws.row_dimensions[2].height = names_height(grid.columns, comp_widths, lang)
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{last_col}{last_row}"
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=grid.scope.label,
        on=grid.scope.at,
        title_rows="1:2",
        lang=lang,
    )
    _print_by_area(ws, breaks)
    styles.keep_readable(ws, PRINT_SCALE / 100)
    if grid.columns:
        _conditional_colours(ws, last_row, last_col, roles, _Marks(mark, *lacking_marks(lang)))


def competence_widths(columns: Sequence[CompetenceRef], lang: str) -> list[float]:
    """Each competence column's width: :data:`COMP_WIDTH` (:data:`COURSE_WIDTH` for a course),
    wider where an area without a code would not have room for its name above its columns."""
    widths = [COURSE_WIDTH if ref.kind == "certificate" else COMP_WIDTH for ref in columns]
    for area in _areas(columns):
        ref = columns[area[0]]
        if ref.area_code:
            continue  # the code stands in for a name without room
        width = styles.area_width(ref.area_display(lang), len(area), COMP_WIDTH)
        for i in area:
            widths[i] = max(width, widths[i])
    return widths


def names_height(columns: Sequence[CompetenceRef], widths: Sequence[float], lang: str) -> float:
    """The height of the row of upright competence names: the longest name in as many lines as
    its column holds side by side, so that no name runs into the next column."""
    height = 150.0
    for ref, width in zip(columns, widths, strict=True):
        lines = max(int((styles.column_points(width) - 6) // 11), 1)
        height = max(height, len(ref.display_label(lang)) * NAME_POINTS_PER_CHAR / lines + 14)
    return min(height, 300.0)


def _areas(columns: Sequence[CompetenceRef]) -> list[list[int]]:
    """The column indexes of each strategy area, in order."""
    areas: list[list[int]] = []
    for i, ref in enumerate(columns):
        if areas and columns[areas[-1][0]].area_id == ref.area_id:
            areas[-1].append(i)
        else:
            areas.append([i])
    return areas


def page_breaks(
    columns: Sequence[CompetenceRef],
    widths: Sequence[float],
    person_widths: Sequence[float],
    first_col: int = FIRST_COMP_COL,
) -> list[int]:
    """Where the printed matrix starts a new page (the sheet's column numbers): at strategy-area
    boundaries, packing as many whole areas on a page as fit at :data:`PRINT_SCALE` on A4
    landscape; an area wider than a page is split. The first page also holds the person columns
    (``person_widths``, competences from ``first_col`` on), later pages repeat the first two."""
    room = styles.LANDSCAPE_WIDTH * PAGE_SAFETY * 100 / PRINT_SCALE
    first_free = room - sum(styles.column_points(w) for w in person_widths)
    later_free = room - sum(styles.column_points(w) for w in person_widths[:2])
    points = [styles.column_points(w) for w in widths]
    breaks: list[int] = []
    free, used = first_free, 0.0
    for area in _areas(columns):
        size = sum(points[i] for i in area)
        if used and used + size > free:
            breaks.append(first_col + area[0])  # the area starts a page of its own
            free, used = later_free, 0.0
        for i in area:
            if used and used + points[i] > free:  # an area wider than a whole page goes on over the next
                breaks.append(first_col + i)
                free, used = later_free, 0.0
            used += points[i]
    return breaks


def _print_by_area(ws: Worksheet, breaks: Sequence[int]) -> None:
    """Printed at a fixed size, page by page at the area boundaries, name and employee number
    repeated on each page (instead of one page wide at whatever size that takes: 47 competences
    printed at 4 pt)."""
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = PRINT_SCALE
    ws.print_title_cols = "A:B"
    for column in breaks:
        ws.col_breaks.append(Break(id=column - 1))


class _Words:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, nb: str, en: str) -> str:
        return pick(self.lang, nb, en)


def _conditional_colours(
    ws: Worksheet, last_row: int, last_col: str, roles: tuple[str, int], marks: _Marks
) -> None:
    """Colour each level cell by comparing it with the requirement of the role in its row."""
    roles_sheet, role_rows = roles
    first = get_column_letter(FIRST_COMP_COL)
    cell = f"{first}3"
    roles_col = get_column_letter(ROLES_FIRST_COMP_COL)
    end = ROLES_FIRST_ROW + max(role_rows, 1) - 1
    req = (
        f"IFERROR(INDEX('{roles_sheet}'!{roles_col}${ROLES_FIRST_ROW}:{roles_col}${end},"
        f"MATCH(${ROLE_COL}3,'{roles_sheet}'!$A${ROLES_FIRST_ROW}:$A${end},0)),0)"
    )
    top = f"'{roles_sheet}'!{roles_col}${ROLES_TOP_ROW}"
    target = f"{first}3:{last_col}{last_row}"
    rules = [
        (f'{cell}="{marks.not_assessed}"', palette.NOT_ASSESSED),
        (f'{cell}="{marks.missing}"', palette.MISSING),
        (f'{cell}="{marks.overdue}"', palette.OVERDUE),
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
    missing: int
    overdue: int

    @classmethod
    def of(cls, ws: Worksheet) -> _RowStyles:
        """Register the data rows' styles through a prototype cell (removed again): before saving."""
        proto = ws.cell(row=HEADER_ROWS + 1, column=1)
        proto.font = styles.font(size=10)
        text = text_style(proto)
        proto.number_format = "0"
        integer = style_id(proto)
        proto.number_format = styles.ONE_DECIMAL
        fte = style_id(proto)
        proto.number_format = "General"
        proto.alignment = Alignment(horizontal="center")
        level = style_id(proto)
        proto.font = styles.font(size=9, italic=True, color=palette.NOT_ASSESSED[1])
        mark = style_id(proto)
        # the colours come from the conditional formats; the text colours alone still tell them apart
        proto.font = styles.font(size=9, bold=True, color=palette.MISSING[1])
        missing = style_id(proto)
        proto.font = styles.font(size=9, bold=True, color=palette.OVERDUE[0])
        overdue = style_id(proto)
        del ws._cells[(HEADER_ROWS + 1, 1)]
        return cls(text, integer, fte, level, mark, missing, overdue)


def _row_xml(
    grid: Grid,
    rows: Iterator[GridRow],
    st: _RowStyles,
    counter: _Counter,
    marks: _Marks,
    mandatory: MandatoryCourses,
) -> Iterator[str]:
    """The data rows as XML text."""
    s_text, s_int, s_fte, s_level = st.text, st.integer, st.fte, st.level
    letters = column_letters(FIRST_COMP_COL - 1 + len(grid.columns))
    # a level cell is "<c r=" + column + row + its tail; tails are few (one per level), so they are
    # made once: three string joins a cell instead of formatting three million cells
    heads = [f'<c r="{letter}' for letter in letters[FIRST_COMP_COL - 1 :]]
    tails: dict[int, str] = {}

    def level_tail(level: int) -> str:
        tail = tails.get(level)
        if tail is None:
            tail = tails[level] = f'" s="{s_level}"><v>{level}</v></c>'
        return tail

    mark_tail = _text_tail(st.mark, marks.not_assessed)
    lacking_tails = {
        RequirementStatus.MISSING: _text_tail(st.missing, marks.missing),
        RequirementStatus.OVERDUE: _text_tail(st.overdue, marks.overdue),
    }
    courses = _Courses(grid, mandatory, counter, lacking_tails, level_tail)
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
        courses_of_row = courses.cells(row)
        for col, (head, cur, req) in enumerate(zip(heads, row.current, row.required, strict=True)):
            if courses_of_row and col in courses_of_row:
                parts.append(head + rs + courses_of_row[col])
            elif cur is not None:
                parts.append(head + rs + level_tail(cur))
            elif req is not None:
                counter.not_assessed += 1
                parts.append(head + rs + mark_tail)
        parts.append("</row>")
        yield "".join(parts)


def _text_tail(style: int, text: str) -> str:
    return f'" s="{style}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


class _Courses:
    """The course cells of a row that do not show the certificate's level as it is: a mandatory
    course the person lacks (*Mangler*, *Forfalt*), and a desirable one never taken (the lowest
    level: a gap, never *ikke vurdert*; docs/compliance.md)."""

    def __init__(
        self,
        grid: Grid,
        mandatory: MandatoryCourses,
        counter: _Counter,
        lacking_tails: dict[RequirementStatus, str],
        level_tail: Callable[[int], str],
    ) -> None:
        #: (column, course id, top level, lowest level) of each course column
        self.columns = [
            (i, ref.id, grid.top_level(ref), levels[0][0])
            for i, ref in enumerate(grid.columns)
            if ref.kind == "certificate" and (levels := grid.scale_of(ref))
        ]
        self.mandatory = mandatory
        self.counter = counter
        self.lacking_tails = lacking_tails
        self.level_tail = level_tail

    def cells(self, row: GridRow) -> dict[int, str]:
        """Column → the cell's tail, for the course cells that differ from their level."""
        out: dict[int, str] = {}
        for col, course, top, lowest in self.columns:
            current = row.current[col]
            if row.required[col] is None or current == top:
                continue  # not required, or a valid certificate
            if course in self.mandatory.mandatory(row.person.role_ids):
                status = self.mandatory.lacking(row.person.id, course).status
                if status is RequirementStatus.OVERDUE:
                    self.counter.overdue += 1
                else:
                    self.counter.missing += 1
                out[col] = self.lacking_tails[status]
            elif current is None:
                out[col] = self.level_tail(lowest)
        return out


def _roles_sheet(ws: Worksheet, grid: Grid, municipality: str, lang: str) -> int:
    """Role (combination) × competence → required level; returns how many role rows there are."""
    t = _Words(lang)
    safe_cell(
        ws.cell(row=1, column=1),
        t(
            "Krav per rolle (nivå på kompetansens skala)",
            "Requirements per role (level on the competence's scale)",
        ),
    ).font = styles.TITLE_FONT
    styles.header_row(ws, 2, [t("Rolle", "Role"), t("Ansatte", "Employees")])
    for i, ref in enumerate(grid.columns):
        col = ROLES_FIRST_COMP_COL + i
        cell = safe_cell(ws.cell(row=2, column=col), ref.display_label(lang))
        cell.font = styles.font(bold=True, size=9)
        cell.alignment = Alignment(text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom")
        top = ws.cell(row=ROLES_TOP_ROW, column=col, value=grid.top_level(ref))
        top.font = styles.font(italic=True, color="595959")
        top.alignment = styles.CENTER
        ws.column_dimensions[get_column_letter(col)].width = COMP_WIDTH
    label = safe_cell(
        ws.cell(row=ROLES_TOP_ROW, column=1), t("Skalaens høyeste nivå", "Top level of the scale")
    )
    label.font = styles.font(italic=True, color="595959")
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
    ws.row_dimensions[2].height = names_height(grid.columns, [COMP_WIDTH] * len(grid.columns), lang)
    styles.widths(ws, ROLES_WIDTHS)
    ws.freeze_panes = ws.cell(row=ROLES_FIRST_ROW, column=ROLES_FIRST_COMP_COL).coordinate
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=grid.scope.label,
        on=grid.scope.at,
        title_rows="1:3",
        lang=lang,
    )
    _print_by_area(
        ws, page_breaks(grid.columns, [COMP_WIDTH] * len(grid.columns), ROLES_WIDTHS, ROLES_FIRST_COMP_COL)
    )
    styles.keep_readable(ws, PRINT_SCALE / 100)
    return row - ROLES_FIRST_ROW


def _legend_sheet(ws: Worksheet, grid: Grid, municipality: str, lang: str) -> None:
    """What the colours and numbers mean, how the sheet is read, and each scale's levels."""
    t = _Words(lang)
    row = styles.title(
        ws, t("Forklaring", "Legend"), f"{grid.scope.label} · {format_date(grid.scope.at, lang)}"
    )
    row = _colours_explained(ws, row, t)
    row = _reading_notes(ws, row + 2, t)
    _scale_levels(ws, row + 1, grid, t)
    styles.widths(ws, LEGEND_WIDTHS)
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=grid.scope.label,
        on=grid.scope.at,
        landscape=False,
        lang=lang,
    )
    styles.keep_readable(ws, styles.fitted_scale(LEGEND_WIDTHS, styles.PORTRAIT_WIDTH))


def _colours_explained(ws: Worksheet, row: int, t: _Words) -> int:
    """A sample cell of each colour with its meaning, from ``row``; returns the last row."""
    styles.header_row(ws, row, [t("Eksempel", "Example"), t("Betydning", "Meaning")])
    for colours, sample, text in _colour_meanings(t):
        row += 1
        cell = safe_cell(ws.cell(row=row, column=1), sample)
        cell.alignment = styles.CENTER
        if colours:
            cell.fill = styles.fill(colours[0])
            cell.font = styles.font(color=colours[1])
        safe_cell(ws.cell(row=row, column=2), text).alignment = styles.WRAP_TOP
        styles.fit_row(ws, row, [(text, LEGEND_WIDTHS[1])])
    return row


def _colour_meanings(t: _Words) -> list[tuple[tuple[str, str] | None, CellValue, str]]:
    """Each colour (fill, text) of the matrix, a sample cell's value and what it means."""
    mark = not_assessed_mark(t.lang)
    missing, overdue = lacking_marks(t.lang)
    return [
        (
            palette.MET,
            3,
            t(
                "Kravet er oppfylt: nivået er minst det rollen krever.",
                "The requirement is met: the level is at least what the role requires.",
            ),
        ),
        (
            palette.NEAR,
            2,
            t(
                "Litt under kravet: inntil en firedel av skalaen "
                "(ett nivå på en skala 1-4, to nivåer på 1-8).",
                "Just below the requirement: up to a quarter of the scale "
                "(one level on a 1-4 scale, two on 1-8).",
            ),
        ),
        (
            palette.GAP,
            1,
            t(
                "Under kravet med mer enn en firedel av skalaen.",
                "Below the requirement by more than a quarter of the scale.",
            ),
        ),
        (
            palette.MISSING,
            missing,
            t(
                "Mangler: et lovpålagt kurs som personen ikke har gyldig bevis for (aldri tatt, eller "
                "beviset er utløpt). Fristen, om rollen har en, er ikke passert ennå.",
                "Missing: a mandatory course the person holds no valid certificate for (never taken, "
                "or the certificate has expired). The deadline, if the role has one, has not passed yet.",
            ),
        ),
        (
            palette.OVERDUE,
            overdue,
            t(
                "Forfalt: et lovpålagt kurs som mangler etter fristen. Rapporten Lovpålagt opplæring "
                "viser frister og siden når.",
                "Overdue: a mandatory course still missing after its deadline. The report Mandatory "
                "training shows the deadlines and since when.",
            ),
        ),
        (
            palette.NOT_ASSESSED,
            mark,
            t(
                "Ikke vurdert: rollen krever kompetansen, men ingen vurdering er registrert. "
                "Teller som 0 i avviket.",
                "Not assessed: the role requires the competence, but no assessment is recorded. "
                "Counts as 0 in the gap.",
            ),
        ),
        (
            None,
            "",
            t(
                "Tom celle: kompetansen kreves ikke av personens rolle og er ikke vurdert.",
                "Empty cell: the person's role does not require the competence and it is not assessed.",
            ),
        ),
    ]


def _reading_notes(ws: Worksheet, row: int, t: _Words) -> int:
    """How the sheet is read, one note a row from ``row``; returns the row after them."""
    notes = [
        t(
            "Tallet i en celle er personens nåværende nivå (nyeste vurdering) på kompetansens skala.",
            "The number in a cell is the person's current level (newest assessment) "
            "on the competence's scale.",
        ),
        t(
            "Fargene sammenligner hver celle med kravet til rollen i kolonnen Rolle, slått opp i arket "
            "Rollekrav. Endrer du et nivå eller en rolle i arket, følger fargene med.",
            "The colours compare each cell with the requirement of the role in the Role column, looked up "
            "in the sheet Role requirements. Change a level or a role in the sheet, and the colours follow.",
        ),
        t(
            "Har en person flere roller, gjelder det høyeste kravet blant dem.",
            "A person with several roles has the highest requirement among them.",
        ),
        t(
            "Kurs og sertifikater: høyeste nivå = gyldig bevis, laveste nivå = ikke tatt eller utløpt "
            "(et ønsket kurs: et avvik). Et lovpålagt kurs uten gyldig bevis står som Mangler eller Forfalt.",
            "Courses and certificates: highest level = a valid certificate, lowest level = not taken or "
            "expired (a desirable course: a gap). A mandatory course without a valid certificate reads "
            "Missing or Overdue.",
        ),
        t(
            "Utskrift: ett strategiområde (eller flere små) per side, med navn og ansattnummer på hver side.",
            "Printing: one strategy area (or several small ones) per page, with name and employee number "
            "on every page.",
        ),
    ]
    for text in notes:
        safe_cell(ws.cell(row=row, column=2), text).alignment = styles.WRAP_TOP
        styles.fit_row(ws, row, [(text, LEGEND_WIDTHS[1])])
        row += 1
    return row


def _scale_levels(ws: Worksheet, row: int, grid: Grid, t: _Words) -> None:
    """Each scale's levels and the competences on it, from ``row``."""
    lang = t.lang
    styles.header_row(
        ws,
        row,
        [
            t("Nivå", "Level"),
            t("Navn på nivået", "Name of the level"),
            t("Kompetanser med denne skalaen", "Competences on this scale"),
        ],
    )
    by_scale: dict[int, list[str]] = {}
    for ref in grid.columns:
        by_scale.setdefault(ref.scale_id, []).append(ref.display_label(lang))
    for scale_id, labels in by_scale.items():
        row += 1
        names = ", ".join(labels)
        first = True
        for ordinal, name in grid.scales.get(scale_id, ()):
            ws.cell(row=row, column=1, value=ordinal).alignment = styles.CENTER_TOP
            safe_cell(ws.cell(row=row, column=2), name)
            if first:
                safe_cell(ws.cell(row=row, column=3), names).alignment = styles.WRAP_TOP
                styles.fit_row(ws, row, [(names, LEGEND_WIDTHS[2])])
                first = False
            row += 1
