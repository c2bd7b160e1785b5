"""Read services for the UI and the exports: plain frozen dataclasses, never ORM objects.

* :func:`list_frameworks`: every framework with counts, for a picker or a list view.
* :func:`framework_tree`: one framework's areas → competences, with the scales they use.
* :func:`search_competences`: find competences by code, name, area or framework ("DigComp 4.2",
  "§15", "personvern") for filters and pickers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from competence.errors import NotFoundError
from competence.frameworks.document import source_from_column
from competence.frameworks.fields import CompetenceContent, content_of
from competence.frameworks.spec import LevelSpec, SourceSpec
from competence.frameworks.store import read_scale
from competence.uow import UnitOfWork
from db.models import Area, Competence, Framework, Scale


def coded_name(code: str | None, name: str, name_en: str | None, lang: str) -> str:
    """ "§13.1 Risikovurdering i arbeidsmiljøet": the code (when there is one) and the name."""
    shown = name_en if lang.startswith("en") and name_en else name
    return f"{code} {shown}" if code else shown


@dataclass(frozen=True)
class FrameworkSummary:
    id: int
    key: str
    name: str
    name_en: str | None
    owner: str | None
    description: str | None
    source: SourceSpec | None
    data_version: int
    builtin: bool
    copied_from_id: int | None
    default_scale_id: int | None
    area_count: int
    competence_count: int
    version: int

    @property
    def editable(self) -> bool:
        return not self.builtin

    def display_name(self, lang: str = "nb") -> str:
        return self.name_en if lang.startswith("en") and self.name_en else self.name


@dataclass(frozen=True)
class FrameworkLevel(LevelSpec):
    """A level as the file format has it, plus its database id (what assessments point at)."""

    id: int

    def label(self, lang: str = "nb") -> str:
        name = self.name_en if lang.startswith("en") and self.name_en else self.name
        return f"{self.ordinal} {name}"


@dataclass(frozen=True)
class ScaleView:
    id: int
    key: str
    name: str
    name_en: str | None
    levels: tuple[FrameworkLevel, ...]
    version: int


@dataclass(frozen=True, kw_only=True)
class CompetenceNode(CompetenceContent):
    """A competence of the register: its content, and its place by id."""

    id: int
    key: str
    scale_id: int
    parent_id: int | None
    area_id: int
    version: int

    def display_name(self, lang: str = "nb") -> str:
        return coded_name(self.code, self.name, self.name_en, lang)


@dataclass(frozen=True)
class AreaNode:
    id: int
    key: str
    code: str | None
    name: str
    name_en: str | None
    description: str | None
    competences: tuple[CompetenceNode, ...]
    version: int

    def display_name(self, lang: str = "nb") -> str:
        return coded_name(self.code, self.name, self.name_en, lang)


@dataclass(frozen=True)
class FrameworkTree:
    framework: FrameworkSummary
    scales: tuple[ScaleView, ...]
    areas: tuple[AreaNode, ...]

    def scale(self, scale_id: int) -> ScaleView:
        return next(s for s in self.scales if s.id == scale_id)

    def competences(self) -> list[CompetenceNode]:
        return [c for a in self.areas for c in a.competences]


@dataclass(frozen=True)
class CompetenceHit:
    id: int
    key: str
    code: str | None
    name: str
    name_en: str | None
    kind: str
    critical: bool
    area_id: int
    area_key: str
    area_code: str | None
    area_name: str
    framework_id: int
    framework_key: str
    framework_name: str

    def display_name(self, lang: str = "nb") -> str:
        return coded_name(self.code, self.name, self.name_en, lang)


# ------------------------------------------------------------------------------------------------


def find_framework(session: Session, key_or_id: str | int) -> Framework:
    """A framework by key, or by id (an int, or digits that are not some framework's key)."""
    framework: Framework | None = None
    if isinstance(key_or_id, str):
        framework = session.scalar(select(Framework).where(Framework.key == key_or_id.strip()))
        if framework is None and key_or_id.strip().isdigit():
            framework = session.get(Framework, int(key_or_id))
    else:
        framework = session.get(Framework, key_or_id)
    if framework is None:
        raise NotFoundError("rammeverket", "The framework", key_or_id)
    return framework


def _summaries(session: Session, *where: object) -> list[FrameworkSummary]:
    areas = select(Area.framework_id, func.count().label("n")).group_by(Area.framework_id).subquery()
    comps = (
        select(Competence.framework_id, func.count().label("n")).group_by(Competence.framework_id).subquery()
    )
    stmt = (
        select(Framework, func.coalesce(areas.c.n, 0), func.coalesce(comps.c.n, 0))
        .outerjoin(areas, areas.c.framework_id == Framework.id)
        .outerjoin(comps, comps.c.framework_id == Framework.id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Framework.builtin.desc(), Framework.name, Framework.id)
    )
    return [
        FrameworkSummary(
            id=fw.id,
            key=fw.key,
            name=fw.name,
            name_en=fw.name_en,
            owner=fw.owner,
            description=fw.description,
            source=source_from_column(fw.source),
            data_version=fw.data_version,
            builtin=bool(fw.builtin),
            copied_from_id=fw.copied_from_id,
            default_scale_id=fw.default_scale_id,
            area_count=int(n_areas),
            competence_count=int(n_comps),
            version=fw.version,
        )
        for fw, n_areas, n_comps in session.execute(stmt)
    ]


def list_frameworks(uow: UnitOfWork) -> list[FrameworkSummary]:
    """Built-in frameworks first, then the register's own, by name."""
    with uow:
        return _summaries(uow.session)


def framework_summary(session: Session, framework_id: int) -> FrameworkSummary:
    found = _summaries(session, Framework.id == framework_id)
    if not found:
        raise NotFoundError("rammeverket", "The framework", framework_id)
    return found[0]


def framework_tree(uow: UnitOfWork, key_or_id: str | int) -> FrameworkTree:
    with uow:
        return tree_of(uow.session, find_framework(uow.session, key_or_id).id)


def tree_of(session: Session, framework_id: int) -> FrameworkTree:
    summary = framework_summary(session, framework_id)
    comps = [
        competence_node(c)
        for c in session.scalars(
            select(Competence)
            .where(Competence.framework_id == framework_id)
            .order_by(Competence.sort_order, Competence.id)
        )
    ]
    areas = tuple(
        area_node(area, [c for c in comps if c.area_id == area.id])
        for area in session.scalars(
            select(Area).where(Area.framework_id == framework_id).order_by(Area.sort_order, Area.id)
        )
    )
    scale_ids = {c.scale_id for c in comps}
    if summary.default_scale_id is not None:
        scale_ids.add(summary.default_scale_id)
    scales = tuple(
        scale_view(scale)
        for scale in session.scalars(select(Scale).where(Scale.id.in_(scale_ids)).order_by(Scale.key))
    )
    return FrameworkTree(summary, scales, areas)


def competence_node(c: Competence) -> CompetenceNode:
    return CompetenceNode(
        id=c.id,
        key=c.key,
        **content_of(c),
        scale_id=c.scale_id,
        parent_id=c.parent_id,
        area_id=c.area_id,
        version=c.version,
    )


def area_node(area: Area, competences: list[CompetenceNode]) -> AreaNode:
    return AreaNode(
        id=area.id,
        key=area.key,
        code=area.code,
        name=area.name,
        name_en=area.name_en,
        description=area.description,
        competences=tuple(competences),
        version=area.version,
    )


def scale_view(scale: Scale) -> ScaleView:
    ids = {level.ordinal: level.id for level in scale.levels}
    return ScaleView(
        id=scale.id,
        key=scale.key,
        name=scale.name,
        name_en=scale.name_en,
        levels=tuple(
            FrameworkLevel(**dataclasses.asdict(level), id=ids[level.ordinal])
            for level in read_scale(scale).levels
        ),
        version=scale.version,
    )


# ------------------------------------------------------------------------------------------------
# Search
# ------------------------------------------------------------------------------------------------


def search_competences(
    uow: UnitOfWork,
    text: str,
    *,
    framework: str | int | None = None,
    kind: str | None = None,
    limit: int = 50,
) -> list[CompetenceHit]:
    """Competences matching every word of ``text`` in their code, key, name (either language),
    area or framework, best first: an exact code match, then a name starting with the text.

    Matching happens in Python with Unicode case folding (SQLite's ``lower()`` leaves æøå alone);
    a register holds a few hundred to a few thousand competences, one light query.
    """
    words = [w.casefold() for w in text.split()]
    with uow:
        s = uow.session
        stmt = (
            select(
                Competence.id,
                Competence.key,
                Competence.code,
                Competence.name,
                Competence.name_en,
                Competence.kind,
                Competence.critical,
                Area.id,
                Area.key,
                Area.code,
                Area.name,
                Area.name_en,
                Framework.id,
                Framework.key,
                Framework.name,
                Framework.name_en,
                Framework.builtin,
                Area.sort_order,
                Competence.sort_order,
            )
            .join(Area, Area.id == Competence.area_id)
            .join(Framework, Framework.id == Competence.framework_id)
        )
        if framework is not None:
            stmt = stmt.where(Competence.framework_id == find_framework(s, framework).id)
        if kind is not None:
            stmt = stmt.where(Competence.kind == kind)
        rows = list(s.execute(stmt))
    scored: list[tuple[tuple[object, ...], CompetenceHit]] = []
    for row in rows:
        cid, key, code, name, name_en, ckind, critical, aid, akey, acode, aname, aname_en, *rest = row
        fid, fkey, fname, fname_en, builtin, a_order, c_order = rest
        fields = [key, code, name, name_en, akey, acode, aname, aname_en, fkey, fname, fname_en]
        haystack = " ".join(f.casefold() for f in fields if f)
        if not all(word in haystack for word in words):
            continue
        code_hit = code is not None and code.casefold() in words
        name_hit = name.casefold().startswith(text.strip().casefold()) if text.strip() else False
        rank = (not code_hit, not name_hit, not builtin, fname, a_order, c_order, cid)
        hit = CompetenceHit(
            cid, key, code, name, name_en, ckind, bool(critical), aid, akey, acode, aname, fid, fkey, fname
        )
        scored.append((rank, hit))
    scored.sort(key=lambda item: item[0])
    return [hit for _, hit in scored[:limit]]


def find_competence(uow: UnitOfWork, framework_key: str, competence_key: str) -> CompetenceHit:
    """One competence by its stable keys, e.g. ``("lovpalagt-opplaering", "hms-leder")``."""
    with uow:
        row = uow.session.execute(
            select(Competence, Area, Framework)
            .join(Area, Area.id == Competence.area_id)
            .join(Framework, Framework.id == Competence.framework_id)
            .where(Framework.key == framework_key, Competence.key == competence_key)
        ).first()
        if row is None:
            raise NotFoundError("kompetansen", "The competence", f"{framework_key}/{competence_key}")
        c, a, f = row
        return CompetenceHit(
            c.id,
            c.key,
            c.code,
            c.name,
            c.name_en,
            c.kind,
            bool(c.critical),
            a.id,
            a.key,
            a.code,
            a.name,
            f.id,
            f.key,
            f.name,
        )
