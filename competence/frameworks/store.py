"""Framework content in the database: write a :class:`FrameworkSpec`, read one back.

:func:`apply_spec` inserts a framework or brings an existing one up to a newer spec *in place*:
areas, competences and scale levels are matched by key (levels by ordinal) and keep their ids, so
requirements, assessments, certificates and learning goals that point at them stay valid. A
competence the new spec no longer has is deleted only when nothing refers to it; otherwise it is
kept and reported (the same for scale levels). Everything happens in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session

from competence.errors import ConflictError
from competence.frameworks.document import source_from_column, source_to_column
from competence.frameworks.fields import content_of, fill_content
from competence.frameworks.parse import scale_order
from competence.frameworks.spec import AreaSpec, CompetenceSpec, FrameworkSpec, LevelSpec, ScaleSpec
from db.models import (
    Area,
    Assessment,
    Certificate,
    Competence,
    Framework,
    LearningGoal,
    Requirement,
    Scale,
    ScaleLevel,
)


@dataclass(frozen=True)
class ApplyReport:
    """What :func:`apply_spec` did, by competence key."""

    framework_id: int
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    kept: tuple[str, ...]
    kept_levels: tuple[str, ...]

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.kept)


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------


def read_scale(scale: Scale) -> ScaleSpec:
    return ScaleSpec(
        key=scale.key,
        name=scale.name,
        name_en=scale.name_en,
        levels=tuple(
            LevelSpec(
                ordinal=lv.ordinal,
                name=lv.name,
                name_en=lv.name_en,
                band=lv.band,
                band_en=lv.band_en,
                description=lv.description,
                description_en=lv.description_en,
                percent=float(lv.percent),
            )
            for lv in sorted(scale.levels, key=lambda level: level.ordinal)
        ),
    )


def read_spec(session: Session, framework: Framework) -> FrameworkSpec:
    """The framework as it is in the database, in the normal form of a parsed file."""
    areas = list(
        session.scalars(
            select(Area).where(Area.framework_id == framework.id).order_by(Area.sort_order, Area.id)
        )
    )
    comps = list(
        session.scalars(
            select(Competence)
            .where(Competence.framework_id == framework.id)
            .order_by(Competence.sort_order, Competence.id)
        )
    )
    key_of = {c.id: c.key for c in comps}
    scales = {
        s.id: s
        for s in session.scalars(
            select(Scale).where(
                or_(
                    Scale.id == framework.default_scale_id,
                    Scale.id.in_({c.scale_id for c in comps}),
                )
            )
        )
    }
    if framework.default_scale_id is None or framework.default_scale_id not in scales:
        raise ConflictError(
            f"Rammeverket «{framework.name}» mangler standardskala og kan ikke skrives som fil.",
            f"The framework '{framework.name}' has no default scale and cannot be written as a file.",
        )
    default_key = scales[framework.default_scale_id].key
    by_area: dict[int, list[Competence]] = {}
    for comp in comps:
        by_area.setdefault(comp.area_id, []).append(comp)
    area_specs = tuple(
        AreaSpec(
            key=area.key,
            code=area.code,
            name=area.name,
            name_en=area.name_en,
            description=area.description,
            competences=tuple(
                _competence_spec(c, scales, default_key, key_of) for c in by_area.get(area.id, [])
            ),
        )
        for area in areas
    )
    order = scale_order(default_key, (c.scale for a in area_specs for c in a.competences))
    by_key = {s.key: s for s in scales.values()}
    return FrameworkSpec(
        key=framework.key,
        version=framework.data_version,
        name=framework.name,
        name_en=framework.name_en,
        owner=framework.owner,
        source=source_from_column(framework.source),
        description=framework.description,
        scales=tuple(read_scale(by_key[k]) for k in order),
        default_scale=default_key,
        areas=area_specs,
    )


def _competence_spec(
    comp: Competence, scales: dict[int, Scale], default_key: str, key_of: dict[int, str]
) -> CompetenceSpec:
    scale_key = scales[comp.scale_id].key
    return CompetenceSpec(
        key=comp.key,
        **content_of(comp),
        scale=None if scale_key == default_key else scale_key,
        parent=key_of.get(comp.parent_id) if comp.parent_id is not None else None,
    )


# ------------------------------------------------------------------------------------------------
# References: what must not be deleted
# ------------------------------------------------------------------------------------------------


def referenced_competence_ids(session: Session, ids: Collection[int]) -> set[int]:
    """The competences among ``ids`` that a requirement (in force or to come), assessment,
    certificate or goal points at. A requirement that has ended is history: it goes with its
    competence (:func:`forget_requirement_history`)."""
    if not ids:
        return set()
    used = or_(
        exists().where(Requirement.competence_id == Competence.id, Requirement.valid_to.is_(None)),
        exists().where(Assessment.competence_id == Competence.id),
        exists().where(Certificate.competence_id == Competence.id),
        exists().where(LearningGoal.competence_id == Competence.id),
    )
    return set(session.scalars(select(Competence.id).where(Competence.id.in_(list(ids)), used)))


def forget_requirement_history(session: Session, competence_ids: Collection[int]) -> None:
    """Delete the ended requirements of competences about to be deleted (docs/compliance.md: a
    requirement's history belongs to its competence)."""
    if competence_ids:
        session.execute(
            delete(Requirement).where(
                Requirement.competence_id.in_(list(competence_ids)), Requirement.valid_to.is_not(None)
            )
        )


def referenced_level_ids(session: Session, ids: Collection[int]) -> set[int]:
    if not ids:
        return set()
    used = or_(
        exists().where(Requirement.level_id == ScaleLevel.id),
        exists().where(Assessment.level_id == ScaleLevel.id),
        exists().where(LearningGoal.target_level_id == ScaleLevel.id),
    )
    return set(session.scalars(select(ScaleLevel.id).where(ScaleLevel.id.in_(list(ids)), used)))


def frameworks_using_scale(session: Session, scale_id: int) -> set[int]:
    """The frameworks whose competences use the scale or that have it as their default."""
    by_competence = select(Competence.framework_id).where(Competence.scale_id == scale_id)
    by_default = select(Framework.id).where(Framework.default_scale_id == scale_id)
    return set(session.scalars(by_competence.union(by_default)))


# ------------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------------


def scale_conflict(existing: Scale, wanted: ScaleSpec) -> ConflictError:
    return ConflictError(
        f"Skalaen «{wanted.key}» finnes allerede i registeret med andre nivåer enn i filen. Skalanøkler "
        "gjelder for hele registeret: gi skalaen en ny nøkkel i filen, eller bruk de samme nivåene.",
        f"The scale '{wanted.key}' already exists in the register with other levels than in the file. "
        "Scale keys apply to the whole register: give the scale a new key in the file, or use the same "
        "levels.",
        field="scales",
        scale=existing.key,
    )


def sync_scales(
    session: Session, scales: Iterable[ScaleSpec], updatable: Collection[str]
) -> tuple[dict[str, Scale], list[str]]:
    """Find or create each scale; update in place those whose key is in ``updatable``.

    A scale that exists with a different definition and may not be updated is a conflict. Returns
    the scales by key and the levels ("scale:ordinal") kept because something still uses them.
    """
    result: dict[str, Scale] = {}
    kept: list[str] = []
    for spec in scales:
        scale = session.scalar(select(Scale).where(Scale.key == spec.key))
        if scale is None:
            scale = Scale(key=spec.key, name=spec.name, name_en=spec.name_en)
            scale.levels = [_new_level(level) for level in spec.levels]
            session.add(scale)
        elif read_scale(scale) != spec:
            if spec.key not in updatable:
                raise scale_conflict(scale, spec)
            kept.extend(_update_scale(session, scale, spec))
        result[spec.key] = scale
    session.flush()
    return result, kept


def _new_level(level: LevelSpec) -> ScaleLevel:
    return ScaleLevel(
        ordinal=level.ordinal,
        name=level.name,
        name_en=level.name_en,
        band=level.band,
        band_en=level.band_en,
        description=level.description,
        description_en=level.description_en,
        percent=level.percent,
    )


def _update_scale(session: Session, scale: Scale, spec: ScaleSpec) -> list[str]:
    scale.name = spec.name
    scale.name_en = spec.name_en
    wanted = {level.ordinal: level for level in spec.levels}
    current = {level.ordinal: level for level in scale.levels}
    gone = [lv for ordinal, lv in current.items() if ordinal not in wanted]
    in_use = referenced_level_ids(session, [lv.id for lv in gone])
    kept = [f"{scale.key}:{lv.ordinal}" for lv in gone if lv.id in in_use]
    for lv in gone:
        if lv.id not in in_use:
            scale.levels.remove(lv)
    for ordinal, level in wanted.items():
        row = current.get(ordinal)
        if row is None:
            scale.levels.append(_new_level(level))
            continue
        row.name = level.name
        row.name_en = level.name_en
        row.band = level.band
        row.band_en = level.band_en
        row.description = level.description
        row.description_en = level.description_en
        row.percent = level.percent
    return kept


def apply_spec(
    session: Session,
    spec: FrameworkSpec,
    *,
    framework: Framework | None,
    builtin: bool,
    updatable_scales: Collection[str] = (),
) -> ApplyReport:
    """Insert ``spec`` as a new framework, or update ``framework`` in place to match it."""
    before = read_spec(session, framework) if framework is not None else None
    scales, kept_levels = sync_scales(session, spec.scales, updatable_scales)
    framework = _set_framework(session, framework, spec, builtin, scales)
    areas = _sync_areas(session, framework, spec)
    comps = {
        c.key: c for c in session.scalars(select(Competence).where(Competence.framework_id == framework.id))
    }
    _refuse_scale_changes(session, spec, comps, scales)
    _sync_competences(session, framework, spec, areas, comps, scales)
    gone, in_use = _remove_what_is_gone(session, spec, areas, comps)

    old = {c.key: (a.key, c) for a, c in before.competences()} if before else {}
    new = {c.key: (a.key, c) for a, c in spec.competences()}
    return ApplyReport(
        framework_id=framework.id,
        added=tuple(k for k in new if k not in old),
        changed=tuple(k for k in new if k in old and old[k] != new[k]),
        removed=tuple(k for k, c in gone.items() if c.id not in in_use),
        kept=tuple(sorted(k for k, c in gone.items() if c.id in in_use)),
        kept_levels=tuple(kept_levels),
    )


def _set_framework(
    session: Session,
    framework: Framework | None,
    spec: FrameworkSpec,
    builtin: bool,
    scales: dict[str, Scale],
) -> Framework:
    if framework is None:
        framework = Framework(key=spec.key)
        session.add(framework)
    framework.data_version = spec.version
    framework.name = spec.name
    framework.name_en = spec.name_en
    framework.owner = spec.owner
    framework.source = source_to_column(spec.source)
    framework.description = spec.description
    framework.builtin = builtin
    framework.default_scale_id = scales[spec.default_scale].id
    session.flush()
    return framework


def _sync_areas(session: Session, framework: Framework, spec: FrameworkSpec) -> dict[str, Area]:
    """The framework's areas by key, those of ``spec`` added or updated (none removed yet)."""
    areas = {a.key: a for a in session.scalars(select(Area).where(Area.framework_id == framework.id))}
    for index, area_spec in enumerate(spec.areas):
        area = areas.get(area_spec.key)
        if area is None:
            area = Area(framework_id=framework.id, key=area_spec.key)
            session.add(area)
            areas[area_spec.key] = area
        area.code = area_spec.code
        area.name = area_spec.name
        area.name_en = area_spec.name_en
        area.description = area_spec.description
        area.sort_order = index
    session.flush()
    return areas


def _sync_competences(
    session: Session,
    framework: Framework,
    spec: FrameworkSpec,
    areas: dict[str, Area],
    comps: dict[str, Competence],
    scales: dict[str, Scale],
) -> None:
    """Add or update the competences of ``spec`` (kept in ``comps``), then link their parents."""
    for area_spec in spec.areas:
        area = areas[area_spec.key]
        for index, comp_spec in enumerate(area_spec.competences):
            comp = comps.get(comp_spec.key)
            if comp is None:
                comp = Competence(framework_id=framework.id, key=comp_spec.key)
                session.add(comp)
                comps[comp_spec.key] = comp
            _set_competence(comp, comp_spec, area, scales[comp_spec.scale or spec.default_scale], index)
    session.flush()
    for _, comp_spec in spec.competences():
        parent = comps[comp_spec.parent] if comp_spec.parent else None
        parent_id = parent.id if parent is not None else None
        if comps[comp_spec.key].parent_id != parent_id:  # no UPDATE (and version step) when unchanged
            comps[comp_spec.key].parent_id = parent_id


def _remove_what_is_gone(
    session: Session, spec: FrameworkSpec, areas: dict[str, Area], comps: dict[str, Competence]
) -> tuple[dict[str, Competence], set[int]]:
    """Delete the competences and areas ``spec`` no longer has, unless in use; returns the
    competences gone from ``spec`` and the ids of those kept because they are in use."""
    wanted = {c.key for _, c in spec.competences()}
    gone = {key: comp for key, comp in comps.items() if key not in wanted}
    in_use = referenced_competence_ids(session, [c.id for c in gone.values()])
    for comp in gone.values():
        if comp.id not in in_use:
            session.delete(comp)
    session.flush()
    wanted_areas = {a.key for a in spec.areas}
    for key, area in areas.items():
        if key not in wanted_areas:
            left = session.scalar(
                select(func.count()).select_from(Competence).where(Competence.area_id == area.id)
            )
            if not left:
                session.delete(area)
    session.flush()
    return gone, in_use


def _set_competence(comp: Competence, spec: CompetenceSpec, area: Area, scale: Scale, index: int) -> None:
    if comp.area is not area:
        comp.area = area
    comp.scale_id = scale.id
    fill_content(comp, spec)
    comp.sort_order = index


def _refuse_scale_changes(
    session: Session, spec: FrameworkSpec, comps: dict[str, Competence], scales: dict[str, Scale]
) -> None:
    """A competence in use cannot move to another scale: its assessments point at the old levels."""
    moved = {
        comps[c.key].id: c
        for _, c in spec.competences()
        if c.key in comps and comps[c.key].scale_id != scales[c.scale or spec.default_scale].id
    }
    in_use = referenced_competence_ids(session, list(moved))
    if in_use:
        names = ", ".join(sorted(f"«{moved[i].key}»" for i in in_use))
        names_en = ", ".join(sorted(f"'{moved[i].key}'" for i in in_use))
        raise ConflictError(
            f"Kompetansene {names} er i bruk (krav, vurderinger, kurs eller mål) og kan ikke få en annen "
            "skala. Behold skalaen, eller legg til en ny kompetanse med den nye skalaen.",
            f"The competences {names_en} are in use (requirements, assessments, courses or goals) and "
            "cannot change scale. Keep the scale, or add a new competence with the new scale.",
            field="scale",
        )
