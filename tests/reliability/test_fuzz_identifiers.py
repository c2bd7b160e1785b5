"""Property tests of the cell normalisers every import and form uses.

The import's own normalisers, header matching and mutated whole workbooks are fuzzed in
test_fuzz_import.py.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from competence.identifiers import canonical_number, clean_text

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WHITESPACE = st.sampled_from([" ", "\t", "\n", "\r", "\u00a0", "\u2007", "\u202f", "\u3000", "\x0b"])
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet=st.characters(categories=["Nd", "Zs", "Cc", "Po", "Pd"])),
)


@FUZZ
@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_clean_text_is_tidy_and_idempotent(value: object) -> None:
    cleaned = clean_text(value)
    assert cleaned == clean_text(cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned and not any(ch.isspace() and ch != " " for ch in cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)


@FUZZ
@given(st.lists(st.text(min_size=1).filter(lambda w: w.strip() != ""), min_size=1, max_size=4), st.data())
def test_clean_text_keeps_words_and_collapses_any_space_between(
    words: list[str], data: st.DataObject
) -> None:
    words = [" ".join(w.split()) for w in words]
    glue = [data.draw(st.text(WHITESPACE, min_size=1, max_size=3)) for _ in words]
    messy = "".join(g + w for g, w in zip(glue, words, strict=True)) + glue[0]
    assert clean_text(messy) == unicodedata.normalize("NFC", " ".join(words))


@FUZZ
@given(anything)
def test_canonical_number_never_crashes_and_is_stable(value: object) -> None:
    number = canonical_number(value)
    if number is None:
        return
    assert number != "" and number == number.strip()
    assert canonical_number(number) == number


@FUZZ
@given(st.integers(min_value=0, max_value=2**53), st.integers(min_value=0, max_value=6), st.data())
def test_every_spelling_of_a_number_is_the_same_person(n: int, zeros: int, data: st.DataObject) -> None:
    expected = str(n)
    pad = data.draw(st.text(WHITESPACE, max_size=2))
    spellings: list[object] = [
        n,
        float(n),
        Decimal(n),
        "0" * zeros + str(n),
        f"{pad}{'0' * zeros}{n}{pad}",
        f"{n}.0",
        f"{n},00",
        f"{'0' * zeros}{n}.000",
    ]
    if n >= 1000:  # thousands written with a space, as Norwegian spreadsheets do
        spellings.append(f"{n:,}".replace(",", " "))
    assert {canonical_number(s) for s in spellings} == {expected}


@FUZZ
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=1).map(lambda s: "A-" + s))
def test_text_identifiers_keep_their_letters(value: str) -> None:
    number = canonical_number(value)
    assert number is not None and number == clean_text(value)
