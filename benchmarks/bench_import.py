"""HR roster import (issue 3): generated rosters of 1,500 and 50,000 rows into an empty SQLite register.

Measured in one run: python-calamine alone reading the 50,000-row file (the floor), the full import
(guards, reading, checking every row, comparing, writing, recording the run), the re-import of the
unchanged file, and the peak memory of an import in a child process of its own.

The generated roster looks like an HR export: a cover sheet first and active, a title row, shared
strings, percent-formatted FTE cells and text FTE, date cells, one person in ten on two rows,
managers five levels deep.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

from benchmarks.harness import Row, best_of, max_rss_mb_of_child

TITLE = "Roster import (issue 3)"

_FIRST = ["Kari", "Per", "Ola", "Åse", "Nils", "Ingrid", "Øystein", "Siri", "Lars", "Mona", "Jørgen", "Tone"]
_LAST = ["Hansen", "Olsen", "Berg", "Ødegård", "Lie", "Dahl", "Strand", "Haugen", "Bakke", "Moen", "Aas"]
_TITLES = ["Sykepleier", "Helsefagarbeider", "Lærer", "Konsulent", "Assistent", "Fagarbeider", "Rådgiver"]


def make_roster(path: Path, people: int) -> Path:
    """Write a roster of ``people`` persons (about 10 % more rows) once; reuse it afterwards."""
    if path.exists():
        return path
    import openpyxl

    rng = random.Random(people)
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Forside"
    cover["A1"] = "Ansattliste eksportert fra HR-systemet"
    sheet = book.create_sheet("Ansatte")
    sheet["A1"] = f"Benchkommune – ansattliste ({people} ansatte)"
    sheet.append([])
    sheet.append(
        [
            "Ansattnr",
            "Navn",
            "E-post",
            "Enhetsnr",
            "Enhet",
            "Stilling",
            "Stilling %",
            "Startdato",
            "Leder ansattnr",
        ]
    )
    numbers = [100_000 + i for i in range(people)]
    row = 3
    for index, number in enumerate(numbers):
        # managers five levels deep: person i reports to person i // 8 (the first has none)
        manager = numbers[index // 8] if index else None
        unit = 1000 + index % 150
        name = f"{rng.choice(_LAST)}, {rng.choice(_FIRST)}"
        email = f"p{number}@benchkommune.no"
        for extra in range(2 if index % 10 == 0 else 1):
            fte: float | str = rng.choice([1.0, 0.8, 0.5, 0.625]) if extra == 0 else "20 %"
            row += 1
            values = [
                number,
                name,
                email,
                unit + extra,
                f"Enhet {unit + extra}",
                rng.choice(_TITLES),
                fte,
                dt.date(1990 + index % 34, 1 + index % 12, 1 + index % 28),
                manager,
            ]
            for column, value in enumerate(values, start=1):
                if value is not None:
                    sheet.cell(row=row, column=column, value=value)
            if isinstance(fte, float):
                sheet.cell(row=row, column=7).number_format = "0.0%"
            sheet.cell(row=row, column=8).number_format = "DD.MM.YYYY"
    book.active = 0
    book.save(path)
    return path


def _empty_database(template: Path, target: Path) -> str:
    """A migrated, empty SQLite register (copied from a template made once)."""
    from db.session import open_database

    if not template.exists():
        open_database(f"sqlite:///{template}").dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def _import(url: str, roster: Path) -> tuple[int, int]:
    from competence.roster import run_import
    from competence.uow import UnitOfWork
    from db.session import open_database

    database = open_database(url)
    try:
        report = run_import(UnitOfWork(database, actor="bench"), roster)
        return report.created, report.changes
    finally:
        database.dispose()


def _calamine_alone(roster: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(roster))
    rows = book.get_sheet_by_name("Ansatte").to_python()
    book.close()
    return len(rows)


_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from competence.roster import run_import
from competence.uow import UnitOfWork
from db.session import open_database
database = open_database({url!r})
report = run_import(UnitOfWork(database, actor="bench"), Path({roster!r}))
assert report.created > 0
"""


def run(workdir: Path, quick: bool) -> list[Row]:
    root = Path(__file__).resolve().parent.parent
    small_n, big_n = (1_500, 5_000) if quick else (1_500, 50_000)
    small = make_roster(workdir / f"roster-{small_n}.xlsx", small_n)
    big = make_roster(workdir / f"roster-{big_n}.xlsx", big_n)
    template = workdir / "empty-register.db"
    rows: list[Row] = []

    # Memory first, while this process is small (a child's peak RSS includes its parent's at fork).
    url = _empty_database(template, workdir / "memory.db")
    child = _CHILD.format(root=str(root), url=url, roster=str(big))
    _, rss = max_rss_mb_of_child([sys.executable, "-c", child])
    rows.append(Row(f"peak memory, import of {big_n:,} people (child RSS)", rss, "MB", 400.0))

    calamine_s, count = best_of(lambda: _calamine_alone(big), repeat=3)
    rows.append(Row(f"python-calamine alone, {count:,} rows", calamine_s, "s", note="the floor"))

    def fresh(roster: Path, name: str) -> tuple[int, int]:
        return _import(_empty_database(template, workdir / name), roster)

    small_s, (created, _) = best_of(lambda: fresh(small, "small.db"), repeat=5)
    rows.append(
        Row(f"import {small_n:,} people into an empty register", small_s, "s", 0.3, f"{created} created")
    )

    big_s, (created, _) = best_of(lambda: fresh(big, "big.db"), repeat=3)
    rows.append(Row(f"import {big_n:,} people into an empty register", big_s, "s", 3.0, f"{created} created"))
    rows.append(
        Row(
            "full import ÷ calamine alone",
            big_s / calamine_s,
            "×",
            4.0,
            f"{big_s:.2f} s vs {calamine_s:.2f} s in the same run",
        )
    )

    again_s, (_, changes) = best_of(lambda: _import(f"sqlite:///{workdir / 'big.db'}", big), repeat=3)
    rows.append(
        Row(
            f"re-import of the unchanged {big_n:,}-people file",
            again_s,
            "s",
            2.0,
            f"{changes} rows written" + (" (none, as required)" if changes == 0 else " (should be none)"),
        )
    )
    return rows
