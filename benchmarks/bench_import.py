"""HR roster import: generated rosters of 1,500 and 50,000 rows into an empty SQLite register.

Measured in one run: python-calamine alone reading the 50,000-row file (the floor), the full import
(guards, reading in the reader's child process, checking every row, comparing, writing, recording
the run) as in the desktop app, where the register is open and a reader child is kept ready, and as
a one-off command, which opens and closes the register and starts its reader child for the import;
the re-import of the unchanged file and the same roster as a CSV file (both as in the app),
what the reader's child process costs over reading in the importing process, the peak memory of an
import (the importing process and the reader's child), and every file of the peer corpus
(../shared/peer-spreadsheets, when it is there): the slowest and the largest.

The generated roster looks like an HR export: a cover sheet first and active, a title row, shared
strings, percent-formatted FTE cells and text FTE, date cells, one person in ten on two rows,
managers five levels deep.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import json
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.harness import Row, best_of

TITLE = "Roster import"

_FIRST = ["Kari", "Per", "Ola", "Åse", "Nils", "Ingrid", "Øystein", "Siri", "Lars", "Mona", "Jørgen", "Tone"]
_LAST = ["Hansen", "Olsen", "Berg", "Ødegård", "Lie", "Dahl", "Strand", "Haugen", "Bakke", "Moen", "Aas"]
_TITLES = ["Sykepleier", "Helsefagarbeider", "Lærer", "Konsulent", "Assistent", "Fagarbeider", "Rådgiver"]


HEADER = [
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


def roster_rows(people: int) -> Iterator[list[Any]]:
    """The rows of a roster of ``people`` persons (about 10 % more rows: some hold two posts)."""
    rng = random.Random(people)
    numbers = [100_000 + i for i in range(people)]
    for index, number in enumerate(numbers):
        # managers five levels deep: person i reports to person i // 8 (the first has none)
        manager = numbers[index // 8] if index else None
        unit = 1000 + index % 150
        name = f"{rng.choice(_LAST)}, {rng.choice(_FIRST)}"
        email = f"p{number}@benchkommune.no"
        for extra in range(2 if index % 10 == 0 else 1):
            fte: float | str = rng.choice([1.0, 0.8, 0.5, 0.625]) if extra == 0 else "20 %"
            yield [
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


def make_roster(path: Path, people: int) -> Path:
    """Write a roster of ``people`` persons once; reuse it afterwards."""
    if path.exists():
        return path
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Forside"
    cover["A1"] = "Ansattliste eksportert fra HR-systemet"
    sheet = book.create_sheet("Ansatte")
    sheet["A1"] = f"Benchkommune – ansattliste ({people} ansatte)"
    sheet.append([])
    sheet.append(HEADER)
    row = 3
    for values in roster_rows(people):
        row += 1
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=row, column=column, value=value)
        if isinstance(values[6], float):
            sheet.cell(row=row, column=7).number_format = "0.0%"
        sheet.cell(row=row, column=8).number_format = "DD.MM.YYYY"
    book.active = 0
    book.save(path)
    return path


def make_csv(path: Path, people: int) -> Path:
    """The same roster as a Norwegian Excel writes CSV: semicolons, Windows-1252, decimal commas."""
    if path.exists():
        return path
    with path.open("w", encoding="cp1252", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow([f"Benchkommune – ansattliste ({people} ansatte)"])
        out.writerow([])
        out.writerow(HEADER)
        for values in roster_rows(people):
            fte = values[6]
            shown = f"{fte * 100:g}".replace(".", ",") + " %" if isinstance(fte, float) else fte
            out.writerow([*values[:6], shown, f"{values[7]:%d.%m.%Y}", values[8] or ""])
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
    """A one-off command's import: the register opened, the roster imported, the register closed."""
    return _timed_import(url, roster)[1]


def _timed_import(url: str, roster: Path) -> tuple[float, tuple[int, int]]:
    """The import alone, timed, the register opened before and closed after, untimed: in the desktop
    app the register is open, and closing it (its checkpoint and clean-close stamp) is not the import."""
    from competence.roster import run_import
    from competence.uow import UnitOfWork
    from db.session import open_database

    database = open_database(url)
    try:
        gc.collect()
        start = time.perf_counter()
        report = run_import(UnitOfWork(database, actor="bench"), roster)
        return time.perf_counter() - start, (report.created, report.changes)
    finally:
        database.dispose()


def _in_the_app(url: Callable[[], str], roster: Path, repeat: int) -> tuple[float, tuple[int, int]]:
    """The fastest of ``repeat`` imports into the register ``url()`` gives, timed as in the app."""
    runs = [_timed_import(url(), roster) for _ in range(repeat)]
    return min(runs, key=lambda run: run[0])


def _calamine_alone(roster: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(roster))
    rows = book.get_sheet_by_name("Ansatte").to_python()
    book.close()
    return len(rows)


_CHILD = """
import re, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from competence.roster import run_import
from competence.roster.isolation import last_run
from competence.uow import UnitOfWork
from db.session import open_database
database = open_database({url!r})
report = run_import(UnitOfWork(database, actor="bench"), Path({roster!r}))
assert report.created > 0
own = int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)) / 1024
print(own, last_run().peak_mb)
"""


def _peak_memory(command: list[str]) -> tuple[float, float]:
    """(the importing process's peak, the reader child's peak) in MB, each its own VmHWM."""
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    own, reader = done.stdout.split()
    return float(own), float(reader)


def _read(roster: Path, isolated: bool) -> int:
    from competence.roster.limits import DEFAULT_LIMITS
    from competence.roster.loading import read_here, read_roster

    if isolated:
        layout = read_roster(roster, None, DEFAULT_LIMITS).layout
        return len(layout.head) + layout.data_rows
    layout = read_here(roster, None, False, DEFAULT_LIMITS).layout
    return len(layout.head) + layout.data_rows


def corpus() -> Path | None:
    root = Path(__file__).resolve().parent.parent
    for folder in (root.parent, root.parent.parent):
        files = folder / "shared" / "peer-spreadsheets" / "files"
        if files.is_dir():
            return files
    return None


def _peer_corpus(workdir: Path, template: Path, quick: bool) -> list[Row]:
    """Every file of the peer corpus through import-roster --dry-run, in a worker process."""
    files = corpus()
    if files is None:
        return [Row("peer corpus", 0.0, "files", note="not here: ../shared/peer-spreadsheets")]
    paths = sorted(str(p) for p in files.iterdir() if p.is_file())[: 40 if quick else None]
    url = _empty_database(template, workdir / "corpus.db")
    root = Path(__file__).resolve().parent.parent
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tests.roster.corpus_worker", url, *paths],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    process_mb = next(a["process_peak_mb"] for a in answers if "process_peak_mb" in a)
    files_only = [a for a in answers if "file" in a]
    slowest = max(files_only, key=lambda a: a["seconds"])
    largest = max(files_only, key=lambda a: a["reader_peak_mb"] or 0.0)
    answered = sum(1 for a in files_only if a["exit"] in (0, 1))
    return [
        Row(
            f"peer corpus: files answered (exit 0 or 1) of {len(files_only)}",
            float(answered),
            "files",
            note=f"{wall:.0f} s for all, one process",
        ),
        Row("peer corpus: slowest file", slowest["seconds"], "s", 10.0, slowest["file"]),
        Row(
            "peer corpus: most memory of a file's reader (child RSS)",
            largest["reader_peak_mb"] or 0.0,
            "MB",
            300.0,
            largest["file"],
        ),
        Row("peer corpus: peak memory of the process answering them all", process_mb or 0.0, "MB", 300.0),
    ]


def run(workdir: Path, quick: bool) -> list[Row]:
    from competence.roster.isolation import keep_a_reader_ready

    root = Path(__file__).resolve().parent.parent
    small_n, big_n = (1_500, 5_000) if quick else (1_500, 50_000)
    small = make_roster(workdir / f"roster-{small_n}.xlsx", small_n)
    big = make_roster(workdir / f"roster-{big_n}.xlsx", big_n)
    big_csv = make_csv(workdir / f"roster-{big_n}.csv", big_n)
    template = workdir / "empty-register.db"
    rows: list[Row] = []

    url = _empty_database(template, workdir / "memory.db")
    child = _CHILD.format(root=str(root), url=url, roster=str(big))
    own, reader = _peak_memory([sys.executable, "-c", child])
    rows.append(Row(f"peak memory, import of {big_n:,} people (importing process)", own, "MB", 400.0))
    rows.append(Row(f"peak memory, import of {big_n:,} people (reader's child process)", reader, "MB", 400.0))

    calamine_s, count = best_of(lambda: _calamine_alone(big), repeat=5)
    rows.append(Row(f"python-calamine alone, {count:,} rows", calamine_s, "s", note="the floor"))

    here_s, _ = best_of(lambda: _read(small, isolated=False), repeat=5)
    child_s, _ = best_of(lambda: _read(small, isolated=True), repeat=5)
    rows.append(
        Row(
            f"reading {small_n:,} people in the reader's child process, over reading in this one",
            child_s - here_s,
            "s",
            note=f"{child_s:.3f} s vs {here_s:.3f} s",
        )
    )

    def fresh(roster: Path, name: str) -> tuple[int, int]:
        return _import(_empty_database(template, workdir / name), roster)

    small_s, (created, _) = best_of(lambda: fresh(small, "small.db"), repeat=5)
    rows.append(
        Row(f"import {small_n:,} people into an empty register", small_s, "s", 0.3, f"{created} created")
    )

    cold_s, _ = best_of(lambda: fresh(big, "big.db"), repeat=5)
    # From here as in the desktop app: the register open, a reader child kept ready (the wizard read
    # the file before).
    keep_a_reader_ready()
    _read(small, isolated=True)
    big_s, (created, _) = _in_the_app(lambda: _empty_database(template, workdir / "big.db"), big, 5)
    rows.append(
        Row(
            f"import {big_n:,} people into an empty register",
            big_s,
            "s",
            3.0,
            f"{created} created; as in the app: the register open, a reader child ready",
        )
    )
    rows.append(
        Row(
            "full import ÷ calamine alone",
            big_s / calamine_s,
            "×",
            4.0,
            f"{big_s:.2f} s vs {calamine_s:.2f} s in the same run",
        )
    )
    rows.append(
        Row(
            "full import ÷ calamine alone, as a one-off command",
            cold_s / calamine_s,
            "×",
            note=f"{cold_s:.2f} s: the register opened and closed, the reader child started for the import",
        )
    )

    again_s, (_, changes) = _in_the_app(lambda: f"sqlite:///{workdir / 'big.db'}", big, 3)
    rows.append(
        Row(
            f"re-import of the unchanged {big_n:,}-people file",
            again_s,
            "s",
            2.0,
            f"{changes} rows written" + (" (none, as required)" if changes == 0 else " (should be none)"),
        )
    )
    csv_s, (created, _) = _in_the_app(lambda: _empty_database(template, workdir / "csv.db"), big_csv, 3)
    rows.append(
        Row(
            f"import {big_n:,} people from a CSV file into an empty register",
            csv_s,
            "s",
            3.0,
            f"{created} created",
        )
    )
    keep_a_reader_ready(False)
    rows += _peer_corpus(workdir, template, quick)
    return rows
