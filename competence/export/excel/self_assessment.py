"""The self-assessment form: a workbook with one sheet per person of a unit, which each employee
fills in before the medarbeidersamtale (docs/compliance.md).

Each sheet lists the competences the person's roles require that are assessed by level, with what
the role requires, a drop-down of the scale's level texts under *Ditt nivå* (filled in with the
person's last self-assessment, if any) and a column for a comment. Only those two columns can be
edited; the guide sheet explains the levels. :mod:`competence.export.excel.self_assessment_import`
reads it back as the employees' own assessments, all or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.errors import ValidationError
from competence.export.cells import safe_cell
from competence.export.excel import self_assessment_layout as sl
from competence.export.excel import styles
from competence.export.excel.template_layout import level_label
from competence.export.results import SelfAssessmentResult
from competence.export.scope import Person, Scope, people_in, record_export, required_levels, resolve_scope
from competence.files import private_output
from competence.gap import CompetenceRef
from competence.gap.queries import competence_refs
from competence.language import format_date, normalise_language, pick, pick_name
from competence.settings import register_identity, register_settings
from competence.uow import UnitOfWork
from db.codes import AssessmentSource
from db.models import Assessment, Competence, ScaleLevel

EDITABLE_FILL = "FFF7E0"
SELF = AssessmentSource.SELF


@dataclass(frozen=True)
class _Level:
    ordinal: int
    name: str
    description: str | None


@dataclass(frozen=True)
class _Row:
    ref: CompetenceRef
    description: str | None
    required: int
    baseline: int | None
    last_on: dt.date | None


@dataclass(frozen=True)
class _Sheet:
    person: Person
    name: str
    rows: tuple[_Row, ...]


def export_self_assessment(
    uow: UnitOfWork, path: Path, *, unit_number: str, subunits: bool = False, lang: str = "nb"
) -> SelfAssessmentResult:
    """Write the form for the people of a unit (and its sub-units with ``subunits``) in ``lang``."""
    lang = normalise_language(lang)
    with uow.snapshot():
        s = uow.session
        municipality = register_settings(s).municipality
        scope = resolve_scope(s, unit_number, subunits=subunits, lang=lang)
        sheets, scales = _plan(s, scope, lang)
        if not sheets:
            raise ValidationError(
                f"Ingen i {scope.label} har kompetansekrav som vurderes på nivå: det er ikke noe å fylle ut.",
                f"No one in {scope.label} has requirements assessed by level: there is nothing to fill in.",
                field="unit",
            )
        identity = register_identity(s)
        layout = sl.FormLayout(
            identity.register_id,
            scope.unit_number or "",
            scope.subunits,
            scope.at.isoformat(),
            lang,
            tuple(
                sl.PersonSheet(
                    sheet.name,
                    sheet.person.id,
                    tuple(r.ref.id for r in sheet.rows),
                    tuple(r.baseline for r in sheet.rows),
                )
                for sheet in sheets
            ),
        )
        wb = Workbook()
        guide = wb.active
        guide.title = sl.GUIDE_SHEET[lang]
        _guide_sheet(guide, scope, scales, municipality, lang)
        ranges = _lists_sheet(wb.create_sheet(sl.LISTS_SHEET), scales)
        for sheet in sheets:
            _person_sheet(wb.create_sheet(sheet.name), sheet, scales, ranges, scope, municipality, lang)
        _meta_sheet(wb.create_sheet(sl.META_SHEET), layout, identity.secret)
        wb.security = WorkbookProtection(lockStructure=True)
        wb.active = 1 if len(wb.worksheets) > 2 else 0
        with private_output(path) as tmp:
            wb.save(tmp)
        cells = sum(len(sheet.rows) for sheet in sheets)
        record_export(s, uow.actor, "self_assessment_form", scope, people=len(sheets), cells=cells)
        uow.commit()
        return SelfAssessmentResult(path, len(sheets), cells)


def _plan(session: Session, scope: Scope, lang: str) -> tuple[list[_Sheet], dict[int, list[_Level]]]:
    """Each person with required skills, their rows; and the levels of the scales in use."""
    people = people_in(session, scope)
    levels = required_levels(session, {r for p in people for r in p.role_ids}, scope.at)
    wanted = sorted({c for reqs in levels.by_role.values() for c in reqs})
    refs = {k: v for k, v in competence_refs(session, wanted).items() if v.kind == "skill"}
    order = {ref_id: i for i, ref_id in enumerate(refs)}
    descriptions = {
        c_id: pick_name(lang, desc or "", desc_en) or None
        for c_id, desc, desc_en in session.execute(
            select(Competence.id, Competence.description, Competence.description_en).where(
                Competence.id.in_(list(refs))
            )
        )
    }
    scales = _scale_levels(session, {r.scale_id for r in refs.values()}, lang)
    ordinal_of = {level_id: o for level_id, o in session.execute(select(ScaleLevel.id, ScaleLevel.ordinal))}
    baseline = _last_self_assessments(session, [p.id for p in people], list(refs), ordinal_of)
    planned: list[tuple[Person, list[_Row]]] = []
    for person in people:
        merged = levels.for_roles(person.role_ids)
        rows = [
            _Row(refs[c], descriptions.get(c), level, *baseline.get((person.id, c), (None, None)))
            for c, level in sorted(merged.items(), key=lambda kv: order.get(kv[0], 0))
            if c in refs
        ]
        if rows:
            planned.append((person, rows))
    names = sl.sheet_names([(p.sort_name, p.employee_no) for p, _ in planned])
    return [_Sheet(p, name, tuple(rows)) for (p, rows), name in zip(planned, names, strict=True)], scales


def _scale_levels(session: Session, scale_ids: set[int], lang: str) -> dict[int, list[_Level]]:
    scales: dict[int, list[_Level]] = {}
    if not scale_ids:
        return scales
    for scale_id, ordinal, name, name_en, desc, desc_en in session.execute(
        select(
            ScaleLevel.scale_id,
            ScaleLevel.ordinal,
            ScaleLevel.name,
            ScaleLevel.name_en,
            ScaleLevel.description,
            ScaleLevel.description_en,
        )
        .where(ScaleLevel.scale_id.in_(sorted(scale_ids)))
        .order_by(ScaleLevel.scale_id, ScaleLevel.ordinal)
    ):
        scales.setdefault(scale_id, []).append(
            _Level(ordinal, pick_name(lang, name, name_en), pick_name(lang, desc or "", desc_en) or None)
        )
    return scales


def _last_self_assessments(
    session: Session, employee_ids: list[int], competence_ids: list[int], ordinal_of: dict[int, int]
) -> dict[tuple[int, int], tuple[int, dt.date]]:
    """(employee, competence) → level ordinal and date of the newest self-assessment."""
    found: dict[tuple[int, int], tuple[int, dt.date]] = {}
    if not competence_ids:
        return found
    for start in range(0, len(employee_ids), 1000):
        rows = session.execute(
            select(
                Assessment.employee_id, Assessment.competence_id, Assessment.level_id, Assessment.assessed_on
            )
            .where(
                Assessment.employee_id.in_(employee_ids[start : start + 1000]),
                Assessment.competence_id.in_(competence_ids),
                Assessment.source == SELF,
            )
            .order_by(Assessment.employee_id, Assessment.competence_id, Assessment.assessed_on, Assessment.id)
        )
        for emp_id, comp_id, level_id, on in rows:
            found[(emp_id, comp_id)] = (ordinal_of[level_id], on)  # ascending: the newest wins
    return found


def _lists_sheet(ws: Worksheet, scales: dict[int, list[_Level]]) -> dict[int, str]:
    """One column of level texts per scale; returns scale id → the range a drop-down lists."""
    ranges: dict[int, str] = {}
    for col, (scale_id, levels) in enumerate(sorted(scales.items()), start=1):
        for row, level in enumerate(levels, start=1):
            safe_cell(ws.cell(row=row, column=col), level_label(level.ordinal, level.name))
        letter = get_column_letter(col)
        ranges[scale_id] = f"{quote_sheetname(ws.title)}!${letter}$1:${letter}${len(levels)}"
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return ranges


def _person_sheet(
    ws: Worksheet,
    sheet: _Sheet,
    scales: dict[int, list[_Level]],
    ranges: dict[int, str],
    scope: Scope,
    municipality: str,
    lang: str,
) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    person = sheet.person
    safe_cell(
        ws.cell(row=1, column=2),
        t("Egenvurdering: {name}", "Self-assessment: {name}").format(name=person.full_name),
    ).font = styles.font(bold=True, size=14)
    details = [t("Ansattnr. {no}", "Employee no. {no}").format(no=person.employee_no), person.units]
    if person.roles:
        details.append(person.role_key)
    safe_cell(ws.cell(row=2, column=2), " · ".join(d for d in details if d))
    safe_cell(
        ws.cell(row=3, column=2),
        t(
            "Velg i kolonnen «Ditt nivå» det nivået som passer best for deg nå, og skriv gjerne en "
            "kommentar. Nivåene er forklart på arket {guide}.",
            "In the column 'Your level', choose the level that fits you best now, and add a comment if you "
            "like. The levels are explained on the sheet {guide}.",
        ).format(guide=sl.GUIDE_SHEET[lang]),
    ).alignment = styles.WRAP_TOP
    ws.merge_cells(start_row=3, start_column=2, end_row=3, end_column=sl.LAST_COL)
    ws.row_dimensions[3].height = 32
    headers = [
        t("kompetanse-id", "competence id"),
        t("Område", "Area"),
        t("Kompetanse", "Competence"),
        t("Hva det handler om", "What it is about"),
        t("Rollen krever", "The role requires"),
        t("Ditt nivå", "Your level"),
        t("Kommentar", "Comment"),
        t("Sist vurdert selv", "Last self-assessed"),
    ]
    styles.header_row(ws, sl.HEADER_ROW, headers)
    widths = [6, 16, 34, 52, 22, 26, 34, 14]
    _competence_rows(ws, sheet, scales, ranges, widths, lang)
    styles.widths(ws, widths)
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = ws.cell(row=sl.FIRST_ROW, column=sl.AREA_COL).coordinate
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=person.full_name,
        on=scope.at,
        title_rows=f"{sl.HEADER_ROW}:{sl.HEADER_ROW}",
        lang=lang,
    )


def _competence_rows(
    ws: Worksheet,
    sheet: _Sheet,
    scales: dict[int, list[_Level]],
    ranges: dict[int, str],
    widths: list[int],
    lang: str,
) -> None:
    """One row per required competence; the level (a drop-down) and the comment are editable."""
    editable = Protection(locked=False)
    mark = styles.fill(EDITABLE_FILL)
    error = pick(
        lang,
        "Velg et nivå fra listen (pilen i cellen).",
        "Choose a level from the list (the arrow in the cell).",
    )
    for r, row in enumerate(sheet.rows, start=sl.FIRST_ROW):
        ref = row.ref
        levels = {lv.ordinal: lv.name for lv in scales.get(ref.scale_id, [])}
        ws.cell(row=r, column=sl.ID_COL, value=ref.id)
        safe_cell(ws.cell(row=r, column=sl.AREA_COL), ref.area_label(lang))
        safe_cell(ws.cell(row=r, column=sl.NAME_COL), ref.display_label(lang))
        safe_cell(ws.cell(row=r, column=sl.DESCRIPTION_COL), row.description or "")
        safe_cell(
            ws.cell(row=r, column=sl.REQUIRED_COL), level_label(row.required, levels.get(row.required, ""))
        )
        level = ws.cell(row=r, column=sl.LEVEL_COL)
        if row.baseline is not None:
            safe_cell(level, level_label(row.baseline, levels.get(row.baseline, "")))
        comment = ws.cell(row=r, column=sl.COMMENT_COL)
        for cell in (level, comment):
            cell.protection = editable
            cell.fill = mark
            cell.border = styles.BOX
        if row.last_on is not None:
            safe_cell(ws.cell(row=r, column=sl.LAST_COL), format_date(row.last_on, lang))
        for col in range(sl.AREA_COL, sl.LAST_COL + 1):
            ws.cell(row=r, column=col).alignment = Alignment(wrap_text=True, vertical="top")
        styles.fit_row(ws, r, [(row.description or "", widths[3]), (ref.display_label(lang), widths[2])])
        dv = DataValidation(
            type="list",
            formula1=f"={ranges[ref.scale_id]}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=pick(lang, "Ugyldig nivå", "Invalid level"),
            error=error,
        )
        dv.add(level.coordinate)
        ws.add_data_validation(dv)


def _guide_sheet(
    ws: Worksheet, scope: Scope, scales: dict[int, list[_Level]], municipality: str, lang: str
) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    row = styles.title(
        ws,
        t("Egenvurdering før medarbeidersamtalen", "Self-assessment before the appraisal talk"),
        t("{scope} · laget {date}", "{scope} · made {date}").format(
            scope=scope.label, date=format_date(scope.at, lang)
        ),
    )
    steps = [
        t(
            "Hver ansatt har sitt eget ark, med navnet sitt på fanen nederst. Arket viser kompetansene "
            "rollen din krever, og hvilket nivå rollen krever.",
            "Each employee has a sheet of their own, with their name on the tab at the bottom. The sheet "
            "lists the competences your role requires, and the level it requires.",
        ),
        t(
            "Klikk i kolonnen «Ditt nivå» og velg nivået som passer best for deg nå (pilen til høyre i "
            "cellen). Du kan også skrive bare tallet, for eksempel 3.",
            "Click in the column 'Your level' and choose the level that fits you best now (the arrow at the "
            "right of the cell). You can also type just the number, for example 3.",
        ),
        t(
            "Står det et nivå der fra før, er det din forrige egenvurdering. La det stå hvis det fortsatt "
            "stemmer; skriv gjerne en kommentar likevel.",
            "A level already there is your previous self-assessment. Leave it if it is still right; add a "
            "comment anyway if you like.",
        ),
        t(
            "Lagre filen og gi den tilbake til lederen din. Egenvurderingen vises ved siden av lederens "
            "vurdering og er grunnlag for samtalen; den endrer ikke lederens vurdering.",
            "Save the file and give it back to your leader. Your self-assessment is shown beside your "
            "leader's assessment and is a basis for the talk; it does not change the leader's assessment.",
        ),
        t(
            "Ikke endre oppsettet (rader, kolonner eller ark): en endret fil kan ikke leses inn.",
            "Do not change the layout (rows, columns or sheets): a changed file cannot be read in.",
        ),
    ]
    for i, text in enumerate(steps, start=1):
        ws.cell(row=row, column=1, value=i).alignment = styles.WRAP_TOP
        safe_cell(ws.cell(row=row, column=2), text).alignment = styles.WRAP_TOP
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        styles.fit_row(ws, row, [(text, 100)])
        row += 1
    for levels in (scales[k] for k in sorted(scales)):
        row += 1
        styles.header_row(
            ws, row, [t("Nivå", "Level"), t("Navn", "Name"), t("Hva det betyr", "What it means")]
        )
        row += 1
        for level in levels:
            ws.cell(row=row, column=1, value=level.ordinal).alignment = styles.WRAP_TOP
            safe_cell(ws.cell(row=row, column=2), level.name).alignment = styles.WRAP_TOP
            safe_cell(ws.cell(row=row, column=3), level.description or "").alignment = styles.WRAP_TOP
            styles.fit_row(ws, row, [(level.description or "", 70), (level.name, 28)])
            row += 1
    styles.widths(ws, [6, 28, 70])
    styles.print_setup(
        ws, municipality=municipality, scope_label=scope.label, on=scope.at, landscape=False, lang=lang
    )


def _meta_sheet(ws: Worksheet, layout: sl.FormLayout, secret: bytes) -> None:
    values: list[tuple[str, object]] = [
        ("format", sl.FORMAT),
        ("version", sl.FORMAT_VERSION),
        ("register", layout.register_id),
        ("unit", layout.unit_number),
        ("subunits", int(layout.subunits)),
        ("made_on", layout.made_on),
        ("lang", layout.lang),
        ("digest", layout.digest(secret)),
    ]
    for r, (key, value) in enumerate(values, start=1):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=value)
    for r, person in enumerate(layout.people, start=sl.META_PEOPLE_ROW):
        ws.cell(row=r, column=1, value=person.sheet)
        ws.cell(row=r, column=2, value=person.employee_id)
        ws.cell(row=r, column=3, value=",".join(str(c) for c in person.competence_ids))
        ws.cell(row=r, column=4, value=",".join("" if b is None else str(b) for b in person.baseline))
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
