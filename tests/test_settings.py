"""Settings: defaults, validation with one clear message, atomic save and reload."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from inspector.core.errors import DomainError
from inspector.core.office_kind import OfficeKind
from inspector.core.plaque import ValidityRule
from inspector.settings import SETTINGS_FILE, Settings
from inspector.workspace import Workspace


def test_defaults_are_chinese_and_shanghai(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path)
    assert (settings.language, settings.timezone, settings.photo_long_edge) == ("zh_CN", "Asia/Shanghai", 2560)
    # The scheme is run by trade unions: a union asks, refers to the authority; plaques hang a year.
    assert (settings.kind, settings.authority_name, settings.validity) == (
        OfficeKind.UNION,
        "平湖市应急管理局",
        ValidityRule.YEAR_AFTER,
    )


def test_an_authority_needs_no_authority_to_refer_to(tmp_path: Path) -> None:
    settings = replace(Settings(), office_kind="authority", authority_name="", plaque_validity="next_round")
    settings.save(tmp_path)
    loaded = Settings.load(tmp_path)
    assert (loaded.kind, loaded.validity) == (OfficeKind.AUTHORITY, ValidityRule.NEXT_ROUND)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"language": "fr"}, "界面语言"),
        ({"office_name": "  "}, "发证单位"),
        ({"office_code": "ph-1"}, "单位代码"),
        ({"photo_long_edge": 100}, "照片长边"),
        ({"timezone": "Mars/Olympus"}, "时区"),
        ({"office_kind": "ministry"}, "发文单位类别"),
        ({"authority_name": " "}, "移送建议书的行政机关"),
        ({"plaque_validity": "forever"}, "亮牌有效期"),
    ],
    ids=["language", "office-name", "office-code", "long-edge", "timezone", "office-kind", "authority", "validity"],
)
def test_bad_values_are_refused_and_nothing_is_written(tmp_path: Path, change: dict, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        replace(Settings(), **change).save(tmp_path)
    assert not (tmp_path / SETTINGS_FILE).exists()


def test_workspace_saves_and_reloads_settings(workspace: Workspace) -> None:
    workspace.save_settings(replace(workspace.settings, language="en", photo_long_edge=1920))
    assert workspace.photos.long_edge == 1920
    assert Settings.load(workspace.data_dir).language == "en"


def test_a_damaged_settings_file_gets_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError, match="设置文件"):
        Settings.load(tmp_path)


def test_the_plaque_verification_address_is_kept_and_checked(tmp_path: Path) -> None:
    assert Settings().plaque_verify_url == ""
    settings = replace(Settings(), plaque_verify_url="https://aq.phzgh.cn/plaque/")
    settings.save(tmp_path)
    assert Settings.load(tmp_path).plaque_verify_url == "https://aq.phzgh.cn/plaque/"
    with pytest.raises(DomainError, match="亮牌验证地址"):
        replace(Settings(), plaque_verify_url="aq.phzgh.cn/#").save(tmp_path)
