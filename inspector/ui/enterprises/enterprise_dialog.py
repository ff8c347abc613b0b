"""Add or edit an enterprise, with live validation.

The dialog has no rules of its own: on every keystroke it builds an `Enterprise` from the fields
and asks `Enterprise.validated()` (which uses `credit_code.check` for the check digit) what is
wrong; each message is shown under its field. On OK it calls `EnterpriseService.add` or
`update`; a refusal from the service (a credit code already registered…) is shown the same way
and the dialog stays open.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from inspector.core import credit_code
from inspector.core.enterprise import HEADCOUNT_MAX, Enterprise, EnterpriseSize
from inspector.core.errors import DomainError, ValidationError
from inspector.ui.common.form_dialog import FormDialog, MessageLine
from inspector.ui.common.layouts import vbox
from inspector.ui.common.palette import NEUTRAL, text_style
from inspector.ui.common.town_selector import TownSelector
from inspector.ui.enterprises.enterprise_model import size_text
from inspector.ui.enterprises.risk_tag_labels import RiskTagLabels, scale_text
from inspector.workspace import Workspace

# Keys of ValidationError.problems, as `Enterprise.validated` names the fields.
NAME = "企业名称"
CODE = credit_code.FIELD  # 统一社会信用代码
TOWN = "镇街道"
PHONE = "联系电话"
SIZE_ORDER = (EnterpriseSize.LARGE, EnterpriseSize.MEDIUM, EnterpriseSize.SMALL, EnterpriseSize.MICRO, None)
SCALE_ORDER = (None, True, False)
TAG_COLUMNS = 4  # 3 in English, whose labels are longer
NO_HEADCOUNT = -1  # the spin box's minimum, shown as 未填


class TagBoxes(QWidget):
    """A tick box per risk tag of forms/risk-tags.toml, its description as the tooltip."""

    def __init__(self, tags: RiskTagLabels) -> None:
        super().__init__()
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        columns = TAG_COLUMNS - 1 if tags.english else TAG_COLUMNS
        for index, tag in enumerate(tags.catalog.tags):
            box = QCheckBox(tags.label(tag.code))
            box.setObjectName(f"tag-{tag.code}")
            if not tags.english:  # forms/risk-tags.toml describes its tags in Chinese only
                box.setToolTip(tag.description)
            self.boxes[tag.code] = box
            grid.addWidget(box, index // columns, index % columns)
        if tags.problem:
            problem = QLabel(tags.problem)
            problem.setWordWrap(True)
            grid.addWidget(problem, 0, 0, 1, columns)

    def set_codes(self, codes: tuple[str, ...]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())


class _Field(QWidget):
    """An editor with its message underneath (hidden while there is nothing to say)."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__()
        self.editor = editor
        self.message = MessageLine()
        vbox(editor, self.message, parent=self, margins=0, spacing=2)

    def show_message(self, text: str) -> None:
        self.message.say(text)


class EnterpriseDialog(FormDialog):
    """`enterprise` None adds a new one. After acceptance `enterprise_id` holds its id."""

    def __init__(self, parent: QWidget | None, enterprise: Enterprise | None, workspace: Workspace) -> None:
        super().__init__(560, parent)
        self.workspace = workspace
        self.original = enterprise
        self.enterprise_id: str | None = enterprise.id if enterprise else None
        self.setWindowTitle(self.tr("编辑企业") if enterprise else self.tr("新增企业"))
        self.ok_button.setText(self.tr("保存"))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("营业执照上的全称"))
        self.credit_code = QLineEdit()
        self.credit_code.setPlaceholderText(self.tr("18 位，如 91330482MA2B3C4D5E"))
        self.town = TownSelector(workspace.enterprises.towns, entry=True)
        self.address = QLineEdit()
        self.industry = QLineEdit()
        self.size = QComboBox()
        for size in SIZE_ORDER:
            self.size.addItem(size_text(size), size.value if size else None)
        self.size.setCurrentIndex(len(SIZE_ORDER) - 1)
        self.contact_person = QLineEdit()
        self.contact_phone = QLineEdit()
        self.contact_phone.setPlaceholderText(self.tr("手机或座机，如 0573-85123456"))
        self.tag_labels = RiskTagLabels(workspace)
        self.tags = TagBoxes(self.tag_labels)
        # Tags the list no longer has (an office's own, arrived by sync) are kept as they are.
        self._other_tags: tuple[str, ...] = ()
        self.headcount = QSpinBox()
        self.headcount.setRange(NO_HEADCOUNT, HEADCOUNT_MAX)
        self.headcount.setSpecialValueText(self.tr("未填"))
        self.headcount.setSuffix(self.tr(" 人"))
        self.headcount.setValue(NO_HEADCOUNT)
        self.above_scale = QComboBox()
        for scale in SCALE_ORDER:
            self.above_scale.addItem(scale_text(scale, self.tr("未填")), scale)
        self.above_scale.setToolTip(self.tr("规上：年主营业务收入 2000 万元及以上的工业企业"))

        self.fields: dict[str, _Field] = {
            NAME: _Field(self.name),
            CODE: _Field(self.credit_code),
            TOWN: _Field(self.town),
            PHONE: _Field(self.contact_phone),
        }
        form = self.form
        form.addRow(self.tr("企业名称 *"), self.fields[NAME])
        form.addRow(self.tr("统一社会信用代码 *"), self.fields[CODE])
        form.addRow(self.tr("镇街道 *"), self.fields[TOWN])
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("行业"), self.industry)
        form.addRow(self.tr("规模"), self.size)
        form.addRow(self.tr("规上"), self.above_scale)
        form.addRow(self.tr("从业人数"), self.headcount)
        form.addRow(self.tr("风险标签"), self.tags)
        form.addRow(self.tr("联系人"), self.contact_person)
        form.addRow(self.tr("联系电话"), self.fields[PHONE])

        hint = QLabel(self.tr("带 * 的为必填项"))
        hint.setStyleSheet(text_style(NEUTRAL))
        self.body.insertWidget(1, hint)  # under the form; the message line shows problems not tied to one field

        # A field's message shows once the user has typed in it (or at once when editing): a
        # blank form need not start in red. OK stays disabled while anything is wrong.
        self._touched: set[str] = set()
        # Refusals from the service, with the field text they were about: they stand until that
        # field changes (the same code would be refused again).
        self._refusals: dict[str, tuple[str, str]] = {}
        self._general = ""  # a refusal not about one field; shown until the next edit
        if enterprise is not None:
            self._load(enterprise)
            self._touched.update(self.fields)
        self.name.textEdited.connect(lambda _text: self._edited(NAME))
        self.credit_code.textEdited.connect(lambda _text: self._edited(CODE))
        self.town.editTextChanged.connect(lambda _text: self._edited(TOWN))
        self.contact_phone.textEdited.connect(lambda _text: self._edited(PHONE))
        self.validate()

    def _load(self, enterprise: Enterprise) -> None:
        self.name.setText(enterprise.name)
        self.credit_code.setText(enterprise.credit_code)
        self.town.set_town(enterprise.town)
        self.address.setText(enterprise.address)
        self.industry.setText(enterprise.industry)
        self.size.setCurrentIndex(SIZE_ORDER.index(enterprise.size))
        self.contact_person.setText(enterprise.contact_person)
        self.contact_phone.setText(enterprise.contact_phone)
        self.tags.set_codes(enterprise.risk_tags)
        self._other_tags = tuple(code for code in enterprise.risk_tags if code not in self.tags.boxes)
        self.headcount.setValue(NO_HEADCOUNT if enterprise.headcount is None else enterprise.headcount)
        self.above_scale.setCurrentIndex(SCALE_ORDER.index(enterprise.above_scale))

    # -- validation --------------------------------------------------------------------------
    def entered(self) -> Enterprise:
        """The enterprise as typed (not yet validated)."""
        size = self.size.currentData()
        return Enterprise(
            name=self.name.text(),
            credit_code=self.credit_code.text(),
            town=self.town.currentText(),
            address=self.address.text(),
            industry=self.industry.text(),
            size=EnterpriseSize(size) if size else None,
            contact_person=self.contact_person.text(),
            contact_phone=self.contact_phone.text(),
            risk_tags=(*self.tags.codes(), *self._other_tags),
            headcount=None if self.headcount.value() == NO_HEADCOUNT else self.headcount.value(),
            above_scale=self.above_scale.currentData(),
            id=self.original.id if self.original else None,
        )

    def _field_text(self, key: str) -> str:
        editor = self.fields[key].editor
        if isinstance(editor, QComboBox):
            return editor.currentText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._general = ""
        self.validate()

    def problems(self) -> dict[str, str]:
        """Field → message: what `Enterprise.validated` finds, plus standing service refusals."""
        try:
            self.entered().validated()
            problems: dict[str, str] = {}
        except ValidationError as error:
            problems = dict(error.problems)
        for key, (message, text) in list(self._refusals.items()):
            if self._field_text(key) == text:
                problems.setdefault(key, message)
            else:
                del self._refusals[key]
        return problems

    def validate(self) -> bool:
        """Show every message under its field; enable OK only when nothing is wrong."""
        problems = self.problems()
        for key, field in self.fields.items():
            message = problems.get(key, "") if key in self._touched or key in self._refusals else ""
            field.show_message(self._readable(key, message))
        others = [message for key, message in problems.items() if key not in self.fields]
        if self._general:
            others.append(self._general)
        self.message.say("\n".join(others))
        self.ok_button.setEnabled(not problems)
        return not problems

    def _readable(self, key: str, message: str) -> str:
        # Messages about a credit code start with the code itself ("9133…：校验位错误…", "9133… 已登记为…"),
        # which is right in an import report; under the field it only repeats what is typed above.
        if key == CODE and message:
            typed = credit_code.normalize(self._field_text(CODE))
            for separator in ("：", " "):
                if typed and message.startswith(typed + separator):
                    return message[len(typed) + len(separator) :]
        return message

    # -- saving ------------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.validate():
            self._touched.update(self.fields)
            self.validate()
            return
        enterprise = self.entered()
        try:
            if self.original is None:
                self.enterprise_id = self.workspace.enterprises.add(enterprise)
            else:
                self.workspace.enterprises.update(replace(enterprise, id=self.original.id))
        except ValidationError as error:
            self._refused(error.problems)
            return
        except DomainError as error:
            self._general = str(error)
            self.validate()
            return
        self.accept()

    def _refused(self, problems: dict[str, str]) -> None:
        general = []
        for key, message in problems.items():
            if key in self.fields:
                self._refusals[key] = (message, self._field_text(key))
            else:
                general.append(message)
        self._general = "\n".join(general)
        self.validate()
