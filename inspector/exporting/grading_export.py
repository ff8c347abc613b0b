"""The annual round's list (评级建议) to .xlsx: one row per enterprise, written atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inspector.services.grading_round import Proposal, grade_label

from .xlsx_file import atomic_xlsx, check_target

HEADERS = (
    "企业名称",
    "统一社会信用代码",
    "镇街道",
    "建议等级",
    "得分",
    "检查日期",
    "上年等级",
    "变化",
    "已发等级",
    "理由",
)
WIDTHS = (30, 21, 12, 10, 8, 12, 10, 8, 10, 60)
WRAPPED = (0, 9)  # the name and the reasons


def proposal_values(p: Proposal) -> tuple[object, ...]:
    return (
        p.name,
        p.credit_code,
        p.town,
        grade_label(p.proposed_grade),
        p.score,
        p.inspection_date,
        grade_label(p.last_year_grade) if p.last_year_grade else "—",
        p.change_label,
        grade_label(p.issued_grade) if p.issued_grade else "",
        "；".join(p.reasons),
    )


def export_proposals(proposals: Sequence[Proposal], path: Path, year: int) -> int:
    """Write `proposals` to `path` (.xlsx); returns the number of rows."""
    path = check_target(Path(path))
    title = f"{year}年度评级建议"
    with atomic_xlsx(path, title) as book:
        table = book.table(title, HEADERS, WIDTHS, wrap=WRAPPED)
        for p in proposals:
            table.append(proposal_values(p))
    return len(proposals)
