"""The `inspector` entry point: a subcommand runs on the command line; no subcommand opens the window.

Kept apart from inspector.cli so that the command line never imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from inspector.cli.main import build_parser
from inspector.cli.main import main as cli_main


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return cli_main(argv)
    from inspector.ui.app import run_gui  # Qt loads only when the window is wanted

    return run_gui(args.data_dir, self_test=args.self_test)


if __name__ == "__main__":
    sys.exit(main())
