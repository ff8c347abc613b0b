"""installer/icu_data.py: which ICU items stay, the common-data package read and written back
byte for byte, and a data library linked with GNU as/ld read back through its symbol."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))  # a folder of build files, not a package

from icu_data import (  # noqa: E402
    join_package,
    keep_item,
    link_data_library,
    read_data_symbol,
    split_package,
    trim_library,
)


def test_chinese_english_root_and_locale_free_items_stay() -> None:
    for kept in (
        "icudt73l/root.res",
        "icudt73l/zh_Hans_CN.res",
        "icudt73l/coll/zh.res",
        "icudt73l/en_GB.res",
        "icudt73l/pool.res",
        "icudt73l/res_index.res",
        "icudt73l/supplementalData.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/uprops.icu",
        "icudt73l/nfkc.nrm",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/brkitr/line.brk",
        "icudt73l/gb18030.cnv",
        "icudt73l/ibm-1386_P100-2001.cnv",
    ):
        assert keep_item(kept), kept
    for dropped in (
        "icudt73l/fr.res",
        "icudt73l/coll/de_AT.res",
        "icudt73l/curr/ja.res",
        "icudt73l/ibm-943_P15A-2003.cnv",
        "icudt73l/brkitr/thaidict.dict",
    ):
        assert not keep_item(dropped), dropped


def _package(items: list[tuple[str, bytes]]) -> bytes:
    """A little-endian CmnD package as ICU's tools write it (header of 32 bytes)."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\x01\0\0\0", b"\x03\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += b"\0" * (32 - len(header))
    return join_package(header, items)


def test_a_package_splits_into_its_items_and_joins_back_byte_for_byte() -> None:
    items = [("pkg/a.res", b"A" * 20), ("pkg/b/c.icu", b"BC" * 9), ("pkg/z.cnv", b"Z")]
    data = _package(items)
    header, back = split_package(data)
    assert len(header) == 32
    assert [(name, item.rstrip(b"\xaa")) for name, item in back] == items
    assert join_package(header, back) == data
    with pytest.raises(ValueError):
        split_package(b"\x20\0\0\0" + data[4:])


@pytest.mark.skipif(not (shutil.which("as") and shutil.which("ld")), reason="needs GNU binutils")
def test_a_linked_data_library_is_read_back_and_trimmed(tmp_path: Path) -> None:
    def run(command: list[str]) -> None:
        subprocess.run(command, check=True)

    items = [("icudt99l/fr.res", b"F" * 4000), ("icudt99l/root.res", b"R" * 64), ("icudt99l/zh.res", b"Z" * 32)]
    library = tmp_path / "libicudata.so.99"
    link_data_library("icudt99_dat", _package(items), library, run)
    symbol, data = read_data_symbol(library)
    assert symbol == "icudt99_dat" and data == _package(items)
    assert trim_library(library, run) > 3000
    _, kept = read_data_symbol(library)
    assert [name for name, _ in split_package(kept)[1]] == ["icudt99l/root.res", "icudt99l/zh.res"]
    soname = subprocess.run(["readelf", "-d", library], capture_output=True, text=True, check=True).stdout
    assert "[libicudata.so.99]" in soname
