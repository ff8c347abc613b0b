"""`inspector sync conflicts list|show|resolve` on real data folders: conflicts named by the
enterprise and the field's Chinese label, an id prefix accepted, a resolution travelling to the
other copy; a bad id is one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli.main import main

from .test_field_merge import edit, exchange, laptops


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two laptops that changed one enterprise's phone concurrently, then exchanged bundles."""
    a, b, eid = laptops(tmp_path)
    edit(a, eid, contact_phone="0573-85110001")
    edit(b, eid, contact_phone="0573-85220002", address="新华路1号")
    exchange(a, b, tmp_path)
    a.ws.close()
    b.ws.close()
    return tmp_path / "a", tmp_path / "b", tmp_path


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "sync", "conflicts", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_show_and_resolve_by_prefix(capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path, Path]) -> None:
    a, b, _ = folders
    code, out, _ = run(capsys, a, "list", "--json")
    assert code == 0
    [listed] = json.loads(out)
    assert (listed["record"], listed["field_label"], listed["mine"], listed["theirs"]) == (
        "平湖测试企业1号",
        "联系电话",
        "0573-85220002",
        "0573-85110001",
    )
    # The other copy lists the same conflict under the same id.
    assert [c["id"] for c in json.loads(run(capsys, b, "list", "--json")[1])] == [listed["id"]]

    code, out, _ = run(capsys, a, "list")
    assert "企业 平湖测试企业1号 · 联系电话" in out and "contact_phone" not in out and listed["id"][:12] in out
    code, out, _ = run(capsys, a, "show", listed["id"][:6])
    assert code == 0 and "联系电话：现值 0573-85220002" in out and "落选的值 0573-85110001" in out

    code, out, _ = run(capsys, a, "resolve", listed["id"][:8], "--keep", "theirs", "--by", "王五")
    assert code == 0 and "已恢复落选的值" in out
    assert run(capsys, a, "list", "--json")[1].strip() == "[]"
    assert "已由 王五 处理" in run(capsys, a, "show", listed["id"])[1]


@pytest.mark.parametrize(
    ("given", "words"),
    [("zz", "无效"), ("0000", "没有编号为"), ("", "无效")],
)
def test_a_bad_id_is_one_sentence(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path, Path], given: str, words: str
) -> None:
    for action in (("show", given), ("resolve", given, "--keep", "mine")):
        code, _out, err = run(capsys, folders[0], *action)
        assert code == 1 and "Traceback" not in err
        assert err.strip().count("\n") == 0 and words in err, err


def test_resolving_twice_is_one_sentence(capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path, Path]) -> None:
    a = folders[0]
    conflict = json.loads(run(capsys, a, "list", "--json")[1])[0]["id"]
    assert run(capsys, a, "resolve", conflict, "--keep", "mine")[0] == 0
    code, _out, err = run(capsys, a, "resolve", conflict, "--keep", "mine")
    assert code == 1 and "已于" in err and err.strip().count("\n") == 0
