"""`inspector stats` reads its figures with sqlite3 alone (no SQLAlchemy import); the screens read
the same SQL text through the session. Both must give the same figures, for every year, for the
city and for each town, and the quick path must step aside for a database it may not read."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from inspector.db.database import DB_NAME
from inspector.db.quick_read import open_current
from inspector.queries.stats import compute_stats
from inspector.queries.stats_sql import figures, quick_stats
from inspector.workspace import Workspace
from tests.prepared_data import HAZARD_CITY, TODAY


@pytest.fixture(scope="module")
def city(module_demo_workspace) -> Workspace:  # type: ignore[no-untyped-def]
    return module_demo_workspace(HAZARD_CITY, TODAY)


def _sqlite_figures(folder: Path, year: int, today: date, town: str | None) -> object:
    connection = open_current(folder)
    assert connection is not None
    try:
        return figures(lambda sql, params: connection.execute(sql, params).fetchall(), year, today, town)
    finally:
        connection.close()


def test_the_two_paths_give_the_same_figures_for_every_year_and_town(city: Workspace) -> None:
    towns = [None, *city.register.towns()]
    assert len(towns) > 2
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        for town in towns:
            through_session = compute_stats(city.db, year, TODAY, town)
            assert _sqlite_figures(city.data_dir, year, TODAY, town) == through_session, (year, town)
    this_year = compute_stats(city.db, TODAY.year, TODAY)
    assert this_year.hazards_found > 50 and this_year.overdue > 0 and this_year.quarter  # a real test


def test_quick_stats_is_the_workspace_figure(city: Workspace) -> None:
    quick = quick_stats(city.data_dir, TODAY.year - 1, TODAY)
    assert quick == city.stats(TODAY.year - 1)


def test_quick_path_steps_aside_for_a_database_to_create_or_upgrade(tmp_path: Path) -> None:
    assert quick_stats(tmp_path / "nothing-here") is None
    folder = tmp_path / "old"
    folder.mkdir()
    with sqlite3.connect(folder / DB_NAME) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.close()
    assert open_current(folder) is None  # an old revision: Database.open_folder upgrades it first
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / DB_NAME).write_bytes(b"not a database at all" * 100)
    assert open_current(tmp_path / "junk") is None
