"""The unit's measures (tiltak) per year, of the kinds KS names: rekruttere, utvikle, omdisponere,
kjøpe eller leie inn. Each is aimed at a target of the unit, a competence (a gap) or a strategy
area, with its cost, who pays, who is responsible, a deadline, a status and, once done or at the
year's end, an evaluation. Learning goals stay each person's; measures are the unit's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from competence import audit
from competence.errors import ValidationError
from competence.gap.queries import unit_scope
from competence.language import coded, pick_name
from competence.lookup import check_version, get_or_fail
from competence.uow import UnitOfWork
from competence.validation import optional_text, required_text
from db.codes import Funding, MeasureKind, MeasureStatus
from db.models import Area, Competence, Employee, OrgUnit, Qualification
from db.planning import FIRST_YEAR, LAST_YEAR, UnitMeasure, UnitTarget

MAX_NOK = 1_000_000_000
#: Statuses of a measure still to be carried out.
OPEN_STATUSES = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)


@dataclass(frozen=True)
class MeasureInput:
    year: int
    kind: MeasureKind
    title: str
    description: str | None = None
    target_id: int | None = None
    competence_id: int | None = None
    area_id: int | None = None
    cost_nok: int | None = None
    spent_nok: int | None = None
    funding: Funding | None = None
    responsible_id: int | None = None
    due_on: dt.date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    evaluation: str | None = None


@dataclass(frozen=True)
class MeasureView:
    id: int
    version: int
    unit_id: int
    unit_number: str
    unit_name: str
    year: int
    kind: MeasureKind
    title: str
    description: str | None
    target_id: int | None
    #: what the measure is aimed at, in bokmål and English: the target's competence (or
    #: qualification), the competence, or the strategy area
    aim_nb: str
    aim_en: str
    competence_id: int | None
    area_id: int | None
    cost_nok: int | None
    spent_nok: int | None
    funding: Funding | None
    responsible_id: int | None
    responsible_name: str | None
    due_on: dt.date | None
    status: MeasureStatus
    evaluation: str | None

    def aim(self, lang: str) -> str:
        return self.aim_en if lang.startswith("en") else self.aim_nb

    def overdue(self, on: dt.date) -> bool:
        return self.due_on is not None and self.status in OPEN_STATUSES and self.due_on < on

    @property
    def own_budget(self) -> bool:
        """Paid from the unit's own budget (no funding given counts as the unit's)."""
        return self.funding in (None, Funding.UNIT_BUDGET)

    @property
    def unit_label(self) -> str:
        return f"{self.unit_number} {self.unit_name}"


def measures_in(
    session: Session, *, unit_id: int | None, subunits: bool = True, years: tuple[int, ...]
) -> list[MeasureView]:
    """The measures of the unit (and the units below it), or of every unit, in the years given."""
    target_comp = aliased(Competence)
    aim_comp = aliased(Competence)
    stmt = (
        select(
            UnitMeasure,
            OrgUnit.number,
            OrgUnit.name,
            target_comp.code,
            # a qualification target: the qualification's name (it has no code)
            func.coalesce(target_comp.name, Qualification.name),
            func.coalesce(target_comp.name_en, Qualification.name_en),
            aim_comp.code,
            aim_comp.name,
            aim_comp.name_en,
            Area.code,
            Area.name,
            Area.name_en,
            Employee.first_name,
            Employee.last_name,
        )
        .join(OrgUnit, OrgUnit.id == UnitMeasure.unit_id)
        .outerjoin(UnitTarget, UnitTarget.id == UnitMeasure.target_id)
        .outerjoin(target_comp, target_comp.id == UnitTarget.competence_id)
        .outerjoin(Qualification, Qualification.id == UnitTarget.qualification_id)
        .outerjoin(aim_comp, aim_comp.id == UnitMeasure.competence_id)
        .outerjoin(Area, Area.id == UnitMeasure.area_id)
        .outerjoin(Employee, Employee.id == UnitMeasure.responsible_id)
        .where(UnitMeasure.year.in_(years))
    )
    scope = unit_scope(unit_id, subunits)
    if scope is not None:
        stmt = stmt.where(UnitMeasure.unit_id.in_(scope))
    found = [_view(row) for row in session.execute(stmt)]
    return sorted(found, key=lambda v: (-v.year, v.unit_number, v.due_on or dt.date.max, v.title.casefold()))


def _view(row: Sequence[Any]) -> MeasureView:
    """A row of :func:`measures_in` as the measure the screens and exports show."""
    m, number, name = row[:3]
    # (code, name, English name) of the target's competence, the competence, the strategy area
    target, competence, area = tuple(row[3:6]), tuple(row[6:9]), tuple(row[9:12])
    first, last = row[12:]
    aims = [_aims(lang, target, competence, area) for lang in ("nb", "en")]
    return MeasureView(
        m.id,
        m.version,
        m.unit_id,
        number,
        name,
        m.year,
        MeasureKind(m.kind),
        m.title,
        m.description,
        m.target_id,
        aims[0],
        aims[1],
        m.competence_id,
        m.area_id,
        m.cost_nok,
        m.spent_nok,
        Funding.known(m.funding),
        m.responsible_id,
        f"{first} {last or ''}".strip() if first is not None else None,
        m.due_on,
        MeasureStatus(m.status),
        m.evaluation,
    )


def _aims(
    lang: str,
    target: tuple[str | None, str | None, str | None],
    competence: tuple[str | None, str | None, str | None],
    area: tuple[str | None, str | None, str | None],
) -> str:
    parts: list[str] = []
    for prefix_nb, prefix_en, (code, name, name_en) in (
        ("Mål: ", "Target: ", target),
        ("", "", competence),
        ("", "", area),
    ):
        if name is not None:
            prefix = prefix_en if lang == "en" else prefix_nb
            parts.append(prefix + coded(code, pick_name(lang, name, name_en)))
    return " · ".join(dict.fromkeys(parts))


def _money(value: int | None, field: str, label_nb: str, label_en: str) -> int | None:
    if value is None:
        return None
    if not 0 <= value <= MAX_NOK:
        raise ValidationError(
            f"{label_nb} må være mellom 0 og 1 000 000 000 kroner.",
            f"{label_en} must be between 0 and NOK 1,000,000,000.",
            field=field,
        )
    return int(value)


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            f"Året må være mellom {FIRST_YEAR} og {LAST_YEAR}.",
            f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.",
            field="year",
        )
    return year


def _apply(session: Session, measure: UnitMeasure, data: MeasureInput) -> None:
    measure.year = check_year(data.year)
    measure.kind = MeasureKind(data.kind).value
    measure.status = MeasureStatus(data.status).value
    measure.funding = None if data.funding is None else Funding(data.funding).value
    measure.title = required_text(data.title, "title", "Tiltaket", "The measure", max_len=300)
    measure.description = optional_text(data.description, "description", "Beskrivelse", "Description")
    measure.evaluation = optional_text(data.evaluation, "evaluation", "Evaluering", "Evaluation")
    measure.cost_nok = _money(data.cost_nok, "cost_nok", "Kostnaden", "The cost")
    measure.spent_nok = _money(data.spent_nok, "spent_nok", "Brukt beløp", "The amount spent")
    if data.target_id is None and data.competence_id is None and data.area_id is None:
        raise ValidationError(
            "Knytt tiltaket til et mål, en kompetanse (et avvik) eller et strategiområde.",
            "Link the measure to a target, a competence (a gap) or a strategy area.",
            field="target_id",
        )
    if data.target_id is not None:
        target = get_or_fail(session, UnitTarget, data.target_id, "mål", "Target")
        if target.unit_id != measure.unit_id:
            raise ValidationError(
                "Målet tilhører en annen enhet; velg et av enhetens egne mål.",
                "The target belongs to another unit; choose one of the unit's own targets.",
                field="target_id",
            )
    if data.competence_id is not None:
        get_or_fail(session, Competence, data.competence_id, "kompetanse", "Competence")
    if data.area_id is not None:
        get_or_fail(session, Area, data.area_id, "strategiområde", "Strategy area")
    if data.responsible_id is not None:
        get_or_fail(session, Employee, data.responsible_id, "ansvarlig", "Responsible person")
    measure.target_id = data.target_id
    measure.competence_id = data.competence_id
    measure.area_id = data.area_id
    measure.responsible_id = data.responsible_id
    measure.due_on = data.due_on


def add_measure(uow: UnitOfWork, unit_id: int, data: MeasureInput) -> int:
    """A new measure of a unit; its id."""
    with uow:
        s = uow.session
        get_or_fail(s, OrgUnit, unit_id, "enhet", "Unit")
        measure = UnitMeasure(unit_id=unit_id)
        _apply(s, measure, data)
        s.add(measure)
        uow.flush()
        audit.record(s, uow.actor, "create", entity="unit_measure", entity_id=measure.id)
        uow.commit()
        return measure.id


def update_measure(
    uow: UnitOfWork, measure_id: int, data: MeasureInput, *, expected_version: int | None
) -> None:
    with uow:
        s = uow.session
        measure = get_or_fail(s, UnitMeasure, measure_id, "tiltak", "Measure")
        check_version(measure, expected_version)
        _apply(s, measure, data)
        uow.flush()
        audit.record(s, uow.actor, "update", entity="unit_measure", entity_id=measure.id)
        uow.commit()


def delete_measure(uow: UnitOfWork, measure_id: int, *, expected_version: int | None) -> None:
    with uow:
        s = uow.session
        measure = get_or_fail(s, UnitMeasure, measure_id, "tiltak", "Measure")
        check_version(measure, expected_version)
        s.delete(measure)
        audit.record(s, uow.actor, "delete", entity="unit_measure", entity_id=measure_id)
        uow.commit()
