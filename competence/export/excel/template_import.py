"""Reading a filled-in assessment template back.

The file passes the roster import's guards before it is parsed, then is refused whole when it is
not a template of this register or its hidden layout was changed
(:mod:`competence.export.excel.filled_in`). Every level cell is then compared with the level it had
when the template was made:

* unchanged → nothing;
* a new level → a new assessment (source "leader", today, assessor = the user), unless the register
  already holds exactly that level (the file was read in before) or someone changed the level in
  the register since the template was made (then the cell is refused: nothing is overwritten);
* anything that is not a level of the competence's scale, a formula, or an emptied cell → refused,
  naming the cell, the person, the competence and the levels allowed.

All or nothing (docs/compliance.md): a template with a refused cell saves nothing, as the roster
import does, unless ``partial`` asks for the cells that can be read in. The new assessments are
written in one transaction (or none with ``dry_run``); an audit event per assessment comes from
:func:`competence.assessments.add_assessments`, plus one for the import.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.assessments import NewAssessment, add_assessments
from competence.clock import now, today
from competence.export.excel import template_layout as tl
from competence.export.excel.filled_in import (
    CellRefusal,
    LevelScale,
    cell_ref,
    int_or_none,
    is_empty,
    level_scales,
    open_workbook,
    refuse_changed_since,
    refuse_cleared,
    refuse_formula,
    refuse_gone_competence,
    refuse_gone_person,
    refuse_not_a_level,
    refused_file,
)
from competence.language import pick_name
from competence.settings import register_identity
from competence.uow import UnitOfWork
from db.codes import AssessmentSource, ImportKind, ImportMode, ImportStatus
from db.models import Assessment, Competence, Employee, ImportRun, ScaleLevel

__all__ = ["CellChange", "CellRefusal", "TemplateImportResult", "import_assessments"]


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
class TemplateImportResult:
    file_name: str
    unit_number: str
    applied: bool
    changed: tuple[CellChange, ...]
    refused: tuple[CellRefusal, ...]
    unchanged: int
    already_registered: int = 0
    #: the import was asked to save and refused the whole file for its refused cells
    refused_whole: bool = False

    def as_dict(self, lang: str = "nb") -> dict[str, Any]:
        return {
            "file": self.file_name,
            "unit": self.unit_number,
            "applied": self.applied,
            "refused_whole": self.refused_whole,
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
            "refused": [r.as_dict(lang) for r in self.refused],
            "unchanged": self.unchanged,
            "already_registered": self.already_registered,
        }


def import_assessments(
    uow: UnitOfWork, path: Path, *, dry_run: bool = False, partial: bool = False
) -> TemplateImportResult:
    """Read a filled-in template; saves only when no cell is refused, or with ``partial`` the
    cells that can be read in."""
    wb, checked = open_workbook(path, "en vurderingsmal", "an assessment template")
    with uow:
        s = uow.session
        layout, ws = _verified_layout(s, wb, path.name)
        result = _compare(s, ws, layout, path.name)
        refused_whole = bool(result.refused) and not partial and not dry_run
        if dry_run or refused_whole:
            return _result(result, applied=False, refused_whole=refused_whole)
        if result.changed:
            on = today()
            add_assessments(
                s,
                uow.actor,
                [
                    NewAssessment(
                        c.employee_id, c.competence_id, c.new_level, on, AssessmentSource.LEADER, uow.actor
                    )
                    for c in result.changed
                ],
            )
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
        audit.record(s, uow.actor, "import", entity="assessment_template", unit=layout.unit_number, **counts)
        uow.commit()
        return _result(result, applied=True)


def _result(c: _Comparison, *, applied: bool, refused_whole: bool = False) -> TemplateImportResult:
    return TemplateImportResult(
        c.file_name,
        c.unit_number,
        applied,
        c.changed,
        c.refused,
        c.unchanged,
        c.already_registered,
        refused_whole,
    )


def _verified_layout(session: Session, wb: Any, file_name: str) -> tuple[tl.TemplateLayout, Any]:
    """The template's layout when it is this register's and unchanged; otherwise a clear refusal."""
    # the levels sheet is called "Vurdering" in a Norwegian template, "Assessment" in an English one
    sheet = next((n for n in (tl.SHEET, tl.SHEETS_EN[tl.SHEET]) if n in wb.sheetnames), None)
    if tl.META_SHEET not in wb.sheetnames or sheet is None:
        raise refused_file(
            f"Filen {file_name} er ikke en vurderingsmal fra Kompetanseregister. Lag en mal med "
            "«Eksporter vurderingsmal» (export-template) og fyll ut den.",
            f"The file {file_name} is not an assessment template from Kompetanseregister. Make one with "
            "'Export assessment template' (export-template) and fill that in.",
        )
    meta = wb[tl.META_SHEET]
    values = {str(meta.cell(row=r, column=1).value): meta.cell(row=r, column=2).value for r in range(1, 10)}
    if values.get("format") != tl.FORMAT:
        raise refused_file(
            f"Filen {file_name} er ikke en vurderingsmal fra Kompetanseregister.",
            f"The file {file_name} is not an assessment template from Kompetanseregister.",
        )
    if values.get("version") != tl.FORMAT_VERSION:
        raise refused_file(
            f"Malen {file_name} er laget av en annen versjon av programmet. Lag en ny mal.",
            f"The template {file_name} was made by another version of the program. Make a new one.",
            "version",
        )
    identity = register_identity(session)
    if values.get("register") != identity.register_id:
        raise refused_file(
            f"Malen {file_name} er laget i et annet kompetanseregister og kan ikke leses inn her.",
            f"The template {file_name} was made in another competence register and cannot be read here.",
            "foreign_register",
        )
    ws = wb[sheet]
    competence_ids: list[int] = []
    col = tl.FIRST_COMP_COL
    while (comp_id := int_or_none(ws.cell(row=tl.ID_ROW, column=col).value)) is not None:
        competence_ids.append(comp_id)
        col += 1
    employee_ids: list[int] = []
    baseline: list[tuple[int | None, ...]] = []
    row = tl.FIRST_ROW
    while (emp_id := int_or_none(ws.cell(row=row, column=tl.ID_COL).value)) is not None:
        employee_ids.append(emp_id)
        meta_row = tl.META_GRID_ROW + len(baseline)
        baseline.append(
            tuple(
                int_or_none(meta.cell(row=meta_row, column=2 + i).value) for i in range(len(competence_ids))
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
        raise refused_file(
            f"Malen {file_name} er endret utenfor cellene for nivå (skjulte identifikatorer, rader eller "
            "kolonner stemmer ikke med malen som ble laget). Lag en ny mal og fyll ut den.",
            f"The template {file_name} was changed outside the level cells (hidden identifiers, rows or "
            "columns do not match the template that was made). Make a new template and fill that in.",
            "tampered",
        )
    return layout, ws


@dataclass(frozen=True)
class _Comparison:
    file_name: str
    unit_number: str
    changed: tuple[CellChange, ...]
    refused: tuple[CellRefusal, ...]
    unchanged: int
    already_registered: int


@dataclass
class _Register:
    """What the register holds about the template's people and competences now."""

    comps: dict[int, Competence]
    scales: dict[int, LevelScale]
    people: dict[int, Employee]
    current: dict[tuple[int, int], int]

    @classmethod
    def read(cls, session: Session, layout: tl.TemplateLayout) -> _Register:
        comps = {
            c.id: c
            for c in session.scalars(select(Competence).where(Competence.id.in_(layout.competence_ids)))
        }
        people = {
            e.id: e for e in session.scalars(select(Employee).where(Employee.id.in_(layout.employee_ids)))
        }
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
        return cls(comps, level_scales(session, comps.values()), people, current)


def _compare(session: Session, ws: Any, layout: tl.TemplateLayout, file_name: str) -> _Comparison:
    reg = _Register.read(session, layout)
    english = layout.sheet == tl.SHEETS_EN[tl.SHEET]
    changed: list[CellChange] = []
    refused: list[CellRefusal] = []
    unchanged = already = 0
    on = today()
    for i, emp_id in enumerate(layout.employee_ids):
        row = tl.FIRST_ROW + i
        person = reg.people.get(emp_id)
        for j, comp_id in enumerate(layout.competence_ids):
            col = tl.FIRST_COMP_COL + j
            cell = ws.cell(row=row, column=col)
            ref = cell_ref(layout.sheet, row, col)
            before = layout.baseline[i][j]
            comp = reg.comps.get(comp_id)
            about: dict[str, Any] = {
                "person": f"{person.full_name} ({person.shown_no})" if person is not None else None,
                "competence_nb": comp.name if comp is not None else None,
                "competence_en": (comp.name_en or comp.name) if comp is not None else None,
            }
            value = cell.value
            if cell.data_type == "f":
                refused.append(refuse_formula(ref, **about))
                continue
            if is_empty(value):
                if before is None:
                    unchanged += 1
                else:
                    refused.append(refuse_cleared(ref, before, **about))
                continue
            scale = reg.scales.get(comp.scale_id) if comp is not None else None
            if comp is None or scale is None:
                refused.append(refuse_gone_competence(ref, **about))
                continue
            level = scale.parse(value)
            if level is None:
                refused.append(refuse_not_a_level(ref, value, comp, scale, **about))
                continue
            if level == before:
                unchanged += 1
                continue
            if person is None or (person.left_on is not None and person.left_on <= on):
                refused.append(refuse_gone_person(ref, **about))
                continue
            now_level = reg.current.get((emp_id, comp_id))
            if now_level == level:
                already += 1
                continue
            if now_level != before:
                refused.append(refuse_changed_since(ref, now_level, **about))
                continue
            changed.append(
                CellChange(
                    ref,
                    emp_id,
                    comp_id,
                    person.employee_no,
                    person.full_name,
                    comp.name,
                    before,
                    level,
                    tl.level_label(level, scale.label_name(level, english)),
                    comp.name_en,
                )
            )
    return _Comparison(file_name, layout.unit_number, tuple(changed), tuple(refused), unchanged, already)
