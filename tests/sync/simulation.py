"""Simulated laptops for sync tests: each a Workspace in its own data folder with its own
device id and key, doing what users do through the real services, and syncing by bundles or
through a central database (`push`/`pull`).

A laptop may get its own clock (`Laptop.create(..., clock=Clock(timeline, offset))`): its wall
clock runs `offset` away from the simulated true time, and it has its own hybrid logical clock
(inspector.db.hlc keeps one per process, and here one process hosts every laptop). Everything a
laptop with a clock does then goes through its methods, which run on that clock.
`Laptop.collect`/`Laptop.apply` give the engine-level view without bundles.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image

from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.core.hazard_lifecycle import HazardAction
from inspector.db import hlc
from inspector.services.hazards import HazardSource, NewHazard
from inspector.sync.engine import ApplyReport, ChangeSet, apply_changes, canonical_dump, collect_changes
from inspector.workspace import Workspace

DAY = date(2026, 4, 1)
T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)


def credit_code(n: int) -> str:
    return with_check_digit(f"91330482MA{n:07d}"[:17])


def jpeg(seed: int) -> bytes:
    image = Image.new("RGB", (32, 24), ((seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


@dataclass
class Timeline:
    """The simulated true time every laptop's clock is offset from."""

    now: datetime = T0

    def tick(self, minutes: float = 1) -> None:
        self.now += timedelta(minutes=minutes)


@dataclass
class Clock:
    """A laptop's clocks: its wall clock, `offset` from the true time, and its own HLC state."""

    timeline: Timeline
    offset: timedelta = timedelta(0)
    last: int = 0  # this laptop's inspector.db.hlc state while another laptop runs

    def now(self) -> datetime:
        return self.timeline.now + self.offset

    @contextmanager
    def running(self) -> Iterator[None]:
        saved = hlc._last, hlc._wall
        hlc._last = self.last
        hlc._wall = lambda: hlc.from_ms(int(self.now().timestamp() * 1000))
        try:
            yield
        finally:
            self.last = hlc._last
            hlc._last, hlc._wall = saved


@dataclass
class Laptop:
    name: str
    ws: Workspace
    enterprises: list[str] = field(default_factory=list)
    inspections: list[str] = field(default_factory=list)
    hazards: list[str] = field(default_factory=list)
    bundles: int = 0
    clock: Clock | None = None

    @classmethod
    def create(cls, root: Path, name: str, clock: Clock | None = None) -> Laptop:
        with clock.running() if clock else nullcontext():
            ws = Workspace(root / name)
        return cls(name, ws, clock=clock)

    def running(self) -> AbstractContextManager[None]:
        """Run on this laptop's clocks (nothing to do for a laptop on the process's clock)."""
        return self.clock.running() if self.clock else nullcontext()

    def now(self, minutes: float = 0) -> datetime:
        """This laptop's wall clock; without a clock of its own, T0 plus `minutes`."""
        return self.clock.now() if self.clock else T0 + timedelta(minutes=minutes)

    # -- sync ------------------------------------------------------------------------------------
    def send_to(self, other: Laptop, root: Path, everything: bool = False) -> ApplyReport:
        """Export a bundle for `other` (changes since the last one) and import it there."""
        self.bundles += 1
        path = root / f"{self.name}-to-{other.name}-{self.bundles}.zip"
        with self.running():
            self.ws.sync.export(path, peer=other.name, everything=everything)
        with other.running():
            return other.ws.sync.import_(path).report

    def push(self, url: str) -> int:
        """Push to the central database; returns how many rows the merge there changed."""
        with self.running():
            return _changed(self.ws.central.push(url))

    def pull(self, url: str) -> int:
        """Pull from the central database; returns how many rows the merge here changed."""
        with self.running():
            changed = _changed(self.ws.central.pull(url))
        self.refresh_ids()
        return changed

    def collect(self, since: int = 0) -> ChangeSet:
        with self.running(), self.ws.db.transaction() as session:
            return collect_changes(session, since, self.ws.db.device_id)

    def apply(self, changes: ChangeSet) -> ApplyReport:
        with self.running(), self.ws.db.transaction() as session:
            return apply_changes(session, changes, self.ws.settings.timezone, DAY)

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        with self.ws.db.reading() as session:
            return canonical_dump(session)

    # -- what users do ---------------------------------------------------------------------------
    def refresh_ids(self) -> None:
        """Pick up records other laptops sent (merged records keep the smaller id)."""
        with self.ws.db.reading() as session:
            from sqlalchemy import select

            from inspector.db.models import EnterpriseRow, HazardRow, InspectionRow

            self.enterprises = sorted(i.hex for i in session.scalars(select(EnterpriseRow.id)))
            self.inspections = sorted(i.hex for i in session.scalars(select(InspectionRow.id)))
            self.hazards = sorted(i.hex for i in session.scalars(select(HazardRow.id)))

    def add_enterprise(self, n: int, name: str = "") -> str:
        existing = self.ws.enterprises.by_credit_code(credit_code(n))
        if existing is not None:
            return existing.id or ""
        with self.running():
            eid = self.ws.enterprises.add(Enterprise(name or f"平湖测试企业{n}号", credit_code(n), "当湖街道"))
        self.enterprises.append(eid)
        return eid

    def rename_enterprise(self, index: int, suffix: str) -> None:
        if not self.enterprises:
            return
        e = self.ws.enterprises.get(self.enterprises[index % len(self.enterprises)])
        with self.running():
            self.ws.enterprises.update(Enterprise(**{**e.__dict__, "address": f"新地址{suffix}"}))

    def edit_enterprise(self, index: int, field: str, value: str) -> FieldEdit | None:
        """Change one field of an enterprise through the service, as the enterprise dialog does."""
        if not self.enterprises:
            return None
        e = self.ws.enterprises.get(self.enterprises[index % len(self.enterprises)])
        with self.running():
            self.ws.enterprises.update(Enterprise(**{**e.__dict__, field: value}))
        return FieldEdit(self.name, e.credit_code, field, value, getattr(e, field))

    def inspectors(self) -> list[str]:
        active = self.ws.roster.active()
        if len(active) < 2:
            with self.running():
                self.ws.roster.add(f"{self.name}检查员甲")
                self.ws.roster.add(f"{self.name}检查员乙")
            active = self.ws.roster.active()
        return [i.id for i in active[:2]]

    def start_inspection(self, index: int) -> str | None:
        if not self.enterprises:
            return None
        eid = self.enterprises[index % len(self.enterprises)]
        inspectors = self.inspectors()
        with self.running():
            iid = self.ws.inspections.start(eid, self.ws.default_template_id(), DAY, inspectors)
        self.inspections.append(iid)
        return iid

    def answer(self, index: int, item: int, result: Result) -> None:
        if not self.inspections:
            return
        iid = self.inspections[index % len(self.inspections)]
        template = self.ws.inspections.template_of(iid)
        codes = [i.code for s in template.sections for i in s.items]
        with self.running(), suppress(DomainError):  # a finalized inspection refuses: a user's refusal too
            self.ws.inspections.answer(iid, codes[item % len(codes)], result)

    def raise_hazard(self, index: int, seed: int) -> str | None:
        if not self.enterprises:
            return None
        eid = self.enterprises[index % len(self.enterprises)]
        with self.running():
            photo = self.ws.photos.import_bytes(jpeg(seed), f"p{seed}.jpg")
            hid = self.ws.hazards.raise_hazard(
                NewHazard(
                    enterprise_id=eid,
                    description=f"消防通道堵塞{seed}",
                    found_on=DAY,
                    found_by="张三",
                    deadline=DAY + timedelta(days=7),
                    source=HazardSource.WORKER_REPORT,
                ),
                [photo],
                at=self.now(),
            )
        self.hazards.append(hid)
        return hid

    def act(self, index: int, action: HazardAction, minutes: int) -> Accepted | None:
        """Take `action` on a hazard; None if the lifecycle refused it (nothing changed)."""
        if not self.hazards:
            return None
        hid = self.hazards[index % len(self.hazards)]
        before = self.ws.hazards.get(hid)
        at = self.now(minutes)
        deadline = None
        if action in (HazardAction.FAIL_RECHECK, HazardAction.ADOPT_PLAN):
            deadline = at.date() + timedelta(days=10)
        elif action is HazardAction.REQUEST_EXTENSION:
            deadline = before.deadline + timedelta(days=14)
        with self.running():
            photos = [self.ws.photos.import_bytes(jpeg(1000 + minutes), "after.jpg")]
            try:
                self.ws.hazards.act(hid, action, "李四", "处理", photos, deadline, at=at, detail=MAJOR_DETAIL)
            except DomainError:
                return None
        after = self.ws.hazards.get(hid)
        seen = tuple(e.id for e in before.events)
        return Accepted(self.name, hid, after.events[-1].id, action, after.status.value, seen)

    def allowed(self, index: int) -> list[HazardAction]:
        """What the lifecycle allows now on the hazard `act(index, …)` would take."""
        if not self.hazards:
            return []
        return self.ws.hazards.allowed_actions(self.hazards[index % len(self.hazards)])


# What every major-hazard step may name (the service keeps what a step uses): the steps of the
# track travel and merge like the others.
MAJOR_DETAIL = {
    "clause": "MEM10-11-3",
    "authority": "平湖市应急管理局",
    "goal": "加装泄爆装置",
    "method": "委托安装",
    "funds": "企业自筹",
    "responsible": "设备部",
    "interim": "停用除尘系统",
}


@dataclass(frozen=True)
class Accepted:
    """A step a laptop's lifecycle accepted: what must survive every merge."""

    laptop: str
    hazard: str
    event: str
    action: HazardAction
    status: str  # the status its author saw it go to
    seen: tuple[str, ...]  # the events of the hazard its author had, in their order


def older_bundle(
    laptop: Laptop, root: Path, version: int, dropped: dict[str, tuple[str, ...]]
) -> tuple[Path, dict[str, list[dict[str, Any]]]]:
    """Everything on `laptop` as a program writing bundle format `version` would have sent it:
    the `dropped` columns of each table left out (a table with none named is left out whole), the
    manifest signed again with the laptop's key. Returns the bundle and the rows of the tables
    rewritten."""
    new = root / f"{laptop.name}-current.zip"
    laptop.ws.sync.export(new, everything=True)
    with zipfile.ZipFile(new) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig")
    rows: dict[str, list[dict[str, Any]]] = {}
    for table, columns in dropped.items():
        name = f"records/{table}.jsonl"
        if not columns:
            members.pop(name, None)
            continue
        rows[table] = [json.loads(line) for line in members[name].decode().splitlines()]
        for row in rows[table]:
            for column in columns:
                del row[column]
        members[name] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[table]).encode()
    manifest["version"] = version
    manifest["members"] = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    raw = json.dumps(manifest).encode()
    old = root / f"{laptop.name}-v{version}.zip"
    with zipfile.ZipFile(old, "w") as archive:
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", base64.b64encode(laptop.ws.sync.key.sign(raw)))
        for name, data in members.items():
            archive.writestr(name, data)
    return old, rows


@dataclass(frozen=True)
class FieldEdit:
    """An edit of one enterprise field a laptop accepted: it must end as the value, as the value
    a later edit replaced knowingly, or as a conflict's losing value (issue 13, item 4)."""

    laptop: str
    credit_code: str
    field: str
    value: str
    replaced: str  # the value its author saw before


def converge(laptops: list[Laptop], root: Path) -> None:
    """Everyone sends to everyone, twice: afterwards all must hold the same data."""
    for _ in range(2):
        for a in laptops:
            for b in laptops:
                if a is not b:
                    a.send_to(b, root)


def settle(laptops: list[Laptop], root: Path, most: int = 8) -> int:
    """Everyone sends to everyone until a whole round changes nothing anywhere (rows a merge
    derives, such as lights and merged duplicates, travel on); returns the number of rounds."""
    for rounds in range(1, most + 1):
        if not sum(a.send_to(b, root).changed for a in laptops for b in laptops if a is not b):
            return rounds
    raise AssertionError(f"bundles still change data after {most} rounds")


def settle_central(laptops: list[Laptop], url: str, most: int = 8) -> int:
    """Everyone pushes, then everyone pulls, until a whole round changes nothing anywhere."""
    for rounds in range(1, most + 1):
        if not sum(laptop.push(url) for laptop in laptops) + sum(laptop.pull(url) for laptop in laptops):
            return rounds
    raise AssertionError(f"push and pull still change data after {most} rounds")


def _changed(summary: Any) -> int:
    return (
        sum(summary.inserted.values())
        + sum(summary.updated.values())
        + sum(summary.deleted.values())
        + sum(summary.merged.values())
    )


def trust_all(laptops: list[Laptop]) -> None:
    for a in laptops:
        for b in laptops:
            if a is not b:
                identity = b.ws.sync.identity()
                with a.running():
                    a.ws.sync.trust(identity, b.name)
