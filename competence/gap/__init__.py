"""Gap analysis: where people fall short of what their role requires.

Definitions
-----------
* A person's requirement for a competence is the highest level any of their active positions'
  roles requires (several part-time posts may carry several roles). Levels compare as percentages of
  their scale, so a 1-4 scale and DigComp's 1-8 meet on one axis.
* Current level: the newest assessment that counts (at an earlier date: the newest on or before that
  date; a self-assessment counts only when the register says so, docs/compliance.md). For a
  competence of kind ``certificate`` it is 100 % with a certificate valid on the date and 0 %
  without one, expired or never taken: a course is held or not, never *not assessed*; a mandatory
  one lacking is *missing* or *overdue* in a person's profile.
* gap = required % - current %, when positive; *not assessed* counts as 0 % in the gap and the share
  meeting the requirement, and is always reported separately ("ikke vurdert"), never silently.
* Unit heatmap: unit × competence, share of the people with the requirement who meet it, mean gap in
  percentage points, and how many are not assessed. A person with positions in two units counts in both.
* Vulnerability (sårbarhet, docs/planning.md): where a unit has set a target for a competence (in
  the unit or a unit above it), the target decides: the unit is vulnerable when it is short of it.
  Where no target speaks, a critical competence that more than one of the unit's people are required
  to hold and that at most one holds at the required level (a requirement only one post carries is
  not a vulnerability of the unit). A target for a formal qualification short of its number is a
  vulnerability of its unit too.
* Trend: the same figures at earlier dates, from the assessment history and the requirements in
  force on each date (roles as they are today).

Everything that aggregates runs in SQL (GROUP BY in the database), never by loading every row. Each
function takes the unit of work: called alone it reads one snapshot in a transaction of its own;
called inside an action (``with uow.reading():``) it joins the action's transaction, so that every
figure of one screen or report comes from the same snapshot (competence/uow.py).
"""

from competence.gap.analysis import (
    area_coverage,
    cell_people,
    gap_report,
    shortfalls,
    summary,
    trend,
    unit_heatmap,
    vulnerabilities,
)
from competence.gap.certificates import DEFAULT_EXPIRY_WINDOW_DAYS, certificate_alerts
from competence.gap.patch import can_patch, patch_report
from competence.gap.profile import employee_profile
from competence.gap.results import (
    PERCENT_UNITS,
    AreaScore,
    CertificateAlert,
    CompetenceGapRank,
    CompetenceRef,
    EmployeeProfile,
    GapReport,
    GapSummary,
    HeatCell,
    Heatmap,
    PersonCell,
    PersonShortfall,
    ProfileItem,
    QualificationRef,
    SelfLevel,
    Status,
    TrendPoint,
    UnitRef,
    Vulnerability,
)

__all__ = [
    "DEFAULT_EXPIRY_WINDOW_DAYS",
    "PERCENT_UNITS",
    "AreaScore",
    "CertificateAlert",
    "CompetenceGapRank",
    "CompetenceRef",
    "EmployeeProfile",
    "GapReport",
    "GapSummary",
    "HeatCell",
    "Heatmap",
    "PersonCell",
    "PersonShortfall",
    "ProfileItem",
    "QualificationRef",
    "SelfLevel",
    "Status",
    "TrendPoint",
    "UnitRef",
    "Vulnerability",
    "area_coverage",
    "can_patch",
    "cell_people",
    "certificate_alerts",
    "employee_profile",
    "gap_report",
    "patch_report",
    "shortfalls",
    "summary",
    "trend",
    "unit_heatmap",
    "vulnerabilities",
]
