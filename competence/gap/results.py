"""The results of the gap analysis: plain frozen dataclasses for the UI, the exports and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from competence.language import coded, format_date, pick, pick_name
from competence.numbers import format_int
from db.codes import CertificateStatus, QualificationKind, RequirementStatus

#: a requirement's status (docs/compliance.md); "missing" and "overdue" only for a mandatory course
#: (a competence of kind certificate) without a valid certificate, in the profile
Status = Literal["met", "gap", "not_assessed", "missing", "overdue"]


class Shortfall:
    """Gap and status of one requirement of one person, from ``required_percent`` and
    ``current_percent`` (None: not assessed, which counts as 0 % in the gap)."""

    required_percent: float
    current_percent: float | None

    @property
    def gap(self) -> float:
        """Shortfall in percentage points (0 when met)."""
        return max(self.required_percent - (self.current_percent or 0.0), 0.0)

    @property
    def status(self) -> Status:
        if self.current_percent is None:
            return "not_assessed"
        return "met" if self.gap <= 0 else "gap"


@dataclass(frozen=True)
class CompetenceRef:
    id: int
    code: str | None
    name: str
    name_en: str | None
    area_id: int
    area_code: str | None
    area_name: str
    framework_id: int
    framework_key: str
    framework_name: str
    kind: str
    critical: bool
    scale_id: int
    #: position of the area in its framework and of the competence in its area (for sorting)
    area_order: int = 0
    order: int = 0
    area_name_en: str | None = None
    framework_name_en: str | None = None

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name

    def display_name(self, lang: str) -> str:
        """The competence's name in ``lang`` (the Norwegian one where the framework has no other)."""
        return pick_name(lang, self.name, self.name_en)

    def display_label(self, lang: str) -> str:
        """ "4.2 Protecting personal data and privacy": code and name in ``lang``."""
        return f"{self.code} {self.display_name(lang)}" if self.code else self.display_name(lang)

    def area_display(self, lang: str) -> str:
        return pick_name(lang, self.area_name, self.area_name_en)

    def area_label(self, lang: str) -> str:
        """ "§13 HMS": the area's code and name in ``lang``."""
        return coded(self.area_code, self.area_display(lang))

    def framework_display(self, lang: str) -> str:
        return pick_name(lang, self.framework_name, self.framework_name_en)


@dataclass(frozen=True)
class QualificationRef:
    """A formal qualification a unit's target names (docs/planning.md, "Targets")."""

    id: int
    key: str
    name: str
    name_en: str | None
    kind: str

    def display_name(self, lang: str) -> str:
        return pick_name(lang, self.name, self.name_en)

    def kind_label(self, lang: str) -> str:
        return QualificationKind.label_of(self.kind, lang)


@dataclass(frozen=True)
class SelfLevel:
    """The employee's own newest assessment of a competence, shown beside the leader's."""

    ordinal: int
    name: str
    name_en: str | None
    assessed_on: dt.date

    def label(self, lang: str) -> str:
        return f"{self.ordinal} {pick_name(lang, self.name, self.name_en)}"


@dataclass(frozen=True)
class ProfileItem(Shortfall):
    """One required competence of one person."""

    competence: CompetenceRef
    required_level: int
    required_level_name: str
    required_percent: float
    mandatory: bool
    current_level: int | None
    current_level_name: str | None
    current_percent: float | None
    assessed_on: dt.date | None
    required_level_name_en: str | None = None
    current_level_name_en: str | None = None
    #: a mandatory course without a valid certificate: missing, or overdue past its deadline
    lacking: RequirementStatus | None = None
    #: the deadline of a lacking mandatory course (None: none), and since when it has been lacking
    deadline: dt.date | None = None
    lacking_since: dt.date | None = None
    #: the employee's own newest assessment (None: none), beside the level that counts
    self_level: SelfLevel | None = None

    @property
    def status(self) -> Status:
        if self.lacking is RequirementStatus.OVERDUE:
            return "overdue"
        if self.lacking is RequirementStatus.MISSING:
            return "missing"
        if self.competence.kind == "certificate" and self.current_percent is None:
            return "gap"  # a desirable course never taken is lacking, not "not assessed"
        return super().status

    @property
    def not_assessed(self) -> bool:
        return self.status == "not_assessed"

    @property
    def self_difference(self) -> int | None:
        """The employee's own level less the level that counts, in levels (None: nothing to compare)."""
        if self.self_level is None or self.current_level is None:
            return None
        return self.self_level.ordinal - self.current_level

    def status_label(self, lang: str) -> str:
        """ "Oppfylt", "Avvik", "Ikke vurdert", "Mangler, frist 01.03.2027", "Forfalt"."""
        if self.status == "missing" and self.deadline is not None:
            return pick(lang, "Mangler, frist {date}", "Missing, deadline {date}").format(
                date=format_date(self.deadline, lang)
            )
        return RequirementStatus.label_of(self.status, lang)

    def required_level_label(self, lang: str) -> str:
        """ "3 Kan selvstendig" / "3 Independent": the required level in ``lang``."""
        return (
            f"{self.required_level} {pick_name(lang, self.required_level_name, self.required_level_name_en)}"
        )

    def current_level_label(self, lang: str) -> str:
        """The current level in ``lang``; empty when not assessed."""
        if self.current_level is None:
            return ""
        name = pick_name(lang, self.current_level_name or "", self.current_level_name_en)
        return f"{self.current_level} {name}".strip()


@dataclass(frozen=True)
class AreaScore:
    """A strategy area's figures: means for the radar chart, counts for the tables."""

    area_id: int
    area_code: str | None
    area_name: str
    framework_name: str
    required_mean: float
    current_mean: float
    items: int
    met: int
    not_assessed: int
    mean_gap: float
    area_name_en: str | None = None
    framework_name_en: str | None = None

    @property
    def share_met(self) -> float:
        return self.met / self.items if self.items else 0.0

    def display_name(self, lang: str) -> str:
        return pick_name(lang, self.area_name, self.area_name_en)

    def label(self, lang: str) -> str:
        """ "§13 HMS": code and name in ``lang``."""
        return coded(self.area_code, self.display_name(lang))

    def framework_display(self, lang: str) -> str:
        return pick_name(lang, self.framework_name, self.framework_name_en)


@dataclass(frozen=True)
class EmployeeProfile:
    employee_id: int
    employee_no: str
    name: str
    at: dt.date
    items: tuple[ProfileItem, ...]
    areas: tuple[AreaScore, ...]

    @property
    def met(self) -> int:
        return sum(1 for i in self.items if i.status == "met")

    @property
    def gaps(self) -> int:
        return sum(1 for i in self.items if i.status == "gap")

    @property
    def not_assessed(self) -> int:
        return sum(1 for i in self.items if i.status == "not_assessed")

    @property
    def lacking(self) -> int:
        """Mandatory courses without a valid certificate (missing or overdue)."""
        return sum(1 for i in self.items if i.lacking is not None)

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.status == "overdue")

    @property
    def coverage(self) -> float:
        """Share of required competences met (0-1); 1 when nothing is required."""
        return self.met / len(self.items) if self.items else 1.0


@dataclass(frozen=True)
class UnitRef:
    id: int
    number: str
    name: str
    parent_id: int | None
    depth: int


#: Percentages are summed in units of 1/10,000 of a percentage point: a scale's levels are stored
#: with at most four decimals (competence/scales.py), so every sum is an exact integer, and the
#: figures of groups of people add and subtract exactly (a total from its cells, a cell after one
#: level changed).
PERCENT_UNITS = 10_000


class HeatCell(NamedTuple):
    """Figures for one competence among a group of people (a unit, or a whole selection): counts,
    and the sums of the gaps, the required and the current percentages in :data:`PERCENT_UNITS`.

    A tuple rather than a frozen dataclass: a municipality has hundreds of thousands of cells, and
    a tuple is made in a third of the time."""

    unit_id: int | None
    competence_id: int
    people: int
    met: int
    not_assessed: int
    gap_units: int = 0
    required_units: int = 0
    current_units: int = 0
    #: of ``people``, those lacking a mandatory course (never taken or expired): *mangler*,
    #: docs/compliance.md; they are not met, and never *not assessed*
    missing: int = 0

    @property
    def share_met(self) -> float:
        return self.met / self.people if self.people else 0.0

    @property
    def mean_gap(self) -> float:
        """Mean gap in percentage points (not assessed counts as 0 %)."""
        return self.gap_units / (self.people * PERCENT_UNITS) if self.people else 0.0

    @property
    def mean_required(self) -> float:
        return self.required_units / (self.people * PERCENT_UNITS) if self.people else 0.0

    @property
    def mean_current(self) -> float:
        return self.current_units / (self.people * PERCENT_UNITS) if self.people else 0.0

    def plus(self, other: HeatCell, sign: int = 1) -> HeatCell:
        """The figures of this group with ``other``'s people added (``sign`` -1: taken away)."""
        return HeatCell(
            self.unit_id,
            self.competence_id,
            self.people + sign * other.people,
            self.met + sign * other.met,
            self.not_assessed + sign * other.not_assessed,
            self.gap_units + sign * other.gap_units,
            self.required_units + sign * other.required_units,
            self.current_units + sign * other.current_units,
            self.missing + sign * other.missing,
        )


@dataclass(frozen=True)
class Heatmap:
    at: dt.date
    units: tuple[UnitRef, ...]
    competences: tuple[CompetenceRef, ...]
    cells: Mapping[tuple[int, int], HeatCell]
    #: per competence over the whole selection, each person counted once
    totals: Mapping[int, HeatCell]

    def cell(self, unit_id: int, competence_id: int) -> HeatCell | None:
        return self.cells.get((unit_id, competence_id))


@dataclass(frozen=True)
class PersonCell(Shortfall):
    """One person behind a heatmap cell (the drill-down)."""

    employee_id: int
    employee_no: str
    name: str
    required_percent: float
    current_percent: float | None
    current_level: int | None
    current_level_name: str | None
    assessed_on: dt.date | None
    #: a mandatory course the person lacks (never taken or expired): *mangler*, docs/compliance.md
    missing: bool = False

    @property
    def status(self) -> Status:
        return "missing" if self.missing else super().status


@dataclass(frozen=True, slots=True)
class PersonShortfall(Shortfall):
    """A requirement one person does not meet (a gap, or not assessed): the gap report's list."""

    employee_id: int
    competence_id: int
    required_percent: float
    current_percent: float | None


#: Without a target, a critical competence required of more than one person should be held by at
#: least this many (competence/gap/__init__.py, "Vulnerability").
ROBUST_HOLDERS = 2


@dataclass(frozen=True)
class Vulnerability:
    """A unit that holds a competence too thinly: short of its target, or, where it has none, a
    critical competence required of more than one person and held by at most one. A target may
    name a formal qualification instead: then ``competence`` is None and ``qualification`` says
    which."""

    unit: UnitRef
    competence: CompetenceRef | None
    #: the people of the unit whose roles require it (for a target: 0, the target says the need)
    people_required: int
    holders: tuple[str, ...]
    #: the target it is judged against: how many it needs, at which level (None: no target, or a
    #: qualification target, which has no level)
    target_needed: int | None = None
    target_level: int | None = None
    qualification: QualificationRef | None = None

    @property
    def holder_count(self) -> int:
        return len(self.holders)

    @property
    def needed(self) -> int:
        """How many should hold it: the target's number, else two."""
        return self.target_needed if self.target_needed is not None else ROBUST_HOLDERS

    @property
    def short(self) -> int:
        return max(self.needed - self.holder_count, 0)

    def display_label(self, lang: str) -> str:
        """The competence's code and name, or the qualification's name, in ``lang``."""
        if self.competence is not None:
            return self.competence.display_label(lang)
        return self.qualification.display_name(lang) if self.qualification is not None else ""

    def area_label(self, lang: str) -> str:
        """The competence's strategy area, or the kind of qualification (a qualification has no area)."""
        if self.competence is not None:
            return self.competence.area_label(lang)
        return self.qualification.kind_label(lang) if self.qualification is not None else ""

    def reason(self, lang: str = "nb") -> str:
        """Why it is on the list, in a few words."""
        if self.target_needed is None:
            return pick(
                lang,
                "kritisk, kreves av {n}, har {have}",
                "critical, required of {n}, held by {have}",
            ).format(n=format_int(self.people_required, lang), have=format_int(self.holder_count, lang))
        if self.qualification is not None:
            return pick(
                lang,
                "mål: {need} med gyldig kvalifikasjon, har {have}",
                "target: {need} holding it (valid), held by {have}",
            ).format(need=format_int(self.target_needed, lang), have=format_int(self.holder_count, lang))
        return pick(
            lang,
            "mål: {need} på nivå {level}, har {have}",
            "target: {need} at level {level}, held by {have}",
        ).format(
            need=format_int(self.target_needed, lang),
            level=self.target_level,
            have=format_int(self.holder_count, lang),
        )


@dataclass(frozen=True)
class CertificateAlert:
    employee_id: int
    employee_no: str
    name: str
    units: str
    certificate: str
    competence_id: int | None
    valid_until: dt.date
    days_left: int

    @property
    def status(self) -> CertificateStatus:
        return CertificateStatus.EXPIRED if self.days_left < 0 else CertificateStatus.EXPIRING


@dataclass(frozen=True)
class CompetenceGapRank:
    competence: CompetenceRef
    people: int
    mean_gap: float
    share_met: float


@dataclass(frozen=True)
class GapSummary:
    at: dt.date
    people: int
    requirements: int
    met: int
    not_assessed: int
    mean_gap: float
    largest_gaps: tuple[CompetenceGapRank, ...]
    vulnerable: int
    expiring: int
    expired: int
    overdue_goals: int
    #: FTE bands (heltidskultur): "100", "75-99", "50-74", "<50" → people
    fte_mix: Mapping[str, int] = field(default_factory=dict)
    #: how many of the largest gaps were asked for (``largest_gaps`` holds those with a gap)
    largest: int = 5

    @property
    def share_met(self) -> float:
        return self.met / self.requirements if self.requirements else 0.0


@dataclass(frozen=True)
class TrendPoint:
    at: dt.date
    requirements: int
    met: int
    not_assessed: int
    mean_gap: float

    @property
    def share_met(self) -> float:
        return self.met / self.requirements if self.requirements else 0.0


@dataclass(frozen=True)
class GapReport:
    """Everything the gap report shows for one selection, computed in one go."""

    heatmap: Heatmap
    areas: tuple[AreaScore, ...]
    vulnerabilities: tuple[Vulnerability, ...]
    certificates: tuple[CertificateAlert, ...]
    summary: GapSummary
