"""The hazard number (隐患编号) printed in ledgers: human-readable and the same on every copy.

A hazard is created offline on any laptop and identified by its UUID, which sync keeps the same
everywhere; its number is read off that UUID, so it needs no allocation, no column and no
coordination: ``YH-2026-3F9A1-C2B7D`` is 隐患 (YH), the year found, then the first ten hex digits
of the id in two groups of five. Ten digits keep two hazards of one year apart: among 15,000
hazards the chance that any two share a number is about 1 in 10,000.
"""

from __future__ import annotations

from datetime import date

PREFIX = "YH"
DIGITS = 10


def hazard_number(hazard_id: str, found_on: date) -> str:
    """``hazard_number("3f9a1c2b7d…", date(2026, 4, 1)) == "YH-2026-3F9A1-C2B7D"``."""
    digits = hazard_id.replace("-", "").upper()[:DIGITS]
    half = DIGITS // 2
    return f"{PREFIX}-{found_on.year:04d}-{digits[:half]}-{digits[half:]}"
