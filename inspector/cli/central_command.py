"""`inspector central upgrade|grant`: the administrator's steps on the city's central database.

Ordinary syncs never change the central database's schema: after installing a new version of
Inspector, the administrator runs `inspector central upgrade` once (under a lock, so two
administrators cannot upgrade at once), then laptops with the new version sync again. `grant`
gives a non-superuser role what syncing needs (`--read-only`: pull only). The password comes
from INSPECTOR_CENTRAL_PASSWORD, the keyring (`inspector sync login`) or a prompt, never from
the command line.
"""

from __future__ import annotations

import argparse

from .sync_remote_commands import connect_url, server_url


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "central",
        help="中心数据库管理：升级结构、为同步账号授权 central database administration",
        description="管理员在中心数据库上的操作。升级 Inspector 后先运行 upgrade，再让各电脑同步。",
    )
    sub = parser.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    upgrade = sub.add_parser("upgrade", help="把中心数据库升级到本程序的结构版本（需要数据库所有者账号）")
    upgrade.add_argument("--url", help="中心数据库地址（所有者账号，不含密码；默认用设置中的地址）")
    upgrade.set_defaults(run=run_upgrade)
    grant = sub.add_parser("grant", help="为同步账号授予所需权限（非超级用户）")
    grant.add_argument("role", help="同步用的数据库账号名")
    grant.add_argument("--url", help="中心数据库地址（所有者账号，不含密码；默认用设置中的地址）")
    grant.add_argument("--read-only", action="store_true", help="只读：只能拉取，不能推送")
    grant.set_defaults(run=run_grant)


def run_upgrade(args: argparse.Namespace) -> int:
    from inspector.sync.central import upgrade_central
    from inspector.sync.credentials import without_password

    url = server_url(args)
    before, after = upgrade_central(connect_url(url))
    if before == after:
        print(f"中心数据库 {without_password(url)} 已是结构版本 {after}，无需升级")
    else:
        print(f"已把中心数据库 {without_password(url)} 从结构版本 {before or '（空）'} 升级到 {after}")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    from inspector.sync.central import grant_role
    from inspector.sync.credentials import without_password

    url = server_url(args)
    grant_role(connect_url(url), args.role, args.read_only)
    kind = "只读（只能拉取）" if args.read_only else "同步"
    print(f"已在中心数据库 {without_password(url)} 上为账号 {args.role} 授予{kind}所需的权限")
    return 0
