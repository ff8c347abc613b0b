"""The rating plaque (评估分级亮牌), A4 or A3 landscape, with the signed QR code.

One drawing, in A4-landscape points: the A3 plaque is the same drawing scaled by √2, so the two
sizes never drift apart. `PlaqueDrawer` holds what every page shares (font, seal, office,
verification address) so the batch (plaque_batch) draws a thousand pages without reloading
anything.

Print-safe: the frame's outer edge is 12 mm from the paper's edge and everything else inside
it, clear of office printers' non-printable border (up to about 6 mm; nothing is printed within
10 mm). The QR code (plaque_qr) is 60 mm square with its quiet zone, more than 1 mm a module;
its caption sits below the quiet zone. A plaque printed after its validity carries a red line
saying it has expired.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, UnidentifiedImageError
from reportlab.lib.colors import white
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from inspector.core.dates import format_cn
from inspector.core.errors import DomainError
from inspector.core.plaque import PlaqueValidity
from inspector.services.office_keys import PlaqueRecord

from .fonts import fit_font_size, register_fonts, text_width
from .plaque_keys import load_signing_key
from .plaque_output import atomic_output
from .plaque_qr import draw_qr, qr_matrix, qr_text
from .plaque_signing import sign_plaque
from .plaque_style import DESIGN_SIZE, FRAME, GRADE_COLOURS, INK, MUTED, page_size

if TYPE_CHECKING:
    from inspector.workspace import Workspace

TITLE = "安全生产劳动保护评估分级亮牌"
FRAME_INSET = 36.0  # points from the paper's edge to the frame's centre line (4 pt wide): 12 mm clear
INNER_INSET = 45.0
QR_SIZE = 170.0  # points on A4 with the quiet zone: 60 mm, 1.05–1.22 mm a module at versions 6–8
MIN_MODULE_MM = 1.0  # phones read a printed code first time from this size on
NAME_WIDTH = 420.0
LINE_WIDTH = 248.0  # detail lines level with the QR code stop short of it
QR_BOTTOM = 84.0


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

    def __init__(
        self,
        office_name: str,
        size: str = "A4",
        seal: ImageReader | None = None,
        verify_url: str = "",
        today: date | None = None,
        validity: Callable[[int], PlaqueValidity] = PlaqueValidity,
    ) -> None:
        """`validity` gives the validity of a plaque year (the workspace's, by the settings' rule)."""
        self.font = register_fonts()
        self.office_name = office_name
        self.pagesize = page_size(size)
        self.scale = self.pagesize[0] / DESIGN_SIZE[0]
        self.seal = seal
        self.verify_url = verify_url
        self.today = today
        self._validity = cache(validity)
        self.demo = False  # signed with the demo's key: every page says so

    def canvas(self, path: Path, title: str, subject: str) -> Canvas:
        canvas = Canvas(str(path), pagesize=self.pagesize, initialFontName=self.font, pageCompression=1)
        canvas.setTitle(title)
        canvas.setSubject(subject)
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
        validity = self._validity(record.year)
        if self.today is not None and validity.expired(self.today):
            self._expired(canvas, validity)
        if self.demo:
            self._demo(canvas)
        canvas.restoreState()
        canvas.showPage()

    # -- parts ---------------------------------------------------------------------------------
    def _frame(self, c: Canvas) -> None:
        width, height = DESIGN_SIZE
        c.setStrokeColor(FRAME)
        c.setLineWidth(4)
        c.rect(FRAME_INSET, FRAME_INSET, width - 2 * FRAME_INSET, height - 2 * FRAME_INSET)
        c.setLineWidth(1)
        c.rect(INNER_INSET, INNER_INSET, width - 2 * INNER_INSET, height - 2 * INNER_INSET)
        c.setFillColor(FRAME)
        size = fit_font_size(TITLE, width - 150, 32)
        c.setFont(self.font, size)
        c.drawCentredString(width / 2, height - 96, TITLE)
        c.setLineWidth(1.5)
        c.line(72, height - 114, width - 72, height - 114)
        c.setFillColor(MUTED)
        c.setFont(self.font, 9)
        c.drawCentredString(
            width / 2 - 60,
            56,
            "本亮牌公示评定年度的评定结果，在有效期内有效；存在重大事故隐患等情形即时降级，以发证单位最新评定为准。",
        )

    def _grade(self, c: Canvas, grade: str) -> None:
        colour = GRADE_COLOURS.get(grade, INK)
        x, y, w, h = 72, 80, 258, 372
        c.setFillColor(colour)
        c.roundRect(x, y, w, h, 18, stroke=0, fill=1)
        c.saveState()
        c.setFillColor(white)
        c.setStrokeColor(white)
        # The font has one weight: fill and stroke together (render mode 2) thicken the letter.
        c.setLineWidth(6)
        text = c.beginText()
        text.setTextRenderMode(2)
        size = 285.0
        text.setFont(self.font, size)
        text.setTextOrigin(x + (w - text_width(grade, size)) / 2, y + 112)
        text.textOut(grade)
        text.setTextRenderMode(0)
        c.drawText(text)
        c.restoreState()
        c.setFillColor(white)
        c.setFont(self.font, 30)
        c.drawCentredString(x + w / 2, y + 34, f"{grade} 级")

    def _details(self, c: Canvas, record: PlaqueRecord) -> None:
        left, top = 362.0, 428.0
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
            ("有效期至", self._validity(record.year).printed()),
            ("发证单位", self.office_name),
            ("发证日期", format_cn(record.issued_on)),
            ("编号", record.serial),
        ]
        y = min(y - 14, 340.0)
        step = min(30.0, (y - 92) / (len(details) - 1))
        for label, value in details:
            self._detail_line(c, left, y, label, value)
            y -= step
        if self.seal is not None:
            # Over the issuing body and date, as a stamped seal sits on a printed document.
            c.drawImage(self.seal, left + 120, 92, 110, 110, mask="auto", preserveAspectRatio=True, anchor="c")

    def _detail_line(self, c: Canvas, x: float, y: float, label: str, value: str) -> None:
        head = f"{label}："
        c.setFillColor(MUTED)
        c.setFont(self.font, 14)
        c.drawString(x, y, head)
        start = x + text_width(head, 14)
        c.setFillColor(INK)
        width = LINE_WIDTH if y < QR_BOTTOM + QR_SIZE + 8 else NAME_WIDTH
        c.setFont(self.font, fit_font_size(value, width - (start - x), 15, min_size=7))
        c.drawString(start, y, value)

    def _qr(self, c: Canvas, payload: str) -> None:
        width, _height = DESIGN_SIZE
        x, y = width - INNER_INSET - 12 - QR_SIZE, QR_BOTTOM
        matrix = qr_matrix(qr_text(payload, self.verify_url))
        if matrix.module_mm(QR_SIZE * self.scale) < MIN_MODULE_MM:
            raise DomainError(
                f"二维码内容太长（第 {matrix.version} 版），打印出来每格不足 1 毫米，手机难以识别；"
                "请在设置中改用更短的亮牌验证地址"
            )
        draw_qr(c, matrix, x, y, QR_SIZE)
        c.setFillColor(MUTED)
        c.setFont(self.font, 10)
        # Below the quiet zone, never in it: decoders find the code by its white border.
        c.drawCentredString(x + QR_SIZE / 2, y - 12, "扫码验证真伪")

    def _expired(self, c: Canvas, validity: PlaqueValidity) -> None:
        """A red line under the title: a plaque printed after its validity is a record, not a proof."""
        width, height = DESIGN_SIZE
        assert validity.valid_until is not None
        until = format_cn(validity.valid_until)
        c.setFillColor(FRAME)
        c.setFont(self.font, 13)
        c.drawCentredString(width / 2, height - 134, f"本亮牌已于 {until} 期满失效，仅供存档，不作为当前等级证明")

    def _demo(self, c: Canvas) -> None:
        """A plaque signed with the demo's key is for training, never for a wall: a faint 演示
        across the details, and the reason in words above the footer."""
        width, height = DESIGN_SIZE
        c.saveState()
        c.setFillColor(FRAME)
        c.setFillAlpha(0.16)
        c.translate(width * 0.66, height * 0.5)
        c.rotate(18)
        c.setFont(self.font, 120)
        c.drawCentredString(0, -40, DEMO_MARK)
        c.restoreState()
        c.setFillColor(FRAME)
        c.setFont(self.font, 11)
        c.drawCentredString(width / 2 - 60, 66, DEMO_NOTE)  # above the footer, clear of the grade


DEMO_MARK = "演示"
DEMO_NOTE = "演示密钥签发，仅供培训，不作为等级证明"


def plaque_drawer(ws: Workspace, size: str = "A4") -> PlaqueDrawer:
    settings = ws.settings
    return PlaqueDrawer(
        settings.office_name, size, seal_reader(ws), settings.plaque_verify_url, ws.today(), ws.plaque_validity
    )


def expiry_warning(validity: PlaqueValidity, today: date) -> str:
    """One sentence when plaques of the validity's year are past it on `today`, else ""."""
    if not validity.expired(today):
        return ""
    assert validity.valid_until is not None
    return f"{validity.year} 年度亮牌已于 {format_cn(validity.valid_until)} 期满失效：打印件会注明“仅供存档”"


def write_plaque(ws: Workspace, enterprise_id: str, year: int, out: Path, size: str = "A4") -> Path:
    """The enterprise's current plaque of `year` as a one-page PDF (enterprise_id: id or credit code)."""
    drawer = plaque_drawer(ws, size)
    record = ws.office_keys.current_plaque(resolve_enterprise(ws, enterprise_id), year)
    if record is None:
        raise DomainError(f"该企业没有 {year} 年的有效亮牌（尚未评级或已被取代）")
    key = load_signing_key(ws)
    drawer.demo = key.demo
    with atomic_output(out) as tmp:
        subject = (
            f"{record.enterprise_name}（{record.credit_code}）{record.year}年度 {record.grade}级 编号 {record.serial}"
        )
        canvas = drawer.canvas(tmp, f"{TITLE} {record.enterprise_name} {record.year}", subject)
        drawer.draw(canvas, record, sign_plaque(key, record))
        canvas.save()
    return out
