"""Enheter: the heatmap, drill-down, strategy areas, vulnerability, earlier dates and the trend,
driven through the real widgets on the small test register (today is 01.03.2025)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from competence.assessments import NewAssessment, record_assessment
from competence.changes import Changes
from competence.periods import quarter_ends
from competence.uow import UnitOfWork
from tests.ui.support import Register, shown, wait_idle
from ui.context import AppContext
from ui.units.data import TOTAL_ROW, Figures
from ui.units.model import FIGURES_ROLE, GROUP_ROLE
from ui.units.page import UnitsPage


@pytest.fixture
def page(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[UnitsPage]:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    widget = shown(qtbot, UnitsPage(ctx), (1300, 900))
    wait_idle(qtbot, ctx)  # the trend too
    yield widget
    wait_idle(qtbot, ctx)


def grid(page: UnitsPage) -> dict[tuple[str, str], str]:
    """The heatmap as {(row header, column header): text}, empty cells left out."""
    model = page.model
    found = {}
    for r in range(model.rowCount()):
        row = str(model.headerData(r, Qt.Orientation.Vertical)).strip("\u2003")
        for c in range(model.columnCount()):
            text = model.data(model.index(r, c))
            if text:
                found[(row, str(model.headerData(c, Qt.Orientation.Horizontal)))] = text
    return found


def reloaded(qtbot: QtBot, page: UnitsPage, action: object) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        action()  # type: ignore[operator]


def test_heatmap_of_the_whole_municipality(page: UnitsPage, qtmodeltester: ModelTester) -> None:
    model = page.model
    rows = [str(model.headerData(r, Qt.Orientation.Vertical)) for r in range(model.rowCount())]
    # the total, then the units in tree order (by name), indented under their parent
    assert rows == ["Hele kommunen", "200 Fjordvik skole", "100 Helse og omsorg", "\u2003110 Hjemmetjenesten"]
    columns = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert columns == ["dig-1 Digitale verktøy", "dig-2 Informasjonssikkerhet"]
    assert {model.headerData(c, Qt.Orientation.Horizontal, GROUP_ROLE) for c in range(2)} == {
        "§15 Digital transformasjon"
    }
    assert grid(page) == {
        # Åse meets dig-2 (6 of 8 ≥ 5), Bjørn does not (4); nobody is assessed on dig-1
        ("Hele kommunen", "dig-1 Digitale verktøy"): "i.v.",
        ("Hele kommunen", "dig-2 Informasjonssikkerhet"): "50\u00a0%",
        ("110 Hjemmetjenesten", "dig-1 Digitale verktøy"): "i.v.",
        ("110 Hjemmetjenesten", "dig-2 Informasjonssikkerhet"): "50\u00a0%",
        ("200 Fjordvik skole", "dig-1 Digitale verktøy"): "i.v.",
    }
    cell = model.data(model.index(3, 1), FIGURES_ROLE)
    assert cell == Figures(people=2, met=1, not_assessed=0, mean_gap=pytest.approx(6.25))
    tooltip = model.data(model.index(3, 1), Qt.ItemDataRole.ToolTipRole)
    assert "Hjemmetjenesten – dig-2 Informasjonssikkerhet" in tooltip
    assert "1 av 2 oppfyller kravet (50\u00a0%)" in tooltip
    assert "Ingen her har krav" in model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole)
    assert page.summary.text().startswith("4 ansatte · 17\u00a0% av 6 krav oppfylt · 4 ikke vurdert")
    assert page.as_of.text() == "Per 01.03.2025"
    qtmodeltester.check(model)
    qtmodeltester.check(page.area_model)
    qtmodeltester.check(page.vulnerable.model)


def test_the_cells_can_show_the_mean_gap_or_the_count_not_assessed(page: UnitsPage) -> None:
    page.mode.setCurrentIndex(page.mode.findText("Snittavvik (prosentpoeng)"))
    texts = grid(page)
    # a mean of 6.25 points: one decimal, half up (competence.numbers), as in the exports
    assert texts[("110 Hjemmetjenesten", "dig-2 Informasjonssikkerhet")] == "6,3"
    assert texts[("200 Fjordvik skole", "dig-1 Digitale verktøy")] == "i.v."  # never shown as a gap
    page.mode.setCurrentIndex(page.mode.findText("Antall ikke vurdert"))
    texts = grid(page)
    assert texts[("200 Fjordvik skole", "dig-1 Digitale verktøy")] == "2"
    assert texts[("110 Hjemmetjenesten", "dig-2 Informasjonssikkerhet")] == "0"
    assert page.area_model.mode is page.model.mode


def test_choosing_a_unit_shows_its_tree_and_is_remembered(
    page: UnitsPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    reloaded(qtbot, page, lambda: page.unit.setCurrentIndex(page.unit.findData(register.units["sector"])))
    rows = [str(page.model.headerData(r, Qt.Orientation.Vertical)) for r in range(page.model.rowCount())]
    assert rows == ["Alle i utvalget", "100 Helse og omsorg", "\u2003110 Hjemmetjenesten"]
    assert page.subunits.isEnabled()
    reloaded(qtbot, page, lambda: page.subunits.setChecked(False))
    assert page.model.rowCount() == 0  # the sector itself has no people with requirements
    assert page.empty.isVisible()
    wait_idle(qtbot, ctx)
    again = shown(qtbot, UnitsPage(ctx))
    assert again.unit.selected_id() == register.units["sector"]
    assert not again.subunits.isChecked()
    wait_idle(qtbot, ctx)


def test_drill_down_to_the_people_and_open_a_card(
    page: UnitsPage, ctx: AppContext, register: Register, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    index = page.model.index(3, 1)  # Hjemmetjenesten × dig-2
    page.heatmap.setFocus()
    page.heatmap.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.drill.model.rowCount() == 2, timeout=5_000)
    drill = page.drill.model
    people = [(drill.value(r, 0, Qt.ItemDataRole.DisplayRole), drill.value(r, 2, 0)) for r in range(2)]
    assert people == [("Bjørn Sæther", "4 Nivå 4"), ("Åse Ødegård", "6 Nivå 6")]  # largest gap first
    assert drill.value(0, 3, Qt.ItemDataRole.DisplayRole) == "5 Nivå 5"
    assert drill.value(0, 5, Qt.ItemDataRole.DisplayRole) == "Avvik"
    assert drill.value(1, 6, Qt.ItemDataRole.DisplayRole) == "01.03.2024"
    assert "Hjemmetjenesten – dig-2 Informasjonssikkerhet: 1 av 2" in page.drill.heading.text()
    qtmodeltester.check(drill)

    page.drill.view.setFocus()
    page.drill.view.setCurrentIndex(drill.index(0, 0))
    with qtbot.waitSignal(ctx.employee_requested) as opened:
        qtbot.keyClick(page.drill.view, Qt.Key.Key_Return)
    assert opened.args == [register.people["bjorn"]]

    page.heatmap.setCurrentIndex(page.model.index(0, 1))  # the total row has no drill-down
    qtbot.waitUntil(lambda: drill.rowCount() == 0, timeout=5_000)
    assert "velg en enhet" in page.drill.heading.text()


def test_an_earlier_date_shows_the_figures_then(page: UnitsPage, qtbot: QtBot) -> None:
    # the assessments are dated 01.03.2024: a month before, nobody was assessed
    reloaded(qtbot, page, lambda: page.show_date(dt.date(2024, 2, 1)))
    assert grid(page)[("110 Hjemmetjenesten", "dig-2 Informasjonssikkerhet")] == "i.v."
    assert page.as_of.text() == "Per 01.02.2024"
    assert "tallene gjelder 01.02.2024" in page.summary.text()
    reloaded(qtbot, page, page.today_button.click)
    assert grid(page)[("110 Hjemmetjenesten", "dig-2 Informasjonssikkerhet")] == "50\u00a0%"


def test_trend_of_the_last_two_years_and_choosing_a_point(page: UnitsPage, qtbot: QtBot) -> None:
    points = page.trend.points
    assert [p.at for p in points] == [*quarter_ends(dt.date(2025, 3, 1)), dt.date(2025, 3, 1)]
    # Lise (a nurse) left on 31.01.2024: five people with requirements before, four after
    assert [p.requirements for p in points[:5]] == [8, 8, 8, 8, 6]
    assert [round(p.share_met * 100) for p in points[3:]] == [0, 17, 17, 17, 17, 17]
    assert "31.03.2024: 17\u00a0% oppfylt (1 av 6 krav" in page.trend.accessibleDescription()
    # a click on the oldest point shows the figures at that date
    page.trend.setFocus()
    x = page.trend._positions()[0].toPoint()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.trend, Qt.MouseButton.LeftButton, pos=QPoint(x.x(), x.y()))
    assert page.as_of.text() == "Per 31.03.2023"
    # and by keyboard: right arrow to the next point, Enter
    page.trend.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(page.trend, Qt.Key.Key_Right)
        qtbot.keyClick(page.trend, Qt.Key.Key_Return)
    assert page.as_of.text() == "Per 30.06.2023"


def test_vulnerability_list_leads_to_the_cell(page: UnitsPage, register: Register, qtbot: QtBot) -> None:
    rows = [(v.unit.name, v.competence.name, v.holders) for v in page.vulnerable.model.rows]
    assert rows == [("Hjemmetjenesten", "Informasjonssikkerhet", ("Åse Ødegård",))]
    page.tabs.setCurrentIndex(2)
    page.vulnerable.view.setFocus()
    page.vulnerable.view.setCurrentIndex(page.vulnerable.model.index(0, 0))
    qtbot.keyClick(page.vulnerable.view, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == 0
    current = page.heatmap.currentIndex()
    assert page.model.unit_at(current.row()).id == register.units["home"]  # type: ignore[union-attr]
    assert page.model.column_at(current.column()).id == register.fw.competence_ids["dig-2"]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.drill.model.rowCount() == 2, timeout=5_000)


def test_strategy_areas_pool_the_competences_and_lead_to_the_heatmap(
    page: UnitsPage, register: Register, qtbot: QtBot
) -> None:
    model = page.area_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "§15 Digital transformasjon"
    ]
    assert model.headerData(0, Qt.Orientation.Horizontal, GROUP_ROLE) == "Testrammeverk"
    # Hjemmetjenesten: dig-1 (2 not assessed) and dig-2 (1 of 2 met) pooled
    assert model.data(model.index(3, 0), FIGURES_ROLE) == Figures(4, 1, 2, pytest.approx(40.625))
    total = model.data(model.index(0, 0), FIGURES_ROLE)
    assert (total.people, total.met, total.not_assessed) == (6, 1, 4)
    page.tabs.setCurrentIndex(1)
    page.areas.setFocus()
    page.areas.setCurrentIndex(model.index(1, 0))  # Fjordvik skole
    qtbot.keyClick(page.areas, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == 0
    current = page.heatmap.currentIndex()
    assert page.model.unit_at(current.row()).id == register.units["school"]  # type: ignore[union-attr]
    assert page.model.column_at(current.column()).id == register.fw.competence_ids["dig-1"]  # type: ignore[union-attr]


def test_a_change_elsewhere_reloads_the_map(
    page: UnitsPage, ctx: AppContext, register: Register, qtbot: QtBot
) -> None:
    record_assessment(
        UnitOfWork(ctx.database),
        NewAssessment(
            register.people["bjorn"], register.fw.competence_ids["dig-2"], 5, assessed_on=dt.date(2025, 2, 1)
        ),
    )
    reloaded(qtbot, page, lambda: ctx.tasks.publish(Changes(assessments=True)))
    assert grid(page)[("110 Hjemmetjenesten", "dig-2 Informasjonssikkerhet")] == "100\u00a0%"
    wait_idle(qtbot, ctx)
    assert round(page.trend.points[-1].share_met * 100) == 33


def test_the_page_is_painted_without_errors(page: UnitsPage, qtbot: QtBot) -> None:
    """Paint the heatmap, its header, legend and trend (the delegate and header draw by hand)."""
    page.heatmap.setCurrentIndex(page.model.index(3, 1))
    for tab in range(3):
        page.tabs.setCurrentIndex(tab)
        assert not page.grab().isNull()
    assert page.heatmap.header.sizeHint().height() > page.fontMetrics().height() * 5


def test_quarter_ends_and_figures() -> None:
    assert quarter_ends(dt.date(2025, 3, 14), 3) == [
        dt.date(2024, 6, 30),
        dt.date(2024, 9, 30),
        dt.date(2024, 12, 31),
    ]
    assert quarter_ends(dt.date(2025, 10, 1), 2) == [dt.date(2025, 6, 30), dt.date(2025, 9, 30)]
    assert Figures(3, 0, 3, 50.0).none_assessed and not Figures(3, 0, 2, 50.0).none_assessed
    assert TOTAL_ROW == 0


def test_a_mandatory_course_nobody_took_is_missing_in_the_map_and_the_drill_down(
    ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The teachers must hold the HMS course; neither has taken it: the cell says so in its corner,
    its tooltip and the drill-down ("Mangler", not "Avvik" or "Ikke vurdert")."""
    from competence.roles import set_requirement

    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    hms_cert = register.fw.competence_ids["hms-cert"]
    set_requirement(UnitOfWork(ctx.database), register.roles["teacher"], hms_cert, 1)
    page = shown(qtbot, UnitsPage(ctx), (1024, 700))
    wait_idle(qtbot, ctx)
    model = page.model
    school = next(
        r
        for r in range(model.rowCount())
        if "Fjordvik skole" in str(model.headerData(r, Qt.Orientation.Vertical))
    )
    course = next(
        c for c in range(model.columnCount()) if "HMS" in str(model.headerData(c, Qt.Orientation.Horizontal))
    )
    figures = model.data(model.index(school, course), FIGURES_ROLE)
    assert isinstance(figures, Figures) and (figures.people, figures.met, figures.missing) == (2, 0, 2)
    tip = model.data(model.index(school, course), Qt.ItemDataRole.ToolTipRole)
    assert "Mangler lovpålagt kurs: 2" in tip and "Ikke vurdert" not in tip
    assert any("lovpålagt" in label.text() for label in page.legend.entries)

    page.heatmap.setFocus()
    page.heatmap.setCurrentIndex(model.index(school, 0))
    for _ in range(course):
        qtbot.keyClick(page.heatmap, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: page.drill.model.rowCount() == 2, timeout=5_000)
    statuses = {page.drill.model.value(r, 5, Qt.ItemDataRole.DisplayRole) for r in range(2)}
    assert statuses == {"Mangler"}
    assert not page.grab().isNull()  # the corner is painted without errors
    wait_idle(qtbot, ctx)
