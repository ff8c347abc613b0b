"""The 更正 dialog: record a correction to one item of a finalized inspection.

The dialog only collects the choice (item, answer or note, new value, reason, who) and makes one
call into AmendmentService; every rule (reason required, value allowed and actually changed, only
finalized inspections) is the service's, and its message is shown here, keeping the dialog open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.amendment import Amendment, AmendmentField
from inspector.core.checklist import Result, Template
from inspector.core.errors import DomainError
from inspector.services.amendments import AmendmentService
from inspector.services.inspections import Answer
from inspector.ui.common.form_dialog import MessageLine, dialog_buttons
from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.i18n import english
from inspector.ui.common.labels import result_label
from inspector.ui.common.palette import MUTED, text_style

ITEM_TEXT_MAX = 36  # characters of an item's text shown in the item list


class AmendmentDialog(GuardedDialog):
    def __init__(
        self,
        service: AmendmentService,
        inspection_id: str,
        template: Template,
        answers: dict[str, Answer],
        people: Sequence[str] = (),
        item_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`answers` are the effective (already amended) answers; `people` prefill 更正人."""
        super().__init__(parent)
        self.service = service
        self.inspection_id = inspection_id
        self.template = template
        self.answers = answers
        self.amendment: Amendment | None = None
        self.setWindowTitle(self.tr("登记更正"))
        self.setMinimumWidth(620)

        intro = QLabel(
            self.tr("检查已定稿，原始记录保持不变。更正将连同更正人、时间和原因一并登记，并显示更正后的评级。")
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(text_style(MUTED))

        self.item = QComboBox()
        self.item.setObjectName("amendItem")
        for item in template.items:
            full = item.text_in(english())
            text = full if len(full) <= ITEM_TEXT_MAX else full[:ITEM_TEXT_MAX] + "…"
            self.item.addItem(f"{item.code}  {text}", item.code)
        self.current = QLabel()
        self.current.setObjectName("amendCurrent")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.change_answer = QRadioButton(self.tr("答案"))
        self.change_note = QRadioButton(self.tr("备注"))
        self.change_answer.setChecked(True)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.change_answer)
        self.kind.addButton(self.change_note)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.change_answer)
        kind_row.addWidget(self.change_note)
        kind_row.addStretch(1)

        self.new_result = QComboBox()
        self.new_result.setObjectName("amendResult")
        self.new_note = QPlainTextEdit()
        self.new_note.setObjectName("amendNote")
        self.new_note.setFixedHeight(64)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("amendReason")
        self.reason.setPlaceholderText(self.tr("必填：为什么更正，依据是什么（如复核照片、企业提供的记录）"))
        self.reason.setFixedHeight(80)
        self.by = QComboBox()
        self.by.setObjectName("amendBy")
        self.by.setEditable(True)
        self.by.addItems(list(people))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("检查项"), self.item)
        form.addRow(self.tr("检查内容"), self.current)
        form.addRow(self.tr("更正内容"), kind_row)
        form.addRow(self.tr("新答案"), self.new_result)
        form.addRow(self.tr("新备注"), self.new_note)
        form.addRow(self.tr("更正原因"), self.reason)
        form.addRow(self.tr("更正人"), self.by)

        self.error = MessageLine()
        self.error.setObjectName("amendError")

        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, self.tr("登记更正"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.item.currentIndexChanged.connect(self._item_changed)
        self.kind.buttonToggled.connect(lambda *_: self._kind_changed())
        if item_code is not None and (index := self.item.findData(item_code)) >= 0:
            self.item.setCurrentIndex(index)
        self._item_changed()

    # -- reading the form ------------------------------------------------------------------------
    def item_code(self) -> str:
        return str(self.item.currentData())

    def field(self) -> AmendmentField:
        return AmendmentField.NOTE if self.change_note.isChecked() else AmendmentField.ANSWER

    def set_new_result(self, result: Result) -> None:
        index = self.new_result.findData(result.value)
        if index >= 0:
            self.new_result.setCurrentIndex(index)

    # -- behaviour -------------------------------------------------------------------------------
    def _item_changed(self) -> None:
        item = self.template.item(self.item_code())
        answer = self.answers.get(item.code)
        if answer is None:
            current = self.tr("未作答")
        else:
            current = result_label(answer.result)
            if answer.note:
                current += self.tr("；备注：{0}").format(answer.note)
        now = self.tr("现在的记录：{0}").format(current)
        self.current.setText(f"{item.text_in(english())}\n{now}")
        self.new_result.clear()
        for result in Result:
            if item.allows(result):
                self.new_result.addItem(result_label(result), result.value)
        if answer is not None:
            # Propose a different answer: the usual correction is the opposite of what was recorded.
            others = [i for i in range(self.new_result.count()) if self.new_result.itemData(i) != answer.result.value]
            if others:
                self.new_result.setCurrentIndex(others[0])
        self.new_note.setPlainText(answer.note if answer else "")
        self.error.say("")
        self._kind_changed()

    def _kind_changed(self) -> None:
        answer_mode = self.field() is AmendmentField.ANSWER
        self.new_result.setEnabled(answer_mode)
        self.new_note.setEnabled(not answer_mode)

    def submit(self) -> None:
        reason, by = self.reason.toPlainText(), self.by.currentText()
        try:
            if self.field() is AmendmentField.ANSWER:
                self.amendment = self.service.amend_answer(
                    self.inspection_id, self.item_code(), str(self.new_result.currentData()), reason, by
                )
            else:
                self.amendment = self.service.amend_note(
                    self.inspection_id, self.item_code(), self.new_note.toPlainText(), reason, by
                )
        except DomainError as error:
            self.error.say(str(error))
            return
        self.accept()
