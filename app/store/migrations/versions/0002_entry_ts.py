"""Entry timestamps as a column, so validation can bound an entry's ts by its dependencies' without parsing.

Revision ID: 0002
Revises: 0001
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("entries", "evidence"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("ts", sa.BigInteger, nullable=False, server_default="0"))
        connection = op.get_bind()
        rows = connection.execute(sa.text(f"SELECT hash, raw FROM {table}")).all()
        values = [{"ts": json.loads(bytes(row.raw).decode("utf-8"))["ts"], "hash": row.hash} for row in rows]
        if values:   # one executemany, not a statement per entry
            connection.execute(sa.text(f"UPDATE {table} SET ts = :ts WHERE hash = :hash"), values)


def downgrade() -> None:
    for table in ("entries", "evidence"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("ts")
