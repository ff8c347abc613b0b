"""Signatures on a completed inspection, and finalization once everyone has signed.

Rules:
- three roles sign: 检查人员 1, 检查人员 2 and 企业代表; a drawing is required (a typed name alone
  is not a signature);
- signing is possible only while the inspection is completed and not finalized; signing a role
  again replaces its signature, and it can be withdrawn; after finalization signatures never
  change;
- a signature counts only for the completion it was made on: reopening (返回修改) and completing
  again gives a new `completed_at`, so signatures made before it no longer count and must be
  given again (people sign what they saw, not a later version);
- `finalize_signed` checks the signatures and finalizes in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.dates import utcnow
from inspector.core.errors import DomainError, TransitionRefused, ValidationError
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.core.inspection import InspectionStatus, check_can_finalize
from inspector.core.labelled import LabelledEnum
from inspector.db.database import Database
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import HazardRow, InspectionRow, SignatureRow
from inspector.services.inspections import InspectionService
from inspector.services.templates import TemplateService

NAME_MAX = 50
MAX_POINTS = 20_000  # a real signature has a few hundred points; this stops a runaway pad
PRECISION = 4  # decimals kept per coordinate: 1/10,000 of the pad is finer than any screen


class SignatureRole(LabelledEnum):
    INSPECTOR_1 = "inspector_1", "检查人员 1"
    INSPECTOR_2 = "inspector_2", "检查人员 2"
    ENTERPRISE = "enterprise", "企业代表"

    @classmethod
    def parse(cls, value: SignatureRole | str) -> SignatureRole:
        try:
            return cls(value)
        except ValueError:
            known = "、".join(role.label for role in cls)
            raise DomainError(f"未知的签名角色“{value}”：只能是{known}") from None


REQUIRED_ROLES: tuple[SignatureRole, ...] = tuple(SignatureRole)

Point = tuple[float, float]
Stroke = tuple[Point, ...]


@dataclass(frozen=True)
class Signature:
    inspection_id: str
    role: SignatureRole
    signer_name: str
    signed_at: datetime
    strokes: tuple[Stroke, ...]  # points normalised to 0..1 of the pad, (0, 0) top left
    png: bytes | None = None


def clean_strokes(strokes: Sequence[Sequence[Sequence[float]]]) -> list[list[list[float]]]:
    """Validate and round a drawing. Refuses an empty drawing (no stroke with two points: a
    single tap is not a signature) and coordinates outside 0..1."""
    cleaned: list[list[list[float]]] = []
    total = 0
    for stroke in strokes:
        points: list[list[float]] = []
        for point in stroke:
            if len(point) != 2:
                raise ValidationError({"签名": "笔迹格式不对：每个点应为 [x, y]"})
            x, y = float(point[0]), float(point[1])
            if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
                raise ValidationError({"签名": f"笔迹坐标 ({x:g}, {y:g}) 超出签名区"})
            points.append([round(x, PRECISION), round(y, PRECISION)])
        total += len(points)
        if points:
            cleaned.append(points)
    if not any(len(stroke) >= 2 for stroke in cleaned):
        raise ValidationError({"签名": "签名为空，请在签名区内手写签名"})
    if total > MAX_POINTS:
        raise ValidationError({"签名": f"笔迹过长（{total} 个点，最多 {MAX_POINTS}），请清除后重签"})
    return cleaned


class SignatureService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def sign(
        self,
        inspection_id: str,
        role: SignatureRole | str,
        signer_name: str,
        strokes: Sequence[Sequence[Sequence[float]]],
        png: bytes | None = None,
        at: datetime | None = None,
    ) -> Signature:
        """Record (or replace) the signature of one role; committed before returning."""
        role = SignatureRole.parse(role)
        name = " ".join((signer_name or "").split())
        problems: dict[str, str] = {}
        if not name:
            problems["签名人"] = f"{role.label}的姓名不能为空"
        elif len(name) > NAME_MAX:
            problems["签名人"] = f"姓名不能超过 {NAME_MAX} 个字"
        if problems:
            raise ValidationError(problems, subject=role.label)
        try:
            cleaned = clean_strokes(strokes)
        except ValidationError as error:
            raise ValidationError(error.problems, subject=role.label) from None
        at = at or utcnow()
        with self.db.transaction() as session:
            inspection = _inspection(session, inspection_id)
            _check_can_sign(InspectionStatus(inspection.status))
            row = session.scalar(
                select(SignatureRow).where(SignatureRow.inspection_id == inspection.id, SignatureRow.role == role.value)
            )
            if row is None:
                row = SignatureRow(inspection_id=inspection.id, role=role.value)
                session.add(row)
            row.signer_name, row.signed_at, row.strokes, row.png = name, at, cleaned, png
            return _to_signature(inspection.id, row)

    def withdraw(self, inspection_id: str, role: SignatureRole | str) -> None:
        """Remove one role's signature before finalization (the signer cleared the pad to sign
        again later); nothing happens if the role has not signed."""
        role = SignatureRole.parse(role)
        with self.db.transaction() as session:
            inspection = _inspection(session, inspection_id)
            _check_can_sign(InspectionStatus(inspection.status))
            row = session.scalar(
                select(SignatureRow).where(SignatureRow.inspection_id == inspection.id, SignatureRow.role == role.value)
            )
            if row is not None:
                session.delete(row)

    def signatures(self, inspection_id: str) -> dict[SignatureRole, Signature]:
        """The signatures that count for the inspection's current completion, by role."""
        with self.db.reading() as session:
            inspection = _inspection(session, inspection_id)
            return {s.role: s for s in _valid(session, inspection)}

    def missing_roles(self, inspection_id: str) -> list[SignatureRole]:
        signed = self.signatures(inspection_id)
        return [role for role in REQUIRED_ROLES if role not in signed]

    def finalize_signed(self, inspection_id: str) -> None:
        """Finalize the inspection if all three have signed; otherwise refuse, naming who has not.

        The check and `InspectionService.finalize` run in ONE transaction: no re-opening or
        re-completion can slip in between (a stale check would finalize unsigned content).
        InspectionService opens its own `db.transaction()`, so it is handed a view of the
        database whose transaction is ours (see `_JoinedDatabase`).
        """
        with self.db.transaction() as session:
            inspection = _inspection(session, inspection_id)
            check_can_finalize(InspectionStatus(inspection.status))
            signed = {s.role: s for s in _valid(session, inspection)}
            missing = [role for role in REQUIRED_ROLES if role not in signed]
            if missing:
                names = "、".join(role.label for role in missing)
                raise TransitionRefused(f"还不能定稿：{names}尚未签名")
            first, second = signed[SignatureRole.INSPECTOR_1], signed[SignatureRole.INSPECTOR_2]
            if first.signer_name == second.signer_name:
                raise TransitionRefused(f"两名检查人员不能是同一人（{first.signer_name}）")
            joined = _JoinedDatabase(self.db, session)
            InspectionService(joined, TemplateService(joined)).finalize(inspection_id)


def inspection_hazard_ids(db: Database, inspection_id: str) -> list[str]:
    """Hazards raised in an inspection (voided ones excepted), in the order they were found, for
    the review screen. (Belongs in HazardService as a listing; kept here until it has one.)"""
    stmt = (
        select(HazardRow.id)
        .where(
            HazardRow.inspection_id == to_uuid(inspection_id, "检查"),
            HazardRow.status != HazardStatus.VOIDED.value,
        )
        .order_by(HazardRow.found_on, HazardRow.item_code, HazardRow.created_at)
    )
    with db.reading() as session:
        return [to_str(value) for value in session.scalars(stmt)]


# -- internals --------------------------------------------------------------------------------
class _JoinedDatabase(Database):
    """The same database, but `transaction()` and `reading()` join an already open session
    instead of starting their own: work done through it commits or rolls back with the caller's
    transaction. Only for handing an existing service into a larger transaction."""

    def __init__(self, db: Database, session: Session) -> None:
        super().__init__(db.engine, db.device_id, db.path)
        self._session = session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        yield self._session


def _check_can_sign(status: InspectionStatus) -> None:
    if status is InspectionStatus.DRAFT:
        raise TransitionRefused("检查还是草稿：请先完成检查，再签名")
    if status is InspectionStatus.FINALIZED:
        raise TransitionRefused("检查已定稿，签名不能再更改；如需更正请登记更正")


def _inspection(session: Session, inspection_id: str) -> InspectionRow:
    return row_by_id(session, InspectionRow, inspection_id, "检查")


def _valid(session: Session, inspection: InspectionRow) -> list[Signature]:
    """Signatures made on the current completion (see the module docstring), in role order."""
    if inspection.completed_at is None:
        return []
    rows = session.scalars(select(SignatureRow).where(SignatureRow.inspection_id == inspection.id)).all()
    valid = [_to_signature(inspection.id, row) for row in rows if row.signed_at >= inspection.completed_at]
    return sorted(valid, key=lambda s: REQUIRED_ROLES.index(s.role))


def _to_signature(inspection_id: uuid.UUID, row: SignatureRow) -> Signature:
    return Signature(
        inspection_id=to_str(inspection_id),
        role=SignatureRole(row.role),
        signer_name=row.signer_name,
        signed_at=row.signed_at,
        strokes=tuple(tuple((float(x), float(y)) for x, y in stroke) for stroke in row.strokes),
        png=row.png,
    )
