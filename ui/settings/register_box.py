"""Register-wide settings stored in the database: municipality, logo, retention, expiry, backups, the
talk cycle and whose assessment is the level that counts (docs/compliance.md)."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from competence.errors import ValidationError
from competence.settings import MAX_LOGO_BYTES, RegisterSettings, save_settings
from db.codes import LevelSource
from db.errors import LocalizedError
from ui.errors import error_message, show_error
from ui.i18n import current_language
from ui.widgets.fields import ERROR_STYLE, NumberField, refuse_if_invalid
from ui.worker import TaskRunner


def _whole(minimum: int, maximum: int, unit: str) -> NumberField:
    return NumberField(minimum, minimum=minimum, maximum=maximum, unit=unit)


class RegisterBox(QGroupBox):
    saved = Signal(object)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Registeret (gjelder alle brukere)"), parent)
        self.tasks = tasks
        self.current = RegisterSettings()
        self.logo_b64: str | None = None
        self.municipality = QLineEdit()
        self.municipality.setMaxLength(200)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(160, 60)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setAccessibleName(self.tr("Logo"))
        self.choose_logo = QPushButton(self.tr("Velg logo…"))
        self.remove_logo = QPushButton(self.tr("Fjern logo"))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        logo_row.addStretch(1)
        self.retention = _whole(1, 120, self.tr("måneder"))
        self.retention_action = QComboBox()
        self.retention_action.addItem(self.tr("anonymiseres"), "anonymise")
        self.retention_action.addItem(self.tr("slettes helt"), "erase")
        self.expiry = _whole(1, 730, self.tr("dager"))
        self.interval = _whole(1, 24 * 30, self.tr("timer"))
        self.keep = _whole(1, 1000, "")
        self.talk_interval = _whole(1, 36, self.tr("måneder"))
        self.talk_warning = NumberField(30, minimum=0, maximum=365, unit=self.tr("dager"))
        self.level_source = QComboBox()
        for source in LevelSource.choices():
            self.level_source.addItem(source.label(current_language()), source.value)
        self.level_source.setToolTip(
            self.tr(
                "Hvilken vurdering som teller i avviksanalysen. Egenvurderinger vises alltid ved siden av "
                "lederens på ansattkortet og i utviklingsplanen."
            )
        )
        self.save_button = QPushButton(self.tr("Lagre innstillingene for registeret"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.municipality.setMinimumWidth(320)
        form.addRow(self.tr("&Kommune:"), self.municipality)
        form.addRow(self.tr("Logo i rapporter:"), logo_row)
        form.addRow(self.tr("Oppbevaring etter sluttdato:"), self.retention)
        form.addRow(self.tr("Deretter:"), self.retention_action)
        form.addRow(self.tr("Varsle utløp av sertifikater:"), self.expiry)
        form.addRow(self.tr("Automatisk sikkerhetskopi hver:"), self.interval)
        form.addRow(self.tr("Behold automatiske kopier:"), self.keep)
        form.addRow(self.tr("Tid mellom medarbeidersamtaler:"), self.talk_interval)
        form.addRow(self.tr("Varsle samtale som forfaller:"), self.talk_warning)
        form.addRow(self.tr("Nivået som gjelder:"), self.level_source)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        form.addRow("", self.status)
        for widget, name in (
            (self.municipality, self.tr("Kommune")),
            (self.retention, self.tr("Oppbevaringstid i måneder")),
            (self.retention_action, self.tr("Hva skjer etter oppbevaringstiden")),
            (self.expiry, self.tr("Varsel om utløp i dager")),
            (self.interval, self.tr("Intervall for automatisk sikkerhetskopi i timer")),
            (self.keep, self.tr("Antall automatiske kopier som beholdes")),
            (self.talk_interval, self.tr("Måneder mellom medarbeidersamtaler")),
            (self.talk_warning, self.tr("Varsel før en medarbeidersamtale forfaller, i dager")),
            (self.level_source, self.tr("Nivået som gjelder i avviksanalysen")),
        ):
            widget.setAccessibleName(name)
        self.choose_logo.clicked.connect(self.pick_logo)
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        self.save_button.clicked.connect(self.save)

    def show_settings(self, settings: RegisterSettings) -> None:
        self.current = settings
        self.municipality.setText(settings.municipality)
        self.retention.setValue(settings.retention_months)
        self.retention_action.setCurrentIndex(
            max(self.retention_action.findData(settings.retention_action), 0)
        )
        self.expiry.setValue(settings.expiry_window_days)
        self.interval.setValue(settings.backup_interval_hours)
        self.keep.setValue(settings.backups_to_keep)
        self.talk_interval.setValue(settings.appraisal_interval_months)
        self.talk_warning.setValue(settings.appraisal_warning_days)
        self.level_source.setCurrentIndex(max(self.level_source.findData(settings.level_source), 0))
        self.set_logo(settings.logo_png_b64)
        self.status.clear()

    def set_logo(self, b64: str | None) -> None:
        self.logo_b64 = b64
        self.remove_logo.setEnabled(b64 is not None)
        if b64 is None:
            self.logo_preview.setText(self.tr("(ingen logo)"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(base64.b64decode(b64)))
        self.logo_preview.setPixmap(
            pixmap.scaled(
                self.logo_preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def pick_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Velg logo"), "", self.tr("Bilder (*.png *.jpg *.jpeg)")
        )
        if name:
            self.load_logo(Path(name))

    def load_logo(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(
                self,
                ValidationError(
                    f"Kan ikke lese {path}: {exc.strerror}.", f"Cannot read {path}: {exc.strerror}."
                ),
            )
            return False
        if len(data) > MAX_LOGO_BYTES:
            show_error(
                self,
                ValidationError(
                    "Logoen er for stor (høyst 512 kB).", "The logo is too large (at most 512 kB)."
                ),
            )
            return False
        if not QPixmap().loadFromData(QByteArray(data)):
            show_error(
                self,
                ValidationError(
                    "Filen er ikke et bilde i PNG- eller JPEG-format.", "The file is not a PNG or JPEG image."
                ),
            )
            return False
        self.set_logo(base64.b64encode(data).decode("ascii"))
        return True

    def edited(self) -> RegisterSettings:
        return replace(
            self.current,
            municipality=self.municipality.text(),
            logo_png_b64=self.logo_b64,
            retention_months=int(self.retention.value() or 0),
            retention_action=str(self.retention_action.currentData()),
            expiry_window_days=int(self.expiry.value() or 0),
            backup_interval_hours=int(self.interval.value() or 0),
            backups_to_keep=int(self.keep.value() or 0),
            appraisal_interval_months=int(self.talk_interval.value() or 0),
            appraisal_warning_days=int(self.talk_warning.value() or 0),
            level_source=str(self.level_source.currentData()),
        )

    def save(self) -> bool:
        if refuse_if_invalid(self):
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("Rett opp feltet som er merket, så lagres innstillingene."))
            return False
        try:
            edited = self.edited()
            saved = self.tasks.now(lambda uow: save_settings(uow, edited))
        except LocalizedError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_message(exc))
            return False
        self.current = saved
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Lagret."))
        self.saved.emit(saved)
        return True
