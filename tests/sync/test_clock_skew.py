"""Laptops whose clocks disagree (issue 13): a hazard's history is ordered by causality, so a
step taken after seeing another is never undone by a clock that runs ahead, and every copy
ends in the same state with every step kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from inspector.core.hazard_lifecycle import HazardAction, HazardStatus

from .simulation import Clock, Laptop, Timeline, converge, trust_all


@pytest.fixture
def timeline() -> Timeline:
    return Timeline()


def laptops_with(tmp_path: Path, timeline: Timeline, **offsets: timedelta) -> list[Laptop]:
    made = [Laptop.create(tmp_path, name, Clock(timeline, offset)) for name, offset in offsets.items()]
    trust_all(made)
    return made


@pytest.fixture
def p_and_q(tmp_path: Path, timeline: Timeline) -> Iterator[list[Laptop]]:
    """P's clock runs two hours ahead, Q's is right."""
    made = laptops_with(tmp_path, timeline, p=timedelta(hours=2), q=timedelta(0))
    yield made
    for laptop in made:
        laptop.ws.close()


def rate(laptop: Laptop) -> float | None:
    return laptop.ws.stats(2026).rectification_rate


def test_a_fix_made_after_seeing_the_record_stays_a_fix(
    p_and_q: list[Laptop], tmp_path: Path, timeline: Timeline
) -> None:
    p, q = p_and_q
    p.add_enterprise(1)
    hid = p.raise_hazard(0, 1)
    p.send_to(q, tmp_path)
    q.refresh_ids()
    timeline.tick()
    assert q.act(0, HazardAction.FIX_ON_SITE, 1) is not None
    # Q's fix carries an earlier wall-clock time than P's record: people see it as it was
    assert q.ws.hazards.get(hid).events[1].at < p.ws.hazards.get(hid).events[0].at
    q.send_to(p, tmp_path)
    for laptop in (p, q):
        view = laptop.ws.hazards.get(hid)
        assert view.status is HazardStatus.FIXED_ON_SITE
        assert [e.action for e in view.events] == [HazardAction.RECORD, HazardAction.FIX_ON_SITE]
        assert rate(laptop) == 100.0
    converge([p, q], tmp_path)
    assert p.dump() == q.dump()
    assert p.send_to(q, tmp_path).changed == 0 and q.send_to(p, tmp_path).changed == 0


def test_a_fix_and_a_void_made_apart_keep_both_and_agree(tmp_path: Path, timeline: Timeline) -> None:
    p, q, r = laptops_with(tmp_path, timeline, p=timedelta(days=2), q=timedelta(hours=-5), r=timedelta(0))
    try:
        p.add_enterprise(1)
        hid = p.raise_hazard(0, 1)
        p.send_to(q, tmp_path)
        q.refresh_ids()
        timeline.tick()
        fix = p.act(0, HazardAction.FIX_ON_SITE, 1)
        void = q.act(0, HazardAction.VOID, 2)
        assert fix is not None and void is not None
        converge([p, q, r], tmp_path)
        assert p.dump() == q.dump() == r.dump()
        views = [laptop.ws.hazards.get(hid) for laptop in (p, q, r)]
        assert {e.id for e in views[0].events} == {views[0].events[0].id, fix.event, void.event}
        # concurrent: the branch begun last (P's clock is two days ahead) decides, everywhere
        assert {v.status for v in views} == {HazardStatus.FIXED_ON_SITE}
        assert {rate(laptop) for laptop in (p, q, r)} == {100.0}
        # a step taken after seeing both follows both, whatever Q's clock says
        q.refresh_ids()
        timeline.tick()
        close = q.act(0, HazardAction.CLOSE, 3)
        assert close is not None
        converge([p, q, r], tmp_path)
        assert p.dump() == q.dump() == r.dump()
        final = r.ws.hazards.get(hid)
        assert final.status is HazardStatus.CLOSED
        assert final.events[-1].id == close.event
    finally:
        for laptop in (p, q, r):
            laptop.ws.close()


def test_a_clock_days_behind_cannot_put_its_later_step_first(tmp_path: Path, timeline: Timeline) -> None:
    p, q = laptops_with(tmp_path, timeline, p=timedelta(0), q=timedelta(days=-3))
    try:
        p.add_enterprise(1)
        hid = p.raise_hazard(0, 1)
        assert p.act(0, HazardAction.ISSUE_NOTICE, 1) is not None
        p.send_to(q, tmp_path)
        q.refresh_ids()
        timeline.tick()
        assert q.act(0, HazardAction.START_RECTIFYING, 2) is not None
        q.send_to(p, tmp_path)
        timeline.tick()
        assert p.act(0, HazardAction.REQUEST_RECHECK, 3) is not None
        converge([p, q], tmp_path)
        for laptop in (p, q):
            view = laptop.ws.hazards.get(hid)
            assert [e.action for e in view.events] == [
                HazardAction.RECORD,
                HazardAction.ISSUE_NOTICE,
                HazardAction.START_RECTIFYING,
                HazardAction.REQUEST_RECHECK,
            ]
            assert view.status is HazardStatus.RECHECK_REQUESTED
        assert p.dump() == q.dump()
    finally:
        for laptop in (p, q):
            laptop.ws.close()


def test_a_correction_made_after_seeing_another_applies_after_it(tmp_path: Path, timeline: Timeline) -> None:
    from inspector.core.checklist import Result
    from inspector.services.signatures import SignatureService
    from tests.test_signatures_amendments import completed_inspection, sign_all

    p, q = laptops_with(tmp_path, timeline, p=timedelta(hours=2), q=timedelta(days=-1))
    try:
        with p.running():
            iid = completed_inspection(p.ws)
            sign_all(SignatureService(p.ws.db), iid)
            SignatureService(p.ws.db).finalize_signed(iid)
            first = p.ws.amendments.amend_answer(iid, "C-1", Result.PASS, "复核照片显示压力正常", "王建国", at=p.now())
        p.send_to(q, tmp_path)
        timeline.tick()
        with q.running():
            second = q.ws.amendments.amend_answer(iid, "C-1", Result.FAIL, "现场复核仍不合格", "李明", at=q.now())
        assert second.amended_at < first.amended_at  # Q's clock is a day behind: shown as written
        converge([p, q], tmp_path)
        assert p.dump() == q.dump()
        for laptop in (p, q):
            assert [a.id for a in laptop.ws.amendments.history(iid)] == [first.id, second.id]
            assert laptop.ws.amendments.effective_answers(iid)["C-1"].result is Result.FAIL
    finally:
        for laptop in (p, q):
            laptop.ws.close()
