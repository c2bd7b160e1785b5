"""One person's competence profile against what their roles require."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Date,
    Executable,
    Float,
    Integer,
    String,
    bindparam,
    cast,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from competence.assessments import counting_sources
from competence.compliance.rules import Terms, lacking_since, lacking_status
from competence.gap.queries import AT, active_position, on_date, ref_columns, sorted_refs
from competence.gap.results import AreaScore, CompetenceRef, EmployeeProfile, ProfileItem, SelfLevel
from competence.lookup import get_or_fail
from competence.roles import in_force
from competence.uow import UnitOfWork
from db.codes import AssessmentSource, LevelSource, RequirementStatus
from db.models import (
    Area,
    Assessment,
    Certificate,
    Competence,
    Employee,
    Framework,
    Position,
    Requirement,
    ScaleLevel,
)

EMPLOYEE_ID = bindparam("employee_id", type_=Integer())


def employee_profile(uow: UnitOfWork, employee_id: int, *, at: dt.date | None = None) -> EmployeeProfile:
    """Every competence the person's roles require, with current, required, gap and status."""
    with uow.reading():
        return _profile(uow.session, employee_id, on_date(at))


def _profile(session: Session, employee_id: int, on: dt.date) -> EmployeeProfile:
    emp = get_or_fail(session, Employee, employee_id, "ansatt", "Employee")
    reqs = session.execute(_requirements_stmt(), {"employee_id": employee_id, "at": on}).all()
    strongest: dict[int, tuple[int, str, float, bool, str | None]] = {}
    terms: dict[int, Terms] = {}
    # the competences come with the requirements (a statement fewer: on a server each is a round trip)
    refs = {ref.id: ref for ref in sorted_refs({row[0]: CompetenceRef(*row[9:]) for row in reqs}.values())}
    for comp_id, ordinal, name, percent, mandatory, name_en, months, valid_from, start, *_ in reqs:
        if mandatory:
            terms.setdefault(comp_id, Terms()).add(True, months, start, valid_from)
        held = strongest.get(comp_id)
        if held is None or percent > held[2]:
            strongest[comp_id] = (ordinal, name, percent, mandatory or (held[3] if held else False), name_en)
        elif mandatory and not held[3]:
            strongest[comp_id] = (held[0], held[1], held[2], True, held[4])
    selves: dict[int, SelfLevel] = {}
    expired: dict[int, dt.date] = {}
    current = _current_levels(session, employee_id, list(strongest), on, refs, selves, expired)
    lacking = _lacking_courses(on, terms, refs, current, expired)
    items = []
    for ref in refs.values():
        ordinal, name, percent, mandatory, name_en = strongest[ref.id]
        cur = current.get(ref.id)
        status, deadline, since = lacking.get(ref.id, (None, None, None))
        items.append(
            ProfileItem(
                ref,
                ordinal,
                name,
                percent,
                mandatory,
                cur[0] if cur else None,
                cur[1] if cur else None,
                cur[2] if cur else None,
                cur[3] if cur else None,
                name_en,
                cur[4] if cur else None,
                status,
                deadline,
                since,
                selves.get(ref.id),
            )
        )
    return EmployeeProfile(emp.id, emp.shown_no, emp.full_name, on, tuple(items), _area_scores(items))


# The statements are built once (with bound parameters): building them costs more than running them.


@lru_cache(maxsize=1)
def _requirements_stmt() -> Executable:
    req_level = aliased(ScaleLevel)
    return (
        select(
            Requirement.competence_id,
            req_level.ordinal,
            req_level.name,
            req_level.percent,
            Requirement.mandatory,
            req_level.name_en,
            Requirement.deadline_months,
            Requirement.valid_from,
            Position.start_date,
            *ref_columns(),
        )
        .join(Position, Position.role_id == Requirement.role_id)
        .join(req_level, req_level.id == Requirement.level_id)
        .join(Competence, Competence.id == Requirement.competence_id)
        .join(Area, Area.id == Competence.area_id)
        .join(Framework, Framework.id == Competence.framework_id)
        .where(Position.employee_id == EMPLOYEE_ID, active_position(AT), in_force(AT))
    )


SKILL_IDS = bindparam("skill_ids", expanding=True, type_=Integer())
COURSE_IDS = bindparam("course_ids", expanding=True, type_=Integer())
SCALE_IDS = bindparam("scale_ids", expanding=True, type_=Integer())
#: what a row of :func:`_held_stmt` is
_ASSESSED, _CERTIFIED, _COURSE_LEVEL = 0, 1, 2


@lru_cache(maxsize=1)
def _held_stmt() -> Executable:
    """What the person holds, in one statement (on a server each statement is a round trip):
    (kind, competence or scale, level ordinal, name, percent, date, English name, source, row id,
    valid until). Kind 0: an assessment of a skill on or before the date; 1: a certificate of a
    course completed by then; 2: a level of a course's scale (its lowest and highest stand for
    lacking and holding it)."""
    nothing = null()
    assessed = (
        select(
            literal(_ASSESSED),
            Assessment.competence_id,
            ScaleLevel.ordinal,
            ScaleLevel.name,
            ScaleLevel.percent,
            Assessment.assessed_on,
            ScaleLevel.name_en,
            Assessment.source,
            Assessment.id,
            cast(nothing, Date),
        )
        .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
        .where(
            Assessment.employee_id == EMPLOYEE_ID,
            Assessment.competence_id.in_(SKILL_IDS),
            Assessment.assessed_on <= AT,
        )
    )
    certified = select(
        literal(_CERTIFIED),
        Certificate.competence_id,
        cast(nothing, Integer),
        cast(nothing, String),
        cast(nothing, Float),
        Certificate.completed_on,
        cast(nothing, String),
        cast(nothing, String),
        Certificate.id,
        Certificate.valid_until,
    ).where(
        Certificate.employee_id == EMPLOYEE_ID,
        Certificate.competence_id.in_(COURSE_IDS),
        Certificate.completed_on <= AT,
    )
    course_levels = select(
        literal(_COURSE_LEVEL),
        ScaleLevel.scale_id,
        ScaleLevel.ordinal,
        ScaleLevel.name,
        cast(nothing, Float),
        cast(nothing, Date),
        ScaleLevel.name_en,
        cast(nothing, String),
        ScaleLevel.id,
        cast(nothing, Date),
    ).where(ScaleLevel.scale_id.in_(SCALE_IDS))
    return union_all(assessed, certified, course_levels)


def _current_levels(
    session: Session,
    employee_id: int,
    comp_ids: list[int],
    at: dt.date,
    refs: Mapping[int, CompetenceRef],
    selves: dict[int, SelfLevel] | None = None,
    expired: dict[int, dt.date] | None = None,
) -> dict[int, tuple[int | None, str | None, float, dt.date | None, str | None]]:
    """competence → (level ordinal, level name, percent, date, English level name) for one person
    on a date: the level that counts (a self-assessment only when the register counts the newest
    of any source, docs/compliance.md). The newest self-assessments go into ``selves``, and per
    course the last day of the latest certificate that ran out before the date into ``expired``."""
    if not comp_ids:
        return {}
    result: dict[int, tuple[int | None, str | None, float, dt.date | None, str | None]] = {}
    skill_ids = [c for c in comp_ids if refs[c].kind != "certificate"]
    cert_ids = [c for c in comp_ids if refs[c].kind == "certificate"]
    params = {
        "employee_id": employee_id,
        "at": at,
        "skill_ids": skill_ids,
        "course_ids": cert_ids,
        "scale_ids": sorted({refs[c].scale_id for c in cert_ids}),
    }
    rows = session.execute(_held_stmt(), params).all()
    own_counts: bool | None = None  # the setting is read when there is a self-assessment
    # ascending date (then row): the last wins
    assessed = sorted((r for r in rows if r[0] == _ASSESSED), key=lambda r: (r[1], r[5], r[8]))
    for _, comp_id, ordinal, name, percent, on, name_en, source, _, _ in assessed:
        if source == AssessmentSource.SELF:
            if selves is not None:
                selves[comp_id] = SelfLevel(ordinal, name, name_en, on)
            if own_counts is None:
                own_counts = counting_sources(session) is LevelSource.NEWEST
            if not own_counts:
                continue
        result[comp_id] = (ordinal, name, percent, on, name_en)
    top_levels = _certificate_levels(r for r in rows if r[0] == _COURSE_LEVEL)
    certified = sorted((r for r in rows if r[0] == _CERTIFIED), key=lambda r: (r[5], r[8]))
    for _, cert_comp, _, _, _, completed, _, _, _, valid_until in certified:
        valid = valid_until is None or valid_until >= at
        if not valid and expired is not None and valid_until is not None:
            expired[cert_comp] = max(valid_until, expired.get(cert_comp, valid_until))
        prev = result.get(cert_comp)
        if prev is not None and prev[2] >= 100.0 and not valid:
            continue
        low, high = top_levels[refs[cert_comp].scale_id]
        level = high if valid else low
        result[cert_comp] = (level[0], level[1], 100.0 if valid else 0.0, completed, level[2])
    return result


def _lacking_courses(
    at: dt.date,
    terms: Mapping[int, Terms],
    refs: Mapping[int, CompetenceRef],
    current: Mapping[int, tuple[int | None, str | None, float, dt.date | None, str | None]],
    expired: Mapping[int, dt.date],
) -> dict[int, tuple[RequirementStatus, dt.date | None, dt.date | None]]:
    """The mandatory courses without a valid certificate on ``at``: competence → (missing or
    overdue, the deadline, since when lacking) (docs/compliance.md). ``expired``: per course, the
    last day of the latest certificate that ran out before ``at`` (read with the levels: a
    certificate that ran out was completed before it did)."""
    out = {}
    for comp_id, term in terms.items():
        ref = refs.get(comp_id)
        cur = current.get(comp_id)
        if ref is None or ref.kind != "certificate" or (cur is not None and cur[2] >= 100.0):
            continue
        since = lacking_since(term.since, expired.get(comp_id))
        out[comp_id] = (lacking_status(term.due, at), term.due, since)
    return out


_Level = tuple[int, str, str | None]


def _certificate_levels(rows: Iterable[Sequence[Any]]) -> dict[int, tuple[_Level, _Level]]:
    """Per certificate scale: its lowest and highest level (ordinal, name, English name), from the
    scale-level rows of :func:`_held_stmt`."""
    out: dict[int, tuple[_Level, _Level]] = {}
    for row in sorted(rows, key=lambda r: (r[1], r[2])):
        scale_id, ordinal, name, name_en = row[1], row[2], row[3], row[6]
        low, _ = out.get(scale_id, ((ordinal, name, name_en), (ordinal, name, name_en)))
        out[scale_id] = (low, (ordinal, name, name_en))
    return out


def _area_scores(items: Sequence[ProfileItem]) -> tuple[AreaScore, ...]:
    groups: dict[int, list[ProfileItem]] = {}
    for item in items:
        groups.setdefault(item.competence.area_id, []).append(item)
    scores = []
    for group in groups.values():
        ref = group[0].competence
        n = len(group)
        scores.append(
            AreaScore(
                ref.area_id,
                ref.area_code,
                ref.area_name,
                ref.framework_name,
                sum(i.required_percent for i in group) / n,
                sum(i.current_percent or 0.0 for i in group) / n,
                n,
                sum(1 for i in group if i.status == "met"),
                sum(1 for i in group if i.status == "not_assessed"),
                sum(i.gap for i in group) / n,
                ref.area_name_en,
                ref.framework_name_en,
            )
        )
    return tuple(scores)
