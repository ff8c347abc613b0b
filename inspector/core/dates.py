"""Dates the Chinese way, and "today" in the office's time zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from .errors import DomainError

DEFAULT_TIMEZONE = "Asia/Shanghai"


def today(tz_name: str = DEFAULT_TIMEZONE, now: datetime | None = None) -> date:
    """The calendar date in the office's zone: an inspector in Shanghai at 07:30 is not on yesterday's UTC date."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(tz_name)).date()


def utcnow() -> datetime:
    return datetime.now(UTC)


def format_cn(day: date) -> str:
    """YYYY年MM月DD日, the form printed on documents."""
    return f"{day.year:04d}年{day.month:02d}月{day.day:02d}日"


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise DomainError(f"季度必须是 1 到 4，而不是 {self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Accept 2026Q3 (also 2026-Q3, lower case)."""
        match = re.fullmatch(r"\s*(\d{4})-?[Qq]([1-4])\s*", text)
        if not match:
            raise DomainError(f"季度格式应为 2026Q3，收到的是 “{text}”")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        if self.number == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.number + 1, 1) - timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"
