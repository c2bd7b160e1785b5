"""The Innstillinger screen."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from competence.changes import Changes
from competence.progress import CancelToken, Progress
from competence.settings import RegisterSettings, get_settings
from competence.uow import UnitOfWork
from ui.context import AppContext
from ui.pages.base import Page
from ui.settings.accounts_box import AccountsBox
from ui.settings.backups_box import BackupsBox
from ui.settings.database_box import DatabaseBox
from ui.settings.privacy_box import PrivacyBox
from ui.settings.register_box import RegisterBox
from ui.settings.user_box import UserBox


class SettingsPage(Page):
    # the register's settings, who is due for erasure, and who has access
    shows = Changes(settings=True, people=True, access=True)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.user = UserBox(ctx.preferences)
        self.register = RegisterBox(ctx.tasks)
        self.privacy = PrivacyBox(ctx)
        self.backups = BackupsBox(ctx)
        self.database_box = DatabaseBox(ctx)
        self.accounts = AccountsBox(ctx) if not ctx.database.is_sqlite else None
        content = QWidget()
        content.setMaximumWidth(960)  # long fields on a wide screen are hard to read
        layout = QVBoxLayout(content)
        for box in (self.user, self.register, self.privacy, self.backups, self.database_box, self.accounts):
            if box is not None:
                layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.user.role_changed.connect(lambda _role: ctx.preferences_changed.emit())
        self.register.saved.connect(lambda _settings: self.privacy.refresh())

    def reload(self) -> None:
        self.backups.refresh()
        self.privacy.refresh()
        if self.accounts is not None:
            self.accounts.refresh()

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> RegisterSettings:
            return get_settings(uow)

        self.ctx.tasks.run(job, on_done=self._show, parent=self, latest="settings")

    def _show(self, settings: RegisterSettings) -> None:
        self.register.show_settings(settings)
        self.loaded.emit()
