"""Save a PNG of each screen of the app, running on a demo municipality, to docs/screenshots/.

    python scripts/screenshots.py [--out docs/screenshots] [--employees 300]
    python scripts/screenshots.py --lang en --size 1024x768 --out /tmp/skjermbilder

Without ``--lang``/``--size`` it makes three sets, each in a process of its own: bokmål on a
1440x900 screen into ``OUT/``, and bokmål and English on a 1024x768 screen (the smallest a
municipal laptop has) into ``OUT/1024x768/`` and ``OUT/1024x768/en/``. The main window is maximised
on a screen of that size, as on such a laptop.

Runs headless (Qt's offscreen platform, given a screen of the size asked for) unless a display is
set, e.g. under ``xvfb-run``, whose screen size then applies. The demo data and the date are fixed,
so the pictures change only when the app does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = "2025-03-14"
#: (language, screen size, folder under --out) of the sets made by default.
SETS = (("nb", "1440x900", ""), ("nb", "1024x768", "1024x768"), ("en", "1024x768", "1024x768/en"))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--employees", type=int, default=300)
    parser.add_argument("--lang", choices=("nb", "en"), help="one set, in this language")
    parser.add_argument("--size", default=None, help="one set, on a screen of WIDTHxHEIGHT (1440x900)")
    return parser.parse_args()


def screen_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def all_sets(args: argparse.Namespace) -> int:
    """Each set in a child process (one QApplication, one screen size and language per process)."""
    for lang, size, folder in SETS:
        out = args.out / folder if folder else args.out
        print(f"== {lang} {size} -> {out}", flush=True)
        code = subprocess.call(
            [
                sys.executable,
                __file__,
                "--lang",
                lang,
                "--size",
                size,
                "--out",
                str(out),
                "--employees",
                str(args.employees),
            ]
        )
        if code:
            return code
    return 0


def use_screen(width: int, height: int, workdir: Path) -> None:
    """Headless, on a screen of this size (Qt's offscreen platform reads it from a file)."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        print(f"a display is set: its screen size applies, not {width}x{height}", file=sys.stderr)
        return
    config = workdir / "screen.json"
    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
    screen.update({"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def showcase_employee(ctx: object, page: object) -> int:
    """Someone whose card shows every part: gaps, goals, certificates, appraisal talks, and where
    the demo has them, formal qualifications and a self-assessment beside the leader's level."""
    from competence.appraisals import appraisals_of
    from competence.certificates import certificates_of
    from competence.gap import employee_profile
    from competence.goals import goals_of
    from competence.qualifications.held import held_qualifications
    from competence.uow import UnitOfWork

    rows = [r for r in page.model.rows if r.left_on is None and r.roles]  # type: ignore[attr-defined]
    fallback: int | None = None
    for row in rows[:300]:
        uow = UnitOfWork(ctx.database, ctx.actor)  # type: ignore[attr-defined]
        if (
            len(goals_of(uow, row.id)) < 2
            or not certificates_of(uow, row.id)
            or not appraisals_of(uow, row.id)
        ):
            continue
        profile = employee_profile(uow, row.id)
        if not (profile.gaps and profile.not_assessed and len(profile.areas) >= 3):
            continue
        fallback = fallback or int(row.id)
        with uow:
            qualified = bool(held_qualifications(uow.session, row.id))
        if qualified and any(item.self_level is not None for item in profile.items):
            return int(row.id)
    return fallback or int(rows[0].id)


def demo_roster(ctx: object, path: Path) -> Path:
    """The month's roster from HR for the demo municipality: everyone's positions as they are, with a
    few changes (two new people, a changed FTE, one row HR got wrong, three who have left), an
    identity-number column the import refuses and a phone column it does not read. Written with
    openpyxl the way HR systems export."""
    import openpyxl

    from competence.employees import get_employee, list_employees
    from competence.uow import UnitOfWork

    def uow() -> UnitOfWork:
        return UnitOfWork(ctx.database, ctx.actor)  # type: ignore[attr-defined]

    people = list_employees(uow())
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ansatte"
    sheet.append(["Fjordvik kommune – ansatte per 01.03.2025"])
    sheet.append([])
    header = [
        "Ansattnr",
        "Navn",
        "Fødselsnr",
        "Enhetsnr",
        "Enhet",
        "Stilling",
        "Stilling %",
        "Leder ansattnr",
        "Telefon",
    ]
    sheet.append(header)
    numbers = {p.id: p.employee_no for p in people}
    for i, row in enumerate(people[3:]):  # the first three in the list have left
        person = get_employee(uow(), row.id)
        for position in person.active_positions:
            fte = position.fte_percent - 20 if i == 5 else position.fte_percent
            manager = numbers.get(position.manager_id) if position.manager_id else None
            sheet.append(
                [
                    int(row.employee_no) if row.employee_no.isdigit() else row.employee_no,
                    f"{row.last_name}, {row.first_name}",
                    None,
                    position.unit_number,
                    position.unit_name,
                    position.title,
                    fte if i != 9 else 180,
                    int(manager) if manager and manager.isdigit() else manager,
                    f"9{i:07d}",
                ]
            )
    first = people[3]
    unit = get_employee(uow(), first.id).active_positions[0]
    for number, name in ((99001, "Haugen, Ingrid"), (99002, "Berntsen, Ola")):
        sheet.append(
            [number, name, None, unit.unit_number, unit.unit_name, "Helsefagarbeider", 75, None, None]
        )
    book.save(path)
    return path


def framework_screens(
    window: object, save: Callable[[object, str], None], wait_for: Callable[..., None]
) -> None:
    """Rammeverk og roller: a strategy competence with its quote, and a role with its requirements."""
    page = window.page("frameworks")  # type: ignore[attr-defined]
    wait_for(page.loaded, lambda: window.show_page("frameworks"))  # type: ignore[attr-defined]
    tab = page.frameworks
    row = next(i for i, f in enumerate(tab.model.rows) if f.key == "ostre-toten-agp")
    wait_for(tab.tree_shown, lambda: tab.list.selectRow(row))
    comp = next(c for c in tab.tree_data.competences() if c.key == "ot-10-2")
    tab.tree.select_key(("competence", comp.id))
    save(window, "rammeverk")
    roles = page.roles
    page.tabs.setCurrentWidget(roles)
    busiest = max(
        range(len(roles.roles.model.rows)), key=lambda i: roles.roles.model.rows[i].requirement_count
    )
    wait_for(roles.requirements_loaded, lambda: roles.roles.select_row(busiest))
    save(window, "roller")
    page.tabs.setCurrentWidget(tab)


def import_screens(
    window: object, ctx: object, save: Callable[[object, str], None], idle: Callable[[], None], workdir: Path
) -> None:
    """The roster wizard on the demo roster: mapping, preview and report; then the Import screen."""
    from PySide6.QtWidgets import QWizard

    from ui.importing.roster_wizard import MAPPING_PAGE, PREVIEW_PAGE, REPORT_PAGE

    roster = demo_roster(ctx, workdir / "ansatte-mars-2025.xlsx")
    window.show_page("import")  # type: ignore[attr-defined]
    idle()
    page = window.page("import")  # type: ignore[attr-defined]
    wizard = page.start_roster_import()
    wizard.resize(1000, 700)
    wizard.file_page.path_edit.setText(str(roster))
    for expected, name in (
        (MAPPING_PAGE, "import-kolonner"),
        (PREVIEW_PAGE, "import-forhandsvisning"),
        (REPORT_PAGE, "import-rapport"),
    ):
        button = wizard.button(QWizard.WizardButton.CommitButton)
        if not button.isVisible():
            button = wizard.button(QWizard.WizardButton.NextButton)
        button.click()
        idle()
        assert wizard.currentId() == expected, (wizard.currentId(), expected)
        if expected == PREVIEW_PAGE:
            view = wizard.preview_page.view
            view.outcome_filter.setCurrentIndex(view.outcome_filter.findData("updated"))
        save(wizard, name)
    wizard.accept()
    idle()
    save(window, "import")


def units_screens(window: Any, save: Callable[[Any, str], None], idle: Callable[[], None]) -> None:
    """Enheter: the heatmap with the people behind a cell, and the strategy-area view."""
    window.show_page("units")
    idle()
    page = window.page("units")
    model = page.model
    # a cell with a gap and several people behind it, in a unit well down the tree
    candidates = [
        (figures.people, r, c)
        for r in range(1, model.rowCount())
        for c in range(model.columnCount())
        if (figures := model.figures(r, c)) is not None
        and figures.met < figures.people
        and figures.not_assessed
    ]
    if candidates:
        _, row, column = max(candidates)
        unit, competence = model.unit_at(row), model.column_at(column)
        page.select_cell(unit.id, competence.id)
        idle()
    save(window, "enheter")
    page.tabs.setCurrentIndex(1)
    save(window, "enheter-strategiomrader")
    page.tabs.setCurrentIndex(2)
    save(window, "enheter-sarbarhet")
    page.tabs.setCurrentIndex(0)


def planning_screens(window: Any, save: Callable[[Any, str], None], idle: Callable[[], None]) -> None:
    """Planlegging for the unit with the most targets short (docs/planning.md), each tab; and the
    targets tab of Enheter."""
    window.show_page("planning")
    idle()
    page = window.page("planning")
    data = page.data
    if data is not None:
        short: dict[int, int] = {}
        for target in data.targets:
            short[target.unit_id] = short.get(target.unit_id, 0) + (1 if target.short else 0)
        unit = max(short, key=lambda u: (short[u], -u)) if short else None
        if unit is not None:
            page.unit.select_id(unit)
            idle()
    save(window, "planlegging")
    for index, name in ((1, "planlegging-tiltak"), (2, "planlegging-10faktor"), (3, "planlegging-heltid")):
        page.tabs.setCurrentIndex(index)
        save(window, name)
    page.tabs.setCurrentIndex(0)
    window.show_page("units")
    idle()
    units = window.page("units")
    units.tabs.setCurrentWidget(units.planning.tab)
    save(window, "enheter-mal")
    units.tabs.setCurrentIndex(0)


def compliance_screens(window: Any, save: Callable[[Any, str], None], idle: Callable[[], None]) -> None:
    """What a leader is held to account for (docs/compliance.md): the panels on Oversikt of who
    lacks a mandatory requirement and whose talk is due, Ansatte filtered to the overdue talks, and
    the dispensations a unit depends on."""
    from PySide6.QtWidgets import QScrollArea

    window.show_page("overview")
    idle()
    overview = window.page("overview")
    scroll = overview.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(overview.talks)
        scroll.ensureWidgetVisible(overview.compliance)
    save(window, "oversikt-lovpalagt")
    if scroll is not None:
        scroll.verticalScrollBar().setValue(0)

    window.show_page("employees")
    idle()
    employees = window.page("employees")
    employees.talk_overdue.setChecked(True)
    idle()
    save(window, "ansatte-samtale-forfalt")
    employees.talk_overdue.setChecked(False)
    idle()

    window.show_page("units")
    idle()
    units = window.page("units")
    units.tabs.setCurrentWidget(units.dispensations)
    idle()
    save(window, "enheter-dispensasjoner")
    units.tabs.setCurrentIndex(0)


def reports_screen(
    window: Any, save: Callable[[Any, str], None], idle: Callable[[], None], folder: Path
) -> None:
    """Rapporter, after the unit plans of a unit were made (the result and its buttons show)."""
    from ui.reports.kinds import Choice

    window.show_page("reports")
    idle()
    page = window.page("reports")
    page.select_kind("plans")
    unit = next(u for u in page.choices.units if u.depth == 2)
    page.unit.select_id(unit.id)
    choice = Choice(page.current_kind(), unit.number, unit.name, subunits=False, combined=True)
    page.start(choice, folder)
    idle()
    save(window, "rapporter")


def privacy_screens(
    window: Any, ctx: Any, save: Callable[[Any, str], None], idle: Callable[[], None]
) -> None:
    """Personvern: the retention notice at start, its list, the erasure confirmation, the audit log,
    and the dialog a damaged register gets (shown only, nothing restored)."""
    from competence.actions.privacy import preview_erasure
    from competence.uow import UnitOfWork
    from db.errors import DatabaseCorruptError
    from ui.privacy.auditlog import open_audit_log
    from ui.privacy.damaged import DamagedDatabaseDialog
    from ui.privacy.erasure import ErasureDialog
    from ui.privacy.notices import check_at_start
    from ui.privacy.retention import open_retention_dialog

    window.show_page("overview")
    check_at_start(window, ctx)
    idle()
    save(window, "personvern-varsel")
    retention = open_retention_dialog(ctx, window)
    idle()
    save(retention, "personvern-oppbevaring")
    retention.close()

    person = window.page("employees").model.rows[0]
    uow = UnitOfWork(ctx.database, ctx.actor)
    erasure = ErasureDialog(preview_erasure(uow, person.employee_no, person.full_name), window)
    erasure.show()
    save(erasure, "personvern-sletting")
    erasure.close()

    log = open_audit_log(ctx, window)
    idle()
    save(log, "revisjonslogg")
    log.close()

    path = ctx.database.path
    damaged = DamagedDatabaseDialog(DatabaseCorruptError(str(path)), ctx.database.url, ctx.tasks)
    damaged.show()
    save(damaged, "skadet-database")
    damaged.close()


def shared_register_screens(
    employees: int, lang: str, save: Callable[[Any, str], None], settle: Callable[[int], None]
) -> None:
    """A shared register on a throwaway PostgreSQL server (tests/support/pg.py): the login dialog,
    a leader's window with what the login reaches in the status bar, HR's accounts in Innstillinger
    and the dialog giving a login access. Real logins with passwords, real dialogs."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QScrollArea

    from competence.access import grant_access
    from competence.demo import generate_demo
    from competence.frameworks import ensure_builtin_frameworks
    from competence.uow import UnitOfWork
    from db.models import Employee, OrgUnit
    from db.server_url import with_login
    from db.session import open_database
    from tests.support.pg import PASSWORD_GROUP, PostgresUnavailable, start_server
    from ui.context import AppContext
    from ui.login import LoginDialog
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.settings.accounts_box import GrantDialog
    from ui.worker import TaskRunner

    try:
        server = start_server()
    except PostgresUnavailable as exc:
        print(f"shared register skipped: {exc}")
        return
    import psycopg
    from sqlalchemy import select

    password = "demo-passord"
    opened = []
    try:
        admin = {"host": str(server.socket_dir), "port": server.port, "user": "postgres", "autocommit": True}
        with psycopg.connect(dbname="postgres", **admin) as conn:  # type: ignore[arg-type]
            conn.execute("CREATE DATABASE kompetanse")
            conn.execute(f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN")
            for login in ("hanne", "kari", "ola"):
                conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE {PASSWORD_GROUP}")  # type: ignore[arg-type]
        url = server.url("kompetanse")
        owner = open_database(url)
        opened.append(owner)
        ensure_builtin_frameworks(UnitOfWork(owner))
        generate_demo(owner, employees=employees, seed=2019)
        uow = UnitOfWork(owner)
        with uow:
            leader_no = uow.session.scalar(
                select(Employee.employee_no)
                .join(OrgUnit, OrgUnit.leader_id == Employee.id)
                .where(OrgUnit.parent_id.is_not(None))
                .order_by(OrgUnit.number)
                .limit(1)
            )
        grant_access(uow, "hanne", "hr")
        grant_access(uow, "kari", "leader", leader_no)

        tasks = TaskRunner()  # the login runs before a register is open: detached
        dialog = LoginDialog(with_login(url, ""), lambda u, p: None, tasks)
        dialog.login.setText("kari")
        dialog.password.setText(password)
        dialog.show()
        save(dialog, "innlogging")
        dialog.close()

        def window_as(login: str, name: str) -> tuple[MainWindow, AppContext]:
            database = open_database(with_login(url, login), password=password)
            opened.append(database)
            prefs = Preferences(
                QSettings(str(Path(tempfile.mkdtemp()) / f"{name}.ini"), QSettings.Format.IniFormat)
            )
            prefs.language = lang
            ctx = AppContext(database, prefs)
            window = MainWindow(ctx)
            window.showMaximized()
            return window, ctx

        def idle(ctx: AppContext) -> None:
            for _ in range(1200):
                if not ctx.tasks.running:
                    break
                settle(50)

        leader_window, leader_ctx = window_as("kari", "kari")
        leader_window.show_page("overview")
        idle(leader_ctx)
        save(leader_window, "felles-register-leder")
        leader_window.close()

        hr_window, hr_ctx = window_as("hanne", "hanne")
        hr_window.show_page("settings")
        page = hr_window.page("settings")
        page.refresh()
        idle(hr_ctx)
        box = page.accounts  # type: ignore[attr-defined]
        scroll = page.findChild(QScrollArea)
        if scroll is not None and box is not None:
            scroll.ensureWidgetVisible(box)
        save(hr_window, "innstillinger-tilganger")
        box.open_grant(None)
        settle(200)
        grant = next(w for w in hr_window.findChildren(GrantDialog) if w.isVisible())
        grant.login.setEditText("ola")
        save(grant, "tilgang-gi")
        grant.close()
        hr_window.close()
        for ctx in (leader_ctx, hr_ctx):
            ctx.tasks.shutdown()
        tasks.shutdown()
    finally:
        for database in opened:
            database.dispose()
        server.stop()


def main() -> int:
    args = parse_args()
    if args.lang is None and args.size is None:
        return all_sets(args)
    lang = args.lang or "nb"
    width, height = screen_size(args.size or "1440x900")
    workdir = Path(tempfile.mkdtemp(prefix="kompetanse-screens-"))
    use_screen(width, height, workdir)
    os.environ["KOMPETANSE_DATA_DIR"] = str(workdir / "data")
    os.environ["KOMPETANSE_TODAY"] = TODAY

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from competence.backups import take_backup
    from competence.demo import generate_demo
    from competence.frameworks import ensure_builtin_frameworks
    from competence.program_versions import record_program_version
    from competence.search import competence_options
    from competence.uow import UnitOfWork
    from db.session import open_database
    from ui.about import AboutDialog
    from ui.context import AppContext
    from ui.employees.page import EmployeesPage
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.style import install_style

    app = QApplication([sys.argv[0]])
    install_style(app)
    install_language(app, lang)
    database = open_database(f"sqlite:///{workdir / 'demo.db'}")
    ensure_builtin_frameworks(UnitOfWork(database))
    record_program_version(UnitOfWork(database))
    generate_demo(database, employees=args.employees, seed=2019)
    take_backup(database, auto=True)  # so the backup list in Innstillinger is not empty
    prefs = Preferences(QSettings(str(workdir / "prefs.ini"), QSettings.Format.IniFormat))
    prefs.language = lang
    ctx = AppContext(database, prefs, actor="demo")
    window = MainWindow(ctx)
    window.showMaximized()
    args.out.mkdir(parents=True, exist_ok=True)

    def wait_for(signal: object, action: Callable[[], None], timeout_ms: int = 60_000) -> None:
        """Run ``action`` and wait (in Qt's event loop) until ``signal`` fires."""
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(timeout_ms, loop.quit)
        action()
        loop.exec()
        signal.disconnect(loop.quit)  # type: ignore[attr-defined]

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def idle(timeout_ms: int = 60_000) -> None:
        """Wait until the app's background tasks are done."""
        waited = 0
        while ctx.tasks.running and waited < timeout_ms:
            settle(50)
            waited += 50

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    overview = window.page("overview")
    if not overview.data:  # type: ignore[attr-defined]
        wait_for(overview.loaded, lambda: window.show_page("overview"))
    save(window, "oversikt")

    employees = window.page("employees")
    assert isinstance(employees, EmployeesPage)
    wait_for(employees.loaded, lambda: window.show_page("employees"))
    save(window, "ansatte")

    digcomp = next(
        o
        for o in competence_options(UnitOfWork(ctx.database, ctx.actor))
        if o.code == "4.2" and "DigComp" in o.framework_name
    )
    employees.competence.choose(digcomp.id, 5)
    idle()
    save(window, "ansatte-filter-digcomp")
    employees.clear_filters()
    idle()

    wait_for(employees.card.loaded, lambda: employees.open_employee(showcase_employee(ctx, employees)))
    card = employees.card
    assessed = [i for i, item in enumerate(card.profile.model.rows) if item.current_level is not None]
    card.profile.view.selectRow(assessed[0] if assessed else 0)  # a row with a history to show
    save(window, "ansattkort-kompetanse")
    for tab, name in (
        (card.goals, "ansattkort-utviklingsmal"),
        (card.certificates, "ansattkort-sertifikater"),
        (card.qualifications, "ansattkort-kvalifikasjoner"),
        (card.appraisals, "ansattkort-samtaler"),
    ):
        card.tabs.setCurrentWidget(tab)
        save(window, name)
    employees.show_list()

    framework_screens(window, save, wait_for)
    import_screens(window, ctx, save, idle, workdir)
    units_screens(window, save, idle)
    planning_screens(window, save, idle)
    compliance_screens(window, save, idle)
    reports_screen(window, save, idle, workdir / "utviklingsplaner")
    privacy_screens(window, ctx, save, idle)

    window.show_page("settings")
    wait_for(window.page("settings").loaded, lambda: window.page("settings").refresh())
    save(window, "innstillinger")

    about = AboutDialog(ctx, window)
    about.show()
    idle()
    save(about, "om")
    about.tabs.setCurrentWidget(about.licences_tab)
    about.licence_table.selectRow(2)  # Qt
    save(about, "om-lisenser")
    about.close()

    window.show_page("units")  # F1 on Enheter, then the link to how the gap is computed
    window.open_help()
    guide = window.help_window
    save(guide, "hjelp-enheter")
    guide.show_topic("gap")
    save(guide, "hjelp-gapet")
    guide.close()

    window.close()
    ctx.tasks.shutdown()
    database.dispose()
    shared_register_screens(min(args.employees, 300), args.lang, save, settle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
