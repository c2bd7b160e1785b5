"""Run the benchmarks and print a table; with --write, also update docs/benchmarks.md.

Each ``benchmarks/bench_*.py`` module defines ``TITLE`` and ``run(workdir: Path, quick: bool) -> list[Row]``.
Targets are checked here and reported, never asserted in unit tests (shared, noisy machines).

    python benchmarks/run.py [--only NAME] [--quick] [--write]
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import importlib
import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.harness import Row  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"


def modules(only: str | None) -> list[str]:
    names = sorted(p.stem for p in (ROOT / "benchmarks").glob("bench_*.py"))
    return [n for n in names if only is None or only in n]


def fmt(value: float, unit: str) -> str:
    if unit == "s" and value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:,.2f} {unit}".replace(",", " ")


def table(rows: list[Row]) -> list[str]:
    lines = ["| case | measured | target | verdict | note |", "|---|---:|---:|---|---|"]
    for r in rows:
        target = fmt(r.target, r.unit) if r.target is not None else ""
        lines.append(f"| {r.case} | {fmt(r.value, r.unit)} | {target} | {r.verdict} | {r.note} |")
    return lines


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.platform()}, Python {platform.python_version()}, {cpus} CPUs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only modules whose name contains this")
    parser.add_argument("--quick", action="store_true", help="small sizes only (a smoke run)")
    parser.add_argument("--write", action="store_true", help="write the results to docs/benchmarks.md")
    parser.add_argument("--workdir", type=Path, help="where to build the benchmark databases (kept)")
    args = parser.parse_args()
    warm_bytecode()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kompetanse-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    #: (title, rows, the higher one-minute load average of the section's start and end)
    sections: list[tuple[str, list[Row], float]] = []
    for name in modules(args.only):
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"\n## {module.TITLE}", flush=True)
        load_before = os.getloadavg()[0]
        rows = module.run(workdir, args.quick)
        load = max(load_before, os.getloadavg()[0])
        print("\n".join(table(rows)), flush=True)
        sections.append((module.TITLE, rows, load))
    if args.write:
        write_doc(sections)
    return 0


def warm_bytecode() -> None:
    """Compile the program's modules once and let the processes the benchmarks start read the
    compiled files, as an installed program does (pip and the app folder ship them): with
    PYTHONDONTWRITEBYTECODE set (as on the development machines) every start compiled some 170
    modules again, 0.4 s of each cold start."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    for folder in ("competence", "db", "ui"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    compileall.compile_file(ROOT / "main.py", quiet=1)


def stamp(load: float) -> str:
    """When and where, and how busy the machine was: figures taken beside other work are slower."""
    busy = "idle" if load < 1 else "busy: other work ran beside it, so the times are inflated"
    return f"_Measured {dt.date.today():%Y-%m-%d} on {machine()}; load average {load:.1f} ({busy})._"


def write_doc(sections: list[tuple[str, list[Row], float]]) -> None:
    """Replace the sections that were run; keep the others as they were."""
    existing: dict[str, list[str]] = {}
    order: list[str] = []
    if DOC.exists():
        current: str | None = None
        for line in DOC.read_text(encoding="utf-8").splitlines():
            if line.startswith("## "):
                current = line[3:].strip()
                order.append(current)
                existing[current] = []
            elif current is not None:
                existing[current].append(line)
    for title, rows, load in sections:
        if not rows:  # skipped (e.g. no PostgreSQL asked for): keep what was measured before
            continue
        if title not in existing:
            order.append(title)
        existing[title] = ["", stamp(load), "", *table(rows), ""]
    head = [
        "# Benchmarks",
        "",
        "Produced by `python benchmarks/run.py --write` (see that file). Targets are those of the issues;",
        "a row over its target says by how much. Times are the best of several runs unless noted.",
        "",
    ]
    body = [line for title in order for line in (f"## {title}", *existing[title])]
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text("\n".join(head + body).rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
