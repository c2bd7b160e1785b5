"""Innsyn (GDPR art. 15): everything the register holds on one person.

The export covers every place the person appears, found by the same search the erasure uses
(:mod:`competence.privacy.traces`), so what innsyn shows is exactly what an erasure removes:

* every row that refers to the person with a subject reference, with all its columns; ids of
  units, roles, competences and levels are given their names beside them;
* where the person holds a role in someone else's row (leader of a unit, manager of a colleague,
  leader in a colleague's appraisal talk): that the role exists, with the columns
  :data:`ROLE_FIELDS` allows, never the colleague's data;
* where the person is named in others' rows (assessor of a colleague's assessment, mentioned in a
  colleague's note or in a role's description, by name, e-mail address or employee number): where,
  with the columns :data:`MENTION_CONTEXT` allows, and the passage that names them, with the
  colleague's own name, address and number in it blacked out;
* the audit events naming the person's employee number.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, literal, select
from sqlalchemy.orm import Session

from competence import audit
from competence.clock import now
from competence.files import write_private_bytes
from competence.language import pick, pick_name
from competence.lookup import employee_by_no
from competence.privacy.references import PERSON_TABLE, role_references, subject_references, table
from competence.privacy.traces import Mention, audit_events_about, chunks, find_mentions, person_of
from competence.progress import CancelToken
from competence.settings import get_settings
from competence.uow import UnitOfWork
from db.models import AuditEvent, Employee

_WORDS = re.compile(r"\w+")
FORMAT = "kompetanseregister-innsyn"
FORMAT_VERSION = 1

#: For each role reference, the columns of the other row that may be shown to the person.
#: An empty tuple shows only that the role exists (as a count).
ROLE_FIELDS: dict[str, tuple[str, ...]] = {
    "org_unit.leader_id": ("number", "name"),
    "appraisal.leader_id": ("held_on", "leader_name"),
    "position.manager_id": (),
    "employee.manager_id": (),
    # responsible for a measure of a unit's plan: which unit, year and measure (not its cost)
    "unit_measure.responsible_id": ("unit_id", "year", "title", "status"),
}
#: For each table with text a person can be named in, the columns shown beside a mention to say
#: where it is (a date, what it is about), never the colleague the row is about.
MENTION_CONTEXT: dict[str, tuple[str, ...]] = {
    "assessment": ("assessed_on", "competence_id"),
    "appraisal": ("held_on",),
    "certificate": ("completed_on", "name"),
    "learning_goal": ("due_on", "competence_id"),
    "role": ("name",),
    "framework": ("key", "name"),
    "area": ("framework_id", "name"),
    "competence": ("framework_id", "name"),
    "scale_level": ("scale_id", "name"),
    "unit_target": ("unit_id", "competence_id", "qualification_id"),
    "unit_measure": ("unit_id", "year", "title"),
    "unit_budget": ("unit_id", "year"),
    "qualification": ("key", "name"),
    "employee_qualification": ("obtained_on", "qualification_id"),
    "dispensation": ("starts_on", "ends_on", "qualification_id"),
}
#: A passage longer than this is cut to the part around the mention.
EXCERPT_CHARS = 240
#: What stands in a passage for the colleague the row is about, in bokmål and English.
OTHER_PERSON = "[kollega]"
OTHER_PERSON_EN = "[colleague]"


@dataclass(frozen=True)
class PersonExport:
    path: Path
    #: How many rows about the person the file holds (positions, assessments, goals...).
    records: int


def export_person(
    uow: UnitOfWork,
    employee_no: str,
    path: Path,
    *,
    as_pdf: bool,
    cancel: CancelToken | None = None,
    lang: str = "nb",
) -> PersonExport:
    """Write everything held on the person to ``path``, as a readable PDF or as JSON, in ``lang``
    (the PDF's words, and what stands for a colleague in a passage).

    Owner-only and all or nothing (:mod:`competence.files`). The audit event is committed after
    the file is on disk and before it is put in place, so the log never names an innsyn export
    that failed or was cancelled, and a failed commit leaves no file behind.
    """
    data = collect_person(uow, employee_no, lang)
    if cancel is not None:
        cancel.raise_if_cancelled()
    if as_pdf:
        from competence.privacy.innsyn_pdf import render_pdf  # reportlab: only when a PDF is asked for

        content = render_pdf(data, lang)
    else:
        content = json_text(data).encode("utf-8")

    def audited() -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        with uow:
            audit.record(
                uow.session,
                uow.actor,
                "export",
                entity="employee",
                entity_id=data["person"]["id"],
                employee_no=data["person"]["employee_no"],
                what="innsyn",
                format="pdf" if as_pdf else "json",
            )
            uow.commit()

    write_private_bytes(path, content, before_rename=audited)
    return PersonExport(path, sum(len(rows) for rows in data["records"].values()))


def collect_person(uow: UnitOfWork, employee_no: str, lang: str = "nb") -> dict[str, Any]:
    """Everything held on the person with ``employee_no``, as JSON-ready data (reads only;
    :func:`export_person` writes it and records the export)."""
    municipality = get_settings(uow).municipality
    with uow:
        s = uow.session
        emp = employee_by_no(s, employee_no)
        labels = _Labels(s, lang)
        person = _plain(_row(s, table(PERSON_TABLE), emp.id), labels, table(PERSON_TABLE))
        records: dict[str, list[dict[str, Any]]] = {}
        for ref in subject_references():
            t = table(ref.table)
            rows = s.execute(select(t).where(t.c[ref.column] == emp.id).order_by(t.c.id)).mappings()
            key = ref.table if ref.table not in records else ref.key
            records[key] = [_plain(dict(r), labels, t, skip=ref.column) for r in rows]
        roles = {ref.key: _role_rows(s, ref.table, ref.column, emp.id) for ref in role_references()}
        mentions = _mentions(
            s, find_mentions(s, [person_of(emp)]), labels, emp, pick(lang, OTHER_PERSON, OTHER_PERSON_EN)
        )
        events = s.scalars(
            select(AuditEvent).where(audit_events_about([emp.employee_no])).order_by(AuditEvent.id)
        )
        log = [
            {
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "entity": e.entity,
                "details": e.details,
            }
            for e in events
        ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": now().replace(microsecond=0).isoformat() + "Z",
        "generated_by": uow.actor,
        "register": municipality,
        "person": person,
        "records": records,
        "roles": roles,
        "mentions": mentions,
        "audit_log": log,
    }


def json_text(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _row(session: Session, t: Table, ident: int) -> dict[str, Any]:
    return dict(session.execute(select(t).where(t.c.id == ident)).mappings().one())


def _role_rows(session: Session, table_name: str, column: str, person_id: int) -> dict[str, Any]:
    t = table(table_name)
    where = [t.c[column] == person_id]
    if table_name == PERSON_TABLE:
        where.append(t.c.id != person_id)
    shown = ROLE_FIELDS.get(f"{table_name}.{column}", ())
    rows = session.execute(select(t.c.id, *(t.c[c] for c in shown)).where(*where).order_by(t.c.id)).all()
    entry: dict[str, Any] = {"count": len(rows)}
    if shown:
        entry["items"] = [{c: _json_value(v) for c, v in zip(shown, r[1:], strict=True)} for r in rows]
    return entry


def _mentions(
    session: Session, found: list[Mention], labels: _Labels, emp: Employee, placeholder: str
) -> list[dict[str, Any]]:
    """Where the person is named in others' rows: the place, its context and the passage (a
    colleague named in it replaced by ``placeholder``)."""
    own = set(_WORDS.findall(f"{emp.first_name} {emp.last_name}"))
    owners = {m.owner_id for m in found if m.owner_id is not None}
    colleagues = {
        e.id: e
        for ids in chunks(sorted(owners))
        for e in session.scalars(select(Employee).where(Employee.id.in_(ids)))
    }
    out = []
    for m in found:
        t = table(m.table)
        shown = MENTION_CONTEXT.get(m.table, ())
        row = session.execute(select(*(t.c[c] for c in shown)).where(t.c.id == m.row_id)).mappings().one()
        context = _plain(dict(row), labels, t)
        colleague = colleagues.get(m.owner_id) if m.owner_id is not None else None
        out.append(
            {
                "table": m.table,
                "column": m.column,
                "found": sorted(m.kinds),
                "context": context,
                "excerpt": excerpt(m.text, m.spans, colleague, own, placeholder),
            }
        )
    return out


def excerpt(
    text: str,
    spans: Sequence[tuple[int, int]],
    colleague: Employee | None = None,
    keep: set[str] | None = None,
    placeholder: str = OTHER_PERSON,
) -> str:
    """The passage of ``text`` that names the person: the whole text when short, else the words
    around each mention; the colleague's own name, address and number blacked out (not the words in
    ``keep``: the person's own name, when the two share a name)."""
    if len(text) > EXCERPT_CHARS:
        windows: list[tuple[int, int]] = []
        for start, end in spans:
            lo = text.rfind(" ", 0, max(0, start - 80)) + 1 if start > 80 else 0
            space = text.find(" ", min(len(text), end + 80))
            hi = space if space >= 0 else len(text)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        passage = " … ".join(text[lo:hi] for lo, hi in windows)
        head = "… " if windows[0][0] > 0 else ""
        tail = " …" if windows[-1][1] < len(text) else ""
        text = head + passage + tail
    if colleague is None:
        return text
    words = {
        *_WORDS.findall(colleague.first_name),
        *_WORDS.findall(colleague.last_name),
        colleague.email or "",
        colleague.employee_no,
    }
    kept = {w.casefold() for w in keep or ()}
    hidden = sorted((w for w in words if len(w) > 1 and w.casefold() not in kept), key=len, reverse=True)
    if not hidden:
        return text
    pattern = re.compile(
        r"(?<![\w@.])(?:" + "|".join(re.escape(w) for w in hidden) + r")(?![\w@])", re.IGNORECASE
    )
    return pattern.sub(placeholder, text)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _plain(row: dict[str, Any], labels: _Labels, t: Table, *, skip: str | None = None) -> dict[str, Any]:
    """The row's values as JSON types, each foreign key followed by the name of what it points at."""
    out: dict[str, Any] = {}
    for name, value in row.items():
        if name == skip:
            continue
        out[name] = _json_value(value)
        column = t.c[name]
        if value is not None and column.foreign_keys:
            target = next(iter(column.foreign_keys)).column.table
            label = labels.get(target, value)
            if label is not None:
                out[f"{name.removesuffix('_id')}_label"] = label
    return out


class _Labels:
    """Readable names for ids (a unit, a role, a competence, a level, a manager), looked up once; in
    English the English name where the register has one (frameworks, areas, competences, levels)."""

    def __init__(self, session: Session, lang: str = "nb") -> None:
        self.session = session
        self.lang = lang
        self.cache: dict[tuple[str, int], str | None] = {}

    def get(self, t: Table, ident: int) -> str | None:
        key = (t.name, ident)
        if key not in self.cache:
            self.cache[key] = self._lookup(t, ident)
        return self.cache[key]

    def _lookup(self, t: Table, ident: int) -> str | None:
        if t.name == PERSON_TABLE:
            emp = self.session.get(Employee, ident)
            return emp.full_name if emp else None
        if "name" not in t.c:
            return None
        cols = [t.c.number] if "number" in t.c else []
        name_en = [t.c.name_en] if "name_en" in t.c else [literal(None)]
        row = self.session.execute(select(*cols, t.c.name, *name_en).where(t.c.id == ident)).first()
        if row is None:
            return None
        *number, name, english = row
        return " ".join(str(v) for v in (*number, pick_name(self.lang, name, english)) if v)
