"""Oversikt's planning panels on the small test register (today 01.03.2025): the targets' status,
heltidskultur by each person's total FTE, 10-FAKTOR factors 4 and 7 beside the municipality's; a
target row opens Planlegging."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from competence import employees
from competence.planning.targets import TargetInput, add_target
from competence.uow import UnitOfWork
from db.planning import TenFactorResult
from tests.ui.support import Register, shown, wait_idle
from ui.context import AppContext
from ui.overview.page import OverviewPage


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[OverviewPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    uow = UnitOfWork(ctx.database)
    dig2 = register.fw.competence_ids["dig-2"]
    add_target(uow, register.units["home"], TargetInput(dig2, 5, 2, "To på hver vakt"))
    add_target(uow, register.units["school"], TargetInput(register.fw.competence_ids["dig-2"], 6, 1))
    # Zacharias takes 60 % more in Hjemmetjenesten: 110 % in all, counted once
    employees.add_position(
        uow, register.people["zed"], employees.PositionInput(register.units["home"], "Vakter", None, 60)
    )
    with UnitOfWork(ctx.database) as w:
        for unit, year, base in (("sector", 2023, 3.5), ("sector", 2024, 3.8), ("home", 2024, 3.6)):
            for factor in range(1, 11):
                w.session.add(
                    TenFactorResult(
                        unit_id=register.units[unit], year=year, factor=factor, mean=base, respondents=9
                    )
                )
        w.commit()
    widget = shown(qtbot, OverviewPage(ctx), (1200, 900))
    wait_idle(qtbot, ctx)
    yield widget
    wait_idle(qtbot, ctx)


def test_targets_heltid_and_tenfactor_for_the_whole_municipality(page: OverviewPage) -> None:
    panels = page.planning
    # Hjemmetjenesten: Åse (6) holds dig-2 at 5, Bjørn (4) does not: 1 of 2; the school: Kari (7)
    assert panels.targets.summary.text() == "2 mål: 1 oppfylt, 1 under målet (0 etter fristen)"
    first = panels.targets.model.rows[0]
    assert (first.unit_name, first.have, first.people_needed) == ("Hjemmetjenesten", 1, 2)
    assert "1 over 100\u00a0%" in panels.fulltime.figures.text()
    assert {b.label.replace("\u00a0", " "): b.value for b in page.fte.bars}["100 % eller mer"] == 3
    text = panels.survey.text.text()
    assert "2024, 9 svar" in text
    assert "4 Bruk av kompetanse: 3,80</b> (▲ 0,30 fra 2023)" in text
    assert "7 Relevant kompetanseutvikling: 3,80" in text


def test_a_unit_beside_the_municipality_and_a_target_opens_planning(
    page: OverviewPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.unit.setCurrentIndex(page.unit.findData(register.units["home"]))
    wait_idle(qtbot, ctx)
    text = page.planning.survey.text.text()
    assert "4 Bruk av kompetanse: 3,60</b> · kommunen 3,80" in text
    assert page.planning.targets.model.rowCount() == 1
    view = page.planning.targets.view
    view.setFocus()
    view.setCurrentIndex(page.planning.targets.model.index(0, 0))
    with qtbot.waitSignal(ctx.page_requested, timeout=2_000) as requested:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert requested.args == ["planning"]
