"""The Rammeverk tab: the frameworks in the register, one framework's tree with a search, the selected
item's details, and the edits a municipality makes to its own copies (built-ins are read-only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from competence.frameworks.editing import delete_framework, remove_area, remove_competence
from competence.frameworks.queries import FrameworkSummary, FrameworkTree, ScaleView
from ui.context import AppContext
from ui.errors import attempt
from ui.frameworks.detail import DetailPanel
from ui.frameworks.dialogs import AreaDialog, CompetenceDialog, CopyDialog, EditFrameworkDialog, ScaleDialog
from ui.frameworks.files import FrameworkFiles
from ui.frameworks.tree import FrameworkTreeWidget, Key
from ui.i18n import current_language, fmt_int
from ui.widgets.flow import FlowLayout
from ui.widgets.forms import FormDialog
from ui.widgets.pickers import short_framework_name
from ui.widgets.screen import share_when_shown
from ui.widgets.tables import Column, ColumnFitter, DataTable, RowTableModel


def remember_splitter(
    ctx: AppContext, splitter: QSplitter, name: str, weights: tuple[int, ...] | None = None
) -> None:
    """Restore the splitter's sizes from the user's preferences (or share its room by ``weights``
    the first time) and save them when moved."""
    state = ctx.preferences.splitter_state(name)
    if state is not None:
        splitter.restoreState(state)
    elif weights is not None:
        share_when_shown(splitter, weights)
    splitter.splitterMoved.connect(lambda *_: ctx.preferences.save_splitter_state(name, splitter.saveState()))


def _button(text: str, action: Callable[[], None], tooltip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(action)
    if tooltip:
        button.setToolTip(tooltip)
    return button


class FrameworksTab(QWidget):
    #: The user chose another framework: the page loads its tree.
    framework_chosen = Signal(int)
    #: A framework's tree is shown (used by tests and the screenshots).
    tree_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tree_data: FrameworkTree | None = None
        #: Select this item after the next reload (what was just added or edited).
        self.pending_key: Key | None = None
        #: Show this framework after the next reload (a copy just made, a file just imported).
        self._wanted_framework: int | None = None
        self._filling = False
        self.files = FrameworkFiles(ctx, self)
        self.files.imported.connect(self._imported)

        # the list of frameworks ---------------------------------------------------------------
        self.model: RowTableModel[FrameworkSummary] = RowTableModel(
            [
                Column(
                    self.tr("Rammeverk"),
                    lambda f: short_framework_name(f.display_name(current_language())),
                    tooltip=lambda f: f.display_name(current_language()),
                    key="name",
                ),
                Column(self.tr("Type"), self._origin, key="origin"),
                Column(
                    self.tr("Kompetanser"),
                    lambda f: fmt_int(f.competence_count),
                    lambda f: f.competence_count,
                    align_right=True,
                    key="count",
                ),
            ],
            parent=self,
        )
        self.list = DataTable()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Rammeverk i registeret"))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        self.list_fitter = ColumnFitter(self.list, 0, cap=120, stretch_min=110)
        self.list_fitter.optional = [1]  # built-in or a copy: the banner over the tree says so too
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)
        list_label = QLabel(self.tr("Rammeverk i re&gisteret:"))
        list_label.setBuddy(self.list)

        self.copy_button = _button(self.tr("Lag &kopi…"), self.copy)
        self.edit_framework_button = _button(self.tr("Endre &navn…"), self.edit_framework)
        self.delete_framework_button = _button(self.tr("Slett rammeverket"), self.delete_framework)
        self.import_button = _button(
            self.tr("&Importer fil…"),
            self.files.choose_import,
            self.tr("Les inn et rammeverk fra en JSON-fil"),
        )
        self.export_button = _button(
            self.tr("Eksporter fi&l…"), self.export, self.tr("Lagre det valgte rammeverket som en JSON-fil")
        )
        list_buttons = QGridLayout()
        list_buttons.addWidget(self.copy_button, 0, 0)
        list_buttons.addWidget(self.edit_framework_button, 0, 1)
        list_buttons.addWidget(self.delete_framework_button, 1, 0, 1, 2)
        list_buttons.addWidget(self.import_button, 2, 0)
        list_buttons.addWidget(self.export_button, 2, 1)
        list_side = QWidget()
        ls = QVBoxLayout(list_side)
        ls.setContentsMargins(0, 0, 0, 0)
        ls.addWidget(list_label)
        ls.addWidget(self.list, 1)
        ls.addLayout(list_buttons)

        # the tree -------------------------------------------------------------------------------
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px; border-radius: 3px;")
        self.banner.setAccessibleName(self.tr("Om rammeverket kan endres"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Søk på kode, navn eller sitat («4.2», «personvern»)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Søk i rammeverket"))
        self.search.textChanged.connect(self._filter)
        self.shown = QLabel()
        self.shown.setAccessibleName(self.tr("Antall viste kompetanser"))
        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Søk:"))
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.shown)
        self.tree = FrameworkTreeWidget()
        self.tree.key_changed.connect(self._item_changed)
        self.tree.itemActivated.connect(lambda *_: self.edit_item())

        self.add_area_button = _button(self.tr("Nytt o&mråde…"), self.add_area)
        self.add_competence_button = _button(self.tr("Ny kompe&tanse…"), self.add_competence)
        self.edit_item_button = _button(self.tr("&Endre…"), self.edit_item)
        self.remove_item_button = _button(self.tr("F&jern"), self.remove_item)
        self.scale_button = _button(
            self.tr("Niv&ånavn…"), self.edit_scale, self.tr("Endre navnene på nivåene i skalaen")
        )
        tree_buttons_box = QWidget()
        tree_buttons = FlowLayout(tree_buttons_box, spacing=6)  # wraps in a narrow window
        for button in (
            self.add_area_button,
            self.add_competence_button,
            self.edit_item_button,
            self.remove_item_button,
            self.scale_button,
        ):
            tree_buttons.addWidget(button)
        tree_side = QWidget()
        ts = QVBoxLayout(tree_side)
        ts.setContentsMargins(0, 0, 0, 0)
        ts.addWidget(self.banner)
        ts.addLayout(search_row)
        ts.addWidget(self.tree, 1)
        ts.addWidget(tree_buttons_box)

        self.detail = DetailPanel()
        self.detail.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.detail.show_nothing()

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(tree_side)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        remember_splitter(ctx, self.splitter, "frameworks", (26, 42, 32))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._update_buttons()

    # --- data ---------------------------------------------------------------------------------
    def _origin(self, fw: FrameworkSummary) -> str:
        return self.tr("Innebygd") if fw.builtin else self.tr("Egen")

    def current_framework(self) -> FrameworkSummary | None:
        index = self.list.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def current_framework_id(self) -> int | None:
        fw = self.current_framework()
        return fw.id if fw is not None else None

    def show_frameworks(self, frameworks: Sequence[FrameworkSummary], tree: FrameworkTree | None) -> None:
        """The list and the tree of the framework to show (the one selected before, if still there)."""
        self._wanted_framework = None
        self.model.set_rows(frameworks)
        row = next(
            (i for i, f in enumerate(frameworks) if tree is not None and f.id == tree.framework.id), -1
        )
        self._filling = True  # the tree comes with the list: no second load for the selection
        try:
            if row >= 0:
                self.list.selectRow(row)
                self.list.scrollTo(self.model.index(row, 0))
            else:
                self.list.clearSelection()
        finally:
            self._filling = False
        self.show_tree(tree)

    def show_tree(self, tree: FrameworkTree | None) -> None:
        if tree is not None and tree.framework.id != self.current_framework_id():
            return  # the user chose another framework meanwhile
        self.tree_data = tree
        self.tree.set_tree(tree)
        if self.pending_key is not None:
            self.tree.select_key(self.pending_key)
            self.pending_key = None
        self._filter(self.search.text())
        self._item_changed(self.tree.selected_key())
        self.tree_shown.emit()

    def _row_changed(self) -> None:
        if self._filling:
            return
        fw = self.current_framework()
        if fw is not None and (self.tree_data is None or self.tree_data.framework.id != fw.id):
            self.search.clear()
            self.framework_chosen.emit(fw.id)
        self._update_buttons()

    def _filter(self, text: str) -> None:
        shown = self.tree.apply_filter(text)
        total = len(self.tree_data.competences()) if self.tree_data is not None else 0
        self.shown.setText(
            self.tr("{shown} av {total}").format(shown=fmt_int(shown), total=fmt_int(total)) if text else ""
        )

    def _item_changed(self, key: Key | None) -> None:
        tree = self.tree_data
        area, comp = self.tree.selected_area(), self.tree.selected_competence()
        if tree is None:
            self.detail.show_nothing()
        elif area is not None and comp is not None:
            self.detail.show_competence(tree, area, comp)
        elif area is not None:
            self.detail.show_area(tree, area)
        else:  # an empty framework, or nothing selected yet
            self.detail.show_framework(tree)
        self._update_buttons()

    def _update_buttons(self) -> None:
        fw = self.current_framework()
        own = fw is not None and fw.editable and self.tree_data is not None
        key = self.tree.selected_key()
        for button in (self.edit_framework_button, self.delete_framework_button, self.add_area_button):
            button.setEnabled(own)
        self.add_competence_button.setEnabled(own and self.tree.selected_area() is not None)
        self.edit_item_button.setEnabled(own and key is not None)
        self.remove_item_button.setEnabled(own and key is not None)
        self.scale_button.setEnabled(own and self.selected_scale() is not None)
        self.copy_button.setEnabled(fw is not None)
        self.export_button.setEnabled(fw is not None)
        if fw is None:
            self.banner.hide()
            return
        self.banner.show()
        if fw.builtin:
            self.banner.setText(
                self.tr(
                    "Innebygd rammeverk: det følger programmet og kan ikke endres. "
                    "Lag en kopi for å tilpasse det til kommunen."
                )
            )
        else:
            self.banner.setText(
                self.tr("Kommunens eget rammeverk: områder, kompetanser og nivånavn kan endres.")
            )

    def selected_scale(self) -> ScaleView | None:
        """The scale of the selected competence, or the framework's standard scale."""
        tree = self.tree_data
        if tree is None:
            return None
        comp = self.tree.selected_competence()
        wanted = comp.scale_id if comp is not None else tree.framework.default_scale_id
        return next((s for s in tree.scales if s.id == wanted), None)

    # --- edits --------------------------------------------------------------------------------
    def _run(self, dialog: FormDialog, key: Callable[[Any], Key | None]) -> None:
        """Open an edit dialog; when it saved, select ``key(what it saved)`` after the reload."""
        with self.ctx.tasks.holding():
            if dialog.exec():
                self.pending_key = key(dialog.result_value)

    def copy(self) -> None:
        fw = self.current_framework()
        if fw is None:
            return
        dialog = CopyDialog(self.ctx.tasks, fw, self)
        with self.ctx.tasks.holding():
            if dialog.exec():
                self.select_framework_after_reload(dialog.result_value.id)

    def select_framework_after_reload(self, framework_id: int) -> None:
        self._wanted_framework = framework_id

    def framework_to_show(self) -> int | None:
        """The framework the next reload shows: one just made or imported, else the selected one."""
        wanted = self._wanted_framework
        return wanted if wanted is not None else self.current_framework_id()

    def edit_framework(self) -> None:
        fw = self.current_framework()
        if fw is not None:
            self._run(EditFrameworkDialog(self.ctx.tasks, fw, self), lambda _fw: None)

    def delete_framework(self) -> None:
        fw = self.current_framework()
        if fw is None:
            return
        question = self.tr(
            "Slette rammeverket «{name}» med alle områder og kompetanser? Det kan bare slettes når "
            "ingen krav, vurderinger, kurs eller mål bruker det."
        ).format(name=fw.name)
        if (
            QMessageBox.question(self, self.tr("Slett rammeverket"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        attempt(
            self,
            lambda: self.ctx.tasks.now(lambda uow: delete_framework(uow, fw.id, expected_version=fw.version)),
        )

    def add_area(self) -> None:
        fw = self.current_framework()
        if fw is not None:
            self._run(
                AreaDialog(self.ctx.tasks, fw, parent=self),
                lambda area: ("area", area.id),
            )

    def add_competence(self) -> None:
        tree, area = self.tree_data, self.tree.selected_area()
        if tree is not None and area is not None:
            self._run(
                CompetenceDialog(self.ctx.tasks, tree, area, parent=self),
                lambda comp: ("competence", comp.id),
            )

    def edit_item(self) -> None:
        fw, tree = self.current_framework(), self.tree_data
        if fw is None or tree is None or not fw.editable:
            return
        area, comp = self.tree.selected_area(), self.tree.selected_competence()
        if comp is not None and area is not None:
            self._run(
                CompetenceDialog(self.ctx.tasks, tree, area, comp, self),
                lambda _c: ("competence", comp.id),
            )
        elif area is not None:
            self._run(AreaDialog(self.ctx.tasks, fw, area, self), lambda _a: ("area", area.id))

    def remove_item(self) -> None:
        area, comp = self.tree.selected_area(), self.tree.selected_competence()
        if area is None:
            return
        if comp is not None:
            question = self.tr("Fjerne kompetansen «{name}» fra rammeverket?").format(name=comp.name)
            after: Key | None = ("area", area.id)

            def action() -> object:
                assert comp is not None
                return self.ctx.tasks.now(
                    lambda uow: remove_competence(uow, comp.id, expected_version=comp.version)
                )

        else:
            question = self.tr("Fjerne området «{name}» med alle de {count} kompetansene i det?").format(
                name=area.name, count=len(area.competences)
            )
            after = None

            def action() -> object:
                assert area is not None
                return self.ctx.tasks.now(
                    lambda uow: remove_area(uow, area.id, expected_version=area.version)
                )

        if QMessageBox.question(self, self.tr("Fjern"), question) != QMessageBox.StandardButton.Yes:
            return
        with self.ctx.tasks.holding():
            if attempt(self, action):
                self.pending_key = after

    def edit_scale(self) -> None:
        scale = self.selected_scale()
        if scale is not None:
            self._run(
                ScaleDialog(self.ctx.tasks, scale, self),
                lambda _s: self.tree.selected_key(),
            )

    def export(self) -> None:
        fw = self.current_framework()
        if fw is not None:
            self.files.choose_export(fw)

    def _imported(self, framework_id: int) -> None:
        self.select_framework_after_reload(framework_id)
