"""Oversikt: key figures, charts and lists for the municipality or one unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from competence.certificates import CertificateInput, add_certificate
from competence.goals import GoalInput, add_goal
from competence.uow import UnitOfWork
from tests.ui.support import Register, shown, wait_idle
from ui.context import AppContext
from ui.overview.page import OverviewPage


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[OverviewPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    uow = UnitOfWork(ctx.database)
    hms = register.fw.competence_ids["hms-cert"]
    # Kari's HMS course (36 months) expires 01.04.2025: within 90 days
    add_certificate(
        uow, register.people["kari"], CertificateInput("HMS", dt.date(2022, 4, 1), competence_id=hms)
    )
    add_goal(uow, register.people["bjorn"], GoalInput("Kurs", due_on=dt.date(2025, 1, 31)))
    widget = shown(qtbot, OverviewPage(ctx), (1200, 900))
    wait_idle(qtbot, ctx)  # the planning panels load beside the figures
    yield widget
    wait_idle(qtbot, ctx)


def test_key_figures_for_the_whole_municipality(page: OverviewPage) -> None:
    assert page.people.value.text() == "4"  # Lise has left
    # 6 requirements (2 nurses × 2, 2 teachers × 1); only Åse's dig-2 is met; 4 never assessed
    assert page.share_met.value.text() == "17\u00a0%"
    assert page.not_assessed.value.text() == "4"
    assert page.expiring.value.text() == "1"
    assert page.expired.value.text() == "0"
    assert page.overdue.value.text() == "1"
    assert page.as_of.text() == "Per 01.03.2025"
    assert page.expiring.caption.text() == "sertifikater utløper innen 90 dager"


def test_charts_and_lists(page: OverviewPage, register: Register, qtmodeltester: ModelTester) -> None:
    # grouped under a heading per framework
    assert [(b.label, b.heading) for b in page.areas.bars] == [
        ("Testrammeverk", True),
        ("§15 Digital transformasjon", False),
    ]
    assert page.areas.bars[1].text == "17\u00a0%"
    # each person counted once, with the total of their posts (ui/overview/planning_panels.py)
    assert {b.label.replace("\u00a0", " "): b.value for b in page.fte.bars} == {
        "100 % eller mer": 2,
        "75–99 %": 1,
        "50–74 %": 1,
        "under 50 %": 0,
    }
    # dig-2 is critical and only Åse holds it in Hjemmetjenesten
    vulnerable = [(v.unit.name, v.competence.name, v.holders) for v in page.vuln_model.rows]
    assert ("Hjemmetjenesten", "Informasjonssikkerhet", ("Åse Ødegård",)) in vulnerable
    assert [a.name for a in page.cert_model.rows] == ["Kari Andersen"]
    assert page.gaps_model.rowCount() >= 1
    for model in (page.gaps_model, page.vuln_model, page.cert_model):
        qtmodeltester.check(model)


def test_choosing_a_unit_recomputes_and_is_remembered(
    page: OverviewPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.unit.setCurrentIndex(page.unit.findData(register.units["school"]))
    assert page.people.value.text() == "2"
    assert page.not_assessed.value.text() == "2"
    assert ctx.preferences.overview_unit == register.units["school"]
    again = OverviewPage(ctx)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.activate()
    assert again.selected_unit() == register.units["school"]
    assert again.people.value.text() == "2"


def test_a_certificate_alert_opens_the_employee(
    page: OverviewPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    page.cert_view.setFocus()
    page.cert_view.setCurrentIndex(page.cert_model.index(0, 0))
    with qtbot.waitSignal(ctx.employee_requested) as signal:
        qtbot.keyClick(page.cert_view, Qt.Key.Key_Return)
    assert signal.args == [register.people["kari"]]


def test_an_empty_register_shows_dashes_not_errors(ctx: AppContext, qtbot: QtBot) -> None:
    widget = OverviewPage(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.activate()
    assert widget.people.value.text() == "0"
    assert widget.share_met.value.text() == "–"
    assert widget.areas.bars == ()
    wait_idle(qtbot, ctx)
