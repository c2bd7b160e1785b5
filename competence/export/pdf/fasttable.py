"""A lean table flowable for the reports' many small tables.

reportlab's ``Table`` resolves a style per cell and draws each cell's text with its own text
object; for the forty-row profile of a development plan that is most of the drawing time, and a
batch draws a thousand of them. This table keeps to what the reports need (fixed column widths,
text already broken into lines, a header row repeated on every page, cell backgrounds, bold rows or
columns, right-aligned columns, full-width section rows) and draws all its text in one text object.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

from competence.export import palette
from competence.export.pdf.fonts import BOLD, REGULAR

_HEADER = colors.HexColor(f"#{palette.HEADER[0]}")
_SECTION = colors.HexColor(f"#{palette.SUBHEADER[0]}")
_RULE = colors.HexColor("#B7B7B7")
#: the fewest letters of a broken word carried to the next line
MIN_PIECE = 3


def fit_lines(text: str, font: str, size: float, room: float) -> list[str]:
    """``text`` in lines no wider than ``room`` points: broken between words, and a word longer
    than a whole line ("Videreutdanning" in a narrow column) broken inside with a hyphen, so that
    nothing runs into the next column."""
    lines: list[str] = []
    for line in simpleSplit(text, font, size, room):
        while stringWidth(line, font, size) > room and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut] + "-", font, size) > room:
                cut -= 1
            if len(line) - cut < MIN_PIECE <= cut - MIN_PIECE:  # no lone letter on the next line
                cut -= MIN_PIECE - (len(line) - cut)
            lines.append(line[:cut] + "-")
            line = line[cut:]
        lines.append(line)
    return lines


@lru_cache(maxsize=16384)
def fitted_cell(value: str, font: str, size: float, room: float) -> str:
    """A cell's text with every line within ``room`` points (:func:`fit_lines` on the lines that do
    not fit). Remembered: a batch of plans fits the same competence, area and level names again and
    again."""
    if not value or all(stringWidth(line, font, size) <= room for line in value.split("\n")):
        return value
    lines = value.split("\n")
    return "\n".join(part for line in lines for part in (fit_lines(line, font, size, room) or [""]))


@dataclass(frozen=True)
class Section:
    """A full-width row with a heading (e.g. the strategy area above its competences)."""

    text: str


@dataclass
class TableLook:
    font_size: float = 8.0
    leading: float = 10.0
    pad_x: float = 3.0
    pad_y: float = 2.5
    header_background: Any = _HEADER
    section_background: Any = _SECTION
    rule: Any = _RULE
    text: Any = colors.black
    header_text: Any = colors.white
    right: frozenset[int] = field(default_factory=frozenset)
    bold_columns: frozenset[int] = field(default_factory=frozenset)
    column_backgrounds: dict[int, Any] = field(default_factory=dict)


class FastTable(Flowable):  # type: ignore[misc]
    """``rows`` of cells (text with ``\\n`` line breaks) or :class:`Section` rows.

    ``backgrounds`` maps (column, row index in ``rows``) to a fill; ``bold_rows`` lists row indexes
    drawn in bold. The header (if any) is repeated at the top of every page the table runs onto.
    """

    def __init__(
        self,
        widths: Sequence[float],
        rows: Sequence[Sequence[str] | Section],
        *,
        header: Sequence[str] | None = None,
        backgrounds: dict[tuple[int, int], Any] | None = None,
        bold_rows: Iterable[int] = (),
        look: TableLook | None = None,
        fitted: bool = False,
    ) -> None:
        super().__init__()
        self.widths = list(widths)
        self.rows = list(rows)
        self.header = list(header) if header is not None else None
        self.backgrounds = backgrounds or {}
        self.bold_rows = set(bold_rows)
        self.look = look or TableLook()
        if not fitted:  # (the parts of a table split across pages are fitted already)
            self.header, self.rows = self._fitted(self.header, self.rows)
        self._heights = [self._row_height(r) for r in self.rows]
        self._header_height = self._row_height(self.header) if self.header is not None else 0.0

    def _fitted(
        self, header: list[str] | None, rows: list[Sequence[str] | Section]
    ) -> tuple[list[str] | None, list[Sequence[str] | Section]]:
        """Every cell's lines within its column: a line the caller did not break (or broke for a
        wider column) is broken here, so text never runs into the next cell. Cheap when the lines
        fit: one measurement a line."""
        look = self.look
        rooms = [w - 2 * look.pad_x for w in self.widths]
        size = look.font_size

        def fit_cells(row: Sequence[str], bold: bool) -> list[str]:
            return [
                fitted_cell(cell, BOLD if bold or c in look.bold_columns else REGULAR, size, rooms[c])
                for c, cell in enumerate(row)
            ]

        fitted_header = fit_cells(header, True) if header is not None else None
        fitted: list[Sequence[str] | Section] = [
            r if isinstance(r, Section) else fit_cells(r, i in self.bold_rows) for i, r in enumerate(rows)
        ]
        return fitted_header, fitted

    def _row_height(self, row: Sequence[str] | Section) -> float:
        look = self.look
        lines = 1 if isinstance(row, Section) else max((c.count("\n") + 1 for c in row if c), default=1)
        return lines * look.leading + 2 * look.pad_y

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._header_height + sum(self._heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self._header_height
        used, count = 0.0, 0
        for h in self._heights:
            if used + h > room:
                break
            used += h
            count += 1
        if count == 0 or count == len(self.rows):
            return []
        first = self._part(0, count)
        rest = self._part(count, len(self.rows))
        return [first, rest]

    def _part(self, start: int, end: int) -> FastTable:
        backgrounds = {(c, r - start): v for (c, r), v in self.backgrounds.items() if start <= r < end}
        return FastTable(
            self.widths,
            self.rows[start:end],
            header=self.header,
            backgrounds=backgrounds,
            bold_rows=[r - start for r in self.bold_rows if start <= r < end],
            look=self.look,
            fitted=True,
        )

    def draw(self) -> None:
        canvas = self.canv
        look = self.look
        total = sum(self.widths)
        lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        text = canvas.beginText()
        lines = _LineWriter(canvas, text, look.font_size, look.leading)
        state: dict[str, Any] = {"font": None, "colour": None}

        def use(font: str, colour: Any) -> None:
            if state["font"] != font:
                text.setFont(font, look.font_size, look.leading)
                lines.font_changed(font)
                state["font"] = font
            if state["colour"] is not colour:
                text.setFillColor(colour)
                state["colour"] = colour

        def cell_text(x: float, top: float, width: float, value: str, font: str, right: bool) -> None:
            y = top - look.pad_y - look.font_size
            for line in value.split("\n"):
                if line:
                    if right:
                        start = x + width - look.pad_x - stringWidth(line, font, look.font_size)
                    else:
                        start = x + look.pad_x
                    lines.write(start, y, line)
                y -= look.leading

        top = self.height
        canvas.saveState()
        canvas.setLineWidth(0.25)
        canvas.setStrokeColor(look.rule)
        if self.header is not None:
            h = self._header_height
            canvas.setFillColor(look.header_background)
            canvas.rect(0, top - h, total, h, stroke=0, fill=1)
            for i, value in enumerate(self.header):
                use(BOLD, look.header_text)
                cell_text(lefts[i], top, self.widths[i], value, BOLD, i in look.right)
            top -= h
        for r, row in enumerate(self.rows):
            h = self._heights[r]
            if isinstance(row, Section):
                canvas.setFillColor(look.section_background)
                canvas.rect(0, top - h, total, h, stroke=0, fill=1)
                use(BOLD, look.text)
                cell_text(0, top, total, row.text, BOLD, False)
            else:
                for c, colour in look.column_backgrounds.items():
                    canvas.setFillColor(colour)
                    canvas.rect(lefts[c], top - h, self.widths[c], h, stroke=0, fill=1)
                for c in range(len(row)):
                    colour = self.backgrounds.get((c, r))
                    if colour is not None:
                        canvas.setFillColor(colour)
                        canvas.rect(lefts[c], top - h, self.widths[c], h, stroke=0, fill=1)
                bold_row = r in self.bold_rows
                for c, value in enumerate(row):
                    if value:
                        font = BOLD if bold_row or c in look.bold_columns else REGULAR
                        use(font, look.text)
                        cell_text(lefts[c], top, self.widths[c], value, font, c in look.right)
            canvas.line(0, top - h, total, top - h)
            top -= h
        canvas.drawText(text)
        canvas.restoreState()


class _LineWriter:
    """Puts lines of text into a text object with the operators ``setTextOrigin`` and ``textOut``
    would add, without their cost per line: the table's fonts are TrueType fonts embedded as
    subsets, and how a line is split over the document's subsets (reportlab's documented
    ``splitString``) is worked out once per document and line, not each time the line is drawn
    (a batch of plans draws the same names on every plan). Any other font goes through
    ``textOut``. The text object's operator list is the one private part of reportlab used here;
    a test compares the result with ``textOut``'s, byte for byte.
    """

    def __init__(self, canvas: Any, text: Any, size: float, leading: float) -> None:
        self.canvas = canvas
        self.text = text
        self.code: list[str] = text._code
        self.doc = canvas._doc
        self.origin = "1 0 0 1 %s Tm" if canvas.bottomup else "1 0 0 -1 %s Tm"
        self.tail = f" {fp_str(size)} Tf {fp_str(leading)} TL"
        split: dict[tuple[str, str], tuple[tuple[int, str], ...]] | None = getattr(
            canvas, "_fasttable_split", None
        )
        if split is None:
            split = {}
            canvas._fasttable_split = split  # per canvas, so per document: its subsets are its own
        self.split = split
        self.font: Any = None
        self.font_name = ""
        self.subset = -1

    def font_changed(self, name: str) -> None:
        """The text object's font was set (which starts a new subset, as in ``setFont``)."""
        font = getFont(name)
        self.font = font if font._dynamicFont else None
        self.font_name = name
        self.subset = -1

    def write(self, x: float, y: float, line: str) -> None:
        font = self.font
        if font is None:
            self.text.setTextOrigin(x, y)
            self.text.textOut(line)
            return
        self.code.append(self.origin % fp_str(x, y))
        pieces = self.split.get((self.font_name, line))
        if pieces is None:
            escape = self.canvas._escape
            pieces = tuple(
                (subset, f"({escape(chunk)}) Tj") for subset, chunk in font.splitString(line, self.doc)
            )
            self.split[(self.font_name, line)] = pieces
        if len(pieces) == 1 and pieces[0][0] == self.subset:
            self.code.append(pieces[0][1])  # the usual case: one piece, in the subset in use
            return
        out = []
        for subset, shown in pieces:
            if subset != self.subset:
                out.append(font.getSubsetInternalName(subset, self.doc) + self.tail)
                self.subset = subset
            out.append(shown)
        self.code.append(" ".join(out))
