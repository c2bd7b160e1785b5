"""First start on an empty register: "Importer personalliste" opens the roster wizard."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.app import Startup
from ui.first_start import FirstStartDialog
from ui.importing.page import ImportPage
from ui.importing.roster_wizard import FILE_PAGE, RosterWizard


def test_import_a_roster_opens_the_wizard(
    startup: Startup,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen: list[FirstStartDialog] = []

    def choose_import(dialog: FirstStartDialog) -> int:
        assert not dialog.import_button.isHidden()  # the wizard exists, so the choice is offered
        chosen.append(dialog)
        dialog.import_button.click()
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", choose_import)
    startup.start(f"sqlite:///{tmp_path / 'tomt.db'}")
    qtbot.waitUntil(lambda: len(chosen) == 1, timeout=10_000)
    window = startup.window
    assert window is not None and window.current_key == "import"
    page = window.page("import")
    assert isinstance(page, ImportPage)
    wizard = page.wizard
    assert isinstance(wizard, RosterWizard) and wizard.isVisible()
    assert wizard.currentId() == FILE_PAGE
    wizard.reject()
