"""What migration 0008 added travels between laptops: the 监督证 numbers on the roster, a
letter's 签发人, permits and written reply, a 建议书 with its letter's number. A bundle written by
a copy before 0008 (rows without those columns) still imports: they get the column defaults,
as the migration gave the rows already stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from inspector.core.office_kind import NoticeKind, ReferralReason
from inspector.db.models import Base
from inspector.sync.bundle import ADDED_LATER, decode_rows, encode_rows

from .simulation import DAY, T0, Laptop, trust_all


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Laptop]]:
    made = [Laptop.create(tmp_path, name) for name in ("a", "b")]
    trust_all(made)
    yield made
    for laptop in made:
        laptop.ws.close()


def test_letters_replies_referrals_and_permits_travel(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b = laptops
    a.add_enterprise(1)
    first, second = a.raise_hazard(0, 1), a.raise_hazard(0, 2)
    assert first and second
    a.ws.roster.set_permits({"张三": "PH-JD-081", "李四": "PH-JD-082", "周主席": ""})
    letter = a.ws.notices.issue(
        [first],
        order_type="deadline",
        issued_by=["张三", "李四"],
        signed_by="周主席",
        recheck_on=DAY + timedelta(days=10),
        enterprise_id=a.enterprises[0],
        at=T0,
    )
    a.ws.notices.record_reply(letter.id, DAY + timedelta(days=3), "已整改")
    unanswered = a.ws.notices.issue(
        [second],
        order_type="immediate",
        issued_by=["张三", "李四"],
        signed_by="周主席",
        enterprise_id=a.enterprises[0],
        at=T0,
    )
    referral = a.ws.notices.refer_unanswered(unanswered.id, signed_by="周主席")
    a.send_to(b, tmp_path)
    got = b.ws.notices.get(letter.number)
    assert (got.permits, got.signed_by, got.replied_on, got.reply_note) == (
        ("PH-JD-081", "PH-JD-082"),
        "周主席",
        DAY + timedelta(days=3),
        "已整改",
    )
    sent = b.ws.notices.get(referral.number)
    assert (sent.kind, sent.reason, sent.refers_to, sent.addressee) == (
        NoticeKind.REFERRAL,
        ReferralReason.UNANSWERED,
        unanswered.number,
        "平湖市应急管理局",
    )
    assert b.ws.roster.permits_of(["张三", "李四"]) == {"张三": "PH-JD-081", "李四": "PH-JD-082"}
    b.send_to(a, tmp_path)  # b derived this quarter's light on import: it goes back to a
    assert a.dump() == b.dump()


@pytest.mark.parametrize("table_name", sorted(ADDED_LATER))
def test_rows_of_an_older_copy_get_the_defaults(laptops: list[Laptop], table_name: str) -> None:
    a, _ = laptops
    a.add_enterprise(1)
    hazard = a.raise_hazard(0, 1)
    assert hazard and a.start_inspection(0)  # an inspection (its number) and a photo travel too
    a.ws.roster.set_permits({"张三": "PH-JD-091", "李四": "PH-JD-092", "周主席": ""})
    a.ws.notices.issue(
        [hazard], order_type="immediate", issued_by=["张三", "李四"], signed_by="周主席", enterprise_id=a.enterprises[0]
    )
    from inspector.reports.plaque_keys import create_office_key

    create_office_key(a.ws)
    table = Base.metadata.tables[table_name]
    rows = a.collect().tables[table_name]
    assert rows
    old = [
        {k: v for k, v in json.loads(line).items() if k not in ADDED_LATER[table_name]}
        for line in encode_rows(table, rows).decode("utf-8").splitlines()
    ]
    data = ("\n".join(json.dumps(row, ensure_ascii=False) for row in old) + "\n").encode("utf-8")
    decoded = decode_rows(table, data)
    assert len(decoded) == len(rows)
    defaults = {"office_kind": "union", "permits": [], "replied_on": None, "risk_tags": [], "headcount": None}
    defaults["above_scale"] = None
    defaults.update(derived_from=None, markup=None)  # an older copy's photos are originals
    for row in decoded:
        for column in ADDED_LATER[table_name]:
            assert row[column] == defaults.get(column, "")
