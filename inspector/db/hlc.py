"""Hybrid logical clock (HLC): one 64-bit integer per row version, ordered like time.

A value is `physical_ms << 16 | counter`: the wall clock in milliseconds, plus a counter that
breaks ties inside one millisecond and keeps the clock moving forward when the wall clock
stalls or goes back. After receiving changes, `observe(max_remote)` moves the clock past every
value seen, so a local edit made after an import always orders after what was imported even
when the other laptop's clock runs ahead (the HLC receive rule).

This module imports nothing from storage: the models use `next_hlc` as a column default.
The clock is per process (every database opened in the process shares it), which is fine:
all that matters is that values only go up.
"""

from __future__ import annotations

import threading
import time

COUNTER_BITS = 16

_lock = threading.Lock()
_last = 0


def _wall() -> int:
    return time.time_ns() // 1_000_000 << COUNTER_BITS


def next_hlc() -> int:
    """A fresh value, larger than every value this process has made or observed."""
    global _last
    with _lock:
        wall = _wall()
        _last = wall if wall > _last else _last + 1
        return _last


def observe(value: int) -> None:
    """Move the clock past a value received from another device."""
    global _last
    with _lock:
        if value > _last:
            _last = value


def physical_ms(value: int) -> int:
    return value >> COUNTER_BITS


def from_ms(ms: int) -> int:
    return ms << COUNTER_BITS


CLOCK_MARGIN_MS = 5000
"""How far behind ours another process's clock may stamp (all read the same wall clock)."""


def before_now() -> int:
    """A value below every stamp any process on this machine makes from now on (wall clock
    minus the margin): taken while holding the write lock, every row committed later is above it."""
    return from_ms(time.time_ns() // 1_000_000 - CLOCK_MARGIN_MS)
