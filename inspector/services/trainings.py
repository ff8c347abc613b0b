"""Recording 开工第一课 and team-leader training: one record per enterprise, kind and day, with photos.

The records are synced like any tracked row; (enterprise, kind, day) is their natural key, so the
same session recorded on two laptops becomes one record after a merge (docs/sync.md rule 4).
Here, on one copy, a second record of the same session is refused in one sentence instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.errors import DomainError, ValidationError
from inspector.core.training import Training
from inspector.db.database import Database
from inspector.db.ids import row_by_id, to_str
from inspector.db.models import EnterpriseRow, TrainingPhotoRow, TrainingRow
from inspector.photos.photo_store import StoredPhoto
from inspector.queries.trainings import TrainingQueries
from inspector.services.photo_rows import photo_row_id


class TrainingService(TrainingQueries):
    def __init__(self, db: Database, today: Callable[[], date]) -> None:
        super().__init__(db)
        self.today = today

    def record(self, training: Training, photos: Sequence[StoredPhoto] = ()) -> str:
        """Store a training held at an enterprise with its photos; returns its id."""
        valid = training.validated(self.today())
        with self.db.transaction() as session:
            enterprise = row_by_id(session, EnterpriseRow, valid.enterprise_id, "企业")
            self._refuse_same_session(session, enterprise, valid)
            row = TrainingRow(
                enterprise_id=enterprise.id,
                kind=valid.kind.value,
                held_on=valid.held_on,
                topic=valid.topic,
                headcount=valid.headcount,
                recorded_by=valid.recorded_by,
                note=valid.note,
            )
            session.add(row)
            session.flush()
            self._attach(session, row, photos, start=0)
            return to_str(row.id)

    def update(self, training: Training, more_photos: Sequence[StoredPhoto] = ()) -> None:
        """Change a recorded training (date, kind, topic, headcount, note) and add photos."""
        if training.id is None:
            raise DomainError("要修改的培训记录没有编号")
        valid = training.validated(self.today())
        with self.db.transaction() as session:
            row = row_by_id(session, TrainingRow, training.id, "培训记录")
            enterprise = session.get(EnterpriseRow, row.enterprise_id)
            assert enterprise is not None
            self._refuse_same_session(session, enterprise, replace(valid, enterprise_id=to_str(enterprise.id)), row)
            row.kind, row.held_on, row.topic = valid.kind.value, valid.held_on, valid.topic
            row.headcount, row.note = valid.headcount, valid.note
            count = len(
                session.scalars(select(TrainingPhotoRow.id).where(TrainingPhotoRow.training_id == row.id)).all()
            )
            self._attach(session, row, more_photos, start=count)

    def remove(self, training_id: str) -> None:
        """Delete a record entered by mistake (its deletion travels as a tombstone)."""
        with self.db.transaction() as session:
            row = row_by_id(session, TrainingRow, training_id, "培训记录")
            for link in session.scalars(select(TrainingPhotoRow).where(TrainingPhotoRow.training_id == row.id)):
                session.delete(link)
            session.flush()
            session.delete(row)

    @staticmethod
    def _refuse_same_session(
        session: Session, enterprise: EnterpriseRow, training: Training, itself: TrainingRow | None = None
    ) -> None:
        stmt = select(TrainingRow.id).where(
            TrainingRow.enterprise_id == enterprise.id,
            TrainingRow.kind == training.kind.value,
            TrainingRow.held_on == training.held_on,
        )
        if itself is not None:
            stmt = stmt.where(TrainingRow.id != itself.id)
        if session.scalar(stmt) is not None:
            raise ValidationError(
                {
                    "日期": f"{enterprise.name} {training.held_on.isoformat()} 的{training.kind.label}已经记录过，"
                    "请修改那条记录"
                }
            )

    @staticmethod
    def _attach(session: Session, row: TrainingRow, photos: Sequence[StoredPhoto], start: int) -> None:
        seen: set[object] = set()
        for position, photo in enumerate(photos, start=start):
            photo_id = photo_row_id(session, photo)
            if photo_id in seen:
                continue
            seen.add(photo_id)
            exists = session.scalar(
                select(TrainingPhotoRow.id).where(
                    TrainingPhotoRow.training_id == row.id, TrainingPhotoRow.photo_id == photo_id
                )
            )
            if exists is None:
                session.add(TrainingPhotoRow(training_id=row.id, photo_id=photo_id, position=position))
