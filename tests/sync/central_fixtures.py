"""What the push/pull tests share: a keyring that lives in memory, and the central database's
contents in the canonical form laptops are compared in."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.orm import Session

from inspector.sync.central import open_central
from inspector.sync.engine import canonical_dump


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only: tests never touch the machine's keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def central_dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = open_central(url)
    try:
        with Session(engine) as session:
            return canonical_dump(session)
    finally:
        engine.dispose()
