"""SQLAlchemy 2.x models: the data model of docs/architecture.md.

Rules the schema itself enforces:

* No column for national identity numbers, addresses, health or absence data. Ever.
* Editable rows carry a ``version`` counter (``version_id_col``) so that two people editing the
  same record never silently overwrite each other.
* Assessments are append-only. The newest row per (employee, competence) is flagged
  ``is_current``; the flag is a read-model kept by :mod:`competence.assessments` so that the gap
  analysis over millions of rows can use a partial index instead of a "newest row" subquery.
* Percentages of scale levels are stored (0-100) so that scales of different length compare.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
    true,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from db.codes import (
    AccountKind,
    ActivityType,
    AppraisalKind,
    AssessmentSource,
    AuditAction,
    CompetenceKind,
    EducationLevel,
    EmploymentType,
    GoalStatus,
    ImportKind,
    ImportMode,
    ImportStatus,
    QualificationKind,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Versioned:
    """Mixin for rows a user edits: optimistic locking through a version counter."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default=text("1"))


# --------------------------------------------------------------------------------------------
# Organisation and people
# --------------------------------------------------------------------------------------------


class OrgUnit(Versioned, Base):
    """An organisational unit (enhet), arranged in a tree."""

    __tablename__ = "org_unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="SET NULL"), index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"), index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    parent: Mapped[OrgUnit | None] = relationship(remote_side="OrgUnit.id", foreign_keys=[parent_id])

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (CheckConstraint("length(number) > 0", name="number_not_empty"),)


class Employee(Versioned, Base):
    """A person employed by the municipality.

    ``employee_no`` is canonical: digits with leading zeros dropped, or the trimmed text when it is
    not numeric (see :func:`competence.identifiers.canonical_number`); people are matched on it.
    ``employee_no_display`` is the number as the latest roster wrote it ("015837"), when that differs
    from the canonical form: the app, the exports and innsyn show it (:attr:`shown_no`).
    """

    __tablename__ = "employee"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_no: Mapped[str] = mapped_column(String(40), unique=True)
    employee_no_display: Mapped[str | None] = mapped_column(String(40))
    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"), index=True)
    left_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    anonymised_on: Mapped[dt.date | None] = mapped_column(Date)
    #: Ønsket stillingsprosent: the FTE the person would like (involuntary part-time), 0-100.
    desired_fte: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)

    manager: Mapped[Employee | None] = relationship(remote_side="Employee.id", foreign_keys=[manager_id])
    positions: Mapped[list[Position]] = relationship(
        back_populates="employee", cascade="all, delete-orphan", foreign_keys="Position.employee_id"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        CheckConstraint("length(employee_no) > 0", name="employee_no_not_empty"),
        CheckConstraint("desired_fte >= 0 AND desired_fte <= 100", name="desired_fte_range"),
        # no index on the name: people are sorted by the Norwegian alphabet in the program, and
        # found by name there too (migration 0012)
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @hybrid_property
    def shown_no(self) -> str:
        """The employee number as people see it: as the latest roster wrote it, else canonical."""
        return self.employee_no_display or self.employee_no

    @shown_no.inplace.expression
    @classmethod
    def _shown_no_expression(cls) -> ColumnElement[str]:
        return func.coalesce(cls.employee_no_display, cls.employee_no)


class Position(Versioned, Base):
    """A position (stillingsforhold). One employee may hold several, in several units."""

    __tablename__ = "position"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    #: Indexed by ``ix_position_unit_employee``, which starts with it (migration 0011).
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200), default="")
    role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="SET NULL"), index=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"), index=True)
    fte_percent: Mapped[float] = mapped_column(Float, default=100.0)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    #: Ansettelsesform: an :class:`~db.codes.EmploymentType`, None when the roster does not say.
    employment_type: Mapped[str | None] = mapped_column(String(20))
    #: Hovedstilling: the person's main position (None when the roster does not say).
    main_position: Mapped[bool | None] = mapped_column(Boolean)
    #: Stillingskode: the KS position code, four digits.
    position_code: Mapped[str | None] = mapped_column(String(10))
    #: STYRK-08 occupation code: four digits, or seven with the Norwegian extension.
    styrk_code: Mapped[str | None] = mapped_column(String(10))

    employee: Mapped[Employee] = relationship(back_populates="positions", foreign_keys=[employee_id])
    unit: Mapped[OrgUnit] = relationship()
    role: Mapped[Role | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        CheckConstraint("fte_percent >= 0 AND fte_percent <= 100", name="fte_range"),
        EmploymentType.constraint("employment_type", "employment_type_known"),
        # the gap analysis groups a unit's people by (unit, employee) and reads their role; a unit's
        # posts and the unit's foreign key are looked up by its first column
        Index("ix_position_unit_employee", "unit_id", "employee_id", "role_id"),
    )


# --------------------------------------------------------------------------------------------
# Frameworks: scales, areas, competences
# --------------------------------------------------------------------------------------------


class Scale(Versioned, Base):
    """A named level scale; each level carries a 0-100 % value so scales compare."""

    __tablename__ = "scale"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))

    levels: Mapped[list[ScaleLevel]] = relationship(
        back_populates="scale", cascade="all, delete-orphan", order_by="ScaleLevel.ordinal"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}


class ScaleLevel(Base):
    __tablename__ = "scale_level"

    id: Mapped[int] = mapped_column(primary_key=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("scale.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str | None] = mapped_column(String(120))
    band: Mapped[str | None] = mapped_column(String(120))
    band_en: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    percent: Mapped[float] = mapped_column(Float)

    scale: Mapped[Scale] = relationship(back_populates="levels")

    __table_args__ = (
        UniqueConstraint("scale_id", "ordinal", name="uq_scale_level_ordinal"),
        CheckConstraint("percent >= 0 AND percent <= 100", name="percent_range"),
    )


class Framework(Versioned, Base):
    """A competence framework (kompetanserammeverk), e.g. a municipality's employer strategy."""

    __tablename__ = "framework"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    data_version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("framework.id", ondelete="SET NULL"))
    default_scale_id: Mapped[int | None] = mapped_column(ForeignKey("scale.id", ondelete="RESTRICT"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    areas: Mapped[list[Area]] = relationship(
        back_populates="framework", cascade="all, delete-orphan", order_by="Area.sort_order"
    )
    default_scale: Mapped[Scale | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}


class Area(Versioned, Base):
    """A section of a strategy, e.g. "§10 Kompetanseutvikling"."""

    __tablename__ = "area"

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("framework.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    framework: Mapped[Framework] = relationship(back_populates="areas")
    competences: Mapped[list[Competence]] = relationship(
        back_populates="area", cascade="all, delete-orphan", order_by="Competence.sort_order"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (UniqueConstraint("framework_id", "key", name="uq_area_framework_key"),)


class Competence(Versioned, Base):
    """A competence, or (kind ``certificate``) a training that is proven by a certificate."""

    __tablename__ = "competence"

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("framework.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("competence.id", ondelete="SET NULL"))
    scale_id: Mapped[int] = mapped_column(ForeignKey("scale.id", ondelete="RESTRICT"))
    key: Mapped[str] = mapped_column(String(80))
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(
        String(20), default=CompetenceKind.SKILL, server_default=CompetenceKind.SKILL.value
    )
    critical: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    source_quote: Mapped[str | None] = mapped_column(Text)
    source_ref: Mapped[str | None] = mapped_column(String(200))
    validity_months: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    area: Mapped[Area] = relationship(back_populates="competences")
    scale: Mapped[Scale] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        UniqueConstraint("framework_id", "key", name="uq_competence_framework_key"),
        CompetenceKind.constraint("kind", "kind_valid"),
    )


# --------------------------------------------------------------------------------------------
# Roles and requirements
# --------------------------------------------------------------------------------------------


class Role(Versioned, Base):
    """A role's competence profile (kompetanseprofil)."""

    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    requirements: Mapped[list[Requirement]] = relationship(
        back_populates="role", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}


class Requirement(Versioned, Base):
    """role × competence → required level, or role × qualification (held or not).

    Requirements have a history: a row is in force from ``valid_from`` (None: always) through
    ``valid_to`` (None: still in force), so figures for an earlier date use the requirements then
    in force. A change of level is a new row from the day it takes effect, the old row ending the
    day before (:mod:`competence.roles`); at most one row per role and competence (or
    qualification) is open-ended.

    A mandatory requirement proven by a document (a course certificate, a qualification) that a
    person lacks is *missing*; ``deadline_months`` gives people that long after they came under it
    (e.g. HMS training within 6 months of becoming a leader) before it is *overdue*
    (docs/compliance.md).
    """

    __tablename__ = "requirement"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"))
    competence_id: Mapped[int | None] = mapped_column(
        ForeignKey("competence.id", ondelete="CASCADE"), index=True
    )
    qualification_id: Mapped[int | None] = mapped_column(
        ForeignKey("qualification.id", ondelete="CASCADE"), index=True
    )
    level_id: Mapped[int | None] = mapped_column(ForeignKey("scale_level.id", ondelete="RESTRICT"))
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    #: Months after a person comes under the requirement before a lacking one is overdue.
    deadline_months: Mapped[int | None] = mapped_column(Integer)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    role: Mapped[Role] = relationship(back_populates="requirements")
    competence: Mapped[Competence | None] = relationship()
    qualification: Mapped[Qualification | None] = relationship()
    level: Mapped[ScaleLevel | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        CheckConstraint(
            "(competence_id IS NULL) <> (qualification_id IS NULL)", name="competence_or_qualification"
        ),
        CheckConstraint("competence_id IS NULL OR level_id IS NOT NULL", name="competence_has_level"),
        CheckConstraint(
            "deadline_months IS NULL OR deadline_months BETWEEN 1 AND 120", name="deadline_range"
        ),
        CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="valid_order"
        ),
        # one open-ended requirement per role and competence (or qualification); ended ones are history
        Index(
            "uq_requirement_open_competence",
            "role_id",
            "competence_id",
            unique=True,
            sqlite_where=text("valid_to IS NULL AND competence_id IS NOT NULL"),
            postgresql_where=text("valid_to IS NULL AND competence_id IS NOT NULL"),
        ),
        Index(
            "uq_requirement_open_qualification",
            "role_id",
            "qualification_id",
            unique=True,
            sqlite_where=text("valid_to IS NULL AND qualification_id IS NOT NULL"),
            postgresql_where=text("valid_to IS NULL AND qualification_id IS NOT NULL"),
        ),
        # covering index: the gap analysis reads the required level without visiting the table
        Index("ix_requirement_cover", "role_id", "competence_id", "level_id"),
    )


# --------------------------------------------------------------------------------------------
# Formal qualifications: the catalogue, what people hold, dispensations
# --------------------------------------------------------------------------------------------


class Qualification(Versioned, Base):
    """A formal qualification a role can require: an education, a fag-/svennebrev, an
    authorisation or a licence. The municipality's catalogue; the built-in entries come from
    ``resources/qualifications/`` and may be edited like the municipality's own."""

    __tablename__ = "qualification"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    #: For an education: its level (:class:`db.codes.EducationLevel`) and field.
    education_level: Mapped[str | None] = mapped_column(String(30))
    field: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    #: Where the qualification is laid down (e.g. "helsepersonelloven § 48").
    legal_basis: Mapped[str | None] = mapped_column(String(200))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        QualificationKind.constraint("kind", "kind_known"),
        EducationLevel.constraint("education_level", "education_level_known"),
        CheckConstraint("length(key) > 0", name="key_not_empty"),
    )


class EmployeeQualification(Versioned, Base):
    """A qualification one person holds: when obtained, until when (a licence may expire), and
    where the document is kept. Never a copy of the document, never a national identity number."""

    __tablename__ = "employee_qualification"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    qualification_id: Mapped[int] = mapped_column(
        ForeignKey("qualification.id", ondelete="RESTRICT"), index=True
    )
    obtained_on: Mapped[dt.date] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(200))
    #: Where the document is (e.g. "Vitnemål i personalmappen, sak 2019/1234"): a reference only.
    document_ref: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        CheckConstraint("expires_on IS NULL OR expires_on >= obtained_on", name="expires_after_obtained"),
        # a person's qualifications, and whether they hold one (the compliance report asks per pair)
        Index("ix_employee_qualification_employee", "employee_id", "qualification_id"),
    )


class Dispensation(Versioned, Base):
    """Leave to hold a post without a qualification its role requires, until ``ends_on`` (e.g.
    dispensasjon fra utdanningskravet for a barnehagelærer post). While in force the requirement
    counts as met, and the unit view shows that it rests on a dispensation."""

    __tablename__ = "dispensation"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    qualification_id: Mapped[int] = mapped_column(
        ForeignKey("qualification.id", ondelete="RESTRICT"), index=True
    )
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    #: Who granted it (e.g. "Kommunedirektøren, sak 2026/77"): free text, so an erasure finds a
    #: name in it.
    granted_by: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        Index("ix_dispensation_employee", "employee_id", "qualification_id"),
    )


# --------------------------------------------------------------------------------------------
# What people hold: assessments, certificates, goals, appraisals
# --------------------------------------------------------------------------------------------


class Assessment(Base):
    """One assessment of one competence. Append-only: a new level is a new row."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    competence_id: Mapped[int] = mapped_column(ForeignKey("competence.id", ondelete="CASCADE"), index=True)
    level_id: Mapped[int] = mapped_column(ForeignKey("scale_level.id", ondelete="RESTRICT"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20))
    assessor: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    level: Mapped[ScaleLevel] = relationship()

    __table_args__ = (
        AssessmentSource.constraint("source", "source_valid"),
        Index("ix_assessment_history", "employee_id", "competence_id", "assessed_on", "id"),
        Index(
            "ix_assessment_current",
            "employee_id",
            "competence_id",
            unique=True,
            sqlite_where=text("is_current = 1"),
            postgresql_where=text("is_current"),
        ),
        # covering twin of the above: the gap analysis reads current levels for millions of pairs
        Index(
            "ix_assessment_current_level",
            "employee_id",
            "competence_id",
            "level_id",
            sqlite_where=text("is_current = 1"),
            postgresql_where=text("is_current"),
        ),
    )


class Certificate(Versioned, Base):
    """A completed course or certificate, possibly with an expiry date."""

    __tablename__ = "certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    competence_id: Mapped[int | None] = mapped_column(
        ForeignKey("competence.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    issuer: Mapped[str | None] = mapped_column(String(200))
    completed_on: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date, index=True)
    note: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        CheckConstraint("valid_until IS NULL OR valid_until >= completed_on", name="valid_after_completed"),
    )


class Appraisal(Versioned, Base):
    """A talk between a leader and an employee: a medarbeidersamtale, or a follow-up or
    life-phase talk beside it (:class:`db.codes.AppraisalKind`)."""

    __tablename__ = "appraisal"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        String(20), default=AppraisalKind.APPRAISAL.value, server_default=AppraisalKind.APPRAISAL.value
    )
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    leader_name: Mapped[str | None] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)
    agreed: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        AppraisalKind.constraint("kind", "kind_known"),
        # the talk cycle reads each person's newest medarbeidersamtale
        Index("ix_appraisal_cycle", "employee_id", "kind", "held_on"),
    )


class LearningGoal(Versioned, Base):
    """A learning goal (utviklingsmål) with the activity that reaches it."""

    __tablename__ = "learning_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    competence_id: Mapped[int | None] = mapped_column(ForeignKey("competence.id", ondelete="SET NULL"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id", ondelete="SET NULL"))
    target_level_id: Mapped[int | None] = mapped_column(ForeignKey("scale_level.id", ondelete="SET NULL"))
    appraisal_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal.id", ondelete="SET NULL"))
    activity_type: Mapped[str] = mapped_column(String(30), default=ActivityType.COURSE)
    description: Mapped[str] = mapped_column(Text, default="")
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default=GoalStatus.PLANNED)
    hours: Mapped[float | None] = mapped_column(Float)
    cost_nok: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        GoalStatus.constraint("status", "status_valid"),
        ActivityType.constraint("activity_type", "activity_valid"),
        CheckConstraint("hours IS NULL OR hours >= 0", name="hours_positive"),
        CheckConstraint("cost_nok IS NULL OR cost_nok >= 0", name="cost_positive"),
    )


# --------------------------------------------------------------------------------------------
# Bookkeeping: imports, audit, settings
# --------------------------------------------------------------------------------------------


class ImportRun(Base):
    """One run of an import (roster, assessment template, framework file)."""

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (
        ImportKind.constraint("kind", "kind_known"),
        ImportStatus.constraint("status", "status_known"),
        ImportMode.constraint("mode", "mode_known"),
    )


class ImportMapping(Base):
    """A column mapping remembered per source layout, so the next import needs no questions."""

    __tablename__ = "import_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_key: Mapped[str] = mapped_column(String(128), unique=True)
    sheet_name: Mapped[str | None] = mapped_column(String(200))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)


class AuditEvent(Base):
    """Who did what when. Holds no personal data beyond the employee number."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    employee_no: Mapped[str | None] = mapped_column(String(40), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (AuditAction.constraint("action", "action_known"),)


class Setting(Base):
    """Register-wide settings (municipality name, logo, retention), shared by all users."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)


class ProgramVersion(Base):
    """A version of the program that has opened the register, with when it first and last did.

    The row with the latest ``last_opened_at`` names the version that last wrote the register (each
    open may write: migrations, the built-in frameworks, backups). Shown in Hjelp → Om; on a shared
    register it tells IT which versions the leaders' PCs run. No personal data.
    """

    __tablename__ = "program_version"

    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    first_opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    last_opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, index=True)


class RegisterAccount(Base):
    """A database login on a shared PostgreSQL register and what it may reach (docs/security.md).

    ``hr``: the whole register. ``leader``: the people in the units the linked employee leads (and
    the units below them), their direct reports, and themselves; enforced by row-level security
    in the database (migration 0002), not by the app. A login with no row here reaches no person;
    the role that owns the tables (the one that runs the migrations) is not subject to the rules.
    """

    __tablename__ = "register_account"
    __table_args__ = (
        AccountKind.constraint("kind", "kind_known"),
        CheckConstraint("kind = 'hr' OR employee_id IS NOT NULL", name="leader_is_an_employee"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)


# --------------------------------------------------------------------------------------------
# The whole municipality's gap figures, kept (docs/decisions/0016-a-read-model-of-todays-figures.md)
# --------------------------------------------------------------------------------------------


class GapState(Base):
    """One row: whether :class:`GapCell` holds the whole municipality's figures, and for when.

    The database keeps it honest itself: triggers (migration 0010) forget the figures on every write
    that can change them, and note in :class:`GapStale` the pairs whose assessments or
    certificates a write touched. Only :mod:`competence.gap.kept` writes the other columns."""

    __tablename__ = "gap_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: a new random number on every write the figures depend on (triggers, migration 0010): figures
    #: computed on a snapshot are stored only if it is still the number that snapshot saw
    generation: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    #: the day the kept figures are of; NULL: no figures kept
    built_on: Mapped[dt.date | None] = mapped_column(Date)
    #: the first day on which a date in the register (a post starting or ending, a person leaving,
    #: a certificate running out, a requirement's period) changes them; NULL: none
    fresh_until: Mapped[dt.date | None] = mapped_column(Date)
    #: PostgreSQL: the transaction that last changed ``generation`` (``txid_current()``), so that a
    #: bulk write of a million statements changes the row once, not a million times
    bumped_in: Mapped[int | None] = mapped_column(BigInteger)


class GapCell(Base):
    """The integer sums of one heatmap cell (``unit_id`` > 0) or one competence's total over the
    municipality, each person once (``unit_id`` 0): the fields of ``HeatCell``."""

    __tablename__ = "gap_cell"

    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    competence_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    people: Mapped[int] = mapped_column(Integer)
    met: Mapped[int] = mapped_column(Integer)
    not_assessed: Mapped[int] = mapped_column(Integer)
    gap_units: Mapped[int] = mapped_column(BigInteger)
    required_units: Mapped[int] = mapped_column(BigInteger)
    current_units: Mapped[int] = mapped_column(BigInteger)
    missing: Mapped[int] = mapped_column(Integer)


class GapStale(Base):
    """An (employee, competence) pair whose assessments or certificates changed after the kept
    figures were stored: its cells are computed afresh when the figures are read."""

    __tablename__ = "gap_stale"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    employee_id: Mapped[int] = mapped_column(Integer)
    competence_id: Mapped[int] = mapped_column(Integer)


#: Tables of figures computed from the others and kept (the gap figures, migration 0010): never backed
#: up, restored or exported; a register copied row by row starts without them and computes them.
DERIVED_TABLES: tuple[str, ...] = ("gap_cell", "gap_stale", "gap_state")

#: Tables holding a reference to an employee; the GDPR export and erasure must cover all of them.
EMPLOYEE_REFERENCING_TABLES: tuple[str, ...] = (
    "employee",
    "position",
    "assessment",
    "certificate",
    "appraisal",
    "learning_goal",
    "org_unit",
    "register_account",
    "unit_measure",
    "employee_qualification",
    "dispensation",
)

__all__ = [
    "DERIVED_TABLES",
    "EMPLOYEE_REFERENCING_TABLES",
    "Appraisal",
    "Area",
    "Assessment",
    "AuditEvent",
    "Base",
    "Certificate",
    "Competence",
    "Dispensation",
    "Employee",
    "EmployeeQualification",
    "Framework",
    "GapCell",
    "GapStale",
    "GapState",
    "ImportMapping",
    "ImportRun",
    "LearningGoal",
    "OrgUnit",
    "Position",
    "ProgramVersion",
    "Qualification",
    "RegisterAccount",
    "Requirement",
    "Role",
    "Scale",
    "ScaleLevel",
    "Setting",
]

# The unit's planning (targets, measures, budgets, 10-FAKTOR results) lives in a module of its own;
# imported here so that the metadata, and so the migrations and their tests, hold every table.
from db import planning as _planning  # noqa: E402, F401
