"""File permissions for what the program writes.

Documents and exports are ordinary files: readable as the user's umask allows, like any file a
program saves (tempfile.mkstemp makes them 0600, so they are set before the final rename). Private
keys, and backup archives (which carry them), are the owner's only: 0600 after every write.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE = 0o600
KEYS_DIR = "keys"  # inside a data folder: the device key and the office signing keys

_umask_lock = threading.Lock()


def ordinary_mode() -> int:
    """0o666 less the process umask: the mode open() would have given a new file."""
    with _umask_lock:  # reading the umask means setting it; hold it only for that instant
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def make_ordinary(path: str | os.PathLike[str]) -> None:
    os.chmod(path, ordinary_mode())


@contextmanager
def replacing(target: Path, suffix: str = ".part") -> Iterator[Path]:
    """A temporary file beside `target` for the caller to write. When the block ends normally it
    gets an ordinary file's mode and replaces `target` in one rename, so a failure or a crash
    never leaves half a file under the real name (nor spoils a good one); on any error it is
    removed. Raises OSError when the folder takes no new file."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        make_ordinary(temporary)  # mkstemp made it 0600; what the program saves is an ordinary file
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)  # gone already after the rename


def make_private(path: str | os.PathLike[str]) -> None:
    os.chmod(path, PRIVATE)


def make_keys_private(data_dir: Path) -> None:
    """Every file under the data folder's keys/ becomes 0600 (after a restore put them there)."""
    keys = data_dir / KEYS_DIR
    if keys.is_dir():
        for path in keys.rglob("*"):
            if path.is_file():
                make_private(path)
