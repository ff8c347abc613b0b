"""Rounding and rates: two rules, each with its reason.

- A rate (rectified ÷ found, inspected ÷ registered, a share of inspections) is **truncated**
  to one decimal, never rounded up. That is how the city publishes its figures (14,498 of 14,514
  rectified is 99.89 %, published as 99.8 %), and it keeps 100.0 % for "nothing left open":
  14,513 of 14,514 shows 99.9 %, never 100.0 %.
- A score (points earned ÷ points applicable) is rounded half up to one decimal, as the grading
  precedents do (domain.md §4).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


def round_half_up(value: float | Decimal, places: int = 1) -> float:
    """Round half up, on the decimal value (not the binary float's accidental digits)."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def percent(part: int | float, whole: int | float) -> float | None:
    """part/whole as a percentage truncated to one decimal, or None when there is no whole.

    Decimal division keeps 1/8 = 12.5 exact before truncating, so an exact tenth is never lost
    to a binary float just below it.
    """
    if whole == 0:
        return None
    exact = Decimal(str(part)) * 100 / Decimal(str(whole))
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_DOWN))


def format_percent(rate: float | None) -> str:
    """A rate for people to read: "99.8%", or "—" when there is nothing to divide by."""
    return "—" if rate is None else f"{rate:.1f}%"
