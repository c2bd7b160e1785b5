"""``import-self-assessment FILE [--dry-run] [--json]``: the form each employee fills in before the
medarbeidersamtale (``export-self-assessment``, one of the exports), read back as their own
assessments, all or nothing (docs/compliance.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from competence.cli import EXIT_REFUSED
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.export.excel.self_assessment_import import import_self_assessment


def _path(value: str) -> Path:
    return Path(value).expanduser().resolve()


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "import-self-assessment",
        parents=[common],
        help=h(
            "les inn et utfylt egenvurderingsskjema (alt eller ingenting)",
            "read a filled-in self-assessment form (all or nothing)",
        ),
    )
    p.add_argument("file", type=_path, metavar=h("FIL", "FILE"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=h("vis hva som ville blitt lagret, uten å lagre", "show what would be saved, without saving"),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=h("skriv resultatet som ett JSON-objekt", "write the result as one JSON object"),
    )
    p.set_defaults(handler=run_import)


def run_import(ctx: CliContext) -> int:
    r = import_self_assessment(ctx.uow(), ctx.args.file, dry_run=ctx.args.dry_run)
    code = EXIT_REFUSED if r.refused_whole else 0
    if ctx.args.json:
        ctx.print_json(r.as_dict(ctx.lang))
        return code
    for level in r.recorded:
        old = ctx.t("ingen", "none") if level.old_level is None else str(level.old_level)
        ctx.print(
            ctx.t("Ark", "Sheet")
            + f" {level.cell}: {level.name} ({level.employee_no}), {level.competence_name(ctx.lang)}: "
            + f"{old} → {level.new_label}"
        )
    for refusal in r.refused:
        ctx.print(refusal.message(ctx.lang))
    if r.refused_whole:
        summary = ctx.t(
            f"Ingenting er lagret: {len(r.refused)} celler kan ikke leses inn. Rett dem og les inn skjemaet "
            "på nytt.",
            f"Nothing was saved: {len(r.refused)} cells cannot be read in. Correct them and read the form "
            "again.",
        )
    elif r.applied:
        summary = ctx.t(
            f"{len(r.recorded)} egenvurderinger lagret for {r.people} ansatte, {r.unchanged} uendret "
            f"({r.already_registered} var allerede registrert).",
            f"{len(r.recorded)} self-assessments saved for {r.people} employees, {r.unchanged} unchanged "
            f"({r.already_registered} were already registered).",
        )
    else:
        summary = ctx.t(
            f"Prøvekjøring: {len(r.recorded)} egenvurderinger ville blitt lagret, {len(r.refused)} celler "
            "avvist. Ingenting er lagret.",
            f"Dry run: {len(r.recorded)} self-assessments would be saved, {len(r.refused)} cells refused. "
            "Nothing was saved.",
        )
    ctx.print(summary)
    return code
