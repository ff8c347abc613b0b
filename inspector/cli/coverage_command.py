"""`inspector coverage [--year Y] [--town T]` and `inspector coverage assign ENTERPRISE INSPECTOR`;
`inspector dashboard [--year Y] [--town T] [--json] [--xlsx F]`: the manager's figures."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.core.rates import format_percent

from .common import open_workspace, print_json


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("coverage", help="检查覆盖：未检查企业（按镇街道）与任务分派 coverage planning")
    parser.add_argument("--year", type=int, help="年度（默认今年）")
    parser.add_argument("--town", help="只看该镇街道")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--summary", action="store_true", help="只显示各镇街道的统计，不列企业")
    parser.set_defaults(run=run_coverage)
    sub = parser.add_subparsers(dest="coverage_command", metavar="ACTION")
    assign = sub.add_parser("assign", help="把企业分派给检查人员（下次同步时到达其电脑）")
    assign.add_argument("enterprise", help="统一社会信用代码或企业编号")
    assign.add_argument("inspector", help="检查人员姓名或编号")
    assign.add_argument("--year", type=int, dest="assign_year", help="年度（默认今年）")
    assign.add_argument("--by", default="", help="分派人")
    assign.add_argument("--note", default="", help="备注")
    assign.set_defaults(run=run_assign)

    dash = commands.add_parser("dashboard", help="看板数据：卡片与图表的全部数字 dashboard figures")
    dash.add_argument("--year", type=int, help="年度（默认今年）")
    dash.add_argument("--town", help="只看该镇街道")
    dash.add_argument("--json", action="store_true", help="以 JSON 输出")
    dash.add_argument("--xlsx", type=Path, metavar="FILE", help="导出为 .xlsx")
    dash.set_defaults(run=run_dashboard)


def run_coverage(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        year = workspace.year(args.year)
        coverage = workspace.coverage.coverage(year, args.town)
    if args.json:
        print_json(
            {
                "year": year,
                "towns": [t.as_dict() for t in coverage.towns],
                "total": coverage.total.as_dict(),
                "uninspected": [] if args.summary else [u.as_dict() for u in coverage.uninspected],
            }
        )
        return 0
    print(f"{year} 年度检查覆盖" + (f"（{args.town}）" if args.town else ""))
    print(f"  {'镇街道':<10}{'企业':>7}{'已检查':>7}{'覆盖率':>8}{'已分派':>7}{'未分派':>7}")
    for t in (*coverage.towns, coverage.total):
        rate = format_percent(t.percent)
        print(f"  {t.town:<10}{t.enterprises:>7}{t.inspected:>7}{rate:>8}{t.assigned:>7}{t.unassigned:>7}")
    if not args.summary:
        print(f"尚未检查的企业（{len(coverage.uninspected)} 家）：")
        for u in coverage.uninspected:
            print(f"  {u.town:<8}{u.name:<28}{u.credit_code:<20}{u.inspector or '未分派'}")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        year = workspace.year(args.assign_year or args.year)
        workspace.coverage.assign(args.enterprise, args.inspector, year, args.by, args.note)
    print(f"已将 {args.enterprise} 分派给 {args.inspector}（{year} 年度）")
    return 0


def run_dashboard(args: argparse.Namespace) -> int:
    from inspector.queries.dashboard import dashboard

    with open_workspace(args) as workspace:
        today = workspace.today()
        figures = dashboard(workspace.db, args.year or today.year, today, args.town)
        if args.xlsx:
            from inspector.exporting.dashboard_export import export_dashboard

            export_dashboard(figures, args.xlsx)
    if args.json:
        print_json(figures.as_dict())
    elif args.xlsx:
        print(f"已导出看板数据到 {args.xlsx}")
    else:
        from inspector.exporting.dashboard_export import overview_rows

        for label, value in overview_rows(figures):
            print(f"  {label:<12}{'—' if value is None else value}")
    return 0
