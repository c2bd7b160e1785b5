"""Checks shared by the export tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from competence.validation import FORMULA_PREFIXES

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def assert_no_formulas(path: Path) -> int:
    """Every cell of every sheet: no formula anywhere, and formula-like text stored as text.

    Returns how many formula-like texts were seen (so a test can insist that it saw some).
    """
    wb = load_workbook(path)
    risky = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
                    assert cell.data_type == "s", f"{ws.title}!{cell.coordinate}"
                    risky += 1
    return risky


def soffice() -> str:
    """The LibreOffice binary, or a skip (a failure in CI, which promises LibreOffice)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if IN_CI:
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed: workbook conversion not checked")
    return found


def convert_to_pdf(path: Path, out_dir: Path) -> Path:
    """Convert a workbook with LibreOffice headless; returns the PDF."""
    binary = soffice()
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = out_dir / (path.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 0
    return pdf


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        if IN_CI:
            pytest.fail("pdftotext (poppler-utils) is required in CI")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        [tool, "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of a PDF, from poppler's pdffonts."""
    tool = shutil.which("pdffonts")
    if tool is None:
        if IN_CI:
            pytest.fail("pdffonts (poppler-utils) is required in CI")
        pytest.skip("pdffonts (poppler-utils) is not installed")
    lines = subprocess.run([tool, str(path)], check=True, capture_output=True, text=True).stdout.splitlines()[
        2:
    ]
    fonts = []
    for line in lines:
        parts = line.split()
        # name, type words..., encoding, emb, sub, uni, object, id
        fonts.append((parts[0], parts[-5] == "yes"))
    return fonts
