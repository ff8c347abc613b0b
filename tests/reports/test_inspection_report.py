"""The inspection report PDF, read back: content, fonts, layout, rendering, states, CLI."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import Sample, flat_text, fonts_of, ink_share, layout_problems, page_count
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from inspector.cli.main import main
from inspector.core.checklist import Result
from inspector.core.credit_code import with_check_digit
from inspector.core.dates import format_cn
from inspector.core.enterprise import Enterprise
from inspector.core.errors import DomainError
from inspector.reports import inspection_report
from inspector.reports.fonts import register_fonts
from inspector.reports.inspection_report import report_id, write_inspection_report
from inspector.reports.report_styles import ReportWriteError
from inspector.workspace import Workspace


@pytest.fixture(scope="module")
def report(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "检查报告.pdf"
    assert write_inspection_report(sample.ws, sample.ids.inspection_id, out) == out
    return out


def test_report_names_the_enterprise_result_and_hazards(sample: Sample, report: Path) -> None:
    ws, ids = sample.ws, sample.ids
    text = flat_text(report)
    enterprise = ws.enterprises.get(ids.enterprise_id)
    view = ws.inspections.get(ids.inspection_id)
    effective = ws.amendments.effective_grade(ids.inspection_id)
    assert "安全生产检查报告" in text
    for value in (enterprise.name, enterprise.credit_code, enterprise.town, enterprise.address):
        assert value.replace(" ", "") in text
    assert format_cn(view.inspection_date) in text
    assert "王建国、李明" in text
    assert "一般制造业企业安全生产检查表" in text and "第2版" in text
    assert f"得分{effective.score:g}分" in text and f"{effective.grade.value}级" in text
    for reason in effective.reasons:
        assert re.sub(r"\s+", "", reason.text) in text
    for section in effective.sections:
        assert f"{section.code}{section.title}" in text
    assert "部分符合" in text and "不符合" in text and "C-3" in text
    for hazard_id in ids.hazard_ids:
        hazard = ws.hazards.get(hazard_id)
        assert re.sub(r"\s+", "", hazard.description)[:30] in text
        assert format_cn(hazard.deadline) in text
        assert hazard.location in text
    assert "隐患1整改前照片2" in text and "隐患2整改前照片1" in text
    assert "王建国" in text and "张伟" in text  # the signers
    assert report_id(ws.inspections.get(ids.inspection_id).number) in text


def test_pages_are_numbered_with_the_total(report: Path) -> None:
    total = page_count(report)
    assert total >= 2
    text = flat_text(report)
    for page in range(1, total + 1):
        assert f"第{page}页共{total}页" in text
    assert f"第{total + 1}页" not in text


def test_every_font_is_the_embedded_chinese_font(report: Path) -> None:
    fonts = fonts_of(report)
    assert fonts, "no fonts listed"
    assert all(embedded for _, embedded in fonts), fonts
    assert all("WenQuanYi" in name for name, _ in fonts), fonts


def test_every_word_lies_inside_the_page_without_overlap(report: Path) -> None:
    assert layout_problems(report) == []


def test_first_page_renders_with_ink(report: Path, tmp_path: Path) -> None:
    assert ink_share(report, 1, tmp_path) > 0.02


def test_the_layout_check_sees_text_off_the_page_and_overlapping(tmp_path: Path) -> None:
    """The check above could pass vacuously; here it must complain."""
    bad = tmp_path / "bad.pdf"
    canvas = Canvas(str(bad))
    canvas.setFont(register_fonts(), 12)
    canvas.drawString(560, 400, "跑出页面的很长的一段文字")
    canvas.drawString(100, 300, "重叠的文字")
    canvas.drawString(102, 301, "重叠的文字")
    canvas.save()
    problems = layout_problems(bad)
    assert any("outside" in p for p in problems) and any("overlaps" in p for p in problems)


def test_amended_report_prints_the_effective_result_and_the_signed_original(sample: Sample, report: Path) -> None:
    ws, ids = sample.ws, sample.ids
    view = ws.inspections.get(ids.inspection_id)
    effective = ws.amendments.effective_grade(ids.inspection_id)
    assert (view.score, view.grade) != (effective.score, effective.grade.value)  # the amendment mattered
    text = flat_text(report)
    assert f"原定稿结果为得分{view.score:g}分、{view.grade}级" in text
    assert "更正记录" in text and "D-2答案：不符合→符合" in text and "录入有误" in text


def start_draft(workspace: Workspace, name: str, code: str) -> str:
    """A draft inspection of a new enterprise by two inspectors, nothing answered yet."""
    inspectors = [workspace.roster.add("王建国"), workspace.roster.add("李明")]
    enterprise_id = workspace.enterprises.add(Enterprise(name, with_check_digit(code), "新埭镇"))
    return workspace.inspections.start(enterprise_id, workspace.default_template_id(), date(2026, 5, 12), inspectors)


def test_a_draft_prints_marked_as_draft_and_an_empty_draft_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    inspection_id = start_draft(workspace, "平湖市草稿示例有限公司", "91330482000000777")
    out = tmp_path / "draft.pdf"
    with pytest.raises(DomainError, match="草稿"):
        write_inspection_report(workspace, inspection_id, out)
    assert not out.exists()

    workspace.inspections.answer(inspection_id, "A-1", Result.PASS)
    workspace.inspections.answer(inspection_id, "C-3", Result.FAIL)
    write_inspection_report(workspace, inspection_id, out)
    text = flat_text(out)
    assert "安全生产检查报告（草稿）" in text
    assert "暂定" in text and "不作为评级依据" in text
    assert "平湖市草稿示例有限公司" in text
    # The big diagonal 草稿 is a watermark under the text: it alone may be overlapped.
    assert layout_problems(out, background=frozenset({"草", "稿", "草稿"})) == []


def test_unknown_and_malformed_ids_are_refused_in_chinese(sample: Sample, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="不存在"):
        write_inspection_report(sample.ws, "0" * 32, tmp_path / "x.pdf")
    with pytest.raises(DomainError, match="格式不对"):
        write_inspection_report(sample.ws, "not-an-id", tmp_path / "x.pdf")
    with pytest.raises(ReportWriteError, match="不存在"):
        write_inspection_report(sample.ws, sample.ids.inspection_id, tmp_path / "missing" / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_leaves_the_old_file_and_no_temporary(
    sample: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Exploding(Flowable):
        def wrap(self, *args: object) -> tuple[float, float]:
            return 10, 10

        def draw(self) -> None:
            raise OSError(28, "No space left on device")

    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous report")
    monkeypatch.setattr(inspection_report, "_story", lambda *_args: [Exploding()])
    with pytest.raises(DomainError, match="无法保存"):
        write_inspection_report(sample.ws, sample.ids.inspection_id, out)
    assert out.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_missing_photo_file_prints_a_placeholder(sample: Sample, tmp_path: Path) -> None:
    ws, ids = sample.ws, sample.ids
    before = ws.hazards.get(ids.hazard_ids[0]).before_photos[0]
    sha = ws.photo_versions.shown([before])[0]  # the file printed: the marked-up version
    photo = ws.photos.path_of(sha)
    kept = tmp_path / "kept.jpg"
    photo.rename(kept)
    try:
        out = write_inspection_report(ws, ids.inspection_id, tmp_path / "r.pdf")
    finally:
        kept.rename(photo)
    assert "照片文件缺失" in flat_text(out)


def test_cli_writes_the_report_and_refuses_an_unknown_id(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(sample.ws.data_dir)
    out = tmp_path / "cli.pdf"
    assert main(["--data-dir", data, "report", "inspection", sample.ids.inspection_id, "--out", str(out)]) == 0
    assert "已生成检查报告" in capsys.readouterr().out
    assert page_count(out) >= 2
    assert main(["--data-dir", data, "report", "inspection", "f" * 32, "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "不存在" in err
    assert not (tmp_path / "x.pdf").exists()


def test_print_safe_edges_metadata_and_photos_beside_their_hazard(sample: Sample, report: Path, tmp_path: Path) -> None:
    from plaque_fixtures import ink_near_edge
    from pypdf import PdfReader

    assert ink_near_edge(report, tmp_path) == []  # footers and running heads clear of the printer's border
    reader = PdfReader(report)
    meta = reader.metadata
    assert meta is not None and meta.title.startswith("安全生产检查报告 ") and "草稿" not in meta.title
    assert meta.subject.startswith(sample.ids.enterprise_name) and "安全生产检查" in meta.subject
    assert meta.author == sample.ws.settings.office_name
    # A hazard's first photo row is on the page of its heading.
    pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]
    for number in range(1, len(sample.ids.hazard_ids) + 1):
        headings = (f"隐患{number}一般事故隐患", f"隐患{number}重大事故隐患")
        heading = next(i for i, text in enumerate(pages) if any(h in text for h in headings))
        assert f"隐患{number}整改前照片1" in pages[heading], number


def test_a_drafts_title_says_so(workspace: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    inspection_id = start_draft(workspace, "平湖市草稿标题示例有限公司", "91330482000000778")
    workspace.inspections.answer(inspection_id, "C-3", Result.FAIL)
    out = write_inspection_report(workspace, inspection_id, tmp_path / "draft.pdf")
    meta = PdfReader(out).metadata
    assert meta is not None and "（草稿）" in meta.title and "（草稿）" in meta.subject
