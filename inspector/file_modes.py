"""File permissions for what the program writes.

Documents and exports are ordinary files: readable as the user's umask allows, like any file a
program saves (tempfile.mkstemp makes them 0600, so they are set before the final rename). Private
keys, and backup archives (which carry them), are the owner's only: 0600 after every write.
"""

from __future__ import annotations

import os
import threading
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


def make_private(path: str | os.PathLike[str]) -> None:
    os.chmod(path, PRIVATE)


def make_keys_private(data_dir: Path) -> None:
    """Every file under the data folder's keys/ becomes 0600 (after a restore put them there)."""
    keys = data_dir / KEYS_DIR
    if keys.is_dir():
        for path in keys.rglob("*"):
            if path.is_file():
                make_private(path)
