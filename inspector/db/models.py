"""SQLAlchemy 2 models: the same tables on the laptop's SQLite and the city's PostgreSQL.

Every table has a UUID key, created/updated timestamps (UTC) and the id of the device that
last wrote the row, which sync builds on. These classes never leave the data layers (`db`,
`services`, `queries`, `sync`): services turn them into the plain dataclasses of `inspector.core` before returning.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from inspector.db.hlc import next_hlc


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: SQLite has no time zones, and PostgreSQL then agrees."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Tracked:
    """Columns every syncable row carries (see inspector/sync/engine.py for how they merge).

    `hlc` orders versions of a row across devices (hybrid logical clock, set on every insert and
    every ORM update by `database._stamp_rows`); `device_id` is the device that wrote this
    version and breaks ties; `base_hlc` is the foreign version this one was edited from (0 for a
    new row), which tells a concurrent edit from a later one. `changed_seq` is local
    bookkeeping, never sent: this database's clock when the row last changed here (by an edit or
    by a sync), so "what changed since the last export to that peer" is `changed_seq > mark`.
    `synced_hlc`, local too, is the version that last arrived from the home central database:
    while `hlc` still equals it, the row has not changed here since, and a push leaves it out.
    """

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    device_id: Mapped[str] = mapped_column(String(32))
    hlc: Mapped[int] = mapped_column(BigInteger, default=next_hlc)
    base_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    changed_seq: Mapped[int] = mapped_column(BigInteger, default=next_hlc, onupdate=next_hlc, index=True)
    synced_hlc: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Linked:
    """Entries of an append-only history that laptops extend offline (hazard events,
    amendments), ordered by causality (inspector/core/causal_history.py), never by wall clock.

    `stamp` is the hybrid-logical-clock value of the entry's creation and never changes (`hlc`
    would move if the row were ever edited); `follows` is the id of the entry its writer saw
    last (None for the first entry, and for entries written before migration 0006). Not a
    foreign key: an entry may arrive before the one it follows.
    """

    stamp: Mapped[int] = mapped_column(BigInteger, default=next_hlc)
    follows: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class FieldStamped:
    """Records people edit field by field (enterprises, the roster, assignments): each field's
    version, so concurrent edits of different fields both survive a sync
    (inspector/db/field_versions.py; NULL = every field as of the row's version)."""

    field_versions: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Meta(Base):
    """Facts about this database file: its device id, office code…"""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EnterpriseRow(FieldStamped, Tracked, Base):
    __tablename__ = "enterprises"
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    town: Mapped[str] = mapped_column(String(50), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(50), default="")
    size: Mapped[str | None] = mapped_column(String(10))
    contact_person: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    # Codes of forms/risk-tags.toml as a JSON list. The register filters by one tag with a text
    # match on '"code"' (codes are lower-case letters, digits and hyphens, so the quotes delimit
    # them exactly): the same statement on SQLite and PostgreSQL, without a link table to sync.
    risk_tags: Mapped[list[Any]] = mapped_column(default=list)
    headcount: Mapped[int | None] = mapped_column(Integer)
    above_scale: Mapped[bool | None] = mapped_column()  # 规上; None: not recorded


class TemplateRow(Tracked, Base):
    """A checklist template version, frozen: `source` is the exact TOML an inspection was graded with."""

    __tablename__ = "templates"
    __table_args__ = (UniqueConstraint("code", "version"),)
    code: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))


class InspectorRow(FieldStamped, Tracked, Base):
    """The roster of inspectors who can sign inspections."""

    __tablename__ = "inspectors"
    name: Mapped[str] = mapped_column(String(50))
    staff_no: Mapped[str] = mapped_column(String(30), default="")
    office: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(default=True)
    permit_no: Mapped[str] = mapped_column(String(30), default="")  # 监督证号


class InspectionRow(Tracked, Base):
    __tablename__ = "inspections"
    __table_args__ = (Index("ix_inspections_date_status", "inspection_date", "status"),)
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"), index=True)
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id"))
    inspection_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    # The grade at completion, kept so lists and statistics need not re-grade.
    score: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str | None] = mapped_column(String(1))
    grade_summary: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None]
    finalized_at: Mapped[datetime | None]
    # JC-2026-3F9A-0001 (inspector.core.inspection_number): for people; the id stays the identity
    number: Mapped[str] = mapped_column(String(40), default="", index=True)


class InspectionInspectorRow(Tracked, Base):
    __tablename__ = "inspection_inspectors"
    __table_args__ = (UniqueConstraint("inspection_id", "inspector_id"),)
    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspections.id"), index=True)
    inspector_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspectors.id"))
    position: Mapped[int] = mapped_column(Integer)


class AnswerRow(Tracked, Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("inspection_id", "item_code"),)
    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspections.id"))
    item_code: Mapped[str] = mapped_column(String(20))
    result: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")


class PhotoRow(Tracked, Base):
    """A stored photo; the file is photos/<sha[:2]>/<sha>.jpg in the data folder."""

    __tablename__ = "photos"
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime | None]
    original_name: Mapped[str] = mapped_column(String(255), default="")
    # A marked-up version (inspector.photos.markup): the photo it was drawn on, never altered,
    # and the shapes drawn, so the next mark-up starts from the original and these shapes.
    derived_from: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("photos.id"), index=True)
    markup: Mapped[list[Any] | None] = mapped_column()


class PhotoLink(Tracked):
    """A photo shown at `position` among those of its parent row (an answer, a hazard event)."""

    photo_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("photos.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class AnswerPhotoRow(PhotoLink, Base):
    __tablename__ = "answer_photos"
    __table_args__ = (UniqueConstraint("answer_id", "photo_id"),)
    answer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("answers.id"), index=True)


class HazardRow(Tracked, Base):
    __tablename__ = "hazards"
    __table_args__ = (
        Index("ix_hazards_found_on_status", "found_on", "status"),
        Index("ix_hazards_status_deadline", "status", "deadline"),
    )
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"), index=True)
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    item_code: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))  # inspection | worker_report | self_check
    found_on: Mapped[date] = mapped_column(Date)
    found_by: Mapped[str] = mapped_column(String(100))
    location_type: Mapped[str] = mapped_column(String(30))
    location: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    # Severity, major-hazard standing and the citation of the case it was suspected of are
    # mirrored from the history (inspector/core/major_hazard.py): major while suspected,
    # referred or confirmed; general once rejected or fixed on the spot.
    severity: Mapped[str] = mapped_column(String(10))
    major_status: Mapped[str] = mapped_column(String(20), default="none")
    major_clause: Mapped[str] = mapped_column(String(200), default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    responsible_person: Mapped[str] = mapped_column(String(50), default="")
    # The deadline as first set; the current one follows the events, mirrored in `deadline`.
    initial_deadline: Mapped[date] = mapped_column(Date)
    # Current status and deadline, mirrored from the event history in the same transaction
    # as each event, so that lists and statistics need no replay.
    status: Mapped[str] = mapped_column(String(20))
    deadline: Mapped[date] = mapped_column(Date)
    rectified_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)


class HazardEventRow(Linked, Tracked, Base):
    """Append-only history of a hazard: never updated, never deleted. `seq` is the event's place
    in the causal order (1..n), kept by the writer and renumbered by sync after a merge."""

    __tablename__ = "hazard_events"
    __table_args__ = (UniqueConstraint("hazard_id", "seq"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hazards.id"))
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    new_deadline: Mapped[date | None] = mapped_column(Date)
    # What a major-hazard step names: clause, authority, treatment plan (core/major_hazard.py).
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class HazardEventPhotoRow(PhotoLink, Base):
    __tablename__ = "hazard_event_photos"
    __table_args__ = (UniqueConstraint("event_id", "photo_id"),)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hazard_events.id"), index=True)


class PlaqueRow(Tracked, Base):
    """An annual plaque. A downgrade issues a new row and marks the old one superseded."""

    __tablename__ = "plaques"
    __table_args__ = (Index("ix_plaques_year_current", "year", "current"),)
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(1))
    score: Mapped[float | None] = mapped_column(Float)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inspections.id"))
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    current: Mapped[bool] = mapped_column(default=True)
    # The annual round's proposal when a manager overrode it, with the written reason (domain.md §4).
    proposed_grade: Mapped[str | None] = mapped_column(String(1))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    issued_by: Mapped[str] = mapped_column(String(100), default="")


class LightRow(Tracked, Base):
    __tablename__ = "lights"
    __table_args__ = (UniqueConstraint("enterprise_id", "quarter"), Index("ix_lights_quarter", "quarter"))
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"))
    quarter: Mapped[str] = mapped_column(String(6))  # 2026Q3
    light: Mapped[str] = mapped_column(String(6))
    reasons: Mapped[list[Any]] = mapped_column(default=list)


class SignatureRow(Tracked, Base):
    """A handwritten signature on a completed inspection, one per role (two inspectors and the
    enterprise's representative). Replaced when re-signed, frozen once the inspection is finalized."""

    __tablename__ = "signatures"
    __table_args__ = (UniqueConstraint("inspection_id", "role"),)
    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspections.id"))
    role: Mapped[str] = mapped_column(String(20))  # inspector_1 | inspector_2 | enterprise
    signer_name: Mapped[str] = mapped_column(String(50))
    signed_at: Mapped[datetime]
    # The drawing as strokes of [x, y] points normalised to 0..1: exact at any size and small.
    strokes: Mapped[list[Any]] = mapped_column()
    png: Mapped[bytes | None] = mapped_column(LargeBinary)


class AmendmentRow(Linked, Tracked, Base):
    """A correction to a finalized inspection: append-only, never updated, never deleted. The
    original answer row stays as it was; the effective answer is the original with these applied."""

    __tablename__ = "amendments"
    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspections.id"), index=True)
    item_code: Mapped[str | None] = mapped_column(String(20))
    field: Mapped[str] = mapped_column(String(20))  # answer | note
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    amended_by: Mapped[str] = mapped_column(String(100))
    amended_at: Mapped[datetime]


class NoticeRow(Tracked, Base):
    """A document on hazards of one enterprise (and, usually, one inspection): a union's 监督意见书
    or 整改建议书, an authority's 责令限期整改指令书, a union's 建议书 to the authority (移送), or a
    整改通知书 issued before office kinds (inspector.core.office_kind). The number is allocated
    per device and year (see inspector.core.notice_number) and never reused; one number is one
    document."""

    __tablename__ = "notices"
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # office_kind.NoticeKind
    order_type: Mapped[str] = mapped_column(String(20))  # immediate | deadline
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"), index=True)
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    issued_on: Mapped[date] = mapped_column(Date)
    recheck_on: Mapped[date | None] = mapped_column(Date)
    issuing_body: Mapped[str] = mapped_column(String(100))
    inspectors: Mapped[list[Any]] = mapped_column()  # names, at least two
    received_by: Mapped[str | None] = mapped_column(String(50))
    received_on: Mapped[date | None] = mapped_column(Date)
    signed_by: Mapped[str] = mapped_column(String(50), default="")  # 签发人
    # The inspectors' 监督证 numbers when the letter was issued, in the order of `inspectors`.
    permits: Mapped[list[Any]] = mapped_column(default=list)
    replied_on: Mapped[date | None] = mapped_column(Date)  # the enterprise's written reply arrived
    reply_note: Mapped[str] = mapped_column(Text, default="")
    # A 建议书 (referral): the number of the letter it refers (empty for a major hazard), the
    # authority it is addressed to, and why (office_kind.ReferralReason).
    refers_to: Mapped[str] = mapped_column(String(40), default="")
    addressee: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(String(20), default="")


class NoticeHazardRow(Tracked, Base):
    __tablename__ = "notice_hazards"
    __table_args__ = (UniqueConstraint("notice_id", "hazard_id"),)
    notice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("notices.id"), index=True)
    hazard_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hazards.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AssignmentRow(FieldStamped, Tracked, Base):
    """Coverage planning: an enterprise given to an inspector to inspect in a year."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("enterprise_id", "year"), Index("ix_assignments_year", "year"))
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"))
    inspector_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspectors.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    assigned_on: Mapped[date] = mapped_column(Date)
    assigned_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class OfficeKeyRow(Tracked, Base):
    """A public Ed25519 key of an issuing office. Plaque QR payloads are signed with the private
    half (kept only on the office's machine); the public half travels to every laptop so that
    `inspector verify` works offline."""

    __tablename__ = "office_keys"
    office_code: Mapped[str] = mapped_column(String(20), index=True)
    office_name: Mapped[str] = mapped_column(String(100))
    public_key: Mapped[str] = mapped_column(String(64), unique=True)  # base64 of the 32 raw bytes
    fingerprint: Mapped[str] = mapped_column(String(64))
    valid_from: Mapped[date] = mapped_column(Date)
    revoked: Mapped[bool] = mapped_column(default=False)
    office_kind: Mapped[str] = mapped_column(String(20), default="union")  # union | authority


class TrainingRow(Tracked, Base):
    """A safety training held at an enterprise: 开工第一课 (first lesson of the year) or 班组长培训
    (team-leader training). One per enterprise, kind and day: two laptops recording the same
    session merge into one record (docs/sync.md, natural keys)."""

    __tablename__ = "trainings"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "kind", "held_on"),
        # The year's totals per kind read only this index (covering): 30 ms, not 110, over
        # 54,000 trainings of a 25,000-enterprise city.
        Index("ix_trainings_kind_held_on", "kind", "held_on", "enterprise_id", "headcount"),
    )
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"))
    kind: Mapped[str] = mapped_column(String(20))  # first_lesson | team_leader
    held_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(200))
    headcount: Mapped[int] = mapped_column(Integer)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class TrainingPhotoRow(PhotoLink, Base):
    __tablename__ = "training_photos"
    __table_args__ = (UniqueConstraint("training_id", "photo_id"),)
    training_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("trainings.id"), index=True)


class TombstoneRow(Tracked, Base):
    """A deleted row (`merged_into` empty) or a duplicate merged into the row that won its natural
    key (`merged_into` = the winner's id). Synced like any row and never removed, so a deletion
    or merge reaches every device and a late copy of the row is not brought back."""

    __tablename__ = "tombstones"
    table_name: Mapped[str] = mapped_column(String(40))
    merged_into: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    deleted_at: Mapped[datetime]


class SyncConflictRow(Tracked, Base):
    """The losing version of a concurrent edit (one field of a field-stamped record, or a whole
    row), kept for a manager to review. Synced like any record: its id follows from its content
    (inspector/sync/conflict_records.py), so the same conflict found on two copies is one record,
    and a resolution travels and closes it everywhere."""

    __tablename__ = "sync_conflicts"
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    field: Mapped[str] = mapped_column(String(40), default="")  # "" = the whole row
    kept_hlc: Mapped[int] = mapped_column(BigInteger)
    kept_device: Mapped[str] = mapped_column(String(32))
    lost_hlc: Mapped[int] = mapped_column(BigInteger)
    lost_device: Mapped[str] = mapped_column(String(32))
    lost_version: Mapped[dict[str, Any]] = mapped_column()
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str] = mapped_column(String(100), default="")
    resolution: Mapped[str] = mapped_column(String(20), default="")  # kept | restored


class TrustedDeviceRow(Base):
    """Local only: a device whose bundles this database accepts (its Ed25519 public key)."""

    __tablename__ = "trusted_devices"
    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the 32 raw bytes
    fingerprint: Mapped[str] = mapped_column(String(80))
    trusted_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_import_at: Mapped[datetime | None]
    last_bundle_created: Mapped[datetime | None]


class SyncPeerRow(Base):
    """Local only: per peer (a device name, or a server), how far changes were sent and received."""

    __tablename__ = "sync_peers"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    sent_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    sent_at: Mapped[datetime | None]
    received_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    received_at: Mapped[datetime | None]
