"""Documents from the GUI: generate a PDF off the UI thread, then open it in the preview.

Each `preview_*` function starts one generator of `inspector.reports` on the background worker
(an `operations.Operation`), writing into a temporary file under <data>/reports-tmp/, and
returns a `ReportJob` at once. When the file is ready the job opens a `PdfPreview` (which deletes
the file when it closes); a DomainError from the generator becomes a message box with its Chinese
message. The generators are imported inside the worker, so opening a window costs nothing of
reportlab's import and font registration.

The `ask_*` functions first show a small `ReportOptionsDialog` (year, plaque size).
Nothing here decides what a document contains: that is the generators' business.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from inspector.core.errors import Cancelled, DomainError
from inspector.ui.common.form_dialog import dialog_buttons
from inspector.ui.common.labels import notice_kind_label
from inspector.ui.common.layouts import vbox
from inspector.ui.common.operations import Operation
from inspector.ui.common.palette import ALERT, text_style
from inspector.ui.documents.pdf_preview import PdfPreview
from inspector.workspace import Workspace

REPORTS_TMP = "reports-tmp"
STALE_AFTER_S = 3600  # leftovers of a crashed session; a running preview's file is younger
PLAQUE_SIZES = ("A4", "A3")

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
# A document maker runs on the worker: it writes the PDF to `out` and returns the file name to
# suggest for 另存为 (plain values only; it must never touch a widget).
Maker = Callable[[Path, Progress, IsCancelled], str]


def reports_tmp_dir(data_dir: Path) -> Path:
    folder = data_dir / REPORTS_TMP
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def clean_stale_reports(data_dir: Path, older_than_s: float = STALE_AFTER_S) -> int:
    """Remove temporary documents left by a session that did not close normally. Returns how many."""
    folder = data_dir / REPORTS_TMP
    if not folder.is_dir():
        return 0
    removed = 0
    limit = time.time() - older_than_s
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            continue  # open in another program (Windows): try again next time
    return removed


def file_name(*parts: str) -> str:
    """A file name from parts, without the characters Windows refuses."""
    name = "-".join(part.strip() for part in parts if part and part.strip())
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name) + ".pdf"


class ReportJob(QObject):
    """One document being generated (an `Operation` whose success opens the preview). `preview`
    is set once it is shown, `error` on failure, `done` when it has ended either way."""

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, parent: QWidget, title: str, out: Path, make: Maker, cancellable: bool) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.out = out
        self.preview: PdfPreview | None = None
        self.error: str | None = None
        self.done = False
        operation = Operation(
            parent,
            lambda progress: make(out, progress, progress.cancelled),
            QCoreApplication.translate("ReportActions", "无法生成文档"),
        )
        # A long batch blocks its window (with 取消); a single document lets the user go on working.
        operation.with_progress(
            QCoreApplication.translate("ReportActions", "正在生成“{title}”…").format(title=title),
            cancellable,
            modal=cancellable,
        )
        operation.progressed.connect(lambda done, total, _what: self.progressed.emit(done, total))
        self.operation = operation.success(self._succeeded).failure(self._failed).cancelled(self._discard)
        self.operation.finished(self._finish)

    @property
    def progress(self) -> QProgressDialog | None:
        """The progress dialog while the document is being made."""
        return self.operation.dialog

    def cancel(self) -> None:
        self.operation.cancel()

    def cancelled(self) -> bool:
        return self.operation.is_cancelled()

    def _succeeded(self, suggested_name: object) -> None:
        if self.cancelled():
            self._discard()
            return
        try:
            preview = PdfPreview(self.out, self.title, str(suggested_name), True, self.parent_widget.window())
        except DomainError as error:
            self._failed(str(error))
        else:
            self.preview = preview
            preview.show()
            preview.raise_()
            preview.activateWindow()

    def _failed(self, message: str) -> None:
        self._discard()
        self.error = message
        QMessageBox.warning(
            self.parent_widget.window(), QCoreApplication.translate("ReportActions", "无法生成文档"), message
        )

    def _discard(self) -> None:
        self.out.unlink(missing_ok=True)

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()
        self.deleteLater()


def start_report(
    parent: QWidget, workspace: Workspace, title: str, make: Maker, cancellable: bool = False
) -> ReportJob:
    """Run `make` on the background worker into a new temporary file, then preview it."""
    out = reports_tmp_dir(workspace.data_dir) / f"{uuid.uuid4().hex}.pdf"
    job = ReportJob(parent, title, out, make, cancellable)
    job.operation.run()
    return job


# -- the documents ---------------------------------------------------------------------------------
def preview_inspection_report(parent: QWidget, workspace: Workspace, inspection_id: str) -> ReportJob:
    def make(out: Path, _progress: Progress, _cancelled: IsCancelled) -> str:
        from inspector.reports.inspection_report import write_inspection_report

        view = workspace.inspections.get(inspection_id)
        write_inspection_report(workspace, inspection_id, out)
        return file_name(
            QCoreApplication.translate("ReportActions", "检查报告"),
            view.enterprise_name,
            view.inspection_date.isoformat(),
        )

    return start_report(parent, workspace, QCoreApplication.translate("ReportActions", "检查报告"), make)


def preview_notice(parent: QWidget, workspace: Workspace, notice_id: str) -> ReportJob:
    """The document of a notice number, as the type it was issued as (one number, one document)."""
    notice = workspace.notices.get(notice_id)
    title = notice_kind_label(notice.kind)

    def make(out: Path, _progress: Progress, _cancelled: IsCancelled) -> str:
        from inspector.reports.notice_report import write_notice

        write_notice(workspace, notice.id, out)
        return file_name(title, notice.number, notice.enterprise_name)

    return start_report(parent, workspace, title, make)


def preview_plaque(parent: QWidget, workspace: Workspace, enterprise_id: str, year: int, size: str = "A4") -> ReportJob:
    def make(out: Path, _progress: Progress, _cancelled: IsCancelled) -> str:
        from inspector.reports.plaque_report import write_plaque

        enterprise = workspace.enterprises.get(enterprise_id)
        write_plaque(workspace, enterprise_id, year, out, size)
        return file_name(QCoreApplication.translate("ReportActions", "亮牌"), enterprise.name, str(year), size)

    return start_report(
        parent, workspace, QCoreApplication.translate("ReportActions", "{year} 年度亮牌").format(year=year), make
    )


def preview_plaques(parent: QWidget, workspace: Workspace, year: int, size: str = "A4") -> ReportJob:
    """All plaques of a year in one PDF, with progress and 取消 (the generator stops early)."""

    def make(out: Path, progress: Progress, cancelled: IsCancelled) -> str:
        from inspector.reports.plaque_batch import write_plaques

        write_plaques(workspace, year, out, size, progress=progress, cancelled=cancelled)
        if cancelled():
            raise Cancelled()
        return file_name(
            QCoreApplication.translate("ReportActions", "亮牌"),
            str(year),
            size,
            QCoreApplication.translate("ReportActions", "批量"),
        )

    return start_report(
        parent,
        workspace,
        QCoreApplication.translate("ReportActions", "{year} 年度亮牌（批量）").format(year=year),
        make,
        cancellable=True,
    )


def preview_summary(parent: QWidget, workspace: Workspace, year: int) -> ReportJob:
    def make(out: Path, progress: Progress, _cancelled: IsCancelled) -> str:
        from inspector.reports.annual_summary import write_summary

        write_summary(workspace, year, out, progress=progress)
        return file_name(QCoreApplication.translate("ReportActions", "年度汇总"), str(year))

    return start_report(
        parent,
        workspace,
        QCoreApplication.translate("ReportActions", "{year} 年度汇总").format(year=year),
        make,
        cancellable=True,
    )


# -- options -----------------------------------------------------------------------------------------
class ReportOptionsDialog(QDialog):
    """The few choices a document needs: a year (editable or fixed), a plaque size."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
        year_editable: bool = True,
        years: tuple[int, int] = (2000, 2100),
        sizes: bool = False,
        subject: str = "",
        warning: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout()
        if subject:
            subject_label = QLabel(subject)
            subject_label.setWordWrap(True)
            form.addRow(self.tr("对象"), subject_label)
        self.year: QSpinBox | None = None
        if year is not None:
            self.year = QSpinBox()
            self.year.setObjectName("year")
            self.year.setRange(min(years[0], year), max(years[1], year))
            self.year.setValue(year)
            self.year.setSuffix(self.tr(" 年"))
            self.year.setEnabled(year_editable)
            form.addRow(self.tr("年度"), self.year)
        self.size: QComboBox | None = None
        if sizes:
            self.size = QComboBox()
            self.size.setObjectName("size")
            self.size.addItem(self.tr("A4 横向"), "A4")
            self.size.addItem(self.tr("A3 横向"), "A3")
            form.addRow(self.tr("纸张"), self.size)
        # A sentence about the chosen year, e.g. that its plaques have expired (printed, they say so).
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(text_style(ALERT))
        self._warning_for = warning
        if self.year is not None:
            self.year.valueChanged.connect(self._update_warning)
        self._update_warning()
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, self.tr("预览"))
        buttons.accepted.connect(self.accept)
        vbox(form, self.warning, buttons, parent=self)
        self.setMinimumWidth(320)
        self.job: ReportJob | None = None  # the document started on OK

    def _update_warning(self) -> None:
        text = self._warning_for(self.year.value()) if self._warning_for and self.year is not None else ""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def chosen_year(self) -> int:
        assert self.year is not None
        return self.year.value()

    def chosen_size(self) -> str:
        return self.size.currentData() if self.size is not None else "A4"


def _ask(dialog: ReportOptionsDialog, start: Callable[[ReportOptionsDialog], ReportJob]) -> ReportOptionsDialog:
    def accepted() -> None:
        dialog.job = start(dialog)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def _year_range(workspace: Workspace) -> tuple[int, int]:
    this_year = workspace.today().year
    return this_year - 30, this_year + 1


def _expiry(workspace: Workspace) -> Callable[[int], str]:
    """The warning for plaques of a year already past its validity (printed, they say so too)."""

    def warning(year: int) -> str:
        from inspector.reports.plaque_report import expiry_warning

        return expiry_warning(workspace.plaque_validity(year), workspace.today())

    return warning


def ask_plaque(
    parent: QWidget, workspace: Workspace, enterprise_id: str, year: int, name: str = ""
) -> ReportOptionsDialog:
    """亮牌…: the plaque of `year` (fixed) on A4 or A3."""
    dialog = ReportOptionsDialog(
        QCoreApplication.translate("ReportActions", "亮牌"),
        parent,
        year=year,
        year_editable=False,
        years=(year, year),
        sizes=True,
        subject=name,
        warning=_expiry(workspace),
    )
    return _ask(dialog, lambda d: preview_plaque(parent, workspace, enterprise_id, year, d.chosen_size()))


def ask_plaques(parent: QWidget, workspace: Workspace) -> ReportOptionsDialog:
    """批量打印亮牌…: every plaque of a year in one PDF."""
    dialog = ReportOptionsDialog(
        QCoreApplication.translate("ReportActions", "批量打印亮牌"),
        parent,
        year=workspace.today().year,
        years=_year_range(workspace),
        sizes=True,
        warning=_expiry(workspace),
    )
    return _ask(dialog, lambda d: preview_plaques(parent, workspace, d.chosen_year(), d.chosen_size()))


def ask_summary(parent: QWidget, workspace: Workspace) -> ReportOptionsDialog:
    """年度汇总…: the managers' summary of a year."""
    dialog = ReportOptionsDialog(
        QCoreApplication.translate("ReportActions", "年度汇总"),
        parent,
        year=workspace.today().year,
        years=_year_range(workspace),
    )
    return _ask(dialog, lambda d: preview_summary(parent, workspace, d.chosen_year()))


def report_menu_button(window: QWidget, workspace: Workspace) -> QPushButton:
    """The main window's 报表 button and its menu; also clears stale temporary documents."""
    clean_stale_reports(workspace.data_dir)
    button = QPushButton(QCoreApplication.translate("ReportActions", "报表"))
    button.setObjectName("reportsButton")
    button.setToolTip(QCoreApplication.translate("ReportActions", "批量打印亮牌、年度汇总"))
    menu = QMenu(button)
    menu.setObjectName("reportsMenu")
    plaques = menu.addAction(QCoreApplication.translate("ReportActions", "批量打印亮牌…"))
    plaques.setObjectName("batchPlaques")
    plaques.triggered.connect(lambda: ask_plaques(window, workspace))
    summary = menu.addAction(QCoreApplication.translate("ReportActions", "年度汇总…"))
    summary.setObjectName("annualSummary")
    summary.triggered.connect(lambda: ask_summary(window, workspace))
    button.setMenu(menu)
    return button
