"""Checklist templates: sections of weighted items, and the grading rules that go with them.

A template is data (forms/*.toml, see forms/README.md); `template_format.load_template` builds
these objects and rejects a file that breaks a rule. An inspection freezes the template
version it was started with, so editing a form never changes a past score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .categories import Category
from .grades import Grade
from .labelled import LabelledEnum


class AnswerKind(StrEnum):
    PASS_FAIL = "pass_fail"  # 符合 / 不符合
    GRADED = "graded"  # 符合 / 部分符合 / 不符合


class Result(LabelledEnum):
    """An inspector's answer to one item."""

    PASS = "pass", "符合"
    PARTIAL = "partial", "部分符合"
    FAIL = "fail", "不符合"
    NOT_APPLICABLE = "na", "不适用"


class Severity(LabelledEnum):
    GENERAL = "general", "一般隐患"  # 一般事故隐患
    MAJOR = "major", "重大隐患"  # 重大事故隐患


class LocationType(LabelledEnum):
    WORKSHOP = "workshop", "生产车间"
    WAREHOUSE = "warehouse", "仓库"
    CHEMICAL_STORE = "chemical_store", "危险化学品仓库"
    HAZARDOUS_WASTE_STORE = "hazardous_waste_store", "危险废物贮存库"
    CANTEEN = "canteen", "食堂"
    DISTRIBUTION_ROOM = "distribution_room", "配电房"
    OFFICE = "office", "办公区"
    DORMITORY = "dormitory", "宿舍"
    OUTDOOR = "outdoor", "室外场地"
    WHOLE_SITE = "whole_site", "全厂"


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    weight: float
    section_code: str
    answer_kind: AnswerKind = AnswerKind.GRADED
    veto: bool = False  # 否决项: failing it makes the grade D
    key: bool = False  # 关键项: failing it caps the grade
    required: bool = True  # must be answered before the inspection can be completed
    allow_na: bool = True
    text_en: str = ""
    guidance: str = ""
    guidance_en: str = ""
    legal_basis: str = ""
    category: Category = Category.OTHER
    location_type: LocationType = LocationType.WHOLE_SITE
    hazard_severity: Severity = Severity.GENERAL
    deadline_days: int = 7  # default rectification deadline for a hazard raised from this item
    # The major-hazard cases this item checks (ids in forms/major-hazard-clauses.toml): failing
    # it means the enterprise meets one of them, so a hazard raised from it is a suspected major one.
    clauses: tuple[str, ...] = ()

    def text_in(self, english: bool) -> str:
        """The item's text in the window's language: English where the template has it."""
        return self.text_en if english and self.text_en else self.text

    def guidance_in(self, english: bool) -> str:
        return self.guidance_en if english and self.guidance_en else self.guidance

    def allows(self, result: Result) -> bool:
        if result is Result.PARTIAL:
            return self.answer_kind is AnswerKind.GRADED
        if result is Result.NOT_APPLICABLE:
            return self.allow_na
        return True


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    items: tuple[Item, ...]
    title_en: str = ""
    category: Category = Category.OTHER

    @property
    def weight(self) -> float:
        return sum(item.weight for item in self.items)

    def title_in(self, english: bool) -> str:
        return self.title_en if english and self.title_en else self.title


@dataclass(frozen=True)
class GradingRules:
    """domain.md §4, with every number taken from the template's [grading] table."""

    band_a: float = 90.0
    band_b: float = 75.0
    band_c: float = 60.0
    partial_credit: float = 0.5  # share of an item's weight earned by 部分符合
    section_floor_percent: float = 60.0  # a section below this share of its applicable weight…
    section_floor_cap: Grade = Grade.C  # …caps the grade here
    key_fail_cap: Grade = Grade.C  # one failed key item caps the grade here
    key_fail_d_count: int = 2  # this many failed key items make the grade D
    veto_grade: Grade = Grade.D  # a failed veto item makes the grade this
    light_yellow_below: float = 75.0  # quarterly light: latest score below this is yellow

    def band(self, score: float) -> Grade:
        if score >= self.band_a:
            return Grade.A
        if score >= self.band_b:
            return Grade.B
        if score >= self.band_c:
            return Grade.C
        return Grade.D


@dataclass(frozen=True)
class DeadlineDefaults:
    """Default rectification deadlines in days (domain.md §3); items may override."""

    on_site: int = 0
    general: int = 7
    works: int = 30


@dataclass(frozen=True)
class Template:
    code: str
    version: int
    title: str
    sections: tuple[Section, ...]
    rules: GradingRules = field(default_factory=GradingRules)
    deadlines: DeadlineDefaults = field(default_factory=DeadlineDefaults)
    title_en: str = ""
    description: str = ""

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, code: str) -> Item:
        for candidate in self.items:
            if candidate.code == code:
                return candidate
        raise KeyError(code)

    @property
    def key(self) -> str:
        return f"{self.code} v{self.version}"

    def title_in(self, english: bool) -> str:
        return self.title_en if english and self.title_en else self.title

    @property
    def name_and_version(self) -> str:
        """The title and version in words, as documents print it: 一般制造业企业安全生产检查表（第 2 版）."""
        return f"{self.title}（第 {self.version} 版）"
