"""`inspector notices`: letters awaiting a written reply, the reply recorded, an overdue letter
referred to the authority in a 建议书, a 监督证 number recorded; real SQLite, real CLI."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from inspector.cli.main import main
from inspector.core.office_kind import NoticeKind
from inspector.reports.sample_documents import INSPECTORS, SIGNER, make_sample_inspection
from inspector.services.notices import OrderType
from inspector.workspace import Workspace


def cli(workspace: Workspace, *argv: str) -> int:
    return main(["--data-dir", str(workspace.data_dir), "notices", *argv])


def letter(workspace: Workspace, name: str, seed: int, at: datetime) -> str:
    ids = make_sample_inspection(
        workspace, hazards=1, photos_per_hazard=0, finalize=False, notice=False, name=name, seed=seed
    )
    return workspace.notices.issue(
        list(ids.hazard_ids),
        order_type=OrderType.IMMEDIATE,
        issued_by=list(INSPECTORS),
        signed_by=SIGNER,
        inspection_id=ids.inspection_id,
        at=at,
    ).number


def test_awaiting_reply_and_refer(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(workspace, "awaiting") == 0
    assert "没有待书面答复的文书" in capsys.readouterr().out
    old = letter(workspace, "平湖市旧函示例厂", 1, datetime(2026, 3, 2, 2, tzinfo=UTC))
    new = letter(workspace, "平湖市新函示例厂", 2, datetime.now(UTC))
    assert cli(workspace, "awaiting", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(n["number"], n["overdue"], n["referral"]) for n in listed] == [(old, True, None), (new, False, None)]
    assert listed[0]["reply_due"] == "2026-03-23" and listed[0]["due_assumed_years"] == []

    assert cli(workspace, "refer", new, "--signed-by", SIGNER) == 1
    assert "尚未届满" in capsys.readouterr().err
    assert cli(workspace, "refer", old, "--signed-by", "路人甲") == 1
    assert "不在检查人员名单中" in capsys.readouterr().err
    assert cli(workspace, "refer", old, "--signed-by", SIGNER, "--json") == 0
    referral = json.loads(capsys.readouterr().out)
    assert (referral["refers_to"], referral["addressee"]) == (old, "平湖市应急管理局")
    assert workspace.notices.get(referral["number"]).kind is NoticeKind.REFERRAL
    assert cli(workspace, "awaiting") == 0
    out = capsys.readouterr().out
    assert f"已移送（建议书 {referral['number']}）" in out and "待答复" in out


def test_reply_is_recorded_once(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    number = letter(workspace, "平湖市答复示例厂", 3, datetime(2026, 3, 2, 2, tzinfo=UTC))
    assert cli(workspace, "reply", number, "--on", "2026-03-20", "--note", "已整改") == 0
    assert "已登记" in capsys.readouterr().out
    view = workspace.notices.get(number)
    assert (view.replied_on, view.reply_note) == (date(2026, 3, 20), "已整改")
    assert cli(workspace, "reply", number) == 1
    assert "不能重复登记" in capsys.readouterr().err
    assert cli(workspace, "reply", number, "--on", "20.3.2026") == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_a_permit_number_is_recorded(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(workspace, "permit", "王新人", "PH-JD-077") == 0
    assert "已登记 王新人 的监督证号 PH-JD-077" in capsys.readouterr().out
    assert workspace.roster.permits_of(["王新人"]) == {"王新人": "PH-JD-077"}
    assert cli(workspace, "permit", "王新人", "X" * 31) == 1
    assert "监督证号最长" in capsys.readouterr().err
