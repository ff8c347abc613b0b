"""调整等级: the manager's grade for one enterprise, with the written reason the round requires."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from inspector.core.grades import PENDING, Grade
from inspector.services.grading_round import Proposal, grade_label
from inspector.ui.common.form_dialog import dialog_buttons
from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.palette import ALERT, text_style


class OverrideDialog(GuardedDialog):
    def __init__(self, proposal: Proposal, grade: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle(self.tr("调整等级"))
        self.resize(460, 300)
        self.grade = QComboBox()
        for value in [g.value for g in Grade] + [PENDING]:
            self.grade.addItem(grade_label(value), value)
        self.grade.setCurrentIndex(max(self.grade.findData(grade), 0))
        self.reason = QPlainTextEdit(reason)
        self.reason.setPlaceholderText(self.tr("调整等级必须写明理由，理由随牌匾记录保存"))
        self.hint = QLabel()
        self.hint.setStyleSheet(text_style(ALERT))
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, self.tr("确定"))
        self.buttons.accepted.connect(self.accept)
        form = QFormLayout(self)
        form.addRow(self.tr("企业"), QLabel(proposal.name))
        form.addRow(self.tr("建议等级"), QLabel(grade_label(proposal.proposed_grade)))
        form.addRow(self.tr("核定等级"), self.grade)
        form.addRow(self.tr("调整理由"), self.reason)
        form.addRow(self.hint)
        form.addRow(self.buttons)
        self.grade.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    def chosen(self) -> tuple[str, str]:
        return self.grade.currentData(), self.reason.toPlainText().strip()

    def _check(self) -> None:
        grade, reason = self.chosen()
        needs_reason = grade != self.proposal.proposed_grade and not reason
        self.hint.setText(self.tr("与建议等级不同，必须填写调整理由") if needs_reason else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not needs_reason)
