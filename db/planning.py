"""The unit's planning: competence targets, measures (tiltak), the competence budget, and the unit
results of the 10-FAKTOR survey (docs/planning.md).

These rows are about a unit, not about a person: a leader plans the units they lead. A measure may
name the person responsible (a role reference, so innsyn shows it and erasure clears it). The
survey results are unit means only: groups under the minimum size are never stored, and no answer
of a person ever is.
"""

from __future__ import annotations

import datetime as dt
import enum

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

from db.labelled import LabelledEnum
from db.models import Base, Versioned, _utcnow


class MeasureKind(LabelledEnum):
    """The kinds of measure in KS's method for strategic competence planning."""

    RECRUIT = "recruit", "Rekruttere", "Recruit"
    DEVELOP = "develop", "Utvikle", "Develop"
    REDEPLOY = "redeploy", "Omdisponere", "Redeploy"
    BUY_IN = "buy_in", "Kjøpe eller leie inn", "Buy or hire in"


class MeasureStatus(LabelledEnum):
    PLANNED = "planned", "Planlagt", "Planned"
    IN_PROGRESS = "in_progress", "Pågår", "In progress"
    DONE = "done", "Gjennomført", "Done"
    CANCELLED = "cancelled", "Avlyst", "Cancelled"


class Funding(LabelledEnum):
    """Who pays for a measure; only the unit's own money counts against its competence budget."""

    UNIT_BUDGET = "unit_budget", "Enhetens budsjett", "The unit's budget"
    CENTRAL = "central", "Kommunens sentrale kompetansemidler", "The municipality's central funds"
    GRANT = "grant", "Statlig tilskudd", "State grant"
    OTHER = "other", "Annen ekstern finansiering", "Other external funding"


class Factor(enum.IntEnum):
    """The ten factors of KS's employee survey 10-FAKTOR."""

    nb: str
    en: str

    def __new__(cls, number: int, nb: str = "", en: str = "") -> Factor:
        member = int.__new__(cls, number)
        member._value_ = number
        member.nb = nb
        member.en = en
        return member

    INTRINSIC_MOTIVATION = 1, "Indre jobbmotivasjon", "Intrinsic job motivation"
    SELF_EFFICACY = 2, "Mestringstro", "Self-efficacy"
    AUTONOMY = 3, "Autonomi", "Autonomy"
    USE_OF_COMPETENCE = 4, "Bruk av kompetanse", "Use of competence"
    MASTERY_LEADERSHIP = 5, "Mestringsorientert ledelse", "Mastery-oriented leadership"
    ROLE_CLARITY = 6, "Rolleklarhet", "Role clarity"
    COMPETENCE_DEVELOPMENT = 7, "Relevant kompetanseutvikling", "Relevant competence development"
    FLEXIBILITY = 8, "Fleksibilitetsvilje", "Willingness to be flexible"
    MASTERY_CLIMATE = 9, "Mestringsklima", "Mastery climate"
    PROSOCIAL_MOTIVATION = 10, "Prososial motivasjon", "Prosocial motivation"

    def label(self, lang: str = "nb") -> str:
        return self.en if str(lang).lower().startswith("en") else self.nb

    def numbered(self, lang: str = "nb") -> str:
        """ "4 Bruk av kompetanse"."""
        return f"{int(self)} {self.label(lang)}"


#: The factors shown beside the unit's competence figures: how the competence is used and developed.
COMPETENCE_FACTORS = (Factor.USE_OF_COMPETENCE, Factor.COMPETENCE_DEVELOPMENT)
#: Years a plan, a budget or a survey result may name.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class UnitTarget(Versioned, Base):
    """ "The unit needs N people at level L or above in competence C": a target with its reason."""

    __tablename__ = "unit_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    competence_id: Mapped[int] = mapped_column(ForeignKey("competence.id", ondelete="CASCADE"), index=True)
    #: The lowest level that counts (a level of the competence's scale).
    level_id: Mapped[int] = mapped_column(ForeignKey("scale_level.id", ondelete="RESTRICT"))
    people_needed: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        UniqueConstraint("unit_id", "competence_id", "level_id", name="uq_unit_target_unit_competence_level"),
        CheckConstraint("people_needed >= 1 AND people_needed <= 10000", name="people_needed_range"),
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
        CheckConstraint(MeasureKind.check("kind"), name="kind_known"),
        CheckConstraint(MeasureStatus.check("status"), name="status_known"),
        CheckConstraint(Funding.check("funding"), name="funding_known"),
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
    "COMPETENCE_FACTORS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "Factor",
    "Funding",
    "MeasureKind",
    "MeasureStatus",
    "TenFactorResult",
    "UnitBudget",
    "UnitMeasure",
    "UnitTarget",
]
