"""Working days on China's official calendar: every deadline counted in working days goes through here.

The State Council publishes each year's public holidays and the weekends made working days to
bridge them (调休). The maintained package `chinesecalendar` carries those notices year by year
(2004 to the last year it knows); this module is the only one that asks it. For a year the
package does not know yet (the notice for the next year comes out in the autumn) a working day
is Monday to Friday, and the answer says so (`WorkingDeadline.assumed_years`), so a screen or a
document can tell the reader that the date may move once the year's holidays are published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import chinese_calendar
from chinese_calendar import constants as calendar_data


@cache
def known_years() -> range:
    """The years the holiday calendar has data for (2004 up to its last published year)."""
    days = [*calendar_data.holidays, *calendar_data.workdays]
    return range(min(days).year, max(days).year + 1)


def is_known(day: date) -> bool:
    return day.year in known_years()


def is_working_day(day: date) -> bool:
    """A working day by the official calendar (a 调休 Saturday is one, a holiday Monday is not);
    Monday to Friday for a year the calendar does not know yet."""
    if is_known(day):
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


@dataclass(frozen=True)
class WorkingDeadline:
    start: date
    working_days: int
    due: date
    # Years the count crossed for which the official calendar is not known: there Monday to
    # Friday was assumed, and `due` may move when that year's holidays are published.
    assumed_years: tuple[int, ...] = ()

    @property
    def assumed(self) -> bool:
        return bool(self.assumed_years)

    def caveat(self) -> str:
        """One sentence saying the date is provisional, or "" when the calendar covered it."""
        if not self.assumed_years:
            return ""
        years = "、".join(f"{year} 年" for year in self.assumed_years)
        return f"{years}的法定节假日安排尚未收录，该期间按周一至周五计算工作日，截止日期可能随节假日安排调整"


def add_working_days(start: date, working_days: int) -> WorkingDeadline:
    """The day on which `working_days` working days after `start` end: "within 15 working days
    from receipt" counts from the day after `start`, so the due date is the 15th working day
    after it (start itself never counts, whether or not it is a working day)."""
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    day, counted, assumed = start, 0, set()
    while counted < working_days:
        day += timedelta(days=1)
        if not is_known(day):
            assumed.add(day.year)
        if is_working_day(day):
            counted += 1
    return WorkingDeadline(start, working_days, day, tuple(sorted(assumed)))
