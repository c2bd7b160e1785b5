"""the whole municipality's gap figures kept, and kept honest by the database

Three tables (docs/decisions/0016-kept-figures-for-the-whole-municipality.md): ``gap_cell`` holds the
integer sums of every unit × competence cell and of every competence's total (``unit_id`` 0),
``gap_state`` (one row) the day they are of and the first day a date in the register changes them,
and ``gap_stale`` the (employee, competence) pairs whose assessments or certificates changed since.

Triggers keep them honest whoever writes, the app, a bulk import or plain SQL:

* a write that can change figures anywhere (a post, a person leaving, a requirement, a
  competence's kind, a level's percentage, a role, unit or person deleted) *forgets* the kept
  figures: ``gap_cell`` and ``gap_stale`` emptied, ``built_on`` cleared;
* a write of an assessment or certificate notes its pair in ``gap_stale`` (when figures are kept);
* each of them changes ``gap_state.generation``, so figures computed are stored only if no such
  write came in between: on PostgreSQL a new random number once per transaction (``bumped_in``);
  on SQLite 0, and only while figures are kept or being computed (a row trigger that writes would
  slow every bulk write, see ``SQLITE_WATCHING``).

On SQLite the triggers run per row, and only while there is something to forget; on PostgreSQL per
statement (the pairs from the statement's transition tables), as the owner (``SECURITY DEFINER``), so that a leader's login, which may not
read the kept figures (row-level security: HR's only), still keeps them honest when it writes a
level. HR's login reads the figures and stores them; a leader's reads the live figures its rows
allow. This is a frozen copy of ``db/permissions.py`` at this revision.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 12:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.migrations.pg_rules import SAFE_PATH, apply_privileges_function, reapply_all_privileges


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCE_TABLES = (
    'org_unit', 'scale', 'scale_level', 'framework', 'area', 'competence', 'role', 'requirement', 'setting',
)
PERSON_TABLES = ('employee', 'position', 'assessment', 'certificate', 'learning_goal', 'appraisal')
UNIT_TABLES = ('unit_target', 'unit_measure', 'unit_budget')
ALL_VERBS = {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''}
#: kind -> table -> verb -> columns ('' for the whole table): 0008's, which 0009 kept
BEFORE: dict[str, dict[str, dict[str, str]]] = {
    'hr': {
        **{t: dict(ALL_VERBS) for t in (*REFERENCE_TABLES, *PERSON_TABLES)},
        'import_run': {'SELECT': '', 'INSERT': '', 'UPDATE': ''},
        'import_mapping': dict(ALL_VERBS),
        'audit_event': {'SELECT': '', 'INSERT': ''},
        'register_account': dict(ALL_VERBS),
        'alembic_version': {'SELECT': ''},
        'program_version': {'SELECT': '', 'INSERT': '', 'UPDATE': ''},
        **{t: dict(ALL_VERBS) for t in UNIT_TABLES},
        'tenfactor_result': dict(ALL_VERBS),
        **{t: dict(ALL_VERBS) for t in ('qualification', 'employee_qualification', 'dispensation')},
    },
    'leader': {
        **{t: {'SELECT': ''} for t in REFERENCE_TABLES},
        'employee': {
            'SELECT': '', 'UPDATE': 'first_name, last_name, email, left_on, desired_fte, version, updated_at',
        },
        'position': {'SELECT': '', 'UPDATE': 'title, role_id, fte_percent, version'},
        'assessment': {'SELECT': '', 'INSERT': '', 'UPDATE': 'is_current'},
        **{t: dict(ALL_VERBS) for t in ('certificate', 'learning_goal', 'appraisal')},
        'import_run': {'SELECT': '', 'INSERT': ''},
        'audit_event': {'SELECT': '', 'INSERT': ''},
        'register_account': {'SELECT': ''},
        'alembic_version': {'SELECT': ''},
        'program_version': {'SELECT': ''},
        **{t: dict(ALL_VERBS) for t in UNIT_TABLES},
        'tenfactor_result': {'SELECT': ''},
        'qualification': {'SELECT': ''},
        'employee_qualification': dict(ALL_VERBS),
        'dispensation': {'SELECT': ''},
    },
}
#: HR's login reads the kept figures, stores them and drops the pairs it folded in; a leader's
#: login has no privilege on them (its writes reach them through the triggers only)
PRIVILEGES: dict[str, dict[str, dict[str, str]]] = {
    'hr': {
        **BEFORE['hr'],
        'gap_state': {'SELECT': '', 'UPDATE': 'built_on, fresh_until'},
        'gap_cell': {'SELECT': '', 'INSERT': '', 'DELETE': ''},
        'gap_stale': {'SELECT': '', 'DELETE': ''},
    },
    'leader': BEFORE['leader'],
}
NO_SEQUENCE = frozenset({'alembic_version', 'setting', 'program_version', 'gap_cell'})
HR = '(SELECT kr_sees_all())'

#: table -> (the events that forget the kept figures, as SQLite trigger events)
FORGETTING: dict[str, tuple[str, ...]] = {
    'position': ('INSERT', 'DELETE', 'UPDATE OF employee_id, unit_id, role_id, start_date, end_date'),
    'employee': ('DELETE', 'UPDATE OF left_on'),
    'requirement': (
        'INSERT', 'DELETE', 'UPDATE OF role_id, competence_id, level_id, mandatory, valid_from, valid_to',
    ),
    'competence': ('DELETE', 'UPDATE OF kind'),
    'scale_level': ('DELETE', 'UPDATE OF percent'),
    'role': ('DELETE',),
    'org_unit': ('DELETE',),
}
#: table -> the columns whose change notes a pair (an insert or a delete always does)
NOTING: dict[str, str] = {
    'assessment': 'employee_id, competence_id, level_id, is_current',
    'certificate': 'employee_id, competence_id, completed_on, valid_until',
}

#: SQLite runs a trigger per row, and a row trigger that writes makes every statement of a bulk
#: write keep a statement journal (an import of 50,000 people took 1.2 s longer). So on SQLite the
#: triggers act only while figures are kept or being computed (``generation`` not 0): the first
#: write forgets them and sets ``generation`` to 0, and the writes after it cost nothing. A read
#: that computes the figures first sets ``generation`` to a token of its own (competence/gap/kept.py).
SQLITE_WATCHING = '(SELECT generation <> 0 OR built_on IS NOT NULL FROM gap_state)'
SQLITE_FORGET = (
    'UPDATE gap_state SET generation = 0, built_on = NULL, fresh_until = NULL; '
    'DELETE FROM gap_cell; DELETE FROM gap_stale;'
)
SQLITE_NOTE = (
    'INSERT INTO gap_stale (employee_id, competence_id) SELECT {row}.employee_id, {row}.competence_id '
    'WHERE {row}.competence_id IS NOT NULL AND (SELECT built_on FROM gap_state) IS NOT NULL;'
)
#: after the pairs are noted: kept figures get a new token (a fold computed before is refused);
#: figures being computed are refused (generation 0)
SQLITE_NEW_TOKEN = (
    'UPDATE gap_state SET generation = CASE WHEN built_on IS NULL THEN 0 '
    'ELSE (random() & 9223372036854775807) | 1 END;'
)
PG_NEW_VERSION = "(floor(random() * 9.0e18))::bigint"


def _trigger_name(table: str, event: str) -> str:
    return f'kr_gap_{table}_{event.split()[0].lower()}'


def _sqlite_rules() -> None:
    for table, events in FORGETTING.items():
        for event in events:
            op.execute(
                f'CREATE TRIGGER {_trigger_name(table, event)} AFTER {event} ON "{table}" '
                f'WHEN {SQLITE_WATCHING} BEGIN {SQLITE_FORGET} END'
            )
    for table, columns in NOTING.items():
        for event, rows in (('INSERT', ('NEW',)), ('DELETE', ('OLD',)), (f'UPDATE OF {columns}', ('OLD', 'NEW'))):
            body = ' '.join(SQLITE_NOTE.format(row=row) for row in rows) + ' ' + SQLITE_NEW_TOKEN
            op.execute(
                f'CREATE TRIGGER {_trigger_name(table, event)} AFTER {event} ON "{table}" '
                f'WHEN {SQLITE_WATCHING} BEGIN {body} END'
            )


def _postgresql_rules() -> None:
    # A statement trigger fires for every statement, and a bulk write through executemany is a
    # statement per row. The state row is changed once per transaction (``bumped_in``): a row
    # updated a million times in one transaction leaves a million versions to walk, each time. The
    # figures are emptied only when some are kept (deleted rows stay for the transaction to scan).
    op.execute(f"""
CREATE FUNCTION kr_gap_forget() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SAFE_PATH} AS $$
DECLARE
    kept date;
    bumped bigint;
BEGIN
    SELECT built_on, bumped_in INTO kept, bumped FROM public.gap_state;
    IF kept IS NOT NULL OR bumped IS DISTINCT FROM txid_current() THEN
        UPDATE public.gap_state
        SET generation = {PG_NEW_VERSION}, bumped_in = txid_current(), built_on = NULL, fresh_until = NULL;
    END IF;
    IF kept IS NOT NULL THEN
        DELETE FROM public.gap_cell;
        DELETE FROM public.gap_stale;
    END IF;
    RETURN NULL;
END
$$""")
    for name, rows in (
        ('new', 'SELECT employee_id, competence_id FROM new_rows'),
        ('old', 'SELECT employee_id, competence_id FROM old_rows'),
        (
            'both',
            'SELECT employee_id, competence_id FROM old_rows '
            'UNION SELECT employee_id, competence_id FROM new_rows',
        ),
    ):
        op.execute(f"""
CREATE FUNCTION kr_gap_note_{name}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SAFE_PATH} AS $$
DECLARE
    kept date;
    bumped bigint;
BEGIN
    SELECT built_on, bumped_in INTO kept, bumped FROM public.gap_state;
    IF bumped IS DISTINCT FROM txid_current() THEN
        UPDATE public.gap_state SET generation = {PG_NEW_VERSION}, bumped_in = txid_current();
    END IF;
    IF kept IS NOT NULL THEN
        INSERT INTO public.gap_stale (employee_id, competence_id)
        SELECT DISTINCT p.employee_id, p.competence_id FROM ({rows}) AS p WHERE p.competence_id IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$""")
    for table, events in FORGETTING.items():
        op.execute(
            f'CREATE TRIGGER kr_gap_forget AFTER {" OR ".join(events)} ON "{table}" '
            'FOR EACH STATEMENT EXECUTE FUNCTION kr_gap_forget()'
        )
    for table in NOTING:
        # a trigger with transition tables has one event and no column list (PostgreSQL's rule)
        op.execute(
            f'CREATE TRIGGER kr_gap_note_insert AFTER INSERT ON "{table}" REFERENCING NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION kr_gap_note_new()'
        )
        op.execute(
            f'CREATE TRIGGER kr_gap_note_delete AFTER DELETE ON "{table}" REFERENCING OLD TABLE AS old_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION kr_gap_note_old()'
        )
        op.execute(
            f'CREATE TRIGGER kr_gap_note_update AFTER UPDATE ON "{table}" '
            'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION kr_gap_note_both()'
        )
    for table in ('gap_state', 'gap_cell', 'gap_stale'):
        op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        op.execute(f'CREATE POLICY kr_hr_only ON "{table}" USING ({HR}) WITH CHECK ({HR})')
    op.execute(apply_privileges_function(PRIVILEGES, no_sequence=NO_SEQUENCE))
    op.execute(reapply_all_privileges())


def upgrade() -> None:
    op.create_table('gap_cell',
    sa.Column('unit_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('competence_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('met', sa.Integer(), nullable=False),
    sa.Column('not_assessed', sa.Integer(), nullable=False),
    sa.Column('gap_units', sa.BigInteger(), nullable=False),
    sa.Column('required_units', sa.BigInteger(), nullable=False),
    sa.Column('current_units', sa.BigInteger(), nullable=False),
    sa.Column('missing', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('unit_id', 'competence_id', name=op.f('pk_gap_cell'))
    )
    op.create_table('gap_stale',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('competence_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gap_stale'))
    )
    op.create_table('gap_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('generation', sa.BigInteger(), server_default=sa.text('0'), nullable=False),
    sa.Column('built_on', sa.Date(), nullable=True),
    sa.Column('fresh_until', sa.Date(), nullable=True),
    sa.Column('bumped_in', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gap_state'))
    )
    op.execute('INSERT INTO gap_state (id, generation) VALUES (1, 0)')
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        _sqlite_rules()
    elif dialect == 'postgresql':
        _postgresql_rules()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        for table, events in FORGETTING.items():
            for event in events:
                op.execute(f'DROP TRIGGER IF EXISTS {_trigger_name(table, event)}')
        for table in NOTING:
            for event in ('INSERT', 'DELETE', 'UPDATE'):
                op.execute(f'DROP TRIGGER IF EXISTS {_trigger_name(table, event)}')
    elif dialect == 'postgresql':
        for table in FORGETTING:
            op.execute(f'DROP TRIGGER IF EXISTS kr_gap_forget ON "{table}"')
        for table in NOTING:
            for event in ('insert', 'delete', 'update'):
                op.execute(f'DROP TRIGGER IF EXISTS kr_gap_note_{event} ON "{table}"')
        op.execute(apply_privileges_function(BEFORE, no_sequence=NO_SEQUENCE - {'gap_cell'}))
        op.execute(reapply_all_privileges())
    op.drop_table('gap_state')
    op.drop_table('gap_stale')
    op.drop_table('gap_cell')
    if dialect == 'postgresql':
        for name in ('forget', 'note_new', 'note_old', 'note_both'):
            op.execute(f'DROP FUNCTION IF EXISTS kr_gap_{name}()')
