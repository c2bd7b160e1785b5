"""Export and import of framework files against SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from competence import roles
from competence.errors import ConflictError
from competence.frameworks import ensure_builtin_frameworks
from competence.frameworks.builtin import BUILTIN_DIR
from competence.frameworks.editing import CompetenceInput, add_competence, copy_framework
from competence.frameworks.parse import MAX_FILE_BYTES, FrameworkFileError
from competence.frameworks.queries import framework_tree
from competence.frameworks.results import INSERTED, UNCHANGED, UPDATED
from competence.frameworks.transfer import export_framework, import_framework_file
from competence.uow import UnitOfWork
from db.models import AuditEvent, Competence, Framework, ImportRun, Scale
from db.session import open_database
from tests.frameworks.helpers import load_doc, save_doc


@pytest.fixture
def other_uow(tmp_path: Path) -> Any:
    """A second, separate register (SQLite) to import into."""
    db = open_database(f"sqlite:///{tmp_path / 'andre.db'}")
    try:
        yield UnitOfWork(db, actor="hr")
    finally:
        db.dispose()


def _counts(uow: UnitOfWork) -> tuple[int, ...]:
    with uow:
        s = uow.session
        return tuple(
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Framework, Competence, Scale, ImportRun, AuditEvent)
        )


def _strip_ids(tree: Any) -> Any:
    """The tree as plain data without database ids and lock versions, for comparing registers."""
    if isinstance(tree, tuple | list):
        return [_strip_ids(item) for item in tree]
    if hasattr(tree, "__dataclass_fields__"):
        skip = {"id", "version", "area_id", "scale_id", "parent_id", "default_scale_id", "copied_from_id"}
        return {k: _strip_ids(getattr(tree, k)) for k in tree.__dataclass_fields__ if k not in skip}
    return tree


def test_exporting_a_builtin_writes_the_shipped_file(uow: UnitOfWork, tmp_path: Path) -> None:
    ensure_builtin_frameworks(uow)
    for key in ("ostre-toten-agp", "digcomp-2.2", "lovpalagt-opplaering", "loten-ags-2019"):
        result = export_framework(uow, key, tmp_path / "ut" / f"{key}.json")
        shipped = (BUILTIN_DIR / f"{key}.json").read_text(encoding="utf-8")
        assert result.path.read_text(encoding="utf-8") == shipped, key
        with uow:
            event = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
            assert event is not None and event.action == "export" and event.details["key"] == key


def test_export_import_round_trip_between_registers(
    uow: UnitOfWork, other_uow: UnitOfWork, tmp_path: Path
) -> None:
    ensure_builtin_frameworks(uow)
    with uow:
        ot_id = uow.session.scalar(select(Framework.id).where(Framework.key == "ostre-toten-agp"))
    assert ot_id is not None
    copy = copy_framework(uow, ot_id, "Vår arbeidsgiverpolitikk", name_en="Our employer policy")
    area = framework_tree(uow, copy.id).areas[9]
    add_competence(
        uow, area.id, CompetenceInput("Kunstig intelligens i saksbehandling", code="§15.9", critical=True)
    )
    path = export_framework(uow, copy.key, tmp_path / "var.json").path

    ensure_builtin_frameworks(other_uow)
    result = import_framework_file(other_uow, path)
    assert result.action == INSERTED and len(result.added) == 37
    mine, theirs = framework_tree(uow, copy.key), framework_tree(other_uow, copy.key)
    assert _strip_ids(theirs.areas) == _strip_ids(mine.areas)
    assert _strip_ids(theirs.scales) == _strip_ids(mine.scales)
    assert not theirs.framework.builtin
    with other_uow:
        run = other_uow.session.scalars(select(ImportRun)).one()
        assert (run.kind, run.status, run.mode, run.counts["competences"]) == (
            "framework",
            "ok",
            "insert",
            37,
        )
        assert len(run.file_sha256) == 64
        assert other_uow.session.scalars(select(AuditEvent.action).where(AuditEvent.action == "import")).one()

    # The same file again changes nothing.
    assert import_framework_file(other_uow, path).action == UNCHANGED


def test_importing_a_newer_version_updates_in_place(uow: UnitOfWork, tmp_path: Path) -> None:
    doc = load_doc(BUILTIN_DIR / "digcomp-2.2.json")
    doc["key"] = "digcomp-lokal"
    doc["scales"][0]["key"] = "digcomp-lokal-8"
    doc["default_scale"] = "digcomp-lokal-8"
    path = tmp_path / "lokal.json"
    save_doc(path, doc)
    assert import_framework_file(uow, path).action == INSERTED
    with uow:
        ids = dict(
            uow.session.execute(
                select(Competence.key, Competence.id).join(Framework).where(Framework.key == "digcomp-lokal")
            ).all()
        )
    role = roles.create_role(uow, "Saksbehandler")
    roles.set_requirement(uow, role.id, ids["digcomp-5.4"], 4)

    first = doc["version"]
    doc["version"] = first + 1
    doc["areas"][4]["competences"].pop()  # 5.4 is in use: kept
    doc["areas"][0]["competences"][0]["name"] = "Søke etter informasjon"
    doc["scales"][0]["levels"][0]["name"] = "Enkelt, med hjelp"  # a private scale may change
    save_doc(path, doc)
    result = import_framework_file(uow, path)
    assert result.action == UPDATED and result.version_before == first
    assert result.kept == ("digcomp-5.4",) and result.changed == ("digcomp-1.1",)
    with uow:
        after = dict(
            uow.session.execute(
                select(Competence.key, Competence.id).join(Framework).where(Framework.key == "digcomp-lokal")
            ).all()
        )
    assert after == ids
    assert framework_tree(uow, "digcomp-lokal").scales[0].levels[0].name == "Enkelt, med hjelp"

    doc["areas"][0]["competences"][0]["name"] = "Noe annet"  # same version, other content
    save_doc(path, doc)
    with pytest.raises(ConflictError) as info:
        import_framework_file(uow, path)
    assert "Øk «version»" in info.value.message("nb")


def test_a_builtin_key_or_a_changed_builtin_scale_is_refused(uow: UnitOfWork, tmp_path: Path) -> None:
    ensure_builtin_frameworks(uow)
    before = _counts(uow)
    path = tmp_path / "ot.json"
    doc = load_doc(BUILTIN_DIR / "ostre-toten-agp.json")
    save_doc(path, doc)
    with pytest.raises(ConflictError) as info:
        import_framework_file(uow, path)
    assert "innebygd rammeverk" in info.value.message("nb") and "built-in" in info.value.message("en")

    doc["key"] = "ot-endret"
    doc["scales"][0]["levels"][0]["name"] = "Har hørt om"
    save_doc(path, doc)
    with pytest.raises(ConflictError) as info:
        import_framework_file(uow, path)
    assert "kommune-4" in info.value.message("nb") and "innebygd skala" in info.value.message("nb")
    assert _counts(uow) == before


def test_a_scale_key_taken_with_other_levels_is_refused(uow: UnitOfWork, tmp_path: Path) -> None:
    first = {
        "format": "kompetanseregister-framework",
        "format_version": 1,
        "key": "plan-a",
        "version": 1,
        "name": "Plan A",
        "default_scale": "egen",
        "scales": [
            {
                "key": "egen",
                "name": "Egen",
                "levels": [{"ordinal": 1, "name": "Lav"}, {"ordinal": 2, "name": "Høy"}],
            }
        ],
        "areas": [{"key": "x", "name": "X", "competences": [{"key": "x-1", "name": "En"}]}],
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    import_framework_file(uow, path)
    second = dict(first, key="plan-b", name="Plan B")
    second["scales"] = [
        dict(first["scales"][0], levels=[{"ordinal": 1, "name": "Lite"}, {"ordinal": 2, "name": "Mye"}])
    ]
    path.write_text(json.dumps(second), encoding="utf-8")
    before = _counts(uow)
    with pytest.raises(ConflictError) as info:
        import_framework_file(uow, path)
    assert "Skalaen «egen» finnes allerede" in info.value.message("nb")
    assert _counts(uow) == before
    second["scales"] = first["scales"]  # the same scale defined identically is fine
    path.write_text(json.dumps(second), encoding="utf-8")
    assert import_framework_file(uow, path).action == INSERTED


BAD_FILES = ["bad-json", "missing-fields", "unknown-scale", "duplicate-keys", "wrong-types", "oversized"]


def _bad(name: str) -> bytes:
    if name == "bad-json":
        return b'{"format": "kompetanseregister-framework", '
    if name == "missing-fields":
        return json.dumps({"format": "kompetanseregister-framework", "format_version": 1}).encode()
    if name == "oversized":
        return b" " * (MAX_FILE_BYTES + 10)
    doc = load_doc(BUILTIN_DIR / "loten-ags-2019.json")
    doc["key"] = "loten-lokal"
    if name == "unknown-scale":
        doc["areas"][0]["competences"][0]["scale"] = "femtrinn"
    elif name == "duplicate-keys":
        doc["areas"][1]["competences"][0]["key"] = "lo-1-1"
    elif name == "wrong-types":
        doc["areas"][0]["competences"][0]["critical"] = "ja"
    return json.dumps(doc).encode()


def test_malformed_files_are_refused_and_nothing_is_written(uow: UnitOfWork, tmp_path: Path) -> None:
    ensure_builtin_frameworks(uow)
    before = _counts(uow)
    for name in BAD_FILES:
        path = tmp_path / f"{name}.json"
        path.write_bytes(_bad(name))
        with pytest.raises(FrameworkFileError) as info:
            import_framework_file(uow, path)
        assert info.value.message("nb") and info.value.message("en") != info.value.message("nb"), name
        assert _counts(uow) == before, name
