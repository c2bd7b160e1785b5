"""One status, one colour: the same on every screen as in the workbooks and the printed plans
(:mod:`competence.export.palette`, chosen to stay apart when printed in greyscale).

* met, better: green;
* near (met by 60-89 %), due soon, short of a target not yet due: yellow;
* behind: a gap, a requirement not met, no one holding a competence, worse, and anything past its
  date (a talk, a learning goal, a measure, a target, an expired certificate): pink;
* not assessed: grey;
* a mandatory course or qualification lacking (docs/compliance.md): orange while its deadline has
  not passed, dark red with white text once it has (the law's deadline, not a plan's).

A table paints a status cell with :attr:`Shade.fill` and its text with :attr:`Shade.text`; a label
that warns (something late or short, someone who has left) uses :data:`WARNING_STYLE`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from competence.export import palette


@dataclass(frozen=True)
class Shade:
    fill: QColor
    text: QColor


def _shade(colours: tuple[str, str]) -> Shade:
    return Shade(QColor(f"#{colours[0]}"), QColor(f"#{colours[1]}"))


MET = _shade(palette.MET)
NEAR = _shade(palette.NEAR)
GAP = _shade(palette.GAP)
NOT_ASSESSED = _shade(palette.NOT_ASSESSED)
MISSING = _shade(palette.MISSING)
OVERDUE = _shade(palette.OVERDUE)

#: Text that warns (a key figure over its mark, "3 forfalt", "Sluttet 01.03.2026"): the gap's red.
WARNING_TEXT = f"#{palette.GAP[1]}"
WARNING_STYLE = f"color: {WARNING_TEXT};"
