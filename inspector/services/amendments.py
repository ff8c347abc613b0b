"""Amendments (更正) to finalized inspections: append-only, the original stays readable.

An amendment never touches the answer rows or the score and grade stored on the inspection: those
are what was signed. `effective_answers` and `effective_grade` show the inspection as corrected;
the rules are in `inspector.core.amendment`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.amendment import (
    Amendment,
    AmendmentField,
    AnswerValue,
    answer_change,
    apply_amendments,
    check_can_amend,
    clean_reason_and_by,
    note_change,
)
from inspector.core.checklist import Item, Result, Template
from inspector.core.dates import utcnow
from inspector.core.errors import DomainError
from inspector.core.grading import GradeResult, grade
from inspector.core.inspection import InspectionStatus
from inspector.db.database import Database
from inspector.db.hlc import next_hlc
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import AmendmentRow, AnswerRow, InspectionRow
from inspector.queries.amendment_history import amendment_from_row, amendment_histories
from inspector.services.inspections import Answer
from inspector.services.templates import TemplateService


class AmendmentService:
    def __init__(self, db: Database, templates: TemplateService) -> None:
        self.db = db
        self.templates = templates
        self._templates: dict[str, Template] = {}  # template versions are frozen: cache them

    def amend_answer(
        self,
        inspection_id: str,
        item_code: str,
        new_result: Result | str,
        reason: str,
        by: str,
        at: datetime | None = None,
    ) -> Amendment:
        """Record a corrected answer for one item of a finalized inspection."""
        try:
            result = Result(new_result)
        except ValueError:
            raise DomainError(f"“{new_result}”不是有效的答案") from None
        return self._amend(inspection_id, item_code, AmendmentField.ANSWER, result.value, reason, by, at)

    def amend_note(
        self,
        inspection_id: str,
        item_code: str,
        new_note: str,
        reason: str,
        by: str,
        at: datetime | None = None,
    ) -> Amendment:
        """Record a corrected note for one answered item of a finalized inspection."""
        return self._amend(inspection_id, item_code, AmendmentField.NOTE, new_note, reason, by, at)

    def history(self, inspection_id: str) -> list[Amendment]:
        """Every amendment of the inspection, oldest first."""
        with self.db.reading() as session:
            return self._history(session, to_uuid(inspection_id, "检查"))

    def effective_answers(self, inspection_id: str) -> dict[str, Answer]:
        """The original answers with every amendment applied in order."""
        with self.db.reading() as session:
            row = self._row(session, inspection_id)
            effective = self._effective(session, row.id)
        return {code: Answer(result, note) for code, (result, note) in effective.items()}

    def effective_grade(self, inspection_id: str) -> GradeResult:
        """The grade of the effective answers, with the template version the inspection was
        graded with. The stored score and grade on the inspection stay the signed original."""
        with self.db.reading() as session:
            row = self._row(session, inspection_id)
            template_id = to_str(row.template_id)
            effective = self._effective(session, row.id)
        return grade(self._template(template_id), {code: result for code, (result, _) in effective.items()})

    # -- internals ----------------------------------------------------------------------------
    def _amend(
        self,
        inspection_id: str,
        item_code: str,
        field: AmendmentField,
        new_value: str,
        reason: str,
        by: str,
        at: datetime | None,
    ) -> Amendment:
        reason, by = clean_reason_and_by(reason, by)
        at = at or utcnow()
        # Status, current value and the new row are read and written in one transaction, so the
        # stored old value is exactly what the amendment replaced.
        with self.db.transaction() as session:
            row = self._row(session, inspection_id)
            check_can_amend(InspectionStatus(row.status))
            item = self._item(to_str(row.template_id), item_code)
            history = self._history(session, row.id)
            current = self._effective(session, row.id, history).get(item.code)
            if field is AmendmentField.ANSWER:
                old, new = answer_change(item, current, Result(new_value))
            else:
                old, new = note_change(item, current, new_value)
            # After the last amendment this copy has, on this device's clock: its place in every
            # copy's history (inspector/core/causal_history.py); `amended_at` is what people see.
            stamp = next_hlc()
            amendment = AmendmentRow(
                hlc=stamp,
                stamp=stamp,
                follows=to_uuid(history[-1].id) if history else None,
                inspection_id=row.id,
                item_code=item.code,
                field=field.value,
                old_value=old,
                new_value=new,
                reason=reason,
                amended_by=by,
                amended_at=at,
            )
            session.add(amendment)
            session.flush()
            return amendment_from_row(amendment)

    def _effective(
        self, session: Session, inspection_uuid: uuid.UUID, history: list[Amendment] | None = None
    ) -> dict[str, AnswerValue]:
        rows = session.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_uuid))
        original = {r.item_code: (Result(r.result), r.note) for r in rows}
        return apply_amendments(original, self._history(session, inspection_uuid) if history is None else history)

    @staticmethod
    def _history(session: Session, inspection_uuid: uuid.UUID) -> list[Amendment]:
        session.flush()
        return amendment_histories(session, [inspection_uuid]).get(inspection_uuid, [])

    def _template(self, template_id: str) -> Template:
        template = self._templates.get(template_id)
        if template is None:
            template = self._templates[template_id] = self.templates.load(template_id)
        return template

    def _item(self, template_id: str, item_code: str) -> Item:
        template = self._template(template_id)
        try:
            return template.item((item_code or "").strip())
        except KeyError:
            raise DomainError(f"检查表 {template.key} 中没有检查项 {item_code}") from None

    @staticmethod
    def _row(session: Session, inspection_id: str) -> InspectionRow:
        return row_by_id(session, InspectionRow, inspection_id, "检查")
