"""`inspector forms validate PATH...` and `inspector forms list`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector.core.template_format import TemplateError, load_template_file
from inspector.forms_catalog import discover, form_dirs

from .common import data_folder


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("forms", help="检查表模板 checklist templates")
    sub = parser.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    validate = sub.add_parser("validate", help="校验模板文件 validate template files")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(run=run_validate)
    listing = sub.add_parser("list", help="列出可用模板 list templates")
    listing.set_defaults(run=run_list)


def run_validate(args: argparse.Namespace) -> int:
    failed = 0
    for raw in args.paths:
        try:
            template = load_template_file(Path(raw))
        except TemplateError as error:
            failed += 1
            print(str(error), file=sys.stderr)
            continue
        veto = sum(item.veto for item in template.items)
        key = sum(item.key for item in template.items)
        print(
            f"{raw}: 有效 valid — {template.key}《{template.title}》"
            f"{len(template.sections)} 个分区，{len(template.items)} 项（否决项 {veto}，关键项 {key}）"
        )
    return 1 if failed else 0


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
