"""Hazard and checklist categories (the areas of domain.md §5), used for figures by category."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    MANAGEMENT = "management"
    TRAINING = "training"
    FIRE = "fire"
    ELECTRICAL = "electrical"
    GAS_CANTEEN = "gas_canteen"
    CHEMICALS = "chemicals"
    HAZARDOUS_WASTE = "hazardous_waste"
    WORKSHOP = "workshop"
    WAREHOUSE = "warehouse"
    PPE = "ppe"
    OCCUPATIONAL_HEALTH = "occupational_health"
    EMERGENCY = "emergency"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    Category.MANAGEMENT: "安全管理",
    Category.TRAINING: "教育培训",
    Category.FIRE: "消防安全",
    Category.ELECTRICAL: "用电安全",
    Category.GAS_CANTEEN: "燃气与食堂",
    Category.CHEMICALS: "危险化学品",
    Category.HAZARDOUS_WASTE: "危险废物",
    Category.WORKSHOP: "生产车间",
    Category.WAREHOUSE: "仓储",
    Category.PPE: "劳动防护用品",
    Category.OCCUPATIONAL_HEALTH: "职业健康",
    Category.EMERGENCY: "应急管理",
    Category.OTHER: "其他",
}
