"""Column mappings remembered per header layout (``db.models.ImportMapping``).

A layout is identified by the normalised headers of the roster sheet, in order (not by the file name
or the sheet name, which change with every export). The mapping stores, per field, the normalised
header of its column, or None for a field the user chose to leave unmapped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.roster.headers import header_key
from competence.roster.model import FieldMatch
from competence.uow import UnitOfWork
from db.models import ImportMapping

_PREFIX = "roster:"


def load_mapping(session: Session, layout_key: str) -> dict[str, Any] | None:
    row = session.scalar(select(ImportMapping).where(ImportMapping.source_key == _PREFIX + layout_key))
    if row is None:
        return None
    fields = (row.mapping or {}).get("fields")
    return dict(fields) if isinstance(fields, dict) else None


def mapping_to_store(matches: Sequence[FieldMatch]) -> dict[str, str | None]:
    """What to remember: mapped fields by header key, fields the user unmapped as None."""
    stored: dict[str, str | None] = {}
    for match in matches:
        if match.column is not None and match.header:
            stored[match.field] = header_key(match.header)
        elif match.column is None and match.source in ("user", "saved"):
            stored[match.field] = None
    return stored


def store_mapping(session: Session, layout_key: str, sheet: str, fields: Mapping[str, str | None]) -> bool:
    """Insert or replace the mapping of a layout; False when it was already stored as it is."""
    key = _PREFIX + layout_key
    row = session.scalar(select(ImportMapping).where(ImportMapping.source_key == key))
    content = {"version": 1, "fields": dict(fields)}
    if row is None:
        session.add(ImportMapping(source_key=key, sheet_name=sheet[:200], mapping=content))
        return True
    if row.mapping == content and row.sheet_name == sheet[:200]:
        return False
    row.mapping = content
    row.sheet_name = sheet[:200]
    return True


def save_mapping(uow: UnitOfWork, layout_key: str, sheet: str, mapping: Mapping[str, str | None]) -> None:
    """Remember a mapping (field → column header, None for unmapped) for this layout."""
    fields = {f: header_key(h) if h else None for f, h in mapping.items()}
    with uow:
        store_mapping(uow.session, layout_key, sheet, fields)
        audit.record(uow.session, uow.actor, "settings", entity="import_mapping", fields=sorted(fields))
        uow.commit()


def forget_mapping(uow: UnitOfWork, layout_key: str) -> bool:
    with uow:
        row = uow.session.scalar(
            select(ImportMapping).where(ImportMapping.source_key == _PREFIX + layout_key)
        )
        if row is None:
            return False
        uow.session.delete(row)
        audit.record(uow.session, uow.actor, "settings", entity="import_mapping", forgotten=True)
        uow.commit()
        return True
