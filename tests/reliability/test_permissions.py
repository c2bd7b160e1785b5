"""The database (with the WAL and shared-memory files SQLite makes itself), backups,
logs and exports are readable by their owner only (0600); the app's folders are 0700. Checked under a
permissive umask, so nothing relies on the user's settings."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from competence import employees, logs
from competence.audit import list_events
from competence.backups import backup_if_due, restore_backup, take_backup
from competence.privacy.auditlog import export_audit_log
from competence.privacy.innsyn import export_person
from competence.uow import UnitOfWork
from db import migrate
from db.engine import backup_dir_for, data_dir, log_dir
from db.session import open_database
from tests.support.modes import mode, permissive_umask  # noqa: F401 (an autouse fixture)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows uses the profile's ACL")


def test_data_folders_are_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPETANSE_DATA_DIR", str(tmp_path / "ny" / "Kompetanseregister"))
    assert mode(data_dir()) == 0o700
    assert mode(log_dir()) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    monkeypatch.setenv("KOMPETANSE_DATA_DIR", str(loose))
    assert mode(data_dir()) == 0o700  # an existing folder of the app's is tightened


def test_database_wal_and_shm_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    database = open_database(f"sqlite:///{path}")
    try:
        employees.create_employee(UnitOfWork(database, "hr"), 1, "Åse", "Ødegård")
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()  # made by SQLite itself, not by us
        assert {p.name: mode(p) for p in (path, wal, shm)} == {p.name: 0o600 for p in (path, wal, shm)}
        assert mode(backup_dir_for(database.url)) == 0o700
    finally:
        database.dispose()


def test_every_kind_of_backup_is_owner_only(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'register.db'}"
    database = open_database(url)
    uow = UnitOfWork(database, "hr")
    employees.create_employee(uow, 1, "Åse", "Ødegård")
    manual = take_backup(database, tmp_path / "manual.db")
    scheduled = backup_if_due(database, interval_hours=24, keep=3)
    restore_backup(database, manual)
    folder = backup_dir_for(url)
    safety = next(folder.glob("before-restore-*.db"))
    migrate.downgrade(database.engine, "base")
    database.dispose()
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE keep (x INTEGER)"))
    engine.dispose()
    migrated = open_database(url)
    assert migrated.migration is not None and migrated.migration.backup is not None
    files = [manual, scheduled, safety, migrated.migration.backup]
    migrated.dispose()
    assert all(p is not None for p in files)
    assert {p.name: mode(p) for p in files if p} == {p.name: 0o600 for p in files if p}
    assert mode(folder) == 0o700


def test_logs_stay_owner_only_through_rotation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "logs" / "kompetanseregister.log"
    path.parent.mkdir()
    handler = logs.PrivateRotatingFileHandler(path, maxBytes=2_000, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(200):
            logger.warning("linje %d %s", i, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(path.parent.iterdir())
    assert [p.name for p in files] == [path.name, f"{path.name}.1", f"{path.name}.2"]
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_app_log_file_is_owner_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "_configured", None)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = logs.configure_logging()
        logging.getLogger("kompetanseregister").info("start")
        assert mode(path) == 0o600 and mode(path.parent) == 0o700
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_exports_with_personal_data_are_owner_only(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'register.db'}")
    try:
        uow = UnitOfWork(database, "hr")
        employees.create_employee(uow, 4711, "Åse", "Ødegård")
        innsyn = export_person(uow, "4711", tmp_path / "innsyn.json", as_pdf=False).path
        readable = export_person(uow, "4711", tmp_path / "innsyn.pdf", as_pdf=True).path
        csv_log = export_audit_log(uow, list_events(uow), tmp_path / "logg.csv")
        json_log = export_audit_log(uow, list_events(uow), tmp_path / "logg.json")
        assert [mode(p) for p in (innsyn, readable, csv_log, json_log)] == [0o600] * 4
    finally:
        database.dispose()


def test_every_excel_and_pdf_export_is_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Matrices, reports, templates and plans name people and their gaps: 0600 like the database."""
    from competence.export.excel.gap_report import export_gap_report
    from competence.export.excel.matrix import export_matrix
    from competence.export.excel.template import export_template
    from competence.export.pdf.batch import export_plans
    from competence.export.pdf.plan import export_plan
    from competence.export.pdf.unit_plan import export_unit_plan
    from tests.support.registers import TODAY, build_register

    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    database = open_database(f"sqlite:///{tmp_path / 'register.db'}")
    try:
        uow = UnitOfWork(database, "leder")
        build_register(uow)
        written = [
            export_matrix(uow, tmp_path / "matrise.xlsx").path,
            export_gap_report(uow, tmp_path / "avvik.xlsx").path,
            export_template(uow, tmp_path / "mal.xlsx", unit_number="1").path,
            export_plan(uow, "1", tmp_path / "plan.pdf").path,
            export_unit_plan(uow, "1", tmp_path / "enhet.pdf").path,
        ]
        batch = export_plans(uow, "1", tmp_path / "planer", combined=tmp_path / "alle.pdf", workers=1)
        written += [tmp_path / "alle.pdf", *(tmp_path / "planer").iterdir()]
        assert batch.files, "the batch wrote no plans"
        assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
        assert not list(tmp_path.glob(".*.part")), "a temporary file was left behind"
    finally:
        database.dispose()


def _created_modes(top: Path, leaf: Path) -> dict[str, int]:
    """The mode of ``leaf`` and of every folder between ``top`` (exclusive) and it."""
    modes = {}
    for folder in [leaf, *leaf.parents]:
        if folder == top:
            break
        modes[str(folder.relative_to(top))] = mode(folder)
    return modes


def test_every_folder_the_program_creates_is_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not just the last folder of a path: the ones above it that did not exist either."""
    monkeypatch.setenv("KOMPETANSE_DATA_DIR", str(tmp_path / "home" / "data" / "Kompetanseregister"))
    data = data_dir()
    assert set(_created_modes(tmp_path, data).values()) == {0o700}
    monkeypatch.delenv("KOMPETANSE_DATA_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-home"))  # where platformdirs puts logs
    logs_folder = log_dir()
    assert (tmp_path / "state-home") in logs_folder.parents
    made = _created_modes(tmp_path, logs_folder)
    assert set(made.values()) == {0o700}, made
    database = open_database(f"sqlite:///{tmp_path / 'new' / 'folder' / 'register.db'}")
    try:
        assert _created_modes(tmp_path, tmp_path / "new" / "folder") == {"new/folder": 0o700, "new": 0o700}
    finally:
        database.dispose()


def test_a_new_folder_for_a_backup_or_an_export_is_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from competence.cli import main
    from competence.export.excel.matrix import export_matrix
    from competence.export.pdf.batch import export_plans
    from tests.support.registers import TODAY, build_register

    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    url = f"sqlite:///{tmp_path / 'register.db'}"
    database = open_database(url)
    try:
        uow = UnitOfWork(database, "leder")
        build_register(uow)
        backup = take_backup(database, tmp_path / "kopier" / "mars" / "kopi.db")
        matrix = export_matrix(uow, tmp_path / "eksport" / "excel" / "matrise.xlsx").path
        batch = export_plans(
            uow, "1", tmp_path / "planer" / "enhet1", combined=tmp_path / "samlet" / "alle.pdf", workers=1
        )
        someone = employees.list_employees(uow)[0].employee_no
        innsyn = export_person(uow, someone, tmp_path / "innsyn" / "p.json", as_pdf=False)
    finally:
        database.dispose()
    framework_file = tmp_path / "rammeverk" / "filer" / "test.json"
    assert main(["frameworks", "export", "test-fw", str(framework_file), "--db", url]) == 0
    made = {
        **_created_modes(tmp_path, backup.parent),
        **_created_modes(tmp_path, matrix.parent),
        **_created_modes(tmp_path, tmp_path / "planer" / "enhet1"),
        **_created_modes(tmp_path, tmp_path / "samlet"),
        **_created_modes(tmp_path, innsyn.path.parent),
        **_created_modes(tmp_path, framework_file.parent),
    }
    assert made == dict.fromkeys(made, 0o700), made
    files = [backup, matrix, *batch.files, tmp_path / "samlet" / "alle.pdf", innsyn.path, framework_file]
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
