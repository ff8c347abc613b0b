"""Every setting, declared once with its default. Stored as settings.json in the data folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.errors import DomainError

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Settings:
    timezone: str = DEFAULT_TIMEZONE  # "today" for deadlines and overdue is this zone's date
    office_name: str = "平湖市总工会"  # issuing body printed on notices and plaques
    office_code: str = "PH"  # prefix of plaque serials and notice numbers
    photo_long_edge: int = 2560  # photos are downsized to this many pixels on their long edge
    thumbnail_size: int = 256
    language: str = "zh_CN"  # zh_CN or en

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILE
        if not path.exists():
            return cls()
        try:
            raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise DomainError(f"设置文件 {path} 无法读取：{error}") from None
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in raw.items() if k in known})

    def save(self, data_dir: Path) -> None:
        path = data_dir / SETTINGS_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash leaves the old file or the new one, never half
