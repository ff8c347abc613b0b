"""No message the window can show names a command-line option or command (issue 15).

Every string written in inspector/ outside the CLI can reach the window: widgets' own text and
the messages services, sync and reports raise (the window shows `str(error)`). Each is read from
the source (docstrings excepted), and so is every English translation. A message whose next step
differs at the command line carries that wording as `command_line=` (DomainError), and constants
named *_COMMAND hold the CLI's wording: both are the CLI's, so they are skipped.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import inspector
from inspector.cli.main import build_parser
from inspector.core.errors import DomainError

PACKAGE = Path(inspector.__file__).parent
TRANSLATIONS = PACKAGE.parent / "resources" / "translations"


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)  # type: ignore[arg-type]


OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
COMMAND = re.compile(r"\binspector\s+(?:" + "|".join(map(re.escape, _commands())) + r")\b")


def names_command_line(text: str) -> str | None:
    found = OPTION.search(text) or COMMAND.search(text)
    return found.group(0) if found else None


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _cli_wording(tree: ast.AST) -> set[int]:
    """String nodes that are the command line's own wording (see the module docstring)."""
    ids = set()
    for node in ast.walk(tree):
        held: list[ast.AST] = []
        if (isinstance(node, ast.keyword) and node.arg == "command_line") or (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id.endswith("_COMMAND") for t in node.targets)
        ):
            held = [node.value]
        for value in held:
            ids.update(id(inner) for inner in ast.walk(value))
    return ids


def gui_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _docstrings(tree) | _cli_wording(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
    return found


def test_no_string_the_window_can_show_names_a_command_line_option() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "cli" or relative.name == "__main__.py":
            continue  # the command line's own texts
        for line, text in gui_strings(path):
            named = names_command_line(text)
            if named:
                offenders.append(f"{relative}:{line}: {named} in {text[:60]!r}")
    assert offenders == []


def test_no_english_translation_names_a_command_line_option() -> None:
    offenders = []
    for path in TRANSLATIONS.glob("*.ts"):
        for message in ElementTree.parse(path).iter("message"):
            for element in (message.find("source"), message.find("translation")):
                named = names_command_line(element.text or "") if element is not None else None
                if named:
                    offenders.append(f"{path.name}: {named} in {(element.text or '')[:60]!r}")
    assert offenders == []


def test_the_check_catches_what_it_should(tmp_path: Path) -> None:
    # The test above can fail: these are the messages issue 15 found in the window.
    assert names_command_line("请用 --peer 指定接收方，或用 --all 导出全部") == "--peer"
    assert names_command_line("本机没有签名密钥，请先运行 inspector keys create") == "inspector keys"
    assert names_command_line("缺少第 2–3 号同步包") is None
    assert names_command_line("2026-01-01 -- 2026-02-01") is None
    source = 'raise DomainError("请在设置中创建", command_line="请运行 inspector keys create")\nX = "--all"\n'
    probe = tmp_path / "probe_messages.py"
    probe.write_text(source, encoding="utf-8")
    assert sorted(text for _, text in gui_strings(probe)) == ["--all", "请在设置中创建"]


def test_a_domain_error_says_the_command_line_wording_only_there() -> None:
    error = DomainError("请在 设置 → 发证单位密钥 中创建密钥", command_line="请先运行 inspector keys create")
    assert str(error) == "请在 设置 → 发证单位密钥 中创建密钥"
    assert error.for_command_line() == "请先运行 inspector keys create"
    assert DomainError("只有一种说法").for_command_line() == "只有一种说法"
