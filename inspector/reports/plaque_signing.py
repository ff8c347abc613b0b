"""The signed payload in a plaque's QR code, and its offline verification.

Payload format 2 (printed since the verification page), seven fields joined by ".":

    I2.<serial>.<credit code>.<grade>.<year>.<key>.<signature>
    I2.PH-2026-DEMO-000001.91330482MA2B3C4D5E.A.2026.3FA2.<155 decimal digits>

- ``I2``: format 2;
- serial, unified social credit code (18 characters), grade A–D, plaque year;
- key: the first 4 hex digits (upper case) of the signing key's fingerprint (SHA-256 of the raw
  Ed25519 public key), to find the key among the offices' keys (every key with that prefix is
  tried, so a shared prefix costs a second check, never a wrong answer);
- signature: Ed25519 over the UTF-8 bytes of everything before the last ".", as one number in
  exactly 155 decimal digits (big-endian, zero-padded).

Why this shape: the QR code holds the fields in its alphanumeric mode (5.5 bits a character)
and the signature in its numeric mode (3.3 bits a digit: 517 bits for the 64 bytes, against 566
in base32), see plaque_qr. Without an address the code is a version 6; with the office's
verification address in front (`<address>#<payload>`, so a phone opens the office's page) a
version 7 or 8, printed at more than 1 mm a module.

Format 1 (``INSP1``, 8 hex digits of key, base32 signature) is what plaques printed before
carried; it still verifies.

Serials may themselves contain "." (the fields are read from both ends). A scanned text may be
the bare payload or the whole address (`payload_of_scan` keeps what follows the "#").

Verification (`verify_payload`), first match wins:
forged (bad form, no key verifies the signature, or the database's plaque with that serial
disagrees with a signed field) → unknown key (no stored key has the prefix, or it is revoked) →
expired (today in the office's zone is past the plaque's validity: 31 December of the year after
the plaque year, or the day before the office's next round, by the settings' rule) → superseded (the
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

from inspector.core.labelled import LabelledEnum
from inspector.services.office_keys import OfficeKey, PlaqueRecord

from .plaque_keys import SigningKey

if TYPE_CHECKING:
    from inspector.workspace import Workspace

PREFIX = "I2"
KEY_PREFIX_LEN = 4
SIGNATURE_DIGITS = 155  # 2**512 has 155 decimal digits
GRADES = ("A", "B", "C", "D")
_V2_KEY_RE = re.compile(r"[0-9A-F]{4}")
_V2_SIG_RE = re.compile(r"[0-9]{155}")
# Format 1, still read.
V1_PREFIX = "INSP1"
_V1_KEY_RE = re.compile(r"[0-9A-F]{8}")
_V1_SIG_RE = re.compile(r"[A-Z2-7]{103}")


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
    prefix: str = PREFIX  # the format: I2, or INSP1 for plaques printed before


def signed_text(fields: Fields) -> str:
    return ".".join(
        (fields.prefix, fields.serial, fields.credit_code, fields.grade, str(fields.year), fields.key_prefix)
    )


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def signature_digits(signature: bytes) -> str:
    return str(int.from_bytes(signature, "big")).zfill(SIGNATURE_DIGITS)


def sign_plaque(key: SigningKey, record: PlaqueRecord) -> str:
    """The QR payload (format 2) for a plaque, signed with the office's private key."""
    fields = Fields(
        record.serial, record.credit_code, record.grade, record.year, key.office.fingerprint[:KEY_PREFIX_LEN].upper()
    )
    text = signed_text(fields)
    return f"{text}.{signature_digits(key.private.sign(text.encode('utf-8')))}"


def payload_of_scan(text: str) -> str:
    """The payload in a scanned text: the bare payload, or what follows the "#" of the address."""
    return text.strip().rpartition("#")[2].strip()


def parse_payload(payload: str) -> tuple[Fields, bytes] | None:
    """The fields and signature, or None when the text is not a format 1 or 2 payload."""
    parts = payload_of_scan(payload).split(".")
    if len(parts) < 7 or parts[0] not in (PREFIX, V1_PREFIX):
        return None
    credit, grade, year, prefix, signature = parts[-5:]
    serial = ".".join(parts[1:-5])
    if not serial or grade not in GRADES or not re.fullmatch(r"\d{4}", year) or len(credit) != 18:
        return None
    raw = _signature_v2(prefix, signature) if parts[0] == PREFIX else _signature_v1(prefix, signature)
    if raw is None:
        return None
    return Fields(serial, credit, grade, int(year), prefix, parts[0]), raw


def _signature_v2(prefix: str, signature: str) -> bytes | None:
    if not _V2_KEY_RE.fullmatch(prefix) or not _V2_SIG_RE.fullmatch(signature):
        return None
    number = int(signature)
    # Exactly 155 digits of a number below 2**512: one spelling for each signature, so that no
    # character of a valid payload can change and still verify.
    return number.to_bytes(64, "big") if number < 1 << 512 else None


def _signature_v1(prefix: str, signature: str) -> bytes | None:
    if not _V1_KEY_RE.fullmatch(prefix) or not _V1_SIG_RE.fullmatch(signature):
        return None
    try:
        raw = base64.b32decode(signature + "=" * (-len(signature) % 8))
    except binascii.Error:
        return None
    # The last base32 character carries 2 signature bits and 3 padding bits: only the canonical
    # spelling is accepted, so that no character of a valid payload can change and still verify.
    return raw if _b32(raw) == signature else None


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
        return Verification(Status.FORGED, "这不是亮牌二维码，或内容已被改动（格式不符）")
    fields, signature = parsed
    base = {"serial": fields.serial, "credit_code": fields.credit_code, "grade": fields.grade, "year": fields.year}
    keys = ws.office_keys.by_fingerprint_prefix(fields.key_prefix)
    if not keys:
        return Verification(
            Status.UNKNOWN_KEY,
            f"本机没有指纹以 {fields.key_prefix} 开头的发证单位公钥，无法验证；"
            "请在 设置 → 发证单位密钥 中导入该单位的公钥",
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
        return _dated(ws, Verification(Status.VALID, note, enterprise_name=name, **base), today or ws.today())
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
    result = _dated(ws, valid, day)
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


def _dated(ws: Workspace, result: Verification, today: date) -> Verification:
    assert result.year is not None
    validity = ws.plaque_validity(result.year)
    if validity.expired(today):
        return Verification(
            Status.EXPIRED,
            validity.expiry_sentence(),
            result.serial,
            result.credit_code,
            result.grade,
            result.year,
            result.enterprise_name,
            result.office_name,
        )
    return result
