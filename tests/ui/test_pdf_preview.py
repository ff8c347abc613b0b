"""The PDF preview window: a real PDF (written with reportlab and the shipped font) opened in
QtPdf, page navigation, zoom, 另存为 and printing to a PDF file through QPrinter."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from PySide6.QtGui import QPageLayout
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen import canvas

from inspector.core.errors import DomainError
from inspector.reports.fonts import register_fonts
from inspector.ui.documents import pdf_preview
from inspector.ui.documents.pdf_preview import PdfPreview, configure_printer, print_document, save_copy


def write_pdf(path: Path, pages: int = 3, size: tuple[float, float] = A4) -> Path:
    """A small real PDF: a framed page with Chinese text and its page number."""
    font = register_fonts()
    pdf = canvas.Canvas(str(path), pagesize=size)
    width, height = size
    for number in range(1, pages + 1):
        pdf.setLineWidth(3)
        pdf.rect(40, 40, width - 80, height - 80)
        pdf.setFont(font, 28)
        pdf.drawString(80, height - 120, f"平湖市测试机械有限公司 第 {number} 页")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "三页.pdf")


def open_preview(qtbot: QtBot, path: Path, **kwargs: object) -> PdfPreview:
    preview = PdfPreview(path, "测试文档", **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    preview.resize(900, 900)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def ink_ratio(png: Path) -> float:
    """Share of pixels that are clearly not white."""
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    return sum(histogram[:200]) / (image.width * image.height)


def render_first_page(pdf: Path, tmp_path: Path) -> Path:
    prefix = tmp_path / "render"
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True)
    return next(tmp_path.glob("render*.png"))


def test_shows_page_count_and_navigates(qtbot: QtBot, three_pages: Path) -> None:
    preview = open_preview(qtbot, three_pages)
    assert preview.page_total() == 3
    assert preview.page_count.text() == "共 3 页"
    assert preview.page_box.value() == 1
    assert not preview.previous_action.isEnabled() and preview.next_action.isEnabled()

    preview.next_action.trigger()
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    assert preview.page_box.value() == 2
    assert preview.previous_action.isEnabled()

    preview.page_box.setValue(3)  # typing a page number jumps there
    qtbot.waitUntil(lambda: preview.current_page() == 2)
    assert not preview.next_action.isEnabled()
    preview.next_page()  # past the end: stays on the last page
    assert preview.current_page() == 2

    preview.previous_action.trigger()
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    assert preview.page_box.value() == 2


def test_zoom_fit_and_steps(qtbot: QtBot, three_pages: Path) -> None:
    preview = open_preview(qtbot, three_pages)
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert preview.fit_width_action.isChecked()
    fit_width = preview.effective_zoom()
    assert fit_width > 0.5  # 900 px wide window: an A4 page shown near its printed size

    preview.zoom_in_action.trigger()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fit_width * 1.25)
    assert preview.zoom_label.text() == f"{round(fit_width * 125)}%"
    assert not preview.fit_width_action.isChecked()

    preview.zoom_out_action.trigger()
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(fit_width / 1.25)

    preview.fit_page_action.trigger()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitInView
    assert preview.fit_page_action.isChecked() and not preview.fit_width_action.isChecked()
    # A whole A4 page in a window less high than the page is wide, scaled: less than fit-width.
    assert preview.effective_zoom() < fit_width

    for _ in range(30):
        preview.zoom_out()
    assert preview.view.zoomFactor() == pytest.approx(pdf_preview.ZOOM_MIN)


def test_screenshot_shows_the_rendered_page(qtbot: QtBot, three_pages: Path, tmp_path: Path) -> None:
    preview = open_preview(qtbot, three_pages)
    shot = tmp_path / "preview.png"

    def rendered() -> bool:  # QtPdf renders pages on its own thread
        preview.grab().save(str(shot))
        return ink_ratio(shot) > 0.01

    qtbot.waitUntil(rendered, timeout=5000)


def test_save_as_copies_the_file(qtbot: QtBot, three_pages: Path, tmp_path: Path, monkeypatch) -> None:
    preview = open_preview(qtbot, three_pages, suggested_name="检查报告.pdf")
    asked: list[str] = []

    def choose(parent, title, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "saved" / "报告副本"), filters

    (tmp_path / "saved").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    saved = preview.save_action.trigger() or preview.last_saved
    assert asked and asked[0].endswith("检查报告.pdf")
    assert saved == tmp_path / "saved" / "报告副本.pdf"  # .pdf added
    assert saved.read_bytes() == three_pages.read_bytes()
    assert list((tmp_path / "saved").iterdir()) == [saved]  # no temporary file left beside it

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert preview.save_as() is None  # cancelled


def test_save_into_a_missing_folder_shows_a_message(
    qtbot: QtBot, three_pages: Path, tmp_path: Path, monkeypatch
) -> None:
    preview = open_preview(qtbot, three_pages)
    target = tmp_path / "没有这个文件夹" / "a.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append((title, text)))
    assert preview.save_as() is None
    assert messages and messages[0][0] == "保存失败" and str(target) in messages[0][1]


def test_save_copy_replaces_an_existing_file(three_pages: Path, tmp_path: Path) -> None:
    target = tmp_path / "old.pdf"
    target.write_bytes(b"old")
    assert save_copy(three_pages, target) == target
    assert target.read_bytes() == three_pages.read_bytes()


def printer_to(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_prints_every_page_to_a_pdf_file(qtbot: QtBot, three_pages: Path, tmp_path: Path) -> None:
    preview = open_preview(qtbot, three_pages)
    printed = tmp_path / "printed.pdf"
    printer = printer_to(printed)
    configure_printer(printer, preview.document)
    assert print_document(preview.document, printer) == 3
    reader = pypdf.PdfReader(printed)
    assert len(reader.pages) == 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4, at the PDF's own scale
    assert ink_ratio(render_first_page(printed, tmp_path)) > 0.01  # not blank (nor transparent-black)


def test_prints_a_page_range_and_stops_when_asked(qtbot: QtBot, three_pages: Path, tmp_path: Path) -> None:
    preview = open_preview(qtbot, three_pages)
    one = tmp_path / "one.pdf"
    assert print_document(preview.document, printer_to(one), pages=[1]) == 1
    assert len(pypdf.PdfReader(one).pages) == 1
    stopped = tmp_path / "stopped.pdf"
    assert print_document(preview.document, printer_to(stopped), progress=lambda done, total: done < 2) == 2
    assert len(pypdf.PdfReader(stopped).pages) == 2


def test_landscape_a3_is_printed_landscape(qtbot: QtBot, tmp_path: Path) -> None:
    plaque = write_pdf(tmp_path / "a3.pdf", pages=1, size=landscape(A3))
    preview = open_preview(qtbot, plaque)
    printer = printer_to(tmp_path / "a3-printed.pdf")
    configure_printer(printer, preview.document)
    assert printer.pageLayout().orientation() is QPageLayout.Orientation.Landscape
    assert print_document(preview.document, printer) == 1
    box = pypdf.PdfReader(tmp_path / "a3-printed.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)


def test_print_button_goes_through_the_print_dialog(
    qtbot: QtBot, three_pages: Path, tmp_path: Path, monkeypatch
) -> None:
    printed = tmp_path / "dialog.pdf"

    class AcceptingDialog:
        """Stands for the system dialog: the user picks a PDF file and pages 2–3."""

        def __init__(self, printer: QPrinter, parent: object) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            pass

        def setMinMax(self, low: int, high: int) -> None:
            assert (low, high) == (1, 3)

        def setOption(self, *args: object) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            self.printer.setPrintRange(QPrinter.PrintRange.PageRange)
            self.printer.setFromTo(2, 3)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", AcceptingDialog)
    preview = open_preview(qtbot, three_pages)
    assert preview.print_with_dialog() == 2
    assert len(pypdf.PdfReader(printed).pages) == 2

    class RefusingDialog(AcceptingDialog):
        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(pdf_preview, "QPrintDialog", RefusingDialog)
    assert preview.print_with_dialog() == 0


def test_a_broken_file_is_refused_with_a_chinese_message(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "坏文件.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(DomainError, match=r"无法打开 PDF 文件 坏文件\.pdf"):
        PdfPreview(broken, "坏")
    with pytest.raises(DomainError, match="无法打开"):
        PdfPreview(tmp_path / "missing.pdf", "无")


def test_a_temporary_file_is_removed_on_close(qtbot: QtBot, tmp_path: Path) -> None:
    kept = write_pdf(tmp_path / "kept.pdf", pages=1)
    temporary = write_pdf(tmp_path / "temporary.pdf", pages=1)
    open_preview(qtbot, kept).close()
    preview = open_preview(qtbot, temporary, temporary=True)
    assert temporary.exists()
    preview.close()
    assert kept.exists() and not temporary.exists()
