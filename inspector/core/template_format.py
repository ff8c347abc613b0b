"""Read a checklist template from TOML (format 1, documented in forms/README.md).

Every problem found is reported, not just the first, each naming the file, the line and the
item or section code, so that whoever edits a form can fix it in one pass.

Two levels of checking. Every template, including the frozen text of a past inspection, must
keep the format. A template offered for new inspections is also checked against the
major-hazard clause library (`clauses` given): the clauses its items cite exist, a veto item
cites the cases it checks (veto items are only cases the 2023 standard or GB 35181 names,
domain.md §4), and an item defaults to a major hazard exactly when it cites a case. Frozen
templates are read without the library: a past inspection keeps its grade even if a later
library or rule would refuse its template.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .categories import Category
from .checklist import (
    AnswerKind,
    DeadlineDefaults,
    GradingRules,
    Item,
    LocationType,
    Section,
    Severity,
    Template,
)
from .form_files import CJK, FileProblem, FormFileError, SourceLines, parse_toml, read_form_file
from .grades import Grade
from .major_hazard_clauses import CLAUSE_ID, ClauseLibrary

FORMAT_VERSION = 2  # format 2 adds `clauses` (major-hazard cases by id); format 1 files still read
FORMATS = {1, 2}
WEIGHT_TOTAL = 100.0
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-_]{0,19}$")
_TEMPLATE_CODE = re.compile(r"^[a-z0-9][a-z0-9\-]{1,49}$")

FLAGS = {"veto", "key", "optional", "no_na"}
TOP_KEYS = {"format", "code", "version", "title", "title_en", "description", "grading", "deadlines", "sections"}
SECTION_KEYS = {"code", "title", "title_en", "category", "items"}
ITEM_KEYS = {
    "code",
    "text",
    "text_en",
    "weight",
    "answer",
    "flags",
    "guidance",
    "guidance_en",
    "legal_basis",
    "category",
    "location",
    "severity",
    "deadline",
    "clauses",
}
GRADING_KEYS = {
    "band_a",
    "band_b",
    "band_c",
    "partial_credit",
    "section_floor_percent",
    "section_floor_cap",
    "key_fail_cap",
    "key_fail_d_count",
    "veto_grade",
    "light_yellow_below",
}
DEADLINE_KEYS = {"on_site", "general", "works"}


TemplateProblem = FileProblem


class TemplateError(FormFileError):
    """A template file breaks the format; `problems` lists every finding."""

    kind = "检查表模板"


class GradingRulesError(TemplateError):
    """A rules file for a "what if" round (`load_grading_rules`) is not usable."""

    kind = "评分规则文件"


def load_template_file(path: str | Path, clauses: ClauseLibrary | None = None) -> Template:
    path = Path(path)
    return load_template(read_form_file(path, TemplateError), source=str(path), clauses=clauses)


def load_template(text: str, source: str = "<template>", clauses: ClauseLibrary | None = None) -> Template:
    """Parse and validate; raise TemplateError listing every problem. With `clauses`, also check
    the template against the major-hazard clause library (see the module docstring)."""
    data = parse_toml(text, source, TemplateError)
    return _Reader(text, source, clauses).read(data)


def load_grading_rules(text: str, source: str = "<rules>") -> dict[str, Any]:
    """Grading numbers by name from a rules file: a whole template (its [grading], defaults for
    the keys it leaves out) or a small TOML of numbers, at the top level or under [grading], that
    change only the numbers it names. For "what if" rounds; TemplateError lists every problem."""
    data = parse_toml(text, source, GradingRulesError)
    if "sections" in data:
        rules = load_template(text, source).rules
        return {key: getattr(rules, key) for key in GRADING_KEYS}
    table = data.get("grading", data)
    reader = _Reader(text, source, None)
    if not isinstance(table, dict) or not table:
        reader.problem(None, "", "规则文件中没有评分规则：写出要改的数，例如 band_a = 85 或 key_fail_d_count = 3")
        raise GradingRulesError(source, reader.problems)
    if table is not data:
        for key in sorted(set(data) - {"grading"}):
            reader.problem(reader._key_line(key, None), "", f"未知的键 “{key}”")
    rules = reader._grading(table)
    if reader.problems:
        raise GradingRulesError(source, reader.problems)
    return {key: getattr(rules, key) for key in table}


class _Reader:
    def __init__(self, text: str, source: str, clauses: ClauseLibrary | None) -> None:
        self.lines = SourceLines(text)
        self.source = source
        self.clauses = clauses
        self.format: Any = FORMAT_VERSION
        self.problems: list[TemplateProblem] = []
        # Weights are summed as written, valid item or not, so that one bad item does not also
        # produce a misleading "weights do not sum" problem.
        self.weight_total = 0.0
        self._code_cursor = 0  # line of the last section or item code found

    # -- locating lines ------------------------------------------------------------------
    def _line_of(self, pattern: str, start: int = 0) -> int | None:
        return self.lines.line_of(pattern, start)

    def _code_line(self, code: Any) -> int | None:
        """The line of the next `code = "…"` for a section or item. Sections and items are read
        in file order, so searching on from the last one found gives a duplicate code its own
        line rather than the first occurrence's."""
        if not isinstance(code, str):
            return None
        line = self._line_of(r'^\s*code\s*=\s*["\']' + re.escape(code) + r'["\']', self._code_cursor)
        if line is not None:
            self._code_cursor = line
        return line

    def _key_line(self, key: str, after: int | None) -> int | None:
        return self.lines.key_line(key, after)

    def problem(self, line: int | None, where: str, message: str) -> None:
        self.problems.append(TemplateProblem(line, where, message))

    # -- reading -------------------------------------------------------------------------
    def read(self, data: dict[str, Any]) -> Template:
        for key in sorted(set(data) - TOP_KEYS):
            self.problem(self._key_line(key, None), "", f"未知的键 “{key}”")
        fmt = data.get("format")
        if fmt not in FORMATS:
            self.problem(self._key_line("format", None), "", f"format 应为 1 或 2，实际为 {fmt!r}")
        self.format = fmt
        code = data.get("code")
        if not isinstance(code, str) or not _TEMPLATE_CODE.match(code):
            self.problem(
                self._key_line("code", None), "", "模板 code 应为小写字母、数字和连字符，例如 general-manufacturing"
            )
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem(self._key_line("version", None), "", f"version 应为不小于 1 的整数，实际为 {version!r}")
        title = self._chinese(data, "title", self._key_line("title", None), "")
        rules = self._grading(data.get("grading", {}))
        deadlines = self._deadlines(data.get("deadlines", {}))
        sections = self._sections(data.get("sections"), deadlines)
        if self.problems:
            raise TemplateError(self.source, self.problems)
        return Template(
            code=code,
            version=version,
            title=title,
            title_en=str(data.get("title_en", "")),
            description=str(data.get("description", "")),
            sections=sections,
            rules=rules,
            deadlines=deadlines,
        )

    def _chinese(self, table: dict[str, Any], key: str, line: int | None, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problem(line, where, f"缺少中文 {key}")
            return ""
        if not CJK.search(value):
            self.problem(line, where, f"{key} 应为中文，实际为 “{value}”")
        return value.strip()

    def _number(
        self, table: dict[str, Any], key: str, default: float, where: str, line: int | None, low: float, high: float
    ) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            self.problem(self._key_line(key, line), where, f"{key} 应为 {low:g} 到 {high:g} 之间的数，实际为 {value!r}")
            return default
        return float(value)

    def _grade(self, table: dict[str, Any], key: str, default: Grade, line: int | None) -> Grade:
        value = table.get(key, default.value)
        try:
            return Grade(value)
        except ValueError:
            self.problem(self._key_line(key, line), "[grading]", f"{key} 应为 A、B、C 或 D，实际为 {value!r}")
            return default

    def _grading(self, table: Any) -> GradingRules:
        line = self._line_of(r"^\s*\[grading\]")
        if not isinstance(table, dict):
            self.problem(line, "[grading]", "应为一个表")
            return GradingRules()
        for key in sorted(set(table) - GRADING_KEYS):
            self.problem(self._key_line(key, line), "[grading]", f"未知的评分规则 “{key}”")
        d = GradingRules()
        where = "[grading]"
        rules = GradingRules(
            band_a=self._number(table, "band_a", d.band_a, where, line, 0, 100),
            band_b=self._number(table, "band_b", d.band_b, where, line, 0, 100),
            band_c=self._number(table, "band_c", d.band_c, where, line, 0, 100),
            partial_credit=self._number(table, "partial_credit", d.partial_credit, where, line, 0, 1),
            section_floor_percent=self._number(
                table, "section_floor_percent", d.section_floor_percent, where, line, 0, 100
            ),
            section_floor_cap=self._grade(table, "section_floor_cap", d.section_floor_cap, line),
            key_fail_cap=self._grade(table, "key_fail_cap", d.key_fail_cap, line),
            key_fail_d_count=int(self._number(table, "key_fail_d_count", d.key_fail_d_count, where, line, 1, 100)),
            veto_grade=self._grade(table, "veto_grade", d.veto_grade, line),
            light_yellow_below=self._number(table, "light_yellow_below", d.light_yellow_below, where, line, 0, 100),
        )
        count = table.get("key_fail_d_count", d.key_fail_d_count)
        if isinstance(count, float):
            self.problem(
                self._key_line("key_fail_d_count", line), where, f"key_fail_d_count 应为整数，实际为 {count!r}"
            )
        if not rules.band_a > rules.band_b > rules.band_c:
            self.problem(line, where, "等级分数线应满足 band_a > band_b > band_c")
        return rules

    def _deadlines(self, table: Any) -> DeadlineDefaults:
        line = self._line_of(r"^\s*\[deadlines\]")
        if not isinstance(table, dict):
            self.problem(line, "[deadlines]", "应为一个表")
            return DeadlineDefaults()
        for key in sorted(set(table) - DEADLINE_KEYS):
            self.problem(self._key_line(key, line), "[deadlines]", f"未知的整改期限 “{key}”")
        d = DeadlineDefaults()
        return DeadlineDefaults(
            on_site=int(self._number(table, "on_site", d.on_site, "[deadlines]", line, 0, 365)),
            general=int(self._number(table, "general", d.general, "[deadlines]", line, 0, 365)),
            works=int(self._number(table, "works", d.works, "[deadlines]", line, 0, 365)),
        )

    def _sections(self, raw: Any, deadlines: DeadlineDefaults) -> tuple[Section, ...]:
        if not isinstance(raw, list) or not raw:
            self.problem(None, "", "检查表为空：至少需要一个 [[sections]] 分区和若干 [[sections.items]] 检查项")
            return ()
        sections: list[Section] = []
        seen_sections: set[str] = set()
        seen_items: dict[str, str] = {}
        total = 0.0
        all_weighed = True  # the sum is only meaningful when every item has a valid weight
        for index, table in enumerate(raw, start=1):
            if not isinstance(table, dict):
                self.problem(None, f"第 {index} 个分区", "分区应为一个表")
                continue
            code = table.get("code")
            line = self._code_line(code)
            where = f"分区 {code}" if isinstance(code, str) else f"第 {index} 个分区"
            if not isinstance(code, str) or not _CODE.match(code):
                self.problem(line, where, "分区 code 缺失或格式不对（字母、数字、-、.，最多 20 位）")
            elif code in seen_sections:
                self.problem(line, where, f"分区 code “{code}” 重复")
            seen_sections.add(code if isinstance(code, str) else "")
            for key in sorted(set(table) - SECTION_KEYS):
                self.problem(self._key_line(key, line), where, f"未知的键 “{key}”")
            title = self._chinese(table, "title", self._key_line("title", line), where)
            category = self._enum(Category, table.get("category", "other"), line, where, "category")
            items_raw = table.get("items")
            if not isinstance(items_raw, list) or not items_raw:
                self.problem(line, where, "分区没有检查项")
                items_raw = []
            for item_table in items_raw:
                weight = item_table.get("weight") if isinstance(item_table, dict) else None
                if _is_weight(weight):
                    total += weight
                else:
                    all_weighed = False
            items = tuple(
                item
                for item_table in items_raw
                if (item := self._item(item_table, str(code), category, deadlines, seen_items)) is not None
            )
            sections.append(
                Section(
                    code=str(code), title=title, title_en=str(table.get("title_en", "")), category=category, items=items
                )
            )
        # Summed from the file, not from the items that passed: an item with another problem
        # still has its weight, and a sum without it would be a second, false problem.
        if sections and all_weighed and abs(total - WEIGHT_TOTAL) > 1e-6:
            self.problem(None, "", f"所有检查项的权重之和应为 {WEIGHT_TOTAL:g}，实际为 {total:g}")
        return tuple(sections)

    def _enum(self, enum: type, value: Any, line: int | None, where: str, key: str) -> Any:
        try:
            return enum(value)
        except ValueError:
            allowed = "、".join(member.value for member in enum)
            self.problem(line, where, f"{key} “{value}” 无效，可选：{allowed}")
            return None

    def _item(
        self,
        table: Any,
        section_code: str,
        section_category: Category | None,
        deadlines: DeadlineDefaults,
        seen: dict[str, str],
    ) -> Item | None:
        code = table.get("code") if isinstance(table, dict) else None
        line = self._code_line(code)
        where = f"项 {code}" if isinstance(code, str) else f"分区 {section_code} 中的一项"
        if not isinstance(table, dict):
            self.problem(line, where, "检查项应为一个表")
            return None
        count = len(self.problems)
        if not isinstance(code, str) or not _CODE.match(code):
            self.problem(line, where, "检查项 code 缺失或格式不对（字母、数字、-、.，最多 20 位）")
        elif code in seen:
            self.problem(line, where, f"code 与分区 {seen[code]} 中的检查项重复")
        else:
            seen[code] = section_code
        for key in sorted(set(table) - ITEM_KEYS):
            self.problem(self._key_line(key, line), where, f"未知的键 “{key}”")
        text = self._chinese(table, "text", self._key_line("text", line), where)
        weight = table.get("weight")
        if not _is_weight(weight):
            self.problem(self._key_line("weight", line), where, f"weight 应为大于 0 的数，实际为 {weight!r}")
            weight = 0.0
        self.weight_total += weight
        answer = self._enum(AnswerKind, table.get("answer", "graded"), line, where, "answer")
        flags = table.get("flags", [])
        if not isinstance(flags, list) or not all(isinstance(flag, str) for flag in flags):
            self.problem(self._key_line("flags", line), where, 'flags 应为字符串列表，例如 ["key"]')
            flags = []
        for flag in flags:
            if flag not in FLAGS:
                allowed = "、".join(sorted(FLAGS))
                self.problem(self._key_line("flags", line), where, f"未知的标记 “{flag}”，可选：{allowed}")
        if "veto" in flags and "key" in flags:
            self.problem(self._key_line("flags", line), where, "一个检查项不能同时是否决项（veto）和关键项（key）")
        if ("veto" in flags or "key" in flags) and "optional" in flags:
            self.problem(self._key_line("flags", line), where, "否决项和关键项必须作答，不能标记为 optional")
        category = table.get("category")
        category = self._enum(Category, category, line, where, "category") if category else section_category
        location = self._enum(LocationType, table.get("location", "whole_site"), line, where, "location")
        severity = self._enum(Severity, table.get("severity", "general"), line, where, "severity")
        deadline = self._deadline(table.get("deadline", "general"), deadlines, line, where)
        clauses = self._clauses(table.get("clauses", []), "veto" in flags, severity, line, where)
        if len(self.problems) > count:
            return None
        return Item(
            code=code,
            text=text,
            text_en=str(table.get("text_en", "")),
            weight=float(weight),
            section_code=section_code,
            answer_kind=answer,
            veto="veto" in flags,
            key="key" in flags,
            required="optional" not in flags,
            allow_na="no_na" not in flags,
            guidance=str(table.get("guidance", "")),
            guidance_en=str(table.get("guidance_en", "")),
            legal_basis=str(table.get("legal_basis", "")),
            category=category,
            location_type=location,
            hazard_severity=severity,
            deadline_days=deadline,
            clauses=clauses,
        )

    def _clauses(
        self, value: Any, veto: bool, severity: Severity | None, line: int | None, where: str
    ) -> tuple[str, ...]:
        """The major-hazard cases an item checks, by clause id (forms/major-hazard-clauses.toml)."""
        key_line = self._key_line("clauses", line)
        if value and self.format == 1:
            self.problem(key_line, where, "clauses 是 format 2 的写法：请把文件开头的 format 改为 2")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and CLAUSE_ID.match(v) for v in value):
            self.problem(key_line, where, 'clauses 应为条款编号列表，例如 ["MEM10-11-3"]')
            return ()
        if len(set(value)) != len(value):
            self.problem(key_line, where, "clauses 中有重复的条款编号")
        if self.clauses is None:
            return tuple(value)
        for clause_id in value:
            if clause_id not in self.clauses:
                self.problem(key_line, where, f"条款 {clause_id} 不在重大事故隐患条款库中")
        if veto and not value:
            self.problem(
                self._key_line("flags", line),
                where,
                "否决项须用 clauses 注明所查的重大事故隐患判定情形：只有判定标准列明的情形才能作否决项",
            )
        elif severity is Severity.MAJOR and not value:
            self.problem(
                self._key_line("severity", line),
                where,
                "默认为重大隐患的检查项须用 clauses 注明对应的判定条款，否则应为 general",
            )
        if value and severity is Severity.GENERAL:
            self.problem(
                self._key_line("severity", line),
                where,
                "注明了重大事故隐患判定条款的检查项，不符合即为该情形，severity 应为 major",
            )
        return tuple(value)

    def _deadline(self, value: Any, deadlines: DeadlineDefaults, line: int | None, where: str) -> int:
        if isinstance(value, str) and value in DEADLINE_KEYS:
            return getattr(deadlines, value)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 365:
            return value
        self.problem(
            self._key_line("deadline", line),
            where,
            f"deadline 应为 on_site、general、works 或 0–365 的天数，实际为 {value!r}",
        )
        return deadlines.general


def _is_weight(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0
