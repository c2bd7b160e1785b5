"""Import and export of framework files (format: docs/frameworks.md).

* :func:`export_framework` writes any framework, built-in or not, as a file.
* :func:`import_framework_file` validates a file completely before anything is written and adds it
  as a framework of the register's own (never built-in). A file whose key the register already
  holds updates that framework in place when the file's ``version`` is higher, the same way a
  built-in framework is updated: ids are kept, competences in use are kept and reported.

Built-in keys and built-in scales belong to the program: a file may reuse a built-in scale only
with exactly the same levels, and may not take a built-in framework's key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence import audit
from competence.clock import now
from competence.errors import ConflictError
from competence.frameworks.builtin import builtin_scales, builtin_specs
from competence.frameworks.document import write_document
from competence.frameworks.parse import load_json_bytes, parse_framework, read_capped
from competence.frameworks.queries import find_framework
from competence.frameworks.results import INSERTED, UNCHANGED, UPDATED, LoadResult
from competence.frameworks.spec import FrameworkSpec
from competence.frameworks.store import apply_spec, frameworks_using_scale, read_spec
from competence.uow import UnitOfWork
from db.codes import ImportKind, ImportMode, ImportStatus
from db.models import Framework, ImportRun, Scale


@dataclass(frozen=True)
class ExportResult:
    path: Path
    key: str
    name: str
    version: int
    area_count: int
    competence_count: int


def export_framework(uow: UnitOfWork, key_or_id: str | int, path: Path) -> ExportResult:
    """Write the framework to ``path`` (atomically) and record the export in the audit log."""
    with uow:
        s = uow.session
        framework = find_framework(s, key_or_id)
        spec = read_spec(s, framework)
        target = write_document(spec, path)
        audit.record(
            s,
            uow.actor,
            "export",
            entity="framework",
            entity_id=framework.id,
            key=spec.key,
            version=spec.version,
            file=target.name,
        )
        uow.commit()
        return ExportResult(
            target, spec.key, spec.name, spec.version, len(spec.areas), spec.competence_count()
        )


def import_framework_file(uow: UnitOfWork, path: Path) -> LoadResult:
    """Import a framework file: all or nothing, with a clear message when the file is refused."""
    raw = read_capped(path)
    spec = parse_framework(load_json_bytes(raw))
    _refuse_builtin_clashes(spec)
    with uow:
        s = uow.session
        existing = s.scalar(select(Framework).where(Framework.key == spec.key))
        before: int | None = None
        if existing is not None:
            if existing.builtin:
                raise _builtin_key_conflict(spec)
            before = existing.data_version
            if read_spec(s, existing) == spec:
                return LoadResult(spec.key, spec.name, UNCHANGED, existing.id, spec.version, before)
            if spec.version <= existing.data_version:
                raise ConflictError(
                    f"Registeret har allerede rammeverket «{existing.name}» ({spec.key}) i versjon "
                    f"{existing.data_version}, og filen har versjon {spec.version} med annet innhold. "
                    "Øk «version» i filen for å oppdatere rammeverket, eller gi filen en ny «key».",
                    f"The register already holds the framework '{existing.name}' ({spec.key}) in version "
                    f"{existing.data_version}, and the file has version {spec.version} with other content. "
                    "Raise 'version' in the file to update the framework, or give the file a new 'key'.",
                    field="version",
                )
        keys = [scale.key for scale in spec.scales]
        updatable = _private_scales(s, existing, keys) if existing else frozenset()
        report = apply_spec(s, spec, framework=existing, builtin=False, updatable_scales=updatable)
        action = INSERTED if existing is None else UPDATED
        result = LoadResult(
            spec.key,
            spec.name,
            action,
            report.framework_id,
            spec.version,
            before,
            report.added,
            report.changed,
            report.removed,
            report.kept,
            report.kept_levels,
        )
        counts = {
            "areas": len(spec.areas),
            "competences": spec.competence_count(),
            "added": len(report.added),
            "changed": len(report.changed),
            "removed": len(report.removed),
            "kept": len(report.kept),
        }
        s.add(
            ImportRun(
                kind=ImportKind.FRAMEWORK,
                started_at=now(),
                finished_at=now(),
                actor=uow.actor,
                file_name=path.name[:500],
                file_sha256=hashlib.sha256(raw).hexdigest(),
                mode=ImportMode.INSERT if existing is None else ImportMode.UPDATE,
                status=ImportStatus.OK,
                counts=counts,
            )
        )
        audit.record(
            s,
            uow.actor,
            "import",
            entity="framework",
            entity_id=report.framework_id,
            key=spec.key,
            version=spec.version,
            version_before=before,
            counts=counts,
        )
        uow.commit()
        return result


def _builtin_key_conflict(spec: FrameworkSpec) -> ConflictError:
    return ConflictError(
        f"«{spec.key}» er nøkkelen til et innebygd rammeverk, som alltid finnes i registeret og ikke kan "
        "erstattes. For å bruke en tilpasset utgave: lag en kopi i programmet, eller gi filen en ny «key».",
        f"'{spec.key}' is the key of a built-in framework, which is always in the register and cannot be "
        "replaced. To use an adapted edition: make a copy in the application, or give the file a new 'key'.",
        field="key",
    )


def _refuse_builtin_clashes(spec: FrameworkSpec) -> None:
    if spec.key in {b.key for b in builtin_specs()}:
        raise _builtin_key_conflict(spec)
    owned = builtin_scales()
    for scale in spec.scales:
        if scale.key in owned and owned[scale.key] != scale:
            raise ConflictError(
                f"Skalaen «{scale.key}» er en innebygd skala, og filen definerer den med andre nivåer. "
                "Bruk nivåene slik de er, eller gi skalaen en ny nøkkel i filen.",
                f"The scale '{scale.key}' is a built-in scale, and the file defines it with other levels. "
                "Use the levels as they are, or give the scale a new key in the file.",
                field="scales",
            )


def _private_scales(session: Session, framework: Framework, keys: Iterable[str]) -> frozenset[str]:
    """Scales the file may change in place: used by this framework only, and not built-in."""
    owned = builtin_scales()
    private: set[str] = set()
    for key in keys:
        scale_id = session.scalar(select(Scale.id).where(Scale.key == key))
        if (
            key not in owned
            and scale_id is not None
            and frameworks_using_scale(session, scale_id) <= {framework.id}
        ):
            private.add(key)
    return frozenset(private)
