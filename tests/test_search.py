"""competence.search: the lookups behind the employee filters and the pickers (both backends)."""

from __future__ import annotations

import datetime as dt

from competence.assessments import NewAssessment, record_assessment
from competence.certificates import CertificateInput, add_certificate
from competence.employees import create_employee, mark_left
from competence.search import competence_levels, competence_options, count_employees, employees_at_level
from competence.uow import UnitOfWork
from tests.support.factories import make_mini_framework


def _people(uow: UnitOfWork, n: int) -> list[int]:
    return [create_employee(uow, 100 + i, f"Navn{i}", "Ødegård").id for i in range(n)]


def test_employees_at_level_uses_the_current_assessment(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    comp = fw.competence_ids["dig-2"]  # an 8-level scale
    a, b, c, _never = _people(uow, 4)
    record_assessment(uow, NewAssessment(a, comp, 6, assessed_on=dt.date(2024, 1, 1)))
    record_assessment(uow, NewAssessment(b, comp, 7, assessed_on=dt.date(2023, 1, 1)))
    # b's newer assessment is lower: the current level is 3, so b no longer qualifies
    record_assessment(uow, NewAssessment(b, comp, 3, assessed_on=dt.date(2024, 6, 1)))
    record_assessment(uow, NewAssessment(c, comp, 5, assessed_on=dt.date(2024, 1, 1)))
    assert employees_at_level(uow, comp, 5) == {a, c}
    assert employees_at_level(uow, comp, 6) == {a}
    assert employees_at_level(uow, comp, 1) == {a, b, c}
    assert employees_at_level(uow, comp, 8) == frozenset()
    assert employees_at_level(uow, fw.competence_ids["dig-1"], 1) == frozenset()
    assert employees_at_level(uow, 999_999, 1) == frozenset()


def test_employees_at_level_for_a_certificate_means_a_valid_one(uow: UnitOfWork, monkeypatch) -> None:
    monkeypatch.setenv("KOMPETANSE_TODAY", "2025-03-01")
    fw = make_mini_framework(uow)
    cert = fw.competence_ids["hms-cert"]
    valid, expired, none = _people(uow, 3)
    add_certificate(uow, valid, CertificateInput("HMS", dt.date(2024, 1, 10), competence_id=cert))
    add_certificate(
        uow, expired, CertificateInput("HMS", dt.date(2020, 1, 10), dt.date(2023, 1, 10), competence_id=cert)
    )
    assert employees_at_level(uow, cert, 1) == {valid}
    assert employees_at_level(uow, cert, 0) == {valid, expired, none}


def test_competence_options_carry_their_levels_in_order(uow: UnitOfWork) -> None:
    fw = make_mini_framework(uow)
    options = {o.id: o for o in competence_options(uow)}
    assert set(options) == set(fw.competence_ids.values())
    dig2 = options[fw.competence_ids["dig-2"]]
    assert [lv.ordinal for lv in dig2.levels] == list(range(1, 9))
    assert dig2.framework_name == "Testrammeverk"
    assert dig2.area_name == "Digital transformasjon"
    assert dig2.critical
    assert "informasjonssikkerhet" in dig2.search_text
    assert dig2.label() == "dig-2 Informasjonssikkerhet"
    cert_options = competence_options(uow, kind="certificate")
    assert [o.id for o in cert_options] == [fw.competence_ids["hms-cert"]]
    assert [lv.ordinal for lv in competence_levels(uow, fw.competence_ids["hms-1"])] == [1, 2, 3, 4]
    assert competence_levels(uow, 999_999) == []


def test_count_employees(uow: UnitOfWork) -> None:
    assert count_employees(uow) == 0
    ids = _people(uow, 3)
    mark_left(uow, ids[0], dt.date(2024, 5, 1), expected_version=None)
    assert count_employees(uow) == 3
    assert count_employees(uow, include_left=False) == 2
