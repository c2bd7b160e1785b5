"""Reading a framework file: full validation, with errors that name the place in the file.

Nothing here touches the database. A file is refused as a whole on its first problem; the
message says where (``område 3 («s8») → kompetanse 2 («ot-8-2») → feltet «name»``) and what is
wrong, in bokmål and English, so a person editing the JSON by hand can find and fix it.

Normal form of the result: see :mod:`competence.frameworks.spec`.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from competence.errors import ValidationError
from competence.frameworks.fields import COMPETENCE_FIELDS, COMPETENCE_TEXTS
from competence.frameworks.spec import (
    FORMAT_NAME,
    FORMAT_VERSION,
    AreaSpec,
    CompetenceSpec,
    FrameworkSpec,
    LevelSpec,
    ScaleSpec,
    SourceSpec,
)
from competence.identifiers import clean_text
from competence.numbers import format_percent
from competence.scales import default_percent
from db.codes import CompetenceKind

#: Largest framework file accepted (the built-in ones are well under 100 kB).
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_AREAS = 1000
MAX_COMPETENCES = 10_000
MAX_LEVELS = 21
MAX_NESTING = 8
MAX_VALIDITY_MONTHS = 600
#: Keys: letters, digits and . _ - ; what the built-in files use ("s6", "digcomp-4.2", "hms-leder").
KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_KEY = 80

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


class FrameworkFileError(ValidationError):
    """A framework file that cannot be used; ``location`` is the JSON path of the problem."""

    code = "framework_file"

    def __init__(self, message_nb: str, message_en: str, *, location: str = "") -> None:
        super().__init__(message_nb, message_en, field=location or None, code=self.code)
        self.location = location


@dataclass(frozen=True)
class Place:
    """Where in the file a value sits, readable in both languages and as a JSON path."""

    nb: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    path: str = ""

    def field(self, name: str) -> Place:
        return Place(
            (*self.nb, f"feltet «{name}»"),
            (*self.en, f"field '{name}'"),
            f"{self.path}.{name}" if self.path else name,
        )

    def item(self, what_nb: str, what_en: str, index: int, key: object = None) -> Place:
        label = f" («{key}»)" if isinstance(key, str) and key else ""
        label_en = f" ('{key}')" if isinstance(key, str) and key else ""
        return Place(
            (*self.nb[:-1], f"{what_nb} {index + 1}{label}"),
            (*self.en[:-1], f"{what_en} {index + 1}{label_en}"),
            f"{self.path}[{index}]",
        )

    def error(self, problem_nb: str, problem_en: str) -> FrameworkFileError:
        where_nb = " → ".join(self.nb)
        where_en = " → ".join(self.en)
        return FrameworkFileError(
            f"Feil i rammeverksfilen{', ' + where_nb if where_nb else ''}: {problem_nb}",
            f"Error in the framework file{', ' + where_en if where_en else ''}: {problem_en}",
            location=self.path,
        )


ROOT = Place()


# ------------------------------------------------------------------------------------------------
# Files and JSON
# ------------------------------------------------------------------------------------------------


def read_framework_file(path: Path) -> FrameworkSpec:
    """Read, decode and validate a framework file; :class:`FrameworkFileError` on any problem."""
    return parse_framework(load_json_bytes(read_capped(path)))


def read_capped(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing files over ``limit`` (checked on the bytes read, not only stat)."""
    try:
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
            size = len(data)
    except FileNotFoundError:
        raise ValidationError(
            f"Fant ikke filen {path}.", f"The file {path} was not found.", field="file"
        ) from None
    except OSError as exc:
        raise ValidationError(
            f"Kan ikke lese filen {path}: {exc.strerror or exc}.",
            f"Cannot read the file {path}: {exc.strerror or exc}.",
            field="file",
        ) from None
    if size > limit:
        raise FrameworkFileError(
            f"Filen er for stor ({size / 1_048_576:.1f} MB). En rammeverksfil kan være høyst "
            f"{limit / 1_048_576:.0f} MB.",
            f"The file is too large ({size / 1_048_576:.1f} MB). A framework file can be at most "
            f"{limit / 1_048_576:.0f} MB.",
        )
    return data


def load_json_bytes(data: bytes) -> object:
    """Decode UTF-8 JSON (a BOM is allowed), refusing duplicate field names in one object."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FrameworkFileError(
            f"Filen er ikke UTF-8-tekst (ugyldig byte ved posisjon {exc.start}). Lagre den som UTF-8.",
            f"The file is not UTF-8 text (invalid byte at position {exc.start}). Save it as UTF-8.",
        ) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_fields)
    except json.JSONDecodeError as exc:
        raise FrameworkFileError(
            f"Filen er ikke gyldig JSON: linje {exc.lineno}, kolonne {exc.colno} ({exc.msg}).",
            f"The file is not valid JSON: line {exc.lineno}, column {exc.colno} ({exc.msg}).",
        ) from None
    except RecursionError:
        raise FrameworkFileError(
            "Filen er nøstet for dypt til å være en rammeverksfil.",
            "The file is nested too deeply to be a framework file.",
        ) from None


def _no_duplicate_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise FrameworkFileError(
                f"Feil i rammeverksfilen: feltet «{name}» står to ganger i samme objekt.",
                f"Error in the framework file: the field '{name}' appears twice in the same object.",
                location=name,
            )
        result[name] = value
    return result


# ------------------------------------------------------------------------------------------------
# Values
# ------------------------------------------------------------------------------------------------


def _object(value: object, place: Place) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise place.error(
            f"skal være et objekt ({{...}}), ikke {_kind_nb(value)}.",
            f"must be an object ({{...}}), not {_kind_en(value)}.",
        )
    return value


def _list(value: object, place: Place, *, limit: int, allow_empty: bool = True) -> list[Any]:
    if not isinstance(value, list):
        raise place.error(
            f"skal være en liste ([...]), ikke {_kind_nb(value)}.",
            f"must be a list ([...]), not {_kind_en(value)}.",
        )
    if not value and not allow_empty:
        raise place.error("listen kan ikke være tom.", "the list cannot be empty.")
    if len(value) > limit:
        raise place.error(
            f"listen har {len(value)} elementer; høyst {limit} er tillatt.",
            f"the list has {len(value)} items; at most {limit} are allowed.",
        )
    return value


def _fields(obj: dict[str, Any], place: Place, required: Iterable[str], optional: Iterable[str]) -> None:
    required = tuple(required)
    allowed = set(required) | set(optional)
    for name in required:
        if name not in obj or obj[name] is None:
            raise place.error(f"mangler feltet «{name}».", f"the field '{name}' is missing.")
    unknown = sorted(set(obj) - allowed)
    if unknown:
        names = ", ".join(f"«{n}»" for n in unknown)
        names_en = ", ".join(f"'{n}'" for n in unknown)
        raise place.error(
            f"ukjent felt {names} (tillatt her: {', '.join(sorted(allowed))}).",
            f"unknown field {names_en} (allowed here: {', '.join(sorted(allowed))}).",
        )


def _text(
    obj: dict[str, Any],
    name: str,
    place: Place,
    *,
    max_len: int,
    required: bool = False,
    multiline: bool = False,
) -> str | None:
    value = obj.get(name)
    where = place.field(name)
    if value is None:
        if required:
            raise place.error(f"mangler feltet «{name}».", f"the field '{name}' is missing.")
        return None
    if not isinstance(value, str):
        raise where.error(
            f"skal være tekst, ikke {_kind_nb(value)}.", f"must be text, not {_kind_en(value)}."
        )
    text = clean_multiline(value) if multiline else clean_text(value)
    if _CONTROL.search(text):
        raise where.error("inneholder kontrolltegn.", "contains control characters.")
    if not text:
        if required:
            raise where.error("kan ikke være tom.", "cannot be empty.")
        return None
    if len(text) > max_len:
        raise where.error(
            f"er {len(text)} tegn lang; høyst {max_len} er tillatt.",
            f"is {len(text)} characters long; at most {max_len} are allowed.",
        )
    return text


def clean_multiline(value: str) -> str:
    """NFC, Unix line ends, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _key(obj: dict[str, Any], name: str, place: Place) -> str:
    text = _text(obj, name, place, max_len=MAX_KEY, required=True)
    assert text is not None
    if not KEY_PATTERN.match(text):
        raise place.field(name).error(
            f"«{text}» er ikke en gyldig nøkkel (bruk bokstavene a-z, sifre, punktum, _ og -).",
            f"'{text}' is not a valid key (use the letters a-z, digits, full stop, _ and -).",
        )
    return text


def _int(
    obj: dict[str, Any], name: str, place: Place, *, low: int, high: int, required: bool = False
) -> int | None:
    value = obj.get(name)
    if value is None:
        if required:
            raise place.error(f"mangler feltet «{name}».", f"the field '{name}' is missing.")
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise place.field(name).error(
            f"skal være et heltall, ikke {_kind_nb(value)}.",
            f"must be a whole number, not {_kind_en(value)}.",
        )
    if not low <= value <= high:
        raise place.field(name).error(
            f"{value} er utenfor det tillatte området {low}-{high}.",
            f"{value} is outside the allowed range {low}-{high}.",
        )
    return value


def _bool(obj: dict[str, Any], name: str, place: Place) -> bool:
    value = obj.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise place.field(name).error(
            f"skal være true eller false, ikke {_kind_nb(value)}.",
            f"must be true or false, not {_kind_en(value)}.",
        )
    return value


def _kind_nb(value: object) -> str:
    return {
        dict: "et objekt",
        list: "en liste",
        str: "tekst",
        bool: "true/false",
        int: "et tall",
        float: "et tall",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _kind_en(value: object) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


# ------------------------------------------------------------------------------------------------
# The document
# ------------------------------------------------------------------------------------------------

_TOP_REQUIRED = ("format", "format_version", "key", "version", "name", "scales", "default_scale", "areas")
_TOP_OPTIONAL = ("name_en", "owner", "source", "description")


def parse_framework(data: object) -> FrameworkSpec:
    """Validate a decoded JSON document and return its :class:`FrameworkSpec`."""
    doc = _object(data, ROOT)
    if doc.get("format") != FORMAT_NAME:
        raise ROOT.field("format").error(
            f"dette er ikke en rammeverksfil for Kompetanseregister (forventet «{FORMAT_NAME}»).",
            f"this is not a Kompetanseregister framework file (expected '{FORMAT_NAME}').",
        )
    _fields(doc, ROOT, _TOP_REQUIRED, _TOP_OPTIONAL)
    fmt = doc["format_version"]
    if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt > FORMAT_VERSION:
        raise ROOT.field("format_version").error(
            f"filen er laget for en nyere versjon av programmet (format {fmt}; denne versjonen leser "
            f"format {FORMAT_VERSION}). Oppdater Kompetanseregister.",
            f"the file was made for a newer version of the application (format {fmt}; this version "
            f"reads format {FORMAT_VERSION}). Update Kompetanseregister.",
        )
    _int(doc, "format_version", ROOT, low=FORMAT_VERSION, high=FORMAT_VERSION, required=True)
    key = _key(doc, "key", ROOT)
    version = _int(doc, "version", ROOT, low=1, high=1_000_000, required=True)
    assert version is not None
    name = _text(doc, "name", ROOT, max_len=200, required=True)
    assert name is not None
    scales = _scales(doc["scales"], ROOT.field("scales"))
    by_key = {scale.key: scale for scale in scales}
    default_scale = _key(doc, "default_scale", ROOT)
    if default_scale not in by_key:
        raise ROOT.field("default_scale").error(
            f"skalaen «{default_scale}» er ikke definert under «scales».",
            f"the scale '{default_scale}' is not defined under 'scales'.",
        )
    areas = _areas(doc["areas"], ROOT.field("areas"), by_key, default_scale)
    used = scale_order(default_scale, (c.scale for a in areas for c in a.competences))
    return FrameworkSpec(
        key=key,
        version=version,
        name=name,
        name_en=_text(doc, "name_en", ROOT, max_len=200),
        owner=_text(doc, "owner", ROOT, max_len=200),
        source=_source(doc.get("source"), ROOT.field("source")),
        description=_text(doc, "description", ROOT, max_len=4000, multiline=True),
        scales=tuple(by_key[scale_key] for scale_key in used),
        default_scale=default_scale,
        areas=areas,
    )


def scale_order(default_scale: str, used: Iterable[str | None]) -> list[str]:
    """The scales a framework lists: its default scale first, then the others in order of first use.

    Scales a file defines but no competence uses are dropped; the database side
    (:func:`competence.frameworks.store.read_spec`) orders the same way, so specs compare equal.
    """
    order = [default_scale]
    for key in used:
        if key and key not in order:
            order.append(key)
    return order


def _source(value: object, place: Place) -> SourceSpec | None:
    if value is None:
        return None
    obj = _object(value, place)
    _fields(obj, place, ("title",), ("publisher", "date", "url", "licence"))
    title = _text(obj, "title", place, max_len=500, required=True)
    assert title is not None
    return SourceSpec(
        title=title,
        publisher=_text(obj, "publisher", place, max_len=300),
        date=_text(obj, "date", place, max_len=40),
        url=_text(obj, "url", place, max_len=500),
        licence=_text(obj, "licence", place, max_len=200),
    )


def _scales(value: object, place: Place) -> list[ScaleSpec]:
    items = _list(value, place, limit=100, allow_empty=False)
    scales: list[ScaleSpec] = []
    seen: set[str] = set()
    for index, raw in enumerate(items):
        key_hint = raw.get("key") if isinstance(raw, dict) else None
        where = place.item("skala", "scale", index, key_hint)
        obj = _object(raw, where)
        _fields(obj, where, ("key", "name", "levels"), ("name_en",))
        key = _key(obj, "key", where)
        if key in seen:
            raise where.field("key").error(
                f"skalaen «{key}» er definert mer enn én gang.",
                f"the scale '{key}' is defined more than once.",
            )
        seen.add(key)
        name = _text(obj, "name", where, max_len=200, required=True)
        assert name is not None
        scales.append(
            ScaleSpec(key, name, _text(obj, "name_en", where, max_len=200), _levels(obj["levels"], where))
        )
    return scales


def _levels(value: object, scale_place: Place) -> tuple[LevelSpec, ...]:
    place = scale_place.field("levels")
    items = _list(value, place, limit=MAX_LEVELS)
    if len(items) < 2:
        raise place.error("en skala må ha minst to nivåer.", "a scale must have at least two levels.")
    raw_levels: list[tuple[Place, dict[str, Any], int]] = []
    for index, raw in enumerate(items):
        where = place.item("nivå", "level", index)
        obj = _object(raw, where)
        _fields(
            obj,
            where,
            ("ordinal", "name"),
            ("name_en", "band", "band_en", "description", "description_en", "percent"),
        )
        ordinal = _int(obj, "ordinal", where, low=0, high=100, required=True)
        assert ordinal is not None
        raw_levels.append((where, obj, ordinal))
    ordinals = [ordinal for _, _, ordinal in raw_levels]
    if len(set(ordinals)) != len(ordinals):
        raise place.error("to nivåer har samme «ordinal».", "two levels have the same 'ordinal'.")
    top = max(ordinals)
    levels: list[LevelSpec] = []
    for where, obj, ordinal in sorted(raw_levels, key=lambda item: item[2]):
        name = _text(obj, "name", where, max_len=120, required=True)
        assert name is not None
        levels.append(
            LevelSpec(
                ordinal=ordinal,
                name=name,
                name_en=_text(obj, "name_en", where, max_len=120),
                band=_text(obj, "band", where, max_len=120),
                band_en=_text(obj, "band_en", where, max_len=120),
                description=_text(obj, "description", where, max_len=4000, multiline=True),
                description_en=_text(obj, "description_en", where, max_len=4000, multiline=True),
                percent=_percent(obj, where, ordinal, top),
            )
        )
    for lower, higher in itertools.pairwise(levels):
        if higher.percent <= lower.percent:
            high_nb, low_nb = format_percent(higher.percent, 2, "nb"), format_percent(lower.percent, 2, "nb")
            high_en, low_en = format_percent(higher.percent, 2, "en"), format_percent(lower.percent, 2, "en")
            raise place.error(
                f"prosentene må øke med nivået (nivå {higher.ordinal} har {high_nb}, "
                f"nivå {lower.ordinal} har {low_nb}).",
                f"the percentages must increase with the level (level {higher.ordinal} has "
                f"{high_en}, level {lower.ordinal} has {low_en}).",
            )
    return tuple(levels)


def _percent(obj: dict[str, Any], place: Place, ordinal: int, top: int) -> float:
    value = obj.get("percent")
    if value is None:
        return default_percent(ordinal, top)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise place.field("percent").error(
            f"skal være et tall mellom 0 og 100, ikke {_kind_nb(value)}.",
            f"must be a number between 0 and 100, not {_kind_en(value)}.",
        )
    if not 0 <= value <= 100:
        raise place.field("percent").error(f"{value:g} er utenfor 0-100.", f"{value:g} is outside 0-100.")
    return float(value)


_COMPETENCE_REQUIRED = ("key", "name")
_COMPETENCE_OPTIONAL = (*(f for f in COMPETENCE_FIELDS if f != "name"), "scale", "children", "parent")


@dataclass
class _AreaContext:
    scales: dict[str, ScaleSpec]
    default_scale: str
    keys: dict[str, Place]
    codes: dict[str, Place]
    count: int = 0


def _areas(
    value: object, place: Place, scales: dict[str, ScaleSpec], default_scale: str
) -> tuple[AreaSpec, ...]:
    items = _list(value, place, limit=MAX_AREAS, allow_empty=False)
    ctx = _AreaContext(scales, default_scale, {}, {})
    area_keys: set[str] = set()
    areas: list[AreaSpec] = []
    for index, raw in enumerate(items):
        key_hint = raw.get("key") if isinstance(raw, dict) else None
        where = place.item("område", "area", index, key_hint)
        obj = _object(raw, where)
        _fields(obj, where, ("key", "name"), ("code", "name_en", "description", "competences"))
        key = _key(obj, "key", where)
        if key in area_keys:
            raise where.field("key").error(
                f"området «{key}» står mer enn én gang.", f"the area '{key}' appears more than once."
            )
        area_keys.add(key)
        name = _text(obj, "name", where, max_len=200, required=True)
        assert name is not None
        competences: list[CompetenceSpec] = []
        raw_comps = obj.get("competences")
        if raw_comps is not None:
            comp_place = where.field("competences")
            for c_index, c_raw in enumerate(_list(raw_comps, comp_place, limit=MAX_COMPETENCES)):
                _competence(c_raw, comp_place, c_index, ctx, None, 0, competences)
        areas.append(
            AreaSpec(
                key=key,
                code=_text(obj, "code", where, max_len=40),
                name=name,
                name_en=_text(obj, "name_en", where, max_len=200),
                description=_text(obj, "description", where, max_len=4000, multiline=True),
                competences=tuple(competences),
            )
        )
    _check_parents(areas, ctx)
    return tuple(areas)


def _competence(
    raw: object,
    list_place: Place,
    index: int,
    ctx: _AreaContext,
    parent: str | None,
    depth: int,
    out: list[CompetenceSpec],
) -> None:
    key_hint = raw.get("key") if isinstance(raw, dict) else None
    where = list_place.item("kompetanse", "competence", index, key_hint)
    obj = _object(raw, where)
    _fields(obj, where, _COMPETENCE_REQUIRED, _COMPETENCE_OPTIONAL)
    ctx.count += 1
    if ctx.count > MAX_COMPETENCES:
        raise where.error(
            f"filen har mer enn {MAX_COMPETENCES} kompetanser.",
            f"the file has more than {MAX_COMPETENCES} competences.",
        )
    key = _key(obj, "key", where)
    if key in ctx.keys:
        raise where.field("key").error(
            f"kompetansenøkkelen «{key}» er brukt før i filen; nøkler må være unike i rammeverket.",
            f"the competence key '{key}' is used earlier in the file; keys must be unique in the framework.",
        )
    ctx.keys[key] = where
    texts = {
        t.name: _text(obj, t.name, where, max_len=t.max_len, required=t.required, multiline=t.multiline)
        for t in COMPETENCE_TEXTS
    }
    code = texts["code"]
    if code is not None:
        if code.casefold() in ctx.codes:
            raise where.field("code").error(
                f"koden «{code}» er brukt av en annen kompetanse i filen.",
                f"the code '{code}' is used by another competence in the file.",
            )
        ctx.codes[code.casefold()] = where
    kind = _text(obj, "kind", where, max_len=20) or CompetenceKind.SKILL
    if CompetenceKind.known(kind) is None:
        raise where.field("kind").error(
            f"«{kind}» er ikke en gyldig type (bruk «skill» eller «certificate»).",
            f"'{kind}' is not a valid kind (use 'skill' or 'certificate').",
        )
    scale = _text(obj, "scale", where, max_len=MAX_KEY)
    if scale is not None and scale not in ctx.scales:
        raise where.field("scale").error(
            f"skalaen «{scale}» er ikke definert under «scales».",
            f"the scale '{scale}' is not defined under 'scales'.",
        )
    own_parent = _text(obj, "parent", where, max_len=MAX_KEY)
    if own_parent is not None and parent is not None:
        raise where.field("parent").error(
            "en kompetanse under «children» har allerede en overordnet; fjern «parent».",
            "a competence under 'children' already has a parent; remove 'parent'.",
        )
    out.append(
        CompetenceSpec(
            key=key,
            **texts,  # type: ignore[arg-type]  # "name" is required, so never None
            kind=kind,
            critical=_bool(obj, "critical", where),
            validity_months=_int(obj, "validity_months", where, low=1, high=MAX_VALIDITY_MONTHS),
            scale=None if scale == ctx.default_scale else scale,
            parent=parent or own_parent,
        )
    )
    children = obj.get("children")
    if children is not None:
        if depth + 1 >= MAX_NESTING:
            raise where.field("children").error(
                f"kompetanser kan nøstes høyst {MAX_NESTING} nivåer dypt.",
                f"competences can be nested at most {MAX_NESTING} levels deep.",
            )
        child_place = where.field("children")
        for c_index, c_raw in enumerate(_list(children, child_place, limit=MAX_COMPETENCES)):
            _competence(c_raw, child_place, c_index, ctx, key, depth + 1, out)


def _check_parents(areas: list[AreaSpec], ctx: _AreaContext) -> None:
    parents = {c.key: c.parent for a in areas for c in a.competences}
    for key, parent in parents.items():
        if parent is None:
            continue
        where = ctx.keys[key].field("parent")
        if parent not in parents:
            raise where.error(
                f"den overordnede kompetansen «{parent}» finnes ikke i filen.",
                f"the parent competence '{parent}' does not exist in the file.",
            )
        seen = {key}
        step: str | None = parent
        while step is not None:
            if step in seen:
                raise where.error(
                    f"«{key}» ligger (indirekte) under seg selv.", f"'{key}' lies (indirectly) under itself."
                )
            seen.add(step)
            step = parents[step]
