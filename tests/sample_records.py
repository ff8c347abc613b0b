"""Small records the service tests start from: an enterprise, an inspection by two inspectors, a
hazard with plain defaults. Each test module keeps its own names and dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.hazard_lifecycle import HazardAction
from inspector.services.hazards import NewHazard
from inspector.workspace import Workspace

INSPECTORS = ("张检查", "李检查")


def add_enterprise(ws: Workspace, name: str, number: int, town: str = "新埭镇") -> str:
    """An enterprise whose credit code is 91330482000000 + `number` (three digits) + its check digit."""
    return ws.enterprises.add(Enterprise(name, with_check_digit(f"91330482000000{number:03d}"), town))


def start_inspection(ws: Workspace, enterprise_id: str, day: date) -> str:
    """A draft inspection with the shipped form, by 张检查 and 李检查."""
    inspectors = [ws.roster.add(name) for name in INSPECTORS]
    return ws.inspections.start(enterprise_id, ws.default_template_id(), day, inspectors)


AUTHORITY = {"authority": "平湖市应急管理局"}


def confirm_major(workspace: Workspace, hazard_id: str, at: datetime) -> None:
    """Refer a suspected major hazard to the authority at `at` and record its confirmation half
    an hour later (domain.md §2): only a confirmed one is veto-level."""
    workspace.hazards.act(hazard_id, HazardAction.REFER_MAJOR, "张检查", at=at, detail=AUTHORITY)
    workspace.hazards.act(
        hazard_id, HazardAction.CONFIRM_MAJOR, "王科长", at=at + timedelta(minutes=30), detail=AUTHORITY
    )


def sample_hazard(enterprise_id: str, found_on: date, **changes: object) -> NewHazard:
    """A hazard 张检查 found on `found_on`, due a week later; `changes` sets any other field."""
    fields: dict[str, object] = {
        "enterprise_id": enterprise_id,
        "description": "安全出口堵塞",
        "found_on": found_on,
        "found_by": "张检查",
        "deadline": found_on + timedelta(days=7),
    }
    fields.update(changes)
    return NewHazard(**fields)  # type: ignore[arg-type]
