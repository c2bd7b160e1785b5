"""``gap-report [--unit NR] [--no-subunits] [--at DATE] [--json]``: the gap analysis as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping
from typing import Any

from competence import gap
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import no_subunits_option, unit_option
from competence.collector import collector_paused
from competence.errors import ValidationError
from competence.language import format_date
from competence.lookup import unit_by_number
from competence.numbers import format_int, format_points, format_share


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "gap-report",
        parents=[common],
        help=h(
            "avviksanalyse for en enhet eller hele kommunen (tekst eller JSON)",
            "gap analysis for a unit or the whole municipality (text or JSON)",
        ),
    )
    unit_option(p)
    no_subunits_option(p)
    p.add_argument(
        "--at",
        metavar=h("DATO", "DATE"),
        help=h(
            "tallene slik de var på en tidligere dato (dd.mm.åååå)",
            "the figures as they were at an earlier date (dd.mm.yyyy)",
        ),
    )
    p.add_argument(
        "--window",
        type=int,
        default=90,
        metavar=h("DAGER", "DAYS"),
        help=h("varsel om utløp (standard 90 dager)", "warn of expiry (default 90 days)"),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=h("skriv ett JSON-objekt med alle tallene", "write one JSON object with all the figures"),
    )
    p.set_defaults(handler=run)


def parse_date(text: str) -> dt.date:
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValidationError(
        f"«{text}» er ikke en dato (bruk dd.mm.åååå).",
        f"'{text}' is not a date (use dd.mm.yyyy).",
        field="at",
    )


def run(ctx: CliContext) -> int:
    args = ctx.args
    at = parse_date(args.at) if args.at else None
    uow = ctx.uow()
    with uow.reading():  # one snapshot: the unit and its figures
        unit_id = unit_by_number(uow.session, args.unit).id if args.unit else None
        report = gap.gap_report(
            uow, unit_id=unit_id, subunits=not args.no_subunits, at=at, window_days=args.window
        )
    if args.json:
        ctx.print_json(report_json(report, ctx.english))
    else:
        print_text(ctx, report)
    return 0


def _pct(value: float) -> float:
    return round(value * 100, 1)


def _cell_json(c: gap.HeatCell) -> dict[str, Any]:
    return {
        "people": c.people,
        "met": c.met,
        "share_met": _pct(c.share_met),
        "not_assessed": c.not_assessed,
        "missing": c.missing,
        "mean_gap": round(c.mean_gap, 2),
    }


def _heatmap_json(cells: Mapping[tuple[int, int], gap.HeatCell]) -> list[dict[str, Any]]:
    """The cells with their keys. A municipality has 200,000: built with the collector paused
    (competence/collector.py), 40 % of the time."""
    with collector_paused():
        return [
            {"unit_id": u_id, "competence_id": c_id, **_cell_json(c)}
            for (u_id, c_id), c in sorted(cells.items())
        ]


def _summary_json(s: gap.GapSummary) -> dict[str, Any]:
    return {
        "people": s.people,
        "requirements": s.requirements,
        "met": s.met,
        "share_met": _pct(s.share_met),
        "not_assessed": s.not_assessed,
        "mean_gap": round(s.mean_gap, 2),
        "vulnerable": s.vulnerable,
        "certificates_expiring": s.expiring,
        "certificates_expired": s.expired,
        "overdue_goals": s.overdue_goals,
        "fte_mix": dict(s.fte_mix),
        "largest_gaps": [
            {"competence_id": g.competence.id, "mean_gap": round(g.mean_gap, 2), "people": g.people}
            for g in s.largest_gaps
        ],
    }


def _competence_json(c: gap.CompetenceRef, english: bool) -> dict[str, Any]:
    return {
        "id": c.id,
        "code": c.code,
        "name": c.name_en if english and c.name_en else c.name,
        "area": c.area_name,
        "area_code": c.area_code,
        "framework": c.framework_key,
        "kind": c.kind,
        "critical": c.critical,
    }


def _area_json(a: gap.AreaScore) -> dict[str, Any]:
    return {
        "area_id": a.area_id,
        "code": a.area_code,
        "name": a.area_name,
        "framework": a.framework_name,
        "items": a.items,
        "met": a.met,
        "share_met": _pct(a.share_met),
        "not_assessed": a.not_assessed,
        "mean_gap": round(a.mean_gap, 2),
        "required_mean": round(a.required_mean, 2),
        "current_mean": round(a.current_mean, 2),
    }


def report_json(report: gap.GapReport, english: bool = False) -> dict[str, Any]:
    """The report as plain JSON: ids, numbers and names; shares in percent, gaps in percentage points."""
    hm = report.heatmap
    return {
        "at": hm.at.isoformat(),
        "summary": _summary_json(report.summary),
        "units": [
            {"id": u.id, "number": u.number, "name": u.name, "parent_id": u.parent_id, "depth": u.depth}
            for u in hm.units
        ],
        "competences": [_competence_json(c, english) for c in hm.competences],
        "heatmap": _heatmap_json(hm.cells),
        "totals": [{"competence_id": c_id, **_cell_json(c)} for c_id, c in sorted(hm.totals.items())],
        "areas": [_area_json(a) for a in report.areas],
        "vulnerabilities": [
            {
                "unit_id": v.unit.id,
                "competence_id": v.competence.id if v.competence is not None else None,
                "qualification_id": v.qualification.id if v.qualification is not None else None,
                "qualification": v.qualification.key if v.qualification is not None else None,
                "people_required": v.people_required,
                "holders": v.holder_count,
                "needed": v.needed,
                "target_level": v.target_level,
                "reason": v.reason("en" if english else "nb"),
            }
            for v in report.vulnerabilities
        ],
        "certificates": [
            {
                "employee_no": a.employee_no,
                "certificate": a.certificate,
                "valid_until": a.valid_until.isoformat(),
                "days_left": a.days_left,
                "status": a.status,
            }
            for a in report.certificates
        ],
    }


def print_text(ctx: CliContext, report: gap.GapReport) -> None:
    """The report as text in the user's language, numbers written as the app writes them
    (:mod:`competence.numbers`)."""
    s = report.summary
    t, lang = ctx.t, ctx.lang

    def n(value: int) -> str:
        return format_int(value, lang)

    ctx.print(t("Avviksanalyse per {date}", "Gap analysis as of {date}").format(date=format_date(s.at, lang)))
    ctx.print(
        t(
            "  {people} personer, {requirements} krav, {share} oppfylt, {na} ikke vurdert, "
            "gjennomsnittlig avvik {gap} prosentpoeng",
            "  {people} people, {requirements} requirements, {share} met, {na} not assessed, "
            "mean gap {gap} percentage points",
        ).format(
            people=n(s.people),
            requirements=n(s.requirements),
            share=format_share(s.share_met, lang),
            na=n(s.not_assessed),
            gap=format_points(s.mean_gap, lang),
        )
    )
    ctx.print(
        t(
            "  {vulnerable} sårbare kompetanser, {expiring} sertifikater utløper snart, {expired} utløpt, "
            "{overdue} utviklingsmål på overtid",
            "  {vulnerable} vulnerable competences, {expiring} certificates expiring soon, "
            "{expired} expired, {overdue} overdue learning goals",
        ).format(
            vulnerable=n(s.vulnerable),
            expiring=n(s.expiring),
            expired=n(s.expired),
            overdue=n(s.overdue_goals),
        )
    )
    if report.areas:
        ctx.print()
        ctx.print(
            t("Strategiområder (andel oppfylt, ikke vurdert):", "Strategy areas (share met, not assessed):")
        )
        for a in report.areas:
            share = format_share(a.share_met, lang)
            ctx.print(f"  {share:>6}  {a.not_assessed:6d}  {a.framework_display(lang)}: {a.label(lang)}")
    if s.largest_gaps:
        ctx.print()
        ctx.print(t("Største avvik (prosentpoeng):", "Largest gaps (percentage points):"))
        for g in s.largest_gaps:
            ctx.print(
                f"  {format_points(g.mean_gap, lang):>5}  {g.competence.display_label(lang)} ({g.people})"
            )
    if report.vulnerabilities:
        ctx.print()
        ctx.print(
            t(
                "Sårbarhet (under enhetens mål, eller kritisk, kreves av flere og holdes av høyst én):",
                "Vulnerable (short of the unit's target, or critical, required of several, held by one "
                "at most):",
            )
        )
        for v in report.vulnerabilities:
            holders = ", ".join(v.holders) if v.holders else t("ingen", "nobody")
            what = f"{v.display_label(lang)}, {v.reason(lang)}"
            ctx.print(f"  {v.unit.number} {v.unit.name}: {what} ({holders})")
    if report.certificates:
        ctx.print()
        ctx.print(t("Sertifikater som utløper eller er utløpt:", "Certificates expiring or expired:"))
        for c in report.certificates:
            ctx.print(f"  {format_date(c.valid_until, lang)}  {c.employee_no} {c.name}: {c.certificate}")
