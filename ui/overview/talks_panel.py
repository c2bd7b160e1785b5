"""The Oversikt panel *Medarbeidersamtaler*: who is overdue for their talk or due soon in the unit
shown (docs/compliance.md). It loads its own figures on a worker when the unit changes; Enter or a
double click opens the person's card."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from competence.progress import CancelToken, Progress
from competence.talk_cycle import TalksDue, TalkStanding, appraisals_due
from competence.uow import UnitOfWork
from db.codes import TalkDue
from ui import status_colours as tone
from ui.context import AppContext
from ui.i18n import current_language, fmt_date, fmt_int
from ui.overview.people_panel import PeoplePanel
from ui.widgets.tables import Column


def due_shade(standing: TalkStanding) -> tone.Shade:
    return tone.GAP if standing.status is TalkDue.OVERDUE else tone.NEAR


class TalksDuePanel(PeoplePanel[TalkStanding]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        lang = current_language()
        columns: list[Column[TalkStanding]] = [
            Column(self.tr("Navn"), lambda s: s.name),
            Column(self.tr("Enhet"), lambda s: s.units),
            Column(
                self.tr("Forfaller"),
                lambda s: fmt_date(s.due_on) if s.due_on else self.tr("nå"),
                lambda s: s.due_on,
                background=lambda s: due_shade(s).fill,
                foreground=lambda s: due_shade(s).text,
                tooltip=lambda s: self.tr("{status}; forrige samtale: {date}").format(
                    status=s.status.label(lang),
                    date=fmt_date(s.last_held) if s.last_held else self.tr("ingen"),
                ),
            ),
            Column(
                self.tr("Forrige"),
                lambda s: fmt_date(s.last_held) if s.last_held else self.tr("ingen"),
                lambda s: s.last_held,
            ),
        ]
        super().__init__(
            ctx,
            self.tr("Medarbeidersamtaler som har forfalt eller forfaller snart"),
            columns,
            table_name=self.tr("Medarbeidersamtaler som forfaller"),
            open_hint=self.tr("Enter eller dobbeltklikk åpner ansattkortet"),
            cap=140,
            optional=(3,),  # the talk before: in the due date's tooltip
            parent=parent,
        )
        self.due: TalksDue | None = None

    def show_for(self, unit_id: int | None) -> None:
        """Load the talks of ``unit_id`` (None: the whole municipality) on a worker."""
        self.summary.setText(self.tr("Beregner…"))

        def job(uow: UnitOfWork, progress: Progress, cancel: CancelToken) -> TalksDue:
            return appraisals_due(uow, unit_id=unit_id)

        self.ctx.tasks.run(job, on_done=self.show_due, parent=self, latest="talks")

    def show_due(self, due: TalksDue) -> None:
        self.due = due
        summary = self.tr(
            "{overdue} forfalt, {soon} forfaller innen {days} dager, av {people} ansatte "
            "(samtale hver {months}. måned)."
        ).format(
            overdue=fmt_int(due.overdue),
            soon=fmt_int(due.due_soon),
            days=fmt_int(due.warning_days),
            people=fmt_int(due.people),
            months=fmt_int(due.interval_months),
        )
        self.show_rows(due.standings, summary, warn=bool(due.overdue))
