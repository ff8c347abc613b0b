"""Scripting the hazard ledger through `main([...])`: `hazards record`, `hazards act` and
`hazards show` on a real data folder; every wrong step ends in one sentence, never a traceback."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from inspector.cli.main import main
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.hazard_lifecycle import HazardAction
from inspector.workspace import Workspace

CODE = with_check_digit("91330482MA0000001")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    workspace = Workspace(data)
    try:
        workspace.enterprises.add(Enterprise("平湖市示例机械有限公司", CODE, "当湖街道"))
    finally:
        workspace.close()
    return data


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "after.jpg"
    Image.new("RGB", (40, 30), (200, 80, 20)).save(path, "JPEG")
    return path


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "hazards", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], folder: Path, words: str, *argv: str) -> None:
    code, _out, err = run(capsys, folder, *argv)
    assert code == 1
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0 and err.startswith("错误："), err
    assert words in err, err


def record(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> str:
    argv = ("record", "--enterprise", CODE, "--description", "消防通道堵塞", "--by", "张三", "--json", *extra)
    code, out, _ = run(capsys, folder, *argv)
    assert code == 0
    return str(json.loads(out)["id"])


def show(capsys: pytest.CaptureFixture[str], folder: Path, hazard_id: str) -> dict[str, object]:
    code, out, _ = run(capsys, folder, "show", hazard_id, "--json")
    assert code == 0
    return dict(json.loads(out))


def test_record_fix_on_site_and_close(capsys: pytest.CaptureFixture[str], folder: Path, photo: Path) -> None:
    hazard_id = record(capsys, folder)
    shown = show(capsys, folder, hazard_id)
    assert shown["status"] == "recorded"
    assert shown["enterprise_name"] == "平湖市示例机械有限公司"
    assert "fix_on_site" in shown["allowed_actions"]  # type: ignore[operator]
    code, out, _ = run(capsys, folder, "act", hazard_id, "fix-on-site", "--by", "李四", "--photo", str(photo))
    assert code == 0 and "当场整改" in out and "已当场整改" in out
    assert show(capsys, folder, hazard_id)["status"] == "fixed_on_site"
    code, out, _ = run(capsys, folder, "act", hazard_id, "close", "--by", "李四", "--json")
    assert code == 0 and json.loads(out)["status"] == "closed"
    shown = show(capsys, folder, hazard_id)
    history = shown["history"]
    assert isinstance(history, list)
    assert [e["action"] for e in history] == ["record", "fix_on_site", "close"]
    assert history[1]["follows"] == history[0]["id"] and history[2]["follows"] == history[1]["id"]
    assert shown["closed_on"] is not None and shown["allowed_actions"] == []
    code, out, _ = run(capsys, folder, "show", hazard_id)
    assert code == 0 and "已销号（closed）" in out and "3. " in out and "无（已结束）" in out


def test_record_by_enterprise_id_prints_the_id(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    workspace = Workspace(folder)
    try:
        enterprise_id = workspace.enterprises.by_credit_code(CODE).id  # type: ignore[union-attr]
        today = workspace.today()
    finally:
        workspace.close()
    code, out, _ = run(
        capsys,
        folder,
        "record",
        "--enterprise",
        str(enterprise_id),
        "--description",
        "配电箱门未关闭",
        "--by",
        "王五",
        "--severity",
        "major",
        "--clause",
        "MEM10-3-1",
        "--deadline",
        (today + timedelta(days=30)).isoformat(),
        "--source",
        "self-check",
    )
    assert code == 0
    shown = show(capsys, folder, out.strip())
    assert shown["severity"] == "major" and shown["source"] == "self_check"
    assert (shown["major"]["standing"], shown["major"]["clause"]) == ("suspected", "MEM10-3-1")
    assert shown["deadline"] == (today + timedelta(days=30)).isoformat()


def test_the_notice_path_with_a_failed_recheck(capsys: pytest.CaptureFixture[str], folder: Path, photo: Path) -> None:
    hazard_id = record(capsys, folder)
    for action in ("issue-notice", "start-rectifying"):
        assert run(capsys, folder, "act", hazard_id, action, "--by", "李四")[0] == 0
    assert run(capsys, folder, "act", hazard_id, "request-recheck", "--by", "企业", "--photo", str(photo))[0] == 0
    later = (show_today(folder) + timedelta(days=10)).isoformat()
    assert run(capsys, folder, "act", hazard_id, "fail_recheck", "--by", "李四", "--deadline", later)[0] == 0
    shown = show(capsys, folder, hazard_id)
    assert shown["status"] == "rectifying" and shown["deadline"] == later


def show_today(folder: Path):  # type: ignore[no-untyped-def]
    workspace = Workspace(folder)
    try:
        return workspace.today()
    finally:
        workspace.close()


def test_act_help_lists_every_action(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    with pytest.raises(SystemExit):
        main(["hazards", "act", "--help"])
    out = capsys.readouterr().out
    for action in HazardAction:
        if action is not HazardAction.RECORD:
            assert action.value.replace("_", "-") in out


def test_wrong_steps_are_one_sentence(capsys: pytest.CaptureFixture[str], folder: Path, photo: Path) -> None:
    hazard_id = record(capsys, folder)
    refused(capsys, folder, "当场整改必须附整改后照片", "act", hazard_id, "fix-on-site", "--by", "李四")
    refused(capsys, folder, "作废隐患必须写明原因", "act", hazard_id, "void", "--by", "李四")
    refused(capsys, folder, "不能“销号”", "act", hazard_id, "close", "--by", "李四")
    refused(capsys, folder, "格式", "act", hazard_id, "request-extension", "--by", "李四", "--deadline", "明天")
    refused(capsys, folder, "不存在", "act", "0" * 32, "close", "--by", "李四")
    refused(capsys, folder, "不存在", "show", "0" * 32)
    unknown = ("record", "--enterprise", "913300000000000000", "--description", "x", "--by", "y")
    refused(capsys, folder, "找不到企业", *unknown)
    refused(capsys, folder, "不是可识别的图片", "act", hazard_id, "fix-on-site", "--by", "李", "--photo", __file__)
    assert show(capsys, folder, hazard_id)["status"] == "recorded"  # nothing was written


def test_an_unknown_action_names_the_known_ones(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(folder), "hazards", "act", "0" * 32, "repair", "--by", "李四"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "“repair”不是隐患处理动作" in err and "fix-on-site" in err and "Traceback" not in err


def test_the_major_hazard_track(capsys: pytest.CaptureFixture[str], folder: Path, photo: Path) -> None:
    """Suspected with its clause, referred, confirmed, supervised, a plan, production suspended and
    restarted: each step in the history with what it names; wrong steps refused in one sentence."""
    refused(capsys, folder, "条款库", "record", "--enterprise", CODE, "--description", "除尘器未泄爆",
            "--by", "张三", "--severity", "major", "--clause", "MEM10-99-1")  # fmt: skip
    hazard_id = record(capsys, folder, "--severity", "major", "--clause", "MEM10-11-3")
    shown = show(capsys, folder, hazard_id)
    assert shown["major"]["standing"] == "suspected"  # type: ignore[index]
    assert "第十一条第三项" in shown["major"]["citation"]  # type: ignore[index]
    refused(capsys, folder, "部门", "act", hazard_id, "refer-major", "--by", "李四")
    today = show_today(folder)
    steps = [
        ("refer-major", "--authority", "平湖市应急管理局"),
        ("confirm-major", "--authority", "平湖市应急管理局", "--document", "平应急〔2026〕12号"),
        ("supervise-major", "--authority", "平湖市安委办"),
        ("adopt-plan", "--goal", "加装泄爆装置", "--method", "委托设计安装", "--funds", "12 万元",
         "--responsible", "设备部 王某", "--interim", "除尘系统停用", "--deadline",
         (today + timedelta(days=60)).isoformat()),
        ("suspend-production", "--authority", "平湖市应急管理局"),
    ]  # fmt: skip
    for action, *extra in steps:
        code, _out, err = run(capsys, folder, "act", hazard_id, action, "--by", "李四", *extra)
        assert code == 0, err
    refused(capsys, folder, "不能当场整改", "act", hazard_id, "fix-on-site", "--by", "李四", "--photo", str(photo))
    shown = show(capsys, folder, hazard_id)
    major = shown["major"]
    assert (major["standing"], major["supervised"], major["production"]) == ("confirmed", True, "suspended")  # type: ignore[index]
    assert major["plan"]["time_limit"] == shown["deadline"] == (today + timedelta(days=60)).isoformat()  # type: ignore[index]
    history = shown["history"]
    assert [e["action"] for e in history] == [  # type: ignore[union-attr]
        "record", "refer_major", "confirm_major", "supervise_major", "adopt_plan", "suspend_production"]  # fmt: skip
    assert history[2]["detail"]["document"] == "平应急〔2026〕12号"  # type: ignore[index]
    assert "pass_restart_review" in shown["allowed_actions"]  # type: ignore[operator]
    code, out, _ = run(capsys, folder, "show", hazard_id)
    assert "重大事故隐患：重大事故隐患（部门已认定）" in out and "生产：停产停业整改中" in out
    assert "部门 平湖市应急管理局；文号 平应急〔2026〕12号" in out
