"""Regenerate docs/screenshots/export-*.png: the first page of each export, made from a demo register.

    .venv/bin/python scripts/export_screenshots.py [--employees 150] [--lang en] [--out FOLDER]

``--lang en`` makes the English exports (files named ``export-*-en.png``); ``--out`` writes the
pictures into another folder (to look at them without touching the committed ones).

Workbooks are printed through LibreOffice headless (as a user printing them would see them), PDFs
are rendered directly; both with pdftoppm at 80 dpi. Today is pinned so the pictures are stable.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KOMPETANSE_TODAY", "2026-01-15")

OUT = ROOT / "docs" / "screenshots"


def busiest_unit(uow: object) -> tuple[str, str]:
    """(number of the unit with the most people among those with sub-units, a person's number there)."""
    from competence.export.scope import people_in, resolve_scope
    from competence.units import list_units

    units = list_units(uow, with_counts=True)  # type: ignore[arg-type]
    parents = {u.parent_id for u in units if u.parent_id is not None}
    chosen = max(
        (u for u in units if u.people > 0),
        key=lambda u: (u.id in parents, u.people),
    )
    with uow:  # type: ignore[attr-defined]
        people = people_in(uow.session, resolve_scope(uow.session, chosen.number))  # type: ignore[attr-defined]
    return chosen.number, people[0].employee_no


def first_page_png(pdf: Path, name: str, out: Path = OUT, page: int = 1) -> Path:
    target = out / name
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(target.with_suffix("")),
        ],
        check=True,
    )
    return target


def workbook_pdf(workbook: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to print the workbooks")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(workbook),
        ],
        check=True,
        capture_output=True,
    )
    return folder / (workbook.stem + ".pdf")


def page_with(pdf: Path, texts: tuple[str, ...]) -> int:
    """The number (from 1) of the first page of ``pdf`` holding one of ``texts`` (1 if none does)."""
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        if any(text in page.extract_text() for text in texts):
            return number
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=150)
    parser.add_argument("--lang", choices=("nb", "en"), default="nb", help="the exports' language")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the pictures")
    args = parser.parse_args()
    lang, out = args.lang, args.out
    suffix = "" if lang == "nb" else f"-{lang}"
    from competence.demo import generate_demo
    from competence.export.excel.compliance import export_compliance
    from competence.export.excel.fulltime import export_fulltime
    from competence.export.excel.gap_report import export_gap_report
    from competence.export.excel.matrix import export_matrix
    from competence.export.excel.self_assessment import export_self_assessment
    from competence.export.excel.template import export_template
    from competence.export.excel.unit_plan import export_unit_plan_workbook
    from competence.export.pdf.plan import export_plan
    from competence.export.pdf.unit_plan import export_unit_plan
    from competence.uow import UnitOfWork
    from db.session import open_database

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kompetanse-screens-") as tmp:
        folder = Path(tmp)
        os.environ["KOMPETANSE_DATA_DIR"] = str(folder / "data")
        database = open_database(f"sqlite:///{folder / 'demo.db'}")
        try:
            generate_demo(database, employees=args.employees)
            uow = UnitOfWork(database, actor="skjermbilder")
            unit, person = busiest_unit(uow)
            books = {
                "export-matrix": export_matrix(
                    uow, folder / "matrise.xlsx", unit_number=unit, lang=lang
                ).path,
                "export-gap-report": export_gap_report(
                    uow, folder / "avvik.xlsx", unit_number=unit, lang=lang
                ).path,
                "export-template": export_template(
                    uow, folder / "mal.xlsx", unit_number=unit, lang=lang
                ).path,
                "export-heltid": export_fulltime(uow, folder / "heltid.xlsx", lang=lang).path,
                # who lacks a mandatory requirement, in the whole municipality (docs/compliance.md)
                "export-compliance": export_compliance(uow, folder / "lovpalagt.xlsx", lang=lang).path,
                "export-self-assessment": export_self_assessment(
                    uow, folder / "egenvurdering.xlsx", unit_number=unit, lang=lang
                ).path,
                "export-unit-plan-excel": export_unit_plan_workbook(
                    uow, unit, folder / "plan.xlsx", lang=lang
                ).path,
            }
            for name, book in books.items():
                print(first_page_png(workbook_pdf(book, folder), f"{name}{suffix}.png", out))
            plan = export_plan(uow, person, folder / "plan.pdf", lang=lang).path
            print(first_page_png(plan, f"export-plan{suffix}.png", out))
            unit_plan = export_unit_plan(uow, unit, folder / "enhet.pdf", lang=lang).path
            print(first_page_png(unit_plan, f"export-unit-plan{suffix}.png", out))
            # the unit plan's heatmap, on its second page; its measures, budget and 10-FAKTOR
            print(first_page_png(unit_plan, f"export-unit-plan-heatmap{suffix}.png", out, page=2))
            measures = page_with(unit_plan, ("Tiltak og budsjett", "Measures and budget"))
            print(first_page_png(unit_plan, f"export-unit-plan-tiltak{suffix}.png", out, page=measures))
        finally:
            database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
