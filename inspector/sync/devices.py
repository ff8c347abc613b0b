"""Trusted devices and per-peer marks (local-only tables: they describe this copy).

A bundle is only imported from a device trusted here, explicitly, after a person compared its
key fingerprint (`inspector sync trust FILE`). Peers are named by the exporter (`--peer NAME`,
or a server URL for push/pull): `sent_seq` is this database's change sequence up to which
changes were sent to the peer, `received_seq` the peer's sequence up to which its changes came in.

Bundle numbers (gap detection, docs/sync.md "Lost bundles"): each device numbers the bundles it
exports to one peer 1, 2, 3… (meta ``bundles_to:<peer>``); the receiver remembers, per sending
device, the largest number imported and the numbers still missing (meta ``bundles_from:<device>``,
JSON). A bundle numbered past the next one, made since a mark (not ``--all``), leaves the numbers
in between missing until they arrive or a bundle with everything (since 0) does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.errors import DomainError
from inspector.db.database import Database, get_meta
from inspector.db.models import Meta, SyncPeerRow, TrustedDeviceRow, utcnow

from .keys import check_public_key, fingerprint


@dataclass(frozen=True)
class TrustedDevice:
    device_id: str
    name: str
    public_key: str
    fingerprint: str
    trusted_at: datetime
    last_import_at: datetime | None
    last_export_at: datetime | None


@dataclass(frozen=True)
class Peer:
    name: str
    sent_seq: int
    sent_at: datetime | None
    received_seq: int
    received_at: datetime | None


def trust(db: Database, device_id: str, name: str, public_key: str) -> TrustedDevice:
    """Trust a device's key (a new key for a known device replaces the old one)."""
    check_public_key(public_key)
    if device_id == db.device_id:
        raise DomainError("这是本机自己的密钥，无需信任")
    with db.transaction() as session:
        row = session.get(TrustedDeviceRow, device_id)
        if row is None:
            row = TrustedDeviceRow(device_id=device_id)
            session.add(row)
        row.name, row.public_key, row.fingerprint, row.trusted_at = name, public_key, fingerprint(public_key), utcnow()
    return next(d for d in trusted_devices(db) if d.device_id == device_id)


def trusted(session: Session, device_id: str) -> TrustedDeviceRow | None:
    return session.get(TrustedDeviceRow, device_id)


def trusted_devices(db: Database) -> list[TrustedDevice]:
    with db.reading() as session:
        peers = {p.name: p for p in session.scalars(select(SyncPeerRow))}
        result = []
        for row in session.scalars(select(TrustedDeviceRow).order_by(TrustedDeviceRow.name)):
            peer = peers.get(row.name) or peers.get(row.device_id)
            result.append(
                TrustedDevice(
                    row.device_id,
                    row.name,
                    row.public_key,
                    row.fingerprint,
                    row.trusted_at,
                    row.last_import_at,
                    peer.sent_at if peer else None,
                )
            )
        return result


def _peer_of(row: SyncPeerRow) -> Peer:
    return Peer(row.name, row.sent_seq, row.sent_at, row.received_seq, row.received_at)


def peer(session: Session, name: str) -> Peer:
    row = session.get(SyncPeerRow, name)
    return Peer(name, 0, None, 0, None) if row is None else _peer_of(row)


def peers(db: Database) -> list[Peer]:
    """Every peer this folder exchanged with (laptops by bundle, servers by push/pull), by name."""
    with db.reading() as session:
        return [_peer_of(row) for row in session.scalars(select(SyncPeerRow).order_by(SyncPeerRow.name))]


def _row(session: Session, name: str) -> SyncPeerRow:
    row = session.get(SyncPeerRow, name)
    if row is None:
        row = SyncPeerRow(name=name, sent_seq=0, received_seq=0)
        session.add(row)
    return row


def mark_sent(session: Session, name: str, seq: int) -> None:
    """Remember that changes up to `seq` went to the peer (call in the transaction that read them)."""
    row = _row(session, name)
    row.sent_seq, row.sent_at = max(row.sent_seq or 0, seq), utcnow()


def mark_received(session: Session, name: str, seq: int) -> None:
    row = _row(session, name)
    row.received_seq, row.received_at = max(row.received_seq or 0, seq), utcnow()


# -- bundle numbers ------------------------------------------------------------------------------
Gap = tuple[int, int]
"""Bundle numbers first..last (inclusive) of one device that never arrived here."""

_KEY_LENGTH = 64  # meta.key


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def _sent_key(peer_name: str) -> str:
    return ("bundles_to:" + peer_name)[:_KEY_LENGTH]


def next_bundle_number(session: Session, peer_name: str) -> int:
    """The number the next bundle to `peer_name` carries (1 for the first)."""
    return int(get_meta(session, _sent_key(peer_name)) or "0") + 1


def mark_numbered(session: Session, peer_name: str, number: int) -> None:
    """Remember that bundle `number` went to the peer (with `mark_sent`, once it is written)."""
    key = _sent_key(peer_name)
    set_meta(session, key, str(max(number, int(get_meta(session, key) or "0"))))


def missing_bundles(session: Session, device_id: str) -> list[Gap]:
    state = json.loads(get_meta(session, "bundles_from:" + device_id) or "{}")
    return [(int(first), int(last)) for first, last in state.get("missing", [])]


def receive_numbered(session: Session, device_id: str, number: int, since: int) -> list[Gap]:
    """Record bundle `number` from `device_id` (made since the sender's mark `since`, 0 = all of
    its data) and return the gaps still open: the numbers never imported here."""
    key = "bundles_from:" + device_id
    state = json.loads(get_meta(session, key) or "{}")
    last = int(state.get("last", 0))
    gaps: list[Gap] = []
    if since > 0:  # a bundle with everything closes every gap
        for first, end in state.get("missing", []):
            gaps += [(a, b) for a, b in ((first, min(end, number - 1)), (max(first, number + 1), end)) if a <= b]
        if number > last + 1:
            gaps.append((last + 1, number - 1))
    state = {"last": max(last, number), "missing": sorted(gaps)}
    set_meta(session, key, json.dumps(state))
    return sorted(gaps)
