"""``gap-report [--unit NR] [--no-subunits] [--at DATE] [--json]``: the gap analysis as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from competence import gap
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import no_subunits_option, unit_option
from competence.errors import ValidationError
from competence.lookup import unit_by_number


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "gap-report",
        parents=[common],
        help=h(
            "gapanalyse for en enhet eller hele kommunen (tekst eller JSON)",
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
    unit_id = None
    if args.unit:
        with uow:
            unit_id = unit_by_number(uow.session, args.unit).id
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


def report_json(report: gap.GapReport, english: bool = False) -> dict[str, Any]:
    """The report as plain JSON: ids, numbers and names; shares in percent, gaps in percentage points."""
    hm = report.heatmap
    s = report.summary

    def name(ref: gap.CompetenceRef) -> str:
        return ref.name_en if english and ref.name_en else ref.name

    def cell(c: gap.HeatCell) -> dict[str, Any]:
        return {
            "people": c.people,
            "met": c.met,
            "share_met": _pct(c.share_met),
            "not_assessed": c.not_assessed,
            "mean_gap": round(c.mean_gap, 2),
        }

    return {
        "at": hm.at.isoformat(),
        "summary": {
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
        },
        "units": [
            {"id": u.id, "number": u.number, "name": u.name, "parent_id": u.parent_id, "depth": u.depth}
            for u in hm.units
        ],
        "competences": [
            {
                "id": c.id,
                "code": c.code,
                "name": name(c),
                "area": c.area_name,
                "area_code": c.area_code,
                "framework": c.framework_key,
                "kind": c.kind,
                "critical": c.critical,
            }
            for c in hm.competences
        ],
        "heatmap": [
            {"unit_id": u_id, "competence_id": c_id, **cell(c)}
            for (u_id, c_id), c in sorted(hm.cells.items())
        ],
        "totals": [{"competence_id": c_id, **cell(c)} for c_id, c in sorted(hm.totals.items())],
        "areas": [
            {
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
            for a in report.areas
        ],
        "vulnerabilities": [
            {
                "unit_id": v.unit.id,
                "competence_id": v.competence.id,
                "people_required": v.people_required,
                "holders": v.holder_count,
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
    s = report.summary
    t = ctx.t
    ctx.print(t(f"Gapanalyse per {s.at:%d.%m.%Y}", f"Gap analysis as of {s.at:%d.%m.%Y}"))
    ctx.print(
        t(
            f"  {s.people} personer, {s.requirements} krav, {_pct(s.share_met):g} % oppfylt, "
            f"{s.not_assessed} ikke vurdert, gjennomsnittlig avvik {s.mean_gap:.1f} prosentpoeng",
            f"  {s.people} people, {s.requirements} requirements, {_pct(s.share_met):g} % met, "
            f"{s.not_assessed} not assessed, mean gap {s.mean_gap:.1f} percentage points",
        )
    )
    ctx.print(
        t(
            f"  {s.vulnerable} sårbare kompetanser, {s.expiring} sertifikater utløper snart, "
            f"{s.expired} utløpt, {s.overdue_goals} utviklingsmål på overtid",
            f"  {s.vulnerable} vulnerable competences, {s.expiring} certificates expiring soon, "
            f"{s.expired} expired, {s.overdue_goals} overdue learning goals",
        )
    )
    if report.areas:
        ctx.print()
        ctx.print(
            t("Strategiområder (andel oppfylt, ikke vurdert):", "Strategy areas (share met, not assessed):")
        )
        for a in report.areas:
            label = f"{a.area_code} {a.area_name}" if a.area_code else a.area_name
            ctx.print(f"  {_pct(a.share_met):5.1f} %  {a.not_assessed:6d}  {a.framework_name}: {label}")
    if s.largest_gaps:
        ctx.print()
        ctx.print(t("Største avvik:", "Largest gaps:"))
        for g in s.largest_gaps:
            ctx.print(f"  {g.mean_gap:5.1f}  {g.competence.label} ({g.people})")
    if report.vulnerabilities:
        ctx.print()
        ctx.print(
            t("Sårbarhet (kritisk kompetanse hos høyst én):", "Vulnerable (critical, held by at most one):")
        )
        for v in report.vulnerabilities:
            holders = ", ".join(v.holders) if v.holders else t("ingen", "nobody")
            ctx.print(f"  {v.unit.number} {v.unit.name}: {v.competence.label} ({holders})")
    if report.certificates:
        ctx.print()
        ctx.print(t("Sertifikater som utløper eller er utløpt:", "Certificates expiring or expired:"))
        for c in report.certificates:
            ctx.print(f"  {c.valid_until:%d.%m.%Y}  {c.employee_no} {c.name}: {c.certificate}")
