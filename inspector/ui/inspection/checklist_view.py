"""Walk through an inspection's checklist, one item at a time, from the keyboard.

Keys (when the note field does not have the focus): 1 符合, 2 部分符合, 3 不符合, 0 不适用 —
each answers the current item and moves on, except 不符合, which stays to offer a pre-filled
hazard (Enter opens it); Up/Down and PageUp/PageDown move between items; Home/End go to the
first and last; Ctrl+V pastes a photo. Digits typed in the note field are text; Esc leaves it.

Every answer, note keystroke and photo is committed by a service call before the handler
returns (photos on the background worker), so the screen never shows unsaved work. The view
keeps a copy of the answers to repaint without reading the database while moving.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.checklist import Item, Result, Section, Template
from inspector.core.errors import DomainError
from inspector.core.grading import GradeResult
from inspector.core.inspection import InspectionStatus
from inspector.services.inspections import Answer, InspectionView
from inspector.services.revisit import RevisitPlan
from inspector.ui.common.i18n import english
from inspector.ui.common.labels import status_label
from inspector.ui.common.palette import (
    ALERT,
    ERROR_BORDER,
    ERROR_FILL,
    GUIDANCE_BORDER,
    GUIDANCE_FILL,
    HINT,
    KEY_ITEM,
    MUTED,
    PENDING_COLOUR,
    PROGRESS,
    PROGRESS_BORDER,
    PROGRESS_TRACK,
    RESULT_COLOURS,
    TEXT,
    TEXT_STRONG,
    banner_style,
    brush,
    grade_colour,
)
from inspector.ui.common.photo_strip import PhotoStrip
from inspector.ui.inspection.hazard_dialog import HazardDialog
from inspector.ui.inspection.last_visit_box import LastVisitBox
from inspector.workspace import Workspace

ANSWER_KEYS = {
    Qt.Key.Key_1: Result.PASS,
    Qt.Key.Key_2: Result.PARTIAL,
    Qt.Key.Key_3: Result.FAIL,
    Qt.Key.Key_0: Result.NOT_APPLICABLE,
}
RESULT_ORDER = (Result.PASS, Result.PARTIAL, Result.FAIL, Result.NOT_APPLICABLE)
RESULT_KEY = {Result.PASS: "1", Result.PARTIAL: "2", Result.FAIL: "3", Result.NOT_APPLICABLE: "0"}
MOVE_KEYS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageDown: 1,
}
CODE_ROLE = Qt.ItemDataRole.UserRole
RECHECK = "recheck"  # the tree's first group in a re-inspection (no section has this code)

STYLE = f"""
QLabel#itemCode {{ font-size: 13pt; font-weight: bold; color: {TEXT_STRONG}; }}
QLabel#itemText {{ font-size: 13pt; color: {TEXT}; }}
QLabel#itemTextEn {{ font-size: 9pt; color: {HINT}; }}
QLabel#sectionTitle {{ color: {MUTED}; }}
QLabel#fieldTitle {{ font-weight: bold; color: {TEXT_STRONG}; }}
QLabel#hint {{ color: {HINT}; }}
QLabel#vetoBadge {{ background: {ALERT}; color: white; border-radius: 3px; padding: 1px 6px; }}
QLabel#keyBadge {{ background: {KEY_ITEM}; color: white; border-radius: 3px; padding: 1px 6px; }}
QLabel#optionalBadge {{ background: {PENDING_COLOUR}; color: white; border-radius: 3px; padding: 1px 6px; }}
QFrame#guidanceBox {{ background: {GUIDANCE_FILL}; border: 1px solid {GUIDANCE_BORDER}; border-radius: 4px; }}
QFrame#lastVisitBox {{ background: {ERROR_FILL}; border: 1px solid {ERROR_BORDER}; border-radius: 4px; }}
QFrame#failBar {{ background: {ERROR_FILL}; border: 1px solid {ERROR_BORDER}; border-radius: 4px; }}
QLabel#banner {{ padding: 6px 10px; border-radius: 4px; }}
QLabel#scoreValue {{ font-size: 26pt; font-weight: bold; color: {TEXT}; }}
QLabel#gradeValue {{ font-size: 34pt; font-weight: bold; color: white; border-radius: 6px; }}
QPushButton[answer="true"] {{ padding: 6px 10px; }}
"""


class ProgressLine(QWidget):
    """Answered / total as a bar. QProgressBar.setValue repaints synchronously (≈20 ms here on
    every answer); this one only schedules a paint with the rest of the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done = 0
        self.total = 0
        self.text = ""
        self.setMinimumHeight(22)

    def set_progress(self, done: int, total: int, text: str) -> None:
        if (done, total, text) != (self.done, self.total, self.text):
            self.done, self.total, self.text = done, total, text
            self.update()

    def value(self) -> int:
        return self.done

    def sizeHint(self) -> QSize:
        return QSize(200, 22)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QColor(PROGRESS_BORDER))
        painter.setBrush(QColor(PROGRESS_TRACK))
        painter.drawRoundedRect(frame, 4, 4)
        if self.total and self.done:
            filled = QRectF(frame)
            filled.setWidth(frame.width() * self.done / self.total)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PROGRESS))
            painter.drawRoundedRect(filled, 4, 4)
        painter.setPen(QColor(TEXT))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text)


class ChecklistView(QWidget):
    """The checklist of one draft inspection. `load(id)` shows it at the item last viewed."""

    completed = Signal(str)  # inspection id, after InspectionService.complete succeeded
    back_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.service = workspace.inspections
        self.inspection_id: str | None = None
        self.info: InspectionView | None = None
        self.template: Template | None = None
        self.items: tuple[Item, ...] = ()
        self.index_of: dict[str, int] = {}
        self.section_of: dict[str, Section] = {}
        self.answers: dict[str, Answer] = {}
        self.photos: dict[str, list[str]] = {}
        self.hazard_counts: dict[str, int] = {}
        self.grade: GradeResult | None = None
        self.unanswered_required: tuple[str, ...] = ()
        self.current = 0
        self.hazard_dialog: HazardDialog | None = None
        self.plan: RevisitPlan | None = None  # a re-inspection's: what to re-check first
        self.last_move_ms: float = 0.0  # time of the last move's handler, for the speed check
        self._loading_note = False
        self._tree_items: dict[str, QTreeWidgetItem] = {}
        self._section_items: dict[str, QTreeWidgetItem] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(STYLE)
        self._build()

    # =========================================================================================
    # building
    # =========================================================================================
    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_centre())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([290, 660, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    def _build_left(self) -> QWidget:
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setObjectName("fieldTitle")
        self.subheader = QLabel()
        self.subheader.setWordWrap(True)
        self.subheader.setObjectName("hint")
        self.progress_bar = ProgressLine()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # The view owns the keyboard (digits answer, arrows move); the tree is for the mouse.
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemClicked.connect(self._tree_clicked)
        panel = QWidget()
        panel.setMinimumWidth(180)  # narrow enough for a laptop at 150 % (window_size.py)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.tree, 1)
        return panel

    def _build_centre(self) -> QWidget:
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.section_title = QLabel()
        self.section_title.setObjectName("sectionTitle")
        self.position_label = QLabel()
        self.position_label.setObjectName("hint")
        top = QHBoxLayout()
        top.addWidget(self.section_title, 1)
        top.addWidget(self.position_label)

        self.code_label = QLabel()
        self.code_label.setObjectName("itemCode")
        self.veto_badge = QLabel(self.tr("否决项"))
        self.veto_badge.setObjectName("vetoBadge")
        self.key_badge = QLabel(self.tr("关键项"))
        self.key_badge.setObjectName("keyBadge")
        self.optional_badge = QLabel(self.tr("选答"))
        self.optional_badge.setObjectName("optionalBadge")
        self.weight_label = QLabel()
        self.weight_label.setObjectName("hint")
        badges = QHBoxLayout()
        badges.addWidget(self.code_label)
        badges.addWidget(self.veto_badge)
        badges.addWidget(self.key_badge)
        badges.addWidget(self.optional_badge)
        badges.addStretch(1)
        badges.addWidget(self.weight_label)

        self.text_label = QLabel()
        self.text_label.setObjectName("itemText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_en_label = QLabel()
        self.text_en_label.setObjectName("itemTextEn")
        self.text_en_label.setWordWrap(True)

        guidance_box = QFrame()
        guidance_box.setObjectName("guidanceBox")
        guidance_layout = QVBoxLayout(guidance_box)
        guidance_layout.setContentsMargins(10, 8, 10, 8)
        guidance_title = QLabel(self.tr("检查方法"))
        guidance_title.setObjectName("fieldTitle")
        self.guidance_label = QLabel()
        self.guidance_label.setWordWrap(True)
        basis_title = QLabel(self.tr("依据"))
        basis_title.setObjectName("fieldTitle")
        self.basis_label = QLabel()
        self.basis_label.setObjectName("legalBasis")  # cites laws by their Chinese titles, in any language
        self.basis_label.setWordWrap(True)
        guidance_layout.addWidget(guidance_title)
        guidance_layout.addWidget(self.guidance_label)
        guidance_layout.addWidget(basis_title)
        guidance_layout.addWidget(self.basis_label)

        self.last_visit = LastVisitBox(self.workspace)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 6, 0)
        details_layout.addLayout(badges)
        details_layout.addWidget(self.text_label)
        details_layout.addWidget(self.text_en_label)
        details_layout.addWidget(self.last_visit)
        details_layout.addWidget(guidance_box)
        details_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        labels = {
            Result.PASS: self.tr("符合"),
            Result.PARTIAL: self.tr("部分符合"),
            Result.FAIL: self.tr("不符合"),
            Result.NOT_APPLICABLE: self.tr("不适用"),
        }
        self.result_labels = labels
        self.answer_buttons: dict[Result, QPushButton] = {}
        answer_row = QHBoxLayout()
        for result in RESULT_ORDER:
            button = QPushButton(f"{labels[result]} ({RESULT_KEY[result]})")
            button.setProperty("answer", True)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _checked=False, r=result: self.answer_current(r))
            self.answer_buttons[result] = button
            answer_row.addWidget(button)

        self.fail_bar = QFrame()
        self.fail_bar.setObjectName("failBar")
        fail_layout = QHBoxLayout(self.fail_bar)
        fail_layout.setContentsMargins(10, 6, 6, 6)
        self.fail_label = QLabel()
        self.fail_label.setWordWrap(True)
        self.hazard_button = QPushButton(self.tr("登记隐患 (Enter)"))
        self.hazard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hazard_button.clicked.connect(self.raise_hazard_for_current)
        fail_layout.addWidget(self.fail_label, 1)
        fail_layout.addWidget(self.hazard_button)
        self.fail_bar.hide()

        note_title = QLabel(self.tr("备注"))
        note_title.setObjectName("fieldTitle")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setFixedHeight(64)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.textChanged.connect(self._note_changed)
        self.note_edit.installEventFilter(self)

        self.photo_strip = PhotoStrip(self.workspace)
        self.photo_strip.attached.connect(self._photo_attached)
        self.photo_strip.detached.connect(self._photo_detached)

        keys_hint = QLabel(
            self.tr(
                "快捷键：1 符合 · 2 部分符合 · 3 不符合 · 0 不适用 · ↑↓ 上一项/下一项 · Esc 离开备注 · Ctrl+V 粘贴照片"
            )
        )
        keys_hint.setObjectName("hint")
        keys_hint.setWordWrap(True)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(answer_row)
        layout.addWidget(self.fail_bar)
        layout.addWidget(note_title)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.photo_strip)
        layout.addWidget(keys_hint)
        return panel

    def _build_right(self) -> QWidget:
        title = QLabel(self.tr("实时评分"))
        title.setObjectName("fieldTitle")
        self.score_label = QLabel("—")
        self.score_label.setObjectName("scoreValue")
        self.grade_label = QLabel("—")
        self.grade_label.setObjectName("gradeValue")
        self.grade_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade_label.setFixedSize(76, 76)
        self.provisional_label = QLabel()
        self.provisional_label.setObjectName("hint")
        score_column = QVBoxLayout()
        score_column.addWidget(self.score_label)
        score_column.addWidget(self.provisional_label)
        score_row = QHBoxLayout()
        score_row.addWidget(self.grade_label)
        score_row.addLayout(score_column, 1)

        reasons_title = QLabel(self.tr("评级理由"))
        reasons_title.setObjectName("fieldTitle")
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reasons_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.unanswered_title = QLabel()
        self.unanswered_title.setObjectName("fieldTitle")
        self.unanswered_list = QListWidget()
        self.unanswered_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unanswered_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Without a horizontal scroll bar the long item texts are elided to the panel's width.
        self.unanswered_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unanswered_list.itemClicked.connect(
            lambda item: self.go_to(item.data(CODE_ROLE), remember=True, focus=True)
        )

        self.complete_button = QPushButton(self.tr("完成检查"))
        self.complete_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.complete_button.setMinimumHeight(36)
        self.complete_button.clicked.connect(self.complete)
        self.back_button = QPushButton(self.tr("返回列表"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_requested.emit)

        panel = QWidget()
        panel.setMinimumWidth(200)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(score_row)
        layout.addWidget(reasons_title)
        layout.addWidget(self.reasons_label)
        layout.addWidget(self.unanswered_title)
        layout.addWidget(self.unanswered_list, 1)
        layout.addWidget(self.complete_button)
        layout.addWidget(self.back_button)
        return panel

    # =========================================================================================
    # loading
    # =========================================================================================
    def load(self, inspection_id: str) -> None:
        """Show an inspection at the item it was left at; everything is read once, here."""
        service = self.service
        self.inspection_id = inspection_id
        self.info = service.get(inspection_id)
        self.template = service.template_of(inspection_id)
        self.plan = self.workspace.revisits.plan_for(inspection_id)
        self.items = self.template.items
        if self.plan is not None:  # the items to re-check first, then the rest in the template's order
            by_code = {item.code: item for item in self.items}
            self.items = tuple(by_code[code] for code in self.plan.order(list(by_code)))
        self.index_of = {item.code: i for i, item in enumerate(self.items)}
        self.section_of = {item.code: section for section in self.template.sections for item in section.items}
        self.answers = dict(self.info.answers)
        self.photos = service.photos(inspection_id)
        self.hazard_counts = service.hazard_counts(inspection_id)
        self.hide_banner()
        info = self.info
        self.header.setText(info.enterprise_name)
        self.subheader.setText(
            self.tr("{number} · {day} · {inspectors}").format(
                number=info.number,
                day=info.inspection_date.isoformat(),
                inspectors=self.tr("、").join(info.inspectors),
            )
        )
        self.subheader.setToolTip(
            self.tr("{title}（第 {version} 版）").format(
                title=self.template.title_in(english()), version=self.template.version
            )
        )
        self._fill_tree()
        self._refresh_grade(service.live_grade(inspection_id))
        self._refresh_progress(refill=True)
        editable = info.status is InspectionStatus.DRAFT
        self.complete_button.setEnabled(editable)
        if not editable:
            self.show_banner(self.tr("该检查{status}，只能查看").format(status=status_label(info.status)), error=False)
        self.go_to(service.last_position(inspection_id), remember=False, focus=True)

    def _fill_tree(self) -> None:
        assert self.template is not None
        self.tree.clear()
        self._tree_items.clear()
        self._section_items.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        in_english = english()
        first = [item.code for item in self.plan.first] if self.plan is not None else []
        groups = [(RECHECK, self.tr("复查：上次不符合或隐患未整改"), [self.items[self.index_of[c]] for c in first])]
        groups += [
            (s.code, s.title_in(in_english), [i for i in s.items if i.code not in first])
            for s in self.template.sections
        ]
        for code, title, items in groups:
            if not items:
                continue
            parent = QTreeWidgetItem([f"{code}  {title}" if code != RECHECK else title, ""])
            parent.setFont(0, bold)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            parent.setData(0, CODE_ROLE, None)
            self.tree.addTopLevelItem(parent)
            self._section_items[code] = parent
            for item in items:
                text = item.text_in(in_english)
                child = QTreeWidgetItem([f"{item.code}  {text}", ""])
                child.setData(0, CODE_ROLE, item.code)
                child.setToolTip(0, text)
                parent.addChild(child)
                self._tree_items[item.code] = child
                self._paint_tree_item(item.code)
        self.tree.expandAll()

    # =========================================================================================
    # moving
    # =========================================================================================
    def current_item(self) -> Item:
        return self.items[self.current]

    def current_code(self) -> str:
        return self.items[self.current].code

    def move(self, delta: int) -> None:
        if self.items:
            self.go_to(self.items[max(0, min(len(self.items) - 1, self.current + delta))].code)

    def go_to(self, code: str, remember: bool = True, focus: bool = False) -> None:
        """Show item `code`; `remember` records it as the place to resume at."""
        if code not in self.index_of or self.inspection_id is None:
            return
        started = time.perf_counter()
        self.current = self.index_of[code]
        item = self.items[self.current]
        section = self.section_of[code]
        in_english = english()
        self.section_title.setText(f"{section.code}  {section.title_in(in_english)}")
        self.position_label.setText(self.tr("第 {n} / {total} 项").format(n=self.current + 1, total=len(self.items)))
        self.code_label.setText(item.code)
        self.veto_badge.setVisible(item.veto)
        self.key_badge.setVisible(item.key)
        self.optional_badge.setVisible(not item.required)
        self.weight_label.setText(self.tr("分值 {weight:g}").format(weight=item.weight))
        # Chinese first with the English beneath it; in English the English alone
        self.text_label.setText(item.text_in(in_english))
        self.text_en_label.setText(item.text_en)
        self.text_en_label.setVisible(bool(item.text_en) and not in_english)
        self.last_visit.show_item(self.plan, code)
        self.guidance_label.setText(item.guidance_in(in_english) or self.tr("（无）"))
        self.basis_label.setText(item.legal_basis or self.tr("（无）"))
        self._show_answer_state()
        tree_item = self._tree_items[code]
        self.tree.setCurrentItem(tree_item)
        self.tree.scrollToItem(tree_item)
        if remember:
            try:
                self.service.remember_position(self.inspection_id, code)
            except DomainError as error:
                self.show_banner(str(error))
        if focus or (self.note_edit.hasFocus() and not self.note_edit.isEnabled()):
            self.setFocus()  # a disabled note field must not keep the keyboard
        self.last_move_ms = (time.perf_counter() - started) * 1000

    def _show_answer_state(self) -> None:
        """Buttons, note, photos and the fail bar of the current item."""
        item = self.current_item()
        answer = self.answers.get(item.code)
        editable = self.info is not None and self.info.status is InspectionStatus.DRAFT
        for result, button in self.answer_buttons.items():
            button.setEnabled(editable and item.allows(result))
            button.setChecked(answer is not None and answer.result is result)
            colour = RESULT_COLOURS[result] if button.isChecked() else None
            button.setStyleSheet(
                f"QPushButton {{ background: {colour}; color: white; font-weight: bold; }}" if colour else ""
            )
        self._loading_note = True
        self.note_edit.setPlainText(answer.note if answer else "")
        self._loading_note = False
        self.note_edit.setEnabled(editable and answer is not None)
        self.note_edit.setPlaceholderText(
            self.tr("现场情况、整改要求…") if answer is not None else self.tr("作答后可填写备注")
        )
        self.photo_strip.show_item(
            self.inspection_id, item.code, self.photos.get(item.code, []), enabled=editable and answer is not None
        )
        self._show_fail_bar()

    def _show_fail_bar(self) -> None:
        answer = self.answers.get(self.current_code())
        if answer is None or answer.result is not Result.FAIL:
            self.fail_bar.hide()
            return
        count = self.hazard_counts.get(self.current_code(), 0)
        if count:
            self.fail_label.setText(self.tr("此项不符合，已登记 {n} 项隐患。").format(n=count))
            self.hazard_button.setText(self.tr("再登记一项 (Enter)"))
        else:
            self.fail_label.setText(self.tr("此项不符合：登记隐患（已按检查表预填等级和整改期限）"))
            self.hazard_button.setText(self.tr("登记隐患 (Enter)"))
        self.fail_bar.show()

    def _tree_clicked(self, tree_item: QTreeWidgetItem, _column: int) -> None:
        code = tree_item.data(0, CODE_ROLE)
        if code:
            self.go_to(code, focus=True)
        elif tree_item.childCount():
            self.go_to(tree_item.child(0).data(0, CODE_ROLE), focus=True)

    # =========================================================================================
    # answering
    # =========================================================================================
    def answer_current(self, result: Result) -> None:
        """Record `result` for the current item (committed), update the score and move on."""
        if self.inspection_id is None or not self.items:
            return
        item = self.current_item()
        if not item.allows(result):
            self.show_banner(
                self.tr("检查项 {code} 不能选“{label}”").format(code=item.code, label=self.result_labels[result])
            )
            return
        try:
            grade = self.service.answer(self.inspection_id, item.code, result)
        except DomainError as error:
            self.show_banner(str(error))
            return
        self.hide_banner()
        previous = self.answers.get(item.code)
        self.answers[item.code] = Answer(result, previous.note if previous else "")
        self._paint_tree_item(item.code)
        self._refresh_grade(grade)
        self._refresh_progress()
        if result is Result.FAIL:
            self._show_answer_state()  # stay: the fail bar offers the hazard
        elif self.current < len(self.items) - 1:
            self.move(1)
        else:
            self._show_answer_state()

    def _note_changed(self) -> None:
        if self._loading_note or self.inspection_id is None:
            return
        code = self.current_code()
        text = self.note_edit.toPlainText()
        try:
            self.service.set_note(self.inspection_id, code, text)
        except DomainError as error:
            self.show_banner(str(error))
            return
        answer = self.answers.get(code)
        if answer is not None:
            self.answers[code] = Answer(answer.result, text)

    def _photo_attached(self, inspection_id: str, code: str, sha: str) -> None:
        if inspection_id != self.inspection_id:
            return
        shas = self.photos.setdefault(code, [])
        if sha not in shas:
            shas.append(sha)
        if code == self.current_code():
            self.photo_strip.show_item(inspection_id, code, shas, enabled=self.photo_strip.isEnabled())

    def _photo_detached(self, inspection_id: str, code: str, sha: str) -> None:
        if inspection_id != self.inspection_id:
            return
        shas = self.photos.get(code, [])
        if sha in shas:
            shas.remove(sha)
        if code == self.current_code():
            self.photo_strip.show_item(inspection_id, code, shas, enabled=self.photo_strip.isEnabled())

    # =========================================================================================
    # hazards
    # =========================================================================================
    def raise_hazard_for_current(self) -> HazardDialog | None:
        """Open the hazard dialog pre-filled from the current (failed) item; non-blocking."""
        if self.inspection_id is None:
            return None
        if self.hazard_dialog is not None and self.hazard_dialog.isVisible():
            return self.hazard_dialog  # one at a time: a second Enter must not open another
        code = self.current_code()
        try:
            draft = self.service.hazard_draft_for_item(self.inspection_id, code, self.workspace.today())
            photos = self.service.photo_records(self.inspection_id, code)
        except DomainError as error:
            self.show_banner(str(error))
            return None
        dialog = HazardDialog(self.workspace, draft, photos, self)
        dialog.accepted.connect(lambda: self._hazard_raised(code))
        dialog.finished.connect(lambda _result: self._take_keyboard())
        self.hazard_dialog = dialog
        dialog.open()
        return dialog

    def _take_keyboard(self) -> None:
        """Back from a dialog: the keys answer items again (some platforms leave no window active)."""
        self.activateWindow()
        self.setFocus()

    def _hazard_raised(self, code: str) -> None:
        self.hazard_counts[code] = self.hazard_counts.get(code, 0) + 1
        self.show_banner(self.tr("已登记检查项 {code} 的隐患").format(code=code), error=False)
        if code == self.current_code() and self.current < len(self.items) - 1:
            self.move(1)
        else:
            self._show_fail_bar()

    # =========================================================================================
    # completing
    # =========================================================================================
    def complete(self) -> None:
        if self.inspection_id is None:
            return
        try:
            self.service.complete(self.inspection_id)
        except DomainError as error:
            self.show_banner(str(error))
            left = self.service.progress(self.inspection_id).unanswered_required
            if left:
                self.go_to(left[0], focus=True)
            return
        self.hide_banner()
        self.completed.emit(self.inspection_id)

    # =========================================================================================
    # score, progress, lists
    # =========================================================================================
    def _refresh_grade(self, grade: GradeResult | None) -> None:
        self.grade = grade
        if grade is None:
            self.score_label.setText("—")
            self.grade_label.setText("—")
            self.grade_label.setStyleSheet(f"background: {PENDING_COLOUR};")
            self.provisional_label.setText(self.tr("尚无可计分的答案"))
            self.reasons_label.setText("")
            return
        self.score_label.setText(self.tr("{score:g} 分").format(score=grade.score))
        self.grade_label.setText(grade.grade.value)
        self.grade_label.setStyleSheet(f"background: {grade_colour(grade.grade.value)};")
        self.provisional_label.setText(self.tr("暂定（尚未答完）") if not grade.complete else self.tr("已答完"))
        in_english = english()  # the core words each reason both ways
        self.reasons_label.setText(
            "\n".join(f"• {reason.text_en if in_english else reason.text}" for reason in grade.reasons)
        )

    def _refresh_progress(self, refill: bool = False) -> None:
        """Counts from the view's copy of the answers, so answering needs no extra query."""
        answered = sum(1 for item in self.items if item.code in self.answers)
        self.progress_bar.set_progress(
            answered, len(self.items), self.tr("已答 {n} / {total}").format(n=answered, total=len(self.items))
        )
        for group in self._section_items.values():  # the template's sections (and 复查 first, if any)
            codes = [group.child(i).data(0, CODE_ROLE) for i in range(group.childCount())]
            done = sum(1 for code in codes if code in self.answers)
            group.setText(1, f"{done}/{len(codes)}")
        left = tuple(item.code for item in self.items if item.required and item.code not in self.answers)
        if refill or left != self.unanswered_required:
            self.unanswered_required = left
            self._fill_unanswered(left)

    def _fill_unanswered(self, codes: Sequence[str]) -> None:
        self.unanswered_title.setText(self.tr("未作答的必答项（{n}）").format(n=len(codes)))
        self.unanswered_list.clear()
        in_english = english()
        for code in codes:
            text = self.items[self.index_of[code]].text_in(in_english)
            row = QListWidgetItem(f"{code}  {text}")
            row.setData(CODE_ROLE, code)
            row.setToolTip(text)
            self.unanswered_list.addItem(row)

    def _paint_tree_item(self, code: str) -> None:
        tree_item = self._tree_items[code]
        answer = self.answers.get(code)
        if answer is None:
            tree_item.setText(1, "")
            return
        tree_item.setText(1, self.result_labels[answer.result])
        tree_item.setForeground(1, brush(RESULT_COLOURS[answer.result]))

    # =========================================================================================
    # messages
    # =========================================================================================
    def show_banner(self, text: str, error: bool = True) -> None:
        self.banner.setStyleSheet(banner_style(error))
        self.banner.setText(text)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()
        self.banner.clear()

    # =========================================================================================
    # keyboard
    # =========================================================================================
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Reached only when the focused child (e.g. the note field) did not take the key.
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Paste):
            if not self.photo_strip.paste():
                self.show_banner(self.tr("剪贴板里没有图片；请先作答，再粘贴照片"))
            return
        if modifiers == Qt.KeyboardModifier.NoModifier:
            if key in ANSWER_KEYS:
                self.answer_current(ANSWER_KEYS[key])
                return
            if key in MOVE_KEYS:
                self.move(MOVE_KEYS[key])
                return
            if key == Qt.Key.Key_Home and self.items:
                self.go_to(self.items[0].code)
                return
            if key == Qt.Key.Key_End and self.items:
                self.go_to(self.items[-1].code)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.fail_bar.isVisible():
                self.raise_hazard_for_current()
                return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.setFocus()  # leave the note: digits answer again
                return True
        return super().eventFilter(watched, event)
