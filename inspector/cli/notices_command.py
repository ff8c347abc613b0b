"""`inspector notices …`: a union's letters after they are issued (domain.md §2).

- `notices awaiting`: letters whose written reply has not arrived, with the due date (15 working
  days on the official calendar) and whether it has passed;
- `notices reply NUMBER [--on DAY] [--note TEXT]`: the enterprise's written reply arrived;
- `notices refer NUMBER --signed-by NAME`: a 建议书 to the authority (移送) for a letter whose
  reply is overdue; prints the 建议书's number (print it with `inspector report notice`);
- `notices permit NAME NUMBER`: record an inspector's 监督证 number on the roster.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .common import open_workspace, parse_day, print_json

if TYPE_CHECKING:
    from inspector.services.notices import NoticeView


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("notices", help="文书：书面答复、移送建议书、监督证号 letters, replies, referrals")
    sub = parser.add_subparsers(dest="notices_command", metavar="ACTION", required=True)

    awaiting = sub.add_parser("awaiting", help="列出尚未收到书面答复的监督意见书（含答复期限、是否逾期）")
    awaiting.add_argument("--json", action="store_true", help="以 JSON 输出")
    awaiting.set_defaults(run=run_awaiting)

    reply = sub.add_parser("reply", help="登记企业的书面答复")
    reply.add_argument("number", metavar="NUMBER", help="文书编号（如 PH-2026-3F9A-0007）")
    reply.add_argument("--on", metavar="YYYY-MM-DD", help="收到答复的日期（默认今天）")
    reply.add_argument("--note", default="", metavar="TEXT", help="答复摘要")
    reply.set_defaults(run=run_reply)

    refer = sub.add_parser("refer", help="逾期未书面答复：向行政机关移送建议书，输出建议书编号")
    refer.add_argument("number", metavar="NUMBER", help="监督意见书或整改建议书的编号")
    refer.add_argument("--signed-by", required=True, metavar="NAME", help="签发人（检查人员名单中的姓名）")
    refer.add_argument("--json", action="store_true", help="以 JSON 输出")
    refer.set_defaults(run=run_refer)

    permit = sub.add_parser("permit", help="登记检查人员的监督证号（不在名单中的姓名会加入名单）")
    permit.add_argument("name", metavar="NAME", help="检查人员姓名")
    permit.add_argument("permit_no", metavar="NUMBER", help="监督证号")
    permit.set_defaults(run=run_permit)


def _due_text(notice: NoticeView) -> str:
    due = notice.reply_due
    if due is None:
        return ""
    text = f"答复期限 {due.due.isoformat()}"
    return f"{text}（{due.caveat()}）" if due.assumed else text


def run_awaiting(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        today = workspace.today()
        letters = workspace.notices.awaiting_reply()
        referred = {n.id: workspace.notices.referral_of(n.id) for n in letters}
    if args.json:
        print_json(
            [
                {
                    "number": n.number,
                    "kind": n.kind.value,
                    "enterprise": n.enterprise_name,
                    "issued_on": n.issued_on.isoformat(),
                    "received_on": n.received_on.isoformat() if n.received_on else None,
                    "reply_due": n.reply_due.due.isoformat() if n.reply_due else None,
                    "due_assumed_years": list(n.reply_due.assumed_years) if n.reply_due else [],
                    "overdue": n.reply_overdue(today),
                    "referral": referral.number if (referral := referred[n.id]) else None,
                }
                for n in letters
            ]
        )
        return 0
    if not letters:
        print("没有待书面答复的文书")
        return 0
    for n in letters:
        referral = referred[n.id]
        state = (
            f"已移送（建议书 {referral.number}）" if referral else "逾期未答复" if n.reply_overdue(today) else "待答复"
        )
        print(f"{n.number}\t{n.kind.label}\t{n.enterprise_name}\t{_due_text(n)}\t{state}")
    return 0


def run_reply(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        day = parse_day(args.on, "收到日期") or workspace.today()
        notice = workspace.notices.record_reply(args.number, day, args.note)
    print(f"已登记 {notice.kind.label} {notice.number} 的书面答复（{day.isoformat()} 收到）")
    return 0


def run_refer(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        referral = workspace.notices.refer_unanswered(args.number, signed_by=args.signed_by)
    if args.json:
        print_json({"number": referral.number, "refers_to": referral.refers_to, "addressee": referral.addressee})
    else:
        print(f"已签发建议书 {referral.number}，移送{referral.addressee}（涉及 {len(referral.hazards)} 项隐患）")
    return 0


def run_permit(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        workspace.roster.set_permits({args.name: args.permit_no})
    print(f"已登记 {args.name.strip()} 的监督证号 {args.permit_no.strip()}")
    return 0
