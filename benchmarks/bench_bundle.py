"""The self-contained app folder (scripts/build-app.sh): its size, and its cold start against the
same start from source, on the register of benchmarks/bench_ui.py (50,000 employees; ``--quick``:
2,000).

The folder is built first when ``dist/Kompetanseregister`` is missing (the build time is a row then).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bench_ui import START_TARGET_S, _register, _spaced, cold_start
from benchmarks.harness import Row

TITLE = "Det selvstendige programmet (PyInstaller-mappen)"
ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "Kompetanseregister"
SIZE_TARGET_MB = 250.0


def _build() -> float | None:
    """Build the folder; seconds taken, or None when the build failed (the section is skipped)."""
    started = time.perf_counter()
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build-app.sh")], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"scripts/build-app.sh failed:\n{result.stderr[-2000:]}", file=sys.stderr)
        return None
    return time.perf_counter() - started


def _size_mb(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def _version_start(command: list[str], repeat: int = 5) -> float:
    """Best wall time of ``COMMAND --version``: the command line's start-up alone."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([*command, "--version"], env=env, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return min(times)


def run(workdir: Path, quick: bool) -> list[Row]:
    rows: list[Row] = []
    if not (BUNDLE / "Kompetanseregister").exists():
        built = _build()
        if built is None:
            return []
        rows.append(Row("bygge mappen (scripts/build-app.sh)", built, "s", None, "PyInstaller, --clean"))
    size, files = _size_mb(BUNDLE)
    rows.append(Row("størrelse, utpakket", size, "MB", SIZE_TARGET_MB, f"{files} filer; Linux x86-64"))

    employees = 2_000 if quick else 50_000
    url, _ = _register(workdir, employees)
    label = _spaced(employees)
    app = [str(BUNDLE / "Kompetanseregister")]
    cold_start(workdir, url, "employees", 1)  # warm-up: the file cache, the first automatic backup
    cold_start(workdir, url, "employees", 1, app)
    source = cold_start(workdir, url, "employees", 3)
    bundle = cold_start(workdir, url, "employees", 3, app)
    rows.append(
        Row(
            f"kaldstart fra kildekoden, fylt ansattliste ({label} ansatte)",
            min(source),
            "s",
            START_TARGET_S,
            f"beste av 3; alle: {', '.join(f'{t:.2f}' for t in source)} s",
        )
    )
    rows.append(
        Row(
            f"kaldstart av den pakkede mappen, fylt ansattliste ({label} ansatte)",
            min(bundle),
            "s",
            START_TARGET_S,
            f"beste av 3; alle: {', '.join(f'{t:.2f}' for t in bundle)} s; "
            f"{min(bundle) / min(source):.2f} × kildekoden",
        )
    )
    from_source = _version_start([sys.executable, "-m", "competence"])
    packed = _version_start([str(BUNDLE / "kompetanse")])
    rows.append(Row("kommandolinjen fra kildekoden: --version", from_source, "s", None, "beste av 5"))
    rows.append(
        Row(
            "kommandolinjen pakket: kompetanse --version",
            packed,
            "s",
            None,
            f"beste av 5; {packed / from_source:.2f} × kildekoden",
        )
    )
    return rows
