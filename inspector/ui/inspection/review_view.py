"""The review screen after completing an inspection: result, signatures, finalization, corrections.

On the left the result as signed (review_result.py), on the right the three signature pads
(signature_panel.py) above the buttons. 返回修改 reopens the inspection; 定稿 saves the signatures
and finalizes in one service call each, on the background worker. A finalized inspection is shown
read-only, with 更正 to record a correction (AmendmentService) and the amended grade next to the
signed one when they differ; 检查报告 previews the PDF, which prints the same `InspectionReview`.

Every rule lives in the services (SignatureService, AmendmentService, InspectionService); this
widget only shows their results and messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from inspector.core.checklist import Result
from inspector.core.errors import DomainError
from inspector.core.inspection import InspectionStatus
from inspector.services.inspection_review import InspectionReview
from inspector.services.inspections import InspectionView
from inspector.services.signatures import Signature, SignatureRole
from inspector.ui.common.changes import HAZARD_TABLES, follow
from inspector.ui.common.confirm_step import confirm_step
from inspector.ui.common.i18n import english
from inspector.ui.common.labels import status_label
from inspector.ui.common.layouts import STRETCH, hbox, vbox
from inspector.ui.common.operations import run_in_background
from inspector.ui.common.palette import (
    CARD,
    CARD_BORDER,
    DISABLED,
    HIGHLIGHT_BORDER,
    HIGHLIGHT_FILL,
    HINT,
    INFO,
    MUTED,
    STATUS_COLOURS,
    TEXT,
    TEXT_STRONG,
    banner_style,
)
from inspector.ui.documents.report_actions import ReportJob, preview_inspection_report
from inspector.ui.inspection.amendment_dialog import AmendmentDialog
from inspector.ui.inspection.review_result import ResultColumn
from inspector.ui.inspection.signature_panel import SignaturePanel
from inspector.workspace import Workspace

SIGNATURE_COLUMN_WIDTH = 440

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
        self.report_job: ReportJob | None = None
        # Asks before 定稿 (a person answers in the window; tests replace it).
        self.confirm_finalize: Callable[[str], bool] = self._ask_finalize
        self.setStyleSheet(STYLE)

        # Header: what is being reviewed, and its state.
        self.title = QLabel(self.tr("检查结果复核"))
        self.title.setObjectName("reviewTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("reviewSubtitle")
        self.subtitle.setWordWrap(True)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        header = hbox((vbox(self.title, self.subtitle, spacing=0), 1), self.status_chip)
        header.setAlignment(self.status_chip, Qt.AlignmentFlag.AlignTop)

        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.result_column = ResultColumn(self._local)
        self.signature_panel = SignaturePanel(self._local)
        self.back_button = self._button(self.tr("返回修改"), "backButton", "", self.go_back)
        self.report_button = self._button(
            self.tr("检查报告"), "reportButton", self.tr("预览、打印或保存本次检查的检查报告（PDF）"), self.open_report
        )
        self.amend_button = self._button(
            self.tr("更正…"), "amendButton", self.tr("登记对已定稿检查的更正（保留原始记录）"), self.open_amendment
        )
        self.finalize_button = self._button(
            self.tr("定稿"), "primary", self.tr("保存三人签名并定稿；定稿后检查为只读，只能登记更正"), self.finalize
        )
        buttons = hbox(self.back_button, STRETCH, self.report_button, self.amend_button, self.finalize_button)
        right = QWidget()
        right.setFixedWidth(SIGNATURE_COLUMN_WIDTH)
        vbox((self.signature_panel, 1), buttons, parent=right, margins=0, spacing=8)
        body = hbox((self.result_column, 1), right, spacing=12)
        vbox(header, self.message, (body, 1), parent=self, margins=(16, 12, 16, 12), spacing=8)
        follow(self, workspace, HAZARD_TABLES, lambda _changes: self._hazards_changed())

    def _button(self, text: str, name: str, tip: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(action)
        return button

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
        inspectors = self.tr("检查人员：{0}").format(self.tr("、").join(view.inspectors))
        title = review.template.title_in(english())
        parts = (view.number, view.enterprise_name, view.inspection_date.isoformat(), inspectors, title)
        self.subtitle.setText(self.tr("　·　").join(parts))
        self._show_status(view.status)
        self.result_column.show_review(review)
        self.signature_panel.show_review(review)

    def _hazards_changed(self) -> None:
        """A hazard moved on (a notice issued, a fix recorded): show its new state here too,
        leaving the rest (and what is on the pads) as it is."""
        if self.review is None:
            return
        try:
            hazards = self.workspace.reviews.hazards_of(self.review.view.id)
        except DomainError:
            return
        self.review = replace(self.review, hazards=hazards)
        self.result_column.show_hazards(hazards)

    def _show_status(self, status: InspectionStatus) -> None:
        self.status_chip.setText(status_label(status))
        self.status_chip.setStyleSheet(f"background: {STATUS_COLOURS[status]};")
        finalized = status is InspectionStatus.FINALIZED
        self.title.setText(self.tr("检查结果（已定稿）") if finalized else self.tr("检查结果复核与签名"))
        self.back_button.setText(self.tr("返回列表") if finalized else self.tr("返回修改"))
        self.finalize_button.setVisible(status is InspectionStatus.COMPLETED)
        self.amend_button.setVisible(finalized)
        self.report_button.setVisible(status in (InspectionStatus.COMPLETED, InspectionStatus.FINALIZED))
        self._set_busy(False)

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
        entries = self.signature_panel.entries(self._saved)
        service = self.signatures
        # Ask only when it would go through: with a signature missing the service refuses anyway.
        if all(entry.strokes for entry in entries) and not self.confirm_finalize(self._finalize_consequences()):
            return

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

    def _finalize_consequences(self) -> str:
        view = self.view
        assert view is not None
        return self.tr(
            "定稿 {enterprise} {day} 的检查：三人签名和全部答案随之锁定，检查变为只读，不能撤回。"
            "此后发现的错误只能用“更正…”登记（原始记录保留）。"
        ).format(enterprise=view.enterprise_name, day=view.inspection_date.isoformat())

    def _ask_finalize(self, what_happens: str) -> bool:
        return confirm_step(self, self.tr("确认定稿"), what_happens, self.tr("定稿"))

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
