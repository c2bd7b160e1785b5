"""A damaged register at start-up: the dialog names the newest backup, restores it on request and the
app opens the restored register; the damaged file is moved aside, never written to."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from competence import audit
from competence.backups import take_backup
from competence.employees import create_employee, list_employees
from competence.uow import UnitOfWork
from db.session import open_database
from tests.ui.support import message_boxes, wait_idle
from ui.app import Startup
from ui.privacy.damaged import DamagedDatabaseDialog


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_register(folder: Path, *, backups: bool = True) -> tuple[str, list[Path]]:
    """A register with an older and a newer backup (one and two people), then its file truncated."""
    path = folder / "register.db"
    url = f"sqlite:///{path}"
    database = open_database(url)
    uow = UnitOfWork(database, actor="hr")
    taken: list[Path] = []
    create_employee(uow, 1001, "Åse", "Ødegård")
    if backups:
        older = take_backup(database, actor="hr")
        os.utime(older, (time.time() - 3600, time.time() - 3600))  # an hour older
        taken.append(older)
    create_employee(uow, 1002, "Bjørn", "Sæther")
    if backups:
        taken.append(take_backup(database, actor="hr"))
    create_employee(uow, 1003, "Kari", "Andersen")  # after the last backup: lost with the file
    database.dispose()
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    return url, taken


def dialog_of(startup: Startup, qtbot: QtBot) -> DamagedDatabaseDialog:
    qtbot.waitUntil(lambda: startup.damaged_dialog is not None, timeout=10_000)
    dialog = startup.damaged_dialog
    assert isinstance(dialog, DamagedDatabaseDialog) and dialog.isVisible()
    assert startup.splash is None
    return dialog


def test_a_damaged_register_is_restored_from_the_newest_backup_and_opened(
    startup: Startup, tmp_path: Path, qtbot: QtBot
) -> None:
    url, (older, newer) = damaged_register(tmp_path)
    damaged = tmp_path / "register.db"
    before = digest(damaged)
    startup.start(url)
    dialog = dialog_of(startup, qtbot)
    assert newer.name in dialog.message.text() and older.name not in dialog.message.text()
    assert "Ingenting er skrevet til den" in dialog.message.text()
    assert dialog.restore_button.isVisible()
    assert digest(damaged) == before

    dialog.restore_button.click()
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=10_000)
    ctx = startup.ctx
    assert ctx is not None and ctx.database.url == url
    wait_idle(qtbot, ctx)
    assert sorted(r.employee_no for r in list_employees(ctx.uow())) == ["1001", "1002"]  # the newest
    moved = [p for p in tmp_path.glob("register.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1
    assert digest(moved[0]) == before  # moved aside exactly as it was
    restores = audit.list_events(ctx.uow(), action="restore")
    assert [(e.details["file"], e.details["damaged_copy"]) for e in restores] == [(newer.name, moved[0].name)]


def test_quitting_leaves_the_damaged_file_as_it_was(startup: Startup, tmp_path: Path, qtbot: QtBot) -> None:
    url, _ = damaged_register(tmp_path)
    damaged = tmp_path / "register.db"
    before = digest(damaged)
    startup.start(url)
    dialog = dialog_of(startup, qtbot)
    with qtbot.waitSignal(startup.failed, timeout=10_000):
        dialog.quit_button.click()
    assert startup.window is None
    assert digest(damaged) == before
    assert not list(tmp_path.glob("register.db.damaged-*"))  # nothing moved or restored


def test_without_backups_the_user_can_choose_a_copy_and_a_bad_choice_is_explained(
    startup: Startup, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    url, _ = damaged_register(folder, backups=False)
    startup.start(url)
    dialog = dialog_of(startup, qtbot)
    assert dialog.restore_button.isHidden()
    assert "Det finnes ingen sikkerhetskopi" in dialog.message.text()

    not_a_backup = tmp_path / "notat.db"
    not_a_backup.write_bytes(b"dette er ikke en database" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(not_a_backup), ""))
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    box = message_boxes()[0]
    assert "skadet" in box.text()
    box.close()
    assert dialog.isVisible() and dialog.quit_button.isEnabled()

    elsewhere = tmp_path / "b"
    elsewhere.mkdir()
    good_url = f"sqlite:///{elsewhere / 'kopi-fra-minnepinne.db'}"
    database = open_database(good_url)
    create_employee(UnitOfWork(database, actor="hr"), 2001, "Zacharias", "Berg")
    database.dispose()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(elsewhere / "kopi-fra-minnepinne.db"), "")
    )
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=10_000)
    assert startup.ctx is not None
    assert [r.employee_no for r in list_employees(startup.ctx.uow())] == ["2001"]
