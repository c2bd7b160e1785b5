"""A gap report brought up to date after some levels changed, without recomputing the municipality.

When a leader changes one person's level of one competence, only the cells of that competence in
the units where the person holds a post can change, and the competence's total
(:mod:`competence.gap.recount`); what is derived from them (strategy areas, key figures,
vulnerabilities) is derived again. The change notification names the (employee, competence) pairs
(:attr:`competence.changes.Changes.assessed`); the screens that show a report (Oversikt, Enheter)
hand it here instead of loading the whole report again. A test checks a patched report against one
computed afresh after random changes (tests/test_gap_exact.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from competence.gap.analysis import _area_scores, _largest_gaps, _vulnerable, vulnerability_order
from competence.gap.recount import recount
from competence.gap.results import PERCENT_UNITS, GapReport, Heatmap
from competence.uow import UnitOfWork

#: More pairs than this (a bulk edit): computing the report afresh is as quick.
MOST_PAIRS = 200


def can_patch(pairs: Collection[tuple[int, int]]) -> bool:
    """Whether patching is worth it for this many changed pairs."""
    return 0 < len(pairs) <= MOST_PAIRS


def patch_report(
    uow: UnitOfWork,
    report: GapReport,
    pairs: Collection[tuple[int, int]],
    *,
    unit_id: int | None = None,
    subunits: bool = True,
) -> GapReport:
    """``report`` (of ``unit_id``, with its sub-units unless told otherwise, on its date) after the
    levels of ``pairs`` (employee, competence) changed, and nothing else the report reads."""
    on = report.heatmap.at
    with uow.reading():
        s = uow.session
        moved = recount(
            uow, on, report.heatmap.cells, report.heatmap.totals, pairs, unit_id=unit_id, subunits=subunits
        )
        cells, per_comp, wanted = moved.cells, moved.totals, set(moved.competences)
        # levels change no unit and no competence the report lists
        heatmap = Heatmap(on, report.heatmap.units, report.heatmap.competences, cells, per_comp)
        areas = _area_scores(s, per_comp)
        # a level of a competence changes only that competence's vulnerabilities (a target that
        # names a qualification is not touched by a level)
        vulns = sorted(
            [v for v in report.vulnerabilities if v.competence is None or v.competence.id not in wanted]
            + _vulnerable(s, on, cells, unit_id, subunits, wanted),
            key=vulnerability_order,
        )
        requirements = sum(c.people for c in per_comp.values())
        gaps = sum(c.gap_units for c in per_comp.values())
        summary = replace(
            report.summary,
            requirements=requirements,
            met=sum(c.met for c in per_comp.values()),
            not_assessed=sum(c.not_assessed for c in per_comp.values()),
            mean_gap=gaps / (requirements * PERCENT_UNITS) if requirements else 0.0,
            largest_gaps=_largest_gaps(s, per_comp, report.summary.largest),
            vulnerable=len(vulns),
        )
        return GapReport(heatmap, tuple(areas), tuple(vulns), report.certificates, summary)
