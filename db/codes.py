"""The register's fixed value sets: one enum each, the one place a code and its words are written.

Each set is a :class:`Code` enum. Its members are the codes stored in the database (English,
lower case, internal: a user never types them), and each carries its words in bokmål and English.
From the enum come:

* the CHECK constraint that keeps the column to these codes (:meth:`Code.constraint`, used by
  :mod:`db.models`);
* the words shown for a code on the screen, in the exports and on the command line
  (:meth:`Code.label`);
* the pick lists of the app (:meth:`Code.choices`: the members a user may choose, in order).

Members are ``str``: a code compares equal to its stored text and is written as it. A set that is
worked out rather than stored (the status of a requirement, of a talk) is a :class:`Code` too, so
its words live here and nowhere else.
"""

from __future__ import annotations

import enum
from typing import Self

from sqlalchemy import CheckConstraint


class Code(enum.StrEnum):
    """A code with its words: ``MEMBER = "code", "bokmål", "English"`` (and ``False`` as a fourth
    value for a code the program sets itself, which no pick list offers)."""

    _label_nb: str
    _label_en: str
    _pickable: bool

    def __new__(cls, code: str, nb: str, en: str, pickable: bool = True) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label_nb = nb
        member._label_en = en
        member._pickable = pickable
        return member

    def label(self, lang: str = "nb") -> str:
        """The code in words, in bokmål or (``lang`` starting with "en") English."""
        return self._label_en if str(lang).lower().startswith("en") else self._label_nb

    @property
    def labels(self) -> tuple[str, str]:
        """(bokmål, English)."""
        return self._label_nb, self._label_en

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Every code, in the enum's order."""
        return tuple(member.value for member in cls)

    @classmethod
    def choices(cls) -> tuple[Self, ...]:
        """The codes a user may choose, in the order a pick list shows them."""
        return tuple(member for member in cls if member._pickable)

    @classmethod
    def known(cls, value: object) -> Self | None:
        """The member for a stored ``value``; None for anything else."""
        return next((member for member in cls if member.value == value), None)

    @classmethod
    def label_of(cls, value: str, lang: str = "nb") -> str:
        """The words for ``value``; an unknown value is shown as it is rather than not at all."""
        member = cls.known(value)
        return member.label(lang) if member is not None else value

    @classmethod
    def check(cls, column: str) -> str:
        """The SQL condition ``column IN ('a', 'b')`` over every code."""
        return f"{column} IN (" + ", ".join(f"'{code}'" for code in cls.codes()) + ")"

    @classmethod
    def constraint(cls, column: str, name: str) -> CheckConstraint:
        """The CHECK constraint keeping ``column`` to the codes (a NULL passes, as in SQL)."""
        return CheckConstraint(cls.check(column), name=name)


# --- compliance and the appraisal cycle (docs/compliance.md) ------------------------------------


class AppraisalKind(Code):
    """What kind of talk an appraisal was (:attr:`db.models.Appraisal.kind`). Only the
    medarbeidersamtale starts a new cycle; the others are held beside it."""

    APPRAISAL = "appraisal", "Medarbeidersamtale", "Appraisal talk"
    FOLLOW_UP = "follow_up", "Oppfølgingssamtale", "Follow-up talk"
    LIFE_PHASE = "life_phase", "Livsfase-/seniorsamtale", "Life-phase/senior talk"


class QualificationKind(Code):
    """What a formal qualification is (:attr:`db.models.Qualification.kind`)."""

    EDUCATION = "education", "Utdanning", "Education"
    TRADE_CERTIFICATE = "trade_certificate", "Fag-/svennebrev", "Trade/journeyman's certificate"
    AUTHORISATION = "authorisation", "Autorisasjon", "Authorisation"
    LICENCE = "licence", "Lisens/førerkort", "Licence/driving licence"


class EducationLevel(Code):
    """The level of an education (:attr:`db.models.Qualification.education_level`)."""

    UPPER_SECONDARY = "upper_secondary", "Videregående opplæring", "Upper secondary"
    VOCATIONAL_COLLEGE = "vocational_college", "Fagskole", "Vocational college"
    BACHELOR = "bachelor", "Bachelorgrad", "Bachelor's degree"
    FURTHER_EDUCATION = "further_education", "Videreutdanning", "Further education"
    MASTER = "master", "Mastergrad", "Master's degree"
    DOCTORATE = "doctorate", "Doktorgrad", "Doctorate"


class LevelSource(Code):
    """Whose assessment is the level that counts (a register setting, docs/compliance.md)."""

    #: The leader's newest assessment (or one from a course): self-assessments are shown beside it.
    LEADER = "leader", "Leders vurdering", "The leader's assessment"
    NEWEST = "newest", "Nyeste vurdering uansett kilde", "The newest assessment of any source"


class RequirementStatus(Code):
    """Where a person stands with one requirement (worked out, not stored; docs/compliance.md).

    *missing* and *overdue* belong to mandatory requirements proven by a document (a course
    certificate, a qualification): never taken, expired, or lacking; *overdue* once the deadline
    after the person came under the requirement has passed."""

    MET = "met", "Oppfylt", "Met"
    GAP = "gap", "Avvik", "Gap"
    NOT_ASSESSED = "not_assessed", "Ikke vurdert", "Not assessed"
    MISSING = "missing", "Mangler", "Missing"
    OVERDUE = "overdue", "Forfalt", "Overdue"

    @property
    def lacking(self) -> bool:
        """A mandatory requirement not met (missing, with or without a passed deadline)."""
        return self in (RequirementStatus.MISSING, RequirementStatus.OVERDUE)


class DocumentKind(Code):
    """What proves a mandatory requirement that can be *missing* (worked out, not stored)."""

    COURSE = "course", "Kurs", "Course"
    QUALIFICATION = "qualification", "Kvalifikasjon", "Qualification"


class TalkDue(Code):
    """Where a person stands with their medarbeidersamtale (worked out, not stored)."""

    OVERDUE = "overdue", "Forfalt", "Overdue"
    DUE_SOON = "due_soon", "Forfaller snart", "Due soon"
    IN_ORDER = "in_order", "I rute", "On schedule"


__all__ = [
    "AppraisalKind",
    "Code",
    "DocumentKind",
    "EducationLevel",
    "LevelSource",
    "QualificationKind",
    "RequirementStatus",
    "TalkDue",
]
