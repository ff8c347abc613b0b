"""The published verification page in a real headless Chromium: genuine, tampered, expired,
superseded and unknown-key payloads, with WebCrypto and with the vendored Ed25519 fallback.

The browser's clock is the real one, so this city is made for the real today (not the pinned
day of the other plaque tests): its current plaques are valid in the browser too.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest
from plaque_fixtures import SPEC, downgrade_to_d

from inspector.cli.main import main
from inspector.demo.demo_city import create_demo
from inspector.reports.plaque_keys import create_office_key, load_signing_key
from inspector.reports.plaque_qr import qr_text
from inspector.reports.plaque_signing import sign_plaque
from inspector.reports.verify_page import publish_page
from inspector.services.office_keys import PlaqueRecord
from inspector.workspace import Workspace

ADDRESS = "https://aq.phzgh.cn/plaque/"
# Before any other script: the browser of a page served over plain http has no WebCrypto.
NO_WEBCRYPTO = '<script>Object.defineProperty(globalThis.crypto, "subtle", { get: () => undefined });</script>'


@dataclass
class Site:
    ws: Workspace
    page: Path
    plaques: list[PlaqueRecord]
    superseded: PlaqueRecord
    profile: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("site")
    ws = Workspace(folder / "data")
    create_demo(ws, SPEC)
    create_office_key(ws)
    year = ws.today().year
    plaques = ws.office_keys.current_plaques(year)
    # Downgrade one, as grading_follow does on a major hazard: its old plaque is superseded.
    old = plaques[1]
    downgrade_to_d(ws, old, ws.today())
    published = publish_page(ws, folder / "site")
    assert published.keys == 1 and published.plaques >= len(plaques)
    yield Site(ws, published.path, plaques, old, folder / "chromium")
    ws.close()


def open_page(site: Site, page: Path, scanned: str) -> dict[str, str]:
    """What the page shows for a scanned text, read from its DOM after the check has run."""
    fragment = scanned.split("#", 1)[1] if "#" in scanned else scanned
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",  # CI runs as root
            "--disable-gpu",
            f"--user-data-dir={site.profile}",
            "--virtual-time-budget=10000",  # let the asynchronous check finish before the DOM is read
            "--dump-dom",
            f"{page.as_uri()}#{fragment}",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    status = re.search(r'id="status" data-status="([a-z]*)" data-engine="([a-z]*)"', dom)
    assert status is not None, dom[:500]
    fields = {
        k: v
        for k, v in re.findall(r'id="(label|message|name|credit|grade|year|serial|issuer|validity)"[^>]*>([^<]*)<', dom)
    }
    return {"status": status.group(1), "engine": status.group(2), **fields}


def payload(site: Site, record: PlaqueRecord) -> str:
    return sign_plaque(load_signing_key(site.ws), record)


def tampered(text: str) -> str:
    """The grade changed from what was signed."""
    parts = text.split(".")
    parts[-4] = "A" if parts[-4] != "A" else "B"
    return ".".join(parts)


@pytest.fixture(scope="module")
def fallback(site: Site) -> Path:
    """The same page in a browser without WebCrypto."""
    html = site.page.read_text(encoding="utf-8")
    copy = site.page.with_name("no-webcrypto.html")
    copy.write_text(html.replace("<head>", "<head>" + NO_WEBCRYPTO, 1), encoding="utf-8")
    return copy


def test_a_genuine_plaque_is_valid_with_its_enterprise(site: Site) -> None:
    record = site.plaques[0]
    shown = open_page(site, site.page, qr_text(payload(site, record), ADDRESS))
    assert (shown["status"], shown["label"], shown["engine"]) == ("valid", "有效", "webcrypto")
    assert shown["name"] == record.enterprise_name and shown["credit"] == record.credit_code
    assert shown["grade"] == f"{record.grade} 级" and shown["year"] == f"{record.year}年度"
    assert shown["serial"] == record.serial and shown["issuer"] == site.ws.settings.office_name


def test_a_tampered_plaque_is_forged(site: Site) -> None:
    shown = open_page(site, site.page, tampered(payload(site, site.plaques[0])))
    assert (shown["status"], shown["label"]) == ("forged", "伪造")
    shown = open_page(site, site.page, "I2.not-a-plaque")
    assert shown["status"] == "forged" and "格式不符" in shown["message"]


def test_without_webcrypto_the_vendored_ed25519_decides_the_same(site: Site, fallback: Path) -> None:
    genuine = payload(site, site.plaques[0])
    shown = open_page(site, fallback, genuine)
    assert (shown["status"], shown["engine"]) == ("valid", "noble")
    shown = open_page(site, fallback, tampered(genuine))
    assert (shown["status"], shown["engine"]) == ("forged", "noble")


def test_a_replaced_plaque_is_superseded_and_last_years_expired(site: Site, tmp_path: Path) -> None:
    shown = open_page(site, site.page, payload(site, site.superseded))
    assert (shown["status"], shown["label"]) == ("superseded", "已被取代")
    assert site.superseded.serial + "-D" in shown["message"] and "D 级" in shown["message"]
    year = site.ws.today().year
    shown = open_page(site, site.page, payload(site, site.plaques[0]))
    assert shown["status"] == "valid" and shown["validity"] == f"至 {year + 1}年12月31日"  # it hangs next year
    last_year = next(
        r
        for r in (site.ws.office_keys.current_plaque(p.enterprise_id, year - 1) for p in site.plaques)
        if r is not None
    )
    # Graded for last year, the plaque is valid through this year, but this year's replaced it.
    shown = open_page(site, site.page, payload(site, last_year))
    assert (shown["status"], shown["label"]) == ("superseded", "已被取代")
    assert shown["name"] == last_year.enterprise_name
    # Valid until the next round (the setting): this year's round has been held, so it expired.
    settings = site.ws.settings
    site.ws.save_settings(replace(settings, plaque_validity="next_round"))
    try:
        page = publish_page(site.ws, tmp_path / "next-round").path
    finally:
        site.ws.save_settings(settings)
    shown = open_page(site, page, payload(site, last_year))
    assert (shown["status"], shown["label"]) == ("expired", "已过期")
    first = min(p.issued_on for p in site.ws.office_keys.plaques_since(year) if p.year == year)
    until = first - timedelta(days=1)
    assert shown["validity"] == f"至 {until.year}年{until.month:02d}月{until.day:02d}日"
    shown = open_page(site, page, payload(site, site.plaques[0]))
    assert shown["status"] == "valid" and shown["validity"] == f"至 {year + 1}年度评定结果公布"


def test_another_offices_plaque_cannot_be_checked_here(site: Site, tmp_path: Path) -> None:
    other = Workspace(tmp_path / "other")
    try:
        create_office_key(other)  # another key pair of the same office code
        stranger = sign_plaque(load_signing_key(other), site.plaques[0])
    finally:
        other.close()
    shown = open_page(site, site.page, stranger)
    assert shown["status"] in ("unknown", "forged")  # a 4-digit key prefix may match by chance
    assert shown["status"] != "valid"


def test_the_command_writes_the_page(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "www"
    assert main(["--data-dir", str(site.ws.data_dir), "keys", "publish-page", "--out", str(out)]) == 0
    assert "已写出亮牌核验网页" in capsys.readouterr().out
    html = (out / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", html)  # nothing fetched from anywhere
    assert main(["--data-dir", str(tmp_path / "empty"), "keys", "publish-page", "--out", str(out)]) == 1
    assert "公钥" in capsys.readouterr().err
