"""Targets that name a formal qualification ("we need N people holding Q", docs/planning.md), on
the small register of tests/planning/registers.py (today 01.03.2026), worked out by hand.

Autorisasjon som sykepleier (Q), by person:

* Åse (posts in 100 and 200): obtained 01.06.2015, no expiry.
* Bjørn (110; his post in 200 ended 31.12.2025): obtained 01.06.2020.
* Cecilie (200 and 100): obtained 01.06.2016, expired 31.01.2026.
* Dag (100): obtained 15.02.2026.
* Eli (100, left 31.01.2026): obtained 01.06.2018.
* Frode (110): no Q, a dispensation from it 01.08.2025-31.12.2026, and another qualification.

T1: 100 (with 110 below it) needs 4. Today: Åse, Bjørn, Dag: 3, short 1 (Cecilie's has expired,
Eli has left, Frode's dispensation is not holding it). On 15.01.2026: Åse, Bjørn, Cecilie, Eli: 4,
met (Dag's came later).
T2: 200 needs 2. Today: Åse only (Bjørn's post there ended, Cecilie's expired): 1, short 1. On
01.12.2025: Åse, Bjørn, Cecilie: 3.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from competence import gap
from competence.cli import main
from competence.errors import ConflictError, ValidationError
from competence.planning.measures import MeasureInput, add_measure, measures_in
from competence.planning.targets import (
    TargetInput,
    add_target,
    delete_target,
    targets_in,
    update_target,
)
from competence.qualifications import (
    DispensationInput,
    HeldInput,
    QualificationInput,
    add_dispensation,
    add_held_qualification,
    create_qualification,
    delete_qualification,
)
from competence.uow import UnitOfWork
from db.codes import MeasureKind, TargetState
from db.models import Competence, ScaleLevel
from db.planning import UnitTarget
from db.session import open_database
from tests.planning.registers import TODAY, PlanningRegister, build_planning_register

D = dt.date


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> tuple[PlanningRegister, int, int]:
    """The register, Q (autorisasjon som sykepleier) and another qualification."""
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    reg = build_planning_register(uow)
    q = create_qualification(
        uow, QualificationInput("authorisation", "Autorisasjon som sykepleier", "Authorisation as a nurse")
    ).id
    other = create_qualification(uow, QualificationInput("licence", "Førerkort klasse B")).id
    for name, obtained, expires in (
        ("Åse", D(2015, 6, 1), None),
        ("Bjørn", D(2020, 6, 1), None),
        ("Cecilie", D(2016, 6, 1), D(2026, 1, 31)),
        ("Dag", D(2026, 2, 15), None),
        ("Eli", D(2018, 6, 1), None),
    ):
        add_held_qualification(uow, reg.people[name], HeldInput(q, obtained, expires))
    add_held_qualification(uow, reg.people["Frode"], HeldInput(other, D(2010, 1, 1)))
    add_dispensation(uow, reg.people["Frode"], DispensationInput(q, D(2025, 8, 1), D(2026, 12, 31)))
    return reg, q, other


def _two_targets(uow: UnitOfWork, reg: PlanningRegister, q: int) -> tuple[int, int]:
    t1 = add_target(
        uow, reg.units["100"], TargetInput(None, None, 4, "Sykepleier på hver vakt", qualification_id=q)
    )
    t2 = add_target(uow, reg.units["200"], TargetInput(None, None, 2, qualification_id=q))
    return t1, t2


def test_holders_are_those_holding_it_valid_in_the_unit_and_below(
    uow: UnitOfWork, register: tuple[PlanningRegister, int, int]
) -> None:
    reg, q, _ = register
    t1, t2 = _two_targets(uow, reg, q)
    with uow:
        found = {t.id: t for t in targets_in(uow.session, unit_id=None, at=TODAY, with_holders=True)}
    first, second = found[t1], found[t2]
    assert (first.people_needed, first.have, first.short, first.state) == (4, 3, 1, TargetState.SHORT)
    assert first.holders == ("Bjørn Aasen", "Dag Aasen", "Åse Aasen")
    assert (second.have, second.short, second.holders) == (1, 1, ("Åse Aasen",))
    assert first.competence is None and first.level is None
    assert first.qualification is not None and first.qualification.id == q
    assert first.subject_label("nb") == "Autorisasjon som sykepleier"
    assert first.subject_label("en") == "Authorisation as a nurse"
    assert first.subject_detail("nb") == "Kvalifikasjon: autorisasjon"
    assert (first.level_label("nb"), first.level_label("en")) == ("gyldig", "valid")


def test_on_an_earlier_date_the_history_of_the_qualifications_counts(
    uow: UnitOfWork, register: tuple[PlanningRegister, int, int]
) -> None:
    reg, q, _ = register
    t1, t2 = _two_targets(uow, reg, q)
    with uow:
        january = {
            t.id: t for t in targets_in(uow.session, unit_id=None, at=D(2026, 1, 15), with_holders=True)
        }
        december = {t.id: t for t in targets_in(uow.session, unit_id=None, at=D(2025, 12, 1))}
    assert january[t1].holders == ("Bjørn Aasen", "Cecilie Aasen", "Eli Aasen", "Åse Aasen")
    assert january[t1].state is TargetState.MET
    assert december[t2].have == 3


def test_a_short_qualification_target_is_a_vulnerability_of_its_unit(
    uow: UnitOfWork, register: tuple[PlanningRegister, int, int]
) -> None:
    reg, q, _ = register
    _two_targets(uow, reg, q)
    found = gap.vulnerabilities(uow)
    assert [(v.unit.number, v.display_label("nb"), v.needed, v.holder_count) for v in found] == [
        ("100", "Autorisasjon som sykepleier", 4, 3),
        ("200", "Autorisasjon som sykepleier", 2, 1),
    ]
    home = found[0]
    assert home.competence is None and home.qualification is not None
    assert home.reason("nb") == "mål: 4 med gyldig kvalifikasjon, har 3"
    assert home.reason("en") == "target: 4 holding it (valid), held by 3"
    assert home.area_label("en") == "Authorisation"
    # a unit below sees nothing of its parent's target row, the unit itself sees its own
    assert [v.unit.number for v in gap.vulnerabilities(uow, unit_id=reg.units["200"])] == ["200"]
    report = gap.gap_report(uow, unit_id=reg.units["100"])
    assert report.summary.vulnerable == 1


def test_a_target_names_a_competence_or_a_qualification_never_both_nor_neither(
    uow: UnitOfWork, register: tuple[PlanningRegister, int, int]
) -> None:
    reg, q, _ = register
    dig1 = reg.framework.competence_ids["dig-1"]
    unit = reg.units["100"]
    with pytest.raises(ValidationError) as both:
        add_target(uow, unit, TargetInput(dig1, 3, 2, qualification_id=q))
    assert both.value.message("nb") == (
        "Et mål gjelder enten en kompetanse med nivå eller en kvalifikasjon, ikke begge."
    )
    assert both.value.message("en") == (
        "A target names either a competence with a level or a qualification, not both."
    )
    with pytest.raises(ValidationError) as level_too:
        add_target(uow, unit, TargetInput(None, 3, 2, qualification_id=q))
    assert level_too.value.field == "qualification_id"
    with pytest.raises(ValidationError) as neither:
        add_target(uow, unit, TargetInput(None, None, 2))
    assert neither.value.message("nb") == (
        "Velg en kompetanse med nivå, eller en kvalifikasjon, som målet gjelder."
    )
    assert neither.value.message("en") == (
        "Choose the competence with a level, or the qualification, the target is about."
    )
    with pytest.raises(ValidationError) as no_level:
        add_target(uow, unit, TargetInput(dig1, None, 2))
    assert no_level.value.field == "level"
    first = add_target(uow, unit, TargetInput(None, None, 2, qualification_id=q))
    with pytest.raises(ConflictError) as again:
        add_target(uow, unit, TargetInput(None, None, 5, qualification_id=q))
    assert "allerede et mål for kvalifikasjonen «Autorisasjon som sykepleier»" in again.value.message("nb")
    assert "'Authorisation as a nurse'" in again.value.message("en")
    add_target(uow, reg.units["200"], TargetInput(None, None, 1, qualification_id=q))  # another unit may
    with uow:
        assert uow.session.get(UnitTarget, first) is not None
        assert len(targets_in(uow.session, unit_id=None, at=TODAY)) == 2


@pytest.mark.parametrize(
    "columns",
    [
        {"competence_id": "dig-1", "level": True, "qualification": True},  # both
        {"competence_id": None, "level": False, "qualification": False},  # neither
        {"competence_id": "dig-1", "level": False, "qualification": False},  # a competence without level
        {"competence_id": None, "level": True, "qualification": True},  # a qualification with a level
    ],
)
def test_the_database_refuses_what_the_service_refuses(
    uow: UnitOfWork, register: tuple[PlanningRegister, int, int], columns: dict[str, object]
) -> None:
    """The CHECK of the table holds on its own (a script or an older client writing directly)."""
    reg, q, _ = register
    dig1 = reg.framework.competence_ids["dig-1"]
    with uow:
        s = uow.session
        level = select(ScaleLevel.id).join(Competence, Competence.scale_id == ScaleLevel.scale_id)
        level_id = (
            s.scalar(level.where(Competence.id == dig1, ScaleLevel.ordinal == 3))
            if columns["level"]
            else None
        )
        s.add(
            UnitTarget(
                unit_id=reg.units["100"],
                competence_id=dig1 if columns["competence_id"] else None,
                level_id=level_id,
                qualification_id=q if columns["qualification"] else None,
                people_needed=1,
            )
        )
        with pytest.raises(IntegrityError):
            s.flush()


def test_a_target_changes_kind_and_its_measures_keep_an_aim(
    uow: UnitOfWork, register: tuple[PlanningRegister, int, int]
) -> None:
    reg, q, _ = register
    dig1 = reg.framework.competence_ids["dig-1"]
    unit = reg.units["100"]
    target = add_target(uow, unit, TargetInput(dig1, 3, 2))
    with uow:
        (before,) = targets_in(uow.session, unit_id=unit, subunits=False, at=TODAY)
    update_target(
        uow, target, TargetInput(None, None, 4, qualification_id=q), expected_version=before.version
    )
    with uow:
        row = uow.session.get(UnitTarget, target)
        assert row is not None
        assert (row.competence_id, row.level_id, row.qualification_id, row.people_needed) == (
            None,
            None,
            q,
            4,
        )
    only = add_measure(
        uow, unit, MeasureInput(2026, MeasureKind.RECRUIT, "Rekruttere sykepleier", target_id=target)
    )
    with uow:
        (measure,) = measures_in(uow.session, unit_id=unit, subunits=False, years=(2026,))
    assert (measure.aim("nb"), measure.aim("en")) == (
        "Mål: Autorisasjon som sykepleier",
        "Target: Authorisation as a nurse",
    )
    with uow:
        (current,) = targets_in(uow.session, unit_id=unit, subunits=False, at=TODAY)
    # the only measure aimed at it would be aimed at nothing: refused, nothing deleted
    with pytest.raises(ConflictError) as refused:
        delete_target(uow, target, expected_version=current.version)
    assert "«Rekruttere sykepleier»" in refused.value.message("nb")
    with uow:
        assert uow.session.get(UnitTarget, target) is not None
    assert only > 0


def test_the_catalogue_keeps_a_qualification_a_target_names(
    uow: UnitOfWork, register: tuple[PlanningRegister, int, int]
) -> None:
    reg, _, other = register
    unused = create_qualification(uow, QualificationInput("licence", "Truckførerbevis")).id
    add_target(uow, reg.units["200"], TargetInput(None, None, 1, qualification_id=unused))
    with pytest.raises(ConflictError) as kept:
        delete_qualification(uow, unused, expected_version=None)
    assert "1 mål for enheter" in kept.value.message("nb")
    assert "1 targets of units" in kept.value.message("en")
    assert other > 0


def test_gap_report_names_the_qualification_in_text_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``gap-report``: the vulnerability of a short qualification target, with its qualification in
    ``--json`` (competence_id null) and its name in the text, in bokmål and English."""
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    url = f"sqlite:///{tmp_path / 'register.db'}"
    db = open_database(url)
    try:
        uow = UnitOfWork(db)
        reg = build_planning_register(uow)
        q = create_qualification(
            uow,
            QualificationInput("authorisation", "Autorisasjon som sykepleier", "Authorisation as a nurse"),
        )
        add_held_qualification(uow, reg.people["Åse"], HeldInput(q.id, D(2015, 6, 1)))
        add_target(uow, reg.units["200"], TargetInput(None, None, 2, qualification_id=q.id))
    finally:
        db.dispose()

    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(["--db", url, *argv], out=out, err=err), out.getvalue()

    code, out = run("gap-report", "--json")
    assert code == 0
    (found,) = json.loads(out)["vulnerabilities"]
    assert {
        k: found[k] for k in ("competence_id", "qualification_id", "qualification", "needed", "holders")
    } == {
        "competence_id": None,
        "qualification_id": q.id,
        "qualification": q.key,
        "needed": 2,
        "holders": 1,
    }
    assert found["reason"] == "mål: 2 med gyldig kvalifikasjon, har 1"
    code, out = run("--lang", "en", "gap-report")
    assert code == 0
    assert (
        "200 Sykehjemmet: Authorisation as a nurse, target: 2 holding it (valid), held by 1 (Åse Aasen)"
        in out
    )
