"""`inspector enterprises import FILE [--dry-run]`, `list [--search T] [--town T] [--tag TAG]`,
`show CODE`, `set CODE [--tags T] [--headcount N] [--above-scale yes|no]` and `tags` (the risk-tag
list with the templates each tag calls for)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from inspector.core.enterprise import Enterprise, parse_above_scale, parse_headcount
from inspector.core.errors import DomainError

from .common import open_workspace, print_json

DEFAULT_LIMIT = 50


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("enterprises", help="企业名册：导入与查询 the enterprise register")
    sub = parser.add_subparsers(dest="enterprises_command", metavar="ACTION", required=True)

    importing = sub.add_parser(
        "import",
        help="从 Excel（.xlsx）或 CSV 导入企业名单，有任何问题则一家也不导入 import a list, all or nothing",
    )
    importing.add_argument("file", metavar="FILE", help=".xlsx 或 .csv 文件")
    importing.add_argument("--dry-run", action="store_true", help="只检查，不写入 check only, write nothing")
    importing.set_defaults(run=run_import)

    listing = sub.add_parser("list", help="列出企业（名称、统一社会信用代码、镇街道） list enterprises")
    listing.add_argument("--search", default="", metavar="TEXT", help="按名称、信用代码或地址查找")
    listing.add_argument("--town", metavar="T", help="只列出该镇街道的企业")
    listing.add_argument("--tag", metavar="TAG", help="只列出带该风险标签的企业（如 涉粉、有限空间）")
    listing.add_argument(
        "--limit", type=_positive_int, default=DEFAULT_LIMIT, metavar="N", help=f"最多列出 N 家（默认 {DEFAULT_LIMIT}）"
    )
    listing.set_defaults(run=run_list)

    show = sub.add_parser("show", help="一家企业的登记信息、风险标签与建议检查表 one enterprise")
    show.add_argument("code", metavar="CODE", help="统一社会信用代码")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(run=run_show)

    setting = sub.add_parser("set", help="修改风险标签、从业人数、是否规上 set tags, headcount, above-scale")
    setting.add_argument("code", metavar="CODE", help="统一社会信用代码")
    setting.add_argument("--tags", metavar="T", help="风险标签，用顿号或逗号分隔（如 “涉粉、有限空间”）；空字符串清除")
    setting.add_argument("--headcount", metavar="N", help="从业人数；空字符串表示未填")
    setting.add_argument("--above-scale", metavar="YES|NO", help="是否规上：是 / 否；空字符串表示未填")
    setting.set_defaults(run=run_set)

    tags = sub.add_parser("tags", help="可用的风险标签及其对应的检查表 the risk tags")
    tags.set_defaults(run=run_tags)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，而不是“{text}”")
    return value


def run_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        # ImportFileError / ImportRejected are DomainErrors: main() prints them to stderr, exit 1.
        from inspector.importing.enterprise_import import import_enterprises  # openpyxl only when importing

        summary = import_enterprises(workspace, Path(args.file), dry_run=args.dry_run)
    if summary.written:
        print(f"已导入 {summary.count} 家企业")
    else:
        print(f"检查通过：{summary.count} 家企业可以导入（未写入）")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        catalog = workspace.risk_tags()
        tag = catalog.parse(args.tag) if args.tag else ()
        if args.tag and len(tag) != 1:
            raise DomainError(f"--tag 只能给一个风险标签，收到的是 “{args.tag}”")
        ids = workspace.enterprises.search_ids(args.search, args.town or None, tag[0] if tag else None)
        enterprises = workspace.enterprises.get_many(ids[: args.limit])
    if not ids:
        print("没有找到企业", file=sys.stderr)
        return 0
    for enterprise in enterprises:
        tags = catalog.labels(enterprise.risk_tags)
        print(f"{enterprise.name}\t{enterprise.credit_code}\t{enterprise.town}" + (f"\t{tags}" if tags else ""))
    if len(ids) > len(enterprises):
        # On stderr, so that piping the list elsewhere gets only the rows.
        print(f"…共 {len(ids)} 家，只列出前 {len(enterprises)} 家（用 --limit 调整）", file=sys.stderr)
    return 0


def _by_code(workspace: Any, code: str) -> Enterprise:
    enterprise = workspace.enterprises.by_credit_code(code)
    if enterprise is None:
        raise DomainError(f"名册中没有统一社会信用代码为 {code} 的企业")
    return enterprise


def _scale_text(above_scale: bool | None) -> str:
    return "未填" if above_scale is None else "规上" if above_scale else "规下"


def run_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        enterprise = _by_code(workspace, args.code)
        catalog = workspace.risk_tags()
        assert enterprise.id is not None
        proposals = workspace.template_proposals(enterprise.id)
        trainings = workspace.trainings.of_enterprise(enterprise.id)
    if args.json:
        print_json(
            {
                "name": enterprise.name,
                "credit_code": enterprise.credit_code,
                "town": enterprise.town,
                "risk_tags": list(enterprise.risk_tags),
                "headcount": enterprise.headcount,
                "above_scale": enterprise.above_scale,
                "templates": [p.code for p in proposals],
                "trainings": len(trainings),
            }
        )
        return 0
    print(enterprise.name)
    print(f"  统一社会信用代码  {enterprise.credit_code}")
    print(f"  镇街道            {enterprise.town}")
    print(f"  风险标签          {catalog.labels(enterprise.risk_tags) or '无'}")
    headcount = "未填" if enterprise.headcount is None else f"{enterprise.headcount} 人"
    print(f"  从业人数          {headcount}")
    print(f"  规上              {_scale_text(enterprise.above_scale)}")
    shown = [p.code + (f"（{catalog.labels(p.because)}）" if p.because else "") for p in proposals]
    print(f"  建议检查表        {'；'.join(shown) or '无'}")
    print(f"  培训记录          {len(trainings)} 次")
    return 0


def run_set(args: argparse.Namespace) -> int:
    if args.tags is None and args.headcount is None and args.above_scale is None:
        raise DomainError("请至少给出 --tags、--headcount 或 --above-scale 中的一项")
    with open_workspace(args) as workspace:
        enterprise = _by_code(workspace, args.code)
        changes: dict[str, Any] = {}
        if args.tags is not None:
            changes["risk_tags"] = workspace.risk_tags().parse(args.tags)
        if args.headcount is not None:
            changes["headcount"] = parse_headcount(args.headcount)
        if args.above_scale is not None:
            changes["above_scale"] = parse_above_scale(args.above_scale)
        workspace.enterprises.update(replace(enterprise, **changes))
        saved = workspace.enterprises.get(enterprise.id or "")
        tags = workspace.risk_tags().labels(saved.risk_tags) or "无"
    headcount = "未填" if saved.headcount is None else f"{saved.headcount} 人"
    print(f"已保存 {saved.name}：风险标签 {tags}；从业人数 {headcount}；{_scale_text(saved.above_scale)}")
    return 0


def run_tags(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        catalog = workspace.risk_tags()
    above, below, unknown = (
        "、".join(codes) or "无" for codes in (catalog.above_scale, catalog.below_scale, catalog.unknown_scale)
    )
    print(f"基础检查表：规上 {above}；规下 {below}；未填 {unknown}")
    for tag in catalog.tags:
        templates = "、".join(tag.templates) or "（只用基础检查表）"
        print(f"{tag.label}\t{tag.code}\t{tag.label_en}\t{templates}")
    return 0
