"""The assessment template's layout and its signature, shared by the export and the import.

The sheet *Vurdering* lists people (rows) × competences (columns). Its hidden column A holds the
people's ids and its hidden row 3 the competences' ids; a very hidden sheet holds the register's
id, the scope, the level each cell had when the template was made (the baseline) and an HMAC of all
of that under the register's secret. The import recomputes the HMAC: a template from another
register, or one whose identifiers or layout were changed, is refused before any cell is read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass

FORMAT = "kompetanseregister-vurderingsmal"
FORMAT_VERSION = 1
SHEET = "Vurdering"
LEVELS_SHEET = "Nivåer"
GUIDE_SHEET = "Veiledning"
#: the sheets' names in an English template (the hidden meta sheet has one name)
SHEETS_EN = {SHEET: "Assessment", LEVELS_SHEET: "Levels", GUIDE_SHEET: "Guide"}
META_SHEET = "_kompetanseregister"
AREA_ROW = 1
HEADER_ROW = 2
ID_ROW = 3
FIRST_ROW = 4
ID_COL = 1
PERSON_HEADERS = ("Navn", "Ansattnr", "Rolle")
PERSON_HEADERS_EN = ("Name", "Employee no.", "Role")
FIRST_COMP_COL = ID_COL + len(PERSON_HEADERS) + 1
#: meta sheet: key/value pairs in rows 1.., the baseline grid from this row on
META_GRID_ROW = 20
SEPARATOR = " – "


@dataclass(frozen=True)
class TemplateLayout:
    register_id: str
    unit_number: str
    subunits: bool
    made_on: str
    employee_ids: tuple[int, ...]
    competence_ids: tuple[int, ...]
    #: level ordinal per row and column when the template was made; None: not assessed
    baseline: tuple[tuple[int | None, ...], ...]
    #: the name of the sheet the levels are filled in on (the template's language decides it)
    sheet: str = SHEET

    def digest(self, secret: bytes) -> str:
        payload = json.dumps(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "register": self.register_id,
                "unit": self.unit_number,
                "subunits": self.subunits,
                "made_on": self.made_on,
                "sheet": self.sheet,
                "first_row": FIRST_ROW,
                "first_col": FIRST_COMP_COL,
                "employees": list(self.employee_ids),
                "competences": list(self.competence_ids),
                "baseline": [list(r) for r in self.baseline],
            },
            separators=(",", ":"),
            sort_keys=True,
        )
        return hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def sheet_name(name: str, lang: str) -> str:
    """A sheet's name in the template's language."""
    return SHEETS_EN[name] if lang == "en" else name


def level_label(ordinal: int, name: str) -> str:
    """What a level looks like in the dropdown and in the cells: "3 – Kan selvstendig"."""
    return f"{ordinal}{SEPARATOR}{name}"


def level_labels(levels: Sequence[tuple[int, str]]) -> list[str]:
    return [level_label(o, n) for o, n in levels]
