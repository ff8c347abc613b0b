"""`inspector grading propose|issue|lights`: the annual grading round and quarterly lights."""

from __future__ import annotations

import argparse
import csv
import json
import unicodedata
from pathlib import Path

from inspector.core.errors import DomainError

from .common import open_workspace, print_json, progress_bar


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("grading", help="年度分级亮牌：评级建议、发牌、季度亮灯 annual grading")
    sub = parser.add_subparsers(dest="grading_command", metavar="ACTION", required=True)

    propose = sub.add_parser("propose", help="生成年度评级建议（不写入数据库）")
    propose.add_argument("--year", type=int, help="年度（默认今年）")
    propose.add_argument("--json", action="store_true", help="以 JSON 输出，每家企业一条")
    propose.add_argument("--xlsx", type=Path, metavar="FILE", help="同时导出为 .xlsx")
    propose.add_argument("--quiet", action="store_true", help="不显示进度")
    propose.set_defaults(run=run_propose)

    issue = sub.add_parser("issue", help="按评级建议发牌（可用调整名单改动个别企业）")
    issue.add_argument("--year", type=int, help="年度（默认今年）")
    issue.add_argument(
        "--overrides",
        type=Path,
        metavar="FILE",
        help="调整名单 .csv（列：企业 或 统一社会信用代码、等级、理由）或 .json（[{enterprise, grade, reason}]）",
    )
    issue.add_argument("--by", default="", help="发牌人（默认：设置中的发证单位）")
    issue.add_argument("--reissue", action="store_true", help="本年度已发牌的企业重新发牌（原牌匾保留，标为已作废）")
    issue.add_argument("--quiet", action="store_true", help="不显示进度")
    issue.set_defaults(run=run_issue)

    lights = sub.add_parser("lights", help="重新计算某季度的亮灯")
    lights.add_argument("--quarter", required=True, help="季度，如 2026Q3")
    lights.add_argument("--quiet", action="store_true", help="不显示进度")
    lights.set_defaults(run=run_lights)


def _pad(text: str, width: int) -> str:
    """Left-align in a terminal where Chinese characters take two columns."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 1)


def run_propose(args: argparse.Namespace) -> int:
    from inspector.services.grading_round import grade_label

    workspace = open_workspace(args)
    try:
        year = args.year or workspace.today().year
        proposals = workspace.grading_round.propose(year, progress_bar("评级中", args.quiet))
        if args.xlsx:
            from inspector.exporting.grading_export import export_proposals

            export_proposals(proposals, args.xlsx, year)
    finally:
        workspace.close()
    if args.json:
        print_json([p.as_dict() for p in proposals])
        return 0
    print(f"{year} 年度评级建议（{len(proposals)} 家企业）")
    head = _pad("企业名称", 40) + _pad("统一社会信用代码", 20) + _pad("建议", 6)
    print(f"  {head}{'得分':>4}  {_pad('上年', 6)}{_pad('变化', 6)}理由")
    for p in proposals:
        score = "—" if p.score is None else f"{p.score:g}"
        last = grade_label(p.last_year_grade) if p.last_year_grade else "—"
        reason = p.reasons[0] if p.reasons else ""
        print(
            f"  {_pad(p.name, 40)}{_pad(p.credit_code, 20)}{_pad(grade_label(p.proposed_grade), 6)}{score:>6}  "
            f"{_pad(last, 6)}{_pad(p.change_label, 6)}{reason}"
        )
    counts: dict[str, int] = {}
    for p in proposals:
        counts[p.proposed_grade] = counts.get(p.proposed_grade, 0) + 1
    print("  合计：" + "  ".join(f"{grade_label(g)} {counts.get(g, 0)}" for g in ("A", "B", "C", "D", "pending")))
    if args.xlsx:
        print(f"已导出到 {args.xlsx}")
    return 0


def read_overrides(path: Path) -> dict[str, tuple[str, str]]:
    """Enterprise id or credit code → (grade, reason), from .csv or .json."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DomainError(f"无法读取调整名单 {path}：{error.strerror}") from None
    rows: list[dict[str, str]]
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as error:
            raise DomainError(f"调整名单 {path} 不是有效的 JSON：{error}") from None
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise DomainError(f'调整名单 {path} 应为列表：[{{"enterprise": …, "grade": …, "reason": …}}]')
        rows = [{str(k): str(v) for k, v in item.items()} for item in data]
    elif path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
    else:
        raise DomainError(f"调整名单应为 .csv 或 .json 文件，而不是 “{path.name}”")
    aliases = {
        "enterprise": ("enterprise", "id", "credit_code", "企业", "企业编号", "统一社会信用代码"),
        "grade": ("grade", "等级"),
        "reason": ("reason", "理由", "调整理由"),
    }
    out: dict[str, tuple[str, str]] = {}
    for number, row in enumerate(rows, start=2 if path.suffix.lower() == ".csv" else 1):
        values = {
            key: next((row[n].strip() for n in names if row.get(n) not in (None, "")), "")
            for key, names in aliases.items()
        }
        if not values["enterprise"] or not values["grade"]:
            raise DomainError(f"调整名单第 {number} 行缺少企业或等级")
        out[values["enterprise"]] = (values["grade"], values["reason"])
    return out


def run_issue(args: argparse.Namespace) -> int:
    from inspector.services.grading_round import decisions_from

    overrides = read_overrides(args.overrides) if args.overrides else {}
    workspace = open_workspace(args)
    try:
        year = args.year or workspace.today().year
        proposals = workspace.grading_round.propose(year, progress_bar("评级中", args.quiet))
        decisions = decisions_from(proposals, overrides)
        by = args.by.strip() or workspace.settings.office_name
        result = workspace.grading_round.issue(year, decisions, by, reissue=args.reissue)
    finally:
        workspace.close()
    span = f"（编号 {result.serials[0]} 至 {result.serials[-1]}）" if result.serials else ""
    print(
        f"{year} 年度已发牌 {result.issued} 块{span}，其中人工调整 {result.overridden} 块；"
        f"待评未发牌 {result.pending} 家"
    )
    return 0


def run_lights(args: argparse.Namespace) -> int:
    from inspector.core.grades import Light

    workspace = open_workspace(args)
    try:
        result = workspace.grading_round.recompute_lights(args.quarter, progress_bar("计算中", args.quiet))
    finally:
        workspace.close()
    counts = "  ".join(f"{Light(k).label} {v}" for k, v in result.counts.items())
    print(f"{result.quarter} 季度亮灯：{counts}（变更 {result.changed} 条）")
    return 0
