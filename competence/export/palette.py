"""Colours shared by the workbooks and the PDFs (hex RGB), chosen to stay readable when printed
in greyscale: the status fills differ in lightness as well as in hue."""

from __future__ import annotations

#: fill, text
MET = ("C6EFCE", "006100")
NEAR = ("FFEB9C", "7A4500")
GAP = ("FFC7CE", "9C0006")
NOT_ASSESSED = ("D9D9D9", "404040")
#: a mandatory course that is lacking (docs/compliance.md): missing (orange, darker than the gap's
#: pink in greyscale) and overdue (dark red, white text)
MISSING = ("F4B183", "5F2A00")
OVERDUE = ("C00000", "FFFFFF")
HEADER = ("1F4E78", "FFFFFF")
SUBHEADER = ("DDEBF7", "1F2937")
#: alternating fills of strategy-area groups in header rows
AREA_FILLS = ("BDD7EE", "E2EFDA", "FCE4D6", "EDE2F6", "FFF2CC", "D9E1F2")
#: the radar chart's two lines, on the card and in the PDF plans alike: the requirement orange,
#: the current level blue (apart in greyscale too: the orange prints lighter)
REQUIRED_LINE = "CC6600"
CURRENT_LINE = "1F77B4"
