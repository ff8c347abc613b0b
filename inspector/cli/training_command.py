"""`inspector training add CODE --kind K --topic T --headcount N [--date D] [--photo F]...` and
`inspector training list [--year Y] [--town T] [--kind K] [--json]` and `inspector training remove
ID`: 开工第一课 and team-leader training records (their totals are in `inspector stats`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector.core.errors import DomainError
from inspector.core.training import Training, TrainingKind

from .common import open_workspace, parse_day, print_json

KINDS = "、".join(f"{kind.label}（{kind.value}）" for kind in TrainingKind)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("training", help="开工第一课与班组长培训记录 safety training records")
    sub = parser.add_subparsers(dest="training_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="记录一次培训 record a training")
    add.add_argument("code", metavar="CODE", help="企业的统一社会信用代码")
    add.add_argument("--kind", required=True, metavar="K", help=f"类型：{KINDS}")
    add.add_argument("--topic", required=True, metavar="T", help="主题")
    add.add_argument("--headcount", required=True, type=int, metavar="N", help="参加人数")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认今天）")
    add.add_argument("--by", default="", metavar="NAME", help="记录人")
    add.add_argument("--note", default="", metavar="TEXT", help="备注")
    add.add_argument("--photo", action="append", type=Path, default=[], metavar="FILE", help="现场照片（可重复）")
    add.set_defaults(run=run_add)

    listing = sub.add_parser("list", help="列出一年的培训记录 list a year's trainings")
    listing.add_argument("--year", type=int, help="年份（默认今年）")
    listing.add_argument("--town", metavar="T", help="只列出该镇街道的企业")
    listing.add_argument("--kind", metavar="K", help=f"只列出一种：{KINDS}")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(run=run_list)

    remove = sub.add_parser("remove", help="删除误录的培训记录（编号见 list --json） delete a record")
    remove.add_argument("id", metavar="ID", help="培训记录编号")
    remove.set_defaults(run=run_remove)


def run_add(args: argparse.Namespace) -> int:
    kind = TrainingKind.parse(args.kind)
    with open_workspace(args) as workspace:
        enterprise = workspace.enterprises.by_credit_code(args.code)
        if enterprise is None or enterprise.id is None:
            raise DomainError(f"名册中没有统一社会信用代码为 {args.code} 的企业")
        held_on = parse_day(args.date, "--date ") or workspace.today()
        photos = [workspace.photos.import_file(path) for path in args.photo]
        training = Training(enterprise.id, kind, held_on, args.topic, args.headcount, args.by, args.note)
        workspace.trainings.record(training, photos)
    print(f"已记录 {enterprise.name} {held_on.isoformat()} {kind.label}：{args.headcount} 人，照片 {len(photos)} 张")
    return 0


def run_list(args: argparse.Namespace) -> int:
    kind = TrainingKind.parse(args.kind) if args.kind else None
    with open_workspace(args) as workspace:
        year = workspace.year(args.year)
        lines = workspace.trainings.of_year(year, args.town or None, kind)
    if args.json:
        print_json(
            [
                {
                    "id": line.training.id,
                    "held_on": line.training.held_on.isoformat(),
                    "enterprise": line.enterprise_name,
                    "town": line.town,
                    "kind": line.training.kind.value,
                    "topic": line.training.topic,
                    "headcount": line.training.headcount,
                    "photos": len(line.training.photos),
                }
                for line in lines
            ]
        )
        return 0
    if not lines:
        print(f"{year} 年没有培训记录", file=sys.stderr)
        return 0
    for line in lines:
        t = line.training
        print(
            f"{t.held_on.isoformat()}\t{t.kind.label}\t{line.enterprise_name}\t{line.town}\t{t.headcount} 人\t{t.topic}"
        )
    print(f"共 {len(lines)} 次，{sum(line.training.headcount for line in lines)} 人次", file=sys.stderr)
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        training = workspace.trainings.get(args.id)
        workspace.trainings.remove(args.id)
    print(f"已删除 {training.held_on.isoformat()} 的{training.kind.label}记录（{training.headcount} 人）")
    return 0
