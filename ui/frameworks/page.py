"""Rammeverk og roller: the competence frameworks (browse, copy, edit a copy, files), the roles
with their required levels, and the catalogue of formal qualifications. Everything shown is loaded
by one background job (:func:`competence.actions.screens.load_frameworks_screen`); each edit is a
unit of work of its own, after which the screens that show frameworks or roles reload."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from competence.actions.screens import FrameworksScreen, load_frameworks_screen
from competence.changes import Changes
from competence.frameworks.queries import FrameworkTree, framework_tree
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.frameworks.browser import FrameworksTab
from ui.frameworks.qualifications import QualificationsCatalogueTab
from ui.frameworks.roles import RolesTab
from ui.pages.base import Page


class FrameworksPage(Page):
    shows = Changes(frameworks=True, roles=True, qualifications=True)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.frameworks = FrameworksTab(ctx)
        self.roles = RolesTab(ctx)
        self.qualifications = QualificationsCatalogueTab(ctx.tasks)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.frameworks, self.tr("&Rammeverk"))
        self.tabs.addTab(self.roles, self.tr("R&oller og krav"))
        self.tabs.addTab(self.qualifications, self.tr("Kv&alifikasjoner"))
        self.tabs.setAccessibleName(self.tr("Rammeverk og roller"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.frameworks.framework_chosen.connect(self._load_tree)

    def reload(self) -> None:
        wanted = self.frameworks.framework_to_show()

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> FrameworksScreen:
            return load_frameworks_screen(uow, wanted)

        def done(data: FrameworksScreen) -> None:
            self.ctx.tasks.forget(self, "tree")  # a tree asked for before this reload is out of date
            self.frameworks.show_frameworks(data.frameworks, data.tree)
            self.roles.show_roles(data.roles, data.options)
            self.qualifications.show_catalogue(data.qualifications)
            self.loaded.emit()

        self.ctx.tasks.run(job, on_done=done, parent=self, latest="screen")

    def _load_tree(self, framework_id: int) -> None:
        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> FrameworkTree:
            return framework_tree(uow, framework_id)

        self.ctx.tasks.run(job, on_done=self.frameworks.show_tree, parent=self, latest="tree")

    def focus_search(self) -> bool:
        self.tabs.setCurrentWidget(self.frameworks)
        self.frameworks.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.frameworks.search.selectAll()
        return True
