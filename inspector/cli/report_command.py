"""`inspector report …`: the PDF documents (issue #5).

Each document is one subcommand made by one small `_add_…` function (its arguments and its
`run`), so another document is one more function and one line in `register`. reportlab and the
storage stack are imported inside each `run`, never at start-up.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import open_workspace
from .report_plaque_commands import register_plaque_reports


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("report", help="生成 PDF 文书：检查报告、整改通知书等 PDF documents")
    sub = parser.add_subparsers(dest="report_command", metavar="DOCUMENT", required=True)
    _add_inspection(sub)
    _add_notice(sub)
    register_plaque_reports(sub)  # plaque, plaques, summary


def _out_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, metavar="F.pdf", help="输出的 PDF 文件")


# -- report inspection ID --out F ---------------------------------------------------------------
def _add_inspection(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("inspection", help="安全生产检查报告 inspection report")
    parser.add_argument("id", metavar="ID", help="检查编号")
    _out_argument(parser)
    parser.set_defaults(run=run_inspection)


def run_inspection(args: argparse.Namespace) -> int:
    from inspector.reports.inspection_report import write_inspection_report

    with open_workspace(args) as workspace:
        path = write_inspection_report(workspace, args.id, args.out)
    print(f"已生成检查报告：{path}")
    return 0


# -- report notice ID --out F ------------------------------------------------------------------
def _add_notice(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("notice", help="文书：监督意见书、整改建议书、责令限期整改指令书或建议书（按签发时的类别）")
    parser.add_argument("id", metavar="ID", help="文书编号（如 PH-2026-3F9A-0007）或记录编号")
    _out_argument(parser)
    parser.set_defaults(run=run_notice)


def run_notice(args: argparse.Namespace) -> int:
    from inspector.reports.notice_report import write_notice

    with open_workspace(args) as workspace:
        path = write_notice(workspace, args.id, args.out)
    print(f"已生成文书：{path}")
    return 0
