"""The planning exports in Rapporter (docs/planning.md): the unit's competence plan as a workbook and
the heltidskultur workbook, through the real form and button, with the file dialog answered; the
files are read back.

The register (tests/ui/support.py) on 01.03.2025: Hjemmetjenesten (110, under Helse og omsorg) has
Åse (80 %) and Bjørn (100 %), Fjordvik skole (200) Kari (100 %) and Zacharias (50 %). Nobody is
assessed on dig-1, so a target of two at dig-1 level 3 is short by two.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from competence.planning.budget import set_budget
from competence.planning.measures import MeasureInput, add_measure
from competence.planning.targets import TargetInput, add_target
from db.codes import MeasureKind
from tests.ui.support import Register, shown, uow_of, wait_idle
from tests.ui.test_reports_page import Dialogs, choose, export
from ui.context import AppContext
from ui.reports.page import ReportsPage


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Dialogs:
    return Dialogs(monkeypatch, tmp_path)


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ReportsPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    home, dig1 = register.units["home"], register.fw.competence_ids["dig-1"]
    target = add_target(uow_of(ctx), home, TargetInput(dig1, 3, 2, "Digital hjemmetjeneste"))
    add_measure(
        uow_of(ctx), home, MeasureInput(2025, MeasureKind.DEVELOP, "Kurs", target_id=target, cost_nok=10_000)
    )
    set_budget(uow_of(ctx), home, 2025, 25_000)
    yield shown(qtbot, ReportsPage(ctx), (1100, 700))
    wait_idle(qtbot, ctx)


def test_the_unit_plan_as_a_workbook(
    page: ReportsPage, register: Register, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "unit_plan_excel")
    page.unit.setCurrentIndex(page.unit.findData(register.units["home"]))
    dialogs.answer = tmp_path / "plan"  # typed without the suffix
    export(page, qtbot)
    assert dialogs.suggested.endswith("Kompetanseplan Hjemmetjenesten 2025-03-01.xlsx")
    book = load_workbook(tmp_path / "plan.xlsx")
    targets = [r for r in book["Kompetansemål"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert [(r[0], r[4], r[5], r[6]) for r in targets] == [("110", 2, 0, 2)]
    vulnerable = [r[3] for r in book["Sårbarhet"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert "mål: 2 på nivå 3, har 0" in vulnerable
    measures = [r for r in book["Tiltak 2025"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert [(r[1], r[6]) for r in measures] == [("Kurs", 10_000)]
    summary = {r[0]: r[1] for r in book["Sammendrag"].iter_rows(min_row=5, values_only=True) if r[0]}
    assert summary["Igjen å planlegge (kr)"] == 15_000
    assert "2 ansatte, 1 kompetansemål, 1 tiltak i år." in page.result.text()


def test_heltidskultur_for_the_whole_municipality(
    page: ReportsPage, dialogs: Dialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    choose(page, "fulltime")
    assert page.unit.currentText() == "Hele kommunen"
    dialogs.answer = tmp_path / "heltid.xlsx"
    export(page, qtbot)
    book = load_workbook(tmp_path / "heltid.xlsx")
    summary = {r[0]: r[1] for r in book["Heltidskultur"].iter_rows(min_row=5, values_only=True) if r[0]}
    assert summary["Personer med stilling i utvalget"] == 4
    assert summary["Andel heltid"] == 0.5  # Bjørn and Kari
    assert "4 personer i 2 enheter." in page.result.text()
