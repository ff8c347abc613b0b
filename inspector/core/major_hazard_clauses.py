"""The major-hazard clause library: the cases a national standard names as 重大事故隐患, as data.

The 2023 standard for industry and trade enterprises (应急管理部令第10号《工贸企业重大事故隐患
判定标准》) lists its cases article by article, each as a numbered item (第十一条第三项); GB 35181
does the same for fire by section (5.3). The library (forms/major-hazard-clauses.toml, format in
forms/README.md) holds each case with its text, so that a checklist item can cite the exact case
it checks by id (`MEM10-11-3`), a hazard can carry the clause it meets, and a document can print
the citation. Ids are `{standard}-{article}-{item}`, stable across editions of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .form_files import CJK, FileProblem, FormFileError, SourceLines, parse_toml, read_form_file

LIBRARY_FORMAT = 1
LIBRARY_KIND = "major-hazard-clauses"
CLAUSE_ID = re.compile(r"^[A-Z][A-Z0-9]{1,15}-\d{1,2}-\d{1,2}$")
_STANDARD_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")
NUMBERINGS = {"articles", "sections"}  # 第十一条第三项 | 5.3

TOP_KEYS = {"format", "kind", "standards", "articles"}
STANDARD_KEYS = {"code", "title", "issuer", "effective", "numbering"}
ARTICLE_KEYS = {"standard", "article", "scope", "tags", "cases"}
CASE_KEYS = {"item", "text"}

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九 (article and item numbers)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Standard:
    code: str  # MEM10
    title: str  # 工贸企业重大事故隐患判定标准
    issuer: str  # 应急管理部令第10号
    effective: date | None = None
    numbering: str = "articles"

    @property
    def name(self) -> str:
        """《工贸企业重大事故隐患判定标准》（应急管理部令第10号）"""
        return f"《{self.title}》" + (f"（{self.issuer}）" if self.issuer else "")


@dataclass(frozen=True)
class Clause:
    id: str
    standard: Standard
    article: int
    item: int
    scope: str  # who the article applies to: 存在粉尘爆炸危险的工贸企业
    text: str
    tags: tuple[str, ...] = ()  # enterprise risk tags it concerns: 涉粉, 有限空间, 喷涂…

    @property
    def number(self) -> str:
        """第十一条第三项, or 5.3 for a standard numbered by sections."""
        if self.standard.numbering == "sections":
            return f"{self.article}.{self.item}"
        return f"第{chinese_number(self.article)}条第{chinese_number(self.item)}项"

    @property
    def citation(self) -> str:
        """For documents: 《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第三项."""
        return self.standard.name + self.number

    @property
    def short_citation(self) -> str:
        """For lists and the hazard's clause field: 《工贸企业重大事故隐患判定标准》第十一条第三项."""
        return f"《{self.standard.title}》{self.number}"


@dataclass(frozen=True)
class ClauseLibrary:
    standards: tuple[Standard, ...]
    clauses: tuple[Clause, ...]

    def __contains__(self, clause_id: object) -> bool:
        return any(clause.id == clause_id for clause in self.clauses)

    def get(self, clause_id: str) -> Clause:
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise KeyError(clause_id)

    def citations(self, clause_ids: tuple[str, ...] | list[str]) -> str:
        """The short citations of known ids joined with "；" (unknown ids as written)."""
        return "；".join(self.get(c).short_citation if c in self else c for c in clause_ids)

    def merged(self, other: ClauseLibrary) -> ClauseLibrary:
        """This library and an office's additions; the caller checks ids do not clash (`clashes`)."""
        return ClauseLibrary(self.standards + other.standards, self.clauses + other.clauses)

    def clashes(self, other: ClauseLibrary) -> list[str]:
        ours = {clause.id for clause in self.clauses} | {standard.code for standard in self.standards}
        theirs = [clause.id for clause in other.clauses] + [standard.code for standard in other.standards]
        return [code for code in theirs if code in ours]


EMPTY_LIBRARY = ClauseLibrary((), ())


class ClauseLibraryError(FormFileError):
    kind = "重大事故隐患条款库"


def clause_id(standard: str, article: int, item: int) -> str:
    return f"{standard}-{article}-{item}"


def load_clause_library_file(path: str | Path) -> ClauseLibrary:
    path = Path(path)
    return load_clause_library(read_form_file(path, ClauseLibraryError), source=str(path))


def is_clause_library(text: str) -> bool:
    """Whether a forms/ file is a clause library (kind = "major-hazard-clauses") rather than a template."""
    return re.search(r'^\s*kind\s*=\s*["\']' + LIBRARY_KIND + r'["\']', text, re.MULTILINE) is not None


def load_clause_library(text: str, source: str = "<clauses>") -> ClauseLibrary:
    """Parse and validate; raise ClauseLibraryError listing every problem."""
    data = parse_toml(text, source, ClauseLibraryError)
    return _LibraryReader(text, source).read(data)


class _LibraryReader:
    def __init__(self, text: str, source: str) -> None:
        self.lines = SourceLines(text)
        self.source = source
        self.problems: list[FileProblem] = []
        self._cursor = 0  # line of the last article read, so that problems point at their own

    def problem(self, line: int | None, where: str, message: str) -> None:
        self.problems.append(FileProblem(line, where, message))

    def _unknown(self, table: dict[str, Any], allowed: set[str], line: int | None, where: str) -> None:
        for key in sorted(set(table) - allowed):
            self.problem(self.lines.key_line(key, line), where, f"未知的键 “{key}”")

    def _chinese(self, table: dict[str, Any], key: str, line: int | None, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not CJK.search(value):
            self.problem(self.lines.key_line(key, line), where, f"{key} 应为中文，实际为 {value!r}")
            return ""
        return value.strip()

    def read(self, data: dict[str, Any]) -> ClauseLibrary:
        self._unknown(data, TOP_KEYS, None, "")
        if data.get("format") != LIBRARY_FORMAT:
            self.problem(
                self.lines.key_line("format", None), "", f"format 应为 {LIBRARY_FORMAT}，实际为 {data.get('format')!r}"
            )
        if data.get("kind") != LIBRARY_KIND:
            self.problem(self.lines.key_line("kind", None), "", f'kind 应为 "{LIBRARY_KIND}"')
        standards = self._standards(data.get("standards"))
        clauses = self._articles(data.get("articles"), {s.code: s for s in standards})
        if self.problems:
            raise ClauseLibraryError(self.source, self.problems)
        return ClauseLibrary(tuple(standards), tuple(clauses))

    def _standards(self, raw: Any) -> list[Standard]:
        if not isinstance(raw, list) or not raw:
            self.problem(None, "", "至少需要一个 [[standards]]（判定标准）")
            return []
        standards: list[Standard] = []
        for index, table in enumerate(raw, start=1):
            code = table.get("code") if isinstance(table, dict) else None
            line = self.lines.line_of(r'^\s*code\s*=\s*["\']' + re.escape(str(code)) + r'["\']')
            where = f"标准 {code}" if isinstance(code, str) else f"第 {index} 个标准"
            if not isinstance(table, dict):
                self.problem(None, where, "标准应为一个表")
                continue
            self._unknown(table, STANDARD_KEYS, line, where)
            if not isinstance(code, str) or not _STANDARD_CODE.match(code):
                self.problem(line, where, "标准 code 应为大写字母开头的字母和数字，例如 MEM10")
                continue
            if any(s.code == code for s in standards):
                self.problem(line, where, f"标准 code “{code}” 重复")
            title = self._chinese(table, "title", line, where)
            issuer = table.get("issuer", "")
            if not isinstance(issuer, str):
                self.problem(self.lines.key_line("issuer", line), where, "issuer 应为文字")
                issuer = ""
            effective = table.get("effective")
            if effective is not None and not isinstance(effective, date):
                self.problem(self.lines.key_line("effective", line), where, "effective 应为日期，例如 2023-05-15")
                effective = None
            numbering = table.get("numbering", "articles")
            if numbering not in NUMBERINGS:
                self.problem(self.lines.key_line("numbering", line), where, "numbering 应为 articles 或 sections")
                numbering = "articles"
            standards.append(Standard(code, title, issuer, effective, numbering))
        return standards

    def _articles(self, raw: Any, standards: dict[str, Standard]) -> list[Clause]:
        if not isinstance(raw, list) or not raw:
            self.problem(None, "", "至少需要一个 [[articles]]（条）及其 [[articles.cases]]（项）")
            return []
        clauses: list[Clause] = []
        seen_articles: set[tuple[str, int]] = set()
        for index, table in enumerate(raw, start=1):
            line = self.lines.line_of(r"^\s*\[\[articles\]\]", self._cursor)
            self._cursor = line or self._cursor
            if not isinstance(table, dict):
                self.problem(line, f"第 {index} 条", "条应为一个表")
                continue
            code, number = table.get("standard"), table.get("article")
            where = f"{code} 第 {number} 条"
            self._unknown(table, ARTICLE_KEYS, line, where)
            standard = standards.get(code) if isinstance(code, str) else None
            if standard is None:
                self.problem(self.lines.key_line("standard", line), where, f"standard “{code}” 不在 [[standards]] 中")
            if not _small_number(number):
                message = f"article 应为 1–99 的整数，实际为 {number!r}"
                self.problem(self.lines.key_line("article", line), where, message)
            elif isinstance(code, str):
                if (code, number) in seen_articles:
                    self.problem(line, where, "同一标准的同一条出现了两次：请把各项写在一个 [[articles]] 下")
                seen_articles.add((code, number))
            scope = self._chinese(table, "scope", line, where)
            tags = table.get("tags", [])
            if not isinstance(tags, list) or not all(isinstance(tag, str) and CJK.search(tag) for tag in tags):
                self.problem(self.lines.key_line("tags", line), where, 'tags 应为中文标签列表，例如 ["涉粉"]')
                tags = []
            cases = table.get("cases")
            if not isinstance(cases, list) or not cases:
                self.problem(line, where, "条下没有 [[articles.cases]]（项）")
                continue
            seen_items: set[int] = set()
            cursor = line or 0  # cases are read in file order: a repeated item number gets its own line
            for case in cases:
                item = case.get("item") if isinstance(case, dict) else None
                case_line = self.lines.line_of(r"^\s*item\s*=\s*" + re.escape(str(item)) + r"\b", cursor)
                cursor = case_line or cursor
                case_where = f"{where}第 {item} 项"
                if not isinstance(case, dict):
                    self.problem(line, where, "项应为一个表")
                    continue
                self._unknown(case, CASE_KEYS, case_line, case_where)
                if not _small_number(item):
                    self.problem(case_line, case_where, f"item 应为 1–99 的整数，实际为 {item!r}")
                    continue
                if item in seen_items:
                    self.problem(case_line, case_where, "项号重复")
                seen_items.add(item)
                text = self._chinese(case, "text", case_line, case_where)
                if standard is not None and _small_number(number):
                    clauses.append(
                        Clause(clause_id(standard.code, number, item), standard, number, item, scope, text, tuple(tags))
                    )
        return clauses


def _small_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 99
