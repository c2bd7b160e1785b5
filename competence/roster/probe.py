"""What a file says it is, looked at once and shared by every format's recogniser and checks.

Each view is opened only when a recogniser asks for it: the first bytes always; the zip directory
(checked for bombs on opening) for a zip; the compound-file directory for an OLE2 container; the
first bytes as text for a text export.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from competence.roster.book import Closing
from competence.roster.cfb import MAGIC as CFB_MAGIC
from competence.roster.cfb import CompoundFile, CompoundFileError
from competence.roster.errors import damaged
from competence.roster.limits import Limits
from competence.roster.textfile import sniff_text
from competence.roster.zipsafe import SafeZip

#: How much of a file the recognisers see.
HEAD_BYTES = 8192


class Probe(Closing):
    """One file under examination. Use as a context manager (an opened zip is closed on leaving)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.name = path.name
        self.extension = path.suffix.lower()
        self.limits = limits
        with path.open("rb") as fh:
            self.head = fh.read(HEAD_BYTES)
        self._zip: SafeZip | None = None

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    @cached_property
    def zip(self) -> SafeZip | None:
        """The zip container, its directory checked; None when the file is not a zip."""
        if not self.head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            return None
        self._zip = SafeZip(self.path, self.name, self.limits)
        return self._zip

    @cached_property
    def compound(self) -> CompoundFile | None:
        """The OLE2 compound file (the container of .xls); None when the file is not one."""
        if not self.head.startswith(CFB_MAGIC):
            return None
        try:
            return CompoundFile(self.path.read_bytes())
        except CompoundFileError:
            raise damaged(self.name) from None

    def stream(self, name: str) -> bytes | None:
        """A stream of the compound file (case-insensitive name), None when absent."""
        container = self.compound
        if container is None:
            return None
        try:
            return container.read_stream(name)
        except CompoundFileError:
            raise damaged(self.name) from None

    @cached_property
    def text(self) -> str | None:
        """The first bytes as text, when the file is a text file; None for binary content."""
        return sniff_text(self.head)

    @cached_property
    def lowered(self) -> str:
        """The first bytes as text in lower case, without leading white space ("" for binary)."""
        return (self.text or "").lstrip().lower()
