"""The rating plaque (评估分级亮牌), A4 or A3 landscape, with the signed QR code.

One drawing, in A4-landscape points: the A3 plaque is the same drawing scaled by √2, so the two
sizes never drift apart. `PlaqueDrawer` holds what every page shares (font, seal, office) so the
batch (plaque_batch) draws a thousand pages without reloading anything.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, UnidentifiedImageError
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import black, white
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from inspector.core.dates import format_cn
from inspector.core.errors import DomainError
from inspector.core.plaque import PlaqueValidity
from inspector.services.office_keys import PlaqueRecord

from .fonts import fit_font_size, register_fonts, text_width
from .plaque_keys import load_signing_key
from .plaque_output import atomic_output
from .plaque_signing import sign_plaque
from .plaque_style import DESIGN_SIZE, FRAME, GRADE_COLOURS, INK, MUTED, page_size

if TYPE_CHECKING:
    from inspector.workspace import Workspace

TITLE = "安全生产劳动保护评估分级亮牌"
QR_SIZE = 128.0  # points on A4: 4.5 cm, about 0.5 mm a module at version 8
NAME_WIDTH = 430.0
QR_MASK = 2  # columns pattern: no finder-like blocks on our payloads (checked by zbar in the tests)
LINE_WIDTH = 286.0  # the detail lines stop short of the QR code


def seal_reader(ws: Workspace) -> ImageReader | None:
    """The seal image of the settings, checked once; None when no seal is configured."""
    setting = ws.settings.seal_image.strip()
    if not setting:
        return None
    path = Path(setting)
    if not path.is_absolute():
        path = ws.data_dir / path
    try:
        with Image.open(path) as image:
            image.load()
            rgba = image.convert("RGBA")
    except FileNotFoundError:
        raise DomainError(f"设置中的印章图片 {path} 不存在，请在设置中改正或清空") from None
    except (UnidentifiedImageError, OSError) as error:
        raise DomainError(f"印章图片 {path} 无法读取：{error}") from None
    return ImageReader(rgba)


def resolve_enterprise(ws: Workspace, enterprise: str) -> str:
    """An enterprise id from its id or its unified social credit code."""
    text = enterprise.strip()
    if len(text) == 18:
        found = ws.enterprises.by_credit_code(text)
        if found is None or found.id is None:
            raise DomainError(f"没有统一社会信用代码为 {text} 的企业")
        return found.id
    return ws.enterprises.get(text).id or text


class PlaqueDrawer:
    """Draws plaques page by page on one canvas."""

    def __init__(self, office_name: str, size: str = "A4", seal: ImageReader | None = None) -> None:
        self.font = register_fonts()
        self.office_name = office_name
        self.pagesize = page_size(size)
        self.scale = self.pagesize[0] / DESIGN_SIZE[0]
        self.seal = seal

    def canvas(self, path: Path, title: str) -> Canvas:
        canvas = Canvas(str(path), pagesize=self.pagesize, initialFontName=self.font, pageCompression=1)
        canvas.setTitle(title)
        canvas.setAuthor(self.office_name)
        canvas.setCreator("Inspector")
        return canvas

    def draw(self, canvas: Canvas, record: PlaqueRecord, payload: str) -> None:
        """One plaque on the current page, then the page is closed."""
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        self._frame(canvas)
        self._grade(canvas, record.grade)
        self._details(canvas, record)
        self._qr(canvas, payload)
        canvas.restoreState()
        canvas.showPage()

    # -- parts ---------------------------------------------------------------------------------
    def _frame(self, c: Canvas) -> None:
        width, height = DESIGN_SIZE
        c.setStrokeColor(FRAME)
        c.setLineWidth(4)
        c.rect(18, 18, width - 36, height - 36)
        c.setLineWidth(1)
        c.rect(27, 27, width - 54, height - 54)
        c.setFillColor(FRAME)
        size = fit_font_size(TITLE, width - 120, 34)
        c.setFont(self.font, size)
        c.drawCentredString(width / 2, height - 84, TITLE)
        c.setLineWidth(1.5)
        c.line(60, height - 104, width - 60, height - 104)
        c.setFillColor(MUTED)
        c.setFont(self.font, 9)
        c.drawCentredString(
            width / 2,
            38,
            "本亮牌有效期为一个自然年度；存在重大事故隐患等情形即时降级，以发证单位最新评定为准。扫描二维码可离线核验真伪。",
        )

    def _grade(self, c: Canvas, grade: str) -> None:
        colour = GRADE_COLOURS.get(grade, INK)
        x, y, w, h = 56, 72, 270, 390
        c.setFillColor(colour)
        c.roundRect(x, y, w, h, 18, stroke=0, fill=1)
        c.saveState()
        c.setFillColor(white)
        c.setStrokeColor(white)
        # The font has one weight: fill and stroke together (render mode 2) thicken the letter.
        c.setLineWidth(6)
        text = c.beginText()
        text.setTextRenderMode(2)
        size = 300.0
        text.setFont(self.font, size)
        text.setTextOrigin(x + (w - text_width(grade, size)) / 2, y + 118)
        text.textOut(grade)
        text.setTextRenderMode(0)
        c.drawText(text)
        c.restoreState()
        c.setFillColor(white)
        c.setFont(self.font, 30)
        c.drawCentredString(x + w / 2, y + 34, f"{grade} 级")

    def _details(self, c: Canvas, record: PlaqueRecord) -> None:
        left, top = 362.0, 420.0
        c.setFillColor(INK)
        size = fit_font_size(record.enterprise_name, NAME_WIDTH, 30, min_size=18)
        lines = [record.enterprise_name]
        if text_width(record.enterprise_name, size) > NAME_WIDTH:
            # Too long even at 18 pt: two lines, each shrunk to fit if it must.
            size = 18.0
            lines = simpleSplit(record.enterprise_name, self.font, size, NAME_WIDTH)
            if len(lines) > 2:
                lines = [lines[0], "".join(lines[1:])]
        y = top
        for line in lines:
            c.setFont(self.font, fit_font_size(line, NAME_WIDTH, size, min_size=6))
            c.drawString(left, y, line)
            y -= size * 1.25
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.6)
        c.line(left, y + size * 0.55, left + NAME_WIDTH, y + size * 0.55)

        details = [
            ("统一社会信用代码", record.credit_code),
            ("评定年度", f"{record.year}年度"),
            ("评定等级", f"{record.grade}级"),
            ("有效期至", format_cn(PlaqueValidity(record.year).valid_until)),
            ("发证单位", self.office_name),
            ("发证日期", format_cn(record.issued_on)),
            ("编号", record.serial),
        ]
        y = min(y - 14, 330.0)
        step = min(31.0, (y - 80) / (len(details) - 1))
        for label, value in details:
            self._detail_line(c, left, y, label, value)
            y -= step
        if self.seal is not None:
            # Over the issuing body and date, as a stamped seal sits on a printed document.
            c.drawImage(self.seal, left + 150, 90, 110, 110, mask="auto", preserveAspectRatio=True, anchor="c")

    def _detail_line(self, c: Canvas, x: float, y: float, label: str, value: str) -> None:
        head = f"{label}："
        c.setFillColor(MUTED)
        c.setFont(self.font, 14)
        c.drawString(x, y, head)
        start = x + text_width(head, 14)
        c.setFillColor(INK)
        c.setFont(self.font, fit_font_size(value, LINE_WIDTH - (start - x), 15, min_size=7))
        c.drawString(start, y, value)

    def _qr(self, c: Canvas, payload: str) -> None:
        width, _height = DESIGN_SIZE
        x, y = width - 60 - QR_SIZE, 62.0
        draw_qr(c, payload, x, y, QR_SIZE)
        c.setFillColor(MUTED)
        c.setFont(self.font, 10)
        c.drawCentredString(x + QR_SIZE / 2, y - 4, "扫码验证真伪")


def draw_qr(c: Canvas, payload: str, x: float, y: float, size: float, border: int = 4) -> None:
    """The QR code as one filled path of horizontal runs. reportlab's QrCodeWidget drawn through
    renderPDF would name a non-embedded Helvetica in the page and draw one rectangle per run."""
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(payload)
    # A fixed mask instead of make()'s search over all eight: any mask is valid QR, the search
    # only tidies the pattern, and it took two thirds of a batch page's time.
    qr.version = qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    count = qr.getModuleCount()
    box = size / (count + 2 * border)
    path = c.beginPath()
    for r, row in enumerate(qr.modules):
        top = y + size - (r + border + 1) * box
        col = 0
        for dark, run in groupby(bool(m) for m in row):
            length = len(list(run))
            if dark:
                path.rect(x + (col + border) * box, top, length * box, box)
            col += length
    c.saveState()
    c.setFillColor(white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(black)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def write_plaque(ws: Workspace, enterprise_id: str, year: int, out: Path, size: str = "A4") -> Path:
    """The enterprise's current plaque of `year` as a one-page PDF (enterprise_id: id or credit code)."""
    drawer = PlaqueDrawer(ws.settings.office_name, size, seal_reader(ws))
    record = ws.office_keys.current_plaque(resolve_enterprise(ws, enterprise_id), year)
    if record is None:
        raise DomainError(f"该企业没有 {year} 年的有效亮牌（尚未评级或已被取代）")
    key = load_signing_key(ws)
    with atomic_output(out) as tmp:
        canvas = drawer.canvas(tmp, f"{TITLE} {record.enterprise_name} {record.year}")
        drawer.draw(canvas, record, sign_plaque(key, record))
        canvas.save()
    return out
