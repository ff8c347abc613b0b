"""Shared fixtures. Qt runs offscreen; every test that needs data gets a fresh data folder.

Data folders are made once per session and copied (tests/prepared_data.py): `workspace` opens the
test's own copy of an empty folder; `demo_workspace(spec, today=None, settings=None)` opens the
test's own copy of a demo city; `module_demo_workspace` does the same with one copy per module, for
modules whose tests only read.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Qt's offscreen screen is 800×800 unless told otherwise: the tests' screen is a laptop's,
    # 1366×768, which windows are fitted to (inspector/ui/common/window_size.py).
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).parent / 'laptop_screen.json'}"
# Qt's per-user settings (remembered folders) go to a throw-away place, not the developer's ~/.config.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="inspector-tests-config-")

from inspector.workspace import Workspace
from tests.prepared_data import HAZARD_CITY, TODAY, DemoCopies, PreparedData, pin_today

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FORM = ROOT / "forms" / "general-manufacturing.toml"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    # Never touch the developer's real data folder, whatever a test forgets to pass.
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def prepared_data(tmp_path_factory: pytest.TempPathFactory) -> PreparedData:
    return PreparedData(tmp_path_factory.mktemp("prepared"))


@pytest.fixture
def workspace(data_dir: Path, prepared_data: PreparedData) -> Iterator[Workspace]:
    """An empty data folder of the test's own (a copy of one migrated once per session)."""
    ws = Workspace(prepared_data.copy_to(data_dir, None))
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def pinned_today() -> Iterator[None]:
    """Every Workspace's today is TODAY for the rest of the module."""
    with pin_today(TODAY):
        yield


@pytest.fixture
def demo_workspace(prepared_data: PreparedData, tmp_path: Path, data_dir: Path) -> Iterator[DemoCopies]:
    """Call with a DemoSpec: a Workspace on this test's own copy of that city (write freely).
    `data_dir` keeps whatever the test opens without a folder away from the real data folder."""
    with ExitStack() as stack:
        yield DemoCopies(prepared_data, tmp_path, stack)


@pytest.fixture(scope="module")
def module_demo_workspace(
    prepared_data: PreparedData, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DemoCopies]:
    """Call with a DemoSpec: a Workspace on a copy shared by this module's tests (read only)."""
    with ExitStack() as stack:
        yield DemoCopies(prepared_data, tmp_path_factory.mktemp("module-demo"), stack)


@pytest.fixture(scope="module")
def hazard_city(module_demo_workspace: DemoCopies) -> Workspace:
    """HAZARD_CITY as of TODAY, today pinned for the module: many hazards in every state (read only)."""
    return module_demo_workspace(HAZARD_CITY, TODAY)
