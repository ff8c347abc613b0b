"""This device's Ed25519 key: signs the bundles it exports. The private half lives in the data
folder (keys/device.pem, mode 0600), never in the database, so a copied database cannot sign."""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector.core.errors import DomainError
from inspector.file_modes import PRIVATE, make_private

KEY_FILE = Path("keys") / "device.pem"


class DeviceKeyError(DomainError):
    """The device key cannot be read or a public key is malformed."""


def fingerprint(public_key_b64: str) -> str:
    """What people compare by eye: SHA-256 of the raw key, 32 hex digits in groups of four."""
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class DeviceKey:
    private: Ed25519PrivateKey

    @property
    def public_b64(self) -> str:
        raw = self.private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_b64)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


def load_or_create(data_dir: Path) -> DeviceKey:
    """The folder's key, made on first use (written atomically, readable by the owner only)."""
    path = data_dir / KEY_FILE
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError) as error:
            raise DeviceKeyError(f"设备密钥 {path} 无法读取：{error}") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise DeviceKeyError(f"设备密钥 {path} 不是 Ed25519 密钥")
        return DeviceKey(key)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    make_private(temp)  # O_CREAT's mode does not apply to a leftover temporary file
    os.replace(temp, path)
    return DeviceKey(key)


def verify(public_key_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        raw = base64.b64decode(public_key_b64, validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def check_public_key(public_key_b64: str) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
    except ValueError:
        raise DeviceKeyError("设备公钥格式不对") from None
