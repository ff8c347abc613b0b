"""Photos chosen in a dialog before anything is saved: a hazard's before-photos, an action's
after-photos.

Thumbnails, each with a tick (ticked photos are the ones used), and a button to add files. The
files are imported into the PhotoStore on the background worker (decoding a phone photo takes a
moment); while that runs `busy()` is true, and the dialog must wait before it submits. An unusable
file is reported through `failed` and adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from inspector.photos.photo_store import StoredPhoto
from inspector.ui.common.operations import run_in_background
from inspector.ui.common.photo_strip import ImportOutcome, ThumbnailCache, choose_photo_files, import_photos, thumbnails
from inspector.workspace import Workspace

THUMB_SIZE = 64
SHA_ROLE = Qt.ItemDataRole.UserRole


class PhotoPicker(QWidget):
    busy_changed = Signal(bool)
    failed = Signal(str)  # the import's messages, one file a line

    def __init__(
        self,
        workspace: Workspace,
        add_text: str,
        hint: str,
        photos: Sequence[StoredPhoto] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._thumbnails = ThumbnailCache(workspace)
        self._photos: dict[str, StoredPhoto] = {}
        self._pending = 0
        self.list = thumbnails(THUMB_SIZE)
        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(False)  # Enter in the dialog means OK, not "add a photo"
        self.add_button.clicked.connect(self._choose)
        row = QHBoxLayout()
        hint_label = QLabel(hint)
        hint_label.setObjectName("hint")
        row.addWidget(hint_label, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(row)
        for photo in photos:
            self._add_item(photo)

    def chosen(self) -> list[StoredPhoto]:
        """The ticked photos, in the order they were added."""
        return [
            self._photos[item.data(SHA_ROLE)]
            for item in (self.list.item(row) for row in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def busy(self) -> bool:
        return self._pending > 0

    def _choose(self) -> None:
        paths = choose_photo_files(self)
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[Path]) -> None:
        workspace, files = self.workspace, list(paths)
        self._set_pending(self._pending + 1)
        run_in_background(lambda: import_photos(workspace, files), self._imported, self._failed)

    def _imported(self, outcome: ImportOutcome) -> None:
        for photo in outcome.stored:
            if photo.sha256 not in self._photos:
                self._add_item(photo)
        self._set_pending(self._pending - 1)
        if outcome.errors or outcome.warnings:
            self.failed.emit(outcome.messages())

    def _failed(self, message: str) -> None:
        self._set_pending(self._pending - 1)
        self.failed.emit(message)

    def _add_item(self, photo: StoredPhoto) -> None:
        self._photos[photo.sha256] = photo
        item = QListWidgetItem(self._thumbnails.icon(photo.sha256), "")
        item.setData(SHA_ROLE, photo.sha256)
        item.setToolTip(photo.original_name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.addItem(item)

    def _set_pending(self, count: int) -> None:
        was_busy = self.busy()
        self._pending = max(0, count)
        self.add_button.setEnabled(not self.busy())
        if was_busy != self.busy():
            self.busy_changed.emit(self.busy())
