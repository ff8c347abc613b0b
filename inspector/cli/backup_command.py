"""`inspector backup --out F` and `inspector restore F [--force]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import data_folder


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser("backup", help="备份数据文件夹（数据库、照片、设置）到一个 .zip 文件 back up")
    backup.add_argument("--out", required=True, type=Path, metavar="F", help="备份文件（.zip）或存放它的文件夹")
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser("restore", help="从备份文件恢复数据文件夹，先完整校验 restore a backup")
    restore.add_argument("archive", type=Path, metavar="F", help="inspector backup 生成的 .zip 文件")
    restore.add_argument(
        "--force",
        action="store_true",
        help="数据文件夹已有数据时仍然恢复；现有数据先移到 .before-restore-… 文件夹保留",
    )
    restore.set_defaults(run=run_restore)


def _step(text: str) -> None:
    print(f"{text}…", file=sys.stderr)


def run_backup(args: argparse.Namespace) -> int:
    from inspector.services.backup import create_backup  # the storage stack only when needed

    out, manifest = create_backup(data_folder(args), args.out, _step)
    counts = manifest.counts
    print(f"已备份到 {out}")
    print(
        f"  企业 {counts.get('enterprises', 0)}，检查 {counts.get('inspections', 0)}，"
        f"隐患 {counts.get('hazards', 0)}，照片文件 {counts.get('photo_files', 0)}，"
        f"数据库结构版本 {manifest.schema_revision}"
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from inspector.services.backup import restore_backup

    folder = data_folder(args)
    result = restore_backup(args.archive, folder, force=args.force, progress=_step)
    counts = result.manifest.counts
    print(f"已从 {args.archive} 恢复到 {folder}（备份时间 {result.manifest.created_at}）")
    print(
        f"  企业 {counts.get('enterprises', 0)}，检查 {counts.get('inspections', 0)}，隐患 {counts.get('hazards', 0)}"
    )
    if result.moved_aside:
        print(f"  原有数据已移到 {result.moved_aside}")
    return 0
