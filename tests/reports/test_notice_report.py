"""The documents of a notice number, read back: a union's 监督意见书 / 整改建议书 (asks, 监督证
numbers, 签发人, reply due in 15 working days), an authority's 责令限期整改指令书, the 建议书 that
refers an unanswered letter; the fields of domain.md §3, layout, CLI."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import Sample, flat_text, fonts_of, ink_share, layout_problems, page_count
from pypdf import PdfReader

from inspector.cli.main import main
from inspector.core.dates import format_cn
from inspector.core.errors import DomainError
from inspector.core.working_days import known_years
from inspector.reports.notice_report import write_notice
from inspector.reports.sample_documents import INSPECTORS, PERMITS, SIGNER, make_sample_inspection
from inspector.services.notices import NoticeKind, OrderType
from inspector.workspace import Workspace


@pytest.fixture(scope="module")
def notice_pdf(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert sample.ids.notice_number is not None
    return write_notice(sample.ws, sample.ids.notice_number, tmp_path_factory.mktemp("notice") / "监督意见书.pdf")


def test_a_unions_letter_carries_every_field_and_asks_never_orders(sample: Sample, notice_pdf: Path) -> None:
    notice = sample.ws.notices.get(sample.ids.notice_number or "")
    assert notice.kind is NoticeKind.SUPERVISION  # the union's first document, by the office's kind
    text = flat_text(notice_pdf)
    assert "监督意见书" in text and "整改通知书" not in text and "指令书" not in text
    assert "责令" not in text  # a union has no power to order
    assert f"编号：{notice.number}" in text
    assert notice.enterprise_name in text and notice.credit_code in text
    assert notice.inspection_date is not None and format_cn(notice.inspection_date) in text
    assert "安全生产法》第六十条" in text and "请你单位在下列期限内整改" in text
    for hazard in notice.hazards:
        assert hazard.location in text
        assert re.sub(r"\s+", "", hazard.clause)[:20] in text
        assert re.sub(r"\s+", "", hazard.requirement)[:20] in text
        assert format_cn(hazard.deadline) in text
    assert notice.recheck_on is not None and f"复查日期：{format_cn(notice.recheck_on)}" in text
    assert notice.issuing_body in text and format_cn(notice.issued_on) in text
    assert len(notice.inspectors) >= 2
    for name, permit in zip(notice.inspectors, PERMITS, strict=True):
        assert f"{name}（监督证号{permit}）（签名）" in text
    assert f"签发人：{SIGNER}（签名）" in text
    # The reply: 15 working days on the official calendar, its due date printed.
    assert notice.reply_due is not None and not notice.reply_due.assumed
    assert "自收到本意见书之日起15个工作日内" in text and f"即{format_cn(notice.reply_due.due)}前" in text
    assert "书面答复" in text and "建议有关行政机关依法处理" in text
    assert "沿此线剪开" in text and "回执" in text and "签收人（签名）" in text
    assert f"监督意见书编号{notice.number}" in text  # footer


def test_an_authoritys_order_says_责令_and_asks_no_reply(workspace: Workspace, tmp_path: Path) -> None:
    workspace.save_settings(replace(workspace.settings, office_name="平湖市应急管理局", office_kind="authority"))
    ids = make_sample_inspection(
        workspace, hazards=1, photos_per_hazard=0, finalize=False, notice=False, name="平湖市指令书示例厂"
    )
    with pytest.raises(DomainError, match="工会"):
        workspace.notices.issue(
            list(ids.hazard_ids), kind="supervision", order_type="deadline", issued_by=["王建国", "李明"]
        )
    issued = workspace.notices.issue(
        list(ids.hazard_ids),
        order_type=OrderType.DEADLINE,
        issued_by=["王建国", "李明"],
        recheck_on=workspace.today() + timedelta(days=10),
        inspection_id=ids.inspection_id,
    )
    assert issued.kind is NoticeKind.ORDER and issued.reply_due is None
    text = flat_text(write_notice(workspace, issued.id, tmp_path / "order.pdf"))
    assert "责令限期整改指令书" in text and "现责令限期改正，责令你单位在下列期限内改正" in text
    assert "执法人员：" in text and "监督证号" not in text and "个工作日内" not in text
    assert "监督意见书" not in text
    assert f"责令限期整改指令书编号{issued.number}" in text


def test_a_union_cannot_issue_an_order(workspace: Workspace) -> None:
    ids = make_sample_inspection(workspace, hazards=1, photos_per_hazard=0, finalize=False, notice=False)
    for kind, words in (("order", "工会无权责令整改"), ("rectification", "不再签发")):
        with pytest.raises(DomainError, match=words):
            workspace.notices.issue(
                list(ids.hazard_ids), kind=kind, order_type="deadline", issued_by=list(INSPECTORS), signed_by=SIGNER
            )


def test_an_immediate_request_with_a_recorded_receipt_counts_the_reply_from_receipt(
    workspace: Workspace, tmp_path: Path
) -> None:
    ids = make_sample_inspection(
        workspace, hazards=1, photos_per_hazard=0, finalize=False, notice=False, name="平湖市立即整改示例厂"
    )
    issued = workspace.notices.issue(
        list(ids.hazard_ids),
        kind="suggestion",
        order_type=OrderType.IMMEDIATE,
        issued_by=list(INSPECTORS),
        signed_by=SIGNER,
        inspection_id=ids.inspection_id,
    )
    received = issued.issued_on + timedelta(days=1)
    notice = workspace.notices.record_receipt(issued.id, "赵安全", received)
    assert notice.reply_due is not None and notice.reply_due.start == received
    text = flat_text(write_notice(workspace, issued.id, tmp_path / "n.pdf"))
    assert "整改建议书" in text and "请你单位立即整改" in text and "责令" not in text
    assert "自收到本建议书之日起15个工作日内" in text
    assert f"{format_cn(received)}签收，即{format_cn(notice.reply_due.due)}前" in text
    assert "赵安全" in text and format_cn(received) in text
    assert "平湖市立即整改示例厂" in text


def test_a_letter_due_past_the_calendars_years_says_so(workspace: Workspace, tmp_path: Path) -> None:
    ids = make_sample_inspection(workspace, hazards=1, photos_per_hazard=0, finalize=False, notice=False)
    last = max(known_years())
    issued = workspace.notices.issue(
        list(ids.hazard_ids),
        order_type=OrderType.DEADLINE,
        issued_by=list(INSPECTORS),
        signed_by=SIGNER,
        recheck_on=date(last + 1, 1, 20),
        inspection_id=ids.inspection_id,
        at=datetime(last, 12, 24, 2, tzinfo=UTC),
    )
    assert issued.reply_due is not None and issued.reply_due.assumed_years == (last + 1,)
    text = flat_text(write_notice(workspace, issued.id, tmp_path / "n.pdf"))
    assert f"注：{last + 1}年的法定节假日安排尚未收录" in text and "按周一至周五计算工作日" in text


def test_an_unanswered_letter_is_referred_to_the_authority(workspace: Workspace, tmp_path: Path) -> None:
    ids = make_sample_inspection(
        workspace, hazards=2, photos_per_hazard=0, finalize=False, notice=False, name="平湖市逾期未答复示例厂"
    )
    issued_at = datetime(2026, 3, 2, 2, tzinfo=UTC)
    letter = workspace.notices.issue(
        list(ids.hazard_ids),
        order_type=OrderType.DEADLINE,
        issued_by=list(INSPECTORS),
        signed_by=SIGNER,
        recheck_on=date(2026, 3, 20),
        inspection_id=ids.inspection_id,
        at=issued_at,
    )
    assert letter.reply_due is not None
    with pytest.raises(DomainError, match="尚未届满"):
        workspace.notices.refer_unanswered(letter.id, signed_by=SIGNER, at=datetime(2026, 3, 10, tzinfo=UTC))
    referral = workspace.notices.refer_unanswered(letter.id, signed_by=SIGNER)
    assert referral.kind is NoticeKind.REFERRAL and referral.number != letter.number
    assert referral.refers_to == letter.number and referral.addressee == "平湖市应急管理局"
    assert workspace.notices.notice_of_hazard(ids.hazard_ids[0]) == letter.number  # still the letter's
    with pytest.raises(DomainError, match="已移送"):
        workspace.notices.refer_unanswered(letter.id, signed_by=SIGNER)
    text = flat_text(write_notice(workspace, referral.number, tmp_path / "建议书.pdf"))
    assert "建议书" in text and "平湖市应急管理局：" in text and "监督意见书" in text
    assert letter.number in text and format_cn(letter.issued_on) in text
    assert f"答复期限至{format_cn(letter.reply_due.due)}届满" in text and "逾期未书面答复" in text
    assert "移送你单位" in text and "平湖市逾期未答复示例厂" in text
    assert f"建议书编号{referral.number}" in text and "责令" not in text
    for hazard in referral.hazards:
        assert hazard.location in text


def test_a_replied_letter_is_not_referred(workspace: Workspace) -> None:
    ids = make_sample_inspection(workspace, hazards=1, photos_per_hazard=0, finalize=False, notice=True)
    letter = workspace.notices.get(ids.notice_id or "")
    workspace.notices.record_reply(letter.id, workspace.today(), "已整改")
    with pytest.raises(DomainError, match="重复登记"):
        workspace.notices.record_reply(letter.id, workspace.today())
    with pytest.raises(DomainError, match="已于"):
        workspace.notices.refer_unanswered(letter.id, signed_by=SIGNER)
    assert workspace.notices.awaiting_reply() == []


def test_pages_fonts_layout_and_ink(notice_pdf: Path, tmp_path: Path) -> None:
    total = page_count(notice_pdf)
    text = flat_text(notice_pdf)
    assert all(f"第{page}页共{total}页" in text for page in range(1, total + 1))
    fonts = fonts_of(notice_pdf)
    assert fonts and all(embedded and "WenQuanYi" in name for name, embedded in fonts), fonts
    assert layout_problems(notice_pdf) == []
    assert ink_share(notice_pdf, 1, tmp_path) > 0.02


def test_unknown_notice_is_refused_in_chinese(sample: Sample, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="不存在"):
        write_notice(sample.ws, "PH-2026-FFFF-9999", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_writes_the_document_and_refuses_an_unknown_number(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, number = str(sample.ws.data_dir), sample.ids.notice_number or ""
    out = tmp_path / "cli.pdf"
    assert main(["--data-dir", data, "report", "notice", number, "--out", str(out)]) == 0
    assert "已生成文书" in capsys.readouterr().out
    assert "监督意见书" in flat_text(out)
    assert main(["--data-dir", data, "report", "notice", "PH-2026-FFFF-9999", "--out", str(tmp_path / "y.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "不存在" in err


def test_notice_is_print_safe_and_its_subject_says_what_it_is(sample: Sample, notice_pdf: Path, tmp_path: Path) -> None:
    from plaque_fixtures import ink_near_edge
    from pypdf import PdfReader

    assert ink_near_edge(notice_pdf, tmp_path) == []
    meta = PdfReader(notice_pdf).metadata
    assert meta is not None
    assert sample.ids.notice_number in meta.subject and "监督意见书" in meta.subject
    assert sample.ids.enterprise_name in meta.subject


@pytest.mark.parametrize("hazards", [1, 3, 6])
def test_the_receipt_stub_never_sits_on_a_page_without_its_notice(hazards: int, tmp_path: Path) -> None:
    """However long the hazard table, the stub shares its page with the signatures above it."""
    ws = Workspace(tmp_path / "data")
    try:
        ids = make_sample_inspection(ws, hazards=hazards, photos_per_hazard=1, photo_size=(320, 240), finalize=False)
        assert ids.notice_id
        out = write_notice(ws, ids.notice_id, tmp_path / "n.pdf")
    finally:
        ws.close()
    pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(out).pages]
    stub = [text for text in pages if "回执" in text]
    assert len(stub) == 1
    assert "签发单位" in stub[0] and "签发日期" in stub[0]
