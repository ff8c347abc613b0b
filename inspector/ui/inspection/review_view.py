"""The review screen after completing an inspection: result, signatures, finalization, corrections.

Shows the score and grade with its reasons, the per-section scores, the items not passed and the
hazards raised, and three signature pads (two inspectors and the enterprise's representative).
返回修改 reopens the inspection; 定稿 saves the signatures and finalizes in one service call
each, on the background worker. A finalized inspection is shown read-only, with 更正 to record a
correction (AmendmentService) and the amended grade next to the signed one when they differ.

Every rule lives in the services (SignatureService, AmendmentService, InspectionService); this
widget only shows their results and messages.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.core.checklist import Result, Severity
from inspector.core.errors import DomainError
from inspector.core.grading import GradeResult
from inspector.core.inspection import InspectionStatus
from inspector.services.hazards import HazardView
from inspector.services.inspection_review import InspectionReview
from inspector.services.inspections import InspectionView
from inspector.services.signatures import (
    REQUIRED_ROLES,
    Signature,
    SignatureRole,
)
from inspector.ui.common.labels import (
    amendment_text,
    hazard_status_label,
    result_label,
    role_label,
    severity_label,
    status_label,
)
from inspector.ui.common.operations import run_in_background
from inspector.ui.common.palette import (
    ALERT,
    AMENDED,
    CARD,
    CARD_BORDER,
    DISABLED,
    GOOD,
    HIGHLIGHT_BORDER,
    HIGHLIGHT_FILL,
    HINT,
    INFO,
    KEY_ITEM,
    MUTED,
    NEUTRAL,
    RESULT_COLOURS,
    STATUS_COLOURS,
    TEXT,
    TEXT_STRONG,
    TRACK,
    banner_style,
    grade_colour,
)
from inspector.ui.common.signature_pad import SignaturePad
from inspector.ui.documents.report_actions import ReportJob, preview_inspection_report
from inspector.ui.inspection.amendment_dialog import AmendmentDialog
from inspector.workspace import Workspace

SIGNATURE_PNG_WIDTH = 600  # the PNG kept beside the strokes, for reports that want an image
SECTIONS_TWO_COLUMNS_WIDTH = 640  # px of the result column below which sections are one list

STYLE = f"""
QLabel#reviewTitle {{ font-size: 15pt; font-weight: bold; }}
QLabel#reviewSubtitle {{ color: {MUTED}; }}
QLabel#statusChip {{ border-radius: 4px; padding: 2px 10px; color: white; font-weight: bold; }}
QLabel#sectionHeading {{ font-size: 11pt; font-weight: bold; color: {TEXT_STRONG}; padding-top: 6px; }}
QLabel#gradeBadge {{ font-size: 40pt; font-weight: bold; color: white; border-radius: 8px; }}
QLabel#scoreValue {{ font-size: 24pt; font-weight: bold; color: {TEXT}; }}
QLabel#reasons {{ color: {TEXT_STRONG}; }}
QLabel#amendedGrade {{
    background: {HIGHLIGHT_FILL}; border: 1px solid {HIGHLIGHT_BORDER}; border-radius: 4px; padding: 6px;
}}
QLabel#hint {{ color: {HINT}; }}
QLabel#roleLabel {{ font-weight: bold; }}
QLineEdit[readOnly="true"] {{ background: transparent; border: none; font-weight: bold; }}
QFrame#card {{ background: {CARD}; border: 1px solid {CARD_BORDER}; border-radius: 6px; }}
QPushButton#primary {{ background: {INFO}; color: white; font-weight: bold; padding: 6px 18px; }}
QPushButton#primary:disabled {{ background: {DISABLED}; }}
"""


@dataclass(frozen=True)
class _Entry:
    """One pad's content, read on the UI thread and handed to the worker as plain values."""

    role: SignatureRole
    name: str
    strokes: list[list[list[float]]]
    png: bytes | None
    changed: bool


class _SignatureBox(QWidget):
    """A role's name field, its pad and a clear button."""

    def __init__(self, role: SignatureRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.title = QLabel(role_label(role))
        self.title.setObjectName("roleLabel")
        self.name = QLineEdit()
        self.name.setObjectName(f"name_{role.value}")
        self.name.setPlaceholderText(self.tr("签名人姓名"))
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.setObjectName(f"clear_{role.value}")
        self.pad = SignaturePad(role_label(role))
        self.pad.setObjectName(f"pad_{role.value}")
        self.signed_at = QLabel()
        self.signed_at.setObjectName("hint")
        self.clear_button.clicked.connect(self.pad.clear)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.name, 1)
        top.addWidget(self.signed_at)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.pad)

    def set_read_only(self, read_only: bool) -> None:
        self.pad.set_read_only(read_only)
        self.name.setReadOnly(read_only)
        self.name.setPlaceholderText("" if read_only else self.tr("签名人姓名"))
        # Style sheets match [readOnly="true"] only when polished again after the change.
        self.name.style().unpolish(self.name)
        self.name.style().polish(self.name)
        self.clear_button.setVisible(not read_only)


class ReviewView(QWidget):
    finalized = Signal(str)
    back_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.signatures = workspace.signatures
        self.amendments = workspace.amendments
        self.inspection_id: str | None = None
        self.review: InspectionReview | None = None
        self._saved: dict[SignatureRole, Signature] = {}  # as stored, to sign again only what changed
        self._busy = False
        self._sections_result: GradeResult | None = None
        self._section_columns = 2
        self.setStyleSheet(STYLE)

        # Header: what is being reviewed, and its state.
        self.title = QLabel(self.tr("检查结果复核"))
        self.title.setObjectName("reviewTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("reviewSubtitle")
        self.subtitle.setWordWrap(True)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        header_text = QVBoxLayout()
        header_text.setSpacing(0)
        header_text.addWidget(self.title)
        header_text.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.addLayout(header_text, 1)
        header.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)

        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self._build_result_column(), 1)
        body.addWidget(self._build_signature_column(), 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    # -- building --------------------------------------------------------------------------------
    def _build_result_column(self) -> QWidget:
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
        score_text = QVBoxLayout()
        score_text.setSpacing(2)
        score_text.addWidget(self.score_label)
        score_text.addWidget(self.reasons_label)
        score_text.addStretch(1)
        summary_row = QHBoxLayout()
        summary_row.setSpacing(16)
        summary_row.addWidget(self.grade_badge, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addLayout(score_text, 1)

        self.sections_box = QWidget()  # replaced whole on every load (see _show_sections)

        self.failed_heading = self._heading("")
        self.failed_label = QLabel()
        self.failed_label.setObjectName("failedItems")
        self.failed_label.setWordWrap(True)
        self.failed_label.setTextFormat(Qt.TextFormat.RichText)
        self.hazards_heading = self._heading("")
        self.hazards_label = QLabel()
        self.hazards_label.setObjectName("hazards")
        self.hazards_label.setWordWrap(True)
        self.hazards_label.setTextFormat(Qt.TextFormat.RichText)
        self.amendments_heading = self._heading(self.tr("更正记录"))
        self.amendments_label = QLabel()
        self.amendments_label.setObjectName("amendmentList")
        self.amendments_label.setWordWrap(True)
        self.amendments_label.setTextFormat(Qt.TextFormat.RichText)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(6)
        column.addLayout(summary_row)
        column.addWidget(self.amended_label)
        column.addWidget(self._heading(self.tr("分区得分")))
        column.addWidget(self.sections_box)
        column.addWidget(self.failed_heading)
        column.addWidget(self.failed_label)
        column.addWidget(self.hazards_heading)
        column.addWidget(self.hazards_label)
        column.addWidget(self.amendments_heading)
        column.addWidget(self.amendments_label)
        column.addStretch(1)
        content.setObjectName("card")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.result_scroll = scroll
        scroll.viewport().installEventFilter(self)
        return scroll

    def _build_signature_column(self) -> QWidget:
        self.boxes = {role: _SignatureBox(role) for role in REQUIRED_ROLES}
        self.sign_hint = QLabel(self.tr("请两名检查人员和企业代表核对上述结果后分别签名。"))
        self.sign_hint.setObjectName("hint")
        self.sign_hint.setWordWrap(True)

        self.back_button = QPushButton(self.tr("返回修改"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.go_back)
        self.finalize_button = QPushButton(self.tr("定稿"))
        self.finalize_button.setObjectName("primary")
        self.finalize_button.setToolTip(self.tr("保存三人签名并定稿；定稿后检查为只读，只能登记更正"))
        self.finalize_button.clicked.connect(self.finalize)
        self.amend_button = QPushButton(self.tr("更正…"))
        self.amend_button.setObjectName("amendButton")
        self.amend_button.setToolTip(self.tr("登记对已定稿检查的更正（保留原始记录）"))
        self.amend_button.clicked.connect(self.open_amendment)
        self.report_button = QPushButton(self.tr("检查报告"))
        self.report_button.setObjectName("reportButton")
        self.report_button.setToolTip(self.tr("预览、打印或保存本次检查的检查报告（PDF）"))
        self.report_button.clicked.connect(self.open_report)
        self.report_job: ReportJob | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.finalize_button)

        # The pads scroll on a short screen (three pads need ~620 px); the buttons stay in view.
        pads = QWidget()
        pads_column = QVBoxLayout(pads)
        pads_column.setContentsMargins(0, 0, 8, 0)
        pads_column.setSpacing(10)
        pads_column.addWidget(self._heading(self.tr("签名")))
        pads_column.addWidget(self.sign_hint)
        for box in self.boxes.values():
            pads_column.addWidget(box)
        pads_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(pads)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)
        panel.setFixedWidth(440)
        return panel

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionHeading")
        return label

    # -- loading ---------------------------------------------------------------------------------
    @property
    def view(self) -> InspectionView | None:
        return self.review.view if self.review else None

    def load(self, inspection_id: str) -> None:
        """Show an inspection (completed or finalized); resets everything from a previous one."""
        self.inspection_id = inspection_id
        self._show_message("")
        try:
            review = self.workspace.reviews.get(inspection_id)
        except DomainError as error:
            self._show_message(str(error), error=True)
            return
        self.review, self._saved = review, review.signatures
        view = review.view
        inspectors = self.tr("检查人员：{0}").format("、".join(view.inspectors))
        parts = (view.enterprise_name, view.inspection_date.isoformat(), inspectors, review.template.title)
        self.subtitle.setText("　·　".join(parts))
        self._show_status(view.status)
        self._show_grade(view, review.signed)
        self._sections_result = review.signed
        self._show_sections(review.signed)
        self._show_failed(review)
        self._show_hazards(review.hazards)
        self._show_amendments(review)
        self._show_signatures(review)

    def _show_status(self, status: InspectionStatus) -> None:
        self.status_chip.setText(status_label(status))
        self.status_chip.setStyleSheet(f"background: {STATUS_COLOURS[status]};")
        finalized = status is InspectionStatus.FINALIZED
        self.title.setText(self.tr("检查结果（已定稿）") if finalized else self.tr("检查结果复核与签名"))
        self.back_button.setText(self.tr("返回列表") if finalized else self.tr("返回修改"))
        self.finalize_button.setVisible(status is InspectionStatus.COMPLETED)
        self.amend_button.setVisible(finalized)
        self.report_button.setVisible(status in (InspectionStatus.COMPLETED, InspectionStatus.FINALIZED))
        self.sign_hint.setText(
            self.tr("已定稿，检查为只读。发现错误请点“更正…”登记，原始记录保持不变。")
            if finalized
            else self.tr("请两名检查人员和企业代表核对左侧结果后，在下方分别手写签名，然后点击“定稿”。")
        )
        self._set_busy(False)

    def _show_grade(self, view: InspectionView, result: GradeResult) -> None:
        grade = view.grade or result.grade.value
        score = view.score if view.score is not None else result.score
        self.grade_badge.setText(grade)
        self.grade_badge.setStyleSheet(f"background: {grade_colour(grade)};")
        self.grade_badge.setAccessibleName(self.tr("评级 {0}").format(grade))
        self.score_label.setText(self.tr("{0:g} 分").format(score))
        # Every reason, the deciding ones first (the grading engine orders them so).
        self.reasons_label.setText("\n".join(f"• {reason.text}" for reason in result.reasons))

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
            name = QLabel(f"{section.code}  {section.title}")
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
        return 2 if self.result_scroll.viewport().width() >= SECTIONS_TWO_COLUMNS_WIDTH else 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The result column's viewport, not this widget: it is resized after our own layout ran.
        if (
            watched is self.result_scroll.viewport()
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
                f"{badges} {html.escape(item.text)}{note if finding.note else ''}</p>"
            )
        partial = sum(1 for answer in review.view.answers.values() if answer.result is Result.PARTIAL)
        heading = self.tr("不符合项（{0}）").format(len(review.signed.failed))
        if partial:
            heading += self.tr("　部分符合（{0}）").format(partial)
        self.failed_heading.setText(heading)
        self.failed_label.setText("".join(lines) or self.tr("全部符合或不适用。"))

    def _show_hazards(self, hazards: list[HazardView]) -> None:
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
                f"<p style='margin:0 0 6px 0;'><b>{self._local(amendment.amended_at)}</b>　"
                f"{html.escape(amendment.amended_by)}：{html.escape(amendment_text(amendment))}"
                f"<br>{_muted(reason)}</p>"
            )
        self.amendments_label.setText("".join(lines) or self.tr("暂无更正。"))
        corrected = review.corrected_result
        if corrected is not None:
            self.amended_label.setText(
                self.tr("更正后：{0} 级　{1:g} 分（已登记 {2} 项更正；上方为定稿时的原始评级）\n{3}").format(
                    corrected.grade.value, corrected.score, len(review.amendments), corrected.summary
                )
            )
            colour = grade_colour(corrected.grade.value)
            self.amended_label.setStyleSheet(f"QLabel#amendedGrade {{ color: {colour}; }}")
            self.amended_label.show()
        else:
            self.amended_label.hide()

    def _show_signatures(self, review: InspectionReview) -> None:
        view, finalized = review.view, review.finalized
        defaults = {
            SignatureRole.INSPECTOR_1: view.inspectors[0] if view.inspectors else "",
            SignatureRole.INSPECTOR_2: view.inspectors[1] if len(view.inspectors) > 1 else "",
            SignatureRole.ENTERPRISE: review.enterprise.contact_person,
        }
        for role, box in self.boxes.items():
            signature = review.signatures.get(role)
            box.pad.set_read_only(False)
            if signature is None:
                box.pad.set_strokes([])
                box.name.setText("" if finalized else defaults[role])
                # Finalized without a signature: data from before signing existed (or the demo).
                box.signed_at.setText(self.tr("未留签名") if finalized else "")
                box.signed_at.setToolTip("")
            else:
                box.pad.set_strokes(signature.strokes)
                box.name.setText(signature.signer_name)
                box.signed_at.setText(self._local(signature.signed_at))
                box.signed_at.setToolTip(self.tr("签名时间"))
            box.set_read_only(finalized)

    # -- actions ---------------------------------------------------------------------------------
    def go_back(self) -> None:
        """返回修改 reopens a completed inspection (its signatures stop counting); a finalized one
        is only closed (返回列表)."""
        if self.view is None or self.inspection_id is None or self._busy:
            return
        if self.view.status is not InspectionStatus.COMPLETED:
            self.back_requested.emit()
            return
        inspection_id = self.inspection_id
        self._run(lambda: self.workspace.inspections.reopen(inspection_id), lambda _: self.back_requested.emit())

    def finalize(self) -> None:
        """Save each pad's signature (or withdraw a cleared one), then finalize if all three
        signed. Signatures already saved stay saved if finalizing is refused."""
        if self.view is None or self.inspection_id is None or self._busy:
            return
        inspection_id = self.inspection_id
        entries = [self._entry(role, box) for role, box in self.boxes.items()]
        service = self.signatures

        def work() -> str:
            for entry in entries:
                if not entry.changed:
                    continue
                if entry.strokes:
                    service.sign(inspection_id, entry.role, entry.name, entry.strokes, entry.png)
                else:
                    service.withdraw(inspection_id, entry.role)
            service.finalize_signed(inspection_id)
            return inspection_id

        def done(_result: object) -> None:
            self.load(inspection_id)
            self._show_message(self.tr("已定稿。检查现为只读；如需更正请点击“更正…”。"))
            self.finalized.emit(inspection_id)

        def refused(message: str) -> None:
            # Some signatures may have been saved before the refusal: show what is stored now,
            # but keep what is on the pads (the user may be half-way through signing).
            self._saved = self._reload_saved(inspection_id)

        self._run(work, done, refused)

    def _entry(self, role: SignatureRole, box: _SignatureBox) -> _Entry:
        strokes = box.pad.strokes()
        name = box.name.text()
        saved = self._saved.get(role)
        same = saved is not None and saved.signer_name == name.strip() and _same_strokes(saved, strokes)
        empty_and_unsaved = saved is None and not strokes
        return _Entry(
            role=role,
            name=name,
            strokes=strokes,
            png=box.pad.to_png(SIGNATURE_PNG_WIDTH) if strokes else None,
            changed=not (same or empty_and_unsaved),
        )

    def _reload_saved(self, inspection_id: str) -> dict[SignatureRole, Signature]:
        try:
            return self.signatures.signatures(inspection_id)
        except DomainError:
            return self._saved

    def open_amendment(self) -> None:
        if self.review is None or self.inspection_id is None:
            return
        dialog = self.amendment_dialog()
        if dialog.exec():
            self.load(self.inspection_id)
            self._show_message(self.tr("更正已登记。"))

    def open_report(self) -> ReportJob | None:
        """检查报告: generate the inspection report off the UI thread, then preview it."""
        if self.inspection_id is None or self.view is None or self._busy:
            return None
        self.report_job = preview_inspection_report(self, self.workspace, self.inspection_id)
        return self.report_job

    def amendment_dialog(self, item_code: str | None = None) -> AmendmentDialog:
        """The 更正 dialog for the shown inspection (separate so that tests can drive it)."""
        review = self.review
        assert review is not None and self.inspection_id is not None
        if item_code is None:  # the first item failed as things stand now
            item_code = next((f.item.code for f in review.findings() if f.result is Result.FAIL), None)
        return AmendmentDialog(
            self.amendments,
            self.inspection_id,
            review.template,
            review.effective_answers,
            people=review.view.inspectors,
            item_code=item_code,
            parent=self,
        )

    # -- helpers ---------------------------------------------------------------------------------
    def _run(
        self,
        work: Callable[[], object],
        on_success: Callable[[object], None],
        on_failure: Callable[[str], None] | None = None,
    ) -> None:
        self._set_busy(True)
        self._show_message("")

        def failed(message: str) -> None:
            self._set_busy(False)
            if on_failure is not None:
                on_failure(message)
            self._show_message(message, error=True)

        def succeeded(result: object) -> None:
            self._set_busy(False)
            on_success(result)

        run_in_background(work, succeeded, failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.finalize_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.amend_button.setEnabled(not busy)
        self.report_button.setEnabled(not busy)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet(f"{banner_style(error)} padding: 6px; border-radius: 4px;")
        self.message.setProperty("error", error)

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(ZoneInfo(self.workspace.settings.timezone)).strftime("%Y-%m-%d %H:%M")


def _badge(text: str, colour: str) -> str:
    return f" <span style='background:{colour}; color:white;'>&nbsp;{html.escape(text)}&nbsp;</span>"


def _muted(text: str) -> str:
    """A secondary line (a note, a deadline, a reason) in rich text."""
    return f"<span style='color:{MUTED};'>{text}</span>"


def _same_strokes(saved: Signature, strokes: list[list[list[float]]]) -> bool:
    """Whether the pad still shows exactly the saved drawing (rounding as the service does)."""
    if len(saved.strokes) != len(strokes):
        return False
    return all(
        len(a) == len(b) and all(abs(p[0] - q[0]) < 1e-4 and abs(p[1] - q[1]) < 1e-4 for p, q in zip(a, b, strict=True))
        for a, b in zip(saved.strokes, strokes, strict=True)
    )
