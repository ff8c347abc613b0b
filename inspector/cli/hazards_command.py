"""`inspector hazards export --out F.xlsx|F.csv [filters]` and `inspector hazards figures`; record, act
and show are in hazard_lifecycle_commands."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from inspector.core.checklist import Severity
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.core.rates import format_percent
from inspector.queries.hazard_figures import GROUPINGS
from inspector.queries.hazard_ledger import LedgerFilter

from . import hazard_lifecycle_commands
from .common import open_workspace, parse_day, print_json, progress_bar


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("hazards", help="隐患台账：登记、处理、查看、导出与统计 hazard ledger")
    sub = parser.add_subparsers(dest="hazards_command", metavar="ACTION", required=True)

    export = sub.add_parser("export", help="导出隐患台账为 .xlsx 或 .csv")
    export.add_argument("--out", required=True, type=Path, help="输出文件（.xlsx 或 .csv）")
    export.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in HazardStatus],
        help="只导出该状态（可重复）；默认除已作废外全部",
    )
    export.add_argument("--severity", choices=[s.value for s in Severity], help="隐患等级")
    export.add_argument("--overdue", action="store_true", help="只导出逾期未整改的隐患")
    export.add_argument("--due-within", type=int, metavar="N", help="只导出 N 天内到期、尚未整改的隐患")
    export.add_argument("--town", help="镇街")
    export.add_argument("--inspector", help="检查人员姓名")
    export.add_argument("--from", dest="found_from", metavar="YYYY-MM-DD", help="发现日期起")
    export.add_argument("--to", dest="found_to", metavar="YYYY-MM-DD", help="发现日期止")
    export.add_argument("--year", type=int, help="发现年份")
    export.add_argument("--quiet", action="store_true", help="不显示进度（输出不是终端时只在完成时写一行）")
    export.add_argument(
        "--plain",
        action="store_true",
        help='CSV 写原始文本，供程序读取（默认把代码类单元格写成 ="…"，表格软件打开时保持为文本）',
    )
    export.set_defaults(run=run_export)

    figures = sub.add_parser("figures", help="隐患统计：发现、整改、整改率、逾期")
    figures.add_argument("--year", type=int, help="年份（默认今年）")
    figures.add_argument("--by", choices=list(GROUPINGS), help="分组：镇街、等级、类别或月份")
    figures.add_argument("--json", action="store_true", help="以 JSON 输出")
    figures.set_defaults(run=run_figures)
    hazard_lifecycle_commands.register(sub)


def ledger_filter(args: argparse.Namespace) -> LedgerFilter:
    found_from, found_to = parse_day(args.found_from, "起始日期"), parse_day(args.found_to, "截止日期")
    if args.year is not None:
        if found_from or found_to:
            raise DomainError("--year 不能与 --from/--to 同时使用")
        found_from, found_to = date(args.year, 1, 1), date(args.year, 12, 31)
    return LedgerFilter(
        statuses=tuple(HazardStatus(s) for s in args.status or ()),
        severity=Severity(args.severity) if args.severity else None,
        overdue_only=args.overdue,
        due_within_days=args.due_within,
        town=args.town,
        inspector=args.inspector,
        found_from=found_from,
        found_to=found_to,
    )


def run_export(args: argparse.Namespace) -> int:
    f = ledger_filter(args)
    with open_workspace(args) as workspace:
        ledger = workspace.ledger()
        from inspector.exporting.hazard_export import export_ledger  # openpyxl only when exporting

        count = export_ledger(
            ledger,
            f,
            args.out,
            progress_bar("导出中", args.quiet),
            author=workspace.settings.office_name,
            plain=args.plain,
        )
    print(f"已导出 {count} 条隐患到 {args.out}")
    return 0


def run_figures(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        year = workspace.year(args.year)
        rows = workspace.hazard_figures(year, args.by)
    if args.json:
        print_json({"year": year, "by": args.by, "rows": [row.as_dict() for row in rows]})
        return 0
    heading = GROUPINGS.get(args.by or "", "")
    print(f"{year} 年隐患统计" + (f"（按{heading}）" if heading else ""))
    print(f"  {'':<12}{'发现':>8}{'已整改':>8}{'整改率':>9}{'逾期':>6}")
    for row in rows:
        rate = format_percent(row.rate)
        print(f"  {row.label:<12}{row.found:>8}{row.rectified:>8}{rate:>9}{row.overdue:>6}")
    return 0
