"""Where a person appears in the register: the one definition innsyn and erasure both use.

A person appears

1. in the rows about them: every row with a *subject* reference to them (their positions,
   assessments, certificates, goals, talks, account; :mod:`competence.privacy.references`);
2. in rows where they hold a role: every *role* reference (leader of a unit, manager of a colleague
   or a position, leader of a colleague's talk);
3. in text anywhere else (:func:`find_mentions`): their full name ("Åse Ødegård", "Ødegård, Åse"),
   their e-mail address (also as ``first.last@...``) and their employee number (as an HR system
   writes it too, with leading zeros) in any free-text column of any table, and their full name as
   the whole value of a name column (the assessor of a colleague's assessment, the leader's name on
   a colleague's talk);
4. in the audit log: the events with their employee number (:func:`audit_events_about`).

Innsyn (:mod:`competence.privacy.innsyn`) shows each of these; erasure deletes 1, clears 2, replaces
the traces in 3 with "[slettet]" and deletes 4; anonymisation (:mod:`competence.privacy.retention`)
does the same to 2 and 3 and rewrites 4 to the token. A first name alone is not looked for: it is
too common to remove from other people's notes. An employee number of fewer than four digits is
looked for only right after a word that says it is one ("ansattnr 17"): "17" alone is too often
just a number.

Columns of type ``Text`` are free text by convention of :mod:`db.models`; the short ``String``
columns that hold a person's name are listed in :data:`PERSON_NAME_COLUMNS`.

Every function takes a group of people, so that a retention run over hundreds of leavers reads
each table once instead of once per person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Column, ColumnElement, Table, Text, or_, select, update
from sqlalchemy.orm import Session

from competence.identifiers import canonical_number
from competence.privacy.references import (
    PERSON_TABLE,
    person_references,
    role_references,
    subject_references,
    table,
)
from db.models import AuditEvent, Base

#: Short text columns that hold a person's name (not an id), per table.
PERSON_NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "assessment": ("assessor",),
    "appraisal": ("leader_name",),
}
#: What replaces an erased or anonymised person's name, address or number in others' text.
REMOVED_NAME = "[slettet]"
#: Up to this many people, the database itself picks out the rows that mention them (LIKE);
#: for more, one pass over the rows with text is cheaper than a LIKE per person per row.
SQL_PREFILTER_MAX = 20
CHUNK = 500
#: Employee numbers with fewer digits than this are looked for only after a word naming them.
SHORT_NUMBER_DIGITS = 4
#: Words that say the number after them is an employee number.
NUMBER_CUES = (
    r"(?:ansattnummer|ansattnr|ansatt-?nr|ansatt\s+nr|ans\.?\s*nr|employee\s+(?:no|number)|emp\.?\s*no)"
)
_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
#: Letters an e-mail address spells in plain ASCII (Ødegård -> odegard, oedegaard).
_ASCII_SPELLINGS = {"æ": ("ae",), "ø": ("o", "oe"), "å": ("a", "aa"), "ä": ("a", "ae"), "ö": ("o", "oe")}
T = TypeVar("T")


@dataclass(frozen=True)
class Person:
    id: int
    first_name: str
    last_name: str
    email: str | None = None
    employee_no: str | None = None


@dataclass(frozen=True)
class Mention:
    """One value, in a row that is not the person's own, that names or refers to them."""

    table: str
    row_id: int
    column: str
    #: The person the row is about (its subject reference), None for register-wide data (a role).
    owner_id: int | None
    #: Whose traces are in the value (ids of the people looked for).
    person_ids: frozenset[int]
    #: What was found: "name", "email", "employee_no".
    kinds: frozenset[str]
    #: The value as stored.
    text: str
    #: The value with the traces replaced; None when the whole value is a name (it is cleared).
    scrubbed: str | None
    #: Where in ``text`` each trace is (start, end), for innsyn's excerpts.
    spans: tuple[tuple[int, int], ...] = field(default=())


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


def audit_events_about(numbers: Sequence[str]) -> ColumnElement[bool]:
    """The audit events about the people with these employee numbers."""
    return AuditEvent.employee_no.in_(list(numbers))


def _bump_version(t: Table) -> dict[str, Any]:
    """Core updates bypass the ORM's version counter: bump it, so an editor holding the old row is
    told it changed instead of writing the removed data back."""
    return {"version": t.c.version + 1} if "version" in t.c else {}


def _ascii_spellings(text: str) -> set[str]:
    """``text`` in lower case as an e-mail address would spell it (æøå written out, accents off)."""
    spellings = {""}
    for char in text.casefold():
        options = _ASCII_SPELLINGS.get(char)
        if options is None:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            options = (plain,)
        spellings = {s + o for s in spellings for o in options}
        if len(spellings) > 64:  # a name full of æøå: the plain spelling is enough
            spellings = set(list(spellings)[:64])
    return spellings


def _address_names(first_name: str, last_name: str) -> set[str]:
    """The local parts of an address made from the name: ``first.last``, ``first_last``..."""
    out: set[str] = set()
    firsts = _ascii_spellings(first_name.strip().replace(" ", "-"))
    lasts = _ascii_spellings(last_name.strip().replace(" ", "-"))
    for first in firsts:
        for last in lasts:
            if first and last:
                out.update(f"{first}{sep}{last}" for sep in ".-_")
    return out


class _TraceFinder:
    """Finds people's traces in a text: a word index first, a regex only on a hit."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.by_word: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {}
        self.exact: dict[str, int] = {}
        self.addresses: dict[str, int] = {}
        self.spellings: set[str] = set()
        self._unions: dict[str, re.Pattern[str]] = {}
        for person in people:
            self._add_name(person)
            self._add_email(person)
            self._add_number(person)

    def _index(self, key: str, person_id: int, kind: str, pattern: str) -> None:
        self.by_word.setdefault(key, []).append((person_id, kind, re.compile(pattern, re.IGNORECASE)))

    def _add_name(self, person: Person) -> None:
        variants = name_variants(person.first_name, person.last_name)
        tokens = _WORD.findall(person.last_name.casefold())
        if not variants or not tokens:
            return
        alternatives = (r"\s+".join(re.escape(w) for w in v.split()) for v in variants)
        self._index(tokens[0], person.id, "name", "|".join(f"(?:{a})" for a in alternatives))
        self.spellings.update(_WORD.findall(person.last_name))
        self.exact.update(dict.fromkeys((" ".join(v.split()).casefold() for v in variants), person.id))
        self.addresses.update(dict.fromkeys(_address_names(person.first_name, person.last_name), person.id))

    def _add_email(self, person: Person) -> None:
        email = (person.email or "").strip().casefold()
        if "@" in email:
            self.addresses[email] = person.id
            self.spellings.add(email)

    def _add_number(self, person: Person) -> None:
        number = canonical_number(person.employee_no) if person.employee_no else None
        if not number:
            return
        self.spellings.add(number)
        digits = number.isdigit()
        body = f"0*{re.escape(number)}" if digits else re.escape(number)
        # not part of a longer number, a word, a decimal or a date
        alone = rf"(?<![\w.,/-]){body}(?![\w/]|[.,]\d)"
        key = number.casefold() if not digits else number
        if digits and len(number) < SHORT_NUMBER_DIGITS:
            # the cue stays, only the number (group "t") is the trace
            pattern = rf"\b{NUMBER_CUES}\s*[:.#]?\s*(?P<t>{body})(?![\w/]|[.,]\d)"
            self._index(key, person.id, "employee_no", pattern)
        else:
            self._index(key, person.id, "employee_no", alone)

    def _any(self, key: str) -> re.Pattern[str]:
        """All patterns indexed under ``key`` as one (many people share a common last name)."""
        union = self._unions.get(key)
        if union is None:
            parts = (p.pattern.replace("(?P<t>", "(?:") for _i, _k, p in self.by_word[key])
            union = self._unions[key] = re.compile("|".join(f"(?:{part})" for part in parts), re.IGNORECASE)
        return union

    def __bool__(self) -> bool:
        return bool(self.by_word or self.addresses)

    def _keys(self, text: str) -> set[str]:
        words = set(_WORD.findall(text.casefold()))
        return words | {w.lstrip("0") or "0" for w in words if w.isdigit()}

    def find(self, text: str) -> list[tuple[int, int, int, str]]:
        """(start, end, person id, kind) of every trace in ``text``, in order, not overlapping."""
        found: list[tuple[int, int, int, str]] = []
        if "@" in text:
            for match in _EMAIL.finditer(text):
                address = match.group().casefold()
                local = address.split("@", 1)[0]
                owner = self.addresses.get(address)
                if owner is None:
                    owner = self.addresses.get(local)
                if owner is not None:
                    found.append((match.start(), match.end(), owner, "email"))
        for key in self._keys(text) & self.by_word.keys():
            if not self._any(key).search(text):  # one pass for everyone sharing the word
                continue
            for person_id, kind, pattern in self.by_word[key]:
                group = "t" if "t" in pattern.groupindex else 0
                found.extend((*m.span(group), person_id, kind) for m in pattern.finditer(text))
        found.sort(key=lambda f: (f[0], -f[1]))
        kept: list[tuple[int, int, int, str]] = []
        for item in found:
            if not kept or item[0] >= kept[-1][1]:
                kept.append(item)
        return kept

    def exactly_a_name(self, text: str) -> int | None:
        """The person whose full name is the whole of ``text``, if any."""
        return self.exact.get(" ".join(text.split()).casefold())

    def sql_filter(self, columns: Sequence[Column[Any]]) -> ColumnElement[bool]:
        """Rows whose text holds a last name, an address or a number looked for (as typed, or in
        capitals or small letters: LIKE is case-blind only for ASCII on SQLite)."""
        spellings = {v for w in self.spellings for v in (w, w.upper(), w.lower(), w.title())}
        return or_(*(col.ilike(f"%{s}%") for col in columns for s in spellings))


def _replace(text: str, spans: Sequence[tuple[int, int, int, str]]) -> str:
    out, at = [], 0
    for start, end, _person, _kind in spans:
        out += [text[at:start], REMOVED_NAME]
        at = end
    out.append(text[at:])
    return "".join(out)


def _owner_column(t: Table) -> str | None:
    """The column saying whom a row is about (its subject reference), if the table has one."""
    refs = [r.column for r in subject_references() if r.table == t.name]
    return refs[0] if refs else None


def find_mentions(session: Session, people: Sequence[Person]) -> list[Mention]:
    """Every value, in every table, that names or refers to one of ``people`` in text, outside their
    own rows (those are the people's own data: innsyn shows them whole, erasure deletes them)."""
    finder = _TraceFinder(people)
    if not finder:
        return []
    own = {p.id for p in people}
    mentions: list[Mention] = []
    for t in Base.metadata.sorted_tables:
        if t.name == PERSON_TABLE:
            continue
        names = {c.name for c in name_columns(t)}
        columns = free_text_columns(t) + name_columns(t)
        if not columns:
            continue
        owner = _owner_column(t)
        found = (
            finder.sql_filter(columns)
            if len(people) <= SQL_PREFILTER_MAX
            else or_(*(c.is_not(None) for c in columns))
        )
        extra = [t.c[owner]] if owner else []
        stmt = select(t.c.id, *extra, *columns).where(found).order_by(t.c.id)
        for row in session.execute(stmt).mappings():
            row_owner = row[owner] if owner else None
            if row_owner in own:
                continue
            for col in columns:
                value = row[col.name]
                if not isinstance(value, str):
                    continue
                whose = finder.exactly_a_name(value) if col.name in names else None
                # a name column holding just the name is cleared; other text keeps all but the traces
                spans = [(0, len(value), whose, "name")] if whose is not None else finder.find(value)
                if spans:
                    mentions.append(
                        Mention(
                            t.name,
                            row["id"],
                            col.name,
                            row_owner,
                            frozenset(s[2] for s in spans),
                            frozenset(s[3] for s in spans),
                            value,
                            None if whose is not None else _replace(value, spans),
                            tuple((s[0], s[1]) for s in spans),
                        )
                    )
    return mentions


def scrub_mentions(session: Session, people: Sequence[Person]) -> int:
    """Replace the people's traces in others' rows (:func:`find_mentions`); returns the number of
    values changed."""
    mentions = find_mentions(session, people)
    by_row: dict[tuple[str, int], dict[str, Any]] = {}
    for m in mentions:
        by_row.setdefault((m.table, m.row_id), {})[m.column] = m.scrubbed
    for (table_name, row_id), values in by_row.items():
        t = table(table_name)
        session.execute(update(t).where(t.c.id == row_id).values(**values, **_bump_version(t)))
    return len(mentions)


def person_of(emp: Any) -> Person:
    """The traces to look for of an :class:`db.models.Employee`."""
    return Person(emp.id, emp.first_name, emp.last_name, emp.email, emp.employee_no)


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
