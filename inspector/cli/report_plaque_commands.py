"""`inspector report plaque|plaques|summary`: plaques and the annual summary as PDF.

Registered into the `report` command by `register_plaque_reports(report_subparsers)`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .common import open_workspace, progress_bar

if TYPE_CHECKING:
    from inspector.core.plaque import PlaqueValidity


def register_plaque_reports(sub: argparse._SubParsersAction) -> None:
    plaque = sub.add_parser("plaque", help="评估分级亮牌（一家企业）")
    plaque.add_argument("enterprise", metavar="ENTERPRISE", help="企业编号或统一社会信用代码")
    plaque.add_argument("--year", type=int, help="亮牌年度（默认今年）")
    plaque.add_argument("--out", required=True, type=Path, help="输出 PDF 文件")
    plaque.add_argument("--size", choices=["A4", "A3"], default="A4", help="纸张（横向），默认 A4")
    plaque.set_defaults(run=run_plaque)

    plaques = sub.add_parser("plaques", help="批量亮牌：某年度全部有效亮牌，每页一块")
    plaques.add_argument("--year", type=int, help="亮牌年度（默认今年）")
    plaques.add_argument("--out", required=True, type=Path, help="输出 PDF 文件")
    plaques.add_argument("--size", choices=["A4", "A3"], default="A4", help="纸张（横向），默认 A4")
    plaques.add_argument("--quiet", action="store_true", help="不显示进度")
    plaques.set_defaults(run=run_plaques)

    summary = sub.add_parser("summary", help="年度工作汇总（总体情况、等级与亮灯分布、各镇街、常见不符合项）")
    summary.add_argument("--year", type=int, help="年度（默认今年）")
    summary.add_argument("--out", required=True, type=Path, help="输出 PDF 文件")
    summary.set_defaults(run=run_summary)


def _warn_if_expired(validity: PlaqueValidity, today: date) -> None:
    from inspector.reports.plaque_report import expiry_warning

    warning = expiry_warning(validity, today)
    if warning:
        print(f"注意：{warning}", file=sys.stderr)


def run_plaque(args: argparse.Namespace) -> int:
    from inspector.reports.plaque_report import write_plaque

    with open_workspace(args) as workspace:
        today = workspace.today()
        year = workspace.year(args.year)
        write_plaque(workspace, args.enterprise, year, args.out, args.size)
        validity = workspace.plaque_validity(year)
    _warn_if_expired(validity, today)
    print(f"已生成 {year} 年度亮牌：{args.out}")
    return 0


def run_plaques(args: argparse.Namespace) -> int:
    from inspector.reports.plaque_batch import write_plaques

    with open_workspace(args) as workspace:
        today = workspace.today()
        year = workspace.year(args.year)
        count = write_plaques(workspace, year, args.out, args.size, progress_bar("生成亮牌", args.quiet))
        validity = workspace.plaque_validity(year)
    _warn_if_expired(validity, today)
    print(f"已生成 {year} 年度亮牌 {count} 块：{args.out}")
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from inspector.reports.annual_summary import write_summary

    with open_workspace(args) as workspace:
        year = workspace.year(args.year)
        write_summary(workspace, year, args.out)
    print(f"已生成 {year} 年度工作汇总：{args.out}")
    return 0
