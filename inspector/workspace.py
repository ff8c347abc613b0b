"""A data folder opened for work: settings, database, photos and the services over them.

The CLI and the GUI both do everything through a Workspace, so a test can do what a user does
without a window.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path

from inspector.core.dates import today
from inspector.db.database import DB_NAME, Database
from inspector.forms_catalog import DEFAULT_TEMPLATE, form_dirs, newest
from inspector.photos.photo_store import PhotoStore
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
from inspector.services.roster import RosterService
from inspector.services.signatures import SignatureService
from inspector.services.templates import TemplateService
from inspector.settings import Settings
from inspector.sync.central_sync import CentralSync
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
        """Validate and store new settings; services made from the old ones are made afresh."""
        settings.save(self.data_dir)
        self.settings = settings
        for name in ("photos", "hazards", "reviews"):  # reviews read through the hazards service
            self.__dict__.pop(name, None)

    def today(self) -> date:
        return today(self.settings.timezone)

    @cached_property
    def photos(self) -> PhotoStore:
        s = self.settings
        return PhotoStore(self.data_dir / "photos", s.photo_long_edge, s.thumbnail_size, s.timezone)

    @cached_property
    def enterprises(self) -> EnterpriseService:
        return EnterpriseService(self.db)

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

    def close(self) -> None:
        self.db.close()
