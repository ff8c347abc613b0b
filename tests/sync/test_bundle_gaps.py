"""Lost bundles are noticed (issue 13, item 6): each device numbers its bundles to a peer, and an
import names the sender (by its trusted name) and the numbers that never arrived."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.cli.main import main
from tests.sqlite_files import sql

from .simulation import Laptop


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    a, b = Laptop.create(tmp_path, "a"), Laptop.create(tmp_path, "b")
    a.ws.sync.trust(b.ws.sync.identity(), "b")
    b.ws.sync.trust(a.ws.sync.identity(), "甲机")  # the name b knows a by, not a's host name
    yield a, b
    a.ws.close()
    b.ws.close()


def export(a: Laptop, tmp_path: Path, n: int, everything: bool = False) -> Path:
    path = tmp_path / f"a-{n}.zip"
    a.ws.sync.export(path, peer="b", everything=everything)
    return path


def enterprises(b: Laptop) -> int:
    return int(sql(b.ws, "SELECT count(*) FROM enterprises")[0][0])


def test_a_lost_bundle_is_named_and_the_rest_applied(pair: tuple[Laptop, Laptop], tmp_path: Path) -> None:
    a, b = pair
    a.add_enterprise(1)
    first = b.ws.sync.import_(export(a, tmp_path, 1))
    assert (first.device.name, first.missing, first.gap_warning) == ("甲机", (), "")
    a.add_enterprise(2)
    lost = export(a, tmp_path, 2)
    a.add_enterprise(3)
    export(a, tmp_path, 3)  # lost too
    a.add_enterprise(4)
    result = b.ws.sync.import_(export(a, tmp_path, 4))
    assert result.missing == ((2, 3),)
    assert result.gap_warning.startswith("缺少来自 甲机 的第 2–3 号同步包（其余内容已导入）：请 甲机 重新导出给本机")
    # The window says where to go; the command line gets the command.
    assert "同步 → 导出同步包…" in result.gap_warning and "--" not in result.gap_warning
    assert "inspector sync export --peer 本机名称 --all" in result.gap_warning_for_command_line
    assert enterprises(b) == 2  # the fourth bundle's enterprise is in; the safe part is not refused
    # The gap stays on record until the missing changes arrive: bundle 2 late, then 3 is missing.
    assert b.ws.sync.import_(lost).missing == ((3, 3),)
    a.add_enterprise(5)
    assert "第 3 号" in b.ws.sync.import_(export(a, tmp_path, 5)).gap_warning
    # Exporting everything again (what the warning asks for) closes every gap.
    healed = b.ws.sync.import_(export(a, tmp_path, 6, everything=True))
    assert (healed.missing, enterprises(b)) == ((), 5)
    assert a.dump() == b.dump()


def test_the_cli_prints_the_warning_and_the_trusted_name(
    pair: tuple[Laptop, Laptop], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = pair
    a.add_enterprise(1)
    export(a, tmp_path, 1)  # lost
    a.add_enterprise(2)
    second = export(a, tmp_path, 2)
    folder = b.ws.sync.photos.root.parent
    b.ws.close()
    assert main(["--data-dir", str(folder), "sync", "import", str(second)]) == 0
    out = capsys.readouterr().out
    assert "已导入来自 甲机 的同步包" in out
    assert "缺少来自 甲机 的第 1 号同步包" in out
