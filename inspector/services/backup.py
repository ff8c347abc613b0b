"""Backup and restore of a whole data folder as one ZIP archive.

A backup holds a consistent online copy of the database (SQLite's backup API, safe while the
program is writing), the photos, the settings and every other file of the data folder except
caches (photo thumbnails), the pre-upgrade database copies in backups/ and earlier restores.
`manifest.json`, written last, names the program version, the schema revision, a few counts
and the SHA-256 of every member.

A restore checks everything before it touches the data folder: the ZIP opens, the manifest
lists exactly the members present, every hash matches, the database passes
`PRAGMA integrity_check` and its schema revision is one this program knows (an older one is
migrated after the restore). The restored copy becomes a new device (a new device id and key, its serial prefix derived
again; peers trust it anew), since the original may still be in use. A data folder that
already holds data is replaced only when asked (`force`), and then its old content is moved
to `.before-restore-<time>/` inside it first, so nothing is ever lost. Any failure after that puts the old content back.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from inspector import __version__
from inspector.core.errors import DomainError
from inspector.db.database import BACKUP_DIR, DB_NAME, alembic_config, backup_sqlite
from inspector.db.device_identity import become_new_device
from inspector.file_modes import make_keys_private, make_private

MANIFEST = "manifest.json"
FORMAT = "inspector-backup"
FORMAT_VERSION = 1
ASIDE_PREFIX = ".before-restore-"
COUNTED_TABLES = ("enterprises", "inspections", "hazards", "photos")
_CHUNK = 1 << 20
# Already compressed: storing them again costs time and saves nothing.
_STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".zip", ".gz"}

Progress = Callable[[str], None]


class BackupError(DomainError):
    """A backup cannot be made, or an archive cannot be restored; the message says why."""


@dataclass(frozen=True)
class BackupManifest:
    app_version: str
    schema_revision: str | None
    created_at: str
    counts: dict[str, int]
    members: dict[str, dict[str, Any]] = field(default_factory=dict)  # name → {"sha256", "size"}

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": self.app_version,
                "schema_revision": self.schema_revision,
                "created_at": self.created_at,
                "counts": self.counts,
                "members": self.members,
            },
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> BackupManifest:
        try:
            raw = json.loads(text)
            if raw.get("format") != FORMAT:
                raise ValueError("not an Inspector backup")
            if int(raw["format_version"]) > FORMAT_VERSION:
                raise BackupError("备份文件由更新版本的 Inspector 生成，请先升级本程序")
            members = {str(k): {"sha256": str(v["sha256"]), "size": int(v["size"])} for k, v in raw["members"].items()}
            return cls(
                app_version=str(raw["app_version"]),
                schema_revision=raw["schema_revision"],
                created_at=str(raw["created_at"]),
                counts={str(k): int(v) for k, v in raw["counts"].items()},
                members=members,
            )
        except BackupError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BackupError("备份文件的清单（manifest.json）无法识别：这不是 Inspector 的备份文件") from None


@dataclass(frozen=True)
class RestoreResult:
    manifest: BackupManifest
    moved_aside: Path | None  # where the data folder's previous content went, if it had any


# --- what a data folder holds -----------------------------------------------------------------


def _excluded(relative: PurePosixPath) -> bool:
    first = relative.parts[0]
    if first in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal", BACKUP_DIR):
        return True
    if first.startswith(ASIDE_PREFIX) or relative.name.endswith(".tmp"):
        return True
    return relative.parts[:2] == ("photos", "thumbs")  # a cache, remade on demand


def _data_files(data_dir: Path, skip: set[Path]) -> Iterator[tuple[Path, str]]:
    """(path, archive name) for every file of the data folder that a backup keeps."""
    for path in sorted(data_dir.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.resolve() in skip:
            continue
        relative = PurePosixPath(path.relative_to(data_dir).as_posix())
        if not _excluded(relative):
            yield path, str(relative)


def holds_data(data_dir: Path) -> bool:
    """Whether a data folder holds work: enterprises, inspections, hazards or photos.

    A database that only exists because the program was opened once does not count; this is the
    definition of "first run" (the welcome page) and of "would overwrite data" (restore).
    A database that cannot be read counts as data: never overwrite what cannot be checked.
    """
    photos = data_dir / "photos"
    if photos.is_dir() and any(p.is_file() for p in photos.glob("[0-9a-f][0-9a-f]/*")):
        return True
    db = data_dir / DB_NAME
    if not db.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for table in ("enterprises", "inspections", "hazards"):
                if table in tables and connection.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                    return True
        finally:
            connection.close()
    except sqlite3.Error:
        return True
    return False


def _database_facts(db: Path) -> tuple[str | None, dict[str, int]]:
    """Schema revision and row counts of a database file (raises sqlite3.Error if unreadable)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        counts = {
            table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in COUNTED_TABLES
            if table in tables
        }
        return revision, counts
    finally:
        connection.close()


# --- backup ------------------------------------------------------------------------------------


def _add_member(archive: zipfile.ZipFile, source: Path, name: str) -> dict[str, Any]:
    compress = zipfile.ZIP_STORED if source.suffix.lower() in _STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    info = zipfile.ZipInfo.from_file(source, name)
    info.compress_type = compress
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, archive.open(info, "w", force_zip64=True) as writer:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
    return {"sha256": digest.hexdigest(), "size": size}


def default_backup_name(now: datetime | None = None) -> str:
    return f"inspector-backup-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.zip"


def create_backup(data_dir: Path, out: Path, progress: Progress | None = None) -> tuple[Path, BackupManifest]:
    """Write a backup of `data_dir` to `out` (a .zip file, or a folder to put one in).

    Safe while the program runs: the database is copied through SQLite's backup API. The archive
    appears under its name only when complete (temporary file, then os.replace).
    """
    db = data_dir / DB_NAME
    if not db.is_file():
        raise BackupError(f"数据文件夹 {data_dir} 中没有数据库，无可备份")
    out = out.expanduser()
    if out.is_dir():
        out = out / default_backup_name()
    if out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"无法创建文件夹 {out.parent}：{error.strerror}") from None
    tmp = out.with_name(out.name + ".tmp")
    say = progress or (lambda _step: None)
    try:
        with tempfile.TemporaryDirectory(prefix="inspector-backup-") as scratch:
            say("复制数据库")
            try:
                copy = backup_sqlite(db, Path(scratch), "backup")
                revision, counts = _database_facts(copy)
            except sqlite3.Error as error:
                raise BackupError(f"数据库 {db} 无法读取，备份未完成：{error}") from None
            members: dict[str, dict[str, Any]] = {}
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                members[DB_NAME] = _add_member(archive, copy, DB_NAME)
                say("复制照片和设置")
                photo_count = 0
                for path, name in _data_files(data_dir, skip={out.resolve(), tmp.resolve()}):
                    members[name] = _add_member(archive, path, name)
                    photo_count += name.startswith("photos/")
                counts["photo_files"] = photo_count
                manifest = BackupManifest(
                    app_version=__version__,
                    schema_revision=revision,
                    created_at=datetime.now().astimezone().isoformat(timespec="seconds"),
                    counts=counts,
                    members=members,
                )
                archive.writestr(MANIFEST, manifest.to_json())
            with tmp.open("rb") as written:
                os.fsync(written.fileno())
        make_private(tmp)  # the archive carries the private keys in keys/
        os.replace(tmp, out)
    except OSError as error:
        raise BackupError(f"备份文件 {out} 写入失败：{error.strerror or error}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return out, manifest


# --- verify and restore ----------------------------------------------------------------------


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name and ":" not in name


def _extract_verified(archive_path: Path, staging: Path, say: Progress) -> BackupManifest:
    """Unpack the archive into `staging`, checking every member; raise BackupError on any flaw."""
    broken = f"备份文件 {archive_path.name} 已损坏或不完整，数据文件夹未做任何改动"
    if not archive_path.is_file():
        raise BackupError(f"找不到备份文件 {archive_path}")
    try:
        with zipfile.ZipFile(archive_path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
            if MANIFEST not in names:
                raise BackupError(f"{archive_path.name} 中没有清单（manifest.json）：这不是 Inspector 的备份文件")
            manifest = BackupManifest.from_json(archive.read(MANIFEST).decode("utf-8"))
            present = set(names) - {MANIFEST}
            missing = sorted(set(manifest.members) - present)
            extra = sorted(present - set(manifest.members))
            if missing:
                raise BackupError(f"{broken}：缺少 {'、'.join(missing[:3])}{' 等' if len(missing) > 3 else ''}")
            if extra:
                raise BackupError(f"{broken}：含有清单以外的文件 {'、'.join(extra[:3])}")
            if DB_NAME not in manifest.members:
                raise BackupError(f"{broken}：备份中没有数据库")
            say("校验备份")
            for name, expected in manifest.members.items():
                if not _safe_name(name):
                    raise BackupError(f"{broken}：不安全的文件名 {name}")
                target = staging.joinpath(*PurePosixPath(name).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with archive.open(name) as reader, target.open("wb") as writer:
                    while chunk := reader.read(_CHUNK):
                        digest.update(chunk)
                        writer.write(chunk)
                if digest.hexdigest() != expected["sha256"]:
                    raise BackupError(f"{broken}：{name} 校验值不符")
    except BackupError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError):
        raise BackupError(f"{broken}（不是有效的 ZIP 文件）") from None
    except OSError as error:
        raise BackupError(f"无法读取备份文件 {archive_path}：{error.strerror or error}") from None
    say("检查数据库")
    db = staging / DB_NAME
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()
        finally:
            connection.close()
        revision, _counts = _database_facts(db)
    except sqlite3.Error as error:
        raise BackupError(f"{broken}：数据库无法打开（{error}）") from None
    if not result or result[0] != "ok":
        raise BackupError(f"{broken}：数据库完整性检查未通过（{result[0] if result else '无结果'}）")
    if revision is None or revision not in known_revisions():
        raise BackupError(
            f"备份的数据库结构版本 {revision or '（无）'} 比本程序新或未知，"
            "请升级 Inspector 后再恢复；数据文件夹未做任何改动"
        )
    return manifest


def verify_backup(archive_path: Path) -> BackupManifest:
    """Check an archive completely without touching any data folder."""
    with tempfile.TemporaryDirectory(prefix="inspector-verify-") as scratch:
        return _extract_verified(archive_path, Path(scratch), lambda _step: None)


def _move_entries(source: Path, target: Path, keep: Callable[[str], bool]) -> list[str]:
    moved = []
    for entry in sorted(source.iterdir()):
        if keep(entry.name):
            continue
        os.replace(entry, target / entry.name)
        moved.append(entry.name)
    return moved


def restore_backup(
    archive_path: Path, data_dir: Path, force: bool = False, progress: Progress | None = None
) -> RestoreResult:
    """Replace the content of `data_dir` by the archive's, after checking the archive whole.

    The database must be closed (no open Workspace on `data_dir`) while this runs.
    """
    say = progress or (lambda _step: None)
    data_dir = data_dir.expanduser().resolve()
    try:
        data_dir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"无法创建文件夹 {data_dir.parent}：{error.strerror}") from None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    # Beside the data folder, so that moving files in is a rename on the same disk.
    staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.restore-", dir=data_dir.parent))
    try:
        manifest = _extract_verified(archive_path, staging, say)
        if holds_data(data_dir) and not force:
            kept = f"（现有数据会先移到该文件夹下的 {ASIDE_PREFIX}… 中保留）"
            raise BackupError(
                f"数据文件夹 {data_dir} 已有数据，未恢复。确需用备份替换时请在 设置 → 从备份恢复… 中选择它{kept}",
                command_line=f"数据文件夹 {data_dir} 已有数据，未恢复。确需用备份替换时请使用 --force{kept}",
            )
        say("恢复数据")
        data_dir.mkdir(exist_ok=True)
        aside: Path | None = None
        existing = [e for e in data_dir.iterdir() if not e.name.startswith(ASIDE_PREFIX)]
        if existing:
            aside = data_dir / f"{ASIDE_PREFIX}{stamp}"
            aside.mkdir()
        moved = _move_entries(data_dir, aside, lambda name: name.startswith(ASIDE_PREFIX)) if aside else []
        placed: list[str] = []
        try:
            placed = _move_entries(staging, data_dir, lambda _name: False)
            make_keys_private(data_dir)  # extracted files got the umask's mode; keys are the owner's
            say("升级数据库结构")
            from inspector.db.database import Database  # migrates an older schema, with its own pre-upgrade copy

            Database.open_folder(data_dir).close()
            # A restored copy is a new device (new id and key): two laptops set up from one
            # backup must not pass for one (inspector/db/device_identity.py).
            become_new_device(data_dir, DB_NAME, stamp)
        except Exception:
            # Put the folder back as it was: restored files out, the old content back in.
            for name in placed:
                path = data_dir / name
                shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
            if aside is not None:
                for name in moved:
                    os.replace(aside / name, data_dir / name)
                aside.rmdir()
            raise
        return RestoreResult(manifest, aside)
    except OSError as error:
        raise BackupError(f"恢复失败，数据文件夹保持原样：{error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
