"""The main window: navigation between the screens, menus, status bar, remembered layout."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)

from competence.access import MyAccess, my_access
from competence.backups import take_backup
from competence.changes import Changes
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.engine import log_dir
from ui.access import status_text
from ui.context import AppContext
from ui.pages import PageSpec, discover_pages
from ui.pages.base import Page
from ui.preferences import role_label
from ui.widgets.flow import ElidedLabel
from ui.widgets.screen import fit_when_shown, room_for_window

if TYPE_CHECKING:
    from ui.help import HelpWindow

log = logging.getLogger("kompetanseregister.ui")
#: What the status bar's "what the login reaches" depends on.
REACH = Changes(access=True, people=True, units=True)


class MainWindow(QMainWindow):
    #: The user closed the window (and nothing in the background kept it open).
    closed = Signal()

    def __init__(self, ctx: AppContext, specs: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("MainWindow")
        title = self.tr("Kompetanseregister")
        if ctx.demo:
            title += " – " + self.tr("DEMO (oppdiktede data)")
        self.setWindowTitle(title)
        self.specs = specs if specs is not None else discover_pages()
        self._spec_by_key = {spec.key: spec for spec in self.specs}
        #: The screens made so far: each is made the first time it is shown (a faster start).
        self.pages: dict[str, Page] = {}
        #: The user guide, once opened (F1).
        self.help_window: HelpWindow | None = None

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigasjon"))
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(240)
        self.stack = QStackedWidget()
        for position, spec in enumerate(self.specs, start=1):
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if position <= 9:
                shortcut = QKeySequence(f"Ctrl+{position}")  # Qt names the keys in the UI language
                item.setToolTip(shortcut.toString(QKeySequence.SequenceFormat.NativeText))
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._row_changed)
        # a click (or Enter) on a screen's name goes to its start, also when it is shown already
        self.nav.itemClicked.connect(lambda item: self.navigate(str(item.data(Qt.ItemDataRole.UserRole))))
        self.nav.itemActivated.connect(lambda item: self.navigate(str(item.data(Qt.ItemDataRole.UserRole))))
        # as wide as the longest screen name (in either language), never cut
        widest = max(
            (self.nav.fontMetrics().horizontalAdvance(spec.title()) for spec in self.specs), default=80
        )
        self.nav.setMinimumWidth(min(widest + 28, 240))

        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([160, 1080])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._build_status_bar()
        ctx.page_requested.connect(self.show_page)
        ctx.employee_requested.connect(self.open_employee)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.tasks.busy_changed.connect(self.busy.setVisible)
        ctx.preferences_changed.connect(self.update_role)
        if not ctx.database.is_sqlite:  # an import or a changed account may change the reach
            ctx.changed.connect(self._reach_may_have_changed)

        # 1240x800 where there is room; on a small laptop the screen less its task bar. A size
        # remembered from a larger screen is fitted into this one when the window is shown.
        self.resize(QSize(1240, 800).boundedTo(room_for_window(self)))
        geometry = ctx.preferences.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        fit_when_shown(self)
        state = ctx.preferences.window_state()
        if state is not None:
            self.restoreState(state)
        last = ctx.preferences.last_page
        self.show_page(last if last in self._spec_by_key else self.specs[0].key if self.specs else "")

    # --- building ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fil"))
        backup = QAction(self.tr("Ta &sikkerhetskopi nå"), self)
        backup.setShortcut(QKeySequence("Ctrl+Shift+B"))
        backup.triggered.connect(self.backup_now)
        file_menu.addAction(backup)
        audit_log = QAction(self.tr("&Revisjonslogg…"), self)
        audit_log.triggered.connect(self.open_audit_log)
        file_menu.addAction(audit_log)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Avslutt"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        if quit_action.shortcut().isEmpty():
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = bar.addMenu(self.tr("&Vis"))
        for position, spec in enumerate(self.specs, start=1):
            action = QAction(spec.title(), self)
            if position <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{position}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.navigate(key))
            view_menu.addAction(action)
        view_menu.addSeparator()
        search = QAction(self.tr("&Søk"), self)
        search.setShortcut(QKeySequence.StandardKey.Find)
        search.triggered.connect(self.focus_search)
        view_menu.addAction(search)
        refresh = QAction(self.tr("&Oppdater"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        if refresh.shortcut().isEmpty():
            refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self.refresh)
        view_menu.addAction(refresh)
        self.addActions([backup, quit_action, search, refresh])

        help_menu = bar.addMenu(self.tr("&Hjelp"))
        guide = QAction(self.tr("&Brukerveiledning"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        if guide.shortcut().isEmpty():
            guide.setShortcut(QKeySequence("F1"))
        guide.setToolTip(self.tr("Hjelp til skjermbildet du står i (F1)"))
        guide.triggered.connect(self.open_help)
        help_menu.addAction(guide)
        self.addAction(guide)
        help_menu.addSeparator()
        logs = QAction(self.tr("Åpne &loggmappen"), self)
        logs.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir()))))
        help_menu.addAction(logs)
        about = QAction(self.tr("&Om Kompetanseregister"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def open_help(self) -> None:
        """F1: the user guide, at the part about the screen in front."""
        from ui.help import HelpWindow  # not needed at start

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        page = self.current_page()
        self.help_window.show_topic(page.help_topic() if page is not None else "start")

    def open_audit_log(self) -> None:
        """Fil → Revisjonslogg: who did what when (loaded on first use: not needed at start)."""
        from ui.privacy.auditlog import open_audit_log

        open_audit_log(self.ctx, self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QLabel(self.tr("Arbeider…"))
        self.busy.setAccessibleName(self.tr("Arbeider i bakgrunnen"))
        self.busy.hide()
        location = self.ctx.database.location
        kind = self.tr("fil") if self.ctx.database.is_sqlite else self.tr("server")
        # a long path (a network drive) is shortened in the middle rather than widening the window
        self.db_label = ElidedLabel(
            self.tr("Database ({kind}): {location}").format(kind=kind, location=location)
        )
        self.db_label.setAccessibleName(self.tr("Database i bruk"))
        self.role_label = QLabel()
        self.role_label.setAccessibleName(self.tr("Din rolle"))
        self.role_label.setObjectName("role_label")
        self.access: MyAccess | None = None
        self.update_role()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.db_label)
        bar.addPermanentWidget(self.role_label)

    def update_role(self) -> None:
        """A register file: the role the user said they have. A shared register: the login and what
        the database lets it reach (read on a worker)."""
        if self.ctx.database.is_sqlite:
            self.role_label.setText(
                self.tr("Rolle: {role}").format(role=role_label(self.ctx.preferences.user_role))
            )
            return
        if self.access is None:
            self.role_label.setText(self.tr("Innlogget som {login}").format(login=self.ctx.database.login))
        ctx = self.ctx

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> MyAccess | None:
            return my_access(uow)

        def failed(exc: BaseException) -> None:
            log.warning("Fant ikke ut hva innloggingen når: %s", type(exc).__name__)

        ctx.tasks.run(job, on_done=self._show_access, on_error=failed, parent=self, latest="reach")

    def _reach_may_have_changed(self, changes: Changes) -> None:
        if changes.touches(REACH):
            self.update_role()

    def _show_access(self, access: MyAccess | None) -> None:
        self.access = access
        if access is not None:
            self.role_label.setText(status_text(access))
            self.role_label.setToolTip(self.tr("Databasen avgjør hva innloggingen din når."))

    # --- navigation --------------------------------------------------------------------------
    @property
    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def current_page(self) -> Page | None:
        return self.pages.get(self.current_key)

    def page(self, key: str) -> Page:
        """The screen for ``key``, made now if it has not been shown before."""
        page = self.pages.get(key)
        if page is None:
            spec = self._spec_by_key[key]
            page = spec.factory(self.ctx)
            page.setObjectName(f"page_{spec.key}")
            page.setAccessibleName(spec.title())
            self.pages[key] = page
            self.stack.addWidget(page)
        return page

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if self.nav.currentRow() == row:
                    self._row_changed(row)
                else:
                    self.nav.setCurrentRow(row)
                return

    def navigate(self, key: str) -> None:
        """The user chose a screen in the navigation or the Vis menu: show it at its start."""
        self.show_page(key)
        page = self.pages.get(key)
        if page is not None:
            page.show_start()

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.ctx.preferences.last_page = key
        page.activate()

    def open_employee(self, employee_id: int) -> None:
        from ui.employees.page import EmployeesPage

        page = self.page("employees") if "employees" in self._spec_by_key else None
        if isinstance(page, EmployeesPage):
            self.show_page("employees")
            page.open_employee(employee_id)

    def focus_search(self) -> None:
        page = self.current_page()
        if page is not None and not page.focus_search():
            self.statusBar().showMessage(self.tr("Denne siden har ikke noe søkefelt."), 4000)

    def refresh(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh()

    # --- actions -----------------------------------------------------------------------------
    def backup_now(self) -> None:
        database, actor = self.ctx.database, self.ctx.actor

        def job(progress: Progress, cancel: CancelToken) -> str:
            return str(take_backup(database, actor=actor))

        def done(path: str) -> None:
            self.ctx.tasks.publish(Changes(audit=True))  # the backup is noted in the audit log
            self.ctx.status_message.emit(self.tr("Sikkerhetskopi lagret: {path}").format(path=path))

        self.ctx.tasks.run_detached(job, on_done=done, parent=self, label=self.tr("Tar sikkerhetskopi…"))

    def about(self) -> None:
        """Hjelp → Om: version, register, data folder, licences (ui/about.py)."""
        from ui.about import show_about

        self.about_dialog = show_about(self.ctx, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.preferences.save_window(self.saveGeometry(), self.saveState())
        self.ctx.preferences.sync()
        if not self.ctx.tasks.shutdown(timeout_ms=10_000):
            QMessageBox.warning(
                self,
                self.tr("Kompetanseregister"),
                self.tr("Et arbeid i bakgrunnen er ikke ferdig. Vent litt og prøv å avslutte igjen."),
            )
            event.ignore()
            return
        event.accept()
        self.closed.emit()
