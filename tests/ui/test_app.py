"""Start-up: which database is opened, the splash and worker, the first start, clear refusals."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from competence import __version__
from competence.actions.register import DEMO_EMPLOYEES
from competence.backups import list_backups
from competence.employees import create_employee
from competence.search import competence_options, count_employees
from competence.uow import UnitOfWork
from db.engine import backup_dir_for
from db.session import open_database
from tests.ui.support import uow_of
from ui.app import Startup, demo_url, display_missing, parse_args, startup_url
from ui.first_start import FirstStartDialog
from ui.preferences import Preferences


def test_arguments() -> None:
    args = parse_args(["main.py", "--db", "sqlite:///x.db", "-platform", "offscreen"])
    assert args.db == "sqlite:///x.db"
    assert not args.demo
    assert parse_args(["main.py", "--demo"]).demo


def test_which_database_is_opened(prefs: Preferences, monkeypatch: pytest.MonkeyPatch) -> None:
    prefs.database_url = "sqlite:////valgt/i/innstillinger.db"
    assert startup_url(parse_args(["m"]), prefs) == "sqlite:////valgt/i/innstillinger.db"
    monkeypatch.setenv("KOMPETANSE_DB_URL", "sqlite:////fra/miljoet.db")
    assert startup_url(parse_args(["m"]), prefs) is None  # db.engine resolves the environment
    assert startup_url(parse_args(["m", "--db", "x.db"]), prefs) == "x.db"
    assert startup_url(parse_args(["m", "--db", "x.db", "--demo"]), prefs) == demo_url()
    assert demo_url().endswith("/demo.db")


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'register.db'}"


def _register_of_one(tmp_path: Path) -> str:
    """A register holding Åse Ødegård alone."""
    url = _url(tmp_path)
    database = open_database(url)
    create_employee(UnitOfWork(database), 1, "Åse", "Ødegård")
    database.dispose()
    return url


def test_opens_the_database_off_the_ui_thread_and_shows_the_window(
    startup: Startup, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _register_of_one(tmp_path)
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: pytest.fail("the register is not empty"))
    startup.start(url)
    assert startup.splash is not None and startup.splash.isVisible()
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=10_000)
    assert startup.splash is None
    assert startup.window is not None
    assert str(tmp_path / "register.db") in startup.window.db_label.text()
    ctx = startup.ctx
    assert ctx is not None
    qtbot.waitUntil(lambda: ctx.tasks.running == 0, timeout=10_000)
    autos = [b for b in list_backups(backup_dir_for(url)) if b.path.name.startswith("auto-")]
    assert len(autos) == 1  # the scheduled backup ran at start
    frameworks = {o.framework_name for o in competence_options(uow_of(ctx))}
    assert any(name.startswith("DigComp 2.2") for name in frameworks)  # built-ins loaded at start


def test_first_start_on_an_empty_register_asks_once(
    startup: Startup, prefs: Preferences, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[FirstStartDialog] = []

    def choose_empty(dialog: FirstStartDialog) -> int:
        asked.append(dialog)
        assert dialog.empty_button.isVisible() or not dialog.isVisible()
        dialog.empty_button.click()
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", choose_empty)
    url = _url(tmp_path)
    startup.start(url)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    assert asked[0].choice == "empty"
    assert prefs.started_empty(startup.ctx.database.url if startup.ctx else "")


def test_a_database_from_a_newer_version_is_refused_clearly(
    startup: Startup, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _url(tmp_path)
    open_database(url).dispose()
    with sqlite3.connect(tmp_path / "register.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_fremtid'")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    with qtbot.waitSignal(startup.failed, timeout=10_000):
        startup.start(url)
    assert shown[0].startswith("Databasen er laget av en nyere versjon av Kompetanseregister")
    assert startup.window is None
    assert startup.splash is None


def test_report_ready_prints_once_the_first_page_is_populated(
    qapp: QApplication, prefs: Preferences, tmp_path: Path, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _register_of_one(tmp_path)
    prefs.last_page = "employees"
    startup = Startup(qapp, parse_args(["main.py", "--report-ready"]), prefs)
    startup.start(url)
    qtbot.waitUntil(lambda: "READY" in capsys.readouterr().out, timeout=10_000)
    assert startup.window is not None
    qtbot.waitUntil(lambda: not startup.window.isVisible(), timeout=10_000)
    assert startup.ctx is not None
    qtbot.waitUntil(lambda: startup.ctx.tasks.running == 0, timeout=10_000)
    startup.ctx.database.dispose()


def test_smoke_test_opens_the_register_says_what_it_opened_and_quits(
    qapp: QApplication, prefs: Preferences, tmp_path: Path, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _register_of_one(tmp_path)
    startup = Startup(qapp, parse_args(["main.py", "--smoke-test"]), prefs)
    startup.start(url)
    qtbot.waitUntil(lambda: startup.window is not None, timeout=10_000)
    assert startup.window is not None
    qtbot.waitUntil(lambda: not startup.window.isVisible(), timeout=20_000)
    out = capsys.readouterr().out
    assert f"SMOKE-TEST OK: register={tmp_path / 'register.db'}; ansatte=1; versjon={__version__}; " in out
    assert "språk=nb; qt-oversettelse=qtbase_nb.qm" in out and "pakket=nei" in out
    assert int(out.split("lisenstekster=")[1].split(";")[0]) >= 20
    assert startup.ctx is not None
    qtbot.waitUntil(lambda: startup.ctx.tasks.running == 0, timeout=10_000)
    startup.ctx.database.dispose()


def test_smoke_test_on_an_empty_register_asks_nothing(
    qapp: QApplication,
    prefs: Preferences,
    tmp_path: Path,
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: pytest.fail("a smoke test must not wait"))
    startup = Startup(qapp, parse_args(["main.py", "--smoke-test"]), prefs)
    startup.start(_url(tmp_path))
    qtbot.waitUntil(lambda: "SMOKE-TEST OK" in capsys.readouterr().out, timeout=20_000)
    assert startup.ctx is not None
    qtbot.waitUntil(lambda: startup.ctx.tasks.running == 0, timeout=10_000)
    startup.ctx.database.dispose()


@pytest.mark.parametrize(
    ("env", "platform", "missing"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ""}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_a_missing_display_is_recognised(env: dict[str, str], platform: str, missing: bool) -> None:
    assert display_missing(env, platform) is missing


def test_without_a_display_the_app_says_so_in_norwegian(tmp_path: Path) -> None:
    """Not Qt's abort (exit 134, "xcb-cursor0 is needed"): a message pointing to the command line."""
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update({"KOMPETANSE_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")})
    result = subprocess.run(
        [sys.executable, str(root / "main.py"), "--db", str(tmp_path / "r.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Fant ingen skjerm å vise vinduet på")
    assert "bruk kommandolinjen `kompetanse`" in result.stderr
    assert "xcb" not in result.stderr
    assert not (tmp_path / "r.db").exists()


def test_demo_opens_a_demo_municipality_in_its_own_file(
    qapp: QApplication, prefs: Preferences, qtbot: QtBot
) -> None:
    startup = Startup(qapp, parse_args(["main.py", "--demo"]), prefs)
    startup.start(startup_url(startup.args, prefs))
    qtbot.waitUntil(lambda: startup.window is not None, timeout=60_000)
    window, ctx = startup.window, startup.ctx
    assert window is not None and ctx is not None
    assert "DEMO" in window.windowTitle()
    assert ctx.database.url == demo_url()
    assert count_employees(uow_of(ctx)) == DEMO_EMPLOYEES
    qtbot.waitUntil(lambda: ctx.tasks.running == 0, timeout=10_000)
    window.close()
    ctx.database.dispose()


def test_first_start_can_switch_to_the_demo(
    startup: Startup, prefs: Preferences, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose_demo(dialog: FirstStartDialog) -> int:
        dialog.demo_button.click()
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", choose_demo)
    url = _url(tmp_path)
    startup.start(url)
    qtbot.waitUntil(
        lambda: startup.ctx is not None and startup.ctx.database.url == demo_url(), timeout=60_000
    )
    assert startup.window is not None and "DEMO" in startup.window.windowTitle()
    assert not prefs.started_empty(f"sqlite:///{tmp_path / 'register.db'}")
    database = open_database(url)  # the user's own register stays empty
    assert count_employees(UnitOfWork(database)) == 0
    database.dispose()


def test_qt_warnings_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from ui.app import qt_message_to_log

    with caplog.at_level("INFO", logger="kompetanseregister.qt"):
        qt_message_to_log(QtMsgType.QtWarningMsg, QMessageLogContext(), "QPainter::begin: noe galt")
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "QPainter::begin: noe galt")
    ]
