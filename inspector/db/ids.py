"""Ids cross layers as strings (32 hex digits); the database keeps them as UUIDs."""

from __future__ import annotations

import uuid

from inspector.core.errors import DomainError


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
