"""The report tables write their text as reportlab's own ``textOut`` would, byte for byte.

:class:`competence.export.pdf.fasttable.FastTable` puts its lines into the text object without
``textOut`` (a batch of plans draws the same names on every plan); this guards that shortcut
against a reportlab that changes how it writes text.
"""

from __future__ import annotations

import io

import pytest
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from competence.export.pdf import fasttable
from competence.export.pdf.fasttable import FastTable, Section
from competence.export.pdf.fonts import register_fonts

#: more distinct characters than one font subset holds (256), so that lines switch subsets
_MANY = "".join(chr(c) for c in range(0x391, 0x3A9)) + "".join(chr(c) for c in range(0x410, 0x450))


def _pdf() -> bytes:
    register_fonts()
    rows: list[list[str] | Section] = [
        ["Åse Ødegård", "3 Kan selvstendig", "12,5"],
        Section("§ 3-5 HMS (kritisk) ( ) \\ tegn"),
        ["Per Ærlig\nandre linje", "Mangler, frist 01.03.2027", "7"],
        [_MANY[:60], _MANY[60:], "Åse Ødegård"],
        ["Åse Ødegård", _MANY[::-1], "3 Kan selvstendig"],
    ]
    table = FastTable(
        [200, 180, 60],
        rows,
        header=["Navn", "Nivå", "Tall"],
        bold_rows=[2],
        look=fasttable.TableLook(right=frozenset({2}), bold_columns=frozenset({0})),
    )
    out = io.BytesIO()
    canvas = Canvas(out, initialFontName="DejaVuSans")
    table.wrapOn(canvas, 500, 700)
    table.drawOn(canvas, 40, 60)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_table_text_is_written_as_text_out_writes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    fast = _pdf()
    original = fasttable._LineWriter.font_changed

    def through_text_out(self: fasttable._LineWriter, name: str) -> None:
        original(self, name)
        self.font = None  # every line through setTextOrigin and textOut

    monkeypatch.setattr(fasttable._LineWriter, "font_changed", through_text_out)
    assert _pdf() == fast
