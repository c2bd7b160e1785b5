"""Every service that writes leaves an audit event (who, when, what) holding no
personal data beyond the employee number; the log is viewable (dataclasses) and exportable (CLI,
JSON or CSV with formula-safe cells).

The write services are found by name (create_, update_, delete_, add_, set_, record_, mark_, save_,
remove_, erase_, anonymise_, apply_, take_, restore_, export_, import_, load_, copy_, backup_) in
every module of ``competence``: a new one fails this test until it is listed in SCENARIOS, that
is, until it is shown to write its audit event.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import inspect
import io
import json
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

import competence
from competence import (
    appraisals,
    assessments,
    audit,
    backups,
    certificates,
    employees,
    goals,
    qualifications,
    roles,
    settings,
    units,
)
from competence.actions.privacy import export_audit_events
from competence.cli import main
from competence.export.excel.gap_report import export_gap_report
from competence.export.excel.matrix import export_matrix
from competence.export.excel.template import export_template
from competence.export.pdf.batch import export_plans
from competence.export.pdf.plan import export_plan
from competence.export.pdf.unit_plan import export_unit_plan
from competence.frameworks import builtin, editing, transfer
from competence.lookup import employee_by_no
from competence.privacy import auditlog, erasure, innsyn, retention
from competence.progress import CancelToken
from competence.roster.mappings import forget_mapping, save_mapping
from competence.uow import UnitOfWork
from db.models import AuditEvent
from db.session import Database, open_database
from tests.reliability.people import COLLEAGUE_NO, SUBJECT_NO, Register, build_register
from tests.reliability.planning_scenarios import PLANNING_NOT_WRITES, planning_scenarios

WRITE_VERBS = (
    "create_", "update_", "delete_", "add_", "set_", "record_", "mark_", "save_", "remove_", "erase_",
    "anonymise_", "apply_", "take_", "restore_", "export_", "import_", "load_", "copy_", "backup_",
    "ensure_", "generate_", "run_", "forget_",
)  # fmt: skip
#: Functions whose name looks like a write but that are not a user's action of their own.
NOT_WRITES = {
    "competence.certificates.add_months": "date arithmetic",
    "competence.frameworks.parse.load_json_bytes": "parses bytes, writes nothing",
    "competence.frameworks.store.apply_spec": "a step of copy_framework, import_framework_file and "
    "ensure_builtin_frameworks, which record the event",
    "competence.demo.catalogue.load_catalogue": "reads the competences the demo draws from",
    "competence.demo.writer.set_column": "a bulk step of generate_demo, which records the event",
    "competence.roster.apply.apply_plan": "the writing step of run_import, which records the event",
    "competence.frameworks.store.forget_requirement_history": (
        "a step of deleting a framework, area or competence, which records the event"
    ),
    "competence.roster.mappings.load_mapping": "reads a remembered column mapping",
    "competence.roster.plan.load_state": "reads the register to plan an import",
    "competence.export.excel.splice.save_with_rows": "a file-writing step of the Excel exports",
    "competence.export.excel.styles.set_cells": "puts values into worksheet cells",
    "competence.export.pdf.plan_data.load_plan": "reads what a development plan shows",
    "competence.actions.card.load_card": "reads what the employee card shows",
    "competence.actions.card.load_lookups": "reads the lists the card's dialogs pick from",
    "competence.actions.screens.load_access_screen": "reads who has access to a shared register",
    "competence.actions.screens.load_employee_list": "reads the employee list and its filters",
    "competence.actions.screens.load_frameworks_screen": "reads the frameworks and roles",
    "competence.actions.screens.load_report_choices": "reads the units and people a report is for",
    "competence.export.scope.record_export": "records the export event for the exports themselves",
    "competence.audit.forget_person_events": "a step of the erasure, which records the event",
    "competence.program_versions.record_program_version": "the program's own note of its version when it "
    "opens the register (Hjelp → Om), at most daily; no user's action and no personal data",
    **PLANNING_NOT_WRITES,
}
#: Names, e-mails and notes of the people in the test register: never in an audit event.
PERSONAL = ("Åsebjørg", "Quistgaard", "Kari", "Kollega", "Mona", "example.no", "Trenger mer øving")


@dataclass
class Ctx:
    database: Database
    uow: UnitOfWork
    reg: Register
    tmp: Path

    def emp(self, no: str = SUBJECT_NO) -> employees.EmployeeDetail:
        return employees.find_employee(self.uow, no)


Scenario = Callable[[Ctx], tuple[str, str | None]]


def _position(c: Ctx) -> employees.PositionView:
    return c.emp().positions[0]


def _goal(c: Ctx) -> goals.GoalView:
    return goals.goals_of(c.uow, c.reg.subject_id)[0]


def _talk(c: Ctx) -> appraisals.AppraisalView:
    return appraisals.appraisals_of(c.uow, c.reg.subject_id)[0]


def _cert(c: Ctx) -> certificates.CertificateView:
    return certificates.certificates_of(c.uow, c.reg.subject_id)[0]


def _comp(c: Ctx, key: str = "dig-1") -> int:
    from db.models import Competence

    with c.uow:
        return int(c.uow.session.scalar(select(Competence.id).where(Competence.key == key)) or 0)


def _unit(c: Ctx) -> units.UnitView:
    return units.create_unit(c.uow, "900", "Ny enhet")


def _in_session(c: Ctx, fn: Callable[..., object], *args: object) -> None:
    with c.uow:
        fn(c.uow.session, c.uow.actor, *args)
        c.uow.commit()


def _demo(c: Ctx) -> tuple[str, str | None]:
    """The demo fills an empty register: a new one, which the event is then looked for in."""
    from competence.demo.generator import MIN_EMPLOYEES, generate_demo

    c.database = open_database(f"sqlite:///{c.tmp / 'demo.db'}")
    generate_demo(c.database, employees=MIN_EMPLOYEES, actor=c.uow.actor)
    return "create", None


def _damaged_restore(c: Ctx) -> tuple[str, str | None]:
    copy = backups.take_backup(c.database, c.tmp / "kopi.db", actor=c.uow.actor)
    path = c.database.path
    assert path is not None
    c.database.dispose()
    path.write_bytes(b"not a database any more" * 200)
    backups.restore_over_damaged(c.database.url, copy, actor=c.uow.actor)
    return "restore", None


def _delete_unit(c: Ctx) -> tuple[str, str | None]:
    unit = _unit(c)
    units.delete_unit(c.uow, unit.id, expected_version=unit.version)
    return "delete", None


def _delete_role(c: Ctx) -> tuple[str, str | None]:
    role = roles.create_role(c.uow, "Midlertidig")
    roles.delete_role(c.uow, role.id, expected_version=role.version)
    return "delete", None


def _update_role(c: Ctx) -> tuple[str, str | None]:
    role = roles.create_role(c.uow, "Vikar")
    roles.update_role(c.uow, role.id, name="Vikar 2", description=None, expected_version=role.version)
    return "update", None


def _anonymise(c: Ctx) -> tuple[str, str | None]:
    with c.uow:
        token = retention.anonymise_in_session(
            c.uow.session, c.uow.actor, employee_by_no(c.uow.session, COLLEAGUE_NO), dt.date(2026, 1, 1)
        )
        c.uow.commit()
    return "anonymise", token


def _anonymise_many(c: Ctx) -> tuple[str, str | None]:
    with c.uow:
        people = [employee_by_no(c.uow.session, COLLEAGUE_NO)]
        token = retention.anonymise_many(c.uow.session, c.uow.actor, people, dt.date(2026, 1, 1))[0]
        c.uow.commit()
    return "anonymise", token


def _apply_retention(c: Ctx) -> tuple[str, str | None]:
    colleague = c.emp(COLLEAGUE_NO)
    employees.mark_left(c.uow, colleague.id, dt.date(2020, 1, 1), expected_version=colleague.version)
    retention.apply_retention(c.uow)
    return "anonymise", employees.get_employee(c.uow, colleague.id).employee_no


def _framework(c: Ctx) -> tuple[int, int]:
    """The test framework's id and the id of its first area."""
    from db.models import Area, Framework

    with c.uow:
        fw = c.uow.session.scalar(select(Framework.id).where(Framework.key == "test-fw"))
        area = c.uow.session.scalar(select(Area.id).where(Area.framework_id == fw).order_by(Area.id))
        return int(fw or 0), int(area or 0)


def _fw_edit(c: Ctx, change: Callable[[int, int], object]) -> tuple[str, str | None]:
    change(*_framework(c))
    return "framework", None


def _copy_then(c: Ctx, change: Callable[[editing.FrameworkSummary], object]) -> tuple[str, str | None]:
    copy = editing.copy_framework(c.uow, _framework(c)[0], "Kopi av testrammeverket")
    change(copy)
    return "framework", None


def _new_area(c: Ctx) -> editing.AreaNode:
    return editing.add_area(c.uow, _framework(c)[0], editing.AreaInput("Nytt område", code="§99"))


def _new_competence(c: Ctx) -> editing.CompetenceNode:
    return editing.add_competence(c.uow, _framework(c)[1], editing.CompetenceInput("Ny kompetanse"))


def _scale_texts(c: Ctx) -> tuple[str, str | None]:
    from db.models import Scale

    with c.uow:
        scale = c.uow.session.scalar(select(Scale).where(Scale.key == "test-4"))
        assert scale is not None
        scale_id, version = scale.id, scale.version
        texts = [editing.LevelText(lv.ordinal, f"Trinn {lv.ordinal}") for lv in scale.levels]
    editing.update_scale(
        c.uow, scale_id, expected_version=version, name="Firedelt", name_en=None, levels=texts
    )
    return "framework", None


def _framework_file(c: Ctx) -> tuple[str, str | None]:
    path = c.tmp / "rammeverk.json"
    transfer.export_framework(c.uow, "test-fw", path)
    return "export", None


def _import_framework(c: Ctx) -> tuple[str, str | None]:
    """The exported file, under another key and name, comes back in as a new framework."""
    _framework_file(c)
    text = (c.tmp / "rammeverk.json").read_text(encoding="utf-8")
    text = text.replace('"test-fw"', '"test-fw-2"').replace("Testrammeverk", "Testrammeverk 2")
    (c.tmp / "rammeverk-2.json").write_text(text, encoding="utf-8")
    transfer.import_framework_file(c.uow, c.tmp / "rammeverk-2.json")
    return "import", None


def _roster_import(c: Ctx) -> tuple[str, str | None]:
    from competence.roster import run_import
    from tests.roster.builders import RosterSpec, simple_rows, write_roster

    run_import(c.uow, write_roster(c.tmp / "ansatte.xlsx", RosterSpec(rows=simple_rows(5))))
    return "import", None


def _exported(c: Ctx, write: Callable[[Path], object]) -> tuple[str, str | None]:
    write(c.tmp / "eksport")
    return "export", None


def _self_assessment_export(c: Ctx, out: Path) -> object:
    from competence.export.excel.self_assessment import export_self_assessment

    return export_self_assessment(c.uow, out.with_suffix(".xlsx"), unit_number="100")


def _compliance_export(c: Ctx, out: Path) -> object:
    from competence.export.excel.compliance import export_compliance

    return export_compliance(c.uow, out.with_suffix(".xlsx"))


def _assessment_template(c: Ctx) -> tuple[str, str | None]:
    from competence.export.excel.template import export_template
    from competence.export.excel.template_import import import_assessments

    path = c.tmp / "mal.xlsx"
    export_template(c.uow, path, unit_number="100")
    import_assessments(c.uow, path)
    return "import", None


def _self_assessment_form(c: Ctx) -> tuple[str, str | None]:
    from competence.export.excel.self_assessment import export_self_assessment
    from competence.export.excel.self_assessment_import import import_self_assessment

    path = c.tmp / "egenvurdering.xlsx"
    export_self_assessment(c.uow, path, unit_number="100")
    import_self_assessment(c.uow, path)
    return "import", None


def _plans_of(c: Ctx) -> tuple[str, str | None]:
    from competence.export.pdf.batch import export_plans_of
    from competence.export.scope import people_in, resolve_scope

    with c.uow:
        people = people_in(c.uow.session, resolve_scope(c.uow.session, "100", subunits=False))
    export_plans_of(c.uow, people, c.tmp / "planer")
    return "export", None


NEW = assessments.NewAssessment
SCENARIOS: dict[str, Scenario] = {
    "competence.export.excel.matrix.export_matrix": lambda c: _exported(
        c, lambda out: export_matrix(c.uow, out.with_suffix(".xlsx"))
    ),
    "competence.export.excel.gap_report.export_gap_report": lambda c: _exported(
        c, lambda out: export_gap_report(c.uow, out.with_suffix(".xlsx"))
    ),
    "competence.export.excel.template.export_template": lambda c: _exported(
        c, lambda out: export_template(c.uow, out.with_suffix(".xlsx"), unit_number="100")
    ),
    "competence.export.excel.template_import.import_assessments": _assessment_template,
    "competence.export.excel.self_assessment.export_self_assessment": lambda c: _exported(
        c, lambda out: _self_assessment_export(c, out)
    ),
    "competence.export.excel.self_assessment_import.import_self_assessment": _self_assessment_form,
    "competence.export.excel.compliance.export_compliance": lambda c: _exported(
        c, lambda out: _compliance_export(c, out)
    ),
    "competence.export.pdf.plan.export_plan": lambda c: (
        export_plan(c.uow, SUBJECT_NO, c.tmp / "plan.pdf"),
        ("export", SUBJECT_NO),
    )[1],
    "competence.export.pdf.batch.export_plans": lambda c: _exported(
        c, lambda out: export_plans(c.uow, "100", out)
    ),
    "competence.export.pdf.batch.export_plans_of": _plans_of,
    "competence.export.pdf.unit_plan.export_unit_plan": lambda c: _exported(
        c, lambda out: export_unit_plan(c.uow, "100", out.with_suffix(".pdf"))
    ),
    "competence.roster.service.run_import": _roster_import,
    "competence.demo.generator.generate_demo": _demo,
    "competence.frameworks.builtin.ensure_builtin_frameworks": lambda c: (
        builtin.ensure_builtin_frameworks(c.uow),
        ("framework", None),
    )[1],
    "competence.frameworks.editing.copy_framework": lambda c: _copy_then(c, lambda copy: None),
    "competence.frameworks.editing.update_framework": lambda c: _copy_then(
        c,
        lambda copy: editing.update_framework(
            c.uow, copy.id, expected_version=copy.version, name="Omdøpt kopi", owner="Løten kommune"
        ),
    ),
    "competence.frameworks.editing.delete_framework": lambda c: _copy_then(
        c, lambda copy: editing.delete_framework(c.uow, copy.id, expected_version=copy.version)
    ),
    "competence.frameworks.editing.add_area": lambda c: (_new_area(c), ("framework", None))[1],
    "competence.frameworks.editing.update_area": lambda c: _fw_edit(
        c,
        lambda _fw, _a: editing.update_area(
            c.uow, (a := _new_area(c)).id, expected_version=a.version, data=editing.AreaInput("Omdøpt")
        ),
    ),
    "competence.frameworks.editing.remove_area": lambda c: _fw_edit(
        c, lambda _fw, _a: editing.remove_area(c.uow, (a := _new_area(c)).id, expected_version=a.version)
    ),
    "competence.frameworks.editing.add_competence": lambda c: (_new_competence(c), ("framework", None))[1],
    "competence.frameworks.editing.update_competence": lambda c: _fw_edit(
        c,
        lambda _fw, _a: editing.update_competence(
            c.uow,
            (k := _new_competence(c)).id,
            expected_version=k.version,
            data=editing.CompetenceInput("Omdøpt kompetanse"),
        ),
    ),
    "competence.frameworks.editing.remove_competence": lambda c: _fw_edit(
        c,
        lambda _fw, _a: editing.remove_competence(
            c.uow, (k := _new_competence(c)).id, expected_version=k.version
        ),
    ),
    "competence.frameworks.editing.update_scale": _scale_texts,
    "competence.frameworks.transfer.export_framework": _framework_file,
    "competence.frameworks.transfer.import_framework_file": _import_framework,
    "competence.units.create_unit": lambda c: (_unit(c), ("create", None))[1],
    "competence.units.update_unit": lambda c: (
        units.update_unit(c.uow, _unit(c).id, expected_version=1, name="Omdøpt"),
        ("update", None),
    )[1],
    "competence.units.delete_unit": _delete_unit,
    "competence.roles.create_role": lambda c: (roles.create_role(c.uow, "Assistent"), ("create", None))[1],
    "competence.roles.update_role": _update_role,
    "competence.roles.delete_role": _delete_role,
    "competence.roles.set_requirement": lambda c: (
        roles.set_requirement(c.uow, roles.create_role(c.uow, "Leder").id, _comp(c), 2),
        ("update", None),
    )[1],
    "competence.roles.remove_requirement": lambda c: (
        roles.remove_requirement(c.uow, roles.list_roles(c.uow)[0].id, _comp(c)),
        ("delete", None),
    )[1],
    "competence.employees.create_employee": lambda c: (
        employees.create_employee(c.uow, "880001", "Nils", "Ny"),
        ("create", "880001"),
    )[1],
    "competence.employees.update_employee": lambda c: (
        employees.update_employee(
            c.uow, c.reg.subject_id, expected_version=c.emp().version, first_name="Åse"
        ),
        ("update", SUBJECT_NO),
    )[1],
    "competence.employees.mark_left": lambda c: (
        employees.mark_left(c.uow, c.reg.subject_id, dt.date(2025, 5, 1), expected_version=c.emp().version),
        ("left", SUBJECT_NO),
    )[1],
    "competence.employees.add_position": lambda c: (
        employees.add_position(
            c.uow, c.reg.subject_id, employees.PositionInput(c.reg.led_unit_id, "Vikar", None, 20)
        ),
        ("create", SUBJECT_NO),
    )[1],
    "competence.employees.update_position": lambda c: (
        employees.update_position(
            c.uow,
            _position(c).id,
            employees.PositionInput(c.reg.unit_id, "Ny"),
            expected_version=_position(c).version,
        ),
        ("update", SUBJECT_NO),
    )[1],
    "competence.employees.delete_position": lambda c: (
        employees.delete_position(c.uow, _position(c).id, expected_version=_position(c).version),
        ("delete", SUBJECT_NO),
    )[1],
    "competence.assessments.record_assessment": lambda c: (
        assessments.record_assessment(c.uow, NEW(c.reg.subject_id, _comp(c), 4)),
        ("assess", SUBJECT_NO),
    )[1],
    "competence.assessments.add_assessments": lambda c: (
        _in_session(c, assessments.add_assessments, [NEW(c.reg.subject_id, _comp(c), 1)]),
        ("assess", SUBJECT_NO),
    )[1],
    "competence.certificates.add_certificate": lambda c: (
        certificates.add_certificate(
            c.uow, c.reg.subject_id, certificates.CertificateInput("Brannvern", dt.date(2025, 1, 1))
        ),
        ("create", SUBJECT_NO),
    )[1],
    "competence.certificates.update_certificate": lambda c: (
        certificates.update_certificate(
            c.uow,
            _cert(c).id,
            certificates.CertificateInput("Brannvern", dt.date(2025, 1, 2)),
            expected_version=_cert(c).version,
        ),
        ("update", SUBJECT_NO),
    )[1],
    "competence.certificates.delete_certificate": lambda c: (
        certificates.delete_certificate(c.uow, _cert(c).id, expected_version=_cert(c).version),
        ("delete", SUBJECT_NO),
    )[1],
    "competence.goals.add_goal": lambda c: (
        goals.add_goal(c.uow, c.reg.subject_id, goals.GoalInput("Hospitering", "job_shadowing")),
        ("create", SUBJECT_NO),
    )[1],
    "competence.goals.update_goal": lambda c: (
        goals.update_goal(c.uow, _goal(c).id, goals.GoalInput("Nytt mål"), expected_version=_goal(c).version),
        ("update", SUBJECT_NO),
    )[1],
    "competence.goals.set_goal_status": lambda c: (
        goals.set_goal_status(c.uow, _goal(c).id, "in_progress", expected_version=_goal(c).version),
        ("update", SUBJECT_NO),
    )[1],
    "competence.goals.delete_goal": lambda c: (
        goals.delete_goal(c.uow, _goal(c).id, expected_version=_goal(c).version),
        ("delete", SUBJECT_NO),
    )[1],
    "competence.appraisals.record_appraisal": lambda c: (
        appraisals.record_appraisal(c.uow, c.reg.subject_id, appraisals.AppraisalInput(dt.date(2025, 9, 1))),
        ("create", SUBJECT_NO),
    )[1],
    "competence.appraisals.update_appraisal": lambda c: (
        appraisals.update_appraisal(
            c.uow,
            _talk(c).id,
            appraisals.AppraisalInput(dt.date(2025, 3, 1)),
            expected_version=_talk(c).version,
        ),
        ("update", SUBJECT_NO),
    )[1],
    "competence.appraisals.delete_appraisal": lambda c: (
        appraisals.delete_appraisal(c.uow, _talk(c).id, expected_version=_talk(c).version),
        ("delete", SUBJECT_NO),
    )[1],
    "competence.roster.mappings.save_mapping": lambda c: (
        save_mapping(c.uow, "layout-test", "Ansatte", {"employee_no": "Ansattnr", "email": None}),
        ("settings", None),
    )[1],
    "competence.roster.mappings.forget_mapping": lambda c: (
        save_mapping(c.uow, "layout-test", "Ansatte", {"employee_no": "Ansattnr"}),
        forget_mapping(c.uow, "layout-test"),
        ("settings", None),
    )[2],
    "competence.settings.save_settings": lambda c: (
        settings.save_settings(c.uow, settings.RegisterSettings(municipality="Løten kommune")),
        ("settings", None),
    )[1],
    "competence.backups.take_backup": lambda c: (
        backups.take_backup(c.database, actor=c.uow.actor),
        ("backup", None),
    )[1],
    "competence.backups.backup_if_due": lambda c: (
        backups.backup_if_due(c.database, interval_hours=1, keep=2, actor=c.uow.actor),
        ("backup", None),
    )[1],
    "competence.backups.restore_backup": lambda c: (
        backups.restore_backup(
            c.database, backups.take_backup(c.database, c.tmp / "r.db", actor=c.uow.actor), actor=c.uow.actor
        ),
        ("restore", None),
    )[1],
    "competence.backups.restore_over_damaged": _damaged_restore,
    "competence.privacy.innsyn.export_person": lambda c: (
        innsyn.export_person(c.uow, SUBJECT_NO, c.tmp / "innsyn.json", as_pdf=False),
        ("export", SUBJECT_NO),
    )[1],
    "competence.actions.privacy.export_audit_events": lambda c: (
        export_audit_events(
            c.uow,
            c.tmp / "hendelser.csv",
            limit=10,
            action=None,
            employee_no=None,
            since=None,
            cancel=CancelToken(),
        ),
        ("export", None),
    )[1],
    "competence.privacy.auditlog.export_audit_log": lambda c: (
        auditlog.export_audit_log(c.uow, audit.list_events(c.uow), c.tmp / "logg.csv"),
        ("export", None),
    )[1],
    "competence.privacy.erasure.erase_person": lambda c: (
        erasure.erase_person(c.uow, COLLEAGUE_NO),
        ("erase", None),
    )[1],
    "competence.privacy.erasure.erase_in_session": lambda c: (
        _in_session(c, lambda s, a: erasure.erase_in_session(s, a, employee_by_no(s, COLLEAGUE_NO))),
        ("erase", None),
    )[1],
    "competence.privacy.erasure.erase_many": lambda c: (
        _in_session(c, lambda s, a: erasure.erase_many(s, a, [employee_by_no(s, COLLEAGUE_NO)])),
        ("erase", None),
    )[1],
    "competence.privacy.retention.anonymise_in_session": _anonymise,
    "competence.privacy.retention.anonymise_many": _anonymise_many,
    "competence.privacy.retention.apply_retention": _apply_retention,
    **planning_scenarios(),
}


def write_functions() -> list[str]:
    found = []
    for info in pkgutil.walk_packages(competence.__path__, "competence."):
        if info.name.startswith("competence.cli") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if inspect.isfunction(obj) and obj.__module__ == module.__name__ and name.startswith(WRITE_VERBS):
                found.append(f"{module.__name__}.{name}")
    return sorted(set(found) - set(NOT_WRITES))


def _qualification(c: Ctx) -> qualifications.QualificationView:
    return qualifications.create_qualification(
        c.uow, qualifications.QualificationInput("licence", "Førerkort klasse BE")
    )


def _held(c: Ctx) -> qualifications.HeldQualification:
    with c.uow:
        return qualifications.held_qualifications(c.uow.session, c.reg.subject_id)[0]


def _dispensation(c: Ctx) -> qualifications.DispensationView:
    with c.uow:
        return qualifications.dispensations_of(c.uow.session, c.reg.subject_id)[0]


def _qualification_requirement(c: Ctx) -> tuple[int, int]:
    role, q = roles.create_role(c.uow, "Sjåfør").id, _qualification(c).id
    roles.set_qualification_requirement(c.uow, role, q)
    return role, q


SCENARIOS.update(
    {
        "competence.qualifications.builtin.ensure_builtin_qualifications": lambda c: (
            qualifications.ensure_builtin_qualifications(c.uow),
            ("create", None),
        )[1],
        "competence.qualifications.catalogue.create_qualification": lambda c: (
            _qualification(c),
            ("create", None),
        )[1],
        "competence.qualifications.catalogue.update_qualification": lambda c: (
            qualifications.update_qualification(
                c.uow,
                (q := _qualification(c)).id,
                qualifications.QualificationInput("licence", "Førerkort BE"),
                expected_version=q.version,
            ),
            ("update", None),
        )[1],
        "competence.qualifications.catalogue.delete_qualification": lambda c: (
            qualifications.delete_qualification(
                c.uow, (q := _qualification(c)).id, expected_version=q.version
            ),
            ("delete", None),
        )[1],
        "competence.qualifications.held.add_held_qualification": lambda c: (
            qualifications.add_held_qualification(
                c.uow, c.reg.subject_id, qualifications.HeldInput(_qualification(c).id, dt.date(2011, 1, 1))
            ),
            ("create", SUBJECT_NO),
        )[1],
        "competence.qualifications.held.update_held_qualification": lambda c: (
            qualifications.update_held_qualification(
                c.uow,
                (h := _held(c)).id,
                qualifications.HeldInput(h.qualification_id, dt.date(2013, 1, 1)),
                expected_version=h.version,
            ),
            ("update", SUBJECT_NO),
        )[1],
        "competence.qualifications.held.delete_held_qualification": lambda c: (
            qualifications.delete_held_qualification(c.uow, (h := _held(c)).id, expected_version=h.version),
            ("delete", SUBJECT_NO),
        )[1],
        "competence.qualifications.dispensations.add_dispensation": lambda c: (
            qualifications.add_dispensation(
                c.uow,
                c.reg.subject_id,
                qualifications.DispensationInput(
                    _qualification(c).id, dt.date(2026, 1, 1), dt.date(2026, 6, 30)
                ),
            ),
            ("create", SUBJECT_NO),
        )[1],
        "competence.qualifications.dispensations.update_dispensation": lambda c: (
            qualifications.update_dispensation(
                c.uow,
                (d := _dispensation(c)).id,
                qualifications.DispensationInput(d.qualification_id, d.starts_on, dt.date(2025, 6, 30)),
                expected_version=d.version,
            ),
            ("update", SUBJECT_NO),
        )[1],
        "competence.qualifications.dispensations.delete_dispensation": lambda c: (
            qualifications.delete_dispensation(c.uow, (d := _dispensation(c)).id, expected_version=d.version),
            ("delete", SUBJECT_NO),
        )[1],
        "competence.roles.set_qualification_requirement": lambda c: (
            _qualification_requirement(c),
            ("update", None),
        )[1],
        "competence.roles.remove_qualification_requirement": lambda c: (
            roles.remove_qualification_requirement(c.uow, *_qualification_requirement(c)),
            ("delete", None),
        )[1],
    }
)


def test_every_write_service_has_a_scenario() -> None:
    missing = set(write_functions()) - set(SCENARIOS)
    assert not missing, f"write services without an audit scenario in {__file__}: {sorted(missing)}"
    assert not set(SCENARIOS) - set(write_functions()), "scenarios for functions that no longer exist"


@pytest.mark.parametrize("service", sorted(SCENARIOS))
def test_service_writes_an_audit_event(sqlite_database: Database, tmp_path: Path, service: str) -> None:
    uow = UnitOfWork(sqlite_database, "revisor")
    reg = build_register(uow)
    # By time, not by id: an erasure deletes the newest events, and SQLite then reuses their ids.
    start = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    ctx = Ctx(sqlite_database, uow, reg, tmp_path)
    action, employee_no = SCENARIOS[service](ctx)
    # Read the log afresh: a scenario may have replaced the file (restore) or used another (demo).
    ctx.database.dispose()
    sqlite_database = open_database(ctx.database.url)
    uow = UnitOfWork(sqlite_database, "revisor")
    with uow:
        new = [
            (e.action, e.employee_no, e.actor, e.at, e.entity, e.details)
            for e in uow.session.scalars(
                select(AuditEvent).where(AuditEvent.at >= start).order_by(AuditEvent.id)
            )
        ]
    assert any(a == action and no == employee_no for a, no, *_ in new), (
        f"{service}: expected ({action}, {employee_no}), got {[(a, no) for a, no, *_ in new]}"
    )
    for _action, number, actor, at, entity, details in new:
        assert actor == "revisor" and at >= start
        blob = json.dumps([details, entity, number], ensure_ascii=False, default=str)
        assert not any(p in blob for p in PERSONAL), f"{service} logged personal data: {blob}"
    sqlite_database.dispose()


def test_log_is_viewable_as_dataclasses(sqlite_database: Database) -> None:
    uow = UnitOfWork(sqlite_database, "revisor")
    build_register(uow)
    entries = audit.list_events(uow, employee_no=SUBJECT_NO)
    assert entries and all(isinstance(e, audit.AuditEntry) for e in entries)
    assert entries == sorted(entries, key=lambda e: (e.at, e.id), reverse=True)
    assert {e.action for e in audit.list_events(uow, action="assess")} == {"assess"}


def test_cli_exports_csv_with_formula_safe_cells(sqlite_database: Database, tmp_path: Path) -> None:
    uow = UnitOfWork(sqlite_database, '=HYPERLINK("http://x")')  # a hostile login name
    employees.create_employee(uow, "-4711", "Per", "Pluss")
    out = tmp_path / "logg.csv"
    assert main(["audit", "--out", str(out), "--db", sqlite_database.url]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(auditlog.COLUMNS)
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells and "'-4711" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r", "\0")) for cell in cells)


def test_cli_shows_and_exports_json(
    sqlite_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_register(UnitOfWork(sqlite_database, "revisor"))
    url = sqlite_database.url
    assert main(["audit", "--json", "--action", "assess", "--employee", "0770011", "--db", url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown) == 2 and {e["employee_no"] for e in shown} == {SUBJECT_NO}
    assert main(["audit", "--out", str(tmp_path / "logg.json"), "--since", "2000-01-01", "--db", url]) == 0
    exported = json.loads((tmp_path / "logg.json").read_text(encoding="utf-8"))
    assert {e["action"] for e in exported} >= {"create", "assess", "update"}
    assert main(["audit", "--limit", "3", "--db", url]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 4  # 3 events + the "written to" line before
