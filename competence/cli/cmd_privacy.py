"""Data protection commands: ``export-person``, ``erase-person``, ``apply-retention`` and ``audit``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from competence import audit
from competence.actions.privacy import export_audit_events
from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.identifiers import canonical_number
from competence.privacy import auditlog
from competence.privacy.compaction import Compaction
from competence.privacy.erasure import ErasureResult, erase_person
from competence.privacy.innsyn import export_person
from competence.privacy.retention import RetentionResult, apply_retention
from competence.progress import CancelToken
from db.codes import AuditAction

EXIT_REFUSED = 1


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    _register_export_person(subparsers, common)
    _register_erase_person(subparsers, common)
    _register_apply_retention(subparsers, common)
    _register_audit(subparsers, common)


def _register_export_person(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "export-person",
        parents=[common],
        help=h(
            "innsyn: skriv alt registeret har om én person til en JSON- eller PDF-fil",
            "access request: write everything the register holds on one person to a JSON or PDF file",
        ),
    )
    p.add_argument(
        "employee_no", metavar=h("ANSATTNR", "EMPLOYEE_NO"), help=h("ansattnummer", "employee number")
    )
    p.add_argument(
        "out",
        type=Path,
        metavar=h("UTFIL", "OUT"),
        help=h(
            "filen som skal skrives: .json, eller .pdf til å lese",
            "the file to write: .json, or .pdf for reading",
        ),
    )
    p.set_defaults(handler=run_export_person)


def _register_erase_person(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "erase-person",
        parents=[common],
        help=h(
            "slett én person og alle spor etter vedkommende (krever --yes)",
            "erase one person and every trace of them (needs --yes)",
        ),
    )
    p.add_argument(
        "employee_no", metavar=h("ANSATTNR", "EMPLOYEE_NO"), help=h("ansattnummer", "employee number")
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help=h(
            "bekreft slettingen; uten den vises bare hva som slettes",
            "confirm the erasure; without it, only what would be erased is shown",
        ),
    )
    p.set_defaults(handler=run_erase_person)


def _register_apply_retention(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "apply-retention",
        parents=[common],
        help=h(
            "anonymiser eller slett personer som sluttet for mer enn oppbevaringstiden siden",
            "anonymise or erase people who left longer ago than the retention period",
        ),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=h("vis hvem det gjelder uten å endre noe", "show who it concerns without changing anything"),
    )
    p.add_argument(
        "--json", action="store_true", help=h("skriv resultatet som JSON", "write the result as JSON")
    )
    p.set_defaults(handler=run_apply_retention)


def _register_audit(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "audit",
        parents=[common],
        help=h("vis eller eksporter revisjonsloggen", "show or export the audit log"),
    )
    p.add_argument("--json", action="store_true", help=h("skriv loggen som JSON", "write the log as JSON"))
    p.add_argument(
        "--out",
        type=Path,
        metavar=h("FIL", "FILE"),
        help=h("skriv loggen til en fil (.csv eller .json)", "write the log to a file (.csv or .json)"),
    )
    p.add_argument(
        "--action",
        choices=AuditAction.codes(),
        help=h(
            "bare hendelser av denne typen (f.eks. erase, import, export)",
            "only events of this kind (e.g. erase, import, export)",
        ),
    )
    p.add_argument(
        "--employee",
        metavar=h("ANSATTNR", "EMPLOYEE_NO"),
        help=h("bare hendelser om dette ansattnummeret", "only events about this employee number"),
    )
    p.add_argument(
        "--since",
        type=dt.date.fromisoformat,
        metavar=h("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
        help=h("fra og med dato", "from this date on"),
    )
    p.add_argument(
        "--limit",
        type=int,
        default=1000,
        help=h("høyst så mange hendelser (standard 1000)", "at most this many events (default 1000)"),
    )
    p.set_defaults(handler=run_audit)


def run_export_person(ctx: CliContext) -> int:
    out = ctx.args.out.expanduser().resolve()
    written = export_person(
        ctx.uow(), ctx.args.employee_no, out, as_pdf=out.suffix.lower() == ".pdf", lang=ctx.lang
    )
    path, rows = written.path, written.records
    ctx.print(
        ctx.t(
            f"Innsyn skrevet til {path} ({rows} oppføringer). Filen inneholder personopplysninger.",
            f"Access report written to {path} ({rows} records). The file holds personal data.",
        )
    )
    return 0


def _describe_erasure(ctx: CliContext, result: ErasureResult) -> None:
    parts = ", ".join(f"{table}: {n}" for table, n in result.rows_deleted.items() if n)
    cleared = sum(result.references_cleared.values())
    ctx.print(ctx.t(f"Rader: {parts}", f"Rows: {parts}"))
    ctx.print(
        ctx.t(
            f"Henvisninger fra andre som fjernes: {cleared}; navn, e-post eller ansattnummer fjernet fra "
            f"andres tekst: {result.mentions_removed}; loggføringer med ansattnummeret: "
            f"{result.audit_events_removed}.",
            f"References from others cleared: {cleared}; name, e-mail or employee number removed from "
            f"others' text: {result.mentions_removed}; log entries with the employee number: "
            f"{result.audit_events_removed}.",
        )
    )


def run_erase_person(ctx: CliContext) -> int:
    number = ctx.args.employee_no
    if not ctx.args.yes:
        preview = erase_person(ctx.uow(), number, dry_run=True)
        ctx.print(
            ctx.t(f"Dette vil bli slettet for ansattnr {number}:", f"This would be erased for {number}:")
        )
        _describe_erasure(ctx, preview)
        ctx.warn(
            ctx.t(
                "Ingenting er slettet. Kjør kommandoen på nytt med --yes for å slette.",
                "Nothing was erased. Run the command again with --yes to erase.",
            )
        )
        return EXIT_REFUSED
    result = erase_person(ctx.uow(), number)
    ctx.print(ctx.t(f"Ansattnr {number} er slettet.", f"Employee {number} was erased."))
    _describe_erasure(ctx, result)
    if result.compaction == Compaction.NEEDS_OWNER:
        ctx.warn(
            ctx.t(
                "Bare eieren av det felles registeret kan bygge tabellene om (VACUUM FULL), så rester av "
                "de slettede dataene kan ligge igjen i databasefilenes ledige plass til serveren bruker "
                "den på nytt. Be databaseansvarlig kjøre VACUUM FULL, eller slett som eieren "
                "(docs/privacy.md).",
                "Only the owner of the shared register can rebuild its tables (VACUUM FULL), so remains "
                "of the erased data may stay in the free space of the database files until the server "
                "reuses it. Ask the database administrator to run VACUUM FULL, or erase as the owner "
                "(docs/privacy.md).",
            )
        )
    elif not result.compacted:
        ctx.warn(
            ctx.t(
                "Databasen var i bruk, så den kunne ikke komprimeres nå; slettede data kan ligge igjen "
                "i filen til neste sletting eller opprydding.",
                "The database was in use and could not be compacted now; deleted data may remain in the "
                "file until the next erasure or retention run.",
            )
        )
    ctx.print(
        ctx.t(
            "Eldre sikkerhetskopier inneholder fortsatt personen til de er rotert bort.",
            "Older backups still hold the person until they are rotated out.",
        )
    )
    return 0


def _retention_json(result: RetentionResult) -> dict[str, Any]:
    """Counts after a run; who is due only in a dry run. Never an old number beside its token, and
    after an anonymisation not even the old numbers: with the dates people left (which stay in the
    register) they would point at the anonymised rows."""
    data: dict[str, Any] = {
        "action": result.action,
        "retention_months": result.retention_months,
        "cutoff": result.cutoff.isoformat(),
        "dry_run": result.dry_run,
        "compacted": result.compacted,
        "compaction": result.compaction,
        "count": len(result.items),
    }
    if result.dry_run:
        data["persons"] = [
            {"employee_no": i.employee_no, "left_on": i.left_on.isoformat(), "action": i.action}
            for i in result.items
        ]
    return data


def run_apply_retention(ctx: CliContext) -> int:
    result = apply_retention(ctx.uow(), dry_run=ctx.args.dry_run)
    if ctx.args.json:
        ctx.print_json(_retention_json(result))
        return 0
    done_nb = {"anonymise": "anonymisert", "erase": "slettet"}[result.action]
    done_en = {"anonymise": "anonymised", "erase": "erased"}[result.action]
    ctx.print(
        ctx.t(
            f"Sluttet {result.cutoff:%d.%m.%Y} eller før ({result.retention_months} måneders oppbevaring): "
            f"{len(result.items)} personer {'vil bli' if result.dry_run else 'er'} {done_nb}.",
            f"Left on or before {result.cutoff:%Y-%m-%d} ({result.retention_months} months' retention): "
            f"{len(result.items)} people {'would be' if result.dry_run else 'were'} {done_en}.",
        )
    )
    if result.dry_run:
        for item in result.items:
            ctx.print(f"  {item.employee_no}  {item.left_on:%d.%m.%Y}")
    return 0


def run_audit(ctx: CliContext) -> int:
    since = dt.datetime.combine(ctx.args.since, dt.time()) if ctx.args.since else None
    limit, action = max(1, ctx.args.limit), ctx.args.action
    employee_no = canonical_number(ctx.args.employee) if ctx.args.employee else None
    if ctx.args.out is not None:
        path = ctx.args.out.expanduser().resolve()
        count = export_audit_events(
            ctx.uow(),
            path,
            limit=limit,
            action=action,
            employee_no=employee_no,
            since=since,
            cancel=CancelToken(),
        )
        ctx.print(ctx.t(f"{count} hendelser skrevet til {path}", f"{count} events written to {path}"))
        return 0
    entries = audit.list_events(ctx.uow(), limit=limit, action=action, employee_no=employee_no, since=since)
    if ctx.args.json:
        ctx.print_json([auditlog.entry_dict(e) for e in entries])
        return 0
    for e in entries:
        who = f" {e.employee_no}" if e.employee_no else ""
        what = f" {e.entity}" if e.entity else ""
        details = f" {json.dumps(e.details, ensure_ascii=False, default=str)}" if e.details else ""
        ctx.print(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.actor:<12} {e.action:<9}{what}{who}{details}")
    return 0
