"""stored codes in English, and every fixed value set kept by a CHECK constraint

The codes of learning-goal statuses and activity types and of employment types were Norwegian
words next to English ones ('pagar' beside 'leader'); they become English, row by row, and their
CHECK constraints are rebuilt (``docs/decisions/0011-english-stored-codes.md``). An import run's
success was written 'ok' or 'applied' depending on the kind of import; it is 'ok' for all. The
import runs' kind, status and mode and the audit log's action get the CHECK constraints the other
value sets already had. The words the app shows for each code are unchanged.

On a shared PostgreSQL register the migration runs as the owner of the tables, which row-level
security does not restrict; no table or column is added, so no privilege changes. The codes and
constraints below are a frozen copy of ``db/codes.py`` at this revision.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, column) -> old code -> new code
RENAMED: dict[tuple[str, str], dict[str, str]] = {
    ('learning_goal', 'status'): {
        'planlagt': 'planned', 'pagar': 'in_progress', 'fullfort': 'completed', 'avbrutt': 'cancelled',
    },
    ('learning_goal', 'activity_type'): {
        'kurs': 'course', 'e-laering': 'e_learning', 'hospitering': 'job_shadowing',
        'veiledning': 'mentoring', 'videreutdanning': 'further_education', 'laering-i-arbeid': 'on_the_job',
    },
    ('position', 'employment_type'): {
        'fast': 'permanent', 'midlertidig': 'temporary', 'vikar': 'substitute', 'engasjement': 'project',
    },
    ('import_run', 'status'): {'applied': 'ok'},
}

#: table -> constraint name -> (the condition before, the condition after); None: no constraint
CHECKS: dict[str, dict[str, tuple[str | None, str]]] = {
    'learning_goal': {
        'ck_learning_goal_status_valid': (
            "status IN ('planlagt', 'pagar', 'fullfort', 'avbrutt')",
            "status IN ('planned', 'in_progress', 'completed', 'cancelled')",
        ),
        'ck_learning_goal_activity_valid': (
            "activity_type IN ('kurs', 'e-laering', 'hospitering', 'veiledning', 'videreutdanning', "
            "'laering-i-arbeid')",
            "activity_type IN ('course', 'e_learning', 'job_shadowing', 'mentoring', 'further_education', "
            "'on_the_job')",
        ),
    },
    'position': {
        'ck_position_employment_type_known': (
            "employment_type IN ('fast', 'midlertidig', 'vikar', 'engasjement')",
            "employment_type IN ('permanent', 'temporary', 'substitute', 'project')",
        ),
    },
    'import_run': {
        'ck_import_run_kind_known': (None, "kind IN ('roster', 'assessment_template', 'framework')"),
        'ck_import_run_status_known': (None, "status IN ('ok', 'failed', 'cancelled')"),
        'ck_import_run_mode_known': (None, "mode IN ('full', 'partial', 'apply', 'insert', 'update')"),
    },
    'audit_event': {
        'ck_audit_event_action_known': (
            None,
            "action IN ('create', 'update', 'delete', 'assess', 'import', 'export', 'erase', 'anonymise', "
            "'restore', 'backup', 'left', 'settings', 'framework', 'access')",
        ),
    },
}


def _rename(mapping: dict[tuple[str, str], dict[str, str]]) -> None:
    for (table, column), codes in mapping.items():
        cases = ' '.join(f"WHEN '{old}' THEN '{new}'" for old, new in codes.items())
        listed = ', '.join(f"'{old}'" for old in codes)
        op.execute(
            f'UPDATE "{table}" SET "{column}" = CASE "{column}" {cases} END WHERE "{column}" IN ({listed})'
        )


def _swap_checks(before: int, after: int, mapping: dict[tuple[str, str], dict[str, str]]) -> None:
    """Replace each table's constraints ``before`` (0: the old, 1: the new) by ``after`` and rename
    the codes in between.

    PostgreSQL drops the old constraints, renames, and adds the new ones (each checking the
    renamed rows). SQLite cannot alter a constraint: the codes are renamed with the constraints
    switched off for the statement, then each table is rebuilt once with its new constraints, the
    copy of the rows checking them.
    """
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        op.execute('PRAGMA ignore_check_constraints = ON')
    else:
        for table, checks in CHECKS.items():
            for name, conditions in checks.items():
                if conditions[before] is not None:
                    op.drop_constraint(op.f(name), table, type_='check')
    _rename(mapping)
    if sqlite:
        op.execute('PRAGMA ignore_check_constraints = OFF')
    for table, checks in CHECKS.items():
        if sqlite:
            with op.batch_alter_table(table, recreate='always') as batch_op:
                for name, conditions in checks.items():
                    wanted = conditions[after]
                    if conditions[before] is not None:
                        batch_op.drop_constraint(op.f(name), type_='check')
                    if wanted is not None:
                        batch_op.create_check_constraint(op.f(name), wanted)
        else:
            for name, conditions in checks.items():
                wanted = conditions[after]
                if wanted is not None:
                    op.create_check_constraint(op.f(name), table, wanted)


def upgrade() -> None:
    _swap_checks(0, 1, RENAMED)


def downgrade() -> None:
    back = {key: {new: old for old, new in codes.items()} for key, codes in RENAMED.items()}
    del back[('import_run', 'status')]
    _swap_checks(1, 0, back)
    # before, a template import that went well was 'applied' (and the other kinds 'ok')
    op.execute("UPDATE import_run SET status = 'applied' WHERE status = 'ok' AND kind = 'assessment_template'")
