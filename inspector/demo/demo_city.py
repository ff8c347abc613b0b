"""`inspector demo`: fill an empty data folder with a generated demo city."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import func, select

from inspector.core.dates import utcnow
from inspector.core.errors import DomainError
from inspector.core.template_format import load_template
from inspector.db.models import EnterpriseRow, HazardRow, InspectionRow
from inspector.forms_catalog import clause_library, form_dirs, newest
from inspector.workspace import Workspace

from .demo_photos import make_demo_photos
from .generator import DemoGenerator, DemoSpec
from .writer import write_rows


def holds_data(workspace: Workspace) -> bool:
    with workspace.db.reading() as session:
        for model in (EnterpriseRow, InspectionRow, HazardRow):
            if session.scalar(select(func.count()).select_from(model)):
                return True
    return False


def create_demo(workspace: Workspace, spec: DemoSpec, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    if holds_data(workspace):
        occupied = f"数据文件夹 {workspace.data_dir} 已有数据，演示数据只能写入空文件夹"
        raise DomainError(occupied, command_line=occupied + "（用 --data-dir 指定一个新文件夹）")
    if spec.enterprises < 1 or spec.years < 1:
        raise DomainError("演示企业数和年数都必须至少为 1")
    spec = replace(
        spec,
        today=workspace.today(),
        timezone=workspace.settings.timezone,
        office_code=workspace.settings.office_code,
        now=spec.now or utcnow(),
    )
    form = newest(form_dirs(workspace.data_dir))
    source = form.path.read_text(encoding="utf-8")
    template = load_template(source, str(form.path))
    photos = make_demo_photos(workspace.photos, spec.seed)
    clauses = clause_library(form_dirs(workspace.data_dir))
    rows = DemoGenerator(spec, template, source, photos, workspace.db.device_id, clauses).generate(progress)
    meta = {"demo": f"seed={spec.seed} enterprises={spec.enterprises} years={spec.years} today={spec.today}"}
    return write_rows(workspace.db, rows, meta)
