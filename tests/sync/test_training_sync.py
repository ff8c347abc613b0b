"""Training records and enterprises' risk tags travel between laptops, by bundle and through the
central database: the same session recorded on two laptops becomes one record with both
laptops' photos, and a manager's copy counts every laptop's training."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.training import Training, TrainingKind
from inspector.db.models import Base, EnterpriseRow
from inspector.queries.register import with_tag
from inspector.sync.bundle import decode_rows, encode_rows
from inspector.sync.central import open_central

from . import central_fixtures, pg_fixtures, test_bundle_roundtrip
from .central_fixtures import central_dump
from .simulation import Laptop, converge, jpeg

laptops = test_bundle_roundtrip.laptops  # three laptops that trust each other
central_url = pg_fixtures.central_url
pg_url = pg_fixtures.pg_url
memory_keyring = central_fixtures.memory_keyring

HELD = date(2026, 2, 18)


def record(laptop: Laptop, headcount: int, seed: int, kind: TrainingKind = TrainingKind.FIRST_LESSON) -> str:
    enterprise = laptop.add_enterprise(1)
    photo = laptop.ws.photos.import_bytes(jpeg(seed), f"{seed}.jpg")
    with laptop.running():
        return laptop.ws.trainings.record(Training(enterprise, kind, HELD, "开工第一课", headcount), [photo])


def test_the_same_session_on_two_laptops_merges_into_one_with_both_photos(
    laptops: list[Laptop], tmp_path: Path
) -> None:
    a, b, c = laptops
    a.add_enterprise(1)
    a.send_to(b, tmp_path)  # both laptops know the enterprise
    b.refresh_ids()
    first = record(a, 80, 1)
    second = record(b, 85, 2)
    record(b, 9, 3, TrainingKind.TEAM_LEADER)
    converge(laptops, tmp_path)
    assert a.dump() == b.dump() == c.dump()
    (enterprise,) = c.ws.enterprises.search_ids()
    trainings = c.ws.trainings.of_enterprise(enterprise)
    assert sorted(t.kind.value for t in trainings) == ["first_lesson", "team_leader"]
    (lesson,) = [t for t in trainings if t.kind is TrainingKind.FIRST_LESSON]
    assert lesson.id == min(first, second)  # the smaller id keeps the record (rule 4)
    assert lesson.headcount in (80, 85) and len(lesson.photos) == 2
    for sha in lesson.photos:
        assert c.ws.photos.path_of(sha).exists()
    assert c.ws.stats(2026).training["first_lesson"].sessions == 1


def test_tags_travel_with_the_enterprise(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b, _ = laptops
    enterprise_id = a.add_enterprise(4)
    enterprise = a.ws.enterprises.get(enterprise_id)
    a.ws.enterprises.update(replace(enterprise, risk_tags=("dust", "landlord"), headcount=210, above_scale=True))
    a.send_to(b, tmp_path)
    arrived = b.ws.enterprises.get(enterprise_id)
    assert (arrived.risk_tags, arrived.headcount, arrived.above_scale) == (("dust", "landlord"), 210, True)
    assert b.ws.enterprises.search_ids(tag="landlord") == [enterprise_id]


def test_an_older_bundles_enterprise_rows_read_as_untagged() -> None:
    table = Base.metadata.tables["enterprises"]
    row = {c.name: None for c in table.c if c.name != "changed_seq"}
    encoded = json.loads(encode_rows(table, [row]).decode("utf-8"))
    for column in ("risk_tags", "headcount", "above_scale"):
        del encoded[column]  # a program before migration 0010 wrote none of these
    (decoded,) = decode_rows(table, (json.dumps(encoded) + "\n").encode("utf-8"), version=2)
    assert (decoded["risk_tags"], decoded["headcount"], decoded["above_scale"]) == ([], None, None)


def test_a_manager_pulls_every_laptops_training_and_tags(
    laptops: list[Laptop], central_url: str, memory_keyring: object
) -> None:
    a, b, manager = laptops
    record(a, 120, 5)
    b_enterprise = b.add_enterprise(2)
    b.ws.enterprises.update(replace(b.ws.enterprises.get(b_enterprise), risk_tags=("confined-space",)))
    with b.running():
        b.ws.trainings.record(Training(b_enterprise, TrainingKind.TEAM_LEADER, HELD, "班组长", 12))
    a.push(central_url)
    b.push(central_url)
    manager.pull(central_url)
    totals = manager.ws.stats(2026).training
    assert (totals["first_lesson"].workers, totals["team_leader"].workers) == (120, 12)
    assert manager.ws.enterprises.search_ids(tag="confined-space") == [b_enterprise]
    assert manager.dump() == central_dump(central_url)
    engine = open_central(central_url)  # the tag filter runs on the central database too
    try:
        with Session(engine) as session:
            assert [row.hex for row in session.scalars(select(EnterpriseRow.id).where(with_tag("confined-space")))] == [
                b_enterprise
            ]
    finally:
        engine.dispose()
