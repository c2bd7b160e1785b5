"""Python's cyclic garbage collector: paused while a bulk operation builds many objects, and set
for a long-running program that holds many."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a million small objects are built that all stay
    alive to the end (a roster read, a municipality's heatmap cells): the collector would walk them
    again and again for nothing, a third to half of the time. What is built in such a block forms
    no reference cycle, and the collector runs again as soon as the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: Allocations between two collections of the youngest generation (Python's default: 700).
YOUNG_THRESHOLD = 10_000


def settle_for_a_long_run() -> None:
    """For the desktop app, once started: the objects made so far (modules, classes, the window's
    Python side: several hundred thousand) are set aside from every later collection, and the
    youngest generation is collected every 10,000 allocations instead of 700. A start on a
    50,000-person register loads its screen's data on several threads at once, each building
    tens of thousands of rows; measured side by side, the list came up 0.2 s sooner and Oversikt
    0.15 s sooner (docs/benchmarks.md). Reference cycles are still collected, a little later."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, max(middle, 20), max(old, 20))
