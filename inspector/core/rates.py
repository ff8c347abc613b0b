"""Rounding and rates. One rule everywhere: one decimal, rounded half up (14,498/14,514 → 99.9)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: float | Decimal, places: int = 1) -> float:
    """Round half up, on the decimal value (not the binary float's accidental digits)."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def percent(part: int | float, whole: int | float) -> float | None:
    """part/whole as a percentage with one decimal, or None when there is no whole to divide by."""
    if whole == 0:
        return None
    # Decimal division keeps 1/8 = 12.5 exact before rounding.
    return round_half_up(Decimal(str(part)) * 100 / Decimal(str(whole)))
