"""What the read models and the services agree on about graded inspections and hazard names."""

from __future__ import annotations

from functools import lru_cache

from inspector.core.checklist import Template
from inspector.core.inspection import InspectionStatus
from inspector.core.template_format import load_template
from inspector.db.models import HazardRow

# Inspections that carry a grade: completed (awaiting signatures) or finalized.
GRADED = (InspectionStatus.COMPLETED.value, InspectionStatus.FINALIZED.value)


@lru_cache(maxsize=32)
def frozen_template(source: str, sha: str) -> Template:
    """A frozen template version parsed once (the sha keys the cache; the text is the source)."""
    return load_template(source, source=f"template {sha[:8]}")


def hazard_code(row: HazardRow) -> str:
    """The short name of a hazard in grading reasons: item code and the start of its description."""
    text = row.description if len(row.description) <= 20 else row.description[:20] + "…"
    return f"{row.item_code} {text}" if row.item_code else text
