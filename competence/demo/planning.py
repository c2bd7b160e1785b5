"""The demo municipality's planning (docs/demo.md, "Planning"): position details for heltidskultur,
targets, measures and budgets of the enheter, and two years of 10-FAKTOR results.

Runs after the rest of the demo is written, in the same transaction, from what the register holds
(read in a stable order, never by database id alone) with a random generator of its own, so the
rest of the demo stays exactly as it was for the same seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from competence.demo import writer
from competence.planning.budget import budget_in
from competence.planning.holders import holder_counts
from db.codes import EmploymentType, Factor, Funding, MeasureKind, MeasureStatus, QualificationKind
from db.models import (
    Area,
    Competence,
    Employee,
    Framework,
    OrgUnit,
    Position,
    Qualification,
    Requirement,
    ScaleLevel,
)
from db.planning import TenFactorResult, UnitBudget, UnitMeasure, UnitTarget

#: 10-FAKTOR means a Norwegian municipality typically has (1-5), per factor.
FACTOR_BASE = {
    Factor.INTRINSIC_MOTIVATION: 4.35,
    Factor.SELF_EFFICACY: 4.2,
    Factor.AUTONOMY: 3.95,
    Factor.USE_OF_COMPETENCE: 4.05,
    Factor.MASTERY_LEADERSHIP: 3.85,
    Factor.ROLE_CLARITY: 4.25,
    Factor.COMPETENCE_DEVELOPMENT: 3.55,
    Factor.FLEXIBILITY: 4.15,
    Factor.MASTERY_CLIMATE: 3.95,
    Factor.PROSOCIAL_MOTIVATION: 4.55,
}
SURVEY_MINIMUM = 5
TEMPORARY_PART_TIME = (
    (EmploymentType.PERMANENT, 70),
    (EmploymentType.TEMPORARY, 12),
    (EmploymentType.SUBSTITUTE, 13),
    (EmploymentType.PROJECT, 5),
)
TEMPORARY_FULL_TIME = (
    (EmploymentType.PERMANENT, 92),
    (EmploymentType.TEMPORARY, 4),
    (EmploymentType.SUBSTITUTE, 2),
    (EmploymentType.PROJECT, 2),
)
#: one person in this many gets extra shifts that take them above 100 % (heltidskultur flags them)
ABOVE_FULL_TIME_EVERY = 150
#: units with fewer people than this get no targets of their own
TARGET_MIN_PEOPLE = 8

REASONS = {
    "legemiddelhandtering": "Forsvarlig legemiddelhåndtering krever nok kvalifiserte på hver vakt.",
    "forstehjelp": "Alle vakter skal ha noen med gyldig førstehjelpskurs.",
    "hms-leder": "Lovkrav (arbeidsmiljøloven § 3-5).",
}
AREA_REASONS = {
    "s15": "Velferdsteknologi og nye fagsystemer krever flere med god digital kompetanse (§15).",
    "s13": "Risikovurderinger skal gjøres lokalt, ikke bare av leder (§13 HMS).",
    "s10": "Vi vil bruke arbeidsplassen som læringsarena (§10).",
    "s6": "Godt medarbeiderskap: dele kompetanse med kolleger (§6).",
}
DEFAULT_REASON = "Behov meldt i kartleggingsrunden og i medarbeidersamtalene."
#: how many enheter get a target for a formal qualification (an authorisation their posts require)
QUALIFICATION_TARGETS = 2
#: at least this many of the enhet's people must be on posts requiring it
QUALIFICATION_TARGET_MIN = 5
QUALIFICATION_REASON = (
    "Hver stilling som krever {name} skal ha en med gyldig autorisasjon; forsvarlig drift uten å "
    "hvile på dispensasjoner (helsepersonelloven § 48)."
)
QUALIFICATION_MEASURES = {
    MeasureKind.DEVELOP: "Følge opp ansatte uten {name} fram til søknaden er innvilget",
    MeasureKind.RECRUIT: "Rekruttere en medarbeider med {name} ved neste ledige stilling",
}
MEASURE_TEXTS = {
    MeasureKind.DEVELOP: (
        "Kurs og veiledning i {name}",
        "Interne fagdager med {name} som tema",
        "Hospitering hos nabokommunen: {name}",
    ),
    MeasureKind.RECRUIT: ("Rekruttere en medarbeider med {name} ved neste ledige stilling",),
    MeasureKind.REDEPLOY: ("Flytte vakter slik at erfarne med {name} går sammen med nyansatte",),
    MeasureKind.BUY_IN: ("Kjøpe opplæring i {name} fra ekstern leverandør",),
}
EVALUATIONS = (
    "Gjennomført som planlagt. Deltakerne vurderer nytten som stor; nivået økte i kartleggingen.",
    "Gjennomført, men færre deltok enn planlagt på grunn av sykefravær. Videreføres.",
    "Avlyst: kursleverandøren trakk seg. Midlene er flyttet til neste år.",
)


@dataclass
class _Unit:
    id: int
    number: str
    name: str
    parent_id: int | None
    leader_id: int | None
    depth: int = 0
    children: list[int] = field(default_factory=list)


def add_planning(session: Session, seed: int, today: dt.date) -> dict[str, int]:
    """Write the planning part of the demo; the counts for the summary."""
    rng = random.Random(seed * 7919 + 15)
    conn = session.connection()
    units = _units(session)
    people = _position_details(session, conn, rng, today)
    targets = _targets(session, rng, units, people, today)
    # a generator of their own: the rest of the planning stays as it was for the same seed
    by_qualification = _qualification_targets(session, random.Random(seed * 7919 + 16), units, people, today)
    measures, budgets = _measures_and_budgets(session, rng, units, targets, people, today)
    results = _tenfactor(session, rng, units, today)
    return {
        "above_full_time": people.above,
        "targets": len(targets) + len(by_qualification),
        "measures": measures + sum(len(m) for m in by_qualification.values()),
        "budgets": budgets,
        "tenfactor_results": results,
    }


def _units(session: Session) -> dict[int, _Unit]:
    units = {
        u.id: _Unit(u.id, u.number, u.name, u.parent_id, u.leader_id)
        for u in session.scalars(select(OrgUnit).order_by(OrgUnit.number))
    }
    for unit in units.values():
        if unit.parent_id in units:
            units[unit.parent_id].children.append(unit.id)
    for unit in units.values():
        depth, parent = 0, unit.parent_id
        while parent is not None:
            depth, parent = depth + 1, units[parent].parent_id
        unit.depth = depth
    return units


@dataclass
class _People:
    #: unit id -> active people there (the unit itself)
    per_unit: dict[int, set[int]]
    above: int


def _position_details(session: Session, conn: Connection, rng: random.Random, today: dt.date) -> _People:
    """Main post, employment type and desired FTE; a few people above 100 % with extra shifts."""
    rows = session.execute(
        select(
            Position.id, Position.employee_id, Position.unit_id, Position.fte_percent, Employee.employee_no
        )
        .join(Employee, Employee.id == Position.employee_id)
        .where(Position.end_date.is_(None), Employee.left_on.is_(None))
        .order_by(Employee.employee_no, Position.fte_percent.desc(), Position.id)
    ).all()
    posts: dict[int, list[tuple[int, int, float]]] = {}
    numbers: dict[int, str] = {}
    per_unit: dict[int, set[int]] = {}
    for pos_id, emp_id, unit_id, fte, number in rows:
        posts.setdefault(emp_id, []).append((pos_id, unit_id, float(fte)))
        numbers[emp_id] = number
        per_unit.setdefault(unit_id, set()).add(emp_id)
    main: list[tuple[int, object]] = []
    kinds: list[tuple[int, object]] = []
    desired: list[tuple[int, object]] = []
    raised: list[tuple[int, object]] = []
    candidates = [  # two real posts that already add up to full time
        e
        for e in sorted(posts, key=numbers.__getitem__)
        if sum(1 for p in posts[e] if p[2] > 0) >= 2 and sum(p[2] for p in posts[e]) >= 100
    ]
    quota = max(1, len(posts) // ABOVE_FULL_TIME_EVERY)
    extra = set(candidates[:: max(1, len(candidates) // quota)][:quota])
    above = 0
    for emp_id in sorted(posts, key=numbers.__getitem__):
        held = posts[emp_id]
        total = sum(fte for _, _, fte in held)
        weights = TEMPORARY_PART_TIME if total < 100 else TEMPORARY_FULL_TIME
        for index, (pos_id, _unit, fte) in enumerate(held):
            main.append((pos_id, index == 0))
            if fte > 0:
                kinds.append((pos_id, rng.choices([k for k, _ in weights], [w for _, w in weights])[0]))
        if emp_id in extra:
            smallest = min((p for p in held if p[2] > 0), key=lambda p: (p[2], p[0]))
            raised.append((smallest[0], smallest[2] + 10))
            above += 1
            continue
        draw = rng.random()
        if total < 100:
            if draw < 0.4:
                desired.append(
                    (emp_id, min(100.0, 5 * round((total + rng.choice((10, 15, 20, 25, 30, 40))) / 5)))
                )
            elif draw < 0.65:
                desired.append((emp_id, total))
        elif draw < 0.4:
            desired.append((emp_id, 100.0))
    writer.set_column(conn, Position, "main_position", main)  # type: ignore[arg-type]
    writer.set_column(conn, Position, "employment_type", kinds)  # type: ignore[arg-type]
    writer.set_column(conn, Position, "fte_percent", raised)  # type: ignore[arg-type]
    writer.set_column(conn, Employee, "desired_fte", desired)  # type: ignore[arg-type]
    return _People(per_unit, above)


def _subtree(units: dict[int, _Unit], unit_id: int) -> list[int]:
    found, stack = [], [unit_id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(units[current].children)
    return found


def _qualification_targets(
    session: Session, rng: random.Random, units: dict[int, _Unit], people: _People, today: dt.date
) -> dict[int, list[UnitMeasure]]:
    """A target for an authorisation in the enheter where most people are on posts requiring one
    (two enheter, two authorisations: e.g. autorisasjon som sykepleier at a sykehjem): "every such
    post filled by someone holding it", with a measure (and a recruitment where it falls short);
    target id -> its measures."""
    required, names = _authorisations_on_posts(session)
    candidates: list[tuple[int, str, str, int, int]] = []
    for unit in units.values():
        below = _subtree(units, unit.id)
        if (
            unit.depth != 2
            or len(set().union(*(people.per_unit.get(u, set()) for u in below))) < TARGET_MIN_PEOPLE
        ):
            continue
        for qualification_id, (key, _) in names.items():
            on_posts = set().union(*(required.get((u, qualification_id), set()) for u in below))
            if len(on_posts) >= QUALIFICATION_TARGET_MIN:
                candidates.append((-len(on_posts), unit.number, key, unit.id, qualification_id))
    made: list[UnitTarget] = []
    for minus_count, _, _, unit_id, qualification_id in sorted(candidates):
        if len(made) < QUALIFICATION_TARGETS and all(
            t.unit_id != unit_id and t.qualification_id != qualification_id for t in made
        ):
            made.append(
                UnitTarget(
                    unit_id=unit_id,
                    qualification_id=qualification_id,
                    people_needed=-minus_count,
                    reason=QUALIFICATION_REASON.format(name=names[qualification_id][1].lower()),
                    due_on=dt.date(today.year + 1, 6, 30),
                )
            )
    session.add_all(made)
    session.flush()
    have = holder_counts(session, [t.id for t in made], today)
    measures: dict[int, list[UnitMeasure]] = {}
    for target in made:
        kinds = [MeasureKind.DEVELOP]
        if have.get(target.id, 0) < target.people_needed:
            kinds.append(MeasureKind.RECRUIT)
        name = names[target.qualification_id or 0][1].lower()
        measures[target.id] = [
            _qualification_measure(rng, units[target.unit_id], target, kind, name, today) for kind in kinds
        ]
        session.add_all(measures[target.id])
    session.flush()
    return measures


def _authorisations_on_posts(
    session: Session,
) -> tuple[dict[tuple[int, int], set[int]], dict[int, tuple[str, str]]]:
    """(unit, authorisation) -> the people on active posts there whose role requires it; and the
    authorisations' keys and names."""
    rows = session.execute(
        select(
            Position.unit_id, Qualification.id, Qualification.key, Qualification.name, Position.employee_id
        )
        .join(Requirement, Requirement.role_id == Position.role_id)
        .join(Qualification, Qualification.id == Requirement.qualification_id)
        .where(
            Position.end_date.is_(None),
            Position.fte_percent > 0,
            Requirement.valid_to.is_(None),
            Qualification.kind == QualificationKind.AUTHORISATION.value,
        )
        .distinct()
        .order_by(Position.unit_id, Qualification.key, Position.employee_id)
    ).all()
    required: dict[tuple[int, int], set[int]] = {}
    names: dict[int, tuple[str, str]] = {}
    for unit_id, qualification_id, key, name, employee_id in rows:
        required.setdefault((unit_id, qualification_id), set()).add(employee_id)
        names[qualification_id] = (key, name)
    return required, names


def _qualification_measure(
    rng: random.Random, unit: _Unit, target: UnitTarget, kind: MeasureKind, name: str, today: dt.date
) -> UnitMeasure:
    return UnitMeasure(
        unit_id=unit.id,
        year=today.year,
        kind=kind.value,
        title=QUALIFICATION_MEASURES[kind].format(name=name),
        target_id=target.id,
        cost_nok=None if kind is MeasureKind.RECRUIT else 5_000 * rng.randint(1, 4),
        funding=None if kind is MeasureKind.RECRUIT else Funding.UNIT_BUDGET.value,
        responsible_id=unit.leader_id,
        due_on=dt.date(today.year + 1, rng.randint(2, 6), 1),
        status=MeasureStatus.PLANNED.value,
    )


@dataclass(frozen=True)
class _Target:
    id: int
    unit_id: int
    competence_id: int
    name: str
    area_id: int
    short: int


class _Need(NamedTuple):
    """How many people of a unit carry a requirement of a competence at a level."""

    unit_id: int
    competence_id: int
    ordinal: int
    people: int
    scale_id: int
    key: str
    name: str
    critical: bool
    area_id: int
    area_key: str
    framework: str


def _needs(session: Session) -> dict[int, list[_Need]]:
    """Counted by the database: a 50,000-person demo carries two million requirements."""
    rows = session.execute(
        select(
            Position.unit_id,
            Requirement.competence_id,
            ScaleLevel.ordinal,
            func.count(func.distinct(Position.employee_id)),
            ScaleLevel.scale_id,
            Competence.key,
            Competence.name,
            Competence.critical,
            Competence.area_id,
            Area.key,
            Framework.key,
        )
        .join(Requirement, Requirement.role_id == Position.role_id)
        .join(ScaleLevel, ScaleLevel.id == Requirement.level_id)
        .join(Competence, Competence.id == Requirement.competence_id)
        .join(Area, Area.id == Competence.area_id)
        .join(Framework, Framework.id == Competence.framework_id)
        .where(Position.end_date.is_(None), Position.fte_percent > 0, Requirement.valid_to.is_(None))
        .group_by(
            Position.unit_id,
            Requirement.competence_id,
            ScaleLevel.ordinal,
            ScaleLevel.scale_id,
            Competence.key,
            Competence.name,
            Competence.critical,
            Competence.area_id,
            Area.key,
            Framework.key,
        )
        .order_by(Position.unit_id, Framework.key, Competence.key, ScaleLevel.ordinal)
    ).all()
    by_unit: dict[int, list[_Need]] = {}
    for row in rows:
        need = _Need._make(row)
        by_unit.setdefault(need.unit_id, []).append(need)
    return by_unit


def _targets(
    session: Session, rng: random.Random, units: dict[int, _Unit], people: _People, today: dt.date
) -> list[_Target]:
    """Two or three targets per enhet, on the competences its people are required to hold (critical
    and digital ones first); about one in five falls short (the vulnerabilities the demo shows)."""
    by_unit = _needs(session)
    made: list[tuple[UnitTarget, _Need]] = []
    for unit in sorted(units.values(), key=lambda u: u.number):
        if unit.depth != 2:
            continue
        below = _subtree(units, unit.id)
        if len(set().union(*(people.per_unit.get(u, set()) for u in below))) < TARGET_MIN_PEOPLE:
            continue
        demand: Counter[tuple[int, int]] = Counter()
        info: dict[int, _Need] = {}
        for need in (n for u in below for n in by_unit.get(u, [])):
            demand[(need.competence_id, need.ordinal)] += need.people
            info.setdefault(need.competence_id, need)
        ranked = sorted(
            demand.items(),
            key=lambda item: (
                not info[item[0][0]].critical,
                info[item[0][0]].framework != "digcomp-2.2",
                -item[1],
                info[item[0][0]].key,
            ),
        )
        wanted = rng.choice((2, 3))
        chosen: list[tuple[int, int]] = []
        for (comp_id, ordinal), count in ranked:
            if count >= 3 and comp_id not in {c for c, _ in chosen}:
                chosen.append((comp_id, ordinal))
            if len(chosen) == wanted:
                break
        for comp_id, ordinal in chosen:
            need = info[comp_id]
            level = session.scalar(
                select(ScaleLevel).where(ScaleLevel.scale_id == need.scale_id, ScaleLevel.ordinal == ordinal)
            )
            assert level is not None
            reason = REASONS.get(need.key) or AREA_REASONS.get(need.area_key) or DEFAULT_REASON
            draw = rng.random()
            due = None
            if draw >= 0.4:
                due = today + dt.timedelta(
                    days=rng.randint(90, 300) if draw < 0.85 else -rng.randint(20, 120)
                )
            target = UnitTarget(
                unit_id=unit.id,
                competence_id=comp_id,
                level_id=level.id,
                people_needed=1,
                reason=reason,
                due_on=due,
            )
            session.add(target)
            made.append((target, need))
    session.flush()
    have = holder_counts(session, [t.id for t, _ in made], today)
    result: list[_Target] = []
    for target, need in made:
        held = have.get(target.id, 0)
        short = rng.choices((0, 1, 2, 3), (78, 10, 8, 4))[0] if held else 1
        target.people_needed = held + short if short else max(1, held - rng.choice((0, 0, 1)))
        result.append(_Target(target.id, target.unit_id, need.competence_id, need.name, need.area_id, short))
    session.flush()
    return result


def _measures_and_budgets(
    session: Session,
    rng: random.Random,
    units: dict[int, _Unit],
    targets: Sequence[_Target],
    people: _People,
    today: dt.date,
) -> tuple[int, int]:
    """This year's measures for the targets (more where one falls short), last year's with their
    evaluation, and a competence budget for this year and last."""
    by_unit: dict[int, list[_Target]] = {}
    for target in targets:
        by_unit.setdefault(target.unit_id, []).append(target)
    measures: list[UnitMeasure] = []
    budgets: list[UnitBudget] = []
    year = today.year
    for unit_id in sorted(by_unit, key=lambda u: units[u].number):
        unit = units[unit_id]
        for target in by_unit[unit_id]:
            kinds = [MeasureKind.DEVELOP] + (
                [rng.choice((MeasureKind.RECRUIT, MeasureKind.BUY_IN, MeasureKind.REDEPLOY))]
                if target.short
                else []
            )
            for kind in kinds:
                measures.append(_measure(rng, unit, target, kind, year, today))
        last = by_unit[unit_id][0]
        for evaluation in rng.sample(EVALUATIONS, 2):
            done = not evaluation.startswith("Avlyst")
            cost = 5_000 * rng.randint(2, 10)
            measures.append(
                UnitMeasure(
                    unit_id=unit_id,
                    year=year - 1,
                    kind=MeasureKind.DEVELOP.value,
                    title=rng.choice(MEASURE_TEXTS[MeasureKind.DEVELOP]).format(name=last.name.lower()),
                    competence_id=last.competence_id,
                    cost_nok=cost,
                    spent_nok=cost - 5_000 * rng.randint(0, 1) if done else 0,
                    funding=Funding.UNIT_BUDGET.value,
                    responsible_id=unit.leader_id,
                    due_on=dt.date(year - 1, rng.randint(3, 11), 15),
                    status=(MeasureStatus.DONE if done else MeasureStatus.CANCELLED).value,
                    evaluation=evaluation,
                )
            )
    session.add_all(measures)
    session.flush()
    # the budget: what the unit plans (measures and its people's learning goals), give or take, so
    # that most units are within it and a few have planned more than it allows
    for unit_id in sorted(by_unit, key=lambda u: units[u].number):
        for budget_year in (year - 1, year):
            planned = budget_in(session, unit_id=unit_id, year=budget_year, at=today).planned
            amount = max(20_000, round(planned * rng.uniform(0.92, 1.3), -4))
            budgets.append(UnitBudget(unit_id=unit_id, year=budget_year, amount_nok=int(amount)))
    session.add_all(budgets)
    session.flush()
    return len(measures), len(budgets)


def _measure(
    rng: random.Random, unit: _Unit, target: _Target, kind: MeasureKind, year: int, today: dt.date
) -> UnitMeasure:
    due = dt.date(year, rng.randint(2, 12), rng.choice((1, 15)))
    started = due < today or rng.random() < 0.3
    cost = {MeasureKind.RECRUIT: 0, MeasureKind.REDEPLOY: 0}.get(kind, 5_000 * rng.randint(2, 16))
    funding = rng.choices(list(Funding), (70, 15, 10, 5))[0] if cost else None
    status = MeasureStatus.IN_PROGRESS if started else MeasureStatus.PLANNED
    return UnitMeasure(
        unit_id=unit.id,
        year=year,
        kind=kind.value,
        title=rng.choice(MEASURE_TEXTS[kind]).format(name=target.name.lower()),
        target_id=target.id,
        cost_nok=cost or None,
        spent_nok=(cost // 2 if started and cost else None),
        funding=funding.value if funding else None,
        responsible_id=unit.leader_id,
        due_on=due,
        status=status.value,
    )


def _tenfactor(session: Session, rng: random.Random, units: dict[int, _Unit], today: dt.date) -> int:
    """The two latest surveys: enheter and avdelinger with at least five answers, and the whole
    municipality; the rest are under the minimum and were never stored."""
    heads: dict[int, int] = Counter()
    for unit_id, _person in session.execute(
        select(Position.unit_id, Position.employee_id).where(Position.end_date.is_(None)).distinct()
    ).all():
        heads[unit_id] += 1
    rows: list[TenFactorResult] = []
    effects = {
        u.id: {f: rng.gauss(0, 0.22) for f in Factor} for u in sorted(units.values(), key=lambda u: u.number)
    }
    for offset, year in enumerate((today.year - 2, today.year - 1)):
        drift = {f: rng.gauss(0.04 * offset, 0.05) for f in Factor}
        totals: dict[Factor, list[tuple[float, int]]] = {f: [] for f in Factor}
        for unit in sorted(units.values(), key=lambda u: u.number):
            if unit.depth < 2:
                continue
            people = sum(heads[u] for u in _subtree(units, unit.id))
            answered = round(people * rng.uniform(0.62, 0.9))
            if answered < SURVEY_MINIMUM:
                continue
            for factor in Factor:
                mean = _clip(
                    FACTOR_BASE[factor] + effects[unit.id][factor] + drift[factor] + rng.gauss(0, 0.06)
                )
                rows.append(
                    TenFactorResult(
                        unit_id=unit.id, year=year, factor=int(factor), mean=mean, respondents=answered
                    )
                )
                if unit.depth == 2:
                    totals[factor].append((mean, answered))
        root = next(u for u in units.values() if u.parent_id is None)
        for factor, pairs in totals.items():
            weight = sum(n for _, n in pairs)
            if weight:
                rows.append(
                    TenFactorResult(
                        unit_id=root.id,
                        year=year,
                        factor=int(factor),
                        mean=_clip(sum(m * n for m, n in pairs) / weight),
                        respondents=weight,
                    )
                )
    session.add_all(rows)
    session.flush()
    return len(rows)


def _clip(mean: float) -> float:
    return round(min(5.0, max(1.0, mean)), 2)
