"""Field-level merge of records people edit field by field (issue 13, item 4): a phone changed on
one laptop and an address on another both survive, in either order; the same field changed on
both keeps the later edit and the other as a conflict naming that field; restoring it changes
that field only."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from inspector.core.checklist import Result
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError

from .simulation import Laptop, trust_all


def laptops(tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    a, b = Laptop.create(tmp_path, "a"), Laptop.create(tmp_path, "b")
    trust_all([a, b])
    eid = a.add_enterprise(1)
    a.send_to(b, tmp_path)
    return a, b, eid


def edit(laptop: Laptop, eid: str, **fields: str) -> None:
    current = laptop.ws.enterprises.get(eid)
    laptop.ws.enterprises.update(replace(current, **fields))


def exchange(a: Laptop, b: Laptop, root: Path) -> None:
    a.send_to(b, root)
    b.send_to(a, root)


def test_different_fields_edited_on_two_laptops_both_survive(tmp_path: Path) -> None:
    a, b, eid = laptops(tmp_path)
    edit(a, eid, contact_phone="0573-85110001")
    edit(b, eid, address="当湖街道新华路1号")
    exchange(a, b, tmp_path)
    for laptop in (a, b):
        seen: Enterprise = laptop.ws.enterprises.get(eid)
        assert (seen.contact_phone, seen.address) == ("0573-85110001", "当湖街道新华路1号")
    assert a.dump() == b.dump()
    assert a.ws.conflicts.open_conflicts() == []


def test_the_same_field_on_both_keeps_the_later_edit_and_the_other_as_a_conflict(tmp_path: Path) -> None:
    a, b, eid = laptops(tmp_path)
    edit(a, eid, contact_phone="0573-85110001", address="当湖街道新华路1号")
    edit(b, eid, contact_phone="0573-85220002")  # later: wins the phone, not the address
    assert a.send_to(b, tmp_path).conflicts == 1  # found on b
    assert b.send_to(a, tmp_path).conflicts == 1  # found on a too, or received from b: one conflict
    for laptop in (a, b):
        seen = laptop.ws.enterprises.get(eid)
        assert (seen.contact_phone, seen.address) == ("0573-85220002", "当湖街道新华路1号")
        [conflict] = laptop.ws.conflicts.open_conflicts()
        assert (conflict.field, conflict.theirs, conflict.mine) == ("contact_phone", "0573-85110001", "0573-85220002")
        assert conflict.record == "平湖测试企业1号" and conflict.field_label == "联系电话"
    assert a.dump() == b.dump()  # the conflict is one record, the same on both copies

    # Keeping theirs on one laptop restores the phone only and closes the conflict everywhere.
    edit(b, eid, address="当湖街道新华路2号")
    a.ws.conflicts.resolve(a.ws.conflicts.open_conflicts()[0].id, "王五", keep="theirs")
    exchange(a, b, tmp_path)
    for laptop in (a, b):
        seen = laptop.ws.enterprises.get(eid)
        assert (seen.contact_phone, seen.address) == ("0573-85110001", "当湖街道新华路2号")
        assert laptop.ws.conflicts.open_conflicts() == []
    assert a.dump() == b.dump()


def test_an_edit_made_after_seeing_the_other_is_no_conflict(tmp_path: Path) -> None:
    a, b, eid = laptops(tmp_path)
    edit(a, eid, contact_phone="0573-85110001")
    a.send_to(b, tmp_path)
    edit(b, eid, contact_phone="0573-85220002")
    edit(a, eid, address="当湖街道新华路1号")
    exchange(a, b, tmp_path)
    assert a.ws.enterprises.get(eid).contact_phone == "0573-85220002"
    assert a.ws.conflicts.open_conflicts() == [] and b.ws.conflicts.open_conflicts() == []
    assert a.dump() == b.dump()


def test_restoring_a_value_another_record_now_holds_is_one_sentence(tmp_path: Path) -> None:
    a, b, eid = laptops(tmp_path)
    other = a.add_enterprise(2)
    a.send_to(b, tmp_path)
    taken = a.ws.enterprises.get(other).credit_code
    edit(a, eid, name="甲厂")
    edit(b, eid, name="乙厂")
    exchange(a, b, tmp_path)
    [conflict] = a.ws.conflicts.open_conflicts()
    with a.ws.db.transaction() as session:  # the lost value became another record's since
        session.execute(
            text("UPDATE sync_conflicts SET field = 'credit_code', lost_version = :v WHERE id = :i"),
            {"v": json.dumps({"credit_code": taken}), "i": uuid.UUID(conflict.id).hex},
        )
    before = a.dump()
    with pytest.raises(DomainError, match="已属于另一条记录"):
        a.ws.conflicts.resolve(conflict.id, "王五", keep="theirs")
    assert a.dump() == before


def test_a_whole_row_conflict_is_shown_by_enterprise_item_and_labels(tmp_path: Path) -> None:
    """Records merged as whole rows (an answer) name the enterprise and show the labels of the
    values that differ, never codes or column names."""
    a, b, _ = laptops(tmp_path)
    iid = a.start_inspection(0)
    assert iid is not None
    a.send_to(b, tmp_path)
    b.refresh_ids()
    b.inspections = [iid]
    a.answer(0, 0, Result.PASS)
    b.answer(0, 0, Result.FAIL)
    exchange(a, b, tmp_path)
    [conflict] = a.ws.conflicts.open_conflicts()
    assert conflict.record.startswith("平湖测试企业1号 · 检查项 ") and conflict.field_label == "整条记录"
    labels = {d.label: (d.mine, d.theirs) for d in conflict.differences}
    assert set(labels["检查结果"]) == {"符合", "不符合"}
    assert "result" not in conflict.mine + conflict.theirs
