"""Translated names of the core's enums, for display.

The core stays Qt-free and its `.label` properties are Chinese. Here every label is repeated as a
literal `QCoreApplication.translate("Labels", "…")` call, so that lupdate extracts each one; the
Chinese text must stay identical to the core's `.label` (tests/ui/test_translations.py checks it).
The dicts are built on every call so that a translator installed later is honoured.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.core.amendment import Amendment, AmendmentField
from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Result, Severity
from inspector.core.grades import Grade, Light
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.core.office_kind import NoticeKind, OfficeKind
from inspector.core.plaque import ValidityRule
from inspector.core.training import TrainingKind
from inspector.services.signatures import SignatureRole


def status_label(status: InspectionStatus) -> str:
    return {
        InspectionStatus.DRAFT: QCoreApplication.translate("Labels", "草稿"),
        InspectionStatus.COMPLETED: QCoreApplication.translate("Labels", "已完成"),
        InspectionStatus.FINALIZED: QCoreApplication.translate("Labels", "已定稿"),
    }[InspectionStatus(status)]


def hazard_status_label(status: HazardStatus) -> str:
    return {
        HazardStatus.RECORDED: QCoreApplication.translate("Labels", "已登记"),
        HazardStatus.FIXED_ON_SITE: QCoreApplication.translate("Labels", "已当场整改"),
        HazardStatus.NOTICE_ISSUED: QCoreApplication.translate("Labels", "已下发整改通知"),
        HazardStatus.RECTIFYING: QCoreApplication.translate("Labels", "整改中"),
        HazardStatus.RECHECK_REQUESTED: QCoreApplication.translate("Labels", "申请复查"),
        HazardStatus.RECHECK_PASSED: QCoreApplication.translate("Labels", "复查通过"),
        HazardStatus.CLOSED: QCoreApplication.translate("Labels", "已销号"),
        HazardStatus.VOIDED: QCoreApplication.translate("Labels", "已作废"),
    }[HazardStatus(status)]


def action_label(action: HazardAction) -> str:
    # Two actions share their Chinese text with a status; the disambiguation keeps them apart.
    return {
        HazardAction.RECORD: QCoreApplication.translate("Labels", "登记隐患"),
        HazardAction.FIX_ON_SITE: QCoreApplication.translate("Labels", "当场整改"),
        HazardAction.ISSUE_NOTICE: QCoreApplication.translate("Labels", "下发整改通知"),
        HazardAction.START_RECTIFYING: QCoreApplication.translate("Labels", "开始整改"),
        HazardAction.REQUEST_RECHECK: QCoreApplication.translate("Labels", "申请复查", "hazard action"),
        HazardAction.PASS_RECHECK: QCoreApplication.translate("Labels", "复查通过", "hazard action"),
        HazardAction.FAIL_RECHECK: QCoreApplication.translate("Labels", "复查不通过"),
        HazardAction.CLOSE: QCoreApplication.translate("Labels", "销号"),
        HazardAction.VOID: QCoreApplication.translate("Labels", "作废"),
        HazardAction.REQUEST_EXTENSION: QCoreApplication.translate("Labels", "申请延期"),
        HazardAction.APPROVE_EXTENSION: QCoreApplication.translate("Labels", "批准延期"),
        HazardAction.REFUSE_EXTENSION: QCoreApplication.translate("Labels", "驳回延期"),
    }[HazardAction(action)]


def result_label(result: Result) -> str:
    return {
        Result.PASS: QCoreApplication.translate("Labels", "符合"),
        Result.PARTIAL: QCoreApplication.translate("Labels", "部分符合"),
        Result.FAIL: QCoreApplication.translate("Labels", "不符合"),
        Result.NOT_APPLICABLE: QCoreApplication.translate("Labels", "不适用"),
    }[Result(result)]


def severity_label(severity: Severity) -> str:
    return {
        Severity.GENERAL: QCoreApplication.translate("Labels", "一般隐患"),
        Severity.MAJOR: QCoreApplication.translate("Labels", "重大隐患"),
    }[Severity(severity)]


def location_label(location: LocationType) -> str:
    return {
        LocationType.WORKSHOP: QCoreApplication.translate("Labels", "生产车间"),
        LocationType.WAREHOUSE: QCoreApplication.translate("Labels", "仓库"),
        LocationType.CHEMICAL_STORE: QCoreApplication.translate("Labels", "危险化学品仓库"),
        LocationType.HAZARDOUS_WASTE_STORE: QCoreApplication.translate("Labels", "危险废物贮存库"),
        LocationType.CANTEEN: QCoreApplication.translate("Labels", "食堂"),
        LocationType.DISTRIBUTION_ROOM: QCoreApplication.translate("Labels", "配电房"),
        LocationType.OFFICE: QCoreApplication.translate("Labels", "办公区"),
        LocationType.DORMITORY: QCoreApplication.translate("Labels", "宿舍"),
        LocationType.OUTDOOR: QCoreApplication.translate("Labels", "室外场地"),
        LocationType.WHOLE_SITE: QCoreApplication.translate("Labels", "全厂"),
    }[LocationType(location)]


def category_label(category: Category) -> str:
    return {
        Category.MANAGEMENT: QCoreApplication.translate("Labels", "安全管理"),
        Category.TRAINING: QCoreApplication.translate("Labels", "教育培训"),
        Category.FIRE: QCoreApplication.translate("Labels", "消防安全"),
        Category.ELECTRICAL: QCoreApplication.translate("Labels", "用电安全"),
        Category.GAS_CANTEEN: QCoreApplication.translate("Labels", "燃气与食堂"),
        Category.CHEMICALS: QCoreApplication.translate("Labels", "危险化学品"),
        Category.HAZARDOUS_WASTE: QCoreApplication.translate("Labels", "危险废物"),
        Category.WORKSHOP: QCoreApplication.translate("Labels", "生产车间"),
        Category.WAREHOUSE: QCoreApplication.translate("Labels", "仓储"),
        Category.PPE: QCoreApplication.translate("Labels", "劳动防护用品"),
        Category.OCCUPATIONAL_HEALTH: QCoreApplication.translate("Labels", "职业健康"),
        Category.EMERGENCY: QCoreApplication.translate("Labels", "应急管理"),
        Category.OTHER: QCoreApplication.translate("Labels", "其他"),
    }[Category(category)]


def grade_label(grade: Grade) -> str:
    return {
        Grade.A: QCoreApplication.translate("Labels", "A级"),
        Grade.B: QCoreApplication.translate("Labels", "B级"),
        Grade.C: QCoreApplication.translate("Labels", "C级"),
        Grade.D: QCoreApplication.translate("Labels", "D级"),
    }[Grade(grade)]


def light_label(light: Light) -> str:
    return {
        Light.GREEN: QCoreApplication.translate("Labels", "绿灯"),
        Light.YELLOW: QCoreApplication.translate("Labels", "黄灯"),
        Light.RED: QCoreApplication.translate("Labels", "红灯"),
    }[Light(light)]


def role_label(role: SignatureRole) -> str:
    return {
        SignatureRole.INSPECTOR_1: QCoreApplication.translate("Labels", "检查人员 1"),
        SignatureRole.INSPECTOR_2: QCoreApplication.translate("Labels", "检查人员 2"),
        SignatureRole.ENTERPRISE: QCoreApplication.translate("Labels", "企业代表"),
    }[SignatureRole(role)]


def training_kind_label(kind: TrainingKind) -> str:
    return {
        TrainingKind.FIRST_LESSON: QCoreApplication.translate("Labels", "开工第一课"),
        TrainingKind.TEAM_LEADER: QCoreApplication.translate("Labels", "班组长培训"),
    }[TrainingKind(kind)]


def amendment_field_label(field: AmendmentField) -> str:
    return {
        AmendmentField.ANSWER: QCoreApplication.translate("Labels", "答案"),
        AmendmentField.NOTE: QCoreApplication.translate("Labels", "备注"),
    }[AmendmentField(field)]


def amendment_text(amendment: Amendment) -> str:
    """`Amendment.describe()` with translated labels, e.g. "C-2 答案：不符合 → 符合"."""
    old, new = amendment.old_value, amendment.new_value
    if amendment.field is AmendmentField.ANSWER:
        old = result_label(Result(old)) if old else QCoreApplication.translate("Labels", "未作答")
        new = result_label(Result(new))
    else:
        old = old or QCoreApplication.translate("Labels", "（空）")
        new = new or QCoreApplication.translate("Labels", "（空）")
    return QCoreApplication.translate("Labels", "{code} {field}：{old} → {new}").format(
        code=amendment.item_code or QCoreApplication.translate("Labels", "检查"),
        field=amendment_field_label(amendment.field),
        old=old,
        new=new,
    )


def notice_kind_label(kind: NoticeKind) -> str:
    return {
        NoticeKind.SUPERVISION: QCoreApplication.translate("Labels", "监督意见书"),
        NoticeKind.SUGGESTION: QCoreApplication.translate("Labels", "整改建议书"),
        NoticeKind.ORDER: QCoreApplication.translate("Labels", "责令限期整改指令书"),
        NoticeKind.REFERRAL: QCoreApplication.translate("Labels", "建议书"),
        NoticeKind.RECTIFICATION: QCoreApplication.translate("Labels", "整改通知书"),
    }[NoticeKind(kind)]


def office_kind_label(kind: OfficeKind) -> str:
    return {
        OfficeKind.UNION: QCoreApplication.translate("Labels", "工会"),
        OfficeKind.AUTHORITY: QCoreApplication.translate("Labels", "行政机关"),
    }[OfficeKind(kind)]


def validity_rule_label(rule: ValidityRule) -> str:
    return {
        ValidityRule.YEAR_AFTER: QCoreApplication.translate("Labels", "至次年12月31日"),
        ValidityRule.NEXT_ROUND: QCoreApplication.translate("Labels", "至下一轮评定"),
    }[ValidityRule(rule)]


def order_label(wording: str) -> str:
    """The words of an order type (office_kind.order_wording): an authority's or a union's."""
    return {
        "责令限期改正": QCoreApplication.translate("Labels", "责令限期改正"),
        "责令立即改正": QCoreApplication.translate("Labels", "责令立即改正"),
        "限期整改": QCoreApplication.translate("Labels", "限期整改"),
        "立即整改": QCoreApplication.translate("Labels", "立即整改"),
    }.get(wording, wording)
