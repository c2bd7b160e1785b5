"""a unit's target may name a formal qualification instead of a competence and level

``unit_target`` gets ``qualification_id`` ("we need N people holding qualification Q",
docs/planning.md); ``competence_id`` and ``level_id`` may now be empty. A CHECK makes every target
name either a competence with a level or a qualification, never both and never neither; one unit
has at most one target per qualification. Every existing target names a competence and a level,
so it satisfies the CHECK as it is.

The foreign key is ON DELETE RESTRICT: a target is a leader's plan, with measures aimed at it, and
HR tidying the catalogue must not take it away unseen. The catalogue refuses to delete an entry a
target names and says which (competence/qualifications/catalogue.py), as it does for an entry
someone holds.

On a shared PostgreSQL register nothing else changes: the row-level security policy of
``unit_target`` (``kr_unit_data``, migration 0007) reads only ``unit_id``, and the leader's and HR's
privileges are on the whole table, so they cover the new column; the table is altered in place, so
its policy and grants stay.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-12 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EITHER = (
    '(competence_id IS NOT NULL AND level_id IS NOT NULL AND qualification_id IS NULL) '
    'OR (competence_id IS NULL AND level_id IS NULL AND qualification_id IS NOT NULL)'
)


def upgrade() -> None:
    with op.batch_alter_table('unit_target', schema=None) as batch_op:
        batch_op.add_column(sa.Column('qualification_id', sa.Integer(), nullable=True))
        batch_op.alter_column('competence_id', existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column('level_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(
            batch_op.f('fk_unit_target_qualification_id_qualification'), 'qualification',
            ['qualification_id'], ['id'], ondelete='RESTRICT',
        )
        batch_op.create_check_constraint('competence_or_qualification', EITHER)
        batch_op.create_unique_constraint('uq_unit_target_unit_qualification', ['unit_id', 'qualification_id'])
        batch_op.create_index(batch_op.f('ix_unit_target_qualification_id'), ['qualification_id'], unique=False)


def downgrade() -> None:
    # 0008 knows only competence targets: the qualification targets go, and the measures aimed at
    # them lose that aim (as ON DELETE SET NULL would do; said here, since SQLite may not enforce it)
    op.execute(
        'UPDATE unit_measure SET target_id = NULL '
        'WHERE target_id IN (SELECT id FROM unit_target WHERE qualification_id IS NOT NULL)'
    )
    op.execute('DELETE FROM unit_target WHERE qualification_id IS NOT NULL')
    with op.batch_alter_table('unit_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_target_qualification_id'))
        batch_op.drop_constraint('uq_unit_target_unit_qualification', type_='unique')
        batch_op.drop_constraint('competence_or_qualification', type_='check')
        batch_op.drop_constraint(batch_op.f('fk_unit_target_qualification_id_qualification'), type_='foreignkey')
        batch_op.alter_column('level_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('competence_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('qualification_id')
