"""Rows of a big list read lazily in blocks: what the register and the ledger models share.

A list model keeps only ids; when a view asks for a row, the block of BLOCK_SIZE rows around it
is read with one query and cached, at most MAX_CACHED_BLOCKS blocks (the oldest read is dropped).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

BLOCK_SIZE = 200  # rows read per query: a screenful or several
MAX_CACHED_BLOCKS = 50  # 10,000 rows at most in memory, however far the user scrolls


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=HasId)


class RowBlocks(Generic[Row]):
    def __init__(self, fetch: Callable[[list[str]], Sequence[Row]]) -> None:
        self.fetch = fetch
        self.ids: list[str] = []
        self._blocks: dict[int, dict[str, Row]] = {}
        self.fetches = 0  # number of row queries made, for tests and measurements

    def reset(self, ids: list[str]) -> None:
        self.ids = ids
        self._blocks.clear()

    def row(self, number: int) -> Row | None:
        """The row at `number`, reading its block if needed; None if the record has gone meanwhile."""
        if not 0 <= number < len(self.ids):
            return None
        return self._block(number // BLOCK_SIZE).get(row_key(self.ids[number]))

    def cached_row_count(self) -> int:
        return sum(len(block) for block in self._blocks.values())

    def _block(self, number: int) -> dict[str, Row]:
        block = self._blocks.get(number)
        if block is None:
            rows = self.fetch(self.ids[number * BLOCK_SIZE : (number + 1) * BLOCK_SIZE])
            self.fetches += 1
            block = {row_key(row.id): row for row in rows}
            if len(self._blocks) >= MAX_CACHED_BLOCKS:
                del self._blocks[next(iter(self._blocks))]  # the oldest block read
            self._blocks[number] = block
        return block


def row_key(row_id: str) -> str:
    return row_id.replace("-", "").lower()
