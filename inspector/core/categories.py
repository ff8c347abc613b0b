"""Hazard and checklist categories (the areas of domain.md §5), used for figures by category."""

from __future__ import annotations

from .labelled import LabelledEnum


class Category(LabelledEnum):
    MANAGEMENT = "management", "安全管理"
    TRAINING = "training", "教育培训"
    FIRE = "fire", "消防安全"
    ELECTRICAL = "electrical", "用电安全"
    GAS_CANTEEN = "gas_canteen", "燃气与食堂"
    CHEMICALS = "chemicals", "危险化学品"
    HAZARDOUS_WASTE = "hazardous_waste", "危险废物"
    WORKSHOP = "workshop", "生产车间"
    WAREHOUSE = "warehouse", "仓储"
    PPE = "ppe", "劳动防护用品"
    OCCUPATIONAL_HEALTH = "occupational_health", "职业健康"
    EMERGENCY = "emergency", "应急管理"
    OTHER = "other", "其他"
