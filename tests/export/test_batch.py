"""Plans for a whole unit: one file each and a combined file, in worker processes, with progress
and cancellation."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from pypdf import PdfReader

from competence import audit
from competence.errors import ValidationError
from competence.export.pdf import batch
from competence.export.pdf.batch import export_plans, file_name_for
from competence.progress import Cancelled, CancelToken
from competence.uow import UnitOfWork
from tests.export.conftest import ExportRegister
from tests.export.helpers import pdf_fonts, pdf_text


def test_file_names_are_safe() -> None:
    assert file_name_for("1001", "Ødegård", "Åse") == "Utviklingsplan 1001 Ødegård Åse.pdf"
    assert file_name_for("7", "../..\\etc", 'a:b*"c') == "Utviklingsplan 7 .. .. etc a b c.pdf"


@pytest.mark.parametrize(("workers", "start"), [(1, None), (2, "fork"), (2, "spawn")])
def test_batch_for_a_unit(
    uow: UnitOfWork,
    register: ExportRegister,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workers: int,
    start: str | None,
) -> None:
    if start is not None:  # both ways of starting workers: fork (command line), spawn (desktop app)
        monkeypatch.setattr(batch, "_process_context", lambda: multiprocessing.get_context(start))
        monkeypatch.setattr(batch, "CHUNK", 1)  # one plan per job: several jobs, both workers busy
    seen: list[tuple[int, int]] = []
    out = tmp_path / "planer"
    combined = tmp_path / "alle.pdf"
    result = export_plans(
        uow,
        "10",
        out,
        combined=combined,
        subunits=True,
        workers=workers,
        progress=lambda done, total, message="": seen.append((done, total)),
    )
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "Utviklingsplan 1001 Ødegård Åse.pdf",
        "Utviklingsplan 1002 Ærlig Per.pdf",
        "Utviklingsplan 1003 @Lie -Bjørn.pdf",
    ]
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    per_person = [len(PdfReader(f).pages) for f in result.files]
    reader = PdfReader(combined, strict=True)
    assert len(reader.pages) == sum(per_person) == result.pages
    assert [o.title for o in reader.outline] == ["Per Ærlig", "Åse Ødegård", "-Bjørn @Lie"]
    assert reader.metadata is not None and reader.metadata.title.startswith("Utviklingsplaner – 10 Helse")
    text = pdf_text(combined)
    assert "Åse Ødegård · Individuell utviklingsplan" in text and "Per Ærlig · Individuell" in text
    assert all(embedded for _, embedded in pdf_fonts(combined))
    event = audit.list_events(uow, action="export")[0]
    assert event.entity == "development_plans" and event.details["people"] == 3
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_cancelled_batch_leaves_nothing(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    token = CancelToken()

    def progress(done: int, total: int, message: str = "") -> None:
        if done >= 1:
            token.cancel()

    out = tmp_path / "planer"
    with pytest.raises(Cancelled):
        export_plans(sqlite_uow, "10", out, subunits=True, workers=1, progress=progress, cancel=token)
    assert list(out.iterdir()) == []
    assert audit.list_events(sqlite_uow, action="export") == []


def test_a_unit_without_people_is_refused(
    sqlite_uow: UnitOfWork, sqlite_register: ExportRegister, tmp_path: Path
) -> None:
    from competence import units

    units.create_unit(sqlite_uow, "99", "Tom enhet")
    with pytest.raises(ValidationError):
        export_plans(sqlite_uow, "99", tmp_path / "planer", combined=tmp_path / "alle.pdf")
    assert not (tmp_path / "alle.pdf").exists()
