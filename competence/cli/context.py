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
from db.engine import resolve_url
from db.errors import DatabaseCorruptError
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
                raise with_backup_advice(exc, url) from exc
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
            record_program_version(UnitOfWork(self._database))
            warning = network_location_warning(url)
            if warning is not None:
                self.warn(self.t("Advarsel: ", "Warning: ") + warning.message(self.lang))
        return self._database

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database())

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(text, file=self.err)

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None
