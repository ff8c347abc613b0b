"""Entry point of `inspector`. Each subcommand lives in its own module and registers itself here.

User mistakes end with one sentence on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from inspector import __version__
from inspector.core.errors import DomainError

from . import (
    backup_command,
    central_command,
    coverage_command,
    demo_command,
    enterprises_command,
    forms_command,
    grading_command,
    hazards_command,
    keys_command,
    report_command,
    stats_command,
    sync_command,
    verify_command,
)

EXIT_USER_ERROR = 1
COMMANDS = (
    demo_command,
    stats_command,
    forms_command,
    enterprises_command,
    hazards_command,
    backup_command,
    grading_command,
    coverage_command,
    sync_command,
    central_command,
    keys_command,
    verify_command,
    report_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector",
        description="Inspector：企业安全生产检查、隐患整改跟踪与分级亮牌。Enterprise safety inspections.",
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="数据文件夹（默认：INSPECTOR_DATA_DIR 或系统的用户数据文件夹） data folder",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="启动窗口、打开数据文件夹后立即退出（安装检查用） start the window, open the data folder, exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()  # the window is opened by inspector.launcher, not here
        return 0
    try:
        return int(args.run(args) or 0)
    except DomainError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`inspector stats --json | head`): what it wanted it has. Point
        # stdout at nothing so Python's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
