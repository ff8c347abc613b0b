"""`inspector keys create|export|import|list|publish-page`: the issuing office's plaque-signing keys,
and the verification page that carries their public halves to the public (reports.verify_page).

How keys work (also `inspector keys --help`): on the office machine that prints plaques, run
`inspector keys create` once; the private key stays in the data folder (keys/office-<code>.pem,
back it up safely), the public key goes into the database and reaches every laptop with sync.
Laptops that do not sync can `inspector keys import` the file made by `inspector keys export`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .common import open_workspace

if TYPE_CHECKING:
    from inspector.services.office_keys import OfficeKey


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "keys",
        help="亮牌二维码签名密钥：创建、导出、导入、列出 plaque signing keys",
        description="发证单位的 Ed25519 签名密钥。私钥只保存在本机数据文件夹的 keys/ 中；公钥存入数据库，"
        "随同步到达每台电脑，也可导出为文件，在其他电脑上导入，以便离线验证亮牌二维码。",
    )
    sub = parser.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help="创建本发证单位的密钥对")
    create.add_argument("--office-code", help="单位代码（默认取设置中的 office_code）")
    create.add_argument("--office-name", help="发证单位名称（默认取设置中的 office_name）")
    create.add_argument("--force", action="store_true", help="已有私钥时仍创建新密钥（旧公钥保留，旧亮牌仍可验证）")
    create.set_defaults(run=run_create)

    export = sub.add_parser("export", help="把本单位公钥导出为文件")
    export.add_argument("--out", required=True, type=Path, help="输出文件（.json）")
    export.add_argument("--office-code", help="单位代码（默认取设置中的 office_code）")
    export.set_defaults(run=run_export)

    imp = sub.add_parser("import", help="导入其他电脑导出的公钥文件")
    imp.add_argument("file", type=Path, help="公钥文件")
    imp.set_defaults(run=run_import)

    listing = sub.add_parser("list", help="列出数据库中的发证单位公钥")
    listing.set_defaults(run=run_list)

    page = sub.add_parser(
        "publish-page",
        help="写出亮牌核验网页（DIR/index.html），放到任何静态网站上供公众扫码核验",
        description="写出一个自带公钥的核验网页，无需联网即可在手机浏览器中核验亮牌签名。把它放到网站上，"
        "并在设置中把该网址设为“亮牌验证地址”，之后打印的亮牌二维码扫码即打开此网页。"
        "亮牌签发或降级后请重新发布，网页才能显示最新的企业名称和“已被取代”。",
    )
    page.add_argument("--out", required=True, type=Path, metavar="DIR", help="输出文件夹")
    page.set_defaults(run=run_publish_page)


def run_create(args: argparse.Namespace) -> int:
    from inspector.reports.plaque_keys import create_office_key, private_key_path

    with open_workspace(args) as workspace:
        key = create_office_key(workspace, args.office_code, args.office_name, args.force)
        path = private_key_path(workspace, key.office_code)
    return _report(
        f"已创建发证单位 {key.office_code}（{key.office_name}）的签名密钥",
        key,
        f"  私钥文件：{path}（请妥善备份，勿外传）",
    )


def run_export(args: argparse.Namespace) -> int:
    from inspector.reports.plaque_keys import export_public_key

    with open_workspace(args) as workspace:
        key = export_public_key(workspace, args.out, args.office_code)
    return _report(f"已导出发证单位 {key.office_code} 的公钥到 {args.out}", key)


def run_import(args: argparse.Namespace) -> int:
    from inspector.reports.plaque_keys import import_public_key

    with open_workspace(args) as workspace:
        key = import_public_key(workspace, args.file)
    return _report(f"已导入发证单位 {key.office_code}（{key.office_name}）的公钥", key)


def run_publish_page(args: argparse.Namespace) -> int:
    from inspector.reports.verify_page import publish_page

    workspace = open_workspace(args)
    try:
        page = publish_page(workspace, args.out)
        address = workspace.settings.plaque_verify_url
    finally:
        workspace.close()
    print(f"已写出亮牌核验网页：{page.path}（{page.size // 1024} KB，公钥 {page.keys} 个，亮牌 {page.plaques} 块）")
    if address:
        print(f"  请把它放到 {address}")
    else:
        print("  放到网站上后，请在设置中填写“亮牌验证地址”，之后打印的亮牌二维码即指向该网页")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        keys = workspace.office_keys.list()
    if not keys:
        print("数据库中还没有发证单位公钥（用 inspector keys create 创建，或 inspector keys import 导入）")
        return 0
    for key in keys:
        state = "已吊销" if key.revoked else "有效"
        print(
            f"{key.office_code}\t{key.office_name}（{key.office_kind.label}）\t{key.fingerprint[:16]}…"
            f"\t启用 {key.valid_from}\t{state}"
        )
    return 0


def _report(headline: str, key: OfficeKey, *more: str) -> int:
    """What a key command did, then the fingerprint people compare between machines."""
    print(headline)
    print(f"  公钥指纹：{key.fingerprint}")
    for line in more:
        print(line)
    return 0
