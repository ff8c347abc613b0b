"""Who may order what (domain.md §2): the issuing office's kind decides its documents and wording.

A government authority (应急管理局, 综合行政执法) orders: its document is the
责令限期整改指令书, "责令立即改正" or "责令限期改正". A trade union has no power to order
(安全生产法 §60: it "有权提出解决的建议"): it asks, in a 监督意见书 or 整改建议书, for
rectification by a date; the enterprise answers in writing within 15 working days; without an
answer, or for a major hazard, the union sends a 建议书 to the authority (移送).

A notice's document type is stored when it is issued and never changes: one number is one
document. Notices issued before office kinds existed keep their type, 整改通知书, and take
their wording from the office's kind.
"""

from __future__ import annotations

from .errors import DomainError
from .labelled import LabelledEnum

REPLY_WORKING_DAYS = 15  # the unions' labour-law supervision rules: a written reply within 15 working days


class OfficeKind(LabelledEnum):
    UNION = "union", "工会"
    AUTHORITY = "authority", "行政机关"  # 应急管理局、综合行政执法

    @classmethod
    def parse(cls, text: str) -> OfficeKind:
        try:
            return cls(text)
        except ValueError:
            choices = "、".join(f"{k.value}（{k.label}）" for k in cls)
            raise DomainError(f"发文单位类别“{text}”无效：只能是 {choices}") from None


class NoticeKind(LabelledEnum):
    SUPERVISION = "supervision", "监督意见书"  # a union's letter
    SUGGESTION = "suggestion", "整改建议书"  # a union's letter
    ORDER = "order", "责令限期整改指令书"  # an authority's order
    REFERRAL = "referral", "建议书"  # a union's referral to the authority (移送)
    RECTIFICATION = "rectification", "整改通知书"  # issued before office kinds (migration 0008)


class OrderType(LabelledEnum):
    """Immediate or by a deadline; the words differ by who writes (see `order_wording`)."""

    IMMEDIATE = "immediate", "责令立即改正"
    DEADLINE = "deadline", "责令限期改正"


class ReferralReason(LabelledEnum):
    UNANSWERED = "unanswered", "逾期未书面答复"
    MAJOR_HAZARD = "major_hazard", "存在重大事故隐患"


# The documents each kind of office issues to an enterprise; the first is the default.
LETTERS: dict[OfficeKind, tuple[NoticeKind, ...]] = {
    OfficeKind.UNION: (NoticeKind.SUPERVISION, NoticeKind.SUGGESTION),
    OfficeKind.AUTHORITY: (NoticeKind.ORDER,),
}
UNION_LETTERS = frozenset(LETTERS[OfficeKind.UNION])


def letter_kinds(office: OfficeKind) -> tuple[NoticeKind, ...]:
    return LETTERS[office]


def check_letter_kind(kind: NoticeKind, office: OfficeKind) -> None:
    """Refuse, in one sentence, a document this kind of office may not issue."""
    if kind in LETTERS[office]:
        return
    allowed = "或".join(k.label for k in LETTERS[office])
    if kind is NoticeKind.ORDER:
        raise DomainError(f"工会无权责令整改，不能签发{kind.label}：请签发{allowed}")
    if kind is NoticeKind.REFERRAL:
        raise DomainError("建议书只用于向行政机关移送，不能作为整改文书签发给企业")
    if kind is NoticeKind.RECTIFICATION:
        raise DomainError(f"整改通知书已不再签发：本单位（{office.label}）签发{allowed}")
    raise DomainError(f"{kind.label}由工会签发；本单位为{office.label}，请签发{allowed}")


def orders(kind: NoticeKind, office: OfficeKind) -> bool:
    """Whether the document orders (责令): only an authority's. A 整改通知书 issued before
    office kinds takes the office's kind."""
    if kind is NoticeKind.RECTIFICATION:
        return office is OfficeKind.AUTHORITY
    return kind is NoticeKind.ORDER


def asks_reply(kind: NoticeKind) -> bool:
    """Whether the enterprise owes a written reply within 15 working days: a union's letter."""
    return kind in UNION_LETTERS


def order_wording(order_type: OrderType, ordering: bool) -> str:
    """ "责令限期改正" for an authority; "限期整改" (asked, not ordered) for a union."""
    if ordering:
        return order_type.label
    return "立即整改" if order_type is OrderType.IMMEDIATE else "限期整改"
