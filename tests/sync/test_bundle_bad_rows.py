"""Bundles correctly signed by a trusted device that carry rows the database cannot take (issue 13,
item 8): one sentence, the database and the photo folder as they were (no leftover files)."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.core.errors import DomainError
from inspector.db.models import Base
from inspector.sync.bundle import MANIFEST, SIGNATURE, _write_zip, encode_rows

from .simulation import Laptop, trust_all

Rows = list[dict[str, object]]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, Path]]:
    a, b = Laptop.create(tmp_path, "a"), Laptop.create(tmp_path, "b")
    trust_all([a, b])
    a.add_enterprise(1)
    a.raise_hazard(0, 3)  # with a photo: its file would be copied before the rows are merged
    path = tmp_path / "good.zip"
    a.ws.sync.export(path, everything=True)
    yield a, b, path
    a.ws.close()
    b.ws.close()


def resigned(sender: Laptop, source: Path, target: Path, table: str, edit: Callable[[Rows], Rows]) -> Path:
    """`source` with the rows of `table` edited, signed again with the sender's real key."""
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n not in (MANIFEST, SIGNATURE)}
        manifest = json.loads(archive.read(MANIFEST))
    name = f"records/{table}.jsonl"
    rows = [json.loads(line) for line in members.get(name, b"").decode().splitlines() if line]
    members[name] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in edit(rows)).encode()
    manifest["members"] = {n: hashlib.sha256(data).hexdigest() for n, data in members.items()}
    raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    _write_zip(target, raw, base64.b64encode(sender.ws.sync.key.sign(raw)), members)
    return target


def files(laptop: Laptop) -> list[Path]:
    return sorted(p for p in laptop.ws.sync.photos.root.rglob("*"))


def refused(b: Laptop, path: Path, words: str) -> None:
    before, photos = b.dump(), files(b)
    with pytest.raises(DomainError, match=words) as caught:
        b.ws.sync.import_(path)
    assert "\n" not in str(caught.value)
    assert b.dump() == before
    assert files(b) == photos  # the photo the bundle carried was taken back


def with_value(column: str, value: object) -> Callable[[Rows], Rows]:
    return lambda rows: [{**r, column: value} for r in rows]


def test_a_row_pointing_to_a_missing_enterprise(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    a, b, good = pair
    bad = resigned(a, good, tmp_path / "orphan.zip", "hazards", with_value("enterprise_id", uuid.uuid4().hex))
    refused(b, bad, "来自 a 的同步包 orphan.zip 中有记录引用了本机没有的记录，未导入任何内容")


def test_an_enterprise_without_a_name(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    a, b, good = pair
    bad = resigned(a, good, tmp_path / "nameless.zip", "enterprises", with_value("name", None))
    refused(b, bad, r"有记录缺少必填内容（enterprises\.name）")


def test_a_tombstone_naming_a_local_table(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    a, b, good = pair
    moment = datetime(2026, 3, 2, 8, tzinfo=UTC)
    tomb = {
        "id": uuid.uuid4(),
        "table_name": "trusted_devices",
        "merged_into": None,
        "deleted_at": moment,
        "created_at": moment,
        "updated_at": moment,
        "device_id": a.ws.db.device_id,
        "hlc": 1,
        "base_hlc": 0,
    }
    encoded = json.loads(encode_rows(Base.metadata.tables["tombstones"], [tomb]))
    bad = resigned(a, good, tmp_path / "local.zip", "tombstones", lambda rows: [*rows, encoded])
    refused(b, bad, "删除记录指向不能同步的表 “trusted_devices”，未导入任何内容")


def test_the_cli_says_one_sentence(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, good = pair
    bad = resigned(a, good, tmp_path / "orphan.zip", "hazards", with_value("enterprise_id", uuid.uuid4().hex))
    folder = b.ws.sync.photos.root.parent
    b.ws.close()
    assert main(["--data-dir", str(folder), "sync", "import", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "引用了本机没有的记录" in err and "Traceback" not in err
