"""Shared by the framework tests: the seed texts, quote matching and a writable built-in folder."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

from competence.frameworks.builtin import BUILTIN_DIR

SEEDS = Path(__file__).parent / "seeds"
SEED_OF = {
    "ostre-toten-agp": SEEDS / "ostre-toten-arbeidsgiverpolitikk.txt",
    "loten-ags-2019": SEEDS / "loten-arbeidsgiverstrategi-2019.txt",
}


def normalise(text: str) -> str:
    """NFC and single spaces: the seeds are PDF extracts with line breaks inside sentences."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def seed_text(framework_key: str) -> str:
    return normalise(SEED_OF[framework_key].read_text(encoding="utf-8"))


def copy_builtin_dir(target: Path) -> Path:
    """A private copy of the built-in files that a test may edit (e.g. to bump a version)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in BUILTIN_DIR.glob("*.json"):
        shutil.copy(path, target / path.name)
    return target


def load_doc(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def save_doc(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
