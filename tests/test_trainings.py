"""开工第一课 and team-leader training: recording (service and CLI), the totals in `stats`, and
refusals in one sentence."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from inspector.cli.main import main
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import ValidationError
from inspector.core.training import Training, TrainingKind, TrainingTotals
from inspector.db.models import TombstoneRow
from inspector.workspace import Workspace

FIRST, LEADER = TrainingKind.FIRST_LESSON, TrainingKind.TEAM_LEADER


def code(n: int) -> str:
    return with_check_digit(f"91330482MA{n:07d}")


def add(workspace: Workspace, n: int, town: str = "当湖街道") -> str:
    return workspace.enterprises.add(Enterprise(f"平湖市第{n}机械有限公司", code(n), town))


def photo(path: Path, colour: str) -> Path:
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return path


def test_a_training_is_recorded_with_its_photos_and_read_back(workspace: Workspace, tmp_path: Path) -> None:
    firm = add(workspace, 1)
    day = workspace.today() - timedelta(days=3)
    stored = [workspace.photos.import_file(photo(tmp_path / f"{c}.jpg", c)) for c in ("red", "blue")]
    training_id = workspace.trainings.record(Training(firm, FIRST, day, "  节后复工  安全第一课 ", 86, "王芳"), stored)
    (found,) = workspace.trainings.of_enterprise(firm)
    assert found.id == training_id
    assert (found.kind, found.held_on, found.topic, found.headcount, found.recorded_by) == (
        FIRST,
        day,
        "节后复工 安全第一课",
        86,
        "王芳",
    )
    assert found.photos == tuple(p.sha256 for p in stored)
    assert workspace.register.detail(firm, workspace.today()).trainings == [found]


def test_the_same_session_twice_and_bad_fields_are_refused(workspace: Workspace) -> None:
    firm = add(workspace, 1)
    today = workspace.today()
    workspace.trainings.record(Training(firm, FIRST, today, "第一课", 20))
    with pytest.raises(ValidationError, match="的开工第一课已经记录过，请修改那条记录"):
        workspace.trainings.record(Training(firm, FIRST, today, "又一课", 30))
    workspace.trainings.record(Training(firm, LEADER, today, "班组长培训", 8))  # another kind: fine
    with pytest.raises(ValidationError) as caught:
        workspace.trainings.record(Training(firm, LEADER, today + timedelta(days=1), " ", 0))
    assert set(caught.value.problems) == {"主题", "参加人数", "日期"}
    assert "还没到" in caught.value.problems["日期"]
    assert len(workspace.trainings.of_enterprise(firm)) == 2


def test_update_and_remove(workspace: Workspace, tmp_path: Path) -> None:
    firm = add(workspace, 1)
    day = workspace.today()
    first = workspace.trainings.record(Training(firm, FIRST, day, "第一课", 20))
    other = workspace.trainings.record(Training(firm, LEADER, day, "班组长", 5))
    moved = Training(firm, LEADER, day, "班组长（改）", 6, id=first)
    with pytest.raises(ValidationError, match="已经记录过"):  # would become the other record's session
        workspace.trainings.update(moved)
    extra = workspace.photos.import_file(photo(tmp_path / "a.jpg", "green"))
    workspace.trainings.update(Training(firm, FIRST, day - timedelta(days=1), "第一课（改）", 25, id=first), [extra])
    changed = workspace.trainings.get(first)
    assert (changed.held_on, changed.topic, changed.headcount, changed.photos) == (
        day - timedelta(days=1),
        "第一课（改）",
        25,
        (extra.sha256,),
    )
    workspace.trainings.remove(other)
    assert [t.id for t in workspace.trainings.of_enterprise(firm)] == [first]
    with workspace.db.reading() as session:  # the deletion travels: a tombstone was written
        tables = set(session.scalars(select(TombstoneRow.table_name)))
    assert tables == {"trainings"}


def test_stats_count_sessions_enterprises_and_workers_per_kind(workspace: Workspace) -> None:
    year = workspace.today().year
    a, b, c = add(workspace, 1), add(workspace, 2), add(workspace, 3, "新埭镇")
    jan = date(year, 1, 10)
    workspace.trainings.record(Training(a, FIRST, jan, "第一课", 100))
    workspace.trainings.record(Training(b, FIRST, jan, "第一课", 50))
    workspace.trainings.record(Training(c, FIRST, jan, "第一课", 7))
    workspace.trainings.record(Training(a, LEADER, jan, "班组长", 10))
    workspace.trainings.record(Training(a, LEADER, jan + timedelta(days=1), "班组长", 12))
    workspace.trainings.record(Training(a, FIRST, date(year - 1, 2, 20), "去年", 999))  # another year
    stats = workspace.stats(year)
    assert stats.training == {
        "first_lesson": TrainingTotals(sessions=3, enterprises=3, workers=157),
        "team_leader": TrainingTotals(sessions=2, enterprises=1, workers=22),
    }
    board = workspace.dashboard(year, "新埭镇")
    assert board.training["first_lesson"] == TrainingTotals(1, 1, 7)
    assert board.training["team_leader"] == TrainingTotals()
    assert workspace.dashboard(year).training == stats.training


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    result = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return result, out, err


def test_cli_records_lists_and_counts(workspace: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    add(workspace, 1)
    folder = workspace.data_dir
    year = workspace.today().year
    day = f"{year}-01-15"
    picture = photo(tmp_path / "p.jpg", "white")
    result, out, err = run(
        capsys, folder, "training", "add", code(1), "--kind", "开工第一课", "--topic", "新春第一课",
        "--headcount", "83", "--date", day, "--photo", str(picture),
    )  # fmt: skip
    assert result == 0, err
    assert out.strip() == f"已记录 平湖市第1机械有限公司 {day} 开工第一课：83 人，照片 1 张"
    result, out, err = run(capsys, folder, "training", "add", code(1), "--kind", "team_leader", "--topic", "班组长",
                           "--headcount", "9", "--date", day)  # fmt: skip
    assert result == 0, err
    result, out, err = run(capsys, folder, "training", "list", "--kind", "班组长培训")
    assert out.splitlines() == [f"{day}\t班组长培训\t平湖市第1机械有限公司\t当湖街道\t9 人\t班组长"]
    assert err.strip() == "共 1 次，9 人次"
    result, out, _ = run(capsys, folder, "training", "list", "--json")
    assert [(t["kind"], t["headcount"], t["photos"]) for t in json.loads(out)] == [
        ("first_lesson", 83, 1),
        ("team_leader", 9, 0),
    ]
    result, out, _ = run(capsys, folder, "stats")
    assert "  开工第一课   1 家企业  83 人次（1 次）" in out
    assert "  班组长培训   1 家企业  9 人次（1 次）" in out
    result, out, _ = run(capsys, folder, "stats", "--json")
    assert json.loads(out)["training"]["first_lesson"] == {"sessions": 1, "enterprises": 1, "workers": 83}
    team_leader = next(t for t in json.loads(run(capsys, folder, "training", "list", "--json")[1]) if t["photos"] == 0)
    result, out, err = run(capsys, folder, "training", "remove", team_leader["id"])
    assert result == 0 and out.strip() == f"已删除 {day} 的班组长培训记录（9 人）"
    result, out, err = run(capsys, folder, "training", "remove", team_leader["id"])
    assert result == 1 and "培训记录" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kind", "开会", "--topic", "t", "--headcount", "3"], "“开会”不是培训类型"),
        (["--kind", "开工第一课", "--topic", "t", "--headcount", "3", "--date", "3.1"], "应为 YYYY-MM-DD 格式的日期"),
        (["--kind", "开工第一课", "--topic", "t", "--headcount", "0"], "参加人数"),
        (["--kind", "开工第一课", "--topic", "t", "--headcount", "3", "--photo", "missing.jpg"], "missing.jpg"),
    ],
)
def test_cli_mistakes_get_one_sentence(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    add(workspace, 1)
    result, _out, err = run(capsys, workspace.data_dir, "training", "add", code(1), *argv)
    assert result == 1
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err
    assert workspace.trainings.of_enterprise(workspace.enterprises.by_credit_code(code(1)).id or "") == []  # type: ignore[union-attr]
