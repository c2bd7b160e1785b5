"""Loading the built-in frameworks: insert, idempotence, in-place updates (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from competence import assessments, employees, roles
from competence.frameworks import builtin_specs, ensure_builtin_frameworks
from competence.frameworks.results import INSERTED, NEWER_KEPT, UNCHANGED, UPDATED
from competence.frameworks.store import read_spec
from competence.uow import UnitOfWork
from db.models import Area, AuditEvent, Competence, Framework, Requirement, Scale, ScaleLevel
from tests.frameworks.helpers import copy_builtin_dir, load_doc, save_doc


def _ids(uow: UnitOfWork, key: str) -> dict[str, int]:
    with uow:
        fw_id = uow.session.scalar(select(Framework.id).where(Framework.key == key))
        rows = uow.session.execute(
            select(Competence.key, Competence.id).where(Competence.framework_id == fw_id)
        )
        return {k: i for k, i in rows}


def _count(uow: UnitOfWork, model: Any) -> int:
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_first_load_inserts_every_builtin_framework(uow: UnitOfWork) -> None:
    results = ensure_builtin_frameworks(uow)
    assert {r.action for r in results} == {INSERTED}
    with uow:
        s = uow.session
        for spec in builtin_specs():
            fw = s.scalar(select(Framework).where(Framework.key == spec.key))
            assert fw is not None and fw.builtin and fw.data_version == spec.version
            assert read_spec(s, fw) == spec
        assert s.scalar(select(func.count()).select_from(Scale)) == 3  # kommune-4 shared by both strategies
    assert _count(uow, AuditEvent) == 4


def test_loading_twice_changes_nothing_and_costs_one_query(uow: UnitOfWork) -> None:
    ensure_builtin_frameworks(uow)
    before = {key: _ids(uow, key) for key in ("digcomp-2.2", "ostre-toten-agp")}
    events = _count(uow, AuditEvent)
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    engine = uow.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        results = ensure_builtin_frameworks(uow)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert {r.action for r in results} == {UNCHANGED}
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    assert not [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert {key: _ids(uow, key) for key in before} == before
    assert _count(uow, AuditEvent) == events


def _bump_ostre_toten(folder: Path) -> None:
    """Version 2: a renamed competence, one moved, one removed that is in use, one removed that is
    not, a new one, a new area, and a reworded scale level."""
    path = folder / "ostre-toten-agp.json"
    doc = load_doc(path)
    doc["version"] = 2
    areas = {a["key"]: a for a in doc["areas"]}
    s6, s7, s15 = areas["s6"]["competences"], areas["s7"]["competences"], areas["s15"]["competences"]
    s6[0]["name"] = "Tar ansvar for egen læring og utvikling"
    moved = s7.pop()  # ot-7-5 moves to §6
    s6.append(moved)
    s15[:] = [c for c in s15 if c["key"] not in ("ot-15-4", "ot-15-5")]  # 15-4 in use, 15-5 not
    s15.append(
        {
            "key": "ot-15-6",
            "name": "Kunstig intelligens i tjenestene",
            "name_en": "Artificial intelligence in the services",
            "source_quote": "Digital transformasjon er en av de sentrale drivkreftene",
            "source_ref": "Arbeidsgiverpolitikken §15",
        }
    )
    doc["areas"].append({"key": "s16", "code": "§16", "name": "Bærekraft", "competences": []})
    doc["scales"][0]["levels"][0]["name"] = "Kjenner til området"
    save_doc(path, doc)
    loten = load_doc(folder / "loten-ags-2019.json")  # the shared scale must stay identical
    loten["scales"] = doc["scales"]
    save_doc(folder / "loten-ags-2019.json", loten)


def test_a_version_bump_updates_in_place_keeping_ids_and_used_competences(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    folder = copy_builtin_dir(tmp_path / "v1")
    ensure_builtin_frameworks(uow, folder)
    ids = _ids(uow, "ostre-toten-agp")
    with uow:
        level_ids = dict(
            uow.session.execute(
                select(ScaleLevel.ordinal, ScaleLevel.id).join(Scale).where(Scale.key == "kommune-4")
            ).all()
        )
    role = roles.create_role(uow, "Avdelingsleder")
    roles.set_requirement(uow, role.id, ids["ot-15-4"], 3)
    roles.set_requirement(uow, role.id, ids["ot-7-5"], 2)
    emp = employees.create_employee(uow, "17", "Åse", "Ødegård")
    assessments.record_assessment(
        uow, assessments.NewAssessment(emp.id, ids["ot-6-1"], 2, assessed_on=dt.date(2024, 5, 1))
    )

    v2 = copy_builtin_dir(tmp_path / "v2")
    _bump_ostre_toten(v2)
    results = {r.key: r for r in ensure_builtin_frameworks(uow, v2)}
    ot = results["ostre-toten-agp"]
    assert ot.action == UPDATED and (ot.version_before, ot.version) == (1, 2)
    assert ot.added == ("ot-15-6",)
    assert set(ot.changed) == {"ot-6-1", "ot-7-5"}
    assert ot.removed == ("ot-15-5",)
    assert ot.kept == ("ot-15-4",)
    assert "ot-15-4" in ot.message("nb") and "Beholdt" in ot.message("nb")
    assert results["digcomp-2.2"].action == UNCHANGED

    after = _ids(uow, "ostre-toten-agp")
    assert {k: v for k, v in after.items() if k in ids} == {k: v for k, v in ids.items() if k != "ot-15-5"}
    assert "ot-15-5" not in after and "ot-15-6" in after
    with uow:
        s = uow.session
        fw = s.scalar(select(Framework).where(Framework.key == "ostre-toten-agp"))
        assert fw is not None and fw.data_version == 2
        assert s.get(Competence, ids["ot-6-1"]).name == "Tar ansvar for egen læring og utvikling"  # type: ignore[union-attr]
        moved = s.get(Competence, ids["ot-7-5"])
        assert moved is not None and s.get(Area, moved.area_id).key == "s6"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(Requirement)) == 2
        assert [a.key for a in fw.areas][-1] == "s16"
        new_levels = dict(
            s.execute(
                select(ScaleLevel.ordinal, ScaleLevel.id).join(Scale).where(Scale.key == "kommune-4")
            ).all()
        )
        assert new_levels == level_ids
        assert s.get(ScaleLevel, level_ids[1]).name == "Kjenner til området"  # type: ignore[union-attr]
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event is not None and event.details["change"] == "update-builtin"
    assert roles.requirements_of(uow, role.id)[0].competence_id in (ids["ot-15-4"], ids["ot-7-5"])

    # Loading version 2 again is a no-op; the old files (version 1) leave the newer register alone.
    assert {r.action for r in ensure_builtin_frameworks(uow, v2)} == {UNCHANGED}
    older = {r.key: r.action for r in ensure_builtin_frameworks(uow, folder)}
    assert older["ostre-toten-agp"] == NEWER_KEPT
    assert "ot-15-6" in _ids(uow, "ostre-toten-agp")


def test_an_imported_framework_with_a_builtin_key_is_left_alone(uow: UnitOfWork) -> None:
    with uow:
        s = uow.session
        scale = Scale(
            key="egen",
            name="Egen",
            levels=[
                ScaleLevel(ordinal=1, name="A", percent=50),
                ScaleLevel(ordinal=2, name="B", percent=100),
            ],
        )
        s.add(scale)
        s.flush()
        s.add(Framework(key="digcomp-2.2", name="Lokal DigComp", builtin=False, default_scale_id=scale.id))
        uow.commit()
    results = {r.key: r for r in ensure_builtin_frameworks(uow)}
    assert results["digcomp-2.2"].action == "skipped"
    assert "ikke er innebygd" in results["digcomp-2.2"].message("nb")
    with uow:
        assert (
            uow.session.scalar(select(Framework.name).where(Framework.key == "digcomp-2.2"))
            == "Lokal DigComp"
        )
