"""program versions that have opened the register

The register remembers which versions of the program opened it, and when: the latest names the
version that last wrote it (Hjelp → Om). A register from before this revision starts with no rows;
the program that migrates it records itself when it opens it.

On a shared PostgreSQL register the table is under the permission model (``docs/security.md``): HR
and the owner record their version, every registered login reads the list.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 23:50:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.migrations.pg_rules import apply_privileges_function, reapply_all_privileges


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCE_TABLES = (
    'org_unit', 'scale', 'scale_level', 'framework', 'area', 'competence', 'role', 'requirement', 'setting',
)
PERSON_TABLES = ('employee', 'position', 'assessment', 'certificate', 'learning_goal', 'appraisal')
#: kind -> table -> verb -> columns ('' for the whole table): 0003's, and program_version
PRIVILEGES: dict[str, dict[str, dict[str, str]]] = {
    'hr': {
        **{t: {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''} for t in (*REFERENCE_TABLES, *PERSON_TABLES)},
        'import_run': {'SELECT': '', 'INSERT': '', 'UPDATE': ''},
        'import_mapping': {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''},
        'audit_event': {'SELECT': '', 'INSERT': ''},
        'register_account': {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''},
        'alembic_version': {'SELECT': ''},
        'program_version': {'SELECT': '', 'INSERT': '', 'UPDATE': ''},
    },
    'leader': {
        **{t: {'SELECT': ''} for t in REFERENCE_TABLES},
        'employee': {'SELECT': '', 'UPDATE': 'first_name, last_name, email, left_on, version, updated_at'},
        'position': {'SELECT': '', 'UPDATE': 'title, role_id, fte_percent, version'},
        'assessment': {'SELECT': '', 'INSERT': '', 'UPDATE': 'is_current'},
        **{t: {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''}
           for t in ('certificate', 'learning_goal', 'appraisal')},
        'import_run': {'SELECT': '', 'INSERT': ''},
        'audit_event': {'SELECT': '', 'INSERT': ''},
        'register_account': {'SELECT': ''},
        'alembic_version': {'SELECT': ''},
        'program_version': {'SELECT': ''},
    },
}
NO_SEQUENCE = frozenset({'alembic_version', 'setting', 'program_version'})


def upgrade() -> None:
    op.create_table('program_version',
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('first_opened_at', sa.DateTime(), nullable=False),
    sa.Column('last_opened_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_program_version'))
    )
    with op.batch_alter_table('program_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_version_last_opened_at'), ['last_opened_at'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ALTER TABLE program_version ENABLE ROW LEVEL SECURITY')
        op.execute('CREATE POLICY kr_read ON program_version FOR SELECT USING (true)')
        op.execute('CREATE POLICY kr_hr_insert ON program_version FOR INSERT WITH CHECK ((SELECT kr_sees_all()))')
        op.execute(
            'CREATE POLICY kr_hr_update ON program_version FOR UPDATE '
            'USING ((SELECT kr_sees_all())) WITH CHECK ((SELECT kr_sees_all()))'
        )
        op.execute(apply_privileges_function(PRIVILEGES, no_sequence=NO_SEQUENCE))
        op.execute(reapply_all_privileges())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        # back to 0003's privileges, which name no program_version
        before = {kind: {t: v for t, v in tables.items() if t != 'program_version'} for kind, tables in PRIVILEGES.items()}
        op.execute(apply_privileges_function(before))
    with op.batch_alter_table('program_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_version_last_opened_at'))

    op.drop_table('program_version')
