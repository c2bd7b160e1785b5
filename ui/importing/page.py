"""The Import screen: start the roster import, the assessment-template import, the import of the
employees' self-assessments or the 10-FAKTOR import, and see the imports done before (when, by whom,
what file, how it ended)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from competence.changes import Changes
from competence.import_history import ImportRunView, list_import_runs
from competence.progress import CancelToken, Progress
from competence.uow import UnitOfWork
from db.codes import ImportKind, ImportStatus
from ui.context import AppContext
from ui.i18n import current_language, fmt_date, fmt_int
from ui.importing.tables import report_table
from ui.pages.base import Page
from ui.widgets.fields import ERROR_COLOUR
from ui.widgets.tables import Column, RowTableModel

if TYPE_CHECKING:
    from ui.importing.roster_wizard import RosterWizard
    from ui.importing.self_assessment_wizard import SelfAssessmentWizard
    from ui.importing.steps import StepWizard
    from ui.importing.template_wizard import TemplateWizard
    from ui.importing.tenfactor_wizard import TenFactorWizard

translate = QCoreApplication.translate
_WARNING = QColor(ERROR_COLOUR)


def local_time(stamp: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) timestamp in the computer's time zone."""
    return stamp.replace(tzinfo=dt.UTC).astimezone()


def when(run: ImportRunView) -> str:
    moment = local_time(run.started_at)
    return f"{fmt_date(moment.date())} {moment:%H:%M}"


def kind_label(kind: str) -> str:
    return ImportKind.label_of(kind, current_language())


def status_label(run: ImportRunView) -> str:
    return ImportStatus.label_of(run.status, current_language())


def counts_label(run: ImportRunView) -> str:
    """The counts that matter for each kind of import, in a few words."""
    if not run.succeeded:
        return ""
    parts: list[tuple[str, str]] = {
        "roster": [
            ("created", translate("Importhistorikk", "nye: {n}")),
            ("updated", translate("Importhistorikk", "endret: {n}")),
            ("left", translate("Importhistorikk", "sluttet: {n}")),
            ("rejected", translate("Importhistorikk", "avviste rader: {n}")),
        ],
        "assessment_template": [
            ("changed", translate("Importhistorikk", "vurderinger: {n}")),
            ("refused", translate("Importhistorikk", "avviste celler: {n}")),
        ],
        "self_assessment": [
            ("recorded", translate("Importhistorikk", "egenvurderinger: {n}")),
            ("people", translate("Importhistorikk", "ansatte: {n}")),
        ],
        "framework": [("competences", translate("Importhistorikk", "kompetanser: {n}"))],
        "tenfactor": [
            ("new", translate("Importhistorikk", "nye grupper: {n}")),
            ("replaced", translate("Importhistorikk", "erstattet: {n}")),
            ("below_minimum", translate("Importhistorikk", "under minstegrensen: {n}")),
        ],
    }.get(run.kind, [])
    shown = []
    for key, text in parts:
        value = run.count(key)
        if value is not None:
            shown.append(text.format(n=fmt_int(value)))
    return " · ".join(shown)


def action_box(title: str, text: str, button: QPushButton) -> QGroupBox:
    """A box with a few lines on what an import does, and the button that starts it."""
    box = QGroupBox(title)
    label = QLabel(text)
    label.setWordWrap(True)
    layout = QVBoxLayout(box)
    layout.addWidget(label)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    return box


class ImportPage(Page):
    # the history of imports
    shows = Changes(imports=True)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.wizard: StepWizard | None = None

        self.roster_button = QPushButton(self.tr("&Importer personalliste…"))
        self.roster_button.clicked.connect(self.start_roster_import)
        roster = action_box(
            self.tr("Personalliste fra HR-systemet"),
            self.tr(
                "Hold registeret i takt med HR-systemet: les inn ansattlisten som Excel- eller "
                "LibreOffice-fil. Nye personer og stillinger legges til, endringer oppdateres, og de som "
                "ikke lenger står på en hel liste, markeres som sluttet. Du ser alt før noe lagres."
            ),
            self.roster_button,
        )
        self.template_button = QPushButton(self.tr("Les inn vurderings&mal…"))
        self.template_button.clicked.connect(self.start_template_import)
        template = action_box(
            self.tr("Utfylt vurderingsmal"),
            self.tr(
                "Les inn en vurderingsmal en leder har fylt ut i Excel. Nye nivåer blir vurderinger fra "
                "leder; celler som ikke kan leses, vises med cellereferanse og årsak."
            ),
            self.template_button,
        )

        self.tenfactor_button = QPushButton(self.tr("Les inn &10-FAKTOR…"))
        self.tenfactor_button.clicked.connect(self.start_tenfactor_import)
        tenfactor = action_box(
            self.tr("Resultater fra 10-FAKTOR"),
            self.tr(
                "Les inn enhetenes resultater fra medarbeiderundersøkelsen (snitt per faktor og antall "
                "svar). Grupper under minstegrensen leses aldri inn. Resultatene vises under Planlegging, "
                "Enheter og Oversikt."
            ),
            self.tenfactor_button,
        )
        self.self_button = QPushButton(self.tr("Les inn e&genvurderinger…"))
        self.self_button.clicked.connect(self.start_self_assessment_import)
        own = action_box(
            self.tr("Utfylt egenvurderingsskjema"),
            self.tr(
                "Les inn skjemaet de ansatte har fylt ut før medarbeidersamtalen. Nivåene lagres som "
                "egenvurderinger ved siden av lederens; alt eller ingenting."
            ),
            self.self_button,
        )

        # two by two: four boxes side by side leave too little width for their text on a small screen
        boxes = QGridLayout()
        boxes.addWidget(roster, 0, 0)
        boxes.addWidget(template, 0, 1)
        boxes.addWidget(own, 1, 0)
        boxes.addWidget(tenfactor, 1, 1)

        self.model: RowTableModel[ImportRunView] = RowTableModel(
            [
                Column(self.tr("Tidspunkt"), when, lambda r: r.started_at),
                Column(self.tr("Type"), lambda r: kind_label(r.kind)),
                Column(self.tr("Fil"), lambda r: r.file_name),
                Column(self.tr("Utført av"), lambda r: r.actor),
                Column(
                    self.tr("Resultat"),
                    status_label,
                    foreground=lambda r: None if r.succeeded else _WARNING,
                ),
                Column(self.tr("Endringer"), counts_label),
            ],
            parent=self,
        )
        self.history = report_table(self.model, self.tr("Tidligere importer"))
        self.history.setSortingEnabled(False)  # newest first, as the service gives them
        history_label = QLabel(self.tr("&Tidligere importer:"))
        history_label.setBuddy(self.history)
        layout = QVBoxLayout(self)
        layout.addLayout(boxes)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)

    def reload(self) -> None:
        ctx = self.ctx

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> list[ImportRunView]:
            return list_import_runs(uow)

        ctx.tasks.run(job, on_done=self._show, parent=self, latest="history")

    def _show(self, runs: list[ImportRunView]) -> None:
        self.model.set_rows(runs)
        self.history.resizeColumnsToContents()
        self.loaded.emit()

    # The wizards (and the spreadsheet readers behind them) are loaded when first used, not at start.
    def start_roster_import(self) -> RosterWizard:
        from ui.importing.roster_wizard import RosterWizard

        wizard = RosterWizard(self.ctx, self)
        self._open(wizard)
        return wizard

    def start_template_import(self) -> TemplateWizard:
        from ui.importing.template_wizard import TemplateWizard

        wizard = TemplateWizard(self.ctx, self)
        self._open(wizard)
        return wizard

    def start_tenfactor_import(self) -> TenFactorWizard:
        from ui.importing.tenfactor_wizard import TenFactorWizard

        wizard = TenFactorWizard(self.ctx, self)
        self._open(wizard)
        return wizard

    def start_self_assessment_import(self) -> SelfAssessmentWizard:
        from ui.importing.self_assessment_wizard import SelfAssessmentWizard

        wizard = SelfAssessmentWizard(self.ctx, self)
        self._open(wizard)
        return wizard

    def _open(self, wizard: StepWizard) -> None:
        if self.wizard is not None:
            self.wizard.deleteLater()
        self.wizard = wizard
        wizard.finished.connect(lambda _result: self.refresh())
        wizard.open()
