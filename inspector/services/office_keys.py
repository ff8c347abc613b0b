"""Issuing offices' public keys (Ed25519) and the plaque records that QR verification reads.

Only public halves live in the database: they sync to every laptop so that a plaque can be
verified offline anywhere. The private half is a file on the issuing office's machine
(see inspector.reports.plaque_keys) and never touches a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from inspector.core.office_kind import OfficeKind
from inspector.db.database import Database, get_meta
from inspector.db.ids import to_str, to_uuid
from inspector.db.models import EnterpriseRow, Meta, OfficeKeyRow, PlaqueRow

# meta: the fingerprint of the key the demo made. Local to this database (meta never syncs): a
# demo key signs plaques that print at once for training, and every screen and plaque says 演示.
DEMO_KEY = "demo_office_key"


@dataclass(frozen=True)
class OfficeKey:
    id: str
    office_code: str
    office_name: str
    public_key: str  # base64 of the 32 raw bytes
    fingerprint: str  # hex SHA-256 of the 32 raw bytes
    valid_from: date
    revoked: bool
    office_kind: OfficeKind = OfficeKind.UNION  # decides the office's documents and wording


@dataclass(frozen=True)
class PlaqueRecord:
    """One plaque as a document needs it: the plaque and its enterprise."""

    serial: str
    enterprise_id: str
    enterprise_name: str
    credit_code: str
    town: str
    year: int
    grade: str
    score: float | None
    issued_on: date
    issued_by: str
    current: bool


def _key(row: OfficeKeyRow) -> OfficeKey:
    return OfficeKey(
        to_str(row.id),
        row.office_code,
        row.office_name,
        row.public_key,
        row.fingerprint,
        row.valid_from,
        row.revoked,
        OfficeKind.parse(row.office_kind),
    )


_PLAQUE_COLUMNS = (
    PlaqueRow.serial,
    PlaqueRow.enterprise_id,
    EnterpriseRow.name,
    EnterpriseRow.credit_code,
    EnterpriseRow.town,
    PlaqueRow.year,
    PlaqueRow.grade,
    PlaqueRow.score,
    PlaqueRow.issued_on,
    PlaqueRow.issued_by,
    PlaqueRow.current,
)


def _plaque(row: tuple) -> PlaqueRecord:  # type: ignore[type-arg]
    serial, enterprise_id, name, code, town, year, grade, score, issued_on, issued_by, current = row
    return PlaqueRecord(
        serial, to_str(enterprise_id), name, code, town, year, grade, score, issued_on, issued_by or "", bool(current)
    )


class OfficeKeyService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        office_code: str,
        office_name: str,
        public_key: str,
        fingerprint: str,
        valid_from: date,
        office_kind: OfficeKind = OfficeKind.UNION,
    ) -> OfficeKey:
        """Store a public key; adding one already stored returns it unchanged (import is idempotent)."""
        with self.db.transaction() as session:
            row = session.scalar(select(OfficeKeyRow).where(OfficeKeyRow.public_key == public_key))
            if row is None:
                row = OfficeKeyRow(
                    office_code=office_code,
                    office_name=office_name,
                    public_key=public_key,
                    fingerprint=fingerprint,
                    valid_from=valid_from,
                    revoked=False,
                    office_kind=OfficeKind(office_kind).value,
                )
                session.add(row)
                session.flush()
            return _key(row)

    def list(self) -> list[OfficeKey]:
        with self.db.reading() as session:
            rows = session.scalars(select(OfficeKeyRow).order_by(OfficeKeyRow.office_code, OfficeKeyRow.valid_from))
            return [_key(row) for row in rows]

    def mark_demo(self, key: OfficeKey) -> None:
        with self.db.transaction() as session:
            session.merge(Meta(key=DEMO_KEY, value=key.fingerprint))

    def is_demo(self, key: OfficeKey) -> bool:
        with self.db.reading() as session:
            return get_meta(session, DEMO_KEY) == key.fingerprint

    def by_fingerprint_prefix(self, prefix: str) -> list[OfficeKey]:
        with self.db.reading() as session:
            rows = session.scalars(select(OfficeKeyRow).where(OfficeKeyRow.fingerprint.startswith(prefix.lower())))
            return [_key(row) for row in rows]

    # -- plaques -----------------------------------------------------------------------------
    def plaque_by_serial(self, serial: str) -> PlaqueRecord | None:
        with self.db.reading() as session:
            row = session.execute(
                select(*_PLAQUE_COLUMNS)
                .join(EnterpriseRow, EnterpriseRow.id == PlaqueRow.enterprise_id)
                .where(PlaqueRow.serial == serial)
            ).first()
            return None if row is None else _plaque(tuple(row))

    def newer_plaque(self, record: PlaqueRecord, today: date | None = None) -> PlaqueRecord | None:
        """The enterprise's current plaque that replaces `record`: a later year's, or (for a
        plaque no longer current) the current one of the same year, issued by `today` if given.
        None if `record` stands."""
        later = PlaqueRow.year > record.year if record.current else PlaqueRow.year >= record.year
        with self.db.reading() as session:
            query = (
                select(*_PLAQUE_COLUMNS)
                .join(EnterpriseRow, EnterpriseRow.id == PlaqueRow.enterprise_id)
                .where(
                    PlaqueRow.enterprise_id == to_uuid(record.enterprise_id),
                    PlaqueRow.current.is_(True),
                    PlaqueRow.serial != record.serial,
                    later,
                    PlaqueRow.issued_on <= (today or date.max),
                )
                .order_by(PlaqueRow.year.desc(), PlaqueRow.issued_on.desc())
                .limit(1)
            )
            row = session.execute(query).first()
            return None if row is None else _plaque(tuple(row))

    def current_plaque(self, enterprise_id: str, year: int) -> PlaqueRecord | None:
        with self.db.reading() as session:
            row = session.execute(
                select(*_PLAQUE_COLUMNS)
                .join(EnterpriseRow, EnterpriseRow.id == PlaqueRow.enterprise_id)
                .where(PlaqueRow.enterprise_id == to_uuid(enterprise_id, "企业"), PlaqueRow.year == year)
                .where(PlaqueRow.current.is_(True))
                .order_by(PlaqueRow.issued_on.desc())
                .limit(1)
            ).first()
            return None if row is None else _plaque(tuple(row))

    def plaques_since(self, year: int) -> list[PlaqueRecord]:
        """Every plaque of `year` and later, current or not, by serial."""
        with self.db.reading() as session:
            rows = session.execute(
                select(*_PLAQUE_COLUMNS)
                .join(EnterpriseRow, EnterpriseRow.id == PlaqueRow.enterprise_id)
                .where(PlaqueRow.year >= year)
                .order_by(PlaqueRow.serial)
            )
            return [_plaque(tuple(row)) for row in rows]

    def next_round_on(self, year: int) -> date | None:
        """The day the office first issued plaques of a later year than `year` (None if never):
        under the next-round rule a plaque of `year` is valid until the day before."""
        with self.db.reading() as session:
            return session.scalar(select(func.min(PlaqueRow.issued_on)).where(PlaqueRow.year > year))

    def current_plaques(self, year: int) -> list[PlaqueRecord]:
        """Every current plaque of the year, by town, then serial (the order offices hand them out)."""
        with self.db.reading() as session:
            rows = session.execute(
                select(*_PLAQUE_COLUMNS)
                .join(EnterpriseRow, EnterpriseRow.id == PlaqueRow.enterprise_id)
                .where(PlaqueRow.year == year, PlaqueRow.current.is_(True))
                .order_by(EnterpriseRow.town, PlaqueRow.serial)
            )
            return [_plaque(tuple(row)) for row in rows]
