"""The unit's competence plan (PDF and Excel) on the small register of tests/planning/registers.py,
with a plan worked out by hand (docs/planning.md, "The unit's competence plan").

Hjemmetjenesten (100, with Sone nord 110) on 01.03.2026:

* targets: 100 needs 2 at dig-1 level 3 (Åse 3 and Bjørn 4 hold it: met); 110 needs 2 at dig-1
  level 4 (Bjørn only: short by 1, due 01.02.2026: overdue);
* measures 2026: "Kurs i digitale verktøy" (110: develop, its overdue target, 40 000 kr, 5 000
  spent, the unit's budget) and "Innleie av sykepleier" (100: buy in, 30 000 kr, a state grant); 2025:
  "Hospitering" (develop, 12 000 kr, 11 500 spent, done, evaluated) and "Rekruttering" (recruit,
  cancelled, 8 000 kr);
* budgets: 2026 100 000 (100) + 20 000 (110) = 120 000; 2025 50 000 (100);
* a learning goal of Åse (main unit 100) of 6 000 kr due 01.06.2026;
* 10-FAKTOR 2025 for 100 (12 answers): factor f has the mean 3 + f / 10; the municipality (1000,
  60 answers) 3.5 on every factor.

Planned 2026 = 40 000 (the grant does not count) + 6 000 = 46 000; left 74 000; spent 5 000;
outside the budget 30 000. 2025: planned 12 000 (the cancelled one costs nothing), spent 11 500.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from competence.assessments import NewAssessment, record_assessment
from competence.export.excel.unit_plan import export_unit_plan_workbook
from competence.export.pdf.unit_plan import export_unit_plan
from competence.goals import GoalInput, add_goal
from competence.planning.budget import set_budget
from competence.planning.measures import MeasureInput, add_measure
from competence.planning.targets import TargetInput, add_target
from competence.uow import UnitOfWork
from db.codes import Factor, Funding, MeasureKind, MeasureStatus
from db.planning import TenFactorResult
from tests.export.helpers import pdf_text
from tests.planning.registers import TODAY, PlanningRegister, build_planning_register


@pytest.fixture
def register(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> PlanningRegister:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    reg = build_planning_register(uow)
    dig1 = reg.framework.competence_ids["dig-1"]
    for name, level in (("Åse", 3), ("Bjørn", 4), ("Dag", 2)):
        record_assessment(uow, NewAssessment(reg.people[name], dig1, level, dt.date(2026, 1, 10), "leader"))
    home, north = reg.units["100"], reg.units["110"]
    add_target(uow, home, TargetInput(dig1, 3, 2, "Digital hjemmetjeneste"))
    short = add_target(uow, north, TargetInput(dig1, 4, 2, "Velferdsteknologi", dt.date(2026, 2, 1)))
    add_measure(
        uow,
        north,
        MeasureInput(
            2026, MeasureKind.DEVELOP, "Kurs i digitale verktøy", target_id=short, cost_nok=40_000,
            spent_nok=5_000, funding=Funding.UNIT_BUDGET, due_on=dt.date(2026, 6, 1),
            status=MeasureStatus.IN_PROGRESS,
        ),
    )  # fmt: skip
    add_measure(
        uow,
        home,
        MeasureInput(
            2026, MeasureKind.BUY_IN, "Innleie av sykepleier", competence_id=dig1, cost_nok=30_000,
            funding=Funding.GRANT,
        ),
    )  # fmt: skip
    add_measure(
        uow,
        home,
        MeasureInput(
            2025, MeasureKind.DEVELOP, "Hospitering", competence_id=dig1, cost_nok=12_000, spent_nok=11_500,
            status=MeasureStatus.DONE, evaluation="Nyttig; to av tre nådde nivå 3.",
        ),
    )  # fmt: skip
    add_measure(
        uow,
        home,
        MeasureInput(
            2025, MeasureKind.RECRUIT, "Rekruttering", area_id=reg.framework.area_ids["digital"],
            cost_nok=8_000, status=MeasureStatus.CANCELLED,
        ),
    )  # fmt: skip
    set_budget(uow, home, 2026, 100_000)
    set_budget(uow, north, 2026, 20_000)
    set_budget(uow, home, 2025, 50_000)
    add_goal(uow, reg.people["Åse"], GoalInput("Kurs", "course", due_on=dt.date(2026, 6, 1), cost_nok=6_000))
    with uow:
        for factor in Factor:
            for unit, mean, n in ((home, 3 + factor / 10, 12), (reg.units["1000"], 3.5, 60)):
                uow.session.add(
                    TenFactorResult(unit_id=unit, year=2025, factor=int(factor), mean=mean, respondents=n)
                )
        uow.commit()
    return reg


def _rows(sheet: object) -> list[tuple[object, ...]]:
    rows = list(sheet.iter_rows(min_row=4, values_only=True))  # type: ignore[attr-defined]
    return [r for r in rows if any(v is not None for v in r)]


def test_the_workbook_holds_the_plan(uow: UnitOfWork, register: PlanningRegister, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    result = export_unit_plan_workbook(uow, "100", path)
    assert (result.targets, result.measures) == (2, 2)
    book = load_workbook(path)
    assert book.sheetnames == [
        "Sammendrag",
        "Strategiområder",
        "Kompetansemål",
        "Sårbarhet",
        "Tiltak 2026",
        "Evaluering 2025",
        "10-FAKTOR",
        "Utviklingsmål",
    ]
    summary = {r[0]: r[1] for r in _rows(book["Sammendrag"])}
    assert summary["Budsjett 2026 (kr)"] == 120_000
    assert summary["Planlagt: tiltak (kr)"] == 40_000
    assert summary["Planlagt: utviklingsmål (kr)"] == 6_000
    assert summary["Igjen å planlegge (kr)"] == 74_000
    assert summary["Brukt (kr)"] == 5_000
    assert summary["Finansiert utenfor budsjettet (kr)"] == 30_000
    assert summary["Kompetansemål oppfylt"] == 1
    assert summary["10-FAKTOR 2025 · 4 Bruk av kompetanse"] == "3,40"
    targets = [(r[0], r[4], r[5], r[6], r[7]) for r in _rows(book["Kompetansemål"])[1:]]
    assert targets == [("100", 2, 2, 0, "Oppfylt"), ("110", 2, 1, 1, "Fristen er passert")]
    vulnerable = [(r[0], r[3]) for r in _rows(book["Sårbarhet"])[1:]]
    assert vulnerable == [("110", "mål: 2 på nivå 4, har 1")]
    measures = [(r[1], r[6], r[8]) for r in _rows(book["Tiltak 2026"])[1:]]
    assert measures == [
        ("Innleie av sykepleier", 30_000, "Statlig tilskudd"),
        ("Kurs i digitale verktøy", 40_000, "Enhetens budsjett"),
    ]
    last = [(r[1], r[7], r[9], r[10]) for r in _rows(book["Evaluering 2025"])[1:]]
    assert last == [
        ("Hospitering", 11_500, "Gjennomført", "Nyttig; to av tre nådde nivå 3."),
        ("Rekruttering", None, "Avlyst", "ikke evaluert"),
    ]
    survey = {r[0]: r[1:] for r in _rows(book["10-FAKTOR"])[1:]}
    assert survey["7 Relevant kompetanseutvikling"] == (pytest.approx(3.7), 3.5, 12)
    goals = [(r[1], r[8]) for r in _rows(book["Utviklingsmål"])[1:]]
    assert goals == [("Åse Aasen", 6_000)]


def test_the_pdf_reads_like_a_plan(uow: UnitOfWork, register: PlanningRegister, tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    export_unit_plan(uow, "100", path)
    text = " ".join(pdf_text(path).split())
    order = [
        "Kompetanseplan for enheten",
        "Strategiområder",
        "Kompetansemål",
        "Sårbare kompetanser",
        "Tiltak og budsjett 2026",
        "10-FAKTOR",
        "Evaluering av tiltakene i 2025",
        "Planlagte læringsaktiviteter",
    ]
    at = 0
    for heading in order:  # each section after the one before (ValueError: missing or out of order)
        at = text.index(heading, at) + len(heading)
    assert "Kompetansemål 1 av 2 oppfylt" in text
    assert "Budsjett 2026 120 000 kr" in text
    assert "Planlagt 46 000 kr" in text and "Igjen å planlegge 74 000 kr" in text
    assert "Finansiert utenfor budsjettet 30 000 kr" in text
    assert "mål: 2 på nivå 4, har 1" in text
    assert "1 av 2 tiltak gjennomført. Budsjett 50 000, planlagt 12 000, brukt 11 500 kr." in text
    assert "Nyttig; to av tre nådde nivå 3." in text
    assert "4 Bruk av kompetanse 3,40 3,50" in text
    english = tmp_path / "plan-en.pdf"
    export_unit_plan(uow, "100", english, lang="en")
    text = " ".join(pdf_text(english).split())
    assert "Evaluation of the measures of 2025" in text and "Planned NOK 46,000" in text


def test_a_qualification_target_in_the_plan_and_the_workbook(
    uow: UnitOfWork, register: PlanningRegister, tmp_path: Path
) -> None:
    """Åse (posts in 100 and 200) holds the authorisation; Dag's expired: 100 needs 2, has 1."""
    from competence.qualifications import (
        HeldInput,
        QualificationInput,
        add_held_qualification,
        create_qualification,
    )

    nurse = create_qualification(
        uow, QualificationInput("authorisation", "Autorisasjon som sykepleier", "Authorisation as a nurse")
    ).id
    add_held_qualification(uow, register.people["Åse"], HeldInput(nurse, dt.date(2015, 6, 1)))
    add_held_qualification(
        uow, register.people["Dag"], HeldInput(nurse, dt.date(2015, 6, 1), dt.date(2025, 12, 31))
    )
    add_target(uow, register.units["100"], TargetInput(None, None, 2, "Hver vakt", qualification_id=nurse))
    path = tmp_path / "plan.xlsx"
    result = export_unit_plan_workbook(uow, "100", path)
    assert result.targets == 3
    book = load_workbook(path)
    targets = [(r[0], r[2], r[3], r[4], r[5], r[6]) for r in _rows(book["Kompetansemål"])[1:]]
    assert ("100", "Autorisasjon som sykepleier", "gyldig", 2, 1, 1) in targets
    vulnerable = [(r[0], r[2], r[3]) for r in _rows(book["Sårbarhet"])[1:]]
    assert ("100", "Autorisasjon som sykepleier", "mål: 2 med gyldig kvalifikasjon, har 1") in vulnerable
    english = tmp_path / "plan-en.pdf"
    export_unit_plan(uow, "100", english, lang="en")
    text = " ".join(pdf_text(english).split())
    assert "Authorisation as a nurse valid 2 1" in text
    # the vulnerability row's reason wraps in its narrow column
    assert text.count("Authorisation as a nurse") == 2 and "target: 2 holding it" in text
    assert "or the qualification, valid on the date (a dispensation does not count)" in text
