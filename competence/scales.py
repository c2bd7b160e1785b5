"""Level scales: named levels, each with a 0-100 % value so that scales of different length compare."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.errors import ValidationError
from db.models import Competence, ScaleLevel


@dataclass(frozen=True)
class LevelView:
    id: int
    ordinal: int
    name: str
    name_en: str | None
    band: str | None
    percent: float
    description: str | None = None

    def label(self, lang: str = "nb") -> str:
        name = self.name_en if lang.startswith("en") and self.name_en else self.name
        return f"{self.ordinal} {name}"


def default_percent(ordinal: int, top: int) -> float:
    """Level ``ordinal`` of a 1..``top`` scale as a percentage (a 0 level is 0 %)."""
    if top <= 0:
        return 0.0
    return round(100.0 * max(ordinal, 0) / top, 4)


def levels_of_scale(session: Session, scale_id: int) -> list[LevelView]:
    stmt = select(ScaleLevel).where(ScaleLevel.scale_id == scale_id).order_by(ScaleLevel.ordinal)
    return [
        LevelView(lv.id, lv.ordinal, lv.name, lv.name_en, lv.band, lv.percent, lv.description)
        for lv in session.scalars(stmt)
    ]


def level_for(session: Session, competence: Competence, ordinal: int) -> ScaleLevel:
    """The level with ``ordinal`` on the competence's scale, or a clear error."""
    level = session.scalar(
        select(ScaleLevel).where(ScaleLevel.scale_id == competence.scale_id, ScaleLevel.ordinal == ordinal)
    )
    if level is None:
        valid = [lv.ordinal for lv in levels_of_scale(session, competence.scale_id)]
        span = f"{min(valid)}-{max(valid)}" if valid else "-"
        raise ValidationError(
            f"Nivå {ordinal} finnes ikke for «{competence.name}» (gyldige nivåer: {span}).",
            f"Level {ordinal} does not exist for '{competence.name_en or competence.name}' "
            f"(valid levels: {span}).",
            field="level",
        )
    return level
