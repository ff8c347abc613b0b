"""Signed QR payloads: valid, forged, expired, superseded, unknown key; keys; the CLI's exit codes."""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from plaque_fixtures import TODAY, YEAR, City, city, downgrade_to_d, make_city
from sqlalchemy import update

from inspector.cli.main import main
from inspector.core.errors import DomainError
from inspector.db.models import PlaqueRow
from inspector.reports.plaque_keys import create_office_key, export_public_key, import_public_key, load_signing_key
from inspector.reports.plaque_qr import qr_matrix, qr_text
from inspector.reports.plaque_signing import Status, parse_payload, sign_plaque, verify_payload
from inspector.workspace import Workspace

__all__ = ["city", "make_city"]  # fixtures used by name


def payload_of(city: City, index: int = 0, year: int = YEAR) -> str:
    record = city.ws.office_keys.current_plaque(city.plaques[index].enterprise_id, year)
    assert record is not None
    return sign_plaque(load_signing_key(city.ws), record)


def test_a_signed_payload_is_valid_and_short_enough_for_a_qr(city: City) -> None:
    payload = payload_of(city)
    result = verify_payload(city.ws, payload)
    assert result.status is Status.VALID and result.status.label == "有效"
    assert result.enterprise_name == city.plaques[0].enterprise_name
    # Short enough for a QR code: alphanumeric fields and numeric signature make a version 6
    # (format 1's 164 alphanumeric characters made a version 7), and a version 8 at most with
    # the longest verification address the settings take.
    assert payload == payload.upper() and len(payload) == 209 - 19 + len(city.plaques[0].serial)
    assert qr_matrix(qr_text(payload)).version == 6
    assert qr_matrix(qr_text(payload, "https://" + "a" * 20 + ".cn/" + "b" * 7 + "/")).version <= 8


@pytest.mark.parametrize("where", ["serial", "grade", "year", "credit", "signature"])
def test_one_changed_character_is_forged(city: City, where: str) -> None:
    payload = payload_of(city)
    parts = payload.split(".")
    index = {"serial": 1, "credit": 2, "grade": 3, "year": 4, "signature": -1}[where]
    field = parts[index]
    swap = {"A": "B", "B": "C", "C": "D", "D": "A", "6": "5"}
    last = field[-1]
    parts[index] = field[:-1] + swap.get(last, "A" if last != "A" else "B")
    result = verify_payload(city.ws, ".".join(parts))
    assert result.status is Status.FORGED and result.status.label == "伪造"


def test_garbage_is_forged_with_a_reason(city: City) -> None:
    for text in ("", "hello", "INSP1.a.b.c", "INSP1.X." + "9" * 18 + ".E.2026.ABCDEF12." + "A" * 103):
        result = verify_payload(city.ws, text)
        assert result.status is Status.FORGED and result.message


def test_a_plaque_hangs_through_the_next_year_then_expires(city: City) -> None:
    record = city.plaques[0]
    signed = sign_plaque(load_signing_key(city.ws), record)
    # Graded for YEAR at its end, the plaque hangs during YEAR + 1: valid to its last day.
    assert verify_payload(city.ws, signed, date(YEAR + 1, 12, 31)).valid
    result = verify_payload(city.ws, signed, date(YEAR + 2, 1, 1))
    assert (result.status, result.year) == (Status.EXPIRED, YEAR)
    assert f"{YEAR + 1}年12月31日" in result.message
    # Last year's plaque is still within its validity, and this year's replaced it.
    last = next(
        r
        for r in (city.ws.office_keys.current_plaque(p.enterprise_id, YEAR - 1) for p in city.plaques)
        if r is not None
    )
    assert verify_payload(city.ws, sign_plaque(load_signing_key(city.ws), last)).status is Status.SUPERSEDED


def test_or_until_the_next_round(make_city: Callable[..., City], pinned_today: None) -> None:
    made = make_city()
    made.ws.save_settings(replace(made.ws.settings, plaque_validity="next_round"))
    last = next(
        r
        for r in (made.ws.office_keys.current_plaque(p.enterprise_id, YEAR - 1) for p in made.plaques)
        if r is not None
    )
    first = made.ws.office_keys.next_round_on(YEAR - 1)
    assert first is not None and first.year == YEAR
    result = verify_payload(made.ws, sign_plaque(load_signing_key(made.ws), last))
    assert result.status is Status.EXPIRED and "下一轮评定" in result.message
    assert verify_payload(made.ws, sign_plaque(load_signing_key(made.ws), last), first - timedelta(days=1)).valid
    # The newest round's plaques stand until a later round is held.
    assert verify_payload(made.ws, sign_plaque(load_signing_key(made.ws), made.plaques[0]), date(YEAR + 5, 1, 1)).valid


def test_a_downgraded_plaque_is_superseded(make_city: Callable[..., City], pinned_today: None) -> None:
    made = make_city()
    record = made.plaques[0]
    old = sign_plaque(load_signing_key(made.ws), record)
    downgrade_to_d(made.ws, record, TODAY)  # what grading_follow does on a major hazard
    result = verify_payload(made.ws, old)
    assert (result.status, result.replaced_by) == (Status.SUPERSEDED, record.serial + "-D")
    assert result.status.label == "已被取代"
    assert "D 级" in result.message


def test_keys_travel_by_file_and_verification_needs_them(city: City, tmp_path: Path, pinned_today: None) -> None:
    payload = payload_of(city)
    other = Workspace(tmp_path / "laptop")
    try:
        assert verify_payload(other, payload).status is Status.UNKNOWN_KEY
        exported = export_public_key(city.ws, tmp_path / "office.json")
        first = import_public_key(other, tmp_path / "office.json")
        again = import_public_key(other, tmp_path / "office.json")
        assert first.fingerprint == again.fingerprint == exported.fingerprint
        assert len(other.office_keys.list()) == 1
        result = verify_payload(other, payload)
        assert result.status is Status.VALID and "尚未同步" in result.message
        (tmp_path / "bad.json").write_text('{"format": "inspector-office-key/1", "public_key": "xx"}', encoding="utf-8")
        with pytest.raises(DomainError, match="不是有效的 Inspector 公钥文件"):
            import_public_key(other, tmp_path / "bad.json")
    finally:
        other.close()


def test_the_private_key_is_a_0600_file_never_overwritten_by_accident(tmp_path: Path, pinned_today: None) -> None:
    ws = Workspace(tmp_path / "data")
    try:
        first = create_office_key(ws, "HZ", "杭州市总工会")
        path = ws.data_dir / "keys" / "office-HZ.pem"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with pytest.raises(DomainError, match="更换密钥") as refused:
            create_office_key(ws, "HZ", "杭州市总工会")
        assert "--force" in refused.value.for_command_line()
        second = create_office_key(ws, "HZ", "杭州市总工会", force=True)
        assert first.fingerprint != second.fingerprint
        assert {k.fingerprint for k in ws.office_keys.list()} == {first.fingerprint, second.fingerprint}
        assert b"PRIVATE" not in (ws.data_dir / "inspector.db").read_bytes()
    finally:
        ws.close()


def test_parse_reads_serials_with_dots(city: City) -> None:
    payload = payload_of(city)
    fields, signature = parse_payload(payload) or (None, b"")
    assert fields is not None and fields.serial == city.plaques[0].serial and len(signature) == 64


def test_cli_keys_verify_and_reports(
    city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str], pinned_today: None
) -> None:
    data = ["--data-dir", str(city.ws.data_dir)]
    payload = payload_of(city)
    assert main([*data, "verify", payload]) == 0
    out = capsys.readouterr().out
    assert out.startswith("有效") and city.plaques[0].enterprise_name in out
    assert main([*data, "verify", payload[:-1] + ("A" if payload[-1] != "A" else "B")]) == 1
    assert capsys.readouterr().out.startswith("伪造")
    assert main([*data, "keys", "create"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main([*data, "keys", "export", "--out", str(tmp_path / "k.json")]) == 0
    laptop = ["--data-dir", str(tmp_path / "laptop")]
    assert main([*laptop, "verify", payload]) == 1
    assert main([*laptop, "keys", "import", str(tmp_path / "k.json")]) == 0
    assert city.ws.office_keys.list()[0].fingerprint in capsys.readouterr().out
    assert main([*laptop, "keys", "list"]) == 0
    assert main([*laptop, "verify", payload]) == 0
    code = city.plaques[0].credit_code
    assert main([*data, "report", "plaque", code, "--year", str(YEAR), "--out", str(tmp_path / "p.pdf")]) == 0
    assert main([*data, "report", "plaques", "--year", "2001", "--out", str(tmp_path / "n.pdf")]) == 1
    assert "错误：" in capsys.readouterr().err
    assert main([*data, "report", "summary", "--year", str(YEAR), "--out", str(tmp_path / "s.pdf")]) == 0
    assert (tmp_path / "p.pdf").exists() and (tmp_path / "s.pdf").exists()


@pytest.mark.parametrize("serial", ["PH-2026-000001", "PH-2026-3F9A-0001"], ids=["older-form", "device-form"])
def test_serials_of_either_form_sign_and_verify(make_city: Callable[..., City], serial: str) -> None:
    """Plaques issued before serials carried a device part keep theirs, and both forms verify."""
    city = make_city()
    with city.ws.db.transaction() as session:
        session.execute(update(PlaqueRow).where(PlaqueRow.serial == city.plaques[0].serial).values(serial=serial))
    payload = payload_of(city)
    parsed = parse_payload(payload)
    assert parsed is not None and parsed[0].serial == serial
    assert payload == payload.upper() and qr_matrix(qr_text(payload)).version == 6  # a QR as small as before
    result = verify_payload(city.ws, payload)
    assert (result.status, result.serial) == (Status.VALID, serial)


def format1_payload(city: City, record_index: int = 0) -> str:
    """A plaque as printed before format 2: INSP1, 8 hex digits of key, base32 signature."""
    import base64

    key = load_signing_key(city.ws)
    record = city.plaques[record_index]
    text = ".".join(
        ("INSP1", record.serial, record.credit_code, record.grade, str(record.year), key.office.fingerprint[:8].upper())
    )
    signature = base64.b32encode(key.private.sign(text.encode("utf-8"))).decode("ascii").rstrip("=")
    return f"{text}.{signature}"


def test_plaques_printed_in_format_1_still_verify(city: City) -> None:
    old = format1_payload(city)
    assert verify_payload(city.ws, old).status is Status.VALID
    parts = old.split(".")
    parts[3] = "B" if parts[3] != "B" else "C"
    assert verify_payload(city.ws, ".".join(parts)).status is Status.FORGED


def test_a_format_2_signature_has_one_spelling(city: City) -> None:
    payload = payload_of(city)
    head, _, digits = payload.rpartition(".")
    too_big = str(int(digits) + (1 << 512)).zfill(155)
    for bad in (f"{head}.{digits[1:]}", f"{head}.0{digits}", f"{head}.{too_big}"):
        assert verify_payload(city.ws, bad).status is Status.FORGED
