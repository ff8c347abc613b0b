"""Signed zip bundles: sync for a USB stick or a mail attachment.

Layout (format version 4; version 1 lacked `stamp` and `follows` of hazard events and
amendments, which the merge then fills as for entries written before migration 0006; versions 1
and 2 lack the enterprises' risk tags, headcount and 规上 flag, read as none and unknown as
migration 0010 gives old rows, and the training tables, which they simply do not carry; versions 1
to 3 lack the major-hazard track, `detail` of hazard events and `major_status` of hazards, which
`carry_major_hazards` fills as migration 0009 does, and `field_versions` of field-stamped records,
read as NULL ("every field as of the row's version", migration 0007), and conflict records, which
did not travel):

    manifest.json         format, version, device id/name/public key, created, since/high_seq,
                          counts per table, sha256 of every other member
    manifest.sig          Ed25519 signature of manifest.json's exact bytes (base64)
    records/<table>.jsonl one JSON object per row (ids as hex, dates ISO 8601, bytes base64)
    photos/<sha256>       each photo once, named by the hash of its bytes

Import checks everything before touching the database: a readable zip, a known format
version, a trusted device whose key matches, a valid signature, exactly the members the
manifest lists with the hashes it lists; then it copies the photos the folder lacks and merges
the records all or nothing (inspector.sync.staged_merge: a large bundle in a staging copy, then
one short transaction). Any failure leaves the database as it was and says why in Chinese.
Importing the same bundle twice changes nothing. Export reads in a read transaction and writes
only the peer's mark, after the bundle is on disk.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Date, LargeBinary, Table, Uuid
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.core.errors import DomainError
from inspector.db.database import Database
from inspector.db.models import Base, TrustedDeviceRow, UTCDateTime, utcnow

from . import devices
from .engine import LOCAL_COLUMNS, SYNC_TABLES, ApplyReport, ChangeSet, collect_changes
from .keys import DeviceKey, fingerprint, verify
from .staged_merge import merge

FORMAT = "inspector-sync-bundle"
KEY_FORMAT = "inspector-device-key"
VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
# Columns a version-1 bundle lacks (inspector/sync/engine.py fills them, rule 5).
ADDED_IN_VERSION_2 = frozenset({"stamp", "follows"})
# Columns bundles before version 4 lack (`carry_major_hazards` fills them).
ADDED_IN_VERSION_4 = frozenset({"detail", "major_status"})
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"


class BundleError(DomainError):
    """A bundle that cannot be imported: damaged, tampered, unknown version, untrusted."""


# -- photos in a data folder ---------------------------------------------------------------------
class FolderPhotos:
    """Photo bytes by content hash in a data folder's photos/ (the layout of PhotoStore)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.jpg"

    def read_photo(self, sha256: str) -> bytes | None:
        try:
            return self.path_of(sha256).read_bytes()
        except OSError:
            return None

    def has_photo(self, sha256: str) -> bool:
        return self.path_of(sha256).exists()

    def write_photo(self, sha256: str, data: bytes) -> None:
        target = self.path_of(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".sync-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)


# -- rows as JSON --------------------------------------------------------------------------------
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]
_PLAIN: Codec = (lambda v: v, lambda v: v)


def _codec(column_type: Any) -> Codec:
    if isinstance(column_type, Uuid):
        return (lambda v: v.hex, uuid.UUID)
    if isinstance(column_type, UTCDateTime):
        return (lambda v: v.isoformat(), datetime.fromisoformat)
    if isinstance(column_type, Date):
        return (lambda v: v.isoformat(), date.fromisoformat)
    if isinstance(column_type, LargeBinary):
        return (lambda v: base64.b64encode(v).decode("ascii"), base64.b64decode)
    if isinstance(column_type, JSON):
        return _PLAIN
    return _PLAIN


def _codecs(table: Table) -> list[tuple[str, Callable[[Any], Any], Callable[[Any], Any]]]:
    return [(c.name, *_codec(c.type)) for c in table.c if c.name not in LOCAL_COLUMNS]


def encode_rows(table: Table, rows: list[dict[str, Any]]) -> bytes:
    codecs = _codecs(table)
    lines = []
    for row in rows:
        lines.append(
            json.dumps(
                {name: (None if row[name] is None else enc(row[name])) for name, enc, _ in codecs},
                ensure_ascii=False,
                separators=(",", ":"),
            )
        )
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def decode_rows(table: Table, data: bytes, version: int = VERSION) -> list[dict[str, Any]]:
    codecs = _codecs(table)
    if version < 2:
        codecs = [codec for codec in codecs if codec[0] not in ADDED_IN_VERSION_2]
    if version < 4:
        codecs = [codec for codec in codecs if codec[0] not in ADDED_IN_VERSION_4]
    # A copy whose program predates a column (one added by a later migration with a plain
    # default) writes rows without it: such a row gets the default, as the migration gave the
    # rows already stored. Any other missing column is a damaged bundle (KeyError below).
    defaults = _added_column_defaults(table)
    rows = []
    for line in data.decode("utf-8").splitlines():
        if not line:
            continue
        raw = json.loads(line)
        for name, value in defaults.items():
            raw.setdefault(name, value)
        rows.append({name: (None if raw[name] is None else dec(raw[name])) for name, _, dec in codecs})
    return rows


# Columns added after bundle format 2 was fixed, which an older program's bundle lacks. An
# enterprise edited on a program that predates tags carries no tags (as the rows migration 0010
# upgraded): an office upgrades every laptop, then tags.
ADDED_LATER = {
    # field_versions (format 4): NULL, "every field as of the row's version" (engine rule 9).
    "enterprises": ("risk_tags", "headcount", "above_scale", "field_versions"),
    "office_keys": ("office_kind",),
    "inspectors": ("permit_no", "field_versions"),
    "assignments": ("field_versions",),
    "notices": ("signed_by", "permits", "replied_on", "reply_note", "refers_to", "addressee", "reason"),
    # migration 0012: an inspection without a number gets the one derived from its id (sync
    # engine), a photo without a version link is an original
    "inspections": ("number",),
    "photos": ("derived_from", "markup"),
}


def _added_column_defaults(table: Table) -> dict[str, Any]:
    """The encoded default of each column of `table` that an older bundle may lack."""
    defaults: dict[str, Any] = {}
    for name in ADDED_LATER.get(table.name, ()):
        column = table.c[name]
        default = column.default
        value = None
        if default is not None and getattr(default, "is_scalar", False):
            value = default.arg
        elif default is not None and getattr(default, "is_callable", False):
            value = default.arg(None)  # list: SQLAlchemy wraps it to take an execution context
        encode = _codec(column.type)[0]
        defaults[name] = None if value is None else encode(value)
    return defaults


# -- export --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExportResult:
    path: Path
    counts: dict[str, int]
    photos: int
    since: int
    high_seq: int


def export_bundle(
    db: Database,
    photos: FolderPhotos,
    key: DeviceKey,
    out: Path,
    peer: str | None = None,
    everything: bool = False,
    device_name: str = "",
) -> ExportResult:
    """Write the changes since the last export to `peer` (or all with `everything`) to `out`."""
    if peer is None and not everything:
        raise BundleError(
            "请选择接收方（只导出上次导出给它之后的变化），或选择导出全部数据",
            command_line="请用 --peer 指定接收方（只导出上次导出给它之后的变化），或用 --all 导出全部",
        )
    with db.reading() as session:
        since = 0 if everything or peer is None else devices.peer(session, peer).sent_seq
        number = devices.next_bundle_number(session, peer) if peer is not None else 0
        changes = collect_changes(session, since, db.device_id)
    members: dict[str, bytes] = {}
    for name in SYNC_TABLES:
        rows = changes.tables.get(name)
        if rows:
            members[f"records/{name}.jsonl"] = encode_rows(Base.metadata.tables[name], rows)
    photo_members: list[str] = []
    for sha in changes.photo_hashes:
        data = photos.read_photo(sha)
        if data is None:
            raise BundleError(f"照片文件缺失：{photos.path_of(sha)}，无法导出")
        members[f"photos/{sha}"] = data
        photo_members.append(sha)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "device_id": db.device_id,
        "device_name": device_name,
        "public_key": key.public_b64,
        "created": utcnow().isoformat(),
        "peer": peer or "",
        "number": number,  # the sender's count of bundles to this peer (0: none named)
        "since": since,
        "high_seq": changes.high_seq,
        "counts": changes.counts(),
        "photos": len(photo_members),
        "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    _write_zip(out, manifest_bytes, base64.b64encode(key.sign(manifest_bytes)), members)
    if peer is not None:
        # Changes committed while the bundle was written were stamped under the write lock,
        # after every change read here, so their sequence numbers are above high_seq and the
        # next export sends them (stamps come from each process's clock, on one machine).
        with db.transaction() as session:
            devices.mark_sent(session, peer, changes.high_seq)
            devices.mark_numbered(session, peer, number)
    return ExportResult(out, changes.counts(), len(photo_members), since, changes.high_seq)


def _write_zip(out: Path, manifest: bytes, signature: bytes, members: dict[str, bytes]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=out.parent, prefix=".bundle-", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(temp, "w") as archive:
            archive.writestr(MANIFEST, manifest, zipfile.ZIP_DEFLATED)
            archive.writestr(SIGNATURE, signature, zipfile.ZIP_DEFLATED)
            for name, data in members.items():
                method = zipfile.ZIP_STORED if name.startswith("photos/") else zipfile.ZIP_DEFLATED
                archive.writestr(name, data, method)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# -- reading and checking ------------------------------------------------------------------------
@dataclass(frozen=True)
class Identity:
    """Who made a bundle or key file: what `inspector sync trust` shows before trusting."""

    device_id: str
    name: str
    public_key: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


@dataclass
class Bundle:
    manifest: dict[str, Any]
    identity: Identity
    changes: ChangeSet
    photos: dict[str, bytes]


def _damaged(path: Path, detail: str = "") -> BundleError:
    extra = f"（{detail}）" if detail else ""
    return BundleError(f"同步包 {path.name} 已损坏或不完整{extra}，未导入任何内容")


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BundleError(f"找不到文件 {path}") from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise BundleError(f"{path.name} 不是同步包，或文件已损坏、不完整，未导入任何内容") from None


def _read(archive: zipfile.ZipFile, path: Path, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        raise _damaged(path, f"缺少 {name}") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as error:
        raise _damaged(path, f"{name}：{error}") from None


def _manifest(archive: zipfile.ZipFile, path: Path) -> tuple[bytes, dict[str, Any]]:
    raw = _read(archive, path, MANIFEST)
    try:
        manifest = json.loads(raw)
        if not isinstance(manifest, dict):
            raise ValueError
    except ValueError:
        raise _damaged(path, "清单无法解析") from None
    if manifest.get("format") != FORMAT:
        raise BundleError(f"{path.name} 不是 Inspector 同步包")
    version = manifest.get("version")
    if type(version) is not int:  # "1" is not 1: a writer that is not Inspector, or damage
        raise BundleError(f"同步包 {path.name} 的格式版本 {json.dumps(version, ensure_ascii=False)} 无效，应为整数")
    if version not in READABLE_VERSIONS:
        raise BundleError(
            f"同步包 {path.name} 的格式版本为 {version}，本程序只支持版本 {'、'.join(map(str, READABLE_VERSIONS))}；"
            "请升级 Inspector"
        )
    for field in ("device_id", "public_key", "members"):
        if field not in manifest:
            raise _damaged(path, f"清单缺少 {field}")
    return raw, manifest


def read_identity(path: Path) -> Identity:
    """The device of a bundle or of a key file (`inspector sync export-key`)."""
    if zipfile.is_zipfile(path):
        with _open_zip(path) as archive:
            _, manifest = _manifest(archive, path)
        return Identity(str(manifest["device_id"]), str(manifest.get("device_name", "")), str(manifest["public_key"]))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BundleError(f"找不到文件 {path}") from None
    except (OSError, ValueError, UnicodeDecodeError):
        raise BundleError(f"{path.name} 既不是同步包，也不是设备公钥文件") from None
    if not isinstance(data, dict) or data.get("format") != KEY_FORMAT:
        raise BundleError(f"{path.name} 既不是同步包，也不是设备公钥文件")
    return Identity(str(data.get("device_id", "")), str(data.get("name", "")), str(data.get("public_key", "")))


def write_key_file(out: Path, device_id: str, name: str, key: DeviceKey) -> None:
    payload = {"format": KEY_FORMAT, "device_id": device_id, "name": name, "public_key": key.public_b64}
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".tmp")
    temp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temp, out)


def open_bundle(path: Path, trusted_key: Callable[[str], TrustedDeviceRow | None]) -> Bundle:
    """Read and check a bundle completely (nothing is written): see the module docstring."""
    with _open_zip(path) as archive:
        raw, manifest = _manifest(archive, path)
        device_id = str(manifest["device_id"])
        trusted = trusted_key(device_id)
        shown = fingerprint(str(manifest["public_key"])) if _valid_b64(manifest["public_key"]) else "?"
        if trusted is None:
            untrusted = f"同步包来自未信任的设备 {manifest.get('device_name') or device_id}（指纹 {shown}）；"
            raise BundleError(
                untrusted + f"核对指纹后在 同步 → 信任设备… 中选择 {path.name} 信任该设备",
                command_line=untrusted + f"核对指纹后用 inspector sync trust {path.name} 信任该设备",
            )
        if trusted.public_key != manifest["public_key"]:
            raise BundleError(
                f"同步包的设备密钥与已信任的不同（设备 {trusted.name or device_id}，包内指纹 {shown}），已拒绝"
            )
        try:
            signature = base64.b64decode(_read(archive, path, SIGNATURE), validate=True)
        except ValueError:
            raise _damaged(path, "签名无法解析") from None
        if not verify(trusted.public_key, signature, raw):
            raise BundleError(f"同步包 {path.name} 的签名无效：内容被改动过，已拒绝")
        listed: dict[str, str] = manifest["members"]
        present = {name for name in archive.namelist() if name not in (MANIFEST, SIGNATURE)}
        if present != set(listed):
            raise _damaged(path, "成员与清单不符")
        contents: dict[str, bytes] = {}
        for name, sha in listed.items():
            data = _read(archive, path, name)
            if hashlib.sha256(data).hexdigest() != sha or (name.startswith("photos/") and name[7:] != sha):
                raise _damaged(path, f"{name} 校验不符")
            contents[name] = data
    changes = ChangeSet(
        origin_device=device_id, since=int(manifest.get("since", 0)), high_seq=int(manifest.get("high_seq", 0))
    )
    photos: dict[str, bytes] = {}
    for name, data in contents.items():
        if name.startswith("photos/"):
            photos[name[7:]] = data
            continue
        table_name = name.removeprefix("records/").removesuffix(".jsonl")
        if not name.startswith("records/") or table_name not in SYNC_TABLES:
            raise _damaged(path, f"未知的成员 {name}")
        try:
            changes.tables[table_name] = decode_rows(Base.metadata.tables[table_name], data, manifest["version"])
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise _damaged(path, f"{name} 无法解析：{error}") from None
    if manifest["version"] < 4:
        carry_major_hazards(changes.tables)
    identity = Identity(device_id, str(manifest.get("device_name", "")), str(manifest["public_key"]))
    return Bundle(manifest, identity, changes, photos)


def carry_major_hazards(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Rows of a bundle written before the major-hazard track, read as migration 0009 reads a
    database: a hazard stored as major is a suspected one, its record event says so with the
    citation it was recorded with; other events name nothing. The merge then derives the
    hazard's mirrored track from its history (a major hazard fixed on the spot is general)."""
    majors = {row["id"]: row for row in tables.get("hazards", []) if row.get("severity") == "major"}
    for row in tables.get("hazards", []):
        row["major_status"] = "suspected" if row["id"] in majors else "none"
    for event in tables.get("hazard_events", []):
        hazard = majors.get(event["hazard_id"])
        if event["action"] == "record" and hazard is not None:
            event["detail"] = {"major": "suspected", "citation": hazard.get("major_clause") or ""}
        else:
            event["detail"] = {}


def _valid_b64(value: Any) -> bool:
    try:
        return len(base64.b64decode(str(value), validate=True)) == 32
    except ValueError:
        return False


@dataclass(frozen=True)
class ImportResult:
    device: Identity  # named as trusted here (`sync trust --name`), not by its host name
    report: ApplyReport
    photos_copied: int
    missing: tuple[devices.Gap, ...] = ()  # bundles of that device never imported here

    @property
    def gap_warning(self) -> str:
        """One sentence for the missing bundles and how to get their changes ("" if none), as
        the window says it; `gap_warning_for_command_line` says it with the command."""
        return gap_warning(self.device.name, self.missing)

    @property
    def gap_warning_for_command_line(self) -> str:
        return gap_warning(self.device.name, self.missing, RESEND_ALL_COMMAND)


# How the sender makes a bundle with everything for this machine: in the window, and at the command line.
RESEND_ALL = "（在 同步 → 导出同步包… 中选择本机，勾选“全部数据”）"
RESEND_ALL_COMMAND = "（inspector sync export --peer 本机名称 --all）"


def gap_warning(sender: str, missing: tuple[devices.Gap, ...] | list[devices.Gap], how: str = RESEND_ALL) -> str:
    if not missing:
        return ""
    ranges = "、".join(f"第 {a} 号" if a == b else f"第 {a}–{b} 号" for a, b in missing)
    return f"缺少来自 {sender} 的{ranges}同步包（其余内容已导入）：请 {sender} 重新导出给本机{how}，导入后即补齐"


class _BundlePhotos:
    def __init__(self, photos: dict[str, bytes]) -> None:
        self.photos = photos

    def read_photo(self, sha256: str) -> bytes | None:
        return self.photos.get(sha256)


def import_bundle(db: Database, photos: FolderPhotos, path: Path, timezone: str) -> ImportResult:
    """Check the bundle, copy its new photos, merge its records all or nothing. Records the
    database refuses (a reference to a missing record, an empty required field) end in one
    sentence, with the database as it was and the photos this import wrote removed again."""
    from .engine import transfer_photos

    with db.reading() as session:
        bundle = open_bundle(path, lambda device_id: _detached(session, device_id))
        sender = _sender_name(session, bundle.identity.device_id)
        gaps = devices.missing_bundles(session, bundle.identity.device_id)

    def record(session: Session) -> None:
        nonlocal gaps
        device = session.get(TrustedDeviceRow, bundle.identity.device_id)
        if device is None:
            raise BundleError("导入期间该设备已被取消信任，未导入任何内容")
        device.last_import_at = utcnow()
        created = bundle.manifest.get("created")
        if isinstance(created, str):
            with contextlib.suppress(ValueError):
                device.last_bundle_created = datetime.fromisoformat(created)
        devices.mark_received(session, device.name or device.device_id, bundle.changes.high_seq)
        number = bundle.manifest.get("number")
        if type(number) is int and number > 0:
            gaps = devices.receive_numbered(session, device.device_id, number, bundle.changes.since)

    written = _WrittenPhotos(photos)
    try:
        copied = transfer_photos(bundle.changes, _BundlePhotos(bundle.photos), written)
        report = merge(db, bundle.changes, timezone, after=record)
    except IntegrityError as error:
        written.remove_all()
        raise BundleError(_refused_rows(path, sender, error, gaps)) from None
    except BaseException:
        written.remove_all()
        raise
    identity = Identity(bundle.identity.device_id, sender, bundle.identity.public_key)
    return ImportResult(identity, report, copied, tuple(gaps))


def _sender_name(session: Any, device_id: str) -> str:
    row = session.get(TrustedDeviceRow, device_id)
    return (row.name if row is not None else "") or device_id[:8]


def _refused_rows(path: Path, sender: str, error: IntegrityError, gaps: list[devices.Gap]) -> str:
    """The database refused a row of a correctly signed bundle: say which kind, in one sentence."""
    detail = str(error.orig)
    if "FOREIGN KEY" in detail.upper():
        reason = "有记录引用了本机没有的记录"
    elif "NOT NULL" in detail.upper() or "null value" in detail:
        column = detail.rsplit(":", 1)[-1].strip() if ":" in detail else ""
        reason = f"有记录缺少必填内容{f'（{column}）' if column else ''}"
    elif "UNIQUE" in detail.upper() or "duplicate key" in detail:
        reason = "有记录与本机的编号重复"
    else:
        reason = f"有记录无法保存（{detail}）"
    hint = f"；{gap_warning(sender, gaps)}" if gaps else f"，请让对方重新导出全部数据{RESEND_ALL}"
    return f"来自 {sender} 的同步包 {path.name} 中{reason}，未导入任何内容{hint}"


class _WrittenPhotos:
    """The folder's photos, remembering the files this import adds, to take them back on failure."""

    def __init__(self, folder: FolderPhotos) -> None:
        self.folder = folder
        self.written: list[str] = []

    def has_photo(self, sha256: str) -> bool:
        return self.folder.has_photo(sha256)

    def write_photo(self, sha256: str, data: bytes) -> None:
        self.written.append(sha256)
        self.folder.write_photo(sha256, data)

    def remove_all(self) -> None:
        for sha in self.written:
            path = self.folder.path_of(sha)
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                path.parent.rmdir()  # only when this import made it and left it empty


def _detached(session: Any, device_id: str) -> TrustedDeviceRow | None:
    row = session.get(TrustedDeviceRow, device_id)
    if row is not None:
        session.expunge(row)
    return row
