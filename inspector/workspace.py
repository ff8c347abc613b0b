"""A data folder opened for work: settings, database, photos and the services over them.

The CLI and the GUI both do everything through a Workspace, so a test can do what a user does
without a window. Writes are the services' methods (inspector/services); what screens show comes
from the queries here (inspector/queries). Every commit is announced by the database
(`Workspace.db.subscribe`, inspector/db/changes.py); saving settings is announced too, and every
service is made afresh from the new settings, so a changed time zone reaches all of them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path

from inspector.core.checklist import Template
from inspector.core.dates import today
from inspector.core.plaque import PlaqueValidity, ValidityRule
from inspector.core.risk_tags import RiskTagCatalog, TemplateProposal
from inspector.db.changes import Changes
from inspector.db.database import DB_NAME, Database
from inspector.forms_catalog import DEFAULT_TEMPLATE, discover, form_dirs, newest, risk_tag_catalog
from inspector.photos.photo_store import PhotoStore
from inspector.queries.dashboard import Dashboard, dashboard
from inspector.queries.enterprise_queries import EnterpriseQueries
from inspector.queries.hazard_figures import FigureRow, GroupBy, hazard_figures
from inspector.queries.hazard_ledger import HazardLedger
from inspector.queries.stats import Stats, compute_stats
from inspector.services.amendments import AmendmentService
from inspector.services.coverage import CoverageService
from inspector.services.enterprises import EnterpriseService
from inspector.services.grading_round import GradingRound
from inspector.services.hazards import HazardService
from inspector.services.inspection_review import InspectionReviews
from inspector.services.inspections import InspectionService
from inspector.services.notices import NoticeService
from inspector.services.office_keys import OfficeKeyService
from inspector.services.photo_versions import PhotoVersions
from inspector.services.revisit import RevisitService
from inspector.services.roster import RosterService
from inspector.services.signatures import SignatureService
from inspector.services.templates import TemplateService
from inspector.services.trainings import TrainingService
from inspector.settings import Settings
from inspector.sync.central_sync import CentralSync
from inspector.sync.conflicts import ConflictService
from inspector.sync.service import SyncService


class Workspace:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.settings = Settings.load(data_dir)
        self.db = Database.open_folder(data_dir)

    @staticmethod
    def has_database(data_dir: Path) -> bool:
        return (data_dir / DB_NAME).exists()

    def save_settings(self, settings: Settings) -> None:
        """Validate and store new settings. Every service is made afresh from them (each reads
        settings when it is made), and the change is announced like a commit."""
        settings.save(self.data_dir)
        self.settings = settings
        for name in _SERVICES:
            self.__dict__.pop(name, None)
        self.db.announce(Changes.of(SETTINGS))

    def today(self) -> date:
        return today(self.settings.timezone)

    def plaque_validity(self, year: int) -> PlaqueValidity:
        """How long the plaques of `year` are valid, by the settings' rule (domain.md §4 rule 7)."""
        rule = self.settings.validity
        next_round = self.office_keys.next_round_on(year) if rule is ValidityRule.NEXT_ROUND else None
        return PlaqueValidity(year, rule, next_round)

    def year(self, chosen: int | None = None) -> int:
        """The year a person chose, or this year in the office's time zone."""
        return chosen or self.today().year

    @cached_property
    def photos(self) -> PhotoStore:
        s = self.settings
        return PhotoStore(self.data_dir / "photos", s.photo_long_edge, s.thumbnail_size, s.timezone)

    @cached_property
    def photo_versions(self) -> PhotoVersions:
        """Marked-up photos: new versions of a photo, the original kept."""
        return PhotoVersions(self.db, self.photos)

    @cached_property
    def enterprises(self) -> EnterpriseService:
        return EnterpriseService(self.db, self.risk_tags)

    @cached_property
    def trainings(self) -> TrainingService:
        """开工第一课 and team-leader training records."""
        return TrainingService(self.db, self.today)

    def risk_tags(self) -> RiskTagCatalog:
        """The risk-tag list of the forms folders (RiskTagsError, a DomainError, if it is invalid)."""
        return risk_tag_catalog(form_dirs(self.data_dir))

    def offered_templates(self) -> list[Template]:
        """The newest valid version of every template in the forms folders, the default first."""
        newest_by_code: dict[str, Template] = {}
        for form in discover(form_dirs(self.data_dir)):
            template = form.template
            if template is not None and template.version > getattr(newest_by_code.get(template.code), "version", 0):
                newest_by_code[template.code] = template
        return sorted(newest_by_code.values(), key=lambda t: (t.code != DEFAULT_TEMPLATE, t.code))

    def template_proposals(self, enterprise_id: str) -> list[TemplateProposal]:
        """The templates an inspection of this enterprise should use, by its size and risk tags
        (forms/risk-tags.toml), keeping only those the forms folders hold as valid templates."""
        enterprise = self.enterprises.get(enterprise_id)
        available = {form.template.code for form in discover(form_dirs(self.data_dir)) if form.template}
        proposals = self.risk_tags().proposals(enterprise.risk_tags, enterprise.above_scale)
        return [proposal for proposal in proposals if proposal.code in available]

    @cached_property
    def templates(self) -> TemplateService:
        return TemplateService(self.db)

    @cached_property
    def roster(self) -> RosterService:
        return RosterService(self.db)

    @cached_property
    def inspections(self) -> InspectionService:
        return InspectionService(self.db, self.templates)

    @cached_property
    def hazards(self) -> HazardService:
        return HazardService(self.db, self.settings.timezone)

    @cached_property
    def signatures(self) -> SignatureService:
        return SignatureService(self.db)

    @cached_property
    def amendments(self) -> AmendmentService:
        return AmendmentService(self.db, self.templates)

    @cached_property
    def reviews(self) -> InspectionReviews:
        """One inspection as the review screen and the inspection report show it."""
        return InspectionReviews(
            self.db, self.inspections, self.enterprises, self.amendments, self.signatures, self.hazards
        )

    @cached_property
    def revisits(self) -> RevisitService:
        """A re-inspection started from the enterprise's last visit (what to re-check first)."""
        return RevisitService(self.db, self.inspections, self.hazards)

    @cached_property
    def notices(self) -> NoticeService:
        return NoticeService(self.db, lambda: self.settings)

    @cached_property
    def office_keys(self) -> OfficeKeyService:
        return OfficeKeyService(self.db)

    @cached_property
    def grading_round(self) -> GradingRound:
        return GradingRound(self.db, lambda: self.settings.office_code, self.today, self.settings.timezone)

    @cached_property
    def coverage(self) -> CoverageService:
        return CoverageService(self.db, self.today)

    @cached_property
    def sync(self) -> SyncService:
        return SyncService(self.db, self.data_dir, self.settings.timezone)

    @cached_property
    def central(self) -> CentralSync:
        """Push to / pull from the central database (inspector/sync/central_sync.py)."""
        return CentralSync(self.db, self.photos, self.settings.timezone, self.today)

    def default_template_id(self, code: str = DEFAULT_TEMPLATE) -> str:
        """The newest version of a template in the forms folders, registered (frozen) if new."""
        form = newest(form_dirs(self.data_dir), code)
        return self.templates.register(form.path.read_text(encoding="utf-8"), str(form.path))

    def stats(self, year: int | None = None) -> Stats:
        day = self.today()
        return compute_stats(self.db, year or day.year, day)

    # -- read models for the screens (no widget builds a query on the database itself) ------------
    @cached_property
    def register(self) -> EnterpriseQueries:
        """The enterprise register's list, detail and towns."""
        return EnterpriseQueries(self.db)

    def ledger(self) -> HazardLedger:
        """The hazard ledger as of today (made per use: `today` moves at midnight)."""
        return HazardLedger(self.db, self.today(), self.settings.timezone)

    def hazard_figures(self, year: int | None = None, group_by: GroupBy | None = None) -> list[FigureRow]:
        day = self.today()
        return hazard_figures(self.db, year or day.year, day, group_by)

    def dashboard(self, year: int, town: str | None = None) -> Dashboard:
        return dashboard(self.db, year, self.today(), town)

    @cached_property
    def conflicts(self) -> ConflictService:
        return ConflictService(self.db)

    def subscribe(self, subscriber: Callable[[Changes], None]) -> Callable[[], None]:
        """Hear of every commit to this folder's database (see inspector/db/changes.py); returns a
        function that stops it."""
        return self.db.subscribe(subscriber)

    def external_changes(self) -> bool:
        """Another program wrote to this data folder's database since we last looked."""
        return self.db.external_changes()

    @property
    def is_open(self) -> bool:
        return self.db.is_open

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# The table name a settings change is announced under (settings live in settings.json, not the database).
SETTINGS = "settings"
# Every service and read model made from settings; all are dropped when settings change.
_SERVICES = tuple(name for name, value in vars(Workspace).items() if isinstance(value, cached_property))
