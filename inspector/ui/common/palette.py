"""Every colour the screens use, by what it means.

The grade and light colours are the app's own, kept Qt-free in `inspector.core.grades` because the
plaque and the annual summary print them too; here they are only re-exported. The rest belong to
the screens: what alerts (overdue, refused, a failed answer, a major hazard), what cautions, what
is done, and the greys and fills that frame content. A widget names a colour from here; no hex
value is written anywhere else in inspector/ui.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from inspector.core.checklist import Result
from inspector.core.grades import GRADE_COLOURS, LIGHT_COLOURS, PENDING_COLOUR, grade_colour
from inspector.core.inspection import InspectionStatus

__all__ = ["GRADE_COLOURS", "LIGHT_COLOURS", "PENDING_COLOUR", "grade_colour"]

# -- meaning -----------------------------------------------------------------------------------
ALERT = "#C62828"  # overdue, refused, a failed answer, a major hazard, a veto item, a grade going down
ALERT_DARK = "#B71C1C"  # an error banner's text; open major hazards
CAUTION = "#B26A00"  # a partial answer, a draft, a warning that does not stop the user
KEY_ITEM = "#E65100"  # a key item (关键项): failing one caps the grade at C
HAZARDS_FOUND = GRADE_COLOURS["C"]  # found hazards in the dashboard's cards and charts
GOOD = "#2E7D32"  # a passed answer, a finalized inspection, rectified hazards, a grade going up
GOOD_DARK = "#1B5E20"  # a success banner's text
INFO = "#1565C0"  # a completed inspection, the primary button, a figure with no verdict
COVERAGE = "#00838F"  # the dashboard's inspected / coverage card
TRAINING = "#6A1B9A"  # the dashboard's training cards (开工第一课, 班组长培训)
AMENDED = "#6D4C41"  # a corrected (更正) answer
PROGRESS = "#4A90D9"  # the checklist's progress bar
SIGNATURE_INK = "#0D2A66"  # blue-black, like a ballpoint pen

# -- text --------------------------------------------------------------------------------------
TEXT = "#222222"  # large values (score), the checklist item
TEXT_STRONG = "#333333"  # headings, item codes, reasons
MUTED = "#666666"  # notes, subtitles, secondary lines
HINT = "#888888"  # hints under and beside fields
NEUTRAL = "#757575"  # not applicable, placeholders, a general hazard
SLATE = "#37474F"  # status lines under lists
SLATE_MUTED = "#78909C"  # the dashboard's status and card details
SLATE_CAPTION = "#546E7A"  # the dashboard's card captions
CHART_LABEL = "#263238"

# -- surfaces ----------------------------------------------------------------------------------
CARD = "#FFFFFF"
CARD_BORDER = "#E0E0E0"
FIGURE_BORDER = "#CFD8DC"
DISABLED = "#90A4AE"
TRACK = "#EEEEEE"  # the empty part of a bar
PROGRESS_TRACK = "#EEF1F4"
PROGRESS_BORDER = "#C5CCD3"
GUIDANCE_FILL = "#F4F6F8"
GUIDANCE_BORDER = "#DDE3E8"
ERROR_FILL = "#FDECEA"
ERROR_BORDER = "#F5C2C0"
SUCCESS_FILL = "#E8F5E9"
HIGHLIGHT_FILL = "#FFF8E1"  # a manual grade override, an amended grade
HIGHLIGHT_BORDER = "#FFCC80"
PAPER = "#FAFAFA"  # around the signature pad
PAPER_READ_ONLY = "#F7F7F7"
RULE = "#BDBDBD"  # frames and the pad's base line
RULE_LIGHT = "#D0D0D0"
PDF_BACKGROUND = "#8A8A8A"
PHOTO_BACKGROUND = "#263238"  # around a photo being marked up: dark, so the picture stands out

RESULT_COLOURS: dict[Result, str] = {
    Result.PASS: GOOD,
    Result.PARTIAL: CAUTION,
    Result.FAIL: ALERT,
    Result.NOT_APPLICABLE: NEUTRAL,
}
STATUS_COLOURS: dict[InspectionStatus, str] = {
    InspectionStatus.DRAFT: CAUTION,
    InspectionStatus.COMPLETED: INFO,
    InspectionStatus.FINALIZED: GOOD,
}


def brush(colour: str) -> QBrush:
    """A brush of one of the colours above, for a model's ForegroundRole / BackgroundRole."""
    return QBrush(QColor(colour))


def text_style(colour: str) -> str:
    """The style sheet of a label written in `colour`."""
    return f"color: {colour};"


def banner_style(error: bool) -> str:
    """A message banner: red on pink for an error, green on pale green for a success."""
    if error:
        return f"background: {ERROR_FILL}; color: {ALERT_DARK};"
    return f"background: {SUCCESS_FILL}; color: {GOOD_DARK};"
