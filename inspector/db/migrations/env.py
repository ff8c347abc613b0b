"""Alembic environment. Inspector runs migrations itself (inspector.db.database.migrate),
passing an open connection in `config.attributes["connection"]`."""

from alembic import context

from inspector.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through inspector.db.database.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
