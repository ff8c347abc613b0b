"""Every setting, declared once with its default. Stored as settings.json in the data folder."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inspector.core.dates import DEFAULT_TIMEZONE
from inspector.core.errors import DomainError
from inspector.core.office_kind import OfficeKind
from inspector.core.plaque import ValidityRule

SETTINGS_FILE = "settings.json"
LANGUAGES = ("zh_CN", "en")
OFFICE_KINDS = tuple(kind.value for kind in OfficeKind)
PLAQUE_VALIDITY_RULES = tuple(rule.value for rule in ValidityRule)


@dataclass(frozen=True)
class Settings:
    timezone: str = DEFAULT_TIMEZONE  # "today" for deadlines and overdue is this zone's date
    office_name: str = "平湖市总工会"  # issuing body printed on notices and plaques
    office_code: str = "PH"  # prefix of plaque serials and notice numbers
    # union | authority (domain.md §2): a union asks (监督意见书), only an authority orders (责令).
    office_kind: str = "union"
    # The authority a union refers unanswered letters and major hazards to (建议书, 移送).
    authority_name: str = "平湖市应急管理局"
    # How long an annual plaque of year Y hangs: until 31 December of Y+1 (year_after), or until
    # the next round's plaque replaces it (next_round). See inspector/core/plaque.py.
    plaque_validity: str = "year_after"
    photo_long_edge: int = 2560  # photos are downsized to this many pixels on their long edge
    thumbnail_size: int = 256
    language: str = "zh_CN"  # zh_CN or en
    seal_image: str = ""  # PNG/JPEG of the office seal for plaques (absolute or in the data folder)
    # The central database for push/pull, e.g. postgresql://inspector@10.0.0.5/city. Never with a
    # password: that lives in the OS keyring (inspector/sync/credentials.py) or is asked for.
    sync_server_url: str = ""
    # The office's page for checking plaques (`inspector keys publish-page` writes it), e.g.
    # https://aq.example.cn/plaque/ . Set, plaque QR codes hold <address>#<payload>, so a phone
    # opens the page; empty, they hold the bare payload, for Inspector's own check.
    plaque_verify_url: str = ""

    @property
    def kind(self) -> OfficeKind:
        return OfficeKind.parse(self.office_kind)

    @property
    def validity(self) -> ValidityRule:
        return (
            ValidityRule(self.plaque_validity)
            if self.plaque_validity in PLAQUE_VALIDITY_RULES
            else ValidityRule.YEAR_AFTER
        )

    def validated(self) -> Settings:
        """Return self, or raise DomainError naming every bad value."""
        problems = []
        if self.language not in LANGUAGES:
            problems.append(f"界面语言应为 {'、'.join(LANGUAGES)} 之一，而不是 “{self.language}”")
        if not self.office_name.strip():
            problems.append("发证单位名称不能为空")
        if self.office_kind not in OFFICE_KINDS:
            problems.append(f"发文单位类别应为 union（工会）或 authority（行政机关），而不是 “{self.office_kind}”")
        if self.office_kind == "union" and not self.authority_name.strip():
            problems.append("工会须填写移送建议书的行政机关名称")
        if self.plaque_validity not in PLAQUE_VALIDITY_RULES:
            problems.append(
                "亮牌有效期应为 year_after（至次年12月31日）或 next_round（至下一轮评定），"
                f"而不是 “{self.plaque_validity}”"
            )
        if not re.fullmatch(r"[A-Z0-9]{1,8}", self.office_code):
            problems.append(f"单位代码应为 1–8 位大写字母或数字，而不是 “{self.office_code}”")
        if not 640 <= self.photo_long_edge <= 8000:
            problems.append(f"照片长边应在 640 到 8000 像素之间，而不是 {self.photo_long_edge}")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"时区 “{self.timezone}” 无效，例如 Asia/Shanghai")
        if self.seal_image and Path(self.seal_image).suffix.lower() not in (".png", ".jpg", ".jpeg"):
            problems.append(f"印章图片应为 PNG 或 JPEG 文件，而不是 “{self.seal_image}”")
        if re.match(r"^[^/]*://[^/@]*:[^/@]*@", self.sync_server_url.strip()):
            problems.append("中心数据库地址中不能包含密码：密码保存在系统钥匙串中或在同步时输入")
        problems.extend(verify_url_problems(self.plaque_verify_url))
        if problems:
            raise DomainError("；".join(problems))
        return self

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
        self.validated()
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / SETTINGS_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash leaves the old file or the new one, never half


VERIFY_URL_MAX = 40  # longer, the plaque's QR code outgrows version 8 and its modules fall under 1 mm


def verify_url_problems(url: str) -> list[str]:
    """What is wrong with a plaque verification address ([] when it is fine or empty)."""
    url = url.strip()
    if not url:
        return []
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~/-]*)?", url):
        return [
            f"亮牌验证地址应为 http:// 或 https:// 开头的网址，只含英文字母、数字和 . - _ ~ /，"
            f"不含 # 和空格（中文域名请用 xn-- 形式），而不是 “{url}”"
        ]
    if len(url) > VERIFY_URL_MAX:
        return [f"亮牌验证地址最长 {VERIFY_URL_MAX} 个字符（再长二维码就太密，手机难以识别），现为 {len(url)} 个"]
    return []
