"""The enterprise register: add, edit, look up and search."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from inspector.core import credit_code
from inspector.core.enterprise import Enterprise, EnterpriseSize
from inspector.core.errors import DomainError, ValidationError

from .database import Database
from .ids import new_id, to_str, to_uuid
from .models import EnterpriseRow, utcnow


def _to_core(row: EnterpriseRow) -> Enterprise:
    return Enterprise(
        id=to_str(row.id),
        name=row.name,
        credit_code=row.credit_code,
        town=row.town,
        address=row.address,
        industry=row.industry,
        size=EnterpriseSize(row.size) if row.size else None,
        contact_person=row.contact_person,
        contact_phone=row.contact_phone,
    )


def _fields(enterprise: Enterprise) -> dict[str, object]:
    return {
        "name": enterprise.name,
        "credit_code": enterprise.credit_code,
        "town": enterprise.town,
        "address": enterprise.address,
        "industry": enterprise.industry,
        "size": enterprise.size.value if enterprise.size else None,
        "contact_person": enterprise.contact_person,
        "contact_phone": enterprise.contact_phone,
    }


def _escape_like(text: str) -> str:
    """The user's text taken literally: % and _ are not wildcards to someone searching a name."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class EnterpriseService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, enterprise: Enterprise) -> str:
        return self.add_many([enterprise])[0]

    def add_many(self, enterprises: Sequence[Enterprise]) -> list[str]:
        """Validate all, then insert all in one transaction, or nothing (raises on the first problem)."""
        valid = [enterprise.validated() for enterprise in enterprises]
        seen: dict[str, str] = {}
        for enterprise in valid:
            if enterprise.credit_code in seen:
                raise ValidationError(
                    {"统一社会信用代码": f"{enterprise.credit_code} 重复（{seen[enterprise.credit_code]}）"}
                )
            seen[enterprise.credit_code] = enterprise.name
        with self.db.transaction() as session:
            existing = self._existing_codes(session, list(seen))
            if existing:
                code, name = next(iter(existing.items()))
                raise ValidationError({"统一社会信用代码": f"{code} 已登记为“{name}”"})
            now = utcnow()
            rows = [
                dict(_fields(e), id=new_id(), created_at=now, updated_at=now, device_id=self.db.device_id)
                for e in valid
            ]
            if rows:
                session.execute(EnterpriseRow.__table__.insert(), rows)
        return [to_str(row["id"]) for row in rows]

    @staticmethod
    def _existing_codes(session: Session, codes: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(codes), 500):  # stay under SQLite's bound-parameter limit
            chunk = codes[start : start + 500]
            stmt = select(EnterpriseRow.credit_code, EnterpriseRow.name).where(EnterpriseRow.credit_code.in_(chunk))
            found.update({code: name for code, name in session.execute(stmt)})
        return found

    def existing_codes(self, codes: list[str]) -> dict[str, str]:
        with self.db.reading() as session:
            return self._existing_codes(session, codes)

    def update(self, enterprise: Enterprise) -> None:
        if enterprise.id is None:
            raise DomainError("要修改的企业没有编号")
        valid = enterprise.validated()
        with self.db.transaction() as session:
            row = session.get(EnterpriseRow, to_uuid(enterprise.id, "企业"))
            if row is None:
                raise DomainError(f"企业 {enterprise.id} 不存在")
            clash = session.scalar(
                select(EnterpriseRow.name).where(
                    EnterpriseRow.credit_code == valid.credit_code, EnterpriseRow.id != row.id
                )
            )
            if clash:
                raise ValidationError({"统一社会信用代码": f"{valid.credit_code} 已登记为“{clash}”"})
            for key, value in _fields(valid).items():
                setattr(row, key, value)

    def get(self, enterprise_id: str) -> Enterprise:
        with self.db.reading() as session:
            row = session.get(EnterpriseRow, to_uuid(enterprise_id, "企业"))
            if row is None:
                raise DomainError(f"企业 {enterprise_id} 不存在")
            return _to_core(row)

    def by_credit_code(self, code: str) -> Enterprise | None:
        with self.db.reading() as session:
            row = session.scalar(select(EnterpriseRow).where(EnterpriseRow.credit_code == credit_code.normalize(code)))
            return _to_core(row) if row else None

    def count(self) -> int:
        with self.db.reading() as session:
            return session.scalar(select(func.count()).select_from(EnterpriseRow)) or 0

    def search_ids(self, text: str = "", town: str | None = None) -> list[str]:
        """Ids in name order matching `text` in name, credit code or address (a list view then
        fetches rows by id as they come into view)."""
        stmt = select(EnterpriseRow.id).order_by(EnterpriseRow.name)
        if text.strip():
            like = f"%{_escape_like(text.strip())}%"
            stmt = stmt.where(
                or_(
                    EnterpriseRow.name.like(like, escape="\\"),
                    EnterpriseRow.credit_code.like(like.upper(), escape="\\"),
                    EnterpriseRow.address.like(like, escape="\\"),
                )
            )
        if town:
            stmt = stmt.where(EnterpriseRow.town == town)
        with self.db.reading() as session:
            return [to_str(value) for value in session.scalars(stmt)]

    def get_many(self, ids: Sequence[str]) -> list[Enterprise]:
        wanted = [to_uuid(value, "企业") for value in ids]
        rows: dict[object, EnterpriseRow] = {}
        with self.db.reading() as session:
            for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
                chunk = wanted[start : start + 500]
                rows.update(
                    (row.id, row) for row in session.scalars(select(EnterpriseRow).where(EnterpriseRow.id.in_(chunk)))
                )
            return [_to_core(rows[key]) for key in wanted if key in rows]

    def towns(self) -> list[str]:
        with self.db.reading() as session:
            return list(session.scalars(select(EnterpriseRow.town).distinct().order_by(EnterpriseRow.town)))
