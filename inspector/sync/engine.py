"""The merge engine every transport shares (bundles, the central server): no Qt, no files.

Public API (stable; transports call only these):

- `collect_changes(session, since) -> ChangeSet`: every syncable row whose local change
  sequence is above `since` (0 = everything), tombstones included. `ChangeSet.high_seq` is the
  mark to remember for that peer once the changes are delivered.
- `apply_changes(session, changes, timezone=..., today=None) -> ApplyReport`: merge a ChangeSet
  into the database inside the caller's transaction (`with db.transaction() as s:`): one
  transaction per sync, all or nothing. Photo files must be in place first
  (`transfer_photos(changes, source, sink)`): rows name photos by content hash, bytes travel
  beside them.
- `SYNC_TABLES`, `LOCAL_COLUMNS`, `canonical_dump(session)`: what syncs, and a comparable dump.

Works on any SQLAlchemy Session bound to SQLite or PostgreSQL with the same models (Core
statements only, plus `refresh_enterprise` for lights). The session should carry
`session.info["device_id"]` (Database.transaction sets it) for the rows sync derives itself.

Merge rules (docs/sync.md says the same for people):

1. Versions. Every row version has `hlc` (hybrid logical clock), `device_id` (its writer) and
   `base_hlc` (the foreign version it was edited from). Of two versions of one row, the one
   with the larger `(hlc, device_id)` wins (last writer wins; the device id breaks ties).
   Neither the order of arrival nor repetition changes the result: deterministic, commutative,
   idempotent.
2. Conflicts. If neither version descends from the other (incoming `base_hlc` is not the local
   `hlc`, nor the reverse, and they come from different devices) and their contents differ, the
   loser is stored in `sync_conflicts` for a manager to review (inspector/sync/conflicts.py):
   nothing is silently overwritten. Conflict records are synced like any row, with a content id
   and their own order (inspector/sync/conflict_records.py): found twice is one record,
   resolved once is resolved everywhere.
3. Deletions travel as tombstones (table `tombstones`, id = the deleted row's id), are never
   removed, and win: a deleted row is never brought back. A concurrent edit of the deleted row
   is kept as a conflict.
4. Natural keys. Two devices may create "the same" record under different ids (the same credit
   code, template code+version, answer of one item, signature role, light of a quarter,
   assignment of a year, photo content, plaque serial, training of a kind on a day, link
   rows...). The row with the smaller UUID keeps the record; the other id becomes an alias (a
   tombstone with `merged_into`), every reference to it is remapped (cascading into children
   whose own natural keys then meet), and the content is the winning version of rule 1 among
   both. Aliases always name the final winner
   (an alias's target that becomes an alias itself is replaced by its winner), so copies that
   learnt a chain of merges in different orders store the same tombstones.
5. Append-only tables (hazard_events, amendments, hazard_event_photos) merge by union. Their
   order is causal, never the wall clock: each entry carries `follows` (the entry its writer saw
   last) and `stamp` (the HLC of its creation); inspector/core/causal_history.py orders them the
   same way on every copy (rows from version-1 bundles, which lack both, get `stamp = hlc` and
   no `follows`). Events of one hazard are renumbered `seq = 1..n` in that order, and the
   hazard's mirrored status, deadline, rectified_on, closed_on and major-hazard track
   (severity, major_status, major_clause) are derived again from the
   merged history (inspector/core/hazard_history.py: concurrent steps are both kept; the branch
   begun last decides the status); then the enterprise's light (and plaque downgrade) is
   refreshed.
6. Rows the merge rewrites deterministically (remapped references, renumbered events, derived
   hazard fields, re-aimed aliases, plaques no longer current by rule 8) keep their `hlc`:
   every device does the same rewrite, so they agree.
7. The receive rule first: the clock observes the largest incoming `hlc` before the merge
   writes anything, so what it derives orders after what it was derived from.
8. One current plaque per enterprise and year: of several, the one whose version wins by
   rule 1 stays current, the others are marked not current and kept as conflicts
   (`settle_plaques`).
9. Field-level merge for records people edit field by field (tables with `field_versions`:
   enterprises, inspectors, assignments): each field by its own `(hlc, device)` stamp, the
   loser of a field both sides changed kept as a conflict naming that field
   (inspector/sync/field_merge.py).
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol

from sqlalchemy import Table, and_, bindparam, delete, func, insert, literal_column, or_, select, tuple_, update
from sqlalchemy.orm import Session

from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.dates import today as today_in
from inspector.core.errors import DomainError
from inspector.core.hazard_history import mirrored, replay_merged
from inspector.core.inspection_number import number_from_id
from inspector.db import hlc as clock
from inspector.db.database import HLC_HIGH
from inspector.db.field_versions import COLUMN as FIELD_VERSIONS
from inspector.db.models import Base, Meta, TombstoneRow
from inspector.queries.hazard_events import load_histories
from inspector.services.grading_follow import refresh_enterprise

from . import conflict_records
from .field_merge import merge_versions

Watermark = int
"""A peer's mark: the sender's `changed_seq` up to which changes were delivered (0 = none)."""

LOCAL_COLUMNS = ("changed_seq", "synced_hlc")
"""Columns that never leave the database: they describe this copy, not the record."""

META_COLUMNS = ("id", "created_at", "updated_at", "device_id", "hlc", "base_hlc", *LOCAL_COLUMNS)

# What two versions must differ in to be a conflict (rule 2). Lights are derived (from hazards
# and inspections) and recomputed by the next refresh: never a conflict, the later one wins.
# Derived hazard fields and event numbers follow from the merged history, so a difference only
# there is not a disagreement between people. A photo is its content: the same sha256 under
# another file name (or with other metadata read from the same bytes) is the same photo.
DERIVED_TABLES = frozenset({"lights"})
DERIVED_COLUMNS: dict[str, frozenset[str]] = {
    "hazards": frozenset({"status", "deadline", "rectified_on", "closed_on"}),
    "hazard_events": frozenset({"seq"}),
}
CONTENT_COLUMNS: dict[str, tuple[str, ...]] = {"photos": ("sha256",)}
MERGE_DEVICE = "merge"
CHUNK = 900
BATCH = 5000  # rows per batch when a set is read or merged a piece at a time

Batch = tuple[str, list[dict[str, Any]]]
"""(table name, rows) — a piece of a change set (see `iter_changes`, `apply_batches`)."""

# Natural keys (unique constraints other than the id). The first string column is the one
# given a temporary value while a row is renamed to the winning id.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "enterprises": ("credit_code",),
    "templates": ("code", "version"),
    "answers": ("item_code", "inspection_id"),
    "signatures": ("role", "inspection_id"),
    "lights": ("quarter", "enterprise_id"),
    "assignments": ("enterprise_id", "year"),
    "photos": ("sha256",),
    "plaques": ("serial",),
    "notices": ("number",),
    "office_keys": ("public_key",),
    "inspection_inspectors": ("inspection_id", "inspector_id"),
    "answer_photos": ("answer_id", "photo_id"),
    "hazard_event_photos": ("event_id", "photo_id"),
    "notice_hazards": ("notice_id", "hazard_id"),
    "trainings": ("enterprise_id", "kind", "held_on"),
    "training_photos": ("training_id", "photo_id"),
}


def _tracked_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if "hlc" in t.c and t.name != TombstoneRow.__tablename__]


SYNC_TABLES: tuple[str, ...] = (TombstoneRow.__tablename__, *(t.name for t in _tracked_tables()))
"""Every synced table, in the order changes are applied (tombstones, then parents before children)."""


class SyncError(DomainError):
    """Changes that cannot be applied; the database is left as it was."""


@dataclass
class ChangeSet:
    """Rows to send: table name → rows as column → Python value (without LOCAL_COLUMNS)."""

    origin_device: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    high_seq: Watermark = 0
    since: Watermark = 0

    @property
    def photo_hashes(self) -> list[str]:
        """Content hashes of the photos whose rows travel in this set: their bytes must travel too."""
        return sorted({row["sha256"] for row in self.tables.get("photos", [])})

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items() if rows}

    def is_empty(self) -> bool:
        return not any(self.tables.values())


class PhotoSource(Protocol):
    """Where a transport reads photo bytes by content hash (a folder, a bundle, the server)."""

    def read_photo(self, sha256: str) -> bytes | None: ...


class PhotoSink(Protocol):
    def has_photo(self, sha256: str) -> bool: ...

    def write_photo(self, sha256: str, data: bytes) -> None: ...


@dataclass
class ApplyReport:
    """What a merge did, per table: for the summary a user sees after a sync."""

    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    merged: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: int = 0  # conflicts new to this copy: found by this merge or found elsewhere and received
    high_hlc: int = 0

    def add(self, kind: str, table: str, n: int = 1) -> None:
        counter: dict[str, int] = getattr(self, kind)
        counter[table] = counter.get(table, 0) + n

    @property
    def changed(self) -> int:
        return (
            sum(self.inserted.values())
            + sum(self.updated.values())
            + sum(self.deleted.values())
            + sum(self.merged.values())
        )


# -- collecting ---------------------------------------------------------------------------------
def iter_changes(
    session: Session, since: Watermark = 0, *, skip_synced: bool = False, batch: int = BATCH
) -> Iterator[tuple[str, list[dict[str, Any]], Watermark]]:
    """Every syncable row changed here after `since`, as `(table, rows, high)` batches of at
    most `batch` rows in SYNC_TABLES order; `high` is the largest change sequence read so far
    (the mark once all is delivered). Rows are read in change order, a page at a time.

    `skip_synced` (a push to the home central database): rows whose version is still the one
    that arrived from it (`synced_hlc = hlc`) are left out; the mark still moves past them."""
    high = since
    for name in SYNC_TABLES:
        table = Base.metadata.tables[name]
        columns = [c for c in table.c if c.name not in LOCAL_COLUMNS]
        if skip_synced:
            top = session.scalar(select(func.max(table.c.changed_seq)).where(table.c.changed_seq > since))
            if top is not None and top > high:
                high = top
                yield name, [], high  # the mark moves past rows left out, even if none is sent
        # Keyset pages on (changed_seq, tie-break): a staged merge gives every row it copies one
        # change sequence, so the sequence alone does not say where a page ends. The tie-break
        # is what the changed_seq index is ordered by after the sequence: SQLite's rowid (no
        # sort per page), elsewhere the id (PostgreSQL sorts only the ties, incrementally).
        tie = literal_column("rowid") if session.get_bind().dialect.name == "sqlite" else table.c.id
        position: tuple[Any, Any] | None = None
        while True:
            query = select(*columns, table.c.changed_seq, tie.label("_tie")).where(table.c.changed_seq > since)
            if skip_synced:
                query = query.where(or_(table.c.synced_hlc.is_(None), table.c.synced_hlc != table.c.hlc))
            if position is not None:  # the plain bound too: it is what an index range uses
                query = query.where(
                    table.c.changed_seq >= position[0], tuple_(table.c.changed_seq, tie) > tuple_(*position)
                )
            query = query.order_by(table.c.changed_seq, tie).limit(batch)
            page = [row._asdict() for row in session.execute(query)]
            if not page:
                break
            position = (page[-1]["changed_seq"], page[-1]["_tie"])
            high = max(high, position[0])
            for row in page:
                del row["changed_seq"], row["_tie"]
            yield name, page, high
            if len(page) < batch:
                break


def collect_changes(
    session: Session, since: Watermark = 0, origin_device: str | None = None, *, skip_synced: bool = False
) -> ChangeSet:
    """Every syncable row changed here after `since` (its newest version), tombstones included
    (see `iter_changes`, which reads the same in batches)."""
    device = origin_device or session.info.get("device_id") or ""
    changes = ChangeSet(origin_device=device, since=since, high_seq=since)
    for name, rows, high in iter_changes(session, since, skip_synced=skip_synced, batch=1 << 62):
        if rows:
            changes.tables.setdefault(name, []).extend(rows)
        changes.high_seq = max(changes.high_seq, high)
    return changes


def transfer_photos(changes: ChangeSet, source: PhotoSource, sink: PhotoSink) -> int:
    """Copy the set's photos the sink lacks; refuses (before any row is applied) if one is missing."""
    copied = 0
    for sha in changes.photo_hashes:
        if sink.has_photo(sha):
            continue
        data = source.read_photo(sha)
        if data is None:
            raise SyncError(f"同步数据缺少照片 {sha[:12]}…，未导入任何内容")
        sink.write_photo(sha, data)
        copied += 1
    return copied


def canonical_dump(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table without local bookkeeping, sorted: equal on devices that agree."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    for name in SYNC_TABLES:
        table = Base.metadata.tables[name]
        columns = [c for c in table.c if c.name not in LOCAL_COLUMNS]
        # Ordered by id first (every row has one): other columns may mix None and values.
        rows = [tuple(row) for row in session.execute(select(*columns))]
        at = [c.name for c in columns].index("id")
        dump[name] = sorted(rows, key=lambda row: (row[at], tuple((v is None, str(v)) for v in row)))
    return dump


# -- applying -----------------------------------------------------------------------------------
def apply_changes(
    session: Session,
    changes: ChangeSet,
    timezone: str = DEFAULT_TIMEZONE,
    today: date | None = None,
    *,
    derive_lights: bool = True,
    mark_synced: bool = False,
) -> ApplyReport:
    """Merge `changes` into the database inside the caller's transaction (see the module rules).

    `derive_lights=False` (the central database): lights are stored as laptops send them, never
    recomputed there. `mark_synced=True` (a pull from the home server): every incoming version
    taken here is noted in `synced_hlc`, so the next push does not send it back (no echo)."""
    merger = _Merger(session, timezone, today or today_in(timezone), derive_lights, mark_synced)
    merger.apply(changes)
    return merger.report


def apply_batches(
    session: Session,
    batches: Iterable[Batch],
    timezone: str = DEFAULT_TIMEZONE,
    today: date | None = None,
    *,
    derive_lights: bool = True,
    mark_synced: bool = False,
) -> ApplyReport:
    """`apply_changes` for a set too large to hold at once: `(table, rows)` batches in
    SYNC_TABLES order (as `iter_changes` yields them), merged in the caller's transaction."""
    merger = _Merger(session, timezone, today or today_in(timezone), derive_lights, mark_synced)
    merger.apply_batches(batches)
    return merger.report


def remember_high_hlc(session: Session, high: int) -> None:
    """Keep the highest version ever received (meta HLC_HIGH): the clock starts past it next time."""
    meta = Base.metadata.tables[Meta.__tablename__]
    current = session.scalar(select(meta.c.value).where(meta.c.key == HLC_HIGH))
    if current is None:
        session.execute(insert(meta).values(key=HLC_HIGH, value=str(high)))
    elif int(current) < high:
        session.execute(update(meta).where(meta.c.key == HLC_HIGH).values(value=str(high)))


def _version(row: dict[str, Any]) -> tuple[int, str]:
    return (row["hlc"], row["device_id"])


def _content(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """The fields two versions are compared on for a conflict (see DERIVED_COLUMNS)."""
    if table.name in CONTENT_COLUMNS:
        return {name: row[name] for name in CONTENT_COLUMNS[table.name]}
    derived = DERIVED_COLUMNS.get(table.name, frozenset())
    return {c.name: row[c.name] for c in table.c if c.name not in META_COLUMNS and c.name not in derived}


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Merger:
    def __init__(self, session: Session, timezone: str, today: date, derive_lights: bool, mark_synced: bool) -> None:
        self.session = session
        self.derive_lights = derive_lights
        self.mark_synced = mark_synced
        self.timezone = timezone
        self.today = today
        self.report = ApplyReport()
        tombs = Base.metadata.tables[TombstoneRow.__tablename__]
        self.alias: dict[uuid.UUID, uuid.UUID] = {}
        self.deleted: set[uuid.UUID] = set()
        for row_id, target in session.execute(select(tombs.c.id, tombs.c.merged_into)):
            if target is None:
                self.deleted.add(row_id)
            else:
                self.alias[row_id] = target
        self.touched_hazards: set[uuid.UUID] = set()
        self.temp_seq = -1_000_000
        # table name → [(child table, fk column)] of the foreign keys that reference its id
        self.children: dict[str, list[tuple[Table, str]]] = {}
        for table in _tracked_tables():
            for fk in table.foreign_keys:
                if fk.column.name == "id":
                    self.children.setdefault(fk.column.table.name, []).append((table, fk.parent.name))

    # -- helpers --------------------------------------------------------------------------------
    def resolve(self, row_id: uuid.UUID | None) -> uuid.UUID | None:
        seen = 0
        while row_id is not None and row_id in self.alias and seen < 64:
            row_id, seen = self.alias[row_id], seen + 1
        return row_id

    def fetch(self, table: Table, row_id: uuid.UUID) -> dict[str, Any] | None:
        row = self.session.execute(select(table).where(table.c.id == row_id)).first()
        return row._asdict() if row else None

    def fetch_many(self, table: Table, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
        found: dict[uuid.UUID, dict[str, Any]] = {}
        for part in _chunks(ids):
            for row in self.session.execute(select(table).where(table.c.id.in_(part))):
                found[row.id] = row._asdict()
        return found

    def by_natural_key(self, table: Table, rows: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any]]:
        """The local rows holding the natural keys of `rows`. Looked up through the unique
        index of the key: by its leading column (the reference column when it has one: an
        answer by its inspection, a light by its enterprise; a few rows each), then matched on
        the whole key. A row-value `IN` of whole keys would read the same rows on PostgreSQL,
        but SQLite answers it by scanning the table."""
        key = NATURAL_KEYS[table.name]
        wanted = {tuple(row[c] for c in key) for row in rows}
        lead = next((k for k in key if table.c[k].foreign_keys), key[0])
        values = sorted({k[key.index(lead)] for k in wanted}, key=str)
        found: dict[tuple[Any, ...], dict[str, Any]] = {}
        for part in _chunks(values):
            for row in self.session.execute(select(table).where(table.c[lead].in_(part))):
                found_row = row._asdict()
                full = tuple(found_row[k] for k in key)
                if full in wanted:
                    found[full] = found_row
        return found

    def conflict(self, table: Table, kept: dict[str, Any], lost: dict[str, Any]) -> None:
        """A whole row version that lost to a concurrent one (rule 2)."""
        version = {k: _jsonable(v) for k, v in lost.items() if k not in LOCAL_COLUMNS}
        row_id = min(kept["id"], lost["id"], key=lambda i: i.int)
        self.keep_conflict(conflict_records.found(table.name, row_id, "", _version(kept), _version(lost), version))

    def keep_conflict(self, record: dict[str, Any]) -> None:
        """Store a conflict found here, merged with the copy's record of it (conflict_records)."""
        conflicts = Base.metadata.tables[conflict_records.TABLE]
        local = self.fetch(conflicts, record["id"])
        if local is None:
            self.session.execute(insert(conflicts).values(**record))
        elif conflict_records.order(record) > conflict_records.order(local):
            self.update_row(conflicts, record["id"], record)
        else:
            return
        self.report.conflicts += 1

    def reconcile(
        self, table: Table, local: dict[str, Any], incoming: dict[str, Any], related: bool
    ) -> dict[str, Any] | None:
        """The row to store for two versions (None: `local` stays as it is)."""
        if table.name == conflict_records.TABLE:
            return incoming if conflict_records.order(incoming) > conflict_records.order(local) else None
        if FIELD_VERSIONS not in table.c:
            return incoming if self.compete(table, local, incoming, related) else None
        columns = [c.name for c in table.c if c.name not in LOCAL_COLUMNS]
        merged, lost = merge_versions(columns, local, incoming, related)
        row_id = min(local["id"], incoming["id"], key=lambda i: i.int)
        for loss in lost:
            self.keep_conflict(
                conflict_records.found(
                    table.name, row_id, loss.field, loss.kept[:2], loss.lost[:2], {loss.field: _jsonable(loss.value)}
                )
            )
        if all(merged[c] == local[c] for c in columns if c != "id"):
            return None
        return merged

    def compete(self, table: Table, local: dict[str, Any], incoming: dict[str, Any], related: bool) -> bool:
        """True if `incoming` replaces `local`. `related`: versions of one row (rule 2 applies);
        False for two rows merged on their natural key (always concurrent)."""
        vin, vloc = _version(incoming), _version(local)
        if vin == vloc:
            return False
        take = vin > vloc
        if table.name not in DERIVED_TABLES and _content(table, incoming) != _content(table, local):
            descends = related and (
                incoming["base_hlc"] == local["hlc"]
                or local["base_hlc"] == incoming["hlc"]
                or incoming["device_id"] == local["device_id"]
            )
            if not descends:
                self.conflict(table, incoming if take else local, local if take else incoming)
        return take

    def write_alias(self, table: Table, loser: dict[str, Any], winner_id: uuid.UUID, winner_hlc: int) -> None:
        """The loser id becomes an alias of the winner: the same tombstone on every device."""
        stamp = max(loser["hlc"], winner_hlc)
        tombs = Base.metadata.tables[TombstoneRow.__tablename__]
        winner_id = self.resolve(winner_id) or winner_id
        self.alias[loser["id"]] = winner_id
        self.repoint(loser["id"], winner_id)
        # Every field follows from the version: copies that make this alias agree on all of it
        # (the loser's own times may differ between copies once a renamed copy of it exists).
        moment = datetime.fromtimestamp(clock.physical_ms(stamp) / 1000, UTC)
        values = {
            "table_name": table.name,
            "merged_into": winner_id,
            "deleted_at": moment,
            "created_at": moment,
            "updated_at": moment,
            "device_id": MERGE_DEVICE,
            "hlc": stamp,
            "base_hlc": 0,
        }
        existing = self.fetch(tombs, loser["id"])
        if existing is None:
            self.session.execute(insert(tombs).values(id=loser["id"], **values))
        elif (existing["hlc"], existing["device_id"]) < (stamp, MERGE_DEVICE):
            self.session.execute(update(tombs).where(tombs.c.id == loser["id"]).values(**values))
        self.report.add("merged", table.name)

    def update_row(self, table: Table, row_id: uuid.UUID, values: dict[str, Any]) -> None:
        values = {k: v for k, v in values.items() if k not in ("id", *LOCAL_COLUMNS)}
        self.session.execute(update(table).where(table.c.id == row_id).values(**values))

    # -- natural-key merges ---------------------------------------------------------------------
    def merge_rows(self, table: Table, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
        """Two local rows that are one record: the smaller id survives with the winning content."""
        winner, loser = (a, b) if a["id"].int < b["id"].int else (b, a)
        merged = self.reconcile(table, winner, loser, related=False)
        self.write_alias(table, loser, winner["id"], winner["hlc"])
        self.move_children(table, loser["id"], winner["id"])
        self.session.execute(delete(table).where(table.c.id == loser["id"]))
        if merged is not None:
            keep_key = {k: winner[k] for k in NATURAL_KEYS.get(table.name, ())}
            self.update_row(table, winner["id"], {**merged, **keep_key})
            winner = {**merged, **keep_key, "id": winner["id"]}
        self.after_row_change(table, winner)
        return winner

    def repoint(self, old: uuid.UUID, new: uuid.UUID) -> None:
        """Aliases naming `old`, which has just become an alias itself, name its winner instead:
        every copy then stores the same, fully resolved aliases whatever order it learnt them in
        (a deterministic rewrite: the tombstones keep their `hlc`)."""
        tombs = Base.metadata.tables[TombstoneRow.__tablename__]
        self.session.execute(update(tombs).where(tombs.c.merged_into == old).values(merged_into=new))

    def rename(self, table: Table, row: dict[str, Any], new_id: uuid.UUID) -> dict[str, Any]:
        """Give a local row the winning id: copy under the new id, move references, drop the old."""
        key = NATURAL_KEYS.get(table.name, ())
        temp_col = next((k for k in key if isinstance(row[k], str)), None)
        if temp_col is not None:
            length = getattr(table.c[temp_col].type, "length", None) or 33
            temp = ("#" + row["id"].hex)[:length]
            self.session.execute(update(table).where(table.c.id == row["id"]).values({temp_col: temp}))
        copy = {k: v for k, v in row.items() if k not in LOCAL_COLUMNS}
        copy["id"] = new_id
        self.session.execute(insert(table).values(**copy))
        self.move_children(table, row["id"], new_id)
        self.session.execute(delete(table).where(table.c.id == row["id"]))
        return {**row, "id": new_id}

    def move_children(self, table: Table, old: uuid.UUID, new: uuid.UUID) -> None:
        for child, column in self.children.get(table.name, []):
            rows = [r._asdict() for r in self.session.execute(select(child).where(child.c[column] == old))]
            key = NATURAL_KEYS.get(child.name, ())
            for row in rows:
                if column in key:
                    moved = {**row, column: new}
                    clash = self.session.execute(
                        select(child).where(and_(*(child.c[k] == moved[k] for k in key)), child.c.id != row["id"])
                    ).first()
                    if clash is not None:
                        survivor = self.merge_rows(child, clash._asdict(), row)
                        if survivor["id"] == row["id"]:
                            self.session.execute(update(child).where(child.c.id == row["id"]).values({column: new}))
                        continue
                self.session.execute(update(child).where(child.c.id == row["id"]).values({column: new}))
                if child.name == "hazard_events" or child.name == "hazards":
                    self.touched_hazards.add(row["hazard_id"] if child.name == "hazard_events" else row["id"])

    def after_row_change(self, table: Table, row: dict[str, Any]) -> None:
        if table.name == "hazards":
            self.touched_hazards.add(row["id"])
        elif table.name == "hazard_events":
            self.touched_hazards.add(row["hazard_id"])

    # -- the merge ------------------------------------------------------------------------------
    def apply(self, changes: ChangeSet) -> None:
        unknown = set(changes.tables) - set(SYNC_TABLES)
        if unknown:
            raise SyncError(f"同步数据含有未知的表：{'、'.join(sorted(unknown))}")
        high = 0
        for rows in changes.tables.values():
            for row in rows:
                high = max(high, row["hlc"])
        # The receive rule first: rows this merge writes itself (lights, derived hazard fields)
        # are edits made after seeing every incoming version, so they must order after them.
        clock.observe(high)
        self.apply_batches((name, changes.tables[name]) for name in SYNC_TABLES if changes.tables.get(name))

    def apply_batches(self, batches: Iterable[Batch]) -> None:
        """Merge batches of rows, tables in SYNC_TABLES order (a table may come in several
        batches): memory stays that of one batch, whatever the size of the whole set. Each
        batch's versions are observed before it is written; derived rows are written at the end,
        after every batch was seen (rule 7)."""
        high = 0
        plaques = False
        for name, rows in batches:
            if name not in SYNC_TABLES:
                raise SyncError(f"同步数据含有未知的表：{name}")
            batch_high = max((row["hlc"] for row in rows), default=0)
            clock.observe(batch_high)
            high = max(high, batch_high)
            if name == TombstoneRow.__tablename__:
                self.apply_tombstones(rows)
            else:
                self.apply_table(Base.metadata.tables[name], rows)
            plaques = plaques or name == "plaques"
        if plaques:
            self.settle_plaques()
        self.finish_hazards()
        if high:
            remember_high_hlc(self.session, high)
        self.report.high_hlc = high

    def apply_tombstones(self, rows: list[dict[str, Any]]) -> None:
        tombs = Base.metadata.tables[TombstoneRow.__tablename__]
        existing = self.fetch_many(tombs, [r["id"] for r in rows])
        for row in sorted(rows, key=_version):
            row = {k: v for k, v in row.items() if k not in LOCAL_COLUMNS}
            if row["merged_into"] is not None:  # an alias names the final winner (see repoint)
                row = {**row, "merged_into": self.resolve(row["merged_into"])}
            local = existing.get(row["id"])
            if local is not None:
                if _version(row) > _version(local):
                    self.update_row(tombs, row["id"], row)
                    if row["merged_into"] is not None:
                        self.alias[row["id"]] = row["merged_into"]
                        self.repoint(row["id"], row["merged_into"])
                continue
            marked = {"synced_hlc": row["hlc"]} if self.mark_synced else {}
            self.session.execute(insert(tombs).values(**row, **marked))
            existing[row["id"]] = row
            if row["table_name"] not in SYNC_TABLES[1:]:  # local-only tables never travel
                raise SyncError(f"同步数据中有一条删除记录指向不能同步的表 “{row['table_name']}”，未导入任何内容")
            target_table = Base.metadata.tables[row["table_name"]]
            if row["merged_into"] is None:
                self.deleted.add(row["id"])
                victim = self.fetch(target_table, row["id"])
                if victim is not None:
                    if victim["hlc"] > row["hlc"] and victim["device_id"] != row["device_id"]:
                        self.conflict(
                            target_table, {**victim, "hlc": row["hlc"], "device_id": row["device_id"]}, victim
                        )
                    self.session.execute(delete(target_table).where(target_table.c.id == row["id"]))
                    self.report.add("deleted", target_table.name)
                    self.after_row_change(target_table, victim)
                continue
            self.alias[row["id"]] = row["merged_into"]
            self.repoint(row["id"], row["merged_into"])
            loser = self.fetch(target_table, row["id"])
            if loser is None:
                continue
            winner_id = self.resolve(row["merged_into"])
            assert winner_id is not None
            winner = self.fetch(target_table, winner_id)
            if winner is None:
                self.rename(target_table, loser, winner_id)
            else:
                self.merge_rows(target_table, winner, loser)
            self.report.add("merged", target_table.name)

    def apply_table(self, table: Table, incoming: list[dict[str, Any]]) -> None:
        fks = [fk.parent.name for fk in table.foreign_keys if fk.column.name == "id"]
        linked = "follows" in table.c
        stamped = FIELD_VERSIONS in table.c
        # 1. map ids and references through aliases; drop deleted rows; one version per id
        latest: dict[uuid.UUID, dict[str, Any]] = {}
        for original in incoming:
            row = dict(original)
            for column in LOCAL_COLUMNS:
                row.pop(column, None)
            if linked and "stamp" not in row:  # written before histories were linked (rule 5)
                row["stamp"], row["follows"] = row["hlc"], None
            if stamped:  # written before fields had versions: every field as of the row (rule 9)
                row.setdefault(FIELD_VERSIONS, None)
            if table.name == "inspections" and not row.get("number"):  # from a copy without numbers
                row["number"] = number_from_id(row["id"], row["inspection_date"].year)
            if table.name == "photos" and "derived_from" not in row:  # from a copy without versions
                row["derived_from"], row["markup"] = None, None
            row["id"] = self.resolve(row["id"])
            if row["id"] in self.deleted:
                continue
            for column in fks:
                row[column] = self.resolve(row[column])
            other = latest.get(row["id"])
            latest[row["id"]] = row if other is None else (self.reconcile(table, other, row, related=True) or other)
        rows = list(latest.values())
        # 2. one row per natural key within the batch (the smaller id; the winning content)
        key = NATURAL_KEYS.get(table.name)
        if key:
            by_key: dict[tuple[Any, ...], dict[str, Any]] = {}
            for row in sorted(rows, key=lambda r: r["id"].int):
                k = tuple(row[c] for c in key)
                first = by_key.get(k)
                if first is None:
                    by_key[k] = row
                    continue
                merged = self.reconcile(table, first, row, related=False)
                self.write_alias(table, row, first["id"], first["hlc"])
                if merged is not None:
                    by_key[k] = {**merged, "id": first["id"]}
            rows = list(by_key.values())
        # 3. against the database: same id → newer version wins; same natural key → merge
        existing = self.fetch_many(table, [r["id"] for r in rows])
        fresh = [r for r in rows if r["id"] not in existing]
        clashes = self.by_natural_key(table, fresh) if key and fresh else {}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for row in rows:
            local = existing.get(row["id"])
            if local is None and key:
                local = clashes.get(tuple(row[c] for c in key))
                if local is not None and local["id"] != row["id"]:
                    self.merge_with_local(table, local, row)
                    continue
            if local is None:
                if table.name == "hazard_events":
                    row = {**row, "seq": self.next_temp_seq()}
                inserts.append(row)
                self.after_row_change(table, row)
            elif (merged := self.reconcile(table, local, row, related=True)) is not None:
                if table.name == "hazard_events":
                    merged = {**merged, "seq": local["seq"]}  # the number is derived locally (rule 5)
                updates.append(merged)
                self.after_row_change(table, merged)
            else:
                self.report.unchanged += 1
        if self.mark_synced:
            inserts = [{**row, "synced_hlc": row["hlc"]} for row in inserts]
            updates = [{**row, "synced_hlc": row["hlc"]} for row in updates]
        # A row naming another row of its own table (a marked-up photo its original) goes in
        # after the rows it names: the foreign key is checked row by row.
        own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
        if own:
            inserts.sort(key=lambda row: any(row.get(column) is not None for column in own))
        for part in _chunks(inserts, 5000):
            self.session.execute(insert(table), part)
        if inserts:
            self.report.add("inserted", table.name, len(inserts))
            if table.name == conflict_records.TABLE:  # found on another copy: news here too
                self.report.conflicts += sum(1 for r in inserts if r["resolved_at"] is None)
        if updates:
            columns = [c.name for c in table.c if c.name not in ("id", *LOCAL_COLUMNS)]
            if self.mark_synced:
                columns.append("synced_hlc")
            statement = (
                update(table).where(table.c.id == bindparam("b_id")).values({c: bindparam(f"b_{c}") for c in columns})
            )
            params = [{f"b_{c}": row[c] for c in ("id", *columns)} for row in updates]
            self.session.connection().execute(statement, params)
            self.report.add("updated", table.name, len(updates))

    def merge_with_local(self, table: Table, local: dict[str, Any], row: dict[str, Any]) -> None:
        """An incoming row whose natural key a different local row holds (rule 4)."""
        if local["id"].int < row["id"].int:
            merged = self.reconcile(table, local, row, related=False)
            self.write_alias(table, row, local["id"], local["hlc"])
            if merged is not None:
                keep_key = {k: local[k] for k in NATURAL_KEYS[table.name]}
                self.update_row(table, local["id"], {**merged, **keep_key})
            self.after_row_change(table, local)
            return
        renamed = self.rename(table, local, row["id"])
        merged = self.reconcile(table, renamed, row, related=False)
        self.write_alias(table, local, row["id"], row["hlc"])
        if merged is not None:
            self.update_row(table, row["id"], {**merged, "id": row["id"]})
        self.after_row_change(table, row)

    def settle_plaques(self) -> None:
        """One current plaque per enterprise and year (rule 8): two copies may each issue the
        year's round offline. The version that wins by rule 1 (largest `(hlc, device_id)`) stays
        current; the others are marked not current, keeping their `hlc` (a deterministic rewrite,
        rule 6), and each is kept as a conflict here so a manager can restore it."""
        plaques = Base.metadata.tables["plaques"]
        doubled = select(plaques.c.enterprise_id, plaques.c.year).where(plaques.c.current.is_(True))
        doubled = doubled.group_by(plaques.c.enterprise_id, plaques.c.year).having(func.count() > 1)
        for enterprise_id, year in self.session.execute(doubled).all():
            rows = [
                r._asdict()
                for r in self.session.execute(
                    select(plaques).where(
                        plaques.c.enterprise_id == enterprise_id, plaques.c.year == year, plaques.c.current.is_(True)
                    )
                )
            ]
            winner = max(rows, key=_version)
            for loser in rows:
                if loser is winner:
                    continue
                self.session.execute(update(plaques).where(plaques.c.id == loser["id"]).values(current=False))
                # Named by the plaque that lost (its row), against the version that kept the year.
                self.conflict(plaques, {**winner, "id": loser["id"]}, loser)
                self.report.add("updated", "plaques")

    def next_temp_seq(self) -> int:
        self.temp_seq -= 1
        return self.temp_seq

    # -- hazards after merging (rule 5) ---------------------------------------------------------
    def finish_hazards(self) -> None:
        """Renumber and derive the touched hazards in bulk (a few statements for the whole set,
        not a handful per hazard), then refresh each touched enterprise's light once."""
        if not self.touched_hazards:
            return
        hazards = Base.metadata.tables["hazards"]
        events = Base.metadata.tables["hazard_events"]
        touched = sorted(self.touched_hazards, key=lambda i: i.int)
        rows = self.fetch_many(hazards, touched)
        histories = load_histories(self.session, list(rows))
        enterprises: set[uuid.UUID] = set()
        renumbered: list[tuple[uuid.UUID, int]] = []
        derived_rows: list[dict[str, Any]] = []
        for hazard_id in touched:
            hazard, history = rows.get(hazard_id), histories.get(hazard_id)
            if hazard is None:
                continue
            enterprises.add(hazard["enterprise_id"])
            if history is None:
                continue
            order = [uuid.UUID(e.id) for e in history.events]
            if [history.seq[i.hex] for i in order] != list(range(1, len(order) + 1)):
                renumbered += [(event_id, seq) for seq, event_id in enumerate(order, start=1)]
            mirror = mirrored(replay_merged(hazard["initial_deadline"], history.events), self.timezone)
            derived = {
                "status": mirror.status.value,
                "deadline": mirror.deadline,
                "rectified_on": mirror.rectified_on or hazard["rectified_on"],
                "closed_on": mirror.closed_on or hazard["closed_on"],
                "severity": mirror.severity.value,
                "major_status": mirror.major_status.value,
                "major_clause": mirror.major_clause,
            }
            if any(hazard[k] != v for k, v in derived.items()):
                derived_rows.append({"b_id": hazard_id, **{f"b_{k}": v for k, v in derived.items()}})
        connection = self.session.connection()
        if renumbered:  # two steps: numbers may cross on the way to 1..n
            by_id = update(events).where(events.c.id == bindparam("b_id")).values(seq=bindparam("b_seq"))
            connection.execute(by_id, [{"b_id": i, "b_seq": self.next_temp_seq()} for i, _ in renumbered])
            connection.execute(by_id, [{"b_id": i, "b_seq": seq} for i, seq in renumbered])
        if derived_rows:
            columns = ("status", "deadline", "rectified_on", "closed_on")
            statement = (
                update(hazards)
                .where(hazards.c.id == bindparam("b_id"))
                .values({c: bindparam(f"b_{c}") for c in columns})
            )
            connection.execute(statement, derived_rows)
        if not self.derive_lights:
            return
        for enterprise_id in sorted(enterprises, key=lambda i: i.int):
            refresh_enterprise(self.session, enterprise_id, self.today)


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value
