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
        )
