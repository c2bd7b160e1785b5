"""What every command gets: the parsed options, the user's language, and the database on demand."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

from competence.backups import with_backup_advice
from competence.program_versions import record_program_version
from competence.uow import UnitOfWork
from db.engine import resolve_url, sqlite_path
from db.errors import DatabaseCorruptError, raised_by_database, translate_db_error
from db.location import network_location_warning
from db.session import Database, open_database


@dataclass
class CliContext:
    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _database: Database | None = None

    @property
    def lang(self) -> str:
        return str(getattr(self.args, "lang", None) or "nb")

    @property
    def english(self) -> bool:
        return self.lang.startswith("en")

    def t(self, nb: str, en: str) -> str:
        """Pick the message in the user's language."""
        return en if self.english else nb

    def database(self) -> Database:
        """Open (and migrate) the database given by --db / KOMPETANSE_DB_URL / the default file."""
        if self._database is None:
            url = resolve_url(getattr(self.args, "db", None))
            try:
                self._database = open_database(url)
            except DatabaseCorruptError as exc:
                raise self.damaged(exc) from exc
            migration = self._database.migration
            if migration is not None and migration.backup is not None:
                self.warn(
                    self.t(
                        f"Registeret er oppgradert til denne versjonen av programmet. En kopi fra før "
                        f"oppgraderingen ligger i {migration.backup}",
                        f"The register was upgraded to this version of the program. A copy from before "
                        f"the upgrade is in {migration.backup}",
                    )
                )
            warning = network_location_warning(url)
            if warning is not None:
                self.warn(self.t("Advarsel: ", "Warning: ") + warning.message(self.lang))
        return self._database

    def record_program_version(self) -> None:
        """After a command that succeeded on the register: note this program's version in it (at most
        a write a day). Not at opening: a command that fails, on a register damaged in a way only
        reading finds, must leave the file as it was."""
        if self._database is not None:
            record_program_version(UnitOfWork(self._database))

    def damaged(self, exc: DatabaseCorruptError) -> DatabaseCorruptError:
        """The refusal of a damaged register, naming its newest backup. Left as it is when it is
        about another file (a backup given to ``restore``)."""
        url = (
            self._database.url if self._database is not None else resolve_url(getattr(self.args, "db", None))
        )
        path = sqlite_path(url)
        if path is None or exc.details.get("location") not in ("", str(path)):
            return exc
        return with_backup_advice(exc, url)

    def damage_behind(self, exc: BaseException) -> DatabaseCorruptError | None:
        """When an unexpected error came out of reading the register and the file is damaged: the
        refusal to show instead of "unexpected error" (after checking the file; None otherwise)."""
        database = self._database
        if database is None or database.path is None or not raised_by_database(exc):
            return None
        found = translate_db_error(exc)
        if not isinstance(found, DatabaseCorruptError):
            found = database.find_damage()
        return None if found is None else self.damaged(found)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database())

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(text, file=self.err)

    def print_json(self, data: Any) -> None:
        """Indented for a person at a terminal; one compact line when piped or redirected, for the
        script reading it. Compact JSON is written by the json module's C encoder in one write; the
        indented form goes through its pure-Python encoder, which on a whole municipality's gap report
        (20 MB) took half of the command's time (docs/benchmarks.md)."""
        if _is_terminal(self.out):
            text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        else:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
        self.out.write(text + "\n")

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
