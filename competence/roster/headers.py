"""Recognising roster column headers, whatever their spelling, from the synonyms in
``resources/import/roster_headers.json``.

A header is reduced to a key: Unicode-normalised, case-folded, Norwegian letters folded to ASCII
(ø→o, æ→ae, å→a), '%' read as the word "prosent", punctuation and spaces dropped. So "Ansatt nr.",
"ANSATTNR" and "Ansatt\u00a0nr" are one key. A header matches a field

* exactly (confidence 1.0): its key is a synonym's key;
* partly (0.6-0.9): a run of its words is a synonym ("Stilling (hoved)", "Ansattnr HR"), preferably
  one it starts with, unless one of its words makes it about someone else ("Leders navn" is not the
  employee's name);
* by a typo (0.75): one letter off a synonym of six letters or more.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "import" / "roster_headers.json"

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "%": " prosent ", "#": " nr ", "&": " og "})
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: object) -> tuple[str, ...]:
    """The words of a header, folded: "Stilling %" → ("stilling", "prosent")."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold().translate(_FOLD)
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return tuple(_TOKEN.findall(folded))


def header_key(text: object) -> str:
    return "".join(tokens(text))


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label_nb: str
    label_en: str
    synonyms: frozenset[str]


@dataclass(frozen=True)
class HeaderData:
    fields: tuple[FieldSpec, ...]
    required: tuple[tuple[str, ...], ...]
    national_id: frozenset[str]
    totals: frozenset[str]
    qualifiers: frozenset[str]
    qualified_fields: frozenset[str]

    @cached_property
    def synonym_keys(self) -> frozenset[str]:
        return frozenset(s for spec in self.fields for s in spec.synonyms)

    @cached_property
    def longest_key(self) -> int:
        return max(len(k) for k in self.synonym_keys | self.national_id)

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.fields)


@cache
def header_data(path: Path = RESOURCE) -> HeaderData:
    raw = json.loads(path.read_text(encoding="utf-8"))
    fields = tuple(
        FieldSpec(
            key=key,
            label_nb=spec["label_nb"],
            label_en=spec["label_en"],
            synonyms=frozenset(header_key(s) for s in spec["synonyms"]) | {header_key(key)},
        )
        for key, spec in raw["fields"].items()
    )
    return HeaderData(
        fields=fields,
        required=tuple(tuple(group) for group in raw["required"]),
        national_id=frozenset(header_key(s) for s in raw["national_id"]),
        totals=frozenset(header_key(s) for s in raw["totals"]),
        qualifiers=frozenset(t for word in raw["qualifiers"]["words"] for t in tokens(word)),
        qualified_fields=frozenset(raw["qualifiers"]["fields"]),
    )


@dataclass(frozen=True)
class HeaderMatch:
    field: str
    confidence: float


def _runs_in(words: tuple[str, ...], keys: frozenset[str], longest: int) -> list[tuple[int, int, str]]:
    """Every contiguous run of words whose joined text is one of ``keys``: (words, start, text).

    Runs are grown from each word only while they fit in ``longest`` characters (the longest key),
    so the work and memory are linear in the cell's length however many words it holds: a note of
    4,000 words above a header row costs no more than reading it (the old way joined every run,
    millions of strings).
    """
    found: list[tuple[int, int, str]] = []
    for start in range(len(words)):
        run = ""
        for end in range(start, len(words)):
            run += words[end]
            if len(run) > longest:
                break
            if run in keys:
                found.append((end - start + 1, start, run))
    return found


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def match_header(text: object, data: HeaderData | None = None) -> HeaderMatch | None:
    """The field a header names, with how sure we are; None when it names none."""
    data = data or header_data()
    words = tokens(text)
    key = "".join(words)
    if not key:
        return None
    for spec in data.fields:
        if key in spec.synonyms:
            return HeaderMatch(spec.key, 1.0)
    qualified = any(w in data.qualifiers for w in words)
    runs = _runs_in(words, data.synonym_keys, data.longest_key) if len(words) > 1 else []
    # the header's first words name the column ("Stilling (hovedstilling)" is a job title), then
    # the longest run
    for size, _start, run in sorted(runs, key=lambda r: (r[1] > 0, -len(r[2]), r[1])):
        if size == len(words):
            continue  # the whole header, already compared above
        for spec in data.fields:
            if run in spec.synonyms and (not qualified or spec.key in data.qualified_fields):
                return HeaderMatch(spec.key, round(0.6 + 0.3 * len(run) / len(key), 2))
    if len(key) >= 6 and not qualified:
        for spec in data.fields:
            if any(len(s) >= 6 and _one_edit_apart(key, s) for s in spec.synonyms):
                return HeaderMatch(spec.key, 0.75)
    return None


def is_national_id_header(text: object, data: HeaderData | None = None) -> bool:
    """ "Fødselsnr", "Personnummer (11 siffer)", "D-nummer"...: a column that must never be read."""
    data = data or header_data()
    words = tokens(text)
    return bool(_runs_in(words, data.national_id, data.longest_key))


def is_totals_label(text: object, data: HeaderData | None = None) -> bool:
    """ "Sum", "Totalt", "Antall: 301", "I alt 12 ansatte": the label of a totals row."""
    data = data or header_data()
    words = tokens(text)
    if not words:
        return False
    for size in range(min(3, len(words)), 0, -1):
        if "".join(words[:size]) in data.totals:
            rest = words[size:]
            return all(
                w.isdigit() or w in ("ansatte", "stillinger", "personer", "employees", "rows") for w in rest
            )
    return False
