"""Entry point of `inspector`. Each subcommand lives in its own module, listed in registry.py and
imported only when it runs: `inspector --version` or `inspector stats` pay for nothing else.

User mistakes end with one sentence on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from inspector import __version__

from .registry import COMMANDS, modules_for

EXIT_USER_ERROR = 1


def _global_parser(help_action: str = "help") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector",
        description="Inspector：企业安全生产检查、隐患整改跟踪与分级亮牌。Enterprise safety inspections.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action=help_action, help="show this help message and exit")
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
    return parser


def first_pass(argv: Sequence[str]) -> argparse.Namespace:
    """The global options and the command's name, without importing any command module.

    Every command is a placeholder that takes whatever follows it, so a mistake in the command's
    own options is left for the real parse; `--version` and an unknown command end here, as
    they would there. `help` is True when the top-level help was asked for."""
    parser = _global_parser(help_action="store_true")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        commands.add_parser(name, add_help=False)
    args, _rest = parser.parse_known_args(argv)
    return args


def build_parser(commands_wanted: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser with the modules of `commands_wanted` loaded (all when None); the other
    commands are placeholders that only keep their names valid choices."""
    parser = _global_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in modules_for(commands_wanted):
        importlib.import_module(module).register(commands)
    for name in COMMANDS:
        if name not in commands.choices:
            commands.add_parser(name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    known = first_pass(argv)
    # The top-level help lists every command with its help text: only then are all loaded.
    parser = build_parser(None if known.help or known.command is None else [known.command])
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()  # the window is opened by inspector.launcher, not here
        return 0
    from inspector.core.errors import DomainError

    try:
        return int(args.run(args) or 0)
    except DomainError as error:
        print(f"错误：{error.for_command_line()}", file=sys.stderr)
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
