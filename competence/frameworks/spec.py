"""The content of a framework file, as plain frozen values (the file format of docs/frameworks.md).

A :class:`FrameworkSpec` is what :mod:`competence.frameworks.parse` makes of a file, what
:mod:`competence.frameworks.store` writes to and reads back from the database, and what
:mod:`competence.frameworks.document` turns into a file again. Two specs are equal exactly when
the frameworks they describe are the same, so "did anything change?" is a plain ``==``.

Normal form (so that equal content compares equal):

* every level carries its percentage (the default ordinal/top × 100 is filled in when parsing);
* a competence's ``scale`` is ``None`` when it is the framework's default scale;
* competences given as ``children`` in a file are flattened into their area, parent first, with
  ``parent`` set to the parent's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from competence.frameworks.fields import CompetenceContent

FORMAT_NAME = "kompetanseregister-framework"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SourceSpec:
    """Where the framework comes from: the document it rests on."""

    title: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    licence: str | None = None

    def text(self) -> str:
        """One readable line, e.g. for a PDF footer: "Title, Publisher (2022). URL"."""
        head = ", ".join(part for part in (self.title, self.publisher) if part)
        if self.date:
            head += f" ({self.date})"
        tail = " ".join(part for part in (self.url, self.licence) if part)
        return f"{head}. {tail}".strip() if tail else head


@dataclass(frozen=True)
class LevelSpec:
    ordinal: int
    name: str
    name_en: str | None
    band: str | None
    band_en: str | None
    description: str | None
    description_en: str | None
    percent: float


@dataclass(frozen=True)
class ScaleSpec:
    key: str
    name: str
    name_en: str | None
    levels: tuple[LevelSpec, ...]

    @property
    def top(self) -> int:
        return max(level.ordinal for level in self.levels)


@dataclass(frozen=True, kw_only=True)
class CompetenceSpec(CompetenceContent):
    """A competence of a framework file: its content, and its place by key."""

    key: str
    scale: str | None
    parent: str | None


@dataclass(frozen=True)
class AreaSpec:
    key: str
    code: str | None
    name: str
    name_en: str | None
    description: str | None
    competences: tuple[CompetenceSpec, ...]


@dataclass(frozen=True)
class FrameworkSpec:
    key: str
    version: int
    name: str
    name_en: str | None
    owner: str | None
    source: SourceSpec | None
    description: str | None
    scales: tuple[ScaleSpec, ...]
    default_scale: str
    areas: tuple[AreaSpec, ...]

    def scale(self, key: str | None) -> ScaleSpec:
        """The scale with ``key``; ``None`` means the default scale."""
        wanted = key or self.default_scale
        return next(s for s in self.scales if s.key == wanted)

    def competences(self) -> list[tuple[AreaSpec, CompetenceSpec]]:
        return [(area, comp) for area in self.areas for comp in area.competences]

    def competence_count(self) -> int:
        return sum(len(area.competences) for area in self.areas)
