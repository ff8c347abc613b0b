"""What travels between laptops and the central database: pulled rows are never sent back (no
echo), an edit after a pull is, derived rows and identical photos are never conflicts, and the
central database never stamps a version of its own. Runs on a SQLite stand-in and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.db.models import Base, EnterpriseRow, LightRow, PhotoRow
from inspector.sync.central import open_central
from inspector.sync.central_sync import peer_name
from inspector.sync.engine import MERGE_DEVICE, SYNC_TABLES

from . import pg_fixtures
from .simulation import Laptop

central_url = pg_fixtures.central_url
pg_url = pg_fixtures.pg_url


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    made = (Laptop.create(tmp_path, "a"), Laptop.create(tmp_path, "b"))
    yield made
    for laptop in made:
        laptop.ws.close()


def test_pulled_rows_are_not_pushed_back_but_later_edits_are(pair: tuple[Laptop, Laptop], central_url: str) -> None:
    a, b = pair
    a.add_enterprise(1)
    a.raise_hazard(0, 1)
    a.ws.central.push(central_url)
    pulled = b.ws.central.pull(central_url)
    assert pulled.total_rows >= 5
    again = b.ws.central.push(central_url)
    # Only what b itself derived (its own template registration, lights it computed) may travel.
    assert again.total_rows < 5 and again.conflicts == 0
    assert b.ws.central.push(central_url).total_rows == 0
    b.refresh_ids()
    b.rename_enterprise(0, "（已改名）")
    edited = b.ws.central.push(central_url)
    assert edited.rows == {"enterprises": 1}
    assert a.ws.central.pull(central_url).updated == {"enterprises": 1}
    assert a.ws.central.push(central_url).total_rows == 0


def test_central_database_stamps_nothing_of_its_own(pair: tuple[Laptop, Laptop], central_url: str) -> None:
    a, b = pair
    a.add_enterprise(1)
    a.raise_hazard(0, 1)
    b.add_enterprise(1, "同一企业另一名称")
    b.raise_hazard(0, 2)
    a.ws.central.push(central_url)
    b.ws.central.push(central_url)
    writers = {a.ws.db.device_id, b.ws.db.device_id, MERGE_DEVICE}
    engine = open_central(central_url)
    try:
        with engine.connect() as connection:
            for name in SYNC_TABLES:
                table = Base.metadata.tables[name]
                found = set(connection.scalars(select(table.c.device_id).distinct()))
                assert found <= writers, name
    finally:
        engine.dispose()


def _edit_concurrently(laptop: Laptop, light: str, photo_name: str, enterprise_name: str) -> None:
    """Edits made as a person would (ORM, stamped as this laptop's versions)."""
    with laptop.ws.db.transaction() as session:
        for row in session.scalars(select(LightRow)):
            row.light, row.reasons = light, [f"{laptop.name} 算出的理由"]
        for row in session.scalars(select(PhotoRow)):
            row.original_name = photo_name
        for row in session.scalars(select(EnterpriseRow)):
            row.name = enterprise_name


def test_derived_lights_and_identical_photos_are_not_conflicts(pair: tuple[Laptop, Laptop], central_url: str) -> None:
    a, b = pair
    a.add_enterprise(1)
    a.raise_hazard(0, 1)
    a.ws.central.push(central_url)
    b.ws.central.pull(central_url)
    # Both change the light (derived), the photo's file name (same content) and the enterprise's
    # name (a person's edit) without seeing each other: only the name is a conflict.
    _edit_concurrently(a, "yellow", "IMG_0001.jpg", "甲电脑改的名称")
    _edit_concurrently(b, "red", "IMG_0001 (1).jpg", "乙电脑改的名称")
    assert a.ws.central.push(central_url).conflicts == 0
    second = b.ws.central.push(central_url)
    assert second.rows.keys() >= {"lights", "photos", "enterprises"}
    assert second.conflicts == 1
    assert a.ws.central.pull(central_url).conflicts == 1  # the name, seen from a's side


def _same_server_other_url(url: str) -> str:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return f"sqlite:///{path.parent}/./{path.name}"
    return url.replace("@127.0.0.1:", "@localhost:")


def test_marks_follow_the_server_not_its_url(pair: tuple[Laptop, Laptop], central_url: str) -> None:
    a, _ = pair
    a.add_enterprise(1)
    assert a.ws.central.push(central_url).total_rows > 0
    other = _same_server_other_url(central_url)
    assert other != central_url
    assert a.ws.central.push(other).total_rows == 0  # the same server: nothing is sent again
    assert a.ws.central.last_sync(other).sent_at is not None
    assert {p.name for p in a.ws.central.peers()} == {peer_name(other)}  # shown by its URL, not its id
