"""Bundles between laptops: a round trip, re-import, natural-key merges, concurrent edits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.core.checklist import Result
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.photos.markup import Shape, ShapeKind

from .simulation import Laptop, converge, trust_all


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Laptop]]:
    made = [Laptop.create(tmp_path, name) for name in ("a", "b", "c")]
    trust_all(made)
    yield made
    for laptop in made:
        laptop.ws.close()


def inspection_with_hazard(laptop: Laptop) -> tuple[str, str | None]:
    """An enterprise, an inspection with a failed item and a hazard (with a photo) raised from it."""
    laptop.add_enterprise(1)
    iid = laptop.start_inspection(0)
    assert iid
    laptop.answer(0, 0, Result.FAIL)
    return iid, laptop.raise_hazard(0, 1)


def test_round_trip_carries_everything_and_reimport_changes_nothing(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b, _ = laptops
    _iid, hid = inspection_with_hazard(a)
    path = tmp_path / "a.zip"
    result = a.ws.sync.export(path, peer="b")
    assert result.counts["enterprises"] == 1 and result.photos == 1
    report = b.ws.sync.import_(path).report
    assert report.inserted["hazards"] == 1
    assert b.ws.hazards.get(hid).status is HazardStatus.RECORDED
    assert b.ws.photos.path_of(b.ws.hazards.get(hid).events[0].photos[0]).exists()
    b.send_to(a, tmp_path)  # b derived this quarter's light on import: it goes back to a
    assert a.dump() == b.dump()
    before = b.dump()
    again = b.ws.sync.import_(path).report
    assert again.changed == 0 and again.conflicts == 0
    assert b.dump() == before
    # the next export to b holds only what changed since (the light b sent, now merged here)
    assert set(a.ws.sync.export(tmp_path / "a2.zip", peer="b").counts) <= {"lights"}


def test_same_enterprise_added_twice_merges_on_credit_code(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b, c = laptops
    ea = a.add_enterprise(7, "甲厂")
    eb = b.add_enterprise(7, "乙厂")
    a.raise_hazard(0, 1)
    b.raise_hazard(0, 2)
    converge(laptops, tmp_path)
    assert a.dump() == b.dump() == c.dump()
    assert a.ws.enterprises.count() == 1
    survivor = min(ea, eb)
    assert a.ws.enterprises.by_credit_code(a.ws.enterprises.get(survivor).credit_code).id == survivor
    assert a.ws.hazards.count() == 2


def test_concurrent_edit_keeps_the_loser_as_a_conflict(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b, c = laptops
    a.add_enterprise(3)
    a.send_to(b, tmp_path)
    b.refresh_ids()
    a.rename_enterprise(0, "A")
    b.rename_enterprise(0, "B")
    converge(laptops, tmp_path)
    assert a.dump() == b.dump() == c.dump()
    from inspector.sync.conflicts import ConflictService

    listed = ConflictService(a.ws.db).open_conflicts() + ConflictService(b.ws.db).open_conflicts()
    assert listed, "the losing version must be kept"
    assert listed[0].table == "enterprises"


def test_concurrent_hazard_steps_merge_by_union(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b, c = laptops
    a.add_enterprise(4)
    hid = a.raise_hazard(0, 5)
    a.send_to(b, tmp_path)
    b.refresh_ids()
    a.act(0, HazardAction.FIX_ON_SITE, 10)
    b.act(0, HazardAction.VOID, 20)
    converge(laptops, tmp_path)
    assert a.dump() == b.dump() == c.dump()
    view = a.ws.hazards.get(hid)
    assert next(e.action for e in view.events) is HazardAction.RECORD
    assert len(view.events) == 3


def test_withdrawn_signature_and_detached_photo_are_deleted_everywhere(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b, _ = laptops
    a.add_enterprise(5)
    iid = a.start_inspection(0)
    assert iid
    code = a.ws.inspections.template_of(iid).sections[0].items[0].code
    a.ws.inspections.answer(iid, code, Result.PASS)
    photo = a.ws.photos.import_bytes(__import__("tests.sync.simulation", fromlist=["jpeg"]).jpeg(9), "x.jpg")
    a.ws.inspections.attach_photo(iid, code, photo)
    a.send_to(b, tmp_path)
    assert b.ws.inspections.photos(iid) == {code: [photo.sha256]}
    a.ws.inspections.detach_photo(iid, code, photo.sha256)
    a.send_to(b, tmp_path)
    assert b.ws.inspections.photos(iid) == {}
    b.send_to(a, tmp_path)
    assert a.dump() == b.dump()


def test_a_version_1_bundle_is_read_with_its_history_ordered_by_stamp(laptops: list[Laptop], tmp_path: Path) -> None:
    """Bundles of the program before causal history lack `stamp` and `follows`: the events are
    ordered by their clock values, as migration 0006 does for rows already stored."""
    import base64
    import hashlib
    import json
    import zipfile

    a, b, _ = laptops
    a.add_enterprise(6)
    hid = a.raise_hazard(0, 6)
    assert a.act(0, HazardAction.FIX_ON_SITE, 5) is not None
    new = tmp_path / "v2.zip"
    a.ws.sync.export(new, everything=True)
    with zipfile.ZipFile(new) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig")
    old_rows = [json.loads(line) for line in members["records/hazard_events.jsonl"].decode().splitlines()]
    for row in old_rows:
        del row["stamp"], row["follows"]
    members["records/hazard_events.jsonl"] = "".join(json.dumps(r) + "\n" for r in old_rows).encode()
    manifest["version"] = 1
    manifest["members"] = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    raw = json.dumps(manifest).encode()
    old = tmp_path / "v1.zip"
    with zipfile.ZipFile(old, "w") as archive:
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", base64.b64encode(a.ws.sync.key.sign(raw)))
        for name, data in members.items():
            archive.writestr(name, data)
    b.ws.sync.import_(old)
    view = b.ws.hazards.get(hid)
    assert view.status is HazardStatus.FIXED_ON_SITE
    assert [e.action for e in view.events] == [HazardAction.RECORD, HazardAction.FIX_ON_SITE]
    assert all(e.follows is None for e in view.events)
    assert [e.stamp for e in view.events] == sorted(r["hlc"] for r in old_rows)


def test_numbers_and_marked_up_photos_travel(laptops: list[Laptop], tmp_path: Path) -> None:
    """An inspection keeps its number on every copy; a photo marked up on one laptop shows its
    new version on the other, which still has the original unchanged."""
    a, b, _ = laptops
    iid, hid = inspection_with_hazard(a)
    assert hid
    original = a.ws.hazards.get(hid).before_photos[0]
    drawn = a.ws.photo_versions.mark_up(original, [Shape(ShapeKind.CIRCLE, 0.1, 0.1, 0.5, 0.5)])
    a.send_to(b, tmp_path)
    number = a.ws.inspections.get(iid).number
    assert number.startswith("JC-") and b.ws.inspections.get(iid).number == number
    assert b.ws.hazards.get(hid).before_photos == (original,)
    assert b.ws.photo_versions.shown([original]) == [drawn.sha256]
    assert b.ws.photos.path_of(drawn.sha256).read_bytes() == a.ws.photos.path_of(drawn.sha256).read_bytes()
    assert b.ws.photo_versions.drawing(drawn.sha256).original_sha256 == original


@pytest.mark.parametrize("order", ["versions first", "originals first"])
def test_a_version_may_come_before_its_original_in_a_batch(laptops: list[Laptop], order: str) -> None:
    """Rows of one table arrive in any order (ids are random); a marked-up photo's original is
    inserted first all the same, or its reference would be refused."""
    a, b, _ = laptops
    _iid, hid = inspection_with_hazard(a)
    assert hid
    original = a.ws.hazards.get(hid).before_photos[0]
    a.ws.photo_versions.mark_up(original, [Shape(ShapeKind.ARROW, 0.1, 0.1, 0.5, 0.5)])
    changes = a.collect()
    photos = changes.tables["photos"]
    photos.sort(key=lambda row: row["derived_from"] is None, reverse=order == "originals first")
    # the photo files travel beside the rows: copy them as a transport would
    for row in photos:
        target = b.ws.photos.path_of(row["sha256"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(a.ws.photos.path_of(row["sha256"]).read_bytes())
    b.apply(changes)
    assert len(b.ws.photo_versions.shown([original])) == 1
    assert b.ws.photo_versions.shown([original]) != [original]
