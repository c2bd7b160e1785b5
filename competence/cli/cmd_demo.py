"""``demo-data [--employees N] [--seed S] [--required-per-role K] [--json]``: a fictional kommune."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.demo import DemoSummary, generate_demo
from competence.demo.generator import MAX_EMPLOYEES, MIN_EMPLOYEES
from competence.numbers import format_percent


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "demo-data",
        parents=[common],
        help=h(
            "fyll et tomt register med en oppdiktet kommune (demodata)",
            "fill an empty register with a fictional municipality (demo data)",
        ),
        description=h(
            "Fyller et tomt register med Fjordvik kommune: enheter, ansatte, roller med krav fra "
            "rammeverkene, to års kartlegginger, kurs, utviklingsmål og medarbeidersamtaler. Samme frø og "
            "størrelse gir alltid samme innhold.",
            "Fills an empty register with Fjordvik kommune: units, employees, roles with requirements from "
            "the frameworks, two years of assessments, courses, learning goals and appraisal talks. The same "
            "seed and size always give the same content.",
        ),
    )
    p.add_argument(
        "--employees",
        type=int,
        default=300,
        metavar="N",
        help=h(
            f"antall ansatte, {MIN_EMPLOYEES}-{MAX_EMPLOYEES} (standard 300)",
            f"number of employees, {MIN_EMPLOYEES}-{MAX_EMPLOYEES} (default 300)",
        ),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=2019,
        metavar="S",
        help=h("frø for tilfeldighetene (standard 2019)", "seed for the random choices (default 2019)"),
    )
    p.add_argument(
        "--required-per-role",
        type=int,
        default=None,
        metavar="K",
        help=h(
            "la hver rolle kreve nøyaktig K kompetanser (for ytelsestester)",
            "let every role require exactly K competences (for performance tests)",
        ),
    )
    p.add_argument(
        "--json", action="store_true", help=h("skriv sammendraget som JSON", "write the summary as JSON")
    )
    p.set_defaults(handler=run_demo)


def run_demo(ctx: CliContext) -> int:
    args = ctx.args
    progress = _Progress(ctx) if not args.json and ctx.err.isatty() else None
    summary = generate_demo(
        ctx.database(),
        employees=args.employees,
        seed=args.seed,
        required_per_role=args.required_per_role,
        progress=progress,
    )
    if progress is not None:
        progress.finish()
    if args.json:
        ctx.print_json(dataclasses.asdict(summary))
    else:
        _print_summary(ctx, summary)
    return 0


class _Progress:
    """A percentage on one line of the terminal."""

    def __init__(self, ctx: CliContext) -> None:
        self.ctx = ctx
        self.shown = -1

    def __call__(self, done: int, total: int, message: str = "") -> None:
        percent = 100 * done // total if total else 0
        if percent != self.shown:
            self.shown = percent
            shown = format_percent(percent, 0, self.ctx.lang)
            self.ctx.err.write(f"\r{shown:>5} {message[:60]:<60}")
            self.ctx.err.flush()

    def finish(self) -> None:
        self.ctx.err.write("\n")


def _print_summary(ctx: CliContext, s: DemoSummary) -> None:
    t = ctx.t
    where = ctx.database().location
    ctx.print(t(f"{s.municipality} er opprettet i {where}.", f"{s.municipality} was created in {where}."))
    rows = [
        (
            t("Ansatte", "Employees"),
            s.employees,
            t(
                f"{s.active_employees} aktive, {s.left_employees} sluttet",
                f"{s.active_employees} active, {s.left_employees} left",
            ),
        ),
        (t("Enheter", "Units"), s.units, ""),
        (t("Roller", "Roles"), s.roles, t(f"{s.requirements} krav", f"{s.requirements} requirements")),
        (t("Stillinger", "Positions"), s.positions, ""),
        (
            t("Kartlegginger", "Assessments"),
            s.assessments,
            t(
                f"{s.current_assessments} gjeldende, {s.not_assessed} krav ikke vurdert",
                f"{s.current_assessments} current, {s.not_assessed} requirements not assessed",
            ),
        ),
        (
            t("Kursbevis", "Certificates"),
            s.certificates,
            t(
                f"{s.certificates_expired} utløpt, {s.certificates_expiring} utløper innen 90 dager",
                f"{s.certificates_expired} expired, {s.certificates_expiring} expiring within 90 days",
            ),
        ),
        (
            t("Utviklingsmål", "Learning goals"),
            s.goals,
            t(f"{s.goals_overdue} forfalt", f"{s.goals_overdue} overdue"),
        ),
        (t("Medarbeidersamtaler", "Appraisals"), s.appraisals, ""),
    ]
    width = max(len(label) for label, _, _ in rows)
    for label, count, detail in rows:
        ctx.print(f"  {label:<{width}}  {count:>9}  {detail}".rstrip())
    ctx.print(
        t(
            f"Frø {s.seed}, dato {s.today.isoformat()}, {s.seconds:.1f} s.",
            f"Seed {s.seed}, date {s.today.isoformat()}, {s.seconds:.1f} s.",
        )
    )
