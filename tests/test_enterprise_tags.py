"""Risk tags, headcount and 规上 on enterprises: the service, the register's filter, the import's
new optional columns and `inspector enterprises list/show/set/tags`, on real SQLite files."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from inspector.cli.main import main
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import ValidationError
from inspector.db.models import EnterpriseRow
from inspector.importing.enterprise_import import ImportRejected, import_enterprises
from inspector.workspace import Workspace


def code(n: int) -> str:
    return with_check_digit(f"91330482MA{n:07d}")


def firm(n: int, **fields: object) -> Enterprise:
    return Enterprise(f"平湖市第{n}机械有限公司", code(n), "当湖街道", **fields)  # type: ignore[arg-type]


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    result = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return result, out, err


def test_tags_are_stored_in_the_lists_order_and_unknown_ones_refused(workspace: Workspace) -> None:
    added = workspace.enterprises.add(firm(1, risk_tags=("landlord", "dust", "dust"), headcount=320, above_scale=True))
    saved = workspace.enterprises.get(added)
    assert (saved.risk_tags, saved.headcount, saved.above_scale) == (("dust", "landlord"), 320, True)
    with pytest.raises(ValidationError) as caught:
        workspace.enterprises.add(firm(2, risk_tags=("asbestos",)))
    assert "没有这个风险标签：asbestos" in str(caught.value)
    assert workspace.enterprises.count() == 1
    with pytest.raises(ValidationError, match="从业人数"):
        workspace.enterprises.add(firm(3, headcount=-5))


def test_a_tag_the_list_no_longer_knows_may_stay_but_not_be_added(workspace: Workspace) -> None:
    added = workspace.enterprises.add(firm(1, risk_tags=("dust",)))
    # an office's own tag that arrived by sync: written as a row, as the merge would
    with workspace.db.transaction() as session:
        row = session.get(EnterpriseRow, uuid.UUID(added))
        assert row is not None
        row.risk_tags = ["dust", "textile"]
    enterprise = workspace.enterprises.get(added)
    workspace.enterprises.update(replace(enterprise, headcount=40))
    assert workspace.enterprises.get(added).risk_tags == ("dust", "textile")
    with pytest.raises(ValidationError):
        workspace.enterprises.update(replace(enterprise, risk_tags=("dust", "textile", "paper")))


def test_the_register_filters_by_tag_and_shows_the_new_columns(workspace: Workspace) -> None:
    dusty = workspace.enterprises.add(firm(1, risk_tags=("dust", "spray-painting"), headcount=55, above_scale=False))
    workspace.enterprises.add(firm(2, risk_tags=("spray-painting",)))
    workspace.enterprises.add(firm(3))
    register = workspace.register
    assert register.search(year=2026, quarter="2026Q4", tag="dust") == [dusty]
    assert len(register.search(year=2026, quarter="2026Q4", tag="spray-painting")) == 2
    assert register.search(year=2026, quarter="2026Q4", tag="spray") == []  # a code, not a prefix
    (row,) = register.rows([dusty], year=2026, quarter="2026Q4")
    assert (row.risk_tags, row.headcount, row.above_scale) == (("dust", "spray-painting"), 55, False)
    assert len(workspace.enterprises.search_ids(tag="spray-painting", town="当湖街道")) == 2


def test_the_proposed_templates_follow_size_and_tags(workspace: Workspace) -> None:
    small = workspace.enterprises.add(firm(1, risk_tags=("confined-space", "tenant"), above_scale=False))
    big = workspace.enterprises.add(firm(2, risk_tags=("ammonia",), above_scale=True))
    assert [p.code for p in workspace.template_proposals(small)] == ["small-firms", "confined-space", "rented-factory"]
    assert [p.code for p in workspace.template_proposals(big)] == ["general-manufacturing"]
    offered = [t.code for t in workspace.offered_templates()]
    assert offered[0] == "general-manufacturing" and "combustible-dust" in offered


# -- import ---------------------------------------------------------------------------------------
HEADER = ["企业名称", "统一社会信用代码", "镇街道", "风险标签", "从业人数", "是否规上"]


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_the_import_reads_the_new_columns(workspace: Workspace, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "list.xlsx",
        [
            HEADER,
            ["平湖市甲有限公司", code(1), "当湖街道", "涉粉、喷涂", 120, "是"],
            ["平湖市乙有限公司", code(2), "新埭镇", "", None, ""],
            ["平湖市丙有限公司", code(3), "新埭镇", "出租方", "8人", "规下"],
        ],
    )
    assert import_enterprises(workspace, path).count == 3
    first, second, third = (workspace.enterprises.by_credit_code(code(n)) for n in (1, 2, 3))
    assert first is not None and (first.risk_tags, first.headcount, first.above_scale) == (
        ("dust", "spray-painting"),
        120,
        True,
    )
    assert second is not None and (second.risk_tags, second.headcount, second.above_scale) == ((), None, None)
    assert third is not None and (third.risk_tags, third.headcount, third.above_scale) == (("landlord",), 8, False)


def test_bad_values_name_their_row_and_nothing_is_written(workspace: Workspace, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "bad.xlsx",
        [
            HEADER,
            ["平湖市甲有限公司", code(1), "当湖街道", "涉粉", 12, "是"],
            ["平湖市乙有限公司", code(2), "当湖街道", "粉尘", "十二", "也许"],
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        import_enterprises(workspace, path)
    (problem,) = caught.value.problems
    assert problem.row_number == 3
    assert str(problem).startswith("第 3 行：风险标签：“粉尘”不是风险标签")
    assert "从业人数：“十二”不是人数" in str(problem) and "规上：“也许”应为“是”或“否”" in str(problem)
    assert workspace.enterprises.count() == 0


def test_an_old_file_without_the_new_columns_still_imports(workspace: Workspace, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "old.xlsx", [["企业名称", "统一社会信用代码", "镇街道"], ["平湖市甲有限公司", code(1), "当湖街道"]]
    )
    assert import_enterprises(workspace, path).count == 1
    assert workspace.enterprises.by_credit_code(code(1)).risk_tags == ()  # type: ignore[union-attr]


# -- CLI ------------------------------------------------------------------------------------------
def test_cli_sets_shows_and_filters_tags(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    folder = workspace.data_dir
    workspace.enterprises.add(firm(1))
    workspace.enterprises.add(firm(2, risk_tags=("gas",)))
    result, out, err = run(
        capsys, folder, "enterprises", "set", code(1), "--tags", "有限空间,涉粉", "--headcount", "66"
    )
    assert result == 0, err
    assert out.strip() == "已保存 平湖市第1机械有限公司：风险标签 涉粉、有限空间；从业人数 66 人；未填"
    result, out, _ = run(capsys, folder, "enterprises", "list", "--tag", "涉粉")
    assert out.splitlines() == [f"平湖市第1机械有限公司\t{code(1)}\t当湖街道\t涉粉、有限空间"]
    result, out, _ = run(capsys, folder, "enterprises", "show", code(1))
    assert "建议检查表        general-manufacturing；combustible-dust（涉粉）；confined-space（有限空间）" in out
    result, out, _ = run(capsys, folder, "enterprises", "show", code(1), "--json")
    assert '"risk_tags": [\n    "dust",\n    "confined-space"\n  ]' in out
    result, out, _ = run(capsys, folder, "enterprises", "tags")
    assert "涉粉\tdust\tDust\tcombustible-dust" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["enterprises", "set", "NOPE", "--tags", "涉粉"], "名册中没有统一社会信用代码为 NOPE 的企业"),
        (["enterprises", "set", "CODE", "--tags", "石棉"], "“石棉”不是风险标签"),
        (["enterprises", "set", "CODE", "--above-scale", "maybe"], "“maybe”应为“是”或“否”"),
        (["enterprises", "set", "CODE"], "请至少给出 --tags、--headcount 或 --above-scale 中的一项"),
        (["enterprises", "list", "--tag", "涉粉、喷涂"], "--tag 只能给一个风险标签"),
    ],
)
def test_cli_mistakes_get_one_sentence(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    workspace.enterprises.add(firm(1))
    argv = [code(1) if arg == "CODE" else arg for arg in argv]
    result, _out, err = run(capsys, workspace.data_dir, *argv)
    assert result == 1
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


def test_forms_validate_names_a_template_the_tag_list_lacks(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = tmp_path / "risk-tags.toml"
    office.write_text(
        'format = 1\nkind = "risk-tags"\n[[tags]]\ncode = "textile"\nlabel = "纺织"\nlabel_en = "Textiles"\n'
        'templates = ["textile-mills"]\n',
        encoding="utf-8",
    )
    result, out, err = run(capsys, data_dir, "forms", "validate", str(office))
    assert result == 1 and out == ""
    assert "没有这些检查表模板：textile-mills" in err and "Traceback" not in err
