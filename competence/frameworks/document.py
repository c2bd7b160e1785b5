"""Writing a framework file: :class:`FrameworkSpec` → JSON document (the inverse of ``parse``).

The output is meant for people as much as for the program: fields in a fixed, readable order,
empty optional fields left out, two-space indentation, UTF-8 without escapes, one trailing
newline, so that two versions of a file diff cleanly.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from competence.errors import ValidationError
from competence.frameworks.fields import COMPETENCE_FIELDS, content_of
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
from db.engine import ensure_private_dir

#: A competence in a file: its key, these content fields, its scale and parent, then its texts.
FILE_HEAD = COMPETENCE_FIELDS.index("validity_months") + 1


def to_document(spec: FrameworkSpec) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "key": spec.key,
        "version": spec.version,
        "name": spec.name,
        "name_en": spec.name_en,
        "owner": spec.owner,
        "source": source_to_dict(spec.source) if spec.source else None,
        "description": spec.description,
        "default_scale": spec.default_scale,
        "scales": [_scale(scale) for scale in spec.scales],
        "areas": [_area(area) for area in spec.areas],
    }
    return _compact(doc)


def to_json_text(spec: FrameworkSpec) -> str:
    return json.dumps(to_document(spec), ensure_ascii=False, indent=2) + "\n"


def write_document(spec: FrameworkSpec, path: Path) -> Path:
    """Write the file atomically (a half-written file never replaces a good one)."""
    text = to_json_text(spec)
    target = path.expanduser()
    folder = target.parent
    try:
        ensure_private_dir(folder, enforce=False)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ValidationError(
            f"Kan ikke skrive filen {target}: {exc.strerror or exc}.",
            f"Cannot write the file {target}: {exc.strerror or exc}.",
            field="file",
        ) from None
    return target


def source_to_dict(source: SourceSpec) -> dict[str, Any]:
    return _compact(
        {
            "title": source.title,
            "publisher": source.publisher,
            "date": source.date,
            "url": source.url,
            "licence": source.licence,
        }
    )


def source_to_column(source: SourceSpec | None) -> str | None:
    """The value stored in ``framework.source``: the file's source object as JSON text."""
    return json.dumps(source_to_dict(source), ensure_ascii=False) if source else None


def source_from_column(value: str | None) -> SourceSpec | None:
    """Read ``framework.source`` back; plain text (not written by this module) becomes the title."""
    if not value:
        return None
    try:
        data = json.loads(value)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("title"), str):
        return SourceSpec(
            title=data["title"],
            publisher=data.get("publisher"),
            date=data.get("date"),
            url=data.get("url"),
            licence=data.get("licence"),
        )
    return SourceSpec(title=value)


def _scale(scale: ScaleSpec) -> dict[str, Any]:
    return _compact(
        {
            "key": scale.key,
            "name": scale.name,
            "name_en": scale.name_en,
            "levels": [_level(level) for level in scale.levels],
        }
    )


def _level(level: LevelSpec) -> dict[str, Any]:
    percent: float | int = int(level.percent) if float(level.percent).is_integer() else level.percent
    return _compact(
        {
            "ordinal": level.ordinal,
            "name": level.name,
            "name_en": level.name_en,
            "band": level.band,
            "band_en": level.band_en,
            "description": level.description,
            "description_en": level.description_en,
            "percent": percent,
        }
    )


def _area(area: AreaSpec) -> dict[str, Any]:
    return _compact(
        {
            "key": area.key,
            "code": area.code,
            "name": area.name,
            "name_en": area.name_en,
            "description": area.description,
            "competences": [_competence(comp) for comp in area.competences],
        }
    )


def _competence(comp: CompetenceSpec) -> dict[str, Any]:
    content = content_of(comp)
    first, rest = COMPETENCE_FIELDS[:FILE_HEAD], COMPETENCE_FIELDS[FILE_HEAD:]
    return _compact(
        {
            "key": comp.key,
            **{name: content[name] for name in first},
            "scale": comp.scale,
            "parent": comp.parent,
            **{name: content[name] for name in rest},
        }
    )


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out what is empty (None, an empty list, ``critical: false``), keep the field order."""
    return {
        name: value
        for name, value in values.items()
        if value is not None and value != [] and not (name == "critical" and value is False)
    }
