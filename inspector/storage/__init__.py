"""Storage: SQLAlchemy models, the database file, migrations and the services over them. No Qt."""
