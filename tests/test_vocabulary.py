"""One word for the gap: "avvik" in Norwegian and "gap" in English (DESIGN's glossary: gap/avvik),
in the app (the .ts), the exports and the command line (the texts in both languages in competence/).

The card once said "Gap" where the heatmap and the PDF said "Avvik", and the CLI spoke of a
"gapanalyse".
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "kompetanseregister_en.ts"
NORWEGIAN_GAP = re.compile(r"gap", re.IGNORECASE)  # "Gap", "gapanalyse", "Snittgap", "gaprapport"
ENGLISH_GAP = re.compile(r"\bgaps?\b", re.IGNORECASE)
AVVIK = re.compile(r"avvik", re.IGNORECASE)


def _ui_pairs() -> Iterator[tuple[str, str, str]]:
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield (
                context.findtext("name", ""),
                message.findtext("source", ""),
                message.findtext("translation", "") or "",
            )


def _program_pairs() -> Iterator[tuple[str, str, str]]:
    """(where, bokmål, English) of the texts competence/ writes in both languages: ``pick(lang,
    nb, en)``, ``t(nb, en)`` / ``ctx.t(nb, en)`` and errors made with both."""
    for path in sorted((ROOT / "competence").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if (name in ("pick", "t") or name.endswith("Error")) and len(texts) >= 2:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", texts[-2], texts[-1]


PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _norwegian_using_gap(pairs: Iterator[tuple[str, str, str]]) -> list[str]:
    return [f"{where}: {nb!r}" for where, nb, _ in pairs if NORWEGIAN_GAP.search(PLACEHOLDER.sub("", nb))]


def _gap_not_from_avvik(pairs: Iterator[tuple[str, str, str]]) -> list[str]:
    """English texts speaking of the gap whose Norwegian says something else than "avvik"."""
    return [
        f"{where}: {nb!r} → {en!r}"
        for where, nb, en in pairs
        if ENGLISH_GAP.search(en) and not AVVIK.search(nb) and "prosentpoeng" not in nb
    ]


def test_the_app_says_avvik_in_norwegian_and_gap_in_english() -> None:
    assert not _norwegian_using_gap(_ui_pairs()), _norwegian_using_gap(_ui_pairs())
    found = [f for f in _gap_not_from_avvik(_ui_pairs()) if "analys" not in f]
    assert not found, found
    avvik_without_gap = [
        f"{where}: {nb!r} → {en!r}"
        for where, nb, en in _ui_pairs()
        if AVVIK.search(nb) and not ENGLISH_GAP.search(en)
    ]
    assert not avvik_without_gap, avvik_without_gap


def test_exports_and_the_command_line_say_avvik_and_gap() -> None:
    assert not _norwegian_using_gap(_program_pairs()), _norwegian_using_gap(_program_pairs())
    avvik_without_gap = [
        f"{where}: {nb!r} → {en!r}"
        for where, nb, en in _program_pairs()
        if AVVIK.search(nb) and not ENGLISH_GAP.search(en)
    ]
    assert not avvik_without_gap, avvik_without_gap
