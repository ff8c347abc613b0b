"""Backup and restore (inspector.services.backup) on real data folders made by the demo generator.

Every damaged-archive case must leave the target data folder exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from inspector.cli.main import main as cli_main
from inspector.db.database import DB_NAME, head_revision
from inspector.demo.generator import DemoSpec
from inspector.services.backup import (
    MANIFEST,
    BackupError,
    create_backup,
    holds_data,
    restore_backup,
    verify_backup,
)
from inspector.settings import Settings
from inspector.workspace import Workspace
from tests.prepared_data import PreparedData
from tests.sqlite_files import database_at, scalar, sql

SPEC = DemoSpec(enterprises=4, years=1, seed=5)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory, prepared_data: PreparedData) -> Path:
    """A data folder with data, photos, thumbnails, custom settings and a pre-upgrade copy."""
    folder = tmp_path_factory.mktemp("source") / "data"
    prepared_data.copy_to(folder, SPEC, settings=Settings(office_name="测试市总工会", office_code="CS"))
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / "old.db").write_bytes(b"pre-upgrade copy")
    return folder


@pytest.fixture(scope="module")
def archive(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out, _manifest = create_backup(source, tmp_path_factory.mktemp("archive") / "backup.zip")
    return out


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under the folder with its hash: "untouched" means this is unchanged."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def counts(folder: Path) -> dict[str, int]:
    return {t: scalar(folder / DB_NAME, f"SELECT count(*) FROM {t}") for t in ("enterprises", "hazards")}


def rewrite(archive: Path, target: Path, change: Callable[[dict[str, bytes]], None], fix_manifest: bool) -> Path:
    """A copy of the archive with its members changed; the manifest's hashes updated or not."""
    with zipfile.ZipFile(archive) as source:
        members = {name: source.read(name) for name in source.namelist()}
    change(members)
    if fix_manifest:
        manifest = json.loads(members[MANIFEST])
        manifest["members"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
            if name != MANIFEST
        }
        members[MANIFEST] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return target


def test_round_trip_keeps_database_photos_and_settings(source: Path, archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "restored"
    result = restore_backup(archive, target)
    assert result.moved_aside is None
    assert counts(target) == counts(source)
    photos = {k: v for k, v in snapshot(source).items() if k.startswith("photos/") and "/thumbs/" not in k}
    assert photos and {k: v for k, v in snapshot(target).items() if k in photos} == photos
    assert Settings.load(target).office_code == "CS"
    workspace = Workspace(target)
    try:
        assert workspace.stats().enterprises == SPEC.enterprises
    finally:
        workspace.close()


def test_manifest_names_revision_counts_and_every_member(archive: Path) -> None:
    manifest = verify_backup(archive)
    assert manifest.schema_revision == head_revision()
    assert manifest.counts["enterprises"] == SPEC.enterprises
    assert manifest.counts["photo_files"] > 0
    assert DB_NAME in manifest.members and "settings.json" in manifest.members
    # Caches and pre-upgrade copies stay out; nothing half-written is left beside the archive.
    assert not [n for n in manifest.members if n.startswith(("photos/thumbs/", "backups/"))]
    assert [p.name for p in archive.parent.iterdir()] == [archive.name]


def test_backup_is_consistent_while_another_connection_writes(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "live"
    shutil.copytree(source, folder)
    stop = threading.Event()
    written = []

    def writer() -> None:
        connection = sqlite3.connect(folder / DB_NAME, isolation_level=None)
        connection.execute("PRAGMA busy_timeout=5000")
        i = 0
        while not stop.is_set():
            # Two rows per transaction: a consistent copy always holds an even number.
            connection.execute("BEGIN")
            connection.execute("INSERT INTO meta(key, value) VALUES (?, 'a')", (f"live-{i}-a",))
            connection.execute("INSERT INTO meta(key, value) VALUES (?, 'b')", (f"live-{i}-b",))
            connection.execute("COMMIT")
            i += 1
            written.append(i)
        connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 20:
            threading.Event().wait(0.01)
        out, _manifest = create_backup(folder, tmp_path / "live.zip")
    finally:
        stop.set()
        thread.join()
    restored = tmp_path / "restored"
    restore_backup(out, restored)
    connection = sqlite3.connect(restored / DB_NAME)
    try:
        live = connection.execute("SELECT count(*) FROM meta WHERE key LIKE 'live-%'").fetchone()[0]
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    assert live >= 40 and live % 2 == 0


def _truncated(archive: Path, target: Path) -> Path:
    target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return target


def _flipped(archive: Path, target: Path) -> Path:
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as source:
        info = source.getinfo(DB_NAME)
    data[info.header_offset + 30 + len(DB_NAME) + info.compress_size // 2] ^= 0xFF  # inside the database's bytes
    target.write_bytes(bytes(data))
    return target


def _missing_member(archive: Path, target: Path) -> Path:
    def drop_a_photo(members: dict[str, bytes]) -> None:
        del members[next(n for n in members if n.startswith("photos/"))]

    return rewrite(archive, target, drop_a_photo, fix_manifest=False)


def _not_a_zip(_archive: Path, target: Path) -> Path:
    target.write_text("这不是备份", encoding="utf-8")
    return target


def _unknown_revision(archive: Path, target: Path) -> Path:
    def newer_schema(members: dict[str, bytes]) -> None:
        db = target.with_suffix(".db")
        db.write_bytes(members[DB_NAME])
        sql(db, "UPDATE alembic_version SET version_num = '9999'")
        members[DB_NAME] = db.read_bytes()

    return rewrite(archive, target, newer_schema, fix_manifest=True)


def _no_manifest(archive: Path, target: Path) -> Path:
    return rewrite(archive, target, lambda members: members.pop(MANIFEST), fix_manifest=False)


def _corrupt_database(archive: Path, target: Path) -> Path:
    def garbage(members: dict[str, bytes]) -> None:
        data = bytearray(members[DB_NAME])
        data[4096:8192] = b"\x00" * 4096  # page 2 wiped: hashes fixed, integrity_check must fail
        members[DB_NAME] = bytes(data)

    return rewrite(archive, target, garbage, fix_manifest=True)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_truncated, "已损坏或不完整"),
        (_flipped, "已损坏或不完整"),
        (_missing_member, "缺少"),
        (_not_a_zip, "不是有效的 ZIP"),
        (_unknown_revision, "9999"),
        (_no_manifest, "manifest.json"),
        (_corrupt_database, "数据库"),
    ],
    ids=["truncated", "flipped-byte", "missing-member", "not-a-zip", "unknown-revision", "no-manifest", "bad-db"],
)
def test_damaged_archive_is_refused_and_data_untouched(
    damage: Callable[[Path, Path], Path], message: str, source: Path, archive: Path, tmp_path: Path
) -> None:
    bad = damage(archive, tmp_path / "bad.zip")
    target = tmp_path / "parent" / "data"
    shutil.copytree(source, target)
    before = snapshot(target)
    with pytest.raises(BackupError, match=message):
        restore_backup(bad, target, force=True)
    assert snapshot(target) == before
    assert [p.name for p in target.parent.iterdir()] == ["data"]  # no staging folder left behind
    with pytest.raises(BackupError):
        verify_backup(bad)


def test_refuses_to_overwrite_data_without_force(source: Path, archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "data"
    shutil.copytree(source, target)
    before = snapshot(target)
    with pytest.raises(BackupError, match="设置 → 从备份恢复") as refused:
        restore_backup(archive, target)
    assert "--force" in refused.value.for_command_line()
    assert snapshot(target) == before


def test_force_moves_the_old_data_aside_first(
    source: Path, archive: Path, tmp_path: Path, prepared_data: PreparedData
) -> None:
    target = prepared_data.copy_to(tmp_path / "data", DemoSpec(enterprises=2, years=1, seed=9))
    before = snapshot(target)
    result = restore_backup(archive, target, force=True)
    assert result.moved_aside is not None and result.moved_aside.parent == target
    assert snapshot(result.moved_aside) == before  # the old folder, whole, beside the restored data
    assert counts(result.moved_aside)["enterprises"] == 2
    assert counts(target)["enterprises"] == SPEC.enterprises
    # A second backup leaves earlier restores out.
    _out, manifest = create_backup(target, tmp_path / "again.zip")
    assert not [n for n in manifest.members if n.startswith(".before-restore-")]


def test_folder_with_only_an_empty_database_needs_no_force(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "data"
    Workspace(target).close()  # what opening the program once leaves behind
    assert not holds_data(target)
    restore_backup(archive, target)
    assert holds_data(target)


def test_older_schema_is_migrated_after_restore(archive: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    database_at(old, "0004")

    def older(members: dict[str, bytes]) -> None:
        members[DB_NAME] = old.read_bytes()
        for name in [n for n in members if n.startswith("photos/")]:
            del members[name]

    older_archive = rewrite(archive, tmp_path / "older.zip", older, fix_manifest=True)
    target = tmp_path / "data"
    restore_backup(older_archive, target)
    assert scalar(target / DB_NAME, "SELECT version_num FROM alembic_version") == head_revision()
    assert list((target / "backups").glob("*.db"))  # the usual pre-upgrade copy


def test_backup_of_a_folder_without_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="没有数据库"):
        create_backup(tmp_path / "nothing", tmp_path / "out.zip")


def test_cli_backup_and_restore(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.zip"
    assert cli_main(["--data-dir", str(source), "backup", "--out", str(out)]) == 0
    assert "已备份到" in capsys.readouterr().out
    target = tmp_path / "target"
    assert cli_main(["--data-dir", str(target), "restore", str(out)]) == 0
    capsys.readouterr()
    assert cli_main(["--data-dir", str(target), "restore", str(out)]) == 1
    refused = capsys.readouterr().err
    assert "\n错误：" in refused and "--force" in refused
    assert cli_main(["--data-dir", str(target), "restore", str(out), "--force"]) == 0
    assert "原有数据已移到" in capsys.readouterr().out
    (tmp_path / "junk.zip").write_bytes(b"PK\x03\x04junk")
    assert cli_main(["--data-dir", str(target), "restore", str(tmp_path / "junk.zip"), "--force"]) == 1
    assert "错误：备份文件 junk.zip 已损坏" in capsys.readouterr().err


def test_two_copies_restored_from_one_backup_are_two_devices(source: Path, archive: Path, tmp_path: Path) -> None:
    """Restored twice, a backup gives two devices (new ids, new keys, their own serial prefix):
    the same phone number edited on both is a conflict at the central database, not a lost edit."""
    from dataclasses import replace

    from inspector.sync.keys import load_or_create

    folders = [tmp_path / "one", tmp_path / "two"]
    original_id = scalar(source / DB_NAME, "SELECT value FROM meta WHERE key = 'device_id'")
    central = f"sqlite:///{tmp_path / 'central.db'}"
    devices, keys, conflicts = [], [], []
    for n, folder in enumerate(folders):
        restore_backup(archive, folder)
        workspace = Workspace(folder)
        try:
            devices.append(workspace.db.device_id)
            keys.append(load_or_create(folder).public_b64)
            if n == 0:
                workspace.central.push(central)  # the first copy brings the data
            first = workspace.enterprises.get(sorted(workspace.enterprises.search_ids(""))[0])
            workspace.enterprises.update(replace(first, contact_phone=f"1380000000{n}"))
            conflicts.append(workspace.central.push(central).conflicts)
        finally:
            workspace.close()
    source_id = scalar(folders[0] / DB_NAME, "SELECT value FROM meta WHERE key = 'device_id'")
    assert len(set(devices)) == 2 and original_id not in devices and source_id == devices[0]
    assert len(set(keys)) == 2
    assert conflicts == [0, 1]  # the second copy's edit met the first's: kept, not overwritten
