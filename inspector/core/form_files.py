"""What the data files in forms/ share: TOML read with line numbers, and errors that list every problem.

A safety office edits these files by hand, so a reader reports every problem it finds (not just
the first), each with the file, the line and the place (an item code, a section, a clause), so
that the whole file can be fixed in one pass.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DomainError

CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class FileProblem:
    line: int | None
    where: str  # "项 A-3", "分区 A", "[grading]", "条款 MEM10-11-3", or "" for the file as a whole
    message: str

    def format(self, source: str) -> str:
        place = f"{source}:{self.line}" if self.line else source
        where = f" {self.where}" if self.where else ""
        return f"{place}:{where} {self.message}"


class FormFileError(DomainError):
    """A file in forms/ breaks its format; `problems` lists every finding."""

    kind = "文件"

    def __init__(self, source: str, problems: list[FileProblem]) -> None:
        self.source = source
        self.problems = problems
        lines = [problem.format(source) for problem in problems]
        super().__init__(f"{self.kind}无效（{len(problems)} 处问题）：\n" + "\n".join(lines))


class SourceLines:
    """Finds the line a key or code was written on, for problems that name their line."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line_of(self, pattern: str, start: int = 0) -> int | None:
        regex = re.compile(pattern)
        for number, line in enumerate(self.lines[start:], start=start + 1):
            if regex.search(line):
                return number
        return None

    def key_line(self, key: str, after: int | None) -> int | None:
        """The line of `key = …` at or after the line where its table starts."""
        start = (after or 1) - 1
        return self.line_of(r"^\s*" + re.escape(key) + r"\s*=", start) or after


def parse_toml(text: str, source: str, error: type[FormFileError]) -> dict[str, Any]:
    """The TOML document, or `error` naming the line of the syntax error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as failure:
        match = re.search(r"line (\d+)", str(failure))
        line = int(match.group(1)) if match else None
        raise error(source, [FileProblem(line, "", f"TOML 语法错误：{failure}")]) from None


def read_form_file(path: Path, error: type[FormFileError]) -> str:
    """The text of a UTF-8 file, or `error` saying in one sentence why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(str(path), [FileProblem(None, "", "文件不存在")]) from None
    except UnicodeDecodeError:
        raise error(str(path), [FileProblem(None, "", "不是 UTF-8 编码的文本文件")]) from None
    except OSError as failure:
        raise error(str(path), [FileProblem(None, "", f"无法读取：{failure.strerror}")]) from None
