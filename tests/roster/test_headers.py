"""Recognising headers, national identity numbers and totals rows; choosing the mapping."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from competence.roster.headers import header_data, is_national_id_header, is_totals_label, match_header
from competence.roster.layout import column_letter
from competence.roster.nationalid import cell_holds_national_id, is_national_id
from tests.roster.builders import national_id, national_ids


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Ansattnr", "employee_no"), ("Ansatt nr.", "employee_no"), ("ANSATT\u00a0NR", "employee_no"),
        ("Ressursnr", "employee_no"), ("Employee ID", "employee_no"), ("Stillingsprosent", "fte"),
        ("Stilling %", "fte"), ("FTE %", "fte"), ("Stillings-%", "fte"), ("Enhet", "unit_name"),
        ("Avdeling", "unit_name"), ("Department", "unit_name"), ("Enhetsnr", "unit_no"),
        ("Leder ansattnr", "manager_no"), ("Manager ID", "manager_no"), ("Ansattdato", "start_date"),
        ("Startdato", "start_date"), ("Start date", "start_date"), ("E-post", "email"), ("Epost", "email"),
        ("Email", "email"), ("Navn", "name"), ("Etternavn, Fornavn", "name"), ("Fornavn", "first_name"),
        ("Etternavn", "last_name"), ("Stilling", "title"), ("Kompetanseprofil", "role"), ("Rolle", "role"),
    ],
)  # fmt: skip
def test_synonyms(header: str, field: str) -> None:
    match = match_header(header)
    assert match is not None and match.field == field and match.confidence == 1.0


@given(st.sampled_from(["Ansattnr", "Stillingsprosent", "E-post", "Leder ansattnr", "Startdato"]), st.data())
def test_case_spacing_and_punctuation_do_not_matter(header: str, data: st.DataObject) -> None:
    expected = match_header(header)
    noisy = "".join(
        (ch.upper() if data.draw(st.booleans()) else ch.lower())
        + data.draw(st.sampled_from(["", "", " ", "\u00a0", ".", "-"]))
        for ch in header
    )
    assert match_header(f" {noisy} ") == expected


def test_partial_and_mistyped_headers_have_lower_confidence() -> None:
    partial = match_header("Stilling (hovedstilling)")
    assert partial is not None and partial.field == "title" and 0.6 <= partial.confidence < 1
    typo = match_header("Ansatnr")
    assert typo is not None and typo.field == "employee_no" and typo.confidence == 0.75
    assert match_header("Leders navn") is None  # someone else's name
    assert match_header("Stillingsnr") is None  # a position number is not a job title
    assert match_header("Kommentar") is None


@pytest.mark.parametrize(
    "header", ["Fødselsnr", "Fødselsnummer", "Fodselsnummer", "Personnummer", "D-nummer", "Fnr", "SSN",
               "Fødselsnr. (11 siffer)", "National identity number"],
)  # fmt: skip
def test_national_id_headers(header: str) -> None:
    assert is_national_id_header(header)


def test_national_id_header_is_not_fooled_by_neighbours() -> None:
    assert not is_national_id_header("Fødselsdato")
    assert not is_national_id_header("Postnr")
    assert not is_national_id_header("Ansattnr")


def test_valid_identity_numbers_are_recognised_in_any_form() -> None:
    for number in national_ids(30):
        assert is_national_id(number)
        assert cell_holds_national_id(number)
        assert cell_holds_national_id(int(number))  # leading zero lost: ten digits
        assert cell_holds_national_id(float(int(number)))
        assert cell_holds_national_id(f"{number[:6]} {number[6:]}")
        assert cell_holds_national_id(f"Vikar {number}")
    d_number = national_id(41, 1, 70, 500) or national_id(41, 1, 70, 501)
    assert d_number is not None and is_national_id(d_number)


def test_ordinary_numbers_are_not_taken_for_identity_numbers() -> None:
    rng = random.Random(7)
    hits = sum(is_national_id(f"{rng.randrange(10**11):011d}") for _ in range(20_000))
    assert hits / 20_000 < 0.02
    assert not cell_holds_national_id(4711)
    assert not cell_holds_national_id("4711")
    assert not cell_holds_national_id("12345678901")  # impossible date
    number = national_ids(1)[0]
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not is_national_id(wrong)


def test_totals_labels() -> None:
    for label in ["Sum", "SUM", "Totalt", "Antall: 301", "Totalt 301 ansatte", "I alt", "Grand total"]:
        assert is_totals_label(label), label
    for label in ["Summer, Per", "Sumstad", "Antallsen, Kari", "Hansen, Kari"]:
        assert not is_totals_label(label), label


def test_resource_file_is_consistent() -> None:
    data = header_data()
    keys = set(data.field_keys)
    assert {f for group in data.required for f in group} <= keys
    assert data.qualified_fields <= keys
    seen: dict[str, str] = {}
    for spec in data.fields:
        for synonym in spec.synonyms:
            assert seen.setdefault(synonym, spec.key) == spec.key, f"{synonym} names two fields"
    assert not (data.national_id & set(seen)), "a national-ID header is also a field synonym"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 701, 702, 16383)] == [
        "A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD",
    ]  # fmt: skip


def test_a_long_note_above_the_header_costs_memory_in_proportion_to_its_length() -> None:
    """A cell of hundreds of words (an explanatory note above the header row, or the 4,500-word
    cell of a crafted file) is matched without building every run of its words (which grows with
    the square of the words: 10 million strings and gigabytes for 4,500 words)."""
    import tracemalloc

    words = [f"ord{i} stilling" if i % 50 == 0 else f"ord{i}" for i in range(400)]
    note = " ".join(words)
    match_header(note)  # the resource file is loaded outside the measurement
    tracemalloc.start()
    try:
        match = match_header(note)
        national = is_national_id_header(note)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024, f"{peak / 1e6:.0f} MB for a cell of {len(note):,} characters"
    assert match is not None and match.field == "title"  # a run inside it still names a field
    assert not national
    assert match_header(note.replace("stilling", "fødselsnr")) is None
    assert is_national_id_header(note.replace("stilling", "fødselsnr"))
