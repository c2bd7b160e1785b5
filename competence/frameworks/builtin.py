"""The built-in frameworks shipped in ``resources/frameworks/`` and their idempotent loading.

:func:`ensure_builtin_frameworks` runs at every start of the app (and before the ``frameworks``
commands). When the register is up to date it costs one small query; otherwise it inserts the
frameworks that are missing and updates, in place, those the register holds in an older version.
A register holding a *newer* version (written by a newer program) is left alone.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from competence import audit
from competence.frameworks.parse import FrameworkFileError, read_framework_file
from competence.frameworks.results import INSERTED, NEWER_KEPT, SKIPPED, UNCHANGED, UPDATED, LoadResult
from competence.frameworks.spec import FrameworkSpec, ScaleSpec
from competence.frameworks.store import apply_spec
from competence.uow import UnitOfWork
from db.models import Framework

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "resources" / "frameworks"

#: The keys other parts of the program (demo data, tests, docs) rely on. Keep them stable.
OSTRE_TOTEN = "ostre-toten-agp"
LOTEN = "loten-ags-2019"
DIGCOMP = "digcomp-2.2"
LEGAL_TRAININGS = "lovpalagt-opplaering"


def builtin_specs(directory: Path | None = None) -> tuple[FrameworkSpec, ...]:
    """All built-in frameworks, validated, in file-name order (cached per directory)."""
    return _load_directory(str((directory or BUILTIN_DIR).resolve()))


@functools.cache
def _load_directory(directory: str) -> tuple[FrameworkSpec, ...]:
    specs: list[FrameworkSpec] = []
    for path in sorted(Path(directory).glob("*.json")):
        try:
            specs.append(read_framework_file(path))
        except FrameworkFileError as exc:
            raise FrameworkFileError(
                f"Det innebygde rammeverket {path.name} er ugyldig. {exc.message('nb')}",
                f"The built-in framework {path.name} is invalid. {exc.message('en')}",
                location=exc.location,
            ) from exc
    _check_unique(specs)
    return tuple(specs)


def _check_unique(specs: Sequence[FrameworkSpec]) -> None:
    keys: set[str] = set()
    scales: dict[str, tuple[str, ScaleSpec]] = {}
    for spec in specs:
        if spec.key in keys:
            raise FrameworkFileError(
                f"To innebygde rammeverk har nøkkelen «{spec.key}».",
                f"Two built-in frameworks have the key '{spec.key}'.",
            )
        keys.add(spec.key)
        for scale in spec.scales:
            seen = scales.setdefault(scale.key, (spec.key, scale))
            if seen[1] != scale:
                raise FrameworkFileError(
                    f"Skalaen «{scale.key}» er definert ulikt i «{seen[0]}» og «{spec.key}».",
                    f"The scale '{scale.key}' is defined differently in '{seen[0]}' and '{spec.key}'.",
                )


def builtin_scales(directory: Path | None = None) -> dict[str, ScaleSpec]:
    """The scales the built-in frameworks define, by key (they own these keys)."""
    return {scale.key: scale for spec in builtin_specs(directory) for scale in spec.scales}


def ensure_builtin_frameworks(uow: UnitOfWork, directory: Path | None = None) -> list[LoadResult]:
    """Bring the register's built-in frameworks up to the shipped files; one result per file.

    Two programs starting at the same moment on a shared database may both try to insert; the
    loser's transaction fails on the unique key and is retried once, finding the work done.
    """
    specs = builtin_specs(directory)
    try:
        return _ensure(uow, specs, directory)
    except IntegrityError:
        return _ensure(uow, specs, directory)


def _ensure(uow: UnitOfWork, specs: Sequence[FrameworkSpec], directory: Path | None) -> list[LoadResult]:
    with uow:
        s = uow.session
        rows = {
            row.key: row
            for row in s.execute(
                select(Framework.key, Framework.id, Framework.data_version, Framework.builtin).where(
                    Framework.key.in_([spec.key for spec in specs])
                )
            )
        }
        results: list[LoadResult] = []
        work: list[tuple[int, FrameworkSpec]] = []
        for spec in specs:
            row = rows.get(spec.key)
            if row is None:
                work.append((len(results), spec))
                results.append(LoadResult(spec.key, spec.name, INSERTED, None, spec.version))
            elif not row.builtin:
                results.append(
                    LoadResult(spec.key, spec.name, SKIPPED, row.id, spec.version, row.data_version)
                )
            elif row.data_version == spec.version:
                results.append(
                    LoadResult(spec.key, spec.name, UNCHANGED, row.id, spec.version, row.data_version)
                )
            elif row.data_version > spec.version:
                results.append(
                    LoadResult(spec.key, spec.name, NEWER_KEPT, row.id, spec.version, row.data_version)
                )
            else:
                work.append((len(results), spec))
                results.append(
                    LoadResult(spec.key, spec.name, UPDATED, row.id, spec.version, row.data_version)
                )
        if not work:
            return results
        owned = frozenset(builtin_scales(directory))
        for index, spec in work:
            planned = results[index]
            existing = s.get(Framework, planned.framework_id) if planned.framework_id is not None else None
            report = apply_spec(s, spec, framework=existing, builtin=True, updatable_scales=owned)
            results[index] = LoadResult(
                spec.key,
                spec.name,
                planned.action,
                report.framework_id,
                spec.version,
                planned.version_before,
                report.added,
                report.changed,
                report.removed,
                report.kept,
                report.kept_levels,
            )
            audit.record(
                s,
                uow.actor,
                "framework",
                entity="framework",
                entity_id=report.framework_id,
                change="load-builtin" if planned.action == INSERTED else "update-builtin",
                key=spec.key,
                version=spec.version,
                version_before=planned.version_before,
                added=len(report.added),
                changed=len(report.changed),
                removed=len(report.removed),
                kept=list(report.kept),
            )
        uow.commit()
        return results
