"""The licences of what the program is built from and ships: shown in Hjelp → Om.

The Python libraries are the program's run-time dependencies as installed (the closure of
``kompetanseregister``'s requirements, extras it asks for included, test and build tools not), read
from their package metadata: from the virtual environment when run from source, from the metadata
the bundle carries when frozen (packaging/kompetanseregister.spec copies it). Qt, Python and the
DejaVu fonts have their licence texts in ``resources/``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from competence import __version__

PROJECT = "kompetanseregister"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
LICENCES_DIR = RESOURCES / "licences"
FONT_LICENCE = RESOURCES / "fonts" / "LICENSE-DejaVu.txt"
#: Names of licence files in a package's metadata folder.
_LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Component:
    """Something the program contains, under its own licence."""

    name: str
    #: Empty when not known (the fonts).
    version: str
    licence: str
    #: (file name, text) of the licence files; empty when the package ships none.
    texts: tuple[tuple[str, str], ...]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = PROJECT) -> list[str]:
    """The installed distributions the program runs on, by their metadata names, sorted.

    Requirements for an extra are followed only where the requiring side asked for that extra
    (``psycopg[binary]`` brings ``psycopg-binary``); those for other platforms are not installed and
    are left out.
    """
    found: dict[str, str] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while todo:
        name, extras = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _normalise(dist.metadata["Name"])
        if key in found and not extras:
            continue
        found[key] = dist.metadata["Name"]
        for requirement in dist.requires or []:
            spec, _, marker = requirement.partition(";")
            match = _REQUIREMENT.match(spec)
            if match is None:
                continue
            wanted = _EXTRA_MARKER.search(marker)
            if wanted is not None and wanted.group(1) not in extras:
                continue
            sub_extras = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
            todo.append((match.group(1), sub_extras))
    found.pop(PROJECT, None)
    return sorted(found.values(), key=str.lower)


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    """One field of a package's metadata, None when absent (importlib_metadata, which keyring
    brings, raises KeyError for an absent field where the standard library returns None)."""
    try:
        return meta[name]
    except KeyError:
        return None


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return str(expression)
    text = str(_field(meta, "License") or "").strip()
    if text and len(text) <= 80 and "\n" not in text:
        return text
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")
    ]
    return "; ".join(classifiers) or (text.splitlines()[0][:80] if text else "?")


def _licence_texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    texts: list[tuple[str, str]] = []
    for file in dist.files or []:
        parts = file.parts
        in_metadata = any(part.endswith(".dist-info") for part in parts[:-1])
        if not in_metadata or not (_LICENCE_FILE.match(file.name) or "licenses" in parts):
            continue
        try:
            texts.append((file.name, Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")))
        except OSError:
            continue
    return tuple(texts)


def _read(path: Path) -> tuple[tuple[str, str], ...]:
    try:
        return ((path.name, path.read_text(encoding="utf-8")),)
    except OSError:
        return ()


@cache
def components() -> tuple[Component, ...]:
    """Kompetanseregister itself, Python, Qt, the fonts, then every Python library, by name."""
    qt_version = "?"
    qt_texts = _read(LICENCES_DIR / "LGPL-3.0.txt") + _read(LICENCES_DIR / "GPL-3.0.txt")
    with_metadata: list[Component] = []
    for name in runtime_distributions():
        dist = metadata.distribution(name)
        if _normalise(name) == "pyside6-essentials":
            qt_version = dist.version  # PySide6's wheels carry the Qt of the same version
        licence, texts = _licence_of(dist), _licence_texts(dist)
        if not texts and licence.startswith("LGPL-3.0"):  # PySide6 and shiboken6 ship no text
            texts = qt_texts
        with_metadata.append(Component(name, dist.version, licence, texts))
    own = [
        Component("Kompetanseregister", __version__, "MIT", ()),
        Component("Python", sys.version.split()[0], "PSF-2.0", _read(LICENCES_DIR / "Python-LICENSE.txt")),
        Component("Qt", qt_version, "LGPL-3.0-only", qt_texts),
        Component("DejaVu Sans", "", "Bitstream Vera / public domain", _read(FONT_LICENCE)),
    ]
    return tuple(own + with_metadata)
