"""The 整改通知书 / 监督意见书 PDF, read back: the fields of domain.md §3, kinds, layout, CLI."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import Sample, flat_text, fonts_of, ink_share, layout_problems, page_count
from pypdf import PdfReader

from inspector.cli.main import main
from inspector.core.dates import format_cn
from inspector.core.errors import DomainError
from inspector.reports.notice_report import write_notice
from inspector.reports.sample_documents import make_sample_inspection
from inspector.services.notices import NoticeKind, OrderType
from inspector.workspace import Workspace


@pytest.fixture(scope="module")
def notice_pdf(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert sample.ids.notice_number is not None
    return write_notice(sample.ws, sample.ids.notice_number, tmp_path_factory.mktemp("notice") / "整改通知书.pdf")


def test_rectification_notice_carries_every_field(sample: Sample, notice_pdf: Path) -> None:
    notice = sample.ws.notices.get(sample.ids.notice_number or "")
    assert notice.kind is NoticeKind.RECTIFICATION
    text = flat_text(notice_pdf)
    assert "整改通知书" in text and "监督意见书" not in text
    assert f"编号：{notice.number}" in text
    assert notice.enterprise_name in text and notice.credit_code in text
    assert notice.inspection_date is not None and format_cn(notice.inspection_date) in text
    assert "责令限期改正" in text
    for hazard in notice.hazards:
        assert hazard.location in text
        assert re.sub(r"\s+", "", hazard.clause)[:20] in text
        assert re.sub(r"\s+", "", hazard.requirement)[:20] in text
        assert format_cn(hazard.deadline) in text
    assert notice.recheck_on is not None and f"复查日期：{format_cn(notice.recheck_on)}" in text
    assert notice.issuing_body in text and format_cn(notice.issued_on) in text
    assert len(notice.inspectors) >= 2 and all(f"{name}（签名）" in text for name in notice.inspectors)
    assert "沿此线剪开" in text and "回执" in text and "签收人（签名）" in text
    assert "个工作日内" not in text  # the written-reply rule belongs to the 监督意见书
    assert f"整改通知书编号{notice.number}" in text  # footer


def test_the_same_notice_prints_as_a_supervision_letter_with_the_reply_rule(sample: Sample, tmp_path: Path) -> None:
    out = write_notice(sample.ws, sample.ids.notice_id or "", tmp_path / "意见书.pdf", kind="supervision")
    text = flat_text(out)
    assert "监督意见书" in text and "整改通知书" not in text
    assert "自收到本意见书之日起15个工作日内" in text and "书面回复" in text
    assert sample.ids.enterprise_name in text


def test_pages_fonts_layout_and_ink(notice_pdf: Path, tmp_path: Path) -> None:
    total = page_count(notice_pdf)
    text = flat_text(notice_pdf)
    assert all(f"第{page}页共{total}页" in text for page in range(1, total + 1))
    fonts = fonts_of(notice_pdf)
    assert fonts and all(embedded and "WenQuanYi" in name for name, embedded in fonts), fonts
    assert layout_problems(notice_pdf) == []
    assert ink_share(notice_pdf, 1, tmp_path) > 0.02


def test_an_immediate_order_with_a_recorded_receipt(workspace: Workspace, tmp_path: Path) -> None:
    ids = make_sample_inspection(
        workspace, hazards=1, photos_per_hazard=0, finalize=False, notice=False, name="平湖市立即改正示例厂"
    )
    issued = workspace.notices.issue(
        list(ids.hazard_ids),
        kind="rectification",
        order_type=OrderType.IMMEDIATE,
        issued_by=["王建国", "李明"],
        inspection_id=ids.inspection_id,
    )
    workspace.notices.record_receipt(issued.id, "赵安全", issued.issued_on + timedelta(days=1))
    text = flat_text(write_notice(workspace, issued.id, tmp_path / "n.pdf"))
    assert "责令立即改正" in text and "立即改正" in text
    assert "赵安全" in text and format_cn(issued.issued_on + timedelta(days=1)) in text
    assert "平湖市立即改正示例厂" in text


def test_unknown_notice_and_kind_are_refused_in_chinese(sample: Sample, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="不存在"):
        write_notice(sample.ws, "PH-2026-FFFF-9999", tmp_path / "x.pdf")
    with pytest.raises(DomainError, match="类别"):
        write_notice(sample.ws, sample.ids.notice_id or "", tmp_path / "x.pdf", kind="letter")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_writes_either_kind_and_refuses_an_unknown_number(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, number = str(sample.ws.data_dir), sample.ids.notice_number or ""
    out = tmp_path / "cli.pdf"
    assert main(["--data-dir", data, "report", "notice", number, "--out", str(out), "--kind", "supervision"]) == 0
    assert "已生成通知书" in capsys.readouterr().out
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
    assert sample.ids.notice_number in meta.subject and "整改通知书" in meta.subject
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
    assert "签发单位" in stub[0] and "检查人员" in stub[0]
