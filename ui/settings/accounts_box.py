"""Innstillinger → Tilganger: who reaches what on a shared register (``docs/security.md``).

HR (and the owner of the register) list the logins registered, give a login access as HR or as the
leader of a person chosen from the register, change it, and take it back; every change is in the
audit log, and the database grants or takes back the login's privileges itself. Any other login
sees its own access and that only HR can change it. Shown only for a register on a server.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from competence.access import AccountView, grant_access, revoke_access
from competence.actions.screens import AccessScreen, load_access_screen
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.codes import AccountKind
from db.errors import LocalizedError
from ui.access import account_kind, reach_text
from ui.context import AppContext
from ui.errors import error_message
from ui.i18n import fmt_date
from ui.widgets.fields import ERROR_STYLE
from ui.widgets.pickers import PersonPicker
from ui.widgets.qt import line_edit
from ui.widgets.tables import Column, RowTableModel


class AccountsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tilganger til det felles registeret"), parent)
        self.setObjectName("accounts_box")
        self.ctx = ctx
        self.state: AccessScreen | None = None
        columns: list[Column[AccountView]] = [
            Column(self.tr("Innlogging"), lambda a: a.login, key="login"),
            Column(self.tr("Tilgang"), account_kind, key="kind"),
            Column(
                self.tr("Leder (person i registeret)"),
                lambda a: f"{a.employee_name} ({a.employee_no})" if a.employee_no else "",
                key="person",
            ),
            Column(self.tr("Registrert"), lambda a: fmt_date(a.created_at.date()), lambda a: a.created_at),
        ]
        self.model: RowTableModel[AccountView] = RowTableModel(columns, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Registrerte innlogginger"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(140)
        self.me_label = QLabel()
        self.me_label.setWordWrap(True)
        self.me_label.setAccessibleName(self.tr("Din tilgang"))
        self.grant_button = QPushButton(self.tr("&Gi tilgang…"))
        self.change_button = QPushButton(self.tr("&Endre…"))
        self.revoke_button = QPushButton(self.tr("&Trekk tilbake…"))
        buttons = QHBoxLayout()
        for button in (self.grant_button, self.change_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.me_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.grant_button.clicked.connect(lambda: self.open_grant(None))
        self.change_button.clicked.connect(lambda: self.open_grant(self.selected()))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_grant(self.selected()))
        self._update_buttons()

    @property
    def manages(self) -> bool:
        return self.state is not None and self.state.me is not None and self.state.me.manages_accounts

    def refresh(self) -> None:
        self.ctx.tasks.run(
            lambda uow, p, c: load_access_screen(uow), on_done=self._show, parent=self, latest="accounts"
        )

    def _show(self, state: AccessScreen) -> None:
        self.state = state
        self.model.set_rows(state.accounts)
        self.table.resizeColumnsToContents()
        me = state.me
        if me is None:
            self.me_label.setText("")
        elif me.manages_accounts:
            self.me_label.setText(
                self.tr(
                    "Du er logget inn som {login} ({reach}). En innlogging som ikke står her, når "
                    "ingenting; databaseansvarlig oppretter innlogginger på serveren."
                ).format(login=me.login, reach=reach_text(me))
            )
        else:
            self.me_label.setText(
                self.tr("Du er logget inn som {login} ({reach}). Bare HR kan endre tilganger.").format(
                    login=me.login, reach=reach_text(me)
                )
            )
        self._update_buttons()

    def selected(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.grant_button.setEnabled(self.manages)
        self.change_button.setEnabled(self.manages and chosen)
        self.revoke_button.setEnabled(self.manages and chosen)

    def open_grant(self, account: AccountView | None) -> None:
        if not self.manages or self.state is None:
            return
        dialog = GrantDialog(self.ctx, self.state, account, parent=self)
        dialog.granted.connect(self._granted)
        dialog.open()

    def _granted(self, account: AccountView) -> None:
        self.ctx.status_message.emit(
            self.tr("{login} har fått tilgang: {kind}.").format(
                login=account.login, kind=account_kind(account)
            )
        )
        self.refresh()

    def revoke_selected(self) -> None:
        account = self.selected()
        if account is None or not self.manages:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Trekk tilbake tilgang"),
            self.tr(
                "Ta tilgangen fra {login}? Innloggingen når ingenting i registeret etterpå, heller ikke "
                "fra andre programmer. Endringen føres i revisjonsloggen."
            ).format(login=account.login),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, login = self.ctx, account.login

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> None:
            revoke_access(uow, login)

        def done(_none: None) -> None:
            ctx.status_message.emit(self.tr("{login} har ikke lenger tilgang.").format(login=login))
            self.refresh()

        ctx.tasks.run(job, on_done=done, parent=self, label=self.tr("Trekker tilbake tilgangen…"))


class GrantDialog(QDialog):
    """Give a login access: as HR, or as the leader of a person chosen from the register."""

    granted = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        state: AccessScreen,
        account: AccountView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("grant_dialog")
        self.setWindowTitle(self.tr("Endre tilgang") if account else self.tr("Gi tilgang"))
        self.numbers = {p.id: p.employee_no for p in state.people}
        self.login = QComboBox()
        self.login.setEditable(True)
        self.login.setAccessibleName(self.tr("Innlogging"))
        self.login.addItems(state.candidates)
        self.login.setCurrentIndex(-1)
        line_edit(self.login).setPlaceholderText(self.tr("innloggingen på databaseserveren"))
        if account is not None:
            self.login.setEditText(account.login)
            self.login.setEnabled(False)
        self.as_hr = QRadioButton(self.tr("&HR: hele kommunen"))
        self.as_leader = QRadioButton(self.tr("&Enhetsleder: personene i enhetene denne personen leder"))
        group = QButtonGroup(self)
        group.addButton(self.as_hr)
        group.addButton(self.as_leader)
        self.person = PersonPicker()
        self.person.setAccessibleName(self.tr("Lederen i registeret"))
        self.person.set_people(state.people)
        self.note = QLabel(
            self.tr(
                "En enhetsleder når personene i enhetene lederen leder og enhetene under, sine "
                "direkte underordnede og seg selv, og kan ikke utvide det selv. Databasen gir og tar "
                "tilbake rettighetene; endringen føres i revisjonsloggen."
            )
        )
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Melding"))
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Innlogging:"), self.login)
        form.addRow(self.tr("Tilgang:"), self.as_hr)
        form.addRow("", self.as_leader)
        form.addRow(self.tr("&Person:"), self.person)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("&Gi tilgang"))
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if account is not None and account.kind == AccountKind.HR:
            self.as_hr.setChecked(True)
        else:
            self.as_leader.setChecked(True)
        if account is not None and account.employee_no:
            person = next((i for i, no in self.numbers.items() if no == account.employee_no), None)
            self.person.select_id(person)
        self.as_leader.toggled.connect(self.person.setEnabled)
        self.person.setEnabled(self.as_leader.isChecked())
        self.setMinimumWidth(520)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        login = self.login.currentText().strip()
        if not login:
            self._say(self.tr("Velg eller skriv innloggingen som skal få tilgang."))
            return
        kind = AccountKind.HR if self.as_hr.isChecked() else AccountKind.LEADER
        number: str | None = None
        if kind == AccountKind.LEADER:
            try:
                person = self.person.checked_id("employee_no")
            except LocalizedError as exc:
                self._say(error_message(exc))
                return
            if person is None:
                self._say(self.tr("Velg personen i registeret som innloggingen tilhører."))
                return
            number = self.numbers.get(person)
        ctx = self.ctx
        self.ok_button.setEnabled(False)

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> AccountView:
            return grant_access(uow, login, kind, number)

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.ok_button.setDefault(True)
            if isinstance(exc, LocalizedError):
                self._say(error_message(exc))
            else:
                raise exc

        ctx.tasks.run(job, on_done=self._done, on_error=failed, parent=self, label=self.tr("Gir tilgang…"))

    def _done(self, account: AccountView) -> None:
        super().accept()
        self.granted.emit(account)
