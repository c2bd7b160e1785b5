"""One status, one colour (ui/status_colours.py): a status looks the same on the card, in Oversikt,
in the heatmap and in the workbooks."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtGui import QColor

from competence.export import palette
from competence.export.excel.compliance import STATUS_COLOURS
from db.codes import RequirementStatus, TalkDue
from ui import status_colours as tone
from ui.card.profile import status_shade as profile_shade
from ui.card.qualifications import status_shade as qualification_shade
from ui.overview.compliance_panel import status_shade as panel_shade
from ui.overview.talks_panel import due_shade
from ui.planning.targets import STATE_COLOURS
from ui.units import colours as heatmap


def _colours(pair: tuple[str, str]) -> tuple[QColor, QColor]:
    return QColor(f"#{pair[0]}"), QColor(f"#{pair[1]}")


def _with(status: Any) -> Any:
    return SimpleNamespace(status=status)


@pytest.mark.parametrize(
    ("status", "pair"),
    [
        (RequirementStatus.MISSING, palette.MISSING),
        (RequirementStatus.OVERDUE, palette.OVERDUE),
        (RequirementStatus.MET, palette.MET),
        (RequirementStatus.GAP, palette.GAP),
    ],
)
def test_a_requirements_status_looks_the_same_everywhere(
    status: RequirementStatus, pair: tuple[str, str]
) -> None:
    fill, text = _colours(pair)
    shades = [profile_shade(_with(status.value)), qualification_shade(_with(status))]
    if status.lacking:
        shades.append(panel_shade(_with(status)))
        assert STATUS_COLOURS[status] == pair  # the compliance workbook
    seen = [(s.fill.name(), s.text.name()) for s in shades]
    assert seen == [(fill.name(), text.name())] * len(shades)


def test_the_heatmap_uses_the_same_colours() -> None:
    assert (tone.MET.fill, tone.GAP.fill, tone.NEAR.fill) == (heatmap.MET, heatmap.GAP, heatmap.NEAR)
    assert _colours(palette.MISSING) == (heatmap.MISSING, heatmap.MISSING_MARK)


def test_what_is_late_by_a_plan_is_behind_and_what_is_soon_is_near() -> None:
    """A talk, a target past its date: pink; a talk due soon, a target short: yellow."""
    assert due_shade(_with(TalkDue.OVERDUE)) == tone.GAP
    assert due_shade(_with(TalkDue.DUE_SOON)) == tone.NEAR
    assert sorted(c.name() for c in STATE_COLOURS.values()) == sorted(
        c.name() for c in (tone.MET.fill, tone.NEAR.fill, tone.GAP.fill)
    )
