"""Logging to the platformdirs log folder, owner-only, with no personal data in messages."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from db.engine import ensure_private_file, log_dir

LOG_NAME = "kompetanseregister.log"
_configured: Path | None = None


def configure_logging(level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file (0600) in the log folder; idempotent."""
    global _configured
    if _configured is not None:
        return _configured
    path = log_dir() / LOG_NAME
    ensure_private_file(path)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    if os.name != "nt":
        os.chmod(path, 0o600)
    _configured = path
    return path


def log_exception(message: str) -> Path:
    """Log the exception being handled, with its traceback, and return the log file's path."""
    path = configure_logging()
    logging.getLogger("kompetanseregister").exception(message)
    return path
