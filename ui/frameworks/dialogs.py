"""Dialogs that edit a framework copy: copy, rename, areas, competences, the names of scale levels.

Each is a :class:`ui.widgets.forms.FormDialog`: the service checks the input, a refusal is shown in
the dialog next to the field, and nothing is written until the service accepts it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from competence.frameworks.editing import (
    AreaInput,
    CompetenceInput,
    LevelText,
    add_area,
    add_competence,
    copy_framework,
    update_area,
    update_competence,
    update_framework,
    update_scale,
)
from competence.frameworks.queries import (
    AreaNode,
    CompetenceNode,
    FrameworkSummary,
    FrameworkTree,
    ScaleView,
)
from competence.uow import UnitOfWork
from db.codes import CompetenceKind
from ui.frameworks.detail import scale_name
from ui.i18n import current_language, fmt_percent
from ui.widgets.fields import NumberField
from ui.widgets.forms import FormDialog
from ui.worker import TaskRunner


def line(text: str | None = None, max_length: int = 200) -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setMaxLength(max_length)
    return edit


def paragraph(text: str | None = None, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text or "")
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field: keyboard users
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class _FrameworkDialog(FormDialog):
    """An edit of a framework: :meth:`save` runs in a unit of work of its own."""

    def __init__(self, title: str, tasks: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.tasks = tasks

    def submit(self) -> Any:
        return self.tasks.now(self.save)

    def save(self, uow: UnitOfWork) -> Any:
        raise NotImplementedError


class CopyDialog(_FrameworkDialog):
    """An editable copy of a framework under a new name."""

    def __init__(
        self,
        tasks: TaskRunner,
        framework: FrameworkSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Lag en kopi av rammeverket"), tasks, parent)
        self.framework = framework
        intro = QLabel(
            self.tr(
                "Kopien får egne områder, kompetanser og skalaer som kommunen kan endre. "
                "Originalen «{name}» forblir som den er."
            ).format(name=framework.display_name(current_language()))
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        suggestion = self.tr("{name} – vår utgave").format(name=framework.name.split(" – ")[0])
        self.name = self.add_row(self.tr("Navn på kopien:"), line(suggestion), "name")
        self.name_en = self.add_row(self.tr("Engelsk navn:"), line(), "name_en")
        self.resize(520, self.sizeHint().height())

    def save(self, uow: UnitOfWork) -> FrameworkSummary:
        return copy_framework(uow, self.framework.id, self.name.text(), name_en=self.name_en.text() or None)


class EditFrameworkDialog(_FrameworkDialog):
    """Rename a copy; its owner and description."""

    def __init__(
        self,
        tasks: TaskRunner,
        framework: FrameworkSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Endre rammeverket"), tasks, parent)
        self.framework = framework
        self.name = self.add_row(self.tr("Navn:"), line(framework.name), "name")
        self.name_en = self.add_row(self.tr("Engelsk navn:"), line(framework.name_en), "name_en")
        self.owner = self.add_row(self.tr("Eier:"), line(framework.owner), "owner")
        self.description = self.add_row(
            self.tr("Beskrivelse:"), paragraph(framework.description, 5), "description"
        )
        self.resize(560, self.sizeHint().height())

    def save(self, uow: UnitOfWork) -> FrameworkSummary:
        return update_framework(
            uow,
            self.framework.id,
            expected_version=self.framework.version,
            name=self.name.text(),
            name_en=self.name_en.text() or None,
            owner=self.owner.text() or None,
            description=self.description.toPlainText() or None,
        )


class AreaDialog(_FrameworkDialog):
    """A new area of a copy, or an area's texts."""

    def __init__(
        self,
        tasks: TaskRunner,
        framework: FrameworkSummary,
        area: AreaNode | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Endre område") if area else self.tr("Nytt område"), tasks, parent)
        self.framework, self.area = framework, area
        self.code = self.add_row(self.tr("Kode (f.eks. §10):"), line(area.code if area else "", 40), "code")
        self.name = self.add_row(self.tr("Navn:"), line(area.name if area else ""), "name")
        self.name_en = self.add_row(self.tr("Engelsk navn:"), line(area.name_en if area else ""), "name_en")
        self.description = self.add_row(
            self.tr("Beskrivelse:"), paragraph(area.description if area else None), "description"
        )
        self.resize(520, self.sizeHint().height())

    def area_input(self) -> AreaInput:
        return AreaInput(
            name=self.name.text(),
            code=self.code.text() or None,
            name_en=self.name_en.text() or None,
            description=self.description.toPlainText() or None,
        )

    def save(self, uow: UnitOfWork) -> AreaNode:
        if self.area is None:
            return add_area(uow, self.framework.id, self.area_input())
        return update_area(uow, self.area.id, expected_version=self.area.version, data=self.area_input())


class CompetenceDialog(_FrameworkDialog):
    """A new competence in an area of a copy, or a competence's texts, scale, area and parent."""

    def __init__(
        self,
        tasks: TaskRunner,
        tree: FrameworkTree,
        area: AreaNode,
        competence: CompetenceNode | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Endre kompetanse") if competence else self.tr("Ny kompetanse")
        super().__init__(title, tasks, parent)
        self.tree, self.competence = tree, competence
        lang = current_language()
        c = competence
        self.area = QComboBox()
        for option in tree.areas:
            self.area.addItem(option.display_name(lang), option.id)
        self.area.setCurrentIndex(max(self.area.findData(area.id), 0))
        self.add_row(self.tr("Område:"), self.area, "area_id")
        self.code = self.add_row(self.tr("Kode (f.eks. §10.2):"), line(c.code if c else "", 40), "code")
        self.name = self.add_row(self.tr("Navn:"), line(c.name if c else "", 300), "name")
        self.name_en = self.add_row(self.tr("Engelsk navn:"), line(c.name_en if c else "", 300), "name_en")
        self.kind = QComboBox()
        for kind in CompetenceKind.choices():
            self.kind.addItem(kind.label(lang), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(c.kind if c else CompetenceKind.SKILL.value), 0))
        self.add_row(self.tr("Type:"), self.kind, "kind")
        self.critical = QCheckBox(self.tr("Kritisk: enheten er sårbar om bare én eller ingen har den"))
        self.critical.setChecked(bool(c and c.critical))
        self.add_row(self.tr("Kritisk:"), self.critical, "critical")
        self.scale = QComboBox()
        for scale in tree.scales:
            self.scale.addItem(
                self.tr("{name} ({count} nivåer)").format(name=scale_name(scale), count=len(scale.levels)),
                scale.id,
            )
        wanted = c.scale_id if c else tree.framework.default_scale_id
        self.scale.setCurrentIndex(max(self.scale.findData(wanted), 0))
        self.add_row(self.tr("Skala:"), self.scale, "scale_id")
        self.validity = NumberField(
            (c.validity_months or None) if c else None,
            minimum=1,
            maximum=600,
            unit=self.tr("måneder"),
            optional=True,
        )
        self.validity.line.setPlaceholderText(self.tr("ingen utløpstid"))
        self.add_row(self.tr("Gyldighet:"), self.validity, "validity_months")
        self.parent_competence = QComboBox()
        self.parent_competence.addItem(self.tr("(ingen)"), None)
        for other in tree.competences():
            if c is None or other.id != c.id:
                self.parent_competence.addItem(other.display_name(lang), other.id)
        self.parent_competence.setCurrentIndex(
            max(self.parent_competence.findData(c.parent_id if c else None), 0)
        )
        self.add_row(self.tr("Ligger under:"), self.parent_competence, "parent_id")
        self.description = self.add_row(
            self.tr("Beskrivelse:"), paragraph(c.description if c else None), "description"
        )
        self.description_en = self.add_row(
            self.tr("Engelsk beskrivelse:"), paragraph(c.description_en if c else None, 2), "description_en"
        )
        self.quote = self.add_row(
            self.tr("Sitat fra strategien:"), paragraph(c.source_quote if c else None), "source_quote"
        )
        self.source_ref = self.add_row(
            self.tr("Kilde (kapittel):"), line(c.source_ref if c else ""), "source_ref"
        )
        self.resize(640, self.sizeHint().height())

    def competence_input(self) -> CompetenceInput:
        parent_id = self.parent_competence.currentData()
        return CompetenceInput(
            name=self.name.text(),
            name_en=self.name_en.text() or None,
            code=self.code.text() or None,
            description=self.description.toPlainText() or None,
            description_en=self.description_en.toPlainText() or None,
            kind=str(self.kind.currentData()),
            critical=self.critical.isChecked(),
            source_quote=self.quote.toPlainText() or None,
            source_ref=self.source_ref.text() or None,
            scale_id=self.scale.currentData(),
            validity_months=self.validity.whole_value(),
            parent_id=int(parent_id) if parent_id is not None else None,
        )

    def save(self, uow: UnitOfWork) -> CompetenceNode:
        area_id = int(self.area.currentData())
        if self.competence is None:
            return add_competence(uow, area_id, self.competence_input())
        return update_competence(
            uow,
            self.competence.id,
            expected_version=self.competence.version,
            data=self.competence_input(),
            area_id=area_id,
        )


class ScaleDialog(_FrameworkDialog):
    """The names of a copy's scale and its levels (the percentages stay: assessments rest on them)."""

    def __init__(self, tasks: TaskRunner, scale: ScaleView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Endre nivånavn"), tasks, parent)
        self.scale = scale
        self.name = self.add_row(self.tr("Navn på skalaen:"), line(scale.name), "name")
        self.name_en = self.add_row(self.tr("Engelsk navn:"), line(scale.name_en), "name_en")
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate(
            (self.tr("Nivå"), self.tr("Prosent"), self.tr("Navn"), self.tr("Engelsk navn"), self.tr("Trinn"))
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.level_fields: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        for row, level in enumerate(scale.levels, start=1):
            grid.addWidget(QLabel(str(level.ordinal)), row, 0)
            grid.addWidget(QLabel(fmt_percent(level.percent)), row, 1)
            fields = (line(level.name, 120), line(level.name_en, 120), line(level.band, 120))
            for column, (edit, label) in enumerate(
                zip(
                    fields,
                    (
                        self.tr("Navn på nivå {n}"),
                        self.tr("Engelsk navn på nivå {n}"),
                        self.tr("Trinn for nivå {n}"),
                    ),
                    strict=True,
                ),
                start=2,
            ):
                edit.setAccessibleName(label.format(n=level.ordinal))
                grid.addWidget(edit, row, column)
            self.level_fields.append(fields)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(4, 1)
        self.form.addRow(grid_widget)
        self.fields["levels"] = self.level_fields[0][0] if self.level_fields else grid_widget
        note = QLabel(self.tr("Prosentene kan ikke endres: vurderinger og krav bygger på dem."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.resize(720, self.sizeHint().height())

    def save(self, uow: UnitOfWork) -> ScaleView:
        levels = [
            LevelText(
                ordinal=level.ordinal,
                name=name.text(),
                name_en=name_en.text() or None,
                band=band.text() or None,
                band_en=level.band_en,
                description=level.description,
                description_en=level.description_en,
            )
            for level, (name, name_en, band) in zip(self.scale.levels, self.level_fields, strict=True)
        ]
        return update_scale(
            uow,
            self.scale.id,
            expected_version=self.scale.version,
            name=self.name.text(),
            name_en=self.name_en.text() or None,
            levels=levels,
        )
