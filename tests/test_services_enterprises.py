"""The enterprise register over a real database: add, get, update, search, and the credit-code rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise, EnterpriseSize
from inspector.core.errors import DomainError, ValidationError
from inspector.db.database import DB_NAME
from inspector.services.enterprises import EnterpriseService
from inspector.workspace import Workspace
from tests.sqlite_files import row, sql


def code(n: int) -> str:
    """A valid 统一社会信用代码 (GB 32100 check digit)."""
    return with_check_digit(f"9133048200000{n:04d}")


def bad_check_digit(n: int) -> str:
    good = code(n)
    return good[:17] + ("1" if good[17] != "1" else "2")


def enterprise(n: int, name: str | None = None, town: str = "当湖街道", address: str = "") -> Enterprise:
    return Enterprise(
        name=name or f"平湖市第{n}机械有限公司",
        credit_code=code(n),
        town=town,
        address=address or f"浙江省平湖市{town}建设路{n}号",
        industry="机械制造",
        size=EnterpriseSize.SMALL,
        contact_person="王经理",
        contact_phone="13800000000",
    )


def db_row(data_dir: Path, enterprise_id: str) -> dict[str, object]:
    return row(data_dir / DB_NAME, "SELECT * FROM enterprises WHERE id = ?", enterprise_id)


@pytest.fixture
def service(workspace: Workspace) -> EnterpriseService:
    return workspace.enterprises


# -- add and get ---------------------------------------------------------------------------------
def test_added_enterprise_reads_back_with_all_fields(service: EnterpriseService) -> None:
    new = enterprise(1)
    enterprise_id = service.add(new)
    stored = service.get(enterprise_id)
    assert stored == new
    assert stored.id == enterprise_id
    assert stored.size is EnterpriseSize.SMALL
    assert service.count() == 1


def test_add_normalizes_fields(service: EnterpriseService) -> None:
    messy = Enterprise(
        name="  平湖市   整洁  有限公司 ",
        credit_code=" " + code(2).lower()[:6] + "-" + code(2).lower()[6:] + " ",
        town=" 新埭镇 ",
        address="  某路1号 ",
    )
    stored = service.get(service.add(messy))
    assert stored.name == "平湖市 整洁 有限公司"
    assert stored.credit_code == code(2)
    assert stored.town == "新埭镇"
    assert stored.address == "某路1号"


def test_invalid_enterprise_is_refused_naming_every_bad_field(service: EnterpriseService) -> None:
    with pytest.raises(ValidationError) as caught:
        service.add(Enterprise(name=" ", credit_code=bad_check_digit(3), town=""))
    assert set(caught.value.problems) == {"企业名称", "统一社会信用代码", "镇街道"}
    assert "校验位错误" in caught.value.problems["统一社会信用代码"]
    assert service.count() == 0


def test_get_unknown_or_malformed_id_is_a_domain_error(service: EnterpriseService) -> None:
    with pytest.raises(DomainError, match="不存在"):
        service.get("0" * 32)
    with pytest.raises(DomainError, match="格式不对"):
        service.get("not-an-id")


def test_by_credit_code_accepts_lower_case(service: EnterpriseService) -> None:
    enterprise_id = service.add(enterprise(4))
    found = service.by_credit_code(code(4).lower())
    assert found is not None and found.id == enterprise_id
    assert service.by_credit_code(code(5)) is None


# -- duplicate credit codes ----------------------------------------------------------------------
def test_duplicate_credit_code_is_refused_naming_the_existing_enterprise(service: EnterpriseService) -> None:
    service.add(enterprise(6, name="平湖市先到机械有限公司"))
    with pytest.raises(ValidationError, match="已登记为“平湖市先到机械有限公司”") as caught:
        service.add(enterprise(6, name="平湖市后到机械有限公司"))
    assert code(6) in str(caught.value)
    assert service.count() == 1


def test_duplicate_credit_code_in_one_batch_is_refused(service: EnterpriseService) -> None:
    with pytest.raises(ValidationError, match="重复"):
        service.add_many([enterprise(7, name="平湖市甲有限公司"), enterprise(7, name="平湖市乙有限公司")])
    assert service.count() == 0


def test_update_to_a_code_used_by_another_enterprise_is_refused(service: EnterpriseService) -> None:
    service.add(enterprise(8, name="平湖市八号有限公司"))
    other = service.get(service.add(enterprise(9)))
    with pytest.raises(ValidationError, match="已登记为“平湖市八号有限公司”"):
        service.update(replace(other, credit_code=code(8)))
    assert service.get(other.id or "").credit_code == code(9)


# -- add_many: all or nothing --------------------------------------------------------------------
def test_add_many_writes_all(service: EnterpriseService) -> None:
    ids = service.add_many([enterprise(n) for n in range(10, 15)])
    assert len(ids) == len(set(ids)) == 5
    assert [e.credit_code for e in service.get_many(ids)] == [code(n) for n in range(10, 15)]


def test_add_many_with_one_invalid_record_writes_none(service: EnterpriseService) -> None:
    batch = [enterprise(n) for n in range(20, 25)]
    batch[3] = replace(batch[3], credit_code=bad_check_digit(23))
    with pytest.raises(ValidationError, match="校验位错误"):
        service.add_many(batch)
    assert service.count() == 0


def test_add_many_with_one_code_already_registered_writes_none(service: EnterpriseService) -> None:
    service.add(enterprise(33, name="平湖市老企业有限公司"))
    with pytest.raises(ValidationError, match="平湖市老企业有限公司"):
        service.add_many([enterprise(n) for n in range(30, 36)])
    assert service.count() == 1
    assert service.existing_codes([code(n) for n in range(30, 36)]) == {code(33): "平湖市老企业有限公司"}


def test_add_many_of_nothing_writes_nothing(service: EnterpriseService) -> None:
    assert service.add_many([]) == []
    assert service.count() == 0


# -- update --------------------------------------------------------------------------------------
def test_update_changes_the_fields(service: EnterpriseService) -> None:
    stored = service.get(service.add(enterprise(40)))
    service.update(replace(stored, name="平湖市改名机械有限公司", town="新仓镇", contact_phone="0573-85000000"))
    changed = service.get(stored.id or "")
    assert (changed.name, changed.town, changed.contact_phone) == ("平湖市改名机械有限公司", "新仓镇", "0573-85000000")
    assert changed.credit_code == code(40)


def test_update_keeping_its_own_code_is_allowed(service: EnterpriseService) -> None:
    stored = service.get(service.add(enterprise(41)))
    service.update(replace(stored, address="新地址8号"))
    assert service.get(stored.id or "").address == "新地址8号"


def test_update_stamps_updated_at_and_device_id(service: EnterpriseService, workspace: Workspace) -> None:
    enterprise_id = service.add(enterprise(42))
    # Pretend another device wrote the row last, long ago.
    sql(
        workspace,
        "UPDATE enterprises SET device_id = 'otherdevice', updated_at = '2020-01-01 00:00:00.000000' WHERE id = ?",
        enterprise_id,
    )
    before = db_row(workspace.data_dir, enterprise_id)
    service.update(replace(service.get(enterprise_id), contact_person="赵主任"))
    after = db_row(workspace.data_dir, enterprise_id)
    assert after["device_id"] == workspace.db.device_id
    assert datetime.fromisoformat(str(after["updated_at"])) > datetime(2020, 1, 1)
    assert after["created_at"] == before["created_at"]


def test_update_without_id_or_of_unknown_enterprise_is_refused(service: EnterpriseService) -> None:
    with pytest.raises(DomainError, match="没有编号"):
        service.update(enterprise(43))
    with pytest.raises(DomainError, match="不存在"):
        service.update(replace(enterprise(43), id="f" * 32))
    assert service.count() == 0


def test_invalid_update_changes_nothing(service: EnterpriseService) -> None:
    stored = service.get(service.add(enterprise(44)))
    with pytest.raises(ValidationError):
        service.update(replace(stored, name="", credit_code=bad_check_digit(44)))
    assert service.get(stored.id or "") == stored


# -- search --------------------------------------------------------------------------------------
@pytest.fixture
def register(service: EnterpriseService) -> dict[str, str]:
    """Four enterprises in two towns; name → id."""
    rows = [
        enterprise(50, name="平湖市丙塑料有限公司", town="当湖街道", address="浙江省平湖市当湖街道胜利路1号"),
        enterprise(51, name="平湖市甲机械有限公司", town="新埭镇", address="浙江省平湖市新埭镇创业路2号"),
        enterprise(52, name="平湖市乙机械有限公司", town="当湖街道", address="浙江省平湖市当湖街道创业路3号"),
        enterprise(53, name="嘉兴丁服装有限公司", town="新埭镇", address="浙江省平湖市新埭镇星火路4号"),
    ]
    ids = service.add_many(rows)
    return {row.name: enterprise_id for row, enterprise_id in zip(rows, ids, strict=True)}


def names_of(service: EnterpriseService, ids: list[str]) -> list[str]:
    return [e.name for e in service.get_many(ids)]


def test_search_without_text_lists_all_in_name_order(service: EnterpriseService, register: dict[str, str]) -> None:
    ids = service.search_ids()
    assert sorted(ids) == sorted(register.values())
    assert names_of(service, ids) == sorted(register)


def test_search_by_part_of_the_name(service: EnterpriseService, register: dict[str, str]) -> None:
    assert sorted(service.search_ids("机械")) == sorted(
        [register["平湖市甲机械有限公司"], register["平湖市乙机械有限公司"]]
    )
    assert service.search_ids("服装") == [register["嘉兴丁服装有限公司"]]
    assert service.search_ids("  服装 ") == [register["嘉兴丁服装有限公司"]]


def test_search_by_credit_code_in_any_case(service: EnterpriseService, register: dict[str, str]) -> None:
    assert service.search_ids(code(52)) == [register["平湖市乙机械有限公司"]]
    assert service.search_ids(code(52)[-6:].lower()) == [register["平湖市乙机械有限公司"]]


def test_search_by_address(service: EnterpriseService, register: dict[str, str]) -> None:
    assert sorted(service.search_ids("创业路")) == sorted(
        [register["平湖市甲机械有限公司"], register["平湖市乙机械有限公司"]]
    )


def test_search_filtered_by_town(service: EnterpriseService, register: dict[str, str]) -> None:
    assert sorted(service.search_ids(town="新埭镇")) == sorted(
        [register["平湖市甲机械有限公司"], register["嘉兴丁服装有限公司"]]
    )
    assert service.search_ids("机械", town="当湖街道") == [register["平湖市乙机械有限公司"]]
    assert service.search_ids("服装", town="当湖街道") == []


def test_search_with_no_match_is_empty(service: EnterpriseService, register: dict[str, str]) -> None:
    assert service.search_ids("不存在的企业") == []


def test_towns_lists_each_town_once(service: EnterpriseService, register: dict[str, str]) -> None:
    assert service.towns() == sorted(["当湖街道", "新埭镇"])


def test_search_text_with_like_wildcards_is_taken_literally(
    service: EnterpriseService, register: dict[str, str]
) -> None:
    assert service.search_ids("%") == []
    assert service.search_ids("_") == []
