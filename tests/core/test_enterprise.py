"""统一社会信用代码 checks and the enterprise record's validation."""

from __future__ import annotations

import pytest

from inspector.core import credit_code
from inspector.core.enterprise import Enterprise, EnterpriseSize
from inspector.core.errors import DomainError, ValidationError

VALID = "91110000600037341L"  # the example code of python-stdnum's cn.uscc
FIELD = credit_code.FIELD


def problem(error: ValidationError) -> str:
    assert list(error.problems) == [FIELD]
    return error.problems[FIELD]


# -- credit codes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(VALID, id="as-is"),
        pytest.param(VALID.lower(), id="lower-case"),
        pytest.param("  91110000600037341L  ", id="surrounding-spaces"),
        pytest.param("9111 0000 6000 3734 1L", id="inner-spaces"),
        pytest.param("91110000-600037341-l", id="hyphens-and-lower"),
    ],
)
def test_valid_code_is_normalised(text: str) -> None:
    assert credit_code.check(text) == VALID
    assert credit_code.normalize(text) == VALID
    assert credit_code.is_valid(text)


def test_with_check_digit_completes_a_code() -> None:
    assert credit_code.with_check_digit(VALID[:17]) == VALID
    made = credit_code.with_check_digit("91330482MA2B3C4D5")
    assert credit_code.check(made) == made


@pytest.mark.parametrize("wrong", ["M", "0", "A"])
def test_wrong_check_digit_names_the_expected_one(wrong: str) -> None:
    with pytest.raises(ValidationError) as caught:
        credit_code.check(VALID[:17] + wrong)
    message = problem(caught.value)
    assert "第 18 位应为 L" in message
    assert f"而不是 {wrong}" in message
    assert message.startswith(VALID[:17] + wrong)
    assert not credit_code.is_valid(VALID[:17] + wrong)


@pytest.mark.parametrize(
    ("text", "length"),
    [pytest.param(VALID[:17], 17, id="17"), pytest.param(VALID + "1", 19, id="19"), pytest.param("12345", 5, id="5")],
)
def test_wrong_length(text: str, length: int) -> None:
    with pytest.raises(ValidationError) as caught:
        credit_code.check(text)
    assert f"应为 18 位，输入了 {length} 位" in problem(caught.value)


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
def test_letters_not_used_in_credit_codes(letter: str) -> None:
    # Put the letter among the organisation-code characters and give it a check digit anyway.
    first17 = VALID[:10] + letter + VALID[11:17]
    with pytest.raises(ValidationError) as caught:
        credit_code.check(first17 + "0")
    message = problem(caught.value)
    assert "不含 I、O、Z、S、V" in message


@pytest.mark.parametrize("text", ["A1110000600037341L", "9111000O600037341L", "91110000600037341*"],
                         ids=["letter-in-first-8", "letter-O-in-first-8", "symbol"])  # fmt: skip
def test_bad_characters(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        credit_code.check(text)
    assert "前 8 位应为数字" in problem(caught.value)


@pytest.mark.parametrize("text", ["", "   ", " - ", None], ids=["empty", "spaces", "hyphen", "none"])
def test_empty_code(text: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        credit_code.check(text)  # type: ignore[arg-type]
    assert caught.value.problems == {FIELD: "不能为空"}
    assert str(caught.value) == f"{FIELD}: 不能为空"


def test_validation_error_is_a_domain_error() -> None:
    assert issubclass(ValidationError, DomainError)
    error = ValidationError(["第一", "第二"], subject="某表")
    assert error.problems == {"0": "第一", "1": "第二"}
    assert str(error) == "某表: 第一; 第二"


# -- enterprises ---------------------------------------------------------------------------


def enterprise(**fields: object) -> Enterprise:
    values: dict[str, object] = dict(name="平湖市某某制衣有限公司", credit_code=VALID, town="当湖街道")
    values.update(fields)
    return Enterprise(**values)  # type: ignore[arg-type]


def test_valid_enterprise_is_normalised() -> None:
    raw = enterprise(
        name="  平湖市  某某  制衣有限公司 ",
        credit_code=" 9111 0000 6000 3734 1l ",
        town=" 钟埭街道 ",
        address=" 平湖市新华北路 1 号 ",
        industry=" 纺织服装 ",
        contact_person=" 王经理 ",
        contact_phone=" 0573-85012345 ",
        size=EnterpriseSize.SMALL,
        id="e-1",
    )
    clean = raw.validated()
    assert clean.name == "平湖市 某某 制衣有限公司"
    assert clean.credit_code == VALID
    assert clean.town == "钟埭街道"
    assert clean.address == "平湖市新华北路 1 号"
    assert clean.industry == "纺织服装"
    assert clean.contact_person == "王经理"
    assert clean.contact_phone == "0573-85012345"
    assert clean.size is EnterpriseSize.SMALL
    assert clean.id == "e-1"
    # Validating twice changes nothing.
    assert clean.validated() == clean


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        enterprise(name="   ", town=" ", contact_phone="电话不详", credit_code=VALID[:17] + "M").validated()
    problems = caught.value.problems
    assert set(problems) == {"企业名称", "镇街道", "联系电话", FIELD}
    assert problems["企业名称"] == "不能为空"
    assert problems["镇街道"] == "不能为空"
    assert "电话不详" in problems["联系电话"]
    assert "第 18 位应为 L" in problems[FIELD]
    message = str(caught.value)
    assert message.startswith("企业: ")  # no name to show, so the subject is generic
    for field in problems:
        assert field in message


def test_subject_is_the_enterprise_name_when_there_is_one() -> None:
    with pytest.raises(ValidationError) as caught:
        enterprise(town="").validated()
    assert caught.value.problems == {"镇街道": "不能为空"}
    assert str(caught.value) == "平湖市某某制衣有限公司: 镇街道: 不能为空"


def test_name_too_long() -> None:
    with pytest.raises(ValidationError) as caught:
        enterprise(name="企" * 101).validated()
    assert caught.value.problems == {"企业名称": "不能超过 100 个字"}
    assert enterprise(name="企" * 100).validated().name == "企" * 100


def test_missing_credit_code_is_reported_with_the_rest() -> None:
    with pytest.raises(ValidationError) as caught:
        enterprise(credit_code="", town="").validated()
    assert caught.value.problems == {FIELD: "不能为空", "镇街道": "不能为空"}


@pytest.mark.parametrize(
    "phone",
    ["0573-85012345", "13800001234", "+86 138 0000 1234", "85012345", "", "   "],
)
def test_good_phone_numbers(phone: str) -> None:
    assert enterprise(contact_phone=phone).validated().contact_phone == phone.strip()


@pytest.mark.parametrize(
    "phone",
    ["12345", "abc-12345678", "138 0000 1234 5678 9012 345", "-13800001234", "电话13800001234"],
)
def test_bad_phone_numbers(phone: str) -> None:
    with pytest.raises(ValidationError) as caught:
        enterprise(contact_phone=phone).validated()
    assert list(caught.value.problems) == ["联系电话"]


# -- sizes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("中型企业", EnterpriseSize.MEDIUM, id="label-with-suffix"),
        pytest.param("中型", EnterpriseSize.MEDIUM, id="label"),
        pytest.param(" 大型企业 ", EnterpriseSize.LARGE, id="spaces"),
        pytest.param("小型", EnterpriseSize.SMALL, id="small"),
        pytest.param("微型企业", EnterpriseSize.MICRO, id="micro"),
        pytest.param("medium", EnterpriseSize.MEDIUM, id="value"),
        pytest.param("LARGE", EnterpriseSize.LARGE, id="value-upper"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_size_parse(text: str | None, expected: EnterpriseSize | None) -> None:
    assert EnterpriseSize.parse(text) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["巨型企业", "中", "mid", "企业"])
def test_size_parse_refuses_unknown(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        EnterpriseSize.parse(text)
    assert list(caught.value.problems) == ["规模"]
    assert text in caught.value.problems["规模"]


def test_size_labels() -> None:
    assert [s.label for s in EnterpriseSize] == ["大型", "中型", "小型", "微型"]
