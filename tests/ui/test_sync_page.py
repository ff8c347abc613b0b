"""The 同步 page with real widgets: bundles between two data folders (export, trust with the
fingerprint shown, import, summary, peers), conflicts resolved from the page, and push/pull to a
central database (a SQLite file always; PostgreSQL too when INSPECTOR_TEST_PG_URL is set)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.core.enterprise import Enterprise
from inspector.ui.common.operations import Progress
from inspector.ui.sync.sync_page import SyncPage
from tests.sync import pg_fixtures
from tests.sync.simulation import Laptop

central_url = pg_fixtures.central_url  # the fixtures, made visible to pytest in this module
pg_url = pg_fixtures.pg_url


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    a, b = Laptop.create(tmp_path, "a"), Laptop.create(tmp_path, "b")
    yield a, b
    a.ws.close()
    b.ws.close()


def page_for(qtbot: QtBot, laptop: Laptop) -> SyncPage:
    page = SyncPage(laptop.ws)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.confirm = lambda _title, _text: True
    return page


def wait_done(qtbot: QtBot, page: SyncPage) -> object:
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    return page.last_result


def trust_each_other(qtbot: QtBot, pa: SyncPage, pb: SyncPage, tmp_path: Path) -> None:
    for source, target in ((pa, pb), (pb, pa)):
        key = tmp_path / f"{source.workspace.db.device_id}.key"
        source.workspace.sync.export_key(key)
        assert target.trust_from_file(key)


def table_texts(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_trust_shows_the_fingerprint_and_needs_a_yes(qtbot: QtBot, pair: tuple[Laptop, Laptop], tmp_path: Path) -> None:
    a, b = pair
    pa, pb = page_for(qtbot, a), page_for(qtbot, b)
    key = tmp_path / "a.key"
    identity = a.ws.sync.export_key(key)
    shown: list[str] = []
    pb.confirm = lambda _title, text: shown.append(text) is not None and False
    assert not pb.trust_from_file(key)
    assert identity.fingerprint in shown[0]
    assert pb.device_table.rowCount() == 0
    pb.confirm = lambda _title, _text: True
    assert pb.trust_from_file(key)
    assert table_texts(pb.device_table)[0][2] == identity.fingerprint
    assert identity.fingerprint.split()[0] in pa.identity_label.text()


def test_bundle_export_and_import_show_what_moved(qtbot: QtBot, pair: tuple[Laptop, Laptop], tmp_path: Path) -> None:
    a, b = pair
    pa, pb = page_for(qtbot, a), page_for(qtbot, b)
    trust_each_other(qtbot, pa, pb, tmp_path)
    a.add_enterprise(1)
    hid = a.raise_hazard(0, 1)
    bundle = tmp_path / "a-to-b.zip"
    pa.export_bundle_to(bundle, peer="b")
    assert pa.progress.isVisibleTo(pa) and pa.cancel_button.isVisibleTo(pa)
    exported = wait_done(qtbot, pa)
    assert not isinstance(exported, str), exported
    assert bundle.exists() and "已导出" in pa.summary_label.text()
    assert not pa.progress.isVisibleTo(pa)
    assert "b" in [row[0] for row in table_texts(pa.peer_table)]
    pb.import_bundle_from(bundle)
    imported = wait_done(qtbot, pb)
    assert not isinstance(imported, str), imported
    assert "已导入" in pb.summary_label.text()
    rows = {row[0]: row for row in table_texts(pb.summary_table)}
    assert rows["企业"][2] == "1" and rows["隐患"][2] == "1"
    assert b.ws.hazards.get(hid or "").description.startswith("消防通道堵塞")
    assert pb.status.text() == "完成"


def test_a_bad_bundle_is_reported_and_changes_nothing(
    qtbot: QtBot, pair: tuple[Laptop, Laptop], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, b = pair
    pb = page_for(qtbot, b)
    warnings: list[str] = []
    monkeypatch.setattr("inspector.ui.sync.sync_page.QMessageBox.warning", lambda _p, _t, text: warnings.append(text))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    before = b.dump()
    pb.import_bundle_from(broken)
    result = wait_done(qtbot, pb)
    assert isinstance(result, str) and warnings == [result]
    assert b.dump() == before


def test_conflicts_are_listed_and_resolved_from_the_page(
    qtbot: QtBot, pair: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = pair
    pa, pb = page_for(qtbot, a), page_for(qtbot, b)
    trust_each_other(qtbot, pa, pb, tmp_path)
    eid = a.add_enterprise(5)
    a.send_to(b, tmp_path)
    for laptop, address in ((a, "东门路1号"), (b, "西门路2号")):  # the same record, edited on both
        e = laptop.ws.enterprises.get(eid)
        laptop.ws.enterprises.update(Enterprise(**{**e.__dict__, "address": address}))
    b.send_to(a, tmp_path)
    a.send_to(b, tmp_path)
    holder = pa if a.ws.enterprises.get(eid).address == "西门路2号" else pb  # who kept the newer version
    holder.refresh()
    if holder.conflict_table.rowCount() == 0:
        holder = pb if holder is pa else pa
        holder.refresh()
    assert holder.conflict_table.rowCount() >= 1
    assert "待处理冲突 (" in holder.tabs.tabText(3)
    holder.conflict_table.selectRow(0)
    assert "落选的版本" in holder.conflict_detail.toPlainText()
    lost = holder.selected_conflict()
    assert lost is not None
    qtbot.mouseClick(holder.restore_button, Qt.MouseButton.LeftButton)
    assert holder.workspace.enterprises.get(eid).address == lost.lost_version["address"]
    assert all(c.id != lost.id for c in holder.conflicts.open_conflicts())


def test_push_and_pull_from_the_page(qtbot: QtBot, pair: tuple[Laptop, Laptop], central_url: str) -> None:
    a, b = pair
    pa, pb = page_for(qtbot, a), page_for(qtbot, b)
    asked: list[str] = []
    for page in (pa, pb):
        page.server.setText(central_url)
        page.ask_password = lambda server: asked.append(server) or ""  # a trusting server: empty password
    a.add_enterprise(9)
    a.raise_hazard(0, 9)
    qtbot.mouseClick(pa.push_button, Qt.MouseButton.LeftButton)
    pushed = wait_done(qtbot, pa)
    assert not isinstance(pushed, str), pushed
    assert "推送到" in pa.summary_label.text()
    assert "上次推送" in pa.server_status.text() and "—" in pa.server_status.text()  # pulled: never yet
    pb.pull()
    pulled = wait_done(qtbot, pb)
    assert not isinstance(pulled, str), pulled
    rows = {row[0]: row for row in table_texts(pb.summary_table)}
    assert rows["隐患"][2] == "1" and rows["照片"][2] == "1"
    assert a.dump() != {} and b.ws.hazards.count() == 1
    assert ("postgresql" in central_url) == bool(asked)  # only a server with a host asks for a password


def test_cancel_button_asks_the_running_sync_to_stop(qtbot: QtBot, pair: tuple[Laptop, Laptop]) -> None:
    a, _ = pair
    pa = page_for(qtbot, a)

    def running_sync(progress: Progress) -> None:  # reports steps until it is told to stop
        for _ in range(1000):
            progress.step("正在上传…", 1, 2)
            time.sleep(0.01)

    operation = pa._start("正在上传…", running_sync)
    assert operation is not None and pa.busy and not pa.cancel_button.isHidden()
    qtbot.mouseClick(pa.cancel_button, Qt.MouseButton.LeftButton)
    assert operation.is_cancelled() and not pa.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not pa.busy, timeout=10_000)
    assert pa.status.text() == "已取消，数据保持原样" and not pa.busy
