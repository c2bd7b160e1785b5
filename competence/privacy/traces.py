"""Traces a person leaves in rows that are not their own, and how erasure and anonymisation remove them.

Besides the rows about a person (see :mod:`competence.privacy.references`), their name can sit in
text that belongs to colleagues: "Vurdert av Åse Ødegård" on a colleague's assessment, the leader's
name on a colleague's appraisal talk, a note that mentions them. Erasure and anonymisation replace
the person's full name there. Only the full name ("Åse Ødegård", "Ødegård, Åse") is matched: a
first name alone is too common to remove from other people's notes.

Columns of type ``Text`` are free text by convention of :mod:`db.models`; the short ``String``
columns that hold a person's name are listed in :data:`PERSON_NAME_COLUMNS`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Table, Text, or_, select, update
from sqlalchemy.orm import Session

from competence.privacy.references import person_references, role_references, subject_references, table

#: Short text columns that hold a person's name (not an id), per table.
PERSON_NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "assessment": ("assessor",),
    "appraisal": ("leader_name",),
}
#: What replaces an erased or anonymised person's name in colleagues' free text.
REMOVED_NAME = "[slettet]"


def name_variants(first_name: str, last_name: str) -> list[str]:
    """The spellings of a full name that are looked for in free text."""
    first, last = first_name.strip(), last_name.strip()
    if not first or not last:
        return []
    return [f"{first} {last}", f"{last}, {first}", f"{last} {first}"]


def _pattern(variants: Sequence[str]) -> re.Pattern[str]:
    alternatives = (r"\s+".join(re.escape(word) for word in v.split()) for v in variants)
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


def free_text_columns(t: Table) -> list[Column[Any]]:
    return [c for c in t.columns if isinstance(c.type, Text)]


def name_columns(t: Table) -> list[Column[Any]]:
    return [t.c[name] for name in PERSON_NAME_COLUMNS.get(t.name, ())]


def _bump_version(t: Table) -> dict[str, Any]:
    """Core updates bypass the ORM's version counter: bump it, so an editor holding the old row is
    told it changed instead of writing the removed data back."""
    return {"version": t.c.version + 1} if "version" in t.c else {}


def scrub_name_elsewhere(session: Session, person_id: int, first_name: str, last_name: str) -> int:
    """Replace the person's full name in colleagues' rows; returns the number of values changed."""
    variants = name_variants(first_name, last_name)
    if not variants:
        return 0
    pattern = _pattern(variants)
    wanted = {v.casefold() for v in variants}
    searched = {s for v in variants for s in (v, v.upper(), v.lower(), v.title())}
    changed = 0
    for ref in subject_references():
        t = table(ref.table)
        names = {c.name for c in name_columns(t)}
        columns = free_text_columns(t) + name_columns(t)
        if not columns:
            continue
        found = or_(*(col.ilike(f"%{s}%") for col in columns for s in searched))
        rows = session.execute(select(t.c.id, *columns).where(t.c[ref.column] != person_id, found)).mappings()
        for row in list(rows):
            values: dict[str, Any] = {}
            for col in columns:
                old = row[col.name]
                if not isinstance(old, str) or not pattern.search(old):
                    continue
                if col.name in names and " ".join(old.split()).casefold() in wanted:
                    values[col.name] = None
                else:
                    values[col.name] = pattern.sub(REMOVED_NAME, old)
            if values:
                session.execute(update(t).where(t.c.id == row["id"]).values(**values, **_bump_version(t)))
                changed += len(values)
    return changed


def detach_roles(session: Session, person_id: int) -> dict[str, int]:
    """Clear every role reference to the person in other rows (unit leader, manager, talk leader).

    A name stored beside such a reference (the leader's name on an appraisal) goes with it.
    """
    cleared: dict[str, int] = {}
    for ref in role_references():
        t = table(ref.table)
        values: dict[str, Any] = {ref.column: None}
        values.update(dict.fromkeys((c.name for c in name_columns(t)), None))
        where = [t.c[ref.column] == person_id]
        if ref.table == "employee":
            where.append(t.c.id != person_id)
        result = session.execute(update(t).where(*where).values(**values, **_bump_version(t)))
        cleared[ref.key] = int(result.rowcount or 0)  # type: ignore[attr-defined]
    return cleared


def clear_own_free_text(session: Session, person_id: int) -> int:
    """In the person's own rows, clear free text, names of others, and links to other people.

    Used by anonymisation, which keeps the rows (levels, dates, hours) for statistics.
    """
    changed = 0
    for ref in subject_references():
        t = table(ref.table)
        values: dict[str, Any] = {}
        for col in free_text_columns(t):
            values[col.name] = None if col.nullable else ""
        values.update(dict.fromkeys((c.name for c in name_columns(t)), None))
        for other in person_references():
            if other.table == t.name and other.column != ref.column:
                values[other.column] = None
        if not values:
            continue
        result = session.execute(
            update(t).where(t.c[ref.column] == person_id).values(**values, **_bump_version(t))
        )
        changed += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return changed
