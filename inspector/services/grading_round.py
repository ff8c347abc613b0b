"""The annual grading round (年度分级亮牌): propose, review, issue plaques; lights for a chosen quarter.

Proposal rules for year Y (domain.md §4), per enterprise:

- the base is the latest completed or finalized inspection dated in Y, regraded with the frozen
  template version it was graded with, amendments applied (`bulk_grades`); its grade and every
  reason of the engine are kept (band, section floor, key items, veto items);
- no such inspection (or answers that cannot be graded) → 待评 (pending), whatever else happened;
- veto events (rule 5 and 7): a major hazard the authority **confirmed**, found on or before
  31 December of Y and **still open** at the round. Each makes the grade the template's veto
  grade (D) with a reason naming it. A suspected (or referred) major hazard does not: it is
  named among the reasons, "待部门认定", and leaves the grade alone; a rejected one, or one fixed
  on the spot (general by definition), is a general hazard;
- the change compares with last year's current plaque: up / down / same, `new` when there was
  none, `pending` when no grade is proposed;
- `fired` names the rules that set the proposed grade (the engine's rule ids, `major_hazard` for a
  veto event, `pending`), so that a round can be summed up as "which rules fired" and compared
  with another rule set (`propose(rules=…)`, the "what if" before anything is issued).

Issuing (`issue`) reads and checks outside the write lock, then writes one short transaction
(inspector.db.prepared: prepared again if the database changed meanwhile): for every decided
enterprise with a grade, the current plaque of Y (if any: the demo's, a downgrade…) is marked
not current and a new plaque is added with a serial `{office_code}-{Y}-{device}-{seq:04d}` as
notice numbers have (inspector.core.notice_number: `device` is this copy's stored prefix, so two
laptops issuing offline never collide; seq continues after the largest serial of this office,
year and device in the database; the unique column refuses a clash, and then nothing is
written). Serials of the older form `{office_code}-{Y}-{seq:06d}` stay as they are and still
verify. An override keeps the proposal in `proposed_grade` and the written reason in
`override_reason`. Re-issuing a year whose round already issued a plaque (one with
`issued_by`) to one of the enterprises is refused unless `reissue=True`, which supersedes those
plaques the same way (they stay in the table, not current). Pending decisions issue nothing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.core.checklist import GradingRules
from inspector.core.dates import Quarter
from inspector.core.errors import DomainError
from inspector.core.grades import PENDING, PENDING_LABEL, Grade
from inspector.core.grading import RULE_LABELS, EnglishPatterns, english_by, text_en_of
from inspector.core.hazard_lifecycle import OPEN, HazardAction, HazardStatus
from inspector.core.major_hazard import MAJOR, MajorStanding, MajorState, after_event
from inspector.core.notice_number import device_prefix, format_number, is_number, parse_number
from inspector.core.plaque import HazardFacts, quarterly_light
from inspector.db.database import Database, get_meta, new_version
from inspector.db.models import (
    AmendmentRow,
    AnswerRow,
    EnterpriseRow,
    HazardEventRow,
    HazardRow,
    InspectionRow,
    LightRow,
    PlaqueRow,
    TemplateRow,
    utcnow,
)
from inspector.db.prepared import untouched, write_prepared
from inspector.queries.bulk_grades import LatestGrade, Progress, latest_grades
from inspector.queries.graded import GRADED, hazard_code
from inspector.services.device_sequences import PREFIX_KEY

CHANGE_LABELS = {"up": "升级", "down": "降级", "same": "持平", "new": "新评", "pending": "待评"}
MAJOR_HAZARD = "major_hazard"  # a veto event of rule 7: a confirmed major hazard still open at the round
FIRED_LABELS = {**RULE_LABELS, MAJOR_HAZARD: "已认定的重大事故隐患未整改", PENDING: "待评（本年度无已完成的检查）"}
_CHUNK = 500


def grade_label(grade: str) -> str:
    return PENDING_LABEL if grade == PENDING else Grade(grade).label


@dataclass(frozen=True)
class Proposal:
    year: int
    enterprise_id: str
    name: str
    credit_code: str
    town: str
    proposed_grade: str  # A, B, C, D or "pending"
    score: float | None
    reasons: tuple[str, ...]
    inspection_id: str | None
    inspection_date: date | None
    last_year_grade: str | None  # last year's current plaque, None if none
    change: str  # up | down | same | new | pending
    issued_grade: str | None = None  # this year's plaque already issued by a round, if any
    fired: tuple[str, ...] = ()  # the rules that set the proposed grade (see the module docstring)

    @property
    def change_label(self) -> str:
        return CHANGE_LABELS[self.change]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.enterprise_id,
            "name": self.name,
            "credit_code": self.credit_code,
            "town": self.town,
            "proposed_grade": self.proposed_grade,
            "score": self.score,
            "reasons": list(self.reasons),
            "inspection_date": self.inspection_date.isoformat() if self.inspection_date else None,
            "last_year_grade": self.last_year_grade,
            "change": self.change,
            "rules": list(self.fired),
        }


@dataclass(frozen=True)
class Decision:
    """A proposal confirmed (grade None or equal to the proposal) or overridden with a reason."""

    proposal: Proposal
    grade: str | None = None
    reason: str = ""

    @property
    def final_grade(self) -> str:
        return self.grade or self.proposal.proposed_grade

    @property
    def overridden(self) -> bool:
        return self.final_grade != self.proposal.proposed_grade


@dataclass(frozen=True)
class IssueResult:
    year: int
    issued: int
    overridden: int
    pending: int
    serials: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class LightsResult:
    quarter: str
    counts: dict[str, int]
    changed: int


def change_of(proposed: str, last: str | None) -> str:
    if proposed == PENDING:
        return "pending"
    if last is None or last == PENDING:
        return "new"
    difference = Grade(proposed).rank - Grade(last).rank
    return "same" if difference == 0 else ("down" if difference > 0 else "up")


def _short(description: str) -> str:
    return description if len(description) <= 30 else description[:30] + "…"


def _veto_text(description: str, found_on: date, grade: Grade) -> str:
    found = found_on.isoformat()
    return f"重大事故隐患经部门认定，至评级时未整改（{found} 发现）：{_short(description)}，评为 {grade.value} 级"


def _suspected_text(description: str, found_on: date) -> str:
    return f"另有疑似重大事故隐患待部门认定（{found_on.isoformat()} 发现，不影响等级）：{_short(description)}"


_ROUND_REASONS_EN: EnglishPatterns = (
    (re.compile(r"本年度没有已完成的检查，待评"), lambda m: "no completed inspection this year: pending"),
    (re.compile(r"检查结果无法评分（(.*)），待评"), lambda m: f"the inspection cannot be graded ({m[1]}): pending"),
    (
        re.compile(r"重大事故隐患经部门认定，至评级时未整改（(\S+) 发现）：(.*)，评为 (\w) 级"),
        lambda m: f"major hazard confirmed by the authority, open at the round (found {m[1]}): {m[2]}: grade {m[3]}",
    ),
    (
        re.compile(r"另有疑似重大事故隐患待部门认定（(\S+) 发现，不影响等级）：(.*)"),
        lambda m: f"also a suspected major hazard awaiting the authority (found {m[1]}, grade unaffected): {m[2]}",
    ),
    (
        re.compile(r"另有已认定的重大事故隐患未整改：(.*)（(\S+) 发现）"),
        lambda m: f"also a confirmed major hazard still open: {m[1]} (found {m[2]})",
    ),
    # Reasons stored by rounds before suspected major hazards (migration 0009) read as before.
    (re.compile(r"另有重大事故隐患：(.*)（(\S+) 发现）"), lambda m: f"also a major hazard: {m[1]} (found {m[2]})"),
    (
        re.compile(r"重大事故隐患（(\S+) 发现，(未整改|已整改)）：(.*)，评为 (\w) 级"),
        lambda m: f"major hazard (found {m[1]}, {'open' if m[2] == '未整改' else 'rectified'}): {m[3]}: grade {m[4]}",
    ),
)


def reason_en(text: str) -> str:
    """A proposal's reason in English: the grading engine's and this round's own texts (the
    hazard descriptions in them stay as written); any other text as it is."""
    return text_en_of(text) or english_by(_ROUND_REASONS_EN, text) or text


class GradingRound:
    """The annual round over one database. `today` is the office's date (a callable: it moves)."""

    def __init__(self, db: Database, office_code: Callable[[], str], today: Callable[[], date], timezone: str) -> None:
        self.db = db
        self.office_code = office_code
        self.today = today
        self.timezone = timezone

    # -- proposals -----------------------------------------------------------------------------
    def propose(
        self, year: int, progress: Progress | None = None, rules: Mapping[str, Any] | None = None
    ) -> list[Proposal]:
        """One proposal per enterprise, sorted by town then name. `progress(done, total)` is
        called from this thread while the inspections are regraded. `rules` (grading numbers by
        name) regrades every inspection with them instead of its template's: what another rule
        set would give on the same inspections (DomainError if the bands would not descend)."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        with self.db.reading() as session:
            enterprises = session.execute(
                select(EnterpriseRow.id, EnterpriseRow.name, EnterpriseRow.credit_code, EnterpriseRow.town).order_by(
                    EnterpriseRow.town, EnterpriseRow.name
                )
            ).all()
            grades = latest_grades(session, first, last, progress, rules=rules)
            vetoes: dict[str, list[tuple[date, str, bool]]] = {}
            for enterprise_id, found_on, description, standing in session.execute(
                select(HazardRow.enterprise_id, HazardRow.found_on, HazardRow.description, HazardRow.major_status)
                .where(
                    HazardRow.major_status.in_([s.value for s in MAJOR]),
                    HazardRow.status.in_([s.value for s in OPEN]),
                    HazardRow.found_on <= last,
                )
                .order_by(HazardRow.found_on, HazardRow.created_at)
            ):
                confirmed = standing == MajorStanding.CONFIRMED.value
                vetoes.setdefault(enterprise_id.hex, []).append((found_on, description, confirmed))
            last_year = {
                e.hex: g
                for e, g in session.execute(
                    select(PlaqueRow.enterprise_id, PlaqueRow.grade).where(
                        PlaqueRow.year == year - 1, PlaqueRow.current.is_(True)
                    )
                )
            }
            issued = {
                e.hex: g
                for e, g in session.execute(
                    select(PlaqueRow.enterprise_id, PlaqueRow.grade).where(
                        PlaqueRow.year == year, PlaqueRow.current.is_(True), PlaqueRow.issued_by != ""
                    )
                )
            }
        proposals = []
        for key, name, credit_code, town in enterprises:
            eid = key.hex
            latest = grades.get(eid)
            proposed, score, reasons, fired = self._grade(latest, vetoes.get(eid, []))
            proposals.append(
                Proposal(
                    year,
                    eid,
                    name,
                    credit_code,
                    town,
                    proposed,
                    score,
                    reasons,
                    latest.inspection_id if latest else None,
                    latest.inspection_date if latest else None,
                    last_year.get(eid),
                    change_of(proposed, last_year.get(eid)),
                    issued.get(eid),
                    fired,
                )
            )
        return proposals

    @staticmethod
    def _grade(
        latest: LatestGrade | None, majors: list[tuple[date, str, bool]]
    ) -> tuple[str, float | None, tuple[str, ...], tuple[str, ...]]:
        """`majors`: the open major hazards (found on, description, confirmed by the authority)."""
        suspected = [_suspected_text(d, f) for f, d, confirmed in majors if not confirmed]
        vetoes = [(f, d) for f, d, confirmed in majors if confirmed]
        if latest is None or latest.grade is None:
            reasons = (
                ["本年度没有已完成的检查，待评"] if latest is None else [f"检查结果无法评分（{latest.error}），待评"]
            )
            reasons += [f"另有已认定的重大事故隐患未整改：{_short(d)}（{f.isoformat()} 发现）" for f, d in vetoes]
            return PENDING, None, tuple(reasons + suspected), (PENDING,)
        veto_grade = latest.rules.veto_grade
        final = latest.grade
        veto_reasons = []
        for found_on, description in vetoes:
            final = final.capped_at(veto_grade)
            veto_reasons.append(_veto_text(description, found_on, veto_grade))
        # The inspection's own deciding rules still count when the events leave its grade as it was.
        fired = ((MAJOR_HAZARD,) if vetoes else ()) + (latest.fired if final is latest.grade else ())
        return final.value, latest.score, tuple(veto_reasons) + latest.reasons + tuple(suspected), fired

    # -- issuing -------------------------------------------------------------------------------
    def issue(self, year: int, decisions: Sequence[Decision], issued_by: str, *, reissue: bool = False) -> IssueResult:
        """Issue the plaques of `decisions` in one transaction (see the module docstring)."""
        issued_by = issued_by.strip()
        if not issued_by:
            raise DomainError("发牌必须注明发牌人")
        seen: set[str] = set()
        for decision in decisions:
            p = decision.proposal
            if p.year != year:
                raise DomainError(f"{p.name} 的评级建议属于 {p.year} 年，不能用于 {year} 年发牌")
            if p.enterprise_id in seen:
                raise DomainError(f"{p.name} 在本次发牌中出现了两次")
            seen.add(p.enterprise_id)
            if decision.final_grade != PENDING and decision.final_grade not in {g.value for g in Grade}:
                raise DomainError(f"{p.name} 的等级 “{decision.final_grade}” 无效，应为 A、B、C、D 或待评")
            if decision.overridden and not decision.reason.strip():
                raise DomainError(
                    f"{p.name} 的等级由建议的 {grade_label(p.proposed_grade)} 调整为 "
                    f"{grade_label(decision.final_grade)}，必须填写调整理由"
                )
        to_issue = [d for d in decisions if d.final_grade != PENDING]
        pending = len(decisions) - len(to_issue)
        office = self.office_code()
        today = self.today()

        def prepare(session: Session) -> tuple[list[uuid.UUID], list[dict[str, Any]]]:
            """Everything read and checked, the new plaques made: outside the write lock."""
            ids = {uuid.UUID(d.proposal.enterprise_id) for d in to_issue}
            known = set(session.scalars(select(EnterpriseRow.id)))
            missing = [d.proposal.name for d in to_issue if uuid.UUID(d.proposal.enterprise_id) not in known]
            if missing:
                raise DomainError(f"企业不存在（可能已被删除）：{'、'.join(missing[:5])}")
            current = {
                e: (pid, by)
                for pid, e, by in session.execute(
                    select(PlaqueRow.id, PlaqueRow.enterprise_id, PlaqueRow.issued_by).where(
                        PlaqueRow.year == year, PlaqueRow.current.is_(True)
                    )
                )
                if e in ids
            }
            round_issued = {
                e for e, by in session.execute(
                    select(PlaqueRow.enterprise_id, PlaqueRow.issued_by).where(PlaqueRow.year == year)
                ) if by and e in ids
            }  # fmt: skip
            if round_issued and not reissue:
                issued = f"{len(round_issued)} 家企业 {year} 年度已经发牌；"
                raise DomainError(
                    issued + "如确需重新发牌，请选择“重新发牌”（原牌匾保留，标为已作废）",
                    command_line=issued + "如确需重新发牌，请加 --reissue（原牌匾保留，标为已作废）",
                )
            device = get_meta(session, PREFIX_KEY) or device_prefix(self.db.device_id)
            seq = self._last_seq(session, office, year, device)
            rows = []
            for decision in to_issue:
                seq += 1
                rows.append(
                    self._plaque_row(decision, year, format_number(office, year, device, seq), today, issued_by)
                )
            return [pid for pid, _ in current.values()], rows

        def write(session: Session, plan: tuple[list[uuid.UUID], list[dict[str, Any]]]) -> list[str]:
            superseded, rows = plan
            # Core statements (the write lock is held: 1,700 plaques take 0.3 s through the ORM),
            # stamped as the flush hook stamps ORM rows: device, time, a new version each.
            plaques = PlaqueRow.__table__
            device = self.db.device_id
            for start in range(0, len(superseded), _CHUNK):
                chunk = superseded[start : start + _CHUNK]
                session.execute(
                    update(plaques).where(plaques.c.id.in_(chunk)).values(current=False, **new_version(plaques, device))
                )
            batch: list[dict[str, Any]] = []
            for row in rows:
                self._add(batch, row)
            now = utcnow()
            if batch:
                session.execute(
                    insert(plaques),
                    [{**row, "device_id": device, "created_at": now, "updated_at": now} for row in batch],
                )
            return [row["serial"] for row in rows]

        try:
            serials = write_prepared(self.db, prepare, write, self._issue_still_valid)
        except IntegrityError as error:
            raise DomainError(f"发牌失败，未作任何更改（牌匾编号冲突，请重试）：{error.orig}") from None
        overridden = sum(1 for d in to_issue if d.overridden)
        return IssueResult(year, len(serials), overridden, pending, tuple(serials))

    @staticmethod
    def _issue_still_valid(session: Session, since: int, _plan: object) -> bool:
        """Issuing reads the register and the plaques: commits elsewhere (answers…) leave it standing."""
        return untouched(session, since, [EnterpriseRow.__table__, PlaqueRow.__table__])

    @staticmethod
    def _add(batch: list[dict[str, Any]], row: dict[str, Any]) -> None:
        batch.append(row)

    @staticmethod
    def _last_seq(session: Any, office: str, year: int, device: str) -> int:
        """The largest sequence this device gave a plaque of the office and year (0 if none);
        downgrades (a suffix after the number) and other devices' plaques do not count."""
        prefix = f"{office}-{year}-{device}-"
        last = 0
        for serial in session.scalars(select(PlaqueRow.serial).where(PlaqueRow.serial.like(prefix + "%"))):
            if is_number(serial):
                last = max(last, parse_number(serial).seq)
        return last

    @staticmethod
    def _plaque_row(decision: Decision, year: int, serial: str, today: date, issued_by: str) -> dict[str, Any]:
        p = decision.proposal
        reasons = list(p.reasons)
        if decision.overridden:
            reasons.insert(
                0,
                f"人工调整：建议 {grade_label(p.proposed_grade)}，核定为 {grade_label(decision.final_grade)}；"
                f"理由：{decision.reason.strip()}",
            )
        return {
            "enterprise_id": uuid.UUID(p.enterprise_id),
            "year": year,
            "grade": decision.final_grade,
            "score": p.score,
            "reasons": reasons,
            "inspection_id": uuid.UUID(p.inspection_id) if p.inspection_id else None,
            "serial": serial,
            "issued_on": today,
            "current": True,
            "proposed_grade": p.proposed_grade if decision.overridden else None,
            "override_reason": decision.reason.strip() if decision.overridden else "",
            "issued_by": issued_by,
        }

    # -- quarterly lights ----------------------------------------------------------------------
    def recompute_lights(self, quarter: str | Quarter, progress: Progress | None = None) -> LightsResult:
        """Recompute every enterprise's light for `quarter` (rule 6), as `grading_follow` does for
        the current quarter. The hazards and the latest graded inspection are taken as they stood
        at the end of the quarter (today for the current one): hazard states are replayed from their
        events up to then. Enterprises with neither an inspection nor a hazard by then get no light.
        Plaques are not touched (downgrades follow hazards as they happen). Computed outside the
        write lock; only the lights that change are written (inspector.db.prepared)."""
        q = quarter if isinstance(quarter, Quarter) else Quarter.parse(quarter)
        today = self.today()
        if q.first_day > today:
            raise DomainError(f"{q} 季度尚未开始，不能计算亮灯")
        cutoff = min(q.last_day, today)
        cutoff_at = datetime.combine(cutoff, time(23, 59, 59, 999999), ZoneInfo(self.timezone)).astimezone(UTC)

        def prepare(session: Session) -> LightsPlan:
            """Every light computed, outside the write lock: new rows, and changes by row id."""
            counts = {"green": 0, "yellow": 0, "red": 0}
            new: list[LightRow] = []
            changes: dict[uuid.UUID, Any] = {}
            grades = latest_grades(session, None, cutoff, progress, full=True)
            facts = self._facts_at(session, cutoff, cutoff_at, current=cutoff == today)
            existing = {
                e.hex: (lid, light, reasons)
                for lid, e, light, reasons in session.execute(
                    select(LightRow.id, LightRow.enterprise_id, LightRow.light, LightRow.reasons).where(
                        LightRow.quarter == str(q)
                    )
                )
            }
            for eid in sorted(set(grades) | set(facts)):
                latest = grades.get(eid)
                rules = latest.rules if latest else GradingRules()
                result = quarterly_light(facts.get(eid, []), latest.result if latest else None, rules, cutoff)
                counts[result.light.value] += 1
                old = existing.get(eid)
                if old is None:
                    new.append(
                        LightRow(
                            enterprise_id=uuid.UUID(eid),
                            quarter=str(q),
                            light=result.light.value,
                            reasons=list(result.reasons),
                        )
                    )
                elif old[1] != result.light.value or list(old[2]) != list(result.reasons):
                    changes[old[0]] = result
            graded = {uuid.UUID(latest.inspection_id) for latest in grades.values()}
            return LightsPlan(counts, new, changes, graded)

        def write(session: Session, plan: LightsPlan) -> LightsResult:
            counts, new, changes, _ = plan
            session.add_all(new)
            for row in self._rows(session, LightRow, list(changes)):
                row.light, row.reasons = changes[row.id].light.value, list(changes[row.id].reasons)
            return LightsResult(str(q), counts, len(new) + len(changes))

        return write_prepared(self.db, prepare, write, _lights_still_valid)

    @staticmethod
    def _rows(session: Any, model: Any, ids: list[uuid.UUID]) -> Iterable[Any]:
        for start in range(0, len(ids), _CHUNK):
            yield from session.scalars(select(model).where(model.id.in_(ids[start : start + _CHUNK])))

    @staticmethod
    def _facts_at(session: Any, cutoff: date, cutoff_at: datetime, current: bool) -> dict[str, list[HazardFacts]]:
        hazards = session.execute(
            select(
                HazardRow.id,
                HazardRow.enterprise_id,
                HazardRow.item_code,
                HazardRow.description,
                HazardRow.major_status,
                HazardRow.status,
                HazardRow.deadline,
                HazardRow.initial_deadline,
            ).where(HazardRow.found_on <= cutoff)
        ).all()
        states: dict[uuid.UUID, tuple[str, date, MajorState]] = {}
        if current:
            states = {h.id: (h.status, h.deadline, MajorState(MajorStanding(h.major_status))) for h in hazards}
        else:
            initial = {h.id: h.initial_deadline for h in hazards}
            pending: dict[uuid.UUID, date | None] = {}
            for hazard_id, action, to_status, new_deadline, detail in session.execute(
                select(
                    HazardEventRow.hazard_id,
                    HazardEventRow.action,
                    HazardEventRow.to_status,
                    HazardEventRow.new_deadline,
                    HazardEventRow.detail,
                )
                .where(HazardEventRow.at <= cutoff_at)
                .order_by(HazardEventRow.hazard_id, HazardEventRow.seq)
            ):
                if hazard_id not in initial:
                    continue
                deadline, track = states[hazard_id][1:] if hazard_id in states else (initial[hazard_id], MajorState())
                if action in (HazardAction.FAIL_RECHECK.value, HazardAction.ADOPT_PLAN.value) and new_deadline:
                    deadline = new_deadline
                elif action == HazardAction.REQUEST_EXTENSION.value:
                    pending[hazard_id] = new_deadline
                elif action == HazardAction.APPROVE_EXTENSION.value and pending.get(hazard_id):
                    deadline = pending.pop(hazard_id) or deadline
                track = after_event(track, action, detail or {}, new_deadline)
                states[hazard_id] = (to_status, deadline, track)
        out: dict[str, list[HazardFacts]] = {}
        for h in hazards:
            state = states.get(h.id)
            if state is None:
                continue  # recorded after the cutoff
            out.setdefault(h.enterprise_id.hex, []).append(
                HazardFacts(hazard_code(h), state[2].standing, HazardStatus(state[0]), state[1])
            )
        return out


class LightsPlan(NamedTuple):
    counts: dict[str, int]
    new: list[LightRow]
    changes: dict[uuid.UUID, Any]  # light row id → its new result
    graded: set[uuid.UUID]  # the inspections the lights were graded from


def _lights_still_valid(session: Session, since: int, plan: LightsPlan) -> bool:
    """Lights read hazards, their events, amendments, templates, lights and graded inspections:
    answers saved meanwhile in a draft (a checklist being filled in) leave the plan standing."""
    if not untouched(
        session, since, [t.__table__ for t in (HazardRow, HazardEventRow, AmendmentRow, TemplateRow, LightRow)]
    ):
        return False
    touched = select(InspectionRow.id, InspectionRow.status).where(
        or_(
            InspectionRow.changed_seq > since,
            InspectionRow.id.in_(select(AnswerRow.inspection_id).where(AnswerRow.changed_seq > since)),
        )
    )
    return all(status not in GRADED and row_id not in plan.graded for row_id, status in session.execute(touched))


def decisions_from(
    proposals: Iterable[Proposal], overrides: dict[str, tuple[str, str]] | None = None
) -> list[Decision]:
    """Confirm every proposal, overriding those named in `overrides` (enterprise id or credit code
    → (grade, reason)). An unknown name in `overrides` is refused."""
    overrides = dict(overrides or {})
    decisions = []
    for p in proposals:
        key = p.enterprise_id if p.enterprise_id in overrides else p.credit_code
        if key in overrides:
            grade, reason = overrides.pop(key)
            grade = PENDING if grade.strip() in (PENDING, PENDING_LABEL) else grade.strip().upper()
            decisions.append(Decision(p, grade, reason))
        else:
            decisions.append(Decision(p))
    if overrides:
        raise DomainError(f"调整名单中有找不到的企业：{'、'.join(list(overrides)[:5])}")
    return decisions
