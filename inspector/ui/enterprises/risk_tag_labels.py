"""Risk tags as screens show them: the label of forms/risk-tags.toml in the window's language.

The tag list is data an office may edit; if it is unreadable the screens still work and show the
stored codes (the dialog then offers no tags, and says why).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from inspector.core.errors import DomainError
from inspector.core.risk_tags import EMPTY_CATALOG, RiskTagCatalog
from inspector.ui.common.i18n import english
from inspector.workspace import Workspace


class RiskTagLabels:
    def __init__(self, workspace: Workspace) -> None:
        self.english = english()  # the language the window speaks (its translator)
        self.problem = ""
        try:
            self.catalog: RiskTagCatalog = workspace.risk_tags()
        except DomainError as error:
            self.catalog = EMPTY_CATALOG
            self.problem = str(error)

    def text(self, codes: Iterable[str]) -> str:
        return self.catalog.labels(codes, self.english, ", " if self.english else "、")

    def label(self, code: str) -> str:
        return self.catalog.label(code, self.english)


def scale_text(above_scale: bool | None, empty: str = "") -> str:
    """规上 / 规下 as shown; `empty` when not recorded."""
    if above_scale is None:
        return empty
    if above_scale:
        return QCoreApplication.translate("EnterpriseLabels", "规上")
    return QCoreApplication.translate("EnterpriseLabels", "规下")
