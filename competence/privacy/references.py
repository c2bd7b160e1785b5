"""Where a person is referred to in the schema, derived from the foreign keys to ``employee.id``.

Two kinds of reference:

* a *subject* reference (``ON DELETE CASCADE``): the row is about the person (their position, an
  assessment of them, their learning goal). Innsyn exports the row; erasure deletes it.
* a *role* reference (``ON DELETE SET NULL``): the row is about someone or something else, and
  the person holds a role in it (leader of a unit, manager of a colleague, leader in a colleague's
  appraisal talk). Innsyn shows that the role exists without the other person's data; erasure
  clears the reference.

Deriving the list from the metadata means a new table that refers to people is covered by innsyn
and erasure as soon as it exists; the tests check that each kind is handled.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import MetaData, Table

from db.models import Base

PERSON_TABLE = "employee"


@dataclass(frozen=True, order=True)
class PersonReference:
    table: str
    column: str
    ondelete: str

    @property
    def key(self) -> str:
        return f"{self.table}.{self.column}"

    @property
    def is_subject(self) -> bool:
        """The referring row is about the person (deleted with them)."""
        return self.ondelete == "CASCADE"


def person_references(metadata: MetaData | None = None) -> list[PersonReference]:
    """Every foreign key to ``employee.id``, in dependency order (children before parents).

    The order lets erasure delete rows without tripping over foreign keys between the tables.
    """
    metadata = metadata if metadata is not None else Base.metadata
    refs: list[PersonReference] = []
    for table in reversed(metadata.sorted_tables):
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
            if fk.column.table.name == PERSON_TABLE and fk.column.name == "id":
                refs.append(PersonReference(table.name, fk.parent.name, (fk.ondelete or "NO ACTION").upper()))
    return refs


def subject_references(metadata: MetaData | None = None) -> list[PersonReference]:
    return [r for r in person_references(metadata) if r.is_subject]


def role_references(metadata: MetaData | None = None) -> list[PersonReference]:
    return [r for r in person_references(metadata) if not r.is_subject]


def table(name: str, metadata: MetaData | None = None) -> Table:
    metadata = metadata if metadata is not None else Base.metadata
    return metadata.tables[name]
