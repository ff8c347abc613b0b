"""The order of an append-only history that several laptops extend offline (hazard events,
amendments), merged by union. Causality decides it, never a wall clock.

Every entry carries:
- `follows`: the id of the entry its writer saw last, i.e. the last entry of the writer's own
  order at the time (None for a history's first entry, and for entries written before
  histories were linked: they start a branch of their own);
- `stamp`: the hybrid-logical-clock value of its creation (inspector/db/hlc.py), never changed;
- `device`: the device that wrote it.

The order is a depth-first walk of the `follows` tree: each entry comes after the entry it
follows, with everything that followed it, before the next branch. Branches (entries following
the same one, so made without seeing each other) are walked in `(stamp, device, id)` order, so
the branch begun last comes last, like the last writer winning for rows (docs/sync.md).

Why this is safe whatever the clocks say:
- an entry comes after every entry its writer had seen: the writer followed the last entry of
  its own order, and adding entries never reorders the entries already there (the place of an
  entry depends only on its ancestors and their stamps);
- the same set of entries gives the same order on every copy, whatever arrived when;
- an entry whose predecessor has not arrived (a bundle still on its way) waits at the top level
  among the branches and moves under its predecessor once that arrives. Entries whose `follows`
  form a cycle (damaged data only) are placed as roots, smallest `(stamp, device, id)` first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar


class Linked(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def follows(self) -> str | None: ...

    @property
    def stamp(self) -> int: ...

    @property
    def device(self) -> str: ...


L = TypeVar("L", bound=Linked)


def branch_key(entry: Linked) -> tuple[int, str, str]:
    """The order of concurrent branches: by creation stamp, then device, then id."""
    return (entry.stamp, entry.device, entry.id)


def causal_order(entries: Iterable[L], lead: Callable[[L], bool] | None = None) -> list[L]:
    """The entries in causal order (see the module docstring). `lead`: top-level entries for
    which it is true come before the other top-level branches (a hazard's `record` event)."""
    by_id: dict[str, L] = {}
    for entry in entries:
        by_id.setdefault(entry.id, entry)
    children: dict[str, list[L]] = {}
    roots: list[L] = []
    for entry in by_id.values():
        parent = entry.follows
        if parent is not None and parent != entry.id and parent in by_id:
            children.setdefault(parent, []).append(entry)
        else:
            roots.append(entry)
    order: list[L] = []
    placed: set[str] = set()

    def walk(start: list[L]) -> None:
        stack = list(reversed(start))
        while stack:
            entry = stack.pop()
            if entry.id in placed:
                continue
            placed.add(entry.id)
            order.append(entry)
            stack.extend(sorted(children.get(entry.id, ()), key=branch_key, reverse=True))

    if lead is None:
        walk(sorted(roots, key=branch_key))
    else:
        walk(sorted(roots, key=lambda e: (not lead(e), branch_key(e))))
    while len(order) < len(by_id):  # a cycle of `follows`: unreachable from any root
        walk([min((e for e in by_id.values() if e.id not in placed), key=branch_key)])
    return order


def latest(entries: Iterable[L]) -> L | None:
    """The last entry in causal order: what a new entry follows."""
    order = causal_order(entries)
    return order[-1] if order else None
