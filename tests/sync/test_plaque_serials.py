"""Two copies issue the same year's round offline and exchange bundles (issue 13, item 3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.core.notice_number import parse_number
from inspector.services.grading_round import Decision
from tests.sqlite_files import sql

from .simulation import Laptop, settle, trust_all

YEAR = 2026


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Laptop]]:
    a, b = Laptop.create(tmp_path, "a"), Laptop.create(tmp_path, "b")
    trust_all([a, b])
    yield [a, b]
    a.ws.close()
    b.ws.close()


def issue_round(laptop: Laptop, grade: str, skip: set[str]) -> tuple[str, ...]:
    """Every enterprise but `skip` gets `grade` (an override: none has an inspection yet)."""
    decisions = [
        Decision(p, grade, f"{laptop.name} 现场核定")
        for p in laptop.ws.grading_round.propose(YEAR)
        if p.enterprise_id not in skip
    ]
    return laptop.ws.grading_round.issue(YEAR, decisions, f"{laptop.name} 科长").serials


def test_two_copies_issuing_the_same_round_end_with_one_current_plaque_each(
    laptops: list[Laptop], tmp_path: Path
) -> None:
    a, b = laptops
    for n in range(4):
        a.add_enterprise(n)
    a.send_to(b, tmp_path)
    unplaqued = {a.enterprises[3]}
    serials_a = issue_round(a, "B", unplaqued)
    serials_b = issue_round(b, "C", unplaqued)
    # Offline, each copy numbers its own plaques: office, year, its device prefix, its sequence.
    assert {parse_number(s).device for s in serials_a} != {parse_number(s).device for s in serials_b}
    assert [parse_number(s).seq for s in serials_a] == [parse_number(s).seq for s in serials_b] == [1, 2, 3]
    settle([a, b], tmp_path)
    assert a.dump() == b.dump()
    for laptop in (a, b):
        ws = laptop.ws
        serials = [row[0] for row in sql(ws, "SELECT serial FROM plaques")]
        assert sorted(serials) == sorted(serials_a + serials_b)  # all six kept, none renamed
        current = sql(ws, "SELECT enterprise_id, grade FROM plaques WHERE year = ? AND current = 1", YEAR)
        assert sorted(e for e, _ in current) == sorted(e for e in a.enterprises if e not in unplaqued)
        assert len({grade for _, grade in current}) == 1  # one round's plaques won, by the documented rule
        stats = ws.stats(YEAR)
        assert stats.grades["pending"] == 1 == stats.enterprises - len(current)
        assert sum(stats.grades.values()) == stats.enterprises == 4
        assert sum(stats.lights.values()) + stats.unlit == stats.enterprises
    # The losing plaques are kept as conflicts (on the copy that learnt of the other round).
    lost = sql(b.ws, "SELECT count(*) FROM sync_conflicts WHERE table_name = 'plaques'")[0][0]
    lost += sql(a.ws, "SELECT count(*) FROM sync_conflicts WHERE table_name = 'plaques'")[0][0]
    assert lost >= 3


def test_an_older_serial_still_counts_and_the_new_sequence_ignores_it(laptops: list[Laptop], tmp_path: Path) -> None:
    a, _ = laptops
    a.add_enterprise(0)
    a.add_enterprise(1)
    first = issue_round(a, "A", {a.enterprises[1]})
    sql(a.ws, "UPDATE plaques SET serial = 'PH-2026-000001'")  # written by an earlier version
    (second,) = issue_round(a, "B", {a.enterprises[0]})
    assert parse_number(second).seq == parse_number(first[0]).seq  # the old form is not this device's
    assert sql(a.ws, "SELECT serial FROM plaques ORDER BY serial") == sorted([("PH-2026-000001",), (second,)])
