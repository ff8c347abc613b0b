"""Interactive edits at a steady pace, timed: used by tests/test_write_discipline.py and
benchmarks/write_lock.py while a long job runs in another thread or process.

    python tests/edit_worker.py DATA_DIR STOP_FILE [--inspection ID] [--pause-ms 20]

With --inspection it answers that inspection's checklist items in turn (符合 / 不适用
alternating where allowed), as the checklist screen does; without, it adds and renames a
person in the roster (for a folder that must stay empty of inspections, as the demo's). It
prints `ready` once open, and when STOP_FILE appears prints one JSON line: the duration of
every edit in ms and the error of every edit that failed, then exits.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.core.checklist import Result
from inspector.db.models import InspectorRow
from inspector.workspace import Workspace


@dataclass
class Edits:
    """What an editor saw: every edit's duration and end time, and every failure."""

    waits_ms: list[float] = field(default_factory=list)
    ended_at: list[float] = field(default_factory=list)  # time.time() when each edit returned
    errors: list[str] = field(default_factory=list)
    last: tuple[str, str] | None = None  # (item code, result) of the last answer that succeeded

    def as_json(self) -> str:
        return json.dumps({"waits_ms": self.waits_ms, "ended_at": self.ended_at, "errors": self.errors})

    @classmethod
    def from_json(cls, line: str) -> Edits:
        data = json.loads(line)
        return cls(data["waits_ms"], data["ended_at"], data["errors"])


def edit_loop(workspace: Workspace, stop: threading.Event | Path, inspection: str | None, pause_s: float) -> Edits:
    """Edit until `stop` is set (an Event) or exists (a file)."""
    edits = Edits()
    one_edit = _answerer(workspace, inspection, edits) if inspection else _roster_editor(workspace)
    n = 0
    while not (stop.is_set() if isinstance(stop, threading.Event) else stop.exists()):
        started = time.perf_counter()
        try:
            one_edit(n)
        except Exception as error:  # a failed edit is what is being measured
            edits.errors.append(f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        else:
            edits.waits_ms.append((time.perf_counter() - started) * 1000)
            edits.ended_at.append(time.time())
        n += 1
        time.sleep(pause_s)
    return edits


def _answerer(workspace: Workspace, inspection: str, edits: Edits) -> Callable[[int], None]:
    items = workspace.inspections.template_of(inspection).items
    service = workspace.inspections

    def answer(n: int) -> None:
        item = items[n % len(items)]
        result = Result.NOT_APPLICABLE if (n // len(items)) % 2 and item.allows(Result.NOT_APPLICABLE) else Result.PASS
        service.answer(inspection, item.code, result)
        edits.last = (item.code, result.value)

    return answer


def _roster_editor(workspace: Workspace) -> Callable[[int], None]:
    person = uuid.UUID(workspace.roster.add("编辑测试"))

    def rename(n: int) -> None:  # the roster has no rename yet: the row, as a service would
        with workspace.db.transaction() as session:
            row = session.get(InspectorRow, person)
            assert row is not None
            row.office = f"第{n}次"

    return rename


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("stop_file", type=Path)
    parser.add_argument("--inspection")
    parser.add_argument("--pause-ms", type=float, default=20.0)
    args = parser.parse_args()
    workspace = Workspace(args.data_dir)
    print("ready", flush=True)
    edits = edit_loop(workspace, args.stop_file, args.inspection, args.pause_ms / 1000)
    print(edits.as_json(), flush=True)
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
