"""Photo versions: a marked-up photo is a new photo linked to its original, never a changed one.

The links of hazards and answers keep naming the original (hazard event photos are append-only
and merge by union, docs/sync.md rule 5); documents and the window show the newest version of
each (largest `(hlc, id)`: the same on every copy after a sync). Every version is drawn from the
original with all its shapes, so marking up again adds to the last drawing without blurring it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from inspector.core.errors import DomainError
from inspector.db.database import Database
from inspector.db.models import PhotoRow
from inspector.photos.markup import Shape, render_file, shapes_from_json
from inspector.photos.photo_store import PhotoStore, StoredPhoto
from inspector.services.photo_rows import photo_columns


@dataclass(frozen=True)
class Drawing:
    """What the editor starts from: the original photo and the shapes of the newest version."""

    original_sha256: str
    shapes: list[Shape]


class PhotoVersions:
    def __init__(self, db: Database, store: PhotoStore) -> None:
        self.db = db
        self.store = store

    def drawing(self, sha256: str) -> Drawing:
        """The original of the photo `sha256` (itself or the one it was drawn on) and its newest shapes."""
        with self.db.reading() as session:
            original = self._original(session, sha256)
            newest = self._newest(session, original)
            return Drawing(original.sha256, shapes_from_json(newest.markup if newest else None))

    def mark_up(self, sha256: str, shapes: list[Shape]) -> StoredPhoto:
        """Store a new version of the photo `sha256`: its original with `shapes` drawn on it."""
        with self.db.reading() as session:
            original_sha = self._original(session, sha256).sha256
        drawn = self.store.import_bytes(render_file(self.store.path_of(original_sha), shapes), "标注.jpg")
        with self.db.transaction() as session:
            original = self._original(session, original_sha)
            if session.scalar(select(PhotoRow.id).where(PhotoRow.sha256 == drawn.sha256)) is None:
                markup = [shape.as_json() for shape in shapes]
                session.add(PhotoRow(**photo_columns(drawn), derived_from=original.id, markup=markup))
        return drawn

    def newest(self, shas: list[str]) -> dict[str, str]:
        """Each photo's newest version (its sha256), for the photos that have one."""
        if not shas:
            return {}
        version = aliased(PhotoRow)
        stmt = (
            select(PhotoRow.sha256, version.sha256)
            .join(version, version.derived_from == PhotoRow.id)
            .where(PhotoRow.sha256.in_(set(shas)))
            .order_by(PhotoRow.sha256, version.hlc, version.id)
        )
        with self.db.reading() as session:
            return {original: latest for original, latest in session.execute(stmt)}  # the last one wins

    def shown(self, shas: list[str]) -> list[str]:
        """`shas` with each photo replaced by its newest version."""
        newest = self.newest(shas)
        return [newest.get(sha, sha) for sha in shas]

    @staticmethod
    def _original(session: Session, sha256: str) -> PhotoRow:
        row = session.scalar(select(PhotoRow).where(PhotoRow.sha256 == sha256))
        if row is None:
            raise DomainError("照片不存在，无法标注")
        if row.derived_from is not None:
            original = session.get(PhotoRow, row.derived_from)
            if original is not None:
                return original
        return row

    @staticmethod
    def _newest(session: Session, original: PhotoRow) -> PhotoRow | None:
        return session.scalar(
            select(PhotoRow)
            .where(PhotoRow.derived_from == original.id)
            .order_by(PhotoRow.hlc.desc(), PhotoRow.id.desc())
            .limit(1)
        )
