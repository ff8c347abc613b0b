"""Photos of one checklist item: thumbnails, and adding by file dialog, drag and drop or paste.

Importing (decode, re-encode, hash, write, thumbnail) and linking the photo to the answer run
on the background worker through `operations.run_in_background`; only plain values (paths,
bytes, StoredPhoto) cross the thread boundary. A file that is not a usable image produces the
PhotoStore's message and stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.photos.photo_store import PhotoError, StoredPhoto, small_photo_warning
from inspector.ui.common import file_choosers
from inspector.ui.common.operations import run_in_background
from inspector.ui.common.palette import ALERT, MUTED, text_style
from inspector.workspace import Workspace

THUMB_SIZE = 88

# A photo source: a file, or raw bytes with a display name (pasted images).
PhotoSource = Path | tuple[bytes, str]


@dataclass
class ImportOutcome:
    stored: list[StoredPhoto] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored, but worth a word (a tiny image)

    def messages(self) -> str:
        """The errors, then the warnings, one a line ("" when all went well)."""
        return "\n".join(self.errors + self.warnings)


def choose_photo_files(parent: QWidget) -> list[Path]:
    """Ask for photo files with the same dialog everywhere a photo can be added."""
    image_filter = QCoreApplication.translate(
        "PhotoStrip", "图片 (*.jpg *.jpeg *.png *.webp *.heic *.heif *.bmp *.gif *.tif *.tiff);;所有文件 (*)"
    )
    return file_choosers.open_files(
        parent, file_choosers.PHOTOS, QCoreApplication.translate("PhotoStrip", "选择照片"), image_filter
    )


def import_photos(
    workspace: Workspace,
    sources: Sequence[PhotoSource],
    after_each: Callable[[StoredPhoto], None] | None = None,
) -> ImportOutcome:
    """Import each source into the PhotoStore (and make its thumbnail), then call `after_each`.

    Runs on the background worker: touches no widget. One bad file does not stop the others;
    its message is collected instead, and nothing of it is stored.
    """
    outcome = ImportOutcome()
    for source in sources:
        try:
            if isinstance(source, Path):
                photo = workspace.photos.import_file(source)
            else:
                data, name = source
                photo = workspace.photos.import_bytes(data, name)
            workspace.photos.thumbnail(photo.sha256)
            if after_each is not None:
                after_each(photo)
        except DomainError as error:  # PhotoError, or a refused attach
            outcome.errors.append(str(error))
        else:
            outcome.stored.append(photo)
            if warning := small_photo_warning(photo):
                outcome.warnings.append(warning)
    return outcome


def sources_from_mime(mime: QMimeData) -> list[PhotoSource]:
    """Local files first (a file manager's copy or drag), else an image (a screenshot paste)."""
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if files:
        return list(files)
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return [(image_to_png(image), "粘贴的图片.png")]
    return []


def image_to_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def thumbnails(size: int) -> QListWidget:
    """One row of photo thumbnails of `size` px, scrolled sideways when there are many."""
    widget = QListWidget()
    widget.setViewMode(QListView.ViewMode.IconMode)
    widget.setFlow(QListView.Flow.LeftToRight)
    widget.setWrapping(False)
    widget.setMovement(QListView.Movement.Static)
    widget.setIconSize(QSize(size, size))
    widget.setSpacing(4)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # One row of icons plus the spacing around them, and room for a horizontal scroll bar.
    widget.setFixedHeight(size + 34)
    return widget


class ThumbnailCache:
    """Icons by sha256: a photo's thumbnail file never changes, so it is read from disk once."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._icons: dict[str, QIcon] = {}

    def icon(self, sha256: str) -> QIcon:
        icon = self._icons.get(sha256)
        if icon is None:
            try:
                pixmap = QPixmap(str(self.workspace.photos.thumbnail(sha256)))
            except (OSError, PhotoError):  # a photo file missing on this laptop
                pixmap = QPixmap()
            icon = self._icons[sha256] = QIcon(pixmap)
        return icon


class PhotoStrip(QWidget):
    """Thumbnails of the current item's photos, with add by dialog, drop and paste.

    The strip attaches imported photos to the item it showed when the import began (the user
    may have moved on), and reports each with `attached(inspection_id, item_code, sha256)`.
    """

    attached = Signal(str, str, str)
    detached = Signal(str, str, str)
    busy_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.thumbnails = ThumbnailCache(workspace)
        self.inspection_id: str | None = None
        self.item_code: str | None = None
        self._pending = 0
        self.setAcceptDrops(True)

        self.list = thumbnails(THUMB_SIZE)
        self.list.setObjectName("photoThumbnails")
        self.list.setAcceptDrops(False)  # drops are handled by the strip as a whole
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)

        self.add_button = QPushButton(self.tr("添加照片…"))
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self.choose_files)
        self.hint = QLabel(self.tr("可拖入照片文件，或按 Ctrl+V 粘贴"))
        self.hint.setObjectName("hint")
        self.status = QLabel()
        self.status.setObjectName("photoStatus")
        self.status.setWordWrap(True)
        self.status.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("照片"))
        title.setObjectName("fieldTitle")
        top.addWidget(title)
        top.addWidget(self.hint, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        self.show_item(None, None, [], enabled=False)

    # -- what is shown ----------------------------------------------------------------------
    def show_item(self, inspection_id: str | None, item_code: str | None, shas: Sequence[str], enabled: bool) -> None:
        """Show an item's photos; adding is enabled only for an answered item of a draft."""
        self.inspection_id, self.item_code = inspection_id, item_code
        self.list.clear()
        for sha in shas:
            item = QListWidgetItem(self.thumbnails.icon(sha), "")
            item.setData(Qt.ItemDataRole.UserRole, sha)
            item.setToolTip(sha[:12])
            self.list.addItem(item)
        self.setEnabled(enabled)
        self.hint.setText(self.tr("可拖入照片文件，或按 Ctrl+V 粘贴") if enabled else self.tr("作答后可添加照片"))
        if not self._pending:
            self.status.hide()

    def shown_shas(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def is_busy(self) -> bool:
        return self._pending > 0

    # -- adding ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths = choose_photo_files(self)
        if paths:
            self.add_sources(paths)

    def paste(self) -> bool:
        """Add the clipboard's image or image files; False when it holds neither."""
        mime = QGuiApplication.clipboard().mimeData()
        sources = sources_from_mime(mime) if mime is not None else []
        if sources and self.isEnabled():
            self.add_sources(sources)
            return True
        return False

    def add_sources(self, sources: Sequence[PhotoSource]) -> None:
        if not (self.isEnabled() and self.inspection_id and self.item_code and sources):
            return
        inspection_id, item_code = self.inspection_id, self.item_code
        inspections = self.workspace.inspections
        workspace = self.workspace

        def work() -> ImportOutcome:  # background worker: no widgets here
            return import_photos(
                workspace, list(sources), lambda photo: inspections.attach_photo(inspection_id, item_code, photo)
            )

        self._set_pending(self._pending + 1)
        self._show_status(self.tr("正在导入照片…"), error=False)
        run_in_background(
            work,
            lambda outcome: self._imported(inspection_id, item_code, outcome),
            self._failed,
        )

    def _imported(self, inspection_id: str, item_code: str, outcome: ImportOutcome) -> None:
        self._set_pending(self._pending - 1)
        for photo in outcome.stored:
            self.attached.emit(inspection_id, item_code, photo.sha256)
        if outcome.errors or outcome.warnings:
            self._show_status(outcome.messages(), error=bool(outcome.errors))
        elif not self._pending:
            self.status.hide()

    def _failed(self, message: str) -> None:
        self._set_pending(self._pending - 1)
        self._show_status(message, error=True)

    def _set_pending(self, count: int) -> None:
        was_busy = self._pending > 0
        self._pending = max(0, count)
        if was_busy != (self._pending > 0):
            self.busy_changed.emit(self._pending > 0)

    def _show_status(self, text: str, error: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.setStyleSheet(text_style(ALERT if error else MUTED))
        self.status.show()

    # -- removing ----------------------------------------------------------------------------
    def _context_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None or not self.isEnabled():
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("移除这张照片"))
        if menu.exec(self.list.viewport().mapToGlobal(point)) is remove:
            self.remove(item.data(Qt.ItemDataRole.UserRole))

    def remove(self, sha256: str) -> None:
        if not (self.inspection_id and self.item_code):
            return
        try:
            self.workspace.inspections.detach_photo(self.inspection_id, self.item_code, sha256)
        except DomainError as error:
            self._show_status(str(error), error=True)
            return
        self.detached.emit(self.inspection_id, self.item_code, sha256)

    # -- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._judge_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._judge_drag(event)

    def _judge_drag(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        if self.isEnabled() and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        sources = sources_from_mime(event.mimeData())
        if sources:
            event.acceptProposedAction()
            self.add_sources(sources)
        else:
            event.ignore()
