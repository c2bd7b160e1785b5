"""Ansatte: the employee list with instant search and filters, and the employee card."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from competence.actions.card import Lookups
from competence.actions.screens import load_employee_list
from competence.progress import CancelToken, Progress
from competence.roles import RoleView
from competence.search import CompetenceOption, employees_at_level
from competence.talk_cycle import overdue_talk_ids
from competence.units import UnitView
from competence.uow import UnitOfWork
from ui.card.card import SHOWN as CARD_SHOWS
from ui.card.card import EmployeeCard
from ui.context import AppContext
from ui.employees.dialogs import NewEmployeeDialog
from ui.employees.filters import CompetenceFilter, RoleFilter, UnitTree
from ui.employees.model import (
    NAME_COLUMN,
    EmployeeFilter,
    EmployeeFilterProxy,
    EmployeeTableModel,
    PreparedList,
    prepare,
)
from ui.i18n import fmt_int
from ui.pages.base import Page
from ui.widgets.tables import DataTable

_DEFAULT_WIDTHS = {
    "employee_no": 80,
    "name": 200,
    "units": 200,
    "titles": 170,
    "roles": 150,
    "fte": 110,
    "email": 200,
}


@dataclass(frozen=True)
class ListData:
    employees: PreparedList
    units: tuple[UnitView, ...]
    roles: tuple[RoleView, ...]
    competences: tuple[CompetenceOption, ...]


def load_list(uow: UnitOfWork) -> ListData:
    """Everything the list and its filters show, with the keys it searches and sorts on (runs on
    a worker: no Qt in here)."""
    loaded = load_employee_list(uow)
    return ListData(
        prepare(loaded.employees, in_name_order=True), loaded.units, loaded.roles, loaded.competences
    )


class EmployeesPage(Page):
    # the list, its filters, and the card it opens
    shows = CARD_SHOWS

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.data: ListData | None = None
        self._list_stale = False

        # filters ------------------------------------------------------------------------------
        self.units = UnitTree()
        self.roles = RoleFilter()
        self.competence = CompetenceFilter()
        self.include_left = QCheckBox(self.tr("Vis også de som har sluttet"))
        self.talk_overdue = QCheckBox(self.tr("Bare de med &medarbeidersamtale forfalt"))
        self.talk_overdue.setToolTip(
            self.tr("De som skulle hatt medarbeidersamtale nå (Innstillinger: tid mellom samtalene)")
        )
        self._talk_generation = 0
        self.reset_filters = QPushButton(self.tr("Nullstill filtre"))
        filters = QWidget()
        filters.setAccessibleName(self.tr("Filtre"))
        f = QVBoxLayout(filters)
        f.setContentsMargins(0, 0, 0, 0)
        units_label = QLabel(self.tr("&Enhet"))
        units_label.setBuddy(self.units)
        roles_label = QLabel(self.tr("&Rolle"))
        roles_label.setBuddy(self.roles)
        comp_label = QLabel(self.tr("&Kompetanse"))
        comp_label.setBuddy(self.competence.competence)
        f.addWidget(units_label)
        f.addWidget(self.units, 1)
        f.addWidget(roles_label)
        f.addWidget(self.roles)
        f.addWidget(comp_label)
        f.addWidget(self.competence)
        f.addWidget(self.talk_overdue)
        f.addWidget(self.include_left)
        f.addWidget(self.reset_filters)

        # the list -----------------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Søk på navn, ansattnummer, enhet, stilling, rolle eller e-post")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Søk i ansattlisten"))
        self.search.setToolTip(self.tr("Pil ned eller Enter går til listen"))
        self.search.installEventFilter(self)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Antall viste ansatte"))
        self.new_button = QPushButton(self.tr("&Ny ansatt…"))
        self.model = EmployeeTableModel(self)
        self.proxy = EmployeeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = DataTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Ansatte"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        rows = self.table.verticalHeader()
        rows.hide()
        # fixed row heights: with 50,000 rows Qt then never measures rows one by one
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, _DEFAULT_WIDTHS.get(column.key, 100))
        saved = ctx.preferences.splitter_state("employees_header")
        if saved is not None:
            header.restoreState(saved)
        header.sectionResized.connect(self._save_header)
        header.sortIndicatorChanged.connect(lambda *_: self._save_header())

        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Søk:"))
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.new_button)
        list_side = QWidget()
        r = QVBoxLayout(list_side)
        r.setContentsMargins(0, 0, 0, 0)
        r.addLayout(top)
        r.addWidget(self.table, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(filters)
        self.splitter.addWidget(list_side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        state = ctx.preferences.splitter_state("employees")
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda *_: ctx.preferences.save_splitter_state("employees", self.splitter.saveState())
        )

        self._card: EmployeeCard | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        # wiring -------------------------------------------------------------------------------
        self.search.textChanged.connect(self._filters_changed)
        self.units.selection_changed.connect(self._filters_changed)
        self.roles.role_changed.connect(self._filters_changed)
        self.include_left.toggled.connect(self._filters_changed)
        self.talk_overdue.toggled.connect(lambda _on: self._talk_filter_changed())
        self.competence.changed.connect(self._competence_changed)
        self.reset_filters.clicked.connect(self.clear_filters)
        self.table.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.new_employee)
        self._update_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search field go on into the list (to the first match)."""
        onwards = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in onwards
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.into_list()
            return True
        return super().eventFilter(watched, event)

    def into_list(self) -> None:
        """Put the keyboard in the list, on the current person or else the first one shown."""
        if self.proxy.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, NAME_COLUMN))
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    @property
    def card(self) -> EmployeeCard:
        """The employee card, made the first time someone is opened."""
        if self._card is None:
            self._card = EmployeeCard(self.ctx, self._lookups)
            self._card.back_requested.connect(self.show_list)
            self.stack.addWidget(self._card)
        return self._card

    def _lookups(self) -> Lookups | None:
        """The units, roles, competences and people loaded for the list: the card's pickers reuse them."""
        data = self.data
        if data is None:
            return None
        return Lookups(data.units, data.roles, data.competences, data.employees.rows)

    def _card_shown(self) -> bool:
        return self._card is not None and self.stack.currentWidget() is self._card

    # --- Page --------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._card_shown():
            self.card.reload()
            self._list_stale = True
            return
        self._load_list()

    def show_start(self) -> None:
        self.show_list()

    def help_topic(self) -> str:
        return "card" if self._card_shown() else "employees"

    def focus_search(self) -> bool:
        self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def _load_list(self) -> None:
        self._list_stale = False
        self.count.setText(self.tr("Laster…"))
        self.ctx.tasks.run(
            lambda uow, progress, cancel: load_list(uow), on_done=self._list_ready, parent=self, latest="list"
        )

    def _list_ready(self, data: ListData) -> None:
        current = self.current_employee_id()
        self.data = data
        self.units.set_units(data.units)
        self.roles.set_roles(data.roles)
        self.competence.set_options(data.competences)
        self.model.set_prepared(data.employees)
        self._filters_changed()
        if current is not None:
            self.select_employee(current)
        if self.competence.competence_id() is not None:  # assessments may have changed: ask again
            self._competence_changed(self.competence.competence_id(), self.competence.min_level())
        if self.talk_overdue.isChecked():  # talks may have been recorded: ask again
            self._talk_filter_changed()
        self.loaded.emit()

    # --- filtering ---------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        current = self.current_employee_id()
        self.proxy.set_filter(
            EmployeeFilter(
                text=self.search.text(),
                unit_ids=self.units.selected_subtree(),
                role_id=self.roles.role_id(),
                employee_ids=self.proxy.current_filter.employee_ids,
                include_left=self.include_left.isChecked(),
                talk_overdue_ids=self.proxy.current_filter.talk_overdue_ids,
            )
        )
        if current is not None:
            self.select_employee(current, scroll=False)
        self._update_count()

    def _competence_changed(self, competence_id: int | None, min_level: int) -> None:
        """Ask the database who holds the competence (one query, on a worker), then filter on it."""
        if competence_id is None:
            self.ctx.tasks.forget(self, "holders")
            self.proxy.set_filter(replace(self.proxy.current_filter, employee_ids=None))
            self._update_count()
            return

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> frozenset[int]:
            return employees_at_level(uow, competence_id, min_level)

        def done(ids: frozenset[int]) -> None:
            self.proxy.set_filter(replace(self.proxy.current_filter, employee_ids=ids))
            self._update_count()

        self.ctx.tasks.run(job, on_done=done, parent=self, latest="holders")

    def _talk_filter_changed(self) -> None:
        """Ask who is overdue for a talk (on a worker), then show only them; off: everyone."""
        self._talk_generation += 1
        generation = self._talk_generation
        if not self.talk_overdue.isChecked():
            self.proxy.set_filter(replace(self.proxy.current_filter, talk_overdue_ids=None))
            self._update_count()
            return

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> frozenset[int]:
            return overdue_talk_ids(uow)

        def done(ids: frozenset[int]) -> None:
            if generation == self._talk_generation:
                self.proxy.set_filter(replace(self.proxy.current_filter, talk_overdue_ids=ids))
                self._update_count()

        self.ctx.tasks.run(job, on_done=done, parent=self, latest="talks")

    def clear_filters(self) -> None:
        self.search.clear()
        self.units.select_unit(None)
        self.roles.setCurrentIndex(0)
        self.competence.clear()
        self.include_left.setChecked(False)
        self.talk_overdue.setChecked(False)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.proxy.total
        self.count.setText(
            self.tr("Viser {shown} av {total}").format(shown=fmt_int(shown), total=fmt_int(total))
        )

    # --- selection and the card --------------------------------------------------------------
    def current_employee_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.proxy.employee_at(index.row()) if index.isValid() else None
        return row.id if row is not None else None

    def select_employee(self, employee_id: int, *, scroll: bool = True) -> bool:
        row = self.proxy.row_of_employee(employee_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.proxy.index(row, NAME_COLUMN))
        if scroll:
            self.table.scrollTo(self.proxy.index(row, NAME_COLUMN))
        return True

    def _open_index(self, index: QModelIndex) -> None:
        row = self.proxy.employee_at(index.row())
        if row is not None:
            self.open_employee(row.id)

    def open_employee(self, employee_id: int) -> None:
        self.card.show_employee(employee_id)
        self.stack.setCurrentWidget(self.card)
        self.card.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> None:
        if self.stack.currentWidget() is self.splitter:
            return
        employee_id = self._card.employee_id if self._card is not None else None
        self.stack.setCurrentWidget(self.splitter)
        if self._list_stale or self.data is None:
            self._load_list()
        elif employee_id is not None:
            self.select_employee(employee_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_employee(self) -> None:
        data = self.data
        dialog = NewEmployeeDialog(
            self.ctx.tasks, data.units if data else (), data.roles if data else (), self
        )
        if dialog.exec() and dialog.created is not None:
            self.open_employee(dialog.created.id)

    def _save_header(self) -> None:
        self.ctx.preferences.save_splitter_state(
            "employees_header", self.table.horizontalHeader().saveState()
        )
