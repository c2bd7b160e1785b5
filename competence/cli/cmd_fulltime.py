"""``heltid [--unit NR] [--no-subunits] [--at DATE] [--json]``: heltidskultur, each person counted with
their total FTE (docs/planning.md). Its workbook, ``export-heltid``, is in the export registry
(competence/export/registry.py)."""

from __future__ import annotations

import argparse
from typing import Any

from competence.cli.cmd_gap import parse_date
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.cli.options import no_subunits_option, unit_option
from competence.fulltime.figures import Figures, PersonFte
from competence.fulltime.service import FulltimeReport, fulltime_report
from competence.language import format_date
from competence.lookup import unit_by_number
from competence.numbers import format_int, format_number, format_percent, format_share


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "heltid",
        parents=[common],
        help=h(
            "heltidskultur: heltid, stillingsstørrelse, ufrivillig deltid, fast og midlertidig",
            "full-time culture: full time, post size, involuntary part-time, permanent and temporary",
        ),
    )
    unit_option(p)
    no_subunits_option(p)
    p.add_argument(
        "--at",
        metavar=h("DATO", "DATE"),
        help=h(
            "tallene slik de var på en tidligere dato (dd.mm.åååå)",
            "the figures at an earlier date (dd.mm.yyyy)",
        ),
    )
    p.add_argument(
        "--json", action="store_true", help=h("skriv tallene som JSON", "write the figures as JSON")
    )
    p.set_defaults(handler=run_heltid)


def run_heltid(ctx: CliContext) -> int:
    args = ctx.args
    at = parse_date(args.at) if args.at else None
    uow = ctx.uow()
    with uow.reading():
        unit_id = unit_by_number(uow.session, args.unit).id if args.unit else None
        report = fulltime_report(uow, unit_id=unit_id, subunits=not args.no_subunits, at=at)
    if args.json:
        ctx.print_json(report_json(report))
    else:
        print_text(ctx, report)
    return 0


def _figures_json(f: Figures) -> dict[str, Any]:
    return {
        "people": f.people,
        "full_time": f.full_time,
        "share_full_time": round(f.share_full_time * 100, 1),
        "mean_fte": round(f.mean_fte, 1),
        "total_fte": round(f.total_fte, 1),
        "above_100": f.over_full_time,
        "several_posts": f.several_posts,
        "bands": dict(f.bands),
        "permanent": f.permanent,
        "temporary_only": f.temporary,
        "employment_type_unknown": f.unknown_type,
        "part_time": f.part_time,
        "desired_fte_known": f.desired_known,
        "involuntary_part_time": f.involuntary,
        "share_involuntary": round(f.share_involuntary * 100, 1),
        "involuntary_missing_fte": round(f.involuntary_missing, 1),
    }


def _person_json(p: PersonFte) -> dict[str, Any]:
    return {
        "employee_no": p.employee_no,
        "total_fte": round(p.total, 1),
        "desired_fte": p.desired,
        "posts": [{"unit": post.unit_name, "fte": post.fte} for post in p.posts],
    }


def report_json(report: FulltimeReport) -> dict[str, Any]:
    """Shares in percent, FTE in percent (100 = one full-time post); people by employee number."""
    return {
        "at": report.at.isoformat(),
        "unit": report.unit_label,
        "subunits": report.subunits,
        "figures": _figures_json(report.figures),
        "mean_post_size": round(report.mean_post, 1),
        "units": [
            {"number": u.number, "name": u.name, "depth": u.depth, **_figures_json(u.figures)}
            for u in report.units
        ],
        "above_100": [_person_json(p) for p in report.over_full_time],
        "involuntary_part_time": [_person_json(p) for p in report.involuntary],
        "trend": [
            {
                "at": p.at.isoformat(),
                "people": p.people,
                "share_full_time": round(p.share_full_time * 100, 1),
                "mean_fte": round(p.mean_fte, 1),
                "share_temporary_only": round(p.share_temporary * 100, 1),
            }
            for p in report.trend
        ],
    }


def print_text(ctx: CliContext, report: FulltimeReport) -> None:
    t, lang = ctx.t, ctx.lang
    f = report.figures
    where = report.unit_label or t("Hele kommunen", "The whole municipality")
    ctx.print(
        t("Heltidskultur, {where}, per {date}", "Full-time culture, {where}, as of {date}").format(
            where=where, date=format_date(report.at, lang)
        )
    )
    ctx.print(
        t(
            "  {people} personer, {full} i heltid ({share}), gjennomsnittlig stillingsstørrelse {mean}",
            "  {people} people, {full} full time ({share}), average post size {mean}",
        ).format(
            people=format_int(f.people, lang),
            full=format_int(f.full_time, lang),
            share=format_share(f.share_full_time, lang),
            mean=format_percent(f.mean_fte, 1, lang),
        )
    )
    ctx.print(
        t(
            "  {invol} av {part} i deltid ønsker større stilling ({share}); {known} har oppgitt ønsket "
            "stillingsprosent",
            "  {invol} of {part} part-timers want a larger post ({share}); {known} have given a desired FTE",
        ).format(
            invol=format_int(f.involuntary, lang),
            part=format_int(f.part_time, lang),
            share=format_share(f.share_involuntary, lang),
            known=format_int(f.desired_known, lang),
        )
    )
    ctx.print(
        t(
            "  {permanent} fast ansatt, {temporary} kun midlertidig, {unknown} uten oppgitt ansettelsesform; "
            "{several} med to eller flere stillinger; {over} over {full}",
            "  {permanent} permanent, {temporary} temporary only, {unknown} without an employment type; "
            "{several} with two or more posts; {over} above {full}",
        ).format(
            permanent=format_int(f.permanent, lang),
            temporary=format_int(f.temporary, lang),
            unknown=format_int(f.unknown_type, lang),
            several=format_int(f.several_posts, lang),
            over=format_int(f.over_full_time, lang),
            full=format_percent(100, 0, lang),
        )
    )
    if report.units:
        ctx.print()
        ctx.print(
            t("Per enhet (personer, andel heltid, snitt):", "Per unit (people, share full time, mean):")
        )
        for u in report.units:
            ctx.print(
                f"  {u.figures.people:6d}  {format_share(u.figures.share_full_time, lang):>6}  "
                f"{format_number(u.figures.mean_fte, 1, lang):>6}  {'  ' * u.depth}{u.number} {u.name}"
            )
    if report.over_full_time:
        ctx.print()
        ctx.print(
            t("Over {full} til sammen:", "Above {full} in all:").format(full=format_percent(100, 0, lang))
        )
        for p in report.over_full_time:
            ctx.print(f"  {p.employee_no} {p.name}: {format_percent(p.total, 1, lang)}")
