"""The built-in catalogue of common municipal qualifications (``resources/qualifications/``).

Loaded at every start of the app (one small query when nothing is new) and before the commands
that use it. An entry is inserted once, the first time a file version names its key; after that it
belongs to the municipality, which may edit or delete it: a newer file never overwrites an edited
entry nor brings back a deleted one. The keys loaded so far and the file version are kept in the
``setting`` table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from competence import audit
from competence.errors import ValidationError
from competence.qualifications.catalogue import QualificationInput, fill_from
from competence.uow import UnitOfWork
from db.models import Qualification, Setting

BUILTIN_FILE = Path(__file__).resolve().parents[2] / "resources" / "qualifications" / "qualifications.json"
FORMAT = "kompetanseregister-qualifications"
_SETTING = "builtin_qualifications"


@dataclass(frozen=True)
class BuiltinQualification:
    key: str
    data: QualificationInput


def read_builtin(path: Path = BUILTIN_FILE) -> tuple[int, list[BuiltinQualification]]:
    """The file's version and entries (a broken file is a bug of the release: it raises)."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("format") != FORMAT or raw.get("format_version") != 1:
        raise ValidationError(
            f"{path.name} er ikke en kvalifikasjonsfil.", f"{path.name} is not a qualifications file."
        )
    entries = [
        BuiltinQualification(
            str(q["key"]),
            QualificationInput(
                str(q["kind"]),
                str(q["name"]),
                q.get("name_en"),
                q.get("education_level"),
                q.get("field"),
                q.get("description"),
                q.get("legal_basis"),
            ),
        )
        for q in raw["qualifications"]
    ]
    return int(raw["version"]), entries


def ensure_builtin_qualifications(uow: UnitOfWork, path: Path = BUILTIN_FILE) -> int:
    """Insert the entries of the file the register has never had; returns how many.

    Two programs starting at once on a shared register may both insert; the loser's transaction
    fails on the unique key and is retried once, finding the work done."""
    try:
        return _ensure(uow, path)
    except IntegrityError:
        return _ensure(uow, path)


def _ensure(uow: UnitOfWork, path: Path) -> int:
    version, entries = read_builtin(path)
    with uow:
        s = uow.session
        row = s.get(Setting, _SETTING)
        loaded: dict[str, Any] = dict(row.value) if row is not None else {}
        if int(loaded.get("version", 0)) >= version:
            return 0
        seen = set(loaded.get("keys", []))
        present = set(s.scalars(select(Qualification.key)))
        added = 0
        for entry in entries:
            if entry.key in seen or entry.key in present:
                continue
            q = Qualification(key=entry.key, builtin=True)
            fill_from(q, entry.data)
            s.add(q)
            added += 1
        value = {"version": version, "keys": sorted(seen | {e.key for e in entries})}
        if row is None:
            s.add(Setting(key=_SETTING, value=value))
        else:
            row.value = value
        if added:
            audit.record(s, uow.actor, "create", entity="qualification", builtin=added, version=version)
        uow.commit()
        return added
