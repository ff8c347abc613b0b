"""Read-only queries behind the enterprise register screen: search, list rows, one enterprise's detail.

Rules for callers:
- `search` returns ids only (in name order); the list then asks `rows` for the few it shows.
  Both are single SQL statements, so a search per keystroke stays fast at 25,000 enterprises.
- A grade is the enterprise's current plaque of a year (None: 待评, pending); a light is the
  light of one quarter (None: no light that quarter). The caller names the year and quarter,
  so that a list and its filters always agree on the period.
- Everything returned is a plain frozen dataclass, safe to hand to another thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from inspector.core.checklist import Severity
from inspector.core.enterprise import Enterprise
from inspector.core.grades import PENDING
from inspector.core.hazard_lifecycle import OPEN, HazardStatus, is_overdue
from inspector.core.inspection import InspectionStatus
from inspector.core.training import Training
from inspector.db.database import Database
from inspector.db.ids import to_str, to_uuid
from inspector.db.models import EnterpriseRow, HazardRow, InspectionRow, LightRow, PlaqueRow, TemplateRow
from inspector.queries.register import EnterpriseRegister, with_tag
from inspector.queries.trainings import TrainingQueries

# An inspection counts as done (for "last inspection") once completed; a draft is work in progress.
_DONE = (InspectionStatus.COMPLETED.value, InspectionStatus.FINALIZED.value)
_OPEN = tuple(sorted(status.value for status in OPEN))
ROWS_MAX = 500  # `rows` takes a page of ids: keeps the IN list under SQLite's parameter limit


@dataclass(frozen=True)
class EnterpriseRowView:
    """One line of the register."""

    id: str
    name: str
    credit_code: str
    town: str
    address: str
    industry: str
    grade: str | None  # A–D, or None: 待评 (no current plaque in the year)
    light: str | None  # green / yellow / red, or None: no light in the quarter
    open_hazards: int
    last_inspection: date | None  # the newest completed or finalized inspection
    risk_tags: tuple[str, ...] = ()  # codes of forms/risk-tags.toml
    headcount: int | None = None
    above_scale: bool | None = None  # 规上; None: not recorded


@dataclass(frozen=True)
class InspectionLine:
    id: str
    inspection_date: date
    status: InspectionStatus
    score: float | None
    grade: str | None
    template_code: str
    template_version: int
    template_title: str


@dataclass(frozen=True)
class PlaqueLine:
    year: int
    grade: str
    score: float | None
    serial: str
    issued_on: date
    current: bool  # False: superseded by a later plaque (a downgrade)


@dataclass(frozen=True)
class LightLine:
    quarter: str
    light: str


@dataclass(frozen=True)
class OpenHazardLine:
    id: str
    description: str
    severity: Severity
    status: HazardStatus
    found_on: date
    deadline: date
    overdue: bool


@dataclass(frozen=True)
class EnterpriseDetail:
    enterprise: Enterprise
    year: int
    grade: str | None  # the current plaque of `year` (today's year); None: 待评
    inspections: list[InspectionLine]  # newest first, drafts included
    plaques: list[PlaqueLine]  # grade history, newest first
    lights: list[LightLine]  # newest quarter first
    open_hazards: list[OpenHazardLine]  # earliest deadline first
    trainings: list[Training] = field(default_factory=list)  # 开工第一课 and team-leader training, newest first


def _id_text(value: object) -> str:
    """An id as `ids.to_str` spells it. SQLite keeps a Uuid column as those 32 hex digits, so the
    search reads the column as text: building 25,000 UUID objects cost ~90 ms of a keystroke."""
    if isinstance(value, str):
        return value.replace("-", "")  # a driver that gives text with hyphens
    assert isinstance(value, uuid.UUID)
    return to_str(value)


def _text_terms(text: str) -> list[ColumnElement[bool]]:
    """Every whitespace-separated word must occur in the name, the credit code or the address.

    `contains(autoescape=True)` keeps a typed % or _ literal. SQLite's LIKE ignores ASCII case,
    so a credit code typed in lower case still matches."""
    terms = []
    for word in text.split():
        terms.append(
            or_(
                EnterpriseRow.name.contains(word, autoescape=True),
                EnterpriseRow.credit_code.contains(word.upper(), autoescape=True),
                EnterpriseRow.address.contains(word, autoescape=True),
            )
        )
    return terms


class EnterpriseQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the list --------------------------------------------------------------------------------
    def search(
        self,
        text: str = "",
        town: str | None = None,
        grade: str | None = None,
        light: str | None = None,
        *,
        year: int,
        quarter: str,
        tag: str | None = None,
    ) -> list[str]:
        """Ids in name order. `grade` is A–D or "pending" (no current plaque in `year`);
        `light` is green / yellow / red in `quarter` (e.g. "2026Q3"); `tag` a risk-tag code
        (forms/risk-tags.toml); None means any."""
        stmt = self._search_statement(text, town, grade, light, year, quarter)
        if tag:
            stmt = stmt.where(with_tag(tag))
        with self.db.reading() as session:
            values = list(session.scalars(stmt))
        if values and isinstance(values[0], str) and len(values[0]) == 32:
            return values  # SQLite: already in the form ids take (saves a pass over 25,000 ids)
        return [_id_text(value) for value in values]

    @staticmethod
    def _search_statement(
        text: str, town: str | None, grade: str | None, light: str | None, year: int, quarter: str
    ) -> Select[tuple[object]]:
        stmt = (
            select(type_coerce(EnterpriseRow.id, String))
            .where(*_text_terms(text))
            .order_by(EnterpriseRow.name, EnterpriseRow.id)
        )
        if town:
            stmt = stmt.where(EnterpriseRow.town == town)
        # IN (subquery), not a correlated EXISTS: SQLite builds the subquery's set once per search,
        # where EXISTS looked plaques up by (year, current) again for each of 25,000 enterprises.
        plaqued = select(PlaqueRow.enterprise_id).where(PlaqueRow.year == year, PlaqueRow.current)
        if grade == PENDING:
            stmt = stmt.where(EnterpriseRow.id.not_in(plaqued))
        elif grade:
            stmt = stmt.where(EnterpriseRow.id.in_(plaqued.where(PlaqueRow.grade == grade)))
        if light:
            lit = select(LightRow.enterprise_id).where(LightRow.quarter == quarter, LightRow.light == light)
            stmt = stmt.where(EnterpriseRow.id.in_(lit))
        return stmt

    def rows(self, ids: Sequence[str], *, year: int, quarter: str) -> list[EnterpriseRowView]:
        """The rows of up to ROWS_MAX ids, in the order given (ids no longer in the register are skipped)."""
        if len(ids) > ROWS_MAX:
            raise ValueError(f"rows() takes at most {ROWS_MAX} ids, got {len(ids)}")
        if not ids:
            return []
        wanted = [to_uuid(value, "企业") for value in ids]
        # Correlated subqueries rather than joins: each is one index lookup per listed row, and a
        # page is at most a few hundred rows, whatever the size of the register.
        grade = (
            select(PlaqueRow.grade)
            # `year + 0` keeps SQLite off the (year, current) index, which it otherwise prefers
            # without statistics: that scanned every plaque of the year for each row (1 s a page).
            # By enterprise it is a lookup of one or two rows.
            .where(PlaqueRow.enterprise_id == EnterpriseRow.id, PlaqueRow.year + 0 == year, PlaqueRow.current)
            .order_by(PlaqueRow.issued_on.desc())
            .limit(1)
            .scalar_subquery()
        )
        light = (
            select(LightRow.light)
            .where(LightRow.enterprise_id == EnterpriseRow.id, LightRow.quarter == quarter)
            .scalar_subquery()
        )
        open_hazards = (
            select(func.count())
            .select_from(HazardRow)
            .where(HazardRow.enterprise_id == EnterpriseRow.id, HazardRow.status.in_(_OPEN))
            .scalar_subquery()
        )
        last_inspection = (
            select(func.max(InspectionRow.inspection_date))
            .where(InspectionRow.enterprise_id == EnterpriseRow.id, InspectionRow.status.in_(_DONE))
            .scalar_subquery()
        )
        stmt = select(
            EnterpriseRow.id,
            EnterpriseRow.name,
            EnterpriseRow.credit_code,
            EnterpriseRow.town,
            EnterpriseRow.address,
            EnterpriseRow.industry,
            grade,
            light,
            open_hazards,
            last_inspection,
            EnterpriseRow.risk_tags,
            EnterpriseRow.headcount,
            EnterpriseRow.above_scale,
        ).where(EnterpriseRow.id.in_(wanted))
        with self.db.reading() as session:
            found: dict[str, EnterpriseRowView] = {}
            for row in session.execute(stmt):
                key = to_str(row[0])
                found[key] = EnterpriseRowView(
                    id=key,
                    name=row[1],
                    credit_code=row[2],
                    town=row[3],
                    address=row[4],
                    industry=row[5],
                    grade=row[6],
                    light=row[7],
                    open_hazards=row[8] or 0,
                    last_inspection=row[9],
                    risk_tags=tuple(row[10] or ()),
                    headcount=row[11],
                    above_scale=row[12],
                )
        return [found[to_str(key)] for key in wanted if to_str(key) in found]

    def towns(self) -> list[str]:
        return EnterpriseRegister(self.db).towns()

    def light_quarter(self, year: int) -> str | None:
        """The latest quarter of `year` that has any lights (the quarter the figures report)."""
        with self.db.reading() as session:
            return session.scalar(
                select(func.max(LightRow.quarter)).where(LightRow.quarter.between(f"{year}Q1", f"{year}Q4"))
            )

    # -- one enterprise ----------------------------------------------------------------------------
    def detail(self, enterprise_id: str, today: date) -> EnterpriseDetail:
        """Everything the detail panel shows; `today` (the office's date) decides what is overdue
        and which year's plaque is the current grade. Raises DomainError for an unknown id."""
        enterprise = EnterpriseRegister(self.db).get(enterprise_id)
        key = to_uuid(enterprise_id, "企业")
        with self.db.reading() as session:
            inspections = self._inspections(session, key)
            plaques = [
                PlaqueLine(row.year, row.grade, row.score, row.serial, row.issued_on, row.current)
                for row in session.scalars(
                    select(PlaqueRow)
                    .where(PlaqueRow.enterprise_id == key)
                    .order_by(PlaqueRow.year.desc(), PlaqueRow.current.desc(), PlaqueRow.issued_on.desc())
                )
            ]
            lights = [
                LightLine(quarter, light)
                for quarter, light in session.execute(
                    select(LightRow.quarter, LightRow.light)
                    .where(LightRow.enterprise_id == key)
                    .order_by(LightRow.quarter.desc())
                )
            ]
            hazards = [
                OpenHazardLine(
                    id=to_str(row.id),
                    description=row.description,
                    severity=Severity(row.severity),
                    status=HazardStatus(row.status),
                    found_on=row.found_on,
                    deadline=row.deadline,
                    overdue=is_overdue(HazardStatus(row.status), row.deadline, today),
                )
                for row in session.scalars(
                    select(HazardRow)
                    .where(HazardRow.enterprise_id == key, HazardRow.status.in_(_OPEN))
                    .order_by(HazardRow.deadline, HazardRow.found_on)
                )
            ]
        grade = next((p.grade for p in plaques if p.year == today.year and p.current), None)
        trainings = TrainingQueries(self.db).of_enterprise(enterprise_id)
        return EnterpriseDetail(enterprise, today.year, grade, inspections, plaques, lights, hazards, trainings)

    @staticmethod
    def _inspections(session: Session, key: object) -> list[InspectionLine]:
        stmt = (
            select(
                InspectionRow.id,
                InspectionRow.inspection_date,
                InspectionRow.status,
                InspectionRow.score,
                InspectionRow.grade,
                TemplateRow.code,
                TemplateRow.version,
                TemplateRow.title,
            )
            .join(TemplateRow, TemplateRow.id == InspectionRow.template_id)
            .where(InspectionRow.enterprise_id == key)
            .order_by(InspectionRow.inspection_date.desc(), InspectionRow.created_at.desc())
        )
        return [
            InspectionLine(to_str(row[0]), row[1], InspectionStatus(row[2]), row[3], row[4], row[5], row[6], row[7])
            for row in session.execute(stmt)
        ]
