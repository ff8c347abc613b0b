"""Property: three laptops making random edits through the real services and syncing by
bundles in random orders end identical once everyone has sent to everyone."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.core.checklist import Result
from inspector.core.hazard_lifecycle import HazardAction

from .simulation import Laptop, converge, trust_all

ACTIONS = [HazardAction.FIX_ON_SITE, HazardAction.VOID, HazardAction.ISSUE_NOTICE, HazardAction.CLOSE]
step = st.one_of(
    st.tuples(st.just("enterprise"), st.integers(0, 2), st.integers(0, 4)),
    st.tuples(st.just("rename"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("inspect"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("answer"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("hazard"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("act"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
)


def run(laptop: Laptop, kind: str, n: int, root: Path, others: list[Laptop], counter: list[int]) -> None:
    counter[0] += 1
    if kind == "enterprise":
        laptop.add_enterprise(n)
    elif kind == "rename":
        laptop.rename_enterprise(n, str(counter[0]))
    elif kind == "inspect":
        laptop.start_inspection(n)
    elif kind == "answer":
        laptop.answer(n, n * 3 + counter[0], list(Result)[n % 4])
    elif kind == "hazard":
        laptop.raise_hazard(n, counter[0])
    elif kind == "act":
        laptop.act(n, ACTIONS[n % len(ACTIONS)], counter[0])
    elif kind == "sync":
        other = others[n % len(others)]
        if other is not laptop:
            laptop.send_to(other, root)
            other.refresh_ids()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=3, max_size=12))
def test_random_edits_and_syncs_converge(steps: list[tuple[str, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        laptops = [Laptop.create(root, name) for name in ("a", "b", "c")]
        try:
            trust_all(laptops)
            counter = [0]
            for kind, who, n in steps:
                run(laptops[who], kind, n, root, laptops, counter)
            converge(laptops, root)
            dumps = [laptop.dump() for laptop in laptops]
            assert dumps[0] == dumps[1] == dumps[2]
        finally:
            for laptop in laptops:
                laptop.ws.close()
