"""Read-only lookups behind the desktop app's filters and pickers, and the command line's search.

"Who has DigComp 4.2 at level 5 or more?" is :func:`employees_at_level`: one indexed query over
the current assessments (``is_current``), returning ids the employee list filters on in memory.
The employee search (:func:`search_key`, :func:`search_tokens`) is the same for the list in the
app and ``kompetanse employees --search``: every typed word must occur in one of the fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from competence.clock import today
from competence.employees import EmployeeRow, list_employees
from competence.language import pick_name
from competence.scales import LevelView, levels_of_scale
from competence.uow import UnitOfWork
from db.models import Area, Assessment, Certificate, Competence, Employee, Framework, ScaleLevel


@dataclass(frozen=True)
class CompetenceOption:
    """A competence as a filter or picker shows it, with the levels of its scale."""

    id: int
    code: str | None
    name: str
    name_en: str | None
    kind: str
    critical: bool
    framework_name: str
    area_id: int
    area_name: str
    levels: tuple[LevelView, ...]
    framework_name_en: str | None = None
    area_name_en: str | None = None

    def label(self, lang: str = "nb") -> str:
        name = pick_name(lang, self.name, self.name_en)
        return f"{self.code} {name}" if self.code else name

    def framework_display(self, lang: str) -> str:
        return pick_name(lang, self.framework_name, self.framework_name_en)

    def area_display(self, lang: str) -> str:
        return pick_name(lang, self.area_name, self.area_name_en)

    @property
    def search_text(self) -> str:
        """What a typed filter matches: code, names, framework and area in both languages."""
        parts = (
            self.code,
            self.name,
            self.name_en,
            self.framework_name,
            self.framework_name_en,
            self.area_name,
            self.area_name_en,
        )
        return " ".join(p for p in parts if p).casefold()


def competence_options(uow: UnitOfWork, *, kind: str | None = None) -> list[CompetenceOption]:
    """Every competence, by framework, area and order, with its scale's levels (two queries)."""
    with uow:
        return competence_option_rows(uow.session, kind=kind)


def competence_option_rows(s: Session, *, kind: str | None = None) -> list[CompetenceOption]:
    """:func:`competence_options` as a session-level query."""
    stmt = (
        select(Competence, Framework.name, Area.name, Framework.name_en, Area.name_en)
        .join(Framework, Framework.id == Competence.framework_id)
        .join(Area, Area.id == Competence.area_id)
        .order_by(Framework.name, Area.sort_order, Area.id, Competence.sort_order, Competence.id)
    )
    if kind is not None:
        stmt = stmt.where(Competence.kind == kind)
    rows = s.execute(stmt).all()
    scale_ids = sorted({row[0].scale_id for row in rows})
    levels: dict[int, list[LevelView]] = {sid: [] for sid in scale_ids}
    if scale_ids:
        level_stmt = select(ScaleLevel).where(ScaleLevel.scale_id.in_(scale_ids)).order_by(ScaleLevel.ordinal)
        for lv in s.scalars(level_stmt):
            levels[lv.scale_id].append(
                LevelView(lv.id, lv.ordinal, lv.name, lv.name_en, lv.band, lv.percent, lv.description)
            )
    return [
        CompetenceOption(
            c.id,
            c.code,
            c.name,
            c.name_en,
            c.kind,
            c.critical,
            fw_name,
            c.area_id,
            area_name,
            tuple(levels.get(c.scale_id, ())),
            fw_name_en,
            area_name_en,
        )
        for c, fw_name, area_name, fw_name_en, area_name_en in rows
    ]


def competence_levels(uow: UnitOfWork, competence_id: int) -> list[LevelView]:
    """The levels of one competence's scale, lowest first (for the level picker)."""
    with uow:
        s = uow.session
        scale_id = s.scalar(select(Competence.scale_id).where(Competence.id == competence_id))
        return levels_of_scale(s, scale_id) if scale_id is not None else []


def employees_at_level(uow: UnitOfWork, competence_id: int, min_level: int) -> frozenset[int]:
    """Ids of the people whose current level of the competence is ``min_level`` or higher.

    For a certificate-type competence, the people holding a certificate for it that has not
    expired (``min_level`` 0 then means everyone, as for any scale's bottom level).
    """
    with uow:
        s = uow.session
        kind = s.scalar(select(Competence.kind).where(Competence.id == competence_id))
        if kind is None:
            return frozenset()
        if kind == "certificate":
            if min_level <= 0:
                return frozenset(s.scalars(select(Employee.id)))
            cert_stmt = select(Certificate.employee_id).where(
                Certificate.competence_id == competence_id,
                or_(Certificate.valid_until.is_(None), Certificate.valid_until >= today()),
            )
            return frozenset(s.scalars(cert_stmt))
        stmt = (
            select(Assessment.employee_id)
            .join(ScaleLevel, ScaleLevel.id == Assessment.level_id)
            .where(
                Assessment.competence_id == competence_id,
                Assessment.is_current,
                ScaleLevel.ordinal >= min_level,
            )
        )
        return frozenset(s.scalars(stmt))


def count_employees(uow: UnitOfWork, *, include_left: bool = True) -> int:
    """How many people the register holds (the first-start check asks whether it is empty)."""
    with uow:
        stmt = select(func.count()).select_from(Employee)
        if not include_left:
            stmt = stmt.where(Employee.left_on.is_(None))
        return int(uow.session.scalar(stmt) or 0)


def search_key(row: EmployeeRow) -> str:
    """What the employee search matches, one field per line so a word never spans two fields. Every
    typed word must occur somewhere, so "åse ødegård" and "ødegård åse" both find her."""
    parts = (
        row.employee_no,
        row.first_name,
        row.last_name,
        row.email or "",
        row.units,
        row.titles,
        row.roles,
    )
    return "\n".join(parts).casefold()


def search_tokens(text: str) -> tuple[str, ...]:
    """The words of a search, case-folded; each must occur in :func:`search_key`."""
    return tuple(text.casefold().split())


def matches(key: str, tokens: Sequence[str]) -> bool:
    return all(token in key for token in tokens)


def find_employees(
    uow: UnitOfWork,
    text: str = "",
    *,
    unit_id: int | None = None,
    subunits: bool = True,
    include_left: bool = False,
) -> list[EmployeeRow]:
    """The employee list (of a unit and, with ``subunits``, the units below it, if given), narrowed to
    those matching ``text``, sorted by name as the app's list is."""
    rows = list_employees(uow, include_left=include_left, unit_id=unit_id, subunits=subunits)
    tokens = search_tokens(text)
    return [row for row in rows if matches(search_key(row), tokens)] if tokens else rows
