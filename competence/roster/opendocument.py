"""OpenDocument spreadsheets (.ods): how one is recognised, and what it must pass before it is parsed.

An .ods names itself in its ``mimetype`` member; one saved without it (which the format forbids,
and python-calamine cannot open) still says what it is in its manifest, and is refused for that
reason rather than called "a zip file". Every XML member is read without trusting the zip; the
sheets in ``content.xml`` are measured row by row, repeated rows and cells included.
"""

from __future__ import annotations

import re

from competence.roster.errors import refused
from competence.roster.extent import ods_extents, refuse_dtd
from competence.roster.limits import Limits
from competence.roster.probe import Probe

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_MANIFEST_ROOT = re.compile(
    rb"""full-path\s*=\s*["']/["'][^>]*media-type\s*=\s*["']application/vnd\.oasis\.opendocument\.spreadsheet["']"""
    rb"""|media-type\s*=\s*["']application/vnd\.oasis\.opendocument\.spreadsheet["'][^>]*full-path\s*=\s*["']/["']"""
)


def is_spreadsheet(probe: Probe) -> bool:
    package = probe.zip
    if package is None:
        return False
    mimetype = package.read_small("mimetype", limit=1024)
    if mimetype is not None:
        return mimetype.strip() == MIMETYPE
    manifest = package.read_small("META-INF/manifest.xml")
    return manifest is not None and _MANIFEST_ROOT.search(manifest) is not None


def check_spreadsheet(probe: Probe, limits: Limits) -> None:
    package = probe.zip
    assert package is not None
    if "mimetype" not in package or "content.xml" not in package:
        missing = "mimetype" if "mimetype" not in package else "content.xml"
        raise refused(
            "damaged",
            f"Filen {probe.name} er et OpenDocument-regneark, men mangler delen «{missing}» som formatet "
            "krever, og kan ikke leses. Åpne den i LibreOffice, lagre på nytt og prøv igjen.",
            f"The file {probe.name} is an OpenDocument spreadsheet but lacks the part '{missing}' the format "
            "requires, and cannot be read. Open it in LibreOffice, save it again and retry.",
        )
    for member in package.xml_members():
        if member == "content.xml":
            ods_extents(package.chunks(member), limits)
        else:
            refuse_dtd(package.chunks(member))


def refuse_other_zip(probe: Probe, limits: Limits) -> None:
    raise refused(
        "not_a_spreadsheet",
        f"Filen {probe.name} er en zip-fil, men ikke et regneark.",
        f"The file {probe.name} is a zip archive but not a spreadsheet.",
    )
