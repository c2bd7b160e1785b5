"""What a competence says, in one table: the fields a framework file, the register and the editor share.

A competence travels through four shapes: a framework file (:class:`~competence.frameworks.spec
.CompetenceSpec`), a row of ``competence`` (:class:`db.models.Competence`), what the screens show
(:class:`~competence.frameworks.queries.CompetenceNode`) and what the editor sends
(:class:`~competence.frameworks.editing.CompetenceInput`). The first and third are built on
:class:`CompetenceContent`, and every copy between the shapes goes through :func:`content_of` and
:func:`fill_content`, so a new field is added here (and to the model, with a migration) and
nowhere else. :data:`COMPETENCE_TEXTS` says how long each text may be and what it is called in a
message; ``tests/frameworks/test_fields.py`` holds the table to the model's column lengths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class TextField:
    """A text of a competence: its field name, its words in a message, and its limits."""

    name: str
    label_nb: str
    label_en: str
    max_len: int
    multiline: bool = False
    required: bool = False


#: The texts of a competence.
COMPETENCE_TEXTS = (
    TextField("code", "Koden", "The code", 40),
    TextField("name", "Navnet på kompetansen", "The competence name", 300, required=True),
    TextField("name_en", "Det engelske navnet", "The English name", 300),
    TextField("description", "Beskrivelsen", "The description", 4000, multiline=True),
    TextField("description_en", "Den engelske beskrivelsen", "The English description", 4000, multiline=True),
    TextField("source_quote", "Sitatet", "The quote", 4000, multiline=True),
    TextField("source_ref", "Kildehenvisningen", "The source reference", 200),
)
TEXTS_BY_NAME = {text.name: text for text in COMPETENCE_TEXTS}


@dataclass(frozen=True, kw_only=True)
class CompetenceContent:
    """What a competence says, whatever shape it travels in (the order is the file's)."""

    code: str | None
    name: str
    name_en: str | None
    #: A :class:`db.codes.CompetenceKind`.
    kind: str
    critical: bool
    validity_months: int | None
    description: str | None
    description_en: str | None
    #: The words of the strategy the competence rests on, and where in it they stand.
    source_quote: str | None
    source_ref: str | None


#: The names of :class:`CompetenceContent`'s fields, in order.
COMPETENCE_FIELDS = tuple(f.name for f in fields(CompetenceContent))


def content_of(source: object) -> dict[str, Any]:
    """The content fields of ``source`` (a spec, a node, an input or a model row), by name."""
    values = {name: getattr(source, name) for name in COMPETENCE_FIELDS}
    values["critical"] = bool(values["critical"])
    return values


def fill_content(target: object, source: object | Mapping[str, Any]) -> None:
    """Set every content field of ``target`` (a model row) from ``source``."""
    values = source if isinstance(source, Mapping) else content_of(source)
    for name in COMPETENCE_FIELDS:
        setattr(target, name, values[name])
