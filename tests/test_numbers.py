"""competence/numbers.py: one rounding rule and one number format for the app, the PDFs, the
workbooks and the command line."""

from __future__ import annotations

import pytest

from competence import numbers as n

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "decimals", "rounded"),
    [
        (12.5, 0, 13.0),
        (13.5, 0, 14.0),
        (-12.5, 0, -13.0),
        (62.5 - 50, 0, 13.0),
        (0.125, 2, 0.13),
        (14.499999999999998, 0, 15.0),
    ],
)
def test_rounding_is_half_away_from_zero_on_the_decimal_value(
    value: float, decimals: int, rounded: float
) -> None:
    assert n.round_half_up(value, decimals) == rounded
    assert f"{12.5:.0f}" == "12"  # what an f-string does, and why the PDF said 12


def test_norwegian_and_english_formats() -> None:
    assert n.format_number(62.5, 1, "nb") == "62,5"
    assert n.format_number(62.5, 1, "en") == "62.5"
    assert n.format_number(100.0, 1, "nb") == "100"
    assert n.format_int(50000, "nb") == f"50{NBSP}000"
    assert n.format_int(50000, "en") == "50,000"
    assert n.format_percent(51, 0, "nb") == f"51{NBSP}%"
    assert n.format_percent(51, 0, "en") == "51%"
    assert n.format_share(0.634, "nb") == f"63{NBSP}%"
    assert n.format_points(12.5, "nb") == "12,5"
    assert n.format_points(12.45, "en") == "12.5"
    assert n.format_points(13.0, "nb") == "13"
    assert n.format_number(-1234.5, 1, "nb") == f"-1{NBSP}234,5"


def test_spreadsheet_formats_show_the_same() -> None:
    assert n.excel_percent_format("nb") == "0\\ %"
    assert n.excel_percent_format("en") == "0%"
    assert n.round_points(12.45) == 12.5 and n.EXCEL_POINTS == "General"
