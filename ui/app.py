"""Application start-up: parse arguments, open (and migrate) the database, show the main window."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from db.errors import LocalizedError
from db.session import Database, open_database


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kompetanseregister")
    parser.add_argument(
        "--db", metavar="URL", help="database URL or SQLite file (default: the user's data folder)"
    )
    parser.add_argument("--demo", action="store_true", help="open a demo municipality")
    args, _qt_args = parser.parse_known_args(list(argv[1:]))
    return args


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(self.tr("Kompetanseregister"))
        self.setCentralWidget(QLabel(self.tr("Kompetanseregister")))
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", database.location))
        self.resize(1100, 720)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    app = QApplication(list(argv))
    app.setApplicationName("Kompetanseregister")
    try:
        database = open_database(args.db)
    except LocalizedError as exc:
        QMessageBox.critical(None, "Kompetanseregister", exc.message("nb"))
        return 1
    window = MainWindow(database)
    window.show()
    return app.exec()
