"""The read-only table model of the list pages (register, hazard ledger, grading list).

`RowTableModel.data()` answers every role the same way for all of them: a model only says, per
row and column, what the cell shows (`display`) and, where it has one, its tooltip, colour, font,
icon and alignment. `LazyRowModel` adds the ids-plus-blocks storage of the two big lists: it keeps
only the ids of a search and reads rows in blocks when the view asks (see row_blocks.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from inspector.ui.common.palette import brush
from inspector.ui.common.row_blocks import RowBlocks, row_key

ID_ROLE = Qt.ItemDataRole.UserRole  # the id of a row, for any column
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole row

Row = TypeVar("Row")

_CELL_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ROW_ROLE,
    }
)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of one kind in `column_count` columns; nothing is edited in place.

    A subclass implements `row_count`, `row_at`, `row_id` and `header`, and says in `cells` how
    each column's text is made from a row; the other cell methods return None (nothing special)
    unless overridden. Colours are palette names (str).
    """

    column_count = 0
    cells: Mapping[int, Callable[[Any], str]] = {}  # column -> the text of a row's cell
    centered: frozenset[int] = frozenset()  # columns whose cells are centred

    # -- what a subclass says --------------------------------------------------------------------
    def row_count(self) -> int:
        raise NotImplementedError

    def row_at(self, row: int) -> Row | None:
        """The row's record (None if it has gone since the list was made)."""
        raise NotImplementedError

    def row_id(self, row: int) -> str:
        raise NotImplementedError

    def header(self, column: int) -> str:
        raise NotImplementedError

    def header_tooltip(self, column: int) -> str | None:
        return None

    def display(self, record: Row, column: int) -> str:
        return self.cells[column](record)

    def tooltip(self, record: Row, column: int) -> str | None:
        return None

    def foreground(self, record: Row, column: int) -> str | None:
        return None

    def background(self, record: Row, column: int) -> str | None:
        return None

    def bold(self, record: Row, column: int) -> bool:
        return False

    def icon(self, record: Row, column: int) -> QIcon | None:
        return None

    # -- QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.column_count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltip(section)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.row_count():
            return None
        if role == ID_ROLE:
            return self.row_id(index.row())  # no database read needed
        if role not in _CELL_ROLES:
            return None
        record = self.row_at(index.row())
        if record is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            pick = self.foreground if role == Qt.ItemDataRole.ForegroundRole else self.background
            colour = pick(record, column)
            return brush(colour) if colour else None
        if role == Qt.ItemDataRole.FontRole:
            return _bold() if self.bold(record, column) else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icon(record, column)
        if column in self.centered:  # TextAlignmentRole
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class LazyRowModel(RowTableModel[Row], Generic[Row]):
    """The ids of a search, rows read in blocks as the view asks for them.

    A subclass runs its search in `refresh()` and hands the ids to `reset_ids`."""

    def __init__(self, rows: RowBlocks[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows

    @property
    def fetches(self) -> int:
        """Row queries made so far, for tests and measurements."""
        return self._rows.fetches

    def reset_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._rows.reset(ids)
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._rows.ids)

    def row_of(self, record_id: str) -> int:
        """The row showing `record_id` (in any spelling of the id), or -1."""
        try:
            return self._rows.ids.index(row_key(record_id))
        except ValueError:
            return -1

    def row_view(self, row: int) -> Row | None:
        """The loaded row (loading its block if needed); None if the record has gone meanwhile."""
        return self._rows.row(row)

    def cached_row_count(self) -> int:
        return self._rows.cached_row_count()

    def row_count(self) -> int:
        return len(self._rows.ids)

    def row_at(self, row: int) -> Row | None:
        return self._rows.row(row)

    def row_id(self, row: int) -> str:
        return self._rows.ids[row]
