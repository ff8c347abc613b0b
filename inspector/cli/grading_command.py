"""`inspector grading propose|issue|lights`: the annual grading round and quarterly lights.

`propose` ends with the distribution of the proposed grades and the rules that set them;
`propose --rules FILE` also regrades the same inspections with another rule set (a template's
[grading] or a small TOML of grading numbers) and shows what would change, before anything is issued.
"""

from __future__ import annotations

import argparse
import csv
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.core.errors import DomainError
from inspector.core.form_files import read_form_file
from inspector.core.grades import PENDING
from inspector.core.rates import format_percent, percent
from inspector.core.template_format import GradingRulesError, load_grading_rules

from .common import open_workspace, print_json, progress_bar

if TYPE_CHECKING:
    from inspector.services.grading_round import Proposal

GRADES = ("A", "B", "C", "D", PENDING)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("grading", help="年度分级亮牌：评级建议、发牌、季度亮灯 annual grading")
    sub = parser.add_subparsers(dest="grading_command", metavar="ACTION", required=True)

    propose = sub.add_parser("propose", help="生成年度评级建议（不写入数据库）")
    propose.add_argument("--year", type=int, help="年度（默认今年）")
    propose.add_argument("--json", action="store_true", help="以 JSON 输出，每家企业一条")
    _file_option(propose, "--xlsx", "同时导出为 .xlsx")
    _file_option(
        propose,
        "--rules",
        "假设规则：用另一套评分规则（模板的 [grading] 或只写要改的数的 .toml）重评同样的检查，看结果有何不同",
    )
    propose.add_argument("--quiet", action="store_true", help="不显示进度")
    propose.set_defaults(run=run_propose)

    issue = sub.add_parser("issue", help="按评级建议发牌（可用调整名单改动个别企业）")
    issue.add_argument("--year", type=int, help="年度（默认今年）")
    _file_option(
        issue,
        "--overrides",
        "调整名单 .csv（列：企业 或 统一社会信用代码、等级、理由）或 .json（[{enterprise, grade, reason}]）",
    )
    issue.add_argument("--by", default="", help="发牌人（默认：设置中的发证单位）")
    issue.add_argument("--reissue", action="store_true", help="本年度已发牌的企业重新发牌（原牌匾保留，标为已作废）")
    issue.add_argument("--quiet", action="store_true", help="不显示进度")
    issue.set_defaults(run=run_issue)

    lights = sub.add_parser("lights", help="重新计算某季度的亮灯")
    lights.add_argument("--quarter", required=True, help="季度，如 2026Q3")
    lights.add_argument("--quiet", action="store_true", help="不显示进度")
    lights.set_defaults(run=run_lights)


def _file_option(parser: argparse.ArgumentParser, name: str, help_text: str) -> None:
    parser.add_argument(name, type=Path, metavar="FILE", help=help_text)


def _pad(text: str, width: int) -> str:
    """Left-align in a terminal where Chinese characters take two columns."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 1)


def run_propose(args: argparse.Namespace) -> int:
    from inspector.services.grading_round import grade_label

    what_if_rules = _read_rules(args.rules) if args.rules else None
    what_if: list[Proposal] | None = None
    with open_workspace(args) as workspace:
        year = workspace.year(args.year)
        proposals = workspace.grading_round.propose(year, progress_bar("评级中", args.quiet))
        if what_if_rules is not None:
            what_if = workspace.grading_round.propose(
                year, progress_bar("假设规则重评", args.quiet), rules=what_if_rules
            )
        if args.xlsx:
            from inspector.exporting.grading_export import export_proposals

            export_proposals(proposals, args.xlsx, year)
    if args.json:
        rows = [p.as_dict() for p in proposals]
        for row, other in zip(rows, what_if or (), strict=False):
            row["what_if_grade"], row["what_if_reasons"] = other.proposed_grade, list(other.reasons)
        print_json(rows)
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
    counts = _grade_counts(proposals)
    print("  合计：" + "  ".join(f"{grade_label(g)} {counts[g]}" for g in GRADES))
    _print_summary("现行规则", proposals)
    if what_if is not None:
        _print_summary(f"假设规则（{args.rules}）", what_if)
        _print_changes(proposals, what_if)
    if args.xlsx:
        print(f"已导出到 {args.xlsx}")
    return 0


def _read_rules(path: Path) -> dict[str, Any]:
    return load_grading_rules(read_form_file(path, GradingRulesError), str(path))


def _grade_counts(proposals: Sequence[Proposal]) -> dict[str, int]:
    counts = dict.fromkeys(GRADES, 0)
    for p in proposals:
        counts[p.proposed_grade] += 1
    return counts


def _print_summary(title: str, proposals: Sequence[Proposal]) -> None:
    """The distribution of grades (shares of the graded, truncated like every rate) and how many
    enterprises each rule decided."""
    from inspector.services.grading_round import FIRED_LABELS, grade_label

    counts = _grade_counts(proposals)
    graded = len(proposals) - counts[PENDING]
    shares = "  ".join(f"{grade_label(g)} {counts[g]}（{format_percent(percent(counts[g], graded))}）" for g in "ABCD")
    print(f"{title}：{shares}  {grade_label(PENDING)} {counts[PENDING]}")
    fired: dict[str, int] = {}
    for p in proposals:
        for rule in dict.fromkeys(p.fired):
            fired[rule] = fired.get(rule, 0) + 1
    if fired:
        order = list(FIRED_LABELS)
        ranked = sorted(fired.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
        parts = [f"{FIRED_LABELS.get(rule, '其他')} {count}" for rule, count in ranked]
        print("  决定等级的规则（家）：" + "；".join(parts))


def _print_changes(current: Sequence[Proposal], what_if: Sequence[Proposal]) -> None:
    from inspector.services.grading_round import change_of, grade_label

    changed = [(a, b) for a, b in zip(current, what_if, strict=True) if a.proposed_grade != b.proposed_grade]
    moves = [change_of(b.proposed_grade, a.proposed_grade) for a, b in changed]
    print(f"  与现行规则相比：升级 {moves.count('up')} 家，降级 {moves.count('down')} 家，其余不变")
    for a, b in changed:
        reason = b.reasons[0] if b.reasons else ""
        print(f"    {_pad(a.name, 40)}{grade_label(a.proposed_grade)} → {grade_label(b.proposed_grade)}  {reason}")


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
    with open_workspace(args) as workspace:
        year = workspace.year(args.year)
        proposals = workspace.grading_round.propose(year, progress_bar("评级中", args.quiet))
        decisions = decisions_from(proposals, overrides)
        by = args.by.strip() or workspace.settings.office_name
        result = workspace.grading_round.issue(year, decisions, by, reissue=args.reissue)
    span = f"（编号 {result.serials[0]} 至 {result.serials[-1]}）" if result.serials else ""
    print(
        f"{year} 年度已发牌 {result.issued} 块{span}，其中人工调整 {result.overridden} 块；"
        f"待评未发牌 {result.pending} 家"
    )
    return 0


def run_lights(args: argparse.Namespace) -> int:
    from inspector.core.grades import Light

    with open_workspace(args) as workspace:
        result = workspace.grading_round.recompute_lights(args.quarter, progress_bar("计算中", args.quiet))
    counts = "  ".join(f"{Light(k).label} {v}" for k, v in result.counts.items())
    print(f"{result.quarter} 季度亮灯：{counts}（变更 {result.changed} 条）")
    return 0
