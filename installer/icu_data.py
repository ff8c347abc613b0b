"""Trim ICU's data library (libicudata, 32 MB in Qt's wheel) to what Inspector can use.

Qt links ICU and ICU links its data, one big table (`icudt<N>_dat`) compiled into
libicudata.so. That table is an ICU "common data" package: a table of contents naming every
item (locale data such as coll/fr.res, converters such as ibm-943_P15A-2003.cnv, break
dictionaries…), then the items. This module reads the table out of the library, keeps the
items of the root locale, English and Chinese and every item that belongs to no locale
(character properties, normalisation, the root collation, break rules), and links a new
libicudata.so with the same soname and symbol (GNU `as` and `ld`, which PyInstaller needs
anyway). ICU looks items up by name in that table, so a missing locale's data falls back to the
root locale, as it does for any locale ICU does not know.

Only the standard library is used: build_installer.py runs before any venv exists.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

KEEP_LANGUAGES = ("root", "en", "zh")
# Items that are not a locale although their names look like one.
NOT_LOCALES = frozenset({"pool", "res_index"})
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
# Legacy character sets Chinese files may come in; every other converter goes (UTF-8/16/32,
# Latin-1 and ASCII are built into ICU's code, not data).
KEEP_CONVERTERS = ("gb18030", "ibm-1386", "windows-936", "big5", "ibm-1383", "euc-cn")
# Word-break dictionaries of languages Inspector is not written in.
DROP_DICTIONARIES = ("thaidict", "laodict", "khmerdict", "burmesedict")


def keep_item(name: str) -> bool:
    """Whether an item of the package (e.g. "icudt73l/coll/fr.res") is kept."""
    path = name.split("/", 1)[-1]
    base = path.rsplit("/", 1)[-1]
    stem, _, ext = base.rpartition(".")
    if ext == "cnv":
        return stem.lower().startswith(KEEP_CONVERTERS)
    if ext == "dict":
        return stem not in DROP_DICTIONARIES
    if ext == "res" and stem not in NOT_LOCALES and _LOCALE.match(stem):
        return stem == "root" or stem.split("_")[0] in KEEP_LANGUAGES
    return True


# --- the common-data package ---------------------------------------------------------------


def split_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of a little-endian ICU common-data package."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[header_size - 4 - 4 - 4 : header_size][:0] != b"":
        raise ValueError("not ICU common data")
    if data[12:16] != b"CmnD" or data[8] != 0:  # dataFormat, isBigEndian
        raise ValueError("not a little-endian ICU common-data package (CmnD)")
    toc = data[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return data[:header_size], items


def join_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package of `items` (kept in their sorted order: ICU searches the table by halving)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_start = _align(toc_size + len(names), 16)
    offsets, blob = [], bytearray()
    for _, item in items:
        offsets.append(data_start + len(blob))
        blob += item + b"\xaa" * (_align(len(item), 16) - len(item))  # ICU pads with 0xaa
    name_offsets, at = [], toc_size
    for name, _ in items:
        name_offsets.append(at)
        at += len(name) + 1
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, offsets, strict=True)
    )
    toc += names + b"\xaa" * (data_start - toc_size - len(names))
    return header + toc + bytes(blob)


def _align(n: int, to: int) -> int:
    return (n + to - 1) // to * to


# --- the library ---------------------------------------------------------------------------


def read_data_symbol(library: Path) -> tuple[str, bytes]:
    """(symbol name, bytes) of the `icudt<N>_dat` table in an ELF64 little-endian library."""
    elf = library.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError(f"{library} is not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _alignment, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _st_other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", elf, at)
            symbol = elf[strings + st_name : elf.index(b"\0", strings + st_name)].decode("ascii")
            if symbol.startswith("icudt") and symbol.endswith("_dat") and st_size:
                section = sections[shndx]
                start = section[4] + value - section[3]
                return symbol, elf[start : start + st_size]
    raise ValueError(f"{library} holds no icudt<N>_dat table")


def soname(library: Path) -> str:
    return re.sub(r"(\.so\.\d+).*$", r"\1", library.name)


def link_data_library(symbol: str, data: bytes, out: Path, run: Callable[[list[str]], None]) -> None:
    """A shared library exporting `symbol` = `data` (read-only), soname from `out`'s name."""
    with tempfile.TemporaryDirectory(prefix="icu-data-") as tmp:
        blob = Path(tmp) / "icudt.dat"
        blob.write_bytes(data)
        source = Path(tmp) / "icudt.s"
        source.write_text(
            "\t.section .rodata\n\t.balign 16\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.size {symbol}, {len(data)}\n"
            f'{symbol}:\n\t.incbin "{blob}"\n'
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        run(["as", "-o", str(Path(tmp) / "icudt.o"), str(source)])
        run(["ld", "-shared", "-soname", soname(out), "-o", str(out), str(Path(tmp) / "icudt.o")])


def trim_library(library: Path, run: Callable[[list[str]], None] = lambda c: subprocess.run(c, check=True)) -> int:
    """Replace `library` (libicudata.so.N) by one holding only the kept items; bytes saved."""
    before = library.stat().st_size
    symbol, data = read_data_symbol(library)
    header, items = split_package(data)
    kept = [(name, item) for name, item in items if keep_item(name)]
    trimmed = library.with_name(library.name + ".trimmed")
    link_data_library(symbol, join_package(header, kept), trimmed, run)
    trimmed.replace(library)
    return before - library.stat().st_size
