"""`inspector enterprises import FILE [--dry-run]` and `inspector enterprises list [--search T] [--town T]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import open_workspace

DEFAULT_LIMIT = 50


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("enterprises", help="企业名册：导入与查询 the enterprise register")
    sub = parser.add_subparsers(dest="enterprises_command", metavar="ACTION", required=True)

    importing = sub.add_parser(
        "import",
        help="从 Excel（.xlsx）或 CSV 导入企业名单，有任何问题则一家也不导入 import a list, all or nothing",
    )
    importing.add_argument("file", metavar="FILE", help=".xlsx 或 .csv 文件")
    importing.add_argument("--dry-run", action="store_true", help="只检查，不写入 check only, write nothing")
    importing.set_defaults(run=run_import)

    listing = sub.add_parser("list", help="列出企业（名称、统一社会信用代码、镇街道） list enterprises")
    listing.add_argument("--search", default="", metavar="TEXT", help="按名称、信用代码或地址查找")
    listing.add_argument("--town", metavar="T", help="只列出该镇街道的企业")
    listing.add_argument(
        "--limit", type=_positive_int, default=DEFAULT_LIMIT, metavar="N", help=f"最多列出 N 家（默认 {DEFAULT_LIMIT}）"
    )
    listing.set_defaults(run=run_list)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，而不是“{text}”")
    return value


def run_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        # ImportFileError / ImportRejected are DomainErrors: main() prints them to stderr, exit 1.
        from inspector.importing.enterprise_import import import_enterprises  # openpyxl only when importing

        summary = import_enterprises(workspace, Path(args.file), dry_run=args.dry_run)
    if summary.written:
        print(f"已导入 {summary.count} 家企业")
    else:
        print(f"检查通过：{summary.count} 家企业可以导入（未写入）")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        ids = workspace.enterprises.search_ids(args.search, args.town or None)
        enterprises = workspace.enterprises.get_many(ids[: args.limit])
    if not ids:
        print("没有找到企业", file=sys.stderr)
        return 0
    for enterprise in enterprises:
        print(f"{enterprise.name}\t{enterprise.credit_code}\t{enterprise.town}")
    if len(ids) > len(enterprises):
        # On stderr, so that piping the list elsewhere gets only the rows.
        print(f"…共 {len(ids)} 家，只列出前 {len(enterprises)} 家（用 --limit 调整）", file=sys.stderr)
    return 0
