"""A hazard's merged history: its events in causal order, the state replayed from them and the
fields the hazard row mirrors. Every copy computes the same from the same events, so laptops
that exchanged everything agree (inspector/sync/engine.py, rule 5 of docs/sync.md).

Order. Events are ordered by `inspector.core.causal_history.causal_order` (each event follows
the event its writer saw last), the `record` event first. The wall-clock time `at` is what
people see and is never used to order: a laptop whose clock runs ahead cannot move its step
before one that was taken after seeing it.

Concurrent steps. Two laptops acting offline on the same hazard (one fixes it on site, the
other voids it) leave two events following the same one: two branches. Both stay in the
history, in full. The branches are replayed one after the other, the one begun first (smaller
`(stamp, device, id)`) first; a step the lifecycle refuses because the other branch came first
is taken as recorded: the hazard goes to the status its author saw it go to, with the deadline
it set. So the hazard ends in the outcome of the branch begun last, as the last writer wins for
rows, and any later step (which follows one of them) is applied after both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from . import hazard_lifecycle as lifecycle
from .causal_history import causal_order
from .checklist import Severity
from .dates import today
from .hazard_lifecycle import HazardAction, HazardEvent, HazardState, HazardStatus
from .major_hazard import MajorStanding


def event_from_row(row: Any, photos: Iterable[str] = ()) -> HazardEvent:
    """A stored event (anything with the columns of `hazard_events`, ids as UUIDs) as a core event."""
    return HazardEvent(
        HazardAction(row.action),
        row.at,
        row.by,
        HazardStatus(row.from_status) if row.from_status else None,
        HazardStatus(row.to_status),
        row.note or "",
        tuple(photos),
        row.new_deadline,
        detail=dict(getattr(row, "detail", None) or {}),
        id=row.id.hex,
        follows=row.follows.hex if row.follows else None,
        stamp=row.stamp,
        device=row.device_id,
    )


def ordered(events: Sequence[HazardEvent]) -> list[HazardEvent]:
    """The events in causal order, the `record` event first."""
    return causal_order(events, lead=lambda event: event.action is HazardAction.RECORD)


def replay_merged(initial_deadline: date, events: Sequence[HazardEvent]) -> HazardState:
    """The state after `events`, given in causal order (`ordered`); the state keeps the events
    as given (with their ids). A step the lifecycle refuses is taken as recorded (see above)."""
    try:
        state = lifecycle.replay(initial_deadline, events)
        return replace(state, events=tuple(events))
    except lifecycle.TransitionRefused:
        if not events:
            raise
    first = events[0]
    state = lifecycle.record(initial_deadline, first.at, first.by, first.note, first.photos, first.detail)
    state = replace(state, events=(first,))
    for event in events[1:]:
        try:
            after = lifecycle.apply(
                state, event.action, event.at, event.by, event.note, event.photos, event.new_deadline, event.detail
            )
            state = replace(after, events=(*state.events, event))
        except lifecycle.TransitionRefused:
            state = lifecycle.taken_as_recorded(state, event)
    return state


def merged_state(initial_deadline: date, events: Sequence[HazardEvent]) -> HazardState:
    """Order the events causally and replay them."""
    return replay_merged(initial_deadline, ordered(events))


@dataclass(frozen=True)
class Mirrored:
    """What the hazard row mirrors of its history, so lists and statistics need no replay.
    A date is None when no event sets it (the row then keeps the one it has). `severity` is
    major while the major-hazard track says so (suspected, referred or confirmed);
    `major_clause` is the citation of the case it was suspected of, as printed."""

    status: HazardStatus
    deadline: date
    rectified_on: date | None
    closed_on: date | None
    severity: Severity
    major_status: MajorStanding
    major_clause: str


def mirrored(state: HazardState, timezone: str) -> Mirrored:
    """Status and deadline of the replayed state; the first day it was rectified and the last
    day it was closed, in the office's time zone, from the events' own times."""
    rectified_on = closed_on = None
    for event in state.events[1:]:
        day = today(timezone, event.at)
        if lifecycle.is_rectified(event.to_status) and rectified_on is None:
            rectified_on = day
        if event.to_status is HazardStatus.CLOSED:
            closed_on = day
    track = state.major
    severity = Severity.MAJOR if track.is_major else Severity.GENERAL
    return Mirrored(state.status, state.deadline, rectified_on, closed_on, severity, track.standing, track.citation)
