"""Competence frameworks: the file format, the built-in frameworks, import/export and editing.

The built-in frameworks are data files in ``resources/frameworks/`` (format: docs/frameworks.md),
loaded idempotently by key and version (:func:`ensure_builtin_frameworks`). They are read-only in
the register; a municipality copies one (:func:`copy_framework`) to adapt it.
"""

from competence.frameworks.builtin import (
    DIGCOMP,
    LEGAL_TRAININGS,
    LOTEN,
    OSTRE_TOTEN,
    builtin_specs,
    ensure_builtin_frameworks,
)
from competence.frameworks.parse import FrameworkFileError, parse_framework, read_framework_file
from competence.frameworks.results import LoadResult
from competence.frameworks.spec import FrameworkSpec

__all__ = [
    "DIGCOMP",
    "LEGAL_TRAININGS",
    "LOTEN",
    "OSTRE_TOTEN",
    "FrameworkFileError",
    "FrameworkSpec",
    "LoadResult",
    "builtin_specs",
    "ensure_builtin_frameworks",
    "parse_framework",
    "read_framework_file",
]
