"""Generate a coherent demo city as plain rows, ready for bulk insert.

Deterministic for a seed and a "today": enterprises with valid credit codes, inspectors,
inspections in every state with their answers (graded by the real engine), hazards in every
lifecycle state (driven through the real state machine, overdue ones included), plaques from
the grades and quarterly lights from the rules. The same generator feeds `inspector demo` and
the city-scale benchmark.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from inspector.core import hazard_lifecycle as lifecycle
from inspector.core.checklist import AnswerKind, Item, Result, Severity, Template
from inspector.core.credit_code import with_check_digit
from inspector.core.dates import DEFAULT_TIMEZONE, Quarter
from inspector.core.grades import Grade
from inspector.core.grading import GradeResult, grade
from inspector.core.hazard_lifecycle import HazardAction, HazardState, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.core.major_hazard_clauses import EMPTY_LIBRARY, ClauseLibrary
from inspector.core.plaque import HazardFacts, quarterly_light
from inspector.photos.photo_store import StoredPhoto
from inspector.services.hazards import event_columns
from inspector.services.photo_rows import photo_columns

from . import names
from .demo_profiles import DemoProfiles

A = HazardAction
# Share of enterprises by how well they keep safety: (fail, partial, not-applicable) chances per item.
QUALITY = (
    (0.58, (0.005, 0.03, 0.06)),
    (0.31, (0.008, 0.20, 0.06)),
    (0.09, (0.030, 0.55, 0.05)),
    (0.02, (0.100, 0.50, 0.05)),
)
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
DAY_ENDS = 17  # hour: the demo's day is over by then


@dataclass(frozen=True)
class DemoSpec:
    enterprises: int = 200
    years: int = 3
    seed: int = 2024
    today: date = field(default_factory=date.today)
    coverage: float = 0.95  # share of enterprises inspected in a full past year
    revisits: float = 0.0  # chance that an inspected enterprise gets a second inspection later that year
    hazard_factor: float = 1.0  # multiplies every item's chance of failing (so of a hazard)
    timezone: str = DEFAULT_TIMEZONE
    office_code: str = "PH"
    # The moment the demo is made (UTC): nothing is dated after it. Used when it falls on `today`
    # before 17:00 local; otherwise (a pinned past day, or later in the evening) the demo's day
    # ends at 17:00, so a seed and a day give the same city.
    now: datetime | None = None


@dataclass
class DemoRows:
    """Rows per table, in an order that satisfies the foreign keys."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        self.tables.setdefault(table, []).append(row)
        return row

    def count(self, table: str) -> int:
        return len(self.tables.get(table, []))


@dataclass
class _Hazard:
    row: dict[str, Any]
    state: HazardState
    enterprise: int


class DemoGenerator:
    def __init__(
        self,
        spec: DemoSpec,
        template: Template,
        template_source: str,
        photos: list[StoredPhoto],
        device_id: str,
        clauses: ClauseLibrary = EMPTY_LIBRARY,
    ) -> None:
        self.spec = spec
        self.template = template
        self.clauses = clauses  # to cite the case of a major hazard raised from an item
        self.source = template_source
        self.stored_photos = photos
        self.photos = [photo.sha256 for photo in photos]
        self.device = device_id
        self.rng = random.Random(spec.seed)
        self.zone = ZoneInfo(spec.timezone)
        day_end = self.local_moment(spec.today, DAY_ENDS)
        made = spec.now
        self.now = made if made is not None and self.local_moment(spec.today, 0) <= made < day_end else day_end
        self.rows = DemoRows()
        self.photo_ids: dict[str, uuid.UUID] = {}
        self.results: dict[int, list[tuple[date, GradeResult]]] = {}  # enterprise → graded inspections
        self.hazards: list[_Hazard] = []
        self.profiles = DemoProfiles(spec.seed)
        self.headcounts: dict[uuid.UUID, int] = {}

    # -- small helpers ----------------------------------------------------------------------
    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def local_moment(self, day: date, hour: float) -> datetime:
        """A time on a day in the office's zone, as UTC."""
        local = datetime.combine(day, time(int(hour), int(hour % 1 * 60)), tzinfo=self.zone)
        return local.astimezone(UTC)

    def moment(self, day: date, hour: float) -> datetime:
        """A time on a day in the office's zone, as UTC, never after `self.now`: on the demo's
        own day made before its end, the working hours are squeezed into the part already past
        (a laptop that syncs the demo must not receive steps from its future)."""
        if day == self.spec.today and self.now < self.local_moment(day, DAY_ENDS):
            start = self.local_moment(day, 0)
            return min(start + (self.now - start) * (hour / DAY_ENDS), self.now)
        return min(self.local_moment(day, hour), self.now)

    def tracked(self, stamp: datetime, /, **fields: Any) -> dict[str, Any]:
        return {"id": self.uid(), "created_at": stamp, "updated_at": stamp, "device_id": self.device, **fields}

    def person(self) -> str:
        return self.rng.choice(names.SURNAMES) + "".join(self.rng.choices(names.GIVEN, k=self.rng.choice((1, 2))))

    # -- the city -----------------------------------------------------------------------------
    def generate(self, progress: Callable[[str], None] | None = None) -> DemoRows:
        say = progress or (lambda _message: None)
        start = self.moment(date(self.spec.today.year - self.spec.years + 1, 1, 1), 8)
        self._photos(start)
        say("企业 enterprises")
        enterprises = list(self._enterprises(start))
        inspectors = self._inspectors(start)
        template_id = self.uid()
        self.rows.add(
            "templates",
            self.tracked(
                start,
                id=template_id,
                code=self.template.code,
                version=self.template.version,
                title=self.template.title,
                source=self.source,
                sha256=_sha(self.source),
            ),
        )
        say("检查与隐患 inspections and hazards")
        for year in range(self.spec.today.year - self.spec.years + 1, self.spec.today.year + 1):
            for index, (enterprise_id, quality) in enumerate(enterprises):
                day = self._inspection_day(year)
                if day is not None:
                    self._inspection(index, enterprise_id, quality, day, template_id, inspectors)
                    if self.spec.revisits and self.rng.random() < self.spec.revisits:
                        last = min(date(year, 12, 31), self.spec.today)
                        if last > day:
                            later = day + timedelta(days=self.rng.randint(1, (last - day).days))
                            self._inspection(index, enterprise_id, quality, later, template_id, inspectors)
            self._reports(year, enterprises)
        self._ensure_inspection_states(enterprises, template_id, inspectors)
        self._ensure_every_state(enterprises)
        say("亮牌与亮灯 plaques and lights")
        self._plaques(enterprises)
        self._lights(enterprises)
        say("培训 training")
        self._trainings()
        return self.rows

    def _trainings(self) -> None:
        """开工第一课 and team-leader training of every year, last so the rest of a seed's city
        stays as it was before training existed."""
        photo = self.photo_ids.get(self.photos[0]) if self.photos else None
        for year in range(self.spec.today.year - self.spec.years + 1, self.spec.today.year + 1):
            for enterprise_id, headcount in self.headcounts.items():
                for row, link in self.profiles.trainings(
                    year, enterprise_id, headcount, self.spec.today, self.tracked, self.moment, photo
                ):
                    self.rows.add("trainings", row)
                    if link is not None:
                        self.rows.add("training_photos", link)

    def _photos(self, at: datetime) -> None:
        for photo in self.stored_photos:
            row = self.rows.add(
                "photos",
                self.tracked(at, **photo_columns(photo)),
            )
            self.photo_ids[photo.sha256] = row["id"]

    def _enterprises(self, at: datetime) -> Iterator[tuple[uuid.UUID, tuple[float, float, float]]]:
        used_names: set[str] = set()
        used_codes: set[str] = set()
        towns = list(names.TOWNS)
        industries = list(names.INDUSTRIES)
        for _ in range(self.spec.enterprises):
            industry = self.rng.choice(industries)
            while True:
                name = (
                    self.rng.choice(names.PREFIXES)
                    + self.rng.choice(names.TRADE_NAMES)
                    + self.rng.choice(names.TRADE_NAMES)[0]
                    + self.rng.choice(names.INDUSTRIES[industry])
                    + self.rng.choice(names.COMPANY_FORMS)
                )
                if name not in used_names:
                    break
            used_names.add(name)
            while (code := self._credit_code()) in used_codes:
                pass
            used_codes.add(code)
            town = self.rng.choice(towns)
            street = self.rng.choice(names.TOWNS[town])
            weights = [share for share, _ in QUALITY]
            quality = self.rng.choices([q for _, q in QUALITY], weights)[0]
            size = self.rng.choices(["large", "medium", "small", "micro"], [2, 10, 60, 28])[0]
            profile = self.profiles.enterprise_fields(industry, size)
            row = self.rows.add(
                "enterprises",
                self.tracked(
                    at,
                    name=name,
                    credit_code=code,
                    town=town,
                    address=f"浙江省{names.CITY}{town}{street}{self.rng.randint(1, 1999)}号",
                    industry=industry,
                    size=size,
                    contact_person=self.person(),
                    contact_phone=f"1{self.rng.choice('3589')}{self.rng.randint(0, 999999999):09d}",
                    **profile,
                ),
            )
            self.headcounts[row["id"]] = profile["headcount"]
            yield row["id"], quality

    def _credit_code(self) -> str:
        org = "".join(self.rng.choices("0123456789", k=2)) + "".join(self.rng.choices(_ORG_ALPHABET, k=6))
        # The embedded organisation code carries its own GB 11714 check character.
        check = 11 - sum(_ORG_ALPHABET.index(c) * w for c, w in zip(org, _ORG_WEIGHTS, strict=True)) % 11
        org += {10: "X", 11: "0"}.get(check, str(check))
        return with_check_digit("91" + names.DIVISION_CODE + org)

    def _inspectors(self, at: datetime) -> list[tuple[uuid.UUID, str]]:
        count = max(6, self.spec.enterprises // 40)
        roster = []
        for number in range(1, count + 1):
            name = self.person()
            row = self.rows.add(
                "inspectors",
                self.tracked(at, name=name, staff_no=f"JC{number:03d}", office="平湖市总工会", active=True),
            )
            roster.append((row["id"], name))
        return roster

    def _inspection_day(self, year: int) -> date | None:
        today = self.spec.today
        if year < today.year:
            if self.rng.random() > self.spec.coverage:
                return None
            return date(year, 1, 1) + timedelta(days=self.rng.randrange(365 if year % 4 else 366))
        elapsed = (today - date(year, 1, 1)).days + 1
        if self.rng.random() > self.spec.coverage * elapsed / 365:
            return None
        return date(year, 1, 1) + timedelta(days=self.rng.randrange(elapsed))

    def _inspection(
        self,
        enterprise: int,
        enterprise_id: uuid.UUID,
        quality: tuple[float, float, float],
        day: date,
        template_id: uuid.UUID,
        inspectors: list[tuple[uuid.UUID, str]],
    ) -> None:
        age = (self.spec.today - day).days
        status = InspectionStatus.FINALIZED
        if age <= 2:
            status = InspectionStatus.DRAFT
        elif age <= 10:
            status = InspectionStatus.COMPLETED
        pair = self.rng.sample(inspectors, 2)
        at = self.moment(day, 9 + self.rng.random() * 6)
        answers = self._answers(quality)
        if status is InspectionStatus.DRAFT:
            keep = self.rng.randrange(1, len(self.template.items))
            answers = {item.code: answers[item.code] for item in self.template.items[:keep]}
        result = grade(self.template, answers) if status is not InspectionStatus.DRAFT else None
        done = at + timedelta(hours=2)
        row = self.rows.add(
            "inspections",
            self.tracked(
                at,
                enterprise_id=enterprise_id,
                template_id=template_id,
                inspection_date=day,
                status=status.value,
                score=result.score if result else None,
                grade=result.grade.value if result else None,
                grade_summary=result.summary if result else "",
                completed_at=done if result else None,
                finalized_at=done + timedelta(minutes=20) if status is InspectionStatus.FINALIZED else None,
            ),
        )
        row["updated_at"] = min(done, self.now)
        for position, (inspector_id, _name) in enumerate(pair):
            self.rows.add(
                "inspection_inspectors",
                self.tracked(at, inspection_id=row["id"], inspector_id=inspector_id, position=position),
            )
        for code, answer in answers.items():
            self.rows.add(
                "answers",
                self.tracked(
                    at,
                    inspection_id=row["id"],
                    item_code=code,
                    result=answer.value,
                    note="" if answer is Result.PASS else "现场检查发现问题",
                ),
            )
        if result is not None:
            self.results.setdefault(enterprise, []).append((day, result))
        for item in self.template.items:
            if answers.get(item.code) is Result.FAIL:
                self._hazard(enterprise, enterprise_id, day, pair[0][1], item=item, inspection_id=row["id"])

    def _answers(self, quality: tuple[float, float, float]) -> dict[str, Result]:
        fail, partial, not_applicable = quality
        fail *= self.spec.hazard_factor
        answers: dict[str, Result] = {}
        for item in self.template.items:
            roll = self.rng.random()
            # Veto and key items fail less often than others: a locked exit is rare.
            item_fail = fail / 6 if item.veto else fail / 3 if item.key else fail
            if roll < item_fail:
                answer = Result.FAIL
            elif roll < item_fail + partial and item.answer_kind is AnswerKind.GRADED:
                answer = Result.PARTIAL
            elif roll > 1 - not_applicable and item.allow_na:
                answer = Result.NOT_APPLICABLE
            else:
                answer = Result.PASS
            answers[item.code] = answer
        return answers

    def _reports(self, year: int, enterprises: list[tuple[uuid.UUID, tuple[float, float, float]]]) -> None:
        """Workers' photo reports (随手拍) and enterprise self-checks, outside inspections."""
        for index, (enterprise_id, _quality) in enumerate(enterprises):
            if self.rng.random() < 0.02:
                day = self._inspection_day(year)
                if day is not None:
                    source = self.rng.choice(("worker_report", "self_check"))
                    texts = names.WORKER_REPORT_TEXTS if source == "worker_report" else names.SELF_CHECK_TEXTS
                    self._hazard(
                        index,
                        enterprise_id,
                        day,
                        "职工" if source == "worker_report" else "企业安全员",
                        source=source,
                        text=self.rng.choice(texts),
                    )

    # -- hazards ------------------------------------------------------------------------------
    def _hazard(
        self,
        enterprise: int,
        enterprise_id: uuid.UUID,
        day: date,
        found_by: str,
        *,
        item: Item | None = None,
        inspection_id: uuid.UUID | None = None,
        source: str = "inspection",
        text: str = "",
        script: list[HazardAction] | None = None,
    ) -> None:
        days = item.deadline_days if item else self.template.deadlines.general
        deadline = day + timedelta(days=days)
        found_at = self.moment(day, 10 + self.rng.random() * 5)
        before = [self.rng.choice(self.photos)] if self.photos and self.rng.random() < 0.7 else []
        state = lifecycle.record(deadline, found_at, found_by, "现场发现", before)
        if script is None:
            state = self._progress(state, found_at, days == 0)
        else:
            state = self._scripted(state, found_at, script)
        severity = item.hazard_severity if item else Severity.GENERAL
        row = self.tracked(
            found_at,
            enterprise_id=enterprise_id,
            inspection_id=inspection_id,
            item_code=item.code if item else None,
            source=source,
            found_on=day,
            found_by=found_by,
            location_type=(item.location_type.value if item else "workshop"),
            location=self.rng.choice(names.LOCATIONS),
            category=(item.category.value if item else "other"),
            description=(f"不符合：{item.text}" if item else text),
            legal_basis=item.legal_basis if item else "",
            severity=severity.value,
            # The inspector picks the one case the hazard meets, of those the item checks.
            major_clause=(
                self.clauses.citations([self.rng.choice(item.clauses)])
                if item and item.clauses and severity is Severity.MAJOR
                else ""
            ),
            measures=(f"按要求整改：{item.text}" if item else f"立即整改：{text}"),
            responsible_person=self.person(),
            initial_deadline=deadline,
            status=state.status.value,
            deadline=state.deadline,
            rectified_on=None,
            closed_on=None,
        )
        for event in state.events:
            local_day = event.at.astimezone(self.zone).date()
            if event.to_status in lifecycle.RECTIFIED and row["rectified_on"] is None:
                row["rectified_on"] = local_day
            if event.to_status is HazardStatus.CLOSED:
                row["closed_on"] = local_day
        row["updated_at"] = state.events[-1].at
        self.rows.add("hazards", row)
        follows = None  # each event follows the one before it (stamps: the insert's clock)
        for seq, event in enumerate(state.events, start=1):
            event_row = self.rows.add(
                "hazard_events",
                self.tracked(event.at, hazard_id=row["id"], seq=seq, follows=follows, **event_columns(event)),
            )
            follows = event_row["id"]
            for position, sha in enumerate(event.photos):
                self.rows.add(
                    "hazard_event_photos",
                    self.tracked(event.at, event_id=event_row["id"], photo_id=self.photo_ids[sha], position=position),
                )
        self.hazards.append(_Hazard(row, state, enterprise))

    def _progress(self, state: HazardState, found_at: datetime, on_site: bool) -> HazardState:
        """Move a new hazard along as far as its age allows; a few stay behind (and so go overdue)."""
        now = self.now
        by = self.person()
        after = [self.rng.choice(self.photos)] if self.photos else []
        at = found_at

        def step(action: HazardAction, days: float, **kwargs: Any) -> bool:
            nonlocal state, at
            when = at + timedelta(days=days)
            if when > now:
                return False
            state = lifecycle.apply(state, action, when, by, **kwargs)
            at = when
            return True

        if self.rng.random() < 0.004:
            step(A.VOID, 0.1, note="重复登记，作废")
            return state
        if on_site:
            if step(A.FIX_ON_SITE, 0.05, note="当场整改完毕", photos=after) and self.rng.random() < 0.97:
                step(A.CLOSE, 0.2, note="现场确认销号")
            return state
        if not step(A.ISSUE_NOTICE, 0.1, note="下发整改通知书"):
            return state
        if not step(A.START_RECTIFYING, 1, note="企业签收并开始整改"):
            return state
        budget = (state.deadline - at.astimezone(self.zone).date()).days
        if self.rng.random() < 0.002 + (0.05 if (now - at).days < 60 else 0):
            return state  # stalled: it will show up as overdue once past its deadline
        if self.rng.random() < 0.05 and budget > 2:
            extended = state.deadline + timedelta(days=14)
            step(A.REQUEST_EXTENSION, 1, note="需采购设备，申请延期", new_deadline=extended)
            if not step(A.APPROVE_EXTENSION, 1, note="同意延期"):
                return state
            budget += 14
        if not step(
            A.REQUEST_RECHECK, max(0.5, self.rng.uniform(0.3, 1.0) * budget), note="整改完毕，申请复查", photos=after
        ):
            return state
        if self.rng.random() < 0.06:
            if not step(A.FAIL_RECHECK, 2, note="复查未通过", new_deadline=(at + timedelta(days=9)).date()):
                return state
            if not step(A.REQUEST_RECHECK, 5, note="再次整改完毕", photos=after):
                return state
        if not step(A.PASS_RECHECK, self.rng.uniform(1, 4), note="复查合格"):
            return state
        step(A.CLOSE, self.rng.uniform(0.5, 3), note="销号")
        return state

    def _ensure_inspection_states(
        self,
        enterprises: list[tuple[uuid.UUID, tuple[float, float, float]]],
        template_id: uuid.UUID,
        inspectors: list[tuple[uuid.UUID, str]],
    ) -> None:
        """Drafts and completed inspections exist only near today; make sure a small demo has both."""
        if not enterprises:
            return
        present = {row["status"] for row in self.rows.tables.get("inspections", [])}
        for status, age in ((InspectionStatus.DRAFT, 0), (InspectionStatus.COMPLETED, 5)):
            if status.value not in present:
                index = self.rng.randrange(len(enterprises))
                enterprise_id, quality = enterprises[index]
                day = self.spec.today - timedelta(days=age)
                self._inspection(index, enterprise_id, quality, day, template_id, inspectors)

    def _ensure_every_state(self, enterprises: list[tuple[uuid.UUID, tuple[float, float, float]]]) -> None:
        """A small demo can miss rare states by chance; add one scripted hazard for each missing one."""
        if not enterprises:
            return
        today = self.spec.today
        fix = [A.ISSUE_NOTICE, A.START_RECTIFYING]
        wanted: list[tuple[Callable[[HazardState], bool], date, list[HazardAction]]] = [
            (_status_is(HazardStatus.RECORDED), today, []),
            (_status_is(HazardStatus.FIXED_ON_SITE), today, [A.FIX_ON_SITE]),
            (_status_is(HazardStatus.NOTICE_ISSUED), today, [A.ISSUE_NOTICE]),
            (_status_is(HazardStatus.RECTIFYING), today - timedelta(days=3), fix),
            (_status_is(HazardStatus.RECHECK_REQUESTED), today - timedelta(days=6), [*fix, A.REQUEST_RECHECK]),
            (
                _status_is(HazardStatus.RECHECK_PASSED),
                today - timedelta(days=8),
                [*fix, A.REQUEST_RECHECK, A.PASS_RECHECK],
            ),
            (_status_is(HazardStatus.VOIDED), today - timedelta(days=2), [A.VOID]),
            (lambda s: lifecycle.is_overdue(s.status, s.deadline, today), today - timedelta(days=20), fix),
        ]
        for present, day, script in wanted:
            if any(present(h.state) for h in self.hazards):
                continue
            index = self.rng.randrange(len(enterprises))
            text = self.rng.choice(names.SELF_CHECK_TEXTS)
            self._hazard(index, enterprises[index][0], day, "企业安全员", source="self_check", text=text, script=script)

    def _scripted(self, state: HazardState, found_at: datetime, script: list[HazardAction]) -> HazardState:
        photos = [self.photos[0]] if self.photos else []
        at = found_at
        step = min(timedelta(hours=1), (self.now - found_at) / (len(script) + 1))
        for action in script:
            at += step
            state = lifecycle.apply(
                state,
                action,
                at,
                "演示检查员",
                note="演示数据" if action is A.VOID else "",
                photos=photos if action in (A.FIX_ON_SITE, A.REQUEST_RECHECK) else (),
            )
        return state

    # -- plaques and lights -------------------------------------------------------------------
    def _plaques(self, enterprises: list[tuple[uuid.UUID, tuple[float, float, float]]]) -> None:
        serial = 0
        majors_open = {
            h.enterprise
            for h in self.hazards
            if h.row["severity"] == Severity.MAJOR.value and lifecycle.is_open(h.state.status)
        }
        for year in range(self.spec.today.year - self.spec.years + 1, self.spec.today.year + 1):
            for index, (enterprise_id, _quality) in enumerate(enterprises):
                graded = [(day, r) for day, r in self.results.get(index, []) if day.year == year]
                if not graded:
                    continue
                day, result = max(graded, key=lambda pair: pair[0])
                serial += 1
                issued_on = min(day + timedelta(days=3), self.spec.today)
                issued = self.moment(issued_on, 10)
                plaque = self.tracked(
                    issued,
                    enterprise_id=enterprise_id,
                    year=year,
                    grade=result.grade.value,
                    score=result.score,
                    reasons=[r.text for r in result.deciding],
                    inspection_id=None,
                    serial=f"{self.spec.office_code}-{year}-DEMO-{serial:06d}",
                    issued_on=issued_on,
                    current=True,
                )
                self.rows.add("plaques", plaque)
                if year == self.spec.today.year and index in majors_open and result.grade is not Grade.D:
                    # Rule 7: a confirmed major hazard downgrades the plaque at once.
                    plaque["current"] = False
                    serial += 1
                    self.rows.add(
                        "plaques",
                        self.tracked(
                            issued,
                            enterprise_id=enterprise_id,
                            year=year,
                            grade=Grade.D.value,
                            score=result.score,
                            reasons=["存在未整改的重大事故隐患，即时降为 D 级"],
                            inspection_id=None,
                            serial=f"{self.spec.office_code}-{year}-DEMO-{serial:06d}",
                            issued_on=self.spec.today,
                            current=True,
                        ),
                    )

    def _lights(self, enterprises: list[tuple[uuid.UUID, tuple[float, float, float]]]) -> None:
        by_enterprise: dict[int, list[_Hazard]] = {}
        for hazard in self.hazards:
            by_enterprise.setdefault(hazard.enterprise, []).append(hazard)
        first = Quarter(self.spec.today.year - self.spec.years + 1, 1)
        current = Quarter.of(self.spec.today)
        quarter = first
        while quarter <= current:
            cutoff = min(quarter.last_day, self.spec.today)
            cutoff_at = self.moment(cutoff, 23.9)
            for index, (enterprise_id, _quality) in enumerate(enterprises):
                graded = [(day, r) for day, r in self.results.get(index, []) if day <= cutoff]
                if not graded:
                    continue
                latest = max(graded, key=lambda pair: pair[0])[1]
                facts = [fact for h in by_enterprise.get(index, []) if (fact := _facts_at(h, cutoff_at)) is not None]
                light = quarterly_light(facts, latest, self.template.rules, cutoff)
                self.rows.add(
                    "lights",
                    self.tracked(
                        cutoff_at,
                        enterprise_id=enterprise_id,
                        quarter=str(quarter),
                        light=light.light.value,
                        reasons=list(light.reasons),
                    ),
                )
            quarter = Quarter(quarter.year + quarter.number // 4, quarter.number % 4 + 1)


def _facts_at(hazard: _Hazard, cutoff: datetime) -> HazardFacts | None:
    """The hazard as it stood at `cutoff`, or None if it was not yet found."""
    status, deadline, requested = None, hazard.row["initial_deadline"], None
    for event in hazard.state.events:
        if event.at > cutoff:
            break
        status = event.to_status
        if event.action is A.FAIL_RECHECK and event.new_deadline:
            deadline = event.new_deadline
        if event.action is A.REQUEST_EXTENSION:
            requested = event.new_deadline
        if event.action is A.APPROVE_EXTENSION and requested:
            deadline = requested
    if status is None:
        return None
    return HazardFacts(hazard.row["item_code"] or "随手拍", Severity(hazard.row["severity"]), status, deadline)


def _status_is(status: HazardStatus) -> Callable[[HazardState], bool]:
    return lambda state: state.status is status


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
