"""`inspector forms validate PATH...` and `inspector forms list`.

`validate` takes templates, the clause library (a file with kind = "major-hazard-clauses") and the
risk-tag list (kind = "risk-tags", whose template codes must exist) alike. Templates are checked
against the clause library of the forms folders (shipped and the data folder's), the same check
that decides which templates Inspector offers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector.core.form_files import FileProblem, FormFileError, read_form_file
from inspector.core.major_hazard_clauses import ClauseLibrary, is_clause_library, load_clause_library
from inspector.core.risk_tags import RiskTagCatalog, RiskTagsError, is_risk_tags, load_risk_tags
from inspector.core.template_format import TemplateError, load_template
from inspector.forms_catalog import clause_library, discover, form_dirs, unknown_templates

from .common import data_folder


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("forms", help="检查表模板与重大事故隐患条款库 checklist templates")
    sub = parser.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    validate = sub.add_parser("validate", help="校验模板或条款库文件 validate template or clause files")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(run=run_validate)
    listing = sub.add_parser("list", help="列出可用模板 list templates")
    listing.set_defaults(run=run_list)


def run_validate(args: argparse.Namespace) -> int:
    library: ClauseLibrary | None = None
    library_error: FormFileError | None = None
    try:
        library = clause_library(form_dirs(data_folder(args)))
    except FormFileError as error:
        library_error = error
    failed = 0
    for raw in args.paths:
        try:
            text = read_form_file(Path(raw), TemplateError)
            if is_clause_library(text):
                print(_library_line(raw, load_clause_library(text, raw)))
                continue
            if is_risk_tags(text):
                print(_tags_line(raw, load_risk_tags(text, raw), form_dirs(data_folder(args))))
                continue
            if library_error is not None:
                print(f"{raw}: 无法校验：条款库无效", file=sys.stderr)
                raise library_error
            print(_template_line(raw, text, library))
        except FormFileError as error:
            failed += 1
            print(str(error), file=sys.stderr)
    return 1 if failed else 0


def _library_line(raw: str, library: ClauseLibrary) -> str:
    standards = "、".join(f"{s.code}{s.name}" for s in library.standards)
    return f"{raw}: 有效 valid — 重大事故隐患条款库，{len(library.clauses)} 种情形（{standards}）"


def _tags_line(raw: str, catalog: RiskTagCatalog, dirs: list[Path]) -> str:
    missing = unknown_templates(catalog, dirs)
    if missing:
        problem = FileProblem(None, "", f"没有这些检查表模板：{'、'.join(missing)}")
        raise RiskTagsError(raw, [problem])
    return f"{raw}: 有效 valid — 风险标签 {len(catalog.tags)} 个（{catalog.labels(catalog.codes())}）"


def _template_line(raw: str, text: str, library: ClauseLibrary | None) -> str:
    template = load_template(text, raw, library)
    veto = [item for item in template.items if item.veto]
    key = sum(item.key for item in template.items)
    cited = sorted({c for item in template.items for c in item.clauses})
    line = (
        f"{raw}: 有效 valid — {template.key}《{template.title}》"
        f"{len(template.sections)} 个分区，{len(template.items)} 项（否决项 {len(veto)}，关键项 {key}），"
        f"引用重大事故隐患条款 {len(cited)} 条"
    )
    if veto:
        line += "\n  否决项：" + "；".join(f"{item.code}（{'、'.join(item.clauses)}）" for item in veto)
    return line


def run_list(args: argparse.Namespace) -> int:
    forms = discover(form_dirs(data_folder(args)))
    if not forms:
        print("没有找到模板", file=sys.stderr)
        return 1
    for form in forms:
        if form.template is None:
            count = len(form.error.problems) if form.error else 0
            print(f"{form.path}  无效（{count} 处问题，运行 inspector forms validate 查看）")
        else:
            t = form.template
            print(f"{t.code}  v{t.version}  {t.title}  {len(t.items)} 项  {form.path}")
    return 0
