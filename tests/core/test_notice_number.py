"""Notice numbers: format, parse, validation messages, device prefixes."""

from __future__ import annotations

import pytest

from inspector.core.errors import DomainError
from inspector.core.notice_number import NoticeNumber, device_prefix, format_number, is_number, parse_number


def test_format_pads_the_sequence_and_round_trips() -> None:
    assert format_number("PH", 2026, "3F9A", 7) == "PH-2026-3F9A-0007"
    assert parse_number("PH-2026-3F9A-0007") == NoticeNumber("PH", 2026, "3F9A", 7)
    assert str(parse_number(" ph-2026-3f9a-0007 ")) == "PH-2026-3F9A-0007"


def test_sequences_past_9999_and_six_digit_prefixes() -> None:
    assert format_number("PH", 2026, "3F9A0C", 12345) == "PH-2026-3F9A0C-12345"
    assert parse_number("PH-2026-3F9A0C-12345").seq == 12345


def test_numbers_sort_by_sequence_within_a_device() -> None:
    assert parse_number("PH-2026-3F9A-0002") < parse_number("PH-2026-3F9A-0010")


def test_device_prefix_is_upper_case_hex_of_the_device_id() -> None:
    assert device_prefix("3f9a0c1d2e3f40516273849506172839") == "3F9A"
    assert device_prefix("3f9a0c1d-2e3f-4051-6273-849506172839", 6) == "3F9A0C"
    with pytest.raises(DomainError, match="长度"):
        device_prefix("3f9a0c1d", 8)
    with pytest.raises(DomainError, match="十六进制"):
        device_prefix("laptop-7")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("PH-2026-3F9A-7", "格式应为"),
        ("PH/2026/3F9A/0007", "格式应为"),
        ("PH-26-3F9A-0007", "格式应为"),
        ("PH-2026-3G9A-0007", "格式应为"),
        ("", "格式应为"),
        ("PH-2026-3F9A-0000", "流水号"),
        ("PH-1999-3F9A-0001", "年份"),
    ],
)
def test_bad_numbers_are_refused_with_a_message(text: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        parse_number(text)
    assert not is_number(text)


def test_format_validates_every_part() -> None:
    with pytest.raises(DomainError) as caught:
        format_number("ph", 2026, "3f9", 0)
    text = str(caught.value)
    assert "单位代码" in text and "设备代码" in text and "流水号" in text
