"""Rectification notices: issue one for hazards of one enterprise (and inspection), read it back,
record the enterprise's signed receipt.

Numbers are allocated offline (inspector.core.notice_number): office code, year, this device's
prefix (stored once in `meta` as ``notice_prefix``) and a per-device, per-year sequence in `meta`
(``notice_seq:<year>``). The sequence is raised by the first statement of the transaction that
stores the notice, which takes SQLite's write lock at once: two processes (or two Database
objects) issuing at the same moment queue on the lock instead of reading the same value, and a
number, once the notice is committed, is never handed out again, even if the notice is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Integer, Text, cast, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inspector.core.checklist import LocationType
from inspector.core.dates import today as today_in
from inspector.core.dates import utcnow
from inspector.core.errors import DomainError, ValidationError
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.labelled import LabelledEnum
from inspector.core.notice_number import device_prefix, format_number, is_number, parse_number
from inspector.db.database import Database, get_meta
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import EnterpriseRow, HazardRow, InspectionRow, Meta, NoticeHazardRow, NoticeRow
from inspector.services.grading_follow import refresh_enterprise
from inspector.services.hazards import transition
from inspector.settings import Settings

PREFIX_KEY = "notice_prefix"
SEQ_KEY = "notice_seq:"  # + year


class NoticeKind(LabelledEnum):
    RECTIFICATION = "rectification", "整改通知书"  # 整改通知书
    SUPERVISION = "supervision", "监督意见书"  # 监督意见书


class OrderType(LabelledEnum):
    IMMEDIATE = "immediate", "责令立即改正"  # 责令立即改正
    DEADLINE = "deadline", "责令限期改正"  # 责令限期改正


@dataclass(frozen=True)
class NoticeHazard:
    id: str
    location: str
    description: str
    clause: str  # legal basis, or the major-hazard clause
    requirement: str  # the measures required
    deadline: date
    severity: str
    major_status: str = "none"  # the major-hazard track's standing (core/major_hazard.py)


@dataclass(frozen=True)
class NoticeView:
    id: str
    number: str
    kind: NoticeKind
    order_type: OrderType
    enterprise_id: str
    enterprise_name: str
    credit_code: str
    inspection_id: str | None
    inspection_date: date | None
    issued_on: date
    recheck_on: date | None
    issuing_body: str
    inspectors: tuple[str, ...]
    hazards: tuple[NoticeHazard, ...]
    received_by: str | None
    received_on: date | None

    @property
    def received(self) -> bool:
        return self.received_on is not None


class NoticeService:
    def __init__(self, db: Database, settings: Callable[[], Settings]) -> None:
        """`settings` is read at each call, so a changed office code, name or time zone applies
        at once (the workspace passes a function returning its current settings)."""
        self.db = db
        self._settings = settings

    @property
    def timezone(self) -> str:
        return self._settings().timezone

    def issue(
        self,
        hazard_ids: Sequence[str],
        *,
        kind: NoticeKind | str,
        order_type: OrderType | str,
        issued_by: Sequence[str],
        recheck_on: date | None = None,
        inspection_id: str | None = None,
        enterprise_id: str | None = None,
        at: datetime | None = None,
    ) -> NoticeView:
        """Issue a notice for recorded hazards of one enterprise (of one inspection, if given):
        each hazard moves to notice_issued with an event, all in one transaction with the number."""
        at = at or utcnow()
        issued_on = today_in(self.timezone, at)
        try:
            kind, order_type = NoticeKind(kind), OrderType(order_type)
        except ValueError as error:
            raise DomainError(f"通知书类别或责令方式无效：{error}") from None
        inspectors = list(dict.fromkeys(name.strip() for name in issued_by if name.strip()))
        problems: dict[str, str] = {}
        if not hazard_ids:
            problems["隐患"] = "至少选择一条隐患"
        if len(set(hazard_ids)) != len(hazard_ids):
            problems["隐患"] = "同一隐患选择了两次"
        if len(inspectors) < 2:
            problems["检查人员"] = "通知书须由至少两名检查人员签发"
        if inspection_id is None and enterprise_id is None:
            problems["企业"] = "须指定检查或企业"
        if order_type is OrderType.DEADLINE and recheck_on is None:
            problems["复查日期"] = "限期改正须写明复查日期"
        if recheck_on is not None and recheck_on < issued_on:
            problems["复查日期"] = f"{recheck_on.isoformat()} 早于签发日期 {issued_on.isoformat()}"
        if problems:
            raise ValidationError(problems, subject="整改通知书")
        hazard_uuids = [to_uuid(h, "隐患") for h in hazard_ids]

        with self.db.transaction() as session:
            # First statement: a write, so SQLite's write lock is taken before anything is read.
            number = self._next_number(session, issued_on.year)
            inspection = None
            if inspection_id is not None:
                inspection = session.get(InspectionRow, to_uuid(inspection_id, "检查"))
                if inspection is None:
                    raise DomainError(f"检查 {inspection_id} 不存在")
                if enterprise_id is not None and inspection.enterprise_id != to_uuid(enterprise_id, "企业"):
                    raise DomainError("检查不属于所指定的企业")
                enterprise_uuid = inspection.enterprise_id
            else:
                assert enterprise_id is not None
                enterprise_uuid = to_uuid(enterprise_id, "企业")
            if session.get(EnterpriseRow, enterprise_uuid) is None:
                raise DomainError(f"企业 {enterprise_id} 不存在")
            rows = []
            for hazard_uuid in hazard_uuids:
                row = session.get(HazardRow, hazard_uuid)
                if row is None:
                    raise DomainError(f"隐患 {to_str(hazard_uuid)} 不存在")
                if row.enterprise_id != enterprise_uuid:
                    problems[to_str(row.id)] = f"隐患“{row.description}”不属于该企业"
                elif inspection is not None and row.inspection_id != inspection.id:
                    problems[to_str(row.id)] = f"隐患“{row.description}”不是本次检查发现的"
                elif row.status != HazardStatus.RECORDED.value:
                    label = HazardStatus(row.status).label
                    problems[to_str(row.id)] = f"隐患“{row.description}”当前为“{label}”，只能为“已登记”的隐患下发通知书"
                rows.append(row)
            if problems:
                raise ValidationError(problems, subject="整改通知书")
            notice = NoticeRow(
                number=number,
                kind=kind.value,
                order_type=order_type.value,
                enterprise_id=enterprise_uuid,
                inspection_id=inspection.id if inspection is not None else None,
                issued_on=issued_on,
                recheck_on=recheck_on,
                issuing_body=self._settings().office_name,
                inspectors=inspectors,
            )
            session.add(notice)
            session.flush()
            note = f"{kind.label} {number}（{order_type.label}）"
            for position, row in enumerate(rows):
                session.add(NoticeHazardRow(notice_id=notice.id, hazard_id=row.id, position=position))
                transition(session, row, HazardAction.ISSUE_NOTICE, "、".join(inspectors), at, self.timezone, note)
            refresh_enterprise(session, enterprise_uuid, issued_on)
            session.flush()
            return self._view(session, notice)

    def get(self, number_or_id: str) -> NoticeView:
        with self.db.reading() as session:
            return self._view(session, self._row(session, number_or_id))

    def record_receipt(self, notice_id: str, received_by: str, received_on: date) -> NoticeView:
        """The enterprise's signed receipt (签收): who signed for it and when; recorded once."""
        received_by = (received_by or "").strip()
        if not received_by:
            raise ValidationError({"签收人": "不能为空"}, subject="整改通知书签收")
        with self.db.transaction() as session:
            row = self._row(session, notice_id)
            if row.received_on is not None:
                raise DomainError(
                    f"通知书 {row.number} 已于 {row.received_on.isoformat()} 由 {row.received_by} 签收，不能重复签收"
                )
            if received_on < row.issued_on:
                raise ValidationError(
                    {"签收日期": f"{received_on.isoformat()} 早于签发日期 {row.issued_on.isoformat()}"},
                    subject="整改通知书签收",
                )
            row.received_by, row.received_on = received_by, received_on
            session.flush()
            return self._view(session, row)

    def for_enterprise(self, enterprise_id: str) -> list[NoticeView]:
        with self.db.reading() as session:
            rows = session.scalars(
                select(NoticeRow)
                .where(NoticeRow.enterprise_id == to_uuid(enterprise_id, "企业"))
                .order_by(NoticeRow.issued_on.desc(), NoticeRow.number.desc())
            )
            return [self._view(session, row) for row in rows]

    def notice_of_hazard(self, hazard_id: str) -> str | None:
        """The number of the notice a hazard was issued on, if any."""
        with self.db.reading() as session:
            return session.scalar(
                select(NoticeRow.number)
                .join(NoticeHazardRow, NoticeHazardRow.notice_id == NoticeRow.id)
                .where(NoticeHazardRow.hazard_id == to_uuid(hazard_id, "隐患"))
                .limit(1)
            )

    # -- internals ----------------------------------------------------------------------------
    def _next_number(self, session: Session, year: int) -> str:
        key = f"{SEQ_KEY}{year}"
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
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
        seq = int(get_meta(session, key) or "0")
        prefix = get_meta(session, PREFIX_KEY)
        if prefix is None:
            prefix = device_prefix(self.db.device_id)
            session.add(Meta(key=PREFIX_KEY, value=prefix))
            session.flush()
        return format_number(self._settings().office_code, year, prefix, seq)

    @staticmethod
    def _row(session: Session, number_or_id: str) -> NoticeRow:
        text = (number_or_id or "").strip()
        if not is_number(text):
            return row_by_id(session, NoticeRow, text, "整改通知书")
        row = session.scalar(select(NoticeRow).where(NoticeRow.number == str(parse_number(text))))
        if row is None:
            raise DomainError(f"整改通知书 {number_or_id} 不存在")
        return row

    @staticmethod
    def _view(session: Session, row: NoticeRow) -> NoticeView:
        enterprise = session.get(EnterpriseRow, row.enterprise_id)
        assert enterprise is not None
        inspection = session.get(InspectionRow, row.inspection_id) if row.inspection_id else None
        hazards = session.scalars(
            select(HazardRow)
            .join(NoticeHazardRow, NoticeHazardRow.hazard_id == HazardRow.id)
            .where(NoticeHazardRow.notice_id == row.id)
            .order_by(NoticeHazardRow.position)
        )
        return NoticeView(
            id=to_str(row.id),
            number=row.number,
            kind=NoticeKind(row.kind),
            order_type=OrderType(row.order_type),
            enterprise_id=to_str(row.enterprise_id),
            enterprise_name=enterprise.name,
            credit_code=enterprise.credit_code,
            inspection_id=to_str(row.inspection_id) if row.inspection_id else None,
            inspection_date=inspection.inspection_date if inspection else None,
            issued_on=row.issued_on,
            recheck_on=row.recheck_on,
            issuing_body=row.issuing_body,
            inspectors=tuple(row.inspectors),
            hazards=tuple(
                NoticeHazard(
                    id=to_str(h.id),
                    location=h.location or LocationType(h.location_type).label,
                    description=h.description,
                    clause=h.major_clause or h.legal_basis,
                    requirement=h.measures,
                    deadline=h.deadline,
                    severity=h.severity,
                    major_status=h.major_status,
                )
                for h in hazards
            ),
            received_by=row.received_by,
            received_on=row.received_on,
        )
