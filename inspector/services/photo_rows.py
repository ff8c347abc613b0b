"""Photo records: the database side of the content-addressed photo files."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db.models import PhotoRow
from inspector.db.records import columns_from_record
from inspector.photos.photo_store import StoredPhoto


def photo_columns(photo: StoredPhoto) -> dict[str, object]:
    """A stored photo as the columns of its photos row."""
    return columns_from_record(photo, original_name=photo.original_name[:255])


def photo_row_id(session: Session, photo: StoredPhoto) -> uuid.UUID:
    """The id of the photo's row, inserting it if this content is new (same bytes, same row)."""
    existing = session.scalar(select(PhotoRow.id).where(PhotoRow.sha256 == photo.sha256))
    if existing is not None:
        return existing
    row = PhotoRow(**photo_columns(photo))
    session.add(row)
    session.flush()
    return row.id
