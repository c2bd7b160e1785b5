"""The unit tree of the demo kommune and one post (slot) per employee, planned in memory.

kommune → kommunalområder (sectors) → enheter → avdelinger. The head count is shared out so that
exactly ``employees`` slots exist: the kommunedirektør, a kommunalsjef per sector, a leader per
enhet and avdeling, the rest staff drawn from each unit's mix of roles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from competence.demo.blueprint import (
    DEPARTMENT_LEADER_ROLE,
    LEADER_ROLE,
    MUNICIPALITY,
    SECTORS,
    TOP_ROLE,
    TOP_TITLE,
    Sector,
    Staff,
    UnitTemplate,
)
from competence.demo.names import PlaceBook

#: The smallest enhet: a leader and two employees.
MIN_UNIT = 3
#: The smallest avdeling: a leader and three employees.
MIN_DEPARTMENT = 4


@dataclass
class UnitPlan:
    index: int
    number: str
    name: str
    parent: int | None
    sector: str
    #: 0 the kommune, 1 a kommunalområde, 2 an enhet, 3 an avdeling.
    depth: int
    #: The enhet (or sector, or the kommune) this unit belongs to: it runs the assessment rounds.
    enhet: int


@dataclass(frozen=True)
class Slot:
    unit: int
    role: str
    title: str
    leads: bool


@dataclass
class Organisation:
    units: list[UnitPlan]
    slots: list[Slot]

    def leader_of(self) -> dict[int, int]:
        """unit index → index of the slot that leads it."""
        return {s.unit: i for i, s in enumerate(self.slots) if s.leads}


def share_out(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder; the sum is exact)."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    parts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


class _Planner:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.places = PlaceBook(rng)
        self.units: list[UnitPlan] = []
        self.slots: list[Slot] = []

    def unit(self, number: str, name: str, parent: int | None, sector: str, depth: int) -> int:
        index = len(self.units)
        enhet = index if depth <= 2 or parent is None else self.units[parent].enhet
        self.units.append(UnitPlan(index, number, name, parent, sector, depth, enhet))
        return index

    def staff(self, unit: int, mix: tuple[Staff, ...], count: int) -> None:
        weights = [s.weight for s in mix]
        for post in self.rng.choices(mix, weights=weights, k=count):
            self.slots.append(Slot(unit, post.role, post.title, False))

    def plan(self, employees: int) -> Organisation:
        root = self.unit("1000", MUNICIPALITY, None, "", 0)
        self.slots.append(Slot(root, TOP_ROLE, TOP_TITLE, True))
        counts = share_out(employees - 1, [s.share for s in SECTORS])
        for digit, (sector, head_count) in enumerate(zip(SECTORS, counts, strict=True), start=2):
            if head_count > 0:
                self.sector(sector, str(digit), root, head_count)
        return Organisation(self.units, self.slots)

    def sector(self, sector: Sector, digit: str, root: int, head_count: int) -> None:
        unit = self.unit(f"{digit}000", sector.name, root, sector.name, 1)
        self.slots.append(Slot(unit, TOP_ROLE, sector.leader_title, True))
        remaining = head_count - 1
        templates = list(sector.units)
        while templates:
            sizes = share_out(remaining, [t.weight for t in templates])
            if min(sizes) >= MIN_UNIT:
                break
            templates.remove(min(templates, key=lambda t: (t.weight, t.name)))
        if not templates:  # too few people for an enhet: they work directly under the kommunalsjef
            self.staff(unit, sector.units[0].staff, remaining)
            return
        enheter: list[tuple[UnitTemplate, int, bool]] = []
        for template, size in zip(templates, sizes, strict=True):
            parts = self.instances(template, size)
            enheter.extend((template, part, len(parts) > 1) for part in parts)
        width = max(3, len(str(len(enheter))))
        for i, (template, size, several) in enumerate(enheter, start=1):
            self.enhet(template, f"{digit}{i:0{width}d}", unit, sector.name, size, several)

    def instances(self, template: UnitTemplate, size: int) -> list[int]:
        """Head counts of the enheter made from ``template``.

        A one-of-a-kind service (Økonomi, Vann og avløp) is split by district only in a very large
        kommune, so it does not grow into a unit with a hundred departments.
        """
        per_unit = template.typical if template.repeats else 3 * template.typical
        count = min(max(1, round(size / per_unit)), size // MIN_UNIT)
        return share_out(size, [self.rng.uniform(0.75, 1.25) for _ in range(count)])

    def unit_name(self, template: UnitTemplate, several: bool) -> str:
        if "{place}" in template.name:
            return template.name.format(place=self.places.take(template.name))
        return f"{template.name} {self.places.take(template.name)}" if several else template.name

    def enhet(
        self, template: UnitTemplate, number: str, parent: int, sector: str, size: int, several: bool
    ) -> None:
        unit = self.unit(number, self.unit_name(template, several), parent, sector, 2)
        self.slots.append(Slot(unit, LEADER_ROLE, template.leader_title, True))
        staff = size - 1
        departments = round(staff / template.department_size) if template.departments else 0
        departments = min(departments, staff // MIN_DEPARTMENT)
        if departments < 2:
            self.staff(unit, template.staff, staff)
            return
        width = max(2, len(str(departments)))
        for j, part in enumerate(share_out(staff, [1.0] * departments)):
            spec = template.departments[j % len(template.departments)]
            lap = j // len(template.departments)
            dept_name = spec.name if lap == 0 else f"{spec.name} {lap + 1}"
            dept = self.unit(f"{number}{j + 1:0{width}d}", dept_name, unit, sector, 3)
            self.slots.append(Slot(dept, DEPARTMENT_LEADER_ROLE, template.department_title, True))
            self.staff(dept, spec.staff or template.staff, part - 1)


def plan_organisation(employees: int, rng: random.Random) -> Organisation:
    """Units and exactly ``employees`` slots."""
    return _Planner(rng).plan(employees)
