"""Hazards: raise one, move it through its lifecycle, read it back with its history.

Each transition appends one event row and updates the hazard's mirrored status and deadline in
the same transaction; the core state machine decides what is allowed.

Major hazards (domain.md §2, inspector/core/major_hazard.py): a hazard raised as major is a
*suspected* one and names the case it meets by its id in the clause library (forms/); the
record event keeps the id and its citation as printed, and the row mirrors the citation in
`major_clause`, the track's standing in `major_status` and `severity` (major while suspected,
referred or confirmed). The steps of the track (refer, confirm, reject, supervise, suspend
production, restart review, treatment plan) go through `act` with their `detail`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core import hazard_lifecycle as lifecycle
from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Severity
from inspector.core.dates import today as today_in
from inspector.core.dates import utcnow
from inspector.core.errors import DomainError, ValidationError
from inspector.core.hazard_history import replay_merged
from inspector.core.hazard_lifecycle import HazardAction, HazardEvent, HazardState, HazardStatus
from inspector.core.labelled import LabelledEnum
from inspector.core.major_hazard import CITATION, CLAUSE, MAJOR_MARK, MajorStanding, MajorState, MajorStep
from inspector.core.major_hazard_clauses import EMPTY_LIBRARY, ClauseLibrary
from inspector.db.database import Database
from inspector.db.hlc import next_hlc
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import EnterpriseRow, HazardEventPhotoRow, HazardEventRow, HazardRow, InspectionRow
from inspector.db.records import record_from_row
from inspector.photos.photo_store import StoredPhoto
from inspector.queries.hazard_events import load_histories
from inspector.services.grading_follow import refresh_enterprise
from inspector.services.photo_rows import photo_row_id


class HazardSource(LabelledEnum):
    INSPECTION = "inspection", "检查发现"
    WORKER_REPORT = "worker_report", "职工随手拍"  # 安全隐患随手拍
    SELF_CHECK = "self_check", "企业自查"  # 企业自查


@dataclass(frozen=True)
class NewHazard:
    enterprise_id: str
    description: str
    found_on: date
    found_by: str
    deadline: date
    severity: Severity = Severity.GENERAL
    category: Category = Category.OTHER
    location_type: LocationType = LocationType.WHOLE_SITE
    location: str = ""
    source: HazardSource = HazardSource.INSPECTION
    inspection_id: str | None = None
    item_code: str | None = None
    legal_basis: str = ""
    major_clause: str = ""  # a major hazard: the id of the case it meets in the clause library
    measures: str = ""
    responsible_person: str = ""


@dataclass(frozen=True)
class HazardView:
    id: str
    enterprise_id: str
    enterprise_name: str
    inspection_id: str | None
    item_code: str | None
    source: HazardSource
    found_on: date
    found_by: str
    location_type: LocationType
    location: str
    category: Category
    description: str
    legal_basis: str
    severity: Severity
    major_clause: str
    measures: str
    responsible_person: str
    status: HazardStatus
    deadline: date
    rectified_on: date | None
    closed_on: date | None
    pending_extension: date | None
    events: tuple[HazardEvent, ...]
    major: MajorState

    @property
    def referral(self) -> HazardEvent | None:
        """The latest referral to the authority (移送): the 建议书 that goes with it is produced
        from this event (its authority, date and writer) and the hazard."""
        referrals = [e for e in self.events if e.action is HazardAction.REFER_MAJOR]
        return referrals[-1] if referrals else None

    def overdue(self, today: date) -> bool:
        return lifecycle.is_overdue(self.status, self.deadline, today)

    @property
    def before_photos(self) -> tuple[str, ...]:
        return self.events[0].photos if self.events else ()

    @property
    def after_photos(self) -> tuple[str, ...]:
        return tuple(
            p
            for e in self.events[1:]
            for p in e.photos
            if e.action in (HazardAction.FIX_ON_SITE, HazardAction.REQUEST_RECHECK, HazardAction.PASS_RECHECK)
        )


def event_columns(event: HazardEvent) -> dict[str, object]:
    """A lifecycle event as the columns of its hazard_events row (hazard and seq aside)."""
    return {
        "action": event.action.value,
        "from_status": event.from_status.value if event.from_status else None,
        "to_status": event.to_status.value,
        "at": event.at,
        "by": event.by,
        "note": event.note,
        "new_deadline": event.new_deadline,
        "detail": dict(event.detail),
    }


class HazardService:
    def __init__(self, db: Database, timezone: str, clauses: Callable[[], ClauseLibrary] | None = None) -> None:
        self.db = db
        self.timezone = timezone
        self.clauses = clauses or (lambda: EMPTY_LIBRARY)

    def clause_detail(self, clause_id: str) -> dict[str, str]:
        """What a record or a suspicion keeps of the case picked: its id and its citation.
        ValidationError if the library has no such case."""
        clause_id = clause_id.strip()
        library = self.clauses()
        if clause_id not in library:
            problem = f"“{clause_id}”不在重大事故隐患条款库中" if clause_id else "疑似重大事故隐患必须选定所符合的条款"
            raise ValidationError({"重大事故隐患判定条款": problem}, subject="隐患")
        return {CLAUSE: clause_id, CITATION: library.get(clause_id).citation}

    def raise_hazard(self, new: NewHazard, photos: Sequence[StoredPhoto] = (), at: datetime | None = None) -> str:
        """Record a hazard with its before-photos; returns its id."""
        problems = {}
        if not new.description.strip():
            problems["隐患描述"] = "不能为空"
        if new.deadline < new.found_on:
            problems["整改期限"] = f"{new.deadline.isoformat()} 早于发现日期 {new.found_on.isoformat()}"
        if new.source is HazardSource.INSPECTION and not new.inspection_id:
            problems["来源"] = "检查发现的隐患必须关联一次检查"
        if problems:
            raise ValidationError(problems, subject="隐患")
        # A hazard raised as major is a suspected one, with the case it meets (domain.md §2).
        detail: dict[str, str] = {}
        if new.severity is Severity.MAJOR:
            detail = {MAJOR_MARK: MajorStanding.SUSPECTED.value, **self.clause_detail(new.major_clause)}
        at = at or utcnow()
        state = lifecycle.record(new.deadline, at, new.found_by, photos=[p.sha256 for p in photos], detail=detail)
        with self.db.transaction() as session:
            enterprise = row_by_id(session, EnterpriseRow, new.enterprise_id, "企业")
            inspection_uuid = to_uuid(new.inspection_id, "检查") if new.inspection_id else None
            if inspection_uuid and session.get(InspectionRow, inspection_uuid) is None:
                raise DomainError(f"检查 {new.inspection_id} 不存在")
            row = HazardRow(
                enterprise_id=enterprise.id,
                inspection_id=inspection_uuid,
                item_code=new.item_code,
                source=new.source.value,
                found_on=new.found_on,
                found_by=new.found_by.strip(),
                location_type=new.location_type.value,
                location=new.location.strip(),
                category=new.category.value,
                description=new.description.strip(),
                legal_basis=new.legal_basis,
                severity=new.severity.value,
                major_status=state.major.standing.value,
                major_clause=state.major.citation,
                measures=new.measures,
                responsible_person=new.responsible_person,
                initial_deadline=new.deadline,
                status=state.status.value,
                deadline=state.deadline,
            )
            session.add(row)
            session.flush()
            self._append(session, row, state.events[-1], 1, photos)
            # Grading follows hazards (domain.md §4 rules 6 and 7) in the same transaction.
            refresh_enterprise(session, row.enterprise_id, today_in(self.timezone, at))
            return to_str(row.id)

    def act(
        self,
        hazard_id: str,
        action: HazardAction,
        by: str,
        note: str = "",
        photos: Sequence[StoredPhoto] = (),
        new_deadline: date | None = None,
        at: datetime | None = None,
        detail: Mapping[str, str] | None = None,
    ) -> HazardStatus:
        """Apply one lifecycle action; refused transitions raise TransitionRefused and change nothing.
        `detail`: what a major-hazard step names (major_hazard.py); for a suspicion, the clause
        id, whose citation is looked up here."""
        at = at or utcnow()
        detail = {k: v.strip() for k, v in (detail or {}).items() if v.strip()}
        if action.major_step is MajorStep.SUSPECT:
            detail.update(self.clause_detail(detail.get(CLAUSE, "")))
        with self.db.transaction() as session:
            row = self._row(session, hazard_id)
            status = transition(session, row, action, by, at, self.timezone, note, photos, new_deadline, detail)
            refresh_enterprise(session, row.enterprise_id, today_in(self.timezone, at))
            return status

    def get(self, hazard_id: str) -> HazardView:
        with self.db.reading() as session:
            row = self._row(session, hazard_id)
            state = self._state(session, row)
            enterprise = session.get(EnterpriseRow, row.enterprise_id)
            assert enterprise is not None
            return record_from_row(
                HazardView,
                row,
                id=to_str(row.id),
                enterprise_id=to_str(row.enterprise_id),
                enterprise_name=enterprise.name,
                inspection_id=to_str(row.inspection_id) if row.inspection_id else None,
                source=HazardSource(row.source),
                location_type=LocationType(row.location_type),
                category=Category(row.category),
                severity=Severity(row.severity),
                status=HazardStatus(row.status),
                pending_extension=state.pending_extension,
                events=state.events,
                major=state.major,
            )

    def allowed_actions(self, hazard_id: str) -> list[HazardAction]:
        with self.db.reading() as session:
            return lifecycle.allowed_actions(self._state(session, self._row(session, hazard_id)))

    def count(self) -> int:
        with self.db.reading() as session:
            return session.scalar(select(func.count()).select_from(HazardRow)) or 0

    # -- internals ----------------------------------------------------------------------------
    @staticmethod
    def _row(session: Session, hazard_id: str) -> HazardRow:
        return row_by_id(session, HazardRow, hazard_id, "隐患")

    @staticmethod
    def _history(session: Session, row: HazardRow) -> tuple[HazardState, int]:
        """The replayed state (events in causal order) and the next free `seq`."""
        session.flush()  # the history is read with Core: earlier steps of this transaction too
        history = load_histories(session, [row.id]).get(row.id)
        if history is None:
            raise DomainError(f"隐患 {to_str(row.id)} 没有任何记录")
        return replay_merged(row.initial_deadline, history.events), max(history.seq.values()) + 1

    @staticmethod
    def _state(session: Session, row: HazardRow) -> HazardState:
        return HazardService._history(session, row)[0]

    @staticmethod
    def _append(
        session: Session,
        row: HazardRow,
        event: HazardEvent,
        seq: int,
        photos: Sequence[StoredPhoto],
        follows: str | None = None,
    ) -> None:
        # The event's place in every copy's history: after the last event this copy has, with
        # this device's clock (inspector/core/causal_history.py). `at` is only what people see.
        stamp = next_hlc()
        event_row = HazardEventRow(
            hazard_id=row.id,
            seq=seq,
            hlc=stamp,
            stamp=stamp,
            follows=to_uuid(follows, "隐患记录") if follows else None,
            **event_columns(event),
        )
        session.add(event_row)
        session.flush()
        for position, photo in enumerate(photos):
            session.add(
                HazardEventPhotoRow(event_id=event_row.id, photo_id=photo_row_id(session, photo), position=position)
            )


def transition(
    session: Session,
    row: HazardRow,
    action: HazardAction,
    by: str,
    at: datetime,
    timezone: str,
    note: str = "",
    photos: Sequence[StoredPhoto] = (),
    new_deadline: date | None = None,
    detail: Mapping[str, str] | None = None,
) -> HazardStatus:
    """Apply one lifecycle action to a hazard row inside the caller's transaction: the event is
    appended and the mirrored status, deadline, dates and major-hazard track updated. The caller
    refreshes grading (`refresh_enterprise`) once it has made all its changes."""
    state, seq = HazardService._history(session, row)
    seen_last = state.events[-1].id
    state = lifecycle.apply(state, action, at, by, note, [p.sha256 for p in photos], new_deadline, detail)
    HazardService._append(session, row, state.events[-1], seq, photos, follows=seen_last)
    row.status, row.deadline = state.status.value, state.deadline
    track = state.major
    row.severity = (Severity.MAJOR if track.is_major else Severity.GENERAL).value
    row.major_status, row.major_clause = track.standing.value, track.citation
    day = today_in(timezone, at)
    if lifecycle.is_rectified(state.status) and row.rectified_on is None:
        row.rectified_on = day
    if state.status is HazardStatus.CLOSED:
        row.closed_on = day
    return state.status
