"""The competences the loaded frameworks offer, and what each demo role requires of them.

The catalogue is read once, in a stable order (framework key, area order, competence order, key),
so the demo never depends on database ids or on the order rows come back in: the same seed picks
the same competences on SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.demo.blueprint import DEMAND_PERCENT, FILL_PREFERENCE, Pick, RoleSpec
from competence.errors import ValidationError
from db.models import Area, Competence, Framework, ScaleLevel


@dataclass(frozen=True)
class Level:
    id: int
    ordinal: int
    percent: float


@dataclass(frozen=True, eq=False)
class CompetenceRef:
    """One competence as the generator sees it. Compared and hashed by identity (one object per row)."""

    id: int
    framework: str
    area: str
    area_id: int
    area_name: str
    key: str
    name: str
    kind: str
    critical: bool
    validity_months: int | None
    levels: tuple[Level, ...]
    #: For each whole percent 0..100, the index in ``levels`` of the nearest level (lower on a tie).
    nearest: tuple[int, ...] = field(repr=False)

    @property
    def is_skill(self) -> bool:
        return self.kind == "skill"

    def level_near(self, percent: float) -> Level:
        """The level closest to ``percent`` (clamped to 0-100)."""
        return self.levels[self.nearest[min(100, max(0, int(percent + 0.5)))]]

    def required_level(self, demand: str) -> Level:
        """The level a role asks for: a certificate is held or not; a skill by the demand's share."""
        if not self.is_skill:
            return self.levels[-1]
        above_zero = [lv for lv in self.levels if lv.ordinal >= 1] or list(self.levels)
        target = DEMAND_PERCENT[demand]
        return min(above_zero, key=lambda lv: (abs(lv.percent - target), lv.ordinal))


def _nearest_table(levels: tuple[Level, ...]) -> tuple[int, ...]:
    return tuple(
        min(range(len(levels)), key=lambda i: (abs(levels[i].percent - pct), levels[i].ordinal))
        for pct in range(101)
    )


@dataclass
class Catalogue:
    competences: list[CompetenceRef]
    by_key: dict[tuple[str, str], CompetenceRef]
    by_area: dict[tuple[str, str], list[CompetenceRef]]

    @property
    def skills(self) -> list[CompetenceRef]:
        return [c for c in self.competences if c.is_skill]


def load_catalogue(session: Session) -> Catalogue:
    """Every competence with a usable scale, in a stable order."""
    levels: dict[int, list[Level]] = {}
    for scale_id, level_id, ordinal, percent in session.execute(
        select(ScaleLevel.scale_id, ScaleLevel.id, ScaleLevel.ordinal, ScaleLevel.percent).order_by(
            ScaleLevel.scale_id, ScaleLevel.ordinal
        )
    ):
        levels.setdefault(scale_id, []).append(Level(level_id, ordinal, float(percent)))
    stmt = (
        select(
            Competence.id,
            Framework.key,
            Area.key,
            Area.id,
            Area.name,
            Competence.key,
            Competence.name,
            Competence.kind,
            Competence.critical,
            Competence.validity_months,
            Competence.scale_id,
        )
        .join(Framework, Framework.id == Competence.framework_id)
        .join(Area, Area.id == Competence.area_id)
        .order_by(Framework.key, Area.sort_order, Area.key, Competence.sort_order, Competence.key)
    )
    refs: list[CompetenceRef] = []
    tables: dict[int, tuple[int, ...]] = {}
    for cid, fw, area, area_id, area_name, key, name, kind, critical, months, scale_id in session.execute(
        stmt
    ):
        scale_levels = tuple(levels.get(scale_id, ()))
        if not scale_levels:
            continue
        if scale_id not in tables:
            tables[scale_id] = _nearest_table(scale_levels)
        refs.append(
            CompetenceRef(
                cid,
                fw,
                area,
                area_id,
                area_name,
                key,
                name,
                kind,
                bool(critical),
                months,
                scale_levels,
                tables[scale_id],
            )
        )
    by_area: dict[tuple[str, str], list[CompetenceRef]] = {}
    for ref in refs:
        by_area.setdefault((ref.framework, ref.area), []).append(ref)
    return Catalogue(refs, {(c.framework, c.key): c for c in refs}, by_area)


@dataclass(frozen=True)
class Required:
    competence: CompetenceRef
    level: Level
    mandatory: bool
    deadline_months: int | None = None


def _resolve_pick(
    pick: Pick, catalogue: Catalogue, taken: set[int], rng: random.Random
) -> list[CompetenceRef]:
    if pick.keys:
        found = [catalogue.by_key.get((pick.framework, key)) for key in pick.keys]
        return [c for c in found if c is not None and c.id not in taken]
    if pick.area is None:
        return []
    pool = [
        c for c in catalogue.by_area.get((pick.framework, pick.area), []) if c.is_skill and c.id not in taken
    ]
    # Critical competences first (a unit leader expects them in the profile), the rest by lot.
    critical = [c for c in pool if c.critical]
    others = [c for c in pool if not c.critical]
    rng.shuffle(critical)
    rng.shuffle(others)
    return (critical + others)[: pick.count]


def resolve_role(
    spec: RoleSpec, catalogue: Catalogue, rng: random.Random, required_per_role: int | None
) -> list[Required]:
    """What ``spec`` requires, resolved against the catalogue; exactly ``required_per_role`` if given."""
    result: list[Required] = []
    taken: set[int] = set()
    for pick in spec.picks:
        for comp in _resolve_pick(pick, catalogue, taken, rng):
            taken.add(comp.id)
            result.append(
                Required(comp, comp.required_level(pick.demand), pick.mandatory, pick.deadline_months)
            )
    if required_per_role is None:
        return result
    if len(result) >= required_per_role:
        return result[:required_per_role]
    return result + _fill(catalogue, taken, rng, required_per_role - len(result))


def _fill(catalogue: Catalogue, taken: set[int], rng: random.Random, missing: int) -> list[Required]:
    """More skills, from the preferred frameworks first, each framework's in an order drawn by lot."""
    preferred = [fw for fw in FILL_PREFERENCE] + sorted(
        {c.framework for c in catalogue.competences} - set(FILL_PREFERENCE)
    )
    pool: list[CompetenceRef] = []
    for fw in preferred:
        group = [c for c in catalogue.skills if c.framework == fw and c.id not in taken]
        rng.shuffle(group)
        pool.extend(group)
    if len(pool) < missing:
        available, wanted = len(taken) + len(pool), len(taken) + missing
        raise ValidationError(
            f"Rammeverkene har bare {available} kompetanser; en rolle kan ikke kreve {wanted}.",
            f"The frameworks hold only {available} competences; a role cannot require {wanted}.",
            field="required_per_role",
        )
    demands = ("basic", "medium", "medium", "high")
    return [
        Required(comp, comp.required_level(demands[i % len(demands)]), rng.random() < 0.5)
        for i, comp in enumerate(pool[:missing])
    ]
