"""``backup OUT`` and ``restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from competence.backups import restore_backup, restore_over_damaged, take_backup
from competence.cli.context import CliContext
from competence.cli.lang import h
from db.engine import resolve_url
from db.errors import DatabaseCorruptError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "backup",
        parents=[common],
        help=h("ta en sikkerhetskopi av registeret til en fil", "back up the register to a file"),
    )
    p.add_argument(
        "out",
        type=Path,
        metavar=h("UTFIL", "OUT"),
        help=h("fil å skrive sikkerhetskopien til", "file to write the backup to"),
    )
    p.set_defaults(handler=run_backup)
    p = subparsers.add_parser(
        "restore",
        parents=[common],
        help=h(
            "gjenopprett registeret fra en sikkerhetskopi (tar kopi av dagens først)",
            "restore the register from a backup (copies today's first)",
        ),
    )
    p.add_argument(
        "file",
        type=Path,
        metavar=h("FIL", "FILE"),
        help=h("sikkerhetskopien som skal leses inn", "the backup to restore"),
    )
    p.set_defaults(handler=run_restore)


def run_backup(ctx: CliContext) -> int:
    path = take_backup(ctx.database(), ctx.args.out.expanduser().resolve())
    ctx.print(ctx.t(f"Sikkerhetskopi skrevet til {path}", f"Backup written to {path}"))
    return 0


def run_restore(ctx: CliContext) -> int:
    source = ctx.args.file.expanduser().resolve()
    try:
        database = ctx.database()
    except DatabaseCorruptError:
        damaged = restore_over_damaged(resolve_url(getattr(ctx.args, "db", None)), source)
        ctx.print(
            ctx.t(
                f"Registeret er gjenopprettet fra {source}. Den skadede filen er flyttet til {damaged}.",
                f"The register was restored from {source}. The damaged file was moved to {damaged}.",
            )
        )
        return 0
    safety = restore_backup(database, source)
    ctx.print(
        ctx.t(
            f"Registeret er gjenopprettet fra {source}. Det forrige innholdet ligger i {safety}.",
            f"The register was restored from {source}. The previous contents are in {safety}.",
        )
    )
    return 0
