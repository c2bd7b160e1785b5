"""The PDF reports: text (æøå) extractable, fonts embedded, A4, metadata, page footers, content."""

from __future__ import annotations

import base64
import datetime as dt
import struct
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from competence import audit, settings
from competence.errors import NotFoundError
from competence.export.pdf.concat import DocInfo, NotJoinable, join_pdfs, split_pdf
from competence.export.pdf.plan import export_plan
from competence.export.pdf.unit_plan import export_unit_plan
from competence.uow import UnitOfWork
from tests.export.conftest import ExportRegister
from tests.export.helpers import pdf_fonts, pdf_text

A4 = (595.28, 841.89)


def _png(width: int, height: int) -> bytes:
    """A small red PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


LOGO_PNG = _png(40, 16)


def assert_a4_and_embedded(path: Path) -> PdfReader:
    reader = PdfReader(path)
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=0.5)
    fonts = pdf_fonts(path)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert all("DejaVuSans" in name for name, _ in fonts)
    return reader


def test_development_plan(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = export_plan(uow, "1001", out, talk_on=dt.date(2026, 11, 22))
    reader = assert_a4_and_embedded(out)
    assert result.pages == len(reader.pages) >= 1
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Individuell utviklingsplan – Åse Ødegård"
    assert meta.author == "Østre Toten kommune"
    assert "Medarbeidersamtale 22.11.2026" in (meta.subject or "")
    text = pdf_text(out)
    for expected in (
        "Østre Toten kommune",
        "Individuell utviklingsplan",
        "Åse Ødegård",
        "Hjemmetjenesten",
        "Fagleder",
        "80 %",
        "03.11.2025",  # the previous talk
        "Kompetanseprofil",
        "dig-2 Informasjonssikkerhet",
        "(kritisk)",
        "Risikovurdering",
        "Kurs i risikovurdering på sykehjem",
        "30.06.2026",
        "Førstehjelp",
        "22.12.2026",
        "Utløper snart",
        "Notater fra samtalen",
        "Underskrift ansatt: Åse Ødegård",
        "Underskrift leder: Lise Leder",
    ):
        assert expected in text, expected
    pages = [page.extract_text() for page in reader.pages]
    for number, page_text in enumerate(pages, start=1):
        assert "Åse Ødegård · Individuell utviklingsplan" in page_text
        assert f"Side {number} av {len(pages)}" in page_text
    event = audit.list_events(uow, action="export")[0]
    assert (event.entity, event.employee_no) == ("development_plan", "1001")


def test_plan_of_the_talk_day_prints_its_notes_and_logo(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    settings.save_settings(
        uow,
        settings.RegisterSettings(
            municipality="Løten kommune", logo_png_b64=base64.b64encode(LOGO_PNG).decode("ascii")
        ),
    )
    out = tmp_path / "plan.pdf"
    export_plan(uow, "1001", out, talk_on=dt.date(2025, 11, 3))
    text = pdf_text(out)
    assert "Trives godt." in text and "Ønsker mer ansvar." in text
    assert "Ingen registrert" in text  # no talk before that one
    assert "Løten kommune" in text
    assert b"/Subtype /Image" in out.read_bytes()


def test_a_logo_that_cannot_be_read_is_left_out(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    broken = base64.b64encode(LOGO_PNG[:60]).decode("ascii")
    settings.save_settings(uow, settings.RegisterSettings(municipality="Løten kommune", logo_png_b64=broken))
    out = tmp_path / "plan.pdf"
    export_plan(uow, "1001", out)
    assert b"/Subtype /Image" not in out.read_bytes()
    assert "Løten kommune" in pdf_text(out)


def test_plan_of_a_person_without_requirements(
    uow: UnitOfWork, register: ExportRegister, tmp_path: Path
) -> None:
    from competence import employees

    employees.create_employee(uow, "3001", "Ærlend", "Østby")
    out = tmp_path / "tom.pdf"
    export_plan(uow, "3001", out)
    text = pdf_text(out)
    assert "Rollen har ingen registrerte kompetansekrav." in text
    assert "Ingen utviklingsmål er registrert." in text


def test_unknown_employee_is_refused(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_plan(uow, "99999", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_unit_plan(uow: UnitOfWork, register: ExportRegister, tmp_path: Path) -> None:
    out = tmp_path / "enhet.pdf"
    result = export_unit_plan(uow, "10", out)
    reader = assert_a4_and_embedded(out)
    assert result.pages == len(reader.pages)
    assert reader.metadata is not None and reader.metadata.title == (
        "Kompetanseplan for enheten – 10 Helse og omsorg med underenheter"
    )
    text = pdf_text(out)
    for expected in (
        "Kompetanseplan for enheten",
        "Strategiområder",
        "§15 Digital transformasjon",
        "Kompetansekart",
        "11 Hjemmetjenesten Øst",
        "Sårbare kompetanser",
        "Planlagte læringsaktiviteter",
        "Kurs i risikovurdering",
        "4 500",
        "Sertifikater som utløper",
        "Førstehjelp",
    ):
        assert expected in text, expected
    assert result.activities == 2
    pages = [page.extract_text() for page in reader.pages]
    for number, page_text in enumerate(pages, start=1):
        assert "Kompetanseplan for enheten · 10 Helse og omsorg" in page_text
        assert f"Side {number} av {len(pages)}" in page_text


def test_join_refuses_other_pdfs(tmp_path: Path) -> None:
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n")
    with pytest.raises(NotJoinable):
        join_pdfs([(odd, [("x", 0)])], tmp_path / "out.pdf", DocInfo("t", "a", "s"))
    with pytest.raises(NotJoinable):
        split_pdf(odd.read_bytes(), [(0, 1)], [(tmp_path / "del.pdf", DocInfo("t", "a", "s"))])
