"""The cell normalisers: examples, and properties checked by hypothesis."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from competence.identifiers import canonical_number, clean_text
from competence.roster import cells
from competence.roster.cells import CellError

SPACES = st.sampled_from([" ", "\u00a0", "\u202f", "\t", ""])
ANY_CELL = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)


# ---- text -------------------------------------------------------------------------------------


@given(st.text())
@example("  Åse\u00a0 Ødegård ")
@example("A\u0301se")  # decomposed Á: NFC makes it one character
def test_clean_is_clean_text(value: str) -> None:
    assert cells.clean(value) == clean_text(value)


@given(
    st.lists(st.one_of(st.text(max_size=12), st.none(), st.floats(allow_nan=False), st.dates()), max_size=12)
)
def test_text_column_is_text_per_cell(values: list[object]) -> None:
    assert cells.text_column(values) == [cells.text(v) for v in values]


@given(st.lists(st.text(alphabet="abc ,ÅØ\u00a0", max_size=12), max_size=8))
def test_split_name_column_is_split_name_per_cell(values: list[str]) -> None:
    written = cells.text_column(values)
    first, last = cells.split_name_column(written)
    assert list(zip(first, last, strict=True)) == [cells.split_name(w) for w in written]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Hansen, Kari", ("Kari", "Hansen")),
        ("Hansen,Kari Marie", ("Kari Marie", "Hansen")),
        (" Olsen,\u00a0Åse ", ("Åse", "Olsen")),
        ("Kari Marie Hansen", ("Kari Marie", "Hansen")),
        ("Hansen", ("", "Hansen")),
    ],
)
def test_split_name(written: str, expected: tuple[str, str]) -> None:
    assert cells.split_name(written) == expected


@pytest.mark.parametrize("blank", [None, "", "  ", "\u00a0", "-", "–", "n/a", "#N/A", float("nan")])
def test_blanks(blank: object) -> None:
    assert cells.is_blank(blank)
    assert cells.text(blank) == ""
    assert cells.identifier(blank) is None
    assert cells.fte(blank) is None
    assert cells.date(blank) is None


# ---- identifiers --------------------------------------------------------------------------------


@given(st.integers(0, 10**15), SPACES, st.integers(0, 3))
def test_identifier_spellings_are_one_identifier(number: int, space: str, zeros: int) -> None:
    expected = str(number)
    spellings: list[object] = [number, f"{'0' * zeros}{number}", f"{space}{number}{space}", f"{number}.0"]
    if number < 2**53:
        spellings.append(float(number))
    for spelling in spellings:
        assert cells.identifier(spelling) == expected, spelling


@given(
    st.lists(st.one_of(st.integers(0, 10**9), st.floats(allow_nan=False), st.text(max_size=8)), max_size=10)
)
def test_identifier_column_is_identifier_per_cell(values: list[object]) -> None:
    assert cells.identifier_column(values) == [cells.identifier(v) for v in values]


@given(st.text(max_size=20))
def test_identifier_agrees_with_canonical_number(value: str) -> None:
    assume(not cells.is_blank(value))
    assert cells.identifier(value) == canonical_number(value)


# ---- FTE -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(80, 80.0), (80.0, 80.0), (0.8, 80.0), (1, 100.0), ("80", 80.0), ("80 %", 80.0), ("80%", 80.0),
     ("62,5 %", 62.5), ("62.5", 62.5), ("0,625", 62.5), ("1 %", 1.0), ("100 prosent", 100.0), (0, 0.0)],
)  # fmt: skip
def test_fte_examples(cell: object, expected: float) -> None:
    assert cells.fte(cell) == expected


@pytest.mark.parametrize(
    ("cell", "reason"),
    [(150, "fte_range"), (-10, "fte_range"), ("101 %", "fte_range"), ("full", "fte_invalid"),
     (dt.date(2020, 1, 1), "fte_invalid"), (True, "fte_invalid"), ("8 0", "fte_invalid"),
     ("1,2,3", "fte_invalid")],
)  # fmt: skip
def test_fte_refusals(cell: object, reason: str) -> None:
    with pytest.raises(CellError) as info:
        cells.fte(cell)
    assert info.value.reason == reason
    assert info.value.message_nb and info.value.message_en


@given(st.decimals(min_value="1.01", max_value=100, places=2))
def test_fte_percent_fraction_and_text_agree(percent: object) -> None:
    value = float(str(percent))
    assert cells.fte(value) == pytest.approx(value)
    assert cells.fte(value / 100) == pytest.approx(value)
    text = f"{percent} %".replace(".", ",")
    assert cells.fte(text) == pytest.approx(value)
    assert cells.fte(text.replace(" ", "")) == pytest.approx(value)


@given(ANY_CELL)
def test_fte_is_in_range_or_refused(cell: object) -> None:
    try:
        result = cells.fte(cell)
    except CellError as exc:
        assert exc.reason in ("fte_range", "fte_invalid")
        return
    assert result is None or 0 <= result <= 100


# ---- dates ---------------------------------------------------------------------------------------


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)), st.times())
def test_dates_in_every_spelling(day: dt.date, moment: dt.time) -> None:
    assert cells.date(day) == day
    assert cells.date(dt.datetime.combine(day, moment)) == day
    assert cells.date(f"{day:%d.%m.%Y}") == day
    assert cells.date(f"{day.day}.{day.month}.{day.year}") == day
    assert cells.date(f"{day:%d/%m/%Y}") == day
    assert cells.date(day.isoformat()) == day
    assert cells.date(f" {day:%d.%m.%Y}\u00a0") == day
    serial = (day - dt.date(1899, 12, 30)).days
    assert cells.date(serial) == day and cells.date(float(serial)) == day


@pytest.mark.parametrize(
    ("cell", "reason"),
    [("31.02.2020", "date_impossible"), ("29.02.2021", "date_impossible"), ("00.01.2020", "date_impossible"),
     ("01.13.2020", "date_impossible"), (dt.date(1850, 1, 1), "date_impossible"),
     ("i morgen", "date_invalid"), (dt.time(8, 0), "date_invalid"), (-5, "date_invalid"),
     (True, "date_invalid"), ("2020", "date_invalid")],
)  # fmt: skip
def test_date_refusals(cell: object, reason: str) -> None:
    with pytest.raises(CellError) as info:
        cells.date(cell)
    assert info.value.reason == reason


def test_two_digit_years_pivot_on_today() -> None:
    today = dt.date(2025, 6, 1)
    assert cells.date("05.01.20", today=today) == dt.date(2020, 1, 5)
    assert cells.date("05.01.85", today=today) == dt.date(1985, 1, 5)


@pytest.mark.parametrize(("column", "one"), [(cells.fte_column, cells.fte), (cells.date_column, cells.date)])
@given(values=st.lists(ANY_CELL, max_size=10))
def test_column_normalisers_are_the_cell_ones(
    column: Callable[[list[object]], list[object]], one: Callable[[object], object], values: list[object]
) -> None:
    """The whole-column fast paths give what the cell normaliser gives, its refusals included."""
    for got, value in zip(column(values), values, strict=True):
        try:
            expected = one(value)
        except CellError as exc:
            assert isinstance(got, CellError) and got.reason == exc.reason
            continue
        assert got == expected


@given(ANY_CELL)
def test_normalisers_never_raise_anything_else(cell: object) -> None:
    cells.text(cell)
    cells.identifier(cell)
    cells.is_blank(cell)
    for normalise in (cells.fte, cells.date):
        with contextlib.suppress(CellError):
            normalise(cell)


TEXT_SPELLINGS = st.one_of(
    st.from_regex(r"\A[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2,4}\Z"),
    st.from_regex(r"\A[0-9]{0,3}([.,][0-9]{0,3})?[ ]?%?\Z"),
    st.from_regex(r"\A0*[0-9]{1,7}\Z"),
    st.sampled_from(
        ["31.02.2020", "15.01.2020", "01.01.1899", "62,5 %", "1", "1 %", "0,8", "100", "0", "1.5,3"]
    ),
)


@pytest.mark.parametrize(
    ("column", "one"),
    [
        (cells.fte_column, cells.fte),
        (cells.date_column, cells.date),
        (cells.identifier_column, cells.identifier),
    ],
)
@given(values=st.lists(TEXT_SPELLINGS, max_size=10))
def test_text_spellings_read_in_a_column_as_cell_by_cell(
    column: Callable[[list[object]], list[object]], one: Callable[[object], object], values: list[object]
) -> None:
    """CSV files give every cell as text: the columns' shortcuts for "15.01.2020", "62,5 %" and "4711"
    read them exactly as the cell normalisers do, refusals included."""
    for got, value in zip(column(values), values, strict=True):
        try:
            expected = one(value)
        except CellError as exc:
            assert isinstance(got, CellError) and got.reason == exc.reason
            continue
        assert got == expected, value
