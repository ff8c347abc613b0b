"""Scripting the hazard ledger: `inspector hazards record`, `inspector hazards act` and
`inspector hazards show`. Every step goes through the hazard service, so the lifecycle's rules
(after-photo for an on-site fix, reason for a void, …) refuse a wrong step in one sentence."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from inspector.core.checklist import Severity
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction
from inspector.core.major_hazard import AUTHORITY, CLAUSE, DOCUMENT, PLAN_FIELDS, MajorState, detail_text, major_lines

from .common import open_workspace, parse_day, print_json

if TYPE_CHECKING:
    from inspector.core.enterprise import Enterprise
    from inspector.photos.photo_store import StoredPhoto
    from inspector.services.hazards import HazardView
    from inspector.workspace import Workspace

ACTIONS = {action.value.replace("_", "-"): action for action in HazardAction if action is not HazardAction.RECORD}
SOURCES = {"worker-report": "worker_report", "self-check": "self_check"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add record, act and show to the `hazards` subcommands."""
    record = sub.add_parser("record", help="登记一条隐患（检查之外：职工随手拍或企业自查），输出其编号")
    record.add_argument("--enterprise", required=True, metavar="ID|CREDIT_CODE", help="企业编号或统一社会信用代码")
    record.add_argument("--description", required=True, metavar="TEXT", help="隐患描述")
    record.add_argument("--by", required=True, metavar="NAME", help="发现人")
    record.add_argument(
        "--severity",
        choices=[s.value for s in Severity],
        default=Severity.GENERAL.value,
        help="等级：major 即登记为疑似重大事故隐患，须同时给出 --clause",
    )
    record.add_argument(
        "--clause",
        default="",
        metavar="ID",
        help="重大事故隐患判定条款编号，如 MEM10-11-3（见 inspector forms clauses）",
    )
    record.add_argument(
        "--deadline", metavar="YYYY-MM-DD", help="整改期限（默认：今天起按检查表的一般隐患期限，通常 7 天）"
    )
    record.add_argument("--source", choices=list(SOURCES), default="worker-report", help="来源（默认职工随手拍）")
    record.add_argument("--location", default="", metavar="TEXT", help="具体位置")
    record.add_argument("--photo", action="append", type=Path, default=[], metavar="FILE", help="整改前照片（可重复）")
    record.add_argument("--json", action="store_true", help='以 JSON 输出：{"id": …}')
    record.set_defaults(run=run_record)

    act = sub.add_parser(
        "act",
        help="对隐患执行一步处理",
        description="ACTION 为以下处理动作之一：\n"
        + "\n".join(f"  {name:<20}{action.label}" for name, action in ACTIONS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    act.add_argument("hazard_id", metavar="HAZARD_ID", help="隐患编号")
    act.add_argument("action", metavar="ACTION", type=_action, help="处理动作（见上）")
    act.add_argument("--by", required=True, metavar="NAME", help="操作人")
    act.add_argument("--note", default="", metavar="TEXT", help="说明（作废、驳回延期时必填）")
    act.add_argument(
        "--deadline",
        metavar="YYYY-MM-DD",
        help="新整改期限（fail-recheck、request-extension 必填；adopt-plan 为治理时限）",
    )
    act.add_argument(
        "--photo", action="append", type=Path, default=[], metavar="FILE", help="整改后照片（当场整改必附，可重复）"
    )
    major = act.add_argument_group("重大事故隐患（suspect-major … adopt-plan）")
    major.add_argument("--clause", default="", metavar="ID", help="suspect-major：判定条款编号，如 MEM10-11-3")
    major.add_argument(
        "--authority", default="", metavar="NAME", help="移送、认定、督办、责令停产的部门，如 平湖市应急管理局"
    )
    major.add_argument("--document", default="", metavar="NO", help="部门文书编号（可选）")
    for key, label in PLAN_FIELDS.items():
        major.add_argument(f"--{key}", default="", metavar="TEXT", help=f"adopt-plan：{label}")
    act.add_argument("--json", action="store_true", help="以 JSON 输出")
    act.set_defaults(run=run_act)

    show = sub.add_parser("show", help="显示一条隐患：当前状态与全部处理记录")
    show.add_argument("hazard_id", metavar="HAZARD_ID", help="隐患编号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出（status 为状态值，如 fixed_on_site）")
    show.set_defaults(run=run_show)


def _action(text: str) -> HazardAction:
    action = ACTIONS.get(text.strip().lower().replace("_", "-"))
    if action is None:
        raise argparse.ArgumentTypeError(f"“{text}”不是隐患处理动作；可用：{', '.join(ACTIONS)}")
    return action


def _enterprise(workspace: Workspace, text: str) -> Enterprise:
    text = text.strip()
    found = workspace.enterprises.by_credit_code(text) if len(text) == 18 else None
    if found is None:
        try:
            found = workspace.enterprises.get(text)
        except DomainError:
            raise DomainError(f"找不到企业“{text}”：应为企业编号或统一社会信用代码") from None
    return found


def _photos(workspace: Workspace, files: list[Path]) -> list[StoredPhoto]:
    return [workspace.photos.import_file(path) for path in files]


def run_record(args: argparse.Namespace) -> int:
    from inspector.services.hazards import HazardSource, NewHazard

    workspace = open_workspace(args)
    try:
        enterprise = _enterprise(workspace, args.enterprise)
        today = workspace.today()
        deadline = parse_day(args.deadline, "整改期限")
        if deadline is None:
            days = workspace.templates.load(workspace.default_template_id()).deadlines.general
            deadline = today + timedelta(days=days)
        new = NewHazard(
            enterprise_id=enterprise.id or "",
            description=args.description,
            found_on=today,
            found_by=args.by,
            deadline=deadline,
            severity=Severity(args.severity),
            major_clause=args.clause,
            location=args.location,
            source=HazardSource(SOURCES[args.source]),
        )
        hazard_id = workspace.hazards.raise_hazard(new, _photos(workspace, args.photo))
    finally:
        workspace.close()
    if args.json:
        print_json({"id": hazard_id})
    else:
        print(hazard_id)
    return 0


def run_act(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        action: HazardAction = args.action
        status = workspace.hazards.act(
            args.hazard_id,
            action,
            args.by,
            args.note,
            _photos(workspace, args.photo),
            parse_day(args.deadline, "新整改期限"),
            detail=_detail(args),
        )
        view = workspace.hazards.get(args.hazard_id)
    finally:
        workspace.close()
    if args.json:
        print_json({"id": view.id, "action": action.value, "event": view.events[-1].id, "status": status.value})
    else:
        print(f"隐患 {view.id}：{action.label}，现为“{status.label}”")
    return 0


def _detail(args: argparse.Namespace) -> dict[str, str]:
    """What a major-hazard step names, from its options (empty ones left out)."""
    values = {CLAUSE: args.clause, AUTHORITY: args.authority, DOCUMENT: args.document}
    values.update({key: getattr(args, key) for key in PLAN_FIELDS})
    return {key: value for key, value in values.items() if value.strip()}


def run_show(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        view = workspace.hazards.get(args.hazard_id)
        allowed = workspace.hazards.allowed_actions(args.hazard_id)
        today, zone = workspace.today(), ZoneInfo(workspace.settings.timezone)
    finally:
        workspace.close()
    if args.json:
        print_json(hazard_json(view, allowed, today))
        return 0
    overdue = "（逾期）" if view.overdue(today) else ""
    print(f"隐患 {view.id}")
    print(f"  企业：{view.enterprise_name}（{view.enterprise_id}）")
    print(f"  描述：{view.description}")
    print(f"  来源：{view.source.label}　等级：{view.severity.value}　发现：{view.found_on} {view.found_by}")
    for line in major_lines(view.major):
        print(f"  {line}")
    print(f"  状态：{view.status.label}（{view.status.value}）　整改期限：{view.deadline}{overdue}")
    if view.pending_extension:
        print(f"  待审批的延期申请：至 {view.pending_extension}")
    print("  处理记录：")
    for n, event in enumerate(view.events, start=1):
        at = event.at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        note = f"　{event.note}" if event.note else ""
        named = f"　{detail_text(event.detail)}" if event.detail else ""
        print(f"    {n}. {at}　{event.action.label}　{event.by}　→ {event.to_status.label}{note}{named}")
    names = [f"{a.value.replace('_', '-')}（{a.label}）" for a in allowed]
    print(f"  可执行：{'、'.join(names) or '无（已结束）'}")
    return 0


def hazard_json(view: HazardView, allowed: list[HazardAction], today: Any) -> dict[str, Any]:
    return {
        "id": view.id,
        "enterprise_id": view.enterprise_id,
        "enterprise_name": view.enterprise_name,
        "description": view.description,
        "source": view.source.value,
        "severity": view.severity.value,
        "found_on": view.found_on.isoformat(),
        "found_by": view.found_by,
        "location": view.location,
        "status": view.status.value,
        "status_label": view.status.label,
        "deadline": view.deadline.isoformat(),
        "overdue": view.overdue(today),
        "rectified_on": view.rectified_on.isoformat() if view.rectified_on else None,
        "closed_on": view.closed_on.isoformat() if view.closed_on else None,
        "pending_extension": view.pending_extension.isoformat() if view.pending_extension else None,
        "major": major_json(view.major),
        "allowed_actions": [a.value for a in allowed],
        "history": [
            {
                "id": e.id,
                "follows": e.follows,
                "action": e.action.value,
                "action_label": e.action.label,
                "from_status": e.from_status.value if e.from_status else None,
                "to_status": e.to_status.value,
                "at": e.at.isoformat(),
                "by": e.by,
                "note": e.note,
                "photos": list(e.photos),
                "new_deadline": e.new_deadline.isoformat() if e.new_deadline else None,
                "detail": dict(e.detail),
            }
            for e in view.events
        ],
    }


def major_json(major: MajorState) -> dict[str, Any]:
    plan = major.plan
    return {
        "standing": major.standing.value,
        "standing_label": major.standing.label,
        "clause": major.clause,
        "citation": major.citation,
        "authority": major.authority,
        "supervised": major.supervised,
        "production": major.production.value,
        "plan": None
        if plan is None
        else {**{k: getattr(plan, k) for k in PLAN_FIELDS}, "time_limit": plan.time_limit.isoformat()},
    }
