"""The annual summary for managers (年度安全生产检查工作汇总): totals, grade and light charts, a
table by town and the most frequently failed checklist items, A4 portrait.

Every figure comes from `inspector.queries.summary_figures.annual_figures`, which is built on
`compute_stats` and `hazard_figures`: the summary prints exactly what `inspector stats` says.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from inspector.core.dates import format_cn
from inspector.core.grades import LIGHT_COLOURS as LIGHT_HEX
from inspector.core.grades import PENDING_COLOUR as PENDING_HEX
from inspector.core.grades import PENDING_LABEL, Light
from inspector.core.rates import format_percent, percent
from inspector.core.training import TrainingKind, TrainingTotals
from inspector.queries.hazard_figures import FigureRow
from inspector.queries.summary_figures import AnnualFigures, annual_figures

from .fonts import register_fonts
from .page_numbers import numbered_canvas
from .plaque_output import atomic_output
from .plaque_style import GRADE_COLOURS

if TYPE_CHECKING:
    from inspector.workspace import Workspace

PENDING_COLOUR = colors.HexColor(PENDING_HEX)
LIGHT_COLOURS = {light: colors.HexColor(hex_value) for light, hex_value in LIGHT_HEX.items()}
HEADER_FILL = colors.HexColor("#EDE7E3")
GRID = colors.HexColor("#999999")
STEPS = 4  # progress: figures, charts, tables, PDF


def _n(value: int) -> str:
    return f"{value:,}"


class _Styles:
    def __init__(self, font: str) -> None:
        self.title = ParagraphStyle("title", fontName=font, fontSize=20, leading=26, alignment=TA_CENTER)
        self.subtitle = ParagraphStyle("subtitle", fontName=font, fontSize=10.5, leading=15, alignment=TA_CENTER)
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=13.5, leading=18, spaceBefore=10, spaceAfter=6)
        self.body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13)
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11)
        self.note = ParagraphStyle("note", fontName=font, fontSize=8, leading=11, textColor=colors.HexColor("#555555"))


def _table(data: list[list[object]], widths: list[float], font: str, total_row: bool = False) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if total_row:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F6F3F1")))
    table.setStyle(TableStyle(style))
    return table


def _bar_chart(
    font: str, title: str, labels: list[str], values: list[int], fills: list[colors.Color], width: float
) -> Drawing:
    height = 62 * mm
    # Without initialFontName the drawing's state starts in Helvetica, which the page then names
    # as a (non-embedded) font even though no text uses it.
    drawing = Drawing(width, height, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 22
    chart.width, chart.height = width - 48, height - 48
    chart.data = [values]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(values, default=0) * 1.18, 4)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "{:,.0f}".format
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8.5
    chart.barSpacing = 0
    chart.groupSpacing = 10
    chart.bars.strokeColor = None
    for index, fill in enumerate(fills):
        chart.bars[(0, index)].fillColor = fill
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    chart.barLabelFormat = "{:,}".format
    drawing.add(chart)
    drawing.add(String(width / 2, height - 12, title, fontName=font, fontSize=10, textAnchor="middle"))
    return drawing


def _charts(font: str, figures: AnnualFigures, width: float) -> Table:
    stats = figures.stats
    grade_labels = ["A级", "B级", "C级", "D级", PENDING_LABEL]
    grade_values = [stats.grades.get(g, 0) for g in ("A", "B", "C", "D", "pending")]
    grade_fills = [GRADE_COLOURS[g] for g in "ABCD"] + [PENDING_COLOUR]
    light_values = [stats.lights.get(light.value, 0) for light in Light]
    light_title = f"亮灯分布（{stats.quarter}）" if stats.quarter else "亮灯分布（本年无亮灯记录）"
    half = width / 2 - 4
    grades = _bar_chart(font, f"{stats.year}年度亮牌等级分布", grade_labels, grade_values, grade_fills, half)
    lights = _bar_chart(
        font, light_title, [light.label for light in Light], light_values, [LIGHT_COLOURS[x.value] for x in Light], half
    )
    table = Table([[grades, lights]], colWidths=[width / 2, width / 2])
    # FONTNAME even though the cells hold drawings: a Table sets its cells' font (Helvetica by default).
    padding = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *padding]))
    return table


def _totals(font: str, figures: AnnualFigures, width: float) -> Table:
    s = figures.stats
    rows = [
        ["项目", "数值", "项目", "数值"],
        ["登记企业", _n(s.enterprises), "发现隐患", _n(s.hazards_found)],
        ["受检企业", _n(figures.inspected), "已整改隐患", _n(s.hazards_rectified)],
        ["完成检查", _n(s.inspections), "整改率", format_percent(s.rectification_rate)],
        ["已评级企业", _n(s.enterprises - s.grades.get("pending", 0)), "逾期未整改", _n(s.overdue)],
    ]
    table = _table(rows, [width * 0.22, width * 0.28, width * 0.22, width * 0.28], font)  # type: ignore[arg-type]
    table.setStyle(TableStyle([("ALIGN", (2, 1), (2, -1), "LEFT")]))
    return table


def _training_table(font: str, figures: AnnualFigures, width: float) -> Table:
    training = figures.stats.training
    data: list[list[object]] = [["类型", "举办次数", "覆盖企业", "参训人次"]]
    for kind in TrainingKind:
        totals = training.get(kind.value, TrainingTotals())
        data.append([kind.label, _n(totals.sessions), _n(totals.enterprises), _n(totals.workers)])
    return _table(data, [width * 0.34, width * 0.22, width * 0.22, width * 0.22], font)


def _training_sentence(figures: AnnualFigures) -> str:
    training = figures.stats.training
    parts = []
    for kind in TrainingKind:
        totals = training.get(kind.value, TrainingTotals())
        parts.append(f"{kind.label}覆盖企业 {_n(totals.enterprises)} 家、参训 {_n(totals.workers)} 人次")
    return "；".join(parts) + "。"


def _town_table(font: str, figures: AnnualFigures, width: float) -> Table:
    head = ["镇街", "企业", "受检", "A", "B", "C", "D", "待评", "发现隐患", "已整改", "整改率", "逾期"]
    data: list[list[object]] = [head]

    def hazard_cells(row: FigureRow) -> list[object]:
        return [_n(row.found), _n(row.rectified), format_percent(row.rate), _n(row.overdue)]

    for town in figures.towns:
        g = town.grades
        data.append(
            [town.town, _n(town.enterprises), _n(town.inspected)]
            + [_n(g[k]) for k in ("A", "B", "C", "D", "pending")]
            + hazard_cells(town.hazards)
        )
    s = figures.stats
    data.append(
        ["合计", _n(s.enterprises), _n(figures.inspected)]
        + [_n(s.grades.get(k, 0)) for k in ("A", "B", "C", "D", "pending")]
        + hazard_cells(figures.hazards_total)
    )
    first = width * 0.15
    rest = (width - first) / (len(head) - 1)
    return _table(data, [first] + [rest] * (len(head) - 1), font, total_row=True)


def _failed_table(font: str, styles: _Styles, figures: AnnualFigures, width: float) -> Table | Paragraph:
    if not figures.failed_items:
        return Paragraph("本年度检查中没有不符合项。", styles.body)
    inspections = figures.stats.inspections
    data: list[list[object]] = [["序号", "条款", "检查内容", "不符合次数", "占检查次数"]]
    for index, item in enumerate(figures.failed_items, start=1):
        share = format_percent(percent(item.failures, inspections))
        data.append([str(index), item.code, Paragraph(item.text or "—", styles.cell), _n(item.failures), share])
    widths = [width * 0.07, width * 0.09, width * 0.58, width * 0.13, width * 0.13]
    table = _table(data, widths, font)
    table.setStyle(TableStyle([("ALIGN", (0, 1), (1, -1), "CENTER")]))
    return table


def write_summary(ws: Workspace, year: int, out: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """The year's summary as a PDF; `progress(done, total)` after each of its few steps."""
    font = register_fonts()
    styles = _Styles(font)
    report = progress or (lambda _done, _total: None)
    report(0, STEPS)
    today = ws.today()
    figures = annual_figures(ws.db, year, today)
    report(1, STEPS)
    page = A4
    width = page[0] - 36 * mm
    office = ws.settings.office_name
    s = figures.stats
    story: list[object] = [
        Paragraph(f"{year}年度安全生产检查工作汇总", styles.title),
        Spacer(1, 4),
        Paragraph(f"{office}　·　统计日期：{format_cn(today)}", styles.subtitle),
        Spacer(1, 8),
        Paragraph("一、总体情况", styles.heading),
        _totals(font, figures, width),
        Spacer(1, 4),
        Paragraph(
            f"全年完成检查 {_n(s.inspections)} 次，覆盖企业 {_n(figures.inspected)} 家；"
            f"发现隐患 {_n(s.hazards_found)} 处，已整改 {_n(s.hazards_rectified)} 处，"
            f"整改率 {format_percent(s.rectification_rate)}；逾期未整改 {_n(s.overdue)} 处。",
            styles.body,
        ),
        Paragraph("二、亮牌与亮灯", styles.heading),
        _charts(font, figures, width),
        KeepTogether(
            [
                Paragraph("三、安全培训", styles.heading),
                _training_table(font, figures, width),
                Spacer(1, 4),
                Paragraph(_training_sentence(figures), styles.body),
            ]
        ),
    ]
    report(2, STEPS)
    story += [
        KeepTogether([Paragraph("四、各镇街情况", styles.heading), _town_table(font, figures, width)]),
        KeepTogether(
            [
                Paragraph("五、最常见的不符合项", styles.heading),
                _failed_table(font, styles, figures, width),
            ]
        ),
        Spacer(1, 8),
        Paragraph(
            "口径：检查为本年度内已完成或已定稿的检查；隐患为本年度发现的隐患（已作废除外），"
            "整改率 = 已整改 ÷ 发现，保留一位小数、尾数舍去（全部整改才为 100.0%）；"
            "逾期为已过整改期限仍待整改的隐患；"
            "等级为各企业本年度的当前亮牌，未评级的企业计为待评；亮灯为本年度最近一个季度的亮灯；"
            "培训为本年度举办的开工第一课和班组长培训，参训人次为各次参加人数之和。"
            "各项数字与系统中该年度的统计一致。",
            styles.note,
        ),
    ]
    report(3, STEPS)
    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=page,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=f"{year}年度安全生产检查工作汇总",
            author=office,
            subject=(
                f"{office} {year}年度安全生产检查工作汇总：总体情况、等级与亮灯分布、安全培训、各镇街道、常见不符合项"
            ),
            creator="Inspector",
        )
        doc.build(story, canvasmaker=numbered_canvas(f"{office} · {year}年度汇总"))  # type: ignore[arg-type]
    report(STEPS, STEPS)
    return out
