"""Notice numbers (整改通知书编号) allocated offline on each laptop without collisions; plaque
serials (亮牌编号) take the same form with their own sequence (inspector.services.grading_round).

A number reads ``PH-2026-3F9A-0007``:

- ``PH``   the office code from the settings (1–8 upper-case letters or digits);
- ``2026`` the year the notice was issued;
- ``3F9A`` the device prefix: the first hex digits of this database's device id, upper-cased;
- ``0007`` the device's sequence for that year (at least four digits, more once past 9999).

Each laptop numbers its own notices, so two laptops never need to talk to stay apart: their
prefixes differ. The prefix is *stored* in the device's ``meta`` table the first time a notice is
issued (key ``notice_prefix``), so it never changes under a device's feet. With four hex digits
two devices share a prefix with probability about 1/65,536 per pair (for 50 laptops about 1.9 %
that some pair collides); the ``notices.number`` unique constraint turns such a clash into a
refused merge instead of two notices with one number, and the office can then give one device a
longer prefix (up to :data:`MAX_PREFIX` digits; six digits make it about 1/16.7 million per pair)
by editing that meta value before it issues more notices. The sequence lives in the same table
(``notice_seq:<year>``) and is raised in the transaction that stores the notice, so a number is
never handed out twice, not even after a notice is deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import DomainError

MIN_PREFIX = 4
MAX_PREFIX = 6
SEQ_WIDTH = 4

_OFFICE = re.compile(r"[A-Z0-9]{1,8}")
_PREFIX = re.compile(rf"[0-9A-F]{{{MIN_PREFIX},{MAX_PREFIX}}}")
_NUMBER = re.compile(rf"([A-Z0-9]{{1,8}})-(\d{{4}})-([0-9A-F]{{{MIN_PREFIX},{MAX_PREFIX}}})-(\d{{{SEQ_WIDTH},}})")


@dataclass(frozen=True, order=True)
class NoticeNumber:
    office: str
    year: int
    device: str
    seq: int

    def __post_init__(self) -> None:
        problems = []
        if not _OFFICE.fullmatch(self.office):
            problems.append(f"单位代码应为 1–8 位大写字母或数字，而不是 “{self.office}”")
        if not 2000 <= self.year <= 9999:
            problems.append(f"年份应为四位数，而不是 {self.year}")
        if not _PREFIX.fullmatch(self.device):
            problems.append(
                f"设备代码应为 {MIN_PREFIX}–{MAX_PREFIX} 位大写十六进制数字（0–9、A–F），而不是 “{self.device}”"
            )
        if self.seq < 1:
            problems.append(f"流水号应从 1 开始，而不是 {self.seq}")
        if problems:
            raise DomainError("通知书编号无效：" + "；".join(problems))

    def __str__(self) -> str:
        return f"{self.office}-{self.year:04d}-{self.device}-{self.seq:0{SEQ_WIDTH}d}"


def device_prefix(device_id: str, length: int = MIN_PREFIX) -> str:
    """The first `length` hex digits of a device id (a UUID's 32 hex digits), upper-cased."""
    if not MIN_PREFIX <= length <= MAX_PREFIX:
        raise DomainError(f"设备代码长度应在 {MIN_PREFIX} 到 {MAX_PREFIX} 位之间，而不是 {length}")
    digits = device_id.replace("-", "").strip().upper()
    if len(digits) < length or not re.fullmatch(r"[0-9A-F]+", digits):
        raise DomainError(f"设备编号 “{device_id}” 不是十六进制数字，无法生成通知书编号")
    return digits[:length]


def format_number(office: str, year: int, device: str, seq: int) -> str:
    """The printed number, validated: ``format_number("PH", 2026, "3F9A", 7) == "PH-2026-3F9A-0007"``."""
    return str(NoticeNumber(office, year, device, seq))


def parse_number(text: str) -> NoticeNumber:
    """Read a number back (surrounding spaces and lower-case letters are accepted)."""
    cleaned = (text or "").strip().upper()
    match = _NUMBER.fullmatch(cleaned)
    if not match:
        raise DomainError(
            f"通知书编号格式应为 单位代码-年份-设备代码-流水号，例如 PH-2026-3F9A-0007，收到的是 “{text}”"
        )
    office, year, device, seq = match.groups()
    return NoticeNumber(office, int(year), device, int(seq))


def is_number(text: str) -> bool:
    try:
        parse_number(text)
    except DomainError:
        return False
    return True
