"""The assessment template: a workbook a leader fills in and imports back.

One row per person of a unit, one column per competence their roles require that is assessed by
level (trainings proven by certificates are not in it). Each cell holds the current level as
"3 – Kan selvstendig" with a dropdown of the scale's levels (data validation); cells the person's
role requires are shaded. Only the level cells are editable: the sheet and the workbook structure
are protected. See :mod:`competence.export.excel.template_layout` for the hidden parts.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from competence.export.cells import identifier_value, safe_cell
from competence.export.excel import styles
from competence.export.excel import template_layout as tl
from competence.export.excel.grid import Grid, GridRow, grid_rows, plan_grid
from competence.export.results import TemplateResult
from competence.export.scope import record_export, resolve_scope
from competence.files import private_output
from competence.language import format_date, normalise_language, pick
from competence.settings import get_settings, register_identity
from competence.uow import UnitOfWork

REQUIRED_FILL = "FFF7E0"
#: width of a level column ("3 – Kan selvstendig" shrinks to fit)
LEVEL_WIDTH = 16


def export_template(
    uow: UnitOfWork, path: Path, *, unit_number: str, subunits: bool = False, lang: str = "nb"
) -> TemplateResult:
    """Write the assessment template for a unit (only its own people unless ``subunits``), in
    ``lang``: sheet names, texts and level names (the import reads either language)."""
    lang = normalise_language(lang)
    with uow.snapshot():
        s = uow.session
        municipality = get_settings(uow).municipality
        scope = resolve_scope(s, unit_number, subunits=subunits, lang=lang)
        identity = register_identity(s)
        grid = plan_grid(s, scope, kinds=("skill",), lang=lang)
        rows = list(grid_rows(s, grid))
        layout = tl.TemplateLayout(
            identity.register_id,
            scope.unit_number or "",
            scope.subunits,
            scope.at.isoformat(),
            tuple(r.person.id for r in rows),
            tuple(c.id for c in grid.columns),
            tuple(tuple(r.current) for r in rows),
            tl.sheet_name(tl.SHEET, lang),
        )
        wb = Workbook()
        ws = wb.active
        ws.title = layout.sheet
        level_ranges = _levels_sheet(wb.create_sheet(tl.sheet_name(tl.LEVELS_SHEET, lang)), grid, lang)
        _guide_sheet(wb.create_sheet(tl.sheet_name(tl.GUIDE_SHEET, lang)), grid, municipality, lang)
        _assessment_sheet(ws, grid, rows, level_ranges, municipality, lang)
        _meta_sheet(wb.create_sheet(tl.META_SHEET), layout, identity.secret)
        wb.security = WorkbookProtection(lockStructure=True)
        wb.active = 0
        with private_output(path) as tmp:
            wb.save(tmp)
        record_export(
            s, uow.actor, "assessment_template", scope, people=len(rows), competences=len(grid.columns)
        )
        uow.commit()
        return TemplateResult(path, len(rows), len(grid.columns))


def _levels_sheet(ws: Worksheet, grid: Grid, lang: str) -> dict[int, str]:
    """One column per scale with its level labels; returns scale id → the range a dropdown lists."""
    ranges: dict[int, str] = {}
    for col, scale_id in enumerate(sorted({c.scale_id for c in grid.columns}), start=1):
        levels = grid.scales.get(scale_id, ())
        heading = pick(lang, "Skala {id}", "Scale {id}").format(id=scale_id)
        safe_cell(ws.cell(row=1, column=col), heading).font = styles.font(bold=True)
        for i, label in enumerate(tl.level_labels(levels), start=2):
            safe_cell(ws.cell(row=i, column=col), label)
        letter = get_column_letter(col)
        ranges[scale_id] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(levels) + 1}"
        ws.column_dimensions[letter].width = 40
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return ranges


def _assessment_sheet(
    ws: Worksheet,
    grid: Grid,
    rows: list[GridRow],
    level_ranges: dict[int, str],
    municipality: str,
    lang: str,
) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    first, last_row = tl.FIRST_COMP_COL, tl.FIRST_ROW + max(len(rows), 1) - 1
    title = safe_cell(
        ws.cell(row=1, column=2),
        t("Kartlegging · {scope}", "Assessment · {scope}").format(scope=grid.scope.label),
    )
    title.font = styles.font(bold=True, size=12)
    headers = tl.PERSON_HEADERS_EN if lang == "en" else tl.PERSON_HEADERS
    styles.header_row(ws, tl.HEADER_ROW, [t("ansatt-id", "employee id"), *headers])
    styles.competence_header(
        ws,
        grid.columns,
        first_col=first,
        area_row=tl.AREA_ROW,
        name_row=tl.HEADER_ROW,
        lang=lang,
        widths=[LEVEL_WIDTH] * len(grid.columns),
    )
    safe_cell(ws.cell(row=tl.ID_ROW, column=tl.ID_COL), t("kompetanse-id", "competence id"))
    for i, ref in enumerate(grid.columns):
        ws.cell(row=tl.ID_ROW, column=first + i, value=ref.id)
    ws.row_dimensions[tl.ID_ROW].hidden = True
    ws.column_dimensions["A"].hidden = True
    _people_rows(ws, grid, rows)
    _level_lists(ws, grid, level_ranges, last_row, lang)
    styles.widths(ws, [6, 26, 10, 22], start_col=1)
    ws.row_dimensions[tl.AREA_ROW].height = 48
    ws.row_dimensions[tl.HEADER_ROW].height = 150
    ws.freeze_panes = ws.cell(row=tl.FIRST_ROW, column=first).coordinate
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widening a column is fine
    ws.protection.formatRows = False
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=grid.scope.label,
        on=grid.scope.at,
        title_rows=f"{tl.AREA_ROW}:{tl.HEADER_ROW}",
        lang=lang,
    )
    # the level texts are long: printed across pages at a readable size, names repeated on each
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = 70
    ws.print_title_cols = "B:D"


def _people_rows(ws: Worksheet, grid: Grid, rows: list[GridRow]) -> None:
    """A row per person: who, and today's level in each competence's cell (the cells to fill in are
    unlocked; a required competence's cell is tinted)."""
    first = tl.FIRST_COMP_COL
    editable = Protection(locked=False)
    required_fill = styles.fill(REQUIRED_FILL)
    for r, row in enumerate(rows, start=tl.FIRST_ROW):
        person = row.person
        ws.cell(row=r, column=tl.ID_COL, value=person.id)
        safe_cell(ws.cell(row=r, column=2), person.sort_name)
        safe_cell(ws.cell(row=r, column=3), identifier_value(person.employee_no))
        safe_cell(ws.cell(row=r, column=4), person.role_key)
        for i, ref in enumerate(grid.columns):
            cell = ws.cell(row=r, column=first + i)
            current = row.current[i]
            if current is not None:
                name = dict(grid.scale_of(ref)).get(current, "")
                safe_cell(cell, tl.level_label(current, name))
            cell.protection = editable
            cell.border = styles.BOX
            cell.alignment = Alignment(shrink_to_fit=True, vertical="center")
            cell.font = styles.font(size=9)
            if row.required[i] is not None:
                cell.fill = required_fill


def _level_lists(ws: Worksheet, grid: Grid, level_ranges: dict[int, str], last_row: int, lang: str) -> None:
    """Each competence's column offers the levels of its scale as a drop-down list."""

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    first = tl.FIRST_COMP_COL
    for i, ref in enumerate(grid.columns):
        letter = get_column_letter(first + i)
        dv = DataValidation(
            type="list",
            formula1=f"={level_ranges[ref.scale_id]}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=t("Ugyldig nivå", "Invalid level"),
            error=t(
                "Velg et nivå fra listen (pilen i cellen).",
                "Choose a level from the list (the arrow in the cell).",
            ),
            promptTitle=ref.display_name(lang)[:32],
            prompt=t("Velg nivået fra listen.", "Choose the level from the list."),
            showInputMessage=False,
        )
        dv.add(f"{letter}{tl.FIRST_ROW}:{letter}{last_row}")
        ws.add_data_validation(dv)
        ws.column_dimensions[letter].width = LEVEL_WIDTH


def _guide_sheet(ws: Worksheet, grid: Grid, municipality: str, lang: str) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    sheet = tl.sheet_name(tl.SHEET, lang)
    row = styles.title(
        ws,
        t("Slik fyller du ut malen", "How to fill in the template"),
        t("{scope} · laget {date}", "{scope} · made {date}").format(
            scope=grid.scope.label, date=format_date(grid.scope.at, lang)
        ),
    )
    steps = [
        t(
            "Gå til arket {sheet}. Hver rad er en ansatt, hver kolonne en kompetanse.",
            "Go to the sheet {sheet}. Each row is an employee, each column a competence.",
        ).format(sheet=sheet),
        t(
            "Klikk i en celle og velg nivået fra listen (pilen til høyre i cellen). Du kan også skrive "
            "bare tallet, for eksempel 3.",
            "Click a cell and choose the level from the list (the arrow at the right of the cell). You can "
            "also type just the number, for example 3.",
        ),
        t(
            "Gule celler er kompetanser som personens rolle krever. Tomme celler er ikke vurdert.",
            "Yellow cells are competences the person's role requires. Empty cells are not assessed.",
        ),
        t(
            "Endre bare de cellene du har vurdert nå. Uendrede celler blir ikke registrert på nytt.",
            "Change only the cells you have assessed now. Unchanged cells are not recorded again.",
        ),
        t(
            "En vurdering kan ikke slettes fra malen: en celle du tømmer, blir stående som før.",
            "An assessment cannot be deleted from the template: a cell you empty stays as it was.",
        ),
        t(
            "Lagre filen og les den inn i Kompetanseregister (Vurderinger → Les inn mal, eller "
            "kommandoen import-assessments). Du ser hva som endres før noe lagres.",
            "Save the file and read it into Kompetanseregister (Assessments → Read template, or the "
            "command import-assessments). You see what changes before anything is saved.",
        ),
        t(
            "Ikke kopier rader eller kolonner til en annen mal, og ikke endre oppsettet: malen kjenner "
            "igjen sine egne ansatte og kompetanser, og en endret mal blir avvist.",
            "Do not copy rows or columns into another template, and do not change its layout: the "
            "template knows its own employees and competences, and a changed template is refused.",
        ),
    ]
    for i, text in enumerate(steps, start=1):
        ws.cell(row=row, column=1, value=i).alignment = styles.WRAP_TOP
        safe_cell(ws.cell(row=row, column=2), text).alignment = styles.WRAP_TOP
        styles.fit_row(ws, row, [(text, 90)])
        row += 1
    row += 1
    safe_cell(ws.cell(row=row, column=2), t("Fargeforklaring", "Colours")).font = styles.font(bold=True)
    row += 1
    ws.cell(row=row, column=1).fill = styles.fill(REQUIRED_FILL)
    safe_cell(ws.cell(row=row, column=2), t("Rollen krever kompetansen", "The role requires the competence"))
    styles.widths(ws, [6, 100])
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=grid.scope.label,
        on=grid.scope.at,
        landscape=False,
        lang=lang,
    )


def _meta_sheet(ws: Worksheet, layout: tl.TemplateLayout, secret: bytes) -> None:
    values: list[tuple[str, object]] = [
        ("format", tl.FORMAT),
        ("version", tl.FORMAT_VERSION),
        ("register", layout.register_id),
        ("unit", layout.unit_number),
        ("subunits", int(layout.subunits)),
        ("made_on", layout.made_on),
        ("digest", layout.digest(secret)),
    ]
    for r, (key, value) in enumerate(values, start=1):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=value)
    for r, (emp_id, levels) in enumerate(
        zip(layout.employee_ids, layout.baseline, strict=True), tl.META_GRID_ROW
    ):
        ws.cell(row=r, column=1, value=emp_id)
        for c, level in enumerate(levels, start=2):
            if level is not None:
                ws.cell(row=r, column=c, value=level)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
