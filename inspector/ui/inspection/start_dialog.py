"""Start an inspection: enterprise, template (newest version), date and the inspectors.

The templates proposed for the chosen enterprise come first in the list, the first of them
chosen: the base template its size calls for, then those its risk tags call for
(`Workspace.template_proposals`, from forms/risk-tags.toml); the hint under the list names the
other proposed templates, each one inspection of its own.

An enterprise visited before can be re-inspected from its last visit (从上次检查开始): the same
template, with the items that failed and the hazards still open shown first
(inspector/services/revisit.py decides which and in what order); the template list then waits.

The dialog only gathers choices; `InspectionService.start` checks them (the enterprise exists,
enough distinct inspectors…) and its message is shown if it refuses.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.inspection import MIN_INSPECTORS
from inspector.forms_catalog import DEFAULT_TEMPLATE
from inspector.services.revisit import RevisitPlan
from inspector.ui.common.form_dialog import dialog_buttons
from inspector.ui.common.guarded_dialog import GuardedDialog
from inspector.ui.common.i18n import english
from inspector.ui.common.palette import ALERT, CAUTION, text_style
from inspector.ui.common.ui_settings import ui_settings
from inspector.ui.enterprises.risk_tag_labels import RiskTagLabels
from inspector.workspace import Workspace

SEARCH_LIMIT = 50  # the list shows this many matches; more typing narrows the search
SEARCH_DELAY_MS = 150  # wait for a pause in typing before searching 25,000 names
LAST_INSPECTORS_KEY = "start/inspectors"


class StartDialog(GuardedDialog):
    """After acceptance `inspection_id` holds the new draft's id."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, enterprise_id: str | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.inspection_id: str | None = None
        self.template_id: str | None = None
        self.setWindowTitle(self.tr("新建检查"))
        self.resize(860, 560)

        # -- enterprise ---------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入企业名称、信用代码或地址搜索"))
        self.search.setClearButtonEnabled(True)
        self.enterprise_list = QListWidget()
        self.enterprise_list.setAlternatingRowColors(True)
        self.search_note = QLabel()
        self.search_note.setObjectName("hint")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.enterprise_list.currentItemChanged.connect(lambda *_: self._enterprise_changed())
        enterprise_box = QGroupBox(self.tr("被检查企业"))
        enterprise_layout = QVBoxLayout(enterprise_box)
        enterprise_layout.addWidget(self.search)
        enterprise_layout.addWidget(self.enterprise_list, 1)
        enterprise_layout.addWidget(self.search_note)

        # -- template and date --------------------------------------------------------------
        self.template = QComboBox()
        self.template.setObjectName("template")
        self.template.currentIndexChanged.connect(lambda _index: self._template_changed())
        self.template_hint = QLabel()
        self.template_hint.setObjectName("hint")
        self.template_hint.setWordWrap(True)
        self.from_last = QCheckBox()
        self.from_last.hide()
        self.from_last.toggled.connect(lambda _on: self._from_last_toggled())
        self.date = QDateEdit(self._qdate_today())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        details = QFormLayout()
        details.addRow(self.tr("检查表"), self.template)
        details.addRow("", self.template_hint)
        details.addRow("", self.from_last)
        details.addRow(self.tr("检查日期"), self.date)

        # -- inspectors ---------------------------------------------------------------------
        self.inspector_list = QListWidget()
        self.inspector_list.itemChanged.connect(lambda _item: self._update_ok())
        self.new_inspector = QLineEdit()
        self.new_inspector.setPlaceholderText(self.tr("姓名"))
        # Enter in the name field adds the name; it must not reach the dialog's default button.
        self.new_inspector.installEventFilter(self)
        self.add_inspector_button = QPushButton(self.tr("添加检查人员"))
        self.add_inspector_button.setAutoDefault(False)
        self.add_inspector_button.clicked.connect(self.add_inspector)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_inspector, 1)
        add_row.addWidget(self.add_inspector_button)
        inspectors_box = QGroupBox(self.tr("检查人员（至少 {n} 名）").format(n=MIN_INSPECTORS))
        inspectors_layout = QVBoxLayout(inspectors_box)
        inspectors_layout.addWidget(self.inspector_list, 1)
        inspectors_layout.addLayout(add_row)

        right = QVBoxLayout()
        right.addLayout(details)
        right.addWidget(inspectors_box, 1)
        columns = QHBoxLayout()
        columns.addWidget(enterprise_box, 3)
        columns.addLayout(right, 2)

        self.message = QLabel()
        self.message.setObjectName("startMessage")
        self.message.setWordWrap(True)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, self.tr("开始检查"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self.plan: RevisitPlan | None = None  # the chosen enterprise's last visit, if it has one
        self.tag_labels = RiskTagLabels(workspace)
        self._templates: dict[str, str] = {}  # code → "title（第 n 版，m 项）" of every template offered
        self._titles: dict[str, str] = {}  # code → title
        self._load_templates()
        self._load_inspectors()
        if enterprise_id:
            self._preselect(enterprise_id)
        else:
            self.run_search()
        self._update_ok()
        self.search.setFocus()

    def _qdate_today(self) -> QDate:
        day = self.workspace.today()
        return QDate(day.year, day.month, day.day)

    # -- enterprise search -----------------------------------------------------------------------
    def run_search(self) -> None:
        self._search_timer.stop()
        service = self.workspace.enterprises
        ids = service.search_ids(self.search.text())
        shown = service.get_many(ids[:SEARCH_LIMIT])
        keep = self.selected_enterprise_id()
        self.enterprise_list.clear()
        for enterprise in shown:
            tags = self.tag_labels.text(enterprise.risk_tags)
            item = QListWidgetItem(
                f"{enterprise.name}\n{enterprise.town} · {enterprise.credit_code}" + (f" · {tags}" if tags else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, enterprise.id)
            self.enterprise_list.addItem(item)
            if enterprise.id == keep:
                self.enterprise_list.setCurrentItem(item)
        if len(shown) == 1 and self.enterprise_list.currentItem() is None:
            self.enterprise_list.setCurrentRow(0)
        if not ids:
            self.search_note.setText(self.tr("没有找到匹配的企业"))
        elif len(ids) > SEARCH_LIMIT:
            self.search_note.setText(
                self.tr("共 {total} 家，显示前 {shown} 家：请输入更多文字缩小范围").format(
                    total=len(ids), shown=SEARCH_LIMIT
                )
            )
        else:
            self.search_note.setText(self.tr("共 {total} 家").format(total=len(ids)))
        self._update_ok()

    def _preselect(self, enterprise_id: str) -> None:
        try:
            enterprise = self.workspace.enterprises.get(enterprise_id)
        except DomainError as error:
            self.message.setText(str(error))
            self.run_search()
            return
        self.search.blockSignals(True)
        self.search.setText(enterprise.name)
        self.search.blockSignals(False)
        self.run_search()
        for row in range(self.enterprise_list.count()):
            if self.enterprise_list.item(row).data(Qt.ItemDataRole.UserRole) == enterprise_id:
                self.enterprise_list.setCurrentRow(row)
                break

    def selected_enterprise_id(self) -> str | None:
        item = self.enterprise_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # -- template --------------------------------------------------------------------------------
    def _load_templates(self) -> None:
        for template in self.workspace.offered_templates():
            self._titles[template.code] = template.title
            self._templates[template.code] = self.tr("{title}（第 {version} 版，{count} 项）").format(
                title=template.title_in(english()), version=template.version, count=len(template.items)
            )
        self._propose_templates()

    def _enterprise_changed(self) -> None:
        """Propose the enterprise's templates; offer 从上次检查开始 when it has a visit to start from."""
        enterprise_id = self.selected_enterprise_id()
        plan = self.workspace.revisits.plan(enterprise_id) if enterprise_id else None
        self.plan = plan
        if plan is None:
            self.from_last.setChecked(False)
            self.from_last.hide()
        else:
            hazards = sum(len(item.hazards) for item in plan.first) + len(plan.other_hazards)
            self.from_last.setText(
                self.tr("从上次检查（{day}）开始：先复查 {items} 项检查项和 {hazards} 条未整改隐患").format(
                    day=plan.previous_date.isoformat(), items=len(plan.first), hazards=hazards
                )
            )
            self.from_last.show()
        self._from_last_toggled()  # the proposals, or the last visit's template
        self._update_ok()

    def _from_last_toggled(self) -> None:
        """From the last visit, its template is used: the list waits, the hint names that template."""
        from_last = self.plan is not None and self.from_last.isChecked()
        self.template.setEnabled(not from_last)
        if self.plan is None or not from_last:
            self._propose_templates()
            return
        template = self.workspace.templates.load(self.plan.template_id)
        self.template_hint.setText(
            self.tr("沿用上次检查的检查表：{title}（第 {version} 版，{count} 项）").format(
                title=template.title_in(english()), version=template.version, count=len(template.items)
            )
        )
        self.template_hint.setVisible(True)
        self._update_ok()

    def _propose_templates(self) -> None:
        """List the templates, those proposed for the chosen enterprise first (the first chosen)."""
        enterprise_id = self.selected_enterprise_id()
        proposals = []
        note = ""
        if enterprise_id is not None:
            try:
                proposals = self.workspace.template_proposals(enterprise_id)
            except DomainError as error:
                note = self.tr("无法按风险标签建议检查表：{error}").format(error=error)
        proposed = [p.code for p in proposals if p.code in self._templates]
        others = [code for code in self._templates if code not in proposed]
        self.template.blockSignals(True)
        self.template.clear()
        for code in proposed:
            self.template.addItem(self.tr("{template} · 建议").format(template=self._templates[code]), code)
        for code in others:
            self.template.addItem(self._templates[code], code)
        default = self.template.findData(DEFAULT_TEMPLATE)
        self.template.setCurrentIndex(0 if proposed else max(default, 0))
        self.template.blockSignals(False)
        extra = [p for p in proposals[1:] if p.code in self._templates]
        if extra and not note:
            named = self.tr("；").join(
                self.tr("{title}（{tags}）").format(title=self._titles[p.code], tags=self.tag_labels.text(p.because))
                if p.because
                else self._titles[p.code]
                for p in extra
            )
            note = self.tr("该企业还应分别使用：{templates}").format(templates=named)
        self.template_hint.setText(note)
        self.template_hint.setVisible(bool(note))
        self._template_changed()

    def _template_changed(self) -> None:
        if not self._templates:
            self.template_hint.setText(self.tr("没有可用的检查表"))
            self.template_hint.setVisible(True)
        self._update_ok()

    # -- inspectors ------------------------------------------------------------------------------
    def _load_inspectors(self) -> None:
        remembered = set(self._remembered_inspectors())
        self.inspector_list.blockSignals(True)
        for inspector in self.workspace.roster.active():
            self._add_inspector_item(inspector.id, inspector.name, inspector.id in remembered)
        self.inspector_list.blockSignals(False)

    def _add_inspector_item(self, inspector_id: str, name: str, checked: bool) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, inspector_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.inspector_list.addItem(item)

    def add_inspector(self) -> None:
        name = self.new_inspector.text().strip()
        if not name:
            return
        try:
            inspector_id = self.workspace.roster.add(name)
        except DomainError as error:
            self.message.setText(str(error))
            return
        self.new_inspector.clear()
        self._add_inspector_item(inspector_id, name, checked=True)
        self._update_ok()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.new_inspector and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.add_inspector()
                return True
        return super().eventFilter(watched, event)

    def checked_inspector_ids(self) -> list[str]:
        ids = []
        for row in range(self.inspector_list.count()):
            item = self.inspector_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

    def set_inspector_checked(self, name: str, checked: bool = True) -> None:
        for row in range(self.inspector_list.count()):
            item = self.inspector_list.item(row)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _remembered_inspectors(self) -> list[str]:
        value = ui_settings(self.workspace.data_dir).value(LAST_INSPECTORS_KEY, "")
        return [v for v in str(value).split(",") if v]

    # -- accepting -------------------------------------------------------------------------------
    def _update_ok(self) -> None:
        """OK needs an enterprise, a template and enough inspectors; the message says what is missing."""
        checked = len(self.checked_inspector_ids())
        if self.template.currentData() is None:
            problem = self.tr("检查表无法加载，不能开始检查")
        elif self.selected_enterprise_id() is None:
            problem = self.tr("请选择被检查企业")
        elif checked < MIN_INSPECTORS:
            problem = self.tr("请至少勾选 {n} 名检查人员（已选 {checked} 名）").format(
                n=MIN_INSPECTORS, checked=checked
            )
        else:
            problem = ""
        self.ok_button.setEnabled(not problem)
        self.message.setText(problem)
        self.message.setStyleSheet(text_style(CAUTION))

    def accept(self) -> None:
        enterprise_id = self.selected_enterprise_id()
        code = self.template.currentData()
        if not self.ok_button.isEnabled() or enterprise_id is None or code is None:
            return
        day = self.date.date()
        inspectors = self.checked_inspector_ids()
        try:
            if self.plan is not None and self.from_last.isChecked():
                self.inspection_id = self.workspace.revisits.start_from_last(enterprise_id, day.toPython(), inspectors)
            else:
                # The chosen template's newest version, frozen in the database if it is new.
                self.template_id = self.workspace.default_template_id(code)
                self.inspection_id = self.workspace.inspections.start(
                    enterprise_id, self.template_id, day.toPython(), inspectors
                )
        except DomainError as error:
            self.message.setText(str(error))
            self.message.setStyleSheet(text_style(ALERT))
            return
        settings = ui_settings(self.workspace.data_dir)
        settings.setValue(LAST_INSPECTORS_KEY, ",".join(inspectors))
        settings.sync()
        super().accept()
