"""Inspections: start, answer item by item (each answer committed at once), complete, finalize.

Never lose work: every answer, note, photo link and the item last looked at is written in its
own transaction before the call returns, so a killed process loses at most the call in flight.

Notes and photos belong to an answer (`answers.note`, `answer_photos`), and `answers.result` is
NOT NULL, so an item takes a note or a photo only once it has been answered. The UI therefore
enables the note field and the photo strip once the item has an answer; changing the answer
later keeps both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inspector.core.checklist import Result, Template
from inspector.core.errors import DomainError
from inspector.core.grading import GradeResult, grade
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.core.inspection import (
    InspectionStatus,
    check_can_answer,
    check_can_complete,
    check_can_finalize,
    check_can_reopen,
    check_inspectors,
)
from inspector.core.inspection_number import SEQ_KEY as NUMBER_SEQ_KEY
from inspector.core.inspection_number import number_for, number_from_id
from inspector.db.database import Database
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import (
    AnswerPhotoRow,
    AnswerRow,
    EnterpriseRow,
    HazardRow,
    InspectionInspectorRow,
    InspectionRow,
    InspectorRow,
    Meta,
    PhotoRow,
    TemplateRow,
    utcnow,
)
from inspector.photos.photo_store import StoredPhoto
from inspector.services.device_sequences import next_in_sequence, stored_prefix
from inspector.services.hazards import HazardSource, NewHazard
from inspector.services.photo_rows import photo_row_id
from inspector.services.templates import TemplateService

# The item last shown for an inspection is per-device state (where *this* laptop's user was),
# not inspection data that syncs, so it lives in the device's `meta` table under this prefix.
POSITION_KEY = "position:"


@dataclass(frozen=True)
class Answer:
    result: Result
    note: str = ""


@dataclass(frozen=True)
class InspectionView:
    id: str
    enterprise_id: str
    enterprise_name: str
    template_id: str
    template_key: str
    inspection_date: date
    status: InspectionStatus
    inspectors: tuple[str, ...]
    answers: dict[str, Answer] = field(default_factory=dict)
    score: float | None = None
    grade: str | None = None
    grade_summary: str = ""
    number: str = ""  # JC-2026-3F9A-0001 (inspector.core.inspection_number)


class Progress(NamedTuple):
    answered: int
    total: int
    unanswered_required: tuple[str, ...]  # in checklist order


@dataclass(frozen=True)
class InspectionSummary:
    """One line of the inspections list."""

    id: str
    enterprise_id: str
    enterprise_name: str
    inspection_date: date
    status: InspectionStatus
    score: float | None  # kept at completion; None for drafts
    grade: str | None
    answered: int
    total: int
    updated_at: datetime
    number: str = ""


def shown_number(row: InspectionRow) -> str:
    """The row's number; one derived from its id if it has none (written by an older copy)."""
    return row.number or number_from_id(row.id, row.inspection_date.year)


class InspectionService:
    def __init__(self, db: Database, templates: TemplateService) -> None:
        self.db = db
        self.templates = templates
        # An inspection's template never changes after start and a template version is frozen,
        # so both lookups are cached: answering then costs no template reads or parsing.
        self._template_ids: dict[str, str] = {}
        self._templates: dict[str, Template] = {}

    def start(self, enterprise_id: str, template_id: str, inspection_date: date, inspector_ids: list[str]) -> str:
        with self.db.transaction() as session:
            enterprise = row_by_id(session, EnterpriseRow, enterprise_id, "企业")
            row_by_id(session, TemplateRow, template_id, "模板")
            unique_ids = list(dict.fromkeys(to_uuid(i, "检查人员") for i in inspector_ids))  # one signature each
            inspectors = [session.get(InspectorRow, i) for i in unique_ids]
            if any(row is None for row in inspectors):
                raise DomainError("检查人员不在名册中")
            check_inspectors([row.name for row in inspectors if row])
            seq = next_in_sequence(session, f"{NUMBER_SEQ_KEY}{inspection_date.year}")
            row = InspectionRow(
                enterprise_id=enterprise.id,
                template_id=to_uuid(template_id),
                inspection_date=inspection_date,
                status=InspectionStatus.DRAFT.value,
                number=number_for(inspection_date.year, stored_prefix(session, self.db.device_id), seq),
            )
            session.add(row)
            session.flush()
            for position, inspector in enumerate(inspectors):
                assert inspector is not None
                session.add(InspectionInspectorRow(inspection_id=row.id, inspector_id=inspector.id, position=position))
            return to_str(row.id)

    def template_of(self, inspection_id: str) -> Template:
        template_id = self._template_ids.get(inspection_id)
        if template_id is None:
            with self.db.reading() as session:
                row = self._row(session, inspection_id)
                template_id = to_str(row.template_id)
            self._template_ids[inspection_id] = template_id
        template = self._templates.get(template_id)
        if template is None:
            template = self._templates[template_id] = self.templates.load(template_id)
        return template

    def answer(self, inspection_id: str, item_code: str, result: Result, note: str | None = None) -> GradeResult | None:
        """Record one answer (committed before returning) and return the live grade (None while
        no answered item is applicable)."""
        template = self.template_of(inspection_id)
        try:
            item = template.item(item_code)
        except KeyError:
            raise DomainError(f"检查表 {template.key} 中没有检查项 {item_code}") from None
        if not item.allows(result):
            raise DomainError(f"检查项 {item_code} 不允许作答“{result.label}”")
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            check_can_answer(InspectionStatus(row.status))
            answer = session.scalar(
                select(AnswerRow).where(AnswerRow.inspection_id == row.id, AnswerRow.item_code == item_code)
            )
            if answer is None:
                session.add(AnswerRow(inspection_id=row.id, item_code=item_code, result=result.value, note=note or ""))
            else:
                answer.result = result.value
                if note is not None:
                    answer.note = note
            row.updated_at = utcnow()
        return self.live_grade(inspection_id)

    def answers(self, inspection_id: str) -> dict[str, Answer]:
        with self.db.reading() as session:
            rows = session.scalars(select(AnswerRow).where(AnswerRow.inspection_id == to_uuid(inspection_id, "检查")))
            return {r.item_code: Answer(Result(r.result), r.note) for r in rows}

    def live_grade(self, inspection_id: str) -> GradeResult | None:
        answers = self.answers(inspection_id)
        if not any(a.result is not Result.NOT_APPLICABLE for a in answers.values()):
            return None
        return grade(self.template_of(inspection_id), {code: a.result for code, a in answers.items()})

    def complete(self, inspection_id: str) -> GradeResult:
        template = self.template_of(inspection_id)
        answers = {code: a.result for code, a in self.answers(inspection_id).items()}
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            if not answers:
                check_can_answer(InspectionStatus(row.status))
                raise DomainError("还没有任何答案，不能完成检查")
            result = grade(template, answers)
            check_can_complete(InspectionStatus(row.status), result)
            row.status = InspectionStatus.COMPLETED.value
            row.score, row.grade, row.grade_summary = result.score, result.grade.value, result.summary
            row.completed_at = utcnow()
        return result

    def reopen(self, inspection_id: str) -> None:
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            check_can_reopen(InspectionStatus(row.status))
            row.status = InspectionStatus.DRAFT.value
            row.score = row.grade = None
            row.grade_summary = ""
            row.completed_at = None

    def finalize(self, inspection_id: str) -> None:
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            check_can_finalize(InspectionStatus(row.status))
            row.status = InspectionStatus.FINALIZED.value
            row.finalized_at = utcnow()

    def get(self, inspection_id: str) -> InspectionView:
        with self.db.reading() as session:
            row = self._row(session, inspection_id)
            enterprise = session.get(EnterpriseRow, row.enterprise_id)
            template = session.get(TemplateRow, row.template_id)
            names = session.scalars(
                select(InspectorRow.name)
                .join(InspectionInspectorRow, InspectionInspectorRow.inspector_id == InspectorRow.id)
                .where(InspectionInspectorRow.inspection_id == row.id)
                .order_by(InspectionInspectorRow.position)
            )
            assert enterprise is not None and template is not None
            return InspectionView(
                id=to_str(row.id),
                enterprise_id=to_str(row.enterprise_id),
                enterprise_name=enterprise.name,
                template_id=to_str(row.template_id),
                template_key=f"{template.code} v{template.version}",
                inspection_date=row.inspection_date,
                status=InspectionStatus(row.status),
                inspectors=tuple(names),
                answers=self.answers(inspection_id),
                score=row.score,
                grade=row.grade,
                grade_summary=row.grade_summary,
                number=shown_number(row),
            )

    def drafts(self) -> list[str]:
        with self.db.reading() as session:
            stmt = (
                select(InspectionRow.id)
                .where(InspectionRow.status == InspectionStatus.DRAFT.value)
                .order_by(InspectionRow.updated_at.desc())
            )
            return [to_str(value) for value in session.scalars(stmt)]

    # -- notes, photos, progress, position ------------------------------------------------------
    def set_note(self, inspection_id: str, item_code: str, note: str) -> None:
        """Replace the note of an answered item (committed before returning). An unanswered item
        has no answer row to hold a note: the caller must answer first (see module docstring)."""
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            check_can_answer(InspectionStatus(row.status))
            answer = self._answer_row(session, row, item_code)
            if answer.note != note:
                answer.note = note
                row.updated_at = utcnow()

    def attach_photo(self, inspection_id: str, item_code: str, photo: StoredPhoto) -> None:
        """Link a stored photo (already in the PhotoStore) to an answered item, after its other
        photos. Attaching the same photo twice to one item changes nothing."""
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            check_can_answer(InspectionStatus(row.status))
            answer = self._answer_row(session, row, item_code)
            photo_id = photo_row_id(session, photo)
            links = session.execute(
                select(AnswerPhotoRow.photo_id, AnswerPhotoRow.position).where(AnswerPhotoRow.answer_id == answer.id)
            ).all()
            if any(linked == photo_id for linked, _ in links):
                return
            position = max((p for _, p in links), default=-1) + 1
            session.add(AnswerPhotoRow(answer_id=answer.id, photo_id=photo_id, position=position))
            row.updated_at = utcnow()

    def detach_photo(self, inspection_id: str, item_code: str, sha256: str) -> None:
        """Unlink a photo from an item; the file and its photos row stay (others may use them)."""
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            check_can_answer(InspectionStatus(row.status))
            answer = self._answer_row(session, row, item_code)
            photo_id = session.scalar(select(PhotoRow.id).where(PhotoRow.sha256 == sha256))
            if photo_id is None:
                return
            # One ORM delete per link (not a Core delete) so that the tombstone is written for sync.
            for link in session.scalars(
                select(AnswerPhotoRow).where(AnswerPhotoRow.answer_id == answer.id, AnswerPhotoRow.photo_id == photo_id)
            ):
                session.delete(link)
            row.updated_at = utcnow()

    def photos(self, inspection_id: str) -> dict[str, list[str]]:
        """Item code → sha256 of its photos, in the order they were attached."""
        stmt = (
            select(AnswerRow.item_code, PhotoRow.sha256)
            .join(AnswerPhotoRow, AnswerPhotoRow.answer_id == AnswerRow.id)
            .join(PhotoRow, PhotoRow.id == AnswerPhotoRow.photo_id)
            .where(AnswerRow.inspection_id == to_uuid(inspection_id, "检查"))
            .order_by(AnswerRow.item_code, AnswerPhotoRow.position)
        )
        found: dict[str, list[str]] = {}
        with self.db.reading() as session:
            for code, sha in session.execute(stmt):
                found.setdefault(code, []).append(sha)
        return found

    def photo_records(self, inspection_id: str, item_code: str) -> list[StoredPhoto]:
        """The photos of one item as StoredPhoto values, e.g. to pass on as a hazard's before-photos."""
        stmt = (
            select(PhotoRow)
            .join(AnswerPhotoRow, AnswerPhotoRow.photo_id == PhotoRow.id)
            .join(AnswerRow, AnswerRow.id == AnswerPhotoRow.answer_id)
            .where(AnswerRow.inspection_id == to_uuid(inspection_id, "检查"), AnswerRow.item_code == item_code)
            .order_by(AnswerPhotoRow.position)
        )
        with self.db.reading() as session:
            return [
                StoredPhoto(r.sha256, r.width, r.height, r.size_bytes, r.taken_at, r.original_name)
                for r in session.scalars(stmt)
            ]

    def progress(self, inspection_id: str) -> Progress:
        template = self.template_of(inspection_id)
        answered = self.answers(inspection_id)
        items = template.items
        return Progress(
            answered=sum(1 for item in items if item.code in answered),
            total=len(items),
            unanswered_required=tuple(item.code for item in items if item.required and item.code not in answered),
        )

    def remember_position(self, inspection_id: str, item_code: str) -> None:
        """Record the item on screen, so that resuming shows the same item (even after a crash)."""
        key = POSITION_KEY + to_uuid(inspection_id, "检查").hex
        with self.db.transaction() as session:
            meta = session.get(Meta, key)
            if meta is None:
                session.add(Meta(key=key, value=item_code))
            elif meta.value != item_code:
                meta.value = item_code

    def last_position(self, inspection_id: str) -> str:
        """The item to resume at: the one last shown if it is still in the checklist, else the
        first unanswered item, else the first item."""
        template = self.template_of(inspection_id)
        codes = [item.code for item in template.items]
        with self.db.reading() as session:
            stored = session.get(Meta, POSITION_KEY + to_uuid(inspection_id, "检查").hex)
            remembered = stored.value if stored else None
        if remembered in codes:
            assert remembered is not None
            return remembered
        answered = self.answers(inspection_id)
        return next((code for code in codes if code not in answered), codes[0])

    def recent(self, limit: int = 200) -> list[InspectionSummary]:
        """Drafts first (most recently touched first), then the others, newest inspection first."""
        answered = select(AnswerRow.inspection_id, func.count().label("n")).group_by(AnswerRow.inspection_id).subquery()
        stmt = (
            select(InspectionRow, EnterpriseRow.name, func.coalesce(answered.c.n, 0))
            .join(EnterpriseRow, EnterpriseRow.id == InspectionRow.enterprise_id)
            .outerjoin(answered, answered.c.inspection_id == InspectionRow.id)
            .order_by(
                case((InspectionRow.status == InspectionStatus.DRAFT.value, 0), else_=1),
                case(
                    (InspectionRow.status == InspectionStatus.DRAFT.value, InspectionRow.updated_at), else_=None
                ).desc(),
                InspectionRow.inspection_date.desc(),
                InspectionRow.updated_at.desc(),
            )
            .limit(limit)
        )
        with self.db.reading() as session:
            rows = [(row, name, count, to_str(row.template_id)) for row, name, count in session.execute(stmt)]
            summaries = []
            for row, name, count, template_id in rows:
                summaries.append(
                    InspectionSummary(
                        id=to_str(row.id),
                        enterprise_id=to_str(row.enterprise_id),
                        enterprise_name=name,
                        inspection_date=row.inspection_date,
                        status=InspectionStatus(row.status),
                        score=row.score,
                        grade=row.grade,
                        answered=count,
                        total=self._item_count(template_id),
                        updated_at=row.updated_at,
                        number=shown_number(row),
                    )
                )
        return summaries

    def hazard_counts(self, inspection_id: str) -> dict[str, int]:
        """Item code → number of hazards raised from it in this inspection (voided ones excepted)."""
        stmt = (
            select(HazardRow.item_code, func.count())
            .where(
                HazardRow.inspection_id == to_uuid(inspection_id, "检查"),
                HazardRow.item_code.is_not(None),
                HazardRow.status != HazardStatus.VOIDED.value,
            )
            .group_by(HazardRow.item_code)
        )
        with self.db.reading() as session:
            return {code: count for code, count in session.execute(stmt)}

    def hazard_draft_for_item(self, inspection_id: str, item_code: str, today: date) -> NewHazard:
        """A hazard pre-filled from a checklist item, for the inspector to edit before raising it.

        Found on the inspection date by the inspection's inspectors; severity, category, location
        type and legal basis come from the item, the deadline from the item's default period
        counted from the inspection date. A draft opened after that deadline has passed (an
        inspection entered late) counts the period from `today` instead, so the proposal is never
        overdue before it is raised.
        """
        template = self.template_of(inspection_id)
        try:
            item = template.item(item_code)
        except KeyError:
            raise DomainError(f"检查表 {template.key} 中没有检查项 {item_code}") from None
        view = self.get(inspection_id)
        found_on = view.inspection_date
        deadline = found_on + timedelta(days=item.deadline_days)
        if deadline < today:
            deadline = today + timedelta(days=item.deadline_days)
        answer = view.answers.get(item_code)
        description = f"不符合：{item.text}"
        if answer and answer.note.strip():
            description += f"\n现场情况：{answer.note.strip()}"
        return NewHazard(
            enterprise_id=view.enterprise_id,
            description=description,
            found_on=found_on,
            found_by="、".join(view.inspectors),
            deadline=deadline,
            severity=item.hazard_severity,
            category=item.category,
            location_type=item.location_type,
            source=HazardSource.INSPECTION,
            inspection_id=view.id,
            item_code=item.code,
            legal_basis=item.legal_basis,
            measures=f"按规定整改，做到：{item.text}",
        )

    def _item_count(self, template_id: str) -> int:
        template = self._templates.get(template_id)
        if template is None:
            template = self._templates[template_id] = self.templates.load(template_id)
        return len(template.items)

    @staticmethod
    def _answer_row(session: Session, row: InspectionRow, item_code: str) -> AnswerRow:
        answer = session.scalar(
            select(AnswerRow).where(AnswerRow.inspection_id == row.id, AnswerRow.item_code == item_code)
        )
        if answer is None:
            raise DomainError(f"检查项 {item_code} 还没有作答：请先作答，再添加备注或照片")
        return answer

    @staticmethod
    def _row(session: Session, inspection_id: str) -> InspectionRow:
        return row_by_id(session, InspectionRow, inspection_id, "检查")
