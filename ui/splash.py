"""The start-up splash: shown while the database is opened (and perhaps migrated and backed up).

A plain frameless window rather than ``QSplashScreen``, whose ``show()`` blocks until the window
is exposed (up to a second on platforms that never report it, such as the headless one).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def splash_pixmap() -> QPixmap:
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
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


class Splash(QWidget):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setAccessibleName(self.tr("Kompetanseregister starter"))
        self.picture = QLabel()
        self.picture.setPixmap(splash_pixmap())
        self.text = QLabel(self.picture)
        self.text.setStyleSheet("color: white;")
        self.text.setGeometry(24, 160, 412, 28)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        self.setFixedSize(460, 200)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())

    def message(self, text: str) -> None:
        self.text.setText(text)
