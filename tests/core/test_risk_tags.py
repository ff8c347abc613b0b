"""The risk-tag list (forms/risk-tags.toml): reading it, what a spreadsheet cell may say, and the
templates an enterprise's size and tags call for."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core.errors import ValidationError
from inspector.core.risk_tags import RiskTagsError, is_risk_tags, load_risk_tags, load_risk_tags_file
from inspector.forms_catalog import discover, form_dirs, risk_tag_catalog, unknown_templates

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "forms" / "risk-tags.toml"
CATALOG = load_risk_tags_file(SHIPPED)


def test_the_shipped_list_has_the_tags_of_issue_14_with_both_labels() -> None:
    labels = {tag.label for tag in CATALOG.tags}
    assert {"涉粉", "涉氨", "有限空间", "喷涂", "危化品使用", "出租方"} <= labels
    assert all(tag.label_en and tag.description for tag in CATALOG.tags)
    assert CATALOG.label("confined-space", english=True) == "Confined space"
    assert CATALOG.label("an-office-tag") == "an-office-tag"  # unknown codes shown as written


def test_every_template_it_names_exists_and_it_is_no_template(tmp_path: Path) -> None:
    dirs = form_dirs(tmp_path)
    assert unknown_templates(CATALOG, dirs) == []
    assert all(form.path.name != "risk-tags.toml" for form in discover(dirs))
    assert is_risk_tags(SHIPPED.read_text("utf-8"))
    assert risk_tag_catalog(dirs) == CATALOG


def test_an_office_list_replaces_the_shipped_one(tmp_path: Path) -> None:
    own = tmp_path / "forms"
    own.mkdir()
    (own / "risk-tags.toml").write_text(
        'format = 1\nkind = "risk-tags"\n[[tags]]\ncode = "textile"\nlabel = "纺织"\nlabel_en = "Textiles"\n',
        encoding="utf-8",
    )
    catalog = risk_tag_catalog(form_dirs(tmp_path))
    assert catalog.codes() == ("textile",)


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("涉粉、有限空间", ("dust", "confined-space")),
        ("有限空间,涉粉", ("dust", "confined-space")),  # catalog order, whatever the cell's
        ("喷涂；喷涂 / 出租方", ("spray-painting", "landlord")),
        ("Spray painting, confined space", ("confined-space", "spray-painting")),  # English labels
        ("dust confined-space", ("dust", "confined-space")),  # words separated by spaces
        ("涉粉 喷涂", ("dust", "spray-painting")),
        ("ＬＡＮＤＬＯＲＤ", ("landlord",)),  # full-width letters, any case
        ("", ()),
    ],
)
def test_a_cell_names_tags_by_label_or_code(cell: str, codes: tuple[str, ...]) -> None:
    assert CATALOG.parse(cell) == codes


def test_an_unknown_tag_is_named_in_one_sentence_with_the_choices() -> None:
    with pytest.raises(ValidationError) as caught:
        CATALOG.parse("涉粉、喷漆、spray paint")
    message = caught.value.problems["风险标签"]
    assert message.startswith("“喷漆、spray paint”不是风险标签（可选：涉粉、涉氨、有限空间、喷涂")


def test_proposals_start_with_the_base_template_of_the_size_then_each_tags() -> None:
    codes = [p.code for p in CATALOG.proposals(("spray-painting", "dust", "machinery"), above_scale=True)]
    assert codes == ["general-manufacturing", "combustible-dust", "machinery-painting"]
    below = CATALOG.proposals(("landlord", "tenant"), above_scale=False)
    assert [(p.code, p.because) for p in below] == [("small-firms", ()), ("rented-factory", ("landlord", "tenant"))]
    assert [p.code for p in CATALOG.proposals((), None)] == ["general-manufacturing"]
    # a tag without a template of its own (涉氨) proposes only the base one
    assert [p.code for p in CATALOG.proposals(("ammonia",), True)] == ["general-manufacturing"]


def test_a_broken_list_names_every_problem_with_its_line() -> None:
    text = """format = 1
kind = "risk-tags"
colour = "red"
[scale]
above = ["General Manufacturing"]
[[tags]]
code = "dust"
label = "dust"
label_en = "Dust"
[[tags]]
code = "dust"
label = "涉粉"
label_en = ""
"""
    with pytest.raises(RiskTagsError) as caught:
        load_risk_tags(text, "office.toml")
    message = str(caught.value)
    assert "office.toml:3: 未知的键 “colour”" in message
    assert "office.toml:5: [scale] above 应为模板代码的列表" in message
    assert "office.toml:8: 标签 dust label 应为中文" in message
    assert "office.toml:11: 标签 dust code “dust” 重复" in message
    assert "label_en 不能为空" in message
