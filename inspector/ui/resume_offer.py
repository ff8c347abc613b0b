"""After a run that did not end cleanly, offer to open the draft inspection that was left open.

`RunningMarker` is a lock file in the data folder (QLockFile: it records this process, and a
file left by a process that no longer runs is recognised as stale, on every platform). It is
taken when the window opens and released when the program ends normally. Finding a stale one
means the last run ended with a crash, a killed process or a power cut: the window then asks
whether to continue the most recently touched draft, at the item it was left at. A second copy
of the program on the same folder finds the lock held by a live process and offers nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from inspector.ui.main_window import MainWindow

MARKER = "inspector-running.lock"


class RunningMarker:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / MARKER
        self.lock = QLockFile(str(self.path))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran

    def begin(self) -> bool:
        """Mark the folder as in use; True when the last run left its mark behind (did not end
        cleanly). False too when another running copy holds the folder."""
        left_behind = self.path.exists()
        return self.lock.tryLock(0) and left_behind

    def end(self) -> None:
        """The program is ending normally."""
        if self.lock.isLocked():
            self.lock.unlock()


def offer_resume(window: MainWindow) -> QMessageBox | None:
    """Ask (without blocking) whether to continue the draft last worked on; None if there is none."""
    inspections = window.workspace.inspections
    drafts = inspections.drafts()
    if not drafts:
        return None
    draft = drafts[0]
    view = inspections.get(draft)
    progress = inspections.progress(draft)
    text = QCoreApplication.translate(
        "ResumeOffer",
        "Inspector 上次没有正常退出。有一份未完成的检查：\n\n{enterprise}　{day}（已答 {done} / {total} 项）\n\n"
        "已答的内容都已保存。现在继续这份检查吗？",
    ).format(
        enterprise=view.enterprise_name,
        day=view.inspection_date.isoformat(),
        done=progress.answered,
        total=progress.total,
    )
    if len(drafts) > 1:
        text += "\n" + QCoreApplication.translate("ResumeOffer", "另有 {n} 份未完成的检查在“检查”列表中。").format(
            n=len(drafts) - 1
        )
    title = QCoreApplication.translate("ResumeOffer", "继续未完成的检查")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=window)
    resume = box.addButton(QCoreApplication.translate("ResumeOffer", "继续检查"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("ResumeOffer", "稍后"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(resume)

    def answered() -> None:
        if box.clickedButton() is resume:
            window.show_page("inspections")
            window.inspections.open_inspection(draft)

    box.finished.connect(answered)
    box.open()
    window.resume_box = box
    return box
