"""Every current plaque of a year in one PDF, one page each, for the office to print at once.

Cancelling: `cancelled()` is asked before every page; when it says True, `BatchCancelled` (a
DomainError) is raised and nothing is left behind: the pages went to a temporary file, which is
removed, and a file already at `out` is untouched. Progress is reported as (done, total) after
every page, starting with (0, total).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.core.errors import Cancelled, DomainError

from .plaque_keys import load_signing_key
from .plaque_output import atomic_output
from .plaque_report import TITLE, plaque_drawer
from .plaque_signing import sign_plaque

if TYPE_CHECKING:
    from inspector.workspace import Workspace


class BatchCancelled(Cancelled):
    """The user stopped the batch; no file was written."""

    def __init__(self) -> None:
        super().__init__("已取消批量生成亮牌，未写入文件")


def write_plaques(
    ws: Workspace,
    year: int,
    out: Path,
    size: str = "A4",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the year's current plaques (ordered by town, then serial) to `out`; return how many."""
    drawer = plaque_drawer(ws, size)
    records = ws.office_keys.current_plaques(year)
    if not records:
        raise DomainError(f"{year} 年没有有效亮牌，无法批量生成")
    key = load_signing_key(ws)
    drawer.demo = key.demo
    total = len(records)
    if progress:
        progress(0, total)
    with atomic_output(out) as tmp:
        canvas = drawer.canvas(
            tmp, f"{TITLE} {year}年度（{total} 块）", f"{ws.settings.office_name} {year}年度全部有效亮牌"
        )
        for done, record in enumerate(records, start=1):
            if cancelled is not None and cancelled():
                raise BatchCancelled()
            drawer.draw(canvas, record, sign_plaque(key, record))
            if progress:
                progress(done, total)
        canvas.save()
    return total
