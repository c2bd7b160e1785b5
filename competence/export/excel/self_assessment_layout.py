"""The self-assessment form's layout and its signature, shared by the export and the import.

One sheet per person: the competences their roles require (assessed by level), with the required
level, a drop-down of the scale's level texts under *Ditt nivå* and a comment beside it. Column A
(hidden) holds the competences' ids. A very hidden sheet holds the register's id, the unit, each
person's sheet, id, competences and the level of their last self-assessment when the form was made
(the baseline), and an HMAC of all of that under the register's secret: a form from another
register, or one whose hidden parts were changed, is refused before a cell is read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass

FORMAT = "kompetanseregister-egenvurdering"
FORMAT_VERSION = 1
META_SHEET = "_kompetanseregister"
LISTS_SHEET = "_nivaalister"
GUIDE_SHEET = {"nb": "Veiledning", "en": "Guide"}
TITLE_ROW = 1
HEADER_ROW = 6
FIRST_ROW = 7
ID_COL = 1
AREA_COL, NAME_COL, DESCRIPTION_COL, REQUIRED_COL, LEVEL_COL, COMMENT_COL, LAST_COL = range(2, 9)
#: meta sheet: key/value pairs in rows 1.., one row per person from this row on
META_PEOPLE_ROW = 20
#: Excel's limit, and the characters a sheet name cannot hold
SHEET_NAME_MAX = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\\/?*\[\]:]")


@dataclass(frozen=True)
class PersonSheet:
    sheet: str
    employee_id: int
    competence_ids: tuple[int, ...]
    #: the level of the person's last self-assessment per competence when the form was made
    baseline: tuple[int | None, ...]


@dataclass(frozen=True)
class FormLayout:
    register_id: str
    unit_number: str
    subunits: bool
    made_on: str
    lang: str
    people: tuple[PersonSheet, ...]

    def digest(self, secret: bytes) -> str:
        payload = json.dumps(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "register": self.register_id,
                "unit": self.unit_number,
                "subunits": self.subunits,
                "made_on": self.made_on,
                "lang": self.lang,
                "first_row": FIRST_ROW,
                "level_col": LEVEL_COL,
                "people": [
                    [p.sheet, p.employee_id, list(p.competence_ids), list(p.baseline)] for p in self.people
                ],
            },
            separators=(",", ":"),
            sort_keys=True,
            ensure_ascii=False,
        )
        return hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def sheet_names(people: list[tuple[str, str]]) -> list[str]:
    """A sheet name per person ("Nordmann, Kari (1002)"), within Excel's rules, each unique."""
    names: list[str] = []
    taken: set[str] = {n.casefold() for n in (*GUIDE_SHEET.values(), META_SHEET, LISTS_SHEET)}
    for name, number in people:
        clean = _NOT_IN_SHEET_NAMES.sub(" ", name).strip().strip("'") or "?"
        suffix = f" ({_NOT_IN_SHEET_NAMES.sub(' ', number)})"
        candidate = clean[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
        n = 1
        while candidate.casefold() in taken:
            n += 1
            extra = f" {n}"
            candidate = clean[: SHEET_NAME_MAX - len(suffix) - len(extra)].rstrip() + extra + suffix
        taken.add(candidate.casefold())
        names.append(candidate)
    return names
