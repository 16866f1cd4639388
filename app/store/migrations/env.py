"""Alembic environment: migrations run on the connection the replica opened."""

from alembic import context

from app.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("relief-ledger migrations run through app.store.migrate, with an open connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
