"""Two years of one employee's life in the register: assessments, certificates, goals and appraisals.

Assessments come in kartleggingsrunder: each enhet surveys its staff about every ten months, by
self-assessment or by the leader; a person's levels drift upwards from round to round, and a
completed course or mentoring lifts the level it aimed at. Rows are plain dicts for Core bulk
inserts; ``is_current`` is set here on the row that counts of each (employee, competence): the
newest that is not a self-assessment, as the register's default setting has it
(:mod:`competence.assessments`).

Formal qualifications the roles require are held by most (obtained before they were hired); some
of the others have a dispensation (docs/compliance.md). Besides the yearly medarbeidersamtale some
people have a follow-up talk, and long-serving ones a life-phase talk.

A few things a demo must show are guaranteed, whatever the size: at least one certificate expiring
within 90 days, one expired, one overdue learning goal, one level given by a course, one
qualification missing and one dispensation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, Final

from competence.certificates import add_months
from competence.demo.catalogue import CompetenceRef, Level, Required
from competence.demo.texts import (
    ACTIVITIES,
    ACTIVITY_WEIGHTS,
    APPRAISAL_SUMMARIES,
    AREA_GOALS,
    ASSESSMENT_NOTES,
    CANCELLED_RESULTS,
    COMPLETED_RESULTS,
    COURSE_CERTIFICATES,
    COURSE_PROVIDERS,
    DISPENSATION_GRANTERS,
    DISPENSATION_REASONS,
    DOCUMENT_REFS,
    FOLLOW_UP_SUMMARIES,
    LIFE_PHASE_SUMMARIES,
    NO_GOALS_AGREED,
    OTHER_ISSUERS,
    STATUTORY_ISSUERS,
)
from db.codes import OPEN_GOAL_STATUSES, ActivityType, AppraisalKind, AssessmentSource, GoalStatus

Row = dict[str, Any]
#: The columns of an assessment row, in the order :meth:`HistoryMaker._emit` writes them.
ASSESSMENT_COLUMNS = (
    "employee_id",
    "competence_id",
    "level_id",
    "assessed_on",
    "source",
    "assessor",
    "note",
    "is_current",
    "created_at",
)
WINDOW_DAYS = 730
#: (days before today: earliest, latest; share of the staff taking part; share doing it themselves).
_ROUNDS = ((640, 720, 0.55, 0.8), (300, 400, 0.75, 0.45), (15, 120, 0.85, 0.4))
_PAIR_IN_ROUND = 0.9
#: Share of the self-assessment rounds that the leader follows up with their own levels.
_LEADER_AFTER_SELF = 0.45
_GOAL_COUNTS = ((0, 30), (1, 38), (2, 22), (3, 10))
_GOAL_STATUSES = (
    (GoalStatus.PLANNED, 24),
    (GoalStatus.IN_PROGRESS, 30),
    (GoalStatus.COMPLETED, 34),
    (GoalStatus.CANCELLED, 12),
)
_CERT_STATES = (("valid", 70), ("expiring", 12), ("expired", 18))
_LEADER_CONFIRMS = (ActivityType.MENTORING, ActivityType.JOB_SHADOWING, ActivityType.ON_THE_JOB)


def round_dates(rng: random.Random, today: dt.date) -> tuple[dt.date, ...]:
    """The start dates of an enhet's three assessment rounds."""
    return tuple(today - dt.timedelta(days=rng.randint(lo, hi)) for lo, hi, _, _ in _ROUNDS)


@dataclass(frozen=True)
class QualificationNeed:
    """A formal qualification one of the person's roles requires, and how common holding it is."""

    id: int
    kind: str
    mandatory: bool
    deadline_months: int | None
    held: float
    dispensation: float


@dataclass(frozen=True)
class Subject:
    """What the generator needs to know about one employee."""

    employee_id: int
    full_name: str
    hired: dt.date
    left: dt.date | None
    ability: float
    sector: str
    roles: tuple[str, ...]
    required: tuple[Required, ...]
    manager_id: int | None
    manager_name: str | None
    rounds: tuple[dt.date, ...]
    qualifications: tuple[QualificationNeed, ...] = ()


@dataclass
class Guarantees:
    expiring: bool = False
    expired: bool = False
    overdue: bool = False
    lacking: bool = False
    dispensation: bool = False
    course: bool = False


@dataclass
class ChunkRows:
    #: Tuples in the order of :data:`ASSESSMENT_COLUMNS`.
    assessments: list[tuple[Any, ...]] = field(default_factory=list)
    certificates: list[Row] = field(default_factory=list)
    appraisals: list[Row] = field(default_factory=list)
    #: Goal rows and the index in ``appraisals`` of the talk that agreed them (or None).
    goals: list[tuple[Row, int | None]] = field(default_factory=list)
    qualifications: list[Row] = field(default_factory=list)
    dispensations: list[Row] = field(default_factory=list)


#: One assessment before it becomes a row: (date, index of the level, source, assessor, note).
#: A plain tuple: a large demo makes millions of them.
_Entry = tuple[dt.date, int, str, str | None, str | None]
_ON: Final = 0
_LEVEL: Final = 1


class HistoryMaker:
    def __init__(
        self, rng: random.Random, today: dt.date, stamp: dt.datetime, courses: dict[str, CompetenceRef]
    ) -> None:
        """``courses``: the statutory-training competences by key, to link course certificates to."""
        self.rng = rng
        self.courses = courses
        self.today = today
        self.stamp = stamp
        self.window_start = today - dt.timedelta(days=WINDOW_DAYS)
        self.guarantees = Guarantees()

    # ---------------------------------------------------------------- one person

    def person(self, who: Subject, out: ChunkRows) -> None:
        end = min(self.today, who.left - dt.timedelta(days=1)) if who.left else self.today
        histories = self._assessments(who, end)
        self._certificates(who, out)
        self._qualifications(who, out)
        talks = self._appraisals(who, end, out)
        if who.left is None:
            self._goals(who, histories, talks, out)
        for comp, entries in histories.items():
            if entries:
                self._emit(who.employee_id, comp, entries, out)

    def _assessments(self, who: Subject, end: dt.date) -> dict[CompetenceRef, list[_Entry]]:
        rng = self.rng
        sessions: list[tuple[dt.date, float, str, str | None, float]] = []
        for (_, _, share, self_share), start in zip(_ROUNDS, who.rounds, strict=True):
            on = start + dt.timedelta(days=rng.randint(0, 20))
            if on > end or on < who.hired + dt.timedelta(days=14) or rng.random() >= share:
                continue
            by_self = rng.random() < self_share or who.manager_name is None
            source: str
            source, assessor, bias = (
                (AssessmentSource.SELF, None, 4.0)
                if by_self
                else (AssessmentSource.LEADER, who.manager_name, 0.0)
            )
            sessions.append((on, (on - self.window_start).days / WINDOW_DAYS, source, assessor, bias))
            later = on + dt.timedelta(days=rng.randint(3, 25))
            followed = by_self and who.manager_name is not None and later <= end
            if followed and rng.random() < _LEADER_AFTER_SELF:
                # the employee's own levels are the basis of the talk, where the leader sets theirs
                elapsed = (later - self.window_start).days / WINDOW_DAYS
                sessions.append((later, elapsed, AssessmentSource.LEADER, who.manager_name, 0.0))
        histories: dict[CompetenceRef, list[_Entry]] = {}
        shift = 9.0 * who.ability - 20.0
        for req in who.required:
            comp = req.competence
            if not comp.is_skill:
                continue
            entries: list[_Entry] = []
            histories[comp] = entries
            if not sessions:
                continue
            base = req.level.percent + shift + rng.gauss(0.0, 14.0)
            growth = rng.random() * 32.0
            nearest = comp.nearest
            previous = -1
            for on, elapsed, source, assessor, bias in sessions:
                if rng.random() >= _PAIR_IN_ROUND:
                    continue
                pct = int(base + growth * elapsed + bias + 0.5)
                index = max(previous, nearest[100 if pct > 100 else max(pct, 0)])
                previous = index
                note = (
                    rng.choice(ASSESSMENT_NOTES)
                    if source == AssessmentSource.LEADER and rng.random() < 0.03
                    else None
                )
                entries.append((on, index, source, assessor, note))
        return histories

    def _emit(self, employee_id: int, comp: CompetenceRef, entries: list[_Entry], out: ChunkRows) -> None:
        counting = [i for i, entry in enumerate(entries) if entry[2] != AssessmentSource.SELF]
        last = counting[-1] if counting else -1
        top = 0
        levels = comp.levels
        append = out.assessments.append
        stamp = self.stamp
        for i, (on, level, source, assessor, note) in enumerate(entries):
            if level > top:  # levels never fall back within the demo's two years
                top = level
            append((employee_id, comp.id, levels[top].id, on, source, assessor, note, i == last, stamp))

    # ---------------------------------------------------------------- certificates

    def _certificates(self, who: Subject, out: ChunkRows) -> None:
        rng = self.rng
        held: set[int] = set()
        for req in who.required:
            comp = req.competence
            if comp.is_skill or rng.random() >= 0.88:
                continue
            held.add(comp.id)
            issuer = rng.choice(STATUTORY_ISSUERS.get(comp.key, OTHER_ISSUERS))
            self._certificate(who, out, comp.name, issuer, comp.validity_months, comp.id)
        for course in COURSE_CERTIFICATES:
            if who.sector not in course.sectors or (course.roles and not set(course.roles) & set(who.roles)):
                continue
            if rng.random() >= course.share:
                continue
            linked = self.courses.get(course.key) if course.key else None
            if linked is None:
                self._certificate(who, out, course.name, course.issuer, course.validity_months, None)
            elif linked.id not in held:
                held.add(linked.id)
                self._certificate(who, out, course.name, course.issuer, linked.validity_months, linked.id)

    def _certificate(
        self,
        who: Subject,
        out: ChunkRows,
        name: str,
        issuer: str | None,
        months: int | None,
        comp_id: int | None,
    ) -> None:
        rng = self.rng
        today = self.today
        if months is None:
            completed = today - dt.timedelta(days=rng.randint(30, 3000))
            valid_until = None
        else:
            state = self._certificate_state()
            if state == "expiring":
                target = today + dt.timedelta(days=rng.randint(10, 80))
            elif state == "expired":
                target = today - dt.timedelta(days=rng.randint(5, 540))
            else:
                target = today + dt.timedelta(days=rng.randint(100, max(101, months * 30 - 20)))
            completed = min(add_months(target, -months), today)
            valid_until = add_months(completed, months)
        out.certificates.append(
            {
                "employee_id": who.employee_id,
                "competence_id": comp_id,
                "name": name,
                "issuer": issuer,
                "completed_on": completed,
                "valid_until": valid_until,
                "note": None,
            }
        )

    def _certificate_state(self) -> str:
        g = self.guarantees
        if not g.expiring:
            g.expiring = True
            return "expiring"
        if not g.expired:
            g.expired = True
            return "expired"
        return self.rng.choices([s for s, _ in _CERT_STATES], weights=[w for _, w in _CERT_STATES])[0]

    # ---------------------------------------------------------------- qualifications

    def _qualifications(self, who: Subject, out: ChunkRows) -> None:
        """Held (obtained before the person was hired), else perhaps a dispensation, else lacking."""
        rng = self.rng
        g = self.guarantees
        for need in who.qualifications:
            if who.left is None and need.mandatory and not g.lacking:
                g.lacking = True  # one person who lacks a mandatory qualification, always
                continue
            if rng.random() < need.held:
                obtained = who.hired - dt.timedelta(days=rng.randint(30, 3650))
                expires = None
                if need.kind == "licence" and rng.random() < 0.3:
                    expires = add_months(obtained, 12 * rng.randint(10, 20))
                out.qualifications.append(
                    {
                        "employee_id": who.employee_id,
                        "qualification_id": need.id,
                        "obtained_on": obtained,
                        "expires_on": expires,
                        "issuer": None,
                        "document_ref": rng.choice(DOCUMENT_REFS).format(year=obtained.year),
                        "note": None,
                    }
                )
            elif who.left is None and (
                rng.random() < need.dispensation or (need.dispensation and not g.dispensation)
            ):
                g.dispensation = True
                starts = max(who.hired, self.today - dt.timedelta(days=rng.randint(30, 500)))
                out.dispensations.append(
                    {
                        "employee_id": who.employee_id,
                        "qualification_id": need.id,
                        "starts_on": starts,
                        "ends_on": starts + dt.timedelta(days=rng.choice((180, 365, 365, 730))),
                        "granted_by": rng.choice(DISPENSATION_GRANTERS),
                        "reason": rng.choice(DISPENSATION_REASONS),
                    }
                )

    # ---------------------------------------------------------------- appraisals

    def _appraisals(self, who: Subject, end: dt.date, out: ChunkRows) -> list[tuple[int, dt.date]]:
        """Yearly talks with the leader; returns (index in ``out.appraisals``, date) of each."""
        if who.manager_id is None:
            return []
        rng = self.rng
        talks: list[tuple[int, dt.date]] = []
        for lo, hi, share in ((300, 420, 0.8), (5, 75, 0.75)):
            on = self.today - dt.timedelta(days=rng.randint(lo, hi))
            if on > end or on < who.hired + dt.timedelta(days=30) or rng.random() >= share:
                continue
            talks.append((len(out.appraisals), on))
            out.appraisals.append(
                self._talk(who, on, AppraisalKind.APPRAISAL, rng.choice(APPRAISAL_SUMMARIES))
            )
        if talks and rng.random() < 0.12:  # a follow-up of the last talk, some weeks later
            on = talks[-1][1] + dt.timedelta(days=rng.randint(20, 70))
            if on <= end:
                out.appraisals.append(
                    self._talk(who, on, AppraisalKind.FOLLOW_UP, rng.choice(FOLLOW_UP_SUMMARIES))
                )
        if who.hired < self.today - dt.timedelta(days=365 * 15) and rng.random() < 0.15:
            on = self.today - dt.timedelta(days=rng.randint(10, 600))
            if on <= end:
                out.appraisals.append(
                    self._talk(who, on, AppraisalKind.LIFE_PHASE, rng.choice(LIFE_PHASE_SUMMARIES))
                )
        return talks

    def _talk(self, who: Subject, on: dt.date, kind: str, summary: str) -> Row:
        return {
            "employee_id": who.employee_id,
            "kind": kind,
            "leader_id": who.manager_id,
            "leader_name": who.manager_name,
            "held_on": on,
            "summary": summary,
            "agreed": NO_GOALS_AGREED if kind == AppraisalKind.APPRAISAL else None,
            "notes": None,
        }

    # ---------------------------------------------------------------- learning goals

    def _goals(
        self,
        who: Subject,
        histories: dict[CompetenceRef, list[_Entry]],
        talks: list[tuple[int, dt.date]],
        out: ChunkRows,
    ) -> None:
        rng = self.rng
        count = rng.choices([c for c, _ in _GOAL_COUNTS], weights=[w for _, w in _GOAL_COUNTS])[0]
        skills = [r for r in who.required if r.competence.is_skill]
        if not skills or count == 0:
            return
        gaps = [r for r in skills if _below(r, histories[r.competence])]
        pool = gaps if len(gaps) >= count else skills
        agreed: dict[int, list[str]] = {}
        for req in rng.sample(pool, min(count, len(pool))):
            status = rng.choices([s for s, _ in _GOAL_STATUSES], weights=[w for _, w in _GOAL_STATUSES])[0]
            if status in (
                GoalStatus.COMPLETED,
                GoalStatus.CANCELLED,
            ) and who.hired > self.today - dt.timedelta(days=120):
                status = GoalStatus.PLANNED  # too new to have finished anything
            # the demo shows a level reached through a course, whatever its size
            force = not self.guarantees.course and who.hired <= self.today - dt.timedelta(days=120)
            if force:
                status = GoalStatus.COMPLETED
            talk = self._talk_for(status, talks)
            entries = histories[req.competence]
            anchor = talk[1] if talk else None
            goal, completed, target = self._goal(who, req, entries, status, anchor, concrete=force)
            out.goals.append((goal, talk[0] if talk else None))
            if talk is not None:
                agreed.setdefault(talk[0], []).append(goal["description"])
            if completed is not None and target is not None:
                self._lift(who, entries, target, goal["activity_type"], completed)
        for index, descriptions in agreed.items():
            out.appraisals[index]["agreed"] = "Avtalte mål: " + "; ".join(descriptions) + "."

    def _talk_for(self, status: str, talks: list[tuple[int, dt.date]]) -> tuple[int, dt.date] | None:
        if not talks:
            return None
        if status in (GoalStatus.COMPLETED, GoalStatus.CANCELLED):
            return talks[0]
        if status == GoalStatus.PLANNED:
            return talks[-1]
        return self.rng.choice(talks)

    def _goal(
        self,
        who: Subject,
        req: Required,
        entries: list[_Entry],
        status: str,
        anchor: dt.date | None,
        *,
        concrete: bool = False,
    ) -> tuple[Row, dt.date | None, int | None]:
        """One goal row, the day it was completed (if it was) and the level index it aims at."""
        rng = self.rng
        today = self.today
        day = dt.timedelta(days=1)
        activity = rng.choices(list(ACTIVITY_WEIGHTS), weights=list(ACTIVITY_WEIGHTS.values()))[0]
        if concrete:
            activity = ActivityType.COURSE
        templates, hours, cost = ACTIVITIES[activity]
        comp = req.competence
        area_goal = not concrete and rng.random() < 0.1
        if area_goal:
            description = rng.choice(AREA_GOALS).format(name=comp.area_name)
        else:
            description = rng.choice(templates).format(name=comp.name)
        earliest = who.hired + day * 14
        completed: dt.date | None = None
        result: str | None = None
        if status in (GoalStatus.COMPLETED, GoalStatus.CANCELLED):
            anchor = max(anchor or today - day * rng.randint(200, 650), earliest)
            start = min(anchor + day * rng.randint(0, 30), today - day * 60)
            due = start + day * rng.randint(45, 240)
            if status == GoalStatus.COMPLETED:
                completed = min(due - day * rng.randint(0, 14), today - day * rng.randint(1, 20))
                completed = max(completed, start + day * 7)
                result = rng.choice(COMPLETED_RESULTS)
            else:
                result = rng.choice(CANCELLED_RESULTS)
        elif status == GoalStatus.IN_PROGRESS:
            anchor = max(anchor or today - day * rng.randint(20, 300), earliest)
            start = min(anchor + day * rng.randint(0, 30), today)
            due = start + day * rng.randint(60, 420)
            if due >= today and not self.guarantees.overdue and start >= today - day * 300:
                due = today - day * rng.randint(5, 30)
                start = max(earliest, due - day * rng.randint(60, 200))
        else:
            anchor = max(anchor or today - day * rng.randint(0, 60), earliest)
            start = anchor + day * rng.randint(14, 150)
            due = start + day * rng.randint(45, 300)
        if status in OPEN_GOAL_STATUSES and start < due < today:
            self.guarantees.overdue = True
        target = None if area_goal else _target(comp, req.level, entries)
        row: Row = {
            "employee_id": who.employee_id,
            "competence_id": None if area_goal else comp.id,
            "area_id": comp.area_id,
            "target_level_id": None if target is None else comp.levels[target].id,
            "activity_type": activity,
            "description": description,
            "start_on": start,
            "due_on": due,
            "status": status,
            "hours": float(rng.randint(*hours)),
            "cost_nok": round(rng.randint(*cost), -2),
            "result": result,
        }
        return row, completed, target

    def _lift(self, who: Subject, entries: list[_Entry], target: int, activity: str, on: dt.date) -> None:
        """A completed goal is confirmed by the course or by the leader: a new assessment that day."""
        if any(e[_ON] == on for e in entries):
            return
        if activity in _LEADER_CONFIRMS and who.manager_name is not None and self.guarantees.course:
            source, assessor = AssessmentSource.LEADER, who.manager_name
        else:
            self.guarantees.course = True  # at least one level from a course, whatever the size
            source, assessor = AssessmentSource.COURSE, self.rng.choice(COURSE_PROVIDERS)
        position = bisect.bisect([e[_ON] for e in entries], on)
        entries.insert(position, (on, target, source, assessor, None))


def _below(req: Required, entries: list[_Entry]) -> bool:
    """Not assessed, or assessed below the required level."""
    if not entries:
        return True
    top = max(e[_LEVEL] for e in entries)
    return req.competence.levels[top].percent < req.level.percent


def _target(comp: CompetenceRef, required: Level, entries: list[_Entry]) -> int:
    """Index of the level a goal aims at: the required one, or one above what the person holds."""
    wanted = comp.levels.index(required)
    if not entries:
        return wanted
    held = max(e[_LEVEL] for e in entries)
    return wanted if held < wanted else min(held + 1, len(comp.levels) - 1)
