"""What the forms/ folders hold: the checklist templates Inspector can offer, and the major-hazard
clause library they cite. Both the shipped forms/ and the user's own data-folder forms/ count.

The clause library is the file named `major-hazard-clauses.toml` in either folder; an office's
own file adds cases (for example GB 35181's) to the shipped one and may not reuse its ids.
The risk-tag list (`risk-tags.toml`, inspector/core/risk_tags.py) says which templates fit an
enterprise's tags; the data folder's file, when there is one, replaces the shipped one.
Templates are every other `*.toml`, checked against the library: a template that cites an
unknown clause, or makes an item a veto item without citing the case it checks, is listed as
invalid with its reasons and is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspector.core.checklist import Template
from inspector.core.form_files import FileProblem
from inspector.core.major_hazard_clauses import (
    EMPTY_LIBRARY,
    ClauseLibrary,
    ClauseLibraryError,
    load_clause_library_file,
)
from inspector.core.risk_tags import TAGS_FILE, RiskTagCatalog, RiskTagsError, load_risk_tags_file
from inspector.core.template_format import TemplateError, load_template_file
from inspector.paths import shipped_forms_dir

DEFAULT_TEMPLATE = "general-manufacturing"
CLAUSES_FILE = "major-hazard-clauses.toml"


@dataclass(frozen=True)
class FormFile:
    path: Path
    template: Template | None
    error: TemplateError | None


def form_dirs(data_dir: Path) -> list[Path]:
    return [shipped_forms_dir(), data_dir / "forms"]


def clause_library(dirs: list[Path]) -> ClauseLibrary:
    """The clause library of these folders, merged in order; ClauseLibraryError if a file is
    invalid or an office's file reuses an id of the shipped one."""
    library = EMPTY_LIBRARY
    for folder in dirs:
        path = folder / CLAUSES_FILE
        if not path.is_file():
            continue
        found = load_clause_library_file(path)
        clashes = library.clashes(found)
        if clashes:
            named = "、".join(clashes[:5]) + (f" 等 {len(clashes)} 个" if len(clashes) > 5 else "")
            problem = FileProblem(None, "", f"编号已在前面的条款库中使用：{named}")
            raise ClauseLibraryError(str(path), [problem])
        library = library.merged(found)
    return library


def discover(dirs: list[Path]) -> list[FormFile]:
    """Every template file of these folders, each valid (checked against the clause library) or
    with the problems that make it invalid. An invalid clause library makes every template that
    cites a clause invalid, with the library's own message."""
    try:
        library: ClauseLibrary | None = clause_library(dirs)
        library_error: ClauseLibraryError | None = None
    except ClauseLibraryError as error:
        library, library_error = None, error
    found: list[FormFile] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            if path.name in (CLAUSES_FILE, TAGS_FILE):
                continue
            try:
                if library_error is not None and any(item.clauses for item in load_template_file(path).items):
                    raise TemplateError(str(path), library_error.problems)
                found.append(FormFile(path, load_template_file(path, library or EMPTY_LIBRARY), None))
            except TemplateError as error:
                found.append(FormFile(path, None, error))
    return found


def newest(dirs: list[Path], code: str = DEFAULT_TEMPLATE) -> FormFile:
    """The highest valid version of a template code."""
    candidates = [f for f in discover(dirs) if f.template is not None and f.template.code == code]
    if not candidates:
        raise TemplateError(code, [])
    return max(candidates, key=lambda f: f.template.version if f.template else 0)


def risk_tag_catalog(dirs: list[Path]) -> RiskTagCatalog:
    """The risk-tag list: the last folder's `risk-tags.toml` (the office's own replaces the shipped
    one); RiskTagsError if that file is invalid."""
    files = [folder / TAGS_FILE for folder in dirs if (folder / TAGS_FILE).is_file()]
    if not files:
        raise RiskTagsError(TAGS_FILE, [FileProblem(None, "", "找不到风险标签文件")])
    return load_risk_tags_file(files[-1])


def unknown_templates(catalog: RiskTagCatalog, dirs: list[Path]) -> list[str]:
    """Template codes the risk-tag list names that no valid template of these folders has."""
    available = {form.template.code for form in discover(dirs) if form.template is not None}
    return sorted(catalog.template_codes() - available)
