"""The templates shipped in forms/: valid against the clause library, and saying what domain.md asks.

These are content checks of data an office relies on: veto items only for cases the 2023
standard names, the case cited for every major-hazard item, the labour-protection section, both
confined-space cases, the 2023 dust wording, and sections built so that one ordinary item
cannot trip the section floor on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core.checklist import AnswerKind, Severity, Template
from inspector.core.major_hazard_clauses import chinese_number
from inspector.forms_catalog import clause_library, discover

FORMS = Path(__file__).resolve().parent.parent / "forms"
LIBRARY = clause_library([FORMS])
SHIPPED = {form.path.stem: form for form in discover([FORMS])}
TEMPLATES = {name: form.template for name, form in SHIPPED.items() if form.template is not None}


def test_every_shipped_template_is_offered() -> None:
    assert {name: form.error for name, form in SHIPPED.items() if form.error} == {}
    assert set(TEMPLATES) == {
        "general-manufacturing",
        "combustible-dust",
        "confined-space",
        "small-firms",
        "rented-factory",
        "machinery-painting",
    }


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_veto_and_major_items_cite_their_cases_with_legal_basis(name: str) -> None:
    template = TEMPLATES[name]
    assert sum(item.weight for item in template.items) == pytest.approx(100)
    assert all(item.legal_basis for item in template.items)
    for item in template.items:
        if item.veto:
            # 不符合 is the named case; 部分符合 must stay possible without making D.
            assert item.clauses and item.answer_kind is AnswerKind.GRADED, item.code
        assert bool(item.clauses) == (item.hazard_severity is Severity.MAJOR), item.code
        for clause_id in item.clauses:
            clause = LIBRARY.get(clause_id)
            assert "应急管理部令第10号" in item.legal_basis, item.code
            assert f"第{chinese_number(clause.article)}条" in item.legal_basis, item.code


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_one_ordinary_item_cannot_trip_the_section_floor(name: str) -> None:
    template: Template = TEMPLATES[name]
    floor = template.rules.section_floor_percent / 100
    for section in template.sections:
        for item in section.items:
            if not item.veto and not item.key:
                assert (section.weight - item.weight) / section.weight >= floor, (section.code, item.code)


def test_the_general_template_v3_follows_the_standard() -> None:
    general = TEMPLATES["general-manufacturing"]
    assert general.version == 3
    assert general.rules.section_floor_percent == 50  # calibrated (forms/README.md)
    item = general.item
    assert {i.code for i in general.items if i.veto} == {"A-5", "H-2", "H-3"}
    assert {i.code for i in general.items if i.key} == {"A-1", "A-4", "B-3", "C-1", "E-1", "F-1", "H-1"}
    # The findings: the canteen gas alarm is no veto item, exits are not major by default,
    # one extinguisher item no longer makes C.
    assert not item("E-1").veto and item("E-1").hazard_severity is Severity.GENERAL
    assert not item("C-1").veto and item("C-1").hazard_severity is Severity.GENERAL
    assert not item("C-3").key
    assert item("H-2").clauses == ("MEM10-13-1", "MEM10-13-2")
    assert "泄爆、惰化、抑爆" in item("H-3").text and "MEM10-11-3" in item("H-3").clauses
    labour = next(section for section in general.sections if section.title == "劳动保护")
    texts = " ".join(i.text + i.legal_basis for i in labour.items)
    for topic in (
        "工伤保险",
        "安全生产责任保险",
        "第五十一条",
        "防暑降温",
        "女职工",
        "第619号",
        "职工代表大会",
        "劳动保护监督检查委员会",
    ):
        assert topic in texts, topic


def test_no_shipped_form_uses_the_superseded_2017_dust_wording() -> None:
    for path in FORMS.glob("*.toml"):
        assert "隔爆" not in path.read_text(encoding="utf-8"), path.name


def test_the_special_templates_cover_their_articles() -> None:
    cited = {name: {c for i in t.items for c in i.clauses} for name, t in TEMPLATES.items()}
    assert {f"MEM10-11-{n}" for n in range(1, 11)} <= cited["combustible-dust"]
    assert {"MEM10-13-1", "MEM10-13-2"} <= cited["confined-space"]
    assert "MEM10-3-1" in cited["rented-factory"] and "MEM10-3-1" in cited["small-firms"]
    assert {"MEM10-7-1", "MEM10-7-2", "MEM10-7-7"} <= cited["machinery-painting"]
    assert len(TEMPLATES["small-firms"].items) <= 20  # a short form
