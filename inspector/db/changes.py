"""What a committed transaction changed, and who hears of it (Anki's `OpChanges`, made automatic).

Every write goes through `Database.transaction()`. While it runs, a `ChangeRecorder` notes the
table of every INSERT/UPDATE/DELETE the connection executes (ORM flushes, Core bulk statements and
raw SQL alike) and the ids of the ORM rows a flush writes. After the commit — never before, never
after a rollback — the database hands one `Changes` value to its subscribers. Screens use it to
refresh exactly what they show; nothing else needs to remember to announce a write.

Rules:
- subscribers are called on the thread that committed; a GUI must move the call to its own thread
  (inspector/ui/common/changes.py does);
- a table written by a statement that is not an ORM flush (bulk insert, raw SQL) is in
  `Changes.tables` but its ids are unknown: `touches_row` then answers yes for every id of it.
"""

from __future__ import annotations

import re
import traceback
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# Tables that change as bookkeeping of other writes (clock high-water mark, counters); a screen
# never shows them, so a transaction that touches only these announces nothing.
BOOKKEEPING = frozenset({"meta", "alembic_version"})

_DML = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"
    r"(?:[\"`\[]?\w+[\"`\]]?\.)?[\"`\[]?(\w+)",  # `live.answers` (a staged write's schema) is answers
    re.IGNORECASE,
)


def written_table(statement: str) -> str | None:
    """The table an INSERT/UPDATE/DELETE statement writes, or None for anything else."""
    match = _DML.match(statement)
    return match.group(1).lower() if match else None


@dataclass(frozen=True, eq=True)
class Changes:
    """The tables (and, where known, the row ids) one commit changed. `everything`: a whole data
    folder was replaced (restore, demo, another program's writes): every screen reloads."""

    tables: frozenset[str] = frozenset()
    ids: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    unknown_ids: frozenset[str] = frozenset()  # tables written by bulk or raw statements
    everything: bool = False

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)

    def touches(self, *tables: str) -> bool:
        return self.everything or not self.tables.isdisjoint(tables)

    def touches_row(self, table: str, row_id: str | None) -> bool:
        """Whether the row `row_id` of `table` may have changed (yes when its ids are unknown)."""
        if self.everything:
            return True
        if table not in self.tables:
            return False
        return table in self.unknown_ids or row_id is None or row_id in self.ids.get(table, frozenset())

    def ids_of(self, table: str) -> frozenset[str]:
        return self.ids.get(table, frozenset())

    def __or__(self, other: Changes) -> Changes:
        ids = {table: self.ids_of(table) | other.ids_of(table) for table in (*self.ids, *other.ids)}
        return Changes(
            self.tables | other.tables,
            MappingProxyType(ids),
            self.unknown_ids | other.unknown_ids,
            self.everything or other.everything,
        )

    @classmethod
    def of(cls, *tables: str) -> Changes:
        """Changes to whole tables (ids unknown), e.g. for a write made outside a transaction."""
        return cls(frozenset(tables), MappingProxyType({}), frozenset(tables))

    def __repr__(self) -> str:
        if self.everything:
            return "Changes(everything)"
        shown = {table: len(self.ids_of(table)) if table not in self.unknown_ids else "?" for table in self.tables}
        return f"Changes({shown})"


EVERYTHING = Changes(everything=True)


class ChangeRecorder:
    """Collects one transaction's writes; `changes()` turns them into the announced value."""

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.unknown: set[str] = set()
        self.ids: dict[str, set[str]] = {}
        self.in_flush = False

    def statement(self, statement: str) -> None:
        table = written_table(statement)
        if table is None:
            return
        self.tables.add(table)
        if not self.in_flush:
            self.unknown.add(table)

    def row(self, table: str, row_id: object) -> None:
        if isinstance(row_id, uuid.UUID):
            self.ids.setdefault(table, set()).add(row_id.hex)
        elif row_id is not None:
            self.ids.setdefault(table, set()).add(str(row_id))

    def changes(self) -> Changes:
        tables = frozenset(self.tables - BOOKKEEPING)
        if not tables:
            return Changes()
        ids = {table: frozenset(values) for table, values in self.ids.items() if table in tables}
        return Changes(tables, MappingProxyType(ids), frozenset(self.unknown & tables))


Subscriber = Callable[[Changes], None]


class ChangeBroadcast:
    """The subscribers of one database. Called after each commit; a failing subscriber is reported
    and skipped, it never turns a committed write into an error."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber) if subscriber in self._subscribers else None

    def announce(self, changes: Changes) -> None:
        if not changes:
            return
        for subscriber in list(self._subscribers):
            try:
                subscriber(changes)
            except Exception:  # a screen's bug must not undo or hide a committed write
                traceback.print_exc()
