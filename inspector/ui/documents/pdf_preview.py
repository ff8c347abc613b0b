"""Preview of a generated PDF (QtPdf): page navigation, zoom, 打印 and 另存为.

The document is shown as it will be printed: QtPdf renders the PDF itself, with its embedded
fonts, so what the user sees is what the enterprise receives. Printing renders each page to an
image at the printer's resolution (capped, see MAX_PRINT_DPI) and paints it on white, because
`QPdfDocument.render` returns a transparent image and printers do not print transparency well.

A preview of a temporary file (made by `report_actions` under <data>/reports-tmp/) deletes it when
the window closes or the application quits; 另存为 copies it elsewhere first.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QObject, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.file_modes import replacing
from inspector.ui.common import file_choosers
from inspector.ui.common.palette import PDF_BACKGROUND
from inspector.ui.common.window_size import remember_size

MAX_PRINT_DPI = 300  # enough for text and QR codes; 1200 dpi A3 pages would need ~250 MB each
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.1, 8.0
PROGRESS_FROM_PAGES = 4  # print progress is shown for documents with at least this many pages


def _translate(text: str) -> str:
    return QCoreApplication.translate("PdfPreview", text)


def _remove_quietly(path: Path) -> None:
    # Still open elsewhere (Windows): the next start removes stale files.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def load_document(path: Path, parent: QWidget | None = None) -> QPdfDocument:
    """Open a PDF; a missing, broken or empty file raises a DomainError naming the file."""
    document = QPdfDocument(parent)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        document.deleteLater()
        raise DomainError(_translate("无法打开 PDF 文件 {name}（文件不存在或已损坏）").format(name=path.name))
    return document


def white_page(document: QPdfDocument, page: int, size: QSize) -> QImage:
    """Page `page` rendered at `size` pixels on an opaque white background."""
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    rendered = document.render(page, size)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def configure_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """Paper size and orientation of the document's first page (A4 portrait, A3 landscape…), no
    margins: the PDF carries its own margins and is printed at its own scale."""
    points = document.pagePointSize(0)
    landscape = points.width() > points.height()
    portrait_points = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
    page_id = QPageSize.id(portrait_points.toSize(), QPageSize.SizeMatchPolicy.FuzzyMatch)
    if page_id == QPageSize.PageSizeId.Custom:
        page_size = QPageSize(portrait_points, QPageSize.Unit.Point)
    else:
        page_size = QPageSize(page_id)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def print_document(
    document: QPdfDocument,
    printer: QPrinter,
    pages: Sequence[int] | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Print `pages` (0-based; all when None) of `document` on `printer`, each scaled to fit the
    printable area and centred. `progress(done, total)` may return False to stop. Returns the
    number of pages sent. Runs on the UI thread (QPainter on a printer)."""
    wanted = list(range(document.pageCount())) if pages is None else list(pages)
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError(_translate("无法开始打印：打印机不可用或输出文件无法写入"))
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for number, page in enumerate(wanted):
            if number and not printer.newPage():
                break
            target = QRectF(painter.viewport())  # device pixels of the printable area
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            left, top = target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2
            rect = QRectF(left, top, width, height)
            # Render no finer than the printer (nor MAX_PRINT_DPI): the painter scales the rest.
            pixels = min(scale, dpi / 72.0)
            size = QSize(max(1, round(points.width() * pixels)), max(1, round(points.height() * pixels)))
            painter.drawImage(rect, white_page(document, page, size))
            printed += 1
            if progress is not None and progress(printed, len(wanted)) is False:
                break
    finally:
        painter.end()
    return printed


def save_copy(source: Path, target: Path) -> Path:
    """Copy `source` to `target` atomically (temporary file beside the target, then replace)."""
    target = target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf")
    with replacing(target, ".pdf") as temporary:
        shutil.copyfile(source, temporary)
    return target


class PdfPreview(QDialog):
    """A window showing one PDF. Raises DomainError when the file cannot be opened."""

    def __init__(
        self,
        path: Path,
        title: str,
        suggested_name: str | None = None,
        temporary: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.suggested_name = suggested_name or path.name
        self.temporary = temporary
        self.last_saved: Path | None = None
        self.document = load_document(path, self)
        if temporary:
            # Also on quit: a preview still open then is destroyed without done() being called.
            QCoreApplication.instance().aboutToQuit.connect(partial(_remove_quietly, path))
        self.setWindowTitle(self.tr("预览：{title}").format(title=title))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet(f"QPdfView {{ background: {PDF_BACKGROUND}; }}")
        self.navigator = self.view.pageNavigator()

        count = self.document.pageCount()
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setRange(1, count)
        self.page_box.setPrefix(self.tr("第 "))
        self.page_box.setSuffix(self.tr(" 页"))
        self.page_box.setToolTip(self.tr("输入页码后回车跳转"))
        self.page_box.setKeyboardTracking(False)
        self.page_count = QLabel(self.tr("共 {n} 页").format(n=count))
        self.page_count.setObjectName("pageCount")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("8888%") + 8)

        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = bar.addAction(self.tr("打印…"), self.print_with_dialog)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setToolTip(self.tr("打印（Ctrl+P）"))
        self.save_action = bar.addAction(self.tr("另存为…"), self.save_as)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setToolTip(self.tr("将 PDF 保存到其他位置（Ctrl+S）"))
        bar.addSeparator()
        self.previous_action = bar.addAction(self.tr("上一页"), self.previous_page)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count)
        self.next_action = bar.addAction(self.tr("下一页"), self.next_page)
        bar.addSeparator()
        self.fit_width_action = bar.addAction(self.tr("适合宽度"), self.fit_width)
        self.fit_page_action = bar.addAction(self.tr("适合页面"), self.fit_page)
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
        self.zoom_out_action = bar.addAction(self.tr("缩小"), self.zoom_out)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        bar.addWidget(self.zoom_label)
        self.zoom_in_action = bar.addAction(self.tr("放大"), self.zoom_in)
        self.zoom_in_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        bar.addSeparator()
        bar.addAction(self.tr("关闭"), self.close)
        self.toolbar = bar
        for key, slot in (("Ctrl+=", self.zoom_in), ("Ctrl+0", self.fit_width)):
            QShortcut(QKeySequence(key), self, activated=slot)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)

        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.view.zoomModeChanged.connect(self._zoom_changed)
        self.view.zoomFactorChanged.connect(self._zoom_changed)
        self.view.viewport().installEventFilter(self)
        self._page_changed(0)
        self._zoom_changed()
        remember_size(self, "PdfPreview", 900, 1000)  # an A4 page's proportions, fitted to the screen

    # -- pages -----------------------------------------------------------------------------------
    def page_total(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page shown (0-based)."""
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.page_total() - 1))
        if page != self.current_page():
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._page_changed(page)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < self.page_total() - 1)

    # -- zoom ------------------------------------------------------------------------------------
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._zoom_changed()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._zoom_changed()

    def effective_zoom(self) -> float:
        """The scale shown, also in the fit modes (where QPdfView keeps its zoomFactor unchanged):
        1.0 is the page at its printed size on this screen."""
        mode = self.view.zoomMode()
        if mode is QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(max(0, self.current_page()))
        screen_per_point = self.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        viewport = self.view.viewport().size()
        by_width = (viewport.width() - margins.left() - margins.right()) / (points.width() * screen_per_point)
        if mode is QPdfView.ZoomMode.FitToWidth:
            return max(by_width, ZOOM_MIN)
        by_height = (viewport.height() - margins.top() - margins.bottom()) / (points.height() * screen_per_point)
        return max(min(by_width, by_height), ZOOM_MIN)

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, factor)))
        self._zoom_changed()

    def zoom_in(self) -> None:
        self.set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.effective_zoom() / ZOOM_STEP)

    def _zoom_changed(self, *_args: object) -> None:
        mode = self.view.zoomMode()
        self.fit_width_action.setChecked(mode is QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode is QPdfView.ZoomMode.FitInView)
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)}%")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The fit modes change the shown scale whenever the view's viewport is resized.
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._zoom_changed()
        return super().eventFilter(watched, event)

    # -- print and save --------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        configure_printer(printer, self.document)
        return printer

    def print_with_dialog(self) -> int:
        """打印…: the system print dialog (page range, copies), then print. Returns pages printed."""
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, self.page_total())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            last = printer.toPage() or self.page_total()
            pages = range(printer.fromPage() - 1, min(last, self.page_total()))
        return self.print_to(printer, pages)

    def print_to(self, printer: QPrinter, pages: Sequence[int] | None = None) -> int:
        """Print on an already set-up printer, with a progress dialog for long documents."""
        total = len(pages) if pages is not None else self.page_total()
        progress: QProgressDialog | None = None
        if total >= PROGRESS_FROM_PAGES:
            progress = QProgressDialog(self.tr("正在打印…"), self.tr("取消"), 0, total, self)
            progress.setWindowTitle(self.tr("打印"))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(300)

        def step(done: int, of: int) -> bool:
            if progress is None:
                return True
            progress.setValue(done)
            QCoreApplication.processEvents()  # painting a page blocks; let the cancel click through
            return not progress.wasCanceled()

        try:
            return print_document(self.document, printer, pages, step)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("打印失败"), str(error))
            return 0
        finally:
            if progress is not None:
                progress.close()
                progress.deleteLater()

    def save_as(self) -> Path | None:
        """另存为…: choose a file and copy the PDF there. Returns the saved path, or None."""
        chosen = file_choosers.save_file(
            self, file_choosers.EXPORTS, self.tr("另存为"), self.suggested_name, self.tr("PDF 文件 (*.pdf)")
        )
        if chosen is None:
            return None
        name = str(chosen)
        try:
            self.last_saved = save_copy(self.path, Path(name))
        except OSError as error:
            message = self.tr("无法保存到 {path}：{error}").format(path=name, error=error.strerror or error)
            QMessageBox.warning(self, self.tr("保存失败"), message)
            return None
        return self.last_saved

    # -- closing ---------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.document.close()
        if self.temporary:
            _remove_quietly(self.path)
        super().done(result)
