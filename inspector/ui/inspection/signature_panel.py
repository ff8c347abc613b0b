"""The review screen's signatures: a name and a pad for each of the three who sign (two
inspectors and the enterprise's representative), read-only once the inspection is finalized.

The panel shows what is stored and hands back what is on the pads (`entries`) as plain values,
each marked `changed` when it differs from the stored signature, so that 定稿 signs again only
what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

from inspector.services.inspection_review import InspectionReview
from inspector.services.signatures import REQUIRED_ROLES, Signature, SignatureRole
from inspector.ui.common.labels import role_label
from inspector.ui.common.layouts import STRETCH, hbox, vbox
from inspector.ui.common.signature_pad import SignaturePad, Strokes
from inspector.ui.inspection.review_result import heading

SIGNATURE_PNG_WIDTH = 600  # the PNG kept beside the strokes, for reports that want an image


@dataclass(frozen=True)
class SignatureEntry:
    """One pad's content, read on the UI thread and handed to the worker as plain values."""

    role: SignatureRole
    name: str
    strokes: Strokes
    png: bytes | None
    changed: bool


class SignatureBox(QWidget):
    """A role's name field, its pad and a clear button."""

    def __init__(self, role: SignatureRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.title = QLabel(role_label(role))
        self.title.setObjectName("roleLabel")
        self.name = QLineEdit()
        self.name.setObjectName(f"name_{role.value}")
        self.name.setPlaceholderText(self.tr("签名人姓名"))
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.setObjectName(f"clear_{role.value}")
        self.pad = SignaturePad(role_label(role))
        self.pad.setObjectName(f"pad_{role.value}")
        self.signed_at = QLabel()
        self.signed_at.setObjectName("hint")
        self.clear_button.clicked.connect(self.pad.clear)
        top = hbox(self.title, (self.name, 1), self.signed_at, self.clear_button)
        vbox(top, self.pad, parent=self, margins=0, spacing=4)

    def set_read_only(self, read_only: bool) -> None:
        self.pad.set_read_only(read_only)
        self.name.setReadOnly(read_only)
        self.name.setPlaceholderText("" if read_only else self.tr("签名人姓名"))
        # Style sheets match [readOnly="true"] only when polished again after the change.
        self.name.style().unpolish(self.name)
        self.name.style().polish(self.name)
        self.clear_button.setVisible(not read_only)

    def entry(self, saved: Signature | None) -> SignatureEntry:
        strokes = self.pad.strokes()
        name = self.name.text()
        same = saved is not None and saved.signer_name == name.strip() and _same_strokes(saved, strokes)
        empty_and_unsaved = saved is None and not strokes
        return SignatureEntry(
            role=self.role,
            name=name,
            strokes=strokes,
            png=self.pad.to_png(SIGNATURE_PNG_WIDTH) if strokes else None,
            changed=not (same or empty_and_unsaved),
        )


class SignaturePanel(QScrollArea):
    """The three boxes under a heading and a hint; they scroll on a short screen (three pads need
    ~620 px) so that the review's buttons below stay in view."""

    def __init__(self, local: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        """`local` writes a moment in the office's time zone."""
        super().__init__(parent)
        self.local = local
        self.boxes = {role: SignatureBox(role) for role in REQUIRED_ROLES}
        self.hint = QLabel(self.tr("请两名检查人员和企业代表核对上述结果后分别签名。"))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        pads = QWidget()
        vbox(
            heading(self.tr("签名")),
            self.hint,
            *self.boxes.values(),
            STRETCH,
            parent=pads,
            margins=(0, 0, 8, 0),
            spacing=10,
        )
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(pads)

    def show_review(self, review: InspectionReview) -> None:
        view, finalized = review.view, review.finalized
        self.hint.setText(
            self.tr("已定稿，检查为只读。发现错误请点“更正…”登记，原始记录保持不变。")
            if finalized
            else self.tr("请两名检查人员和企业代表核对左侧结果后，在下方分别手写签名，然后点击“定稿”。")
        )
        defaults = {
            SignatureRole.INSPECTOR_1: view.inspectors[0] if view.inspectors else "",
            SignatureRole.INSPECTOR_2: view.inspectors[1] if len(view.inspectors) > 1 else "",
            SignatureRole.ENTERPRISE: review.enterprise.contact_person,
        }
        for role, box in self.boxes.items():
            signature = review.signatures.get(role)
            box.pad.set_read_only(False)
            if signature is None:
                box.pad.set_strokes([])
                box.name.setText("" if finalized else defaults[role])
                # Finalized without a signature: data from before signing existed (or the demo).
                box.signed_at.setText(self.tr("未留签名") if finalized else "")
                box.signed_at.setToolTip("")
            else:
                box.pad.set_strokes(signature.strokes)
                box.name.setText(signature.signer_name)
                box.signed_at.setText(self.local(signature.signed_at))
                box.signed_at.setToolTip(self.tr("签名时间"))
            box.set_read_only(finalized)

    def entries(self, saved: dict[SignatureRole, Signature]) -> list[SignatureEntry]:
        """What each pad holds, compared with the `saved` signatures."""
        return [box.entry(saved.get(role)) for role, box in self.boxes.items()]


def _same_strokes(saved: Signature, strokes: Strokes) -> bool:
    """Whether the pad still shows exactly the saved drawing (rounding as the service does)."""
    if len(saved.strokes) != len(strokes):
        return False
    return all(
        len(a) == len(b) and all(abs(p[0] - q[0]) < 1e-4 and abs(p[1] - q[1]) < 1e-4 for p, q in zip(a, b, strict=True))
        for a, b in zip(saved.strokes, strokes, strict=True)
    )
