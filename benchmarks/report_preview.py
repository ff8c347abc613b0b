"""Preview and print speed of a long document in the GUI (issue #5, item 7).

Builds a demo city in a temporary data folder sized so that about 1,229 enterprises hold a plaque
(one city's annual count), writes the batch of plaques with the real generator, then measures
what the user waits for in `inspector.ui.documents.pdf_preview`:

- opening the batch PDF in a `PdfPreview` (QPdfDocument.load, page count, window shown);
- rendering one page on white at screen size (what the view shows first);
- printing pages to a PDF file through QPrinter at the capped print resolution (ms per page),
  as the 打印 button does after the print dialog.

Runs offscreen. Prints a Markdown table.

    .venv/bin/python benchmarks/report_preview.py [--enterprises 1450] [--print-pages 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from inspector.demo.demo_city import create_demo
from inspector.demo.generator import DemoSpec
from inspector.reports.plaque_batch import write_plaques
from inspector.reports.plaque_keys import create_office_key
from inspector.ui.common.fonts import install_chinese_font
from inspector.ui.documents.pdf_preview import MAX_PRINT_DPI, PdfPreview, configure_printer, print_document, white_page
from inspector.workspace import Workspace


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=1450)
    parser.add_argument("--print-pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    install_chinese_font(app)

    with tempfile.TemporaryDirectory(prefix="report-preview-") as folder:
        ws = Workspace(Path(folder) / "data")
        create_demo(ws, DemoSpec(enterprises=args.enterprises, years=1, coverage=0.95))
        create_office_key(ws)
        year = ws.today().year
        batch = Path(folder) / "plaques.pdf"
        started = time.perf_counter()
        count = write_plaques(ws, year, batch)
        generate_s = time.perf_counter() - started

        opens = []
        for _ in range(args.runs):
            started = time.perf_counter()
            preview = PdfPreview(batch, "亮牌")
            preview.show()
            app.processEvents()
            opens.append(time.perf_counter() - started)
            pages = preview.page_total()
            preview.close()
            app.processEvents()

        preview = PdfPreview(batch, "亮牌")
        renders = []
        for page in range(min(args.runs, pages)):
            started = time.perf_counter()
            white_page(preview.document, page, QSize(1000, 707))
            renders.append(time.perf_counter() - started)

        printed = Path(folder) / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        configure_printer(printer, preview.document)
        wanted = range(min(args.print_pages, pages))
        started = time.perf_counter()
        sent = print_document(preview.document, printer, wanted)
        print_s = time.perf_counter() - started
        preview.close()

        size_mb = batch.stat().st_size / 1e6
        print(f"plaques: {count} (A4 landscape), batch PDF {size_mb:.1f} MB, generated in {generate_s:.1f} s")
        print()
        print("| step | result |")
        print("| --- | ---: |")
        open_ms = statistics.median(opens) * 1000
        print(f"| open {pages}-page batch in the preview (median of {args.runs}) | {open_ms:.0f} ms |")
        print(f"| render one page on white, 1000 px wide (median) | {statistics.median(renders) * 1000:.0f} ms |")
        print(
            f"| print {sent} pages to PDF at {MAX_PRINT_DPI} dpi | {print_s:.2f} s "
            f"({print_s / max(sent, 1) * 1000:.0f} ms/page, "
            f"{printed.stat().st_size / 1e6 / max(sent, 1):.2f} MB/page) |"
        )
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
