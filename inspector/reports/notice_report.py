"""The rectification notice (整改通知书) or supervision opinion letter (监督意见书): A4 portrait PDF.

Fields of domain.md §3: number, type (责令立即改正 / 责令限期改正), the enterprise's full name and
credit code, the inspection date, each hazard with its exact location, the clause violated, the
requirement and its deadline, the re-check date, the issuing body and (at least) two
inspectors, and a receipt stub (回执) under a cut line for the enterprise to sign and return.
A 监督意见书 also states the unions' rule that the enterprise replies in writing within
15 working days.

The same notice can be printed as either document (`kind`); by default as the kind it was
issued as. A receipt already recorded is printed filled in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from inspector.core.dates import format_cn
from inspector.core.errors import DomainError
from inspector.services.notices import NoticeKind, NoticeView, OrderType

from .fonts import fit_font_size, register_fonts
from .page_numbers import numbered_canvas
from .report_styles import (
    CONTENT_WIDTH,
    MUTED,
    RED,
    SHADE,
    Styles,
    a4_document,
    grid_table,
    para,
    table,
    text,
    write_atomically,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from inspector.workspace import Workspace

REPLY_WORKING_DAYS = 15  # the unions' labour-law supervision rules (domain.md §1)
BLANK_DATE = "________年____月____日"  # (full-width spaces would collapse in a Paragraph)


def parse_kind(kind: str | NoticeKind | None, stored: NoticeKind) -> NoticeKind:
    if kind is None or kind == "":
        return stored
    try:
        return NoticeKind(kind)
    except ValueError:
        choices = "、".join(f"{k.value}（{k.label}）" for k in NoticeKind)
        raise DomainError(f"通知书类别“{kind}”无效：只能是 {choices}") from None


def write_notice(ws: Workspace, notice_id: str, out: Path, kind: str | None = None) -> Path:
    """Write the notice (by id or number) as a 整改通知书 or 监督意见书 to `out`, atomically.

    Raises DomainError for an unknown notice or kind."""
    notice = ws.notices.get(notice_id)
    chosen = parse_kind(kind, notice.kind)
    styles = Styles()
    story = _story(notice, chosen, styles)

    def build(target: str) -> None:
        subject = (
            f"{notice.enterprise_name}（{notice.credit_code}）{chosen.label} {notice.number}，"
            f"事故隐患 {len(notice.hazards)} 项"
        )
        doc = a4_document(target, f"{chosen.label} {notice.number}", notice.issuing_body, subject)
        doc.build(story, canvasmaker=numbered_canvas(f"{chosen.label}编号 {notice.number}"))

    return write_atomically(out, build)


class CutLine(Flowable):
    """A dashed line across the page with 沿此线剪开 in its middle: the receipt stub is cut off
    along it and returned signed."""

    LABEL = "（沿此线剪开）"

    def __init__(self, width: float = CONTENT_WIDTH, height: float = 18) -> None:
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        font = register_fonts()
        label_width = canvas.stringWidth(self.LABEL, font, 9) + 12
        middle = self.height / 2
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        left_end = (self.width - label_width) / 2
        canvas.line(0, middle, left_end, middle)
        canvas.line(left_end + label_width, middle, self.width, middle)
        canvas.setFillColor(MUTED)
        canvas.setFont(font, 9)
        canvas.drawCentredString(self.width / 2, middle - 3, self.LABEL)
        canvas.restoreState()


# -- the story --------------------------------------------------------------------------------
def _story(notice: NoticeView, kind: NoticeKind, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    body_size = fit_font_size(notice.issuing_body, CONTENT_WIDTH, 20, 12)
    # The issuing body in red above the title: the 红头 of an official document.
    story.append(Paragraph(f'<font size="{body_size}">{text(notice.issuing_body)}</font>', styles.head))
    story.append(Paragraph(text(kind.label), styles.title))
    story.append(para(f"编号：{notice.number}", styles.right))
    story.append(HRFlowable(width="100%", thickness=1.5, color=RED, spaceBefore=2, spaceAfter=10))

    story.append(para(f"{notice.enterprise_name}：", styles.body))
    story.append(para(f"（统一社会信用代码：{notice.credit_code}）", styles.small))
    story.append(Spacer(1, 4))
    story.append(para(_opening(notice, kind), styles.body_indent))
    story.append(Spacer(1, 6))
    story.append(_hazard_table(notice, styles))
    story.append(Spacer(1, 6))
    for sentence in _closing(notice, kind):
        story.append(para(sentence, styles.body_indent))
    story.append(Spacer(1, 10))
    story.append(KeepTogether(_issuer_block(notice, styles)))
    story.append(Spacer(1, 4))
    story.append(para(f"本{kind.label}一式两份，一份交被检查企业，一份由{notice.issuing_body}存档。", styles.small))
    story.append(Spacer(1, 14))
    story.append(KeepTogether([CutLine(), Spacer(1, 8), *_receipt(notice, kind, styles)]))
    return story


def _opening(notice: NoticeView, kind: NoticeKind) -> str:
    when = (
        f"{format_cn(notice.inspection_date)}，我单位检查人员对你单位进行了安全生产检查"
        if notice.inspection_date
        else "经核查"
    )
    count = len(notice.hazards)
    if kind is NoticeKind.SUPERVISION:
        demand = "立即整改" if notice.order_type is OrderType.IMMEDIATE else "在下列期限内整改"
        return (
            f"{when}，发现你单位存在下列 {count} 项事故隐患。根据工会劳动保护监督检查的有关规定，"
            f"提出如下监督意见，请你单位{demand}："
        )
    demand = "立即改正" if notice.order_type is OrderType.IMMEDIATE else "在下列期限内改正"
    return (
        f"{when}，发现你单位存在下列 {count} 项事故隐患。依据安全生产有关法律、法规和标准，"
        f"现{notice.order_type.label}，责令你单位{demand}："
    )


# A suspected major hazard is named as suspected until the authority confirms it (domain.md §2).
NOTICE_LEVELS = {
    "suspected": "（疑似重大事故隐患）",
    "referred": "（疑似重大事故隐患）",
    "confirmed": "（重大事故隐患）",
}


def _hazard_table(notice: NoticeView, styles: Styles) -> Flowable:
    header = ["序号", "隐患位置", "隐患描述", "违反条款", "整改要求", "整改期限"]
    rows: list[list[object]] = [[para(h, styles.header_cell) for h in header]]
    for number, hazard in enumerate(notice.hazards, start=1):
        severity = NOTICE_LEVELS.get(hazard.major_status, "")
        rows.append(
            [
                para(number, styles.cell_center),
                para(hazard.location, styles.cell),
                para(hazard.description + severity, styles.cell),
                para(hazard.clause or "—", styles.cell),
                para(hazard.requirement or "—", styles.cell),
                para(format_cn(hazard.deadline), styles.cell_center),
            ]
        )
    widths = [28, 70, 118, 98, 0, 76]
    widths[4] = CONTENT_WIDTH - sum(widths)
    return grid_table(rows, widths)


def _closing(notice: NoticeView, kind: NoticeKind) -> list[str]:
    sentences = []
    if notice.order_type is OrderType.IMMEDIATE:
        sentences.append("对上述隐患，你单位应当立即改正；整改期间应当采取有效的防范措施，确保安全。")
    else:
        sentences.append(
            "你单位应当在规定期限内完成整改，整改期间应当采取有效的防范措施，确保安全；"
            "逾期未整改的，将依照有关规定处理。"
        )
    if notice.recheck_on is not None:
        sentences.append(f"复查日期：{format_cn(notice.recheck_on)}。届时我单位将对整改情况进行复查。")
    else:
        sentences.append("整改完成后，请及时告知我单位，我单位将对整改情况进行复查。")
    if kind is NoticeKind.SUPERVISION:
        sentences.append(
            f"请你单位自收到本意见书之日起 {REPLY_WORKING_DAYS} 个工作日内，将整改落实情况书面回复我单位。"
        )
    else:
        sentences.append("整改完成后，请将整改情况书面报告我单位。")
    return sentences


def _issuer_block(notice: NoticeView, styles: Styles) -> list[Flowable]:
    inspectors = "　".join(f"{name}（签名）________" for name in notice.inspectors)
    rows = [
        [para("检查人员：", styles.body), para(inspectors, styles.body)],
        [para("签发单位：", styles.body), para(f"{notice.issuing_body}（盖章）", styles.body)],
        [para("签发日期：", styles.body), para(format_cn(notice.issued_on), styles.body)],
    ]
    return [
        table(
            rows,
            [70, CONTENT_WIDTH - 70],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
    ]


def _receipt(notice: NoticeView, kind: NoticeKind, styles: Styles) -> list[Flowable]:
    reply = (
        f"，并于 {REPLY_WORKING_DAYS} 个工作日内书面回复整改落实情况"
        if kind is NoticeKind.SUPERVISION
        else "，按期完成整改"
    )
    statement = (
        f"我单位已收到{notice.issuing_body} {format_cn(notice.issued_on)} 签发的《{kind.label}》"
        f"（编号：{notice.number}），共 {len(notice.hazards)} 项事故隐患，将按要求落实{reply}。"
    )
    signer = notice.received_by or ""
    received = format_cn(notice.received_on) if notice.received_on else BLANK_DATE
    fields = [
        [para("企业名称", styles.cell_center), para(notice.enterprise_name, styles.cell)],
        [para("统一社会信用代码", styles.cell_center), para(notice.credit_code, styles.cell)],
        [para("签收人（签名）", styles.cell_center), para(signer, styles.cell)],
        [para("签收日期", styles.cell_center), para(received, styles.cell)],
        [para("企业（盖章）", styles.cell_center), ""],
    ]
    box = grid_table(
        fields,
        [96, CONTENT_WIDTH - 96],
        header_rows=0,
        extra=[("BACKGROUND", (0, 0), (0, -1), SHADE)],
        rowHeights=[None, None, 34, None, 44],  # room to sign and to stamp
    )
    return [
        Paragraph(text(f"回执（{kind.label}编号 {notice.number}）"), styles.subheading),
        para(f"{notice.issuing_body}：", styles.body),
        para(statement, styles.body_indent),
        Spacer(1, 6),
        box,
    ]
