"""formal qualifications and dispensations, requirements with a history and a deadline, talk kinds

* ``qualification``: the municipality's catalogue of formal qualifications (education, fag-/
  svennebrev, authorisation, licence); ``employee_qualification``: what a person holds, with a date,
  an optional expiry and a reference to the document; ``dispensation``: leave to hold a post
  without a required qualification, until an end date.
* ``requirement``: a role may require a qualification instead of a competence (then no level);
  ``deadline_months`` after a person comes under a mandatory requirement before a lacking one is
  overdue; ``valid_from`` / ``valid_to``, so that figures for an earlier date use the
  requirements then in force. Existing requirements hold from always; the unique (role,
  competence) becomes one *open-ended* row per role and competence (or qualification).
* ``appraisal.kind``: medarbeidersamtale (every existing talk), oppfølgingssamtale or
  livsfase-/seniorsamtale.
* ``import_run.kind``: a self-assessment form read back in is an import of its own kind
  (``self_assessment``); the CHECK constraint is rebuilt with it. The codes are a frozen copy of
  ``db/codes.py`` at this revision.

On a shared PostgreSQL register the three tables are under the permission model
(``docs/security.md``): the catalogue is reference data (HR writes, every registered login reads);
a leader records the qualifications of the people they reach and reads their dispensations, which
HR records.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.migrations.pg_rules import apply_privileges_function, reapply_all_privileges


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCE_TABLES = (
    'org_unit', 'scale', 'scale_level', 'framework', 'area', 'competence', 'role', 'requirement', 'setting',
)
PERSON_TABLES = ('employee', 'position', 'assessment', 'certificate', 'learning_goal', 'appraisal')
UNIT_TABLES = ('unit_target', 'unit_measure', 'unit_budget')
ALL_VERBS = {'SELECT': '', 'INSERT': '', 'UPDATE': '', 'DELETE': ''}
#: kind -> table -> verb -> columns ('' for the whole table): 0007's (the planning tables), and the
#: three new tables
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
PRIVILEGES: dict[str, dict[str, dict[str, str]]] = {
    'hr': {
        **BEFORE['hr'],
        **{t: dict(ALL_VERBS) for t in ('qualification', 'employee_qualification', 'dispensation')},
    },
    'leader': {
        **BEFORE['leader'],
        'qualification': {'SELECT': ''},
        'employee_qualification': dict(ALL_VERBS),
        'dispensation': {'SELECT': ''},
    },
}
NO_SEQUENCE = frozenset({'alembic_version', 'setting', 'program_version'})
#: the import runs' kinds before and after this revision
IMPORT_KINDS = (
    "kind IN ('roster', 'assessment_template', 'framework', 'tenfactor')",
    "kind IN ('roster', 'assessment_template', 'framework', 'tenfactor', 'self_assessment')",
)
HR = '(SELECT kr_sees_all())'
MINE = '(SELECT kr_sees_all()) OR employee_id IN (SELECT kr_visible_employees())'


def _import_kinds(condition: str) -> None:
    name = op.f('ck_import_run_kind_known')
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table('import_run', recreate='always') as batch_op:
            batch_op.drop_constraint(name, type_='check')
            batch_op.create_check_constraint(name, condition)
    else:
        op.drop_constraint(name, 'import_run', type_='check')
        op.create_check_constraint(name, 'import_run', condition)


# the whole change of this revision, in the order the database needs it: tables, then the columns
# that point at them, then the rules of a shared register
# long: one migration step as Alembic wrote it, with the permission model's rules added by hand
def upgrade() -> None:
    _import_kinds(IMPORT_KINDS[1])
    op.create_table('qualification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=True),
    sa.Column('education_level', sa.String(length=30), nullable=True),
    sa.Column('field', sa.String(length=200), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('legal_basis', sa.String(length=200), nullable=True),
    sa.Column('builtin', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint(
        "education_level IN ('upper_secondary', 'vocational_college', 'bachelor', 'further_education', "
        "'master', 'doctorate')",
        name=op.f('ck_qualification_education_level_known'),
    ),
    sa.CheckConstraint(
        "kind IN ('education', 'trade_certificate', 'authorisation', 'licence')",
        name=op.f('ck_qualification_kind_known'),
    ),
    sa.CheckConstraint('length(key) > 0', name=op.f('ck_qualification_key_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qualification')),
    sa.UniqueConstraint('key', name=op.f('uq_qualification_key'))
    )
    op.create_table('employee_qualification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('qualification_id', sa.Integer(), nullable=False),
    sa.Column('obtained_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('issuer', sa.String(length=200), nullable=True),
    sa.Column('document_ref', sa.String(length=300), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint(
        'expires_on IS NULL OR expires_on >= obtained_on',
        name=op.f('ck_employee_qualification_expires_after_obtained'),
    ),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_employee_qualification_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['qualification_id'], ['qualification.id'], name=op.f('fk_employee_qualification_qualification_id_qualification'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employee_qualification'))
    )
    with op.batch_alter_table('employee_qualification', schema=None) as batch_op:
        batch_op.create_index('ix_employee_qualification_employee', ['employee_id', 'qualification_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employee_qualification_qualification_id'), ['qualification_id'], unique=False)

    op.create_table('dispensation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('qualification_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('granted_by', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_dispensation_ends_after_start')),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_dispensation_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['qualification_id'], ['qualification.id'], name=op.f('fk_dispensation_qualification_id_qualification'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispensation'))
    )
    with op.batch_alter_table('dispensation', schema=None) as batch_op:
        batch_op.create_index('ix_dispensation_employee', ['employee_id', 'qualification_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispensation_qualification_id'), ['qualification_id'], unique=False)

    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('qualification_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('deadline_months', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('valid_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('valid_to', sa.Date(), nullable=True))
        batch_op.alter_column('competence_id', existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column('level_id', existing_type=sa.Integer(), nullable=True)
        batch_op.drop_constraint('uq_requirement_role_competence', type_='unique')
        batch_op.create_foreign_key(
            batch_op.f('fk_requirement_qualification_id_qualification'), 'qualification',
            ['qualification_id'], ['id'], ondelete='CASCADE',
        )
        batch_op.create_check_constraint(
            'competence_or_qualification', '(competence_id IS NULL) <> (qualification_id IS NULL)'
        )
        batch_op.create_check_constraint('competence_has_level', 'competence_id IS NULL OR level_id IS NOT NULL')
        batch_op.create_check_constraint(
            'deadline_range', 'deadline_months IS NULL OR deadline_months BETWEEN 1 AND 120'
        )
        batch_op.create_check_constraint(
            'valid_order', 'valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from'
        )
        batch_op.create_index(batch_op.f('ix_requirement_qualification_id'), ['qualification_id'], unique=False)
        batch_op.create_index(
            'uq_requirement_open_competence', ['role_id', 'competence_id'], unique=True,
            sqlite_where=sa.text('valid_to IS NULL AND competence_id IS NOT NULL'),
            postgresql_where=sa.text('valid_to IS NULL AND competence_id IS NOT NULL'),
        )
        batch_op.create_index(
            'uq_requirement_open_qualification', ['role_id', 'qualification_id'], unique=True,
            sqlite_where=sa.text('valid_to IS NULL AND qualification_id IS NOT NULL'),
            postgresql_where=sa.text('valid_to IS NULL AND qualification_id IS NOT NULL'),
        )

    with op.batch_alter_table('appraisal', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('kind', sa.String(length=20), server_default='appraisal', nullable=False)
        )
        batch_op.create_check_constraint('kind_known', "kind IN ('appraisal', 'follow_up', 'life_phase')")
        batch_op.create_index('ix_appraisal_cycle', ['employee_id', 'kind', 'held_on'], unique=False)

    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ALTER TABLE qualification ENABLE ROW LEVEL SECURITY')
        op.execute('CREATE POLICY kr_read ON qualification FOR SELECT USING (true)')
        op.execute(f'CREATE POLICY kr_hr_insert ON qualification FOR INSERT WITH CHECK ({HR})')
        op.execute(f'CREATE POLICY kr_hr_update ON qualification FOR UPDATE USING ({HR}) WITH CHECK ({HR})')
        op.execute(f'CREATE POLICY kr_hr_delete ON qualification FOR DELETE USING ({HR})')
        for table in ('employee_qualification', 'dispensation'):
            op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
            op.execute(f'CREATE POLICY kr_person_data ON "{table}" USING ({MINE}) WITH CHECK ({MINE})')
        op.execute(apply_privileges_function(PRIVILEGES, no_sequence=NO_SEQUENCE))
        op.execute(reapply_all_privileges())


def downgrade() -> None:
    # the self-assessment imports go with their kind (the self-assessments themselves stay)
    op.execute("DELETE FROM import_run WHERE kind = 'self_assessment'")
    _import_kinds(IMPORT_KINDS[0])
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(apply_privileges_function(BEFORE, no_sequence=NO_SEQUENCE))
        op.execute(reapply_all_privileges())
    with op.batch_alter_table('appraisal', schema=None) as batch_op:
        batch_op.drop_index('ix_appraisal_cycle')
        batch_op.drop_constraint('kind_known', type_='check')
        batch_op.drop_column('kind')

    # the history goes: only the requirements in force remain, each as it is now
    op.execute('DELETE FROM requirement WHERE valid_to IS NOT NULL OR qualification_id IS NOT NULL')
    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.drop_index(
            'uq_requirement_open_qualification',
            sqlite_where=sa.text('valid_to IS NULL AND qualification_id IS NOT NULL'),
            postgresql_where=sa.text('valid_to IS NULL AND qualification_id IS NOT NULL'),
        )
        batch_op.drop_index(
            'uq_requirement_open_competence',
            sqlite_where=sa.text('valid_to IS NULL AND competence_id IS NOT NULL'),
            postgresql_where=sa.text('valid_to IS NULL AND competence_id IS NOT NULL'),
        )
        batch_op.drop_index(batch_op.f('ix_requirement_qualification_id'))
        batch_op.drop_constraint('valid_order', type_='check')
        batch_op.drop_constraint('deadline_range', type_='check')
        batch_op.drop_constraint('competence_has_level', type_='check')
        batch_op.drop_constraint('competence_or_qualification', type_='check')
        batch_op.drop_constraint(batch_op.f('fk_requirement_qualification_id_qualification'), type_='foreignkey')
        batch_op.create_unique_constraint('uq_requirement_role_competence', ['role_id', 'competence_id'])
        batch_op.alter_column('level_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('competence_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('valid_to')
        batch_op.drop_column('valid_from')
        batch_op.drop_column('deadline_months')
        batch_op.drop_column('qualification_id')

    with op.batch_alter_table('dispensation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispensation_qualification_id'))
        batch_op.drop_index('ix_dispensation_employee')
    op.drop_table('dispensation')
    with op.batch_alter_table('employee_qualification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employee_qualification_qualification_id'))
        batch_op.drop_index('ix_employee_qualification_employee')
    op.drop_table('employee_qualification')
    op.drop_table('qualification')
