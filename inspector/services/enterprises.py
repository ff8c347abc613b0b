"""The enterprise register: add, edit, look up and search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError, ValidationError
from inspector.core.risk_tags import RiskTagCatalog
from inspector.db.database import Database
from inspector.db.ids import new_id, row_by_id, to_str
from inspector.db.models import EnterpriseRow, utcnow
from inspector.db.records import columns_from_record
from inspector.queries.register import EnterpriseRegister


def _fields(enterprise: Enterprise) -> dict[str, object]:
    return columns_from_record(
        enterprise,
        "id",
        size=enterprise.size.value if enterprise.size else None,
        risk_tags=list(enterprise.risk_tags),
    )


class EnterpriseService(EnterpriseRegister):
    """`risk_tags` gives the tag list (forms/risk-tags.toml) that tags are checked against; it is
    read only when an enterprise with tags is written, so an invalid list stops only that."""

    def __init__(self, db: Database, risk_tags: Callable[[], RiskTagCatalog] | None = None) -> None:
        self.db = db
        self._risk_tags = risk_tags

    def _validated(self, enterprise: Enterprise, kept: tuple[str, ...] = ()) -> Enterprise:
        """Validated, tags in the list's order. `kept`: tags the enterprise already has, which
        may stay even if the list no longer knows them (an office's own tag that came by sync)."""
        valid = enterprise.validated()
        new = tuple(tag for tag in valid.risk_tags if tag not in kept)
        if not new:
            return valid
        if self._risk_tags is None:
            raise DomainError("没有风险标签文件，不能给企业加标签")
        try:
            catalog = self._risk_tags()
            catalog.check(new)
        except ValidationError as error:
            raise ValidationError(error.problems, subject=valid.name) from None
        return replace(valid, risk_tags=catalog.ordered(valid.risk_tags))

    def add(self, enterprise: Enterprise) -> str:
        return self.add_many([enterprise])[0]

    def add_many(self, enterprises: Sequence[Enterprise]) -> list[str]:
        """Validate all, then insert all in one transaction, or nothing (raises on the first problem)."""
        valid = [self._validated(enterprise) for enterprise in enterprises]
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
        enterprise.validated()  # the enterprise's own problems first, before any tag is looked at
        with self.db.transaction() as session:
            row = row_by_id(session, EnterpriseRow, enterprise.id, "企业")
            valid = self._validated(enterprise, tuple(row.risk_tags or ()))
            clash = session.scalar(
                select(EnterpriseRow.name).where(
                    EnterpriseRow.credit_code == valid.credit_code, EnterpriseRow.id != row.id
                )
            )
            if clash:
                raise ValidationError({"统一社会信用代码": f"{valid.credit_code} 已登记为“{clash}”"})
            for key, value in _fields(valid).items():
                setattr(row, key, value)
