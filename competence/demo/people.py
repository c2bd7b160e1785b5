"""The employees of the demo kommune and their positions, planned in memory.

One person per slot of the organisation; then some part-timers take a second post in another unit
(heltidskultur), each enhet gets a verneombud (a 0 % verv), and a few people have left.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from competence.demo.blueprint import EMAIL_DOMAIN, EXTRA_FTE, FTE_MIX, SAFETY_ROLE
from competence.demo.names import EmailBook, NamePool
from competence.demo.organisation import Organisation

#: Years of service: (lowest, highest, weight). About one in six was hired within two years.
_TENURE = ((0.05, 2.0, 17), (2.0, 5.0, 25), (5.0, 15.0, 36), (15.0, 32.0, 22))
_LEFT_SHARE = 0.03
_SECOND_POST_SHARE = 0.3
_SAFETY_MIN_STAFF = 8
_FIRST_EMPLOYEE_NO = 10_000


@dataclass
class Person:
    index: int
    first: str
    last: str
    email: str
    number: str
    hired: dt.date
    left: dt.date | None
    #: Leader of this unit index, or None.
    leads: int | None
    #: How able the person is (standard normal): shifts every assessed level a little.
    ability: float
    manager: int | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class PositionPlan:
    person: int
    unit: int
    role: str
    title: str
    fte: float
    start: dt.date
    end: dt.date | None
    manager: int | None


@dataclass
class Staffing:
    people: list[Person]
    positions: list[PositionPlan]
    #: unit index → person index of its leader.
    leaders: dict[int, int]


def _tenure_days(rng: random.Random, leader: bool) -> int:
    low, high, _ = rng.choices(_TENURE, weights=[t[2] for t in _TENURE])[0]
    if leader:
        low, high = max(low, 3.0), max(high, 6.0)
    return int(rng.uniform(low, high) * 365.25)


def _manager_for(org: Organisation, leaders: dict[int, int], unit: int, person: int) -> int | None:
    """The leader of ``unit``, or of the nearest unit above it when the person leads it (or none does)."""
    at: int | None = unit
    while at is not None:
        leader = leaders.get(at)
        if leader is not None and leader != person:
            return leader
        at = org.units[at].parent
    return None


def plan_people(org: Organisation, rng: random.Random, today: dt.date) -> Staffing:
    names = NamePool(rng)
    emails = EmailBook(EMAIL_DOMAIN)
    leaders = {slot.unit: i for i, slot in enumerate(org.slots) if slot.leads}
    people: list[Person] = []
    for i, slot in enumerate(org.slots):
        first, last = names.person()
        hired = today - dt.timedelta(days=_tenure_days(rng, slot.leads))
        people.append(
            Person(
                i,
                first,
                last,
                emails.address(first, last),
                "",
                hired,
                None,
                slot.unit if slot.leads else None,
                rng.gauss(0.0, 1.0),
            )
        )
    _mark_leavers(people, rng, today)
    # Employee numbers follow the hiring date, as an HR system hands them out, with small gaps.
    number = _FIRST_EMPLOYEE_NO
    for person in sorted(people, key=lambda p: (p.hired, p.index)):
        number += rng.choice((1, 1, 1, 2, 3))
        person.number = str(number)
    for person, slot in zip(people, org.slots, strict=True):
        person.manager = _manager_for(org, leaders, slot.unit, person.index)
    positions = [_primary(org, p, rng) for p in people]
    positions += _second_posts(org, people, positions, leaders, rng, today)
    positions += _safety_representatives(org, people, leaders, rng, today)
    return Staffing(people, positions, leaders)


def _mark_leavers(people: list[Person], rng: random.Random, today: dt.date) -> None:
    staff = [p for p in people if p.leads is None]
    count = max(1, round(len(people) * _LEFT_SHARE)) if staff else 0
    for person in rng.sample(staff, min(count, len(staff))):
        person.left = today - dt.timedelta(days=rng.randint(10, 700))
        if person.hired > person.left - dt.timedelta(days=90):
            person.hired = person.left - dt.timedelta(days=rng.randint(200, 3000))


def _primary(org: Organisation, person: Person, rng: random.Random) -> PositionPlan:
    slot = org.slots[person.index]
    sector = org.units[slot.unit].sector or "Stab og støtte"
    mix = FTE_MIX[sector]
    fte = 100.0 if slot.leads else float(rng.choices([m[0] for m in mix], weights=[m[1] for m in mix])[0])
    return PositionPlan(
        person.index, slot.unit, slot.role, slot.title, fte, person.hired, person.left, person.manager
    )


def _second_posts(
    org: Organisation,
    people: list[Person],
    primary: list[PositionPlan],
    leaders: dict[int, int],
    rng: random.Random,
    today: dt.date,
) -> list[PositionPlan]:
    """Part-timers in health and schools who combine posts in two units toward full time."""
    # (sector, role) → units with such posts; (sector, "") → units with any staff
    staffed: dict[tuple[str, str], list[int]] = {}
    for slot in org.slots:
        if not slot.leads:
            for key in ((org.units[slot.unit].sector, slot.role), (org.units[slot.unit].sector, "")):
                units = staffed.setdefault(key, [])
                if not units or units[-1] != slot.unit:  # a unit's posts are planned together
                    units.append(slot.unit)
    candidates: list[tuple[PositionPlan, list[int]]] = []
    for pos in primary:
        person = people[pos.person]
        sector = org.units[pos.unit].sector
        if person.leads is not None or sector not in ("Helse og omsorg", "Oppvekst") or pos.fte > 80:
            continue
        others = [u for u in staffed.get((sector, pos.role), []) if u != pos.unit] or [
            u for u in staffed.get((sector, ""), []) if u != pos.unit
        ]
        if others:
            candidates.append((pos, others))
    chosen = [c for c in candidates if rng.random() < _SECOND_POST_SHARE]
    if not chosen and candidates:  # even the smallest demo shows someone combining two posts
        chosen = [rng.choice(candidates)]
    extra: list[PositionPlan] = []
    for pos, others in chosen:
        person = people[pos.person]
        room = [f for f in EXTRA_FTE if f <= 100.0 - pos.fte]
        unit = rng.choice(others)
        days_in = (today - person.hired).days
        start = person.hired + dt.timedelta(days=rng.randint(0, max(0, days_in - 1)))
        if person.left is not None and start >= person.left:
            start = person.hired
        extra.append(
            PositionPlan(
                person.index,
                unit,
                pos.role,
                pos.title,
                rng.choice(room),
                start,
                person.left,
                _manager_for(org, leaders, unit, person.index),
            )
        )
    return extra


def _safety_representatives(
    org: Organisation, people: list[Person], leaders: dict[int, int], rng: random.Random, today: dt.date
) -> list[PositionPlan]:
    """One verneombud per enhet with at least a handful of staff: a verv held beside the job (0 %)."""
    staff_of: dict[int, list[int]] = {}
    for i, slot in enumerate(org.slots):
        if not slot.leads and people[i].left is None:
            staff_of.setdefault(org.units[slot.unit].enhet, []).append(i)
    result: list[PositionPlan] = []
    for enhet, staff in staff_of.items():
        if len(staff) < _SAFETY_MIN_STAFF:
            continue
        person = people[rng.choice(staff)]
        start = max(person.hired, today - dt.timedelta(days=rng.randint(30, 1400)))
        result.append(
            PositionPlan(
                person.index,
                enhet,
                SAFETY_ROLE,
                "Verneombud (verv)",
                0.0,
                start,
                None,
                _manager_for(org, leaders, enhet, person.index),
            )
        )
    return result
