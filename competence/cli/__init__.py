"""``kompetanse`` (or ``python -m competence``): the commands that need no window.

Each ``cmd_*.py`` module in this package contributes commands through ``register(subparsers,
common)``; they are found by name, so adding a command never touches this file. ``--db`` and
``--lang`` are accepted before or after the command name. Help texts are written in both languages
with :func:`competence.cli.lang.h`; ``--lang en`` switches the help, argparse's own words and the
messages to English.

Exit codes: 0 success, 1 the input (a file, a database, a value) was refused, 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import logging
import pkgutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from competence import __version__
from competence.cli.context import CliContext
from competence.cli.lang import build_in, h, requested_language
from competence.files import file_error
from db.errors import DatabaseCorruptError, LocalizedError

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2

Handler = Callable[[CliContext], int]
log = logging.getLogger("competence.cli")
#: The installed command's name (``.venv/bin/kompetanse`` from a clone, ``kompetanse.exe`` installed).
PROG = "kompetanse"


def _common_options(*, top_level: bool) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    default = None if top_level else argparse.SUPPRESS
    parent.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help=h(
            "databasen: sqlite:///fil.db, postgresql+psycopg://... eller en filsti "
            "(standard: KOMPETANSE_DB_URL, ellers filen i brukerens datamappe)",
            "database: sqlite:///file.db, postgresql+psycopg://... or a file path "
            "(default: KOMPETANSE_DB_URL, else the file in the user's data folder)",
        ),
    )
    parent.add_argument(
        "--lang",
        choices=("nb", "en"),
        default=default,
        help=h("språk for hjelp og meldinger (standard: nb)", "language of help and messages (default: nb)"),
    )
    return parent


def command_modules() -> list[str]:
    import competence.cli as package

    return sorted(
        f"{package.__name__}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
        if info.name.startswith("cmd_")
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser, in the language of the enclosing :func:`competence.cli.lang.build_in` block."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=h(
            "Kompetanseregister: kommandoer uten vindu (import, eksport, analyse, sikkerhetskopi).",
            "Kompetanseregister: commands without a window (import, export, analysis, backup).",
        ),
        epilog=h(
            "Hjelp til én kommando: kompetanse KOMMANDO --help. Avslutningskode 0: utført, "
            "1: avvist (meldingen sier hvorfor), 2: feil bruk.",
            "Help on one command: kompetanse COMMAND --help. Exit code 0: done, "
            "1: refused (the message says why), 2: usage error.",
        ),
        parents=[_common_options(top_level=True)],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Kompetanseregister {__version__}",
        help=h("vis versjonsnummeret og avslutt", "show the version number and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=h("KOMMANDO", "COMMAND"))
    subparsers.required = True
    common = _common_options(top_level=False)
    for name in command_modules():
        importlib.import_module(name).register(subparsers, common)
    return parser


def _output_of(args: argparse.Namespace, exc: OSError) -> Path | None:
    """The output file or folder the command was given (``OUT``, ``--out``, ``OUTDIR``), when the
    error is about writing it or something in it; None for any other file (an input, the database)."""
    if exc.filename is None and exc.errno != errno.ENOSPC:
        return None
    failed = Path(str(exc.filename)).expanduser().resolve() if exc.filename else None
    for name in ("out", "outdir"):
        value = getattr(args, name, None)
        if not isinstance(value, Path):
            continue
        asked = value.expanduser().resolve()
        if failed is None or failed == asked or asked in failed.parents or failed in asked.parents:
            return asked
    return None


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    with build_in(requested_language(arguments)):
        parser = build_parser()
        try:
            args = parser.parse_args(arguments)
        except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help and --version
            return int(exc.code or 0)
    ctx = CliContext(args, out=out or sys.stdout, err=err or sys.stderr)
    handler: Handler = args.handler
    try:
        code = handler(ctx)
        if code == EXIT_OK:
            ctx.record_program_version()
        return code
    except LocalizedError as exc:
        if isinstance(exc, DatabaseCorruptError):
            exc = ctx.damaged(exc)
        ctx.warn(ctx.t("Feil: ", "Error: ") + exc.message(ctx.lang))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        ctx.warn(ctx.t("Avbrutt.", "Interrupted."))
        return 130
    except BrokenPipeError:  # the reader went away (e.g. "| head"): not an error of ours
        import os

        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if isinstance(exc, OSError) and (target := _output_of(args, exc)) is not None:
            # a file the user asked for could not be written: say why, not "unexpected error"
            ctx.warn(ctx.t("Feil: ", "Error: ") + file_error(exc, target).message(ctx.lang))
            return EXIT_REFUSED
        from competence.logs import log_exception

        where = log_exception("CLI command failed")
        if (damaged := ctx.damage_behind(exc)) is not None:
            # reading a damaged file failed: that is what the user must hear, not "unexpected error"
            ctx.warn(ctx.t("Feil: ", "Error: ") + damaged.message(ctx.lang))
            return EXIT_REFUSED
        ctx.warn(
            ctx.t(
                f"Uventet feil. Ingenting er endret. Detaljer er skrevet til {where}.",
                f"Unexpected error. Nothing was changed. Details were written to {where}.",
            )
        )
        return EXIT_REFUSED
    finally:
        ctx.close()
