"""Targets, measures and the budget against figures worked out by hand (tests/planning/registers.py).

Assessments of dig-1 (levels of 25/50/75/100 %):
Åse 3 (10.01.2026), Bjørn 4 (01.11.2025), Cecilie 2, Dag 3 (01.06.2025) then 2 (01.02.2026),
Eli 4 (01.05.2025, left 31.01.2026); Frode none. Certificates of hms-cert: Åse valid, Cecilie
expired 01.01.2026.
"""

from __future__ import annotations

import datetime as dt

import pytest

from competence.assessments import NewAssessment, record_assessment
from competence.certificates import CertificateInput, add_certificate
from competence.errors import ConcurrentEditError, ConflictError, ValidationError
from competence.goals import GoalInput, add_goal
from competence.planning.budget import budget_in, set_budget
from competence.planning.measures import (
    MeasureInput,
    add_measure,
    delete_measure,
    measures_in,
    update_measure,
)
from competence.planning.targets import (
    TargetInput,
    add_target,
    delete_target,
    targets_in,
    update_target,
)
from competence.uow import UnitOfWork
from db.codes import Funding, MeasureKind, MeasureStatus, TargetState
from tests.planning.registers import TODAY, PlanningRegister, build_planning_register


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> PlanningRegister:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    reg = build_planning_register(uow)
    dig1 = reg.framework.competence_ids["dig-1"]
    for name, level, day in (
        ("Åse", 3, dt.date(2026, 1, 10)),
        ("Bjørn", 4, dt.date(2025, 11, 1)),
        ("Cecilie", 2, dt.date(2025, 11, 1)),
        ("Dag", 3, dt.date(2025, 6, 1)),
        ("Dag", 2, dt.date(2026, 2, 1)),
        ("Eli", 4, dt.date(2025, 5, 1)),
    ):
        record_assessment(uow, NewAssessment(reg.people[name], dig1, level, day, "leader"))
    cert = reg.framework.competence_ids["hms-cert"]
    add_certificate(uow, reg.people["Åse"], CertificateInput("HMS", dt.date(2025, 3, 1), None, cert))
    add_certificate(
        uow, reg.people["Cecilie"], CertificateInput("HMS", dt.date(2023, 1, 1), dt.date(2026, 1, 1), cert)
    )
    return reg


def _targets(uow: UnitOfWork, reg: PlanningRegister) -> dict[str, int]:
    c = reg.framework.competence_ids
    return {
        "T1": add_target(uow, reg.units["100"], TargetInput(c["dig-1"], 3, 3, "Digital hjemmetjeneste")),
        "T2": add_target(uow, reg.units["200"], TargetInput(c["hms-cert"], 1, 2, None, dt.date(2026, 2, 1))),
        "T3": add_target(uow, reg.units["110"], TargetInput(c["dig-1"], 4, 1)),
    }


def test_have_need_short_counts_the_unit_and_the_units_below(
    uow: UnitOfWork, register: PlanningRegister
) -> None:
    ids = _targets(uow, register)
    with uow:
        found = {t.id: t for t in targets_in(uow.session, unit_id=None, at=TODAY, with_holders=True)}
    t1, t2, t3 = found[ids["T1"]], found[ids["T2"]], found[ids["T3"]]
    # T1 counts 100 and 110: Åse (3) and Bjørn (4, in 110); Dag fell back to 2, Eli has left
    assert (t1.people_needed, t1.have, t1.short, t1.state) == (3, 2, 1, TargetState.SHORT)
    assert t1.holders == ("Bjørn Aasen", "Åse Aasen")
    # T2: only Åse's certificate is valid; the date has passed
    assert (t2.have, t2.short, t2.state) == (1, 1, TargetState.OVERDUE)
    assert (t3.have, t3.state) == (1, TargetState.MET)
    with uow:
        in_home = targets_in(uow.session, unit_id=register.units["100"], at=TODAY)
        only_home = targets_in(uow.session, unit_id=register.units["100"], subunits=False, at=TODAY)
    assert {t.id for t in in_home} == {ids["T1"], ids["T3"]}
    assert [t.id for t in only_home] == [ids["T1"]]


def test_status_on_an_earlier_date_reads_the_history(uow: UnitOfWork, register: PlanningRegister) -> None:
    ids = _targets(uow, register)
    with uow:
        found = {t.id: t for t in targets_in(uow.session, unit_id=None, at=dt.date(2025, 12, 31))}
    # Bjørn, Dag (3 until February) and Eli (still employed): met; Åse not yet assessed
    assert (found[ids["T1"]].have, found[ids["T1"]].state) == (3, TargetState.MET)
    # both certificates valid then, and the date not yet passed
    assert found[ids["T2"]].have == 2


def test_a_target_is_checked_and_refused_in_plain_words(uow: UnitOfWork, register: PlanningRegister) -> None:
    c = register.framework.competence_ids
    unit = register.units["100"]
    with pytest.raises(ValidationError) as bad_level:
        add_target(uow, unit, TargetInput(c["dig-1"], 7, 2))
    assert bad_level.value.field == "level"
    with pytest.raises(ValidationError) as none_needed:
        add_target(uow, unit, TargetInput(c["dig-1"], 2, 0))
    assert "mellom 1 og" in none_needed.value.message("nb")
    first = add_target(uow, unit, TargetInput(c["dig-1"], 2, 2))
    with pytest.raises(ConflictError):
        add_target(uow, unit, TargetInput(c["dig-1"], 2, 5))
    with uow:
        version = targets_in(uow.session, unit_id=unit, at=TODAY)[0].version
    update_target(uow, first, TargetInput(c["dig-1"], 2, 4, "Flere"), expected_version=version)
    with pytest.raises(ConcurrentEditError):
        update_target(uow, first, TargetInput(c["dig-1"], 2, 5), expected_version=version)
    with uow:
        assert [(t.people_needed, t.reason) for t in targets_in(uow.session, unit_id=unit, at=TODAY)] == [
            (4, "Flere")
        ]


def _measures(uow: UnitOfWork, reg: PlanningRegister, targets: dict[str, int]) -> dict[str, int]:
    c, a, u = reg.framework.competence_ids, reg.framework.area_ids, reg.units
    return {
        "M1": add_measure(
            uow,
            u["100"],
            MeasureInput(
                2026,
                MeasureKind.DEVELOP,
                "Kurs i digitale verktøy",
                target_id=targets["T1"],
                cost_nok=40_000,
                spent_nok=10_000,
                funding=Funding.UNIT_BUDGET,
                responsible_id=reg.people["Åse"],
                due_on=dt.date(2026, 6, 30),
                status=MeasureStatus.IN_PROGRESS,
            ),
        ),
        "M2": add_measure(
            uow,
            u["100"],
            MeasureInput(
                2026,
                MeasureKind.RECRUIT,
                "Rekruttere sykepleier",
                competence_id=c["dig-2"],
                cost_nok=60_000,
                funding=Funding.GRANT,
                due_on=dt.date(2026, 2, 1),
            ),
        ),
        "M3": add_measure(
            uow,
            u["100"],
            MeasureInput(
                2026,
                MeasureKind.REDEPLOY,
                "Flytte en stilling",
                area_id=a["digital"],
                cost_nok=5_000,
                status=MeasureStatus.CANCELLED,
            ),
        ),
        "M4": add_measure(
            uow,
            u["100"],
            MeasureInput(
                2025,
                MeasureKind.DEVELOP,
                "Fjorårets kurs",
                competence_id=c["dig-1"],
                cost_nok=30_000,
                spent_nok=28_000,
                status=MeasureStatus.DONE,
                evaluation="Godt mottatt",
            ),
        ),
        "M5": add_measure(
            uow,
            u["110"],
            MeasureInput(2026, MeasureKind.DEVELOP, "Veiledning", area_id=a["hms"], cost_nok=8_000),
        ),
    }


def test_measures_are_the_units_and_say_what_they_aim_at(uow: UnitOfWork, register: PlanningRegister) -> None:
    targets = _targets(uow, register)
    ids = _measures(uow, register, targets)
    with uow:
        this_year = {m.id: m for m in measures_in(uow.session, unit_id=register.units["100"], years=(2026,))}
        both = measures_in(uow.session, unit_id=register.units["100"], subunits=False, years=(2026, 2025))
    assert set(this_year) == {ids["M1"], ids["M2"], ids["M3"], ids["M5"]}
    m1 = this_year[ids["M1"]]
    assert m1.aim("nb") == "Mål: dig-1 Digitale verktøy"
    assert m1.aim("en") == "Target: dig-1 Digital tools"
    assert (m1.responsible_name, m1.own_budget, m1.overdue(TODAY)) == ("Åse Aasen", True, False)
    assert this_year[ids["M2"]].overdue(TODAY) and not this_year[ids["M2"]].own_budget
    assert this_year[ids["M3"]].aim("nb") == "§15 Digital transformasjon"
    assert [m.year for m in both] == [2026, 2026, 2026, 2025]
    # deleting the target keeps the measure aimed at its competence
    with uow:
        version = next(
            t.version for t in targets_in(uow.session, unit_id=None, at=TODAY) if t.id == targets["T1"]
        )
    delete_target(uow, targets["T1"], expected_version=version)
    with uow:
        kept = next(m for m in measures_in(uow.session, unit_id=None, years=(2026,)) if m.id == ids["M1"])
    assert (kept.target_id, kept.aim("nb")) == (None, "dig-1 Digitale verktøy")
    delete_measure(uow, ids["M5"], expected_version=1)
    with uow:
        assert ids["M5"] not in {m.id for m in measures_in(uow.session, unit_id=None, years=(2026,))}


def test_a_measure_is_refused_when_it_is_not_linked_or_not_sensible(
    uow: UnitOfWork, register: PlanningRegister
) -> None:
    targets = _targets(uow, register)
    unit = register.units["100"]
    cases = [
        (MeasureInput(2026, MeasureKind.DEVELOP, "Uten kobling"), "target_id"),
        (MeasureInput(2026, MeasureKind.DEVELOP, "Feil enhet", target_id=targets["T2"]), "target_id"),
        (MeasureInput(2026, MeasureKind.DEVELOP, "  ", area_id=register.framework.area_ids["hms"]), "title"),
        (
            MeasureInput(1999, MeasureKind.DEVELOP, "Gammelt", area_id=register.framework.area_ids["hms"]),
            "year",
        ),
        (
            MeasureInput(
                2026, MeasureKind.DEVELOP, "Negativ", area_id=register.framework.area_ids["hms"], cost_nok=-1
            ),
            "cost_nok",
        ),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as info:
            add_measure(uow, unit, data)
        assert info.value.field == field, data.title
    with uow:
        assert measures_in(uow.session, unit_id=None, years=(2026, 1999)) == []
    measure = add_measure(
        uow,
        unit,
        MeasureInput(2026, MeasureKind.BUY_IN, "Innleie", area_id=register.framework.area_ids["hms"]),
    )
    update_measure(
        uow,
        measure,
        MeasureInput(
            2026,
            MeasureKind.BUY_IN,
            "Innleie av vikar",
            area_id=register.framework.area_ids["hms"],
            status=MeasureStatus.DONE,
            evaluation="Dekket behovet",
        ),
        expected_version=1,
    )
    with uow:
        changed = measures_in(uow.session, unit_id=unit, years=(2026,))[0]
    assert (changed.title, changed.status, changed.evaluation) == (
        "Innleie av vikar",
        MeasureStatus.DONE,
        "Dekket behovet",
    )


def test_budget_planned_against_used(uow: UnitOfWork, register: PlanningRegister) -> None:
    targets = _targets(uow, register)
    _measures(uow, register, targets)
    set_budget(uow, register.units["100"], 2026, 100_000, note="Vedtatt i budsjettmøtet")
    set_budget(uow, register.units["110"], 2026, 20_000)
    p = register.people
    for name, cost, due, start, status in (
        ("Åse", 12_000, dt.date(2026, 5, 1), None, "planned"),  # home unit 100 (60 % there)
        ("Cecilie", 7_000, dt.date(2026, 9, 1), None, "in_progress"),  # home unit 200 (100 % there)
        ("Bjørn", 3_000, dt.date(2026, 3, 15), None, "completed"),  # home unit 110
        ("Dag", 2_000, None, dt.date(2026, 2, 1), "cancelled"),  # cancelled: costs nothing
        ("Frode", 1_500, dt.date(2025, 12, 1), None, "completed"),  # last year's
    ):
        add_goal(
            uow,
            p[name],
            GoalInput("Kurs", "course", start_on=start, due_on=due, status=status, cost_nok=cost),
        )
    with uow:
        s = uow.session
        home = budget_in(s, unit_id=register.units["100"], year=2026, at=TODAY)
        alone = budget_in(s, unit_id=register.units["100"], subunits=False, year=2026, at=TODAY)
        everyone = budget_in(s, unit_id=None, year=2026, at=TODAY)
        last_year = budget_in(s, unit_id=register.units["100"], year=2025, at=TODAY)
    # M1 40 000 + M5 8 000 planned (M2 is a grant, M3 cancelled); goals Åse 12 000 + Bjørn 3 000
    assert (home.budget, home.planned_measures, home.planned_goals, home.planned) == (
        120_000,
        48_000,
        15_000,
        63_000,
    )
    assert (home.spent_measures, home.spent_goals, home.spent, home.external) == (
        10_000,
        3_000,
        13_000,
        60_000,
    )
    assert (home.remaining, home.over_budget) == (57_000, False)
    assert (alone.budget, alone.planned, alone.spent, alone.note) == (
        100_000,
        52_000,
        10_000,
        "Vedtatt i budsjettmøtet",
    )
    assert (everyone.planned_goals, everyone.planned) == (22_000, 70_000)
    # 2025: M4 30 000 planned and 28 000 used, and Frode's completed goal of 1 500 (his main post
    # is in 110, below 100); no budget set
    assert (last_year.budget, last_year.planned, last_year.spent, last_year.remaining) == (
        None,
        31_500,
        29_500,
        None,
    )
    set_budget(uow, register.units["100"], 2026, 40_000, expected_version=alone.budget_version)
    with uow:
        tight = budget_in(uow.session, unit_id=register.units["100"], subunits=False, year=2026, at=TODAY)
    assert (tight.remaining, tight.over_budget) == (-12_000, True)
    with pytest.raises(ValidationError):
        set_budget(uow, register.units["100"], 2026, -5)
    set_budget(uow, register.units["100"], 2026, None)
    with uow:
        assert (
            budget_in(uow.session, unit_id=register.units["100"], subunits=False, year=2026, at=TODAY).budget
            is None
        )
