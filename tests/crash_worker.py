"""A process that does inspection work until it is killed; used by tests/test_crash_recovery.py.

    python tests/crash_worker.py DATA_DIR [--gui] [--seed N]

It opens a Workspace on DATA_DIR and answers checklist items in a loop, inspection after
inspection. Each line it prints names something that has been committed (the service call or
the key press that made it has returned):

    answer <inspection> <item> <result>
    note <inspection> <item> <text>       (the whole note as it stands)
    photo <inspection> <item> <sha256>
    complete <inspection>

With --gui it drives a real ChecklistView offscreen with key presses instead of calling the
services: digit keys answer, and notes are typed one key at a time into the note field.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from inspector.core.checklist import Item, Result
from inspector.core.credit_code import with_check_digit
from inspector.core.enterprise import Enterprise
from inspector.workspace import Workspace

RESULTS = (Result.PASS, Result.PARTIAL, Result.FAIL, Result.NOT_APPLICABLE)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def prepare(workspace: Workspace) -> tuple[str, str, list[str]]:
    """The template, enterprise and inspectors, made on the first run and reused after a kill."""
    template_id = workspace.default_template_id()
    code = with_check_digit("91330482MA2D00001")
    existing = workspace.enterprises.by_credit_code(code)
    if existing is not None and existing.id is not None:
        enterprise_id = existing.id
    else:
        enterprise_id = workspace.enterprises.add(
            Enterprise(name="平湖市崩溃测试机械有限公司", credit_code=code, town="当湖街道")
        )
    inspectors = [i.id for i in workspace.roster.active()][:2]
    if len(inspectors) < 2:
        inspectors = [workspace.roster.add("王建国"), workspace.roster.add("李明")]
    return template_id, enterprise_id, inspectors


def photo_bytes(counter: int) -> bytes:
    """A small PNG whose content differs each time, so every photo is a new file."""
    image = Image.new("RGB", (64, 48), (counter * 37 % 256, counter * 91 % 256, counter * 13 % 256))
    image.putpixel((0, 0), (counter % 256, counter // 256 % 256, 7))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def pick(rng: random.Random, item: Item) -> Result:
    return rng.choice([r for r in RESULTS if item.allows(r)])


def run_services(workspace: Workspace, rng: random.Random) -> None:
    template_id, enterprise_id, inspectors = prepare(workspace)
    service = workspace.inspections
    counter = 0
    while True:
        inspection = service.start(enterprise_id, template_id, workspace.today(), inspectors)
        for item in service.template_of(inspection).items:
            result = pick(rng, item)
            service.answer(inspection, item.code, result)
            say(f"answer {inspection} {item.code} {result.value}")
            counter += 1
            if counter % 3 == 0:
                note = f"note-{counter}"
                service.set_note(inspection, item.code, note)
                say(f"note {inspection} {item.code} {note}")
            if counter % 5 == 0:
                photo = workspace.photos.import_bytes(photo_bytes(counter), f"p{counter}.png")
                service.attach_photo(inspection, item.code, photo)
                say(f"photo {inspection} {item.code} {photo.sha256}")
        service.complete(inspection)
        say(f"complete {inspection}")


def run_gui(workspace: Workspace, rng: random.Random) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from inspector.ui.common.fonts import install_chinese_font
    from inspector.ui.inspection.checklist_view import ChecklistView

    keys = {
        Result.PASS: Qt.Key.Key_1,
        Result.PARTIAL: Qt.Key.Key_2,
        Result.FAIL: Qt.Key.Key_3,
        Result.NOT_APPLICABLE: Qt.Key.Key_0,
    }
    app = QApplication(["crash-worker"])
    install_chinese_font(app)
    template_id, enterprise_id, inspectors = prepare(workspace)
    view = ChecklistView(workspace)
    view.resize(1280, 800)
    view.show()
    counter = 0
    while True:
        inspection = workspace.inspections.start(enterprise_id, template_id, workspace.today(), inspectors)
        view.load(inspection)
        for index, item in enumerate(view.items):
            assert view.current_code() == item.code
            result = pick(rng, item)
            QTest.keyClick(view, keys[result])
            say(f"answer {inspection} {item.code} {result.value}")
            counter += 1
            if counter % 4 == 0:
                if view.current_code() != item.code:
                    QTest.keyClick(view, Qt.Key.Key_Up)
                view.note_edit.setFocus()
                typed = ""
                for char in f"n{counter}":
                    QTest.keyClicks(view.note_edit, char)
                    typed += char
                    say(f"note {inspection} {item.code} {typed}")
                QTest.keyClick(view.note_edit, Qt.Key.Key_Escape)
                if index < len(view.items) - 1:
                    QTest.keyClick(view, Qt.Key.Key_Down)
            elif result is Result.FAIL and index < len(view.items) - 1:
                QTest.keyClick(view, Qt.Key.Key_Down)  # a failed item stays put; move on by hand
            app.processEvents()
        view.complete()
        say(f"complete {inspection}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--gui", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    workspace = Workspace(args.data_dir)
    rng = random.Random(args.seed)
    if args.gui:
        run_gui(workspace, rng)
    else:
        run_services(workspace, rng)
    return 0


if __name__ == "__main__":
    sys.exit(main())
