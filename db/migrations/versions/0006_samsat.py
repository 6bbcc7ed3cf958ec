"""Samsat counters: cek fisik, STNK hand-over (issue 6).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vehicle_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('plate', sa.String(length=16), nullable=False),
    sa.Column('chassis_no', sa.String(length=40), nullable=False),
    sa.Column('engine_no', sa.String(length=40), nullable=False),
    sa.Column('chassis_match', sa.Boolean(), nullable=True),
    sa.Column('engine_match', sa.Boolean(), nullable=True),
    sa.Column('checked_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('checked_by', sa.String(length=100), nullable=False),
    sa.Column('checked_user_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['checked_user_id'], ['users.id'],
                            name=op.f('fk_vehicle_checks_checked_user_id_users'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'],
                            name=op.f('fk_vehicle_checks_office_id_offices'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'],
                            name=op.f('fk_vehicle_checks_vehicle_id_vehicles'),
                            ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'],
                            name=op.f('fk_vehicle_checks_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle_checks'))
    )
    op.create_index(op.f('ix_vehicle_checks_visit_id'), 'vehicle_checks', ['visit_id'],
                    unique=False)
    op.create_table('stnk_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('check_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('registered_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('registered_by', sa.String(length=100), nullable=False),
    sa.Column('registered_user_id', sa.Integer(), nullable=True),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('paid_by', sa.String(length=100), nullable=False),
    sa.Column('handed_over_at', db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('handed_over_by', sa.String(length=100), nullable=False),
    sa.Column('handed_over_user_id', sa.Integer(), nullable=True),
    sa.Column('handed_to', sa.String(length=200), nullable=False),
    sa.Column('endorsed', sa.Boolean(), nullable=False),
    sa.Column('stamped', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['check_id'], ['vehicle_checks.id'],
                            name=op.f('fk_stnk_cases_check_id_vehicle_checks'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['handed_over_user_id'], ['users.id'],
                            name=op.f('fk_stnk_cases_handed_over_user_id_users'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'],
                            name=op.f('fk_stnk_cases_office_id_offices'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_id'], ['persons.id'],
                            name=op.f('fk_stnk_cases_owner_id_persons'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'],
                            name=op.f('fk_stnk_cases_payment_id_payments'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['registered_user_id'], ['users.id'],
                            name=op.f('fk_stnk_cases_registered_user_id_users'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'],
                            name=op.f('fk_stnk_cases_vehicle_id_vehicles'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'],
                            name=op.f('fk_stnk_cases_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stnk_cases')),
    sa.UniqueConstraint('payment_id', name=op.f('uq_stnk_cases_payment_id')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_stnk_cases_visit_id'))
    )
    op.create_index(op.f('ix_stnk_cases_vehicle_id'), 'stnk_cases', ['vehicle_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_stnk_cases_vehicle_id'), table_name='stnk_cases')
    op.drop_table('stnk_cases')
    op.drop_index(op.f('ix_vehicle_checks_visit_id'), table_name='vehicle_checks')
    op.drop_table('vehicle_checks')
