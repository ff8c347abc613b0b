"""Template versions frozen in the database: an inspection keeps the exact text it was graded with."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from sqlalchemy import select

from inspector.core.checklist import Template
from inspector.core.errors import DomainError
from inspector.core.template_format import load_template
from inspector.db.database import Database
from inspector.db.ids import row_by_id, to_str
from inspector.db.models import TemplateRow


@lru_cache(maxsize=32)
def _parse(source: str, sha: str) -> Template:
    return load_template(source, source=f"template {sha[:8]}")


class TemplateService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def register(self, source: str, origin: str = "<template>") -> str:
        """Store a template version (validating it first) and return its id. Registering the same
        text again returns the same id; a different text under a used code+version is refused."""
        template = load_template(source, source=origin)
        sha = hashlib.sha256(source.encode("utf-8")).hexdigest()
        with self.db.transaction() as session:
            row = session.scalar(
                select(TemplateRow).where(TemplateRow.code == template.code, TemplateRow.version == template.version)
            )
            if row is not None:
                if row.sha256 != sha:
                    raise DomainError(f"模板 {template.key} 已存在但内容不同：修改模板后请提高 version（{origin}）")
                return to_str(row.id)
            row = TemplateRow(
                code=template.code, version=template.version, title=template.title, source=source, sha256=sha
            )
            session.add(row)
            session.flush()
            return to_str(row.id)

    def load(self, template_id: str) -> Template:
        with self.db.reading() as session:
            row = row_by_id(session, TemplateRow, template_id, "模板")
            source, sha = row.source, row.sha256
        return _parse(source, sha)

    def latest_id(self, code: str) -> str | None:
        with self.db.reading() as session:
            value = session.scalar(
                select(TemplateRow.id).where(TemplateRow.code == code).order_by(TemplateRow.version.desc()).limit(1)
            )
            return to_str(value) if value else None
