"""The register's fixed value sets: one enum each, the one place a code and its words are written.

Each set is a :class:`Code` enum. Its members are the codes stored in the database (English,
lower case, internal: a user never types them), and each carries its words in bokmål and English.
From the enum come:

* the CHECK constraint that keeps the column to these codes (:meth:`Code.check`, used by
  :mod:`db.models`; ``tests/test_migrations.py`` compares the models' constraints with a migrated
  database, so a new code needs a migration);
* the words shown for a code on the screen, in the exports and on the command line
  (:meth:`Code.label`);
* the pick lists of the app (:meth:`Code.choices`: the members a user may choose, in order).

Members are ``str``: a code compares equal to its stored text and is written as it.
``docs/decisions/0010-enums-are-the-one-definition.md`` says why, and
``docs/decisions/0011-english-stored-codes.md`` why the codes are English.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:  # SQLAlchemy is imported where a constraint is built: the roster reader's child
    from sqlalchemy import CheckConstraint  # process uses these enums and starts without it


class Code(enum.StrEnum):
    """A stored code with its words: ``MEMBER = "code", "bokmål", "English"`` (and ``False`` as a
    fourth value for a code the program sets itself, which no pick list offers)."""

    _label_nb: str
    _label_en: str
    _pickable: bool

    # the defaults let ``GoalStatus("planned")`` (a lookup by code) type-check; members always
    # give their words
    def __new__(cls, code: str, nb: str = "", en: str = "", pickable: bool = True) -> Self:
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
        try:
            return cls(str(value))
        except ValueError:
            return None

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
        from sqlalchemy import CheckConstraint

        return CheckConstraint(cls.check(column), name=name)


class AssessmentSource(Code):
    """Who set a level (:attr:`db.models.Assessment.source`)."""

    SELF = "self", "Egenvurdering", "Self-assessment"
    LEADER = "leader", "Leder", "Leader"
    COURSE = "course", "Kurs", "Course"
    #: Set by the assessment-template import.
    IMPORT = "import", "Import", "Import", False


#: The sources a leader chooses between when assessing by hand, in the order offered.
MANUAL_SOURCES = (AssessmentSource.LEADER, AssessmentSource.SELF, AssessmentSource.COURSE)


class GoalStatus(Code):
    """Where a learning goal stands (:attr:`db.models.LearningGoal.status`)."""

    PLANNED = "planned", "Planlagt", "Planned"
    IN_PROGRESS = "in_progress", "Pågår", "In progress"
    COMPLETED = "completed", "Fullført", "Completed"
    CANCELLED = "cancelled", "Avbrutt", "Cancelled"

    @property
    def is_open(self) -> bool:
        """Planned or in progress: a goal that can still be overdue."""
        return self in OPEN_GOAL_STATUSES


#: The statuses of a goal that is still to be reached.
OPEN_GOAL_STATUSES = (GoalStatus.PLANNED, GoalStatus.IN_PROGRESS)


class ActivityType(Code):
    """How a learning goal is reached (:attr:`db.models.LearningGoal.activity_type`)."""

    COURSE = "course", "Kurs", "Course"
    E_LEARNING = "e_learning", "E-læring", "E-learning"
    JOB_SHADOWING = "job_shadowing", "Hospitering", "Job shadowing"
    MENTORING = "mentoring", "Veiledning", "Mentoring"
    FURTHER_EDUCATION = "further_education", "Videreutdanning", "Further education"
    ON_THE_JOB = "on_the_job", "Læring i arbeid", "Learning on the job"


class CompetenceKind(Code):
    """A competence, or a training proven by a certificate (:attr:`db.models.Competence.kind`)."""

    SKILL = "skill", "Ferdighet", "Skill"
    CERTIFICATE = "certificate", "Kurs/sertifikat", "Course/certificate"


class EmploymentType(Code):
    """Ansettelsesform, as the roster gives it (:attr:`db.models.Position.employment_type`)."""

    PERMANENT = "permanent", "Fast", "Permanent"
    TEMPORARY = "temporary", "Midlertidig", "Temporary"
    SUBSTITUTE = "substitute", "Vikar", "Substitute"
    #: Engasjement: a temporary position tied to a project or to outside funding.
    PROJECT = "project", "Engasjement", "Project position"


class AccountKind(Code):
    """What a login on a shared register reaches (:attr:`db.models.RegisterAccount.kind`)."""

    HR = "hr", "HR (hele kommunen)", "HR (the whole municipality)"
    LEADER = "leader", "Enhetsleder", "Unit leader"


class ImportKind(Code):
    """What an import read (:attr:`db.models.ImportRun.kind`)."""

    ROSTER = "roster", "Personalliste", "Roster"
    ASSESSMENT_TEMPLATE = "assessment_template", "Vurderingsmal", "Assessment template"
    FRAMEWORK = "framework", "Rammeverk", "Framework"
    #: 10-FAKTOR results per unit (docs/planning.md)
    TENFACTOR = "tenfactor", "10-FAKTOR", "10-FAKTOR"
    #: The employees' own levels from a self-assessment form (docs/compliance.md).
    SELF_ASSESSMENT = "self_assessment", "Egenvurderinger", "Self-assessments"


class ImportStatus(Code):
    """How an import ended (:attr:`db.models.ImportRun.status`)."""

    OK = "ok", "Fullført", "Completed"
    FAILED = "failed", "Avvist", "Refused"
    CANCELLED = "cancelled", "Avbrutt", "Cancelled"


class ImportMode(Code):
    """How an import was applied (:attr:`db.models.ImportRun.mode`)."""

    #: A roster of the whole municipality: people missing from it have left.
    FULL = "full", "Hele kommunen", "Whole municipality"
    #: A roster of some units or people: nobody else is touched.
    PARTIAL = "partial", "Delvis", "Partial"
    #: An assessment template's levels recorded.
    APPLY = "apply", "Lagt inn", "Applied"
    #: A framework file that was new to the register.
    INSERT = "insert", "Nytt", "New"
    #: A framework file that updated one the register had.
    UPDATE = "update", "Oppdatert", "Updated"


class AuditAction(Code):
    """What an audit event records (:attr:`db.models.AuditEvent.action`)."""

    CREATE = "create", "opprettet", "created"
    UPDATE = "update", "endret", "changed"
    DELETE = "delete", "slettet", "deleted"
    ASSESS = "assess", "vurdering", "assessment"
    IMPORT = "import", "import", "import"
    EXPORT = "export", "eksport", "export"
    ERASE = "erase", "sletting (personvern)", "erasure (data protection)"
    ANONYMISE = "anonymise", "anonymisering", "anonymisation"
    RESTORE = "restore", "gjenoppretting", "restore"
    BACKUP = "backup", "sikkerhetskopi", "backup"
    LEFT = "left", "sluttet", "left"
    SETTINGS = "settings", "innstillinger", "settings"
    FRAMEWORK = "framework", "rammeverk", "framework"
    ACCESS = "access", "tilgang (felles register)", "access (shared register)"


class CertificateStatus(Code):
    """Where a certificate stands on a day (worked out from its expiry date, not stored)."""

    VALID = "valid", "Gyldig", "Valid"
    #: Expires within the window the user looks ahead (90 days unless chosen otherwise).
    EXPIRING = "expiring", "Utløper snart", "Expires soon"
    EXPIRED = "expired", "Utløpt", "Expired"


class MeasureKind(Code):
    """The kinds of measure in KS's method for strategic competence planning."""

    RECRUIT = "recruit", "Rekruttere", "Recruit"
    DEVELOP = "develop", "Utvikle", "Develop"
    REDEPLOY = "redeploy", "Omdisponere", "Redeploy"
    BUY_IN = "buy_in", "Kjøpe eller leie inn", "Buy or hire in"


class MeasureStatus(Code):
    PLANNED = "planned", "Planlagt", "Planned"
    IN_PROGRESS = "in_progress", "Pågår", "In progress"
    DONE = "done", "Gjennomført", "Done"
    CANCELLED = "cancelled", "Avlyst", "Cancelled"


class Funding(Code):
    """Who pays for a measure; only the unit's own money counts against its competence budget."""

    UNIT_BUDGET = "unit_budget", "Enhetens budsjett", "The unit's budget"
    CENTRAL = "central", "Kommunens sentrale kompetansemidler", "The municipality's central funds"
    GRANT = "grant", "Statlig tilskudd", "State grant"
    OTHER = "other", "Annen ekstern finansiering", "Other external funding"


class Factor(enum.IntEnum):
    """The ten factors of KS's employee survey 10-FAKTOR."""

    _label_nb: str
    _label_en: str

    def __new__(cls, number: int, nb: str = "", en: str = "") -> Self:
        member = int.__new__(cls, number)
        member._value_ = number
        member._label_nb = nb
        member._label_en = en
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
        return self._label_en if str(lang).lower().startswith("en") else self._label_nb

    def numbered(self, lang: str = "nb") -> str:
        """ "4 Bruk av kompetanse"."""
        return f"{int(self)} {self.label(lang)}"


#: The factors shown beside the unit's competence figures: how the competence is used and developed.
COMPETENCE_FACTORS = (Factor.USE_OF_COMPETENCE, Factor.COMPETENCE_DEVELOPMENT)


class TargetState(Code):
    """Where a unit's competence target stands on a day (worked out, not stored; docs/planning.md)."""

    MET = "met", "Oppfylt", "Met"
    SHORT = "short", "Under målet", "Short"
    OVERDUE = "overdue", "Fristen er passert", "Overdue"


class TenFactorOutcome(Code):
    """What a 10-FAKTOR import does with a group of the file (worked out; the import's counts)."""

    NEW = "new", "ny", "new"
    REPLACED = "replaced", "erstatter tidligere", "replaces earlier"
    UNCHANGED = "unchanged", "uendret", "unchanged"
    BELOW_MINIMUM = "below_minimum", "under minstegrensen: leses ikke inn", "below the minimum: not read"
    SKIPPED = "skipped", "hoppet over", "skipped"
    UNMAPPED = "unmapped", "ikke knyttet til en enhet", "not linked to a unit"
    CONFLICT = "conflict", "samme enhet og år som en annen rad", "same unit and year as another row"


class UnitMatch(Code):
    """How a group of a 10-FAKTOR file found its unit of the register (worked out, not stored)."""

    CHOSEN = "chosen", "valgt", "chosen"
    SAVED = "saved", "husket fra før", "remembered"
    NUMBER = "number", "enhetsnummer", "unit number"
    NAME = "name", "navn", "name"
    TOTAL = "total", "hele kommunen", "the whole municipality"
    NONE = "none", "ikke funnet", "not found"


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
    "COMPETENCE_FACTORS",
    "MANUAL_SOURCES",
    "OPEN_GOAL_STATUSES",
    "AccountKind",
    "ActivityType",
    "AppraisalKind",
    "AssessmentSource",
    "AuditAction",
    "CertificateStatus",
    "Code",
    "CompetenceKind",
    "DocumentKind",
    "EducationLevel",
    "EmploymentType",
    "Factor",
    "Funding",
    "GoalStatus",
    "ImportKind",
    "ImportMode",
    "ImportStatus",
    "LevelSource",
    "MeasureKind",
    "MeasureStatus",
    "QualificationKind",
    "RequirementStatus",
    "TalkDue",
    "TargetState",
    "TenFactorOutcome",
    "UnitMatch",
]
