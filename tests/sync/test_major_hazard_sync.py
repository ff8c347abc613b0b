"""The major-hazard track travels with the hazard's history (docs/sync.md rule 5): its steps are
hazard events with their `detail`, and every copy derives the same severity and standing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from inspector.core.checklist import Severity
from inspector.core.hazard_lifecycle import HazardAction
from inspector.core.major_hazard import MajorStanding
from inspector.services.hazards import HazardSource, NewHazard

from .simulation import DAY, Laptop, converge, older_bundle, trust_all

AUTHORITY = {"authority": "平湖市应急管理局"}


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Laptop]]:
    made = [Laptop.create(tmp_path, name) for name in ("a", "b")]
    trust_all(made)
    yield made
    for laptop in made:
        laptop.ws.close()


def suspected(laptop: Laptop) -> str:
    eid = laptop.add_enterprise(3)
    new = NewHazard(
        enterprise_id=eid,
        description="干式除尘器未采取泄爆措施",
        found_on=DAY,
        found_by="张三",
        deadline=DAY + timedelta(days=30),
        source=HazardSource.WORKER_REPORT,
        severity=Severity.MAJOR,
        major_clause="MEM10-11-3",
    )
    with laptop.running():
        return laptop.ws.hazards.raise_hazard(new, at=laptop.now())


def act(laptop: Laptop, hazard_id: str, action: HazardAction, minutes: int, **kwargs: object) -> None:
    with laptop.running():
        laptop.ws.hazards.act(hazard_id, action, "李四", at=laptop.now(minutes), **kwargs)  # type: ignore[arg-type]


def test_referral_and_confirmation_travel_and_copies_agree(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b = laptops
    hid = suspected(a)
    a.send_to(b, tmp_path)
    assert b.ws.hazards.get(hid).major.standing is MajorStanding.SUSPECTED
    act(b, hid, HazardAction.REFER_MAJOR, 5, detail=AUTHORITY)
    act(b, hid, HazardAction.CONFIRM_MAJOR, 6, detail={**AUTHORITY, "document": "平应急〔2026〕3号"})
    b.send_to(a, tmp_path)
    view = a.ws.hazards.get(hid)
    assert (view.major.standing, view.severity) == (MajorStanding.CONFIRMED, Severity.MAJOR)
    assert view.events[-1].detail == {**AUTHORITY, "document": "平应急〔2026〕3号"}
    converge(laptops, tmp_path)
    assert a.dump() == b.dump()


def test_concurrent_confirmation_and_rejection_converge(laptops: list[Laptop], tmp_path: Path) -> None:
    a, b = laptops
    hid = suspected(a)
    act(a, hid, HazardAction.REFER_MAJOR, 1, detail=AUTHORITY)
    a.send_to(b, tmp_path)
    act(a, hid, HazardAction.CONFIRM_MAJOR, 5, detail=AUTHORITY)  # offline, both of them
    act(b, hid, HazardAction.REJECT_MAJOR, 6, note="经核查为湿式除尘", detail=AUTHORITY)
    converge(laptops, tmp_path)
    assert a.dump() == b.dump()
    views = [laptop.ws.hazards.get(hid) for laptop in laptops]
    assert {v.major.standing for v in views} == {MajorStanding.REJECTED}  # the branch begun last
    assert {v.severity for v in views} == {Severity.GENERAL}
    assert len(views[0].events) == 4  # both decisions stay in the history


def test_a_bundle_from_before_the_track_carries_a_major_hazard_as_suspected(
    laptops: list[Laptop], tmp_path: Path
) -> None:
    """A version-2 bundle lacks `detail` and `major_status`: its major hazard arrives as a
    suspected one, as migration 0009 carries stored ones."""
    a, b = laptops
    hid = suspected(a)
    old, _rows = older_bundle(a, tmp_path, 2, {"hazard_events": ("detail",), "hazards": ("major_status",)})
    b.ws.sync.import_(old)
    view = b.ws.hazards.get(hid)
    assert (view.severity, view.major.standing) == (Severity.MAJOR, MajorStanding.SUSPECTED)
    assert "第十一条第三项" in view.major.citation and view.major_clause == view.major.citation
