"""Copies of frameworks and the edits made to them; built-ins stay read-only (both backends)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from competence import roles
from competence.errors import ConcurrentEditError, ConflictError, ValidationError
from competence.frameworks import ensure_builtin_frameworks
from competence.frameworks.builtin import BUILTIN_DIR
from competence.frameworks.editing import (
    AreaInput,
    CompetenceInput,
    LevelText,
    ReadOnlyFrameworkError,
    add_area,
    add_competence,
    copy_framework,
    delete_framework,
    remove_area,
    remove_competence,
    update_area,
    update_competence,
    update_framework,
    update_scale,
)
from competence.frameworks.queries import FrameworkTree, framework_tree, list_frameworks
from competence.uow import UnitOfWork
from db.models import AuditEvent, Framework, Scale


def _tree(uow: UnitOfWork, key: str) -> FrameworkTree:
    return framework_tree(uow, key)


@pytest.fixture
def loaded(uow: UnitOfWork) -> UnitOfWork:
    ensure_builtin_frameworks(uow)
    return uow


def test_copy_is_editable_with_its_own_scales(loaded: UnitOfWork) -> None:
    uow = loaded
    original = _tree(uow, "ostre-toten-agp")
    copy = copy_framework(uow, original.framework.id, "Østre Toten – vår utgave")
    assert copy.key == "ostre-toten-var-utgave"
    assert (copy.builtin, copy.copied_from_id, copy.data_version) == (False, original.framework.id, 1)
    assert (copy.area_count, copy.competence_count) == (10, 36)
    tree = _tree(uow, copy.key)
    assert [c.key for c in tree.competences()] == [c.key for c in original.competences()]
    assert [s.key for s in tree.scales] == ["ostre-toten-var-utgave-kommune-4"]
    assert [lv.percent for lv in tree.scales[0].levels] == [lv.percent for lv in original.scales[0].levels]
    assert {c.id for c in tree.competences()}.isdisjoint({c.id for c in original.competences()})
    again = copy_framework(uow, original.framework.id, "Østre Toten – vår utgave 2")
    assert again.key == "ostre-toten-var-utgave-2"
    with pytest.raises(ConflictError):
        copy_framework(uow, original.framework.id, "østre toten – VÅR utgave")
    with uow:
        changes = list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "framework")))
        assert [e.details["change"] for e in changes][-2:] == ["copy", "copy"]


def test_editing_a_copy(loaded: UnitOfWork) -> None:
    uow = loaded
    digcomp = _tree(uow, "digcomp-2.2")
    copy = copy_framework(uow, digcomp.framework.id, "DigComp for Toten")
    renamed = update_framework(
        uow, copy.id, expected_version=copy.version, name="DigComp i Toten", owner="Østre Toten kommune"
    )
    assert renamed.name == "DigComp i Toten" and renamed.data_version == 2 and renamed.version > copy.version

    area = add_area(
        uow, copy.id, AreaInput("Kunstig intelligens", code="6", name_en="Artificial intelligence")
    )
    assert area.key == "6"
    comp = add_competence(
        uow,
        area.id,
        CompetenceInput("Bruke KI-verktøy trygt", code="6.1", name_en="Using AI tools safely", critical=True),
    )
    assert comp.key == "digcomp-for-toten-6.1" and comp.critical
    child = add_competence(uow, area.id, CompetenceInput("Skrive gode ledetekster", parent_id=comp.id))
    assert child.parent_id == comp.id

    first_area = _tree(uow, copy.key).areas[0]
    moved = update_competence(
        uow,
        comp.id,
        expected_version=comp.version,
        data=CompetenceInput("Bruke KI-verktøy trygt og kritisk", code="6.1", critical=True),
        area_id=first_area.id,
    )
    assert moved.area_id == first_area.id and moved.version == comp.version + 1
    with pytest.raises(ConcurrentEditError):
        update_competence(uow, comp.id, expected_version=comp.version, data=CompetenceInput("Gammel kopi"))
    updated_area = update_area(uow, area.id, expected_version=area.version, data=AreaInput("KI", code="6"))
    assert updated_area.name == "KI"

    remove_competence(uow, child.id, expected_version=child.version)
    tree = _tree(uow, copy.key)
    assert tree.areas[0].competences[-1].name == "Bruke KI-verktøy trygt og kritisk"
    assert tree.framework.data_version > renamed.data_version
    remove_area(uow, updated_area.id, expected_version=updated_area.version)
    assert [a.key for a in _tree(uow, copy.key).areas] == ["1", "2", "3", "4", "5"]

    scale = _tree(uow, copy.key).scales[0]
    texts = [
        LevelText(lv.ordinal, f"Trinn {lv.ordinal}", lv.name_en, lv.band, lv.band_en) for lv in scale.levels
    ]
    edited = update_scale(
        uow, scale.id, expected_version=scale.version, name="Våre nivåer", name_en=None, levels=texts
    )
    assert [lv.name for lv in edited.levels][:2] == ["Trinn 1", "Trinn 2"]
    assert [lv.percent for lv in edited.levels] == [lv.percent for lv in scale.levels]
    assert edited.version == scale.version + 1
    with pytest.raises(ConcurrentEditError):
        update_scale(uow, scale.id, expected_version=scale.version, name="X", name_en=None, levels=texts)
    with pytest.raises(ValidationError):
        update_scale(uow, scale.id, expected_version=edited.version, name="X", name_en=None, levels=texts[:3])
    assert _tree(uow, "digcomp-2.2").scales[0].levels[0].name == "Enkle oppgaver med veiledning"


def test_validation_of_edits(loaded: UnitOfWork) -> None:
    uow = loaded
    copy = copy_framework(uow, _tree(uow, "lovpalagt-opplaering").framework.id, "Våre kurs")
    area = _tree(uow, copy.key).areas[0]
    with pytest.raises(ValidationError) as info:
        add_competence(uow, area.id, CompetenceInput("  "))
    assert info.value.message("nb") == "Navnet på kompetansen må fylles ut."
    with pytest.raises(ConflictError) as conflict:
        add_competence(uow, area.id, CompetenceInput("Ny", code="aml § 3-5"))
    assert "brukes allerede av «HMS-opplæring for ledere»" in conflict.value.message("nb")
    with pytest.raises(ValidationError):
        add_competence(uow, area.id, CompetenceInput("Ny", kind="kurs"))
    with pytest.raises(ValidationError):
        add_competence(uow, area.id, CompetenceInput("Ny", validity_months=0))
    with pytest.raises(ValidationError):
        add_competence(uow, area.id, CompetenceInput("Ny", key="ugyldig nøkkel"))
    with pytest.raises(ConflictError):
        add_competence(uow, area.id, CompetenceInput("Ny", key="hms-leder"))
    comp = area.competences[0]
    with pytest.raises(ValidationError) as info:
        update_competence(
            uow, comp.id, expected_version=comp.version, data=CompetenceInput(comp.name, parent_id=comp.id)
        )
    assert "under seg selv" in info.value.message("nb")


def test_what_is_in_use_is_not_removed_or_rescaled(loaded: UnitOfWork) -> None:
    uow = loaded
    copy = copy_framework(uow, _tree(uow, "ostre-toten-agp").framework.id, "Kopi")
    tree = _tree(uow, copy.key)
    area = tree.areas[7]  # §13 HMS
    used = area.competences[0]
    role = roles.create_role(uow, "Verneombud")
    roles.set_requirement(uow, role.id, used.id, 3)
    with pytest.raises(ConflictError) as info:
        remove_competence(uow, used.id, expected_version=used.version)
    assert "i bruk" in info.value.message("nb") and "in use" in info.value.message("en")
    with pytest.raises(ConflictError):
        remove_area(uow, area.id, expected_version=area.version)
    with uow:
        other_scale = uow.session.scalar(select(Scale.id).where(Scale.key == "digcomp-8"))
    with pytest.raises(ConflictError):
        update_competence(
            uow, used.id, expected_version=used.version, data=CompetenceInput(used.name, scale_id=other_scale)
        )
    with pytest.raises(ConflictError):
        delete_framework(uow, copy.id, expected_version=copy.version)
    roles.remove_requirement(uow, role.id, used.id)
    current = _tree(uow, copy.key).framework
    delete_framework(uow, copy.id, expected_version=current.version)
    assert copy.key not in {f.key for f in list_frameworks(uow)}
    with uow:
        assert uow.session.scalar(select(Scale.id).where(Scale.key == "kopi-kommune-4")) is None
        assert uow.session.scalar(select(Scale.id).where(Scale.key == "kommune-4")) is not None


def _file_version(key: str) -> int:
    doc = json.loads((BUILTIN_DIR / f"{key}.json").read_text(encoding="utf-8"))
    return int(doc["version"])


EDITS: list[tuple[str, Callable[[UnitOfWork, FrameworkTree], Any]]] = [
    (
        "update_framework",
        lambda u, t: update_framework(u, t.framework.id, expected_version=None, name="Nytt"),
    ),
    ("delete_framework", lambda u, t: delete_framework(u, t.framework.id, expected_version=None)),
    ("add_area", lambda u, t: add_area(u, t.framework.id, AreaInput("Nytt område"))),
    ("update_area", lambda u, t: update_area(u, t.areas[0].id, expected_version=None, data=AreaInput("X"))),
    ("remove_area", lambda u, t: remove_area(u, t.areas[0].id, expected_version=None)),
    ("add_competence", lambda u, t: add_competence(u, t.areas[0].id, CompetenceInput("Ny"))),
    (
        "update_competence",
        lambda u, t: update_competence(
            u, t.competences()[0].id, expected_version=None, data=CompetenceInput("X")
        ),
    ),
    ("remove_competence", lambda u, t: remove_competence(u, t.competences()[0].id, expected_version=None)),
    (
        "update_scale",
        lambda u, t: update_scale(
            u,
            t.scales[0].id,
            expected_version=None,
            name="X",
            name_en=None,
            levels=[LevelText(lv.ordinal, "X") for lv in t.scales[0].levels],
        ),
    ),
]


def test_builtin_frameworks_are_read_only(loaded: UnitOfWork) -> None:
    """Every editing service refuses a built-in framework (one database for all of them)."""
    uow = loaded
    tree = _tree(uow, "digcomp-2.2")
    for name, edit in EDITS:
        with pytest.raises(ReadOnlyFrameworkError) as info:
            edit(uow, tree)
        assert "innebygd rammeverk og kan ikke endres" in info.value.message("nb"), name
        assert "built-in framework and cannot be changed" in info.value.message("en"), name
    assert _tree(uow, "digcomp-2.2") == tree
    with uow:
        fw = uow.session.scalar(select(Framework).where(Framework.key == "digcomp-2.2"))
        # the version of the built-in file, unchanged by the refused edits
        assert fw is not None and fw.data_version == _file_version("digcomp-2.2")
