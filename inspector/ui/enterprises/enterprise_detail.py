"""One enterprise at a glance: its register fields (risk tags, headcount, 规上 included),
inspections, grade history, lights, open hazards (overdue ones in red) and training (开工第一课,
team-leader training), with buttons to start an inspection there and to record a training.

Everything shown comes from `EnterpriseQueries.detail`; the panel only lays it out. Overdue is
decided there (by `hazard_lifecycle.is_overdue`), not here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.queries.enterprise_queries import EnterpriseDetail, EnterpriseQueries
from inspector.ui.common.labels import hazard_status_label, severity_label, status_label, training_kind_label
from inspector.ui.common.palette import ALERT, LIGHT_COLOURS, NEUTRAL, brush, text_style
from inspector.ui.enterprises.enterprise_model import (
    date_text,
    grade_text,
    light_icon,
    light_text,
    size_text,
)
from inspector.ui.enterprises.risk_tag_labels import RiskTagLabels, scale_text

TAB_INSPECTIONS = 0
TAB_HAZARDS = 1
TAB_PLAQUES = 2
TAB_LIGHTS = 3
TAB_TRAINING = 4


def _score_text(score: float | None) -> str:
    return "" if score is None else f"{score:.1f}"


def _small_table(headers: Sequence[str], stretch: int) -> QTableWidget:
    """A read-only list of a few dozen lines at most (one enterprise's records): a QTableWidget is
    enough here, unlike the register itself."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, tooltip: str = "", centered: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    if centered:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class EnterpriseDetailPanel(QWidget):
    """Shows one enterprise (`show_enterprise`); emits `start_inspection_requested(id)`."""

    start_inspection_requested = Signal(str)
    plaque_requested = Signal(str, int)  # enterprise id, year of its current plaque
    training_requested = Signal(str, str)  # enterprise id, training id ("" records a new one)

    def __init__(
        self,
        queries: EnterpriseQueries,
        today: Callable[[], date],
        tags: RiskTagLabels | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.queries = queries
        self.today = today
        self.tags = tags
        self.enterprise_id: str | None = None
        self.detail: EnterpriseDetail | None = None

        self.placeholder = QLabel(self.tr("在左侧列表中选择一家企业，查看详情"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(text_style(NEUTRAL))

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.grade_label = QLabel()
        self.light_label = QLabel()
        self.start_button = QPushButton(self.tr("开始检查"))
        self.start_button.setToolTip(self.tr("为这家企业新建一次检查"))
        self.start_button.clicked.connect(self._start_clicked)
        self.plaque_year: int | None = None
        self.plaque_button = QPushButton(self.tr("亮牌…"))
        self.plaque_button.setObjectName("plaqueDocument")
        self.plaque_button.setToolTip(self.tr("预览、打印或保存当前评级的亮牌（A4 / A3）"))
        self.plaque_button.clicked.connect(self._plaque_clicked)
        badges = QHBoxLayout()
        badges.addWidget(self.grade_label)
        badges.addSpacing(12)
        badges.addWidget(self.light_label)
        badges.addStretch(1)
        badges.addWidget(self.plaque_button)
        badges.addWidget(self.start_button)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key, label in (
            ("credit_code", self.tr("统一社会信用代码")),
            ("town", self.tr("镇街道")),
            ("address", self.tr("地址")),
            ("industry", self.tr("行业")),
            ("size", self.tr("规模")),
            ("tags", self.tr("风险标签")),
            ("contact", self.tr("联系人")),
            ("phone", self.tr("联系电话")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)

        self.inspections = _small_table(
            [self.tr("检查日期"), self.tr("状态"), self.tr("得分"), self.tr("等级"), self.tr("检查表")], stretch=4
        )
        self.hazards = _small_table(
            [self.tr("隐患描述"), self.tr("隐患等级"), self.tr("状态"), self.tr("整改期限")], stretch=0
        )
        self.plaques = _small_table(
            [self.tr("年度"), self.tr("等级"), self.tr("得分"), self.tr("牌匾编号"), self.tr("状态")], stretch=3
        )
        self.lights = _small_table([self.tr("季度"), self.tr("亮灯")], stretch=1)
        self.trainings = _small_table(
            [self.tr("日期"), self.tr("类型"), self.tr("人数"), self.tr("主题"), self.tr("照片")], stretch=3
        )
        self.trainings.setToolTip(self.tr("双击一条记录可以修改"))
        self.trainings.doubleClicked.connect(self._training_double_clicked)
        self.training_button = QPushButton(self.tr("记录培训…"))
        self.training_button.setObjectName("recordTraining")
        self.training_button.setToolTip(self.tr("记录在这家企业举办的开工第一课或班组长培训"))
        self.training_button.clicked.connect(self._training_clicked)
        training_page = QWidget()
        training_layout = QVBoxLayout(training_page)
        training_layout.setContentsMargins(0, 4, 0, 0)
        training_layout.addWidget(self.trainings, 1)
        training_row = QHBoxLayout()
        training_row.addStretch(1)
        training_row.addWidget(self.training_button)
        training_layout.addLayout(training_row)
        self.tabs = QTabWidget()
        self.tabs.insertTab(TAB_INSPECTIONS, self.inspections, "")
        self.tabs.insertTab(TAB_HAZARDS, self.hazards, "")
        self.tabs.insertTab(TAB_PLAQUES, self.plaques, "")
        self.tabs.insertTab(TAB_LIGHTS, self.lights, "")
        self.tabs.insertTab(TAB_TRAINING, training_page, "")
        self._tab_text_color = self.tabs.tabBar().tabTextColor(TAB_INSPECTIONS)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.title)
        content_layout.addLayout(badges)
        content_layout.addLayout(form)
        content_layout.addWidget(self.tabs, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.stack)
        self.clear()

    # -- public ------------------------------------------------------------------------------
    def show_enterprise(self, enterprise_id: str | None) -> None:
        """Load and show an enterprise (None clears the panel)."""
        if enterprise_id is None:
            self.clear()
            return
        try:
            detail = self.queries.detail(enterprise_id, self.today())
        except DomainError:
            self.clear()  # gone meanwhile (e.g. removed by a sync); the list refresh will follow
            return
        self.enterprise_id = enterprise_id
        self.detail = detail
        self._fill(detail)
        self.stack.setCurrentIndex(1)

    def reload(self) -> None:
        self.show_enterprise(self.enterprise_id)

    def clear(self) -> None:
        self.enterprise_id = None
        self.detail = None
        self.start_button.setEnabled(False)
        self.training_button.setEnabled(False)
        self.plaque_year = None
        self.plaque_button.setEnabled(False)
        self.stack.setCurrentIndex(0)

    # -- filling -----------------------------------------------------------------------------
    def _fill(self, detail: EnterpriseDetail) -> None:
        enterprise = detail.enterprise
        self.title.setText(enterprise.name)
        self.grade_label.setText(
            self.tr("{year} 年度：{grade}").format(year=detail.year, grade=grade_text(detail.grade))
        )
        if detail.lights:
            latest = detail.lights[0]
            color = LIGHT_COLOURS.get(latest.light, NEUTRAL)
            self.light_label.setText(
                self.tr("{quarter}：<span style='color:{color}'>●</span> {light}").format(
                    quarter=latest.quarter, color=color, light=light_text(latest.light)
                )
            )
        else:
            self.light_label.setText(self.tr("尚未亮灯"))
        self.start_button.setEnabled(True)
        self.training_button.setEnabled(True)
        # The newest year with a current plaque (plaques are listed newest first).
        self.plaque_year = next((line.year for line in detail.plaques if line.current), None)
        self.plaque_button.setEnabled(self.plaque_year is not None)
        empty = self.tr("（未填）")
        self.fields["credit_code"].setText(enterprise.credit_code)
        self.fields["town"].setText(enterprise.town)
        self.fields["address"].setText(enterprise.address or empty)
        self.fields["industry"].setText(enterprise.industry or empty)
        # Size, 规上 and headcount share a row: the panel must fit a laptop at 150 %.
        headcount = enterprise.headcount
        size = [size_text(enterprise.size) if enterprise.size else "", scale_text(enterprise.above_scale)]
        size.append("" if headcount is None else self.tr("{n} 人").format(n=headcount))
        self.fields["size"].setText(" · ".join(part for part in size if part) or size_text(None))
        tags = self.tags.text(enterprise.risk_tags) if self.tags else "、".join(enterprise.risk_tags)
        self.fields["tags"].setText(tags or self.tr("无"))
        self.fields["contact"].setText(enterprise.contact_person or empty)
        self.fields["phone"].setText(enterprise.contact_phone or empty)
        self._fill_inspections(detail)
        self._fill_hazards(detail)
        self._fill_plaques(detail)
        self._fill_lights(detail)
        self._fill_trainings(detail)

    def _fill_inspections(self, detail: EnterpriseDetail) -> None:
        table = self.inspections
        table.setRowCount(len(detail.inspections))
        for row, line in enumerate(detail.inspections):
            template = self.tr("{code} 第 {version} 版").format(code=line.template_code, version=line.template_version)
            table.setItem(row, 0, _item(line.inspection_date.isoformat()))
            table.setItem(row, 1, _item(status_label(line.status)))
            table.setItem(row, 2, _item(_score_text(line.score), centered=True))
            table.setItem(row, 3, _item(grade_text(line.grade) if line.grade else "", centered=True))
            table.setItem(row, 4, _item(line.template_title, tooltip=template))
        self.tabs.setTabText(TAB_INSPECTIONS, self.tr("检查（{n}）").format(n=len(detail.inspections)))

    def _fill_hazards(self, detail: EnterpriseDetail) -> None:
        table = self.hazards
        table.setRowCount(len(detail.open_hazards))
        alert = brush(ALERT)
        for row, line in enumerate(detail.open_hazards):
            deadline = line.deadline.isoformat()
            if line.overdue:
                deadline = self.tr("{day}（逾期）").format(day=deadline)
            items = [
                _item(line.description, tooltip=line.description),
                _item(severity_label(line.severity)),
                _item(hazard_status_label(line.status)),
                _item(deadline),
            ]
            for column, item in enumerate(items):
                if line.overdue:
                    item.setForeground(alert)
                table.setItem(row, column, item)
        overdue = sum(1 for line in detail.open_hazards if line.overdue)
        self.tabs.setTabText(TAB_HAZARDS, self.tr("未整改隐患（{n}）").format(n=len(detail.open_hazards)))
        # The tab itself turns red when something is overdue, so it is seen without opening it.
        tab_bar = self.tabs.tabBar()
        tab_bar.setTabTextColor(TAB_HAZARDS, QColor(ALERT) if overdue else self._tab_text_color)
        tab_bar.setTabToolTip(
            TAB_HAZARDS, self.tr("其中 {overdue} 项已逾期").format(overdue=overdue) if overdue else ""
        )

    def _fill_plaques(self, detail: EnterpriseDetail) -> None:
        table = self.plaques
        table.setRowCount(len(detail.plaques))
        for row, line in enumerate(detail.plaques):
            state = self.tr("当前") if line.current else self.tr("已撤换")
            table.setItem(row, 0, _item(str(line.year), centered=True))
            table.setItem(row, 1, _item(grade_text(line.grade), centered=True))
            table.setItem(row, 2, _item(_score_text(line.score), centered=True))
            issued = self.tr("颁发于 {day}").format(day=date_text(line.issued_on))
            table.setItem(row, 3, _item(line.serial, tooltip=issued))
            table.setItem(row, 4, _item(state))
        self.tabs.setTabText(TAB_PLAQUES, self.tr("评级（{n}）").format(n=len(detail.plaques)))

    def _fill_lights(self, detail: EnterpriseDetail) -> None:
        table = self.lights
        table.setRowCount(len(detail.lights))
        for row, line in enumerate(detail.lights):
            light = _item(light_text(line.light))
            light.setIcon(light_icon(line.light))
            table.setItem(row, 0, _item(line.quarter))
            table.setItem(row, 1, light)
        self.tabs.setTabText(TAB_LIGHTS, self.tr("亮灯（{n}）").format(n=len(detail.lights)))

    def _fill_trainings(self, detail: EnterpriseDetail) -> None:
        table = self.trainings
        table.setRowCount(len(detail.trainings))
        for row, training in enumerate(detail.trainings):
            when = _item(training.held_on.isoformat())
            when.setData(Qt.ItemDataRole.UserRole, training.id)
            table.setItem(row, 0, when)
            table.setItem(row, 1, _item(training_kind_label(training.kind)))
            table.setItem(row, 2, _item(str(training.headcount), centered=True))
            table.setItem(row, 3, _item(training.topic, tooltip=training.note or training.topic))
            table.setItem(row, 4, _item(str(len(training.photos)) if training.photos else "", centered=True))
        self.tabs.setTabText(TAB_TRAINING, self.tr("培训（{n}）").format(n=len(detail.trainings)))

    def _training_clicked(self) -> None:
        if self.enterprise_id is not None:
            self.training_requested.emit(self.enterprise_id, "")

    def _training_double_clicked(self, index: object) -> None:
        item = self.trainings.item(self.trainings.currentRow(), 0)
        if self.enterprise_id is not None and item is not None:
            self.training_requested.emit(self.enterprise_id, item.data(Qt.ItemDataRole.UserRole))

    def _plaque_clicked(self) -> None:
        if self.enterprise_id is not None and self.plaque_year is not None:
            self.plaque_requested.emit(self.enterprise_id, self.plaque_year)

    def _start_clicked(self) -> None:
        if self.enterprise_id is not None:
            self.start_inspection_requested.emit(self.enterprise_id)
