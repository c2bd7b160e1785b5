"""One transaction per user action (competence/uow.py, docs/architecture.md): each action of the
desktop app and the command line, run on a 60-person register, begins exactly one transaction
(counted with a ``begin`` listener on the engine), or the number its documented exception allows.

The documented exceptions, each with its reason:

* **a whole municipality's figures** (Oversikt and Enheter without a unit, the gap report and the
  unit plan of everyone): the action's transaction, plus one per parallel reader
  (:data:`competence.uow.PARALLEL_READS`), which read the action's snapshot on PostgreSQL, plus one
  that stores the figures it computed, or folds in the levels written since they were kept, when
  the action only reads, and on SQLite, when it computes them, one that sets its token and the
  reading after it (docs/decisions/0016-kept-figures-for-the-whole-municipality.md);
* **the development plans of a large unit**, drawn in worker processes: each chunk is read in its
  worker's own transaction, on the action's snapshot on PostgreSQL (this test draws them in
  process, in the action's transaction);
* **a failed roster import**: the attempt is recorded in a second transaction after the first was
  rolled back (only on failure);
* **opening a register**: the built-in frameworks, the program's version note and the count, each
  committed on its own (a leader's login may not update the frameworks, which must not stop the
  rest), see competence/actions/register.py;
* **a command that succeeded** notes the program's version afterwards (at most a write a day), in
  a transaction of its own (competence/cli/context.py).
* **forgetting a roster's remembered columns** commits the forgetting, then reads the file (outside
  any transaction) and finds the columns again: two (ui/importing/roster_wizard.py).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from competence.actions.card import load_card
from competence.actions.figures import people_behind_cell, unit_figures, unit_trend
from competence.actions.privacy import export_audit_events, preview_erasure, preview_retention
from competence.actions.screens import (
    load_access_screen,
    load_employee_list,
    load_frameworks_screen,
    load_report_choices,
)
from competence.assessments import NewAssessment, record_assessment
from competence.clock import today
from competence.demo.generator import generate_demo
from competence.employees import list_employees
from competence.export.excel.template_import import import_assessments
from competence.export.registry import EXPORTS, UnitNeed
from competence.progress import CancelToken, no_progress
from competence.roster import ImportOptions, inspect_roster, preview_import, run_import
from competence.search import competence_levels
from competence.units import list_units
from competence.uow import PARALLEL_READS, UnitOfWork
from db.session import Database, open_database
from tests.roster.builders import RosterSpec, simple_rows, write_roster

PEOPLE = 60
#: What each kind of action may begin: one, or one plus the parallel readers of a whole municipality
#: and the transactions that keep its figures (the token, the reading after it, the store).
ONE = range(1, 2)
WHOLE = range(1, 5 + PARALLEL_READS)


@dataclass(frozen=True)
class Action:
    name: str
    run: Callable[[UnitOfWork], object]
    allowed: range = ONE


class Begins:
    """Counts the transactions begun on an engine."""

    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "begin", self._begin)

    def _begin(self, _conn: object) -> None:
        self.count += 1

    def during(self, fn: Callable[[], object]) -> int:
        self.count = 0
        fn()
        return self.count


@pytest.fixture(scope="module")
def register_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 60-person demo register, built once and copied for each backend's test."""
    path = tmp_path_factory.mktemp("register") / "register.db"
    database = open_database(f"sqlite:///{path}")
    try:
        generate_demo(database, employees=PEOPLE, seed=11)
    finally:
        database.dispose()
    return path


@pytest.fixture
def register(request: pytest.FixtureRequest, register_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "register.db"
    shutil.copy(register_file, copy)
    database = open_database(f"sqlite:///{copy}")
    try:
        yield database
    finally:
        database.dispose()


def actions(database: Database, tmp: Path) -> list[Action]:
    uow = UnitOfWork(database, "t")
    units = list_units(uow)
    top = next(u for u in units if u.parent_id is None)
    small = min((u for u in units if u.parent_id is not None), key=lambda u: u.id)
    person = next(p for p in list_employees(uow) if p.unit_ids and p.role_ids)
    figures = unit_figures(uow, top.id)
    cell = next(iter(figures.report.heatmap.cells.values()))
    assert cell.unit_id is not None
    template = tmp / "mal.xlsx"
    roster = write_roster(tmp / "personalliste.xlsx", RosterSpec(rows=simple_rows(5, start=9000)))
    partial = ImportOptions(partial=True)
    found: list[Action] = [
        Action("open the employee card", lambda u: load_card(u, person.id)),
        Action("load the employee list", load_employee_list),
        Action("load Enheter for a unit", lambda u: unit_figures(u, top.id, subunits=True)),
        Action("load Enheter for the whole municipality", lambda u: unit_figures(u, None), WHOLE),
        Action("load Oversikt for a unit", lambda u: unit_figures(u, top.id, largest=8)),
        Action("load Oversikt for the whole municipality", lambda u: unit_figures(u, None, largest=8), WHOLE),
        Action(
            "load the trend",
            lambda u: unit_trend(u, top.id, True, [today() - dt.timedelta(days=90), today()], CancelToken()),
        ),
        Action(
            "open the people behind a cell",
            lambda u: people_behind_cell(
                u, cell.unit_id or 0, cell.competence_id, today(), certificate=False
            ),
        ),
        Action("load the frameworks screen", lambda u: load_frameworks_screen(u, None)),
        Action("load the reports' choices", load_report_choices),
        Action("the level picker", lambda u: competence_levels(u, cell.competence_id)),
        Action("preview an erasure", lambda u: preview_erasure(u, person.employee_no, person.full_name)),
        Action("preview the retention rule", lambda u: preview_retention(u, with_names=True)),
    ]
    for export in EXPORTS:
        unit = None if export.unit is UnitNeed.NONE else top.number
        if export.key == "plans":
            unit = small.number  # few enough to be drawn in this process
        request = export.request(unit_number=unit, employee_no=person.employee_no, lang="nb")
        target = tmp / ("planer" if export.key == "plans" else f"{export.key}{export.output.suffix}")
        found.append(
            Action(
                f"export {export.key}",
                lambda u, export=export, request=request, target=target: export.run(
                    u, request, target, no_progress, CancelToken()
                ),
            )
        )
    for export in EXPORTS:
        if export.unit is UnitNeed.OPTIONAL:
            request = export.request(unit_number=None, lang="nb")
            target = tmp / f"alle-{export.key}{export.output.suffix}"
            allowed = WHOLE if export.key == "gap" else ONE
            found.append(
                Action(
                    f"export {export.key} for the whole municipality",
                    lambda u, export=export, request=request, target=target: export.run(
                        u, request, target, no_progress, CancelToken()
                    ),
                    allowed,
                )
            )
    template_export = next(e for e in EXPORTS if e.key == "template")
    found += [
        Action(
            "export the audit log",
            lambda u: export_audit_events(
                u,
                tmp / "logg.csv",
                limit=100,
                action=None,
                employee_no=None,
                since=None,
                cancel=CancelToken(),
            ),
        ),
        Action(
            "export an assessment template",
            lambda u: template_export.run(
                u, template_export.request(unit_number=top.number), template, no_progress, CancelToken()
            ),
        ),
        Action("preview a filled-in template", lambda u: import_assessments(u, template, dry_run=True)),
        Action("import a filled-in template", lambda u: import_assessments(u, template)),
        Action("read a roster", lambda u: inspect_roster(u, roster)),
        Action("preview a roster import", lambda u: preview_import(u, roster, partial)),
        Action("import a roster", lambda u: run_import(u, roster, partial)),
        Action(
            "record an assessment",
            lambda u: record_assessment(
                u, NewAssessment(person.id, cell.competence_id, 1, today(), "leader", "t")
            ),
        ),
    ]
    if database.dialect == "postgresql":  # who has access: a shared register's
        found.append(Action("load the access screen", load_access_screen))
    return found


def _counts(database: Database, tmp: Path) -> dict[str, tuple[int, range]]:
    begins = Begins(database.engine)
    return {
        a.name: (begins.during(lambda a=a: a.run(UnitOfWork(database, "t"))), a.allowed)
        for a in actions(database, tmp)
    }


def test_each_action_is_one_transaction_on_sqlite(register: Database, tmp_path: Path) -> None:
    counts = _counts(register, tmp_path)
    wrong = {name: n for name, (n, allowed) in counts.items() if n not in allowed}
    assert not wrong, f"actions that began another number of transactions than documented: {wrong}"


def test_each_action_is_one_transaction_on_postgresql(pg_database: Database, tmp_path: Path) -> None:
    generate_demo(pg_database, employees=PEOPLE, seed=11)
    counts = _counts(pg_database, tmp_path)
    wrong = {name: n for name, (n, allowed) in counts.items() if n not in allowed}
    assert not wrong, f"actions that began another number of transactions than documented: {wrong}"


def test_a_command_is_one_transaction_and_its_version_note(
    register: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The command line: each command's work is one transaction (the version note after it is the
    documented exception, counted apart)."""
    from competence.cli import context, main

    counted: list[Begins] = []
    notes: list[int] = []

    def opened(url: str) -> Database:
        database = open_database(url)
        counted.append(Begins(database.engine))
        return database

    real_note = context.CliContext.record_program_version

    def note(self: context.CliContext) -> None:
        before = counted[0].count if counted else 0
        real_note(self)
        notes.append((counted[0].count if counted else 0) - before)

    monkeypatch.setattr(context, "open_database", opened)
    monkeypatch.setattr(context.CliContext, "record_program_version", note)
    commands = [
        (["gap-report", "--json"], WHOLE),  # the whole municipality: the parallel readers, the store
        (["gap-report", "--unit", "1000", "--json"], ONE),
        (["employees", "--json"], ONE),
        (["export-matrix", str(tmp_path / "m.xlsx")], ONE),
        (["export-gap", str(tmp_path / "g.xlsx"), "--unit", "1000"], ONE),
        (["audit", "--out", str(tmp_path / "logg.csv")], ONE),
        (["frameworks", "list"], ONE),
    ]
    for command, allowed in commands:
        counted.clear()
        notes.clear()
        code = main([*command, "--db", register.url], out=io.StringIO(), err=io.StringIO())
        assert code == 0, command
        (begins,) = counted
        assert begins.count - sum(notes) in allowed and notes == [1], (command, begins.count, notes)
