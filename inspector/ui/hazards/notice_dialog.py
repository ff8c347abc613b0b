"""下发整改通知: issue one document for recorded hazards of one inspection (or, for a hazard found
without an inspection, of one enterprise) through `NoticeService.issue`, which allocates the
number and moves the hazards in one transaction. The office's kind decides the documents offered:
a union's 监督意见书 / 整改建议书 (with a 签发人 from the roster, each inspector's 监督证 number
and the reply's due date on the official calendar), an authority's 责令限期整改指令书.
A refusal is shown inline; the dialog stays open and nothing is written (the 监督证 numbers
typed are kept on the roster)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardStatus
from inspector.core.office_kind import REPLY_WORKING_DAYS, OfficeKind, asks_reply, letter_kinds, order_wording
from inspector.core.working_days import add_working_days
from inspector.queries.hazard_ledger import LedgerFilter
from inspector.services.hazards import HazardView
from inspector.services.notices import NoticeKind, NoticeView, OrderType
from inspector.ui.common.form_dialog import FormDialog, optional_date_edit, optional_day
from inspector.ui.common.labels import notice_kind_label, order_label
from inspector.ui.common.palette import MUTED, text_style
from inspector.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole


def split_names(text: str) -> list[str]:
    """Inspector names as typed: separated by 、 , ， ; ； or spaces."""
    return [name for name in re.split(r"[、,，;；\s]+", text) if name]


class NoticeDialog(FormDialog):
    def __init__(self, workspace: Workspace, hazard_id: str, parent: QWidget | None = None) -> None:
        super().__init__(520, parent)
        self.workspace = workspace
        self.hazard_id = hazard_id
        self.notice: NoticeView | None = None
        self.show_result = True  # tests turn the information box off
        self.hazard = workspace.hazards.get(hazard_id)
        self.setWindowTitle(self.tr("下发整改通知"))
        self.ok_button.setText(self.tr("签发"))

        inspectors: tuple[str, ...] = ()
        if self.hazard.inspection_id:
            try:
                inspectors = workspace.inspections.get(self.hazard.inspection_id).inspectors
            except DomainError:
                inspectors = ()
        form = self.form
        self.enterprise = QLabel(self.hazard.enterprise_name)
        self.enterprise.setWordWrap(True)
        form.addRow(self.tr("企业"), self.enterprise)
        self.scope = QLabel(
            self.tr("本次检查中已登记的隐患：")
            if self.hazard.inspection_id
            else self.tr("该企业已登记、未经检查发现的隐患：")
        )
        self.hazards = QListWidget()
        self.hazards.setMinimumHeight(120)
        for view in self._candidates():
            text = self.tr("{found}  {description}（期限 {deadline}）").format(
                found=view.found_on.isoformat(), description=view.description, deadline=view.deadline.isoformat()
            )
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, view.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, view.deadline)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if view.id == hazard_id else Qt.CheckState.Unchecked)
            self.hazards.addItem(item)
        self.hazards.itemChanged.connect(self._update_recheck)
        box = QVBoxLayout()
        box.addWidget(self.scope)
        box.addWidget(self.hazards)
        form.addRow(self.tr("隐患"), box)

        self.office = workspace.settings.kind
        ordering = self.office is OfficeKind.AUTHORITY
        self.kind = QComboBox()
        for kind in letter_kinds(self.office):
            self.kind.addItem(notice_kind_label(kind), kind.value)
        self.kind.currentIndexChanged.connect(self._update_kind)
        form.addRow(self.tr("文书"), self.kind)
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)
        self.kind_note.setStyleSheet(text_style(MUTED))
        form.addRow("", self.kind_note)
        self.order_type = QComboBox()
        for order in (OrderType.DEADLINE, OrderType.IMMEDIATE):
            self.order_type.addItem(order_label(order_wording(order, ordering)), order.value)
        form.addRow(self.tr("整改方式"), self.order_type)
        self.recheck = optional_date_edit(self.tr("不填"))
        self.recheck.setToolTip(self.tr("限期整改时必填；默认为所选隐患中最晚的整改期限"))
        form.addRow(self.tr("复查日期"), self.recheck)
        self.issued_by = QLineEdit("、".join(inspectors) or self.hazard.found_by)
        self.issued_by.setPlaceholderText(self.tr("至少两名检查人员，用“、”分隔"))
        form.addRow(self.tr("检查人员"), self.issued_by)
        # A union's inspectors carry a 监督证: one field per name, filled from the roster.
        self.roster = workspace.roster.active()
        self.permits_form = QFormLayout()
        self.permit_edits: dict[str, QLineEdit] = {}
        self.permits_label = QLabel(self.tr("监督证号"))
        form.addRow(self.permits_label, self.permits_form)
        self.signer = QComboBox()
        if self.office is not OfficeKind.UNION:
            self.signer.addItem(self.tr("（不填）"), "")
        for person in self.roster:
            self.signer.addItem(person.name, person.name)
        self.signer.setToolTip(self.tr("代表本单位签发文书的负责人，从检查人员名单中选择"))
        form.addRow(self.tr("签发人"), self.signer)
        self.issued_by.textChanged.connect(self._update_permits)
        self._update_permits()
        self._update_kind()
        self._update_recheck()

    def _candidates(self) -> list[HazardView]:
        """Recorded hazards of the same inspection, or of the same enterprise without inspection."""
        ledger = self.workspace.ledger()
        ids = ledger.ids(LedgerFilter(statuses=(HazardStatus.RECORDED,), enterprise_id=self.hazard.enterprise_id))
        views = []
        for hazard_id in ids:
            view = self.hazard if hazard_id == self.hazard_id else self.workspace.hazards.get(hazard_id)
            if view.inspection_id == self.hazard.inspection_id:
                views.append(view)
        if all(v.id != self.hazard_id for v in views):
            views.insert(0, self.hazard)
        return views

    def checked_ids(self) -> list[str]:
        return [
            self.hazards.item(row).data(ID_ROLE)
            for row in range(self.hazards.count())
            if self.hazards.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, hazard_id: str, checked: bool = True) -> None:
        for row in range(self.hazards.count()):
            item = self.hazards.item(row)
            if item.data(ID_ROLE) == hazard_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update_kind(self) -> None:
        kind = NoticeKind(self.kind.currentData())
        union = self.office is OfficeKind.UNION
        self.permits_label.setVisible(union)
        for row in range(self.permits_form.rowCount()):
            self.permits_form.setRowVisible(row, union)
        if not asks_reply(kind):
            self.kind_note.setVisible(False)
            return
        due = add_working_days(self.workspace.today(), REPLY_WORKING_DAYS)
        note = self.tr(
            "企业应在收到{kind}之日起 {days} 个工作日内书面答复整改情况（今天送达的，答复截止 {due}，"
            "按国家法定节假日及调休计算）。"
        ).format(kind=notice_kind_label(kind), days=REPLY_WORKING_DAYS, due=due.due.isoformat())
        if due.assumed:
            note += due.caveat() + "。"
        self.kind_note.setText(note)
        self.kind_note.setVisible(True)

    def _update_permits(self) -> None:
        """One 监督证号 field per inspector typed, kept while the name stays."""
        names = split_names(self.issued_by.text())
        known = {person.name: person.permit_no for person in self.roster}
        typed = {name: edit.text() for name, edit in self.permit_edits.items()}
        while self.permits_form.rowCount():
            self.permits_form.removeRow(0)
        self.permit_edits = {}
        for name in dict.fromkeys(names):
            edit = QLineEdit(typed.get(name) or known.get(name, ""))
            edit.setPlaceholderText(self.tr("监督证编号"))
            self.permit_edits[name] = edit
            self.permits_form.addRow(name, edit)
        if self.office is not OfficeKind.UNION:
            for row in range(self.permits_form.rowCount()):
                self.permits_form.setRowVisible(row, False)

    def permits(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.permit_edits.items()}

    def _update_recheck(self) -> None:
        deadlines: list[date] = [
            self.hazards.item(row).data(Qt.ItemDataRole.UserRole + 1)
            for row in range(self.hazards.count())
            if self.hazards.item(row).checkState() == Qt.CheckState.Checked
        ]
        if deadlines:
            latest = max(max(deadlines), self.workspace.today())
            self.recheck.setDate(QDate(latest.year, latest.month, latest.day))

    def recheck_on(self) -> date | None:
        return optional_day(self.recheck)

    def submit(self) -> None:
        inspection_id = self.hazard.inspection_id
        try:
            if self.office is OfficeKind.UNION:
                typed = {name: number for name, number in self.permits().items() if number}
                self.workspace.roster.set_permits(typed)
            self.notice = self.workspace.notices.issue(
                self.checked_ids(),
                kind=self.kind.currentData(),
                order_type=self.order_type.currentData(),
                issued_by=split_names(self.issued_by.text()),
                signed_by=self.signer.currentData() or "",
                recheck_on=self.recheck_on(),
                inspection_id=inspection_id,
                enterprise_id=None if inspection_id else self.hazard.enterprise_id,
            )
        except DomainError as error:
            self.show_message(str(error))
            return
        if self.show_result:
            QMessageBox.information(
                self,
                self.tr("已签发"),
                self.tr("{kind}已签发，编号 {number}").format(kind=self.kind.currentText(), number=self.notice.number),
            )
        self.accept()
