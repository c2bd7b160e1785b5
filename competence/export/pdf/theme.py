"""The look of the PDF reports: styles, tables, and pages numbered "Side x av y" with a footer."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from competence.export import palette
from competence.export.pdf.concat import DocInfo
from competence.export.pdf.fasttable import FastTable, Section, TableLook, fit_lines
from competence.export.pdf.fonts import BOLD, ITALIC, REGULAR
from competence.language import format_date, normalise_language, pick
from competence.numbers import format_number

PAGE = A4
MARGIN = 16 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN


def hex_colour(rgb: str) -> colors.Color:
    return colors.HexColor(f"#{rgb}")


HEADER_BG = hex_colour(palette.HEADER[0])
SUB_BG = hex_colour(palette.SUBHEADER[0])
MET_BG = hex_colour(palette.MET[0])
NEAR_BG = hex_colour(palette.NEAR[0])
GAP_BG = hex_colour(palette.GAP[0])
NOT_ASSESSED_BG = hex_colour(palette.NOT_ASSESSED[0])
GRID = colors.HexColor("#B7B7B7")
MUTED = colors.HexColor("#595959")

TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=17, leading=21, spaceAfter=2 * mm)
SUBTITLE = ParagraphStyle("subtitle", fontName=REGULAR, fontSize=10, leading=13, textColor=MUTED)
H2 = ParagraphStyle("h2", fontName=BOLD, fontSize=12, leading=15, spaceBefore=5 * mm, spaceAfter=2 * mm)
BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12)
SMALL = ParagraphStyle("small", fontName=REGULAR, fontSize=7.5, leading=9.5, textColor=MUTED)
NOTE = ParagraphStyle("note", fontName=ITALIC, fontSize=8.5, leading=11, textColor=MUTED)

TABLE_FONT_SIZE = 8
CELL_PAD = 3


def wrap(text: str | None, width: float, *, bold: bool = False, size: float = TABLE_FONT_SIZE) -> str:
    """Text broken into lines that fit ``width`` points (a table cell takes them as they are)."""
    if not text:
        return ""
    return _wrapped(text, BOLD if bold else REGULAR, size, width - 2 * CELL_PAD)


@lru_cache(maxsize=16384)
def _wrapped(text: str, font: str, size: float, room: float) -> str:
    """:func:`wrap`, remembered: a batch of plans wraps the same names again and again."""
    if "\n" not in text and stringWidth(text, font, size) <= room:
        return text  # most cells: one measurement instead of one per word
    return "\n".join(fit_lines(text, font, size, room))


def table(
    rows: Sequence[Sequence[str] | Section],
    widths: Sequence[float],
    *,
    backgrounds: dict[tuple[int, int], Any] | None = None,
    right: Iterable[int] = (),
    bold_rows: Iterable[int] = (),
    header: bool = True,
) -> FastTable:
    """A report table: the first row is the header (dark blue, repeated on each page), 8 pt text.

    ``backgrounds`` and ``bold_rows`` count rows as ``rows`` does, the header being row 0.
    """
    offset = 1 if header else 0
    return FastTable(
        widths,
        rows[offset:],
        header=[str(c) for c in rows[0]] if header and not isinstance(rows[0], Section) else None,
        backgrounds={(c, r - offset): v for (c, r), v in (backgrounds or {}).items()},
        bold_rows=[r - offset for r in bold_rows],
        look=TableLook(
            font_size=TABLE_FONT_SIZE,
            leading=TABLE_FONT_SIZE + 2,
            header_background=HEADER_BG,
            section_background=SUB_BG,
            rule=GRID,
            right=frozenset(right),
        ),
    )


def facts(rows: Sequence[Sequence[str]], widths: Sequence[float]) -> FastTable:
    """Label/value pairs, two to a row: labels bold on light blue."""
    return FastTable(
        widths,
        rows,
        look=TableLook(
            font_size=9,
            leading=11.5,
            rule=GRID,
            bold_columns=frozenset({0, 2}),
            column_backgrounds={0: SUB_BG, 2: SUB_BG},
        ),
    )


def date_text(day: dt.date | None, lang: str = "nb") -> str:
    """A date as the app writes it in ``lang`` (dd.mm.yyyy)."""
    return format_date(day, lang)


def norwegian_date(day: dt.date | None) -> str:
    return format_date(day, "nb")


def number(value: float, decimals: int = 0, lang: str = "nb") -> str:
    """A number as the app writes it (:mod:`competence.numbers`): ``12 500``, ``12,5``."""
    return format_number(value, decimals, lang)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class PlanStart(Flowable):  # type: ignore[misc]
    """Marks where the next person's plan starts when several are drawn into one document."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.segment_starts.append((self.canv.getPageNumber(), self.index))


def numbered_canvas(footers: list[str], lang: str = "nb") -> Callable[..., Canvas]:
    """A canvas class that writes the footer and "Side x av y" on every page when the document is
    finished (the page count is known only then).

    With several plans in one document (:class:`PlanStart` marks each), pages are numbered per plan
    and each plan's pages get its own footer; the page segments are kept in ``segments``.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):  # else Helvetica is referenced, and not embedded
                kwargs["initialFontName"] = REGULAR
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.segment_starts: list[tuple[int, int]] = []
            self.segments: list[tuple[int, int]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            starts = sorted({page: index for page, index in self.segment_starts}.items()) or [(1, 0)]
            bounds = [(page, index) for page, index in starts if page <= total]
            segments = [
                (page - 1, (bounds[k + 1][0] if k + 1 < len(bounds) else total + 1) - page)
                for k, (page, _) in enumerate(bounds)
            ]
            owner = []
            for k, (page, index) in enumerate(bounds):
                end = bounds[k + 1][0] if k + 1 < len(bounds) else total + 1
                owner += [(index, page, end - page)] * (end - page)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                index, first, count = owner[number - 1]
                self._footer(footers[index], number - first + 1, count)
                super().showPage()
            super().save()
            self.segments = segments  # after the page states were restored above

        def _footer(self, footer: str, page: int, total: int) -> None:
            self.saveState()
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            y = MARGIN - 6 * mm
            self.line(MARGIN, y + 3.5 * mm, PAGE[0] - MARGIN, y + 3.5 * mm)
            self.setFont(REGULAR, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, y, fit_text(footer, REGULAR, 7.5, FRAME_WIDTH - 25 * mm))
            self.drawRightString(
                PAGE[0] - MARGIN,
                y,
                pick(lang, "Side {page} av {total}", "Page {page} of {total}").format(page=page, total=total),
            )
            self.restoreState()

    return NumberedCanvas


def document(
    buffer: io.BytesIO, info: DocInfo, municipality: str, logo: ImageReader | None, lang: str = "nb"
) -> BaseDocTemplate:
    """An A4 report: metadata, one frame, a first page with the letterhead and plain later pages
    (a story switches with ``NextPageTemplate("later")``)."""
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="Kompetanseregister",
        lang="en-GB" if normalise_language(lang) == "en" else "nb-NO",
        initialFontName=REGULAR,
    )
    frame = Frame(MARGIN, MARGIN, FRAME_WIDTH, PAGE[1] - 2 * MARGIN, id="body")
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=letterhead(municipality, logo)),
            PageTemplate("later", [frame]),
        ]
    )
    return doc


def logo_reader(logo: bytes | None) -> ImageReader | None:
    """The municipality's logo, or None when there is none or it cannot be read (never fails)."""
    if not logo:
        return None
    try:
        reader = ImageReader(io.BytesIO(logo))
        reader.getRGBData()  # decodes it all: a damaged file fails here, not while drawing
        return reader
    except Exception:
        return None


def letterhead(municipality: str, logo: ImageReader | None) -> Callable[[Canvas, Any], None]:
    """First-page decoration: the municipality's name, and its logo top right when there is one."""

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE[1] - 10 * mm
        canvas.setFont(BOLD, 10)
        canvas.setFillColor(HEADER_BG)
        canvas.drawString(MARGIN, top - 3 * mm, municipality)
        if logo is not None:
            w, h = logo.getSize()
            box_w, box_h = 40 * mm, 14 * mm
            scale = min(box_w / w, box_h / h)
            canvas.drawImage(
                logo,
                PAGE[0] - MARGIN - w * scale,
                top - h * scale,
                w * scale,
                h * scale,
                mask="auto",
            )
        canvas.restoreState()

    return draw
