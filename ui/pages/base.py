"""The base class of a main-window screen."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from competence.changes import Changes
from ui.context import AppContext


class Page(QWidget):
    """A screen. Loads its data the first time it is shown, and again on :meth:`refresh`, or when an
    action changed something it shows (:attr:`shows`): at once when it is visible, else when it is
    shown next.

    Subclasses implement :meth:`reload` (start loading, normally on a background task, and emit
    :attr:`loaded` when the data is shown) and may override :meth:`focus_search` (Ctrl+F).
    """

    #: Emitted each time the page has finished loading what it shows.
    loaded = Signal()
    #: The kinds of data the screen shows: a change of another kind leaves it as it is.
    shows: ClassVar[Changes] = Changes.everything()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._loaded = False
        self._stale = False
        ctx.changed.connect(self._on_changed)

    def activate(self) -> None:
        """The page became visible: load it the first time, or again if the data changed meanwhile."""
        if not self._loaded or self._stale:
            self._loaded = True
            self._stale = False
            self.reload()

    def refresh(self) -> None:
        """F5: reload now."""
        self._loaded = True
        self._stale = False
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def help_topic(self) -> str:
        """The part of the user guide F1 opens on this screen (ui/help.py): by default the
        screen's own, named by its key."""
        return self.objectName().removeprefix("page_")

    def show_start(self) -> None:
        """The screen was chosen in the navigation (or with Ctrl+number): show its starting point
        (Ansatte: the list, also when a card was open)."""

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in the page's search field; False when the page has none."""
        return False

    def patch_levels(self, pairs: frozenset[tuple[int, int]]) -> bool:
        """Only the levels of these (employee, competence) pairs changed, of what the screen shows:
        bring what it shows up to date without loading it all again, and say True; False (the
        default) when the screen cannot, and reloads instead (docs/decisions/0015)."""
        return False

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(self.shows):
            return
        if changes.levels_only and self._loaded and not self._stale and self.patch_levels(changes.assessed):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
