"""Checks a roster file must pass before any parser opens it (docs/import.md).

In order: the file exists and is not empty or oversized; its extension is one the program reads;
its content is recognised by an entry of the format table (competence/roster/formats.py), which
refuses a file that is something else than it claims with a message saying what it is (an .xlsx
that is an encrypted container, a CSV named .xlsx); then that format's own checks run (zip bombs,
DTDs, sheet extents, crafted records).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from competence.roster.errors import RosterFileError, refused
from competence.roster.formats import BY_KIND, EXTENSIONS, Format, identify
from competence.roster.limits import DEFAULT_LIMITS, Limits
from competence.roster.probe import Probe


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the guards: what it is and its fingerprint."""

    path: Path
    file_name: str
    kind: str
    size: int
    sha256: str

    @property
    def format(self) -> Format:
        return BY_KIND[self.kind]


def _readable_types() -> tuple[str, str]:
    return (
        ".xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt, .html, .htm eller .xml",
        ".xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt, .html, .htm or .xml",
    )


def check_file(
    path: Path, limits: Limits = DEFAULT_LIMITS, *, recognised: Callable[[Format], None] | None = None
) -> CheckedFile:
    """Run every guard on ``path``; raise :class:`RosterFileError` on the first that fails.

    ``recognised`` is called with the file's format once it is known and before that format's own
    checks run (the reader's child process starts reading there, competence/roster/loading.py)."""
    name = path.name
    try:
        size = path.stat().st_size
        is_file = path.is_file()
    except OSError:
        size, is_file = 0, False
    if not is_file:
        raise refused("not_found", f"Fant ikke filen {path}.", f"The file {path} was not found.")
    if size == 0:
        raise refused("empty", f"Filen {name} er tom.", f"The file {name} is empty.")
    if size > limits.max_file_bytes:
        mb, cap = size / 2**20, limits.max_file_bytes / 2**20
        raise refused(
            "too_large",
            f"Filen {name} er {mb:.0f} MB; grensen er {cap:.0f} MB. "
            "En ansattliste er sjelden over noen få MB.",
            f"The file {name} is {mb:.0f} MB; the limit is {cap:.0f} MB. A roster is rarely over a few MB.",
        )
    if path.suffix.lower() not in EXTENSIONS:
        nb, en = _readable_types()
        raise refused(
            "unsupported_extension",
            f"Filen {name} har en filtype som ikke kan leses inn. Bruk {nb}.",
            f"The file {name} is of a type that cannot be imported. Use {en}.",
        )
    try:
        with Probe(path, limits) as probe:
            found = identify(probe)
            if found is None:
                raise refused(
                    "not_a_spreadsheet",
                    f"Filen {name} er ikke et regneark som kan leses (ukjent innhold).",
                    f"The file {name} is not a spreadsheet that can be read (unknown content).",
                )
            if found.read is not None and probe.extension not in found.extensions:
                raise _wrong_extension(name, found)
            if recognised is not None:
                recognised(found)
            found.check(probe, limits)
            if found.read is None:  # a check that did not refuse: refuse all the same
                raise _wrong_extension(name, found)
    except OSError:
        raise refused("unreadable", f"Kan ikke lese filen {name}.", f"Cannot read the file {name}.") from None
    return CheckedFile(path=path, file_name=name, kind=found.kind, size=size, sha256=file_sha256(path))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _wrong_extension(name: str, actual: Format) -> RosterFileError:
    suggested = actual.extensions[0]
    return refused(
        "wrong_extension",
        f"Filen {name} har feil filendelse: innholdet er {actual.name_nb}. Gi filen endelsen {suggested} "
        "og prøv igjen.",
        f"The file {name} has the wrong extension: its content is {actual.name_en}. Give it the extension "
        f"{suggested} and retry.",
    )
