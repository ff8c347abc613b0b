"""`inspector verify PAYLOAD`: check a scanned plaque QR code offline. Exit 0 only when valid.

PAYLOAD is what the code holds: the bare payload, or the office's verification address with the
payload after its "#" (plaque_signing.payload_of_scan)."""

from __future__ import annotations

import argparse

from .common import open_workspace, print_json

EXIT_NOT_VALID = 1


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "verify",
        help="验证亮牌二维码：有效、伪造、已过期或已被取代 verify a plaque QR payload",
    )
    parser.add_argument(
        "payload", help="二维码内容：以 I2.（或旧版 INSP1.）开头的内容，或含验证地址的完整网址（…#I2.…）"
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from inspector.reports.plaque_signing import verify_payload

    with open_workspace(args) as workspace:
        result = verify_payload(workspace, args.payload)
    if args.json:
        print_json({**asdict(result), "status": result.status.value, "label": result.status.label})
    else:
        print(result.status.label)
        if result.enterprise_name:
            print(f"  企业：{result.enterprise_name}（{result.credit_code}）")
        if result.grade:
            print(f"  等级：{result.grade}级　年度：{result.year}　编号：{result.serial}")
        if result.office_name:
            print(f"  发证单位：{result.office_name}")
        print(f"  说明：{result.message}")
    return 0 if result.valid else EXIT_NOT_VALID
