"""Which unit of the register a group of a 10-FAKTOR file is, and the mapping remembered for it.

In order (docs/planning.md): the user's choice for this import; the choice remembered from an
earlier import (``import_mapping``, under ``tenfactor:units``); the unit number, when the file has
a column for it; a unit whose name is the file's name (case, spaces and punctuation aside), also
written "2001 Hjemmetjenesten"; and for "Totalt", "Hele kommunen" or the municipality's own name,
the top unit of the register. A choice of "none" skips the group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.identifiers import canonical_number
from competence.roster.headers import header_key
from competence.tenfactor.headers import is_total_name
from competence.tenfactor.parse import FileGroup
from db.codes import UnitMatch
from db.models import ImportMapping, OrgUnit

SOURCE_KEY = "tenfactor:units"


@dataclass(frozen=True)
class UnitChoice:
    unit_id: int | None
    unit_number: str | None
    unit_name: str | None
    matched_by: UnitMatch
    #: the user (now or earlier) chose to leave the group out
    skipped: bool = False

    @property
    def label(self) -> str | None:
        return f"{self.unit_number} {self.unit_name}" if self.unit_number else None


def saved_mapping(session: Session) -> dict[str, str | None]:
    """Folded file name -> unit number (None: skipped), as remembered."""
    row = session.scalar(select(ImportMapping).where(ImportMapping.source_key == SOURCE_KEY))
    units = (row.mapping or {}).get("units") if row is not None else None
    return (
        {str(k): (None if v is None else str(v)) for k, v in units.items()} if isinstance(units, dict) else {}
    )


def remember_mapping(session: Session, chosen: Mapping[str, str | None]) -> bool:
    """Add the user's choices (file name -> unit number, None to skip) to the remembered mapping."""
    if not chosen:
        return False
    row = session.scalar(select(ImportMapping).where(ImportMapping.source_key == SOURCE_KEY))
    merged = {**saved_mapping(session), **{header_key(k): v for k, v in chosen.items()}}
    content = {"version": 1, "units": merged}
    if row is None:
        session.add(ImportMapping(source_key=SOURCE_KEY, sheet_name=None, mapping=content))
        return True
    if row.mapping == content:
        return False
    row.mapping = content
    return True


def resolve_units(
    session: Session,
    groups: Iterable[FileGroup],
    chosen: Mapping[str, str | None],
    municipality: str,
) -> dict[str, UnitChoice]:
    """The unit of each group, keyed by :attr:`FileGroup.key`."""
    units = session.execute(select(OrgUnit.id, OrgUnit.number, OrgUnit.name, OrgUnit.parent_id)).all()
    by_number = {number: (uid, number, name) for uid, number, name, _ in units}
    by_name: dict[str, list[tuple[int, str, str]]] = {}
    for uid, number, name, _ in units:
        by_name.setdefault(header_key(name), []).append((uid, number, name))
        by_name.setdefault(header_key(f"{number} {name}"), []).append((uid, number, name))
    roots = [(uid, number, name) for uid, number, name, parent in units if parent is None]
    saved = saved_mapping(session)
    picked = {header_key(k): v for k, v in chosen.items()}
    result: dict[str, UnitChoice] = {}

    def unit(number: str | None, how: UnitMatch) -> UnitChoice:
        if number is None:
            return UnitChoice(None, None, None, how, skipped=True)
        found = by_number.get(canonical_number(number) or "")
        return UnitChoice(*found, how) if found else UnitChoice(None, None, None, UnitMatch.NONE)

    for group in groups:
        key = group.key
        if key in result:
            continue
        if key in picked:
            result[key] = unit(picked[key], UnitMatch.CHOSEN)
        elif key in saved:
            result[key] = unit(saved[key], UnitMatch.SAVED)
        elif group.unit_number is not None and group.unit_number in by_number:
            result[key] = UnitChoice(*by_number[group.unit_number], UnitMatch.NUMBER)
        elif len(by_name.get(key, ())) == 1:
            result[key] = UnitChoice(*by_name[key][0], UnitMatch.NAME)
        elif (is_total_name(group.unit_text) or key == header_key(municipality)) and len(roots) == 1:
            result[key] = UnitChoice(*roots[0], UnitMatch.TOTAL)
        else:
            result[key] = UnitChoice(None, None, None, UnitMatch.NONE)
    return result
