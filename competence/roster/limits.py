"""The limits a roster file must stay within before any parser sees it (docs/import.md, "Guards").

A roster of the largest Norwegian municipality has some 50,000 rows and a few dozen columns; the
limits leave ample room for that and refuse what only a crafted or broken file would hold. They are
checked against what the file really contains, never against what it claims (a sheet's declared
dimension, a zip member's declared size) alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    #: Largest file accepted, in bytes.
    max_file_bytes: int = 64 * 1024 * 1024
    #: Most members a zip-based workbook (xlsx, xlsm, ods) may hold.
    max_zip_members: int = 2_000
    #: Sum of the members' uncompressed sizes.
    max_uncompressed_bytes: int = 400 * 1024 * 1024
    #: Compression ratio above which a member counts as a zip bomb...
    max_compression_ratio: float = 100.0
    #: ...when it is at least this big uncompressed (small members may compress extremely well).
    ratio_check_from_bytes: int = 4 * 1024 * 1024
    #: Rows and columns a sheet may span, and cells in the rectangle it spans.
    max_rows: int = 200_000
    max_columns: int = 1_000
    max_cells: int = 6_000_000
    #: Memory (address space) the reader's child process may take; POSIX only
    #: (competence/roster/isolation.py)...
    reader_memory_bytes: int = 2 * 1024**3
    #: ...and the time it may take, wall clock, before it is stopped and the file refused.
    reader_seconds: float = 60.0


DEFAULT_LIMITS = Limits()
