"""One lifecycle action on a hazard: collects what the action needs (operator, note, new deadline,
after-photos; for a major-hazard step the clause, the authority or the treatment plan, see
major_step_fields.py) and calls `HazardService.act`. A refused transition is shown inline; the
dialog stays open and nothing is written."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QWidget

from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.ui.common.form_dialog import FormDialog, date_edit
from inspector.ui.common.labels import action_label
from inspector.ui.common.palette import ALERT, text_style
from inspector.ui.common.photo_picker import PhotoPicker
from inspector.ui.hazards.major_step_fields import MajorStepFields
from inspector.workspace import Workspace

NEEDS_DEADLINE = frozenset({HazardAction.FAIL_RECHECK, HazardAction.REQUEST_EXTENSION})
NEEDS_NOTE = frozenset(
    {
        HazardAction.VOID,
        HazardAction.REFUSE_EXTENSION,
        HazardAction.REJECT_MAJOR,
        HazardAction.PASS_RESTART_REVIEW,
        HazardAction.FAIL_RESTART_REVIEW,
    }
)
TAKES_PHOTOS = frozenset(
    {
        HazardAction.FIX_ON_SITE,
        HazardAction.REQUEST_RECHECK,
        HazardAction.PASS_RECHECK,
        HazardAction.PASS_RESTART_REVIEW,
    }
)

_last_operator = ""  # remembered for the session: the same inspector acts on many hazards


class HazardActionDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        hazard_id: str,
        action: HazardAction,
        operator: str = "",
        current_deadline: date | None = None,
        parent: QWidget | None = None,
        authority: str = "",
    ) -> None:
        super().__init__(520 if action is HazardAction.ADOPT_PLAN else 440, parent)
        self.workspace = workspace
        self.hazard_id = hazard_id
        self.action = action
        self.result_status: HazardStatus | None = None
        self.setWindowTitle(self.tr("隐患操作：{action}").format(action=action_label(action)))
        self.ok_button.setText(action_label(action))
        if action is HazardAction.VOID:
            # Voiding cannot be undone: the dialog is the confirmation, so it says what follows.
            self.ok_button.setText(self.tr("确认作废"))
            warning = QLabel(
                self.tr(
                    "作废后，这条隐患不再跟踪整改、不计入未整改数，状态改为“已作废”，不能撤回；"
                    "作废原因和操作人记入隐患履历。"
                )
            )
            warning.setWordWrap(True)
            warning.setStyleSheet(text_style(ALERT))
            self.form.addRow(warning)
        if action is HazardAction.FIX_ON_SITE:
            hint = QLabel(
                self.tr("当场整改的隐患按一般隐患处理：登记为疑似重大事故隐患的，当场整改后不再按重大隐患统计。")
            )
            hint.setWordWrap(True)
            self.form.addRow(hint)

        self.operator = QLineEdit(_last_operator or operator)
        self.operator.setPlaceholderText(self.tr("操作人姓名"))
        self.form.addRow(self.tr("操作人"), self.operator)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        note_label = self.tr("原因（必填）") if action in NEEDS_NOTE else self.tr("备注")
        self.form.addRow(note_label, self.note)
        step = action.major_step
        self.major = MajorStepFields(workspace, step, self.form, authority) if step is not None else None
        self.deadline: QDateEdit | None = None
        if action in NEEDS_DEADLINE:
            base = max(current_deadline or workspace.today(), workspace.today())
            self.deadline = date_edit(base + timedelta(days=15))
            self.form.addRow(self.tr("新整改期限"), self.deadline)
        self.photo_picker: PhotoPicker | None = None
        if action in TAKES_PHOTOS:
            self.photo_picker = PhotoPicker(workspace, self.tr("添加整改后照片…"), self.tr("勾选的照片作为整改后照片"))
            self.photo_picker.busy_changed.connect(lambda busy: self.ok_button.setEnabled(not busy))
            self.photo_picker.failed.connect(self.show_message)
            self.form.addRow(self.tr("整改后照片"), self.photo_picker)

    def _new_deadline(self) -> date | None:
        if self.major is not None:
            return self.major.new_deadline()
        return self.deadline.date().toPython() if self.deadline is not None else None

    def add_photo_files(self, paths: list[Path]) -> None:
        if self.photo_picker is not None:
            self.photo_picker.add_files(paths)

    def submit(self) -> None:
        global _last_operator
        if self.photo_picker is not None and self.photo_picker.busy():
            return  # act only once the chosen photos are in
        by = self.operator.text().strip()
        if not by:
            self.show_message(self.tr("请填写操作人"))
            return
        try:
            self.result_status = self.workspace.hazards.act(
                self.hazard_id,
                self.action,
                by,
                note=self.note.toPlainText().strip(),
                photos=self.photo_picker.chosen() if self.photo_picker is not None else [],
                new_deadline=self._new_deadline(),
                detail=self.major.detail() if self.major is not None else None,
            )
        except DomainError as error:
            self.show_message(str(error))
            return
        _last_operator = by
        self.accept()
