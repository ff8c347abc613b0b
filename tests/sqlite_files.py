"""The database file itself, past the services: what is really stored, read (or changed) with
sqlite3, and databases left at an older schema for the migration tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command

from inspector.db.database import DB_NAME, MIGRATIONS, alembic_config, make_engine, migrate
from inspector.workspace import Workspace


def sql(where: Workspace | Path, query: str, *params: object) -> list[tuple[object, ...]]:
    """The rows of one statement on a workspace's database, or on the database file at a path;
    a statement that writes is committed."""
    return _run(where, query, params, sqlite3.Cursor.fetchall)


def scalar(where: Workspace | Path, query: str, *params: object) -> object:
    return sql(where, query, *params)[0][0]


def row(where: Workspace | Path, query: str, *params: object) -> dict[str, object]:
    """The first row of a query as {column: value}."""
    return dict(_run(where, query, params, sqlite3.Cursor.fetchone, sqlite3.Row))


def _run(where: Workspace | Path, query: str, params: tuple[object, ...], fetch: Any, factory: Any = None) -> Any:
    connection = sqlite3.connect(where.data_dir / DB_NAME if isinstance(where, Workspace) else where)
    connection.row_factory = factory
    try:
        with connection:
            return fetch(connection.execute(query, params))
    finally:
        connection.close()


def dump(path: Path) -> list[str]:
    """The whole database as SQL text: equal dumps mean nothing changed."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def database_at(path: Path, revision: str) -> None:
    """A new database file migrated only up to `revision`, as an older Inspector left it."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def migrate_file(path: Path, script_location: Path = MIGRATIONS) -> Path | None:
    """`migrate` on the database file at `path` (engine opened and disposed here); returns the backup."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        return migrate(engine, path, script_location=script_location)
    finally:
        engine.dispose()
