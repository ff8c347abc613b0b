"""The rows a major-hazard step asks for in the action dialog (inspector/core/major_hazard.py):
the clause picked from the library for a suspicion, the authority (and its document number) for
a referral or a decision, the six parts of a treatment plan. `detail()` gives what the step
names, `new_deadline()` the plan's time limit; the service checks them and says what is missing."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit

from inspector.core.errors import DomainError
from inspector.core.major_hazard import AUTHORITY, CLAUSE, DOCUMENT, MajorStep
from inspector.core.major_hazard_clauses import ClauseLibrary
from inspector.ui.common.form_dialog import date_edit
from inspector.workspace import Workspace

NAMES_AUTHORITY = frozenset(
    {MajorStep.REFER, MajorStep.CONFIRM, MajorStep.REJECT, MajorStep.SUPERVISE, MajorStep.SUSPEND}
)
TAKES_DOCUMENT = frozenset({MajorStep.CONFIRM, MajorStep.REJECT, MajorStep.SUPERVISE, MajorStep.SUSPEND})


def clause_combo(library: ClauseLibrary, chosen: str = "", first: tuple[str, ...] = ()) -> QComboBox:
    """Every case of the library as "MEM10-11-3　第十一条第三项　text", the ids in `first`
    (the cases the checklist item checks) at the top; `chosen` selected."""
    combo = QComboBox()
    combo.setObjectName("majorClause")  # quotes the standard's Chinese text, in any language
    combo.setMaxVisibleItems(16)
    ordered = [c for c in library.clauses if c.id in first] + [c for c in library.clauses if c.id not in first]
    for clause in ordered:
        text = clause.text if len(clause.text) <= 40 else clause.text[:40] + "…"
        combo.addItem(f"{clause.id}　{clause.number}　{text}", clause.id)
        combo.setItemData(combo.count() - 1, f"{clause.citation}\n{clause.text}", Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(chosen)
    combo.setCurrentIndex(index if index >= 0 else (0 if first else -1))
    combo.setPlaceholderText(QCoreApplication.translate("MajorStepFields", "选择所符合的判定条款"))
    return combo


class MajorStepFields:
    """Adds the step's rows to `form`; nothing for a step that names nothing."""

    def __init__(self, workspace: Workspace, step: MajorStep, form: QFormLayout, authority: str = "") -> None:
        self.step = step
        self.clause: QComboBox | None = None
        self.authority: QLineEdit | None = None
        self.document: QLineEdit | None = None
        self.plan: dict[str, QPlainTextEdit] = {}
        self.time_limit: QDateEdit | None = None
        if step is MajorStep.SUSPECT:
            try:
                library = workspace.clause_library()
            except DomainError:
                library = ClauseLibrary((), ())
            self.clause = clause_combo(library)
            form.addRow(QCoreApplication.translate("MajorStepFields", "判定条款"), self.clause)
        if step in NAMES_AUTHORITY:
            self.authority = QLineEdit(authority)
            self.authority.setPlaceholderText(QCoreApplication.translate("MajorStepFields", "如：平湖市应急管理局"))
            label = (
                QCoreApplication.translate("MajorStepFields", "移送至")
                if step is MajorStep.REFER
                else QCoreApplication.translate("MajorStepFields", "作出决定的部门")
            )
            form.addRow(label, self.authority)
        if step in TAKES_DOCUMENT:
            self.document = QLineEdit()
            self.document.setPlaceholderText(QCoreApplication.translate("MajorStepFields", "部门文书编号（可不填）"))
            form.addRow(QCoreApplication.translate("MajorStepFields", "文号"), self.document)
        if step is MajorStep.ADOPT_PLAN:
            for key, label in (
                ("goal", QCoreApplication.translate("MajorStepFields", "治理目标和任务")),
                ("method", QCoreApplication.translate("MajorStepFields", "治理方法和措施")),
                ("funds", QCoreApplication.translate("MajorStepFields", "经费和物资")),
                ("responsible", QCoreApplication.translate("MajorStepFields", "负责治理的机构和人员")),
                ("interim", QCoreApplication.translate("MajorStepFields", "临时安全措施和应急预案")),
            ):
                editor = QPlainTextEdit()
                editor.setFixedHeight(44)
                self.plan[key] = editor
                form.addRow(label, editor)
            self.time_limit = date_edit(workspace.today() + timedelta(days=90))
            form.addRow(QCoreApplication.translate("MajorStepFields", "治理时限"), self.time_limit)

    def detail(self) -> dict[str, str]:
        values: dict[str, str] = {}
        if self.clause is not None:
            values[CLAUSE] = str(self.clause.currentData() or "")
        if self.authority is not None:
            values[AUTHORITY] = self.authority.text().strip()
        if self.document is not None:
            values[DOCUMENT] = self.document.text().strip()
        values.update({key: editor.toPlainText().strip() for key, editor in self.plan.items()})
        return values

    def new_deadline(self) -> date | None:
        return self.time_limit.date().toPython() if self.time_limit is not None else None
