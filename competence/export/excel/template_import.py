"""Reading a filled-in assessment template back.

The file passes the roster import's guards (size, type, zip bombs, XML attacks, lying sheet extents:
:mod:`competence.roster.guard`) before it is parsed, then refused whole when it is not a
template of this register or its hidden layout was changed. Every level cell is then compared with
the level it had when the template was made:

* unchanged → nothing;
* a new level → a new assessment (source "leader", today, assessor = the user), unless the register
  already holds exactly that level (the file was read in before) or someone changed the level in
  the register since the template was made (then the cell is refused: nothing is overwritten);
* anything that is not a level of the competence's scale, a formula, or an emptied cell → refused,
  with the cell reference and the reason.

All new assessments are written in one transaction (or none with ``dry_run``); an audit event per
assessment comes from :func:`competence.assessments.add_assessments`, plus one for the import.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.assessments import NewAssessment, add_assessments
from competence.clock import now, today
from competence.errors import ValidationError
from competence.export.excel import template_layout as tl
from competence.identifiers import clean_text
from competence.language import pick_name
from competence.roster.guard import check_file
from competence.roster.limits import DEFAULT_LIMITS
from competence.settings import register_identity
from competence.uow import UnitOfWork
from db.codes import AssessmentSource, ImportKind, ImportMode, ImportStatus
from db.models import Assessment, Competence, Employee, ImportRun, ScaleLevel

_LEADING_NUMBER = re.compile(r"^\s*(\d+)\s*(?:[–\-.:)]\s*(.*))?$")


@dataclass(frozen=True)
class CellChange:
    cell: str
    employee_id: int
    competence_id: int
    employee_no: str
    name: str
    competence: str
    old_level: int | None
    new_level: int
    new_label: str
    #: the competence's English name, where its framework has one
    competence_en: str | None = None

    def competence_name(self, lang: str) -> str:
        return pick_name(lang, self.competence, self.competence_en)


@dataclass(frozen=True)
class CellRefusal:
    cell: str
    code: str
    message_nb: str
    message_en: str

    def message(self, lang: str = "nb") -> str:
        text = self.message_en if lang.startswith("en") else self.message_nb
        sheet_word = "Sheet" if lang.startswith("en") else "Ark"
        return f"{sheet_word} {self.cell}: {text}"


@dataclass(frozen=True)
class TemplateImportResult:
    file_name: str
    unit_number: str
    applied: bool
    changed: tuple[CellChange, ...]
    refused: tuple[CellRefusal, ...]
    unchanged: int
    already_registered: int = 0

    def as_dict(self, lang: str = "nb") -> dict[str, Any]:
        return {
            "file": self.file_name,
            "unit": self.unit_number,
            "applied": self.applied,
            "changed": [
                {
                    "cell": c.cell,
                    "employee_no": c.employee_no,
                    "competence": c.competence,
                    "old_level": c.old_level,
                    "new_level": c.new_level,
                }
                for c in self.changed
            ],
            "refused": [{"cell": r.cell, "reason": r.code, "message": r.message(lang)} for r in self.refused],
            "unchanged": self.unchanged,
            "already_registered": self.already_registered,
        }


def _foreign(nb: str, en: str, code: str = "not_a_template") -> ValidationError:
    return ValidationError(nb, en, field="file", code=code)


#: a template is a unit's people × competences: far below a roster's limits
TEMPLATE_LIMITS = replace(DEFAULT_LIMITS, max_file_bytes=20 * 1024 * 1024)


def import_assessments(uow: UnitOfWork, path: Path, *, dry_run: bool = False) -> TemplateImportResult:
    checked = check_file(path, TEMPLATE_LIMITS)  # size, type, zip bombs, XML, sheet extents
    if checked.kind != "xlsx":
        raise _foreign(
            f"Filen {path.name} er ikke en vurderingsmal: malen er en Excel-arbeidsbok (.xlsx).",
            f"The file {path.name} is not an assessment template: a template is an Excel workbook (.xlsx).",
        )
    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # whatever openpyxl raises for a workbook it cannot read
        raise _unreadable(path.name) from exc
    with uow:
        s = uow.session
        layout, ws = _verified_layout(s, wb, path.name)
        result = _compare(s, ws, layout, path.name)
        if result.changed and not dry_run:
            on = today()
            add_assessments(
                s,
                uow.actor,
                [
                    NewAssessment(
                        c.employee_id,
                        c.competence_id,
                        c.new_level,
                        on,
                        AssessmentSource.LEADER,
                        uow.actor,
                    )
                    for c in result.changed
                ],
            )
        if not dry_run:
            counts: dict[str, Any] = {
                "changed": len(result.changed),
                "refused": len(result.refused),
                "unchanged": result.unchanged,
                "already_registered": result.already_registered,
            }
            s.add(
                ImportRun(
                    kind=ImportKind.ASSESSMENT_TEMPLATE,
                    actor=uow.actor,
                    file_name=path.name[:500],
                    file_sha256=checked.sha256,
                    mode=ImportMode.APPLY,
                    status=ImportStatus.OK,
                    counts=counts,
                    finished_at=now(),
                )
            )
            audit.record(
                s, uow.actor, "import", entity="assessment_template", unit=layout.unit_number, **counts
            )
            uow.commit()
        return TemplateImportResult(
            result.file_name,
            result.unit_number,
            not dry_run,
            result.changed,
            result.refused,
            result.unchanged,
            result.already_registered,
        )


def _unreadable(name: str) -> ValidationError:
    return _foreign(
        f"Filen {name} er skadet og kan ikke leses som Excel-arbeidsbok.",
        f"The file {name} is damaged and cannot be read as an Excel workbook.",
        "damaged",
    )


def _cell_ref(sheet: str, row: int, col: int) -> str:
    return f"{sheet}!{get_column_letter(col)}{row}"


def _verified_layout(session: Session, wb: Any, file_name: str) -> tuple[tl.TemplateLayout, Any]:
    """The template's layout when it is this register's and unchanged; otherwise a clear refusal."""
    # the levels sheet is called "Vurdering" in a Norwegian template, "Assessment" in an English one
    sheet = next((n for n in (tl.SHEET, tl.SHEETS_EN[tl.SHEET]) if n in wb.sheetnames), None)
    if tl.META_SHEET not in wb.sheetnames or sheet is None:
        raise _foreign(
            f"Filen {file_name} er ikke en vurderingsmal fra Kompetanseregister. Lag en mal med "
            "«Eksporter vurderingsmal» (export-template) og fyll ut den.",
            f"The file {file_name} is not an assessment template from Kompetanseregister. Make one with "
            "'Export assessment template' (export-template) and fill that in.",
        )
    meta = wb[tl.META_SHEET]
    values = {str(meta.cell(row=r, column=1).value): meta.cell(row=r, column=2).value for r in range(1, 10)}
    if values.get("format") != tl.FORMAT:
        raise _foreign(
            f"Filen {file_name} er ikke en vurderingsmal fra Kompetanseregister.",
            f"The file {file_name} is not an assessment template from Kompetanseregister.",
        )
    if values.get("version") != tl.FORMAT_VERSION:
        raise _foreign(
            f"Malen {file_name} er laget av en annen versjon av programmet. Lag en ny mal.",
            f"The template {file_name} was made by another version of the program. Make a new one.",
            "version",
        )
    identity = register_identity(session)
    if values.get("register") != identity.register_id:
        raise _foreign(
            f"Malen {file_name} er laget i et annet kompetanseregister og kan ikke leses inn her.",
            f"The template {file_name} was made in another competence register and cannot be read here.",
            "foreign_register",
        )
    ws = wb[sheet]
    competence_ids: list[int] = []
    col = tl.FIRST_COMP_COL
    while (comp_id := _int_or_none(ws.cell(row=tl.ID_ROW, column=col).value)) is not None:
        competence_ids.append(comp_id)
        col += 1
    employee_ids: list[int] = []
    baseline: list[tuple[int | None, ...]] = []
    row = tl.FIRST_ROW
    while (emp_id := _int_or_none(ws.cell(row=row, column=tl.ID_COL).value)) is not None:
        employee_ids.append(emp_id)
        meta_row = tl.META_GRID_ROW + len(baseline)
        baseline.append(
            tuple(
                _int_or_none(meta.cell(row=meta_row, column=2 + i).value) for i in range(len(competence_ids))
            )
        )
        row += 1
    layout = tl.TemplateLayout(
        str(values.get("register")),
        str(values.get("unit") or ""),
        bool(values.get("subunits")),
        str(values.get("made_on") or ""),
        tuple(employee_ids),
        tuple(competence_ids),
        tuple(baseline),
        sheet,
    )
    if not hmac.compare_digest(layout.digest(identity.secret), str(values.get("digest") or "")):
        raise _foreign(
            f"Malen {file_name} er endret utenfor cellene for nivå (skjulte identifikatorer, rader eller "
            "kolonner stemmer ikke med malen som ble laget). Lag en ny mal og fyll ut den.",
            f"The template {file_name} was changed outside the level cells (hidden identifiers, rows or "
            "columns do not match the template that was made). Make a new template and fill that in.",
            "tampered",
        )
    return layout, ws


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass
class _Scale:
    levels: dict[int, str]
    #: the levels' English names, which an English template shows
    levels_en: dict[int, str] = field(default_factory=dict)

    def label_name(self, ordinal: int, english: bool) -> str:
        """The level's name as the template shows it (English in an English template)."""
        return (self.levels_en.get(ordinal) if english else None) or self.levels[ordinal]

    def names(self, ordinal: int) -> set[str]:
        return {n.casefold() for n in (self.levels.get(ordinal), self.levels_en.get(ordinal)) if n}

    def parse(self, value: object) -> int | None:
        """The ordinal a cell means, or None when it is not a level of this scale."""
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            number = float(value)
            return int(number) if number.is_integer() and int(number) in self.levels else None
        text = clean_text(value)
        if not text:
            return None
        match = _LEADING_NUMBER.match(text)
        if match:
            ordinal = int(match.group(1))
            rest = (match.group(2) or "").strip()
            if ordinal in self.levels and (not rest or rest.casefold() in self.names(ordinal)):
                return ordinal
            return None
        by_name = [o for o in self.levels if text.casefold() in self.names(o)]
        return by_name[0] if len(by_name) == 1 else None

    def span(self) -> str:
        keys = sorted(self.levels)
        return f"{keys[0]}-{keys[-1]}" if keys else "-"


@dataclass(frozen=True)
class _Comparison:
    file_name: str
    unit_number: str
    changed: tuple[CellChange, ...]
    refused: tuple[CellRefusal, ...]
    unchanged: int
    already_registered: int


@dataclass(frozen=True)
class _Known:
    """What the register holds about the template's people and competences."""

    competences: dict[int, Competence]
    scales: dict[int, _Scale]
    people: dict[int, Employee]
    #: (employee, competence) → the current level's ordinal
    current: dict[tuple[int, int], int]


def _known(session: Session, layout: tl.TemplateLayout) -> _Known:
    comps = {
        c.id: c for c in session.scalars(select(Competence).where(Competence.id.in_(layout.competence_ids)))
    }
    scales: dict[int, _Scale] = {}
    for scale_id, ordinal, name, name_en in session.execute(
        select(ScaleLevel.scale_id, ScaleLevel.ordinal, ScaleLevel.name, ScaleLevel.name_en).where(
            ScaleLevel.scale_id.in_({c.scale_id for c in comps.values()})
        )
    ):
        known = scales.setdefault(scale_id, _Scale({}))
        known.levels[ordinal] = name
        if name_en:
            known.levels_en[ordinal] = name_en
    people = {e.id: e for e in session.scalars(select(Employee).where(Employee.id.in_(layout.employee_ids)))}
    level_ord = dict(session.execute(select(ScaleLevel.id, ScaleLevel.ordinal)).all())
    current: dict[tuple[int, int], int] = {}
    for emp_id, comp_id, level_id in session.execute(
        select(Assessment.employee_id, Assessment.competence_id, Assessment.level_id).where(
            Assessment.employee_id.in_(layout.employee_ids),
            Assessment.competence_id.in_(layout.competence_ids),
            Assessment.is_current,
        )
    ):
        current[(emp_id, comp_id)] = level_ord[level_id]
    return _Known(comps, scales, people, current)


#: a cell left as it was, or holding the level the register has already
_UNCHANGED, _ALREADY = "unchanged", "already"


@dataclass(frozen=True)
class _Cell:
    """One level cell of the template: where, whose, which competence, and the level it had."""

    ref: str
    employee_id: int
    competence_id: int
    before: int | None
    value: object
    formula: bool


def _compare(session: Session, ws: Any, layout: tl.TemplateLayout, file_name: str) -> _Comparison:
    known = _known(session, layout)
    english_template = layout.sheet == tl.SHEETS_EN[tl.SHEET]
    changed: list[CellChange] = []
    refused: list[CellRefusal] = []
    unchanged = already = 0
    on = today()
    for i, emp_id in enumerate(layout.employee_ids):
        row = tl.FIRST_ROW + i
        for j, comp_id in enumerate(layout.competence_ids):
            col = tl.FIRST_COMP_COL + j
            sheet_cell = ws.cell(row=row, column=col)
            cell = _Cell(
                _cell_ref(layout.sheet, row, col),
                emp_id,
                comp_id,
                layout.baseline[i][j],
                sheet_cell.value,
                sheet_cell.data_type == "f",
            )
            outcome = _judge(cell, known, on, english_template)
            if isinstance(outcome, CellChange):
                changed.append(outcome)
            elif isinstance(outcome, CellRefusal):
                refused.append(outcome)
            elif outcome == _ALREADY:
                already += 1
            else:
                unchanged += 1
    return _Comparison(file_name, layout.unit_number, tuple(changed), tuple(refused), unchanged, already)


def _judge(cell: _Cell, known: _Known, on: dt.date, english_template: bool) -> CellChange | CellRefusal | str:
    """What becomes of one cell: a new assessment, a refusal with its reason, or nothing."""
    ref, before, value = cell.ref, cell.before, cell.value
    if cell.formula:
        return CellRefusal(
            ref,
            "formula",
            "cellen inneholder en formel; skriv inn eller velg et nivå.",
            "the cell holds a formula; type or pick a level.",
        )
    if value is None or (isinstance(value, str) and not clean_text(value)):
        if before is None:
            return _UNCHANGED
        return CellRefusal(
            ref,
            "cleared",
            f"cellen er tømt; en vurdering kan ikke slettes fra malen (nivå {before} står).",
            f"the cell was emptied; an assessment cannot be deleted from the template "
            f"(level {before} stays).",
        )
    comp = known.competences.get(cell.competence_id)
    scale = known.scales.get(comp.scale_id) if comp is not None else None
    if comp is None or scale is None:
        return CellRefusal(
            ref,
            "competence_gone",
            "kompetansen finnes ikke lenger i registeret.",
            "the competence no longer exists in the register.",
        )
    level = scale.parse(value)
    if level is None:
        shown = clean_text(value)
        return CellRefusal(
            ref,
            "not_a_level",
            f"«{shown}» er ikke et nivå på skalaen for «{comp.name}» (gyldige nivåer: {scale.span()}).",
            f"'{shown}' is not a level of the scale of '{comp.name_en or comp.name}' "
            f"(valid levels: {scale.span()}).",
        )
    if level == before:
        return _UNCHANGED
    person = known.people.get(cell.employee_id)
    if person is None or (person.left_on is not None and person.left_on <= on):
        return CellRefusal(
            ref,
            "employee_gone",
            "personen er ikke lenger ansatt i registeret.",
            "the person is no longer employed in the register.",
        )
    now_level = known.current.get((cell.employee_id, cell.competence_id))
    if now_level == level:
        return _ALREADY
    if now_level != before:
        now_nb = "ikke vurdert" if now_level is None else str(now_level)
        now_en = "not assessed" if now_level is None else str(now_level)
        return CellRefusal(
            ref,
            "changed_since",
            f"nivået er endret i registeret etter at malen ble laget (nå: {now_nb}); "
            "ingenting er overskrevet. Lag en ny mal.",
            f"the level was changed in the register after the template was made (now: "
            f"{now_en}); nothing was overwritten. Make a new template.",
        )
    return CellChange(
        ref,
        cell.employee_id,
        cell.competence_id,
        person.employee_no,
        person.full_name,
        comp.name,
        before,
        level,
        tl.level_label(level, scale.label_name(level, english_template)),
        comp.name_en,
    )
