"""What a write action changed, so that each screen reloads only what concerns it.

A :class:`Changes` value is collected by the unit of work from the tables its transaction wrote
(:meth:`Changes.of_tables`), and counts only once the transaction is committed. The desktop app's
task runner publishes it after every action; a screen states which kinds it shows and reloads when
one of them changed (docs/architecture.md, "The flow of an action"). Deriving it from the tables
written, rather than having every service declare it, means a new write can never forget to say so;
:data:`TABLE_KINDS` names every table of the schema (a test compares it with the models).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Self


@dataclass(frozen=True, slots=True)
class Changes:
    """Kinds of data a committed action changed (or, as an interest, kinds a screen shows)."""

    #: employees, their positions and manager links
    people: bool = False
    #: the unit tree
    units: bool = False
    #: strategy frameworks, their areas, competences and scales
    frameworks: bool = False
    #: roles and the levels they require
    roles: bool = False
    assessments: bool = False
    certificates: bool = False
    goals: bool = False
    appraisals: bool = False
    #: the catalogue of formal qualifications, what people hold, dispensations
    qualifications: bool = False
    #: the register's settings (municipality, logo, retention, expiry window)
    settings: bool = False
    #: who may log in to a shared register, and what they reach
    access: bool = False
    #: import runs and remembered column mappings
    imports: bool = False
    audit: bool = False
    #: the program versions that have written the register
    versions: bool = False
    #: the units' competence targets, measures and budgets (docs/planning.md)
    planning: bool = False
    #: the 10-FAKTOR results per unit
    survey: bool = False
    #: the whole municipality's kept gap figures (competence/gap/kept.py): derived from the rest,
    #: stored by a read, shown by no screen as such
    kept: bool = False
    #: With ``assessments``: the (employee, competence) pairs whose assessments were written, when
    #: every write to the assessments named its pair (:func:`competence.uow.writing_levels`); empty
    #: when unknown (a bulk import, a setting that changes which level counts, an erasure). A
    #: screen of figures can then recompute only what these pairs touch (:attr:`levels_only`).
    assessed: frozenset[tuple[int, int]] = field(default=frozenset(), compare=True)

    @classmethod
    def everything(cls) -> Self:
        """All kinds: a restored backup, another register opened."""
        return cls(**dict.fromkeys(KINDS, True))  # type: ignore[arg-type]

    @classmethod
    def of_tables(cls, tables: Iterable[str], assessed: Iterable[tuple[int, int]] = ()) -> Self:
        """The kinds behind the tables a transaction wrote (unknown tables: nothing), and the
        assessed pairs when every assessment written is among them."""
        kinds = {TABLE_KINDS[t] for t in tables if t in TABLE_KINDS}
        pairs = frozenset(assessed) if "assessments" in kinds else frozenset()
        return cls(**dict.fromkeys(kinds, True), assessed=pairs)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(name for name in KINDS if getattr(self, name))

    @property
    def levels_only(self) -> bool:
        """Of what the gap analysis reads, only the levels of :attr:`assessed` changed."""
        return bool(self.assessed) and self.kinds & GAP_INPUTS.kinds == {"assessments"}

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        # the pairs stay known only while every change of assessments on either side named its pairs
        known = (not self.assessments or self.assessed) and (not other.assessments or other.assessed)
        pairs = self.assessed | other.assessed if known else frozenset()
        return replace(self, **dict.fromkeys(other.kinds, True), assessed=pairs)

    def touches(self, interest: Changes) -> bool:
        """Did anything of ``interest`` change?"""
        return not self.kinds.isdisjoint(interest.kinds)


#: the kinds of data (every field but :attr:`Changes.assessed`)
KINDS: tuple[str, ...] = tuple(f.name for f in fields(Changes) if f.name != "assessed")
NOTHING = Changes()

#: table → the kind of data it holds (every table of db/models.py)
TABLE_KINDS: dict[str, str] = {
    "employee": "people",
    "position": "people",
    "org_unit": "units",
    "framework": "frameworks",
    "area": "frameworks",
    "competence": "frameworks",
    "scale": "frameworks",
    "scale_level": "frameworks",
    "role": "roles",
    "requirement": "roles",
    "assessment": "assessments",
    "certificate": "certificates",
    "learning_goal": "goals",
    "appraisal": "appraisals",
    "qualification": "qualifications",
    "employee_qualification": "qualifications",
    "dispensation": "qualifications",
    "setting": "settings",
    "register_account": "access",
    "import_run": "imports",
    "import_mapping": "imports",
    "audit_event": "audit",
    "program_version": "versions",
    "unit_target": "planning",
    "unit_measure": "planning",
    "unit_budget": "planning",
    "tenfactor_result": "survey",
    "gap_cell": "kept",
    "gap_state": "kept",
    "gap_stale": "kept",
}

#: What the gap analysis reads (Oversikt, Enheter, the card's profile): a change of any of these
#: can change its figures.
GAP_INPUTS = Changes(
    people=True,
    units=True,
    frameworks=True,
    roles=True,
    assessments=True,
    certificates=True,
    goals=True,
    settings=True,
)
#: What the compliance report reads (docs/compliance.md): the gap analysis's inputs and the
#: qualifications people hold and their dispensations.
COMPLIANCE_INPUTS = GAP_INPUTS | Changes(qualifications=True)
#: What the talk cycle reads: people, their talks, and the interval (a setting).
TALK_INPUTS = Changes(people=True, units=True, appraisals=True, settings=True)
