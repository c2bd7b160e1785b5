"""Checks a workbook must pass before openpyxl opens it (DESIGN §9): size, a real zip-based
workbook, and a zip directory that cannot blow up (member count, declared sizes, compression
ratio). Python's zip reader stops at each member's declared size, so the declared sizes bound what
parsing can allocate; XML attacks (entities, DTDs) are refused by defusedxml inside openpyxl.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from competence.errors import ValidationError


@dataclass(frozen=True)
class WorkbookLimits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_members: int = 1000
    max_total_bytes: int = 300 * 1024 * 1024
    max_ratio: float = 200.0


DEFAULT_LIMITS = WorkbookLimits()


def _refused(code: str, nb: str, en: str) -> ValidationError:
    return ValidationError(nb, en, field="file", code=code)


def check_workbook(path: Path, limits: WorkbookLimits = DEFAULT_LIMITS) -> None:
    """Raise :class:`ValidationError` with a clear message unless ``path`` is a sane .xlsx file."""
    name = path.name
    if not path.is_file():
        raise _refused("not_found", f"Fant ikke filen {path}.", f"The file {path} was not found.")
    size = path.stat().st_size
    if size == 0:
        raise _refused("empty", f"Filen {name} er tom.", f"The file {name} is empty.")
    if size > limits.max_file_bytes:
        raise _refused(
            "too_large",
            f"Filen {name} er {size / 1e6:.0f} MB; en vurderingsmal er sjelden over 1 MB "
            f"(grensen er {limits.max_file_bytes / 1e6:.0f} MB).",
            f"The file {name} is {size / 1e6:.0f} MB; an assessment template is rarely over 1 MB "
            f"(the limit is {limits.max_file_bytes / 1e6:.0f} MB).",
        )
    with path.open("rb") as fh:
        head = fh.read(4)
    if head != b"PK\x03\x04":
        raise _refused(
            "not_a_workbook",
            f"Filen {name} er ikke en Excel-arbeidsbok (.xlsx).",
            f"The file {name} is not an Excel workbook (.xlsx).",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refused(
            "damaged", f"Filen {name} er skadet og kan ikke leses.", f"The file {name} is damaged."
        ) from None
    if len(infos) > limits.max_members:
        raise _bomb(name)
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > limits.max_total_bytes or (info.file_size > 1024 * 1024 and ratio > limits.max_ratio):
            raise _bomb(name)
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise _refused(
            "not_a_workbook",
            f"Filen {name} er ikke en Excel-arbeidsbok (.xlsx).",
            f"The file {name} is not an Excel workbook (.xlsx).",
        )


def _bomb(name: str) -> ValidationError:
    return _refused(
        "zip_bomb",
        f"Filen {name} pakker seg ut til mye mer enn en arbeidsbok kan inneholde, og blir ikke lest.",
        f"The file {name} unpacks to far more than a workbook can hold and is not read.",
    )
