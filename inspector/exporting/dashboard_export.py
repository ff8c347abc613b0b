"""The dashboard's figures to .xlsx: an overview sheet and one sheet per chart."""

from __future__ import annotations

from pathlib import Path

from inspector.core.grades import PENDING_LABEL, Grade, Light
from inspector.core.training import TrainingKind, TrainingTotals
from inspector.queries.dashboard import Dashboard
from inspector.queries.hazard_figures import FigureRow

from .xlsx_file import atomic_xlsx, check_target

FIGURE_HEADERS = ("发现隐患", "已整改", "整改率(%)", "逾期未整改")


def overview_rows(d: Dashboard) -> list[tuple[str, object]]:
    return [
        ("年度", d.year),
        ("镇街道", d.town or "全部"),
        ("在册企业", d.enterprises),
        ("检查次数", d.inspections),
        ("已检查企业", d.inspected),
        ("检查覆盖率(%)", d.coverage),
        ("发现隐患", d.hazards_found),
        ("已整改", d.hazards_rectified),
        ("整改率(%)", d.rectification_rate),
        ("逾期未整改", d.overdue),
        ("未整改重大隐患", d.open_major),
        *(
            row
            for kind in TrainingKind
            for row in (
                (f"{kind.label}企业", d.training.get(kind.value, TrainingTotals()).enterprises),
                (f"{kind.label}人次", d.training.get(kind.value, TrainingTotals()).workers),
            )
        ),
    ]


def export_dashboard(d: Dashboard, path: Path) -> None:
    path = check_target(Path(path))
    with atomic_xlsx(path, f"{d.year}年度工作概况") as book:
        table = book.table("概览", ("指标", "数值"), (18, 14))
        for row in overview_rows(d):
            table.append(row)

        table = book.table("亮牌等级", ("等级", "企业数"), (10, 10))
        for grade in Grade:
            table.append([grade.label, d.grades.get(grade.value, 0)])
        table.append([PENDING_LABEL, d.grades.get("pending", 0)])

        table = book.table("季度亮灯", ("亮灯", "企业数", "季度"), (10, 10, 10))
        for light in Light:
            table.append([light.label, d.lights.get(light.value, 0), d.quarter or ""])

        for title, key_title, rows in (
            ("隐患类别", "类别", d.by_category),
            ("镇街道", "镇街道", d.by_town),
            ("月度趋势", "月份", d.by_month),
        ):
            table = book.table(title, (key_title, *FIGURE_HEADERS), (14, 10, 10, 10, 10))
            for r in rows:
                table.append(_figure(r))


def _figure(row: FigureRow) -> list[object]:
    return [row.label, row.found, row.rectified, row.rate, row.overdue]
