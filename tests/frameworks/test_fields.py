"""The one field table of a competence (competence/frameworks/fields.py) holds for every shape."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import String

from competence.frameworks.editing import CompetenceInput
from competence.frameworks.fields import COMPETENCE_FIELDS, COMPETENCE_TEXTS, CompetenceContent
from competence.frameworks.queries import CompetenceNode
from competence.frameworks.spec import CompetenceSpec
from db.models import Competence


def test_the_views_are_built_on_the_content() -> None:
    for shape in (CompetenceSpec, CompetenceNode):
        assert issubclass(shape, CompetenceContent)
        assert [f.name for f in fields(shape)][: len(COMPETENCE_FIELDS)] == list(COMPETENCE_FIELDS)


def test_the_editor_and_the_model_carry_every_field() -> None:
    editable = {f.name for f in fields(CompetenceInput)}
    columns = set(Competence.__table__.c.keys())
    assert set(COMPETENCE_FIELDS) <= editable
    assert set(COMPETENCE_FIELDS) <= columns


def test_each_text_fits_its_column() -> None:
    assert {t.name for t in COMPETENCE_TEXTS} <= set(COMPETENCE_FIELDS)
    for text in COMPETENCE_TEXTS:
        column = Competence.__table__.c[text.name]
        if isinstance(column.type, String) and column.type.length is not None:
            assert text.max_len <= column.type.length, text.name
        assert text.required == (not column.nullable), text.name
