"""What the subcommands share: opening the workspace named by --data-dir, JSON output, progress."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from inspector.core.errors import DomainError
from inspector.paths import data_dir

if TYPE_CHECKING:
    from inspector.workspace import Workspace


def data_folder(args: argparse.Namespace) -> Path:
    return data_dir(args.data_dir)


def open_workspace(args: argparse.Namespace) -> Workspace:
    # Imported here: the storage stack costs ~0.3 s, and `--version` or `--help` need none of it.
    from inspector.workspace import Workspace

    return Workspace(data_folder(args))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def progress_bar(label: str, quiet: bool = False, stream: TextIO | None = None) -> Callable[[int, int], None] | None:
    """Progress on stderr, or None when `quiet`. On a terminal, a bar redrawn in place with
    "\\r"; otherwise (a log file, a pipe) one plain line when the work is done: there every
    redraw would stay, one long line of control characters."""
    out = stream or sys.stderr
    if quiet:
        return None
    on_terminal = out.isatty()

    def show(done: int, total: int) -> None:
        if not on_terminal:
            if done >= total:
                out.write(f"{label} {done}/{total}\n")
                out.flush()
            return
        width = 30
        filled = width if total == 0 else width * done // total
        out.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            out.write("\n")
        out.flush()

    return show


def parse_day(text: str | None, what: str) -> date | None:
    """A YYYY-MM-DD option (None when not given); anything else is refused in one sentence."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError(f"{what}应为 YYYY-MM-DD 格式的日期，收到的是 “{text}”") from None
