"""Passwords for the central database: in the operating system's keyring, never in settings.

settings.json holds only the server URL without its password (`sync_server_url`). The password
is stored by `inspector sync login` (or the GUI's password dialog, when asked to remember it)
through the `keyring` package: Windows Credential Manager, macOS Keychain, Secret Service on a
Linux desktop. The keyring entry is named by the server (`inspector-sync:user@host:port/db`) and
the user name, so two servers or two users never share a password. Without a usable keyring
the password is asked for at every sync (a prompt or dialog) and nothing is written anywhere.
Unattended use (a scheduled sync, the administrator's `inspector central upgrade`) may set the
environment variable INSPECTOR_CENTRAL_PASSWORD instead. A password is never taken from the
command line (other users see it in the process list): the CLI refuses a `--url` holding one.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from inspector.core.errors import DomainError

SERVICE_PREFIX = "inspector-sync"
PASSWORD_ENV = "INSPECTOR_CENTRAL_PASSWORD"

PasswordPrompt = Callable[[str], str | None]
"""Asks a person for the password of the server shown (without password); None = cancelled."""


class CredentialError(DomainError):
    """The server URL is malformed or the keyring refused; the message says which."""


def parse_server_url(url: str) -> URL:
    """The URL as SQLAlchemy understands it; `postgresql://` gets the psycopg 3 driver we ship."""
    text = url.strip()
    if not text:
        raise CredentialError(
            "未设置中心数据库地址：请在 设置 → 中心数据库 中填写",
            command_line="未设置中心数据库地址：请在设置中填写，或使用 --url postgresql://用户@主机:端口/数据库",
        )
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise CredentialError(
            f"中心数据库地址 “{text}” 无效，例如 postgresql://inspector@192.168.1.10:5432/inspector"
        ) from None
    if parsed.get_backend_name() not in ("postgresql", "postgres", "sqlite"):
        raise CredentialError(
            f"中心数据库地址 “{parsed.render_as_string(hide_password=True)}” 不是 PostgreSQL 数据库地址，"
            "例如 postgresql://inspector@192.168.1.10:5432/inspector"
        )
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def without_password(url: str) -> str:
    """What settings, logs and the screen may show: the URL with no password in it."""
    parsed = parse_server_url(url)
    # URL.set(password=None) keeps the old password ("None" means "unchanged"): rebuild instead.
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    return bare.render_as_string(hide_password=False)


def keyring_entry(url: str) -> tuple[str, str]:
    """(service, user name) under which the password of this server and user is kept."""
    parsed = parse_server_url(url)
    user = parsed.username or ""
    port = f":{parsed.port}" if parsed.port else ""
    return f"{SERVICE_PREFIX}:{user}@{parsed.host or ''}{port}/{parsed.database or ''}", user


# keyring is imported where it is used: importing it (and its backend discovery) costs every
# start of the window ≈30 ms, and most starts never touch the central server.


def store_password(url: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    service, user = keyring_entry(url)
    try:
        keyring.set_password(service, user, password)
    except KeyringError as error:
        raise CredentialError(f"系统钥匙串不可用，密码未保存（每次同步时将询问密码）：{error}") from None


def lookup_password(url: str) -> str | None:
    """The stored password, or None if none is stored or no keyring is usable."""
    import keyring
    from keyring.errors import KeyringError

    service, user = keyring_entry(url)
    try:
        return keyring.get_password(service, user)
    except KeyringError:
        return None


def forget_password(url: str) -> bool:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    service, user = keyring_entry(url)
    try:
        keyring.delete_password(service, user)
    except (PasswordDeleteError, KeyringError):
        return False
    return True


def connection_url(url: str, prompt: PasswordPrompt | None = None) -> str:
    """The URL to connect with: its own password if it has one (settings and the GUI never keep
    one), else INSPECTOR_CENTRAL_PASSWORD, else the keyring's, else the prompt's answer, else
    none at all (a server that trusts this user needs none)."""
    parsed = parse_server_url(url)
    password = parsed.password
    if password is None:
        password = os.environ.get(PASSWORD_ENV) or None
    if password is None:
        password = lookup_password(url)
    if password is None and prompt is not None:
        password = prompt(without_password(url))
        if password is None:
            raise CredentialError("已取消：未输入中心数据库密码")
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)
