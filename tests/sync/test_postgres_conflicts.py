"""Field-level merge and shared conflicts through a real PostgreSQL central database: two
laptops edit one enterprise concurrently, the central database holds the merged record and the
conflict, a third laptop sees both, and a resolution made there closes it everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from inspector.sync.central import open_central

from . import pg_fixtures
from .simulation import Laptop, settle_central
from .test_field_merge import edit

central_url = pg_fixtures.central_url
pg_url = pg_fixtures.pg_url


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Laptop]]:
    made = [Laptop.create(tmp_path, name) for name in "abc"]
    yield made
    for laptop in made:
        laptop.ws.close()


def test_field_edits_and_their_conflict_travel_through_postgres(laptops: list[Laptop], central_url: str) -> None:
    a, b, c = laptops
    eid = a.add_enterprise(1)
    a.push(central_url)
    b.pull(central_url)
    edit(a, eid, contact_phone="0573-85110001", address="当湖街道新华路1号")
    edit(b, eid, contact_phone="0573-85220002", contact_person="王芳")
    settle_central(laptops, central_url)

    engine = open_central(central_url)
    try:
        with engine.connect() as connection:
            phone, address, person = connection.execute(
                text("SELECT contact_phone, address, contact_person FROM enterprises WHERE credit_code = :c"),
                {"c": a.ws.enterprises.get(eid).credit_code},
            ).one()
            central_conflicts = connection.execute(text("SELECT field FROM sync_conflicts")).scalars().all()
    finally:
        engine.dispose()
    assert (phone, address, person) == ("0573-85220002", "当湖街道新华路1号", "王芳")
    assert central_conflicts == ["contact_phone"]
    assert a.dump() == b.dump() == c.dump()

    [conflict] = c.ws.conflicts.open_conflicts()
    assert (conflict.record, conflict.field_label, conflict.theirs) == ("平湖测试企业1号", "联系电话", "0573-85110001")
    c.ws.conflicts.resolve(conflict.id[:10], "王五", keep="theirs")
    settle_central(laptops, central_url)
    for laptop in laptops:
        assert laptop.ws.conflicts.open_conflicts() == []
        seen = laptop.ws.enterprises.get(eid)
        assert (seen.contact_phone, seen.address, seen.contact_person) == ("0573-85110001", "当湖街道新华路1号", "王芳")
    assert a.dump() == b.dump() == c.dump()
