"""The signed payload in a plaque's QR code, and its offline verification.

Payload format (version 1), seven fields joined by ".":

    INSP1.<serial>.<credit code>.<grade>.<year>.<key>.<signature>
    INSP1.PH-2026-DEMO-000001.91330482MA2B3C4D5E.A.2026.3FA2C81B.<103 base32 characters>

- ``INSP1``: format and version;
- serial, unified social credit code (18 characters), grade A–D, plaque year;
- key: the first 8 hex digits (upper case) of the signing key's fingerprint (SHA-256 of the raw
  Ed25519 public key), to find the key among the offices' keys;
- signature: Ed25519 over the UTF-8 bytes of everything before the last ".", in RFC 4648 base32
  without padding.

Everything is upper case letters, digits, "-" and ".", so the QR encoder uses its alphanumeric
mode (5.5 bits a character): about 165 characters, a version-8 code, scannable at 4 cm. Serials
may themselves contain "." (the fields are read from both ends).

Verification (`verify_payload`), first match wins:
forged (bad form, no key verifies the signature, or the database's plaque with that serial
disagrees with a signed field) → unknown key (no stored key has the prefix, or it is revoked) →
expired (today in the office's zone is after 31 December of the plaque year) → superseded (the
plaque is no longer current, or the enterprise holds a later year's plaque) → valid.
A genuine signature for a plaque this laptop has not synced yet is valid, with a note.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from inspector.core.dates import format_cn
from inspector.core.labelled import LabelledEnum
from inspector.services.office_keys import OfficeKey, PlaqueRecord

from .plaque_keys import SigningKey

if TYPE_CHECKING:
    from inspector.workspace import Workspace

PREFIX = "INSP1"
KEY_PREFIX_LEN = 8
GRADES = ("A", "B", "C", "D")
_PREFIX_RE = re.compile(r"[0-9A-F]{8}")
_SIG_RE = re.compile(r"[A-Z2-7]{103}")


class Status(LabelledEnum):
    VALID = "valid", "有效"
    FORGED = "forged", "伪造"
    EXPIRED = "expired", "已过期"
    SUPERSEDED = "superseded", "已被取代"
    UNKNOWN_KEY = "unknown_key", "未知密钥"


@dataclass(frozen=True)
class Verification:
    status: Status
    message: str  # one sentence for a person: why this status
    serial: str = ""
    credit_code: str = ""
    grade: str = ""
    year: int | None = None
    enterprise_name: str = ""
    office_name: str = ""
    replaced_by: str = ""  # serial of the plaque that supersedes this one

    @property
    def valid(self) -> bool:
        return self.status is Status.VALID


@dataclass(frozen=True)
class Fields:
    serial: str
    credit_code: str
    grade: str
    year: int
    key_prefix: str


def signed_text(fields: Fields) -> str:
    return ".".join((PREFIX, fields.serial, fields.credit_code, fields.grade, str(fields.year), fields.key_prefix))


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def sign_plaque(key: SigningKey, record: PlaqueRecord) -> str:
    """The QR payload for a plaque, signed with the office's private key."""
    fields = Fields(
        record.serial, record.credit_code, record.grade, record.year, key.office.fingerprint[:KEY_PREFIX_LEN].upper()
    )
    text = signed_text(fields)
    return f"{text}.{_b32(key.private.sign(text.encode('utf-8')))}"


def parse_payload(payload: str) -> tuple[Fields, bytes] | None:
    """The fields and signature, or None when the text is not a version-1 payload."""
    parts = payload.strip().split(".")
    if len(parts) < 7 or parts[0] != PREFIX:
        return None
    credit, grade, year, prefix, signature = parts[-5:]
    serial = ".".join(parts[1:-5])
    if not serial or grade not in GRADES or not re.fullmatch(r"\d{4}", year) or len(credit) != 18:
        return None
    if not _PREFIX_RE.fullmatch(prefix) or not _SIG_RE.fullmatch(signature):
        return None
    try:
        raw = base64.b32decode(signature + "=" * (-len(signature) % 8))
    except binascii.Error:
        return None
    # The last base32 character carries 2 signature bits and 3 padding bits: only the canonical
    # spelling is accepted, so that no character of a valid payload can change and still verify.
    if _b32(raw) != signature:
        return None
    return Fields(serial, credit, grade, int(year), prefix), raw


def _verifies(key: OfficeKey, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key)).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def verify_payload(ws: Workspace, payload: str, today: date | None = None) -> Verification:
    """What a scanned plaque QR says, checked offline against the stored public keys and plaques."""
    parsed = parse_payload(payload)
    if parsed is None:
        return Verification(Status.FORGED, "这不是 Inspector 亮牌二维码，或内容已被改动（格式不符）")
    fields, signature = parsed
    base = {"serial": fields.serial, "credit_code": fields.credit_code, "grade": fields.grade, "year": fields.year}
    keys = ws.office_keys.by_fingerprint_prefix(fields.key_prefix)
    if not keys:
        return Verification(
            Status.UNKNOWN_KEY,
            f"本机没有指纹以 {fields.key_prefix} 开头的发证单位公钥，无法验证；"
            "请导入该单位的公钥（inspector keys import）",
            **base,
        )
    message = signed_text(fields).encode("utf-8")
    key = next((k for k in keys if _verifies(k, message, signature)), None)
    if key is None:
        return Verification(Status.FORGED, "签名与内容不符：二维码内容被改动或不是发证单位签发", **base)
    base["office_name"] = key.office_name
    if key.revoked:
        return Verification(Status.UNKNOWN_KEY, f"签名密钥 {fields.key_prefix} 已被吊销，此亮牌不再可信", **base)

    record = ws.office_keys.plaque_by_serial(fields.serial)
    if record is None:
        enterprise = ws.enterprises.by_credit_code(fields.credit_code)
        name = enterprise.name if enterprise else ""
        note = "签名有效，但本机数据中没有这块亮牌的记录（尚未同步），无法判断是否已被取代"
        return _dated(Verification(Status.VALID, note, enterprise_name=name, **base), today or ws.today())
    if (record.credit_code, record.grade, record.year) != (fields.credit_code, fields.grade, fields.year):
        return Verification(
            Status.FORGED,
            f"编号 {fields.serial} 的亮牌记录为 {record.year} 年 {record.grade} 级"
            f"（{record.credit_code}），与二维码不符",
            enterprise_name=record.enterprise_name,
            **base,
        )
    base["enterprise_name"] = record.enterprise_name
    day = today or ws.today()
    valid = Verification(Status.VALID, "签名有效，亮牌在有效期内且为该企业当前亮牌", **base)
    result = _dated(valid, day)
    if result.status is not Status.VALID:
        return result
    newer = ws.office_keys.newer_plaque(record, day)
    if newer is not None or not record.current:
        if newer is None:
            return Verification(Status.SUPERSEDED, "该亮牌已被后来签发的亮牌取代", **base)
        return Verification(
            Status.SUPERSEDED,
            f"该亮牌已被 {newer.year} 年 {newer.grade} 级亮牌（编号 {newer.serial}）取代",
            replaced_by=newer.serial,
            **base,
        )
    return result


def _dated(result: Verification, today: date) -> Verification:
    assert result.year is not None
    until = date(result.year, 12, 31)
    if today > until:
        return Verification(
            Status.EXPIRED,
            f"该亮牌有效期至 {format_cn(until)}，已过期",
            result.serial,
            result.credit_code,
            result.grade,
            result.year,
            result.enterprise_name,
            result.office_name,
        )
    return result
