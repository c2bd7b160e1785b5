"""Printed exports of a dense unit read well: no word printed over another, nothing under 7 pt.

The unit is the demo municipality's "2000 Helse og omsorg" with its sub-units: 120 people whose
roles require some 47 competences from four frameworks. Its development plan and unit plan (PDF),
and its competence matrix and gap report printed to PDF through LibreOffice (as a user prints
them), have their words' boxes and font sizes read with pdfplumber.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from competence.demo import generate_demo
from competence.export.excel.gap_report import export_gap_report
from competence.export.excel.matrix import export_matrix
from competence.export.pdf.plan import export_plan
from competence.export.pdf.unit_plan import export_unit_plan
from competence.export.scope import people_in, resolve_scope
from competence.gap import employee_profile
from competence.uow import UnitOfWork
from db.session import Database, open_database
from tests.export.helpers import convert_to_pdf

TODAY = dt.date(2026, 3, 1)
UNIT = "2000"
#: the smallest printed text
MIN_POINTS = 7.0


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def char_size(char: dict[str, object]) -> float:
    """A character's font size on paper; for upright text turned 90° (the matrix's competence
    names) pdfminer's "size" is its advance, and its width across the line is the size."""
    if char["upright"]:
        return float(char["size"])  # type: ignore[arg-type]
    return float(char["x1"]) - float(char["x0"])  # type: ignore[arg-type]


def small_text(path: Path) -> list[tuple[int, float, str]]:
    """(page, size, character) of every printed character under :data:`MIN_POINTS`."""
    found = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for char in page.chars:
                size = char_size(char)
                if str(char["text"]).strip() and size < MIN_POINTS - 0.05:
                    found.append((number, round(size, 1), str(char["text"])))
    return found


def words(path: Path) -> Iterator[list[Word]]:
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            yield [
                Word(number, w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
                for w in page.extract_words(keep_blank_chars=False)
            ]


def overlapping_words(path: Path) -> list[tuple[int, str, str]]:
    """Pairs of words on a page whose boxes overlap (by more than half a point each way)."""
    found = []
    for page in words(path):
        for a, b in itertools.combinations(page, 2):
            across = min(a.x1, b.x1) - max(a.x0, b.x0)
            down = min(a.bottom, b.bottom) - max(a.top, b.top)
            if across > 0.5 and down > 0.5:
                found.append((a.page, a.text, b.text))
    return found


def assert_reads_well(path: Path) -> None:
    overlaps = overlapping_words(path)
    assert not overlaps, f"{path.name}: words printed over each other: {overlaps[:12]}"
    small = small_text(path)
    assert not small, f"{path.name}: text under {MIN_POINTS} pt: {sorted(set(small))[:12]}"


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The 300-person demo municipality, made once for the module (today pinned)."""
    folder = tmp_path_factory.mktemp("dense")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
        database = open_database(f"sqlite:///{folder / 'demo.db'}")
        generate_demo(database, employees=300)
        try:
            yield database
        finally:
            database.dispose()


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setenv("KOMPETANSE_TODAY", TODAY.isoformat())
    return TODAY


def _person_with_most_areas(uow: UnitOfWork) -> str:
    with uow:
        people = people_in(uow.session, resolve_scope(uow.session, UNIT))
    best = max(people[:40], key=lambda p: len(employee_profile(uow, p.id).areas))
    return best.employee_no


def test_the_unit_is_dense(dense: Database, today: dt.date, tmp_path: Path) -> None:
    result = export_matrix(UnitOfWork(dense), tmp_path / "m.xlsx", unit_number=UNIT)
    assert result.competences >= 40 and result.people >= 100


def test_plans_print_without_overlaps_or_small_text(dense: Database, today: dt.date, tmp_path: Path) -> None:
    uow = UnitOfWork(dense)
    plan = tmp_path / "plan.pdf"
    export_plan(uow, _person_with_most_areas(uow), plan)
    unit_plan = tmp_path / "enhetsplan.pdf"
    export_unit_plan(uow, UNIT, unit_plan)
    assert_reads_well(plan)
    assert_reads_well(unit_plan)


def test_plans_in_english_print_without_overlaps_or_small_text(
    dense: Database, today: dt.date, tmp_path: Path
) -> None:
    uow = UnitOfWork(dense)
    plan = tmp_path / "plan.pdf"
    export_plan(uow, _person_with_most_areas(uow), plan, lang="en")
    unit_plan = tmp_path / "unit-plan.pdf"
    export_unit_plan(uow, UNIT, unit_plan, lang="en")
    assert_reads_well(plan)
    assert_reads_well(unit_plan)


@pytest.mark.libreoffice
def test_workbooks_print_without_overlaps_or_small_text(
    dense: Database, today: dt.date, tmp_path: Path
) -> None:
    uow = UnitOfWork(dense)
    matrix = tmp_path / "matrise.xlsx"
    export_matrix(uow, matrix, unit_number=UNIT)
    gaps = tmp_path / "avvik.xlsx"
    export_gap_report(uow, gaps, unit_number=UNIT)
    matrix_pdf = convert_to_pdf(matrix, tmp_path)
    assert_reads_well(matrix_pdf)
    assert_reads_well(convert_to_pdf(gaps, tmp_path))
    # the title is whole on every printed page, in the top left corner above the names (it was
    # cut off after "2000 Helse og o")
    matrix_pages = [page for page in words(matrix_pdf) if any(w.text == "Ansattnr" for w in page)]
    assert len(matrix_pages) > 3  # page by page per strategy area
    for page in matrix_pages:
        names = next(w for w in page if w.text == "Navn")
        title = " ".join(w.text for w in page if w.bottom < names.top and w.x1 < names.x0 + 150)
        assert title.startswith("Kompetansematrise · 2000 Helse og omsorg med underenheter"), title
