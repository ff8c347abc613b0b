"""Training records as screens and the CLI read them. Their totals of a year are figures like the
others (inspector/queries/stats_sql.py): per kind, `sessions` (records held in the year),
`enterprises` (distinct enterprises with at least one) and `workers` (the sum of the headcounts:
a worker trained twice counts twice, as the scheme's "83,033 人次" does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from inspector.core.training import Training, TrainingKind
from inspector.db.database import Database
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import EnterpriseRow, PhotoRow, TrainingPhotoRow, TrainingRow


@dataclass(frozen=True)
class TrainingLine:
    """A training with its enterprise's name and town, for lists across enterprises."""

    training: Training
    enterprise_name: str
    town: str


def in_year(year: int) -> ColumnElement[bool]:
    return TrainingRow.held_on.between(date(year, 1, 1), date(year, 12, 31))


def _training(row: TrainingRow, photos: tuple[str, ...]) -> Training:
    return Training(
        enterprise_id=to_str(row.enterprise_id),
        kind=TrainingKind(row.kind),
        held_on=row.held_on,
        topic=row.topic,
        headcount=row.headcount,
        recorded_by=row.recorded_by,
        note=row.note,
        photos=photos,
        id=to_str(row.id),
    )


class TrainingQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, training_id: str) -> Training:
        with self.db.reading() as session:
            row = row_by_id(session, TrainingRow, training_id, "培训记录")
            return _training(row, self._photos(session, [row.id]).get(row.id, ()))

    def of_enterprise(self, enterprise_id: str) -> list[Training]:
        """One enterprise's trainings, newest first."""
        key = to_uuid(enterprise_id, "企业")
        with self.db.reading() as session:
            rows = list(
                session.scalars(
                    select(TrainingRow)
                    .where(TrainingRow.enterprise_id == key)
                    .order_by(TrainingRow.held_on.desc(), TrainingRow.kind)
                )
            )
            photos = self._photos(session, [row.id for row in rows])
            return [_training(row, photos.get(row.id, ())) for row in rows]

    def of_year(self, year: int, town: str | None = None, kind: TrainingKind | None = None) -> list[TrainingLine]:
        """The trainings held in a year, by date then enterprise name."""
        stmt = (
            select(TrainingRow, EnterpriseRow.name, EnterpriseRow.town)
            .join(EnterpriseRow, EnterpriseRow.id == TrainingRow.enterprise_id)
            .where(TrainingRow.kind.in_([k.value for k in TrainingKind]), in_year(year))
            .order_by(TrainingRow.held_on, EnterpriseRow.name, TrainingRow.kind)
        )
        if town:
            stmt = stmt.where(EnterpriseRow.town == town)
        if kind is not None:
            stmt = stmt.where(TrainingRow.kind == kind.value)
        with self.db.reading() as session:
            found = list(session.execute(stmt))
            photos = self._photos(session, [row.id for row, _name, _town in found])
            return [TrainingLine(_training(row, photos.get(row.id, ())), name, town_) for row, name, town_ in found]

    @staticmethod
    def _photos(session: Session, ids: list[object]) -> dict[object, tuple[str, ...]]:
        found: dict[object, list[str]] = {}
        for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            stmt = (
                select(TrainingPhotoRow.training_id, PhotoRow.sha256)
                .join(PhotoRow, PhotoRow.id == TrainingPhotoRow.photo_id)
                .where(TrainingPhotoRow.training_id.in_(chunk))
                .order_by(TrainingPhotoRow.training_id, TrainingPhotoRow.position)
            )
            for training_id, sha in session.execute(stmt):
                found.setdefault(training_id, []).append(sha)
        return {key: tuple(value) for key, value in found.items()}
