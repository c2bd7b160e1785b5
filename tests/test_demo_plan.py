"""The demo's planning, without a database: head counts, unit tree, names, requirements.

``install_standin`` builds frameworks with the built-in keys (ostre-toten-agp s6-s15, loten-ags-2019
lo-1-lo-5, digcomp-2.2, lovpalagt-opplaering) for the tests that vary the frameworks.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable

import pytest

from competence.demo.blueprint import ROLES, SAFETY_ROLE
from competence.demo.catalogue import load_catalogue, resolve_role
from competence.demo.names import EmailBook, NamePool, PlaceBook, word_list
from competence.demo.organisation import MIN_UNIT, plan_organisation, share_out
from competence.demo.people import plan_people
from competence.demo.texts import COURSE_CERTIFICATES
from competence.errors import ValidationError
from competence.frameworks import ensure_builtin_frameworks
from competence.scales import default_percent
from competence.uow import UnitOfWork
from db.models import Area, Competence, Framework, Scale, ScaleLevel

TODAY = dt.date(2026, 3, 1)

#: framework key → list of (area key, competence keys)
STANDIN: dict[str, list[tuple[str, list[str]]]] = {
    "ostre-toten-agp": [(f"s{n}", [f"ot-{n}-{i}" for i in range(1, 4)]) for n in range(6, 16)],
    "loten-ags-2019": [(f"lo-{n}", [f"lo-{n}-1"]) for n in range(1, 6)],
    "digcomp-2.2": [
        (str(a), [f"digcomp-{a}.{c}" for c in range(1, n + 1)])
        for a, n in ((1, 3), (2, 6), (3, 4), (4, 4), (5, 4))
    ],
    "lovpalagt-opplaering": [("lov", ["hms-leder", "verneombud", "forstehjelp"])],
}


def _scale(uow: UnitOfWork, key: str, top: int, *, zero: bool = False) -> Scale:
    scale = Scale(key=key, name=key)
    scale.levels = [
        ScaleLevel(ordinal=i, name=f"Nivå {i}", percent=default_percent(i, top))
        for i in range(0 if zero else 1, top + 1)
    ]
    uow.session.add(scale)
    uow.session.flush()
    return scale


def standin(spec: dict[str, list[tuple[str, list[str]]]] = STANDIN) -> Callable[[UnitOfWork], None]:
    """A loader for frameworks shaped like ``spec``: 4-level scales, DigComp on 8, certificates 0/1."""

    def install(uow: UnitOfWork) -> None:
        with uow:
            s = uow.session
            if s.query(Framework).count():
                return
            scales = {"four": _scale(uow, "fire", 4), "eight": _scale(uow, "digcomp", 8)}
            scales["cert"] = _scale(uow, "sertifikat", 1, zero=True)
            for fw_key, areas in spec.items():
                is_cert = fw_key == "lovpalagt-opplaering"
                scale = scales["cert" if is_cert else "eight" if fw_key.startswith("digcomp") else "four"]
                fw = Framework(key=fw_key, name=fw_key, default_scale_id=scale.id, builtin=True)
                s.add(fw)
                s.flush()
                for a_order, (area_key, comps) in enumerate(areas):
                    area = Area(
                        framework_id=fw.id, key=area_key, name=f"Område {area_key}", sort_order=a_order
                    )
                    s.add(area)
                    s.flush()
                    for c_order, key in enumerate(comps):
                        s.add(
                            Competence(
                                framework_id=fw.id,
                                area_id=area.id,
                                scale_id=scale.id,
                                key=key,
                                name=f"Kompetanse {key}",
                                kind="certificate" if is_cert else "skill",
                                critical=is_cert or c_order == 0,
                                validity_months=24 if key == "forstehjelp" else None,
                                sort_order=c_order,
                            )
                        )
            uow.commit()

    return install


install_standin = standin()


# ------------------------------------------------------------------------------ head counts and tree


@pytest.mark.parametrize(
    ("total", "weights"), [(19, [0.42, 0.38, 0.12, 0.08]), (7, [1, 1, 1]), (0, [1, 2]), (5, [0, 1])]
)
def test_share_out_is_exact(total: int, weights: list[float]) -> None:
    parts = share_out(total, weights)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)


@pytest.mark.parametrize("employees", [20, 21, 37, 300, 1_500, 50_000])
def test_organisation_has_one_slot_per_employee(employees: int) -> None:
    org = plan_organisation(employees, random.Random(7))
    assert len(org.slots) == employees
    numbers = [u.number for u in org.units]
    assert len(set(numbers)) == len(numbers)
    leaders = Counter(s.unit for s in org.slots if s.leads)
    assert max(leaders.values()) == 1  # one leader per unit at most
    roots = [u for u in org.units if u.parent is None]
    assert len(roots) == 1 and roots[0].name == "Fjordvik kommune"
    for unit in org.units:
        if unit.parent is not None:
            assert org.units[unit.parent].depth == unit.depth - 1
        if unit.depth >= 2:
            assert leaders[unit.index] == 1, unit.name
    staff_per_enhet = Counter(org.units[s.unit].enhet for s in org.slots)
    assert min(n for u, n in staff_per_enhet.items() if org.units[u].depth == 2) >= MIN_UNIT


def test_small_kommune_has_every_sector() -> None:
    org = plan_organisation(20, random.Random(2019))
    assert [u.name for u in org.units if u.depth == 1] == [
        "Helse og omsorg",
        "Oppvekst",
        "Teknisk",
        "Stab og støtte",
    ]


def test_large_kommune_names_units_uniquely_and_splits_services_by_district() -> None:
    org = plan_organisation(50_000, random.Random(2019))
    names = Counter((u.parent, u.name) for u in org.units)
    assert max(names.values()) == 1
    enheter = [u.name for u in org.units if u.depth == 2]
    assert sum(1 for n in enheter if n.endswith(" skole")) > 100
    assert sum(1 for n in enheter if n.startswith("Økonomi")) > 1
    departments = Counter(u.parent for u in org.units if u.depth == 3)
    assert max(departments.values()) <= 12


def test_people_positions_managers_and_leavers() -> None:
    rng = random.Random(11)
    org = plan_organisation(400, rng)
    staffing = plan_people(org, rng, TODAY)
    people = staffing.people
    assert len({p.number for p in people}) == len(people)
    assert len({p.email for p in people}) == len(people)
    left = [p for p in people if p.left is not None]
    assert 1 <= len(left) <= len(people) * 0.05
    assert all(p.hired < p.left for p in left if p.left)
    # exactly the kommunedirektør has no manager; nobody manages themselves
    assert [p.index for p in people if p.manager is None] == [staffing.leaders[0]]
    assert all(p.manager != p.index for p in people)
    by_person = Counter(pos.person for pos in staffing.positions)
    assert any(n >= 2 for n in by_person.values())  # heltidskultur and verv
    for person_index in by_person:
        total = sum(pos.fte for pos in staffing.positions if pos.person == person_index)
        assert 0 < total <= 100
    assert any(pos.role == SAFETY_ROLE and pos.fte == 0 for pos in staffing.positions)
    assert {pos.fte for pos in staffing.positions if pos.role not in (SAFETY_ROLE,)} > {100.0, 50.0}


def test_employee_numbers_follow_hiring_order() -> None:
    rng = random.Random(3)
    staffing = plan_people(plan_organisation(200, rng), rng, TODAY)
    by_hiring = sorted(staffing.people, key=lambda p: (p.hired, p.index))
    assert [int(p.number) for p in by_hiring] == sorted(int(p.number) for p in staffing.people)


# ------------------------------------------------------------------------------ names


def test_name_lists_hold_norwegian_letters() -> None:
    first, last = word_list("first_names"), word_list("last_names")
    assert len(first) >= 150 and len(last) >= 120
    assert len(set(first)) == len(first) and len(set(last)) == len(last)
    for letter in "æøå":
        assert any(letter in n.lower() for n in first + last), letter
    assert "Ødegård" in last and "Åse" in first


def test_names_are_drawn_with_common_names_first() -> None:
    pool = NamePool(random.Random(5))
    drawn = Counter(pool.person()[1].split()[0] for _ in range(20_000))
    last = word_list("last_names")
    assert drawn[last[0]] > 2 * drawn[last[-1]]


def test_emails_are_ascii_and_unique() -> None:
    book = EmailBook("fjordvik.kommune.no")
    a = book.address("Åse Marie", "Ødegård")
    b = book.address("Åse Marie", "Ødegård")
    assert a == "aase.marie.odegaard@fjordvik.kommune.no"
    assert b == "aase.marie.odegaard2@fjordvik.kommune.no"
    assert book.address("Kjær", "Sæther").isascii()


def test_places_run_out_into_variants_without_repeating() -> None:
    book = PlaceBook(random.Random(1))
    names = [book.take("{place} skole") for _ in range(2_000)]
    assert len(set(names)) == len(names)
    assert book.take("{place} barnehage") != names[0]


# ------------------------------------------------------------------------------ requirements


def _catalogue(sqlite_uow: UnitOfWork, spec: dict[str, list[tuple[str, list[str]]]] = STANDIN):  # type: ignore[no-untyped-def]
    standin(spec)(sqlite_uow)
    with sqlite_uow:
        return load_catalogue(sqlite_uow.session)


def test_roles_draw_from_frameworks_by_key(sqlite_uow: UnitOfWork) -> None:
    catalogue = _catalogue(sqlite_uow)
    rng = random.Random(1)
    resolved = {spec.name: resolve_role(spec, catalogue, rng, None) for spec in ROLES}
    assert all(resolved.values())
    leader = {(r.competence.framework, r.competence.key): r for r in resolved["Enhetsleder"]}
    hms = leader[("lovpalagt-opplaering", "hms-leder")]
    assert hms.mandatory and hms.level.ordinal == 1
    assert sum(1 for f, _ in leader if f == "ostre-toten-agp") >= 6
    safety = {r.competence.key for r in resolved["Verneombud"]}
    assert "verneombud" in safety
    nurse = {r.competence.key: r for r in resolved["Sykepleier"]}
    assert nurse["digcomp-4.2"].level.ordinal == 6  # "high" = 70 % → level 6 of 8 (75 %)
    assert nurse["digcomp-1.1"].level.ordinal == 4  # "medium" = 50 %
    assert any(not r.mandatory for r in resolved["Sykepleier"])
    # area picks take critical competences first (the stand-in has one critical per area)
    hms_picks = [r.competence for r in resolved["Renholder"] if r.competence.area == "s13"]
    assert len(hms_picks) == 2 and hms_picks[0].critical and not hms_picks[1].critical


def test_every_key_and_area_the_roles_name_exists_in_the_shipped_frameworks(sqlite_uow: UnitOfWork) -> None:
    ensure_builtin_frameworks(sqlite_uow)
    with sqlite_uow:
        catalogue = load_catalogue(sqlite_uow.session)
    for spec in ROLES:
        for pick in spec.picks:
            for key in pick.keys:
                assert (pick.framework, key) in catalogue.by_key, (spec.name, pick.framework, key)
            if pick.area is not None:
                skills = [c for c in catalogue.by_area.get((pick.framework, pick.area), []) if c.is_skill]
                assert len(skills) >= pick.count, (spec.name, pick.framework, pick.area)
        resolved = resolve_role(spec, catalogue, random.Random(1), None)
        assert len(resolved) == sum(len(p.keys) or p.count for p in spec.picks), spec.name
    for course in COURSE_CERTIFICATES:
        if course.key:
            comp = catalogue.by_key[("lovpalagt-opplaering", course.key)]
            assert not comp.is_skill


def test_exact_number_of_requirements(sqlite_uow: UnitOfWork) -> None:
    catalogue = _catalogue(sqlite_uow)
    for k in (3, 40):
        for spec in ROLES:
            reqs = resolve_role(spec, catalogue, random.Random(2), k)
            assert len(reqs) == k
            assert len({r.competence.id for r in reqs}) == k
    too_many = len(catalogue.competences) + 1
    with pytest.raises(ValidationError) as err:
        resolve_role(ROLES[0], catalogue, random.Random(2), too_many)
    assert "kan ikke kreve" in err.value.message("nb")


def test_missing_frameworks_and_areas_are_skipped(sqlite_uow: UnitOfWork) -> None:
    only_digcomp = {"digcomp-2.2": STANDIN["digcomp-2.2"]}
    catalogue = _catalogue(sqlite_uow, only_digcomp)
    for spec in ROLES:
        reqs = resolve_role(spec, catalogue, random.Random(3), None)
        assert all(r.competence.framework == "digcomp-2.2" for r in reqs)
    assert resolve_role(next(s for s in ROLES if s.name == "Lærer"), catalogue, random.Random(3), None)
