"""Notices: issue one for hazards of one enterprise (and inspection), read it back, record the
enterprise's signed receipt and, for a union's letter, its written reply; refer an unanswered
letter or a major hazard to the authority in a 建议书 (移送).

The office's kind (settings.office_kind, inspector.core.office_kind) decides the documents: a
union issues 监督意见书 or 整改建议书, signed for the office by a 签发人 from the roster and
carrying its inspectors' 监督证 numbers, and the enterprise replies in writing within 15 working
days (inspector.core.working_days); an authority issues 责令限期整改指令书. The document type is
stored with the number and never changes: one number is one document.

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

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.checklist import LocationType
from inspector.core.dates import today as today_in
from inspector.core.dates import utcnow
from inspector.core.errors import DomainError, ValidationError
from inspector.core.hazard_lifecycle import OPEN, HazardAction, HazardStatus
from inspector.core.notice_number import format_number, is_number, parse_number
from inspector.core.office_kind import (
    REPLY_WORKING_DAYS,
    NoticeKind,
    OfficeKind,
    OrderType,
    ReferralReason,
    asks_reply,
    check_letter_kind,
    letter_kinds,
    order_wording,
    orders,
)
from inspector.core.working_days import WorkingDeadline, add_working_days
from inspector.db.database import Database
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import (
    EnterpriseRow,
    HazardRow,
    InspectionRow,
    InspectorRow,
    NoticeHazardRow,
    NoticeRow,
)
from inspector.services.device_sequences import next_in_sequence, stored_prefix
from inspector.services.grading_follow import refresh_enterprise
from inspector.services.hazards import transition
from inspector.services.roster import Inspector, permits_in
from inspector.settings import Settings

SEQ_KEY = "notice_seq:"  # + year


@dataclass(frozen=True)
class NoticeHazard:
    id: str
    location: str
    description: str
    clause: str  # legal basis, or the major-hazard clause
    requirement: str  # the measures required
    deadline: date
    severity: str
    open: bool = True  # not yet rectified (nor voided)


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
    signed_by: str = ""  # 签发人
    permits: tuple[str, ...] = ()  # 监督证 numbers, in the order of `inspectors` ("" unknown)
    replied_on: date | None = None
    reply_note: str = ""
    refers_to: str = ""  # a 建议书: the number of the letter it refers
    addressee: str = ""  # a 建议书: the authority
    reason: ReferralReason | None = None  # a 建议书: why
    # A union's letter: the written reply is due 15 working days after receipt (after issue
    # while no receipt is recorded). None for documents that ask no reply.
    reply_due: WorkingDeadline | None = None

    @property
    def received(self) -> bool:
        return self.received_on is not None

    def reply_overdue(self, today: date) -> bool:
        """The letter asked for a written reply, none has arrived, and its due date has passed."""
        return self.reply_due is not None and self.replied_on is None and today > self.reply_due.due


class NoticeService:
    def __init__(self, db: Database, settings: Callable[[], Settings]) -> None:
        """`settings` is read at each call, so a changed office code, name or time zone applies
        at once (the workspace passes a function returning its current settings)."""
        self.db = db
        self._settings = settings

    @property
    def timezone(self) -> str:
        return self._settings().timezone

    @property
    def office_kind(self) -> OfficeKind:
        return self._settings().kind

    def issue(
        self,
        hazard_ids: Sequence[str],
        *,
        order_type: OrderType | str,
        issued_by: Sequence[str],
        kind: NoticeKind | str | None = None,
        signed_by: str = "",
        recheck_on: date | None = None,
        inspection_id: str | None = None,
        enterprise_id: str | None = None,
        at: datetime | None = None,
    ) -> NoticeView:
        """Issue a notice for recorded hazards of one enterprise (of one inspection, if given):
        each hazard moves to notice_issued with an event, all in one transaction with the number.

        `kind` defaults to the office's first document (监督意见书 for a union, 责令限期整改指令书
        for an authority); a kind the office may not issue is refused. A union's letter needs a
        签发人 from the roster (`signed_by`) and a 监督证 number on the roster for each inspector."""
        at = at or utcnow()
        issued_on = today_in(self.timezone, at)
        office = self.office_kind
        try:
            kind, order_type = NoticeKind(kind or letter_kinds(office)[0]), OrderType(order_type)
        except ValueError as error:
            raise DomainError(f"通知书类别或整改方式无效：{error}") from None
        check_letter_kind(kind, office)
        inspectors = list(dict.fromkeys(name.strip() for name in issued_by if name.strip()))
        signed_by = (signed_by or "").strip()
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
            raise ValidationError(problems, subject=kind.label)
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
            permits = self._signers(session, office, inspectors, signed_by, problems)
            if problems:
                raise ValidationError(problems, subject=kind.label)
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
                permits=permits,
                signed_by=signed_by,
            )
            session.add(notice)
            session.flush()
            note = f"{kind.label} {number}（{order_wording(order_type, orders(kind, office))}）"
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
            raise ValidationError({"签收人": "不能为空"}, subject="文书签收")
        with self.db.transaction() as session:
            row = self._row(session, notice_id)
            if row.received_on is not None:
                raise DomainError(
                    f"文书 {row.number} 已于 {row.received_on.isoformat()} 由 {row.received_by} 签收，不能重复签收"
                )
            if received_on < row.issued_on:
                raise ValidationError(
                    {"签收日期": f"{received_on.isoformat()} 早于签发日期 {row.issued_on.isoformat()}"},
                    subject="文书签收",
                )
            row.received_by, row.received_on = received_by, received_on
            session.flush()
            return self._view(session, row)

    def record_reply(self, notice_id: str, replied_on: date, note: str = "") -> NoticeView:
        """The enterprise's written reply to a union's letter arrived on `replied_on`; recorded once."""
        with self.db.transaction() as session:
            row = self._row(session, notice_id)
            kind = NoticeKind(row.kind)
            if not asks_reply(kind):
                raise DomainError(f"{kind.label} {row.number} 不要求企业书面答复，无需登记答复")
            if row.replied_on is not None:
                raise DomainError(
                    f"{kind.label} {row.number} 的书面答复已于 {row.replied_on.isoformat()} 登记，不能重复登记"
                )
            today = today_in(self.timezone)
            if replied_on < row.issued_on or replied_on > today:
                raise ValidationError(
                    {"答复日期": f"{replied_on.isoformat()} 应在签发日期 {row.issued_on.isoformat()} 与今天之间"},
                    subject="书面答复",
                )
            row.replied_on, row.reply_note = replied_on, (note or "").strip()
            session.flush()
            return self._view(session, row)

    def awaiting_reply(self) -> list[NoticeView]:
        """Union letters whose written reply has not arrived, the earliest due first."""
        with self.db.reading() as session:
            rows = session.scalars(
                select(NoticeRow).where(
                    NoticeRow.kind.in_([k.value for k in NoticeKind if asks_reply(k)]), NoticeRow.replied_on.is_(None)
                )
            )
            views = [self._view(session, row) for row in rows]
        return sorted(views, key=lambda v: (v.reply_due.due if v.reply_due else v.issued_on, v.number))

    def referral_of(self, notice_id: str) -> NoticeView | None:
        """The 建议书 that referred this letter to the authority, if any."""
        with self.db.reading() as session:
            letter = self._row(session, notice_id)
            row = session.scalar(
                select(NoticeRow).where(
                    NoticeRow.kind == NoticeKind.REFERRAL.value, NoticeRow.refers_to == letter.number
                )
            )
            return None if row is None else self._view(session, row)

    def refer_unanswered(
        self, notice_id: str, *, signed_by: str, inspectors: Sequence[str] = (), at: datetime | None = None
    ) -> NoticeView:
        """A 建议书 to the authority (移送) for a union letter whose written reply is overdue: it
        lists the letter's hazards still open. `inspectors` default to the letter's."""
        self._require_union()
        at = at or utcnow()
        today = today_in(self.timezone, at)
        with self.db.reading() as session:
            letter = self._view(session, self._row(session, notice_id))
        if not asks_reply(letter.kind):
            raise DomainError(f"{letter.kind.label} {letter.number} 不要求书面答复，不能按“逾期未答复”移送")
        if letter.replied_on is not None:
            raise DomainError(
                f"{letter.kind.label} {letter.number} 已于 {letter.replied_on.isoformat()} 收到书面答复，无需移送"
            )
        assert letter.reply_due is not None
        if not letter.reply_overdue(today):
            raise DomainError(
                f"{letter.kind.label} {letter.number} 的答复期限为 {letter.reply_due.due.isoformat()}，"
                "尚未届满，暂不能移送"
            )
        open_ids = [h.id for h in letter.hazards if h.open]
        if not open_ids:
            raise DomainError(f"{letter.kind.label} {letter.number} 所列隐患均已整改或作废，无需移送")
        return self._refer(
            open_ids,
            ReferralReason.UNANSWERED,
            signed_by=signed_by,
            inspectors=list(inspectors) or list(letter.inspectors),
            at=at,
            letter=letter,
        )

    def refer_major_hazard(
        self, hazard_ids: Sequence[str], *, signed_by: str, inspectors: Sequence[str], at: datetime | None = None
    ) -> NoticeView:
        """A 建议书 to the authority (移送) for open major hazards of one enterprise, which the
        authority must confirm and supervise. For the major-hazard workflow to call."""
        self._require_union()
        with self.db.reading() as session:
            for hazard_id in hazard_ids:
                row = session.get(HazardRow, to_uuid(hazard_id, "隐患"))
                if row is None:
                    raise DomainError(f"隐患 {hazard_id} 不存在")
                if row.severity != "major":
                    raise DomainError(f"隐患“{row.description}”不是重大事故隐患，不能按重大事故隐患移送")
                if HazardStatus(row.status) not in OPEN:
                    raise DomainError(f"隐患“{row.description}”当前为“{HazardStatus(row.status).label}”，无需移送")
        return self._refer(hazard_ids, ReferralReason.MAJOR_HAZARD, signed_by=signed_by, inspectors=inspectors, at=at)

    def for_enterprise(self, enterprise_id: str) -> list[NoticeView]:
        with self.db.reading() as session:
            rows = session.scalars(
                select(NoticeRow)
                .where(NoticeRow.enterprise_id == to_uuid(enterprise_id, "企业"))
                .order_by(NoticeRow.issued_on.desc(), NoticeRow.number.desc())
            )
            return [self._view(session, row) for row in rows]

    def notice_of_hazard(self, hazard_id: str) -> str | None:
        """The number of the notice a hazard was issued on, if any (a 建议书 referring it is not one)."""
        with self.db.reading() as session:
            return session.scalar(
                select(NoticeRow.number)
                .join(NoticeHazardRow, NoticeHazardRow.notice_id == NoticeRow.id)
                .where(
                    NoticeHazardRow.hazard_id == to_uuid(hazard_id, "隐患"),
                    NoticeRow.kind != NoticeKind.REFERRAL.value,
                )
                .limit(1)
            )

    # -- internals ----------------------------------------------------------------------------
    def _require_union(self) -> None:
        if self.office_kind is not OfficeKind.UNION:
            raise DomainError("建议书是工会向行政机关移送隐患的文书；本单位为行政机关，请直接签发责令限期整改指令书")

    def _signers(
        self, session: Session, office: OfficeKind, inspectors: list[str], signed_by: str, problems: dict[str, str]
    ) -> list[str]:
        """The inspectors' 监督证 numbers from the roster; for a union, the 签发人 must be on the
        roster and every inspector must have a number (else a problem is added)."""
        roster = [
            Inspector("", row.name, row.staff_no, row.office, row.active, row.permit_no)
            for row in session.scalars(select(InspectorRow).where(InspectorRow.active))
        ]
        numbers = permits_in(roster, inspectors)
        if office is OfficeKind.UNION:
            if not signed_by:
                problems["签发人"] = "须从检查人员名单中选择签发人"
            elif signed_by not in {person.name for person in roster}:
                problems["签发人"] = f"“{signed_by}”不在检查人员名单中"
            missing = [name for name in inspectors if not numbers[name]]
            if missing:
                problems["监督证号"] = f"{'、'.join(missing)} 未登记监督证号（工会检查人员须持监督证）"
        return [numbers[name] for name in inspectors]

    def _refer(
        self,
        hazard_ids: Sequence[str],
        reason: ReferralReason,
        *,
        signed_by: str,
        inspectors: Sequence[str],
        at: datetime | None,
        letter: NoticeView | None = None,
    ) -> NoticeView:
        at = at or utcnow()
        issued_on = today_in(self.timezone, at)
        settings = self._settings()
        self._require_union()
        names = list(dict.fromkeys(name.strip() for name in inspectors if name.strip()))
        problems: dict[str, str] = {}
        if not hazard_ids:
            problems["隐患"] = "至少选择一条隐患"
        if not names:
            problems["检查人员"] = "须写明经办的检查人员"
        if problems:
            raise ValidationError(problems, subject=NoticeKind.REFERRAL.label)
        with self.db.transaction() as session:
            number = self._next_number(session, issued_on.year)
            rows = [session.get(HazardRow, to_uuid(h, "隐患")) for h in hazard_ids]
            if any(row is None for row in rows):
                raise DomainError("所选隐患不存在")
            enterprises = {row.enterprise_id for row in rows if row is not None}
            if len(enterprises) != 1:
                raise DomainError("一份建议书只移送一家企业的隐患")
            if letter is not None:
                done = session.scalar(
                    select(NoticeRow.number).where(
                        NoticeRow.kind == NoticeKind.REFERRAL.value, NoticeRow.refers_to == letter.number
                    )
                )
                if done is not None:
                    raise DomainError(f"{letter.kind.label} {letter.number} 已移送，建议书编号 {done}")
            permits = self._signers(session, OfficeKind.UNION, names, signed_by.strip(), problems)
            if problems:
                raise ValidationError(problems, subject=NoticeKind.REFERRAL.label)
            first = rows[0]
            assert first is not None
            notice = NoticeRow(
                number=number,
                kind=NoticeKind.REFERRAL.value,
                order_type=letter.order_type.value if letter else OrderType.DEADLINE.value,
                enterprise_id=first.enterprise_id,
                inspection_id=to_uuid(letter.inspection_id) if letter and letter.inspection_id else first.inspection_id,
                issued_on=issued_on,
                recheck_on=None,
                issuing_body=settings.office_name,
                inspectors=names,
                permits=permits,
                signed_by=signed_by.strip(),
                refers_to=letter.number if letter else "",
                addressee=settings.authority_name.strip(),
                reason=reason.value,
            )
            session.add(notice)
            session.flush()
            for position, row in enumerate(rows):
                assert row is not None
                session.add(NoticeHazardRow(notice_id=notice.id, hazard_id=row.id, position=position))
            session.flush()
            return self._view(session, notice)

    def _next_number(self, session: Session, year: int) -> str:
        seq = next_in_sequence(session, f"{SEQ_KEY}{year}")
        return format_number(self._settings().office_code, year, stored_prefix(session, self.db.device_id), seq)

    @staticmethod
    def _row(session: Session, number_or_id: str) -> NoticeRow:
        text = (number_or_id or "").strip()
        if not is_number(text):
            return row_by_id(session, NoticeRow, text, "文书")
        row = session.scalar(select(NoticeRow).where(NoticeRow.number == str(parse_number(text))))
        if row is None:
            raise DomainError(f"文书 {number_or_id} 不存在")
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
        kind = NoticeKind(row.kind)
        return NoticeView(
            id=to_str(row.id),
            number=row.number,
            kind=kind,
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
                    open=HazardStatus(h.status) in OPEN,
                )
                for h in hazards
            ),
            received_by=row.received_by,
            received_on=row.received_on,
            signed_by=row.signed_by or "",
            permits=tuple(row.permits or ()),
            replied_on=row.replied_on,
            reply_note=row.reply_note or "",
            refers_to=row.refers_to or "",
            addressee=row.addressee or "",
            reason=ReferralReason(row.reason) if row.reason else None,
            reply_due=(
                add_working_days(row.received_on or row.issued_on, REPLY_WORKING_DAYS) if asks_reply(kind) else None
            ),
        )
