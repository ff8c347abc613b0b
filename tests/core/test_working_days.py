"""Working days on China's official calendar (chinesecalendar behind inspector.core.working_days):
holidays are skipped, 调休 weekends count, and past the calendar's known years Monday to Friday
is assumed and said."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inspector.core.working_days import add_working_days, is_working_day, known_years


def test_may_day_is_skipped_and_its_make_up_saturday_counts() -> None:
    # 2026: 1–5 May off, Saturday 9 May worked. From Friday 24 April: 27–30 April (4), 6–8 May
    # (7), Saturday 9 May (8), 11–15 May (13), 18–19 May (15). Monday to Friday would give 15 May.
    deadline = add_working_days(date(2026, 4, 24), 15)
    assert deadline.due == date(2026, 5, 19)
    assert not deadline.assumed and deadline.caveat() == ""
    assert is_working_day(date(2026, 5, 9)) and not is_working_day(date(2026, 5, 4))


def test_the_start_day_never_counts() -> None:
    assert add_working_days(date(2026, 4, 3), 1).due == date(2026, 4, 7)  # Friday, then Qingming Monday off
    assert add_working_days(date(2026, 4, 5), 0).due == date(2026, 4, 5)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 4, 5), -1)


def test_national_day_week() -> None:
    # 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
    assert is_working_day(date(2025, 9, 28)) and is_working_day(date(2025, 10, 11))
    assert add_working_days(date(2025, 9, 30), 2).due == date(2025, 10, 10)


def test_past_the_known_years_monday_to_friday_is_assumed_and_said() -> None:
    last = max(known_years())
    assert min(known_years()) == 2004
    deadline = add_working_days(date(last, 12, 24), 15)
    assert deadline.assumed_years == (last + 1,)
    assert f"{last + 1} 年的法定节假日安排尚未收录" in deadline.caveat()
    assert "周一至周五" in deadline.caveat()
    # Beyond the calendar every weekday counts: 15 of them.
    march = date(last + 1, 3, 1)
    next_year = march + timedelta(days=-march.weekday() % 7)  # its first Monday
    after = add_working_days(next_year, 15).due
    assert after == next_year + timedelta(days=21) and after.weekday() == next_year.weekday()
