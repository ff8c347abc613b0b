"""The detail pane of the ledger page: one hazard's fields, before/after photos, full history,
and one button per action its lifecycle allows now. For the document the hazard was issued on:
文书… previews it; for a union's letter, 登记书面答复… records the enterprise's written reply
and 移送建议书… refers it to the authority once the reply is overdue."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction
from inspector.core.hazard_number import hazard_number
from inspector.services.hazards import HazardView
from inspector.services.notices import NoticeView
from inspector.ui.common.labels import (
    action_label,
    category_label,
    hazard_status_label,
    notice_kind_label,
    severity_label,
)
from inspector.ui.common.layouts import STRETCH, hbox
from inspector.ui.common.markup_dialog import MarkupDialog
from inspector.ui.common.palette import ALERT, text_style
from inspector.ui.documents.report_actions import ReportJob, preview_notice
from inspector.ui.hazards.reply_dialogs import ReferralDialog, ReplyDialog
from inspector.workspace import Workspace

THUMB = 72


class HazardDetailPanel(QWidget):
    """Shows a hazard; emits `action_requested(hazard_id, action)` when an action button is clicked."""

    action_requested = Signal(str, object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.view: HazardView | None = None
        self.action_buttons: dict[HazardAction, QPushButton] = {}

        self.title = QLabel(self.tr("选择一条隐患查看详情"))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("number", self.tr("隐患编号")),
            ("enterprise", self.tr("企业")),
            ("status", self.tr("状态")),
            ("notice", self.tr("文书")),
            ("reply", self.tr("书面答复")),
            ("severity", self.tr("等级")),
            ("category", self.tr("类别")),
            ("location", self.tr("位置")),
            ("found", self.tr("发现")),
            ("deadline", self.tr("整改期限")),
            ("responsible", self.tr("责任人")),
            ("measures", self.tr("整改措施")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.fields.addRow(label, value)
        self.before = self._photo_list()
        self.after = self._photo_list()
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(160)
        self.actions_box = QGridLayout()
        self.notice_number: str | None = None
        self.notice: NoticeView | None = None
        self.notice_button = QPushButton(self.tr("文书…"))
        self.notice_button.setObjectName("noticeDocument")
        self.notice_button.setToolTip(self.tr("预览、打印或保存本隐患所在的文书（PDF）"))
        self.notice_button.clicked.connect(self.open_notice_document)
        self.notice_job: ReportJob | None = None
        self.reply_button = QPushButton(self.tr("登记书面答复…"))
        self.reply_button.setObjectName("recordReply")
        self.reply_button.clicked.connect(self.record_reply)
        self.refer_button = QPushButton(self.tr("移送建议书…"))
        self.refer_button.setObjectName("referLetter")
        self.refer_button.setToolTip(self.tr("企业逾期未书面答复：向行政机关移送建议书"))
        self.refer_button.clicked.connect(self.refer_letter)
        self.letter_dialog: ReplyDialog | ReferralDialog | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addLayout(self.fields)
        documents = QHBoxLayout()
        for button in (self.notice_button, self.reply_button, self.refer_button):
            documents.addWidget(button)
        documents.addStretch(1)
        layout.addLayout(documents)
        self.markup_button = QPushButton(self.tr("标注照片…"))
        self.markup_button.setObjectName("markupPhoto")
        self.markup_button.setToolTip(self.tr("在所选的整改前照片上画圆圈、箭头或文字；原照片保留不变"))
        self.markup_button.clicked.connect(self.mark_up_photo)
        self.markup_dialog: MarkupDialog | None = None
        layout.addLayout(hbox(QLabel(self.tr("整改前照片")), STRETCH, self.markup_button))
        layout.addWidget(self.before)
        layout.addWidget(QLabel(self.tr("整改后照片")))
        layout.addWidget(self.after)
        layout.addWidget(QLabel(self.tr("处理记录")))
        layout.addWidget(self.history, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.actions_box)
        outer.addWidget(scroll, 1)
        self.show_hazard(None)

    def _photo_list(self) -> QListWidget:
        photos = QListWidget()
        photos.setViewMode(QListView.ViewMode.IconMode)
        photos.setIconSize(QSize(THUMB, THUMB))
        photos.setFlow(QListView.Flow.LeftToRight)
        photos.setWrapping(False)
        photos.setFixedHeight(THUMB + 22)
        return photos

    def hazard_id(self) -> str | None:
        return self.view.id if self.view else None

    def show_hazard(self, hazard_id: str | None) -> None:
        self.view = None
        if hazard_id:
            try:
                self.view = self.workspace.hazards.get(hazard_id)
            except DomainError:
                self.view = None
        self._fill()

    def _fill(self) -> None:
        view = self.view
        for value in self.values.values():
            value.clear()
        self.before.clear()
        self.after.clear()
        self.history.clear()
        for button in self.action_buttons.values():
            button.deleteLater()
        self.action_buttons.clear()
        self.notice_number = None
        self.notice = None
        self.notice_button.setEnabled(False)
        self.markup_button.setEnabled(bool(view and view.before_photos))
        self.reply_button.setVisible(False)
        self.refer_button.setVisible(False)
        if view is None:
            self.title.setText(self.tr("选择一条隐患查看详情"))
            return
        today = self.workspace.today()
        self.title.setText(view.description)
        self.values["number"].setText(hazard_number(view.id, view.found_on))
        self.values["enterprise"].setText(view.enterprise_name)
        self.values["status"].setText(hazard_status_label(view.status))
        self._fill_notice(view.id, today)
        self.values["severity"].setText(severity_label(view.severity))
        self.values["category"].setText(category_label(view.category))
        self.values["location"].setText(view.location)
        self.values["found"].setText(f"{view.found_on.isoformat()}  {view.found_by}")
        deadline = view.deadline.isoformat()
        if view.overdue(today):
            deadline = self.tr("{date}（已逾期）").format(date=deadline)
            self.values["deadline"].setStyleSheet(text_style(ALERT))
        else:
            self.values["deadline"].setStyleSheet("")
        if view.pending_extension:
            deadline += self.tr("；延期申请至 {date} 待审批").format(date=view.pending_extension.isoformat())
        self.values["deadline"].setText(deadline)
        self.values["responsible"].setText(view.responsible_person)
        self.values["measures"].setText(view.measures)
        self._thumbs(self.before, view.before_photos)
        self._thumbs(self.after, view.after_photos)
        zone = ZoneInfo(self.workspace.settings.timezone)
        for event in view.events:
            at = event.at if event.at.tzinfo else event.at.replace(tzinfo=ZoneInfo("UTC"))
            line = f"{at.astimezone(zone):%Y-%m-%d %H:%M}  {action_label(event.action)}  {event.by}"
            extra = []
            if event.new_deadline:
                extra.append(self.tr("新期限 {date}").format(date=event.new_deadline.isoformat()))
            if event.photos:
                extra.append(self.tr("照片 {n} 张").format(n=len(event.photos)))
            if event.note:
                extra.append(event.note)
            if extra:
                line += "\n    " + "；".join(extra)
            self.history.addItem(QListWidgetItem(line))
        actions = self.workspace.hazards.allowed_actions(view.id)
        for number, action in enumerate(actions):
            button = QPushButton(action_label(action))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(self.view.id, a))
            self.actions_box.addWidget(button, number // 3, number % 3)
            self.action_buttons[action] = button

    def _fill_notice(self, hazard_id: str, today: date) -> None:
        """The document the hazard was issued on and, for a union's letter, its reply."""
        notices = self.workspace.notices
        self.notice_number = notices.notice_of_hazard(hazard_id)
        self.notice_button.setEnabled(self.notice_number is not None)
        self.values["reply"].setStyleSheet("")
        if self.notice_number is None:
            self.values["notice"].setText(self.tr("（未下发）"))
            return
        try:
            notice = self.notice = notices.get(self.notice_number)
            referral = notices.referral_of(notice.id)
        except DomainError:
            self.values["notice"].setText(self.notice_number)
            return
        self.values["notice"].setText(f"{notice.number}  {notice_kind_label(notice.kind)}")
        due = notice.reply_due
        if due is None:
            self.values["reply"].setText(self.tr("（无需书面答复）"))
            return
        if notice.replied_on is not None:
            text = self.tr("{date} 收到").format(date=notice.replied_on.isoformat())
            if notice.reply_note:
                text += f"：{notice.reply_note}"
        elif referral is not None:
            text = self.tr("逾期未答复，已于 {date} 移送（建议书 {number}）").format(
                date=referral.issued_on.isoformat(), number=referral.number
            )
        elif notice.reply_overdue(today):
            text = self.tr("逾期未答复（期限 {date}）").format(date=due.due.isoformat())
            self.values["reply"].setStyleSheet(text_style(ALERT))
        else:
            text = self.tr("待答复，期限 {date}").format(date=due.due.isoformat())
        if due.assumed and notice.replied_on is None:
            text += f"\n{due.caveat()}"
        self.values["reply"].setText(text)
        self.reply_button.setVisible(notice.replied_on is None)
        self.refer_button.setVisible(notice.replied_on is None and referral is None and notice.reply_overdue(today))

    def open_notice_document(self) -> ReportJob | None:
        """文书…: preview the document of the hazard's notice number (one number, one document)."""
        if self.notice_number is None:
            return None
        self.notice_job = preview_notice(self, self.workspace, self.notice_number)
        return self.notice_job

    def record_reply(self) -> ReplyDialog | None:
        if self.notice is None:
            return None
        dialog = self.letter_dialog = ReplyDialog(self.workspace, self.notice, self)
        dialog.accepted.connect(self._fill)
        dialog.open()
        return dialog

    def refer_letter(self) -> ReferralDialog | None:
        if self.notice is None:
            return None
        dialog = self.letter_dialog = ReferralDialog(self.workspace, self.notice, self)
        dialog.accepted.connect(self._referred)
        dialog.open()
        return dialog

    def _referred(self) -> None:
        dialog = self.letter_dialog
        self._fill()
        if isinstance(dialog, ReferralDialog) and dialog.referral is not None:
            self.notice_job = preview_notice(self, self.workspace, dialog.referral.id)

    def mark_up_photo(self) -> MarkupDialog | None:
        """标注照片…: mark up the selected (else the first) before photo as a new version."""
        item = self.before.currentItem() or self.before.item(0)
        sha = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not sha or self.view is None:
            return None
        dialog = MarkupDialog(self.workspace, sha, self)
        dialog.accepted.connect(lambda: self.view and self.show_hazard(self.view.id))
        self.markup_dialog = dialog
        dialog.open()
        return dialog

    def _thumbs(self, target: QListWidget, photos: tuple[str, ...]) -> None:
        shown = self.workspace.photo_versions.shown(list(photos))  # marked-up versions where any
        for sha, version in zip(photos, shown, strict=True):
            try:
                pixmap = QPixmap(str(self.workspace.photos.thumbnail(version)))
            except OSError:
                pixmap = QPixmap()
            item = QListWidgetItem(QIcon(pixmap), "")
            item.setToolTip(sha[:12] if version == sha else self.tr("{sha}（已标注）").format(sha=sha[:12]))
            item.setData(Qt.ItemDataRole.UserRole, sha)
            target.addItem(item)
        if not photos:
            target.addItem(QListWidgetItem(self.tr("（无）")))
