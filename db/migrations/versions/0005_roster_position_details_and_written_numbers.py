"""position details from rosters, and employee numbers as the roster writes them

Position: employment type (fast, midlertidig, vikar, engasjement), the main-position flag, the KS
position code and the STYRK-08 occupation code. Employee: the desired FTE (ønsket
stillingsprosent, for involuntary part-time) and the employee number as the latest roster wrote it
("015837"; people are still matched on the canonical number). Nothing existing changes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.add_column(sa.Column('employee_no_display', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('desired_fte', sa.Float(), nullable=True))
        batch_op.create_check_constraint(
            'desired_fte_range', 'desired_fte >= 0 AND desired_fte <= 100'
        )
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.add_column(sa.Column('employment_type', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('main_position', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('position_code', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('styrk_code', sa.String(length=10), nullable=True))
        batch_op.create_check_constraint(
            'employment_type_known', "employment_type IN ('fast', 'midlertidig', 'vikar', 'engasjement')"
        )


def downgrade() -> None:
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_constraint('employment_type_known', type_='check')
        batch_op.drop_column('styrk_code')
        batch_op.drop_column('position_code')
        batch_op.drop_column('main_position')
        batch_op.drop_column('employment_type')
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.drop_constraint('desired_fte_range', type_='check')
        batch_op.drop_column('desired_fte')
        batch_op.drop_column('employee_no_display')
