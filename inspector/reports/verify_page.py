"""The office's plaque verification page: one self-contained index.html for any static web server.

`inspector keys publish-page --out DIR` writes DIR/index.html. The office puts it at the address
set as settings.plaque_verify_url; a plaque's QR code then holds `<address>#<payload>`, and a
phone opening it sees 有效 / 伪造 / 已过期 / 已被取代 with the enterprise's name, grade, year and
validity, in Chinese. The page needs no network: everything is inside it.

- The offices' public keys (the database's, revoked ones flagged) and, for the plaques of last
  year and later, the enterprise's name and, when a plaque has been replaced, by what (the rule
  of `OfficeKeyService.newer_plaque`, as `inspector verify` uses it). A plaque signed after the
  page was published still verifies; the page then says it cannot know whether it has been
  replaced since. Publishing again brings it up to date.
- The Ed25519 check runs in the browser: WebCrypto where the browser has Ed25519, otherwise the
  vendored noble-ed25519 (audited, MIT, resources/verify/) with a small SHA-512 of our own, for a
  page served over plain http, where browsers withhold WebCrypto.
- The payload sits after "#", which browsers never send to the server.

The page lists the names of the enterprises that hold plaques: plaques hang in public view.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.core.errors import DomainError
from inspector.paths import resources_dir
from inspector.services.office_keys import PlaqueRecord

if TYPE_CHECKING:
    from inspector.workspace import Workspace

PAGE_NAME = "index.html"
NOBLE = "noble-ed25519.js"  # @noble/ed25519 3.2.0, unmodified (the export line is cut when inlined)
SHA512 = "sha512.js"


@dataclass(frozen=True)
class PublishedPage:
    path: Path
    size: int  # bytes
    keys: int
    plaques: int


def replaced_by(ws: Workspace, record: PlaqueRecord, today: date) -> str:
    """What replaced `record`, in the words of the page's 已被取代 line; "" when it stands."""
    newer = ws.office_keys.newer_plaque(record, today)
    if newer is not None:
        return f" {newer.year} 年 {newer.grade} 级亮牌（编号 {newer.serial}）"
    return "" if record.current else "后来签发的亮牌"


def page_data(ws: Workspace, today: date) -> dict[str, object]:
    keys = ws.office_keys.list()
    if not keys:
        raise DomainError(
            "数据库中还没有发证单位公钥，请先在 设置 → 发证单位密钥 中创建或导入公钥，再发布核验网页",
            command_line="数据库中还没有发证单位公钥，请先运行 inspector keys create（或导入公钥）再发布核验网页",
        )
    # Each name once (an enterprise holds a plaque a year, sometimes a replaced one too), and
    # each plaque by serial: its enterprise's index and, when replaced, by what.
    names: list[str] = []
    index: dict[str, int] = {}
    plaques: dict[str, int] = {}
    replaced: dict[str, str] = {}
    records = ws.office_keys.plaques_since(today.year - 1)
    for record in records:
        if record.enterprise_id not in index:
            index[record.enterprise_id] = len(names)
            names.append(record.enterprise_name)
        plaques[record.serial] = index[record.enterprise_id]
        text = replaced_by(ws, record, today)
        if text:
            replaced[record.serial] = text
    # The last valid day of each plaque year the page lists (null: until the next round, not yet
    # held); a year signed after publishing is worked out in the page by the same rule.
    expires = {}
    for year in sorted({record.year for record in records}):
        until = ws.plaque_validity(year).valid_until
        expires[str(year)] = until.isoformat() if until else None
    return {
        "office_name": ws.settings.office_name,
        "validity_rule": ws.settings.validity.value,
        "expires": expires,
        "timezone": ws.settings.timezone,
        "published": today.isoformat(),
        "keys": [
            {
                "office_name": k.office_name,
                "fingerprint": k.fingerprint,
                "public_key": k.public_key,
                "revoked": k.revoked,
            }
            for k in keys
        ],
        "names": names,
        "plaques": plaques,
        "replaced": replaced,
    }


def _libraries() -> str:
    folder = resources_dir() / "verify"
    noble = (folder / NOBLE).read_text(encoding="utf-8")
    # The module's one export statement becomes the wrapper's return value: the page is a
    # classic script (a file:// page or a plain server may not serve modules).
    noble, cut = re.subn(r"^export \{[^}]*\};?\s*$", "return { verify, hashes };", noble, flags=re.MULTILINE)
    if cut != 1:
        raise DomainError(f"核验网页所需的 {NOBLE} 已损坏，请重新安装 Inspector")
    sha512 = (folder / SHA512).read_text(encoding="utf-8")
    return f"{sha512}\nconst noble = (() => {{\n{noble}\n}})();"


def render_page(data: dict[str, object]) -> str:
    template = (resources_dir() / "verify" / "page.html").read_text(encoding="utf-8")
    # "</" inside a script would end it early.
    embedded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return template.replace("{{DATA}}", embedded).replace("{{LIBRARIES}}", _libraries())


def publish_page(ws: Workspace, out_dir: Path) -> PublishedPage:
    """Write out_dir/index.html (the folder is made if its parent exists)."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise DomainError(f"{out_dir} 是一个文件，请指定一个文件夹")
    if not out_dir.parent.is_dir():
        raise DomainError(f"文件夹 {out_dir.parent} 不存在")
    data = page_data(ws, ws.today())
    html = render_page(data).encode("utf-8")
    out_dir.mkdir(exist_ok=True)
    path = out_dir / PAGE_NAME
    tmp = path.with_name(f".{PAGE_NAME}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(html)
        os.replace(tmp, path)
    except OSError as error:
        raise DomainError(f"无法写入 {path}：{error.strerror or error}") from None
    finally:
        tmp.unlink(missing_ok=True)
    plaques = data["plaques"]
    keys = data["keys"]
    assert isinstance(plaques, dict) and isinstance(keys, list)
    return PublishedPage(path, len(html), len(keys), len(plaques))
