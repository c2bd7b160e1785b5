"""Draw the program's icon: ``resources/icons/kompetanseregister.png`` (256 px, the window icon and
Linux) and ``kompetanseregister.ico`` (16-256 px, the Windows programs, shortcuts and installer).

    .venv/bin/python scripts/make_icons.py

A rounded square in the app's blue with three rising bars (levels of competence) and a tick
(requirement met). Drawn with Qt, so no drawing program is needed; the ICO holds PNG images, which
Windows has read since Vista.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE = QColor("#1f4e79")
BARS = (QColor("#9dc3e6"), QColor("#c5e0b4"), QColor("#ffffff"))
TICK = QColor("#70ad47")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(0.5 * unit, 0.5 * unit, 15 * unit, 15 * unit), 3 * unit, 3 * unit)
    for i, (height, colour) in enumerate(zip((4.0, 7.0, 10.0), BARS, strict=True)):
        p.setBrush(colour)
        left = (2.5 + i * 3.5) * unit
        bar = QRectF(left, (13.5 - height) * unit, 2.6 * unit, height * unit)
        p.drawRoundedRect(bar, 0.5 * unit, 0.5 * unit)
    if size >= 24:
        tick = QPainterPath(QPointF(2.8 * unit, 4.4 * unit))
        tick.lineTo(QPointF(4.4 * unit, 6.0 * unit))
        tick.lineTo(QPointF(7.4 * unit, 2.6 * unit))
        cap, join = Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        p.setPen(QPen(TICK, 1.3 * unit, Qt.PenStyle.SolidLine, cap, join))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[bytes]) -> bytes:
    """An ICO file holding PNG images (one directory entry per size)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(SIZES, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    FOLDER.mkdir(parents=True, exist_ok=True)
    images = [png_bytes(draw(size)) for size in SIZES]
    (FOLDER / "kompetanseregister.png").write_bytes(images[-1])
    (FOLDER / "kompetanseregister.ico").write_bytes(ico(images))
    print(f"skrev {FOLDER / 'kompetanseregister.png'} og {FOLDER / 'kompetanseregister.ico'}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
