"""An inspected enterprise, as the office's register knows it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import credit_code
from .errors import ValidationError
from .labelled import LabelledEnum


class EnterpriseSize(LabelledEnum):
    LARGE = "large", "大型"
    MEDIUM = "medium", "中型"
    SMALL = "small", "小型"
    MICRO = "micro", "微型"

    @classmethod
    def parse(cls, text: str) -> EnterpriseSize | None:
        """Accept the stored value or the Chinese label (大型, 中型企业…); empty means unknown."""
        text = (text or "").strip()
        if not text:
            return None
        for size in cls:
            if text.lower() == size.value or text.removesuffix("企业") == size.label:
                return size
        raise ValidationError({"规模": f"“{text}”不是大型、中型、小型或微型"})


HEADCOUNT = "从业人数"
ABOVE_SCALE = "规上"
HEADCOUNT_MAX = 1_000_000
_YES = ("是", "规上", "规模以上", "y", "yes", "true", "1", "√")
_NO = ("否", "规下", "规模以下", "n", "no", "false", "0", "×")


def parse_headcount(text: str) -> int | None:
    """A headcount as a spreadsheet holds it ("320", "320人", 320.0); empty means unknown."""
    text = (text or "").strip().removesuffix("人").strip().replace(",", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0 or not value.is_integer():
        raise ValidationError({HEADCOUNT: f"“{text}”不是人数（应为不小于 0 的整数）"})
    return int(value)


def parse_above_scale(text: str) -> bool | None:
    """规上 as a spreadsheet writes it: 是/否, 规上/规下, Y/N, 1/0; empty means unknown."""
    folded = (text or "").strip().casefold()
    if not folded:
        return None
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValidationError({ABOVE_SCALE: f"“{text.strip()}”应为“是”或“否”（规上或规下）"})


_PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")
NAME_MAX = 100


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    town: str
    address: str = ""
    industry: str = ""
    size: EnterpriseSize | None = None
    contact_person: str = ""
    contact_phone: str = ""
    # Codes of forms/risk-tags.toml (涉粉 is "dust"…); which codes exist is the service's check.
    risk_tags: tuple[str, ...] = ()
    headcount: int | None = None  # 从业人数; None: not recorded
    above_scale: bool | None = None  # 规上 (True), 规下 (False); None: not recorded
    id: str | None = field(default=None, compare=False)

    def validated(self) -> Enterprise:
        """Return a copy with normalized fields, or raise ValidationError naming every bad field."""
        problems: dict[str, str] = {}
        name = " ".join(self.name.split())
        if not name:
            problems["企业名称"] = "不能为空"
        elif len(name) > NAME_MAX:
            problems["企业名称"] = f"不能超过 {NAME_MAX} 个字"
        code = credit_code.normalize(self.credit_code)
        try:
            code = credit_code.check(code)
        except ValidationError as error:
            problems.update(error.problems)
        town = self.town.strip()
        if not town:
            problems["镇街道"] = "不能为空"
        phone = self.contact_phone.strip()
        if phone and not _PHONE.match(phone):
            problems["联系电话"] = f"“{phone}”不是有效的电话号码"
        if self.headcount is not None and not 0 <= self.headcount <= HEADCOUNT_MAX:
            problems[HEADCOUNT] = f"{self.headcount} 不是有效的人数（0 到 {HEADCOUNT_MAX}）"
        if problems:
            raise ValidationError(problems, subject=name or "企业")
        return replace(
            self,
            name=name,
            credit_code=code,
            town=town,
            address=self.address.strip(),
            industry=self.industry.strip(),
            contact_person=self.contact_person.strip(),
            contact_phone=phone,
            risk_tags=tuple(dict.fromkeys(tag.strip() for tag in self.risk_tags if tag.strip())),
        )
