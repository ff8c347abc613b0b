"""The plaque's QR code: what it holds, how it is packed, and how it is drawn.

It holds `<address>#<payload>` when the office has set a verification address
(settings.plaque_verify_url), so a phone's camera or WeChat opens the office's page with the
payload after the "#" (never sent to the server); without an address, the bare payload.

A QR code packs text in segments, each in one mode: numeric (3.3 bits a digit), alphanumeric
(digits, A–Z and ` $%*+-./:`, 5.5 bits a character) or bytes (8 bits). One mode for all would be
bytes here (the "#" and a lower-case path are not alphanumeric); `segments` gives each run of
text the cheapest mode worth switching to, and the address's scheme and host, which are
case-insensitive, are written in capitals so that they fit the alphanumeric mode. The payload's
signature is 155 digits: numeric. The code is then version 6 to 8 (41–49 modules) where a single
byte segment would have needed version 10.

Drawn with a quiet zone of 4 modules (the standard's minimum: decoders find the code by it) at
a fixed size on the plaque; `module_mm` says how big a module comes out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlsplit

from reportlab.graphics.barcode.qrencoder import QR, QR8bitByte, QRAlphaNum, QRCode, QRErrorCorrectLevel, QRNumber
from reportlab.lib.colors import black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code
MASK = 2  # columns pattern: any mask is valid QR; a fixed one spares make()'s search over eight
ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]")
# Shorter runs cost more in a mode switch (4 bits of mode, 9–10 bits of count) than they save.
MIN_NUMERIC_RUN = 13
MIN_ALPHANUMERIC_RUN = 11


def qr_text(payload: str, address: str = "") -> str:
    """What the code holds: `<address>#<payload>`, or the payload alone without an address."""
    address = address.strip()
    if not address:
        return payload
    parts = urlsplit(address)
    head = f"{parts.scheme.upper()}://{parts.netloc.upper()}"
    return f"{head}{address[len(parts.scheme) + 3 + len(parts.netloc) :]}#{payload}"


def segments(text: str) -> list[QR]:
    """`text` cut into numeric, alphanumeric and byte segments (see the module doc)."""
    runs: list[tuple[str, str]] = []  # (mode, text)
    for is_alnum, chars in groupby(text, key=lambda ch: bool(ALPHANUMERIC.fullmatch(ch))):
        run = "".join(chars)
        if not is_alnum:
            runs.append(("byte", run))
            continue
        # Long digit runs inside an alphanumeric run go numeric.
        for piece in re.split(rf"(\d{{{MIN_NUMERIC_RUN},}})", run):
            if piece:
                runs.append(("numeric" if piece.isdigit() and len(piece) >= MIN_NUMERIC_RUN else "alnum", piece))
    # A short alphanumeric run between bytes is cheaper as bytes.
    merged: list[tuple[str, str]] = []
    for mode, piece in runs:
        if mode == "alnum" and len(piece) < MIN_ALPHANUMERIC_RUN and merged and merged[-1][0] == "byte":
            mode = "byte"
        if merged and merged[-1][0] == mode:
            merged[-1] = (mode, merged[-1][1] + piece)
        else:
            merged.append((mode, piece))
    kinds = {"numeric": QRNumber, "alnum": QRAlphaNum, "byte": QR8bitByte}
    return [kinds[mode](piece) for mode, piece in merged]


@dataclass(frozen=True)
class QrMatrix:
    modules: list[list[bool]]
    version: int

    @property
    def count(self) -> int:
        return len(self.modules)

    def module_mm(self, size_pt: float) -> float:
        """The side of one module, in millimetres, when the code and its quiet zone take `size_pt`."""
        return size_pt / (self.count + 2 * QUIET_ZONE) / mm


def qr_matrix(text: str) -> QrMatrix:
    qr = QRCode(None, QRErrorCorrectLevel.M)
    for segment in segments(text):
        qr.addData(segment)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, MASK)
    return QrMatrix([[bool(m) for m in row] for row in qr.modules], qr.version)


def draw_qr(c: Canvas, matrix: QrMatrix, x: float, y: float, size: float) -> None:
    """The code with its quiet zone in the square (x, y, size) as one filled path of horizontal
    runs. reportlab's QrCodeWidget drawn through renderPDF would name a non-embedded Helvetica
    in the page and draw one rectangle per run."""
    box = size / (matrix.count + 2 * QUIET_ZONE)
    path = c.beginPath()
    for r, row in enumerate(matrix.modules):
        top = y + size - (r + QUIET_ZONE + 1) * box
        col = 0
        for dark, run in groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + (col + QUIET_ZONE) * box, top, length * box, box)
            col += length
    c.saveState()
    c.setFillColor(white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(black)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
