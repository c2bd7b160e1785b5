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


def best_of(fn: Callable[[], T], repeat: int = 5) -> tuple[float, T]:
    """Fastest wall-clock time of ``repeat`` runs in seconds (the least disturbed by a shared machine)."""
    times: list[float] = []
    result: T
    for _ in range(repeat):
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
    """Run ``cmd`` in a child process; return (wall seconds, peak RSS in MB) of that process."""
    import os
    import subprocess

    start = time.perf_counter()
    pid = subprocess.Popen(cmd).pid
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd} failed with {status}")
    return elapsed, usage.ru_maxrss / 1024
