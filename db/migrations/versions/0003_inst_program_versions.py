"""program versions that have opened the register

The register remembers which versions of the program opened it, and when: the latest names the
version that last wrote it (Hjelp → Om). A register from before this revision starts with no rows;
the program that migrates it records itself when it opens it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 23:50:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('program_version',
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('first_opened_at', sa.DateTime(), nullable=False),
    sa.Column('last_opened_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_program_version'))
    )
    with op.batch_alter_table('program_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_version_last_opened_at'), ['last_opened_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('program_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_version_last_opened_at'))

    op.drop_table('program_version')
