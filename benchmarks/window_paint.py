"""Start-up of the window: first paint and populated, against a bare PySide6 window measured in
the same run (issue 16, row 3).

    .venv/bin/python benchmarks/window_paint.py [--data-dir benchmarks/output/city] [--runs 9]

Fresh processes offscreen, alternating. Each child prints a line the moment something happens,
and the time from starting the process to that line is taken:
- bare: a QMainWindow with a QTableView, its first paint (the baseline);
- inspector: `inspector.launcher.main` on the data folder (what `inspector` runs), the main
  window's first paint (navigation drawn, page not yet built: target ≤ 2.5× bare), then
  populated: its page built and painted with the data (target ≤ 0.7 s).
Without a database in --data-dir a 200-enterprise demo city is made in a temporary folder.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from processes import run_benchmark

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QTableView())
watch = Watch()
window.installEventFilter(watch)
window.resize(1280, 800)
window.show()
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class Watch(QObject):
    window = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.window is None and type(obj).__name__ == "MainWindow":
            self.window = obj
            print("painted", flush=True)
            obj.page_built.connect(self.populated)
        return False
    def populated(self, _key):
        self.window.repaint()  # the page drawn with its data, now
        print("populated", flush=True)
        QTimer.singleShot(0, self.window.close)

app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
from inspector.launcher import main
main(["--data-dir", sys.argv[1]])
"""


def timed_lines(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from starting `command` to each line it prints (and to its end, "exit")."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    seen = {line.strip(): time.perf_counter() - started for line in process.stdout}
    if process.wait() != 0:
        raise SystemExit(f"{command[:3]} failed with exit status {process.returncode}")
    return seen | {"exit": time.perf_counter() - started}


def main() -> int:
    times, base = run_benchmark(
        __doc__, 9, measure, "bare PySide6 window, first paint", "bare window", QT_QPA_PLATFORM="offscreen"
    )
    first = statistics.median(times["inspector, first paint"]) / base
    full = statistics.median(times["inspector, page populated"])
    print(f"first paint {first:.2f}× the bare window (target ≤ 2.5×); populated {full:.3f} s (target ≤ 0.7 s)")
    return 0 if first <= 2.5 and full <= 0.7 else 1


def measure(folder: Path, runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    bare_command = [sys.executable, "-c", BARE]
    app_command = [sys.executable, "-c", APP, str(folder)]
    timed_lines(bare_command, env), timed_lines(app_command, env)  # warm the page cache
    times: dict[str, list[float]] = {
        "bare PySide6 window, first paint": [],
        "inspector, first paint": [],
        "inspector, page populated": [],
    }
    for _ in range(runs):
        times["bare PySide6 window, first paint"].append(timed_lines(bare_command, env)["painted"])
        app = timed_lines(app_command, env)
        times["inspector, first paint"].append(app["painted"])
        times["inspector, page populated"].append(app["populated"])
    return times


if __name__ == "__main__":
    sys.exit(main())
