"""clinics and clinic_specialties: the insurer's clinic directory (import-clinics)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 04:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'clinics',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=620), nullable=False),
        sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('city_key', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column('updated_at', storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    op.create_index('ix_clinics_city_key_active', 'clinics', ['city_key', 'active'])
    op.create_table(
        'clinic_specialties',
        sa.Column('clinic_id', sa.Integer(), nullable=False),
        sa.Column('specialty', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('clinic_id', 'specialty'),
    )
    op.create_index(
        op.f('ix_clinic_specialties_specialty'), 'clinic_specialties', ['specialty']
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_clinic_specialties_specialty'), table_name='clinic_specialties')
    op.drop_table('clinic_specialties')
    op.drop_index('ix_clinics_city_key_active', table_name='clinics')
    op.drop_table('clinics')
