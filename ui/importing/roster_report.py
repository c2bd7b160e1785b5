"""What a roster import does (the preview) or did (the report): the counts in a sentence, every
person with the outcome, the rejected rows with their reasons, the warnings and the leavers; and the
same as plain text to copy or save."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from competence.roster import ImportReport, ImportWarning, Leaver, PersonOutcome, RowIssue
from ui.i18n import current_language, fmt_date, fmt_int
from ui.importing.tables import report_table
from ui.widgets.tables import Column, RowTableModel

translate = QCoreApplication.translate


def outcome_label(outcome: str, *, done: bool) -> str:
    if outcome == "created":
        return translate("Importrapport", "Ny")
    if outcome == "updated":
        return translate("Importrapport", "Endret") if done else translate("Importrapport", "Endres")
    return translate("Importrapport", "Uendret")


def changes_label(changes: Sequence[str]) -> str:
    labels = {
        "name": translate("Importrapport", "navn"),
        "email": translate("Importrapport", "e-post"),
        "manager": translate("Importrapport", "leder"),
        "returned": translate("Importrapport", "tilbake etter å ha sluttet"),
        "positions": translate("Importrapport", "stillinger"),
        "employee_no": translate("Importrapport", "ansattnummer slik HR-systemet skriver det"),
        "desired_fte": translate("Importrapport", "ønsket stillingsprosent"),
        "left": translate("Importrapport", "sluttet (alle stillinger har sluttdato)"),
    }
    return ", ".join(labels.get(code, code) for code in changes)


def leaver_reason(leaver: Leaver) -> str:
    if leaver.reason == "positions_ended":
        return translate("Importrapport", "alle stillingene har passert sluttdato")
    return translate("Importrapport", "står ikke i filen")


def ignored_label(report: ImportReport) -> str:
    """The columns the import does not read, or "" when it reads them all."""
    if not report.ignored_columns:
        return ""
    columns = ", ".join(f"{letter} «{header}»" for letter, header in report.ignored_columns)
    return translate("Importrapport", "Kolonner som ikke leses inn: {columns}").format(columns=columns)


def rows_label(rows: Sequence[int]) -> str:
    return ", ".join(str(r) for r in rows)


def summary(report: ImportReport) -> str:
    """The counts, one line for people, rows, positions and units ("label: count", no plurals to get
    wrong)."""
    done = not report.dry_run
    people = (
        translate(
            "Importrapport",
            "Personer i filen: {persons} · nye: {created} · endret: {updated} · uendret: {unchanged} · "
            "markert som sluttet: {left}",
        )
        if done
        else translate(
            "Importrapport",
            "Personer i filen: {persons} · nye: {created} · endres: {updated} · uendret: {unchanged} · "
            "markeres som sluttet: {left}",
        )
    ).format(
        persons=fmt_int(report.persons),
        created=fmt_int(report.created),
        updated=fmt_int(report.updated),
        unchanged=fmt_int(report.unchanged),
        left=fmt_int(report.left),
    )
    rows = translate(
        "Importrapport",
        "Avviste rader: {rejected} · advarsler: {warnings} · tomme rader og summer hoppet over: {ignored}",
    ).format(
        rejected=fmt_int(len(report.rejected)),
        warnings=fmt_int(len(report.warnings)),
        ignored=fmt_int(len(report.ignored_rows)),
    )
    positions = (
        translate("Importrapport", "Stillinger – nye: {created} · endret: {updated} · avsluttet: {ended}")
        if done
        else translate(
            "Importrapport", "Stillinger – nye: {created} · endres: {updated} · avsluttes: {ended}"
        )
    ).format(
        created=fmt_int(report.positions_created),
        updated=fmt_int(report.positions_updated),
        ended=fmt_int(report.positions_ended),
    )
    units = translate("Importrapport", "Enheter – nye: {created} · nytt navn: {renamed}").format(
        created=fmt_int(report.units_created), renamed=fmt_int(report.units_renamed)
    )
    return "\n".join((people, rows, positions, units))


class ReportView(QWidget):
    """The counts and four tables: people, rejected rows, warnings, leavers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ImportReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Oppsummering"))
        self.people_model: RowTableModel[PersonOutcome] = RowTableModel(
            [
                Column(self.tr("Rad"), lambda p: rows_label(p.rows), lambda p: p.rows, align_right=True),
                Column(self.tr("Ansattnr."), lambda p: p.employee_no, key="employee_no"),
                Column(self.tr("Navn"), lambda p: p.name),
                Column(self.tr("Hva skjer"), self._outcome),
                Column(self.tr("Endringer"), lambda p: changes_label(p.changes)),
            ],
            parent=self,
        )
        self.rejected_model: RowTableModel[RowIssue] = RowTableModel(
            [
                Column(self.tr("Rad"), lambda r: str(r.row), lambda r: r.row, align_right=True),
                Column(self.tr("Årsak"), lambda r: r.message(current_language())),
            ],
            parent=self,
        )
        self.warnings_model: RowTableModel[ImportWarning] = RowTableModel(
            [
                Column(
                    self.tr("Rad"),
                    lambda w: str(w.row) if w.row is not None else "",
                    lambda w: w.row,
                    align_right=True,
                ),
                Column(self.tr("Advarsel"), lambda w: w.message(current_language())),
            ],
            parent=self,
        )
        self.leavers_model: RowTableModel[Leaver] = RowTableModel(
            [
                Column(self.tr("Ansattnr."), lambda p: p.employee_no),
                Column(self.tr("Navn"), lambda p: p.name),
                Column(self.tr("Sluttet"), lambda p: fmt_date(p.left_on), lambda p: p.left_on),
                Column(self.tr("Hvorfor"), leaver_reason),
            ],
            parent=self,
        )
        self.outcome_filter = QComboBox()
        self.outcome_filter.setAccessibleName(self.tr("Vis personer"))
        for text, value in (
            (self.tr("Alle"), None),
            (self.tr("Nye"), "created"),
            (self.tr("Endres"), "updated"),
            (self.tr("Uendret"), "unchanged"),
        ):
            self.outcome_filter.addItem(text, value)
        self.outcome_filter.currentIndexChanged.connect(self._show_people)
        self.tabs = QTabWidget()
        people_tab = QWidget()
        pl = QVBoxLayout(people_tab)
        filter_row = QHBoxLayout()
        filter_label = QLabel(self.tr("&Vis:"))
        filter_label.setBuddy(self.outcome_filter)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.outcome_filter)
        filter_row.addStretch(1)
        pl.addLayout(filter_row)
        self.people = report_table(self.people_model, self.tr("Personer i filen"))
        pl.addWidget(self.people, 1)
        self.rejected = report_table(self.rejected_model, self.tr("Avviste rader"))
        self.warnings = report_table(self.warnings_model, self.tr("Advarsler"))
        self.leavers = report_table(self.leavers_model, self.tr("Markeres som sluttet"))
        self.tabs.addTab(people_tab, "")
        self.tabs.addTab(self.rejected, "")
        self.tabs.addTab(self.warnings, "")
        self.tabs.addTab(self.leavers, "")
        #: The columns the import does not read (only the register's own fields are: data minimisation).
        self.ignored = QLabel()
        self.ignored.setWordWrap(True)
        self.ignored.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ignored.setAccessibleName(self.tr("Kolonner som ikke leses inn"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.ignored)
        layout.addWidget(self.tabs, 1)

    def _outcome(self, person: PersonOutcome) -> str:
        return outcome_label(person.outcome, done=self.report is not None and not self.report.dry_run)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setText(summary(report))
        self.ignored.setText(ignored_label(report))
        self.ignored.setVisible(bool(report.ignored_columns))
        self._show_people()
        self.rejected_model.set_rows(report.rejected)
        self.warnings_model.set_rows(report.warnings)
        self.leavers_model.set_rows(report.leavers)
        done = not report.dry_run
        self.tabs.setTabText(0, self.tr("Personer ({count})").format(count=fmt_int(len(report.people))))
        self.tabs.setTabText(1, self.tr("Avvist ({count})").format(count=fmt_int(len(report.rejected))))
        self.tabs.setTabText(2, self.tr("Advarsler ({count})").format(count=fmt_int(len(report.warnings))))
        leavers = self.tr("Markert som sluttet ({count})") if done else self.tr("Slutter ({count})")
        self.tabs.setTabText(3, leavers.format(count=fmt_int(len(report.leavers))))
        self.tabs.setTabVisible(3, report.mode == "full" or bool(report.leavers))
        for table in (self.people, self.rejected, self.warnings, self.leavers):
            table.resizeColumnsToContents()

    def _show_people(self) -> None:
        report = self.report
        wanted = self.outcome_filter.currentData()
        rows = report.people if report is not None else ()
        self.people_model.set_rows([p for p in rows if wanted is None or p.outcome == wanted])


def report_text(report: ImportReport) -> str:
    """The report as plain text (for the clipboard or a .txt file), in the UI language."""
    lang = current_language()
    if report.dry_run:
        title = translate("Importrapport", "Forhåndsvisning av import av personalliste")
    else:
        title = translate("Importrapport", "Import av personalliste")
    if report.mode == "full":
        mode = translate("Importrapport", "Hele personallisten")
    else:
        mode = translate("Importrapport", "Delvis liste (ingen markeres som sluttet)")
    row_text = translate("Importrapport", "Rad {row}: {message}")
    lines = [
        title,
        translate("Importrapport", "Fil: {file}").format(file=report.file_name),
        translate("Importrapport", "Ark: {sheet} (overskrifter på rad {row})").format(
            sheet=report.sheet, row=report.header_row
        ),
        mode,
        "",
        summary(report),
    ]
    if report.ignored_columns:
        lines += ["", ignored_label(report)]
    if report.rejected:
        lines += ["", translate("Importrapport", "Avviste rader:")]
        lines += [row_text.format(row=r.row, message=r.message(lang)) for r in report.rejected]
    if report.warnings:
        lines += ["", translate("Importrapport", "Advarsler:")]
        lines += [
            row_text.format(row=w.row, message=w.message(lang)) if w.row else w.message(lang)
            for w in report.warnings
        ]
    if report.leavers:
        if report.dry_run:
            lines += ["", translate("Importrapport", "Markeres som sluttet:")]
        else:
            lines += ["", translate("Importrapport", "Markert som sluttet:")]
        lines += [
            f"{p.employee_no} {p.name} ({fmt_date(p.left_on)}, {leaver_reason(p)})" for p in report.leavers
        ]
    changed = [p for p in report.people if p.outcome != "unchanged"]
    if changed:
        lines += ["", translate("Importrapport", "Nye og endrede personer:")]
        for p in changed:
            what = outcome_label(p.outcome, done=not report.dry_run)
            if p.changes:
                what += f" ({changes_label(p.changes)})"
            lines.append(
                translate("Importrapport", "Rad {rows}: {number} {name}: {what}").format(
                    rows=rows_label(p.rows), number=p.employee_no, name=p.name, what=what
                )
            )
    return "\n".join(lines) + "\n"
