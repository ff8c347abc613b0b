"""One `changed` signal for the whole window: every committed write reaches every screen.

The database announces each commit's `Changes` on the thread that committed (inspector/db/changes.py).
`ChangeHub.of(workspace)` turns that into a Qt signal delivered on the UI thread, and `follow()` lets
a screen say which tables it shows and how it refreshes:

- a visible screen refreshes at the next turn of the event loop (several commits in one turn — a
  hazard and its light and plaque, say — give one refresh);
- a hidden screen refreshes after a quiet second, or at once when it is shown, so it is never
  stale when looked at and typing in the checklist does not make hidden pages work per keystroke.

Changes made by another program on the same data folder (a CLI import, a second window) are noticed
by polling SQLite's `data_version` and announced as `EVERYTHING`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from inspector.db.changes import EVERYTHING, Changes
from inspector.workspace import Workspace

HIDDEN_DELAY_MS = 1000
EXTERNAL_POLL_MS = 2000


class ChangeHub(QObject):
    """The UI thread's view of one workspace's commits. Get it with `ChangeHub.of(workspace)`."""

    changed = Signal(object)  # Changes, on the UI thread
    _relay = Signal(object)  # emitted on any thread; Qt queues it to the hub's (UI) thread

    _hubs: ClassVar[dict[int, ChangeHub]] = {}

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._relay.connect(self.changed)
        self._unsubscribe = workspace.subscribe(self._relay.emit)
        self._poll = QTimer(self)
        self._poll.setInterval(EXTERNAL_POLL_MS)
        self._poll.timeout.connect(self.check_external)
        self._poll.start()

    @classmethod
    def of(cls, workspace: Workspace) -> ChangeHub:
        hub = cls._hubs.get(id(workspace))
        if hub is None or hub.workspace is not workspace:
            hub = cls._hubs[id(workspace)] = ChangeHub(workspace)
        return hub

    @classmethod
    def forget(cls, workspace: Workspace) -> None:
        """The workspace is closing: stop listening to it."""
        hub = cls._hubs.pop(id(workspace), None)
        if hub is not None:
            hub._poll.stop()
            hub._unsubscribe()

    def check_external(self) -> None:
        """Another program committed to our database since the last look: reload everything.
        A closed workspace (restore, quitting) ends the hub: its polling and its subscription."""
        if not self.workspace.is_open:
            ChangeHub.forget(self.workspace)
            return
        if self.workspace.external_changes():
            self.changed.emit(EVERYTHING)


class _Follower(QObject):
    def __init__(self, widget: QWidget, tables: frozenset[str], refresh: Callable[[Changes], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.tables = tables
        self.refresh = refresh
        self.pending: Changes | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.flush)
        widget.installEventFilter(self)

    def on_changed(self, changes: Changes) -> None:
        if not (changes.touches(*self.tables) if self.tables else bool(changes)):
            return
        self.pending = changes if self.pending is None else self.pending | changes
        visible = self.widget.isVisible()
        if visible or not self.timer.isActive():
            self.timer.start(0 if visible else HIDDEN_DELAY_MS)

    def flush(self) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            self.refresh(pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.pending is not None:
            self.timer.start(0)
        return False


def follow(widget: QWidget, workspace: Workspace, tables: Iterable[str], refresh: Callable[[Changes], None]) -> None:
    """Call `refresh(changes)` on the UI thread whenever a commit touches one of `tables` (every
    commit when `tables` is empty), coalesced as the module docstring says. Lives as long as `widget`."""
    follower = _Follower(widget, frozenset(tables), refresh)
    hub = ChangeHub.of(workspace)
    hub.changed.connect(follower.on_changed)
    widget.destroyed.connect(lambda *_: _disconnect(hub, follower))


def _disconnect(hub: ChangeHub, follower: _Follower) -> None:
    with contextlib.suppress(RuntimeError, TypeError):  # already gone with its widget
        hub.changed.disconnect(follower.on_changed)


# What the screens show, by table (a commit touching none of a screen's tables leaves it alone).
HAZARD_TABLES = frozenset(
    {"hazards", "hazard_events", "hazard_event_photos", "notices", "notice_hazards", "enterprises", "settings"}
)
REGISTER_TABLES = frozenset(
    {"enterprises", "inspections", "inspection_inspectors", "hazards", "hazard_events", "plaques", "lights"}
    | {"amendments"}
)
TRAINING_TABLES = frozenset({"trainings", "training_photos"})
FIGURE_TABLES = REGISTER_TABLES | TRAINING_TABLES | {"settings"}
LIST_TABLES = frozenset({"inspections", "inspection_inspectors", "enterprises", "signatures"})
SYNC_TABLES = frozenset({"sync_conflicts", "trusted_devices", "sync_peers"})
