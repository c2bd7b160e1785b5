"""Keys for what users create in the app (copies, areas, competences, scales): readable and unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

_NORWEGIAN = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
_NOT_KEY = re.compile(r"[^a-z0-9.]+")


def slugify(text: str, *, fallback: str = "x", max_len: int = 60) -> str:
    """ "Østre Toten – vår utgave" → "ostre-toten-var-utgave"."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_NORWEGIAN)).encode("ascii", "ignore").decode()
    slug = _NOT_KEY.sub("-", ascii_text.lower()).strip("-.")
    return slug[:max_len].strip("-.") or fallback


def unique_key(
    session: Session,
    column: InstrumentedAttribute[str],
    base: str,
    *where: object,
    taken: Collection[str] = (),
) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free in ``column`` (within ``where``)."""
    stmt = select(column).where(column.like(f"{base}%"), *where)  # type: ignore[arg-type]
    used = set(session.scalars(stmt)) | set(taken)
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
