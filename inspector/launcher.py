"""The `inspector` entry point: a subcommand runs on the command line; no subcommand opens the window.

Decides from argv alone what to import: `--version` and `--help` load no command module, a
subcommand loads only its own (inspector/cli/registry.py), and only the window loads Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from inspector.cli.main import first_pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    known = first_pass(argv)  # `--version` prints and exits here
    if known.command is not None or known.help:
        from inspector.cli.main import main as cli_main

        return cli_main(argv)
    from inspector.ui.app import run_gui  # Qt loads only when the window is wanted

    return run_gui(known.data_dir, self_test=known.self_test)


if __name__ == "__main__":
    sys.exit(main())
