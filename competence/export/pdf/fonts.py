"""The embedded font: DejaVu Sans, shipped in ``resources/fonts`` with its licence."""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
_registered = False


def font_dir() -> Path:
    return Path(str(resources.files("resources.fonts")))


def register_fonts() -> None:
    """Register the family once per process (parsing the TTF files takes a few tens of ms)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = font_dir()
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        # charts start from this font: else Helvetica is referenced in every PDF, and not embedded
        rl_config.defaultGraphicsFontName = REGULAR
        _registered = True
