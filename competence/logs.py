"""Logging to the platformdirs log folder, owner-only, with no personal data in messages."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path
from typing import cast

from db.engine import log_dir

LOG_NAME = "kompetanseregister.log"
_configured: Path | None = None


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, the fresh one after each rollover too, is owner-only (0600).

    The standard handler opens new files with the process umask (often 0644), so the first rotation
    would leave a log readable by everyone on the machine.
    """

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if os.name != "nt":
            os.fchmod(fd, 0o600)
        stream = open(fd, self.mode, encoding=self.encoding, errors=self.errors)  # noqa: SIM115
        return cast(io.TextIOWrapper, stream)


def configure_logging(level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file (0600) in the log folder; idempotent."""
    global _configured
    if _configured is not None:
        return _configured
    path = log_dir() / LOG_NAME
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path


def log_exception(message: str) -> Path:
    """Log the exception being handled, with its traceback, and return the log file's path."""
    path = configure_logging()
    logging.getLogger("kompetanseregister").exception(message)
    return path
