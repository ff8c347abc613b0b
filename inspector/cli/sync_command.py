"""`inspector sync export|import|trust|export-key|devices`: offline sync by signed bundles.

Hook point: the central-server subcommands (push/pull) live in their own module and add
themselves with `register_extra(sync_subparsers)`; `EXTRA_MODULES` names them (one line each).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from inspector.core.errors import DomainError

from .common import open_workspace

EXTRA_MODULES: tuple[str, ...] = ("inspector.cli.sync_remote_commands",)
"""Modules (dotted names) with `register_extra(sync_subparsers)` adding more sync subcommands."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("sync", help="同步：导出/导入同步包，信任设备 sync between laptops")
    sub = parser.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    export = sub.add_parser("export", help="导出同步包（上次导出给该接收方之后的变化，或 --all 全部）")
    export.add_argument("--out", required=True, type=Path, help="同步包文件（.zip）")
    export.add_argument("--peer", help="接收方名称（记录已导出到哪里）")
    export.add_argument("--all", dest="everything", action="store_true", help="导出全部数据")
    export.set_defaults(run=run_export)

    imp = sub.add_parser("import", help="导入同步包（先校验签名与完整性，全部导入或全不导入）")
    imp.add_argument("file", type=Path, help="同步包文件")
    imp.set_defaults(run=run_import)

    trust = sub.add_parser("trust", help="信任一台设备（同步包或设备公钥文件），显示其指纹")
    trust.add_argument("file", type=Path, help="同步包或设备公钥文件")
    trust.add_argument("--name", help="设备名称（默认用包内名称）")
    trust.add_argument("--yes", action="store_true", help="不询问，直接信任")
    trust.set_defaults(run=run_trust)

    key = sub.add_parser("export-key", help="导出本机设备公钥，供其他电脑信任")
    key.add_argument("--out", required=True, type=Path, help="公钥文件")
    key.set_defaults(run=run_export_key)

    listing = sub.add_parser("devices", help="列出已信任的设备及最近一次交换")
    listing.set_defaults(run=run_devices)

    for name in EXTRA_MODULES:
        importlib.import_module(name).register_extra(sub)


def _when(value: object) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else "—"  # type: ignore[attr-defined]


def run_export(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = ws.sync.export(args.out, peer=args.peer, everything=args.everything)
    total = sum(result.counts.values())
    print(f"已导出 {total} 条记录、{result.photos} 张照片到 {result.path}")
    for table, count in sorted(result.counts.items()):
        print(f"  {table}: {count}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = ws.sync.import_(args.file)
    report = result.report
    print(
        f"已导入来自 {result.device.name or result.device.device_id} 的同步包："
        f"新增 {sum(report.inserted.values())}，更新 {sum(report.updated.values())}，"
        f"删除 {sum(report.deleted.values())}，合并 {sum(report.merged.values())}，"
        f"未变 {report.unchanged}，照片 {result.photos_copied} 张，冲突 {report.conflicts} 条"
    )
    if result.gap_warning:
        print(result.gap_warning_for_command_line)
    return 0


def run_trust(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        identity = ws.sync.read_identity(args.file)
        print(f"设备：{identity.name or '（未命名）'}  编号：{identity.device_id}\n指纹：{identity.fingerprint}")
        if not (args.yes or _fingerprint_confirmed()):
            print("未信任")
            return 1
        device = ws.sync.trust(identity, args.name)
    print(f"已信任设备 {device.name}")
    return 0


def _fingerprint_confirmed() -> bool:
    """Asked at the terminal after the fingerprint is shown; with no terminal, --yes is the answer."""
    if not sys.stdin.isatty():
        raise DomainError("没有可以回答的终端：请与对方核对指纹后加 --yes 再运行")
    try:
        answer = input("请与对方电脑上显示的指纹核对。信任该设备吗？[y/N] ").strip().lower()
    except EOFError:
        answer = ""
    return answer in ("y", "yes", "是")


def run_export_key(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        identity = ws.sync.export_key(args.out)
    print(f"已导出本机公钥到 {args.out}")
    print(f"指纹：{identity.fingerprint}")
    return 0


def run_devices(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        listed = ws.sync.devices()
        mine = ws.sync.identity()
    print(f"本机：{mine.name}  编号：{mine.device_id}  指纹：{mine.fingerprint}")
    if not listed:
        print("尚未信任任何设备")
        return 0
    for d in listed:
        print(
            f"{d.name}  编号：{d.device_id}  指纹：{d.fingerprint}  "
            f"信任于：{_when(d.trusted_at)}  最近导入：{_when(d.last_import_at)}  最近导出：{_when(d.last_export_at)}"
        )
    return 0
