"""The permission model of a shared PostgreSQL register, as data.

For each role (the owner of the tables, an HR login, a unit leader's login, a login nobody
registered) and every table, which rows it may select, insert, update and delete. This module is the
one statement of the model:

* ``docs/security.md`` holds the table rendered from it (:func:`markdown_table`; a test fails when
  the document and the model differ, and ``python -m db.permissions --write`` brings the document
  up to date);
* migration ``0003`` enforces it in the database (table privileges, row-level security, triggers),
  as a frozen copy, as migrations must be;
* ``tests/reliability/test_permission_model.py`` connects as a real login of each role and tries
  every verb on every table, comparing what the database allows with this model.

A local SQLite register has one user, the owner of the file, who may do everything.
"""

from __future__ import annotations

import argparse
import enum
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from db.models import Base


class Role(enum.StrEnum):
    OWNER = "owner"
    HR = "hr"
    LEADER = "leader"
    UNREGISTERED = "unregistered"


class Rows(enum.StrEnum):
    """Which rows a verb reaches."""

    ALL = "all"
    #: Rows about the people the login reaches (a leader: the units they lead and below, their
    #: direct reports, themselves), decided by ``kr_visible_employees()`` in the database.
    REACH = "reach"
    #: Audit events about people the login reaches, or about no one in particular.
    REACH_OR_GENERAL = "reach_or_general"
    #: Audit events about people the login reaches, or that the login recorded itself.
    REACH_OR_OWN = "reach_or_own"
    #: The login's own rows: its account, the imports it ran.
    OWN = "own"
    #: Rows about the units the login leads and the units below them (``kr_led_units()``).
    UNITS = "units"
    NONE = "none"


VERBS = ("select", "insert", "update", "delete")


@dataclass(frozen=True)
class Grant:
    rows: Rows
    #: For ``update``: the only columns that may be changed (None: any column).
    columns: tuple[str, ...] | None = None

    @property
    def allowed(self) -> bool:
        return self.rows is not Rows.NONE


NO = Grant(Rows.NONE)
ALL = Grant(Rows.ALL)
REACH = Grant(Rows.REACH)
OWN = Grant(Rows.OWN)
UNITS = Grant(Rows.UNITS)

RoleRules = Mapping[str, Grant]  # verb -> grant


def _verbs(
    select: Grant = NO, insert: Grant = NO, update: Grant = NO, delete: Grant = NO
) -> dict[str, Grant]:
    return {"select": select, "insert": insert, "update": update, "delete": delete}


EVERYTHING = _verbs(ALL, ALL, ALL, ALL)
NOTHING = _verbs()
READ_ONLY = _verbs(select=ALL)


class Kind(enum.StrEnum):
    REFERENCE = "reference"
    PERSONAL = "personal"
    #: About a unit, not a person: its planning (targets, measures, budget).
    UNIT = "unit"
    BOOKKEEPING = "bookkeeping"
    #: Figures computed from the other tables and kept (docs/decisions/0016).
    DERIVED = "derived"


@dataclass(frozen=True)
class TableRules:
    table: str
    kind: Kind
    #: The column that ties a row to a person (``employee.id`` for the person table itself).
    person_column: str | None
    rules: Mapping[Role, RoleRules]
    why: str = ""
    #: Columns the database sets itself on insert, whatever the client sends.
    stamped: tuple[str, ...] = field(default=())

    def grant(self, role: Role, verb: str) -> Grant:
        return self.rules[role][verb]


def _reference(table: str, why: str) -> TableRules:
    """Municipality-wide data: HR maintains it, leaders read it."""
    return TableRules(
        table,
        Kind.REFERENCE,
        None,
        {Role.OWNER: EVERYTHING, Role.HR: EVERYTHING, Role.LEADER: READ_ONLY, Role.UNREGISTERED: NOTHING},
        why,
    )


def _planning(table: str, why: str) -> TableRules:
    """A unit's own planning: its leader (and the leaders above it) and HR plan it."""
    return TableRules(
        table,
        Kind.UNIT,
        None,
        {
            Role.OWNER: EVERYTHING,
            Role.HR: EVERYTHING,
            Role.LEADER: _verbs(UNITS, UNITS, UNITS, UNITS),
            Role.UNREGISTERED: NOTHING,
        },
        why,
    )


def _personal(
    table: str, leader: Mapping[str, Grant], why: str, person_column: str = "employee_id"
) -> TableRules:
    return TableRules(
        table,
        Kind.PERSONAL,
        person_column,
        {Role.OWNER: EVERYTHING, Role.HR: EVERYTHING, Role.LEADER: leader, Role.UNREGISTERED: NOTHING},
        why,
    )


_TABLES: tuple[TableRules, ...] = (
    _reference(
        "org_unit",
        "Units, their tree and their leaders decide whom a leader reaches: only HR changes them.",
    ),
    _reference("scale", "Level scales of the frameworks."),
    _reference("scale_level", "The levels of a scale."),
    _reference("framework", "Strategy frameworks (built-in ones are loaded by HR or the owner)."),
    _reference("area", "Sections of a framework."),
    _reference("competence", "Competences of a framework."),
    _reference("role", "Roles' competence profiles."),
    _reference("requirement", "What a role requires: the same for every unit."),
    _reference(
        "qualification",
        "The municipality's catalogue of formal qualifications (education, fagbrev, authorisations, "
        "licences) that roles can require.",
    ),
    _reference("setting", "Register-wide settings: municipality, retention, backups."),
    _personal(
        "employee",
        _verbs(
            select=REACH,
            update=Grant(Rows.REACH, ("first_name", "last_name", "email", "left_on", "desired_fte")),
        ),
        "HR creates people (the roster) and erases them; a leader corrects the name, e-mail and "
        "leaving date of the people they reach, and records the FTE a person wants (from the talk), "
        "never their number or their manager.",
        person_column="id",
    ),
    _personal(
        "position",
        _verbs(select=REACH, update=Grant(Rows.REACH, ("title", "role_id", "fte_percent"))),
        "Positions place people in units and under managers: a leader may set the role, title and "
        "FTE of a position of someone they reach, never its unit, manager, person or dates.",
    ),
    _personal(
        "assessment",
        _verbs(select=REACH, insert=REACH, update=Grant(Rows.REACH, ("is_current",))),
        "Append-only history: a leader adds assessments; only the read-model flag of the newest "
        "row changes. HR's erasure and name scrubbing change or delete rows.",
    ),
    _personal(
        "certificate",
        _verbs(REACH, REACH, REACH, REACH),
        "Courses and certificates of the people a leader reaches.",
    ),
    _personal(
        "learning_goal",
        _verbs(REACH, REACH, REACH, REACH),
        "Learning goals of the people a leader reaches.",
    ),
    _personal(
        "appraisal",
        _verbs(REACH, REACH, REACH, REACH),
        "Appraisal talks with the people a leader reaches.",
    ),
    _planning(
        "unit_target",
        "What a unit needs: N people at a level in a competence. A leader sets the targets of the "
        "units they lead and below.",
    ),
    _planning(
        "unit_measure",
        "The measures (tiltak) of a unit; the person responsible is a reference, like a unit's leader.",
    ),
    _planning(
        "unit_budget",
        "A unit's competence budget per year, planned and followed up by its leader.",
    ),
    _reference(
        "tenfactor_result",
        "10-FAKTOR means per unit, factor and year, only for groups at or above the minimum size; "
        "no answer of a person is ever stored. HR imports them; every leader sees their own units' "
        "figures beside the municipality's.",
    ),
    _personal(
        "employee_qualification",
        _verbs(REACH, REACH, REACH, REACH),
        "Formal qualifications (a reference to the document, never a copy) of the people a leader reaches.",
    ),
    _personal(
        "dispensation",
        _verbs(select=REACH),
        "Dispensations from a qualification a post requires are decisions of the municipality, "
        "recorded by HR; a leader sees those of the people they reach.",
    ),
    TableRules(
        "import_run",
        Kind.BOOKKEEPING,
        None,
        {
            Role.OWNER: EVERYTHING,
            Role.HR: _verbs(ALL, ALL, ALL),
            Role.LEADER: _verbs(select=OWN, insert=OWN),
            Role.UNREGISTERED: NOTHING,
        },
        "One row per import. A leader's assessment-template import records its run; the actor is "
        "set by the database.",
        stamped=("actor",),
    ),
    TableRules(
        "import_mapping",
        Kind.BOOKKEEPING,
        None,
        {Role.OWNER: EVERYTHING, Role.HR: EVERYTHING, Role.LEADER: NOTHING, Role.UNREGISTERED: NOTHING},
        "Column mappings of the roster import, which is HR's.",
    ),
    TableRules(
        "audit_event",
        Kind.BOOKKEEPING,
        "employee_no",
        {
            Role.OWNER: EVERYTHING,
            Role.HR: _verbs(ALL, ALL),
            Role.LEADER: _verbs(Grant(Rows.REACH_OR_OWN), Grant(Rows.REACH_OR_GENERAL)),
            Role.UNREGISTERED: NOTHING,
        },
        "Append-only: no login but the owner updates or deletes an event. The database sets each "
        "new event's actor (session_user) and time. The events of a person who is erased or "
        "anonymised go with them (GDPR art. 17) through two functions only HR and the owner may "
        "call, which touch nothing but the events of a person no longer in the register.",
        stamped=("actor", "at"),
    ),
    TableRules(
        "register_account",
        Kind.BOOKKEEPING,
        "employee_id",
        {
            Role.OWNER: EVERYTHING,
            Role.HR: EVERYTHING,
            Role.LEADER: _verbs(select=OWN),
            Role.UNREGISTERED: NOTHING,
        },
        "Who reaches what. A change grants or takes back the login's table privileges at once "
        "(a trigger running as the owner).",
    ),
    TableRules(
        "program_version",
        Kind.BOOKKEEPING,
        None,
        {
            Role.OWNER: EVERYTHING,
            Role.HR: _verbs(ALL, ALL, ALL),
            Role.LEADER: READ_ONLY,
            Role.UNREGISTERED: NOTHING,
        },
        "The program versions that opened the register (Hjelp → Om); HR's and the owner's programs "
        "record theirs, a leader's program reads the list.",
    ),
    *(
        TableRules(
            table,
            Kind.DERIVED,
            None,
            {Role.OWNER: EVERYTHING, Role.HR: hr, Role.LEADER: NOTHING, Role.UNREGISTERED: NOTHING},
            why,
        )
        for table, hr, why in (
            (
                "gap_cell",
                _verbs(ALL, ALL, delete=ALL),
                "The whole municipality's gap figures, kept: sums over every unit's people, so only "
                "HR reads them (a leader's program computes the figures its rows allow). HR's program "
                "stores them; triggers running as the owner forget them when a write changes them.",
            ),
            (
                "gap_state",
                _verbs(select=ALL, update=Grant(Rows.ALL, ("built_on", "fresh_until"))),
                "Which day the kept figures are of. Its generation number is changed by the triggers only.",
            ),
            (
                "gap_stale",
                _verbs(select=ALL, delete=ALL),
                "The (person, competence) pairs written since the figures were kept, noted by triggers "
                "running as the owner (a leader's level change too); HR's program folds them in.",
            ),
        )
    ),
    TableRules(
        "alembic_version",
        Kind.BOOKKEEPING,
        None,
        {Role.OWNER: EVERYTHING, Role.HR: READ_ONLY, Role.LEADER: READ_ONLY, Role.UNREGISTERED: NOTHING},
        "The schema revision, read when the app opens the register; only the owner migrates.",
    ),
)

#: The model: table name -> its rules, for every table of the schema.
PERMISSIONS: dict[str, TableRules] = {t.table: t for t in _TABLES}


def schema_tables() -> set[str]:
    """Every table a migrated register has: the models' and Alembic's own."""
    return {*Base.metadata.tables, "alembic_version"}


def table_privileges(role: Role) -> dict[str, dict[str, tuple[str, ...] | None]]:
    """The PostgreSQL table privileges ``role`` holds: table -> verb -> columns (None: the table).

    An ``update`` limited to some columns is granted on those columns (plus the version counter and
    the time stamps the app's ORM writes with every change, which widen no one's reach)."""
    result: dict[str, dict[str, tuple[str, ...] | None]] = {}
    for rules in _TABLES:
        verbs: dict[str, tuple[str, ...] | None] = {}
        for verb in VERBS:
            grant = rules.grant(role, verb)
            if not grant.allowed:
                continue
            columns = grant.columns
            if verb == "update" and columns is not None:
                table = Base.metadata.tables[rules.table]
                columns = (*columns, *(c for c in ("version", "updated_at") if c in table.c))
            verbs[verb] = columns
        if verbs:
            result[rules.table] = verbs
    return result


# --- the document -------------------------------------------------------------------------------

ROLE_TITLES = {
    Role.OWNER: "Owner",
    Role.HR: "HR login",
    Role.LEADER: "Leader's login",
    Role.UNREGISTERED: "Unregistered login",
}
ROWS_TEXT = {
    Rows.ALL: "all rows",
    Rows.REACH: "people reached",
    Rows.REACH_OR_GENERAL: "about people reached, or about no one",
    Rows.REACH_OR_OWN: "about people reached, or recorded by the login",
    Rows.OWN: "its own",
    Rows.UNITS: "of units led",
    Rows.NONE: "–",
}
BEGIN_MARK = "<!-- permission table: generated by `python -m db.permissions --write`; do not edit -->"
END_MARK = "<!-- end of permission table -->"


def _cell(grant: Grant) -> str:
    text = ROWS_TEXT[grant.rows]
    if grant.allowed and grant.columns is not None:
        text += " (only " + ", ".join(f"`{c}`" for c in grant.columns) + ")"
    return text


def markdown_table() -> str:
    """The permission table of ``docs/security.md``: one line per table and verb."""
    roles = list(Role)
    lines = [
        "| Table | Verb | " + " | ".join(ROLE_TITLES[r] for r in roles) + " |",
        "|---|---|" + "---|" * len(roles),
    ]
    for rules in _TABLES:
        for index, verb in enumerate(VERBS):
            name = f"`{rules.table}` ({rules.kind})" if index == 0 else ""
            cells = [_cell(rules.grant(role, verb)) for role in roles]
            lines.append(f"| {name} | {verb} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Why, table by table:")
    lines.append("")
    lines.extend(f"* `{rules.table}`: {rules.why}" for rules in _TABLES if rules.why)
    stamped = [f"`{r.table}.{c}`" for r in _TABLES for c in r.stamped]
    lines.append("")
    lines.append(
        "Set by the database on every insert, whatever the client sends: " + ", ".join(stamped) + "."
    )
    return "\n".join(lines)


def with_table(document: str) -> str:
    """``document`` with the text between the markers replaced by :func:`markdown_table`."""
    start, end = document.index(BEGIN_MARK), document.index(END_MARK)
    return document[: start + len(BEGIN_MARK)] + "\n\n" + markdown_table() + "\n\n" + document[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.permissions", description=__doc__)
    parser.add_argument("--write", action="store_true", help="update the table in docs/security.md")
    parser.add_argument("--doc", type=Path, default=Path(__file__).resolve().parents[1] / "docs/security.md")
    args = parser.parse_args(argv)
    if not args.write:
        print(markdown_table())
        return 0
    args.doc.write_text(with_table(args.doc.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
