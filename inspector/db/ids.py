"""Ids cross layers as strings (32 hex digits); the database keeps them as UUIDs."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, TypeVar

from inspector.core.errors import DomainError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RowT = TypeVar("RowT")


def to_uuid(value: str | uuid.UUID, what: str = "记录") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError:
        raise DomainError(f"{what}编号 “{value}” 格式不对") from None


def to_str(value: uuid.UUID) -> str:
    return value.hex


def new_id() -> uuid.UUID:
    return uuid.uuid4()


def row_by_id(session: Session, model: type[RowT], value: str | uuid.UUID, what: str) -> RowT:
    """The row of `model` with this id; a malformed or unknown id is one sentence naming `what`."""
    row = session.get(model, to_uuid(value, what))
    if row is None:
        raise DomainError(f"{what} {value} 不存在")
    return row
