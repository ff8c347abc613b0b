"""The enterprise register as read by every screen: one enterprise, search, lists, towns."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, String, cast, func, or_, select

from inspector.core import credit_code
from inspector.core.enterprise import Enterprise, EnterpriseSize
from inspector.db.database import Database
from inspector.db.ids import row_by_id, to_str, to_uuid
from inspector.db.models import EnterpriseRow
from inspector.db.records import record_from_row


def to_core(row: EnterpriseRow) -> Enterprise:
    return record_from_row(
        Enterprise,
        row,
        id=to_str(row.id),
        size=EnterpriseSize(row.size) if row.size else None,
        risk_tags=tuple(row.risk_tags or ()),
    )


def with_tag(code: str) -> ColumnElement[bool]:
    """Enterprises carrying the risk tag `code`: the JSON list's text holds it in quotes (codes are
    lower-case letters, digits and hyphens, so '"dust"' cannot match inside another code). A real
    CAST: PostgreSQL has no LIKE on json."""
    return cast(EnterpriseRow.risk_tags, String).contains(f'"{code}"', autoescape=True)


def escape_like(text: str) -> str:
    """The user's text taken literally: % and _ are not wildcards to someone searching a name."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class EnterpriseRegister:
    """Reads only; `EnterpriseService` adds the writes."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, enterprise_id: str) -> Enterprise:
        with self.db.reading() as session:
            row = row_by_id(session, EnterpriseRow, enterprise_id, "企业")
            return to_core(row)

    def by_credit_code(self, code: str) -> Enterprise | None:
        with self.db.reading() as session:
            row = session.scalar(select(EnterpriseRow).where(EnterpriseRow.credit_code == credit_code.normalize(code)))
            return to_core(row) if row else None

    def count(self) -> int:
        with self.db.reading() as session:
            return session.scalar(select(func.count()).select_from(EnterpriseRow)) or 0

    def search_ids(self, text: str = "", town: str | None = None, tag: str | None = None) -> list[str]:
        """Ids in name order matching `text` in name, credit code or address, in `town`, with the
        risk tag `tag` (a code); a list view then fetches rows by id as they come into view."""
        stmt = select(EnterpriseRow.id).order_by(EnterpriseRow.name)
        if text.strip():
            like = f"%{escape_like(text.strip())}%"
            stmt = stmt.where(
                or_(
                    EnterpriseRow.name.like(like, escape="\\"),
                    EnterpriseRow.credit_code.like(like.upper(), escape="\\"),
                    EnterpriseRow.address.like(like, escape="\\"),
                )
            )
        if town:
            stmt = stmt.where(EnterpriseRow.town == town)
        if tag:
            stmt = stmt.where(with_tag(tag))
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
            return [to_core(rows[key]) for key in wanted if key in rows]

    def towns(self) -> list[str]:
        with self.db.reading() as session:
            return list(session.scalars(select(EnterpriseRow.town).distinct().order_by(EnterpriseRow.town)))
