"""Checklist templates in TOML (forms/README.md): the real form, and broken ones written inline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspector.core.categories import Category
from inspector.core.checklist import AnswerKind, LocationType, Result, Severity
from inspector.core.errors import DomainError
from inspector.core.grades import Grade
from inspector.core.grading import grade
from inspector.core.major_hazard_clauses import load_clause_library_file
from inspector.core.template_format import (
    GradingRulesError,
    TemplateError,
    TemplateProblem,
    load_grading_rules,
    load_template,
    load_template_file,
)

FORMS = Path(__file__).resolve().parents[2] / "forms"
GENERAL = FORMS / "general-manufacturing.toml"

VALID = """\
format = 1
code = "test-form"
version = 2
title = "测试检查表"
title_en = "Test checklist"

[grading]
band_a = 92
key_fail_d_count = 3

[deadlines]
works = 20

[[sections]]
code = "A"
title = "安全管理"
category = "management"

  [[sections.items]]
  code = "A-1"
  text = "建立全员安全生产责任制"
  weight = 40

  [[sections.items]]
  code = "A-2"
  text = "开展三级安全教育培训"
  text_en = "Three-level safety training"
  weight = 30
  flags = ["key", "no_na"]
  deadline = "works"

[[sections]]
code = "B"
title = "消防安全"
category = "fire"

  [[sections.items]]
  code = "B-1"
  text = "安全出口、疏散通道畅通"
  weight = 20
  answer = "pass_fail"
  flags = ["veto"]
  location = "workshop"
  severity = "major"
  deadline = "on_site"

  [[sections.items]]
  code = "B-2"
  text = "应急照明完好"
  weight = 10
  flags = ["optional"]
  category = "emergency"
  deadline = 3
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def edit(old: str, new: str, text: str = VALID, count: int = 1) -> str:
    assert text.count(old) >= count, old
    return text.replace(old, new, count)


def problems_of(text: str, source: str = "bad.toml") -> list[TemplateProblem]:
    with pytest.raises(TemplateError) as caught:
        load_template(text, source=source)
    error = caught.value
    assert error.source == source
    assert f"（{len(error.problems)} 处问题）" in str(error)
    return error.problems


def only_problem(text: str) -> TemplateProblem:
    problems = problems_of(text)
    assert len(problems) == 1, [p.format("bad.toml") for p in problems]
    return problems[0]


# -- the valid template --------------------------------------------------------------------


def test_valid_template_loads_with_every_field() -> None:
    template = load_template(VALID, source="test.toml")
    assert template.key == "test-form v2"
    assert (template.title, template.title_en) == ("测试检查表", "Test checklist")
    assert [s.code for s in template.sections] == ["A", "B"]
    assert [i.code for i in template.items] == ["A-1", "A-2", "B-1", "B-2"]
    assert sum(i.weight for i in template.items) == 100

    a1, a2, b1, b2 = template.items
    assert (a1.section_code, a1.answer_kind, a1.veto, a1.key, a1.required, a1.allow_na) == (
        "A", AnswerKind.GRADED, False, False, True, True)  # fmt: skip
    assert a1.category is Category.MANAGEMENT  # inherited from the section
    assert a1.location_type is LocationType.WHOLE_SITE
    assert a1.hazard_severity is Severity.GENERAL
    assert a1.deadline_days == 7  # the default "general" deadline

    assert (a2.key, a2.allow_na, a2.text_en, a2.deadline_days) == (True, False, "Three-level safety training", 20)
    assert (b1.veto, b1.answer_kind, b1.location_type, b1.hazard_severity, b1.deadline_days) == (
        True, AnswerKind.PASS_FAIL, LocationType.WORKSHOP, Severity.MAJOR, 0)  # fmt: skip
    assert (b2.required, b2.category, b2.deadline_days) == (False, Category.EMERGENCY, 3)
    assert b1.category is Category.FIRE

    rules = template.rules
    assert (rules.band_a, rules.band_b, rules.band_c, rules.key_fail_d_count) == (92.0, 75.0, 60.0, 3)
    assert (template.deadlines.on_site, template.deadlines.general, template.deadlines.works) == (0, 7, 20)


def test_rules_from_the_file_drive_the_grading() -> None:
    template = load_template(VALID)
    # 90 (A under the default bands) is only B with band_a = 92.
    result = grade(template, {"A-1": Result.PASS, "A-2": Result.PASS, "B-1": Result.PASS, "B-2": Result.FAIL})
    assert (result.score, result.grade) == (90.0, Grade.B)


def test_load_template_file(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(VALID, encoding="utf-8")
    assert load_template_file(path).code == "test-form"
    assert load_template_file(str(path)).version == 2


# -- the real form -------------------------------------------------------------------------


def test_general_manufacturing_form() -> None:
    template = load_template_file(GENERAL)
    assert template.code == "general-manufacturing"
    assert re.search(r"[\u4e00-\u9fff]", template.title)
    items = template.items
    # domain.md §5: about 40–50 items whose weights sum to 100.
    assert 35 <= len(items) <= 60
    assert sum(item.weight for item in items) == pytest.approx(100)
    assert len({item.code for item in items}) == len(items)
    assert all(section.items for section in template.sections)
    assert any(item.veto for item in items)
    assert any(item.key for item in items)
    covered = {item.category for item in items}
    for area in (Category.FIRE, Category.ELECTRICAL, Category.GAS_CANTEEN, Category.CHEMICALS,
                 Category.HAZARDOUS_WASTE, Category.EMERGENCY):  # fmt: skip
        assert area in covered, area

    # It grades: all pass is an A with 100; a failed veto item makes it D.
    all_pass = {item.code: Result.PASS for item in items}
    result = grade(template, all_pass)
    assert (result.score, result.grade, result.complete) == (100.0, Grade.A, True)
    veto = next(item for item in items if item.veto)
    result = grade(template, dict(all_pass, **{veto.code: Result.FAIL}))
    assert result.grade is Grade.D
    assert veto.code in result.summary


# -- broken templates ----------------------------------------------------------------------


def test_toml_syntax_error_reports_its_line() -> None:
    text = edit('text = "应急照明完好"', 'text = "应急照明完好')
    problem = only_problem(text)
    assert problem.line == line_of(text, 'text = "应急照明完好')
    assert "TOML 语法错误" in problem.message
    assert problem.format("bad.toml").startswith(f"bad.toml:{problem.line}:")


def test_weights_not_summing_to_100_names_the_actual_sum() -> None:
    problem = only_problem(edit("weight = 20", "weight = 12.5"))
    assert "实际为 92.5" in problem.message
    assert "100" in problem.message


def test_duplicate_item_code_names_the_code_and_the_duplicates_line() -> None:
    text = edit('code = "B-2"', 'code = "A-1"')
    problem = only_problem(text)
    assert problem.where == "项 A-1"
    assert "重复" in problem.message and "分区 A" in problem.message
    assert problem.line == line_of(text, 'code = "A-1"', occurrence=2)
    assert f"bad.toml:{problem.line}: 项 A-1" in problem.format("bad.toml")


def test_duplicate_section_code_points_at_the_second_section() -> None:
    text = edit('code = "B"\n', 'code = "A"\n')
    problem = only_problem(text)
    assert problem.where == "分区 A"
    assert "重复" in problem.message
    assert problem.line == line_of(text, 'code = "A"', occurrence=2)


def test_unknown_flag() -> None:
    text = edit('flags = ["optional"]', 'flags = ["optinal"]')
    problem = only_problem(text)
    assert "optinal" in problem.message
    assert problem.where == "项 B-2"
    assert problem.line == line_of(text, "optinal")


def test_unknown_key_typo() -> None:
    text = edit("weight = 30", "wieght = 30")
    problems = problems_of(text)
    typo = next(p for p in problems if "wieght" in p.message)
    assert typo.where == "项 A-2"
    assert typo.line == line_of(text, "wieght")
    # The misspelt weight also means the item has none.
    assert any("weight" in p.message and p.where == "项 A-2" and "wieght" not in p.message for p in problems)


def test_unknown_keys_at_every_level() -> None:
    text = edit("version = 2", 'version = 2\nauthor = "x"')
    text = edit('category = "fire"', 'category = "fire"\ncolour = "red"', text)
    text = edit("band_a = 92", "band_a = 92\nband_e = 10", text)
    text = edit("works = 20", "works = 20\nlater = 90", text)
    problems = problems_of(text)
    found = {(p.where, p.message, p.line) for p in problems}
    assert found == {
        ("", "未知的键 “author”", line_of(text, "author")),
        ("分区 B", "未知的键 “colour”", line_of(text, "colour")),
        ("[grading]", "未知的评分规则 “band_e”", line_of(text, "band_e")),
        ("[deadlines]", "未知的整改期限 “later”", line_of(text, "later")),
    }


def test_missing_chinese_text() -> None:
    text = edit('  text = "开展三级安全教育培训"\n', "")
    problem = only_problem(text)
    assert problem.where == "项 A-2"
    assert problem.message == "缺少中文 text"


def test_english_only_text() -> None:
    text = edit('text = "应急照明完好"', 'text = "Emergency lighting works"')
    problem = only_problem(text)
    assert problem.where == "项 B-2"
    assert "text 应为中文" in problem.message and "Emergency lighting works" in problem.message
    assert problem.line == line_of(text, "Emergency lighting works")


def test_english_only_section_title_and_template_title() -> None:
    text = edit('title = "消防安全"', 'title = "Fire"')
    text = edit('title = "测试检查表"', 'title = "Test"', text)
    problems = problems_of(text)
    assert {(p.where, p.line) for p in problems} == {
        ("", line_of(text, 'title = "Test"')),
        ("分区 B", line_of(text, 'title = "Fire"')),
    }


def test_veto_and_key_on_one_item() -> None:
    text = edit('flags = ["veto"]', 'flags = ["veto", "key"]')
    problem = only_problem(text)
    assert problem.where == "项 B-1"
    assert "veto" in problem.message and "key" in problem.message
    assert problem.line == line_of(text, 'flags = ["veto", "key"]')


@pytest.mark.parametrize("flag", ["veto", "key"])
def test_veto_or_key_cannot_be_optional(flag: str) -> None:
    text = edit('flags = ["optional"]', f'flags = ["optional", "{flag}"]')
    problem = only_problem(text)
    assert problem.where == "项 B-2"
    assert "optional" in problem.message


def test_empty_checklist_without_sections() -> None:
    text = VALID[: VALID.index("[[sections]]")]
    problem = only_problem(text)
    assert "检查表为空" in problem.message
    assert problem.line is None
    assert problem.format("bad.toml") == f"bad.toml: {problem.message}"


def test_section_without_items() -> None:
    start = VALID.index('  [[sections.items]]\n  code = "B-1"')
    text = VALID[:start]  # section B keeps its header but loses both items
    problems = problems_of(text)
    messages = {(p.where, p.message) for p in problems}
    assert ("分区 B", "分区没有检查项") in messages
    # Its weight is gone too, and the sum says so.
    assert ("", "所有检查项的权重之和应为 100，实际为 70") in messages
    assert len(problems) == 2


@pytest.mark.parametrize(
    ("grading", "where_line"),
    [
        pytest.param("band_a = 70\nband_b = 80", "[grading]", id="a-below-b"),
        pytest.param("band_a = 90\nband_b = 60\nband_c = 60", "[grading]", id="b-equals-c"),
        pytest.param("band_a = 92\nband_c = 80", "[grading]", id="c-above-default-b"),
    ],
)
def test_bands_must_descend(grading: str, where_line: str) -> None:
    text = edit("band_a = 92", grading)
    problem = only_problem(text)
    assert problem.where == "[grading]"
    assert "band_a > band_b > band_c" in problem.message
    assert problem.line == line_of(text, where_line)


@pytest.mark.parametrize(
    ("old", "new", "words", "at"),
    [
        # `at` is text on the line the problem must point to.
        pytest.param("band_a = 92", "band_a = 120", ["band_a", "120"], "band_a", id="band-out-of-range"),
        pytest.param(
            "band_a = 92",
            "band_a = 92\npartial_credit = 1.5",
            ["partial_credit"],
            "partial_credit",
            id="partial-above-1",
        ),
        pytest.param(
            "band_a = 92", 'band_a = 92\nkey_fail_cap = "E"', ["key_fail_cap", "'E'"], "key_fail_cap", id="bad-grade"
        ),
        pytest.param("band_a = 92", "band_a = true", ["band_a", "True"], "band_a", id="bool-is-not-a-number"),
        pytest.param("format = 1", "format = 3", ["format 应为 1 或 2"], "format", id="format"),
        pytest.param(
            'code = "test-form"', 'code = "Test_Form"', ["general-manufacturing"], "Test_Form", id="template-code"
        ),
        pytest.param("version = 2", "version = 0", ["version", "0"], "version", id="version-0"),
        pytest.param("weight = 40", "weight = -40", ["weight", "-40"], "weight = -40", id="negative-weight"),
        pytest.param("weight = 40", 'weight = "40"', ["weight", "'40'"], 'weight = "40"', id="weight-as-text"),
        # Bad enum values point at the item (its code line), and the message names the value.
        pytest.param('answer = "pass_fail"', 'answer = "yes_no"', ["yes_no", "pass_fail"], 'code = "B-1"', id="answer"),
        pytest.param('location = "workshop"', 'location = "garden"', ["garden"], 'code = "B-1"', id="location"),
        pytest.param('severity = "major"', 'severity = "huge"', ["huge"], 'code = "B-1"', id="severity"),
        pytest.param('category = "emergency"', 'category = "misc"', ["misc"], 'code = "B-2"', id="item-category"),
        pytest.param('category = "fire"', 'category = "firee"', ["firee"], 'code = "B"', id="section-category"),
        pytest.param("deadline = 3", "deadline = 400", ["deadline", "400"], "deadline = 400", id="deadline-days"),
        pytest.param('deadline = "works"', 'deadline = "soon"', ["deadline", "soon"], '"soon"', id="deadline-name"),
        pytest.param('code = "A-1"', 'code = "A 1"', ["code"], 'code = "A 1"', id="item-code-format"),
        pytest.param(
            'flags = ["optional"]', 'flags = "optional"', ["flags"], 'flags = "optional"', id="flags-not-a-list"
        ),
    ],
)
def test_one_bad_value_gives_one_problem(old: str, new: str, words: list[str], at: str) -> None:
    text = edit(old, new)
    problem = only_problem(text)
    for word in words:
        assert word in problem.message, problem.message
    assert problem.line == line_of(text, at)


def test_an_item_with_another_problem_still_counts_towards_the_weight_sum() -> None:
    # B-2 has a bad flag, but its weight of 10 is there: the sum is 100 and is not reported.
    assert "权重" not in only_problem(edit('flags = ["optional"]', 'flags = ["optinal"]')).message
    # When the weights really are off, both problems are reported, with the true sum.
    text = edit('flags = ["optional"]', 'flags = ["optinal"]', edit("weight = 20", "weight = 12.5"))
    messages = sorted(p.message for p in problems_of(text))
    assert len(messages) == 2
    assert "所有检查项的权重之和应为 100，实际为 92.5" in messages


def test_sections_that_are_not_tables() -> None:
    problem = only_problem('format = 1\ncode = "x-form"\nversion = 1\ntitle = "表"\nsections = ["消防"]\n')
    assert problem.where == "第 1 个分区"
    assert "分区应为一个表" in problem.message


def test_items_that_are_not_tables() -> None:
    head = 'format = 1\ncode = "x-form"\nversion = 1\ntitle = "表"\n'
    text = head + '[[sections]]\ncode = "A"\ntitle = "管理"\nitems = [1]\n'
    problem = only_problem(text)
    assert "检查项应为一个表" in problem.message


def test_every_problem_is_listed_with_its_file_and_line() -> None:
    text = VALID
    text = edit('flags = ["optional"]', 'flags = ["optinal"]', text)  # B-2: unknown flag
    text = edit('text = "开展三级安全教育培训"', 'text = "Training"', text)  # not Chinese
    text = edit('code = "B-1"', 'code = "A-1"', text)  # duplicate code
    text = edit("band_a = 92", "band_a = 70\nband_b = 80", text)  # bands out of order
    text = edit("version = 2", "version = 2\nauthr = 1", text)  # unknown top-level key
    problems = problems_of(text, source="bad.toml")
    assert len(problems) == 5, [p.format("bad.toml") for p in problems]
    by_where = {p.where: p for p in problems}
    assert by_where["项 B-2"].line == line_of(text, "optinal")
    assert by_where["项 A-2"].line == line_of(text, '"Training"')
    assert by_where["项 A-1"].line == line_of(text, 'code = "A-1"', occurrence=2)
    assert by_where["[grading]"].line == line_of(text, "[grading]")
    assert by_where[""].line == line_of(text, "authr")

    with pytest.raises(TemplateError) as caught:
        load_template(text, source="bad.toml")
    message = str(caught.value)
    assert message.startswith("检查表模板无效（5 处问题）：\n")
    for problem in problems:
        assert f"bad.toml:{problem.line}:" in message
    assert f"bad.toml:{line_of(text, 'optinal')}: 项 B-2 未知的标记 “optinal”" in message


def test_file_name_appears_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    text = edit('flags = ["optional"]', 'flags = ["optinal"]')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    line = line_of(text, "optinal")
    assert f"bad.toml:{line}:" in str(caught.value)
    assert caught.value.source == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        load_template_file(tmp_path / "none.toml")
    assert [p.message for p in caught.value.problems] == ["文件不存在"]
    assert "none.toml" in str(caught.value)


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(VALID.encode("gbk"))
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    assert "UTF-8" in caught.value.problems[0].message


def test_template_error_is_a_domain_error() -> None:
    assert issubclass(TemplateError, DomainError)


def test_problem_format_without_line_or_place() -> None:
    assert TemplateProblem(None, "", "文件不存在").format("x.toml") == "x.toml: 文件不存在"
    assert TemplateProblem(3, "项 A-1", "坏").format("x.toml") == "x.toml:3: 项 A-1 坏"


def test_a_fractional_key_fail_count_is_refused() -> None:
    source = GENERAL.read_text(encoding="utf-8").replace("key_fail_d_count = 2", "key_fail_d_count = 2.5")
    with pytest.raises(TemplateError) as caught:
        load_template(source, "broken.toml")
    assert "key_fail_d_count 应为整数" in str(caught.value)


# -- major-hazard clauses (format 2) ---------------------------------------------------------

CLAUSES = load_clause_library_file(FORMS / "major-hazard-clauses.toml")
# VALID as a format-2 template whose veto item cites the case it checks.
CITING = edit(
    "format = 1", "format = 2", edit('  severity = "major"\n', '  severity = "major"\n  clauses = ["MEM10-13-2"]\n')
)


def strict_problems(text: str) -> list[str]:
    with pytest.raises(TemplateError) as caught:
        load_template(text, "bad.toml", CLAUSES)
    return [problem.format("bad.toml") for problem in caught.value.problems]


def test_an_item_cites_the_cases_it_checks() -> None:
    template = load_template(CITING, "ok.toml", CLAUSES)
    assert template.item("B-1").clauses == ("MEM10-13-2",)
    assert template.item("A-1").clauses == ()


@pytest.mark.parametrize(
    ("text", "expected", "at"),
    [
        pytest.param(
            edit('["MEM10-13-2"]', '["MEM10-13-9"]', CITING),
            "条款 MEM10-13-9 不在重大事故隐患条款库中",
            "clauses",
            id="unknown-clause",
        ),
        pytest.param(edit('["MEM10-13-2"]', '["13-2"]', CITING), "clauses 应为条款编号列表", "clauses", id="bad-id"),
        pytest.param(
            edit('["MEM10-13-2"]', '["MEM10-13-2", "MEM10-13-2"]', CITING), "重复的条款编号", "clauses", id="twice"
        ),
        # Veto items are only cases a standard names (domain.md §4.4): a veto item must cite one.
        pytest.param(
            edit("format = 1", "format = 2"), "否决项须用 clauses 注明", 'flags = ["veto"]', id="veto-uncited"
        ),
        pytest.param(
            edit('flags = ["veto"]', "flags = []", edit("format = 1", "format = 2")),
            "默认为重大隐患的检查项须用 clauses",
            'severity = "major"',
            id="major-uncited",
        ),
        pytest.param(
            edit('severity = "major"', 'severity = "general"', CITING),
            "severity 应为 major",
            'severity = "general"',
            id="cited-but-general",
        ),
    ],
)
def test_clause_rules_for_templates_offered_for_new_inspections(text: str, expected: str, at: str) -> None:
    found = strict_problems(text)
    assert len(found) == 1 and expected in found[0], found
    assert found[0].startswith(f"bad.toml:{line_of(text, at)}:")


def test_clauses_need_format_2() -> None:
    text = edit("format = 2", "format = 1", CITING)
    found = strict_problems(text)
    assert any("format 2 的写法" in p for p in found)


def test_the_frozen_text_of_a_past_inspection_is_not_held_to_the_clause_rules() -> None:
    # Without a library (a frozen template), a veto item without clauses still reads and grades.
    template = load_template(edit("format = 1", "format = 2"), "frozen")
    assert template.item("B-1").veto and template.item("B-1").clauses == ()
    assert load_template(edit('["MEM10-13-2"]', '["MEM10-13-9"]', CITING)).item("B-1").clauses == ("MEM10-13-9",)


# -- rules files for "what if" rounds ----------------------------------------------------------


def test_a_rules_file_names_only_the_numbers_it_changes() -> None:
    assert load_grading_rules("section_floor_percent = 50\nkey_fail_d_count = 3\n") == {
        "section_floor_percent": 50.0,
        "key_fail_d_count": 3,
    }
    assert load_grading_rules('[grading]\nband_a = 92\nveto_grade = "C"\n') == {"band_a": 92.0, "veto_grade": Grade.C}


def test_a_template_as_rules_file_gives_all_its_numbers() -> None:
    rules = load_grading_rules(VALID, "test.toml")
    assert (rules["band_a"], rules["key_fail_d_count"], rules["band_b"]) == (92.0, 3, 75.0)
    assert len(rules) == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("band_q = 90\n", "未知的评分规则 “band_q”"),
        ("band_b = 95\n", "band_a > band_b > band_c"),
        ("partial_credit = 2\n", "partial_credit 应为 0 到 1 之间的数"),
        ("", "规则文件中没有评分规则"),
        ("[grading]\nband_a = 92\n[other]\nx = 1\n", "未知的键 “other”"),
    ],
)
def test_a_bad_rules_file_is_one_sentence_per_problem(text: str, expected: str) -> None:
    with pytest.raises(GradingRulesError) as caught:
        load_grading_rules(text, "rules.toml")
    assert str(caught.value).startswith("评分规则文件无效")
    assert any(expected in problem.message for problem in caught.value.problems), caught.value.problems
