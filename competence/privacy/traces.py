"""Traces people leave in rows that are not their own, and how erasure and anonymisation remove them.

Besides the rows about a person (see :mod:`competence.privacy.references`), their name can sit in
text that belongs to colleagues: "Vurdert av Åse Ødegård" on a colleague's assessment, the leader's
name on a colleague's appraisal talk, a note that mentions them. Erasure and anonymisation replace
the person's full name there. Only the full name ("Åse Ødegård", "Ødegård, Åse") is matched: a
first name alone is too common to remove from other people's notes.

Columns of type ``Text`` are free text by convention of :mod:`db.models`; the short ``String``
columns that hold a person's name are listed in :data:`PERSON_NAME_COLUMNS`.

Every function takes a group of people, so that a retention run over hundreds of leavers reads
each table once instead of once per person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Column, ColumnElement, Table, Text, or_, select, update
from sqlalchemy.orm import Session

from competence.privacy.references import person_references, role_references, subject_references, table

#: Short text columns that hold a person's name (not an id), per table.
PERSON_NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "assessment": ("assessor",),
    "appraisal": ("leader_name",),
}
#: What replaces an erased or anonymised person's name in colleagues' free text.
REMOVED_NAME = "[slettet]"
#: Up to this many people, the database itself picks out the rows that mention them (LIKE);
#: for more, one pass over the rows with text is cheaper than a LIKE per person per row.
SQL_PREFILTER_MAX = 20
CHUNK = 500
_WORD = re.compile(r"\w+")
T = TypeVar("T")


@dataclass(frozen=True)
class Person:
    id: int
    first_name: str
    last_name: str


def name_variants(first_name: str, last_name: str) -> list[str]:
    """The spellings of a full name that are looked for in free text."""
    first, last = first_name.strip(), last_name.strip()
    if not first or not last:
        return []
    return [f"{first} {last}", f"{last}, {first}", f"{last} {first}"]


def chunks(items: Sequence[T]) -> Iterator[list[T]]:
    """``items`` in slices small enough for an ``IN (...)`` list on any database."""
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


def free_text_columns(t: Table) -> list[Column[Any]]:
    return [c for c in t.columns if isinstance(c.type, Text)]


def name_columns(t: Table) -> list[Column[Any]]:
    return [t.c[name] for name in PERSON_NAME_COLUMNS.get(t.name, ())]


def _bump_version(t: Table) -> dict[str, Any]:
    """Core updates bypass the ORM's version counter: bump it, so an editor holding the old row is
    told it changed instead of writing the removed data back."""
    return {"version": t.c.version + 1} if "version" in t.c else {}


class _NameFinder:
    """Finds any of many people's full names in a text: a word index first, a regex only on a hit."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.by_word: dict[str, list[re.Pattern[str]]] = {}
        self.exact: set[str] = set()
        self.words: set[str] = set()
        for person in people:
            variants = name_variants(person.first_name, person.last_name)
            if not variants:
                continue
            tokens = _WORD.findall(person.last_name.casefold())
            if not tokens:
                continue
            alternatives = (r"\s+".join(re.escape(w) for w in v.split()) for v in variants)
            pattern = re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)
            self.by_word.setdefault(tokens[0], []).append(pattern)
            self.words.update(_WORD.findall(person.last_name))
            self.exact.update(v.casefold() for v in variants)

    def __bool__(self) -> bool:
        return bool(self.by_word)

    def replace(self, text: str) -> str:
        words = set(_WORD.findall(text.casefold()))
        for key in words & self.by_word.keys():
            for pattern in self.by_word[key]:
                text = pattern.sub(REMOVED_NAME, text)
        return text

    def is_exactly_a_name(self, text: str) -> bool:
        return " ".join(text.split()).casefold() in self.exact

    def sql_filter(self, columns: Sequence[Column[Any]]) -> ColumnElement[bool]:
        """Rows whose text contains one of the last names (as typed, or in capitals/small letters)."""
        spellings = {s for w in self.words for s in (w, w.upper(), w.lower(), w.title())}
        return or_(*(col.ilike(f"%{s}%") for col in columns for s in spellings))


def scrub_names_elsewhere(session: Session, people: Sequence[Person]) -> int:
    """Replace the people's full names in colleagues' rows; returns the number of values changed."""
    finder = _NameFinder(people)
    if not finder:
        return 0
    own = {p.id for p in people}
    changed = 0
    for ref in subject_references():
        t = table(ref.table)
        names = {c.name for c in name_columns(t)}
        columns = free_text_columns(t) + name_columns(t)
        if not columns:
            continue
        found = (
            finder.sql_filter(columns)
            if len(people) <= SQL_PREFILTER_MAX
            else or_(*(c.is_not(None) for c in columns))
        )
        stmt = select(t.c.id, t.c[ref.column], *columns).where(found)
        for row in list(session.execute(stmt).mappings()):
            if row[ref.column] in own:
                continue  # the person's own rows are deleted or cleared, not scrubbed
            values: dict[str, Any] = {}
            for col in columns:
                old = row[col.name]
                if not isinstance(old, str):
                    continue
                if col.name in names and finder.is_exactly_a_name(old):
                    values[col.name] = None
                elif (new := finder.replace(old)) != old:
                    values[col.name] = new
            if values:
                session.execute(update(t).where(t.c.id == row["id"]).values(**values, **_bump_version(t)))
                changed += len(values)
    return changed


def detach_roles(session: Session, person_ids: Sequence[int]) -> dict[str, int]:
    """Clear every role reference to the people in other rows (unit leader, manager, talk leader).

    A name stored beside such a reference (the leader's name on an appraisal) goes with it.
    """
    cleared: dict[str, int] = {}
    for ref in role_references():
        t = table(ref.table)
        values: dict[str, Any] = {ref.column: None}
        values.update(dict.fromkeys((c.name for c in name_columns(t)), None))
        count = 0
        for ids in chunks(person_ids):
            where = [t.c[ref.column].in_(ids)]
            if ref.table == "employee":
                where.append(t.c.id.not_in(ids))
            result = session.execute(update(t).where(*where).values(**values, **_bump_version(t)))
            count += int(result.rowcount or 0)  # type: ignore[attr-defined]
        cleared[ref.key] = count
    return cleared


def clear_own_free_text(session: Session, person_ids: Sequence[int]) -> int:
    """In the people's own rows, clear free text, names of others, and links to other people.

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
        for ids in chunks(person_ids):
            result = session.execute(
                update(t).where(t.c[ref.column].in_(ids)).values(**values, **_bump_version(t))
            )
            changed += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return changed
