"""What the CLI and the GUI call for bundle sync: one object per data folder (`Workspace.sync`)."""

from __future__ import annotations

import socket
from functools import cached_property
from pathlib import Path

from inspector.db.database import Database

from . import devices
from .bundle import ExportResult, FolderPhotos, Identity, ImportResult, export_bundle, import_bundle, read_identity
from .bundle import write_key_file as _write_key_file
from .keys import DeviceKey, load_or_create


class SyncService:
    def __init__(self, db: Database, data_dir: Path, timezone: str) -> None:
        self.db = db
        self.data_dir = data_dir
        self.timezone = timezone
        self.photos = FolderPhotos(data_dir / "photos")

    @cached_property
    def key(self) -> DeviceKey:
        return load_or_create(self.data_dir)

    @property
    def device_name(self) -> str:
        return socket.gethostname()[:100]

    def identity(self) -> Identity:
        return Identity(self.db.device_id, self.device_name, self.key.public_b64)

    def export(self, out: Path, peer: str | None = None, everything: bool = False) -> ExportResult:
        return export_bundle(self.db, self.photos, self.key, out, peer, everything, self.device_name)

    def import_(self, path: Path) -> ImportResult:
        return import_bundle(self.db, self.photos, path, self.timezone)

    def export_key(self, out: Path) -> Identity:
        _write_key_file(out, self.db.device_id, self.device_name, self.key)
        return self.identity()

    def read_identity(self, path: Path) -> Identity:
        return read_identity(path)

    def trust(self, identity: Identity, name: str | None = None) -> devices.TrustedDevice:
        return devices.trust(
            self.db, identity.device_id, name or identity.name or identity.device_id[:8], identity.public_key
        )

    def devices(self) -> list[devices.TrustedDevice]:
        return devices.trusted_devices(self.db)
