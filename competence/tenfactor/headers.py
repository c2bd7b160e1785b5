"""Recognising the columns of a 10-FAKTOR result file from ``resources/import/tenfactor_headers.json``.

Headers are folded as the roster import folds them (competence/roster/headers.py): case, spaces,
punctuation, æøå and "%" do not matter. A header names a field when it is one of the field's names,
or when a run of its words is one ("Antall svar 2025"). A factor column is named by the factor's
number ("4", "F4", "Faktor 4", "4. Bruk av kompetanse") or by one of its names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from competence.roster.headers import header_key, tokens
from db.codes import Factor

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "import" / "tenfactor_headers.json"
FIELDS = ("unit", "unit_number", "year", "factor", "mean", "respondents")
_NUMBERED = re.compile(r"^(?:f|faktor|factor)?(\d{1,2})(?:[a-z].*)?$")


@dataclass(frozen=True)
class SurveyHeaders:
    fields: dict[str, frozenset[str]]
    factors: dict[Factor, frozenset[str]]
    person_level: frozenset[str]
    totals: frozenset[str]


@cache
def survey_headers(path: Path = RESOURCE) -> SurveyHeaders:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return SurveyHeaders(
        fields={key: frozenset(header_key(s) for s in names) for key, names in raw["fields"].items()},
        factors={
            Factor(int(n)): frozenset(header_key(s) for s in names) for n, names in raw["factors"].items()
        },
        person_level=frozenset(header_key(s) for s in raw["person_level"]),
        totals=frozenset(header_key(s) for s in raw["totals"]),
    )


def _runs(words: tuple[str, ...]) -> list[str]:
    """Every run of consecutive words, joined, longest first."""
    runs = ["".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    return sorted(runs, key=len, reverse=True)


def match_field(text: object) -> str | None:
    """The field a header names (exactly, else by a run of its words), or None."""
    data = survey_headers()
    words = tokens(text)
    key = "".join(words)
    if not key:
        return None
    for field, names in data.fields.items():
        if key in names:
            return field
    if match_factor(text) is not None:
        return None  # "Snitt bruk av kompetanse" is a factor's column, not the long file's mean
    for run in _runs(words)[1:] if len(words) > 1 else []:
        for field, names in data.fields.items():
            if run in names and len(run) > 1:
                return field
    return None


def match_factor(text: object) -> Factor | None:
    """The factor a header or a cell names: by number (1-10) or by name; None for anything else."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return Factor(int(text)) if float(text).is_integer() and 1 <= text <= 10 else None
    words = tokens(text)
    if not words:
        return None
    data = survey_headers()
    numbered = _NUMBERED.match("".join(words[:2])) or _NUMBERED.match(words[0])
    if numbered is not None and 1 <= int(numbered.group(1)) <= 10:
        return Factor(int(numbered.group(1)))
    best: tuple[int, Factor] | None = None
    for run in _runs(words):
        for factor, names in data.factors.items():
            if run in names and (best is None or len(run) > best[0]):
                best = (len(run), factor)
        if best is not None:
            return best[1]
    return None


def is_person_level(text: object) -> bool:
    """A header only a file of individual answers has (an employee number, a name, a respondent)."""
    key = header_key(text)
    return bool(key) and key in survey_headers().person_level


def is_total_name(text: object) -> bool:
    """ "Totalt", "Hele kommunen": the row of the whole municipality."""
    key = header_key(text)
    return bool(key) and key in survey_headers().totals
