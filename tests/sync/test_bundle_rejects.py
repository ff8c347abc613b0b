"""Every bad bundle is refused with a Chinese message and the database left untouched."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.sync.bundle import VERSION, BundleError

from .simulation import Laptop, trust_all


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, Path]]:
    a, b = Laptop.create(tmp_path, "a"), Laptop.create(tmp_path, "b")
    trust_all([a, b])
    a.add_enterprise(1)
    a.raise_hazard(0, 3)
    path = tmp_path / "good.zip"
    a.ws.sync.export(path, everything=True)
    yield a, b, path
    a.ws.close()
    b.ws.close()


def rezip(source: Path, target: Path, change: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, change.get(name, old.read(name)))


def refused(b: Laptop, path: Path, words: str) -> None:
    before = b.dump()
    with pytest.raises(BundleError, match=words):
        b.ws.sync.import_(path)
    assert b.dump() == before


def test_flipped_byte_in_a_member(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    _, b, good = pair
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("records/enterprises.jsonl")
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + 3
    data[offset] ^= 0xFF
    bad = tmp_path / "flipped.zip"
    bad.write_bytes(bytes(data))
    refused(b, bad, "损坏")


def test_truncated_zip(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    _, b, good = pair
    bad = tmp_path / "short.zip"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(b, bad, "损坏")


def test_edited_record_without_resigning(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    _, b, good = pair
    with zipfile.ZipFile(good) as archive:
        text = archive.read("records/enterprises.jsonl").decode().replace("当湖街道", "新埭镇")
    bad = tmp_path / "edited.zip"
    rezip(good, bad, {"records/enterprises.jsonl": text.encode()})
    refused(b, bad, "校验不符")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        pytest.param(lambda m: m["counts"].update(enterprises=99), "签名无效", id="edited-breaks-the-signature"),
        # a newer program's bundle (this one writes VERSION and reads 1 to VERSION)
        pytest.param(lambda m: m.update(version=VERSION + 1), f"格式版本为 {VERSION + 1}", id="unknown-format-version"),
        pytest.param(lambda m: m.update(version="1"), '格式版本 "1" 无效，应为整数', id="version-written-as-text"),
    ],
)
def test_a_changed_manifest_is_refused(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path, change: Callable[[dict], None], words: str
) -> None:
    _, b, good = pair
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    change(manifest)
    bad = tmp_path / "manifest.zip"
    rezip(good, bad, {"manifest.json": json.dumps(manifest).encode()})
    refused(b, bad, words)


def test_untrusted_device(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    a, _, good = pair
    c = Laptop.create(tmp_path, "c")
    try:
        refused(c, good, "未信任")
        with pytest.raises(BundleError) as error:
            c.ws.sync.import_(good)
        assert a.ws.sync.identity().fingerprint[:9] in str(error.value)
    finally:
        c.ws.close()


def test_not_a_zip(pair: tuple[Laptop, Laptop, Path], tmp_path: Path) -> None:
    _, b, _ = pair
    bad = tmp_path / "notes.zip"
    bad.write_text("这不是同步包", encoding="utf-8")
    refused(b, bad, "不是同步包")


def test_cli_trust_export_import_devices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["--data-dir", str(one), "sync", "export-key", "--out", str(tmp_path / "one.key")]) == 0
    assert main(["--data-dir", str(two), "sync", "trust", str(tmp_path / "one.key"), "--yes", "--name", "一号机"]) == 0
    assert "指纹" in capsys.readouterr().out
    assert main(["--data-dir", str(one), "sync", "export", "--out", str(tmp_path / "b.zip")]) == 1
    assert "--peer" in capsys.readouterr().err
    assert main(["--data-dir", str(one), "sync", "export", "--out", str(tmp_path / "b.zip"), "--peer", "二号机"]) == 0
    assert main(["--data-dir", str(two), "sync", "import", str(tmp_path / "b.zip")]) == 0
    assert "已导入" in capsys.readouterr().out
    assert main(["--data-dir", str(two), "sync", "devices"]) == 0
    assert "一号机" in capsys.readouterr().out
    assert main(["--data-dir", str(one), "sync", "import", str(tmp_path / "b.zip")]) == 1
    assert "错误：" in capsys.readouterr().err
