"""A sheet of one list, as the planning workbooks (heltidskultur, the unit's competence plan) write
it: a title, the selection and the date, a header row that stays on screen and on every printed
page, rows fitted to their text, and a print setup that keeps it readable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from competence.export.cells import safe_cell
from competence.export.excel import styles
from competence.export.scope import Scope
from competence.language import format_date, pick


def list_sheet(
    ws: Worksheet,
    scope: Scope,
    municipality: str,
    lang: str,
    heading: str,
    headers: Sequence[str],
    widths: Sequence[float],
    formats: Sequence[str | None],
    rows: Sequence[Sequence[Any]],
) -> None:
    """A titled sheet of one table: header row frozen and filtered, rows fitted to their text, "Ingen."
    when there are no rows, printed with the municipality, the selection and the date."""
    first = styles.title(ws, heading, f"{scope.label} · {format_date(scope.at, lang)}")
    fitted = styles.header_widths(headers, widths)
    styles.header_row(ws, first, headers)
    styles.fit_row(ws, first, list(zip(headers, fitted, strict=True)), bold=True)
    for i, values in enumerate(rows, start=first + 1):
        styles.set_cells(ws, i, list(values), list(formats))
        styles.fit_row(ws, i, [(v, fitted[c]) for c, v in enumerate(values) if isinstance(v, str) and v])
    if not rows:
        safe_cell(ws.cell(row=first + 1, column=1), pick(lang, "Ingen.", "None.")).font = styles.font(
            italic=True
        )
    ws.freeze_panes = ws.cell(row=first + 1, column=1).coordinate
    ws.auto_filter.ref = f"A{first}:{get_column_letter(len(headers))}{first + max(len(rows), 1)}"
    styles.widths(ws, fitted)
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=scope.label,
        on=scope.at,
        title_rows=f"{first}:{first}",
        lang=lang,
    )
    styles.keep_readable(ws, styles.fitted_scale(fitted, styles.LANDSCAPE_WIDTH))
