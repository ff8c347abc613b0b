"""同步 from the window alone: 导出同步包… asks for the receiver among the trusted computers (or
everything), and 导入同步包… from a computer not yet trusted shows its fingerprint and offers to
trust it first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from inspector.sync.bundle import read_identity
from inspector.ui.sync.export_dialog import ExportDialog
from tests.sync.simulation import Laptop
from tests.ui.test_sync_page import page_for, pair, table_texts, wait_done

__all__ = ["pair"]  # the fixture, used by name


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file chooser answers with `path`, as a person picking it would."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def test_the_export_dialog_lists_the_trusted_computers(pair: tuple[Laptop, Laptop], tmp_path: Path) -> None:
    a, b = pair
    alone = ExportDialog([])
    assert alone.receiver.count() == 1 and (alone.peer(), alone.all_data()) == (None, True)  # nobody trusted
    key = tmp_path / "b.key"
    b.ws.sync.export_key(key)
    a.ws.sync.trust(read_identity(key), "办公室")
    dialog = ExportDialog(a.ws.sync.devices())
    assert dialog.receiver.count() == 2 and dialog.receiver.currentData() == "办公室"
    assert (dialog.peer(), dialog.all_data()) == ("办公室", False)
    assert "上次导出给 办公室 之后的改动" in dialog.hint.text()
    dialog.everything.setChecked(True)
    assert (dialog.peer(), dialog.all_data()) == ("办公室", True) and "补齐" in dialog.hint.text()
    dialog.receiver.setCurrentIndex(1)
    assert (dialog.peer(), dialog.all_data()) == (None, True) and not dialog.everything.isEnabled()


def test_export_to_a_peer_then_import_offering_trust(
    qtbot: QtBot, pair: tuple[Laptop, Laptop], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = pair
    pa, pb = page_for(qtbot, a), page_for(qtbot, b)
    key = tmp_path / "b.key"
    b.ws.sync.export_key(key)
    a.ws.sync.trust(read_identity(key), "乙机")
    a.add_enterprise(1)
    bundle = tmp_path / "给乙机.zip"
    pa.choose_receiver = lambda: ("乙机", False)  # what the person picks in ExportDialog
    choose(monkeypatch, bundle)
    pa.export_button.click()
    assert not isinstance(wait_done(qtbot, pa), str)
    assert bundle.exists() and "乙机" in [row[0] for row in table_texts(pa.peer_table)]

    asked: list[str] = []
    pb.confirm = lambda _title, text: asked.append(text) is None and False  # first: not trusted
    choose(monkeypatch, bundle)
    pb.import_button.click()
    assert asked and a.ws.sync.identity().fingerprint in asked[0]
    assert not pb.busy and b.ws.enterprises.count() == 0  # refused to trust: nothing imported
    pb.confirm = lambda _title, _text: True
    pb.import_button.click()
    assert not isinstance(wait_done(qtbot, pb), str)
    assert b.ws.enterprises.count() == 1 and "已导入" in pb.summary_label.text()
    assert len(table_texts(pb.device_table)) == 1
