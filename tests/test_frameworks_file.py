"""The framework file format: validation messages that name the place, without a database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from competence.errors import ValidationError
from competence.frameworks.document import to_document, to_json_text
from competence.frameworks.parse import (
    MAX_FILE_BYTES,
    FrameworkFileError,
    load_json_bytes,
    parse_framework,
    read_capped,
    read_framework_file,
)


def minimal() -> dict[str, Any]:
    return {
        "format": "kompetanseregister-framework",
        "format_version": 1,
        "key": "var-plan",
        "version": 1,
        "name": "Vår kompetanseplan",
        "default_scale": "tre",
        "scales": [
            {
                "key": "tre",
                "name": "Tre nivåer",
                "levels": [
                    {"ordinal": 1, "name": "Lite"},
                    {"ordinal": 2, "name": "Noe"},
                    {"ordinal": 3, "name": "Mye"},
                ],
            }
        ],
        "areas": [
            {
                "key": "a",
                "code": "A",
                "name": "Område A",
                "competences": [
                    {"key": "a-1", "code": "A.1", "name": "Første"},
                    {"key": "a-2", "name": "Andre", "kind": "certificate", "validity_months": 24},
                ],
            }
        ],
    }


def test_a_minimal_file_fills_in_defaults() -> None:
    spec = parse_framework(minimal())
    assert [lv.percent for lv in spec.scales[0].levels] == pytest.approx([33.3333, 66.6667, 100.0])
    first, second = spec.areas[0].competences
    assert (first.kind, first.critical, first.scale, first.parent) == ("skill", False, None, None)
    assert (second.kind, second.validity_months) == ("certificate", 24)


def test_percent_given_in_the_file_wins_and_level_zero_is_allowed() -> None:
    doc = minimal()
    doc["scales"][0]["levels"] = [
        {"ordinal": 0, "name": "Ingen"},
        {"ordinal": 1, "name": "Litt", "percent": 40},
        {"ordinal": 2, "name": "Mye"},
    ]
    assert [lv.percent for lv in parse_framework(doc).scales[0].levels] == [0.0, 40.0, 100.0]


def test_children_are_flattened_with_their_parent() -> None:
    doc = minimal()
    doc["areas"][0]["competences"][0]["children"] = [{"key": "a-1-1", "name": "Under første"}]
    doc["areas"][0]["competences"][1]["parent"] = "a-1"
    comps = parse_framework(doc).areas[0].competences
    assert [(c.key, c.parent) for c in comps] == [("a-1", None), ("a-1-1", "a-1"), ("a-2", "a-1")]


def test_document_round_trip_is_exact() -> None:
    doc = minimal()
    doc["areas"][0]["competences"][0]["children"] = [{"key": "a-1-1", "name": "Under"}]
    doc["source"] = {"title": "Plan", "date": "2024", "url": "https://example.no/plan"}
    spec = parse_framework(doc)
    assert parse_framework(to_document(spec)) == spec
    assert parse_framework(json.loads(to_json_text(spec))) == spec


def test_unused_scales_are_dropped_and_order_is_normal() -> None:
    doc = minimal()
    doc["scales"].insert(
        0,
        {"key": "ubrukt", "name": "U", "levels": [{"ordinal": 1, "name": "x"}, {"ordinal": 2, "name": "y"}]},
    )
    assert [s.key for s in parse_framework(doc).scales] == ["tre"]


def _refused(doc: Any) -> FrameworkFileError:
    with pytest.raises(FrameworkFileError) as info:
        parse_framework(doc)
    return info.value


def _without(path: list[Any], field: str) -> dict[str, Any]:
    doc = minimal()
    target: Any = doc
    for step in path:
        target = target[step]
    del target[field]
    return doc


def _with(path: list[Any], value: Any) -> dict[str, Any]:
    doc = minimal()
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


def _twice_area() -> dict[str, Any]:
    doc = minimal()
    doc["areas"].append({"key": "a", "name": "Igjen"})
    return doc


def _cycle() -> dict[str, Any]:
    doc = minimal()
    doc["areas"][0]["competences"][0]["parent"] = "a-2"
    doc["areas"][0]["competences"][1]["parent"] = "a-1"
    return doc


CASES = [
    # (document, expected Norwegian text, expected English text, JSON path)
    (_without([], "name"), "mangler feltet «name»", "the field 'name' is missing", ""),
    (
        _without(["areas", 0, "competences", 1], "name"),
        "kompetanse 2 («a-2»)",
        "competence 2 ('a-2')",
        "areas[0].competences[1]",
    ),
    (
        _with(["areas", 0, "competences", 0, "scale"], "fem"),
        "skalaen «fem» er ikke definert",
        "the scale 'fem' is not defined",
        "areas[0].competences[0].scale",
    ),
    (_with(["default_scale"], "fem"), "skalaen «fem» er ikke definert", "not defined", "default_scale"),
    (
        _with(["areas", 0, "competences", 1, "key"], "a-1"),
        "kompetansenøkkelen «a-1» er brukt før",
        "used earlier",
        "areas[0].competences[1].key",
    ),
    (
        _with(["areas", 0, "competences", 1, "code"], "a.1"),
        "koden «a.1» er brukt",
        "code 'a.1' is used",
        "areas[0].competences[1].code",
    ),
    (
        _twice_area(),
        "området «a» står mer enn én gang",
        "appears more than once",
        "areas[1].key",
    ),
    (
        _with(["areas", 0, "competences", 0, "critical"], "ja"),
        "skal være true eller false",
        "must be true or false",
        "areas[0].competences[0].critical",
    ),
    (_with(["version"], "2"), "skal være et heltall", "must be a whole number", "version"),
    (_with(["version"], 0), "utenfor det tillatte området", "outside the allowed range", "version"),
    (_with(["areas", 0, "name"], 17), "skal være tekst", "must be text", "areas[0].name"),
    (
        _with(["areas", 0, "competences"], {"key": "x"}),
        "skal være en liste",
        "must be a list",
        "areas[0].competences",
    ),
    (
        _with(["areas", 0, "competences", 0, "kind"], "kurs"),
        "ikke en gyldig type",
        "not a valid kind",
        "areas[0].competences[0].kind",
    ),
    (
        _with(["areas", 0, "competences", 0, "validity_months"], 0),
        "utenfor",
        "outside",
        "areas[0].competences[0].validity_months",
    ),
    (
        _with(["areas", 0, "competences", 0, "critcal"], True),
        "ukjent felt «critcal»",
        "unknown field 'critcal'",
        "areas[0].competences[0]",
    ),
    (_with(["key"], "vår plan"), "ikke en gyldig nøkkel", "not a valid key", "key"),
    (
        _with(["format"], "noe-annet"),
        "ikke en rammeverksfil",
        "not a Kompetanseregister framework file",
        "format",
    ),
    (
        _with(["format_version"], 2),
        "nyere versjon av programmet",
        "newer version of the application",
        "format_version",
    ),
    (
        _with(["scales", 0, "levels", 1, "percent"], 10),
        "prosentene må øke",
        "must increase",
        "scales[0].levels",
    ),
    (
        _with(["scales", 0, "levels", 1, "percent"], 120),
        "utenfor 0-100",
        "outside 0-100",
        "scales[0].levels[1].percent",
    ),
    (
        _with(["scales", 0, "levels"], [{"ordinal": 1, "name": "Bare én"}]),
        "minst to nivåer",
        "at least two levels",
        "scales[0].levels",
    ),
    (
        _with(["scales", 0, "levels", 1, "ordinal"], 1),
        "samme «ordinal»",
        "same 'ordinal'",
        "scales[0].levels",
    ),
    (_with(["areas"], []), "kan ikke være tom", "cannot be empty", "areas"),
    (_cycle(), "ligger (indirekte) under seg selv", "lies (indirectly) under itself", None),
    (
        _with(["areas", 0, "competences", 0, "parent"], "finnes-ikke"),
        "«finnes-ikke» finnes ikke",
        "does not exist",
        "areas[0].competences[0].parent",
    ),
    (
        _with(["areas", 0, "competences", 0, "name"], "   "),
        "kan ikke være tom",
        "cannot be empty",
        "areas[0].competences[0].name",
    ),
    (
        _with(["areas", 0, "competences", 0, "name"], "x" * 301),
        "høyst 300",
        "at most 300",
        "areas[0].competences[0].name",
    ),
    ([1, 2, 3], "skal være et objekt", "must be an object", ""),
]


@pytest.mark.parametrize(("doc", "nb", "en", "path"), CASES)
def test_bad_documents_are_refused_with_the_place_named(doc: Any, nb: str, en: str, path: str | None) -> None:
    error = _refused(doc)
    assert error.message("nb").startswith("Feil i rammeverksfilen")
    assert nb in error.message("nb")
    assert error.message("en").startswith("Error in the framework file")
    assert en in error.message("en")
    if path is not None:
        assert error.location == path


def test_bad_json_names_line_and_column() -> None:
    with pytest.raises(FrameworkFileError) as info:
        load_json_bytes(b'{\n  "format": "kompetanseregister-framework",\n  "key": }')
    assert "linje 3, kolonne 10" in info.value.message("nb")
    assert "line 3, column 10" in info.value.message("en")


def test_duplicate_fields_in_one_object_are_refused() -> None:
    with pytest.raises(FrameworkFileError) as info:
        load_json_bytes(b'{"name": "A", "name": "B"}')
    assert "«name» står to ganger" in info.value.message("nb")


def test_text_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(FrameworkFileError) as info:
        load_json_bytes('{"name": "Østre"}'.encode("latin-1"))
    assert "ikke UTF-8" in info.value.message("nb")
    assert "not UTF-8" in info.value.message("en")


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(minimal()).encode())
    assert read_framework_file(path).key == "var-plan"


def test_oversized_files_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "stor.json"
    path.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(FrameworkFileError) as info:
        read_framework_file(path)
    assert "for stor" in info.value.message("nb") and "too large" in info.value.message("en")
    small = tmp_path / "liten.json"
    small.write_bytes(b"x" * 100)
    with pytest.raises(FrameworkFileError):
        read_capped(small, limit=10)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        read_framework_file(tmp_path / "borte.json")
    assert "Fant ikke filen" in info.value.message("nb")


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(FrameworkFileError):
        load_json_bytes(b"[" * 100_000 + b"]" * 100_000)
