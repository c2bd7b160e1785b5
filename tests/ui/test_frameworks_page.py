"""Rammeverk og roller, the framework side: browse, search, copy a built-in framework, edit the copy,
refusals shown in place, and framework files in and out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from competence.frameworks import ensure_builtin_frameworks
from competence.frameworks.queries import framework_tree, list_frameworks
from competence.uow import UnitOfWork
from tests.ui.support import Register, message_boxes, run_dialog, shown, wait_idle
from ui.context import AppContext
from ui.frameworks.dialogs import AreaDialog, CompetenceDialog, CopyDialog, EditFrameworkDialog, ScaleDialog
from ui.frameworks.page import FrameworksPage


@pytest.fixture
def page(ctx: AppContext, register: Register, qtbot: QtBot) -> Iterator[FrameworksPage]:
    ensure_builtin_frameworks(UnitOfWork(ctx.database))
    yield shown(qtbot, FrameworksPage(ctx), (1300, 800))
    wait_idle(qtbot, ctx)
    for box in message_boxes():
        box.close()


def uow(ctx: AppContext) -> UnitOfWork:
    return UnitOfWork(ctx.database)


def choose(qtbot: QtBot, page: FrameworksPage, name_start: str) -> None:
    """Click a framework in the list and wait for its tree."""
    tab = page.frameworks
    row = next(i for i, f in enumerate(tab.model.rows) if f.name.startswith(name_start))
    if tab.current_framework() is not None and tab.current_framework().name.startswith(name_start):  # type: ignore[union-attr]
        return
    with qtbot.waitSignal(tab.tree_shown, timeout=10_000):
        tab.list.selectRow(row)


def reloaded(qtbot: QtBot, page: FrameworksPage, action: Callable[[], None]) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        action()
    wait_idle(qtbot, page.ctx)


def test_frameworks_are_listed_built_in_first(page: FrameworksPage) -> None:
    rows = page.frameworks.model.rows
    assert [f.builtin for f in rows] == [True, True, True, True, False]
    assert [page.frameworks.model.data(page.frameworks.model.index(i, 0)) for i in range(len(rows))] == [
        "DigComp 2.2",
        "Lovpålagt og påkrevd opplæring",
        "Løten kommune",
        "Østre Toten kommune",
        "Testrammeverk",
    ]
    assert page.frameworks.tree_data is not None
    assert page.frameworks.tree_data.framework.name.startswith("DigComp")  # the first one is shown


def test_a_competence_shows_its_quote_section_and_levels(page: FrameworksPage, qtbot: QtBot) -> None:
    choose(qtbot, page, "Østre Toten")
    tab = page.frameworks
    tree = tab.tree
    assert [tree.topLevelItem(i).text(0) for i in range(3)] == [
        "§6 Medarbeiderskap",
        "§7 Lederskap",
        "§8 Partsarbeid",
    ]
    assert tab.tree_data is not None
    comp = next(c for c in tab.tree_data.competences() if c.key == "ot-10-1")
    tree.select_key(("competence", comp.id))
    html = tab.detail.text.toPlainText()
    assert "§10.1 Bruker arbeidsplassen som læringsarena" in html
    assert "«bruke arbeidsplassen som læringsarena og å ta i bruk læring i uformelle situasjoner»" in html
    assert "Arbeidsgiverpolitikken §10" in html
    levels = tab.detail.levels_model
    assert [levels.data(levels.index(r, 1)) for r in range(levels.rowCount())] == [
        "Kjenner til",
        "Kan med veiledning",
        "Kan selvstendig",
        "Kan veilede andre",
    ]
    assert levels.data(levels.index(0, 3)) == "25\u00a0%"
    assert tab.detail.levels.isColumnHidden(2)  # no bands on this scale


def test_digcomp_levels_show_bands_and_percentages(page: FrameworksPage, qtbot: QtBot) -> None:
    tab = page.frameworks
    assert tab.tree_data is not None
    comp = next(c for c in tab.tree_data.competences() if c.code == "4.2")
    tab.tree.select_key(("competence", comp.id))
    levels = tab.detail.levels_model
    assert levels.rowCount() == 8
    assert (levels.data(levels.index(4, 2)), levels.data(levels.index(4, 3))) == ("Avansert", "62,5\u00a0%")
    assert not tab.detail.levels.isColumnHidden(2)


def test_search_filters_the_tree(page: FrameworksPage, qtbot: QtBot) -> None:
    tab = page.frameworks
    qtbot.keyClicks(tab.search, "personvern")
    shown_items = [
        tab.tree.topLevelItem(i).child(j).text(0)
        for i in range(tab.tree.topLevelItemCount())
        if not tab.tree.topLevelItem(i).isHidden()
        for j in range(tab.tree.topLevelItem(i).childCount())
        if not tab.tree.topLevelItem(i).child(j).isHidden()
    ]
    assert shown_items == ["4.2 Beskytte personopplysninger og personvern"]
    assert tab.shown.text() == "1 av 21"
    tab.search.clear()
    assert all(not tab.tree.topLevelItem(i).isHidden() for i in range(tab.tree.topLevelItemCount()))


def test_built_in_frameworks_cannot_be_edited(page: FrameworksPage) -> None:
    tab = page.frameworks
    assert "kan ikke endres" in tab.banner.text()
    for button in (
        tab.edit_framework_button,
        tab.delete_framework_button,
        tab.add_area_button,
        tab.add_competence_button,
        tab.edit_item_button,
        tab.remove_item_button,
        tab.scale_button,
    ):
        assert not button.isEnabled(), button.text()
    assert tab.copy_button.isEnabled() and tab.export_button.isEnabled()


def test_copy_a_built_in_framework_and_edit_the_copy(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(qtbot, page, "Østre Toten")
    tab = page.frameworks

    def name_copy(dialog: QDialog) -> None:
        assert isinstance(dialog, CopyDialog)
        assert dialog.name.text() == "Østre Toten kommune – vår utgave"
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, "Fjordvik arbeidsgiverpolitikk")

    run_dialog(monkeypatch, CopyDialog, name_copy)
    reloaded(qtbot, page, tab.copy_button.click)
    fw = tab.current_framework()
    assert fw is not None and fw.name == "Fjordvik arbeidsgiverpolitikk" and not fw.builtin
    assert "kan endres" in tab.banner.text() and tab.add_area_button.isEnabled()

    # rename it
    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, EditFrameworkDialog)
        dialog.owner.clear()
        qtbot.keyClicks(dialog.owner, "Fjordvik kommune")

    run_dialog(monkeypatch, EditFrameworkDialog, rename)
    reloaded(qtbot, page, tab.edit_framework_button.click)

    # a new area, and a competence in it
    def new_area(dialog: QDialog) -> None:
        assert isinstance(dialog, AreaDialog)
        qtbot.keyClicks(dialog.code, "§16")
        qtbot.keyClicks(dialog.name, "Bærekraft")

    run_dialog(monkeypatch, AreaDialog, new_area)
    reloaded(qtbot, page, tab.add_area_button.click)
    assert tab.tree.selected_key() is not None and tab.tree.currentItem().text(0) == "§16 Bærekraft"

    def new_competence(dialog: QDialog) -> None:
        assert isinstance(dialog, CompetenceDialog)
        qtbot.keyClicks(dialog.code, "§16.1")
        qtbot.keyClicks(dialog.name, "Klimavennlige innkjøp")
        dialog.critical.setChecked(True)
        qtbot.keyClicks(dialog.quote, "kommunen skal kjøpe inn klimavennlig")
        qtbot.keyClicks(dialog.source_ref, "Klimaplanen §3")

    run_dialog(monkeypatch, CompetenceDialog, new_competence)
    reloaded(qtbot, page, tab.add_competence_button.click)
    assert tab.tree.currentItem().text(0) == "§16.1 Klimavennlige innkjøp"
    assert "«kommunen skal kjøpe inn klimavennlig»" in tab.detail.text.toPlainText()

    stored = framework_tree(uow(ctx), fw.id)
    assert stored.framework.owner == "Fjordvik kommune"
    area = next(a for a in stored.areas if a.code == "§16")
    (comp,) = area.competences
    assert (comp.name, comp.critical, comp.source_ref, comp.kind) == (
        "Klimavennlige innkjøp",
        True,
        "Klimaplanen §3",
        "skill",
    )
    assert comp.scale_id == stored.framework.default_scale_id
    # the built-in original is untouched
    original = framework_tree(uow(ctx), "ostre-toten-agp")
    assert all(a.code != "§16" for a in original.areas)


def test_level_names_of_a_copy_can_be_edited(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(qtbot, page, "Testrammeverk")
    tab = page.frameworks
    assert tab.tree_data is not None
    comp = next(c for c in tab.tree_data.competences() if c.key == "dig-1")
    tab.tree.select_key(("competence", comp.id))

    def rename_level(dialog: QDialog) -> None:
        assert isinstance(dialog, ScaleDialog)
        assert len(dialog.level_fields) == 4
        name, name_en, _band = dialog.level_fields[2]
        name.clear()
        qtbot.keyClicks(name, "Selvstendig")
        name_en.clear()
        qtbot.keyClicks(name_en, "Independent")

    run_dialog(monkeypatch, ScaleDialog, rename_level)
    reloaded(qtbot, page, tab.scale_button.click)
    levels = tab.detail.levels_model
    assert levels.data(levels.index(2, 1)) == "Selvstendig"
    scale = framework_tree(uow(ctx), "test-fw").scale(comp.scale_id)
    assert (scale.levels[2].name, scale.levels[2].name_en, scale.levels[2].percent) == (
        "Selvstendig",
        "Independent",
        75.0,
    )


def test_a_refused_edit_keeps_the_dialog_open_with_the_message(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(qtbot, page, "Testrammeverk")
    tab = page.frameworks
    messages: list[str] = []

    def duplicate_code(dialog: QDialog) -> None:
        assert isinstance(dialog, CompetenceDialog)
        qtbot.keyClicks(dialog.code, "dig-2")  # taken by another competence
        qtbot.keyClicks(dialog.name, "Ny")

    def fake_exec(dialog: QDialog) -> int:
        duplicate_code(dialog)
        dialog.accept()
        messages.append(dialog.error_text)  # type: ignore[attr-defined]
        return int(dialog.result())

    monkeypatch.setattr(CompetenceDialog, "exec", fake_exec)
    tab.add_competence_button.click()
    assert messages == ["Koden «dig-2» brukes allerede av «Informasjonssikkerhet» i dette rammeverket."]
    assert len(framework_tree(uow(ctx), "test-fw").competences()) == 4


def test_a_competence_in_use_cannot_be_removed(
    page: FrameworksPage, ctx: AppContext, register: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(qtbot, page, "Testrammeverk")
    tab = page.frameworks
    tab.tree.select_key(("competence", register.fw.competence_ids["dig-1"]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.remove_item_button.click()
    assert [b.text() for b in message_boxes()] == [
        "«Digitale verktøy» er i bruk (krav, vurderinger, kurs eller mål) og kan ikke fjernes."
    ]
    assert len(framework_tree(uow(ctx), "test-fw").competences()) == 4
    # one nobody uses goes
    tab.tree.select_key(("competence", register.fw.competence_ids["hms-1"]))
    reloaded(qtbot, page, tab.remove_item_button.click)
    assert [c.key for c in framework_tree(uow(ctx), "test-fw").competences()] == [
        "dig-1",
        "dig-2",
        "hms-cert",
    ]
    assert tab.tree.currentItem().text(0) == "§13 HMS"


def test_export_and_import_a_framework_file(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    choose(qtbot, page, "Testrammeverk")
    tab = page.frameworks
    target = tmp_path / "ut" / "testrammeverk"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.export_button.click()
    wait_idle(qtbot, ctx)
    written = target.with_suffix(".json")
    doc = json.loads(written.read_text(encoding="utf-8"))
    assert doc["key"] == "test-fw" and len(doc["areas"]) == 2
    assert ctx.preferences.settings.value("files/frameworks") == str(target.parent)

    doc.update(key="fjordvik-plan", name="Fjordviks plan")
    for scale in doc["scales"]:
        scale["key"] = "fjordvik-" + scale["key"]
    for area in doc["areas"]:
        for comp in area["competences"]:
            if "scale" in comp:  # the default scale is left out
                comp["scale"] = "fjordvik-" + comp["scale"]
    doc["default_scale"] = "fjordvik-" + doc["default_scale"]
    incoming = tmp_path / "fjordvik.json"
    incoming.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(incoming), ""))
    reloaded(qtbot, page, tab.import_button.click)
    assert tab.current_framework() is not None and tab.current_framework().name == "Fjordviks plan"  # type: ignore[union-attr]
    assert [b.text() for b in message_boxes()] == ["Fjordviks plan: lagt inn (versjon 1, 4 kompetanser)."]
    assert "Fjordviks plan" in [f.name for f in list_frameworks(uow(ctx))]


def test_a_bad_framework_file_is_refused_with_the_place_of_the_fault(
    page: FrameworksPage, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "feil.json"
    bad.write_text('{"format": "kompetanseregister-framework", "format_version": 1, "key": "x"}', "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    before = len(list_frameworks(uow(ctx)))
    page.frameworks.import_button.click()
    wait_idle(qtbot, ctx)
    (box,) = message_boxes()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("Feil i rammeverksfilen")
    assert len(list_frameworks(uow(ctx))) == before


def test_framework_models_follow_the_qt_model_contract(
    page: FrameworksPage, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.frameworks.model)
    qtmodeltester.check(page.frameworks.detail.levels_model)


def test_the_screen_in_english(ctx: AppContext, register: Register, qtbot: QtBot, qapp: QApplication) -> None:
    from ui.i18n import install_language

    ensure_builtin_frameworks(UnitOfWork(ctx.database))
    install_language(qapp, "en")
    try:
        page = shown(qtbot, FrameworksPage(ctx), (1300, 800))
        tab = page.frameworks
        assert [page.tabs.tabText(i) for i in range(2)] == ["F&rameworks", "R&oles and requirements"]
        assert tab.banner.text().startswith("Built-in framework: it comes with the program")
        assert tab.model.data(tab.model.index(0, 1)) == "Built in"
        assert tab.tree_data is not None
        comp = next(c for c in tab.tree_data.competences() if c.code == "4.2")
        tab.tree.select_key(("competence", comp.id))
        assert "4.2 Protecting personal data and privacy" in tab.detail.text.toPlainText()
        levels = tab.detail.levels_model
        assert (levels.data(levels.index(4, 2)), levels.data(levels.index(4, 3))) == (
            "Advanced",
            "62.5%",  # English writes no space before the percent sign (competence.numbers)
        )
        wait_idle(qtbot, ctx)
    finally:
        install_language(qapp, "nb")
