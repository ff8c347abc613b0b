"""The field-level merge (inspector/sync/field_merge.py) is a join: whatever order and grouping
versions of a record meet in, and however often, the result is the same row, and each field is
the value of its latest edit."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from inspector.db.field_versions import stamps
from inspector.sync.field_merge import merge_versions

COLUMNS = ["id", "hlc", "device_id", "base_hlc", "field_versions", "name", "phone", "address"]
FIELDS = ["name", "phone", "address"]
DEVICES = ["a", "b", "c"]


def edited(h: int, d: str) -> str:
    """The field the edit (h, d) changed: one edit changed the same fields on every copy."""
    return FIELDS[(h + ord(d)) % len(FIELDS)]


@st.composite
def version(draw: st.DrawFn) -> dict[str, Any]:
    """A version of one row as some copy holds it. Realistic, as every copy agrees on what one
    edit (h, d) was: its base, its value and which field it changed are functions of (h, d);
    a version is the writer's row as created (`field_versions` NULL, every third clock value
    here) or as edited, possibly combined with older edits of other fields from other copies."""
    row_hlc = draw(st.integers(1, 40))
    device = draw(st.sampled_from(DEVICES))
    row: dict[str, Any] = {"id": 1, "hlc": row_hlc, "device_id": device, "base_hlc": row_hlc // 2}
    if row_hlc % 3 == 0:
        row["field_versions"] = None
        for name in FIELDS:
            row[name] = f"{name}@{row_hlc}{device}"
        return row
    versions: dict[str, list[Any]] = {}
    for name in FIELDS:
        if name == edited(row_hlc, device):
            h, d = row_hlc, device
        else:
            h = draw(st.integers(0, row_hlc - 1))
            d = draw(st.sampled_from(DEVICES))
        versions[name] = [h, d, h // 2]
        row[name] = f"{name}@{h}{d}"
    row["field_versions"] = versions
    return row


def merge(x: dict[str, Any], y: dict[str, Any]) -> dict[str, Any]:
    return merge_versions(COLUMNS, x, y, related=True)[0]


@given(version(), version(), version())
def test_merge_is_commutative_associative_idempotent(x: dict[str, Any], y: dict[str, Any], z: dict[str, Any]) -> None:
    assert merge(x, y) == merge(y, x)
    assert merge(merge(x, y), z) == merge(x, merge(y, z))
    assert merge(x, x) == x
    assert merge(merge(x, y), y) == merge(x, y)


@given(version(), version())
def test_each_field_is_its_latest_edit(x: dict[str, Any], y: dict[str, Any]) -> None:
    merged = merge(x, y)
    ours, theirs = stamps(x, FIELDS), stamps(y, FIELDS)
    for name in FIELDS:
        latest = max((ours[name][:2], x[name]), (theirs[name][:2], y[name]))
        assert merged[name] == latest[1]
    assert (merged["hlc"], merged["device_id"]) == max((x["hlc"], x["device_id"]), (y["hlc"], y["device_id"]))
