"""`inspector stats [--year Y] [--json]`."""

from __future__ import annotations

import argparse

from inspector.core.grades import PENDING_LABEL, Grade, Light
from inspector.core.rates import format_percent
from inspector.core.training import TrainingKind

from .common import data_folder, open_workspace, print_json


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("stats", help="统计：检查、隐患、整改率、等级与亮灯 figures")
    parser.add_argument("--year", type=int, help="年份（默认今年）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from inspector.queries.stats_sql import quick_stats

    # sqlite3 alone when the database is up to date (the same SQL as the screens' figures); a
    # database to create or upgrade goes through the workspace, which does that first.
    stats = quick_stats(data_folder(args), args.year)
    if stats is None:
        with open_workspace(args) as workspace:
            stats = workspace.stats(args.year)
    if args.json:
        print_json(stats.as_dict())
        return 0
    rate = format_percent(stats.rectification_rate)
    grades = "  ".join(f"{Grade(g).label} {stats.grades[g]}" for g in "ABCD")
    lights = "  ".join(f"{Light(v).label} {stats.lights[v]}" for v in ("green", "yellow", "red"))
    lights += f"  无灯 {stats.unlit}"
    print(f"{stats.year} 年统计")
    print(f"  在册企业     {stats.enterprises}")
    print(f"  检查次数     {stats.inspections}")
    print(f"  发现隐患     {stats.hazards_found}")
    print(f"  已整改       {stats.hazards_rectified}")
    print(f"  整改率       {rate}")
    print(f"  逾期未整改   {stats.overdue}")
    print(f"  亮牌等级     {grades}  {PENDING_LABEL} {stats.grades['pending']}")
    print(f"  季度亮灯     {lights}" + (f"（{stats.quarter}）" if stats.quarter else "（本年尚无）"))
    for kind in TrainingKind:
        totals = stats.training[kind.value]
        print(f"  {kind.label}   {totals.enterprises} 家企业  {totals.workers} 人次（{totals.sessions} 次）")
    return 0
