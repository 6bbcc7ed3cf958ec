"""Front office core: number sequences, persons (by NIK) and vehicles.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('created_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('nik', name=op.f('uq_persons_nik'))
    )
    op.create_table('number_sequences',
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('series', sa.String(length=48), nullable=False),
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('last_no', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'],
                            name=op.f('fk_number_sequences_office_id_offices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('office_id', 'series', 'period', name=op.f('pk_number_sequences'))
    )
    op.create_table('vehicles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plate', sa.String(length=16), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=4), nullable=False),
    sa.Column('swdkllj_class', sa.String(length=32), nullable=False),
    sa.Column('usage', sa.String(length=16), nullable=False),
    sa.Column('make', sa.String(length=60), nullable=False),
    sa.Column('model', sa.String(length=80), nullable=False),
    sa.Column('body_type', sa.String(length=40), nullable=False),
    sa.Column('year_made', sa.Integer(), nullable=True),
    sa.Column('engine_cc', sa.Integer(), nullable=True),
    sa.Column('color', sa.String(length=40), nullable=False),
    sa.Column('fuel', sa.String(length=20), nullable=False),
    sa.Column('chassis_no', sa.String(length=40), nullable=False),
    sa.Column('engine_no', sa.String(length=40), nullable=False),
    sa.Column('njkb', db.types.Rupiah(), nullable=False),
    sa.Column('bobot', sa.String(length=12), nullable=False),
    sa.Column('ownership_order', sa.Integer(), nullable=False),
    sa.Column('tax_due_on', sa.Date(), nullable=False),
    sa.Column('stnk_valid_until', sa.Date(), nullable=False),
    sa.Column('created_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['persons.id'],
                            name=op.f('fk_vehicles_owner_id_persons'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicles')),
    sa.UniqueConstraint('plate', name=op.f('uq_vehicles_plate'))
    )
    op.create_index(op.f('ix_vehicles_owner_id'), 'vehicles', ['owner_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_vehicles_owner_id'), table_name='vehicles')
    op.drop_table('vehicles')
    op.drop_table('number_sequences')
    op.drop_table('persons')
