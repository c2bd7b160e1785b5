"""What each export wrote, as plain typed values (no export library is imported here, so the
registry and the desktop app can name them without loading openpyxl or reportlab)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class MatrixResult:
    path: Path
    people: int
    competences: int
    not_assessed: int
    #: cells of a mandatory course the person lacks: missing, and overdue (docs/compliance.md)
    missing: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class GapReportResult:
    path: Path
    units: int
    areas: int
    vulnerable: int
    certificates: int
    goals: int
    #: requirements someone does not meet (rows of the sheet of each person's gaps)
    shortfalls: int = 0


@dataclass(frozen=True)
class TemplateResult:
    path: Path
    people: int
    competences: int


@dataclass(frozen=True)
class PlanResult:
    path: Path
    employee_no: str
    pages: int


@dataclass(frozen=True)
class BatchResult:
    out_dir: Path
    files: tuple[Path, ...]
    combined: Path | None
    pages: int


@dataclass(frozen=True)
class UnitPlanResult:
    path: Path
    pages: int
    people: int
    activities: int


@dataclass(frozen=True)
class UnitPlanWorkbookResult:
    path: Path
    people: int
    targets: int
    measures: int


@dataclass(frozen=True)
class FulltimeResult:
    path: Path
    people: int
    units: int


@dataclass(frozen=True)
class SelfAssessmentResult:
    path: Path
    people: int
    #: level cells in all the sheets
    cells: int


@dataclass(frozen=True)
class ComplianceResult:
    path: Path
    #: everyone counted, and those lacking at least one mandatory requirement
    people: int
    people_lacking: int
    #: rows of the report (a person once per unit and requirement), of them overdue
    rows: int
    overdue: int
    dispensations: int


#: Every export's result.
ExportResult = (
    MatrixResult
    | GapReportResult
    | TemplateResult
    | SelfAssessmentResult
    | PlanResult
    | BatchResult
    | UnitPlanResult
    | UnitPlanWorkbookResult
    | FulltimeResult
    | ComplianceResult
)
