"""The towns (镇街道) of the register in a combo box: the one town selector of every screen.

As a filter (the default) its first entry is 全部镇街道, whose data is None; the others carry
the town's name as data. As an entry field (`entry=True`, the enterprise form) there is no
全部 entry, and a town not yet in the register can be typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget


class TownSelector(QComboBox):
    def __init__(self, towns: Callable[[], list[str]], entry: bool = False, parent: QWidget | None = None) -> None:
        """`towns` lists the register's towns (read again by `reload`)."""
        super().__init__(parent)
        self._towns = towns
        self.entry = entry
        self.setEditable(entry)
        self.setMinimumContentsLength(6)  # 独山港镇, 当湖街道 and an arrow
        self.reload()
        if entry:
            self.setCurrentIndex(-1)
            line = self.lineEdit()
            assert line is not None
            line.setPlaceholderText(self.tr("选择或输入镇、街道"))

    def town(self) -> str | None:
        """The chosen town; None for 全部镇街道 (or an empty entry)."""
        if self.entry:
            return self.currentText().strip() or None
        return self.currentData()

    def set_town(self, town: str | None) -> None:
        """Choose `town` (None or an unknown town: 全部镇街道; in an entry field, the text)."""
        if self.entry:
            self.setEditText(town or "")
            return
        self.setCurrentIndex(max(self.findData(town), 0) if town else 0)

    def reload(self) -> None:
        """Read the towns again (one may have been added), keeping the choice, without emitting
        a change: nothing the user sees has changed unless the chosen town has gone."""
        chosen = self.currentText() if self.entry else self.currentData()
        self.blockSignals(True)
        self.clear()
        if not self.entry:
            self.addItem(self.tr("全部镇街道"), None)
        for town in self._towns():
            self.addItem(town, town)
        if self.entry:
            self.setEditText(chosen)
        else:
            self.set_town(chosen)
        self.blockSignals(False)
