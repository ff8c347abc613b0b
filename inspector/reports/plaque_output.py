"""Documents are written to a temporary file beside the target and moved into place at the end,
so a crash, an error or a cancelled batch never leaves a half-written PDF under the real name."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector.core.errors import DomainError


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces `out`, on any exception it is removed."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError(f"输出文件夹 {folder} 不存在")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, out)
    except PermissionError as error:
        raise DomainError(f"无法写入 {out}：{error.strerror or error}") from None
    finally:
        tmp.unlink(missing_ok=True)
