"""Numbers a device hands out offline (notices, inspections): its stored prefix and its
sequences in `meta` (inspector.core.notice_number explains the form and why it never collides)."""

from __future__ import annotations

from sqlalchemy import Integer, Text, cast, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inspector.core.notice_number import device_prefix
from inspector.db.database import get_meta
from inspector.db.models import Meta

PREFIX_KEY = "notice_prefix"


def next_in_sequence(session: Session, key: str) -> int:
    """Raise the sequence stored under `key` by one and return it. Called as the first write of
    the transaction that stores the numbered record, so a number is never handed out twice."""
    if session.get_bind().dialect.name == "postgresql":
        # Imported here: the PostgreSQL dialect costs ≈45 ms of every laptop's start.
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        insert = pg_insert
    else:
        insert = sqlite_insert
    session.execute(insert(Meta).values(key=key, value="0").on_conflict_do_nothing(index_elements=["key"]))
    session.execute(
        update(Meta)
        .where(Meta.key == key)
        .values(value=cast(cast(Meta.value, Integer) + 1, Text))
        .execution_options(synchronize_session=False)
    )
    return int(get_meta(session, key) or "0")


def stored_prefix(session: Session, device_id: str) -> str:
    """This device's prefix, stored the first time it is needed so it never changes afterwards."""
    prefix = get_meta(session, PREFIX_KEY)
    if prefix is None:
        prefix = device_prefix(device_id)
        session.add(Meta(key=PREFIX_KEY, value=prefix))
        session.flush()
    return prefix
