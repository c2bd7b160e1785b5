"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 16:10:17.485509
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# long: the whole first schema, as Alembic wrote it; a released migration is never changed
def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=True),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('employee_no', sa.String(length=40), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_employee_no'), ['employee_no'], unique=False)

    op.create_table('employee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_no', sa.String(length=40), nullable=False),
    sa.Column('first_name', sa.String(length=120), nullable=False),
    sa.Column('last_name', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('anonymised_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('length(employee_no) > 0', name=op.f('ck_employee_employee_no_not_empty')),
    sa.ForeignKeyConstraint(['manager_id'], ['employee.id'], name=op.f('fk_employee_manager_id_employee'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employee')),
    sa.UniqueConstraint('employee_no', name=op.f('uq_employee_employee_no'))
    )
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.create_index('ix_employee_last_first', ['last_name', 'first_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_employee_left_on'), ['left_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_employee_manager_id'), ['manager_id'], unique=False)

    op.create_table('import_mapping',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=128), nullable=False),
    sa.Column('sheet_name', sa.String(length=200), nullable=True),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_mapping')),
    sa.UniqueConstraint('source_key', name=op.f('uq_import_mapping_source_key'))
    )
    op.create_table('import_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_run'))
    )
    op.create_table('org_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('length(number) > 0', name=op.f('ck_org_unit_number_not_empty')),
    sa.ForeignKeyConstraint(['leader_id'], ['employee.id'], name=op.f('fk_org_unit_leader_id_employee'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit')),
    sa.UniqueConstraint('number', name=op.f('uq_org_unit_number'))
    )
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_unit_leader_id'), ['leader_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_unit_parent_id'), ['parent_id'], unique=False)

    op.create_table('role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role')),
    sa.UniqueConstraint('name', name=op.f('uq_role_name'))
    )
    op.create_table('scale',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scale')),
    sa.UniqueConstraint('key', name=op.f('uq_scale_key'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('appraisal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('leader_name', sa.String(length=200), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('agreed', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_appraisal_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['leader_id'], ['employee.id'], name=op.f('fk_appraisal_leader_id_employee'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appraisal'))
    )
    with op.batch_alter_table('appraisal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_employee_id'), ['employee_id'], unique=False)

    op.create_table('framework',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('data_version', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('builtin', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('copied_from_id', sa.Integer(), nullable=True),
    sa.Column('default_scale_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['copied_from_id'], ['framework.id'], name=op.f('fk_framework_copied_from_id_framework'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['default_scale_id'], ['scale.id'], name=op.f('fk_framework_default_scale_id_scale'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_framework')),
    sa.UniqueConstraint('key', name=op.f('uq_framework_key'))
    )
    op.create_table('position',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=True),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    sa.Column('fte_percent', sa.Float(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('fte_percent >= 0 AND fte_percent <= 100', name=op.f('ck_position_fte_range')),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_position_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['manager_id'], ['employee.id'], name=op.f('fk_position_manager_id_employee'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_position_role_id_role'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_position_unit_id_org_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position'))
    )
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_position_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_position_role_id'), ['role_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_position_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('ix_position_unit_employee', ['unit_id', 'employee_id', 'role_id'], unique=False)

    op.create_table('scale_level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scale_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=True),
    sa.Column('band', sa.String(length=120), nullable=True),
    sa.Column('band_en', sa.String(length=120), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('description_en', sa.Text(), nullable=True),
    sa.Column('percent', sa.Float(), nullable=False),
    sa.CheckConstraint('percent >= 0 AND percent <= 100', name=op.f('ck_scale_level_percent_range')),
    sa.ForeignKeyConstraint(['scale_id'], ['scale.id'], name=op.f('fk_scale_level_scale_id_scale'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scale_level')),
    sa.UniqueConstraint('scale_id', 'ordinal', name='uq_scale_level_ordinal')
    )
    op.create_table('area',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['framework_id'], ['framework.id'], name=op.f('fk_area_framework_id_framework'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_area')),
    sa.UniqueConstraint('framework_id', 'key', name='uq_area_framework_key')
    )
    op.create_table('competence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('scale_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('description_en', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=20), server_default='skill', nullable=False),
    sa.Column('critical', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('source_quote', sa.Text(), nullable=True),
    sa.Column('source_ref', sa.String(length=200), nullable=True),
    sa.Column('validity_months', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("kind IN ('skill', 'certificate')", name=op.f('ck_competence_kind_valid')),
    sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_competence_area_id_area'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['framework_id'], ['framework.id'], name=op.f('fk_competence_framework_id_framework'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['competence.id'], name=op.f('fk_competence_parent_id_competence'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scale_id'], ['scale.id'], name=op.f('fk_competence_scale_id_scale'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_competence')),
    sa.UniqueConstraint('framework_id', 'key', name='uq_competence_framework_key')
    )
    with op.batch_alter_table('competence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_competence_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_competence_framework_id'), ['framework_id'], unique=False)

    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('competence_id', sa.Integer(), nullable=False),
    sa.Column('level_id', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('assessor', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('is_current', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("source IN ('self', 'leader', 'course', 'import')", name=op.f('ck_assessment_source_valid')),
    sa.ForeignKeyConstraint(['competence_id'], ['competence.id'], name=op.f('fk_assessment_competence_id_competence'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_assessment_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['level_id'], ['scale_level.id'], name=op.f('fk_assessment_level_id_scale_level'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_competence_id'), ['competence_id'], unique=False)
        batch_op.create_index('ix_assessment_current', ['employee_id', 'competence_id'], unique=True, sqlite_where=sa.text('is_current = 1'), postgresql_where=sa.text('is_current'))
        batch_op.create_index('ix_assessment_current_level', ['employee_id', 'competence_id', 'level_id'], unique=False, sqlite_where=sa.text('is_current = 1'), postgresql_where=sa.text('is_current'))
        batch_op.create_index('ix_assessment_history', ['employee_id', 'competence_id', 'assessed_on', 'id'], unique=False)

    op.create_table('certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('competence_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('valid_until IS NULL OR valid_until >= completed_on', name=op.f('ck_certificate_valid_after_completed')),
    sa.ForeignKeyConstraint(['competence_id'], ['competence.id'], name=op.f('fk_certificate_competence_id_competence'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_certificate_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_competence_id'), ['competence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificate_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificate_valid_until'), ['valid_until'], unique=False)

    op.create_table('learning_goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('competence_id', sa.Integer(), nullable=True),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('target_level_id', sa.Integer(), nullable=True),
    sa.Column('appraisal_id', sa.Integer(), nullable=True),
    sa.Column('activity_type', sa.String(length=30), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('hours', sa.Float(), nullable=True),
    sa.Column('cost_nok', sa.Integer(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("activity_type IN ('kurs', 'e-laering', 'hospitering', 'veiledning', 'videreutdanning', 'laering-i-arbeid')", name=op.f('ck_learning_goal_activity_valid')),
    sa.CheckConstraint("status IN ('planlagt', 'pagar', 'fullfort', 'avbrutt')", name=op.f('ck_learning_goal_status_valid')),
    sa.CheckConstraint('cost_nok IS NULL OR cost_nok >= 0', name=op.f('ck_learning_goal_cost_positive')),
    sa.CheckConstraint('hours IS NULL OR hours >= 0', name=op.f('ck_learning_goal_hours_positive')),
    sa.ForeignKeyConstraint(['appraisal_id'], ['appraisal.id'], name=op.f('fk_learning_goal_appraisal_id_appraisal'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_learning_goal_area_id_area'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['competence_id'], ['competence.id'], name=op.f('fk_learning_goal_competence_id_competence'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_learning_goal_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_level_id'], ['scale_level.id'], name=op.f('fk_learning_goal_target_level_id_scale_level'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_goal'))
    )
    with op.batch_alter_table('learning_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_goal_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_learning_goal_employee_id'), ['employee_id'], unique=False)

    op.create_table('requirement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.Column('competence_id', sa.Integer(), nullable=False),
    sa.Column('level_id', sa.Integer(), nullable=False),
    sa.Column('mandatory', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['competence_id'], ['competence.id'], name=op.f('fk_requirement_competence_id_competence'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['level_id'], ['scale_level.id'], name=op.f('fk_requirement_level_id_scale_level'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_requirement_role_id_role'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requirement')),
    sa.UniqueConstraint('role_id', 'competence_id', name='uq_requirement_role_competence')
    )
    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.create_index('ix_requirement_cover', ['role_id', 'competence_id', 'level_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_requirement_competence_id'), ['competence_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_requirement_competence_id'))
        batch_op.drop_index('ix_requirement_cover')

    op.drop_table('requirement')
    with op.batch_alter_table('learning_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_goal_employee_id'))
        batch_op.drop_index(batch_op.f('ix_learning_goal_due_on'))

    op.drop_table('learning_goal')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_valid_until'))
        batch_op.drop_index(batch_op.f('ix_certificate_employee_id'))
        batch_op.drop_index(batch_op.f('ix_certificate_competence_id'))

    op.drop_table('certificate')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index('ix_assessment_history')
        batch_op.drop_index('ix_assessment_current_level', sqlite_where=sa.text('is_current = 1'), postgresql_where=sa.text('is_current'))
        batch_op.drop_index('ix_assessment_current', sqlite_where=sa.text('is_current = 1'), postgresql_where=sa.text('is_current'))
        batch_op.drop_index(batch_op.f('ix_assessment_competence_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('competence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_competence_framework_id'))
        batch_op.drop_index(batch_op.f('ix_competence_area_id'))

    op.drop_table('competence')
    op.drop_table('area')
    op.drop_table('scale_level')
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_index('ix_position_unit_employee')
        batch_op.drop_index(batch_op.f('ix_position_unit_id'))
        batch_op.drop_index(batch_op.f('ix_position_role_id'))
        batch_op.drop_index(batch_op.f('ix_position_employee_id'))

    op.drop_table('position')
    op.drop_table('framework')
    with op.batch_alter_table('appraisal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_employee_id'))

    op.drop_table('appraisal')
    op.drop_table('setting')
    op.drop_table('scale')
    op.drop_table('role')
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_unit_parent_id'))
        batch_op.drop_index(batch_op.f('ix_org_unit_leader_id'))

    op.drop_table('org_unit')
    op.drop_table('import_run')
    op.drop_table('import_mapping')
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employee_manager_id'))
        batch_op.drop_index(batch_op.f('ix_employee_left_on'))
        batch_op.drop_index('ix_employee_last_first')

    op.drop_table('employee')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_employee_no'))
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_action'))

    op.drop_table('audit_event')
