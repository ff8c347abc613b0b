"""The major-hazard clause library: the shipped file, citations, and every problem a bad file has."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core.major_hazard_clauses import (
    ClauseLibraryError,
    chinese_number,
    is_clause_library,
    load_clause_library,
    load_clause_library_file,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SHIPPED = ROOT / "forms" / "major-hazard-clauses.toml"

VALID = """\
format = 1
kind = "major-hazard-clauses"

[[standards]]
code = "MEM10"
title = "工贸企业重大事故隐患判定标准"
issuer = "应急管理部令第10号"
effective = 2023-05-15

[[articles]]
standard = "MEM10"
article = 13
scope = "存在有限空间作业的工贸企业"
tags = ["有限空间"]

  [[articles.cases]]
  item = 1
  text = "未对有限空间进行辨识的"

  [[articles.cases]]
  item = 2
  text = "未落实有限空间作业审批的"

[[standards]]
code = "GB35181"
title = "重大火灾隐患判定规则"
issuer = "GB 35181-2025"
numbering = "sections"

[[articles]]
standard = "GB35181"
article = 5
scope = "各类建筑和场所"

  [[articles.cases]]
  item = 3
  text = "示例情形"
"""


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (3, "三"), (10, "十"), (11, "十一"), (13, "十三"), (20, "二十"), (47, "四十七")]
)
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_a_valid_library_reads_with_ids_and_citations() -> None:
    library = load_clause_library(VALID)
    assert [c.id for c in library.clauses] == ["MEM10-13-1", "MEM10-13-2", "GB35181-5-3"]
    first = library.get("MEM10-13-1")
    assert first.citation == "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十三条第一项"
    assert first.short_citation == "《工贸企业重大事故隐患判定标准》第十三条第一项"
    assert first.tags == ("有限空间",) and first.scope == "存在有限空间作业的工贸企业"
    assert library.get("GB35181-5-3").number == "5.3"
    assert "MEM10-13-2" in library and "MEM10-13-3" not in library
    assert library.citations(["MEM10-13-2", "XX-1-1"]) == "《工贸企业重大事故隐患判定标准》第十三条第二项；XX-1-1"
    assert is_clause_library(VALID) and not is_clause_library('format = 2\ncode = "x"\n')


def test_the_shipped_library_holds_the_2023_cases_it_claims() -> None:
    library = load_clause_library_file(SHIPPED)
    ids = {c.id for c in library.clauses}
    # 第三条 (every enterprise), 第十一条 (dust, all ten), 第十二条 (ammonia), 第十三条 (confined spaces)
    assert {f"MEM10-3-{i}" for i in (1, 2, 3)} <= ids
    assert {f"MEM10-11-{i}" for i in range(1, 11)} <= ids
    assert {"MEM10-12-1", "MEM10-12-2", "MEM10-13-1", "MEM10-13-2"} <= ids
    assert {f"MEM10-6-{i}" for i in range(1, 9)} <= ids
    assert len(ids) == len(library.clauses) == 32
    # The 2023 dust wording (泄爆、惰化、抑爆), not the superseded 2017 one with 隔爆.
    assert "泄爆、惰化、抑爆" in library.get("MEM10-11-3").text
    assert all("隔爆" not in c.text for c in library.clauses)
    # 第十三条第一项 needs all three missing ("并且"); 第二项 any one of three ("或者").
    assert "并且未设置明显的安全警示标志" in library.get("MEM10-13-1").text
    assert library.get("MEM10-13-2").text.count("或者") == 2


def problems_of(text: str) -> list[str]:
    with pytest.raises(ClauseLibraryError) as caught:
        load_clause_library(text, "bad.toml")
    return [problem.format("bad.toml") for problem in caught.value.problems]


def test_every_problem_is_reported_with_its_line() -> None:
    text = (
        VALID.replace('kind = "major-hazard-clauses"', 'kind = "clauses"')
        .replace("  item = 2\n", "  item = 1\n")
        .replace('text = "示例情形"', 'text = "example"')
        .replace('standard = "GB35181"\narticle = 5', 'standard = "GB99"\narticle = 5')
    )
    found = problems_of(text)
    assert any("kind 应为" in p for p in found)
    duplicate = next(p for p in found if "项号重复" in p)
    assert duplicate.startswith(f"bad.toml:{text.splitlines().index('  item = 1', 20) + 1}:")
    assert any("standard “GB99” 不在 [[standards]] 中" in p for p in found)
    assert any("GB99 第 5 条第 3 项 text 应为中文" in p for p in found)
    assert len(found) == 4


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("article = 13", "article = 130", "article 应为 1–99 的整数"),
        ('text = "未对有限空间进行辨识的"', 'text = "no identification"', "text 应为中文"),
        ('scope = "存在有限空间作业的工贸企业"', 'scope = ""', "scope 应为中文"),
        ('numbering = "sections"', 'numbering = "chapters"', "numbering 应为 articles 或 sections"),
        ('tags = ["有限空间"]', 'tags = ["confined"]', "tags 应为中文标签列表"),
        ("effective = 2023-05-15", 'effective = "2023"', "effective 应为日期"),
        ("format = 1", "format = 2", "format 应为 1"),
    ],
)
def test_one_bad_value_is_one_problem(old: str, new: str, expected: str) -> None:
    assert VALID.count(old) == 1
    found = problems_of(VALID.replace(old, new))
    assert len(found) == 1 and expected in found[0], found


def test_a_bad_standard_code_also_leaves_its_articles_without_a_standard() -> None:
    found = problems_of(VALID.replace('code = "MEM10"', 'code = "mem10"'))
    assert "标准 code 应为大写字母开头" in found[0]
    assert found[1:] == ["bad.toml:11: MEM10 第 13 条 standard “MEM10” 不在 [[standards]] 中"]


def test_an_article_written_twice_and_unknown_keys() -> None:
    twice = VALID + '\n[[articles]]\nstandard = "MEM10"\narticle = 13\nscope = "重复"\nnote = "x"\n\n'
    twice += '  [[articles.cases]]\n  item = 9\n  text = "重复的条"\n'
    found = problems_of(twice)
    assert any("同一标准的同一条出现了两次" in p for p in found)
    assert any("未知的键 “note”" in p for p in found)


def test_a_syntax_error_and_a_missing_file_are_one_sentence(tmp_path: Path) -> None:
    assert "TOML 语法错误" in problems_of("format = \n")[0]
    with pytest.raises(ClauseLibraryError, match="文件不存在"):
        load_clause_library_file(tmp_path / "none.toml")
