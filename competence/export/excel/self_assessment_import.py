"""Reading a filled-in self-assessment form back as the employees' own assessments (source "self").

The file passes the guards of :mod:`competence.export.excel.filled_in` and must be a form of this
register with its hidden parts as they were made. Each person's *Ditt nivå* cell is compared with
the level of their last self-assessment when the form was made:

* the same level and no comment → nothing;
* a new level, or a comment → a new self-assessment dated today (the comment as its note), unless
  the register holds exactly that already (the form was read in before);
* not a level of the competence's scale, a formula, an emptied cell, a person no longer employed,
  or a self-assessment registered since the form was made → refused, naming the person, the sheet
  and the cell.

All or nothing (docs/compliance.md): a form with a refused cell saves nothing. The employees' levels
are kept beside the leader's, which they do not change (:mod:`competence.assessments`).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.assessments import SELF, NewAssessment, add_assessments
from competence.clock import now, today
from competence.export.excel import self_assessment_layout as sl
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
from competence.export.excel.template_layout import level_label
from competence.identifiers import clean_text
from competence.language import pick_name
from competence.settings import register_identity
from competence.uow import UnitOfWork
from competence.validation import optional_text
from db.codes import ImportKind, ImportMode, ImportStatus
from db.models import Assessment, Competence, Employee, ImportRun, ScaleLevel


@dataclass(frozen=True)
class SelfLevel:
    """One self-assessment the form records."""

    cell: str
    employee_id: int
    employee_no: str
    name: str
    competence_id: int
    competence: str
    competence_en: str | None
    old_level: int | None
    new_level: int
    new_label: str
    note: str | None

    def competence_name(self, lang: str) -> str:
        return pick_name(lang, self.competence, self.competence_en)


@dataclass(frozen=True)
class SelfAssessmentResult:
    file_name: str
    unit_number: str
    applied: bool
    recorded: tuple[SelfLevel, ...]
    refused: tuple[CellRefusal, ...]
    unchanged: int
    already_registered: int
    #: people (sheets) in the form
    people: int
    #: asked to save and refused whole for its refused cells
    refused_whole: bool = False

    def as_dict(self, lang: str = "nb") -> dict[str, Any]:
        return {
            "file": self.file_name,
            "unit": self.unit_number,
            "applied": self.applied,
            "refused_whole": self.refused_whole,
            "people": self.people,
            "recorded": [
                {
                    "cell": r.cell,
                    "employee_no": r.employee_no,
                    "competence": r.competence_name(lang),
                    "old_level": r.old_level,
                    "new_level": r.new_level,
                    "note": r.note,
                }
                for r in self.recorded
            ],
            "refused": [r.as_dict(lang) for r in self.refused],
            "unchanged": self.unchanged,
            "already_registered": self.already_registered,
        }


def import_self_assessment(uow: UnitOfWork, path: Path, *, dry_run: bool = False) -> SelfAssessmentResult:
    """Read a filled-in form; saves the employees' levels only when no cell is refused."""
    wb, checked = open_workbook(path, "et egenvurderingsskjema", "a self-assessment form")
    with uow:
        s = uow.session
        layout = _verified_layout(s, wb, path.name)
        found = _Reading(s, layout).read(wb)
        refused_whole = bool(found.refused) and not dry_run
        result = SelfAssessmentResult(
            path.name,
            layout.unit_number,
            not dry_run and not refused_whole,
            tuple(found.recorded),
            tuple(found.refused),
            found.unchanged,
            found.already,
            len(layout.people),
            refused_whole,
        )
        if not result.applied:
            return result
        on = today()
        add_assessments(
            s,
            uow.actor,
            [
                NewAssessment(r.employee_id, r.competence_id, r.new_level, on, SELF, r.name, r.note)
                for r in found.recorded
            ],
        )
        counts: dict[str, Any] = {
            "recorded": len(found.recorded),
            "people": len(layout.people),
            "unchanged": found.unchanged,
            "already_registered": found.already,
        }
        s.add(
            ImportRun(
                kind=ImportKind.SELF_ASSESSMENT,
                actor=uow.actor,
                file_name=path.name[:500],
                file_sha256=checked.sha256,
                mode=ImportMode.APPLY,
                status=ImportStatus.OK,
                counts=counts,
                finished_at=now(),
            )
        )
        audit.record(s, uow.actor, "import", entity="self_assessment", unit=layout.unit_number, **counts)
        uow.commit()
        return result


def _verified_layout(session: Session, wb: Any, file_name: str) -> sl.FormLayout:
    """The form's layout when it is this register's and unchanged; otherwise a clear refusal."""
    if sl.META_SHEET not in wb.sheetnames:
        raise refused_file(
            f"Filen {file_name} er ikke et egenvurderingsskjema fra Kompetanseregister. Lag et skjema med "
            "«Egenvurderingsskjema» (export-self-assessment) og fyll ut det.",
            f"The file {file_name} is not a self-assessment form from Kompetanseregister. Make one with "
            "'Self-assessment form' (export-self-assessment) and fill that in.",
        )
    meta = wb[sl.META_SHEET]
    values = {str(meta.cell(row=r, column=1).value): meta.cell(row=r, column=2).value for r in range(1, 12)}
    if values.get("format") != sl.FORMAT:
        raise refused_file(
            f"Filen {file_name} er ikke et egenvurderingsskjema fra Kompetanseregister.",
            f"The file {file_name} is not a self-assessment form from Kompetanseregister.",
        )
    if values.get("version") != sl.FORMAT_VERSION:
        raise refused_file(
            f"Skjemaet {file_name} er laget av en annen versjon av programmet. Lag et nytt.",
            f"The form {file_name} was made by another version of the program. Make a new one.",
            "version",
        )
    identity = register_identity(session)
    if values.get("register") != identity.register_id:
        raise refused_file(
            f"Skjemaet {file_name} er laget i et annet kompetanseregister og kan ikke leses inn her.",
            f"The form {file_name} was made in another competence register and cannot be read here.",
            "foreign_register",
        )
    layout = sl.FormLayout(
        str(values.get("register")),
        str(values.get("unit") or ""),
        bool(values.get("subunits")),
        str(values.get("made_on") or ""),
        str(values.get("lang") or "nb"),
        tuple(_people(meta)),
    )
    intact = hmac.compare_digest(layout.digest(identity.secret), str(values.get("digest") or ""))
    if not intact or not all(_sheet_intact(wb, p) for p in layout.people):
        raise refused_file(
            f"Skjemaet {file_name} er endret utenfor cellene for nivå og kommentar (ark, rader eller skjulte "
            "identifikatorer stemmer ikke med skjemaet som ble laget). Lag et nytt skjema.",
            f"The form {file_name} was changed outside the level and comment cells (sheets, rows or hidden "
            "identifiers do not match the form that was made). Make a new form.",
            "tampered",
        )
    return layout


def _people(meta: Any) -> Iterable[sl.PersonSheet]:
    row = sl.META_PEOPLE_ROW
    while (emp_id := int_or_none(meta.cell(row=row, column=2).value)) is not None:
        comps = str(meta.cell(row=row, column=3).value or "")
        base = str(meta.cell(row=row, column=4).value or "")
        competence_ids = tuple(int(c) for c in comps.split(",") if c.strip().isdigit())
        baseline = tuple(int(b) if b.strip().isdigit() else None for b in base.split(","))
        yield sl.PersonSheet(str(meta.cell(row=row, column=1).value), emp_id, competence_ids, baseline)
        row += 1


def _sheet_intact(wb: Any, person: sl.PersonSheet) -> bool:
    """The person's sheet is there and its hidden id column lists the competences of the layout."""
    if person.sheet not in wb.sheetnames or len(person.baseline) != len(person.competence_ids):
        return False
    ws = wb[person.sheet]
    ids = [
        int_or_none(ws.cell(row=sl.FIRST_ROW + i, column=sl.ID_COL).value)
        for i in range(len(person.competence_ids))
    ]
    after = ws.cell(row=sl.FIRST_ROW + len(person.competence_ids), column=sl.ID_COL).value
    return tuple(ids) == person.competence_ids and after is None


class _Reading:
    """The cells of every sheet, compared with the baseline and the register."""

    def __init__(self, session: Session, layout: sl.FormLayout) -> None:
        self.layout = layout
        emp_ids = [p.employee_id for p in layout.people]
        comp_ids = sorted({c for p in layout.people for c in p.competence_ids})
        self.people = {e.id: e for e in session.scalars(select(Employee).where(Employee.id.in_(emp_ids)))}
        self.comps = {c.id: c for c in session.scalars(select(Competence).where(Competence.id.in_(comp_ids)))}
        self.scales: dict[int, LevelScale] = level_scales(session, self.comps.values())
        self.latest = _latest_self(session, emp_ids, comp_ids)
        self.english = layout.lang == "en"
        self.recorded: list[SelfLevel] = []
        self.refused: list[CellRefusal] = []
        self.unchanged = self.already = 0
        self.on = today()

    def read(self, wb: Any) -> _Reading:
        for person in self.layout.people:
            ws = wb[person.sheet]
            for i, comp_id in enumerate(person.competence_ids):
                self._cell(ws, person, sl.FIRST_ROW + i, comp_id, person.baseline[i])
        return self

    def _cell(self, ws: Any, sheet: sl.PersonSheet, row: int, comp_id: int, before: int | None) -> None:
        person = self.people.get(sheet.employee_id)
        comp = self.comps.get(comp_id)
        ref = cell_ref(sheet.sheet, row, sl.LEVEL_COL)
        about: dict[str, Any] = {
            "person": f"{person.full_name} ({person.shown_no})" if person is not None else sheet.sheet,
            "competence_nb": comp.name if comp is not None else None,
            "competence_en": (comp.name_en or comp.name) if comp is not None else None,
        }
        cell = ws.cell(row=row, column=sl.LEVEL_COL)
        note_cell = ws.cell(row=row, column=sl.COMMENT_COL)
        for col, written in ((sl.LEVEL_COL, cell), (sl.COMMENT_COL, note_cell)):
            if written.data_type == "f":
                self.refused.append(refuse_formula(cell_ref(sheet.sheet, row, col), **about))
                return
        note = optional_text(clean_text(note_cell.value) or None, "note", "Kommentar", "Comment")
        if is_empty(cell.value):
            if before is None and note is None:
                self.unchanged += 1
            elif before is None:
                self.refused.append(self._comment_without_level(ref, about))
            else:
                self.refused.append(refuse_cleared(ref, before, **about))
            return
        scale = self.scales.get(comp.scale_id) if comp is not None else None
        if comp is None or scale is None:
            self.refused.append(refuse_gone_competence(ref, **about))
            return
        level = scale.parse(cell.value)
        if level is None:
            self.refused.append(refuse_not_a_level(ref, cell.value, comp, scale, **about))
            return
        if level == before and note is None:
            self.unchanged += 1
            return
        if person is None or (person.left_on is not None and person.left_on <= self.on):
            self.refused.append(refuse_gone_person(ref, **about))
            return
        latest = self.latest.get((sheet.employee_id, comp_id))
        if latest == (level, note):
            self.already += 1
            return
        if (latest[0] if latest else None) != before:
            self.refused.append(refuse_changed_since(ref, latest[0] if latest else None, **about))
            return
        self.recorded.append(
            SelfLevel(
                ref,
                person.id,
                person.shown_no,
                person.full_name,
                comp.id,
                comp.name,
                comp.name_en,
                before,
                level,
                level_label(level, scale.label_name(level, self.english)),
                note,
            )
        )

    @staticmethod
    def _comment_without_level(ref: str, about: dict[str, Any]) -> CellRefusal:
        return CellRefusal(
            ref,
            "comment_without_level",
            "det står en kommentar, men intet nivå; velg et nivå eller fjern kommentaren.",
            "there is a comment but no level; choose a level or remove the comment.",
            **about,
        )


def _latest_self(
    session: Session, employee_ids: list[int], competence_ids: list[int]
) -> dict[tuple[int, int], tuple[int, str | None]]:
    """(employee, competence) → level ordinal and note of the newest self-assessment."""
    latest: dict[tuple[int, int], tuple[int, str | None]] = {}
    if not employee_ids or not competence_ids:
        return latest
    rows = session.execute(
        select(Assessment.employee_id, Assessment.competence_id, ScaleLevel.ordinal, Assessment.note)
        .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
        .where(
            Assessment.employee_id.in_(employee_ids),
            Assessment.competence_id.in_(competence_ids),
            Assessment.source == SELF,
        )
        .order_by(Assessment.employee_id, Assessment.competence_id, Assessment.assessed_on, Assessment.id)
    )
    for emp_id, comp_id, ordinal, note in rows:
        latest[(emp_id, comp_id)] = (ordinal, note)  # ascending: the newest wins
    return latest
