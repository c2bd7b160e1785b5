"""Enheter's planning parts on the small test register (today 01.03.2025): the Mål tab with the
targets' status on the date shown, and 10-FAKTOR's factors 4 and 7 beside the competence figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from competence.assessments import NewAssessment, record_assessment
from competence.planning.targets import TargetInput, add_target
from competence.uow import UnitOfWork
from db.planning import TenFactorResult
from tests.ui.support import Register, click, click_tab, shown, wait_idle
from ui.context import AppContext
from ui.units.page import UnitsPage


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[UnitsPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    uow = UnitOfWork(ctx.database)
    dig2 = register.fw.competence_ids["dig-2"]
    add_target(uow, register.units["home"], TargetInput(dig2, 5, 2, "To på hver vakt"))
    # Bjørn reaches level 5 in February: the target is met today, not at the end of January
    record_assessment(uow, NewAssessment(register.people["bjorn"], dig2, 5, assessed_on=dt.date(2025, 2, 10)))
    with UnitOfWork(ctx.database) as w:
        for factor in range(1, 11):
            w.session.add(
                TenFactorResult(
                    unit_id=register.units["home"], year=2024, factor=factor, mean=3.9, respondents=6
                )
            )
        w.commit()
    widget = shown(qtbot, UnitsPage(ctx), (1000, 700))
    wait_idle(qtbot, ctx)
    yield widget
    wait_idle(qtbot, ctx)


def test_the_targets_tab_follows_the_date_and_the_factors_sit_beside_the_figures(
    page: UnitsPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    click_tab(page.tabs, page.planning.tab)
    rows = page.planning.tab.model.rows
    assert [(t.unit_name, t.have, t.people_needed, t.state.value) for t in rows] == [
        ("Hjemmetjenesten", 2, 2, "met")
    ]
    assert page.planning.factors.text() == (
        "10-FAKTOR 2024: 4 Bruk av kompetanse 3,90 · 7 Relevant kompetanseutvikling 3,90"
    )
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show_date(dt.date(2025, 1, 31))
    wait_idle(qtbot, ctx)
    assert [(t.have, t.state.value) for t in page.planning.tab.model.rows] == [(1, "short")]
    with qtbot.waitSignal(ctx.page_requested, timeout=2_000) as requested:
        click(page.planning.tab.plan_button)
    assert requested.args == ["planning"]
