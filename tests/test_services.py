"""Service functions against SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from competence import appraisals, assessments, audit, certificates, employees, goals, roles, settings, units
from competence.errors import (
    ConcurrentEditError,
    ConflictError,
    DatabaseBusyError,
    NotFoundError,
    ValidationError,
)
from competence.uow import UnitOfWork
from db.models import Assessment, AuditEvent, Employee
from db.session import Database
from tests.support.factories import make_mini_framework


def _person(
    uow: UnitOfWork, no: object = "4711", first: str = "Åse", last: str = "Ødegård"
) -> employees.EmployeeDetail:
    return employees.create_employee(uow, no, first, last, email="ase@example.no")


def test_unit_of_work_rolls_back_without_commit(uow: UnitOfWork) -> None:
    with uow:
        uow.session.add(Employee(employee_no="1", first_name="A", last_name="B"))
        uow.session.flush()
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Employee)) == 0


def test_employee_numbers_are_canonical(uow: UnitOfWork) -> None:
    emp = _person(uow, "004711")
    assert emp.employee_no == "4711"
    assert employees.find_employee(uow, 4711.0).id == emp.id
    with pytest.raises(ConflictError) as info:
        _person(uow, 4711)
    assert "allerede i bruk" in info.value.message("nb")
    assert "already in use" in info.value.message("en")


def test_validation_messages_in_both_languages(uow: UnitOfWork) -> None:
    with pytest.raises(ValidationError) as info:
        employees.create_employee(uow, "1", " ", "Hansen")
    assert info.value.field == "first_name"
    assert info.value.message("nb") == "Fornavn må fylles ut."
    assert info.value.message("en") == "First name is required."
    with pytest.raises(ValidationError):
        employees.create_employee(uow, "1", "Per", "Hansen", email="ikke-en-adresse")
    with pytest.raises(NotFoundError):
        employees.get_employee(uow, 999)


def test_optimistic_locking_refuses_stale_edit(uow: UnitOfWork) -> None:
    emp = _person(uow)
    updated = employees.update_employee(uow, emp.id, expected_version=emp.version, first_name="Åsa")
    assert updated.version == emp.version + 1
    with pytest.raises(ConcurrentEditError) as info:
        employees.update_employee(uow, emp.id, expected_version=emp.version, last_name="Berg")
    assert "endret av noen andre" in info.value.message("nb")
    assert employees.get_employee(uow, emp.id).last_name == "Ødegård"


def test_concurrent_flush_is_detected_by_version_column(database: Database) -> None:
    """Two open transactions change the same person: the second is refused, never applied.

    PostgreSQL reports it through the version counter; SQLite refuses the second writer's stale
    snapshot outright ("busy"). Either way the user is told and nothing is overwritten.
    """
    uow = UnitOfWork(database)
    emp = _person(uow)
    first, second = UnitOfWork(database), UnitOfWork(database)
    with first, second:
        a = first.session.get(Employee, emp.id)
        b = second.session.get(Employee, emp.id)
        assert a is not None and b is not None
        a.first_name = "Første"
        first.commit()
        b.first_name = "Andre"
        with pytest.raises(ConcurrentEditError if database.dialect == "postgresql" else DatabaseBusyError):
            second.commit()
    assert employees.get_employee(uow, emp.id).first_name == "Første"


def test_positions_and_employee_list(uow: UnitOfWork) -> None:
    root = units.create_unit(uow, "100", "Helse og omsorg")
    child = units.create_unit(uow, "110", "Hjemmetjenesten", parent_id=root.id)
    other = units.create_unit(uow, "200", "Oppvekst")
    role = roles.create_role(uow, "Sykepleier")
    emp = _person(uow)
    employees.add_position(uow, emp.id, employees.PositionInput(child.id, "Sykepleier", role.id, 60.0))
    employees.add_position(uow, emp.id, employees.PositionInput(other.id, "Assistent", None, 40.0))
    detail = employees.get_employee(uow, emp.id)
    assert detail.fte_total == 100.0
    assert [p.unit_name for p in detail.positions] == ["Hjemmetjenesten", "Oppvekst"]
    in_root = employees.list_employees(uow, unit_id=root.id)
    assert [r.employee_no for r in in_root] == ["4711"]
    assert employees.list_employees(uow, unit_id=root.id, subunits=False) == []
    tree = units.list_units(uow, with_counts=True)
    assert [(u.number, u.depth, u.people) for u in tree] == [("100", 0, 0), ("110", 1, 1), ("200", 0, 1)]
    with pytest.raises(ValidationError):
        employees.add_position(uow, emp.id, employees.PositionInput(other.id, "X", None, 120.0))
    with pytest.raises(ValidationError):
        units.update_unit(uow, root.id, expected_version=root.version, parent_id=child.id)
    with pytest.raises(ConflictError):
        units.delete_unit(uow, other.id, expected_version=other.version)


def test_employee_list_is_in_norwegian_alphabetical_order(uow: UnitOfWork) -> None:
    """Æ, Ø, Å after Z and in that order, case ignored, a shorter last name before a longer one
    that starts with it, whatever the database's own collation (SQLite puts Å before Æ)."""
    names = [
        ("Åse", "Aasen"), ("Per", "Aas"), ("Kari", "aas"), ("Ola", "Zahl"), ("Liv", "Ødegård"),
        ("Eva", "Ærø"), ("Nils", "Åsheim"), ("Anne", "Berg"), ("Bjørn", "Aas"),
    ]  # fmt: skip
    for number, (first, last) in enumerate(names, start=1):
        _person(uow, str(number), first, last)
    listed = [(r.last_name, r.first_name) for r in employees.list_employees(uow)]
    assert listed == [
        ("Aas", "Bjørn"), ("aas", "Kari"), ("Aas", "Per"), ("Aasen", "Åse"), ("Berg", "Anne"),
        ("Zahl", "Ola"), ("Ærø", "Eva"), ("Ødegård", "Liv"), ("Åsheim", "Nils"),
    ]  # fmt: skip


def test_left_employees_hidden_by_default(uow: UnitOfWork) -> None:
    emp = _person(uow)
    employees.mark_left(uow, emp.id, dt.date(2026, 1, 31), expected_version=emp.version)
    assert employees.list_employees(uow) == []
    assert [r.left_on for r in employees.list_employees(uow, include_left=True)] == [dt.date(2026, 1, 31)]


def test_requirements_use_the_competence_scale(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    role = roles.create_role(uow, "Leder")
    req = roles.set_requirement(uow, role.id, fw.competence_ids["dig-2"], 6)
    assert (req.level_ordinal, req.percent) == (6, 75.0)
    req = roles.set_requirement(uow, role.id, fw.competence_ids["dig-2"], 8, mandatory=False)
    assert (req.level_ordinal, req.mandatory) == (8, False)
    assert len(roles.requirements_of(uow, role.id)) == 1
    with pytest.raises(ValidationError) as info:
        roles.set_requirement(uow, role.id, fw.competence_ids["dig-1"], 5)
    assert "gyldige nivåer: 1-4" in info.value.message("nb")
    with pytest.raises(ConflictError):
        roles.create_role(uow, "leder")


def test_assessments_are_append_only_with_one_current(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    emp = _person(uow)
    comp = fw.competence_ids["dig-1"]
    new = assessments.NewAssessment
    assessments.record_assessment(uow, new(emp.id, comp, 1, dt.date(2025, 1, 10), "self"))
    assessments.record_assessment(uow, new(emp.id, comp, 3, dt.date(2025, 6, 1), "leader", "Leder Lie"))
    backdated = assessments.record_assessment(uow, new(emp.id, comp, 2, dt.date(2025, 3, 1), "course"))
    assert backdated.is_current is False
    hist = assessments.history(uow, emp.id, comp)
    assert [h.level_ordinal for h in hist] == [3, 2, 1]
    assert [h.is_current for h in hist] == [True, False, False]
    assert assessments.current_levels(uow, emp.id)[comp].level_ordinal == 3
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Assessment)) == 3
    with pytest.raises(ValidationError):
        assessments.record_assessment(uow, new(emp.id, fw.competence_ids["hms-cert"], 1))
    with pytest.raises(ValidationError):
        assessments.record_assessment(uow, new(emp.id, comp, 2, dt.date.today() + dt.timedelta(days=3)))


def test_refresh_current_flags_repairs_bulk_rows(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    emp = _person(uow)
    comp = fw.competence_ids["dig-1"]
    with uow:
        lv = uow.session.execute(select(func.min(Assessment.id))).scalar()
        assert lv is None
        from db.models import ScaleLevel

        levels = uow.session.scalars(select(ScaleLevel.id).where(ScaleLevel.scale_id == fw.scale4_id)).all()
        for day, level in ((1, levels[0]), (20, levels[2]), (5, levels[1])):
            uow.session.add(
                Assessment(
                    employee_id=emp.id,
                    competence_id=comp,
                    level_id=level,
                    assessed_on=dt.date(2025, 1, day),
                    source="import",
                    is_current=False,
                )
            )
        uow.session.flush()
        changed = assessments.refresh_current_flags(uow.session)
        uow.commit()
    assert changed == 1
    assert assessments.current_levels(uow, emp.id)[comp].level_ordinal == 3


def test_certificates_expiry_from_validity(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    emp = _person(uow)
    cert = certificates.add_certificate(
        uow,
        emp.id,
        certificates.CertificateInput("", dt.date(2024, 2, 29), competence_id=fw.competence_ids["hms-cert"]),
    )
    assert cert.name == "HMS-opplæring for ledere"
    assert cert.valid_until == dt.date(2027, 2, 28)
    assert cert.status(dt.date(2026, 12, 15)) == "expiring"
    assert cert.status(dt.date(2027, 3, 1)) == "expired"
    assert cert.status(dt.date(2026, 1, 1)) == "valid"
    with pytest.raises(ValidationError):
        certificates.add_certificate(
            uow,
            emp.id,
            certificates.CertificateInput("Førstehjelp", dt.date(2025, 5, 1), dt.date(2025, 4, 1)),
        )


def test_goals_and_appraisals(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    emp = _person(uow)
    goal = goals.add_goal(
        uow,
        emp.id,
        goals.GoalInput(
            "Kurs i informasjonssikkerhet",
            "e_learning",
            fw.competence_ids["dig-2"],
            target_level=5,
            due_on=dt.date(2025, 1, 1),
            hours=6,
            cost_nok=1500,
        ),
    )
    assert goal.area_id == fw.area_ids["digital"]
    assert goal.target_level_name == "Nivå 5"
    assert goal.overdue(dt.date(2025, 2, 1))
    done = goals.set_goal_status(uow, goal.id, "completed", expected_version=goal.version)
    assert not done.overdue(dt.date(2025, 2, 1))
    talk = appraisals.record_appraisal(
        uow,
        emp.id,
        appraisals.AppraisalInput(
            dt.date(2025, 3, 1), leader_name="Kari Nordmann", summary="God samtale", goal_ids=(goal.id,)
        ),
    )
    assert talk.goal_ids == (goal.id,)
    with pytest.raises(ValidationError):
        goals.add_goal(uow, emp.id, goals.GoalInput("X", "fallskjermhopp"))
    appraisals.update_appraisal(
        uow,
        talk.id,
        appraisals.AppraisalInput(dt.date(2025, 3, 1), summary="Endret"),
        expected_version=talk.version,
    )
    assert appraisals.appraisals_of(uow, emp.id)[0].goal_ids == ()


def test_settings_round_trip(uow: UnitOfWork) -> None:
    assert settings.get_settings(uow).retention_months == 12
    saved = settings.save_settings(uow, settings.RegisterSettings(municipality=" Østre Toten kommune "))
    assert saved.municipality == "Østre Toten kommune"
    assert settings.get_settings(uow).municipality == "Østre Toten kommune"
    with pytest.raises(ValidationError):
        settings.save_settings(uow, settings.RegisterSettings(retention_months=0))


def test_audit_records_actions_without_names(uow: UnitOfWork) -> None:
    emp = _person(uow)
    employees.update_employee(uow, emp.id, expected_version=emp.version, first_name="Åsa")
    events = audit.list_events(uow)
    assert [e.action for e in events] == ["update", "create"]
    # who acted: the app's user on a file, the database login on a shared register
    actor = "testleder" if uow.dialect == "sqlite" else uow.database.login
    assert all(e.actor == actor and e.employee_no == "4711" for e in events)
    with uow:
        for event in uow.session.scalars(select(AuditEvent)):
            assert "Ås" not in str(event.details) and "Ødegård" not in str(event.details)
