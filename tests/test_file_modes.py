"""Modes of what the program writes: documents and exports follow the umask, keys and backups
(which carry keys) are 0600 after every write, restore included."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from inspector.exporting.xlsx_file import atomic_xlsx
from inspector.file_modes import make_keys_private, ordinary_mode
from inspector.reports.plaque_keys import create_office_key, private_key_path
from inspector.reports.report_styles import write_atomically
from inspector.services.backup import create_backup, restore_backup
from inspector.sync.keys import KEY_FILE, load_or_create
from inspector.ui.documents.pdf_preview import save_copy
from inspector.workspace import Workspace


@pytest.fixture
def umask_027() -> Iterator[None]:
    """A umask that is neither the common 022 nor 077, so both kinds of mistake show."""
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_page(name: str) -> None:
    canvas = Canvas(name)
    canvas.drawString(72, 72, "page")
    canvas.save()


def test_ordinary_mode_follows_the_umask(umask_027: None) -> None:
    assert ordinary_mode() == 0o640
    assert os.umask(0o027) == 0o027  # reading it left it as it was


def test_report_pdf_follows_the_umask(umask_027: None, tmp_path: Path) -> None:
    out = write_atomically(tmp_path / "report.pdf", one_page)
    assert mode(out) == 0o640


def test_saved_copy_of_a_pdf_follows_the_umask(umask_027: None, tmp_path: Path) -> None:
    source = write_atomically(tmp_path / "preview.pdf", one_page)
    os.chmod(source, 0o600)  # the preview's own file may be private; the user's copy is not
    target = save_copy(source, tmp_path / "copy")
    assert target.name == "copy.pdf" and mode(target) == 0o640
    assert target.read_bytes() == source.read_bytes()


def test_spreadsheet_export_follows_the_umask(umask_027: None, tmp_path: Path) -> None:
    out = tmp_path / "table.xlsx"
    with atomic_xlsx(out, "表") as book:
        book.table("表", ["列"], [10]).append(["值"])
    assert mode(out) == 0o640


def test_keys_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        load_or_create(tmp_path)
        ws = Workspace(tmp_path)
        try:
            create_office_key(ws)
            office_key = private_key_path(ws)
        finally:
            ws.close()
    finally:
        os.umask(old)
    assert mode(tmp_path / KEY_FILE) == 0o600
    assert mode(office_key) == 0o600


def test_backup_archive_and_restored_keys_are_private(tmp_path: Path) -> None:
    source = tmp_path / "data"
    ws = Workspace(source)
    try:
        create_office_key(ws)
    finally:
        ws.close()
    load_or_create(source)
    old = os.umask(0o022)
    try:
        archive, _manifest = create_backup(source, tmp_path / "backup.zip")
        restore_backup(archive, tmp_path / "restored")
    finally:
        os.umask(old)
    assert mode(archive) == 0o600
    keys = sorted((tmp_path / "restored" / "keys").iterdir())
    assert len(keys) == 2 and {mode(k) for k in keys} == {0o600}
    # And the restored documents keep ordinary modes: only keys/ is made private.
    assert mode(tmp_path / "restored" / "inspector.db") & 0o044 == 0o044


def test_make_keys_private_ignores_a_folder_without_keys(tmp_path: Path) -> None:
    make_keys_private(tmp_path)
    assert not (tmp_path / "keys").exists()
