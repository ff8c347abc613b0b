"""The issuing office's Ed25519 key pair: created once, private half in a file, public half shared.

- The private key is a PKCS#8 PEM file in the data folder, ``keys/office-<code>.pem``, mode 0600,
  written atomically; it never enters the database, so it never syncs anywhere.
- The public key is stored as an OfficeKeyRow (base64 of the 32 raw bytes), which syncs to every
  laptop; it can also travel as a small JSON file (`export_public_key` / `import_public_key`).
- The fingerprint is the hex SHA-256 of the 32 raw public bytes; plaque payloads name a key by
  its first 8 hex digits.

Creating a new key for an office that already has one needs `force`: plaques signed with the
old key keep verifying, since its public half stays in the database.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector.core.errors import DomainError
from inspector.core.office_kind import OfficeKind
from inspector.file_modes import PRIVATE, make_private
from inspector.services.office_keys import OfficeKey

if TYPE_CHECKING:
    from inspector.workspace import Workspace

KEYS_DIR = "keys"
EXPORT_FORMAT = "inspector-office-key/1"
OFFICE_CODE = re.compile(r"[A-Z0-9]{1,8}")


class OfficeKeyError(DomainError):
    """A key is missing, damaged or would be overwritten."""


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    office: OfficeKey
    demo: bool = False  # made by the demo: its plaques say 演示


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def private_key_path(ws: Workspace, office_code: str | None = None) -> Path:
    return ws.data_dir / KEYS_DIR / f"office-{office_code or ws.settings.office_code}.pem"


def _check_code(code: str) -> str:
    if not OFFICE_CODE.fullmatch(code):
        raise OfficeKeyError(f"单位代码应为 1–8 位大写字母或数字，而不是 “{code}”")
    return code


def _write_private(path: Path, pem: bytes) -> Path:
    """Write to a temporary file beside `path` (mode 0600 from the start) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    make_private(tmp)  # os.open's mode passes through the umask; the key is the owner's alone
    return tmp


def create_office_key(
    ws: Workspace, office_code: str | None = None, office_name: str | None = None, force: bool = False
) -> OfficeKey:
    """Make the office's key pair: private PEM in keys/, public half in the database."""
    code = _check_code(office_code or ws.settings.office_code)
    name = (office_name or ws.settings.office_name).strip()
    if not name:
        raise OfficeKeyError("发证单位名称不能为空")
    path = private_key_path(ws, code)
    if path.exists() and not force:
        exists = f"发证单位 {code} 的签名密钥已存在（{path}）；"
        raise OfficeKeyError(
            exists + "如确需更换，请选择“更换密钥”（旧密钥签发的亮牌仍可验证）",
            command_line=exists + "如确需更换，请加 --force（旧密钥签发的亮牌仍可验证）",
        )
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    raw = raw_public(private.public_key())
    tmp = _write_private(path, pem)
    try:
        office = ws.office_keys.add(
            code, name, base64.b64encode(raw).decode("ascii"), fingerprint(raw), ws.today(), ws.settings.kind
        )
        os.replace(tmp, path)  # the public key is stored first: a crash leaves no unusable private key
    finally:
        tmp.unlink(missing_ok=True)
    return office


def load_signing_key(ws: Workspace) -> SigningKey:
    """This office's private key, its public half registered in the database (added if a restored
    database lacks it)."""
    code = ws.settings.office_code
    path = private_key_path(ws, code)
    if not path.exists():
        missing = f"本机没有发证单位 {code} 的签名密钥（{path}），"
        raise OfficeKeyError(
            missing + "请先在 设置 → 发证单位密钥 中创建密钥",
            command_line=missing + "请先运行 inspector keys create",
        )
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm, OSError) as error:
        raise OfficeKeyError(f"签名密钥文件 {path} 无法读取：{error}") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise OfficeKeyError(f"签名密钥文件 {path} 不是 Ed25519 密钥")
    raw = raw_public(private.public_key())
    office = ws.office_keys.add(
        code,
        ws.settings.office_name,
        base64.b64encode(raw).decode("ascii"),
        fingerprint(raw),
        ws.today(),
        ws.settings.kind,
    )
    return SigningKey(private, office, ws.office_keys.is_demo(office))


def has_private_key(ws: Workspace) -> bool:
    """This machine can sign plaques for the office in settings."""
    return private_key_path(ws).exists()


def create_demo_office_key(ws: Workspace) -> OfficeKey | None:
    """The demo's key for the office in settings, so that its plaques print at once; marked as
    the demo's (every plaque it signs says 演示). None when this machine already has a key."""
    if has_private_key(ws):
        return None
    key = create_office_key(ws)
    ws.office_keys.mark_demo(key)
    return key


def export_public_key(ws: Workspace, out: Path, office_code: str | None = None) -> OfficeKey:
    """Write the newest public key of the office (default: this one) to a small JSON file."""
    code = office_code or ws.settings.office_code
    keys = [k for k in ws.office_keys.list() if k.office_code == code and not k.revoked]
    if not keys:
        raise OfficeKeyError(
            f"数据库中没有发证单位 {code} 的公钥，请先在 设置 → 发证单位密钥 中创建密钥",
            command_line=f"数据库中没有发证单位 {code} 的公钥，请先运行 inspector keys create",
        )
    key = max(keys, key=lambda k: k.valid_from)
    document = {
        "format": EXPORT_FORMAT,
        "office_code": key.office_code,
        "office_name": key.office_name,
        "office_kind": key.office_kind.value,
        "public_key": key.public_key,
        "fingerprint": key.fingerprint,
        "valid_from": key.valid_from.isoformat(),
    }
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    return key


def import_public_key(ws: Workspace, source: Path) -> OfficeKey:
    """Add a public key exported by another office machine; importing it twice changes nothing."""

    try:
        document = json.loads(source.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
            raise ValueError("格式标识不符")
        raw = base64.b64decode(document["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
        code = _check_code(str(document["office_code"]))
        name = str(document["office_name"]).strip()
        valid_from = date.fromisoformat(document["valid_from"])
        # Files exported before office kinds were unions' (the scheme's only users then).
        kind = OfficeKind.parse(str(document.get("office_kind", OfficeKind.UNION.value)))
    except DomainError:
        raise
    except (OSError, UnicodeDecodeError) as error:
        raise OfficeKeyError(f"公钥文件 {source} 无法读取：{error}") from None
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise OfficeKeyError(f"{source} 不是有效的 Inspector 公钥文件：{error}") from None
    print_ = fingerprint(raw)
    if document.get("fingerprint") not in (None, print_):
        raise OfficeKeyError(f"公钥文件 {source} 的指纹与公钥不符，文件可能已损坏或被改动")
    if not name:
        raise OfficeKeyError(f"公钥文件 {source} 缺少发证单位名称")
    return ws.office_keys.add(code, name, base64.b64encode(raw).decode("ascii"), print_, valid_from, kind)
