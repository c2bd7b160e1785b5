"""A damaged register at start-up: the dialog names the newest backup, restores it on request and the
app opens the restored register; the damaged file is moved aside, never written to."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from competence import audit
from competence.backups import list_backups, take_backup
from competence.employees import create_employee, list_employees
from competence.uow import UnitOfWork
from db.session import open_database
from tests.ui.support import message_boxes, uow_of, wait_idle
from ui.app import Startup
from ui.errors import BugDialog
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
    assert sorted(r.employee_no for r in list_employees(uow_of(ctx))) == ["1001", "1002"]  # the newest
    moved = [p for p in tmp_path.glob("register.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1
    assert digest(moved[0]) == before  # moved aside exactly as it was
    restores = audit.list_events(uow_of(ctx), action="restore")
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
    assert [r.employee_no for r in list_employees(uow_of(startup.ctx))] == ["2001"]


def _clean_register(folder: Path) -> tuple[str, Path]:
    """A register of three people with a backup, closed cleanly (stamped with its digest)."""
    path = folder / "register.db"
    database = open_database(f"sqlite:///{path}")
    uow = UnitOfWork(database, actor="hr")
    for number, first, last in (
        (1001, "Åse", "Ødegård"),
        (1002, "Bjørn", "Sæther"),
        (1003, "Kari", "Andersen"),
    ):
        create_employee(uow, number, first, last, email=f"{first.lower()}.{number}@example.no")
    backup = take_backup(database, actor="hr")
    database.dispose()
    return f"sqlite:///{path}", backup


def _change_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Bit rot: bytes changed where they are, the size and modification time as they were."""
    st = path.stat()
    data = path.read_bytes()
    assert data.count(old) == 1 and len(old) == len(new)
    with path.open("r+b") as fh:
        fh.write(data.replace(old, new))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_an_emptied_register_file_offers_its_newest_backup(
    startup: Startup, tmp_path: Path, qtbot: QtBot
) -> None:
    url, backup = _clean_register(tmp_path)
    path = tmp_path / "register.db"
    path.write_bytes(b"")  # a copy that failed half-way, a truncation
    startup.preferences.remember_started_empty(url)  # were it opened as new, no first-start question
    startup.start(url)
    dialog = dialog_of(startup, qtbot)
    assert backup.name in dialog.message.text()
    assert path.stat().st_size == 0  # not made into a new, empty register
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=10_000)
    assert startup.ctx is not None
    wait_idle(qtbot, startup.ctx)
    assert len(list_employees(uow_of(startup.ctx))) == 3


def test_bit_rot_in_a_cleanly_closed_register_closes_it_and_offers_the_backup(
    startup: Startup, tmp_path: Path, qtbot: QtBot
) -> None:
    """The window may open before the file's digest is compared; nothing is written meanwhile (not
    even the scheduled backup), and the damage closes the register for the restore-at-start flow."""
    url, backup = _clean_register(tmp_path)
    path = tmp_path / "register.db"
    _change_in_place(path, b"kari.1003@example.no", b"kari.1003@examp1e.no")
    before = digest(path)
    startup.start(url)
    dialog = dialog_of(startup, qtbot)
    assert backup.name in dialog.message.text() and "Ingenting er skrevet til den" in dialog.message.text()
    assert startup.window is None and startup.ctx is None
    qtbot.waitUntil(lambda: startup.tasks.running == 0, timeout=10_000)
    assert digest(path) == before
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [backup.name]  # no automatic copy
    with qtbot.waitSignal(startup.failed, timeout=10_000):
        dialog.quit_button.click()
    assert digest(path) == before


def test_a_read_that_fails_on_a_damaged_file_offers_the_backup_not_a_bug_report(
    startup: Startup, tmp_path: Path, qtbot: QtBot
) -> None:
    """After a crash the file gets the full check, which a changed text passes; the list then fails
    to read it, and the user is offered the backup instead of an "unexpected error" report."""
    url, backup = _clean_register(tmp_path)
    path = tmp_path / "register.db"
    (tmp_path / "register.db-clean").unlink()  # as after a crash
    _change_in_place(path, b"kari.1003@example.no", b"\xffari.1003@example.no")
    startup.preferences.last_page = "employees"  # the list reads every address
    startup.start(url)
    dialog = dialog_of(startup, qtbot)
    # the newest backup (an automatic one, when the file passed its full check and was copied first)
    assert any(b.path.name in dialog.message.text() for b in list_backups(backup.parent))
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, BugDialog) and w.isVisible()]
    assert startup.window is None and startup.ctx is None
