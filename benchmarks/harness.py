"""What a benchmark module returns, and how to measure time and memory without a test framework."""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One line of the benchmark table."""

    case: str
    value: float
    unit: str
    target: float | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "ok" if self.value <= self.target else f"{self.value / self.target:.1f}× over"


def best_of(
    fn: Callable[[], T], repeat: int = 5, *, setup: Callable[[], object] | None = None
) -> tuple[float, T]:
    """Fastest wall-clock time of ``repeat`` runs in seconds (the least disturbed by a shared machine);
    ``setup`` runs before each, untimed."""
    times: list[float] = []
    result: T
    for _ in range(repeat):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def median_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_python_memory(fn: Callable[[], T]) -> tuple[float, T]:
    """Peak memory allocated by Python objects during ``fn`` in MB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6, result


def max_rss_mb_of_child(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd`` in a child process; return (wall seconds, peak RSS in MB) of that process.

    The peak is the child's own ``VmHWM`` (which starts afresh at exec), read from /proc while it
    runs. ``wait4``'s ``ru_maxrss`` would not do: Linux carries the parent's memory over into it at
    fork and exec, so a child of a large benchmark process looks large too.
    """
    import subprocess

    def hwm_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    start = time.perf_counter()
    child = subprocess.Popen(cmd)
    peak = 0
    while child.poll() is None:
        peak = max(peak, hwm_kb(child.pid))
        time.sleep(0.005)
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"{cmd} failed with exit code {child.returncode}")
    return elapsed, peak / 1024
