"""A unit's 10-FAKTOR results beside the municipality's, and their trend over the years.

docs/planning.md, "10-FAKTOR": a unit's figure for a year is its own result when the file had one;
else it is computed from the units below it that have results (each unit's mean weighted by how
many answered there), so a virksomhet surveyed per avdeling still has its figure. The
municipality's figure is the top unit's, or computed the same way from every unit. Results under
the minimum group size are never read, even if one was stored before the minimum was raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from competence.tenfactor.minimum import minimum_group
from db.codes import Factor
from db.models import OrgUnit
from db.planning import TenFactorResult

#: (unit id, year) -> factor -> (mean, respondents)
Results = dict[tuple[int, int], dict[Factor, tuple[float, int]]]


@dataclass(frozen=True)
class Figure:
    """The ten means of a unit (or the municipality) in a year."""

    means: dict[Factor, float]
    respondents: int
    #: computed from the units below, the unit had no result of its own
    computed: bool = False


@dataclass(frozen=True)
class FactorFigure:
    factor: Factor
    mean: float | None
    municipality: float | None
    #: the unit's mean in the year before with results
    previous: float | None

    @property
    def change(self) -> float | None:
        return None if self.mean is None or self.previous is None else self.mean - self.previous

    @property
    def difference(self) -> float | None:
        """The unit's mean minus the municipality's."""
        return None if self.mean is None or self.municipality is None else self.mean - self.municipality


@dataclass(frozen=True)
class SurveyView:
    unit_id: int | None
    #: the year shown: the latest with results for the unit, or the one asked for
    year: int | None
    previous_year: int | None
    respondents: int | None
    computed: bool
    factors: tuple[FactorFigure, ...]
    #: every year with results for the unit, oldest first
    years: tuple[int, ...]
    #: factor -> (year, mean) for the unit, and for the municipality
    trend: dict[Factor, tuple[tuple[int, float], ...]] = field(default_factory=dict)
    municipality_trend: dict[Factor, tuple[tuple[int, float], ...]] = field(default_factory=dict)
    minimum: int = 5

    @property
    def has_results(self) -> bool:
        return self.year is not None

    def factor(self, factor: Factor) -> FactorFigure:
        return next(f for f in self.factors if f.factor == factor)


def load_results(session: Session) -> tuple[Results, dict[int, list[int]], list[int], int]:
    """Every result at or above the minimum, the unit tree (children) and its top units."""
    minimum = minimum_group(session)
    results: Results = {}
    for unit_id, year, factor, mean, respondents in session.execute(
        select(
            TenFactorResult.unit_id,
            TenFactorResult.year,
            TenFactorResult.factor,
            TenFactorResult.mean,
            TenFactorResult.respondents,
        ).where(TenFactorResult.respondents >= minimum)
    ):
        results.setdefault((unit_id, year), {})[Factor(factor)] = (float(mean), int(respondents))
    children: dict[int, list[int]] = {}
    roots: list[int] = []
    for uid, parent in session.execute(select(OrgUnit.id, OrgUnit.parent_id).order_by(OrgUnit.id)):
        if parent is None:
            roots.append(uid)
        else:
            children.setdefault(parent, []).append(uid)
    return results, children, roots, minimum


def _groups(
    results: Results, children: Mapping[int, list[int]], unit_id: int, year: int
) -> list[dict[Factor, tuple[float, int]]]:
    """The unit's own result, else the top-most results below it."""
    own = results.get((unit_id, year))
    if own:
        return [own]
    found: list[dict[Factor, tuple[float, int]]] = []
    for child in children.get(unit_id, ()):
        found.extend(_groups(results, children, child, year))
    return found


def _combine(groups: list[dict[Factor, tuple[float, int]]], computed: bool) -> Figure | None:
    if not groups:
        return None
    if len(groups) == 1:  # the unit's own result, as stored
        only = groups[0]
        return Figure({f: m for f, (m, _) in only.items()}, max(n for _, n in only.values()), computed)
    means: dict[Factor, float] = {}
    for factor in Factor:
        pairs = [g[factor] for g in groups if factor in g]
        weight = sum(n for _, n in pairs)
        if weight:
            means[factor] = sum(m * n for m, n in pairs) / weight
    respondents = sum(max(n for _, n in g.values()) for g in groups)
    return Figure(means, respondents, computed or len(groups) > 1)


def figure_of(
    results: Results, children: Mapping[int, list[int]], roots: list[int], unit_id: int | None, year: int
) -> Figure | None:
    """The figure of a unit (None: the municipality) in a year; None when there is none."""
    if unit_id is not None:
        groups = _groups(results, children, unit_id, year)
        return _combine(groups, computed=(unit_id, year) not in results)
    groups = [g for root in roots for g in _groups(results, children, root, year)]
    return _combine(groups, computed=not (len(roots) == 1 and (roots[0], year) in results))


def survey_in(session: Session, unit_id: int | None, *, year: int | None = None) -> SurveyView:
    """The unit's (None: the municipality's) ten factors in ``year`` (the latest with results when
    None) beside the municipality's, with the change from the year before and the trend."""
    results, children, roots, minimum = load_results(session)
    all_years = sorted({y for _, y in results})
    own = {y: f for y in all_years if (f := figure_of(results, children, roots, unit_id, y)) is not None}
    whole = {y: f for y in all_years if (f := figure_of(results, children, roots, None, y)) is not None}
    years = tuple(sorted(own))
    shown = year if year is not None else (years[-1] if years else None)
    figure = own.get(shown) if shown is not None else None
    earlier = [y for y in years if shown is not None and y < shown]
    previous_year = earlier[-1] if earlier else None
    previous = own.get(previous_year) if previous_year is not None else None
    town = whole.get(shown) if shown is not None else None
    factors = tuple(
        FactorFigure(
            factor,
            figure.means.get(factor) if figure else None,
            town.means.get(factor) if town else None,
            previous.means.get(factor) if previous else None,
        )
        for factor in Factor
    )
    return SurveyView(
        unit_id,
        shown if figure is not None else None,
        previous_year,
        figure.respondents if figure else None,
        figure.computed if figure else False,
        factors,
        years,
        {f: tuple((y, own[y].means[f]) for y in years if f in own[y].means) for f in Factor},
        {f: tuple((y, whole[y].means[f]) for y in sorted(whole) if f in whole[y].means) for f in Factor},
        minimum,
    )
