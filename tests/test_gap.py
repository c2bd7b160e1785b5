"""Gap figures against small registers computed by hand (SQLite and PostgreSQL).

The register (today pinned to 2026-11-22):

* Units U1 "Sentrum" with sub-unit U2 "Nord".
* Role A requires dig-1 level 3/4 (75 %), dig-2 level 6/8 (75 %, critical, a scale of another
  length), hms-cert (certificate, 100 %, critical). Role B requires dig-1 level 2/4 (50 %) and hms-1
  level 4/4 (100 %, critical).
* E1 (U1, A): dig-1 level 1 on 2024-01-01 then level 4 on 2025-06-01; dig-2 level 3/8; a valid
  HMS certificate.
* E2 (U1, A): dig-1 level 2 on 2024-06-01; dig-2 never assessed; HMS certificate expired 2024-01-01.
* E3 (U1, A and U2, B: two posts): dig-1 level 3 on 2025-03-01; dig-2 level 6; hms-1 level 2; no
  HMS certificate; a first-aid course expiring in 30 days.
"""

from __future__ import annotations

import datetime as dt

import pytest

from competence import certificates, employees, gap, roles
from competence.gap.queries import Selection, totals, unit_cells
from competence.uow import UnitOfWork
from db.session import Database
from tests.support.registers import TODAY, Register, build_register


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> Register:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    return build_register(uow)


def _cell(hm: gap.Heatmap, unit: int, comp: int) -> tuple[int, int, int, float]:
    cell = hm.cell(unit, comp)
    assert cell is not None
    return (cell.people, cell.met, cell.not_assessed, round(cell.mean_gap, 3))


def test_employee_profile(uow: UnitOfWork, register: Register) -> None:
    profile = gap.employee_profile(uow, register.e2)
    by_key = {i.competence.id: i for i in profile.items}
    dig1, dig2, cert = (
        by_key[register.comp("dig-1")],
        by_key[register.comp("dig-2")],
        by_key[register.comp("hms-cert")],
    )
    assert (dig1.required_percent, dig1.current_percent, dig1.gap, dig1.status) == (75.0, 50.0, 25.0, "gap")
    assert (dig2.required_level, dig2.required_percent, dig2.current_percent) == (6, 75.0, None)
    assert (dig2.gap, dig2.status) == (75.0, "not_assessed")
    # a mandatory course whose certificate expired is missing (no deadline: not overdue)
    assert (cert.current_percent, cert.gap, cert.status) == (0.0, 100.0, "missing")
    assert (profile.met, profile.gaps, profile.not_assessed, profile.lacking) == (0, 1, 1, 1)
    assert profile.coverage == 0.0


def test_profile_of_a_person_with_two_roles_takes_the_higher_requirement(
    uow: UnitOfWork, register: Register
) -> None:
    profile = gap.employee_profile(uow, register.e3)
    by_key = {i.competence.id: i for i in profile.items}
    assert set(by_key) == {register.comp(k) for k in ("dig-1", "dig-2", "hms-cert", "hms-1")}
    assert by_key[register.comp("dig-1")].required_percent == 75.0  # role A's 3/4 beats role B's 2/4
    assert by_key[register.comp("dig-1")].status == "met"
    assert by_key[register.comp("hms-1")].gap == 50.0
    assert by_key[register.comp("hms-cert")].status == "missing"  # never taken: missing, not unassessed
    assert round(profile.coverage, 3) == 0.5
    areas = {a.area_name: a for a in profile.areas}
    assert areas["Digital transformasjon"].required_mean == 75.0
    assert areas["Digital transformasjon"].current_mean == 75.0
    assert areas["HMS"].required_mean == 100.0
    assert areas["HMS"].current_mean == 25.0  # hms-1 at 50 %, the missing certificate → 0 %


def test_unit_heatmap(uow: UnitOfWork, register: Register) -> None:
    hm = gap.unit_heatmap(uow, unit_id=register.u1)
    assert [u.name for u in hm.units] == ["Sentrum", "Nord"]
    assert [u.depth for u in hm.units] == [0, 1]
    assert _cell(hm, register.u1, register.comp("dig-1")) == (3, 2, 0, round(25 / 3, 3))
    assert _cell(hm, register.u1, register.comp("dig-2")) == (3, 1, 1, 37.5)
    assert _cell(hm, register.u1, register.comp("hms-cert")) == (
        3,
        1,
        0,
        round(200 / 3, 3),
    )  # never taken: 0 %, not "ikke vurdert"
    assert _cell(hm, register.u2, register.comp("dig-1")) == (1, 1, 0, 0.0)
    assert _cell(hm, register.u2, register.comp("hms-1")) == (1, 0, 0, 50.0)
    assert hm.cell(register.u2, register.comp("dig-2")) is None
    total = hm.totals[register.comp("dig-1")]
    assert (total.people, total.met, round(total.mean_gap, 3)) == (3, 2, round(25 / 3, 3))
    only_u2 = gap.unit_heatmap(uow, unit_id=register.u2)
    assert [u.id for u in only_u2.units] == [register.u2]
    assert set(only_u2.totals) == {register.comp("dig-1"), register.comp("hms-1")}
    no_sub = gap.unit_heatmap(uow, unit_id=register.u1, subunits=False)
    assert register.comp("hms-1") not in no_sub.totals


def test_heatmap_at_an_earlier_date_uses_history(uow: UnitOfWork, register: Register) -> None:
    hm = gap.unit_heatmap(uow, unit_id=register.u1, at=dt.date(2025, 1, 1))
    # E1 was at 1/4 (25 %: gap 50), E2 at 2/4 (gap 25), E3 not yet assessed (gap 75)
    assert _cell(hm, register.u1, register.comp("dig-1")) == (3, 0, 1, 50.0)
    # E1's certificate was valid, E2's expired (0 %), E3 had none
    assert _cell(hm, register.u1, register.comp("hms-cert")) == (3, 1, 0, round(200 / 3, 3))
    points = gap.trend(uow, unit_id=register.u1, dates=[dt.date(2025, 1, 1), TODAY])
    assert [p.requirements for p in points] == [10, 10]
    assert [p.met for p in points] == [1, 4]


def test_drill_down_to_people(uow: UnitOfWork, register: Register) -> None:
    people = gap.cell_people(uow, register.u1, register.comp("dig-2"))
    assert [(p.employee_no, p.status, p.gap) for p in people] == [
        ("2", "not_assessed", 75.0),
        ("1", "gap", 37.5),
        ("3", "met", 0.0),
    ]
    assert people[1].current_level == 3 and people[1].current_level_name == "Nivå 3"


def test_area_coverage(uow: UnitOfWork, register: Register) -> None:
    areas = {a.area_name: a for a in gap.area_coverage(uow)}
    digital, hms = areas["Digital transformasjon"], areas["HMS"]
    # per person once: dig-1 ×3 (2 met), dig-2 ×3 (1 met, 1 not assessed)
    assert (digital.items, digital.met, digital.not_assessed) == (6, 3, 1)
    assert round(digital.mean_gap, 3) == round((25 + 37.5 + 75) / 6, 3)
    # hms-cert ×3 (1 met, 1 not assessed), hms-1 ×1 (gap 50)
    assert (hms.items, hms.met, hms.not_assessed) == (4, 1, 0)
    assert round(hms.mean_gap, 3) == round((100 + 100 + 50) / 4, 3)


def test_vulnerabilities(uow: UnitOfWork, register: Register) -> None:
    found = {(v.unit.name, v.competence.name): v.holders for v in gap.vulnerabilities(uow)}
    # critical, required of all three in Sentrum and held by one; Nord's hms-1 is required of E3
    # alone, so it is no vulnerability of the unit (docs/planning.md, "Vulnerability")
    assert found == {
        ("Sentrum", "Informasjonssikkerhet"): ("Åse Tre",),
        ("Sentrum", "HMS-opplæring for ledere"): ("Eva Én",),
    }


def test_certificate_alerts(uow: UnitOfWork, register: Register) -> None:
    alerts = gap.certificate_alerts(uow)
    assert [(a.employee_no, a.certificate, a.status) for a in alerts] == [
        ("2", "HMS-opplæring for ledere", "expired"),
        ("3", "Førstehjelp", "expiring"),
    ]
    assert alerts[1].days_left == 30
    assert alerts[1].units == "Sentrum, Nord"
    # renewing the expired one silences it
    certificates.add_certificate(
        uow,
        register.e2,
        certificates.CertificateInput(
            "", dt.date(2026, 10, 1), dt.date(2029, 10, 1), register.comp("hms-cert")
        ),
    )
    assert [a.employee_no for a in gap.certificate_alerts(uow)] == ["3"]


def test_summary(uow: UnitOfWork, register: Register) -> None:
    s = gap.summary(uow)
    assert s.people == 3
    assert s.fte_mix == {"100": 1, "50-74": 1, "75-99": 1}
    assert (s.requirements, s.met, s.not_assessed) == (
        10,
        4,
        1,
    )  # the never-taken course is a gap, not unassessed
    assert s.largest_gaps[0].competence.name == "HMS-opplæring for ledere"
    assert (s.vulnerable, s.expiring, s.expired, s.overdue_goals) == (2, 1, 1, 0)


def test_left_and_ended_positions_do_not_count(uow: UnitOfWork, register: Register) -> None:
    emp = employees.get_employee(uow, register.e2)
    employees.mark_left(uow, emp.id, TODAY - dt.timedelta(days=1), expected_version=emp.version)
    hm = gap.unit_heatmap(uow, unit_id=register.u1)
    assert _cell(hm, register.u1, register.comp("dig-1"))[0] == 2
    before = gap.unit_heatmap(uow, unit_id=register.u1, at=dt.date(2025, 1, 1))
    assert _cell(before, register.u1, register.comp("dig-1"))[0] == 3


def test_two_roles_in_one_unit_count_once_with_the_higher_requirement(
    uow: UnitOfWork, register: Register
) -> None:
    role_b = next(r for r in roles.list_roles(uow) if r.name == "Rolle B")
    employees.add_position(uow, register.e1, employees.PositionInput(register.u1, "B", role_b.id, 20))
    hm = gap.unit_heatmap(uow, unit_id=register.u1, subunits=False)
    # E1 now carries A (dig-1 at 75 %) and B (dig-1 at 50 %) in Sentrum: one person, 75 % required
    assert _cell(hm, register.u1, register.comp("dig-1")) == (3, 2, 0, round(25 / 3, 3))
    assert _cell(hm, register.u1, register.comp("hms-1")) == (1, 0, 1, 100.0)
    people = gap.cell_people(uow, register.u1, register.comp("dig-1"))
    assert sorted((p.employee_no, p.required_percent) for p in people) == [
        ("1", 75.0),
        ("2", 75.0),
        ("3", 75.0),
    ]


def test_whole_municipality_in_parallel_halves_equals_one_pass(database: Database) -> None:
    """The whole-municipality figures are computed in halves on two connections; they must equal
    the one-pass computation exactly (a demo register has people with posts in several units)."""
    from competence.demo.generator import generate_demo

    generate_demo(database, employees=120, seed=7)
    uow = UnitOfWork(database)
    split = gap.unit_heatmap(uow)
    with uow.reading():
        whole = Selection(split.at)
        whole_cells, whole_totals = unit_cells(uow.session, whole), totals(uow.session, whole)
    assert split.cells.keys() == whole_cells.keys()
    assert split.totals.keys() == whole_totals.keys()
    for key, cell in whole_cells.items():
        assert split.cells[key] == cell
    for key, cell in whole_totals.items():
        other = split.totals[key]
        assert (other.people, other.met, other.not_assessed) == (cell.people, cell.met, cell.not_assessed)
        assert other.mean_gap == pytest.approx(cell.mean_gap)
        assert other.mean_current == pytest.approx(cell.mean_current)
