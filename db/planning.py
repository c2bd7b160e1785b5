"""The unit's planning: competence targets, measures (tiltak), the competence budget, and the unit
results of the 10-FAKTOR survey (docs/planning.md).

These rows are about a unit, not about a person: a leader plans the units they lead. A measure may
name the person responsible (a role reference, so innsyn shows it and erasure clears it). The
survey results are unit means only: groups under the minimum size are never stored, and no answer
of a person ever is.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.codes import Funding, MeasureKind, MeasureStatus
from db.models import Base, Versioned, _utcnow

#: Years a plan, a budget or a survey result may name.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class UnitTarget(Versioned, Base):
    """ "The unit needs N people at level L or above in competence C", or "N people holding
    qualification Q": a target with its reason (docs/planning.md, "Targets")."""

    __tablename__ = "unit_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    competence_id: Mapped[int | None] = mapped_column(
        ForeignKey("competence.id", ondelete="CASCADE"), index=True
    )
    #: The lowest level that counts (a level of the competence's scale); None for a qualification.
    level_id: Mapped[int | None] = mapped_column(ForeignKey("scale_level.id", ondelete="RESTRICT"))
    #: A formal qualification the people must hold instead of a competence. RESTRICT: the catalogue
    #: refuses to delete an entry a unit's target names (competence/qualifications/catalogue.py),
    #: so tidying the catalogue never takes a leader's target with it.
    qualification_id: Mapped[int | None] = mapped_column(
        ForeignKey("qualification.id", ondelete="RESTRICT"), index=True
    )
    people_needed: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        UniqueConstraint("unit_id", "competence_id", "level_id", name="uq_unit_target_unit_competence_level"),
        UniqueConstraint("unit_id", "qualification_id", name="uq_unit_target_unit_qualification"),
        CheckConstraint("people_needed >= 1 AND people_needed <= 10000", name="people_needed_range"),
        # a competence with its level, or a qualification: never both, never neither
        CheckConstraint(
            "(competence_id IS NOT NULL AND level_id IS NOT NULL AND qualification_id IS NULL) "
            "OR (competence_id IS NULL AND level_id IS NULL AND qualification_id IS NOT NULL)",
            name="competence_or_qualification",
        ),
    )


class UnitMeasure(Versioned, Base):
    """A measure (tiltak) of a unit in a year, linked to a target, a competence (a gap) or a
    strategy area; its cost, funding, who is responsible, deadline, status and evaluation."""

    __tablename__ = "unit_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit_target.id", ondelete="SET NULL"), index=True
    )
    competence_id: Mapped[int | None] = mapped_column(ForeignKey("competence.id", ondelete="SET NULL"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id", ondelete="SET NULL"))
    cost_nok: Mapped[int | None] = mapped_column(Integer)
    #: What the measure has cost so far (brukt).
    spent_nok: Mapped[int | None] = mapped_column(Integer)
    funding: Mapped[str | None] = mapped_column(String(20))
    responsible_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", ondelete="SET NULL"), index=True
    )
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=MeasureStatus.PLANNED.value)
    evaluation: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        MeasureKind.constraint("kind", "kind_known"),
        MeasureStatus.constraint("status", "status_known"),
        Funding.constraint("funding", "funding_known"),
        CheckConstraint(f"year >= {FIRST_YEAR} AND year <= {LAST_YEAR}", name="year_range"),
        CheckConstraint("cost_nok IS NULL OR cost_nok >= 0", name="cost_positive"),
        CheckConstraint("spent_nok IS NULL OR spent_nok >= 0", name="spent_positive"),
        CheckConstraint("length(title) > 0", name="title_not_empty"),
    )


class UnitBudget(Versioned, Base):
    """The unit's budget for competence development in a year, in whole kroner."""

    __tablename__ = "unit_budget"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount_nok: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        UniqueConstraint("unit_id", "year", name="uq_unit_budget_unit_year"),
        CheckConstraint("amount_nok >= 0", name="amount_positive"),
        CheckConstraint(f"year >= {FIRST_YEAR} AND year <= {LAST_YEAR}", name="year_range"),
    )


class TenFactorResult(Base):
    """One factor of a unit's 10-FAKTOR result in a year: the mean on the 1-5 scale and how many
    answered. Only groups at or above the minimum size are stored (docs/planning.md)."""

    __tablename__ = "tenfactor_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    factor: Mapped[int] = mapped_column(Integer)
    mean: Mapped[float] = mapped_column(Float)
    respondents: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __table_args__ = (
        UniqueConstraint("unit_id", "year", "factor", name="uq_tenfactor_result_unit_year_factor"),
        CheckConstraint("factor >= 1 AND factor <= 10", name="factor_range"),
        CheckConstraint("mean >= 1 AND mean <= 5", name="mean_range"),
        CheckConstraint("respondents >= 1", name="respondents_positive"),
        CheckConstraint(f"year >= {FIRST_YEAR} AND year <= {LAST_YEAR}", name="year_range"),
    )


__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "TenFactorResult",
    "UnitBudget",
    "UnitMeasure",
    "UnitTarget",
]
