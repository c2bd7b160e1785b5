"""one index on a position's unit, not two

``ix_position_unit_id`` (``position.unit_id``) was the first column of
``ix_position_unit_employee`` (``unit_id, employee_id, role_id``): every lookup by unit, and the
check of the unit's foreign key, can use the longer one, and SQLite and PostgreSQL do. Every
position written kept both up to date: a roster import of 50,000 people wrote its 55,000 positions
in 0.30 s with it and 0.25 s without (docs/benchmarks.md).

Nothing else changes: no table is rebuilt, so the kept gap figures' triggers (0010) stay, and on a
shared PostgreSQL register an index carries no privilege or policy.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 15:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index('ix_position_unit_id', table_name='position')


def downgrade() -> None:
    op.create_index('ix_position_unit_id', 'position', ['unit_id'], unique=False)
