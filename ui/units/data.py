"""What the Enheter screen shows, prepared on a worker from :func:`competence.actions.figures.unit_figures`:
two heat tables (unit × competence, and unit × strategy area), the units to choose from, and the
dates of the trend of the share met over the last two years. Plain data: no Qt, no session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from competence.actions.figures import UnitFigures
from competence.compliance.report import DispensationInUse
from competence.gap import PERCENT_UNITS, GapReport, HeatCell, UnitRef
from competence.periods import quarter_ends
from competence.units import UnitView

# The row key of the first row: everyone in the selection, each person counted once.
TOTAL_ROW = 0


@dataclass(frozen=True)
class Figures:
    """The numbers behind one cell: requirements (person × competence), how many are met, how many
    are not assessed, and the mean gap in percentage points."""

    people: int
    met: int
    not_assessed: int
    mean_gap: float
    #: lacking a mandatory course (never taken or expired): *mangler*, docs/compliance.md
    missing: int = 0

    @property
    def share_met(self) -> float:
        return self.met / self.people if self.people else 0.0

    @property
    def share_not_assessed(self) -> float:
        return self.not_assessed / self.people if self.people else 0.0

    @property
    def none_assessed(self) -> bool:
        """Nobody behind the cell is assessed yet: shown as "ikke vurdert", never as a gap."""
        return self.people > 0 and self.not_assessed == self.people

    @staticmethod
    def of(cell: HeatCell) -> Figures:
        return Figures(cell.people, cell.met, cell.not_assessed, cell.mean_gap, cell.missing)


@dataclass(frozen=True)
class HeatColumn:
    """A competence (or a strategy area), under its group heading (its area, or its framework)."""

    id: int
    code: str | None
    name: str
    group: str
    tooltip: str
    critical: bool = False

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


@dataclass(frozen=True)
class HeatTable:
    """Rows: the total, then the units in tree order. ``cells`` is keyed by (row key, column id),
    where the row key is the unit id, or :data:`TOTAL_ROW`. The service's cells are kept as they
    are and turned into :class:`Figures` when shown (a municipality has hundreds of thousands)."""

    units: tuple[UnitRef, ...]
    columns: tuple[HeatColumn, ...]
    cells: Mapping[tuple[int, int], Figures | HeatCell]

    def cell(self, row_key: int, column_id: int) -> Figures | None:
        found = self.cells.get((row_key, column_id))
        return Figures.of(found) if isinstance(found, HeatCell) else found


@dataclass(frozen=True)
class UnitsData:
    report: GapReport
    units: tuple[UnitView, ...]
    unit_id: int | None
    subunits: bool
    at: dt.date
    competences: HeatTable
    areas: HeatTable
    #: the posts that rest on a dispensation (docs/compliance.md)
    dispensations: tuple[DispensationInUse, ...] = ()


def competence_table(report: GapReport, lang: str) -> HeatTable:
    """Names in the UI language: the frameworks carry English names beside the Norwegian."""
    heat = report.heatmap
    columns = tuple(
        HeatColumn(
            c.id,
            c.code,
            c.display_name(lang),
            c.area_label(lang),
            f"{c.framework_display(lang)} › {c.area_label(lang)}",
            c.critical,
        )
        for c in heat.competences
    )
    cells: dict[tuple[int, int], Figures | HeatCell] = dict(heat.cells)
    cells.update({(TOTAL_ROW, comp_id): cell for comp_id, cell in heat.totals.items()})
    return HeatTable(heat.units, columns, cells)


def area_table(report: GapReport, lang: str) -> HeatTable:
    """The strategy view: the same cells pooled per strategy area, each unit a row."""
    heat = report.heatmap
    area_of = {c.id: c.area_id for c in heat.competences}
    # requirements, met, not assessed, sum of gaps (in PERCENT_UNITS), missing
    sums: dict[tuple[int, int], list[int]] = {}
    for (unit_id, comp_id), cell in heat.cells.items():
        key = (unit_id, area_of[comp_id])
        total = sums.get(key)
        if total is None:
            total = sums[key] = [0, 0, 0, 0, 0]
        total[0] += cell.people
        total[1] += cell.met
        total[2] += cell.not_assessed
        total[3] += cell.gap_units
        total[4] += cell.missing
    cells: dict[tuple[int, int], Figures | HeatCell] = {
        key: Figures(n, met, na, gaps / (n * PERCENT_UNITS), missing)
        for key, (n, met, na, gaps, missing) in sums.items()
        if n
    }
    for a in report.areas:  # the total row counts each person once, as the report does
        cells[(TOTAL_ROW, a.area_id)] = Figures(a.items, a.met, a.not_assessed, a.mean_gap)
    columns = tuple(
        HeatColumn(
            a.area_id, a.area_code, a.display_name(lang), a.framework_display(lang), a.framework_display(lang)
        )
        for a in report.areas
    )
    return HeatTable(heat.units, columns, cells)


def _area_figures(cells: Iterable[HeatCell]) -> Figures | None:
    """Cells of one unit and strategy area pooled (None: nobody there has a requirement in it)."""
    n = met = na = gaps = missing = 0
    for cell in cells:
        n += cell.people
        met += cell.met
        na += cell.not_assessed
        gaps += cell.gap_units
        missing += cell.missing
    return Figures(n, met, na, gaps / (n * PERCENT_UNITS), missing) if n else None


def patched_units_data(
    old: UnitsData, report: GapReport, competence_ids: Collection[int], lang: str
) -> UnitsData:
    """``old`` with the report patched after the levels of ``competence_ids`` changed
    (:func:`competence.gap.patch_report`): the heat table of competences is the report's, and of
    the strategy areas only the units whose cells changed are pooled again, and the total row."""
    heat, before = report.heatmap, old.report.heatmap.cells
    wanted = set(competence_ids)
    touched = {u for (u, c), cell in heat.cells.items() if c in wanted and before.get((u, c)) != cell}
    touched |= {u for (u, c) in before if c in wanted and (u, c) not in heat.cells}
    in_area: dict[int, list[int]] = {}
    for ref in heat.competences:
        in_area.setdefault(ref.area_id, []).append(ref.id)
    cells = {
        key: value for key, value in old.areas.cells.items() if key[0] not in touched and key[0] != TOTAL_ROW
    }
    for unit_id in touched:
        for area_id, comps in in_area.items():
            pooled = _area_figures(
                found for c in comps if (found := heat.cells.get((unit_id, c))) is not None
            )
            if pooled is not None:
                cells[(unit_id, area_id)] = pooled
    for a in report.areas:
        cells[(TOTAL_ROW, a.area_id)] = Figures(a.items, a.met, a.not_assessed, a.mean_gap)
    areas = replace(old.areas, cells=cells)
    return replace(old, report=report, competences=competence_table(report, lang), areas=areas)


def units_data(figures: UnitFigures, lang: str) -> UnitsData:
    """The heat tables of the figures, with names in ``lang``."""
    report = figures.report
    return UnitsData(
        report,
        figures.units,
        figures.unit_id,
        figures.subunits,
        report.heatmap.at,
        competence_table(report, lang),
        area_table(report, lang),
        figures.dispensations,
    )


def trend_dates(today: dt.date) -> list[dt.date]:
    """The trend's dates: the end of each of the last eight quarters, and today."""
    return [*quarter_ends(today), today]


def row_keys(units: Sequence[UnitRef]) -> list[int]:
    """The row keys of a heat table in display order: the total first, then the units."""
    return [TOTAL_ROW, *(u.id for u in units)]
