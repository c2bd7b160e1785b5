"""no index on a person's name

``ix_employee_last_first`` (``employee.last_name, first_name``) served no query: people are sorted by
name in the program, by the Norwegian alphabet (``competence/employees.py``), which the database's
order of bytes does not follow, and no query looks a person up by name. Every person written kept it
up to date: a roster import of 50,000 people wrote them in a third more time with it
(docs/benchmarks.md).

Nothing else changes: no table is rebuilt, so the kept gap figures' triggers (0010) stay, and on a
shared PostgreSQL register an index carries no privilege or policy.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 17:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index('ix_employee_last_first', table_name='employee')


def downgrade() -> None:
    op.create_index('ix_employee_last_first', 'employee', ['last_name', 'first_name'], unique=False)
