"""The review screen's left column: the inspection's result as signed.

The grade and score with every reason, the corrected grade beside them when a correction changed
it, the per-section scores (in two groups side by side when the column is wide enough), the items
not passed (each corrected one marked), the hazards raised and, once finalized, the corrections.
Everything comes from one `InspectionReview` (inspector/services/inspection_review.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QScrollArea, QWidget

from inspector.core.checklist import Result, Severity
from inspector.core.grading import GradeResult
from inspector.services.hazards import HazardView
from inspector.services.inspection_review import InspectionReview
from inspector.services.inspections import InspectionView
from inspector.ui.common.i18n import english
from inspector.ui.common.labels import amendment_text, hazard_status_label, result_label, severity_label
from inspector.ui.common.layouts import STRETCH, hbox, vbox
from inspector.ui.common.palette import (
    ALERT,
    AMENDED,
    GOOD,
    INFO,
    KEY_ITEM,
    MUTED,
    NEUTRAL,
    RESULT_COLOURS,
    TRACK,
    grade_colour,
)

SECTIONS_TWO_COLUMNS_WIDTH = 640  # px of the column below which sections are one list


def heading(text: str) -> QLabel:
    """A section's heading on the review screen."""
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    return label


def _rich(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ResultColumn(QScrollArea):
    def __init__(self, local: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        """`local` writes a moment in the office's time zone."""
        super().__init__(parent)
        self.local = local
        self._sections_result: GradeResult | None = None
        self._section_columns = 2
        self.grade_badge = QLabel()
        self.grade_badge.setObjectName("gradeBadge")
        self.grade_badge.setFixedSize(96, 96)
        self.grade_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_label = QLabel()
        self.score_label.setObjectName("scoreValue")
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("reasons")
        self.reasons_label.setWordWrap(True)
        self.amended_label = QLabel()
        self.amended_label.setObjectName("amendedGrade")
        self.amended_label.setWordWrap(True)
        self.amended_label.hide()
        self.sections_box = QWidget()  # replaced whole on every load (see _show_sections)
        self._section_titles: dict[str, str] = {}  # code → title in the window's language
        self.failed_heading = heading("")
        self.failed_label = _rich("failedItems")
        self.hazards_heading = heading("")
        self.hazards_label = _rich("hazards")
        self.amendments_heading = heading(self.tr("更正记录"))
        self.amendments_label = _rich("amendmentList")

        summary = hbox(
            self.grade_badge, (vbox(self.score_label, self.reasons_label, STRETCH, spacing=2), 1), spacing=16
        )
        summary.setAlignment(self.grade_badge, Qt.AlignmentFlag.AlignTop)
        content = QWidget()
        content.setObjectName("card")
        vbox(
            summary,
            self.amended_label,
            heading(self.tr("分区得分")),
            self.sections_box,
            self.failed_heading,
            self.failed_label,
            self.hazards_heading,
            self.hazards_label,
            self.amendments_heading,
            self.amendments_label,
            STRETCH,
            parent=content,
            margins=12,
            spacing=6,
        )
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        self.viewport().installEventFilter(self)

    def show_review(self, review: InspectionReview) -> None:
        self._show_grade(review.view, review.signed)
        self._sections_result = review.signed
        in_english = english()
        self._section_titles = {section.code: section.title_in(in_english) for section in review.template.sections}
        self._show_sections(review.signed)
        self._show_failed(review)
        self.show_hazards(review.hazards)
        self._show_amendments(review)

    def _show_grade(self, view: InspectionView, result: GradeResult) -> None:
        grade = view.grade or result.grade.value
        score = view.score if view.score is not None else result.score
        self.grade_badge.setText(grade)
        self.grade_badge.setStyleSheet(f"background: {grade_colour(grade)};")
        self.grade_badge.setAccessibleName(self.tr("评级 {0}").format(grade))
        self.score_label.setText(self.tr("{0:g} 分").format(score))
        # Every reason, the deciding ones first (the grading engine orders them so).
        in_english = english()  # the core words each reason both ways
        self.reasons_label.setText(
            "\n".join(f"• {reason.text_en if in_english else reason.text}" for reason in result.reasons)
        )

    def _show_sections(self, result: GradeResult | None) -> None:
        # A new box per load: the number of sections depends on the template. The old box is
        # hidden at once (deleteLater alone would leave it painted until the event loop runs).
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        old = self.sections_box
        parent_layout = old.parentWidget().layout() if old.parentWidget() else None
        if parent_layout is not None:
            parent_layout.replaceWidget(old, box)
        old.hide()
        old.deleteLater()
        self.sections_box = box
        if result is None:
            return
        # Sections named by a grade-capping reason are the ones to point at.
        capped = {reason.section_code for reason in result.reasons if reason.section_code}
        self._section_columns = self._wanted_section_columns()
        half = -(-len(result.sections) // self._section_columns)  # rows per column group
        for index, section in enumerate(result.sections):
            row, column = index % half, (index // half) * 3
            name = QLabel(f"{section.code}  {self._section_titles.get(section.code, section.title)}")
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            bar.setMinimumWidth(60)
            percent = section.percent
            bar.setValue(round((percent or 0) * 10))
            colour = ALERT if section.code in capped else (GOOD if (percent or 0) >= 100 else INFO)
            bar.setStyleSheet(
                f"QProgressBar {{ border: none; background: {TRACK}; border-radius: 4px; }}"
                f"QProgressBar::chunk {{ background: {colour}; border-radius: 4px; }}"
            )
            value = QLabel(
                self.tr("{0:g}/{1:g}（{2:g}%）").format(section.earned, section.applicable, percent)
                if percent is not None
                else self.tr("不适用")
            )
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, column)
            grid.addWidget(bar, row, column + 1)
            grid.addWidget(value, row, column + 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)

    def _wanted_section_columns(self) -> int:
        """Two groups of sections side by side when the result column is wide enough, else one."""
        return 2 if self.viewport().width() >= SECTIONS_TWO_COLUMNS_WIDTH else 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport, not this widget: it is resized after the review's layout ran.
        if (
            watched is self.viewport()
            and event.type() == QEvent.Type.Resize
            and self._sections_result is not None
            and self._wanted_section_columns() != self._section_columns
        ):
            self._show_sections(self._sections_result)
        return super().eventFilter(watched, event)

    def _show_failed(self, review: InspectionReview) -> None:
        """The items not passed as signed; an amended one also says what it was corrected to."""
        lines = []
        for finding in review.signed_findings():
            item = finding.item
            badges = ""
            if item.veto:
                badges += _badge(self.tr("否决项"), ALERT)
            if item.key:
                badges += _badge(self.tr("关键项"), KEY_ITEM)
            note_text = self.tr("备注：{0}").format(html.escape(finding.note))
            note = f"<br>{_muted(note_text)}"
            if finding.corrected is not None:
                corrected = result_label(finding.corrected.result)
                if finding.corrected.note != finding.note:
                    corrected += self.tr("；备注：{0}").format(finding.corrected.note)
                badges += _badge(self.tr("已更正为：{0}").format(corrected), AMENDED)
            lines.append(
                f"<p style='margin:0 0 6px 0;'><b>{html.escape(item.code)}</b> "
                f"<span style='color:{RESULT_COLOURS[finding.result]};'>{result_label(finding.result)}</span>"
                f"{badges} {html.escape(item.text_in(english()))}{note if finding.note else ''}</p>"
            )
        partial = sum(1 for answer in review.view.answers.values() if answer.result is Result.PARTIAL)
        heading = self.tr("不符合项（{0}）").format(len(review.signed.failed))
        if partial:
            heading += self.tr("　部分符合（{0}）").format(partial)
        self.failed_heading.setText(heading)
        self.failed_label.setText("".join(lines) or self.tr("全部符合或不适用。"))

    def show_hazards(self, hazards: Sequence[HazardView]) -> None:
        self.hazards_heading.setText(self.tr("本次检查发现的隐患（{0}）").format(len(hazards)))
        lines = []
        for hazard in hazards:
            colour = ALERT if hazard.severity is Severity.MAJOR else NEUTRAL
            first_line = hazard.description.splitlines()[0] if hazard.description else ""
            deadline = self.tr("整改期限：{0}").format(hazard.deadline.isoformat())
            state = self.tr("状态：{0}").format(hazard_status_label(hazard.status))
            where = "　" + html.escape(hazard.location) if hazard.location else ""
            lines.append(
                f"<p style='margin:0 0 6px 0;'>{_badge(severity_label(hazard.severity), colour)} "
                f"<b>{html.escape(hazard.item_code or '')}</b> {html.escape(first_line)}"
                f"<br>{_muted(f'{deadline}　{state}{where}')}</p>"
            )
        self.hazards_label.setText("".join(lines) or self.tr("本次检查未登记隐患。"))

    def _show_amendments(self, review: InspectionReview) -> None:
        self.amendments_heading.setVisible(review.finalized)
        self.amendments_label.setVisible(review.finalized)
        lines = []
        for amendment in review.amendments:
            reason = self.tr("原因：{0}").format(html.escape(amendment.reason))
            lines.append(
                f"<p style='margin:0 0 6px 0;'><b>{self.local(amendment.amended_at)}</b>　"
                + self.tr("{by}：{change}").format(
                    by=html.escape(amendment.amended_by), change=html.escape(amendment_text(amendment))
                )
                + f"<br>{_muted(reason)}</p>"
            )
        self.amendments_label.setText("".join(lines) or self.tr("暂无更正。"))
        corrected = review.corrected_result
        if corrected is not None:
            self.amended_label.setText(
                self.tr("更正后：{0} 级　{1:g} 分（已登记 {2} 项更正；上方为定稿时的原始评级）\n{3}").format(
                    corrected.grade.value,
                    corrected.score,
                    len(review.amendments),
                    corrected.summary_en if english() else corrected.summary,
                )
            )
            colour = grade_colour(corrected.grade.value)
            self.amended_label.setStyleSheet(f"QLabel#amendedGrade {{ color: {colour}; }}")
            self.amended_label.show()
        else:
            self.amended_label.hide()


def _badge(text: str, colour: str) -> str:
    return f" <span style='background:{colour}; color:white;'>&nbsp;{html.escape(text)}&nbsp;</span>"


def _muted(text: str) -> str:
    """A secondary line (a note, a deadline, a reason) in rich text."""
    return f"<span style='color:{MUTED};'>{text}</span>"
