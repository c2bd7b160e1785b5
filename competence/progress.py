"""Progress reporting and cancellation for long work (imports, batch PDFs, big exports).

Services take ``progress`` and ``cancel`` arguments; the CLI passes nothing (or prints), the desktop
app maps them onto a ``QProgressDialog`` from a worker thread. Neither side knows about the other.
"""

from __future__ import annotations

import threading
from typing import Protocol

from competence.errors import DomainError


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


def no_progress(done: int, total: int, message: str = "") -> None:
    """The default: report nothing."""


class Cancelled(DomainError):
    """The user cancelled; whatever the work wrote has been rolled back."""

    code = "cancelled"

    def __init__(self) -> None:
        super().__init__("Avbrutt. Ingenting ble endret.", "Cancelled. Nothing was changed.")


class CancelToken:
    """Set from the UI thread, checked by the worker between steps. Thread-safe."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
