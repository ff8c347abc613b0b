"""Risk tags (涉粉, 有限空间, 出租方…) and the checklist templates they call for, as data.

The list lives in forms/risk-tags.toml (format in that file's comments): each tag has a stable
`code` (what an enterprise stores), a Chinese `label`, an English `label_en` and the template
codes it proposes; `[scale]` names the base template for 规上, 规下 and unknown. Nothing here
knows which templates exist: forms_catalog checks the codes against the forms folders.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ValidationError
from .form_files import CJK, FileProblem, FormFileError, SourceLines, parse_toml, read_form_file

TAGS_FORMAT = 1
TAGS_KIND = "risk-tags"
TAGS_FILE = "risk-tags.toml"
FIELD = "风险标签"
_CODE = re.compile(r"^[a-z][a-z0-9-]{0,29}$")
# How people separate tags in one spreadsheet cell: 、 , ， ; ； / and, between single words, spaces.
_SEPARATORS = re.compile(r"[、,，;；/／]+")
_TOP_KEYS = {"format", "kind", "scale", "tags"}
_TAG_KEYS = {"code", "label", "label_en", "description", "templates"}
_SCALE_KEYS = ("above", "below", "unknown")


class RiskTagsError(FormFileError):
    kind = "风险标签文件"


@dataclass(frozen=True)
class RiskTag:
    code: str
    label: str
    label_en: str
    description: str = ""
    templates: tuple[str, ...] = ()


@dataclass(frozen=True)
class TemplateProposal:
    """A template proposed for an enterprise and why: `because` is the codes of the tags that
    call for it (empty for the base template chosen by size)."""

    code: str
    because: tuple[str, ...]


@dataclass(frozen=True)
class RiskTagCatalog:
    tags: tuple[RiskTag, ...]
    above_scale: tuple[str, ...] = ()
    below_scale: tuple[str, ...] = ()
    unknown_scale: tuple[str, ...] = ()

    def __contains__(self, code: object) -> bool:
        return any(tag.code == code for tag in self.tags)

    def get(self, code: str) -> RiskTag | None:
        return next((tag for tag in self.tags if tag.code == code), None)

    def label(self, code: str, english: bool = False) -> str:
        """The tag's label; a code this catalog does not know (an office's own tag that came by
        sync) is shown as written."""
        tag = self.get(code)
        if tag is None:
            return code
        return tag.label_en if english else tag.label

    def labels(self, codes: Iterable[str], english: bool = False, separator: str = "、") -> str:
        return separator.join(self.label(code, english) for code in codes)

    def ordered(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The codes without repeats, in the catalog's order (unknown codes last, as given)."""
        wanted = list(dict.fromkeys(codes))
        known = [tag.code for tag in self.tags if tag.code in wanted]
        return (*known, *(code for code in wanted if code not in known))

    def check(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The codes in catalog order, or ValidationError naming the unknown ones."""
        ordered = self.ordered(codes)
        unknown = [code for code in ordered if code not in self]
        if unknown:
            raise ValidationError(
                {FIELD: f"没有这个风险标签：{'、'.join(unknown)}（可选：{self.labels(self.codes())}）"}
            )
        return ordered

    def codes(self) -> tuple[str, ...]:
        return tuple(tag.code for tag in self.tags)

    def parse(self, text: str) -> tuple[str, ...]:
        """The codes a spreadsheet cell names: labels, codes or English labels, separated by 、
        , ; / or spaces; ValidationError naming what is not a tag."""
        found: list[str] = []
        unknown: list[str] = []
        for piece in _SEPARATORS.split(unicodedata.normalize("NFKC", text or "")):
            piece = " ".join(piece.split())
            if not piece:
                continue
            whole = self._lookup(piece)  # "Spray painting" is one tag…
            words = [whole] if whole else [self._lookup(word) for word in piece.split()]  # …"涉粉 喷涂" two
            if all(words):
                found += [tag.code for tag in words if tag]
            else:
                unknown.append(piece)
        if unknown:
            raise ValidationError({FIELD: f"“{'、'.join(unknown)}”不是风险标签（可选：{self.labels(self.codes())}）"})
        return self.ordered(found)

    def _lookup(self, word: str) -> RiskTag | None:
        folded = word.casefold().replace(" ", "")
        for tag in self.tags:
            if folded in (tag.code, tag.label.casefold(), tag.label_en.casefold().replace(" ", "")):
                return tag
        return None

    def proposals(self, codes: Iterable[str], above_scale: bool | None) -> list[TemplateProposal]:
        """The templates for an enterprise: the base one its size calls for, then each tag's, in
        the catalog's order, each once (with every tag that asked for it)."""
        base = self.unknown_scale if above_scale is None else self.above_scale if above_scale else self.below_scale
        because: dict[str, list[str]] = {code: [] for code in base}
        for code in self.ordered(codes):
            tag = self.get(code)
            for template in tag.templates if tag else ():
                because.setdefault(template, []).append(code)
        return [TemplateProposal(code, tuple(labels)) for code, labels in because.items()]

    def template_codes(self) -> set[str]:
        """Every template code the file names (forms_catalog checks that each exists)."""
        codes = {*self.above_scale, *self.below_scale, *self.unknown_scale}
        return codes | {code for tag in self.tags for code in tag.templates}


EMPTY_CATALOG = RiskTagCatalog(())


def is_risk_tags(text: str) -> bool:
    """Whether a forms/ file is the risk-tag list (kind = "risk-tags") rather than a template."""
    return re.search(r'^\s*kind\s*=\s*["\']' + TAGS_KIND + r'["\']', text, re.MULTILINE) is not None


def load_risk_tags_file(path: str | Path) -> RiskTagCatalog:
    path = Path(path)
    return load_risk_tags(read_form_file(path, RiskTagsError), source=str(path))


def load_risk_tags(text: str, source: str = "<risk-tags>") -> RiskTagCatalog:
    """Parse and validate; RiskTagsError lists every problem with its line."""
    data = parse_toml(text, source, RiskTagsError)
    lines = SourceLines(text)
    problems: list[FileProblem] = []

    def problem(key: str, after: int | None, where: str, message: str) -> None:
        problems.append(FileProblem(lines.key_line(key, after), where, message))

    for key in sorted(set(data) - _TOP_KEYS):
        problem(key, None, "", f"未知的键 “{key}”")
    if data.get("format") != TAGS_FORMAT:
        problem("format", None, "", f"format 应为 {TAGS_FORMAT}，实际为 {data.get('format')!r}")
    if data.get("kind") != TAGS_KIND:
        problem("kind", None, "", f'kind 应为 "{TAGS_KIND}"')
    scale_line = lines.line_of(r"^\s*\[scale\]")
    scale = data.get("scale", {})
    if not isinstance(scale, dict):
        scale = {}
        problem("scale", None, "[scale]", "应为一个表")
    for key in sorted(set(scale) - set(_SCALE_KEYS)):
        problem(key, scale_line, "[scale]", f"未知的键 “{key}”")
    bases = {key: _codes(scale.get(key, []), key, scale_line, "[scale]", problem) for key in _SCALE_KEYS}
    tags: list[RiskTag] = []
    raw_tags = data.get("tags", [])
    if not isinstance(raw_tags, list) or not raw_tags:
        problem("format", None, "", "没有任何 [[tags]]")
        raw_tags = []
    cursor = 0
    seen: set[str] = set()  # every code written so far, valid tag or not: a repeat is a repeat
    for raw in raw_tags:
        line = lines.line_of(r"^\s*\[\[tags\]\]", cursor)
        cursor = line or cursor
        tag = _tag(raw, line, problem, seen)
        if isinstance(raw, dict) and isinstance(raw.get("code"), str):
            seen.add(raw["code"])
        if tag is not None:
            tags.append(tag)
    if problems:
        raise RiskTagsError(source, problems)
    return RiskTagCatalog(tuple(tags), bases["above"], bases["below"], bases["unknown"])


def _codes(value: Any, key: str, line: int | None, where: str, problem: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and _CODE.match(v) for v in value):
        problem(key, line, where, f'{key} 应为模板代码的列表，如 ["general-manufacturing"]')
        return ()
    return tuple(value)


def _tag(raw: Any, line: int | None, problem: Any, seen: set[str]) -> RiskTag | None:
    if not isinstance(raw, dict):
        problem("code", line, "[[tags]]", "应为一个表")
        return None
    code = raw.get("code")
    where = f"标签 {code}" if isinstance(code, str) else "[[tags]]"
    ok = True
    for key in sorted(set(raw) - _TAG_KEYS):
        problem(key, line, where, f"未知的键 “{key}”")
        ok = False
    if not isinstance(code, str) or not _CODE.match(code):
        problem("code", line, where, f"code 应为小写字母、数字和连字符，实际为 {code!r}")
        ok = False
    elif code in seen:
        problem("code", line, where, f"code “{code}” 重复")
        ok = False
    label = raw.get("label")
    if not isinstance(label, str) or not CJK.search(label):
        problem("label", line, where, f"label 应为中文，实际为 {label!r}")
        ok = False
    label_en = raw.get("label_en")
    if not isinstance(label_en, str) or not label_en.strip():
        problem("label_en", line, where, "label_en 不能为空")
        ok = False
    description = raw.get("description", "")
    if not isinstance(description, str):
        problem("description", line, where, "description 应为文字")
        ok = False
    templates = _codes(raw.get("templates", []), "templates", line, where, problem)
    if not ok:
        return None
    assert isinstance(code, str) and isinstance(label, str) and isinstance(label_en, str)
    return RiskTag(code, label.strip(), label_en.strip(), str(description).strip(), templates)
