"""What people call the tables and fields a sync conflict can name (never the column names)."""

from __future__ import annotations

from inspector.core.categories import Category
from inspector.core.checklist import LocationType, Result, Severity
from inspector.core.enterprise import EnterpriseSize
from inspector.core.grades import Grade, Light
from inspector.core.hazard_lifecycle import HazardAction, HazardStatus
from inspector.core.inspection import InspectionStatus
from inspector.core.labelled import LabelledEnum

TABLES: dict[str, str] = {
    "enterprises": "企业",
    "inspectors": "检查人员",
    "assignments": "年度检查分配",
    "templates": "检查表模板",
    "inspections": "检查",
    "inspection_inspectors": "检查人员安排",
    "answers": "检查项答案",
    "photos": "照片",
    "answer_photos": "检查项照片",
    "hazards": "隐患",
    "hazard_events": "隐患处理记录",
    "hazard_event_photos": "隐患处理照片",
    "plaques": "等级牌",
    "lights": "季度亮灯",
    "signatures": "签名",
    "amendments": "更正记录",
    "notices": "整改通知书",
    "notice_hazards": "通知书所列隐患",
    "office_keys": "发证机关公钥",
    "tombstones": "删除记录",
}

# Per table first, then shared names: a column not listed here is shown as "其他内容".
FIELDS: dict[str, dict[str, str]] = {
    "enterprises": {
        "name": "企业名称",
        "credit_code": "统一社会信用代码",
        "town": "镇街道",
        "address": "地址",
        "industry": "行业",
        "size": "规模",
        "contact_person": "联系人",
        "contact_phone": "联系电话",
    },
    "inspectors": {"name": "姓名", "staff_no": "执法证号", "office": "单位", "active": "在岗"},
    "assignments": {
        "inspector_id": "检查人员",
        "year": "年度",
        "assigned_on": "分配日期",
        "assigned_by": "分配人",
        "note": "备注",
    },
    "hazards": {
        "description": "隐患描述",
        "location": "位置",
        "location_type": "位置类别",
        "category": "隐患类别",
        "severity": "隐患等级",
        "measures": "整改措施",
        "responsible_person": "整改责任人",
        "legal_basis": "依据",
        "major_clause": "重大隐患判定条款",
        "initial_deadline": "原定整改期限",
        "deadline": "整改期限",
        "status": "状态",
        "found_on": "发现日期",
        "found_by": "发现人",
        "source": "来源",
    },
    "plaques": {
        "serial": "牌号",
        "grade": "等级",
        "current": "当前有效",
        "issued_on": "发放日期",
        "issued_by": "发放人",
        "override_reason": "调整理由",
    },
    "answers": {"item_code": "检查项", "result": "检查结果", "note": "备注"},
    "inspections": {
        "inspection_date": "检查日期",
        "status": "状态",
        "score": "得分",
        "grade": "等级",
        "grade_summary": "评级说明",
    },
    "lights": {"quarter": "季度", "light": "亮灯"},
    "signatures": {"role": "签名角色", "signer_name": "签名人", "signed_at": "签名时间"},
    "notices": {
        "number": "文书编号",
        "issued_on": "下达日期",
        "recheck_on": "复查日期",
        "received_by": "签收人",
        "received_on": "签收日期",
    },
    "office_keys": {"office_name": "发证机关", "revoked": "已吊销"},
}
SHARED: dict[str, str] = {
    "name": "名称",
    "note": "备注",
    "year": "年度",
    "enterprise_id": "企业",
    "inspection_id": "检查",
    "inspector_id": "检查人员",
    "hazard_id": "隐患",
}
OTHER = "其他内容"
WHOLE_ROW = "整条记录"


def table_label(table: str) -> str:
    return TABLES.get(table, "记录")


def field_label(table: str, field: str) -> str:
    """The field's name for people; "" (a whole-row conflict) is 整条记录."""
    if not field:
        return WHOLE_ROW
    return FIELDS.get(table, {}).get(field) or SHARED.get(field) or OTHER


def is_labelled(table: str, field: str) -> bool:
    return field in FIELDS.get(table, {}) or field in SHARED


# Stored codes shown by their labels (符合, 重大隐患…), never as the code.
VALUES: dict[tuple[str, str], type[LabelledEnum]] = {
    ("enterprises", "size"): EnterpriseSize,
    ("answers", "result"): Result,
    ("hazards", "severity"): Severity,
    ("hazards", "status"): HazardStatus,
    ("hazards", "category"): Category,
    ("hazards", "location_type"): LocationType,
    ("hazard_events", "action"): HazardAction,
    ("inspections", "status"): InspectionStatus,
    ("plaques", "grade"): Grade,
    ("inspections", "grade"): Grade,
    ("lights", "light"): Light,
}


def value_label(table: str, field: str, value: str) -> str:
    """A stored code as people read it; any other text as it is."""
    kind = VALUES.get((table, field))
    if kind is None:
        return value
    try:
        return kind(value).label
    except ValueError:
        return value
