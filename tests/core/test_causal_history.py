"""The causal order of an append-only history merged from laptops whose clocks disagree."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.core.causal_history import causal_order, latest


@dataclass(frozen=True)
class Entry:
    id: str
    follows: str | None
    stamp: int
    device: str = "d"


def ids(entries: list[Entry]) -> list[str]:
    return [e.id for e in entries]


def test_a_chain_is_in_chain_order_whatever_the_stamps() -> None:
    chain = [Entry("a", None, 50), Entry("b", "a", 10), Entry("c", "b", 99), Entry("d", "c", 1)]
    for seed in range(5):
        shuffled = chain[:]
        random.Random(seed).shuffle(shuffled)
        assert ids(causal_order(shuffled)) == ["a", "b", "c", "d"]


def test_branches_come_whole_in_stamp_device_id_order() -> None:
    entries = [
        Entry("r", None, 1),
        Entry("x", "r", 20, "p"),  # begun later: its branch comes last
        Entry("x2", "x", 21, "p"),
        Entry("y", "r", 10, "q"),
        Entry("y2", "y", 90, "q"),  # after y, before the x branch although its stamp is larger
        Entry("z", "r", 20, "a"),  # same stamp as x: the device decides
    ]
    assert ids(causal_order(entries)) == ["r", "y", "y2", "z", "x", "x2"]


def test_same_stamp_and_device_falls_back_to_the_id() -> None:
    entries = [Entry("r", None, 1), Entry("k2", "r", 5), Entry("k1", "r", 5)]
    assert ids(causal_order(entries)) == ["r", "k1", "k2"]


def test_an_entry_whose_predecessor_has_not_arrived_waits_at_the_top_level() -> None:
    early = [Entry("r", None, 1), Entry("c", "b", 3)]
    assert ids(causal_order(early)) == ["r", "c"]
    assert ids(causal_order([*early, Entry("b", "r", 9)])) == ["r", "b", "c"]


def test_entries_without_follows_are_ordered_by_stamp() -> None:
    """Entries written before histories were linked (migration 0006, version-1 bundles)."""
    legacy = [Entry("late", None, 30), Entry("first", None, 10), Entry("mid", None, 20)]
    assert ids(causal_order(legacy)) == ["first", "mid", "late"]


def test_lead_puts_its_entries_first() -> None:
    entries = [Entry("fix", None, 1), Entry("record", None, 5)]
    assert ids(causal_order(entries, lead=lambda e: e.id == "record")) == ["record", "fix"]


def test_a_cycle_of_follows_still_places_every_entry_once() -> None:
    entries = [Entry("r", None, 1), Entry("a", "b", 3), Entry("b", "a", 2), Entry("s", "s", 4)]
    assert ids(causal_order(entries)) == ["r", "s", "b", "a"]  # a self-loop is a root; a cycle comes last


def test_latest_is_the_last_in_causal_order() -> None:
    assert latest([]) is None
    assert latest([Entry("r", None, 9), Entry("a", "r", 1)]) == Entry("a", "r", 1)


# -- the guarantees, for any clocks ---------------------------------------------------------------
@dataclass
class Replica:
    entries: dict[str, Entry]


steps = st.lists(
    st.one_of(
        # write on replica i with a clock reading anywhere (clocks are wrong in both directions)
        st.tuples(st.just("write"), st.integers(0, 3), st.integers(-1000, 1000)),
        st.tuples(st.just("merge"), st.integers(0, 3), st.integers(0, 3)),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(steps, st.randoms(use_true_random=False))
def test_what_a_writer_saw_comes_before_its_entry_on_every_copy(
    plan: list[tuple[str, int, int]], rng: random.Random
) -> None:
    replicas = [Replica({}) for _ in range(4)]
    seen: dict[str, set[str]] = {}
    for n, (kind, i, value) in enumerate(plan):
        if kind == "write":
            mine = replicas[i].entries
            last = latest(mine.values())
            entry = Entry(f"e{n:02d}", last.id if last else None, value, f"dev{i}")
            seen[entry.id] = set(mine)
            mine[entry.id] = entry
        else:
            replicas[value].entries.update(replicas[i].entries)
    everything = {k: v for r in replicas for k, v in r.entries.items()}
    final = ids(causal_order(everything.values()))
    position = {entry_id: n for n, entry_id in enumerate(final)}
    for entry_id, before in seen.items():
        assert all(position[b] < position[entry_id] for b in before), entry_id
    # the order does not depend on arrival, and adding entries never reorders those already there
    shuffled = list(everything.values())
    rng.shuffle(shuffled)
    assert ids(causal_order(shuffled)) == final
    for replica in replicas:
        assert ids(causal_order(replica.entries.values())) == [e for e in final if e in replica.entries]
