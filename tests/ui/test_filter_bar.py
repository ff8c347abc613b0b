"""The one town selector and the one filter bar, as real widgets: what they offer, when they say
that something changed, and how several filters are set at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.ui.common.filter_bar import FilterBar
from inspector.ui.common.form_dialog import optional_day
from inspector.ui.common.town_selector import TownSelector


class Register:
    """The register's towns, as `EnterpriseQueries.towns` gives them (sorted, distinct)."""

    def __init__(self, *towns: str) -> None:
        self.towns_now = list(towns)

    def towns(self) -> list[str]:
        return sorted(self.towns_now)


def test_a_town_filter_offers_every_town_and_keeps_the_choice_when_reloaded(qtbot: QtBot) -> None:
    register = Register("当湖街道", "乍浦镇")
    selector = TownSelector(register.towns)
    qtbot.addWidget(selector)
    assert [selector.itemText(i) for i in range(selector.count())] == ["全部镇街道", "乍浦镇", "当湖街道"]
    assert selector.town() is None
    selector.set_town("当湖街道")
    assert selector.town() == "当湖街道"
    register.towns_now.append("独山港镇")
    with qtbot.assertNotEmitted(selector.currentIndexChanged):  # nothing the user sees changed
        selector.reload()
    assert selector.count() == 4 and selector.town() == "当湖街道"
    register.towns_now.remove("当湖街道")
    selector.reload()
    assert selector.town() is None  # the chosen town has gone: every town again
    selector.set_town("没有这个镇")
    assert selector.town() is None


def test_a_town_entry_offers_the_towns_and_takes_a_new_one(qtbot: QtBot) -> None:
    selector = TownSelector(Register("当湖街道").towns, entry=True)
    qtbot.addWidget(selector)
    assert selector.count() == 1 and selector.currentText() == "" and selector.town() is None
    selector.set_town(" 新埭镇 ")
    assert selector.town() == "新埭镇"
    selector.reload()
    assert selector.currentText() == " 新埭镇 "  # what was typed stays typed


def make_bar(qtbot: QtBot) -> FilterBar:
    bar = FilterBar()
    qtbot.addWidget(bar)
    return bar


def test_each_filter_says_when_it_changed(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    search = bar.search("搜索", 200)
    choice = bar.choice("全部等级", [("一般隐患", "general"), ("重大隐患", "major")])
    towns = bar.towns(Register("当湖街道").towns)
    overdue = bar.check("仅看逾期")
    days = bar.days("到期天数", "不限", " 天内", "")
    bar.next_row()
    first, last = bar.dates("发现日期", "不限")
    name = bar.name("检查人员", 110, "")
    bar.show()
    qtbot.waitExposed(bar)
    changes: list[None] = []
    bar.changed.connect(lambda: changes.append(None))

    qtbot.keyClicks(search, "abc")
    assert len(changes) == 3  # a search filters as you type
    choice.setCurrentIndex(2)
    towns.set_town("当湖街道")
    overdue.setChecked(True)
    days.setValue(7)
    first.setDate(date(2026, 1, 1))
    assert len(changes) == 8
    qtbot.keyClicks(name, "Wang")  # (QTest types ASCII only)
    assert len(changes) == 8  # a name only when its editing is finished
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert len(changes) == 9
    assert (choice.currentData(), towns.town(), days.value()) == ("major", "当湖街道", 7)
    assert (optional_day(first), optional_day(last)) == (date(2026, 1, 1), None)
    assert days.specialValueText() == "不限" and last.text() == "不限"


def test_reset_and_choose_set_many_filters_with_one_change(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    search = bar.search("搜索", 200)
    grade = bar.choice("全部等级", [("A级", "A"), ("B级", "B")])
    year = bar.choice(None, [("2026 年", 2026), ("2025 年", 2025)])  # no "everything" entry
    towns = bar.towns(Register("当湖街道", "乍浦镇").towns)
    overdue = bar.check("仅看逾期")
    first, _last = bar.dates("发现日期", "不限")
    search.setText("配电箱")
    year.setCurrentIndex(1)
    overdue.setChecked(True)

    with qtbot.waitSignal(bar.changed) as blocker:
        bar.reset({grade: "B", towns: "乍浦镇", first: date(2026, 3, 1)})
    assert blocker.signal_triggered
    assert search.text() == "" and not overdue.isChecked() and year.currentData() == 2026
    assert (grade.currentData(), towns.town(), optional_day(first)) == ("B", "乍浦镇", date(2026, 3, 1))

    changes: list[None] = []
    bar.changed.connect(lambda: changes.append(None))
    bar.choose({year: 2025, towns: None})
    assert changes == [None]  # one change for the two filters
    assert (year.currentData(), towns.town(), grade.currentData()) == (2025, None, "B")  # the rest kept
