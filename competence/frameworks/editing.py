"""Copies of frameworks, and the edits a municipality makes to its own copies.

Built-in frameworks are read-only: every edit is refused with :class:`ReadOnlyFrameworkError`.
A copy (:func:`copy_framework`) gets its own key and its own copies of the scales, so its level
texts can be edited without touching the built-in ones. Every edit checks the row's version
(optimistic locking), raises the framework's ``data_version`` (so an exported file shows a newer
version) and is written to the audit log in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from competence import audit
from competence.errors import ConflictError, DomainError, ValidationError
from competence.frameworks.builtin import builtin_scales
from competence.frameworks.fields import COMPETENCE_TEXTS, fill_content
from competence.frameworks.keys import slugify, unique_key
from competence.frameworks.parse import KEY_PATTERN, MAX_VALIDITY_MONTHS, clean_multiline
from competence.frameworks.queries import (
    AreaNode,
    CompetenceNode,
    FrameworkSummary,
    ScaleView,
    area_node,
    competence_node,
    framework_summary,
    scale_view,
)
from competence.frameworks.store import (
    apply_spec,
    forget_requirement_history,
    frameworks_using_scale,
    read_spec,
    referenced_competence_ids,
)
from competence.identifiers import clean_text
from competence.lookup import check_version, get_or_fail
from competence.uow import UnitOfWork
from competence.validation import limited_text
from db.codes import CompetenceKind
from db.models import Area, Competence, Framework, Scale, ScaleLevel


class ReadOnlyFrameworkError(DomainError):
    code = "read_only_framework"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"«{name}» er et innebygd rammeverk og kan ikke endres. Lag en kopi for å tilpasse det.",
            f"'{name}' is a built-in framework and cannot be changed. Make a copy to adapt it.",
        )


@dataclass(frozen=True)
class AreaInput:
    name: str
    code: str | None = None
    name_en: str | None = None
    description: str | None = None
    #: Only when adding; made from the code or name when empty. Keys never change afterwards.
    key: str | None = None


@dataclass(frozen=True)
class CompetenceInput:
    name: str
    name_en: str | None = None
    code: str | None = None
    description: str | None = None
    description_en: str | None = None
    kind: str = CompetenceKind.SKILL
    critical: bool = False
    source_quote: str | None = None
    source_ref: str | None = None
    #: None: the framework's default scale.
    scale_id: int | None = None
    validity_months: int | None = None
    parent_id: int | None = None
    #: Only when adding; made from the code or name when empty. Keys never change afterwards.
    key: str | None = None


@dataclass(frozen=True)
class LevelText:
    """The texts of one level; the ordinal and the percentage are not editable."""

    ordinal: int
    name: str
    name_en: str | None = None
    band: str | None = None
    band_en: str | None = None
    description: str | None = None
    description_en: str | None = None


# ------------------------------------------------------------------------------------------------
# Small helpers
# ------------------------------------------------------------------------------------------------


def _text(
    value: str | None,
    field: str,
    label_nb: str,
    label_en: str,
    *,
    max_len: int,
    required: bool = False,
    multiline: bool = False,
) -> str | None:
    text = (clean_multiline(value) if multiline else clean_text(value)) if value is not None else ""
    if not text:
        if required:
            raise ValidationError(f"{label_nb} må fylles ut.", f"{label_en} is required.", field=field)
        return None
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise ValidationError(
            f"{label_nb} inneholder kontrolltegn.", f"{label_en} contains control characters.", field=field
        )
    return limited_text(text, field, label_nb, label_en, max_len=max_len)


def _required(value: str | None, field: str, label_nb: str, label_en: str, *, max_len: int) -> str:
    text = _text(value, field, label_nb, label_en, max_len=max_len, required=True)
    assert text is not None
    return text


def _key(value: str | None, fallback: str) -> str:
    if value is None or not value.strip():
        return slugify(fallback)
    key = value.strip()
    if len(key) > 80 or not KEY_PATTERN.match(key):
        raise ValidationError(
            f"«{key}» er ikke en gyldig nøkkel (bruk bokstavene a-z, sifre, punktum, _ og -).",
            f"'{key}' is not a valid key (use the letters a-z, digits, full stop, _ and -).",
            field="key",
        )
    return key


def _editable(session: Session, framework_id: int) -> Framework:
    framework = get_or_fail(session, Framework, framework_id, "rammeverket", "The framework")
    if framework.builtin:
        raise ReadOnlyFrameworkError(framework.name)
    return framework


def _changed(framework: Framework) -> None:
    """An edit of the content: a new content version (the lock version follows with the row)."""
    framework.data_version += 1


def _refuse_duplicate_name(session: Session, name: str, framework_id: int | None = None) -> None:
    # Compared in Python: SQLite's lower() leaves æøå as they are.
    names = session.execute(select(Framework.id, Framework.name).where(Framework.id != (framework_id or 0)))
    if any(other.casefold() == name.casefold() for _, other in names):
        raise ConflictError(
            f"Det finnes allerede et rammeverk med navnet «{name}».",
            f"A framework named '{name}' already exists.",
            field="name",
        )


def _record(
    uow: UnitOfWork, framework: Framework, change: str, entity: str, entity_id: int, **details: Any
) -> None:
    audit.record(
        uow.session,
        uow.actor,
        "framework",
        entity=entity,
        entity_id=entity_id,
        change=change,
        framework_key=framework.key,
        **details,
    )


# ------------------------------------------------------------------------------------------------
# Frameworks
# ------------------------------------------------------------------------------------------------


def copy_framework(
    uow: UnitOfWork, framework_id: int, name: str, *, name_en: str | None = None
) -> FrameworkSummary:
    """An editable copy of any framework, with its own key and its own copies of the scales."""
    clean = _required(name, "name", "Navnet", "The name", max_len=200)
    english = _text(name_en, "name_en", "Det engelske navnet", "The English name", max_len=200)
    with uow:
        s = uow.session
        original = get_or_fail(s, Framework, framework_id, "rammeverket", "The framework")
        _refuse_duplicate_name(s, clean)
        spec = read_spec(s, original)
        key = unique_key(s, Framework.key, slugify(clean, fallback="rammeverk"))
        renamed: dict[str, str] = {}
        for scale in spec.scales:
            base = slugify(f"{key}-{scale.key}", max_len=80)
            renamed[scale.key] = unique_key(s, Scale.key, base, taken=renamed.values())
        copy = dataclasses.replace(
            spec,
            key=key,
            version=1,
            name=clean,
            name_en=english,
            scales=tuple(dataclasses.replace(sc, key=renamed[sc.key]) for sc in spec.scales),
            default_scale=renamed[spec.default_scale],
            areas=tuple(
                dataclasses.replace(
                    area,
                    competences=tuple(
                        dataclasses.replace(c, scale=renamed[c.scale] if c.scale else None)
                        for c in area.competences
                    ),
                )
                for area in spec.areas
            ),
        )
        report = apply_spec(s, copy, framework=None, builtin=False)
        framework = s.get(Framework, report.framework_id)
        assert framework is not None
        framework.copied_from_id = original.id
        uow.flush()
        _record(uow, framework, "copy", "framework", framework.id, copied_from=original.key)
        uow.commit()
        return framework_summary(s, framework.id)


def update_framework(
    uow: UnitOfWork,
    framework_id: int,
    *,
    expected_version: int | None,
    name: str,
    name_en: str | None = None,
    owner: str | None = None,
    description: str | None = None,
) -> FrameworkSummary:
    """Rename a copy and edit its owner and description."""
    clean = _required(name, "name", "Navnet", "The name", max_len=200)
    with uow:
        s = uow.session
        framework = _editable(s, framework_id)
        check_version(framework, expected_version)
        _refuse_duplicate_name(s, clean, framework_id)
        framework.name = clean
        framework.name_en = _text(name_en, "name_en", "Det engelske navnet", "The English name", max_len=200)
        framework.owner = _text(owner, "owner", "Eieren", "The owner", max_len=200)
        framework.description = _text(
            description, "description", "Beskrivelsen", "The description", max_len=4000, multiline=True
        )
        _changed(framework)
        uow.flush()
        _record(uow, framework, "rename", "framework", framework.id)
        uow.commit()
        return framework_summary(s, framework.id)


def delete_framework(uow: UnitOfWork, framework_id: int, *, expected_version: int | None) -> None:
    """Delete a copy nobody uses yet (no requirement, assessment, course or goal points into it)."""
    with uow:
        s = uow.session
        framework = _editable(s, framework_id)
        check_version(framework, expected_version)
        ids = list(s.scalars(select(Competence.id).where(Competence.framework_id == framework_id)))
        if referenced_competence_ids(s, ids):
            raise ConflictError(
                f"«{framework.name}» er i bruk (krav, vurderinger, kurs eller mål) og kan ikke slettes.",
                f"'{framework.name}' is in use (requirements, assessments, courses or goals) and cannot be "
                "deleted.",
            )
        scale_ids = {framework.default_scale_id} | set(
            s.scalars(select(Competence.scale_id).where(Competence.framework_id == framework_id))
        )
        _record(uow, framework, "delete", "framework", framework.id)
        forget_requirement_history(s, ids)
        s.delete(framework)
        uow.flush()
        owned = builtin_scales()
        for scale_id in scale_ids - {None}:
            scale = s.get(Scale, scale_id)
            if scale is not None and scale.key not in owned and not frameworks_using_scale(s, scale.id):
                s.delete(scale)
        uow.commit()


# ------------------------------------------------------------------------------------------------
# Areas
# ------------------------------------------------------------------------------------------------


def _apply_area(area: Area, data: AreaInput) -> None:
    area.name = _required(data.name, "name", "Navnet på området", "The area name", max_len=200)
    area.name_en = _text(data.name_en, "name_en", "Det engelske navnet", "The English name", max_len=200)
    area.code = _text(data.code, "code", "Koden", "The code", max_len=40)
    area.description = _text(
        data.description, "description", "Beskrivelsen", "The description", max_len=4000, multiline=True
    )


def add_area(uow: UnitOfWork, framework_id: int, data: AreaInput) -> AreaNode:
    with uow:
        s = uow.session
        framework = _editable(s, framework_id)
        area = Area(framework_id=framework.id)
        _apply_area(area, data)
        base = _key(data.key, area.code or area.name)
        key = unique_key(s, Area.key, base, Area.framework_id == framework.id)
        if data.key and key != base:
            raise ConflictError(
                f"Området «{base}» finnes allerede i rammeverket.",
                f"The area '{base}' already exists in the framework.",
                field="key",
            )
        area.key = key
        last = s.scalar(select(func.max(Area.sort_order)).where(Area.framework_id == framework.id))
        area.sort_order = (last or 0) + 1
        s.add(area)
        _changed(framework)
        uow.flush()
        _record(uow, framework, "add-area", "area", area.id, key=area.key)
        uow.commit()
        return area_node(area, [])


def update_area(uow: UnitOfWork, area_id: int, *, expected_version: int | None, data: AreaInput) -> AreaNode:
    with uow:
        s = uow.session
        area = get_or_fail(s, Area, area_id, "området", "The area")
        framework = _editable(s, area.framework_id)
        check_version(area, expected_version)
        _apply_area(area, data)
        _changed(framework)
        uow.flush()
        _record(uow, framework, "update-area", "area", area.id, key=area.key)
        uow.commit()
        return area_node(area, [competence_node(c) for c in area.competences])


def remove_area(uow: UnitOfWork, area_id: int, *, expected_version: int | None) -> None:
    """Remove an area with its competences, unless one of them is in use."""
    with uow:
        s = uow.session
        area = get_or_fail(s, Area, area_id, "området", "The area")
        framework = _editable(s, area.framework_id)
        check_version(area, expected_version)
        in_use = referenced_competence_ids(s, [c.id for c in area.competences])
        if in_use:
            names = ", ".join(f"«{c.name}»" for c in area.competences if c.id in in_use)
            raise ConflictError(
                f"Området «{area.name}» kan ikke fjernes: kompetansene {names} er i bruk (krav, vurderinger, "
                "kurs eller mål).",
                f"The area '{area.name}' cannot be removed: the competences {names} are in use "
                "(requirements, assessments, courses or goals).",
            )
        _record(
            uow, framework, "remove-area", "area", area.id, key=area.key, competences=len(area.competences)
        )
        forget_requirement_history(s, [c.id for c in area.competences])
        s.delete(area)
        _changed(framework)
        uow.commit()


# ------------------------------------------------------------------------------------------------
# Competences
# ------------------------------------------------------------------------------------------------


def _apply_competence(s: Session, comp: Competence, framework: Framework, data: CompetenceInput) -> None:
    texts = {
        t.name: _text(
            getattr(data, t.name),
            t.name,
            t.label_nb,
            t.label_en,
            max_len=t.max_len,
            required=t.required,
            multiline=t.multiline,
        )
        for t in COMPETENCE_TEXTS
    }
    code = texts["code"]
    if code is not None:
        others = s.execute(
            select(Competence.code, Competence.name).where(
                Competence.framework_id == framework.id,
                Competence.code.is_not(None),
                Competence.id != (comp.id or 0),
            )
        )
        clash = next((name for other, name in others if other and other.casefold() == code.casefold()), None)
        if clash is not None:
            raise ConflictError(
                f"Koden «{code}» brukes allerede av «{clash}» i dette rammeverket.",
                f"The code '{code}' is already used by '{clash}' in this framework.",
                field="code",
            )
    if CompetenceKind.known(data.kind) is None:
        raise ValidationError(
            f"Ukjent type «{data.kind}» (bruk «skill» eller «certificate»).",
            f"Unknown kind '{data.kind}' (use 'skill' or 'certificate').",
            field="kind",
        )
    months = data.validity_months
    if months is not None and not 1 <= months <= MAX_VALIDITY_MONTHS:
        raise ValidationError(
            f"Gyldighet må være mellom 1 og {MAX_VALIDITY_MONTHS} måneder.",
            f"Validity must be between 1 and {MAX_VALIDITY_MONTHS} months.",
            field="validity_months",
        )
    fill_content(
        comp, {**texts, "kind": data.kind, "critical": bool(data.critical), "validity_months": months}
    )
    _apply_scale(s, comp, framework, data.scale_id)
    _apply_parent(s, comp, framework, data.parent_id)


def _apply_scale(s: Session, comp: Competence, framework: Framework, scale_id: int | None) -> None:
    wanted = scale_id if scale_id is not None else framework.default_scale_id
    if wanted is None or s.get(Scale, wanted) is None:
        raise ValidationError("Velg en skala.", "Choose a scale.", field="scale_id")
    if comp.id is not None and comp.scale_id != wanted and referenced_competence_ids(s, [comp.id]):
        raise ConflictError(
            f"«{comp.name}» er i bruk (krav, vurderinger, kurs eller mål) og kan ikke få en annen skala.",
            f"'{comp.name}' is in use (requirements, assessments, courses or goals) and cannot change scale.",
            field="scale_id",
        )
    comp.scale_id = wanted


def _apply_parent(s: Session, comp: Competence, framework: Framework, parent_id: int | None) -> None:
    if parent_id is None:
        comp.parent_id = None
        return
    parent = s.get(Competence, parent_id)
    if parent is None or parent.framework_id != framework.id:
        raise ValidationError(
            "Den overordnede kompetansen må høre til samme rammeverk.",
            "The parent competence must belong to the same framework.",
            field="parent_id",
        )
    step: Competence | None = parent
    while step is not None:
        if comp.id is not None and step.id == comp.id:
            raise ValidationError(
                "En kompetanse kan ikke ligge under seg selv.",
                "A competence cannot lie under itself.",
                field="parent_id",
            )
        step = s.get(Competence, step.parent_id) if step.parent_id is not None else None
    comp.parent_id = parent.id


def _end_of(s: Session, area: Area) -> int:
    last = s.scalar(select(func.max(Competence.sort_order)).where(Competence.area_id == area.id))
    return (last if last is not None else -1) + 1


def add_competence(uow: UnitOfWork, area_id: int, data: CompetenceInput) -> CompetenceNode:
    with uow:
        s = uow.session
        area = get_or_fail(s, Area, area_id, "området", "The area")
        framework = _editable(s, area.framework_id)
        comp = Competence(framework_id=framework.id, area_id=area.id)
        _apply_competence(s, comp, framework, data)
        base = _key(data.key, f"{framework.key}-{comp.code or comp.name}")
        key = unique_key(s, Competence.key, base, Competence.framework_id == framework.id)
        if data.key and key != base:
            raise ConflictError(
                f"Kompetansenøkkelen «{base}» finnes allerede i rammeverket.",
                f"The competence key '{base}' already exists in the framework.",
                field="key",
            )
        comp.key = key
        comp.sort_order = _end_of(s, area)
        s.add(comp)
        _changed(framework)
        uow.flush()
        _record(uow, framework, "add-competence", "competence", comp.id, key=comp.key)
        uow.commit()
        return competence_node(comp)


def update_competence(
    uow: UnitOfWork,
    competence_id: int,
    *,
    expected_version: int | None,
    data: CompetenceInput,
    area_id: int | None = None,
) -> CompetenceNode:
    """Edit a competence of a copy; ``area_id`` moves it to another area of the same framework."""
    with uow:
        s = uow.session
        comp = get_or_fail(s, Competence, competence_id, "kompetansen", "The competence")
        framework = _editable(s, comp.framework_id)
        check_version(comp, expected_version)
        with s.no_autoflush:  # one UPDATE (and one version step) for the whole edit
            _apply_competence(s, comp, framework, data)
            if area_id is not None and area_id != comp.area_id:
                area = s.get(Area, area_id)
                if area is None or area.framework_id != framework.id:
                    raise ValidationError(
                        "Området må høre til samme rammeverk.",
                        "The area must belong to the same framework.",
                        field="area_id",
                    )
                comp.sort_order = _end_of(s, area)
                comp.area = area
        _changed(framework)
        uow.flush()
        _record(uow, framework, "update-competence", "competence", comp.id, key=comp.key)
        uow.commit()
        return competence_node(comp)


def remove_competence(uow: UnitOfWork, competence_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        comp = get_or_fail(s, Competence, competence_id, "kompetansen", "The competence")
        framework = _editable(s, comp.framework_id)
        check_version(comp, expected_version)
        if referenced_competence_ids(s, [comp.id]):
            raise ConflictError(
                f"«{comp.name}» er i bruk (krav, vurderinger, kurs eller mål) og kan ikke fjernes.",
                f"'{comp.name}' is in use (requirements, assessments, courses or goals) and cannot be "
                "removed.",
            )
        _record(uow, framework, "remove-competence", "competence", comp.id, key=comp.key)
        forget_requirement_history(s, [comp.id])
        s.delete(comp)
        _changed(framework)
        uow.commit()


# ------------------------------------------------------------------------------------------------
# Scales
# ------------------------------------------------------------------------------------------------


def update_scale(
    uow: UnitOfWork,
    scale_id: int,
    *,
    expected_version: int | None,
    name: str,
    name_en: str | None,
    levels: Sequence[LevelText],
) -> ScaleView:
    """Edit the names and descriptions of a copy's scale and its levels (not the percentages)."""
    clean = _required(name, "name", "Navnet på skalaen", "The scale name", max_len=200)
    with uow:
        s = uow.session
        scale = get_or_fail(s, Scale, scale_id, "skalaen", "The scale")
        users = [s.get(Framework, fid) for fid in sorted(frameworks_using_scale(s, scale.id))]
        builtin = next((fw for fw in users if fw is not None and fw.builtin), None)
        if builtin is not None or scale.key in builtin_scales():
            raise ReadOnlyFrameworkError(builtin.name if builtin is not None else scale.name)
        check_version(scale, expected_version)
        by_ordinal = {lv.ordinal: lv for lv in scale.levels}
        if sorted(t.ordinal for t in levels) != sorted(by_ordinal):
            raise ValidationError(
                "Nivåene må være de samme som før; bare tekstene kan endres.",
                "The levels must be the same as before; only their texts can be changed.",
                field="levels",
            )
        scale.name = clean
        scale.name_en = _text(name_en, "name_en", "Det engelske navnet", "The English name", max_len=200)
        for text in levels:
            _apply_level(by_ordinal[text.ordinal], text)
        flag_modified(scale, "name")  # level edits are edits of the scale: its version moves on
        for framework in users:
            if framework is not None:
                _changed(framework)
        uow.flush()
        for framework in users:
            if framework is not None:
                _record(uow, framework, "update-scale", "scale", scale.id, key=scale.key)
        uow.commit()
        return scale_view(scale)


def _apply_level(level: ScaleLevel, text: LevelText) -> None:
    label = f"Nivå {text.ordinal}"
    label_en = f"Level {text.ordinal}"
    level.name = _required(text.name, "levels", f"{label}: navnet", f"{label_en}: the name", max_len=120)
    level.name_en = _text(
        text.name_en, "levels", f"{label}: engelsk navn", f"{label_en}: English name", max_len=120
    )
    level.band = _text(text.band, "levels", f"{label}: trinn", f"{label_en}: band", max_len=120)
    level.band_en = _text(
        text.band_en, "levels", f"{label}: engelsk trinn", f"{label_en}: English band", max_len=120
    )
    level.description = _text(
        text.description,
        "levels",
        f"{label}: beskrivelsen",
        f"{label_en}: the description",
        max_len=4000,
        multiline=True,
    )
    level.description_en = _text(
        text.description_en,
        "levels",
        f"{label}: engelsk beskrivelse",
        f"{label_en}: English description",
        max_len=4000,
        multiline=True,
    )


__all__ = [
    "AreaInput",
    "CompetenceInput",
    "LevelText",
    "ReadOnlyFrameworkError",
    "add_area",
    "add_competence",
    "copy_framework",
    "delete_framework",
    "remove_area",
    "remove_competence",
    "update_area",
    "update_competence",
    "update_framework",
    "update_scale",
]
