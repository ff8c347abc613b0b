"""The plaque PDF (A4 and A3) and the batch: read back with pypdf, pdffonts, pdftotext and zbar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from plaque_fixtures import (
    YEAR,
    City,
    city,
    decode_qr,
    embedded_fonts,
    flat_text,
    make_city,
    words_outside,
)
from pypdf import PdfReader
from reportlab.lib.pagesizes import A3, A4, landscape

from inspector.core.errors import DomainError
from inspector.reports.plaque_batch import BatchCancelled as Cancelled
from inspector.reports.plaque_batch import write_plaques
from inspector.reports.plaque_keys import create_demo_office_key, create_office_key
from inspector.reports.plaque_report import DEMO_MARK, DEMO_NOTE, write_plaque
from inspector.reports.plaque_signing import Status, verify_payload

__all__ = ["city", "make_city"]  # fixtures used by name


@pytest.mark.parametrize(("size", "pagesize"), [("A4", landscape(A4)), ("A3", landscape(A3))])
def test_plaque_shows_the_enterprise_grade_serial_and_a_qr_that_verifies(
    city: City, tmp_path: Path, size: str, pagesize: tuple[float, float]
) -> None:
    record = city.plaques[0]
    out = write_plaque(city.ws, record.enterprise_id, YEAR, tmp_path / f"plaque-{size}.pdf", size)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(pagesize, abs=0.5)
    text = flat_text(out)
    for expected in (record.enterprise_name, record.credit_code, record.serial, "安全生产劳动保护评估分级亮牌"):
        assert expected in text
    assert f"{record.grade}级" in text and f"有效期至：{YEAR + 1}年12月31日" in text
    assert embedded_fonts(out) and all(embedded for _name, embedded in embedded_fonts(out))
    assert words_outside(out) == []
    payload = decode_qr(out, tmp_path, dpi=150 if size == "A4" else 110)
    result = verify_payload(city.ws, payload)
    assert (result.status, result.enterprise_name, result.grade, result.year) == (
        Status.VALID,
        record.enterprise_name,
        record.grade,
        YEAR,
    )


def test_a_demo_key_prints_at_once_and_every_plaque_says_so(
    make_city: Callable[..., City], tmp_path: Path, pinned_today: None
) -> None:
    made = make_city(key=False)
    record = made.plaques[0]
    key = create_demo_office_key(made.ws)
    assert key is not None and made.ws.office_keys.is_demo(key)
    assert create_demo_office_key(made.ws) is None  # this machine has a key: the demo keeps it
    out = write_plaque(made.ws, record.enterprise_id, YEAR, tmp_path / "demo.pdf")
    assert DEMO_MARK in flat_text(out) and DEMO_NOTE in flat_text(out)
    assert verify_payload(made.ws, decode_qr(out, tmp_path)).status is Status.VALID
    # The office's own key replaces it: its plaques carry no mark.
    real = create_office_key(made.ws, force=True)
    assert not made.ws.office_keys.is_demo(real)
    plain = write_plaque(made.ws, record.enterprise_id, YEAR, tmp_path / "real.pdf")
    assert DEMO_NOTE not in flat_text(plain)


def test_the_credit_code_names_the_enterprise_too(city: City, tmp_path: Path) -> None:
    record = city.plaques[1]
    out = write_plaque(city.ws, record.credit_code, YEAR, tmp_path / "p.pdf")
    assert record.serial in flat_text(out)


def test_a_very_long_name_shrinks_and_stays_on_the_page(
    make_city: Callable[..., City], tmp_path: Path, pinned_today: None
) -> None:
    made = make_city()
    record = made.plaques[0]
    enterprise = made.ws.enterprises.get(record.enterprise_id)
    long_name = "浙江省嘉兴市平湖市独山港镇经济开发区" + "精密机械零部件制造与新材料科技研发" * 2 + "股份有限公司"
    made.ws.enterprises.update(replace(enterprise, name=long_name))
    out = write_plaque(made.ws, record.enterprise_id, YEAR, tmp_path / "long.pdf")
    assert long_name in flat_text(out)
    assert words_outside(out) == []


def test_batch_has_one_page_per_current_plaque_with_progress(city: City, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    count = write_plaques(city.ws, YEAR, tmp_path / "all.pdf", progress=lambda d, t: seen.append((d, t)))
    total = len(city.plaques)
    assert count == total == len(PdfReader(tmp_path / "all.pdf").pages)
    assert seen[0] == (0, total) and seen[-1] == (total, total) and len(seen) == total + 1
    text = flat_text(tmp_path / "all.pdf")
    assert all(p.serial in text for p in city.plaques)
    last = decode_qr(tmp_path / "all.pdf", tmp_path, page=total)
    assert verify_payload(city.ws, last).status is Status.VALID


def test_a_cancelled_batch_leaves_no_file_and_keeps_the_old_one(city: City, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    out.write_bytes(b"old")
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        write_plaques(city.ws, YEAR, out, cancelled=cancelled)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.pdf"]


def test_no_plaques_or_no_key_get_clear_messages(
    make_city: Callable[..., City], city: City, tmp_path: Path, pinned_today: None
) -> None:
    with pytest.raises(DomainError, match="2001 年没有有效亮牌"):
        write_plaques(city.ws, 2001, tmp_path / "none.pdf")
    with pytest.raises(DomainError, match="没有统一社会信用代码"):
        write_plaque(city.ws, "91330482000000000X", YEAR, tmp_path / "x.pdf")
    keyless = make_city(key=False)
    with pytest.raises(DomainError, match="设置 → 发证单位密钥") as refused:
        write_plaque(keyless.ws, keyless.plaques[0].enterprise_id, YEAR, tmp_path / "k.pdf")
    assert "inspector keys create" in refused.value.for_command_line()
    assert not (tmp_path / "k.pdf").exists()


def test_the_seal_image_is_printed_and_a_missing_one_is_refused(
    make_city: Callable[..., City], tmp_path: Path, pinned_today: None
) -> None:
    made = make_city()
    Image.new("RGBA", (200, 200), (200, 0, 0, 160)).save(made.ws.data_dir / "seal.png")
    made.ws.save_settings(replace(made.ws.settings, seal_image="seal.png"))
    out = write_plaque(made.ws, made.plaques[0].enterprise_id, YEAR, tmp_path / "sealed.pdf")
    images = PdfReader(out).pages[0].images
    assert len(images) == 1
    made.ws.save_settings(replace(made.ws.settings, seal_image="missing.png"))
    with pytest.raises(DomainError, match="印章图片"):
        write_plaque(made.ws, made.plaques[0].enterprise_id, YEAR, tmp_path / "x.pdf")
    with pytest.raises(DomainError, match="PNG 或 JPEG"):
        made.ws.save_settings(replace(made.ws.settings, seal_image="seal.gif"))
