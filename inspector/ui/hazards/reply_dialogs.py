"""A union's letter after it is issued: record the enterprise's written reply (登记书面答复), or,
once the reply is overdue, refer the letter to the authority in a 建议书 (移送). Each dialog
makes one service call; a refusal is shown inline and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from inspector.core.errors import DomainError
from inspector.services.notices import NoticeView
from inspector.ui.common.form_dialog import FormDialog, date_edit
from inspector.ui.common.labels import notice_kind_label
from inspector.workspace import Workspace


class ReplyDialog(FormDialog):
    """登记书面答复: the day the enterprise's written reply arrived, and a note."""

    def __init__(self, workspace: Workspace, notice: NoticeView, parent: QWidget | None = None) -> None:
        super().__init__(420, parent)
        self.workspace = workspace
        self.notice = notice
        self.result: NoticeView | None = None
        self.setWindowTitle(self.tr("登记书面答复"))
        self.ok_button.setText(self.tr("登记"))
        self.form.addRow(
            self.tr("文书"), QLabel(f"{notice_kind_label(notice.kind)} {notice.number}  {notice.enterprise_name}")
        )
        self.replied_on = date_edit(workspace.today())
        self.form.addRow(self.tr("收到日期"), self.replied_on)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：已整改 2 项，1 项正在采购设备"))
        self.form.addRow(self.tr("答复摘要"), self.note)

    def submit(self) -> None:
        try:
            self.result = self.workspace.notices.record_reply(
                self.notice.id, self.replied_on.date().toPython(), self.note.text()
            )
        except DomainError as error:
            self.show_message(str(error))
            return
        self.accept()


class ReferralDialog(FormDialog):
    """移送建议书: a 建议书 to the authority for a letter whose written reply is overdue."""

    def __init__(self, workspace: Workspace, notice: NoticeView, parent: QWidget | None = None) -> None:
        super().__init__(460, parent)
        self.workspace = workspace
        self.notice = notice
        self.referral: NoticeView | None = None
        self.setWindowTitle(self.tr("移送建议书"))
        self.ok_button.setText(self.tr("签发建议书"))
        due = notice.reply_due.due.isoformat() if notice.reply_due else ""
        summary = QLabel(
            self.tr("{kind} {number}（{enterprise}）的书面答复期限 {due} 已过，未收到答复。").format(
                kind=notice_kind_label(notice.kind), number=notice.number, enterprise=notice.enterprise_name, due=due
            )
        )
        summary.setWordWrap(True)
        self.form.addRow(self.tr("情况"), summary)
        self.form.addRow(self.tr("移送至"), QLabel(workspace.settings.authority_name))
        self.inspectors = QLabel("、".join(notice.inspectors))
        self.form.addRow(self.tr("经办人员"), self.inspectors)
        self.signer = QComboBox()
        for person in workspace.roster.active():
            self.signer.addItem(person.name, person.name)
        index = self.signer.findData(notice.signed_by)
        self.signer.setCurrentIndex(max(index, 0))
        self.form.addRow(self.tr("签发人"), self.signer)

    def submit(self) -> None:
        try:
            self.referral = self.workspace.notices.refer_unanswered(
                self.notice.id, signed_by=self.signer.currentData() or ""
            )
        except DomainError as error:
            self.show_message(str(error))
            return
        self.accept()
