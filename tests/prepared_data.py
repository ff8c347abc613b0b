"""Data folders built once per test session and handed to tests as copies (Anki's approach).

Generating a demo city is the slow part of many tests, and even an empty data folder costs its
migrations; copying a closed data folder (database, photos, settings) takes milliseconds.
`PreparedData` builds each folder (an empty one, or a city per spec, today and settings) once,
the first time a test asks for it, into the session's temporary folder; the fixtures in
tests/conftest.py copy it into the test's (or the module's) own temporary folder and open a
Workspace on the copy, so a test that writes changes only its copy.

A copy is the same folder to the byte, device id included, as a restored backup would be: tests
that need independently made databases (the determinism tests, the sync laptops) make their own.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from inspector.core.dates import today as zone_today
from inspector.demo.demo_city import create_demo
from inspector.demo.generator import DemoSpec
from inspector.settings import Settings
from inspector.workspace import Workspace

# The day the pinned cities are made for, and a city several modules share.
TODAY = date(2026, 6, 15)
HAZARD_CITY = DemoSpec(enterprises=60, years=2, seed=7, hazard_factor=6.0, revisits=0.3)  # six times the hazards


_REAL_TODAY = Workspace.today
_pins: list[date] = []


def _pinned(workspace: Workspace) -> date:
    return _pins[-1] if _pins else _REAL_TODAY(workspace)


@contextmanager
def pin_today(day: date | None) -> Iterator[None]:
    """Every Workspace's "today" is `day` inside the block (no pin for None): a city generated for
    a fixed day gives the same figures whatever day the tests run.

    Pins are kept in a list rather than stacked monkeypatches: fixtures end in an order of their
    own, and undoing stacked patches out of order would leave a pin behind for later modules."""
    if day is None:
        yield
        return
    _pins.append(day)
    Workspace.today = _pinned  # type: ignore[method-assign]
    try:
        yield
    finally:
        _pins.remove(day)
        if not _pins:
            Workspace.today = _REAL_TODAY  # type: ignore[method-assign]


class PreparedData:
    """The session's prepared data folders, each built when first asked for: `None` for an empty
    folder at the newest schema, or a DemoSpec for a city (per day it is made for and settings)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: dict[tuple[DemoSpec | None, Settings], Path] = {}

    def folder(self, spec: DemoSpec | None, today: date | None = None, settings: Settings | None = None) -> Path:
        """The prepared data folder (closed, never to be opened by a test: copy it)."""
        settings = settings or Settings()
        # create_demo takes "today" from the workspace; the key holds the day the city is made for.
        day = today or zone_today(settings.timezone)
        key = (spec and replace(spec, today=day), settings)
        if key not in self._folders:
            folder = self.root / f"folder-{len(self._folders) + 1}" / "data"
            with pin_today(day):
                workspace = Workspace(folder)
                try:
                    if settings != Settings():
                        workspace.save_settings(settings)
                    if spec is not None:
                        create_demo(workspace, spec)
                finally:
                    workspace.close()
            self._folders[key] = folder
        return self._folders[key]

    def copy_to(
        self, target: Path, spec: DemoSpec | None, today: date | None = None, settings: Settings | None = None
    ) -> Path:
        """A copy of the prepared folder at `target` (which must not exist yet)."""
        shutil.copytree(self.folder(spec, today, settings), target)
        return target


class DemoCopies:
    """Opens workspaces on fresh copies under one folder and closes them (and unpins today) at the end."""

    def __init__(self, prepared: PreparedData, folder: Path, stack: ExitStack) -> None:
        self.prepared = prepared
        self.folder = folder
        self.stack = stack
        self.made = 0

    def __call__(self, spec: DemoSpec, today: date | None = None, settings: Settings | None = None) -> Workspace:
        """A Workspace on a new copy of the city; with `today`, every Workspace's today is pinned
        to it until the fixture ends."""
        self.made += 1
        target = self.prepared.copy_to(self.folder / f"demo-{self.made}" / "data", spec, today, settings)
        self.stack.enter_context(pin_today(today))
        workspace = Workspace(target)
        self.stack.callback(workspace.close)
        return workspace
