"""File choosers open where the person last was, one folder per kind of file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from inspector.ui.common import file_choosers


def test_each_kind_reopens_its_last_folder(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    card, stick = tmp_path / "相机存储卡", tmp_path / "U盘"
    card.mkdir()
    stick.mkdir()
    asked: list[str] = []

    def open_names(_parent: QWidget, _title: str, folder: str, _filter: str) -> tuple[list[str], str]:
        asked.append(folder)
        return [str(card / "1.jpg"), str(card / "2.jpg")], ""

    def save_name(_parent: QWidget, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(stick / "台账.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    photos = file_choosers.open_files(parent, file_choosers.PHOTOS, "选择照片", "图片 (*.jpg)")
    assert photos == [card / "1.jpg", card / "2.jpg"]
    assert file_choosers.save_file(parent, file_choosers.EXPORTS, "导出", "台账.xlsx", "*.xlsx") == stick / "台账.xlsx"
    file_choosers.open_files(parent, file_choosers.PHOTOS, "选择照片", "图片 (*.jpg)")
    file_choosers.save_file(parent, file_choosers.EXPORTS, "导出", "汇总.xlsx", "*.xlsx")
    assert asked[2] == str(card)  # photos again: the card, not the home folder
    assert asked[3] == str(stick / "汇总.xlsx")  # exports: the stick, with the suggested name


def test_a_vanished_folder_falls_back_to_home(tmp_path: Path) -> None:
    gone = tmp_path / "拔掉的U盘"
    gone.mkdir()
    file_choosers.remember(file_choosers.SYNC, gone / "inspector-sync.zip")
    assert file_choosers.last_folder(file_choosers.SYNC) == gone
    gone.rmdir()
    assert file_choosers.last_folder(file_choosers.SYNC) == Path.home()
