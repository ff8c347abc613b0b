"""The inspection report (安全生产检查报告) the enterprise receives: A4 portrait PDF.

Contents (issue #5 item 2): the enterprise, date, inspectors, template and version; score, grade
and every reason; section scores; failed and partly met items; each hazard with its before
photos, level, measures and deadline; amendments; signatures; 第 x 页 共 y 页 and the report id
on every page. What it prints is the workspace's `InspectionReview`, the read model the review
screen shows too (inspector/services/inspection_review.py). Which result is printed:
- a finalized inspection prints its *effective* result: the signed answers with every amendment
  (更正) applied, graded with the frozen template version; when amendments exist the signed
  original score and grade are printed beside it, and the amendments are listed;
- a completed inspection (signatures may still be missing) prints its stored result; missing
  signatures are left as blank lines to sign on paper;
- a draft prints too — inspectors print one to go through it with the enterprise — but marked
  草稿 on every page with a provisional (暂定) result; a draft without any applicable answer has
  nothing to report and is refused (NothingToReview).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
)

from inspector.core.amendment import Amendment
from inspector.core.checklist import Result
from inspector.core.dates import format_cn
from inspector.core.inspection import InspectionStatus
from inspector.photos.photo_store import PhotoStore
from inspector.services.hazards import HazardView
from inspector.services.inspection_review import InspectionReview
from inspector.services.signatures import REQUIRED_ROLES

from .fonts import fit_font_size, register_fonts
from .page_numbers import numbered_canvas
from .photo_grid import GridPhoto, Scaled, photo_rows, scale_all
from .report_styles import (
    CONTENT_WIDTH,
    GRID,
    MARGIN_X,
    MUTED,
    PAGE,
    RED,
    SHADE,
    Styles,
    a4_document,
    field_table,
    grid_table,
    para,
    table,
    text,
    write_atomically,
)
from .signature_drawing import PAD_ASPECT, signature_flowable

if TYPE_CHECKING:
    from inspector.workspace import Workspace

TITLE = "安全生产检查报告"
CHINESE_NUMERALS = "一二三四五六七八九十"
SCORE_WIDTH = 132  # pt: "85.5 分（暂定）" and "A 级（暂定）" on one line
SECTION_MIN_SPACE = 130  # pt: a section starting lower than this starts on the next page
SEVERITY_LABELS = {"general": "一般事故隐患", "major": "重大事故隐患"}


def report_id(number: str) -> str:
    """The number printed in the footer: the inspection's number (JC-2026-3F9A-0001), which
    the window shows too, so a printed page leads back to its inspection."""
    return number


def write_inspection_report(ws: Workspace, inspection_id: str, out: Path) -> Path:
    """Write the report of one inspection to `out` (atomically) and return the path.

    Raises DomainError for an unknown id or a draft with nothing answered."""
    data = ws.reviews.get(inspection_id)
    styles = Styles()
    shown = ws.photo_versions.shown  # marked-up versions where there are any
    item_photos = {code: shown(shas) for code, shas in ws.inspections.photos(inspection_id).items()}
    hazard_photos = {hazard.id: shown(list(hazard.before_photos)) for hazard in data.hazards}
    story = _story(data, styles, Photos(ws.photos, item_photos, hazard_photos))
    decorate = _page_decoration(data)

    def build(target: str) -> None:
        title = f"{TITLE}{'（草稿）' if data.draft else ''} {data.enterprise.name}"
        doc = a4_document(target, title, ws.settings.office_name, _subject(data))
        doc.build(
            story,
            onFirstPage=decorate,
            onLaterPages=decorate,
            canvasmaker=numbered_canvas(f"报告编号 {report_id(data.view.number)}"),
        )

    return write_atomically(out, build)


def _subject(data: InspectionReview) -> str:
    """The PDF's subject: what a file list or a document manager shows besides the title."""
    v, e = data.view, data.enterprise
    draft = "（草稿）" if data.draft else ""
    return (
        f"{e.name}（{e.credit_code}）{format_cn(v.inspection_date)} 安全生产检查{draft}，报告编号 {report_id(v.number)}"
    )


# -- page furniture ---------------------------------------------------------------------------
def _page_decoration(data: InspectionReview) -> Callable[[Canvas, object], None]:
    """A running head (title, enterprise) on later pages and, for a draft, 草稿 on every page."""
    font = register_fonts()
    width, height = PAGE
    name = data.enterprise.name

    def decorate(canvas: Canvas, doc: object) -> None:
        canvas.saveState()
        if canvas.getPageNumber() > 1:
            canvas.setFont(font, 8)
            canvas.setFillColor(MUTED)
            canvas.drawString(MARGIN_X, height - 36, TITLE)
            size = fit_font_size(name, CONTENT_WIDTH - 90, 8, 5)
            canvas.setFont(font, size)
            canvas.drawRightString(width - MARGIN_X, height - 36, name)
            canvas.setStrokeColor(GRID)
            canvas.setLineWidth(0.4)
            canvas.line(MARGIN_X, height - 40, width - MARGIN_X, height - 40)
        if data.draft:
            canvas.setFillColor(RED)
            canvas.setFillAlpha(0.10)
            canvas.setFont(font, 120)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, -40, "草稿")
        canvas.restoreState()

    return decorate


# -- the story --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Photos:
    """The photo files and which to print: item code → sha256s, hazard id → sha256s."""

    store: PhotoStore
    items: Mapping[str, list[str]]
    hazards: Mapping[str, list[str]]


def _story(data: InspectionReview, styles: Styles, photos: Photos) -> list[Flowable]:
    story: list[Flowable] = []
    title = TITLE + ("（草稿）" if data.draft else "")
    story.append(Paragraph(text(title), styles.title))
    story.append(para(data.template.name_and_version, styles.subtitle))
    if data.draft:
        story.append(Spacer(1, 3))
        story.append(para("本报告为草稿：检查尚未完成，得分和等级为暂定，不作为评级依据。", styles.watermark))
    story.append(Spacer(1, 8))

    sections: list[tuple[str, Callable[[InspectionReview, Styles], list[Flowable]]]] = [
        ("基本情况", _basics),
        ("评定结果", _result),
        ("分项得分", _sections),
        ("不符合项", _findings),
    ]
    if any(photos.items.values()):
        sections.append(("检查项照片", lambda data, styles: _item_photos(data, styles, photos)))
    sections.append(("事故隐患", lambda data, styles: _hazards(data, styles, photos)))
    if data.amendments:
        sections.append(("更正记录", _amendments))
    sections.append(("签名确认", _signatures))
    for number, (heading, build) in enumerate(sections):
        body = build(data, styles)
        heading_para = para(f"{CHINESE_NUMERALS[number]}、{heading}", styles.heading)
        # A heading never ends a page alone: it keeps company with the first block under it.
        story.append(CondPageBreak(SECTION_MIN_SPACE))
        story.append(KeepTogether([heading_para, *_unwrapped(body[0])]) if body else heading_para)
        story.extend(body[1:])
    return story


def _unwrapped(flowable: Flowable) -> list[Flowable]:
    """The contents of a KeepTogether (nesting one in another makes reportlab break the page
    needlessly), else the flowable itself."""
    return list(flowable._content) if isinstance(flowable, KeepTogether) else [flowable]


def _basics(data: InspectionReview, styles: Styles) -> list[Flowable]:
    e, v = data.enterprise, data.view
    status = v.status.label + ("（已更正）" if data.amendments else "")
    return [
        field_table(
            [
                [("企业名称", e.name)],
                [("统一社会信用代码", e.credit_code), ("镇（街道）", e.town)],
                [("地址", e.address or "—")],
                [("检查日期", format_cn(v.inspection_date)), ("检查人员", "、".join(v.inspectors))],
                [("检查表", data.template.name_and_version)],
                [("检查编号", v.number), ("状态", status)],
            ],
            styles,
        )
    ]


def _result(data: InspectionReview, styles: Styles) -> list[Flowable]:
    result = data.result
    provisional = "（暂定）" if data.draft or not result.complete else ""
    score = Paragraph(f"得分<br/><font size=26>{result.score:g}</font> 分{provisional}", styles.score_cell)
    grade = Paragraph(f"评定等级<br/><font size=26>{result.grade.value}</font> 级{provisional}", styles.score_cell)
    reasons = "<br/>".join(f"{i}. {text(reason.text)}" for i, reason in enumerate(result.reasons, start=1))
    reasons_cell = Paragraph("评定理由：<br/>" + reasons, styles.cell)
    box = table(
        [[score, grade, reasons_cell]],
        [SCORE_WIDTH, SCORE_WIDTH, CONTENT_WIDTH - 2 * SCORE_WIDTH],
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (1, 0), SHADE),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ],
    )
    flowables: list[Flowable] = [box]
    if data.original is not None:
        score_0, grade_0 = data.original
        flowables.append(Spacer(1, 4))
        flowables.append(
            para(
                f"注：以上为更正后的结果（共 {len(data.amendments)} 项更正，见“更正记录”）；"
                f"原定稿结果为得分 {score_0:g} 分、{grade_0} 级。",
                styles.small,
            )
        )
    return flowables


def _sections(data: InspectionReview, styles: Styles) -> list[Flowable]:
    header = ["序号", "分区", "适用分值", "实得分", "得分率", "已答 / 项数"]
    rows: list[list[object]] = [[para(h, styles.header_cell) for h in header]]
    for number, s in enumerate(data.result.sections, start=1):
        percent = "—" if s.percent is None else f"{s.percent:g}%"
        rows.append(
            [
                para(number, styles.cell_center),
                para(f"{s.code} {s.title}", styles.cell),
                para(f"{s.applicable:g}", styles.cell_right),
                para(f"{s.earned:g}", styles.cell_right),
                para(percent, styles.cell_right),
                para(f"{s.answered} / {s.items}", styles.cell_center),
            ]
        )
    applicable = sum(s.applicable for s in data.result.sections)
    earned = sum(s.earned for s in data.result.sections)
    rows.append(
        [
            "",
            para("合计（得分 = 实得分 ÷ 适用分值 × 100）", styles.cell),
            para(f"{applicable:g}", styles.cell_right),
            para(f"{earned:g}", styles.cell_right),
            para(f"{data.result.score:g}", styles.cell_right),
            "",
        ]
    )
    widths = [32, CONTENT_WIDTH - 32 - 4 * 66, 66, 66, 66, 66]
    return [grid_table(rows, widths, extra=[("BACKGROUND", (0, -1), (-1, -1), SHADE)])]


def _findings(data: InspectionReview, styles: Styles) -> list[Flowable]:
    findings = data.findings()
    if not findings:
        return [para("本次检查未发现不符合项。", styles.body)]
    header = ["编号", "检查项", "结果", "类别", "现场情况"]
    rows: list[list[object]] = [[para(h, styles.header_cell) for h in header]]
    for finding in findings:
        item = finding.item
        kind = "否决项" if item.veto else "关键项" if item.key else "一般项"
        rows.append(
            [
                para(item.code, styles.cell_center),
                para(item.text, styles.cell),
                para(finding.result.label, styles.cell_center),
                para(kind, styles.cell_center),
                para(finding.note or "—", styles.cell),
            ]
        )
    failed = sum(1 for f in findings if f.result is Result.FAIL)
    partial = len(findings) - failed
    widths = [40, 200, 52, 44, CONTENT_WIDTH - 336]
    return [
        para(f"不符合 {failed} 项，部分符合 {partial} 项。", styles.body),
        Spacer(1, 3),
        grid_table(rows, widths),
    ]


def _item_photos(data: InspectionReview, styles: Styles, photos: Photos) -> list[Flowable]:
    """The photos taken at checklist items, under each item's code and text."""
    order = {item.code: index for index, item in enumerate(data.template.items)}
    codes = sorted((code for code, shas in photos.items.items() if shas), key=lambda c: order.get(c, len(order)))
    scaled = scale_all(photos.store.path_of(sha) for code in codes for sha in photos.items[code])
    flowables: list[Flowable] = []
    for code in codes:
        try:
            heading = f"检查项 {code}　{data.template.item(code).text}"
        except KeyError:
            heading = f"检查项 {code}"
        grid = [GridPhoto(photos.store.path_of(sha), f"{code} 照片 {i}") for i, sha in enumerate(photos.items[code], 1)]
        rows = photo_rows(grid, styles, scaled=scaled)
        first = [Spacer(1, 3), rows[0]] if rows else []
        flowables += [KeepTogether([para(heading, styles.subheading), *first]), *rows[1:], Spacer(1, 6)]
    return flowables


def _hazards(data: InspectionReview, styles: Styles, photos: Photos) -> list[Flowable]:
    if not data.hazards:
        return [para("本次检查未发现事故隐患。", styles.body)]
    major = sum(1 for h in data.hazards if h.severity.value == "major")
    scaled = scale_all(photos.store.path_of(sha) for hazard in data.hazards for sha in photos.hazards[hazard.id])
    flowables: list[Flowable] = [
        para(f"共发现事故隐患 {len(data.hazards)} 项，其中重大事故隐患 {major} 项。", styles.body)
    ]
    for number, hazard in enumerate(data.hazards, start=1):
        flowables.extend(_hazard_block(photos, styles, number, hazard, scaled))
    return flowables


def _hazard_block(
    photos: Photos, styles: Styles, number: int, hazard: HazardView, scaled: Mapping[Path, Scaled]
) -> list[Flowable]:
    severity = SEVERITY_LABELS.get(hazard.severity.value, hazard.severity.value)
    location = hazard.location or hazard.location_type.label
    basis = hazard.legal_basis or "—"
    if hazard.major_clause:
        basis = f"{basis}；重大事故隐患判定：{hazard.major_clause}"
    heading = para(
        f"隐患 {number}　{severity}" + (f"（检查项 {hazard.item_code}）" if hazard.item_code else ""), styles.subheading
    )
    table = field_table(
        [
            [("隐患描述", hazard.description)],
            [("位置", location), ("类别", hazard.category.label)],
            [("依据", basis)],
            [("整改措施", hazard.measures or "—")],
            [("整改期限", format_cn(hazard.deadline)), ("责任人", hazard.responsible_person or "—")],
            [("当前状态", hazard.status.label), ("发现人", hazard.found_by)],
        ],
        styles,
    )
    grid = [
        GridPhoto(photos.store.path_of(sha), f"隐患 {number} 整改前照片 {i}")
        for i, sha in enumerate(photos.hazards[hazard.id], start=1)
    ]
    rows = photo_rows(grid, styles, scaled=scaled)
    # The first row of photos stays with its hazard: a page never ends between the two.
    first = [Spacer(1, 3), rows[0]] if rows else []
    return [KeepTogether([heading, table, *first]), *rows[1:], Spacer(1, 6)]


def _amendments(data: InspectionReview, styles: Styles) -> list[Flowable]:
    header = ["更正时间", "更正内容", "原因", "更正人"]
    rows: list[list[object]] = [[para(h, styles.header_cell) for h in header]]
    for amendment in data.amendments:
        rows.append(_amendment_row(amendment, styles))
    widths = [78, 170, CONTENT_WIDTH - 78 - 170 - 70, 70]
    return [
        para("定稿后的更正逐条记录如下；报告中的答案、得分和等级均已按更正计算，原始记录保留备查。", styles.body),
        Spacer(1, 3),
        grid_table(rows, widths),
    ]


def _amendment_row(amendment: Amendment, styles: Styles) -> list[object]:
    at = amendment.amended_at
    return [
        para(format_cn(at.date()), styles.cell_center),
        para(amendment.describe(), styles.cell),
        para(amendment.reason, styles.cell),
        para(amendment.amended_by, styles.cell_center),
    ]


def _signatures(data: InspectionReview, styles: Styles) -> list[Flowable]:
    column = CONTENT_WIDTH / 3
    labels: list[object] = []
    drawings: list[object] = []
    names: list[object] = []
    inspectors = data.view.inspectors
    for index, role in enumerate(REQUIRED_ROLES):
        signature = data.signatures.get(role)
        labels.append(para(role.label, styles.header_cell))
        drawing = signature_flowable(signature, column - 30) if signature else None
        drawings.append(drawing or "")
        if signature is not None:
            names.append(para(f"{signature.signer_name}　{format_cn(signature.signed_at.date())}", styles.cell_center))
        else:
            default = inspectors[index] if index < 2 and index < len(inspectors) else ""
            names.append(para(f"{default}　________年____月____日", styles.cell_center))
    box = table(
        [labels, drawings, names],
        [column] * 3,
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        rowHeights=[None, (column - 30) / PAD_ASPECT + 8, None],
    )
    note = {
        InspectionStatus.DRAFT: "草稿不签名。",
        InspectionStatus.COMPLETED: "检查已完成，尚未定稿；未签名处可在打印件上手写签名。",
        InspectionStatus.FINALIZED: "检查已定稿，以上签名在定稿前于本机签署。",
    }[data.view.status]
    return [KeepTogether([box, Spacer(1, 4), para(note, styles.small)]), Spacer(1, 4 * mm)]
