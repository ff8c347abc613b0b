"""A re-inspection started from the enterprise's last visit: same template, what failed and what is
still open first, with the hazards' before-photos (inspector/services/revisit.py)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from inspector.core.checklist import Result
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction
from inspector.photos.photo_store import StoredPhoto
from inspector.services.hazards import HazardSource
from inspector.workspace import Workspace
from tests.sample_records import add_enterprise, sample_hazard, start_inspection

LAST = date(2026, 3, 2)
NOW = date(2026, 9, 14)


def photo(ws: Workspace, colour: str) -> StoredPhoto:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "PNG")
    return ws.photos.import_bytes(buffer.getvalue(), f"{colour}.png")


def last_visit(ws: Workspace, enterprise_id: str) -> str:
    """A finalized visit: C-6 不符合 with a note, D-1 部分符合, everything else 符合; hazards raised
    from C-6 (with a photo) and E-4 (fixed on the spot), and one from a self-check."""
    visit = start_inspection(ws, enterprise_id, LAST)
    for item in ws.inspections.template_of(visit).items:
        result = {"C-6": Result.FAIL, "D-1": Result.PARTIAL}.get(item.code, Result.PASS)
        ws.inspections.answer(visit, item.code, result, "灭火器过期" if item.code == "C-6" else None)
    ws.inspections.complete(visit)
    ws.inspections.finalize(visit)
    ws.hazards.raise_hazard(
        sample_hazard(enterprise_id, LAST, description="灭火器过期", inspection_id=visit, item_code="C-6"),
        [photo(ws, "red")],
    )
    fixed = ws.hazards.raise_hazard(
        sample_hazard(enterprise_id, LAST, description="电线裸露", inspection_id=visit, item_code="E-4")
    )
    ws.hazards.act(fixed, HazardAction.FIX_ON_SITE, "张检查", photos=[photo(ws, "green")])
    ws.hazards.raise_hazard(
        sample_hazard(enterprise_id, LAST, description="通道堆物", source=HazardSource.SELF_CHECK, item_code="Z-9")
    )
    return visit


def test_the_plan_puts_what_failed_and_what_is_open_first(workspace: Workspace) -> None:
    enterprise = add_enterprise(workspace, "平湖市复查机械有限公司", 301)
    assert workspace.revisits.plan(enterprise) is None  # never visited
    visit = last_visit(workspace, enterprise)
    start_inspection(workspace, enterprise, NOW)  # a draft is not a visit
    plan = workspace.revisits.plan(enterprise)
    assert plan is not None and plan.previous_id == visit and plan.previous_date == LAST
    assert [(i.code, i.last_result, i.last_note) for i in plan.first] == [
        ("C-6", Result.FAIL, "灭火器过期"),
        ("D-1", Result.PARTIAL, ""),
    ]  # E-4 passed and its hazard was fixed on the spot: nothing to re-check there
    hazard = plan.first[0].hazards[0]
    assert hazard.description == "灭火器过期" and hazard.before_photos == (photo(workspace, "red").sha256,)
    assert [h.description for h in plan.other_hazards] == ["通道堆物"]
    codes = [item.code for item in workspace.inspections.template_of(visit).items]
    order = plan.order(codes)
    assert order[:2] == ["C-6", "D-1"] and sorted(order) == sorted(codes)


def test_a_reinspection_starts_with_the_same_template_at_the_first_item_to_recheck(workspace: Workspace) -> None:
    enterprise = add_enterprise(workspace, "平湖市复查机械有限公司", 302)
    inspectors = [workspace.roster.add(name) for name in ("王检查", "赵检查")]
    with pytest.raises(DomainError, match="还没有已完成的检查"):
        workspace.revisits.start_from_last(enterprise, NOW, inspectors)
    visit = last_visit(workspace, enterprise)
    draft = workspace.revisits.start_from_last(enterprise, NOW, inspectors)
    assert workspace.inspections.get(draft).template_key == workspace.inspections.get(visit).template_key
    assert workspace.inspections.last_position(draft) == "C-6"
    plan = workspace.revisits.plan_for(draft)
    assert plan is not None and [i.code for i in plan.first] == ["C-6", "D-1"]
    assert workspace.revisits.plan_for(visit) is None  # an ordinary inspection keeps its order
    # Fixing the hazard drops it from the plan; C-6 stays, it failed last time.
    hazard = plan.first[0].hazards[0]
    workspace.hazards.act(hazard.id, HazardAction.FIX_ON_SITE, "王检查", photos=[photo(workspace, "blue")])
    again = workspace.revisits.plan_for(draft)
    assert again is not None and again.first[0].hazards == ()
