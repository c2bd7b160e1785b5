"""What the framework screen shows about the selected framework, area or competence: its texts, the
quote from the strategy it rests on, and the levels of its scale with their percentages."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from competence.frameworks.queries import (
    AreaNode,
    CompetenceNode,
    FrameworkLevel,
    FrameworkSummary,
    FrameworkTree,
    ScaleView,
)
from ui.frameworks.tree import kind_label
from ui.i18n import current_language, fmt_percent
from ui.importing.tables import report_table
from ui.widgets.tables import Column, RowTableModel


def _para(text: str | None) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in (text or "").splitlines() if line.strip())


def _row(label: str, value: str | None) -> str:
    if not value:
        return ""
    return f"<tr><td style='padding-right:12px'><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>"


#: The column of the level table that shows the band ("Grunnleggende"), hidden for scales without.
BAND_COLUMN = 2


def scale_name(scale: ScaleView) -> str:
    return scale.name_en if current_language() == "en" and scale.name_en else scale.name


class DetailPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(self.tr("Beskrivelse av valgt element"))
        self.levels_caption = QLabel()
        self.levels_caption.setWordWrap(True)
        self.levels_model: RowTableModel[FrameworkLevel] = RowTableModel(
            [
                Column(self.tr("Nivå"), lambda lv: str(lv.ordinal), lambda lv: lv.ordinal, align_right=True),
                Column(self.tr("Navn"), self._level_name, tooltip=self._level_description),
                Column(self.tr("Trinn"), self._level_band),
                Column(
                    self.tr("Prosent"),
                    lambda lv: fmt_percent(lv.percent),
                    lambda lv: lv.percent,
                    align_right=True,
                ),
            ],
            parent=self,
        )
        self.levels = report_table(self.levels_model, self.tr("Nivåene i skalaen"))
        self.levels.setSortingEnabled(False)  # in the order of the scale
        header = self.levels.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.levels_caption.setBuddy(self.levels)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.levels_caption)
        lower_layout.addWidget(self.levels, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.text)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- level columns ------------------------------------------------------------------------
    @staticmethod
    def _level_name(level: FrameworkLevel) -> str:
        return level.name_en if current_language() == "en" and level.name_en else level.name

    @staticmethod
    def _level_band(level: FrameworkLevel) -> str:
        return (level.band_en if current_language() == "en" and level.band_en else level.band) or ""

    @staticmethod
    def _level_description(level: FrameworkLevel) -> str | None:
        if current_language() == "en" and level.description_en:
            return level.description_en
        return level.description

    # --- what is shown ------------------------------------------------------------------------
    def show_nothing(self) -> None:
        prompt = self.tr("Velg et rammeverk i listen.")
        self.text.setHtml(f"<p>{escape(prompt)}</p>")
        self._show_scale(None)

    def show_framework(self, tree: FrameworkTree) -> None:
        fw = tree.framework
        lang = current_language()
        parts = [f"<h2>{escape(fw.display_name(lang))}</h2>", "<table>"]
        parts.append(_row(self.tr("Eier:"), fw.owner))
        parts.append(_row(self.tr("Type:"), self._origin(fw)))
        parts.append(
            _row(
                self.tr("Innhold:"),
                self.tr("{areas} områder, {competences} kompetanser").format(
                    areas=fw.area_count, competences=fw.competence_count
                ),
            )
        )
        parts.append(_row(self.tr("Versjon:"), str(fw.data_version)))
        parts.append(_row(self.tr("Nøkkel:"), fw.key))
        source = fw.source
        if source is not None:
            parts.append(_row(self.tr("Kilde:"), source.title))
            parts.append(_row(self.tr("Utgiver:"), source.publisher))
            parts.append(_row(self.tr("Dato:"), source.date))
            parts.append(_row(self.tr("Lisens:"), source.licence))
        parts.append("</table>")
        if source is not None and source.url:
            url = escape(source.url, quote=True)
            parts.append(f"<p><a href='{url}'>{escape(source.url)}</a></p>")
        parts.append(_para(fw.description))
        self.text.setHtml("".join(parts))
        default = next((s for s in tree.scales if s.id == fw.default_scale_id), None)
        self._show_scale(default, standard=True)

    def _origin(self, fw: FrameworkSummary) -> str:
        if fw.builtin:
            return self.tr("innebygd (kan ikke endres, men kan kopieres)")
        if fw.copied_from_id is not None:
            return self.tr("kommunens egen kopi")
        return self.tr("kommunens eget")

    def show_area(self, tree: FrameworkTree, area: AreaNode) -> None:
        lang = current_language()
        parts = [
            f"<p>{escape(tree.framework.display_name(lang))}</p>",
            f"<h2>{escape(area.display_name(lang))}</h2>",
            "<table>",
            _row(self.tr("Kompetanser:"), str(len(area.competences))),
            _row(self.tr("Kritiske:"), str(sum(1 for c in area.competences if c.critical))),
            "</table>",
            _para(area.description),
        ]
        self.text.setHtml("".join(parts))
        self._show_scale(None)

    def show_competence(self, tree: FrameworkTree, area: AreaNode, comp: CompetenceNode) -> None:
        lang = current_language()
        scale = next((s for s in tree.scales if s.id == comp.scale_id), None)
        parent = next((c for c in tree.competences() if c.id == comp.parent_id), None)
        description = comp.description_en if lang == "en" and comp.description_en else comp.description
        parts = [
            f"<p>{escape(tree.framework.display_name(lang))} › {escape(area.display_name(lang))}</p>",
            f"<h2>{escape(comp.display_name(lang))}</h2>",
            "<table>",
            _row(self.tr("Type:"), kind_label(comp.kind)),
            _row(
                self.tr("Kritisk:"),
                self.tr("ja, enheten er sårbar uten den") if comp.critical else self.tr("nei"),
            ),
            _row(self.tr("Skala:"), scale_name(scale) if scale else None),
            _row(
                self.tr("Gyldighet:"),
                self.tr("{months} måneder").format(months=comp.validity_months)
                if comp.validity_months
                else None,
            ),
            _row(self.tr("Under:"), parent.display_name(lang) if parent else None),
            _row(self.tr("Nøkkel:"), comp.key),
            "</table>",
            _para(description),
        ]
        if comp.source_quote or comp.source_ref:
            heading = self.tr("Fra strategien")
            parts.append(f"<h3>{escape(heading)}</h3>")
            if comp.source_quote:
                parts.append(
                    "<blockquote style='margin-left:12px'><i>«"
                    + escape(comp.source_quote)
                    + "»</i></blockquote>"
                )
            if comp.source_ref:
                parts.append(f"<p>{escape(comp.source_ref)}</p>")
        self.text.setHtml("".join(parts))
        self._show_scale(scale)

    def _show_scale(self, scale: ScaleView | None, *, standard: bool = False) -> None:
        if scale is None:
            self.levels_caption.setText(self.tr("Velg en kompetanse for å se nivåene i skalaen."))
            self.levels_model.set_rows([])
            return
        caption = (
            self.tr("Standardskala: {name} (nivå og prosent)")
            if standard
            else self.tr("Skala: {name} (nivå og prosent)")
        )
        self.levels_caption.setText(caption.format(name=scale_name(scale)))
        self.levels_model.set_rows(scale.levels)
        self.levels.setColumnHidden(BAND_COLUMN, not any(level.band for level in scale.levels))
