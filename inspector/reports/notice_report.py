"""The documents of a notice number, A4 portrait PDF: one number is one document.

- A union's 监督意见书 or 整改建议书 (domain.md §2): it *asks* for rectification by a date and
  never orders; it names the inspectors with their 监督证 numbers and the 签发人, and states that
  the enterprise replies in writing within 15 working days, with the due date counted on China's
  official calendar (inspector.core.working_days; past the calendar's known years Monday to
  Friday, and the letter says so).
- An authority's 责令限期整改指令书: "责令立即改正" or "责令限期改正".
- A union's 建议书 to the authority (移送) for a letter left unanswered or a major hazard.
- A 整改通知书 issued before office kinds: printed as issued, in the words of the office's kind.

Each carries the fields of domain.md §3: number, the enterprise's full name and credit code, the
inspection date, each hazard with its exact location, the clause violated, the requirement and
its deadline, the re-check date, the issuing body, and a receipt stub (回执) under a cut line
for the addressee to sign and return. A receipt already recorded is printed filled in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from inspector.core.dates import format_cn
from inspector.core.office_kind import (
    REPLY_WORKING_DAYS,
    NoticeKind,
    OfficeKind,
    OrderType,
    ReferralReason,
    asks_reply,
    orders,
)
from inspector.services.notices import NoticeView

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

BLANK_DATE = "________年____月____日"  # (full-width spaces would collapse in a Paragraph)
SAFETY_LAW_60 = (
    "《中华人民共和国安全生产法》第六十条规定，工会发现生产经营单位违章指挥、强令冒险作业或者发现事故隐患时，"
    "有权提出解决的建议，生产经营单位应当及时研究答复"
)


def write_notice(ws: Workspace, notice_id: str, out: Path) -> Path:
    """Write the document of a notice number (or record id) to `out`, atomically, as the
    document type it was issued as. Raises DomainError for an unknown notice."""
    notice = ws.notices.get(notice_id)
    office = ws.settings.kind
    styles = Styles()
    if notice.kind is NoticeKind.REFERRAL:
        letter = ws.notices.get(notice.refers_to) if notice.refers_to else None
        story = _referral_story(notice, letter, styles)
    else:
        story = _story(notice, office, styles)

    def build(target: str) -> None:
        subject = (
            f"{notice.enterprise_name}（{notice.credit_code}）{notice.kind.label} {notice.number}，"
            f"事故隐患 {len(notice.hazards)} 项"
        )
        doc = a4_document(target, f"{notice.kind.label} {notice.number}", notice.issuing_body, subject)
        doc.build(story, canvasmaker=numbered_canvas(f"{notice.kind.label}编号 {notice.number}"))

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


# -- the letter or order ------------------------------------------------------------------------
def _story(notice: NoticeView, office: OfficeKind, styles: Styles) -> list[Flowable]:
    kind = notice.kind
    ordering = orders(kind, office)
    story = _head(notice, styles)
    story.append(para(f"{notice.enterprise_name}：", styles.body))
    story.append(para(f"（统一社会信用代码：{notice.credit_code}）", styles.small))
    story.append(Spacer(1, 4))
    story.append(para(_opening(notice, ordering), styles.body_indent))
    story.append(Spacer(1, 6))
    story.append(_hazard_table(notice, styles))
    story.append(Spacer(1, 6))
    for sentence in _closing(notice, ordering):
        story.append(para(sentence, styles.body_indent))
    return story + _signatures_and_receipt(notice, ordering, "被检查企业", styles)


def _signatures_and_receipt(notice: NoticeView, ordering: bool, recipient: str, styles: Styles) -> list[Flowable]:
    """Who signs and stamps, where the two copies go, and the receipt stub under the cut line."""
    copies = f"本{notice.kind.label}一式两份，一份交{recipient}，一份由{notice.issuing_body}存档。"
    # The signatures, the stub and the cut line move as one: a stub never sits alone on a page
    # without the notice it acknowledges.
    return [
        Spacer(1, 10),
        KeepTogether(
            [
                *_issuer_block(notice, ordering, styles),
                Spacer(1, 4),
                para(copies, styles.small),
                Spacer(1, 14),
                CutLine(),
                Spacer(1, 8),
                *_receipt(notice, styles),
            ]
        ),
    ]


def _head(notice: NoticeView, styles: Styles) -> list[Flowable]:
    body_size = fit_font_size(notice.issuing_body, CONTENT_WIDTH, 20, 12)
    # The issuing body in red above the title: the 红头 of an official document.
    return [
        Paragraph(f'<font size="{body_size}">{text(notice.issuing_body)}</font>', styles.head),
        Paragraph(text(notice.kind.label), styles.title),
        para(f"编号：{notice.number}", styles.right),
        HRFlowable(width="100%", thickness=1.5, color=RED, spaceBefore=2, spaceAfter=10),
    ]


def _opening(notice: NoticeView, ordering: bool) -> str:
    count = len(notice.hazards)
    if ordering:
        when = (
            f"{format_cn(notice.inspection_date)}，我单位执法人员对你单位进行了安全生产检查"
            if notice.inspection_date
            else "经核查"
        )
        demand = "立即改正" if notice.order_type is OrderType.IMMEDIATE else "在下列期限内改正"
        return (
            f"{when}，发现你单位存在下列 {count} 项事故隐患。依据安全生产有关法律、法规和标准，"
            f"现{notice.order_type.label}，责令你单位{demand}："
        )
    when = (
        f"{format_cn(notice.inspection_date)}，我单位劳动保护监督检查人员对你单位进行了安全生产劳动保护监督检查"
        if notice.inspection_date
        else "经我单位劳动保护监督检查人员核查"
    )
    what = "整改建议" if notice.kind is NoticeKind.SUGGESTION else "监督意见"
    demand = "立即整改" if notice.order_type is OrderType.IMMEDIATE else "在下列期限内整改"
    return f"{when}，发现你单位存在下列 {count} 项事故隐患。根据{SAFETY_LAW_60}。现提出如下{what}，请你单位{demand}："


def _hazard_table(notice: NoticeView, styles: Styles) -> Flowable:
    header = ["序号", "隐患位置", "隐患描述", "违反条款", "整改要求", "整改期限"]
    rows: list[list[object]] = [[para(h, styles.header_cell) for h in header]]
    for number, hazard in enumerate(notice.hazards, start=1):
        severity = "（重大事故隐患）" if hazard.severity == "major" else ""
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


def _closing(notice: NoticeView, ordering: bool) -> list[str]:
    sentences = []
    if ordering:
        if notice.order_type is OrderType.IMMEDIATE:
            sentences.append("对上述隐患，你单位应当立即改正；整改期间应当采取有效的防范措施，确保安全。")
        else:
            sentences.append(
                "你单位应当在规定期限内完成整改，整改期间应当采取有效的防范措施，确保安全；逾期未整改的，将依法处理。"
            )
    elif notice.order_type is OrderType.IMMEDIATE:
        sentences.append("请你单位对上述隐患立即整改；整改期间请采取有效的防范措施，确保安全。")
    else:
        sentences.append("请你单位在上述期限内完成整改；整改期间请采取有效的防范措施，确保安全。")
    if notice.recheck_on is not None:
        sentences.append(f"复查日期：{format_cn(notice.recheck_on)}。届时我单位将对整改情况进行复查。")
    else:
        sentences.append("整改完成后，请及时告知我单位，我单位将对整改情况进行复查。")
    due = notice.reply_due
    if asks_reply(notice.kind) and due is not None:
        start = "收到本意见书" if notice.kind is NoticeKind.SUPERVISION else "收到本建议书"
        when = (
            f"（{format_cn(notice.received_on)}签收，即 {format_cn(due.due)} 前）"
            if notice.received_on
            else f"（当日送达的，即 {format_cn(due.due)} 前）"
        )
        sentences.append(
            f"请你单位自{start}之日起 {REPLY_WORKING_DAYS} 个工作日内{when}，将整改落实情况书面答复我单位；"
            "逾期未答复或隐患未整改的，我单位将建议有关行政机关依法处理。"
        )
        if due.assumed:
            sentences.append(f"注：{due.caveat()}。")
    elif ordering:
        sentences.append("整改完成后，请将整改情况书面报告我单位。")
    else:
        sentences.append("整改完成后，请将整改情况书面告知我单位。")
    return sentences


def _people(notice: NoticeView, with_permits: bool) -> list[str]:
    people = []
    for index, name in enumerate(notice.inspectors):
        permit = notice.permits[index] if index < len(notice.permits) else ""
        number = f"（监督证号 {permit}）" if with_permits and permit else ""
        people.append(f"{name}{number}（签名）________")
    return people


def _issuer_block(notice: NoticeView, ordering: bool, styles: Styles) -> list[Flowable]:
    union = not ordering
    label = "监督检查员：" if union else "执法人员："
    # One line each: a name with its 监督证 number and room to sign.
    rows = [
        [para(label if index == 0 else "", styles.body), para(person, styles.body)]
        for index, person in enumerate(_people(notice, union))
    ]
    if notice.signed_by:
        rows.append([para("签发人：", styles.body), para(f"{notice.signed_by}（签名）________", styles.body)])
    rows += [
        [para("签发单位：", styles.body), para(f"{notice.issuing_body}（盖章）", styles.body)],
        [para("签发日期：", styles.body), para(format_cn(notice.issued_on), styles.body)],
    ]
    return [
        table(
            rows,
            [76, CONTENT_WIDTH - 76],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
    ]


def _receipt(notice: NoticeView, styles: Styles) -> list[Flowable]:
    kind = notice.kind
    if kind is NoticeKind.REFERRAL:
        party, code = notice.addressee, ""
        statement = (
            f"我单位已收到{notice.issuing_body} {format_cn(notice.issued_on)} 移送的《{kind.label}》"
            f"（编号：{notice.number}），涉及{notice.enterprise_name}事故隐患 {len(notice.hazards)} 项，将依法处理。"
        )
    else:
        party, code = notice.enterprise_name, notice.credit_code
        reply = f"，并于 {REPLY_WORKING_DAYS} 个工作日内书面答复整改落实情况" if asks_reply(kind) else "，按期完成整改"
        statement = (
            f"我单位已收到{notice.issuing_body} {format_cn(notice.issued_on)} 签发的《{kind.label}》"
            f"（编号：{notice.number}），共 {len(notice.hazards)} 项事故隐患，将按要求落实{reply}。"
        )
    signer = notice.received_by or ""
    received = format_cn(notice.received_on) if notice.received_on else BLANK_DATE
    fields = [
        [para("单位名称" if kind is NoticeKind.REFERRAL else "企业名称", styles.cell_center), para(party, styles.cell)]
    ]
    heights: list[float | None] = [None]
    if code:
        fields.append([para("统一社会信用代码", styles.cell_center), para(code, styles.cell)])
        heights.append(None)
    fields += [
        [para("签收人（签名）", styles.cell_center), para(signer, styles.cell)],
        [para("签收日期", styles.cell_center), para(received, styles.cell)],
        [para("单位（盖章）" if kind is NoticeKind.REFERRAL else "企业（盖章）", styles.cell_center), ""],
    ]
    heights += [34, None, 44]  # room to sign and to stamp
    box = grid_table(
        fields,
        [96, CONTENT_WIDTH - 96],
        header_rows=0,
        extra=[("BACKGROUND", (0, 0), (0, -1), SHADE)],
        rowHeights=heights,
    )
    return [
        Paragraph(text(f"回执（{kind.label}编号 {notice.number}）"), styles.subheading),
        para(f"{notice.issuing_body}：", styles.body),
        para(statement, styles.body_indent),
        Spacer(1, 6),
        box,
    ]


# -- the referral (建议书, 移送) ----------------------------------------------------------------------
def _referral_story(notice: NoticeView, letter: NoticeView | None, styles: Styles) -> list[Flowable]:
    story = _head(notice, styles)
    story.append(para(f"{notice.addressee}：", styles.body))
    story.append(Spacer(1, 4))
    for sentence in _referral_reasons(notice, letter):
        story.append(para(sentence, styles.body_indent))
    story.append(Spacer(1, 6))
    story.append(_hazard_table(notice, styles))
    story.append(Spacer(1, 6))
    story.append(
        para(
            f"{SAFETY_LAW_60}。根据工会劳动保护监督检查的有关规定，现将上述情况移送你单位，"
            "建议依法调查处理、督促该单位整改，并将处理结果函告我单位。",
            styles.body_indent,
        )
    )
    if letter is not None:
        story.append(
            para(f"附件：《{letter.kind.label}》（编号：{letter.number}）及其回执复印件。", styles.body_indent)
        )
    return story + _signatures_and_receipt(notice, False, notice.addressee, styles)


def _referral_reasons(notice: NoticeView, letter: NoticeView | None) -> list[str]:
    enterprise = f"{notice.enterprise_name}（统一社会信用代码：{notice.credit_code}）"
    count = len(notice.hazards)
    if notice.reason is ReferralReason.MAJOR_HAZARD or letter is None:
        when = f"于 {format_cn(notice.inspection_date)} " if notice.inspection_date else ""
        return [
            f"我单位劳动保护监督检查人员{when}在{enterprise}发现下列 {count} 项重大事故隐患"
            "（依据《工贸企业重大事故隐患判定标准》或 GB 35181 判定，有待你单位依法认定），"
            "需停产停业整改或企业难以自行排除，特此移送。"
        ]
    assert letter.reply_due is not None
    received = f"该单位于 {format_cn(letter.received_on)} 签收，" if letter.received_on else ""
    return [
        f"我单位于 {format_cn(letter.issued_on)} 向{enterprise}签发《{letter.kind.label}》（编号：{letter.number}），"
        f"提出整改意见，并请其自收到之日起 {REPLY_WORKING_DAYS} 个工作日内书面答复。",
        f"{received}答复期限至 {format_cn(letter.reply_due.due)} 届满，该单位{ReferralReason.UNANSWERED.label}，"
        f"下列 {count} 项事故隐患至今未整改完毕。",
    ]
