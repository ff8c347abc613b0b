"""The detail pane of the ledger page: one hazard's fields, before/after photos, full history,
and one button per action its lifecycle allows now: the rectification steps on top, the steps of
the major-hazard track (referral, the authority's decision, supervision, suspension, restart
review, treatment plan) in their own row under "重大事故隐患"."""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
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
from inspector.core.major_hazard import AUTHORITY, CLAUSE, DOCUMENT, MajorStanding, Production
from inspector.services.hazards import HazardView
from inspector.ui.common.labels import (
    action_label,
    category_label,
    hazard_status_label,
    major_standing_label,
    production_label,
    severity_label,
)
from inspector.ui.common.palette import ALERT, text_style
from inspector.ui.documents.report_actions import ReportOptionsDialog, ask_notice
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
            ("enterprise", self.tr("企业")),
            ("status", self.tr("状态")),
            ("notice", self.tr("整改通知书")),
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
        # Its own full-width label under the fields: a wrapped multi-line label inside the form
        # layout lost its last line (the form computes the height for a wider column).
        self.major_info = QLabel()
        self.major_info.setWordWrap(True)
        self.major_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.before = self._photo_list()
        self.after = self._photo_list()
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(160)
        self.actions_box = QGridLayout()
        self.major_box = QGridLayout()
        self.major_title = QLabel(self.tr("重大事故隐患："))
        self.major_title.setStyleSheet(text_style(ALERT))
        self.notice_number: str | None = None
        self.notice_button = QPushButton(self.tr("整改通知书…"))
        self.notice_button.setObjectName("noticeDocument")
        self.notice_button.setToolTip(self.tr("预览、打印或保存本隐患所在的整改通知书或监督意见书（PDF）"))
        self.notice_button.clicked.connect(self.open_notice_document)
        self.notice_dialog: ReportOptionsDialog | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addLayout(self.fields)
        layout.addWidget(self.major_info)
        layout.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("整改前照片")))
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
        outer.addWidget(self.major_title)
        outer.addLayout(self.major_box)
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
        self.major_info.clear()
        self.before.clear()
        self.after.clear()
        self.history.clear()
        for button in self.action_buttons.values():
            button.deleteLater()
        self.action_buttons.clear()
        self.notice_number = None
        self.notice_button.setEnabled(False)
        if view is None:
            self.title.setText(self.tr("选择一条隐患查看详情"))
            return
        today = self.workspace.today()
        self.title.setText(view.description)
        self.values["enterprise"].setText(view.enterprise_name)
        self.values["status"].setText(hazard_status_label(view.status))
        self.notice_number = self.workspace.notices.notice_of_hazard(view.id)
        self.notice_button.setEnabled(self.notice_number is not None)
        self.values["notice"].setText(self.notice_number or self.tr("（未下发）"))
        self.values["severity"].setText(severity_label(view.severity))
        self.major_info.setText(self._major_text(view))
        self.major_info.setStyleSheet(text_style(ALERT) if view.major.is_confirmed else "")
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
            if event.detail:
                extra.append(self._detail_text(event.detail))
            if extra:
                line += "\n    " + "；".join(extra)
            self.history.addItem(QListWidgetItem(line))
        actions = self.workspace.hazards.allowed_actions(view.id)
        rectification = [a for a in actions if a.major_step is None]
        track = [a for a in actions if a.major_step is not None]
        for box, group in ((self.actions_box, rectification), (self.major_box, track)):
            for number, action in enumerate(group):
                button = QPushButton(action_label(action))
                button.setObjectName(f"action_{action.value}")
                button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(self.view.id, a))
                box.addWidget(button, number // 3, number % 3)
                self.action_buttons[action] = button
        self.major_title.setVisible(bool(track))

    def _detail_text(self, detail: Mapping[str, str]) -> str:
        """What a major-hazard step named, with translated labels (the values as written)."""
        labels = {
            CLAUSE: self.tr("条款"),
            AUTHORITY: self.tr("部门"),
            DOCUMENT: self.tr("文号"),
            "goal": self.tr("治理目标"),
            "method": self.tr("方法"),
            "funds": self.tr("经费"),
            "responsible": self.tr("负责"),
            "interim": self.tr("临时措施"),
        }
        return "；".join(f"{label} {detail[key]}" for key, label in labels.items() if detail.get(key))

    def _major_text(self, view: HazardView) -> str:
        """The major-hazard track in a few lines; "重大事故隐患：否" for a hazard never suspected."""
        major = view.major
        if major.standing is MajorStanding.NONE and not major.citation:
            return self.tr("重大事故隐患：否")
        lines = [self.tr("重大事故隐患：{standing}").format(standing=major_standing_label(major.standing))]
        if major.citation or major.clause:
            lines.append(self.tr("条款：{citation}").format(citation=major.citation or major.clause))
        if major.authority:
            lines.append(self.tr("主管部门：{name}").format(name=major.authority))
        if major.supervised:
            lines.append(self.tr("挂牌督办"))
        if major.production is not Production.RUNNING:
            lines.append(production_label(major.production))
        if major.plan is not None:
            lines.append(
                self.tr("治理方案：{goal}（时限 {date}）").format(
                    goal=major.plan.goal, date=major.plan.time_limit.isoformat()
                )
            )
        referral = view.referral
        if referral is not None and major.standing is MajorStanding.REFERRED:
            # The 建议书 to the authority is produced from this referral (its authority, date and
            # writer: HazardView.referral) and the hazard, by the documents room.
            lines.append(self.tr("移送日期：{date}").format(date=referral.at.date().isoformat()))
        return "\n".join(lines)

    def open_notice_document(self) -> ReportOptionsDialog | None:
        """整改通知书…: choose 整改通知书 / 监督意见书 for the hazard's notice, then preview it."""
        if self.notice_number is None:
            return None
        try:
            kind = self.workspace.notices.get(self.notice_number).kind.value
        except DomainError:
            return None
        self.notice_dialog = ask_notice(self, self.workspace, self.notice_number, kind)
        return self.notice_dialog

    def _thumbs(self, target: QListWidget, photos: tuple[str, ...]) -> None:
        for sha in photos:
            try:
                pixmap = QPixmap(str(self.workspace.photos.thumbnail(sha)))
            except OSError:
                pixmap = QPixmap()
            item = QListWidgetItem(QIcon(pixmap), "")
            item.setToolTip(sha[:12])
            target.addItem(item)
        if not photos:
            target.addItem(QListWidgetItem(self.tr("（无）")))
