"""The plaque's QR code as a phone meets it: the office's address in front, modules of at least
1 mm, a quiet zone of 4 modules, and a code zbar still reads after a phone-like photo (scaled,
blurred, turned, JPEG). Also the frame clear of printers' border and the expired plaque."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from plaque_fixtures import SPEC, TODAY, YEAR, City, city, decode_qr, flat_text, ink_near_edge, with_plaques
from reportlab.graphics.barcode.qrencoder import QR8bitByte, QRAlphaNum, QRNumber
from reportlab.lib.units import mm

from inspector.cli.main import main
from inspector.core.errors import DomainError
from inspector.reports.plaque_keys import load_signing_key
from inspector.reports.plaque_qr import QUIET_ZONE, qr_matrix, qr_text, segments
from inspector.reports.plaque_report import QR_SIZE, write_plaque
from inspector.reports.plaque_signing import Status, payload_of_scan, sign_plaque, verify_payload
from inspector.settings import VERIFY_URL_MAX, Settings, verify_url_problems
from tests.prepared_data import DemoCopies, pin_today

__all__ = ["city"]  # fixtures used by name

ADDRESS = "https://aq.phzgh.cn/plaque/"
LONGEST = "https://www.pinghu-safety.cn/" + "v" * (VERIFY_URL_MAX - 30) + "/"


def test_the_address_goes_in_front_with_its_host_in_capitals(city: City) -> None:
    payload = sign_plaque(load_signing_key(city.ws), city.plaques[0])
    text = qr_text(payload, ADDRESS)
    assert text == f"HTTPS://AQ.PHZGH.CN/plaque/#{payload}"
    assert payload_of_scan(text) == payload and qr_text(payload) == payload
    kinds = [type(s) for s in segments(text)]
    # Host alphanumeric, the lower-case path and "#" as bytes, fields alphanumeric, signature numeric.
    assert kinds[:3] == [QRAlphaNum, QR8bitByte, QRAlphaNum] and kinds[-1] is QRNumber
    assert "".join(str(s.data, "utf-8") if isinstance(s.data, bytes) else s.data for s in segments(text)) == text


@pytest.mark.parametrize("address", ["", ADDRESS, LONGEST])
def test_modules_are_at_least_1_mm_on_a4(city: City, address: str) -> None:
    assert len(LONGEST) == VERIFY_URL_MAX and verify_url_problems(LONGEST) == []
    payload = sign_plaque(load_signing_key(city.ws), city.plaques[0])
    matrix = qr_matrix(qr_text(payload, address))
    assert matrix.version <= 8
    assert matrix.module_mm(QR_SIZE) >= 1.0


def test_verification_addresses_are_checked() -> None:
    assert verify_url_problems("") == [] and verify_url_problems(ADDRESS) == []
    for bad in ("aq.phzgh.cn", "https://aq.phzgh.cn/#x", "https://安全.cn/", "https://a.cn/a b", LONGEST + "x"):
        assert verify_url_problems(bad), bad
    with pytest.raises(DomainError, match="亮牌验证地址"):
        Settings(plaque_verify_url="ftp://x.cn/").validated()


def phone_photo(png: Path, scale: float, blur: float, angle: float, quality: int) -> bytes:
    """A printed page as a phone might photograph it: smaller, out of focus, askew, compressed."""
    with Image.open(png) as page:
        image = page.convert("L")
    image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.BILINEAR)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def addressed_plaque(tmp_path_factory: pytest.TempPathFactory, module_demo_workspace: DemoCopies) -> tuple[Path, City]:
    folder = tmp_path_factory.mktemp("addressed")
    made = with_plaques(module_demo_workspace(SPEC, TODAY, Settings(plaque_verify_url=ADDRESS)))
    out = write_plaque(made.ws, made.plaques[0].enterprise_id, YEAR, folder / "plaque.pdf")
    return out, made


@pytest.mark.parametrize(
    ("scale", "blur", "angle", "quality"),
    [(1.0, 1.0, 0.0, 85), (0.8, 1.2, 4.0, 70), (0.6, 1.0, -7.0, 60), (1.0, 1.8, 2.0, 75)],
)
def test_zbar_reads_the_code_after_a_phone_like_photo(
    addressed_plaque: tuple[Path, City], tmp_path: Path, scale: float, blur: float, angle: float, quality: int
) -> None:
    pdf, made = addressed_plaque
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(phone_photo(tmp_path / "page.png", scale, blur, angle, quality))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(photo)], capture_output=True, text=True)
    assert out.returncode == 0, f"zbar found no code after scale {scale}, blur {blur}, angle {angle}"
    scanned = out.stdout.strip()
    assert scanned.startswith("HTTPS://AQ.PHZGH.CN/plaque/#I2.")
    assert verify_payload(made.ws, scanned).status is Status.VALID


def test_the_quiet_zone_is_4_white_modules_and_the_caption_stays_out(
    addressed_plaque: tuple[Path, City], tmp_path: Path
) -> None:
    pdf, _made = addressed_plaque
    dpi = 300
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(tmp_path / "p")], check=True)
    with Image.open(tmp_path / "p.png") as page:
        gray = page.convert("L")
    # The code's white square (plaque_report: QR_SIZE points, its right edge 57 pt inside the
    # page's, its bottom at 84 pt); any ink in it but the code would widen the dark box.
    px = dpi / 72
    left, bottom = (842 - 45 - 12 - QR_SIZE) * px, 84 * px
    square = gray.crop(
        (
            round(left),
            round(gray.height - bottom - QR_SIZE * px),
            round(left + QR_SIZE * px),
            round(gray.height - bottom),
        )
    )
    box = square.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert box is not None
    count = qr_matrix(decode_qr(pdf, tmp_path)).count
    module = (box[2] - box[0]) / count
    assert module / dpi * 25.4 >= 1.0  # ≥ 1 mm a module, measured on the page
    margins = (box[0], box[1], square.width - box[2], square.height - box[3])
    assert all(m >= QUIET_ZONE * module - 2 for m in margins), (margins, module)
    # The caption is under the square, not in it.
    below = gray.crop(
        (round(left), round(gray.height - bottom), round(left + QR_SIZE * px), round(gray.height - bottom + 20 * px))
    )
    assert below.point(lambda v: 255 if v < 128 else 0).getbbox() is not None


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_nothing_is_printed_within_10_mm_of_the_edge(city: City, tmp_path: Path, size: str) -> None:
    out = write_plaque(city.ws, city.plaques[0].enterprise_id, YEAR, tmp_path / f"{size}.pdf", size)
    assert ink_near_edge(out, tmp_path) == []


def test_an_expired_plaque_says_so_and_the_command_warns(
    city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    year = YEAR - 1
    record = next(
        r for r in (city.ws.office_keys.current_plaque(p.enterprise_id, year) for p in city.plaques) if r is not None
    )
    # Graded for last year, the plaque hangs through this one.
    hanging = flat_text(write_plaque(city.ws, record.enterprise_id, year, tmp_path / "hanging.pdf"))
    assert "期满失效" not in hanging and f"有效期至：{YEAR}年12月31日" in hanging
    with pin_today(date(YEAR + 1, 1, 1)):
        out = write_plaque(city.ws, record.enterprise_id, year, tmp_path / "old.pdf")
        assert f"本亮牌已于{YEAR}年12月31日期满失效，仅供存档" in flat_text(out)
        current = write_plaque(city.ws, city.plaques[0].enterprise_id, YEAR, tmp_path / "now.pdf")
        assert "期满失效" not in flat_text(current)
        data = ["--data-dir", str(city.ws.data_dir)]
        assert main([*data, "report", "plaque", record.credit_code, "--year", str(year), "--out", str(out)]) == 0
        captured = capsys.readouterr()
        assert f"注意：{year} 年度亮牌已于" in captured.err and "已生成" in captured.out
        assert main([*data, "report", "plaque", record.credit_code, "--year", str(YEAR), "--out", str(out)]) == 0
        assert "注意" not in capsys.readouterr().err


def test_verify_takes_the_whole_address_too(
    addressed_plaque: tuple[Path, City], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, made = addressed_plaque
    scanned = decode_qr(pdf, tmp_path)
    assert main(["--data-dir", str(made.ws.data_dir), "verify", scanned]) == 0
    assert capsys.readouterr().out.startswith("有效")
    assert main(["--data-dir", str(made.ws.data_dir), "verify", payload_of_scan(scanned)]) == 0


def test_module_size_is_measured_in_millimetres() -> None:
    matrix = qr_matrix("I2.X")
    assert matrix.module_mm((matrix.count + 2 * QUIET_ZONE) * mm) == pytest.approx(1.0)
