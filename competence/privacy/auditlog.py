"""The audit log as a file for the data controller: CSV (for Excel) or JSON.

Viewing goes through :func:`competence.audit.list_events`, which returns plain dataclasses. The CSV
is written the way Norwegian Excel opens it without questions (UTF-8 with BOM, semicolons), and
every cell that a spreadsheet would run as a formula (= + - @ tab CR NUL) is written as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from competence import audit
from competence.audit import AuditEntry
from competence.files import write_private_text
from competence.uow import UnitOfWork
from competence.validation import looks_like_formula

COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "employee_no", "details")


def entry_dict(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "employee_no": entry.employee_no,
        "details": entry.details,
    }


def text_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: a leading apostrophe defuses formulas."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return "'" + text if looks_like_formula(text) else text


def to_csv(entries: Sequence[AuditEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        row = entry_dict(entry)
        writer.writerow([text_cell(row[c]) for c in COLUMNS])
    return buffer.getvalue()


def to_json(entries: Sequence[AuditEntry]) -> str:
    return json.dumps([entry_dict(e) for e in entries], ensure_ascii=False, indent=2, default=str) + "\n"


def export_audit_log(uow: UnitOfWork, entries: Sequence[AuditEntry], path: Path) -> Path:
    """Write ``entries`` to ``path`` (``.json`` as JSON, anything else as CSV), owner-only. Audited."""
    as_json = path.suffix.lower() == ".json"
    content = to_json(entries) if as_json else to_csv(entries)
    write_private_text(path, content, encoding="utf-8" if as_json else "utf-8-sig")
    with uow:
        audit.record(
            uow.session,
            uow.actor,
            "export",
            entity="audit_event",
            what="audit_log",
            rows=len(entries),
            format="json" if as_json else "csv",
        )
        uow.commit()
    return path
