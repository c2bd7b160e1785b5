"""the unit's planning: targets, measures, budgets and 10-FAKTOR results

Four new tables (docs/planning.md): ``unit_target`` (the unit needs N people at a level in a
competence), ``unit_measure`` (tiltak: kind, link to a target, competence or strategy area, cost,
funding, responsible person, deadline, status, evaluation), ``unit_budget`` (the unit's competence
budget per year) and ``tenfactor_result`` (a unit's 10-FAKTOR mean per factor and year, with the
number who answered; groups under the minimum size are never stored). An import run may now be of
kind ``tenfactor``: its CHECK constraint is rebuilt with the new code.

On a shared PostgreSQL register the tables are under the permission model (``docs/security.md``):
a leader plans the units they lead and the units below them (``kr_led_units()``), HR every unit;
the 10-FAKTOR results are municipality-wide reference data that HR imports and every registered
login reads. A leader may also record the FTE a person of theirs wants (``employee.desired_fte``,
for involuntary part-time). This is a frozen copy of ``db/permissions.py`` at this revision.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 02:02:49.655379
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.migrations.pg_rules import SAFE_PATH, apply_privileges_function, reapply_all_privileges


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCE_TABLES = (
    'org_unit', 'scale', 'scale_level', 'framework', 'area', 'competence', 'role', 'requirement', 'setting',
)
PERSON_TABLES = ('employee', 'position', 'assessment', 'certificate', 'learning_goal', 'appraisal')
UNIT_TABLES = ('unit_target', 'unit_measure', 'unit_budget')
ALL_VERBS = {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''}
#: kind -> table -> verb -> columns ('' for the whole table): 0004's, and the planning tables
PRIVILEGES: dict[str, dict[str, dict[str, str]]] = {
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
    },
}
#: the CHECK of import_run.kind before (0006) and after this revision
IMPORT_KINDS_BEFORE = "kind IN ('roster', 'assessment_template', 'framework')"
IMPORT_KINDS_AFTER = "kind IN ('roster', 'assessment_template', 'framework', 'tenfactor')"
NO_SEQUENCE = frozenset({'alembic_version', 'setting', 'program_version'})

LED_UNITS = f"""
CREATE OR REPLACE FUNCTION kr_led_units() RETURNS SETOF integer
LANGUAGE plpgsql STABLE SECURITY DEFINER {SAFE_PATH} AS $$
DECLARE
    me integer[];
BEGIN
    SELECT array_agg(employee_id) INTO me FROM public.register_account
    WHERE login = session_user AND kind = 'leader' AND employee_id IS NOT NULL;
    IF me IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
        WITH RECURSIVE below(id) AS (
            SELECT u.id FROM public.org_unit u WHERE u.leader_id = ANY(me)
            UNION
            SELECT c.id FROM public.org_unit c JOIN below ON c.parent_id = below.id
        )
        SELECT below.id FROM below;
END
$$
"""
HR = '(SELECT kr_sees_all())'
MY_UNITS = f'{HR} OR unit_id IN (SELECT kr_led_units())'


def _postgresql_rules() -> None:
    op.execute(LED_UNITS)
    for table in UNIT_TABLES:
        op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        op.execute(f'CREATE POLICY kr_unit_data ON "{table}" USING ({MY_UNITS}) WITH CHECK ({MY_UNITS})')
    op.execute('ALTER TABLE tenfactor_result ENABLE ROW LEVEL SECURITY')
    op.execute('CREATE POLICY kr_read ON tenfactor_result FOR SELECT USING (true)')
    op.execute(f'CREATE POLICY kr_hr_insert ON tenfactor_result FOR INSERT WITH CHECK ({HR})')
    op.execute(f'CREATE POLICY kr_hr_update ON tenfactor_result FOR UPDATE USING ({HR}) WITH CHECK ({HR})')
    op.execute(f'CREATE POLICY kr_hr_delete ON tenfactor_result FOR DELETE USING ({HR})')
    op.execute(apply_privileges_function(PRIVILEGES, no_sequence=NO_SEQUENCE))
    op.execute(reapply_all_privileges())


# long: the four tables as Alembic wrote them; a released migration is never changed
def upgrade() -> None:
    op.create_table('tenfactor_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('factor', sa.Integer(), nullable=False),
    sa.Column('mean', sa.Float(), nullable=False),
    sa.Column('respondents', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('factor >= 1 AND factor <= 10', name=op.f('ck_tenfactor_result_factor_range')),
    sa.CheckConstraint('mean >= 1 AND mean <= 5', name=op.f('ck_tenfactor_result_mean_range')),
    sa.CheckConstraint('respondents >= 1', name=op.f('ck_tenfactor_result_respondents_positive')),
    sa.CheckConstraint('year >= 2000 AND year <= 2100', name=op.f('ck_tenfactor_result_year_range')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_tenfactor_result_unit_id_org_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenfactor_result')),
    sa.UniqueConstraint('unit_id', 'year', 'factor', name='uq_tenfactor_result_unit_year_factor')
    )
    with op.batch_alter_table('tenfactor_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenfactor_result_unit_id'), ['unit_id'], unique=False)

    op.create_table('unit_budget',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount_nok', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('amount_nok >= 0', name=op.f('ck_unit_budget_amount_positive')),
    sa.CheckConstraint('year >= 2000 AND year <= 2100', name=op.f('ck_unit_budget_year_range')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_unit_budget_unit_id_org_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_budget')),
    sa.UniqueConstraint('unit_id', 'year', name='uq_unit_budget_unit_year')
    )
    with op.batch_alter_table('unit_budget', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_budget_unit_id'), ['unit_id'], unique=False)

    op.create_table('unit_target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('competence_id', sa.Integer(), nullable=False),
    sa.Column('level_id', sa.Integer(), nullable=False),
    sa.Column('people_needed', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('people_needed >= 1 AND people_needed <= 10000', name=op.f('ck_unit_target_people_needed_range')),
    sa.ForeignKeyConstraint(['competence_id'], ['competence.id'], name=op.f('fk_unit_target_competence_id_competence'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['level_id'], ['scale_level.id'], name=op.f('fk_unit_target_level_id_scale_level'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_unit_target_unit_id_org_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_target')),
    sa.UniqueConstraint('unit_id', 'competence_id', 'level_id', name='uq_unit_target_unit_competence_level')
    )
    with op.batch_alter_table('unit_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_target_competence_id'), ['competence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_target_unit_id'), ['unit_id'], unique=False)

    op.create_table('unit_measure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('competence_id', sa.Integer(), nullable=True),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('cost_nok', sa.Integer(), nullable=True),
    sa.Column('spent_nok', sa.Integer(), nullable=True),
    sa.Column('funding', sa.String(length=20), nullable=True),
    sa.Column('responsible_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('evaluation', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("funding IN ('unit_budget', 'central', 'grant', 'other')", name=op.f('ck_unit_measure_funding_known')),
    sa.CheckConstraint("kind IN ('recruit', 'develop', 'redeploy', 'buy_in')", name=op.f('ck_unit_measure_kind_known')),
    sa.CheckConstraint("status IN ('planned', 'in_progress', 'done', 'cancelled')", name=op.f('ck_unit_measure_status_known')),
    sa.CheckConstraint('cost_nok IS NULL OR cost_nok >= 0', name=op.f('ck_unit_measure_cost_positive')),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_unit_measure_title_not_empty')),
    sa.CheckConstraint('spent_nok IS NULL OR spent_nok >= 0', name=op.f('ck_unit_measure_spent_positive')),
    sa.CheckConstraint('year >= 2000 AND year <= 2100', name=op.f('ck_unit_measure_year_range')),
    sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_unit_measure_area_id_area'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['competence_id'], ['competence.id'], name=op.f('fk_unit_measure_competence_id_competence'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['responsible_id'], ['employee.id'], name=op.f('fk_unit_measure_responsible_id_employee'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_id'], ['unit_target.id'], name=op.f('fk_unit_measure_target_id_unit_target'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_unit_measure_unit_id_org_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_measure'))
    )
    with op.batch_alter_table('unit_measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_measure_responsible_id'), ['responsible_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_measure_target_id'), ['target_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_measure_unit_id'), ['unit_id'], unique=False)

    _import_kinds(IMPORT_KINDS_AFTER)
    if op.get_bind().dialect.name == 'postgresql':
        _postgresql_rules()


def _import_kinds(condition: str) -> None:
    """Replace the CHECK constraint of ``import_run.kind`` (SQLite: a rebuild of the table)."""
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table('import_run', recreate='always') as batch_op:
            batch_op.drop_constraint(op.f('ck_import_run_kind_known'), type_='check')
            batch_op.create_check_constraint(op.f('ck_import_run_kind_known'), condition)
    else:
        op.drop_constraint(op.f('ck_import_run_kind_known'), 'import_run', type_='check')
        op.create_check_constraint(op.f('ck_import_run_kind_known'), 'import_run', condition)


def downgrade() -> None:
    # the history of 10-FAKTOR imports goes with the results (0006 knows no such kind)
    op.execute("DELETE FROM import_run WHERE kind = 'tenfactor'")
    _import_kinds(IMPORT_KINDS_BEFORE)
    if op.get_bind().dialect.name == 'postgresql':
        # back to 0004's privileges, which name none of the planning tables
        before = {
            kind: {t: v for t, v in tables.items() if t not in (*UNIT_TABLES, 'tenfactor_result')}
            for kind, tables in PRIVILEGES.items()
        }
        before['leader']['employee'] = {
            'SELECT': '', 'UPDATE': 'first_name, last_name, email, left_on, version, updated_at',
        }
        op.execute(apply_privileges_function(before, no_sequence=NO_SEQUENCE))
    with op.batch_alter_table('unit_measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_measure_unit_id'))
        batch_op.drop_index(batch_op.f('ix_unit_measure_target_id'))
        batch_op.drop_index(batch_op.f('ix_unit_measure_responsible_id'))

    op.drop_table('unit_measure')
    with op.batch_alter_table('unit_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_target_unit_id'))
        batch_op.drop_index(batch_op.f('ix_unit_target_competence_id'))

    op.drop_table('unit_target')
    with op.batch_alter_table('unit_budget', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_budget_unit_id'))

    op.drop_table('unit_budget')
    with op.batch_alter_table('tenfactor_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenfactor_result_unit_id'))

    op.drop_table('tenfactor_result')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP FUNCTION IF EXISTS kr_led_units()')
