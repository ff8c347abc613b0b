"""A change set kept on disk while it travels, so memory holds one batch, not the whole set.

A push reads its rows from the laptop into a spool (no lock anywhere), then applies the spool's
batches to the central database under the push lock; a pull reads the central database's rows
into a spool inside one read-only snapshot, ends that snapshot, and only then merges the
spool's batches here. A spool is a temporary file (deleted when closed, and by the operating
system if the process dies) of pickled `(table, rows)` batches, in the order they were added.
It never leaves this process: pickle is safe here because nothing else writes the file.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO, Any

from .engine import Batch, Watermark


class Spool:
    """Batches of rows written once and read back in order (see the module doc)."""

    def __init__(self, since: Watermark = 0) -> None:
        # Closed by close() / the with block; the operating system removes it in any case.
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="inspector-sync-")  # noqa: SIM115
        self.counts: dict[str, int] = {}
        self.photo_hashes: set[str] = set()
        self.high_seq: Watermark = since
        self.max_hlc = 0

    def add(self, name: str, rows: list[dict[str, Any]], high: Watermark) -> None:
        self.high_seq = max(self.high_seq, high)
        if not rows:
            return
        pickle.dump((name, rows), self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.counts[name] = self.counts.get(name, 0) + len(rows)
        self.high_seq = max(self.high_seq, high)
        self.max_hlc = max(self.max_hlc, max((row["hlc"] for row in rows), default=0))
        if name == "photos":
            self.photo_hashes.update(row["sha256"] for row in rows)

    def batches(self) -> Iterator[Batch]:
        """The batches in the order added (may be read more than once, e.g. on a retry)."""
        self.file.flush()
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)
            except EOFError:
                return

    def is_empty(self) -> bool:
        return not self.counts

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()
