"""The start-up splash: shown while the database is opened (and perhaps migrated and backed up)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QSplashScreen


def splash_pixmap() -> QPixmap:
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    width, height = 460, 200
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(24, 64, 112))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPointSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(24, 40, width - 48, 40), int(Qt.AlignmentFlag.AlignLeft), "Kompetanseregister")
    font.setPointSize(10)
    font.setBold(False)
    painter.setFont(font)
    painter.setPen(QColor(200, 220, 240))
    painter.drawText(
        QRect(24, 86, width - 48, 40),
        int(Qt.AlignmentFlag.AlignLeft),
        QCoreApplication.translate("Splash", "Kompetanse og utvikling i kommunen"),
    )
    painter.end()
    return pixmap


class Splash(QSplashScreen):
    def __init__(self) -> None:
        super().__init__(splash_pixmap())
        self.setAccessibleName(self.tr("Kompetanseregister starter"))

    def message(self, text: str) -> None:
        self.showMessage(
            text, int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft), QColor("white")
        )
