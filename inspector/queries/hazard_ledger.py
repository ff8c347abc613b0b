"""The hazard ledger (隐患台账): filter, sort and read hazards for the ledger page and its export.

Two steps, so that a page of 45,000 hazards stays fast: `ids(filter)` is one SQL query that
returns the matching ids (as text, in order), and `rows(ids)` reads the columns of the few a
screen shows, or of all of them in batches for an export.

Overdue and "due within N days" are derived from the deadline and status in SQL, with the
same rule as `hazard_lifecycle.is_overdue`: the enterprise still owes the fix
(AWAITING_FIX) and today is after the deadline. They are never stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from inspector.core.checklist import LocationType, Severity
from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import AWAITING_FIX, HazardAction, HazardStatus, is_overdue
from inspector.core.hazard_number import hazard_number
from inspector.core.labelled import LabelledEnum
from inspector.core.office_kind import NoticeKind
from inspector.db.database import Database
from inspector.db.ids import to_uuid
from inspector.db.models import (
    EnterpriseRow,
    HazardEventRow,
    HazardRow,
    InspectionInspectorRow,
    InspectorRow,
    NoticeHazardRow,
    NoticeRow,
)

# SQLite's default limit on bound parameters is far above this; it keeps each IN list small.
BATCH = 500
EXTENSION_ACTIONS = (HazardAction.REQUEST_EXTENSION, HazardAction.APPROVE_EXTENSION, HazardAction.REFUSE_EXTENSION)


class SortKey(LabelledEnum):
    FOUND_ON = "found_on", "发现日期"
    DEADLINE = "deadline", "整改期限"
    ENTERPRISE = "enterprise", "企业名称"
    TOWN = "town", "镇街"
    SEVERITY = "severity", "隐患等级"
    STATUS = "status", "状态"


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger shows. Empty fields do not filter.

    `statuses` empty means every status but voided (the ledger's count for a year then equals
    the "found" figure); list `voided` explicitly, or set `include_voided`, to see voided ones.
    `due_within_days` keeps hazards still awaiting the fix whose deadline is today or within
    the next N days (overdue ones excluded: they have their own filter).
    """

    statuses: tuple[HazardStatus, ...] = ()
    include_voided: bool = False
    severity: Severity | None = None
    overdue_only: bool = False
    due_within_days: int | None = None
    enterprise_id: str | None = None
    town: str | None = None
    inspector: str | None = None
    found_from: date | None = None
    found_to: date | None = None
    text: str | None = None
    sort: SortKey = SortKey.FOUND_ON
    descending: bool = True

    def __post_init__(self) -> None:
        if self.due_within_days is not None and self.due_within_days < 0:
            raise DomainError(f"“到期天数”不能为负数（收到 {self.due_within_days}）")
        if self.found_from and self.found_to and self.found_from > self.found_to:
            raise DomainError(f"起始日期 {self.found_from.isoformat()} 晚于截止日期 {self.found_to.isoformat()}")


@dataclass(frozen=True)
class LedgerRow:
    """One hazard as the ledger shows and exports it."""

    id: str
    found_on: date
    enterprise_id: str
    enterprise_name: str
    credit_code: str
    town: str
    location: str
    description: str
    severity: Severity
    measures: str
    responsible_person: str
    deadline: date
    recheck_result: str  # 通过 / 不通过 / "" (no re-check yet)
    recheck_date: date | None
    closed_on: date | None
    status: HazardStatus
    overdue: bool
    found_by: str
    category: str
    # The columns of the ledger an office files (exports): see `LedgerDetails`.
    details: LedgerDetails | None = None

    @property
    def number(self) -> str:
        """隐患编号: readable, and the same on every copy (inspector.core.hazard_number)."""
        return hazard_number(self.id, self.found_on)


@dataclass(frozen=True)
class LedgerDetails:
    """What the filed ledger adds to the screen's row (read only for exports: `iter_rows(details=True)`)."""

    source: str  # inspection | worker_report | self_check
    inspectors: tuple[str, ...]  # the inspection's inspectors, or the finder
    legal_basis: str
    major_clause: str
    notice_number: str  # the document the hazard was issued on ("" none; a 建议书 is not one)
    accepted_by: str  # 验收人: who passed the re-check, or saw the fix on the spot
    extensions: tuple[str, ...]  # each extension step, in order: "2026-04-10 申请延期至 2026-04-20（张三）"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class HazardLedger:
    def __init__(self, db: Database, today: date, timezone: str = DEFAULT_TIMEZONE) -> None:
        self.db = db
        self.today = today
        self.zone = ZoneInfo(timezone)
        self._sqlite = db.engine.dialect.name == "sqlite"

    # -- queries ----------------------------------------------------------------------------
    def conditions(self, f: LedgerFilter) -> list[ColumnElement[bool]]:
        """The WHERE clauses of a filter, on the hazards table alone."""
        where: list[ColumnElement[bool]] = []
        awaiting = [s.value for s in AWAITING_FIX]
        if f.statuses:
            where.append(HazardRow.status.in_([HazardStatus(s).value for s in f.statuses]))
        elif not f.include_voided:
            where.append(HazardRow.status != HazardStatus.VOIDED.value)
        if f.severity is not None:
            where.append(HazardRow.severity == Severity(f.severity).value)
        if f.overdue_only:
            where.append(and_(HazardRow.status.in_(awaiting), HazardRow.deadline < self.today))
        if f.due_within_days is not None:
            last = self.today + timedelta(days=f.due_within_days)
            where.append(and_(HazardRow.status.in_(awaiting), HazardRow.deadline.between(self.today, last)))
        if f.enterprise_id:
            where.append(HazardRow.enterprise_id == to_uuid(f.enterprise_id, "企业"))
        if f.town:
            # A subquery on the town index, so that the ledger need not join enterprises.
            where.append(
                HazardRow.enterprise_id.in_(select(EnterpriseRow.id).where(EnterpriseRow.town == f.town.strip()))
            )
        if f.inspector:
            name = f.inspector.strip()
            # The inspections this inspector signed, found once (an IN list, not a per-row EXISTS).
            on_inspection = HazardRow.inspection_id.in_(
                select(InspectionInspectorRow.inspection_id).where(
                    InspectionInspectorRow.inspector_id.in_(select(InspectorRow.id).where(InspectorRow.name == name))
                )
            )
            where.append(or_(HazardRow.found_by == name, on_inspection))
        if f.found_from:
            where.append(HazardRow.found_on >= f.found_from)
        if f.found_to:
            where.append(HazardRow.found_on <= f.found_to)
        if f.text and f.text.strip():
            pattern = _like(f.text.strip())
            named = select(EnterpriseRow.id).where(EnterpriseRow.name.like(pattern, escape="\\"))
            where.append(or_(HazardRow.description.like(pattern, escape="\\"), HazardRow.enterprise_id.in_(named)))
        return where

    def _order(self, f: LedgerFilter) -> list[ColumnElement[object]]:
        column = {
            SortKey.FOUND_ON: HazardRow.found_on,
            SortKey.DEADLINE: HazardRow.deadline,
            SortKey.ENTERPRISE: EnterpriseRow.name,
            SortKey.TOWN: EnterpriseRow.town,
            SortKey.SEVERITY: HazardRow.severity,
            SortKey.STATUS: HazardRow.status,
        }[SortKey(f.sort)]
        order = [column.desc() if f.descending else column.asc()]
        if f.sort is not SortKey.FOUND_ON:
            order.append(HazardRow.found_on.desc() if f.descending else HazardRow.found_on.asc())
        order.append(HazardRow.id.desc() if f.descending else HazardRow.id.asc())
        return order  # type: ignore[return-value]

    def _id_column(self) -> ColumnElement[str]:
        # SQLite keeps UUIDs as 32 hex digits: reading them as text skips building UUID objects.
        return type_coerce(HazardRow.id, String()) if self._sqlite else HazardRow.id  # type: ignore[return-value]

    def _id_text(self, value: object) -> str:
        return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")

    def _select(self, f: LedgerFilter, columns: Sequence[object], ordered: bool = False) -> Select[tuple[object, ...]]:
        query = select(*columns).select_from(HazardRow)
        if ordered and f.sort in (SortKey.ENTERPRISE, SortKey.TOWN):
            # Joined only to sort: filters on enterprises use subqueries, which keeps the common case fast.
            query = query.join(EnterpriseRow, EnterpriseRow.id == HazardRow.enterprise_id)
        return query.where(*self.conditions(f))

    def ids(self, f: LedgerFilter) -> list[str]:
        """Ids of the matching hazards, sorted as the filter asks: one query."""
        query = self._select(f, [self._id_column()], ordered=True).order_by(*self._order(f))
        with self.db.reading() as session:
            result = session.connection().execute(query)
            if self._sqlite:
                # Plain text ids straight from the driver: no per-row result processing, which
                # otherwise costs as much as the query itself for 45,000 rows.
                return [value for (value,) in result.cursor.fetchall()]
            return [self._id_text(v) for v in result.scalars()]

    def count(self, f: LedgerFilter) -> int:
        with self.db.reading() as session:
            return session.scalar(self._select(f, [func.count()])) or 0

    def rows(self, ids: Sequence[str]) -> list[LedgerRow]:
        """The ledger rows of `ids`, in the same order (unknown ids are left out)."""
        found: dict[str, LedgerRow] = {}
        with self.db.reading() as session:
            for start in range(0, len(ids), BATCH):
                for row in self._read_batch(session, ids[start : start + BATCH]):
                    found[row.id] = row
        return [found[i] for i in ids if i in found]

    def iter_rows(
        self, f: LedgerFilter, batch: int = BATCH, *, details: bool = False
    ) -> Generator[list[LedgerRow], None, None]:
        """All matching rows, in order, a batch at a time (for exports); with `details`, each row
        carries the filed ledger's columns (LedgerDetails)."""
        ids = self.ids(f)
        with self.db.reading() as session:
            for start in range(0, len(ids), batch):
                chunk = ids[start : start + batch]
                by_id = {row.id: row for row in self._read_batch(session, chunk, details)}
                yield [by_id[i] for i in chunk if i in by_id]

    # -- internals --------------------------------------------------------------------------
    def _read_batch(self, session: Session, ids: Sequence[str], details: bool = False) -> list[LedgerRow]:
        if not ids:
            return []
        id_col = self._id_column()
        if self._sqlite:
            keys: list[object] = [i.lower() for i in ids]
            match = id_col.in_(keys)
            event_match = type_coerce(HazardEventRow.hazard_id, String()).in_(keys)
        else:
            uuids = [to_uuid(i, "隐患") for i in ids]
            match = HazardRow.id.in_(uuids)
            event_match = HazardEventRow.hazard_id.in_(uuids)
        columns: list[object] = [
            id_col,
            HazardRow.found_on,
            self._text_id(HazardRow.enterprise_id),
            EnterpriseRow.name,
            EnterpriseRow.credit_code,
            EnterpriseRow.town,
            HazardRow.location,
            HazardRow.location_type,
            HazardRow.description,
            HazardRow.severity,
            HazardRow.measures,
            HazardRow.responsible_person,
            HazardRow.deadline,
            HazardRow.closed_on,
            HazardRow.status,
            HazardRow.found_by,
            HazardRow.category,
        ]
        shown = len(columns)
        if details:
            columns += [
                HazardRow.source,
                self._text_id(HazardRow.inspection_id),
                HazardRow.legal_basis,
                HazardRow.major_clause,
            ]
        hazards = session.execute(
            select(*columns).join(EnterpriseRow, EnterpriseRow.id == HazardRow.enterprise_id).where(match)
        ).all()
        actions = [HazardAction.PASS_RECHECK, HazardAction.FAIL_RECHECK]
        if details:
            actions += [*EXTENSION_ACTIONS, HazardAction.FIX_ON_SITE]
        events = session.execute(
            select(
                self._text_id(HazardEventRow.hazard_id),
                HazardEventRow.seq,
                HazardEventRow.action,
                HazardEventRow.at,
                HazardEventRow.by,
                HazardEventRow.note,
                HazardEventRow.new_deadline,
            ).where(event_match, HazardEventRow.action.in_([a.value for a in actions]))
        ).all()
        # The latest re-check of each hazard (pass or fail).
        rechecks: dict[str, tuple[int, str, datetime]] = {}
        for hazard_id, seq, action, at, *_ in events:
            if action not in (HazardAction.PASS_RECHECK.value, HazardAction.FAIL_RECHECK.value):
                continue
            key = self._id_text(hazard_id)
            if key not in rechecks or seq > rechecks[key][0]:
                rechecks[key] = (seq, action, at)
        found_by = next(i for i, column in enumerate(columns) if column is HazardRow.found_by)
        facts = [(h[0], *h[shown:], h[found_by]) for h in hazards]  # what _details reads of each hazard
        extra = self._details(session, facts, events, match) if details else {}
        result = []
        for (
            hid,
            found_on,
            enterprise_id,
            name,
            credit_code,
            town,
            location,
            location_type,
            description,
            severity,
            measures,
            responsible,
            deadline,
            closed_on,
            status,
            found_by,
            category,
        ) in (h[:shown] for h in hazards):
            key = self._id_text(hid)
            recheck = rechecks.get(key)
            result_text, recheck_day = "", None
            if recheck:
                result_text = "通过" if recheck[1] == HazardAction.PASS_RECHECK.value else "不通过"
                at = recheck[2] if recheck[2].tzinfo else recheck[2].replace(tzinfo=UTC)
                recheck_day = at.astimezone(self.zone).date()
            state = HazardStatus(status)
            result.append(
                LedgerRow(
                    id=key,
                    found_on=found_on,
                    enterprise_id=self._id_text(enterprise_id),
                    enterprise_name=name,
                    credit_code=credit_code,
                    town=town,
                    location=location or _location_label(location_type),
                    description=description,
                    severity=Severity(severity),
                    measures=measures,
                    responsible_person=responsible,
                    deadline=deadline,
                    recheck_result=result_text,
                    recheck_date=recheck_day,
                    closed_on=closed_on,
                    status=state,
                    overdue=is_overdue(state, deadline, self.today),
                    found_by=found_by,
                    category=category,
                    details=extra.get(key),
                )
            )
        return result

    def _details(
        self,
        session: Session,
        hazards: Sequence[Sequence[Any]],
        events: Sequence[Sequence[Any]],
        match: ColumnElement[bool],
    ) -> dict[str, LedgerDetails]:
        """The filed ledger's columns: `hazards` are (id, source, inspection id, legal basis,
        major clause, finder), `events` the batch's re-check, on-site fix and extension steps."""
        text_id = self._text_id
        inspection_ids = {self._id_text(inspection) for _, _, inspection, *_ in hazards if inspection is not None}
        names: dict[str, list[tuple[int, str]]] = {}
        if inspection_ids:
            inspection = text_id(InspectionInspectorRow.inspection_id)
            keys: list[object] = list(inspection_ids) if self._sqlite else [to_uuid(i) for i in inspection_ids]
            for inspection_id, position, name in session.execute(
                select(inspection, InspectionInspectorRow.position, InspectorRow.name)
                .join(InspectorRow, InspectorRow.id == InspectionInspectorRow.inspector_id)
                .where(inspection.in_(keys))
            ):
                names.setdefault(self._id_text(inspection_id), []).append((position, name))
        notices: dict[str, str] = {}
        for hazard_id, number in session.execute(
            select(text_id(NoticeHazardRow.hazard_id), NoticeRow.number)
            .join(NoticeRow, NoticeRow.id == NoticeHazardRow.notice_id)
            .where(
                NoticeHazardRow.hazard_id.in_(select(HazardRow.id).where(match)),
                NoticeRow.kind != NoticeKind.REFERRAL.value,
            )
            .order_by(NoticeRow.issued_on)
        ):
            notices.setdefault(self._id_text(hazard_id), number)
        accepted: dict[str, tuple[int, str]] = {}
        on_site: dict[str, str] = {}
        extensions: dict[str, list[tuple[int, str]]] = {}
        for hazard_id, seq, action, at, by, note, new_deadline in events:
            key, step = self._id_text(hazard_id), HazardAction(action)
            if step is HazardAction.PASS_RECHECK:
                if key not in accepted or seq > accepted[key][0]:
                    accepted[key] = (seq, by)
            elif step is HazardAction.FIX_ON_SITE:
                on_site[key] = by
            elif step in EXTENSION_ACTIONS:
                moment = at if at.tzinfo else at.replace(tzinfo=UTC)
                line = f"{moment.astimezone(self.zone).date().isoformat()} {step.label}"
                if new_deadline is not None:
                    line += f"至 {new_deadline.isoformat()}"
                line += f"（{by}）" + (f"：{note}" if note else "")
                extensions.setdefault(key, []).append((seq, line))
        result = {}
        for hazard_id, source, inspection_of, legal_basis, major_clause, found_by in hazards:
            key = self._id_text(hazard_id)
            signed = names.get(self._id_text(inspection_of), []) if inspection_of else []
            people = tuple(name for _, name in sorted(signed)) or (found_by,)
            result[key] = LedgerDetails(
                source=source,
                inspectors=people,
                legal_basis=legal_basis or "",
                major_clause=major_clause or "",
                notice_number=notices.get(key, ""),
                accepted_by=accepted[key][1] if key in accepted else on_site.get(key, ""),
                extensions=tuple(line for _, line in sorted(extensions.get(key, []))),
            )
        return result

    def _text_id(self, column: object) -> ColumnElement[object]:
        # SQLite keeps UUIDs as 32 hex digits: read as text, like `_id_column`.
        return type_coerce(column, String()) if self._sqlite else column  # type: ignore[return-value]


def _location_label(value: str) -> str:
    try:
        return LocationType(value).label
    except ValueError:
        return value
