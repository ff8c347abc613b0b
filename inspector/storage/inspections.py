"""Inspections: start, answer item by item (each answer committed at once), complete, finalize."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.checklist import Result, Template
from inspector.core.errors import DomainError
from inspector.core.grading import GradeResult, grade
from inspector.core.inspection import (
    InspectionStatus,
    check_can_answer,
    check_can_complete,
    check_can_finalize,
    check_can_reopen,
    check_inspectors,
)

from .database import Database
from .ids import to_str, to_uuid
from .models import (
    AnswerRow,
    EnterpriseRow,
    InspectionInspectorRow,
    InspectionRow,
    InspectorRow,
    TemplateRow,
    utcnow,
)
from .templates import TemplateService


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


class InspectionService:
    def __init__(self, db: Database, templates: TemplateService) -> None:
        self.db = db
        self.templates = templates

    def start(self, enterprise_id: str, template_id: str, inspection_date: date, inspector_ids: list[str]) -> str:
        with self.db.transaction() as session:
            enterprise = session.get(EnterpriseRow, to_uuid(enterprise_id, "企业"))
            if enterprise is None:
                raise DomainError(f"企业 {enterprise_id} 不存在")
            if session.get(TemplateRow, to_uuid(template_id, "模板")) is None:
                raise DomainError(f"模板 {template_id} 不存在")
            inspectors = [session.get(InspectorRow, to_uuid(i, "检查人员")) for i in inspector_ids]
            if any(row is None for row in inspectors):
                raise DomainError("检查人员不在名册中")
            check_inspectors([row.name for row in inspectors if row])
            row = InspectionRow(
                enterprise_id=enterprise.id,
                template_id=to_uuid(template_id),
                inspection_date=inspection_date,
                status=InspectionStatus.DRAFT.value,
            )
            session.add(row)
            session.flush()
            for position, inspector in enumerate(inspectors):
                assert inspector is not None
                session.add(InspectionInspectorRow(inspection_id=row.id, inspector_id=inspector.id, position=position))
            return to_str(row.id)

    def template_of(self, inspection_id: str) -> Template:
        with self.db.reading() as session:
            row = self._row(session, inspection_id)
            template_id = to_str(row.template_id)
        return self.templates.load(template_id)

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
            )

    def drafts(self) -> list[str]:
        with self.db.reading() as session:
            stmt = (
                select(InspectionRow.id)
                .where(InspectionRow.status == InspectionStatus.DRAFT.value)
                .order_by(InspectionRow.updated_at.desc())
            )
            return [to_str(value) for value in session.scalars(stmt)]

    @staticmethod
    def _row(session: Session, inspection_id: str) -> InspectionRow:
        row = session.get(InspectionRow, to_uuid(inspection_id, "检查"))
        if row is None:
            raise DomainError(f"检查 {inspection_id} 不存在")
        return row
