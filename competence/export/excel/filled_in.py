"""What the imports of workbooks the register handed out share: the assessment template a leader
fills in and the self-assessment form an employee fills in.

* the file passes the roster import's guards (size, type, zip bombs, XML attacks, lying sheet
  extents: :mod:`competence.roster.guard`) before openpyxl parses it;
* a level cell is read as the level's number, its label ("3 – Kan selvstendig") or its name, in
  either language;
* a cell that cannot be read in is a :class:`CellRefusal` naming the sheet, the cell, the person
  and what is wrong; a file with any refusal is refused whole unless the user asks for the rest
  (docs/compliance.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.errors import ValidationError
from competence.identifiers import clean_text
from competence.roster.guard import CheckedFile, check_file
from competence.roster.limits import DEFAULT_LIMITS
from db.models import Competence, ScaleLevel

_LEADING_NUMBER = re.compile(r"^\s*(\d+)\s*(?:[–\-.:)]\s*(.*))?$")
#: a workbook the register hands out holds a unit's people: far below a roster's limits
WORKBOOK_LIMITS = replace(DEFAULT_LIMITS, max_file_bytes=20 * 1024 * 1024)


def refused_file(nb: str, en: str, code: str = "not_a_template") -> ValidationError:
    return ValidationError(nb, en, field="file", code=code)


def open_workbook(path: Path, what_nb: str, what_en: str) -> tuple[Any, CheckedFile]:
    """The workbook at ``path`` (formulas as written), after the guards; ``what`` names the kind
    of file in a refusal ("en vurderingsmal" / "an assessment template")."""
    checked = check_file(path, WORKBOOK_LIMITS)
    if checked.kind != "xlsx":
        raise refused_file(
            f"Filen {path.name} er ikke {what_nb}: den er en Excel-arbeidsbok (.xlsx).",
            f"The file {path.name} is not {what_en}: that is an Excel workbook (.xlsx).",
        )
    try:
        return load_workbook(path, data_only=False), checked
    except Exception as exc:  # whatever openpyxl raises for a workbook it cannot read
        raise refused_file(
            f"Filen {path.name} er skadet og kan ikke leses som Excel-arbeidsbok.",
            f"The file {path.name} is damaged and cannot be read as an Excel workbook.",
            "damaged",
        ) from exc


def cell_ref(sheet: str, row: int, col: int) -> str:
    return f"{sheet}!{get_column_letter(col)}{row}"


def int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


@dataclass
class LevelScale:
    """A scale's levels as a filled-in cell may name them."""

    levels: dict[int, str]
    #: the levels' English names, which an English workbook shows
    levels_en: dict[int, str] = field(default_factory=dict)

    def label_name(self, ordinal: int, english: bool) -> str:
        """The level's name as the workbook shows it (English in an English workbook)."""
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

    def allowed(self, english: bool) -> str:
        """Every level, "1 Kjenner til, 2 Kan med veiledning, …": what a refusal lists."""
        return ", ".join(f"{o} {self.label_name(o, english)}" for o in sorted(self.levels))


def level_scales(session: Session, competences: Iterable[Competence]) -> dict[int, LevelScale]:
    """The scales of ``competences`` by scale id, with the levels' names in both languages."""
    scales: dict[int, LevelScale] = {}
    scale_ids = {c.scale_id for c in competences}
    if not scale_ids:
        return scales
    for scale_id, ordinal, name, name_en in session.execute(
        select(ScaleLevel.scale_id, ScaleLevel.ordinal, ScaleLevel.name, ScaleLevel.name_en).where(
            ScaleLevel.scale_id.in_(scale_ids)
        )
    ):
        known = scales.setdefault(scale_id, LevelScale({}))
        known.levels[ordinal] = name
        if name_en:
            known.levels_en[ordinal] = name_en
    return scales


@dataclass(frozen=True)
class CellRefusal:
    """A cell that cannot be read in: where, whose, and why."""

    cell: str
    code: str
    message_nb: str
    message_en: str
    #: the person the cell is about ("Kari Nordmann (1002)"), and the competence
    person: str | None = None
    competence_nb: str | None = None
    competence_en: str | None = None

    def reason(self, lang: str = "nb") -> str:
        return self.message_en if lang.startswith("en") else self.message_nb

    def message(self, lang: str = "nb") -> str:
        english = lang.startswith("en")
        sheet_word = "Sheet" if english else "Ark"
        about = [p for p in (self.person, self.competence_en if english else self.competence_nb) if p]
        where = f" ({', '.join(about)})" if about else ""
        return f"{sheet_word} {self.cell}{where}: {self.reason(lang)}"

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {"cell": self.cell, "person": self.person, "reason": self.code, "message": self.message(lang)}


def refuse_formula(ref: str, **about: Any) -> CellRefusal:
    return CellRefusal(
        ref,
        "formula",
        "cellen inneholder en formel; skriv inn eller velg et nivå.",
        "the cell holds a formula; type or pick a level.",
        **about,
    )


def refuse_not_a_level(
    ref: str, value: object, comp: Competence, scale: LevelScale, **about: Any
) -> CellRefusal:
    shown = clean_text(value)
    return CellRefusal(
        ref,
        "not_a_level",
        f"«{shown}» er ikke et nivå på skalaen for «{comp.name}» (gyldige nivåer: {scale.allowed(False)}).",
        f"'{shown}' is not a level of the scale of '{comp.name_en or comp.name}' "
        f"(valid levels: {scale.allowed(True)}).",
        **about,
    )


def refuse_gone_competence(ref: str, **about: Any) -> CellRefusal:
    return CellRefusal(
        ref,
        "competence_gone",
        "kompetansen finnes ikke lenger i registeret.",
        "the competence no longer exists in the register.",
        **about,
    )


def refuse_gone_person(ref: str, **about: Any) -> CellRefusal:
    return CellRefusal(
        ref,
        "employee_gone",
        "personen er ikke lenger ansatt i registeret.",
        "the person is no longer employed in the register.",
        **about,
    )


def refuse_cleared(ref: str, before: int, **about: Any) -> CellRefusal:
    return CellRefusal(
        ref,
        "cleared",
        f"cellen er tømt; en vurdering kan ikke slettes fra filen (nivå {before} står).",
        f"the cell was emptied; an assessment cannot be deleted from the file (level {before} stays).",
        **about,
    )


def refuse_changed_since(ref: str, now_level: int | None, **about: Any) -> CellRefusal:
    now_nb = "ikke vurdert" if now_level is None else str(now_level)
    now_en = "not assessed" if now_level is None else str(now_level)
    return CellRefusal(
        ref,
        "changed_since",
        f"nivået er endret i registeret etter at filen ble laget (nå: {now_nb}); ingenting er overskrevet. "
        "Lag en ny fil.",
        f"the level was changed in the register after the file was made (now: {now_en}); nothing was "
        "overwritten. Make a new file.",
        **about,
    )
