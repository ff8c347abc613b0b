"""`inspector sync push|pull|login|logout`: the central database (inspector/sync/central_sync.py).

The server is `--url URL` or the one configured in settings (`sync_server_url`); the password
comes from the URL itself, the OS keyring (stored by `sync login`) or a getpass prompt, and is
never written to settings.json.
"""

from __future__ import annotations

import argparse
import sys

from inspector.core.errors import DomainError

from .common import open_workspace


def register_extra(sub: argparse._SubParsersAction) -> None:
    for name, helptext, run in (
        ("push", "推送：把本机的改动发送到中心数据库", run_push),
        ("pull", "拉取：从中心数据库取回其他电脑的改动（模板、企业名录、人员、亮牌、待复查隐患等全部改动）", run_pull),
    ):
        parser = sub.add_parser(name, help=helptext)
        parser.add_argument("--url", help="中心数据库地址，如 postgresql://用户@主机:5432/数据库（默认用设置中的地址）")
        parser.add_argument("--quiet", action="store_true", help="不显示进度")
        parser.set_defaults(run=run)

    login = sub.add_parser("login", help="输入中心数据库密码并保存到系统钥匙串（不写入设置文件）")
    login.add_argument("--url", help="中心数据库地址（默认用设置中的地址）")
    login.add_argument("--save", action="store_true", help="同时把地址（不含密码）保存为默认服务器")
    login.set_defaults(run=run_login)

    logout = sub.add_parser("logout", help="从系统钥匙串删除中心数据库密码")
    logout.add_argument("--url", help="中心数据库地址（默认用设置中的地址）")
    logout.set_defaults(run=run_logout)


def _server(args: argparse.Namespace, configured: str) -> str:
    from inspector.sync.credentials import PASSWORD_ENV, parse_server_url

    url = args.url or configured
    if not url:
        raise DomainError("未指定中心数据库：请用 --url postgresql://用户@主机:端口/数据库，或在设置中填写服务器地址")
    if args.url and parse_server_url(args.url).password:
        raise DomainError(
            "请不要把密码写在命令行的地址里（其他用户能在进程列表中看到）：请用 inspector sync login 保存到系统钥匙串，"
            f"或设置环境变量 {PASSWORD_ENV}"
        )
    return url


def server_url(args: argparse.Namespace) -> str:
    """The server of a command: `--url` (without password) or the one in settings."""
    with open_workspace(args) as ws:
        return _server(args, ws.settings.sync_server_url)


def connect_url(url: str) -> str:
    """The URL with its password (environment, keyring or a prompt), for connecting only."""
    from inspector.sync.credentials import connection_url

    return connection_url(url, _prompt)


def _prompt(server: str) -> str | None:
    import getpass

    if not sys.stdin.isatty():
        return ""  # no one to ask: try without a password (a server may trust this user)
    try:
        return getpass.getpass(f"{server} 的密码：")
    except (EOFError, KeyboardInterrupt):
        return None


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    if quiet:
        return None
    last: list[str] = [""]
    on_terminal = sys.stderr.isatty()

    def report(what: str, done: int, total: int) -> None:
        # On a terminal one line redrawn in place; in a log or a pipe one line per step, no "\r".
        # total 0: a count with no end known yet (rows read so far from a large set)
        count = f" {done}/{total}" if total > 1 else (f" {done}" if total == 0 and done else "")
        line = what + count if on_terminal else what
        if line != last[0]:
            if on_terminal:
                print(f"\r{line:<40}", end="", file=sys.stderr, flush=True)
            else:
                print(line, file=sys.stderr, flush=True)
            last[0] = line

    return report


def _print_summary(summary) -> None:  # type: ignore[no-untyped-def]
    verb = "推送到" if summary.direction == "push" else "拉取自"
    if sys.stderr.isatty():
        print(file=sys.stderr)  # ends the progress line redrawn in place
    print(
        f"已{verb} {summary.server}：{summary.total_rows} 条记录，照片 {summary.photos} 张；"
        f"新增 {sum(summary.inserted.values())}，更新 {sum(summary.updated.values())}，"
        f"删除 {sum(summary.deleted.values())}，合并 {sum(summary.merged.values())}，冲突 {summary.conflicts} 条"
        + (f"（中心数据库忙，已自动重试 {summary.retries} 次）" if summary.retries else "")
    )
    for table, count in sorted(summary.rows.items()):
        print(f"  {table}: {count}")


def _run(args: argparse.Namespace, direction: str) -> int:
    with open_workspace(args) as ws:
        url = _server(args, ws.settings.sync_server_url)
        action = ws.central.push if direction == "push" else ws.central.pull
        summary = action(url, prompt=_prompt, progress=_progress(args.quiet))
    _print_summary(summary)
    return 0


def run_push(args: argparse.Namespace) -> int:
    return _run(args, "push")


def run_pull(args: argparse.Namespace) -> int:
    return _run(args, "pull")


def run_login(args: argparse.Namespace) -> int:
    import getpass
    from dataclasses import replace

    from inspector.sync.credentials import parse_server_url, store_password, without_password

    with open_workspace(args) as ws:
        url = _server(args, ws.settings.sync_server_url)
        password = parse_server_url(url).password
        if password is None:
            try:
                password = getpass.getpass(f"{without_password(url)} 的密码：")
            except (EOFError, KeyboardInterrupt):
                raise DomainError("已取消：未输入密码") from None
        store_password(url, password)
        if args.save:
            ws.save_settings(replace(ws.settings, sync_server_url=without_password(url)))
    print(f"已把 {without_password(url)} 的密码保存到系统钥匙串")
    return 0


def run_logout(args: argparse.Namespace) -> int:
    from inspector.sync.credentials import forget_password, without_password

    with open_workspace(args) as ws:
        url = _server(args, ws.settings.sync_server_url)
    removed = forget_password(url)
    print(f"已删除 {without_password(url)} 的密码" if removed else f"系统钥匙串中没有 {without_password(url)} 的密码")
    return 0
