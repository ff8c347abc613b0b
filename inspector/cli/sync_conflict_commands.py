"""`inspector sync conflicts list|show|resolve`: the conflicts every copy shares
(inspector/sync/conflicts.py). An id may be a unique prefix of the one `list` shows."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from .common import open_workspace, print_json

SHOWN_ID = 12
"""Characters of a conflict's id that `list` shows: enough to be unique, short enough to type."""


def register_extra(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("conflicts", help="同步冲突：列出、查看、处理（在一台电脑上处理，所有电脑同步关闭）")
    actions = parser.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="列出待处理的冲突（--all 含已处理的）")
    listing.add_argument("--all", dest="everything", action="store_true", help="包括已处理的冲突")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(run=run_list)

    show = actions.add_parser("show", help="查看一条冲突：现值与落选的值")
    show.add_argument("id", metavar="ID", help="冲突编号（或其开头几位）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(run=run_show)

    resolve = actions.add_parser("resolve", help="处理一条冲突：保留现值（mine）或恢复落选的值（theirs）")
    resolve.add_argument("id", metavar="ID", help="冲突编号（或其开头几位）")
    resolve.add_argument(
        "--keep", required=True, choices=("mine", "theirs"), help="mine：保留现值；theirs：恢复落选的值"
    )
    resolve.add_argument("--by", help="处理人（默认本机名称）")
    resolve.set_defaults(run=run_resolve)


def _as_json(conflict: Any) -> dict[str, Any]:
    values = asdict(conflict)
    values["differences"] = [asdict(d) for d in conflict.differences]
    values["open"] = conflict.is_open
    return values


def _line(conflict: Any) -> str:
    state = (
        "" if conflict.is_open else f"  [已处理：{'恢复落选的值' if conflict.resolution == 'restored' else '保留现值'}]"
    )
    return (
        f"{conflict.id[:SHOWN_ID]}  {conflict.table_label} {conflict.record} · {conflict.field_label}："
        f"现值 {conflict.mine} ／ 落选 {conflict.theirs}{state}"
    )


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        conflicts = ws.conflicts.all_conflicts() if args.everything else ws.conflicts.open_conflicts()
    if args.json:
        print_json([_as_json(c) for c in conflicts])
        return 0
    if not conflicts:
        print("没有待处理的冲突" if not args.everything else "没有冲突")
        return 0
    for conflict in conflicts:
        print(_line(conflict))
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        conflict = ws.conflicts.get(args.id)
    if args.json:
        print_json(_as_json(conflict))
        return 0
    print(f"冲突 {conflict.id}")
    print(f"记录：{conflict.table_label} {conflict.record}")
    print(f"字段：{conflict.field_label}")
    for difference in conflict.differences:
        print(
            f"  {difference.label}：现值 {difference.mine}（{conflict.kept_by}）"
            f"／ 落选的值 {difference.theirs}（{conflict.lost_by}）"
        )
    print(f"发现时间：{conflict.detected_at.astimezone().strftime('%Y-%m-%d %H:%M')}")
    if conflict.is_open:
        print("状态：待处理（inspector sync conflicts resolve ID --keep mine|theirs）")
    else:
        done = "恢复落选的值" if conflict.resolution == "restored" else "保留现值"
        print(f"状态：已由 {conflict.resolved_by} 处理（{done}）")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        conflict = ws.conflicts.resolve(args.id, args.by or ws.sync.device_name, keep=args.keep)
    done = "已恢复落选的值" if args.keep == "theirs" else "已保留现值"
    print(
        f"冲突 {conflict.id[:SHOWN_ID]}（{conflict.record} · {conflict.field_label}）{done}；下次同步后所有电脑一同关闭"
    )
    return 0
