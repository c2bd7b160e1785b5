"""register accounts and row-level security

On PostgreSQL, a unit leader's login reaches only the people of the units they lead (docs/security.md),
enforced by the database: row-level security on every table with personal data, decided by two
functions that read ``register_account`` as the tables' owner. On SQLite (one user, one file) only
the table is created.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 20:04:14.790052
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Tables whose rows belong to one person, through ``employee_id``.
PERSON_TABLES = ('position', 'assessment', 'certificate', 'learning_goal', 'appraisal')

# SECURITY DEFINER: the functions read the tables as their owner, past the policies (a policy
# that read a protected table as the user would recurse). session_user is the login, since
# current_user is the owner inside them. search_path is fixed so no one can slip in other tables.
SEES_ALL = """
CREATE FUNCTION kr_sees_all() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM register_account WHERE login = session_user AND kind = 'hr')
$$
"""

VISIBLE_EMPLOYEES = """
CREATE FUNCTION kr_visible_employees() RETURNS SETOF integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me integer[];
    led integer[];
BEGIN
    -- arrays, not subqueries: "= ANY(array)" lets every step use its index, at any register size
    SELECT array_agg(employee_id) INTO me FROM register_account
    WHERE login = session_user AND kind = 'leader' AND employee_id IS NOT NULL;
    IF me IS NULL THEN
        RETURN;
    END IF;
    WITH RECURSIVE below(id) AS (
        SELECT u.id FROM org_unit u WHERE u.leader_id = ANY(me)
        UNION
        SELECT c.id FROM org_unit c JOIN below ON c.parent_id = below.id
    )
    SELECT array_agg(id) INTO led FROM below;
    RETURN QUERY
        SELECT unnest(me)
        UNION
        SELECT p.employee_id FROM position p
        WHERE p.unit_id = ANY(coalesce(led, '{}')) AND (p.end_date IS NULL OR p.end_date >= current_date)
        UNION
        SELECT p.employee_id FROM position p
        WHERE p.manager_id = ANY(me) AND (p.end_date IS NULL OR p.end_date >= current_date)
        UNION
        SELECT e.id FROM employee e WHERE e.manager_id = ANY(me);
END
$$
"""


def _rules(table: str, visible: str, check: str | None = None) -> list[str]:
    return [
        f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
        f'CREATE POLICY kr_person_data ON "{table}" USING ({visible}) WITH CHECK ({check or visible})',
    ]


def upgrade() -> None:
    op.create_table('register_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind = 'hr' OR employee_id IS NOT NULL", name=op.f('ck_register_account_leader_is_an_employee')),
    sa.CheckConstraint("kind IN ('hr', 'leader')", name=op.f('ck_register_account_kind_known')),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_register_account_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_account')),
    sa.UniqueConstraint('login', name=op.f('uq_register_account_login'))
    )
    with op.batch_alter_table('register_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_register_account_employee_id'), ['employee_id'], unique=False)
    # the rules look people up by their manager (and erasure clears the reference)
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_position_manager_id'), ['manager_id'], unique=False)

    if op.get_bind().dialect.name != 'postgresql':
        return
    statements = [SEES_ALL, VISIBLE_EMPLOYEES]
    # (SELECT kr_sees_all()) is worked out once per statement, not once per row: HR's analysis of
    # millions of assessment rows pays nothing for the rules
    mine = '(SELECT kr_sees_all()) OR {column} IN (SELECT kr_visible_employees())'
    statements += _rules('employee', mine.format(column='id'))
    for table in PERSON_TABLES:
        statements += _rules(table, mine.format(column='employee_id'))
    # the log names people by number only: a leader sees entries about their people, and general ones
    statements += _rules(
        'audit_event',
        '(SELECT kr_sees_all()) OR employee_no IS NULL OR employee_no IN (SELECT e.employee_no FROM employee e)',
        'true',
    )
    statements += _rules(
        'register_account', '(SELECT kr_sees_all()) OR login = session_user', '(SELECT kr_sees_all())'
    )
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in ('employee', *PERSON_TABLES, 'audit_event', 'register_account'):
            op.execute(f'DROP POLICY IF EXISTS kr_person_data ON "{table}"')
            op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
        op.execute('DROP FUNCTION IF EXISTS kr_visible_employees()')
        op.execute('DROP FUNCTION IF EXISTS kr_sees_all()')
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_position_manager_id'))
    with op.batch_alter_table('register_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_register_account_employee_id'))

    op.drop_table('register_account')
