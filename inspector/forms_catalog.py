"""The checklist templates Inspector can offer: shipped forms/ and the user's own forms/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspector.core.checklist import Template
from inspector.core.template_format import TemplateError, load_template_file
from inspector.paths import shipped_forms_dir

DEFAULT_TEMPLATE = "general-manufacturing"


@dataclass(frozen=True)
class FormFile:
    path: Path
    template: Template | None
    error: TemplateError | None


def form_dirs(data_dir: Path) -> list[Path]:
    return [shipped_forms_dir(), data_dir / "forms"]


def discover(dirs: list[Path]) -> list[FormFile]:
    found: list[FormFile] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                found.append(FormFile(path, load_template_file(path), None))
            except TemplateError as error:
                found.append(FormFile(path, None, error))
    return found


def newest(dirs: list[Path], code: str = DEFAULT_TEMPLATE) -> FormFile:
    """The highest valid version of a template code."""
    candidates = [f for f in discover(dirs) if f.template is not None and f.template.code == code]
    if not candidates:
        raise TemplateError(code, [])
    return max(candidates, key=lambda f: f.template.version if f.template else 0)
