"""The layering rule, checked on the source: core imports neither Qt nor SQLAlchemy, and nothing
outside inspector/ui imports Qt. (import-linter checks the same in scripts/run-tests.sh.)"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "inspector"
QT = {"PySide6", "shiboken6"}
ORM = {"sqlalchemy", "alembic"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def sources(exclude: str | None = None) -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    return [f for f in files if not (exclude and f.relative_to(PACKAGE).parts[0] == exclude)]


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_imports_no_qt_and_no_orm(path: Path) -> None:
    assert not imported_roots(path) & (QT | ORM), f"{path} imports {imported_roots(path) & (QT | ORM)}"


def test_nothing_outside_ui_imports_qt() -> None:
    offenders = {str(p.relative_to(PACKAGE)): imported_roots(p) & QT for p in sources(exclude="ui")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n")
    assert imported_roots(sample) == {"PySide6", "sqlalchemy"}


def test_widgets_reach_data_through_the_workspace_not_its_database() -> None:
    """import-linter forbids inspector.ui to import inspector.db; this catches the attribute route
    (`workspace.db`), which hands a widget the engine all the same."""
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in sorted((PACKAGE / "ui").rglob("*.py"))
        if re.search(r"\bworkspace\.db\b", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
