"""统一社会信用代码 (unified social credit code, GB 32100-2015) with its check digit.

python-stdnum's `cn.uscc` does the arithmetic; this module turns its exceptions into
messages an office clerk understands.
"""

from __future__ import annotations

from stdnum import exceptions as stdnum_errors
from stdnum.cn import uscc

from .errors import ValidationError

FIELD = "统一社会信用代码"


def normalize(code: str) -> str:
    """Upper case without spaces or hyphens, the form stored and printed."""
    return uscc.compact(code or "")


def check(code: str) -> str:
    """Return the normalized code, or raise ValidationError saying what is wrong with it."""
    compact = normalize(code)
    if not compact:
        raise ValidationError({FIELD: "不能为空"})
    try:
        return uscc.validate(compact)
    except stdnum_errors.InvalidLength:
        problem = f"应为 18 位，输入了 {len(compact)} 位"
    except stdnum_errors.InvalidFormat:
        problem = "前 8 位应为数字，其余只能是数字或大写字母（不含 I、O、Z、S、V）"
    except stdnum_errors.InvalidChecksum:
        expected = uscc.calc_check_digit(compact[:17])
        problem = f"校验位错误：第 18 位应为 {expected}，而不是 {compact[17]}"
    raise ValidationError({FIELD: f"{compact}：{problem}"})


def is_valid(code: str) -> bool:
    return uscc.is_valid(normalize(code))


def with_check_digit(first17: str) -> str:
    """Complete 17 characters with the GB 32100 check digit (used to make demo data)."""
    return first17 + uscc.calc_check_digit(first17)
