"""Rammeverk og roller: the competence frameworks (browse, copy, edit a copy, files) and the roles
with their required levels. Everything shown is loaded by one background job; each edit is a unit
of work of its own, after which every screen reloads."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from competence.frameworks.queries import FrameworkSummary, FrameworkTree, framework_tree, list_frameworks
from competence.progress import CancelToken, Progress
from competence.qualifications import QualificationView, list_qualifications
from competence.roles import RoleView, list_roles
from competence.search import CompetenceOption, competence_options
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.frameworks.browser import FrameworksTab
from ui.frameworks.qualifications import QualificationsCatalogueTab
from ui.frameworks.roles import RolesTab
from ui.pages.base import Page


@dataclass(frozen=True)
class FrameworksData:
    frameworks: tuple[FrameworkSummary, ...]
    tree: FrameworkTree | None
    roles: tuple[RoleView, ...]
    options: tuple[CompetenceOption, ...]
    qualifications: tuple[QualificationView, ...] = ()


def load_data(uow: UnitOfWork, framework_id: int | None) -> FrameworksData:
    """Everything the screen shows, with the tree of ``framework_id`` (or of the first framework)."""
    frameworks = tuple(list_frameworks(uow))
    ids = [f.id for f in frameworks]
    chosen = framework_id if framework_id in ids else (ids[0] if ids else None)
    tree = framework_tree(uow, chosen) if chosen is not None else None
    return FrameworksData(
        frameworks,
        tree,
        tuple(list_roles(uow)),
        tuple(competence_options(uow)),
        tuple(list_qualifications(uow)),
    )


class FrameworksPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.frameworks = FrameworksTab(ctx)
        self.roles = RolesTab(ctx)
        self.qualifications = QualificationsCatalogueTab(ctx.database, ctx.actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.frameworks, self.tr("&Rammeverk"))
        self.tabs.addTab(self.roles, self.tr("R&oller og krav"))
        self.tabs.addTab(self.qualifications, self.tr("Kv&alifikasjoner"))
        self.tabs.setAccessibleName(self.tr("Rammeverk og roller"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._generation = 0
        self._tree_generation = 0
        self.frameworks.framework_chosen.connect(self._load_tree)
        self.frameworks.changed.connect(ctx.data_changed)
        self.roles.changed.connect(ctx.data_changed)
        self.qualifications.changed.connect(ctx.data_changed)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        wanted = self.frameworks.framework_to_show()
        ctx = self.ctx

        def job(progress: Progress, cancel: CancelToken) -> FrameworksData:
            return load_data(ctx.uow(), wanted)

        def done(data: FrameworksData) -> None:
            if generation != self._generation:
                return
            self._tree_generation += 1  # a tree asked for before this reload is out of date
            self.frameworks.show_frameworks(data.frameworks, data.tree)
            self.roles.show_roles(data.roles, data.options)
            self.qualifications.show_catalogue(data.qualifications)
            self.loaded.emit()

        ctx.tasks.run(job, on_done=done, parent=self)

    def _load_tree(self, framework_id: int) -> None:
        self._tree_generation += 1
        generation = self._tree_generation
        ctx = self.ctx

        def job(progress: Progress, cancel: CancelToken) -> FrameworkTree:
            return framework_tree(ctx.uow(), framework_id)

        def done(tree: FrameworkTree) -> None:
            if generation == self._tree_generation:
                self.frameworks.show_tree(tree)

        ctx.tasks.run(job, on_done=done, parent=self)

    def focus_search(self) -> bool:
        self.tabs.setCurrentWidget(self.frameworks)
        self.frameworks.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.frameworks.search.selectAll()
        return True
