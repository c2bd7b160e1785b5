"""The audit log viewer, opened from Innstillinger: filters by action, employee number and date,
and the export to CSV and JSON."""

from __future__ import annotations

import datetime as dt
import json
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from competence import audit
from competence.uow import UnitOfWork
from tests.ui.support import Register, shown, visible, wait_idle
from ui.context import AppContext
from ui.privacy.auditlog import AuditLogDialog
from ui.settings.page import SettingsPage


@pytest.fixture
def dialog(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[AuditLogDialog]:
    page = shown(qtbot, SettingsPage(ctx), (900, 1400))
    wait_idle(qtbot, ctx)
    page.privacy.audit_button.click()
    found = [d for d in visible(AuditLogDialog) if isinstance(d, AuditLogDialog)]
    assert len(found) == 1
    wait_idle(qtbot, ctx)
    yield found[0]
    found[0].close()
    wait_idle(qtbot, ctx)


def shown_events(dialog: AuditLogDialog) -> list[tuple[str, str]]:
    return [(e.action, e.employee_no or "") for e in dialog.model.rows]


def all_events(ctx: AppContext) -> list[audit.AuditEntry]:
    return audit.list_events(UnitOfWork(ctx.database), limit=100_000)


@pytest.fixture
def oslo_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_lists_the_newest_events_with_readable_columns(
    oslo_time: None, dialog: AuditLogDialog, ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    everything = all_events(ctx)
    assert [e.id for e in dialog.model.rows] == [e.id for e in everything]
    assert dialog.count.text() == f"{len(everything)} hendelser"
    qtmodeltester.check(dialog.model)
    left = next(i for i, e in enumerate(dialog.model.rows) if e.action == "left")
    cells = [dialog.model.index(left, c).data() for c in range(dialog.model.columnCount())]
    assert cells[1:5] == ["testleder", "sluttet", "ansatt", "1005"]
    at = dialog.model.rows[left].at.replace(tzinfo=dt.UTC).astimezone(ZoneInfo("Europe/Oslo"))
    assert cells[0] == at.strftime("%d.%m.%Y %H:%M:%S")  # the log stores UTC; shown in local time


def test_filters_by_action_employee_number_and_date(
    dialog: AuditLogDialog, ctx: AppContext, qtbot: QtBot
) -> None:
    dialog.action.setCurrentIndex(dialog.action.findData("left"))
    wait_idle(qtbot, ctx)
    assert shown_events(dialog) == [("left", "1005")]

    dialog.action.setCurrentIndex(0)
    qtbot.keyClicks(dialog.employee, "01001")  # the number as a spreadsheet might show it
    dialog.show_button.click()
    wait_idle(qtbot, ctx)
    assert shown_events(dialog)
    assert {number for _action, number in shown_events(dialog)} == {"1001"}

    qtbot.keyClicks(dialog.since.line, (dt.date.today() + dt.timedelta(days=1)).strftime("%d.%m.%Y"))
    qtbot.keyClick(dialog.since.line, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert shown_events(dialog) == []
    assert dialog.count.text() == "0 hendelser"


def test_exports_what_the_filter_selects_as_json_and_as_csv(
    dialog: AuditLogDialog, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(QUrl(url).toLocalFile())) or True
    )
    answers = iter([(tmp_path / "logg", "JSON-fil (*.json)"), (tmp_path / "logg.csv", "")])

    def save_as(parent: object, title: str, suggested: str, file_filter: str) -> tuple[str, str]:
        assert Path(suggested).name.startswith("Revisjonslogg ")
        path, chosen = next(answers)
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    qtbot.keyClicks(dialog.employee, "1001")
    dialog.show_button.click()
    wait_idle(qtbot, ctx)
    expected = [e.id for e in dialog.model.rows]

    dialog.export_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    assert opened == [tmp_path / "logg.json"]
    data = json.loads(opened[0].read_text(encoding="utf-8"))
    assert [row["id"] for row in data] == expected
    assert stat.S_IMODE(opened[0].stat().st_mode) == 0o600

    dialog.export_button.click()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10_000)
    lines = opened[1].read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "id;at;actor;action;entity;entity_id;employee_no;details"
    assert len(lines) == 1 + len(expected)
    exports = [e for e in all_events(ctx) if e.action == "export" and e.entity == "audit_event"]
    assert sorted(e.details["format"] for e in exports) == ["csv", "json"]
    assert messages[-1] == f"{len(expected)} hendelser eksportert til {tmp_path / 'logg.csv'}"
