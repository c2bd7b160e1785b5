"""Formal qualifications: the catalogue (built-in and the municipality's own), what people hold,
dispensations; never a national identity number."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from competence import employees, qualifications, roles
from competence.errors import ConflictError, ValidationError
from competence.qualifications.builtin import BUILTIN_FILE, ensure_builtin_qualifications
from competence.uow import UnitOfWork
from db.models import AuditEvent, Qualification

D = dt.date


def _valid_national_id() -> str:
    """A number that passes as a fødselsnummer (date and control digits): it must never be stored."""
    from competence.roster.nationalid import is_national_id

    for n in range(10**10, 10**10 + 500_000):
        text = f"0101{n % 10**7:07d}"
        if is_national_id(text):
            return text
    raise AssertionError("no valid number found")


def test_builtin_catalogue_loads_once_and_keeps_the_municipalitys_edits(
    sqlite_uow: UnitOfWork, tmp_path: Path
) -> None:
    uow = sqlite_uow
    added = ensure_builtin_qualifications(uow)
    assert added >= 30
    assert ensure_builtin_qualifications(uow) == 0  # the same version: nothing to do
    catalogue = {q.key: q for q in qualifications.list_qualifications(uow)}
    nurse = catalogue["autorisasjon-sykepleier"]
    assert (nurse.kind, nurse.legal_basis, nurse.builtin) == (
        "authorisation",
        "helsepersonelloven § 48",
        True,
    )
    assert nurse.kind_label("nb") == "Autorisasjon" and nurse.display_name("en") == "Authorisation as a nurse"
    # the municipality edits one entry and deletes another
    qualifications.update_qualification(
        uow,
        nurse.id,
        qualifications.QualificationInput("authorisation", "Autorisasjon som sykepleier (HPR)"),
        expected_version=nurse.version,
    )
    truck = catalogue["forerkort-d"]
    qualifications.delete_qualification(uow, truck.id, expected_version=truck.version)
    # a newer file with one new entry: only that one arrives
    raw = json.loads(BUILTIN_FILE.read_text(encoding="utf-8"))
    raw["version"] += 1
    raw["qualifications"].append({"key": "ny-lisens", "kind": "licence", "name": "Ny lisens"})
    newer = tmp_path / "q.json"
    newer.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert ensure_builtin_qualifications(uow, newer) == 1
    keys = {q.key: q for q in qualifications.list_qualifications(uow)}
    assert "forerkort-d" not in keys and "ny-lisens" in keys
    assert keys["autorisasjon-sykepleier"].name == "Autorisasjon som sykepleier (HPR)"


def test_the_municipality_adds_an_education(uow: UnitOfWork) -> None:
    q = qualifications.create_qualification(
        uow,
        qualifications.QualificationInput(
            "education", "Master i helseledelse", "Master in health management", "master", "Helseledelse"
        ),
    )
    assert q.key == "egen-master-i-helseledelse" and not q.builtin
    with pytest.raises(ConflictError):
        qualifications.create_qualification(
            uow, qualifications.QualificationInput("education", "master i HELSELEDELSE")
        )
    with pytest.raises(ValidationError) as info:
        qualifications.create_qualification(
            uow, qualifications.QualificationInput("licence", "Truck", education_level="master")
        )
    assert info.value.field == "education_level"
    with pytest.raises(ValidationError):
        qualifications.create_qualification(uow, qualifications.QualificationInput("diploma", "Noe"))


def test_a_qualification_in_use_cannot_be_deleted(uow: UnitOfWork) -> None:
    q = qualifications.create_qualification(uow, qualifications.QualificationInput("licence", "Førerkort B"))
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann")
    qualifications.add_held_qualification(uow, emp.id, qualifications.HeldInput(q.id, D(2010, 5, 1)))
    role = roles.create_role(uow, "Sjåfør")
    roles.set_qualification_requirement(uow, role.id, q.id)
    with pytest.raises(ConflictError) as info:
        qualifications.delete_qualification(uow, q.id, expected_version=None)
    assert "1 registrert hos ansatte, 1 krav" in info.value.message("nb")


def test_held_qualifications_and_dispensations(uow: UnitOfWork) -> None:
    q = qualifications.create_qualification(
        uow, qualifications.QualificationInput("authorisation", "Autorisasjon som sykepleier")
    )
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann")
    held = qualifications.add_held_qualification(
        uow,
        emp.id,
        qualifications.HeldInput(q.id, D(2015, 6, 1), D(2030, 6, 1), "Helsedirektoratet", "Personalmappen"),
    )
    assert (
        held.valid_on(D(2026, 1, 1)) and not held.valid_on(D(2031, 1, 1)) and not held.valid_on(D(2015, 1, 1))
    )
    with pytest.raises(ValidationError) as info:
        qualifications.add_held_qualification(
            uow, emp.id, qualifications.HeldInput(q.id, D(2015, 6, 1), D(2014, 1, 1))
        )
    assert info.value.field == "expires_on"
    with pytest.raises(ValidationError):
        qualifications.add_held_qualification(uow, emp.id, qualifications.HeldInput(q.id, D(2999, 1, 1)))
    d = qualifications.add_dispensation(
        uow,
        emp.id,
        qualifications.DispensationInput(
            q.id, D(2026, 1, 1), D(2026, 12, 31), "Kommunedirektøren, sak 2026/7"
        ),
    )
    assert d.in_force(D(2026, 7, 1)) and not d.in_force(D(2027, 1, 1))
    with pytest.raises(ValidationError):
        qualifications.add_dispensation(
            uow, emp.id, qualifications.DispensationInput(q.id, D(2026, 1, 1), D(2025, 1, 1))
        )
    with pytest.raises(ValidationError):
        qualifications.add_dispensation(
            uow, emp.id, qualifications.DispensationInput(q.id, D(2026, 1, 1), D(2040, 1, 1))
        )
    with uow:
        s = uow.session
        assert [h.id for h in qualifications.held_qualifications(s, emp.id)] == [held.id]
        assert [x.id for x in qualifications.dispensations_of(s, emp.id)] == [d.id]
        entities = set(s.scalars(select(AuditEvent.entity).where(AuditEvent.employee_no == "1")))
    assert {"employee_qualification", "dispensation"} <= entities
    qualifications.delete_dispensation(uow, d.id, expected_version=d.version)
    qualifications.delete_held_qualification(uow, held.id, expected_version=held.version)
    with uow:
        assert qualifications.held_qualifications(uow.session, emp.id) == []


@pytest.mark.parametrize("field", ["document_ref", "note", "issuer"])
def test_a_national_identity_number_is_never_stored(uow: UnitOfWork, field: str) -> None:
    number = _valid_national_id()
    q = qualifications.create_qualification(uow, qualifications.QualificationInput("licence", "Førerkort B"))
    emp = employees.create_employee(uow, "1", "Kari", "Nordmann")
    values = {"document_ref": None, "note": None, "issuer": None, field: f"Kopi av førerkort, {number}"}
    with pytest.raises(ValidationError) as info:
        qualifications.add_held_qualification(
            uow, emp.id, qualifications.HeldInput(q.id, D(2010, 1, 1), **values)
        )
    assert number not in info.value.message("nb") and "fødselsnummer" in info.value.message("nb")
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Qualification)) == 1
        assert qualifications.held_qualifications(uow.session, emp.id) == []


def test_hand_computed_standings_of_required_qualifications(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pedagogisk leder (from 01.08.2025) requires the education within 12 months, and a driving
    licence (desirable); the role came to require the licence only from 01.01.2026."""
    from competence import units
    from competence.compliance.card import compliance_card
    from db.codes import RequirementStatus as S

    monkeypatch.setenv("KOMPETANSE_TODAY", "2026-03-01")
    unit = units.create_unit(uow, "100", "Solsikken barnehage").id
    role = roles.create_role(uow, "Pedagogisk leder")
    education = qualifications.create_qualification(
        uow,
        qualifications.QualificationInput("education", "Barnehagelærerutdanning", education_level="bachelor"),
    ).id
    licence = qualifications.create_qualification(
        uow, qualifications.QualificationInput("licence", "Førerkort B")
    ).id
    authorisation = qualifications.create_qualification(
        uow, qualifications.QualificationInput("authorisation", "Autorisasjon")
    ).id
    roles.set_qualification_requirement(uow, role.id, education, deadline_months=12)
    roles.set_qualification_requirement(uow, role.id, licence, mandatory=False, valid_from=D(2026, 1, 1))
    roles.set_qualification_requirement(uow, role.id, authorisation, deadline_months=3)

    def person(no: str, start: dt.date) -> int:
        emp = employees.create_employee(uow, no, "Per", f"Person{no}").id
        employees.add_position(
            uow, emp, employees.PositionInput(unit, "Pedagogisk leder", role.id, 100, start_date=start)
        )
        return emp

    def standings(emp: int, on: dt.date | None = None) -> dict[int, tuple[S, dt.date | None, dt.date | None]]:
        card = compliance_card(uow, emp, at=on)
        return {s.qualification_id: (s.status, s.deadline, s.lacking_since) for s in card.standings}

    lacking = person("1", D(2025, 8, 1))
    assert standings(lacking) == {
        education: (S.MISSING, D(2026, 8, 1), D(2025, 8, 1)),  # "mangler, frist 01.08.2026"
        licence: (S.GAP, None, None),  # desirable: a gap, never missing
        authorisation: (S.OVERDUE, D(2025, 11, 1), D(2025, 8, 1)),
    }
    # before 01.01.2026 the licence was not required; after 01.08.2026 the education is overdue
    assert licence not in standings(lacking, D(2025, 12, 1))
    assert standings(lacking, D(2026, 8, 2))[education][0] is S.OVERDUE

    holder = person("2", D(2020, 1, 1))
    qualifications.add_held_qualification(uow, holder, qualifications.HeldInput(education, D(2015, 6, 1)))
    qualifications.add_held_qualification(
        uow, holder, qualifications.HeldInput(authorisation, D(2015, 6, 1), expires_on=D(2026, 1, 31))
    )
    qualifications.add_dispensation(
        uow, holder, qualifications.DispensationInput(licence, D(2026, 1, 1), D(2026, 6, 30))
    )
    got = standings(holder)
    assert got[education] == (S.MET, D(2021, 1, 1), None)
    # the authorisation expired after its deadline: overdue at once, lacking since the day after
    assert got[authorisation] == (S.OVERDUE, D(2020, 4, 1), D(2026, 2, 1))
    card = compliance_card(uow, holder)
    by_id = {s.qualification_id: s for s in card.standings}
    assert by_id[licence].status is S.MET and by_id[licence].by_dispensation
    assert standings(holder, D(2026, 7, 1))[licence][0] is S.GAP  # the dispensation has ended
    assert card.standings[0].status is S.OVERDUE  # the lacking ones first
